use clap::{Args, Subcommand};

use super::{currency_arg, enum_arg, id_arg};
use crate::core::{AllocationOrder, Currency};

#[derive(Debug, Subcommand)]
pub enum CustomerCommand {
    /// Add a customer
    Add(CustomerAddArgs),
    /// List customers with their balances
    List,
    /// Show one customer
    Show {
        #[arg(value_parser = id_arg)]
        id: i64,
    },
}

#[derive(Debug, Args)]
pub struct CustomerAddArgs {
    /// Customer id (e.g. 655080); assigned when left out
    #[arg(long, value_parser = id_arg)]
    pub id: Option<i64>,
    /// Name
    #[arg(long)]
    pub name: String,
    /// Email address
    #[arg(long)]
    pub email: Option<String>,
    /// ISO 4217 currency of the customer's payments
    #[arg(long, value_parser = currency_arg, default_value = "USD")]
    pub currency: Currency,
    /// Default auto-allocation order: oldest-to-newest or newest-to-oldest
    #[arg(long, value_parser = enum_arg::<AllocationOrder>, default_value = "oldest-to-newest")]
    pub order: AllocationOrder,
}
