//! After the payment (SPEC §6, issue 4): allocate, unallocate, reallocate, refund, settle, void,
//! activities, the audit log, verify, and the append-only triggers.
//!
//! Records are checked through their whole CSV rows (every field of a payment, invoice,
//! customer or activity), so one comparison covers every value.

use crate::common::Env;

const PAYMENT_HEADER: &str = "id,paymentActivityId,customerId,effectiveTimestamp,amount,currency,paymentMethod,paymentMethodId,source,reference,invoiceAllocations,unallocatedAmount,refundableAmount,gatewayFee,settlement,voided";
const INVOICE_HEADER: &str = "id,invoiceNumber,customerId,currency,invoiceAmount,totalPayments,outstandingBalance,status,overdue,effectiveTimestamp,dueDate";
const CUSTOMER_HEADER: &str =
    "id,name,email,currency,defaultPaymentMethodId,autoAllocateOrder,outstandingBalance,availableFunds";
const ACTIVITY_HEADER: &str = "id,customerId,transactionType,status,amount,currency,paymentMethod,paymentMethodId,source,effectiveTimestamp,message,paymentId";
const LOG_HEADER: &str =
    "id,at,osUser,action,entity,entityId,customerId,paymentId,command,detail";

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
  ok  no invoice is allocated past its total
  ok  void invoices have nothing allocated
  ok  payment status matches its events
  ok  bounced and void payments have nothing allocated
  ok  allocations join a payment and an invoice of one customer and currency
  ok  every payment has its Collect activity
  ok  every refund has its Refund activity
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
    let conn = rusqlite::Connection::open_with_flags(
        &env.db,
        rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY,
    )
    .unwrap();
    let mut stmt = conn
        .prepare(
            "SELECT id, payment_id, invoice_id, amount, kind, coalesce(refund_id, '') FROM allocations ORDER BY id",
        )
        .unwrap();
    stmt.query_map([], |r| {
        Ok(format!(
            "{}|{}|{}|{}|{}|{}",
            r.get::<_, i64>(0)?,
            r.get::<_, i64>(1)?,
            r.get::<_, i64>(2)?,
            r.get::<_, i64>(3)?,
            r.get::<_, String>(4)?,
            r.get::<_, rusqlite::types::Value>(5).map(|v| match v {
                rusqlite::types::Value::Integer(i) => i.to_string(),
                _ => String::new(),
            })?
        ))
    })
    .unwrap()
    .collect::<Result<_, _>>()
    .unwrap()
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
            PAYMENT_HEADER
        ),
        "1,1,655080,2026-11-21T10:00:00Z,20.00,USD,CreditCard,1,Manual,INV-PAY-1,566936=20.00,0.00,20.00,0.00,Successful,false\n"
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
            PAYMENT_HEADER
        ),
        "1,1,655080,2026-11-21T10:00:00Z,20.00,USD,CreditCard,1,Manual,INV-PAY-1,566935=20.00,0.00,20.00,0.00,Successful,false\n"
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
            PAYMENT_HEADER
        ),
        "2,3,655080,2026-11-21T10:00:00Z,30.00,USD,ACH,2,Manual,,,0.00,0.00,0.00,Failed,false\n"
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
