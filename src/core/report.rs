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

use std::collections::{BTreeMap, HashMap};

use chrono::{DateTime, Duration, NaiveDate, Utc};
use serde::Serialize;

use super::currency::Currency;
use super::dates::{format_day, format_timestamp, parse_date, parse_stored, DateError};
use super::invoice::Closure;
use super::money::{Money, MoneyError};

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

fn add(a: i64, b: i64) -> Result<i64, MoneyError> {
    a.checked_add(b).ok_or(MoneyError::Overflow)
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

/// Sums of one customer's invoices in one currency, in minor units.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct InvoiceSums {
    /// Totals of the invoices that are not void.
    pub invoiced: i64,
    /// Money applied to them, net of reversals.
    pub paid: i64,
    /// What write-offs took.
    pub written_off: i64,
    /// What is still owed on open invoices.
    pub outstanding: i64,
    /// The part of `outstanding` past its due date.
    pub overdue: i64,
}

impl InvoiceSums {
    /// Counts one invoice: a void one not at all (it was never owed); a written-off one's
    /// total, payments and the amount written off; an open one's total, payments and what is
    /// still owed, also as overdue when `past_due`.
    pub fn add(
        &mut self,
        total: i64,
        allocated: i64,
        closure: Option<Closure>,
        written_off: i64,
        past_due: bool,
    ) -> Result<(), MoneyError> {
        if closure == Some(Closure::Void) {
            return Ok(());
        }
        self.invoiced = add(self.invoiced, total)?;
        self.paid = add(self.paid, allocated)?;
        if closure == Some(Closure::WrittenOff) {
            self.written_off = add(self.written_off, written_off)?;
            return Ok(());
        }
        let open = total.checked_sub(allocated).ok_or(MoneyError::Overflow)?;
        self.outstanding = add(self.outstanding, open)?;
        if past_due {
            self.overdue = add(self.overdue, open)?;
        }
        Ok(())
    }
}

#[derive(Clone, Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct BalanceRow {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub customer_id: Option<i64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub customer_name: Option<String>,
    pub currency: Currency,
    pub invoiced: Money,
    pub paid: Money,
    pub written_off: Money,
    pub outstanding: Money,
    pub overdue: Money,
    pub available_funds: Money,
}

impl BalanceRow {
    fn new(
        customer: Option<(i64, String)>,
        currency: Currency,
        s: &InvoiceSums,
        funds: i64,
    ) -> Self {
        let m = |minor: i64| Money::from_minor(minor, currency);
        let (customer_id, customer_name) = match customer {
            Some((id, name)) => (Some(id), Some(name)),
            None => (None, None),
        };
        BalanceRow {
            customer_id,
            customer_name,
            currency,
            invoiced: m(s.invoiced),
            paid: m(s.paid),
            written_off: m(s.written_off),
            outstanding: m(s.outstanding),
            overdue: m(s.overdue),
            available_funds: m(funds),
        }
    }
}

#[derive(Clone, Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct BalancesReport {
    /// The day `overdue` is counted on.
    pub as_of: String,
    pub customers: Vec<BalanceRow>,
    pub totals: Vec<BalanceRow>,
}

/// A customer as the reports name it.
#[derive(Clone, Debug)]
pub struct CustomerName {
    pub id: i64,
    pub name: String,
    pub currency: Currency,
}

