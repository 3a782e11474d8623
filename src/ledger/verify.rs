//! `payctl verify`: SQLite's own checks, then every invariant recomputed from the raw rows.

use super::{Engine, Row, Tx};
use crate::params;
use rusqlite::ErrorCode;

use super::SqlResult;
use crate::core::Currency;
use crate::error::Result;

/// Each query returns one text per broken record; an empty result means the invariant holds.
const CHECKS: &[(&str, &str)] = &[
    (
        "payment balances match their rows",
        "SELECT 'payment ' || p.id || ': cached allocated ' || b.allocated || ' / refunded ' || b.refunded
                || ' / written off ' || b.written_off
                || ' (minor units) but its rows say ' || coalesce(a.s, 0) || ' / ' || coalesce(r.s, 0) || ' / ' || coalesce(w.s, 0)
         FROM payments p JOIN payment_balances b ON b.payment_id = p.id
         LEFT JOIN (SELECT payment_id, sum(amount) s FROM allocations GROUP BY payment_id) a ON a.payment_id = p.id
         LEFT JOIN (SELECT payment_id, sum(amount) s FROM refunds GROUP BY payment_id) r ON r.payment_id = p.id
         LEFT JOIN (SELECT payment_id, sum(amount) s FROM credit_write_off_parts GROUP BY payment_id) w ON w.payment_id = p.id
         WHERE b.allocated <> coalesce(a.s, 0) OR b.refunded <> coalesce(r.s, 0) OR b.written_off <> coalesce(w.s, 0)",
    ),
    (
        "no payment spends more than its amount",
        "SELECT 'payment ' || p.id || ': amount ' || p.amount || ' < allocated ' || coalesce(a.s, 0)
                || ' + refunded ' || coalesce(r.s, 0) || ' + credit written off ' || coalesce(w.s, 0) || ' (minor units)'
         FROM payments p
         LEFT JOIN (SELECT payment_id, sum(amount) s FROM allocations GROUP BY payment_id) a ON a.payment_id = p.id
         LEFT JOIN (SELECT payment_id, sum(amount) s FROM refunds GROUP BY payment_id) r ON r.payment_id = p.id
         LEFT JOIN (SELECT payment_id, sum(amount) s FROM credit_write_off_parts GROUP BY payment_id) w ON w.payment_id = p.id
         WHERE coalesce(a.s, 0) < 0 OR coalesce(a.s, 0) + coalesce(r.s, 0) + coalesce(w.s, 0) > p.amount
            OR p.amount <= 0 OR p.gateway_fee < 0 OR p.gateway_fee > p.amount",
    ),
    (
        "no payment has a negative allocation on an invoice",
        "SELECT 'payment ' || payment_id || ' on invoice ' || invoice_id || ': net allocation ' || sum(amount) || ' is negative'
         FROM allocations GROUP BY payment_id, invoice_id HAVING sum(amount) < 0",
    ),
    (
        "invoice balances match their rows",
        "SELECT 'invoice ' || i.id || ': cached allocated ' || b.allocated || ' but its rows say ' || coalesce(a.s, 0)
                || '; cached closure ' || coalesce(b.closed, 'none') || ' but its rows say ' || coalesce(c.kind, 'none')
                || '; cached adjustments ' || b.adjusted || ' but its rows say ' || coalesce(d.s, 0)
         FROM invoices i JOIN invoice_balances b ON b.invoice_id = i.id
         LEFT JOIN (SELECT invoice_id, sum(amount) s FROM allocations GROUP BY invoice_id) a ON a.invoice_id = i.id
         LEFT JOIN invoice_closures c ON c.invoice_id = i.id
         LEFT JOIN (SELECT invoice_id, sum(CASE WHEN kind = 'debit_note' THEN amount ELSE -amount END) s FROM invoice_adjustments GROUP BY invoice_id) d ON d.invoice_id = i.id
         WHERE b.allocated <> coalesce(a.s, 0) OR coalesce(b.closed, '') <> coalesce(c.kind, '')
            OR b.written_off <> coalesce(c.amount, 0) OR b.adjusted <> coalesce(d.s, 0)",
    ),
    (
        "invoice balances carry their invoice's customer, currency, total and dates",
        "SELECT 'invoice ' || i.id || ': its balance row says customer ' || coalesce(CAST(b.customer_id AS TEXT), 'none')
                || ', ' || coalesce(b.currency, 'none') || ' ' || coalesce(CAST(b.total AS TEXT), 'none')
                || ', dated ' || coalesce(b.effective_at, 'none') || ', due ' || coalesce(b.due_at, 'none')
                || ' but the invoice says customer ' || i.customer_id || ', ' || i.currency || ' ' || i.total
                || ', dated ' || i.effective_at || ', due ' || i.due_at
         FROM invoices i JOIN invoice_balances b ON b.invoice_id = i.id
         WHERE coalesce(b.customer_id <> i.customer_id OR b.currency <> i.currency OR b.total <> i.total
                        OR b.effective_at <> i.effective_at OR b.due_at <> i.due_at, TRUE)",
    ),
    (
        "the open invoices cache holds exactly the open invoices",
        "SELECT 'invoice ' || i.id || CASE WHEN o.invoice_id IS NULL THEN ': open but missing from the open invoices cache'
                                          ELSE ': closed or paid but listed as open' END
         FROM invoices i
         LEFT JOIN (SELECT invoice_id, sum(amount) s FROM allocations GROUP BY invoice_id) a ON a.invoice_id = i.id
         LEFT JOIN invoice_closures c ON c.invoice_id = i.id
         LEFT JOIN (SELECT invoice_id, sum(CASE WHEN kind = 'debit_note' THEN amount ELSE -amount END) s FROM invoice_adjustments GROUP BY invoice_id) d ON d.invoice_id = i.id
         LEFT JOIN open_invoices o ON o.invoice_id = i.id AND o.customer_id = i.customer_id
                                  AND o.due_at = i.due_at AND o.effective_at = i.effective_at
         WHERE (c.invoice_id IS NULL AND coalesce(a.s, 0) < i.total + coalesce(d.s, 0)) <> (o.invoice_id IS NOT NULL)
         UNION ALL
         SELECT 'invoice ' || o.invoice_id || ': listed as open under customer ' || o.customer_id || ' with other dates than the invoice'
         FROM open_invoices o LEFT JOIN invoices i ON i.id = o.invoice_id AND i.customer_id = o.customer_id
                                                 AND i.due_at = o.due_at AND i.effective_at = o.effective_at
         WHERE i.id IS NULL",
    ),
    (
        "no invoice is allocated past its total",
        "SELECT 'invoice ' || i.id || ': allocated ' || coalesce(a.s, 0) || ' + written off ' || coalesce(c.amount, 0)
                || ' is outside 0..total ' || i.total || ' + adjustments ' || coalesce(d.s, 0) || ' (minor units)'
         FROM invoices i
         LEFT JOIN (SELECT invoice_id, sum(amount) s FROM allocations GROUP BY invoice_id) a ON a.invoice_id = i.id
         LEFT JOIN invoice_closures c ON c.invoice_id = i.id
         LEFT JOIN (SELECT invoice_id, sum(CASE WHEN kind = 'debit_note' THEN amount ELSE -amount END) s FROM invoice_adjustments GROUP BY invoice_id) d ON d.invoice_id = i.id
         WHERE i.total <= 0 OR coalesce(a.s, 0) < 0 OR i.total + coalesce(d.s, 0) < 0
            OR coalesce(a.s, 0) + coalesce(c.amount, 0) > i.total + coalesce(d.s, 0)",
    ),
    (
        "void invoices have nothing allocated",
        "SELECT 'invoice ' || c.invoice_id || ': void but ' || sum(a.amount) || ' is allocated'
         FROM invoice_closures c JOIN allocations a ON a.invoice_id = c.invoice_id
         WHERE c.kind = 'void' GROUP BY c.invoice_id HAVING sum(a.amount) <> 0",
    ),
    (
        "payment status matches its events",
        "SELECT 'payment ' || p.id || ': cached settlement ' || b.settlement || ' / voided ' || b.voided
                || ' but its events say ' || coalesce(e.last_settle, p.initial_settlement) || ' / ' || coalesce(e.voided, 0)
         FROM payments p JOIN payment_balances b ON b.payment_id = p.id
         LEFT JOIN (SELECT payment_id,
                       (SELECT CASE kind WHEN 'settled' THEN 'Successful' ELSE 'Failed' END FROM payment_events x
                         WHERE x.payment_id = pe.payment_id AND kind IN ('settled', 'failed') ORDER BY id DESC LIMIT 1) last_settle,
                       max(CASE WHEN kind = 'voided' THEN 1 ELSE 0 END) voided
                    FROM payment_events pe GROUP BY payment_id) e ON e.payment_id = p.id
         WHERE b.settlement <> coalesce(e.last_settle, p.initial_settlement) OR b.voided <> coalesce(e.voided, 0)",
    ),
    (
        "bounced and void payments have nothing allocated",
        "SELECT 'payment ' || p.id || ': ' || CASE WHEN b.voided = 1 THEN 'void' ELSE 'failed settlement' END
                || ' but ' || b.allocated || ' is still allocated'
         FROM payments p JOIN payment_balances b ON b.payment_id = p.id
         WHERE (b.voided = 1 OR b.settlement = 'Failed') AND b.allocated <> 0",
    ),
    (
        "allocations join a payment and an invoice of one customer and currency",
        "SELECT 'allocation ' || a.id || ': payment ' || p.id || ' (customer ' || p.customer_id || ', ' || p.currency
                || ') and invoice ' || i.id || ' (customer ' || i.customer_id || ', ' || i.currency || ') differ'
         FROM allocations a JOIN payments p ON p.id = a.payment_id JOIN invoices i ON i.id = a.invoice_id
         WHERE p.customer_id <> i.customer_id OR p.currency <> i.currency",
    ),
    (
        "every payment has its Collect activity",
        "SELECT 'payment ' || p.id || ': ' || count(a.id) || ' Collect activities, expected 1'
         FROM payments p LEFT JOIN activities a ON a.payment_id = p.id AND a.transaction_type = 'Collect'
         GROUP BY p.id HAVING count(a.id) <> 1",
    ),
    (
        "each currency's ledger total matches its invoices and payments",
        // The same sum the migration that made the table does (high and low 32 bits apart, so
        // that an over-full ledger is named here rather than failing the sum), capped at 2^63 - 1.
        "WITH rows AS (SELECT currency, total AS amount FROM invoices
                       UNION ALL SELECT currency, amount FROM payments
                       UNION ALL SELECT i.currency, x.amount FROM invoice_adjustments x JOIN invoices i ON i.id = x.invoice_id
                                 WHERE x.kind = 'debit_note'),
              sums AS (SELECT currency, CAST(sum(amount >> 32) AS BIGINT) AS hi, CAST(sum(amount & 4294967295) AS BIGINT) AS lo
                       FROM rows GROUP BY currency),
              actual AS (SELECT currency,
                                CASE WHEN hi + (lo >> 32) >= 2147483648 THEN 9223372036854775807
                                     ELSE ((hi + (lo >> 32)) << 32) + (lo & 4294967295) END AS total
                         FROM sums)
         SELECT 'currency ' || a.currency || ': ledger total ' || coalesce(CAST(t.total AS TEXT), 'missing')
                || ' but its invoices and payments add up to ' || a.total || ' (minor units)'
         FROM actual a LEFT JOIN currency_totals t ON t.currency = a.currency
         WHERE t.total IS NULL OR t.total <> a.total
         UNION ALL
         SELECT 'currency ' || t.currency || ': ledger total ' || t.total || ' but it has no invoices or payments'
         FROM currency_totals t WHERE t.total <> 0 AND t.currency NOT IN (SELECT currency FROM actual)",
    ),
    (
        "each credit write-off is the sum of its parts, of its customer's payments in its currency",
        "SELECT 'credit write-off ' || w.id || ': amount ' || w.amount || ' but its parts add up to ' || coalesce(t.s, 0) || ' (minor units)'
         FROM credit_write_offs w
         LEFT JOIN (SELECT write_off_id, sum(amount) s FROM credit_write_off_parts GROUP BY write_off_id) t ON t.write_off_id = w.id
         WHERE w.amount <> coalesce(t.s, 0)
         UNION ALL
         SELECT 'credit write-off ' || w.id || ': part ' || x.id || ' takes from payment ' || p.id || ' of customer '
                || p.customer_id || ' in ' || p.currency || ', not customer ' || w.customer_id || ' in ' || w.currency
         FROM credit_write_off_parts x JOIN credit_write_offs w ON w.id = x.write_off_id JOIN payments p ON p.id = x.payment_id
         WHERE p.customer_id <> w.customer_id OR p.currency <> w.currency",
    ),
    (
        "invoice adjustments are positive",
        "SELECT 'invoice adjustment ' || x.id || ' of invoice ' || x.invoice_id || ': amount ' || x.amount || ' is not positive'
         FROM invoice_adjustments x WHERE x.amount <= 0",
    ),
    (
        "every refund has its Refund activity",
        "SELECT 'refund ' || r.id || ': ' || count(a.id) || ' Refund activities, expected 1'
         FROM refunds r LEFT JOIN activities a ON a.refund_id = r.id AND a.transaction_type = 'Refund'
         GROUP BY r.id HAVING count(a.id) <> 1",
    ),
    (
        "each applied bank line has its payment, of its amount",
        "SELECT 'bank line ' || l.id || ': applied to payment ' || coalesce(CAST(e.payment_id AS TEXT), 'none')
                || CASE WHEN p.id IS NULL THEN ', which does not exist'
                        ELSE ' of ' || p.amount || ' ' || p.currency || ' but the line is ' || l.amount || ' ' || l.currency || ' (minor units)' END
         FROM bank_line_events e JOIN bank_lines l ON l.id = e.line_id
         LEFT JOIN payments p ON p.id = e.payment_id
         WHERE e.kind = 'applied' AND (p.id IS NULL OR p.amount <> l.amount OR p.currency <> l.currency)",
    ),
    (
        "each bank line is in its statement's currency",
        "SELECT 'bank line ' || l.id || ': currency ' || l.currency || ' but its statement ' || s.id || ' is in ' || s.currency
         FROM bank_lines l JOIN bank_statements s ON s.id = l.statement_id
         WHERE l.currency <> s.currency",
    ),
];

