//! Clerk roles on a team ledger (SPEC §8, issue 18): `payctl db grant-clerk ROLE`, then payctl
//! and plain SQL run AS that role against the PostgreSQL test server. The server itself, not
//! payctl, must refuse the clerk every UPDATE, DELETE and TRUNCATE of a money row, every write
//! to the caches, and every change to the schema; the audit trail names the clerk.
//!
//! Needs `PAYCTL_TEST_PG` (`.ci/pg start DIR`): without it these tests print a note and pass,
//! except the SQLite refusal, which needs no server.

use crate::common::{postgres_host, Env};

/// A login role on the test server (trust authentication), dropped after the test's database.
struct Role {
    host: String,
    name: String,
}

impl Drop for Role {
    fn drop(&mut self) {
        if let Ok(mut admin) = connect(&self.host, "payctl", "postgres") {
            let _ = admin.batch_execute(&format!("DROP ROLE IF EXISTS {}", self.name));
        }
    }
}

/// A test's own ledger database and a clerk role on its server. Fields drop in order: the
/// database first, then the role, which the database's grants would otherwise keep alive.
struct Team {
    env: Env,
    clerk: Role,
}

fn connect(host: &str, user: &str, dbname: &str) -> Result<postgres::Client, postgres::Error> {
    postgres::Client::connect(
        &format!("host={host} user={user} dbname={dbname}"),
        postgres::NoTls,
    )
}

/// A fresh ledger and a new login role `clerk_*`, not yet granted anything; `None` (with a
/// note on stderr) when the suite does not run on PostgreSQL.
fn team() -> Option<Team> {
    let Some(host) = postgres_host() else {
        eprintln!("skipped: PAYCTL_TEST_PG is not set (start a server with .ci/pg start DIR)");
        return None;
    };
    use std::sync::atomic::{AtomicU64, Ordering};
    static NEXT: AtomicU64 = AtomicU64::new(0);
    let name = format!(
        "clerk_{}_{}",
        std::process::id(),
        NEXT.fetch_add(1, Ordering::Relaxed)
    );
    connect(&host, "payctl", "postgres")
        .expect("connect to the test server")
        .batch_execute(&format!("CREATE ROLE {name} LOGIN"))
        .expect("create the clerk role");
    Some(Team {
        env: Env::new(),
        clerk: Role { host, name },
    })
}

impl Team {
    /// The test database's name, from the owner's URL `postgres://payctl@/NAME?host=DIR`.
    fn database(&self) -> String {
        let url = self.env.db.to_str().unwrap();
        let after = url.split_once("@/").unwrap().1;
        after.split('?').next().unwrap().to_string()
    }

    /// The same ledger, connecting as the clerk.
    fn clerk_url(&self) -> String {
        format!(
            "postgres://{}@/{}?host={}",
            self.clerk.name,
            self.database(),
            self.clerk.host
        )
    }

