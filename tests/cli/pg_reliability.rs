//! PostgreSQL-only reliability (issue 18, SPEC §1 exit codes and §8): a lock held past the
//! busy timeout, a server that cannot be reached, a connection killed before and during
//! COMMIT, a taken id inserted by a writer that bypasses payctl's lock, a client killed or
//! suspended in the middle of an import, the server stopped in the middle of one. Each test
//! runs the real binary against this test's own database on the `PAYCTL_TEST_PG` server (or a
//! server of its own), and is skipped with a note when `PAYCTL_TEST_PG` is unset.

use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::thread::sleep;
use std::time::{Duration, Instant};

use crate::common::{on_postgres, Env};
use crate::reliability::{assert_verified, finish, spawn};

/// payctl's write lock, `ledger::postgres::WRITE_LOCK` ("PYCT").
const WRITE_LOCK: i64 = 0x5059_4354;

macro_rules! postgres_only {
    () => {
        if !on_postgres() {
            eprintln!("skipped: PAYCTL_TEST_PG is unset (a PostgreSQL-only reliability test)");
            return;
        }
    };
}

/// The host (socket folder) and database name of a test ledger URL.
fn parts(url: &str) -> (String, String) {
    let (rest, host) = url.split_once("?host=").expect("test URL");
    let name = rest.rsplit('/').next().expect("database name");
    (host.to_string(), name.to_string())
}

/// A connection of the test's own to the ledger's database (not payctl's).
fn client(db: &Path) -> postgres::Client {
    let (host, name) = parts(db.to_str().unwrap());
    postgres::Client::connect(
        &format!("host={host} user=payctl dbname={name}"),
        postgres::NoTls,
    )
    .expect("connect to the test database")
}

fn payments(db: &Path) -> i64 {
    client(db)
        .query_one("SELECT count(*) FROM payments", &[])
        .unwrap()
        .get(0)
}

fn create_args<'a>(amount: &'a str, extra: &[&'a str]) -> Vec<&'a str> {
    let mut args = vec![
        "create",
        "--customer",
        "655080",
        "--amount",
        amount,
        "--method",
        "Cash",
        "-q",
    ];
    args.extend_from_slice(extra);
    args
}

/// Waits until `pred(state, wait_event, holds_lock)` holds for payctl's backend in `db`, and
/// returns that backend's pid.
fn wait_for_backend(db: &Path, what: &str, pred: impl Fn(&str, &str, bool) -> bool) -> i32 {
    let (_, name) = parts(db.to_str().unwrap());
    let mut c = client(db);
    let started = Instant::now();
    loop {
        let rows = c
            .query(
                "SELECT a.pid, coalesce(a.state, ''), coalesce(a.wait_event, ''),
                        EXISTS (SELECT 1 FROM pg_locks l WHERE l.pid = a.pid
                                AND l.locktype = 'advisory' AND l.granted
                                AND l.objid = $2::bigint::oid)
                 FROM pg_stat_activity a
                 WHERE a.application_name = 'payctl' AND a.datname = $1",
                &[&name, &WRITE_LOCK],
            )
            .unwrap();
        for row in rows {
            let (pid, state, wait, holds): (i32, String, String, bool) =
                (row.get(0), row.get(1), row.get(2), row.get(3));
            if pred(&state, &wait, holds) {
                return pid;
            }
        }
        assert!(
            started.elapsed() < Duration::from_secs(30),
            "payctl's backend never got to: {what}"
        );
        sleep(Duration::from_millis(5));
    }
}

fn terminate(db: &Path, pid: i32) {
    let ended: bool = client(db)
        .query_one("SELECT pg_terminate_backend($1)", &[&pid])
        .unwrap()
        .get(0);
    assert!(ended, "pg_terminate_backend({pid})");
}

/// A CSV of `n` payments of 1.00 for customer 655080, in the test's folder.
fn payments_csv(env: &Env, n: usize) -> String {
    let mut csv = String::from("customerId,amount,paymentMethod,reference\n");
    for i in 1..=n {
        csv.push_str(&format!("655080,1.00,Cash,bulk{i}\n"));
    }
    let file = env.dir.path().join("bulk.csv");
    std::fs::write(&file, csv).unwrap();
    file.to_str().unwrap().to_string()
}

fn customer(env: &Env) {
    env.ok(&[
        "customer",
        "add",
        "--id",
        "655080",
        "--name",
        "Acme",
        "--email",
        "ap@acme.example",
    ]);
}

#[test]
fn a_lock_held_past_the_busy_timeout_is_exit_75_and_writes_nothing() {
    postgres_only!();
    let env = Env::seeded();
    let mut holder = client(&env.db);
    let mut tx = holder.transaction().unwrap();
    tx.execute("SELECT pg_advisory_xact_lock($1)", &[&WRITE_LOCK])
        .unwrap();
    let before = env.snapshot();
    let started = Instant::now();
    let out = env
        .command(&create_args("10.00", &[]))
        .env("PAYCTL_BUSY_TIMEOUT_MS", "300")
        .output()
        .unwrap();
    let waited = started.elapsed();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(75), "{stderr}");
    assert!(
        stderr.contains("is busy") && stderr.contains("nothing was written, it is safe to retry"),
        "{stderr}"
    );
    assert!(
        waited >= Duration::from_millis(300),
        "gave up after {waited:?}"
    );
    assert_eq!(before, env.snapshot(), "a busy create changed the ledger");
    tx.rollback().unwrap();
    env.ok(&create_args("10.00", &[]));
    assert_eq!(payments(&env.db), 1);
}

