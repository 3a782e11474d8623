//! Issue 16 item 5, for `import`: like every command that moves money (SPEC §4), an import of
//! payments names every invoice it touched, with what it applied, its new balance and status,
//! in every output format, dry run or not, and with `--rejects` only the imported rows'.

use serde_json::Value;
use unicode_width::UnicodeWidthStr;

use crate::common::Env;

fn write(env: &Env, name: &str, content: &str) -> String {
    let path = env.dir.path().join(name);
    std::fs::write(&path, content).unwrap();
    path.to_string_lossy().into_owned()
}

/// Row 1 allocates explicitly (20.00 to 566935, 5.00 to 566936), row 2 auto-allocates (30.00
/// to the oldest, 566934).
const PAYMENTS_CSV: &str = "customerId,amount,paymentMethod,reference,allocations,autoAllocate
655080,50.00,Cash,r1,566935=20.00;566936=5.00,
655080,30.00,Check,r2,,true
";

const TABLE: &str = "\
Invoices touched:
┌─────────┬────────┬─────────┬─────────┬────────┬────────────────┐
│ Invoice ┆ Number ┆ Applied ┆ Balance ┆  Total ┆ Status         │
╞═════════╪════════╪═════════╪═════════╪════════╪════════════════╡
│ 566934  ┆ 566934 ┆   30.00 ┆   70.00 ┆ 100.00 ┆ partially_paid │
│ 566935  ┆ 566935 ┆   20.00 ┆    0.00 ┆  20.00 ┆ paid           │
│ 566936  ┆ 566936 ┆    5.00 ┆   25.00 ┆  30.00 ┆ partially_paid │
└─────────┴────────┴─────────┴─────────┴────────┴────────────────┘
";

const TOUCHED_CELL: &str =
    "566934:30.00:70.00:partially_paid;566935:20.00:0.00:paid;566936:5.00:25.00:partially_paid";

const TOUCHED_JSON: &str = r#"[{"invoiceId":566934,"invoiceNumber":"566934","applied":30.00,"outstandingBalance":70.00,"invoiceTotal":100.00,"status":"partially_paid"},{"invoiceId":566935,"invoiceNumber":"566935","applied":20.00,"outstandingBalance":0.00,"invoiceTotal":20.00,"status":"paid"},{"invoiceId":566936,"invoiceNumber":"566936","applied":5.00,"outstandingBalance":25.00,"invoiceTotal":30.00,"status":"partially_paid"}]"#;

/// What `import` prints of the file of [`PAYMENTS_CSV`] in `format`, with `prefix` ("Dry run,
/// nothing written. " or "") and `dry_run`.
fn expected(format: &str, file: &str, prefix: &str, dry_run: bool) -> String {
    match format {
        "table" => format!(
            "{prefix}{file}: 2 rows, 2 imported, 0 already imported, 0 failed attempts recorded, 0 rejected\n{TABLE}"
        ),
        "csv" => format!(
            "file,kind,rows,imported,alreadyImported,failedAttempts,rejected,dryRun,touchedInvoices\n{file},payments,2,2,0,0,0,{dry_run},{TOUCHED_CELL}\n"
        ),
        "jsonl" => format!(
            "{{\"file\":\"{file}\",\"kind\":\"payments\",\"rows\":2,\"imported\":2,\"alreadyImported\":0,\"failedAttempts\":0,\"rejected\":0,\"dryRun\":{dry_run},\"touchedInvoices\":{TOUCHED_JSON}}}\n"
        ),
        "json" => {
            let touched: Value = serde_json::from_str(TOUCHED_JSON).unwrap();
            let mut text = serde_json::to_string_pretty(&serde_json::json!({
                "file": file,
                "kind": "payments",
                "rows": 2,
                "imported": 2,
                "alreadyImported": 0,
                "failedAttempts": 0,
                "rejected": 0,
                "dryRun": dry_run,
                "touchedInvoices": touched,
            }))
            .unwrap();
            text.push('\n');
            text
        }
        other => panic!("no format {other}"),
    }
}

