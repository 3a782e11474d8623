//! `payctl find`: customers, invoices and payments matching a text or an amount
//! (`core::find` decides what the text means). Plain scans, measured: see README, "Cash
//! application: invoice numbers and find".

use std::collections::HashMap;

use super::customers::stored_currency;
use super::{Row, Tx};
use crate::core::find::{FindQuery, FoundKind, FoundView};
use crate::core::Money;
use crate::error::Result;
use crate::params;

/// Everything `query` finds: customers, then invoices (the number itself first), then
/// payments, each by id, at most `query.limit` of each.
pub fn find(tx: &Tx, query: &FindQuery) -> Result<Vec<FoundView>> {
    let mut found = customers(tx, query)?;
    found.extend(invoices(tx, query)?);
    found.extend(payments(tx, query)?);
    let mut names: HashMap<i64, (String, Option<String>)> = HashMap::new();
    for hit in found.iter_mut().filter(|h| h.kind != FoundKind::Customer) {
        let (name, email) = match names.entry(hit.customer_id) {
            std::collections::hash_map::Entry::Occupied(known) => known.into_mut(),
            std::collections::hash_map::Entry::Vacant(slot) => slot.insert(tx.query_row(
                "SELECT name, email FROM customers WHERE id = ?1",
                params![hit.customer_id],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )?),
        };
        hit.name = name.clone();
        hit.email = email.clone();
    }
    Ok(found)
}

/// Customers by name or email. Not by amount: every customer's outstanding balance is an
/// aggregate over all open invoices (measured on 1,000,000 open invoices: 1.7 s of CPU, 42 s
/// from a cold cache), too slow for a search run by hand; `report balances` lists them.
fn customers(tx: &Tx, query: &FindQuery) -> Result<Vec<FoundView>> {
    let limit = query.limit as usize;
    let mut ids: Vec<(i64, String)> = Vec::new();
    tx.for_each_while(
        "SELECT id, name, email FROM customers
         WHERE lower(name) LIKE ?1 ESCAPE '\\' OR lower(coalesce(email, '')) LIKE ?1 ESCAPE '\\'
         ORDER BY id",
        params![query.contains_pattern()],
        |r| {
            let name: String = r.get(1)?;
            let matched = if name.to_lowercase().contains(&query.lowered) {
                "name"
            } else {
                "email"
            };
            ids.push((r.get(0)?, matched.to_string()));
            Ok(ids.len() < limit)
        },
    )?;
    let mut out = Vec::new();
    for (id, matched) in ids {
        let customer = super::customers::get(tx, id)?;
        out.push(FoundView {
            kind: FoundKind::Customer,
            id,
            customer_id: id,
            name: customer.name,
            email: customer.email,
            invoice_number: None,
            reference: None,
            amount: None,
            outstanding_balance: Some(customer.outstanding_balance),
            currency: customer.currency,
            matched,
        });
    }
    Ok(out)
}

fn invoices(tx: &Tx, query: &FindQuery) -> Result<Vec<FoundView>> {
    let m = query.minor_by_exponent();
    let mut out = Vec::new();
    let limit = query.limit as usize;
    tx.for_each_while(
        "SELECT i.id, i.customer_id, i.invoice_number, i.currency, i.total,
                CASE WHEN b.closed IS NULL THEN i.total + b.adjusted - b.allocated ELSE 0 END
         FROM invoices i JOIN invoice_balances b ON b.invoice_id = i.id
         WHERE lower(i.invoice_number) LIKE ?1 ESCAPE '\\'
            OR i.total IN (?2, ?3, ?4, ?5, ?6)
            OR (b.closed IS NULL AND i.total + b.adjusted - b.allocated IN (?2, ?3, ?4, ?5, ?6))
         ORDER BY CASE WHEN lower(i.invoice_number) = ?7 THEN 0 ELSE 1 END, i.id",
        params![
            query.prefix_pattern(),
            m[0],
            m[1],
            m[2],
            m[3],
            m[4],
            query.lowered.clone()
        ],
        |r| {
            if let Some(hit) = invoice_hit(r, query)? {
                out.push(hit);
            }
            Ok(out.len() < limit)
        },
    )?;
    Ok(out)
}

fn invoice_hit(r: &Row, query: &FindQuery) -> Result<Option<FoundView>> {
    let number: String = r.get(2)?;
    let currency = stored_currency(&r.get::<String>(3)?)?;
    let (total, outstanding): (i64, i64) = (r.get(4)?, r.get(5)?);
    let matched = if number.to_lowercase().starts_with(&query.lowered) {
        "number"
    } else if query.is_amount(total, currency) {
        "amount"
    } else if query.is_amount(outstanding, currency) {
        "outstandingBalance"
    } else {
        return Ok(None);
    };
    let customer_id = r.get(1)?;
    Ok(Some(FoundView {
        kind: FoundKind::Invoice,
        id: r.get(0)?,
        customer_id,
        name: String::new(),
        email: None,
        invoice_number: Some(number),
        reference: None,
        amount: Some(Money::from_minor(total, currency)),
        outstanding_balance: Some(Money::from_minor(outstanding, currency)),
        currency,
        matched: matched.to_string(),
    }))
}

fn payments(tx: &Tx, query: &FindQuery) -> Result<Vec<FoundView>> {
    let m = query.minor_by_exponent();
    let mut out = Vec::new();
    let limit = query.limit as usize;
    tx.for_each_while(
        "SELECT id, customer_id, reference, currency, amount FROM payments
         WHERE lower(coalesce(reference, '')) LIKE ?1 ESCAPE '\\'
            OR amount IN (?2, ?3, ?4, ?5, ?6)
         ORDER BY id",
        params![query.contains_pattern(), m[0], m[1], m[2], m[3], m[4]],
        |r| {
            let reference: Option<String> = r.get(2)?;
            let currency = stored_currency(&r.get::<String>(3)?)?;
            let amount: i64 = r.get(4)?;
            let matched = if reference
                .as_deref()
                .is_some_and(|t| t.to_lowercase().contains(&query.lowered))
            {
                "reference"
            } else if query.is_amount(amount, currency) {
                "amount"
            } else {
                return Ok(true);
            };
            out.push(FoundView {
                kind: FoundKind::Payment,
                id: r.get(0)?,
                customer_id: r.get(1)?,
                name: String::new(),
                email: None,
                invoice_number: None,
                reference,
                amount: Some(Money::from_minor(amount, currency)),
                outstanding_balance: None,
                currency,
                matched: matched.to_string(),
            });
            Ok(out.len() < limit)
        },
    )?;
    Ok(out)
}
