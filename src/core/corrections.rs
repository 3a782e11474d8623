//! The rules for what happens after a payment (SPEC §6): allocate later, unallocate,
//! reallocate, refund, settle, void. Each request is checked by a pure planner against the
//! facts the ledger read inside its writing transaction; the plan is the rows to write, and
//! reversals are negative allocation rows, never an UPDATE or a DELETE.

use std::collections::HashSet;

use rust_decimal::Decimal;

use super::allocation::{plan_auto, OpenInvoice, Planned};
use super::currency::Currency;
use super::enums::{AllocationOrder, InvoiceStatus, PaymentMethod, RefundMethod, Settlement};
use super::money::{checked_sum, Money};
use super::payment::{check_allocation, AllocationSpec, InvoiceFacts, MAX_REFERENCE};
use super::text::{check_text, excerpt};
use crate::error::Problem;

/// A payment's balances as the rules need them.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PaymentFacts {
    pub id: i64,
    pub customer_id: i64,
    pub currency: Currency,
    pub amount: i64,
    pub allocated: i64,
    pub refunded: i64,
    /// Unapplied credit written off this payment (`credit write-off`): gone for good.
    pub written_off: i64,
    pub settlement: Settlement,
    pub voided: bool,
    pub method: String,
    pub method_id: Option<i64>,
    pub source: String,
}

impl PaymentFacts {
    pub fn unallocated(&self) -> i64 {
        self.amount - self.allocated - self.refunded - self.written_off
    }

    pub fn money(&self, minor: i64) -> Money {
        Money::from_minor(minor, self.currency)
    }
}

/// Why a planner refused a request. Most refusals are rejections (exit 1); an invoice the
/// request names that does not exist is not found (exit 3), as it was before the rules moved
/// here.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Refusal {
    Rejected(Vec<Problem>),
    /// An invoice to take money back from does not exist: the caller words it.
    InvoiceNotFound(i64),
    /// An invoice to allocate to does not exist, as [`check_allocation`] words it.
    NotFound(Problem),
}

impl Refusal {
    fn one(key: &str, message: String) -> Refusal {
        Refusal::Rejected(vec![Problem::new(key, message)])
    }
}

/// Refuses a payment that no longer counts: voided, or bounced (NSF). `what` finishes the
/// sentence "it cannot …".
pub fn ensure_live(p: &PaymentFacts, what: &str) -> Result<(), Problem> {
    if p.voided {
        return Err(Problem::new(
            "paymentId",
            format!("payment {} is void; it cannot {what}", p.id),
        ));
    }
    if p.settlement == Settlement::Failed {
        return Err(Problem::new(
            "paymentId",
            format!("payment {} failed settlement (NSF); it cannot {what}", p.id),
        ));
    }
    Ok(())
}

/// The longest free text a correction keeps (a refund's reference, a settlement's message, a
/// void's reason): Fusebill's limit for a reference.
pub const MAX_NOTE: usize = MAX_REFERENCE;

/// `value`, a free-text field a correction stores, if it breaks the text rules (control
/// characters, card numbers, length), checked before the ledger is opened.
fn note_problem(key: &str, value: &str) -> Option<Problem> {
    check_text(value, MAX_NOTE)
        .err()
        .map(|e| Problem::new(key, format!("{key} '{}' {e}", excerpt(value))))
}

fn live(p: &PaymentFacts, what: &str) -> Result<(), Refusal> {
    ensure_live(p, what).map_err(|problem| Refusal::Rejected(vec![problem]))
}

fn money_of(p: &PaymentFacts, key: &str, label: &str, amount: Decimal) -> Result<Money, Refusal> {
    Money::from_decimal(amount, p.currency)
        .map_err(|e| Refusal::one(key, format!("{label} '{amount}' {e}")))
}

/// Why an allocation row was written: stored in `allocations.kind`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RowKind {
    Allocate,
    Unallocate,
    Reallocate,
    Refund,
    Nsf,
    Void,
}

impl RowKind {
    pub fn as_str(self) -> &'static str {
        match self {
            RowKind::Allocate => "allocate",
            RowKind::Unallocate => "unallocate",
            RowKind::Reallocate => "reallocate",
            RowKind::Refund => "refund",
            RowKind::Nsf => "nsf",
            RowKind::Void => "void",
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Allocate: to one invoice, or automatically.

/// `payctl allocate ID --invoice INV --amount X`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AllocateOne {
    pub payment_id: i64,
    pub invoice_id: i64,
    pub amount: Decimal,
}

pub struct AllocateFacts {
    pub payment: PaymentFacts,
    /// `None` when the invoice does not exist.
    pub invoice: Option<InvoiceFacts>,
}

/// One allocation to write: `amount` of the payment to `invoice_id`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AllocatePlan {
    pub payment: PaymentFacts,
    pub invoice_id: i64,
    pub amount: Money,
}

