//! The create-payment request every front end builds, and the rules of SPEC §5 that turn it
//! into a plan, given what the ledger holds (read inside the writing transaction).

use chrono::{DateTime, Utc};
use rust_decimal::Decimal;
use serde::Serialize;

use super::allocation::{plan_auto, OpenInvoice};
use super::currency::Currency;
use super::enums::{AllocationOrder, InvoiceStatus, MethodType, PaymentMethod, Settlement, Source};
use super::invoice_ref::{parse_invoice_ref, split_allocation, InvoiceRef};
use super::money::{parse_decimal, Money};
use super::period::{check_open, ClosedPeriod};
use super::text::{
    check_text, contains_card_number, excerpt, is_bidi_control, is_blank, TextError,
};
use crate::error::Problem;

/// The longest reference Fusebill allows.
pub const MAX_REFERENCE: usize = 500;

/// The longest idempotency key accepted.
pub const MAX_IDEMPOTENCY_KEY: usize = 255;

/// A caller's idempotency key: 1 to 255 printable characters, and never a card number (it is
/// stored, like any text field).
pub fn idempotency_key_problem(key: &str) -> Option<Problem> {
    let problem = |why: String| {
        Some(Problem::new(
            "idempotencyKey",
            format!("idempotency key '{}' {why}", excerpt(key)),
        ))
    };
    if key.trim().is_empty()
        || is_blank(key)
        || key.chars().count() > MAX_IDEMPOTENCY_KEY
        || key.chars().any(|c| c.is_control() || is_bidi_control(c))
    {
        return problem(format!(
            "must be 1 to {MAX_IDEMPOTENCY_KEY} printable characters"
        ));
    }
    if contains_card_number(key) {
        return problem(TextError::CardNumber.to_string());
    }
    None
}

/// `INV=AMOUNT` from `--allocate`, or one entry of `paymentAllocations`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct AllocationSpec {
    /// The invoice as the caller named it (id or number, SPEC §4), until the writing
    /// transaction resolves it into `invoice_id`; `None` once resolved, or when the caller
    /// gave an id only (a JSON number). Not part of the request's fingerprint: two requests
    /// that name one invoice two ways are the same request.
    #[serde(skip)]
    pub named: Option<InvoiceRef>,
    #[serde(rename = "invoiceId")]
    pub invoice_id: i64,
    pub amount: Decimal,
}

impl AllocationSpec {
    /// An allocation to invoice `invoice` as the caller named it; its id is known once
    /// resolved.
    pub fn named(invoice: InvoiceRef, amount: Decimal) -> AllocationSpec {
        AllocationSpec {
            invoice_id: invoice.id_reading().unwrap_or(0),
            named: Some(invoice),
            amount,
        }
    }
}

/// Reads `INV=AMOUNT` (`566934=2.00`, `INV-2026-0042=500`, `number:A=1=5`): split at the
/// last `=`, INV an invoice reference (`core::invoice_ref`).
pub fn parse_allocation_spec(text: &str) -> Result<AllocationSpec, String> {
    let (invoice, amount) = split_allocation(text).ok_or_else(|| {
        format!(
            "'{}' is not INVOICE=AMOUNT (e.g. 566934=2.00)",
            excerpt(text)
        )
    })?;
    let reference =
        parse_invoice_ref(invoice).map_err(|e| format!("{e} (in '{}')", excerpt(text)))?;
    let amount = parse_decimal(amount).map_err(|e| {
        format!(
            "amount '{}' for invoice {} {e}",
            excerpt(amount),
            reference.shown()
        )
    })?;
    Ok(AllocationSpec::named(reference, amount.normalize()))
}

/// Why `text` is not an id, for an error message.
pub fn id_problem(text: &str) -> String {
    let digits = !text.is_empty() && text.chars().all(|c| c.is_ascii_digit());
    if digits && !text.trim_start_matches('0').is_empty() {
        format!(
            "'{}' is too large for an id; ids are positive whole numbers up to {}",
            excerpt(text),
            i64::MAX
        )
    } else {
        format!(
            "'{}' is not an id; ids are positive whole numbers such as 655080",
            excerpt(text)
        )
    }
}

/// The largest id a caller may give a new customer, payment method or invoice: 2^53 - 1, the
/// largest integer a JSON reader that uses doubles (JavaScript) reads exactly. It also leaves
/// room: ids payctl assigns follow on from the largest one, and about 9.2 × 10^18 more fit in
/// SQLite's INTEGER after it.
pub const MAX_NEW_ID: i64 = 9_007_199_254_740_991;

/// Why `id` cannot be given to a new `kind` (customer, payment method, invoice), if it cannot.
pub fn new_id_problem(kind: &str, id: i64) -> Option<String> {
    (id > MAX_NEW_ID).then(|| {
        format!(
            "id {id} is too large for a new {kind}; give an id from 1 to {MAX_NEW_ID}, or none to have one assigned"
        )
    })
}

/// The id to assign after the largest one in use, or `None` when that would pass
/// [`MAX_NEW_ID`]: an assigned id is read exactly by the same JSON readers as a given one
/// (after 2^53 - 1, `9007199254740992` and `9007199254740993` read as one number).
pub fn next_id(largest: Option<i64>) -> Option<i64> {
    largest
        .unwrap_or(0)
        .max(0)
        .checked_add(1)
        .filter(|&id| id <= MAX_NEW_ID)
}

