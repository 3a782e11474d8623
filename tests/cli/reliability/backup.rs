//! `payctl backup FILE`: a consistent copy while writers run, written atomically, 0600.

use std::collections::BTreeMap;
use std::fs;
use std::os::unix::fs::PermissionsExt;
use std::path::Path;
use std::sync::atomic::{AtomicBool, Ordering};
use std::thread;
use std::time::Instant;

use serde_json::Value;

use super::{assert_verified, customer_with_invoices, finish, ledger_state, report, spawn, stress};
use crate::common::Env;

fn mode(path: &Path) -> u32 {
    fs::metadata(path).unwrap().permissions().mode() & 0o777
}

/// An Env reading a copy of `file` (payctl opens a backup like any ledger).
fn open_copy(file: &Path) -> Env {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("restored.db");
    fs::copy(file, &db).unwrap();
    Env::sqlite_file(dir, db)
}

/// Every payment by id: its Payment Object without the invoices' current balances and
/// statuses (which later payments change), so what the payment itself holds.
fn payments_by_id(env: &Env) -> BTreeMap<i64, Value> {
    env.json(&["list"])
        .as_array()
        .unwrap()
        .iter()
        .map(|p| {
            let mut p = p.clone();
            for a in p["invoiceAllocations"].as_array_mut().unwrap() {
                let a = a.as_object_mut().unwrap();
                a.remove("outstandingBalance");
                a.remove("status");
            }
            (p["id"].as_i64().unwrap(), p)
        })
        .collect()
}

#[test]
fn backups_taken_while_writers_run_are_consistent_snapshots() {
    const WRITERS: usize = 4;
    let backups = 6 * stress();
    let env = Env::new();
    customer_with_invoices(&env, 1000, "10.00");
    // A ledger big enough that each backup overlaps several commits.
    let mut csv = String::from("customerId,amount,paymentMethod,reference,autoAllocate\n");
    for i in 0..1000 {
        csv.push_str(&format!("655080,3.{:02},Cash,seed-{i},true\n", i % 100));
    }
    let seed = env.dir.path().join("seed.csv");
    fs::write(&seed, csv).unwrap();
    env.ok(&["import", seed.to_str().unwrap(), "-q"]);
    let stop = AtomicBool::new(false);
    let started = Instant::now();
    let copies: Vec<std::path::PathBuf> = thread::scope(|s| {
        for w in 0..WRITERS {
            let (env, stop) = (&env, &stop);
            s.spawn(move || {
                let mut i = 0;
                while !stop.load(Ordering::Relaxed) {
                    let amount = format!("{}.{:02}", 1 + (i + w) % 5, (i * 7) % 100);
                    let (code, _, err) = finish(spawn(
                        env,
                        &[
                            "create",
                            "--customer",
                            "655080",
                            "--amount",
                            &amount,
                            "--method",
                            "Cash",
                            "--auto-allocate",
                            "--reference",
                            &format!("w{w}-{i}"),
                            "-q",
                        ],
                    ));
                    assert_eq!((code, err.as_str()), (0, ""));
                    i += 1;
                }
            });
        }
        let copies = (0..backups)
            .map(|n| {
                let file = env.dir.path().join(format!("backup-{n}.db"));
                let (code, out, err) =
                    finish(spawn(&env, &["backup", file.to_str().unwrap(), "-q"]));
                assert_eq!(
                    (code, out, err),
                    (0, format!("{}\n", file.display()), String::new())
                );
                file
            })
            .collect();
        stop.store(true, Ordering::Relaxed);
        copies
    });
    let after = payments_by_id(&env);
    let mut sizes = Vec::new();
    for file in &copies {
        assert_eq!(mode(file), 0o600);
        let copy = open_copy(file);
        assert_verified(&copy);
        // One snapshot: the payments committed before it, 1..=n, each exactly as the ledger
        // has it now (a later create never changes an earlier payment).
        let payments = payments_by_id(&copy);
        let n = payments.len() as i64;
        assert_eq!(
            payments.keys().copied().collect::<Vec<_>>(),
            (1..=n).collect::<Vec<_>>()
        );
        for (id, p) in &payments {
            assert_eq!(
                Some(p),
                after.get(id),
                "payment {id} differs in {}",
                file.display()
            );
        }
        sizes.push(n);
    }
    report(
        "backup under load",
        &format!(
            "{backups} backups while {WRITERS} processes recorded payments (copies held {sizes:?} of {} payments)",
            after.len()
        ),
        started,
    );
    // With the writers stopped, a backup is the ledger: every export and balance identical.
    let file = env.dir.path().join("final.db");
    env.ok(&["backup", file.to_str().unwrap(), "-q"]);
    let copy = open_copy(&file);
    assert_verified(&copy);
    assert_eq!(ledger_state(&copy), ledger_state(&env));
}

