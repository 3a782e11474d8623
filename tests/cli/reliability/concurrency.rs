//! Many payctl processes writing one ledger at once: nothing lost, nothing over-allocated,
//! nobody told to retry.

use std::collections::BTreeMap;
use std::thread;
use std::time::Instant;

use super::{
    amount, assert_verified, customer_with_invoices, minor_of, report, spawn_patient, stress,
};
use crate::common::Env;

/// What one worker's create sent: its reference and amount in minor units.
fn payment_amount(worker: usize, i: usize) -> i64 {
    100 + ((worker * 131 + i * 17) % 900) as i64
}

#[test]
fn sixteen_processes_record_every_payment_and_never_over_allocate() {
    const WORKERS: usize = 16;
    // 25 each in CI; PAYCTL_STRESS=4 is the 16 x 100.
    let per_worker = 25 * stress();
    let env = Env::new();
    // Invoices of 100.00, 40 for 16 x 100 payments: the payments bring about twice what is
    // owed, so the invoices fill up while the workers race, and the rest stays unallocated.
    let invoices = per_worker * 2 / 5;
    customer_with_invoices(&env, invoices, "100.00");
    let started = Instant::now();
    let results: Vec<Vec<(usize, i32, String, String)>> = thread::scope(|s| {
        let handles: Vec<_> = (0..WORKERS)
            .map(|w| {
                let env = &env;
                s.spawn(move || {
                    (0..per_worker)
                        .map(|i| {
                            let amt = amount(payment_amount(w, i));
                            let reference = format!("w{w}-{i}");
                            let (code, out, err) = super::finish(spawn_patient(
                                env,
                                &[
                                    "create",
                                    "--customer",
                                    "655080",
                                    "--amount",
                                    &amt,
                                    "--method",
                                    "Cash",
                                    "--auto-allocate",
                                    "--reference",
                                    &reference,
                                    "-q",
                                ],
                            ));
                            (i, code, out, err)
                        })
                        .collect()
                })
            })
            .collect();
        handles.into_iter().map(|h| h.join().unwrap()).collect()
    });
    let total = WORKERS * per_worker;
    report(
        "concurrency",
        &format!(
            "{WORKERS} processes x {per_worker} creates with --auto-allocate ({total} payments)"
        ),
        started,
    );

    // Every command succeeded: no busy error (exit 75), no refusal.
    let failures: Vec<_> = results
        .iter()
        .flatten()
        .filter(|(_, code, _, _)| *code != 0)
        .collect();
    assert_eq!(failures, Vec::<&(usize, i32, String, String)>::new());
    // Each got its own id, and together they are 1..=total.
    let mut ids: Vec<i64> = results
        .iter()
        .flatten()
        .map(|(_, _, out, _)| out.trim().parse().expect("an id"))
        .collect();
    ids.sort_unstable();
    assert_eq!(ids, (1..=total as i64).collect::<Vec<_>>());

    // Every payment is there with the amount its worker sent, and adds up.
    let payments = env.json(&["list"]);
    let payments = payments.as_array().unwrap();
    assert_eq!(payments.len(), total);
    let mut want: BTreeMap<String, i64> = BTreeMap::new();
    for w in 0..WORKERS {
        for i in 0..per_worker {
            want.insert(format!("w{w}-{i}"), payment_amount(w, i));
        }
    }
    let mut got: BTreeMap<String, i64> = BTreeMap::new();
    let mut allocated_total = 0;
    let mut unallocated_total = 0;
    for p in payments {
        let amt = minor_of(&p["amount"]);
        let allocated: i64 = p["invoiceAllocations"]
            .as_array()
            .unwrap()
            .iter()
            .map(|a| minor_of(&a["amount"]))
            .sum();
        let unallocated = minor_of(&p["unallocatedAmount"]);
        assert!(allocated >= 0 && unallocated >= 0, "{p}");
        assert_eq!(allocated + unallocated, amt, "payment over-allocated: {p}");
        allocated_total += allocated;
        unallocated_total += unallocated;
        got.insert(p["reference"].as_str().unwrap().to_string(), amt);
    }
    assert_eq!(got, want);

    // Every invoice is paid exactly: not a cent more than its total.
    let invoices = env.json(&["invoice", "list"]);
    let invoices = invoices.as_array().unwrap();
    assert_eq!(invoices.len(), per_worker * 2 / 5);
    let mut invoiced = 0;
    for inv in invoices {
        assert_eq!(
            (
                minor_of(&inv["totalPayments"]),
                minor_of(&inv["outstandingBalance"]),
                inv["status"].as_str().unwrap()
            ),
            (10_000, 0, "paid"),
            "{inv}"
        );
        invoiced += minor_of(&inv["invoiceAmount"]);
    }
    let paid: i64 = want.values().sum();
    assert_eq!(allocated_total, invoiced);
    assert_eq!(unallocated_total, paid - invoiced);
    let customer = env.json(&["customer", "show", "655080"]);
    assert_eq!(
        (
            minor_of(&customer["outstandingBalance"]),
            minor_of(&customer["availableFunds"])
        ),
        (0, paid - invoiced)
    );
    assert_verified(&env);
}

