//! What happens after a payment (SPEC §6): allocate later, unallocate, reallocate, refund,
//! settle, void. The rules are in [`crate::core::corrections`]; here each request's facts are
//! read and its plan is written, inside one IMMEDIATE transaction, so the balances the rules
//! check are the balances the plan is written against. Plans write only new rows: reversals
//! are negative allocation rows, never UPDATE or DELETE.

use super::Tx;
use crate::params;
use serde_json::json;

use super::audit::{self, Touched};
use super::customers::{self, stored_currency, stored_enum};
use super::payments::{insert_activity, not_found, NewActivity};
use super::{invoices, Actor};
use crate::core::corrections::{
    AllocateFacts, AllocateOne, AllocatePlan, AppliedTo, AutoFacts, AutoPlan, CustomerFundsFacts,
    PaymentFacts, Reallocate, ReallocateFacts, ReallocatePlan, RefundFacts, RefundPlan,
    RefundRequest, ReversalFacts, RowKind, SettlePlan, Unallocate, UnallocateFacts, UnallocatePlan,
    VoidPlan,
};
use crate::core::{ActivityStatus, InvoiceStatus, Money, TransactionType};
use crate::error::Result;

pub fn payment_facts(tx: &Tx, id: i64) -> Result<PaymentFacts> {
    tx.query_opt("SELECT p.customer_id, p.currency, p.amount, b.allocated, b.refunded, b.settlement, b.voided,
                p.method, p.method_id, p.source, b.written_off
         FROM payments p JOIN payment_balances b ON b.payment_id = p.id WHERE p.id = ?1", params![id], |r| {
        Ok(PaymentFacts {
            id,
            customer_id: r.get(0)?,
            currency: stored_currency(&r.get::<String>(1)?)?,
            amount: r.get(2)?,
            allocated: r.get(3)?,
            refunded: r.get(4)?,
            written_off: r.get(10)?,
            settlement: stored_enum(&r.get::<String>(5)?)?,
            voided: r.get(6)?,
            method: r.get(7)?,
            method_id: r.get(8)?,
            source: r.get(9)?,
        })
    })?
    .ok_or_else(|| not_found(id))
}

/// What a payment has applied to one invoice, net of reversals.
fn applied(tx: &Tx, payment_id: i64, invoice_id: i64) -> Result<i64> {
    tx.query_row(
        "SELECT CAST(coalesce(sum(amount), 0) AS BIGINT)
         FROM allocations
         WHERE payment_id = ?1 AND invoice_id = ?2",
        params![payment_id, invoice_id],
        |r| r.get(0),
    )
}

/// Every invoice a payment has money on, net of reversals, oldest allocation first.
fn applied_all(tx: &Tx, payment_id: i64) -> Result<Vec<(i64, i64)>> {
    tx.query_map(
        "SELECT invoice_id, CAST(sum(amount) AS BIGINT) FROM allocations WHERE payment_id = ?1
             GROUP BY invoice_id HAVING sum(amount) <> 0 ORDER BY min(id)",
        params![payment_id],
        |r| Ok((r.get(0)?, r.get(1)?)),
    )
}

/// Whether an invoice was written off: its allocations are final from then on.
fn is_written_off(tx: &Tx, invoice_id: i64) -> Result<bool> {
    Ok(invoices::facts(tx, invoice_id)?.is_some_and(|i| i.status == InvoiceStatus::WrittenOff))
}

