//! Payments recorded in batches, for imports.
//!
//! A single `payctl create` keeps the balance caches (`payment_balances`, `invoice_balances`,
//! `open_invoices`) up to date through triggers, and the triggers refuse any allocation past an
//! invoice's total or a payment's amount. Those triggers cost more than everything else an
//! imported payment writes (benches/PROFILE.md), because they run row by row. A [`Batch`] turns
//! them off on its own connection, for the length of the import's one transaction, and does
//! their work set-wise instead, every [`BATCH_ROWS`] payments and at the end:
//!
//! - each payment is planned by the same rules as `create` (`core::payment::plan_payment`,
//!   called by the import command between [`Batch::facts`] and [`Batch::stage`]), against
//!   invoice balances reduced by what the batch has already allocated to them, and kept in
//!   memory with its id until the batch is flushed (so memory stays flat however long the
//!   file is);
//! - [`Batch::flush`] writes the batch's payments a table at a time (payments, balance rows,
//!   Collect activities, allocations, audit events, idempotency keys), adds their allocations
//!   to `invoice_balances`, removes the invoices they paid from `open_invoices`, and checks
//!   every invoice and payment the batch touched against the triggers' rules (for invoices,
//!   core's `allocated_after`, the rule the planner applied row by row). If one fails,
//!   the import stops and its transaction is rolled back: nothing is written.
//!
//! While the triggers are off, this connection writes only the import's own rows and the
//! flush's updates of the caches; other processes' writes wait for the import's lock, and
//! still run every trigger.

use super::db::Engine;
use super::Tx;
use crate::core::period::ClosedPeriod;
use crate::params;
use rustc_hash::FxHashMap;
use std::collections::BTreeMap;

use super::{customers, payments, totals, Actor, SqlResult};
use crate::core::currency::Currency;
use crate::core::dates::format_timestamp;
use crate::core::payment::{
    allocated_after, CreateFacts, CreatePayment, CustomerFacts, DuplicateCandidate, InvoiceFacts,
    PaymentPlan,
};
use crate::error::{Error, Result, StorageKind};

/// Payments per batch: enough that the set-wise statements are cheap per row, few enough that
/// the staged payments held in memory stay small (about 1 KB each; 100,000 payments took
/// 5.3-5.4 s at batches of 2,000, 5,000 and 10,000 alike, and 20,000 cost 7 MB more).
pub const BATCH_ROWS: usize = 5_000;

/// Payments per batch on PostgreSQL, where a flush costs more than rows: each flush's COPYs
/// fire the balance triggers once per table, and a balance row that two flushes update is
/// written (and its foreign key checked) twice. Importing 100,000 payments into 100,000 open
/// invoices took the server 17.2 s at batches of 5,000, 14.3-15.2 s at 20,000 and 15.0 s at
/// 50,000 (`pg_stat_statements`, plan and execution); the import's peak memory went from
/// 54 MB to 93 MB and 171 MB.
pub const SERVER_BATCH_ROWS: usize = 20_000;

/// Customers' facts kept between rows (they cannot change during a payments import); the
/// cache is emptied when full. A miss is one seek into a small table, so it stays small.
const MAX_CUSTOMERS: usize = 10_000;

/// Open invoices kept by a batch that reads ahead (PostgreSQL) before it drops them all and
/// reads again: a customer's open set is read once per import, not once per payment.
const MAX_OPEN: usize = 200_000;

/// ...or this many per payment of a batch, if fewer: the same bound for an import, and a small
/// one for the tests' batches of a few rows (`PAYCTL_IMPORT_BATCH_ROWS`), so that they drop
/// and read the open sets again as a huge import does.
const OPEN_PER_BATCH_ROW: usize = 10;

/// What the import command knows of a row before it plans it, for [`Batch::read_ahead`]:
/// the customer it names and the idempotency key it will be recorded under, when the row says.
/// A guess that turns out wrong (a row that is refused, a key spelt otherwise) costs only the
/// statement the read ahead would have saved.
#[derive(Debug, Default)]
pub struct Ahead {
    pub customer: Option<i64>,
    pub key: Option<String>,
    /// The row's amount and reference as written, for its duplicate candidates (SPEC §10).
    pub amount: Option<rust_decimal::Decimal>,
    pub reference: Option<String>,
}

use payments::DuplicateKey;

