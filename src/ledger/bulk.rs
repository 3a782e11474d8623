//! SQL for imports (keys that make re-imports add nothing) and exports (streamed rows).

use super::{Engine, Tx};
use crate::params;
use serde_json::{json, Map, Value};

use super::customers::stored_currency;
use crate::core::Money;
use crate::error::Result;

/// Prepares the per-run table that counts how often a row's content was seen in this file.
/// It is a TEMP table: on disk if large, gone with the connection, so memory stays flat.
/// `WITHOUT ROWID`: one B-tree keyed by the fingerprint, not a table and an index beside it.
pub fn begin_import(tx: &Tx) -> Result<()> {
    tx.execute_batch(match tx.engine() {
        Engine::Sqlite => "CREATE TEMP TABLE IF NOT EXISTS import_seen (fingerprint TEXT PRIMARY KEY, n INTEGER NOT NULL) STRICT, WITHOUT ROWID; DELETE FROM temp.import_seen;",
        Engine::Postgres => "CREATE TEMP TABLE IF NOT EXISTS import_seen (fingerprint TEXT PRIMARY KEY, n BIGINT NOT NULL); DELETE FROM import_seen;",
    })
}

/// The ledger's tables this transaction has written so far (rows inserted, updated or
/// deleted, by payctl or by the schema's triggers), schema-qualified as `ANALYZE` names them:
/// what [`super::Ledger::refresh_statistics`] brings up to date after an import, instead of
/// every table. PostgreSQL counts them per transaction (`pg_stat_xact_user_tables`); the
/// ledger's schema is the one its `payments` table is in. Best effort, as the refresh is: read
/// in a savepoint, so that a server which refuses the statistics views (or keeps no counts,
/// `track_counts = off`) costs the import nothing; the list is then empty and the refresh
/// analyzes every table. On SQLite, which keeps no statistics to refresh, empty.
pub fn written_tables(tx: &Tx) -> Result<Vec<String>> {
    if tx.engine() == Engine::Sqlite {
        return Ok(Vec::new());
    }
    tx.savepoint_start()?;
    let read = tx.query_map(
        "SELECT quote_ident(s.schemaname) || '.' || quote_ident(s.relname)
         FROM pg_stat_xact_user_tables s
         WHERE s.n_tup_ins + s.n_tup_upd + s.n_tup_del > 0
           AND s.schemaname = (SELECT n.nspname FROM pg_class c
                               JOIN pg_namespace n ON n.oid = c.relnamespace
                               WHERE c.oid = to_regclass('payments'))
         ORDER BY 1",
        params![],
        |r| r.get(0),
    );
    match read {
        Ok(tables) => {
            tx.savepoint_release()?;
            Ok(tables)
        }
        // Whatever the server said, the transaction goes on (a savepoint that cannot be
        // rolled back to is the connection's failure, and is the import's).
        Err(_) => {
            tx.savepoint_rollback()?;
            Ok(Vec::new())
        }
    }
}

/// The occurrence number of `fingerprint` in this file so far: 0 the first time. Most rows
/// are seen once, so that case is one statement: `INSERT OR IGNORE` (not `INSERT … RETURNING`,
/// which builds an ephemeral table on every row).
pub fn occurrence(tx: &Tx, fingerprint: &str) -> Result<i64> {
    let first = tx.execute(
        "INSERT INTO import_seen (fingerprint, n) VALUES (?1, 0) ON CONFLICT DO NOTHING",
        params![fingerprint],
    )?;
    if first == 1 {
        return Ok(0);
    }
    tx.execute(
        "UPDATE import_seen SET n = n + 1 WHERE fingerprint = ?1",
        params![fingerprint],
    )?;
    tx.query_row(
        "SELECT n FROM import_seen WHERE fingerprint = ?1",
        params![fingerprint],
        |r| r.get(0),
    )
}

pub fn import_key(tx: &Tx, key: &str) -> Result<Option<i64>> {
    tx.query_opt(
        "SELECT record_id FROM import_keys WHERE key = ?1",
        params![key],
        |r| r.get(0),
    )
}