#[test]
fn an_unreachable_server_is_exit_75_naming_the_ledger_without_its_password() {
    // No server needed: a socket folder where none runs.
    let env = Env::new();
    let nowhere = env.dir.path().join("no-server");
    std::fs::create_dir(&nowhere).unwrap();
    let url = format!("postgres://clerk@/ar?host={}", nowhere.display());
    let out = env
        .command(&create_args("10.00", &[]))
        .env("PAYCTL_DB", &url)
        .env("PGPASSWORD", "s3cret-pw")
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(75), "{stderr}");
    assert!(
        stderr.starts_with(&format!("error: cannot reach the ledger {url}: "))
            && stderr.ends_with("nothing was written, it is safe to retry\n"),
        "{stderr}"
    );
    assert!(!stderr.contains("s3cret"), "{stderr}");
    assert!(out.stdout.is_empty());
}

#[test]
fn a_connection_killed_while_waiting_for_the_lock_is_exit_75_and_writes_nothing() {
    postgres_only!();
    let env = Env::seeded();
    let mut holder = client(&env.db);
    let mut tx = holder.transaction().unwrap();
    tx.execute("SELECT pg_advisory_xact_lock($1)", &[&WRITE_LOCK])
        .unwrap();
    let before = env.snapshot();
    let child = env
        .command(&create_args("10.00", &[]))
        .env("PAYCTL_BUSY_TIMEOUT_MS", "20000")
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let pid = wait_for_backend(&env.db, "waiting for the write lock", |_, wait, _| {
        wait == "advisory"
    });
    terminate(&env.db, pid);
    let (code, stdout, stderr) = finish(child);
    assert_eq!((code, stdout.as_str()), (75, ""), "{stderr}");
    assert!(
        stderr.contains("the connection to the server was lost")
            && stderr.contains("nothing was written, it is safe to retry"),
        "{stderr}"
    );
    tx.rollback().unwrap();
    assert_eq!(
        before,
        env.snapshot(),
        "a create cut off before COMMIT wrote"
    );
}