/// What a batch that reads ahead (PostgreSQL: each read is a round trip) holds of the ledger,
/// read a run of rows at a time: their idempotency keys, their customers' open sets, and the
/// occurrence counts of the rows' contents in this file (SQLite counts these in the temporary
/// table `import_seen`; here they are counted in memory, 16-byte digests).
#[derive(Default)]
struct Ahead_ {
    /// The keys of the current run of rows, as the ledger holds them (`None`: it does not),
    /// brought up to date as the batch stages payments under them.
    keys: FxHashMap<String, Option<(String, i64)>>,
    /// Each customer's open invoices, oldest first, with everything the import allocated to
    /// them applied.
    open: FxHashMap<i64, Vec<InvoiceFacts>>,
    /// Where each invoice of `open` is: its customer and its index.
    at: FxHashMap<i64, (i64, usize)>,
    /// How many rows of each content this file had so far.
    seen: Seen,
    /// The ledger's live payments under the duplicate keys of the current run of rows, as
    /// [`payments::duplicates`] reads them for one (an empty list: none). The batch's own
    /// payments are in [`Batch::staged_references`] until the next read ahead.
    duplicates: FxHashMap<DuplicateKey, Vec<DuplicateCandidate>>,
}

/// The occurrence counts of the rows' contents in one imported file, in memory (SQLite counts
/// them in the temporary table `import_seen`; on PostgreSQL a statement per row is a round
/// trip): the payments batch and the invoices batch ([`super::batch_invoices`]) count with it.
#[derive(Default)]
pub(super) struct Seen {
    /// How many rows of each content (by the first 16 bytes of its SHA-256) this file had so far.
    seen: FxHashMap<u128, i64>,
    /// The content the current row counted, if it did: a refused row's count is taken back
    /// ([`Seen::forget_row`]), as the rollback to its savepoint takes back SQLite's.
    counted: Option<u128>,
}

impl Seen {
    /// The occurrence number of a row whose content has digest `fingerprint` (hex SHA-256) in
    /// this file so far, 0 the first time (as [`super::bulk::occurrence`]).
    pub(super) fn occurrence(&mut self, fingerprint: &str) -> i64 {
        let digest = digest(fingerprint);
        let n = self.seen.entry(digest).or_insert(-1);
        *n += 1;
        self.counted = Some(digest);
        *n
    }

    /// A row begins: nothing counted for it yet.
    pub(super) fn begin_row(&mut self) {
        self.counted = None;
    }

    /// The row that began last was refused and rolled back: its count is taken back.
    pub(super) fn forget_row(&mut self) {
        if let Some(digest) = self.counted.take() {
            if let Some(n) = self.seen.get_mut(&digest) {
                *n -= 1;
            }
        }
    }

    /// The number the next row of this content gets, without counting it.
    pub(super) fn next_occurrence(&self, fingerprint: &str) -> i64 {
        self.seen.get(&digest(fingerprint)).map_or(0, |n| n + 1)
    }
}

/// A payment of the batch, planned and numbered, written at the flush.
struct Staged {
    id: i64,
    plan: PaymentPlan,
    /// `plan.effective` as stored, formatted once for the rows that carry it.
    effective: String,
}

