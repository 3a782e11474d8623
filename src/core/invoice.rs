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
    Ok(InvoicePlan {
        id,
        number: new.number.clone().unwrap_or_else(|| id.to_string()),
        customer_id: new.customer_id,
        currency,
        total,
        date: new.date,
        due,
    })
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

/// Voids an invoice that has no live allocations: only an unpaid one. It takes nothing.
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
        InvoiceStatus::PartiallyPaid | InvoiceStatus::Paid => Err(vec![Problem::new(
            "invoiceId",
            format!("invoice {id} is {} and has payments allocated; unallocate them first (payctl unallocate PAYMENT --invoice {id})", invoice.status),
        )]),
        InvoiceStatus::Unpaid => Ok(closing(invoice, Closure::Void, 0)),
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
/// it is `paid`; a void or a write-off is final.
pub fn derive_status(closure: Option<Closure>, allocated: i64, total: i64) -> InvoiceStatus {
    match closure {
        Some(Closure::Void) => InvoiceStatus::Void,
        Some(Closure::WrittenOff) => InvoiceStatus::WrittenOff,
        None if allocated <= 0 => InvoiceStatus::Unpaid,
        None if allocated < total => InvoiceStatus::PartiallyPaid,
        None => InvoiceStatus::Paid,
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
        }
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
        assert!(problems[0].message.starts_with("total '1.5' "), "{problems:?}");
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
        (closure, 1i64..=1_000_000_000_000_000, 0u32..=1000)
            .prop_map(|(closure, total, permille)| {
                // Allocated: from nothing to all of the total, in thousandths.
                let allocated =
                    i64::try_from(i128::from(total) * i128::from(permille) / 1000).unwrap();
                (closure, total, allocated)
            })
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
            cents in 0i64..=999_999_999_999_99,
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
}
