//! The PostgreSQL half of what differs between the engines (SPEC §8): connecting, the
//! session's settings, migrations, the write lock and the mapping of the server's errors to
//! payctl's exit codes. Everything else runs the same SQL as SQLite through [`super::db`].

use std::fs;
use std::os::unix::fs::PermissionsExt;
use std::path::Path;
use std::time::Duration;

use postgres::error::SqlState;
use postgres::{Client, Config};

use crate::error::{BusyKind, Error, Result, StorageKind, UrlProblem};

/// Append-only, with the same logical versions as SQLite's migrations.
pub(crate) const MIGRATIONS: &[&str] = &[
    include_str!("migrations/postgres/001_initial.sql"),
    include_str!("migrations/postgres/002_open_invoices.sql"),
    include_str!("migrations/postgres/003_checks_without_in.sql"),
    include_str!("migrations/postgres/004_currency_totals.sql"),
    include_str!("migrations/postgres/005_invoice_numbers.sql"),
    include_str!("migrations/postgres/006_bank.sql"),
    include_str!("migrations/postgres/007_statement_triggers.sql"),
    include_str!("migrations/postgres/008_periods.sql"),
    include_str!("migrations/postgres/009_adjustments.sql"),
    include_str!("migrations/postgres/010_balance_facts.sql"),
    include_str!("migrations/postgres/011_checks_by_touched_rows.sql"),
];

/// The advisory lock every write transaction takes first: it serialises writers as SQLite's
/// `BEGIN IMMEDIATE` does ("PYCT").
pub(crate) const WRITE_LOCK: i64 = 0x5059_4354;

/// Whether `location` (`--db`, `PAYCTL_DB`) names a PostgreSQL ledger rather than a file.
pub fn is_url(location: &str) -> bool {
    location.starts_with("postgres://") || location.starts_with("postgresql://")
}

/// The URL as it may be printed: any password in it replaced by `***`.
pub fn redacted(url: &str) -> String {
    let Some((scheme, rest)) = url.split_once("://") else {
        return url.to_owned();
    };
    let (authority, tail) = match rest.find(['/', '?']) {
        Some(i) => rest.split_at(i),
        None => (rest, ""),
    };
    let authority = match authority.rsplit_once('@') {
        Some((userinfo, host)) => match userinfo.split_once(':') {
            Some((user, _)) => format!("{user}:***@{host}"),
            None => authority.to_owned(),
        },
        None => authority.to_owned(),
    };
    // A password given as a query parameter is hidden too.
    let tail = match tail.split_once('?') {
        Some((path, query)) => {
            let query: Vec<String> = query
                .split('&')
                .map(|kv| match kv.split_once('=') {
                    Some(("password", _)) => "password=***".to_owned(),
                    _ => kv.to_owned(),
                })
                .collect();
            format!("{path}?{}", query.join("&"))
        }
        None => tail.to_owned(),
    };
    format!("{scheme}://{authority}{tail}")
}

/// What payctl needs to connect, read once by the caller from the command line and the
/// environment.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PgSettings {
    pub url: String,
    /// `PGPASSWORD`.
    pub password: Option<String>,
    /// The `.pgpass` file to look in (`PGPASSFILE`, else `~/.pgpass`).
    pub passfile: Option<std::path::PathBuf>,
}

/// The session's `plan_cache_mode` (see [`connect`]). A COPY (`Tx::copy_in_rows`) and a
/// restore's load (copy.rs) set it back to `auto` while they write (`Tx::plan_generically`):
/// the server checks each written row's foreign keys with a prepared statement of its own, one
/// execution per row, and planning each of those took a 100,000-payment copy from 17 s to 37 s.
/// Those statements read one row by its primary key, which a generic plan does as well as any.
pub(crate) const PLAN_EACH_EXECUTION: &str = "force_custom_plan";

/// Connects and sets the session up: `synchronous_commit=on`, the lock and idle timeouts, and
/// a plan made for each execution of a prepared statement (`plan_cache_mode`). payctl prepares
/// each statement once per connection; after five executions the server may keep one generic
/// plan, costed with the tables as they were then. An import starts on tables that may be empty
/// and fills them in its own transaction, so a generic plan made at its start scans a table it
/// should probe by index: the duplicate-payment read ahead of a 100,000-payment import took
/// 150-180 ms a statement by the end (a sequential scan of `payment_balances`), and a
/// 1,000,000-payment import did not finish in 15 minutes.
///
/// A COPY runs with the server's default instead (see [`PLAN_EACH_EXECUTION`]).
pub(crate) fn connect(settings: &PgSettings, busy_timeout: Duration) -> Result<Client> {
    let shown = redacted(&settings.url);
    let mut url = super::pg_tls::parse(&settings.url, &shown)?;
    let config = &mut url.config;
    // A password on the command line reaches the shell's history, `ps` and the audit trail's
    // command line: refused, as SPEC §8 says.
    if config.get_password().is_some() {
        return Err(Error::LedgerUrl {
            url: shown,
            problem: UrlProblem::Password,
        });
    }
    {
        if let Some(password) = &settings.password {
            config.password(password.as_str());
        } else if let Some(password) = settings
            .passfile
            .as_deref()
            .and_then(|file| pgpass_lookup(file, config))
        {
            config.password(password.as_str());
        }
    }
    config.application_name("payctl");
    config.connect_timeout(busy_timeout.max(Duration::from_secs(1)));
    let mut client = super::pg_tls::connect(&url, &shown)?;
    let ms = busy_timeout.as_millis();
    client
        .batch_execute(&format!(
            "SET synchronous_commit = on; SET lock_timeout = {ms}; \
             SET idle_in_transaction_session_timeout = {}; SET TIME ZONE 'UTC'; \
             SET client_min_messages = warning; SET plan_cache_mode = {PLAN_EACH_EXECUTION}",
            idle_timeout_ms(busy_timeout)
        ))
        .map_err(|e| postgres_error(e, false))?;
    Ok(client)
}

