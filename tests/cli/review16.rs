//! Issue 16, review: defects found by attacking the issue 16 work. Each test was seen failing
//! on the code before its fix.

use crate::common::Env;

/// In a pipe, cells are separated by two spaces, so that `awk -F '  '` splits columns whose
/// text holds single spaces. A name or reference holding a run of spaces (`Double  Space
/// Co`, as bank files pad them) printed that run as it was, and awk saw extra columns: the
/// customer's row had 9 fields where its header had 7. A run of spaces is one space in a
/// pipe now; boxed tables, JSON and CSV keep the text as it was.
#[test]
fn a_run_of_spaces_in_a_cell_does_not_make_a_column_in_a_pipe() {
    let env = Env::new();
    env.ok(&[
        "customer",
        "add",
        "--id",
        "7",
        "--name",
        "Double  Space   Co",
        "-q",
    ]);
    env.ok(&[
        "create",
        "--customer",
        "7",
        "--amount",
        "5",
        "--method",
        "cash",
        "--reference",
        "CHK  42",
        "-q",
    ]);
    let customers = env.ok_piped(&["customer", "list"]);
    assert_eq!(
        customers,
        "ID  Name  Email  Currency  Default method  Outstanding  Available funds\n\
         7  Double Space Co  -  USD  -  0.00  5.00\n"
    );
    let payments = env.ok_piped(&["list"]);
    for line in payments.lines() {
        assert_eq!(line.split("  ").count(), 9, "{payments}");
    }
    assert!(payments.contains("  CHK 42  "), "{payments}");
    // The text itself is unchanged.
    let json = env.json(&["customer", "show", "7"]);
    assert_eq!(json["name"], "Double  Space   Co");
}

/// `report aging --chart` fits its bars to the width, but printed its heading whole: at 50
/// columns `Aging by due date on 2026-11-21 (every row recorded)` is 52 wide, and a real
/// terminal broke it inside `recorded)`. It wraps between words now, as the table's heading
/// does.
#[test]
fn the_aging_charts_heading_wraps_between_words() {
    let env = Env::new();
    env.ok(&["customer", "add", "--id", "7", "--name", "Seven", "-q"]);
    env.ok(&[
        "invoice",
        "add",
        "--customer",
        "7",
        "--id",
        "70",
        "--total",
        "10000.00",
        "--date",
        "2026-11-01",
        "-q",
    ]);
    let out = env.ok_env(&["report", "aging", "--chart"], &[("COLUMNS", "50")]);
    assert_eq!(
        out,
        "Aging by due date on 2026-11-21 (every row\n\
         recorded)\n\
         \n\
         Outstanding in USD: 10000.00\n\
         Current                                       0.00\n\
         1–30     ████████████████████████████████ 10000.00\n\
         31–60                                         0.00\n\
         61–90                                         0.00\n\
         90+                                           0.00\n"
    );
}

/// `--color always` beats a stdout that is not a terminal (README, Environment), and did for
/// help and usage errors, but a plain table in a pipe dropped its colours: `payctl --color
/// always invoice list | less -R` showed no status colour. The cells a boxed table colours
/// are coloured in a pipe too, with the same codes; without `--color always` a pipe has none.
#[test]
fn color_always_colours_a_plain_table_in_a_pipe() {
    let env = Env::new();
    env.ok(&["customer", "add", "--id", "7", "--name", "Seven", "-q"]);
    for (id, total) in [("70", "100.00"), ("71", "50.00")] {
        env.ok(&[
            "invoice",
            "add",
            "--customer",
            "7",
            "--id",
            id,
            "--total",
            total,
            "--date",
            "2026-10-01",
            "-q",
        ]);
    }
    env.ok(&[
        "create",
        "--customer",
        "7",
        "--amount",
        "100",
        "--method",
        "cash",
        "--allocate",
        "70=100",
        "-q",
    ]);
    assert_eq!(
        env.ok_piped(&["--color", "always", "invoice", "list"]),
        "ID  Number  Customer  Currency  Total  Paid  Outstanding  Status  Overdue  Date  Due\n\
         70  70  7  USD  100.00  100.00  0.00  \x1b[38;5;10mpaid\x1b[39m  false  2026-10-01  2026-10-01\n\
         71  71  7  USD  50.00  0.00  50.00  \x1b[38;5;9munpaid\x1b[39m  \x1b[38;5;9mtrue\x1b[39m  2026-10-01  2026-10-01\n"
    );
    let plain = env.ok_piped(&["invoice", "list"]);
    assert!(!plain.contains('\x1b'), "{plain}");
}

/// A read command never creates a ledger (SPEC §1), and one on a path where there is none
/// exits 74. On an empty file (`touch ledger.db`, a redirection gone wrong) `list`, `show`,
/// `log`, `verify`, `export` and `backup` wrote a whole ledger schema into it (140 KB) and
/// gave a confident empty answer, exit 0. They now exit 74 and leave the file empty; a write
/// command still makes a ledger of it.
#[test]
fn a_read_command_on_an_empty_file_writes_nothing_into_it() {
    crate::sqlite_only!();
    let env = Env::new();
    std::fs::write(&env.db, b"").unwrap();
    let backup = env.dir.path().join("copy.db");
    let backup = backup.to_str().unwrap();
    let message = format!(
        "error: ledger '{}' is an empty file, not a payctl ledger; check --db (or PAYCTL_DB), or create the ledger with a write command such as: payctl customer add --name NAME\n",
        env.db.display()
    );
    for args in [
        &["list"][..],
        &["show", "1"],
        &["customer", "list"],
        &["log"],
        &["verify"],
        &["export", "payments"],
        &["backup", backup],
        &[
            "create",
            "--customer",
            "1",
            "--amount",
            "1",
            "--method",
            "cash",
            "--dry-run",
        ],
    ] {
        let run = env.run(args);
        assert_eq!(
            (run.code, run.stdout.as_str(), run.stderr.as_str()),
            (74, "", message.as_str()),
            "{args:?}"
        );
        assert_eq!(std::fs::metadata(&env.db).unwrap().len(), 0, "{args:?}");
    }
    assert!(!std::path::Path::new(backup).exists());
    env.ok(&["customer", "add", "--id", "7", "--name", "Seven", "-q"]);
    assert_eq!(
        env.ok_piped(&["customer", "list", "--no-headers"])
            .lines()
            .count(),
        1
    );
}

/// `-o html` refused elsewhere named the formats to use instead as `table, json or csv`,
/// leaving out `jsonl`, which every list takes since issue 16.
#[test]
fn the_html_refusal_names_jsonl_among_the_formats_to_use() {
    let env = Env::new();
    env.refused(
        &["list", "-o", "html"],
        2,
        "error: -o html is not available for payctl list: only report aging and report \
         statement render a page; use -o table, json, jsonl or csv\n",
    );
}
