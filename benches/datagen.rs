//! The benchmark data generator: seeded, so the same arguments always write the same bytes.
//!
//! It writes, into one folder:
//!
//! - `customers.csv`, `invoices.csv`, `payments.csv`: payctl import files (README "Import and
//!   export"); every payment row asks for auto-allocation;
//! - `ledger.journal`: the same invoices and payments as a ledger/hledger journal, one account
//!   per customer under `assets:receivable`, invoices as debits, payments as credits;
//! - `invoices_plain.csv`, `payments_plain.csv`: the same rows without a header, amounts in
//!   integer cents, for `sqlite3 .import` into a bare table;
//! - `expected.csv` (per customer) and `totals.csv`: what payctl must say after importing the
//!   three import files in order (customers, invoices, payments).
//!
//! All customers are in USD. Amounts are integer cents from first to last, printed as decimals
//! with two places; no floating point is involved.
//!
//! Used by `benches/generate.rs` (the `generate` example) and by the integration test
//! `tests/cli/bench_harness.rs`, which includes this file with `#[path]`.

use std::fs::{self, File};
use std::io::{self, BufWriter, Write};
use std::path::Path;

use chrono::{Days, NaiveDate};
use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;

/// How much data to write.
#[derive(Clone, Copy, Debug)]
pub struct Params {
    pub customers: u64,
    pub invoices: u64,
    pub payments: u64,
    pub seed: u64,
}

/// What the generated data adds up to, per customer (index `id - 1`) and in total, in cents.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Expected {
    pub invoiced: Vec<i64>,
    pub paid: Vec<i64>,
}

impl Expected {
    pub fn total_invoiced(&self) -> i64 {
        self.invoiced.iter().sum()
    }

    pub fn total_paid(&self) -> i64 {
        self.paid.iter().sum()
    }

    /// Every payment is auto-allocated after all invoices are in, and auto-allocation may use
    /// any open invoice of the customer, so each customer ends with min(invoiced, paid)
    /// allocated, whatever the order the invoices are taken in.
    pub fn allocated(&self, customer: usize) -> i64 {
        self.invoiced[customer].min(self.paid[customer])
    }

    /// The customer's outstandingBalance after the import.
    pub fn outstanding(&self, customer: usize) -> i64 {
        self.invoiced[customer] - self.allocated(customer)
    }

    /// The customer's availableFunds after the import.
    pub fn available(&self, customer: usize) -> i64 {
        self.paid[customer] - self.allocated(customer)
    }

    pub fn total_allocated(&self) -> i64 {
        (0..self.invoiced.len()).map(|c| self.allocated(c)).sum()
    }
}

/// `1234` cents as `12.34`. Amounts here are never negative.
pub fn cents(minor: i64) -> String {
    let sign = if minor < 0 { "-" } else { "" };
    let abs = minor.unsigned_abs();
    format!("{sign}{}.{:02}", abs / 100, abs % 100)
}

/// The smallest and largest invoice, and the largest payment, in cents. Payments are a little
/// smaller on average than invoices, so most customers keep open invoices (for aging reports)
/// and some end with unallocated funds.
const INVOICE_MIN: i64 = 1_000; // 10.00
const INVOICE_MAX: i64 = 500_000; // 5,000.00
const PAYMENT_MIN: i64 = 500; // 5.00
const PAYMENT_MAX: i64 = 400_000; // 4,000.00
const TERMS_DAYS: [u64; 5] = [15, 30, 30, 45, 60];
const METHODS: [&str; 2] = ["Cash", "Check"];

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    // Constant, valid dates.
    NaiveDate::from_ymd_opt(y, m, d).expect("valid date")
}

fn random_day(rng: &mut ChaCha8Rng, from: NaiveDate, to: NaiveDate) -> NaiveDate {
    let span = (to - from).num_days().max(0) as u64;
    from + Days::new(rng.random_range(0..=span))
}

fn create(out: &Path, name: &str) -> io::Result<BufWriter<File>> {
    Ok(BufWriter::with_capacity(
        1 << 16,
        File::create(out.join(name))?,
    ))
}

fn account(customer: u64) -> String {
    format!("assets:receivable:c{customer:07}")
}

