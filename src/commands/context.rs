//! What every command is given besides its own arguments ([`Ctx`]) and what it returns
//! ([`Outcome`]), and the engine settings read from the environment into a
//! [`LedgerConfig`]: the commands layer owns them, so that it needs nothing from `app`, the
//! entry point that calls it.

use std::cell::OnceCell;
use std::path::PathBuf;
use std::time::Duration;

use chrono::{DateTime, Utc};

use crate::core::text::shown;
use crate::error::{Error, Result};
use crate::ledger::{self, Actor, Ledger, LedgerConfig};
use crate::render::Style;

/// What a command produced: the text to print, and the id of the record it wrote (printed
/// alone under `--quiet`).
pub struct Outcome {
    pub text: String,
    pub id: Option<i64>,
}

impl Outcome {
    pub fn read(text: String) -> Outcome {
        Outcome { text, id: None }
    }
}

/// Everything a command needs besides its own arguments.
pub struct Ctx {
    pub style: Style,
    pub now: DateTime<Utc>,
    /// `--db` (or `PAYCTL_DB`), if given.
    pub db: Option<PathBuf>,
    pub command_line: String,
    /// `-q`: a command whose result is not a record id (backup's path) prints only that.
    pub quiet: bool,
    /// The engine settings, read from the environment the first time a command asks for them
    /// (a command that opens no ledger never reads them, so a bad setting cannot fail it).
    ledger_config: OnceCell<LedgerConfig>,
}

impl Ctx {
    pub fn new(
        style: Style,
        now: DateTime<Utc>,
        db: Option<PathBuf>,
        command_line: String,
        quiet: bool,
    ) -> Ctx {
        Ctx {
            style,
            now,
            db,
            command_line,
            quiet,
            ledger_config: OnceCell::new(),
        }
    }

    pub fn actor(&self) -> Actor {
        Actor::new(self.now, os_user(), self.command_line.clone())
    }

    /// The engine settings: read from the environment once, then kept.
    pub fn ledger_config(&self) -> Result<&LedgerConfig> {
        if let Some(config) = self.ledger_config.get() {
            return Ok(config);
        }
        let config = ledger_config_from_env(self.db.clone())?;
        Ok(self.ledger_config.get_or_init(|| config))
    }

    /// The ledger's path: `--db` (or `PAYCTL_DB`), else the default. Checked before the
    /// ledger is opened (a target file must not be the ledger), so it does not read the other
    /// settings: a bad one is reported when the ledger is opened, as always.
    pub fn ledger_path(&self) -> Result<PathBuf> {
        match self.ledger_config.get() {
            Some(config) => Ok(config.path.clone()),
            None => ledger_path(self.db.clone()),
        }
    }

    /// Opens the ledger; warnings about the file go to stderr at once.
    pub fn ledger(&self) -> Result<Ledger> {
        warned(ledger::open(self.ledger_config()?)?)
    }

    /// Opens an existing ledger for a read command: a missing one is exit 74 naming the path,
    /// and nothing is created (SPEC §1). An older schema is still migrated, as before.
    pub fn ledger_existing(&self) -> Result<Ledger> {
        warned(ledger::open_existing(self.ledger_config()?)?)
    }

    /// Opens an existing ledger for reading only (the reports): creates nothing, writes
    /// nothing, takes no write lock.
    pub fn ledger_read_only(&self) -> Result<Ledger> {
        warned(ledger::open_read_only(self.ledger_config()?)?)
    }
}

/// Prints the ledger's warnings about its file to stderr at once.
fn warned(ledger: Ledger) -> Result<Ledger> {
    for warning in &ledger.warnings {
        eprintln!("warning: {}", shown(warning));
    }
    Ok(ledger)
}

/// The engine settings from the environment, in the order a user fixes them: the ledger's
/// path (`db`, else the default), `PAYCTL_BUSY_TIMEOUT_MS`, `PAYCTL_MAX_PAGE_COUNT` and
/// `PAYCTL_IMPORT_BATCH_ROWS`.
fn ledger_config_from_env(db: Option<PathBuf>) -> Result<LedgerConfig> {
    let location = ledger_path(db)?;
    let mut config = match location.to_str().filter(|l| ledger::postgres::is_url(l)) {
        Some(url) => team_ledger_config(url),
        None => LedgerConfig::new(location),
    };
    config.busy_timeout = busy_timeout()?;
    config.max_page_count = max_page_count()?;
    if let Some(rows) = import_batch_rows() {
        config.import_batch_rows = rows;
    }
    Ok(config)
}

