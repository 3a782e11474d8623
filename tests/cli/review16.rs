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
