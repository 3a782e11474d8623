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
}
