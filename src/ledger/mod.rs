//! All SQL lives here. [`open`] is the one way to get a ledger: it creates the file 0600 in a
//! 0700 folder, sets the pragmas, and migrates the schema by `user_version`.

use std::cell::Cell;
use std::fs;
use std::io::ErrorKind;
use std::os::unix::fs::{DirBuilderExt, OpenOptionsExt, PermissionsExt};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, Instant};

use chrono::{DateTime, Utc};
use rusqlite::{Connection, ErrorCode, TransactionBehavior};

use crate::params;
pub use db::{Engine, Row, Tx};

use crate::core::dates::format_timestamp;
use crate::core::text::mask_card_numbers;
use crate::error::{BusyKind, Error, Result, StorageKind};

pub mod activities;
pub mod adjustments;
pub mod audit;
pub mod backup;
pub mod bank;
pub mod bank_match;
pub mod batch;
pub mod batch_invoices;
mod batch_pg;
pub mod bulk;
pub mod copy;
pub mod corrections;
pub mod customers;
pub mod db;
pub mod dump;
pub mod edits;
pub mod files;
pub mod find;
pub mod invoices;
pub mod methods;
pub mod payments;
pub mod periods;
mod pg_tls;
pub mod postgres;
pub mod reports;
pub mod roles;
pub mod totals;
pub mod verify;

/// The tables whose row counts `verify` reports and `backup` checks its copy against.
const COUNTED_TABLES: [&str; 7] = [
    "customers",
    "invoices",
    "payments",
    "allocations",
    "refunds",
    "activities",
    "audit_events",
];

/// How many records of each kind of [`COUNTED_TABLES`] a copy of the ledger holds: what
/// backup and restore report.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "camelCase")]
pub struct RecordCounts {
    pub customers: i64,
    pub invoices: i64,
    pub payments: i64,
    pub allocations: i64,
    pub refunds: i64,
    pub activities: i64,
    pub audit_events: i64,
}

impl RecordCounts {
    /// The counts of [`COUNTED_TABLES`], in its order.
    fn from_counts(counts: [i64; COUNTED_TABLES.len()]) -> RecordCounts {
        let [customers, invoices, payments, allocations, refunds, activities, audit_events] =
            counts;
        RecordCounts {
            customers,
            invoices,
            payments,
            allocations,
            refunds,
            activities,
            audit_events,
        }
    }

    /// The counts in [`COUNTED_TABLES`]' order.
    pub fn values(&self) -> [i64; COUNTED_TABLES.len()] {
        [
            self.customers,
            self.invoices,
            self.payments,
            self.allocations,
            self.refunds,
            self.activities,
            self.audit_events,
        ]
    }
}

/// `PRAGMA application_id` of a payctl ledger: "PYCT".
pub const APPLICATION_ID: i32 = 0x5059_4354;

/// Append-only: a ledger at version N has run migrations 1..=N. Never edit a shipped one.
const MIGRATIONS: &[&str] = &[
    include_str!("migrations/001_initial.sql"),
    include_str!("migrations/002_open_invoices.sql"),
    include_str!("migrations/003_checks_without_in.sql"),
    include_str!("migrations/004_currency_totals.sql"),
    include_str!("migrations/005_invoice_numbers.sql"),
    include_str!("migrations/006_bank.sql"),
    include_str!("migrations/007_statement_triggers.sql"),
    include_str!("migrations/008_periods.sql"),
    include_str!("migrations/009_adjustments.sql"),
    include_str!("migrations/010_balance_facts.sql"),
    include_str!("migrations/011_checks_by_touched_rows.sql"),
];

/// How many rows an import must write for payctl to refresh the server's statistics after it
/// ([`Ledger::refresh_statistics`]): below it, what the import changed is too little to move a
/// plan, and `ANALYZE` (tens to hundreds of milliseconds on a large ledger) would cost more
/// than it saves.
pub const ANALYZE_AFTER_ROWS: u64 = 1_000;

/// How long a write waits for another process's lock before giving up with exit 75.
pub const DEFAULT_BUSY_TIMEOUT: Duration = Duration::from_secs(5);

