//! `payctl bank match` and `payctl bank apply` (SPEC §11, issue 20 items 2 and 3), on either
//! engine. The statement lines are written straight into the ledger (as `bank import` stores
//! them, schema 008), so that these tests do not depend on a file format.

use serde_json::{json, Value};

use crate::common::Env;

/// Customers 1 Acme and 2 Bolt (USD) with invoices:
/// 11 INV-2026-0042 (100.00), 12 INV-2026-0043 (50.00) of Acme;
/// 21 B-7001 (70.00), 22 B-7002 (45.00), 23 B-7003 (99.99) of Bolt.
fn ledger() -> Env {
    let env = Env::new();
    for (id, name) in [("1", "Acme Corp"), ("2", "Bolt Ltd")] {
        env.ok(&["customer", "add", "--id", id, "--name", name]);
    }
    for (id, customer, number, total, date) in [
        ("11", "1", "INV-2026-0042", "100.00", "2026-01-01"),
        ("12", "1", "INV-2026-0043", "50.00", "2026-01-15"),
        ("21", "2", "B-7001", "70.00", "2026-01-01"),
        ("22", "2", "B-7002", "45.00", "2026-01-02"),
        ("23", "2", "B-7003", "99.99", "2026-01-03"),
    ] {
        env.ok(&[
            "invoice",
            "add",
            "--id",
            id,
            "--customer",
            customer,
            "--number",
            number,
            "--total",
            total,
            "--date",
            date,
            "--terms",
            "net30",
        ]);
    }
    env.exec(
        "INSERT INTO bank_statements (id, format, account, statement_ref, currency, opening, closing,
             opening_date, closing_date, credit_count, credit_total, debit_count, debit_total, file_name, created_at)
         VALUES (1, 'camt053', 'DE89370400440532013000', 'STMT-1', 'USD', 0, 0, '2026-02-01', '2026-02-28',
                 0, 0, 0, 0, 'statement.xml', '2026-03-01T00:00:00Z')",
    );
    env
}

/// Adds credit line `id` to statement 1 (amount in cents).
fn line(env: &Env, id: i64, date: &str, cents: i64, payer: (&str, &str), remittance: &str) {
    let text = |s: &str| {
        if s.is_empty() {
            "NULL".to_string()
        } else {
            format!("'{}'", s.replace('\'', "''"))
        }
    };
    env.exec(&format!(
        "INSERT INTO bank_lines (id, statement_id, bank_ref, line_no, booking_date, value_date, amount, currency,
             payer_name, payer_account, remittance, created_at)
         VALUES ({id}, 1, 'DE89370400440532013000/E{id}', {id}, '{date}', NULL, {cents}, 'USD', {}, {}, {}, '2026-03-01T00:00:00Z')",
        text(payer.0),
        text(payer.1),
        text(remittance)
    ));
}

fn proposals(env: &Env, args: &[&str]) -> Vec<Value> {
    let mut full = vec!["bank", "match"];
    full.extend_from_slice(args);
    env.json(&full).as_array().expect("a JSON array").clone()
}

fn summary(p: &Value) -> Value {
    json!({
        "line": p["lineId"],
        "customer": p["customerId"],
        "reason": p["reason"],
        "allocations": p["allocations"].as_array().unwrap().iter()
            .map(|a| format!("{}={}", a["invoiceId"], a["amount"])).collect::<Vec<_>>(),
    })
}

fn count(env: &Env, sql: &str) -> i64 {
    env.sql(sql)[0][0].parse().unwrap()
}

