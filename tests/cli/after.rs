//! After the payment (SPEC §6, issue 4): allocate, unallocate, reallocate, refund, settle, void,
//! activities, the audit log, verify, and the append-only triggers.
//!
//! Records are checked through their whole CSV rows (every field of a payment, invoice,
//! customer or activity), so one comparison covers every value.

use crate::common::Env;

const PAYMENT_HEADER: &str = "id,paymentActivityId,customerId,effectiveTimestamp,amount,currency,paymentMethod,paymentMethodId,source,reference,invoiceAllocations,unallocatedAmount,refundableAmount,gatewayFee,settlement,voided";
/// What a command that moves money prints with `-o csv`: the payment, whether it was a dry
/// run, and every invoice it touched as `INV:APPLIED:BALANCE:STATUS` (issue 16).
const OUTCOME_HEADER: &str = "id,paymentActivityId,customerId,effectiveTimestamp,amount,currency,paymentMethod,paymentMethodId,source,reference,invoiceAllocations,unallocatedAmount,refundableAmount,gatewayFee,settlement,voided,dryRun,touchedInvoices";
const INVOICE_HEADER: &str = "id,invoiceNumber,customerId,currency,invoiceAmount,totalPayments,outstandingBalance,status,overdue,effectiveTimestamp,dueDate";
const CUSTOMER_HEADER: &str =
    "id,name,email,currency,defaultPaymentMethodId,autoAllocateOrder,outstandingBalance,availableFunds";
const ACTIVITY_HEADER: &str = "id,customerId,transactionType,status,amount,currency,paymentMethod,paymentMethodId,source,effectiveTimestamp,message,paymentId";
const LOG_HEADER: &str = "id,at,osUser,action,entity,entityId,customerId,paymentId,command,detail";

/// The seeded invoices, untouched (566934 is overdue on the pinned clock).
const INV_34_UNPAID: &str = "566934,566934,655080,USD,100.00,0.00,100.00,unpaid,true,2026-10-01T00:00:00Z,2026-10-31T00:00:00Z";
const INV_35_UNPAID: &str = "566935,566935,655080,USD,20.00,0.00,20.00,unpaid,false,2026-10-31T00:00:00Z,2026-11-30T00:00:00Z";
const INV_35_PAID: &str = "566935,566935,655080,USD,20.00,20.00,0.00,paid,false,2026-10-31T00:00:00Z,2026-11-30T00:00:00Z";
const INV_36_UNPAID: &str = "566936,566936,655080,USD,30.00,0.00,30.00,unpaid,false,2026-12-01T00:00:00Z,2026-12-31T00:00:00Z";
const INV_36_PAID: &str = "566936,566936,655080,USD,30.00,30.00,0.00,paid,false,2026-12-01T00:00:00Z,2026-12-31T00:00:00Z";

/// What `payctl verify` lists after its counts line when every check passes.
const VERIFY_CHECKS: &str = "  ok  payment balances match their rows
  ok  no payment spends more than its amount
  ok  no payment has a negative allocation on an invoice
  ok  invoice balances match their rows
  ok  invoice balances carry their invoice's customer, currency, total and dates
  ok  the open invoices cache holds exactly the open invoices
  ok  no invoice is allocated past its total
  ok  void invoices have nothing allocated
  ok  payment status matches its events
  ok  bounced and void payments have nothing allocated
  ok  allocations join a payment and an invoice of one customer and currency
  ok  every payment has its Collect activity
  ok  each currency's ledger total matches its invoices and payments
  ok  each credit write-off is the sum of its parts, of its customer's payments in its currency
  ok  invoice adjustments are positive
  ok  every refund has its Refund activity
  ok  each applied bank line has its payment, of its amount
  ok  each bank line is in its statement's currency
  ok  every currency is ISO 4217
";

/// Runs `args` with `-o csv`, checks the header line, and returns the rows.
#[track_caller]
fn rows(env: &Env, args: &[&str], header: &str) -> String {
    let mut all = args.to_vec();
    all.extend(["-o", "csv"]);
    let out = env.ok(&all);
    let (first, rest) = out.split_once('\n').unwrap_or((&out, ""));
    assert_eq!(first, header, "payctl {all:?}: CSV header");
    rest.to_string()
}

#[track_caller]
fn payment(env: &Env, id: &str) -> String {
    rows(env, &["show", id], PAYMENT_HEADER)
}

#[track_caller]
fn invoices(env: &Env) -> String {
    rows(
        env,
        &["invoice", "list", "--customer", "655080"],
        INVOICE_HEADER,
    )
}

#[track_caller]
fn customer(env: &Env) -> String {
    rows(env, &["customer", "show", "655080"], CUSTOMER_HEADER)
}

/// The three seeded invoices' rows, one per line.
fn three(a: &str, b: &str, c: &str) -> String {
    format!("{a}\n{b}\n{c}\n")
}

/// `payctl verify` passes, with these record counts.
#[track_caller]
fn verify_passes(env: &Env, counts: &str) {
    // The same report on both engines (SPEC §8); a server's durability warnings go to stderr.
    assert_eq!(
        env.ok(&["verify"]),
        format!("ledger OK: {counts}\n{VERIFY_CHECKS}")
    );
}

/// The audit log as CSV, with the test binary's path in the command column shown as `payctl`.
#[track_caller]
fn log(env: &Env, args: &[&str]) -> String {
    let mut all = vec!["log"];
    all.extend(args);
    let out = rows(env, &all, LOG_HEADER);
    let bin = assert_cmd::cargo::cargo_bin("payctl");
    out.replace(&format!(",{} ", bin.display()), ",payctl ")
}

/// The allocation rows, oldest first: `id|payment|invoice|amount|kind|refund`.
fn allocation_rows(env: &Env) -> Vec<String> {
    env.sql_lines(
        "SELECT id, payment_id, invoice_id, amount, kind, coalesce(CAST(refund_id AS TEXT), '') FROM allocations ORDER BY id",
    )
}

// ---------------------------------------------------------------------------------------------
// 1. The issue's "Done when"
// ---------------------------------------------------------------------------------------------

