//! Each currency's ledger total (`currency_totals`, schema 4): every invoice total and payment
//! amount recorded in it, added up. Read here as a fact and stored here; the rule that refuses
//! a write taking it past what payctl can sum, so that no later read fails on it, is core's
//! (`core::totals`, `core::money::LEDGER_TOTAL_MAX`).

use super::Tx;
use crate::params;

use crate::core::currency::Currency;
use crate::core::money::Money;
use crate::error::Result;
use rustc_hash::FxHashMap;

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

/// An import's running ledger totals: each currency's total read once, kept in memory as the
/// file's rows add to it, and stored once, at the end of the import.
///
/// Storing it per row updated one `currency_totals` row once per invoice, all in one
/// transaction; on PostgreSQL each update leaves a row version that every later read of that
/// row steps over, so an invoice import slowed down as its file grew (issue 18). The rule is
/// the same: each row's total is checked by `core::totals` against the total with every kept
/// row of the file in it.
#[derive(Default)]
pub struct Running {
    kept: FxHashMap<Currency, i64>,
    /// The current row's totals, kept only once the row is (a refused row adds nothing).
    pending: Vec<(Currency, i64)>,
}

impl Running {
    /// Adds `amount` to its currency's running total for the current row (refused, as
    /// [`charge`], when payctl could not sum it).
    pub fn charge(&mut self, tx: &Tx, key: &str, field: &str, amount: Money) -> Result<()> {
        let currency = amount.currency();
        let now = match self.pending.iter().rev().find(|(c, _)| *c == currency) {
            Some((_, total)) => *total,
            None => self.total(tx, currency)?,
        };
        let total = crate::core::totals::charge(now, key, field, amount)?;
        self.pending.push((currency, total));
        Ok(())
    }

    /// `currency`'s running total: as kept, else as the ledger holds it.
    pub fn total(&self, tx: &Tx, currency: Currency) -> Result<i64> {
        match self.kept.get(&currency) {
            Some(total) => Ok(*total),
            None => current(tx, currency),
        }
    }

    /// Keeps `total` as `currency`'s running total (a writer that checked it itself: the
    /// payments batch, whose plans carry their ledger total).
    pub fn set(&mut self, currency: Currency, total: i64) {
        self.kept.insert(currency, total);
    }

    /// The current row is imported: its totals count from now on.
    pub fn keep(&mut self) {
        for (currency, total) in self.pending.drain(..) {
            self.kept.insert(currency, total);
        }
    }

    /// The current row is refused (and rolled back): its totals never happened.
    pub fn forget(&mut self) {
        self.pending.clear();
    }

    /// Stores the kept totals in the import's transaction (once at its end, or at each flush
    /// of the payments batch).
    pub fn store(&self, tx: &Tx) -> Result<()> {
        for (currency, total) in &self.kept {
            store(tx, *currency, *total)?;
        }
        Ok(())
    }
}
