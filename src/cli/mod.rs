//! The command line, as clap types and nothing else. Values are parsed into domain types here
//! (stage one); the rules that need the ledger run later.

use std::path::PathBuf;

use chrono::{DateTime, Utc};
use clap::{Args, Parser, Subcommand, ValueEnum};
use rust_decimal::Decimal;

use crate::core::payment::{parse_allocation_spec, parse_id, AllocationSpec};
use crate::core::text::excerpt;
use crate::core::{AllocationOrder, Currency, InvoiceStatus, MethodType, PaymentMethod, Source};

pub mod after;
pub mod backup;
pub mod bulk;
pub mod customer;
pub mod invoice;
pub mod method;
pub mod payment;
pub mod report;

pub use after::{
    ActivityCommand, AllocateArgs, ReallocateArgs, RefundArgs, SettleArgs, SettleStatus,
    UnallocateArgs,
};
pub use backup::BackupArgs;
pub use bulk::{ExportArgs, ImportArgs};
pub use customer::CustomerCommand;
pub use invoice::InvoiceCommand;
pub use method::MethodCommand;
pub use payment::{CreateArgs, ListArgs};
pub use report::ReportCommand;

#[derive(Debug, Parser)]
#[command(
    name = "payctl",
    version,
    about = "Record customer payments and allocate them to invoices, in a local SQLite ledger",
    long_about = "Record customer payments and allocate them to invoices, in a local SQLite ledger.\n\n\
                  Example: payctl create --customer 655080 --amount 50.78 --method Cash",
    propagate_version = true,
    max_term_width = 100
)]
pub struct Cli {
    #[command(flatten)]
    pub global: GlobalArgs,
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Args)]
pub struct GlobalArgs {
    /// Ledger file [default: $XDG_DATA_HOME/payctl/ledger.db, i.e. ~/.local/share/payctl/ledger.db]
    #[arg(long, global = true, env = "PAYCTL_DB", value_name = "PATH")]
    pub db: Option<PathBuf>,
    /// Output format
    #[arg(short = 'o', long, global = true, env = "PAYCTL_OUTPUT", value_enum, default_value_t = OutputFormat::Table, ignore_case = true)]
    pub output: OutputFormat,
    /// Write commands print only the new record's id
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
    /// JSON Lines: one JSON object per line (each record of a list)
    Jsonl,
    Csv,
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
    #[command(subcommand)]
    Customer(CustomerCommand),
    /// Payment methods on file (credit cards, bank accounts, PayPal)
    #[command(subcommand)]
    Method(MethodCommand),
    /// Add, list, show, void and write off invoices
    #[command(subcommand)]
    Invoice(InvoiceCommand),
    /// Record a payment and allocate it to invoices
    Create(Box<CreateArgs>),
    /// List payments
    List(ListArgs),
    /// Show one payment as a Fusebill Payment Object
    Show {
        /// Payment id
        #[arg(value_parser = id_arg)]
        id: i64,
    },
    /// Apply a payment's unallocated funds to invoices (or all of a customer's with --customer)
    Allocate(AllocateArgs),
    /// Take money a payment applied to an invoice back into its unallocated funds
    Unallocate(UnallocateArgs),
    /// Move money from one invoice to another in one step
    Reallocate(ReallocateArgs),
    /// Refund part or all of a payment
    Refund(RefundArgs),
    /// Settle a Pending (ACH, DirectDeposit) payment; failed means NSF
    Settle(SettleArgs),
    /// Void a payment entered by mistake (reverses its allocations, keeps the record)
    Void {
        #[arg(value_parser = id_arg)]
        id: i64,
        /// Why (kept in the audit trail)
        #[arg(long)]
        reason: String,
    },
    /// Payment activities: every attempt to move money
    #[command(subcommand)]
    Activity(ActivityCommand),
    /// Show the audit trail
    Log {
        #[arg(long, value_parser = id_arg)]
        customer: Option<i64>,
        #[arg(long, value_parser = id_arg)]
        payment: Option<i64>,
    },
    /// Import payments, invoices or customers from CSV, JSON, JSON Lines or XML, all or nothing
    Import(ImportArgs),
    /// Export payments, invoices, customers, allocations or activities
    Export(ExportArgs),
    /// Receivables reports: aging, customer statement, balances (read only)
    #[command(subcommand)]
    Report(ReportCommand),
    /// Check the ledger: SQLite integrity, foreign keys, and every balance recomputed from its rows
    Verify,
    /// Write a consistent copy of the ledger to FILE, safely while other payctl processes write
    Backup(BackupArgs),
    /// Print a shell completion script
    Completions {
        #[arg(value_enum)]
        shell: Shell,
    },
    /// Print the man page (roff)
    Man,
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
