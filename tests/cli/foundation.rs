//! Issue 2, the foundation: customers, payment methods and invoices in all three output formats,
//! every malformed input refused with its exact message, exit code and an unchanged ledger, and
//! the ledger file itself (where it lives, its modes, files that are not payctl ledgers).

use std::os::unix::fs::PermissionsExt;
use std::process::Stdio;

use crate::common::{masked, Env};

/// Lines joined with `\n`, plus the final newline every output ends with.
fn text(lines: &[&str]) -> String {
    let mut out = lines.join("\n");
    out.push('\n');
    out
}

/// clap's `invalid value` error for an option, as payctl prints it.
fn invalid(value: &str, arg: &str, why: &str) -> String {
    format!(
        "error: invalid value '{value}' for '{arg}': {why}\n\nFor more information, try '--help'.\n"
    )
}

const CARD_WHY: &str =
    "looks like a card number; payctl never stores card numbers (keep only the last four digits)";

/// The names of the customers in the ledger at `db`.
fn customer_names(db: &std::path::Path) -> Vec<String> {
    let conn = rusqlite::Connection::open(db).unwrap();
    let mut stmt = conn
        .prepare("SELECT name FROM customers ORDER BY id")
        .unwrap();
    let names = stmt
        .query_map([], |r| r.get(0))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    names
}

fn mode(path: &std::path::Path) -> u32 {
    std::fs::metadata(path).unwrap().permissions().mode() & 0o777
}

// ---------------------------------------------------------------------------------------------
// customers

#[test]
fn customers_are_added_with_given_and_assigned_ids_and_print_in_three_formats() {
    let env = Env::new();
    // An empty ledger assigns 1; -q prints only the id.
    assert_eq!(
        env.ok(&["customer", "add", "--name", "First Customer", "-q"]),
        "1\n"
    );
    assert_eq!(
        env.ok(&[
            "customer",
            "add",
            "--id",
            "655080",
            "--name",
            "Acme Corp",
            "--email",
            "ap@acme.example",
        ]),
        text(&[
            "Added customer 655080",
            "┌──────────────────┬─────────────────┐",
            "│ Field            ┆ Value           │",
            "╞══════════════════╪═════════════════╡",
            "│ ID               ┆ 655080          │",
            "│ Name             ┆ Acme Corp       │",
            "│ Email            ┆ ap@acme.example │",
            "│ Currency         ┆ USD             │",
            "│ Default method   ┆                 │",
            "│ Allocation order ┆ OldestToNewest  │",
            "│ Outstanding      ┆ 0.00            │",
            "│ Available funds  ┆ 0.00            │",
            "└──────────────────┴─────────────────┘",
        ])
    );
    // The next assigned id follows the highest one.
    assert_eq!(
        env.ok(&[
            "customer",
            "add",
            "--name",
            "Globex",
            "--currency",
            "JPY",
            "-o",
            "csv"
        ]),
        text(&[
            "id,name,email,currency,defaultPaymentMethodId,autoAllocateOrder,outstandingBalance,availableFunds",
            "655081,Globex,,JPY,,OldestToNewest,0,0",
        ])
    );
    assert_eq!(
        env.ok(&[
            "customer",
            "add",
            "--name",
            "Kuwait Co",
            "--currency",
            "kwd",
            "--order",
            "NewestToOldest",
            "-o",
            "json",
        ]),
        text(&[
            "{",
            r#"  "id": 655082,"#,
            r#"  "name": "Kuwait Co","#,
            r#"  "email": null,"#,
            r#"  "currency": "KWD","#,
            r#"  "defaultPaymentMethodId": null,"#,
            r#"  "autoAllocateOrder": "NewestToOldest","#,
            r#"  "outstandingBalance": 0.000,"#,
            r#"  "availableFunds": 0.000"#,
            "}",
        ])
    );

    assert_eq!(
        env.ok(&["customer", "list"]),
        text(&[
            "┌────────┬────────────────┬─────────────────┬──────────┬────────────────┬─────────────┬─────────────────┐",
            "│ ID     ┆ Name           ┆ Email           ┆ Currency ┆ Default method ┆ Outstanding ┆ Available funds │",
            "╞════════╪════════════════╪═════════════════╪══════════╪════════════════╪═════════════╪═════════════════╡",
            "│ 1      ┆ First Customer ┆                 ┆ USD      ┆                ┆        0.00 ┆            0.00 │",
            "│ 655080 ┆ Acme Corp      ┆ ap@acme.example ┆ USD      ┆                ┆        0.00 ┆            0.00 │",
            "│ 655081 ┆ Globex         ┆                 ┆ JPY      ┆                ┆           0 ┆               0 │",
            "│ 655082 ┆ Kuwait Co      ┆                 ┆ KWD      ┆                ┆       0.000 ┆           0.000 │",
            "└────────┴────────────────┴─────────────────┴──────────┴────────────────┴─────────────┴─────────────────┘",
        ])
    );
    assert_eq!(
        env.ok(&["customer", "list", "-o", "csv"]),
        text(&[
            "id,name,email,currency,defaultPaymentMethodId,autoAllocateOrder,outstandingBalance,availableFunds",
            "1,First Customer,,USD,,OldestToNewest,0.00,0.00",
            "655080,Acme Corp,ap@acme.example,USD,,OldestToNewest,0.00,0.00",
            "655081,Globex,,JPY,,OldestToNewest,0,0",
            "655082,Kuwait Co,,KWD,,NewestToOldest,0.000,0.000",
        ])
    );
    let customer_json = |id: u32, name: &str, email: &str, cur: &str, order: &str, zero: &str| {
        format!(
            "  {{\n    \"id\": {id},\n    \"name\": \"{name}\",\n    \"email\": {email},\n    \"currency\": \"{cur}\",\n    \"defaultPaymentMethodId\": null,\n    \"autoAllocateOrder\": \"{order}\",\n    \"outstandingBalance\": {zero},\n    \"availableFunds\": {zero}\n  }}"
        )
    };
    assert_eq!(
        env.ok(&["customer", "list", "-o", "json"]),
        format!(
            "[\n{},\n{},\n{},\n{}\n]\n",
            customer_json(1, "First Customer", "null", "USD", "OldestToNewest", "0.00"),
            customer_json(
                655080,
                "Acme Corp",
                "\"ap@acme.example\"",
                "USD",
                "OldestToNewest",
                "0.00"
            ),
            customer_json(655081, "Globex", "null", "JPY", "OldestToNewest", "0"),
            customer_json(
                655082,
                "Kuwait Co",
                "null",
                "KWD",
                "NewestToOldest",
                "0.000"
            ),
        )
    );
    assert_eq!(
        env.ok(&["customer", "show", "655082"]),
        text(&[
            "┌──────────────────┬────────────────┐",
            "│ Field            ┆ Value          │",
            "╞══════════════════╪════════════════╡",
            "│ ID               ┆ 655082         │",
            "│ Name             ┆ Kuwait Co      │",
            "│ Email            ┆                │",
            "│ Currency         ┆ KWD            │",
            "│ Default method   ┆                │",
            "│ Allocation order ┆ NewestToOldest │",
            "│ Outstanding      ┆ 0.000          │",
            "│ Available funds  ┆ 0.000          │",
            "└──────────────────┴────────────────┘",
        ])
    );
}

#[test]
fn customer_show_has_its_default_method_and_outstanding_balance() {
    let env = Env::seeded();
    assert_eq!(
        env.ok(&["customer", "show", "655080"]),
        text(&[
            "┌──────────────────┬─────────────────┐",
            "│ Field            ┆ Value           │",
            "╞══════════════════╪═════════════════╡",
            "│ ID               ┆ 655080          │",
            "│ Name             ┆ Acme Corp       │",
            "│ Email            ┆ ap@acme.example │",
            "│ Currency         ┆ USD             │",
            "│ Default method   ┆ 1               │",
            "│ Allocation order ┆ OldestToNewest  │",
            "│ Outstanding      ┆ 150.00          │",
            "│ Available funds  ┆ 0.00            │",
            "└──────────────────┴─────────────────┘",
        ])
    );
    assert_eq!(
        env.ok(&["customer", "show", "655080", "-o", "csv"]),
        text(&[
            "id,name,email,currency,defaultPaymentMethodId,autoAllocateOrder,outstandingBalance,availableFunds",
            "655080,Acme Corp,ap@acme.example,USD,1,OldestToNewest,150.00,0.00",
        ])
    );
    assert_eq!(
        env.ok(&["customer", "show", "655080", "-o", "json"]),
        text(&[
            "{",
            r#"  "id": 655080,"#,
            r#"  "name": "Acme Corp","#,
            r#"  "email": "ap@acme.example","#,
            r#"  "currency": "USD","#,
            r#"  "defaultPaymentMethodId": 1,"#,
            r#"  "autoAllocateOrder": "OldestToNewest","#,
            r#"  "outstandingBalance": 150.00,"#,
            r#"  "availableFunds": 0.00"#,
            "}",
        ])
    );
}

