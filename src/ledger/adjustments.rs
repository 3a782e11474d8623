//! Credit notes, debit notes, partial write-offs (`invoice_adjustments`) and credit write-offs
//! (`credit_write_offs`, `credit_write_off_parts`): their reads and writes. The rules are
//! core's (`core::adjustment`); the triggers of migration 007 keep the balance caches and
//! refuse any row that would break them.

use serde_json::json;

use super::audit::{self, Touched};
use super::customers;
use super::{Actor, Tx};
use crate::core::adjustment::{
    AdjustmentKind, AdjustmentPlan, CreditFacts, CreditSource, CreditWriteOffPlan,
};
use crate::core::dates::{format_timestamp, parse_stored};
use crate::core::views::{AdjustmentView, InvoiceView};
use crate::core::Money;
use crate::error::{Error, Result, StorageKind};
use crate::params;

fn bad_kind(kind: &str) -> Error {
    Error::storage(StorageKind::BadValue {
        what: format!("an invoice adjustment of kind {kind:?}"),
    })
}

/// Writes a planned adjustment and its audit event; a debit note is first counted in its
/// currency's ledger total, which refuses one payctl could not sum (SPEC §2). Returns its id.
pub fn write(tx: &Tx, actor: &Actor, plan: &AdjustmentPlan) -> Result<i64> {
    write_with_id(tx, actor, plan, None)
}

/// [`write`], keeping the id an imported row gives (`None`: the next one).
pub fn write_with_id(
    tx: &Tx,
    actor: &Actor,
    plan: &AdjustmentPlan,
    id: Option<i64>,
) -> Result<i64> {
    if plan.kind == AdjustmentKind::DebitNote {
        super::totals::charge(tx, "amount", "debit note", plan.amount)?;
    }
    let effective = format_timestamp(plan.effective);
    let id = tx.insert(
        "INSERT INTO invoice_adjustments (id, invoice_id, kind, amount, reason, effective_at, created_at)
         VALUES (?7, ?1, ?2, ?3, ?4, ?5, ?6)",
        params![
            plan.invoice_id,
            plan.kind.code(),
            plan.amount.minor(),
            plan.reason,
            effective,
            actor.now_text(),
            id
        ],
    )?;
    audit::record(
        tx,
        actor,
        match plan.kind {
            AdjustmentKind::CreditNote => "invoice.credit-note",
            AdjustmentKind::DebitNote => "invoice.debit-note",
            AdjustmentKind::WriteOff => "invoice.write-off-part",
        },
        Touched {
            entity: "invoice",
            entity_id: plan.invoice_id,
            customer_id: Some(plan.customer_id),
            payment_id: None,
        },
        &json!({"adjustmentId": id, "kind": plan.kind.code(), "amount": plan.amount, "reason": plan.reason, "effectiveTimestamp": effective}),
    )?;
    Ok(id)
}

/// Adds an invoice's adjustments, and their sums per kind, to its view.
pub fn attach(tx: &Tx, invoice: &mut InvoiceView) -> Result<()> {
    let currency = invoice.currency;
    let rows = tx.query_map(
        "SELECT id, kind, amount, reason, effective_at FROM invoice_adjustments WHERE invoice_id = ?1 ORDER BY id",
        params![invoice.id],
        |r| {
            let kind: String = r.get(1)?;
            Ok(AdjustmentView {
                id: r.get(0)?,
                kind: AdjustmentKind::from_code(&kind).ok_or_else(|| bad_kind(&kind))?,
                amount: Money::from_minor(r.get(2)?, currency),
                reason: r.get(3)?,
                effective_timestamp: r.get(4)?,
            })
        },
    )?;
    if rows.is_empty() {
        return Ok(());
    }
    let sum = |kind: AdjustmentKind| -> Result<Money> {
        rows.iter()
            .filter(|a| a.kind == kind)
            .try_fold(Money::zero(currency), |s, a| s.checked_add(a.amount))
            .map_err(|_| Error::storage(StorageKind::Overflow))
    };
    invoice.credit_notes = Some(sum(AdjustmentKind::CreditNote)?);
    invoice.debit_notes = Some(sum(AdjustmentKind::DebitNote)?);
    invoice.written_off = Some(sum(AdjustmentKind::WriteOff)?);
    invoice.adjustments = rows;
    Ok(())
}

