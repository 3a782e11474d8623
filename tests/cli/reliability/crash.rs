//! kill -9 at random moments: during imports, during loops of creates, during backups. After
//! every kill the ledger verifies, an import is all or nothing, and every payment whose
//! command reported success is there.

use std::collections::BTreeMap;
use std::fs;
use std::process::Child;
use std::thread;
use std::time::{Duration, Instant};

use serde_json::Value;

use super::{
    assert_verified, customer_with_invoices, finish, payment_count, report, spawn, stress, Rng,
};
use crate::common::Env;

/// Waits for `child` until `deadline`, then kills it (SIGKILL). Returns the exit code, or
/// None when the kill found it still running, and its stdout.
fn run_until(mut child: Child, deadline: Instant) -> (Option<i32>, String) {
    loop {
        if child.try_wait().unwrap().is_some() {
            let (code, out, _) = finish(child);
            return (Some(code), out);
        }
        if Instant::now() >= deadline {
            child.kill().unwrap();
            let (_, out, _) = finish(child);
            return (None, out);
        }
        thread::sleep(Duration::from_millis(1));
    }
}

/// Picks kill moments spread over a command's whole life, from start-up to exit. How long it
/// runs depends on the machine and on what else runs, so the span follows what is seen: a
/// command that finished before its kill shows how long it takes; one killed later than the
/// span shows that it takes longer.
struct KillClock {
    span_ms: u64,
}

impl KillClock {
    fn new(span_ms: u64) -> KillClock {
        KillClock {
            span_ms: span_ms.max(20),
        }
    }

    fn delay(&self, rng: &mut Rng) -> u64 {
        rng.below(self.span_ms * 6 / 5 + 1)
    }

    fn saw(&mut self, delay: u64, finished_after: Option<u64>) {
        match finished_after {
            Some(took) => self.span_ms = took.max(20),
            None if delay > self.span_ms => self.span_ms = delay * 11 / 10,
            None => {}
        }
    }
}

/// Runs `args` and kills it `delay` ms after start unless it finished: (exit code, how long
/// it took when it finished).
fn run_killed_after(env: &Env, args: &[&str], delay: u64) -> (Option<i32>, Option<u64>) {
    let started = Instant::now();
    let child = spawn(env, args);
    let (code, _) = run_until(child, started + Duration::from_millis(delay));
    (code, code.map(|_| started.elapsed().as_millis() as u64))
}

/// A payments CSV of `rows` rows, all with --auto-allocate, references `{tag}-N`.
fn import_file(env: &Env, tag: &str, rows: usize) -> String {
    let mut csv = String::from("customerId,amount,paymentMethod,reference,autoAllocate\n");
    for i in 0..rows {
        csv.push_str(&format!("655080,1.{:02},Cash,{tag}-{i},true\n", i % 100));
    }
    let path = env.dir.path().join(format!("{tag}.csv"));
    fs::write(&path, csv).unwrap();
    path.to_str().unwrap().to_string()
}

/// How many payments have a reference starting with `prefix`.
fn with_prefix(payments: &Value, prefix: &str) -> usize {
    payments
        .as_array()
        .unwrap()
        .iter()
        .filter(|p| {
            p["reference"]
                .as_str()
                .is_some_and(|r| r.starts_with(prefix))
        })
        .count()
}