pub fn plan_allocate(req: &AllocateOne, facts: &AllocateFacts) -> Result<AllocatePlan, Refusal> {
    let p = &facts.payment;
    live(p, "be allocated")?;
    let money = check_allocation(
        req.invoice_id,
        facts.invoice.as_ref(),
        p.customer_id,
        p.currency,
        req.amount,
    )
    .map_err(|problem| match facts.invoice {
        None => Refusal::NotFound(problem),
        Some(_) => Refusal::Rejected(vec![problem]),
    })?;
    if money.minor() > p.unallocated() {
        return Err(Refusal::one(
            "amount",
            format!(
                "allocation of {money} is more than payment {}'s unallocated amount {}",
                p.id,
                p.money(p.unallocated())
            ),
        ));
    }
    Ok(AllocatePlan {
        payment: p.clone(),
        invoice_id: req.invoice_id,
        amount: money,
    })
}

/// What auto-allocation of one payment reads: the payment, its customer's order, and the
/// customer's open invoices (in any currency; only the payment's can take it).
pub struct AutoFacts {
    pub payment: PaymentFacts,
    pub customer_order: AllocationOrder,
    pub open: Vec<InvoiceFacts>,
}

/// A payment's unallocated funds spread over open invoices.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AutoPlan {
    pub payment: PaymentFacts,
    pub order: AllocationOrder,
    pub allocations: Vec<Planned>,
}

impl AutoPlan {
    /// What the plan applies. `plan_auto` never plans more than the payment's unallocated
    /// funds, so the sum cannot overflow.
    pub fn total(&self) -> i64 {
        checked_sum(self.allocations.iter().map(|x| x.amount)).unwrap_or(i64::MAX)
    }
}

fn open_in(open: &[InvoiceFacts], currency: Currency) -> Vec<OpenInvoice> {
    open.iter()
        .filter(|i| i.currency == currency)
        .map(|i| OpenInvoice {
            id: i.id,
            due: i.due,
            date: i.date,
            outstanding: i.outstanding,
        })
        .collect()
}

/// `payctl allocate ID --auto [--order O]`: the payment's unallocated funds over its
/// customer's open invoices, in `order` or the customer's.
pub fn plan_allocate_auto(
    order: Option<AllocationOrder>,
    facts: &AutoFacts,
) -> Result<AutoPlan, Refusal> {
    let p = &facts.payment;
    live(p, "be allocated")?;
    let order = order.unwrap_or(facts.customer_order);
    Ok(AutoPlan {
        payment: p.clone(),
        order,
        allocations: plan_auto(p.unallocated(), &open_in(&facts.open, p.currency), order),
    })
}

/// What allocating all of a customer's funds reads: the customer's order, its live payments
/// with unallocated funds, oldest first, and its open invoices.
pub struct CustomerFundsFacts {
    pub customer_order: AllocationOrder,
    pub payments: Vec<PaymentFacts>,
    pub open: Vec<InvoiceFacts>,
}

/// `payctl allocate --customer N --auto`: each payment in turn, oldest first, over what the
/// payments before it left open. One plan per payment that gives money, in order; it stops at
/// the first payment that finds nothing open in its currency.
pub fn plan_allocate_customer(
    order: Option<AllocationOrder>,
    facts: &CustomerFundsFacts,
) -> Vec<AutoPlan> {
    let order = order.unwrap_or(facts.customer_order);
    let mut open = facts.open.clone();
    let mut plans = Vec::new();
    for p in &facts.payments {
        let candidates = open_in(&open, p.currency);
        if candidates.is_empty() {
            break;
        }
        let allocations = plan_auto(p.unallocated(), &candidates, order);
        for planned in &allocations {
            if let Some(invoice) = open.iter_mut().find(|i| i.id == planned.invoice_id) {
                // plan_auto never plans more than an invoice's outstanding balance.
                invoice.outstanding -= planned.amount;
            }
        }
        // A paid invoice is no longer open.
        open.retain(|i| i.outstanding > 0);
        let plan = AutoPlan {
            payment: p.clone(),
            order,
            allocations,
        };
        if plan.total() > 0 {
            plans.push(plan);
        }
    }
    plans
}

// ---------------------------------------------------------------------------------------------
// Unallocate and reallocate: take back money a payment applied to an invoice.

/// `payctl unallocate ID --invoice INV [--amount X]`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Unallocate {
    pub payment_id: i64,
    pub invoice_id: i64,
    /// All of it when `None`.
    pub amount: Option<Decimal>,
}

/// The payment, the invoice money is taken back from (`None` when it does not exist), and
/// what the payment has applied to it, net of reversals.
pub struct UnallocateFacts {
    pub payment: PaymentFacts,
    pub invoice: Option<InvoiceFacts>,
    pub applied: i64,
}

/// Money taken back from one invoice into the payment's unallocated funds.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct UnallocatePlan {
    pub payment: PaymentFacts,
    pub invoice_id: i64,
    pub amount: Money,
}

/// How much of a payment's money on `invoice_id` may be taken back: all of it by default.
pub fn reversible(
    p: &PaymentFacts,
    invoice_id: i64,
    invoice: Option<&InvoiceFacts>,
    applied: i64,
    amount: Option<Decimal>,
    verb: &str,
) -> Result<Money, Refusal> {
    let invoice = invoice.ok_or(Refusal::InvoiceNotFound(invoice_id))?;
    if invoice.status == InvoiceStatus::WrittenOff {
        return Err(Refusal::one(
            "invoiceId",
            format!("invoice {invoice_id} is written_off; its allocations are final"),
        ));
    }
    if applied <= 0 {
        return Err(Refusal::one(
            "invoiceId",
            format!(
                "payment {} has nothing allocated to invoice {invoice_id}",
                p.id
            ),
        ));
    }
    let wanted = match amount {
        None => p.money(applied),
        Some(a) => money_of(p, "amount", "amount", a)?,
    };
    if wanted.minor() > applied {
        return Err(Refusal::one(
            "amount",
            format!(
                "cannot {verb} {wanted}: payment {} has only {} allocated to invoice {invoice_id}",
                p.id,
                p.money(applied)
            ),
        ));
    }
    Ok(wanted)
}