/// Why no id can be assigned to a new `kind` once `largest` is in use.
pub fn no_id_left(kind: &str, largest: Option<i64>) -> String {
    format!(
        "no {kind} id is left to assign: {kind} {} has the largest, and payctl assigns ids up to {MAX_NEW_ID}; give an unused id from 1 to {MAX_NEW_ID}",
        largest.unwrap_or(0)
    )
}

/// The id a new `kind` gets when the caller gives none, `largest` being the largest in use
/// ([`next_id`]), or the refusal ([`no_id_left`], exit 1).
pub fn assigned_id(kind: &str, largest: Option<i64>) -> Result<i64, Problem> {
    next_id(largest).ok_or_else(|| Problem::new("id", no_id_left(kind, largest)))
}

/// [`assigned_id`] as a refusal, for a writer whose planner does not take the largest id as
/// one of its facts yet (`ledger::assign_id`).
pub fn assigned_id_or_refuse(kind: &str, largest: Option<i64>) -> crate::error::Result<i64> {
    assigned_id(kind, largest).map_err(|problem| crate::error::Error::Rejected(vec![problem]))
}

/// A record id: a positive whole number that fits SQLite's INTEGER.
pub fn parse_id(text: &str) -> Option<i64> {
    if text.is_empty() || !text.chars().all(|c| c.is_ascii_digit()) {
        return None;
    }
    text.parse::<i64>().ok().filter(|id| *id > 0)
}

/// A request to record a payment, as given by the caller (flags, a JSON payload or an import
/// row): syntax already checked, rules not yet.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct CreatePayment {
    pub customer_id: i64,
    pub amount: Decimal,
    pub currency: Option<Currency>,
    pub payment_method: Option<PaymentMethod>,
    pub payment_method_id: Option<i64>,
    pub use_default_payment_method: bool,
    pub reference: Option<String>,
    pub source: Source,
    pub effective_timestamp: Option<DateTime<Utc>>,
    pub gateway_fee: Option<Decimal>,
    pub allocations: Vec<AllocationSpec>,
    pub auto_allocate: bool,
    pub auto_allocate_order: Option<AllocationOrder>,
    #[serde(skip)]
    pub idempotency_key: Option<String>,
    /// `--allow-duplicate`: the caller knows another live payment has the same customer,
    /// amount and reference. Not part of the fingerprint: a replay under the same key is the
    /// same payment whether or not it says so.
    #[serde(skip)]
    pub allow_duplicate: bool,
}

impl serde::Serialize for Currency {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.code())
    }
}

impl CreatePayment {
    /// The request's identity for idempotency: everything the caller said, amounts normalised
    /// (`50.780` is `50.78`), the key itself left out.
    pub fn fingerprint(&self) -> String {
        let mut normalized = self.clone();
        normalized.amount = normalized.amount.normalize();
        normalized.gateway_fee = normalized.gateway_fee.map(|f| f.normalize());
        // Serialising plain data with string keys cannot fail.
        serde_json::to_string(&normalized).unwrap_or_default()
    }

    /// What the ledger stores for [`fingerprint`](Self::fingerprint): its SHA-256, `sha256:`
    /// and 64 hex digits, instead of the 300-odd bytes of JSON that ledgers before it hold
    /// (an import stores one per row). A replay compares either form.
    pub fn fingerprint_digest(&self) -> String {
        format!(
            "sha256:{}",
            crate::core::text::sha256_hex(&[self.fingerprint().as_bytes()])
        )
    }

    /// Whether `stored`, an idempotency key's fingerprint as the ledger holds it (a digest, or
    /// the JSON itself in older ledgers), is this request's.
    pub fn matches_fingerprint(&self, stored: &str) -> bool {
        if stored.starts_with("sha256:") {
            stored == self.fingerprint_digest()
        } else {
            stored == self.fingerprint()
        }
    }
}

/// A request again under idempotency key `key`, which recorded payment `id` from a request
/// whose fingerprint is `stored`: that payment if the request is the same; if it is not, the
/// problem (exit 4, an idempotency conflict).
pub fn judge_replay(key: &str, req: &CreatePayment, stored: &str, id: i64) -> Result<i64, Problem> {
    if req.matches_fingerprint(stored) {
        return Ok(id);
    }
    Err(Problem::new(
        "idempotencyKey",
        format!("idempotency key '{key}' was already used for payment {id} with a different request; use a new key, or repeat the original request exactly"),
    ))
}

/// The customer, as the rules need it.
#[derive(Clone, Debug)]
pub struct CustomerFacts {
    pub id: i64,
    pub currency: Currency,
    pub default_method: Option<MethodFacts>,
    pub order: AllocationOrder,
}

/// A payment method on file.
#[derive(Clone, Copy, Debug)]
pub struct MethodFacts {
    pub id: i64,
    pub customer_id: i64,
    pub method_type: MethodType,
}

/// An invoice and its balance as the ledger has it now.
#[derive(Clone, Debug)]
pub struct InvoiceFacts {
    pub id: i64,
    pub number: String,
    pub customer_id: i64,
    pub total: i64,
    pub currency: Currency,
    pub outstanding: i64,
    pub status: InvoiceStatus,
    pub due: DateTime<Utc>,
    pub date: DateTime<Utc>,
}