#[test]
fn a_connection_killed_during_commit_is_exit_74_and_the_idempotent_retry_records_once() {
    postgres_only!();
    let env = Env::seeded();
    // COMMIT runs deferred constraint triggers: this one sleeps there, so the test can kill
    // the backend while payctl waits for COMMIT's answer.
    client(&env.db)
        .batch_execute(
            "CREATE FUNCTION slow_commit() RETURNS trigger LANGUAGE plpgsql AS
               $$ BEGIN PERFORM pg_sleep(60); RETURN NULL; END $$;
             CREATE CONSTRAINT TRIGGER slow_commit AFTER INSERT ON payments
               DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION slow_commit();",
        )
        .unwrap();
    let args = create_args("10.00", &["--idempotency-key", "K-commit"]);
    let child = spawn(&env, &args);
    let pid = wait_for_backend(&env.db, "sleeping in COMMIT", |_, wait, _| {
        wait == "PgSleep"
    });
    terminate(&env.db, pid);
    let (code, stdout, stderr) = finish(child);
    assert_eq!((code, stdout.as_str()), (74, ""), "{stderr}");
    assert!(
        stderr.contains("during COMMIT")
            && stderr.contains("the outcome is unknown")
            && stderr.contains("a retry with the same idempotency key is safe"),
        "{stderr}"
    );
    client(&env.db)
        .batch_execute("DROP TRIGGER slow_commit ON payments; DROP FUNCTION slow_commit()")
        .unwrap();
    // The retry the message advises, twice: exactly one payment.
    let first = env.json(&[&args[..7], &["--idempotency-key", "K-commit"]].concat());
    let second = env.json(&[&args[..7], &["--idempotency-key", "K-commit"]].concat());
    assert_eq!(
        (&first["id"], &first["amount"]),
        (&second["id"], &second["amount"])
    );
    assert_eq!(payments(&env.db), 1);
    assert_verified(&env);
}

#[test]
fn a_taken_id_inserted_by_a_writer_outside_payctl_is_exit_1() {
    postgres_only!();
    let env = Env::new();
    customer(&env);
    // A script on the server inserts customer 7 without payctl's lock and commits while
    // payctl's INSERT of the same id waits on it.
    let mut script = client(&env.db);
    let mut tx = script.transaction().unwrap();
    tx.execute(
        "INSERT INTO customers (id, name, email, currency, auto_allocate_order, created_at)
         SELECT 7, 'Script', 's@x.example', currency, auto_allocate_order, created_at
         FROM customers WHERE id = 655080",
        &[],
    )
    .unwrap();
    let child = spawn(
        &env,
        &[
            "customer",
            "add",
            "--id",
            "7",
            "--name",
            "Clerk",
            "--email",
            "c@x.example",
        ],
    );
    wait_for_backend(&env.db, "waiting on the script's row", |_, wait, holds| {
        holds && wait == "transactionid"
    });
    tx.commit().unwrap();
    let (code, stdout, stderr) = finish(child);
    assert_eq!(
        (code, stdout.as_str(), stderr.as_str()),
        (
            1,
            "",
            "error: that id is already taken: Key (id)=(7) already exists in table customers (another writer recorded it first); nothing was written\n"
        )
    );
    let name: String = client(&env.db)
        .query_one("SELECT name FROM customers WHERE id = 7", &[])
        .unwrap()
        .get(0);
    assert_eq!(name, "Script");
}

#[test]
fn a_client_killed_during_an_import_writes_all_or_nothing() {
    postgres_only!();
    let env = Env::new();
    customer(&env);
    let file = payments_csv(&env, 3000);
    let mut child = spawn(&env, &["import", &file, "-q"]);
    wait_for_backend(&env.db, "holding the write lock", |_, _, holds| holds);
    sleep(Duration::from_millis(100));
    child.kill().unwrap();
    let _ = child.wait();
    // The server notices the closed socket and rolls back.
    let started = Instant::now();
    // This database's payctl sessions only: other tests run payctl on the same server.
    let (_, name) = parts(env.db.to_str().unwrap());
    while client(&env.db)
        .query_one(
            "SELECT count(*) FROM pg_stat_activity WHERE application_name = 'payctl' AND datname = $1",
            &[&name],
        )
        .unwrap()
        .get::<_, i64>(0)
        > 0
    {
        assert!(started.elapsed() < Duration::from_secs(30));
        sleep(Duration::from_millis(20));
    }
    let n = payments(&env.db);
    assert!(
        n == 0 || n == 3000,
        "a killed import left {n} of 3000 payments"
    );
    assert_verified(&env);
    env.ok(&["import", &file, "-q"]);
    assert_eq!(payments(&env.db), 3000);
    assert_verified(&env);
}