#[test]
fn remittance_naming_an_invoice_is_matched_and_applied_with_that_allocation() {
    let env = ledger();
    line(
        &env,
        1,
        "2026-02-03",
        6000,
        ("ACME CORP", "GB29NWBK60161331926819"),
        "Payment inv 2026/0042 thank you",
    );
    let got = proposals(&env, &[]);
    assert_eq!(
        got.iter().map(summary).collect::<Vec<_>>(),
        vec![
            json!({"line": 1, "customer": 1, "reason": "invoice_number", "allocations": ["11=60.00"]})
        ]
    );
    assert_eq!(got[0]["run"], 1);
    assert_eq!(
        got[0]["detail"],
        "remittance names invoice INV-2026-0042 of customer 1 (Acme Corp)"
    );

    let applied = env.json(&["bank", "apply", "--suggested"]);
    let payment = &applied[0];
    assert_eq!(payment["customerId"], 1);
    assert_eq!(payment["amount"].to_string(), "60.00");
    assert_eq!(payment["paymentMethod"], "DirectDeposit");
    assert_eq!(payment["source"], "Import");
    assert_eq!(payment["reference"], "DE89370400440532013000/E1");
    assert_eq!(payment["settlement"]["status"], "Pending");
    assert!(payment["effectiveTimestamp"]
        .as_str()
        .unwrap()
        .starts_with("2026-02-03"));
    assert_eq!(
        payment["invoiceAllocations"][0]["invoiceId"], 11,
        "{payment}"
    );
    assert_eq!(
        payment["invoiceAllocations"][0]["amount"].to_string(),
        "60.00"
    );
    assert_eq!(payment["touchedInvoices"][0]["status"], "partially_paid");
    assert_eq!(
        env.sql_lines("SELECT line_id, kind, payment_id FROM bank_line_events"),
        vec!["1|applied|1"]
    );
    assert_eq!(
        env.sql_lines("SELECT action FROM audit_events WHERE action LIKE 'bank.%' ORDER BY id"),
        vec!["bank.match", "bank.apply"]
    );
    // Nothing left to match; verify finds the ledger whole.
    assert_eq!(proposals(&env, &[]), Vec::<Value>::new());
    env.ok(&["verify"]);
}

#[test]
fn payer_seen_on_an_applied_line_is_matched_to_that_customer() {
    let env = ledger();
    let payer = ("Bolt Ltd Treasury", "NL91 ABNA 0417 1643 00");
    line(&env, 1, "2026-02-01", 1000, payer, "February");
    env.ok(&["bank", "apply", "1", "--customer", "2", "--auto-allocate"]);
    // Same account written without spaces, a different name: the account decides.
    line(
        &env,
        2,
        "2026-02-10",
        8000,
        ("BOLT TREASURY", "NL91ABNA0417164300"),
        "March",
    );
    let got = proposals(&env, &[]);
    assert_eq!(
        got.iter().map(summary).collect::<Vec<_>>(),
        // Bolt's oldest first: 21 owes 60.00 after line 1's 10.00, then 22.
        vec![
            json!({"line": 2, "customer": 2, "reason": "payer_history", "allocations": ["21=60.00", "22=20.00"]})
        ]
    );
    assert!(
        got[0]["detail"].as_str().unwrap().starts_with(
            "payer account 'NL91ABNA0417164300' was applied to customer 2 (Bolt Ltd) on line 1"
        ),
        "{}",
        got[0]["detail"]
    );
}

#[test]
fn amount_of_one_invoice_and_of_a_set_of_one_customers_invoices() {
    let env = ledger();
    line(&env, 1, "2026-02-01", 9999, ("Someone", ""), "");
    line(&env, 2, "2026-02-02", 11500, ("Someone Else", ""), "");
    line(&env, 3, "2026-02-03", 123, ("Nobody", ""), "gift");
    let got = proposals(&env, &[]);
    assert_eq!(
        got.iter().map(summary).collect::<Vec<_>>(),
        vec![
            json!({"line": 1, "customer": 2, "reason": "amount_one_invoice", "allocations": ["23=99.99"]}),
            json!({"line": 2, "customer": 2, "reason": "amount_invoice_set", "allocations": ["21=70.00", "22=45.00"]}),
            json!({"line": 3, "customer": null, "reason": "none", "allocations": []}),
        ]
    );
    assert_eq!(
        got[1]["detail"],
        "amount 115.00 USD equals what invoices B-7001 + B-7002 of customer 2 (Bolt Ltd) owe together"
    );
    assert_eq!(env.ok(&["bank", "apply", "--suggested", "-q"]), "1\n2\n");
    assert_eq!(
        env.sql_lines("SELECT invoice_id, amount FROM allocations ORDER BY id"),
        vec!["23|9999", "21|7000", "22|4500"]
    );
    // Line 3 stays unapplied; the table says why.
    let table = env.ok(&["bank", "match"]);
    assert!(
        table.starts_with("Bank match run 2: 1 line, 0 suggested, 0 ambiguous, 1 unmatched\n"),
        "{table}"
    );
}