pub struct Batch<'t, 'c> {
    tx: &'t Tx<'c>,
    /// Minor units allocated to each invoice by this batch, not yet in `invoice_balances`.
    pending: FxHashMap<i64, i64>,
    /// Minor units allocated to each invoice by the whole import, kept past the flushes: the
    /// invoices it touched and what it applied to each, for its summary. One hash update per
    /// allocation, as `pending`; the invoices' state is read once, at the end. `None` once
    /// the import said it reads them from the ledger instead ([`Batch::forget_applied`]).
    applied: Option<FxHashMap<i64, i64>>,
    customers: FxHashMap<i64, CustomerFacts>,
    /// The first payment and allocation ids of the current batch, once it has a payment.
    first: Option<(i64, i64)>,
    /// The batch's payments, in the order of the file; their ids follow on from `first`.
    staged: Vec<Staged>,
    /// The batch's idempotency keys: the request fingerprint and payment id of each. Sorted,
    /// so that the flush adds them to the key index in order.
    keys: BTreeMap<String, (String, i64)>,
    /// Each currency's ledger total with the batch's payments in it (read from
    /// `currency_totals` until its first payment), a fact of each row's plan as of `create`,
    /// and stored at each flush.
    totals: totals::Running,
    /// Payments per batch: `LedgerConfig::import_batch_rows` ([`BATCH_ROWS`] unless a test
    /// asks for fewer, so that small files cross batch boundaries).
    limit: usize,
    /// PostgreSQL: the triggers stay on and keep the caches; the flush writes the rows with
    /// COPY (src/ledger/batch_pg.rs).
    postgres: bool,
    /// PostgreSQL: what the batch read ahead of the rows (`None` on SQLite, whose reads cost
    /// no round trip).
    ahead: Option<Ahead_>,
    /// The close in force, read once: nothing but an import writes while it runs.
    closed: Option<Option<ClosedPeriod>>,
    /// The batch's payments with a reference, by customer and amount: the rows of the file a
    /// later row may duplicate (SPEC §10). On SQLite they are dropped at each flush (a later row
    /// finds them in the ledger, as any other payment); a batch that reads ahead keeps them
    /// until its next read ahead, whose reads of the ledger then include them.
    staged_references: FxHashMap<(i64, i64), Vec<DuplicateCandidate>>,
    /// The id of this import's first payment: a candidate from that id on is a row of this
    /// file, written by an earlier flush or not, and is named as one.
    import_first: Option<i64>,
}

impl<'t, 'c> Batch<'t, 'c> {
    /// Starts batching on `tx`'s connection: its triggers are off until [`Batch::finish`] (or
    /// until the batch is dropped, if the import fails and is rolled back). A batch holds at
    /// most `rows` payments (at least one).
    ///
    /// On PostgreSQL the triggers stay on (a clerk may not turn them off, and should not be
    /// able to): they keep and guard the caches, and the batch only writes its rows
    /// (src/ledger/batch_pg.rs). Always `Some`.
    pub fn new(tx: &'t Tx<'c>, rows: usize) -> Result<Option<Self>> {
        let postgres = tx.engine() == Engine::Postgres;
        if !postgres {
            set_triggers(tx, false)?;
        }
        Ok(Some(Batch {
            tx,
            pending: FxHashMap::default(),
            applied: Some(FxHashMap::default()),
            customers: FxHashMap::default(),
            first: None,
            staged: Vec::new(),
            keys: BTreeMap::new(),
            totals: totals::Running::default(),
            limit: rows.max(1),
            postgres,
            ahead: postgres.then(Ahead_::default),
            closed: None,
            staged_references: FxHashMap::default(),
            import_first: None,
        }))
    }

    /// Whether the import should tell the batch about rows ahead ([`Batch::read_ahead`]) and
    /// count occurrences with it ([`Batch::occurrence`]): on PostgreSQL.
    pub fn reads_ahead(&self) -> bool {
        self.ahead.is_some()
    }

    /// The occurrence number of a row whose content has digest `fingerprint` (hex SHA-256) in
    /// this file so far, 0 the first time (as [`super::bulk::occurrence`]), counted in memory.
    /// `None` when this batch does not read ahead: the caller counts in the ledger.
    pub fn occurrence(&mut self, fingerprint: &str) -> Option<i64> {
        Some(self.ahead.as_mut()?.seen.occurrence(fingerprint))
    }

    /// A row begins (with --rejects, where a refused row leaves no trace).
    pub fn begin_row(&mut self) {
        if let Some(ahead) = self.ahead.as_mut() {
            ahead.seen.begin_row();
        }
    }

    /// The row that began last was refused and rolled back to its savepoint: its occurrence
    /// is not counted, as on SQLite, where the rollback takes back its row in `import_seen`.
    pub fn forget_row(&mut self) {
        if let Some(ahead) = self.ahead.as_mut() {
            ahead.seen.forget_row();
        }
    }

    /// [`Batch::occurrence`] without counting: the number the next row of this content gets.
    pub fn next_occurrence(&self, fingerprint: &str) -> Option<i64> {
        Some(self.ahead.as_ref()?.seen.next_occurrence(fingerprint))
    }