// ---------------------------------------------------------------------------------------------
// payment methods

#[test]
fn first_method_is_the_default_and_set_default_moves_it() {
    let env = Env::new();
    env.ok(&["customer", "add", "--id", "655080", "--name", "Acme Corp"]);
    assert_eq!(
        env.ok(&[
            "method",
            "add",
            "--customer",
            "655080",
            "--type",
            "credit-card",
            "--label",
            "business Visa",
            "--brand",
            "Visa",
            "--last4",
            "4242",
        ]),
        text(&[
            "Added payment method 1",
            "┌──────────┬───────────────┐",
            "│ Field    ┆ Value         │",
            "╞══════════╪═══════════════╡",
            "│ ID       ┆ 1             │",
            "│ Customer ┆ 655080        │",
            "│ Type     ┆ CreditCard    │",
            "│ Label    ┆ business Visa │",
            "│ Brand    ┆ Visa          │",
            "│ Last 4   ┆ 4242          │",
            "│ Default  ┆ true          │",
            "└──────────┴───────────────┘",
        ])
    );
    // A caller-given id; not the first, so not the default.
    assert_eq!(
        env.ok(&[
            "method",
            "add",
            "--customer",
            "655080",
            "--type",
            "ACH",
            "--id",
            "77",
            "--brand",
            "First Bank",
            "--last4",
            "6789",
            "-o",
            "json",
        ]),
        text(&[
            "{",
            r#"  "id": 77,"#,
            r#"  "customerId": 655080,"#,
            r#"  "type": "ACH","#,
            r#"  "label": null,"#,
            r#"  "brand": "First Bank","#,
            r#"  "last4": "6789","#,
            r#"  "isDefault": false"#,
            "}",
        ])
    );
    assert_eq!(
        env.ok(&[
            "method",
            "add",
            "--customer",
            "655080",
            "--type",
            "Paypal",
            "-q"
        ]),
        "78\n"
    );
    assert_eq!(
        env.ok(&["method", "list", "--customer", "655080"]),
        text(&[
            "┌────┬──────────┬────────────┬───────────────┬────────────┬────────┬─────────┐",
            "│ ID ┆ Customer ┆ Type       ┆ Label         ┆ Brand      ┆ Last 4 ┆ Default │",
            "╞════╪══════════╪════════════╪═══════════════╪════════════╪════════╪═════════╡",
            "│ 1  ┆ 655080   ┆ CreditCard ┆ business Visa ┆ Visa       ┆ 4242   ┆ true    │",
            "│ 77 ┆ 655080   ┆ ACH        ┆               ┆ First Bank ┆ 6789   ┆ false   │",
            "│ 78 ┆ 655080   ┆ Paypal     ┆               ┆            ┆        ┆ false   │",
            "└────┴──────────┴────────────┴───────────────┴────────────┴────────┴─────────┘",
        ])
    );

    assert_eq!(
        env.ok(&["method", "set-default", "77"]),
        text(&[
            "Payment method 77 is now the default of customer 655080",
            "┌──────────┬────────────┐",
            "│ Field    ┆ Value      │",
            "╞══════════╪════════════╡",
            "│ ID       ┆ 77         │",
            "│ Customer ┆ 655080     │",
            "│ Type     ┆ ACH        │",
            "│ Label    ┆            │",
            "│ Brand    ┆ First Bank │",
            "│ Last 4   ┆ 6789       │",
            "│ Default  ┆ true       │",
            "└──────────┴────────────┘",
        ])
    );
    assert_eq!(
        env.ok(&["method", "list", "--customer", "655080", "-o", "csv"]),
        text(&[
            "id,customerId,type,label,brand,last4,isDefault",
            "1,655080,CreditCard,business Visa,Visa,4242,false",
            "77,655080,ACH,,First Bank,6789,true",
            "78,655080,Paypal,,,,false",
        ])
    );
    assert_eq!(
        env.ok(&["method", "list", "--customer", "655080", "-o", "json"]),
        text(&[
            "[",
            "  {",
            r#"    "id": 1,"#,
            r#"    "customerId": 655080,"#,
            r#"    "type": "CreditCard","#,
            r#"    "label": "business Visa","#,
            r#"    "brand": "Visa","#,
            r#"    "last4": "4242","#,
            r#"    "isDefault": false"#,
            "  },",
            "  {",
            r#"    "id": 77,"#,
            r#"    "customerId": 655080,"#,
            r#"    "type": "ACH","#,
            r#"    "label": null,"#,
            r#"    "brand": "First Bank","#,
            r#"    "last4": "6789","#,
            r#"    "isDefault": true"#,
            "  },",
            "  {",
            r#"    "id": 78,"#,
            r#"    "customerId": 655080,"#,
            r#"    "type": "Paypal","#,
            r#"    "label": null,"#,
            r#"    "brand": null,"#,
            r#"    "last4": null,"#,
            r#"    "isDefault": false"#,
            "  }",
            "]",
        ])
    );
    assert_eq!(
        env.ok(&["method", "set-default", "1", "-o", "csv"]),
        text(&[
            "id,customerId,type,label,brand,last4,isDefault",
            "1,655080,CreditCard,business Visa,Visa,4242,true",
        ])
    );
    assert_eq!(env.ok(&["method", "set-default", "78", "-q"]), "78\n");
    assert_eq!(
        env.json(&["customer", "show", "655080"])["defaultPaymentMethodId"],
        78
    );
}

#[test]
fn method_add_with_default_flag_takes_the_default() {
    let env = Env::seeded();
    assert_eq!(
        env.ok(&[
            "method",
            "add",
            "--customer",
            "655080",
            "--type",
            "paypal",
            "--id",
            "40",
            "--default",
            "-o",
            "csv",
        ]),
        text(&[
            "id,customerId,type,label,brand,last4,isDefault",
            "40,655080,Paypal,,,,true",
        ])
    );
    assert_eq!(
        env.ok(&["method", "list", "--customer", "655080", "-o", "csv"]),
        text(&[
            "id,customerId,type,label,brand,last4,isDefault",
            "1,655080,CreditCard,,Visa,4242,false",
            "40,655080,Paypal,,,,true",
        ])
    );
}

// ---------------------------------------------------------------------------------------------
// invoices

const INVOICE_CSV_HEADER: &str = "id,invoiceNumber,customerId,currency,invoiceAmount,totalPayments,outstandingBalance,status,overdue,effectiveTimestamp,dueDate";

#[test]
fn invoices_are_added_with_terms_due_dates_and_assigned_ids() {
    let env = Env::new();
    env.ok(&["customer", "add", "--id", "655080", "--name", "Acme Corp"]);
    // An empty ledger assigns invoice id 1; no --date means now, no --due means the date.
    assert_eq!(
        env.ok(&[
            "invoice",
            "add",
            "--customer",
            "655080",
            "--total",
            "7",
            "-o",
            "csv"
        ]),
        text(&[
            INVOICE_CSV_HEADER,
            "1,1,655080,USD,7.00,0.00,7.00,unpaid,false,2026-11-21T10:00:00Z,2026-11-21T10:00:00Z",
        ])
    );
    // net30 from 2026-10-01 is due 2026-10-31: overdue on 2026-11-21.
    assert_eq!(
        env.ok(&[
            "invoice",
            "add",
            "--customer",
            "655080",
            "--id",
            "566934",
            "--total",
            "100.00",
            "--date",
            "2026-10-01",
            "--terms",
            "net30",
        ]),
        text(&[
            "Added invoice 566934",
            "┌─────────────┬────────────┐",
            "│ Field       ┆ Value      │",
            "╞═════════════╪════════════╡",
            "│ ID          ┆ 566934     │",
            "│ Number      ┆ 566934     │",
            "│ Customer    ┆ 655080     │",
            "│ Currency    ┆ USD        │",
            "│ Total       ┆ 100.00     │",
            "│ Paid        ┆ 0.00       │",
            "│ Outstanding ┆ 100.00     │",
            "│ Status      ┆ unpaid     │",
            "│ Overdue     ┆ true       │",
            "│ Date        ┆ 2026-10-01 │",
            "│ Due         ┆ 2026-10-31 │",
            "└─────────────┴────────────┘",
        ])
    );
    // Assigned after the highest id; a number of its own; `NET30` is read too.
    assert_eq!(
        env.ok(&[
            "invoice",
            "add",
            "--customer",
            "655080",
            "--total",
            "20",
            "--date",
            "2026-10-31",
            "--terms",
            "NET30",
            "--number",
            "INV-2026-002",
            "-o",
            "json",
        ]),
        text(&[
            "{",
            r#"  "id": 566935,"#,
            r#"  "invoiceNumber": "INV-2026-002","#,
            r#"  "customerId": 655080,"#,
            r#"  "currency": "USD","#,
            r#"  "invoiceAmount": 20.00,"#,
            r#"  "totalPayments": 0.00,"#,
            r#"  "outstandingBalance": 20.00,"#,
            r#"  "status": "unpaid","#,
            r#"  "overdue": false,"#,
            r#"  "effectiveTimestamp": "2026-10-31T00:00:00Z","#,
            r#"  "dueDate": "2026-11-30T00:00:00Z","#,
            r#"  "paymentAllocations": []"#,
            "}",
        ])
    );
    assert_eq!(
        env.ok(&[
            "invoice",
            "add",
            "--customer",
            "655080",
            "--total",
            "30.5",
            "--date",
            "2026-12-01T08:30:00+02:00",
            "--due",
            "2026-12-31",
            "-q",
        ]),
        "566936\n"
    );
    assert_eq!(
        env.ok(&["invoice", "list", "-o", "csv"]),
        text(&[
            INVOICE_CSV_HEADER,
            "1,1,655080,USD,7.00,0.00,7.00,unpaid,false,2026-11-21T10:00:00Z,2026-11-21T10:00:00Z",
            "566934,566934,655080,USD,100.00,0.00,100.00,unpaid,true,2026-10-01T00:00:00Z,2026-10-31T00:00:00Z",
            "566935,INV-2026-002,655080,USD,20.00,0.00,20.00,unpaid,false,2026-10-31T00:00:00Z,2026-11-30T00:00:00Z",
            "566936,566936,655080,USD,30.50,0.00,30.50,unpaid,false,2026-12-01T06:30:00Z,2026-12-31T00:00:00Z",
        ])
    );
}

