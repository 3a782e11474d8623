//! `backup` and `restore` across engines (SPEC §8): a backup of either engine is a SQLite
//! ledger file that `verify` accepts and reads exactly as its source; `restore` loads one into
//! an empty ledger of either engine with the same ids, balances and audit trail. Engine-neutral:
//! on PostgreSQL (`PAYCTL_TEST_PG`) the source and targets are databases of the test server.

use std::path::{Path, PathBuf};

use crate::common::{on_postgres, snapshot, Env};

/// A ledger with a row in every table, on the default engine of the run.
fn busy_ledger() -> Env {
    fill(Env::new())
}

/// `env`'s ledger given a row in every table: customers, a default method, invoices,
/// payments with allocations and an idempotency key, a refund, an unallocation, a bounced
/// payment, a void payment, a void invoice, a write-off, a declined-card activity.
fn fill(env: Env) -> Env {
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
    for (id, total, date) in [
        ("566934", "100.00", "2026-10-01"),
        ("566935", "20.00", "2026-10-31"),
        ("566936", "30.00", "2026-11-01"),
    ] {
        env.ok(&[
            "invoice",
            "add",
            "--customer",
            "655080",
            "--id",
            id,
            "--total",
            total,
            "--date",
            date,
            "--terms",
            "net30",
        ]);
    }
    env.ok(&[
        "customer",
        "add",
        "--id",
        "77",
        "--name",
        "Beta GmbH",
        "--currency",
        "EUR",
    ]);
    env.ok(&[
        "method",
        "add",
        "--customer",
        "77",
        "--type",
        "ach",
        "--label",
        "main account",
    ]);
    env.ok(&[
        "method",
        "add",
        "--customer",
        "77",
        "--type",
        "paypal",
        "--default",
    ]);
    env.ok(&[
        "invoice",
        "add",
        "--customer",
        "77",
        "--id",
        "9001",
        "--total",
        "250.00",
        "--date",
        "2026-09-01",
        "--terms",
        "net30",
    ]);
    env.ok(&[
        "invoice",
        "add",
        "--customer",
        "77",
        "--id",
        "9002",
        "--total",
        "12.00",
        "--date",
        "2026-10-01",
        "--terms",
        "net30",
    ]);
    env.ok(&[
        "create",
        "--customer",
        "655080",
        "--amount",
        "50",
        "--method",
        "cash",
        "--allocate",
        "566934=40",
        "--idempotency-key",
        "k-1",
    ]);
    env.ok(&["refund", "1", "--amount", "5"]);
    env.ok(&[
        "create",
        "--customer",
        "655080",
        "--amount",
        "5",
        "--method",
        "cash",
    ]);
    env.ok(&["void", "2", "--reason", "typo"]);
    env.ok(&["invoice", "write-off", "566936", "--reason", "bad debt"]);
    env.ok(&[
        "create",
        "--customer",
        "77",
        "--amount",
        "100.00",
        "--method",
        "ach",
        "--method-id",
        "2",
        "--auto-allocate",
    ]);
    env.ok(&["unallocate", "3", "--invoice", "9001", "--amount", "10"]);
    env.ok(&["invoice", "void", "9002", "--reason", "duplicate"]);
    env.ok(&[
        "create",
        "--customer",
        "655080",
        "--amount",
        "20",
        "--method",
        "credit-card",
        "--method-id",
        "1",
    ]);
    env.ok(&["settle", "3", "--status", "failed", "--message", "R01"]);
    env.ok(&[
        "activity",
        "add",
        "--customer",
        "655080",
        "--amount",
        "7",
        "--method",
        "credit-card",
        "--method-id",
        "1",
        "--status",
        "failed",
        "--message",
        "card declined",
    ]);
    env
}

