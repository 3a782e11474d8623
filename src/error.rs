//! The one error type that every layer returns, and its exit codes (SPEC §1).

use std::fmt;

/// One thing wrong with a request: the JSON key it concerns (Fusebill's `Errors[].Key`) and a
/// sentence that names the field, the value and what is allowed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Problem {
    pub key: String,
    pub message: String,
}

impl Problem {
    pub fn new(key: impl Into<String>, message: impl Into<String>) -> Problem {
        Problem {
            key: key.into(),
            message: message.into(),
        }
    }
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

/// A record payctl looks up by its id.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Record {
    Customer,
    Invoice,
    Payment,
    PaymentMethod,
    BankLine,
    BankStatement,
}

impl Record {
    /// The JSON key of its id (Fusebill's `Errors[].Key`).
    pub fn key(self) -> &'static str {
        match self {
            Record::Customer => "customerId",
            Record::Invoice => "invoiceId",
            Record::Payment => "paymentId",
            Record::PaymentMethod => "paymentMethodId",
            Record::BankLine => "bankLineId",
            Record::BankStatement => "statementId",
        }
    }

    /// The record as a user names it.
    pub fn name(self) -> &'static str {
        match self {
            Record::Customer => "customer",
            Record::Invoice => "invoice",
            Record::Payment => "payment",
            Record::PaymentMethod => "payment method",
            Record::BankLine => "bank line",
            Record::BankStatement => "bank statement",
        }
    }
}

#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// Validation or a business rule refused the request (HTTP 400/409, exit 1).
    #[error("{}", join(.0))]
    Rejected(Vec<Problem>),
    /// The command line is malformed in a way clap cannot see (exit 2).
    #[error("{0}")]
    Usage(Problem),
    /// The ledger's URL (`--db`, `PAYCTL_DB`) cannot be used as it is (exit 2).
    #[error("db '{url}' {problem}")]
    LedgerUrl { url: String, problem: UrlProblem },
    /// A record the request names by its id does not exist (HTTP 404, exit 3). The message
    /// is the fact; what to do about it is added where payctl prints it (`commands::hint`).
    #[error("{} {id} not found", .record.name())]
    RecordNotFound { record: Record, id: i64 },
    /// Something else the request names does not exist (HTTP 404, exit 3), in words.
    #[error("{0}")]
    NotFound(Problem),
    /// An id the request gives was taken by another writer between payctl's check and its
    /// INSERT (a PostgreSQL writer that bypassed payctl's lock): the request lost the race,
    /// as it would lose to a payctl writer (exit 1).
    #[error("that id is already taken: {detail} in table {table} (another writer recorded it first); nothing was written")]
    IdTaken { table: String, detail: String },
    /// The idempotency key was used before with a different request (exit 4).
    #[error("{0}")]
    IdempotencyConflict(Problem),
    /// The ledger (or a file payctl writes) cannot be read or written (exit 74): what went
    /// wrong, as facts; the words are [`StorageError`]'s Display, the hint `commands::hint`'s.
    #[error("{0}")]
    Storage(Box<StorageError>),
    /// Another process held the ledger past the busy timeout, or the server could not be
    /// reached (exit 75): nothing was written, safe to retry.
    #[error("{0}")]
    Busy(BusyError),
    /// The reader of payctl's output went away (`payctl export payments | head -1`). Not the
    /// user's problem: the command that writes its output as it goes stops, and payctl exits
    /// as if it had finished, as it does when the final print meets a closed pipe. Exit 74 and
    /// 500 only if it ever escapes a command, as the empty storage error it replaces did.
    #[error("broken pipe")]
    BrokenPipe,
}

fn join(problems: &[Problem]) -> String {
    problems
        .iter()
        .map(|p| p.message.as_str())
        .collect::<Vec<_>>()
        .join("\n")
}

pub type Result<T, E = Error> = std::result::Result<T, E>;

