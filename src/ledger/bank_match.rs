//! The SQL of `bank match` and `bank apply` (SPEC §11): the facts the matcher reads, the
//! proposals it stores, and the event that marks a line applied.

use super::audit::{copy_events, Event, Touched};
use super::batch::next_id;
use super::customers::{stored_currency, stored_enum};
use super::db::Param;
use super::invoices::{closure_of, facts_row, FACTS};
use super::{Actor, Tx};
use crate::core::bank_match::{
    allocations_text, parse_allocations_text, CustomerFacts, InvoiceFacts, LineFacts, PayerSeen,
    Proposal, Reason,
};
use crate::core::views::InvoiceBalanceFacts;
use crate::core::{AllocationOrder, Currency};
use crate::error::{Error, Record, Result, StorageKind};
use crate::params;

/// A bank line as `bank apply` needs it, with what was decided about it.
#[derive(Clone, Debug)]
pub struct BankLine {
    pub facts: LineFacts,
    pub bank_ref: String,
    /// `applied` or `ignored`, when a decision was recorded.
    pub event: Option<String>,
    pub payment_id: Option<i64>,
}

/// A stored proposal: the newest of its line is the one `bank apply` takes.
#[derive(Clone, Debug)]
pub struct StoredProposal {
    pub run: i64,
    pub proposal: Proposal,
}

pub struct MatchFacts {
    pub lines: Vec<LineFacts>,
    pub invoices: Vec<InvoiceFacts>,
    pub customers: Vec<CustomerFacts>,
    pub history: Vec<PayerSeen>,
}

const LINE: &str =
    "SELECT l.id, l.booking_date, l.amount, l.currency, l.payer_name, l.payer_account,
           l.remittance, l.bank_ref, e.kind, e.payment_id
    FROM bank_lines l LEFT JOIN bank_line_events e ON e.line_id = l.id";

fn line_row(r: &super::Row) -> Result<BankLine> {
    Ok(BankLine {
        facts: LineFacts {
            id: r.get(0)?,
            booking_date: r.get(1)?,
            amount: r.get(2)?,
            currency: stored_currency(&r.get::<String>(3)?)?,
            payer_name: r.get(4)?,
            payer_account: r.get(5)?,
            remittance: r.get(6)?,
        },
        bank_ref: r.get(7)?,
        event: r.get(8)?,
        payment_id: r.get(9)?,
    })
}

