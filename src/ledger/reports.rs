//! The reports' reads: aging sums (from the balance caches, or aggregated from dated rows for a
//! point in time), balances per customer, and every row of one customer's account. Read only.
//!
//! Aging reads each open invoice once and sums in Rust: SQLite's GROUP BY over a million
//! invoices sorts them (about a second here), a plain scan takes a tenth of that.

use super::db::Cell;
use super::{Row, Tx};
use crate::params;

use super::customers::stored_currency;
use crate::core::adjustment::AdjustmentKind;
use crate::core::dates::{format_timestamp, parse_stored};
use crate::core::report::{
    outstanding_at, AgeBasis, AgingBook, AsOf, Bucket, ClosureKind, CustomerName, Dated,
    DayBuckets, Happening, InvoiceSums, PaymentEventKind,
};
use crate::core::Currency;
use crate::error::{Error, Result, StorageKind};

/// Currency codes read from the ledger, looked up once each.
#[derive(Default)]
struct Currencies(Vec<(String, Currency)>);

impl Currencies {
    fn get(&mut self, code: &str) -> Result<Currency> {
        if let Some((_, c)) = self.0.iter().find(|(k, _)| k == code) {
            return Ok(*c);
        }
        let c = stored_currency(code)?;
        self.0.push((code.to_string(), c));
        Ok(c)
    }
}

fn text<'r>(row: &'r Row, i: usize) -> Result<&'r str> {
    match row.cell(i)? {
        Cell::Text(t) => Ok(t),
        other => Err(Error::storage(StorageKind::BadValue {
            what: format!("{other:?} where text belongs (column {i})"),
        })),
    }
}

fn overflow() -> Error {
    Error::storage(StorageKind::Overflow)
}

/// The schema from which each invoice's balance row carries the invoice's customer, currency,
/// total and dates (migration 10), so that aging reads one table.
const BALANCE_FACTS_SCHEMA: i64 = 10;

/// The stored column an invoice is aged from.
fn reference_column(basis: AgeBasis) -> &'static str {
    match basis {
        AgeBasis::Due => "due_at",
        AgeBasis::Invoice => "effective_at",
    }
}

/// Every customer, or the one named (exit 3 when it does not exist).
pub fn customer_names(tx: &Tx, only: Option<i64>) -> Result<Vec<CustomerName>> {
    let names = tx.query_map(
        "SELECT id, name, currency FROM customers WHERE CAST(?1 AS BIGINT) IS NULL OR id = ?1 ORDER BY id",
        params![only],
        |r| {
            Ok(CustomerName {
                id: r.get(0)?,
                name: r.get(1)?,
                currency: stored_currency(text(r, 2)?)?,
            })
        },
    )?;
    match only {
        Some(id) if names.is_empty() => Err(super::customers::not_found(id)),
        _ => Ok(names),
    }
}

/// Aging of the ledger as it stands (the same balances as `customer show` and `invoice
/// list`), aged to `on`: read from the trigger-kept invoice balance cache.
pub fn aging_current(
    tx: &Tx,
    basis: AgeBasis,
    on: chrono::NaiveDate,
    customer: Option<i64>,
) -> Result<AgingBook> {
    let column = reference_column(basis);
    // The whole ledger is read from the balances alone, which carry their invoice's facts
    // since schema 10 (a row without them is read, and fails on its missing currency rather
    // than being left out). One customer's invoices are found by the invoices' customer index.
    let sql = if customer.is_none() && tx.schema_version()? >= BALANCE_FACTS_SCHEMA {
        format!(
            "SELECT customer_id, currency, {column}, total + adjusted - allocated
             FROM invoice_balances
             WHERE CAST(?1 AS BIGINT) IS NULL AND closed IS NULL
               AND (total IS NULL OR allocated < total + adjusted)"
        )
    } else {
        let filter = if customer.is_some() {
            "i.customer_id = ?1 AND"
        } else {
            "CAST(?1 AS BIGINT) IS NULL AND"
        };
        format!(
            "SELECT i.customer_id, i.currency, i.{column}, i.total + b.adjusted - b.allocated
             FROM invoices i JOIN invoice_balances b ON b.invoice_id = i.id
             WHERE {filter} b.closed IS NULL AND b.allocated < i.total + b.adjusted"
        )
    };
    let days = DayBuckets::new(on);
    let mut currencies = Currencies::default();
    let mut book = AgingBook::default();
    tx.for_each(&sql, params![customer], |r| {
        let currency = currencies.get(text(r, 1)?)?;
        let bucket = days.bucket(text(r, 2)?);
        book.add(r.get(0)?, currency, bucket, r.get(3)?)
            .map_err(|_| overflow())?;
        Ok(())
    })?;
    Ok(book)
}