pub fn plan_unallocate(
    req: &Unallocate,
    facts: &UnallocateFacts,
) -> Result<UnallocatePlan, Refusal> {
    let p = &facts.payment;
    live(p, "be unallocated")?;
    let amount = reversible(
        p,
        req.invoice_id,
        facts.invoice.as_ref(),
        facts.applied,
        req.amount,
        "unallocate",
    )?;
    Ok(UnallocatePlan {
        payment: p.clone(),
        invoice_id: req.invoice_id,
        amount,
    })
}

/// `payctl reallocate ID --from INV --to INV [--amount X]`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Reallocate {
    pub payment_id: i64,
    pub from: i64,
    pub to: i64,
    /// All of it when `None`.
    pub amount: Option<Decimal>,
}

impl Reallocate {
    /// The one rule that needs no facts, checked before the ledger reads any.
    pub fn same_invoice_problem(&self) -> Option<Problem> {
        (self.from == self.to).then(|| {
            Problem::new(
                "to",
                format!(
                    "--from and --to are both invoice {}; name two invoices",
                    self.from
                ),
            )
        })
    }
}

pub struct ReallocateFacts {
    pub payment: PaymentFacts,
    pub from: Option<InvoiceFacts>,
    /// What the payment has applied to `from`, net of reversals.
    pub applied: i64,
    pub to: Option<InvoiceFacts>,
}

/// Money moved from one invoice to another: both rows commit together.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ReallocatePlan {
    pub payment: PaymentFacts,
    pub from: i64,
    pub to: i64,
    pub amount: Money,
}

pub fn plan_reallocate(
    req: &Reallocate,
    facts: &ReallocateFacts,
) -> Result<ReallocatePlan, Refusal> {
    if let Some(problem) = req.same_invoice_problem() {
        return Err(Refusal::Rejected(vec![problem]));
    }
    let p = &facts.payment;
    live(p, "be reallocated")?;
    let moved = reversible(
        p,
        req.from,
        facts.from.as_ref(),
        facts.applied,
        req.amount,
        "move",
    )?;
    check_allocation(
        req.to,
        facts.to.as_ref(),
        p.customer_id,
        p.currency,
        moved.to_decimal(),
    )
    .map_err(|problem| match facts.to {
        None => Refusal::NotFound(problem),
        Some(_) => Refusal::Rejected(vec![problem]),
    })?;
    Ok(ReallocatePlan {
        payment: p.clone(),
        from: req.from,
        to: req.to,
        amount: moved,
    })
}

// ---------------------------------------------------------------------------------------------
// Refund.

/// `payctl refund ID --amount X --method M [--reference R] [--from-invoice INV=AMOUNT ...]`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RefundRequest {
    pub payment_id: i64,
    pub amount: Decimal,
    pub method: RefundMethod,
    pub reference: Option<String>,
    pub from_invoices: Vec<AllocationSpec>,
}

impl RefundRequest {
    /// The reference's text rules, which need no facts.
    pub fn reference_problem(&self) -> Option<Problem> {
        self.reference
            .as_deref()
            .and_then(|r| note_problem("reference", r))
    }
}

/// What a payment has on one invoice a refund names.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct AppliedTo {
    pub invoice_id: i64,
    /// Net of reversals, in minor units.
    pub applied: i64,
    pub written_off: bool,
}

pub struct RefundFacts {
    pub payment: PaymentFacts,
    /// One entry for each invoice the request names (0 applied when the payment has nothing
    /// on it or the invoice does not exist).
    pub named: Vec<AppliedTo>,
}

/// A refund to write: the reversals first, then the refund row and its activity.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RefundPlan {
    pub payment: PaymentFacts,
    pub amount: Money,
    pub method: RefundMethod,
    pub reference: Option<String>,
    pub from_unallocated: Money,
    pub reversals: Vec<(i64, Money)>,
    /// The payment method the money goes back through (the payment's own for `original`),
    /// as the Refund activity names it.
    pub activity_method: String,
    pub activity_method_id: Option<i64>,
}