#[test]
fn kill_9_during_imports_leaves_all_or_nothing() {
    const ROWS: usize = 1000;
    let rounds = 6 * stress();
    let mut rng = Rng::new("crash during import");
    let env = Env::new();
    customer_with_invoices(&env, 200, "10.00");

    // How long one import takes here, so the kills spread over its whole life: start-up,
    // reading, the transaction, the commit, and after.
    let probe = Env::new();
    customer_with_invoices(&probe, 200, "10.00");
    let file = import_file(&probe, "probe", ROWS);
    let started = Instant::now();
    probe.ok(&["import", &file]);

    let mut clock = KillClock::new(started.elapsed().as_millis() as u64);
    let (mut killed, mut committed_before_kill) = (0, 0);
    let started = Instant::now();
    for round in 0..rounds {
        let tag = format!("imp{round}");
        let file = import_file(&env, &tag, ROWS);
        let before = env.snapshot();
        let count_before = payment_count(&env);
        let delay = clock.delay(&mut rng);
        let (code, took) = run_killed_after(&env, &["import", &file], delay);
        clock.saw(delay, took);
        assert_verified(&env);
        let payments = env.json(&["list"]);
        let count = payments.as_array().unwrap().len();
        let imported = with_prefix(&payments, &format!("{tag}-"));
        if code.is_none() {
            killed += 1;
        }
        if imported == 0 {
            // Nothing of it: then nothing at all changed, and it did not claim success.
            assert_eq!(count, count_before, "round {round}");
            assert_ne!(
                code,
                Some(0),
                "round {round}: reported success, imported nothing"
            );
            assert_eq!(
                env.snapshot(),
                before,
                "round {round}: a killed import left traces"
            );
        } else {
            assert_eq!(imported, ROWS, "round {round}: import cut in half");
            assert_eq!(count, count_before + ROWS, "round {round}");
            if code.is_none() {
                committed_before_kill += 1;
            }
        }
    }
    report(
        "crash during import",
        &format!(
            "{rounds} imports of {ROWS} rows, a kill -9 at a random moment of each ({killed} killed while running, {committed_before_kill} of those had committed, the others had finished)"
        ),
        started,
    );
    // Whatever happened, re-importing every file now completes the set exactly once.
    for round in 0..rounds {
        let file = env.dir.path().join(format!("imp{round}.csv"));
        env.ok(&["import", file.to_str().unwrap(), "-q"]);
    }
    assert_eq!(payment_count(&env), rounds * ROWS);
    assert_verified(&env);
}

/// One create in a worker's loop: its key (also its reference), and how it ended.
struct Attempt {
    key: String,
    /// The id it printed, when it reported success.
    id: Option<i64>,
    killed: bool,
}

#[test]
fn kill_9_during_create_loops_loses_no_reported_payment() {
    const WORKERS: usize = 4;
    let rounds = 6 * stress();
    let mut rng = Rng::new("crash during creates");
    let env = Env::new();
    customer_with_invoices(&env, 50, "25.00");
    let started = Instant::now();
    let (mut kills, mut reported, mut killed_but_committed) = (0, 0, 0);
    for round in 0..rounds {
        let deadline = Instant::now() + Duration::from_millis(50 + rng.below(600));
        let attempts: Vec<Attempt> = thread::scope(|s| {
            let handles: Vec<_> = (0..WORKERS)
                .map(|w| {
                    let env = &env;
                    s.spawn(move || {
                        let mut attempts = Vec::new();
                        for i in 0.. {
                            let key = format!("r{round}-w{w}-i{i}");
                            let amount = format!("{}.{:02}", 1 + (i + w) % 7, (i * 13) % 100);
                            let child = spawn(
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
                                    &key,
                                    "--idempotency-key",
                                    &key,
                                    "-q",
                                ],
                            );
                            let (code, out) = run_until(child, deadline);
                            let killed = code.is_none();
                            let id = (code == Some(0)).then(|| out.trim().parse().unwrap());
                            assert!(killed || id.is_some(), "{key} failed: exit {code:?}");
                            attempts.push(Attempt { key, id, killed });
                            if killed {
                                break;
                            }
                        }
                        attempts
                    })
                })
                .collect();
            handles
                .into_iter()
                .flat_map(|h| h.join().unwrap())
                .collect()
        });
        assert_verified(&env);
        let payments = env.json(&["list"]);
        let by_reference: BTreeMap<String, i64> = payments
            .as_array()
            .unwrap()
            .iter()
            .map(|p| {
                (
                    p["reference"].as_str().unwrap().to_string(),
                    p["id"].as_i64().unwrap(),
                )
            })
            .collect();
        assert_eq!(
            by_reference.len(),
            payments.as_array().unwrap().len(),
            "a reference twice"
        );
        for attempt in &attempts {
            match (attempt.id, attempt.killed) {
                (Some(id), _) => {
                    reported += 1;
                    assert_eq!(
                        by_reference.get(&attempt.key),
                        Some(&id),
                        "{} lost",
                        attempt.key
                    );
                }
                (None, true) => {
                    kills += 1;
                    let committed = by_reference.get(&attempt.key).copied();
                    killed_but_committed += usize::from(committed.is_some());
                    // Retrying with the same key is safe: it records the payment once.
                    let amount_args = payments_args(&attempt.key);
                    let args: Vec<&str> = amount_args.iter().map(String::as_str).collect();
                    let out = env.ok(&args);
                    let id: i64 = out.trim().parse().unwrap();
                    if let Some(first) = committed {
                        assert_eq!(
                            id, first,
                            "{}: the retry made a second payment",
                            attempt.key
                        );
                    }
                }
                (None, false) => unreachable!(),
            }
        }
        // Each attempt's payment exists exactly once now.
        let payments = env.json(&["list"]);
        assert_eq!(
            with_prefix(&payments, &format!("r{round}-")),
            attempts.len(),
            "round {round}"
        );
    }
    report(
        "crash during creates",
        &format!(
            "{rounds} rounds of {WORKERS} create loops: {reported} payments reported and found, {kills} creates killed ({killed_but_committed} of them had committed; retried with their keys)"
        ),
        started,
    );
    assert_verified(&env);
}

