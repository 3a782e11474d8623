//! `payctl restore`.

use std::path::PathBuf;

use clap::Args;

#[derive(Debug, Args)]
pub struct RestoreArgs {
    /// The SQLite ledger file to load (a `payctl backup`; opened read-only, refused unless it
    /// passes `payctl verify`)
    pub file: PathBuf,
}