#[test]
fn an_import_names_every_invoice_it_touched_in_every_output_format() {
    for format in ["table", "json", "jsonl", "csv"] {
        let env = Env::seeded();
        let file = write(&env, "p.csv", PAYMENTS_CSV);
        assert_eq!(
            env.ok(&["import", &file, "-o", format]),
            expected(format, &file, "", false),
            "{format}"
        );
        // The balances printed are the ledger's.
        let invoices = env.json(&["invoice", "list"]);
        let balances: Vec<String> = invoices
            .as_array()
            .unwrap()
            .iter()
            .map(|i| format!("{}:{}", i["id"], i["outstandingBalance"]))
            .collect();
        assert_eq!(
            balances,
            ["566934:70.00", "566935:0.00", "566936:25.00"],
            "{format}"
        );
        // A re-import touches nothing: no table, and an empty list.
        assert_eq!(
            env.ok(&["import", &file, "-o", format]),
            match format {
                "table" => format!("{file}: 2 rows, 0 imported, 2 already imported, 0 failed attempts recorded, 0 rejected\n"),
                "csv" => format!("file,kind,rows,imported,alreadyImported,failedAttempts,rejected,dryRun,touchedInvoices\n{file},payments,2,0,2,0,0,false,\n"),
                "jsonl" => format!("{{\"file\":\"{file}\",\"kind\":\"payments\",\"rows\":2,\"imported\":0,\"alreadyImported\":2,\"failedAttempts\":0,\"rejected\":0,\"dryRun\":false,\"touchedInvoices\":[]}}\n"),
                _ => format!("{{\n  \"file\": \"{file}\",\n  \"kind\": \"payments\",\n  \"rows\": 2,\n  \"imported\": 0,\n  \"alreadyImported\": 2,\n  \"failedAttempts\": 0,\n  \"rejected\": 0,\n  \"dryRun\": false,\n  \"touchedInvoices\": []\n}}\n"),
            },
            "{format}, again"
        );
    }
}

#[test]
fn a_dry_run_prints_the_same_invoices_and_writes_nothing() {
    let env = Env::seeded();
    let file = write(&env, "p.csv", PAYMENTS_CSV);
    let before = env.snapshot();
    for format in ["table", "json", "jsonl", "csv"] {
        assert_eq!(
            env.ok(&["import", &file, "--dry-run", "-o", format]),
            expected(format, &file, "Dry run, nothing written. ", true),
            "{format}"
        );
        assert_eq!(before, env.snapshot(), "import --dry-run -o {format} wrote");
    }
    // -q still prints nothing.
    assert_eq!(env.ok(&["import", &file, "--dry-run", "-q"]), "");
    // The dry run said what the import then did.
    assert_eq!(
        env.ok(&["import", &file, "-o", "csv"]),
        expected("csv", &file, "", false)
    );
}

#[test]
fn every_input_format_names_the_invoices_it_touched() {
    let json = r#"[{"customerId": 655080, "amount": 50.00, "paymentMethod": "Cash", "reference": "r1",
                    "paymentAllocations": [{"invoiceId": 566935, "amount": 20.00}, {"invoiceId": 566936, "amount": 5.00}]},
                   {"customerId": 655080, "amount": 30.00, "paymentMethod": "Check", "reference": "r2", "autoAllocate": true}]"#;
    let jsonl = "{\"customerId\": 655080, \"amount\": 50.00, \"paymentMethod\": \"Cash\", \"paymentAllocations\": [{\"invoiceId\": 566935, \"amount\": 20.00}, {\"invoiceId\": 566936, \"amount\": 5.00}]}\n\
                 {\"customerId\": 655080, \"amount\": 30.00, \"paymentMethod\": \"Check\", \"autoAllocate\": true}\n";
    for (name, content) in [
        ("p.csv", PAYMENTS_CSV),
        ("p.json", json),
        ("p.jsonl", jsonl),
    ] {
        let env = Env::seeded();
        let file = write(&env, name, content);
        let summary = env.json(&["import", &file]);
        assert_eq!(
            summary["touchedInvoices"].to_string(),
            TOUCHED_JSON,
            "{name}"
        );
    }
    // InvoiceMethodInsert in XML: a payment applied to 566935, and a declined attempt, which
    // touches nothing.
    let env = Env::seeded();
    let xml = write(
        &env,
        "imi.xml",
        "<ArrayOfInvoiceMethodInsertRequest>
<InvoiceMethodInsertRequest><CustomerId>655080</CustomerId><PaymentType>Cash</PaymentType>
<AmountReceived>12.50</AmountReceived><CurrencyType>USD</CurrencyType><PaymentStatus>Completed</PaymentStatus>
<InvoicePaymentDetailRequest><OrderId>566935</OrderId><AmountApplied>12.50</AmountApplied></InvoicePaymentDetailRequest>
</InvoiceMethodInsertRequest>
<InvoiceMethodInsertRequest><CustomerId>655080</CustomerId><PaymentType>Cash</PaymentType>
<AmountReceived>15.00</AmountReceived><PaymentNote>do not honor</PaymentNote><PaymentStatus>Declined</PaymentStatus>
</InvoiceMethodInsertRequest>
</ArrayOfInvoiceMethodInsertRequest>",
    );
    assert_eq!(
        env.ok(&["import", &xml, "-o", "csv"]),
        format!("file,kind,rows,imported,alreadyImported,failedAttempts,rejected,dryRun,touchedInvoices\n{xml},payments,2,1,0,1,0,false,566935:12.50:7.50:partially_paid\n")
    );
}

