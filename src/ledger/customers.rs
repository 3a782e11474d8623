//! Customers: add, read, and the facts the payment rules need.

use super::{Row, Tx};
use crate::params;
use serde_json::json;

use super::audit::{self, Touched};
use super::{methods, Actor};
use crate::core::customer::{CustomerFactsForAdd, CustomerPlan, NewCustomer};
use crate::core::payment::CustomerFacts;
use crate::core::views::CustomerView;
use crate::core::{AllocationOrder, Currency, Money};
use crate::error::{Error, Record, Result, StorageKind};

/// Reads a currency code stored in the ledger; an unknown one means the file was edited.
pub(crate) fn stored_currency(code: &str) -> Result<Currency> {
    Currency::from_code(code).ok_or_else(|| {
        Error::storage(StorageKind::BadValue {
            what: format!("an unknown currency {code:?}"),
        })
    })
}

pub(crate) fn stored_enum<T: std::str::FromStr>(text: &str) -> Result<T> {
    text.parse().map_err(|_| {
        Error::storage(StorageKind::BadValue {
            what: format!("an unexpected value {text:?}"),
        })
    })
}

/// What [`crate::core::customer::plan_customer`] needs to know to add `new`.
pub fn add_facts(tx: &Tx, new: &NewCustomer) -> Result<CustomerFactsForAdd> {
    Ok(CustomerFactsForAdd {
        id: super::id_facts(tx, "customers", new.id)?,
    })
}

/// Writes a planned customer and its audit event.
pub fn write(tx: &Tx, actor: &Actor, plan: &CustomerPlan) -> Result<i64> {
    let id = plan.id;
    tx.execute(
        "INSERT INTO customers (id, name, email, currency, auto_allocate_order, created_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
        params![
            id,
            plan.name,
            plan.email,
            plan.currency.code(),
            plan.order.as_str(),
            actor.now_text()
        ],
    )?;
    audit::record(
        tx,
        actor,
        "customer.add",
        Touched {
            entity: "customer",
            entity_id: id,
            customer_id: Some(id),
            payment_id: None,
        },
        &json!({"name": plan.name, "email": plan.email, "currency": plan.currency.code(), "autoAllocateOrder": plan.order.as_str()}),
    )?;
    Ok(id)
}

pub fn exists(tx: &Tx, id: i64) -> Result<bool> {
    Ok(tx
        .query_opt("SELECT 1 FROM customers WHERE id = ?1", params![id], |_| {
            Ok(())
        })?
        .is_some())
}

pub fn not_found(id: i64) -> Error {
    Error::record_not_found(Record::Customer, id)
}

const SELECT: &str = "
    SELECT c.id, c.name, c.email, c.currency, c.default_method_id, c.auto_allocate_order,
        (SELECT CAST(coalesce(sum(i.total + b.adjusted - b.allocated), 0) AS BIGINT)
           FROM invoices i JOIN invoice_balances b ON b.invoice_id = i.id
          WHERE i.customer_id = c.id AND i.currency = c.currency AND b.closed IS NULL),
        (SELECT CAST(coalesce(sum(p.amount - b.allocated - b.refunded - b.written_off), 0) AS BIGINT)
           FROM payments p JOIN payment_balances b ON b.payment_id = p.id
          WHERE p.customer_id = c.id AND b.voided = 0 AND b.settlement <> 'Failed')
    FROM customers c";

fn view(r: &Row) -> Result<CustomerView> {
    let currency = stored_currency(&r.get::<String>(3)?)?;
    Ok(CustomerView {
        id: r.get(0)?,
        name: r.get(1)?,
        email: r.get(2)?,
        currency,
        default_payment_method_id: r.get(4)?,
        auto_allocate_order: stored_enum(&r.get::<String>(5)?)?,
        outstanding_balance: Money::from_minor(r.get(6)?, currency),
        available_funds: Money::from_minor(r.get(7)?, currency),
    })
}

pub fn get(tx: &Tx, id: i64) -> Result<CustomerView> {
    tx.query_opt(&format!("{SELECT} WHERE c.id = ?1"), params![id], view)?
        .ok_or_else(|| not_found(id))
}

pub fn list(tx: &Tx) -> Result<Vec<CustomerView>> {
    tx.query_map(&format!("{SELECT} ORDER BY c.id"), params![], view)
}

/// What the payment rules need to know about a customer.
/// The facts of each of `ids` (1 to [`super::invoices::IN_LIST`] of them) that exists, as
/// [`facts`] reads one: one statement for the lot, and one more per default method.
pub fn facts_many(tx: &Tx, ids: &[i64]) -> Result<Vec<CustomerFacts>> {
    let rows = super::invoices::query_in_list(
        tx,
        "SELECT id, currency, auto_allocate_order, default_method_id FROM customers WHERE id IN ({list})",
        ids,
        |r| {
            Ok((
                r.get::<i64>(0)?,
                stored_currency(&r.get::<String>(1)?)?,
                stored_enum::<AllocationOrder>(&r.get::<String>(2)?)?,
                r.get::<Option<i64>>(3)?,
            ))
        },
    )?;
    rows.into_iter()
        .map(|(id, currency, order, default_id)| {
            Ok(CustomerFacts {
                id,
                currency,
                default_method: match default_id {
                    Some(mid) => methods::facts(tx, mid)?,
                    None => None,
                },
                order,
            })
        })
        .collect()
}

/// The currencies of the customers of `ids` (1 to [`super::invoices::IN_LIST`] of them) that
/// exist, in one statement: what an invoice import's batch reads ahead of its rows.
pub fn currencies_many(tx: &Tx, ids: &[i64]) -> Result<Vec<(i64, Currency)>> {
    let rows = super::invoices::query_in_list(
        tx,
        "SELECT id, currency FROM customers WHERE id IN ({list})",
        ids,
        |r| Ok((r.get::<i64>(0)?, r.get::<String>(1)?)),
    )?;
    rows.into_iter()
        .map(|(id, code)| Ok((id, stored_currency(&code)?)))
        .collect()
}

pub fn facts(tx: &Tx, id: i64) -> Result<CustomerFacts> {
    let row = tx.query_opt(
        "SELECT currency, auto_allocate_order, default_method_id FROM customers WHERE id = ?1",
        params![id],
        |r| {
            Ok((
                stored_currency(&r.get::<String>(0)?)?,
                stored_enum::<AllocationOrder>(&r.get::<String>(1)?)?,
                r.get::<Option<i64>>(2)?,
            ))
        },
    )?;
    let Some((currency, order, default_id)) = row else {
        return Err(not_found(id));
    };
    let default_method = match default_id {
        Some(mid) => methods::facts(tx, mid)?,
        None => None,
    };
    Ok(CustomerFacts {
        id,
        currency,
        default_method,
        order,
    })
}