/// At most this many problems are printed: a request with 100,000 bad allocations is not
/// 100,000 lines (an import lists its bad rows within the same 50 lines).
pub const MAX_PROBLEMS: usize = 50;

/// The first [`MAX_PROBLEMS`] problems, then one that says how many more there were.
pub fn capped(mut problems: Vec<Problem>) -> Vec<Problem> {
    if problems.len() > MAX_PROBLEMS {
        let more = problems.len() - MAX_PROBLEMS;
        problems.truncate(MAX_PROBLEMS);
        problems.push(Problem::new(
            "problems",
            format!("… and {more} more problems"),
        ));
    }
    problems
}

impl Error {
    pub fn rejected(key: impl Into<String>, message: impl Into<String>) -> Error {
        Error::Rejected(vec![Problem::new(key, message)])
    }

    /// No `record` has `id`.
    pub fn record_not_found(record: Record, id: i64) -> Error {
        Error::RecordNotFound { record, id }
    }

    pub fn not_found(key: impl Into<String>, message: impl Into<String>) -> Error {
        Error::NotFound(Problem::new(key, message))
    }

    pub fn usage(key: impl Into<String>, message: impl Into<String>) -> Error {
        Error::Usage(Problem::new(key, message))
    }

    /// A storage error of `kind` about a ledger not named yet ("the ledger"): the layer that
    /// knows the ledger's name adds it ([`Error::in_ledger`]).
    pub fn storage(kind: StorageKind) -> Error {
        Error::Storage(Box::new(StorageError::new(kind)))
    }

    /// A storage error of `kind` about the ledger `ledger` (a path, or a URL without its
    /// password).
    pub fn storage_at(kind: StorageKind, ledger: impl fmt::Display) -> Error {
        Error::Storage(Box::new(StorageError::new(kind).at(ledger)))
    }

    /// A busy error of `kind` about a ledger not named yet.
    pub fn busy(kind: BusyKind) -> Error {
        Error::Busy(BusyError { kind, ledger: None })
    }

    /// Names the ledger a storage or busy error raised inside a transaction is about, unless
    /// it already names one; other errors are returned as they are.
    pub fn in_ledger(self, ledger: impl fmt::Display) -> Error {
        match self {
            Error::Storage(mut e) if e.ledger.is_none() => {
                e.ledger = Some(ledger.to_string());
                Error::Storage(e)
            }
            Error::Busy(mut e) if e.ledger.is_none() => {
                e.ledger = Some(ledger.to_string());
                Error::Busy(e)
            }
            other => other,
        }
    }

    /// The exit code of SPEC §1.
    pub fn exit_code(&self) -> i32 {
        match self {
            Error::Rejected(_) | Error::IdTaken { .. } => 1,
            Error::Usage(_) | Error::LedgerUrl { .. } => 2,
            Error::NotFound(_) | Error::RecordNotFound { .. } => 3,
            Error::IdempotencyConflict(_) => 4,
            Error::Storage(_) | Error::BrokenPipe => 74,
            Error::Busy(_) => 75,
        }
    }

    /// The HTTP-like status written in Fusebill's error JSON.
    pub fn http_status(&self) -> u16 {
        match self {
            Error::Rejected(_)
            | Error::IdTaken { .. }
            | Error::Usage(_)
            | Error::LedgerUrl { .. } => 400,
            Error::NotFound(_) | Error::RecordNotFound { .. } => 404,
            Error::IdempotencyConflict(_) => 409,
            Error::Storage(_) | Error::BrokenPipe => 500,
            Error::Busy(_) => 503,
        }
    }