/// Writes one allocation row of a payment after its creation (an allocation, or a reversal of
/// one), dated now, but never before the payment's latest allocation row: a clock set back
/// (`PAYCTL_NOW`, or the system's) would otherwise date an unallocation before the allocation
/// it takes back, and each allocate-unallocate round would add the amount again to what the
/// payment has applied as of a date between the two, until a statement or an aging report
/// as of that date could not sum it (exit 74, forever). Rows of one payment in date order are
/// then the order they were written in, so every total as of any date is one the payment
/// really had. Stored timestamps have one fixed width (`YYYY-MM-DDTHH:MM:SSZ`, years
/// 1900–9999), so their text orders as their time does.
fn insert_allocation(
    tx: &Tx,
    actor: &Actor,
    payment_id: i64,
    invoice_id: i64,
    amount: i64,
    kind: &str,
    refund_id: Option<i64>,
) -> Result<()> {
    tx.execute("INSERT INTO allocations (payment_id, invoice_id, amount, kind, refund_id, effective_at, created_at)
         VALUES (?1, ?2, ?3, ?4, ?5,
                 (SELECT CASE WHEN latest > ?6 THEN latest ELSE ?6 END
                  FROM (SELECT max(effective_at) AS latest FROM allocations WHERE payment_id = ?1) AS m),
                 ?6)", params![payment_id, invoice_id, amount, kind, refund_id, actor.now_text()])?;
    Ok(())
}

fn touched(p: &PaymentFacts) -> Touched {
    Touched {
        entity: "payment",
        entity_id: p.id,
        customer_id: Some(p.customer_id),
        payment_id: Some(p.id),
    }
}

// ---------------------------------------------------------------------------------------------
// Facts: reads only. A payment that does not exist is not found (exit 3); everything else the
// rules decide.

pub fn allocate_facts(tx: &Tx, req: &AllocateOne) -> Result<AllocateFacts> {
    Ok(AllocateFacts {
        payment: payment_facts(tx, req.payment_id)?,
        invoice: invoices::facts(tx, req.invoice_id)?,
    })
}

pub fn auto_facts(tx: &Tx, payment_id: i64) -> Result<AutoFacts> {
    let payment = payment_facts(tx, payment_id)?;
    Ok(AutoFacts {
        customer_order: customers::facts(tx, payment.customer_id)?.order,
        open: invoices::open_for_customer(tx, payment.customer_id)?,
        payment,
    })
}

/// A customer (not found: exit 3), its live payments with unallocated funds, oldest first,
/// and its open invoices.
pub fn customer_funds_facts(tx: &Tx, customer_id: i64) -> Result<CustomerFundsFacts> {
    let customer = customers::facts(tx, customer_id)?;
    let ids = tx.query_map(
        "SELECT p.id FROM payments p JOIN payment_balances b ON b.payment_id = p.id
         WHERE p.customer_id = ?1 AND b.voided = 0 AND b.settlement <> 'Failed'
           AND p.amount - b.allocated - b.refunded - b.written_off > 0
         ORDER BY p.effective_at, p.id",
        params![customer_id],
        |r| r.get::<i64>(0),
    )?;
    Ok(CustomerFundsFacts {
        customer_order: customer.order,
        payments: ids
            .into_iter()
            .map(|id| payment_facts(tx, id))
            .collect::<Result<_>>()?,
        open: invoices::open_for_customer(tx, customer_id)?,
    })
}

pub fn unallocate_facts(tx: &Tx, req: &Unallocate) -> Result<UnallocateFacts> {
    Ok(UnallocateFacts {
        payment: payment_facts(tx, req.payment_id)?,
        invoice: invoices::facts(tx, req.invoice_id)?,
        applied: applied(tx, req.payment_id, req.invoice_id)?,
    })
}

pub fn reallocate_facts(tx: &Tx, req: &Reallocate) -> Result<ReallocateFacts> {
    Ok(ReallocateFacts {
        payment: payment_facts(tx, req.payment_id)?,
        from: invoices::facts(tx, req.from)?,
        applied: applied(tx, req.payment_id, req.from)?,
        to: invoices::facts(tx, req.to)?,
    })
}

pub fn refund_facts(tx: &Tx, req: &RefundRequest) -> Result<RefundFacts> {
    let payment = payment_facts(tx, req.payment_id)?;
    let mut named = Vec::new();
    for spec in &req.from_invoices {
        if named
            .iter()
            .any(|n: &AppliedTo| n.invoice_id == spec.invoice_id)
        {
            continue;
        }
        named.push(AppliedTo {
            invoice_id: spec.invoice_id,
            applied: applied(tx, req.payment_id, spec.invoice_id)?,
            written_off: is_written_off(tx, spec.invoice_id)?,
        });
    }
    Ok(RefundFacts { payment, named })
}

/// A payment and every invoice it has money on (for settle and void).
pub fn reversal_facts(tx: &Tx, payment_id: i64) -> Result<ReversalFacts> {
    let payment = payment_facts(tx, payment_id)?;
    let applied = applied_all(tx, payment_id)?
        .into_iter()
        .map(|(invoice_id, applied)| {
            Ok(AppliedTo {
                invoice_id,
                applied,
                written_off: is_written_off(tx, invoice_id)?,
            })
        })
        .collect::<Result<_>>()?;
    Ok(ReversalFacts { payment, applied })
}

// ---------------------------------------------------------------------------------------------
// Writes: a plan the rules accepted, no checks of their own (the schema's triggers stay as
// the last line of defence).

/// Writes one allocation to an invoice. Returns the amount.
pub fn write_allocate(tx: &Tx, actor: &Actor, plan: &AllocatePlan) -> Result<Money> {
    let p = &plan.payment;
    insert_allocation(
        tx,
        actor,
        p.id,
        plan.invoice_id,
        plan.amount.minor(),
        RowKind::Allocate.as_str(),
        None,
    )?;
    audit::record(
        tx,
        actor,
        "payment.allocate",
        touched(p),
        &json!({"invoiceId": plan.invoice_id, "amount": plan.amount}),
    )?;
    Ok(plan.amount)
}

/// Writes an auto-allocation. Returns how much was applied (zero when nothing was left or
/// nothing was open, and then nothing is written).
pub fn write_auto(tx: &Tx, actor: &Actor, plan: &AutoPlan) -> Result<i64> {
    let p = &plan.payment;
    for planned in &plan.allocations {
        insert_allocation(
            tx,
            actor,
            p.id,
            planned.invoice_id,
            planned.amount,
            RowKind::Allocate.as_str(),
            None,
        )?;
    }
    let total = plan.total();
    if total > 0 {
        let detail = plan
            .allocations
            .iter()
            .map(|x| json!({"invoiceId": x.invoice_id, "amount": p.money(x.amount)}))
            .collect::<Vec<_>>();
        audit::record(
            tx,
            actor,
            "payment.allocate",
            touched(p),
            &json!({"auto": true, "order": plan.order.as_str(), "allocations": detail}),
        )?;
    }
    Ok(total)
}

/// Writes money taken back from an invoice into the payment's unallocated funds.
pub fn write_unallocate(tx: &Tx, actor: &Actor, plan: &UnallocatePlan) -> Result<Money> {
    let p = &plan.payment;
    insert_allocation(
        tx,
        actor,
        p.id,
        plan.invoice_id,
        -plan.amount.minor(),
        RowKind::Unallocate.as_str(),
        None,
    )?;
    audit::record(
        tx,
        actor,
        "payment.unallocate",
        touched(p),
        &json!({"invoiceId": plan.invoice_id, "amount": plan.amount}),
    )?;
    Ok(plan.amount)
}

/// Writes money moved from one invoice to another in one transaction: the first never shows
/// as reopened to another reader, because both rows commit together.
pub fn write_reallocate(tx: &Tx, actor: &Actor, plan: &ReallocatePlan) -> Result<Money> {
    let p = &plan.payment;
    let moved = plan.amount.minor();
    let kind = RowKind::Reallocate.as_str();
    insert_allocation(tx, actor, p.id, plan.from, -moved, kind, None)?;
    insert_allocation(tx, actor, p.id, plan.to, moved, kind, None)?;
    audit::record(
        tx,
        actor,
        "payment.reallocate",
        touched(p),
        &json!({"from": plan.from, "to": plan.to, "amount": plan.amount}),
    )?;
    Ok(plan.amount)
}

/// Writes a refund: its reversals, the refund row, its Refund activity. Returns the refund id.
pub fn write_refund(tx: &Tx, actor: &Actor, plan: &RefundPlan) -> Result<i64> {
    let p = &plan.payment;
    let now = actor.now_text();
    // The reversals go in first (their refund_id is checked at commit), so the refund row's
    // trigger sees allocated + refunded <= amount with the allocations already reduced.
    let refund_id: i64 = tx.query_row(
        "SELECT coalesce(max(id), 0) + 1 FROM refunds",
        params![],
        |r| r.get(0),
    )?;
    for (invoice_id, money) in &plan.reversals {
        insert_allocation(
            tx,
            actor,
            p.id,
            *invoice_id,
            -money.minor(),
            RowKind::Refund.as_str(),
            Some(refund_id),
        )?;
    }
    tx.execute(
        "INSERT INTO refunds (id, payment_id, amount, method, reference, effective_at, created_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?6)",
        params![
            refund_id,
            p.id,
            plan.amount.minor(),
            plan.method.as_str(),
            plan.reference,
            now
        ],
    )?;
    insert_activity(
        tx,
        // The activity names the payment method the money went back through, as a Collect
        // activity does: the payment's own for `original`.
        &NewActivity {
            customer_id: p.customer_id,
            payment_id: Some(p.id),
            refund_id: Some(refund_id),
            transaction_type: TransactionType::Refund,
            status: ActivityStatus::Successful,
            amount: plan.amount,
            method: &plan.activity_method,
            method_id: plan.activity_method_id,
            source: &p.source,
            message: plan.reference.as_deref(),
            effective: now,
            now,
        },
    )?;
    audit::record(
        tx,
        actor,
        "payment.refund",
        touched(p),
        &json!({
            "refundId": refund_id,
            "amount": plan.amount,
            "method": plan.method.as_str(),
            "reference": plan.reference,
            "fromUnallocated": plan.from_unallocated,
            "invoiceAllocations": plan.reversals.iter().map(|(i, m)| json!({"invoiceId": i, "amount": m})).collect::<Vec<_>>(),
        }),
    )?;
    Ok(refund_id)
}

/// Writes a settlement. A failed one (NSF) reverses every allocation, so the invoices reopen
/// and the payment stops counting, and an NSF activity records it.
pub fn write_settle(tx: &Tx, actor: &Actor, plan: &SettlePlan) -> Result<()> {
    let p = &plan.payment;
    let now = actor.now_text();
    let message = plan.message.as_deref();
    let mut reversed = Vec::new();
    if !plan.successful {
        for (invoice_id, money) in &plan.reversals {
            insert_allocation(
                tx,
                actor,
                p.id,
                *invoice_id,
                -money.minor(),
                RowKind::Nsf.as_str(),
                None,
            )?;
            reversed.push(json!({"invoiceId": invoice_id, "amount": money}));
        }
        insert_activity(
            tx,
            &NewActivity {
                customer_id: p.customer_id,
                payment_id: Some(p.id),
                refund_id: None,
                transaction_type: TransactionType::Nsf,
                status: ActivityStatus::Failed,
                amount: p.money(p.amount),
                method: &p.method,
                method_id: p.method_id,
                source: &p.source,
                message,
                effective: now,
                now,
            },
        )?;
    }
    let kind = if plan.successful { "settled" } else { "failed" };
    tx.execute(
        "INSERT INTO payment_events (payment_id, kind, message, effective_at, created_at)
         VALUES (?1, ?2, ?3, ?4, ?4)",
        params![p.id, kind, message, now],
    )?;
    audit::record(
        tx,
        actor,
        if plan.successful {
            "payment.settle"
        } else {
            "payment.nsf"
        },
        touched(p),
        &json!({"status": if plan.successful { "Successful" } else { "Failed" }, "message": message, "reversed": reversed}),
    )
}

/// Writes a void: every allocation reversed, the row kept for the audit trail and left out of
/// every balance.
pub fn write_void(tx: &Tx, actor: &Actor, plan: &VoidPlan) -> Result<()> {
    let p = &plan.payment;
    let mut reversed = Vec::new();
    for (invoice_id, money) in &plan.reversals {
        insert_allocation(
            tx,
            actor,
            p.id,
            *invoice_id,
            -money.minor(),
            RowKind::Void.as_str(),
            None,
        )?;
        reversed.push(json!({"invoiceId": invoice_id, "amount": money}));
    }
    tx.execute(
        "INSERT INTO payment_events (payment_id, kind, message, effective_at, created_at)
         VALUES (?1, 'voided', ?2, ?3, ?3)",
        params![p.id, plan.reason, actor.now_text()],
    )?;
    audit::record(
        tx,
        actor,
        "payment.void",
        touched(p),
        &json!({"reason": plan.reason, "reversed": reversed}),
    )
}
