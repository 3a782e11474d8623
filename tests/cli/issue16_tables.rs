//! Issue 16 (items 1, 6, 8; SPEC §9): tables that fit a real terminal, plain columns in a pipe,
//! `--no-headers`, `-o jsonl`, and tables that show what the JSON has.
//!
//! Terminal tests run payctl on a real pseudo-terminal of a fixed size with util-linux
//! `script` (Essential on Debian, so on every machine .ci/run builds on), which is what a
//! user's terminal is to payctl: stdout a tty, its width from the tty.

use std::process::Command;

use serde_json::Value;
use unicode_width::UnicodeWidthStr;

use crate::common::{Env, NOW};

/// A ledger with what the tables must show: a long customer name, a check with a long
/// reference, a voided payment, a bounced ACH payment, a refunded one, a written-off invoice
/// and a void one, amounts of five digits.
fn ledger() -> Env {
    let env = Env::new();
    for args in [
        &[
            "customer",
            "add",
            "--id",
            "655080",
            "--name",
            "Northwind Traders International Holdings Limited",
        ][..],
        &[
            "method",
            "add",
            "--customer",
            "655080",
            "--type",
            "ach",
            "--brand",
            "First Bank",
            "--last4",
            "6789",
        ],
        &[
            "invoice",
            "add",
            "--customer",
            "655080",
            "--id",
            "566934",
            "--number",
            "INV-2026-0934",
            "--total",
            "10000.00",
            "--date",
            "2026-10-01",
            "--terms",
            "net30",
        ],
        &[
            "invoice",
            "add",
            "--customer",
            "655080",
            "--id",
            "566935",
            "--total",
            "20.00",
            "--date",
            "2026-10-02",
        ],
        &[
            "invoice",
            "add",
            "--customer",
            "655080",
            "--id",
            "566936",
            "--total",
            "30.00",
            "--date",
            "2026-10-03",
        ],
        &[
            "create",
            "--customer",
            "655080",
            "--amount",
            "1200.00",
            "--method",
            "Check",
            "--reference",
            "check 10042 from the accounts payable department",
            "--allocate",
            "566934=1200.00",
        ],
        &[
            "create",
            "--customer",
            "655080",
            "--amount",
            "15",
            "--method",
            "Cash",
            "--date",
            "2026-11-02",
        ],
        &["refund", "2", "--amount", "5"],
        &[
            "create",
            "--customer",
            "655080",
            "--amount",
            "7",
            "--method",
            "ACH",
            "--method-id",
            "1",
        ],
        &["settle", "3", "--status", "failed", "--message", "R01"],
        &[
            "create",
            "--customer",
            "655080",
            "--amount",
            "9",
            "--method",
            "Cash",
        ],
        &["void", "4", "--reason", "entered twice"],
        &[
            "invoice",
            "write-off",
            "566935",
            "--reason",
            "customer insolvent",
        ],
        &["invoice", "void", "566936", "--reason", "issued twice"],
    ] {
        env.ok(args);
    }
    env
}

/// Quotes a word for `sh`.
fn sh(word: &str) -> String {
    format!("'{}'", word.replace('\'', r"'\''"))
}

/// Runs payctl on a pseudo-terminal `cols` wide and returns what the terminal received, line
/// ends as `\n`.
fn on_terminal(env: &Env, cols: usize, args: &[&str]) -> String {
    let bin = assert_cmd::cargo::cargo_bin("payctl");
    let mut line = format!(
        "stty cols {cols} rows 50; exec env -u COLUMNS -u PAYCTL_FORCE_TTY -u PAYCTL_OUTPUT \
         PAYCTL_DB={} PAYCTL_NOW={NOW} NO_COLOR=1 HOME={} USER=tester {}",
        sh(&env.db.to_string_lossy()),
        sh(&env.dir.path().to_string_lossy()),
        sh(&bin.to_string_lossy()),
    );
    for arg in args {
        line.push(' ');
        line.push_str(&sh(arg));
    }
    let out = Command::new("script")
        .args(["-qec", &line, "/dev/null"])
        .output()
        .expect("util-linux script (a pseudo-terminal) must be installed");
    assert!(
        out.status.success(),
        "payctl {args:?} on a terminal failed: {}",
        String::from_utf8_lossy(&out.stdout)
    );
    String::from_utf8(out.stdout)
        .expect("UTF-8")
        .replace("\r\n", "\n")
}