/// What the ledger read for one request: the customer, the method named by id (if any), the
/// invoices named in allocations (`None` where the id does not exist), the customer's open
/// invoices for auto-allocation, and the ledger total of the customer's currency.
pub struct CreateFacts {
    pub customer: CustomerFacts,
    pub named_method: Option<Option<MethodFacts>>,
    pub named_invoices: Vec<(i64, Option<InvoiceFacts>)>,
    pub open_invoices: Vec<InvoiceFacts>,
    /// Every invoice total and payment amount recorded in the customer's currency, added up
    /// (`currency_totals`), before this payment.
    pub ledger_total: i64,
    /// The close in force (SPEC §10): a payment dated on or before it is refused.
    pub closed: Option<ClosedPeriod>,
    /// The customer's live payments (not void, not bounced) of the same amount with a
    /// reference, oldest first. Read only when the request has a reference and does not allow
    /// a duplicate.
    pub duplicates: Vec<DuplicateCandidate>,
}

/// A live payment that a new one may duplicate.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DuplicateCandidate {
    pub id: i64,
    pub reference: String,
    /// An earlier row of the same import, not written yet (`id` is the one it will take).
    pub in_this_import: bool,
}

/// A reference as the duplicate rule compares it: without the spaces around it (U+0020, as
/// SQL's `trim()` removes them, so that the ledger's index finds exactly these candidates).
pub fn duplicate_key(reference: &str) -> &str {
    reference.trim_matches(' ')
}

/// SPEC §10: a payment with the same customer, amount and non-empty reference as a live
/// payment is a likely duplicate. References are compared exactly once the spaces around them
/// are trimmed: `CHK 1042 ` is the check `CHK 1042` typed again, but `chk 1042` may be another
/// bank's reference, and refusing a real payment costs more than asking for `--allow-duplicate`.
pub fn duplicate_problem(
    req: &CreatePayment,
    amount: Money,
    duplicates: &[DuplicateCandidate],
) -> Option<Problem> {
    if req.allow_duplicate {
        return None;
    }
    let reference = req.reference.as_deref()?.trim();
    if reference.is_empty() {
        return None;
    }
    let found = duplicates
        .iter()
        .find(|d| d.reference.trim() == reference)?;
    let first = match found.in_this_import {
        false => format!("payment {} of customer {}", found.id, req.customer_id),
        true => format!(
            "an earlier row of this file (payment {} of customer {})",
            found.id, req.customer_id
        ),
    };
    Some(Problem::new(
        "reference",
        format!(
            "{first} has the same amount {amount} and reference '{}'; this looks like the same payment entered twice. If it is a second payment, record it with --allow-duplicate",
            excerpt(reference)
        ),
    ))
}

/// The payment to write, every rule checked.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PaymentPlan {
    pub customer_id: i64,
    pub amount: Money,
    pub method: PaymentMethod,
    pub method_id: Option<i64>,
    pub source: Source,
    pub reference: Option<String>,
    pub effective: DateTime<Utc>,
    pub gateway_fee: Money,
    pub settlement: Settlement,
    pub allocations: Vec<(i64, Money)>,
    /// The ledger total of the payment's currency with the payment in it: what the ledger
    /// stores in `currency_totals` with the payment.
    pub ledger_total: i64,
}

impl PaymentPlan {
    /// What the plan allocates. `plan_payment` has checked that this sum fits in the amount,
    /// so it cannot overflow.
    pub fn allocated(&self) -> i64 {
        crate::core::money::checked_sum(self.allocations.iter().map(|(_, m)| m.minor()))
            .unwrap_or(i64::MAX)
    }

    pub fn unallocated(&self) -> Money {
        Money::from_minor(
            self.amount.minor() - self.allocated(),
            self.amount.currency(),
        )
    }
}

fn amount_problem(
    key: &str,
    label: &str,
    value: Decimal,
    currency: Currency,
) -> Result<Money, Problem> {
    Money::from_decimal(value, currency)
        .map_err(|e| Problem::new(key, format!("{label} '{value}' {e}")))
}

/// Applies SPEC §5 rules 1–9 to `req`. Every problem found is returned, one per line.
/// SPEC §5 rule 1: a currency given with a payment (or a failed attempt) must be the
/// customer's.
pub fn currency_problem(
    given: Option<Currency>,
    customer_id: i64,
    currency: Currency,
) -> Option<Problem> {
    given.filter(|g| *g != currency).map(|given| {
        Problem::new(
            "currency",
            format!("currency '{given}' does not match customer {customer_id}'s currency {currency}; payments are recorded in the customer's currency"),
        )
    })
}