/// What a credit write-off of `customer` may draw on: its currency and its live, settled
/// payments in that currency with something unallocated, oldest first (by date, then id).
/// Not found when the customer does not exist.
pub fn credit_facts(tx: &Tx, customer: i64) -> Result<CreditFacts> {
    let facts = customers::facts(tx, customer)?;
    let currency = facts.currency;
    let sources = tx.query_map(
        "SELECT p.id, p.effective_at, p.amount - b.allocated - b.refunded - b.written_off
         FROM payments p JOIN payment_balances b ON b.payment_id = p.id
         WHERE p.customer_id = ?1 AND p.currency = ?2 AND b.voided = 0 AND b.settlement = 'Successful'
           AND p.amount - b.allocated - b.refunded - b.written_off > 0
         ORDER BY p.effective_at, p.id",
        params![customer, currency.code()],
        |r| {
            let at: String = r.get(1)?;
            Ok(CreditSource {
                payment_id: r.get(0)?,
                effective: parse_stored(&at).map_err(|_| {
                    Error::storage(StorageKind::BadValue {
                        what: format!("a bad timestamp {at:?}"),
                    })
                })?,
                unallocated: r.get(2)?,
            })
        },
    )?;
    Ok(CreditFacts { currency, sources })
}

/// Writes a planned credit write-off, its parts and its audit event. Returns its id.
pub fn write_credit(tx: &Tx, actor: &Actor, plan: &CreditWriteOffPlan) -> Result<i64> {
    write_credit_with_id(tx, actor, plan, None)
}

/// [`write_credit`], keeping the id an imported row gives (`None`: the next one).
pub fn write_credit_with_id(
    tx: &Tx,
    actor: &Actor,
    plan: &CreditWriteOffPlan,
    id: Option<i64>,
) -> Result<i64> {
    let effective = format_timestamp(plan.effective);
    let id = tx.insert(
        "INSERT INTO credit_write_offs (id, customer_id, currency, amount, reason, effective_at, created_at)
         VALUES (?7, ?1, ?2, ?3, ?4, ?5, ?6)",
        params![
            plan.customer_id,
            plan.amount.currency().code(),
            plan.amount.minor(),
            plan.reason,
            effective,
            actor.now_text(),
            id
        ],
    )?;
    for &(payment, amount) in &plan.parts {
        tx.execute(
            "INSERT INTO credit_write_off_parts (write_off_id, payment_id, amount) VALUES (?1, ?2, ?3)",
            params![id, payment, amount],
        )?;
    }
    let currency = plan.amount.currency();
    let parts: Vec<_> = plan
        .parts
        .iter()
        .map(|&(p, a)| json!({"paymentId": p, "amount": Money::from_minor(a, currency)}))
        .collect();
    audit::record(
        tx,
        actor,
        "credit.write-off",
        Touched {
            entity: "credit_write_off",
            entity_id: id,
            customer_id: Some(plan.customer_id),
            payment_id: None,
        },
        &json!({"amount": plan.amount, "reason": plan.reason, "effectiveTimestamp": effective, "payments": parts}),
    )?;
    Ok(id)
}

/// The invoice, kind and amount of adjustment `id`, if it exists (an import's check).
pub fn stored(tx: &Tx, id: i64) -> Result<Option<(i64, AdjustmentKind, i64)>> {
    tx.query_opt(
        "SELECT invoice_id, kind, amount FROM invoice_adjustments WHERE id = ?1",
        params![id],
        |r| {
            let kind: String = r.get(1)?;
            Ok((
                r.get(0)?,
                AdjustmentKind::from_code(&kind).ok_or_else(|| bad_kind(&kind))?,
                r.get(2)?,
            ))
        },
    )
}

/// The customer and amount of credit write-off `id`, if it exists (an import's check).
pub fn stored_credit(tx: &Tx, id: i64) -> Result<Option<(i64, i64)>> {
    tx.query_opt(
        "SELECT customer_id, amount FROM credit_write_offs WHERE id = ?1",
        params![id],
        |r| Ok((r.get(0)?, r.get(1)?)),
    )
}