/// Everything the matcher decides from, read in one transaction: the lines with no decision,
/// the open invoices, the customers, and who paid on earlier applied lines.
pub fn match_facts(tx: &Tx) -> Result<MatchFacts> {
    let lines = tx
        .query_map(
            &format!("{LINE} WHERE e.id IS NULL ORDER BY l.booking_date, l.id"),
            params![],
            line_row,
        )?
        .into_iter()
        .map(|l| l.facts)
        .collect();
    // The open invoices, then the invoices paid in full (not void, not written off), whose
    // numbers the matcher looks for only when a remittance names no open one.
    let open = tx.query_map(
        &format!("{FACTS} JOIN open_invoices o ON o.invoice_id = i.id ORDER BY i.id"),
        params![],
        facts_row,
    )?;
    // Only what the number search needs (a ledger holds far more paid invoices than open).
    // Paid: its allocations reach its total. Read from the balance cache joined by primary
    // key, one pass: `NOT EXISTS` over open_invoices, keyed by customer and due date, cost a
    // scan of it per invoice (2.7 s for 10,000 open invoices).
    let paid = tx.query_map(
        "SELECT i.id, i.invoice_number, i.customer_id, i.currency
         FROM invoices i JOIN invoice_balances b ON b.invoice_id = i.id
         WHERE b.closed IS NULL AND b.allocated >= i.total
         ORDER BY i.id",
        params![],
        |r| {
            Ok(InvoiceFacts {
                id: r.get(0)?,
                number: r.get(1)?,
                customer_id: r.get(2)?,
                currency: stored_currency(&r.get::<String>(3)?)?,
                outstanding: 0,
                due: chrono::DateTime::UNIX_EPOCH,
                date: chrono::DateTime::UNIX_EPOCH,
            })
        },
    )?;
    let invoices = open
        .into_iter()
        .filter(|i| i.outstanding > 0)
        .map(|i| InvoiceFacts {
            id: i.id,
            number: i.number,
            customer_id: i.customer_id,
            currency: i.currency,
            outstanding: i.outstanding,
            due: i.due,
            date: i.date,
        })
        .chain(paid)
        .collect();
    let customers = tx.query_map(
        "SELECT id, name, currency, auto_allocate_order FROM customers ORDER BY id",
        params![],
        |r| {
            Ok(CustomerFacts {
                id: r.get(0)?,
                name: r.get(1)?,
                currency: stored_currency(&r.get::<String>(2)?)?,
                order: stored_enum::<AllocationOrder>(&r.get::<String>(3)?)?,
            })
        },
    )?;
    let history = tx.query_map(
        "SELECT l.id, l.payer_name, l.payer_account, p.customer_id
         FROM bank_line_events e JOIN bank_lines l ON l.id = e.line_id
              JOIN payments p ON p.id = e.payment_id
         WHERE e.kind = 'applied' ORDER BY l.id",
        params![],
        |r| {
            Ok(PayerSeen {
                line_id: r.get(0)?,
                payer_name: r.get(1)?,
                payer_account: r.get(2)?,
                customer_id: r.get(3)?,
            })
        },
    )?;
    Ok(MatchFacts {
        lines,
        invoices,
        customers,
        history,
    })
}

/// The number the next `bank match` run stores its proposals under.
pub fn next_run(tx: &Tx) -> Result<i64> {
    tx.query_row(
        "SELECT coalesce(max(run), 0) + 1 FROM bank_proposals",
        params![],
        |r| r.get(0),
    )
}

/// Stores one run's proposals, and one audit event for the run.
pub fn store_proposals(tx: &Tx, actor: &Actor, run: i64, proposals: &[Proposal]) -> Result<()> {
    if tx.engine() == super::Engine::Postgres && !proposals.is_empty() {
        // One COPY, not a round trip per line; ids as an INSERT would give them, under the
        // write lock.
        let first: i64 = tx.query_row(
            "SELECT coalesce(max(id), 0) + 1 FROM bank_proposals",
            params![],
            |r| r.get(0),
        )?;
        let allocations: Vec<String> = proposals
            .iter()
            .map(|p| allocations_text(&p.allocations))
            .collect();
        let rows: Vec<Vec<Param>> = proposals
            .iter()
            .zip(&allocations)
            .zip(first..)
            .map(|((p, allocations), id)| {
                vec![
                    Param::Int(id),
                    Param::Int(p.line_id),
                    Param::Int(run),
                    p.customer_id.map_or(Param::Null, Param::Int),
                    Param::Text(p.reason.as_str()),
                    Param::Text(&p.detail),
                    Param::Text(allocations),
                    Param::Text(actor.now_text()),
                ]
            })
            .collect();
        tx.copy_in_rows(
            "bank_proposals",
            &[
                "id",
                "line_id",
                "run",
                "customer_id",
                "reason",
                "detail",
                "allocations",
                "created_at",
            ],
            &rows,
        )?;
    }
    let one_by_one: &[Proposal] = match tx.engine() {
        super::Engine::Postgres => &[],
        super::Engine::Sqlite => proposals,
    };
    for p in one_by_one {
        tx.execute(
            "INSERT INTO bank_proposals (line_id, run, customer_id, reason, detail, allocations, created_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
            params![
                p.line_id,
                run,
                p.customer_id,
                p.reason.as_str(),
                p.detail,
                allocations_text(&p.allocations),
                actor.now_text(),
            ],
        )?;
    }
    let suggested = proposals.iter().filter(|p| p.reason.is_match()).count();
    super::audit::record(
        tx,
        actor,
        "bank.match",
        super::audit::Touched {
            entity: "bank_match_run",
            entity_id: run,
            customer_id: None,
            payment_id: None,
        },
        &serde_json::json!({
            "run": run,
            "lines": proposals.len(),
            "suggested": suggested,
        }),
    )
}