/// Balances per customer and currency: every customer gets a line in its own currency (zeros
/// when it has nothing), then one per other currency it has invoices or funds in; totals per
/// currency follow.
pub fn balances(
    customers: &[CustomerName],
    invoice_sums: &[(i64, Currency, InvoiceSums)],
    funds: &[(i64, Currency, i64)],
) -> Result<(Vec<BalanceRow>, Vec<BalanceRow>), MoneyError> {
    type Key = (i64, &'static str);
    let mut sums: HashMap<Key, InvoiceSums> = HashMap::new();
    let mut cash: HashMap<Key, i64> = HashMap::new();
    let mut others: BTreeMap<i64, BTreeMap<&'static str, Currency>> = BTreeMap::new();
    for (customer, currency, s) in invoice_sums {
        sums.insert((*customer, currency.code()), *s);
        others
            .entry(*customer)
            .or_default()
            .insert(currency.code(), *currency);
    }
    for (customer, currency, minor) in funds {
        let slot = cash.entry((*customer, currency.code())).or_insert(0);
        *slot = add(*slot, *minor)?;
        others
            .entry(*customer)
            .or_default()
            .insert(currency.code(), *currency);
    }
    let mut rows = Vec::new();
    let mut totals: BTreeMap<&'static str, (Currency, InvoiceSums, i64)> = BTreeMap::new();
    for c in customers {
        let mut currencies = vec![c.currency];
        if let Some(more) = others.get(&c.id) {
            currencies.extend(more.values().filter(|cur| **cur != c.currency));
        }
        for currency in currencies {
            let key = (c.id, currency.code());
            let s = sums.get(&key).copied().unwrap_or_default();
            let f = cash.get(&key).copied().unwrap_or(0);
            let t = totals
                .entry(currency.code())
                .or_insert((currency, InvoiceSums::default(), 0));
            t.1 = InvoiceSums {
                invoiced: add(t.1.invoiced, s.invoiced)?,
                paid: add(t.1.paid, s.paid)?,
                written_off: add(t.1.written_off, s.written_off)?,
                outstanding: add(t.1.outstanding, s.outstanding)?,
                overdue: add(t.1.overdue, s.overdue)?,
            };
            t.2 = add(t.2, f)?;
            rows.push(BalanceRow::new(
                Some((c.id, c.name.clone())),
                currency,
                &s,
                f,
            ));
        }
    }
    let totals = totals
        .into_values()
        .map(|(currency, s, f)| BalanceRow::new(None, currency, &s, f))
        .collect();
    Ok((rows, totals))
}

// ---------------------------------------------------------------------------------------------
// The statement

/// How a payment's settlement or life ended.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PaymentEventKind {
    Settled,
    Failed,
    Voided,
}

/// How an invoice was closed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ClosureKind {
    Void,
    WrittenOff,
}

/// Something that happened on a customer's account, as the ledger recorded it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Happening {
    Invoice {
        id: i64,
        number: String,
        currency: Currency,
        total: i64,
        due: String,
    },
    Payment {
        id: i64,
        currency: Currency,
        amount: i64,
        method: String,
        reference: Option<String>,
    },
    /// Positive applies money to an invoice, negative takes it back; `kind` is the ledger's
    /// (allocate, unallocate, reallocate, refund, nsf, void).
    Allocation {
        id: i64,
        payment_id: i64,
        invoice_id: i64,
        amount: i64,
        kind: String,
        refund_id: Option<i64>,
    },
    Refund {
        id: i64,
        payment_id: i64,
        amount: i64,
        method: String,
        reference: Option<String>,
    },
    PaymentEvent {
        id: i64,
        payment_id: i64,
        kind: PaymentEventKind,
        message: Option<String>,
    },
    Closure {
        invoice_id: i64,
        kind: ClosureKind,
        amount: i64,
        reason: String,
    },
}

impl Happening {
    /// The order of things recorded at the same instant: an invoice and a payment come before
    /// the allocations between them; a refund's, bounce's or void's reversals come before it;
    /// a write-off comes after the allocations it follows.
    fn rank(&self) -> (u8, i64) {
        match self {
            Happening::Invoice { id, .. } => (0, *id),
            Happening::Payment { id, .. } => (1, *id),
            Happening::Allocation { id, .. } => (2, *id),
            Happening::Refund { id, .. } => (3, *id),
            Happening::PaymentEvent { id, .. } => (4, *id),
            Happening::Closure { invoice_id, .. } => (5, *invoice_id),
        }
    }
}

/// A happening and its date (`effective_at`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Dated {
    pub at: DateTime<Utc>,
    pub what: Happening,
}

#[derive(Clone, Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct StatementEntry {
    pub currency: Currency,
    /// The day (UTC), as the table shows it.
    pub date: String,
    pub effective_timestamp: String,
    /// opening, invoice, payment, allocation, unallocation, reallocation, reversal, refund,
    /// settled, nsf, payment void, write-off, invoice void, closing.
    pub entry: &'static str,
    pub invoice_id: Option<i64>,
    pub payment_id: Option<i64>,
    pub refund_id: Option<i64>,
    pub description: Option<String>,
    /// The record's own amount (always positive); the changes say what it did.
    pub amount: Option<Money>,
    /// Change to what the customer owes.
    pub balance_change: Option<Money>,
    /// What the customer owes after this entry.
    pub balance: Money,
    /// Change to the customer's unapplied funds.
    pub funds_change: Option<Money>,
    /// The customer's unapplied funds after this entry.
    pub available_funds: Money,
}

