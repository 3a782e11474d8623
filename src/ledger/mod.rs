//! All SQL lives here. [`open`] is the one way to get a ledger: it creates the file 0600 in a
//! 0700 folder, sets the pragmas, and migrates the schema by `user_version`.

use std::fs;
use std::io::ErrorKind;
use std::os::unix::fs::{DirBuilderExt, OpenOptionsExt, PermissionsExt};
use std::path::{Path, PathBuf};
use std::time::Duration;

use chrono::{DateTime, Utc};
use rusqlite::{Connection, ErrorCode, Transaction, TransactionBehavior};

use crate::core::dates::format_timestamp;
use crate::error::{Error, Result};

pub mod activities;
pub mod audit;
pub mod bulk;
pub mod corrections;
pub mod customers;
pub mod invoices;
pub mod methods;
pub mod payments;
pub mod reports;
pub mod verify;

/// `PRAGMA application_id` of a payctl ledger: "PYCT".
pub const APPLICATION_ID: i32 = 0x5059_4354;

/// Append-only: a ledger at version N has run migrations 1..=N. Never edit a shipped one.
const MIGRATIONS: &[&str] = &[
    include_str!("migrations/001_initial.sql"),
    include_str!("migrations/002_open_invoices.sql"),
];

/// How long a write waits for another process's lock before giving up with exit 75.
pub const DEFAULT_BUSY_TIMEOUT: Duration = Duration::from_secs(5);

/// Who is writing and when: recorded in every audit event.
#[derive(Clone, Debug)]
pub struct Actor {
    pub now: DateTime<Utc>,
    pub os_user: String,
    pub command: String,
}

impl Actor {
    pub fn now_text(&self) -> String {
        format_timestamp(self.now)
    }
}

pub struct Ledger {
    conn: Connection,
    path: PathBuf,
    /// Things the user should know about the file, such as loose permissions.
    pub warnings: Vec<String>,
}

/// Maps a SQLite error to payctl's: busy is exit 75, everything else about the file is 74.
pub fn storage_error(path: &Path, err: rusqlite::Error) -> Error {
    sqlite_error(&format!("ledger {}", path.display()), err)
}

fn sqlite_error(shown: &str, err: rusqlite::Error) -> Error {
    match err.sqlite_error_code() {
        Some(ErrorCode::DatabaseBusy | ErrorCode::DatabaseLocked) => Error::Busy(format!(
            "{shown} is busy: another payctl held it past the busy timeout; nothing was written, it is safe to retry"
        )),
        Some(ErrorCode::NotADatabase) => Error::Storage(format!("{shown} is not a payctl ledger (not a SQLite database)")),
        Some(ErrorCode::DiskFull) => Error::Storage(format!("{shown}: the disk is full; nothing was written")),
        Some(ErrorCode::ReadOnly) => Error::Storage(format!("{shown} is read-only; nothing was written")),
        Some(ErrorCode::CannotOpen) => Error::Storage(format!("cannot open {shown}: {err}")),
        Some(ErrorCode::DatabaseCorrupt) => Error::Storage(format!("{shown} is corrupt: {err}; run payctl verify")),
        Some(ErrorCode::ConstraintViolation) => Error::Storage(format!("{shown} refused a write that breaks its rules: {err}; nothing was written")),
        _ => Error::Storage(format!("{shown}: {err}")),
    }
}

/// Opens (creating if needed) the ledger at `path`, ready for reads and writes.
pub fn open(path: &Path, busy_timeout: Duration) -> Result<Ledger> {
    let mut warnings = Vec::new();
    create_private_file(path)?;
    if let Ok(meta) = fs::metadata(path) {
        let mode = meta.permissions().mode() & 0o777;
        if mode & 0o077 != 0 {
            warnings.push(format!(
                "ledger {} is readable by other users (mode {mode:o}); fix it with: chmod 600 {}",
                path.display(),
                path.display()
            ));
        }
    }
    let conn = Connection::open(path).map_err(|e| storage_error(path, e))?;
    let mut ledger = Ledger {
        conn,
        path: path.to_path_buf(),
        warnings,
    };
    ledger.configure(busy_timeout)?;
    ledger.migrate()?;
    Ok(ledger)
}

