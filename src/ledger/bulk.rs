//! SQL for imports (keys that make re-imports add nothing) and exports (streamed rows).

use rusqlite::{params, OptionalExtension, Transaction};
use serde_json::{json, Map, Value};

use super::customers::stored_currency;
use super::SqlResult;
use crate::core::Money;
use crate::error::Result;

/// Prepares the per-run table that counts how often a row's content was seen in this file.
/// It is a TEMP table: on disk if large, gone with the connection, so memory stays flat.
/// `WITHOUT ROWID`: one B-tree keyed by the fingerprint, not a table and an index beside it.
pub fn begin_import(tx: &Transaction) -> Result<()> {
    tx.execute_batch("CREATE TEMP TABLE IF NOT EXISTS import_seen (fingerprint TEXT PRIMARY KEY, n INTEGER NOT NULL) STRICT, WITHOUT ROWID; DELETE FROM temp.import_seen;")
        .sql()
}

/// The occurrence number of `fingerprint` in this file so far: 0 the first time. Most rows
/// are seen once, so that case is one statement: `INSERT OR IGNORE` (not `INSERT … RETURNING`,
/// which builds an ephemeral table on every row).
pub fn occurrence(tx: &Transaction, fingerprint: &str) -> Result<i64> {
    let first = tx
        .prepare_cached("INSERT OR IGNORE INTO temp.import_seen (fingerprint, n) VALUES (?1, 0)")
        .sql()?
        .execute([fingerprint])
        .sql()?;
    if first == 1 {
        return Ok(0);
    }
    tx.prepare_cached("UPDATE temp.import_seen SET n = n + 1 WHERE fingerprint = ?1")
        .sql()?
        .execute([fingerprint])
        .sql()?;
    tx.prepare_cached("SELECT n FROM temp.import_seen WHERE fingerprint = ?1")
        .sql()?
        .query_row([fingerprint], |r| r.get(0))
        .sql()
}

pub fn import_key(tx: &Transaction, key: &str) -> Result<Option<i64>> {
    tx.prepare_cached("SELECT record_id FROM import_keys WHERE key = ?1")
        .sql()?
        .query_row([key], |r| r.get(0))
        .optional()
        .sql()
}

pub fn add_import_key(
    tx: &Transaction,
    key: &str,
    kind: &str,
    record_id: i64,
    now: &str,
) -> Result<()> {
    tx.prepare_cached(
        "INSERT INTO import_keys (key, kind, record_id, created_at) VALUES (?1, ?2, ?3, ?4)",
    )
    .sql()?
    .execute(params![key, kind, record_id, now])
    .sql()?;
    Ok(())
}