/// One currency's part of a statement.
#[derive(Clone, Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct StatementSection {
    pub currency: Currency,
    pub opening_balance: Money,
    pub opening_funds: Money,
    pub entries: Vec<StatementEntry>,
    pub closing_balance: Money,
    pub available_funds: Money,
}

#[derive(Clone, Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Statement {
    pub customer_id: i64,
    pub customer_name: String,
    /// First moment counted (`--from`), or null: from the beginning.
    pub from: Option<String>,
    /// Last day or moment counted (`--to`), or null: everything recorded.
    pub to: Option<String>,
    pub currencies: Vec<StatementSection>,
    /// The first second counted, for the opening line of the table and CSV.
    #[serde(skip)]
    pub opening_timestamp: Option<String>,
    /// The last second counted, for the closing line of the table and CSV.
    #[serde(skip)]
    pub closing_timestamp: Option<String>,
}

/// Why a statement cannot be drawn up.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum StatementError {
    #[error(transparent)]
    Money(#[from] MoneyError),
    #[error("the ledger has a row naming {0}, which is not this customer's")]
    Stray(String),
}

struct InvoiceState {
    currency: Currency,
    total: i64,
    applied: i64,
    issued: bool,
    closed: bool,
}

impl InvoiceState {
    fn outstanding(&self) -> i64 {
        outstanding_at(self.total, self.applied, self.issued, self.closed)
    }
}

struct PaymentState {
    currency: Currency,
    amount: i64,
    applied: i64,
    refunded: i64,
    received: bool,
    dead: bool,
}

impl PaymentState {
    fn funds(&self) -> i64 {
        funds_at(
            self.amount,
            self.applied,
            self.refunded,
            self.received,
            self.dead,
        )
    }
}

/// Running balance and funds of one currency.
#[derive(Clone, Copy, Default)]
struct Running {
    balance: i64,
    funds: i64,
}

/// The customer's account: what each invoice owes and each payment holds, as happenings are
/// applied in date order.
#[derive(Default)]
struct Account {
    invoices: HashMap<i64, InvoiceState>,
    payments: HashMap<i64, PaymentState>,
    running: BTreeMap<&'static str, (Currency, Running)>,
}

/// What one happening did: the entry's fields other than the running totals.
struct Effect {
    currency: Currency,
    entry: &'static str,
    invoice_id: Option<i64>,
    payment_id: Option<i64>,
    refund_id: Option<i64>,
    description: Option<String>,
    amount: i64,
    balance_change: i64,
    funds_change: i64,
}

fn with_reference(head: &str, reference: &Option<String>) -> String {
    match reference {
        Some(r) => format!("{head}, reference {r}"),
        None => head.to_string(),
    }
}

impl Account {
    fn invoice(&mut self, id: i64) -> Result<&mut InvoiceState, StatementError> {
        self.invoices
            .get_mut(&id)
            .ok_or_else(|| StatementError::Stray(format!("invoice {id}")))
    }

    fn payment(&mut self, id: i64) -> Result<&mut PaymentState, StatementError> {
        self.payments
            .get_mut(&id)
            .ok_or_else(|| StatementError::Stray(format!("payment {id}")))
    }

    /// Registers every invoice and payment first, so a row dated before the record it names
    /// (an allocation dated before its invoice) still finds it, not yet issued or received.
    fn register(&mut self, happenings: &[Dated]) {
        for d in happenings {
            match &d.what {
                Happening::Invoice {
                    id,
                    currency,
                    total,
                    ..
                } => {
                    self.invoices.insert(
                        *id,
                        InvoiceState {
                            currency: *currency,
                            total: *total,
                            applied: 0,
                            issued: false,
                            closed: false,
                        },
                    );
                }
                Happening::Payment {
                    id,
                    currency,
                    amount,
                    ..
                } => {
                    self.payments.insert(
                        *id,
                        PaymentState {
                            currency: *currency,
                            amount: *amount,
                            applied: 0,
                            refunded: 0,
                            received: false,
                            dead: false,
                        },
                    );
                }
                _ => {}
            }
        }
    }

