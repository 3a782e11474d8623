//! payctl: record customer payments and allocate them to invoices, in a local SQLite ledger.
//!
//! Data flows one way: `cli` (clap types) → `commands` (build core requests) → `ledger` (one
//! SQLite transaction) → `render` (table, JSON or CSV). `core` holds the rules and imports
//! none of clap, rusqlite or comfy-table.

pub mod app;
pub mod cli;
pub mod commands;
pub mod core;
pub mod error;
pub mod formats;
pub mod ledger;
pub mod render;

pub use app::main_with_args;
pub use error::{Error, Result};
