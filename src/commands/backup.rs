//! `payctl backup FILE`.

use super::context::{Ctx, Outcome};
use crate::cli::BackupArgs;
use crate::error::Result;
use crate::render;

pub fn run(args: BackupArgs, ctx: &Ctx) -> Result<Outcome> {
    // Before the ledger is opened: opening it creates its -wal and -shm files.
    super::output::check_target("backup", "file", &args.file, &ctx.ledger_path()?, &[])?;
    let mut ledger = ctx.ledger_existing()?;
    let report = ledger.backup(&args.file, args.force)?;
    if ctx.quiet {
        return Ok(Outcome::read(format!("{}\n", report.path)));
    }
    let heading = format!(
        "Backed up ledger {} to {} ({} bytes)",
        report.ledger, report.path, report.bytes
    );
    Ok(Outcome::read(render::one(
        &report,
        ctx.style,
        Some(&heading),
    )))
}
