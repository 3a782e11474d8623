//! Bank statements, their credit lines, the lines' events and `bank match`'s proposals
//! (migration 006). Reads and appends only: every row here is append-only, and a line's status
//! is derived ([`LineStatus::derive`]).

use rustc_hash::FxHashSet;

use super::customers::stored_currency;
use super::db::{Engine, Param, ToParam};
use super::invoices::{query_in_list, IN_LIST};
use super::Tx;
use crate::core::bank::{
    BankFormat, BankLineView, BankProposalView, BankStatementView, LineStatus, NewBankLine,
    NewBankProposal, NewBankStatement,
};
use crate::core::Money;
use crate::error::{Error, Record, Result, StorageKind};
use crate::params;

/// Appends a statement; returns its id.
pub fn insert_statement(tx: &Tx, s: &NewBankStatement, now: &str) -> Result<i64> {
    tx.insert(
        "INSERT INTO bank_statements (format, account, statement_ref, currency, opening, closing,
             opening_date, closing_date, credit_count, credit_total, debit_count, debit_total,
             file_name, created_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14)",
        params![
            s.format.as_str(),
            s.account,
            s.statement_ref,
            s.currency.code(),
            s.opening,
            s.closing,
            s.opening_date,
            s.closing_date,
            s.credit_count,
            s.credit_total,
            s.debit_count,
            s.debit_total,
            s.file_name,
            now
        ],
    )
}

/// Rows per multi-row `INSERT` of bank lines on SQLite (11 values each: far below SQLite's
/// limit of 32,766 placeholders). One statement text per chunk size, prepared once.
const INSERT_CHUNK: usize = 100;

const LINE_COLUMNS: [&str; 12] = [
    "id",
    "statement_id",
    "bank_ref",
    "line_no",
    "booking_date",
    "value_date",
    "amount",
    "currency",
    "payer_name",
    "payer_account",
    "remittance",
    "created_at",
];

/// Appends the credit lines of statement `statement_id`, numbered from the table's largest id
/// plus one in the order given (the ids one `INSERT` a line would give: the write lock keeps
/// every other writer out). SQLite: multi-row `INSERT`s of [`INSERT_CHUNK`] lines; PostgreSQL:
/// one `COPY` (its row triggers still refuse a bad row, as for an `INSERT`). Returns the
/// first id, or `None` when `lines` is empty.
pub fn insert_lines(
    tx: &Tx,
    statement_id: i64,
    lines: &[&NewBankLine],
    now: &str,
) -> Result<Option<i64>> {
    if lines.is_empty() {
        return Ok(None);
    }
    let first: i64 = tx.query_row(
        "SELECT coalesce(max(id), 0) + 1 FROM bank_lines",
        params![],
        |r| r.get(0),
    )?;
    let rows: Vec<Vec<Param>> = lines
        .iter()
        .zip(first..)
        .map(|(l, id)| {
            vec![
                Param::Int(id),
                Param::Int(statement_id),
                Param::Text(&l.bank_ref),
                Param::Int(l.line_no),
                Param::Text(&l.booking_date),
                opt_text(&l.value_date),
                Param::Int(l.amount.minor()),
                Param::Text(l.amount.currency().code()),
                opt_text(&l.payer_name),
                opt_text(&l.payer_account),
                opt_text(&l.remittance),
                Param::Text(now),
            ]
        })
        .collect();
    if tx.engine() == Engine::Postgres {
        tx.copy_in_rows("bank_lines", &LINE_COLUMNS, &rows)?;
        return Ok(Some(first));
    }
    for chunk in rows.chunks(INSERT_CHUNK) {
        let values = (0..chunk.len())
            .map(|r| {
                let base = r * LINE_COLUMNS.len();
                let marks: Vec<String> = (1..=LINE_COLUMNS.len())
                    .map(|c| format!("?{}", base + c))
                    .collect();
                format!("({})", marks.join(", "))
            })
            .collect::<Vec<_>>()
            .join(", ");
        let sql = format!(
            "INSERT INTO bank_lines ({}) VALUES {values}",
            LINE_COLUMNS.join(", ")
        );
        let params: Vec<&dyn ToParam> = chunk.iter().flatten().map(|p| p as &dyn ToParam).collect();
        tx.execute(&sql, &params)?;
    }
    Ok(Some(first))
}

