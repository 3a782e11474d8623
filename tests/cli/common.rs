//! The test environment: a temporary ledger, a pinned clock, no colour, and helpers that
//! check whole outputs, exit codes, and that a refused command changed nothing.

#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

use assert_cmd::cargo::CommandCargoExt;
use rusqlite::types::ValueRef;
use tempfile::TempDir;

pub const NOW: &str = "2026-11-21T10:00:00Z";

/// SQL that takes migration 10 back out of a SQLite ledger, for tests that make the ledger an
/// older payctl left (set `user_version` after it): the balance rows' copies of their
/// invoice's facts go, and the balance row trigger writes the invoice id alone again. The due
/// date trigger is dropped, not restated as it was; migration 10 recreates it either way.
pub const WITHOUT_BALANCE_FACTS: &str = "
    DROP TRIGGER invoices_balance;
    CREATE TRIGGER invoices_balance AFTER INSERT ON invoices BEGIN
        INSERT INTO invoice_balances (invoice_id) VALUES (NEW.id);
    END;
    DROP TRIGGER IF EXISTS invoices_due_moves;
    ALTER TABLE invoice_balances DROP COLUMN customer_id;
    ALTER TABLE invoice_balances DROP COLUMN currency;
    ALTER TABLE invoice_balances DROP COLUMN total;
    ALTER TABLE invoice_balances DROP COLUMN effective_at;
    ALTER TABLE invoice_balances DROP COLUMN due_at;
";

pub struct Env {
    pub dir: TempDir,
    /// The ledger: a file in `dir`, or on PostgreSQL the URL of this test's own database.
    pub db: PathBuf,
    /// This test's database on the PostgreSQL test server, dropped with the `Env`.
    pg_database: Option<String>,
}

/// The socket folder of the PostgreSQL server the suite runs against (`PAYCTL_TEST_PG`, set
/// by `.ci/run` from `.ci/pg start`), or `None` to run it on SQLite files.
pub fn postgres_host() -> Option<String> {
    let given = std::env::var("PAYCTL_TEST_PG")
        .ok()
        .filter(|h| !h.is_empty())?;
    // `.ci/pg start` prints a URL, `postgres://payctl@/payctl_template?host=DIR`.
    Some(match given.split_once("?host=") {
        Some((_, host)) => host.split('&').next().unwrap_or(host).to_string(),
        None => given,
    })
}

/// Whether the suite runs against PostgreSQL.
pub fn on_postgres() -> bool {
    postgres_host().is_some()
}

/// Ends a test that is about the SQLite ledger file itself (its modes, WAL, page cap,
/// integrity check, opening it with rusqlite) when the suite runs on PostgreSQL.
#[macro_export]
macro_rules! sqlite_only {
    () => {
        if $crate::common::on_postgres() {
            eprintln!("skipped on PostgreSQL: this test is about the SQLite ledger file");
            return;
        }
    };
}

/// This test's PostgreSQL database as a `postgres` connection string, if it has one.
fn postgres_conninfo(db: &Path) -> Option<String> {
    let url = db.to_str().filter(|d| d.starts_with("postgres://"))?;
    let (rest, host) = url.split_once("?host=")?;
    let name = rest.rsplit('/').next()?;
    Some(format!("host={host} user=payctl dbname={name}"))
}

/// Runs `sql` (one query) directly on the ledger `db`, on its engine, and returns every row as
/// text cells (`NULL` for null): for checking rows a command wrote, in SQL both engines read.
pub fn sql_rows(db: &Path, sql: &str) -> Vec<Vec<String>> {
    if let Some(conninfo) = postgres_conninfo(db) {
        let mut client = postgres::Client::connect(&conninfo, postgres::NoTls).expect("connect");
        return client
            .simple_query(sql)
            .expect("query")
            .into_iter()
            .filter_map(|m| match m {
                postgres::SimpleQueryMessage::Row(row) => Some(
                    (0..row.len())
                        .map(|i| row.get(i).unwrap_or("NULL").to_string())
                        .collect(),
                ),
                _ => None,
            })
            .collect();
    }
    let conn =
        rusqlite::Connection::open_with_flags(db, rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY)
            .expect("open ledger");
    let mut stmt = conn.prepare(sql).expect("prepare");
    let n = stmt.column_count();
    stmt.query_map([], |r| {
        Ok((0..n).map(|i| cell_text(r.get_ref(i).unwrap())).collect())
    })
    .expect("query")
    .map(|r| r.expect("row"))
    .collect()
}

