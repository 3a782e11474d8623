//! Imports and exports (SPEC §7): every format, all or nothing, rejects, dry run, re-import,
//! round trip, and malformed files refused cleanly.

use crate::common::Env;

fn write(env: &Env, name: &str, content: &[u8]) -> String {
    let path = env.dir.path().join(name);
    std::fs::write(&path, content).unwrap();
    path.to_string_lossy().into_owned()
}

/// Customer 655080 and invoices 566934 (100.00) and 566935 (20.00), by import.
fn loaded() -> Env {
    let env = Env::new();
    let customers = write(
        &env,
        "c.csv",
        b"id,name,email,currency\n655080,Acme Corp,ap@acme.example,USD\n",
    );
    let invoices = write(
        &env,
        "i.csv",
        b"id,customerId,invoiceAmount,effectiveTimestamp,dueDate\n566934,655080,100.00,2026-10-01,2026-10-31\n566935,655080,20,2026-10-02,2026-11-30\n",
    );
    assert_eq!(env.ok(&["import", &customers, "--kind", "customers", "-o", "csv"]), format!("file,kind,rows,imported,alreadyImported,failedAttempts,rejected,dryRun\n{customers},customers,1,1,0,0,0,false\n"));
    assert_eq!(env.ok(&["import", &invoices, "--kind", "invoices", "-o", "csv"]), format!("file,kind,rows,imported,alreadyImported,failedAttempts,rejected,dryRun\n{invoices},invoices,2,2,0,0,0,false\n"));
    env
}

fn balances(env: &Env) -> String {
    env.ok(&["invoice", "list", "-o", "csv"]) + &env.ok(&["customer", "list", "-o", "csv"])
}

const PAYMENTS_CSV: &[u8] =
    b"customerId,amount,paymentMethod,reference,allocations,autoAllocate,idempotencyKey
655080,50.78,Cash,abc123,566934=2.00,,
655080,10,Check,,,true,
655080,10,Check,,,true,
655080,5,Cash,keyed,,,bank-0001
";

#[test]
fn csv_payments_import_and_a_reimport_adds_nothing() {
    let env = loaded();
    let file = write(&env, "p.csv", PAYMENTS_CSV);
    assert_eq!(env.ok(&["import", &file]), format!("{file}: 4 rows, 4 imported, 0 already imported, 0 failed attempts recorded, 0 rejected\nInvoices touched:\n┌─────────┬────────┬─────────┬─────────┬────────┬────────────────┐\n│ Invoice ┆ Number ┆ Applied ┆ Balance ┆  Total ┆ Status         │\n╞═════════╪════════╪═════════╪═════════╪════════╪════════════════╡\n│ 566934  ┆ 566934 ┆   22.00 ┆   78.00 ┆ 100.00 ┆ partially_paid │\n└─────────┴────────┴─────────┴─────────┴────────┴────────────────┘\n"));
    assert_eq!(
        balances(&env),
        "id,invoiceNumber,customerId,currency,invoiceAmount,totalPayments,outstandingBalance,status,overdue,effectiveTimestamp,dueDate
566934,566934,655080,USD,100.00,22.00,78.00,partially_paid,true,2026-10-01T00:00:00Z,2026-10-31T00:00:00Z
566935,566935,655080,USD,20.00,0.00,20.00,unpaid,false,2026-10-02T00:00:00Z,2026-11-30T00:00:00Z
id,name,email,currency,defaultPaymentMethodId,autoAllocateOrder,outstandingBalance,availableFunds
655080,Acme Corp,ap@acme.example,USD,,OldestToNewest,98.00,53.78
"
    );
    let payments = env.json(&["list"]);
    let sources: Vec<&str> = payments
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["source"].as_str().unwrap())
        .collect();
    assert_eq!(sources, ["Import"; 4]);
    let before = env.snapshot();
    assert_eq!(env.ok(&["import", &file]), format!("{file}: 4 rows, 0 imported, 4 already imported, 0 failed attempts recorded, 0 rejected\n"));
    assert_eq!(before, env.snapshot());
    env.ok(&["verify"]);
}

#[test]
fn one_bad_row_imports_nothing_and_names_line_field_and_reason() {
    let env = loaded();
    let file = write(
        &env,
        "p.csv",
        b"customerId,amount,paymentMethod,allocations\n655080,10,Cash,\n655080,1e3,Cash,\n655080,5,Bitcoin,\n655080,5,Cash,566934=200\n999,5,Cash,\n",
    );
    env.refused(
        &["import", &file],
        1,
        &format!(
            "error: line 3: amount '1e3' uses an exponent; write the plain decimal, e.g. 1000 not 1e3
error: line 4: payment method 'Bitcoin' is not allowed; allowable values are: Cash, Check, CreditCard, DirectDeposit, ACH, Paypal
error: line 5: allocation of 200.00 to invoice 566934 is more than its outstanding balance 100.00
error: line 6: customer 999 not found; add it with: payctl customer add --id 999 --name ...
error: {file}: nothing was imported (one transaction per file); fix the rows or use --rejects FILE
"
        ),
    );
}