/// Runs `attempts` commands in each of `workers` processes at once and returns the results.
fn hammer(
    env: &Env,
    workers: usize,
    attempts: usize,
    args: &(dyn Fn(usize, usize) -> Vec<String> + Sync),
) -> Vec<(i32, String, String)> {
    thread::scope(|s| {
        let handles: Vec<_> = (0..workers)
            .map(|w| {
                s.spawn(move || {
                    (0..attempts)
                        .map(|i| {
                            let args = args(w, i);
                            let args: Vec<&str> = args.iter().map(String::as_str).collect();
                            super::finish(spawn_patient(env, &args))
                        })
                        .collect::<Vec<_>>()
                })
            })
            .collect();
        handles
            .into_iter()
            .flat_map(|h| h.join().unwrap())
            .collect()
    })
}

/// Exactly `winners` commands succeeded, and every other one was refused with exit 1 and
/// exactly `refusal`.
#[track_caller]
fn assert_split(results: &[(i32, String, String)], winners: usize, refusal: &str) {
    let won = results.iter().filter(|(code, _, _)| *code == 0).count();
    let refused: Vec<_> = results.iter().filter(|(code, _, _)| *code != 0).collect();
    assert_eq!(won, winners);
    for (code, out, err) in &refused {
        assert_eq!((*code, out.as_str(), err.as_str()), (1, "", refusal));
    }
    assert_eq!(refused.len(), results.len() - winners);
}

/// The hot invoice as the tests see it: (allocated, outstanding, status, allocation rows).
fn hot_invoice(env: &Env) -> (i64, i64, String, usize) {
    let inv = env.json(&["invoice", "show", "1"]);
    (
        minor_of(&inv["totalPayments"]),
        minor_of(&inv["outstandingBalance"]),
        inv["status"].as_str().unwrap().to_string(),
        inv["paymentAllocations"].as_array().unwrap().len(),
    )
}

#[test]
fn a_hot_invoice_takes_exactly_its_total_from_400_racing_creates() {
    let env = Env::new();
    customer_with_invoices(&env, 1, "100.00");
    let started = Instant::now();
    // 8 processes x 50 attempts to pay 1.00 of invoice 1 (100.00).
    let results = hammer(&env, 8, 50, &|_, _| {
        [
            "create",
            "--customer",
            "655080",
            "--amount",
            "1.00",
            "--method",
            "Cash",
            "--allocate",
            "1=1.00",
            "-q",
        ]
        .map(String::from)
        .to_vec()
    });
    report(
        "hot invoice",
        "8 processes x 50 creates of 1.00 against 100.00",
        started,
    );
    assert_split(
        &results,
        100,
        "error: invoice 1 is paid; only unpaid or partially_paid invoices take payments\n",
    );
    let mut ids: Vec<i64> = results
        .iter()
        .filter(|(code, _, _)| *code == 0)
        .map(|(_, out, _)| out.trim().parse().unwrap())
        .collect();
    ids.sort_unstable();
    assert_eq!(ids, (1..=100).collect::<Vec<_>>());
    assert_eq!(hot_invoice(&env), (10_000, 0, "paid".to_string(), 100));
    // The refused creates left no payment behind.
    assert_eq!(super::payment_count(&env), 100);
    assert_verified(&env);
}

#[test]
fn a_hot_invoice_takes_exactly_its_total_from_400_racing_allocates() {
    let env = Env::new();
    customer_with_invoices(&env, 1, "100.00");
    // 400 unallocated payments of 1.00, in one import.
    let mut csv = String::from("customerId,amount,paymentMethod,reference\n");
    for i in 1..=400 {
        csv.push_str(&format!("655080,1.00,Cash,p{i}\n"));
    }
    let file = env.dir.path().join("payments.csv");
    std::fs::write(&file, csv).unwrap();
    env.ok(&["import", file.to_str().unwrap()]);
    let started = Instant::now();
    // 8 processes x 50: each allocates its own payment's 1.00 to invoice 1.
    let results = hammer(&env, 8, 50, &|w, i| {
        let payment = (w * 50 + i + 1).to_string();
        [
            "allocate",
            &payment,
            "--invoice",
            "1",
            "--amount",
            "1.00",
            "-q",
        ]
        .map(String::from)
        .to_vec()
    });
    report(
        "hot invoice",
        "8 processes x 50 allocates of 1.00 against 100.00",
        started,
    );
    assert_split(
        &results,
        100,
        "error: invoice 1 is paid; only unpaid or partially_paid invoices take payments\n",
    );
    assert_eq!(hot_invoice(&env), (10_000, 0, "paid".to_string(), 100));
    let payments = env.json(&["list"]);
    let unallocated: Vec<i64> = payments
        .as_array()
        .unwrap()
        .iter()
        .map(|p| minor_of(&p["unallocatedAmount"]))
        .collect();
    assert_eq!(unallocated.iter().filter(|&&u| u == 0).count(), 100);
    assert_eq!(unallocated.iter().filter(|&&u| u == 100).count(), 300);
    assert_verified(&env);
}