/// Unallocated funds first; beyond them the caller names the allocations to reverse, and they
/// must cover the rest exactly (a refund never silently reopens an invoice).
pub fn plan_refund(req: &RefundRequest, facts: &RefundFacts) -> Result<RefundPlan, Refusal> {
    let p = &facts.payment;
    let payment_id = p.id;
    live(p, "be refunded")?;
    if p.settlement == Settlement::Pending {
        return Err(Refusal::one(
            "paymentId",
            format!("payment {payment_id} is still Pending settlement; settle it first (payctl settle {payment_id} --status successful)"),
        ));
    }
    let amount = money_of(p, "amount", "amount", req.amount)?;
    let refundable = p.amount - p.refunded - p.written_off;
    if amount.minor() > refundable {
        return Err(Refusal::one(
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
    let mut seen = HashSet::new();
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
        let named = facts.named.iter().find(|n| n.invoice_id == spec.invoice_id);
        let on_invoice = named.map_or(0, |n| n.applied);
        // As for unallocate and reallocate: a write-off took the balance as it stood, so
        // taking a payment back from the invoice would leave money owed that no one can pay.
        if on_invoice > 0 && named.is_some_and(|n| n.written_off) {
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
            Ok(m) => reversals.push((spec.invoice_id, m)),
        }
    }
    if !problems.is_empty() {
        return Err(Refusal::Rejected(problems));
    }
    // An overflowing sum cannot equal what is left to cover.
    let named = checked_sum(reversals.iter().map(|(_, m)| m.minor()));
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
        return Err(Refusal::one("fromInvoice", message));
    }
    if let Some(reference) = &req.reference {
        if let Err(e) = check_text(reference, MAX_REFERENCE) {
            return Err(Refusal::one(
                "reference",
                format!("reference '{}' {e}", excerpt(reference)),
            ));
        }
    }
    let (activity_method, activity_method_id) = match req.method {
        RefundMethod::Original => (p.method.clone(), p.method_id),
        RefundMethod::Check => (PaymentMethod::Check.as_str().to_string(), None),
        RefundMethod::Cash => (PaymentMethod::Cash.as_str().to_string(), None),
        RefundMethod::DirectDeposit => (PaymentMethod::DirectDeposit.as_str().to_string(), None),
    };
    Ok(RefundPlan {
        payment: p.clone(),
        amount,
        method: req.method,
        reference: req.reference.clone(),
        from_unallocated: p.money(from_unallocated),
        reversals,
        activity_method,
        activity_method_id,
    })
}

// ---------------------------------------------------------------------------------------------
// Settle and void: reverse every allocation of a payment.

/// The payment and every invoice it has money on, net of reversals, oldest allocation first.
pub struct ReversalFacts {
    pub payment: PaymentFacts,
    pub applied: Vec<AppliedTo>,
}

/// A payment's allocations to reverse in full (NSF, void), refused when one sits on an invoice
/// written off since: a write-off's allocations are final, and reversing one would make the
/// money it paid vanish from every balance (the write-off took only what was outstanding then).
pub fn reversible_all(
    p: &PaymentFacts,
    applied: &[AppliedTo],
    verb: &str,
) -> Result<Vec<(i64, Money)>, Refusal> {
    let problems: Vec<Problem> = applied
        .iter()
        .filter(|a| a.written_off)
        .map(|a| {
            Problem::new(
                "invoiceId",
                format!(
                    "payment {} paid {} of invoice {}, which was written off since; its allocations are final, so the payment cannot be {verb}",
                    p.id,
                    p.money(a.applied),
                    a.invoice_id
                ),
            )
        })
        .collect();
    if problems.is_empty() {
        Ok(applied
            .iter()
            .map(|a| (a.invoice_id, p.money(a.applied)))
            .collect())
    } else {
        Err(Refusal::Rejected(problems))
    }
}

/// `payctl settle ID --status successful|failed [--message M]`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Settle {
    pub payment_id: i64,
    pub successful: bool,
    pub message: Option<String>,
}

impl Settle {
    /// The message's text rules, which need no facts.
    pub fn message_problem(&self) -> Option<Problem> {
        self.message
            .as_deref()
            .and_then(|m| note_problem("message", m))
    }
}

/// A settlement to write: for a failed one (NSF), every allocation reversed and an NSF
/// activity for the payment's amount.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SettlePlan {
    pub payment: PaymentFacts,
    pub successful: bool,
    pub message: Option<String>,
    pub reversals: Vec<(i64, Money)>,
}

pub fn plan_settle(req: &Settle, facts: &ReversalFacts) -> Result<SettlePlan, Refusal> {
    let p = &facts.payment;
    if p.voided {
        return Err(Refusal::one(
            "paymentId",
            format!("payment {} is void; it cannot be settled", p.id),
        ));
    }
    if p.settlement != Settlement::Pending {
        return Err(Refusal::one(
            "paymentId",
            format!(
                "payment {} is {}, not Pending; only Pending payments settle",
                p.id, p.settlement
            ),
        ));
    }
    let reversals = if req.successful {
        Vec::new()
    } else {
        reversible_all(p, &facts.applied, "marked failed (NSF)")?
    };
    Ok(SettlePlan {
        payment: p.clone(),
        successful: req.successful,
        message: req.message.clone(),
        reversals,
    })
}

/// `payctl void ID --reason R`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Void {
    pub payment_id: i64,
    pub reason: String,
}

impl Void {
    /// A void says why (it is kept in the audit trail). An empty reason is said to be empty,
    /// not also blank.
    pub fn reason_problem(reason: &str) -> Option<Problem> {
        if reason.trim().is_empty() {
            return Some(Problem::new(
                "reason",
                "reason is empty; say why (it is kept in the audit trail)",
            ));
        }
        note_problem("reason", reason)
    }
}

/// A void to write: every allocation reversed, the payment kept for the audit trail.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct VoidPlan {
    pub payment: PaymentFacts,
    pub reason: String,
    pub reversals: Vec<(i64, Money)>,
}

