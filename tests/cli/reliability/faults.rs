//! Storage faults: a full disk, a read-only ledger or folder, a lock held past the busy
//! timeout, a folder that cannot be made, a file that is not a ledger. Each is exit 74 or 75
//! (SPEC §1) with one line naming the file, never a panic, and the ledger is left unchanged.

use std::fs;
use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};
use std::process::Stdio;
use std::time::Duration;

use super::{assert_verified, is_root, payment_count, User};
use crate::common::Env;

fn chmod(path: &Path, mode: u32) {
    fs::set_permissions(path, fs::Permissions::from_mode(mode)).unwrap();
}

fn side(db: &Path, suffix: &str) -> PathBuf {
    let mut name = db.as_os_str().to_owned();
    name.push(suffix);
    PathBuf::from(name)
}

/// The ledger as stored: the main file's bytes, and how much its -wal holds. With an empty
/// -wal every committed byte is in the main file, so equal values mean nothing changed.
/// Used where the test process must not open the ledger itself (another user's files).
fn on_disk(db: &Path) -> (Vec<u8>, u64) {
    let wal = fs::metadata(side(db, "-wal")).map_or(0, |m| m.len());
    (fs::read(db).unwrap(), wal)
}

/// A payments file of `rows` rows of 1.00 each, for the write attempts below.
fn payments_file(env: &Env, name: &str, rows: usize) -> String {
    let mut csv = String::from("customerId,amount,paymentMethod,reference,autoAllocate\n");
    for i in 0..rows {
        csv.push_str(&format!("655080,1.00,Cash,{name}-{i},true\n"));
    }
    let path = env.dir.path().join(format!("{name}.csv"));
    fs::write(&path, csv).unwrap();
    path.to_str().unwrap().to_string()
}

/// Commands that write, each of a different kind.
fn writes(import: &str) -> Vec<Vec<String>> {
    [
        &["customer", "add", "--name", "Globex"][..],
        &["method", "add", "--customer", "655080", "--type", "paypal"],
        &["invoice", "add", "--customer", "655080", "--total", "10.00"],
        &[
            "create",
            "--customer",
            "655080",
            "--amount",
            "5.00",
            "--method",
            "Cash",
            "--allocate",
            "566934=5.00",
        ],
        &["import", import],
    ]
    .iter()
    .map(|a| a.iter().map(|s| s.to_string()).collect())
    .collect()
}

fn strs(args: &[String]) -> Vec<&str> {
    args.iter().map(String::as_str).collect()
}

// ---------------------------------------------------------------------------------------------
// read-only ledger file and folder

#[test]
fn a_read_only_ledger_refuses_writes_with_exit_74_and_still_reads() {
    crate::sqlite_only!();
    let env = Env::seeded();
    let import = payments_file(&env, "ro", 3);
    let user = match User::unprivileged(&env) {
        Ok(user) => user,
        Err(why) => {
            eprintln!("read-only cases not run: {why}");
            return;
        }
    };
    let before = on_disk(&env.db);
    assert_eq!(before.1, 0, "the seeded ledger is checkpointed");
    chmod(&env.db, 0o400);
    let refusal = format!(
        "error: ledger {} is read-only (check the permissions of the file and of its folder); nothing was written\n",
        env.db.display()
    );
    for args in writes(&import) {
        let run = user.run(&env, &strs(&args));
        assert_eq!(run, (74, String::new(), refusal.clone()), "{args:?}");
        assert_eq!(on_disk(&env.db), before, "{args:?} changed the ledger");
    }
    // Reading needs no write access.
    let (code, out, err) = user.run(&env, &["invoice", "list", "-o", "csv"]);
    assert_eq!((code, err.as_str()), (0, ""));
    assert_eq!(out.lines().count(), 4, "{out}");
    let (code, _, err) = user.run(&env, &["verify"]);
    assert_eq!((code, err.as_str()), (0, ""));
    // That read left -wal and -shm files as read-only as the ledger. Once the ledger is
    // writable again, they must not keep writes out.
    chmod(&env.db, 0o600);
    let (code, out, err) = user.run(&env, &["customer", "add", "--name", "Globex", "-q"]);
    assert_eq!((code, out.as_str(), err.as_str()), (0, "655081\n", ""));
    let (code, _, err) = user.run(&env, &["verify"]);
    assert_eq!((code, err.as_str()), (0, ""));
}

