//! Invoices: the add request and its planner, status derived from the ledger's rows (never
//! typed in), and the rules for voiding and writing off.

use chrono::{DateTime, Utc};
use rust_decimal::Decimal;

use super::currency::Currency;
use super::dates::{due_after, format_timestamp};
use super::enums::InvoiceStatus;
use super::ids::{plan_new_id, IdFacts};
use super::money::Money;
use super::payment::InvoiceFacts;
use super::text::{excerpt, text_problem};
use crate::error::Problem;

/// An invoice to add, as `invoice add` and an import of invoices build it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NewInvoice {
    pub id: Option<i64>,
    pub number: Option<String>,
    pub customer_id: i64,
    /// `None`: the customer's currency.
    pub currency: Option<Currency>,
    pub total: Decimal,
    pub date: DateTime<Utc>,
    pub due: Due,
}

/// When a new invoice is due.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Due {
    On(DateTime<Utc>),
    NetDays(u32),
}

/// What the ledger read for a new invoice (the customer exists: reading them says so).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct InvoiceFactsForAdd {
    pub customer_currency: Currency,
    pub id: IdFacts,
    /// The customer's invoice that already has the number the new one would get
    /// ([`number_of_new`]), if any: numbers are unique per customer (SPEC §10).
    pub number_owner: Option<i64>,
}

/// The number a new invoice gets: the one given, trimmed (` INV-1 ` and `INV-1` are one number;
/// `INV-1` and `inv-1` are two, see `core::invoice_ref::normalized_number`), else its id as
/// text, the id given or the one that will be assigned. `None` when no id is left to assign
/// (the plan refuses that).
pub fn number_of_new(new: &NewInvoice, id: &IdFacts) -> Option<String> {
    match (&new.number, new.id) {
        (Some(number), _) => Some(super::invoice_ref::normalized_number(number).to_string()),
        (None, Some(id)) => Some(id.to_string()),
        (None, None) => super::payment::next_id(id.largest).map(|id| id.to_string()),
    }
}

/// The invoice row to write.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct InvoicePlan {
    pub id: i64,
    pub number: String,
    pub customer_id: i64,
    pub currency: Currency,
    pub total: Money,
    pub date: DateTime<Utc>,
    pub due: DateTime<Utc>,
}

/// The invoice to write, or why not, one problem at a time in this order: the total (in the
/// invoice's currency), the due date (not before the invoice date), the id.
pub fn plan_invoice(
    new: &NewInvoice,
    facts: &InvoiceFactsForAdd,
) -> Result<InvoicePlan, Vec<Problem>> {
    let refuse = |key: &str, message: String| vec![Problem::new(key, message)];
    let currency = new.currency.unwrap_or(facts.customer_currency);
    let total = Money::from_decimal(new.total, currency)
        .map_err(|e| refuse("invoiceAmount", format!("total '{}' {e}", new.total)))?;
    let due = match new.due {
        Due::On(at) => at,
        Due::NetDays(days) => {
            due_after(new.date, days).map_err(|message| refuse("dueDate", message))?
        }
    };
    if due < new.date {
        return Err(refuse(
            "dueDate",
            format!(
                "due date {} is before the invoice date {}",
                format_timestamp(due),
                format_timestamp(new.date)
            ),
        ));
    }
    let id = plan_new_id("invoice", new.id, &facts.id, |id| {
        format!("invoice {id} already exists; see it with: payctl invoice show {id}")
    })
    .map_err(|problem| vec![problem])?;
    let number = new
        .number
        .as_deref()
        .map(super::invoice_ref::normalized_number)
        .map_or_else(|| id.to_string(), str::to_string);
    if let Some(existing) = facts.number_owner {
        return Err(vec![super::invoice_ref::duplicate_number_problem(
            &number,
            new.customer_id,
            existing,
        )]);
    }
    Ok(InvoicePlan {
        id,
        number,
        customer_id: new.customer_id,
        currency,
        total,
        date: new.date,
        due,
    })
}