/// Bank line `id`; not found is exit 3.
pub fn line(tx: &Tx, id: i64) -> Result<BankLine> {
    tx.query_opt(&format!("{LINE} WHERE l.id = ?1"), params![id], line_row)?
        .ok_or_else(|| Error::record_not_found(Record::BankLine, id))
}

fn proposal_row(r: &super::Row) -> Result<StoredProposal> {
    proposal_row_at(r, 0)
}

/// A proposal's six columns (line, run, customer, reason, detail, allocations) from column `at`.
fn proposal_row_at(r: &super::Row, at: usize) -> Result<StoredProposal> {
    let reason: String = r.get(at + 3)?;
    let allocations: String = r.get(at + 5)?;
    let bad = |what: &str| {
        Error::storage(StorageKind::BadValue {
            what: format!("a bank proposal with a bad {what}"),
        })
    };
    Ok(StoredProposal {
        run: r.get(at + 1)?,
        proposal: Proposal {
            line_id: r.get(at)?,
            customer_id: r.get(at + 2)?,
            reason: Reason::parse(&reason).ok_or_else(|| bad("reason"))?,
            detail: r.get(at + 4)?,
            allocations: parse_allocations_text(&allocations).ok_or_else(|| bad("allocations"))?,
        },
    })
}

const NEWEST: &str = "SELECT p.line_id, p.run, p.customer_id, p.reason, p.detail, p.allocations
    FROM bank_proposals p
    WHERE p.run = (SELECT max(q.run) FROM bank_proposals q WHERE q.line_id = p.line_id)";

/// The newest proposal for line `id`, if `bank match` has proposed anything for it.
pub fn newest_proposal(tx: &Tx, id: i64) -> Result<Option<StoredProposal>> {
    tx.query_opt(
        &format!("{NEWEST} AND p.line_id = ?1"),
        params![id],
        proposal_row,
    )
}

/// Every line with no decision whose newest proposal names a customer, by booking date, then
/// line id (the order `bank match` proposed them in): one statement for the lot.
pub fn suggested(tx: &Tx) -> Result<Vec<(BankLine, StoredProposal)>> {
    tx.query_map(
        "SELECT l.id, l.booking_date, l.amount, l.currency, l.payer_name, l.payer_account,
                l.remittance, l.bank_ref, NULL, NULL,
                p.line_id, p.run, p.customer_id, p.reason, p.detail, p.allocations
         FROM bank_proposals p JOIN bank_lines l ON l.id = p.line_id
         WHERE p.run = (SELECT max(q.run) FROM bank_proposals q WHERE q.line_id = p.line_id)
           AND p.customer_id IS NOT NULL
           AND p.reason <> 'ambiguous' AND p.reason <> 'none'
           AND NOT EXISTS (SELECT 1 FROM bank_line_events e WHERE e.line_id = l.id)
         ORDER BY l.booking_date, l.id",
        params![],
        |r| Ok((line_row(r)?, proposal_row_at(r, 10)?)),
    )
}