#[test]
fn a_read_only_folder_is_exit_74_for_every_command() {
    crate::sqlite_only!();
    let env = Env::new();
    let folder = env.dir.path().join("books");
    fs::create_dir(&folder).unwrap();
    let env = env.with_db(folder.join("ledger.db"));
    env.ok(&["customer", "add", "--id", "655080", "--name", "Acme"]);
    env.ok(&[
        "invoice",
        "add",
        "--customer",
        "655080",
        "--id",
        "566934",
        "--total",
        "100.00",
    ]);
    let import = payments_file(&env, "rofolder", 3);
    let user = match User::unprivileged(&env) {
        Ok(user) => user,
        Err(why) => {
            eprintln!("read-only cases not run: {why}");
            return;
        }
    };
    let before = on_disk(&env.db);
    // SQLite keeps the -wal and -shm files beside the ledger: a folder that cannot take them
    // closes the ledger to reads too.
    chmod(&folder, 0o500);
    let refusal = format!(
        "error: ledger {} is read-only (check the permissions of the file and of its folder); nothing was written\n",
        env.db.display()
    );
    let mut commands = writes(&import);
    commands.push(vec!["list".into()]);
    commands.push(vec!["verify".into()]);
    for args in commands {
        let run = user.run(&env, &strs(&args));
        assert_eq!(run, (74, String::new(), refusal.clone()), "{args:?}");
        assert_eq!(on_disk(&env.db), before, "{args:?} changed the ledger");
    }
    let mut names: Vec<_> = fs::read_dir(&folder)
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .collect();
    names.sort();
    assert_eq!(names, ["ledger.db"]);
    chmod(&folder, 0o700);
    let (code, out, err) = user.run(&env, &["customer", "add", "--name", "Globex", "-q"]);
    assert_eq!((code, out.as_str(), err.as_str()), (0, "655081\n", ""));
}

// ---------------------------------------------------------------------------------------------
// a lock held past the busy timeout

/// Another connection that holds the ledger's write lock (`BEGIN IMMEDIATE`) until dropped,
/// as a slow payctl or a `sqlite3` shell would.
fn hold_write_lock(db: &Path, exclusive: bool) -> rusqlite::Connection {
    let conn = rusqlite::Connection::open(db).unwrap();
    if exclusive {
        // In WAL mode an exclusive locking mode keeps readers out too.
        conn.pragma_update(None, "locking_mode", "EXCLUSIVE")
            .unwrap();
        conn.execute_batch("BEGIN EXCLUSIVE").unwrap();
    } else {
        conn.execute_batch("BEGIN IMMEDIATE").unwrap();
    }
    conn
}

fn run_with_timeout(env: &Env, args: &[&str], timeout_ms: &str) -> (i32, String, String) {
    super::finish(
        env.command(args)
            .env("PAYCTL_BUSY_TIMEOUT_MS", timeout_ms)
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap(),
    )
}

#[test]
fn a_write_lock_held_past_the_busy_timeout_is_exit_75_and_reads_go_on() {
    crate::sqlite_only!();
    let env = Env::seeded();
    let import = payments_file(&env, "locked", 3);
    let before = env.snapshot();
    let lock = hold_write_lock(&env.db, false);
    let busy = format!(
        "error: ledger {} is busy: another process held its lock past the busy timeout (PAYCTL_BUSY_TIMEOUT_MS, default 5000); nothing was written, it is safe to retry\n",
        env.db.display()
    );
    for args in writes(&import) {
        let run = run_with_timeout(&env, &strs(&args), "200");
        assert_eq!(run, (75, String::new(), busy.clone()), "{args:?}");
        assert_eq!(env.snapshot(), before, "{args:?} changed the ledger");
    }
    // In WAL mode readers never wait for a writer.
    for args in [
        &["invoice", "list", "-o", "csv"][..],
        &["verify"],
        &["export", "payments"],
    ] {
        let (code, _, err) = run_with_timeout(&env, args, "200");
        assert_eq!((code, err.as_str()), (0, ""), "{args:?}");
    }
    let backup = env.dir.path().join("during-lock.db");
    let (code, _, err) = run_with_timeout(&env, &["backup", backup.to_str().unwrap(), "-q"], "200");
    assert_eq!((code, err.as_str()), (0, ""));
    drop(lock);
    // Retrying once the lock is gone works, as the message promised.
    let (code, out, err) = run_with_timeout(
        &env,
        &[
            "create",
            "--customer",
            "655080",
            "--amount",
            "5.00",
            "--method",
            "Cash",
            "-q",
        ],
        "200",
    );
    assert_eq!((code, out.as_str(), err.as_str()), (0, "1\n", ""));
}