#[test]
fn rejects_keeps_the_good_rows_and_lists_the_bad() {
    let env = loaded();
    let file = write(
        &env,
        "p.csv",
        b"customerId,amount,paymentMethod\n655080,10,Cash\n655080,0,Cash\n655080,7.5,Check\n",
    );
    let rejects = env.dir.path().join("rejects.csv");
    let out = env.ok(&["import", &file, "--rejects", rejects.to_str().unwrap()]);
    assert_eq!(out, format!("{file}: 3 rows, 2 imported, 0 already imported, 0 failed attempts recorded, 1 rejected\n"));
    assert_eq!(
        std::fs::read_to_string(&rejects).unwrap(),
        "line,reason,record\n3,amount '0' must be greater than zero,\"{\"\"customerId\"\":\"\"655080\"\",\"\"amount\"\":\"\"0\"\",\"\"paymentMethod\"\":\"\"Cash\"\"}\"\n"
    );
    let amounts: Vec<String> = env
        .json(&["list"])
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["amount"].to_string())
        .collect();
    assert_eq!(amounts, ["10.00", "7.50"]);
}

#[test]
fn a_refused_card_number_is_masked_in_the_rejects_reason_and_kept_in_its_record() {
    let env = loaded();
    let file = write(
        &env,
        "p.csv",
        b"customerId,amount,paymentMethod,reference\n655080,5,Cash,4111 1111 1111 1111\n655080,6,Cash,ok\n",
    );
    let rejects = env.dir.path().join("rejects.csv");
    let out = env.ok(&["import", &file, "--rejects", rejects.to_str().unwrap()]);
    assert_eq!(out, format!("{file}: 2 rows, 1 imported, 0 already imported, 0 failed attempts recorded, 1 rejected\n"));
    // The reason, like every error, shows only the last four digits; the record is the row as
    // read, so that it can be fixed and imported again.
    assert_eq!(
        std::fs::read_to_string(&rejects).unwrap(),
        "line,reason,record\n2,reference '**** **** **** 1111' looks like a card number; payctl never stores card numbers (keep only the last four digits),\"{\"\"customerId\"\":\"\"655080\"\",\"\"amount\"\":\"\"5\"\",\"\"paymentMethod\"\":\"\"Cash\"\",\"\"reference\"\":\"\"4111 1111 1111 1111\"\"}\"\n"
    );
    assert!(
        !env.snapshot().contains("4111"),
        "a card number reached the ledger"
    );
}

#[test]
fn csv_errors_name_the_line_with_crlf_ends_blank_lines_and_quoted_line_breaks() {
    let env = loaded();
    // A file saved by Excel (CRLF), blank lines, and a quoted field across two lines: each bad
    // row is named by the line it starts on, in errors and in the rejects file.
    let file = write(
        &env,
        "p.csv",
        b"customerId,amount,paymentMethod,reference\r\n655080,1,Cash,a\r\n\r\n655080,0,Cash,b\r\n655080,2,Cash,\"two\r\nlines\"\r\n\r\n\r\n655080,-1,Cash,c\r\n655080,1,Cash\r\n",
    );
    env.refused(
        &["import", &file],
        1,
        &format!("error: line 4: amount '0' must be greater than zero\nerror: line 5: reference 'two\\r\\nlines' contains a control character; use printable text only\nerror: line 9: amount '-1' is negative; amounts are positive plain decimals such as 50.78\nerror: line 10: has 3 fields but the header has 4; quote a field that holds a comma\nerror: {file}: nothing was imported (one transaction per file); fix the rows or use --rejects FILE\n"),
    );
    let rejects = env.dir.path().join("rejects.csv");
    env.ok(&["import", &file, "--rejects", rejects.to_str().unwrap()]);
    let lines: Vec<String> = std::fs::read_to_string(&rejects)
        .unwrap()
        .lines()
        .skip(1)
        .filter_map(|l| l.split(',').next().map(str::to_string))
        .collect();
    assert_eq!(lines, ["4", "5", "9", "10"]);
}

#[test]
fn dry_run_checks_rows_against_each_other_and_writes_nothing() {
    let env = loaded();
    let good = write(&env, "good.csv", b"customerId,amount,paymentMethod,allocations\n655080,60,Cash,566934=60\n655080,40,Cash,566934=40\n");
    let before = env.snapshot();
    assert_eq!(
        env.ok(&["import", &good, "--dry-run"]),
        format!("Dry run, nothing written. {good}: 2 rows, 2 imported, 0 already imported, 0 failed attempts recorded, 0 rejected\nInvoices touched:\n┌─────────┬────────┬─────────┬─────────┬────────┬────────┐\n│ Invoice ┆ Number ┆ Applied ┆ Balance ┆  Total ┆ Status │\n╞═════════╪════════╪═════════╪═════════╪════════╪════════╡\n│ 566934  ┆ 566934 ┆  100.00 ┆    0.00 ┆ 100.00 ┆ paid   │\n└─────────┴────────┴─────────┴─────────┴────────┴────────┘\n")
    );
    assert_eq!(before, env.snapshot());
    // Each row alone fits invoice 566934; together they pass its total, and the dry run says so.
    let over = write(&env, "over.csv", b"customerId,amount,paymentMethod,allocations\n655080,60,Cash,566934=60\n655080,41,Cash,566934=41\n");
    env.refused(
        &["import", &over, "--dry-run"],
        1,
        &format!(
            "error: line 3: allocation of 41.00 to invoice 566934 is more than its outstanding balance 40.00\nerror: {over}: nothing was imported (one transaction per file); fix the rows or use --rejects FILE\n"
        ),
    );
}