    /// Reads what the coming `rows` will need, a statement per kind of fact for the lot: the
    /// customers' facts, their open sets, and the ledger's entries under the rows' keys. The
    /// batch's own pending allocations are applied; afterwards [`Batch::facts`] and
    /// [`Batch::stored_key`] answer these rows from memory. Reads only; a no-op on SQLite.
    pub fn read_ahead(&mut self, rows: &[Ahead]) -> Result<()> {
        let tx = self.tx;
        let Some(ahead) = self.ahead.as_mut() else {
            return Ok(());
        };
        let mut keys: Vec<String> = Vec::new();
        ahead.keys.clear();
        ahead.duplicates.clear();
        // Full: every open set is dropped before this run's customers are listed, so that
        // the run reads all of its customers' sets in its statements. (Dropped after, the sets
        // of this run's customers that were cached were read again one row at a time.)
        if ahead.at.len() >= MAX_OPEN.min(self.limit.saturating_mul(OPEN_PER_BATCH_ROW)) {
            ahead.open.clear();
            ahead.at.clear();
        }
        let mut run_customers: Vec<i64> = Vec::new();
        for row in rows {
            if let Some(key) = &row.key {
                if !self.keys.contains_key(key) && !ahead.keys.contains_key(key) {
                    ahead.keys.insert(key.clone(), None);
                    keys.push(key.clone());
                }
            }
            if let Some(c) = row.customer {
                if !run_customers.contains(&c) {
                    run_customers.push(c);
                }
            }
        }
        for chunk in keys.chunks(super::invoices::IN_LIST) {
            for (key, fingerprint, id) in payments::stored_keys(tx, chunk)? {
                ahead.keys.insert(key, Some((fingerprint, id)));
            }
        }
        // The run's customers whose open sets are not cached yet.
        let customers: Vec<i64> = run_customers
            .iter()
            .copied()
            .filter(|c| !ahead.open.contains_key(c))
            .collect();
        // The customers' cache is bounded by the batch too, so that the tests' batches of a
        // few rows cross its emptying.
        let bound = MAX_CUSTOMERS.min(self.limit.max(rows.len()));
        let facts_wanted = customers_to_read(&mut self.customers, run_customers, bound);
        for chunk in facts_wanted.chunks(super::invoices::IN_LIST) {
            for c in customers::facts_many(tx, chunk)? {
                self.customers.insert(c.id, c);
            }
        }
        let pending = &self.pending;
        let pending = |id: i64| pending.get(&id).copied().unwrap_or(0);
        for chunk in customers.chunks(super::invoices::IN_LIST) {
            for (customer, open) in super::invoices::open_sets(tx, chunk, &pending)? {
                for (i, f) in open.iter().enumerate() {
                    ahead.at.insert(f.id, (customer, i));
                }
                ahead.open.insert(customer, open);
            }
        }
        // The rows' duplicate candidates in the ledger, a statement per IN_LIST rows. What
        // the batch staged and flushed since the last read ahead is in the ledger now; what it
        // has not flushed stays in `staged_references`.
        let mut wanted: Vec<DuplicateKey> = Vec::new();
        for row in rows {
            let (Some(c), Some(amount), Some(reference)) =
                (row.customer, row.amount, row.reference.as_deref())
            else {
                continue;
            };
            let reference = crate::core::payment::duplicate_key(reference);
            let currency = match self.customers.get(&c) {
                Some(customer) => customer.currency,
                None => continue,
            };
            let Ok(amount) = crate::core::Money::from_decimal(amount, currency) else {
                continue;
            };
            let key = (c, amount.minor(), reference.to_string());
            if reference.is_empty() || ahead.duplicates.contains_key(&key) {
                continue;
            }
            ahead.duplicates.insert(key.clone(), Vec::new());
            wanted.push(key);
        }
        for chunk in wanted.chunks(payments::DUPLICATE_KEYS) {
            for (key, candidate) in payments::duplicates_many(tx, chunk)? {
                if let Some(list) = ahead.duplicates.get_mut(&key) {
                    list.push(candidate);
                }
            }
        }
        let unflushed = self.first.map(|(payment, _)| payment);
        for list in self.staged_references.values_mut() {
            list.retain(|d| unflushed.is_some_and(|first| d.id >= first));
        }
        self.staged_references.retain(|_, list| !list.is_empty());
        Ok(())
    }

    /// The import's transaction, for what a row reads outside the batch's own facts (the
    /// invoices its allocations name by number).
    pub fn tx(&self) -> &'t Tx<'c> {
        self.tx
    }

