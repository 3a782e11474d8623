//! Issue 15, files payctl writes and the ledger file itself: no output (`export --to`,
//! `import --rejects`, `backup FILE`) may be the ledger, one of its `-wal`/`-shm`/`-journal`
//! files or the command's own input, however it is named; outputs appear whole or not at all;
//! a rejects file that cannot be written rolls the import back; and `--db` must be a regular
//! file (or a path to create, privately, through a dangling symlink too).

use std::fs;
use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};

use crate::common::{snapshot, Env, Run};

fn mode(path: &Path) -> u32 {
    fs::metadata(path).unwrap().permissions().mode() & 0o777
}

/// The names in `dir`, sorted.
fn names_in(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

/// Runs payctl in `cwd`, so that relative names are read from there.
fn run_in(env: &Env, cwd: &Path, args: &[&str]) -> Run {
    let out = env.command(args).current_dir(cwd).output().unwrap();
    Run {
        code: out.status.code().unwrap_or(-1),
        stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
    }
}

/// Runs payctl under bash with `ulimit -f KIB` (SIGXFSZ ignored, so a write past the limit
/// fails with EFBIG instead of killing payctl): a file that cannot grow past the limit, on any
/// file system and as root too.
fn run_with_file_limit(env: &Env, kib: u32, args: &[&str]) -> Run {
    let payctl = assert_cmd::cargo::cargo_bin("payctl");
    let out = env
        .command(&[])
        .get_envs()
        .fold(
            std::process::Command::new("bash"),
            |mut cmd, (k, v)| match v {
                Some(v) => {
                    cmd.env(k, v);
                    cmd
                }
                None => {
                    cmd.env_remove(k);
                    cmd
                }
            },
        )
        .arg("-c")
        .arg(format!("ulimit -f {kib}; trap '' XFSZ; exec \"$@\""))
        .arg("bash")
        .arg(&payctl)
        .args(args)
        .stdin(std::process::Stdio::null())
        .output()
        .unwrap();
    Run {
        code: out.status.code().unwrap_or(-1),
        stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
    }
}

/// The names in `dir` but the ledger's -wal and -shm: the tests' own read-only snapshot
/// connection leaves them behind (it may not delete them).
fn names_but_side_files(dir: &Path) -> Vec<String> {
    let mut names = names_in(dir);
    names.retain(|n| n != "ledger.db-wal" && n != "ledger.db-shm");
    names
}

/// Runs a command that must fail with `code` and `stderr`, and checks that the folder holds
/// the same names and the ledger file the same bytes afterwards: with no -wal (the last
/// writer closed the ledger), its bytes are its whole content. Unlike `Env::refused` it opens
/// no connection, so a -wal or -shm file afterwards was made by payctl.
#[track_caller]
fn refused_touching_nothing(env: &Env, args: &[&str], code: i32, stderr: &str) {
    let names = names_in(env.dir.path());
    let bytes = fs::read(&env.db).unwrap();
    assert_refused(&env.run(args), code, stderr);
    assert_eq!(names_in(env.dir.path()), names, "{args:?}");
    assert_eq!(fs::read(&env.db).unwrap(), bytes, "{args:?}");
}

/// Asserts the exact exit code, stderr and an empty stdout.
#[track_caller]
fn assert_refused(run: &Run, code: i32, stderr: &str) {
    assert_eq!(
        (run.code, run.stderr.as_str(), run.stdout.as_str()),
        (code, stderr, "")
    );
}

fn payments(env: &Env) -> usize {
    env.json(&["list"]).as_array().unwrap().len()
}

fn side(db: &Path, suffix: &str) -> PathBuf {
    PathBuf::from(format!("{}{suffix}", db.display()))
}

fn text(path: &Path) -> String {
    path.display().to_string()
}

/// A seeded ledger with two payments, so that an emptied ledger shows.
fn with_payments() -> Env {
    let env = Env::seeded();
    for amount in ["5.00", "7.00"] {
        env.ok(&[
            "create",
            "--customer",
            "655080",
            "--amount",
            amount,
            "--method",
            "Cash",
            "-q",
        ]);
    }
    env
}

fn itself(flag: &str, target: &str, db: &Path) -> String {
    format!(
        "error: {flag} '{target}' is the ledger itself (the same file as ledger '{}'); choose another file\n",
        db.display()
    )
}

fn side_file(flag: &str, target: &str, suffix: &str, db: &Path) -> String {
    format!(
        "error: {flag} '{target}' is the ledger's {suffix} file (ledger '{}'); choose another file\n",
        db.display()
    )
}

// ---------------------------------------------------------------------------------------------
// outputs that are the ledger

#[test]
fn export_to_the_ledger_under_any_name_is_refused_and_changes_nothing() {
    crate::sqlite_only!();
    let env = with_payments();
    let dir = env.dir.path().to_path_buf();
    fs::create_dir(dir.join("sub")).unwrap();
    std::os::unix::fs::symlink(&env.db, dir.join("link.db")).unwrap();
    fs::hard_link(&env.db, dir.join("hard.db")).unwrap();
    let before = env.snapshot();
    let bytes = fs::read(&env.db).unwrap();
    let absolute = text(&env.db);
    for target in [
        absolute.as_str(),
        "ledger.db",
        "./ledger.db",
        "sub/../ledger.db",
        "link.db",
        "hard.db",
    ] {
        for format in ["csv", "json", "jsonl"] {
            let run = run_in(
                &env,
                &dir,
                &["export", "payments", "--format", format, "--to", target],
            );
            assert_refused(&run, 2, &itself("--to", target, &env.db));
            assert_eq!(env.snapshot(), before, "--to {target}");
            assert_eq!(fs::read(&env.db).unwrap(), bytes, "--to {target}");
        }
    }
    assert!(fs::symlink_metadata(dir.join("link.db"))
        .unwrap()
        .file_type()
        .is_symlink());
    assert_eq!(payments(&env), 2);
    assert_eq!(env.run(&["verify"]).code, 0);
}

#[test]
fn export_to_a_side_file_of_the_ledger_is_refused_even_before_it_exists() {
    crate::sqlite_only!();
    let env = with_payments();
    // The last writer closed the ledger: SQLite removed its -wal and -shm files.
    assert_eq!(names_in(env.dir.path()), ["ledger.db"]);
    for suffix in ["-wal", "-shm", "-journal"] {
        let target = text(&side(&env.db, suffix));
        refused_touching_nothing(
            &env,
            &["export", "payments", "--to", &target],
            2,
            &side_file("--to", &target, suffix, &env.db),
        );
        refused_touching_nothing(
            &env,
            &["backup", &target],
            2,
            &side_file("backup", &target, suffix, &env.db),
        );
    }
    // A dangling symlink to one of them is that file too.
    let link = env.dir.path().join("wal-link.csv");
    std::os::unix::fs::symlink(side(&env.db, "-wal"), &link).unwrap();
    refused_touching_nothing(
        &env,
        &["export", "payments", "--to", &text(&link)],
        2,
        &side_file("--to", &text(&link), "-wal", &env.db),
    );
    assert_eq!(names_in(env.dir.path()), ["ledger.db", "wal-link.csv"]);
    assert_eq!(payments(&env), 2);
}

#[test]
fn export_onto_a_wal_holding_acknowledged_payments_is_refused_and_they_survive() {
    crate::sqlite_only!();
    let env = Env::seeded();
    // A reader keeps the -wal alive (and uncheckpointed) past each payctl process.
    let reader = rusqlite::Connection::open(&env.db).unwrap();
    let _: i64 = reader
        .query_row("SELECT count(*) FROM customers", [], |r| r.get(0))
        .unwrap();
    for n in 1..=5 {
        let id = env.ok(&[
            "create",
            "--customer",
            "655080",
            "--amount",
            &format!("{n}.00"),
            "--method",
            "Cash",
            "-q",
        ]);
        assert_eq!(id, format!("{n}\n"));
    }
    let wal = side(&env.db, "-wal");
    let wal_len = fs::metadata(&wal).unwrap().len();
    assert!(wal_len > 0);
    let hard = env.dir.path().join("hard-wal.csv");
    fs::hard_link(&wal, &hard).unwrap();
    let link = env.dir.path().join("link-shm.csv");
    std::os::unix::fs::symlink(side(&env.db, "-shm"), &link).unwrap();
    for (target, suffix) in [
        (text(&wal), "-wal"),
        (text(&hard), "-wal"),
        (text(&side(&env.db, "-shm")), "-shm"),
        (text(&link), "-shm"),
    ] {
        for kind in ["payments", "customers"] {
            let run = env.run(&["export", kind, "--to", &target]);
            assert_refused(&run, 2, &side_file("--to", &target, suffix, &env.db));
        }
        let run = env.run(&["backup", &target, "--force"]);
        assert_refused(&run, 2, &side_file("backup", &target, suffix, &env.db));
    }
    assert_eq!(fs::metadata(&wal).unwrap().len(), wal_len);
    drop(reader);
    assert_eq!(payments(&env), 5);
    let verify = env.run(&["verify"]);
    assert_eq!(verify.code, 0, "{}", verify.stderr);
}

#[test]
fn backup_onto_the_ledger_or_its_wal_is_refused_with_exit_2() {
    crate::sqlite_only!();
    let env = with_payments();
    let before = env.snapshot();
    let ledger = text(&env.db);
    env.refused(
        &["backup", &ledger, "--force"],
        2,
        &itself("backup", &ledger, &env.db),
    );
    let wal = text(&side(&env.db, "-wal"));
    env.refused(
        &["backup", &wal],
        2,
        &side_file("backup", &wal, "-wal", &env.db),
    );
    assert_eq!(env.snapshot(), before);
    assert_eq!(names_but_side_files(env.dir.path()), ["ledger.db"]);
}

#[test]
fn backup_onto_a_fifo_is_refused_and_leaves_it() {
    let env = with_payments();
    let fifo = env.dir.path().join("pipe");
    let made = std::process::Command::new("mkfifo")
        .arg(&fifo)
        .status()
        .unwrap();
    assert!(made.success());
    let shown = text(&fifo);
    env.refused(
        &["backup", &shown, "--force"],
        2,
        &format!(
            "error: backup '{shown}' is a device, FIFO or socket, not a file; give a file name\n"
        ),
    );
    use std::os::unix::fs::FileTypeExt;
    assert!(fs::symlink_metadata(&fifo).unwrap().file_type().is_fifo());
}

fn write_file(env: &Env, name: &str, content: &str) -> PathBuf {
    let path = env.dir.path().join(name);
    fs::write(&path, content).unwrap();
    path
}

const GOOD_AND_BAD: &str =
    "customerId,amount,paymentMethod\n655080,1.00,Cash\n655080,abc,Cash\n655080,2.00,Cash\n";

#[test]
fn import_rejects_naming_the_ledger_or_the_input_is_refused_and_changes_nothing() {
    crate::sqlite_only!();
    let env = with_payments();
    let input = write_file(&env, "in.csv", GOOD_AND_BAD);
    let link = env.dir.path().join("in-link.csv");
    std::os::unix::fs::symlink(&input, &link).unwrap();
    let hard = env.dir.path().join("in-hard.csv");
    fs::hard_link(&input, &hard).unwrap();
    let before = env.snapshot();
    let input_text = text(&input);
    let ledger = text(&env.db);
    env.refused(
        &["import", &input_text, "--rejects", &ledger],
        2,
        &itself("--rejects", &ledger, &env.db),
    );
    let wal = text(&side(&env.db, "-wal"));
    env.refused(
        &["import", &input_text, "--rejects", &wal],
        2,
        &side_file("--rejects", &wal, "-wal", &env.db),
    );
    for target in [&input, &link, &hard] {
        let target = text(target);
        env.refused(
            &["import", &input_text, "--rejects", &target],
            2,
            &format!(
                "error: --rejects '{target}' is the file being imported (the same file as '{input_text}'); choose another file\n"
            ),
        );
    }
    // Read from stdin, the input is whatever file stdin is.
    let run = {
        let out = env
            .command(&["import", "-", "--format", "csv", "--rejects", &input_text])
            .stdin(fs::File::open(&input).unwrap())
            .output()
            .unwrap();
        Run {
            code: out.status.code().unwrap_or(-1),
            stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
            stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
        }
    };
    assert_refused(
        &run,
        2,
        &format!(
            "error: --rejects '{input_text}' is the file being imported (the same file as '-'); choose another file\n"
        ),
    );
    assert_eq!(fs::read_to_string(&input).unwrap(), GOOD_AND_BAD);
    assert_eq!(env.snapshot(), before);
    assert_eq!(
        names_but_side_files(env.dir.path()),
        ["in-hard.csv", "in-link.csv", "in.csv", "ledger.db"]
    );
}

// ---------------------------------------------------------------------------------------------
// outputs appear whole or not at all

#[test]
fn rejects_that_cannot_be_written_roll_the_import_back() {
    let env = with_payments();
    let input = write_file(&env, "in.csv", GOOD_AND_BAD);
    let before = env.snapshot();
    env.refused(
        &["import", &text(&input), "--rejects", "/dev/full"],
        74,
        "error: cannot write --rejects '/dev/full': No space left on device (os error 28); nothing was imported\n",
    );
    assert_eq!(env.snapshot(), before);
    assert_eq!(payments(&env), 2);
}

#[test]
fn a_rejects_file_past_a_size_limit_leaves_no_file_and_imports_nothing() {
    let env = with_payments();
    // 300 bad rows of about 3 KB each in the rejects file: past a 512 KiB limit, while the
    // import's own writes (two payments) stay far below it.
    let mut csv = String::from("customerId,amount,paymentMethod,reference\n655080,1.00,Cash,\n");
    for _ in 0..300 {
        csv.push_str(&format!("655080,abc,Cash,{}\n", "r".repeat(3000)));
    }
    csv.push_str("655080,2.00,Cash,\n");
    let input = write_file(&env, "in.csv", &csv);
    let out = env.dir.path().join("out");
    fs::create_dir(&out).unwrap();
    let rejects = out.join("rejects.csv");
    let before = env.snapshot();
    let run = run_with_file_limit(
        &env,
        512,
        &["import", &text(&input), "--rejects", &text(&rejects)],
    );
    assert_refused(
        &run,
        74,
        &format!(
            "error: cannot write --rejects '{}': File too large (os error 27); nothing was imported\n",
            rejects.display()
        ),
    );
    assert_eq!(env.snapshot(), before);
    assert!(names_in(&out).is_empty(), "{:?}", names_in(&out));
    // Without the limit the same import keeps the good rows and lists the bad ones.
    let summary = env.ok(&["import", &text(&input), "--rejects", &text(&rejects)]);
    assert!(
        summary.ends_with(
            "302 rows, 2 imported, 0 already imported, 0 failed attempts recorded, 300 rejected\n"
        ),
        "{summary}"
    );
    assert_eq!(names_in(&out), ["rejects.csv"]);
    assert_eq!(mode(&rejects), 0o600);
    assert_eq!(fs::read_to_string(&rejects).unwrap().lines().count(), 301);
    assert_eq!(payments(&env), 4);
}

#[test]
fn an_export_to_a_full_device_is_exit_74() {
    let env = with_payments();
    env.refused(
        &["export", "payments", "--to", "/dev/full"],
        74,
        "error: cannot write --to '/dev/full': No space left on device (os error 28)\n",
    );
}

#[test]
fn an_export_that_fails_halfway_leaves_the_old_file_and_no_temporary_one() {
    let env = Env::seeded();
    // About 550 KB of CSV: 1,000 payments with long references.
    let mut csv = String::from("customerId,amount,paymentMethod,reference\n");
    for n in 0..1000 {
        csv.push_str(&format!("655080,1.00,Cash,{n}-{}\n", "r".repeat(450)));
    }
    let input = write_file(&env, "in.csv", &csv);
    env.ok(&["import", &text(&input), "-q"]);
    let out = env.dir.path().join("out");
    fs::create_dir(&out).unwrap();
    let target = out.join("payments.csv");
    fs::write(&target, "the previous export\n").unwrap();
    let run = run_with_file_limit(&env, 256, &["export", "payments", "--to", &text(&target)]);
    assert_refused(
        &run,
        74,
        &format!(
            "error: cannot write --to '{}': File too large (os error 27)\n",
            target.display()
        ),
    );
    assert_eq!(
        fs::read_to_string(&target).unwrap(),
        "the previous export\n"
    );
    assert_eq!(names_in(&out), ["payments.csv"]);
    // Without the limit it is replaced whole, private.
    fs::set_permissions(&target, fs::Permissions::from_mode(0o644)).unwrap();
    let said = env.ok(&["export", "payments", "--to", &text(&target)]);
    assert_eq!(
        said,
        format!("Exported 1000 payments to {}\n", target.display())
    );
    assert_eq!(fs::read_to_string(&target).unwrap().lines().count(), 1001);
    assert_eq!(mode(&target), 0o600);
    assert_eq!(names_in(&out), ["payments.csv"]);
}

#[test]
fn outputs_into_a_missing_folder_are_exit_2_alike() {
    let env = with_payments();
    let input = write_file(&env, "in.csv", GOOD_AND_BAD);
    let missing = env.dir.path().join("missing");
    let before = env.snapshot();
    for (args, flag, name) in [
        (vec!["export", "payments", "--to"], "--to", "p.csv"),
        (
            vec!["import", input.to_str().unwrap(), "--rejects"],
            "--rejects",
            "r.csv",
        ),
        (vec!["backup"], "backup", "copy.db"),
    ] {
        let target = text(&missing.join(name));
        let mut args = args.clone();
        args.push(&target);
        env.refused(
            &args,
            2,
            &format!(
                "error: {flag} '{target}': folder '{}' does not exist; create it first or choose another file\n",
                missing.display()
            ),
        );
    }
    assert_eq!(env.snapshot(), before);
    assert!(!missing.exists());
}

#[test]
fn an_export_through_a_symlink_writes_the_file_it_points_to() {
    crate::sqlite_only!();
    let env = with_payments();
    let real = env.dir.path().join("real.csv");
    let link = env.dir.path().join("latest.csv");
    std::os::unix::fs::symlink(&real, &link).unwrap();
    env.ok(&["export", "payments", "--to", &text(&link)]);
    assert!(fs::symlink_metadata(&link)
        .unwrap()
        .file_type()
        .is_symlink());
    assert_eq!(fs::read_to_string(&real).unwrap().lines().count(), 3);
    assert_eq!(mode(&real), 0o600);
    assert_eq!(
        names_in(env.dir.path()),
        ["latest.csv", "ledger.db", "real.csv"]
    );
}

#[test]
fn export_to_dash_writes_stdout() {
    crate::sqlite_only!();
    let env = with_payments();
    let to_stdout = env.ok(&["export", "payments"]);
    assert_eq!(env.ok(&["export", "payments", "--to", "-"]), to_stdout);
    assert_eq!(names_in(env.dir.path()), ["ledger.db"]);
    env.refused(
        &["import", "x.csv", "--rejects", "-"],
        2,
        "error: --rejects '-': the rejects go to a file (stdout carries the import's summary); give a file name\n",
    );
}

// ---------------------------------------------------------------------------------------------
// the ledger file itself

#[test]
fn a_ledger_created_through_a_dangling_symlink_is_private() {
    crate::sqlite_only!();
    let env = Env::new();
    let real = env.dir.path().join("real.db");
    std::os::unix::fs::symlink(&real, &env.db).unwrap();
    env.ok(&["customer", "add", "--name", "Acme", "-q"]);
    assert!(fs::symlink_metadata(&env.db)
        .unwrap()
        .file_type()
        .is_symlink());
    assert_eq!(mode(&real), 0o600);
    assert_eq!(
        env.ok(&["customer", "list", "-o", "csv"]).lines().count(),
        2
    );
}

#[test]
fn a_ledger_that_is_not_a_regular_file_is_refused_and_nothing_is_created() {
    crate::sqlite_only!();
    let env = Env::new();
    let journal_before = Path::new("/dev/null-journal").exists();
    for args in [
        vec!["--db", "/dev/null", "customer", "add", "--name", "Acme"],
        vec!["--db", "/dev/null", "list"],
        vec!["--db", "/dev/null", "report", "balances"],
        vec!["--db", "/dev/null", "export", "payments"],
        vec!["--db", "/dev/null", "verify"],
    ] {
        let run = env.run(&args);
        assert_refused(
            &run,
            74,
            "error: ledger '/dev/null' is a character device, not a file; give the path of a payctl ledger file with --db\n",
        );
    }
    if !journal_before {
        assert!(!Path::new("/dev/null-journal").exists());
    }
    assert!(names_in(env.dir.path()).is_empty());
}

#[test]
fn the_warning_for_a_loose_ledger_says_what_others_may_do() {
    crate::sqlite_only!();
    let env = Env::seeded();
    let shown = text(&env.db);
    for (m, may) in [
        (0o644, "readable"),
        (0o640, "readable"),
        (0o660, "readable and writable"),
        (0o666, "readable and writable"),
        (0o622, "writable"),
    ] {
        fs::set_permissions(&env.db, fs::Permissions::from_mode(m)).unwrap();
        let run = env.run(&["customer", "list", "-o", "csv"]);
        assert_eq!(
            (run.code, run.stderr),
            (
                0,
                format!(
                    "warning: ledger '{shown}' is {may} by other users (mode {m:04o}); run: chmod 600 '{shown}'\n"
                )
            )
        );
    }
}

#[test]
fn snapshots_see_the_ledger_not_a_copy() {
    crate::sqlite_only!();
    // Guards the tests above: snapshot() reads the ledger through its -wal.
    let env = Env::seeded();
    let reader = rusqlite::Connection::open(&env.db).unwrap();
    let _: i64 = reader
        .query_row("SELECT count(*) FROM customers", [], |r| r.get(0))
        .unwrap();
    let before = snapshot(&env.db);
    env.ok(&["customer", "add", "--name", "New", "-q"]);
    assert!(fs::metadata(side(&env.db, "-wal")).unwrap().len() > 0);
    assert_ne!(snapshot(&env.db), before);
    drop(reader);
}
