//! `payctl bank`: bank statement lines matched to invoices and applied as payments (SPEC §11).

use clap::{Args, Subcommand};

use super::{allocation_arg, id_arg};
use crate::core::payment::AllocationSpec;

#[derive(Debug, Subcommand)]
pub enum BankCommand {
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