#[test]
fn done_when_misapplied_payment_fixed_refunded_and_ach_bounce_all_verified_and_logged() {
    let env = Env::seeded();
    verify_passes(
        &env,
        "1 customers, 3 invoices, 0 payments, 0 allocations, 0 refunds, 0 activities, 5 audit_events",
    );

    // Record a payment.
    assert_eq!(
        env.ok(&[
            "create",
            "--customer",
            "655080",
            "--amount",
            "20.00",
            "--method",
            "credit-card",
            "--method-id",
            "1",
            "--reference",
            "INV-PAY-1",
            "-q",
        ]),
        "1\n"
    );
    assert_eq!(
        payment(&env, "1"),
        "1,1,655080,2026-11-21T10:00:00Z,20.00,USD,CreditCard,1,Manual,INV-PAY-1,,20.00,20.00,0.00,Successful,false\n"
    );
    verify_passes(
        &env,
        "1 customers, 3 invoices, 1 payments, 0 allocations, 0 refunds, 1 activities, 6 audit_events",
    );

    // Allocate it to the wrong invoice.
    assert_eq!(
        rows(
            &env,
            &["allocate", "1", "--invoice", "566936", "--amount", "20"],
            OUTCOME_HEADER
        ),
        "1,1,655080,2026-11-21T10:00:00Z,20.00,USD,CreditCard,1,Manual,INV-PAY-1,566936=20.00,0.00,20.00,0.00,Successful,false,false,566936:20.00:10.00:partially_paid\n"
    );
    assert_eq!(
        invoices(&env),
        three(
            INV_34_UNPAID,
            INV_35_UNPAID,
            "566936,566936,655080,USD,30.00,20.00,10.00,partially_paid,false,2026-12-01T00:00:00Z,2026-12-31T00:00:00Z"
        )
    );
    verify_passes(
        &env,
        "1 customers, 3 invoices, 1 payments, 1 allocations, 0 refunds, 1 activities, 7 audit_events",
    );

    // Move it to the right one with one command.
    assert_eq!(
        rows(
            &env,
            &["reallocate", "1", "--from", "566936", "--to", "566935"],
            OUTCOME_HEADER
        ),
        "1,1,655080,2026-11-21T10:00:00Z,20.00,USD,CreditCard,1,Manual,INV-PAY-1,566935=20.00,0.00,20.00,0.00,Successful,false,false,566936:-20.00:30.00:unpaid;566935:20.00:0.00:paid\n"
    );
    assert_eq!(
        invoices(&env),
        three(INV_34_UNPAID, INV_35_PAID, INV_36_UNPAID)
    );
    verify_passes(
        &env,
        "1 customers, 3 invoices, 1 payments, 3 allocations, 0 refunds, 1 activities, 8 audit_events",
    );

    // Refund part of it: nothing is unallocated, so the 5.00 comes off invoice 566935.
    assert_eq!(
        env.ok(&[
            "refund",
            "1",
            "--amount",
            "5",
            "--from-invoice",
            "566935=5",
            "--reference",
            "RF-1",
            "-q",
        ]),
        "1\n"
    );
    assert_eq!(
        payment(&env, "1"),
        "1,1,655080,2026-11-21T10:00:00Z,20.00,USD,CreditCard,1,Manual,INV-PAY-1,566935=15.00,0.00,15.00,0.00,Successful,false\n"
    );
    assert_eq!(
        invoices(&env),
        three(
            INV_34_UNPAID,
            "566935,566935,655080,USD,20.00,15.00,5.00,partially_paid,false,2026-10-31T00:00:00Z,2026-11-30T00:00:00Z",
            INV_36_UNPAID
        )
    );
    verify_passes(
        &env,
        "1 customers, 3 invoices, 1 payments, 4 allocations, 1 refunds, 2 activities, 9 audit_events",
    );

    // Bounce an ACH payment: it starts Pending, then fails settlement.
    assert_eq!(
        env.ok(&[
            "method",
            "add",
            "--customer",
            "655080",
            "--type",
            "ach",
            "--label",
            "Checking",
            "-q",
        ]),
        "2\n"
    );
    verify_passes(
        &env,
        "1 customers, 3 invoices, 1 payments, 4 allocations, 1 refunds, 2 activities, 10 audit_events",
    );
    assert_eq!(
        env.ok(&[
            "create",
            "--customer",
            "655080",
            "--amount",
            "30",
            "--method",
            "ACH",
            "--method-id",
            "2",
            "--allocate",
            "566936=30",
            "-q",
        ]),
        "2\n"
    );
    assert_eq!(
        payment(&env, "2"),
        "2,3,655080,2026-11-21T10:00:00Z,30.00,USD,ACH,2,Manual,,566936=30.00,0.00,30.00,0.00,Pending,false\n"
    );
    assert_eq!(
        invoices(&env),
        three(
            INV_34_UNPAID,
            "566935,566935,655080,USD,20.00,15.00,5.00,partially_paid,false,2026-10-31T00:00:00Z,2026-11-30T00:00:00Z",
            INV_36_PAID
        )
    );
    verify_passes(
        &env,
        "1 customers, 3 invoices, 2 payments, 5 allocations, 1 refunds, 3 activities, 11 audit_events",
    );
    assert_eq!(
        rows(
            &env,
            &[
                "settle",
                "2",
                "--status",
                "failed",
                "--message",
                "R01 insufficient funds"
            ],
            OUTCOME_HEADER
        ),
        "2,3,655080,2026-11-21T10:00:00Z,30.00,USD,ACH,2,Manual,,,0.00,0.00,0.00,Failed,false,false,566936:-30.00:30.00:unpaid\n"
    );
    assert_eq!(
        invoices(&env),
        three(
            INV_34_UNPAID,
            "566935,566935,655080,USD,20.00,15.00,5.00,partially_paid,false,2026-10-31T00:00:00Z,2026-11-30T00:00:00Z",
            INV_36_UNPAID
        )
    );
    verify_passes(
        &env,
        "1 customers, 3 invoices, 2 payments, 6 allocations, 1 refunds, 4 activities, 12 audit_events",
    );

    // The log shows every step: who, when, the command, what it touched and what changed.
    let expected = [
        r#"1,2026-11-21T10:00:00Z,tester,customer.add,customer,655080,655080,,payctl customer add --id 655080 --name 'Acme Corp' --email ap@acme.example,"{""name"":""Acme Corp"",""email"":""ap@acme.example"",""currency"":""USD"",""autoAllocateOrder"":""OldestToNewest""}""#,
        r#"2,2026-11-21T10:00:00Z,tester,method.add,payment_method,1,655080,,payctl method add --customer 655080 --type credit-card --brand Visa --last4 4242,"{""type"":""CreditCard"",""label"":null,""brand"":""Visa"",""last4"":""4242"",""isDefault"":true}""#,
        r#"3,2026-11-21T10:00:00Z,tester,invoice.add,invoice,566934,655080,,payctl invoice add --customer 655080 --id 566934 --total 100.00 --date 2026-10-01 --terms net30,"{""invoiceNumber"":""566934"",""currency"":""USD"",""invoiceAmount"":100.00,""effectiveTimestamp"":""2026-10-01T00:00:00Z"",""dueDate"":""2026-10-31T00:00:00Z""}""#,
        r#"4,2026-11-21T10:00:00Z,tester,invoice.add,invoice,566935,655080,,payctl invoice add --customer 655080 --id 566935 --total 20.00 --date 2026-10-31 --terms net30,"{""invoiceNumber"":""566935"",""currency"":""USD"",""invoiceAmount"":20.00,""effectiveTimestamp"":""2026-10-31T00:00:00Z"",""dueDate"":""2026-11-30T00:00:00Z""}""#,
        r#"5,2026-11-21T10:00:00Z,tester,invoice.add,invoice,566936,655080,,payctl invoice add --customer 655080 --id 566936 --total 30.00 --date 2026-12-01 --due 2026-12-31,"{""invoiceNumber"":""566936"",""currency"":""USD"",""invoiceAmount"":30.00,""effectiveTimestamp"":""2026-12-01T00:00:00Z"",""dueDate"":""2026-12-31T00:00:00Z""}""#,
        r#"6,2026-11-21T10:00:00Z,tester,payment.create,payment,1,655080,1,payctl create --customer 655080 --amount 20.00 --method credit-card --method-id 1 --reference INV-PAY-1 -q,"{""amount"":20.00,""currency"":""USD"",""paymentMethod"":""CreditCard"",""paymentMethodId"":1,""source"":""Manual"",""reference"":""INV-PAY-1"",""invoiceAllocations"":[]}""#,
        r#"7,2026-11-21T10:00:00Z,tester,payment.allocate,payment,1,655080,1,payctl allocate 1 --invoice 566936 --amount 20 -o csv,"{""invoiceId"":566936,""amount"":20.00}""#,
        r#"8,2026-11-21T10:00:00Z,tester,payment.reallocate,payment,1,655080,1,payctl reallocate 1 --from 566936 --to 566935 -o csv,"{""from"":566936,""to"":566935,""amount"":20.00}""#,
        r#"9,2026-11-21T10:00:00Z,tester,payment.refund,payment,1,655080,1,payctl refund 1 --amount 5 --from-invoice 566935=5 --reference RF-1 -q,"{""refundId"":1,""amount"":5.00,""method"":""original"",""reference"":""RF-1"",""fromUnallocated"":0.00,""invoiceAllocations"":[{""invoiceId"":566935,""amount"":5.00}]}""#,
        r#"10,2026-11-21T10:00:00Z,tester,method.add,payment_method,2,655080,,payctl method add --customer 655080 --type ach --label Checking -q,"{""type"":""ACH"",""label"":""Checking"",""brand"":null,""last4"":null,""isDefault"":false}""#,
        r#"11,2026-11-21T10:00:00Z,tester,payment.create,payment,2,655080,2,payctl create --customer 655080 --amount 30 --method ACH --method-id 2 --allocate 566936=30 -q,"{""amount"":30.00,""currency"":""USD"",""paymentMethod"":""ACH"",""paymentMethodId"":2,""source"":""Manual"",""reference"":null,""invoiceAllocations"":[{""invoiceId"":566936,""amount"":30.00}]}""#,
        r#"12,2026-11-21T10:00:00Z,tester,payment.nsf,payment,2,655080,2,payctl settle 2 --status failed --message 'R01 insufficient funds' -o csv,"{""status"":""Failed"",""message"":""R01 insufficient funds"",""reversed"":[{""invoiceId"":566936,""amount"":30.00}]}""#,
    ];
    assert_eq!(log(&env, &[]), expected.map(|l| format!("{l}\n")).concat());
    // Filtered by payment: only that payment's steps.
    assert_eq!(
        log(&env, &["--payment", "2"]),
        [&expected[10], &expected[11]]
            .map(|l| format!("{l}\n"))
            .concat()
    );
    assert_eq!(
        log(&env, &["--customer", "655080"]),
        expected.map(|l| format!("{l}\n")).concat()
    );
}

// ---------------------------------------------------------------------------------------------
// 2. Refunds
// ---------------------------------------------------------------------------------------------

/// Payment 1: 60.00 cash, 20.00 on 566935 and 30.00 on 566936 (both paid), 10.00 unallocated.
fn sixty_on_two_invoices() -> Env {
    let env = Env::seeded();
    env.ok(&[
        "create",
        "--customer",
        "655080",
        "--amount",
        "60",
        "--method",
        "cash",
        "--allocate",
        "566935=20",
        "--allocate",
        "566936=30",
    ]);
    env
}