/// The names of the ledger's tables, on its engine.
pub fn table_names(db: &Path) -> Vec<String> {
    let sql = match postgres_conninfo(db) {
        Some(_) => "SELECT tablename::text FROM pg_tables WHERE schemaname = 'public' ORDER BY 1",
        None => "SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name",
    };
    sql_rows(db, sql)
        .into_iter()
        .map(|mut r| r.remove(0))
        .collect()
}

impl Env {
    /// [`sql_rows`] on this test's ledger.
    pub fn sql(&self, sql: &str) -> Vec<Vec<String>> {
        sql_rows(&self.db, sql)
    }

    /// Runs `sql` (statements separated by `;`) directly on this test's ledger, in one
    /// transaction, as a program other than payctl would (an older payctl, a bulk load).
    pub fn exec(&self, sql: &str) {
        match postgres_conninfo(&self.db) {
            Some(conninfo) => postgres::Client::connect(&conninfo, postgres::NoTls)
                .expect("connect")
                .batch_execute(&format!("BEGIN; {sql}; COMMIT"))
                .expect("exec"),
            None => rusqlite::Connection::open(&self.db)
                .expect("open ledger")
                .execute_batch(&format!("BEGIN; {sql}; COMMIT"))
                .expect("exec"),
        }
    }

    /// [`sql_rows`] on this test's ledger, each row's cells joined by `|`.
    pub fn sql_lines(&self, sql: &str) -> Vec<String> {
        self.sql(sql).into_iter().map(|r| r.join("|")).collect()
    }
}

/// A connection to the test server's maintenance database, to make and drop test databases.
fn admin(host: &str) -> postgres::Client {
    postgres::Client::connect(
        &format!("host={host} user=payctl dbname=postgres"),
        postgres::NoTls,
    )
    .expect("connect to the PostgreSQL test server (PAYCTL_TEST_PG)")
}

/// A fresh, empty database for one test: `CREATE DATABASE` from an empty template takes
/// about 50 ms, so every test keeps its own and tests stay parallel.
fn new_database(host: &str) -> String {
    use std::sync::atomic::{AtomicU64, Ordering};
    static NEXT: AtomicU64 = AtomicU64::new(0);
    let nanos = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.subsec_nanos());
    // Letters only: a name of digits could read as a card number, and payctl masks those.
    let letters = |mut n: u64| {
        let mut s = String::new();
        loop {
            s.push(char::from(b'a' + (n % 26) as u8));
            n /= 26;
            if n == 0 {
                return s;
            }
        }
    };
    let name = format!(
        "t_{}_{}_{}",
        letters(u64::from(std::process::id())),
        letters(NEXT.fetch_add(1, Ordering::Relaxed)),
        letters(u64::from(nanos))
    );
    admin(host)
        .batch_execute(&format!("CREATE DATABASE {name} TEMPLATE payctl_template"))
        .expect("create a test database");
    name
}

impl Drop for Env {
    fn drop(&mut self) {
        if let (Some(host), Some(name)) = (postgres_host(), &self.pg_database) {
            let _ =
                admin(&host).batch_execute(&format!("DROP DATABASE IF EXISTS {name} WITH (FORCE)"));
        }
    }
}

pub struct Run {
    pub code: i32,
    pub stdout: String,
    pub stderr: String,
}

impl Env {
    pub fn new() -> Env {
        let dir = tempfile::tempdir().expect("temp dir");
        match postgres_host() {
            None => Env {
                db: dir.path().join("ledger.db"),
                dir,
                pg_database: None,
            },
            Some(host) => {
                let name = new_database(&host);
                Env {
                    db: PathBuf::from(format!("postgres://payctl@/{name}?host={host}")),
                    dir,
                    pg_database: Some(name),
                }
            }
        }
    }

    /// An environment whose ledger is the SQLite file `db` (a copy a test made, a backup).
    pub fn sqlite_file(dir: TempDir, db: PathBuf) -> Env {
        Env {
            dir,
            db,
            pg_database: None,
        }
    }

    /// This environment with its ledger at `db` instead.
    pub fn with_db(mut self, db: PathBuf) -> Env {
        self.db = db;
        self
    }

    /// A second ledger, on the same engine as this one's (a restore target, a second team).
    pub fn other_ledger(&self, file_name: &str) -> PathBuf {
        match postgres_host() {
            None => self.dir.path().join(file_name),
            Some(host) => {
                let name = new_database(&host);
                PathBuf::from(format!("postgres://payctl@/{name}?host={host}"))
            }
        }
    }

