//! `payctl create`, `list` and `show`: issue 3's examples, every rule of SPEC §5 (message, exit
//! code, nothing written), the Fusebill payload, the three output formats, and concurrency.

use std::process::Stdio;

use serde_json::{json, Value};

use crate::common::Env;

/// What clap prints for a value its parser refused (exit 2).
fn invalid_value(value: &str, flag: &str, message: &str) -> String {
    format!(
        "error: invalid value '{value}' for '{flag}': {message}\n\nFor more information, try '--help'.\n"
    )
}

/// `create --customer 655080 --amount AMOUNT --method Cash` plus `extra`.
fn cash(amount: &str, extra: &[&str]) -> Vec<String> {
    let mut args: Vec<String> = [
        "create",
        "--customer",
        "655080",
        "--amount",
        amount,
        "--method",
        "Cash",
    ]
    .iter()
    .map(|s| s.to_string())
    .collect();
    args.extend(extra.iter().map(|s| s.to_string()));
    args
}

fn strs(args: &[String]) -> Vec<&str> {
    args.iter().map(String::as_str).collect()
}

/// The invoice's JSON (`invoice show ID -o json`).
fn invoice(env: &Env, id: &str) -> Value {
    env.json(&["invoice", "show", id])
}

/// (totalPayments, outstandingBalance, status) of an invoice, amounts as their raw JSON text.
fn invoice_state(env: &Env, id: &str) -> (String, String, String) {
    let v = invoice(env, id);
    (
        v["totalPayments"].to_string(),
        v["outstandingBalance"].to_string(),
        v["status"].as_str().unwrap().to_string(),
    )
}

fn state(paid: &str, outstanding: &str, status: &str) -> (String, String, String) {
    (paid.into(), outstanding.into(), status.into())
}

/// The one CSV row `create -o csv` prints after its header.
const CSV_HEADER: &str = "id,paymentActivityId,customerId,effectiveTimestamp,amount,currency,paymentMethod,paymentMethodId,source,reference,invoiceAllocations,unallocatedAmount,refundableAmount,gatewayFee,settlement,voided\n";

fn csv(rows: &[&str]) -> String {
    let mut out = CSV_HEADER.to_string();
    for row in rows {
        out.push_str(row);
        out.push('\n');
    }
    out
}

/// What `create -o csv` prints: the payment's columns, then `dryRun` and the invoices it
/// touched as `INV:APPLIED:BALANCE:STATUS` (issue 16).
const CREATED_HEADER: &str = "id,paymentActivityId,customerId,effectiveTimestamp,amount,currency,paymentMethod,paymentMethodId,source,reference,invoiceAllocations,unallocatedAmount,refundableAmount,gatewayFee,settlement,voided,dryRun,touchedInvoices\n";

fn created(rows: &[&str]) -> String {
    let mut out = CREATED_HEADER.to_string();
    for row in rows {
        out.push_str(row);
        out.push('\n');
    }
    out
}

/// The seed's first payment, as the Fusebill Payment Object (every key, amounts as written).
const SEED_PAYMENT_JSON: &str = r#"{
  "id": 1,
  "paymentActivityId": 1,
  "customerId": 655080,
  "reference": "abc123",
  "effectiveTimestamp": "2026-11-21T10:00:00Z",
  "amount": 50.78,
  "currency": "USD",
  "paymentMethod": "Cash",
  "paymentMethodId": null,
  "source": "Manual",
  "invoiceAllocations": [],
  "refunds": [],
  "unallocatedAmount": 50.78,
  "refundableAmount": 50.78,
  "gatewayFee": 0.00,
  "settlement": {
    "status": "Successful",
    "modifiedTimestamp": "2026-11-21T10:00:00Z",
    "lastCheckedTimestamp": null,
    "nextCheckTimestamp": null,
    "message": null
  },
  "voided": false,
  "uri": "payctl://payments/1"
}
"#;

// ---------------------------------------------------------------------------------------------
// Issue 3, "done when"
// ---------------------------------------------------------------------------------------------

#[test]
fn seed_example_records_an_unallocated_payment() {
    let env = Env::seeded();
    let out = env.ok(&strs(&cash(
        "50.78",
        &["--reference", "abc123", "-o", "json"],
    )));
    // `create` adds the invoices it touched (none here); `show` does not (issue 16).
    assert_eq!(
        out,
        SEED_PAYMENT_JSON.replace(
            "  \"uri\": \"payctl://payments/1\"\n",
            "  \"uri\": \"payctl://payments/1\",\n  \"touchedInvoices\": []\n"
        )
    );
    // `show` reads back the same object from the ledger.
    assert_eq!(env.ok(&["show", "1", "-o", "json"]), SEED_PAYMENT_JSON);
    // The money is the customer's available funds; no invoice was touched.
    let customer = env.json(&["customer", "show", "655080"]);
    assert_eq!(customer["availableFunds"].to_string(), "50.78");
    assert_eq!(customer["outstandingBalance"].to_string(), "150.00");
    assert_eq!(
        invoice_state(&env, "566934"),
        state("0.00", "100.00", "unpaid")
    );
}

#[test]
fn seed_example_with_an_allocation_leaves_48_78_and_a_partially_paid_invoice() {
    let env = Env::seeded();
    let out = env.ok(&strs(&cash(
        "50.78",
        &["--reference", "abc123", "--allocate", "566934=2.00"],
    )));
    assert_eq!(
        out,
        "Recorded payment 1
┌─────────────┬──────────────────────┐
│ Field       ┆ Value                │
╞═════════════╪══════════════════════╡
│ ID          ┆ 1                    │
│ Activity    ┆ 1                    │
│ Customer    ┆ 655080               │
│ Date        ┆ 2026-11-21T10:00:00Z │
│ Amount      ┆ 50.78                │
│ Currency    ┆ USD                  │
│ Method      ┆ Cash                 │
│ Method id   ┆                      │
│ Source      ┆ Manual               │
│ Reference   ┆ abc123               │
│ Allocations ┆ 566934=2.00          │
│ Unallocated ┆ 48.78                │
│ Refundable  ┆ 50.78                │
│ Gateway fee ┆ 0.00                 │
│ Settlement  ┆ Successful           │
│ Voided      ┆ false                │
│ Status      ┆ settled              │
└─────────────┴──────────────────────┘
Allocations:
┌─────────┬────────┬─────────┬─────────┬────────┬────────────────┐
│ Invoice ┆ Number ┆ Applied ┆ Balance ┆  Total ┆ Status         │
╞═════════╪════════╪═════════╪═════════╪════════╪════════════════╡
│ 566934  ┆ 566934 ┆    2.00 ┆   98.00 ┆ 100.00 ┆ partially_paid │
└─────────┴────────┴─────────┴─────────┴────────┴────────────────┘
"
    );
    let payment = env.json(&["show", "1"]);
    assert_eq!(payment["unallocatedAmount"].to_string(), "48.78");
    assert_eq!(
        payment["invoiceAllocations"],
        json!([{
            "invoiceId": 566934,
            "invoiceNumber": "566934",
            "amount": serde_json::Number::from_string_unchecked("2.00".into()),
            "outstandingBalance": serde_json::Number::from_string_unchecked("98.00".into()),
            "invoiceTotal": serde_json::Number::from_string_unchecked("100.00".into()),
            "status": "partially_paid"
        }])
    );
    assert_eq!(
        invoice_state(&env, "566934"),
        state("2.00", "98.00", "partially_paid")
    );
}

#[test]
fn credit_card_without_a_method_id_is_refused() {
    let env = Env::seeded();
    env.refused(
        &["create", "--customer", "655080", "--amount", "10", "--method", "CreditCard"],
        1,
        "error: payment method CreditCard needs the id of one of the customer's CreditCard methods on file (--method-id) or --use-default-method; list them with: payctl method list --customer 655080\n",
    );
}

#[test]
fn paying_an_invoices_whole_balance_makes_it_paid() {
    let env = Env::seeded();
    env.ok(&strs(&cash("30", &["--allocate", "566934=30", "-q"])));
    assert_eq!(
        invoice_state(&env, "566934"),
        state("30.00", "70.00", "partially_paid")
    );
    let out = env.ok(&strs(&cash(
        "70.00",
        &["--allocate", "566934=70.00", "-o", "csv"],
    )));
    assert_eq!(
        out,
        created(&["2,2,655080,2026-11-21T10:00:00Z,70.00,USD,Cash,,Manual,,566934=70.00,0.00,70.00,0.00,Successful,false,false,566934:70.00:0.00:paid"])
    );
    assert_eq!(
        invoice_state(&env, "566934"),
        state("100.00", "0.00", "paid")
    );
}

// ---------------------------------------------------------------------------------------------
// Rule 1: customer, amount, currency
// ---------------------------------------------------------------------------------------------