#[test]
fn refund_takes_unallocated_funds_first_then_exactly_the_named_allocations() {
    let env = sixty_on_two_invoices();
    assert_eq!(
        payment(&env, "1"),
        "1,1,655080,2026-11-21T10:00:00Z,60.00,USD,Cash,,Manual,,566935=20.00;566936=30.00,10.00,60.00,0.00,Successful,false\n"
    );

    // More than refundable.
    env.refused(
        &["refund", "1", "--amount", "60.01"],
        1,
        "error: refund of 60.01 is more than payment 1's refundable amount 60.00\n",
    );
    // Unallocated funds cover it: naming an invoice would reopen it for nothing.
    env.refused(
        &["refund", "1", "--amount", "5", "--from-invoice", "566935=5"],
        1,
        "error: payment 1's unallocated 10.00 covers the refund; drop --from-invoice so no invoice reopens\n",
    );

    // Within the unallocated funds: no invoice reopens.
    assert_eq!(
        env.ok(&[
            "refund",
            "1",
            "--amount",
            "4",
            "--method",
            "cash",
            "--reference",
            "R-1",
            "-q"
        ]),
        "1\n"
    );
    assert_eq!(
        payment(&env, "1"),
        "1,1,655080,2026-11-21T10:00:00Z,60.00,USD,Cash,,Manual,,566935=20.00;566936=30.00,6.00,56.00,0.00,Successful,false\n"
    );
    assert_eq!(
        invoices(&env),
        three(INV_34_UNPAID, INV_35_PAID, INV_36_PAID)
    );

    // 21.00 = the 6.00 left unallocated + 15.00 that must be named exactly.
    let partial = "error: refund of 21.00 takes 6.00 from unallocated funds; the other 15.00 must come from allocations named with --from-invoice INV=AMOUNT";
    env.refused(
        &["refund", "1", "--amount", "21"],
        1,
        &format!("{partial} (named: 0.00)\n"),
    );
    env.refused(
        &[
            "refund",
            "1",
            "--amount",
            "21",
            "--from-invoice",
            "566935=10",
        ],
        1,
        &format!("{partial} (named: 10.00)\n"),
    );
    env.refused(
        &[
            "refund",
            "1",
            "--amount",
            "21",
            "--from-invoice",
            "566935=10",
            "--from-invoice",
            "566936=10",
        ],
        1,
        &format!("{partial} (named: 20.00)\n"),
    );
    // An invoice the payment has no money on (566934), an unknown one, more than it has on one.
    env.refused(
        &[
            "refund",
            "1",
            "--amount",
            "21",
            "--from-invoice",
            "566934=15",
        ],
        1,
        "error: cannot take 15.00 back from invoice 566934: payment 1 has 0.00 allocated to it\n",
    );
    env.refused(
        &["refund", "1", "--amount", "21", "--from-invoice", "999=15"],
        1,
        "error: cannot take 15.00 back from invoice 999: payment 1 has 0.00 allocated to it\n",
    );
    env.refused(
        &[
            "refund",
            "1",
            "--amount",
            "21",
            "--from-invoice",
            "566935=20.01",
        ],
        1,
        "error: cannot take 20.01 back from invoice 566935: payment 1 has 20.00 allocated to it\n",
    );
    env.refused(
        &[
            "refund",
            "1",
            "--amount",
            "21",
            "--from-invoice",
            "566935=5",
            "--from-invoice",
            "566935=10",
        ],
        1,
        "error: invoice 566935 is named twice in --from-invoice; name each invoice once\n",
    );
    // Amount and method syntax.
    env.refused(
        &["refund", "1", "--amount", "0"],
        1,
        "error: amount '0' must be greater than zero\n",
    );
    env.refused(
        &["refund", "1", "--amount", "1.001"],
        1,
        "error: amount '1.001' has 3 decimal places but USD allows 2; amounts are never rounded\n",
    );
    env.refused(
        &["refund", "9", "--amount", "1"],
        3,
        "error: payment 9 not found; list payments with: payctl list\n",
    );

    // Exactly covered: both named invoices reopen (paid -> partially_paid).
    assert_eq!(
        env.ok(&[
            "refund",
            "1",
            "--amount",
            "21",
            "--from-invoice",
            "566935=5",
            "--from-invoice",
            "566936=10",
            "--method",
            "check",
            "--reference",
            "CHK-881",
            "-q",
        ]),
        "2\n"
    );
    assert_eq!(
        payment(&env, "1"),
        "1,1,655080,2026-11-21T10:00:00Z,60.00,USD,Cash,,Manual,,566935=15.00;566936=20.00,0.00,35.00,0.00,Successful,false\n"
    );
    assert_eq!(
        invoices(&env),
        three(
            INV_34_UNPAID,
            "566935,566935,655080,USD,20.00,15.00,5.00,partially_paid,false,2026-10-31T00:00:00Z,2026-11-30T00:00:00Z",
            "566936,566936,655080,USD,30.00,20.00,10.00,partially_paid,false,2026-12-01T00:00:00Z,2026-12-31T00:00:00Z"
        )
    );
    env.refused(
        &["refund", "1", "--amount", "35.01"],
        1,
        "error: refund of 35.01 is more than payment 1's refundable amount 35.00\n",
    );

    // The Fusebill Refund objects, and refundableAmount after them.
    let doc = env.json(&["show", "1"]);
    assert_eq!(
        serde_json::to_string_pretty(&doc["refunds"]).unwrap(),
        r#"[
  {
    "id": 1,
    "paymentActivityId": 2,
    "amount": 4.00,
    "currency": "USD",
    "reference": "R-1",
    "effectiveTimestamp": "2026-11-21T10:00:00Z",
    "originalPaymentId": 1,
    "invoiceAllocations": [],
    "method": "cash"
  },
  {
    "id": 2,
    "paymentActivityId": 3,
    "amount": 21.00,
    "currency": "USD",
    "reference": "CHK-881",
    "effectiveTimestamp": "2026-11-21T10:00:00Z",
    "originalPaymentId": 1,
    "invoiceAllocations": [
      {
        "invoiceId": 566935,
        "amount": 5.00
      },
      {
        "invoiceId": 566936,
        "amount": 10.00
      }
    ],
    "method": "check"
  }
]"#
    );
    assert_eq!(doc["refundableAmount"].to_string(), "35.00");
    assert_eq!(doc["unallocatedAmount"].to_string(), "0.00");

    // Each refund wrote a Refund activity (the payment activity ids above).
    assert_eq!(
        rows(&env, &["activity", "list"], ACTIVITY_HEADER),
        "1,655080,Collect,Successful,60.00,USD,Cash,,Manual,2026-11-21T10:00:00Z,,1
2,655080,Refund,Successful,4.00,USD,Cash,,Manual,2026-11-21T10:00:00Z,R-1,1
3,655080,Refund,Successful,21.00,USD,Check,,Manual,2026-11-21T10:00:00Z,CHK-881,1
"
    );
    verify_passes(
        &env,
        "1 customers, 3 invoices, 1 payments, 4 allocations, 2 refunds, 3 activities, 8 audit_events",
    );
}

#[test]
fn full_refund_leaves_nothing_refundable() {
    let env = sixty_on_two_invoices();
    env.ok(&[
        "refund",
        "1",
        "--amount",
        "60.00",
        "--from-invoice",
        "566935=20",
        "--from-invoice",
        "566936=30",
    ]);
    assert_eq!(
        payment(&env, "1"),
        "1,1,655080,2026-11-21T10:00:00Z,60.00,USD,Cash,,Manual,,,0.00,0.00,0.00,Successful,false\n"
    );
    assert_eq!(
        invoices(&env),
        three(INV_34_UNPAID, INV_35_UNPAID, INV_36_UNPAID)
    );
    env.refused(
        &["refund", "1", "--amount", "0.01"],
        1,
        "error: refund of 0.01 is more than payment 1's refundable amount 0.00\n",
    );
    verify_passes(
        &env,
        "1 customers, 3 invoices, 1 payments, 4 allocations, 1 refunds, 2 activities, 7 audit_events",
    );
}

// ---------------------------------------------------------------------------------------------
// Allocate later
// ---------------------------------------------------------------------------------------------

/// Adds customer 7 with invoice 9001 (10.00), for cross-customer refusals.
fn add_other_customer(env: &Env) {
    env.ok(&["customer", "add", "--id", "7", "--name", "Other"]);
    env.ok(&[
        "invoice",
        "add",
        "--customer",
        "7",
        "--id",
        "9001",
        "--total",
        "10",
        "--date",
        "2026-11-01",
        "--due",
        "2026-11-30",
    ]);
}

#[test]
fn allocate_one_invoice_checks_funds_customer_status_and_existence() {
    let env = Env::seeded();
    add_other_customer(&env);
    env.ok(&[
        "create",
        "--customer",
        "655080",
        "--amount",
        "60",
        "--method",
        "cash",
        "--allocate",
        "566935=20",
    ]);
    env.refused(
        &["allocate", "1", "--invoice", "566934", "--amount", "40.01"],
        1,
        "error: allocation of 40.01 is more than payment 1's unallocated amount 40.00\n",
    );
    env.refused(
        &["allocate", "1", "--invoice", "566936", "--amount", "30.01"],
        1,
        "error: allocation of 30.01 to invoice 566936 is more than its outstanding balance 30.00\n",
    );
    env.refused(
        &["allocate", "1", "--invoice", "9001", "--amount", "1"],
        1,
        "error: invoice 9001 belongs to customer 7, not customer 655080\n",
    );
    env.refused(
        &["allocate", "1", "--invoice", "566935", "--amount", "1"],
        1,
        "error: invoice 566935 is paid; only unpaid or partially_paid invoices take payments\n",
    );
    env.refused(
        &["allocate", "1", "--invoice", "999", "--amount", "1"],
        3,
        "error: invoice 999 not found; list invoices with: payctl invoice list --customer 655080\n",
    );
    env.refused(
        &["allocate", "99", "--invoice", "566934", "--amount", "1"],
        3,
        "error: payment 99 not found; list payments with: payctl list\n",
    );

    assert_eq!(
        env.ok(&["allocate", "1", "--invoice", "566934", "--amount", "5"]),
        "Allocated 5.00 USD of payment 1 to invoice 566934
┌─────────────┬──────────────────────────┐
│ Field       ┆ Value                    │
╞═════════════╪══════════════════════════╡
│ ID          ┆ 1                        │
│ Activity    ┆ 1                        │
│ Customer    ┆ 655080                   │
│ Date        ┆ 2026-11-21T10:00:00Z     │
│ Amount      ┆ 60.00                    │
│ Currency    ┆ USD                      │
│ Method      ┆ Cash                     │
│ Method id   ┆                          │
│ Source      ┆ Manual                   │
│ Reference   ┆                          │
│ Allocations ┆ 566935=20.00;566934=5.00 │
│ Unallocated ┆ 35.00                    │
│ Refundable  ┆ 60.00                    │
│ Gateway fee ┆ 0.00                     │
│ Settlement  ┆ Successful               │
│ Voided      ┆ false                    │
│ Status      ┆ settled                  │
└─────────────┴──────────────────────────┘
Allocations:
┌─────────┬────────┬─────────┬─────────┬────────┬────────────────┐
│ Invoice ┆ Number ┆ Applied ┆ Balance ┆  Total ┆ Status         │
╞═════════╪════════╪═════════╪═════════╪════════╪════════════════╡
│ 566935  ┆ 566935 ┆   20.00 ┆    0.00 ┆  20.00 ┆ paid           │
│ 566934  ┆ 566934 ┆    5.00 ┆   95.00 ┆ 100.00 ┆ partially_paid │
└─────────┴────────┴─────────┴─────────┴────────┴────────────────┘
Invoices touched:
┌─────────┬────────┬─────────┬─────────┬────────┬────────────────┐
│ Invoice ┆ Number ┆ Applied ┆ Balance ┆  Total ┆ Status         │
╞═════════╪════════╪═════════╪═════════╪════════╪════════════════╡
│ 566934  ┆ 566934 ┆    5.00 ┆   95.00 ┆ 100.00 ┆ partially_paid │
└─────────┴────────┴─────────┴─────────┴────────┴────────────────┘
"
    );
    assert_eq!(
        invoices(&env),
        three(
            "566934,566934,655080,USD,100.00,5.00,95.00,partially_paid,true,2026-10-01T00:00:00Z,2026-10-31T00:00:00Z",
            INV_35_PAID,
            INV_36_UNPAID
        )
    );
    assert_eq!(
        log(&env, &["--payment", "1"]).lines().last().unwrap(),
        r#"9,2026-11-21T10:00:00Z,tester,payment.allocate,payment,1,655080,1,payctl allocate 1 --invoice 566934 --amount 5,"{""invoiceId"":566934,""amount"":5.00}""#
    );
    verify_passes(
        &env,
        "2 customers, 4 invoices, 1 payments, 2 allocations, 0 refunds, 1 activities, 9 audit_events",
    );
}