/// The records stored under those of `keys` (1 to [`super::invoices::IN_LIST`] of them) that
/// the ledger has, in one statement (as [`import_key`] for one): an invoice import's read ahead.
pub fn import_keys_many(tx: &Tx, keys: &[String]) -> Result<Vec<(String, i64)>> {
    super::invoices::query_in_list(
        tx,
        "SELECT key, record_id FROM import_keys WHERE key IN ({list})",
        keys,
        |r| Ok((r.get(0)?, r.get(1)?)),
    )
}

pub fn add_import_key(tx: &Tx, key: &str, kind: &str, record_id: i64, now: &str) -> Result<()> {
    tx.execute(
        "INSERT INTO import_keys (key, kind, record_id, created_at) VALUES (?1, ?2, ?3, ?4)",
        params![key, kind, record_id, now],
    )?;
    Ok(())
}

/// Streams every record of `kind` to `each`, as JSON objects whose keys are the import
/// columns, so that what export writes, import reads back.
pub fn export(
    tx: &Tx,
    kind: &str,
    each: &mut dyn FnMut(Map<String, Value>) -> Result<()>,
) -> Result<()> {
    match kind {
        "payments" => export_payments(tx, each),
        "invoices" => {
            tx.for_each("SELECT i.id, i.invoice_number, i.customer_id, i.currency, i.total, i.effective_at, i.due_at,
                            b.allocated, b.closed, b.adjusted
                     FROM invoices i JOIN invoice_balances b ON b.invoice_id = i.id ORDER BY i.id", params![], |r| {
                let currency = stored_currency(&r.get::<String>(3)?)?;
                let total: i64 = r.get(4)?;
                let allocated: i64 = r.get(7)?;
                let closure = super::invoices::closure_of(r.get(8)?);
                let adjusted: i64 = r.get(9)?;
                let status = crate::core::invoice::derive_status(closure, allocated, total + adjusted);
                let mut m = Map::new();
                m.insert("id".into(), json!(r.get::<i64>(0)?));
                m.insert("invoiceNumber".into(), json!(r.get::<String>(1)?));
                m.insert("customerId".into(), json!(r.get::<i64>(2)?));
                m.insert("currency".into(), json!(currency.code()));
                m.insert(
                    "invoiceAmount".into(),
                    serde_json::to_value(Money::from_minor(total, currency)).unwrap_or(Value::Null),
                );
                m.insert(
                    "effectiveTimestamp".into(),
                    json!(r.get::<String>(5)?),
                );
                m.insert("dueDate".into(), json!(r.get::<String>(6)?));
                m.insert("status".into(), json!(status.as_str()));
                each(m)?;
                Ok(())
            })?;
            Ok(())
        }
        "customers" => {
            tx.for_each(
                "SELECT id, name, email, currency, auto_allocate_order FROM customers ORDER BY id",
                params![],
                |r| {
                    let mut m = Map::new();
                    m.insert("id".into(), json!(r.get::<i64>(0)?));
                    m.insert("name".into(), json!(r.get::<String>(1)?));
                    m.insert("email".into(), json!(r.get::<Option<String>>(2)?));
                    m.insert("currency".into(), json!(r.get::<String>(3)?));
                    m.insert("autoAllocateOrder".into(), json!(r.get::<String>(4)?));
                    each(m)?;
                    Ok(())
                },
            )?;
            Ok(())
        }
        "methods" => {
            tx.for_each("SELECT m.id, m.customer_id, m.type, m.label, m.brand, m.last4, CASE WHEN c.default_method_id = m.id THEN 1 ELSE 0 END
                     FROM payment_methods m JOIN customers c ON c.id = m.customer_id ORDER BY m.id", params![], |r| {
                let mut m = Map::new();
                m.insert("id".into(), json!(r.get::<i64>(0)?));
                m.insert("customerId".into(), json!(r.get::<i64>(1)?));
                m.insert("type".into(), json!(r.get::<String>(2)?));
                for (i, name) in [(3, "label"), (4, "brand"), (5, "last4")] {
                    m.insert(name.into(), json!(r.get::<Option<String>>(i)?));
                }
                m.insert("isDefault".into(), json!(r.get::<bool>(6)?));
                each(m)?;
                Ok(())
            })?;
            Ok(())
        }
        "write-offs" => {
            tx.for_each(
                "SELECT c.invoice_id, i.customer_id, c.amount, i.currency, c.reason, c.effective_at
                     FROM invoice_closures c JOIN invoices i ON i.id = c.invoice_id
                     WHERE c.kind = 'written_off' ORDER BY c.invoice_id",
                params![],
                |r| {
                    let currency = stored_currency(&r.get::<String>(3)?)?;
                    let mut m = Map::new();
                    m.insert("invoiceId".into(), json!(r.get::<i64>(0)?));
                    m.insert("customerId".into(), json!(r.get::<i64>(1)?));
                    m.insert(
                        "amount".into(),
                        serde_json::to_value(Money::from_minor(r.get(2)?, currency))
                            .unwrap_or(Value::Null),
                    );
                    m.insert("currency".into(), json!(currency.code()));
                    m.insert("reason".into(), json!(r.get::<String>(4)?));
                    m.insert("effectiveTimestamp".into(), json!(r.get::<String>(5)?));
                    each(m)?;
                    Ok(())
                },
            )?;
            Ok(())
        }
        "adjustments" => {
            tx.for_each(
                "SELECT x.id, x.invoice_id, i.customer_id, x.kind, x.amount, i.currency, x.reason, x.effective_at
                     FROM invoice_adjustments x JOIN invoices i ON i.id = x.invoice_id ORDER BY x.id",
                params![],
                |r| {
                    let currency = stored_currency(&r.get::<String>(5)?)?;
                    let mut m = Map::new();
                    m.insert("id".into(), json!(r.get::<i64>(0)?));
                    m.insert("invoiceId".into(), json!(r.get::<i64>(1)?));
                    m.insert("customerId".into(), json!(r.get::<i64>(2)?));
                    m.insert("kind".into(), json!(r.get::<String>(3)?));
                    m.insert(
                        "amount".into(),
                        serde_json::to_value(Money::from_minor(r.get(4)?, currency))
                            .unwrap_or(Value::Null),
                    );
                    m.insert("currency".into(), json!(currency.code()));
                    m.insert("reason".into(), json!(r.get::<String>(6)?));
                    m.insert("effectiveTimestamp".into(), json!(r.get::<String>(7)?));
                    each(m)?;
                    Ok(())
                },
            )?;
            Ok(())
        }
        "credit-write-offs" => {
            tx.for_each(
                "SELECT w.id, w.customer_id, w.amount, w.currency, w.reason, w.effective_at,
                        (SELECT string_agg(CAST(x.payment_id AS TEXT) || '=' || CAST(x.amount AS TEXT), ';')
                           FROM credit_write_off_parts x WHERE x.write_off_id = w.id)
                     FROM credit_write_offs w ORDER BY w.id",
                params![],
                |r| {
                    let currency = stored_currency(&r.get::<String>(3)?)?;
                    let parts: Option<String> = r.get(6)?;
                    // Each part's minor units as an amount of the currency.
                    let parts = parts
                        .unwrap_or_default()
                        .split(';')
                        .filter(|p| !p.is_empty())
                        .map(|p| match p.split_once('=') {
                            Some((payment, minor)) => format!(
                                "{payment}={}",
                                minor
                                    .parse::<i64>()
                                    .map(|m| Money::from_minor(m, currency).to_string())
                                    .unwrap_or_else(|_| minor.to_string())
                            ),
                            None => p.to_string(),
                        })
                        .collect::<Vec<_>>()
                        .join(";");
                    let mut m = Map::new();
                    m.insert("id".into(), json!(r.get::<i64>(0)?));
                    m.insert("customerId".into(), json!(r.get::<i64>(1)?));
                    m.insert(
                        "amount".into(),
                        serde_json::to_value(Money::from_minor(r.get(2)?, currency))
                            .unwrap_or(Value::Null),
                    );
                    m.insert("currency".into(), json!(currency.code()));
                    m.insert("reason".into(), json!(r.get::<String>(4)?));
                    m.insert("effectiveTimestamp".into(), json!(r.get::<String>(5)?));
                    m.insert("payments".into(), json!(parts));
                    each(m)?;
                    Ok(())
                },
            )?;
            Ok(())
        }
        "allocations" => {
            tx.for_each("SELECT a.payment_id, a.invoice_id, CAST(sum(a.amount) AS BIGINT), p.currency, min(a.effective_at)
                     FROM allocations a JOIN payments p ON p.id = a.payment_id
                     GROUP BY a.payment_id, a.invoice_id, p.currency HAVING sum(a.amount) <> 0 ORDER BY a.payment_id, min(a.id)", params![], |r| {
                let currency = stored_currency(&r.get::<String>(3)?)?;
                let mut m = Map::new();
                m.insert("paymentId".into(), json!(r.get::<i64>(0)?));
                m.insert("invoiceId".into(), json!(r.get::<i64>(1)?));
                m.insert(
                    "amount".into(),
                    serde_json::to_value(Money::from_minor(r.get(2)?, currency))
                        .unwrap_or(Value::Null),
                );
                m.insert("currency".into(), json!(currency.code()));
                m.insert(
                    "effectiveTimestamp".into(),
                    json!(r.get::<String>(4)?),
                );
                each(m)?;
                Ok(())
            })?;
            Ok(())
        }
        _ => {
            let list = super::activities::list(tx, &Default::default())?;
            for a in list {
                if let Value::Object(m) = serde_json::to_value(&a).unwrap_or(Value::Null) {
                    each(m)?;
                }
            }
            Ok(())
        }
    }
}