/// Writes every file into `out` (created if needed) and returns what they add up to.
///
/// Invoices and payments come from separate random streams of the seed, so the customers and
/// invoices of a seed do not depend on how many payments are asked for: a cached ledger of
/// customers and invoices serves every payment count.
pub fn generate(params: &Params, out: &Path) -> io::Result<Expected> {
    if params.customers == 0 && (params.invoices > 0 || params.payments > 0) {
        return Err(io::Error::new(
            io::ErrorKind::InvalidInput,
            "invoices and payments need at least one customer",
        ));
    }
    fs::create_dir_all(out)?;
    let n = params.customers as usize;
    let mut expected = Expected {
        invoiced: vec![0; n],
        paid: vec![0; n],
    };

    let mut customers = create(out, "customers.csv")?;
    writeln!(customers, "id,name,email,currency")?;
    for id in 1..=params.customers {
        writeln!(customers, "{id},Customer {id:07},ap{id}@example.test,USD")?;
    }
    customers.flush()?;

    let mut journal = create(out, "ledger.journal")?;
    writeln!(
        journal,
        "; payctl benchmark data, seed {}: {} customers, {} invoices, {} payments",
        params.seed, params.customers, params.invoices, params.payments
    )?;
    writeln!(
        journal,
        "; invoices debit the customer's receivable, payments credit it\n"
    )?;

    let mut invoices = create(out, "invoices.csv")?;
    let mut invoices_plain = create(out, "invoices_plain.csv")?;
    writeln!(
        invoices,
        "id,invoiceNumber,customerId,currency,invoiceAmount,effectiveTimestamp,dueDate"
    )?;
    let mut rng = ChaCha8Rng::seed_from_u64(params.seed);
    rng.set_stream(1);
    for id in 1..=params.invoices {
        let customer = rng.random_range(1..=params.customers);
        let amount = rng.random_range(INVOICE_MIN..=INVOICE_MAX);
        let date = random_day(&mut rng, day(2025, 1, 1), day(2026, 10, 31));
        let due = date + Days::new(TERMS_DAYS[rng.random_range(0..TERMS_DAYS.len())]);
        expected.invoiced[customer as usize - 1] += amount;
        let amount_text = cents(amount);
        writeln!(
            invoices,
            "{id},INV-{id:08},{customer},USD,{amount_text},{date},{due}"
        )?;
        writeln!(
            invoices_plain,
            "{id},INV-{id:08},{customer},{amount},{date},{due}"
        )?;
        writeln!(
            journal,
            "{date} * Invoice INV-{id:08}\n    {}  {amount_text} USD\n    income:sales  -{amount_text} USD\n",
            account(customer)
        )?;
    }
    invoices.flush()?;
    invoices_plain.flush()?;

    let mut payments = create(out, "payments.csv")?;
    let mut payments_plain = create(out, "payments_plain.csv")?;
    writeln!(
        payments,
        "customerId,amount,paymentMethod,reference,effectiveTimestamp,autoAllocate"
    )?;
    let mut rng = ChaCha8Rng::seed_from_u64(params.seed);
    rng.set_stream(2);
    for n in 1..=params.payments {
        let customer = rng.random_range(1..=params.customers);
        let amount = rng.random_range(PAYMENT_MIN..=PAYMENT_MAX);
        let method = METHODS[rng.random_range(0..METHODS.len())];
        let date = random_day(&mut rng, day(2025, 1, 15), day(2026, 11, 20));
        expected.paid[customer as usize - 1] += amount;
        let amount_text = cents(amount);
        writeln!(
            payments,
            "{customer},{amount_text},{method},PAY-{n:08},{date},true"
        )?;
        writeln!(
            payments_plain,
            "{customer},{amount},{method},PAY-{n:08},{date},1"
        )?;
        writeln!(
            journal,
            "{date} * Payment PAY-{n:08}\n    assets:bank  {amount_text} USD\n    {}  -{amount_text} USD\n",
            account(customer)
        )?;
    }
    payments.flush()?;
    payments_plain.flush()?;
    journal.flush()?;

    let mut per_customer = create(out, "expected.csv")?;
    writeln!(
        per_customer,
        "customerId,invoiced,paid,outstandingBalance,availableFunds"
    )?;
    for c in 0..n {
        writeln!(
            per_customer,
            "{},{},{},{},{}",
            c + 1,
            cents(expected.invoiced[c]),
            cents(expected.paid[c]),
            cents(expected.outstanding(c)),
            cents(expected.available(c))
        )?;
    }
    per_customer.flush()?;

    let mut totals = create(out, "totals.csv")?;
    writeln!(
        totals,
        "seed,customers,invoices,payments,invoiced,paid,allocated\n{},{},{},{},{},{},{}",
        params.seed,
        params.customers,
        params.invoices,
        params.payments,
        cents(expected.total_invoiced()),
        cents(expected.total_paid()),
        cents(expected.total_allocated())
    )?;
    totals.flush()?;
    Ok(expected)
}