#[test]
fn two_identical_rows_are_two_payments_and_stay_two_on_reimport() {
    let env = loaded();
    let file = write(
        &env,
        "p.csv",
        b"customerId,amount,paymentMethod\n655080,10,Cash\n655080,10,Cash\n",
    );
    assert_eq!(env.ok(&["import", &file, "-o", "json"]), format!("{{\n  \"file\": \"{file}\",\n  \"kind\": \"payments\",\n  \"rows\": 2,\n  \"imported\": 2,\n  \"alreadyImported\": 0,\n  \"failedAttempts\": 0,\n  \"rejected\": 0,\n  \"dryRun\": false,\n  \"touchedInvoices\": []\n}}\n"));
    env.ok(&["import", &file]);
    assert_eq!(env.json(&["list"]).as_array().unwrap().len(), 2);
}

#[test]
fn json_array_json_lines_and_the_seed_payload() {
    let env = loaded();
    let array = write(
        &env,
        "p.json",
        br#"[{"customerId": 655080, "reference": "abc123", "amount": 50.78, "paymentMethod": "Cash", "source": "Manual",
              "paymentAllocations": [{"invoiceID": 566934, "amount": 2.0}]},
             {"customerId": "655080", "amount": "0.10", "paymentMethod": "check"}]"#,
    );
    assert_eq!(env.ok(&["import", &array]), format!("{array}: 2 rows, 2 imported, 0 already imported, 0 failed attempts recorded, 0 rejected\nInvoices touched:\n┌─────────┬────────┬─────────┬─────────┬────────┬────────────────┐\n│ Invoice ┆ Number ┆ Applied ┆ Balance ┆  Total ┆ Status         │\n╞═════════╪════════╪═════════╪═════════╪════════╪════════════════╡\n│ 566934  ┆ 566934 ┆    2.00 ┆   98.00 ┆ 100.00 ┆ partially_paid │\n└─────────┴────────┴─────────┴─────────┴────────┴────────────────┘\n"));
    let lines = write(&env, "p.jsonl", b"{\"customerId\": 655080, \"amount\": 1.25, \"paymentMethod\": \"Cash\"}\n\n{\"customerId\": 655080, \"amount\": 2, \"paymentMethod\": \"Cash\", \"autoAllocate\": true}\n");
    assert_eq!(env.ok(&["import", &lines]), format!("{lines}: 2 rows, 2 imported, 0 already imported, 0 failed attempts recorded, 0 rejected\nInvoices touched:\n┌─────────┬────────┬─────────┬─────────┬────────┬────────────────┐\n│ Invoice ┆ Number ┆ Applied ┆ Balance ┆  Total ┆ Status         │\n╞═════════╪════════╪═════════╪═════════╪════════╪════════════════╡\n│ 566934  ┆ 566934 ┆    2.00 ┆   96.00 ┆ 100.00 ┆ partially_paid │\n└─────────┴────────┴─────────┴─────────┴────────┴────────────────┘\n"));
    let list = env.json(&["list"]);
    let got: Vec<(String, String, String)> = list
        .as_array()
        .unwrap()
        .iter()
        .map(|p| {
            (
                p["amount"].to_string(),
                p["source"].as_str().unwrap().to_string(),
                p["unallocatedAmount"].to_string(),
            )
        })
        .collect();
    assert_eq!(
        got,
        [
            ("50.78".into(), "Manual".into(), "48.78".into()),
            ("0.10".into(), "Import".into(), "0.10".into()),
            ("1.25".into(), "Import".into(), "1.25".into()),
            ("2.00".into(), "Import".into(), "0.00".into()),
        ]
    );
    // stdin needs --format
    let run = env.run_stdin(
        &["import", "-", "--format", "jsonl"],
        "{\"customerId\": 655080, \"amount\": 3, \"paymentMethod\": \"Cash\"}\n",
    );
    assert_eq!(
        (run.code, run.stdout.as_str()),
        (
            0,
            "-: 1 rows, 1 imported, 0 already imported, 0 failed attempts recorded, 0 rejected\n"
        )
    );
    env.refused(
        &["import", "-"],
        2,
        "error: cannot tell the format of '-'; give --format csv|json|jsonl|xml\n",
    );
}

const IMI_JSON: &str = r#"{
"CustomerPaymentNumber": "RCPT-2026-1107",
"CustomerId": 655080,
"UserName": "lockbox",
"PaymentType": "Check",
"PaymentSource": "Lockbox",
"PaymentBilledDateTime": "2026-10-01T00:00:00+00:00",
"BillDueDate": "2026-10-31T00:00:00+00:00",
"AmountBilled": 100.0,
"PaymentDue": 100.0,
"PaymentReceivedDateTime": "2026-11-06T19:37:43.4917128+00:00",
"AmountReceived": 60.0,
"CurrencyType": "USD",
"CCTransactionId": 0,
"PaymentNote": "check 1042",
"PaymentStatus": "Received",
"City": "Springfield",
"CreatedDate": "2026-11-06T19:37:43.4917128+00:00",
"PostageAccountId": 26,
"InvoicePaymentDetailRequest": {"OrderId": 566934, "VersionId": 2, "PaymentLabel": "October", "AmountBilled": 100.0, "AmountApplied": 45.5}
}"#;