    /// What the batch or the ledger holds under idempotency key `key`: the fingerprint of the
    /// request it recorded and the payment's id (as [`payments::stored_key`], the batch's own
    /// keys first: they are not written until the flush).
    pub fn stored_key(&self, key: &str) -> Result<Option<(String, i64)>> {
        if let Some((stored, id)) = self.keys.get(key) {
            return Ok(Some((stored.clone(), *id)));
        }
        if let Some(known) = self.ahead.as_ref().and_then(|a| a.keys.get(key)) {
            return Ok(known.clone());
        }
        payments::stored_key(self.tx, key)
    }

    /// What the rules need to plan `req` (as [`payments::create_facts`]), with the batch's
    /// pending allocations applied to the invoices' balances and its running ledger total.
    /// Reads only.
    pub fn facts(&mut self, req: &CreatePayment) -> Result<CreateFacts> {
        let tx = self.tx;
        let customer = match self.customers.get(&req.customer_id) {
            Some(c) => c.clone(),
            None => {
                let c = customers::facts(tx, req.customer_id)?;
                if self.customers.len() >= MAX_CUSTOMERS {
                    self.customers.clear();
                }
                self.customers.insert(c.id, c.clone());
                c
            }
        };
        let ledger_total = self.totals.total(tx, customer.currency)?;
        let closed = match &self.closed {
            Some(closed) => closed.clone(),
            None => {
                let closed = super::periods::closed(tx)?;
                self.closed = Some(closed.clone());
                closed
            }
        };
        let pending = |id: i64| self.pending.get(&id).copied().unwrap_or(0);
        let open_set = match &self.ahead {
            Some(ahead) if req.auto_allocate => ahead.open.get(&customer.id).map(Vec::as_slice),
            _ => None,
        };
        let currency = customer.currency;
        let mut facts = payments::gather_facts_for(
            self.tx,
            req,
            customer,
            &pending,
            ledger_total,
            open_set,
            closed,
        )?;
        facts.duplicates = self.duplicates(req, currency)?;
        Ok(facts)
    }

    /// `req`'s duplicate candidates (as [`payments::duplicates`]) among the ledger's payments
    /// and the rows of this import: read ahead where the batch did, else read now.
    fn duplicates(
        &self,
        req: &CreatePayment,
        currency: Currency,
    ) -> Result<Vec<DuplicateCandidate>> {
        let amount = crate::core::Money::from_decimal(req.amount, currency).ok();
        let reference = req
            .reference
            .as_deref()
            .map(crate::core::payment::duplicate_key)
            .filter(|r| !r.is_empty() && !req.allow_duplicate);
        let (Some(amount), Some(reference)) = (amount, reference) else {
            return Ok(Vec::new());
        };
        let key = (req.customer_id, amount.minor(), reference.to_string());
        let read_ahead = self.ahead.as_ref().and_then(|a| a.duplicates.get(&key));
        let mut found = match read_ahead {
            Some(list) => list.clone(),
            None => payments::duplicates(self.tx, req, currency)?,
        };
        if let Some(staged) = self
            .staged_references
            .get(&(req.customer_id, amount.minor()))
        {
            found.extend(staged.iter().cloned());
        }
        // One payment once (a row flushed since the read ahead may be in both), by id.
        found.sort_by_key(|d| d.id);
        found.dedup_by_key(|d| d.id);
        for d in &mut found {
            d.in_this_import |= self.import_first.is_some_and(|first| d.id >= first);
        }
        Ok(found)
    }