/// Payments as Create Payment rows holding what each payment counts for now: its amount net of
/// refunds and its net allocations. Void and bounced payments, and fully refunded ones, count
/// for nothing and are left out, so an import of the export gives the same balances.
fn export_payments(tx: &Tx, each: &mut dyn FnMut(Map<String, Value>) -> Result<()>) -> Result<()> {
    tx.for_each("SELECT p.id, p.customer_id, p.amount - b.refunded, p.currency, p.method, p.method_id, p.reference, p.source,
                    p.effective_at,
                    CASE WHEN p.gateway_fee < p.amount - b.refunded THEN p.gateway_fee ELSE p.amount - b.refunded END,
                    (SELECT string_agg(invoice_id || '=' || s, ';' ORDER BY first) FROM
                        (SELECT invoice_id, sum(amount) s, min(id) first FROM allocations WHERE payment_id = p.id
                         GROUP BY invoice_id HAVING sum(amount) <> 0) t)
             FROM payments p JOIN payment_balances b ON b.payment_id = p.id
             WHERE b.voided = 0 AND b.settlement <> 'Failed' AND p.amount - b.refunded > 0
             ORDER BY p.id", params![], |r| {
        let currency = stored_currency(&r.get::<String>(3)?)?;
        let money = |minor: i64| {
            serde_json::to_value(Money::from_minor(minor, currency)).unwrap_or(Value::Null)
        };
        let id: i64 = r.get(0)?;
        let allocations: Option<String> = r.get(10)?;
        let allocations: Vec<Value> = allocations
            .unwrap_or_default()
            .split(';')
            .filter_map(|part| part.split_once('='))
            .filter_map(|(inv, minor)| Some(json!({"invoiceId": inv.parse::<i64>().ok()?, "amount": money(minor.parse().ok()?)})))
            .collect();
        let mut m = Map::new();
        m.insert("customerId".into(), json!(r.get::<i64>(1)?));
        m.insert("amount".into(), money(r.get(2)?));
        m.insert("currency".into(), json!(currency.code()));
        m.insert("paymentMethod".into(), json!(r.get::<String>(4)?));
        m.insert(
            "paymentMethodId".into(),
            json!(r.get::<Option<i64>>(5)?),
        );
        m.insert(
            "reference".into(),
            json!(r.get::<Option<String>>(6)?),
        );
        m.insert("source".into(), json!(r.get::<String>(7)?));
        m.insert(
            "effectiveTimestamp".into(),
            json!(r.get::<String>(8)?),
        );
        m.insert("gatewayFee".into(), money(r.get(9)?));
        m.insert("paymentAllocations".into(), Value::Array(allocations));
        m.insert(
            "idempotencyKey".into(),
            json!(format!("export-payment-{id}")),
        );
        each(m)?;
        Ok(())
    })?;
    Ok(())
}