/// The engine's settings, read once by the caller (payctl reads them from the environment in
/// `commands::context`) and passed to [`open`], [`open_existing`] and [`open_read_only`], so
/// that nothing in the ledger reads the environment and a second engine takes the same
/// settings.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LedgerConfig {
    /// The ledger file, or for a team ledger the URL as it may be printed (no password).
    pub path: PathBuf,
    /// A team ledger on PostgreSQL (SPEC §8) instead of the file at `path`.
    pub server: Option<postgres::PgSettings>,
    /// How long a write waits for another process's lock ([`DEFAULT_BUSY_TIMEOUT`]).
    pub busy_timeout: Duration,
    /// A cap on the ledger's size, in pages, for the connections that may write: it makes a
    /// full disk reproducible where no small file system can be mounted.
    pub max_page_count: Option<u64>,
    /// Payments per batch of an import ([`batch::BATCH_ROWS`], [`batch::SERVER_BATCH_ROWS`] on
    /// PostgreSQL; smaller in tests, so that small files cross batch boundaries).
    pub import_batch_rows: usize,
}

impl LedgerConfig {
    /// The defaults for the ledger at `path`.
    pub fn new(path: PathBuf) -> LedgerConfig {
        LedgerConfig {
            path,
            server: None,
            busy_timeout: DEFAULT_BUSY_TIMEOUT,
            max_page_count: None,
            import_batch_rows: batch::BATCH_ROWS,
        }
    }

    /// The defaults for a team ledger on PostgreSQL (SPEC §8), reached with `settings`;
    /// `shown` stands for it in messages (its URL without a password).
    pub fn team(shown: PathBuf, settings: postgres::PgSettings) -> LedgerConfig {
        LedgerConfig {
            server: Some(settings),
            import_batch_rows: batch::SERVER_BATCH_ROWS,
            ..LedgerConfig::new(shown)
        }
    }
}

/// The busy timeout of this process's ledger, for [`wait_while_busy`] (a plain `fn`, so it
/// cannot capture it).
static BUSY_TIMEOUT_MS: AtomicU64 = AtomicU64::new(5000);

thread_local! {
    /// When the current wait for the lock began.
    static WAITING_SINCE: Cell<Option<Instant>> = const { Cell::new(None) };
}

/// SQLite's busy handler: retry until the busy timeout, then give up (exit 75), retrying the
/// more often the longer this process has waited.
///
/// SQLite's own handler (`busy_timeout`) backs off to 100 ms between tries. With many writers
/// the lock is free only for a moment between two transactions, so a process that has waited
/// long, sleeping 100 ms at a time, keeps losing it to newcomers that still retry every few
/// ms: with 16 processes recording payments on a loaded 2-core machine a few waited past 5 s
/// and exited 75. Here a newcomer retries every 4 ms and a process that has waited 1.6 s
/// every 0.25 ms, so the lock tends to go to whoever has waited longest.
fn wait_while_busy(count: i32) -> bool {
    let now = Instant::now();
    let since = WAITING_SINCE.with(|w| {
        let since = match (count, w.get()) {
            (0, _) | (_, None) => now,
            (_, Some(since)) => since,
        };
        w.set(Some(since));
        since
    });
    let waited = now.duration_since(since);
    let timeout = Duration::from_millis(BUSY_TIMEOUT_MS.load(Ordering::Relaxed));
    if waited >= timeout {
        return false;
    }
    let waited_ms = u64::try_from(waited.as_millis())
        .unwrap_or(u64::MAX)
        .max(100);
    let pause_us = (400_000 / waited_ms).max(250);
    // A little jitter, so that waiters of the same age do not retry in step.
    let nanos = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.subsec_nanos());
    let jitter_us = u64::from(nanos % 1000) * pause_us / 4000;
    std::thread::sleep(Duration::from_micros(pause_us + jitter_us));
    true
}

/// Who is writing and when: recorded in every audit event.
#[derive(Clone, Debug)]
pub struct Actor {
    pub now: DateTime<Utc>,
    pub os_user: String,
    pub command: String,
    /// `now` as the ledger stores it, formatted once: an import stamps every row with it.
    stamp: String,
}

impl Actor {
    /// The OS user and the command line are masked (SPEC §3): a card number in `$USER`, a
    /// file name or an id does not reach the audit trail.
    pub fn new(now: DateTime<Utc>, os_user: String, command: String) -> Actor {
        Actor {
            now,
            os_user: mask_card_numbers(&os_user),
            command: mask_card_numbers(&command),
            stamp: format_timestamp(now),
        }
    }

