//! Payments: create (SPEC §5), read as Fusebill Payment Objects, list.

use super::Tx;
use crate::params;
use chrono::{DateTime, Utc};

use super::audit::{self, Touched};
use super::customers::{self, stored_currency, stored_enum};
use super::{invoices, methods, Actor};
use crate::core::dates::format_timestamp;
use crate::core::payment::{CreateFacts, CreatePayment, CustomerFacts, PaymentPlan};
use crate::core::views::{
    InvoiceBalanceFacts, PaymentAllocationView, PaymentFacts, PaymentView, RefundAllocationView,
    RefundView,
};
use crate::core::{ActivityStatus, Currency, Money, PaymentMethod, Source, TransactionType};
use crate::error::{Error, Record, Result};

pub fn not_found(id: i64) -> Error {
    Error::record_not_found(Record::Payment, id)
}

/// The customer of payment `id`, if it exists.
pub fn customer_of(tx: &Tx, id: i64) -> Result<Option<i64>> {
    tx.query_opt(
        "SELECT customer_id FROM payments WHERE id = ?1",
        params![id],
        |r| r.get(0),
    )
}

/// What the ledger holds under idempotency key `key`: the fingerprint of the request it
/// recorded, and the payment's id. Whether a request may replay it is core's rule
/// (`core::payment::judge_replay`).
pub fn stored_key(tx: &Tx, key: &str) -> Result<Option<(String, i64)>> {
    tx.query_opt(
        "SELECT fingerprint, payment_id FROM idempotency_keys WHERE key = ?1",
        params![key],
        |r| Ok((r.get(0)?, r.get(1)?)),
    )
}

/// What the rules need to plan `req` (`core::payment::plan_payment`), read inside the
/// (IMMEDIATE) writing transaction, so that the balances it plans against are the balances
/// [`write`] writes against. Reads only. A customer that does not exist is not found (exit 3).
pub fn create_facts(tx: &Tx, req: &CreatePayment) -> Result<CreateFacts> {
    let customer = customers::facts(tx, req.customer_id)?;
    let ledger_total = super::totals::current(tx, customer.currency)?;
    let closed = super::periods::closed(tx)?;
    let mut facts = gather_facts_for(tx, req, customer, &|_| 0, ledger_total, None, closed)?;
    facts.duplicates = duplicates(tx, req, facts.customer.currency)?;
    Ok(facts)
}

/// The candidates of SPEC §10's duplicate rule (`core::payment::duplicate_problem`): the
/// customer's live payments of `req`'s amount and reference (spaces around it trimmed). Read
/// through the `payments_duplicate` index, one probe; nothing is read when `req` has no reference or allows a
/// duplicate, or when its amount is not valid (the rules refuse it).
pub(super) fn duplicates(
    tx: &Tx,
    req: &CreatePayment,
    currency: Currency,
) -> Result<Vec<crate::core::payment::DuplicateCandidate>> {
    let reference = req
        .reference
        .as_deref()
        .map(crate::core::payment::duplicate_key)
        .filter(|r| !r.is_empty() && !req.allow_duplicate);
    let amount = Money::from_decimal(req.amount, currency).ok();
    let (Some(reference), Some(amount)) = (reference, amount) else {
        return Ok(Vec::new());
    };
    tx.query_map(
        "SELECT p.id, p.reference FROM payments p JOIN payment_balances b ON b.payment_id = p.id
         WHERE p.customer_id = ?1 AND p.amount = ?2 AND p.reference IS NOT NULL
           AND trim(p.reference) = ?3 AND b.voided = 0 AND b.settlement <> 'Failed'
         ORDER BY p.id",
        params![req.customer_id, amount.minor(), reference],
        |r| {
            Ok(crate::core::payment::DuplicateCandidate {
                id: r.get(0)?,
                reference: r.get(1)?,
                in_this_import: false,
            })
        },
    )
}

/// A duplicate key: customer, amount in minor units, trimmed reference.
pub type DuplicateKey = (i64, i64, String);

/// Keys per statement of [`duplicates_many`]: three placeholders each.
pub const DUPLICATE_KEYS: usize = invoices::IN_LIST / 3;

