//! `payctl verify` on a team ledger (SPEC §8): SQLite's storage checks give way to the
//! server's, and the server's durability settings are read, with a warning on stderr (exit 0)
//! for each that is off. The test server of `.ci/pg` runs with fsync=off, so the fsync warning
//! is real there; synchronous_commit is turned off for this test's database alone (a database
//! default, which every new session of it gets), so that warning is real on any server.

use crate::common::{postgres_host, Env};

const FSYNC: &str = "warning: the PostgreSQL server runs with fsync=off: a crash of the server's machine can lose committed payments or corrupt the whole database; set fsync = on in postgresql.conf and reload the server (SELECT pg_reload_conf())\n";
const SYNCHRONOUS_COMMIT: &str = "warning: the PostgreSQL server runs with synchronous_commit=off: payctl's own sessions turn it on, but a crash can lose the last commits of every other client of the database; set synchronous_commit = on in postgresql.conf and reload the server (SELECT pg_reload_conf())\n";

/// What a clean `payctl verify` prints on stderr in this test run: nothing on SQLite; on the
/// test server, which runs with fsync=off for speed (.ci/pg), exactly the fsync warning. Tests
/// that pin verify's stderr pin this, so any other warning still fails them.
pub fn clean_verify_stderr() -> &'static str {
    use std::sync::OnceLock;
    static FSYNC_OFF: OnceLock<bool> = OnceLock::new();
    let Some(host) = postgres_host() else {
        return "";
    };
    let off = *FSYNC_OFF.get_or_init(|| {
        let fsync: String = admin(&host, "postgres")
            .query_one("SELECT setting FROM pg_settings WHERE name = 'fsync'", &[])
            .expect("read the test server's fsync")
            .get(0);
        fsync == "off"
    });
    if off {
        FSYNC
    } else {
        ""
    }
}

fn admin(host: &str, dbname: &str) -> postgres::Client {
    postgres::Client::connect(
        &format!("host={host} user=payctl dbname={dbname}"),
        postgres::NoTls,
    )
    .expect("connect to the test server")
}

#[test]
fn verify_on_postgres_warns_of_each_durability_setting_that_is_off() {
    let Some(host) = postgres_host() else {
        eprintln!("skipped: PAYCTL_TEST_PG is not set (start a server with .ci/pg start DIR)");
        return;
    };
    let env = Env::seeded();
    env.ok(&[
        "create",
        "--customer",
        "655080",
        "--amount",
        "60.00",
        "--method",
        "Cash",
        "--allocate",
        "566934=40.00",
    ]);
    let url = env.db.to_str().unwrap().to_string();
    let dbname = url
        .split_once("@/")
        .unwrap()
        .1
        .split('?')
        .next()
        .unwrap()
        .to_string();
    let fsync_warning = clean_verify_stderr();

    let run = env.run(&["verify"]);
    assert_eq!((run.code, run.stderr.as_str()), (0, fsync_warning));
    assert!(run.stdout.starts_with("ledger OK: 1 customers, 3 invoices, 1 payments, 1 allocations, 0 refunds, 1 activities, "), "{}", run.stdout);
    // The report is the one SQLite gives: the server's settings are warnings, not checks.
    assert!(!run.stdout.contains("PostgreSQL"), "{}", run.stdout);

    // The database's default turned off: every new session of it, other clients' too.
    admin(&host, "postgres")
        .batch_execute(&format!(
            "ALTER DATABASE {dbname} SET synchronous_commit = off"
        ))
        .unwrap();
    for format in ["table", "json", "csv"] {
        let run = env.run(&["verify", "-o", format]);
        assert_eq!(
            (run.code, run.stderr.as_str()),
            (0, format!("{fsync_warning}{SYNCHRONOUS_COMMIT}").as_str()),
            "verify -o {format}"
        );
    }
    // What payctl warned about: a plain client of the database gets that default (payctl's
    // own sessions set synchronous_commit = on).
    let mut conn = postgres::Client::connect(
        &format!("host={host} user=payctl dbname={dbname}"),
        postgres::NoTls,
    )
    .unwrap();
    let session: String = conn
        .query_one("SHOW synchronous_commit", &[])
        .unwrap()
        .get(0);
    assert_eq!(session, "off", "a plain client gets the database's default");
    let json = env.json(&["verify"]);
    assert_eq!(json["ok"], true);
    assert_eq!(json["checks"][0], "payment balances match their rows");
}

#[test]
fn verify_on_sqlite_reads_no_server_settings() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("ledger.db");
    let env = Env::sqlite_file(dir, db);
    env.ok(&["customer", "add", "--id", "655080", "--name", "Acme"]);
    let run = env.run(&["verify", "-o", "json"]);
    assert_eq!((run.code, run.stderr.as_str()), (0, ""));
    let json: serde_json::Value = serde_json::from_str(&run.stdout).unwrap();
    assert_eq!(json["checks"][0], "payment balances match their rows");
}