fn widest(text: &str) -> usize {
    text.lines().map(|l| l.width()).max().unwrap_or(0)
}

/// Whether `value` stands whole on a line of `text`, not as part of a longer token.
fn whole(text: &str, value: &str) -> bool {
    text.lines().any(|line| {
        line.split(|c: char| c.is_whitespace() || "│┆".contains(c))
            .any(|token| token == value)
    })
}

fn text(lines: &[&str]) -> String {
    lines.iter().map(|l| format!("{l}\n")).collect()
}

#[test]
fn lists_fit_a_real_terminal_and_never_split_an_amount_id_or_date() {
    let env = ledger();
    let payments = env.json(&["list"]);
    let invoices = env.json(&["invoice", "list"]);
    let activities = env.json(&["activity", "list"]);
    for cols in [50, 80, 100, 160] {
        for args in [
            &["list"][..],
            &["invoice", "list"],
            &["activity", "list"],
            &["customer", "list"],
            &["log"],
            &["show", "1"],
            &["invoice", "show", "566935"],
            &["customer", "show", "655080"],
            &["method", "list", "--customer", "655080"],
            &["report", "aging"],
            &["report", "balances"],
            &["report", "statement", "--customer", "655080"],
        ] {
            let out = on_terminal(&env, cols, args);
            assert!(
                widest(&out) <= cols,
                "payctl {args:?} at {cols} columns is {} wide:\n{out}",
                widest(&out)
            );
        }
        let list = on_terminal(&env, cols, &["list"]);
        for p in payments.as_array().unwrap() {
            for key in ["id", "amount", "effectiveTimestamp"] {
                // A date with no time of day prints as YYYY-MM-DD (SPEC §1).
                let value = match &p[key] {
                    Value::String(s) => s.trim_end_matches("T00:00:00Z").to_string(),
                    other => other.to_string(),
                };
                assert!(
                    whole(&list, &value),
                    "{key} {value} split or missing at {cols}:\n{list}"
                );
            }
        }
        let list = on_terminal(&env, cols, &["invoice", "list"]);
        for i in invoices.as_array().unwrap() {
            let due = i["dueDate"]
                .as_str()
                .unwrap()
                .trim_end_matches("T00:00:00Z");
            for value in [i["id"].to_string(), i["outstandingBalance"].to_string()] {
                assert!(whole(&list, &value), "{value} at {cols}:\n{list}");
            }
            assert!(whole(&list, due), "{due} at {cols}:\n{list}");
        }
        // Reports: every amount of the JSON whole (at 50 columns, one row at a time).
        let aging = on_terminal(&env, cols, &["report", "aging"]);
        assert!(whole(&aging, "8800.00"), "aging at {cols}:\n{aging}");
        let statement = on_terminal(&env, cols, &["report", "statement", "--customer", "655080"]);
        for value in ["10000.00", "10050.00", "8850.00", "1215.00", "2026-10-01"] {
            assert!(whole(&statement, value), "{value} at {cols}:\n{statement}");
        }
        let list = on_terminal(&env, cols, &["activity", "list"]);
        for a in activities.as_array().unwrap() {
            for value in [a["id"].to_string(), a["amount"].to_string()] {
                assert!(whole(&list, &value), "{value} at {cols}:\n{list}");
            }
        }
    }
}