pub fn plan_payment(
    req: &CreatePayment,
    facts: &CreateFacts,
    now: DateTime<Utc>,
) -> Result<PaymentPlan, Vec<Problem>> {
    let mut problems = Vec::new();
    let customer = &facts.customer;
    let currency = customer.currency;

    // Rule 1: currency is the customer's.
    problems.extend(currency_problem(req.currency, customer.id, currency));
    let amount = amount_problem("amount", "amount", req.amount, currency)
        .map_err(|p| problems.push(p))
        .ok();
    let gateway_fee = match req.gateway_fee {
        None => Some(Money::zero(currency)),
        Some(fee) if fee.is_zero() => Some(Money::zero(currency)),
        Some(fee) => amount_problem("gatewayFee", "gateway fee", fee, currency)
            .map_err(|p| problems.push(p))
            .ok(),
    };
    if let (Some(a), Some(f)) = (amount, gateway_fee) {
        if f.minor() > a.minor() {
            problems.push(Problem::new(
                "gatewayFee",
                format!("gateway fee {f} is more than the payment amount {a}"),
            ));
        }
    }

    // Rules 2–3: the method, and the method on file it draws on.
    let (method, method_id) = resolve_method(req, facts, &mut problems);

    // Rule 4: reference.
    if let Some(reference) = &req.reference {
        if let Err(e) = check_text(reference, MAX_REFERENCE) {
            problems.push(Problem::new(
                "reference",
                format!("reference '{}' {e}", excerpt(reference)),
            ));
        }
    }

    // SPEC §10: not in a closed period, not a likely duplicate.
    let effective = req.effective_timestamp.unwrap_or(now);
    if let Err(p) = check_open(
        "effectiveTimestamp",
        "payment date",
        effective,
        facts.closed.as_ref(),
    ) {
        problems.push(p);
    }
    if let Some(a) = amount {
        problems.extend(duplicate_problem(req, a, &facts.duplicates));
    }

    // Rule 5: explicit allocations.
    let mut allocations: Vec<(i64, Money)> = Vec::new();
    let mut seen = std::collections::HashSet::new();
    for spec in &req.allocations {
        let key = "paymentAllocations";
        if !seen.insert(spec.invoice_id) {
            problems.push(Problem::new(
                key,
                format!(
                    "invoice {} is allocated twice; give each invoice once",
                    spec.invoice_id
                ),
            ));
            continue;
        }
        let invoice = facts
            .named_invoices
            .iter()
            .find(|(id, _)| *id == spec.invoice_id)
            .and_then(|(_, f)| f.as_ref());
        match check_allocation(spec.invoice_id, invoice, customer.id, currency, spec.amount) {
            Ok(money) => allocations.push((spec.invoice_id, money)),
            Err(problem) => problems.push(problem),
        }
    }
    let explicit = crate::core::money::checked_sum(allocations.iter().map(|(_, m)| m.minor()));
    if let Some(a) = amount {
        match explicit {
            Some(sum) if sum <= a.minor() => {}
            Some(sum) => problems.push(Problem::new(
                "paymentAllocations",
                format!(
                    "allocations add up to {} but the payment is {a}",
                    Money::from_minor(sum, currency)
                ),
            )),
            None => problems.push(Problem::new(
                "paymentAllocations",
                format!("allocations add up to more than payctl can count, far more than the payment {a}"),
            )),
        }
    }
    // Past the checks below, the sum fits in the amount.
    let explicit = explicit.unwrap_or(i64::MAX);

    let (Some(amount), Some(gateway_fee), Some(method), true) =
        (amount, gateway_fee, method, problems.is_empty())
    else {
        return Err(problems);
    };

    // Rule 6: auto-allocation spreads what is left, oldest first unless told otherwise.
    if req.auto_allocate {
        let order = req.auto_allocate_order.unwrap_or(customer.order);
        let open: Vec<OpenInvoice> = facts
            .open_invoices
            .iter()
            .filter(|i| i.currency == currency)
            .map(|i| {
                // Rule 5 refuses an invoice named twice: at most one explicit allocation.
                let taken = allocations
                    .iter()
                    .find(|(id, _)| *id == i.id)
                    .map_or(0, |(_, m)| m.minor());
                OpenInvoice {
                    id: i.id,
                    due: i.due,
                    date: i.date,
                    outstanding: i.outstanding - taken,
                }
            })
            .collect();
        for planned in plan_auto(amount.minor() - explicit, &open, order) {
            match allocations
                .iter_mut()
                .find(|(id, _)| *id == planned.invoice_id)
            {
                Some((_, m)) => *m = Money::from_minor(m.minor() + planned.amount, currency),
                None => allocations.push((
                    planned.invoice_id,
                    Money::from_minor(planned.amount, currency),
                )),
            }
        }
    }

    // Checked last, as it always was: a payment no other rule refuses may still be more than
    // the ledger can sum with what it holds.
    let ledger_total = super::totals::total_after(facts.ledger_total, "amount", "amount", amount)
        .map_err(|problem| vec![problem])?;

    Ok(PaymentPlan {
        customer_id: customer.id,
        amount,
        method,
        method_id,
        source: req.source,
        reference: req.reference.clone(),
        effective,
        gateway_fee,
        settlement: method.initial_settlement(),
        allocations,
        ledger_total,
    })
}

/// What an invoice has allocated once `amount` (minor units) more is allocated to it, or
/// `None` where that breaks the balance rule: an allocation is positive, goes to an open
/// invoice, and what an invoice has allocated never passes its `total`. [`check_allocation`]
/// applies it to one request against the invoice's outstanding balance; an import's batch,
/// whose rows skip the schema's guard triggers, applies it to what each invoice was allocated.
pub fn allocated_after(allocated: i64, amount: i64, total: i64, closed: bool) -> Option<i64> {
    if closed || amount <= 0 {
        return None;
    }
    allocated
        .checked_add(amount)
        .filter(|after| *after <= total)
}

