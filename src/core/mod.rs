//! The rules: money, currencies, enums, text checks, dates, the allocation planner and the
//! create-payment request. Nothing here touches clap, SQLite or the terminal.

pub mod activity;
pub mod adjustment;
pub mod allocation;
pub mod chart;
pub mod corrections;
pub mod currency;
pub mod customer;
pub mod dates;
pub mod enums;
pub mod ids;
pub mod import;
pub mod invoice;
pub mod json;
pub mod method;
pub mod money;
pub mod payload;
pub mod payment;
pub mod report;
pub mod text;
pub mod totals;
pub mod views;

pub use currency::Currency;
pub use enums::*;
pub use money::Money;