#[test]
fn payment_list_on_terminals_of_four_widths() {
    let env = ledger();
    assert_eq!(
        on_terminal(&env, 160, &["list"]),
        text(&[
            "┌────┬──────────┬──────────────────────┬─────────┬──────────┬────────┬──────────────────────────────────────────────────┬─────────────┬───────────────┐",
            "│ ID ┆ Customer ┆ Date                 ┆  Amount ┆ Currency ┆ Method ┆ Reference                                        ┆ Unallocated ┆ Status        │",
            "╞════╪══════════╪══════════════════════╪═════════╪══════════╪════════╪══════════════════════════════════════════════════╪═════════════╪═══════════════╡",
            "│ 2  ┆ 655080   ┆ 2026-11-02           ┆   15.00 ┆ USD      ┆ Cash   ┆                                                  ┆       10.00 ┆ refunded 5.00 │",
            "│ 1  ┆ 655080   ┆ 2026-11-21T10:00:00Z ┆ 1200.00 ┆ USD      ┆ Check  ┆ check 10042 from the accounts payable department ┆        0.00 ┆ settled       │",
            "│ 3  ┆ 655080   ┆ 2026-11-21T10:00:00Z ┆    7.00 ┆ USD      ┆ ACH    ┆                                                  ┆        0.00 ┆ bounced       │",
            "│ 4  ┆ 655080   ┆ 2026-11-21T10:00:00Z ┆    9.00 ┆ USD      ┆ Cash   ┆                                                  ┆        0.00 ┆ voided        │",
            "└────┴──────────┴──────────────────────┴─────────┴──────────┴────────┴──────────────────────────────────────────────────┴─────────────┴───────────────┘",
        ])
    );
    assert_eq!(
        on_terminal(&env, 100, &["list"]),
        text(&[
            "┌────┬──────────┬──────────────────────┬─────────┬──────────┬────────┬─────────────┬───────────────┐",
            "│ ID ┆ Customer ┆ Date                 ┆  Amount ┆ Currency ┆ Method ┆ Reference   ┆ Status        │",
            "╞════╪══════════╪══════════════════════╪═════════╪══════════╪════════╪═════════════╪═══════════════╡",
            "│ 2  ┆ 655080   ┆ 2026-11-02           ┆   15.00 ┆ USD      ┆ Cash   ┆             ┆ refunded 5.00 │",
            "│ 1  ┆ 655080   ┆ 2026-11-21T10:00:00Z ┆ 1200.00 ┆ USD      ┆ Check  ┆ check 1004… ┆ settled       │",
            "│ 3  ┆ 655080   ┆ 2026-11-21T10:00:00Z ┆    7.00 ┆ USD      ┆ ACH    ┆             ┆ bounced       │",
            "│ 4  ┆ 655080   ┆ 2026-11-21T10:00:00Z ┆    9.00 ┆ USD      ┆ Cash   ┆             ┆ voided        │",
            "└────┴──────────┴──────────────────────┴─────────┴──────────┴────────┴─────────────┴───────────────┘",
            "Not shown at 100 columns: Unallocated; -o json has every field",
        ])
    );
    assert_eq!(
        on_terminal(&env, 80, &["list"]),
        text(&[
            "┌────┬──────────────────────┬─────────┬──────────┬─────────────┬───────────────┐",
            "│ ID ┆ Date                 ┆  Amount ┆ Currency ┆ Reference   ┆ Status        │",
            "╞════╪══════════════════════╪═════════╪══════════╪═════════════╪═══════════════╡",
            "│ 2  ┆ 2026-11-02           ┆   15.00 ┆ USD      ┆             ┆ refunded 5.00 │",
            "│ 1  ┆ 2026-11-21T10:00:00Z ┆ 1200.00 ┆ USD      ┆ check 1004… ┆ settled       │",
            "│ 3  ┆ 2026-11-21T10:00:00Z ┆    7.00 ┆ USD      ┆             ┆ bounced       │",
            "│ 4  ┆ 2026-11-21T10:00:00Z ┆    9.00 ┆ USD      ┆             ┆ voided        │",
            "└────┴──────────────────────┴─────────┴──────────┴─────────────┴───────────────┘",
            "Not shown at 80 columns: Customer, Method, Unallocated; -o json has every field",
        ])
    );
    assert_eq!(
        on_terminal(&env, 50, &["list"]),
        text(&[
            "┌─────────────┬───────────────┐",
            "│ Field       ┆ Value         │",
            "╞═════════════╪═══════════════╡",
            "│ ID          ┆ 2             │",
            "│ Customer    ┆ 655080        │",
            "│ Date        ┆ 2026-11-02    │",
            "│ Amount      ┆ 15.00         │",
            "│ Currency    ┆ USD           │",
            "│ Method      ┆ Cash          │",
            "│ Reference   ┆               │",
            "│ Unallocated ┆ 10.00         │",
            "│ Status      ┆ refunded 5.00 │",
            "└─────────────┴───────────────┘",
            "┌─────────────┬──────────────────────────────────┐",
            "│ Field       ┆ Value                            │",
            "╞═════════════╪══════════════════════════════════╡",
            "│ ID          ┆ 1                                │",
            "│ Customer    ┆ 655080                           │",
            "│ Date        ┆ 2026-11-21T10:00:00Z             │",
            "│ Amount      ┆ 1200.00                          │",
            "│ Currency    ┆ USD                              │",
            "│ Method      ┆ Check                            │",
            "│ Reference   ┆ check 10042 from the accounts p… │",
            "│ Unallocated ┆ 0.00                             │",
            "│ Status      ┆ settled                          │",
            "└─────────────┴──────────────────────────────────┘",
            "┌─────────────┬──────────────────────┐",
            "│ Field       ┆ Value                │",
            "╞═════════════╪══════════════════════╡",
            "│ ID          ┆ 3                    │",
            "│ Customer    ┆ 655080               │",
            "│ Date        ┆ 2026-11-21T10:00:00Z │",
            "│ Amount      ┆ 7.00                 │",
            "│ Currency    ┆ USD                  │",
            "│ Method      ┆ ACH                  │",
            "│ Reference   ┆                      │",
            "│ Unallocated ┆ 0.00                 │",
            "│ Status      ┆ bounced              │",
            "└─────────────┴──────────────────────┘",
            "┌─────────────┬──────────────────────┐",
            "│ Field       ┆ Value                │",
            "╞═════════════╪══════════════════════╡",
            "│ ID          ┆ 4                    │",
            "│ Customer    ┆ 655080               │",
            "│ Date        ┆ 2026-11-21T10:00:00Z │",
            "│ Amount      ┆ 9.00                 │",
            "│ Currency    ┆ USD                  │",
            "│ Method      ┆ Cash                 │",
            "│ Reference   ┆                      │",
            "│ Unallocated ┆ 0.00                 │",
            "│ Status      ┆ voided               │",
            "└─────────────┴──────────────────────┘",
        ])
    );
}

