//! Issue 20's remaining gaps, on whichever engine the suite runs on: camt.053 batch entries
//! whose parts do not add up, MT940 `:86:` text wrapped by the bank at 65 characters, a
//! remittance naming an invoice that is already paid, and `bank apply --suggested` through the
//! import's batch (across batch boundaries, with a proposal that no longer fits).

use std::path::PathBuf;

use serde_json::{json, Value};

use crate::common::Env;

fn fixture(name: &str) -> String {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/bank")
        .join(name)
        .display()
        .to_string()
}

fn write(env: &Env, name: &str, text: &str) -> String {
    let path = env.dir.path().join(name);
    std::fs::write(&path, text).unwrap();
    path.display().to_string()
}

/// The batch entry of camt053_v04.xml (2026110100002: 100.00 in two transactions of 60.00
/// and 40.00), with `Btch` in front of its transactions.
fn with_batch(camt: &str, count: &str, total: &str) -> String {
    let from = "<NtryDtls>\n          <TxDtls>\n            <Refs><AcctSvcrRef>2026110100002-1";
    assert!(camt.contains(from));
    camt.replace(
        from,
        &format!(
            "<NtryDtls>\n          <Btch><NbOfTxs>{count}</NbOfTxs><TtlAmt Ccy=\"EUR\">{total}</TtlAmt><CdtDbtInd>CRDT</CdtDbtInd></Btch>\n          <TxDtls>\n            <Refs><AcctSvcrRef>2026110100002-1"
        ),
    )
}

#[test]
fn a_batch_entry_whose_parts_do_not_add_up_is_refused_and_nothing_is_written() {
    let env = Env::new();
    let camt = std::fs::read_to_string(fixture("camt053_v04.xml")).unwrap();
    env.ok(&["customer", "add", "--id", "1", "--name", "Someone"]);

    let parts = write(
        &env,
        "parts.xml",
        &camt.replace(
            "<TxAmt><Amt Ccy=\"EUR\">60.00</Amt></TxAmt>",
            "<TxAmt><Amt Ccy=\"EUR\">55.00</Amt></TxAmt>",
        ),
    );
    env.refused(
        &["bank", "import", &parts],
        1,
        &format!("error: {parts}: line 48: entry 2026110100002 (Ntry): its transactions (TxDtls) add up to 95.00 but the entry's amount (Amt) is 100.00; a batch must add up to its entry; nothing was imported\n"),
    );
    let count = write(&env, "count.xml", &with_batch(&camt, "3", "100.00"));
    env.refused(
        &["bank", "import", &count],
        1,
        &format!("error: {count}: line 48: entry 2026110100002 (Ntry): its batch says 3 transactions (Btch/NbOfTxs) but it holds 2 TxDtls; nothing was imported\n"),
    );
    let total = write(&env, "total.xml", &with_batch(&camt, "2", "90.00"));
    env.refused(
        &["bank", "import", &total],
        1,
        &format!("error: {total}: line 48: entry 2026110100002 (Ntry): its batch total (Btch/TtlAmt) is 90.00 but the entry's amount (Amt) is 100.00; a batch must add up to its entry; nothing was imported\n"),
    );
    // A lone transaction's amount must be the entry's too (it is the line's amount).
    let lone = write(
        &env,
        "lone.xml",
        &camt.replace(
            "<Refs><EndToEndId>E2E-0042</EndToEndId></Refs>",
            "<Refs><EndToEndId>E2E-0042</EndToEndId></Refs><Amt Ccy=\"EUR\">205.00</Amt>",
        ),
    );
    env.refused(
        &["bank", "import", &lone],
        1,
        &format!("error: {lone}: line 28: entry 2026110100001 (Ntry): its transactions (TxDtls) add up to 205.00 but the entry's amount (Amt) is 250.00; a batch must add up to its entry; nothing was imported\n"),
    );
    assert_eq!(env.sql_lines("SELECT count(*) FROM bank_lines"), vec!["0"]);
    // The batch's own figures agree: imported, one line per transaction.
    let good = write(&env, "good.xml", &with_batch(&camt, "2", "100.00"));
    let summary = env.json(&["bank", "import", &good]);
    assert_eq!(summary[0]["creditsNew"], 3, "{summary}");
}

fn euro_customer_with_invoices(env: &Env, invoices: &[(&str, &str, &str)]) {
    env.ok(&[
        "customer",
        "add",
        "--id",
        "7",
        "--name",
        "Delta Trading BV",
        "--currency",
        "EUR",
    ]);
    for (id, number, total) in invoices {
        env.ok(&[
            "invoice",
            "add",
            "--id",
            id,
            "--customer",
            "7",
            "--number",
            number,
            "--total",
            total,
            "--date",
            "2026-10-01",
            "--terms",
            "net30",
        ]);
    }
}