/// Every read a user has of the ledger, as JSON: equal texts mean the two ledgers answer every
/// question the same, to the byte.
fn outputs(env: &Env) -> String {
    let mut all = String::new();
    let reads: Vec<Vec<&str>> = vec![
        vec!["list"],
        vec!["show", "1"],
        vec!["show", "2"],
        vec!["show", "3"],
        vec!["show", "4"],
        vec!["invoice", "list"],
        vec!["invoice", "show", "566934"],
        vec!["invoice", "show", "9001"],
        vec!["customer", "list"],
        vec!["customer", "show", "655080"],
        vec!["customer", "show", "77"],
        vec!["method", "list", "--customer", "655080"],
        vec!["activity", "list"],
        vec!["report", "aging"],
        vec!["report", "balances"],
        vec!["log"],
        vec!["verify"],
    ];
    for read in reads {
        let mut args = read.clone();
        args.extend(["-o", "json"]);
        all.push_str(&format!("## {}\n{}", read.join(" "), env.ok(&args)));
    }
    all
}

/// A ledger that is the SQLite file `db` (which may not exist yet).
fn file_ledger(db: &Path) -> Env {
    Env::sqlite_file(tempfile::tempdir().unwrap(), db.to_path_buf())
}

fn backup(env: &Env, name: &str) -> PathBuf {
    let file = env.dir.path().join(name);
    env.ok(&["backup", file.to_str().unwrap()]);
    file
}

/// A new empty ledger on each engine: a SQLite file that does not exist yet, and (on
/// PostgreSQL) a new database.
fn empty_targets() -> Vec<Env> {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("restored.db");
    let mut targets = vec![Env::sqlite_file(dir, file)];
    if on_postgres() {
        targets.push(Env::new());
    }
    targets
}

#[test]
fn a_backup_of_either_engine_is_a_sqlite_ledger_that_verify_accepts_and_reads_the_same() {
    let env = busy_ledger();
    let expected = outputs(&env);
    let file = backup(&env, "copy.db");
    let copy = file_ledger(&file);
    assert_eq!(outputs(&copy), expected);
    // A SQLite ledger as payctl makes one: private, one file (no -wal), payctl's header.
    use std::os::unix::fs::PermissionsExt;
    let mode = std::fs::metadata(&file).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode, 0o600);
    // One file: nothing beside it, not even a -wal (checked before anything opens it).
    let names: Vec<String> = std::fs::read_dir(env.dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.contains("copy"))
        .collect();
    assert_eq!(names, ["copy.db"]);
    let conn = rusqlite::Connection::open(&file).unwrap();
    let (app, version): (i64, i64) = conn
        .query_row(
            "SELECT (SELECT application_id FROM pragma_application_id),
                    (SELECT user_version FROM pragma_user_version)",
            [],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .unwrap();
    assert_eq!((app, version), (0x5059_4354, 5));
    drop(conn);
    // The backup output is the same shape on both engines.
    let again = env.json(&["backup", file.to_str().unwrap(), "--force"]);
    assert_eq!(again["payments"], 4);
    assert_eq!(again["refunds"], 1);
    assert_eq!(again["customers"], 2);
}

#[test]
fn restore_into_an_empty_ledger_of_each_engine_gives_the_same_ledger() {
    let env = busy_ledger();
    let expected = outputs(&env);
    let file = backup(&env, "copy.db");
    for restored in empty_targets() {
        let out = restored.json(&["restore", file.to_str().unwrap()]);
        assert_eq!(out["payments"], 4, "{out}");
        assert_eq!(
            out["auditEvents"],
            env.json(&["verify"])["counts"]["audit_events"]
        );
        assert_eq!(
            outputs(&restored),
            expected,
            "restored into {}",
            restored.db.display()
        );
        // Its guards are on again: the next write goes through them.
        let before = restored.snapshot();
        let run = restored.run(&["allocate", "1", "--invoice", "566934", "--amount", "100"]);
        assert_eq!(run.code, 1, "{}", run.stderr);
        assert_eq!(restored.snapshot(), before);
        restored.ok(&[
            "create",
            "--customer",
            "77",
            "--amount",
            "1",
            "--method",
            "cash",
        ]);
        assert_eq!(restored.json(&["show", "5"])["id"], 5);
    }
}

