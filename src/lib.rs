//! payctl: record customer payments and allocate them to invoices, in a local SQLite ledger
//! or a team ledger on PostgreSQL.
//!
//! Data flows one way: `cli` (clap types) → `commands` (build core requests, read facts, plan,
//! write) → `ledger` (one transaction, on either engine; the only layer that knows one) →
//! `render` (table, JSON, CSV, HTML). `core` holds the rules and imports no clap, no storage
//! engine and no comfy-table.

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