#[test]
fn an_exclusive_lock_keeps_readers_out_too_with_exit_75() {
    crate::sqlite_only!();
    let env = Env::seeded();
    let before = env.snapshot();
    let lock = hold_write_lock(&env.db, true);
    let busy = format!(
        "error: ledger {} is busy: another process held its lock past the busy timeout (PAYCTL_BUSY_TIMEOUT_MS, default 5000); nothing was written, it is safe to retry\n",
        env.db.display()
    );
    for args in [
        &["invoice", "list"][..],
        &["verify"],
        &["customer", "add", "--name", "Globex"],
        &["backup", env.dir.path().join("copy.db").to_str().unwrap()],
    ] {
        let run = run_with_timeout(&env, args, "200");
        assert_eq!(run, (75, String::new(), busy.clone()), "{args:?}");
    }
    drop(lock);
    assert_eq!(env.snapshot(), before);
    assert!(!env.dir.path().join("copy.db").exists());
}

#[test]
fn a_lock_released_within_the_busy_timeout_is_waited_for() {
    crate::sqlite_only!();
    let env = Env::seeded();
    let lock = hold_write_lock(&env.db, false);
    // A generous timeout: the lock goes after 300 ms, payctl may wait up to 60 s.
    let child = env
        .command(&[
            "create",
            "--customer",
            "655080",
            "--amount",
            "5.00",
            "--method",
            "Cash",
            "-q",
        ])
        .env("PAYCTL_BUSY_TIMEOUT_MS", "60000")
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    std::thread::sleep(Duration::from_millis(300));
    drop(lock);
    assert_eq!(super::finish(child), (0, "1\n".to_string(), String::new()));
}

// ---------------------------------------------------------------------------------------------
// a folder that is missing and cannot be made

#[test]
fn a_ledger_folder_that_cannot_be_created_is_exit_74() {
    crate::sqlite_only!();
    let env = Env::new();
    // A path through a regular file.
    let blocker = env.dir.path().join("notes.txt");
    fs::write(&blocker, "not a folder\n").unwrap();
    let db = blocker.join("books/ledger.db");
    for args in [
        &["customer", "add", "--name", "Acme"][..],
        &["customer", "list"],
        &["verify"],
    ] {
        let out = env.command(args).env("PAYCTL_DB", &db).output().unwrap();
        assert_eq!(
            (
                out.status.code(),
                String::from_utf8_lossy(&out.stdout).into_owned(),
                String::from_utf8_lossy(&out.stderr).into_owned()
            ),
            (
                Some(74),
                String::new(),
                // A read command creates nothing, so it cannot fail to (issue 16).
                match args {
                    ["customer", "add", ..] => format!(
                        "error: cannot create the ledger folder {}: Not a directory (os error 20)\n",
                        blocker.join("books").display()
                    ),
                    _ => format!(
                        "error: ledger '{}' does not exist; check --db (or PAYCTL_DB), or create it with a write command such as: payctl customer add --name NAME\n",
                        db.display()
                    ),
                }
            ),
            "{args:?}"
        );
    }
    assert_eq!(fs::read_to_string(&blocker).unwrap(), "not a folder\n");

    // A parent folder the user may not write to.
    let locked = env.dir.path().join("locked");
    fs::create_dir(&locked).unwrap();
    let user = match User::unprivileged(&env) {
        Ok(user) => user,
        Err(why) => {
            eprintln!("read-only cases not run: {why}");
            return;
        }
    };
    chmod(&locked, 0o500);
    let db = locked.join("books/ledger.db");
    let out = user
        .command(&env, &["customer", "add", "--name", "Acme"])
        .env("PAYCTL_DB", &db)
        .output()
        .unwrap();
    assert_eq!(
        (
            out.status.code(),
            String::from_utf8_lossy(&out.stdout).into_owned(),
            String::from_utf8_lossy(&out.stderr).into_owned()
        ),
        (
            Some(74),
            String::new(),
            format!(
                "error: cannot create the ledger folder {}: Permission denied (os error 13)\n",
                locked.join("books").display()
            )
        )
    );
    assert_eq!(fs::read_dir(&locked).unwrap().count(), 0);
}

