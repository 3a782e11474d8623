//! Receivables reports: aging buckets, balances at a point in time, and the customer statement.
//! The rules only; the ledger reads the rows (src/ledger/reports.rs) and render prints them.
//!
//! **Point in time.** A report as of a moment counts the rows dated (`effective_at`) before its
//! end and nothing dated later: an invoice dated after it is not issued yet, and an allocation,
//! reversal, refund, write-off or void dated after it has not happened yet. `effective_at` is the
//! business date: a payment's own allocations carry the payment's date (so a payment recorded
//! late but dated the 5th pays its invoices on the 5th); every later correction (allocate,
//! unallocate, reallocate, refund, settle, void, write-off) is dated when it was recorded.
//!
//! **What is owed.** An invoice's outstanding balance at a moment is nothing before it is
//! issued or once it is closed (void or written off), else its total less the money applied to
//! it by then, kept within 0 and the total: rows dated out of order (an allocation dated before
//! a reversal of it, a payment dated in the future) can never make a report show more than an
//! invoice's total or less than nothing. On a ledger whose rows are in date order the bounds
//! never bite, and the statement's closing balance is exactly `customer show`'s.

use chrono::{DateTime, Duration, NaiveDate, Utc};

use super::dates::{format_day, format_timestamp, parse_date, DateError};
use super::money::MoneyError;

mod aging;
mod balances;
mod statement;

pub use aging::*;
pub use balances::*;
pub use statement::*;

/// The moment a report is taken at.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AsOf {
    /// Exclusive: rows dated before it count.
    pub end: DateTime<Utc>,
    /// The day (UTC) ages are counted to.
    pub day: NaiveDate,
    /// How it is printed: the day given (`2026-11-21`) or the timestamp (`2026-11-21T10:00:00Z`).
    pub label: String,
}

impl AsOf {
    /// `YYYY-MM-DD` is the end of that day (UTC): everything dated that day counts. An RFC 3339
    /// timestamp counts everything up to and including its second.
    pub fn parse(text: &str) -> Result<AsOf, DateError> {
        let at = parse_date(text)?;
        if text.trim().len() == 10 {
            Ok(AsOf {
                end: at + Duration::days(1),
                day: at.date_naive(),
                label: format_day(at),
            })
        } else {
            Ok(AsOf::instant(at))
        }
    }

    /// Up to and including the second `at`.
    pub fn instant(at: DateTime<Utc>) -> AsOf {
        AsOf {
            end: at + Duration::seconds(1),
            day: at.date_naive(),
            label: format_timestamp(at),
        }
    }
}

/// What an invoice still owes at a moment, from what happened to it by then (see the module
/// note): nothing before it is issued or once it is closed; else its total less the money
/// applied, kept within 0 and the total.
pub fn outstanding_at(total: i64, applied: i64, issued: bool, closed: bool) -> i64 {
    if !issued || closed {
        return 0;
    }
    total.saturating_sub(applied).clamp(0, total.max(0))
}

/// What a payment still holds unapplied at a moment: nothing before it is received or once it
/// bounced or was voided; else its amount less what it applied and refunded, within 0 and the
/// amount.
pub fn funds_at(amount: i64, applied: i64, refunded: i64, received: bool, dead: bool) -> i64 {
    if !received || dead {
        return 0;
    }
    amount
        .saturating_sub(applied)
        .saturating_sub(refunded)
        .clamp(0, amount.max(0))
}
/// Checked addition of minor units, shared by the three reports: a sum past i64 is an overflow.
fn add(a: i64, b: i64) -> Result<i64, MoneyError> {
    a.checked_add(b).ok_or(MoneyError::Overflow)
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    pub(crate) fn day(text: &str) -> NaiveDate {
        NaiveDate::parse_from_str(text, "%Y-%m-%d").unwrap()
    }

    pub(crate) fn at(text: &str) -> DateTime<Utc> {
        parse_date(text).unwrap()
    }

    #[test]
    fn as_of_a_day_is_the_end_of_that_day() {
        let a = AsOf::parse("2026-11-21").unwrap();
        assert_eq!(a.end, at("2026-11-22T00:00:00Z"));
        assert_eq!(a.day, day("2026-11-21"));
        assert_eq!(a.label, "2026-11-21");
        let t = AsOf::parse("2026-11-21T10:00:00+02:00").unwrap();
        assert_eq!(t.end, at("2026-11-21T08:00:01Z"));
        assert_eq!(t.day, day("2026-11-21"));
        assert_eq!(t.label, "2026-11-21T08:00:00Z");
        assert!(AsOf::parse("21/11/2026").is_err());
    }

    #[test]
    fn outstanding_and_funds_stay_within_bounds() {
        assert_eq!(outstanding_at(100, 30, true, false), 70);
        assert_eq!(outstanding_at(100, 30, false, false), 0);
        assert_eq!(outstanding_at(100, 30, true, true), 0);
        assert_eq!(outstanding_at(100, -30, true, false), 100);
        assert_eq!(outstanding_at(100, 130, true, false), 0);
        assert_eq!(funds_at(100, 30, 20, true, false), 50);
        assert_eq!(funds_at(100, 30, 20, true, true), 0);
        assert_eq!(funds_at(100, 30, 20, false, false), 0);
        assert_eq!(funds_at(100, -5, 0, true, false), 100);
        assert_eq!(funds_at(100, i64::MAX, 0, true, false), 0);
    }
}
