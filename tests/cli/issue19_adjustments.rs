//! Issue 19 item 4: credit notes, debit notes, partial write-offs and credit write-offs, on
//! either engine: the acceptance examples (Odoo's overpayment write-off, ERPNext's deduction),
//! refusals that change nothing, dry runs, every output format, the statement, aging as of a
//! date, balances, export and import round trips, verify, and the append-only triggers.

use crate::common::Env;

const INVOICE_HEADER: &str = "id,invoiceNumber,customerId,currency,invoiceAmount,totalPayments,outstandingBalance,status,overdue,effectiveTimestamp,dueDate";

/// The invoice's CSV row (its balance and status as derived).
#[track_caller]
fn invoice(env: &Env, id: &str) -> String {
    let out = env.ok(&["invoice", "show", id, "-o", "csv"]);
    let (header, row) = out.split_once('\n').unwrap();
    assert_eq!(header, INVOICE_HEADER);
    row.trim_end().to_string()
}

#[track_caller]
fn verify_ok(env: &Env) {
    let out = env.ok(&["verify"]);
    assert!(!out.contains("FAIL"), "{out}");
    assert!(
        out.contains("  ok  invoice adjustments are positive"),
        "{out}"
    );
    assert!(
        out.contains(
            "  ok  each credit write-off is the sum of its parts, of its customer's payments in its currency"
        ),
        "{out}"
    );
}

/// ERPNext's deduction: 95 paid on a 100 invoice, 5 written off in one command; the invoice
/// is closed as paid, with the write-off shown beside the payment.
#[test]
fn erpnext_deduction_95_paid_and_5_written_off_closes_the_invoice_as_paid() {
    let env = Env::seeded();
    env.ok(&[
        "create",
        "--customer",
        "655080",
        "--amount",
        "95",
        "--method",
        "Check",
        "--allocate",
        "566934=95",
    ]);
    let out = env.ok(&[
        "invoice",
        "write-off",
        "566934",
        "--amount",
        "5",
        "--reason",
        "short-paid: bank charges",
    ]);
    assert!(
        out.starts_with("Wrote off 5.00 USD of invoice 566934: it owes 0.00 USD, paid\n"),
        "{out}"
    );
    assert_eq!(
        invoice(&env, "566934"),
        "566934,566934,655080,USD,100.00,95.00,0.00,paid,false,2026-10-01T00:00:00Z,2026-10-31T00:00:00Z"
    );
    let json = env.json(&["invoice", "show", "566934"]);
    assert_eq!(json["writtenOff"].to_string(), "5.00");
    assert_eq!(json["creditNotes"].to_string(), "0.00");
    assert_eq!(json["adjustments"][0]["kind"], "write_off");
    assert_eq!(json["adjustments"][0]["reason"], "short-paid: bank charges");
    assert_eq!(json["adjustments"][0]["amount"].to_string(), "5.00");
    // Paid, so it is no longer in the open set: a payment's auto-allocation skips it.
    let customer = env.json(&["customer", "show", "655080"]);
    assert_eq!(customer["outstandingBalance"].to_string(), "50.00");
    verify_ok(&env);
}

/// Odoo `test_register_payment_…_writeoff_higher_amount_debit`: a payment larger than the
/// invoice pays it, and the overpayment is written off in one command after it.
#[test]
fn odoo_overpayment_is_written_off_with_one_command() {
    let env = Env::seeded();
    env.ok(&[
        "create",
        "--customer",
        "655080",
        "--amount",
        "120",
        "--method",
        "Check",
        "--allocate",
        "566934=100",
    ]);
    let out = env.ok(&[
        "credit",
        "write-off",
        "--customer",
        "655080",
        "--amount",
        "20",
        "--reason",
        "overpayment",
    ]);
    assert!(
        out.starts_with(
            "Wrote off 20.00 USD of customer 655080's unapplied credit: 0.00 USD left\n"
        ),
        "{out}"
    );
    let payment = env.json(&["show", "1"]);
    assert_eq!(payment["unallocatedAmount"].to_string(), "0.00");
    assert_eq!(payment["creditWrittenOff"].to_string(), "20.00");
    assert_eq!(payment["refundableAmount"].to_string(), "100.00");
    let customer = env.json(&["customer", "show", "655080"]);
    assert_eq!(customer["availableFunds"].to_string(), "0.00");
    // Nothing is left to allocate, and nothing more to write off.
    let out = env.ok(&["allocate", "--customer", "655080", "--auto"]);
    assert!(out.contains("from 0 payments"), "{out}");
    env.refused(
        &[
            "credit", "write-off", "--customer", "655080", "--amount", "0.01", "--reason", "x",
        ],
        1,
        "error: credit write-off of 0.01 is more than customer 655080's unapplied credit 0.00 (settled payments' unallocated amounts)\n",
    );
    verify_ok(&env);
}

