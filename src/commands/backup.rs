//! `payctl backup FILE`.

use std::fs;
use std::os::unix::fs::MetadataExt;
use std::path::{Path, PathBuf};

use super::context::{Ctx, Outcome};
use crate::cli::BackupArgs;
use crate::error::{Error, Result};
use crate::render;

/// Whether two paths name the same file (so a backup never overwrites its own ledger).
fn same_file(a: &Path, b: &Path) -> bool {
    match (fs::metadata(a), fs::metadata(b)) {
        (Ok(a), Ok(b)) => a.dev() == b.dev() && a.ino() == b.ino(),
        _ => false,
    }
}

/// The checks of the target the user named, once the ledger is open (so a missing ledger is
/// still exit 74 before any of them): a file name, not the ledger or its -wal/-shm, not a
/// device, FIFO or socket (renaming the copy over one, as root, would replace it), not a
/// folder, and not an existing file unless `force`. Input validation, not a rule of the
/// ledger's: the ledger only writes the copy.
fn check_backup_target(target: &Path, ledger: &Path, force: bool) -> Result<()> {
    let shown = target.display();
    if target.file_name().is_none_or(|n| n.is_empty()) {
        return Err(Error::usage(
            "file",
            format!(
                "backup '{shown}' names a folder; give a file name such as ledger-2026-11-21.db"
            ),
        ));
    }
    let ledger_files = [
        ledger.to_path_buf(),
        PathBuf::from(format!("{}-wal", ledger.display())),
        PathBuf::from(format!("{}-shm", ledger.display())),
    ];
    if ledger_files.iter().any(|f| same_file(f, target)) {
        return Err(Error::rejected(
            "file",
            format!("backup {shown} is the ledger itself; give another path"),
        ));
    }
    if fs::metadata(target).is_ok_and(|m| !m.is_file() && !m.is_dir()) {
        return Err(Error::usage(
            "file",
            format!("backup '{shown}' is a device, FIFO or socket, not a file; give a file name"),
        ));
    }
    match fs::symlink_metadata(target) {
        Ok(meta) if meta.is_dir() => Err(Error::rejected(
            "file",
            format!("backup {shown} is a folder; give a file name"),
        )),
        Ok(_) if !force => Err(Error::rejected(
            "file",
            format!("backup {shown} already exists; give a new path, or --force to replace it"),
        )),
        _ => Ok(()),
    }
}

pub fn run(args: BackupArgs, ctx: &Ctx) -> Result<Outcome> {
    // Before the ledger is opened: opening it creates its -wal and -shm files.
    super::output::check_target("backup", "file", &args.file, &ctx.ledger_path()?, &[])?;
    let mut ledger = ctx.ledger_existing()?;
    check_backup_target(&args.file, &ctx.ledger_path()?, args.force)?;
    let report = ledger.backup(&args.file)?;
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