    /// Stages a payment planned from [`Batch::facts`] (`core::payment::plan_payment`) and
    /// returns its id: its rows are written at the next flush (at once if the batch is full).
    /// Checks nothing: a refused row never gets here, so with --rejects it leaves nothing
    /// pending.
    pub fn stage(&mut self, actor: &Actor, req: &CreatePayment, plan: PaymentPlan) -> Result<i64> {
        let tx = self.tx;
        let first_payment = match self.first {
            Some((payment, _)) => payment,
            None => {
                let first = (next_id(tx, "payments")?, next_id(tx, "allocations")?);
                self.first = Some(first);
                first.0
            }
        };
        let id = first_payment + self.staged.len() as i64;
        self.import_first.get_or_insert(id);
        for (invoice, amount) in &plan.allocations {
            *self.pending.entry(*invoice).or_default() += amount.minor();
            if let Some(applied) = self.applied.as_mut() {
                *applied.entry(*invoice).or_default() += amount.minor();
            }
            if let Some(ahead) = self.ahead.as_mut() {
                if let Some(&(customer, i)) = ahead.at.get(invoice) {
                    if let Some(f) = ahead.open.get_mut(&customer).and_then(|o| o.get_mut(i)) {
                        super::invoices::apply_pending(f, amount.minor());
                    }
                }
            }
        }
        self.totals.set(plan.amount.currency(), plan.ledger_total);
        if let Some(key) = &req.idempotency_key {
            let fingerprint = req.fingerprint_digest();
            if let Some(known) = self.ahead.as_mut().and_then(|a| a.keys.get_mut(key)) {
                *known = Some((fingerprint.clone(), id));
            }
            self.keys.insert(key.clone(), (fingerprint, id));
        }
        if let Some(reference) = &plan.reference {
            self.staged_references
                .entry((plan.customer_id, plan.amount.minor()))
                .or_default()
                .push(DuplicateCandidate {
                    id,
                    reference: reference.clone(),
                    in_this_import: true,
                });
        }
        self.staged.push(Staged {
            id,
            effective: format_timestamp(plan.effective),
            plan,
        });
        if self.staged.len() >= self.limit {
            self.flush(actor)?;
        }
        Ok(id)
    }

    /// Writes the batch's payments, brings the balance caches up to date with them, and
    /// checks them. Callers that write rows of their own in the import flush first, so that
    /// ids follow the order of the file.
    pub fn flush(&mut self, actor: &Actor) -> Result<()> {
        let Some((first_payment, first_allocation)) = self.first.take() else {
            return Ok(());
        };
        // Written now: a later row finds them in the ledger (a batch that reads ahead keeps
        // them until it reads ahead again, see `staged_references`).
        if self.ahead.is_none() {
            self.staged_references.clear();
        }
        let tx = self.tx;
        if self.postgres {
            return self.flush_postgres(actor);
        }
        self.write_staged(actor)?;
        self.totals.store(tx)?;
        let refuse = |what: String| {
            Error::storage(StorageKind::Internal {
                detail: format!("the import's batch check failed: {what}; nothing was imported"),
            })
        };
        // Each invoice the batch allocated to: checked against the rule the trigger enforces
        // (never past its total, never a closed invoice), then its balance brought up to date
        // (`allocations_balance`), and if now paid in full, out of the open set
        // (`invoice_balances_closes`). One seek per statement: the set-wise form (UPDATE …
        // FROM a GROUP BY) cost more in temporary B-trees than it saved.
        for (&invoice, &amount) in &self.pending {
            let (allocated, total, closed, customer, due, date): (
                i64,
                i64,
                bool,
                i64,
                String,
                String,
            ) = tx
                .query_row(
                "SELECT b.allocated, i.total + b.adjusted, CASE WHEN b.closed IS NOT NULL THEN 1 ELSE 0 END, i.customer_id, i.due_at, i.effective_at
                 FROM invoice_balances b JOIN invoices i ON i.id = b.invoice_id WHERE b.invoice_id = ?1",
                params![invoice], |r| {
                    Ok((
                        r.get(0)?,
                        r.get(1)?,
                        r.get(2)?,
                        r.get(3)?,
                        r.get(4)?,
                        r.get(5)?,
                    ))
                })?;
            let Some(after) = allocated_after(allocated, amount, total, closed) else {
                return Err(refuse(format!(
                    "allocations would take invoice {invoice} past its total, or onto a closed invoice"
                )));
            };
            tx.execute(
                "UPDATE invoice_balances SET allocated = ?2 WHERE invoice_id = ?1",
                params![invoice, after],
            )?;
            if after == total {
                tx.execute(
                    "DELETE FROM open_invoices
                     WHERE customer_id = ?1 AND due_at = ?2 AND effective_at = ?3 AND invoice_id = ?4",
                    params![customer, due, date, invoice],
                )?;
            }
        }
        // The rows themselves: each allocation of the batch joins a payment of the batch, of
        // the invoice's customer and currency, and no payment spends more than its amount.
        let bad: Option<i64> = tx.query_opt(
                "SELECT a.id FROM allocations a
                 LEFT JOIN payments p ON p.id = a.payment_id
                 LEFT JOIN invoices i ON i.id = a.invoice_id
                 LEFT JOIN payment_balances b ON b.payment_id = a.payment_id
                 WHERE a.id >= ?1
                   AND (p.id IS NULL OR i.id IS NULL OR b.payment_id IS NULL OR a.payment_id < ?2
                        OR a.amount <= 0 OR i.customer_id <> p.customer_id OR i.currency <> p.currency
                        OR b.allocated < 0 OR b.allocated + b.refunded + b.written_off > p.amount)
                 LIMIT 1",
            params![first_allocation, first_payment],
            |r| r.get(0),
        )?;
        if let Some(id) = bad {
            return Err(refuse(format!(
                "allocation {id} is not of a payment of this import of its invoice's customer and currency, or spends more than its payment"
            )));
        }
        self.pending.clear();
        Ok(())
    }