#[test]
fn invoice_list_in_three_formats_with_overdue_as_of() {
    let env = Env::seeded();
    assert_eq!(
        env.ok(&["invoice", "list"]),
        text(&[
            "┌────────┬────────┬──────────┬──────────┬────────┬──────┬─────────────┬────────┬─────────┬────────────┬────────────┐",
            "│ ID     ┆ Number ┆ Customer ┆ Currency ┆  Total ┆ Paid ┆ Outstanding ┆ Status ┆ Overdue ┆ Date       ┆ Due        │",
            "╞════════╪════════╪══════════╪══════════╪════════╪══════╪═════════════╪════════╪═════════╪════════════╪════════════╡",
            "│ 566934 ┆ 566934 ┆ 655080   ┆ USD      ┆ 100.00 ┆ 0.00 ┆      100.00 ┆ unpaid ┆ true    ┆ 2026-10-01 ┆ 2026-10-31 │",
            "│ 566935 ┆ 566935 ┆ 655080   ┆ USD      ┆  20.00 ┆ 0.00 ┆       20.00 ┆ unpaid ┆ false   ┆ 2026-10-31 ┆ 2026-11-30 │",
            "│ 566936 ┆ 566936 ┆ 655080   ┆ USD      ┆  30.00 ┆ 0.00 ┆       30.00 ┆ unpaid ┆ false   ┆ 2026-12-01 ┆ 2026-12-31 │",
            "└────────┴────────┴──────────┴──────────┴────────┴──────┴─────────────┴────────┴─────────┴────────────┴────────────┘",
        ])
    );
    let row = |id: &str, total: &str, overdue: bool, date: &str, due: &str| {
        format!("{id},{id},655080,USD,{total},0.00,{total},unpaid,{overdue},{date}T00:00:00Z,{due}T00:00:00Z")
    };
    let all = |o1: bool, o2: bool, o3: bool| {
        format!(
            "{INVOICE_CSV_HEADER}\n{}\n{}\n{}\n",
            row("566934", "100.00", o1, "2026-10-01", "2026-10-31"),
            row("566935", "20.00", o2, "2026-10-31", "2026-11-30"),
            row("566936", "30.00", o3, "2026-12-01", "2026-12-31"),
        )
    };
    assert_eq!(
        env.ok(&["invoice", "list", "-o", "csv"]),
        all(true, false, false)
    );
    // Due on the 31st: not overdue that day, overdue the next.
    assert_eq!(
        env.ok(&["invoice", "list", "--as-of", "2026-10-31", "-o", "csv"]),
        all(false, false, false)
    );
    assert_eq!(
        env.ok(&["invoice", "list", "--as-of", "2026-11-01", "-o", "csv"]),
        all(true, false, false)
    );
    assert_eq!(
        env.ok(&["invoice", "list", "--as-of", "2027-01-01", "-o", "csv"]),
        all(true, true, true)
    );
    assert_eq!(
        env.ok(&["invoice", "list", "--overdue", "-o", "csv"]),
        format!(
            "{INVOICE_CSV_HEADER}\n{}\n",
            row("566934", "100.00", true, "2026-10-01", "2026-10-31")
        )
    );
    assert_eq!(
        env.ok(&[
            "invoice",
            "list",
            "--overdue",
            "--as-of",
            "2026-12-01",
            "-o",
            "csv"
        ]),
        format!(
            "{INVOICE_CSV_HEADER}\n{}\n{}\n",
            row("566934", "100.00", true, "2026-10-01", "2026-10-31"),
            row("566935", "20.00", true, "2026-10-31", "2026-11-30"),
        )
    );
    let json_one = |id: &str, total: &str, overdue: bool, date: &str, due: &str| {
        format!(
            "  {{\n    \"id\": {id},\n    \"invoiceNumber\": \"{id}\",\n    \"customerId\": 655080,\n    \"currency\": \"USD\",\n    \"invoiceAmount\": {total},\n    \"totalPayments\": 0.00,\n    \"outstandingBalance\": {total},\n    \"status\": \"unpaid\",\n    \"overdue\": {overdue},\n    \"effectiveTimestamp\": \"{date}T00:00:00Z\",\n    \"dueDate\": \"{due}T00:00:00Z\",\n    \"paymentAllocations\": []\n  }}"
        )
    };
    assert_eq!(
        env.ok(&["invoice", "list", "-o", "json"]),
        format!(
            "[\n{},\n{},\n{}\n]\n",
            json_one("566934", "100.00", true, "2026-10-01", "2026-10-31"),
            json_one("566935", "20.00", false, "2026-10-31", "2026-11-30"),
            json_one("566936", "30.00", false, "2026-12-01", "2026-12-31"),
        )
    );
    // Filters that match nothing.
    assert_eq!(env.ok(&["invoice", "list", "--status", "paid"]), "(none)\n");
    assert_eq!(
        env.ok(&["invoice", "list", "--status", "paid", "-o", "json"]),
        "[]\n"
    );
    assert_eq!(
        env.ok(&["invoice", "list", "--status", "void", "-o", "csv"]),
        format!("{INVOICE_CSV_HEADER}\n")
    );
}

#[test]
fn invoice_show_in_three_formats_with_as_of() {
    let env = Env::seeded();
    let table = |overdue: &str| {
        text(&[
            "┌─────────────┬────────────┐",
            "│ Field       ┆ Value      │",
            "╞═════════════╪════════════╡",
            "│ ID          ┆ 566935     │",
            "│ Number      ┆ 566935     │",
            "│ Customer    ┆ 655080     │",
            "│ Currency    ┆ USD        │",
            "│ Total       ┆ 20.00      │",
            "│ Paid        ┆ 0.00       │",
            "│ Outstanding ┆ 20.00      │",
            "│ Status      ┆ unpaid     │",
            overdue,
            "│ Date        ┆ 2026-10-31 │",
            "│ Due         ┆ 2026-11-30 │",
            "└─────────────┴────────────┘",
        ])
    };
    assert_eq!(
        env.ok(&["invoice", "show", "566935"]),
        table("│ Overdue     ┆ false      │")
    );
    assert_eq!(
        env.ok(&[
            "invoice",
            "show",
            "566935",
            "--as-of",
            "2026-12-01T00:00:00Z"
        ]),
        table("│ Overdue     ┆ true       │")
    );
    assert_eq!(
        env.ok(&["invoice", "show", "566935", "--as-of", "2026-12-01", "-o", "csv"]),
        text(&[
            INVOICE_CSV_HEADER,
            "566935,566935,655080,USD,20.00,0.00,20.00,unpaid,true,2026-10-31T00:00:00Z,2026-11-30T00:00:00Z",
        ])
    );
    assert_eq!(
        env.ok(&["invoice", "show", "566934", "-o", "json"]),
        text(&[
            "{",
            r#"  "id": 566934,"#,
            r#"  "invoiceNumber": "566934","#,
            r#"  "customerId": 655080,"#,
            r#"  "currency": "USD","#,
            r#"  "invoiceAmount": 100.00,"#,
            r#"  "totalPayments": 0.00,"#,
            r#"  "outstandingBalance": 100.00,"#,
            r#"  "status": "unpaid","#,
            r#"  "overdue": true,"#,
            r#"  "effectiveTimestamp": "2026-10-01T00:00:00Z","#,
            r#"  "dueDate": "2026-10-31T00:00:00Z","#,
            r#"  "paymentAllocations": []"#,
            "}",
        ])
    );
}