/// Checks one allocation of `amount` to invoice `invoice_id` (SPEC §5 rule 5): the invoice
/// exists, is this customer's, in this currency, still open, and owes at least `amount`.
pub fn check_allocation(
    invoice_id: i64,
    invoice: Option<&InvoiceFacts>,
    customer_id: i64,
    currency: Currency,
    amount: Decimal,
) -> Result<Money, Problem> {
    let key = "paymentAllocations";
    let Some(invoice) = invoice else {
        return Err(Problem::new(
            key,
            format!("invoice {invoice_id} not found; list invoices with: payctl invoice list --customer {customer_id}"),
        ));
    };
    if invoice.customer_id != customer_id {
        return Err(Problem::new(
            key,
            format!(
                "invoice {} belongs to customer {}, not customer {customer_id}",
                invoice.id, invoice.customer_id
            ),
        ));
    }
    if invoice.currency != currency {
        return Err(Problem::new(
            key,
            format!(
                "invoice {} is in {}, the payment is in {currency}",
                invoice.id, invoice.currency
            ),
        ));
    }
    if matches!(
        invoice.status,
        InvoiceStatus::Void | InvoiceStatus::WrittenOff | InvoiceStatus::Paid
    ) {
        return Err(Problem::new(
            key,
            format!(
                "invoice {} is {}; only unpaid or partially_paid invoices take payments",
                invoice.id, invoice.status
            ),
        ));
    }
    let money = amount_problem(
        key,
        &format!("allocation to invoice {}: amount", invoice.id),
        amount,
        currency,
    )?;
    if money.minor() > invoice.outstanding {
        return Err(Problem::new(
            key,
            format!(
                "allocation of {money} to invoice {} is more than its outstanding balance {}",
                invoice.id,
                Money::from_minor(invoice.outstanding, currency)
            ),
        ));
    }
    Ok(money)
}