    /// Runs payctl AS the clerk; it must succeed. Returns stdout.
    #[track_caller]
    fn clerk_ok(&self, args: &[&str]) -> String {
        let out = self
            .env
            .command(args)
            .env("PAYCTL_DB", self.clerk_url())
            .output()
            .expect("run payctl");
        assert_eq!(
            out.status.code(),
            Some(0),
            "payctl {args:?} as the clerk\nstdout:\n{}\nstderr:\n{}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8(out.stdout).unwrap()
    }

    /// A plain SQL connection AS the clerk, as a clerk with psql would have.
    fn clerk_sql(&self) -> postgres::Client {
        connect(&self.clerk.host, &self.clerk.name, &self.database()).expect("connect as clerk")
    }

    /// A plain SQL connection as the ledger's owner.
    fn owner_sql(&self) -> postgres::Client {
        connect(&self.clerk.host, "payctl", &self.database()).expect("connect as owner")
    }

    fn grant(&self) {
        self.env.ok(&["db", "grant-clerk", &self.clerk.name, "-q"]);
    }
}

#[test]
fn grant_clerk_on_a_sqlite_ledger_is_a_usage_error_and_creates_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("ledger.db");
    let env = Env::sqlite_file(dir, db.clone());
    let message = format!("payctl db grant-clerk is for a team ledger on PostgreSQL: give --db (or PAYCTL_DB) a postgres:// URL; '{}' is a SQLite ledger file, which has no database roles", db.display());
    let run = env.run(&["db", "grant-clerk", "clerk"]);
    assert_eq!(
        (run.code, run.stdout.as_str(), run.stderr.as_str()),
        (2, "", format!("error: {message}\n").as_str())
    );
    let run = env.run(&["db", "grant-clerk", "clerk", "-o", "json"]);
    assert_eq!((run.code, run.stdout.as_str()), (2, ""));
    let error: serde_json::Value = serde_json::from_str(&run.stderr).unwrap();
    assert_eq!(
        error,
        serde_json::json!({"ErrorId": 0, "HttpStatusCode": 400, "Errors": [{"Key": "db", "Value": message}]})
    );
    assert!(!db.exists(), "grant-clerk created {}", db.display());
}

#[test]
fn grant_clerk_refuses_a_missing_role_and_the_owner_naming_them() {
    let Some(team) = team() else { return };
    team.env.refused(
        &["db", "grant-clerk", "no_such_clerk"],
        1,
        "error: role 'no_such_clerk' does not exist on the ledger's server; create it first (as an administrator: CREATE ROLE no_such_clerk LOGIN), then run this again\n",
    );
    team.env.refused(
        &["db", "grant-clerk", "Mixed Case"],
        1,
        "error: role 'Mixed Case' does not exist on the ledger's server; create it first (as an administrator: CREATE ROLE \"Mixed Case\" LOGIN), then run this again\n",
    );
    // The owner (a superuser on the test server) would be refused nothing by the server.
    team.env.refused(
        &["db", "grant-clerk", "payctl"],
        1,
        "error: role 'payctl' is a superuser or owns the ledger's schema, so the server refuses it nothing; grant-clerk is for a role that owns nothing in the ledger\n",
    );
    // A name that would be SQL if it were spliced in is only a name.
    team.env.refused(
        &["db", "grant-clerk", "x; DROP TABLE payments; --"],
        1,
        "error: role 'x; DROP TABLE payments; --' does not exist on the ledger's server; create it first (as an administrator: CREATE ROLE \"x; DROP TABLE payments; --\" LOGIN), then run this again\n",
    );
    assert_eq!(team.env.snapshot(), "(no ledger)");
}