#[test]
fn an_unknown_customer_is_not_found() {
    let env = Env::seeded();
    env.refused(
        &[
            "create",
            "--customer",
            "999",
            "--amount",
            "5",
            "--method",
            "Cash",
        ],
        3,
        "error: customer 999 not found; add it with: payctl customer add --id 999 --name ...\n",
    );
    env.refused(
        &[
            "create",
            "--customer",
            "999",
            "--amount",
            "5",
            "--method",
            "Cash",
            "-o",
            "json",
        ],
        3,
        r#"{
  "ErrorId": 0,
  "HttpStatusCode": 404,
  "Errors": [
    {
      "Key": "customerId",
      "Value": "customer 999 not found; add it with: payctl customer add --id 999 --name ..."
    }
  ]
}
"#,
    );
}

#[test]
fn a_currency_other_than_the_customers_is_refused() {
    let env = Env::seeded();
    env.refused(
        &strs(&cash("5", &["--currency", "EUR"])),
        1,
        "error: currency 'EUR' does not match customer 655080's currency USD; payments are recorded in the customer's currency\n",
    );
    // The customer's own currency, named, is fine.
    assert_eq!(
        env.ok(&strs(&cash("5", &["--currency", "usd", "-q"]))),
        "1\n"
    );
}

#[test]
fn amounts_that_are_not_positive_exact_decimals_are_refused() {
    let env = Env::seeded();
    // Well-formed numbers the rules refuse: exit 1.
    env.refused(
        &strs(&cash("0", &[])),
        1,
        "error: amount '0' must be greater than zero\n",
    );
    env.refused(
        &strs(&cash("10.001", &[])),
        1,
        "error: amount '10.001' has 3 decimal places but USD allows 2; amounts are never rounded\n",
    );
    // Text that is not a plain decimal: the command line is malformed, exit 2.
    let amount = "--amount <AMOUNT>";
    for (text, why) in [
        (
            "1e3",
            "uses an exponent; write the plain decimal, e.g. 1000 not 1e3",
        ),
        (
            "-5",
            "is negative; amounts are positive plain decimals such as 50.78",
        ),
        (
            "$5",
            "contains '$'; give digits and at most one '.', without currency symbols or spaces",
        ),
        (
            "1,000",
            "contains a thousands separator; write 1234.56 not 1,234.56",
        ),
        ("", "is empty; give a plain decimal such as 50.78"),
    ] {
        env.refused(
            &strs(&cash(text, &[])),
            2,
            &invalid_value(text, amount, &format!("amount '{text}' {why}")),
        );
    }
}

// ---------------------------------------------------------------------------------------------
// Rules 2–3: the method
// ---------------------------------------------------------------------------------------------

#[test]
fn an_unknown_method_is_refused_with_the_allowed_values() {
    let env = Env::seeded();
    env.refused(
        &["create", "--customer", "655080", "--amount", "5", "--method", "Bitcoin"],
        2,
        &invalid_value(
            "Bitcoin",
            "--method <METHOD>",
            "'Bitcoin' is not allowed; allowable values are: Cash, Check, CreditCard, DirectDeposit, ACH, Paypal",
        ),
    );
}

#[test]
fn every_spelling_of_a_method_is_read() {
    let env = Env::seeded();
    for (i, spelling) in ["credit-card", "creditcard", "CREDITCARD"]
        .iter()
        .enumerate()
    {
        let out = env.json(&[
            "create",
            "--customer",
            "655080",
            "--amount",
            "1",
            "--method",
            spelling,
            "--method-id",
            "1",
        ]);
        assert_eq!(
            (out["id"].to_string(), out["paymentMethod"].as_str()),
            ((i + 1).to_string(), Some("CreditCard"))
        );
    }
}

#[test]
fn ach_without_a_method_id_is_refused() {
    let env = Env::seeded();
    env.refused(
        &["create", "--customer", "655080", "--amount", "5", "--method", "ACH"],
        1,
        "error: payment method ACH needs the id of one of the customer's ACH methods on file (--method-id) or --use-default-method; list them with: payctl method list --customer 655080\n",
    );
}

/// The seed, plus customer 700 (no methods yet) and an ACH account (method 2) for 655080.
fn with_other_customer() -> Env {
    let env = Env::seeded();
    env.ok(&["customer", "add", "--id", "700", "--name", "Other Co", "-q"]);
    env.ok(&[
        "method",
        "add",
        "--customer",
        "655080",
        "--type",
        "ach",
        "--last4",
        "6789",
        "-q",
    ]);
    env
}

#[test]
fn a_method_id_must_be_this_customers_method_of_that_type() {
    let env = with_other_customer();
    env.ok(&[
        "method",
        "add",
        "--customer",
        "700",
        "--type",
        "credit-card",
        "--last4",
        "1111",
        "-q",
    ]);
    let card = |id: &str| -> Vec<String> {
        [
            "create",
            "--customer",
            "655080",
            "--amount",
            "5",
            "--method",
            "CreditCard",
            "--method-id",
            id,
        ]
        .iter()
        .map(|s| s.to_string())
        .collect()
    };
    env.refused(
        &strs(&card("3")),
        1,
        "error: payment method 3 belongs to customer 700, not customer 655080\n",
    );
    env.refused(
        &strs(&card("2")),
        1,
        "error: payment method 2 is ACH, not CreditCard\n",
    );
    env.refused(
        &strs(&card("99")),
        1,
        "error: payment method 99 not found for customer 655080; list them with: payctl method list --customer 655080\n",
    );
    // Cash draws on no method on file.
    env.refused(
        &strs(&cash("5", &["--method-id", "1"])),
        1,
        "error: payment method id 1 was given but Cash payments do not use a method on file; only CreditCard, ACH and Paypal do\n",
    );
    // The right one works.
    let ok = env.json(&strs(&card("1")));
    assert_eq!(
        (
            ok["paymentMethod"].as_str(),
            ok["paymentMethodId"].to_string()
        ),
        (Some("CreditCard"), "1".to_string())
    );
}

#[test]
fn use_default_method_needs_a_default_on_file() {
    let env = with_other_customer();
    env.refused(
        &["create", "--customer", "700", "--amount", "5", "--use-default-method"],
        1,
        "error: customer 700 has no default payment method; add one with: payctl method add --customer 700 --type credit-card\n",
    );
    env.refused(
        &["create", "--customer", "700", "--amount", "5", "--method", "CreditCard", "--use-default-method"],
        1,
        "error: customer 700 has no default payment method; add one with: payctl method add --customer 700 --type credit-card\n",
    );
}

#[test]
fn use_default_method_with_a_different_method_is_refused() {
    let env = with_other_customer();
    env.refused(
        &["create", "--customer", "655080", "--amount", "5", "--method", "ACH", "--use-default-method"],
        1,
        "error: payment method ACH does not match the default method on file 1 (CreditCard) of customer 655080\n",
    );
    env.refused(
        &["create", "--customer", "655080", "--amount", "5", "--method", "Cash", "--use-default-method"],
        1,
        "error: payment method Cash does not match the default method on file 1 (CreditCard) of customer 655080\n",
    );
}

#[test]
fn use_default_method_alone_takes_the_defaults_type_and_id() {
    let env = with_other_customer();
    let out = env.ok(&[
        "create",
        "--customer",
        "655080",
        "--amount",
        "5",
        "--use-default-method",
        "-o",
        "csv",
    ]);
    assert_eq!(
        out,
        created(&["1,1,655080,2026-11-21T10:00:00Z,5.00,USD,CreditCard,1,Manual,,,5.00,5.00,0.00,Successful,false,false,"])
    );
    // With the same --method as the default, too; and after the default changes, the new one.
    env.ok(&["method", "set-default", "2", "-q"]);
    let out = env.json(&[
        "create",
        "--customer",
        "655080",
        "--amount",
        "6",
        "--use-default-method",
    ]);
    assert_eq!(
        (
            out["paymentMethod"].as_str(),
            out["paymentMethodId"].to_string(),
            out["settlement"]["status"].as_str()
        ),
        (Some("ACH"), "2".to_string(), Some("Pending"))
    );
}

// ---------------------------------------------------------------------------------------------
// Rule 4: reference
// ---------------------------------------------------------------------------------------------

#[test]
fn a_reference_of_501_characters_is_refused_and_500_is_kept() {
    let env = Env::seeded();
    let long = "r".repeat(501);
    env.refused(
        &strs(&cash("5", &["--reference", &long])),
        1,
        &format!(
            "error: reference '{}…' is 501 characters long; at most 500 are allowed\n",
            "r".repeat(60)
        ),
    );
    let ok = "é".repeat(500);
    let out = env.json(&strs(&cash("5", &["--reference", &ok])));
    assert_eq!(out["reference"].as_str(), Some(ok.as_str()));
}

#[test]
fn a_reference_with_control_characters_is_refused_and_not_echoed_raw() {
    let env = Env::seeded();
    env.refused(
        &strs(&cash("5", &["--reference", "a\tb"])),
        1,
        "error: reference 'a\\tb' contains a control character; use printable text only\n",
    );
    env.refused(
        &strs(&cash("5", &["--reference", "x\u{1b}[31mred"])),
        1,
        "error: reference 'x\\u{1b}[31mred' contains a control character; use printable text only\n",
    );
}

