//! Issue 6, the reports: aging (every bucket boundary, by due and invoice date, as of a point
//! in time), the customer statement (running balance ending at the customer's outstanding
//! balance), balances, currencies kept apart, all output formats, 80 columns, and that reports
//! only read: no write lock, no file created, a read-only ledger file and folder.

use std::os::unix::fs::PermissionsExt;
use std::path::Path;

use crate::common::{Env, Run, NOW};

/// Lines joined with `\n`, plus the final newline every output ends with.
fn text(lines: &[&str]) -> String {
    let mut out = lines.join("\n");
    out.push('\n');
    out
}

/// Runs payctl with the clock at `now` and returns its stdout; it must succeed.
#[track_caller]
fn ok_at(env: &Env, now: &str, args: &[&str]) -> String {
    let out = env
        .command(args)
        .env("PAYCTL_NOW", now)
        .output()
        .expect("run payctl");
    assert!(
        out.status.success(),
        "payctl {args:?} at {now} failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

/// The data lines of a CSV report (without its header).
fn csv_body(env: &Env, args: &[&str]) -> String {
    let mut all = args.to_vec();
    all.extend(["-o", "csv"]);
    let out = env.ok(&all);
    out.split_once('\n').unwrap().1.to_string()
}

const AGING_CSV_HEADER: &str =
    "customerId,customerName,currency,current,days1To30,days31To60,days61To90,days90Plus,total";

/// Customer 655080 with one invoice due `k` days before NOW for each boundary day k (0, 1,
/// 30, 31, 60, 61, 90, 91), dated 30 days before its due day (net30). Invoice 100+k is for
/// 2^i dollars (i its position), so each bucket's sum says which invoices are in it.
fn boundaries() -> Env {
    let env = Env::new();
    env.ok(&["customer", "add", "--id", "655080", "--name", "Acme Corp"]);
    let dates = [
        // (k, invoice date = due - 30 days)
        (0, "2026-10-22"),
        (1, "2026-10-21"),
        (30, "2026-09-22"),
        (31, "2026-09-21"),
        (60, "2026-08-23"),
        (61, "2026-08-22"),
        (90, "2026-07-24"),
        (91, "2026-07-23"),
    ];
    for (i, (k, date)) in dates.iter().enumerate() {
        let id = (100 + k).to_string();
        let total = (1u32 << i).to_string();
        env.ok(&[
            "invoice",
            "add",
            "--customer",
            "655080",
            "--id",
            &id,
            "--total",
            &total,
            "--date",
            date,
            "--terms",
            "net30",
        ]);
    }
    env
}

#[test]
fn aging_by_due_date_puts_each_boundary_day_in_its_bucket() {
    let env = boundaries();
    // Due dates are NOW minus 0, 1, 30, 31, 60, 61, 90 and 91 days. Day 0 (due today) is
    // Current, as `overdue` is false on the due day; 1 and 30 are 1–30 (2 + 4); 31 and 60 are
    // 31–60 (8 + 16); 61 and 90 are 61–90 (32 + 64); 91 is 90+ (128).
    assert_eq!(
        env.ok(&["invoice", "list", "-o", "csv"])
            .lines()
            .map(|l| l.split(',').nth(10).unwrap())
            .collect::<Vec<_>>(),
        vec![
            "dueDate",
            "2026-11-21T00:00:00Z",
            "2026-11-20T00:00:00Z",
            "2026-10-22T00:00:00Z",
            "2026-10-21T00:00:00Z",
            "2026-09-22T00:00:00Z",
            "2026-09-21T00:00:00Z",
            "2026-08-23T00:00:00Z",
            "2026-08-22T00:00:00Z",
        ]
    );
    assert_eq!(
        env.ok(&["report", "aging"]),
        text(&[
            "Aging by due date on 2026-11-21 (every row recorded)",
            "───────────────────────────────────────────────────────────────────",
            " Customer          Cur  Current  1–30  31–60  61–90     90+   Total",
            "═══════════════════════════════════════════════════════════════════",
            " 655080 Acme Corp  USD     1.00  6.00  24.00  96.00  128.00  255.00",
            " Total             USD     1.00  6.00  24.00  96.00  128.00  255.00",
            "───────────────────────────────────────────────────────────────────",
        ])
    );
    // The same point in time given explicitly, as a day or as the moment itself.
    for as_of in ["2026-11-21", "2026-11-21T10:00:00Z"] {
        assert_eq!(
            csv_body(&env, &["report", "aging", "--as-of", as_of]),
            text(&[
                "655080,Acme Corp,USD,1.00,6.00,24.00,96.00,128.00,255.00",
                ",Total,USD,1.00,6.00,24.00,96.00,128.00,255.00",
            ]),
            "--as-of {as_of}"
        );
    }
    // A day later every invoice is one day older: 0→1, 1→2 (1–30: 1 + 2), 30→31, 31→32
    // (31–60: 4 + 8), 60→61, 61→62 (61–90: 16 + 32), 90→91, 91→92 (90+: 64 + 128).
    assert_eq!(
        csv_body(&env, &["report", "aging", "--as-of", "2026-11-22"]),
        text(&[
            "655080,Acme Corp,USD,0.00,3.00,12.00,48.00,192.00,255.00",
            ",Total,USD,0.00,3.00,12.00,48.00,192.00,255.00",
        ])
    );
}

#[test]
fn aging_by_invoice_date_counts_days_since_the_invoice() {
    let env = boundaries();
    // Invoice dates are 30 days before the due dates: 30 (1–30: 1), 31 and 60 (31–60: 2 + 4),
    // 61 and 90 (61–90: 8 + 16), 91, 120 and 121 days old (90+: 32 + 64 + 128).
    assert_eq!(
        env.ok(&["report", "aging", "--by", "invoice"]),
        text(&[
            "Aging by invoice date on 2026-11-21 (every row recorded)",
            "───────────────────────────────────────────────────────────────────",
            " Customer          Cur  Current  1–30  31–60  61–90     90+   Total",
            "═══════════════════════════════════════════════════════════════════",
            " 655080 Acme Corp  USD     0.00  1.00   6.00  24.00  224.00  255.00",
            " Total             USD     0.00  1.00   6.00  24.00  224.00  255.00",
            "───────────────────────────────────────────────────────────────────",
        ])
    );
    // 30 days earlier, the invoice dated 2026-10-22 is not issued yet (as of 2026-10-21 it
    // does not exist); the one dated 2026-10-21 is 0 days old: Current.
    assert_eq!(
        csv_body(
            &env,
            &[
                "report",
                "aging",
                "--by",
                "invoice",
                "--as-of",
                "2026-10-21"
            ]
        ),
        text(&[
            "655080,Acme Corp,USD,2.00,12.00,48.00,192.00,0.00,254.00",
            ",Total,USD,2.00,12.00,48.00,192.00,0.00,254.00",
        ])
    );
}

/// Customer 655080 (USD, an ACH account on file as method 1) whose invoices and payments
/// happen on known days:
/// - invoice 1: 100.00 dated 2026-10-01, due 2026-10-31; invoice 2: 50.00 dated and due
///   2026-11-15; invoices 3 (40.00) and 4 (30.00) dated and due 2026-09-01;
/// - 2026-11-05 12:00 invoice 3 is written off; 2026-11-06 12:00 invoice 4 is voided;
/// - payment 1: 100.00 cash dated 2026-11-10 (recorded two days later) paying invoice 1;
/// - payment 2: 50.00 ACH on 2026-11-16 paying invoice 2, bounced (NSF) on 2026-11-18;
/// - 2026-11-20: 20.00 of payment 1 is taken back off invoice 1.
fn history() -> Env {
    let env = Env::new();
    let setup = "2026-09-01T09:00:00Z";
    ok_at(
        &env,
        setup,
        &["customer", "add", "--id", "655080", "--name", "Acme Corp"],
    );
    ok_at(
        &env,
        setup,
        &["method", "add", "--customer", "655080", "--type", "ach"],
    );
    for (id, total, date, terms) in [
        ("1", "100.00", "2026-10-01", Some("net30")),
        ("2", "50.00", "2026-11-15", None),
        ("3", "40.00", "2026-09-01", None),
        ("4", "30.00", "2026-09-01", None),
    ] {
        let mut args = vec![
            "invoice",
            "add",
            "--customer",
            "655080",
            "--id",
            id,
            "--total",
            total,
            "--date",
            date,
        ];
        if let Some(terms) = terms {
            args.extend(["--terms", terms]);
        }
        ok_at(&env, setup, &args);
    }
    ok_at(
        &env,
        "2026-11-05T12:00:00Z",
        &[
            "invoice",
            "write-off",
            "3",
            "--reason",
            "customer insolvent",
        ],
    );
    ok_at(
        &env,
        "2026-11-06T12:00:00Z",
        &["invoice", "void", "4", "--reason", "issued twice"],
    );
    ok_at(
        &env,
        "2026-11-12T09:00:00Z",
        &[
            "create",
            "--customer",
            "655080",
            "--amount",
            "100",
            "--method",
            "Cash",
            "--date",
            "2026-11-10",
            "--allocate",
            "1=100",
        ],
    );
    ok_at(
        &env,
        "2026-11-16T09:00:00Z",
        &[
            "create",
            "--customer",
            "655080",
            "--amount",
            "50",
            "--method",
            "ACH",
            "--method-id",
            "1",
            "--allocate",
            "2=50",
        ],
    );
    ok_at(
        &env,
        "2026-11-18T09:00:00Z",
        &["settle", "2", "--status", "failed", "--message", "R01"],
    );
    ok_at(
        &env,
        "2026-11-20T09:00:00Z",
        &["unallocate", "1", "--invoice", "1", "--amount", "20"],
    );
    env
}

#[test]
fn as_of_counts_only_what_is_dated_by_then() {
    let env = history();
    let cases: &[(&str, &[&str])] = &[
        // Invoice 1 is 4 days past due; 3 and 4 are 64 days past due; 2 is not issued yet.
        (
            "2026-11-04",
            &[
                "655080,Acme Corp,USD,0.00,100.00,0.00,70.00,0.00,170.00",
                ",Total,USD,0.00,100.00,0.00,70.00,0.00,170.00",
            ],
        ),
        // The write-off is at 12:00:00: a second before it, invoice 3 is still owed.
        (
            "2026-11-05T11:59:59Z",
            &[
                "655080,Acme Corp,USD,0.00,100.00,0.00,70.00,0.00,170.00",
                ",Total,USD,0.00,100.00,0.00,70.00,0.00,170.00",
            ],
        ),
        // A timestamp counts its own second; a day counts the whole day.
        (
            "2026-11-05T12:00:00Z",
            &[
                "655080,Acme Corp,USD,0.00,100.00,0.00,30.00,0.00,130.00",
                ",Total,USD,0.00,100.00,0.00,30.00,0.00,130.00",
            ],
        ),
        (
            "2026-11-05",
            &[
                "655080,Acme Corp,USD,0.00,100.00,0.00,30.00,0.00,130.00",
                ",Total,USD,0.00,100.00,0.00,30.00,0.00,130.00",
            ],
        ),
        // Invoice 4 was voided on the 6th. Invoice 1 is paid on the 10th (the payment's date,
        // although it was recorded on the 12th): the day before, it is still open.
        (
            "2026-11-09",
            &[
                "655080,Acme Corp,USD,0.00,100.00,0.00,0.00,0.00,100.00",
                ",Total,USD,0.00,100.00,0.00,0.00,0.00,100.00",
            ],
        ),
        ("2026-11-10", &[]),
        // Invoice 2 is issued and due on the 15th: Current.
        (
            "2026-11-15",
            &[
                "655080,Acme Corp,USD,50.00,0.00,0.00,0.00,0.00,50.00",
                ",Total,USD,50.00,0.00,0.00,0.00,0.00,50.00",
            ],
        ),
        // Paid by the ACH payment on the 16th; the bounce on the 18th reopens it.
        ("2026-11-16", &[]),
        ("2026-11-17", &[]),
        (
            "2026-11-18",
            &[
                "655080,Acme Corp,USD,0.00,50.00,0.00,0.00,0.00,50.00",
                ",Total,USD,0.00,50.00,0.00,0.00,0.00,50.00",
            ],
        ),
        // 20.00 taken back off invoice 1 on the 20th.
        (
            "2026-11-19",
            &[
                "655080,Acme Corp,USD,0.00,50.00,0.00,0.00,0.00,50.00",
                ",Total,USD,0.00,50.00,0.00,0.00,0.00,50.00",
            ],
        ),
        (
            "2026-11-20",
            &[
                "655080,Acme Corp,USD,0.00,70.00,0.00,0.00,0.00,70.00",
                ",Total,USD,0.00,70.00,0.00,0.00,0.00,70.00",
            ],
        ),
    ];
    for (as_of, rows) in cases {
        let mut want = format!("{AGING_CSV_HEADER}\n");
        for row in *rows {
            want.push_str(row);
            want.push('\n');
        }
        assert_eq!(
            env.ok(&["report", "aging", "--as-of", as_of, "-o", "csv"]),
            want,
            "--as-of {as_of}"
        );
    }
    // Nothing owed: the table says so.
    assert_eq!(
        env.ok(&["report", "aging", "--as-of", "2026-11-10"]),
        text(&[
            "Aging by due date as of 2026-11-10 (end of day)",
            "Nothing outstanding.",
        ])
    );
    // As the ledger stands: written-off and void invoices are not owed.
    assert_eq!(
        env.ok(&["report", "aging"]),
        text(&[
            "Aging by due date on 2026-11-21 (every row recorded)",
            "─────────────────────────────────────────────────────────────────",
            " Customer          Cur  Current   1–30  31–60  61–90   90+  Total",
            "═════════════════════════════════════════════════════════════════",
            " 655080 Acme Corp  USD     0.00  70.00   0.00   0.00  0.00  70.00",
            " Total             USD     0.00  70.00   0.00   0.00  0.00  70.00",
            "─────────────────────────────────────────────────────────────────",
        ])
    );
    let shown = env.json(&["customer", "show", "655080"]);
    assert_eq!(shown["outstandingBalance"].to_string(), "70.00");
}

#[test]
fn statement_runs_in_date_order_and_ends_at_the_customers_balance() {
    let env = history();
    assert_eq!(
        env.ok(&["report", "statement", "--customer", "655080"]),
        text(&[
            "Statement for customer 655080 Acme Corp, all dates",
            "Amounts in USD:",
            "───────────────────────────────────────────────────────────────────────────────────────────────────",
            " Date        Entry         Invoice  Number  Payment  Description            Amount  Balance   Funds",
            "═══════════════════════════════════════════════════════════════════════════════════════════════════",
            "             opening                                                                   0.00    0.00",
            " 2026-09-01  invoice       3        3                3, due 2026-09-01       40.00    40.00    0.00",
            " 2026-09-01  invoice       4        4                4, due 2026-09-01       30.00    70.00    0.00",
            " 2026-10-01  invoice       1        1                1, due 2026-10-31      100.00   170.00    0.00",
            " 2026-11-05  write-off     3        3                customer insolvent      40.00   130.00    0.00",
            " 2026-11-06  invoice void  4        4                issued twice            30.00   100.00    0.00",
            " 2026-11-10  payment                        1        Cash                   100.00   100.00  100.00",
            " 2026-11-10  allocation    1        1       1                               100.00     0.00    0.00",
            " 2026-11-15  invoice       2        2                2, due 2026-11-15       50.00    50.00    0.00",
            " 2026-11-16  payment                        2        ACH                     50.00    50.00   50.00",
            " 2026-11-16  allocation    2        2       2                                50.00     0.00    0.00",
            " 2026-11-18  reversal      2        2       2        payment bounced (NSF)   50.00    50.00   50.00",
            " 2026-11-18  nsf                            2        R01                     50.00    50.00    0.00",
            " 2026-11-20  unallocation  1        1       1                                20.00    70.00   20.00",
            "             closing                                                                  70.00   20.00",
            "───────────────────────────────────────────────────────────────────────────────────────────────────",
        ])
    );
    // The closing line is what `customer show` says the customer owes and has available.
    let customer = env.json(&["customer", "show", "655080"]);
    let statement = env.json(&["report", "statement", "--customer", "655080"]);
    let usd = &statement["currencies"][0];
    assert_eq!(
        (
            usd["closingBalance"].to_string(),
            usd["availableFunds"].to_string()
        ),
        (
            customer["outstandingBalance"].to_string(),
            customer["availableFunds"].to_string()
        )
    );
    assert_eq!(
        (
            usd["closingBalance"].to_string(),
            usd["availableFunds"].to_string()
        ),
        ("70.00".to_string(), "20.00".to_string())
    );
    // JSON entries carry exact signed changes and the record's own amount.
    assert_eq!(
        usd["entries"][11].to_string(),
        concat!(
            r#"{"currency":"USD","date":"2026-11-18","effectiveTimestamp":"2026-11-18T09:00:00Z","#,
            r#""entry":"nsf","invoiceId":null,"paymentId":2,"refundId":null,"description":"R01","#,
            r#""amount":50.00,"balanceChange":0.00,"balance":50.00,"fundsChange":-50.00,"#,
            r#""availableFunds":0.00}"#
        )
    );
}

#[test]
fn statement_window_opens_with_the_balance_before_it() {
    let env = history();
    assert_eq!(
        env.ok(&[
            "report",
            "statement",
            "--customer",
            "655080",
            "--from",
            "2026-11-10",
            "--to",
            "2026-11-18",
        ]),
        text(&[
            "Statement for customer 655080 Acme Corp, 2026-11-10 to 2026-11-18",
            "Amounts in USD:",
            "─────────────────────────────────────────────────────────────────────────────────────────────────",
            " Date        Entry       Invoice  Number  Payment  Description            Amount  Balance   Funds",
            "═════════════════════════════════════════════════════════════════════════════════════════════════",
            " 2026-11-10  opening                                                               100.00    0.00",
            " 2026-11-10  payment                      1        Cash                   100.00   100.00  100.00",
            " 2026-11-10  allocation  1        1       1                               100.00     0.00    0.00",
            " 2026-11-15  invoice     2        2                2, due 2026-11-15       50.00    50.00    0.00",
            " 2026-11-16  payment                      2        ACH                     50.00    50.00   50.00",
            " 2026-11-16  allocation  2        2       2                                50.00     0.00    0.00",
            " 2026-11-18  reversal    2        2       2        payment bounced (NSF)   50.00    50.00   50.00",
            " 2026-11-18  nsf                          2        R01                     50.00    50.00    0.00",
            " 2026-11-18  closing                                                                50.00    0.00",
            "─────────────────────────────────────────────────────────────────────────────────────────────────",
        ])
    );
    assert_eq!(
        env.ok(&[
            "report",
            "statement",
            "--customer",
            "655080",
            "--from",
            "2026-11-16",
            "--to",
            "2026-11-16",
            "-o",
            "csv",
        ]),
        text(&[
            "currency,date,effectiveTimestamp,entry,invoiceId,invoiceNumber,paymentId,refundId,description,amount,balanceChange,balance,fundsChange,availableFunds",
            // Invoice 2 (50.00, issued the day before) is owed when the day opens.
            "USD,2026-11-16,2026-11-16T00:00:00Z,opening,,,,,,,,50.00,,0.00",
            "USD,2026-11-16,2026-11-16T09:00:00Z,payment,,,2,,ACH,50.00,0.00,50.00,50.00,50.00",
            "USD,2026-11-16,2026-11-16T09:00:00Z,allocation,2,2,2,,,50.00,-50.00,0.00,-50.00,0.00",
            "USD,2026-11-16,2026-11-16T23:59:59Z,closing,,,,,,,,0.00,,0.00",
        ])
    );
}

#[test]
fn statement_closing_balance_is_the_aging_total_on_every_day() {
    let env = history();
    for day in [
        "2026-08-31",
        "2026-09-01",
        "2026-10-01",
        "2026-11-04",
        "2026-11-05",
        "2026-11-06",
        "2026-11-09",
        "2026-11-10",
        "2026-11-15",
        "2026-11-16",
        "2026-11-17",
        "2026-11-18",
        "2026-11-20",
        "2026-11-21",
    ] {
        let statement = env.json(&["report", "statement", "--customer", "655080", "--to", day]);
        let aging = env.json(&["report", "aging", "--customer", "655080", "--as-of", day]);
        let aged = aging["totals"]
            .as_array()
            .unwrap()
            .first()
            .map_or("0.00".to_string(), |t| t["total"].to_string());
        assert_eq!(
            statement["currencies"][0]["closingBalance"].to_string(),
            aged,
            "--to / --as-of {day}"
        );
    }
}

#[test]
fn balances_show_invoiced_paid_written_off_outstanding_overdue_and_funds() {
    let env = history();
    ok_at(
        &env,
        "2026-09-01T09:00:00Z",
        &["customer", "add", "--id", "7", "--name", "Idle Ltd"],
    );
    // Invoiced 190 (100 + 50 + 40; the void invoice 4 was never owed) = paid 80 (100 less the
    // 20 taken back; the bounced ACH pays nothing) + written off 40 + outstanding 70, all of
    // it overdue (invoice 1 due 2026-10-31, invoice 2 due 2026-11-15); funds: payment 1's 20.
    assert_eq!(
        env.ok(&["report", "balances"]),
        text(&[
            "Balances on 2026-11-21 (overdue: due before that day)",
            "─────────────────────────────────────────────────────────────────────────────────",
            " Customer          Cur  Invoiced   Paid  Written off  Outstanding  Overdue  Funds",
            "═════════════════════════════════════════════════════════════════════════════════",
            " 7 Idle Ltd        USD      0.00   0.00         0.00         0.00     0.00   0.00",
            " 655080 Acme Corp  USD    190.00  80.00        40.00        70.00    70.00  20.00",
            " Total             USD    190.00  80.00        40.00        70.00    70.00  20.00",
            "─────────────────────────────────────────────────────────────────────────────────",
        ])
    );
    assert_eq!(
        env.ok(&["report", "balances", "-o", "csv"]),
        text(&[
            "customerId,customerName,currency,invoiced,paid,writtenOff,outstanding,overdue,availableFunds",
            "7,Idle Ltd,USD,0.00,0.00,0.00,0.00,0.00,0.00",
            "655080,Acme Corp,USD,190.00,80.00,40.00,70.00,70.00,20.00",
            ",Total,USD,190.00,80.00,40.00,70.00,70.00,20.00",
        ])
    );
}

/// Customer 655080 (USD) with invoices in USD, EUR, JPY and KWD, and customer 7 (EUR).
fn currencies() -> Env {
    let env = Env::new();
    env.ok(&["customer", "add", "--id", "655080", "--name", "Acme Corp"]);
    env.ok(&[
        "customer",
        "add",
        "--id",
        "7",
        "--name",
        "Euro GmbH",
        "--currency",
        "EUR",
    ]);
    for (id, customer, total, currency, due) in [
        ("1", "655080", "1234567.89", "USD", "2026-11-01"),
        ("2", "655080", "200.50", "EUR", "2026-08-01"),
        ("3", "655080", "1000", "JPY", "2026-11-30"),
        ("4", "655080", "1.125", "KWD", "2026-10-01"),
        ("5", "7", "10.00", "EUR", "2026-11-21"),
    ] {
        env.ok(&[
            "invoice",
            "add",
            "--customer",
            customer,
            "--id",
            id,
            "--total",
            total,
            "--currency",
            currency,
            "--date",
            due,
        ]);
    }
    env.ok(&[
        "create",
        "--customer",
        "655080",
        "--amount",
        "0.89",
        "--method",
        "Cash",
        "--allocate",
        "1=0.89",
    ]);
    env
}

#[test]
fn currencies_are_kept_apart_in_rows_and_totals_in_every_format() {
    let env = currencies();
    // Each currency of a customer is its own row, each currency its own total, at its own
    // scale (JPY 0, KWD 3 decimals). USD: 1234567.89 less 0.89 paid, 20 days past due; EUR
    // 200.50 112 days past due; JPY due in 9 days; KWD 51 days; customer 7 due today.
    assert_eq!(
        env.ok(&["report", "aging"]),
        text(&[
            "Aging by due date on 2026-11-21 (every row recorded)",
            "─────────────────────────────────────────────────────────────────────────────",
            " Customer          Cur  Current        1–30  31–60  61–90     90+       Total",
            "═════════════════════════════════════════════════════════════════════════════",
            " 7 Euro GmbH       EUR    10.00        0.00   0.00   0.00    0.00       10.00",
            " 655080 Acme Corp  EUR     0.00        0.00   0.00   0.00  200.50      200.50",
            " 655080 Acme Corp  JPY     1000           0      0      0       0        1000",
            " 655080 Acme Corp  KWD    0.000       0.000  1.125  0.000   0.000       1.125",
            " 655080 Acme Corp  USD     0.00  1234567.00   0.00   0.00    0.00  1234567.00",
            " Total             EUR    10.00        0.00   0.00   0.00  200.50      210.50",
            " Total             JPY     1000           0      0      0       0        1000",
            " Total             KWD    0.000       0.000  1.125  0.000   0.000       1.125",
            " Total             USD     0.00  1234567.00   0.00   0.00    0.00  1234567.00",
            "─────────────────────────────────────────────────────────────────────────────",
        ])
    );
    // CSV: amount and currency in their own columns, plain decimals, no thousands separators.
    assert_eq!(
        env.ok(&["report", "aging", "-o", "csv"]),
        text(&[
            AGING_CSV_HEADER,
            "7,Euro GmbH,EUR,10.00,0.00,0.00,0.00,0.00,10.00",
            "655080,Acme Corp,EUR,0.00,0.00,0.00,0.00,200.50,200.50",
            "655080,Acme Corp,JPY,1000,0,0,0,0,1000",
            "655080,Acme Corp,KWD,0.000,0.000,1.125,0.000,0.000,1.125",
            "655080,Acme Corp,USD,0.00,1234567.00,0.00,0.00,0.00,1234567.00",
            ",Total,EUR,10.00,0.00,0.00,0.00,200.50,210.50",
            ",Total,JPY,1000,0,0,0,0,1000",
            ",Total,KWD,0.000,0.000,1.125,0.000,0.000,1.125",
            ",Total,USD,0.00,1234567.00,0.00,0.00,0.00,1234567.00",
        ])
    );
    // JSON: exact numbers written from the decimal text.
    let aging = env.json(&["report", "aging", "--customer", "655080"]);
    assert_eq!(
        aging["customers"][2].to_string(),
        concat!(
            r#"{"customerId":655080,"customerName":"Acme Corp","currency":"KWD","current":0.000,"#,
            r#""days1To30":0.000,"days31To60":1.125,"days61To90":0.000,"days90Plus":0.000,"total":1.125}"#
        )
    );
    assert_eq!(
        aging["totals"].to_string(),
        concat!(
            r#"[{"currency":"EUR","current":0.00,"days1To30":0.00,"days31To60":0.00,"days61To90":0.00,"days90Plus":200.50,"total":200.50},"#,
            r#"{"currency":"JPY","current":1000,"days1To30":0,"days31To60":0,"days61To90":0,"days90Plus":0,"total":1000},"#,
            r#"{"currency":"KWD","current":0.000,"days1To30":0.000,"days31To60":1.125,"days61To90":0.000,"days90Plus":0.000,"total":1.125},"#,
            r#"{"currency":"USD","current":0.00,"days1To30":1234567.00,"days31To60":0.00,"days61To90":0.00,"days90Plus":0.00,"total":1234567.00}]"#
        )
    );
    assert_eq!(
        (
            aging["asOf"].to_string(),
            aging["agedOn"].to_string(),
            aging["by"].to_string()
        ),
        ("null".into(), r#""2026-11-21""#.into(), r#""due""#.into())
    );
    // Balances: the customer's own currency first, then the others; customer 7's invoice is
    // due today, so not overdue.
    assert_eq!(
        env.ok(&["report", "balances", "-o", "csv"]),
        text(&[
            "customerId,customerName,currency,invoiced,paid,writtenOff,outstanding,overdue,availableFunds",
            "7,Euro GmbH,EUR,10.00,0.00,0.00,10.00,0.00,0.00",
            "655080,Acme Corp,USD,1234567.89,0.89,0.00,1234567.00,1234567.00,0.00",
            "655080,Acme Corp,EUR,200.50,0.00,0.00,200.50,200.50,0.00",
            "655080,Acme Corp,JPY,1000,0,0,1000,0,0",
            "655080,Acme Corp,KWD,1.125,0.000,0.000,1.125,1.125,0.000",
            ",Total,EUR,210.50,0.00,0.00,210.50,200.50,0.00",
            ",Total,JPY,1000,0,0,1000,0,0",
            ",Total,KWD,1.125,0.000,0.000,1.125,1.125,0.000",
            ",Total,USD,1234567.89,0.89,0.00,1234567.00,1234567.00,0.00",
        ])
    );
    // The statement: one section per currency, the customer's own first; its closing balance
    // is `customer show`'s (which counts the customer's currency only).
    let statement = env.json(&["report", "statement", "--customer", "655080"]);
    let closing: Vec<String> = statement["currencies"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| format!("{} {}", s["currency"], s["closingBalance"]))
        .collect();
    assert_eq!(
        closing,
        vec![
            r#""USD" 1234567.00"#,
            r#""EUR" 200.50"#,
            r#""JPY" 1000"#,
            r#""KWD" 1.125"#
        ]
    );
    assert_eq!(
        env.json(&["customer", "show", "655080"])["outstandingBalance"].to_string(),
        "1234567.00"
    );
    assert_eq!(
        env.ok(&["report", "statement", "--customer", "7"]),
        text(&[
            "Statement for customer 7 Euro GmbH, all dates",
            "Amounts in EUR:",
            "─────────────────────────────────────────────────────────────────────────────────────────",
            " Date        Entry    Invoice  Number  Payment  Description        Amount  Balance  Funds",
            "═════════════════════════════════════════════════════════════════════════════════════════",
            "             opening                                                          0.00   0.00",
            " 2026-11-21  invoice  5        5                5, due 2026-11-21   10.00    10.00   0.00",
            "             closing                                                         10.00   0.00",
            "─────────────────────────────────────────────────────────────────────────────────────────",
        ])
    );
}

/// Every line's display width (box-drawing characters and the en dash are one column).
fn widest_line(out: &str) -> usize {
    out.lines().map(|l| l.chars().count()).max().unwrap_or(0)
}

#[test]
fn tables_fit_80_columns_by_shortening_names_never_amounts() {
    let env = Env::new();
    env.ok(&[
        "customer",
        "add",
        "--id",
        "42",
        "--name",
        "Northwind Traders International Holdings Limited",
    ]);
    env.ok(&[
        "invoice",
        "add",
        "--customer",
        "42",
        "--id",
        "1",
        "--total",
        "98765.43",
        "--date",
        "2026-06-01",
    ]);
    env.ok(&[
        "invoice",
        "add",
        "--customer",
        "42",
        "--id",
        "2",
        "--total",
        "12345.67",
        "--date",
        "2026-11-01",
    ]);
    // Issue 16: a name is shortened with `…` rather than wrapped (SPEC §9); the width is
    // COLUMNS (the tests of a real terminal are in issue16_tables.rs).
    let at_80 = [("COLUMNS", "80")];
    let aging = env.ok_env(&["report", "aging"], &at_80);
    assert_eq!(
        aging,
        text(&[
            "Aging by due date on 2026-11-21 (every row recorded)",
            "────────────────────────────────────────────────────────────────────────────────",
            " Customer              Cur  Current      1–30  31–60  61–90       90+      Total",
            "════════════════════════════════════════════════════════════════════════════════",
            " 42 Northwind Trader…  USD     0.00  12345.67   0.00   0.00  98765.43  111111.10",
            " Total                 USD     0.00  12345.67   0.00   0.00  98765.43  111111.10",
            "────────────────────────────────────────────────────────────────────────────────",
        ])
    );
    for args in [
        &["report", "balances"][..],
        &["report", "statement", "--customer", "42"][..],
    ] {
        let out = env.ok_env(args, &at_80);
        assert!(widest_line(&out) <= 80, "{args:?}:\n{out}");
    }
}

// ---------------------------------------------------------------------------------------------
// Refusals

#[test]
fn bad_report_arguments_are_refused_with_what_is_allowed() {
    let env = Env::seeded();
    env.refused(
        &[
            "report",
            "statement",
            "--customer",
            "655080",
            "--from",
            "2026-12-01",
            "--to",
            "2026-11-01",
        ],
        2,
        "error: --from 2026-12-01 is after --to 2026-11-01; give a --from on or before --to\n",
    );
    env.refused(
        &["report", "aging", "--as-of", "2026-13-01"],
        2,
        "error: invalid value '2026-13-01' for '--as-of <DATE>': '2026-13-01' is not a date; use YYYY-MM-DD or RFC 3339 (2026-11-21T10:00:00Z)\n\nFor more information, try '--help'.\n",
    );
    env.refused(
        &["report", "aging", "--by", "overdue"],
        2,
        "error: invalid value 'overdue' for '--by <BY>'\n  [possible values: due, invoice]\n\nFor more information, try '--help'.\n",
    );
    env.refused(
        &["report", "aging", "--customer", "999"],
        3,
        "error: customer 999 not found; add it with: payctl customer add --id 999 --name ...\n",
    );
    env.refused(
        &["report", "statement", "--customer", "999"],
        3,
        "error: customer 999 not found; add it with: payctl customer add --id 999 --name ...\n",
    );
    env.refused(
        &["report", "statement", "--customer", "999", "-o", "json"],
        3,
        "{\n  \"ErrorId\": 0,\n  \"HttpStatusCode\": 404,\n  \"Errors\": [\n    {\n      \"Key\": \"customerId\",\n      \"Value\": \"customer 999 not found; add it with: payctl customer add --id 999 --name ...\"\n    }\n  ]\n}\n",
    );
    env.refused(
        &["report", "statement"],
        2,
        // (clap's usage line names --db because PAYCTL_DB is set.)
        "error: the following required arguments were not provided:\n  --customer <CUSTOMER>\n\nUsage: payctl report statement --customer <CUSTOMER> --db <PATH>\n\nFor more information, try '--help'.\n",
    );
}

#[test]
fn a_ledger_that_does_not_exist_is_not_created_by_a_report() {
    let env = Env::new();
    let db = env.dir.path().join("books").join("ledger.db");
    let db_text = db.to_str().unwrap();
    for report in [
        &["report", "aging"][..],
        &["report", "balances"][..],
        &["report", "statement", "--customer", "1"][..],
    ] {
        let mut args = report.to_vec();
        args.extend(["--db", db_text]);
        let run = env.run(&args);
        assert_eq!(
            (run.code, run.stdout.as_str(), run.stderr),
            (
                74,
                "",
                format!(
                    "error: ledger '{db_text}' does not exist; check --db (or PAYCTL_DB), or create it with a write command such as: payctl customer add --name NAME\n"
                )
            ),
            "{report:?}"
        );
    }
    assert!(
        !db.parent().unwrap().exists(),
        "a report created the folder"
    );
}

#[test]
fn a_report_refuses_what_is_not_a_ledger_it_can_read() {
    crate::sqlite_only!();
    let env = Env::seeded();
    {
        let conn = rusqlite::Connection::open(&env.db).unwrap();
        conn.pragma_update(None, "user_version", 99).unwrap();
    }
    env.refused(
        &["report", "aging"],
        74,
        &format!(
            "error: ledger {} was written by a newer payctl (schema 99, this payctl knows {}); upgrade payctl\n",
            env.db.display(),
            crate::common::schema_version()
        ),
    );
    let other = Env::new();
    let content = b"hello, this is not a database at all\n".repeat(200);
    std::fs::write(&other.db, &content).unwrap();
    std::fs::set_permissions(&other.db, std::fs::Permissions::from_mode(0o600)).unwrap();
    let run = other.run(&["report", "balances"]);
    assert_eq!(
        (run.code, run.stdout.as_str(), run.stderr),
        (
            74,
            "",
            format!(
                "error: ledger {} is not a payctl ledger (not a SQLite database)\n",
                other.db.display()
            )
        )
    );
    assert_eq!(std::fs::read(&other.db).unwrap(), content);
    let empty = Env::new();
    std::fs::write(&empty.db, b"").unwrap();
    std::fs::set_permissions(&empty.db, std::fs::Permissions::from_mode(0o600)).unwrap();
    let run = empty.run(&["report", "aging"]);
    assert_eq!(
        (run.code, run.stdout.as_str(), run.stderr),
        (
            74,
            "",
            format!(
                "error: ledger {} is empty: nothing has been recorded in it yet\n",
                empty.db.display()
            )
        )
    );
    assert_eq!(std::fs::read(&empty.db).unwrap(), b"");
}

// ---------------------------------------------------------------------------------------------
// Read only

/// The names in `dir`, sorted.
fn names_in(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

/// Whether this test runs as root, which file modes do not stop.
fn is_root() -> bool {
    use std::os::unix::fs::MetadataExt;
    std::fs::metadata("/proc/self")
        .map(|m| m.uid())
        .unwrap_or(1)
        == 0
}

/// Runs payctl as a user the file modes apply to: as `nobody` (through setpriv) when the
/// tests run as root, else as ourselves.
fn run_unprivileged(env: &Env, args: &[&str]) -> Run {
    let bin = assert_cmd::cargo::cargo_bin("payctl");
    let mut cmd = if is_root() {
        let mut c = std::process::Command::new("setpriv");
        c.args(["--reuid=65534", "--regid=65534", "--clear-groups", "--"])
            .arg(&bin);
        c
    } else {
        std::process::Command::new(&bin)
    };
    let out = cmd
        .args(args)
        .env("PAYCTL_DB", &env.db)
        .env("PAYCTL_NOW", NOW)
        .env("NO_COLOR", "1")
        .env("HOME", env.dir.path())
        .env("USER", "tester")
        .env_remove("PAYCTL_OUTPUT")
        .env_remove("XDG_DATA_HOME")
        .env_remove("PAYCTL_BUSY_TIMEOUT_MS")
        .stdin(std::process::Stdio::null())
        .output()
        .expect("run payctl");
    Run {
        code: out.status.code().unwrap_or(-1),
        stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
    }
}

const SEEDED_AGING: &str = "655080,Acme Corp,USD,50.00,100.00,0.00,0.00,0.00,150.00\n,Total,USD,50.00,100.00,0.00,0.00,0.00,150.00\n";

#[test]
fn reports_read_a_ledger_file_and_folder_nobody_may_write() {
    crate::sqlite_only!();
    let env = Env::seeded();
    let dir = env.dir.path();
    // The last writer closed the ledger: no -wal file, everything is in the file.
    assert_eq!(names_in(dir), ["ledger.db"]);
    let before = std::fs::read(&env.db).unwrap();
    std::fs::set_permissions(&env.db, std::fs::Permissions::from_mode(0o444)).unwrap();
    std::fs::set_permissions(dir, std::fs::Permissions::from_mode(0o555)).unwrap();
    let warning = format!(
        "warning: ledger '{}' is readable by other users (mode 0444); run: chmod 400 '{}'\n",
        env.db.display(),
        env.db.display()
    );
    let aging = run_unprivileged(&env, &["report", "aging", "-o", "csv"]);
    let balances = run_unprivileged(&env, &["report", "balances", "-o", "csv"]);
    let statement = run_unprivileged(&env, &["report", "statement", "--customer", "655080"]);
    // A writer is refused: the file really is read-only to this user.
    let write = run_unprivileged(&env, &["customer", "add", "--name", "New"]);
    std::fs::set_permissions(dir, std::fs::Permissions::from_mode(0o700)).unwrap();
    assert_eq!(
        (aging.code, aging.stdout.as_str(), aging.stderr.as_str()),
        (
            0,
            format!("{AGING_CSV_HEADER}\n{SEEDED_AGING}").as_str(),
            warning.as_str()
        )
    );
    assert_eq!(
        (balances.code, balances.stdout.as_str(), balances.stderr.as_str()),
        (
            0,
            text(&[
                "customerId,customerName,currency,invoiced,paid,writtenOff,outstanding,overdue,availableFunds",
                "655080,Acme Corp,USD,150.00,0.00,0.00,150.00,100.00,0.00",
                ",Total,USD,150.00,0.00,0.00,150.00,100.00,0.00",
            ])
            .as_str(),
            warning.as_str()
        )
    );
    assert_eq!(
        (statement.code, statement.stderr.as_str()),
        (0, warning.as_str())
    );
    // In a pipe the statement is plain rows; it ends with the closing line.
    assert_eq!(
        statement.stdout.lines().last(),
        Some("-  closing  -  -  -  -  -  150.00  0.00")
    );
    assert_ne!(write.code, 0, "a write succeeded: {}", write.stderr);
    // Nothing was written or created: no -wal, no -shm, the same bytes.
    assert_eq!(names_in(dir), ["ledger.db"]);
    assert_eq!(std::fs::read(&env.db).unwrap(), before);
}

#[test]
fn reports_read_a_read_only_ledger_file_in_a_writable_folder_without_leaving_files() {
    crate::sqlite_only!();
    let env = Env::seeded();
    let dir = env.dir.path();
    std::fs::set_permissions(&env.db, std::fs::Permissions::from_mode(0o444)).unwrap();
    // Writable by the unprivileged user too: SQLite could create -wal and -shm files here
    // (with the ledger's mode 0444, which would then lock its owner's writes out).
    std::fs::set_permissions(dir, std::fs::Permissions::from_mode(0o777)).unwrap();
    let before = std::fs::read(&env.db).unwrap();
    let aging = run_unprivileged(&env, &["report", "aging", "-o", "csv"]);
    std::fs::set_permissions(dir, std::fs::Permissions::from_mode(0o700)).unwrap();
    assert_eq!(
        (aging.code, aging.stdout),
        (0, format!("{AGING_CSV_HEADER}\n{SEEDED_AGING}"))
    );
    assert_eq!(names_in(dir), ["ledger.db"]);
    assert_eq!(std::fs::read(&env.db).unwrap(), before);
}

#[test]
fn reports_take_no_write_lock_and_read_past_a_writer_that_holds_it() {
    crate::sqlite_only!();
    let env = Env::seeded();
    let before = env.snapshot();
    let writer = rusqlite::Connection::open(&env.db).unwrap();
    writer
        .execute_batch(
            "BEGIN IMMEDIATE;
             INSERT INTO customers (id, name, currency, auto_allocate_order, created_at)
             VALUES (999, 'Not yet committed', 'USD', 'OldestToNewest', '2026-11-21T10:00:00Z');",
        )
        .unwrap();
    // With no busy timeout at all, a command that needed the write lock fails at once...
    let blocked = env
        .command(&["customer", "add", "--name", "Second writer"])
        .env("PAYCTL_BUSY_TIMEOUT_MS", "0")
        .output()
        .unwrap();
    assert_eq!(blocked.status.code(), Some(75));
    // ...while every report reads the last committed state.
    for (args, want) in [
        (
            &["report", "aging", "-o", "csv"][..],
            format!("{AGING_CSV_HEADER}\n{SEEDED_AGING}"),
        ),
        (
            &["report", "balances", "-o", "csv"][..],
            text(&[
                "customerId,customerName,currency,invoiced,paid,writtenOff,outstanding,overdue,availableFunds",
                "655080,Acme Corp,USD,150.00,0.00,0.00,150.00,100.00,0.00",
                ",Total,USD,150.00,0.00,0.00,150.00,100.00,0.00",
            ]),
        ),
    ] {
        let out = env
            .command(args)
            .env("PAYCTL_BUSY_TIMEOUT_MS", "0")
            .output()
            .unwrap();
        assert_eq!(
            (out.status.code(), String::from_utf8_lossy(&out.stdout).into_owned()),
            (Some(0), want),
            "{args:?}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
    writer.execute_batch("ROLLBACK").unwrap();
    drop(writer);
    assert_eq!(before, env.snapshot());
}

/// On a terminal (a pseudo terminal made by util-linux `script`) the table takes the
/// terminal's width: 120 columns hold the long name on one line.
#[test]
fn a_terminal_wider_than_80_columns_gets_its_whole_width() {
    let env = Env::new();
    env.ok(&[
        "customer",
        "add",
        "--id",
        "42",
        "--name",
        "Northwind Traders International Holdings Limited",
    ]);
    env.ok(&[
        "invoice",
        "add",
        "--customer",
        "42",
        "--id",
        "1",
        "--total",
        "98765.43",
        "--date",
        "2026-06-01",
    ]);
    env.ok(&[
        "invoice",
        "add",
        "--customer",
        "42",
        "--id",
        "2",
        "--total",
        "12345.67",
        "--date",
        "2026-11-01",
    ]);
    let bin = assert_cmd::cargo::cargo_bin("payctl");
    let out = std::process::Command::new("script")
        .args(["-q", "-e", "-c"])
        .arg(format!(
            "stty cols 120 rows 50; {} report aging",
            bin.display()
        ))
        .arg("/dev/null")
        .env("PAYCTL_DB", &env.db)
        .env("PAYCTL_NOW", NOW)
        .env("NO_COLOR", "1")
        .env("HOME", env.dir.path())
        .env("TERM", "xterm")
        .stdin(std::process::Stdio::null())
        .output()
        .expect("util-linux `script` runs payctl on a pseudo terminal");
    let shown = String::from_utf8_lossy(&out.stdout).replace("\r\n", "\n");
    assert_eq!(out.status.code(), Some(0), "{shown}");
    assert_eq!(
        shown,
        text(&[
            "Aging by due date on 2026-11-21 (every row recorded)",
            "───────────────────────────────────────────────────────────────────────────────────────────────────────────────",
            " Customer                                             Cur  Current      1–30  31–60  61–90       90+      Total",
            "═══════════════════════════════════════════════════════════════════════════════════════════════════════════════",
            " 42 Northwind Traders International Holdings Limited  USD     0.00  12345.67   0.00   0.00  98765.43  111111.10",
            " Total                                                USD     0.00  12345.67   0.00   0.00  98765.43  111111.10",
            "───────────────────────────────────────────────────────────────────────────────────────────────────────────────",
        ])
    );
}
