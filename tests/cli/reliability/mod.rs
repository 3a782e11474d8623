//! Reliability and security (issue 8): many processes at once, kill -9 mid-write, full disks,
//! read-only files, held locks, foreign files, backups under load, card numbers, SQL and
//! formula injection, and idempotent retries.
//!
//! The heavy versions scale with `PAYCTL_STRESS=N` (default 1, what CI runs):
//!
//!     PAYCTL_STRESS=10 cargo test --release --test cli reliability -- --nocapture
//!
//! or `tests/reliability/run.sh`. Each test prints what it measured on stderr (seen with
//! `--nocapture`); no assertion depends on timing.

use std::process::{Child, Stdio};
use std::time::Instant;

use serde_json::Value;

use crate::common::Env;

mod backup;
mod concurrency;
mod crash;
mod faults;
mod retries;
pub(crate) mod security;

/// The size knob: `PAYCTL_STRESS=N` multiplies the rounds of the heavy tests.
pub fn stress() -> usize {
    std::env::var("PAYCTL_STRESS")
        .ok()
        .and_then(|s| s.trim().parse().ok())
        .filter(|&n: &usize| n >= 1)
        .unwrap_or(1)
}

/// A small deterministic random source (splitmix64): the same seed gives the same kill
/// moments, so a failure can be replayed with `PAYCTL_STRESS_SEED`.
pub struct Rng(u64);

impl Rng {
    pub fn new(test: &str) -> Rng {
        let seed = std::env::var("PAYCTL_STRESS_SEED")
            .ok()
            .and_then(|s| s.trim().parse().ok())
            .unwrap_or(0x5059_4354);
        eprintln!("{test}: PAYCTL_STRESS_SEED={seed}");
        Rng(seed)
    }

    pub fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A number in `0..n`.
    pub fn below(&mut self, n: u64) -> u64 {
        self.next() % n.max(1)
    }
}

/// Prints a measurement: `--nocapture` shows it; the README quotes it.
pub fn report(test: &str, what: &str, started: Instant) {
    eprintln!("{test}: {what} in {:.2} s", started.elapsed().as_secs_f64());
}

/// An amount's text (`12.34`, `5`) in minor units of a 2-decimal currency, without floats.
pub fn minor(text: &str) -> i64 {
    let (whole, frac) = text.split_once('.').unwrap_or((text, ""));
    assert!(frac.len() <= 2, "amount {text}");
    let frac = format!("{frac:0<2}");
    let sign = if whole.starts_with('-') { -1 } else { 1 };
    let whole: i64 = whole.trim_start_matches('-').parse().expect("amount");
    sign * (whole * 100 + frac.parse::<i64>().expect("amount"))
}

/// A JSON amount (a number at the currency's scale) in minor units.
pub fn minor_of(value: &Value) -> i64 {
    minor(value.to_string().trim_matches('"'))
}

/// Minor units as text with two decimals: `1234` is `12.34`.
pub fn amount(minor: i64) -> String {
    format!("{}.{:02}", minor / 100, minor % 100)
}

/// Runs `payctl verify` and insists it is clean.
#[track_caller]
pub fn assert_verified(env: &Env) {
    let run = env.run(&["verify", "-o", "json"]);
    assert_eq!(
        (run.code, run.stderr.as_str()),
        (
            0,
            // A SQLite copy of a team ledger (a backup) is verified as a file: no server.
            match env
                .db
                .to_str()
                .is_some_and(|d| d.starts_with("postgres://"))
            {
                true => crate::pg_verify::clean_verify_stderr(),
                false => "",
            }
        ),
        "verify failed:\n{}",
        run.stdout
    );
    let doc: Value = serde_json::from_str(&run.stdout).expect("verify JSON");
    assert_eq!(doc["ok"], Value::Bool(true));
}

/// Everything a user can read about the ledger's money: every export in every format, and
/// the balances of every customer, invoice and payment. Equal states mean equal ledgers, as
/// far as payctl's outputs can tell.
pub fn ledger_state(env: &Env) -> String {
    let mut out = String::new();
    for kind in [
        "payments",
        "invoices",
        "customers",
        "allocations",
        "activities",
    ] {
        for format in ["csv", "json", "jsonl"] {
            out.push_str(&format!("## export {kind} {format}\n"));
            out.push_str(&env.ok(&["export", kind, "--format", format]));
        }
    }
    for args in [
        &["customer", "list", "-o", "json"][..],
        &["invoice", "list", "-o", "json"],
        &["list", "-o", "json"],
        &["activity", "list", "-o", "csv"],
    ] {
        out.push_str(&format!("## {args:?}\n"));
        out.push_str(&env.ok(args));
    }
    out
}

