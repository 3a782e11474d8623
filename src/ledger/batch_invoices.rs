//! Invoices imported in batches, on PostgreSQL (issue 18: no round trip per row).
//!
//! Row by row, an imported invoice costs about ten statements on PostgreSQL, each a round trip
//! to the server: its occurrence in the file, its import key, its customer (twice), the closed
//! period, the id and number it would take, then the INSERTs of the invoice, its audit event and
//! its import key. An [`InvoiceBatch`] has the same shape as the payments
//! [`Batch`](super::batch::Batch):
//!
//! - the import command reads the file a run of rows at a time and tells the batch what the
//!   rows will need ([`InvoiceAhead`]); [`InvoiceBatch::read_ahead`] reads it for the lot, a
//!   statement per kind of fact (their import keys, their customers' currencies, which of the
//!   ids they give and which pairs of customer and invoice number are taken);
//! - each row is planned by the same core rule as `invoice add` (`core::invoice::plan_invoice`)
//!   from [`InvoiceBatch::add_facts`], which answers from what was read ahead and from what the
//!   import itself has used (its ids, numbers and keys), so that a duplicate within the file is
//!   refused exactly as row by row; what was not read ahead (a guess that turned out wrong) is
//!   read then, as row by row;
//! - [`InvoiceBatch::stage`] keeps the planned invoice with its import key in memory, and the
//!   batch writes its invoices, their audit events and their import keys with one
//!   `COPY … FROM STDIN BINARY` per table ([`super::batch_pg::write_invoices`]) before the next
//!   run is read ahead and at the end. The triggers stay on: they add each invoice's balance
//!   and open-set rows, as for `invoice add`. Ids are numbered as `invoice add` numbers them.
//!
//! The closed period is read once per import: the import holds the write lock. The occurrence
//! counts of identical rows are kept in memory ([`super::batch::Seen`]), as the payments batch
//! keeps them. SQLite keeps the row path: there a statement is a function call, not a round trip.

use super::batch::Seen;
use super::db::Engine;
use super::{customers, invoices, Actor, Tx};
use crate::core::currency::Currency;
use crate::core::ids::IdFacts;
use crate::core::invoice::{InvoiceFactsForAdd, InvoicePlan, NewInvoice};
use crate::core::period::ClosedPeriod;
use crate::error::Result;
use rustc_hash::{FxHashMap, FxHashSet};

/// Customers' currencies kept between runs (they cannot change during an invoice import); the
/// cache is emptied when full.
const MAX_CUSTOMERS: usize = 10_000;

/// What the import command knows of a row before it plans it: the customer it names, the id
/// and invoice number it gives (trimmed), and the import key it will be recorded under. A wrong
/// guess costs only the statement the read ahead would have saved.
#[derive(Debug, Default)]
pub struct InvoiceAhead {
    pub customer: Option<i64>,
    pub id: Option<i64>,
    pub number: Option<String>,
    pub key: Option<String>,
}

/// An invoice of the batch, planned and numbered, written at the flush under its import key.
pub(super) struct Staged {
    pub plan: InvoicePlan,
    pub key: String,
}

pub struct InvoiceBatch<'t, 'c> {
    tx: &'t Tx<'c>,
    seen: Seen,
    /// Customers' currencies, as read ahead or read.
    currencies: FxHashMap<i64, Currency>,
    /// The import keys of the current run, as the ledger held them when read ahead (`None`:
    /// it did not).
    keys: FxHashMap<String, Option<i64>>,
    /// The ids the current run gives, and whether the ledger had them when read ahead.
    ids: FxHashMap<i64, bool>,
    /// The pairs of customer and invoice number of the current run, and the ledger's lowest
    /// invoice id with each when read ahead.
    numbers: FxHashMap<(i64, String), Option<i64>>,
    /// What this import wrote or staged since the last read ahead (the read ahead found
    /// everything before in the ledger): its keys, its ids, its customers' numbers.
    own_keys: FxHashMap<String, i64>,
    own_ids: FxHashSet<i64>,
    own_numbers: FxHashMap<(i64, String), i64>,
    /// The largest invoice id in the ledger and of this import, read once.
    largest: Option<Option<i64>>,
    /// The close in force, read once: nothing but the import writes while it runs.
    closed: Option<Option<ClosedPeriod>>,
    staged: Vec<Staged>,
}