#[test]
fn a_reference_holding_a_card_number_is_refused() {
    let env = Env::seeded();
    env.refused(
        &strs(&cash("5", &["--reference", "paid by 4111 1111 1111 1111"])),
        1,
        "error: reference 'paid by **** **** **** 1111' looks like a card number; payctl never stores card numbers (keep only the last four digits)\n",
    );
    // A number that fails the Luhn check is only a number.
    let out = env.json(&strs(&cash("5", &["--reference", "4111111111111112"])));
    assert_eq!(out["reference"].as_str(), Some("4111111111111112"));
}

// ---------------------------------------------------------------------------------------------
// Rule 5: explicit allocations
// ---------------------------------------------------------------------------------------------

/// The seed plus: customer 700 with invoice 7001; for 655080 a EUR invoice 9001, a void 9002,
/// a written-off 9003 and a paid 9004 (by payment 1).
fn with_closed_invoices() -> Env {
    let env = Env::seeded();
    env.ok(&["customer", "add", "--id", "700", "--name", "Other Co", "-q"]);
    env.ok(&[
        "invoice",
        "add",
        "--customer",
        "700",
        "--id",
        "7001",
        "--total",
        "10",
        "-q",
    ]);
    env.ok(&[
        "invoice",
        "add",
        "--customer",
        "655080",
        "--id",
        "9001",
        "--total",
        "10",
        "--currency",
        "EUR",
        "-q",
    ]);
    for id in ["9002", "9003", "9004"] {
        env.ok(&[
            "invoice",
            "add",
            "--customer",
            "655080",
            "--id",
            id,
            "--total",
            "10",
            "-q",
        ]);
    }
    env.ok(&["invoice", "void", "9002", "--reason", "duplicate", "-q"]);
    env.ok(&["invoice", "write-off", "9003", "--reason", "bankrupt", "-q"]);
    assert_eq!(
        env.ok(&strs(&cash("10", &["--allocate", "9004=10", "-q"]))),
        "1\n"
    );
    env
}

#[test]
fn allocations_to_invoices_that_cannot_take_them_are_refused() {
    let env = with_closed_invoices();
    for (allocation, message) in [
        (
            "1234=1",
            "invoice 1234 not found; list invoices with: payctl invoice list --customer 655080",
        ),
        (
            "7001=1",
            "invoice 7001 belongs to customer 700, not customer 655080",
        ),
        ("9001=1", "invoice 9001 is in EUR, the payment is in USD"),
        (
            "9002=1",
            "invoice 9002 is void; only unpaid or partially_paid invoices take payments",
        ),
        (
            "9003=1",
            "invoice 9003 is written_off; only unpaid or partially_paid invoices take payments",
        ),
        (
            "9004=1",
            "invoice 9004 is paid; only unpaid or partially_paid invoices take payments",
        ),
    ] {
        env.refused(
            &strs(&cash("5", &["--allocate", allocation])),
            1,
            &format!("error: {message}\n"),
        );
    }
}

#[test]
fn an_allocation_above_the_outstanding_balance_is_refused() {
    let env = Env::seeded();
    env.refused(
        &strs(&cash("50", &["--allocate", "566935=20.01"])),
        1,
        "error: allocation of 20.01 to invoice 566935 is more than its outstanding balance 20.00\n",
    );
    // The balance is what is left after earlier payments.
    env.ok(&strs(&cash("15", &["--allocate", "566935=15", "-q"])));
    env.refused(
        &strs(&cash("50", &["--allocate", "566935=5.01"])),
        1,
        "error: allocation of 5.01 to invoice 566935 is more than its outstanding balance 5.00\n",
    );
    env.ok(&strs(&cash("5", &["--allocate", "566935=5", "-q"])));
    assert_eq!(
        invoice_state(&env, "566935"),
        state("20.00", "0.00", "paid")
    );
}

#[test]
fn an_invoice_allocated_twice_is_refused() {
    let env = Env::seeded();
    env.refused(
        &strs(&cash(
            "5",
            &["--allocate", "566935=1", "--allocate", "566935=2"],
        )),
        1,
        "error: invoice 566935 is allocated twice; give each invoice once\n",
    );
}

#[test]
fn allocations_adding_up_to_more_than_the_payment_are_refused() {
    let env = Env::seeded();
    env.refused(
        &strs(&cash(
            "5",
            &["--allocate", "566935=3", "--allocate", "566934=2.01"],
        )),
        1,
        "error: allocations add up to 5.01 but the payment is 5.00\n",
    );
    // Exactly the payment is fine, and leaves nothing unallocated.
    let out = env.json(&strs(&cash(
        "5",
        &["--allocate", "566935=3", "--allocate", "566934=2"],
    )));
    assert_eq!(out["unallocatedAmount"].to_string(), "0.00");
}

#[test]
fn every_problem_is_reported_one_line_each() {
    let env = Env::seeded();
    env.refused(
        &strs(&cash(
            "5",
            &["--currency", "EUR", "--reference", "a\u{7}", "--allocate", "1=1", "--allocate", "566935=30"],
        )),
        1,
        "error: currency 'EUR' does not match customer 655080's currency USD; payments are recorded in the customer's currency
error: reference 'a\\u{7}' contains a control character; use printable text only
error: invoice 1 not found; list invoices with: payctl invoice list --customer 655080
error: allocation of 30.00 to invoice 566935 is more than its outstanding balance 20.00
",
    );
}

#[test]
fn malformed_allocations_are_usage_errors() {
    let env = Env::seeded();
    let flag = "--allocate <INV=AMOUNT>";
    env.refused(
        &strs(&cash("5", &["--allocate", "566934"])),
        2,
        &invalid_value(
            "566934",
            flag,
            "'566934' is not INVOICE=AMOUNT (e.g. 566934=2.00)",
        ),
    );
    // A token that is not an id is an invoice number (SPEC §4), looked up in the ledger.
    env.refused(
        &strs(&cash("5", &["--allocate", "abc=1"])),
        3,
        "error: invoice number 'abc' not found for customer 655080\n",
    );
    env.refused(
        &strs(&cash("5", &["--allocate", "id:abc=1"])),
        2,
        &invalid_value(
            "id:abc=1",
            flag,
            "invoice reference 'id:abc' is not an invoice id; after id: give a positive whole number such as id:566934 (in 'id:abc=1')",
        ),
    );
    env.refused(
        &strs(&cash("5", &["--allocate", "566934=1e2"])),
        2,
        &invalid_value(
            "566934=1e2",
            flag,
            "amount '1e2' for invoice 566934 uses an exponent; write the plain decimal, e.g. 1000 not 1e3",
        ),
    );
    env.refused(
        &strs(&cash("5", &["--allocate", "566934=0"])),
        1,
        "error: allocation to invoice 566934: amount '0' must be greater than zero\n",
    );
}

// ---------------------------------------------------------------------------------------------
// Rules 6–8: auto-allocation, the remainder, invoice statuses
// ---------------------------------------------------------------------------------------------

#[test]
fn auto_allocate_goes_oldest_first_by_default_and_keeps_the_rest() {
    let env = Env::seeded();
    let out = env.ok(&strs(&cash("160", &["--auto-allocate", "-o", "csv"])));
    assert_eq!(
        out,
        created(&["1,1,655080,2026-11-21T10:00:00Z,160.00,USD,Cash,,Manual,,566934=100.00;566935=20.00;566936=30.00,10.00,160.00,0.00,Successful,false,false,566934:100.00:0.00:paid;566935:20.00:0.00:paid;566936:30.00:0.00:paid"])
    );
    assert_eq!(
        invoice_state(&env, "566934"),
        state("100.00", "0.00", "paid")
    );
    assert_eq!(
        invoice_state(&env, "566935"),
        state("20.00", "0.00", "paid")
    );
    assert_eq!(
        invoice_state(&env, "566936"),
        state("30.00", "0.00", "paid")
    );
    assert_eq!(
        env.json(&["customer", "show", "655080"])["availableFunds"].to_string(),
        "10.00"
    );
}

#[test]
fn auto_allocate_stops_partway_through_an_invoice() {
    let env = Env::seeded();
    let out = env.json(&strs(&cash(
        "110",
        &["--auto-allocate", "--order", "oldest-to-newest"],
    )));
    assert_eq!(out["unallocatedAmount"].to_string(), "0.00");
    assert_eq!(
        invoice_state(&env, "566934"),
        state("100.00", "0.00", "paid")
    );
    assert_eq!(
        invoice_state(&env, "566935"),
        state("10.00", "10.00", "partially_paid")
    );
    assert_eq!(
        invoice_state(&env, "566936"),
        state("0.00", "30.00", "unpaid")
    );
}

#[test]
fn auto_allocate_newest_to_oldest() {
    let env = Env::seeded();
    let out = env.ok(&strs(&cash(
        "40",
        &["--auto-allocate", "--order", "NewestToOldest", "-o", "csv"],
    )));
    assert_eq!(
        out,
        created(&["1,1,655080,2026-11-21T10:00:00Z,40.00,USD,Cash,,Manual,,566936=30.00;566935=10.00,0.00,40.00,0.00,Successful,false,false,566936:30.00:0.00:paid;566935:10.00:10.00:partially_paid"])
    );
    assert_eq!(
        invoice_state(&env, "566934"),
        state("0.00", "100.00", "unpaid")
    );
    assert_eq!(
        invoice_state(&env, "566935"),
        state("10.00", "10.00", "partially_paid")
    );
}

