//! Issue 16, items 2, 5 and 7: read commands never create a ledger; every command that moves
//! money takes `--dry-run` and names the invoices it touched; flags that did nothing.

use crate::common::Env;

/// Every read command (SPEC §1), with the arguments it needs.
const READ_COMMANDS: &[&[&str]] = &[
    &["list"],
    &["show", "1"],
    &["customer", "list"],
    &["customer", "show", "1"],
    &["method", "list", "--customer", "1"],
    &["invoice", "list"],
    &["invoice", "show", "1"],
    &["activity", "list"],
    &["log"],
    &["report", "aging"],
    &["report", "statement", "--customer", "1"],
    &["report", "balances"],
    &["export", "payments"],
    &["verify"],
];

/// A typo in `--db` (a file, or a file in a folder that does not exist) is exit 74 naming the
/// path, for every read command, and leaves neither a ledger nor a folder behind.
#[test]
fn a_read_command_never_creates_a_ledger_or_its_folder() {
    crate::sqlite_only!();
    let env = Env::new();
    let dir = env.dir.path();
    for db in [dir.join("typo.db"), dir.join("nodir").join("x.db")] {
        let db_text = db.to_str().unwrap();
        let backup = dir.join("copy.db");
        let backup_text = backup.to_str().unwrap();
        let mut commands: Vec<Vec<&str>> = READ_COMMANDS.iter().map(|c| c.to_vec()).collect();
        commands.push(vec!["backup", backup_text]);
        for command in commands {
            let mut args = vec!["--db", db_text];
            args.extend(&command);
            let run = env.run(&args);
            assert_eq!(
                (run.code, run.stdout.as_str(), run.stderr),
                (
                    74,
                    "",
                    format!("error: ledger '{db_text}' does not exist; check --db (or PAYCTL_DB), or create it with a write command such as: payctl customer add --name NAME\n")
                ),
                "{command:?}"
            );
            assert!(!db.exists(), "{command:?} created the ledger {db_text}");
            assert!(!backup.exists(), "{command:?} wrote a backup");
        }
        assert!(
            !dir.join("nodir").exists(),
            "a read command created the folder"
        );
    }
    // Through PAYCTL_DB too (the default for every test), and with -o json.
    let run = env.run(&["list", "-o", "json"]);
    assert_eq!(run.code, 74, "{}", run.stderr);
    let db = env.db.display();
    assert_eq!(
        serde_json::from_str::<serde_json::Value>(&run.stderr).unwrap()["Errors"][0]["Value"],
        format!("ledger '{db}' does not exist; check --db (or PAYCTL_DB), or create it with a write command such as: payctl customer add --name NAME")
    );
    assert!(!env.db.exists());
}

/// A read command on an existing ledger still works, and a write command still creates one.
#[test]
fn a_write_command_still_creates_the_ledger_and_reads_then_work() {
    crate::sqlite_only!();
    let env = Env::new();
    assert_eq!(env.ok(&["customer", "add", "--name", "Acme", "-q"]), "1\n");
    assert!(env.db.exists());
    assert_eq!(env.ok(&["list"]), "(none)\n");
    assert_eq!(
        env.ok(&["customer", "list", "-o", "csv"]),
        "id,name,email,currency,defaultPaymentMethodId,autoAllocateOrder,outstandingBalance,availableFunds\n1,Acme,,USD,,OldestToNewest,0.00,0.00\n"
    );
}

