use chrono::{DateTime, Utc};
use clap::{Args, Subcommand};
use rust_decimal::Decimal;

use super::{amount_arg, closed_set, currency_arg, date_arg, id_arg, invoice_ref_arg, terms_arg};
use crate::core::invoice_ref::InvoiceRef;
use crate::core::{Currency, InvoiceStatus};

#[derive(Debug, Subcommand)]
pub enum InvoiceCommand {
    /// Add an invoice
    #[command(after_help = super::examples::help(super::examples::INVOICE_ADD))]
    Add(InvoiceAddArgs),
    /// List invoices with their derived status
    #[command(after_help = super::examples::help(super::examples::INVOICE_LIST))]
    List(InvoiceListArgs),
    /// Show one invoice and the payments allocated to it
    #[command(after_help = super::examples::help(super::examples::INVOICE_SHOW))]
    Show {
        /// Invoice id or number (id:N, number:TEXT force one reading)
        #[arg(value_parser = invoice_ref_arg, value_name = "INV")]
        id: InvoiceRef,
        /// Compute `overdue` as of this date
        #[arg(long, value_parser = date_arg)]
        as_of: Option<DateTime<Utc>>,
    },
    /// Void an invoice with no payments allocated
    #[command(after_help = super::examples::help(super::examples::INVOICE_VOID))]
    Void {
        /// Invoice id or number (id:N, number:TEXT force one reading)
        #[arg(value_parser = invoice_ref_arg, value_name = "INV")]
        id: InvoiceRef,
        /// Why (kept in the audit trail)
        #[arg(long)]
        reason: String,
        /// Print what would be written, write nothing
        #[arg(long)]
        dry_run: bool,
    },
    /// Write off an invoice's whole outstanding balance (closes it, cannot be undone), or with
    /// --amount part of it (a deduction: what is left stays owed)
    #[command(after_help = super::examples::help(super::examples::INVOICE_WRITE_OFF))]
    WriteOff {
        /// Invoice id or number (id:N, number:TEXT force one reading)
        #[arg(value_parser = invoice_ref_arg, value_name = "INV")]
        id: InvoiceRef,
        /// Why (kept with the write-off and in the audit trail)
        #[arg(long)]
        reason: String,
        /// Write off only this much (at most what the invoice owes); the invoice stays open
        /// until nothing is owed, and is then paid
        #[arg(long, value_parser = amount_arg, allow_negative_numbers = true)]
        amount: Option<Decimal>,
        /// Date of a partial write-off [default: now]
        #[arg(long, value_parser = date_arg, requires = "amount")]
        date: Option<DateTime<Utc>>,
        /// Print what would be written, write nothing
        #[arg(long)]
        dry_run: bool,
    },
    /// Change an invoice's number or due date (never its money, customer or currency)
    #[command(after_help = super::examples::help(super::examples::INVOICE_EDIT))]
    Edit(InvoiceEditArgs),
    /// Lower what an invoice owes (never below what is paid on it)
    #[command(after_help = super::examples::help(super::examples::INVOICE_CREDIT_NOTE))]
    CreditNote(AdjustArgs),
    /// Raise what an invoice owes (a late fee, a correction)
    #[command(after_help = super::examples::help(super::examples::INVOICE_DEBIT_NOTE))]
    DebitNote(AdjustArgs),
}

#[derive(Debug, Args)]
#[command(group(clap::ArgGroup::new("change").required(true).multiple(true).args(["number", "due", "terms"])))]
pub struct InvoiceEditArgs {
    /// Invoice id or number (id:N, number:TEXT force one reading)
    #[arg(value_parser = invoice_ref_arg, value_name = "INV")]
    pub id: InvoiceRef,
    /// New invoice number (unique among the customer's invoices)
    #[arg(long)]
    pub number: Option<String>,
    /// New due date (not before the invoice date)
    #[arg(long, value_parser = date_arg, conflicts_with = "terms")]
    pub due: Option<DateTime<Utc>>,
    /// New payment terms: netN, due N days after the invoice date
    #[arg(long, value_parser = terms_arg)]
    pub terms: Option<u32>,
    /// Print what would change, write nothing
    #[arg(long)]
    pub dry_run: bool,
}

