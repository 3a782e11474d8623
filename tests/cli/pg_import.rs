//! Imports of payments on a team ledger (PostgreSQL, issue 18): the batch writes its rows with
//! `COPY … FROM STDIN BINARY` while the server's triggers stay on, so a clerk, who may neither
//! turn the triggers off nor write the caches, imports as fast as the ledger's owner, and the
//! caches the triggers keep agree with the rows. PostgreSQL only: on SQLite these are the tests
//! of batch.rs and bulk.rs.

use crate::common::{on_postgres, Env};

fn write(env: &Env, name: &str, content: &str) -> String {
    let path = env.dir.path().join(name);
    std::fs::write(&path, content).unwrap();
    path.to_string_lossy().into_owned()
}

/// The test's database name and the server's socket folder, from the ledger's URL.
fn database(env: &Env) -> (String, String) {
    let url = env.db.to_string_lossy().into_owned();
    let rest = url.strip_prefix("postgres://payctl@/").expect("a test URL");
    let (name, host) = rest.split_once("?host=").expect("a test URL");
    (name.to_string(), host.to_string())
}

fn connect(host: &str, db: &str) -> postgres::Client {
    postgres::Client::connect(
        &format!("host={host} user=payctl dbname={db}"),
        postgres::NoTls,
    )
    .expect("connect to the test database")
}

/// Customer 7 with three invoices of 100.00 and a payments file of `n` payments of 1.00 to
/// 1.99, half auto-allocated, every fifth with an idempotency key.
fn ledger_and_file(env: &Env, n: usize) -> String {
    env.ok(&["customer", "add", "--id", "7", "--name", "Seven"]);
    for (id, date) in [
        ("71", "2026-01-01"),
        ("72", "2026-02-01"),
        ("73", "2026-03-01"),
    ] {
        env.ok(&[
            "invoice",
            "add",
            "--id",
            id,
            "--customer",
            "7",
            "--total",
            "100.00",
            "--date",
            date,
        ]);
    }
    let mut csv =
        String::from("customerId,amount,paymentMethod,reference,autoAllocate,idempotencyKey\n");
    for i in 0..n {
        let auto = if i % 2 == 0 { "true" } else { "" };
        let key = if i % 5 == 0 {
            format!("k-{i}")
        } else {
            String::new()
        };
        csv.push_str(&format!("7,1.{:02},Cash,r{i},{auto},{key}\n", i % 100));
    }
    write(env, "p.csv", &csv)
}

#[test]
fn a_clerk_imports_with_the_triggers_on_and_the_caches_agree() {
    if !on_postgres() {
        eprintln!("skipped on SQLite: this test is about a clerk role on PostgreSQL");
        return;
    }
    let env = Env::new();
    let file = ledger_and_file(&env, 600);
    let (db, host) = database(&env);
    let mut owner = connect(&host, &db);
    let (clerk, _role) = clerk_role(&env, &mut owner);
    let mut grant = owner.transaction().unwrap();
    grant
        .execute(
            "SELECT set_config('payctl.clerk_role', $1, true)",
            &[&clerk],
        )
        .unwrap();
    grant
        .batch_execute(include_str!(
            "../../src/ledger/migrations/postgres/grant_clerk.sql"
        ))
        .unwrap();
    grant.commit().unwrap();

    // Batches of 64 so that the file crosses several flushes.
    let out = env
        .command(&["import", &file, "-o", "csv"])
        .env("PAYCTL_DB", format!("postgres://{clerk}@/{db}?host={host}"))
        .env("PAYCTL_IMPORT_BATCH_ROWS", "64")
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(0), "{stderr}");
    assert!(String::from_utf8_lossy(&out.stdout).contains(",payments,600,600,0,0,0,false"));

    // The caches, kept by the triggers, against the rows.
    let row = owner
        .query_one(
            "SELECT (SELECT count(*) FROM payments), (SELECT count(*) FROM payment_balances),
                    (SELECT count(*) FROM activities WHERE transaction_type = 'Collect'),
                    (SELECT count(*) FROM audit_events WHERE action = 'payment.create' AND db_user = $1),
                    (SELECT count(*) FROM idempotency_keys),
                    (SELECT CAST(coalesce(sum(amount), 0) AS BIGINT) FROM allocations),
                    (SELECT CAST(sum(allocated) AS BIGINT) FROM invoice_balances),
                    (SELECT CAST(sum(allocated) AS BIGINT) FROM payment_balances),
                    (SELECT count(*) FROM open_invoices)",
            &[&clerk],
        )
        .unwrap();
    let counts: Vec<i64> = (0..9).map(|i| row.get(i)).collect();
    // 300 auto-allocated payments of 1.00-1.99 (about 450.00) pay all three invoices
    // (300.00) in full: the open set is empty.
    // Every imported row has a key (its own, or one made from the file and line).
    assert_eq!(&counts[..5], &[600, 600, 600, 600, 600]);
    assert_eq!(counts[5], 30_000);
    assert_eq!(counts[6], 30_000);
    assert_eq!(counts[7], 30_000);
    assert_eq!(counts[8], 0);
    // Ids follow on with no gap, as one create per row numbers them.
    let ids: (i64, i64) = {
        let r = owner
            .query_one("SELECT min(id), max(id) FROM payments", &[])
            .unwrap();
        (r.get(0), r.get(1))
    };
    assert_eq!(ids, (1, 600));
    env.ok(&["verify"]);
}