    fn apply(&mut self, what: &Happening) -> Result<Effect, StatementError> {
        let effect = match what {
            Happening::Invoice {
                id,
                number,
                currency,
                total,
                due,
            } => {
                let inv = self.invoice(*id)?;
                let before = inv.outstanding();
                inv.issued = true;
                Effect {
                    currency: *currency,
                    entry: "invoice",
                    invoice_id: Some(*id),
                    payment_id: None,
                    refund_id: None,
                    description: Some(format!("{number}, due {}", day_of(due))),
                    amount: *total,
                    balance_change: inv.outstanding() - before,
                    funds_change: 0,
                }
            }
            Happening::Payment {
                id,
                currency,
                amount,
                method,
                reference,
            } => {
                let p = self.payment(*id)?;
                let before = p.funds();
                p.received = true;
                Effect {
                    currency: *currency,
                    entry: "payment",
                    invoice_id: None,
                    payment_id: Some(*id),
                    refund_id: None,
                    description: Some(with_reference(method, reference)),
                    amount: *amount,
                    balance_change: 0,
                    funds_change: p.funds() - before,
                }
            }
            Happening::Allocation {
                payment_id,
                invoice_id,
                amount,
                kind,
                refund_id,
                ..
            } => {
                let inv = self.invoice(*invoice_id)?;
                let inv_before = inv.outstanding();
                inv.applied = add(inv.applied, *amount)?;
                let balance_change = inv.outstanding() - inv_before;
                let p = self.payment(*payment_id)?;
                let currency = p.currency;
                let funds_before = p.funds();
                p.applied = add(p.applied, *amount)?;
                let funds_change = p.funds() - funds_before;
                let (entry, description) = match (kind.as_str(), *amount > 0) {
                    ("reallocate", _) => ("reallocation", None),
                    ("unallocate", _) => ("unallocation", None),
                    ("refund", false) => (
                        "reversal",
                        Some(match refund_id {
                            Some(r) => format!("for refund {r}"),
                            None => "for a refund".to_string(),
                        }),
                    ),
                    ("nsf", false) => ("reversal", Some("payment bounced (NSF)".to_string())),
                    ("void", false) => ("reversal", Some("payment voided".to_string())),
                    (_, true) => ("allocation", None),
                    (_, false) => ("reversal", None),
                };
                Effect {
                    currency,
                    entry,
                    invoice_id: Some(*invoice_id),
                    payment_id: Some(*payment_id),
                    refund_id: *refund_id,
                    description,
                    amount: amount.saturating_abs(),
                    balance_change,
                    funds_change,
                }
            }
            Happening::Refund {
                id,
                payment_id,
                amount,
                method,
                reference,
            } => {
                let p = self.payment(*payment_id)?;
                let before = p.funds();
                p.refunded = add(p.refunded, *amount)?;
                Effect {
                    currency: p.currency,
                    entry: "refund",
                    invoice_id: None,
                    payment_id: Some(*payment_id),
                    refund_id: Some(*id),
                    description: Some(with_reference(method, reference)),
                    amount: *amount,
                    balance_change: 0,
                    funds_change: p.funds() - before,
                }
            }
            Happening::PaymentEvent {
                payment_id,
                kind,
                message,
                ..
            } => {
                let p = self.payment(*payment_id)?;
                let before = p.funds();
                let entry = match kind {
                    PaymentEventKind::Settled => "settled",
                    PaymentEventKind::Failed => {
                        p.dead = true;
                        "nsf"
                    }
                    PaymentEventKind::Voided => {
                        p.dead = true;
                        "payment void"
                    }
                };
                Effect {
                    currency: p.currency,
                    entry,
                    invoice_id: None,
                    payment_id: Some(*payment_id),
                    refund_id: None,
                    description: message.clone(),
                    amount: p.amount,
                    balance_change: 0,
                    funds_change: p.funds() - before,
                }
            }
            Happening::Closure {
                invoice_id,
                kind,
                amount,
                reason,
            } => {
                let inv = self.invoice(*invoice_id)?;
                let before = inv.outstanding();
                inv.closed = true;
                let (entry, shown) = match kind {
                    ClosureKind::WrittenOff => ("write-off", *amount),
                    ClosureKind::Void => ("invoice void", inv.total),
                };
                Effect {
                    currency: inv.currency,
                    entry,
                    invoice_id: Some(*invoice_id),
                    payment_id: None,
                    refund_id: None,
                    description: Some(reason.clone()),
                    amount: shown,
                    balance_change: inv.outstanding() - before,
                    funds_change: 0,
                }
            }
        };
        let slot = self
            .running
            .entry(effect.currency.code())
            .or_insert((effect.currency, Running::default()));
        slot.1.balance = add(slot.1.balance, effect.balance_change)?;
        slot.1.funds = add(slot.1.funds, effect.funds_change)?;
        Ok(effect)
    }

