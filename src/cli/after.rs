//! Commands that act on a recorded payment (SPEC §6), activities, the audit log and verify.

use clap::{ArgGroup, Args, Subcommand, ValueEnum};
use rust_decimal::Decimal;

use super::{allocation_arg, amount_arg, enum_arg, id_arg};
use crate::core::payment::AllocationSpec;
use crate::core::{ActivityStatus, AllocationOrder, PaymentMethod, RefundMethod, TransactionType};

#[derive(Debug, Args)]
#[command(group(ArgGroup::new("how").required(true).args(["invoice", "auto"])))]
pub struct AllocateArgs {
    /// Payment id (leave out with --customer)
    #[arg(value_parser = id_arg, required_unless_present = "customer")]
    pub id: Option<i64>,
    /// Invoice to apply the payment's unallocated funds to
    #[arg(long, value_parser = id_arg, requires = "amount")]
    pub invoice: Option<i64>,
    /// Amount to apply to --invoice
    #[arg(long, value_parser = amount_arg, allow_negative_numbers = true, requires = "invoice")]
    pub amount: Option<Decimal>,
    /// Spread the unallocated funds over the customer's open invoices
    #[arg(long)]
    pub auto: bool,
    /// oldest-to-newest or newest-to-oldest [default: the customer's]
    #[arg(long, value_parser = enum_arg::<AllocationOrder>, requires = "auto")]
    pub order: Option<AllocationOrder>,
    /// Apply all of this customer's available funds, oldest payments first
    #[arg(long, value_parser = id_arg, conflicts_with_all = ["id", "invoice"], requires = "auto")]
    pub customer: Option<i64>,
    /// Print what would be written, write nothing
    #[arg(long)]
    pub dry_run: bool,
}

#[derive(Debug, Args)]
pub struct UnallocateArgs {
    #[arg(value_parser = id_arg)]
    pub id: i64,
    #[arg(long, value_parser = id_arg)]
    pub invoice: i64,
    /// Amount to take back [default: all the payment has on the invoice]
    #[arg(long, value_parser = amount_arg, allow_negative_numbers = true)]
    pub amount: Option<Decimal>,
    /// Print what would be written, write nothing
    #[arg(long)]
    pub dry_run: bool,
}

#[derive(Debug, Args)]
pub struct ReallocateArgs {
    #[arg(value_parser = id_arg)]
    pub id: i64,
    /// Invoice the money was applied to by mistake
    #[arg(long, value_parser = id_arg)]
    pub from: i64,
    /// Invoice it belongs to
    #[arg(long, value_parser = id_arg)]
    pub to: i64,
    /// Amount to move [default: all the payment has on --from]
    #[arg(long, value_parser = amount_arg, allow_negative_numbers = true)]
    pub amount: Option<Decimal>,
    /// Print what would be written, write nothing
    #[arg(long)]
    pub dry_run: bool,
}

#[derive(Debug, Args)]
pub struct RefundArgs {
    #[arg(value_parser = id_arg)]
    pub id: i64,
    #[arg(long, value_parser = amount_arg, allow_negative_numbers = true)]
    pub amount: Decimal,
    /// original, check, cash or direct-deposit
    #[arg(long, value_parser = enum_arg::<RefundMethod>, default_value = "original")]
    pub method: RefundMethod,
    #[arg(long)]
    pub reference: Option<String>,
    /// Take AMOUNT back from invoice INV, reopening it (repeatable); needed beyond the
    /// payment's unallocated funds
    #[arg(long, value_parser = allocation_arg, value_name = "INV=AMOUNT")]
    pub from_invoice: Vec<AllocationSpec>,
    /// Print what would be written, write nothing
    #[arg(long)]
    pub dry_run: bool,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum SettleStatus {
    Successful,
    Failed,
}

#[derive(Debug, Args)]
pub struct SettleArgs {
    #[arg(value_parser = id_arg)]
    pub id: i64,
    #[arg(long, value_enum, ignore_case = true)]
    pub status: SettleStatus,
    #[arg(long)]
    pub message: Option<String>,
    /// Print what would be written, write nothing
    #[arg(long)]
    pub dry_run: bool,
}

#[derive(Debug, Subcommand)]
pub enum ActivityCommand {
    /// List payment activities (every attempt, successful or not)
    List {
        #[arg(long, value_parser = id_arg)]
        customer: Option<i64>,
        /// Successful, Failed or Unknown
        #[arg(long, value_parser = enum_arg::<ActivityStatus>)]
        status: Option<ActivityStatus>,
        /// Collect, Refund or NSF
        #[arg(long = "type", value_parser = enum_arg::<TransactionType>, value_name = "TYPE")]
        transaction_type: Option<TransactionType>,
    },
    /// Record an attempt that made no payment (a declined card)
    Add(ActivityAddArgs),
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum AttemptStatus {
    Failed,
    Unknown,
}

#[derive(Debug, Args)]
pub struct ActivityAddArgs {
    #[arg(long, value_parser = id_arg)]
    pub customer: i64,
    #[arg(long, value_parser = amount_arg, allow_negative_numbers = true)]
    pub amount: Decimal,
    #[arg(long, value_parser = enum_arg::<PaymentMethod>)]
    pub method: PaymentMethod,
    #[arg(long, value_parser = id_arg)]
    pub method_id: Option<i64>,
    #[arg(long, value_enum, ignore_case = true)]
    pub status: AttemptStatus,
    /// What happened ("card declined")
    #[arg(long)]
    pub message: String,
}

pub fn refund_method_arg(text: &str) -> Result<RefundMethod, String> {
    text.parse()
        .map_err(|e: crate::core::enums::UnknownValue| e.to_string())
}

pub fn activity_status_arg(text: &str) -> Result<ActivityStatus, String> {
    text.parse()
        .map_err(|e: crate::core::enums::UnknownValue| e.to_string())
}

pub fn transaction_type_arg(text: &str) -> Result<TransactionType, String> {
    text.parse()
        .map_err(|e: crate::core::enums::UnknownValue| e.to_string())
}