#[test]
fn backup_prints_what_it_wrote_in_every_format() {
    let env = Env::seeded();
    env.ok(&[
        "create",
        "--customer",
        "655080",
        "--amount",
        "50.00",
        "--method",
        "Cash",
        "--allocate",
        "566934=20.00",
    ]);
    let ledger = env.db.display().to_string();
    let file = env.dir.path().join("copy.db");
    let shown = file.display().to_string();
    let out = env.ok(&["backup", &shown]);
    let bytes = fs::metadata(&file).unwrap().len();
    let rule = |l: &str, m: &str, r: &str, w: usize| {
        format!("{l}{}{m}{}{r}", "─".repeat(14), "─".repeat(w + 2))
    };
    let width = ledger.len().max(shown.len());
    let row = |k: &str, v: &str| format!("│ {k:<12} ┆ {v:<width$} │");
    let mut want = vec![
        format!("Backed up ledger {ledger} to {shown} ({bytes} bytes)"),
        rule("┌", "┬", "┐", width),
        row("Field", "Value"),
        format!("╞{}╪{}╡", "═".repeat(14), "═".repeat(width + 2)),
    ];
    for (k, v) in [
        ("Backup", shown.as_str()),
        ("Ledger", ledger.as_str()),
        ("Bytes", &bytes.to_string()),
        ("Customers", "1"),
        ("Invoices", "3"),
        ("Payments", "1"),
        ("Allocations", "1"),
        ("Refunds", "0"),
        ("Activities", "1"),
        ("Audit events", "6"),
    ] {
        want.push(row(k, v));
    }
    want.push(rule("└", "┴", "┘", width));
    assert_eq!(out, want.join("\n") + "\n");

    let json = env.ok(&["backup", &shown, "--force", "-o", "json"]);
    let bytes = fs::metadata(&file).unwrap().len();
    assert_eq!(
        serde_json::from_str::<Value>(&json).unwrap(),
        serde_json::json!({
            "path": shown, "ledger": ledger, "bytes": bytes, "customers": 1, "invoices": 3,
            "payments": 1, "allocations": 1, "refunds": 0, "activities": 1, "auditEvents": 6
        })
    );
    let csv = env.ok(&["backup", &shown, "--force", "-o", "csv"]);
    let bytes = fs::metadata(&file).unwrap().len();
    assert_eq!(
        csv,
        format!(
            "path,ledger,bytes,customers,invoices,payments,allocations,refunds,activities,auditEvents\n{shown},{ledger},{bytes},1,3,1,1,0,1,6\n"
        )
    );
    assert_eq!(
        env.ok(&["backup", &shown, "--force", "-q"]),
        format!("{shown}\n")
    );
}

#[test]
fn a_backup_is_one_private_file_that_passes_verify_with_identical_balances() {
    let env = Env::seeded();
    env.ok(&[
        "create",
        "--customer",
        "655080",
        "--amount",
        "160.00",
        "--method",
        "Cash",
        "--auto-allocate",
    ]);
    env.ok(&["refund", "1", "--amount", "10.00"]);
    let file = env.dir.path().join("copy.db");
    // Even with a umask that lets everyone read, the copy is 0600.
    let out = assert_cmd::cargo::cargo_bin("payctl");
    let status = std::process::Command::new("sh")
        .args(["-c", "umask 000; exec \"$0\" backup \"$1\" -q"])
        .arg(&out)
        .arg(&file)
        .env("PAYCTL_DB", &env.db)
        .env("PAYCTL_NOW", crate::common::NOW)
        .env("HOME", env.dir.path())
        .output()
        .unwrap();
    assert_eq!(
        (
            status.status.code(),
            String::from_utf8_lossy(&status.stderr).into_owned()
        ),
        (Some(0), String::new())
    );
    assert_eq!(mode(&file), 0o600);
    // One self-contained file in rollback-journal mode (header bytes 18-19 are 1, not WAL's
    // 2): no -wal beside it is needed, and nothing but it was written.
    let header = fs::read(&file).unwrap();
    assert_eq!(&header[..16], b"SQLite format 3\0");
    assert_eq!((header[18], header[19]), (1, 1));
    let mut names: Vec<String> = fs::read_dir(env.dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .filter(|n| n.contains("copy"))
        .collect();
    names.sort();
    assert_eq!(names, ["copy.db"]);
    let copy = open_copy(&file);
    assert_verified(&copy);
    assert_eq!(ledger_state(&copy), ledger_state(&env));
    assert_eq!(copy.snapshot(), env.snapshot());
}

#[test]
fn backup_refuses_to_overwrite_unless_forced_and_never_the_ledger() {
    let env = Env::seeded();
    let file = env.dir.path().join("copy.db");
    let shown = file.display().to_string();
    fs::write(&file, "keep me\n").unwrap();
    fs::set_permissions(&file, fs::Permissions::from_mode(0o644)).unwrap();
    env.refused(
        &["backup", &shown],
        1,
        &format!(
            "error: backup {shown} already exists; give a new path, or --force to replace it\n"
        ),
    );
    assert_eq!(fs::read_to_string(&file).unwrap(), "keep me\n");
    // --force replaces it, atomically, with a private file.
    env.ok(&["backup", &shown, "--force", "-q"]);
    assert_eq!(mode(&file), 0o600);
    assert_verified(&open_copy(&file));
    // The rest is about the ledger's own file, which a team ledger does not have.
    if crate::common::on_postgres() {
        return;
    }

    let ledger = env.db.display().to_string();
    for args in [vec!["backup", &ledger], vec!["backup", &ledger, "--force"]] {
        env.refused(
            &args,
            2,
            &format!("error: backup '{ledger}' is the ledger itself (the same file as ledger '{ledger}'); choose another file\n"),
        );
    }
    // The same file by another name is still the ledger.
    let link = env.dir.path().join("link.db");
    std::os::unix::fs::symlink(&env.db, &link).unwrap();
    let link_shown = link.display().to_string();
    env.refused(
        &["backup", &link_shown, "--force"],
        2,
        &format!("error: backup '{link_shown}' is the ledger itself (the same file as ledger '{ledger}'); choose another file\n"),
    );
    let folder = env.dir.path().join("folder");
    fs::create_dir(&folder).unwrap();
    let folder_shown = folder.display().to_string();
    env.refused(
        &["backup", &folder_shown, "--force"],
        1,
        &format!("error: backup {folder_shown} is a folder; give a file name\n"),
    );
    assert_eq!(fs::read_dir(&folder).unwrap().count(), 0);
    assert_verified(&env);
}
