//! Issue 15, import and JSON input parsing: records capped at 1 MiB in every format, a JSON
//! key given twice refused at any depth in every JSON input, a byte-order mark accepted in
//! JSON, long problem lists capped at 50, and InvoiceMethodInsert failed attempts that keep
//! their currency, date and source.

use std::process::Command;

use crate::common::{Env, Run};

fn write(env: &Env, name: &str, content: &[u8]) -> String {
    let path = env.dir.path().join(name);
    std::fs::write(&path, content).unwrap();
    path.to_string_lossy().into_owned()
}

/// Runs payctl with at most 1 GiB of address space: a reader that buffers a whole endless
/// input fails fast (and visibly) instead of taking the machine's memory.
fn run_bounded(env: &Env, args: &[&str]) -> Run {
    let inner = env.command(args);
    let mut cmd = Command::new("sh");
    cmd.arg("-c")
        .arg("ulimit -v 1048576 && exec \"$@\"")
        .arg("sh")
        .arg(inner.get_program())
        .args(inner.get_args());
    for (k, v) in inner.get_envs() {
        match v {
            Some(v) => cmd.env(k, v),
            None => cmd.env_remove(k),
        };
    }
    let out = cmd.output().expect("run payctl");
    Run {
        code: out.status.code().unwrap_or(-1),
        stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
    }
}

#[track_caller]
fn refused_bounded(env: &Env, args: &[&str], code: i32, stderr: &str) {
    let before = env.snapshot();
    let run = run_bounded(env, args);
    assert_eq!(
        (run.code, run.stderr.as_str(), run.stdout.as_str()),
        (code, stderr, ""),
        "payctl {args:?}"
    );
    assert_eq!(before, env.snapshot(), "payctl {args:?} changed the ledger");
}

const TOO_LONG: &str =
    "a record is longer than 1 MiB (1048576 bytes), the most payctl reads; nothing was imported";

#[test]
fn endless_input_is_refused_in_every_import_format() {
    let env = Env::seeded();
    for (format, place) in [
        ("csv", "line 1"),
        ("jsonl", "line 1"),
        ("xml", "record 1, at line 1"),
    ] {
        refused_bounded(
            &env,
            &["import", "/dev/zero", "--format", format],
            1,
            &format!("error: /dev/zero: {place}: {TOO_LONG}\n"),
        );
    }
    // An endless JSON document of spaces: one record, never finished.
    refused_bounded(
        &env,
        &["import", "/dev/zero", "--format", "json"],
        1,
        "error: /dev/zero: not valid JSON: expected value at line 1 column 1; nothing was imported\n",
    );
}

#[test]
fn create_json_reads_at_most_1_mib() {
    let env = Env::seeded();
    refused_bounded(
        &env,
        &["create", "--json", "/dev/zero"],
        1,
        "error: /dev/zero is longer than 1 MiB (1048576 bytes), the most payctl reads for one payload\n",
    );
}

/// A 2 MiB reference in the second row of a real file of each format is refused, naming the
/// row's line, before the reader holds it.
#[test]
fn a_2_mib_field_is_refused_with_its_line() {
    let env = Env::seeded();
    let big = "x".repeat(2 << 20);
    let csv = write(
        &env,
        "r.csv",
        format!(
            "customerId,amount,paymentMethod,reference\n655080,1,Cash,ok\n655080,1,Cash,{big}\n"
        )
        .as_bytes(),
    );
    refused_bounded(
        &env,
        &["import", &csv],
        1,
        &format!("error: {csv}: line 3: {TOO_LONG}\n"),
    );
    let jsonl = write(
        &env,
        "r.jsonl",
        format!("{{\"customerId\":655080,\"amount\":1,\"paymentMethod\":\"Cash\"}}\n{{\"customerId\":655080,\"amount\":1,\"paymentMethod\":\"Cash\",\"reference\":\"{big}\"}}\n")
            .as_bytes(),
    );
    refused_bounded(
        &env,
        &["import", &jsonl],
        1,
        &format!("error: {jsonl}: line 2: {TOO_LONG}\n"),
    );
    let json = write(
        &env,
        "r.json",
        format!("[\n{{\"customerId\":655080,\"amount\":1,\"paymentMethod\":\"Cash\"}},\n{{\"customerId\":655080,\"amount\":1,\"paymentMethod\":\"Cash\",\"reference\":\"{big}\"}}\n]\n")
            .as_bytes(),
    );
    refused_bounded(
        &env,
        &["import", &json],
        1,
        &format!("error: {json}: record 2, at line 3: {TOO_LONG}\n"),
    );
    let xml = write(
        &env,
        "r.xml",
        format!("<Requests>\n<InvoiceMethodInsertRequest><CustomerId>655080</CustomerId><AmountReceived>1</AmountReceived><PaymentType>Cash</PaymentType></InvoiceMethodInsertRequest>\n<InvoiceMethodInsertRequest><CustomerId>655080</CustomerId><AmountReceived>1</AmountReceived><PaymentType>Cash</PaymentType><PaymentNote>{big}</PaymentNote></InvoiceMethodInsertRequest>\n</Requests>\n")
            .as_bytes(),
    );
    refused_bounded(
        &env,
        &["import", &xml],
        1,
        &format!("error: {xml}: record 2, at line 3: {TOO_LONG}\n"),
    );
    let payload = write(
        &env,
        "p.json",
        format!("{{\"customerId\":655080,\"amount\":1,\"paymentMethod\":\"Cash\",\"reference\":\"{big}\"}}").as_bytes(),
    );
    refused_bounded(
        &env,
        &["create", "--json", &payload],
        1,
        &format!("error: {payload} is longer than 1 MiB (1048576 bytes), the most payctl reads for one payload\n"),
    );
}

