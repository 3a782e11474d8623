//! Dates in and out: `YYYY-MM-DD` or RFC 3339 in, UTC stored, ISO 8601 printed.

use chrono::{DateTime, Datelike, Duration, NaiveDate, SecondsFormat, Timelike, Utc};

/// The first and last years payctl takes (SPEC §1): every date it stores, and every date
/// computed from one (a due date from terms, an aging bucket's start), prints as
/// `YYYY-MM-DD` and sorts as text the way it sorts as a date.
pub const FIRST_YEAR: i32 = 1900;
pub const LAST_YEAR: i32 = 9999;

/// Why a date was refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum DateError {
    #[error("'{0}' is not a date; use YYYY-MM-DD or RFC 3339 (2026-11-21T10:00:00Z)")]
    NotADate(String),
    #[error("'{0}' is out of range; dates run from 1900-01-01 to 9999-12-31 (UTC)")]
    OutOfRange(String),
    #[error("'{0}' is a leap second; give seconds 00 to 59")]
    LeapSecond(String),
}

/// Reads `YYYY-MM-DD` (midnight UTC) or an RFC 3339 timestamp (converted to UTC), in the
/// years 1900 to 9999 (UTC), without leap seconds: everything that comes in (flags,
/// `PAYCTL_NOW`, payloads, import columns) goes through here.
pub fn parse_date(text: &str) -> Result<DateTime<Utc>, DateError> {
    let at = parse_stored(text)?;
    // chrono keeps a leap second as a nanosecond count past 1e9; stored, it would print as
    // `:60`, which other tools (and payctl's own reads) do not take back.
    if at.nanosecond() >= 1_000_000_000 {
        return Err(DateError::LeapSecond(text.to_string()));
    }
    if !in_range(at) {
        return Err(DateError::OutOfRange(text.to_string()));
    }
    Ok(at)
}

/// [`parse_date`] without the range and leap-second checks: for timestamps read back from
/// the ledger, so that a date an older payctl accepted is still read rather than failing
/// every report.
pub fn parse_stored(text: &str) -> Result<DateTime<Utc>, DateError> {
    let t = text.trim();
    if let Ok(day) = NaiveDate::parse_from_str(t, "%Y-%m-%d") {
        if t.len() == 10 {
            return day
                .and_hms_opt(0, 0, 0)
                .map(|d| d.and_utc())
                .ok_or_else(|| DateError::NotADate(t.into()));
        }
    }
    DateTime::parse_from_rfc3339(t)
        .map(|d| d.with_timezone(&Utc))
        .map_err(|_| DateError::NotADate(text.to_string()))
}

/// Whether `at` falls in the years payctl takes.
pub fn in_range(at: DateTime<Utc>) -> bool {
    (FIRST_YEAR..=LAST_YEAR).contains(&at.year())
}

/// The stored and printed form: RFC 3339 in UTC, to the second, with `Z`.
pub fn format_timestamp(at: DateTime<Utc>) -> String {
    at.to_rfc3339_opts(SecondsFormat::Secs, true)
}

/// The calendar date (UTC) of a timestamp, as `YYYY-MM-DD`.
pub fn format_day(at: DateTime<Utc>) -> String {
    at.format("%Y-%m-%d").to_string()
}

/// How a table prints a stored timestamp (SPEC §1): a date with no time of day
/// (`2026-08-15T00:00:00Z`, as invoice dates and due dates are stored) as `YYYY-MM-DD`, any
/// other text as it is. JSON and CSV keep the stored timestamp.
pub fn display_date(text: &str) -> &str {
    match text.strip_suffix("T00:00:00Z") {
        Some(day) if parse_stored(text).is_ok() => day,
        _ => text,
    }
}

/// Payment terms `netN` (N days after the invoice date), e.g. `net30`, `NET 15`.
pub fn parse_terms(text: &str) -> Option<u32> {
    let lower = text
        .trim()
        .to_ascii_lowercase()
        .replace([' ', '-', '_'], "");
    let days = lower.strip_prefix("net")?;
    if days.is_empty() || days.len() > 4 || !days.chars().all(|c| c.is_ascii_digit()) {
        return None;
    }
    days.parse().ok()
}