    pub fn problems(&self) -> Vec<Problem> {
        match self {
            Error::Rejected(p) => p.clone(),
            Error::Usage(p) | Error::NotFound(p) | Error::IdempotencyConflict(p) => vec![p.clone()],
            Error::RecordNotFound { record, .. } => {
                vec![Problem::new(record.key(), self.to_string())]
            }
            Error::Storage(_) | Error::Busy(_) => vec![Problem::new("ledger", self.to_string())],
            Error::LedgerUrl { .. } => vec![Problem::new("db", self.to_string())],
            Error::IdTaken { .. } => vec![Problem::new("id", self.to_string())],
            Error::BrokenPipe => vec![Problem::new("output", "broken pipe")],
        }
    }
}

/// What went wrong with the ledger, or with a file payctl reads or writes, and the facts that
/// say so. Each kind is printed as one sentence by [`StorageError`]'s Display; what the user
/// can do about it (run verify, check --db) is added where payctl prints it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum StorageKind {
    /// Its amounts add up past 2^63 - 1 minor units: only an older payctl (or an edited file)
    /// can have recorded them, since this one refuses the write that would (SPEC §2).
    Overflow,
    /// The file is not a SQLite database.
    NotADatabase,
    /// A SQLite database of another program.
    Foreign,
    DiskFull,
    ReadOnly,
    /// SQLite cannot open the file.
    CannotOpen {
        detail: String,
    },
    /// The engine found a damaged page or row.
    Corrupt {
        detail: String,
    },
    /// A trigger or constraint refused a write.
    Constraint {
        detail: String,
    },
    /// An I/O error of SQLite: what failed, and SQLite's extended code.
    Io {
        failure: &'static str,
        code: i32,
    },
    /// Any other error of the engine, in its words.
    Engine {
        detail: String,
    },
    /// PostgreSQL: out of disk space or memory (SQLSTATE class 53).
    ServerFull {
        detail: String,
    },
    /// PostgreSQL: the database user lacks a privilege.
    Privilege {
        detail: String,
    },
    /// PostgreSQL: any other error, with its SQLSTATE.
    Sqlstate {
        detail: String,
        code: String,
    },
    /// The connection was lost during COMMIT: the outcome is unknown.
    CommitLost {
        detail: String,
    },
    /// Its schema is newer than this payctl's migrations.
    NewerSchema {
        version: i64,
        latest: i64,
    },
    /// Nothing has been recorded in it yet (a read of a fresh file).
    NothingRecorded,
    /// SQLite cannot use WAL journaling on it.
    NoWal {
        mode: String,
    },
    /// It holds a value no payctl writes (`what`: "a bad timestamp \"x\"").
    BadValue {
        what: String,
    },
    /// A value in `column` is not of the type payctl reads there.
    BadCell {
        column: usize,
        detail: String,
    },
    /// Text in `column` is not UTF-8.
    NotUtf8 {
        column: usize,
        detail: String,
    },
    /// A floating-point value in `column` (payctl stores none).
    Float {
        column: usize,
        value: String,
    },
    /// A query that always returns a row returned none.
    NoRow {
        sql: String,
    },
    /// The path is an empty file.
    EmptyFile,
    /// No ledger at the path (a read command creates none).
    Missing,
    /// The path is a folder.
    Folder,
    /// The path names something that is not a file (`what`: "a character device").
    NotAFile {
        what: &'static str,
    },
    /// The ledger file cannot be read (its metadata).
    CannotRead {
        detail: String,
    },
    /// The ledger's folder cannot be created.
    CreateFolder {
        folder: String,
        detail: String,
    },
    /// The ledger file cannot be created.
    Create {
        detail: String,
    },
    /// The path is a symbolic link to nowhere, or a loop of links.
    DanglingLink,
    /// PostgreSQL refused the login. `client_cert`: the URL named a client certificate
    /// (`sslcert`), which the hint then points at as well.
    LoginRefused {
        detail: String,
        code: String,
        client_cert: bool,
    },
    /// The database the URL names does not exist on the server.
    NoDatabase {
        detail: String,
    },
    /// The server asks for a password and none was given.
    NoPassword,
    /// The server's certificate failed the check that `sslmode` asks for.
    CertificateRefused {
        mode: &'static str,
        detail: String,
    },
    /// The server ended the TLS handshake with a fatal alert (`alert`, rustls' name for it).
    /// `client_cert`: the `sslcert` file payctl presented, if any, since the alert is then
    /// most likely the server refusing that certificate.
    TlsAlert {
        alert: String,
        client_cert: Option<String>,
    },
    /// TLS could not be set up.
    Tls {
        detail: String,
    },
    /// A file of a backup cannot be written or flushed (`action`: "fsync", "rename" …).
    BackupFile {
        action: &'static str,
        path: String,
        detail: String,
    },
    /// The folder of a backup cannot be resolved.
    BackupFolder {
        target: String,
        folder: String,
        detail: String,
    },
    /// A backup copy does not hold the rows its snapshot did.
    BackupMismatch {
        tables: String,
        copy: String,
        snapshot: String,
    },
    /// The ledger `which` lacks the tables of this version.
    CopyTables {
        which: String,
        found: String,
    },
    /// A table has different columns in the two ledgers of a copy.
    CopyColumns {
        table: String,
        columns: String,
    },
    /// The copy failed verify's checks.
    CopyVerify {
        problems: String,
    },
    /// The copy cannot be left in rollback-journal mode.
    CopyJournal {
        file: String,
        mode: String,
    },
    /// An output file (or stdout) cannot be written (`what` as the user named it).
    Write {
        what: String,
        detail: String,
    },
    /// A customer's statement cannot be drawn up from what the ledger holds.
    Statement {
        customer: i64,
        detail: String,
    },
    /// A state payctl's own code should never reach: a bug of payctl's.
    Internal {
        detail: String,
    },
}

