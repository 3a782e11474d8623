//! Issue 15, limits: totals that would overflow, dates out of range, ids that leave no room.
//! Each test was seen failing on the code before its fix.

use crate::common::Env;

const DATE_RANGE: &str = "dates run from 1900-01-01 to 9999-12-31 (UTC)";

/// A CLF customer (4 decimals: the largest amounts in minor units) with id 1.
fn clf_customer(env: &Env, id: &str) {
    env.ok(&[
        "customer",
        "add",
        "--id",
        id,
        "--name",
        "Max",
        "--currency",
        "CLF",
    ]);
}

#[test]
fn aging_and_balances_before_1900_are_refused_not_a_panic() {
    let env = Env::seeded();
    for args in [
        &["report", "aging", "--as-of", "0000-01-01"][..],
        &[
            "report",
            "aging",
            "--as-of",
            "0000-01-01",
            "--by",
            "invoice",
        ],
        &[
            "report",
            "aging",
            "--as-of",
            "0000-01-01",
            "--customer",
            "655080",
        ],
    ] {
        env.refused(
            args,
            2,
            &format!("error: invalid value '0000-01-01' for '--as-of <DATE>': '0000-01-01' is out of range; {DATE_RANGE}\n\nFor more information, try '--help'.\n"),
        );
    }
    for (now, args) in [
        ("0000-01-01", &["report", "aging"][..]),
        ("0000-01-05", &["report", "balances"]),
    ] {
        let before = env.snapshot();
        let run = to_run(env.command(args).env("PAYCTL_NOW", now));
        assert_eq!(
            (run.code, run.stderr, run.stdout),
            (
                2,
                format!("error: PAYCTL_NOW '{now}' is out of range; {DATE_RANGE}\n"),
                String::new()
            ),
            "{args:?} with PAYCTL_NOW={now}"
        );
        assert_eq!(before, env.snapshot());
    }
}

#[test]
fn leap_seconds_and_years_outside_1900_to_9999_are_refused() {
    let env = Env::seeded();
    env.refused(
        &["invoice", "add", "--customer", "655080", "--total", "5", "--date", "9999-12-31T23:59:60Z"],
        2,
        "error: invalid value '9999-12-31T23:59:60Z' for '--date <DATE>': '9999-12-31T23:59:60Z' is a leap second; give seconds 00 to 59\n\nFor more information, try '--help'.\n",
    );
    env.refused(
        &["create", "--customer", "655080", "--amount", "5", "--method", "Cash", "--date", "1899-12-31"],
        2,
        &format!("error: invalid value '1899-12-31' for '--date <DATE>': '1899-12-31' is out of range; {DATE_RANGE}\n\nFor more information, try '--help'.\n"),
    );
    // In a payload and an import file, a bad value is a rejected request (exit 1).
    let before = env.snapshot();
    let run = env.run_stdin(
        &["create", "--json", "-"],
        r#"{"customerId":655080,"amount":5,"paymentMethod":"Cash","effectiveTimestamp":"0000-01-01"}"#,
    );
    assert_eq!(
        (run.code, run.stderr.as_str()),
        (
            1,
            format!("error: effectiveTimestamp '0000-01-01' is out of range; {DATE_RANGE}\n")
                .as_str()
        )
    );
    let file = env.dir.path().join("invoices.csv");
    std::fs::write(
        &file,
        "invoiceNumber,customerId,invoiceAmount,effectiveTimestamp,dueDate\nA,655080,5,9999-12-31T23:59:60Z,\nB,655080,5,2026-01-01,10000-01-01\n",
    )
    .unwrap();
    let run = in_dir(&env, &["import", "invoices.csv", "--kind", "invoices"]);
    assert_eq!(
        (run.code, run.stderr.as_str()),
        (
            1,
            "error: line 2: effectiveTimestamp '9999-12-31T23:59:60Z' is a leap second; give seconds 00 to 59\n\
             error: line 3: dueDate '10000-01-01' is not a date; use YYYY-MM-DD or RFC 3339 (2026-11-21T10:00:00Z)\n\
             error: invoices.csv: nothing was imported (one transaction per file); fix the rows or use --rejects FILE\n"
        )
    );
    assert_eq!(before, env.snapshot());
}

