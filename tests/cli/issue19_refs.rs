//! Issue 19 items 1 and 2: invoices named by id or number wherever one is named (SPEC §4),
//! numbers unique per customer (SPEC §10), and `payctl find`. Run on either engine.

use crate::common::Env;
use serde_json::{json, Value};

/// An amount as payctl's JSON writes it (`30.00`), to compare with what it wrote.
fn json_money(text: &str) -> Value {
    serde_json::from_str(text).unwrap()
}

/// Customer 655080 with invoice 42 numbered INV-2026-0042 (800.00) and 43 numbered A-101
/// (1200.00); customer 2 with invoice 7 numbered 42 and 8 numbered INV-2026-0042.
fn numbered() -> Env {
    let env = Env::new();
    env.ok(&[
        "customer",
        "add",
        "--id",
        "655080",
        "--name",
        "Acme Corp",
        "--email",
        "ap@acme.example",
    ]);
    env.ok(&["customer", "add", "--id", "2", "--name", "Beta LLC"]);
    for (customer, id, number, total) in [
        ("655080", "42", "INV-2026-0042", "800"),
        ("655080", "43", "A-101", "1200"),
        ("2", "7", "42", "100"),
        ("2", "8", "INV-2026-0042", "100"),
    ] {
        env.ok(&[
            "invoice",
            "add",
            "--customer",
            customer,
            "--id",
            id,
            "--number",
            number,
            "--total",
            total,
            "--date",
            "2026-02-01",
        ]);
    }
    env
}

#[test]
fn the_issues_command_works_and_json_keeps_numeric_invoice_ids() {
    let env = numbered();
    let payment = env.json(&[
        "create",
        "--customer",
        "655080",
        "--amount",
        "500",
        "--method",
        "Check",
        "--allocate",
        "INV-2026-0042=500",
    ]);
    assert_eq!(payment["invoiceAllocations"][0]["invoiceId"], json!(42));
    let a101 = env.json(&[
        "create",
        "--customer",
        "655080",
        "--amount",
        "1200",
        "--method",
        "Check",
        "--allocate",
        "A-101=1200",
    ]);
    assert_eq!(a101["invoiceAllocations"][0]["invoiceId"], json!(43));
    assert_eq!(
        env.json(&["invoice", "show", "A-101"])["status"],
        json!("paid")
    );
}

#[test]
fn every_command_that_names_an_invoice_takes_its_number() {
    let env = numbered();
    env.ok(&[
        "create",
        "--customer",
        "655080",
        "--amount",
        "100",
        "--method",
        "Cash",
        "-q",
    ]);
    // The payment's customer is 655080: only its invoices are looked at, so "42" is its
    // invoice 42 (customer 2's invoice numbered 42 is not looked at), and INV-2026-0042 is 42.
    env.ok(&[
        "allocate",
        "1",
        "--invoice",
        "INV-2026-0042",
        "--amount",
        "30",
    ]);
    env.ok(&["allocate", "1", "--invoice", "42", "--amount", "10"]);
    env.ok(&[
        "reallocate",
        "1",
        "--from",
        "number:INV-2026-0042",
        "--to",
        "A-101",
        "--amount",
        "15",
    ]);
    env.ok(&["unallocate", "1", "--invoice", "id:43", "--amount", "5"]);
    env.ok(&[
        "refund",
        "1",
        "--amount",
        "75",
        "--from-invoice",
        "A-101=10",
    ]);
    let shown = env.json(&["invoice", "show", "id:42"]);
    assert_eq!(
        (shown["id"].clone(), shown["totalPayments"].clone()),
        (json!(42), json_money("25.00"))
    );
    let a101 = env.json(&["invoice", "show", "A-101"]);
    assert_eq!(
        (a101["id"].clone(), a101["totalPayments"].clone()),
        (json!(43), json_money("0.00"))
    );
    env.ok(&["invoice", "void", "A-101", "--reason", "issued twice"]);
    assert_eq!(
        env.json(&["invoice", "show", "43"])["status"],
        json!("void")
    );
    env.ok(&["unallocate", "1", "--invoice", "INV-2026-0042"]);
    env.ok(&["invoice", "write-off", "id:42", "--reason", "uncollectable"]);
    assert_eq!(
        env.json(&["invoice", "show", "id:42"])["status"],
        json!("written_off")
    );
}