/// `PAYCTL_DB=` (set but empty) names the variable, not a `--db` the user never typed; so
/// does `PAYCTL_OUTPUT=`. `--db ''` given on the command line is still clap's error.
#[test]
fn an_empty_environment_variable_is_named() {
    let env = Env::new();
    let run = |args: &[&str], var: &str| {
        let out = env.command(args).env(var, "").output().unwrap();
        (
            out.status.code().unwrap(),
            String::from_utf8_lossy(&out.stdout).into_owned(),
            String::from_utf8_lossy(&out.stderr).into_owned(),
        )
    };
    assert_eq!(
        run(&["list"], "PAYCTL_DB"),
        (
            2,
            String::new(),
            "error: environment variable PAYCTL_DB is set but empty; set it to the ledger's path, or unset it to use the default ledger ($XDG_DATA_HOME/payctl/ledger.db)\n".to_string()
        )
    );
    assert_eq!(
        run(&["customer", "list"], "PAYCTL_OUTPUT"),
        (
            2,
            String::new(),
            "error: environment variable PAYCTL_OUTPUT is set but empty; set it to table, json, csv, jsonl or html, or unset it to get tables\n".to_string()
        )
    );
    let (code, _, stderr) = run(&["--db", "", "list"], "PAYCTL_DB");
    assert_eq!(
        (code, stderr.lines().next().unwrap()),
        (
            2,
            "error: a value is required for '--db <PATH>' but none was supplied"
        )
    );
    assert!(!env.db.exists());
}

// ---------------------------------------------------------------------------------------------
// Item 5: every command that moves money takes --dry-run and names the invoices it touched
// ---------------------------------------------------------------------------------------------

/// The seeded ledger plus: payment 1 (60.00 Cash: 566934=40, 566935=20), an ACH method (id 2),
/// payment 2 (30.00 ACH, Pending: 566936=30), payment 3 (25.00 Check, unallocated) and
/// invoice 566937 (10.00, nothing paid).
fn ledger() -> Env {
    let env = Env::seeded();
    for args in [
        &[
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
        ][..],
        &[
            "method",
            "add",
            "--customer",
            "655080",
            "--type",
            "ach",
            "--last4",
            "6789",
        ],
        &[
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
        ],
        &[
            "create",
            "--customer",
            "655080",
            "--amount",
            "25",
            "--method",
            "Check",
        ],
        &[
            "invoice",
            "add",
            "--customer",
            "655080",
            "--id",
            "566937",
            "--total",
            "10",
            "--date",
            "2026-11-01",
        ],
    ] {
        env.ok(args);
    }
    env
}

/// Every command that moves money, as run on [`ledger`].
const MONEY_COMMANDS: &[&[&str]] = &[
    &["allocate", "3", "--invoice", "566934", "--amount", "10"],
    &["allocate", "3", "--auto"],
    &["allocate", "--customer", "655080", "--auto"],
    &["unallocate", "1", "--invoice", "566934", "--amount", "15"],
    &[
        "reallocate",
        "1",
        "--from",
        "566935",
        "--to",
        "566934",
        "--amount",
        "5",
    ],
    &[
        "refund",
        "1",
        "--amount",
        "30",
        "--from-invoice",
        "566934=30",
    ],
    &["settle", "2", "--status", "failed", "--message", "R01"],
    &["settle", "2", "--status", "successful"],
    &["void", "1", "--reason", "entered twice"],
    &["invoice", "void", "566937", "--reason", "sent twice"],
    &["invoice", "write-off", "566934", "--reason", "bad debt"],
    &[
        "create",
        "--customer",
        "655080",
        "--amount",
        "70",
        "--method",
        "Cash",
        "--auto-allocate",
    ],
];

