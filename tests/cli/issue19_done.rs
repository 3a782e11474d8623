//! Issue 19's "Done when", end to end on the engine under test: a payment applied by invoice
//! number, a duplicate invoice number and a duplicate check refused, the Odoo overpayment
//! write-off and ERPNext's deduction in one command each, a closed period whose aging never
//! changes whatever comes after, invoice numbers beside ids in the statement, and `verify`.

use crate::common::Env;

/// A refusal with `code` whose stderr holds `part`, that changed nothing.
#[track_caller]
fn refused_containing(env: &Env, args: &[&str], code: i32, part: &str) {
    let before = env.snapshot();
    let run = env.run(args);
    assert_eq!(run.code, code, "payctl {args:?}: {}", run.stderr);
    assert!(run.stderr.contains(part), "payctl {args:?}: {}", run.stderr);
    assert_eq!(before, env.snapshot(), "payctl {args:?} changed the ledger");
}

fn aging_as_of_close(env: &Env) -> Vec<String> {
    let mut out = Vec::new();
    for by in ["due", "invoice"] {
        for o in ["json", "csv", "table"] {
            out.push(env.ok(&[
                "report",
                "aging",
                "--as-of",
                "2026-10-31",
                "--by",
                by,
                "-o",
                o,
            ]));
        }
    }
    out
}