/// Just under the cap is read: an InvoiceMethodInsert field payctl does not store, 900 KiB
/// long, in JSON Lines and XML.
#[test]
fn a_record_under_1_mib_is_read() {
    let env = Env::seeded();
    let long = "y".repeat(900 << 10);
    let jsonl = write(
        &env,
        "ok.jsonl",
        format!("{{\"CustomerId\":655080,\"AmountReceived\":1,\"PaymentType\":\"Cash\",\"AddressLine1\":\"{long}\"}}\n").as_bytes(),
    );
    assert_eq!(
        env.ok(&["import", &jsonl]),
        format!("{jsonl}: 1 rows, 1 imported, 0 already imported, 0 failed attempts recorded, 0 rejected\n")
    );
    let xml = write(
        &env,
        "ok.xml",
        format!("<InvoiceMethodInsertRequest><CustomerId>655080</CustomerId><AmountReceived>2</AmountReceived><PaymentType>Cash</PaymentType><AddressLine1>{long}</AddressLine1></InvoiceMethodInsertRequest>").as_bytes(),
    );
    assert_eq!(
        env.ok(&["import", &xml]),
        format!("{xml}: 1 rows, 1 imported, 0 already imported, 0 failed attempts recorded, 0 rejected\n")
    );
}

#[test]
fn a_json_key_given_twice_is_refused_in_every_json_input() {
    let env = Env::seeded();
    let imi = write(
        &env,
        "imi.json",
        br#"{"CustomerId": 655080, "CustomerId": 700001, "AmountReceived": 5, "PaymentType": "Cash"}"#,
    );
    env.refused(
        &["import", &imi],
        1,
        &format!("error: record 1: field 'CustomerId' is given twice; give each field once\nerror: {imi}: nothing was imported (one transaction per file); fix the rows or use --rejects FILE\n"),
    );
    let imi = write(
        &env,
        "imi2.json",
        br#"[{"CustomerId": 655080, "AmountReceived": 5.00, "PaymentType": "Cash", "AmountReceived": 5000.00}]"#,
    );
    env.refused(
        &["import", &imi],
        1,
        &format!("error: record 1: field 'AmountReceived' is given twice; give each field once\nerror: {imi}: nothing was imported (one transaction per file); fix the rows or use --rejects FILE\n"),
    );
    let imi = write(
        &env,
        "imi3.jsonl",
        br#"{"CustomerId": 655080, "AmountReceived": 5, "PaymentType": "Cash", "InvoicePaymentDetailRequest": {"OrderId": 566934, "OrderId": 566935, "AmountApplied": 5}}
"#,
    );
    env.refused(
        &["import", &imi],
        1,
        &format!("error: line 1: field 'OrderId' is given twice in InvoicePaymentDetailRequest; give each field once\nerror: {imi}: nothing was imported (one transaction per file); fix the rows or use --rejects FILE\n"),
    );
    let payments = write(
        &env,
        "p.jsonl",
        br#"{"customerId": 655080, "amount": 5, "paymentMethod": "Cash"}
{"customerId": 655080, "amount": 5, "paymentMethod": "Cash", "amount": 5000}
"#,
    );
    env.refused(
        &["import", &payments],
        1,
        &format!("error: line 2: field 'amount' is given twice; give each field once\nerror: {payments}: nothing was imported (one transaction per file); fix the rows or use --rejects FILE\n"),
    );
    let invoices = write(
        &env,
        "i.json",
        br#"[{"id": 1, "customerId": 655080, "invoiceAmount": 5, "invoiceAmount": 500}]"#,
    );
    env.refused(
        &["import", &invoices, "--kind", "invoices"],
        1,
        &format!("error: record 1: field 'invoiceAmount' is given twice; give each field once\nerror: {invoices}: nothing was imported (one transaction per file); fix the rows or use --rejects FILE\n"),
    );
    // create --json: the same key twice at the top and inside an allocation, in one spelling
    // or two.
    for (payload, stderr) in [
        (
            r#"{"customerId": 655080, "customerId": 700001, "amount": 5, "paymentMethod": "Cash"}"#,
            "error: field 'customerId' is given twice; give each field once\n",
        ),
        (
            r#"{"customerId": 655080, "amount": 5, "paymentMethod": "Cash", "paymentAllocations": [{"invoiceId": 566934, "amount": 1, "amount": 5}]}"#,
            "error: field 'amount' is given twice in paymentAllocations[0]; give each field once\n",
        ),
        (
            r#"{"customerId": 655080, "amount": 5, "paymentMethod": "Cash", "paymentAllocations": [{"invoiceId": 566934, "amount": 1}, {"invoiceId": 566935, "amount": 1, "AMOUNT": 5}]}"#,
            "error: field 'amount' (amount, AMOUNT) is given twice in paymentAllocations[1]; give each field once\n",
        ),
    ] {
        let before = env.snapshot();
        let run = env.run_stdin(&["create", "--json", "-"], payload);
        assert_eq!((run.code, run.stderr.as_str()), (1, stderr), "{payload}");
        assert_eq!(before, env.snapshot());
    }
    // Imported rows keep each row's own problem: with --rejects the good row goes in.
    let rejects = env.dir.path().join("rejects.csv");
    let mixed = write(
        &env,
        "mixed.json",
        br#"[{"customerId": 655080, "amount": 5, "paymentMethod": "Cash", "reference": "good"},
{"customerId": 655080, "amount": 5, "paymentMethod": "Cash", "reference": "a", "reference": "b"}]"#,
    );
    assert_eq!(
        env.ok(&["import", &mixed, "--rejects", rejects.to_str().unwrap()]),
        format!("{mixed}: 2 rows, 1 imported, 0 already imported, 0 failed attempts recorded, 1 rejected\n")
    );
    assert_eq!(
        std::fs::read_to_string(&rejects).unwrap(),
        "line,reason,record\n2,field 'reference' is given twice; give each field once,\n"
    );
}