#[test]
fn terms_that_push_the_due_date_past_9999_are_refused() {
    let env = Env::seeded();
    env.refused(
        &["invoice", "add", "--customer", "655080", "--total", "5", "--date", "9999-12-31", "--terms", "net365"],
        1,
        "error: terms net365 from 9999-12-31 give a due date +10000-12-30, past 9999-12-31, the last date payctl takes; give --due or shorter terms\n",
    );
    // The last day itself is fine, and its invoice is not overdue on it.
    let out = env.json(&[
        "invoice",
        "add",
        "--customer",
        "655080",
        "--total",
        "5",
        "--date",
        "9999-12-01",
        "--terms",
        "net30",
    ]);
    assert_eq!(out["dueDate"], "9999-12-31T00:00:00Z");
}

/// Runs payctl in the test's folder, so that files are named as given.
fn in_dir(env: &Env, args: &[&str]) -> crate::common::Run {
    to_run(env.command(args).current_dir(env.dir.path()))
}

/// [`Env::refused`] in the test's folder.
#[track_caller]
fn refused_in_dir(env: &Env, args: &[&str], code: i32, stderr: &str) {
    let before = env.snapshot();
    let run = in_dir(env, args);
    assert_eq!(
        (run.code, run.stderr.as_str(), run.stdout.as_str()),
        (code, stderr, ""),
        "payctl {args:?}"
    );
    assert_eq!(before, env.snapshot(), "payctl {args:?} changed the ledger");
}

fn to_run(cmd: &mut std::process::Command) -> crate::common::Run {
    let out = cmd.output().expect("run payctl");
    crate::common::Run {
        code: out.status.code().unwrap_or(-1),
        stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
    }
}

const NO_ROOM: &str = "is too large for a new";

#[test]
fn ids_that_leave_no_room_are_refused() {
    let env = Env::seeded();
    let max = "9223372036854775807";
    for (args, kind) in [
        (
            &[
                "invoice",
                "add",
                "--customer",
                "655080",
                "--total",
                "5",
                "--id",
                max,
            ][..],
            "invoice",
        ),
        (
            &["customer", "add", "--name", "Big", "--id", max],
            "customer",
        ),
        (
            &[
                "method",
                "add",
                "--customer",
                "655080",
                "--type",
                "paypal",
                "--id",
                max,
            ],
            "payment method",
        ),
    ] {
        env.refused(
            args,
            1,
            &format!("error: id {max} {NO_ROOM} {kind}; give an id from 1 to 9007199254740991, or none to have one assigned\n"),
        );
    }
    for (kind, header, row) in [
        ("customers", "id,name", "Big"),
        ("invoices", "id,customerId,invoiceAmount", "655080,5"),
    ] {
        let file = env.dir.path().join(format!("{kind}.csv"));
        std::fs::write(&file, format!("{header}\n{max},{row}\n")).unwrap();
        let single = kind.trim_end_matches('s');
        refused_in_dir(
            &env,
            &["import", &format!("{kind}.csv"), "--kind", kind],
            1,
            &format!(
                "error: line 2: id {max} {NO_ROOM} {single}; give an id from 1 to 9007199254740991, or none to have one assigned\n\
                 error: {kind}.csv: nothing was imported (one transaction per file); fix the rows or use --rejects FILE\n"
            ),
        );
    }
    // Ids payctl assigns stop at the same 2^53 - 1: after it, 9007199254740992 and
    // 9007199254740993 read as one number in a JSON reader that uses doubles.
    env.ok(&[
        "invoice",
        "add",
        "--customer",
        "655080",
        "--total",
        "5",
        "--id",
        "9007199254740990",
    ]);
    let next = env.ok(&[
        "invoice",
        "add",
        "--customer",
        "655080",
        "--total",
        "5",
        "-q",
    ]);
    assert_eq!(next, "9007199254740991\n");
    env.refused(
        &["invoice", "add", "--customer", "655080", "--total", "5"],
        1,
        "error: no invoice id is left to assign: invoice 9007199254740991 has the largest, and payctl assigns ids up to 9007199254740991; give an unused id from 1 to 9007199254740991\n",
    );
    env.ok(&[
        "customer",
        "add",
        "--name",
        "Last",
        "--id",
        "9007199254740991",
    ]);
    env.refused(
        &["customer", "add", "--name", "One more"],
        1,
        "error: no customer id is left to assign: customer 9007199254740991 has the largest, and payctl assigns ids up to 9007199254740991; give an unused id from 1 to 9007199254740991\n",
    );
    env.ok(&["customer", "add", "--name", "Given", "--id", "12"]);
    env.ok(&[
        "method",
        "add",
        "--customer",
        "655080",
        "--type",
        "paypal",
        "--id",
        "9007199254740991",
    ]);
    env.refused(
        &["method", "add", "--customer", "655080", "--type", "paypal"],
        1,
        "error: no payment method id is left to assign: payment method 9007199254740991 has the largest, and payctl assigns ids up to 9007199254740991; give an unused id from 1 to 9007199254740991\n",
    );
}