#[test]
fn allocate_auto_newest_to_oldest_then_nothing_left_writes_nothing() {
    let env = Env::seeded();
    env.ok(&[
        "create",
        "--customer",
        "655080",
        "--amount",
        "60",
        "--method",
        "cash",
        "--allocate",
        "566935=20",
    ]);
    // 40.00 left: newest due first is 566936 (30.00), then 566934 takes the other 10.00.
    assert_eq!(
        rows(
            &env,
            &["allocate", "1", "--auto", "--order", "newest-to-oldest"],
            OUTCOME_HEADER
        ),
        "1,1,655080,2026-11-21T10:00:00Z,60.00,USD,Cash,,Manual,,566935=20.00;566936=30.00;566934=10.00,0.00,60.00,0.00,Successful,false,false,566936:30.00:0.00:paid;566934:10.00:90.00:partially_paid\n"
    );
    assert_eq!(
        invoices(&env),
        three(
            "566934,566934,655080,USD,100.00,10.00,90.00,partially_paid,true,2026-10-01T00:00:00Z,2026-10-31T00:00:00Z",
            INV_35_PAID,
            INV_36_PAID
        )
    );
    assert_eq!(
        log(&env, &["--payment", "1"]).lines().last().unwrap(),
        r#"7,2026-11-21T10:00:00Z,tester,payment.allocate,payment,1,655080,1,payctl allocate 1 --auto --order newest-to-oldest -o csv,"{""auto"":true,""order"":""NewestToOldest"",""allocations"":[{""invoiceId"":566936,""amount"":30.00},{""invoiceId"":566934,""amount"":10.00}]}""#
    );
    // Nothing left to apply: exit 0, nothing written (not even an audit event).
    let before = env.snapshot();
    let out = env.ok(&["allocate", "1", "--auto"]);
    assert_eq!(
        out.lines().next().unwrap(),
        "Allocated 0.00 USD of payment 1 automatically"
    );
    assert_eq!(before, env.snapshot());
    env.refused(
        &["allocate", "1", "--auto", "--order", "sideways"],
        2,
        "error: invalid value 'sideways' for '--order <ORDER>': 'sideways' is not allowed; allowable values are: OldestToNewest, NewestToOldest\n\nFor more information, try '--help'.\n",
    );
}

#[test]
fn allocate_customer_auto_spreads_oldest_payments_first() {
    let env = Env::seeded();
    for (amount, method, date) in [
        ("30", "cash", "2026-11-01"),
        ("25", "check", "2026-10-15"),
        ("200", "cash", "2026-11-10"),
    ] {
        env.ok(&[
            "create",
            "--customer",
            "655080",
            "--amount",
            amount,
            "--method",
            method,
            "--date",
            date,
        ]);
    }
    assert_eq!(
        customer(&env),
        "655080,Acme Corp,ap@acme.example,USD,1,OldestToNewest,150.00,255.00\n"
    );
    // Payment 2 (Oct 15) goes first, then 1 (Nov 1), then 3 (Nov 10); invoices oldest due first.
    assert_eq!(
        rows(
            &env,
            &["allocate", "--customer", "655080", "--auto"],
            OUTCOME_HEADER
        ),
        "2,2,655080,2026-10-15T00:00:00Z,25.00,USD,Check,,Manual,,566934=25.00,0.00,25.00,0.00,Successful,false,false,566934:25.00:0.00:paid
1,1,655080,2026-11-01T00:00:00Z,30.00,USD,Cash,,Manual,,566934=30.00,0.00,30.00,0.00,Successful,false,false,566934:30.00:0.00:paid
3,3,655080,2026-11-10T00:00:00Z,200.00,USD,Cash,,Manual,,566934=45.00;566935=20.00;566936=30.00,105.00,200.00,0.00,Successful,false,false,566934:45.00:0.00:paid;566935:20.00:0.00:paid;566936:30.00:0.00:paid
"
    );
    assert_eq!(
        invoices(&env),
        three(
            "566934,566934,655080,USD,100.00,100.00,0.00,paid,false,2026-10-01T00:00:00Z,2026-10-31T00:00:00Z",
            INV_35_PAID,
            INV_36_PAID
        )
    );
    assert_eq!(
        customer(&env),
        "655080,Acme Corp,ap@acme.example,USD,1,OldestToNewest,0.00,105.00\n"
    );
    // Again: nothing is open, so no payment gives money and nothing is written.
    let before = env.snapshot();
    assert_eq!(
        rows(
            &env,
            &["allocate", "--customer", "655080", "--auto"],
            OUTCOME_HEADER
        ),
        ""
    );
    assert_eq!(before, env.snapshot());
    env.refused(
        &["allocate", "--customer", "99", "--auto"],
        3,
        "error: customer 99 not found; add it with: payctl customer add --id 99 --name ...\n",
    );
    verify_passes(
        &env,
        "1 customers, 3 invoices, 3 payments, 5 allocations, 0 refunds, 3 activities, 11 audit_events",
    );
}

// ---------------------------------------------------------------------------------------------
// Unallocate and reallocate: reversing rows only
// ---------------------------------------------------------------------------------------------

/// Payment 1: 70.00 cash, 40.00 on 566934 and 20.00 on 566935, 10.00 unallocated; customer 7
/// with invoice 9001 exists too.
fn seventy_on_two_invoices() -> Env {
    let env = Env::seeded();
    add_other_customer(&env);
    env.ok(&[
        "create",
        "--customer",
        "655080",
        "--amount",
        "70",
        "--method",
        "cash",
        "--allocate",
        "566934=40",
        "--allocate",
        "566935=20",
    ]);
    env
}

#[test]
fn unallocate_takes_money_back_with_reversing_rows() {
    let env = seventy_on_two_invoices();
    let original = allocation_rows(&env);
    assert_eq!(
        original,
        ["1|1|566934|4000|allocate|", "2|1|566935|2000|allocate|"]
    );
    env.refused(
        &[
            "unallocate",
            "1",
            "--invoice",
            "566934",
            "--amount",
            "40.01",
        ],
        1,
        "error: cannot unallocate 40.01: payment 1 has only 40.00 allocated to invoice 566934\n",
    );
    env.refused(
        &["unallocate", "1", "--invoice", "566936"],
        1,
        "error: payment 1 has nothing allocated to invoice 566936\n",
    );
    env.refused(
        &["unallocate", "1", "--invoice", "999"],
        3,
        "error: invoice 999 not found; list invoices with: payctl invoice list\n",
    );
    env.refused(
        &["unallocate", "99", "--invoice", "566934"],
        3,
        "error: payment 99 not found; list payments with: payctl list\n",
    );

    // Partial.
    assert_eq!(
        rows(
            &env,
            &["unallocate", "1", "--invoice", "566934", "--amount", "15"],
            OUTCOME_HEADER
        ),
        "1,1,655080,2026-11-21T10:00:00Z,70.00,USD,Cash,,Manual,,566934=25.00;566935=20.00,25.00,70.00,0.00,Successful,false,false,566934:-15.00:75.00:partially_paid\n"
    );
    // Default: all that is left on the invoice; it goes back to unpaid.
    assert_eq!(
        rows(
            &env,
            &["unallocate", "1", "--invoice", "566935"],
            OUTCOME_HEADER
        ),
        "1,1,655080,2026-11-21T10:00:00Z,70.00,USD,Cash,,Manual,,566934=25.00,45.00,70.00,0.00,Successful,false,false,566935:-20.00:20.00:unpaid\n"
    );
    assert_eq!(
        invoices(&env),
        three(
            "566934,566934,655080,USD,100.00,25.00,75.00,partially_paid,true,2026-10-01T00:00:00Z,2026-10-31T00:00:00Z",
            INV_35_UNPAID,
            INV_36_UNPAID
        )
    );
    // Nothing left on 566935 now.
    env.refused(
        &["unallocate", "1", "--invoice", "566935"],
        1,
        "error: payment 1 has nothing allocated to invoice 566935\n",
    );
    // The original rows are untouched; each correction is a new negative row.
    assert_eq!(
        allocation_rows(&env),
        [
            "1|1|566934|4000|allocate|",
            "2|1|566935|2000|allocate|",
            "3|1|566934|-1500|unallocate|",
            "4|1|566935|-2000|unallocate|"
        ]
    );
    assert_eq!(
        log(&env, &["--payment", "1"]),
        r#"8,2026-11-21T10:00:00Z,tester,payment.create,payment,1,655080,1,payctl create --customer 655080 --amount 70 --method cash --allocate 566934=40 --allocate 566935=20,"{""amount"":70.00,""currency"":""USD"",""paymentMethod"":""Cash"",""paymentMethodId"":null,""source"":""Manual"",""reference"":null,""invoiceAllocations"":[{""invoiceId"":566934,""amount"":40.00},{""invoiceId"":566935,""amount"":20.00}]}"
9,2026-11-21T10:00:00Z,tester,payment.unallocate,payment,1,655080,1,payctl unallocate 1 --invoice 566934 --amount 15 -o csv,"{""invoiceId"":566934,""amount"":15.00}"
10,2026-11-21T10:00:00Z,tester,payment.unallocate,payment,1,655080,1,payctl unallocate 1 --invoice 566935 -o csv,"{""invoiceId"":566935,""amount"":20.00}"
"#
    );
    verify_passes(
        &env,
        "2 customers, 4 invoices, 1 payments, 4 allocations, 0 refunds, 1 activities, 10 audit_events",
    );
}