#[test]
fn void_and_write_off_derive_the_status_and_close_the_balance() {
    let env = Env::seeded();
    assert_eq!(
        env.ok(&["invoice", "void", "566935", "--reason", "entered twice"]),
        text(&[
            "Voided invoice 566935",
            "┌─────────────┬───────────────┐",
            "│ Field       ┆ Value         │",
            "╞═════════════╪═══════════════╡",
            "│ ID          ┆ 566935        │",
            "│ Number      ┆ 566935        │",
            "│ Customer    ┆ 655080        │",
            "│ Currency    ┆ USD           │",
            "│ Total       ┆ 20.00         │",
            "│ Paid        ┆ 0.00          │",
            "│ Outstanding ┆ 0.00          │",
            "│ Status      ┆ void          │",
            "│ Overdue     ┆ false         │",
            "│ Date        ┆ 2026-10-31    │",
            "│ Due         ┆ 2026-11-30    │",
            "│ Reason      ┆ entered twice │",
            "└─────────────┴───────────────┘",
        ])
    );
    // The overdue invoice is written off: nothing outstanding, so no longer overdue.
    assert_eq!(
        env.ok(&[
            "invoice",
            "write-off",
            "566934",
            "--reason",
            "customer bankrupt",
            "-o",
            "json"
        ]),
        text(&[
            "{",
            r#"  "id": 566934,"#,
            r#"  "invoiceNumber": "566934","#,
            r#"  "customerId": 655080,"#,
            r#"  "currency": "USD","#,
            r#"  "invoiceAmount": 100.00,"#,
            r#"  "totalPayments": 0.00,"#,
            r#"  "outstandingBalance": 0.00,"#,
            r#"  "status": "written_off","#,
            r#"  "overdue": false,"#,
            r#"  "effectiveTimestamp": "2026-10-01T00:00:00Z","#,
            r#"  "dueDate": "2026-10-31T00:00:00Z","#,
            r#"  "writtenOffAmount": 100.00,"#,
            r#"  "closedReason": "customer bankrupt","#,
            r#"  "paymentAllocations": []"#,
            "}",
        ])
    );
    assert_eq!(
        env.ok(&[
            "invoice",
            "void",
            "566936",
            "--reason",
            "wrong customer",
            "-q"
        ]),
        "566936\n"
    );
    assert_eq!(
        env.ok(&["invoice", "list", "-o", "csv"]),
        text(&[
            INVOICE_CSV_HEADER,
            "566934,566934,655080,USD,100.00,0.00,0.00,written_off,false,2026-10-01T00:00:00Z,2026-10-31T00:00:00Z",
            "566935,566935,655080,USD,20.00,0.00,0.00,void,false,2026-10-31T00:00:00Z,2026-11-30T00:00:00Z",
            "566936,566936,655080,USD,30.00,0.00,0.00,void,false,2026-12-01T00:00:00Z,2026-12-31T00:00:00Z",
        ])
    );
    assert_eq!(
        env.ok(&["invoice", "list", "--status", "written_off", "-o", "csv"]),
        text(&[
            INVOICE_CSV_HEADER,
            "566934,566934,655080,USD,100.00,0.00,0.00,written_off,false,2026-10-01T00:00:00Z,2026-10-31T00:00:00Z",
        ])
    );
    assert_eq!(
        env.json(&["customer", "show", "655080"])["outstandingBalance"].to_string(),
        "0.00"
    );
}

#[test]
fn write_off_of_a_partially_paid_invoice_takes_the_rest() {
    let env = Env::seeded();
    env.ok(&[
        "create",
        "--customer",
        "655080",
        "--amount",
        "40",
        "--method",
        "Cash",
        "--allocate",
        "566934=40",
    ]);
    assert_eq!(
        env.ok(&["invoice", "show", "566934"]),
        text(&[
            "┌─────────────┬────────────────┐",
            "│ Field       ┆ Value          │",
            "╞═════════════╪════════════════╡",
            "│ ID          ┆ 566934         │",
            "│ Number      ┆ 566934         │",
            "│ Customer    ┆ 655080         │",
            "│ Currency    ┆ USD            │",
            "│ Total       ┆ 100.00         │",
            "│ Paid        ┆ 40.00          │",
            "│ Outstanding ┆ 60.00          │",
            "│ Status      ┆ partially_paid │",
            "│ Overdue     ┆ true           │",
            "│ Date        ┆ 2026-10-01     │",
            "│ Due         ┆ 2026-10-31     │",
            "└─────────────┴────────────────┘",
            "Payments allocated:",
            "┌─────────┬────────┬──────────────────────┐",
            "│ Payment ┆ Amount ┆ Date                 │",
            "╞═════════╪════════╪══════════════════════╡",
            "│ 1       ┆  40.00 ┆ 2026-11-21T10:00:00Z │",
            "└─────────┴────────┴──────────────────────┘",
        ])
    );
    assert_eq!(
        env.ok(&["invoice", "write-off", "566934", "--reason", "gave up"]),
        text(&[
            "Wrote off 60.00 USD of invoice 566934",
            "┌─────────────┬─────────────┐",
            "│ Field       ┆ Value       │",
            "╞═════════════╪═════════════╡",
            "│ ID          ┆ 566934      │",
            "│ Number      ┆ 566934      │",
            "│ Customer    ┆ 655080      │",
            "│ Currency    ┆ USD         │",
            "│ Total       ┆ 100.00      │",
            "│ Paid        ┆ 40.00       │",
            "│ Outstanding ┆ 0.00        │",
            "│ Status      ┆ written_off │",
            "│ Overdue     ┆ false       │",
            "│ Date        ┆ 2026-10-01  │",
            "│ Due         ┆ 2026-10-31  │",
            "│ Written off ┆ 60.00       │",
            "│ Reason      ┆ gave up     │",
            "└─────────────┴─────────────┘",
            "Payments allocated:",
            "┌─────────┬────────┬──────────────────────┐",
            "│ Payment ┆ Amount ┆ Date                 │",
            "╞═════════╪════════╪══════════════════════╡",
            "│ 1       ┆  40.00 ┆ 2026-11-21T10:00:00Z │",
            "└─────────┴────────┴──────────────────────┘",
        ])
    );
    assert_eq!(
        env.ok(&["invoice", "show", "566934", "-o", "csv"]),
        text(&[
            INVOICE_CSV_HEADER,
            "566934,566934,655080,USD,100.00,40.00,0.00,written_off,false,2026-10-01T00:00:00Z,2026-10-31T00:00:00Z",
        ])
    );
}

#[test]
fn money_in_json_is_an_exact_number_at_the_currency_scale() {
    let env = Env::new();
    env.ok(&[
        "customer",
        "add",
        "--id",
        "10",
        "--name",
        "Yen",
        "--currency",
        "JPY",
    ]);
    env.ok(&[
        "customer",
        "add",
        "--id",
        "11",
        "--name",
        "Dinar",
        "--currency",
        "KWD",
    ]);
    env.ok(&["customer", "add", "--id", "12", "--name", "Dollar"]);
    let amounts = |out: &str| -> Vec<String> {
        out.lines()
            .filter(|l| {
                l.contains("\"invoiceAmount\"")
                    || l.contains("\"totalPayments\"")
                    || l.contains("\"outstandingBalance\"")
            })
            .map(|l| l.trim().to_string())
            .collect()
    };
    let cases = [
        ("10", "1000", "1000", "0"),
        ("11", "1.125", "1.125", "0.000"),
        ("12", "100", "100.00", "0.00"),
        ("12", "0.1", "0.10", "0.00"),
        ("12", "999999999999.99", "999999999999.99", "0.00"),
    ];
    for (customer, total, shown, zero) in cases {
        let out = env.ok(&[
            "invoice",
            "add",
            "--customer",
            customer,
            "--total",
            total,
            "-o",
            "json",
        ]);
        assert_eq!(
            amounts(&out),
            [
                format!("\"invoiceAmount\": {shown},"),
                format!("\"totalPayments\": {zero},"),
                format!("\"outstandingBalance\": {shown},"),
            ],
            "total {total} for customer {customer}"
        );
    }
    // The customers' outstanding balances, at their own scales.
    let out = env.ok(&["customer", "list", "-o", "json"]);
    let balances: Vec<&str> = out
        .lines()
        .filter(|l| l.contains("\"outstandingBalance\""))
        .map(str::trim)
        .collect();
    assert_eq!(
        balances,
        [
            "\"outstandingBalance\": 1000,",
            "\"outstandingBalance\": 1.125,",
            "\"outstandingBalance\": 1000000000100.09,",
        ]
    );
    // A JPY amount with decimals is never rounded.
    env.refused(
        &["invoice", "add", "--customer", "10", "--total", "1.5"],
        1,
        "error: total '1.5' has 1 decimal place but JPY allows 0; amounts are never rounded\n",
    );
    env.refused(
        &["invoice", "add", "--customer", "11", "--total", "1.1255"],
        1,
        "error: total '1.1255' has 4 decimal places but KWD allows 3; amounts are never rounded\n",
    );
}

// ---------------------------------------------------------------------------------------------
// refusals