/// Aging at a point in time: invoices dated before `as_of.end`, less the allocations dated
/// before it, and not closed by then.
pub fn aging_at(
    tx: &Tx,
    basis: AgeBasis,
    as_of: &AsOf,
    customer: Option<i64>,
) -> Result<AgingBook> {
    let end = format_timestamp(as_of.end);
    // Money applied to each invoice by then, and the invoices closed by then, both in invoice
    // order: the invoices are read in that order too, and merged with them in one pass. sum()
    // raises on integer overflow.
    let applied_sql = if customer.is_some() {
        "SELECT a.invoice_id, CAST(sum(a.amount) AS BIGINT) FROM invoices i JOIN allocations a ON a.invoice_id = i.id
         WHERE i.customer_id = ?2 AND a.effective_at < ?1 GROUP BY a.invoice_id ORDER BY a.invoice_id"
    } else {
        "SELECT invoice_id, CAST(sum(amount) AS BIGINT) FROM allocations
         WHERE effective_at < ?1 AND CAST(?2 AS BIGINT) IS NULL GROUP BY invoice_id ORDER BY invoice_id"
    };
    let applied: Vec<(i64, i64)> = tx.query_map(applied_sql, params![end, customer], |r| {
        Ok((r.get(0)?, r.get(1)?))
    })?;
    let closed: Vec<i64> = tx.query_map(
        "SELECT invoice_id FROM invoice_closures WHERE effective_at < ?1 ORDER BY invoice_id",
        params![end],
        |r| r.get(0),
    )?;
    // Credit notes, debit notes and partial write-offs dated by then, net, in invoice order: one
    // dated after the as-of moment does not count yet.
    let adjusted: Vec<(i64, i64)> = tx.query_map(
        "SELECT invoice_id, CAST(sum(CASE WHEN kind = 'debit_note' THEN amount ELSE -amount END) AS BIGINT)
         FROM invoice_adjustments WHERE effective_at < ?1 GROUP BY invoice_id ORDER BY invoice_id",
        params![end],
        |r| Ok((r.get(0)?, r.get(1)?)),
    )?;
    let mut applied = applied.into_iter().peekable();
    let mut closed = closed.into_iter().peekable();
    let mut adjusted = adjusted.into_iter().peekable();
    let column = reference_column(basis);
    let filter = if customer.is_some() {
        "customer_id = ?2 AND"
    } else {
        "CAST(?2 AS BIGINT) IS NULL AND"
    };
    let sql = format!(
        "SELECT id, customer_id, currency, {column}, total FROM invoices
         WHERE {filter} effective_at < ?1 ORDER BY id"
    );
    let days = DayBuckets::new(as_of.day);
    let mut currencies = Currencies::default();
    let mut book = AgingBook::default();
    tx.for_each(&sql, params![end, customer], |r| {
        let id: i64 = r.get(0)?;
        let mut paid = 0;
        while let Some(&(invoice, sum)) = applied.peek() {
            if invoice > id {
                break;
            }
            if invoice == id {
                paid = sum;
            }
            applied.next();
        }
        let mut is_closed = false;
        while let Some(&invoice) = closed.peek() {
            if invoice > id {
                break;
            }
            is_closed |= invoice == id;
            closed.next();
        }
        let mut change = 0;
        while let Some(&(invoice, sum)) = adjusted.peek() {
            if invoice > id {
                break;
            }
            if invoice == id {
                change = sum;
            }
            adjusted.next();
        }
        let total: i64 = r.get(4)?;
        let owed = total.checked_add(change).ok_or_else(overflow)?;
        let open = outstanding_at(owed, paid, true, is_closed);
        if open == 0 {
            return Ok(());
        }
        let currency = currencies.get(text(r, 2)?)?;
        let bucket = days.bucket(text(r, 3)?);
        book.add(r.get(1)?, currency, bucket, open)
            .map_err(|_| overflow())?;
        Ok(())
    })?;
    Ok(book)
}