#[test]
fn reallocate_moves_money_in_one_command_with_reversing_rows() {
    let env = seventy_on_two_invoices();
    env.refused(
        &["reallocate", "1", "--from", "566935", "--to", "566935"],
        1,
        "error: --from and --to are both invoice 566935; name two invoices\n",
    );
    env.refused(
        &["reallocate", "1", "--from", "566935", "--to", "9001"],
        1,
        "error: invoice 9001 belongs to customer 7, not customer 655080\n",
    );
    env.refused(
        &["reallocate", "1", "--from", "566935", "--to", "999"],
        3,
        "error: invoice 999 not found; list invoices with: payctl invoice list --customer 655080\n",
    );
    env.refused(
        &["reallocate", "1", "--from", "566936", "--to", "566934"],
        1,
        "error: payment 1 has nothing allocated to invoice 566936\n",
    );
    env.refused(
        &[
            "reallocate",
            "1",
            "--from",
            "566935",
            "--to",
            "566936",
            "--amount",
            "20.01",
        ],
        1,
        "error: cannot move 20.01: payment 1 has only 20.00 allocated to invoice 566935\n",
    );
    // Fill 566936 to 25.00 of 30.00: moving all 20.00 from 566935 would overpay it.
    env.ok(&["allocate", "1", "--invoice", "566936", "--amount", "10"]);
    env.ok(&[
        "create",
        "--customer",
        "655080",
        "--amount",
        "15",
        "--method",
        "cash",
        "--allocate",
        "566936=15",
    ]);
    env.refused(
        &["reallocate", "1", "--from", "566935", "--to", "566936"],
        1,
        "error: allocation of 20.00 to invoice 566936 is more than its outstanding balance 5.00\n",
    );
    // A paid target is refused the same way as a new allocation.
    env.ok(&[
        "reallocate",
        "1",
        "--from",
        "566934",
        "--to",
        "566936",
        "--amount",
        "5",
    ]);
    env.refused(
        &[
            "reallocate",
            "1",
            "--from",
            "566935",
            "--to",
            "566936",
            "--amount",
            "1",
        ],
        1,
        "error: invoice 566936 is paid; only unpaid or partially_paid invoices take payments\n",
    );
    let before = allocation_rows(&env);
    assert_eq!(
        before,
        [
            "1|1|566934|4000|allocate|",
            "2|1|566935|2000|allocate|",
            "3|1|566936|1000|allocate|",
            "4|2|566936|1500|allocate|",
            "5|1|566934|-500|reallocate|",
            "6|1|566936|500|reallocate|"
        ]
    );

    // Partial move.
    assert_eq!(
        rows(
            &env,
            &["reallocate", "1", "--from", "566935", "--to", "566934", "--amount", "5"],
            OUTCOME_HEADER
        ),
        "1,1,655080,2026-11-21T10:00:00Z,70.00,USD,Cash,,Manual,,566934=40.00;566935=15.00;566936=15.00,0.00,70.00,0.00,Successful,false,false,566935:-5.00:5.00:partially_paid;566934:5.00:60.00:partially_paid\n"
    );
    // Default: everything the payment has on --from.
    assert_eq!(
        rows(
            &env,
            &["reallocate", "1", "--from", "566935", "--to", "566934"],
            OUTCOME_HEADER
        ),
        "1,1,655080,2026-11-21T10:00:00Z,70.00,USD,Cash,,Manual,,566934=55.00;566936=15.00,0.00,70.00,0.00,Successful,false,false,566935:-15.00:20.00:unpaid;566934:15.00:45.00:partially_paid\n"
    );
    assert_eq!(
        invoices(&env),
        three(
            "566934,566934,655080,USD,100.00,55.00,45.00,partially_paid,true,2026-10-01T00:00:00Z,2026-10-31T00:00:00Z",
            INV_35_UNPAID,
            INV_36_PAID
        )
    );
    // Two commands, four new rows; none of the old rows changed or went away.
    let after = allocation_rows(&env);
    assert_eq!(after.len(), before.len() + 4);
    assert_eq!(after[..before.len()], before[..]);
    assert_eq!(
        after[before.len()..],
        [
            "7|1|566935|-500|reallocate|",
            "8|1|566934|500|reallocate|",
            "9|1|566935|-1500|reallocate|",
            "10|1|566934|1500|reallocate|"
        ]
    );
    assert_eq!(
        log(&env, &["--payment", "1"]).lines().last().unwrap(),
        r#"13,2026-11-21T10:00:00Z,tester,payment.reallocate,payment,1,655080,1,payctl reallocate 1 --from 566935 --to 566934 -o csv,"{""from"":566935,""to"":566934,""amount"":15.00}""#
    );
    verify_passes(
        &env,
        "2 customers, 4 invoices, 2 payments, 10 allocations, 0 refunds, 2 activities, 13 audit_events",
    );
}

// ---------------------------------------------------------------------------------------------
// Settle (NSF) and void
// ---------------------------------------------------------------------------------------------

/// Adds ACH method 2 and payment 1: 50.00 ACH (Pending), 20.00 on 566935 and 10.00 on 566936;
/// then payment 2: 10.00 cash, unallocated.
fn pending_ach_and_cash() -> Env {
    let env = Env::seeded();
    env.ok(&["method", "add", "--customer", "655080", "--type", "ach"]);
    env.ok(&[
        "create",
        "--customer",
        "655080",
        "--amount",
        "50",
        "--method",
        "ACH",
        "--method-id",
        "2",
        "--allocate",
        "566935=20",
        "--allocate",
        "566936=10",
    ]);
    env.ok(&[
        "create",
        "--customer",
        "655080",
        "--amount",
        "10",
        "--method",
        "cash",
    ]);
    env
}

#[test]
fn settle_failed_is_nsf_reverses_everything_and_blocks_refunds() {
    let env = pending_ach_and_cash();
    assert_eq!(
        payment(&env, "1"),
        "1,1,655080,2026-11-21T10:00:00Z,50.00,USD,ACH,2,Manual,,566935=20.00;566936=10.00,20.00,50.00,0.00,Pending,false\n"
    );
    env.refused(
        &["refund", "1", "--amount", "5"],
        1,
        "error: payment 1 is still Pending settlement; settle it first (payctl settle 1 --status successful)\n",
    );
    // Only Pending payments settle: the cash payment is Successful from the start.
    env.refused(
        &["settle", "2", "--status", "successful"],
        1,
        "error: payment 2 is Successful, not Pending; only Pending payments settle\n",
    );
    env.refused(
        &["settle", "99", "--status", "failed"],
        3,
        "error: payment 99 not found; list payments with: payctl list\n",
    );
    assert_eq!(
        customer(&env),
        "655080,Acme Corp,ap@acme.example,USD,1,OldestToNewest,120.00,30.00\n"
    );

    assert_eq!(
        rows(
            &env,
            &[
                "settle",
                "1",
                "--status",
                "failed",
                "--message",
                "R01 insufficient funds"
            ],
            OUTCOME_HEADER
        ),
        "1,1,655080,2026-11-21T10:00:00Z,50.00,USD,ACH,2,Manual,,,0.00,0.00,0.00,Failed,false,false,566935:-20.00:20.00:unpaid;566936:-10.00:30.00:unpaid\n"
    );
    let doc = env.json(&["show", "1"]);
    assert_eq!(
        serde_json::to_string_pretty(&doc["settlement"]).unwrap(),
        r#"{
  "status": "Failed",
  "modifiedTimestamp": "2026-11-21T10:00:00Z",
  "lastCheckedTimestamp": null,
  "nextCheckTimestamp": null,
  "message": "R01 insufficient funds"
}"#
    );
    // Every allocation reversed: the invoices reopen, and the payment no longer counts.
    assert_eq!(
        invoices(&env),
        three(INV_34_UNPAID, INV_35_UNPAID, INV_36_UNPAID)
    );
    assert_eq!(
        customer(&env),
        "655080,Acme Corp,ap@acme.example,USD,1,OldestToNewest,150.00,10.00\n"
    );
    assert_eq!(
        allocation_rows(&env),
        [
            "1|1|566935|2000|allocate|",
            "2|1|566936|1000|allocate|",
            "3|1|566935|-2000|nsf|",
            "4|1|566936|-1000|nsf|"
        ]
    );
    assert_eq!(
        rows(&env, &["activity", "list", "--type", "nsf"], ACTIVITY_HEADER),
        "3,655080,NSF,Failed,50.00,USD,ACH,2,Manual,2026-11-21T10:00:00Z,R01 insufficient funds,1\n"
    );
    // Afterwards: no refund, no second settlement, no new allocation, no void.
    env.refused(
        &["refund", "1", "--amount", "1"],
        1,
        "error: payment 1 failed settlement (NSF); it cannot be refunded\n",
    );
    env.refused(
        &["settle", "1", "--status", "successful"],
        1,
        "error: payment 1 is Failed, not Pending; only Pending payments settle\n",
    );
    env.refused(
        &["allocate", "1", "--invoice", "566934", "--amount", "1"],
        1,
        "error: payment 1 failed settlement (NSF); it cannot be allocated\n",
    );
    env.refused(
        &["void", "1", "--reason", "bounced"],
        1,
        "error: payment 1 failed settlement (NSF); it already counts for nothing\n",
    );
    assert_eq!(
        log(&env, &["--payment", "1"]).lines().last().unwrap(),
        r#"9,2026-11-21T10:00:00Z,tester,payment.nsf,payment,1,655080,1,payctl settle 1 --status failed --message 'R01 insufficient funds' -o csv,"{""status"":""Failed"",""message"":""R01 insufficient funds"",""reversed"":[{""invoiceId"":566935,""amount"":20.00},{""invoiceId"":566936,""amount"":10.00}]}""#
    );
    verify_passes(
        &env,
        "1 customers, 3 invoices, 2 payments, 4 allocations, 0 refunds, 3 activities, 9 audit_events",
    );
}