/// [`duplicates`] for up to [`DUPLICATE_KEYS`] keys at once (customer, amount in minor units,
/// trimmed reference), one statement for the lot: each key's live payments, by id. PostgreSQL
/// only, as the import's read ahead that calls it (`Batch::read_ahead`).
///
/// The keys are a `VALUES` list and each is looked up by a `LATERAL` subquery behind an
/// `OFFSET 0` fence, so the server plans one probe of the `payments_duplicate` index per key
/// whatever its statistics say. Two other shapes were measured on a 100,000-payment import:
/// the keys as ORed arms cost a millisecond of planning a statement (0.9 s of the import, the
/// server matching each arm with each index); the keys as a plain join or `IN (VALUES …)` let
/// the planner, without statistics for the rows the import adds, hash a sequential scan of the
/// growing `payments` table (77.7 s against 16.6 s at 1,000,000 payments).
pub fn duplicates_many(
    tx: &Tx,
    keys: &[DuplicateKey],
) -> Result<Vec<(DuplicateKey, crate::core::payment::DuplicateCandidate)>> {
    debug_assert!(
        tx.engine() == super::Engine::Postgres,
        "LATERAL is PostgreSQL's"
    );
    if keys.is_empty() {
        return Ok(Vec::new());
    }
    // Padded with its last key (a repeat finds nothing new: DISTINCT), to one of a few
    // lengths, so that the statement has one of a few texts.
    let padded = invoices::padded_to(keys, invoices::list_len(keys.len()).min(DUPLICATE_KEYS));
    let values = (0..padded.len())
        .map(|i| {
            let n = 3 * i + 1;
            format!(
                "(CAST(?{n} AS BIGINT), CAST(?{} AS BIGINT), CAST(?{} AS TEXT))",
                n + 1,
                n + 2
            )
        })
        .collect::<Vec<_>>()
        .join(", ");
    let sql = format!(
        "SELECT DISTINCT d.id, d.reference, k.customer_id, k.amount, k.reference
         FROM (VALUES {values}) AS k (customer_id, amount, reference)
         CROSS JOIN LATERAL (
             SELECT p.id, p.reference FROM payments p JOIN payment_balances b ON b.payment_id = p.id
             WHERE p.customer_id = k.customer_id AND p.amount = k.amount
               AND p.reference IS NOT NULL AND trim(p.reference) = k.reference
               AND b.voided = 0 AND b.settlement <> 'Failed'
             OFFSET 0) AS d
         ORDER BY d.id"
    );
    let mut params: Vec<&dyn super::db::ToParam> = Vec::with_capacity(3 * padded.len());
    for (customer, amount, reference) in &padded {
        params.push(customer);
        params.push(amount);
        params.push(reference);
    }
    tx.query_map(&sql, &params, |r| {
        Ok((
            (r.get(2)?, r.get(3)?, r.get(4)?),
            crate::core::payment::DuplicateCandidate {
                id: r.get(0)?,
                reference: r.get(1)?,
                in_this_import: false,
            },
        ))
    })
}

/// What the ledger holds under each of `keys` (1 to [`invoices::IN_LIST`] of them), as
/// [`stored_key`] reads one: one statement for the lot. Keys it does not hold are left out.
pub fn stored_keys(tx: &Tx, keys: &[String]) -> Result<Vec<(String, String, i64)>> {
    invoices::query_in_list(
        tx,
        "SELECT key, fingerprint, payment_id FROM idempotency_keys WHERE key IN ({list})",
        keys,
        |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
    )
}

/// What the rules need to plan `req` for `customer`: the method named by id, the invoices
/// named in allocations and, for auto-allocation, the open invoices. `pending(id)` is what an
/// import's batch has allocated to invoice `id` and not yet written to its balance (0 outside
/// an import); `ledger_total` is the customer's currency's ledger total as the caller knows it.
pub(super) fn gather_facts_for(
    tx: &Tx,
    req: &CreatePayment,
    customer: CustomerFacts,
    pending: &dyn Fn(i64) -> i64,
    ledger_total: i64,
    open_set: Option<&[crate::core::payment::InvoiceFacts]>,
    closed: Option<crate::core::period::ClosedPeriod>,
) -> Result<CreateFacts> {
    let named_method = match req.payment_method_id {
        Some(id) => Some(methods::facts(tx, id)?),
        None => None,
    };
    let mut named_invoices = Vec::with_capacity(req.allocations.len());
    for spec in &req.allocations {
        let mut facts = invoices::facts(tx, spec.invoice_id)?;
        if let Some(f) = facts.as_mut() {
            let pending = pending(f.id);
            invoices::apply_pending(f, pending);
        }
        named_invoices.push((spec.invoice_id, facts));
    }
    let open_invoices = if req.auto_allocate {
        let order = req.auto_allocate_order.unwrap_or(customer.order);
        // Enough open balance to absorb the whole payment; a bad amount reads them all and
        // the rules then refuse it.
        let enough = crate::core::Money::from_decimal(req.amount, customer.currency)
            .ok()
            .map(|m| (m.minor(), customer.currency));
        match open_set {
            // Read ahead by an import's batch, its own allocations applied.
            Some(open) => invoices::select_open_in_order(open, order, enough),
            None => invoices::open_in_order_pending(tx, customer.id, order, enough, pending)?,
        }
    } else {
        Vec::new()
    };
    Ok(CreateFacts {
        customer,
        named_method,
        named_invoices,
        open_invoices,
        ledger_total,
        closed,
        duplicates: Vec::new(),
    })
}