#[test]
fn a_backup_into_a_missing_folder_is_exit_2_and_writes_nothing() {
    let env = Env::seeded();
    let before = env.snapshot();
    let target = env.dir.path().join("missing/copy.db");
    env.refused(
        &["backup", target.to_str().unwrap()],
        2,
        &format!(
            "error: backup '{}': folder '{}' does not exist; create it first or choose another file\n",
            target.display(),
            env.dir.path().join("missing").display()
        ),
    );
    assert!(!env.dir.path().join("missing").exists());
    assert_eq!(env.snapshot(), before);
}

// ---------------------------------------------------------------------------------------------
// files that are not ledgers

#[test]
fn files_that_are_not_ledgers_are_exit_74_and_left_untouched() {
    crate::sqlite_only!();
    let env = Env::new();
    let import = payments_file(&env, "foreign", 2);
    let backup = env.dir.path().join("copy.db");
    let backup_arg = backup.to_str().unwrap().to_string();
    // A real ledger, to cut short.
    let real = Env::seeded();
    let real_bytes = fs::read(&real.db).unwrap();
    let other_db = env.dir.path().join("other-program.db");
    {
        let conn = rusqlite::Connection::open(&other_db).unwrap();
        conn.execute_batch("CREATE TABLE notes (body TEXT); INSERT INTO notes VALUES ('keep me');")
            .unwrap();
    }
    let newer = Env::seeded();
    let known: i64 = {
        let conn = rusqlite::Connection::open(&newer.db).unwrap();
        let known = conn
            .pragma_query_value(None, "user_version", |r| r.get(0))
            .unwrap();
        conn.pragma_update(None, "user_version", 99).unwrap();
        known
    };
    let cases: Vec<(&str, Vec<u8>, String)> = vec![
        (
            "text",
            b"customerId,amount\n655080,5.00\n".repeat(300),
            "is not a payctl ledger (not a SQLite database)".to_string(),
        ),
        (
            "random bytes",
            (0..20_000u32).map(|i| (i.wrapping_mul(2_654_435_761) >> 13) as u8).collect(),
            "is not a payctl ledger (not a SQLite database)".to_string(),
        ),
        (
            "a ledger cut short",
            real_bytes[..8192].to_vec(),
            "is corrupt (database disk image is malformed); run payctl verify to see what is broken, or restore a backup".to_string(),
        ),
        (
            "another program's database",
            fs::read(&other_db).unwrap(),
            "is not a payctl ledger (a SQLite database of another program); give another path with --db".to_string(),
        ),
        (
            "a ledger of a newer payctl",
            fs::read(&newer.db).unwrap(),
            format!("was written by a newer payctl (schema 99, this payctl knows {known}); upgrade payctl"),
        ),
    ];
    for (what, bytes, why) in cases {
        fs::write(&env.db, &bytes).unwrap();
        let shown = env.db.display().to_string();
        let message = match why.strip_prefix("was written") {
            // The schema check names the file as "ledger X".
            Some(_) => format!("error: ledger {shown} {why}\n"),
            None if why.starts_with("is not a payctl ledger (a SQLite") => {
                format!("error: {shown} {why}\n")
            }
            None => format!("error: ledger {shown} {why}\n"),
        };
        let mut commands = writes(&import);
        commands.push(vec!["list".into()]);
        commands.push(vec!["export".into(), "invoices".into()]);
        commands.push(vec!["backup".into(), backup_arg.clone()]);
        for args in commands {
            let run = env.run(&strs(&args));
            assert_eq!(
                (run.code, run.stdout.as_str(), run.stderr.as_str()),
                (74, "", message.as_str()),
                "{what}: {args:?}"
            );
            assert_eq!(
                fs::read(&env.db).unwrap(),
                bytes,
                "{what}: {args:?} changed the file"
            );
            assert!(!backup.exists(), "{what}: {args:?}");
        }
        // verify cannot even start on these, and says so the same way.
        let run = env.run(&["verify"]);
        assert_eq!(
            (run.code, run.stderr.as_str()),
            (74, message.as_str()),
            "{what}"
        );
        assert_eq!(fs::read(&env.db).unwrap(), bytes, "{what}");
        for suffix in ["-wal", "-shm"] {
            let _ = fs::remove_file(side(&env.db, suffix));
        }
    }
}

