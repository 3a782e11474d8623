//! Issue 19 items 3, 5 and 6 (SPEC §10): duplicate payments, closed periods, customer and
//! invoice edits. Each runs the real binary on the engine under test.

use crate::common::Env;

const CLOSED_HINT: &str = "closed through 2026-10-31 on 2026-11-21T10:00:00Z by tester)";

fn check(amount: &str, reference: &str) -> Vec<String> {
    [
        "create",
        "--customer",
        "655080",
        "--amount",
        amount,
        "--method",
        "Check",
        "--reference",
        reference,
    ]
    .iter()
    .map(|s| s.to_string())
    .collect()
}

fn args(v: &[String]) -> Vec<&str> {
    v.iter().map(String::as_str).collect()
}

#[test]
fn a_check_entered_twice_is_refused_naming_the_first_unless_allowed() {
    let env = Env::seeded();
    let first = check("50.00", "CHK 1042");
    assert_eq!(env.ok(&[&args(&first)[..], &["-q"]].concat()), "1\n");
    let dup = "error: payment 1 of customer 655080 has the same amount 50.00 and reference 'CHK 1042'; this looks like the same payment entered twice. If it is a second payment, record it with --allow-duplicate\n";
    // The same reference with spaces around it is the same check; the amount as 50 too.
    env.refused(&args(&check("50", " CHK 1042 ")), 1, dup);
    // --dry-run reports the refusal the same way.
    env.refused(
        &[&args(&check("50", "CHK 1042"))[..], &["--dry-run"]].concat(),
        1,
        dup,
    );
    // Another amount, another reference or another case is not a duplicate.
    env.ok(&args(&check("50.01", "CHK 1042")));
    env.ok(&args(&check("50.00", "chk 1042")));
    // Allowed on purpose.
    let allowed_check = check("50", "CHK 1042");
    let allowed = [&args(&allowed_check)[..], &["--allow-duplicate", "-q"]].concat();
    assert_eq!(env.ok(&allowed), "4\n");
    // The JSON error names the field.
    let run = env.run(&[&args(&check("50", "CHK 1042"))[..], &["-o", "json"]].concat());
    assert_eq!(run.code, 1);
    assert!(
        run.stderr.contains(r#""Key": "reference""#),
        "{}",
        run.stderr
    );
}

#[test]
fn a_voided_or_bounced_payment_is_no_longer_a_duplicate_and_a_key_replays() {
    let env = Env::seeded();
    let keyed_check = check("20", "CHK 7");
    let keyed = [&args(&keyed_check)[..], &["--idempotency-key", "k-7", "-q"]].concat();
    assert_eq!(env.ok(&keyed), "1\n");
    // The same key replays the first payment (exit 0, nothing new), duplicate or not.
    let before = env.snapshot();
    assert_eq!(env.ok(&keyed), "1\n");
    assert_eq!(before, env.snapshot());
    env.refused(
        &args(&check("20", "CHK 7")),
        1,
        "error: payment 1 of customer 655080 has the same amount 20.00 and reference 'CHK 7'; this looks like the same payment entered twice. If it is a second payment, record it with --allow-duplicate\n",
    );
    env.ok(&["void", "1", "--reason", "entered by mistake"]);
    assert_eq!(
        env.ok(&[&args(&check("20", "CHK 7"))[..], &["-q"]].concat()),
        "2\n"
    );
    // A payment with no reference is never a duplicate.
    for _ in 0..2 {
        env.ok(&[
            "create",
            "--customer",
            "655080",
            "--amount",
            "5",
            "--method",
            "Cash",
        ]);
    }
}

#[test]
fn an_import_refuses_a_duplicate_of_the_ledger_and_of_an_earlier_row() {
    let env = Env::seeded();
    env.ok(&args(&check("10", "WIRE-1")));
    let file = env.dir.path().join("p.csv");
    std::fs::write(
        &file,
        "customerId,amount,paymentMethod,reference\n655080,10.00,Check,WIRE-1\n655080,11.00,Check,WIRE-2\n655080,11,Check,WIRE-2\n",
    )
    .unwrap();
    let path = file.to_str().unwrap();
    let run = env.run(&["import", path]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert!(
        run.stderr.contains(
            "payment 1 of customer 655080 has the same amount 10.00 and reference 'WIRE-1'"
        ),
        "{}",
        run.stderr
    );
    // The third row duplicates the second (not written yet: the id is the one it would take).
    assert!(
        run.stderr.contains(
            "line 4: an earlier row of this file (payment 2 of customer 655080) has the same amount 11.00 and reference 'WIRE-2'"
        ),
        "{}",
        run.stderr
    );
    let before = env.snapshot();
    assert_eq!(env.run(&["import", path, "--dry-run"]).code, 1);
    assert_eq!(before, env.snapshot());
    env.ok(&["import", path, "--allow-duplicate"]);
    assert_eq!(env.json(&["list"]).as_array().unwrap().len(), 4);
}

#[test]
fn a_closed_period_refuses_every_write_dated_in_it_and_reopen_lets_it_in() {
    let env = Env::seeded();
    env.ok(&["period", "close", "2026-10-31"]);
    env.refused(
        &["create", "--customer", "655080", "--amount", "5", "--method", "Cash", "--date", "2026-10-31T23:59:59Z"],
        1,
        &format!("error: payment date 2026-10-31 is in a closed period ({CLOSED_HINT}; reopen it with: payctl period reopen 2026-10-31 --reason ...\n"),
    );
    env.refused(
        &["invoice", "add", "--customer", "655080", "--total", "5", "--date", "2026-10-15"],
        1,
        &format!("error: invoice date 2026-10-15 is in a closed period ({CLOSED_HINT}; reopen it with: payctl period reopen 2026-10-15 --reason ...\n"),
    );
    env.refused(
        &["invoice", "edit", "566934", "--terms", "net45"],
        1,
        &format!("error: invoice 566934 cannot be edited: its invoice date 2026-10-01 is in a closed period ({CLOSED_HINT}; reopen it with: payctl period reopen 2026-10-01 --reason ...\n"),
    );
    let file = env.dir.path().join("p.csv");
    std::fs::write(&file, "customerId,amount,paymentMethod,effectiveTimestamp\n655080,1.00,Cash,2026-11-02\n655080,1.00,Cash,2026-09-30\n").unwrap();
    let run = env.run(&["import", file.to_str().unwrap()]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert!(
        run.stderr
            .contains("payment date 2026-09-30 is in a closed period"),
        "{}",
        run.stderr
    );
    // Dated after the close, or now: accepted.
    env.ok(&[
        "create",
        "--customer",
        "655080",
        "--amount",
        "5",
        "--method",
        "Cash",
        "--date",
        "2026-11-01",
        "--allocate",
        "566934=5",
    ]);
    // Closing an earlier date changes nothing; a date not yet over is refused.
    let before = env.snapshot();
    assert!(env.ok(&["period", "close", "2026-09-30"]).starts_with(
        "2026-09-30 is already closed (closed through 2026-10-31); nothing was written"
    ));
    assert_eq!(before, env.snapshot());
    env.refused(
        &["period", "close", "2026-11-21"],
        1,
        "error: period date 2026-11-21 has not ended yet (today is 2026-11-21); close a date before today\n",
    );
    env.refused(
        &["period", "reopen", "2026-11-01", "--reason", "x"],
        1,
        "error: period date 2026-11-01 is not in a closed period (closed through 2026-10-31); give a date on or before it\n",
    );
    env.refused(
        &["period", "reopen", "2026-10-01", "--reason", " "],
        1,
        "error: reason ' ' is blank once invisible characters and spaces are removed; give visible text\n",
    );
    env.refused(
        &["period", "close", "2026-10-3"],
        2,
        "error: invalid value '2026-10-3' for '<DATE>': '2026-10-3' is not a date; give YYYY-MM-DD\n\nFor more information, try '--help'.\n",
    );
    // A dry run shows the event and writes nothing.
    let before = env.snapshot();
    let dry = env.json(&[
        "period",
        "reopen",
        "2026-10-15",
        "--reason",
        "late invoice",
        "--dry-run",
    ]);
    assert_eq!(dry["dryRun"], true);
    assert_eq!(dry["closedThrough"], "2026-10-14");
    assert_eq!(before, env.snapshot());
    env.ok(&["period", "reopen", "2026-10-15", "--reason", "late invoice"]);
    env.ok(&[
        "invoice",
        "add",
        "--customer",
        "655080",
        "--total",
        "5",
        "--date",
        "2026-10-15",
    ]);
    let list = env.json(&["period", "list"]);
    assert_eq!(list.as_array().unwrap().len(), 2);
    assert_eq!(list[1]["kind"], "reopen");
    assert_eq!(list[1]["reason"], "late invoice");
    assert_eq!(list[1]["osUser"], "tester");
    let csv = env.ok(&["period", "list", "-o", "csv"]);
    assert_eq!(
        csv,
        "id,kind,date,closedThrough,reason,osUser,at\n1,close,2026-10-31,2026-10-31,,tester,2026-11-21T10:00:00Z\n2,reopen,2026-10-15,2026-10-14,late invoice,tester,2026-11-21T10:00:00Z\n"
    );
    let log = env.json(&["log"]);
    let actions: Vec<&str> = log
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|e| e["action"].as_str())
        .collect();
    assert!(
        actions.contains(&"period.close") && actions.contains(&"period.reopen"),
        "{actions:?}"
    );
    env.ok(&["verify"]);
}

/// The aging as of a closed date is the same, byte for byte, before and after any later
/// command: payments dated after the close, allocations and unallocations now, a void, a
/// refund, an invoice voided and one written off, edits. A write that would change it (dated
/// in the period) is what the close refuses.
#[test]
fn aging_as_of_a_closed_date_never_changes() {
    let env = Env::seeded();
    env.ok(&[
        "create",
        "--customer",
        "655080",
        "--amount",
        "30",
        "--method",
        "Cash",
        "--date",
        "2026-10-20",
        "--allocate",
        "566934=30",
    ]);
    env.ok(&[
        "create",
        "--customer",
        "655080",
        "--amount",
        "15",
        "--method",
        "Check",
        "--reference",
        "C-1",
        "--date",
        "2026-10-25",
    ]);
    env.ok(&["period", "close", "2026-10-31"]);
    let reports = |env: &Env| -> Vec<String> {
        ["due", "invoice"]
            .iter()
            .flat_map(|by| {
                ["json", "csv", "table"].iter().map(move |o| {
                    env.ok(&[
                        "report",
                        "aging",
                        "--as-of",
                        "2026-10-31",
                        "--by",
                        by,
                        "-o",
                        o,
                    ])
                })
            })
            .chain([env.ok(&[
                "report",
                "statement",
                "--customer",
                "655080",
                "--to",
                "2026-10-31",
                "-o",
                "json",
            ])])
            .collect()
    };
    let before = reports(&env);
    env.ok(&["allocate", "2", "--invoice", "566934", "--amount", "15"]);
    env.ok(&["unallocate", "1", "--invoice", "566934", "--amount", "10"]);
    env.ok(&[
        "create",
        "--customer",
        "655080",
        "--amount",
        "20",
        "--method",
        "Cash",
        "--date",
        "2026-11-02",
        "--auto-allocate",
    ]);
    env.ok(&["void", "1", "--reason", "entered by mistake"]);
    env.ok(&["refund", "2", "--amount", "5", "--from-invoice", "566934=5"]);
    env.ok(&["invoice", "write-off", "566934", "--reason", "insolvent"]);
    env.ok(&[
        "invoice", "edit", "566936", "--number", "INV-36", "--terms", "net10",
    ]);
    env.ok(&["customer", "edit", "655080", "--name", "Acme Corp"]);
    env.ok(&[
        "invoice",
        "add",
        "--customer",
        "655080",
        "--total",
        "9",
        "--date",
        "2026-11-01",
    ]);
    // Refused: dated in the period.
    assert_eq!(
        env.run(&[
            "create",
            "--customer",
            "655080",
            "--amount",
            "1",
            "--method",
            "Cash",
            "--date",
            "2026-10-30",
            "--auto-allocate"
        ])
        .code,
        1
    );
    let after = reports(&env);
    for (b, a) in before.iter().zip(&after) {
        assert_eq!(b, a);
    }
    // What the close kept out would have changed it: reopened, the same backdated payment
    // is accepted and the aging as of the closed date is no longer what it was.
    env.ok(&["period", "reopen", "2026-10-30", "--reason", "late check"]);
    env.ok(&[
        "create",
        "--customer",
        "655080",
        "--amount",
        "1",
        "--method",
        "Cash",
        "--date",
        "2026-10-30",
        "--allocate",
        "566935=1",
    ]);
    assert_ne!(before, reports(&env));
    env.ok(&["verify"]);
}

#[test]
fn a_customer_edit_changes_only_what_it_names_and_is_audited() {
    let env = Env::seeded();
    env.refused(&["customer", "edit", "655080"], 2, "error: the following required arguments were not provided:\n  <--name <NAME>|--email <EMAIL>|--order <ORDER>>\n\nUsage: payctl customer edit --db <PATH> <--name <NAME>|--email <EMAIL>|--order <ORDER>> <ID>\n\nFor more information, try '--help'.\n");
    env.refused(
        &["customer", "edit", "1", "--name", "X"],
        3,
        "error: customer 1 not found; add it with: payctl customer add --id 1 --name ...\n",
    );
    env.refused(
        &["customer", "edit", "655080", "--email", "nope"],
        1,
        "error: email 'nope' is not an email address (name@example.com)\n",
    );
    env.refused(
        &["customer", "edit", "655080", "--name", "  "],
        1,
        "error: name is empty; give the customer's name\n",
    );
    env.refused(
        &["customer", "edit", "655080", "--name", "card 4242 4242 4242 4242"],
        1,
        "error: name 'card **** **** **** 4242' looks like a card number; payctl never stores card numbers (keep only the last four digits)\n",
    );
    let before = env.snapshot();
    let dry = env.ok(&[
        "customer",
        "edit",
        "655080",
        "--name",
        "Acme Inc",
        "--dry-run",
    ]);
    assert_eq!(before, env.snapshot());
    assert!(
        dry.starts_with(
            "Dry run: nothing was written. A real run would say: Edited customer 655080\n"
        ),
        "{dry}"
    );
    let out = env.json(&[
        "customer",
        "edit",
        "655080",
        "--name",
        " Acme Corp ",
        "--order",
        "newest-to-oldest",
    ]);
    assert_eq!(
        out,
        serde_json::json!({"entity": "customer", "id": 655080, "changes": [
            {"entity": "customer", "id": 655080, "field": "autoAllocateOrder", "old": "OldestToNewest", "new": "NewestToOldest"}
        ]})
    );
    let customer = env.json(&["customer", "show", "655080"]);
    assert_eq!(customer["autoAllocateOrder"], "NewestToOldest");
    assert_eq!(customer["email"], "ap@acme.example");
    assert_eq!(customer["currency"], "USD");
    let log = env.json(&["log", "--customer", "655080"]);
    let last = log.as_array().unwrap().last().unwrap().clone();
    assert_eq!(last["action"], "customer.edit");
    assert_eq!(
        last["detail"],
        serde_json::json!({"changes": {"autoAllocateOrder": {"old": "OldestToNewest", "new": "NewestToOldest"}}})
    );
    // The same values again: nothing written, not even an audit event.
    let before = env.snapshot();
    env.ok(&["customer", "edit", "655080", "--order", "NewestToOldest"]);
    assert_eq!(before, env.snapshot());
}

#[test]
fn an_invoice_edit_renumbers_and_moves_the_due_date_with_adds_rules() {
    let env = Env::seeded();
    env.ok(&["invoice", "edit", "566934", "--number", "INV-2026-0042"]);
    env.refused(
        &["invoice", "edit", "566935", "--number", "INV-2026-0042"],
        1,
        "error: invoice number 'INV-2026-0042' is already invoice 566934's, of the same customer 655080; invoice numbers are unique per customer\n",
    );
    env.refused(
        &["invoice", "edit", "566935", "--due", "2026-10-01"],
        1,
        "error: due date 2026-10-01T00:00:00Z is before the invoice date 2026-10-31T00:00:00Z\n",
    );
    env.refused(&["invoice", "edit", "566935", "--due", "2026-12-01", "--terms", "net5"], 2, "error: the argument '--due <DUE>' cannot be used with '--terms <TERMS>'\n\nUsage: payctl invoice edit --db <PATH> <--number <NUMBER>|--due <DUE>|--terms <TERMS>> <INV>\n\nFor more information, try '--help'.\n");
    env.refused(
        &["invoice", "edit", "999", "--terms", "net5"],
        3,
        "error: invoice 999 not found; list invoices with: payctl invoice list\n",
    );
    env.refused(
        &["invoice", "edit", "566935", "--number", ""],
        1,
        "error: invoice number is empty\n",
    );
    // The due date moves the invoice in auto-allocation's order: 566936 due first now.
    let out = env.ok(&[
        "invoice",
        "edit",
        "566936",
        "--due",
        "2026-12-01",
        "-o",
        "csv",
    ]);
    assert_eq!(out, "entity,id,field,old,new\ninvoice,566936,dueDate,2026-12-31T00:00:00Z,2026-12-01T00:00:00Z\n");
    env.ok(&["invoice", "edit", "566934", "--terms", "net90"]);
    let paid = env.json(&[
        "create",
        "--customer",
        "655080",
        "--amount",
        "20",
        "--method",
        "Cash",
        "--auto-allocate",
    ]);
    assert_eq!(paid["invoiceAllocations"][0]["invoiceId"], 566935);
    let shown = env.json(&["invoice", "show", "566934"]);
    assert_eq!(shown["invoiceNumber"], "INV-2026-0042");
    assert_eq!(shown["dueDate"], "2026-12-30T00:00:00Z");
    assert_eq!(shown["invoiceAmount"].to_string(), "100.00");
    env.ok(&["verify"]);
}

/// Duplicates across the batches and read-ahead runs of one import (a batch of 2 rows, so that
/// rows of this file are found staged, flushed, and read ahead from the ledger), on the engine
/// under test: each duplicate is refused naming the payment it repeats, the rest go in.
#[test]
fn an_import_finds_duplicates_across_its_batches_on_either_engine() {
    let env = Env::seeded();
    env.ok(&args(&check("10", "WIRE-1")));
    let file = env.dir.path().join("p.csv");
    std::fs::write(
        &file,
        "customerId,amount,paymentMethod,reference\n\
         655080,10.00,Check,WIRE-1\n\
         655080,11.00,Check,WIRE-2\n\
         655080,12.00,Check,WIRE-3\n\
         655080,11,Check, WIRE-2\n\
         655080,13.00,Check,WIRE-4\n\
         655080,13.00,Check,WIRE-4\n\
         655080,12.00,Check,WIRE-3\n\
         655080,14.00,Check,WIRE-1\n\
         655080,15.00,Check,WIRE-5\n\
         655080,15.00,Check,WIRE-5\n",
    )
    .unwrap();
    let rejects = env.dir.path().join("rejects.csv");
    let out = env
        .command(&[
            "import",
            file.to_str().unwrap(),
            "--rejects",
            rejects.to_str().unwrap(),
            "-o",
            "csv",
        ])
        .env("PAYCTL_IMPORT_BATCH_ROWS", "2")
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(0), "{stderr}");
    let rejected = std::fs::read_to_string(&rejects).unwrap();
    let refusals: Vec<String> = rejected
        .lines()
        .skip(1)
        .map(|l| {
            let at = l.find("has the same").unwrap_or(l.len());
            l[..at].to_string()
        })
        .collect();
    let expected = [
        "payment 1 of customer 655080 ",
        "an earlier row of this file (payment 2 of customer 655080) ",
        "an earlier row of this file (payment 4 of customer 655080) ",
        "an earlier row of this file (payment 3 of customer 655080) ",
        "an earlier row of this file (payment 6 of customer 655080) ",
    ];
    assert_eq!(refusals.len(), expected.len(), "{rejected}");
    for (got, want) in refusals.iter().zip(expected) {
        assert!(
            got.ends_with(want),
            "{got:?} should name {want:?}\n{rejected}"
        );
    }
    let refs: Vec<String> = env
        .json(&["list"])
        .as_array()
        .unwrap()
        .iter()
        .map(|p| format!("{} {}", p["amount"], p["reference"].as_str().unwrap_or("")))
        .collect();
    assert_eq!(
        refs.len(),
        6,
        "the first payment and five of the file: {refs:?}"
    );
}