/// A new login role for the test, made by `owner` (the ledger's owner) and not yet granted
/// anything: its name, and the guard that drops it.
fn clerk_role(env: &Env, owner: &mut postgres::Client) -> (String, DropRole) {
    let (db, host) = database(env);
    let role = format!("clerk_{db}");
    owner
        .batch_execute(&format!("CREATE ROLE {role} LOGIN"))
        .unwrap();
    let guard = DropRole {
        host,
        db,
        role: role.clone(),
    };
    (role, guard)
}

/// Drops the test's clerk role (roles belong to the whole server), passed or failed.
struct DropRole {
    host: String,
    db: String,
    role: String,
}

impl Drop for DropRole {
    fn drop(&mut self) {
        let mut admin = connect(&self.host, "postgres");
        let _ = admin.batch_execute(&format!("DROP DATABASE IF EXISTS {} WITH (FORCE)", self.db));
        let _ = admin.batch_execute(&format!("DROP ROLE IF EXISTS {}", self.role));
    }
}

/// A row the planner refuses after several flushes: the import's transaction is rolled back,
/// so the rows the earlier flushes copied in leave no trace; with --rejects, only the bad row
/// is left out and the others are all there.
#[test]
fn a_refused_row_after_flushes_leaves_nothing_of_the_copied_rows() {
    let env = Env::new();
    let file = ledger_and_file(&env, 300);
    let mut csv = std::fs::read_to_string(&file).unwrap();
    csv.push_str("7,-1.00,Cash,bad,,\n");
    let file = write(&env, "bad.csv", &csv);
    let before = env.snapshot();
    let run = env
        .command(&["import", &file])
        .env("PAYCTL_IMPORT_BATCH_ROWS", "50")
        .output()
        .unwrap();
    assert_eq!(
        run.status.code(),
        Some(1),
        "{}",
        String::from_utf8_lossy(&run.stderr)
    );
    assert!(String::from_utf8_lossy(&run.stderr).contains("line 302"));
    assert_eq!(before, env.snapshot());

    let rejects = env.dir.path().join("rejects.csv");
    let run = env
        .command(&[
            "import",
            &file,
            "--rejects",
            rejects.to_str().unwrap(),
            "-o",
            "csv",
        ])
        .env("PAYCTL_IMPORT_BATCH_ROWS", "50")
        .output()
        .unwrap();
    assert_eq!(
        run.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&run.stderr)
    );
    assert!(String::from_utf8_lossy(&run.stdout).contains(",payments,301,300,0,0,1,false"));
    assert_eq!(env.json(&["list"]).as_array().map(Vec::len), Some(300));
    env.ok(&["verify"]);
}

/// An idempotent replay prints the same JSON on both engines (the suite runs this test on
/// each; the expected text is spelt out, so a difference on either fails it): a `create`
/// replayed under its key prints the payment as `show` does, without `touchedInvoices`; an
/// import whose rows were all recorded before prints `"touchedInvoices": []`, with
/// `--dry-run` and with `--rejects` too.
#[test]
fn an_idempotent_replay_prints_the_same_json_on_both_engines() {
    let env = Env::new();
    env.ok(&["customer", "add", "--id", "7", "--name", "Seven"]);
    env.ok(&[
        "invoice",
        "add",
        "--id",
        "71",
        "--customer",
        "7",
        "--total",
        "100.00",
        "--date",
        "2026-01-01",
    ]);
    let create = [
        "create",
        "--customer",
        "7",
        "--amount",
        "10.00",
        "--method",
        "Cash",
        "--auto-allocate",
        "--idempotency-key",
        "k-1",
    ];
    let first = env.json(&create);
    assert_eq!(first["touchedInvoices"][0]["invoiceId"], 71, "{first}");
    let replay = env.json(&create);
    let shown = env.json(&["show", "1"]);
    assert_eq!(replay, shown);
    assert!(replay.get("touchedInvoices").is_none(), "{replay}");

    let file = write(
        &env,
        "r.csv",
        "customerId,amount,paymentMethod,autoAllocate,idempotencyKey\n7,5.00,Cash,true,ik-1\n7,6.00,Cash,true,\n",
    );
    let first = env.ok(&["import", &file, "-o", "json"]);
    assert!(
        first.contains("\"touchedInvoices\": [\n    {\n      \"invoiceId\": 71,\n      \"invoiceNumber\": \"71\",\n      \"applied\": 11.00,\n      \"outstandingBalance\": 79.00,"),
        "{first}"
    );
    let rejects = env.dir.path().join("rejects.csv");
    let rejects = rejects.to_str().unwrap();
    for extra in [&[][..], &["--dry-run"], &["--rejects", rejects]] {
        let mut args = vec!["import", file.as_str(), "-o", "json"];
        args.extend(extra);
        assert_eq!(
            env.ok(&args),
            format!(
                "{{\n  \"file\": \"{file}\",\n  \"kind\": \"payments\",\n  \"rows\": 2,\n  \"imported\": 0,\n  \"alreadyImported\": 2,\n  \"failedAttempts\": 0,\n  \"rejected\": 0,\n  \"dryRun\": {},\n  \"touchedInvoices\": []\n}}\n",
                extra == ["--dry-run"]
            ),
            "{extra:?}"
        );
    }
}