/// A credit write-off takes from the oldest payments first, and each payment keeps
/// amount = allocated + unallocated + refunded + written off.
#[test]
fn credit_write_off_takes_the_oldest_payments_first() {
    let env = Env::seeded();
    for (amount, date) in [
        ("10", "2026-11-02"),
        ("15", "2026-11-01"),
        ("7", "2026-11-03"),
    ] {
        env.ok(&[
            "create",
            "--customer",
            "655080",
            "--amount",
            amount,
            "--method",
            "Cash",
            "--date",
            date,
        ]);
    }
    let json = env.json(&[
        "credit",
        "write-off",
        "--customer",
        "655080",
        "--amount",
        "20",
        "--reason",
        "small balances",
    ]);
    // Payment 2 (dated 11-01) first, then payment 1 (11-02).
    assert_eq!(json["payments"][0]["paymentId"], 2);
    assert_eq!(json["payments"][0]["amount"].to_string(), "15.00");
    assert_eq!(json["payments"][0]["unallocatedAmount"].to_string(), "0.00");
    assert_eq!(json["payments"][1]["paymentId"], 1);
    assert_eq!(json["payments"][1]["amount"].to_string(), "5.00");
    assert_eq!(json["payments"][1]["unallocatedAmount"].to_string(), "5.00");
    assert_eq!(json["availableFunds"].to_string(), "12.00");
    let rows = env.sql_lines(
        "SELECT p.id || ':' || p.amount || '=' || b.allocated || '+' || (p.amount - b.allocated - b.refunded - b.written_off) || '+' || b.refunded || '+' || b.written_off
         FROM payments p JOIN payment_balances b ON b.payment_id = p.id ORDER BY p.id",
    );
    assert_eq!(
        rows,
        ["1:1000=0+500+0+500", "2:1500=0+0+0+1500", "3:700=0+700+0+0"]
    );
    // A written-off payment cannot be voided (its credit is gone).
    env.refused(
        &["void", "2", "--reason", "entered twice"],
        1,
        "error: payment 2 has credit written off (15.00); it cannot be voided\n",
    );
    verify_ok(&env);
}

#[test]
fn credit_notes_never_go_below_what_is_paid_and_debit_notes_reopen() {
    let env = Env::seeded();
    env.ok(&[
        "create",
        "--customer",
        "655080",
        "--amount",
        "60",
        "--method",
        "Cash",
        "--allocate",
        "566934=60",
    ]);
    env.refused(
        &["invoice", "credit-note", "566934", "--amount", "40.01", "--reason", "returned"],
        1,
        "error: credit note of 40.01 is more than invoice 566934's outstanding balance 40.00; a credit note never takes an invoice below what is paid on it (60.00 paid); unallocate first: payctl unallocate PAYMENT --invoice 566934\n",
    );
    let out = env.ok(&[
        "invoice",
        "credit-note",
        "566934",
        "--amount",
        "40",
        "--reason",
        "4 units returned",
        "--date",
        "2026-11-05",
    ]);
    assert!(out.starts_with("Credited 40.00 USD to invoice 566934: it owes 0.00 USD, paid\n"));
    assert_eq!(
        invoice(&env, "566934"),
        "566934,566934,655080,USD,100.00,60.00,0.00,paid,false,2026-10-01T00:00:00Z,2026-10-31T00:00:00Z"
    );
    // A late fee reopens it.
    let out = env.ok(&[
        "invoice",
        "debit-note",
        "566934",
        "--amount",
        "2.50",
        "--reason",
        "late fee",
    ]);
    assert!(
        out.starts_with("Debited 2.50 USD to invoice 566934: it owes 2.50 USD, partially_paid\n")
    );
    assert_eq!(
        invoice(&env, "566934"),
        "566934,566934,655080,USD,100.00,60.00,2.50,partially_paid,true,2026-10-01T00:00:00Z,2026-10-31T00:00:00Z"
    );
    // Auto-allocation sees what it owes now.
    let json = env.json(&[
        "create",
        "--customer",
        "655080",
        "--amount",
        "3",
        "--method",
        "Cash",
        "--auto-allocate",
    ]);
    assert_eq!(json["invoiceAllocations"][0]["invoiceId"], 566934);
    assert_eq!(json["invoiceAllocations"][0]["amount"].to_string(), "2.50");
    // The table shows the adjustments.
    let table = env.ok_piped(&["invoice", "show", "566934"]);
    assert!(
        table.contains("Credit notes  40.00\nDebit notes  2.50\n"),
        "{table}"
    );
    assert!(table.contains(
        "Adjustments:\nID  Kind  Amount  Date  Reason\n1  credit_note  40.00  2026-11-05  4 units returned\n2  debit_note  2.50  2026-11-21T10:00:00Z  late fee\n"
    ), "{table}");
    verify_ok(&env);
}