/// `days` after `at`, if that is still in the years payctl takes (terms of net9999 from a
/// late invoice date would pass 9999-12-31).
pub fn add_days(at: DateTime<Utc>, days: u32) -> Option<DateTime<Utc>> {
    at.checked_add_signed(Duration::days(i64::from(days)))
        .filter(|due| in_range(*due))
}

/// The due date `days` after an invoice dated `date` (terms netN), or why there is none: the
/// message names the terms, the invoice date and the due date they would give.
pub fn due_after(date: DateTime<Utc>, days: u32) -> Result<DateTime<Utc>, String> {
    add_days(date, days).ok_or_else(|| {
        let would_be = date
            .checked_add_signed(Duration::days(i64::from(days)))
            .map(|due| format!("due date {}", format_day(due)))
            .unwrap_or_else(|| "due date".to_string());
        format!(
            "terms net{days} from {} give a {would_be}, past 9999-12-31, the last date payctl takes; give --due or shorter terms",
            format_day(date)
        )
    })
}

/// An invoice is overdue once the as-of day is past its due day (due on the 21st: overdue
/// from the 22nd).
pub fn is_past_due(due: DateTime<Utc>, as_of: DateTime<Utc>) -> bool {
    as_of.date_naive() > due.date_naive()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_without_a_time_print_as_days() {
        assert_eq!(display_date("2026-08-15T00:00:00Z"), "2026-08-15");
        assert_eq!(display_date("2026-08-15T00:00:01Z"), "2026-08-15T00:00:01Z");
        assert_eq!(display_date("2026-08-15"), "2026-08-15");
        assert_eq!(display_date("opening"), "opening");
        assert_eq!(display_date(""), "");
        assert_eq!(display_date("xT00:00:00Z"), "xT00:00:00Z");
    }

    #[test]
    fn accepted_forms() {
        assert_eq!(
            format_timestamp(parse_date("2026-11-21").unwrap()),
            "2026-11-21T00:00:00Z"
        );
        assert_eq!(
            format_timestamp(parse_date("2026-11-21T10:00:00+02:00").unwrap()),
            "2026-11-21T08:00:00Z"
        );
        assert!(parse_date("21/11/2026").is_err());
        assert!(parse_date("2026-02-30").is_err());
        assert!(parse_date("2026-1-5").is_err());
        assert!(parse_date("").is_err());
    }

    #[test]
    fn years_1900_to_9999_without_leap_seconds() {
        assert!(parse_date("1900-01-01").is_ok());
        assert!(parse_date("9999-12-31T23:59:59Z").is_ok());
        assert_eq!(
            parse_date("0000-01-01"),
            Err(DateError::OutOfRange("0000-01-01".into()))
        );
        assert!(matches!(
            parse_date("1899-12-31"),
            Err(DateError::OutOfRange(_))
        ));
        // In range as written, past it in UTC.
        assert!(matches!(
            parse_date("9999-12-31T23:00:00-05:00"),
            Err(DateError::OutOfRange(_))
        ));
        assert!(matches!(
            parse_date("2026-12-31T23:59:60Z"),
            Err(DateError::LeapSecond(_))
        ));
        // What an older payctl stored is still read back.
        assert!(parse_stored("0000-01-01T00:00:00Z").is_ok());
    }

    #[test]
    fn due_dates_stay_in_range() {
        let last = parse_date("9999-12-31").unwrap();
        assert_eq!(add_days(last, 0), Some(last));
        assert_eq!(add_days(last, 1), None);
        assert_eq!(add_days(last, 365), None);
        assert_eq!(
            add_days(parse_date("2026-11-21").unwrap(), 30),
            Some(parse_date("2026-12-21").unwrap())
        );
    }

    #[test]
    fn terms() {
        assert_eq!(parse_terms("net30"), Some(30));
        assert_eq!(parse_terms("NET 15"), Some(15));
        assert_eq!(parse_terms("net"), None);
        assert_eq!(parse_terms("30"), None);
        assert_eq!(parse_terms("net-5x"), None);
    }

    #[test]
    fn overdue_starts_the_day_after_due() {
        let due = parse_date("2026-11-21").unwrap();
        assert!(!is_past_due(
            due,
            parse_date("2026-11-21T23:59:59Z").unwrap()
        ));
        assert!(is_past_due(due, parse_date("2026-11-22").unwrap()));
    }
}
