use clap::{Args, Subcommand};

use super::{closed_set, id_arg};
use crate::core::MethodType;

#[derive(Debug, Subcommand)]
pub enum MethodCommand {
    /// Put a payment method on file (never a card number: brand and last four digits only)
    #[command(after_help = super::examples::help(super::examples::METHOD_ADD))]
    Add(MethodAddArgs),
    /// List a customer's payment methods
    #[command(after_help = super::examples::help(super::examples::METHOD_LIST))]
    List {
        /// Customer id
        #[arg(long, value_parser = id_arg)]
        customer: i64,
    },
    /// Make a method its customer's default
    #[command(after_help = super::examples::help(super::examples::METHOD_SET_DEFAULT))]
    SetDefault {
        /// Method id
        #[arg(value_parser = id_arg)]
        id: i64,
    },
}

#[derive(Debug, Args)]
pub struct MethodAddArgs {
    /// Customer id
    #[arg(long, value_parser = id_arg)]
    pub customer: i64,
    /// Kind of method (kebab-case too: credit-card)
    #[arg(long = "type", value_parser = closed_set::<MethodType>(), value_name = "TYPE")]
    pub method_type: MethodType,
    /// Method id; assigned when left out
    #[arg(long, value_parser = id_arg)]
    pub id: Option<i64>,
    /// A name for the method ("business Visa")
    #[arg(long)]
    pub label: Option<String>,
    /// Card brand or bank name
    #[arg(long)]
    pub brand: Option<String>,
    /// Last four digits of the card or account
    #[arg(long)]
    pub last4: Option<String>,
    /// Make this the customer's default method (the first method always is)
    #[arg(long)]
    pub default: bool,
}