    pub fn now_text(&self) -> &str {
        &self.stamp
    }
}

pub struct Ledger {
    conn: Conn,
    path: PathBuf,
    /// Things the user should know about the file, such as loose permissions.
    pub warnings: Vec<String>,
}

/// The connection to either engine.
// One per process: the PostgreSQL variant's size (clippy flags it since the TLS dependencies
// came in) is not worth a Box and an indirection on every statement.
#[allow(clippy::large_enum_variant)]
enum Conn {
    Sqlite(Connection),
    Postgres {
        client: ::postgres::Client,
        statements: db::PgStatements,
    },
}

/// Maps a SQLite error to payctl's: busy is exit 75, everything else about the file is 74.
pub fn storage_error(path: &Path, err: rusqlite::Error) -> Error {
    sqlite_error(err).in_ledger(path.display())
}

/// A SQLite error as payctl's, about a ledger not named yet.
fn sqlite_error(err: rusqlite::Error) -> Error {
    // sum() over INTEGER amounts raises this. This payctl refuses every write that could lead
    // to it (see `totals`), so only a ledger an older payctl wrote gets here.
    if matches!(&err, rusqlite::Error::SqliteFailure(_, Some(m)) if m == "integer overflow") {
        return Error::storage(StorageKind::Overflow);
    }
    let detail = || err.to_string();
    let kind = match err.sqlite_error_code() {
        Some(ErrorCode::DatabaseBusy | ErrorCode::DatabaseLocked) => {
            return Error::busy(BusyKind::Locked)
        }
        Some(ErrorCode::NotADatabase) => StorageKind::NotADatabase,
        Some(ErrorCode::DiskFull) => StorageKind::DiskFull,
        Some(ErrorCode::ReadOnly) => StorageKind::ReadOnly,
        Some(ErrorCode::CannotOpen) => StorageKind::CannotOpen { detail: detail() },
        Some(ErrorCode::DatabaseCorrupt) => StorageKind::Corrupt { detail: detail() },
        Some(ErrorCode::ConstraintViolation) => StorageKind::Constraint { detail: detail() },
        Some(ErrorCode::SystemIoFailure) => {
            let code = match &err {
                rusqlite::Error::SqliteFailure(e, _) => e.extended_code,
                _ => 0,
            };
            StorageKind::Io {
                failure: io_failure(code),
                code,
            }
        }
        _ => StorageKind::Engine { detail: detail() },
    };
    Error::storage(kind)
}

/// What failed, from SQLite's extended I/O error code.
fn io_failure(extended: std::ffi::c_int) -> &'static str {
    use rusqlite::ffi;
    match extended {
        ffi::SQLITE_IOERR_SHMOPEN | ffi::SQLITE_IOERR_SHMSIZE | ffi::SQLITE_IOERR_SHMMAP => {
            "cannot set up its shared-memory file (-shm)"
        }
        ffi::SQLITE_IOERR_WRITE => "a write to the disk failed",
        ffi::SQLITE_IOERR_FSYNC | ffi::SQLITE_IOERR_DIR_FSYNC => "flushing to the disk failed",
        ffi::SQLITE_IOERR_READ | ffi::SQLITE_IOERR_SHORT_READ => "a read from the disk failed",
        ffi::SQLITE_IOERR_TRUNCATE => "truncating a file failed",
        _ => "disk I/O error",
    }
}

/// Opens (creating if needed) the ledger at `config.path`, ready for reads and writes, capped
/// at `config.max_page_count` pages.
pub fn open(config: &LedgerConfig) -> Result<Ledger> {
    if let Some(server) = &config.server {
        let mut ledger = open_server(config, server)?;
        ledger.migrate()?;
        return Ok(ledger);
    }
    let mut ledger = open_file(&config.path, config.busy_timeout)?;
    if let Some(pages) = config.max_page_count {
        ledger.set_max_page_count(pages)?;
    }
    Ok(ledger)
}

/// Connects to a team ledger on PostgreSQL (SPEC §8).
fn open_server(config: &LedgerConfig, server: &postgres::PgSettings) -> Result<Ledger> {
    let client =
        postgres::connect(server, config.busy_timeout).map_err(|e| name_ledger(e, &config.path))?;
    Ok(server_ledger(config, client))
}