#[test]
fn auto_allocate_follows_the_customers_default_order() {
    let env = Env::new();
    env.ok(&[
        "customer",
        "add",
        "--id",
        "701",
        "--name",
        "Newest First",
        "--order",
        "newest-to-oldest",
        "-q",
    ]);
    env.ok(&[
        "invoice",
        "add",
        "--customer",
        "701",
        "--id",
        "11",
        "--total",
        "10",
        "--date",
        "2026-01-01",
        "-q",
    ]);
    env.ok(&[
        "invoice",
        "add",
        "--customer",
        "701",
        "--id",
        "12",
        "--total",
        "10",
        "--date",
        "2026-02-01",
        "-q",
    ]);
    let run = |order: &[&str]| {
        let mut args = vec![
            "create",
            "--customer",
            "701",
            "--amount",
            "15",
            "--method",
            "Check",
            "--auto-allocate",
            "--dry-run",
            "-o",
            "csv",
        ];
        args.extend(order);
        env.ok(&args)
    };
    assert_eq!(
        run(&[]),
        created(&[",,701,2026-11-21T10:00:00Z,15.00,USD,Check,,Manual,,12=10.00;11=5.00,0.00,15.00,0.00,Successful,false,true,12:10.00:0.00:paid;11:5.00:5.00:partially_paid"])
    );
    // --order overrides the customer's default.
    assert_eq!(
        run(&["--order", "oldest-to-newest"]),
        created(&[",,701,2026-11-21T10:00:00Z,15.00,USD,Check,,Manual,,11=10.00;12=5.00,0.00,15.00,0.00,Successful,false,true,11:10.00:0.00:paid;12:5.00:5.00:partially_paid"])
    );
}

#[test]
fn explicit_allocations_come_first_then_auto_allocation_spreads_the_rest() {
    let env = Env::seeded();
    let out = env.ok(&strs(&cash(
        "130",
        &["--allocate", "566936=5", "--auto-allocate", "-o", "csv"],
    )));
    // 5 to 566936 first, then 125 oldest first: 100 to 566934, 20 to 566935, 5 more to 566936.
    assert_eq!(
        out,
        created(&["1,1,655080,2026-11-21T10:00:00Z,130.00,USD,Cash,,Manual,,566936=10.00;566934=100.00;566935=20.00,0.00,130.00,0.00,Successful,false,false,566936:10.00:20.00:partially_paid;566934:100.00:0.00:paid;566935:20.00:0.00:paid"])
    );
    assert_eq!(
        invoice_state(&env, "566936"),
        state("10.00", "20.00", "partially_paid")
    );
}

#[test]
fn auto_allocate_skips_closed_and_foreign_currency_invoices() {
    let env = with_closed_invoices();
    // Payment 1 paid 9004. Open in USD: 566934, 566935, 566936 (9001 is EUR, 9002 void, 9003
    // written off).
    let out = env.ok(&strs(&cash("200", &["--auto-allocate", "-o", "csv"])));
    assert_eq!(
        out,
        created(&["2,2,655080,2026-11-21T10:00:00Z,200.00,USD,Cash,,Manual,,566934=100.00;566935=20.00;566936=30.00,50.00,200.00,0.00,Successful,false,false,566934:100.00:0.00:paid;566935:20.00:0.00:paid;566936:30.00:0.00:paid"])
    );
    assert_eq!(
        invoice_state(&env, "9001"),
        state("0.00", "10.00", "unpaid")
    );
}

#[test]
fn order_without_auto_allocate_is_a_usage_error() {
    let env = Env::seeded();
    env.refused(
        &strs(&cash("5", &["--order", "newest-to-oldest"])),
        2,
        "error: the following required arguments were not provided:
  --auto-allocate

Usage: payctl create --auto-allocate --customer <CUSTOMER> --amount <AMOUNT> --method <METHOD> --order <ORDER> --db <PATH>

For more information, try '--help'.
",
    );
}

// ---------------------------------------------------------------------------------------------
// Rule 9: settlement; the gateway fee
// ---------------------------------------------------------------------------------------------

#[test]
fn ach_and_direct_deposit_start_pending_the_others_successful() {
    let env = with_other_customer();
    env.ok(&[
        "method",
        "add",
        "--customer",
        "655080",
        "--type",
        "paypal",
        "-q",
    ]);
    for (i, (method, settlement)) in [
        (&["ACH", "--method-id", "2"][..], "Pending"),
        (&["direct-deposit"][..], "Pending"),
        (&["Cash"][..], "Successful"),
        (&["Check"][..], "Successful"),
        (&["CreditCard", "--method-id", "1"][..], "Successful"),
        (&["Paypal", "--method-id", "3"][..], "Successful"),
    ]
    .into_iter()
    .enumerate()
    {
        let mut args = vec![
            "create",
            "--customer",
            "655080",
            "--amount",
            "1",
            "--method",
        ];
        args.extend(method);
        let out = env.json(&args);
        assert_eq!(
            (out["id"].to_string(), out["settlement"]["status"].as_str()),
            ((i + 1).to_string(), Some(settlement)),
            "{method:?}"
        );
    }
}

#[test]
fn the_gateway_fee_is_shown_and_may_not_exceed_the_amount() {
    let env = Env::seeded();
    let out = env.json(&strs(&cash("50", &["--gateway-fee", "1.5"])));
    assert_eq!(
        (
            out["gatewayFee"].to_string(),
            out["amount"].to_string(),
            out["unallocatedAmount"].to_string()
        ),
        ("1.50".to_string(), "50.00".to_string(), "50.00".to_string())
    );
    env.refused(
        &strs(&cash("5", &["--gateway-fee", "5.01"])),
        1,
        "error: gateway fee 5.01 is more than the payment amount 5.00\n",
    );
    env.refused(
        &strs(&cash("5", &["--gateway-fee", "0.001"])),
        1,
        "error: gateway fee '0.001' has 3 decimal places but USD allows 2; amounts are never rounded\n",
    );
    env.refused(
        &strs(&cash("5", &["--gateway-fee", "-1"])),
        2,
        &invalid_value(
            "-1",
            "--gateway-fee <GATEWAY_FEE>",
            "amount '-1' is negative; amounts are positive plain decimals such as 50.78",
        ),
    );
}

// ---------------------------------------------------------------------------------------------
// Rule 11: --dry-run
// ---------------------------------------------------------------------------------------------