    /// [`Batch::flush`] on PostgreSQL: the rows, a COPY per table, and the ledger totals; the
    /// triggers bring the caches up to date and check every allocation as it goes in.
    fn flush_postgres(&mut self, actor: &Actor) -> Result<()> {
        let staged = std::mem::take(&mut self.staged);
        let keys: Vec<(String, (String, i64))> =
            std::mem::take(&mut self.keys).into_iter().collect();
        let rows: Vec<super::batch_pg::Row> = staged
            .iter()
            .map(|s| super::batch_pg::Row {
                id: s.id,
                plan: &s.plan,
                effective: &s.effective,
            })
            .collect();
        super::batch_pg::write(self.tx, actor, &rows, &keys)?;
        self.totals.store(self.tx)?;
        self.pending.clear();
        Ok(())
    }

    /// The rows of the staged payments, a table at a time: each table's pages and indexes
    /// stay in the CPU's caches while its rows go in, where a payment at a time touched a
    /// dozen B-trees in turn.
    fn write_staged(&mut self, actor: &Actor) -> Result<()> {
        let tx = self.tx;
        let staged = std::mem::take(&mut self.staged);
        for s in &staged {
            payments::insert_payment_row(tx, actor, &s.plan, Some(s.id), &s.effective)?;
        }
        for s in &staged {
            tx.execute(
                "INSERT INTO payment_balances (payment_id, allocated, settlement) VALUES (?1, ?2, ?3)",
                params![s.id, s.plan.allocated(), s.plan.settlement.as_str()],
            )?;
        }
        for s in &staged {
            payments::insert_collect(tx, actor, &s.plan, s.id, &s.effective)?;
        }
        for s in &staged {
            payments::insert_allocations(tx, actor, &s.plan, s.id, &s.effective)?;
        }
        for s in &staged {
            payments::audit_create(tx, actor, &s.plan, s.id)?;
        }
        for (key, (fingerprint, id)) in std::mem::take(&mut self.keys) {
            payments::insert_key(tx, actor, &key, &fingerprint, id)?;
        }
        Ok(())
    }

    /// Flushes the last batch and turns the triggers back on. Returns every invoice the
    /// import allocated to, in id order, with the minor units it applied to each.
    pub fn finish(mut self, actor: &Actor) -> Result<Option<Vec<(i64, i64)>>> {
        self.flush(actor)?;
        // Sorted once here (100,000 pairs: a few milliseconds), not kept in order per row.
        let applied = self.applied.take().map(|applied| {
            let mut applied: Vec<(i64, i64)> = applied.into_iter().collect();
            applied.sort_unstable();
            applied
        });
        // Drop turns the triggers back on.
        Ok(applied)
    }

    /// The import shows only the first few invoices it touched (a table, or nothing with
    /// -q) and reads them, and how many it touched, from the ledger at its end
    /// ([`super::invoices::applied_first`]): the batch keeps no map of every invoice it
    /// touched. Importing 1,000,000 payments that touched as many invoices, that map (and
    /// its sorted copy) took the import from 84 MiB to 116 MiB (B5).
    pub fn forget_applied(&mut self) {
        self.applied = None;
    }
}

impl Drop for Batch<'_, '_> {
    fn drop(&mut self) {
        if self.postgres {
            return;
        }
        // Failing to turn them back on would leave this connection without its guards; the
        // process ends with the import, but say so rather than carry on silently.
        if let Err(e) = set_triggers(self.tx, true) {
            eprintln!("payctl: could not turn the ledger's triggers back on: {e}");
        }
    }
}

