//! Payment methods on file: add, list, choose the default.

use super::{Row, Tx};
use crate::params;
use serde_json::json;

use super::audit::{self, Touched};
use super::customers::{self, stored_enum};
use super::Actor;
use crate::core::method::{MethodFactsForAdd, MethodPlan, NewMethod};
use crate::core::payment::MethodFacts;
use crate::core::views::MethodView;
use crate::error::{Error, Record, Result};

/// What [`crate::core::method::plan_method`] needs to know to add `new`: refused with not
/// found when the customer does not exist.
pub fn add_facts(tx: &Tx, new: &NewMethod) -> Result<MethodFactsForAdd> {
    let customer = customers::facts(tx, new.customer_id)?;
    Ok(MethodFactsForAdd {
        id: super::id_facts(tx, "payment_methods", new.id)?,
        customer_has_default: customer.default_method.is_some(),
    })
}

/// Writes a planned method (its customer's default, if planned so) and its audit event.
pub fn write(tx: &Tx, actor: &Actor, plan: &MethodPlan) -> Result<i64> {
    let id = plan.id;
    tx.execute(
        "INSERT INTO payment_methods (id, customer_id, type, label, brand, last4, created_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
        params![
            id,
            plan.customer_id,
            plan.method_type.as_str(),
            plan.label,
            plan.brand,
            plan.last4,
            actor.now_text()
        ],
    )?;
    if plan.make_default {
        set_default_row(tx, plan.customer_id, id)?;
    }
    audit::record(
        tx,
        actor,
        "method.add",
        Touched {
            entity: "payment_method",
            entity_id: id,
            customer_id: Some(plan.customer_id),
            payment_id: None,
        },
        &json!({"type": plan.method_type.as_str(), "label": plan.label, "brand": plan.brand, "last4": plan.last4, "isDefault": plan.make_default}),
    )?;
    Ok(id)
}

fn set_default_row(tx: &Tx, customer_id: i64, method_id: i64) -> Result<()> {
    tx.execute(
        "UPDATE customers SET default_method_id = ?1 WHERE id = ?2",
        params![method_id, customer_id],
    )?;
    Ok(())
}

pub fn set_default(tx: &Tx, actor: &Actor, id: i64) -> Result<MethodView> {
    let method = facts(tx, id)?.ok_or_else(|| not_found(id))?;
    set_default_row(tx, method.customer_id, id)?;
    audit::record(
        tx,
        actor,
        "method.set-default",
        Touched {
            entity: "payment_method",
            entity_id: id,
            customer_id: Some(method.customer_id),
            payment_id: None,
        },
        &json!({"isDefault": true}),
    )?;
    get(tx, id)
}

pub fn not_found(id: i64) -> Error {
    Error::record_not_found(Record::PaymentMethod, id)
}

const SELECT: &str = "
    SELECT m.id, m.customer_id, m.type, m.label, m.brand, m.last4, CASE WHEN c.default_method_id = m.id THEN 1 ELSE 0 END
    FROM payment_methods m JOIN customers c ON c.id = m.customer_id";

fn view(r: &Row) -> Result<MethodView> {
    Ok(MethodView {
        id: r.get(0)?,
        customer_id: r.get(1)?,
        method_type: stored_enum(&r.get::<String>(2)?)?,
        label: r.get(3)?,
        brand: r.get(4)?,
        last4: r.get(5)?,
        is_default: r.get(6)?,
    })
}

pub fn get(tx: &Tx, id: i64) -> Result<MethodView> {
    tx.query_opt(&format!("{SELECT} WHERE m.id = ?1"), params![id], view)?
        .ok_or_else(|| not_found(id))
}

pub fn list(tx: &Tx, customer_id: i64) -> Result<Vec<MethodView>> {
    customers::facts(tx, customer_id)?;
    tx.query_map(
        &format!("{SELECT} WHERE m.customer_id = ?1 ORDER BY m.id"),
        params![customer_id],
        view,
    )
}

/// The customer's method with exactly these details, if there is one: how an import of
/// methods without ids recognises a method it added before.
pub fn find_same(tx: &Tx, new: &NewMethod) -> Result<Option<i64>> {
    tx.query_opt(
        "SELECT id FROM payment_methods
         WHERE customer_id = ?1 AND type = ?2 AND label IS NOT DISTINCT FROM ?3 AND brand IS NOT DISTINCT FROM ?4 AND last4 IS NOT DISTINCT FROM ?5
         ORDER BY id LIMIT 1",
        params![
            new.customer_id,
            new.method_type.as_str(),
            new.label,
            new.brand,
            new.last4
        ],
        |r| r.get(0),
    )
}

pub fn facts(tx: &Tx, id: i64) -> Result<Option<MethodFacts>> {
    tx.query_opt(
        "SELECT id, customer_id, type FROM payment_methods WHERE id = ?1",
        params![id],
        |r| {
            Ok(MethodFacts {
                id: r.get(0)?,
                customer_id: r.get(1)?,
                method_type: stored_enum(&r.get::<String>(2)?)?,
            })
        },
    )
}
