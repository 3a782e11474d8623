//! Payment activities: every attempt to move money, including the ones that failed.

use super::Tx;
use crate::params;
use rust_decimal::Decimal;
use serde_json::json;

use super::audit::{self, Touched};
use super::customers::{self, stored_currency, stored_enum};
use super::payments::{insert_activity, NewActivity};
use super::{methods, Actor};
use crate::core::views::ActivityView;
use crate::core::{ActivityStatus, Money, PaymentMethod, TransactionType};
use crate::error::{Error, Result};

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

pub struct NewAttempt {
    pub customer_id: i64,
    pub amount: Decimal,
    pub method: PaymentMethod,
    pub method_id: Option<i64>,
    pub status: ActivityStatus,
    pub message: String,
    pub source: &'static str,
}

/// Records an attempt that made no payment (a declined card, an unknown outcome).
pub fn add_attempt(tx: &Tx, actor: &Actor, new: &NewAttempt) -> Result<i64> {
    let amount = check_attempt(tx, new)?;
    write_attempt(tx, actor, new, amount)
}

/// The attempt's amount in its customer's currency, once its customer and method are found
/// and agree with it. Nothing is written.
pub fn check_attempt(tx: &Tx, new: &NewAttempt) -> Result<Money> {
    let customer = customers::facts(tx, new.customer_id)?;
    let amount = Money::from_decimal(new.amount, customer.currency)
        .map_err(|e| Error::rejected("amount", format!("amount '{}' {e}", new.amount)))?;
    if let Some(id) = new.method_id {
        let method = methods::facts(tx, id)?
            .filter(|m| m.customer_id == new.customer_id)
            .ok_or_else(|| {
                Error::rejected(
                    "paymentMethodId",
                    format!(
                        "payment method {id} not found for customer {}",
                        new.customer_id
                    ),
                )
            })?;
        if Some(method.method_type) != new.method.method_type() {
            return Err(Error::rejected(
                "paymentMethodId",
                format!(
                    "payment method {id} is {}, not {}",
                    method.method_type, new.method
                ),
            ));
        }
    }
    Ok(amount)
}

/// Writes an attempt [`check_attempt`] accepted, for `amount`, dated now.
pub fn write_attempt(tx: &Tx, actor: &Actor, new: &NewAttempt, amount: Money) -> Result<i64> {
    write_attempt_at(tx, actor, new, amount, actor.now_text())
}

/// Writes an attempt [`check_attempt`] accepted, for `amount`, with the effective timestamp
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