pub struct Report {
    pub checked: Vec<String>,
    pub problems: Vec<String>,
    pub counts: Vec<(String, i64)>,
    /// What is not a broken record but puts the ledger at risk (a PostgreSQL server with
    /// fsync off): printed on stderr, exit 0.
    pub warnings: Vec<String>,
}

/// Runs a query and returns its rows. A corrupt page is a finding, not a failure of verify: it
/// comes back as the message after the rows read before it, so verify can name it (SQLite's
/// `integrity_check` reports the broken pages, then stops with "database disk image is
/// malformed"). Any other error is the usual storage error.
fn rows_until_corrupt<T>(
    tx: &Tx,
    sql: &str,
    mut f: impl FnMut(&Row) -> Result<T>,
) -> Result<(Vec<T>, Option<String>)> {
    let Some(sqlite) = tx.as_sqlite() else {
        return Ok((tx.query_map(sql, params![], f)?, None));
    };
    let mut out = Vec::new();
    let mut failed = None;
    let found = (|| -> rusqlite::Result<()> {
        let mut stmt = sqlite.prepare(sql)?;
        let mut rows = stmt.query([])?;
        while let Some(row) = rows.next()? {
            match f(&Row::Sqlite(row)) {
                Ok(value) => out.push(value),
                Err(e) => {
                    failed = Some(e);
                    break;
                }
            }
        }
        Ok(())
    })();
    if let Some(e) = failed {
        return Err(e);
    }
    match found {
        Ok(()) => Ok((out, None)),
        Err(e) if e.sqlite_error_code() == Some(ErrorCode::DatabaseCorrupt) => {
            Ok((out, Some(e.to_string())))
        }
        Err(e) => Err(e).sql(),
    }
}