#[test]
fn restore_into_a_ledger_that_holds_anything_is_refused_and_changes_nothing() {
    let env = busy_ledger();
    let file = backup(&env, "copy.db");
    // The source itself.
    let before = snapshot(&env.db);
    let run = env.run(&["restore", file.to_str().unwrap()]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert!(
        run.stderr
            .contains("is not empty (it holds 2 rows in customers, 3 rows in payment_methods, 5 rows in invoices"),
        "{}",
        run.stderr
    );
    assert_eq!(snapshot(&env.db), before);
    // A ledger with one customer only.
    for other in empty_targets() {
        other.ok(&["customer", "add", "--name", "Only One"]);
        let before = other.snapshot();
        let run = other.run(&["restore", file.to_str().unwrap()]);
        assert_eq!(run.code, 1, "{}", run.stderr);
        assert!(
            run.stderr
                .contains("(it holds 1 rows in customers, 1 rows in audit_events)"),
            "{}",
            run.stderr
        );
        assert!(run
            .stderr
            .contains("restore loads a backup only into an empty ledger"));
        assert_eq!(other.snapshot(), before);
    }
}

#[test]
fn sqlite_to_postgres_and_back_keeps_every_balance() {
    // The "done when": a SQLite ledger restored into PostgreSQL, backed up from there
    // into a SQLite file that verify accepts, with the same balances (and every other read).
    let dir = tempfile::tempdir().unwrap();
    let source_db = dir.path().join("team.db");
    let source = fill(Env::sqlite_file(dir, source_db.clone()));
    let expected = outputs(&source);
    let server = Env::new(); // PostgreSQL when PAYCTL_TEST_PG is set, else another SQLite file
    server.ok(&["restore", source_db.to_str().unwrap()]);
    assert_eq!(outputs(&server), expected);
    let back = backup(&server, "back.db");
    let back = file_ledger(&back);
    assert_eq!(outputs(&back), expected);
    assert_eq!(
        back.json(&["report", "balances"]),
        source.json(&["report", "balances"])
    );
    assert_eq!(snapshot(&back.db), snapshot(&source_db));
}

#[test]
fn restore_refuses_a_foreign_a_corrupt_or_a_broken_file_and_changes_nothing() {
    let env = busy_ledger();
    let target = env.dir.path().join("target.db");
    let other = file_ledger(&target);
    // Not a database at all.
    let text = env.dir.path().join("notes.txt");
    std::fs::write(&text, "not a ledger\n".repeat(500)).unwrap();
    let run = other.run(&["restore", text.to_str().unwrap()]);
    assert_eq!(run.code, 74, "{}", run.stderr);
    assert!(
        run.stderr.contains("is not a payctl ledger"),
        "{}",
        run.stderr
    );
    // A SQLite database of another program.
    let foreign = env.dir.path().join("foreign.db");
    rusqlite::Connection::open(&foreign)
        .unwrap()
        .execute_batch("CREATE TABLE t (x INTEGER); INSERT INTO t VALUES (1);")
        .unwrap();
    let run = other.run(&["restore", foreign.to_str().unwrap()]);
    assert_eq!(run.code, 74, "{}", run.stderr);
    assert!(run.stderr.contains("not a payctl ledger"), "{}", run.stderr);
    // A missing file.
    let run = other.run(&["restore", "/nonexistent/backup.db"]);
    assert_eq!(run.code, 2, "{}", run.stderr);
    assert!(
        run.stderr
            .contains("cannot read restore file /nonexistent/backup.db: No such file"),
        "{}",
        run.stderr
    );
    // A payctl ledger whose rows break an invariant: a cache that disagrees with its rows.
    let file = backup(&env, "broken.db");
    {
        let conn = rusqlite::Connection::open(&file).unwrap();
        conn.execute_batch(
            "UPDATE payment_balances SET allocated = allocated + 1 WHERE payment_id = 1",
        )
        .unwrap();
    }
    let run = other.run(&["restore", file.to_str().unwrap()]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert!(
        run.stderr.contains("fails verify's checks"),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr.contains("payment 1: cached allocated"),
        "{}",
        run.stderr
    );
    // A corrupt page.
    let file = backup(&env, "corrupt.db");
    {
        use std::io::{Seek, SeekFrom, Write};
        let mut f = std::fs::OpenOptions::new().write(true).open(&file).unwrap();
        // The header of the first b-tree pages: the tables' roots.
        for page in 1..8 {
            f.seek(SeekFrom::Start(4096 * page)).unwrap();
            f.write_all(&[0xFF; 12]).unwrap();
        }
    }
    let run = other.run(&["restore", file.to_str().unwrap()]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert!(
        run.stderr
            .contains("fails verify's checks, so it was not loaded: integrity_check:"),
        "{}",
        run.stderr
    );
    // Nothing was created or written for any of them.
    // Nothing was created for any of them: the file is checked before the target is opened.
    assert!(!target.exists());
    // And the ledger itself is refused as its own source.
    let run = env.run(&["restore", &env.db.to_string_lossy()]);
    assert_eq!(
        run.code,
        if on_postgres() { 2 } else { 1 },
        "{}",
        run.stderr
    );
}

#[test]
fn restore_into_postgresql_as_a_clerk_is_refused_by_the_server_and_changes_nothing() {
    // Restore turns the tables' triggers off, which only their owner may do (README).
    let Some(host) = crate::common::postgres_host() else {
        eprintln!("PostgreSQL only: a clerk role is the server's");
        return;
    };
    let source = busy_ledger();
    let file = backup(&source, "copy.db");
    let target = Env::new();
    // The owner makes the payctl schema (a dry run migrates and writes nothing).
    let csv = target.dir.path().join("none.csv");
    std::fs::write(&csv, "customerId,amount,paymentMethod\n").unwrap();
    target.ok(&["import", csv.to_str().unwrap(), "--dry-run"]);
    let url = target.db.to_string_lossy().into_owned();
    let dbname = url
        .trim_start_matches("postgres://payctl@/")
        .split('?')
        .next()
        .unwrap()
        .to_string();
    let role = format!("clerk_{}", std::process::id());
    let mut owner = postgres::Client::connect(
        &format!("host={host} user=payctl dbname={dbname}"),
        postgres::NoTls,
    )
    .unwrap();
    owner
        .batch_execute(&format!(
            "DROP ROLE IF EXISTS {role}; CREATE ROLE {role} LOGIN; GRANT CONNECT ON DATABASE {dbname} TO {role}"
        ))
        .unwrap_or(());
    let mut tx = owner.transaction().unwrap();
    tx.execute("SELECT set_config('payctl.clerk_role', $1, true)", &[&role])
        .unwrap();
    tx.batch_execute(include_str!(
        "../../src/ledger/migrations/postgres/grant_clerk.sql"
    ))
    .unwrap();
    tx.commit().unwrap();
    let before = target.snapshot();
    let clerk = Env::sqlite_file(
        tempfile::tempdir().unwrap(),
        PathBuf::from(format!("postgres://{role}@/{dbname}?host={host}")),
    );
    let run = clerk.run(&["restore", file.to_str().unwrap()]);
    assert_eq!(run.code, 74, "{}", run.stderr);
    assert!(run.stderr.contains("owner"), "{}", run.stderr);
    assert_eq!(target.snapshot(), before);
    // The owner may.
    target.ok(&["restore", file.to_str().unwrap()]);
    assert_eq!(outputs(&target), outputs(&source));
    drop(clerk);
    drop(target);
    let _ = owner.batch_execute(&format!("DROP ROLE IF EXISTS {role}"));
}