fn summary(p: &Value) -> Value {
    json!({
        "line": p["lineId"],
        "customer": p["customerId"],
        "reason": p["reason"],
        "allocations": p["allocations"].as_array().unwrap().iter()
            .map(|a| format!("{}={}", a["invoiceNumber"].as_str().unwrap(), a["amount"]))
            .collect::<Vec<_>>(),
    })
}

#[test]
fn an_mt940_text_wrapped_at_65_characters_is_joined_and_its_invoice_numbers_matched() {
    let env = Env::new();
    euro_customer_with_invoices(
        &env,
        &[
            ("71", "INV-2026-0042", "100.00"),
            ("72", "INV-2026-0043", "50.00"),
            ("73", "INV-2026-0044", "30.00"),
        ],
    );
    env.ok(&["bank", "import", &fixture("mt940_wrapped.sta")]);
    let lines = env.json(&["bank", "list"]);
    // Line 1: both breaks come after a line the bank filled to the width (the first with its
    // `:86:` tag), inside words: joined with nothing.
    assert_eq!(
        lines[0]["remittance"],
        "/EREF/NOTPROVIDED//CNTP/NL91ABNA0417164300/ABNANL2A/Delta Trading BV/AMSTERDAM//REMI/USTD//Payment for our two invoices INV-2026-0042 and INV-2026-0043, thank you/"
    );
    assert_eq!(lines[0]["payerName"], "Delta Trading BV");
    assert_eq!(lines[0]["payerAccount"], "NL91ABNA0417164300");
    // Line 2: short lines ended where the writer ended them: a space joins them, so the
    // name keeps its two words (and the invoice number its break, which matching ignores).
    assert_eq!(
        lines[1]["remittance"],
        "/EREF/NOTPROVIDED//CNTP/NL39RABO0300065264/RABONL2U/Sigma VOF///REMI/USTD//order INV-2026- 0044/"
    );
    assert_eq!(lines[1]["payerName"], "Sigma VOF");
    let got = env.json(&["bank", "match"]);
    assert_eq!(
        got.as_array()
            .unwrap()
            .iter()
            .map(summary)
            .collect::<Vec<_>>(),
        vec![
            json!({"line": 1, "customer": 7, "reason": "invoice_number", "allocations": ["INV-2026-0042=100.00", "INV-2026-0043=50.00"]}),
            json!({"line": 2, "customer": 7, "reason": "invoice_number", "allocations": ["INV-2026-0044=30.00"]}),
        ]
    );
}

#[test]
fn a_remittance_naming_a_paid_invoice_proposes_its_customer_with_nothing_allocated() {
    let env = Env::new();
    euro_customer_with_invoices(
        &env,
        &[
            ("71", "INV-2026-0042", "100.00"),
            ("72", "INV-2026-0043", "50.00"),
        ],
    );
    env.ok(&[
        "create",
        "--customer",
        "7",
        "--amount",
        "100",
        "--method",
        "Cash",
        "--allocate",
        "71=100",
    ]);
    let csv = write(
        &env,
        "konto.csv",
        "date,amount,payer,text,id\n2026-11-02,100.00,Delta,\"Rechnung INV 2026 0042, second reminder\",T1\n",
    );
    env.ok(&[
        "bank",
        "import",
        &csv,
        "--map",
        "date=date,amount=amount,payer=payer,reference=text,id=id,currency_code=EUR",
    ]);
    let got = env.json(&["bank", "match"]);
    assert_eq!(
        summary(&got[0]),
        json!({"line": 1, "customer": 7, "reason": "invoice_number", "allocations": []})
    );
    assert_eq!(
        got[0]["detail"],
        "invoice INV-2026-0042 of customer 7 (Delta Trading BV) is already paid; the whole 100.00 EUR would be the customer's available funds (unallocated)"
    );
    // Applied as the customer's unallocated money; INV-2026-0043 is left for a clerk.
    let applied = env.json(&["bank", "apply", "--suggested"]);
    assert_eq!(applied[0]["customerId"], 7);
    assert_eq!(applied[0]["unallocatedAmount"].to_string(), "100.00");
    assert_eq!(applied[0]["invoiceAllocations"], json!([]));
    let open = env.json(&["invoice", "show", "72"]);
    assert_eq!(open["outstandingBalance"].to_string(), "50.00");
    env.ok(&["verify"]);
}