/// The payments written since allocation `mark`, each with the invoices it allocated to (in
/// the order of its first allocation to each) and their state now: one statement for a whole
/// `bank apply --suggested`, not one per payment.
pub fn touched_by_payment(
    tx: &Tx,
    mark: i64,
) -> Result<std::collections::BTreeMap<i64, Vec<(InvoiceBalanceFacts, Currency)>>> {
    let mut out: std::collections::BTreeMap<i64, Vec<(InvoiceBalanceFacts, Currency)>> =
        std::collections::BTreeMap::new();
    tx.for_each(
        "SELECT a.payment_id, a.invoice_id, i.invoice_number, CAST(sum(a.amount) AS BIGINT), i.total,
                b.allocated, b.closed, i.currency
         FROM allocations a
         JOIN invoices i ON i.id = a.invoice_id
         JOIN invoice_balances b ON b.invoice_id = i.id
         WHERE a.id > ?1 AND a.payment_id IS NOT NULL
         GROUP BY a.payment_id, a.invoice_id, i.invoice_number, i.total, b.allocated, b.closed, i.currency
         ORDER BY a.payment_id, min(a.id)",
        params![mark],
        |r| {
            let facts = InvoiceBalanceFacts {
                invoice_id: r.get(1)?,
                invoice_number: r.get(2)?,
                applied: r.get(3)?,
                total: r.get(4)?,
                allocated: r.get(5)?,
                closure: closure_of(r.get(6)?),
            };
            out.entry(r.get(0)?)
                .or_default()
                .push((facts, stored_currency(&r.get::<String>(7)?)?));
            Ok(())
        },
    )?;
    Ok(out)
}

/// [`record_applied`] for each of `applied` (line, payment, customer), in order: on PostgreSQL
/// one `COPY` for the events and one for their audit rows (each a round trip per line
/// otherwise; the row triggers still run), numbered from each table's largest id under the
/// write lock; on SQLite, where a statement costs no round trip, one by one.
pub fn record_applied_many(
    tx: &Tx,
    actor: &Actor,
    applied: &[(&BankLine, i64, i64)],
) -> Result<()> {
    if applied.is_empty() {
        return Ok(());
    }
    if tx.engine() != super::Engine::Postgres {
        for (line, payment_id, customer_id) in applied {
            record_applied(tx, actor, line, *payment_id, *customer_id)?;
        }
        return Ok(());
    }
    let now = actor.now_text();
    let first = next_id(tx, "bank_line_events")?;
    let rows: Vec<Vec<Param>> = applied
        .iter()
        .zip(first..)
        .map(|((line, payment_id, _), id)| {
            vec![
                Param::Int(id),
                Param::Int(line.facts.id),
                Param::Text("applied"),
                Param::Int(*payment_id),
                Param::Null,
                Param::Text(now),
            ]
        })
        .collect();
    tx.copy_in_rows(
        "bank_line_events",
        &[
            "id",
            "line_id",
            "kind",
            "payment_id",
            "reason",
            "created_at",
        ],
        &rows,
    )?;
    let details: Vec<String> = applied
        .iter()
        .map(|(line, payment_id, _)| {
            serde_json::json!({ "bankRef": line.bank_ref, "paymentId": payment_id }).to_string()
        })
        .collect();
    let events: Vec<Event> = applied
        .iter()
        .zip(&details)
        .map(|((line, payment_id, customer_id), detail)| Event {
            action: "bank.apply",
            touched: Touched {
                entity: "bank_line",
                entity_id: line.facts.id,
                customer_id: Some(*customer_id),
                payment_id: Some(*payment_id),
            },
            detail,
        })
        .collect();
    copy_events(tx, actor, &events)?;
    Ok(())
}

/// Marks line `id` applied as payment `payment_id`, with an audit event.
pub fn record_applied(
    tx: &Tx,
    actor: &Actor,
    line: &BankLine,
    payment_id: i64,
    customer_id: i64,
) -> Result<()> {
    tx.execute(
        "INSERT INTO bank_line_events (line_id, kind, payment_id, reason, created_at)
         VALUES (?1, 'applied', ?2, NULL, ?3)",
        params![line.facts.id, payment_id, actor.now_text()],
    )?;
    super::audit::record(
        tx,
        actor,
        "bank.apply",
        super::audit::Touched {
            entity: "bank_line",
            entity_id: line.facts.id,
            customer_id: Some(customer_id),
            payment_id: Some(payment_id),
        },
        &serde_json::json!({ "bankRef": line.bank_ref, "paymentId": payment_id }),
    )
}