    /// The payctl command with this ledger, the pinned clock and no colour.
    pub fn command(&self, args: &[&str]) -> Command {
        let mut cmd = Command::cargo_bin("payctl").expect("payctl binary");
        cmd.args(args)
            .env("PAYCTL_DB", &self.db)
            .env("PAYCTL_NOW", NOW)
            .env("NO_COLOR", "1")
            .env("HOME", self.dir.path())
            .env("USER", "tester")
            // The tests written before issue 16 pin boxed tables of no set width; the tests of
            // pipes and terminals (issue16_tables.rs) take this off or set a width.
            .env("PAYCTL_FORCE_TTY", "1")
            .env_remove("COLUMNS")
            .env_remove("PAYCTL_OUTPUT")
            .env_remove("XDG_DATA_HOME")
            .env_remove("PAYCTL_BUSY_TIMEOUT_MS")
            .env_remove("PAYCTL_MAX_PAGE_COUNT")
            .env_remove("PAYCTL_IMPORT_BATCH_ROWS")
            .stdin(Stdio::null());
        cmd
    }

    pub fn run(&self, args: &[&str]) -> Run {
        to_run(self.command(args).output().expect("run payctl"))
    }

    /// Runs with `input` on stdin.
    pub fn run_stdin(&self, args: &[&str], input: &str) -> Run {
        use std::io::Write;
        let mut child = self
            .command(args)
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("spawn payctl");
        child
            .stdin
            .take()
            .unwrap()
            .write_all(input.as_bytes())
            .unwrap();
        to_run(child.wait_with_output().unwrap())
    }

    /// Runs a command that must succeed and returns its stdout.
    #[track_caller]
    pub fn ok(&self, args: &[&str]) -> String {
        let run = self.run(args);
        assert_eq!(
            run.code, 0,
            "payctl {args:?} failed\nstdout:\n{}\nstderr:\n{}",
            run.stdout, run.stderr
        );
        run.stdout
    }

    /// Runs a command that must succeed with stdout a pipe and no `PAYCTL_FORCE_TTY` (plain
    /// tables), and returns its stdout.
    #[track_caller]
    pub fn ok_piped(&self, args: &[&str]) -> String {
        let out = self
            .command(args)
            .env_remove("PAYCTL_FORCE_TTY")
            .output()
            .expect("run payctl");
        let run = to_run(out);
        assert_eq!(
            run.code, 0,
            "payctl {args:?} failed\nstdout:\n{}\nstderr:\n{}",
            run.stdout, run.stderr
        );
        run.stdout
    }

    /// Runs a command that must succeed with these extra environment variables (`COLUMNS`),
    /// and returns its stdout.
    #[track_caller]
    pub fn ok_env(&self, args: &[&str], vars: &[(&str, &str)]) -> String {
        let mut cmd = self.command(args);
        cmd.envs(vars.iter().copied());
        let run = to_run(cmd.output().expect("run payctl"));
        assert_eq!(
            run.code, 0,
            "payctl {args:?} failed\nstdout:\n{}\nstderr:\n{}",
            run.stdout, run.stderr
        );
        run.stdout
    }

    /// Runs a command that must succeed with `-o json` and returns the parsed document.
    #[track_caller]
    pub fn json(&self, args: &[&str]) -> serde_json::Value {
        let mut all = args.to_vec();
        all.extend(["-o", "json"]);
        let out = self.ok(&all);
        serde_json::from_str(&out).unwrap_or_else(|e| panic!("not JSON ({e}):\n{out}"))
    }

    /// Runs a command that must fail with `code` and the exact stderr `stderr`, and checks
    /// that the ledger's content did not change.
    #[track_caller]
    pub fn refused(&self, args: &[&str], code: i32, stderr: &str) {
        let before = self.snapshot();
        let run = self.run(args);
        assert_eq!(
            (run.code, run.stderr.as_str(), run.stdout.as_str()),
            (code, stderr, ""),
            "payctl {args:?}"
        );
        assert_eq!(
            before,
            self.snapshot(),
            "payctl {args:?} changed the ledger"
        );
    }

    /// Every row of every table, as text: equal snapshots mean equal ledger content.
    pub fn snapshot(&self) -> String {
        snapshot(&self.db)
    }

    /// A customer 655080 (USD) with a card on file (id 1), and invoices 566934 (100.00, due
    /// 2026-10-31), 566935 (20.00, due 2026-11-30) and 566936 (30.00, due 2026-12-31).
    pub fn seeded() -> Env {
        let env = Env::new();
        env.ok(&[
            "customer",
            "add",
            "--id",
            "655080",
            "--name",
            "Acme Corp",
            "--email",
            "ap@acme.example",
        ]);
        env.ok(&[
            "method",
            "add",
            "--customer",
            "655080",
            "--type",
            "credit-card",
            "--brand",
            "Visa",
            "--last4",
            "4242",
        ]);
        env.ok(&[
            "invoice",
            "add",
            "--customer",
            "655080",
            "--id",
            "566934",
            "--total",
            "100.00",
            "--date",
            "2026-10-01",
            "--terms",
            "net30",
        ]);
        env.ok(&[
            "invoice",
            "add",
            "--customer",
            "655080",
            "--id",
            "566935",
            "--total",
            "20.00",
            "--date",
            "2026-10-31",
            "--terms",
            "net30",
        ]);
        env.ok(&[
            "invoice",
            "add",
            "--customer",
            "655080",
            "--id",
            "566936",
            "--total",
            "30.00",
            "--date",
            "2026-12-01",
            "--due",
            "2026-12-31",
        ]);
        env
    }
}

