//! Payment activities: every attempt to move money, including the ones that failed.

use rusqlite::{params, Transaction};
use serde_json::json;

use super::audit::{self, Touched};
use super::customers::{self, stored_currency, stored_enum};
use super::payments::{insert_activity, NewActivity};
use super::{methods, Actor, SqlResult};
use crate::core::activity::{AttemptFacts, NewAttempt};
use crate::core::views::ActivityView;
use crate::core::{ActivityStatus, Money, TransactionType};
use crate::error::Result;

#[derive(Default)]
pub struct ActivityFilter {
    pub customer: Option<i64>,
    pub status: Option<ActivityStatus>,
    pub transaction_type: Option<TransactionType>,
}

pub fn list(tx: &Transaction, filter: &ActivityFilter) -> Result<Vec<ActivityView>> {
    if let Some(customer) = filter.customer {
        customers::facts(tx, customer)?;
    }
    let mut stmt = tx
        .prepare_cached(
            "SELECT id, customer_id, transaction_type, status, amount, currency, method, method_id, source,
                    effective_at, message, payment_id
             FROM activities
             WHERE (?1 IS NULL OR customer_id = ?1) AND (?2 IS NULL OR status = ?2) AND (?3 IS NULL OR transaction_type = ?3)
             ORDER BY id",
        )
        .sql()?;
    let rows = stmt
        .query_map(
            params![
                filter.customer,
                filter.status.map(|s| s.as_str()),
                filter.transaction_type.map(|t| t.as_str())
            ],
            |r| {
                let currency = stored_currency(&r.get::<_, String>(5)?)?;
                Ok(ActivityView {
                    id: r.get(0)?,
                    customer_id: r.get(1)?,
                    transaction_type: stored_enum(&r.get::<_, String>(2)?)?,
                    status: stored_enum(&r.get::<_, String>(3)?)?,
                    amount: Money::from_minor(r.get(4)?, currency),
                    currency,
                    payment_method: r.get(6)?,
                    payment_method_id: r.get(7)?,
                    source: r.get(8)?,
                    effective_timestamp: r.get(9)?,
                    message: r.get(10)?,
                    payment_id: r.get(11)?,
                })
            },
        )
        .sql()?;
    rows.collect::<rusqlite::Result<Vec<_>>>().sql()
}

/// What the rules for an attempt need: its customer (not found: exit 3) and the method it
/// names by id, if any. Nothing is checked or written.
pub fn attempt_facts(tx: &Transaction, new: &NewAttempt) -> Result<AttemptFacts> {
    Ok(AttemptFacts {
        customer: customers::facts(tx, new.customer_id)?,
        named_method: match new.method_id {
            Some(id) => Some(methods::facts(tx, id)?),
            None => None,
        },
    })
}

/// Writes an attempt [`plan_attempt`](crate::core::activity::plan_attempt) accepted, for `amount`, dated now.
pub fn write_attempt(
    tx: &Transaction,
    actor: &Actor,
    new: &NewAttempt,
    amount: Money,
) -> Result<i64> {
    write_attempt_at(tx, actor, new, amount, actor.now_text())
}

/// Writes an attempt [`plan_attempt`](crate::core::activity::plan_attempt) accepted, for `amount`, with the effective timestamp
/// `effective` (an imported attempt keeps the time it was made).
pub fn write_attempt_at(
    tx: &Transaction,
    actor: &Actor,
    new: &NewAttempt,
    amount: Money,
    effective: &str,
) -> Result<i64> {
    let now = actor.now_text();
    let id = insert_activity(
        tx,
        &NewActivity {
            customer_id: new.customer_id,
            payment_id: None,
            refund_id: None,
            transaction_type: TransactionType::Collect,
            status: new.status,
            amount,
            method: new.method.as_str(),
            method_id: new.method_id,
            source: new.source,
            message: Some(&new.message),
            effective,
            now,
        },
    )?;
    audit::record(
        tx,
        actor,
        "activity.add",
        Touched {
            entity: "activity",
            entity_id: id,
            customer_id: Some(new.customer_id),
            payment_id: None,
        },
        &json!({"status": new.status.as_str(), "amount": amount, "paymentMethod": new.method.as_str(), "message": new.message}),
    )?;
    Ok(id)
}