/// A dry run's output with its dry-run markers taken out: what the real run prints.
fn as_real(command: &[&str], format: &str, dry: &str) -> String {
    let create = command[0] == "create";
    match format {
        "json" => {
            let mut value: serde_json::Value = serde_json::from_str(dry).unwrap();
            let objects: Vec<&mut serde_json::Value> = match value.as_array_mut() {
                Some(list) => list.iter_mut().collect(),
                None => vec![&mut value],
            };
            for object in objects {
                let object = object.as_object_mut().unwrap();
                assert_eq!(object.remove("dryRun"), Some(true.into()), "{command:?}");
                if create {
                    // A dry run has no ids: nothing was written.
                    assert_eq!(object["id"], serde_json::Value::Null);
                    object.insert("id".into(), 4.into());
                    object.insert("paymentActivityId".into(), 4.into());
                    object.insert("uri".into(), "payctl://payments/4".into());
                }
            }
            format!("{}\n", serde_json::to_string_pretty(&value).unwrap())
        }
        "csv" => {
            let mut reader = csv::Reader::from_reader(dry.as_bytes());
            let header = reader.headers().unwrap().clone();
            let dry_column = header.iter().position(|h| h == "dryRun").unwrap();
            let mut writer = csv::Writer::from_writer(Vec::new());
            writer.write_record(&header).unwrap();
            for row in reader.records() {
                let mut cells: Vec<String> = row.unwrap().iter().map(String::from).collect();
                assert_eq!(cells[dry_column], "true", "{command:?}");
                cells[dry_column] = "false".into();
                if create {
                    assert_eq!((cells[0].as_str(), cells[1].as_str()), ("", ""));
                    cells[0] = "4".into();
                    cells[1] = "4".into();
                }
                writer.write_record(&cells).unwrap();
            }
            String::from_utf8(writer.into_inner().unwrap()).unwrap()
        }
        _ => {
            let (first, rest) = dry.split_once('\n').unwrap();
            let heading = if create {
                first
                    .strip_prefix("Dry run: nothing was written. This payment would be recorded:")
                    .map(|_| "Recorded payment 4".to_string())
            } else {
                first
                    .strip_prefix("Dry run: nothing was written. A real run would say: ")
                    .map(String::from)
            };
            let heading = heading.unwrap_or_else(|| panic!("{command:?}: heading {first}"));
            let rest = rest.replacen("Allocations (planned):", "Allocations:", 1);
            let rest = if create {
                // The ID and Activity rows are empty in a dry run.
                rest.replacen("│ ID          ┆  ", "│ ID          ┆ 4", 1)
                    .replacen("│ Activity    ┆  ", "│ Activity    ┆ 4", 1)
            } else {
                rest
            };
            format!("{heading}\n{rest}")
        }
    }
}

/// For every command that moves money and every output format: `--dry-run` exits 0, writes
/// nothing, and prints what the real run then prints (but for the dry-run markers: the
/// heading, `"dryRun": true`, the dryRun column, and a new payment's ids).
#[test]
fn every_money_command_dry_runs_exactly_what_it_then_does() {
    for command in MONEY_COMMANDS {
        for format in ["table", "json", "csv"] {
            let env = ledger();
            let before = env.snapshot();
            let mut dry_args = command.to_vec();
            dry_args.extend(["--dry-run", "-o", format]);
            let dry = env.ok(&dry_args);
            assert_eq!(before, env.snapshot(), "{dry_args:?} wrote to the ledger");
            let mut real_args = command.to_vec();
            real_args.extend(["-o", format]);
            let real = env.ok(&real_args);
            assert_ne!(before, env.snapshot(), "{real_args:?} wrote nothing");
            assert_eq!(as_real(command, format, &dry), real, "{dry_args:?}");
        }
    }
}

/// A dry run is refused exactly like the real run (same exit code and message), changes
/// nothing, and on a ledger that does not exist creates none.
#[test]
fn a_refused_dry_run_says_why_like_the_real_run() {
    let env = ledger();
    for (command, code, stderr) in [
        (
            &["allocate", "3", "--invoice", "566934", "--amount", "70"][..],
            1,
            "error: allocation of 70.00 to invoice 566934 is more than its outstanding balance 60.00\n",
        ),
        (
            &["settle", "1", "--status", "failed"],
            1,
            "error: payment 1 is Successful, not Pending; only Pending payments settle\n",
        ),
        (
            &["invoice", "void", "566934", "--reason", "x"],
            1,
            "error: invoice 566934 is partially_paid and has payments allocated; unallocate them first (payctl unallocate PAYMENT --invoice 566934)\n",
        ),
        (
            &["void", "99", "--reason", "x"],
            3,
            "error: payment 99 not found; list payments with: payctl list\n",
        ),
    ] {
        let real = env.run(command);
        assert_eq!((real.code, real.stderr.as_str()), (code, stderr), "{command:?}");
        let mut dry = command.to_vec();
        dry.push("--dry-run");
        env.refused(&dry, code, stderr);
    }
    let missing = Env::new();
    for command in MONEY_COMMANDS {
        let mut dry = command.to_vec();
        dry.push("--dry-run");
        let run = missing.run(&dry);
        assert_eq!(
            (run.code, run.stderr),
            (74, format!("error: ledger '{}' does not exist; check --db (or PAYCTL_DB), or create it with a write command such as: payctl customer add --name NAME\n", missing.db.display())),
            "{dry:?}"
        );
        assert!(!missing.db.exists(), "{dry:?} created the ledger");
    }
}

