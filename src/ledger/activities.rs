//! Payment activities: every attempt to move money, including the ones that failed.

use super::Tx;
use crate::params;
use serde_json::json;

use super::audit::{self, Touched};
use super::customers::{self, stored_currency, stored_enum};
use super::payments::{insert_activity, NewActivity};
use super::{methods, Actor};
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

pub fn list(tx: &Tx, filter: &ActivityFilter) -> Result<Vec<ActivityView>> {
    if let Some(customer) = filter.customer {
        customers::facts(tx, customer)?;
    }
    tx.query_map("SELECT id, customer_id, transaction_type, status, amount, currency, method, method_id, source,
                    effective_at, message, payment_id
             FROM activities
             WHERE (CAST(?1 AS BIGINT) IS NULL OR customer_id = ?1) AND (CAST(?2 AS TEXT) IS NULL OR status = ?2) AND (CAST(?3 AS TEXT) IS NULL OR transaction_type = ?3)
             ORDER BY id", params![
                filter.customer,
                filter.status.map(|s| s.as_str()),
                filter.transaction_type.map(|t| t.as_str())
            ], |r| {
                let currency = stored_currency(&r.get::<String>(5)?)?;
                Ok(ActivityView {
                    id: r.get(0)?,
                    customer_id: r.get(1)?,
                    transaction_type: stored_enum(&r.get::<String>(2)?)?,
                    status: stored_enum(&r.get::<String>(3)?)?,
                    amount: Money::from_minor(r.get(4)?, currency),
                    currency,
                    payment_method: r.get(6)?,
                    payment_method_id: r.get(7)?,
                    source: r.get(8)?,
                    effective_timestamp: r.get(9)?,
                    message: r.get(10)?,
                    payment_id: r.get(11)?,
                })
            })
}

/// What the rules for an attempt need: its customer (not found: exit 3) and the method it
/// names by id, if any. Nothing is checked or written.
pub fn attempt_facts(tx: &Tx, new: &NewAttempt) -> Result<AttemptFacts> {
    Ok(AttemptFacts {
        customer: customers::facts(tx, new.customer_id)?,
        named_method: match new.method_id {
            Some(id) => Some(methods::facts(tx, id)?),
            None => None,
        },
    })
}

/// Writes an attempt [`plan_attempt`](crate::core::activity::plan_attempt) accepted, for `amount`, dated now.
pub fn write_attempt(tx: &Tx, actor: &Actor, new: &NewAttempt, amount: Money) -> Result<i64> {
    write_attempt_at(tx, actor, new, amount, actor.now_text())
}

/// Writes an attempt [`plan_attempt`](crate::core::activity::plan_attempt) accepted, for `amount`, with the effective timestamp
/// `effective` (an imported attempt keeps the time it was made).
pub fn write_attempt_at(
    tx: &Tx,
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