#[test]
fn refusals_change_nothing_and_name_the_field() {
    let env = Env::seeded();
    env.ok(&["invoice", "void", "566936", "--reason", "issued twice"]);
    env.refused(
        &[
            "invoice",
            "debit-note",
            "566936",
            "--amount",
            "1",
            "--reason",
            "fee",
        ],
        1,
        "error: invoice 566936 is void; a closed invoice takes no debit note\n",
    );
    env.refused(
        &["invoice", "write-off", "566934", "--amount", "100.01", "--reason", "x"],
        1,
        "error: write-off of 100.01 is more than invoice 566934's outstanding balance 100.00; a write-off never takes more than the invoice owes\n",
    );
    env.refused(
        &["invoice", "credit-note", "566934", "--amount", "1", "--reason", "x", "--date", "2026-09-30"],
        1,
        "error: date 2026-09-30T00:00:00Z is before invoice 566934's date 2026-10-01T00:00:00Z; a credit note is dated on or after it\n",
    );
    env.refused(
        &["invoice", "credit-note", "566934", "--amount", "1", "--reason", "x", "--date", "2026-12-01"],
        1,
        "error: date 2026-12-01T00:00:00Z is in the future; a credit note is dated 2026-11-21T10:00:00Z at the latest (now)\n",
    );
    env.refused(
        &[
            "invoice",
            "credit-note",
            "566934",
            "--amount",
            "1",
            "--reason",
            " ",
        ],
        1,
        "error: reason is empty; say why (it is kept in the audit trail)\n",
    );
    env.refused(
        &[
            "invoice",
            "credit-note",
            "999",
            "--amount",
            "1",
            "--reason",
            "x",
        ],
        3,
        &env.run(&[
            "invoice",
            "credit-note",
            "999",
            "--amount",
            "1",
            "--reason",
            "x",
        ])
        .stderr,
    );
    assert!(env
        .run(&[
            "invoice",
            "credit-note",
            "999",
            "--amount",
            "1",
            "--reason",
            "x"
        ])
        .stderr
        .contains("invoice 999 not found"));
    env.refused(
        &[
            "invoice",
            "credit-note",
            "566934",
            "--amount",
            "1.001",
            "--reason",
            "x",
        ],
        1,
        &env.run(&[
            "invoice",
            "credit-note",
            "566934",
            "--amount",
            "1.001",
            "--reason",
            "x",
        ])
        .stderr,
    );
    env.refused(
        &[
            "credit",
            "write-off",
            "--customer",
            "1",
            "--amount",
            "1",
            "--reason",
            "x",
        ],
        3,
        &env.run(&[
            "credit",
            "write-off",
            "--customer",
            "1",
            "--amount",
            "1",
            "--reason",
            "x",
        ])
        .stderr,
    );
    // --date only with --amount (a whole write-off is dated now).
    assert_eq!(
        env.run(&[
            "invoice",
            "write-off",
            "566934",
            "--reason",
            "x",
            "--date",
            "2026-11-01"
        ])
        .code,
        2
    );
}

