//! `customer edit` and `invoice edit` (SPEC §10): the facts their rules read and the UPDATEs
//! of the few columns the schema lets change (migration 006).

use chrono::{DateTime, Utc};

use super::audit::{self, Touched};
use super::customers::stored_enum;
use super::{customers, invoices, periods, Actor, Tx};
use crate::core::dates::{format_timestamp, parse_stored};
use crate::core::edit::{CustomerRecord, FieldChange, InvoiceEditFacts};
use crate::error::{Error, Result, StorageKind};
use crate::params;

/// A customer's editable fields; not found (exit 3) if there is no such customer.
pub fn customer_record(tx: &Tx, id: i64) -> Result<CustomerRecord> {
    tx.query_opt(
        "SELECT id, name, email, auto_allocate_order FROM customers WHERE id = ?1",
        params![id],
        |r| {
            Ok(CustomerRecord {
                id: r.get(0)?,
                name: r.get(1)?,
                email: r.get(2)?,
                order: stored_enum(&r.get::<String>(3)?)?,
            })
        },
    )?
    .ok_or_else(|| customers::not_found(id))
}

fn stored_date(text: &str) -> Result<DateTime<Utc>> {
    parse_stored(text).map_err(|_| {
        Error::storage(StorageKind::BadValue {
            what: format!("a bad timestamp {text:?}"),
        })
    })
}

/// What `invoice edit` needs: the invoice, the customer's other invoices numbered `number`,
/// and the close in force. Not found (exit 3) if there is no such invoice.
pub fn invoice_facts(tx: &Tx, id: i64, number: Option<&str>) -> Result<InvoiceEditFacts> {
    let row: Option<(i64, String, String, String)> = tx.query_opt(
        "SELECT customer_id, invoice_number, effective_at, due_at FROM invoices WHERE id = ?1",
        params![id],
        |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)),
    )?;
    let (customer_id, current, date, due) = row.ok_or_else(|| invoices::not_found(id))?;
    let others_with_number = match number {
        Some(number) => tx.query_map(
            "SELECT id FROM invoices WHERE customer_id = ?1 AND invoice_number = ?2 AND id <> ?3 ORDER BY id",
            params![customer_id, number, id],
            |r| r.get(0),
        )?,
        None => Vec::new(),
    };
    Ok(InvoiceEditFacts {
        id,
        customer_id,
        number: current,
        date: stored_date(&date)?,
        due: stored_date(&due)?,
        others_with_number,
        closed: periods::closed(tx)?,
    })
}

fn audit_changes(
    tx: &Tx,
    actor: &Actor,
    action: &str,
    touched: Touched,
    changes: &[FieldChange],
) -> Result<()> {
    let detail: serde_json::Map<String, serde_json::Value> = changes
        .iter()
        .map(|c| {
            (
                c.field.to_string(),
                serde_json::json!({ "old": c.old, "new": c.new }),
            )
        })
        .collect();
    audit::record(
        tx,
        actor,
        action,
        touched,
        &serde_json::json!({ "changes": detail }),
    )
}

/// Writes a customer's planned changes and their audit event (nothing when there are none).
pub fn write_customer(tx: &Tx, actor: &Actor, id: i64, changes: &[FieldChange]) -> Result<()> {
    for c in changes {
        let sql = match c.field {
            "name" => "UPDATE customers SET name = ?2 WHERE id = ?1",
            "email" => "UPDATE customers SET email = ?2 WHERE id = ?1",
            "autoAllocateOrder" => "UPDATE customers SET auto_allocate_order = ?2 WHERE id = ?1",
            other => {
                return Err(Error::storage(StorageKind::Internal {
                    detail: format!("cannot edit a customer's {other}"),
                }))
            }
        };
        tx.execute(sql, params![id, c.new])?;
    }
    if changes.is_empty() {
        return Ok(());
    }
    let touched = Touched {
        entity: "customer",
        entity_id: id,
        customer_id: Some(id),
        payment_id: None,
    };
    audit_changes(tx, actor, "customer.edit", touched, changes)
}

/// Writes an invoice's new number and due date (the open-invoices cache follows the due date
/// by trigger) and the audit event (nothing when there are no changes).
pub fn write_invoice(
    tx: &Tx,
    actor: &Actor,
    facts: &InvoiceEditFacts,
    number: Option<&str>,
    due: Option<DateTime<Utc>>,
    changes: &[FieldChange],
) -> Result<()> {
    if let Some(number) = number {
        tx.execute(
            "UPDATE invoices SET invoice_number = ?2 WHERE id = ?1",
            params![facts.id, number],
        )?;
    }
    if let Some(due) = due {
        tx.execute(
            "UPDATE invoices SET due_at = ?2 WHERE id = ?1",
            params![facts.id, format_timestamp(due)],
        )?;
    }
    if changes.is_empty() {
        return Ok(());
    }
    let touched = Touched {
        entity: "invoice",
        entity_id: facts.id,
        customer_id: Some(facts.customer_id),
        payment_id: None,
    };
    audit_changes(tx, actor, "invoice.edit", touched, changes)
}