impl<'t, 'c> InvoiceBatch<'t, 'c> {
    /// A batch for an invoice import on `tx`: on PostgreSQL only (`None` on SQLite, whose
    /// import keeps its row path).
    pub fn new(tx: &'t Tx<'c>) -> Option<Self> {
        (tx.engine() == Engine::Postgres).then(|| InvoiceBatch {
            tx,
            seen: Seen::default(),
            currencies: FxHashMap::default(),
            keys: FxHashMap::default(),
            ids: FxHashMap::default(),
            numbers: FxHashMap::default(),
            own_keys: FxHashMap::default(),
            own_ids: FxHashSet::default(),
            own_numbers: FxHashMap::default(),
            largest: None,
            closed: None,
            staged: Vec::new(),
        })
    }

    /// The occurrence number of a row whose content has digest `fingerprint` in this file so
    /// far, 0 the first time (as [`super::bulk::occurrence`]), counted in memory.
    pub fn occurrence(&mut self, fingerprint: &str) -> i64 {
        self.seen.occurrence(fingerprint)
    }

    /// [`InvoiceBatch::occurrence`] without counting.
    pub fn next_occurrence(&self, fingerprint: &str) -> i64 {
        self.seen.next_occurrence(fingerprint)
    }

    /// A row begins (with --rejects, where a refused row leaves no trace).
    pub fn begin_row(&mut self) {
        self.seen.begin_row();
    }

    /// The row that began last was refused and rolled back: its occurrence is not counted.
    pub fn forget_row(&mut self) {
        self.seen.forget_row();
    }

    /// Writes what the batch staged, then reads what the coming `rows` will need, a statement
    /// per kind of fact for the lot (per [`invoices::IN_LIST`] rows). Afterwards
    /// [`InvoiceBatch::stored_key`], [`InvoiceBatch::currency`] and
    /// [`InvoiceBatch::add_facts`] answer these rows from memory.
    pub fn read_ahead(&mut self, actor: &Actor, rows: &[InvoiceAhead]) -> Result<()> {
        self.flush(actor)?;
        let tx = self.tx;
        self.keys.clear();
        self.ids.clear();
        self.numbers.clear();
        self.own_keys.clear();
        self.own_ids.clear();
        self.own_numbers.clear();
        let mut keys: Vec<String> = Vec::new();
        let mut customers: Vec<i64> = Vec::new();
        let mut ids: Vec<i64> = Vec::new();
        let mut pairs: Vec<(i64, String)> = Vec::new();
        // The ids the rows without one will get, as `add_facts` will number them (a refused
        // row makes the guesses after it one off: they are read then).
        let mut largest = self.largest()?;
        for row in rows {
            if let Some(key) = &row.key {
                if !self.keys.contains_key(key) {
                    self.keys.insert(key.clone(), None);
                    keys.push(key.clone());
                }
            }
            let id = match row.id {
                Some(id) => {
                    if let std::collections::hash_map::Entry::Vacant(e) = self.ids.entry(id) {
                        e.insert(false);
                        ids.push(id);
                    }
                    Some(id)
                }
                None => largest.map_or(Some(1), |l| l.checked_add(1)),
            };
            if let Some(id) = id {
                largest = Some(largest.map_or(id, |l| l.max(id)));
            }
            let Some(customer) = row.customer else {
                continue;
            };
            if !customers.contains(&customer) {
                customers.push(customer);
            }
            let number = match (&row.number, id) {
                (Some(number), _) => number.clone(),
                (None, Some(id)) => id.to_string(),
                (None, None) => continue,
            };
            let pair = (customer, number);
            if !self.numbers.contains_key(&pair) {
                self.numbers.insert(pair.clone(), None);
                pairs.push(pair);
            }
        }
        for chunk in keys.chunks(invoices::IN_LIST) {
            for (key, id) in super::bulk::import_keys_many(tx, chunk)? {
                self.keys.insert(key, Some(id));
            }
        }
        let customers =
            super::batch::customers_to_read(&mut self.currencies, customers, MAX_CUSTOMERS);
        for chunk in customers.chunks(invoices::IN_LIST) {
            self.currencies
                .extend(customers::currencies_many(tx, chunk)?);
        }
        for chunk in ids.chunks(invoices::IN_LIST) {
            for id in invoices::existing_ids(tx, chunk)? {
                self.ids.insert(id, true);
            }
        }
        for chunk in pairs.chunks(invoices::NUMBER_PAIRS) {
            for (pair, id) in invoices::number_owners(tx, chunk)? {
                self.numbers.insert(pair, Some(id));
            }
        }
        Ok(())
    }