fn opt_text(v: &Option<String>) -> Param<'_> {
    v.as_deref().map_or(Param::Null, Param::Text)
}

/// Which of `refs` are already the bank_ref of a stored line: one statement per
/// [`IN_LIST`] refs, not one per line.
pub fn existing_refs(tx: &Tx, refs: &[&str]) -> Result<FxHashSet<String>> {
    let mut found = FxHashSet::default();
    for chunk in refs.chunks(IN_LIST) {
        found.extend(query_in_list(
            tx,
            "SELECT bank_ref FROM bank_lines WHERE bank_ref IN ({list})",
            chunk,
            |r| r.get::<String>(0),
        )?);
    }
    Ok(found)
}

/// The id of a stored statement of `account` with the bank's id `statement_ref`, if any.
pub fn find_statement(tx: &Tx, account: &str, statement_ref: &str) -> Result<Option<i64>> {
    tx.query_opt(
        "SELECT min(id) FROM bank_statements WHERE account = ?1 AND statement_ref = ?2 HAVING count(*) > 0",
        params![account, statement_ref],
        |r| r.get(0),
    )
}

/// Appends what became of a line: `applied` with its payment, or `ignored` with a reason.
/// The schema allows one event per line.
pub fn insert_event(
    tx: &Tx,
    line_id: i64,
    kind: LineStatus,
    payment_id: Option<i64>,
    reason: Option<&str>,
    now: &str,
) -> Result<i64> {
    let kind = match kind {
        LineStatus::Applied => "applied",
        LineStatus::Ignored => "ignored",
        other => {
            return Err(Error::storage(StorageKind::BadValue {
                what: format!(
                    "a bank line event that is neither applied nor ignored ({})",
                    other.as_str()
                ),
            }))
        }
    };
    tx.insert(
        "INSERT INTO bank_line_events (line_id, kind, payment_id, reason, created_at)
         VALUES (?1, ?2, ?3, ?4, ?5)",
        params![line_id, kind, payment_id, reason, now],
    )
}

/// The number of the next `bank match` run.
pub fn next_run(tx: &Tx) -> Result<i64> {
    tx.query_row(
        "SELECT coalesce(max(run), 0) + 1 FROM bank_proposals",
        params![],
        |r| r.get(0),
    )
}

/// Appends one proposal of a `bank match` run.
pub fn insert_proposal(tx: &Tx, p: &NewBankProposal, now: &str) -> Result<i64> {
    tx.insert(
        "INSERT INTO bank_proposals (line_id, run, customer_id, reason, detail, allocations, created_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
        params![
            p.line_id,
            p.run,
            p.customer_id,
            p.reason,
            p.detail,
            p.allocations,
            now
        ],
    )
}

/// Which lines [`lines`] returns.
#[derive(Clone, Debug, Default)]
pub struct LineFilter {
    pub status: Option<LineStatus>,
    pub statement: Option<i64>,
    pub line: Option<i64>,
}

const LINE_SELECT: &str =
    "SELECT l.id, l.statement_id, l.bank_ref, l.line_no, l.booking_date, l.value_date,
        l.amount, l.currency, l.payer_name, l.payer_account, l.remittance, l.created_at,
        e.kind, e.payment_id, e.reason, e.created_at,
        p.id, p.run, p.customer_id, p.reason, p.detail, p.allocations, p.created_at
    FROM bank_lines l
    LEFT JOIN bank_line_events e ON e.line_id = l.id
    LEFT JOIN bank_proposals p ON p.id = (SELECT q.id FROM bank_proposals q WHERE q.line_id = l.id
                                          ORDER BY q.run DESC, q.id DESC LIMIT 1)
    WHERE (CAST(?1 AS BIGINT) IS NULL OR l.statement_id = ?1)
      AND (CAST(?2 AS BIGINT) IS NULL OR l.id = ?2)
    ORDER BY l.id";