#[test]
fn invoice_method_insert_json_and_xml() {
    let env = loaded();
    let json = write(&env, "imi.json", IMI_JSON.as_bytes());
    assert_eq!(env.ok(&["import", &json]), format!("{json}: 1 rows, 1 imported, 0 already imported, 0 failed attempts recorded, 0 rejected\nInvoices touched:\n┌─────────┬────────┬─────────┬─────────┬────────┬────────────────┐\n│ Invoice ┆ Number ┆ Applied ┆ Balance ┆  Total ┆ Status         │\n╞═════════╪════════╪═════════╪═════════╪════════╪════════════════╡\n│ 566934  ┆ 566934 ┆   45.50 ┆   54.50 ┆ 100.00 ┆ partially_paid │\n└─────────┴────────┴─────────┴─────────┴────────┴────────────────┘\n"));
    let xml = write(
        &env,
        "imi.xml",
        br#"<ArrayOfInvoiceMethodInsertRequest>
<InvoiceMethodInsertRequest xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xmlns:xsd="http://www.w3.org/2001/XMLSchema">
<CustomerPaymentNumber>RCPT-2026-1108</CustomerPaymentNumber><CustomerId>655080</CustomerId><PaymentType>Cash</PaymentType>
<PaymentSource>Manual</PaymentSource><PaymentReceivedDateTime>2026-11-07T09:00:00+00:00</PaymentReceivedDateTime>
<AmountReceived>20</AmountReceived><CurrencyType>USD</CurrencyType><PaymentNote>R&amp;D</PaymentNote><PaymentStatus>Completed</PaymentStatus>
<InvoicePaymentDetailRequest><OrderId>566935</OrderId><AmountApplied>20</AmountApplied></InvoicePaymentDetailRequest>
</InvoiceMethodInsertRequest>
<InvoiceMethodInsertRequest>
<CustomerId>655080</CustomerId><PaymentType>CreditCard</PaymentType><AmountReceived>15.00</AmountReceived>
<PaymentNote>do not honor</PaymentNote><PaymentStatus>Declined</PaymentStatus>
</InvoiceMethodInsertRequest>
</ArrayOfInvoiceMethodInsertRequest>"#,
    );
    assert_eq!(env.ok(&["import", &xml]), format!("{xml}: 2 rows, 1 imported, 0 already imported, 1 failed attempts recorded, 0 rejected\nInvoices touched:\n┌─────────┬────────┬─────────┬─────────┬───────┬────────┐\n│ Invoice ┆ Number ┆ Applied ┆ Balance ┆ Total ┆ Status │\n╞═════════╪════════╪═════════╪═════════╪═══════╪════════╡\n│ 566935  ┆ 566935 ┆   20.00 ┆    0.00 ┆ 20.00 ┆ paid   │\n└─────────┴────────┴─────────┴─────────┴───────┴────────┘\n"));
    assert_eq!(env.ok(&["import", &xml]), format!("{xml}: 2 rows, 0 imported, 2 already imported, 0 failed attempts recorded, 0 rejected\n"));
    assert_eq!(
        env.ok(&["list", "-o", "csv"]),
        "id,paymentActivityId,customerId,effectiveTimestamp,amount,currency,paymentMethod,paymentMethodId,source,reference,invoiceAllocations,unallocatedAmount,refundableAmount,gatewayFee,settlement,voided
1,1,655080,2026-11-06T19:37:43Z,60.00,USD,Check,,Import,RCPT-2026-1107,566934=45.50,14.50,60.00,0.00,Successful,false
2,2,655080,2026-11-07T09:00:00Z,20.00,USD,Cash,,Manual,RCPT-2026-1108,566935=20.00,0.00,20.00,0.00,Successful,false
"
    );
    assert_eq!(
        env.ok(&["activity", "list", "--status", "failed", "-o", "csv"]),
        "id,customerId,transactionType,status,amount,currency,paymentMethod,paymentMethodId,source,effectiveTimestamp,message,paymentId
3,655080,Collect,Failed,15.00,USD,CreditCard,,Import,2026-11-21T10:00:00Z,Declined: do not honor,
"
    );
    env.ok(&["verify"]);
}

#[test]
fn invoice_method_insert_xml_reads_cdata_as_text() {
    let env = loaded();
    let xml = write(
        &env,
        "cdata.xml",
        b"<InvoiceMethodInsertRequest><CustomerId>655080</CustomerId><AmountReceived><![CDATA[12.50]]></AmountReceived>\n<PaymentType>Cash</PaymentType><CustomerPaymentNumber><![CDATA[R&D <1>]]></CustomerPaymentNumber><PaymentNote>note</PaymentNote>\n<InvoicePaymentDetailRequest><OrderId><![CDATA[566935]]></OrderId><AmountApplied>12.5</AmountApplied></InvoicePaymentDetailRequest></InvoiceMethodInsertRequest>",
    );
    assert_eq!(env.ok(&["import", &xml]), format!("{xml}: 1 rows, 1 imported, 0 already imported, 0 failed attempts recorded, 0 rejected\nInvoices touched:\n┌─────────┬────────┬─────────┬─────────┬───────┬────────────────┐\n│ Invoice ┆ Number ┆ Applied ┆ Balance ┆ Total ┆ Status         │\n╞═════════╪════════╪═════════╪═════════╪═══════╪════════════════╡\n│ 566935  ┆ 566935 ┆   12.50 ┆    7.50 ┆ 20.00 ┆ partially_paid │\n└─────────┴────────┴─────────┴─────────┴───────┴────────────────┘\n"));
    assert_eq!(
        env.ok(&["list", "-o", "csv"]),
        "id,paymentActivityId,customerId,effectiveTimestamp,amount,currency,paymentMethod,paymentMethodId,source,reference,invoiceAllocations,unallocatedAmount,refundableAmount,gatewayFee,settlement,voided
1,1,655080,2026-11-21T10:00:00Z,12.50,USD,Cash,,Import,R&D <1>,566935=12.50,0.00,12.50,0.00,Successful,false
"
    );
}

