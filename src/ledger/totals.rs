//! Each currency's ledger total (`currency_totals`, schema 4): every invoice total and payment
//! amount recorded in it, added up. A write that would take it past what payctl can sum is
//! refused here, so that no later read fails on it (see `core::money::LEDGER_TOTAL_MAX`).

use super::Tx;
use crate::params;

use crate::core::currency::Currency;
use crate::core::money::{ledger_total_after, Money};
use crate::error::{Error, Result};

/// The ledger total of `currency` in minor units (0 before its first invoice or payment).
pub fn current(tx: &Tx, currency: Currency) -> Result<i64> {
    Ok(tx
        .query_opt(
            "SELECT total FROM currency_totals WHERE currency = ?1",
            params![currency.code()],
            |r| r.get(0),
        )?
        .unwrap_or(0))
}

/// The ledger total of `amount`'s currency once `amount` is recorded; refused (exit 1, the
/// message naming `field`, the amount and the limit) past what payctl can sum. Writes nothing.
pub fn after(tx: &Tx, key: &str, field: &str, amount: Money) -> Result<i64> {
    let total = current(tx, amount.currency())?;
    ledger_total_after(total, field, amount).map_err(|message| Error::rejected(key, message))
}

/// Adds `amount` (an invoice total or a payment amount: JSON key `key`, called `field` in a
/// refusal) to its currency's ledger total, in the transaction that records it.
pub fn charge(tx: &Tx, key: &str, field: &str, amount: Money) -> Result<()> {
    let total = after(tx, key, field, amount)?;
    store(tx, amount.currency(), total)
}

/// Sets `currency`'s ledger total (an import's batch keeps its running total in memory).
pub fn store(tx: &Tx, currency: Currency, total: i64) -> Result<()> {
    tx.execute(
        "INSERT INTO currency_totals (currency, total) VALUES (?1, ?2)
         ON CONFLICT (currency) DO UPDATE SET total = excluded.total",
        params![currency.code(), total],
    )?;
    Ok(())
}