/// `invoice add`'s check of a number given: not empty, bounded text without card numbers.
pub fn number_problem(number: &str) -> Option<Problem> {
    if number.trim().is_empty() {
        Some(Problem::new("invoiceNumber", "invoice number is empty"))
    } else {
        text_problem("invoiceNumber", "invoice number", number, 100)
    }
}

/// The reason a void or a write-off must give: it is kept in the audit trail.
pub fn reason_problem(reason: &str) -> Option<Problem> {
    if reason.trim().is_empty() {
        return Some(Problem::new(
            "reason",
            "reason is empty; say why (it is kept in the audit trail)",
        ));
    }
    text_problem("reason", "reason", reason, 500)
}

/// A void or a write-off to record: what it takes off the invoice's balance, in minor units.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ClosingPlan {
    pub invoice_id: i64,
    pub customer_id: i64,
    pub currency: Currency,
    pub closure: Closure,
    pub amount: i64,
}

/// Voids an invoice that has no live allocations (an unpaid one, or one credited down to
/// nothing with nothing paid). It takes nothing.
pub fn plan_void(invoice: &InvoiceFacts) -> Result<ClosingPlan, Vec<Problem>> {
    let id = invoice.id;
    match invoice.status {
        InvoiceStatus::Void | InvoiceStatus::WrittenOff => Err(vec![Problem::new(
            "invoiceId",
            format!(
                "invoice {id} is already {}; it cannot be voided",
                invoice.status
            ),
        )]),
        // What is paid on it: what it owes less what is outstanding.
        _ if invoice.total - invoice.outstanding > 0 => Err(vec![Problem::new(
            "invoiceId",
            format!("invoice {id} is {} and has payments allocated; unallocate them first (payctl unallocate PAYMENT --invoice {id})", invoice.status),
        )]),
        _ => Ok(closing(invoice, Closure::Void, 0)),
    }
}

/// Writes off the whole outstanding balance of an unpaid or partially paid invoice. Final: it
/// cannot be undone.
pub fn plan_write_off(invoice: &InvoiceFacts) -> Result<ClosingPlan, Vec<Problem>> {
    match invoice.status {
        InvoiceStatus::Void | InvoiceStatus::WrittenOff | InvoiceStatus::Paid => {
            Err(vec![Problem::new(
                "invoiceId",
                format!(
                    "invoice {} is {}; only unpaid or partially_paid invoices can be written off",
                    invoice.id, invoice.status
                ),
            )])
        }
        InvoiceStatus::Unpaid | InvoiceStatus::PartiallyPaid => {
            Ok(closing(invoice, Closure::WrittenOff, invoice.outstanding))
        }
    }
}

/// A write-off read from an import file: the amount (in the invoice's currency) and, if the
/// file dates it, when it was made (`effective_text` as the file has it, for a message).
#[derive(Clone, Copy, Debug)]
pub struct ImportedWriteOff<'a> {
    pub amount: Money,
    pub effective: Option<DateTime<Utc>>,
    pub effective_text: &'a str,
}

/// What the ledger read for an imported write-off: the invoice, and what a write-off of it
/// already took (0 when it has none).
#[derive(Clone, Debug)]
pub struct WriteOffFacts {
    pub invoice: InvoiceFacts,
    pub written_off: i64,
}

/// What to do with an imported write-off.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ImportedWriteOffPlan {
    /// The invoice was written off by this amount before: nothing to write.
    AlreadyImported,
    Write(ClosingPlan),
}

/// An imported write-off of an invoice that names its customer or currency: refused when the
/// invoice is another customer's.
pub fn imported_customer_problem(invoice: &InvoiceFacts, customer: i64) -> Option<Problem> {
    (customer != invoice.customer_id).then(|| {
        Problem::new(
            "customerId",
            format!(
                "invoice {} is customer {}'s, not customer {customer}'s",
                invoice.id, invoice.customer_id
            ),
        )
    })
}

/// Likewise, refused when the invoice is in another currency.
pub fn imported_currency_problem(invoice: &InvoiceFacts, currency: Currency) -> Option<Problem> {
    (currency != invoice.currency).then(|| {
        Problem::new(
            "currency",
            format!(
                "invoice {} is in {}, not {currency}",
                invoice.id, invoice.currency
            ),
        )
    })
}