/// kill -9 of the client while one of its COPYs is running, after earlier flushes of the same
/// import have written (uncommitted) rows: the server reads the end of the stream, rolls the
/// whole transaction back, and nothing of the import is left; the import run again records
/// every row once and the balances verify. (The test above kills the client at a moment it
/// does not choose; an import that reads ahead finishes its reads quickly, so this one waits
/// for the write itself.)
#[test]
fn a_client_killed_during_a_copy_after_earlier_flushes_leaves_nothing() {
    postgres_only!();
    let env = Env::new();
    customer(&env);
    let invoices = env.dir.path().join("invoices.csv");
    let mut csv = String::from("id,customerId,invoiceAmount,effectiveTimestamp\n");
    for i in 1..=1500 {
        csv.push_str(&format!("{i},655080,5.00,2026-01-01\n"));
    }
    std::fs::write(&invoices, csv).unwrap();
    env.ok(&[
        "import",
        invoices.to_str().unwrap(),
        "--kind",
        "invoices",
        "-q",
    ]);
    let mut csv = String::from("customerId,amount,paymentMethod,reference,autoAllocate\n");
    for i in 1..=6_000 {
        csv.push_str(&format!("655080,1.00,Cash,bulk{i},true\n"));
    }
    let file = env.dir.path().join("bulk.csv");
    std::fs::write(&file, csv).unwrap();
    let file = file.to_str().unwrap();
    let mut child = env
        .command(&["import", file, "-q"])
        .env("PAYCTL_IMPORT_BATCH_ROWS", "500")
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    // Wait for a COPY that is running, after COPYs that started at 3 other moments (the first
    // flush's tables at least).
    let (_, name) = parts(env.db.to_str().unwrap());
    let mut watcher = client(&env.db);
    let mut starts = std::collections::BTreeSet::new();
    let started = Instant::now();
    loop {
        let rows = watcher
            .query(
                "SELECT state, left(query, 40), CAST(query_start AS text) FROM pg_stat_activity
                 WHERE application_name = 'payctl' AND datname = $1",
                &[&name],
            )
            .unwrap();
        let copying = rows.iter().find(|r| {
            r.get::<_, Option<String>>(1)
                .is_some_and(|q| q.starts_with("COPY "))
        });
        if let Some(row) = copying {
            starts.insert(row.get::<_, Option<String>>(2));
            if starts.len() > 3 && row.get::<_, Option<String>>(0).as_deref() == Some("active") {
                child.kill().unwrap();
                break;
            }
        }
        assert!(
            child.try_wait().unwrap().is_none(),
            "the import ended before a COPY was caught (seen {} COPYs)",
            starts.len()
        );
        assert!(started.elapsed() < Duration::from_secs(60));
        sleep(Duration::from_millis(1));
    }
    let _ = child.wait();
    // The server notices the closed socket and rolls back.
    let started = Instant::now();
    // This database's payctl sessions only: other tests run payctl on the same server.
    let (_, name) = parts(env.db.to_str().unwrap());
    while client(&env.db)
        .query_one(
            "SELECT count(*) FROM pg_stat_activity WHERE application_name = 'payctl' AND datname = $1",
            &[&name],
        )
        .unwrap()
        .get::<_, i64>(0)
        > 0
    {
        assert!(started.elapsed() < Duration::from_secs(30));
        sleep(Duration::from_millis(20));
    }
    let mut c = client(&env.db);
    for table in ["payments", "allocations", "activities", "idempotency_keys"] {
        let n: i64 = c
            .query_one(&format!("SELECT count(*) FROM {table}"), &[])
            .unwrap()
            .get(0);
        assert_eq!(
            n, 0,
            "a client killed during a COPY left {n} rows in {table}"
        );
    }
    let open: i64 = c
        .query_one("SELECT count(*) FROM open_invoices", &[])
        .unwrap()
        .get(0);
    assert_eq!(open, 1500, "the open set lost invoices the import had paid");
    assert_verified(&env);
    env.ok(&["import", file, "-q"]);
    assert_eq!(payments(&env.db), 6_000);
    let open: i64 = c
        .query_one("SELECT count(*) FROM open_invoices", &[])
        .unwrap()
        .get(0);
    assert_eq!(open, 300, "6,000.00 pays 1,200 invoices of 5.00");
    assert_verified(&env);
}