/// Writes a planned payment (its rows, its currency's new ledger total, and `req`'s
/// idempotency key, if it has one) and returns its id. Writes only: every rule was checked
/// by the planner.
pub fn write(tx: &Tx, actor: &Actor, req: &CreatePayment, plan: &PaymentPlan) -> Result<i64> {
    let id = insert(tx, actor, plan)?;
    if let Some(key) = &req.idempotency_key {
        insert_key(tx, actor, key, &req.fingerprint_digest(), id)?;
    }
    Ok(id)
}

/// Stores idempotency key `key` of payment `id`, with the digest of the request it recorded.
pub(super) fn insert_key(
    tx: &Tx,
    actor: &Actor,
    key: &str,
    fingerprint: &str,
    id: i64,
) -> Result<()> {
    tx.execute(
        "INSERT INTO idempotency_keys (key, fingerprint, payment_id, created_at)
         VALUES (?1, ?2, ?3, ?4)",
        params![key, fingerprint, id, actor.now_text()],
    )?;
    Ok(())
}

fn insert(tx: &Tx, actor: &Actor, plan: &PaymentPlan) -> Result<i64> {
    super::totals::store(tx, plan.amount.currency(), plan.ledger_total)?;
    let effective = format_timestamp(plan.effective);
    let id = insert_payment_row(tx, actor, plan, None, &effective)?;
    insert_collect(tx, actor, plan, id, &effective)?;
    insert_allocations(tx, actor, plan, id, &effective)?;
    audit_create(tx, actor, plan, id)?;
    Ok(id)
}

/// The `payments` row of a plan, under `id` if given (an import's batch numbers its payments
/// itself), else the next id. `effective` is the plan's date as stored.
pub(super) fn insert_payment_row(
    tx: &Tx,
    actor: &Actor,
    plan: &PaymentPlan,
    id: Option<i64>,
    effective: &str,
) -> Result<i64> {
    tx.insert("INSERT INTO payments (id, customer_id, amount, currency, method, method_id, source, reference, effective_at,
                               gateway_fee, initial_settlement, created_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)", params![
        id,
        plan.customer_id,
        plan.amount.minor(),
        plan.amount.currency().code(),
        plan.method.as_str(),
        plan.method_id,
        plan.source.as_str(),
        plan.reference,
        effective,
        plan.gateway_fee.minor(),
        plan.settlement.as_str(),
        actor.now_text(),
    ])
}

/// The successful Collect activity of payment `id`.
pub(super) fn insert_collect(
    tx: &Tx,
    actor: &Actor,
    plan: &PaymentPlan,
    id: i64,
    effective: &str,
) -> Result<i64> {
    insert_activity(
        tx,
        &NewActivity {
            customer_id: plan.customer_id,
            payment_id: Some(id),
            refund_id: None,
            transaction_type: TransactionType::Collect,
            status: ActivityStatus::Successful,
            amount: plan.amount,
            method: plan.method.as_str(),
            method_id: plan.method_id,
            source: plan.source.as_str(),
            message: None,
            effective,
            now: actor.now_text(),
        },
    )
}

/// The allocation rows of payment `id`.
pub(super) fn insert_allocations(
    tx: &Tx,
    actor: &Actor,
    plan: &PaymentPlan,
    id: i64,
    effective: &str,
) -> Result<()> {
    if plan.allocations.is_empty() {
        return Ok(());
    }
    let now = actor.now_text();
    for (invoice_id, amount) in &plan.allocations {
        tx.execute(
            "INSERT INTO allocations (payment_id, invoice_id, amount, kind, effective_at, created_at)
             VALUES (?1, ?2, ?3, 'allocate', ?4, ?5)",
            params![id, invoice_id, amount.minor(), effective, now],
        )?;
    }
    Ok(())
}

