//! `customer edit` and `invoice edit` (SPEC §10): change only what is named, never money, a
//! customer or a currency, with the same checks as `add`; each change is audited with its old
//! and new value.

use chrono::{DateTime, Utc};
use serde::Serialize;

use super::customer::details_problems;
use super::dates::{due_after, format_timestamp};
use super::enums::AllocationOrder;
use super::invoice::{number_problem, Due};
use super::period::{check_open, ClosedPeriod};
use super::text::excerpt;
use crate::error::Problem;

/// One field an edit changes, as the audit trail and the command's output show it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct FieldChange {
    pub entity: &'static str,
    pub id: i64,
    pub field: &'static str,
    pub old: Option<String>,
    pub new: Option<String>,
}

/// What an edit changed (or, on a dry run, would change).
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct EditView {
    pub entity: &'static str,
    pub id: i64,
    pub changes: Vec<FieldChange>,
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub dry_run: bool,
}

fn change(
    entity: &'static str,
    id: i64,
    field: &'static str,
    old: Option<String>,
    new: Option<String>,
) -> Option<FieldChange> {
    (old != new).then_some(FieldChange {
        entity,
        id,
        field,
        old,
        new,
    })
}

/// `customer edit`'s flags: `None` leaves a field as it is.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct CustomerEdit {
    pub name: Option<String>,
    pub email: Option<String>,
    pub order: Option<AllocationOrder>,
}

/// A customer's editable fields as the ledger holds them.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CustomerRecord {
    pub id: i64,
    pub name: String,
    pub email: Option<String>,
    pub order: AllocationOrder,
}

/// The fields to change (possibly none: every value given is the one it has), or why not:
/// `customer add`'s checks of a name (trimmed, not empty) and an email.
pub fn plan_customer_edit(
    edit: &CustomerEdit,
    current: &CustomerRecord,
) -> Result<Vec<FieldChange>, Vec<Problem>> {
    let name = edit.name.as_deref().map(str::trim);
    let mut problems: Vec<Problem> = Vec::new();
    if name == Some("") {
        problems.push(Problem::new(
            "name",
            "name is empty; give the customer's name",
        ));
    }
    let [name_problem, email_problem, plausible] =
        details_problems(name.unwrap_or(&current.name), edit.email.as_deref());
    problems.extend(name.and(name_problem));
    problems.extend(email_problem.or(plausible));
    if !problems.is_empty() {
        return Err(problems);
    }
    let id = current.id;
    Ok([
        name.and_then(|n| {
            change(
                "customer",
                id,
                "name",
                Some(current.name.clone()),
                Some(n.to_string()),
            )
        }),
        edit.email.as_ref().and_then(|e| {
            change(
                "customer",
                id,
                "email",
                current.email.clone(),
                Some(e.clone()),
            )
        }),
        edit.order.and_then(|o| {
            change(
                "customer",
                id,
                "autoAllocateOrder",
                Some(current.order.to_string()),
                Some(o.to_string()),
            )
        }),
    ]
    .into_iter()
    .flatten()
    .collect())
}

/// `invoice edit`'s flags: `None` leaves a field as it is.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct InvoiceEdit {
    pub number: Option<String>,
    pub due: Option<Due>,
}

/// What the rules need to know to edit an invoice, read in the write transaction.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct InvoiceEditFacts {
    pub id: i64,
    pub customer_id: i64,
    pub number: String,
    pub date: DateTime<Utc>,
    pub due: DateTime<Utc>,
    /// The customer's other invoices that already have the new number (SPEC §10: invoice
    /// numbers are unique per customer). Empty when no number is given.
    pub others_with_number: Vec<i64>,
    pub closed: Option<ClosedPeriod>,
}

/// An invoice's new number and due date (each `None` when unchanged) and the changes to audit.
pub type InvoiceEditPlan = (Option<String>, Option<DateTime<Utc>>, Vec<FieldChange>);