#[test]
fn settle_successful_then_the_payment_can_be_refunded() {
    let env = pending_ach_and_cash();
    assert_eq!(
        rows(&env, &["settle", "1", "--status", "Successful"], OUTCOME_HEADER),
        "1,1,655080,2026-11-21T10:00:00Z,50.00,USD,ACH,2,Manual,,566935=20.00;566936=10.00,20.00,50.00,0.00,Successful,false,false,\n"
    );
    assert_eq!(
        serde_json::to_string_pretty(&env.json(&["show", "1"])["settlement"]).unwrap(),
        r#"{
  "status": "Successful",
  "modifiedTimestamp": "2026-11-21T10:00:00Z",
  "lastCheckedTimestamp": null,
  "nextCheckTimestamp": null,
  "message": null
}"#
    );
    env.refused(
        &["settle", "1", "--status", "failed"],
        1,
        "error: payment 1 is Successful, not Pending; only Pending payments settle\n",
    );
    assert_eq!(env.ok(&["refund", "1", "--amount", "5", "-q"]), "1\n");
    assert_eq!(
        payment(&env, "1"),
        "1,1,655080,2026-11-21T10:00:00Z,50.00,USD,ACH,2,Manual,,566935=20.00;566936=10.00,15.00,45.00,0.00,Successful,false\n"
    );
    // No NSF activity for a successful settlement.
    assert_eq!(
        rows(
            &env,
            &["activity", "list", "--type", "NSF"],
            ACTIVITY_HEADER
        ),
        ""
    );
    verify_passes(
        &env,
        "1 customers, 3 invoices, 2 payments, 2 allocations, 1 refunds, 3 activities, 10 audit_events",
    );
}

#[test]
fn void_reverses_allocations_keeps_the_row_and_leaves_balances() {
    let env = Env::seeded();
    env.ok(&[
        "create",
        "--customer",
        "655080",
        "--amount",
        "50",
        "--method",
        "cash",
        "--allocate",
        "566935=20",
        "--allocate",
        "566936=10",
    ]);
    env.ok(&[
        "create",
        "--customer",
        "655080",
        "--amount",
        "10",
        "--method",
        "cash",
    ]);
    assert_eq!(
        customer(&env),
        "655080,Acme Corp,ap@acme.example,USD,1,OldestToNewest,120.00,30.00\n"
    );
    env.refused(
        &["void", "1", "--reason", "  "],
        1,
        "error: reason is empty; say why (it is kept in the audit trail)\n",
    );
    env.refused(
        &["void", "99", "--reason", "typo"],
        3,
        "error: payment 99 not found; list payments with: payctl list\n",
    );

    assert_eq!(
        rows(
            &env,
            &["void", "1", "--reason", "entered twice"],
            OUTCOME_HEADER
        ),
        "1,1,655080,2026-11-21T10:00:00Z,50.00,USD,Cash,,Manual,,,0.00,0.00,0.00,Successful,true,false,566935:-20.00:20.00:unpaid;566936:-10.00:30.00:unpaid\n"
    );
    // The row stays: show still works, and says voided.
    assert_eq!(
        payment(&env, "1"),
        "1,1,655080,2026-11-21T10:00:00Z,50.00,USD,Cash,,Manual,,,0.00,0.00,0.00,Successful,true\n"
    );
    assert_eq!(env.json(&["show", "1"])["voided"].to_string(), "true");
    assert_eq!(
        invoices(&env),
        three(INV_34_UNPAID, INV_35_UNPAID, INV_36_UNPAID)
    );
    // Out of the customer's available funds (only payment 2's 10.00 is left) and of --unallocated.
    assert_eq!(
        customer(&env),
        "655080,Acme Corp,ap@acme.example,USD,1,OldestToNewest,150.00,10.00\n"
    );
    assert_eq!(
        rows(&env, &["list", "--unallocated"], PAYMENT_HEADER),
        "2,2,655080,2026-11-21T10:00:00Z,10.00,USD,Cash,,Manual,,,10.00,10.00,0.00,Successful,false\n"
    );
    assert_eq!(
        allocation_rows(&env),
        [
            "1|1|566935|2000|allocate|",
            "2|1|566936|1000|allocate|",
            "3|1|566935|-2000|void|",
            "4|1|566936|-1000|void|"
        ]
    );
    env.refused(
        &["void", "1", "--reason", "again"],
        1,
        "error: payment 1 is already void\n",
    );
    env.refused(
        &["refund", "1", "--amount", "1"],
        1,
        "error: payment 1 is void; it cannot be refunded\n",
    );
    env.refused(
        &["allocate", "1", "--auto"],
        1,
        "error: payment 1 is void; it cannot be allocated\n",
    );
    // A payment with refunds cannot be voided.
    assert_eq!(env.ok(&["refund", "2", "--amount", "1", "-q"]), "1\n");
    env.refused(
        &["void", "2", "--reason", "oops"],
        1,
        "error: payment 2 has refunds (1.00); a refunded payment cannot be voided\n",
    );
    assert_eq!(
        log(&env, &["--payment", "1"]).lines().last().unwrap(),
        r#"8,2026-11-21T10:00:00Z,tester,payment.void,payment,1,655080,1,payctl void 1 --reason 'entered twice' -o csv,"{""reason"":""entered twice"",""reversed"":[{""invoiceId"":566935,""amount"":20.00},{""invoiceId"":566936,""amount"":10.00}]}""#
    );
    verify_passes(
        &env,
        "1 customers, 3 invoices, 2 payments, 4 allocations, 1 refunds, 3 activities, 9 audit_events",
    );
}

// ---------------------------------------------------------------------------------------------
// Activities
// ---------------------------------------------------------------------------------------------

#[test]
fn activity_add_records_a_declined_attempt_without_a_payment() {
    let env = Env::seeded();
    env.ok(&["customer", "add", "--id", "7", "--name", "Other"]);
    env.ok(&[
        "create",
        "--customer",
        "655080",
        "--amount",
        "10",
        "--method",
        "cash",
    ]);
    assert_eq!(
        serde_json::to_string_pretty(&env.json(&[
            "activity",
            "add",
            "--customer",
            "655080",
            "--amount",
            "25.00",
            "--method",
            "credit-card",
            "--method-id",
            "1",
            "--status",
            "failed",
            "--message",
            "card declined",
        ]))
        .unwrap(),
        r#"{
  "id": 2,
  "customerId": 655080,
  "transactionType": "Collect",
  "status": "Failed",
  "amount": 25.00,
  "currency": "USD",
  "paymentMethod": "CreditCard",
  "paymentMethodId": 1,
  "source": "Manual",
  "effectiveTimestamp": "2026-11-21T10:00:00Z",
  "message": "card declined",
  "paymentId": null
}"#
    );
    assert_eq!(
        env.ok(&[
            "activity",
            "add",
            "--customer",
            "7",
            "--amount",
            "5",
            "--method",
            "paypal",
            "--status",
            "unknown",
            "--message",
            "gateway timeout",
            "-q",
        ]),
        "3\n"
    );
    // No payment was made by either attempt.
    assert_eq!(
        rows(&env, &["list"], PAYMENT_HEADER),
        "1,1,655080,2026-11-21T10:00:00Z,10.00,USD,Cash,,Manual,,,10.00,10.00,0.00,Successful,false\n"
    );

    let collect = "1,655080,Collect,Successful,10.00,USD,Cash,,Manual,2026-11-21T10:00:00Z,,1\n";
    let declined =
        "2,655080,Collect,Failed,25.00,USD,CreditCard,1,Manual,2026-11-21T10:00:00Z,card declined,\n";
    let unknown =
        "3,7,Collect,Unknown,5.00,USD,Paypal,,Manual,2026-11-21T10:00:00Z,gateway timeout,\n";
    let list = |args: &[&str]| {
        let mut all = vec!["activity", "list"];
        all.extend(args);
        rows(&env, &all, ACTIVITY_HEADER)
    };
    assert_eq!(list(&[]), format!("{collect}{declined}{unknown}"));
    assert_eq!(
        list(&["--customer", "655080"]),
        format!("{collect}{declined}")
    );
    assert_eq!(list(&["--customer", "7"]), unknown);
    assert_eq!(list(&["--status", "failed"]), declined);
    assert_eq!(list(&["--status", "Successful"]), collect);
    assert_eq!(list(&["--type", "collect", "--status", "unknown"]), unknown);
    assert_eq!(list(&["--type", "refund"]), "");
    assert_eq!(list(&["--customer", "7", "--status", "failed"]), "");

    env.refused(
        &[
            "activity",
            "add",
            "--customer",
            "655080",
            "--amount",
            "1",
            "--method",
            "cash",
            "--status",
            "failed",
            "--message",
            " ",
        ],
        1,
        "error: message is empty; say what happened (\"card declined\")\n",
    );
    env.refused(
        &[
            "activity",
            "add",
            "--customer",
            "7",
            "--amount",
            "1",
            "--method",
            "credit-card",
            "--method-id",
            "1",
            "--status",
            "failed",
            "--message",
            "declined",
        ],
        1,
        "error: payment method 1 not found for customer 7\n",
    );
    env.refused(
        &[
            "activity",
            "add",
            "--customer",
            "99",
            "--amount",
            "1",
            "--method",
            "cash",
            "--status",
            "failed",
            "--message",
            "declined",
        ],
        3,
        "error: customer 99 not found; add it with: payctl customer add --id 99 --name ...\n",
    );
    env.refused(
        &["activity", "list", "--customer", "99"],
        3,
        "error: customer 99 not found; add it with: payctl customer add --id 99 --name ...\n",
    );
    assert_eq!(
        log(&env, &["--customer", "7"]),
        r#"6,2026-11-21T10:00:00Z,tester,customer.add,customer,7,7,,payctl customer add --id 7 --name Other,"{""name"":""Other"",""email"":null,""currency"":""USD"",""autoAllocateOrder"":""OldestToNewest""}"
9,2026-11-21T10:00:00Z,tester,activity.add,activity,3,7,,payctl activity add --customer 7 --amount 5 --method paypal --status unknown --message 'gateway timeout' -q,"{""status"":""Unknown"",""amount"":5.00,""paymentMethod"":""Paypal"",""message"":""gateway timeout""}"
"#
    );
    verify_passes(
        &env,
        "2 customers, 3 invoices, 1 payments, 0 allocations, 0 refunds, 3 activities, 9 audit_events",
    );
}

