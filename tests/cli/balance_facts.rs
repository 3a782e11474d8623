//! Schema 10: each invoice's balance row carries a copy of the invoice's customer, currency,
//! total and dates, so that `report aging` over the whole ledger reads one table. The copies
//! must follow the invoice (a due date edit), `verify` must notice one that does not, and a
//! SQLite ledger of schema 9, which a report reads without migrating it, must age as before.

use crate::common::Env;

/// The seeded ledger with two payments: 566934 part paid, 566935 paid in full.
fn paid_some() -> Env {
    let env = Env::seeded();
    env.ok(&[
        "create",
        "--customer",
        "655080",
        "--amount",
        "40.00",
        "--method",
        "Cash",
        "--allocate",
        "566934=40.00",
        "--date",
        "2026-11-02",
    ]);
    env.ok(&[
        "create",
        "--customer",
        "655080",
        "--amount",
        "20.00",
        "--method",
        "Cash",
        "--allocate",
        "566935=20.00",
        "--date",
        "2026-11-03",
    ]);
    env
}

/// The aging rows of the whole ledger and of customer 655080 alone (which reads the invoices
/// by their customer index, not the copies): the same report of the ledger as it stands (no
/// `--as-of`, which reads the dated rows instead), aged on 2026-12-06.
fn both_agings(env: &Env, extra: &[&str]) -> (String, String) {
    let whole: Vec<&str> = ["report", "aging", "-o", "csv"]
        .into_iter()
        .chain(extra.iter().copied())
        .collect();
    let mut one = whole.clone();
    one.extend(["--customer", "655080"]);
    let today = [("PAYCTL_NOW", "2026-12-06T12:00:00Z")];
    (env.ok_env(&whole, &today), env.ok_env(&one, &today))
}

#[test]
fn aging_of_the_whole_ledger_follows_a_due_date_edit_through_the_copies() {
    let env = paid_some();
    // 566934 owes 60.00, due 2026-10-31: 36 days past due on 2026-12-06.
    let (whole, one) = both_agings(&env, &[]);
    assert_eq!(whole, one);
    assert!(whole.contains(",60.00"), "{whole}");
    assert_eq!(
        env.sql_lines("SELECT customer_id, currency, total, effective_at, due_at FROM invoice_balances ORDER BY invoice_id"),
        env.sql_lines("SELECT customer_id, currency, total, effective_at, due_at FROM invoices ORDER BY id"),
    );

    env.ok(&["invoice", "edit", "566934", "--due", "2026-12-20"]);
    let (moved, one) = both_agings(&env, &[]);
    assert_eq!(moved, one);
    assert_ne!(moved, whole, "the due date edit changed nothing in aging");
    assert_eq!(
        env.sql_lines("SELECT due_at FROM invoice_balances WHERE invoice_id = 566934"),
        ["2026-12-20T00:00:00Z"]
    );
    // Aged by invoice date instead, the edit changes nothing.
    let (by_date, one) = both_agings(&env, &["--by", "invoice"]);
    assert_eq!(by_date, one);
    let run = env.run(&["verify"]);
    assert_eq!(run.code, 0, "{}{}", run.stdout, run.stderr);
}

#[test]
fn verify_names_a_balance_row_whose_copy_is_not_its_invoice() {
    let env = paid_some();
    env.exec(
        "UPDATE invoice_balances SET currency = 'EUR', due_at = NULL WHERE invoice_id = 566936",
    );
    let run = env.run(&["verify"]);
    assert_eq!(run.code, 1, "{}{}", run.stdout, run.stderr);
    let out = format!("{}{}", run.stdout, run.stderr);
    assert!(
        out.contains("invoice 566936: its balance row says customer 655080, EUR 3000, dated 2026-12-01T00:00:00Z, due none but the invoice says customer 655080, USD 3000, dated 2026-12-01T00:00:00Z, due 2026-12-31T00:00:00Z"),
        "{out}"
    );
    assert!(!out.contains("invoice 566934:"), "{out}");
    // The whole-ledger aging reads that open invoice's row and fails on it (exit 74), rather
    // than leaving 566936 out.
    let run = env.run(&["report", "aging"]);
    assert_eq!(run.code, 74, "{}{}", run.stdout, run.stderr);
}

#[test]
fn a_schema_9_ledger_is_aged_as_it_is_and_the_next_write_adds_the_copies() {
    crate::sqlite_only!();
    let env = paid_some();
    let before = both_agings(&env, &[]);
    // As payctl of schema 9 left it: no copies, and a balance row trigger without them.
    env.exec(&format!(
        "{}; PRAGMA user_version = 9",
        crate::common::WITHOUT_BALANCE_FACTS
    ));
    // A report reads it as it is, through the join, and migrates nothing.
    assert_eq!(both_agings(&env, &[]), before);
    assert_eq!(env.sql_lines("PRAGMA user_version"), ["9"]);
    // The next write migrates it: every balance row gets its invoice's facts.
    env.ok(&["invoice", "edit", "566936", "--number", "INV-36"]);
    assert_eq!(
        env.sql_lines("PRAGMA user_version"),
        [crate::common::schema_version().to_string()]
    );
    assert_eq!(
        env.sql_lines("SELECT invoice_id, customer_id, currency, total, effective_at, due_at FROM invoice_balances ORDER BY invoice_id"),
        env.sql_lines("SELECT id, customer_id, currency, total, effective_at, due_at FROM invoices ORDER BY id"),
    );
    assert_eq!(both_agings(&env, &[]), before);
    let run = env.run(&["verify"]);
    assert_eq!(run.code, 0, "{}{}", run.stdout, run.stderr);
}