/// The audit event of payment `id`'s creation.
pub(super) fn audit_create(tx: &Tx, actor: &Actor, plan: &PaymentPlan, id: i64) -> Result<()> {
    audit::record_text(
        tx,
        actor,
        "payment.create",
        Touched {
            entity: "payment",
            entity_id: id,
            customer_id: Some(plan.customer_id),
            payment_id: Some(id),
        },
        &create_detail(plan),
    )
}

/// The detail of a payment's `payment.create` audit event, as JSON text.
pub(super) fn create_detail(plan: &PaymentPlan) -> String {
    /// The audit event's detail, serialised straight from the plan: an import writes one per
    /// row, and building a `serde_json::Value` first cost more than the insert.
    #[derive(serde::Serialize)]
    #[serde(rename_all = "camelCase")]
    struct Detail<'a> {
        amount: Money,
        currency: &'a str,
        payment_method: &'a str,
        payment_method_id: Option<i64>,
        source: &'a str,
        reference: Option<&'a str>,
        invoice_allocations: Vec<DetailAllocation>,
    }
    #[derive(serde::Serialize)]
    #[serde(rename_all = "camelCase")]
    struct DetailAllocation {
        invoice_id: i64,
        amount: Money,
    }
    let detail = Detail {
        amount: plan.amount,
        currency: plan.amount.currency().code(),
        payment_method: plan.method.as_str(),
        payment_method_id: plan.method_id,
        source: plan.source.as_str(),
        reference: plan.reference.as_deref(),
        invoice_allocations: plan
            .allocations
            .iter()
            .map(|(invoice_id, amount)| DetailAllocation {
                invoice_id: *invoice_id,
                amount: *amount,
            })
            .collect(),
    };
    // Serialising plain data with string keys cannot fail.
    serde_json::to_string(&detail).unwrap_or_default()
}

pub struct NewActivity<'a> {
    pub customer_id: i64,
    pub payment_id: Option<i64>,
    pub refund_id: Option<i64>,
    pub transaction_type: TransactionType,
    pub status: ActivityStatus,
    pub amount: Money,
    pub method: &'a str,
    pub method_id: Option<i64>,
    pub source: &'a str,
    pub message: Option<&'a str>,
    pub effective: &'a str,
    pub now: &'a str,
}

pub fn insert_activity(tx: &Tx, a: &NewActivity) -> Result<i64> {
    tx.insert("INSERT INTO activities (customer_id, payment_id, refund_id, transaction_type, status, amount, currency, method,
                                 method_id, source, message, effective_at, created_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)", params![
        a.customer_id,
        a.payment_id,
        a.refund_id,
        a.transaction_type.as_str(),
        a.status.as_str(),
        a.amount.minor(),
        a.amount.currency().code(),
        a.method,
        a.method_id,
        a.source,
        a.message,
        a.effective,
        a.now,
    ])
}