#[test]
fn invoice_list_at_80_columns_leaves_out_named_columns_and_prints_days() {
    let env = ledger();
    assert_eq!(
        on_terminal(&env, 80, &["invoice", "list"]),
        text(&[
            "┌────────┬──────────┬─────────────┬────────────────┬────────────┬────────────┐",
            "│ ID     ┆ Currency ┆ Outstanding ┆ Status         ┆ Date       ┆ Due        │",
            "╞════════╪══════════╪═════════════╪════════════════╪════════════╪════════════╡",
            "│ 566934 ┆ USD      ┆     8800.00 ┆ partially_paid ┆ 2026-10-01 ┆ 2026-10-31 │",
            "│ 566935 ┆ USD      ┆        0.00 ┆ written_off    ┆ 2026-10-02 ┆ 2026-10-02 │",
            "│ 566936 ┆ USD      ┆        0.00 ┆ void           ┆ 2026-10-03 ┆ 2026-10-03 │",
            "└────────┴──────────┴─────────────┴────────────────┴────────────┴────────────┘",
            "Not shown at 80 columns: Number, Customer, Total, Paid, Overdue; -o json has",
            "every field",
        ])
    );
}

/// payctl with stdout a pipe (no `PAYCTL_FORCE_TTY`) and these extra variables.
fn piped(env: &Env, args: &[&str], vars: &[(&str, &str)]) -> String {
    let out = env
        .command(args)
        .env_remove("PAYCTL_FORCE_TTY")
        .envs(vars.iter().copied())
        .output()
        .expect("run payctl");
    assert!(
        out.status.success(),
        "payctl {args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).expect("UTF-8")
}

#[test]
fn in_a_pipe_tables_are_plain_one_record_a_line() {
    let env = ledger();
    let list = piped(&env, &["list"], &[]);
    assert_eq!(
        list,
        text(&[
            "ID  Customer  Date  Amount  Currency  Method  Reference  Unallocated  Status",
            "2  655080  2026-11-02  15.00  USD  Cash  -  10.00  refunded 5.00",
            "1  655080  2026-11-21T10:00:00Z  1200.00  USD  Check  check 10042 from the accounts payable department  0.00  settled",
            "3  655080  2026-11-21T10:00:00Z  7.00  USD  ACH  -  0.00  bounced",
            "4  655080  2026-11-21T10:00:00Z  9.00  USD  Cash  -  0.00  voided",
        ])
    );
    // `awk '{print $4}'`: the amounts, one a line; `awk -F'  '` splits every column exactly.
    let amounts: Vec<&str> = list
        .lines()
        .skip(1)
        .map(|l| l.split_whitespace().nth(3).unwrap())
        .collect();
    assert_eq!(amounts, ["15.00", "1200.00", "7.00", "9.00"]);
    for line in list.lines() {
        assert_eq!(line.split("  ").count(), 9, "{line}");
    }
    // --no-headers leaves the header out, in a pipe and on a terminal.
    assert_eq!(
        piped(&env, &["list", "--no-headers"], &[]),
        list.lines()
            .skip(1)
            .map(|l| format!("{l}\n"))
            .collect::<String>()
    );
    let boxed = on_terminal(&env, 160, &["customer", "list", "--no-headers"]);
    assert_eq!(
        boxed,
        text(&[
            "┌────────┬──────────────────────────────────────────────────┬───┬─────┬───┬─────────┬───────┐",
            "│ 655080 ┆ Northwind Traders International Holdings Limited ┆   ┆ USD ┆ 1 ┆ 8800.00 ┆ 10.00 │",
            "└────────┴──────────────────────────────────────────────────┴───┴─────┴───┴─────────┴───────┘",
        ])
    );
    // COLUMNS in a pipe shortens text so the line fits, never an amount, id or date.
    assert_eq!(
        piped(&env, &["list", "--no-headers"], &[("COLUMNS", "100")])
            .lines()
            .nth(1),
        Some("1  655080  2026-11-21T10:00:00Z  1200.00  USD  Check  check 10042 from the accounts…  0.00  settled")
    );
    // Reports do not wrap a long name at 80 columns in a pipe.
    assert_eq!(
        piped(&env, &["report", "aging"], &[]),
        text(&[
            "Aging by due date on 2026-11-21 (every row recorded)",
            "Customer  Cur  Current  1–30  31–60  61–90  90+  Total",
            "655080 Northwind Traders International Holdings Limited  USD  0.00  8800.00  0.00  0.00  0.00  8800.00",
            "Total  USD  0.00  8800.00  0.00  0.00  0.00  8800.00",
        ])
    );
    // An empty list in a pipe is its header alone: no "(none)" line to read as a record.
    let empty = Env::new();
    empty.ok(&["customer", "add", "--id", "1", "--name", "A"]);
    assert_eq!(
        piped(&empty, &["list"], &[]),
        "ID  Customer  Date  Amount  Currency  Method  Reference  Unallocated  Status\n"
    );
}

#[test]
fn jsonl_prints_one_object_per_line() {
    let env = ledger();
    for (args, json_args) in [
        (&["list"][..], &["list"][..]),
        (&["invoice", "list"], &["invoice", "list"]),
        (&["customer", "list"], &["customer", "list"]),
        (&["activity", "list"], &["activity", "list"]),
        (&["log"], &["log"]),
    ] {
        let lines = env.ok(&[args, &["-o", "jsonl"]].concat());
        let array = env.json(json_args);
        let objects: Vec<Value> = lines
            .lines()
            .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("{e}: {l}")))
            .collect();
        assert_eq!(Value::Array(objects), array, "{args:?}");
        assert!(lines.ends_with('\n'));
    }
    // A single record, a report and a summary are one object on one line.
    for args in [
        &["show", "1"][..],
        &["invoice", "show", "566934"],
        &["report", "aging"],
        &["report", "statement", "--customer", "655080"],
        &["verify"],
    ] {
        let line = env.ok(&[args, &["-o", "jsonl"]].concat());
        assert_eq!(line.lines().count(), 1, "{args:?}: {line}");
        let value: Value = serde_json::from_str(&line).unwrap();
        assert_eq!(value, env.json(args), "{args:?}");
    }
    // PAYCTL_OUTPUT=jsonl works as -o jsonl.
    let via_env = env
        .command(&["show", "1"])
        .env("PAYCTL_OUTPUT", "jsonl")
        .output()
        .unwrap();
    assert_eq!(
        String::from_utf8(via_env.stdout).unwrap(),
        env.ok(&["show", "1", "-o", "jsonl"])
    );
    // Errors are Fusebill's error JSON, on one line.
    env.refused(
        &["-o", "jsonl", "show", "99"],
        3,
        "{\"ErrorId\":0,\"HttpStatusCode\":404,\"Errors\":[{\"Key\":\"paymentId\",\"Value\":\"payment 99 not found; list payments with: payctl list\"}]}\n",
    );
    env.refused(
        &["-o", "jsonl", "show", "x"],
        2,
        "{\"ErrorId\":0,\"HttpStatusCode\":400,\"Errors\":[{\"Key\":\"id\",\"Value\":\"invalid value 'x' for '<ID>': 'x' is not an id; ids are positive whole numbers such as 655080\"}]}\n",
    );
}