fn line_view(r: &super::Row) -> Result<BankLineView> {
    let currency = stored_currency(&r.get::<String>(7)?)?;
    let event: Option<String> = r.get(12)?;
    let proposal = match r.get::<Option<i64>>(16)? {
        Some(id) => Some(BankProposalView {
            id,
            run: r.get(17)?,
            customer_id: r.get(18)?,
            reason: r.get(19)?,
            detail: r.get(20)?,
            allocations: r.get(21)?,
            created_at: r.get(22)?,
        }),
        None => None,
    };
    let status = LineStatus::derive(
        event.as_deref(),
        proposal
            .as_ref()
            .map(|p| (p.customer_id, p.reason.as_str())),
    );
    Ok(BankLineView {
        id: r.get(0)?,
        statement_id: r.get(1)?,
        bank_ref: r.get(2)?,
        line_no: r.get(3)?,
        booking_date: r.get(4)?,
        value_date: r.get(5)?,
        amount: Money::from_minor(r.get(6)?, currency),
        currency,
        payer_name: r.get(8)?,
        payer_account: r.get(9)?,
        remittance: r.get(10)?,
        created_at: r.get(11)?,
        payment_id: r.get(13)?,
        ignored_reason: if status == LineStatus::Ignored {
            r.get(14)?
        } else {
            None
        },
        event_at: r.get(15)?,
        status,
        proposal,
    })
}

/// The lines `filter` picks, in id order, each with its derived status, its event and its
/// newest proposal. A statement that does not exist is not found (exit 3).
pub fn lines(tx: &Tx, filter: &LineFilter) -> Result<Vec<BankLineView>> {
    if let Some(id) = filter.statement {
        statement(tx, id)?;
    }
    let mut out = Vec::new();
    tx.for_each(LINE_SELECT, params![filter.statement, filter.line], |r| {
        let view = line_view(r)?;
        if filter.status.is_none_or(|s| s == view.status) {
            out.push(view);
        }
        Ok(())
    })?;
    Ok(out)
}

/// One line (not found: exit 3).
pub fn line(tx: &Tx, id: i64) -> Result<BankLineView> {
    lines(
        tx,
        &LineFilter {
            line: Some(id),
            ..LineFilter::default()
        },
    )?
    .into_iter()
    .next()
    .ok_or_else(|| Error::record_not_found(Record::BankLine, id))
}

const STATEMENT_SELECT: &str =
    "SELECT id, format, account, statement_ref, currency, opening, closing,
        opening_date, closing_date, credit_count, credit_total, debit_count, debit_total,
        file_name, created_at
    FROM bank_statements WHERE (CAST(?1 AS BIGINT) IS NULL OR id = ?1) ORDER BY id";

fn statement_view(r: &super::Row) -> Result<BankStatementView> {
    let currency = stored_currency(&r.get::<String>(4)?)?;
    let format: String = r.get(1)?;
    let format = BankFormat::from_stored(&format).ok_or_else(|| {
        Error::storage(StorageKind::BadValue {
            what: format!("a bank statement of an unknown format {format:?}"),
        })
    })?;
    let money = |v: Option<i64>| v.map(|m| Money::from_minor(m, currency));
    Ok(BankStatementView {
        id: r.get(0)?,
        format: format.as_str(),
        account: r.get(2)?,
        statement_ref: r.get(3)?,
        currency,
        opening: money(r.get(5)?),
        closing: money(r.get(6)?),
        opening_date: r.get(7)?,
        closing_date: r.get(8)?,
        credit_count: r.get(9)?,
        credit_total: Money::from_minor(r.get(10)?, currency),
        debit_count: r.get(11)?,
        debit_total: Money::from_minor(r.get(12)?, currency),
        file_name: r.get(13)?,
        created_at: r.get(14)?,
    })
}

/// Every statement, or the one `id` names (not found: exit 3), in id order.
pub fn statements(tx: &Tx, id: Option<i64>) -> Result<Vec<BankStatementView>> {
    let out = tx.query_map(STATEMENT_SELECT, params![id], statement_view)?;
    match id {
        Some(id) if out.is_empty() => Err(Error::record_not_found(Record::BankStatement, id)),
        _ => Ok(out),
    }
}

/// One statement (not found: exit 3).
pub fn statement(tx: &Tx, id: i64) -> Result<BankStatementView> {
    statements(tx, Some(id))?
        .into_iter()
        .next()
        .ok_or_else(|| Error::record_not_found(Record::BankStatement, id))
}