#[test]
fn bad_enum_values_are_usage_errors() {
    let env = Env::seeded();
    env.ok(&[
        "create",
        "--customer",
        "655080",
        "--amount",
        "10",
        "--method",
        "cash",
    ]);
    let more = "\n\nFor more information, try '--help'.\n";
    env.refused(
        &["settle", "1", "--status", "bogus"],
        2,
        &format!("error: invalid value 'bogus' for '--status <STATUS>'\n  [possible values: successful, failed]{more}"),
    );
    env.refused(
        &["refund", "1", "--amount", "1", "--method", "bitcoin"],
        2,
        &format!("error: invalid value 'bitcoin' for '--method <METHOD>': 'bitcoin' is not allowed; allowable values are: original, check, cash, direct-deposit{more}"),
    );
    env.refused(
        &["activity", "list", "--status", "weird"],
        2,
        &format!("error: invalid value 'weird' for '--status <STATUS>': 'weird' is not allowed; allowable values are: Successful, Failed, Unknown{more}"),
    );
    env.refused(
        &["activity", "list", "--type", "weird"],
        2,
        &format!("error: invalid value 'weird' for '--type <TYPE>': 'weird' is not allowed; allowable values are: Collect, Refund, NSF{more}"),
    );
    env.refused(
        &[
            "activity", "add", "--customer", "655080", "--amount", "1", "--method", "cash",
            "--status", "successful", "--message", "x",
        ],
        2,
        &format!("error: invalid value 'successful' for '--status <STATUS>'\n  [possible values: failed, unknown]{more}"),
    );
    env.refused(
        &[
            "activity", "add", "--customer", "655080", "--amount", "1", "--method", "bogus",
            "--status", "failed", "--message", "x",
        ],
        2,
        &format!("error: invalid value 'bogus' for '--method <METHOD>': 'bogus' is not allowed; allowable values are: Cash, Check, CreditCard, DirectDeposit, ACH, Paypal{more}"),
    );
    env.refused(
        &["refund", "1", "--amount", "-5"],
        2,
        &format!("error: invalid value '-5' for '--amount <AMOUNT>': amount '-5' is negative; amounts are positive plain decimals such as 50.78{more}"),
    );
}

#[test]
fn json_errors_use_fusebills_shape_on_stderr() {
    let env = Env::seeded();
    env.ok(&[
        "create",
        "--customer",
        "655080",
        "--amount",
        "10",
        "--method",
        "cash",
    ]);
    env.refused(
        &["refund", "1", "--amount", "10.01", "-o", "json"],
        1,
        r#"{
  "ErrorId": 0,
  "HttpStatusCode": 400,
  "Errors": [
    {
      "Key": "amount",
      "Value": "refund of 10.01 is more than payment 1's refundable amount 10.00"
    }
  ]
}
"#,
    );
    env.refused(
        &["void", "42", "--reason", "typo", "-o", "json"],
        3,
        r#"{
  "ErrorId": 0,
  "HttpStatusCode": 404,
  "Errors": [
    {
      "Key": "paymentId",
      "Value": "payment 42 not found; list payments with: payctl list"
    }
  ]
}
"#,
    );
}

// ---------------------------------------------------------------------------------------------
// 3. The ledger defends itself: append-only triggers, and verify catches what gets past them
// ---------------------------------------------------------------------------------------------

fn open_rw(env: &Env) -> rusqlite::Connection {
    rusqlite::Connection::open(&env.db).expect("open ledger")
}

#[test]
fn append_only_triggers_refuse_update_and_delete_of_money_rows_from_outside() {
    crate::sqlite_only!();
    let env = Env::seeded();
    // A row in every money table.
    env.ok(&[
        "create",
        "--customer",
        "655080",
        "--amount",
        "50",
        "--method",
        "cash",
        "--allocate",
        "566934=40",
        "--idempotency-key",
        "k-1",
    ]);
    env.ok(&["refund", "1", "--amount", "5"]);
    env.ok(&[
        "create",
        "--customer",
        "655080",
        "--amount",
        "5",
        "--method",
        "cash",
    ]);
    env.ok(&["void", "2", "--reason", "typo"]);
    env.ok(&["invoice", "write-off", "566936", "--reason", "bad debt"]);
    let before = env.snapshot();

    let conn = open_rw(&env);
    for (table, what) in [
        ("invoice_closures", "invoice closures are append-only"),
        ("payments", "payments are append-only"),
        ("payment_events", "payment events are append-only"),
        ("refunds", "refunds are append-only"),
        ("allocations", "allocations are append-only"),
        ("activities", "activities are append-only"),
        ("audit_events", "the audit trail is append-only"),
    ] {
        let err = conn
            .execute(&format!("UPDATE {table} SET rowid = rowid"), [])
            .expect_err(table);
        assert_eq!(err.to_string(), format!("payctl: {what}"), "UPDATE {table}");
        let err = conn
            .execute(&format!("DELETE FROM {table}"), [])
            .expect_err(table);
        assert_eq!(
            err.to_string(),
            format!("payctl: {what}"),
            "DELETE FROM {table}"
        );
    }
    let err = conn
        .execute("UPDATE idempotency_keys SET key = 'k-2'", [])
        .expect_err("idempotency_keys");
    assert_eq!(err.to_string(), "payctl: idempotency keys never change");
    let err = conn
        .execute("DELETE FROM idempotency_keys", [])
        .expect_err("idempotency_keys");
    assert_eq!(err.to_string(), "payctl: idempotency keys never expire");
    // The two statements the issue names, verbatim.
    let err = conn
        .execute("UPDATE allocations SET amount = 1 WHERE id = 1", [])
        .unwrap_err();
    assert_eq!(err.to_string(), "payctl: allocations are append-only");
    let err = conn.execute("DELETE FROM payments", []).unwrap_err();
    assert_eq!(err.to_string(), "payctl: payments are append-only");
    // An invoice's number and due date may change (`invoice edit`); its money, customer,
    // currency, dates and id may not, however the column is named, and it is never deleted.
    for change in [
        "total = total + 1",
        "customer_id = 2",
        "currency = 'EUR'",
        "effective_at = '2026-01-01T00:00:00Z'",
        "rowid = 999",
        "id = 999",
    ] {
        let err = conn
            .execute(
                &format!("UPDATE invoices SET {change} WHERE id = 566934"),
                [],
            )
            .expect_err(change);
        assert_eq!(
            err.to_string(),
            "payctl: invoices are append-only but for their number and due date",
            "{change}"
        );
    }
    let err = conn.execute("DELETE FROM invoices", []).unwrap_err();
    assert_eq!(err.to_string(), "payctl: invoices are append-only");
    let err = conn
        .execute("UPDATE customers SET currency = 'EUR'", [])
        .unwrap_err();
    assert_eq!(
        err.to_string(),
        "payctl: the id and currency of a customer never change"
    );
    drop(conn);

    assert_eq!(before, env.snapshot());
    verify_passes(
        &env,
        "1 customers, 3 invoices, 2 payments, 1 allocations, 1 refunds, 3 activities, 10 audit_events",
    );
}