#[test]
fn a_suspended_client_loses_the_write_lock_after_the_idle_timeout() {
    postgres_only!();
    let env = Env::new();
    customer(&env);
    let file = payments_csv(&env, 5000);
    // Busy timeout 300 ms: the server ends a session idle in a transaction after
    // max(2 x 300 ms, 1 s) = 1 s.
    let mut child = env
        .command(&["import", &file, "-q"])
        .env("PAYCTL_BUSY_TIMEOUT_MS", "300")
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    wait_for_backend(&env.db, "holding the write lock", |_, _, holds| holds);
    suspend_while_idle_in_transaction(&env.db, &child);
    let stopped = Instant::now();
    // At once, the lock is still held: busy.
    let blocked = env
        .command(&create_args("10.00", &[]))
        .env("PAYCTL_BUSY_TIMEOUT_MS", "300")
        .output()
        .unwrap();
    assert_eq!(
        blocked.status.code(),
        Some(75),
        "{}",
        String::from_utf8_lossy(&blocked.stderr)
    );
    // Then the server cuts the suspended client off and the next writer proceeds.
    loop {
        let run = env
            .command(&create_args("10.00", &[]))
            .env("PAYCTL_BUSY_TIMEOUT_MS", "300")
            .output()
            .unwrap();
        if run.status.code() == Some(0) {
            break;
        }
        assert_eq!(run.status.code(), Some(75));
        assert!(
            stopped.elapsed() < Duration::from_secs(10),
            "a suspended client held the lock for 10 s"
        );
    }
    let freed = stopped.elapsed();
    eprintln!("suspended client cut off; next writer through after {freed:?}");
    assert!(freed >= Duration::from_millis(900), "{freed:?}");
    Command::new("kill")
        .args(["-CONT", &child.id().to_string()])
        .status()
        .unwrap();
    let (code, _, stderr) = finish_child(&mut child);
    assert!(code == 75 || code == 74, "resumed import: {code} {stderr}");
    assert_eq!(
        payments(&env.db),
        1,
        "the import wrote nothing, the create its one"
    );
    assert_verified(&env);
}

/// SIGSTOPs `child` at a moment its backend is idle in its transaction (not in the middle of
/// a statement), holding the write lock.
fn suspend_while_idle_in_transaction(db: &Path, child: &Child) {
    let pid = child.id().to_string();
    let (_, name) = parts(db.to_str().unwrap());
    let mut c = client(db);
    let started = Instant::now();
    loop {
        Command::new("kill").args(["-STOP", &pid]).status().unwrap();
        sleep(Duration::from_millis(30));
        let idle: bool = c
            .query_one(
                "SELECT count(*) > 0 FROM pg_stat_activity a
                 WHERE a.application_name = 'payctl' AND a.datname = $1
                   AND a.state = 'idle in transaction'
                   AND EXISTS (SELECT 1 FROM pg_locks l WHERE l.pid = a.pid
                               AND l.locktype = 'advisory' AND l.granted)",
                &[&name],
            )
            .unwrap()
            .get(0);
        if idle {
            return;
        }
        Command::new("kill").args(["-CONT", &pid]).status().unwrap();
        assert!(started.elapsed() < Duration::from_secs(20));
        sleep(Duration::from_millis(3));
    }
}

