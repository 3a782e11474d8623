//! Payment methods on file: add, list, choose the default.

use super::{Row, Tx};
use crate::params;
use serde_json::json;

use super::audit::{self, Touched};
use super::customers::{self, stored_enum};
use super::Actor;
use crate::core::payment::new_id_problem;
use crate::core::payment::MethodFacts;
use crate::core::views::MethodView;
use crate::core::MethodType;
use crate::error::{Error, Result};

pub struct NewMethod {
    pub id: Option<i64>,
    pub customer_id: i64,
    pub method_type: MethodType,
    pub label: Option<String>,
    pub brand: Option<String>,
    pub last4: Option<String>,
    pub make_default: bool,
}

pub fn add(tx: &Tx, actor: &Actor, new: &NewMethod) -> Result<i64> {
    let customer = customers::facts(tx, new.customer_id)?;
    if let Some(problem) = new.id.and_then(|id| new_id_problem("payment method", id)) {
        return Err(Error::rejected("id", problem));
    }
    if let Some(id) = new.id {
        if facts(tx, id)?.is_some() {
            return Err(Error::rejected(
                "id",
                format!("payment method {id} already exists"),
            ));
        }
    }
    let id = match new.id {
        Some(id) => id,
        None => super::assign_id(tx, "payment_methods", "payment method")?,
    };
    tx.execute("INSERT INTO payment_methods (id, customer_id, type, label, brand, last4, created_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)", params![id, new.customer_id, new.method_type.as_str(), new.label, new.brand, new.last4, actor.now_text()])?;
    // The first method of a customer becomes its default.
    let make_default = new.make_default || customer.default_method.is_none();
    if make_default {
        set_default_row(tx, new.customer_id, id)?;
    }
    audit::record(
        tx,
        actor,
        "method.add",
        Touched {
            entity: "payment_method",
            entity_id: id,
            customer_id: Some(new.customer_id),
            payment_id: None,
        },
        &json!({"type": new.method_type.as_str(), "label": new.label, "brand": new.brand, "last4": new.last4, "isDefault": make_default}),
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
    Error::not_found("paymentMethodId", format!("payment method {id} not found"))
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
         WHERE customer_id = ?1 AND type = ?2 AND label IS ?3 AND brand IS ?4 AND last4 IS ?5
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