pub fn run(tx: &Tx) -> Result<Report> {
    let mut problems = Vec::new();
    let mut checked = Vec::new();
    // Once a page is known to be corrupt, the rest cannot be read reliably: report what was
    // found so far, naming the corruption.
    let stop = |mut problems: Vec<String>, what: &str, message: String| {
        problems.push(format!("{what}: {message}"));
        Ok(Report {
            checked: Vec::new(),
            problems,
            counts: Vec::new(),
            warnings: Vec::new(),
        })
    };
    // SQLite's own checks of its file; a PostgreSQL server checks its pages itself (and
    // enforces foreign keys on every write), and what verify can check there is that the server
    // keeps what it commits: a warning on stderr, so that the report itself, like every other
    // output, is the same on both engines (SPEC §8).
    let sqlite = tx.engine() == Engine::Sqlite;
    let warnings = match sqlite {
        true => Vec::new(),
        false => durability_warnings(tx)?,
    };
    let (integrity, corrupt) = match sqlite {
        true => rows_until_corrupt(tx, "PRAGMA integrity_check", |r| r.get::<String>(0))?,
        false => (vec!["ok".to_string()], None),
    };
    if integrity != ["ok"] {
        // One line per problem: a row can hold several lines ("*** in database main ***").
        problems.extend(
            integrity
                .iter()
                .flat_map(|row| row.lines())
                .map(|line| format!("integrity_check: {line}")),
        );
    }
    if let Some(message) = corrupt {
        return stop(problems, "integrity_check", message);
    }
    let fk_sql = match sqlite {
        true => "PRAGMA foreign_key_check",
        // PostgreSQL enforces foreign keys on every write, with no way to turn them off.
        false => "SELECT 'x', 0, 'x' WHERE false",
    };
    let (fk, corrupt) = rows_until_corrupt(tx, fk_sql, |r| {
        Ok(format!(
            "foreign_key_check: {} row {} refers to a missing {} row",
            r.get::<String>(0)?,
            r.get::<Option<i64>>(1)?
                .map_or("?".to_string(), |id| id.to_string()),
            r.get::<String>(2)?
        ))
    })?;
    problems.extend(fk);
    if let Some(message) = corrupt {
        return stop(problems, "foreign_key_check", message);
    }
    for (name, sql) in CHECKS {
        let (found, corrupt) = rows_until_corrupt(tx, sql, |r| r.get::<String>(0))?;
        problems.extend(found);
        if let Some(message) = corrupt {
            return stop(problems, name, message);
        }
        checked.push((*name).to_string());
    }
    let (currencies, corrupt) = rows_until_corrupt(
        tx,
        "SELECT 'customer', id, currency FROM customers UNION ALL SELECT 'invoice', id, currency FROM invoices
         UNION ALL SELECT 'payment', id, currency FROM payments",
        |r| Ok((r.get::<String>(0)?, r.get::<i64>(1)?, r.get::<String>(2)?)),
    )?;
    if let Some(message) = corrupt {
        return stop(problems, "every currency is ISO 4217", message);
    }
    for (kind, id, code) in currencies {
        if Currency::from_code(&code).is_none() {
            problems.push(format!("{kind} {id}: currency {code:?} is not ISO 4217"));
        }
    }
    checked.push("every currency is ISO 4217".to_string());
    // A ledger written before numbers were unique per customer (schema 5) may hold one number
    // twice: reported, not failed, as nothing in it is wrong money; a reference by that number
    // is refused as ambiguous until one is renumbered.
    let mut warnings = warnings;
    for (customer, number, ids) in super::invoices::duplicate_numbers(tx)? {
        warnings.push(format!(
            "customer {customer} has invoice number '{}' on more than one invoice ({ids}); invoice numbers are unique per customer, and a reference by this number is ambiguous: name these invoices by id",
            crate::core::text::excerpt(&number)
        ));
    }
    let mut counts = Vec::new();
    for table in super::COUNTED_TABLES {
        let n: i64 = tx.query_row(&format!("SELECT count(*) FROM {table}"), params![], |r| {
            r.get(0)
        })?;
        counts.push((table.to_string(), n));
    }
    Ok(Report {
        checked,
        problems,
        counts,
        warnings,
    })
}

