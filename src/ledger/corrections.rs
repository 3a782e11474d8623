//! What happens after a payment (SPEC §6): allocate later, unallocate, reallocate, refund,
//! settle, void. Each is one IMMEDIATE transaction that reads the balances it checks, and
//! writes only new rows: reversals are negative allocation rows, never UPDATE or DELETE.

use super::Tx;
use crate::params;
use rust_decimal::Decimal;
use serde_json::json;

use super::audit::{self, Touched};
use super::customers::{self, stored_currency, stored_enum};
use super::payments::{insert_activity, not_found, NewActivity};
use super::{invoices, Actor};
use crate::core::allocation::{plan_auto, OpenInvoice};
use crate::core::payment::{check_allocation, AllocationSpec};
use crate::core::text::excerpt;
use crate::core::{
    ActivityStatus, AllocationOrder, Currency, Money, PaymentMethod, RefundMethod, Settlement,
    TransactionType,
};
use crate::error::{Error, Problem, Result};

/// A payment's balances as the rules need them.
#[derive(Clone, Debug)]
pub struct PaymentFacts {
    pub id: i64,
    pub customer_id: i64,
    pub currency: Currency,
    pub amount: i64,
    pub allocated: i64,
    pub refunded: i64,
    pub settlement: Settlement,
    pub voided: bool,
    pub method: String,
    pub method_id: Option<i64>,
    pub source: String,
}

impl PaymentFacts {
    pub fn unallocated(&self) -> i64 {
        self.amount - self.allocated - self.refunded
    }
    fn money(&self, minor: i64) -> Money {
        Money::from_minor(minor, self.currency)
    }
    /// Refuses a payment that no longer counts: voided, or bounced (NSF).
    fn ensure_live(&self, what: &str) -> Result<()> {
        if self.voided {
            return Err(Error::rejected(
                "paymentId",
                format!("payment {} is void; it cannot {what}", self.id),
            ));
        }
        if self.settlement == Settlement::Failed {
            return Err(Error::rejected(
                "paymentId",
                format!(
                    "payment {} failed settlement (NSF); it cannot {what}",
                    self.id
                ),
            ));
        }
        Ok(())
    }
}

