//! `payctl restore FILE`: loads a SQLite ledger file into the empty ledger named by --db.

use super::context::{Ctx, Outcome};
use crate::cli::RestoreArgs;
use std::fs;
use std::os::unix::fs::MetadataExt;
use std::path::Path;

use crate::error::{Error, Result};
use crate::ledger::Ledger;
use crate::render;

pub fn run(args: RestoreArgs, ctx: &Ctx) -> Result<Outcome> {
    // The file first: a file that is refused creates no target ledger.
    let mut source = checked_source(&args.file, &ctx.ledger_path()?)?;
    let mut ledger = ctx.ledger()?;
    let report = ledger.restore(&mut source, &args.file)?;
    ledger.refresh_statistics(&[]);
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

/// The ledger file `file` opened read-only, refused unless it is a payctl ledger of this
/// payctl's schema that passes every check of `verify`, and not the target ledger itself
/// (`target`, as `--db` names it).
fn checked_source(file: &Path, target: &Path) -> Result<Ledger> {
    let shown = file.display();
    // Like any input file that is not there (import's): the command line is wrong, exit 2.
    if let Err(e) = fs::metadata(file) {
        return Err(Error::usage(
            "file",
            format!("cannot read restore file {shown}: {e}; give the path of a SQLite ledger file such as a payctl backup"),
        ));
    }
    if fs::metadata(file)
        .ok()
        .zip(fs::metadata(target).ok())
        .is_some_and(|(a, b)| a.dev() == b.dev() && a.ino() == b.ino())
    {
        return Err(Error::rejected(
            "file",
            format!("restore {shown} is the ledger itself (--db); give the backup file to load"),
        ));
    }
    let source = crate::ledger::copy::open_source(file)?;
    let (version, latest) = (source.version, source.latest);
    if version != latest {
        return Err(Error::rejected(
            "file",
            format!(
                "{shown} is a ledger of an older payctl (schema {version}, this payctl writes {latest}); upgrade it first with: payctl --db {shown} backup NEW-FILE, then restore NEW-FILE"
            ),
        ));
    }
    if !source.problems.is_empty() {
        return Err(Error::rejected(
            "file",
            format!(
                "{shown} fails verify's checks, so it was not loaded: {}",
                source.problems.join("; ")
            ),
        ));
    }
    Ok(source.ledger)
}
