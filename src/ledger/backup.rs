//! `payctl backup`: a consistent copy of the ledger, safe while other processes write.
//!
//! `VACUUM INTO` reads one snapshot of the ledger (in WAL mode writers carry on meanwhile,
//! and unlike the online backup API it never starts over when one of them commits) and writes
//! a compact, self-contained copy in rollback-journal mode: one file, no -wal beside it. It
//! does not fsync its output, so the copy goes to a temporary file in the target's folder,
//! is checked, fsynced, renamed over the target and the folder fsynced: after a crash the
//! target is the old file (or absent) or the whole new copy, never half of one.

use std::fs::{self, File};
use std::path::{Path, PathBuf};

use rusqlite::Connection;
use rusqlite::OpenFlags;
use serde::Serialize;

use super::{sqlite_error, Ledger, RecordCounts, APPLICATION_ID};
use crate::core::text::mask_card_numbers;
use crate::error::{Error, Result, StorageError, StorageKind};

/// What `payctl backup` wrote: the copy, its size, and how many records it holds.
#[derive(Clone, Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct BackupReport {
    pub path: String,
    pub ledger: String,
    pub bytes: u64,
    #[serde(flatten)]
    pub counts: RecordCounts,
}

/// Removes the temporary copy unless it was renamed into place.
struct TempFile(Option<PathBuf>);

impl Drop for TempFile {
    fn drop(&mut self) {
        if let Some(path) = self.0.take() {
            for suffix in ["-journal", "-wal", "-shm"] {
                let mut side = path.clone().into_os_string();
                side.push(suffix);
                let _ = fs::remove_file(side);
            }
            let _ = fs::remove_file(path);
        }
    }
}

fn io_error(action: &'static str, path: &Path, e: std::io::Error) -> Error {
    Error::storage(StorageKind::BackupFile {
        action,
        path: path.display().to_string(),
        detail: e.to_string(),
    })
}

impl Ledger {
    /// Writes a consistent copy of the ledger to `target`, replacing it atomically if it
    /// exists. The command has checked `target` (`commands::backup`): a file name, not the
    /// ledger, not a device, not a folder, and not an existing file unless `--force`.
    pub fn backup(&mut self, target: &Path) -> Result<BackupReport> {
        let shown = target.display();
        // The temporary copy is named after the target; the command refused a target that
        // names no file.
        let name = target.file_name().unwrap_or_default().to_string_lossy();
        let folder = match target.parent().filter(|p| !p.as_os_str().is_empty()) {
            Some(parent) => parent.to_path_buf(),
            None => PathBuf::from("."),
        };
        // Absolute, so SQLite can never read the name as a URI ("file:...").
        let folder = folder.canonicalize().map_err(|e| {
            Error::storage(StorageKind::BackupFolder {
                target: shown.to_string(),
                folder: folder.display().to_string(),
                detail: e.to_string(),
            })
        })?;

        let (temp_path, temp) = create_temp(&folder, &name)?;
        let mut guard = TempFile(Some(temp_path.clone()));
        drop(temp);
        let temp_text = temp_path.to_str().ok_or_else(|| {
            Error::usage(
                "file",
                format!(
                    "backup path {} is not UTF-8; give a UTF-8 path",
                    temp_path.display()
                ),
            )
        })?;
        // Its errors name the ledger and the backup.
        let ledger = self.path.display().to_string();
        let failed = |e: rusqlite::Error| match sqlite_error(e).in_ledger(&ledger) {
            Error::Storage(mut failure) => {
                failure.backup_to = Some(shown.to_string());
                Error::Storage(failure)
            }
            other => other,
        };
        let counts = match &self.conn {
            super::Conn::Sqlite(conn) => {
                conn.execute("VACUUM INTO ?1", [temp_text])
                    .map_err(failed)?;
                check_copy(&temp_path).map_err(failed)?
            }
            // One snapshot copied row by row into a new SQLite ledger (see `copy`).
            super::Conn::Postgres { .. } => {
                let expected = self.copy_into_file(&temp_path)?;
                let counts = check_copy(&temp_path).map_err(failed)?;
                if counts != expected {
                    let mut failure = StorageError::new(StorageKind::BackupMismatch {
                        tables: format!("{:?}", super::COUNTED_TABLES),
                        copy: format!("{counts:?}"),
                        snapshot: format!("{expected:?}"),
                    })
                    .at(&ledger);
                    failure.backup_to = Some(shown.to_string());
                    return Err(Error::Storage(Box::new(failure)));
                }
                counts
            }
        };
        File::open(&temp_path)
            .and_then(|f| f.sync_all())
            .map_err(|e| io_error("fsync", &temp_path, e))?;
        fs::rename(&temp_path, target).map_err(|e| io_error("rename the copy to", target, e))?;
        guard.0 = None;
        // The rename is durable only once the folder is.
        super::files::sync_folder(&folder).map_err(|e| io_error("fsync the folder", &folder, e))?;
        let bytes = fs::metadata(target)
            .map_err(|e| io_error("read", target, e))?
            .len();
        Ok(BackupReport {
            // Printed back: a card number in a file's name is shown masked (SPEC §3).
            path: mask_card_numbers(&target.display().to_string()),
            ledger: mask_card_numbers(&self.path.display().to_string()),
            bytes,
            counts: RecordCounts::from_counts(counts),
        })
    }
}

/// An empty file, 0600, beside the target: `VACUUM INTO` fills it (it accepts an empty file)
/// and keeps its mode, so the copy is never readable by others, not even for a moment.
fn create_temp(folder: &Path, name: &str) -> Result<(PathBuf, File)> {
    super::files::create_temp(folder, name)
        .map_err(|e| io_error("create a temporary file in", folder, e))
}

/// Reads the copy back before it replaces anything: SQLite's quick check, the application
/// id, and its record counts.
fn check_copy(path: &Path) -> rusqlite::Result<[i64; 7]> {
    let conn = Connection::open_with_flags(
        path,
        OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX,
    )?;
    let check: String = conn.query_row("PRAGMA quick_check", [], |r| r.get(0))?;
    let app_id: i32 = conn.query_row("PRAGMA application_id", [], |r| r.get(0))?;
    if check != "ok" || app_id != APPLICATION_ID {
        return Err(rusqlite::Error::SqliteFailure(
            rusqlite::ffi::Error::new(rusqlite::ffi::SQLITE_CORRUPT),
            Some(format!("the copy failed its check ({check})")),
        ));
    }
    let mut counts = [0; super::COUNTED_TABLES.len()];
    for (count, table) in counts.iter_mut().zip(super::COUNTED_TABLES) {
        *count = conn.query_row(&format!("SELECT count(*) FROM {table}"), [], |r| r.get(0))?;
    }
    Ok(counts)
}