fn server_ledger(config: &LedgerConfig, client: ::postgres::Client) -> Ledger {
    Ledger {
        conn: Conn::Postgres {
            client,
            statements: Default::default(),
        },
        path: config.path.clone(),
        warnings: Vec::new(),
    }
}

/// Connects to a team ledger that must already hold a payctl ledger: a read command never
/// creates one (a database with no payctl schema is exit 74, as a missing file is).
fn open_server_existing(config: &LedgerConfig, server: &postgres::PgSettings) -> Result<Ledger> {
    let named = |e| name_ledger(e, &config.path);
    let mut client = postgres::connect(server, config.busy_timeout).map_err(named)?;
    if postgres::schema_version(&mut client)
        .map_err(named)?
        .is_none()
    {
        // No payctl schema yet is, to a read command, a ledger that does not exist.
        return Err(missing_ledger(&config.path));
    }
    let mut ledger = server_ledger(config, client);
    ledger.migrate()?;
    Ok(ledger)
}

fn open_file(path: &Path, busy_timeout: Duration) -> Result<Ledger> {
    let mut warnings = Vec::new();
    check_ledger_file(path)?;
    create_private_file(path)?;
    if let Ok(meta) = fs::metadata(path) {
        warnings.extend(loose_mode_warning(path, meta.permissions().mode()));
    }
    let conn = Connection::open(path).map_err(|e| storage_error(path, e))?;
    let mut ledger = Ledger {
        conn: Conn::Sqlite(conn),
        path: path.to_path_buf(),
        warnings,
    };
    ledger.configure(busy_timeout)?;
    ledger.migrate()?;
    Ok(ledger)
}

/// What a new row of `table` (customers, payment_methods, invoices) needs to be given an id
/// (`core::ids::plan_new_id`): whether `given` is taken, or else the largest id in use. The
/// write lock is held, so no other process takes the id first.
pub(crate) fn id_facts(
    tx: &Tx,
    table: &str,
    given: Option<i64>,
) -> Result<crate::core::ids::IdFacts> {
    let mut facts = crate::core::ids::IdFacts::default();
    match given {
        Some(id) => {
            facts.given_taken = tx
                .query_opt(
                    &format!("SELECT 1 FROM {table} WHERE id = ?1"),
                    params![id],
                    |_| Ok(()),
                )?
                .is_some()
        }
        None => {
            facts.largest =
                tx.query_row(&format!("SELECT max(id) FROM {table}"), params![], |r| {
                    r.get(0)
                })?
        }
    }
    Ok(facts)
}

/// Opens an existing ledger, for a read command (list, show, log, verify, export, backup):
/// like [`open`], but a ledger that does not exist is an error (exit 74) and nothing is
/// created, neither the file nor its folder, so a typo in `--db` is not an empty answer.
pub fn open_existing(config: &LedgerConfig) -> Result<Ledger> {
    if let Some(server) = &config.server {
        return open_server_existing(config, server);
    }
    let path = config.path.as_path();
    match fs::metadata(path) {
        // An empty file (`touch ledger.db`, a redirection gone wrong) is not a ledger yet:
        // opening it would write a whole schema into it for a read command. Its `-wal` file,
        // if it has one, may hold committed transactions, so only a file with neither counts.
        Ok(meta) if meta.is_file() && meta.len() == 0 && !has_content(&sidecar(path, "-wal")) => {
            Err(Error::storage_at(StorageKind::EmptyFile, path.display()))
        }
        Ok(_) => open(config),
        // A path through a file (`notes.txt/ledger.db`) cannot hold a ledger either.
        Err(e) if matches!(e.kind(), ErrorKind::NotFound | ErrorKind::NotADirectory) => {
            Err(missing_ledger(path))
        }
        Err(e) => Err(Error::storage_at(
            StorageKind::CannotRead {
                detail: e.to_string(),
            },
            path.display(),
        )),
    }
}

/// Whether `path` is a file with something in it.
fn has_content(path: &Path) -> bool {
    fs::metadata(path).is_ok_and(|m| m.len() > 0)
}

