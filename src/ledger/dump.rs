//! A canonical logical dump of a ledger: every payctl table's rows in primary-key order, one
//! line per row (`table: col=value, ...`), so that tests compare what a ledger holds without
//! knowing the engine (no `sqlite_schema`, no rowid but the id itself). Issue 17 item 6.

use super::db::Cell;
use super::{open_read_only, LedgerConfig};
use crate::error::Result;
use crate::params;

/// payctl's tables and the order their rows are dumped in: the primary key.
const TABLES: &[(&str, &str)] = &[
    ("customers", "id"),
    ("payment_methods", "id"),
    ("invoices", "id"),
    ("invoice_closures", "invoice_id"),
    ("payments", "id"),
    ("payment_events", "id"),
    ("refunds", "id"),
    ("allocations", "id"),
    ("activities", "id"),
    ("idempotency_keys", "key"),
    ("import_keys", "key"),
    ("audit_events", "id"),
    ("period_events", "id"),
    ("invoice_balances", "invoice_id"),
    ("payment_balances", "payment_id"),
    (
        "open_invoices",
        "customer_id, due_at, effective_at, invoice_id",
    ),
    ("currency_totals", "currency"),
    ("bank_statements", "id"),
    ("bank_lines", "id"),
    ("bank_line_events", "id"),
    ("bank_proposals", "id"),
    ("invoice_adjustments", "id"),
    ("credit_write_offs", "id"),
    ("credit_write_off_parts", "id"),
];

/// Columns only one engine has, left out so that the same ledger dumps the same on both:
/// PostgreSQL's `audit_events.db_user` (the database user, set by the server).
const ENGINE_ONLY: &[&str] = &["db_user"];

/// The dump of the ledger `config` names, read through one consistent snapshot.
pub fn dump(config: &LedgerConfig) -> Result<String> {
    let mut ledger = open_read_only(config)?;
    ledger.read(|tx| {
        let mut out = String::new();
        for (table, order) in TABLES {
            out.push_str(&format!("## {table}\n"));
            let sql = format!("SELECT * FROM {table} ORDER BY {order}");
            tx.for_each(&sql, params![], |row| {
                let mut cells = Vec::new();
                for i in 0..row.len() {
                    let name = row.column_name(i).unwrap_or("?");
                    if !ENGINE_ONLY.contains(&name) {
                        cells.push(format!("{name}={}", value_text(row.cell(i)?)));
                    }
                }
                out.push_str(&format!("{table}: {}\n", cells.join(", ")));
                Ok(())
            })?;
        }
        Ok(out)
    })
}

/// A value as engine-neutral text: integers in decimal, text quoted, blobs in hex.
fn value_text(value: Cell) -> String {
    match value {
        Cell::Null => "NULL".to_string(),
        Cell::Int(v) => v.to_string(),
        Cell::Text(t) => format!("{t:?}"),
        Cell::Blob(b) => format!(
            "x'{}'",
            b.iter().map(|x| format!("{x:02x}")).collect::<String>()
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dump_of_a_new_ledger_lists_every_table_and_no_rows() {
        let dir = tempfile::tempdir().unwrap();
        let config = LedgerConfig::new(dir.path().join("ledger.db"));
        drop(super::super::open(&config).unwrap());
        let text = dump(&config).unwrap();
        for (table, _) in TABLES {
            assert!(text.contains(&format!("## {table}\n")), "{table} missing");
        }
        assert!(!text.contains(": "), "a new ledger has no rows: {text}");
        assert_eq!(text, dump(&config).unwrap(), "the dump is stable");
    }
}
