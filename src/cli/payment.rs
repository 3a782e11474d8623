use std::path::PathBuf;

use chrono::{DateTime, Utc};
use clap::Args;
use rust_decimal::Decimal;

use super::{
    allocation_arg, amount_arg, closed_set, count_arg, currency_arg, date_arg, date_end_arg, id_arg,
};
use crate::core::payment::AllocationSpec;
use crate::core::{AllocationOrder, Currency, PaymentMethod, Source};

#[derive(Debug, Args)]
pub struct CreateArgs {
    /// Customer id
    #[arg(long, value_parser = id_arg, required_unless_present = "json")]
    pub customer: Option<i64>,
    /// Amount, a plain decimal in the customer's currency (50.78)
    #[arg(long, value_parser = amount_arg, allow_negative_numbers = true, required_unless_present = "json")]
    pub amount: Option<Decimal>,
    /// How the customer paid (any case; kebab-case too: credit-card, direct-deposit)
    #[arg(long, value_parser = closed_set::<PaymentMethod>(), required_unless_present_any = ["use_default_method", "json"])]
    pub method: Option<PaymentMethod>,
    /// The method on file to charge (required for CreditCard and ACH)
    #[arg(long, value_parser = id_arg, conflicts_with = "use_default_method")]
    pub method_id: Option<i64>,
    /// Use the customer's default method on file
    #[arg(long)]
    pub use_default_method: bool,
    /// Your reference for the payment (at most 500 characters)
    #[arg(long)]
    pub reference: Option<String>,
    /// Where the payment came from
    #[arg(long, value_parser = closed_set::<Source>(), default_value = "Manual")]
    pub source: Source,
    /// Currency; must be the customer's
    #[arg(long, value_parser = currency_arg)]
    pub currency: Option<Currency>,
    /// When the payment was received [default: now]
    #[arg(long, value_parser = date_arg)]
    pub date: Option<DateTime<Utc>>,
    /// Fee the gateway charged
    #[arg(long, value_parser = amount_arg, allow_negative_numbers = true)]
    pub gateway_fee: Option<Decimal>,
    /// Apply AMOUNT to invoice INV, its id or number (repeatable): --allocate 566934=2.00,
    /// --allocate INV-2026-0042=500
    #[arg(long, value_parser = allocation_arg, value_name = "INV=AMOUNT")]
    pub allocate: Vec<AllocationSpec>,
    /// Spread what is left over the customer's open invoices
    #[arg(long)]
    pub auto_allocate: bool,
    /// Order for --auto-allocate (kebab-case too: oldest-to-newest) [default: the customer's]
    #[arg(long, value_parser = closed_set::<AllocationOrder>(), requires = "auto_allocate")]
    pub order: Option<AllocationOrder>,
    /// Retry-safe key: the same key and request return the first payment
    #[arg(long)]
    pub idempotency_key: Option<String>,
    /// Record it even if a live payment of this customer has the same amount and reference
    /// (otherwise refused as a likely duplicate)
    #[arg(long)]
    pub allow_duplicate: bool,
    /// Print what would be written, write nothing
    #[arg(long)]
    pub dry_run: bool,
    /// Read a Fusebill Create Payment payload from FILE, or - for stdin
    #[arg(
        long,
        value_name = "FILE",
        conflicts_with_all = [
            "customer", "amount", "method", "method_id", "use_default_method", "reference", "currency",
            "date", "gateway_fee", "allocate", "auto_allocate", "order"
        ]
    )]
    pub json: Option<PathBuf>,
}

#[derive(Debug, Args)]
pub struct ListArgs {
    /// Only this customer's payments
    #[arg(long, value_parser = id_arg)]
    pub customer: Option<i64>,
    /// Only payments made this way
    #[arg(long, value_parser = closed_set::<PaymentMethod>())]
    pub method: Option<PaymentMethod>,
    /// Only payments from this source
    #[arg(long, value_parser = closed_set::<Source>())]
    pub source: Option<Source>,
    /// Payments on or after this date
    #[arg(long, value_parser = date_arg)]
    pub from: Option<DateTime<Utc>>,
    /// Payments up to this date (a whole day when given as YYYY-MM-DD)
    #[arg(long, value_parser = date_end_arg)]
    pub to: Option<DateTime<Utc>>,
    /// Only payments with money not yet allocated
    #[arg(long)]
    pub unallocated: bool,
    /// Show at most LIMIT payments [default: all]
    #[arg(long, value_parser = count_arg, allow_negative_numbers = true)]
    pub limit: Option<u32>,
    /// Skip the first OFFSET payments (with --limit, to page through them)
    #[arg(long, value_parser = count_arg, allow_negative_numbers = true, default_value_t = 0)]
    pub offset: u32,
}