#[test]
fn paid_invoices_of_two_customers_named_are_ambiguous() {
    let env = Env::new();
    euro_customer_with_invoices(&env, &[("71", "INV-2026-0042", "100.00")]);
    env.ok(&[
        "customer",
        "add",
        "--id",
        "8",
        "--name",
        "Echo SA",
        "--currency",
        "EUR",
    ]);
    env.ok(&[
        "invoice",
        "add",
        "--id",
        "81",
        "--customer",
        "8",
        "--number",
        "E-2026-0007",
        "--total",
        "20.00",
        "--date",
        "2026-10-01",
    ]);
    for (customer, invoice, amount) in [("7", "71", "100"), ("8", "81", "20")] {
        env.ok(&[
            "create",
            "--customer",
            customer,
            "--amount",
            amount,
            "--method",
            "Cash",
            "--allocate",
            &format!("{invoice}={amount}"),
        ]);
    }
    let csv = write(
        &env,
        "konto.csv",
        "date,amount,text,id\n2026-11-02,120.00,INV-2026-0042 and E-2026-0007,T1\n",
    );
    env.ok(&[
        "bank",
        "import",
        &csv,
        "--map",
        "date=date,amount=amount,reference=text,id=id,currency_code=EUR",
    ]);
    let got = env.json(&["bank", "match"]);
    assert_eq!(
        summary(&got[0]),
        json!({"line": 1, "customer": null, "reason": "ambiguous", "allocations": []})
    );
    assert_eq!(
        got[0]["detail"],
        "the remittance names paid invoices of more than one customer: INV-2026-0042 of customer 7, E-2026-0007 of customer 8"
    );
}

#[test]
fn apply_suggested_goes_through_the_batch_across_its_boundaries_and_skips_what_no_longer_fits() {
    let env = Env::new();
    euro_customer_with_invoices(
        &env,
        &[
            ("71", "INV-1001", "10.00"),
            ("72", "INV-1002", "20.00"),
            ("73", "INV-1003", "30.00"),
            ("74", "INV-1004", "40.00"),
            ("75", "INV-1005", "50.00"),
        ],
    );
    let mut csv = "date,amount,text,id\n".to_string();
    for (n, amount) in [
        (1, "10.00"),
        (2, "20.00"),
        (3, "30.00"),
        (4, "40.00"),
        (5, "55.00"),
    ] {
        csv.push_str(&format!("2026-11-0{n},{amount},paying INV-100{n},T{n}\n"));
    }
    let csv = write(&env, "konto.csv", &csv);
    env.ok(&[
        "bank",
        "import",
        &csv,
        "--map",
        "date=date,amount=amount,reference=text,id=id,currency_code=EUR",
    ]);
    env.ok(&["bank", "match"]);
    // Invoice 73 is paid by hand after the match: line 3's proposal no longer fits.
    env.ok(&[
        "create",
        "--customer",
        "7",
        "--amount",
        "30",
        "--method",
        "Cash",
        "--allocate",
        "73=30",
    ]);
    let before = env.snapshot();
    let dry = env.run(&["bank", "apply", "--suggested", "--dry-run", "-o", "json"]);
    assert_eq!(dry.code, 0, "{}", dry.stderr);
    assert_eq!(before, env.snapshot(), "a dry run wrote");
    let run = env
        .command(&["bank", "apply", "--suggested", "-q"])
        .env("PAYCTL_IMPORT_BATCH_ROWS", "2")
        .output()
        .unwrap();
    assert_eq!(run.status.code(), Some(0));
    assert_eq!(
        String::from_utf8_lossy(&run.stderr),
        "warning: bank line 3 skipped: its proposal (run 1) no longer fits: invoice 73 is paid; only unpaid or partially_paid invoices take payments\n"
    );
    // Payment 1 is the one made by hand; the lines' follow in booking order.
    assert_eq!(String::from_utf8_lossy(&run.stdout), "2\n3\n4\n5\n");
    let dry: Value = serde_json::from_str(&dry.stdout).unwrap();
    assert_eq!(dry.as_array().map(Vec::len), Some(4), "{dry}");
    assert_eq!(
        env.sql_lines("SELECT line_id, kind, payment_id FROM bank_line_events ORDER BY line_id"),
        vec!["1|applied|2", "2|applied|3", "4|applied|4", "5|applied|5"]
    );
    assert_eq!(
        env.sql_lines(
            "SELECT payment_id, invoice_id, amount FROM allocations ORDER BY payment_id, invoice_id"
        ),
        vec!["1|73|3000", "2|71|1000", "3|72|2000", "4|74|4000", "5|75|5000"]
    );
    // Every invoice is paid; line 5's 5.00 over INV-1005 is the customer's available funds.
    let invoices = env.json(&["invoice", "list"]);
    for invoice in invoices.as_array().unwrap() {
        assert_eq!(invoice["status"], "paid", "{invoice}");
    }
    let p5 = env.json(&["show", "5"]);
    assert_eq!(p5["unallocatedAmount"].to_string(), "5.00");
    assert_eq!(
        env.sql_lines(
            "SELECT count(*) FROM audit_events WHERE action = 'bank.apply' OR action = 'payment.create'"
        ),
        vec!["9"]
    );
    env.ok(&["verify"]);
    // Nothing is left to apply.
    assert_eq!(env.ok(&["bank", "apply", "--suggested", "-q"]), "");
}