#[test]
fn export_reads_back_into_an_empty_ledger_to_the_same_balances() {
    let env = loaded();
    env.ok(&["import", &write(&env, "p.csv", PAYMENTS_CSV)]);
    env.ok(&[
        "create",
        "--customer",
        "655080",
        "--amount",
        "30",
        "--method",
        "Cash",
        "--allocate",
        "566935=20",
        "--reference",
        "=HYPERLINK(\"x\")",
    ]);
    env.ok(&["refund", "5", "--amount", "5"]);
    // A void invoice comes back void.
    env.ok(&[
        "invoice",
        "add",
        "--customer",
        "655080",
        "--id",
        "566936",
        "--total",
        "7",
    ]);
    env.ok(&["invoice", "void", "566936", "--reason", "sent twice"]);
    let copy = Env::new();
    for kind in ["customers", "invoices", "payments"] {
        for format in ["csv", "json", "jsonl"] {
            let to = env.dir.path().join(format!("{kind}.{format}"));
            assert_eq!(
                env.ok(&[
                    "export",
                    kind,
                    "--format",
                    format,
                    "--to",
                    to.to_str().unwrap()
                ]),
                format!(
                    "Exported {} {kind} to {}\n",
                    match kind {
                        "customers" => 1,
                        "invoices" => 3,
                        _ => 5,
                    },
                    to.display()
                )
            );
        }
        let from = env.dir.path().join(format!("{kind}.csv"));
        copy.ok(&["import", from.to_str().unwrap(), "--kind", kind]);
    }
    assert_eq!(balances(&env), balances(&copy));
    assert_eq!(copy.json(&["invoice", "show", "566936"])["status"], "void");
    copy.ok(&["verify"]);
    // JSON exports read back too.
    let json_copy = Env::new();
    for kind in ["customers", "invoices", "payments"] {
        json_copy.ok(&[
            "import",
            env.dir
                .path()
                .join(format!("{kind}.json"))
                .to_str()
                .unwrap(),
            "--kind",
            kind,
        ]);
    }
    assert_eq!(balances(&env), balances(&json_copy));
    // The formula in the reference is neutralised in CSV, and kept verbatim in the ledger.
    let csv = std::fs::read_to_string(env.dir.path().join("payments.csv")).unwrap();
    let last = csv.lines().last().unwrap();
    assert_eq!(
        last,
        r#"655080,25.00,USD,Cash,,"'=HYPERLINK(""x"")",Manual,2026-11-21T10:00:00Z,0.00,export-payment-5,566935=20.00"#
    );
    assert_eq!(env.json(&["show", "5"])["reference"], "=HYPERLINK(\"x\")");
}

#[test]
fn malformed_files_are_refused_whole_and_change_nothing() {
    let env = loaded();
    let truncated = write(
        &env,
        "t.json",
        br#"[{"customerId": 655080, "amount": 1, "paymentMethod": "Cash"}, {"customerId": 6550"#,
    );
    env.refused(&["import", &truncated], 1, &format!("error: {truncated}: not valid JSON: EOF while parsing an object at line 1 column 82; nothing was imported\n"));
    let columns = write(&env, "c.csv", b"customer,amount,colour\n655080,1,red\n");
    env.refused(
        &["import", &columns],
        1,
        &format!("error: {columns}: unknown column(s) customer, colour; the columns are: customerId, amount, paymentMethod, paymentMethodId, useDefaultPaymentMethod, reference, source, currency, effectiveTimestamp, gatewayFee, allocations, autoAllocate, autoAllocateOrder, idempotencyKey; nothing was imported\n"),
    );
    let latin1 = write(
        &env,
        "l.csv",
        b"customerId,amount,paymentMethod,reference\n655080,1,Cash,caf\xe9\n",
    );
    env.refused(
        &["import", &latin1],
        1,
        &format!("error: line 2: field 4 is not UTF-8 text; save the file as UTF-8\nerror: {latin1}: nothing was imported (one transaction per file); fix the rows or use --rejects FILE\n"),
    );
    let xml = write(
        &env,
        "t.xml",
        b"<InvoiceMethodInsertRequest><CustomerId>655080</CustomerId><AmountReceived>5",
    );
    env.refused(&["import", &xml], 1, &format!("error: {xml}: the XML ends inside an InvoiceMethodInsertRequest (truncated?); nothing was imported\n"));
    let mut huge = b"customerId,amount,paymentMethod,reference\n655080,1,Cash,".to_vec();
    huge.extend(std::iter::repeat_n(b'x', 10 * 1024 * 1024));
    huge.push(b'\n');
    let huge = write(&env, "huge.csv", &huge);
    // Refused as it is read, before the reader holds 10 MiB (issue 15).
    env.refused(
        &["import", &huge],
        1,
        &format!("error: {huge}: line 2: a record is longer than 1 MiB (1048576 bytes), the most payctl reads; nothing was imported\n"),
    );
    env.refused(
        &["import", "nope.csv"],
        2,
        "error: cannot read nope.csv: No such file or directory (os error 2)\n",
    );
}