    fn running(&self, currency: Currency) -> Running {
        self.running
            .get(currency.code())
            .map(|(_, r)| *r)
            .unwrap_or_default()
    }
}

/// `YYYY-MM-DD` of a stored timestamp (its first ten characters when it parses).
fn day_of(stamp: &str) -> String {
    parse_stored(stamp)
        .map(format_day)
        .unwrap_or_else(|_| stamp.to_string())
}

/// Draws up a customer's statement: the running balance (what the customer owes) and funds
/// (what its payments hold unapplied) of each currency, from everything dated before `from`
/// (the opening line), through every happening dated in `[from, to)`, to the closing line.
/// Sections: the customer's own currency first, then any other it has rows in, by code.
pub fn statement(
    customer_currency: Currency,
    mut happenings: Vec<Dated>,
    from: Option<DateTime<Utc>>,
    to: Option<DateTime<Utc>>,
) -> Result<Vec<StatementSection>, StatementError> {
    happenings.sort_by_key(|d| (d.at, d.what.rank()));
    if let Some(to) = to {
        happenings.retain(|d| d.at < to);
    }
    let mut account = Account::default();
    account.register(&happenings);
    let split = from.map_or(0, |from| happenings.partition_point(|d| d.at < from));
    for d in &happenings[..split] {
        account.apply(&d.what)?;
    }
    let mut currencies: Vec<Currency> = vec![customer_currency];
    let mut codes: BTreeMap<&'static str, Currency> = BTreeMap::new();
    for inv in account.invoices.values() {
        codes.insert(inv.currency.code(), inv.currency);
    }
    for p in account.payments.values() {
        codes.insert(p.currency.code(), p.currency);
    }
    currencies.extend(codes.into_values().filter(|c| *c != customer_currency));
    let opening: Vec<Running> = currencies.iter().map(|c| account.running(*c)).collect();
    let mut entries: HashMap<&'static str, Vec<StatementEntry>> = HashMap::new();
    for d in &happenings[split..] {
        let e = account.apply(&d.what)?;
        let now = account.running(e.currency);
        let m = |minor: i64| Money::from_minor(minor, e.currency);
        entries
            .entry(e.currency.code())
            .or_default()
            .push(StatementEntry {
                currency: e.currency,
                date: format_day(d.at),
                effective_timestamp: format_timestamp(d.at),
                entry: e.entry,
                invoice_id: e.invoice_id,
                payment_id: e.payment_id,
                refund_id: e.refund_id,
                description: e.description,
                amount: Some(m(e.amount)),
                balance_change: Some(m(e.balance_change)),
                balance: m(now.balance),
                funds_change: Some(m(e.funds_change)),
                available_funds: m(now.funds),
            });
    }
    Ok(currencies
        .into_iter()
        .zip(opening)
        .map(|(currency, open)| {
            let close = account.running(currency);
            let m = |minor: i64| Money::from_minor(minor, currency);
            StatementSection {
                currency,
                opening_balance: m(open.balance),
                opening_funds: m(open.funds),
                entries: entries.remove(currency.code()).unwrap_or_default(),
                closing_balance: m(close.balance),
                available_funds: m(close.funds),
            }
        })
        .collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(text: &str) -> NaiveDate {
        NaiveDate::parse_from_str(text, "%Y-%m-%d").unwrap()
    }

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

    fn at(text: &str) -> DateTime<Utc> {
        parse_date(text).unwrap()
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

    #[test]
    fn invoice_sums_leave_void_out_and_count_write_offs_apart() {
        let mut s = InvoiceSums::default();
        s.add(10000, 4000, None, 0, true).unwrap();
        s.add(5000, 0, None, 0, false).unwrap();
        s.add(2000, 500, Some(Closure::WrittenOff), 1500, true)
            .unwrap();
        s.add(9999, 0, Some(Closure::Void), 0, true).unwrap();
        assert_eq!(
            s,
            InvoiceSums {
                invoiced: 17000,
                paid: 4500,
                written_off: 1500,
                outstanding: 11000,
                overdue: 6000,
            }
        );
        assert_eq!(s.invoiced, s.paid + s.written_off + s.outstanding);
        let mut big = InvoiceSums::default();
        big.add(i64::MAX, 0, None, 0, false).unwrap();
        assert_eq!(big.add(1, 0, None, 0, false), Err(MoneyError::Overflow));
    }

    #[test]
    fn balances_give_every_customer_its_own_currency_and_keep_currencies_apart() {
        let usd = Currency::USD;
        let eur = Currency::from_code("EUR").unwrap();
        let customers = vec![
            CustomerName {
                id: 1,
                name: "A".into(),
                currency: usd,
            },
            CustomerName {
                id: 2,
                name: "B".into(),
                currency: usd,
            },
        ];
        let sums = vec![
            (
                1,
                eur,
                InvoiceSums {
                    invoiced: 900,
                    outstanding: 900,
                    overdue: 900,
                    ..Default::default()
                },
            ),
            (
                1,
                usd,
                InvoiceSums {
                    invoiced: 1000,
                    paid: 400,
                    written_off: 100,
                    outstanding: 500,
                    overdue: 200,
                },
            ),
        ];
        let funds = vec![(1, usd, 25)];
        let (rows, totals) = balances(&customers, &sums, &funds).unwrap();
        let shown: Vec<String> = rows
            .iter()
            .chain(&totals)
            .map(|r| {
                format!(
                    "{:?} {} {} {} {} {} {} {}",
                    r.customer_id,
                    r.currency.code(),
                    r.invoiced,
                    r.paid,
                    r.written_off,
                    r.outstanding,
                    r.overdue,
                    r.available_funds
                )
            })
            .collect();
        assert_eq!(
            shown,
            vec![
                "Some(1) USD 10.00 4.00 1.00 5.00 2.00 0.25",
                "Some(1) EUR 9.00 0.00 0.00 9.00 9.00 0.00",
                "Some(2) USD 0.00 0.00 0.00 0.00 0.00 0.00",
                "None EUR 9.00 0.00 0.00 9.00 9.00 0.00",
                "None USD 10.00 4.00 1.00 5.00 2.00 0.25",
            ]
        );
    }

    fn invoice(id: i64, at_: &str, total: i64) -> Dated {
        Dated {
            at: at(at_),
            what: Happening::Invoice {
                id,
                number: format!("N{id}"),
                currency: Currency::USD,
                total,
                due: "2026-10-31T00:00:00Z".into(),
            },
        }
    }

    fn payment(id: i64, at_: &str, amount: i64) -> Dated {
        Dated {
            at: at(at_),
            what: Happening::Payment {
                id,
                currency: Currency::USD,
                amount,
                method: "Cash".into(),
                reference: None,
            },
        }
    }

    fn alloc(
        id: i64,
        at_: &str,
        payment_id: i64,
        invoice_id: i64,
        amount: i64,
        kind: &str,
    ) -> Dated {
        Dated {
            at: at(at_),
            what: Happening::Allocation {
                id,
                payment_id,
                invoice_id,
                amount,
                kind: kind.into(),
                refund_id: None,
            },
        }
    }

    /// (entry, balance change, balance, funds change, funds) of each entry, in minor units.
    fn trail(section: &StatementSection) -> Vec<(&'static str, i64, i64, i64, i64)> {
        section
            .entries
            .iter()
            .map(|e| {
                (
                    e.entry,
                    e.balance_change.unwrap().minor(),
                    e.balance.minor(),
                    e.funds_change.unwrap().minor(),
                    e.available_funds.minor(),
                )
            })
            .collect()
    }

    #[test]
    fn statement_runs_balance_and_funds_in_date_order() {
        let happenings = vec![
            // Given out of order: the statement sorts by date, then by kind at one instant.
            alloc(1, "2026-10-05", 1, 10, 6000, "allocate"),
            payment(1, "2026-10-05", 8000),
            invoice(10, "2026-10-01", 10000),
            invoice(11, "2026-10-02", 5000),
            Dated {
                at: at("2026-11-01"),
                what: Happening::Refund {
                    id: 1,
                    payment_id: 1,
                    amount: 500,
                    method: "check".into(),
                    reference: Some("R-1".into()),
                },
            },
            alloc(2, "2026-11-02", 1, 10, -1000, "unallocate"),
            Dated {
                at: at("2026-11-03"),
                what: Happening::Closure {
                    invoice_id: 11,
                    kind: ClosureKind::WrittenOff,
                    amount: 5000,
                    reason: "gone".into(),
                },
            },
        ];
        let sections = statement(Currency::USD, happenings.clone(), None, None).unwrap();
        assert_eq!(sections.len(), 1);
        let s = &sections[0];
        assert_eq!(
            trail(s),
            vec![
                ("invoice", 10000, 10000, 0, 0),
                ("invoice", 5000, 15000, 0, 0),
                ("payment", 0, 15000, 8000, 8000),
                ("allocation", -6000, 9000, -6000, 2000),
                ("refund", 0, 9000, -500, 1500),
                ("unallocation", 1000, 10000, 1000, 2500),
                ("write-off", -5000, 5000, 0, 2500),
            ]
        );
        assert_eq!(s.opening_balance.minor(), 0);
        assert_eq!(s.closing_balance.minor(), 5000);
        assert_eq!(s.available_funds.minor(), 2500);
        assert_eq!(
            s.entries[4].description.as_deref(),
            Some("check, reference R-1")
        );

        // A window: what came before is the opening line; what comes after is left out.
        let window = statement(
            Currency::USD,
            happenings,
            Some(at("2026-10-05")),
            Some(at("2026-11-02")),
        )
        .unwrap();
        let w = &window[0];
        assert_eq!(
            (w.opening_balance.minor(), w.opening_funds.minor()),
            (15000, 0)
        );
        assert_eq!(
            trail(w).iter().map(|t| t.0).collect::<Vec<_>>(),
            vec!["payment", "allocation", "refund"]
        );
        assert_eq!(
            (w.closing_balance.minor(), w.available_funds.minor()),
            (9000, 1500)
        );
    }

    #[test]
    fn bounced_payment_reopens_invoices_and_its_funds_go() {
        let happenings = vec![
            invoice(10, "2026-10-01", 10000),
            payment(1, "2026-10-05", 12000),
            alloc(1, "2026-10-05", 1, 10, 10000, "allocate"),
            alloc(2, "2026-10-09", 1, 10, -10000, "nsf"),
            Dated {
                at: at("2026-10-09"),
                what: Happening::PaymentEvent {
                    id: 1,
                    payment_id: 1,
                    kind: PaymentEventKind::Failed,
                    message: Some("R01".into()),
                },
            },
        ];
        let s = &statement(Currency::USD, happenings, None, None).unwrap()[0];
        assert_eq!(
            trail(s),
            vec![
                ("invoice", 10000, 10000, 0, 0),
                ("payment", 0, 10000, 12000, 12000),
                ("allocation", -10000, 0, -10000, 2000),
                ("reversal", 10000, 10000, 10000, 12000),
                ("nsf", 0, 10000, -12000, 0),
            ]
        );
    }

    #[test]
    fn an_allocation_dated_before_its_invoice_counts_once_the_invoice_is_issued() {
        let happenings = vec![
            payment(1, "2026-10-01", 3000),
            alloc(1, "2026-10-01", 1, 10, 3000, "allocate"),
            invoice(10, "2026-10-20", 10000),
        ];
        let s = &statement(Currency::USD, happenings, None, None).unwrap()[0];
        assert_eq!(
            trail(s),
            vec![
                ("payment", 0, 0, 3000, 3000),
                ("allocation", 0, 0, -3000, 0),
                ("invoice", 7000, 7000, 0, 0),
            ]
        );
    }

    #[test]
    fn other_currencies_get_their_own_section_after_the_customers() {
        let eur = Currency::from_code("EUR").unwrap();
        let happenings = vec![
            Dated {
                at: at("2026-10-01"),
                what: Happening::Invoice {
                    id: 20,
                    number: "E1".into(),
                    currency: eur,
                    total: 4000,
                    due: "2026-10-01T00:00:00Z".into(),
                },
            },
            invoice(10, "2026-10-02", 10000),
        ];
        let sections = statement(Currency::USD, happenings, None, None).unwrap();
        let shown: Vec<(&str, i64)> = sections
            .iter()
            .map(|s| (s.currency.code(), s.closing_balance.minor()))
            .collect();
        assert_eq!(shown, vec![("USD", 10000), ("EUR", 4000)]);
    }

    #[test]
    fn a_row_naming_an_unknown_record_is_an_error() {
        let happenings = vec![alloc(1, "2026-10-01", 1, 10, 3000, "allocate")];
        assert_eq!(
            statement(Currency::USD, happenings, None, None).unwrap_err(),
            StatementError::Stray("invoice 10".into())
        );
    }
}
