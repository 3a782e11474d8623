//! `payctl restore FILE`: loads a SQLite ledger file into the empty ledger named by --db.

use super::context::{Ctx, Outcome};
use crate::cli::RestoreArgs;
use crate::error::Result;
use crate::render;

pub fn run(args: RestoreArgs, ctx: &Ctx) -> Result<Outcome> {
    // The file first: a file that is refused creates no target ledger.
    let mut source = crate::ledger::copy::open_source(&args.file, &ctx.ledger_path()?)?;
    let mut ledger = ctx.ledger()?;
    let report = ledger.restore(&mut source, &args.file)?;
    if ctx.quiet {
        return Ok(Outcome::read(format!("{}\n", report.ledger)));
    }
    let heading = format!("Restored {} into ledger {}", report.path, report.ledger);
    Ok(Outcome::read(render::one(
        &report,
        ctx.style,
        Some(&heading),
    )))
}