/// A file over 1 MiB shows a progress bar on stderr when stderr is a terminal (here a pseudo
/// terminal made by util-linux `script`), and nothing when it is not.
#[test]
fn a_large_file_shows_a_progress_bar_only_on_a_terminal() {
    let env = Env::new();
    // Three customers among 1.5 MiB of JSON whitespace (half a megabyte before each, as one
    // record with the space before it may take at most 1 MiB): large, yet quick to import.
    let mut json = b"[".to_vec();
    for (i, customer) in [
        r#"{"id":1,"name":"A"}"#,
        r#"{"id":2,"name":"B"}"#,
        r#"{"id":3,"name":"C"}"#,
    ]
    .iter()
    .enumerate()
    {
        if i > 0 {
            json.push(b',');
        }
        json.extend(std::iter::repeat_n(b' ', 1 << 19));
        json.extend_from_slice(customer.as_bytes());
    }
    json.push(b']');
    let file = write(&env, "big.json", &json);

    // Not a terminal: stdout has the summary, stderr nothing at all.
    let plain = env.run(&["import", &file, "--kind", "customers"]);
    assert_eq!(
        (plain.code, plain.stdout.as_str(), plain.stderr.as_str()),
        (
            0,
            format!("{file}: 3 rows, 3 imported, 0 already imported, 0 failed attempts recorded, 0 rejected\n").as_str(),
            ""
        )
    );

    // A terminal: the bar is drawn (bytes read of the file's 1.50 MiB), then cleared.
    let bin = assert_cmd::cargo::cargo_bin("payctl");
    let out = std::process::Command::new("script")
        .args(["-q", "-e", "-c"])
        .arg(format!("{} import {file} --kind customers", bin.display()))
        .arg("/dev/null")
        .env("PAYCTL_DB", env.dir.path().join("tty.db"))
        .env("PAYCTL_NOW", crate::common::NOW)
        .env("NO_COLOR", "1")
        .env("HOME", env.dir.path())
        .env("TERM", "xterm")
        .stdin(std::process::Stdio::null())
        .output()
        .expect("util-linux `script` runs payctl on a pseudo terminal");
    let shown = String::from_utf8_lossy(&out.stdout);
    assert_eq!(out.status.code(), Some(0), "{shown}");
    assert!(
        shown.contains("/1.50 MiB") && shown.contains('█') && shown.contains("\x1b[2K"),
        "no progress bar drawn and cleared on the terminal: {shown:?}"
    );
    assert!(
        shown.ends_with(
            "3 rows, 3 imported, 0 already imported, 0 failed attempts recorded, 0 rejected\r\n"
        ),
        "{shown:?}"
    );
}

/// Methods on file (one the default), a partly paid invoice written off, a refund: what a
/// user's ledger holds after a few months.
fn ledger_with_methods_and_write_offs() -> Env {
    let env = loaded();
    env.ok(&["import", &write(&env, "p.csv", PAYMENTS_CSV)]);
    env.ok(&[
        "method",
        "add",
        "--customer",
        "655080",
        "--id",
        "7",
        "--type",
        "credit-card",
        "--label",
        "business Visa",
        "--brand",
        "Visa",
        "--last4",
        "4242",
    ]);
    env.ok(&[
        "method",
        "add",
        "--customer",
        "655080",
        "--id",
        "8",
        "--type",
        "paypal",
        "--default",
    ]);
    env.ok(&[
        "invoice",
        "add",
        "--customer",
        "655080",
        "--id",
        "566937",
        "--total",
        "60",
        "--date",
        "2026-09-01",
    ]);
    env.ok(&[
        "create",
        "--customer",
        "655080",
        "--amount",
        "40",
        "--method",
        "CreditCard",
        "--method-id",
        "7",
        "--allocate",
        "566937=25",
    ]);
    env.ok(&["refund", "5", "--amount", "5"]);
    env.ok(&[
        "invoice",
        "write-off",
        "566937",
        "--reason",
        "customer insolvent",
    ]);
    env
}

/// Everything a round trip must bring back: invoices, customers, methods, the aging report.
fn ledger_view(env: &Env) -> String {
    balances(env)
        + &env.ok(&["method", "list", "--customer", "655080", "-o", "csv"])
        + &env.ok(&["report", "aging", "--as-of", "2026-12-31", "-o", "csv"])
        + &env.ok(&["report", "balances", "-o", "csv"])
}

const ROUND_TRIP: [&str; 5] = ["customers", "methods", "invoices", "payments", "write-offs"];