#[test]
fn clap_usage_errors_are_exit_2_and_change_nothing() {
    let env = Env::seeded();
    env.refused(
        &["customer", "add", "--name", "X", "--bogus"],
        2,
        "error: unexpected argument '--bogus' found\n\nUsage: payctl customer add --name <NAME>\n\nFor more information, try '--help'.\n",
    );
    env.refused(
        &["customer", "add", "--email", "a@b.example"],
        2,
        "error: the following required arguments were not provided:\n  --name <NAME>\n\nUsage: payctl customer add --name <NAME> --email <EMAIL> --db <PATH>\n\nFor more information, try '--help'.\n",
    );
    env.refused(
        &["invoice", "add", "--customer", "655080"],
        2,
        "error: the following required arguments were not provided:\n  --total <TOTAL>\n\nUsage: payctl invoice add --customer <CUSTOMER> --total <TOTAL> --db <PATH>\n\nFor more information, try '--help'.\n",
    );
    env.refused(
        &["method", "add", "--customer", "655080"],
        2,
        "error: the following required arguments were not provided:\n  --type <TYPE>\n\nUsage: payctl method add --customer <CUSTOMER> --type <TYPE> --db <PATH>\n\nFor more information, try '--help'.\n",
    );
    env.refused(
        &["method", "add", "--customer", "655080", "--type", "bitcoin"],
        2,
        &invalid(
            "bitcoin",
            "--type <TYPE>",
            "'bitcoin' is not allowed; allowable values are: CreditCard, ACH, Paypal",
        ),
    );
    env.refused(
        &["invoice", "void", "566934"],
        2,
        "error: the following required arguments were not provided:\n  --reason <REASON>\n\nUsage: payctl invoice void --reason <REASON> --db <PATH> <ID>\n\nFor more information, try '--help'.\n",
    );
    env.refused(
        &["customer", "show", "abc"],
        2,
        &invalid(
            "abc",
            "<ID>",
            "'abc' is not an id; ids are positive whole numbers such as 655080",
        ),
    );
    env.refused(
        &["invoice", "list", "--status", "open"],
        2,
        &invalid(
            "open",
            "--status <STATUS>",
            "'open' is not allowed; allowable values are: unpaid, partially_paid, paid, void, written_off",
        ),
    );
    env.refused(
        &["customer", "list", "-o", "xml"],
        2,
        "error: invalid value 'xml' for '--output <OUTPUT>'\n  [possible values: table, json, csv, jsonl, html]\n\n  tip: a similar value exists: 'html'\n\nFor more information, try '--help'.\n",
    );
}

#[test]
fn bad_amount_syntax_is_exit_2() {
    let env = Env::seeded();
    let cases = [
        (
            "1e3",
            "uses an exponent; write the plain decimal, e.g. 1000 not 1e3",
        ),
        (
            "1,000",
            "contains a thousands separator; write 1234.56 not 1,234.56",
        ),
        (
            "$5",
            "contains '$'; give digits and at most one '.', without currency symbols or spaces",
        ),
        (
            "abc",
            "contains 'a'; give digits and at most one '.', without currency symbols or spaces",
        ),
        ("NaN", "is not a number; give a plain decimal such as 50.78"),
        ("inf", "is not a number; give a plain decimal such as 50.78"),
        ("", "is empty; give a plain decimal such as 50.78"),
        (
            "1.2.3",
            "is not a plain decimal; give digits with an optional '.' and decimals, e.g. 50.78",
        ),
        (
            "-5",
            "is negative; amounts are positive plain decimals such as 50.78",
        ),
    ];
    for (amount, why) in cases {
        env.refused(
            &["invoice", "add", "--customer", "655080", "--total", amount],
            2,
            &invalid(
                amount,
                "--total <TOTAL>",
                &format!("amount '{amount}' {why}"),
            ),
        );
    }
    env.refused(
        &["invoice", "add", "--customer", "655080", "--total=-5"],
        2,
        &invalid(
            "-5",
            "--total <TOTAL>",
            "amount '-5' is negative; amounts are positive plain decimals such as 50.78",
        ),
    );
}

#[test]
fn amounts_the_currency_cannot_hold_are_exit_1() {
    let env = Env::seeded();
    env.refused(
        &["invoice", "add", "--customer", "655080", "--total", "0"],
        1,
        "error: total '0' must be greater than zero\n",
    );
    env.refused(
        &["invoice", "add", "--customer", "655080", "--total", "0.00"],
        1,
        "error: total '0.00' must be greater than zero\n",
    );
    env.refused(
        &[
            "invoice",
            "add",
            "--customer",
            "655080",
            "--total",
            "10.001",
        ],
        1,
        "error: total '10.001' has 3 decimal places but USD allows 2; amounts are never rounded\n",
    );
    env.refused(
        &[
            "invoice",
            "add",
            "--customer",
            "655080",
            "--total",
            "1234567890123",
        ],
        1,
        "error: total '1234567890123' has more than 12 integer digits\n",
    );
    env.refused(
        &[
            "invoice",
            "add",
            "--customer",
            "655080",
            "--total",
            "1000000000000.00",
        ],
        1,
        "error: total '1000000000000.00' has more than 12 integer digits\n",
    );
}

#[test]
fn bad_currency_date_and_terms_are_exit_2() {
    let env = Env::seeded();
    env.refused(
        &[
            "invoice",
            "add",
            "--customer",
            "655080",
            "--total",
            "5",
            "--currency",
            "XYZ",
        ],
        2,
        &invalid(
            "XYZ",
            "--currency <CURRENCY>",
            "'XYZ' is not an ISO 4217 currency code with minor units (e.g. USD, EUR, JPY, KWD)",
        ),
    );
    env.refused(
        &["customer", "add", "--name", "X", "--currency", "US"],
        2,
        &invalid(
            "US",
            "--currency <CURRENCY>",
            "'US' is not an ISO 4217 currency code with minor units (e.g. USD, EUR, JPY, KWD)",
        ),
    );
    for date in ["2026-13-01", "21/11/2026", "2026-02-30", "tomorrow"] {
        env.refused(
            &[
                "invoice",
                "add",
                "--customer",
                "655080",
                "--total",
                "5",
                "--date",
                date,
            ],
            2,
            &invalid(
                date,
                "--date <DATE>",
                &format!(
                    "'{date}' is not a date; use YYYY-MM-DD or RFC 3339 (2026-11-21T10:00:00Z)"
                ),
            ),
        );
    }
    env.refused(
        &[
            "invoice",
            "add",
            "--customer",
            "655080",
            "--total",
            "5",
            "--due",
            "2026-1-5",
        ],
        2,
        &invalid(
            "2026-1-5",
            "--due <DUE>",
            "'2026-1-5' is not a date; use YYYY-MM-DD or RFC 3339 (2026-11-21T10:00:00Z)",
        ),
    );
    env.refused(
        &["invoice", "list", "--as-of", "soon"],
        2,
        &invalid(
            "soon",
            "--as-of <AS_OF>",
            "'soon' is not a date; use YYYY-MM-DD or RFC 3339 (2026-11-21T10:00:00Z)",
        ),
    );
    for terms in ["30", "net", "net-5x", "cod"] {
        env.refused(
            &["invoice", "add", "--customer", "655080", "--total", "5", "--terms", terms],
            2,
            &invalid(
                terms,
                "--terms <TERMS>",
                &format!("'{terms}' is not payment terms; use netN with N from 0 to 9999, e.g. net30 (due 30 days after the invoice date)"),
            ),
        );
    }
    env.refused(
        &[
            "invoice", "add", "--customer", "655080", "--total", "5", "--terms", "net30", "--due",
            "2026-12-01",
        ],
        2,
        "error: the argument '--terms <TERMS>' cannot be used with '--due <DUE>'\n\nUsage: payctl invoice add --customer <CUSTOMER> --total <TOTAL> --terms <TERMS> --db <PATH>\n\nFor more information, try '--help'.\n",
    );
}

#[test]
fn a_command_refused_by_its_checks_does_not_create_the_ledger() {
    let env = Env::new();
    env.refused(
        &["customer", "add", "--name", "4111111111111111"],
        1,
        &format!("error: name '************1111' {CARD_WHY}\n"),
    );
    env.refused(
        &[
            "method",
            "add",
            "--customer",
            "1",
            "--type",
            "ach",
            "--last4",
            "12",
        ],
        1,
        "error: last4 '12' must be exactly 4 digits (the last four of the card or account)\n",
    );
    env.refused(
        &[
            "invoice",
            "add",
            "--customer",
            "1",
            "--total",
            "5",
            "--number",
            " ",
        ],
        1,
        "error: invoice number is empty\n",
    );
    env.refused(
        &["invoice", "void", "1", "--reason", " "],
        1,
        "error: reason is empty; say why (it is kept in the audit trail)\n",
    );
    env.refused(
        &["invoice", "add", "--customer", "1", "--total", "1e3"],
        2,
        &invalid(
            "1e3",
            "--total <TOTAL>",
            "amount '1e3' uses an exponent; write the plain decimal, e.g. 1000 not 1e3",
        ),
    );
    assert!(!env.db.exists());
}