/// `settle --status failed` names the invoices it reopened, and `allocate --customer N
/// --auto` every invoice each payment paid, in the table (whole output) and in JSON.
#[test]
fn the_real_run_names_every_invoice_it_touched() {
    let env = Env::seeded();
    for args in [
        &[
            "method",
            "add",
            "--customer",
            "655080",
            "--type",
            "ach",
            "--last4",
            "6789",
        ][..],
        &[
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
            "566934=30",
            "--allocate",
            "566935=20",
        ],
    ] {
        env.ok(args);
    }
    assert_eq!(
        env.ok(&["settle", "1", "--status", "failed", "--message", "R01"]),
        "Payment 1 failed settlement (NSF): its allocations were reversed
┌─────────────┬──────────────────────┐
│ Field       ┆ Value                │
╞═════════════╪══════════════════════╡
│ ID          ┆ 1                    │
│ Activity    ┆ 1                    │
│ Customer    ┆ 655080               │
│ Date        ┆ 2026-11-21T10:00:00Z │
│ Amount      ┆ 50.00                │
│ Currency    ┆ USD                  │
│ Method      ┆ ACH                  │
│ Method id   ┆ 2                    │
│ Source      ┆ Manual               │
│ Reference   ┆                      │
│ Allocations ┆                      │
│ Unallocated ┆ 0.00                 │
│ Refundable  ┆ 0.00                 │
│ Gateway fee ┆ 0.00                 │
│ Settlement  ┆ Failed               │
│ Voided      ┆ false                │
│ Status      ┆ bounced              │
└─────────────┴──────────────────────┘
Invoices touched:
┌─────────┬────────┬─────────┬─────────┬────────┬────────┐
│ Invoice ┆ Number ┆ Applied ┆ Balance ┆  Total ┆ Status │
╞═════════╪════════╪═════════╪═════════╪════════╪════════╡
│ 566934  ┆ 566934 ┆  -30.00 ┆  100.00 ┆ 100.00 ┆ unpaid │
│ 566935  ┆ 566935 ┆  -20.00 ┆   20.00 ┆  20.00 ┆ unpaid │
└─────────┴────────┴─────────┴─────────┴────────┴────────┘
"
    );
    for (amount, date) in [("50", "2026-11-01"), ("70", "2026-11-02")] {
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
    let before = env.snapshot();
    let json = env.json(&["allocate", "--customer", "655080", "--auto", "--dry-run"]);
    assert_eq!(before, env.snapshot());
    let touched: Vec<String> = json
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|p| {
            let id = p["id"].clone();
            p["touchedInvoices"]
                .as_array()
                .unwrap()
                .iter()
                .map(move |t| {
                    format!(
                        "payment {id}: {} {} -> {} {}",
                        t["invoiceId"], t["applied"], t["outstandingBalance"], t["status"]
                    )
                })
                .collect::<Vec<_>>()
        })
        .collect();
    assert_eq!(
        touched,
        [
            "payment 2: 566934 50.00 -> 0.00 \"paid\"",
            "payment 3: 566934 50.00 -> 0.00 \"paid\"",
            "payment 3: 566935 20.00 -> 0.00 \"paid\"",
        ]
    );
    assert_eq!(
        env.ok(&["allocate", "--customer", "655080", "--auto"]),
        "Allocated the available funds of customer 655080 from 2 payments
┌────┬──────────┬────────────┬────────┬──────────┬────────┬───────────┬─────────────┬─────────┐
│ ID ┆ Customer ┆ Date       ┆ Amount ┆ Currency ┆ Method ┆ Reference ┆ Unallocated ┆ Status  │
╞════╪══════════╪════════════╪════════╪══════════╪════════╪═══════════╪═════════════╪═════════╡
│ 2  ┆ 655080   ┆ 2026-11-01 ┆  50.00 ┆ USD      ┆ Cash   ┆           ┆        0.00 ┆ settled │
│ 3  ┆ 655080   ┆ 2026-11-02 ┆  70.00 ┆ USD      ┆ Cash   ┆           ┆        0.00 ┆ settled │
└────┴──────────┴────────────┴────────┴──────────┴────────┴───────────┴─────────────┴─────────┘
Invoices touched:
┌─────────┬─────────┬────────┬─────────┬─────────┬────────┬────────┐
│ Payment ┆ Invoice ┆ Number ┆ Applied ┆ Balance ┆  Total ┆ Status │
╞═════════╪═════════╪════════╪═════════╪═════════╪════════╪════════╡
│ 2       ┆ 566934  ┆ 566934 ┆   50.00 ┆    0.00 ┆ 100.00 ┆ paid   │
│ 3       ┆ 566934  ┆ 566934 ┆   50.00 ┆    0.00 ┆ 100.00 ┆ paid   │
│ 3       ┆ 566935  ┆ 566935 ┆   20.00 ┆    0.00 ┆  20.00 ┆ paid   │
└─────────┴─────────┴────────┴─────────┴─────────┴────────┴────────┘
"
    );
}