#[test]
fn a_reference_naming_two_invoices_is_refused_naming_both() {
    let env = numbered();
    env.refused(
        &["invoice", "show", "42"],
        1,
        "error: invoice reference '42' is ambiguous: it names invoice 42 (number INV-2026-0042, customer 655080) and invoice 7 (number 42, customer 2); write id:42 or number:42 for one reading\n",
    );
    env.refused(
        &["invoice", "void", "INV-2026-0042", "--reason", "x"],
        1,
        "error: invoice reference 'INV-2026-0042' is ambiguous: it names invoice 8 (number INV-2026-0042, customer 2) and invoice 42 (number INV-2026-0042, customer 655080); name it by id: id:8 or id:42\n",
    );
    // The forms that force one reading.
    assert_eq!(
        env.json(&["invoice", "show", "id:42"])["invoiceNumber"],
        json!("INV-2026-0042")
    );
    assert_eq!(env.json(&["invoice", "show", "number:42"])["id"], json!(7));
    env.refused(
        &["invoice", "show", "INV-9"],
        3,
        "error: invoice number 'INV-9' not found\n",
    );
    env.refused(
        &[
            "create",
            "--customer",
            "2",
            "--amount",
            "5",
            "--method",
            "Cash",
            "--allocate",
            "A-101=5",
        ],
        3,
        "error: invoice number 'A-101' not found for customer 2\n",
    );
}

