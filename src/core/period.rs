//! Closed periods (SPEC §10): after `period close DATE`, no write whose business date is on or
//! before DATE is accepted. Pure rules over the close the ledger read in the write transaction.

use chrono::{DateTime, Datelike, NaiveDate, Utc};
use serde::Serialize;

use crate::error::Problem;

/// The close in force: every business date on or before `through` is refused. `at` and `by`
/// are when and by whom it was closed (the last close or reopen event).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ClosedPeriod {
    pub through: NaiveDate,
    pub at: String,
    pub by: String,
}

/// One close or reopen, as `period list` prints it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct PeriodEvent {
    pub id: i64,
    pub kind: String,
    pub date: String,
    pub closed_through: Option<String>,
    pub reason: Option<String>,
    pub os_user: String,
    pub at: String,
    /// A rehearsal (`--dry-run`): rolled back, nothing was written.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub dry_run: bool,
}

const MARK: &str = " is in a closed period (closed through ";

/// Refuses a write whose business date (`label`, field `key`) is `when`, if that date is on or
/// before the close: "payment date 2026-10-31 is in a closed period (closed through 2026-10-31
/// on … by …)". The business date is `when`'s calendar date in UTC, as payctl stores dates.
pub fn check_open(
    key: &str,
    label: &str,
    when: DateTime<Utc>,
    closed: Option<&ClosedPeriod>,
) -> Result<(), Problem> {
    let Some(closed) = closed else {
        return Ok(());
    };
    let day = when.date_naive();
    if day > closed.through {
        return Ok(());
    }
    Err(Problem::new(
        key,
        format!(
            "{label} {day}{MARK}{} on {} by {})",
            closed.through, closed.at, closed.by
        ),
    ))
}

/// The date a closed-period refusal names (for the hint that says how to reopen it), if
/// `message` is one made by [`check_open`].
pub fn refused_date(message: &str) -> Option<&str> {
    let before = &message[..message.find(MARK)?];
    let date = before.rsplit(' ').next()?;
    NaiveDate::parse_from_str(date, "%Y-%m-%d").ok()?;
    Some(date)
}

/// What `period close DATE` writes: `Some(DATE)`, the new close; `None` when DATE is already
/// closed (a close never moves back: closing an earlier date writes nothing and says so). A
/// period that has not ended (DATE today or later) cannot be closed: writes dated today are
/// still coming in.
pub fn plan_close(
    date: NaiveDate,
    today: NaiveDate,
    closed: Option<&ClosedPeriod>,
) -> Result<Option<NaiveDate>, Problem> {
    if date >= today {
        return Err(Problem::new(
            "date",
            format!("period date {date} has not ended yet (today is {today}); close a date before today"),
        ));
    }
    match closed {
        Some(c) if c.through >= date => Ok(None),
        _ => Ok(Some(date)),
    }
}

/// What `period reopen DATE` leaves closed: through the day before DATE (`None`: nothing, when
/// DATE is the first day payctl takes). DATE must be in the closed period.
pub fn plan_reopen(
    date: NaiveDate,
    closed: Option<&ClosedPeriod>,
) -> Result<Option<NaiveDate>, Problem> {
    match closed {
        None => Err(Problem::new(
            "date",
            format!("period date {date} is not in a closed period: no period is closed"),
        )),
        Some(c) if date > c.through => Err(Problem::new(
            "date",
            format!(
                "period date {date} is not in a closed period (closed through {}); give a date on or before it",
                c.through
            ),
        )),
        Some(_) => Ok(date.pred_opt().filter(|d| d.year() >= 1900)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    fn closed(through: &str) -> ClosedPeriod {
        ClosedPeriod {
            through: day(through),
            at: "2026-11-02T09:00:00Z".into(),
            by: "alice".into(),
        }
    }

    #[test]
    fn a_date_on_or_before_the_close_is_refused_and_names_it() {
        let c = closed("2026-10-31");
        let at = |s: &str| crate::core::dates::parse_date(s).unwrap();
        let err = check_open(
            "effectiveTimestamp",
            "payment date",
            at("2026-10-31T23:59:59Z"),
            Some(&c),
        )
        .unwrap_err();
        assert_eq!(err.message, "payment date 2026-10-31 is in a closed period (closed through 2026-10-31 on 2026-11-02T09:00:00Z by alice)");
        assert_eq!(refused_date(&err.message), Some("2026-10-31"));
        assert!(check_open("k", "l", at("2026-11-01"), Some(&c)).is_ok());
        assert!(check_open("k", "l", at("1900-01-01"), None).is_ok());
        assert_eq!(refused_date("payment 3 not found"), None);
    }

    #[test]
    fn close_moves_forward_only_and_never_over_today() {
        let today = day("2026-11-05");
        assert_eq!(
            plan_close(day("2026-10-31"), today, None),
            Ok(Some(day("2026-10-31")))
        );
        assert_eq!(
            plan_close(day("2026-09-30"), today, Some(&closed("2026-10-31"))),
            Ok(None)
        );
        assert_eq!(
            plan_close(day("2026-10-31"), today, Some(&closed("2026-10-31"))),
            Ok(None)
        );
        assert!(plan_close(day("2026-11-05"), today, None).is_err());
    }

    #[test]
    fn reopen_sets_the_close_back_to_the_day_before() {
        let c = closed("2026-10-31");
        assert_eq!(
            plan_reopen(day("2026-10-01"), Some(&c)),
            Ok(Some(day("2026-09-30")))
        );
        assert_eq!(
            plan_reopen(day("2026-10-31"), Some(&c)),
            Ok(Some(day("2026-10-30")))
        );
        assert_eq!(plan_reopen(day("1900-01-01"), Some(&c)), Ok(None));
        assert!(plan_reopen(day("2026-11-01"), Some(&c)).is_err());
        assert!(plan_reopen(day("2026-11-01"), None).is_err());
    }
}