/// Turns this connection's triggers off or on (SQLite only: a batch runs only there, see
/// [`Batch`]).
fn set_triggers(tx: &Tx, on: bool) -> Result<()> {
    match tx.as_sqlite() {
        Some(tx) => tx
            .set_db_config(
                rusqlite::config::DbConfig::SQLITE_DBCONFIG_ENABLE_TRIGGER,
                on,
            )
            .map(|_| ())
            .sql(),
        None => Err(Error::storage(StorageKind::Internal {
            detail: "an import batch runs only on SQLite".into(),
        })),
    }
}

/// Which of a run's customers (`run`, each once) to read into `cache`, a cache of
/// customers' facts that holds about `bound`: those it lacks; or, when they would fill it, all
/// of the run's, after emptying it. Emptied before the run is listed, never after: emptied
/// after, the run's customers that had been cached were read one row at a time (4,792 round
/// trips in a 1,000,000-payment import, and as many duplicate reads), and a cache left full
/// was emptied again by the first row that missed it.
pub(super) fn customers_to_read<T>(
    cache: &mut FxHashMap<i64, T>,
    run: Vec<i64>,
    bound: usize,
) -> Vec<i64> {
    let new: Vec<i64> = run
        .iter()
        .copied()
        .filter(|c| !cache.contains_key(c))
        .collect();
    if cache.len() + new.len() >= bound {
        cache.clear();
        return run;
    }
    new
}

/// The id the next row of `table` will get (its largest id plus one).
///
/// The `+ ?1` is a parameter on purpose. PostgreSQL keeps the first plan of a prepared
/// statement that has no parameters for as long as the connection lives, whatever
/// `plan_cache_mode` says, and an import runs this twice per flush on tables it is filling in
/// its own transaction: planned at the first flush, on a table still empty, `max(id)` stayed a
/// sequential scan, 65 ms a call by the end of a 1,000,000-payment import and 49 s of its
/// server time in all (`pg_stat_statements`). With a parameter the session's
/// `force_custom_plan` plans it at each execution, with the table's size then: one step down
/// the primary key's index.
pub(super) fn next_id(tx: &Tx, table: &str) -> Result<i64> {
    tx.query_row(
        &format!("SELECT coalesce(max(id), 0) + ?1 FROM {table}"),
        params![1_i64],
        |r| r.get(0),
    )
}

/// The first 16 bytes of a hex SHA-256 digest (a row's content fingerprint), as a number: the
/// key of [`Seen`]. Two different rows share it with odds of about 2^-128 per pair.
fn digest(fingerprint: &str) -> u128 {
    fingerprint
        .get(..32)
        .and_then(|hex| u128::from_str_radix(hex, 16).ok())
        .unwrap_or_else(|| {
            // Not a hex digest (never, from the import): hash the text instead.
            use std::hash::{Hash, Hasher};
            let mut h = std::collections::hash_map::DefaultHasher::new();
            fingerprint.hash(&mut h);
            u128::from(h.finish())
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cache(ids: &[i64]) -> FxHashMap<i64, ()> {
        ids.iter().map(|&id| (id, ())).collect()
    }

    #[test]
    fn a_run_reads_the_customers_the_cache_lacks_or_all_of_them_after_emptying_it() {
        // Room left: only the missing ones are read, and the cache keeps what it had.
        let mut c = cache(&[1, 2, 3]);
        assert_eq!(customers_to_read(&mut c, vec![3, 4, 1, 5], 10), vec![4, 5]);
        assert_eq!(c.len(), 3);
        // Every one cached: nothing to read.
        assert!(customers_to_read(&mut c, vec![2, 1], 10).is_empty());
        // The missing ones would fill it: emptied first, and the whole run read, the cached
        // ones included, so that no row of the run misses.
        let mut c = cache(&[1, 2, 3, 4, 5, 6, 7, 8]);
        assert_eq!(
            customers_to_read(&mut c, vec![9, 1, 10], 10),
            vec![9, 1, 10]
        );
        assert!(c.is_empty());
        // Full already: the same, even when the run adds nobody.
        let mut c = cache(&[1, 2, 3]);
        assert_eq!(customers_to_read(&mut c, vec![1], 3), vec![1]);
        assert!(c.is_empty());
    }
}