#[test]
fn a_full_invoice_id_space_is_a_clear_refusal() {
    let env = Env::seeded();
    // An invoice at the largest id SQLite holds, as an older payctl accepted it.
    env.exec(
        "INSERT INTO invoices (id, invoice_number, customer_id, currency, total, effective_at, due_at, created_at)
         VALUES (9223372036854775807, 'LAST', 655080, 'USD', 500, '2026-11-01T00:00:00Z', '2026-11-01T00:00:00Z', '2026-11-01T00:00:00Z')",
    );
    env.refused(
        &["invoice", "add", "--customer", "655080", "--total", "5"],
        1,
        "error: no invoice id is left to assign: invoice 9223372036854775807 has the largest, and payctl assigns ids up to 9007199254740991; give an unused id from 1 to 9007199254740991\n",
    );
    env.ok(&[
        "invoice",
        "add",
        "--customer",
        "655080",
        "--total",
        "5",
        "--id",
        "7",
    ]);
}

/// The largest CLF amount payctl takes, 10^16 - 1 minor units: 922 of them fit in 2^63 - 1,
/// the 923rd does not.
const MAX_CLF: &str = "999999999999.9999";

/// What the CLF ledger total has room for once 922 maximal amounts are in it.
const ROOM_AFTER_922: &str = "337203685477.6729";

fn over_the_top(field: &str, room: &str) -> String {
    format!(
        "{field} {MAX_CLF} CLF would take the ledger's CLF total (every invoice and payment in CLF, added up) past 922337203685477.5807 CLF, the most payctl can sum; at most {room} CLF more can be recorded in CLF"
    )
}