/// `invoice credit-note` and `invoice debit-note`.
#[derive(Debug, Args)]
pub struct AdjustArgs {
    /// Invoice id or number (id:N, number:TEXT force one reading)
    #[arg(value_parser = invoice_ref_arg, value_name = "INV")]
    pub id: InvoiceRef,
    /// Amount of the note, in the invoice's currency
    #[arg(long, value_parser = amount_arg, allow_negative_numbers = true)]
    pub amount: Decimal,
    /// Why (kept with the note and in the audit trail)
    #[arg(long)]
    pub reason: String,
    /// Date of the note, on or after the invoice's date [default: now]
    #[arg(long, value_parser = date_arg)]
    pub date: Option<DateTime<Utc>>,
    /// Print what would be written, write nothing
    #[arg(long)]
    pub dry_run: bool,
}

/// `payctl credit`: a customer's unapplied credit.
#[derive(Debug, Subcommand)]
pub enum CreditCommand {
    /// Write off a customer's unapplied credit (an overpayment), taken from the oldest
    /// payments' unallocated amounts first
    #[command(after_help = super::examples::help(super::examples::CREDIT_WRITE_OFF))]
    WriteOff(CreditWriteOffArgs),
}

#[derive(Debug, Args)]
pub struct CreditWriteOffArgs {
    /// Customer id
    #[arg(long, value_parser = id_arg)]
    pub customer: i64,
    /// How much to write off (at most the customer's unapplied credit on settled payments)
    #[arg(long, value_parser = amount_arg, allow_negative_numbers = true)]
    pub amount: Decimal,
    /// Why (kept with the write-off and in the audit trail)
    #[arg(long)]
    pub reason: String,
    /// Date of the write-off [default: now]
    #[arg(long, value_parser = date_arg)]
    pub date: Option<DateTime<Utc>>,
    /// Print what would be written, write nothing
    #[arg(long)]
    pub dry_run: bool,
}

#[derive(Debug, Args)]
pub struct InvoiceAddArgs {
    /// Customer id the invoice is for
    #[arg(long, value_parser = id_arg)]
    pub customer: i64,
    /// Invoice id (e.g. 566934); assigned when left out
    #[arg(long, value_parser = id_arg)]
    pub id: Option<i64>,
    /// Invoice number as printed; the id when left out
    #[arg(long)]
    pub number: Option<String>,
    /// Invoice total
    // `--total -5` reaches the amount parser, which says why it is refused, instead of clap
    // reading `-5` as an unknown flag.
    #[arg(long, value_parser = amount_arg, allow_negative_numbers = true)]
    pub total: Decimal,
    /// Currency [default: the customer's]
    #[arg(long, value_parser = currency_arg)]
    pub currency: Option<Currency>,
    /// Invoice date [default: now]
    #[arg(long, value_parser = date_arg)]
    pub date: Option<DateTime<Utc>>,
    /// Due date [default: the invoice date]
    #[arg(long, value_parser = date_arg, conflicts_with = "terms")]
    pub due: Option<DateTime<Utc>>,
    /// Payment terms: netN, due N days after the invoice date
    #[arg(long, value_parser = terms_arg)]
    pub terms: Option<u32>,
}

#[derive(Debug, Args)]
pub struct InvoiceListArgs {
    /// Only this customer's invoices
    #[arg(long, value_parser = id_arg)]
    pub customer: Option<i64>,
    /// Only invoices with this derived status
    #[arg(long, value_parser = closed_set::<InvoiceStatus>())]
    pub status: Option<InvoiceStatus>,
    /// Only invoices past their due date with money outstanding
    #[arg(long)]
    pub overdue: bool,
    /// Compute `overdue` as of this date
    #[arg(long, value_parser = date_arg)]
    pub as_of: Option<DateTime<Utc>>,
}