#[test]
fn a_byte_order_mark_is_accepted_in_json_inputs() {
    let env = Env::seeded();
    let bom = "\u{feff}";
    let payload = format!(
        r#"{bom}{{"customerId": 655080, "amount": 1, "paymentMethod": "Cash", "reference": "file"}}"#
    );
    let file = write(&env, "bom.json", payload.as_bytes());
    let run = env.run(&["create", "--json", &file, "-q"]);
    assert_eq!(
        (run.code, run.stdout.as_str(), run.stderr.as_str()),
        (0, "1\n", "")
    );
    let run = env.run_stdin(
        &["create", "--json", "-", "-q"],
        &payload.replace("file", "stdin"),
    );
    assert_eq!(
        (run.code, run.stdout.as_str(), run.stderr.as_str()),
        (0, "2\n", "")
    );
    let json = write(
        &env,
        "bom-import.json",
        format!(r#"{bom}[{{"customerId": 655080, "amount": 2, "paymentMethod": "Cash"}}]"#)
            .as_bytes(),
    );
    assert_eq!(
        env.ok(&["import", &json]),
        format!("{json}: 1 rows, 1 imported, 0 already imported, 0 failed attempts recorded, 0 rejected\n")
    );
    let jsonl = write(
        &env,
        "bom-import.jsonl",
        format!("{bom}{{\"customerId\": 655080, \"amount\": 3, \"paymentMethod\": \"Cash\"}}\n{{\"customerId\": 655080, \"amount\": 4, \"paymentMethod\": \"Cash\"}}\n")
            .as_bytes(),
    );
    assert_eq!(
        env.ok(&["import", &jsonl]),
        format!("{jsonl}: 2 rows, 2 imported, 0 already imported, 0 failed attempts recorded, 0 rejected\n")
    );
    let amounts: Vec<String> = env
        .json(&["list"])
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["amount"].to_string())
        .collect();
    assert_eq!(amounts, ["1.00", "1.00", "2.00", "3.00", "4.00"]);
}