/// A storage failure (exit 74): its kind and the ledger it concerns.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct StorageError {
    pub kind: StorageKind,
    /// The ledger as it may be printed (a path, or a URL without its password); `None` where
    /// it was raised inside a transaction and not named yet: printed "the ledger".
    pub ledger: Option<String>,
    /// Where a backup of the ledger was being written, when that failed.
    pub backup_to: Option<String>,
    /// The statement the server could not prepare (a bug of payctl's SQL).
    pub statement: Option<String>,
}

impl StorageError {
    pub fn new(kind: StorageKind) -> StorageError {
        StorageError {
            kind,
            ledger: None,
            backup_to: None,
            statement: None,
        }
    }

    pub fn at(mut self, ledger: impl fmt::Display) -> StorageError {
        self.ledger = Some(ledger.to_string());
        self
    }

    /// "ledger PATH", "backup of ledger PATH to FILE", or "the ledger" while unnamed.
    fn subject(&self) -> String {
        match (&self.ledger, &self.backup_to) {
            (Some(ledger), Some(target)) => format!("backup of ledger {ledger} to {target}"),
            (Some(ledger), None) => format!("ledger {ledger}"),
            (None, _) => "the ledger".to_owned(),
        }
    }

    /// The ledger's path as it was given, for the kinds that quote it.
    fn path(&self) -> &str {
        self.ledger.as_deref().unwrap_or("")
    }
}