/// How long a session may sit idle inside a transaction (`idle_in_transaction_session_timeout`)
/// before the server ends it and so releases the write lock: twice the busy timeout, at least
/// one second. payctl itself never waits between two statements of a transaction for anything
/// but its own computing (it reads its input before it begins), so an idle transaction is a
/// suspended or hung client; twice the busy timeout lets a writer queued behind it through on
/// its second try, and the floor keeps a tiny busy timeout from cutting off a client that is
/// merely slow. A client cut off this way exits 75 (nothing written) or, at COMMIT, 74.
pub(crate) fn idle_timeout_ms(busy_timeout: Duration) -> u128 {
    busy_timeout.as_millis().saturating_mul(2).max(1_000)
}

/// Runs the migrations the ledger has not run yet, under the write lock.
pub(crate) fn migrate(client: &mut Client) -> Result<()> {
    let latest = MIGRATIONS.len() as i64;
    let version = schema_version(client)?;
    if version == Some(latest) {
        return Ok(());
    }
    let mut tx = client.transaction().map_err(|e| postgres_error(e, false))?;
    tx.execute("SELECT pg_advisory_xact_lock($1)", &[&WRITE_LOCK])
        .map_err(|e| postgres_error(e, false))?;
    let version = {
        let exists: bool = tx
            .query_one("SELECT to_regclass('payctl_meta') IS NOT NULL", &[])
            .map_err(|e| postgres_error(e, false))?
            .get(0);
        if exists {
            read_version(&mut tx)?
        } else {
            0
        }
    };
    if version > latest {
        return Err(newer(version, latest));
    }
    for (i, sql) in MIGRATIONS.iter().enumerate().skip(version.max(0) as usize) {
        tx.batch_execute(sql)
            .map_err(|e| postgres_error(e, false))?;
        tx.execute(
            "UPDATE payctl_meta SET value = $1 WHERE key = 'schema_version'",
            &[&(i as i64 + 1).to_string()],
        )
        .map_err(|e| postgres_error(e, false))?;
    }
    tx.commit().map_err(|e| postgres_error(e, true))
}

/// The schema version of the ledger, `None` before the first migration.
pub(crate) fn schema_version(client: &mut Client) -> Result<Option<i64>> {
    let exists: bool = client
        .query_one("SELECT to_regclass('payctl_meta') IS NOT NULL", &[])
        .map_err(|e| postgres_error(e, false))?
        .get(0);
    if !exists {
        return Ok(None);
    }
    let mut tx = client.transaction().map_err(|e| postgres_error(e, false))?;
    let version = read_version(&mut tx)?;
    tx.rollback().map_err(|e| postgres_error(e, false))?;
    let latest = MIGRATIONS.len() as i64;
    if version > latest {
        return Err(newer(version, latest));
    }
    Ok(Some(version))
}

fn read_version(tx: &mut postgres::Transaction<'_>) -> Result<i64> {
    let text: Option<String> = tx
        .query_opt(
            "SELECT value FROM payctl_meta WHERE key = 'schema_version'",
            &[],
        )
        .map_err(|e| postgres_error(e, false))?
        .map(|r| r.get(0));
    Ok(text.and_then(|t| t.parse().ok()).unwrap_or(0))
}

fn newer(version: i64, latest: i64) -> Error {
    Error::storage(StorageKind::NewerSchema { version, latest })
}