/// Two processes race for the same invoice's last 40.00, twenty times (an invoice each):
/// `allocate` of two different payments, or two `create --allocate`. Started together
/// (a barrier before each spawn), each race has exactly one winner; the loser is refused
/// with exit 1 and a business reason (the invoice is paid), never a storage error or a busy
/// one; no invoice ever holds more than its total, and the loser's payment stays unallocated
/// (or, for create, is not recorded). On both engines.
#[test]
fn two_processes_racing_for_one_invoices_last_balance_one_wins_the_other_is_refused() {
    let env = Env::new();
    let rounds = 20;
    customer_with_invoices(&env, rounds, "100.00");
    // Payments 1..=20 pay 60.00 of invoices 1..=20; payments 21..=60 are unallocated 40.00s.
    let mut csv = String::from("customerId,amount,paymentMethod,allocations\n");
    for i in 1..=rounds {
        csv.push_str(&format!("655080,60.00,Cash,{i}=60.00\n"));
    }
    for _ in 0..2 * rounds {
        csv.push_str("655080,40.00,Cash,\n");
    }
    let file = env.dir.path().join("payments.csv");
    std::fs::write(&file, csv).unwrap();
    env.ok(&["import", file.to_str().unwrap(), "-q"]);
    for r in 0..rounds {
        let invoice = (r + 1).to_string();
        let args = |side: usize| -> Vec<String> {
            if r % 2 == 0 {
                let payment = (rounds + 1 + 2 * r + side).to_string();
                [
                    "allocate",
                    &payment,
                    "--invoice",
                    &invoice,
                    "--amount",
                    "40.00",
                    "-q",
                ]
                .map(String::from)
                .to_vec()
            } else {
                let spec = format!("{invoice}=40.00");
                [
                    "create",
                    "--customer",
                    "655080",
                    "--amount",
                    "40.00",
                    "--method",
                    "Cash",
                    "--allocate",
                    &spec,
                    "-q",
                ]
                .map(String::from)
                .to_vec()
            }
        };
        let barrier = std::sync::Barrier::new(2);
        let results: Vec<(i32, String, String)> = thread::scope(|s| {
            let handles: Vec<_> = (0..2)
                .map(|side| {
                    let args = args(side);
                    let barrier = &barrier;
                    let env = &env;
                    s.spawn(move || {
                        let args: Vec<&str> = args.iter().map(String::as_str).collect();
                        barrier.wait();
                        super::finish(spawn_patient(env, &args))
                    })
                })
                .collect();
            handles.into_iter().map(|h| h.join().unwrap()).collect()
        });
        let winners = results.iter().filter(|(code, _, _)| *code == 0).count();
        assert_eq!(winners, 1, "round {r}: {results:?}");
        let (code, out, err) = results.iter().find(|(code, _, _)| *code != 0).unwrap();
        assert_eq!(
            (*code, out.as_str(), err.as_str()),
            (
                1,
                "",
                format!(
                    "error: invoice {invoice} is paid; only unpaid or partially_paid invoices take payments\n"
                )
                .as_str()
            ),
            "round {r}"
        );
        let inv = env.json(&["invoice", "show", &invoice]);
        assert_eq!(
            (
                minor_of(&inv["totalPayments"]),
                minor_of(&inv["outstandingBalance"]),
                inv["status"].as_str().unwrap()
            ),
            (10_000, 0, "paid"),
            "round {r}"
        );
    }
    // Every allocate race left one of its two payments unallocated; every create race
    // recorded one payment, not two.
    let payments = env.json(&["list"]);
    let payments = payments.as_array().unwrap();
    assert_eq!(payments.len(), 3 * rounds + rounds / 2);
    let unallocated = payments
        .iter()
        .filter(|p| minor_of(&p["unallocatedAmount"]) == 4_000)
        .count();
    assert_eq!(unallocated, rounds + rounds / 2);
    assert_verified(&env);
}