// ---------------------------------------------------------------------------------------------
// a full disk

/// Runs creates until the disk is full, then checks that the one that hit it was refused
/// with exit 74 and changed nothing, and that a big import then is refused whole. `limit`
/// adds what makes the disk small to each command.
fn fill_until_full(env: &Env, limit: &dyn Fn(&mut std::process::Command), full: &str) -> usize {
    let mut recorded = 0;
    loop {
        assert!(recorded < 5000, "the disk never filled");
        let before = env.snapshot();
        let mut cmd = env.command(&[
            "create",
            "--customer",
            "655080",
            "--amount",
            "0.50",
            "--method",
            "Cash",
            "--auto-allocate",
            "--reference",
            &format!("fill-{recorded}"),
            "-q",
        ]);
        limit(&mut cmd);
        let out = cmd.output().unwrap();
        let (code, stdout, stderr) = (
            out.status.code().unwrap_or(-1),
            String::from_utf8_lossy(&out.stdout).into_owned(),
            String::from_utf8_lossy(&out.stderr).into_owned(),
        );
        if code == 0 {
            recorded += 1;
            assert_eq!((stdout, stderr), (format!("{recorded}\n"), String::new()));
            continue;
        }
        assert_eq!((code, stdout.as_str(), stderr.as_str()), (74, "", full));
        assert_eq!(
            env.snapshot(),
            before,
            "the create that hit the full disk wrote something"
        );
        break;
    }
    // An import that needs far more room than is left: all or nothing, so nothing.
    let import = payments_file(env, "too-big", 3000);
    let before = env.snapshot();
    let mut cmd = env.command(&["import", &import]);
    limit(&mut cmd);
    let out = cmd.output().unwrap();
    assert_eq!(
        (
            out.status.code(),
            String::from_utf8_lossy(&out.stdout).into_owned(),
            String::from_utf8_lossy(&out.stderr).into_owned()
        ),
        (Some(74), String::new(), full.to_string())
    );
    assert_eq!(env.snapshot(), before);
    recorded
}

#[test]
fn a_full_disk_is_exit_74_and_loses_nothing_when_capped_by_max_page_count() {
    crate::sqlite_only!();
    // The fallback that works everywhere: SQLite's max_page_count caps the ledger, and a
    // write past it fails exactly as on a full disk (SQLITE_FULL).
    let env = Env::seeded();
    let pages: i64 = {
        let conn = rusqlite::Connection::open(&env.db).unwrap();
        conn.query_row("PRAGMA page_count", [], |r| r.get(0))
            .unwrap()
    };
    let cap = (pages + 3).to_string();
    let full = format!(
        "error: ledger {}: the disk is full; nothing was written\n",
        env.db.display()
    );
    let recorded = fill_until_full(
        &env,
        &|cmd| {
            cmd.env("PAYCTL_MAX_PAGE_COUNT", &cap);
        },
        &full,
    );
    eprintln!("full disk (max_page_count {cap}): {recorded} payments fitted before exit 74");
    // With room again, everything recorded is there and the ledger is sound.
    assert_eq!(payment_count(&env), recorded);
    assert_verified(&env);
    assert_eq!(
        env.ok(&[
            "create",
            "--customer",
            "655080",
            "--amount",
            "1.00",
            "--method",
            "Cash",
            "-q"
        ]),
        format!("{}\n", recorded + 1)
    );
}

/// A small tmpfs mounted for one test, unmounted when dropped.
struct Tmpfs(PathBuf);

