//! How an import's [`Batch`](super::batch::Batch) writes its staged payments on PostgreSQL.
//!
//! The batch is the same on both engines: each payment planned by `create`'s rules against
//! balances reduced by what the batch already allocated, numbered, and kept in memory until the
//! flush. Only the writing differs. On SQLite the batch turns the triggers off and keeps the
//! caches itself; on PostgreSQL the triggers stay on (a clerk cannot turn them off, and they
//! guard the balances), so the batch writes only the rows `create` writes, one
//! `COPY … FROM STDIN BINARY` per table, and the row triggers keep `payment_balances`,
//! `invoice_balances` and `open_invoices` and refuse any allocation past a total, as they do
//! for `create`. One round trip per table per flush, instead of about five per payment.
//!
//! Order follows the triggers (src/ledger/migrations/postgres/001_initial.sql): payments first
//! (their AFTER INSERT trigger adds each balance row), then their Collect activities, then the
//! allocations (their trigger updates and checks both balances, which must exist), the audit
//! events and the idempotency keys. Every row carries its id, numbered from the table's
//! largest id plus one, in the order of the file: the ids `create` (and SQLite) would give, as
//! the write lock keeps every other writer out.

use super::audit::{copy_events, Event, Touched};
use super::batch::next_id;
use super::db::Param;
use super::payments::create_detail;
use super::{Actor, Tx};
use crate::core::dates::format_timestamp;
use crate::core::payment::PaymentPlan;
use crate::core::{ActivityStatus, TransactionType};
use crate::error::Result;

/// A payment of the batch: its id, its plan, and its date as stored.
pub(super) struct Row<'a> {
    pub id: i64,
    pub plan: &'a PaymentPlan,
    pub effective: &'a str,
}

/// Writes the batch's payments and their keys (`key`, request fingerprint, payment id).
pub(super) fn write<'a>(
    tx: &Tx,
    actor: &Actor,
    staged: &[Row<'a>],
    keys: &'a [(String, (String, i64))],
) -> Result<()> {
    if staged.is_empty() {
        return Ok(());
    }
    let now = actor.now_text();

    let rows: Vec<Vec<Param>> = staged
        .iter()
        .map(|s| {
            let p = s.plan;
            vec![
                Param::Int(s.id),
                Param::Int(p.customer_id),
                Param::Int(p.amount.minor()),
                Param::Text(p.amount.currency().code()),
                Param::Text(p.method.as_str()),
                opt_int(p.method_id),
                Param::Text(p.source.as_str()),
                opt_text(p.reference.as_deref()),
                Param::Text(s.effective),
                Param::Int(p.gateway_fee.minor()),
                Param::Text(p.settlement.as_str()),
                Param::Text(now),
            ]
        })
        .collect();
    tx.copy_in_rows(
        "payments",
        &[
            "id",
            "customer_id",
            "amount",
            "currency",
            "method",
            "method_id",
            "source",
            "reference",
            "effective_at",
            "gateway_fee",
            "initial_settlement",
            "created_at",
        ],
        &rows,
    )?;

    let first = next_id(tx, "activities")?;
    let rows: Vec<Vec<Param>> = staged
        .iter()
        .enumerate()
        .map(|(i, s)| {
            let p = s.plan;
            vec![
                Param::Int(first + i as i64),
                Param::Int(p.customer_id),
                Param::Int(s.id),
                Param::Null,
                Param::Text(TransactionType::Collect.as_str()),
                Param::Text(ActivityStatus::Successful.as_str()),
                Param::Int(p.amount.minor()),
                Param::Text(p.amount.currency().code()),
                Param::Text(p.method.as_str()),
                opt_int(p.method_id),
                Param::Text(p.source.as_str()),
                Param::Null,
                Param::Text(s.effective),
                Param::Text(now),
            ]
        })
        .collect();
    tx.copy_in_rows(
        "activities",
        &[
            "id",
            "customer_id",
            "payment_id",
            "refund_id",
            "transaction_type",
            "status",
            "amount",
            "currency",
            "method",
            "method_id",
            "source",
            "message",
            "effective_at",
            "created_at",
        ],
        &rows,
    )?;

    let mut next = next_id(tx, "allocations")?;
    let mut rows: Vec<Vec<Param>> = Vec::new();
    for s in staged {
        for (invoice, amount) in &s.plan.allocations {
            rows.push(vec![
                Param::Int(next),
                Param::Int(s.id),
                Param::Int(*invoice),
                Param::Int(amount.minor()),
                Param::Text("allocate"),
                Param::Text(s.effective),
                Param::Text(now),
            ]);
            next += 1;
        }
    }
    if !rows.is_empty() {
        tx.copy_in_rows(
            "allocations",
            &[
                "id",
                "payment_id",
                "invoice_id",
                "amount",
                "kind",
                "effective_at",
                "created_at",
            ],
            &rows,
        )?;
    }

    let details: Vec<String> = staged.iter().map(|s| create_detail(s.plan)).collect();
    let events: Vec<Event> = staged
        .iter()
        .zip(&details)
        .map(|(s, detail)| Event {
            action: "payment.create",
            touched: Touched {
                entity: "payment",
                entity_id: s.id,
                customer_id: Some(s.plan.customer_id),
                payment_id: Some(s.id),
            },
            detail,
        })
        .collect();
    copy_events(tx, actor, &events)?;

    if !keys.is_empty() {
        let rows: Vec<Vec<Param>> = keys
            .iter()
            .map(|(key, (fingerprint, id))| {
                vec![
                    Param::Text(key),
                    Param::Text(fingerprint),
                    Param::Int(*id),
                    Param::Text(now),
                ]
            })
            .collect();
        tx.copy_in_rows(
            "idempotency_keys",
            &["key", "fingerprint", "payment_id", "created_at"],
            &rows,
        )?;
    }
    Ok(())
}