#[test]
fn an_ambiguous_line_is_not_applied() {
    let env = ledger();
    // 50.00 is what 12 owes (Acme), and what 21 + ... no: make a second 50.00 invoice of Bolt.
    env.ok(&[
        "invoice",
        "add",
        "--id",
        "24",
        "--customer",
        "2",
        "--number",
        "B-7004",
        "--total",
        "50.00",
        "--date",
        "2026-01-04",
    ]);
    line(&env, 1, "2026-02-01", 5000, ("Who", ""), "");
    let got = proposals(&env, &[]);
    assert_eq!(got[0]["reason"], "ambiguous");
    assert_eq!(got[0]["customerId"], Value::Null);
    assert_eq!(
        got[0]["detail"],
        "amount 50.00 USD equals what 2 open invoices owe: INV-2026-0043 of customer 1, B-7004 of customer 2"
    );
    let before = env.snapshot();
    let out = env.ok(&["bank", "apply", "--suggested"]);
    assert!(out.starts_with("Applied 0 bank lines\n"), "{out}");
    // Only the empty apply's nothing: no payment, no event.
    assert_eq!(count(&env, "SELECT count(*) FROM payments"), 0);
    assert_eq!(before, env.snapshot());
    env.refused(
        &["bank", "apply", "1"],
        1,
        "error: bank line 1 has no proposal to apply: its newest proposal (run 1) is ambiguous: amount 50.00 USD equals what 2 open invoices owe: INV-2026-0043 of customer 1, B-7004 of customer 2; give --customer N with --allocate INV=AMOUNT or --auto-allocate\n",
    );
    // The clerk decides.
    env.ok(&[
        "bank",
        "apply",
        "1",
        "--customer",
        "2",
        "--allocate",
        "24=50",
    ]);
    assert_eq!(
        env.sql_lines("SELECT invoice_id, amount FROM allocations"),
        vec!["24|5000"]
    );
}

#[test]
fn applying_a_line_again_replays_the_first_payment() {
    let env = ledger();
    line(&env, 1, "2026-02-01", 2500, ("Acme", ""), "INV-2026-0043");
    env.ok(&["bank", "match"]);
    let first = env.ok(&["bank", "apply", "1", "-q"]);
    assert_eq!(first, "1\n");
    let again = env.ok(&["bank", "apply", "1"]);
    assert!(
        again
            .starts_with("Bank line 1 was already applied as payment 1; nothing new was written\n"),
        "{again}"
    );
    assert_eq!(count(&env, "SELECT count(*) FROM payments"), 1);
    assert_eq!(count(&env, "SELECT count(*) FROM bank_line_events"), 1);
    // --suggested looks only at lines not yet applied.
    let out = env.ok(&["bank", "apply", "--suggested"]);
    assert!(out.starts_with("Applied 0 bank lines\n"), "{out}");
    // Another request for an applied line is refused: its payment stands.
    env.refused(
        &["bank", "apply", "1", "--customer", "2"],
        1,
        "error: bank line 1 is already applied as payment 1, with a different customer or allocations; void that payment first to apply it otherwise\n",
    );
}