// ---------------------------------------------------------------------------------------------
// Item 7: flags that did nothing
// ---------------------------------------------------------------------------------------------

/// `export` takes `-o` as `--format`'s default: `export payments -o json` is JSON, not CSV;
/// an explicit `--format` still wins.
#[test]
fn export_honours_output_as_the_default_format() {
    let env = ledger();
    let json = env.ok(&["export", "payments", "-o", "json"]);
    assert_eq!(json, env.ok(&["export", "payments", "--format", "json"]));
    assert!(json.starts_with("[\n{\"customerId\":655080,"), "{json}");
    serde_json::from_str::<serde_json::Value>(&json).unwrap();
    assert_eq!(
        env.ok(&["export", "payments", "-o", "csv"]),
        env.ok(&["export", "payments", "--format", "csv"])
    );
    assert_eq!(
        env.ok(&["export", "payments"]),
        env.ok(&["export", "payments", "--format", "csv"])
    );
    assert_eq!(
        env.ok(&["export", "payments", "-o", "json", "--format", "csv"]),
        env.ok(&["export", "payments", "--format", "csv"])
    );
    let to = env.dir.path().join("p.json");
    let to_text = to.to_str().unwrap();
    assert_eq!(
        env.ok(&["export", "payments", "--to", to_text, "-o", "json"]),
        ""
    );
    assert_eq!(std::fs::read_to_string(&to).unwrap(), json);
}