#[test]
fn grant_clerk_prints_what_it_granted_in_every_format() {
    let Some(team) = team() else { return };
    let role = &team.clerk.name;
    // On an empty database: the schema is made first, so the grants cover every table.
    let csv = team.env.ok(&["db", "grant-clerk", role, "-o", "csv"]);
    let want: String = std::iter::once("role,table,privileges".to_string())
        .chain(
            [
                ("activities", "\"INSERT, SELECT\""),
                ("allocations", "\"INSERT, SELECT\""),
                ("audit_events", "\"INSERT, SELECT\""),
                ("bank_line_events", "\"INSERT, SELECT\""),
                ("bank_lines", "\"INSERT, SELECT\""),
                ("bank_proposals", "\"INSERT, SELECT\""),
                ("bank_statements", "\"INSERT, SELECT\""),
                ("credit_write_off_parts", "\"INSERT, SELECT\""),
                ("credit_write_offs", "\"INSERT, SELECT\""),
                ("currency_totals", "\"INSERT, SELECT, UPDATE (total)\""),
                (
                    "customers",
                    "\"INSERT, SELECT, UPDATE (name, email, auto_allocate_order, default_method_id)\"",
                ),
                ("idempotency_keys", "\"INSERT, SELECT\""),
                ("import_keys", "\"INSERT, SELECT\""),
                ("invoice_adjustments", "\"INSERT, SELECT\""),
                ("invoice_balances", "SELECT"),
                ("invoice_closures", "\"INSERT, SELECT\""),
                ("invoices", "\"INSERT, SELECT, UPDATE (invoice_number, due_at)\""),
                ("open_invoices", "SELECT"),
                ("payctl_meta", "SELECT"),
                ("payment_balances", "SELECT"),
                ("payment_events", "\"INSERT, SELECT\""),
                ("payment_methods", "\"INSERT, SELECT\""),
                ("payments", "\"INSERT, SELECT\""),
                ("period_events", "\"INSERT, SELECT\""),
                ("refunds", "\"INSERT, SELECT\""),
            ]
            .iter()
            .map(|(table, privileges)| format!("{role},{table},{privileges}")),
        )
        .map(|line| line + "\n")
        .collect();
    assert_eq!(csv, want);
    // Granting again changes nothing and says the same.
    let json = team.env.json(&["db", "grant-clerk", role]);
    let rows = json.as_array().unwrap();
    assert_eq!(rows.len(), 25);
    assert_eq!(
        rows[10],
        serde_json::json!({"role": role, "table": "customers", "privileges": ["INSERT", "SELECT", "UPDATE (name, email, auto_allocate_order, default_method_id)"]})
    );
    let table = team.env.ok_piped(&["db", "grant-clerk", role]);
    let first = table.lines().next().unwrap();
    assert_eq!(
        first,
        format!(
            "Granted role {role} what payctl's commands need on 25 tables of ledger {}; the server refuses it any UPDATE, DELETE or TRUNCATE of a money row, any write to the caches and any change to the schema",
            team.env.db.display()
        )
    );
    assert_eq!(team.env.ok(&["db", "grant-clerk", role, "-q"]), "");
}

/// The clerk records with every write command payctl has; the audit trail names the clerk
/// as the database user of each row.
#[test]
fn a_clerk_records_with_every_write_command_and_the_audit_trail_names_it() {
    let Some(team) = team() else { return };
    // Before the grant the server refuses the clerk even a read: the test can fail.
    let out = team
        .env
        .command(&["customer", "list"])
        .env("PAYCTL_DB", team.clerk_url())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(74), "{out:?}");
    team.grant();
    let c = |args: &[&str]| team.clerk_ok(args);
    assert_eq!(
        c(&["customer", "add", "--id", "655080", "--name", "Acme", "-q"]),
        "655080\n"
    );
    assert_eq!(
        c(&[
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
            "--default",
            "-q"
        ]),
        "1\n"
    );
    assert_eq!(
        c(&[
            "method",
            "add",
            "--customer",
            "655080",
            "--type",
            "ach",
            "--last4",
            "6789",
            "-q"
        ]),
        "2\n"
    );
    for (id, total) in [
        ("566934", "100.00"),
        ("566935", "20.00"),
        ("566936", "30.00"),
    ] {
        c(&[
            "invoice",
            "add",
            "--customer",
            "655080",
            "--id",
            id,
            "--total",
            total,
            "--date",
            "2026-10-01",
            "-q",
        ]);
    }
    assert_eq!(
        c(&[
            "create",
            "--customer",
            "655080",
            "--amount",
            "60.00",
            "--method",
            "Cash",
            "--allocate",
            "566934=40.00",
            "-q"
        ]),
        "1\n"
    );
    assert_eq!(
        c(&[
            "create",
            "--customer",
            "655080",
            "--amount",
            "10.00",
            "--method",
            "ACH",
            "--method-id",
            "2",
            "--auto-allocate",
            "-q"
        ]),
        "2\n"
    );
    c(&["settle", "2", "--status", "successful", "-q"]);
    c(&["refund", "1", "--amount", "5.00", "-q"]);
    assert_eq!(
        c(&[
            "create",
            "--customer",
            "655080",
            "--use-default-method",
            "--amount",
            "1.00",
            "-q"
        ]),
        "3\n"
    );
    c(&["void", "3", "--reason", "entered twice", "-q"]);
    c(&[
        "invoice",
        "void",
        "566936",
        "--reason",
        "cancelled order",
        "-q",
    ]);
    let file = team.env.dir.path().join("p.csv");
    std::fs::write(
        &file,
        "customerId,amount,paymentMethod,reference,allocations,autoAllocate,idempotencyKey\n655080,7.50,Cash,imp1,566935=7.50,,bank-1\n655080,2,Check,,,true,\n",
    )
    .unwrap();
    c(&["import", file.to_str().unwrap(), "-q"]);
    // Everything the clerk wrote checks out, read as the clerk.
    let verify = c(&["verify", "-o", "json"]);
    let doc: serde_json::Value = serde_json::from_str(&verify).unwrap();
    assert_eq!(doc["ok"], true, "{verify}");
    assert_eq!(doc["counts"]["payments"], 5, "{verify}");

    let mut owner = team.owner_sql();
    let users: Vec<(String, i64)> = owner
        .query(
            "SELECT db_user, count(*) FROM audit_events GROUP BY db_user ORDER BY 1",
            &[],
        )
        .unwrap()
        .iter()
        .map(|r| (r.get(0), r.get(1)))
        .collect();
    let total: i64 = owner
        .query_one("SELECT count(*) FROM audit_events", &[])
        .unwrap()
        .get(0);
    assert!(total >= 12, "{total} audit events");
    assert_eq!(users, [(team.clerk.name.clone(), total)]);
}