/// Not for a payment with refunds, nor one that already counts for nothing.
pub fn plan_void(req: &Void, facts: &ReversalFacts) -> Result<VoidPlan, Refusal> {
    let p = &facts.payment;
    let payment_id = p.id;
    if p.voided {
        return Err(Refusal::one(
            "paymentId",
            format!("payment {payment_id} is already void"),
        ));
    }
    if p.settlement == Settlement::Failed {
        return Err(Refusal::one(
            "paymentId",
            format!("payment {payment_id} failed settlement (NSF); it already counts for nothing"),
        ));
    }
    if p.refunded > 0 {
        return Err(Refusal::one(
            "paymentId",
            format!(
                "payment {payment_id} has refunds ({}); a refunded payment cannot be voided",
                p.money(p.refunded)
            ),
        ));
    }
    if p.written_off > 0 {
        return Err(Refusal::one(
            "paymentId",
            format!(
                "payment {payment_id} has credit written off ({}); it cannot be voided",
                p.money(p.written_off)
            ),
        ));
    }
    Ok(VoidPlan {
        payment: p.clone(),
        reason: req.reason.clone(),
        reversals: reversible_all(p, &facts.applied, "voided")?,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::dates::parse_date;
    use proptest::prelude::*;

    const USD: Currency = Currency::USD;

    fn payment(amount: i64, allocated: i64, refunded: i64) -> PaymentFacts {
        PaymentFacts {
            id: 7,
            customer_id: 1,
            currency: USD,
            amount,
            allocated,
            refunded,
            written_off: 0,
            settlement: Settlement::Successful,
            voided: false,
            method: "Check".to_string(),
            method_id: None,
            source: "Manual".to_string(),
        }
    }

    fn invoice(id: i64, total: i64, allocated: i64) -> InvoiceFacts {
        let date = parse_date("2026-01-01").unwrap();
        InvoiceFacts {
            id,
            number: format!("INV-{id}"),
            customer_id: 1,
            total,
            currency: USD,
            outstanding: total - allocated,
            status: crate::core::invoice::derive_status(None, allocated, total),
            due: date + chrono::Duration::days(id),
            date,
        }
    }

    fn cents(minor: i64) -> Decimal {
        Decimal::new(minor, 2)
    }

    fn messages(refusal: Refusal) -> Vec<String> {
        match refusal {
            Refusal::Rejected(problems) => problems.into_iter().map(|p| p.message).collect(),
            other => panic!("not a rejection: {other:?}"),
        }
    }

    #[test]
    fn a_void_or_bounced_payment_cannot_be_allocated() {
        let mut p = payment(1000, 0, 0);
        p.voided = true;
        let facts = AllocateFacts {
            payment: p.clone(),
            invoice: Some(invoice(3, 500, 0)),
        };
        let req = AllocateOne {
            payment_id: 7,
            invoice_id: 3,
            amount: cents(100),
        };
        assert_eq!(
            messages(plan_allocate(&req, &facts).unwrap_err()),
            ["payment 7 is void; it cannot be allocated"]
        );
        p.voided = false;
        p.settlement = Settlement::Failed;
        assert_eq!(
            messages(
                plan_allocate_auto(
                    None,
                    &AutoFacts {
                        payment: p,
                        customer_order: AllocationOrder::OldestToNewest,
                        open: vec![invoice(3, 500, 0)],
                    }
                )
                .unwrap_err()
            ),
            ["payment 7 failed settlement (NSF); it cannot be allocated"]
        );
    }

    #[test]
    fn allocating_to_a_missing_invoice_is_not_found_and_over_the_funds_is_rejected() {
        let req = AllocateOne {
            payment_id: 7,
            invoice_id: 3,
            amount: cents(600),
        };
        let missing = AllocateFacts {
            payment: payment(1000, 0, 0),
            invoice: None,
        };
        assert!(matches!(
            plan_allocate(&req, &missing),
            Err(Refusal::NotFound(_))
        ));
        let short = AllocateFacts {
            payment: payment(1000, 500, 0),
            invoice: Some(invoice(3, 5000, 0)),
        };
        assert_eq!(
            messages(plan_allocate(&req, &short).unwrap_err()),
            ["allocation of 6.00 is more than payment 7's unallocated amount 5.00"]
        );
    }

    #[test]
    fn unallocate_refusals() {
        let req = Unallocate {
            payment_id: 7,
            invoice_id: 3,
            amount: Some(cents(300)),
        };
        let facts = |invoice: Option<InvoiceFacts>, applied| UnallocateFacts {
            payment: payment(1000, applied, 0),
            invoice,
            applied,
        };
        assert_eq!(
            plan_unallocate(&req, &facts(None, 0)).unwrap_err(),
            Refusal::InvoiceNotFound(3)
        );
        assert_eq!(
            messages(plan_unallocate(&req, &facts(Some(invoice(3, 500, 0)), 0)).unwrap_err()),
            ["payment 7 has nothing allocated to invoice 3"]
        );
        assert_eq!(
            messages(plan_unallocate(&req, &facts(Some(invoice(3, 500, 200)), 200)).unwrap_err()),
            ["cannot unallocate 3.00: payment 7 has only 2.00 allocated to invoice 3"]
        );
        let mut written_off = invoice(3, 500, 200);
        written_off.status = InvoiceStatus::WrittenOff;
        assert_eq!(
            messages(plan_unallocate(&req, &facts(Some(written_off), 200)).unwrap_err()),
            ["invoice 3 is written_off; its allocations are final"]
        );
    }

    #[test]
    fn reallocate_to_the_same_invoice_is_refused_first() {
        let req = Reallocate {
            payment_id: 7,
            from: 3,
            to: 3,
            amount: None,
        };
        let mut p = payment(1000, 0, 0);
        p.voided = true;
        let facts = ReallocateFacts {
            payment: p,
            from: None,
            applied: 0,
            to: None,
        };
        assert_eq!(
            messages(plan_reallocate(&req, &facts).unwrap_err()),
            ["--from and --to are both invoice 3; name two invoices"]
        );
    }

    #[test]
    fn refund_refusals() {
        let req = |amount, from: Vec<(i64, i64)>| RefundRequest {
            payment_id: 7,
            amount: cents(amount),
            method: RefundMethod::Original,
            reference: None,
            from_invoices: from
                .into_iter()
                .map(|(invoice_id, minor)| AllocationSpec {
                    named: None,
                    invoice_id,
                    amount: cents(minor),
                })
                .collect(),
        };
        let facts = RefundFacts {
            payment: payment(1000, 600, 0),
            named: vec![AppliedTo {
                invoice_id: 3,
                applied: 600,
                written_off: false,
            }],
        };
        assert_eq!(
            messages(plan_refund(&req(1100, vec![]), &facts).unwrap_err()),
            ["refund of 11.00 is more than payment 7's refundable amount 10.00"]
        );
        assert_eq!(
            messages(plan_refund(&req(300, vec![(3, 100)]), &facts).unwrap_err()),
            ["payment 7's unallocated 4.00 covers the refund; drop --from-invoice so no invoice reopens"]
        );
        assert_eq!(
            messages(plan_refund(&req(600, vec![(3, 100)]), &facts).unwrap_err()),
            ["refund of 6.00 takes 4.00 from unallocated funds; the other 2.00 must come from allocations named with --from-invoice INV=AMOUNT (named: 1.00)"]
        );
        assert_eq!(
            messages(plan_refund(&req(600, vec![(3, 100), (3, 100)]), &facts).unwrap_err()),
            ["invoice 3 is named twice in --from-invoice; name each invoice once"]
        );
        let mut pending = facts.payment.clone();
        pending.settlement = Settlement::Pending;
        assert_eq!(
            messages(
                plan_refund(
                    &req(100, vec![]),
                    &RefundFacts {
                        payment: pending,
                        named: vec![]
                    }
                )
                .unwrap_err()
            ),
            ["payment 7 is still Pending settlement; settle it first (payctl settle 7 --status successful)"]
        );
    }

    #[test]
    fn settle_and_void_refusals() {
        let mut p = payment(1000, 400, 0);
        p.settlement = Settlement::Pending;
        let facts = ReversalFacts {
            payment: p.clone(),
            applied: vec![AppliedTo {
                invoice_id: 3,
                applied: 400,
                written_off: true,
            }],
        };
        let failed = Settle {
            payment_id: 7,
            successful: false,
            message: None,
        };
        assert_eq!(
            messages(plan_settle(&failed, &facts).unwrap_err()),
            ["payment 7 paid 4.00 of invoice 3, which was written off since; its allocations are final, so the payment cannot be marked failed (NSF)"]
        );
        // Settling successfully reverses nothing, so a write-off does not stand in its way.
        let ok = plan_settle(
            &Settle {
                successful: true,
                ..failed.clone()
            },
            &facts,
        )
        .unwrap();
        assert!(ok.reversals.is_empty());
        let void = Void {
            payment_id: 7,
            reason: "typo".to_string(),
        };
        let mut refunded = payment(1000, 0, 250);
        refunded.settlement = Settlement::Successful;
        assert_eq!(
            messages(
                plan_void(
                    &void,
                    &ReversalFacts {
                        payment: refunded,
                        applied: vec![]
                    }
                )
                .unwrap_err()
            ),
            ["payment 7 has refunds (2.50); a refunded payment cannot be voided"]
        );
        p.voided = true;
        assert_eq!(
            messages(
                plan_settle(
                    &failed,
                    &ReversalFacts {
                        payment: p.clone(),
                        applied: vec![]
                    }
                )
                .unwrap_err()
            ),
            ["payment 7 is void; it cannot be settled"]
        );
        assert_eq!(
            messages(
                plan_void(
                    &void,
                    &ReversalFacts {
                        payment: p,
                        applied: vec![]
                    }
                )
                .unwrap_err()
            ),
            ["payment 7 is already void"]
        );
    }

    #[test]
    fn free_text_is_checked_before_any_fact() {
        assert_eq!(
            Void::reason_problem("  ").map(|p| p.message).as_deref(),
            Some("reason is empty; say why (it is kept in the audit trail)")
        );
        assert_eq!(Void::reason_problem("entered twice"), None);
        let card = "card 4111 1111 1111 1111".to_string();
        let settle = Settle {
            payment_id: 7,
            successful: false,
            message: Some(card.clone()),
        };
        let problem = settle.message_problem().unwrap();
        assert_eq!(problem.key, "message");
        assert!(problem.message.starts_with("message '"));
        let refund = RefundRequest {
            payment_id: 7,
            amount: cents(100),
            method: RefundMethod::Cash,
            reference: Some("x".repeat(MAX_NOTE + 1)),
            from_invoices: vec![],
        };
        assert_eq!(refund.reference_problem().unwrap().key, "reference");
    }

    /// A payment with `amount`, split into what it has allocated, refunded and left.
    fn any_payment() -> impl Strategy<Value = PaymentFacts> {
        (1i64..1_000_000, 0u8..=100, 0u8..=100, any::<bool>(), 0u8..3).prop_map(
            |(amount, a, r, voided, settlement)| {
                let allocated = amount * i64::from(a) / 100;
                let refunded = (amount - allocated) * i64::from(r) / 100;
                let mut p = payment(amount, allocated, refunded);
                p.voided = voided && a % 7 == 0;
                p.settlement = [
                    Settlement::Successful,
                    Settlement::Pending,
                    Settlement::Failed,
                ][usize::from(settlement)];
                p
            },
        )
    }

    /// Open invoices (total, already allocated) with ids 1..
    fn any_invoices() -> impl Strategy<Value = Vec<InvoiceFacts>> {
        proptest::collection::vec((1i64..500_000, 0u8..100), 0..8).prop_map(|v| {
            v.into_iter()
                .enumerate()
                .map(|(n, (total, a))| invoice(n as i64 + 1, total, total * i64::from(a) / 100))
                .collect()
        })
    }

    fn refused_with_problems(refusal: &Refusal) -> bool {
        match refusal {
            Refusal::Rejected(problems) => !problems.is_empty(),
            Refusal::NotFound(_) | Refusal::InvoiceNotFound(_) => true,
        }
    }

    proptest! {
        #[test]
        fn an_allocation_never_passes_the_payment_or_the_invoice(
            p in any_payment(),
            total in 1i64..1_000_000,
            taken in 0u8..=100,
            minor in 1i64..2_000_000,
        ) {
            let inv = invoice(3, total, total * i64::from(taken) / 100);
            let req = AllocateOne { payment_id: p.id, invoice_id: 3, amount: cents(minor) };
            let facts = AllocateFacts { payment: p.clone(), invoice: Some(inv.clone()) };
            match plan_allocate(&req, &facts) {
                Ok(plan) => {
                    prop_assert_eq!(plan.amount.minor(), minor);
                    prop_assert!(minor <= p.unallocated());
                    prop_assert!(minor <= inv.outstanding);
                    prop_assert!(!p.voided && p.settlement != Settlement::Failed);
                }
                Err(refusal) => {
                    prop_assert!(refused_with_problems(&refusal));
                    prop_assert!(
                        p.voided || p.settlement == Settlement::Failed
                            || minor > p.unallocated() || minor > inv.outstanding
                    );
                }
            }
        }

        #[test]
        fn customer_funds_fill_invoices_exactly_and_never_past_a_balance(
            payments in proptest::collection::vec(any_payment(), 0..6),
            open in any_invoices(),
            newest_first in any::<bool>(),
        ) {
            // The ledger reads only live payments with funds left.
            let payments: Vec<PaymentFacts> = payments
                .into_iter()
                .enumerate()
                .map(|(n, mut p)| { p.id = n as i64 + 1; p.voided = false; p.settlement = Settlement::Successful; p })
                .filter(|p| p.unallocated() > 0)
                .collect();
            let open: Vec<InvoiceFacts> = open.into_iter().filter(|i| i.outstanding > 0).collect();
            let order = if newest_first { AllocationOrder::NewestToOldest } else { AllocationOrder::OldestToNewest };
            let facts = CustomerFundsFacts { customer_order: order, payments: payments.clone(), open: open.clone() };
            let plans = plan_allocate_customer(None, &facts);
            for inv in &open {
                let to_it: i64 = plans.iter().flat_map(|pl| &pl.allocations).filter(|a| a.invoice_id == inv.id).map(|a| a.amount).sum();
                prop_assert!(to_it <= inv.outstanding);
            }
            for plan in &plans {
                prop_assert!(plan.total() > 0);
                prop_assert!(plan.total() <= plan.payment.unallocated());
                prop_assert!(plan.allocations.iter().all(|a| a.amount > 0));
            }
            let funds: i64 = payments.iter().map(PaymentFacts::unallocated).sum();
            let owed: i64 = open.iter().map(|i| i.outstanding).sum();
            let planned: i64 = plans.iter().map(AutoPlan::total).sum();
            prop_assert_eq!(planned, funds.min(owed));
        }

        #[test]
        fn a_refund_takes_exactly_its_amount_and_never_more_than_was_paid(
            p in any_payment(),
            minor in 1i64..2_000_000,
            split in proptest::collection::vec(0u8..=100, 0..3),
            named_share in proptest::collection::vec(0u8..=100, 0..3),
            exact in any::<bool>(),
        ) {
            // The payment's allocations spread over invoices 1.., and some of them named.
            let mut left = p.allocated;
            let mut named = Vec::new();
            for (n, share) in split.iter().enumerate() {
                let applied = left * i64::from(*share) / 100;
                left -= applied;
                named.push(AppliedTo { invoice_id: n as i64 + 1, applied, written_off: false });
            }
            let from_invoices: Vec<AllocationSpec> = named
                .iter()
                .zip(&named_share)
                .filter(|(n, _)| n.applied > 0)
                .map(|(n, share)| AllocationSpec {
                    named: None,
                    invoice_id: n.invoice_id,
                    amount: cents((n.applied * i64::from(*share) / 100).max(1)),
                })
                .collect();
            // Half the time, the amount the named allocations and the unallocated funds cover.
            let covered = p.unallocated()
                + from_invoices.iter().map(|s| (s.amount * Decimal::from(100)).mantissa() as i64).sum::<i64>();
            let minor = if exact && covered > 0 { covered } else { minor };
            let req = RefundRequest {
                payment_id: p.id,
                amount: cents(minor),
                method: RefundMethod::Cash,
                reference: None,
                from_invoices,
            };
            match plan_refund(&req, &RefundFacts { payment: p.clone(), named: named.clone() }) {
                Ok(plan) => {
                    prop_assert_eq!(plan.amount.minor(), minor);
                    let reversed: i64 = plan.reversals.iter().map(|(_, m)| m.minor()).sum();
                    prop_assert_eq!(plan.from_unallocated.minor() + reversed, minor);
                    prop_assert!(plan.from_unallocated.minor() <= p.unallocated());
                    for (id, m) in &plan.reversals {
                        let applied = named.iter().find(|n| n.invoice_id == *id).unwrap().applied;
                        prop_assert!(m.minor() <= applied);
                    }
                    // After it: allocated + refunded still within the amount.
                    prop_assert!((p.allocated - reversed) + (p.refunded + minor) <= p.amount);
                    prop_assert!(!p.voided && p.settlement == Settlement::Successful);
                }
                Err(refusal) => prop_assert!(refused_with_problems(&refusal)),
            }
        }

        #[test]
        fn unallocate_and_reallocate_move_no_more_than_is_on_the_invoice(
            p in any_payment(),
            applied_share in 0u8..=100,
            wanted in proptest::option::of(1i64..1_000_000),
            to_total in 1i64..1_000_000,
        ) {
            let applied = p.allocated * i64::from(applied_share) / 100;
            let from = invoice(3, applied.max(1), applied);
            let target = invoice(4, to_total, 0);
            let un = Unallocate { payment_id: p.id, invoice_id: 3, amount: wanted.map(cents) };
            match plan_unallocate(&un, &UnallocateFacts { payment: p.clone(), invoice: Some(from.clone()), applied }) {
                Ok(plan) => {
                    prop_assert!(plan.amount.minor() <= applied);
                    prop_assert_eq!(plan.amount.minor(), wanted.unwrap_or(applied));
                }
                Err(refusal) => prop_assert!(refused_with_problems(&refusal)),
            }
            let re = Reallocate { payment_id: p.id, from: 3, to: 4, amount: wanted.map(cents) };
            let facts = ReallocateFacts { payment: p.clone(), from: Some(from), applied, to: Some(target) };
            match plan_reallocate(&re, &facts) {
                Ok(plan) => {
                    prop_assert!(plan.amount.minor() <= applied);
                    prop_assert!(plan.amount.minor() <= to_total);
                    prop_assert_eq!(plan.amount.minor(), wanted.unwrap_or(applied));
                }
                Err(refusal) => prop_assert!(refused_with_problems(&refusal)),
            }
        }

        #[test]
        fn settle_failed_and_void_reverse_exactly_what_was_applied(
            p in any_payment(),
            shares in proptest::collection::vec((0u8..=100, any::<bool>()), 0..4),
        ) {
            let mut left = p.allocated;
            let mut applied = Vec::new();
            for (n, (share, written_off)) in shares.iter().enumerate() {
                let minor = if n + 1 == shares.len() { left } else { left * i64::from(*share) / 100 };
                left -= minor;
                if minor > 0 {
                    applied.push(AppliedTo { invoice_id: n as i64 + 1, applied: minor, written_off: *written_off && *share % 3 == 0 });
                }
            }
            let on_invoices: i64 = applied.iter().map(|a| a.applied).sum();
            let any_written_off = applied.iter().any(|a| a.written_off);
            let facts = ReversalFacts { payment: p.clone(), applied };
            let settle = Settle { payment_id: p.id, successful: false, message: None };
            match plan_settle(&settle, &facts) {
                Ok(plan) => {
                    prop_assert_eq!(plan.reversals.iter().map(|(_, m)| m.minor()).sum::<i64>(), on_invoices);
                    prop_assert!(!any_written_off && !p.voided && p.settlement == Settlement::Pending);
                }
                Err(refusal) => prop_assert!(refused_with_problems(&refusal)),
            }
            let void = Void { payment_id: p.id, reason: "typo".to_string() };
            match plan_void(&void, &facts) {
                Ok(plan) => {
                    prop_assert_eq!(plan.reversals.iter().map(|(_, m)| m.minor()).sum::<i64>(), on_invoices);
                    prop_assert!(!any_written_off && !p.voided && p.refunded == 0);
                    prop_assert!(p.settlement != Settlement::Failed);
                }
                Err(refusal) => prop_assert!(refused_with_problems(&refusal)),
            }
        }
    }
}