#[test]
fn issue_19_done_when() {
    // PAYCTL_NOW is 2026-11-21 in every test.
    let env = Env::seeded();
    env.ok(&[
        "invoice",
        "add",
        "--customer",
        "655080",
        "--id",
        "570001",
        "--number",
        "INV-2026-0042",
        "--total",
        "500",
        "--date",
        "2026-10-05",
        "--terms",
        "net30",
    ]);

    // Cash applied by the number on the remittance.
    let created = env.json(&[
        "create",
        "--customer",
        "655080",
        "--amount",
        "500",
        "--method",
        "Check",
        "--reference",
        "CHK 1042",
        "--date",
        "2026-10-20",
        "--allocate",
        "INV-2026-0042=500",
    ]);
    assert_eq!(created["invoiceAllocations"][0]["invoiceId"], 570001);
    let invoice = env.json(&["invoice", "show", "INV-2026-0042"]);
    assert_eq!(invoice["status"], "paid", "{invoice}");

    // A duplicate invoice number and the same check entered twice: refused, nothing changed.
    refused_containing(
        &env,
        &[
            "invoice",
            "add",
            "--customer",
            "655080",
            "--number",
            "INV-2026-0042",
            "--total",
            "10",
        ],
        1,
        "invoice number 'INV-2026-0042' is already used by invoice 570001 of customer 655080",
    );
    refused_containing(
        &env,
        &[
            "create",
            "--customer",
            "655080",
            "--amount",
            "500.00",
            "--method",
            "Check",
            "--reference",
            "CHK 1042 ",
        ],
        1,
        "has the same amount 500.00 and reference 'CHK 1042'",
    );

    // The statement names the invoice by its number beside its id, in the allocation row too.
    let statement = env.json(&["report", "statement", "--customer", "655080"]);
    let entries = statement["currencies"][0]["entries"].as_array().unwrap();
    let allocation = entries
        .iter()
        .find(|e| e["entry"] == "allocation" && e["invoiceId"] == 570001)
        .unwrap_or_else(|| panic!("no allocation entry: {statement}"));
    assert_eq!(allocation["invoiceNumber"], "INV-2026-0042");
    let csv = env.ok(&["report", "statement", "--customer", "655080", "-o", "csv"]);
    assert!(
        csv.lines()
            .next()
            .unwrap()
            .contains(",entry,invoiceId,invoiceNumber,paymentId,"),
        "{csv}"
    );
    assert!(
        csv.lines()
            .any(|l| l.contains(",allocation,570001,INV-2026-0042,")),
        "{csv}"
    );

    // October is reported and closed; its aging is kept to compare.
    env.ok(&["period", "close", "2026-10-31"]);
    let closed_aging = aging_as_of_close(&env);

    // ERPNext's deduction: 95 paid on a 100 invoice, 5 written off, one command: paid.
    env.ok(&[
        "invoice",
        "add",
        "--customer",
        "655080",
        "--number",
        "ERP-100",
        "--total",
        "100",
    ]);
    env.ok(&[
        "create",
        "--customer",
        "655080",
        "--amount",
        "95",
        "--method",
        "Check",
        "--allocate",
        "ERP-100=95",
    ]);
    env.ok(&[
        "invoice",
        "write-off",
        "ERP-100",
        "--amount",
        "5",
        "--reason",
        "short-paid: bank charges",
    ]);
    let erp = env.json(&["invoice", "show", "ERP-100"]);
    assert_eq!(
        (
            erp["status"].as_str(),
            erp["outstandingBalance"].to_string()
        ),
        (Some("paid"), "0.00".to_string()),
        "{erp}"
    );

    // Odoo's overpayment write-off: 120 received for a 100 invoice, the 20 over written off
    // with one command (a customer of its own, so that no other credit is in the way).
    env.ok(&["customer", "add", "--id", "700100", "--name", "Odoo Buyer"]);
    env.ok(&[
        "invoice",
        "add",
        "--customer",
        "700100",
        "--number",
        "ODOO-1",
        "--total",
        "100",
    ]);
    env.ok(&[
        "create",
        "--customer",
        "700100",
        "--amount",
        "120",
        "--method",
        "Cash",
        "--allocate",
        "ODOO-1=100",
    ]);
    let before = env.json(&["customer", "show", "700100"]);
    assert_eq!(before["availableFunds"].to_string(), "20.00", "{before}");
    env.ok(&[
        "credit",
        "write-off",
        "--customer",
        "700100",
        "--amount",
        "20",
        "--reason",
        "overpayment",
    ]);
    let after = env.json(&["customer", "show", "700100"]);
    assert_eq!(
        (
            after["availableFunds"].to_string(),
            after["outstandingBalance"].to_string()
        ),
        ("0.00".to_string(), "0.00".to_string()),
        "{after}"
    );

    // More of everything after the close, dated now: notes, a renumbering, a refund-free
    // unallocation, a payment on an October invoice.
    env.ok(&[
        "invoice",
        "credit-note",
        "566936",
        "--amount",
        "1",
        "--reason",
        "returned",
    ]);
    env.ok(&[
        "invoice",
        "debit-note",
        "566934",
        "--amount",
        "2.50",
        "--reason",
        "late fee",
    ]);
    env.ok(&[
        "create",
        "--customer",
        "655080",
        "--amount",
        "10",
        "--method",
        "Cash",
        "--allocate",
        "id:566934=10",
    ]);
    env.ok(&["invoice", "edit", "ERP-100", "--number", "ERP-100-A"]);
    // A write dated in the closed period is refused, naming it.
    refused_containing(
        &env,
        &[
            "create",
            "--customer",
            "655080",
            "--amount",
            "5",
            "--method",
            "Cash",
            "--date",
            "2026-10-15",
        ],
        1,
        "payment date 2026-10-15 is in a closed period (closed through 2026-10-31",
    );
    refused_containing(
        &env,
        &[
            "invoice",
            "credit-note",
            "566934",
            "--amount",
            "1",
            "--reason",
            "backdated",
            "--date",
            "2026-10-30",
        ],
        1,
        "credit note dated 2026-10-30 is in a closed period (closed through 2026-10-31",
    );
    assert_eq!(aging_as_of_close(&env), closed_aging);

    // And the ledger agrees with itself.
    let verify = env.run(&["verify"]);
    assert_eq!(verify.code, 0, "{}{}", verify.stdout, verify.stderr);
}