/// The invoice's new number and due date (each `None` when unchanged) and the changes to
/// audit, or why not: `invoice add`'s checks (a number that is bounded text, unique for the
/// customer; a due date not before the invoice date, terms that stay in range), and an
/// invoice dated in a closed period keeps what the period's reports showed.
pub fn plan_invoice_edit(
    edit: &InvoiceEdit,
    facts: &InvoiceEditFacts,
) -> Result<InvoiceEditPlan, Vec<Problem>> {
    let mut problems = Vec::new();
    if let Err(p) = check_open(
        "effectiveTimestamp",
        "invoice date",
        facts.date,
        facts.closed.as_ref(),
    ) {
        return Err(vec![Problem::new(
            p.key,
            format!("invoice {} cannot be edited: its {}", facts.id, p.message),
        )]);
    }
    if let Some(number) = &edit.number {
        problems.extend(number_problem(number));
        if let Some(other) = facts.others_with_number.first() {
            problems.push(Problem::new(
                "invoiceNumber",
                format!(
                    "invoice number '{}' is already invoice {other}'s, of the same customer {}; invoice numbers are unique per customer",
                    excerpt(number),
                    facts.customer_id
                ),
            ));
        }
    }
    let due = match edit.due {
        None => None,
        Some(Due::On(at)) => Some(at),
        Some(Due::NetDays(days)) => match due_after(facts.date, days) {
            Ok(at) => Some(at),
            Err(message) => {
                problems.push(Problem::new("dueDate", message));
                None
            }
        },
    };
    if let Some(due) = due.filter(|d| *d < facts.date) {
        problems.push(Problem::new(
            "dueDate",
            format!(
                "due date {} is before the invoice date {}",
                format_timestamp(due),
                format_timestamp(facts.date)
            ),
        ));
    }
    if !problems.is_empty() {
        return Err(problems);
    }
    let id = facts.id;
    let number_change = edit.number.as_ref().and_then(|n| {
        change(
            "invoice",
            id,
            "invoiceNumber",
            Some(facts.number.clone()),
            Some(n.clone()),
        )
    });
    let due_change = due.and_then(|d| {
        change(
            "invoice",
            id,
            "dueDate",
            Some(format_timestamp(facts.due)),
            Some(format_timestamp(d)),
        )
    });
    let number = number_change.as_ref().and(edit.number.clone());
    let due = due_change.as_ref().and(due);
    Ok((
        number,
        due,
        [number_change, due_change].into_iter().flatten().collect(),
    ))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::dates::parse_date;

    fn invoice() -> InvoiceEditFacts {
        InvoiceEditFacts {
            id: 7,
            customer_id: 1,
            number: "INV-7".into(),
            date: parse_date("2026-10-01").unwrap(),
            due: parse_date("2026-10-31").unwrap(),
            others_with_number: vec![],
            closed: None,
        }
    }

    #[test]
    fn an_invoice_edit_changes_only_what_differs() {
        let edit = InvoiceEdit {
            number: Some("INV-7".into()),
            due: Some(Due::NetDays(45)),
        };
        let (number, due, changes) = plan_invoice_edit(&edit, &invoice()).unwrap();
        assert_eq!(number, None);
        assert_eq!(due, Some(parse_date("2026-11-15").unwrap()));
        assert_eq!(changes.len(), 1);
        assert_eq!(changes[0].old.as_deref(), Some("2026-10-31T00:00:00Z"));
    }

    #[test]
    fn an_invoice_edit_keeps_the_rules_of_add() {
        let mut facts = invoice();
        facts.others_with_number = vec![3];
        let edit = InvoiceEdit {
            number: Some("INV-3".into()),
            due: Some(Due::On(parse_date("2026-09-30").unwrap())),
        };
        let problems = plan_invoice_edit(&edit, &facts).unwrap_err();
        assert_eq!(problems.len(), 2, "{problems:?}");
        assert!(problems[0].message.contains("already invoice 3's"));
        assert!(problems[1].message.contains("before the invoice date"));
        facts.others_with_number.clear();
        facts.closed = Some(ClosedPeriod {
            through: facts.date.date_naive(),
            at: "x".into(),
            by: "y".into(),
        });
        let problems = plan_invoice_edit(&edit, &facts).unwrap_err();
        assert!(problems[0].message.contains("is in a closed period"));
    }

    #[test]
    fn a_customer_edit_checks_as_add_does() {
        let current = CustomerRecord {
            id: 1,
            name: "Acme".into(),
            email: None,
            order: AllocationOrder::OldestToNewest,
        };
        let edit = CustomerEdit {
            name: Some("  ".into()),
            email: Some("not-an-email".into()),
            order: None,
        };
        assert_eq!(plan_customer_edit(&edit, &current).unwrap_err().len(), 2);
        let edit = CustomerEdit {
            name: Some(" Acme Corp ".into()),
            email: None,
            order: Some(AllocationOrder::OldestToNewest),
        };
        let changes = plan_customer_edit(&edit, &current).unwrap();
        assert_eq!(changes.len(), 1);
        assert_eq!(changes[0].new.as_deref(), Some("Acme Corp"));
    }
}