    /// The record this import or an earlier one stored under import key `key` (as
    /// [`super::bulk::import_key`]).
    pub fn stored_key(&self, key: &str) -> Result<Option<i64>> {
        if let Some(id) = self.own_keys.get(key) {
            return Ok(Some(*id));
        }
        match self.keys.get(key) {
            Some(known) => Ok(*known),
            None => super::bulk::import_key(self.tx, key),
        }
    }

    /// The currency of customer `id`; refused with not found, as [`customers::facts`], when
    /// there is no such customer.
    pub fn currency(&mut self, id: i64) -> Result<Currency> {
        if let Some(currency) = self.currencies.get(&id) {
            return Ok(*currency);
        }
        let currency = customers::facts(self.tx, id)?.currency;
        if self.currencies.len() >= MAX_CUSTOMERS {
            self.currencies.clear();
        }
        self.currencies.insert(id, currency);
        Ok(currency)
    }

    /// The close in force (as [`super::periods::closed`]), read once.
    pub fn closed(&mut self) -> Result<Option<ClosedPeriod>> {
        if let Some(closed) = &self.closed {
            return Ok(closed.clone());
        }
        let closed = super::periods::closed(self.tx)?;
        self.closed = Some(closed.clone());
        Ok(closed)
    }

    fn largest(&mut self) -> Result<Option<i64>> {
        if let Some(largest) = self.largest {
            return Ok(largest);
        }
        let largest = super::id_facts(self.tx, "invoices", None)?.largest;
        self.largest = Some(largest);
        Ok(largest)
    }

    /// What `core::invoice::plan_invoice` needs to add `new` (as [`invoices::add_facts`]),
    /// with the ids and numbers this import has used counted as taken.
    pub fn add_facts(&mut self, new: &NewInvoice) -> Result<InvoiceFactsForAdd> {
        let customer_currency = self.currency(new.customer_id)?;
        let mut id = IdFacts::default();
        match new.id {
            Some(given) => {
                id.given_taken = self.own_ids.contains(&given)
                    || match self.ids.get(&given) {
                        Some(taken) => *taken,
                        None => super::id_facts(self.tx, "invoices", Some(given))?.given_taken,
                    };
            }
            None => id.largest = self.largest()?,
        }
        let number_owner = match crate::core::invoice::number_of_new(new, &id) {
            Some(number) => {
                let pair = (new.customer_id, number);
                match self.own_numbers.get(&pair) {
                    Some(owner) => Some(*owner),
                    None => match self.numbers.get(&pair) {
                        Some(owner) => *owner,
                        None => invoices::with_number(self.tx, pair.0, &pair.1)?,
                    },
                }
            }
            None => None,
        };
        Ok(InvoiceFactsForAdd {
            customer_currency,
            id,
            number_owner,
        })
    }

    /// A planned invoice of this import, under import key `key`: counted in the import's
    /// running totals (refused, as [`invoices::write_counted`], when payctl could not sum
    /// them) and written at the next flush. Returns its id.
    pub fn stage(
        &mut self,
        running: &mut super::totals::Running,
        plan: InvoicePlan,
        key: String,
    ) -> Result<i64> {
        running.charge(self.tx, "invoiceAmount", "invoice total", plan.total)?;
        let id = plan.id;
        self.written(id, plan.customer_id, &plan.number, &key);
        self.staged.push(Staged { plan, key });
        Ok(id)
    }

    /// Invoice `id` of `customer`, numbered `number`, under import key `key`, is this
    /// import's: staged, or written by the row path (a void invoice, after a flush).
    pub fn written(&mut self, id: i64, customer: i64, number: &str, key: &str) {
        self.own_ids.insert(id);
        self.own_numbers
            .entry((customer, number.to_string()))
            .or_insert(id);
        self.own_keys.insert(key.to_string(), id);
        if let Some(largest) = self.largest.as_mut() {
            *largest = Some(largest.map_or(id, |l| l.max(id)));
        }
    }

    /// Writes the staged invoices, their audit events and their import keys, a COPY per table.
    pub fn flush(&mut self, actor: &Actor) -> Result<()> {
        if self.staged.is_empty() {
            return Ok(());
        }
        let staged = std::mem::take(&mut self.staged);
        super::batch_pg::write_invoices(self.tx, actor, &staged)
    }
}