/// The create a worker ran for `key`, rebuilt from it (round, worker, index) for the retry.
fn payments_args(key: &str) -> Vec<String> {
    let parts: Vec<usize> = key.split('-').map(|p| p[1..].parse().unwrap()).collect();
    let (w, i) = (parts[1], parts[2]);
    let amount = format!("{}.{:02}", 1 + (i + w) % 7, (i * 13) % 100);
    [
        "create",
        "--customer",
        "655080",
        "--amount",
        &amount,
        "--method",
        "Cash",
        "--auto-allocate",
        "--reference",
        key,
        "--idempotency-key",
        key,
        "-q",
    ]
    .map(String::from)
    .to_vec()
}

#[test]
fn kill_9_during_backups_never_leaves_a_half_copy() {
    let rounds = 4 * stress();
    let mut rng = Rng::new("crash during backup");
    let env = Env::new();
    customer_with_invoices(&env, 200, "10.00");
    let file = import_file(&env, "base", 3000);
    env.ok(&["import", &file, "-q"]);
    let target = env.dir.path().join("copy.db");
    let target_arg = target.to_str().unwrap();
    let started = Instant::now();
    env.ok(&["backup", target_arg, "-q"]);
    let mut clock = KillClock::new(started.elapsed().as_millis() as u64);
    let want = super::ledger_state(&env);
    let (mut whole, mut absent) = (0, 0);
    let started = Instant::now();
    for round in 0..rounds {
        // Every other round starts without a copy; the others replace one with --force.
        if round % 2 == 0 {
            let _ = fs::remove_file(&target);
        }
        let delay = clock.delay(&mut rng);
        let (code, took) = run_killed_after(&env, &["backup", target_arg, "--force", "-q"], delay);
        clock.saw(delay, took);
        if target.exists() {
            // A file under the target's name is always a whole copy (the old or the new).
            whole += 1;
            let copy_dir = tempfile::tempdir().unwrap();
            let copy_db = copy_dir.path().join("copy.db");
            let copy = Env::sqlite_file(copy_dir, copy_db);
            fs::copy(&target, &copy.db).unwrap();
            assert_verified(&copy);
            assert_eq!(super::ledger_state(&copy), want, "round {round}");
        } else {
            absent += 1;
            assert_ne!(
                code,
                Some(0),
                "round {round}: reported a backup that is not there"
            );
        }
        assert_verified(&env);
    }
    let temporary = |env: &Env| -> Vec<String> {
        fs::read_dir(env.dir.path())
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .filter(|n| n.contains(".payctl-tmp-"))
            .collect()
    };
    let left = temporary(&env).len();
    report(
        "crash during backup",
        &format!("{rounds} backups, a kill -9 at a random moment of each: {whole} whole copies, {absent} absent, {left} temporary files left"),
        started,
    );
    // The next backup to the same name clears what the killed ones left.
    env.ok(&["backup", target_arg, "--force", "-q"]);
    assert_eq!(temporary(&env), Vec::<String>::new());
}