#[test]
fn dry_runs_write_nothing_and_print_the_new_balance_in_every_format() {
    let env = Env::seeded();
    env.ok(&[
        "create",
        "--customer",
        "655080",
        "--amount",
        "30",
        "--method",
        "Cash",
    ]);
    let before = env.snapshot();
    let out = env.ok(&[
        "invoice",
        "credit-note",
        "566934",
        "--amount",
        "10",
        "--reason",
        "x",
        "--dry-run",
    ]);
    assert!(out.starts_with("Dry run: nothing was written. A real run would say: Credited 10.00 USD to invoice 566934: it owes 90.00 USD, unpaid\n"), "{out}");
    let json = env.json(&[
        "invoice",
        "debit-note",
        "566934",
        "--amount",
        "10",
        "--reason",
        "x",
        "--dry-run",
    ]);
    assert_eq!(json["dryRun"], true);
    assert_eq!(json["outstandingBalance"].to_string(), "110.00");
    let csv = env.ok(&[
        "invoice",
        "write-off",
        "566934",
        "--amount",
        "10",
        "--reason",
        "x",
        "--dry-run",
        "-o",
        "csv",
    ]);
    assert_eq!(
        csv,
        format!("{INVOICE_HEADER},dryRun\n566934,566934,655080,USD,100.00,0.00,90.00,unpaid,true,2026-10-01T00:00:00Z,2026-10-31T00:00:00Z,true\n")
    );
    let csv = env.ok(&[
        "credit",
        "write-off",
        "--customer",
        "655080",
        "--amount",
        "5",
        "--reason",
        "x",
        "--dry-run",
        "-o",
        "csv",
    ]);
    assert_eq!(
        csv,
        "id,customerId,amount,currency,reason,effectiveTimestamp,availableFunds,dryRun\n,655080,5.00,USD,x,2026-11-21T10:00:00Z,25.00,true\n"
    );
    let jsonl = env.ok(&[
        "credit",
        "write-off",
        "--customer",
        "655080",
        "--amount",
        "5",
        "--reason",
        "x",
        "--dry-run",
        "-o",
        "jsonl",
    ]);
    assert!(jsonl.contains("\"dryRun\":true"), "{jsonl}");
    assert_eq!(before, env.snapshot(), "a dry run changed the ledger");
    // -q prints the new record's id.
    assert_eq!(
        env.ok(&[
            "credit",
            "write-off",
            "--customer",
            "655080",
            "--amount",
            "5",
            "--reason",
            "x",
            "-q"
        ]),
        "1\n"
    );
    assert_eq!(
        env.ok(&[
            "invoice",
            "credit-note",
            "566934",
            "--amount",
            "1",
            "--reason",
            "x",
            "-q"
        ]),
        "566934\n"
    );
}

#[test]
fn statement_aging_as_of_and_balances_count_the_new_rows() {
    let env = Env::seeded();
    env.ok(&[
        "create",
        "--customer",
        "655080",
        "--amount",
        "50",
        "--method",
        "Cash",
        "--allocate",
        "566934=40",
        "--date",
        "2026-11-02",
    ]);
    env.ok(&[
        "invoice",
        "credit-note",
        "566934",
        "--amount",
        "10",
        "--reason",
        "returned",
        "--date",
        "2026-11-10",
    ]);
    env.ok(&[
        "invoice",
        "debit-note",
        "566935",
        "--amount",
        "4",
        "--reason",
        "late fee",
        "--date",
        "2026-11-12",
    ]);
    env.ok(&[
        "invoice",
        "write-off",
        "566934",
        "--amount",
        "5",
        "--reason",
        "deduction",
        "--date",
        "2026-11-15",
    ]);
    env.ok(&[
        "credit",
        "write-off",
        "--customer",
        "655080",
        "--amount",
        "10",
        "--reason",
        "overpayment",
        "--date",
        "2026-11-16",
    ]);
    let statement = env.ok_piped(&[
        "report",
        "statement",
        "--customer",
        "655080",
        "--from",
        "2026-11-09",
    ]);
    assert!(
        statement.contains(
            "2026-11-09  opening  -  -  -  -  -  80.00  10.00\n\
             2026-11-10  credit note  566934  566934  -  returned  10.00  70.00  10.00\n\
             2026-11-12  debit note  566935  566935  -  late fee  4.00  74.00  10.00\n\
             2026-11-15  partial write-off  566934  566934  -  deduction  5.00  69.00  10.00\n\
             2026-11-16  credit write-off  -  -  1  write-off 1: overpayment  10.00  69.00  0.00\n"
        ),
        "{statement}"
    );
    // As of 2026-11-11 the debit note and the write-off do not count yet: 566934 owes
    // 100 - 40 paid - 10 credited, 566935 its 20 (566936 is dated December).
    let aging = env.ok(&["report", "aging", "--as-of", "2026-11-11", "-o", "csv"]);
    assert!(aging.contains(",70.00\n"), "{aging}");
    let aging = env.ok(&["report", "aging", "--as-of", "2026-11-13", "-o", "csv"]);
    assert!(aging.contains(",74.00\n"), "{aging}");
    let aging = env.ok(&["report", "aging", "-o", "csv"]);
    assert!(aging.contains(",99.00\n"), "{aging}");
    let balances = env.ok(&["report", "balances", "-o", "csv"]);
    assert!(
        balances.contains("655080,Acme Corp,USD,144.00,40.00,5.00,99.00,"),
        "{balances}"
    );
    verify_ok(&env);
}