#[test]
fn methods_and_write_offs_round_trip_to_the_same_balances() {
    let env = ledger_with_methods_and_write_offs();
    let expected = ledger_view(&env);
    assert!(expected.contains("written_off"), "{expected}");
    for format in ["csv", "json", "jsonl"] {
        let copy = Env::new();
        for kind in ROUND_TRIP {
            let to = env.dir.path().join(format!("{kind}.{format}"));
            let to = to.to_str().unwrap();
            env.ok(&["export", kind, "--format", format, "--to", to]);
            copy.ok(&["import", to, "--kind", kind]);
        }
        assert_eq!(ledger_view(&copy), expected, "{format}");
        assert_eq!(
            copy.json(&["customer", "show", "655080"])["defaultPaymentMethodId"],
            8
        );
        let verify = copy.run(&["verify"]);
        assert_eq!(verify.code, 0, "{}", verify.stdout);
        // The same files again add nothing.
        for kind in ROUND_TRIP {
            let from = env.dir.path().join(format!("{kind}.{format}"));
            let out = copy.ok(&[
                "import",
                from.to_str().unwrap(),
                "--kind",
                kind,
                "-o",
                "csv",
            ]);
            assert!(
                out.ends_with(&format!(
                    // A payments import adds the invoices it touched: none, on a re-import.
                    ",{kind},{n},0,{n},0,0,false{}\n",
                    if kind == "payments" { "," } else { "" },
                    n = match kind {
                        "customers" => 1,
                        "methods" => 2,
                        "invoices" => 3,
                        // Payment 5 was refunded in full: it counts for nothing, and is left out.
                        "payments" => 5,
                        _ => 1,
                    }
                )),
                "{format} {kind}: {out}"
            );
        }
        assert_eq!(ledger_view(&copy), expected, "{format}, imported twice");
    }
    assert_eq!(
        std::fs::read_to_string(env.dir.path().join("methods.csv")).unwrap(),
        "id,customerId,type,label,brand,last4,isDefault\n\
         7,655080,CreditCard,business Visa,Visa,4242,false\n\
         8,655080,Paypal,,,,true\n"
    );
    assert_eq!(
        std::fs::read_to_string(env.dir.path().join("write-offs.csv")).unwrap(),
        // The write-off of 35.00 left (60.00 less 25.00 paid), on the tests' clock.
        "invoiceId,customerId,amount,currency,reason,effectiveTimestamp\n\
         566937,655080,35.00,USD,customer insolvent,2026-11-21T10:00:00Z\n"
    );
}

#[test]
fn a_write_off_imports_only_onto_an_invoice_that_owes_its_amount() {
    let env = loaded();
    let before = env.snapshot();
    let file = write(
        &env,
        "w.csv",
        b"invoiceId,customerId,amount,currency\n566934,655080,60.00,USD\n566935,1,20,USD\n566935,655080,20,EUR\n1,655080,1,USD\n566935,655080,abc,USD\n",
    );
    env.refused(
        &["import", &file, "--kind", "write-offs"],
        1,
        &format!(
            "error: line 2: invoice 566934 owes 100.00, not the 60.00 written off; import the payments first, so that it owes what it owed when it was written off
error: line 3: invoice 566935 is customer 655080's, not customer 1's
error: line 4: invoice 566935 is in USD, not EUR
error: line 5: invoice 1 not found; list invoices with: payctl invoice list
error: line 6: amount 'abc' contains 'a'; give digits and at most one '.', without currency symbols or spaces
error: {file}: nothing was imported (one transaction per file); fix the rows or use --rejects FILE
"
        ),
    );
    assert_eq!(env.snapshot(), before, "a refused file changes nothing");
    let future = write(
        &env,
        "future.csv",
        b"invoiceId,amount,effectiveTimestamp\n566934,100.00,2099-01-01\n",
    );
    env.refused(
        &["import", &future, "--kind", "write-offs"],
        1,
        &format!(
            "error: line 2: effectiveTimestamp '2099-01-01' is in the future; a write-off is dated now (2026-11-21T10:00:00Z) at the latest
error: {future}: nothing was imported (one transaction per file); fix the rows or use --rejects FILE
"
        ),
    );
    assert_eq!(env.snapshot(), before, "a refused file changes nothing");
    let good = write(
        &env,
        "ok.csv",
        b"invoiceId,amount,reason,effectiveTimestamp\n566934,100.00,gone,2026-11-01\n",
    );
    env.ok(&["import", &good, "--kind", "write-offs"]);
    let invoice = env.json(&["invoice", "show", "566934"]);
    assert_eq!(invoice["status"], "written_off");
    let other = write(&env, "other.csv", b"invoiceId,amount\n566934,99\n");
    env.refused(
        &["import", &other, "--kind", "write-offs"],
        1,
        &format!(
            "error: line 2: invoice 566934 was already written off by 100.00, not 99.00
error: {other}: nothing was imported (one transaction per file); fix the rows or use --rejects FILE
"
        ),
    );
    assert!(env
        .ok(&["export", "write-offs"])
        .ends_with("566934,655080,100.00,USD,gone,2026-11-01T00:00:00Z\n"));
}

