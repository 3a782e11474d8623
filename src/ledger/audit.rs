//! The audit trail: one event per change, written in the same transaction as the change.

use super::db::Param;
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

/// One event of [`copy_events`]: what [`record_text`] writes for one change.
pub(super) struct Event<'a> {
    pub action: &'static str,
    pub touched: Touched,
    pub detail: &'a str,
}

/// Writes `events` with one `COPY … FROM STDIN BINARY` (a batch's events on PostgreSQL),
/// numbered from the table's largest id plus one, in order: the ids [`record_text`] would give
/// them one by one under the write lock.
pub(super) fn copy_events(tx: &Tx, actor: &Actor, events: &[Event]) -> Result<()> {
    if events.is_empty() {
        return Ok(());
    }
    let first = super::batch::next_id(tx, "audit_events")?;
    let now = actor.now_text();
    let opt = |v: Option<i64>| v.map_or(Param::Null, Param::Int);
    let rows: Vec<Vec<Param>> = events
        .iter()
        .zip(first..)
        .map(|(e, id)| {
            vec![
                Param::Int(id),
                Param::Text(now),
                Param::Text(&actor.os_user),
                Param::Text(&actor.command),
                Param::Text(e.action),
                Param::Text(e.touched.entity),
                Param::Int(e.touched.entity_id),
                opt(e.touched.customer_id),
                opt(e.touched.payment_id),
                Param::Text(e.detail),
            ]
        })
        .collect();
    tx.copy_in_rows(
        "audit_events",
        &[
            "id",
            "at",
            "os_user",
            "command",
            "action",
            "entity",
            "entity_id",
            "customer_id",
            "payment_id",
            "detail",
        ],
        &rows,
    )?;
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