/// Writes an invoice import's staged invoices (src/ledger/batch_invoices.rs), their
/// `invoice.add` audit events and their import keys: a COPY per table. The invoices' row
/// triggers add their balance and open-set rows, as for `invoice add`.
pub(super) fn write_invoices(
    tx: &Tx,
    actor: &Actor,
    staged: &[super::batch_invoices::Staged],
) -> Result<()> {
    if staged.is_empty() {
        return Ok(());
    }
    let now = actor.now_text();
    let dates: Vec<(String, String)> = staged
        .iter()
        .map(|s| (format_timestamp(s.plan.date), format_timestamp(s.plan.due)))
        .collect();
    let rows: Vec<Vec<Param>> = staged
        .iter()
        .zip(&dates)
        .map(|(s, (date, due))| {
            let p = &s.plan;
            vec![
                Param::Int(p.id),
                Param::Text(&p.number),
                Param::Int(p.customer_id),
                Param::Text(p.currency.code()),
                Param::Int(p.total.minor()),
                Param::Text(date),
                Param::Text(due),
                Param::Text(now),
            ]
        })
        .collect();
    tx.copy_in_rows(
        "invoices",
        &[
            "id",
            "invoice_number",
            "customer_id",
            "currency",
            "total",
            "effective_at",
            "due_at",
            "created_at",
        ],
        &rows,
    )?;

    let details: Vec<String> = staged
        .iter()
        .map(|s| super::invoices::add_detail(&s.plan).to_string())
        .collect();
    let events: Vec<Event> = staged
        .iter()
        .zip(&details)
        .map(|(s, detail)| Event {
            action: "invoice.add",
            touched: Touched {
                entity: "invoice",
                entity_id: s.plan.id,
                customer_id: Some(s.plan.customer_id),
                payment_id: None,
            },
            detail,
        })
        .collect();
    copy_events(tx, actor, &events)?;

    let rows: Vec<Vec<Param>> = staged
        .iter()
        .map(|s| {
            vec![
                Param::Text(&s.key),
                Param::Text("invoice"),
                Param::Int(s.plan.id),
                Param::Text(now),
            ]
        })
        .collect();
    tx.copy_in_rows(
        "import_keys",
        &["key", "kind", "record_id", "created_at"],
        &rows,
    )?;
    Ok(())
}

fn opt_int(v: Option<i64>) -> Param<'static> {
    v.map_or(Param::Null, Param::Int)
}

fn opt_text(v: Option<&str>) -> Param<'_> {
    v.map_or(Param::Null, Param::Text)
}
