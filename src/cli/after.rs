//! Commands that act on a recorded payment (SPEC §6), activities, the audit log and verify.

use clap::{ArgGroup, Args, Subcommand, ValueEnum};
use rust_decimal::Decimal;

use super::{allocation_arg, amount_arg, closed_set, id_arg, invoice_ref_arg};
use crate::core::invoice_ref::InvoiceRef;
use crate::core::payment::AllocationSpec;
use crate::core::{ActivityStatus, AllocationOrder, PaymentMethod, RefundMethod, TransactionType};

#[derive(Debug, Args)]
#[command(group(ArgGroup::new("how").required(true).args(["invoice", "auto"])))]
pub struct AllocateArgs {
    /// Payment id (leave out with --customer)
    #[arg(value_parser = id_arg, required_unless_present = "customer")]
    pub id: Option<i64>,
    /// Invoice to apply the payment's unallocated funds to: its id or number (id:N, number:TEXT
    /// force one reading)
    #[arg(long, value_parser = invoice_ref_arg, value_name = "INV", requires = "amount")]
    pub invoice: Option<InvoiceRef>,
    /// Amount to apply to --invoice
    #[arg(long, value_parser = amount_arg, allow_negative_numbers = true, requires = "invoice")]
    pub amount: Option<Decimal>,
    /// Spread the unallocated funds over the customer's open invoices
    #[arg(long)]
    pub auto: bool,
    /// Order for --auto (kebab-case too: oldest-to-newest) [default: the customer's]
    #[arg(long, value_parser = closed_set::<AllocationOrder>(), requires = "auto")]
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
    /// Payment id
    #[arg(value_parser = id_arg)]
    pub id: i64,
    /// Invoice to take the money back from (it reopens): its id or number
    #[arg(long, value_parser = invoice_ref_arg, value_name = "INV")]
    pub invoice: InvoiceRef,
    /// Amount to take back [default: all the payment has on the invoice]
    #[arg(long, value_parser = amount_arg, allow_negative_numbers = true)]
    pub amount: Option<Decimal>,
    /// Print what would be written, write nothing
    #[arg(long)]
    pub dry_run: bool,
}

#[derive(Debug, Args)]
pub struct ReallocateArgs {
    /// Payment id
    #[arg(value_parser = id_arg)]
    pub id: i64,
    /// Invoice the money was applied to by mistake: its id or number
    #[arg(long, value_parser = invoice_ref_arg, value_name = "INV")]
    pub from: InvoiceRef,
    /// Invoice it belongs to: its id or number
    #[arg(long, value_parser = invoice_ref_arg, value_name = "INV")]
    pub to: InvoiceRef,
    /// Amount to move [default: all the payment has on --from]
    #[arg(long, value_parser = amount_arg, allow_negative_numbers = true)]
    pub amount: Option<Decimal>,
    /// Print what would be written, write nothing
    #[arg(long)]
    pub dry_run: bool,
}

#[derive(Debug, Args)]
pub struct RefundArgs {
    /// Payment id
    #[arg(value_parser = id_arg)]
    pub id: i64,
    /// Amount to pay back, at most the payment's refundable amount (its unallocated funds
    /// first, then what --from-invoice takes back)
    #[arg(long, value_parser = amount_arg, allow_negative_numbers = true)]
    pub amount: Decimal,
    /// How the money goes back
    #[arg(long, value_parser = closed_set::<RefundMethod>(), default_value = "original")]
    pub method: RefundMethod,
    /// Your reference for the refund (a check number; at most 500 characters)
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
    /// Payment id (a Pending ACH or DirectDeposit payment)
    #[arg(value_parser = id_arg)]
    pub id: i64,
    /// The bank's answer: failed reverses the payment's allocations (NSF)
    #[arg(long, value_enum, ignore_case = true)]
    pub status: SettleStatus,
    /// What the bank said ("R01 insufficient funds"), kept on the activity
    #[arg(long)]
    pub message: Option<String>,
    /// Print what would be written, write nothing
    #[arg(long)]
    pub dry_run: bool,
}

#[derive(Debug, Subcommand)]
pub enum ActivityCommand {
    /// List payment activities (every attempt, successful or not)
    #[command(after_help = super::examples::help(super::examples::ACTIVITY_LIST))]
    List {
        /// Only this customer's activities
        #[arg(long, value_parser = id_arg)]
        customer: Option<i64>,
        /// Only activities with this outcome
        #[arg(long, value_parser = closed_set::<ActivityStatus>())]
        status: Option<ActivityStatus>,
        /// Only activities of this kind
        #[arg(long = "type", value_parser = closed_set::<TransactionType>(), value_name = "TYPE")]
        transaction_type: Option<TransactionType>,
    },
    /// Record an attempt that made no payment (a declined card)
    #[command(after_help = super::examples::help(super::examples::ACTIVITY_ADD))]
    Add(ActivityAddArgs),
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum AttemptStatus {
    Failed,
    Unknown,
}

#[derive(Debug, Args)]
pub struct ActivityAddArgs {
    /// Customer id
    #[arg(long, value_parser = id_arg)]
    pub customer: i64,
    /// Amount that was attempted
    #[arg(long, value_parser = amount_arg, allow_negative_numbers = true)]
    pub amount: Decimal,
    /// How the customer tried to pay
    #[arg(long, value_parser = closed_set::<PaymentMethod>())]
    pub method: PaymentMethod,
    /// The method on file that was tried
    #[arg(long, value_parser = id_arg)]
    pub method_id: Option<i64>,
    /// The outcome (a successful attempt is recorded by create)
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
