//! Invoice imports in batches (issue 18, "no round trip per row"): on PostgreSQL an invoice
//! import reads what its rows need a run at a time and writes a COPY per table per run
//! (src/ledger/batch_invoices.rs); on SQLite it goes row by row. Every test here runs on both
//! engines and expects the same bytes from each: the rows' refusals, the summaries, the
//! ledger. `PAYCTL_IMPORT_BATCH_ROWS=2` makes the runs two rows long, so that a duplicate
//! within the file sits across a run boundary.

use crate::common::{on_postgres, Env, Run};

fn write(env: &Env, name: &str, content: &str) -> String {
    let path = env.dir.path().join(name);
    std::fs::write(&path, content).unwrap();
    path.to_string_lossy().into_owned()
}

/// payctl with runs of two rows.
fn run2(env: &Env, args: &[&str]) -> Run {
    let out = env
        .command(args)
        .env("PAYCTL_IMPORT_BATCH_ROWS", "2")
        .output()
        .expect("run payctl");
    Run {
        code: out.status.code().unwrap_or(-1),
        stdout: String::from_utf8(out.stdout).unwrap(),
        stderr: String::from_utf8(out.stderr).unwrap(),
    }
}

/// [`run2`], refused with exactly `stderr` and exit `code`, the ledger unchanged.
fn refused2(env: &Env, args: &[&str], code: i32, stderr: &str) {
    let before = env.snapshot();
    let run = run2(env, args);
    assert_eq!(
        (run.code, run.stderr.as_str(), run.stdout.as_str()),
        (code, stderr, ""),
        "payctl {args:?}"
    );
    assert_eq!(before, env.snapshot(), "payctl {args:?} changed the ledger");
}

/// `payctl import FILE --kind invoices --rejects REJECTS` through `run` (`Env::run`, or
/// [`run2`] for runs of two rows), which must exit 0: the run and the rejects file it wrote
/// (`rejects.csv` in the test's folder).
fn import_with_rejects(env: &Env, file: &str, run: fn(&Env, &[&str]) -> Run) -> (Run, String) {
    let rejects = env.dir.path().join("rejects.csv");
    let args = [
        "import",
        file,
        "--kind",
        "invoices",
        "--rejects",
        rejects.to_str().unwrap(),
    ];
    let out = run(env, &args);
    assert_eq!(out.code, 0, "{}", out.stderr);
    (out, std::fs::read_to_string(&rejects).unwrap())
}

/// Customers 1 (USD) and 2 (EUR).
fn customers(env: &Env) {
    let file = write(env, "c.csv", "id,name,currency\n1,One,USD\n2,Two,EUR\n");
    env.ok(&["import", &file, "--kind", "customers"]);
}

const HEADER: &str = "id,customerId,invoiceNumber,invoiceAmount,effectiveTimestamp,dueDate\n";

