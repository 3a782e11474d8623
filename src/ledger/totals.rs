//! Each currency's ledger total (`currency_totals`, schema 4): every invoice total and payment
//! amount recorded in it, added up. Read here as a fact and stored here; the rule that refuses
//! a write taking it past what payctl can sum, so that no later read fails on it, is core's
//! (`core::totals`, `core::money::LEDGER_TOTAL_MAX`).

use super::Tx;
use crate::params;

use crate::core::currency::Currency;
use crate::core::money::Money;
use crate::error::Result;

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

/// Adds `amount` (an invoice total: JSON key `key`, called `field` in a refusal) to its
/// currency's ledger total, in the transaction that records it. A thin compatibility wrapper
/// for writers whose planner does not take the ledger total as a fact yet (invoices): the
/// rule is core's (`core::totals`); payments read [`current`] into their facts and store
/// their plan's total.
pub fn charge(tx: &Tx, key: &str, field: &str, amount: Money) -> Result<()> {
    let total = crate::core::totals::charge(current(tx, amount.currency())?, key, field, amount)?;
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
