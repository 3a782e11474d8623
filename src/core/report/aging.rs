//! Aging: which bucket of days past due (or past issue) each invoice's balance falls in, and
//! the sums per customer and currency.

use std::collections::{BTreeMap, HashMap};

use chrono::{Duration, NaiveDate};
use serde::Serialize;

use super::super::currency::Currency;
use super::super::dates::parse_stored;
use super::super::money::{Money, MoneyError};
use super::{add, AsOf, CustomerName};

/// What an invoice's age is counted from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AgeBasis {
    /// Days past the due date: due today is Current, due yesterday is 1 day past due.
    Due,
    /// Days since the invoice date: dated today is Current, yesterday is 1 day old.
    Invoice,
}

impl AgeBasis {
    pub fn as_str(&self) -> &'static str {
        match self {
            AgeBasis::Due => "due",
            AgeBasis::Invoice => "invoice",
        }
    }
}

/// An aging bucket. Day 0 (due today) is Current, as `overdue` is false on the due day.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Bucket {
    /// Not yet due (0 days or fewer).
    Current,
    Days1To30,
    Days31To60,
    Days61To90,
    /// 91 days and more.
    Over90,
}

impl Bucket {
    pub const ALL: [Bucket; 5] = [
        Bucket::Current,
        Bucket::Days1To30,
        Bucket::Days31To60,
        Bucket::Days61To90,
        Bucket::Over90,
    ];

    /// The bucket of an invoice `days` days past its reference day.
    pub fn of_days(days: i64) -> Bucket {
        match days {
            i64::MIN..=0 => Bucket::Current,
            1..=30 => Bucket::Days1To30,
            31..=60 => Bucket::Days31To60,
            61..=90 => Bucket::Days61To90,
            _ => Bucket::Over90,
        }
    }

    pub fn index(self) -> usize {
        self as usize
    }

    pub fn from_index(index: usize) -> Option<Bucket> {
        Bucket::ALL.get(index).copied()
    }
}

/// Whole days from `reference` (a due or invoice day) to `as_of`: 0 on the day itself.
pub fn days_past(reference: NaiveDate, as_of: NaiveDate) -> i64 {
    (as_of - reference).num_days()
}

/// The bucket of an invoice whose reference day is `reference`, aged to `as_of`.
pub fn bucket(reference: NaiveDate, as_of: NaiveDate) -> Bucket {
    Bucket::of_days(days_past(reference, as_of))
}

/// The same rule as [`bucket`], as day bounds a query can compare with: an invoice whose
/// reference day is on or after `starts[k]` (and before `starts[k - 1]`) is in bucket `k`;
/// one before `starts[3]` is 90+.
pub fn bucket_starts(as_of: NaiveDate) -> [NaiveDate; 4] {
    // Checked: a day near chrono's first one has no day 90 days before it; every reference
    // day is then on or after the start (no stored day is that early).
    [0, 30, 60, 90].map(|days| {
        as_of
            .checked_sub_signed(Duration::days(days))
            .unwrap_or(NaiveDate::MIN)
    })
}

/// [`bucket`] for stored timestamps, without parsing each one: a stored timestamp
/// (`2026-11-21T10:00:00Z`, always UTC) begins with its day, and days written `YYYY-MM-DD`
/// sort as text as they do as dates. Anything else is parsed and bucketed by [`bucket`].
#[derive(Clone, Debug)]
pub struct DayBuckets {
    as_of: NaiveDate,
    /// The bucket starts as stored text; `None` when one of them is not a four-digit year
    /// (`-0001-10-03`, `+10000-01-01`), which would not sort as text: every stamp is then
    /// parsed. Input dates are 1900 to 9999, so only a hand-built as-of day gets here.
    starts: Option<[[u8; 10]; 4]>,
}

impl DayBuckets {
    pub fn new(as_of: NaiveDate) -> DayBuckets {
        let mut starts = [[0u8; 10]; 4];
        let mut plain = true;
        for (text, day) in starts.iter_mut().zip(bucket_starts(as_of)) {
            let formatted = day.format("%Y-%m-%d").to_string();
            match <[u8; 10]>::try_from(formatted.as_bytes()) {
                Ok(bytes) => *text = bytes,
                Err(_) => plain = false,
            }
        }
        DayBuckets {
            as_of,
            starts: plain.then_some(starts),
        }
    }