/// An imported write-off, imported after the payments: dated now at the latest (a report as
/// of a day would not see a later one, while balances would), and taking exactly what the
/// invoice owes, as it owed it when the write-off was made. An invoice already written off by
/// that amount was imported before.
pub fn plan_imported_write_off(
    write_off: &ImportedWriteOff,
    facts: &WriteOffFacts,
    now: DateTime<Utc>,
) -> Result<ImportedWriteOffPlan, Vec<Problem>> {
    let invoice = &facts.invoice;
    let amount = write_off.amount;
    if write_off.effective.is_some_and(|at| at > now) {
        return Err(vec![Problem::new(
            "effectiveTimestamp",
            format!(
                "effectiveTimestamp '{}' is in the future; a write-off is dated now ({}) at the latest",
                excerpt(write_off.effective_text),
                format_timestamp(now)
            ),
        )]);
    }
    if invoice.status == InvoiceStatus::WrittenOff {
        if facts.written_off == amount.minor() {
            return Ok(ImportedWriteOffPlan::AlreadyImported);
        }
        return Err(vec![Problem::new(
            "amount",
            format!(
                "invoice {} was already written off by {}, not {amount}",
                invoice.id,
                Money::from_minor(facts.written_off, invoice.currency)
            ),
        )]);
    }
    if invoice.outstanding != amount.minor() {
        return Err(vec![Problem::new(
            "amount",
            format!(
                "invoice {} owes {}, not the {amount} written off; import the payments first, so that it owes what it owed when it was written off",
                invoice.id,
                Money::from_minor(invoice.outstanding, invoice.currency)
            ),
        )]);
    }
    plan_write_off(invoice).map(ImportedWriteOffPlan::Write)
}

fn closing(invoice: &InvoiceFacts, closure: Closure, amount: i64) -> ClosingPlan {
    ClosingPlan {
        invoice_id: invoice.id,
        customer_id: invoice.customer_id,
        currency: invoice.currency,
        closure,
        amount,
    }
}

/// How an invoice was closed for good, if it was.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Closure {
    Void,
    WrittenOff,
}

/// Payload's rule: nothing applied is `unpaid`, part of the total is `partially_paid`, all of
/// it is `paid`; a void or a write-off is final. `total` is what the invoice owes: its total
/// plus debit notes, less credit notes and partial write-offs. An invoice that owes nothing
/// more is `paid`, however it got there (payments, a credit note or a partial write-off of the
/// rest: Odoo's and ERPNext's "Paid"); only the whole write-off (`invoice write-off` without
/// `--amount`) makes it `written_off`.
pub fn derive_status(closure: Option<Closure>, allocated: i64, total: i64) -> InvoiceStatus {
    match closure {
        Some(Closure::Void) => InvoiceStatus::Void,
        Some(Closure::WrittenOff) => InvoiceStatus::WrittenOff,
        None if allocated >= total => InvoiceStatus::Paid,
        None if allocated <= 0 => InvoiceStatus::Unpaid,
        None => InvoiceStatus::PartiallyPaid,
    }
}