/// The error of a read command given a ledger path where there is none (a dangling symlink
/// too): a typo in `--db` or `PAYCTL_DB` is the likely cause.
fn missing_ledger(path: &Path) -> Error {
    Error::storage_at(StorageKind::Missing, path.display())
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
///
/// The page cap does not apply: this connection writes nothing.
pub fn open_read_only(config: &LedgerConfig) -> Result<Ledger> {
    if let Some(server) = &config.server {
        return open_server_existing(config, server);
    }
    let (path, busy_timeout) = (config.path.as_path(), config.busy_timeout);
    let shown = path.display();
    let meta = match fs::metadata(path) {
        Ok(meta) => meta,
        Err(e) if e.kind() == ErrorKind::NotFound => return Err(missing_ledger(path)),
        Err(e) => {
            return Err(Error::storage_at(
                StorageKind::CannotRead {
                    detail: e.to_string(),
                },
                shown,
            ))
        }
    };
    check_ledger_file(path)?;
    let warnings: Vec<String> = loose_mode_warning(path, meta.permissions().mode())
        .into_iter()
        .collect();
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

/// Refuses a ledger path that names something other than a file (a folder, a device such as
/// `/dev/null`, a FIFO, a socket) before SQLite opens it: SQLite would read a device as an
/// empty database and create its journal beside it (`/dev/null-journal`). A path that does
/// not exist yet is fine: it is created.
fn check_ledger_file(path: &Path) -> Result<()> {
    use std::os::unix::fs::FileTypeExt;
    let Ok(meta) = fs::metadata(path) else {
        return Ok(());
    };
    let file_type = meta.file_type();
    let what = if file_type.is_file() {
        return Ok(());
    } else if file_type.is_dir() {
        return Err(Error::storage_at(StorageKind::Folder, path.display()));
    } else if file_type.is_char_device() {
        "a character device"
    } else if file_type.is_block_device() {
        "a block device"
    } else if file_type.is_fifo() {
        "a FIFO (named pipe)"
    } else if file_type.is_socket() {
        "a socket"
    } else {
        "not a regular file"
    };
    Err(Error::storage_at(
        StorageKind::NotAFile { what },
        path.display(),
    ))
}

/// The warning for a ledger that users other than its owner may read or write (`mode` as
/// `st_mode`), saying which, with the `chmod` that keeps the owner's own bits.
fn loose_mode_warning(path: &Path, mode: u32) -> Option<String> {
    let mode = mode & 0o777;
    if mode & 0o077 == 0 {
        return None;
    }
    let may = match (mode & 0o044 != 0, mode & 0o022 != 0) {
        (true, true) => "readable and writable",
        (true, false) => "readable",
        (false, true) => "writable",
        (false, false) => "executable",
    };
    let shown = path.display();
    Some(format!(
        "ledger '{shown}' is {may} by other users (mode {mode:04o}); run: chmod {:o} '{shown}'",
        mode & 0o700
    ))
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
        conn: Conn::Sqlite(conn),
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
                    Error::storage_at(
                        StorageKind::CreateFolder {
                            folder: dir.display().to_string(),
                            detail: e.to_string(),
                        },
                        path.display(),
                    )
                })?;
        }
    }
    // O_EXCL does not follow a symlink: through a dangling one the file would be created by
    // SQLite, 0644. Create the file it points to instead, privately.
    let dangling = fs::symlink_metadata(path).is_ok_and(|m| m.file_type().is_symlink())
        && fs::metadata(path).is_err_and(|e| e.kind() == ErrorKind::NotFound);
    let target = match dangling {
        true => files::resolve(path)
            .ok_or_else(|| Error::storage_at(StorageKind::DanglingLink, path.display()))?,
        false => path.to_path_buf(),
    };
    match fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .mode(0o600)
        .open(&target)
    {
        Ok(_) => Ok(()),
        Err(e) if e.kind() == ErrorKind::AlreadyExists => {
            if path.is_dir() {
                Err(Error::storage_at(StorageKind::Folder, path.display()))
            } else {
                restore_side_file_modes(path);
                Ok(())
            }
        }
        Err(e) => Err(Error::storage_at(
            StorageKind::Create {
                detail: e.to_string(),
            },
            shown,
        )),
    }
}