#[test]
fn tables_show_status_write_offs_reasons_and_references() {
    let env = ledger();
    // A payment's status in show (the list is checked above: voided, bounced, refunded).
    let show = piped(&env, &["show", "2"], &[]);
    assert!(show.contains("\nStatus  refunded 5.00\n"), "{show}");
    assert!(
        piped(&env, &["show", "3"], &[]).contains("\nStatus  bounced\n"),
        "show 3"
    );
    assert!(
        piped(&env, &["show", "4"], &[]).contains("\nStatus  voided\n"),
        "show 4"
    );
    // invoice show of a written-off invoice: the amount and the reason; a void one: its reason.
    assert_eq!(
        piped(&env, &["invoice", "show", "566935"], &[]),
        text(&[
            "Field  Value",
            "ID  566935",
            "Number  566935",
            "Customer  655080",
            "Currency  USD",
            "Total  20.00",
            "Paid  0.00",
            "Outstanding  0.00",
            "Status  written_off",
            "Overdue  false",
            "Date  2026-10-02",
            "Due  2026-10-02",
            "Written off  20.00",
            "Reason  customer insolvent",
        ])
    );
    assert!(piped(&env, &["invoice", "show", "566936"], &[]).ends_with("\nReason  issued twice\n"));
    // The log: the reason and the command.
    let log = piped(&env, &["log", "--payment", "4"], &[]);
    let void = log.lines().last().unwrap();
    assert!(
        void.starts_with("12  2026-11-21T10:00:00Z  tester  payment.void  payment  4  655080  4  entered twice  ")
            && void.ends_with(" void 4 --reason 'entered twice'"),
        "{log}"
    );
    assert!(log.starts_with(
        "ID  At  User  Action  Entity  Entity id  Customer  Payment  Reason  Command\n"
    ));
    // The statement: invoice numbers and references (the check number), dates as days.
    let statement = piped(&env, &["report", "statement", "--customer", "655080"], &[]);
    for line in [
        "2026-10-01  invoice  566934  INV-2026-0934  -  INV-2026-0934, due 2026-10-31  10000.00  10000.00  0.00",
        "2026-11-21  payment  -  -  1  Check, reference check 10042 from the accounts payable department  1200.00  10050.00  1215.00",
    ] {
        assert!(statement.lines().any(|l| l == line), "{line}\n{statement}");
    }
    // JSON and CSV keep the stored timestamps and their columns (a contract for scripts).
    let json = env.json(&["invoice", "show", "566935"]);
    assert_eq!(json["dueDate"], "2026-10-02T00:00:00Z");
    let csv = env.ok(&["invoice", "show", "566935", "-o", "csv"]);
    assert!(
        !csv.contains("Written off") && !csv.contains("closedReason"),
        "{csv}"
    );
    assert!(
        csv.contains(",2026-10-02T00:00:00Z,2026-10-02T00:00:00Z\n"),
        "{csv}"
    );
}