#[test]
fn export_then_import_round_trips_to_the_same_balances() {
    let env = Env::seeded();
    env.ok(&[
        "create",
        "--customer",
        "655080",
        "--amount",
        "120",
        "--method",
        "Check",
        "--allocate",
        "566934=100",
        "--allocate",
        "566935=5",
    ]);
    env.ok(&[
        "invoice",
        "debit-note",
        "566935",
        "--amount",
        "3",
        "--reason",
        "fee",
    ]);
    env.ok(&[
        "invoice",
        "credit-note",
        "566936",
        "--amount",
        "6",
        "--reason",
        "discount",
    ]);
    env.ok(&[
        "invoice",
        "write-off",
        "566935",
        "--amount",
        "1",
        "--reason",
        "rounding",
    ]);
    env.ok(&[
        "credit",
        "write-off",
        "--customer",
        "655080",
        "--amount",
        "15",
        "--reason",
        "over",
    ]);
    let copy = Env::new();
    for kind in [
        "customers",
        "methods",
        "invoices",
        "adjustments",
        "payments",
        "write-offs",
        "credit-write-offs",
    ] {
        let file = env.dir.path().join(format!("{kind}.csv"));
        env.ok(&["export", kind, "--to", file.to_str().unwrap()]);
        copy.ok(&["import", file.to_str().unwrap(), "--kind", kind]);
        // Importing it again adds nothing.
        if kind == "adjustments" || kind == "credit-write-offs" {
            let again = copy.ok(&["import", file.to_str().unwrap(), "--kind", kind]);
            assert!(again.contains("0 imported"), "{again}");
        }
    }
    for args in [
        &["report", "balances", "-o", "csv"][..],
        &["invoice", "list", "-o", "csv"],
        &["customer", "list", "-o", "csv"],
        &["report", "aging", "-o", "csv"],
    ] {
        assert_eq!(env.ok(args), copy.ok(args), "{args:?}");
    }
    verify_ok(&copy);
}

#[test]
fn adjustment_rows_are_append_only_and_guarded_on_the_engine() {
    let env = Env::seeded();
    env.ok(&[
        "create",
        "--customer",
        "655080",
        "--amount",
        "30",
        "--method",
        "Cash",
        "--allocate",
        "566934=20",
    ]);
    env.ok(&[
        "invoice",
        "credit-note",
        "566934",
        "--amount",
        "1",
        "--reason",
        "x",
    ]);
    env.ok(&[
        "credit",
        "write-off",
        "--customer",
        "655080",
        "--amount",
        "1",
        "--reason",
        "x",
    ]);
    for (sql, words) in [
        ("UPDATE invoice_adjustments SET amount = 2", "invoice adjustments are append-only"),
        ("DELETE FROM invoice_adjustments", "invoice adjustments are append-only"),
        ("UPDATE credit_write_offs SET amount = 2", "credit write-offs are append-only"),
        ("DELETE FROM credit_write_off_parts", "credit write-offs are append-only"),
        // The balance guards: a credit note below what is paid, a write-off past a payment.
        (
            "INSERT INTO invoice_adjustments (id, invoice_id, kind, amount, reason, effective_at, created_at) VALUES (9, 566934, 'credit_note', 8000, 'x', '2026-11-21T10:00:00Z', '2026-11-21T10:00:00Z')",
            "adjustment would take an invoice below what is paid on it",
        ),
        (
            "INSERT INTO credit_write_off_parts (id, write_off_id, payment_id, amount) VALUES (9, 1, 1, 1000)",
            "credit write-off would take more than the payment has unallocated",
        ),
    ] {
        let err = std::panic::catch_unwind(|| env.exec(sql)).expect_err(sql);
        let text = err
            .downcast_ref::<String>()
            .cloned()
            .unwrap_or_default();
        assert!(text.contains(words), "{sql}: {text}");
    }
    verify_ok(&env);
}