impl fmt::Display for StorageError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        use StorageKind as K;
        let s = self.subject();
        let p = self.path();
        match &self.kind {
            K::Overflow => write!(
                f,
                "{s}: its amounts add up past what payctl can count (a total over 2^63 - 1 minor units); an older payctl recorded them, and this one refuses any write that would add to such a total"
            ),
            K::NotADatabase => write!(f, "{s} is not a payctl ledger (not a SQLite database)"),
            K::Foreign => write!(
                f,
                "{p} is not a payctl ledger (a SQLite database of another program); give another path with --db"
            ),
            K::DiskFull => write!(f, "{s}: the disk is full; nothing was written"),
            K::ReadOnly => write!(
                f,
                "{s} is read-only (check the permissions of the file and of its folder); nothing was written"
            ),
            K::CannotOpen { detail } => write!(f, "cannot open {s}: {detail}"),
            K::Corrupt { detail } => write!(f, "{s} is corrupt ({detail})"),
            K::Constraint { detail } => write!(
                f,
                "{s} refused a write that breaks its rules: {detail}; nothing was written"
            ),
            K::Io { failure, code } => write!(f, "{s}: {failure} (SQLite I/O error {code})"),
            K::Engine { detail } => write!(f, "{s}: {detail}"),
            K::ServerFull { detail } => write!(
                f,
                "{s}: the server is out of space or memory ({detail}); nothing was written"
            ),
            K::Privilege { detail } => write!(
                f,
                "{s} refused: {detail} (the database user lacks the privilege; nothing was written)"
            ),
            K::Sqlstate { detail, code } => write!(f, "{s}: {detail} (SQLSTATE {code})"),
            K::CommitLost { detail } => {
                write!(f, "{s}: the connection was lost during COMMIT ({detail})")
            }
            K::NewerSchema { version, latest } => write!(
                f,
                "{s} was written by a newer payctl (schema {version}, this payctl knows {latest}); upgrade payctl"
            ),
            K::NothingRecorded => write!(f, "{s} is empty: nothing has been recorded in it yet"),
            K::NoWal { mode } => write!(
                f,
                "{s}: cannot use WAL journaling (got {mode}); is it on a network file system?"
            ),
            K::BadValue { what } => write!(f, "{s} holds {what}"),
            K::BadCell { column, detail } => write!(
                f,
                "{s} holds a value payctl cannot read in column {column}: {detail}"
            ),
            K::NotUtf8 { column, detail } => {
                write!(f, "{s} holds text that is not UTF-8 in column {column}: {detail}")
            }
            K::Float { column, value } => write!(
                f,
                "{s} holds a floating-point value ({value}) in column {column}; payctl stores none"
            ),
            K::NoRow { sql } => write!(f, "{s} returned no row for: {sql}"),
            K::EmptyFile => write!(f, "ledger '{p}' is an empty file, not a payctl ledger"),
            K::Missing => write!(f, "ledger '{p}' does not exist"),
            K::Folder => write!(f, "{p} is a folder, not a payctl ledger"),
            K::NotAFile { what } => write!(
                f,
                "ledger '{p}' is {what}, not a file; give the path of a payctl ledger file with --db"
            ),
            K::CannotRead { detail } => write!(f, "cannot read ledger '{p}': {detail}"),
            K::CreateFolder { folder, detail } => {
                write!(f, "cannot create the ledger folder {folder}: {detail}")
            }
            K::Create { detail } => write!(f, "cannot create ledger {p}: {detail}"),
            K::DanglingLink => write!(
                f,
                "cannot create ledger {p}: it is a symbolic link to a folder that does not exist, or a loop of links"
            ),
            K::LoginRefused {
                detail,
                code,
                client_cert: false,
            } => write!(
                f,
                "{s} refused the login: {detail} (SQLSTATE {code}); check PGPASSWORD or ~/.pgpass (mode 0600) and the server's pg_hba.conf; nothing was written"
            ),
            K::LoginRefused {
                detail,
                code,
                client_cert: true,
            } => write!(
                f,
                "{s} refused the login: {detail} (SQLSTATE {code}); check the client certificate in sslcert (for `cert` authentication its CN must be the database user), PGPASSWORD or ~/.pgpass (mode 0600), and the server's pg_hba.conf; nothing was written"
            ),
            K::NoDatabase { detail } => write!(f, "{s} does not exist on the server: {detail}"),
            K::NoPassword => write!(
                f,
                "{s} asks for a password and none was given: set PGPASSWORD or add a line to ~/.pgpass (mode 0600); a password in the URL is refused"
            ),
            K::CertificateRefused { mode, detail } => write!(
                f,
                "{s}: the server's TLS certificate was refused under sslmode={mode} ({detail}); nothing was sent to it. Check the host name in the URL and sslrootcert"
            ),
            K::TlsAlert {
                alert,
                client_cert: Some(cert),
            } => write!(
                f,
                "{s}: the server refused the TLS handshake (alert {alert}) after payctl presented the client certificate in sslcert '{cert}'; nothing was sent to it. Check that the server's ssl_ca_file holds the CA that signed that certificate and that it has not expired"
            ),
            K::TlsAlert {
                alert,
                client_cert: None,
            } if alert == "CertificateRequired" => write!(
                f,
                "{s}: the server requires a TLS client certificate (alert {alert}); nothing was sent to it. Name one in the URL with sslcert=FILE&sslkey=FILE"
            ),
            K::TlsAlert {
                alert,
                client_cert: None,
            } => write!(
                f,
                "{s}: the server refused the TLS handshake (alert {alert}); nothing was sent to it"
            ),
            K::Tls { detail } => write!(f, "TLS to the ledger {p}: {detail}"),
            K::BackupFile {
                action,
                path,
                detail,
            } => write!(
                f,
                "cannot {action} {path}: {detail}; the backup was not written"
            ),
            K::BackupFolder {
                target,
                folder,
                detail,
            } => write!(f, "cannot write backup {target}: its folder {folder}: {detail}"),
            K::BackupMismatch {
                tables,
                copy,
                snapshot,
            } => write!(
                f,
                "{s}: the copy holds {copy} rows of {tables} but the snapshot {snapshot}; the backup was not written"
            ),
            K::CopyTables { which, found } => write!(
                f,
                "{which} does not have the tables of a payctl ledger of this version (found: {found}); nothing was copied"
            ),
            K::CopyColumns { table, columns } => write!(
                f,
                "table {table} has different columns in the two ledgers ({columns}); nothing was copied"
            ),
            K::CopyVerify { problems } => write!(
                f,
                "the copy failed verify's checks, so nothing was written: {problems}"
            ),
            K::CopyJournal { file, mode } => {
                write!(f, "cannot leave WAL mode on the copy {file} (got {mode})")
            }
            K::Write { what, detail } => write!(f, "cannot write {what}: {detail}"),
            K::Statement { customer, detail } => write!(
                f,
                "cannot draw up the statement of customer {customer}: {detail}"
            ),
            K::Internal { detail } => write!(f, "payctl: {detail}"),
        }?;
        match &self.statement {
            Some(sql) => write!(f, ", preparing: {sql}"),
            None => Ok(()),
        }
    }
}