/// Streams every record of `kind` to `each`, as JSON objects whose keys are the import
/// columns, so that what export writes, import reads back.
pub fn export(
    tx: &Transaction,
    kind: &str,
    each: &mut dyn FnMut(Map<String, Value>) -> Result<()>,
) -> Result<()> {
    match kind {
        "payments" => export_payments(tx, each),
        "invoices" => {
            let mut stmt = tx
                .prepare(
                    "SELECT i.id, i.invoice_number, i.customer_id, i.currency, i.total, i.effective_at, i.due_at,
                            b.allocated, b.closed
                     FROM invoices i JOIN invoice_balances b ON b.invoice_id = i.id ORDER BY i.id",
                )
                .sql()?;
            let mut rows = stmt.query([]).sql()?;
            while let Some(r) = rows.next().sql()? {
                let currency = stored_currency(&r.get::<_, String>(3).sql()?).sql()?;
                let total: i64 = r.get(4).sql()?;
                let allocated: i64 = r.get(7).sql()?;
                let closure = super::invoices::closure_of(r.get(8).sql()?);
                let status = crate::core::invoice::derive_status(closure, allocated, total);
                let mut m = Map::new();
                m.insert("id".into(), json!(r.get::<_, i64>(0).sql()?));
                m.insert("invoiceNumber".into(), json!(r.get::<_, String>(1).sql()?));
                m.insert("customerId".into(), json!(r.get::<_, i64>(2).sql()?));
                m.insert("currency".into(), json!(currency.code()));
                m.insert(
                    "invoiceAmount".into(),
                    serde_json::to_value(Money::from_minor(total, currency)).unwrap_or(Value::Null),
                );
                m.insert(
                    "effectiveTimestamp".into(),
                    json!(r.get::<_, String>(5).sql()?),
                );
                m.insert("dueDate".into(), json!(r.get::<_, String>(6).sql()?));
                m.insert("status".into(), json!(status.as_str()));
                each(m)?;
            }
            Ok(())
        }
        "customers" => {
            let mut stmt = tx
                .prepare("SELECT id, name, email, currency, auto_allocate_order FROM customers ORDER BY id")
                .sql()?;
            let mut rows = stmt.query([]).sql()?;
            while let Some(r) = rows.next().sql()? {
                let mut m = Map::new();
                m.insert("id".into(), json!(r.get::<_, i64>(0).sql()?));
                m.insert("name".into(), json!(r.get::<_, String>(1).sql()?));
                m.insert("email".into(), json!(r.get::<_, Option<String>>(2).sql()?));
                m.insert("currency".into(), json!(r.get::<_, String>(3).sql()?));
                m.insert(
                    "autoAllocateOrder".into(),
                    json!(r.get::<_, String>(4).sql()?),
                );
                each(m)?;
            }
            Ok(())
        }
        "methods" => {
            let mut stmt = tx
                .prepare(
                    "SELECT m.id, m.customer_id, m.type, m.label, m.brand, m.last4, coalesce(c.default_method_id = m.id, 0)
                     FROM payment_methods m JOIN customers c ON c.id = m.customer_id ORDER BY m.id",
                )
                .sql()?;
            let mut rows = stmt.query([]).sql()?;
            while let Some(r) = rows.next().sql()? {
                let mut m = Map::new();
                m.insert("id".into(), json!(r.get::<_, i64>(0).sql()?));
                m.insert("customerId".into(), json!(r.get::<_, i64>(1).sql()?));
                m.insert("type".into(), json!(r.get::<_, String>(2).sql()?));
                for (i, name) in [(3, "label"), (4, "brand"), (5, "last4")] {
                    m.insert(name.into(), json!(r.get::<_, Option<String>>(i).sql()?));
                }
                m.insert("isDefault".into(), json!(r.get::<_, bool>(6).sql()?));
                each(m)?;
            }
            Ok(())
        }
        "write-offs" => {
            let mut stmt = tx
                .prepare(
                    "SELECT c.invoice_id, i.customer_id, c.amount, i.currency, c.reason, c.effective_at
                     FROM invoice_closures c JOIN invoices i ON i.id = c.invoice_id
                     WHERE c.kind = 'written_off' ORDER BY c.invoice_id",
                )
                .sql()?;
            let mut rows = stmt.query([]).sql()?;
            while let Some(r) = rows.next().sql()? {
                let currency = stored_currency(&r.get::<_, String>(3).sql()?).sql()?;
                let mut m = Map::new();
                m.insert("invoiceId".into(), json!(r.get::<_, i64>(0).sql()?));
                m.insert("customerId".into(), json!(r.get::<_, i64>(1).sql()?));
                m.insert(
                    "amount".into(),
                    serde_json::to_value(Money::from_minor(r.get(2).sql()?, currency))
                        .unwrap_or(Value::Null),
                );
                m.insert("currency".into(), json!(currency.code()));
                m.insert("reason".into(), json!(r.get::<_, String>(4).sql()?));
                m.insert(
                    "effectiveTimestamp".into(),
                    json!(r.get::<_, String>(5).sql()?),
                );
                each(m)?;
            }
            Ok(())
        }
        "allocations" => {
            let mut stmt = tx
                .prepare(
                    "SELECT a.payment_id, a.invoice_id, sum(a.amount), p.currency, min(a.effective_at)
                     FROM allocations a JOIN payments p ON p.id = a.payment_id
                     GROUP BY a.payment_id, a.invoice_id HAVING sum(a.amount) <> 0 ORDER BY a.payment_id, min(a.id)",
                )
                .sql()?;
            let mut rows = stmt.query([]).sql()?;
            while let Some(r) = rows.next().sql()? {
                let currency = stored_currency(&r.get::<_, String>(3).sql()?).sql()?;
                let mut m = Map::new();
                m.insert("paymentId".into(), json!(r.get::<_, i64>(0).sql()?));
                m.insert("invoiceId".into(), json!(r.get::<_, i64>(1).sql()?));
                m.insert(
                    "amount".into(),
                    serde_json::to_value(Money::from_minor(r.get(2).sql()?, currency))
                        .unwrap_or(Value::Null),
                );
                m.insert("currency".into(), json!(currency.code()));
                m.insert(
                    "effectiveTimestamp".into(),
                    json!(r.get::<_, String>(4).sql()?),
                );
                each(m)?;
            }
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
fn export_payments(
    tx: &Transaction,
    each: &mut dyn FnMut(Map<String, Value>) -> Result<()>,
) -> Result<()> {
    let mut stmt = tx
        .prepare(
            "SELECT p.id, p.customer_id, p.amount - b.refunded, p.currency, p.method, p.method_id, p.reference, p.source,
                    p.effective_at, min(p.gateway_fee, p.amount - b.refunded),
                    (SELECT group_concat(invoice_id || '=' || s, ';') FROM
                        (SELECT invoice_id, sum(amount) s FROM allocations WHERE payment_id = p.id
                         GROUP BY invoice_id HAVING sum(amount) <> 0 ORDER BY min(id)))
             FROM payments p JOIN payment_balances b ON b.payment_id = p.id
             WHERE b.voided = 0 AND b.settlement <> 'Failed' AND p.amount - b.refunded > 0
             ORDER BY p.id",
        )
        .sql()?;
    let mut rows = stmt.query([]).sql()?;
    while let Some(r) = rows.next().sql()? {
        let currency = stored_currency(&r.get::<_, String>(3).sql()?).sql()?;
        let money = |minor: i64| {
            serde_json::to_value(Money::from_minor(minor, currency)).unwrap_or(Value::Null)
        };
        let id: i64 = r.get(0).sql()?;
        let allocations: Option<String> = r.get(10).sql()?;
        let allocations: Vec<Value> = allocations
            .unwrap_or_default()
            .split(';')
            .filter_map(|part| part.split_once('='))
            .filter_map(|(inv, minor)| Some(json!({"invoiceId": inv.parse::<i64>().ok()?, "amount": money(minor.parse().ok()?)})))
            .collect();
        let mut m = Map::new();
        m.insert("customerId".into(), json!(r.get::<_, i64>(1).sql()?));
        m.insert("amount".into(), money(r.get(2).sql()?));
        m.insert("currency".into(), json!(currency.code()));
        m.insert("paymentMethod".into(), json!(r.get::<_, String>(4).sql()?));
        m.insert(
            "paymentMethodId".into(),
            json!(r.get::<_, Option<i64>>(5).sql()?),
        );
        m.insert(
            "reference".into(),
            json!(r.get::<_, Option<String>>(6).sql()?),
        );
        m.insert("source".into(), json!(r.get::<_, String>(7).sql()?));
        m.insert(
            "effectiveTimestamp".into(),
            json!(r.get::<_, String>(8).sql()?),
        );
        m.insert("gatewayFee".into(), money(r.get(9).sql()?));
        m.insert("paymentAllocations".into(), Value::Array(allocations));
        m.insert(
            "idempotencyKey".into(),
            json!(format!("export-payment-{id}")),
        );
        each(m)?;
    }
    Ok(())
}