#[test]
fn numbers_are_unique_per_customer_and_verify_reports_older_duplicates() {
    let env = numbered();
    env.refused(
        &["invoice", "add", "--customer", "655080", "--number", " A-101 ", "--total", "5"],
        1,
        "error: invoice number 'A-101' is already used by invoice 43 of customer 655080; invoice numbers are unique per customer\n",
    );
    // Another customer may use it, and the case is part of the number.
    env.ok(&[
        "invoice",
        "add",
        "--customer",
        "2",
        "--number",
        "A-101",
        "--total",
        "5",
        "-q",
    ]);
    env.ok(&[
        "invoice",
        "add",
        "--customer",
        "655080",
        "--number",
        "a-101",
        "--total",
        "5",
        "-q",
    ]);
    // An import refuses a duplicate too, of the ledger's or of its own rows.
    let file = env.dir.path().join("invoices.csv");
    std::fs::write(
        &file,
        "id,invoiceNumber,customerId,invoiceAmount\n60,N-1,655080,5\n61,N-1,655080,6\n",
    )
    .unwrap();
    let before = env.snapshot();
    let run = env.run(&["import", file.to_str().unwrap(), "--kind", "invoices"]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert!(
        run.stderr
            .contains("invoice number 'N-1' is already used by invoice 60 of customer 655080"),
        "{}",
        run.stderr
    );
    assert_eq!(before, env.snapshot());
    // A ledger written before numbers were unique: verify warns, and passes.
    env.exec("INSERT INTO invoices (id, invoice_number, customer_id, currency, total, effective_at, due_at, created_at)
              VALUES (99, 'A-101', 655080, 'USD', 100, '2026-02-01T00:00:00Z', '2026-02-01T00:00:00Z', '2026-02-01T00:00:00Z')");
    env.exec("UPDATE currency_totals SET total = total + 100 WHERE currency = 'USD'");
    let run = env.run(&["verify"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(
        run.stderr.contains(
            "warning: customer 655080 has invoice number 'A-101' on more than one invoice (43, 99)"
        ),
        "{}",
        run.stderr
    );
    env.refused(
        &["invoice", "show", "number:A-101"],
        1,
        "error: invoice reference 'number:A-101' is ambiguous: it names invoice 43 (number A-101, customer 655080) and invoice 44 (number A-101, customer 2) and invoice 99 (number A-101, customer 655080); name it by id: id:43 or id:44 or id:99\n",
    );
}

#[test]
fn imports_name_invoices_by_number() {
    let env = numbered();
    let csv = env.dir.path().join("payments.csv");
    std::fs::write(
        &csv,
        "customerId,amount,paymentMethod,allocations\n655080,50,Check,INV-2026-0042=20;A-101=30\n",
    )
    .unwrap();
    env.ok(&["import", csv.to_str().unwrap()]);
    assert_eq!(
        env.json(&["invoice", "show", "43"])["totalPayments"],
        json_money("30.00")
    );
    let jsonl = env.dir.path().join("payments.jsonl");
    std::fs::write(
        &jsonl,
        "{\"customerId\": 655080, \"amount\": 5, \"paymentMethod\": \"Cash\", \"paymentAllocations\": [{\"invoiceId\": \"A-101\", \"amount\": 5}]}\n",
    )
    .unwrap();
    env.ok(&["import", jsonl.to_str().unwrap()]);
    assert_eq!(
        env.json(&["invoice", "show", "43"])["totalPayments"],
        json_money("35.00")
    );
    // A number the customer does not have: the row is refused, nothing is imported.
    std::fs::write(
        &csv,
        "customerId,amount,paymentMethod,allocations\n2,5,Check,A-999=5\n",
    )
    .unwrap();
    let before = env.snapshot();
    let run = env.run(&["import", csv.to_str().unwrap()]);
    assert_eq!(run.code, 1);
    assert!(
        run.stderr
            .contains("line 2: invoice number 'A-999' not found for customer 2"),
        "{}",
        run.stderr
    );
    assert_eq!(before, env.snapshot());
}

#[test]
fn find_looks_in_names_numbers_references_and_amounts_in_every_format() {
    let env = numbered();
    env.ok(&[
        "create",
        "--customer",
        "2",
        "--amount",
        "77.50",
        "--method",
        "Check",
        "--reference",
        "CHK-2026-118",
    ]);
    let hits = env.json(&["find", "inv-2026"]);
    let ids: Vec<(String, i64)> = hits
        .as_array()
        .unwrap()
        .iter()
        .map(|h| {
            (
                h["kind"].as_str().unwrap().to_string(),
                h["id"].as_i64().unwrap(),
            )
        })
        .collect();
    assert_eq!(ids, vec![("invoice".into(), 8), ("invoice".into(), 42)]);
    let acme = env.json(&["find", "ACME"]);
    assert_eq!(acme[0]["kind"], json!("customer"));
    assert_eq!(acme[0]["outstandingBalance"], json_money("2000.00"));
    assert_eq!(acme[0]["matched"], json!("name"));
    let by_ref = env.json(&["find", "chk-2026"]);
    assert_eq!(
        (
            by_ref[0]["kind"].clone(),
            by_ref[0]["reference"].clone(),
            by_ref[0]["name"].clone()
        ),
        (json!("payment"), json!("CHK-2026-118"), json!("Beta LLC"))
    );
    // An amount: the payment of 77.50; customer 2 owes 200.00 - 77.50 is not it.
    let amount = env.json(&["find", "77.5"]);
    assert_eq!(amount.as_array().unwrap().len(), 1);
    assert_eq!(amount[0]["matched"], json!("amount"));
    // Customer 655080 owes 2000.00: customers are not searched by amount, its invoices are.
    let owing = env.json(&["find", "2000"]);
    assert_eq!(owing.as_array().map(Vec::len), Some(0));
    assert_eq!(
        env.ok(&["find", "A-101", "-o", "csv"]),
        "kind,id,customerId,name,email,invoiceNumber,reference,amount,outstandingBalance,currency,matched\ninvoice,43,655080,Acme Corp,ap@acme.example,A-101,,1200.00,1200.00,USD,number\n"
    );
    assert_eq!(env.ok(&["find", "A-101", "-o", "jsonl"]).lines().count(), 1);
    // Nothing found: exit 0, an empty list, and a word on stderr at the terminal.
    assert_eq!(env.ok(&["find", "zzz", "-o", "json"]), "[]\n");
    let run = env.run(&["find", "zzz"]);
    assert_eq!(
        (run.code, run.stderr.as_str()),
        (0, "no customer, invoice or payment matches 'zzz'\n")
    );
    // LIKE's own characters are plain text.
    assert_eq!(env.ok(&["find", "%", "-o", "json"]), "[]\n");
}