#[test]
fn a_long_list_of_problems_is_cut_at_50() {
    let env = Env::seeded();
    let mut args = vec![
        "create".to_string(),
        "--customer".into(),
        "655080".into(),
        "--amount".into(),
        "5".into(),
        "--method".into(),
        "Cash".into(),
    ];
    for i in 0..120 {
        args.push("--allocate".into());
        args.push(format!("{}=1", 424_000 + i));
    }
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    let mut expected: String = (0..50)
        .map(|i| format!("error: invoice {} not found; list invoices with: payctl invoice list --customer 655080\n", 424_000 + i))
        .collect();
    expected.push_str("error: … and 70 more problems\n");
    env.refused(&args, 1, &expected);

    let mut json_args = args.clone();
    json_args.extend(["-o", "json"]);
    let run = env.run(&json_args);
    assert_eq!(run.code, 1);
    let body: serde_json::Value = serde_json::from_str(&run.stderr).unwrap();
    let errors = body["Errors"].as_array().unwrap();
    assert_eq!(errors.len(), 51);
    assert_eq!(
        errors[50],
        serde_json::json!({"Key": "problems", "Value": "… and 70 more problems"})
    );

    // The same through a payload with 30,000 bad allocations (under the 1 MiB cap).
    let allocations: Vec<String> = (0..30_000)
        .map(|_| r#"{"invoiceId": 0, "amount": 1}"#.to_string())
        .collect();
    let payload = format!(
        r#"{{"customerId": 655080, "amount": 5, "paymentMethod": "Cash", "paymentAllocations": [{}]}}"#,
        allocations.join(",")
    );
    let file = write(&env, "many.json", payload.as_bytes());
    let mut expected: String = (0..50)
        .map(|i| format!("error: paymentAllocations[{i}].invoiceId is missing or not an id\n"))
        .collect();
    expected.push_str("error: … and 29950 more problems\n");
    env.refused(&["create", "--json", &file], 1, &expected);
}

#[test]
fn a_declined_invoice_method_insert_keeps_currency_date_and_source() {
    let env = Env::seeded();
    let declined = write(
        &env,
        "declined.json",
        br#"{"CustomerId": 655080, "AmountReceived": 8, "PaymentType": "Check", "PaymentStatus": "Declined",
             "PaymentNote": "do not honor", "PaymentReceivedDateTime": "2026-11-06T19:37:43Z",
             "PaymentSource": "SelfServicePortal", "CurrencyType": "USD"}"#,
    );
    assert_eq!(
        env.ok(&["import", &declined]),
        format!("{declined}: 1 rows, 0 imported, 0 already imported, 1 failed attempts recorded, 0 rejected\n")
    );
    let activities = env.json(&["activity", "list"]);
    let a = &activities.as_array().unwrap()[0];
    assert_eq!(
        (
            a["status"].as_str(),
            a["effectiveTimestamp"].as_str(),
            a["source"].as_str(),
            a["currency"].as_str(),
            a["amount"].to_string()
        ),
        (
            Some("Failed"),
            Some("2026-11-06T19:37:43Z"),
            Some("SelfServicePortal"),
            Some("USD"),
            "8.00".to_string()
        )
    );

    let other_currency = write(
        &env,
        "declined-eur.json",
        br#"{"CustomerId": 655080, "AmountReceived": 8, "PaymentType": "Cash", "PaymentStatus": "Unknown", "CurrencyType": "EUR"}"#,
    );
    env.refused(
        &["import", &other_currency],
        1,
        &format!("error: record 1: currency 'EUR' does not match customer 655080's currency USD; payments are recorded in the customer's currency\nerror: {other_currency}: nothing was imported (one transaction per file); fix the rows or use --rejects FILE\n"),
    );

    let zero = write(
        &env,
        "declined-zero.json",
        br#"{"CustomerId": 655080, "AmountReceived": 0, "PaymentType": "CreditCard", "PaymentStatus": "Declined"}"#,
    );
    env.refused(
        &["import", &zero],
        1,
        &format!("error: record 1: AmountReceived '0': PaymentStatus 'Declined' is recorded as a failed attempt of the amount that was tried, which must be greater than zero; give the amount that was tried as AmountReceived or as the InvoicePaymentDetailRequest's AmountApplied, or leave the row out (with --rejects FILE the other rows are imported)\nerror: {zero}: nothing was imported (one transaction per file); fix the rows or use --rejects FILE\n"),
    );

    // A gateway writes AmountReceived 0 for a declined card: nothing was received. What the
    // row set out to apply to its invoice is the amount that was tried.
    let tried = write(
        &env,
        "declined-zero-applied.json",
        br#"{"CustomerId": 655080, "AmountReceived": 0, "PaymentType": "CreditCard", "PaymentStatus": "Declined",
             "PaymentNote": "do not honor", "InvoicePaymentDetailRequest": {"OrderId": 566934, "AmountApplied": 12.5}}"#,
    );
    assert_eq!(
        env.ok(&["import", &tried]),
        format!("{tried}: 1 rows, 0 imported, 0 already imported, 1 failed attempts recorded, 0 rejected\n")
    );
    let activities = env.json(&["activity", "list"]);
    let last = activities.as_array().unwrap().last().unwrap();
    assert_eq!(
        (
            last["status"].as_str(),
            last["amount"].to_string(),
            last["message"].as_str()
        ),
        (
            Some("Failed"),
            "12.50".to_string(),
            Some("Declined: do not honor")
        )
    );
}