#[test]
fn dry_run_prints_the_plan_in_every_format_and_writes_nothing() {
    let env = Env::seeded();
    let before = env.snapshot();
    let args = cash(
        "130",
        &[
            "--allocate",
            "566935=20",
            "--auto-allocate",
            "--reference",
            "plan",
            "--dry-run",
        ],
    );
    let table = env.ok(&strs(&args));
    assert_eq!(
        table,
        "Dry run: nothing was written. This payment would be recorded:
┌─────────────┬─────────────────────────────────────────┐
│ Field       ┆ Value                                   │
╞═════════════╪═════════════════════════════════════════╡
│ ID          ┆                                         │
│ Activity    ┆                                         │
│ Customer    ┆ 655080                                  │
│ Date        ┆ 2026-11-21T10:00:00Z                    │
│ Amount      ┆ 130.00                                  │
│ Currency    ┆ USD                                     │
│ Method      ┆ Cash                                    │
│ Method id   ┆                                         │
│ Source      ┆ Manual                                  │
│ Reference   ┆ plan                                    │
│ Allocations ┆ 566935=20.00;566934=100.00;566936=10.00 │
│ Unallocated ┆ 0.00                                    │
│ Refundable  ┆ 130.00                                  │
│ Gateway fee ┆ 0.00                                    │
│ Settlement  ┆ Successful                              │
│ Voided      ┆ false                                   │
│ Status      ┆ settled                                 │
└─────────────┴─────────────────────────────────────────┘
Allocations (planned):
┌─────────┬────────┬─────────┬─────────┬────────┬────────────────┐
│ Invoice ┆ Number ┆ Applied ┆ Balance ┆  Total ┆ Status         │
╞═════════╪════════╪═════════╪═════════╪════════╪════════════════╡
│ 566935  ┆ 566935 ┆   20.00 ┆    0.00 ┆  20.00 ┆ paid           │
│ 566934  ┆ 566934 ┆  100.00 ┆    0.00 ┆ 100.00 ┆ paid           │
│ 566936  ┆ 566936 ┆   10.00 ┆   20.00 ┆  30.00 ┆ partially_paid │
└─────────┴────────┴─────────┴─────────┴────────┴────────────────┘
"
    );
    let mut json_args = strs(&args);
    json_args.extend(["-o", "json"]);
    let plan_json = env.ok(&json_args);
    assert_eq!(
        plan_json,
        r#"{
  "id": null,
  "paymentActivityId": null,
  "customerId": 655080,
  "reference": "plan",
  "effectiveTimestamp": "2026-11-21T10:00:00Z",
  "amount": 130.00,
  "currency": "USD",
  "paymentMethod": "Cash",
  "paymentMethodId": null,
  "source": "Manual",
  "invoiceAllocations": [
    {
      "invoiceId": 566935,
      "invoiceNumber": "566935",
      "amount": 20.00,
      "outstandingBalance": 0.00,
      "invoiceTotal": 20.00,
      "status": "paid"
    },
    {
      "invoiceId": 566934,
      "invoiceNumber": "566934",
      "amount": 100.00,
      "outstandingBalance": 0.00,
      "invoiceTotal": 100.00,
      "status": "paid"
    },
    {
      "invoiceId": 566936,
      "invoiceNumber": "566936",
      "amount": 10.00,
      "outstandingBalance": 20.00,
      "invoiceTotal": 30.00,
      "status": "partially_paid"
    }
  ],
  "refunds": [],
  "unallocatedAmount": 0.00,
  "refundableAmount": 130.00,
  "gatewayFee": 0.00,
  "settlement": {
    "status": "Successful",
    "modifiedTimestamp": "2026-11-21T10:00:00Z",
    "lastCheckedTimestamp": null,
    "nextCheckTimestamp": null,
    "message": null
  },
  "voided": false,
  "uri": null,
  "touchedInvoices": [
    {
      "invoiceId": 566935,
      "invoiceNumber": "566935",
      "applied": 20.00,
      "outstandingBalance": 0.00,
      "invoiceTotal": 20.00,
      "status": "paid"
    },
    {
      "invoiceId": 566934,
      "invoiceNumber": "566934",
      "applied": 100.00,
      "outstandingBalance": 0.00,
      "invoiceTotal": 100.00,
      "status": "paid"
    },
    {
      "invoiceId": 566936,
      "invoiceNumber": "566936",
      "applied": 10.00,
      "outstandingBalance": 20.00,
      "invoiceTotal": 30.00,
      "status": "partially_paid"
    }
  ],
  "dryRun": true
}
"#
    );
    let mut csv_args = strs(&args);
    csv_args.extend(["-o", "csv"]);
    assert_eq!(
        env.ok(&csv_args),
        created(&[",,655080,2026-11-21T10:00:00Z,130.00,USD,Cash,,Manual,plan,566935=20.00;566934=100.00;566936=10.00,0.00,130.00,0.00,Successful,false,true,566935:20.00:0.00:paid;566934:100.00:0.00:paid;566936:10.00:20.00:partially_paid"])
    );
    assert_eq!(before, env.snapshot(), "a dry run wrote to the ledger");
    // The plan it printed is what a real run writes.
    let real: Vec<&str> = strs(&args)
        .into_iter()
        .filter(|a| *a != "--dry-run")
        .collect();
    let written = env.json(&real);
    let mut planned: Value = serde_json::from_str(&plan_json).unwrap();
    planned["id"] = json!(1);
    planned["paymentActivityId"] = json!(1);
    planned["uri"] = json!("payctl://payments/1");
    planned.as_object_mut().unwrap().remove("dryRun");
    assert_eq!(written, planned);
}

#[test]
fn a_refused_dry_run_says_why_like_a_real_run() {
    let env = Env::seeded();
    env.refused(
        &strs(&cash("5", &["--allocate", "566935=6", "--dry-run"])),
        1,
        "error: allocations add up to 6.00 but the payment is 5.00\n",
    );
}

// ---------------------------------------------------------------------------------------------
// Rule 12: --idempotency-key
// ---------------------------------------------------------------------------------------------

#[test]
fn the_same_key_and_request_returns_the_first_payment() {
    let env = Env::seeded();
    let args = cash(
        "5",
        &["--allocate", "566935=2", "--idempotency-key", "order-42"],
    );
    assert_eq!(env.ok(&[strs(&args), vec!["-q"]].concat()), "1\n");
    let before = env.snapshot();
    let first = env.json(&["show", "1"]);
    // Retried: the same payment, nothing new written. The same request spelled differently
    // (5.000, cash, 2.00) is the same request.
    let replay = env.json(&strs(&args));
    assert_eq!(replay, first);
    let respelled = [
        "create",
        "--customer",
        "655080",
        "--amount",
        "5.000",
        "--method",
        "cash",
        "--allocate",
        "566935=2.00",
        "--idempotency-key",
        "order-42",
        "-q",
    ];
    assert_eq!(env.ok(&respelled), "1\n");
    let table = env.ok(&strs(&args));
    assert_eq!(
        table,
        format!(
            "Payment 1 was already recorded with idempotency key 'order-42'; nothing new was written\n{}",
            env.ok(&["show", "1"])
        )
    );
    assert_eq!(before, env.snapshot(), "a replay wrote to the ledger");
    assert_eq!(
        invoice_state(&env, "566935"),
        state("2.00", "18.00", "partially_paid")
    );
}

#[test]
fn the_same_key_with_a_different_request_is_a_conflict() {
    let env = Env::seeded();
    env.ok(&strs(&cash("5", &["--idempotency-key", "order-42", "-q"])));
    let message = "idempotency key 'order-42' was already used for payment 1 with a different request; use a new key, or repeat the original request exactly";
    for different in [
        cash("6", &["--idempotency-key", "order-42"]),
        cash("5", &["--idempotency-key", "order-42", "--reference", "x"]),
        cash(
            "5",
            &["--idempotency-key", "order-42", "--allocate", "566935=1"],
        ),
        cash("5", &["--idempotency-key", "order-42", "--dry-run"])
            .into_iter()
            .map(|a| a.replace("Cash", "Check"))
            .collect(),
    ] {
        env.refused(&strs(&different), 4, &format!("error: {message}\n"));
    }
    env.refused(
        &strs(&cash("6", &["--idempotency-key", "order-42", "-o", "json"])),
        4,
        &format!(
            "{{\n  \"ErrorId\": 0,\n  \"HttpStatusCode\": 409,\n  \"Errors\": [\n    {{\n      \"Key\": \"idempotencyKey\",\n      \"Value\": \"{message}\"\n    }}\n  ]\n}}\n"
        ),
    );
    // Another key is another payment.
    assert_eq!(
        env.ok(&strs(&cash("6", &["--idempotency-key", "order-43", "-q"]))),
        "2\n"
    );
}

#[test]
fn quiet_prints_only_the_new_id() {
    let env = Env::seeded();
    assert_eq!(env.ok(&strs(&cash("1", &["-q"]))), "1\n");
    assert_eq!(
        env.ok(&strs(&cash("1", &["--quiet", "--allocate", "566934=1"]))),
        "2\n"
    );
    assert_eq!(env.ok(&strs(&cash("1", &["-q", "-o", "json"]))), "3\n");
}

#[test]
fn every_payment_has_a_successful_collect_activity() {
    let env = with_other_customer();
    env.ok(&strs(&cash("50.78", &["--reference", "abc123", "-q"])));
    env.ok(&[
        "create",
        "--customer",
        "655080",
        "--amount",
        "7",
        "--method",
        "ACH",
        "--method-id",
        "2",
        "-q",
    ]);
    let rows: Vec<String> = env
        .sql("SELECT id, customer_id, payment_id, transaction_type, status, amount, currency, method, method_id, source FROM activities ORDER BY id")
        .into_iter()
        .map(|r| {
            let method_id = match r[8].as_str() {
                "NULL" => "None".to_string(),
                id => format!("Some({id})"),
            };
            format!(
                "{}|{}|{}|{}|{}|{}|{}|{}|{method_id}|{}",
                r[0], r[1], r[2], r[3], r[4], r[5], r[6], r[7], r[9]
            )
        })
        .collect();
    assert_eq!(
        rows,
        vec![
            "1|655080|1|Collect|Successful|5078|USD|Cash|None|Manual",
            "2|655080|2|Collect|Successful|700|USD|ACH|Some(2)|Manual",
        ]
    );
    assert_eq!(
        env.json(&["show", "2"])["paymentActivityId"].to_string(),
        "2"
    );
}

// ---------------------------------------------------------------------------------------------
// create --json FILE|-
// ---------------------------------------------------------------------------------------------

/// The seed's second payload, as the seed writes it (`invoiceID`, `2.0`).
const SEED_PAYLOAD: &str = r#"{
  "customerId": 655080,
  "reference": "abc123",
  "amount": 50.78,
  "paymentMethod": "Cash",
  "source": "Manual",
  "paymentAllocations": [
    {
      "invoiceID": 566934,
      "amount": 2.0
    }
  ]
}
"#;

#[test]
fn a_payload_file_records_the_same_payment_as_the_flags() {
    let by_flags = Env::seeded();
    let want = by_flags.json(&strs(&cash(
        "50.78",
        &["--reference", "abc123", "--allocate", "566934=2.00"],
    )));
    let env = Env::seeded();
    let file = env.dir.path().join("payment.json");
    std::fs::write(&file, SEED_PAYLOAD).unwrap();
    let got = env.json(&["create", "--json", file.to_str().unwrap()]);
    assert_eq!(got, want);
    assert_eq!(got["unallocatedAmount"].to_string(), "48.78");
    // The same ledger rows, too, but for the audit trail, which records the command line.
    let rows = |e: &Env| {
        e.snapshot()
            .split("## ")
            .filter(|table| !table.starts_with("audit_events"))
            .collect::<String>()
    };
    assert_eq!(rows(&env), rows(&by_flags));
}