#[test]
fn a_payment_that_would_overflow_a_total_is_refused_and_reads_keep_working() {
    let env = Env::new();
    clf_customer(&env, "1");
    clf_customer(&env, "2");
    let file = env.dir.path().join("max.csv");
    let mut rows = String::from("customerId,amount,paymentMethod\n");
    for _ in 0..923 {
        rows.push_str(&format!("1,{MAX_CLF},Cash\n"));
    }
    std::fs::write(&file, &rows).unwrap();
    // Without --rejects the whole file is refused; with it, the 923rd row is.
    refused_in_dir(
        &env,
        &["import", "max.csv"],
        1,
        &format!(
            "error: line 924: {}\nerror: max.csv: nothing was imported (one transaction per file); fix the rows or use --rejects FILE\n",
            over_the_top("amount", ROOM_AFTER_922)
        ),
    );
    let rejects = env.dir.path().join("rejects.csv");
    let run = in_dir(
        &env,
        &["import", "max.csv", "--rejects", rejects.to_str().unwrap()],
    );
    assert_eq!(
        (run.code, run.stdout.as_str()),
        (0, "max.csv: 923 rows, 922 imported, 0 already imported, 0 failed attempts recorded, 1 rejected\n"),
        "{}",
        run.stderr
    );
    let rejected = std::fs::read_to_string(&rejects).unwrap();
    assert_eq!(
        rejected.lines().nth(1).unwrap(),
        format!(
            "924,\"{}\",\"{{\"\"customerId\"\":\"\"1\"\",\"\"amount\"\":\"\"{MAX_CLF}\"\",\"\"paymentMethod\"\":\"\"Cash\"\"}}\"",
            over_the_top("amount", ROOM_AFTER_922)
        )
    );
    // The 923rd by hand, for this customer or another, and an invoice: refused.
    let refusal = format!("error: {}\n", over_the_top("amount", ROOM_AFTER_922));
    for customer in ["1", "2"] {
        env.refused(
            &[
                "create",
                "--customer",
                customer,
                "--amount",
                MAX_CLF,
                "--method",
                "Cash",
            ],
            1,
            &refusal,
        );
        env.refused(
            &[
                "create",
                "--customer",
                customer,
                "--amount",
                MAX_CLF,
                "--method",
                "Cash",
                "--dry-run",
            ],
            1,
            &refusal,
        );
    }
    env.refused(
        &["invoice", "add", "--customer", "2", "--total", MAX_CLF],
        1,
        &format!("error: {}\n", over_the_top("invoice total", ROOM_AFTER_922)),
    );
    // What is left still fits, to the last minor unit.
    env.ok(&[
        "create",
        "--customer",
        "2",
        "--amount",
        ROOM_AFTER_922,
        "--method",
        "Cash",
    ]);
    env.refused(
        &["invoice", "add", "--customer", "2", "--total", "0.0001"],
        1,
        "error: invoice total 0.0001 CLF would take the ledger's CLF total (every invoice and payment in CLF, added up) past 922337203685477.5807 CLF, the most payctl can sum; nothing more can be recorded in CLF\n",
    );
    // Other currencies are not affected.
    env.ok(&["customer", "add", "--id", "3", "--name", "Dollar"]);
    env.ok(&[
        "create",
        "--customer",
        "3",
        "--amount",
        "999999999999.99",
        "--method",
        "Cash",
    ]);
    // Every read works.
    let shown = env.json(&["customer", "show", "1"]);
    assert_eq!(shown["availableFunds"].to_string(), "921999999999999.9078");
    let listed = env.json(&["customer", "list"]);
    assert_eq!(listed[1]["availableFunds"].to_string(), "337203685477.6729");
    let balances = env.json(&["report", "balances"]);
    assert_eq!(balances["totals"][0]["currency"], "CLF");
    assert_eq!(
        balances["totals"][0]["availableFunds"].to_string(),
        "922337203685477.5807"
    );
    env.ok(&["report", "aging"]);
    env.ok(&["report", "statement", "--customer", "1"]);
    env.ok(&["export", "payments", "--format", "jsonl"]);
    env.ok(&["verify"]);
}

#[test]
fn two_customers_with_maximal_invoices_cannot_break_the_reports() {
    let env = Env::new();
    clf_customer(&env, "1");
    clf_customer(&env, "2");
    for customer in ["1", "2"] {
        let file = env.dir.path().join(format!("invoices-{customer}.csv"));
        let mut rows = String::from("customerId,invoiceAmount,effectiveTimestamp\n");
        for _ in 0..500 {
            rows.push_str(&format!("{customer},{MAX_CLF},2026-01-01\n"));
        }
        std::fs::write(&file, &rows).unwrap();
        let rejects = env.dir.path().join(format!("rejects-{customer}.csv"));
        let run = env.run(&[
            "import",
            file.to_str().unwrap(),
            "--kind",
            "invoices",
            "--rejects",
            rejects.to_str().unwrap(),
        ]);
        assert_eq!(run.code, 0, "{}", run.stderr);
        let rejected = std::fs::read_to_string(&rejects).unwrap();
        if customer == "1" {
            assert_eq!(rejected, "line,reason,record\n");
        } else {
            // 500 + 422 fit; rows 423..500 of the second file (lines 424..501) do not.
            assert_eq!(rejected.lines().count(), 1 + 78, "{rejected}");
            assert!(rejected.lines().nth(1).unwrap().starts_with(&format!(
                "424,\"{}\"",
                over_the_top("invoice total", ROOM_AFTER_922)
            )));
        }
    }
    let balances = env.json(&["report", "balances"]);
    assert_eq!(
        balances["totals"][0]["outstanding"].to_string(),
        "921999999999999.9078"
    );
    let aging = env.json(&["report", "aging"]);
    assert!(
        aging.to_string().contains("921999999999999.9078"),
        "{aging}"
    );
    env.ok(&["report", "aging", "--by", "invoice"]);
    env.ok(&["customer", "list"]);
    env.ok(&["report", "statement", "--customer", "2"]);
}