/// What is still owed: nothing once the invoice is closed.
pub fn outstanding(closure: Option<Closure>, allocated: i64, total: i64) -> i64 {
    match closure {
        Some(_) => 0,
        None => total - allocated,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn statuses() {
        assert_eq!(derive_status(None, 0, 100), InvoiceStatus::Unpaid);
        assert_eq!(derive_status(None, 1, 100), InvoiceStatus::PartiallyPaid);
        assert_eq!(derive_status(None, 100, 100), InvoiceStatus::Paid);
        // Credited down to nothing, nothing paid: nothing is owed.
        assert_eq!(derive_status(None, 0, 0), InvoiceStatus::Paid);
        assert_eq!(
            derive_status(Some(Closure::Void), 0, 100),
            InvoiceStatus::Void
        );
        assert_eq!(
            derive_status(Some(Closure::WrittenOff), 40, 100),
            InvoiceStatus::WrittenOff
        );
        assert_eq!(outstanding(Some(Closure::WrittenOff), 40, 100), 0);
        assert_eq!(outstanding(None, 40, 100), 60);
    }

    use chrono::TimeZone;
    use proptest::prelude::*;

    fn at(day: u32) -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2026, 3, day, 9, 0, 0).unwrap()
    }

    fn new_invoice(total: &str, due: Due) -> NewInvoice {
        NewInvoice {
            id: None,
            number: None,
            customer_id: 4,
            currency: None,
            total: total.parse().unwrap(),
            date: at(10),
            due,
        }
    }

    fn add_facts() -> InvoiceFactsForAdd {
        InvoiceFactsForAdd {
            customer_currency: Currency::USD,
            id: IdFacts {
                given_taken: false,
                largest: Some(41),
            },
            number_owner: None,
        }
    }

    #[test]
    fn a_number_the_customer_already_has_is_refused_naming_the_invoice() {
        let facts = InvoiceFactsForAdd {
            number_owner: Some(12),
            ..add_facts()
        };
        let problems = plan_invoice(&new_invoice("1", Due::On(at(10))), &facts).unwrap_err();
        assert_eq!(problems[0].key, "invoiceNumber");
        assert!(problems[0].message.contains("invoice 12"), "{problems:?}");
    }

    fn facts(status: InvoiceStatus, total: i64, outstanding: i64) -> InvoiceFacts {
        InvoiceFacts {
            id: 9,
            number: "9".into(),
            customer_id: 4,
            total,
            currency: Currency::USD,
            outstanding,
            status,
            due: at(20),
            date: at(10),
        }
    }

    #[test]
    fn an_added_invoice_is_numbered_by_its_id_and_due_after_its_terms() {
        let plan = plan_invoice(&new_invoice("12.50", Due::NetDays(30)), &add_facts()).unwrap();
        assert_eq!(plan.id, 42);
        assert_eq!(plan.number, "42");
        assert_eq!(plan.total, Money::from_minor(1250, Currency::USD));
        assert_eq!(format_timestamp(plan.due), "2026-04-09T09:00:00Z");
    }

    #[test]
    fn refusals_of_an_added_invoice() {
        assert_eq!(
            plan_invoice(&new_invoice("12.50", Due::On(at(9))), &add_facts()),
            Err(vec![Problem::new(
                "dueDate",
                "due date 2026-03-09T09:00:00Z is before the invoice date 2026-03-10T09:00:00Z"
            )])
        );
        let taken = InvoiceFactsForAdd {
            id: IdFacts {
                given_taken: true,
                largest: None,
            },
            ..add_facts()
        };
        let mut given = new_invoice("1", Due::On(at(10)));
        given.id = Some(7);
        assert_eq!(
            plan_invoice(&given, &taken),
            Err(vec![Problem::new(
                "id",
                "invoice 7 already exists; see it with: payctl invoice show 7"
            )])
        );
        // The total comes first, in the invoice's own currency.
        let mut yen = new_invoice("1.5", Due::On(at(9)));
        yen.currency = Currency::from_code("JPY");
        let problems = plan_invoice(&yen, &add_facts()).unwrap_err();
        assert_eq!(problems.len(), 1);
        assert_eq!(problems[0].key, "invoiceAmount");
        assert!(
            problems[0].message.starts_with("total '1.5' "),
            "{problems:?}"
        );
    }

    #[test]
    fn refusals_of_a_void_and_a_write_off() {
        assert_eq!(
            plan_void(&facts(InvoiceStatus::PartiallyPaid, 100, 40)),
            Err(vec![Problem::new(
                "invoiceId",
                "invoice 9 is partially_paid and has payments allocated; unallocate them first (payctl unallocate PAYMENT --invoice 9)"
            )])
        );
        assert_eq!(
            plan_void(&facts(InvoiceStatus::WrittenOff, 100, 0)),
            Err(vec![Problem::new(
                "invoiceId",
                "invoice 9 is already written_off; it cannot be voided"
            )])
        );
        assert_eq!(
            plan_write_off(&facts(InvoiceStatus::Paid, 100, 0)),
            Err(vec![Problem::new(
                "invoiceId",
                "invoice 9 is paid; only unpaid or partially_paid invoices can be written off"
            )])
        );
    }

    fn any_status() -> impl Strategy<Value = (Option<Closure>, i64, i64)> {
        let closure = prop_oneof![
            Just(None),
            Just(Some(Closure::Void)),
            Just(Some(Closure::WrittenOff))
        ];
        (closure, 1i64..=1_000_000_000_000_000, 0u32..=1000).prop_map(
            |(closure, total, permille)| {
                // Allocated: from nothing to all of the total, in thousandths.
                let allocated =
                    i64::try_from(i128::from(total) * i128::from(permille) / 1000).unwrap();
                (closure, total, allocated)
            },
        )
    }

    proptest! {
        /// A write-off takes exactly what is outstanding, so the invoice then owes nothing and
        /// what was paid plus what was written off is its total, to the cent; it never takes
        /// more than the balance. A void takes nothing, and only from an invoice with nothing
        /// allocated. A refusal plans nothing.
        #[test]
        fn closings_never_pass_the_balance((closure, total, allocated) in any_status()) {
            let status = derive_status(closure, allocated, total);
            let owed = outstanding(closure, allocated, total);
            let invoice = facts(status, total, owed);
            match plan_write_off(&invoice) {
                Ok(plan) => {
                    prop_assert!(closure.is_none() && allocated < total);
                    prop_assert_eq!(plan.closure, Closure::WrittenOff);
                    prop_assert_eq!(plan.amount, owed);
                    prop_assert!(plan.amount > 0 && plan.amount <= total);
                    prop_assert_eq!(allocated.checked_add(plan.amount), Some(total));
                }
                Err(problems) => {
                    prop_assert!(closure.is_some() || allocated >= total);
                    prop_assert_eq!(problems.len(), 1);
                    prop_assert_eq!(problems[0].key.as_str(), "invoiceId");
                }
            }
            match plan_void(&invoice) {
                Ok(plan) => {
                    prop_assert!(closure.is_none() && allocated == 0);
                    prop_assert_eq!(plan.amount, 0);
                    prop_assert_eq!(plan.closure, Closure::Void);
                }
                Err(problems) => {
                    prop_assert!(closure.is_some() || allocated > 0);
                    prop_assert_eq!(problems.len(), 1);
                }
            }
        }

        /// An added invoice's total is the request's, exactly, in minor units; it is due on or
        /// after its date; a refusal plans nothing and says why.
        #[test]
        fn added_invoices_are_exact(
            cents in 0i64..=99_999_999_999_999,
            due_offset in -40i64..=40,
            net_days in proptest::option::of(0u32..=400),
        ) {
            let total = Decimal::new(cents, 2);
            let due = match net_days {
                Some(days) => Due::NetDays(days),
                None => Due::On(at(10) + chrono::Duration::days(due_offset)),
            };
            let request = new_invoice(&total.to_string(), due);
            match plan_invoice(&request, &add_facts()) {
                Ok(plan) => {
                    prop_assert_eq!(plan.total.minor(), cents);
                    prop_assert_eq!(plan.currency, Currency::USD);
                    prop_assert!(plan.due >= plan.date);
                    prop_assert_eq!(plan.id, 42);
                }
                Err(problems) => {
                    prop_assert_eq!(problems.len(), 1);
                    let key = problems[0].key.as_str();
                    prop_assert!(key == "invoiceAmount" || key == "dueDate", "{}", key);
                    prop_assert!(cents == 0 || (net_days.is_none() && due_offset < 0));
                }
            }
        }
    }

    fn imported(minor: i64, effective: Option<DateTime<Utc>>) -> ImportedWriteOff<'static> {
        ImportedWriteOff {
            amount: Money::from_minor(minor, Currency::USD),
            effective,
            effective_text: "2026-03-30",
        }
    }

    #[test]
    fn refusals_of_an_imported_write_off() {
        let open = WriteOffFacts {
            invoice: facts(InvoiceStatus::PartiallyPaid, 10_000, 4_000),
            written_off: 0,
        };
        assert_eq!(
            plan_imported_write_off(&imported(4_000, Some(at(30))), &open, at(20)),
            Err(vec![Problem::new(
                "effectiveTimestamp",
                "effectiveTimestamp '2026-03-30' is in the future; a write-off is dated now (2026-03-20T09:00:00Z) at the latest"
            )])
        );
        assert_eq!(
            plan_imported_write_off(&imported(3_000, None), &open, at(20)),
            Err(vec![Problem::new(
                "amount",
                "invoice 9 owes 40.00, not the 30.00 written off; import the payments first, so that it owes what it owed when it was written off"
            )])
        );
        let closed = WriteOffFacts {
            invoice: facts(InvoiceStatus::WrittenOff, 10_000, 0),
            written_off: 4_000,
        };
        assert_eq!(
            plan_imported_write_off(&imported(4_000, None), &closed, at(20)),
            Ok(ImportedWriteOffPlan::AlreadyImported)
        );
        assert_eq!(
            plan_imported_write_off(&imported(100, None), &closed, at(20)),
            Err(vec![Problem::new(
                "amount",
                "invoice 9 was already written off by 40.00, not 1.00"
            )])
        );
        assert_eq!(
            imported_customer_problem(&open.invoice, 5),
            Some(Problem::new(
                "customerId",
                "invoice 9 is customer 4's, not customer 5's"
            ))
        );
        assert_eq!(imported_customer_problem(&open.invoice, 4), None);
        assert_eq!(
            imported_currency_problem(&open.invoice, Currency::USD),
            None
        );
    }

    proptest! {
        /// An imported write-off is written only when it takes exactly what the invoice owes
        /// (so never more than its balance); otherwise it is refused, or recognised as imported
        /// before when the invoice was written off by that very amount.
        #[test]
        fn imported_write_offs_take_exactly_the_balance(
            (closure, total, allocated) in any_status(),
            amount in 0i64..=1_000_000_000_000_000,
            exact: bool,
            earlier in 0i64..=1_000_000_000_000_000,
            days_ahead in -5i64..=5,
        ) {
            let status = derive_status(closure, allocated, total);
            let owed = outstanding(closure, allocated, total);
            let amount = if exact { owed } else { amount };
            let facts = WriteOffFacts {
                invoice: facts(status, total, owed),
                written_off: if closure == Some(Closure::WrittenOff) { earlier } else { 0 },
            };
            let now = at(20);
            let effective = Some(now + chrono::Duration::days(days_ahead));
            match plan_imported_write_off(&imported(amount, effective), &facts, now) {
                Ok(ImportedWriteOffPlan::Write(plan)) => {
                    prop_assert!(days_ahead <= 0);
                    prop_assert_eq!(plan.amount, amount);
                    prop_assert_eq!(plan.amount, owed);
                    prop_assert!(plan.amount <= total);
                    prop_assert_eq!(allocated.checked_add(plan.amount), Some(total));
                }
                Ok(ImportedWriteOffPlan::AlreadyImported) => {
                    prop_assert_eq!(status, InvoiceStatus::WrittenOff);
                    prop_assert_eq!(facts.written_off, amount);
                }
                Err(problems) => {
                    prop_assert_eq!(problems.len(), 1);
                    prop_assert!(days_ahead > 0 || amount != owed || status != InvoiceStatus::WrittenOff || facts.written_off != amount);
                }
            }
        }
    }

    #[test]
    fn numbers_and_reasons() {
        assert_eq!(
            number_problem(" "),
            Some(Problem::new("invoiceNumber", "invoice number is empty"))
        );
        assert_eq!(number_problem("INV-1"), None);
        assert_eq!(
            reason_problem("  "),
            Some(Problem::new(
                "reason",
                "reason is empty; say why (it is kept in the audit trail)"
            ))
        );
        assert_eq!(
            reason_problem(&"x".repeat(501)).map(|p| p.key),
            Some("reason".to_string())
        );
        assert_eq!(reason_problem("customer went bust"), None);
    }
}