    /// The bucket of an invoice whose reference day is the day of `stamp`.
    pub fn bucket(&self, stamp: &str) -> Bucket {
        let b = stamp.as_bytes();
        // The stored form, `YYYY-MM-DDTHH:MM:SSZ`: UTC, so its first ten bytes are its day.
        let plain_day = b.len() == 20
            && b[4] == b'-'
            && b[7] == b'-'
            && b[10] == b'T'
            && b[19] == b'Z'
            && b[..10]
                .iter()
                .enumerate()
                .all(|(i, c)| i == 4 || i == 7 || c.is_ascii_digit());
        let Some(starts) = self.starts.as_ref().filter(|_| plain_day) else {
            return match parse_stored(stamp) {
                Ok(at) => bucket(at.date_naive(), self.as_of),
                // An unreadable date cannot be aged: call it oldest, never hide it.
                Err(_) => Bucket::Over90,
            };
        };
        let day = &b[..10];
        starts
            .iter()
            .position(|start| day >= &start[..])
            .and_then(Bucket::from_index)
            .unwrap_or(Bucket::Over90)
    }
}

/// Outstanding minor units in each bucket, in `Bucket::ALL` order.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Buckets(pub [i64; 5]);

impl Buckets {
    pub fn add(&mut self, bucket: Bucket, minor: i64) -> Result<(), MoneyError> {
        let slot = &mut self.0[bucket.index()];
        *slot = add(*slot, minor)?;
        Ok(())
    }

    pub fn merge(&mut self, other: &Buckets) -> Result<(), MoneyError> {
        for bucket in Bucket::ALL {
            self.add(bucket, other.0[bucket.index()])?;
        }
        Ok(())
    }

    /// The buckets add up to this: it is computed from them.
    pub fn total(&self) -> Result<i64, MoneyError> {
        self.0.iter().try_fold(0i64, |sum, m| add(sum, *m))
    }
}

/// Aging sums per customer and currency, and per currency.
#[derive(Debug, Default)]
pub struct AgingBook {
    // A million invoices go through `add`: an FxHash map is several times faster here than a
    // BTreeMap or std's SipHash; `lines` sorts the few thousand lines once.
    lines: rustc_hash::FxHashMap<(i64, &'static str), (Currency, Buckets)>,
}

impl AgingBook {
    /// Adds `minor` outstanding of `customer_id` in `currency` to `bucket`; nothing owed adds
    /// no line.
    pub fn add(
        &mut self,
        customer_id: i64,
        currency: Currency,
        bucket: Bucket,
        minor: i64,
    ) -> Result<(), MoneyError> {
        if minor == 0 {
            return Ok(());
        }
        self.lines
            .entry((customer_id, currency.code()))
            .or_insert((currency, Buckets::default()))
            .1
            .add(bucket, minor)
    }

    /// One line per customer and currency, by customer id, then currency code.
    pub fn lines(&self) -> Vec<(i64, Currency, &Buckets)> {
        let mut lines: Vec<(i64, Currency, &Buckets)> = self
            .lines
            .iter()
            .map(|(&(customer, _), (currency, buckets))| (customer, *currency, buckets))
            .collect();
        lines.sort_by_key(|(customer, currency, _)| (*customer, currency.code()));
        lines
    }

    /// One line per currency, by currency code: the sum of the customers' lines.
    pub fn totals(&self) -> Result<Vec<(Currency, Buckets)>, MoneyError> {
        let mut by_currency: BTreeMap<&'static str, (Currency, Buckets)> = BTreeMap::new();
        for (customer_currency, (currency, buckets)) in &self.lines {
            by_currency
                .entry(customer_currency.1)
                .or_insert((*currency, Buckets::default()))
                .1
                .merge(buckets)?;
        }
        Ok(by_currency.into_values().collect())
    }
}

/// One line of the aging report: a customer's outstanding in one currency, or a currency's
/// total (no customer).
#[derive(Clone, Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct AgingRow {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub customer_id: Option<i64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub customer_name: Option<String>,
    pub currency: Currency,
    pub current: Money,
    #[serde(rename = "days1To30")]
    pub days_1_to_30: Money,
    #[serde(rename = "days31To60")]
    pub days_31_to_60: Money,
    #[serde(rename = "days61To90")]
    pub days_61_to_90: Money,
    #[serde(rename = "days90Plus")]
    pub days_90_plus: Money,
    pub total: Money,
}