#[test]
fn a_payload_on_stdin_with_invoice_id_and_card() {
    let env = Env::seeded();
    let payload = r#"{"customerId": "655080", "amount": "25", "paymentMethod": "CreditCard", "paymentMethodId": 1,
        "source": "SelfServicePortal", "reference": "this is a test payment",
        "paymentAllocations": [{"invoiceId": 566935, "amount": 20}], "autoAllocate": true,
        "autoAllocateOrder": "NewestToOldest", "gatewayFee": 0.75}"#;
    let run = env.run_stdin(&["create", "--json", "-", "-o", "csv"], payload);
    assert_eq!((run.code, run.stderr.as_str()), (0, ""));
    assert_eq!(
        run.stdout,
        created(&["1,1,655080,2026-11-21T10:00:00Z,25.00,USD,CreditCard,1,SelfServicePortal,this is a test payment,566935=20.00;566936=5.00,0.00,25.00,0.75,Successful,false,false,566935:20.00:0.00:paid;566936:5.00:25.00:partially_paid"])
    );
}

#[test]
fn payload_amounts_stay_exact() {
    let env = Env::seeded();
    let payload = r#"{"customerId": 655080, "amount": 0.3, "paymentMethod": "Cash",
        "paymentAllocations": [{"invoiceId": 566935, "amount": 0.1}, {"invoiceId": 566936, "amount": "0.2"}]}"#;
    let run = env.run_stdin(&["create", "--json", "-", "-o", "json"], payload);
    assert_eq!((run.code, run.stderr.as_str()), (0, ""));
    let out: Value = serde_json::from_str(&run.stdout).unwrap();
    assert_eq!(out["amount"].to_string(), "0.30");
    assert_eq!(out["unallocatedAmount"].to_string(), "0.00");
    assert_eq!(out["invoiceAllocations"][0]["amount"].to_string(), "0.10");
    assert_eq!(out["invoiceAllocations"][1]["amount"].to_string(), "0.20");
    assert_eq!(
        invoice_state(&env, "566935"),
        state("0.10", "19.90", "partially_paid")
    );
    // 0.1 + 0.2 is 0.3 here, not 0.30000000000000004.
    let minor = env.sql_lines("SELECT amount FROM allocations ORDER BY id");
    assert_eq!(minor, vec!["10", "20"]);
}

/// Runs `create --json -` with `payload`, which must be refused with exit 1 and, with `-o json`,
/// exactly the Fusebill errors `errors` ([(key, value)]); the plain form is one line each.
#[track_caller]
fn payload_refused(env: &Env, payload: &str, errors: &[(&str, &str)]) {
    let before = env.snapshot();
    let run = env.run_stdin(&["create", "--json", "-", "-o", "json"], payload);
    let want = json!({
        "ErrorId": 0,
        "HttpStatusCode": 400,
        "Errors": errors.iter().map(|(k, v)| json!({"Key": k, "Value": v})).collect::<Vec<_>>(),
    });
    let mut want_text = serde_json::to_string_pretty(&want).unwrap();
    want_text.push('\n');
    assert_eq!(
        (run.code, run.stderr.as_str(), run.stdout.as_str()),
        (1, want_text.as_str(), ""),
        "{payload}"
    );
    let run = env.run_stdin(&["create", "--json", "-"], payload);
    let lines: String = errors
        .iter()
        .map(|(_, v)| format!("error: {v}\n"))
        .collect();
    assert_eq!(
        (run.code, run.stderr.as_str(), run.stdout.as_str()),
        (1, lines.as_str(), ""),
        "{payload}"
    );
    assert_eq!(before, env.snapshot(), "{payload} changed the ledger");
}

#[test]
fn payloads_that_are_not_one_json_object_are_refused() {
    let env = Env::seeded();
    payload_refused(
        &env,
        r#"{"customerId": 655080,"#,
        &[(
            "payload",
            "stdin is not valid JSON: EOF while parsing a value at line 1 column 22",
        )],
    );
    payload_refused(
        &env,
        r#"[{"customerId": 655080, "amount": 1, "paymentMethod": "Cash"}]"#,
        &[(
            "payload",
            "--json takes one Create Payment payload (a JSON object), not a list",
        )],
    );
    payload_refused(
        &env,
        r#""x""#,
        &[("payload", "a Create Payment payload must be a JSON object")],
    );
}

#[test]
fn payloads_with_unknown_keys_or_bad_values_are_refused() {
    let env = Env::seeded();
    payload_refused(
        &env,
        r#"{"customerId": 655080, "amount": 1, "paymentMethod": "Cash", "ammount": 2}"#,
        &[("ammount", "unknown field 'ammount'; allowed fields are: customerId, reference, amount, paymentMethod, paymentMethodId, useDefaultPaymentMethod, paymentAllocations, source, autoAllocate, autoAllocateOrder, currency, effectiveTimestamp, gatewayFee, idempotencyKey")],
    );
    payload_refused(
        &env,
        r#"{"customerId": 655080, "amount": -1, "paymentMethod": "Bitcoin", "source": "Web"}"#,
        &[
            ("amount", "amount '-1' is negative; amounts are positive plain decimals such as 50.78"),
            ("paymentMethod", "payment method 'Bitcoin' is not allowed; allowable values are: Cash, Check, CreditCard, DirectDeposit, ACH, Paypal"),
            ("source", "source 'Web' is not allowed; allowable values are: Manual, Automatic, SelfServicePortal, Import"),
        ],
    );
    payload_refused(
        &env,
        r#"{"customerId": 655080, "amount": 1, "paymentMethod": "CreditCard"}"#,
        &[("paymentMethodId", "payment method CreditCard needs the id of one of the customer's CreditCard methods on file (--method-id) or --use-default-method; list them with: payctl method list --customer 655080")],
    );
    payload_refused(
        &env,
        r#"{"customerId": 655080, "amount": 1}"#,
        &[("paymentMethod", "payment method is required; allowable values are: Cash, Check, CreditCard, DirectDeposit, ACH, Paypal (or use the default method on file)")],
    );
    payload_refused(
        &env,
        r#"{"customerId": 655080, "amount": 10.001, "paymentMethod": "Cash"}"#,
        &[(
            "amount",
            "amount '10.001' has 3 decimal places but USD allows 2; amounts are never rounded",
        )],
    );
    payload_refused(
        &env,
        r#"{"amount": 1, "paymentMethod": "Cash", "paymentAllocations": [{"invoiceId": 566934, "amount": 1, "x": 1}]}"#,
        &[
            ("customerId", "customerId is required"),
            (
                "paymentAllocations",
                "paymentAllocations[0] has unknown field 'x'; allowed: invoiceId, amount",
            ),
        ],
    );
    payload_refused(
        &env,
        r#"{"customerId": 655080, "amount": 5, "paymentMethod": "Cash", "paymentAllocations": [{"invoiceID": 566935, "amount": 21}]}"#,
        &[(
            "paymentAllocations",
            "allocation of 21.00 to invoice 566935 is more than its outstanding balance 20.00",
        )],
    );
}

#[test]
fn a_payload_for_an_unknown_customer_is_not_found() {
    let env = Env::seeded();
    let run = env.run_stdin(
        &["create", "--json", "-"],
        r#"{"customerId": 1, "amount": 1, "paymentMethod": "Cash"}"#,
    );
    assert_eq!(
        (run.code, run.stderr.as_str()),
        (
            3,
            "error: customer 1 not found; add it with: payctl customer add --id 1 --name ...\n"
        )
    );
}

#[test]
fn json_and_payment_flags_cannot_be_mixed() {
    let env = Env::seeded();
    env.refused(
        &["create", "--json", "-", "--amount", "5"],
        2,
        "error: the argument '--json <FILE>' cannot be used with '--amount <AMOUNT>'

Usage: payctl create --json <FILE> --db <PATH>

For more information, try '--help'.
",
    );
}

// ---------------------------------------------------------------------------------------------
// list and show
// ---------------------------------------------------------------------------------------------

/// Four payments: 1 (655080, Cash 10.00 on 11-01, all to 566934), 2 (655080, ACH 20.00 at
/// 11-10T23:59:59, Automatic, Pending, unallocated), 3 (700, Check 30.00 on 11-11,
/// unallocated), 4 (655080, Cash 40.00 on 11-20, 20 to 566935 and 20 to 566934).
fn four_payments() -> Env {
    let env = with_other_customer();
    for args in [
        &[
            "--customer",
            "655080",
            "--amount",
            "10",
            "--method",
            "Cash",
            "--date",
            "2026-11-01",
            "--allocate",
            "566934=10",
        ][..],
        &[
            "--customer",
            "655080",
            "--amount",
            "20",
            "--method",
            "ACH",
            "--method-id",
            "2",
            "--date",
            "2026-11-10T23:59:59Z",
            "--source",
            "Automatic",
        ],
        &[
            "--customer",
            "700",
            "--amount",
            "30",
            "--method",
            "Check",
            "--date",
            "2026-11-11",
        ],
        &[
            "--customer",
            "655080",
            "--amount",
            "40",
            "--method",
            "Cash",
            "--date",
            "2026-11-20T08:00:00Z",
            "--allocate",
            "566935=20",
            "--allocate",
            "566934=20",
        ],
    ] {
        env.ok(&[&["create", "-q"][..], args].concat());
    }
    env
}