impl Tmpfs {
    fn mount(at: &Path, size: &str) -> Result<Tmpfs, String> {
        if !is_root() {
            return Err("not root".into());
        }
        fs::create_dir_all(at).unwrap();
        let out = std::process::Command::new("mount")
            .args([
                "-t",
                "tmpfs",
                "-o",
                &format!("size={size},mode=0700"),
                "tmpfs",
            ])
            .arg(at)
            .output()
            .map_err(|e| e.to_string())?;
        if out.status.success() {
            Ok(Tmpfs(at.to_path_buf()))
        } else {
            Err(String::from_utf8_lossy(&out.stderr).trim().to_string())
        }
    }
}

impl Drop for Tmpfs {
    fn drop(&mut self) {
        let _ = std::process::Command::new("umount").arg(&self.0).status();
    }
}

/// Fills the file system `folder` is on, to the last byte.
fn fill(folder: &Path) -> PathBuf {
    use std::io::Write;
    let filler = folder.join("filler");
    let mut f = fs::File::create(&filler).unwrap();
    let block = vec![0u8; 4096];
    while f.write_all(&block).is_ok() {}
    while f.write_all(&block[..1]).is_ok() {}
    filler
}

#[test]
fn a_full_tmpfs_is_exit_74_and_loses_nothing() {
    crate::sqlite_only!();
    let env = Env::new();
    let mnt = env.dir.path().join("mnt");
    let env = env.with_db(mnt.join("ledger.db"));
    // Declared after `env`, so it is unmounted before the temp folder is removed.
    let _mount = match Tmpfs::mount(&mnt, "1m") {
        Ok(m) => m,
        Err(why) => {
            // Not skipped silently: the max_page_count test above runs everywhere.
            eprintln!("full disk: no tmpfs here ({why}); the max_page_count test covers it");
            return;
        }
    };
    env.ok(&[
        "customer",
        "add",
        "--id",
        "655080",
        "--name",
        "Acme Corp",
        "-q",
    ]);
    env.ok(&[
        "invoice",
        "add",
        "--customer",
        "655080",
        "--id",
        "566934",
        "--total",
        "100.00",
        "-q",
    ]);
    let shown = env.db.display().to_string();

    // 1. No room even for the -shm file SQLite needs to open a ledger in WAL mode.
    let filler = fill(&mnt);
    let before = on_disk(&env.db);
    let run = env.run(&[
        "create",
        "--customer",
        "655080",
        "--amount",
        "1.00",
        "--method",
        "Cash",
    ]);
    let shm_full = format!(
        "error: ledger {shown}: cannot set up its shared-memory file (-shm) (SQLite I/O error 4874); check that the disk has space and is healthy, then run payctl verify\n"
    );
    assert_eq!(
        (run.code, run.stdout.as_str(), run.stderr.as_str()),
        (74, "", shm_full.as_str())
    );
    assert_eq!(on_disk(&env.db), before);
    fs::remove_file(&filler).unwrap();

    // 2. The disk fills up while payments come in: the WAL grows with every commit until
    //    SQLite cannot append to it. A reader keeps the -wal and -shm in place meanwhile, as
    //    any other payctl process might.
    let reader = rusqlite::Connection::open(&env.db).unwrap();
    let _: i64 = reader
        .query_row("SELECT count(*) FROM payments", [], |r| r.get(0))
        .unwrap();
    let recorded = fill_until_full(
        &env,
        &|_| {},
        &format!("error: ledger {shown}: the disk is full; nothing was written\n"),
    );
    eprintln!("full disk (tmpfs 1 MiB): {recorded} payments fitted before exit 74");
    assert!(recorded > 0);

    // 3. A backup onto the full disk: refused, and no half copy or temporary file is left.
    let before = env.snapshot();
    let copy = mnt.join("copy.db");
    let run = env.run(&["backup", copy.to_str().unwrap()]);
    assert_eq!(
        (run.code, run.stdout.as_str(), run.stderr),
        (
            74,
            "",
            format!(
                "error: backup of ledger {shown} to {}: the disk is full; nothing was written\n",
                copy.display()
            )
        )
    );
    assert_eq!(env.snapshot(), before);
    let leftovers: Vec<_> = fs::read_dir(&mnt)
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .filter(|n| n.contains("copy.db"))
        .collect();
    assert_eq!(leftovers, Vec::<String>::new(), "half copies left behind");
    drop(reader);

    // 4. With room again: every payment that was reported recorded is there, and the ledger
    //    verifies.
    assert_eq!(payment_count(&env), recorded);
    assert_verified(&env);
}