/// The exit code, stdout and stderr of a finished child.
pub fn finish(child: Child) -> (i32, String, String) {
    let out = child.wait_with_output().expect("wait for payctl");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

/// Spawns payctl with captured output.
pub fn spawn(env: &Env, args: &[&str]) -> Child {
    env.command(args)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn payctl")
}

/// [`spawn`] with a busy timeout of two minutes. The races hold payctl to serialising its
/// writers (every payment recorded, no invoice over its total, the loser refused), not to a
/// speed: on a 2-core machine shared with builds, 16 queued writers have waited past the 5 s
/// default (exit 75, nothing written), which says nothing about the ledger. The busy timeout
/// itself is tested in faults.rs.
pub fn spawn_patient(env: &Env, args: &[&str]) -> Child {
    env.command(args)
        .env("PAYCTL_BUSY_TIMEOUT_MS", "120000")
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn payctl")
}

/// Adds customer 655080 (USD) and `n` invoices of `total` each, ids 1..=n, due one day
/// apart, in one import (one process).
pub fn customer_with_invoices(env: &Env, n: usize, total: &str) {
    env.ok(&[
        "customer",
        "add",
        "--id",
        "655080",
        "--name",
        "Acme Corp",
        "-q",
    ]);
    let mut csv = String::from("id,customerId,invoiceAmount,effectiveTimestamp,dueDate\n");
    for i in 1..=n {
        csv.push_str(&format!(
            "{i},655080,{total},2026-01-01,2026-{:02}-{:02}\n",
            1 + (i / 28) % 12,
            1 + i % 28
        ));
    }
    let file = env.dir.path().join("invoices.csv");
    std::fs::write(&file, csv).unwrap();
    env.ok(&["import", file.to_str().unwrap(), "--kind", "invoices", "-q"]);
}

/// The number of payments in the ledger.
pub fn payment_count(env: &Env) -> usize {
    env.json(&["list"]).as_array().expect("list").len()
}

/// Whether the tests run as root, who may write any file whatever its mode.
pub fn is_root() -> bool {
    use std::os::unix::fs::MetadataExt;
    std::fs::metadata("/proc/self").is_ok_and(|m| m.uid() == 0)
}

/// `nobody`.
const NOBODY: u32 = 65534;

/// Hands a folder and everything in it to `uid`.
fn chown_all(path: &std::path::Path, uid: u32) {
    std::os::unix::fs::chown(path, Some(uid), Some(uid)).expect("chown");
    if path.is_dir() && !path.is_symlink() {
        for entry in std::fs::read_dir(path).unwrap() {
            chown_all(&entry.unwrap().path(), uid);
        }
    }
}

/// The user payctl runs as in the permission tests. Permissions bind everyone but root, so
/// as root the tests hand the temp folder to `nobody` (65534) and run a copy of payctl (the
/// build folder may be closed to others) as that user.
pub struct User {
    program: std::path::PathBuf,
    uid: Option<u32>,
}

impl User {
    /// The user to run as, or why there is none: as root without the right to switch user
    /// (some containers), permissions cannot be tested.
    pub fn unprivileged(env: &Env) -> Result<User, String> {
        let built = assert_cmd::cargo::cargo_bin("payctl");
        if !is_root() {
            return Ok(User {
                program: built,
                uid: None,
            });
        }
        let program = env.dir.path().join("payctl-copy");
        std::fs::copy(&built, &program).expect("copy payctl");
        chown_all(env.dir.path(), NOBODY);
        let user = User {
            program,
            uid: Some(NOBODY),
        };
        match user.command(env, &["--version"]).output() {
            Ok(out) if out.status.success() => Ok(user),
            Ok(out) => Err(format!(
                "payctl does not run as uid {NOBODY}: {}",
                String::from_utf8_lossy(&out.stderr).trim()
            )),
            Err(e) => Err(format!("cannot run payctl as uid {NOBODY}: {e}")),
        }
    }

    /// payctl with `env`'s ledger and clock, as this user.
    pub fn command(&self, env: &Env, args: &[&str]) -> std::process::Command {
        use std::os::unix::process::CommandExt;
        let mut cmd = std::process::Command::new(&self.program);
        cmd.args(args)
            .env("PAYCTL_DB", &env.db)
            .env("PAYCTL_NOW", crate::common::NOW)
            .env("NO_COLOR", "1")
            .env("HOME", env.dir.path())
            .env("USER", "tester")
            .env_remove("PAYCTL_OUTPUT")
            .env_remove("XDG_DATA_HOME")
            .env_remove("PAYCTL_BUSY_TIMEOUT_MS")
            .env_remove("PAYCTL_MAX_PAGE_COUNT")
            .stdin(Stdio::null());
        if let Some(uid) = self.uid {
            cmd.uid(uid).gid(uid);
        }
        cmd
    }

    pub fn run(&self, env: &Env, args: &[&str]) -> (i32, String, String) {
        finish(
            self.command(env, args)
                .stdout(Stdio::piped())
                .stderr(Stdio::piped())
                .spawn()
                .expect("spawn payctl"),
        )
    }
}