/// After an import of 1,000 rows or more (`ledger::ANALYZE_AFTER_ROWS`) payctl brings the
/// server's planner statistics up to date (`ANALYZE`): an import fills its tables in one
/// transaction, and until autovacuum next looks the server plans every read with the tables as
/// they were (a report on a ledger just given 100,000 payments took twice as long). A smaller
/// import and a dry run leave them alone; a clerk, whom the server does not let analyze the
/// owner's tables, imports as before with nothing on stderr.
#[test]
fn a_large_import_refreshes_the_planner_statistics() {
    if !on_postgres() {
        eprintln!("skipped on SQLite: this test is about PostgreSQL's planner statistics");
        return;
    }
    let env = Env::new();
    let big = ledger_and_file(&env, 1000);
    let (db, host) = database(&env);
    let mut owner = connect(&host, &db);
    assert_eq!(rows_known(&mut owner, "payments"), -1.0);

    env.ok(&["import", &big, "--dry-run", "-q"]);
    assert_eq!(
        rows_known(&mut owner, "payments"),
        -1.0,
        "a dry run analyzed"
    );
    let small = write(
        &env,
        "small.csv",
        "customerId,amount,paymentMethod\n7,1.00,Cash\n7,2.00,Cash\n",
    );
    env.ok(&["import", &small, "-q"]);
    assert_eq!(
        rows_known(&mut owner, "payments"),
        -1.0,
        "an import of two rows analyzed"
    );

    let run = env.run(&["import", &big, "-q"]);
    assert_eq!(run.code, 0);
    assert_eq!(run.stderr, "");
    assert_eq!(rows_known(&mut owner, "payments"), 1002.0);
    let allocations: i64 = owner
        .query_one("SELECT count(*) FROM allocations", &[])
        .unwrap()
        .get(0);
    assert_eq!(rows_known(&mut owner, "allocations"), allocations as f32);
    // The tables the import wrote, its triggers' included (the invoices' balances, only
    // updated), and only those: not the invoices it paid, which it read.
    assert_eq!(rows_known(&mut owner, "payment_balances"), 1002.0);
    assert_eq!(rows_known(&mut owner, "invoice_balances"), 3.0);
    assert_eq!(
        rows_known(&mut owner, "invoices"),
        -1.0,
        "a table the import did not write was analyzed"
    );

    // A clerk: the server refuses the clerk the owner's tables (a warning, not an error), and
    // the import is as before, with nothing on stderr.
    let (clerk, _role) = clerk_role(&env, &mut owner);
    env.ok(&["db", "grant-clerk", &clerk, "-q"]);
    let again = write(
        &env,
        "again.csv",
        &std::fs::read_to_string(&big)
            .unwrap()
            .replace(",Cash,r", ",Cash,clerk-r")
            .replace(",k-", ",clerk-k-"),
    );
    let out = env
        .command(&["import", &again, "-q"])
        .env("PAYCTL_DB", format!("postgres://{clerk}@/{db}?host={host}"))
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(String::from_utf8_lossy(&out.stderr), "");
    assert_eq!(
        rows_known(&mut owner, "payments"),
        1002.0,
        "the clerk's ANALYZE ran"
    );
    env.ok(&["verify"]);
}

/// pg_class.reltuples of `table`: -1 until the table is first analyzed, then the rows it
/// counted.
fn rows_known(client: &mut postgres::Client, table: &str) -> f32 {
    client
        .query_one(
            "SELECT reltuples FROM pg_class WHERE relname = $1 AND relkind = 'r'",
            &[&table],
        )
        .unwrap()
        .get(0)
}