const ROW: [&str; 4] = [
    "1,1,655080,2026-11-01T00:00:00Z,10.00,USD,Cash,,Manual,,566934=10.00,0.00,10.00,0.00,Successful,false",
    "2,2,655080,2026-11-10T23:59:59Z,20.00,USD,ACH,2,Automatic,,,20.00,20.00,0.00,Pending,false",
    "3,3,700,2026-11-11T00:00:00Z,30.00,USD,Check,,Manual,,,30.00,30.00,0.00,Successful,false",
    "4,4,655080,2026-11-20T08:00:00Z,40.00,USD,Cash,,Manual,,566935=20.00;566934=20.00,0.00,40.00,0.00,Successful,false",
];

// In a pipe: one line per payment, cells joined by two spaces, `-` for an empty cell, a date
// with no time of day as YYYY-MM-DD (issue 16).
const TABLE_HEAD: &str =
    "ID  Customer  Date  Amount  Currency  Method  Reference  Unallocated  Status\n";
const TABLE_ROW: [&str; 4] = [
    "1  655080  2026-11-01  10.00  USD  Cash  -  0.00  settled\n",
    "2  655080  2026-11-10T23:59:59Z  20.00  USD  ACH  -  20.00  pending\n",
    "3  700  2026-11-11  30.00  USD  Check  -  30.00  settled\n",
    "4  655080  2026-11-20T08:00:00Z  40.00  USD  Cash  -  0.00  settled\n",
];

/// Checks `payctl list FILTER` in all three formats against the payments `ids`.
#[track_caller]
fn assert_list(env: &Env, filter: &[&str], ids: &[usize]) {
    let list = |format: &str| env.ok(&[&["list"][..], filter, &["-o", format]].concat());
    let rows: Vec<&str> = ids.iter().map(|id| ROW[id - 1]).collect();
    assert_eq!(list("csv"), csv(&rows), "list {filter:?} -o csv");
    let shown: Vec<Value> = ids
        .iter()
        .map(|id| env.json(&["show", &id.to_string()]))
        .collect();
    let json: Value = serde_json::from_str(&list("json")).unwrap();
    assert_eq!(json, Value::Array(shown), "list {filter:?} -o json");
    let body: String = ids.iter().map(|id| TABLE_ROW[id - 1]).collect();
    let piped = env.ok_piped(&[&["list"][..], filter, &["-o", "table"]].concat());
    assert_eq!(piped, format!("{TABLE_HEAD}{body}"), "list {filter:?}");
}

#[test]
fn list_shows_every_payment_oldest_first() {
    let env = four_payments();
    assert_list(&env, &[], &[1, 2, 3, 4]);
    // Table is the default format.
    assert_eq!(env.ok(&["list"]), env.ok(&["list", "-o", "table"]));
}

#[test]
fn list_filters_by_customer_method_and_source() {
    let env = four_payments();
    assert_list(&env, &["--customer", "655080"], &[1, 2, 4]);
    assert_list(&env, &["--customer", "700"], &[3]);
    assert_list(&env, &["--method", "cash"], &[1, 4]);
    assert_list(&env, &["--method", "ACH"], &[2]);
    assert_list(&env, &["--method", "Paypal"], &[]);
    assert_list(&env, &["--source", "automatic"], &[2]);
    assert_list(&env, &["--source", "Manual"], &[1, 3, 4]);
    assert_list(&env, &["--customer", "700", "--method", "Cash"], &[]);
}

#[test]
fn list_filters_by_date_and_a_bare_to_date_takes_the_whole_day() {
    let env = four_payments();
    assert_list(&env, &["--from", "2026-11-11"], &[3, 4]);
    assert_list(&env, &["--from", "2026-11-10T23:59:59Z"], &[2, 3, 4]);
    assert_list(&env, &["--to", "2026-11-10"], &[1, 2]);
    assert_list(&env, &["--to", "2026-11-10T23:59:58Z"], &[1]);
    assert_list(&env, &["--to", "2026-11-10T23:59:59Z"], &[1, 2]);
    assert_list(
        &env,
        &["--from", "2026-11-02", "--to", "2026-11-11"],
        &[2, 3],
    );
    assert_list(&env, &["--from", "2026-11-21"], &[]);
}

#[test]
fn list_filters_unallocated_and_pages() {
    let env = four_payments();
    assert_list(&env, &["--unallocated"], &[2, 3]);
    assert_list(&env, &["--unallocated", "--customer", "655080"], &[2]);
    assert_list(&env, &["--limit", "2"], &[1, 2]);
    assert_list(&env, &["--limit", "2", "--offset", "1"], &[2, 3]);
    assert_list(&env, &["--offset", "3"], &[4]);
    assert_list(&env, &["--offset", "4"], &[]);
    assert_list(&env, &["--limit", "0"], &[]);
}

#[test]
fn list_refuses_bad_filters() {
    let env = four_payments();
    env.refused(
        &["list", "--customer", "999"],
        3,
        "error: customer 999 not found; add it with: payctl customer add --id 999 --name ...\n",
    );
    env.refused(
        &["list", "--method", "Bitcoin"],
        2,
        &invalid_value(
            "Bitcoin",
            "--method <METHOD>",
            "'Bitcoin' is not allowed; allowable values are: Cash, Check, CreditCard, DirectDeposit, ACH, Paypal",
        ),
    );
}

#[test]
fn list_of_an_empty_ledger() {
    let env = Env::seeded();
    assert_eq!(env.ok(&["list"]), "(none)\n");
    assert_eq!(env.ok(&["list", "-o", "json"]), "[]\n");
    assert_eq!(env.ok(&["list", "-o", "csv"]), CSV_HEADER);
}

#[test]
fn show_prints_one_payment_in_every_format() {
    let env = four_payments();
    assert_eq!(
        env.ok(&["show", "4"]),
        "┌─────────────┬───────────────────────────┐
│ Field       ┆ Value                     │
╞═════════════╪═══════════════════════════╡
│ ID          ┆ 4                         │
│ Activity    ┆ 4                         │
│ Customer    ┆ 655080                    │
│ Date        ┆ 2026-11-20T08:00:00Z      │
│ Amount      ┆ 40.00                     │
│ Currency    ┆ USD                       │
│ Method      ┆ Cash                      │
│ Method id   ┆                           │
│ Source      ┆ Manual                    │
│ Reference   ┆                           │
│ Allocations ┆ 566935=20.00;566934=20.00 │
│ Unallocated ┆ 0.00                      │
│ Refundable  ┆ 40.00                     │
│ Gateway fee ┆ 0.00                      │
│ Settlement  ┆ Successful                │
│ Voided      ┆ false                     │
│ Status      ┆ settled                   │
└─────────────┴───────────────────────────┘
Allocations:
┌─────────┬────────┬─────────┬─────────┬────────┬────────────────┐
│ Invoice ┆ Number ┆ Applied ┆ Balance ┆  Total ┆ Status         │
╞═════════╪════════╪═════════╪═════════╪════════╪════════════════╡
│ 566935  ┆ 566935 ┆   20.00 ┆    0.00 ┆  20.00 ┆ paid           │
│ 566934  ┆ 566934 ┆   20.00 ┆   70.00 ┆ 100.00 ┆ partially_paid │
└─────────┴────────┴─────────┴─────────┴────────┴────────────────┘
"
    );
    assert_eq!(env.ok(&["show", "4", "-o", "csv"]), csv(&[ROW[3]]));
    assert_eq!(
        env.ok(&["show", "2", "-o", "json"]),
        r#"{
  "id": 2,
  "paymentActivityId": 2,
  "customerId": 655080,
  "reference": null,
  "effectiveTimestamp": "2026-11-10T23:59:59Z",
  "amount": 20.00,
  "currency": "USD",
  "paymentMethod": "ACH",
  "paymentMethodId": 2,
  "source": "Automatic",
  "invoiceAllocations": [],
  "refunds": [],
  "unallocatedAmount": 20.00,
  "refundableAmount": 20.00,
  "gatewayFee": 0.00,
  "settlement": {
    "status": "Pending",
    "modifiedTimestamp": "2026-11-21T10:00:00Z",
    "lastCheckedTimestamp": null,
    "nextCheckTimestamp": null,
    "message": null
  },
  "voided": false,
  "uri": "payctl://payments/2"
}
"#
    );
}