/// What a clerk with psql could try, refused by the server for lack of privilege (42501),
/// with the ledger unchanged.
#[test]
fn the_server_refuses_a_clerk_every_rewrite_of_money_caches_and_schema() {
    let Some(team) = team() else { return };
    team.grant();
    team.clerk_ok(&["customer", "add", "--id", "655080", "--name", "Acme", "-q"]);
    team.clerk_ok(&[
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
        "-q",
    ]);
    team.clerk_ok(&[
        "create",
        "--customer",
        "655080",
        "--amount",
        "60.00",
        "--method",
        "Cash",
        "--allocate",
        "566934=40.00",
        "-q",
    ]);
    team.clerk_ok(&["refund", "1", "--amount", "5.00", "-q"]);
    let before = team.env.snapshot();

    let mut statements: Vec<String> = Vec::new();
    for table in [
        "payments",
        "allocations",
        "invoices",
        "refunds",
        "audit_events",
    ] {
        statements.push(format!("UPDATE {table} SET id = id"));
        statements.push(format!("DELETE FROM {table}"));
    }
    statements.push("UPDATE payments SET amount = 1".into());
    statements.push("UPDATE allocations SET amount = 0".into());
    statements.push("UPDATE audit_events SET db_user = 'payctl'".into());
    for table in [
        "payments",
        "allocations",
        "invoices",
        "refunds",
        "audit_events",
        "activities",
        "payment_events",
        "invoice_closures",
        "customers",
        "payment_methods",
        "currency_totals",
        "invoice_balances",
        "payment_balances",
        "open_invoices",
        "idempotency_keys",
        "import_keys",
        "payctl_meta",
    ] {
        statements.push(format!("TRUNCATE {table}"));
    }
    for cache in ["invoice_balances", "payment_balances", "open_invoices"] {
        statements.push(format!("INSERT INTO {cache} SELECT * FROM {cache}"));
        statements.push(format!(
            "UPDATE {cache} SET {} = {0}",
            match cache {
                "invoice_balances" => "allocated",
                "payment_balances" => "allocated",
                _ => "due_at",
            }
        ));
        statements.push(format!("DELETE FROM {cache}"));
    }
    statements.push("UPDATE payctl_meta SET value = '1'".into());
    // `customer edit` and `invoice edit` may change a name or a due date; an id, a currency
    // or a total, never.
    statements.push("UPDATE customers SET currency = 'EUR'".into());
    statements.push("UPDATE customers SET id = id".into());
    statements.push("UPDATE invoices SET total = total".into());
    for table in [
        "payments",
        "allocations",
        "audit_events",
        "invoice_balances",
    ] {
        statements.push(format!("ALTER TABLE {table} DISABLE TRIGGER ALL"));
    }
    statements.push("ALTER TABLE payments DISABLE TRIGGER USER".into());
    statements.push("DROP TABLE payments".into());
    statements.push("DROP TABLE audit_events CASCADE".into());
    statements.push("ALTER TABLE payments DROP CONSTRAINT IF EXISTS payments_pkey".into());
    statements.push("CREATE TABLE payments_copy (id BIGINT)".into());
    statements.push("SET session_replication_role = replica".into());
    statements.push("CREATE OR REPLACE FUNCTION audit_events_before_insert() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NEW; END $$".into());

    let mut clerk = team.clerk_sql();
    let outcomes: Vec<String> = statements
        .iter()
        .map(|sql| match clerk.batch_execute(sql) {
            Ok(()) => format!("{sql}: ALLOWED"),
            Err(e) => match e.code() {
                Some(code) if code.code() == "42501" => format!("{sql}: refused"),
                _ => format!(
                    "{sql}: {}",
                    e.as_db_error()
                        .map_or(e.to_string(), |d| d.message().to_string())
                ),
            },
        })
        .collect();
    let want: Vec<String> = statements
        .iter()
        .map(|sql| format!("{sql}: refused"))
        .collect();
    assert_eq!(outcomes.join("\n"), want.join("\n"));
    assert_eq!(before, team.env.snapshot(), "the clerk changed the ledger");
}