#[test]
fn an_ignored_line_is_refused_and_a_missing_line_is_not_found() {
    let env = ledger();
    line(&env, 1, "2026-02-01", 2500, ("Bank", ""), "interest");
    env.exec(
        "INSERT INTO bank_line_events (line_id, kind, payment_id, reason, created_at)
         VALUES (1, 'ignored', NULL, 'interest, not a customer payment', '2026-03-01T00:00:00Z')",
    );
    env.refused(
        &["bank", "apply", "1", "--customer", "1"],
        1,
        "error: bank line 1 is ignored; an ignored line is never applied\n",
    );
    env.refused(
        &["bank", "apply", "7", "--customer", "1"],
        3,
        "error: bank line 7 not found; list bank lines with: payctl bank list\n",
    );
    // Nothing to match: exit 0, and no run is stored.
    let out = env.ok(&["bank", "match"]);
    assert_eq!(
        out,
        "No bank lines to match: every line is applied or ignored\n"
    );
    assert_eq!(count(&env, "SELECT count(*) FROM bank_proposals"), 0);
}

#[test]
fn dry_runs_write_nothing_and_print_what_would_be_written() {
    let env = ledger();
    line(&env, 1, "2026-02-01", 2500, ("Acme", ""), "INV-2026-0043");
    let before = env.snapshot();
    let got = proposals(&env, &["--dry-run"]);
    assert_eq!(got[0]["reason"], "invoice_number");
    assert_eq!(got[0]["run"], Value::Null);
    let csv = env.ok(&["bank", "match", "--dry-run", "-o", "csv"]);
    assert_eq!(
        csv,
        "lineId,bookingDate,amount,currency,payerName,customerId,reason,allocations,detail\n\
         1,2026-02-01,25.00,USD,Acme,1,invoice_number,12=25.00,remittance names invoice INV-2026-0043 of customer 1 (Acme Corp)\n"
    );
    let jsonl = env.ok(&["bank", "match", "--dry-run", "-o", "jsonl"]);
    assert_eq!(jsonl.lines().count(), 1, "{jsonl}");
    assert_eq!(before, env.snapshot());
    env.ok(&["bank", "match"]);
    let before = env.snapshot();
    let out = env.ok(&["bank", "apply", "--suggested", "--dry-run"]);
    assert!(
        out.starts_with(
            "Dry run: nothing was written. A real run would say: Applied 1 bank line (25.00 USD)\n"
        ),
        "{out}"
    );
    let one = env.json(&["bank", "apply", "1", "--dry-run"]);
    assert_eq!(one["dryRun"], true);
    assert_eq!(one["touchedInvoices"][0]["invoiceId"], 12);
    assert_eq!(before, env.snapshot());
    let csv = env.ok(&["bank", "apply", "1", "--dry-run", "-o", "csv"]);
    assert!(csv.lines().nth(1).unwrap().contains(",true,12:"), "{csv}");
    assert_eq!(before, env.snapshot());
}

#[test]
fn two_lines_are_never_proposed_onto_one_remaining_balance() {
    let env = ledger();
    line(&env, 2, "2026-02-01", 8000, ("Acme", ""), "INV-2026-0042");
    line(
        &env,
        1,
        "2026-02-01",
        8000,
        ("Acme", ""),
        "inv-2026-0042 again",
    );
    let got = proposals(&env, &[]);
    assert_eq!(
        got.iter().map(summary).collect::<Vec<_>>(),
        vec![
            json!({"line": 1, "customer": 1, "reason": "invoice_number", "allocations": ["11=80.00"]}),
            json!({"line": 2, "customer": 1, "reason": "invoice_number", "allocations": ["11=20.00"]}),
        ]
    );
    assert!(got[1]["detail"]
        .as_str()
        .unwrap()
        .ends_with("; 60.00 USD left unallocated"));
    env.ok(&["bank", "apply", "--suggested"]);
    let invoice = env.json(&["invoice", "show", "11"]);
    assert_eq!(invoice["status"], "paid");
    assert_eq!(invoice["outstandingBalance"].to_string(), "0.00");
    env.ok(&["verify"]);
}