/// The money-moving commands' `Invoices touched` table (issue 16 item 5, merged onto these
/// tables): on a real terminal of 80 columns it fits without splitting an amount (a long
/// invoice number is shortened instead), in a pipe it is plain rows, and `-o jsonl` prints
/// each payment the command acted on as one object per line.
#[test]
fn invoices_touched_fit_the_terminal_and_are_plain_in_a_pipe() {
    let env = ledger();
    for args in [
        &[
            "invoice",
            "add",
            "--customer",
            "655080",
            "--id",
            "566937",
            "--number",
            "INV-2026-0937-SERVICES-AND-MAINTENANCE-Q4",
            "--total",
            "250000.00",
            "--date",
            "2026-10-04",
        ][..],
        &[
            "create",
            "--customer",
            "655080",
            "--amount",
            "108800.00",
            "--method",
            "ACH",
            "--method-id",
            "1",
            "--allocate",
            "566934=8800.00",
            "--allocate",
            "566937=100000.00",
        ],
        &[
            "create",
            "--customer",
            "655080",
            "--amount",
            "50000.00",
            "--method",
            "Cash",
            "--date",
            "2026-11-03",
        ],
    ] {
        env.ok(args);
    }
    let settle = ["settle", "5", "--status", "failed", "--dry-run"];
    let allocate = ["allocate", "--customer", "655080", "--auto", "--dry-run"];
    let refund = [
        "refund",
        "1",
        "--amount",
        "1200.00",
        "--from-invoice",
        "566934=1200.00",
        "--dry-run",
    ];
    let at_80 = on_terminal(&env, 80, &settle);
    assert_eq!(
        at_80,
        text(&[
            "Dry run: nothing was written. A real run would say: Payment 5 failed settlement (NSF): its allocations were reversed",
            "┌─────────────┬──────────────────────┐",
            "│ Field       ┆ Value                │",
            "╞═════════════╪══════════════════════╡",
            "│ ID          ┆ 5                    │",
            "│ Activity    ┆ 7                    │",
            "│ Customer    ┆ 655080               │",
            "│ Date        ┆ 2026-11-21T10:00:00Z │",
            "│ Amount      ┆ 108800.00            │",
            "│ Currency    ┆ USD                  │",
            "│ Method      ┆ ACH                  │",
            "│ Method id   ┆ 1                    │",
            "│ Source      ┆ Manual               │",
            "│ Reference   ┆                      │",
            "│ Allocations ┆                      │",
            "│ Unallocated ┆ 0.00                 │",
            "│ Refundable  ┆ 0.00                 │",
            "│ Gateway fee ┆ 0.00                 │",
            "│ Settlement  ┆ Failed               │",
            "│ Voided      ┆ false                │",
            "│ Status      ┆ bounced              │",
            "└─────────────┴──────────────────────┘",
            "Invoices touched:",
            "┌─────────┬──────────────┬────────────┬───────────┬───────────┬────────────────┐",
            "│ Invoice ┆ Number       ┆    Applied ┆   Balance ┆     Total ┆ Status         │",
            "╞═════════╪══════════════╪════════════╪═══════════╪═══════════╪════════════════╡",
            "│ 566934  ┆ INV-2026-09… ┆   -8800.00 ┆   8800.00 ┆  10000.00 ┆ partially_paid │",
            "│ 566937  ┆ INV-2026-09… ┆ -100000.00 ┆ 250000.00 ┆ 250000.00 ┆ unpaid         │",
            "└─────────┴──────────────┴────────────┴───────────┴───────────┴────────────────┘",
        ])
    );
    for args in [&settle[..], &allocate, &refund] {
        let shown = on_terminal(&env, 80, args);
        let touched = shown
            .split("Invoices touched:\n")
            .nth(1)
            .unwrap_or_else(|| panic!("{args:?} names no invoice touched:\n{shown}"));
        assert!(widest(touched) <= 80, "{args:?}:\n{shown}");
        for t in env
            .json(args)
            .as_array()
            .cloned()
            .unwrap_or_else(|| vec![env.json(args)])
        {
            for invoice in t["touchedInvoices"].as_array().unwrap() {
                for key in ["invoiceId", "applied", "outstandingBalance", "invoiceTotal"] {
                    let value = invoice[key].to_string();
                    assert!(
                        whole(touched, &value),
                        "{args:?}: {key} {value} split:\n{shown}"
                    );
                }
            }
        }
    }
    assert_eq!(
        piped(&env, &settle, &[]).split("Invoices touched:\n").nth(1),
        Some(text(&[
            "Invoice  Number  Applied  Balance  Total  Status",
            "566934  INV-2026-0934  -8800.00  8800.00  10000.00  partially_paid",
            "566937  INV-2026-0937-SERVICES-AND-MAINTENANCE-Q4  -100000.00  250000.00  250000.00  unpaid",
        ]).as_str())
    );
    assert_eq!(
        piped(&env, &allocate, &[]),
        text(&[
            "Dry run: nothing was written. A real run would say: Allocated the available funds of customer 655080 from 2 payments",
            "ID  Customer  Date  Amount  Currency  Method  Reference  Unallocated  Status",
            "2  655080  2026-11-02  15.00  USD  Cash  -  0.00  refunded 5.00",
            "6  655080  2026-11-03  50000.00  USD  Cash  -  0.00  settled",
            "Invoices touched:",
            "Payment  Invoice  Number  Applied  Balance  Total  Status",
            "2  566937  INV-2026-0937-SERVICES-AND-MAINTENANCE-Q4  10.00  99990.00  250000.00  partially_paid",
            "6  566937  INV-2026-0937-SERVICES-AND-MAINTENANCE-Q4  50000.00  99990.00  250000.00  partially_paid",
        ])
    );
    let lines: Vec<Value> = piped(&env, &allocate, &[("PAYCTL_OUTPUT", "jsonl")])
        .lines()
        .map(|l| serde_json::from_str(l).expect("one JSON object a line"))
        .collect();
    assert_eq!(Value::Array(lines), env.json(&allocate));
}

/// Tables and `report aging --chart` fit one width, read by one function: a `COLUMNS` past a
/// terminal's widest (65535), even one with more digits than a number holds, is taken as
/// 65535 by both, and one that is not a positive whole number is ignored by both.
#[test]
fn tables_and_the_chart_read_columns_alike() {
    let env = ledger();
    for args in [&["list"][..], &["report", "aging"], &["invoice", "list"]] {
        for boxed in ["", "1"] {
            let at = |columns: &str| {
                piped(
                    &env,
                    args,
                    &[("COLUMNS", columns), ("PAYCTL_FORCE_TTY", boxed)],
                )
            };
            let widest_line = at("65535");
            for huge in ["99999999999999", "999999999999999999999999999"] {
                assert_eq!(at(huge), widest_line, "{args:?} COLUMNS={huge}");
            }
            for ignored in ["", "abc", "0", "-5", "80x"] {
                assert_eq!(at(ignored), at("65535"), "{args:?} COLUMNS={ignored:?}");
            }
        }
    }
    let chart = piped(
        &env,
        &["report", "aging", "--chart"],
        &[("COLUMNS", "999999999999999999999999999")],
    );
    assert_eq!(chart.lines().map(UnicodeWidthStr::width).max(), Some(65535));
}