impl AgingRow {
    pub fn new(
        customer: Option<(i64, String)>,
        currency: Currency,
        buckets: &Buckets,
    ) -> Result<AgingRow, MoneyError> {
        let m = |minor: i64| Money::from_minor(minor, currency);
        let [current, d30, d60, d90, over] = buckets.0;
        let (customer_id, customer_name) = match customer {
            Some((id, name)) => (Some(id), Some(name)),
            None => (None, None),
        };
        Ok(AgingRow {
            customer_id,
            customer_name,
            currency,
            current: m(current),
            days_1_to_30: m(d30),
            days_31_to_60: m(d60),
            days_61_to_90: m(d90),
            days_90_plus: m(over),
            total: m(buckets.total()?),
        })
    }
}

#[derive(Clone, Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct AgingReport {
    /// The `--as-of` given (a day or a timestamp), or null: the ledger as it stands.
    pub as_of: Option<String>,
    /// The day ages are counted to.
    pub aged_on: String,
    /// `due` or `invoice`.
    pub by: &'static str,
    pub customers: Vec<AgingRow>,
    pub totals: Vec<AgingRow>,
}

/// The aging report from the book's sums: one row per customer and currency (named from
/// `names`), then one total row per currency.
pub fn aging_report(
    book: &AgingBook,
    names: &[CustomerName],
    as_of: Option<&AsOf>,
    aged_on: NaiveDate,
    by: AgeBasis,
) -> Result<AgingReport, MoneyError> {
    let name_of: HashMap<i64, &str> = names.iter().map(|c| (c.id, c.name.as_str())).collect();
    let customers = book
        .lines()
        .into_iter()
        .map(|(id, currency, buckets)| {
            let name = name_of.get(&id).map_or(String::new(), |n| n.to_string());
            AgingRow::new(Some((id, name)), currency, buckets)
        })
        .collect::<Result<Vec<_>, _>>()?;
    let totals = book
        .totals()?
        .iter()
        .map(|(currency, buckets)| AgingRow::new(None, *currency, buckets))
        .collect::<Result<Vec<_>, _>>()?;
    Ok(AgingReport {
        as_of: as_of.map(|a| a.label.clone()),
        aged_on: aged_on.format("%Y-%m-%d").to_string(),
        by: by.as_str(),
        customers,
        totals,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::report::tests::day;

    #[test]
    fn day_buckets_of_days_whose_starts_are_not_four_digit_years() {
        // Issue 15: `report aging --as-of 0000-01-01` panicked here, its 90-day start being
        // year -1 (`-0001-10-03`, 11 bytes). Input dates are 1900-9999 now; these must still
        // bucket by the rule, not panic.
        for (as_of, stamp, expected) in [
            (day("0000-01-01"), "0000-01-01T00:00:00Z", Bucket::Current),
            (day("0000-01-01"), "2026-01-01T00:00:00Z", Bucket::Current),
            (
                day("0000-03-01"),
                "0000-01-01T00:00:00Z",
                Bucket::Days31To60,
            ),
            (NaiveDate::MIN, "2026-01-01T00:00:00Z", Bucket::Current),
            (NaiveDate::MAX, "2026-01-01T00:00:00Z", Bucket::Over90),
        ] {
            assert_eq!(
                DayBuckets::new(as_of).bucket(stamp),
                expected,
                "{as_of} {stamp}"
            );
        }
    }

    #[test]
    fn each_bucket_boundary() {
        let as_of = day("2026-11-21");
        // (due day, days past due, bucket): day 0 (due today) is Current, like `overdue`.
        let cases = [
            ("2026-12-01", -10, Bucket::Current),
            ("2026-11-21", 0, Bucket::Current),
            ("2026-11-20", 1, Bucket::Days1To30),
            ("2026-10-22", 30, Bucket::Days1To30),
            ("2026-10-21", 31, Bucket::Days31To60),
            ("2026-09-22", 60, Bucket::Days31To60),
            ("2026-09-21", 61, Bucket::Days61To90),
            ("2026-08-23", 90, Bucket::Days61To90),
            ("2026-08-22", 91, Bucket::Over90),
            ("2020-01-01", 2516, Bucket::Over90),
        ];
        for (due, days, want) in cases {
            assert_eq!(days_past(day(due), as_of), days, "{due}");
            assert_eq!(bucket(day(due), as_of), want, "{due}");
        }
    }

    #[test]
    fn bucket_starts_agree_with_the_day_count() {
        let as_of = day("2026-03-01");
        let starts = bucket_starts(as_of);
        assert_eq!(
            starts,
            [
                day("2026-03-01"),
                day("2026-01-30"),
                day("2025-12-31"),
                day("2025-12-01")
            ]
        );
        for back in -5..200 {
            let reference = as_of - Duration::days(back);
            let by_starts = starts
                .iter()
                .position(|s| reference >= *s)
                .and_then(Bucket::from_index)
                .unwrap_or(Bucket::Over90);
            assert_eq!(by_starts, bucket(reference, as_of), "{reference}");
        }
    }

    #[test]
    fn day_buckets_on_stored_timestamps_agree_with_the_day_count() {
        let as_of = day("2026-11-21");
        let by_text = DayBuckets::new(as_of);
        for back in -40..400 {
            let reference = as_of - Duration::days(back);
            for time in ["T00:00:00Z", "T23:59:59Z"] {
                let stamp = format!("{}{time}", reference.format("%Y-%m-%d"));
                assert_eq!(by_text.bucket(&stamp), bucket(reference, as_of), "{stamp}");
            }
        }
        // Not in the stored form: parsed (an offset moves the UTC day), or oldest if unreadable.
        assert_eq!(by_text.bucket("2026-11-20T23:00:00-02:00"), Bucket::Current);
        assert_eq!(by_text.bucket("garbage"), Bucket::Over90);
    }

    #[test]
    fn aging_book_sums_lines_and_currencies_with_checked_arithmetic() {
        let usd = Currency::USD;
        let eur = Currency::from_code("EUR").unwrap();
        let mut book = AgingBook::default();
        book.add(2, usd, Bucket::Current, 500).unwrap();
        book.add(1, eur, Bucket::Over90, 100).unwrap();
        book.add(1, usd, Bucket::Days1To30, 250).unwrap();
        book.add(1, usd, Bucket::Days1To30, 50).unwrap();
        book.add(3, usd, Bucket::Current, 0).unwrap();
        let lines: Vec<(i64, &str, [i64; 5])> = book
            .lines()
            .into_iter()
            .map(|(c, cur, b)| (c, cur.code(), b.0))
            .collect();
        assert_eq!(
            lines,
            vec![
                (1, "EUR", [0, 0, 0, 0, 100]),
                (1, "USD", [0, 300, 0, 0, 0]),
                (2, "USD", [500, 0, 0, 0, 0]),
            ]
        );
        let totals: Vec<(&str, [i64; 5])> = book
            .totals()
            .unwrap()
            .iter()
            .map(|(c, b)| (c.code(), b.0))
            .collect();
        assert_eq!(
            totals,
            vec![("EUR", [0, 0, 0, 0, 100]), ("USD", [500, 300, 0, 0, 0])]
        );
        let mut big = AgingBook::default();
        big.add(1, usd, Bucket::Current, i64::MAX).unwrap();
        assert_eq!(
            big.add(1, usd, Bucket::Current, 1),
            Err(MoneyError::Overflow)
        );
        big.add(1, usd, Bucket::Over90, 1).unwrap();
        let line = big.lines()[0].2;
        assert_eq!(line.total(), Err(MoneyError::Overflow));
    }
}