/// Opens an existing ledger for reading only, for the reports: it creates no file, changes
/// nothing (no journal-mode switch, no migration) and takes no write lock, so it works on a
/// ledger file or folder the user cannot write, and beside a writer that holds the lock.
///
/// SQLite reads a WAL ledger through its `-wal` and `-shm` files, and a read-only connection
/// creates them when they are missing (with the ledger's mode and the reader's owner, which a
/// later writer may not be able to open). So when there is no `-wal` file, which means every
/// committed transaction is in the ledger file itself, and the file or its folder is not
/// writable by this user, the ledger is read as `immutable`: straight from the file, without
/// the `-wal`/`-shm` files and their locks. Otherwise it is opened `SQLITE_OPEN_READ_ONLY` and
/// reads one consistent snapshot under SQLite's ordinary read lock.
pub fn open_read_only(path: &Path, busy_timeout: Duration) -> Result<Ledger> {
    let shown = path.display();
    let meta = match fs::metadata(path) {
        Ok(meta) => meta,
        Err(e) if e.kind() == ErrorKind::NotFound => {
            return Err(Error::Storage(format!(
                "ledger {shown} does not exist; reports never create one (give the right path with --db or PAYCTL_DB, or start a ledger with: payctl customer add ...)"
            )))
        }
        Err(e) => return Err(Error::Storage(format!("cannot read ledger {shown}: {e}"))),
    };
    if meta.is_dir() {
        return Err(Error::Storage(format!(
            "{shown} is a folder, not a payctl ledger"
        )));
    }
    let mut warnings = Vec::new();
    let mode = meta.permissions().mode() & 0o777;
    if mode & 0o077 != 0 {
        warnings.push(format!(
            "ledger {shown} is readable by other users (mode {mode:o}); fix it with: chmod {:o} {shown}",
            mode & 0o700
        ));
    }
    let wal = sidecar(path, "-wal");
    let writable = |p: &Path| rustix::fs::access(p, rustix::fs::Access::WRITE_OK).is_ok();
    let folder = match path.parent().filter(|d| !d.as_os_str().is_empty()) {
        Some(dir) => dir.to_path_buf(),
        None => PathBuf::from("."),
    };
    let can_write = writable(path) && writable(&folder);
    let immutable = !wal.exists() && !can_write;
    let mut ledger = read_only_connection(path, immutable, busy_timeout, warnings)?;
    ledger.check_schema_read_only()?;
    Ok(ledger)
}

/// `PATH-wal` or `PATH-shm`.
fn sidecar(path: &Path, suffix: &str) -> PathBuf {
    let mut name = path.as_os_str().to_owned();
    name.push(suffix);
    PathBuf::from(name)
}

fn read_only_connection(
    path: &Path,
    immutable: bool,
    busy_timeout: Duration,
    warnings: Vec<String>,
) -> Result<Ledger> {
    use rusqlite::OpenFlags;
    let flags = OpenFlags::SQLITE_OPEN_READ_ONLY
        | OpenFlags::SQLITE_OPEN_URI
        | OpenFlags::SQLITE_OPEN_NO_MUTEX;
    let uri = format!(
        "file:{}{}",
        uri_path(path),
        if immutable { "?immutable=1" } else { "" }
    );
    let conn = Connection::open_with_flags(uri, flags).map_err(|e| storage_error(path, e))?;
    conn.busy_timeout(busy_timeout)
        .map_err(|e| storage_error(path, e))?;
    // Belt and braces: this connection can never write, even by mistake.
    conn.pragma_update(None, "query_only", true)
        .map_err(|e| storage_error(path, e))?;
    Ok(Ledger {
        conn,
        path: path.to_path_buf(),
        warnings,
    })
}