#[test]
fn due_before_the_invoice_date_is_exit_1() {
    let env = Env::seeded();
    env.refused(
        &[
            "invoice",
            "add",
            "--customer",
            "655080",
            "--total",
            "5",
            "--date",
            "2026-11-10",
            "--due",
            "2026-11-01",
        ],
        1,
        "error: due date 2026-11-01T00:00:00Z is before the invoice date 2026-11-10T00:00:00Z\n",
    );
}

#[test]
fn unknown_records_are_exit_3_with_a_hint() {
    let env = Env::seeded();
    let no_customer =
        "error: customer 999 not found; add it with: payctl customer add --id 999 --name ...\n";
    env.refused(
        &["invoice", "add", "--customer", "999", "--total", "5"],
        3,
        no_customer,
    );
    env.refused(
        &["method", "add", "--customer", "999", "--type", "ach"],
        3,
        no_customer,
    );
    env.refused(&["method", "list", "--customer", "999"], 3, no_customer);
    env.refused(&["invoice", "list", "--customer", "999"], 3, no_customer);
    env.refused(&["customer", "show", "999"], 3, no_customer);
    env.refused(
        &["method", "set-default", "999"],
        3,
        "error: payment method 999 not found\n",
    );
    let no_invoice = "error: invoice 999 not found; list invoices with: payctl invoice list\n";
    env.refused(&["invoice", "show", "999"], 3, no_invoice);
    env.refused(&["invoice", "void", "999", "--reason", "x"], 3, no_invoice);
    env.refused(
        &["invoice", "write-off", "999", "--reason", "x"],
        3,
        no_invoice,
    );
}

#[test]
fn duplicate_ids_are_exit_1() {
    let env = Env::seeded();
    env.refused(
        &["customer", "add", "--id", "655080", "--name", "Again"],
        1,
        "error: customer 655080 already exists; see it with: payctl customer show 655080\n",
    );
    env.refused(
        &[
            "invoice",
            "add",
            "--customer",
            "655080",
            "--id",
            "566934",
            "--total",
            "5",
        ],
        1,
        "error: invoice 566934 already exists; see it with: payctl invoice show 566934\n",
    );
    env.refused(
        &[
            "method",
            "add",
            "--customer",
            "655080",
            "--type",
            "ach",
            "--id",
            "1",
        ],
        1,
        "error: payment method 1 already exists\n",
    );
}

#[test]
fn card_numbers_are_refused_in_every_text_field() {
    let env = Env::seeded();
    for card in [
        "4111111111111111",
        "4111 1111 1111 1111",
        "4111-1111-1111-1111",
    ] {
        let with = format!("paid with {card}");
        env.refused(
            &["customer", "add", "--name", &with],
            1,
            &format!("error: name '{}' {CARD_WHY}\n", masked(&with)),
        );
        env.refused(
            &[
                "method",
                "add",
                "--customer",
                "655080",
                "--type",
                "credit-card",
                "--label",
                card,
            ],
            1,
            &format!("error: label '{}' {CARD_WHY}\n", masked(card)),
        );
        env.refused(
            &[
                "method",
                "add",
                "--customer",
                "655080",
                "--type",
                "credit-card",
                "--brand",
                card,
            ],
            1,
            &format!("error: brand '{}' {CARD_WHY}\n", masked(card)),
        );
        env.refused(
            &[
                "invoice",
                "add",
                "--customer",
                "655080",
                "--total",
                "5",
                "--number",
                card,
            ],
            1,
            &format!("error: invoice number '{}' {CARD_WHY}\n", masked(card)),
        );
    }
    env.refused(
        &[
            "customer",
            "add",
            "--name",
            "Bob",
            "--email",
            "4111111111111111@x.example",
        ],
        1,
        &format!("error: email '************1111@x.example' {CARD_WHY}\n"),
    );
    // Every bad field is named, one line each.
    env.refused(
        &[
            "method", "add", "--customer", "655080", "--type", "credit-card", "--label",
            "4111111111111111", "--brand", "5500-0000-0000-0004", "--last4", "42",
        ],
        1,
        &format!(
            "error: label '************1111' {CARD_WHY}\nerror: brand '****-****-****-0004' {CARD_WHY}\nerror: last4 '42' must be exactly 4 digits (the last four of the card or account)\n"
        ),
    );
    // A number that fails the Luhn check is not a card number.
    assert_eq!(
        env.ok(&[
            "invoice",
            "add",
            "--customer",
            "655080",
            "--total",
            "5",
            "--number",
            "4111111111111112",
            "-q"
        ]),
        "566937\n"
    );
}

#[test]
fn bad_last4_email_and_empty_fields_are_exit_1() {
    let env = Env::seeded();
    for last4 in ["424", "42a2", "42424", "4111111111111111", ""] {
        env.refused(
            &["method", "add", "--customer", "655080", "--type", "credit-card", "--last4", last4],
            1,
            &format!(
                "error: last4 '{}' must be exactly 4 digits (the last four of the card or account)\n",
                masked(last4)
            ),
        );
    }
    for email in [
        "bob",
        "bob@example",
        "@example.com",
        "bob@.example.com",
        "b ob@example.com",
    ] {
        env.refused(
            &["customer", "add", "--name", "Bob", "--email", email],
            1,
            &format!("error: email '{email}' is not an email address (name@example.com)\n"),
        );
    }
    env.refused(
        &["customer", "add", "--name", "  "],
        1,
        "error: name is empty; give the customer's name\n",
    );
    env.refused(
        &[
            "invoice",
            "add",
            "--customer",
            "655080",
            "--total",
            "5",
            "--number",
            " ",
        ],
        1,
        "error: invoice number is empty\n",
    );
    env.refused(
        &["invoice", "void", "566934", "--reason", ""],
        1,
        "error: reason is empty; say why (it is kept in the audit trail)\n",
    );
    env.refused(
        &["customer", "add", "--name", "Tab\there"],
        1,
        "error: name 'Tab\\there' contains a control character; use printable text only\n",
    );
}

#[test]
fn void_of_a_paid_invoice_and_write_off_of_a_closed_one_are_exit_1() {
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
        "566934=40",
        "--allocate",
        "566935=20",
    ]);
    env.refused(
        &["invoice", "void", "566934", "--reason", "x"],
        1,
        "error: invoice 566934 is partially_paid and has payments allocated; unallocate them first (payctl unallocate PAYMENT --invoice 566934)\n",
    );
    env.refused(
        &["invoice", "void", "566935", "--reason", "x"],
        1,
        "error: invoice 566935 is paid and has payments allocated; unallocate them first (payctl unallocate PAYMENT --invoice 566935)\n",
    );
    env.refused(
        &["invoice", "write-off", "566935", "--reason", "x"],
        1,
        "error: invoice 566935 is paid; only unpaid or partially_paid invoices can be written off\n",
    );
    env.ok(&["invoice", "void", "566936", "--reason", "wrong customer"]);
    env.refused(
        &["invoice", "write-off", "566936", "--reason", "x"],
        1,
        "error: invoice 566936 is void; only unpaid or partially_paid invoices can be written off\n",
    );
    env.refused(
        &["invoice", "void", "566936", "--reason", "x"],
        1,
        "error: invoice 566936 is already void; it cannot be voided\n",
    );
    env.ok(&["invoice", "write-off", "566934", "--reason", "gave up"]);
    env.refused(
        &["invoice", "write-off", "566934", "--reason", "x"],
        1,
        "error: invoice 566934 is written_off; only unpaid or partially_paid invoices can be written off\n",
    );
    env.refused(
        &["invoice", "void", "566934", "--reason", "x"],
        1,
        "error: invoice 566934 is already written_off; it cannot be voided\n",
    );
}