fn resolve_method(
    req: &CreatePayment,
    facts: &CreateFacts,
    problems: &mut Vec<Problem>,
) -> (Option<PaymentMethod>, Option<i64>) {
    let customer = &facts.customer;
    if req.use_default_payment_method {
        let Some(default) = customer.default_method else {
            problems.push(Problem::new(
                "useDefaultPaymentMethod",
                format!("customer {} has no default payment method; add one with: payctl method add --customer {} --type credit-card", customer.id, customer.id),
            ));
            return (None, None);
        };
        let default_method = default.method_type.payment_method();
        if let Some(given) = req.payment_method {
            if given != default_method {
                problems.push(Problem::new(
                    "paymentMethod",
                    format!("payment method {given} does not match the default method on file {} ({default_method}) of customer {}", default.id, customer.id),
                ));
                return (None, None);
            }
        }
        return (Some(default_method), Some(default.id));
    }
    let Some(method) = req.payment_method else {
        problems.push(Problem::new(
            "paymentMethod",
            format!("payment method is required; allowable values are: {} (or use the default method on file)", PaymentMethod::NAMES.join(", ")),
        ));
        return (None, None);
    };
    match (req.payment_method_id, &facts.named_method) {
        (None, _) if method.needs_method_on_file() => {
            problems.push(Problem::new(
                "paymentMethodId",
                format!("payment method {method} needs the id of one of the customer's {method} methods on file (--method-id) or --use-default-method; list them with: payctl method list --customer {}", customer.id),
            ));
            (None, None)
        }
        (None, _) => (Some(method), None),
        (Some(id), _) if method.method_type().is_none() => {
            problems.push(Problem::new(
                "paymentMethodId",
                format!("payment method id {id} was given but {method} payments do not use a method on file; only CreditCard, ACH and Paypal do"),
            ));
            (None, None)
        }
        (Some(id), Some(Some(m)))
            if m.customer_id == customer.id && Some(m.method_type) == method.method_type() =>
        {
            (Some(method), Some(id))
        }
        (Some(id), Some(Some(m))) if m.customer_id != customer.id => {
            problems.push(Problem::new(
                "paymentMethodId",
                format!(
                    "payment method {id} belongs to customer {}, not customer {}",
                    m.customer_id, customer.id
                ),
            ));
            (None, None)
        }
        (Some(id), Some(Some(m))) => {
            problems.push(Problem::new(
                "paymentMethodId",
                format!("payment method {id} is {}, not {method}", m.method_type),
            ));
            (None, None)
        }
        (Some(id), _) => {
            problems.push(Problem::new(
                "paymentMethodId",
                format!("payment method {id} not found for customer {}; list them with: payctl method list --customer {}", customer.id, customer.id),
            ));
            (None, None)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn new_ids_leave_room() {
        assert_eq!(new_id_problem("invoice", MAX_NEW_ID), None);
        assert_eq!(
            new_id_problem("invoice", i64::MAX).as_deref(),
            Some("id 9223372036854775807 is too large for a new invoice; give an id from 1 to 9007199254740991, or none to have one assigned")
        );
        assert_eq!(next_id(None), Some(1));
        assert_eq!(next_id(Some(MAX_NEW_ID - 1)), Some(MAX_NEW_ID));
        assert_eq!(next_id(Some(MAX_NEW_ID)), None);
        assert_eq!(next_id(Some(i64::MAX)), None);
    }

    #[test]
    fn allocation_specs() {
        assert_eq!(
            parse_allocation_spec("566934=2.00"),
            Ok(AllocationSpec {
                named: Some(InvoiceRef::Either("566934".into())),
                invoice_id: 566934,
                amount: Decimal::new(2, 0)
            })
        );
        assert!(parse_allocation_spec("566934")
            .unwrap_err()
            .contains("INVOICE=AMOUNT"));
        assert_eq!(
            parse_allocation_spec("A-101=1200").map(|a| a.named),
            Ok(Some(InvoiceRef::Either("A-101".into())))
        );
        assert_eq!(
            parse_allocation_spec("number:X=1=5").map(|a| a.named),
            Ok(Some(InvoiceRef::Number("X=1".into())))
        );
        assert!(parse_allocation_spec("id:abc=1")
            .unwrap_err()
            .contains("not an invoice id"));
        assert!(parse_allocation_spec("1=-1")
            .unwrap_err()
            .contains("negative"));
        assert!(parse_allocation_spec("=1").is_err());
    }

    #[test]
    fn fingerprint_ignores_the_key_and_trailing_zeros() {
        let a = CreatePayment {
            customer_id: 1,
            amount: Decimal::new(5078, 2),
            currency: None,
            payment_method: Some(PaymentMethod::Cash),
            payment_method_id: None,
            use_default_payment_method: false,
            reference: None,
            source: Source::Manual,
            effective_timestamp: None,
            gateway_fee: None,
            allocations: vec![],
            auto_allocate: false,
            auto_allocate_order: None,
            idempotency_key: Some("k1".into()),
            allow_duplicate: false,
        };
        let mut b = a.clone();
        b.amount = Decimal::new(50780, 3);
        b.idempotency_key = Some("k2".into());
        assert_eq!(a.fingerprint(), b.fingerprint());
        b.amount = Decimal::new(5079, 2);
        assert_ne!(a.fingerprint(), b.fingerprint());

        // Stored as a digest now; ledgers written before hold the JSON. Both forms match the
        // same request, and neither matches a different one.
        let digest = a.fingerprint_digest();
        assert_eq!(digest.len(), "sha256:".len() + 64);
        assert!(digest.starts_with("sha256:"));
        assert!(a.matches_fingerprint(&digest));
        assert!(a.matches_fingerprint(&a.fingerprint()));
        assert!(!b.matches_fingerprint(&digest));
        assert!(!b.matches_fingerprint(&a.fingerprint()));
        assert_eq!(
            a.fingerprint(),
            r#"{"customerId":1,"amount":"50.78","currency":null,"paymentMethod":"Cash","paymentMethodId":null,"useDefaultPaymentMethod":false,"reference":null,"source":"Manual","effectiveTimestamp":null,"gatewayFee":null,"allocations":[],"autoAllocate":false,"autoAllocateOrder":null}"#
        );
    }

    /// Facts and requests for the planner's tests: customer 1 in USD, its invoices.
    mod fixtures {
        use super::*;
        use chrono::TimeZone;

        pub fn usd() -> Currency {
            Currency::USD
        }

        pub fn customer() -> CustomerFacts {
            CustomerFacts {
                id: 1,
                currency: usd(),
                default_method: None,
                order: AllocationOrder::OldestToNewest,
            }
        }

        /// Invoice `id` of customer 1: `total` minor units, `outstanding` of them still owed,
        /// due `id` days into 2026.
        pub fn invoice(id: i64, total: i64, outstanding: i64) -> InvoiceFacts {
            let day =
                Utc.with_ymd_and_hms(2026, 1, 1, 0, 0, 0).unwrap() + chrono::Duration::days(id);
            InvoiceFacts {
                id,
                number: format!("INV-{id}"),
                customer_id: 1,
                total,
                currency: usd(),
                outstanding,
                status: if outstanding == total {
                    InvoiceStatus::Unpaid
                } else {
                    InvoiceStatus::PartiallyPaid
                },
                due: day,
                date: day,
            }
        }

        /// A cash payment of `minor` cents by customer 1.
        pub fn cash(minor: i64) -> CreatePayment {
            CreatePayment {
                customer_id: 1,
                amount: Decimal::new(minor, 2),
                currency: None,
                payment_method: Some(PaymentMethod::Cash),
                payment_method_id: None,
                use_default_payment_method: false,
                reference: None,
                source: Source::Manual,
                effective_timestamp: None,
                gateway_fee: None,
                allocations: vec![],
                auto_allocate: false,
                auto_allocate_order: None,
                idempotency_key: None,
                allow_duplicate: false,
            }
        }

        /// What the ledger would read for `req` when it holds `invoices` (all open).
        pub fn facts(
            req: &CreatePayment,
            invoices: &[InvoiceFacts],
            ledger_total: i64,
        ) -> CreateFacts {
            CreateFacts {
                customer: customer(),
                named_method: None,
                named_invoices: req
                    .allocations
                    .iter()
                    .map(|a| {
                        (
                            a.invoice_id,
                            invoices.iter().find(|i| i.id == a.invoice_id).cloned(),
                        )
                    })
                    .collect(),
                open_invoices: if req.auto_allocate {
                    invoices.to_vec()
                } else {
                    vec![]
                },
                ledger_total,
                closed: None,
                duplicates: vec![],
            }
        }

        pub fn now() -> DateTime<Utc> {
            Utc.with_ymd_and_hms(2026, 11, 21, 10, 0, 0).unwrap()
        }
    }

    #[test]
    fn refusals_say_what_is_wrong() {
        use fixtures::*;
        let invoices = [invoice(7, 500, 300)];
        let mut req = cash(400);
        req.allocations = vec![AllocationSpec {
            named: None,
            invoice_id: 7,
            amount: Decimal::new(350, 2),
        }];
        let problems = plan_payment(&req, &facts(&req, &invoices, 0), now()).unwrap_err();
        assert_eq!(
            problems,
            vec![Problem::new(
                "paymentAllocations",
                "allocation of 3.50 to invoice 7 is more than its outstanding balance 3.00"
            )]
        );

        let mut req = cash(200);
        req.allocations = vec![AllocationSpec {
            named: None,
            invoice_id: 7,
            amount: Decimal::new(250, 2),
        }];
        let problems = plan_payment(&req, &facts(&req, &invoices, 0), now()).unwrap_err();
        assert_eq!(
            problems,
            vec![Problem::new(
                "paymentAllocations",
                "allocations add up to 2.50 but the payment is 2.00"
            )]
        );

        let mut req = cash(100);
        req.allocations = vec![AllocationSpec {
            named: None,
            invoice_id: 8,
            amount: Decimal::ONE,
        }];
        let problems = plan_payment(&req, &facts(&req, &invoices, 0), now()).unwrap_err();
        assert_eq!(
            problems,
            vec![Problem::new(
                "paymentAllocations",
                "invoice 8 not found; list invoices with: payctl invoice list --customer 1"
            )]
        );

        let req = cash(100);
        let problems =
            plan_payment(&req, &facts(&req, &invoices, i64::MAX - 99), now()).unwrap_err();
        assert_eq!(
            problems,
            vec![Problem::new(
                "amount",
                "amount 1.00 USD would take the ledger's USD total (every invoice and payment in USD, added up) past 92233720368547758.07 USD, the most payctl can sum; at most 0.99 USD more can be recorded in USD"
            )]
        );
    }

    #[test]
    fn replays_only_the_same_request() {
        use fixtures::*;
        let mut req = cash(100);
        req.idempotency_key = Some("k".into());
        assert_eq!(judge_replay("k", &req, &req.fingerprint_digest(), 9), Ok(9));
        let other = cash(101);
        assert_eq!(
            judge_replay("k", &other, &req.fingerprint_digest(), 9),
            Err(Problem::new(
                "idempotencyKey",
                "idempotency key 'k' was already used for payment 9 with a different request; use a new key, or repeat the original request exactly"
            ))
        );
    }

    #[test]
    fn allocated_after_keeps_to_the_total() {
        assert_eq!(allocated_after(300, 200, 500, false), Some(500));
        assert_eq!(allocated_after(300, 201, 500, false), None);
        assert_eq!(allocated_after(300, 100, 500, true), None);
        assert_eq!(allocated_after(300, 0, 500, false), None);
        assert_eq!(allocated_after(i64::MAX, 1, i64::MAX, false), None);
    }

    mod props {
        use super::fixtures::*;
        use super::*;
        use proptest::prelude::*;
        use std::collections::HashMap;

        /// Up to five open invoices of customer 1 (ids 1..), each as (total, outstanding).
        fn invoices() -> impl Strategy<Value = Vec<InvoiceFacts>> {
            prop::collection::vec(
                prop_oneof![1i64..100, 1i64..1_000_000]
                    .prop_flat_map(|total| (Just(total), 1..=total)),
                0..5,
            )
            .prop_map(|v| {
                v.into_iter()
                    .enumerate()
                    .map(|(i, (total, outstanding))| invoice(i as i64 + 1, total, outstanding))
                    .collect()
            })
        }

        /// A payment with explicit allocations to some of `invoices` (each up to half as much
        /// again as it owes), maybe auto-allocated, against a ledger total near the limit or
        /// not. Amounts and totals land often right at a limit or a cent past it: off-by-one
        /// lives there.
        fn case() -> impl Strategy<Value = (Vec<InvoiceFacts>, CreatePayment, i64)> {
            invoices()
                .prop_flat_map(|invoices| {
                    let specs: Vec<_> = invoices
                        .iter()
                        .map(|i| {
                            let owed = i.outstanding;
                            (
                                Just(i.id),
                                prop_oneof![Just(owed), Just(owed + 1), 1..=owed + owed / 2 + 1],
                            )
                        })
                        .collect();
                    let count = specs.len();
                    (
                        Just(invoices),
                        prop::sample::subsequence((0..count).collect::<Vec<_>>(), 0..=count),
                        specs,
                        any::<bool>(),
                    )
                })
                .prop_flat_map(|(invoices, chosen, specs, auto)| {
                    let allocations: Vec<(i64, i64)> =
                        chosen.into_iter().map(|k| specs[k]).collect();
                    let asked: i64 = allocations.iter().map(|(_, m)| m).sum();
                    let owed: i64 = invoices.iter().map(|i| i.outstanding).sum();
                    let amount = prop_oneof![
                        Just(asked.max(1)),
                        Just((asked - 1).max(1)),
                        Just(owed.max(1)),
                        Just(owed + 1),
                        1i64..3_000_000,
                    ];
                    (Just(invoices), Just(allocations), Just(auto), amount)
                })
                .prop_flat_map(|(invoices, allocations, auto, minor)| {
                    let ledger_total = prop_oneof![
                        Just(0i64),
                        Just(i64::MAX - minor),
                        Just(i64::MAX - minor + 1),
                        0i64..1_000_000_000,
                    ];
                    (
                        Just(invoices),
                        Just(allocations),
                        Just(auto),
                        Just(minor),
                        ledger_total,
                    )
                })
                .prop_map(|(invoices, allocations, auto, minor, ledger_total)| {
                    let mut req = cash(minor);
                    req.allocations = allocations
                        .into_iter()
                        .map(|(invoice_id, minor)| AllocationSpec {
                            named: None,
                            invoice_id,
                            amount: Decimal::new(minor, 2),
                        })
                        .collect();
                    req.auto_allocate = auto;
                    (invoices, req, ledger_total)
                })
        }

        proptest! {
            // Failing cases are kept beside this file (src/core/payment.regressions), as in money.
            #![proptest_config(ProptestConfig {
                cases: 2000,
                failure_persistence: Some(Box::new(
                    proptest::test_runner::FileFailurePersistence::WithSource("regressions"),
                )),
                ..ProptestConfig::default()
            })]

            /// Planned or refused exactly as the rules say; a plan never takes an invoice past
            /// what it owes nor the payment past its amount, and adds up to the cent.
            #[test]
            fn never_over_a_balance_and_exact((invoices, req, ledger_total) in case()) {
                let amount = req.amount.mantissa() as i64;
                let owed: HashMap<i64, i64> = invoices.iter().map(|i| (i.id, i.outstanding)).collect();
                let explicit: Vec<(i64, i64)> = req
                    .allocations
                    .iter()
                    .map(|a| (a.invoice_id, a.amount.mantissa() as i64))
                    .collect();
                let explicit_sum: i64 = explicit.iter().map(|(_, m)| m).sum();
                let must_refuse = explicit.iter().any(|(id, m)| *m > owed[id])
                    || explicit_sum > amount
                    || ledger_total.checked_add(amount).is_none();

                match plan_payment(&req, &facts(&req, &invoices, ledger_total), now()) {
                    Err(problems) => {
                        prop_assert!(must_refuse, "refused a valid payment: {problems:?}");
                        prop_assert!(!problems.is_empty());
                    }
                    Ok(plan) => {
                        prop_assert!(!must_refuse, "planned a payment the rules refuse: {plan:?}");
                        // Never over a balance: each invoice gets at most what it owes (once),
                        // the payment spends at most its amount.
                        let mut per_invoice: HashMap<i64, i64> = HashMap::new();
                        for (id, money) in &plan.allocations {
                            prop_assert!(money.minor() > 0);
                            prop_assert_eq!(money.currency(), usd());
                            *per_invoice.entry(*id).or_default() += money.minor();
                        }
                        prop_assert_eq!(per_invoice.len(), plan.allocations.len());
                        for (id, planned) in &per_invoice {
                            prop_assert!(*planned <= owed[id], "invoice {} owes {} but gets {}", id, owed[id], planned);
                        }
                        let allocated: i64 = per_invoice.values().sum();
                        prop_assert!(allocated <= amount);
                        // Exact sums.
                        prop_assert_eq!(plan.amount.minor(), amount);
                        prop_assert_eq!(plan.allocated(), allocated);
                        prop_assert_eq!(plan.allocated() + plan.unallocated().minor(), amount);
                        prop_assert_eq!(Some(plan.ledger_total), ledger_total.checked_add(amount));
                        // What was asked for is what is planned; auto-allocation then spends
                        // what is left, up to what the invoices owe.
                        for (id, minor) in &explicit {
                            prop_assert!(per_invoice[id] >= *minor);
                        }
                        if req.auto_allocate {
                            let owed_total: i64 = owed.values().sum();
                            prop_assert_eq!(allocated, amount.min(owed_total));
                        } else {
                            prop_assert_eq!(allocated, explicit_sum);
                            for (id, planned) in &per_invoice {
                                prop_assert!(explicit.contains(&(*id, *planned)));
                            }
                        }
                    }
                }
            }

            /// The plan depends on nothing but the request and the facts.
            #[test]
            fn deterministic((invoices, req, ledger_total) in case()) {
                let facts = facts(&req, &invoices, ledger_total);
                prop_assert_eq!(
                    plan_payment(&req, &facts, now()),
                    plan_payment(&req, &facts, now())
                );
            }

            /// An invoice's allocated amount never passes its total, and is exact when it fits.
            #[test]
            fn allocated_after_never_passes_the_total(
                (total, allocated, amount) in prop_oneof![0i64..1_000, Just(i64::MAX), 0i64..=i64::MAX]
                    .prop_flat_map(|total| (Just(total), 0..=total))
                    .prop_flat_map(|(total, allocated)| {
                        let room = total - allocated;
                        (
                            Just(total),
                            Just(allocated),
                            prop_oneof![Just(room), Just(room.saturating_add(1)), -5i64..1_000, 0i64..=i64::MAX],
                        )
                    }),
                closed in any::<bool>(),
            ) {
                match allocated_after(allocated, amount, total, closed) {
                    Some(after) => {
                        prop_assert!(!closed && amount > 0 && after <= total);
                        prop_assert_eq!(Some(after), allocated.checked_add(amount));
                    }
                    None => prop_assert!(
                        closed || amount <= 0 || allocated.checked_add(amount).is_none_or(|a| a > total)
                    ),
                }
            }
        }
    }
}