pub fn payment_facts(tx: &Tx, id: i64) -> Result<PaymentFacts> {
    tx.query_opt("SELECT p.customer_id, p.currency, p.amount, b.allocated, b.refunded, b.settlement, b.voided,
                p.method, p.method_id, p.source
         FROM payments p JOIN payment_balances b ON b.payment_id = p.id WHERE p.id = ?1", params![id], |r| {
        Ok(PaymentFacts {
            id,
            customer_id: r.get(0)?,
            currency: stored_currency(&r.get::<String>(1)?)?,
            amount: r.get(2)?,
            allocated: r.get(3)?,
            refunded: r.get(4)?,
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
    tx.query_row("SELECT CAST(coalesce(sum(amount), 0) AS BIGINT) FROM allocations WHERE payment_id = ?1 AND invoice_id = ?2", params![payment_id, invoice_id], |r| r.get(0))
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
    Ok(invoices::facts(tx, invoice_id)?
        .is_some_and(|i| i.status == crate::core::InvoiceStatus::WrittenOff))
}

/// A payment's allocations to reverse in full (NSF, void), refused when one sits on an invoice
/// written off since: a write-off's allocations are final, and reversing one would make the
/// money it paid vanish from every balance (the write-off took only what was outstanding then).
fn reversible_all(tx: &Tx, p: &PaymentFacts, verb: &str) -> Result<Vec<(i64, i64)>> {
    let applied = applied_all(tx, p.id)?;
    let mut problems = Vec::new();
    for (invoice_id, minor) in &applied {
        if is_written_off(tx, *invoice_id)? {
            problems.push(Problem::new(
                "invoiceId",
                format!(
                    "payment {} paid {} of invoice {invoice_id}, which was written off since; its allocations are final, so the payment cannot be {verb}",
                    p.id,
                    p.money(*minor)
                ),
            ));
        }
    }
    if problems.is_empty() {
        Ok(applied)
    } else {
        Err(Error::Rejected(problems))
    }
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
                  FROM (SELECT max(effective_at) AS latest FROM allocations WHERE payment_id = ?1) AS earlier),
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

fn money_of(p: &PaymentFacts, key: &str, label: &str, amount: Decimal) -> Result<Money> {
    Money::from_decimal(amount, p.currency)
        .map_err(|e| Error::rejected(key, format!("{label} '{amount}' {e}")))
}

/// Applies `amount` of a payment's unallocated funds to one invoice. Returns the amount in
/// the currency's scale.
pub fn allocate_one(
    tx: &Tx,
    actor: &Actor,
    payment_id: i64,
    invoice_id: i64,
    amount: Decimal,
) -> Result<Money> {
    let p = payment_facts(tx, payment_id)?;
    p.ensure_live("be allocated")?;
    let invoice = invoices::facts(tx, invoice_id)?;
    let money = check_allocation(
        invoice_id,
        invoice.as_ref(),
        p.customer_id,
        p.currency,
        amount,
    )
    .map_err(|problem| match invoice {
        None => Error::NotFound(problem),
        Some(_) => Error::Rejected(vec![problem]),
    })?;
    if money.minor() > p.unallocated() {
        return Err(Error::rejected(
            "amount",
            format!(
                "allocation of {money} is more than payment {payment_id}'s unallocated amount {}",
                p.money(p.unallocated())
            ),
        ));
    }
    insert_allocation(
        tx,
        actor,
        payment_id,
        invoice_id,
        money.minor(),
        "allocate",
        None,
    )?;
    audit::record(
        tx,
        actor,
        "payment.allocate",
        touched(&p),
        &json!({"invoiceId": invoice_id, "amount": money}),
    )?;
    Ok(money)
}

/// Spreads a payment's unallocated funds over its customer's open invoices. Returns how much
/// was applied (zero when nothing is left or nothing is open).
pub fn allocate_auto(
    tx: &Tx,
    actor: &Actor,
    payment_id: i64,
    order: Option<AllocationOrder>,
) -> Result<i64> {
    let p = payment_facts(tx, payment_id)?;
    p.ensure_live("be allocated")?;
    let customer = customers::facts(tx, p.customer_id)?;
    let open = open_invoices(tx, p.customer_id, p.currency)?;
    apply_auto(tx, actor, &p, &open, order.unwrap_or(customer.order))
}

fn open_invoices(tx: &Tx, customer_id: i64, currency: Currency) -> Result<Vec<OpenInvoice>> {
    Ok(invoices::open_for_customer(tx, customer_id)?
        .into_iter()
        .filter(|i| i.currency == currency)
        .map(|i| OpenInvoice {
            id: i.id,
            due: i.due,
            date: i.date,
            outstanding: i.outstanding,
        })
        .collect())
}

fn apply_auto(
    tx: &Tx,
    actor: &Actor,
    p: &PaymentFacts,
    open: &[OpenInvoice],
    order: AllocationOrder,
) -> Result<i64> {
    let plan = plan_auto(p.unallocated(), open, order);
    for planned in &plan {
        insert_allocation(
            tx,
            actor,
            p.id,
            planned.invoice_id,
            planned.amount,
            "allocate",
            None,
        )?;
    }
    // plan_auto never plans more than the payment's unallocated funds: no overflow.
    let total = crate::core::money::checked_sum(plan.iter().map(|x| x.amount)).unwrap_or(i64::MAX);
    if total > 0 {
        let detail = plan
            .iter()
            .map(|x| json!({"invoiceId": x.invoice_id, "amount": p.money(x.amount)}))
            .collect::<Vec<_>>();
        audit::record(
            tx,
            actor,
            "payment.allocate",
            touched(p),
            &json!({"auto": true, "order": order.as_str(), "allocations": detail}),
        )?;
    }
    Ok(total)
}

/// Applies all of a customer's available funds, oldest payments first, to its open invoices.
/// Returns the ids of the payments that gave money.
pub fn allocate_customer(
    tx: &Tx,
    actor: &Actor,
    customer_id: i64,
    order: Option<AllocationOrder>,
) -> Result<Vec<i64>> {
    let customer = customers::facts(tx, customer_id)?;
    let order = order.unwrap_or(customer.order);
    let ids = tx.query_map(
        "SELECT p.id FROM payments p JOIN payment_balances b ON b.payment_id = p.id
         WHERE p.customer_id = ?1 AND b.voided = 0 AND b.settlement <> 'Failed'
           AND p.amount - b.allocated - b.refunded > 0
         ORDER BY p.effective_at, p.id",
        params![customer_id],
        |r| r.get::<i64>(0),
    )?;
    let mut touched_ids = Vec::new();
    for id in ids {
        let p = payment_facts(tx, id)?;
        // Re-read the open balances: the previous payment may have filled some.
        let open = open_invoices(tx, customer_id, p.currency)?;
        if open.is_empty() {
            break;
        }
        if apply_auto(tx, actor, &p, &open, order)? > 0 {
            touched_ids.push(id);
        }
    }
    Ok(touched_ids)
}

/// Takes money a payment applied to an invoice back into the payment's unallocated funds.
pub fn unallocate(
    tx: &Tx,
    actor: &Actor,
    payment_id: i64,
    invoice_id: i64,
    amount: Option<Decimal>,
) -> Result<Money> {
    let p = payment_facts(tx, payment_id)?;
    p.ensure_live("be unallocated")?;
    let reversed = reversible(tx, &p, invoice_id, amount, "unallocate")?;
    insert_allocation(
        tx,
        actor,
        payment_id,
        invoice_id,
        -reversed.minor(),
        "unallocate",
        None,
    )?;
    audit::record(
        tx,
        actor,
        "payment.unallocate",
        touched(&p),
        &json!({"invoiceId": invoice_id, "amount": reversed}),
    )?;
    Ok(reversed)
}

/// How much of a payment's money on `invoice_id` may be taken back: all of it by default.
fn reversible(
    tx: &Tx,
    p: &PaymentFacts,
    invoice_id: i64,
    amount: Option<Decimal>,
    verb: &str,
) -> Result<Money> {
    let invoice =
        invoices::facts(tx, invoice_id)?.ok_or_else(|| invoices::not_found(invoice_id))?;
    if invoice.status == crate::core::InvoiceStatus::WrittenOff {
        return Err(Error::rejected(
            "invoiceId",
            format!("invoice {invoice_id} is written_off; its allocations are final"),
        ));
    }
    let on_invoice = applied(tx, p.id, invoice_id)?;
    if on_invoice <= 0 {
        return Err(Error::rejected(
            "invoiceId",
            format!(
                "payment {} has nothing allocated to invoice {invoice_id}",
                p.id
            ),
        ));
    }
    let wanted = match amount {
        None => p.money(on_invoice),
        Some(a) => money_of(p, "amount", "amount", a)?,
    };
    if wanted.minor() > on_invoice {
        return Err(Error::rejected(
            "amount",
            format!(
                "cannot {verb} {wanted}: payment {} has only {} allocated to invoice {invoice_id}",
                p.id,
                p.money(on_invoice)
            ),
        ));
    }
    Ok(wanted)
}

/// Moves money from one invoice to another in one transaction: the first never shows as
/// reopened to another reader, because both rows commit together.
pub fn reallocate(
    tx: &Tx,
    actor: &Actor,
    payment_id: i64,
    from: i64,
    to: i64,
    amount: Option<Decimal>,
) -> Result<Money> {
    if from == to {
        return Err(Error::rejected(
            "to",
            format!("--from and --to are both invoice {from}; name two invoices"),
        ));
    }
    let p = payment_facts(tx, payment_id)?;
    p.ensure_live("be reallocated")?;
    let moved = reversible(tx, &p, from, amount, "move")?;
    let target = invoices::facts(tx, to)?;
    check_allocation(
        to,
        target.as_ref(),
        p.customer_id,
        p.currency,
        moved.to_decimal(),
    )
    .map_err(|problem| match target {
        None => Error::NotFound(problem),
        Some(_) => Error::Rejected(vec![problem]),
    })?;
    insert_allocation(
        tx,
        actor,
        payment_id,
        from,
        -moved.minor(),
        "reallocate",
        None,
    )?;
    insert_allocation(tx, actor, payment_id, to, moved.minor(), "reallocate", None)?;
    audit::record(
        tx,
        actor,
        "payment.reallocate",
        touched(&p),
        &json!({"from": from, "to": to, "amount": moved}),
    )?;
    Ok(moved)
}

pub struct RefundRequest {
    pub amount: Decimal,
    pub method: RefundMethod,
    pub reference: Option<String>,
    pub from_invoices: Vec<AllocationSpec>,
}

/// Refunds part or all of a payment: unallocated funds first; beyond them the caller names the
/// allocations to reverse, and they must cover the rest exactly (a refund never silently
/// reopens an invoice). Returns the refund id.
pub fn refund(tx: &Tx, actor: &Actor, payment_id: i64, req: &RefundRequest) -> Result<i64> {
    let p = payment_facts(tx, payment_id)?;
    p.ensure_live("be refunded")?;
    if p.settlement == Settlement::Pending {
        return Err(Error::rejected(
            "paymentId",
            format!("payment {payment_id} is still Pending settlement; settle it first (payctl settle {payment_id} --status successful)"),
        ));
    }
    let amount = money_of(&p, "amount", "amount", req.amount)?;
    let refundable = p.amount - p.refunded;
    if amount.minor() > refundable {
        return Err(Error::rejected(
            "amount",
            format!(
                "refund of {amount} is more than payment {payment_id}'s refundable amount {}",
                p.money(refundable)
            ),
        ));
    }
    let from_unallocated = amount.minor().min(p.unallocated());
    let rest = amount.minor() - from_unallocated;
    let mut reversals = Vec::new();
    let mut problems = Vec::new();
    let mut seen = std::collections::HashSet::new();
    for spec in &req.from_invoices {
        if !seen.insert(spec.invoice_id) {
            problems.push(Problem::new(
                "fromInvoice",
                format!(
                    "invoice {} is named twice in --from-invoice; name each invoice once",
                    spec.invoice_id
                ),
            ));
            continue;
        }
        let on_invoice = applied(tx, payment_id, spec.invoice_id)?;
        // As for unallocate and reallocate: a write-off took the balance as it stood, so
        // taking a payment back from the invoice would leave money owed that no one can pay.
        if on_invoice > 0 && is_written_off(tx, spec.invoice_id)? {
            problems.push(Problem::new(
                "fromInvoice",
                format!(
                    "invoice {} is written_off; its allocations are final, so a refund cannot take money back from it",
                    spec.invoice_id
                ),
            ));
            continue;
        }
        match Money::from_decimal(spec.amount, p.currency) {
            Err(e) => problems.push(Problem::new("fromInvoice", format!("amount '{}' for invoice {} {e}", spec.amount, spec.invoice_id))),
            Ok(m) if m.minor() > on_invoice => problems.push(Problem::new(
                "fromInvoice",
                format!(
                    "cannot take {m} back from invoice {}: payment {payment_id} has {} allocated to it",
                    spec.invoice_id,
                    p.money(on_invoice.max(0))
                ),
            )),
            Ok(m) => reversals.push((spec.invoice_id, m.minor())),
        }
    }
    if !problems.is_empty() {
        return Err(Error::Rejected(problems));
    }
    // An overflowing sum cannot equal what is left to cover.
    let named = crate::core::money::checked_sum(reversals.iter().map(|(_, m)| *m));
    if named != Some(rest) {
        let message = if rest == 0 {
            format!(
                "payment {payment_id}'s unallocated {} covers the refund; drop --from-invoice so no invoice reopens",
                p.money(p.unallocated())
            )
        } else {
            format!(
                "refund of {amount} takes {} from unallocated funds; the other {} must come from allocations named with --from-invoice INV=AMOUNT (named: {})",
                p.money(from_unallocated),
                p.money(rest),
                named.map_or_else(|| "more than payctl can count".to_string(), |n| p.money(n).to_string())
            )
        };
        return Err(Error::rejected("fromInvoice", message));
    }
    if let Some(reference) = &req.reference {
        if let Err(e) =
            crate::core::text::check_text(reference, crate::core::payment::MAX_REFERENCE)
        {
            return Err(Error::rejected(
                "reference",
                format!("reference '{}' {e}", excerpt(reference)),
            ));
        }
    }
    let now = actor.now_text();
    // The reversals go in first (their refund_id is checked at commit), so the refund row's
    // trigger sees allocated + refunded <= amount with the allocations already reduced.
    let refund_id: i64 = tx.query_row(
        "SELECT coalesce(max(id), 0) + 1 FROM refunds",
        params![],
        |r| r.get(0),
    )?;
    for (invoice_id, minor) in &reversals {
        insert_allocation(
            tx,
            actor,
            payment_id,
            *invoice_id,
            -minor,
            "refund",
            Some(refund_id),
        )?;
    }
    tx.execute(
        "INSERT INTO refunds (id, payment_id, amount, method, reference, effective_at, created_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?6)",
        params![
            refund_id,
            payment_id,
            amount.minor(),
            req.method.as_str(),
            req.reference,
            now
        ],
    )?;
    let (refund_method, refund_method_id) = match req.method {
        RefundMethod::Original => (p.method.as_str(), p.method_id),
        RefundMethod::Check => (PaymentMethod::Check.as_str(), None),
        RefundMethod::Cash => (PaymentMethod::Cash.as_str(), None),
        RefundMethod::DirectDeposit => (PaymentMethod::DirectDeposit.as_str(), None),
    };
    insert_activity(
        tx,
        // The activity names the payment method the money went back through, as a Collect
        // activity does: the payment's own for `original`.
        &NewActivity {
            customer_id: p.customer_id,
            payment_id: Some(payment_id),
            refund_id: Some(refund_id),
            transaction_type: TransactionType::Refund,
            status: ActivityStatus::Successful,
            amount,
            method: refund_method,
            method_id: refund_method_id,
            source: &p.source,
            message: req.reference.as_deref(),
            effective: now,
            now,
        },
    )?;
    audit::record(
        tx,
        actor,
        "payment.refund",
        touched(&p),
        &json!({
            "refundId": refund_id,
            "amount": amount,
            "method": req.method.as_str(),
            "reference": req.reference,
            "fromUnallocated": p.money(from_unallocated),
            "invoiceAllocations": reversals.iter().map(|(i, m)| json!({"invoiceId": i, "amount": p.money(*m)})).collect::<Vec<_>>(),
        }),
    )?;
    Ok(refund_id)
}

/// Settles a Pending payment. `failed` is NSF: every allocation is reversed, the invoices
/// reopen, the payment stops counting, and an NSF activity records it.
pub fn settle(
    tx: &Tx,
    actor: &Actor,
    payment_id: i64,
    successful: bool,
    message: Option<&str>,
) -> Result<()> {
    let p = payment_facts(tx, payment_id)?;
    if p.voided {
        return Err(Error::rejected(
            "paymentId",
            format!("payment {payment_id} is void; it cannot be settled"),
        ));
    }
    if p.settlement != Settlement::Pending {
        return Err(Error::rejected(
            "paymentId",
            format!(
                "payment {payment_id} is {}, not Pending; only Pending payments settle",
                p.settlement
            ),
        ));
    }
    let now = actor.now_text();
    let mut reversed = Vec::new();
    if !successful {
        for (invoice_id, minor) in reversible_all(tx, &p, "marked failed (NSF)")? {
            insert_allocation(tx, actor, payment_id, invoice_id, -minor, "nsf", None)?;
            reversed.push(json!({"invoiceId": invoice_id, "amount": p.money(minor)}));
        }
        insert_activity(
            tx,
            &NewActivity {
                customer_id: p.customer_id,
                payment_id: Some(payment_id),
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
    let kind = if successful { "settled" } else { "failed" };
    tx.execute("INSERT INTO payment_events (payment_id, kind, message, effective_at, created_at) VALUES (?1, ?2, ?3, ?4, ?4)", params![payment_id, kind, message, now])?;
    audit::record(
        tx,
        actor,
        if successful {
            "payment.settle"
        } else {
            "payment.nsf"
        },
        touched(&p),
        &json!({"status": if successful { "Successful" } else { "Failed" }, "message": message, "reversed": reversed}),
    )
}

/// Voids a payment entered by mistake: reverses every allocation, keeps the row for the audit
/// trail, and leaves it out of every balance. Not for a payment with refunds.
pub fn void(tx: &Tx, actor: &Actor, payment_id: i64, reason: &str) -> Result<()> {
    let p = payment_facts(tx, payment_id)?;
    if p.voided {
        return Err(Error::rejected(
            "paymentId",
            format!("payment {payment_id} is already void"),
        ));
    }
    if p.settlement == Settlement::Failed {
        return Err(Error::rejected(
            "paymentId",
            format!("payment {payment_id} failed settlement (NSF); it already counts for nothing"),
        ));
    }
    if p.refunded > 0 {
        return Err(Error::rejected(
            "paymentId",
            format!(
                "payment {payment_id} has refunds ({}); a refunded payment cannot be voided",
                p.money(p.refunded)
            ),
        ));
    }
    let mut reversed = Vec::new();
    for (invoice_id, minor) in reversible_all(tx, &p, "voided")? {
        insert_allocation(tx, actor, payment_id, invoice_id, -minor, "void", None)?;
        reversed.push(json!({"invoiceId": invoice_id, "amount": p.money(minor)}));
    }
    tx.execute("INSERT INTO payment_events (payment_id, kind, message, effective_at, created_at) VALUES (?1, 'voided', ?2, ?3, ?3)", params![payment_id, reason, actor.now_text()])?;
    audit::record(
        tx,
        actor,
        "payment.void",
        touched(&p),
        &json!({"reason": reason, "reversed": reversed}),
    )
}
