//! `payctl backup`.

use std::path::PathBuf;

use clap::Args;

#[derive(Debug, Args)]
pub struct BackupArgs {
    /// The copy to write (created 0600; refused if it exists, unless --force)
    pub file: PathBuf,
    /// Replace FILE if it exists (atomically: FILE is the old copy or the new one, never half)
    #[arg(long)]
    pub force: bool,
}