#[test]
fn show_of_a_missing_payment_is_not_found() {
    let env = four_payments();
    env.refused(
        &["show", "99"],
        3,
        "error: payment 99 not found; list payments with: payctl list\n",
    );
    env.refused(
        &["show", "99", "-o", "json"],
        3,
        r#"{
  "ErrorId": 0,
  "HttpStatusCode": 404,
  "Errors": [
    {
      "Key": "paymentId",
      "Value": "payment 99 not found; list payments with: payctl list"
    }
  ]
}
"#,
    );
}

#[test]
fn invoice_show_lists_the_payments_allocated_to_it() {
    let env = four_payments();
    assert_eq!(
        env.ok(&["invoice", "show", "566934"]),
        "┌─────────────┬────────────────┐
│ Field       ┆ Value          │
╞═════════════╪════════════════╡
│ ID          ┆ 566934         │
│ Number      ┆ 566934         │
│ Customer    ┆ 655080         │
│ Currency    ┆ USD            │
│ Total       ┆ 100.00         │
│ Paid        ┆ 30.00          │
│ Outstanding ┆ 70.00          │
│ Status      ┆ partially_paid │
│ Overdue     ┆ true           │
│ Date        ┆ 2026-10-01     │
│ Due         ┆ 2026-10-31     │
└─────────────┴────────────────┘
Payments allocated:
┌─────────┬────────┬──────────────────────┐
│ Payment ┆ Amount ┆ Date                 │
╞═════════╪════════╪══════════════════════╡
│ 1       ┆  10.00 ┆ 2026-11-01           │
│ 4       ┆  20.00 ┆ 2026-11-20T08:00:00Z │
└─────────┴────────┴──────────────────────┘
"
    );
    assert_eq!(
        env.ok(&["invoice", "show", "566934", "-o", "json"]),
        r#"{
  "id": 566934,
  "invoiceNumber": "566934",
  "customerId": 655080,
  "currency": "USD",
  "invoiceAmount": 100.00,
  "totalPayments": 30.00,
  "outstandingBalance": 70.00,
  "status": "partially_paid",
  "overdue": true,
  "effectiveTimestamp": "2026-10-01T00:00:00Z",
  "dueDate": "2026-10-31T00:00:00Z",
  "paymentAllocations": [
    {
      "paymentId": 1,
      "amount": 10.00,
      "effectiveTimestamp": "2026-11-01T00:00:00Z"
    },
    {
      "paymentId": 4,
      "amount": 20.00,
      "effectiveTimestamp": "2026-11-20T08:00:00Z"
    }
  ]
}
"#
    );
    // An invoice nobody paid lists no payments.
    assert_eq!(invoice(&env, "566936")["paymentAllocations"], json!([]));
}

// ---------------------------------------------------------------------------------------------
// Rule 10: concurrency
// ---------------------------------------------------------------------------------------------

/// Starts `n` `create --allocate INVOICE=EACH` processes at once (all spawned before any is
/// waited on) and returns (exit code, stdout, stderr) of each.
fn race(env: &Env, n: usize, invoice: &str, each: &str) -> Vec<(i32, String, String)> {
    let allocation = format!("{invoice}={each}");
    let children: Vec<_> = (0..n)
        .map(|_| {
            env.command(&strs(&cash(each, &["--allocate", &allocation, "-q"])))
                .stdout(Stdio::piped())
                .stderr(Stdio::piped())
                .spawn()
                .expect("spawn payctl")
        })
        .collect();
    children
        .into_iter()
        .map(|child| {
            let out = child.wait_with_output().unwrap();
            (
                out.status.code().unwrap_or(-1),
                String::from_utf8_lossy(&out.stdout).into_owned(),
                String::from_utf8_lossy(&out.stderr).into_owned(),
            )
        })
        .collect()
}

/// Checks that exactly `winners` processes succeeded with distinct ids 1..=winners, and every
/// other one exited 1 with `refusal`.
#[track_caller]
fn assert_race(results: &[(i32, String, String)], winners: usize, refusal: &str) {
    let mut ids: Vec<String> = results
        .iter()
        .filter(|(code, _, _)| *code == 0)
        .map(|(_, out, _)| out.clone())
        .collect();
    ids.sort();
    let want: Vec<String> = (1..=winners).map(|i| format!("{i}\n")).collect();
    assert_eq!(ids, want, "{results:?}");
    for (code, out, err) in results.iter().filter(|(code, _, _)| *code != 0) {
        assert_eq!((*code, out.as_str(), err.as_str()), (1, "", refusal));
    }
}

#[test]
fn concurrent_creates_never_over_allocate_an_invoice() {
    let env = Env::seeded();
    // 566936 is 30.00: three 10.00 payments fit, the other five find it paid.
    let results = race(&env, 8, "566936", "10.00");
    assert_race(
        &results,
        3,
        "error: invoice 566936 is paid; only unpaid or partially_paid invoices take payments\n",
    );
    let inv = invoice(&env, "566936");
    assert_eq!(
        inv["totalPayments"].to_string(),
        inv["invoiceAmount"].to_string()
    );
    assert_eq!(
        invoice_state(&env, "566936"),
        state("30.00", "0.00", "paid")
    );
    assert_eq!(inv["paymentAllocations"].as_array().unwrap().len(), 3);
}

#[test]
fn concurrent_creates_refuse_the_overflow_with_the_balance_left() {
    let env = Env::seeded();
    // 566934 is 100.00: three 30.00 payments fit, the other five see 10.00 left.
    let results = race(&env, 8, "566934", "30.00");
    assert_race(
        &results,
        3,
        "error: allocation of 30.00 to invoice 566934 is more than its outstanding balance 10.00\n",
    );
    assert_eq!(
        invoice_state(&env, "566934"),
        state("90.00", "10.00", "partially_paid")
    );
    assert_eq!(env.ok(&["list", "-o", "csv"]).lines().count(), 4);
}

#[test]
fn auto_allocation_is_not_cut_short_by_invoices_in_another_currency() {
    // A USD customer with a KWD invoice between two USD ones (and a newer JPY one): those
    // cannot take a USD payment, and counting their balance towards "enough invoices read"
    // left the second USD invoice unpaid (100.00 paid only invoice 1; 30.00 newest first paid
    // nothing at all), in create and in import alike.
    let ledger = || {
        let env = Env::new();
        env.ok(&["customer", "add", "--id", "1", "--name", "A", "-q"]);
        for (id, total, currency, date) in [
            ("1", "50", "USD", "2026-09-01"),
            ("2", "5", "KWD", "2026-10-01"),
            ("3", "50", "USD", "2026-11-01"),
            ("4", "5000", "JPY", "2026-11-02"),
        ] {
            env.ok(&[
                "invoice",
                "add",
                "--customer",
                "1",
                "--id",
                id,
                "--total",
                total,
                "--currency",
                currency,
                "--date",
                date,
                "-q",
            ]);
        }
        env
    };
    let env = ledger();
    let columns = "id,paymentActivityId,customerId,effectiveTimestamp,amount,currency,paymentMethod,paymentMethodId,source,reference,invoiceAllocations,unallocatedAmount,refundableAmount,gatewayFee,settlement,voided,dryRun,touchedInvoices";
    let oldest = "1,1,1,2026-11-21T10:00:00Z,100.00,USD,Cash,,Manual,,1=50.00;3=50.00,0.00,100.00,0.00,Successful,false,false,1:50.00:0.00:paid;3:50.00:0.00:paid";
    assert_eq!(
        env.ok(&[
            "create",
            "--customer",
            "1",
            "--amount",
            "100",
            "--method",
            "Cash",
            "--auto-allocate",
            "-o",
            "csv"
        ]),
        format!("{columns}\n{oldest}\n")
    );
    let newest =
        "2,2,1,2026-11-21T10:00:00Z,30.00,USD,Cash,,Manual,,,30.00,30.00,0.00,Successful,false,false,";
    assert_eq!(
        env.ok(&[
            "create",
            "--customer",
            "1",
            "--amount",
            "30",
            "--method",
            "Cash",
            "--auto-allocate",
            "--order",
            "newest-to-oldest",
            "-o",
            "csv"
        ]),
        format!("{columns}\n{newest}\n"),
        "both USD invoices are paid by now: nothing is left to allocate"
    );
    // The same customer and invoices, paid by import.
    let env = ledger();
    let file = env.dir.path().join("p.csv");
    std::fs::write(
        &file,
        "customerId,amount,paymentMethod,source,autoAllocate,autoAllocateOrder\n1,60,Cash,Manual,true,NewestToOldest\n1,40,Cash,Manual,true,\n",
    )
    .unwrap();
    env.ok(&["import", file.to_str().unwrap()]);
    assert_eq!(
        env.ok(&["list", "-o", "csv"]),
        format!("{}\n1,1,1,2026-11-21T10:00:00Z,60.00,USD,Cash,,Manual,,3=50.00;1=10.00,0.00,60.00,0.00,Successful,false\n2,2,1,2026-11-21T10:00:00Z,40.00,USD,Cash,,Manual,,1=40.00,0.00,40.00,0.00,Successful,false\n", CSV_HEADER.trim_end())
    );
    env.ok(&["verify"]);
}
