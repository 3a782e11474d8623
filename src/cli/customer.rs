use clap::{Args, Subcommand};

use super::{closed_set, currency_arg, id_arg};
use crate::core::{AllocationOrder, Currency};

#[derive(Debug, Subcommand)]
pub enum CustomerCommand {
    /// Add a customer
    #[command(after_help = super::examples::help(super::examples::CUSTOMER_ADD))]
    Add(CustomerAddArgs),
    /// List customers with their balances
    #[command(after_help = super::examples::help(super::examples::CUSTOMER_LIST))]
    List,
    /// Show one customer
    #[command(after_help = super::examples::help(super::examples::CUSTOMER_SHOW))]
    Show {
        /// Customer id
        #[arg(value_parser = id_arg)]
        id: i64,
    },
    /// Change a customer's name, email or allocation order (never its id or currency)
    #[command(after_help = super::examples::help(super::examples::CUSTOMER_EDIT))]
    Edit(CustomerEditArgs),
}

#[derive(Debug, Args)]
#[command(group(clap::ArgGroup::new("change").required(true).multiple(true).args(["name", "email", "order"])))]
pub struct CustomerEditArgs {
    /// Customer id
    #[arg(value_parser = id_arg)]
    pub id: i64,
    /// New name
    #[arg(long)]
    pub name: Option<String>,
    /// New email address
    #[arg(long)]
    pub email: Option<String>,
    /// New default auto-allocation order (kebab-case too: oldest-to-newest)
    #[arg(long, value_parser = closed_set::<AllocationOrder>())]
    pub order: Option<AllocationOrder>,
    /// Print what would change, write nothing
    #[arg(long)]
    pub dry_run: bool,
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
    /// Default auto-allocation order (kebab-case too: oldest-to-newest)
    #[arg(long, value_parser = closed_set::<AllocationOrder>(), default_value = "OldestToNewest")]
    pub order: AllocationOrder,
}