#[test]
fn errors_with_json_output_are_fusebill_error_documents() {
    let env = Env::seeded();
    env.refused(
        &["customer", "add", "--name", "Bob", "--email", "bob", "-o", "json"],
        1,
        "{\n  \"ErrorId\": 0,\n  \"HttpStatusCode\": 400,\n  \"Errors\": [\n    {\n      \"Key\": \"email\",\n      \"Value\": \"email 'bob' is not an email address (name@example.com)\"\n    }\n  ]\n}\n",
    );
    env.refused(
        &["invoice", "show", "999", "-o", "json"],
        3,
        "{\n  \"ErrorId\": 0,\n  \"HttpStatusCode\": 404,\n  \"Errors\": [\n    {\n      \"Key\": \"invoiceId\",\n      \"Value\": \"invoice 999 not found; list invoices with: payctl invoice list\"\n    }\n  ]\n}\n",
    );
    env.refused(
        &["invoice", "add", "--customer", "999", "--total", "5", "-o", "json"],
        3,
        "{\n  \"ErrorId\": 0,\n  \"HttpStatusCode\": 404,\n  \"Errors\": [\n    {\n      \"Key\": \"customerId\",\n      \"Value\": \"customer 999 not found; add it with: payctl customer add --id 999 --name ...\"\n    }\n  ]\n}\n",
    );
    // Two problems, two entries.
    env.refused(
        &[
            "method", "add", "--customer", "655080", "--type", "ach", "--label", "4111111111111111",
            "--last4", "12", "-o", "json",
        ],
        1,
        &format!("{{\n  \"ErrorId\": 0,\n  \"HttpStatusCode\": 400,\n  \"Errors\": [\n    {{\n      \"Key\": \"label\",\n      \"Value\": \"label '************1111' {CARD_WHY}\"\n    }},\n    {{\n      \"Key\": \"last4\",\n      \"Value\": \"last4 '12' must be exactly 4 digits (the last four of the card or account)\"\n    }}\n  ]\n}}\n"),
    );
    // The command line's own errors too (clap's), also with PAYCTL_OUTPUT=json.
    let total_doc = "{\n  \"ErrorId\": 0,\n  \"HttpStatusCode\": 400,\n  \"Errors\": [\n    {\n      \"Key\": \"total\",\n      \"Value\": \"invalid value '1e3' for '--total <TOTAL>': amount '1e3' uses an exponent; write the plain decimal, e.g. 1000 not 1e3\"\n    }\n  ]\n}\n";
    env.refused(
        &[
            "invoice",
            "add",
            "--customer",
            "655080",
            "--total",
            "1e3",
            "-o",
            "json",
        ],
        2,
        total_doc,
    );
    let before = env.snapshot();
    let out = env
        .command(&["invoice", "add", "--customer", "655080", "--total", "1e3"])
        .env("PAYCTL_OUTPUT", "json")
        .output()
        .unwrap();
    assert_eq!(
        (
            out.status.code(),
            String::from_utf8_lossy(&out.stderr).as_ref(),
            out.stdout.as_slice()
        ),
        (Some(2), total_doc, &b""[..])
    );
    assert_eq!(before, env.snapshot());
}

// ---------------------------------------------------------------------------------------------
// the ledger file

#[test]
fn ledger_is_created_0600_in_a_0700_folder_and_wal_files_are_0600() {
    crate::sqlite_only!();
    let env = Env::new();
    let db = env.dir.path().join("a/b/c/ledger.db");
    let db_arg = db.to_str().unwrap();
    assert_eq!(
        env.ok(&["--db", db_arg, "customer", "add", "--name", "Acme", "-q"]),
        "1\n"
    );
    assert!(!env.db.exists(), "--db must win over PAYCTL_DB");
    assert_eq!(mode(&db), 0o600);
    for dir in ["a", "a/b", "a/b/c"] {
        assert_eq!(mode(&env.dir.path().join(dir)), 0o700, "{dir}");
    }
    // Hold a reader open so the -wal and -shm files outlive the next payctl write.
    let reader = rusqlite::Connection::open(&db).unwrap();
    let tx = reader.unchecked_transaction().unwrap();
    let _: i64 = tx
        .query_row("SELECT count(*) FROM customers", [], |r| r.get(0))
        .unwrap();
    env.ok(&["--db", db_arg, "customer", "add", "--name", "Globex", "-q"]);
    let wal = db.with_file_name("ledger.db-wal");
    let shm = db.with_file_name("ledger.db-shm");
    assert!(
        wal.exists() && shm.exists(),
        "WAL mode keeps -wal and -shm files"
    );
    assert_eq!(mode(&wal), 0o600);
    assert_eq!(mode(&shm), 0o600);
    drop(tx);
}