/// The audit trail's database user comes from the server's session, whatever the clerk writes.
#[test]
fn a_clerk_cannot_forge_the_audit_trails_database_user() {
    let Some(team) = team() else { return };
    team.grant();
    team.clerk_ok(&["customer", "add", "--id", "655080", "--name", "Acme", "-q"]);
    let mut clerk = team.clerk_sql();
    clerk
        .batch_execute(
            "INSERT INTO audit_events (id, at, os_user, command, action, entity, entity_id, detail, db_user)
             VALUES (999, '2026-11-21T10:00:00Z', 'tester', 'payctl', 'created', 'customer', 655080, 'forged', 'payctl')",
        )
        .expect("a clerk may append to the audit trail");
    clerk
        .batch_execute(
            "INSERT INTO audit_events (at, os_user, command, action, entity, entity_id, detail)
             VALUES ('2026-11-21T10:00:00Z', 'tester', 'payctl', 'created', 'customer', 655080, 'no user given')",
        )
        .expect("a clerk may append to the audit trail");
    let mut owner = team.owner_sql();
    let rows: Vec<(String, String)> = owner
        .query("SELECT detail, db_user FROM audit_events ORDER BY id", &[])
        .unwrap()
        .iter()
        .map(|r| (r.get(0), r.get(1)))
        .collect();
    let clerk_name = team.clerk.name.clone();
    assert_eq!(rows.len(), 3, "{rows:?}");
    assert!(rows.iter().all(|(_, user)| *user == clerk_name), "{rows:?}");
    assert_eq!(rows[1].0, "forged");
    // The owner's own rows name the owner.
    team.env
        .ok(&["customer", "add", "--id", "655081", "--name", "Beta", "-q"]);
    let last: String = owner
        .query_one(
            "SELECT db_user FROM audit_events ORDER BY id DESC LIMIT 1",
            &[],
        )
        .unwrap()
        .get(0);
    assert_eq!(last, "payctl");
}