#[test]
fn a_number_repeated_across_a_run_boundary_is_refused_and_rejected() {
    let env = Env::new();
    customers(&env);
    // Rows 1-2 are one run, 3-4 the next: row 4 repeats row 1's number (trimmed, the same
    // customer), row 3 has it for another customer (allowed).
    let file = write(
        &env,
        "i.csv",
        &format!(
            "{HEADER},1,INV-1,10.00,2026-01-05,\n,1,INV-2,11.00,2026-01-06,\n,2,INV-1,12.00,2026-01-07,\n, 1 ,INV-1 ,13.00,2026-01-08,\n,1,INV-3,14.00,2026-01-09,\n"
        ),
    );
    refused2(
        &env,
        &["import", &file, "--kind", "invoices"],
        1,
        &format!("error: line 5: invoice number 'INV-1' is already used by invoice 1 of customer 1; invoice numbers are unique per customer\nerror: {file}: nothing was imported (one transaction per file); fix the rows or use --rejects FILE\n"),
    );
    let (run, rejects) = import_with_rejects(&env, &file, run2);
    assert_eq!(
        (run.stdout.as_str(), run.stderr.as_str()),
        (
            format!("{file}: 5 rows, 4 imported, 0 already imported, 0 failed attempts recorded, 1 rejected\n").as_str(),
            ""
        )
    );
    assert_eq!(
        rejects,
        "line,reason,record\n5,invoice number 'INV-1' is already used by invoice 1 of customer 1; invoice numbers are unique per customer,\"{\"\"customerId\"\":\"\" 1 \"\",\"\"invoiceNumber\"\":\"\"INV-1 \"\",\"\"invoiceAmount\"\":\"\"13.00\"\",\"\"effectiveTimestamp\"\":\"\"2026-01-08\"\"}\"\n"
    );
    let list = env.json(&["invoice", "list"]);
    let rows: Vec<(i64, String, i64)> = list
        .as_array()
        .unwrap()
        .iter()
        .map(|i| {
            (
                i["id"].as_i64().unwrap(),
                i["invoiceNumber"].as_str().unwrap().to_string(),
                i["customerId"].as_i64().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        rows,
        [
            (1, "INV-1".into(), 1),
            (2, "INV-2".into(), 1),
            (3, "INV-1".into(), 2),
            (4, "INV-3".into(), 1)
        ]
    );
    env.ok(&["verify"]);
}

#[test]
fn ids_given_twice_or_taken_by_a_numbered_row_are_refused() {
    let env = Env::new();
    customers(&env);
    // Line 5 gives id 10 again, in the next run; line 6 (no id) takes 13, the id after the
    // largest (12), and line 7 gives 13 again; line 8 has no number, so its number is its id,
    // 14, which line 9 gives as a number for the same customer.
    let file = write(
        &env,
        "i.csv",
        &format!(
            "{HEADER}10,1,A,10.00,2026-01-05,\n,1,B,11.00,2026-01-06,\n,2,C,12.00,2026-01-07,\n10,1,D,13.00,2026-01-08,\n,1,E,14.00,2026-01-09,\n13,1,F,15.00,2026-01-10,\n,1,,16.00,2026-01-11,\n,1,14,17.00,2026-01-12,\n"
        ),
    );
    refused2(
        &env,
        &["import", &file, "--kind", "invoices"],
        1,
        &format!("error: line 5: invoice 10 already exists; see it with: payctl invoice show 10\nerror: line 7: invoice 13 already exists; see it with: payctl invoice show 13\nerror: line 9: invoice number '14' is already used by invoice 14 of customer 1; invoice numbers are unique per customer\nerror: {file}: nothing was imported (one transaction per file); fix the rows or use --rejects FILE\n"),
    );
}

#[test]
fn the_same_file_again_is_all_already_imported_identical_rows_counted() {
    let env = Env::new();
    customers(&env);
    // Two identical rows without a number or id: two invoices, and the same two again next time.
    let file = write(
        &env,
        "i.csv",
        &format!(
            "{HEADER},1,,10.00,2026-01-05,\n,1,,10.00,2026-01-05,\n,2,X,12.00,2026-01-07,2026-02-07\n,1,,10.00,2026-01-05,\n"
        ),
    );
    let run = run2(&env, &["import", &file, "--kind", "invoices"]);
    assert_eq!(
        (run.code, run.stdout.as_str(), run.stderr.as_str()),
        (
            0,
            format!("{file}: 4 rows, 4 imported, 0 already imported, 0 failed attempts recorded, 0 rejected\n").as_str(),
            ""
        )
    );
    let before = env.snapshot();
    for dry_run in [false, true] {
        let mut args = vec!["import", file.as_str(), "--kind", "invoices"];
        if dry_run {
            args.push("--dry-run");
        }
        let run = run2(&env, &args);
        assert_eq!(run.code, 0, "{}", run.stderr);
        assert!(
            run.stdout.contains(&format!(
                "{file}: 4 rows, 0 imported, 4 already imported, 0 failed attempts recorded, 0 rejected"
            )),
            "{}",
            run.stdout
        );
        assert_eq!(before, env.snapshot());
    }
    // One more identical row in the file: only it is new.
    let more = write(
        &env,
        "i2.csv",
        &format!(
            "{HEADER},1,,10.00,2026-01-05,\n,1,,10.00,2026-01-05,\n,1,,10.00,2026-01-05,\n,1,,10.00,2026-01-05,\n"
        ),
    );
    let run = run2(&env, &["import", &more, "--kind", "invoices"]);
    assert_eq!(
        run.stdout,
        format!("{more}: 4 rows, 1 imported, 3 already imported, 0 failed attempts recorded, 0 rejected\n")
    );
    let ids: Vec<i64> = env
        .json(&["invoice", "list"])
        .as_array()
        .unwrap()
        .iter()
        .map(|i| i["id"].as_i64().unwrap())
        .collect();
    assert_eq!(ids, [1, 2, 3, 4, 5]);
    env.ok(&["verify"]);
}

#[test]
fn rejects_keep_the_good_rows_around_a_refused_void_row() {
    let env = Env::new();
    customers(&env);
    // A void row (written row by row) refused after good rows of the same run: its rollback
    // must not take them with it; a void row imported between batched ones keeps the ids in
    // the order of the file.
    let file = write(
        &env,
        "i.csv",
        "customerId,invoiceNumber,invoiceAmount,effectiveTimestamp,status\n1,A,10.00,2026-01-05,\n1,B,11.00,2026-01-06,\n99,C,12.00,2026-01-07,void\n1,D,13.00,2026-01-08,void\n1,E,-1,2026-01-09,\n2,F,15.00,2026-01-10,\n",
    );
    let (run, rejects) = import_with_rejects(&env, &file, Env::run);
    assert_eq!(
        (run.stdout.as_str(), run.stderr.as_str()),
        (
            format!("{file}: 6 rows, 4 imported, 0 already imported, 0 failed attempts recorded, 2 rejected\n").as_str(),
            ""
        )
    );
    let reasons: Vec<String> = rejects
        .lines()
        .skip(1)
        .map(|l| l.split(",\"{").next().unwrap().to_string())
        .collect();
    assert_eq!(
        reasons,
        [
            "4,customer 99 not found; add it with: payctl customer add --id 99 --name ...",
            "6,invoiceAmount '-1' is negative; amounts are positive plain decimals such as 50.78"
        ]
    );
    let list = env.json(&["invoice", "list"]);
    let rows: Vec<(i64, String, String)> = list
        .as_array()
        .unwrap()
        .iter()
        .map(|i| {
            (
                i["id"].as_i64().unwrap(),
                i["invoiceNumber"].as_str().unwrap().to_string(),
                i["status"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    assert_eq!(
        rows,
        [
            (1, "A".into(), "unpaid".into()),
            (2, "B".into(), "unpaid".into()),
            (3, "D".into(), "void".into()),
            (4, "F".into(), "unpaid".into())
        ]
    );
    env.ok(&["verify"]);
}

#[test]
fn a_closed_period_refuses_a_row_in_it() {
    let env = Env::new();
    customers(&env);
    env.ok(&["period", "close", "2026-01-31"]);
    let file = write(
        &env,
        "i.csv",
        &format!(
            "{HEADER},1,A,10.00,2026-02-05,\n,1,B,11.00,2026-01-31,\n,2,C,12.00,2026-03-01,\n"
        ),
    );
    let run = run2(&env, &["import", &file, "--kind", "invoices"]);
    let before = env.snapshot();
    assert_eq!(run.code, 1);
    assert_eq!(run.stdout, "");
    assert!(
        run.stderr.starts_with("error: line 3: invoice date 2026-01-31 is in a closed period (closed through 2026-01-31 on "),
        "{}",
        run.stderr
    );
    assert!(run.stderr.ends_with(&format!(
        "\nerror: {file}: nothing was imported (one transaction per file); fix the rows or use --rejects FILE\n"
    )));
    assert_eq!(before, env.snapshot());
}

/// The same file imported into this test's ledger (PostgreSQL when the suite runs there) and
/// into a SQLite file ends with the same invoices and balances, and both pass verify.
#[test]
fn the_same_file_on_both_engines_ends_the_same() {
    let env = Env::new();
    let dir = tempfile::tempdir().unwrap();
    let sqlite = Env::sqlite_file(dir, env.dir.path().join("sqlite.db"));
    let mut invoices = String::from(HEADER);
    for i in 0..120 {
        let id = if i % 17 == 0 {
            (1000 + i).to_string()
        } else {
            String::new()
        };
        let number = if i % 3 == 0 {
            String::new()
        } else {
            format!("N-{}", i % 50)
        };
        let customer = 1 + i % 2;
        invoices.push_str(&format!(
            "{id},{customer},{number},{}.{:02},2026-0{}-1{},\n",
            10 + i,
            i % 100,
            1 + i % 9,
            i % 10
        ));
    }
    let file = write(&env, "i.csv", &invoices);
    let mut outputs = Vec::new();
    for ledger in [&env, &sqlite] {
        customers(ledger);
        let (run, rejects) = import_with_rejects(ledger, &file, run2);
        ledger.ok(&["verify"]);
        outputs.push((
            run.stdout,
            rejects,
            ledger.ok(&["invoice", "list", "-o", "json"]),
            ledger.ok(&["report", "balances", "-o", "json"]),
        ));
    }
    assert!(outputs[0].0.contains(" rejected"), "{}", outputs[0].0);
    assert_eq!(outputs[0], outputs[1]);
    if on_postgres() {
        eprintln!("compared PostgreSQL with SQLite");
    }
}
