//! The audit trail: one event per change, written in the same transaction as the change.

use super::Tx;
use crate::params;
use serde::Serialize;

use super::Actor;
use crate::error::Result;

/// The records an event touched.
pub struct Touched {
    pub entity: &'static str,
    pub entity_id: i64,
    pub customer_id: Option<i64>,
    pub payment_id: Option<i64>,
}

pub fn record(
    tx: &Tx,
    actor: &Actor,
    action: &str,
    touched: Touched,
    detail: &serde_json::Value,
) -> Result<()> {
    record_text(tx, actor, action, touched, &detail.to_string())
}

/// [`record`] with the detail already serialised as JSON text.
pub fn record_text(
    tx: &Tx,
    actor: &Actor,
    action: &str,
    touched: Touched,
    detail: &str,
) -> Result<()> {
    tx.execute("INSERT INTO audit_events (at, os_user, command, action, entity, entity_id, customer_id, payment_id, detail)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)", params![
        actor.now_text(),
        actor.os_user,
        actor.command,
        action,
        touched.entity,
        touched.entity_id,
        touched.customer_id,
        touched.payment_id,
        detail,
    ])?;
    Ok(())
}

#[derive(Clone, Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct AuditEvent {
    pub id: i64,
    pub at: String,
    pub os_user: String,
    pub command: String,
    pub action: String,
    pub entity: String,
    pub entity_id: i64,
    pub customer_id: Option<i64>,
    pub payment_id: Option<i64>,
    pub detail: serde_json::Value,
}

pub fn list(tx: &Tx, customer: Option<i64>, payment: Option<i64>) -> Result<Vec<AuditEvent>> {
    tx.query_map("SELECT id, at, os_user, command, action, entity, entity_id, customer_id, payment_id, detail
             FROM audit_events
             WHERE (CAST(?1 AS BIGINT) IS NULL OR customer_id = ?1) AND (CAST(?2 AS BIGINT) IS NULL OR payment_id = ?2)
             ORDER BY id", params![customer, payment], |r| {
            let detail: String = r.get(9)?;
            Ok(AuditEvent {
                id: r.get(0)?,
                at: r.get(1)?,
                os_user: r.get(2)?,
                command: r.get(3)?,
                action: r.get(4)?,
                entity: r.get(5)?,
                entity_id: r.get(6)?,
                customer_id: r.get(7)?,
                payment_id: r.get(8)?,
                detail: serde_json::from_str(&detail).unwrap_or(serde_json::Value::String(detail)),
            })
        })
}