/// Why the ledger could not be had in time (exit 75): nothing was written, a retry is safe.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum BusyKind {
    /// Another process held its lock past the busy timeout.
    Locked,
    /// The connection to the server was lost before COMMIT.
    ConnectionLost { detail: String },
    /// The server does not offer TLS and `sslmode` asks for it.
    NoTls { mode: &'static str },
    /// The server cannot be reached.
    Unreachable { detail: String },
}

/// A busy ledger (exit 75): why, and which ledger.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BusyError {
    pub kind: BusyKind,
    /// As in [`StorageError::ledger`].
    pub ledger: Option<String>,
}

impl BusyError {
    pub fn at(kind: BusyKind, ledger: impl fmt::Display) -> BusyError {
        BusyError {
            kind,
            ledger: Some(ledger.to_string()),
        }
    }
}

impl fmt::Display for BusyError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let s = match &self.ledger {
            Some(ledger) => format!("ledger {ledger}"),
            None => "the ledger".to_owned(),
        };
        match &self.kind {
            BusyKind::Locked => write!(
                f,
                "{s} is busy: another process held its lock past the busy timeout (PAYCTL_BUSY_TIMEOUT_MS, default 5000); nothing was written, it is safe to retry"
            ),
            BusyKind::ConnectionLost { detail } => write!(
                f,
                "{s}: the connection to the server was lost ({detail}); nothing was written, it is safe to retry"
            ),
            BusyKind::NoTls { mode } => write!(
                f,
                "{s} does not offer TLS, and the URL asks for sslmode={mode}; nothing was written. Enable ssl on the server, or use sslmode=prefer or disable on a trusted network"
            ),
            BusyKind::Unreachable { detail } => {
                let ledger = self.ledger.as_deref().unwrap_or_default();
                write!(
                    f,
                    "cannot reach the ledger {ledger}: {detail}; nothing was written, it is safe to retry"
                )
            }
        }
    }
}

