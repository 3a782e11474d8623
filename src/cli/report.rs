//! `payctl report`: receivables reports. Read only.

use chrono::{DateTime, Utc};
use clap::{Args, Subcommand, ValueEnum};

use super::{date_arg, id_arg};
use crate::core::report::AsOf;

#[derive(Debug, Subcommand)]
pub enum ReportCommand {
    /// Outstanding receivables by age (Current, 1–30, 31–60, 61–90, 90+ days) per customer and currency
    #[command(after_help = super::examples::help(super::examples::REPORT_AGING))]
    Aging(AgingArgs),
    /// One customer's account in date order, with a running balance and available funds
    #[command(after_help = super::examples::help(super::examples::REPORT_STATEMENT))]
    Statement(StatementArgs),
    /// Per customer and currency: invoiced, paid, written off, outstanding, overdue, available funds
    #[command(after_help = super::examples::help(super::examples::REPORT_BALANCES))]
    Balances,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum AgeBy {
    /// Days past the due date
    Due,
    /// Days since the invoice date
    Invoice,
}

#[derive(Debug, Args)]
pub struct AgingArgs {
    /// A point in time: YYYY-MM-DD (the end of that day, UTC) or RFC 3339; rows dated after it
    /// are not counted [default: the ledger as it stands, aged to today]
    #[arg(long, value_parser = as_of_arg, value_name = "DATE")]
    pub as_of: Option<AsOf>,
    /// Age invoices by due date or by invoice date
    #[arg(long, value_enum, default_value_t = AgeBy::Due)]
    pub by: AgeBy,
    /// Only this customer
    #[arg(long, value_parser = id_arg)]
    pub customer: Option<i64>,
    /// Draw each currency's buckets as bars, fitted to the terminal (COLUMNS, else 80 in a
    /// pipe); table output only (-o html always has the chart)
    #[arg(long)]
    pub chart: bool,
}

#[derive(Debug, Args)]
pub struct StatementArgs {
    /// Customer id
    #[arg(long, value_parser = id_arg)]
    pub customer: i64,
    /// First day (or moment) shown; what came before is the opening balance [default: the beginning]
    #[arg(long, value_parser = date_arg, value_name = "DATE")]
    pub from: Option<DateTime<Utc>>,
    /// Last day shown (a bare date takes in the whole day) [default: everything recorded]
    #[arg(long, value_parser = as_of_arg, value_name = "DATE")]
    pub to: Option<AsOf>,
}

pub fn as_of_arg(text: &str) -> Result<AsOf, String> {
    AsOf::parse(text).map_err(|e| e.to_string())
}
