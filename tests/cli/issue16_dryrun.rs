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
            "error: environment variable PAYCTL_OUTPUT is set but empty; set it to table, json or csv, or unset it to get tables\n".to_string()
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