/// What is wrong with a ledger URL.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum UrlProblem {
    /// An `sslmode` that is not one of `allowed`.
    Sslmode {
        value: String,
        allowed: &'static str,
    },
    /// An empty or undecodable `sslrootcert`.
    Sslrootcert { value: String },
    /// The URL does not parse (`modes`: the sslmodes, `|`-separated).
    Unusable { detail: String, modes: String },
    /// The `sslrootcert` file cannot be read as PEM CA certificates.
    RootCert { file: String, detail: String },
    /// The URL carries a password (SPEC §8 refuses it).
    Password,
    /// `field` (`sslcert`, `sslkey`) is empty or does not decode; `allowed` says what it takes.
    EmptyPath {
        field: &'static str,
        value: String,
        allowed: &'static str,
    },
    /// One of `sslcert` and `sslkey` without the other.
    HalfClientCert {
        given: &'static str,
        missing: &'static str,
    },
    /// The `field` file (`sslcert`, `sslkey`) cannot be used: `detail` says why, in payctl's
    /// words (never the file's content), `allowed` what it must be.
    ClientFile {
        field: &'static str,
        file: String,
        detail: String,
        allowed: &'static str,
    },
    /// The `sslkey` file may be read or written by group or others (`mode`), as libpq
    /// refuses it.
    KeyAccess { file: String, mode: u32 },
}

impl fmt::Display for UrlProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            UrlProblem::Sslmode { value, allowed } => {
                write!(f, "has sslmode '{value}'; allowed: {allowed}")
            }
            UrlProblem::Sslrootcert { value } => write!(
                f,
                "has sslrootcert '{value}'; allowed: the path of a PEM file of CA certificates"
            ),
            UrlProblem::Unusable { detail, modes } => write!(
                f,
                "is not a PostgreSQL URL payctl can use ({detail}); allowed: postgres://USER@HOST:PORT/DB or postgresql://USER@/DB?host=/socket/dir, with sslmode={modes}"
            ),
            UrlProblem::RootCert { file, detail } => write!(
                f,
                "has sslrootcert '{file}' that payctl cannot use ({detail}); allowed: a readable PEM file of CA certificates"
            ),
            UrlProblem::Password => write!(
                f,
                "carries a password; give it in PGPASSWORD or in a 0600 ~/.pgpass file instead"
            ),
            UrlProblem::EmptyPath {
                field,
                value,
                allowed,
            } => write!(f, "has {field} '{value}'; allowed: {allowed}"),
            UrlProblem::HalfClientCert { given, missing } => write!(
                f,
                "has {given} but no {missing}; allowed: both sslcert=FILE and sslkey=FILE (a client certificate and its private key), or neither"
            ),
            UrlProblem::ClientFile {
                field,
                file,
                detail,
                allowed,
            } => write!(
                f,
                "has {field} '{file}' that payctl cannot use ({detail}); allowed: {allowed}"
            ),
            UrlProblem::KeyAccess { file, mode } => write!(
                f,
                "has sslkey '{file}' with group or world access (mode {mode:04o}); permissions should be u=rw (0600) or less, or u=rw,g=r (0640) or less if root owns it; run chmod 0600 {file}"
            ),
        }
    }
}