/// Reads one payment as a Fusebill Payment Object.
pub fn get(tx: &Tx, id: i64) -> Result<PaymentView> {
    let mut facts = tx
        .query_opt(
            "SELECT p.customer_id, p.amount, p.currency, p.method, p.method_id, p.source, p.reference, p.effective_at,
                    p.gateway_fee, p.created_at, b.allocated, b.refunded, b.settlement, b.voided,
                    (SELECT a.id FROM activities a WHERE a.payment_id = p.id AND a.transaction_type = 'Collect'),
                    b.written_off
             FROM payments p JOIN payment_balances b ON b.payment_id = p.id WHERE p.id = ?1",
            params![id],
            |r| {
            Ok(PaymentFacts {
                id,
                customer_id: r.get(0)?,
                amount: r.get(1)?,
                currency: stored_currency(&r.get::<String>(2)?)?,
                method: stored_enum(&r.get::<String>(3)?)?,
                method_id: r.get(4)?,
                source: stored_enum(&r.get::<String>(5)?)?,
                reference: r.get(6)?,
                effective: r.get(7)?,
                gateway_fee: r.get(8)?,
                created: r.get(9)?,
                allocated: r.get(10)?,
                refunded: r.get(11)?,
                written_off: r.get(15)?,
                settlement: stored_enum(&r.get::<String>(12)?)?,
                voided: r.get(13)?,
                activity_id: r.get(14)?,
                last_event: None,
            })
        })?
        .ok_or_else(|| not_found(id))?;
    let currency = facts.currency;

    let invoice_allocations = tx.query_map(
        "SELECT a.invoice_id, i.invoice_number, CAST(sum(a.amount) AS BIGINT), i.total + b.adjusted, b.allocated, b.closed
         FROM allocations a JOIN invoices i ON i.id = a.invoice_id JOIN invoice_balances b ON b.invoice_id = i.id
         WHERE a.payment_id = ?1 GROUP BY a.invoice_id, i.invoice_number, i.total, b.adjusted, b.allocated, b.closed
         HAVING sum(a.amount) <> 0 ORDER BY min(a.id)",
        params![id],
        |r| {
            Ok(PaymentAllocationView::from_facts(
                InvoiceBalanceFacts {
                    invoice_id: r.get(0)?,
                    invoice_number: r.get(1)?,
                    applied: r.get(2)?,
                    total: r.get(3)?,
                    allocated: r.get(4)?,
                    closure: invoices::closure_of(r.get(5)?),
                },
                currency,
            ))
        },
    )?;

    let refunds = refunds_of(tx, id, currency)?;
    facts.last_event = tx.query_opt("SELECT effective_at, message FROM payment_events WHERE payment_id = ?1 AND kind IN ('settled', 'failed')
             ORDER BY id DESC LIMIT 1", params![id], |r| Ok((r.get(0)?, r.get(1)?)))?;
    Ok(PaymentView::from_facts(facts, invoice_allocations, refunds))
}

fn refunds_of(tx: &Tx, payment_id: i64, currency: Currency) -> Result<Vec<RefundView>> {
    let mut refunds = tx.query_map(
        "SELECT r.id, r.amount, r.reference, r.effective_at, r.method,
                (SELECT a.id FROM activities a WHERE a.refund_id = r.id)
         FROM refunds r WHERE r.payment_id = ?1 ORDER BY r.id",
        params![payment_id],
        |r| {
            Ok(RefundView {
                id: r.get(0)?,
                amount: Money::from_minor(r.get(1)?, currency),
                currency,
                reference: r.get(2)?,
                effective_timestamp: r.get(3)?,
                method: stored_enum(&r.get::<String>(4)?)?,
                payment_activity_id: r.get(5)?,
                original_payment_id: payment_id,
                invoice_allocations: Vec::new(),
            })
        },
    )?;
    for refund in &mut refunds {
        refund.invoice_allocations = tx.query_map(
            "SELECT invoice_id, -amount FROM allocations WHERE refund_id = ?1 ORDER BY id",
            params![refund.id],
            |r| {
                Ok(RefundAllocationView {
                    invoice_id: r.get(0)?,
                    amount: Money::from_minor(r.get(1)?, currency),
                })
            },
        )?;
    }
    Ok(refunds)
}

#[derive(Default)]
pub struct PaymentFilter {
    pub customer: Option<i64>,
    pub method: Option<PaymentMethod>,
    pub source: Option<Source>,
    pub from: Option<DateTime<Utc>>,
    pub to: Option<DateTime<Utc>>,
    pub unallocated: bool,
    pub limit: Option<i64>,
    pub offset: i64,
}

pub fn list(tx: &Tx, filter: &PaymentFilter) -> Result<Vec<PaymentView>> {
    if let Some(customer) = filter.customer {
        customers::facts(tx, customer)?;
    }
    let ids = tx.query_map(
        "SELECT p.id FROM payments p JOIN payment_balances b ON b.payment_id = p.id
             WHERE (CAST(?1 AS BIGINT) IS NULL OR p.customer_id = ?1)
               AND (CAST(?2 AS TEXT) IS NULL OR p.method = ?2)
               AND (CAST(?3 AS TEXT) IS NULL OR p.source = ?3)
               AND (CAST(?4 AS TEXT) IS NULL OR p.effective_at >= ?4)
               AND (CAST(?5 AS TEXT) IS NULL OR p.effective_at < ?5)
               AND (?6 = 0 OR (b.voided = 0 AND b.settlement <> 'Failed' AND p.amount - b.allocated - b.refunded - b.written_off > 0))
             ORDER BY p.effective_at, p.id
             LIMIT ?7 OFFSET ?8",
            params![
                filter.customer,
                filter.method.map(|m| m.as_str()),
                filter.source.map(|s| s.as_str()),
                filter.from.map(format_timestamp),
                filter.to.map(format_timestamp),
                filter.unallocated,
                // No limit: the largest, not SQLite's -1, which PostgreSQL refuses.
                filter.limit.unwrap_or(i64::MAX),
                filter.offset,
            ],
            |r| r.get::<i64>(0),
        )?;
    ids.into_iter().map(|id| get(tx, id)).collect()
}