/// The password for `config`'s host, port, database and user in a `.pgpass` file (libpq's
/// format: `hostname:port:database:username:password`, `*` matching anything, `\` escaping
/// `:` and `\`). The file is ignored, as libpq ignores it, unless only its owner may read it.
fn pgpass_lookup(file: &Path, config: &Config) -> Option<String> {
    let meta = fs::metadata(file).ok()?;
    let mode = meta.permissions().mode();
    if mode & 0o077 != 0 {
        // libpq's own warning, so a user who wonders why the password is not used learns why.
        eprintln!(
            "warning: password file {} is ignored: group or others may read it (mode {:04o}); run chmod 0600 {}",
            file.display(),
            mode & 0o7777,
            file.display()
        );
        return None;
    }
    let text = fs::read_to_string(file).ok()?;
    let host = config
        .get_hosts()
        .first()
        .map(|h| match h {
            postgres::config::Host::Tcp(name) => name.clone(),
            postgres::config::Host::Unix(_) => "localhost".to_owned(),
        })
        .unwrap_or_else(|| "localhost".to_owned());
    let port = config
        .get_ports()
        .first()
        .copied()
        .unwrap_or(5432)
        .to_string();
    let user = config.get_user().unwrap_or_default().to_owned();
    let dbname = config
        .get_dbname()
        .map_or_else(|| user.clone(), str::to_owned);
    text.lines()
        .filter(|line| !line.trim_start().starts_with('#'))
        .filter_map(pgpass_fields)
        .find(|f| {
            let matches = |pattern: &str, value: &str| pattern == "*" || pattern == value;
            matches(&f[0], &host)
                && matches(&f[1], &port)
                && matches(&f[2], &dbname)
                && matches(&f[3], &user)
        })
        .map(|f| f[4].clone())
}

/// The five fields of one `.pgpass` line, unescaped.
fn pgpass_fields(line: &str) -> Option<[String; 5]> {
    let mut fields: Vec<String> = vec![String::new()];
    let mut chars = line.chars();
    while let Some(c) = chars.next() {
        match c {
            '\\' => fields.last_mut()?.push(chars.next()?),
            ':' if fields.len() < 5 => fields.push(String::new()),
            c => fields.last_mut()?.push(c),
        }
    }
    fields.try_into().ok()
}

/// Maps a PostgreSQL error to payctl's exit codes (SPEC §8): a timeout, a refused or lost
/// connection before COMMIT, a serialization failure or deadlock → busy (75, nothing written,
/// safe to retry); a connection lost during COMMIT → 74, outcome unknown; the guards, privilege,
/// disk and corruption → 74.
pub(crate) fn postgres_error(e: postgres::Error, during_commit: bool) -> Error {
    let Some(db) = e.as_db_error() else {
        return lost(during_commit, &e.to_string());
    };
    let code = db.code();
    let detail = db.message().to_owned();
    if [
        SqlState::T_R_SERIALIZATION_FAILURE,
        SqlState::T_R_DEADLOCK_DETECTED,
        SqlState::LOCK_NOT_AVAILABLE,
        SqlState::QUERY_CANCELED,
    ]
    .contains(code)
    {
        return Error::busy(BusyKind::Locked);
    }
    let class = &code.code()[..2];
    let kind = match class {
        "08" | "57" if code != &SqlState::QUERY_CANCELED => return lost(during_commit, &detail),
        // A taken id or key: only a writer that bypasses payctl's write lock (a script on
        // the server, a clerk's psql) can insert it between payctl's check and its INSERT.
        // The request loses the race as it would lose to a payctl writer: refused, exit 1.
        "23" if code == &SqlState::UNIQUE_VIOLATION => {
            let what = db
                .detail()
                .unwrap_or(&detail)
                .trim_end_matches('.')
                .to_owned();
            return Error::IdTaken {
                table: db.table().unwrap_or("?").to_owned(),
                detail: what,
            };
        }
        "23" => StorageKind::Constraint { detail },
        "53" => StorageKind::ServerFull { detail },
        "XX" => StorageKind::Corrupt { detail },
        _ if code == &SqlState::INSUFFICIENT_PRIVILEGE => StorageKind::Privilege { detail },
        _ if code == &SqlState::NUMERIC_VALUE_OUT_OF_RANGE => StorageKind::Overflow,
        _ => StorageKind::Sqlstate {
            detail,
            code: code.code().to_owned(),
        },
    };
    Error::storage(kind)
}

fn lost(during_commit: bool, detail: &str) -> Error {
    let detail = detail.to_owned();
    if during_commit {
        Error::storage(StorageKind::CommitLost { detail })
    } else {
        Error::busy(BusyKind::ConnectionLost { detail })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn passwords_never_show_in_a_printed_url() {
        assert_eq!(
            redacted("postgres://clerk:s3cret@db.example:5432/ar?sslmode=require"),
            "postgres://clerk:***@db.example:5432/ar?sslmode=require"
        );
        assert_eq!(
            redacted("postgresql://clerk@/ar?host=/run/pg&password=s3cret"),
            "postgresql://clerk@/ar?host=/run/pg&password=***"
        );
        assert_eq!(redacted("postgres://clerk@h/db"), "postgres://clerk@h/db");
    }

    #[test]
    fn pgpass_lines_are_split_with_escapes() {
        assert_eq!(
            pgpass_fields(r"db.example:5432:ar:clerk:pa\:ss\\w"),
            Some([
                "db.example".into(),
                "5432".into(),
                "ar".into(),
                "clerk".into(),
                r"pa:ss\w".into()
            ])
        );
        assert_eq!(pgpass_fields("too:few:fields"), None);
    }
}
