//! Dates in and out: `YYYY-MM-DD` or RFC 3339 in, UTC stored, ISO 8601 printed.

use chrono::{DateTime, Duration, NaiveDate, SecondsFormat, Utc};

/// Why a date was refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("'{0}' is not a date; use YYYY-MM-DD or RFC 3339 (2026-11-21T10:00:00Z)")]
pub struct DateError(pub String);

/// Reads `YYYY-MM-DD` (midnight UTC) or an RFC 3339 timestamp (converted to UTC).
pub fn parse_date(text: &str) -> Result<DateTime<Utc>, DateError> {
    let t = text.trim();
    if let Ok(day) = NaiveDate::parse_from_str(t, "%Y-%m-%d") {
        if t.len() == 10 {
            return day
                .and_hms_opt(0, 0, 0)
                .map(|d| d.and_utc())
                .ok_or_else(|| DateError(t.into()));
        }
    }
    DateTime::parse_from_rfc3339(t)
        .map(|d| d.with_timezone(&Utc))
        .map_err(|_| DateError(text.to_string()))
}

/// The stored and printed form: RFC 3339 in UTC, to the second, with `Z`.
pub fn format_timestamp(at: DateTime<Utc>) -> String {
    at.to_rfc3339_opts(SecondsFormat::Secs, true)
}

/// The calendar date (UTC) of a timestamp, as `YYYY-MM-DD`.
pub fn format_day(at: DateTime<Utc>) -> String {
    at.format("%Y-%m-%d").to_string()
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

pub fn add_days(at: DateTime<Utc>, days: u32) -> DateTime<Utc> {
    at + Duration::days(i64::from(days))
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