/// Per customer and currency: invoice sums (see [`InvoiceSums::add`]; `overdue` counts what
/// is owed on invoices due before `today`), and the unapplied funds of the payments that still
/// count (not void, not bounced).
pub type BalanceFacts = (Vec<(i64, Currency, InvoiceSums)>, Vec<(i64, Currency, i64)>);

pub fn balance_facts(tx: &Tx, today: chrono::NaiveDate) -> Result<BalanceFacts> {
    let days = DayBuckets::new(today);
    let mut currencies = Currencies::default();
    let mut by_customer: rustc_hash::FxHashMap<(i64, &'static str), (Currency, InvoiceSums)> =
        Default::default();
    tx.for_each(
        "SELECT i.customer_id, i.currency, i.total + b.adjusted + coalesce(w.s, 0), b.allocated, b.closed,
                b.written_off + coalesce(w.s, 0), i.due_at
             FROM invoices i JOIN invoice_balances b ON b.invoice_id = i.id
             LEFT JOIN (SELECT invoice_id, CAST(sum(amount) AS BIGINT) s FROM invoice_adjustments
                        WHERE kind = 'write_off' GROUP BY invoice_id) w ON w.invoice_id = i.id",
        params![],
        |r| {
            let currency = currencies.get(text(r, 1)?)?;
            let past_due = days.bucket(text(r, 6)?) != Bucket::Current;
            by_customer
                .entry((r.get(0)?, currency.code()))
                .or_insert((currency, InvoiceSums::default()))
                .1
                .add(
                    r.get(2)?,
                    r.get(3)?,
                    super::invoices::closure_of(r.get(4)?),
                    r.get(5)?,
                    past_due,
                )
                .map_err(|_| overflow())?;
            Ok(())
        },
    )?;
    let sums = by_customer
        .into_iter()
        .map(|((customer, _), (currency, s))| (customer, currency, s))
        .collect();
    // sum() raises on integer overflow; the groups are few.
    let mut funds = Vec::new();
    tx.for_each(
        "SELECT p.customer_id, p.currency, CAST(sum(p.amount - b.allocated - b.refunded - b.written_off) AS BIGINT)
         FROM payments p JOIN payment_balances b ON b.payment_id = p.id
         WHERE b.voided = 0 AND b.settlement <> 'Failed'
         GROUP BY p.customer_id, p.currency",
        params![],
        |r| {
            funds.push((r.get(0)?, currencies.get(text(r, 1)?)?, r.get(2)?));
            Ok(())
        },
    )?;
    Ok((sums, funds))
}

fn stamp(row: &Row, i: usize) -> Result<chrono::DateTime<chrono::Utc>> {
    let t = text(row, i)?;
    parse_stored(t).map_err(|_| {
        Error::storage(StorageKind::BadValue {
            what: format!("a bad timestamp {t:?}"),
        })
    })
}

fn optional_text(row: &Row, i: usize) -> Result<Option<String>> {
    Ok(match row.cell(i)? {
        Cell::Null => None,
        _ => Some(text(row, i)?.to_string()),
    })
}

/// Every row of one customer's account, dated: its invoices and their closures, its payments,
/// their settlement events, allocations and refunds.
pub fn happenings(tx: &Tx, customer_id: i64) -> Result<Vec<Dated>> {
    let mut out = Vec::new();
    let mut currencies = Currencies::default();
    let mut collect =
        |sql: &str, f: &mut dyn FnMut(&Row, &mut Currencies) -> Result<Dated>| -> Result<()> {
            tx.for_each(sql, params![customer_id], |r| {
                out.push(f(r, &mut currencies)?);
                Ok(())
            })?;
            Ok(())
        };
    collect(
        "SELECT id, invoice_number, currency, total, due_at, effective_at FROM invoices
         WHERE customer_id = ?1",
        &mut |r, c| {
            Ok(Dated {
                at: stamp(r, 5)?,
                what: Happening::Invoice {
                    id: r.get(0)?,
                    number: r.get(1)?,
                    currency: c.get(text(r, 2)?)?,
                    total: r.get(3)?,
                    due: r.get(4)?,
                },
            })
        },
    )?;
    collect(
        "SELECT c.invoice_id, c.kind, c.amount, c.reason, c.effective_at
         FROM invoice_closures c JOIN invoices i ON i.id = c.invoice_id WHERE i.customer_id = ?1",
        &mut |r, _| {
            Ok(Dated {
                at: stamp(r, 4)?,
                what: Happening::Closure {
                    invoice_id: r.get(0)?,
                    kind: if text(r, 1)? == "void" {
                        ClosureKind::Void
                    } else {
                        ClosureKind::WrittenOff
                    },
                    amount: r.get(2)?,
                    reason: r.get(3)?,
                },
            })
        },
    )?;
    collect(
        "SELECT x.id, x.invoice_id, x.kind, x.amount, x.reason, x.effective_at
         FROM invoice_adjustments x JOIN invoices i ON i.id = x.invoice_id WHERE i.customer_id = ?1",
        &mut |r, _| {
            let kind = text(r, 2)?;
            Ok(Dated {
                at: stamp(r, 5)?,
                what: Happening::Adjustment {
                    id: r.get(0)?,
                    invoice_id: r.get(1)?,
                    kind: AdjustmentKind::from_code(kind).ok_or_else(|| {
                        Error::storage(StorageKind::BadValue {
                            what: format!("an invoice adjustment of kind {kind:?}"),
                        })
                    })?,
                    amount: r.get(3)?,
                    reason: r.get(4)?,
                },
            })
        },
    )?;
    collect(
        "SELECT w.id, x.id, x.payment_id, x.amount, w.reason, w.effective_at
         FROM credit_write_off_parts x JOIN credit_write_offs w ON w.id = x.write_off_id
         WHERE w.customer_id = ?1",
        &mut |r, _| {
            Ok(Dated {
                at: stamp(r, 5)?,
                what: Happening::CreditWriteOff {
                    id: r.get(0)?,
                    part_id: r.get(1)?,
                    payment_id: r.get(2)?,
                    amount: r.get(3)?,
                    reason: r.get(4)?,
                },
            })
        },
    )?;
    collect(
        "SELECT id, currency, amount, method, reference, effective_at FROM payments
         WHERE customer_id = ?1",
        &mut |r, c| {
            Ok(Dated {
                at: stamp(r, 5)?,
                what: Happening::Payment {
                    id: r.get(0)?,
                    currency: c.get(text(r, 1)?)?,
                    amount: r.get(2)?,
                    method: r.get(3)?,
                    reference: optional_text(r, 4)?,
                },
            })
        },
    )?;
    collect(
        "SELECT e.id, e.payment_id, e.kind, e.message, e.effective_at
         FROM payment_events e JOIN payments p ON p.id = e.payment_id WHERE p.customer_id = ?1",
        &mut |r, _| {
            Ok(Dated {
                at: stamp(r, 4)?,
                what: Happening::PaymentEvent {
                    id: r.get(0)?,
                    payment_id: r.get(1)?,
                    kind: match text(r, 2)? {
                        "settled" => PaymentEventKind::Settled,
                        "failed" => PaymentEventKind::Failed,
                        _ => PaymentEventKind::Voided,
                    },
                    message: optional_text(r, 3)?,
                },
            })
        },
    )?;
    collect(
        "SELECT a.id, a.payment_id, a.invoice_id, a.amount, a.kind, a.refund_id, a.effective_at
         FROM allocations a JOIN payments p ON p.id = a.payment_id WHERE p.customer_id = ?1",
        &mut |r, _| {
            Ok(Dated {
                at: stamp(r, 6)?,
                what: Happening::Allocation {
                    id: r.get(0)?,
                    payment_id: r.get(1)?,
                    invoice_id: r.get(2)?,
                    amount: r.get(3)?,
                    kind: r.get(4)?,
                    refund_id: r.get(5)?,
                },
            })
        },
    )?;
    collect(
        "SELECT r.id, r.payment_id, r.amount, r.method, r.reference, r.effective_at
         FROM refunds r JOIN payments p ON p.id = r.payment_id WHERE p.customer_id = ?1",
        &mut |r, _| {
            Ok(Dated {
                at: stamp(r, 5)?,
                what: Happening::Refund {
                    id: r.get(0)?,
                    payment_id: r.get(1)?,
                    amount: r.get(2)?,
                    method: r.get(3)?,
                    reference: optional_text(r, 4)?,
                },
            })
        },
    )?;
    Ok(out)
}