#[test]
fn a_ledger_an_older_payctl_filled_past_the_limit() {
    crate::sqlite_only!();
    let env = Env::new();
    clf_customer(&env, "1");
    env.ok(&["customer", "add", "--id", "2", "--name", "Dollar"]);
    env.ok(&[
        "create",
        "--customer",
        "1",
        "--amount",
        MAX_CLF,
        "--method",
        "Cash",
    ]);
    // As an older payctl (schema 3) left it: no ledger totals (nor anything of a later
    // schema: the tables, columns and triggers of migrations 7 to 10), and 923 maximal payments.
    let conn = rusqlite::Connection::open(&env.db).unwrap();
    conn.execute_batch(&format!(
        "DROP TABLE IF EXISTS currency_totals;
         DROP TABLE IF EXISTS bank_line_events; DROP TABLE IF EXISTS bank_proposals;
         DROP TABLE IF EXISTS bank_lines; DROP TABLE IF EXISTS bank_statements;
         DROP TABLE period_events; DROP INDEX payments_duplicate;
         DROP TRIGGER invoices_due_moves; DROP TRIGGER customers_fixed;
         DROP TABLE invoice_adjustments; DROP TABLE credit_write_off_parts; DROP TABLE credit_write_offs;
         DROP TRIGGER allocations_balance; DROP TRIGGER refunds_balance;
         DROP TRIGGER invoice_balances_closes; DROP TRIGGER invoice_balances_reopens;
         ALTER TABLE invoice_balances DROP COLUMN adjusted;
         ALTER TABLE payment_balances DROP COLUMN written_off;
         {WITHOUT_BALANCE_FACTS}
         PRAGMA user_version = 3;
         WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 922)
         INSERT INTO payments (customer_id, amount, currency, method, source, effective_at, gateway_fee,
                               initial_settlement, created_at)
         SELECT 1, 9999999999999999, 'CLF', 'Cash', 'Manual', '2026-11-21T10:00:00Z', 0, 'Successful',
                '2026-11-21T10:00:00Z' FROM n;",
        WITHOUT_BALANCE_FACTS = crate::common::WITHOUT_BALANCE_FACTS
    ))
    .unwrap();
    drop(conn);
    // Reads say what is wrong (the file cannot be read as it is: exit 74).
    let db = env.db.display().to_string();
    for args in [
        &["customer", "show", "1"][..],
        &["customer", "list"],
        &["report", "balances"],
    ] {
        let run = env.run(args);
        assert_eq!(
            (run.code, run.stderr),
            (74, format!("error: ledger {db}: its amounts add up past what payctl can count (a total over 2^63 - 1 minor units); an older payctl recorded them, and this one refuses any write that would add to such a total\n")),
            "{args:?}"
        );
    }
    // The first write brings the schema up to date and finds the CLF total full; USD still works.
    let run = env.run(&[
        "create",
        "--customer",
        "1",
        "--amount",
        "0.0001",
        "--method",
        "Cash",
    ]);
    assert_eq!(
        (run.code, run.stderr.as_str()),
        (1, "error: amount 0.0001 CLF would take the ledger's CLF total (every invoice and payment in CLF, added up) past 922337203685477.5807 CLF, the most payctl can sum; nothing more can be recorded in CLF\n")
    );
    env.ok(&[
        "create",
        "--customer",
        "2",
        "--amount",
        "1",
        "--method",
        "Cash",
    ]);
}
