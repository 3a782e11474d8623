//! The command line, as clap types and nothing else. Values are parsed into domain types here
//! (stage one); the rules that need the ledger run later.

use std::path::PathBuf;

use chrono::{DateTime, Utc};
use clap::{Args, Parser, Subcommand, ValueEnum};
use rust_decimal::Decimal;

use crate::core::invoice_ref::InvoiceRef;
use crate::core::payment::{parse_allocation_spec, parse_id, AllocationSpec};
use crate::core::text::excerpt;
use crate::core::{
    AllocationOrder, ClosedSet, Currency, InvoiceStatus, MethodType, PaymentMethod, Source,
};

pub mod after;
pub mod backup;
pub mod bank;
pub mod bulk;
pub mod customer;
pub mod db;
pub mod examples;
pub mod invoice;
pub mod method;
pub mod payment;
pub mod period;
pub mod report;
pub mod restore;

pub use after::{
    ActivityCommand, AllocateArgs, ReallocateArgs, RefundArgs, SettleArgs, SettleStatus,
    UnallocateArgs,
};
pub use backup::BackupArgs;
pub use bank::{BankApplyArgs, BankCommand};
pub use bulk::{ExportArgs, ImportArgs};
pub use customer::CustomerCommand;
pub use db::DbCommand;
pub use invoice::{CreditCommand, InvoiceCommand};
pub use method::MethodCommand;
pub use payment::{CreateArgs, ListArgs};
pub use period::PeriodCommand;
pub use report::ReportCommand;
pub use restore::RestoreArgs;

#[derive(Debug, Parser)]
#[command(
    name = "payctl",
    version,
    about = "Record customer payments and allocate them to invoices, in a local SQLite ledger",
    long_about = "Record customer payments and allocate them to invoices, in a local SQLite ledger.",
    after_help = examples::help(examples::PAYCTL),
    propagate_version = true,
    // A bare `payctl` is a request for help, not a malformed command line: help on stdout,
    // exit 0 (src/app.rs).
    arg_required_else_help = true,
    max_term_width = 100
)]
pub struct Cli {
    #[command(flatten)]
    pub global: GlobalArgs,
    #[command(subcommand)]
    pub command: Command,
}