/// SQLite creates the -wal and -shm files with the ledger's mode. A read of a ledger made
/// read-only (0400) leaves them 0400 behind, and once the ledger is writable again they would
/// keep every write out ("read-only") until deleted by hand: give them back their owner's
/// read and write bits. Best effort: a file of another user is left alone.
fn restore_side_file_modes(path: &Path) {
    let writable = fs::metadata(path).is_ok_and(|m| m.permissions().mode() & 0o200 != 0);
    if !writable {
        return;
    }
    for suffix in ["-wal", "-shm"] {
        let side = sidecar(path, suffix);
        if let Ok(meta) = fs::metadata(&side) {
            let mode = meta.permissions().mode() & 0o777;
            if mode & 0o600 != 0o600 {
                let _ = fs::set_permissions(&side, fs::Permissions::from_mode(mode | 0o600));
            }
        }
    }
}

/// Refuses a SQLite file that belongs to another program: a foreign application id, or none
/// on a database that already has tables.
fn check_owner(path: &Path, app_id: i32, tables: i64) -> Result<()> {
    if app_id != APPLICATION_ID && (app_id != 0 || tables > 0) {
        return Err(Error::storage_at(StorageKind::Foreign, path.display()));
    }
    Ok(())
}

/// Refuses a ledger whose schema is newer than this payctl's migrations.
fn check_not_newer(path: &Path, version: i64) -> Result<()> {
    let latest = MIGRATIONS.len() as i64;
    if version > latest {
        return Err(Error::storage_at(
            StorageKind::NewerSchema { version, latest },
            path.display(),
        ));
    }
    Ok(())
}

impl Ledger {
    /// The SQLite connection, for what only SQLite has; `None` on PostgreSQL.
    fn sqlite(&mut self) -> Option<&mut Connection> {
        match &mut self.conn {
            Conn::Sqlite(conn) => Some(conn),
            Conn::Postgres { .. } => None,
        }
    }

    /// Which engine holds this ledger.
    pub fn engine(&self) -> Engine {
        match self.conn {
            Conn::Sqlite(_) => Engine::Sqlite,
            Conn::Postgres { .. } => Engine::Postgres,
        }
    }

    /// Where the ledger is, as it may be printed (a file, or a URL without its password).
    pub fn location(&self) -> &Path {
        &self.path
    }

    fn configure(&mut self, busy_timeout: Duration) -> Result<()> {
        let path = self.path.clone();
        let Some(conn) = self.sqlite() else {
            return Ok(());
        };
        let err = |e| storage_error(&path, e);
        BUSY_TIMEOUT_MS.store(
            u64::try_from(busy_timeout.as_millis()).unwrap_or(u64::MAX),
            Ordering::Relaxed,
        );
        conn.busy_handler(Some(wait_while_busy)).map_err(err)?;
        // Reading the header first turns a non-SQLite file into a clear error.
        let app_id: i32 = conn
            .pragma_query_value(None, "application_id", |r| r.get(0))
            .map_err(err)?;
        let tables: i64 = conn
            .query_row("SELECT count(*) FROM sqlite_schema", [], |r| r.get(0))
            .map_err(err)?;
        check_owner(&path, app_id, tables)?;
        let mode: String = conn
            .pragma_update_and_check(None, "journal_mode", "WAL", |r| r.get(0))
            .map_err(err)?;
        if !mode.eq_ignore_ascii_case("wal") {
            return Err(Error::storage_at(
                StorageKind::NoWal { mode },
                path.display(),
            ));
        }
        conn.pragma_update(None, "synchronous", "FULL")
            .map_err(err)?;
        conn.pragma_update(None, "foreign_keys", "ON")
            .map_err(err)?;
        conn.set_prepared_statement_cache_capacity(128);
        Ok(())
    }

    /// The checks `configure` and `migrate` make, without writing: a payctl ledger, set up,
    /// and not written by a newer payctl. An older schema is read as it is: every schema
    /// version has the tables the reports read (migration 2 added a cache they do not use).
    fn check_schema_read_only(&mut self) -> Result<()> {
        let path = self.path.clone();
        let Some(conn) = self.sqlite() else {
            return Ok(());
        };
        let err = |e| storage_error(&path, e);
        let (app_id, version, tables): (i32, i64, i64) = conn
            .query_row(
                "SELECT (SELECT application_id FROM pragma_application_id),
                        (SELECT user_version FROM pragma_user_version),
                        (SELECT count(*) FROM sqlite_schema)",
                [],
                |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
            )
            .map_err(err)?;
        check_owner(&path, app_id, tables)?;
        if version == 0 {
            return Err(Error::storage_at(
                StorageKind::NothingRecorded,
                path.display(),
            ));
        }
        check_not_newer(&path, version)
    }

