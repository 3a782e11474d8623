//! The rules: money, currencies, enums, text checks, dates, the allocation planner and the
//! create-payment request. Nothing here touches clap, SQLite or the terminal.

pub mod activity;
pub mod adjustment;
pub mod allocation;
pub mod bank;
pub mod bank_match;
pub mod chart;
pub mod corrections;
pub mod currency;
pub mod customer;
pub mod dates;
pub mod edit;
pub mod enums;
pub mod find;
pub mod ids;
pub mod import;
pub mod invoice;
pub mod invoice_ref;
pub mod json;
pub mod ledger_rules;
pub mod method;
pub mod money;
pub mod payload;
pub mod payment;
pub mod period;
pub mod report;
pub mod text;
pub mod totals;
pub mod views;

pub use currency::Currency;
pub use enums::*;
pub use money::Money;