#[test]
fn a_method_imports_once_and_never_over_another() {
    let env = loaded();
    let file = write(
        &env,
        "m.csv",
        b"id,customerId,type,label,brand,last4,isDefault\n5,655080,credit-card,biz,Visa,4242,false\n,655080,ACH,,Chase,1234,true\n,655080,ACH,,Chase,1234,true\n",
    );
    assert_eq!(
        env.ok(&["import", &file, "--kind", "methods", "-o", "csv"]),
        format!("file,kind,rows,imported,alreadyImported,failedAttempts,rejected,dryRun\n{file},methods,3,2,1,0,0,false\n")
    );
    assert_eq!(
        env.ok(&["method", "list", "--customer", "655080", "-o", "csv"]),
        "id,customerId,type,label,brand,last4,isDefault\n5,655080,CreditCard,biz,Visa,4242,false\n6,655080,ACH,,Chase,1234,true\n"
    );
    let before = env.snapshot();
    let bad = write(
        &env,
        "bad.csv",
        b"id,customerId,type,label,brand,last4,isDefault\n5,655080,ACH,biz,Visa,4242,false\n,655080,cash,,,,\n,655080,Paypal,,,12,\n,3,Paypal,,,,\n,655080,Paypal,,,,maybe\n",
    );
    env.refused(
        &["import", &bad, "--kind", "methods"],
        1,
        &format!(
            "error: line 2: payment method 5 already exists with other details (type ACH here, CreditCard on file); give the row another id, or leave id out
error: line 3: type 'cash' is not allowed; allowable values are: CreditCard, ACH, Paypal
error: line 4: last4 '12' must be exactly 4 digits (the last four of the card or account)
error: line 5: customer 3 not found; add it with: payctl customer add --id 3 --name ...
error: line 6: isDefault 'maybe' is not true or false
error: {bad}: nothing was imported (one transaction per file); fix the rows or use --rejects FILE
"
        ),
    );
    assert_eq!(env.snapshot(), before, "a refused file changes nothing");
    // Text that a CSV export neutralises (a leading =) or that has spaces reads back as it
    // was: the export imports into its own ledger as already there, and into another
    // identical.
    env.ok(&[
        "method",
        "add",
        "--customer",
        "655080",
        "--id",
        "9",
        "--type",
        "paypal",
        "--label",
        "=HYPERLINK(\"x\")",
        "--brand",
        " ops ",
    ]);
    let export = env.dir.path().join("methods.csv");
    env.ok(&["export", "methods", "--to", export.to_str().unwrap()]);
    let export = export.to_str().unwrap();
    assert!(std::fs::read_to_string(export)
        .unwrap()
        .contains("9,655080,Paypal,\"'=HYPERLINK(\"\"x\"\")\", ops ,,false\n"));
    assert!(env
        .ok(&["import", export, "--kind", "methods", "-o", "csv"])
        .ends_with(",methods,3,0,3,0,0,false\n"));
    let copy = Env::new();
    copy.ok(&["customer", "add", "--id", "655080", "--name", "Acme Corp"]);
    copy.ok(&["import", export, "--kind", "methods"]);
    assert_eq!(
        copy.ok(&["method", "list", "--customer", "655080", "-o", "json"]),
        env.ok(&["method", "list", "--customer", "655080", "-o", "json"])
    );
}

#[test]
fn formula_like_text_reads_back_identical_from_csv_and_json_exports() {
    // Text a spreadsheet would run gets a quote in a CSV export; the import takes exactly
    // that quote off again, in every kind, and text that already starts with a quote keeps
    // it. JSON exports add nothing, so nothing is taken off a JSON import.
    let from = Env::new();
    let ok = |args: &[&str]| from.ok(args);
    ok(&[
        "customer",
        "add",
        "--id",
        "1",
        "--name",
        "=HYPERLINK(\"x\")",
        "-q",
    ]);
    ok(&[
        "invoice",
        "add",
        "--customer",
        "1",
        "--id",
        "10",
        "--total",
        "100",
        "--number",
        "@INV-2",
        "-q",
    ]);
    ok(&[
        "invoice",
        "add",
        "--customer",
        "1",
        "--id",
        "11",
        "--total",
        "7",
        "--number",
        "'quoted",
        "-q",
    ]);
    ok(&[
        "create",
        "--customer",
        "1",
        "--amount",
        "5",
        "--method",
        "Cash",
        "--reference",
        "=1+1",
        "--allocate",
        "10=5",
        "-q",
    ]);
    ok(&[
        "method",
        "add",
        "--customer",
        "1",
        "--type",
        "ach",
        "--label",
        "'=quoted",
        "--last4",
        "1234",
        "-q",
    ]);
    ok(&["invoice", "write-off", "11", "--reason=-minus", "-q"]);
    let kinds = ["customers", "methods", "invoices", "payments", "write-offs"];
    let texts = |env: &Env| {
        let customer = env.json(&["customer", "show", "1"]);
        let payment = env.json(&["show", "1"]);
        let methods = env.json(&["method", "list", "--customer", "1"]);
        let invoices = env.json(&["invoice", "list"]);
        let write_offs = env.ok(&["export", "write-offs", "--format", "jsonl"]);
        (
            customer["name"].clone(),
            payment["reference"].clone(),
            methods[0]["label"].clone(),
            invoices
                .as_array()
                .unwrap()
                .iter()
                .map(|i| i["invoiceNumber"].clone())
                .collect::<Vec<_>>(),
            write_offs,
        )
    };
    let want = texts(&from);
    assert_eq!(want.0, "=HYPERLINK(\"x\")");
    assert_eq!(want.2, "'=quoted");
    assert!(want.4.contains(r#""reason":"-minus""#), "{}", want.4);
    for format in ["csv", "json"] {
        let to = Env::new();
        for kind in kinds {
            let file = from.dir.path().join(format!("{kind}.{format}"));
            from.ok(&[
                "export",
                kind,
                "--format",
                format,
                "--to",
                file.to_str().unwrap(),
            ]);
            to.ok(&["import", file.to_str().unwrap(), "--kind", kind]);
        }
        assert_eq!(texts(&to), want, "{format}");
        // And the same files again add nothing.
        for kind in kinds {
            let file = from.dir.path().join(format!("{kind}.{format}"));
            let out = to.ok(&[
                "import",
                file.to_str().unwrap(),
                "--kind",
                kind,
                "-o",
                "json",
            ]);
            assert!(out.contains("\"imported\": 0"), "{format} {kind}: {out}");
        }
    }
}