/// `-q` silences every summary: `export --to FILE -q` and `import FILE -q` print nothing, and
/// still do their work.
#[test]
fn quiet_silences_the_export_and_import_summaries() {
    let env = ledger();
    let to = env.dir.path().join("customers.csv");
    let to_text = to.to_str().unwrap();
    assert_eq!(
        env.ok(&["export", "customers", "--to", to_text]),
        format!("Exported 1 customers to {to_text}\n")
    );
    std::fs::remove_file(&to).unwrap();
    assert_eq!(env.ok(&["export", "customers", "--to", to_text, "-q"]), "");
    assert_eq!(
        std::fs::read_to_string(&to).unwrap(),
        env.ok(&["export", "customers"])
    );
    let file = env.dir.path().join("p.csv");
    std::fs::write(&file, "customerId,amount,paymentMethod\n655080,5,Cash\n").unwrap();
    let file_text = file.to_str().unwrap();
    for format in ["table", "json", "csv"] {
        assert_eq!(
            env.ok(&["import", file_text, "--dry-run", "-q", "-o", format]),
            "",
            "{format}"
        );
    }
    let before = env.snapshot();
    assert_eq!(env.ok(&["import", file_text, "-q"]), "");
    assert_ne!(before, env.snapshot(), "import -q imported nothing");
    assert_eq!(env.json(&["show", "4"])["amount"].to_string(), "5.00");
}

/// Runs payctl on a pseudo-terminal (util-linux `script`), without NO_COLOR, and returns what
/// the terminal showed (stdout and stderr together).
fn on_terminal(env: &Env, args: &[&str]) -> String {
    let bin = assert_cmd::cargo::cargo_bin("payctl");
    let line = std::iter::once(bin.to_str().unwrap())
        .chain(args.iter().copied())
        .map(|a| format!("'{a}'"))
        .collect::<Vec<_>>()
        .join(" ");
    let out = std::process::Command::new("script")
        .args(["-qec", &line, "/dev/null"])
        .env("PAYCTL_DB", &env.db)
        .env("PAYCTL_NOW", crate::common::NOW)
        .env("TERM", "xterm-256color")
        .env_remove("NO_COLOR")
        .env_remove("PAYCTL_OUTPUT")
        .stdin(std::process::Stdio::null())
        .output()
        .expect("run script (util-linux)");
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// `--color never` reaches clap's help and usage errors on a terminal; `--color always`
/// colours them in a pipe too.
#[test]
fn the_color_flag_reaches_help_and_usage_errors() {
    let env = ledger();
    let esc = '\u{1b}';
    for args in [
        &["--color", "never", "invoice", "list", "--help"][..],
        &["--color=never", "invoice", "list", "--bogus"],
        &["invoice", "--color", "never", "list", "--bogus"],
    ] {
        let shown = on_terminal(&env, args);
        assert!(!shown.contains(esc), "{args:?} on a terminal:\n{shown:?}");
        assert!(shown.contains("Usage: payctl"), "{args:?}:\n{shown}");
    }
    // Auto on a terminal: clap colours its help, as before.
    assert!(on_terminal(&env, &["invoice", "list", "--help"]).contains(esc));
    let help = env
        .command(&["--color", "always", "invoice", "list", "--help"])
        .env_remove("NO_COLOR")
        .output()
        .unwrap();
    assert!(String::from_utf8_lossy(&help.stdout).contains(esc));
    let run = env.run(&["--color", "always", "invoice", "list", "--bogus"]);
    assert_eq!(run.code, 2);
    assert!(run.stderr.contains(esc), "{:?}", run.stderr);
}

/// `--color always` is all the colour, with NO_COLOR set or not: no stray resets (`ESC[m`)
/// left where NO_COLOR took the colours out.
#[test]
fn color_always_is_whole_even_with_no_color_set() {
    let env = ledger();
    let list = |no_color: bool| {
        let mut cmd = env.command(&["--color", "always", "invoice", "list"]);
        if !no_color {
            cmd.env_remove("NO_COLOR");
        }
        String::from_utf8(cmd.output().unwrap().stdout).unwrap()
    };
    let coloured = list(false);
    assert!(
        coloured.contains("\u{1b}[38;5;11m partially_paid \u{1b}[39m"),
        "{coloured:?}"
    );
    assert_eq!(list(true), coloured);
    // Without --color always, NO_COLOR means no escape at all.
    assert!(!env.ok(&["invoice", "list"]).contains('\u{1b}'));
}
