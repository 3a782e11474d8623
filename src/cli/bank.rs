//! `payctl bank`: bank statements and their credit lines (SPEC §11).

use std::path::PathBuf;

use clap::{Args, Subcommand, ValueEnum};

use super::{allocation_arg, id_arg};
use crate::core::payment::AllocationSpec;

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum BankFileFormat {
    /// ISO 20022 camt.053 (versions 001.02 to 001.08)
    Camt053,
    /// SWIFT MT940
    Mt940,
    /// A bank's CSV export, read through --map
    Csv,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum BankLineStatusArg {
    Unmatched,
    Suggested,
    Applied,
    Ignored,
}

#[derive(Debug, Subcommand)]
pub enum BankCommand {
    /// Read the credit lines of a bank statement (camt.053, MT940 or CSV); lines already
    /// imported are left alone, debits are counted and skipped
    #[command(after_help = super::examples::help(super::examples::BANK_IMPORT))]
    Import {
        /// The statement file
        #[arg(value_name = "FILE")]
        file: PathBuf,
        /// The file's format (default: told from its first bytes: XML is camt.053, a `:20:`
        /// or `{1:` block is MT940, anything else CSV)
        #[arg(long, value_enum)]
        format: Option<BankFileFormat>,
        /// For CSV: KEY=VALUE pairs separated by commas. Columns: date, amount (signed) or
        /// credit and debit, reference, payer, account, id, currency, value_date. Options:
        /// currency_code=CODE (when no column), decimal=dot|comma,
        /// thousands=none|dot|comma|space|apostrophe, date_format=STRFTIME (default %Y-%m-%d),
        /// delimiter=comma|semicolon|tab, own_account=IBAN
        #[arg(long, value_name = "KEY=VALUE,...")]
        map: Option<String>,
        /// Print what would be written, write nothing
        #[arg(long)]
        dry_run: bool,
    },
    /// List bank lines with their status
    #[command(after_help = super::examples::help(super::examples::BANK_LIST))]
    List {
        /// Only lines of this status
        #[arg(long, value_enum)]
        status: Option<BankLineStatusArg>,
        /// Only lines of this statement
        #[arg(long, value_name = "ID")]
        statement: Option<i64>,
    },
    /// Show one bank line: its status, its newest proposal, its payment if applied
    #[command(after_help = super::examples::help(super::examples::BANK_SHOW))]
    Show {
        /// The bank line's id
        #[arg(value_name = "LINE")]
        line: i64,
    },
    /// Record why a bank line is not a customer payment; it is then left out of matching
    #[command(after_help = super::examples::help(super::examples::BANK_IGNORE))]
    Ignore {
        /// The bank line's id
        #[arg(value_name = "LINE")]
        line: i64,
        /// Why (e.g. "interest", "transfer between our accounts")
        #[arg(long)]
        reason: String,
        /// Print what would be written, write nothing
        #[arg(long)]
        dry_run: bool,
    },
    /// Per statement: credits, applied, ignored and unapplied totals, and whether the
    /// statement's opening and closing balances agree with its lines
    #[command(after_help = super::examples::help(super::examples::BANK_REPORT))]
    Report {
        /// Only this statement
        #[arg(long, value_name = "ID")]
        statement: Option<i64>,
    },
    /// Propose a customer, invoices and amounts for each credit line not yet applied or
    /// ignored, with the reason and a sentence saying why
    #[command(name = "match", after_help = super::examples::help(super::examples::BANK_MATCH))]
    Match {
        /// Print the proposals, store nothing
        #[arg(long)]
        dry_run: bool,
    },
    /// Record a bank line as a payment (DirectDeposit, source Import), through the same
    /// rules as `create`: its newest proposal, or the customer and allocations given
    #[command(after_help = super::examples::help(super::examples::BANK_APPLY))]
    Apply(BankApplyArgs),
}

#[derive(Debug, Args)]
pub struct BankApplyArgs {
    /// Bank line id (see `bank match`)
    #[arg(value_parser = id_arg, value_name = "LINE", required_unless_present = "suggested")]
    pub line: Option<i64>,
    /// Apply every line whose newest proposal is unambiguous, each re-checked against the
    /// balances as they are now (a proposal that no longer fits is skipped and reported)
    #[arg(long, conflicts_with_all = ["line", "customer", "allocate", "auto_allocate"])]
    pub suggested: bool,
    /// The customer who paid [default: the newest proposal's]
    #[arg(long, value_parser = id_arg)]
    pub customer: Option<i64>,
    /// Apply AMOUNT to invoice INV (repeatable): --allocate 566934=2.00
    #[arg(long, value_parser = allocation_arg, value_name = "INV=AMOUNT")]
    pub allocate: Vec<AllocationSpec>,
    /// Spread what is left over the customer's open invoices, in its allocation order
    #[arg(long)]
    pub auto_allocate: bool,
    /// Print what would be written, write nothing
    #[arg(long)]
    pub dry_run: bool,
}