#[test]
fn a_file_that_is_not_sqlite_is_exit_74_and_left_untouched() {
    crate::sqlite_only!();
    let env = Env::new();
    let content = b"hello, this is not a database at all\n".repeat(200);
    std::fs::write(&env.db, &content).unwrap();
    std::fs::set_permissions(&env.db, std::fs::Permissions::from_mode(0o640)).unwrap();
    let run = env.run(&["customer", "list"]);
    assert_eq!(
        (run.code, run.stdout.as_str(), run.stderr),
        (
            74,
            "",
            format!(
                "error: ledger {} is not a payctl ledger (not a SQLite database)\n",
                env.db.display()
            )
        )
    );
    let run = env.run(&["customer", "add", "--name", "Acme"]);
    assert_eq!(run.code, 74, "{}", run.stderr);
    assert_eq!(std::fs::read(&env.db).unwrap(), content);
    assert_eq!(mode(&env.db), 0o640);
    let mut names: Vec<String> = std::fs::read_dir(env.dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    assert_eq!(names, ["ledger.db"]);
}

#[test]
fn a_sqlite_database_of_another_program_is_exit_74() {
    crate::sqlite_only!();
    let env = Env::new();
    {
        let conn = rusqlite::Connection::open(&env.db).unwrap();
        conn.execute_batch("CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT); INSERT INTO notes (body) VALUES ('keep me');")
            .unwrap();
    }
    let before = env.snapshot();
    let run = env.run(&["customer", "add", "--name", "Acme"]);
    assert_eq!(
        (run.code, run.stdout.as_str(), run.stderr),
        (
            74,
            "",
            format!(
                "error: {} is not a payctl ledger (a SQLite database of another program); give another path with --db\n",
                env.db.display()
            )
        )
    );
    assert_eq!(before, env.snapshot());
    let conn = rusqlite::Connection::open(&env.db).unwrap();
    let notes: Vec<String> = conn
        .prepare("SELECT body FROM notes")
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    assert_eq!(notes, ["keep me"]);
    let app_id: i32 = conn
        .pragma_query_value(None, "application_id", |r| r.get(0))
        .unwrap();
    assert_eq!(
        app_id, 0,
        "payctl must not stamp another program's database"
    );
}

/// A ledger written by schema 1 (no open-invoices cache) is migrated on first use: the cache is
/// filled from its rows, so auto-allocation skips the invoices it had already paid.
#[test]
fn a_schema_1_ledger_is_migrated_and_its_open_invoices_found() {
    crate::sqlite_only!();
    let env = Env::new();
    {
        let conn = rusqlite::Connection::open(&env.db).unwrap();
        conn.execute_batch(include_str!("../../src/ledger/migrations/001_initial.sql"))
            .unwrap();
        conn.execute_batch(
            "PRAGMA user_version = 1; PRAGMA application_id = 1348027220; -- 'PYCT'
             INSERT INTO customers VALUES (7, 'Old Co', NULL, 'USD', 'OldestToNewest', NULL, '2026-01-01T00:00:00Z');
             INSERT INTO invoices VALUES (1, 'A', 7, 'USD', 1000, '2026-01-01T00:00:00Z', '2026-01-31T00:00:00Z', '2026-01-01T00:00:00Z');
             INSERT INTO invoices VALUES (2, 'B', 7, 'USD', 1000, '2026-02-01T00:00:00Z', '2026-02-28T00:00:00Z', '2026-02-01T00:00:00Z');
             INSERT INTO invoices VALUES (3, 'C', 7, 'USD', 1000, '2026-03-01T00:00:00Z', '2026-03-31T00:00:00Z', '2026-03-01T00:00:00Z');
             INSERT INTO invoices VALUES (4, 'D', 7, 'USD', 1000, '2026-01-15T00:00:00Z', '2026-01-20T00:00:00Z', '2026-01-15T00:00:00Z');
             INSERT INTO invoice_closures VALUES (4, 'void', 0, 'typo', '2026-01-16T00:00:00Z', '2026-01-16T00:00:00Z');
             INSERT INTO payments VALUES (1, 7, 1500, 'USD', 'Cash', NULL, 'Manual', NULL, '2026-02-10T00:00:00Z', 0, 'Successful', '2026-02-10T00:00:00Z');
             INSERT INTO allocations VALUES (1, 1, 1, 1000, 'allocate', NULL, '2026-02-10T00:00:00Z', '2026-02-10T00:00:00Z');
             INSERT INTO allocations VALUES (2, 1, 2, 500, 'allocate', NULL, '2026-02-10T00:00:00Z', '2026-02-10T00:00:00Z');
             INSERT INTO activities VALUES (1, 7, 1, NULL, 'Collect', 'Successful', 1500, 'USD', 'Cash', NULL, 'Manual', NULL, '2026-02-10T00:00:00Z', '2026-02-10T00:00:00Z');",
        )
        .unwrap();
    }
    // Invoice 1 is paid and 4 is void: 7.00 goes to the rest of 2, then 2.00 to 3.
    let id = env.ok(&[
        "create",
        "--customer",
        "7",
        "--amount",
        "7",
        "--method",
        "cash",
        "--auto-allocate",
        "-q",
    ]);
    assert_eq!(id, "2\n");
    let invoices = env.ok(&["invoice", "list", "--customer", "7", "-o", "csv"]);
    let statuses: Vec<String> = invoices
        .lines()
        .skip(1)
        .map(|l| {
            let cells: Vec<&str> = l.split(',').collect();
            format!("{}:{}:{}", cells[0], cells[6], cells[7])
        })
        .collect();
    assert_eq!(
        statuses,
        [
            "1:0.00:paid",
            "2:0.00:paid",
            "3:8.00:partially_paid",
            "4:0.00:void"
        ],
        "{invoices}"
    );
    let verify = env.run(&["verify"]);
    assert_eq!(verify.code, 0, "{}{}", verify.stdout, verify.stderr);
}

#[test]
fn a_ledger_from_a_newer_payctl_is_exit_74() {
    crate::sqlite_only!();
    let env = Env::seeded();
    {
        let conn = rusqlite::Connection::open(&env.db).unwrap();
        conn.pragma_update(None, "user_version", 99).unwrap();
    }
    env.refused(
        &["customer", "list"],
        74,
        &format!(
            "error: ledger {} was written by a newer payctl (schema 99, this payctl knows 5); upgrade payctl\n",
            env.db.display()
        ),
    );
    env.refused(
        &["customer", "add", "--name", "New"],
        74,
        &format!(
            "error: ledger {} was written by a newer payctl (schema 99, this payctl knows 5); upgrade payctl\n",
            env.db.display()
        ),
    );
    let conn = rusqlite::Connection::open(&env.db).unwrap();
    let version: i64 = conn
        .pragma_query_value(None, "user_version", |r| r.get(0))
        .unwrap();
    assert_eq!(version, 99);
}

#[test]
fn default_ledger_path_is_xdg_data_home_then_home() {
    let env = Env::new();
    let home = env.dir.path().join("home");
    let xdg = env.dir.path().join("xdg");
    std::fs::create_dir(&home).unwrap();
    let run = |extra: &[(&str, &std::path::Path)]| {
        let mut cmd = env.command(&["customer", "add", "--name", "Acme", "-q"]);
        cmd.env_remove("PAYCTL_DB").env("HOME", &home);
        for (k, v) in extra {
            cmd.env(k, v);
        }
        let out = cmd.output().unwrap();
        assert_eq!(
            (
                out.status.code(),
                String::from_utf8_lossy(&out.stderr).into_owned()
            ),
            (Some(0), String::new())
        );
        String::from_utf8(out.stdout).unwrap()
    };
    assert_eq!(run(&[("XDG_DATA_HOME", &xdg)]), "1\n");
    let xdg_db = xdg.join("payctl/ledger.db");
    assert_eq!(customer_names(&xdg_db), ["Acme"]);
    assert_eq!(mode(&xdg_db), 0o600);
    assert_eq!(mode(&xdg.join("payctl")), 0o700);
    assert!(!home.join(".local").exists());

    assert_eq!(run(&[]), "1\n");
    let home_db = home.join(".local/share/payctl/ledger.db");
    assert_eq!(customer_names(&home_db), ["Acme"]);
    assert_eq!(mode(&home_db), 0o600);
    assert_eq!(mode(&home.join(".local/share/payctl")), 0o700);
    // The second run went to HOME, not to the XDG ledger.
    assert_eq!(customer_names(&xdg_db), ["Acme"]);
    assert!(!env.db.exists());
}

#[test]
fn db_flag_beats_payctl_db() {
    let env = Env::seeded();
    let other = env.dir.path().join("other.db");
    let other_arg = other.to_str().unwrap();
    let before = env.snapshot();
    // A read command never creates the ledger --db names (SPEC §1, issue 16).
    let run = env.run(&["--db", other_arg, "customer", "list", "-o", "json"]);
    assert_eq!((run.code, run.stdout.as_str()), (74, ""), "{}", run.stderr);
    assert!(!other.exists());
    assert_eq!(
        env.ok(&["customer", "add", "--db", other_arg, "--name", "Other", "-q"]),
        "1\n"
    );
    assert_eq!(before, env.snapshot());
    assert_eq!(
        env.ok(&["customer", "list", "-o", "csv", "--db", other_arg]),
        text(&[
            "id,name,email,currency,defaultPaymentMethodId,autoAllocateOrder,outstandingBalance,availableFunds",
            "1,Other,,USD,,OldestToNewest,0.00,0.00",
        ])
    );
}

#[test]
fn payctl_output_selects_the_format_and_the_flag_beats_it() {
    let env = Env::seeded();
    let out = env
        .command(&["method", "list", "--customer", "655080"])
        .env("PAYCTL_OUTPUT", "json")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(
        String::from_utf8(out.stdout).unwrap(),
        text(&[
            "[",
            "  {",
            r#"    "id": 1,"#,
            r#"    "customerId": 655080,"#,
            r#"    "type": "CreditCard","#,
            r#"    "label": null,"#,
            r#"    "brand": "Visa","#,
            r#"    "last4": "4242","#,
            r#"    "isDefault": true"#,
            "  }",
            "]",
        ])
    );
    let out = env
        .command(&["method", "list", "--customer", "655080", "-o", "csv"])
        .env("PAYCTL_OUTPUT", "json")
        .output()
        .unwrap();
    assert_eq!(
        String::from_utf8(out.stdout).unwrap(),
        "id,customerId,type,label,brand,last4,isDefault\n1,655080,CreditCard,,Visa,4242,true\n"
    );
}

#[test]
fn an_invalid_payctl_now_is_exit_2() {
    let env = Env::seeded();
    let before = env.snapshot();
    for (args, stderr) in [
        (
            vec!["customer", "add", "--name", "Later"],
            "error: PAYCTL_NOW 'yesterday' is not a date; use YYYY-MM-DD or RFC 3339 (2026-11-21T10:00:00Z)\n".to_string(),
        ),
        (
            vec!["invoice", "list", "-o", "json"],
            "{\n  \"ErrorId\": 0,\n  \"HttpStatusCode\": 400,\n  \"Errors\": [\n    {\n      \"Key\": \"PAYCTL_NOW\",\n      \"Value\": \"PAYCTL_NOW 'yesterday' is not a date; use YYYY-MM-DD or RFC 3339 (2026-11-21T10:00:00Z)\"\n    }\n  ]\n}\n".to_string(),
        ),
    ] {
        let out = env.command(&args).env("PAYCTL_NOW", "yesterday").output().unwrap();
        assert_eq!(
            (
                out.status.code(),
                String::from_utf8_lossy(&out.stderr).into_owned(),
                out.stdout.len()
            ),
            (Some(2), stderr, 0),
            "{args:?}"
        );
    }
    assert_eq!(before, env.snapshot());
}

#[test]
fn broken_pipe_exits_0_silently() {
    let env = Env::seeded();
    {
        // Enough invoices that the table is far larger than a pipe's buffer.
        let rows: Vec<String> = (0..2000)
            .map(|i| {
                format!(
                    "INSERT INTO invoices (id, invoice_number, customer_id, currency, total, effective_at, due_at, created_at)
                     VALUES ({}, 'BULK-{i}', 655080, 'USD', 1000, '2026-10-01T00:00:00Z', '2026-10-31T00:00:00Z', '2026-11-21T10:00:00Z')",
                    700_000 + i
                )
            })
            .collect();
        env.exec(&rows.join(";\n"));
    }
    // The whole table is larger than a pipe holds, so payctl must meet the closed reader.
    let full = env.ok(&["invoice", "list"]);
    assert!(full.len() > 256 * 1024, "output is {} bytes", full.len());
    let mut child = env
        .command(&["invoice", "list"])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    drop(child.stdout.take());
    let out = child.wait_with_output().unwrap();
    assert_eq!(
        (
            out.status.code(),
            String::from_utf8_lossy(&out.stderr).as_ref()
        ),
        (Some(0), "")
    );
}

/// Schema 3 writes every CHECK without IN (SQLite builds an ephemeral table per row for an IN
/// list) and the constraints still refuse what they refused.
#[test]
fn check_constraints_are_written_without_in_and_still_hold() {
    crate::sqlite_only!();
    let env = Env::seeded();
    let conn = rusqlite::Connection::open(&env.db).unwrap();
    let with_in: Vec<String> = conn
        .prepare("SELECT name FROM sqlite_schema WHERE type = 'table' AND sql LIKE '% IN (%' ORDER BY name")
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    assert_eq!(with_in, Vec::<String>::new());
    let refused = |sql: &str| {
        let err = conn.execute(sql, []).unwrap_err();
        assert_eq!(
            err.sqlite_error_code(),
            Some(rusqlite::ErrorCode::ConstraintViolation),
            "{sql}: {err}"
        );
    };
    refused("INSERT INTO customers VALUES (9, 'x', NULL, 'USD', 'Sideways', NULL, '2026-01-01T00:00:00Z')");
    refused("INSERT INTO payments VALUES (9, 655080, 100, 'USD', 'Bitcoin', NULL, 'Manual', NULL, '2026-01-01T00:00:00Z', 0, 'Successful', '2026-01-01T00:00:00Z')");
    refused("INSERT INTO payments VALUES (9, 655080, 100, 'USD', 'Cash', NULL, 'Telepathy', NULL, '2026-01-01T00:00:00Z', 0, 'Successful', '2026-01-01T00:00:00Z')");
    refused("INSERT INTO payment_methods VALUES (9, 655080, 'Cheque', NULL, NULL, NULL, '2026-01-01T00:00:00Z')");
    let integrity: String = conn
        .query_row("PRAGMA integrity_check", [], |r| r.get(0))
        .unwrap();
    assert_eq!(integrity, "ok");
}
