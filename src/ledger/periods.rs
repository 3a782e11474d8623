//! Closed periods (SPEC §10): the append-only close and reopen events, and the close in force.

use chrono::NaiveDate;

use super::audit::{self, Touched};
use super::{Actor, Tx};
use crate::core::period::{ClosedPeriod, PeriodEvent};
use crate::error::Result;
use crate::params;

fn day(text: &str) -> Option<NaiveDate> {
    NaiveDate::parse_from_str(text, "%Y-%m-%d").ok()
}

/// The close in force (the last event's), read in the transaction that writes.
pub fn closed(tx: &Tx) -> Result<Option<ClosedPeriod>> {
    let last: Option<(Option<String>, String, String)> = tx.query_opt(
        "SELECT closed_through, at, os_user FROM period_events ORDER BY id DESC LIMIT 1",
        params![],
        |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
    )?;
    Ok(last.and_then(|(through, at, by)| {
        Some(ClosedPeriod {
            through: day(through.as_deref()?)?,
            at,
            by,
        })
    }))
}

/// Every close and reopen, oldest first.
pub fn list(tx: &Tx) -> Result<Vec<PeriodEvent>> {
    tx.query_map(
        "SELECT id, kind, period_date, closed_through, reason, os_user, at FROM period_events ORDER BY id",
        params![],
        |r| {
            Ok(PeriodEvent {
                id: r.get(0)?,
                kind: r.get(1)?,
                date: r.get(2)?,
                closed_through: r.get(3)?,
                reason: r.get(4)?,
                os_user: r.get(5)?,
                at: r.get(6)?,
                dry_run: false,
            })
        },
    )
}

/// Writes one close or reopen event, and its audit event; returns the event as stored.
pub fn write(
    tx: &Tx,
    actor: &Actor,
    kind: &str,
    date: NaiveDate,
    closed_through: Option<NaiveDate>,
    reason: Option<&str>,
) -> Result<PeriodEvent> {
    let date = date.to_string();
    let through = closed_through.map(|d| d.to_string());
    let id = tx.insert(
        "INSERT INTO period_events (kind, period_date, closed_through, reason, os_user, at) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
        params![kind, date, through, reason, actor.os_user, actor.now_text()],
    )?;
    audit::record(
        tx,
        actor,
        &format!("period.{kind}"),
        Touched {
            entity: "period",
            entity_id: id,
            customer_id: None,
            payment_id: None,
        },
        &serde_json::json!({ "date": date, "closedThrough": through, "reason": reason }),
    )?;
    Ok(PeriodEvent {
        id,
        kind: kind.to_string(),
        date,
        closed_through: through,
        reason: reason.map(str::to_string),
        os_user: actor.os_user.clone(),
        at: actor.now_text().to_string(),
        dry_run: false,
    })
}