    fn migrate(&mut self) -> Result<()> {
        let path = self.path.clone();
        let err = |e| storage_error(&path, e);
        let conn = match &mut self.conn {
            Conn::Sqlite(conn) => conn,
            Conn::Postgres { client, .. } => {
                return postgres::migrate(client).map_err(|e| name_ledger(e, &path))
            }
        };
        let version: i64 = conn
            .pragma_query_value(None, "user_version", |r| r.get(0))
            .map_err(err)?;
        check_not_newer(&path, version)?;
        let latest = MIGRATIONS.len() as i64;
        if version == latest {
            return Ok(());
        }
        let tx = conn
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

    /// Caps the ledger at `pages` pages (SQLite's `max_page_count`, for this connection): a
    /// write that would grow it further fails as on a full disk (exit 74).
    fn set_max_page_count(&mut self, pages: u64) -> Result<()> {
        let path = self.path.clone();
        let Some(conn) = self.sqlite() else {
            return Ok(());
        };
        conn.pragma_update(None, "max_page_count", pages)
            .map_err(|e| storage_error(&path, e))
    }

    /// After a bulk load (an import of [`ANALYZE_AFTER_ROWS`] rows or more, a restore): on
    /// PostgreSQL, brings the planner's statistics up to date (`ANALYZE`), as PostgreSQL's
    /// manual advises after populating a database. An import fills its tables in one
    /// transaction, and until autovacuum next looks (a minute or more) the server plans every
    /// read with the tables as they were: `report aging` on a ledger just given 100,000
    /// payments took 204 ms instead of about 100 ms. Best effort, after the commit: the load is
    /// written whatever happens here, so a failure is not reported, and a clerk, whom the server
    /// does not let analyze the owner's tables, is told nothing (a warning the server sends
    /// and payctl does not print). SQLite keeps its plans without statistics.
    ///
    /// `tables`: the tables the load wrote ([`bulk::written_tables`], read before its
    /// commit), or none for every table (a restore, or a load whose tables could not be
    /// read). A 100,000-payment import writes nine of the ledger's tables; analyzing only
    /// those took 0.47 s instead of 0.69 s.
    pub fn refresh_statistics(&mut self, tables: &[String]) {
        let Conn::Postgres { client, .. } = &mut self.conn else {
            return;
        };
        let sql = match tables {
            [] => "ANALYZE".to_owned(),
            tables => format!("ANALYZE {}", tables.join(", ")),
        };
        let _ = client.batch_execute(&sql);
    }

    /// Runs `f` as one write transaction that holds the ledger's write lock from its first
    /// statement (SQLite: `BEGIN IMMEDIATE`; PostgreSQL: a transaction-level advisory lock,
    /// READ COMMITTED), so the balances `f` checks cannot change before it writes. Commits if
    /// `f` succeeds; rolls back otherwise.
    pub fn write<T>(&mut self, f: impl FnOnce(&Tx) -> Result<T>) -> Result<T> {
        self.immediate(true, f)
    }

    /// Runs `f` in one write transaction, like `write`, and then rolls it back whatever
    /// happens: a dry run sees exactly what a real run would, and leaves nothing.
    pub fn rehearse<T>(&mut self, f: impl FnOnce(&Tx) -> Result<T>) -> Result<T> {
        self.immediate(false, f)
    }

    fn immediate<T>(&mut self, commit: bool, f: impl FnOnce(&Tx) -> Result<T>) -> Result<T> {
        let path = self.path.clone();
        let tx = match &mut self.conn {
            Conn::Sqlite(conn) => {
                // SQLite opens a file it may not write read-only and fails only at the first
                // INSERT, deep inside `f`: say so up front, naming the file.
                if conn
                    .is_readonly(rusqlite::DatabaseName::Main)
                    .unwrap_or(false)
                {
                    return Err(Error::storage_at(StorageKind::ReadOnly, path.display()));
                }
                let tx = conn
                    .transaction_with_behavior(TransactionBehavior::Immediate)
                    .map_err(|e| storage_error(&path, e))?;
                Tx::sqlite(tx)
            }
            Conn::Postgres { client, statements } => {
                let tx = client
                    .transaction()
                    .map_err(|e| name_ledger(db::postgres_error(e), &path))?;
                let tx = Tx::postgres(tx, statements);
                tx.execute(
                    "SELECT pg_advisory_xact_lock(?1)",
                    params![postgres::WRITE_LOCK],
                )
                .map_err(|e| name_ledger(e, &path))?;
                tx
            }
        };
        let value = f(&tx).map_err(|e| name_ledger(e, &path))?;
        if commit { tx.commit() } else { tx.rollback() }.map_err(|e| name_ledger(e, &path))?;
        Ok(value)
    }

    /// Lets SQLite keep up to `mib` MiB of pages in memory on this connection (the default is
    /// 2 MiB), for commands that touch many pages in one transaction. Nothing on PostgreSQL,
    /// whose server keeps its own cache.
    pub fn set_cache_mib(&mut self, mib: u32) -> Result<()> {
        let kib = -(i64::from(mib) * 1024);
        let path = self.path.clone();
        let Some(conn) = self.sqlite() else {
            return Ok(());
        };
        conn.pragma_update(None, "cache_size", kib)
            .map_err(|e| storage_error(&path, e))
    }

    /// Runs `f` in a read transaction: one consistent snapshot, no write lock (PostgreSQL:
    /// `REPEATABLE READ READ ONLY`).
    pub fn read<T>(&mut self, f: impl FnOnce(&Tx) -> Result<T>) -> Result<T> {
        let path = self.path.clone();
        let tx = match &mut self.conn {
            Conn::Sqlite(conn) => Tx::sqlite(
                conn.transaction_with_behavior(TransactionBehavior::Deferred)
                    .map_err(|e| storage_error(&path, e))?,
            ),
            Conn::Postgres { client, statements } => Tx::postgres(
                client
                    .build_transaction()
                    .isolation_level(::postgres::IsolationLevel::RepeatableRead)
                    .read_only(true)
                    .start()
                    .map_err(|e| name_ledger(db::postgres_error(e), &path))?,
                statements,
            ),
        };
        let value = f(&tx).map_err(|e| name_ledger(e, &path))?;
        tx.rollback().map_err(|e| name_ledger(e, &path))?;
        Ok(value)
    }
}

/// Names the ledger in a storage or busy error raised inside a transaction (where the path
/// is not at hand), so every storage error names the file, wherever SQLite raised it.
fn name_ledger(err: Error, path: &Path) -> Error {
    err.in_ledger(path.display())
}

/// Maps rusqlite results inside a transaction, where the path is not at hand.
pub(crate) trait SqlResult<T> {
    fn sql(self) -> Result<T>;
}

impl<T> SqlResult<T> for rusqlite::Result<T> {
    fn sql(self) -> Result<T> {
        self.map_err(sqlite_error_unnamed)
    }
}

/// A SQLite error raised inside a transaction, where the path is not at hand.
pub(crate) fn sqlite_error_unnamed(e: rusqlite::Error) -> Error {
    sqlite_error(e)
}

pub(crate) use postgres::postgres_error;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_loose_mode_warning_says_what_other_users_may_do() {
        let path = Path::new("/l.db");
        let warn = |mode| loose_mode_warning(path, mode);
        assert_eq!(warn(0o100600), None);
        assert_eq!(warn(0o400), None);
        assert_eq!(
            warn(0o100644).as_deref(),
            Some("ledger '/l.db' is readable by other users (mode 0644); run: chmod 600 '/l.db'")
        );
        assert_eq!(
            warn(0o666).as_deref(),
            Some("ledger '/l.db' is readable and writable by other users (mode 0666); run: chmod 600 '/l.db'")
        );
        assert_eq!(
            warn(0o602).as_deref(),
            Some("ledger '/l.db' is writable by other users (mode 0602); run: chmod 600 '/l.db'")
        );
        assert_eq!(
            warn(0o444).as_deref(),
            Some("ledger '/l.db' is readable by other users (mode 0444); run: chmod 400 '/l.db'")
        );
        assert_eq!(
            warn(0o710).as_deref(),
            Some("ledger '/l.db' is executable by other users (mode 0710); run: chmod 700 '/l.db'")
        );
    }
}