fn to_run(out: Output) -> Run {
    Run {
        code: out.status.code().unwrap_or(-1),
        stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
    }
}

/// Every row of every table of the ledger at `db`, as text: payctl's logical dump, or for a
/// SQLite file payctl cannot read, a `## table` line per table, then its rows as
/// `table: cell | cell`, sorted (some tables are WITHOUT ROWID), so that a difference reads as
/// what changed.
pub fn snapshot(db: &Path) -> String {
    // The ledger's own logical dump, through payctl's ledger API: the same text for the same
    // ledger on either engine.
    if let Some(url) = db.to_str().filter(|d| d.starts_with("postgres://")) {
        let config = payctl::ledger::LedgerConfig::team(
            db.to_path_buf(),
            payctl::ledger::postgres::PgSettings {
                url: url.to_string(),
                password: None,
                passfile: None,
            },
        );
        return match payctl::ledger::dump::dump(&config) {
            Ok(dump) => dump,
            // A read command finds no payctl schema in a database no write has reached.
            Err(_) if table_names(db).is_empty() => "(no ledger)".to_string(),
            Err(e) => panic!("cannot dump the ledger {url}: {e}"),
        };
    }
    if let Ok(dump) =
        payctl::ledger::dump::dump(&payctl::ledger::LedgerConfig::new(db.to_path_buf()))
    {
        return dump;
    }
    // Not a ledger this payctl reads (missing, empty, foreign, an older schema a test made):
    // every row of every table of the file.
    sqlite_file_snapshot(db)
}

/// Every row of every table of the SQLite file `db`, as [`snapshot`] shows a file that is not
/// a ledger payctl can read.
fn sqlite_file_snapshot(db: &Path) -> String {
    if !db.exists() {
        return "(no ledger)".to_string();
    }
    let conn =
        rusqlite::Connection::open_with_flags(db, rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY)
            .expect("open ledger");
    let mut out = String::new();
    let tables: Vec<String> = conn
        .prepare("SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name")
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    for table in tables {
        out.push_str(&format!("## {table}\n"));
        let mut stmt = conn.prepare(&format!("SELECT * FROM \"{table}\"")).unwrap();
        let n = stmt.column_count();
        let rows = stmt
            .query_map([], |r| {
                let cells: Vec<String> = (0..n).map(|i| cell_text(r.get_ref(i).unwrap())).collect();
                Ok(cells.join(" | "))
            })
            .unwrap();
        let mut rows: Vec<String> = rows.map(|r| r.unwrap()).collect();
        rows.sort();
        for row in rows {
            out.push_str(&format!("{table}: {row}\n"));
        }
    }
    out
}

/// A SQLite cell as text: `NULL`, the number, the text as it is, a blob in hex.
fn cell_text(value: ValueRef) -> String {
    match value {
        ValueRef::Null => "NULL".to_string(),
        ValueRef::Integer(v) => v.to_string(),
        ValueRef::Real(v) => v.to_string(),
        ValueRef::Text(t) => String::from_utf8_lossy(t).into_owned(),
        ValueRef::Blob(b) => format!(
            "x'{}'",
            b.iter().map(|x| format!("{x:02x}")).collect::<String>()
        ),
    }
}

/// `text` as payctl echoes it in an error: the test card numbers in it masked but for their
/// last four digits (written out here, not computed, so that a wrong mask fails).
pub fn masked(text: &str) -> String {
    [
        ("4111111111111111", "************1111"),
        ("4111 1111 1111 1111", "**** **** **** 1111"),
        ("4111-1111-1111-1111", "****-****-****-1111"),
        ("5500-0000-0000-0004", "****-****-****-0004"),
        ("378282246310005", "***********0005"),
    ]
    .iter()
    .fold(text.to_string(), |t, (card, shown)| t.replace(card, shown))
}

/// The schema version this payctl writes: how many migrations it has (src/ledger/migrations).
pub fn schema_version() -> usize {
    std::fs::read_dir(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/src/ledger/migrations"
    ))
    .unwrap()
    .filter(|e| {
        e.as_ref()
            .unwrap()
            .file_name()
            .to_string_lossy()
            .ends_with(".sql")
    })
    .count()
}