#[test]
fn verify_names_the_records_an_edit_behind_payctls_back_broke() {
    crate::sqlite_only!();
    let env = Env::seeded();
    env.ok(&[
        "create",
        "--customer",
        "655080",
        "--amount",
        "50",
        "--method",
        "cash",
        "--allocate",
        "566934=40",
    ]);
    verify_passes(
        &env,
        "1 customers, 3 invoices, 1 payments, 1 allocations, 0 refunds, 1 activities, 6 audit_events",
    );
    // Someone with sqlite3 removes the guard and turns the 40.00 allocation into 110.00.
    let conn = open_rw(&env);
    conn.execute_batch(
        "DROP TRIGGER allocations_no_update; UPDATE allocations SET amount = 11000 WHERE id = 1;",
    )
    .unwrap();
    drop(conn);
    env.refused(
        &["verify"],
        1,
        "error: payment 1: cached allocated 4000 / refunded 0 / written off 0 (minor units) but its rows say 11000 / 0 / 0
error: payment 1: amount 5000 < allocated 11000 + refunded 0 + credit written off 0 (minor units)
error: invoice 566934: cached allocated 4000 but its rows say 11000; cached closure none but its rows say none; cached adjustments 0 but its rows say 0
error: invoice 566934: closed or paid but listed as open
error: invoice 566934: allocated 11000 + written off 0 is outside 0..total 10000 + adjustments 0 (minor units)
",
    );
    // The same with -o json: one Fusebill error document, one entry per broken record.
    env.refused(
        &["verify", "-o", "json"],
        1,
        r#"{
  "ErrorId": 0,
  "HttpStatusCode": 400,
  "Errors": [
    {
      "Key": "verify",
      "Value": "payment 1: cached allocated 4000 / refunded 0 / written off 0 (minor units) but its rows say 11000 / 0 / 0"
    },
    {
      "Key": "verify",
      "Value": "payment 1: amount 5000 < allocated 11000 + refunded 0 + credit written off 0 (minor units)"
    },
    {
      "Key": "verify",
      "Value": "invoice 566934: cached allocated 4000 but its rows say 11000; cached closure none but its rows say none; cached adjustments 0 but its rows say 0"
    },
    {
      "Key": "verify",
      "Value": "invoice 566934: closed or paid but listed as open"
    },
    {
      "Key": "verify",
      "Value": "invoice 566934: allocated 11000 + written off 0 is outside 0..total 10000 + adjustments 0 (minor units)"
    }
  ]
}
"#,
    );
}

#[test]
fn verify_names_a_payment_whose_amount_was_edited_and_a_deleted_refund() {
    crate::sqlite_only!();
    let env = Env::seeded();
    env.ok(&[
        "create",
        "--customer",
        "655080",
        "--amount",
        "50",
        "--method",
        "cash",
        "--allocate",
        "566934=40",
    ]);
    env.ok(&["refund", "1", "--amount", "5"]);
    let conn = open_rw(&env);
    conn.execute_batch(
        "PRAGMA foreign_keys = OFF;
         DROP TRIGGER payments_no_update; UPDATE payments SET amount = 3000 WHERE id = 1;
         DROP TRIGGER refunds_no_delete; DELETE FROM refunds;",
    )
    .unwrap();
    drop(conn);
    env.refused(
        &["verify"],
        1,
        "error: foreign_key_check: activities row 2 refers to a missing refunds row
error: payment 1: cached allocated 4000 / refunded 500 / written off 0 (minor units) but its rows say 4000 / 0 / 0
error: payment 1: amount 3000 < allocated 4000 + refunded 0 + credit written off 0 (minor units)
error: currency USD: ledger total 20000 but its invoices and payments add up to 18000 (minor units)
",
    );
}

/// A small deterministic generator (xorshift64), so the "random" bytes are the same every run.
fn noise(seed: u64, len: usize) -> Vec<u8> {
    let mut x = seed;
    (0..len)
        .map(|_| {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            (x >> 32) as u8
        })
        .collect()
}

#[test]
fn verify_catches_random_bytes_over_a_page_and_never_panics() {
    crate::sqlite_only!();
    let env = Env::seeded();
    env.ok(&[
        "create",
        "--customer",
        "655080",
        "--amount",
        "50",
        "--method",
        "cash",
        "--allocate",
        "566934=40",
    ]);
    // Six hundred more invoices, through the normal schema (its triggers fill the caches).
    let conn = open_rw(&env);
    conn.execute_batch("BEGIN").unwrap();
    for i in 0..600 {
        conn.execute(
            "INSERT INTO invoices (id, invoice_number, customer_id, currency, total, effective_at, due_at, created_at)
             VALUES (?1, 'BULK-' || ?1, 655080, 'USD', ?2, '2026-09-01T00:00:00Z', '2026-10-01T00:00:00Z', '2026-11-21T10:00:00Z')",
            rusqlite::params![700_000 + i, 1_000 + i],
        )
        .unwrap();
    }
    // ... and the USD ledger total that payctl would have kept for them.
    conn.execute(
        "UPDATE currency_totals SET total = total + (SELECT sum(total) FROM invoices WHERE id >= 700000)
         WHERE currency = 'USD'",
        [],
    )
    .unwrap();
    conn.execute_batch("COMMIT").unwrap();
    let page_size: i64 = conn
        .query_row("PRAGMA page_size", [], |r| r.get(0))
        .unwrap();
    let pages: i64 = conn
        .query_row("PRAGMA page_count", [], |r| r.get(0))
        .unwrap();
    conn.query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |_| Ok(()))
        .unwrap();
    drop(conn);
    assert!(pages >= 20, "only {pages} pages");
    verify_passes(
        &env,
        "1 customers, 603 invoices, 1 payments, 1 allocations, 0 refunds, 1 activities, 6 audit_events",
    );

    let clean = std::fs::read(&env.db).unwrap();
    assert_eq!(
        clean.len() as i64,
        pages * page_size,
        "the WAL was not checkpointed"
    );
    for (n, page) in [pages / 4, pages / 2, 3 * pages / 4]
        .into_iter()
        .enumerate()
    {
        let mut bytes = clean.clone();
        let start = ((page - 1) * page_size) as usize;
        bytes[start..start + page_size as usize]
            .copy_from_slice(&noise(0x9E37_79B9_7F4A_7C15 + n as u64, page_size as usize));
        for suffix in ["-wal", "-shm"] {
            let _ = std::fs::remove_file(format!("{}{suffix}", env.db.display()));
        }
        std::fs::write(&env.db, &bytes).unwrap();
        let run = env.run(&["verify"]);
        assert_eq!(
            (run.code, run.stdout.as_str()),
            (1, ""),
            "page {page}\nstderr:\n{}",
            run.stderr
        );
        assert!(
            !run.stderr.contains("panicked"),
            "page {page}: {}",
            run.stderr
        );
        // One line per finding, each SQLite's integrity_check, and one of them names the page
        // the bytes went over.
        let lines: Vec<&str> = run.stderr.lines().collect();
        assert_eq!(
            lines[0], "error: integrity_check: *** in database main ***",
            "page {page}: {}",
            run.stderr
        );
        assert!(
            lines
                .iter()
                .all(|l| l.starts_with("error: integrity_check: ")),
            "page {page}: {}",
            run.stderr
        );
        assert!(
            lines.iter().any(|l| l.contains(&format!(" page {page}: "))),
            "page {page} is not named: {}",
            run.stderr
        );
        eprintln!("page {page} of {pages}: exit {}\n{}", run.code, run.stderr);
    }
}

/// A write-off takes what is outstanding and its allocations are final: a payment that paid
/// part of the invoice before can then be neither bounced nor voided, or the money it paid
/// would vanish from every balance.
#[test]
fn a_payment_on_an_invoice_written_off_since_cannot_bounce_or_be_voided() {
    let env = Env::seeded();
    let id = env.ok(&[
        "create",
        "--customer",
        "655080",
        "--amount",
        "40",
        "--method",
        "direct-deposit",
        "--allocate",
        "566934=40",
        "-q",
    ]);
    assert_eq!(id, "1\n");
    env.ok(&["invoice", "write-off", "566934", "--reason", "bad debt"]);
    env.refused(
        &["settle", "1", "--status", "failed"],
        1,
        "error: payment 1 paid 40.00 of invoice 566934, which was written off since; its allocations are final, so the payment cannot be marked failed (NSF)\n",
    );
    env.refused(
        &["void", "1", "--reason", "typo"],
        1,
        "error: payment 1 paid 40.00 of invoice 566934, which was written off since; its allocations are final, so the payment cannot be voided\n",
    );
    // Settling it successfully is still allowed, and the books still add up.
    env.ok(&["settle", "1", "--status", "successful"]);
    let invoice = env.json(&["invoice", "show", "566934"]);
    assert_eq!(
        (
            invoice["status"].as_str(),
            invoice["totalPayments"].to_string(),
            invoice["outstandingBalance"].to_string()
        ),
        (Some("written_off"), "40.00".to_string(), "0.00".to_string())
    );
    assert_eq!(env.run(&["verify"]).code, 0);
}

#[test]
fn verify_names_a_currency_whose_ledger_total_was_edited() {
    crate::sqlite_only!();
    let env = Env::seeded();
    env.ok(&[
        "create",
        "--customer",
        "655080",
        "--amount",
        "50",
        "--method",
        "cash",
    ]);
    let conn = open_rw(&env);
    conn.execute_batch(
        "UPDATE currency_totals SET total = total - 1 WHERE currency = 'USD';
         INSERT INTO currency_totals (currency, total) VALUES ('JPY', 7);",
    )
    .unwrap();
    drop(conn);
    // Seeded invoices 150.00 plus the payment's 50.00.
    env.refused(
        &["verify"],
        1,
        "error: currency USD: ledger total 19999 but its invoices and payments add up to 20000 (minor units)
error: currency JPY: ledger total 7 but it has no invoices or payments
",
    );
}