#[test]
fn with_rejects_only_the_imported_rows_invoices_are_listed() {
    let env = Env::seeded();
    // Row 2 asks for more than 566935's balance: refused, and 566935 is left as it was.
    let file = write(
        &env,
        "p.csv",
        "customerId,amount,paymentMethod,reference,allocations
655080,10.00,Cash,r1,566934=10.00
655080,30.00,Check,r2,566935=30.00
655080,5.00,Cash,r3,566936=5.00
",
    );
    let rejects = env.dir.path().join("rejects.csv");
    let rejects_text = rejects.to_str().unwrap();
    for dry_run in [true, false] {
        let mut args = vec!["import", &file, "--rejects", rejects_text];
        if dry_run {
            args.push("--dry-run");
        }
        assert_eq!(
            env.ok(&args),
            format!(
                "{}{file}: 3 rows, 2 imported, 0 already imported, 0 failed attempts recorded, 1 rejected
Invoices touched:
┌─────────┬────────┬─────────┬─────────┬────────┬────────────────┐
│ Invoice ┆ Number ┆ Applied ┆ Balance ┆  Total ┆ Status         │
╞═════════╪════════╪═════════╪═════════╪════════╪════════════════╡
│ 566934  ┆ 566934 ┆   10.00 ┆   90.00 ┆ 100.00 ┆ partially_paid │
│ 566936  ┆ 566936 ┆    5.00 ┆   25.00 ┆  30.00 ┆ partially_paid │
└─────────┴────────┴─────────┴─────────┴────────┴────────────────┘
",
                if dry_run {
                    "Dry run, nothing written. "
                } else {
                    ""
                }
            ),
            "dry run: {dry_run}"
        );
        args.extend(["-o", "json"]);
        // Rows already imported count as such, and touch nothing.
        if !dry_run {
            let again: Value = serde_json::from_str(&env.ok(&args)).unwrap();
            assert_eq!(again["touchedInvoices"].to_string(), "[]");
        }
    }
    assert_eq!(
        env.json(&["invoice", "show", "566935"])["outstandingBalance"].to_string(),
        "20.00"
    );
}

/// 60 invoices, and a payment to each, listed in the file from the last invoice to the first.
fn sixty(env: &Env) -> String {
    let mut invoices = String::from("id,customerId,invoiceAmount,effectiveTimestamp,dueDate\n");
    let mut payments = String::from("customerId,amount,paymentMethod,allocations\n");
    for i in 0..60 {
        invoices.push_str(&format!(
            "{},655080,10.00,2026-10-01T00:00:00Z,2026-10-31T00:00:00Z\n",
            1001 + i
        ));
    }
    for i in (0..60).rev() {
        payments.push_str(&format!("655080,4.00,Cash,{}=4.00\n", 1001 + i));
    }
    let invoices = write(env, "invoices.csv", &invoices);
    env.ok(&["import", &invoices, "--kind", "invoices", "-q"]);
    write(env, "payments.csv", &payments)
}

#[test]
fn the_table_shows_fifty_invoices_and_json_lists_every_one() {
    let env = Env::new();
    env.ok(&["customer", "add", "--id", "655080", "--name", "Acme Corp"]);
    let file = sixty(&env);
    // In a pipe: plain columns, the first 50 invoices by id, and how many more.
    let out = env
        .command(&["import", &file, "--dry-run"])
        .env_remove("PAYCTL_FORCE_TTY")
        .output()
        .unwrap();
    assert!(out.status.success());
    let mut want = format!("Dry run, nothing written. {file}: 60 rows, 60 imported, 0 already imported, 0 failed attempts recorded, 0 rejected\nInvoices touched:\nInvoice  Number  Applied  Balance  Total  Status\n");
    for id in 1001..1051 {
        want.push_str(&format!("{id}  {id}  4.00  6.00  10.00  partially_paid\n"));
    }
    want.push_str("… and 10 more invoices touched; -o json lists every one\n");
    assert_eq!(String::from_utf8(out.stdout).unwrap(), want);
    // On a terminal of 40 columns every line fits, and the count follows the 50th.
    let narrow = env.ok_env(&["import", &file, "--dry-run"], &[("COLUMNS", "40")]);
    for line in narrow.lines().skip(1) {
        assert!(line.width() <= 40, "{} > 40: {line}", line.width());
    }
    assert_eq!(narrow.matches("│ Invoice ┆ ").count(), 50, "{narrow}");
    assert!(
        narrow.ends_with(
            "└─────────┴────────────────┘\n… and 10 more invoices touched; -o json\nlists every one\n"
        ),
        "{narrow}"
    );
    // JSON, JSON Lines and CSV list every one, in id order.
    let ids: Vec<i64> = (1001..1061).collect();
    let summary = env.json(&["import", &file]);
    let listed: Vec<i64> = summary["touchedInvoices"]
        .as_array()
        .unwrap()
        .iter()
        .map(|t| t["invoiceId"].as_i64().unwrap())
        .collect();
    assert_eq!(listed, ids);
    let jsonl: Value =
        serde_json::from_str(&env.ok(&["import", &file, "--dry-run", "-o", "jsonl"])).unwrap();
    // Imported already: a dry run of the same file touches nothing now.
    assert_eq!(jsonl["touchedInvoices"].to_string(), "[]");
}