fn finish_child(child: &mut Child) -> (i32, String, String) {
    use std::io::Read;
    let status = child.wait().unwrap();
    let mut out = String::new();
    let mut err = String::new();
    child
        .stdout
        .take()
        .unwrap()
        .read_to_string(&mut out)
        .unwrap();
    child
        .stderr
        .take()
        .unwrap()
        .read_to_string(&mut err)
        .unwrap();
    (status.code().unwrap_or(-1), out, err)
}

/// A PostgreSQL server of this test's own (stopped with it), from `.ci/pg`.
struct OwnServer {
    dir: tempfile::TempDir,
}

impl OwnServer {
    fn start(dir: tempfile::TempDir) -> (OwnServer, String) {
        let url = pg(&["start", dir.path().to_str().unwrap()]);
        (OwnServer { dir }, url)
    }
    /// `pg_ctl stop -m immediate`: the server's processes end at once, as in a crash.
    /// Run as `.ci/pg` runs the server: as the postgres user when root.
    fn stop_immediate(&self) {
        let data = self.dir.path().join("data");
        let status = Command::new("bash")
            .arg("-c")
            .arg(
                r#"bin=$(command -v pg_ctl || ls -d /usr/lib/postgresql/*/bin/pg_ctl | sort -V | tail -n 1)
                   if [ "$(id -u)" -eq 0 ]; then run="runuser -u postgres --"; else run=""; fi
                   $run "$bin" -D "$1" -m immediate -w stop >/dev/null"#,
            )
            .arg("stop")
            .arg(&data)
            .status()
            .unwrap();
        assert!(status.success(), "pg_ctl stop -m immediate");
    }
}

impl Drop for OwnServer {
    fn drop(&mut self) {
        pg(&["stop", self.dir.path().to_str().unwrap()]);
    }
}

fn pg(args: &[&str]) -> String {
    let script = Path::new(env!("CARGO_MANIFEST_DIR")).join(".ci/pg");
    let out = Command::new("bash")
        .arg(script)
        .args(args)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        ".ci/pg {args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).trim().to_string()
}

#[test]
fn the_server_stopped_during_an_import_leaves_all_or_nothing() {
    postgres_only!();
    let top = tempfile::Builder::new()
        .prefix("payctl-own-pg")
        .tempdir_in("/tmp")
        .unwrap();
    std::fs::set_permissions(
        top.path(),
        std::os::unix::fs::PermissionsExt::from_mode(0o755),
    )
    .unwrap();
    let (server, template_url) = OwnServer::start(top);
    let url = template_url.replace("/payctl_template?", "/postgres?");
    let env = Env::new().with_db(url.clone().into());
    customer(&env);
    let file = payments_csv(&env, 3000);
    let child = spawn(&env, &["import", &file, "-q"]);
    wait_for_backend(&env.db, "holding the write lock", |_, _, holds| holds);
    sleep(Duration::from_millis(100));
    server.stop_immediate();
    let (code, stdout, stderr) = finish(child);
    eprintln!("server stopped mid-import: payctl exit {code}: {stderr}");
    assert!(
        (code == 75 && stderr.contains("nothing was written"))
            || (code == 74 && stderr.contains("the outcome is unknown")),
        "{code} {stdout} {stderr}"
    );
    // Restarted, the ledger verifies and holds all of the import or none of it.
    assert_eq!(OwnServer::start_again(&server), template_url);
    let n = payments(&env.db);
    assert!(
        n == 0 || n == 3000,
        "a stopped server left {n} of 3000 payments"
    );
    assert_verified(&env);
    env.ok(&["import", &file, "-q"]);
    assert_eq!(payments(&env.db), 3000);
    assert_verified(&env);
}

impl OwnServer {
    fn start_again(&self) -> String {
        pg(&["start", self.dir.path().to_str().unwrap()])
    }
}