/// The PostgreSQL server's settings that decide whether a committed payment survives a crash
/// of its machine, one warning for each that is off (SPEC §8). Each is read as the server
/// gives it to a session that does not set it (`reset_val`): payctl's own sessions set
/// `synchronous_commit = on`, but every other client of the database gets the server's.
fn durability_warnings(tx: &Tx) -> Result<Vec<String>> {
    let settings: Vec<(String, String)> = tx.query_map(
        "SELECT name, reset_val FROM pg_settings
         WHERE name IN ('fsync', 'full_page_writes', 'synchronous_commit') ORDER BY name",
        params![],
        |r| Ok((r.get::<String>(0)?, r.get::<String>(1)?)),
    )?;
    Ok(settings
        .into_iter()
        .filter(|(_, value)| value == "off")
        .map(|(name, _)| {
            let risk = match name.as_str() {
                "fsync" => "a crash of the server's machine can lose committed payments or corrupt the whole database",
                "full_page_writes" => "a crash during a write can leave torn pages the server cannot repair",
                _ => "payctl's own sessions turn it on, but a crash can lose the last commits of every other client of the database",
            };
            format!(
                "the PostgreSQL server runs with {name}=off: {risk}; set {name} = on in postgresql.conf and reload the server (SELECT pg_reload_conf())"
            )
        })
        .collect())
}