/// A team ledger on PostgreSQL (SPEC §8): the URL, shown without its password, and the
/// password from `PGPASSWORD` or the `.pgpass` file (`PGPASSFILE`, else `~/.pgpass`).
fn team_ledger_config(url: &str) -> LedgerConfig {
    let passfile = std::env::var_os("PGPASSFILE")
        .filter(|p| !p.is_empty())
        .map(PathBuf::from)
        .or_else(|| {
            std::env::var_os("HOME")
                .filter(|h| !h.is_empty())
                .map(|home| PathBuf::from(home).join(".pgpass"))
        });
    LedgerConfig::team(
        PathBuf::from(ledger::postgres::redacted(url)),
        ledger::postgres::PgSettings {
            url: url.to_owned(),
            password: std::env::var("PGPASSWORD").ok().filter(|p| !p.is_empty()),
            passfile,
        },
    )
}

fn ledger_path(db: Option<PathBuf>) -> Result<PathBuf> {
    match db {
        Some(path) => Ok(path),
        None => default_ledger_path(),
    }
}

/// `$XDG_DATA_HOME/payctl/ledger.db`, else `~/.local/share/payctl/ledger.db`.
pub fn default_ledger_path() -> Result<PathBuf> {
    if let Some(xdg) = std::env::var_os("XDG_DATA_HOME")
        .map(PathBuf::from)
        .filter(|p| p.is_absolute())
    {
        return Ok(xdg.join("payctl").join("ledger.db"));
    }
    match std::env::var_os("HOME").filter(|h| !h.is_empty()) {
        Some(home) => Ok(PathBuf::from(home).join(".local/share/payctl/ledger.db")),
        None => Err(Error::usage(
            "db",
            "no ledger path: set --db, PAYCTL_DB, XDG_DATA_HOME or HOME",
        )),
    }
}

fn busy_timeout() -> Result<Duration> {
    match std::env::var("PAYCTL_BUSY_TIMEOUT_MS") {
        Err(_) => Ok(ledger::DEFAULT_BUSY_TIMEOUT),
        Ok(text) => text
            .trim()
            .parse::<u64>()
            .map(Duration::from_millis)
            .map_err(|_| {
                Error::usage(
                    "PAYCTL_BUSY_TIMEOUT_MS",
                    format!(
                        "PAYCTL_BUSY_TIMEOUT_MS '{text}' is not a whole number of milliseconds"
                    ),
                )
            }),
    }
}

/// `PAYCTL_MAX_PAGE_COUNT`: a cap on the ledger's size, in pages. It makes a full disk
/// reproducible where no small file system can be mounted (the storage-fault tests).
fn max_page_count() -> Result<Option<u64>> {
    match std::env::var("PAYCTL_MAX_PAGE_COUNT") {
        Err(_) => Ok(None),
        Ok(text) => match text.trim().parse::<u64>() {
            Ok(pages) if pages > 0 => Ok(Some(pages)),
            _ => Err(Error::usage(
                "PAYCTL_MAX_PAGE_COUNT",
                format!("PAYCTL_MAX_PAGE_COUNT '{text}' is not a positive whole number of pages"),
            )),
        },
    }
}

/// `PAYCTL_IMPORT_BATCH_ROWS`: payments per batch of an import, for tests. Anything but a
/// positive whole number leaves the default, as it always has: it is not a user's setting.
fn import_batch_rows() -> Option<usize> {
    std::env::var("PAYCTL_IMPORT_BATCH_ROWS")
        .ok()
        .and_then(|v| v.parse().ok())
        .filter(|&n: &usize| n > 0)
}

fn os_user() -> String {
    for var in ["USER", "LOGNAME"] {
        if let Ok(name) = std::env::var(var) {
            if !name.is_empty() {
                return name;
            }
        }
    }
    use std::os::unix::fs::MetadataExt;
    std::fs::metadata("/proc/self")
        .map(|m| format!("uid {}", m.uid()))
        .unwrap_or_else(|_| "unknown".to_string())
}