/// Options every command takes. Under their own heading in every command's help, so that a
/// command's own flags are not lost among them.
#[derive(Debug, Args)]
#[command(next_help_heading = "Global options")]
pub struct GlobalArgs {
    /// Ledger file [default: $XDG_DATA_HOME/payctl/ledger.db, i.e. ~/.local/share/payctl/ledger.db]
    #[arg(long, global = true, env = "PAYCTL_DB", value_name = "PATH")]
    pub db: Option<PathBuf>,
    /// Output format
    #[arg(short = 'o', long, global = true, env = "PAYCTL_OUTPUT", value_enum, default_value_t = OutputFormat::Table, ignore_case = true)]
    pub output: OutputFormat,
    /// Print only what a script needs (a new record's id, a backup's path), no summary
    #[arg(short, long, global = true)]
    pub quiet: bool,
    /// When to use colour (NO_COLOR, TERM=dumb and a non-terminal stdout mean never)
    #[arg(long, global = true, value_enum, default_value_t = ColorChoice::Auto, value_name = "WHEN")]
    pub color: ColorChoice,
    /// Leave the header row out of tables (boxed and plain)
    #[arg(long, global = true)]
    pub no_headers: bool,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum OutputFormat {
    /// Boxed on a terminal; plain columns separated by two spaces in a pipe
    Table,
    /// One JSON document (lists are arrays)
    Json,
    Csv,
    /// JSON Lines: one JSON object per line (each record of a list)
    Jsonl,
    /// A self-contained HTML page (report aging and report statement only)
    Html,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum ColorChoice {
    Auto,
    Always,
    Never,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Add, list and show customers
    #[command(subcommand, after_help = examples::help(examples::CUSTOMER))]
    Customer(CustomerCommand),
    /// Payment methods on file (credit cards, bank accounts, PayPal)
    #[command(subcommand, after_help = examples::help(examples::METHOD))]
    Method(MethodCommand),
    /// Add, list, show, void and write off invoices
    #[command(subcommand, after_help = examples::help(examples::INVOICE))]
    Invoice(InvoiceCommand),
    /// A customer's unapplied credit: write it off
    #[command(subcommand, after_help = examples::help(examples::CREDIT))]
    Credit(CreditCommand),
    /// Record a payment and allocate it to invoices
    #[command(after_help = examples::help(examples::CREATE))]
    Create(Box<CreateArgs>),
    /// List payments
    #[command(after_help = examples::help(examples::LIST))]
    List(ListArgs),
    /// Show one payment as a Fusebill Payment Object
    #[command(after_help = examples::help(examples::SHOW))]
    Show {
        /// Payment id
        #[arg(value_parser = id_arg)]
        id: i64,
    },
    /// Apply a payment's unallocated funds to invoices (or all of a customer's with --customer)
    #[command(after_help = examples::help(examples::ALLOCATE))]
    Allocate(AllocateArgs),
    /// Take money a payment applied to an invoice back into its unallocated funds
    #[command(after_help = examples::help(examples::UNALLOCATE))]
    Unallocate(UnallocateArgs),
    /// Move money from one invoice to another in one step
    #[command(after_help = examples::help(examples::REALLOCATE))]
    Reallocate(ReallocateArgs),
    /// Refund part or all of a payment
    #[command(after_help = examples::help(examples::REFUND))]
    Refund(RefundArgs),
    /// Settle a Pending (ACH, DirectDeposit) payment; failed means NSF
    #[command(after_help = examples::help(examples::SETTLE))]
    Settle(SettleArgs),
    /// Void a payment entered by mistake (reverses its allocations, keeps the record)
    #[command(after_help = examples::help(examples::VOID))]
    Void {
        /// Payment id
        #[arg(value_parser = id_arg)]
        id: i64,
        /// Why (kept in the audit trail)
        #[arg(long)]
        reason: String,
        /// Print what would be written, write nothing
        #[arg(long)]
        dry_run: bool,
    },
    /// Payment activities: every attempt to move money
    #[command(subcommand, after_help = examples::help(examples::ACTIVITY))]
    Activity(ActivityCommand),
    /// Show the audit trail
    #[command(after_help = examples::help(examples::LOG))]
    Log {
        /// Only events about this customer
        #[arg(long, value_parser = id_arg)]
        customer: Option<i64>,
        /// Only events about this payment
        #[arg(long, value_parser = id_arg)]
        payment: Option<i64>,
    },
    /// Import payments, invoices or customers from CSV, JSON, JSON Lines or XML, all or nothing
    #[command(after_help = examples::help(examples::IMPORT))]
    Import(ImportArgs),
    /// Export payments, invoices, customers, allocations or activities
    #[command(after_help = examples::help(examples::EXPORT))]
    Export(ExportArgs),
    /// Close accounting periods: no write dated on or before a closed date is accepted
    #[command(subcommand, after_help = examples::help(examples::PERIOD))]
    Period(PeriodCommand),
    /// Receivables reports: aging, customer statement, balances (read only)
    #[command(subcommand, after_help = examples::help(examples::REPORT))]
    Report(ReportCommand),
    /// Check the ledger: SQLite integrity, foreign keys, and every balance recomputed from its rows
    #[command(after_help = examples::help(examples::VERIFY))]
    Verify,
    /// Find customers by name or email, invoices by number, payments by reference, and all
    /// three by exact amount
    #[command(after_help = examples::help(examples::FIND))]
    Find {
        /// What to look for: part of a name, email or reference, an invoice number or its
        /// start, or an amount (50.78)
        text: String,
        /// At most this many customers, this many invoices and this many payments
        #[arg(long, default_value_t = crate::core::find::DEFAULT_LIMIT, value_parser = clap::value_parser!(u32).range(1..=100_000))]
        limit: u32,
    },
    /// Write a consistent copy of the ledger to FILE, safely while other payctl processes write
    #[command(after_help = examples::help(examples::BACKUP))]
    Backup(BackupArgs),
    /// Bank statements: import their credit lines, match them to invoices, apply them as
    /// payments, list, show, ignore and report them
    #[command(subcommand, after_help = examples::help(examples::BANK))]
    Bank(BankCommand),
    /// Administer a team ledger on PostgreSQL: database roles for clerks
    #[command(subcommand, after_help = examples::help(examples::DB))]
    Db(DbCommand),
    /// Load a SQLite ledger FILE (a backup) into the empty ledger named by --db (a file or a
    /// postgres:// URL; on PostgreSQL run it as the database's owner)
    #[command(after_help = examples::help(examples::RESTORE))]
    Restore(RestoreArgs),
    /// Print a shell completion script
    #[command(after_help = examples::help(examples::COMPLETIONS))]
    Completions {
        /// The shell to complete for
        #[arg(value_enum)]
        shell: Shell,
    },
    /// Print a man page (roff), or write them all to a folder
    #[command(after_help = examples::help(examples::MAN))]
    Man(ManArgs),
}

#[derive(Debug, Args)]
pub struct ManArgs {
    /// The command whose page to print (`create`, `invoice add`) [default: payctl(1)]
    #[arg(conflicts_with = "dir", value_name = "COMMAND")]
    pub command: Vec<String>,
    /// Write every page (payctl.1, payctl-create.1, payctl-invoice-add.1, ...) into DIR
    /// (created if missing) instead of printing one
    #[arg(long, value_name = "DIR")]
    pub dir: Option<PathBuf>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum Shell {
    Bash,
    Zsh,
    Fish,
    Powershell,
    Elvish,
}

// Value parsers: each turns one argument into a domain value, or says what is allowed.

/// Any of core's closed sets (`PaymentMethod`, `Source`, ...), in Fusebill's spelling or
/// kebab-case; an unknown value lists the allowed ones.
pub fn enum_arg<T: std::str::FromStr<Err = crate::core::enums::UnknownValue>>(
    text: &str,
) -> Result<T, String> {
    text.parse()
        .map_err(|e: crate::core::enums::UnknownValue| e.to_string())
}

/// The value parser of every flag that takes one of core's closed sets: it parses as
/// [`enum_arg`] does (any case, Fusebill's spelling or kebab-case, the same errors) and also
/// tells clap the canonical values, so that help lists them and every shell completes them.
pub fn closed_set<T: ClosedSet>() -> ClosedSetParser<T> {
    ClosedSetParser(std::marker::PhantomData)
}

pub struct ClosedSetParser<T>(std::marker::PhantomData<fn() -> T>);

// Derived Clone would require `T: Clone`; the parser holds no T.
impl<T> Clone for ClosedSetParser<T> {
    fn clone(&self) -> Self {
        ClosedSetParser(std::marker::PhantomData)
    }
}

impl<T: ClosedSet> clap::builder::TypedValueParser for ClosedSetParser<T> {
    type Value = T;

    fn parse_ref(
        &self,
        cmd: &clap::Command,
        arg: Option<&clap::Arg>,
        value: &std::ffi::OsStr,
    ) -> Result<T, clap::Error> {
        clap::builder::TypedValueParser::parse_ref(&enum_arg::<T>, cmd, arg, value)
    }

    fn possible_values(
        &self,
    ) -> Option<Box<dyn Iterator<Item = clap::builder::PossibleValue> + '_>> {
        Some(Box::new(
            T::names()
                .iter()
                .map(|name| clap::builder::PossibleValue::new(*name)),
        ))
    }
}

pub fn id_arg(text: &str) -> Result<i64, String> {
    parse_id(text).ok_or_else(|| crate::core::payment::id_problem(text))
}

pub fn amount_arg(text: &str) -> Result<Decimal, String> {
    crate::core::money::parse_decimal(text).map_err(|e| format!("amount '{}' {e}", excerpt(text)))
}

/// `--limit` and `--offset`: a count of records.
pub fn count_arg(text: &str) -> Result<u32, String> {
    let t = text.trim();
    if !t.is_empty() && t.chars().all(|c| c.is_ascii_digit()) {
        if let Ok(n) = t.parse::<u32>() {
            return Ok(n);
        }
        return Err(format!(
            "'{}' is too large; give at most {}",
            excerpt(text),
            u32::MAX
        ));
    }
    Err(format!(
        "'{}' is not a count; give a whole number such as 50",
        excerpt(text)
    ))
}

pub fn currency_arg(text: &str) -> Result<Currency, String> {
    Currency::from_code(text).ok_or_else(|| {
        format!(
            "'{}' is not an ISO 4217 currency code with minor units (e.g. USD, EUR, JPY, KWD)",
            excerpt(text)
        )
    })
}

pub fn date_arg(text: &str) -> Result<DateTime<Utc>, String> {
    crate::core::dates::parse_date(text).map_err(|e| e.to_string())
}

/// The exclusive end of a `--to` range: a bare `YYYY-MM-DD` takes in that whole day, a
/// timestamp takes in its own second.
pub fn date_end_arg(text: &str) -> Result<DateTime<Utc>, String> {
    let at = date_arg(text)?;
    let whole_day = text.trim().len() == 10;
    Ok(if whole_day {
        at + chrono::Duration::days(1)
    } else {
        at + chrono::Duration::seconds(1)
    })
}

/// An invoice named by id or number (SPEC §4): `566934`, `INV-1042`, `id:566934`,
/// `number:INV-1042`; which invoice it is is decided in the writing transaction.
pub fn invoice_ref_arg(text: &str) -> Result<InvoiceRef, String> {
    crate::core::invoice_ref::parse_invoice_ref(text)
}

pub fn allocation_arg(text: &str) -> Result<AllocationSpec, String> {
    parse_allocation_spec(text)
}

pub fn method_arg(text: &str) -> Result<PaymentMethod, String> {
    text.parse()
        .map_err(|e: crate::core::enums::UnknownValue| e.to_string())
}

pub fn method_type_arg(text: &str) -> Result<MethodType, String> {
    text.parse()
        .map_err(|e: crate::core::enums::UnknownValue| e.to_string())
}

pub fn source_arg(text: &str) -> Result<Source, String> {
    text.parse()
        .map_err(|e: crate::core::enums::UnknownValue| e.to_string())
}

pub fn order_arg(text: &str) -> Result<AllocationOrder, String> {
    text.parse()
        .map_err(|e: crate::core::enums::UnknownValue| e.to_string())
}

pub fn status_arg(text: &str) -> Result<InvoiceStatus, String> {
    text.parse()
        .map_err(|e: crate::core::enums::UnknownValue| e.to_string())
}

pub fn terms_arg(text: &str) -> Result<u32, String> {
    crate::core::dates::parse_terms(text)
        .ok_or_else(|| format!("'{}' is not payment terms; use netN with N from 0 to 9999, e.g. net30 (due 30 days after the invoice date)", excerpt(text)))
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;

    #[test]
    fn verify_app() {
        Cli::command().debug_assert();
    }
}