/// A path as a `file:` URI path: absolute, with every byte other than unreserved characters
/// and `/` percent-encoded (a `?` or `#` in a folder name must not end the path).
fn uri_path(path: &Path) -> String {
    use std::os::unix::ffi::OsStrExt;
    let absolute = std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf());
    let mut out = String::new();
    for &b in absolute.as_os_str().as_bytes() {
        if b.is_ascii_alphanumeric() || b"/-._~".contains(&b) {
            out.push(char::from(b));
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// Creates the ledger's folder (0700) and an empty file (0600) before SQLite sees it, so the
/// file, and the -wal and -shm files that copy its mode, are never readable by others.
fn create_private_file(path: &Path) -> Result<()> {
    let shown = path.display();
    if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
        if !dir.exists() {
            fs::DirBuilder::new()
                .recursive(true)
                .mode(0o700)
                .create(dir)
                .map_err(|e| {
                    Error::Storage(format!(
                        "cannot create the ledger folder {}: {e}",
                        dir.display()
                    ))
                })?;
        }
    }
    match fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .mode(0o600)
        .open(path)
    {
        Ok(_) => Ok(()),
        Err(e) if e.kind() == ErrorKind::AlreadyExists => {
            if path.is_dir() {
                Err(Error::Storage(format!(
                    "{shown} is a folder, not a payctl ledger"
                )))
            } else {
                Ok(())
            }
        }
        Err(e) => Err(Error::Storage(format!("cannot create ledger {shown}: {e}"))),
    }
}

impl Ledger {
    fn err(&self, e: rusqlite::Error) -> Error {
        storage_error(&self.path, e)
    }

    fn configure(&mut self, busy_timeout: Duration) -> Result<()> {
        let path = self.path.clone();
        let conn = &self.conn;
        let err = |e| storage_error(&path, e);
        conn.busy_timeout(busy_timeout).map_err(err)?;
        // Reading the header first turns a non-SQLite file into a clear error.
        let app_id: i32 = conn
            .pragma_query_value(None, "application_id", |r| r.get(0))
            .map_err(err)?;
        let tables: i64 = conn
            .query_row("SELECT count(*) FROM sqlite_schema", [], |r| r.get(0))
            .map_err(err)?;
        if app_id != APPLICATION_ID && (app_id != 0 || tables > 0) {
            return Err(Error::Storage(format!(
                "{} is not a payctl ledger (a SQLite database of another program); give another path with --db",
                path.display()
            )));
        }
        let mode: String = conn
            .pragma_update_and_check(None, "journal_mode", "WAL", |r| r.get(0))
            .map_err(err)?;
        if !mode.eq_ignore_ascii_case("wal") {
            return Err(Error::Storage(format!(
                "ledger {}: cannot use WAL journaling (got {mode}); is it on a network file system?",
                path.display()
            )));
        }
        conn.pragma_update(None, "synchronous", "FULL")
            .map_err(err)?;
        conn.pragma_update(None, "foreign_keys", "ON")
            .map_err(err)?;
        conn.set_prepared_statement_cache_capacity(64);
        Ok(())
    }

    /// The checks `configure` and `migrate` make, without writing: a payctl ledger, set up,
    /// and not written by a newer payctl. An older schema is read as it is: every schema
    /// version has the tables the reports read (migration 2 added a cache they do not use).
    fn check_schema_read_only(&mut self) -> Result<()> {
        let path = self.path.clone();
        let err = |e| storage_error(&path, e);
        let (app_id, version, tables): (i32, i64, i64) = self
            .conn
            .query_row(
                "SELECT (SELECT application_id FROM pragma_application_id),
                        (SELECT user_version FROM pragma_user_version),
                        (SELECT count(*) FROM sqlite_schema)",
                [],
                |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
            )
            .map_err(err)?;
        if app_id != APPLICATION_ID && (app_id != 0 || tables > 0) {
            return Err(Error::Storage(format!(
                "{} is not a payctl ledger (a SQLite database of another program); give another path with --db",
                path.display()
            )));
        }
        if version == 0 {
            return Err(Error::Storage(format!(
                "ledger {} is empty: nothing has been recorded in it yet",
                path.display()
            )));
        }
        let latest = MIGRATIONS.len() as i64;
        if version > latest {
            return Err(Error::Storage(format!(
                "ledger {} was written by a newer payctl (schema {version}, this payctl knows {latest}); upgrade payctl",
                path.display()
            )));
        }
        Ok(())
    }

    fn migrate(&mut self) -> Result<()> {
        let version: i64 = self
            .conn
            .pragma_query_value(None, "user_version", |r| r.get(0))
            .map_err(|e| self.err(e))?;
        let latest = MIGRATIONS.len() as i64;
        if version > latest {
            return Err(Error::Storage(format!(
                "ledger {} was written by a newer payctl (schema {version}, this payctl knows {latest}); upgrade payctl",
                self.path.display()
            )));
        }
        if version == latest {
            return Ok(());
        }
        let path = self.path.clone();
        let err = |e| storage_error(&path, e);
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)
            .map_err(err)?;
        // Another process may have migrated while we waited for the lock.
        let version: i64 = tx
            .pragma_query_value(None, "user_version", |r| r.get(0))
            .map_err(err)?;
        for (i, sql) in MIGRATIONS.iter().enumerate().skip(version.max(0) as usize) {
            tx.execute_batch(sql).map_err(err)?;
            tx.pragma_update(None, "user_version", i as i64 + 1)
                .map_err(err)?;
        }
        tx.pragma_update(None, "application_id", APPLICATION_ID)
            .map_err(err)?;
        tx.commit().map_err(err)
    }

    /// Runs `f` in one `BEGIN IMMEDIATE` transaction: it takes the write lock before reading,
    /// so the balances `f` checks cannot change before it writes. Commits if `f` succeeds;
    /// rolls back (by drop) otherwise.
    pub fn write<T>(&mut self, f: impl FnOnce(&Transaction) -> Result<T>) -> Result<T> {
        self.immediate(true, f)
    }

    /// Runs `f` in one `BEGIN IMMEDIATE` transaction, like `write`, and then rolls it back
    /// whatever happens: a dry run sees exactly what a real run would, and leaves nothing.
    pub fn rehearse<T>(&mut self, f: impl FnOnce(&Transaction) -> Result<T>) -> Result<T> {
        self.immediate(false, f)
    }

    fn immediate<T>(
        &mut self,
        commit: bool,
        f: impl FnOnce(&Transaction) -> Result<T>,
    ) -> Result<T> {
        let path = self.path.clone();
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)
            .map_err(|e| storage_error(&path, e))?;
        let value = f(&tx)?;
        if commit { tx.commit() } else { tx.rollback() }.map_err(|e| storage_error(&path, e))?;
        Ok(value)
    }

    /// Lets SQLite keep up to `mib` MiB of pages in memory on this connection (the default is
    /// 2 MiB), for commands that touch many pages in one transaction.
    pub fn set_cache_mib(&mut self, mib: u32) -> Result<()> {
        let kib = -(i64::from(mib) * 1024);
        self.conn
            .pragma_update(None, "cache_size", kib)
            .map_err(|e| self.err(e))
    }

    /// Runs `f` in a read transaction: one consistent snapshot, no write lock.
    pub fn read<T>(&mut self, f: impl FnOnce(&Transaction) -> Result<T>) -> Result<T> {
        let path = self.path.clone();
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Deferred)
            .map_err(|e| storage_error(&path, e))?;
        f(&tx)
    }
}

/// Maps rusqlite results inside a transaction, where the path is not at hand.
pub(crate) trait SqlResult<T> {
    fn sql(self) -> Result<T>;
}

impl<T> SqlResult<T> for rusqlite::Result<T> {
    fn sql(self) -> Result<T> {
        self.map_err(|e| sqlite_error("the ledger", e))
    }
}