#[test]
fn a_proposal_that_no_longer_fits_is_skipped_not_forced() {
    let env = ledger();
    line(&env, 1, "2026-02-01", 5000, ("Acme", ""), "INV-2026-0043");
    line(&env, 2, "2026-02-02", 9999, ("Bolt", ""), "");
    env.ok(&["bank", "match"]);
    // Meanwhile someone records invoice 12's payment by hand.
    env.ok(&[
        "create",
        "--customer",
        "1",
        "--amount",
        "50",
        "--method",
        "Cash",
        "--allocate",
        "12=50",
    ]);
    let run = env.run(&["bank", "apply", "--suggested"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(
        run.stderr,
        "warning: bank line 1 skipped: its proposal (run 1) no longer fits: invoice 12 is paid; only unpaid or partially_paid invoices take payments\n"
    );
    assert!(
        run.stdout
            .starts_with("Applied 1 bank line (99.99 USD); 1 skipped (see above)\n"),
        "{}",
        run.stdout
    );
    assert_eq!(
        env.sql_lines("SELECT line_id, kind FROM bank_line_events"),
        vec!["2|applied"]
    );
    // Matched again, line 1 names only a paid invoice: its customer is proposed, with the
    // whole line unallocated (the customer's available funds).
    let got = proposals(&env, &[]);
    assert_eq!(
        summary(&got[0]),
        json!({"line": 1, "customer": 1, "reason": "invoice_number", "allocations": []})
    );
    assert_eq!(
        got[0]["detail"],
        "invoice INV-2026-0043 of customer 1 (Acme Corp) is already paid; the whole 50.00 USD would be the customer's available funds (unallocated)"
    );
}

#[test]
fn a_card_number_in_the_remittance_never_reaches_the_payment() {
    let env = ledger();
    // A fingerprinted line (no bank id): the remittance becomes the reference, masked.
    env.exec(
        "INSERT INTO bank_lines (id, statement_id, bank_ref, line_no, booking_date, amount, currency,
             payer_name, remittance, created_at)
         VALUES (1, 1, 'fp:0f0f', 1, '2026-02-01', 2500, 'USD', 'Acme', 'INV-2026-0043 card 4111 1111 1111 1111', '2026-03-01T00:00:00Z')",
    );
    env.ok(&["bank", "match"]);
    let payment = env.json(&["bank", "apply", "1"]);
    let reference = payment["reference"].as_str().unwrap();
    assert!(!reference.contains("4111 1111 1111 1111"), "{reference}");
    assert!(reference.starts_with("INV-2026-0043 card "), "{reference}");
    assert!(reference.ends_with("1111"), "{reference}");
}

#[test]
fn an_imported_statement_is_matched_applied_and_a_reimport_adds_nothing() {
    let env = ledger();
    let path = env.dir.path().join("statement.csv");
    std::fs::write(
        &path,
        "Date,Amount,Currency,Name,IBAN,Purpose,Ref\n\
         2026-02-03,60.00,USD,ACME CORP,GB29NWBK60161331926819,Payment inv 2026/0042,E1\n\
         2026-02-04,115.00,USD,Bolt Ltd,NL91ABNA0417164300,,E2\n\
         2026-02-05,-12.00,USD,Bank,,fees,E3\n",
    )
    .unwrap();
    let path = path.display().to_string();
    let map = "date=Date,amount=Amount,currency=Currency,payer=Name,account=IBAN,reference=Purpose,id=Ref";
    env.ok(&["bank", "import", &path, "--map", map]);
    let got = proposals(&env, &[]);
    assert_eq!(
        got.iter().map(summary).collect::<Vec<_>>(),
        vec![
            json!({"line": 1, "customer": 1, "reason": "invoice_number", "allocations": ["11=60.00"]}),
            json!({"line": 2, "customer": 2, "reason": "amount_invoice_set", "allocations": ["21=70.00", "22=45.00"]}),
        ]
    );
    assert_eq!(env.ok(&["bank", "apply", "--suggested", "-q"]), "1\n2\n");
    env.ok(&["bank", "import", &path, "--map", map]);
    assert_eq!(count(&env, "SELECT count(*) FROM bank_lines"), 2);
    let applied = env.json(&["bank", "list", "--status", "applied"]);
    assert_eq!(applied.as_array().unwrap().len(), 2, "{applied}");
    assert_eq!(
        proposals(&env, &[]),
        Vec::<Value>::new(),
        "nothing left to match"
    );
    env.ok(&["verify"]);
}
