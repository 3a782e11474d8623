//! Each currency's ledger total (`currency_totals`, schema 4): every invoice total and payment
//! amount recorded in it, added up. A write that would take it past what payctl can sum is
//! refused here, so that no later read fails on it (see `core::money::LEDGER_TOTAL_MAX`).

use rusqlite::{params, OptionalExtension, Transaction};

use super::SqlResult;
use crate::core::currency::Currency;
use crate::core::money::{ledger_total_after, Money};
use crate::error::{Error, Result};

/// The ledger total of `currency` in minor units (0 before its first invoice or payment).
pub fn current(tx: &Transaction, currency: Currency) -> Result<i64> {
    Ok(tx
        .prepare_cached("SELECT total FROM currency_totals WHERE currency = ?1")
        .sql()?
        .query_row([currency.code()], |r| r.get(0))
        .optional()
        .sql()?
        .unwrap_or(0))
}

/// The ledger total of `amount`'s currency once `amount` is recorded; refused (exit 1, the
/// message naming `field`, the amount and the limit) past what payctl can sum. Writes nothing.
pub fn after(tx: &Transaction, key: &str, field: &str, amount: Money) -> Result<i64> {
    let total = current(tx, amount.currency())?;
    ledger_total_after(total, field, amount).map_err(|message| Error::rejected(key, message))
}

/// Adds `amount` (an invoice total or a payment amount: JSON key `key`, called `field` in a
/// refusal) to its currency's ledger total, in the transaction that records it.
pub fn charge(tx: &Transaction, key: &str, field: &str, amount: Money) -> Result<()> {
    let total = after(tx, key, field, amount)?;
    store(tx, amount.currency(), total)
}

/// Sets `currency`'s ledger total (an import's batch keeps its running total in memory).
pub fn store(tx: &Transaction, currency: Currency, total: i64) -> Result<()> {
    tx.prepare_cached(
        "INSERT INTO currency_totals (currency, total) VALUES (?1, ?2)
         ON CONFLICT (currency) DO UPDATE SET total = excluded.total",
    )
    .sql()?
    .execute(params![currency.code(), total])
    .sql()?;
    Ok(())
}
