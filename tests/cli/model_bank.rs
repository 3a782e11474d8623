//! Model-based test of the bank path (issue 20): random invoices of one customer, a random
//! bank statement (lines naming one or two invoices the way payers write them, or nothing, for
//! amounts that pay them exactly, partly or too much), `bank import`, `bank match`, sometimes a
//! payment recorded by hand in between, then `bank apply --suggested`. A small model, written
//! here from SPEC §5 and §11 and not from payctl's code, checks that every proposal stays within
//! its line and within what each invoice owes (no two proposals on one remaining balance), that
//! a second match is the same, and then applies the proposals itself in booking order, each
//! whole or not at all against the balances as they are by then: the lines applied, every
//! invoice's paid, outstanding and status and every payment's unallocated amount must be the
//! ledger's, and `payctl verify` must pass.
//!
//! Size: PAYCTL_MODEL_CASES (else PROPTEST_CASES, else 8) statements.

use std::collections::BTreeMap;

use proptest::prelude::*;
use proptest::test_runner::TestCaseError;

use crate::common::Env;

#[derive(Clone, Debug)]
struct Line {
    day: u32,
    /// Indexes into the invoices named in the remittance (empty: no remittance).
    named: Vec<usize>,
    /// Cents added to what the named invoices owe (or the amount itself with none named).
    delta: i64,
}

fn line() -> impl Strategy<Value = Line> {
    (
        1u32..4,
        prop::collection::vec(0usize..5, 0..3),
        prop_oneof![Just(0i64), -500i64..500, 1i64..30_000],
    )
        .prop_map(|(day, named, delta)| Line { day, named, delta })
}

/// Cents as payctl writes USD.
fn money(cents: i64) -> String {
    format!("{}.{:02}", cents / 100, cents % 100)
}

fn cents(value: &serde_json::Value) -> i64 {
    let text = value.to_string();
    let (whole, frac) = text
        .trim_matches('"')
        .split_once('.')
        .unwrap_or((&text, "0"));
    whole.parse::<i64>().unwrap() * 100 + format!("{frac:0<2}")[..2].parse::<i64>().unwrap()
}

#[derive(Default, Debug)]
struct Model {
    /// Invoice id → (total, paid).
    invoices: BTreeMap<i64, (i64, i64)>,
    /// Payment id → (amount, allocated).
    payments: BTreeMap<i64, (i64, i64)>,
}

impl Model {
    fn outstanding(&self, id: i64) -> i64 {
        let (total, paid) = self.invoices[&id];
        total - paid
    }
    fn status(&self, id: i64) -> &'static str {
        let (total, paid) = self.invoices[&id];
        match paid {
            0 => "unpaid",
            p if p == total => "paid",
            _ => "partially_paid",
        }
    }
    fn pay(&mut self, id: i64, amount: i64, allocations: &[(i64, i64)]) {
        for (invoice, a) in allocations {
            self.invoices.get_mut(invoice).unwrap().1 += a;
        }
        let allocated = allocations.iter().map(|(_, a)| a).sum();
        self.payments.insert(id, (amount, allocated));
    }
}

fn run_case(
    totals: &[i64],
    lines: &[Line],
    by_hand: Option<(usize, i64)>,
) -> Result<(), TestCaseError> {
    let env = Env::new();
    env.ok(&["customer", "add", "--id", "1", "--name", "Model Co"]);
    let mut model = Model::default();
    let ids: Vec<i64> = (0..totals.len() as i64).map(|i| 101 + i).collect();
    for (id, total) in ids.iter().zip(totals) {
        env.ok(&[
            "invoice",
            "add",
            "--id",
            &id.to_string(),
            "--customer",
            "1",
            "--number",
            &format!("MB-2026-{id:04}"),
            "--total",
            &money(*total),
            "--date",
            "2026-10-01",
            "--terms",
            "net30",
        ]);
        model.invoices.insert(*id, (*total, 0));
    }
    // The statement: amounts from what the named invoices owe before any of it is applied.
    let mut csv = "date,amount,text,id\n".to_string();
    let mut amounts = BTreeMap::new();
    for (n, l) in lines.iter().enumerate() {
        let named: Vec<i64> = l.named.iter().map(|i| ids[i % ids.len()]).collect();
        let owed: i64 = named.iter().map(|i| model.outstanding(*i)).sum();
        let amount = (owed + l.delta).max(1);
        let text: Vec<String> = named.iter().map(|i| format!("mb 2026/{i:04}")).collect();
        csv.push_str(&format!(
            "2026-11-0{},{},{},L{n}\n",
            l.day,
            money(amount),
            text.join(" and ")
        ));
        amounts.insert(n as i64 + 1, (l.day, amount));
    }
    let path = env.dir.path().join("statement.csv");
    std::fs::write(&path, csv).unwrap();
    let imported = env.json(&[
        "bank",
        "import",
        path.to_str().unwrap(),
        "--map",
        "date=date,amount=amount,reference=text,id=id,currency_code=USD",
    ]);
    prop_assert_eq!(imported[0]["creditsNew"].as_i64(), Some(lines.len() as i64));

    // Every proposal within its line and within what each invoice owes, summed over the run.
    let proposals = env.json(&["bank", "match"]);
    let proposals = proposals.as_array().unwrap().clone();
    let mut taken: BTreeMap<i64, i64> = BTreeMap::new();
    let mut planned = Vec::new();
    for p in &proposals {
        let line = p["lineId"].as_i64().unwrap();
        let allocations: Vec<(i64, i64)> = p["allocations"]
            .as_array()
            .unwrap()
            .iter()
            .map(|a| (a["invoiceId"].as_i64().unwrap(), cents(&a["amount"])))
            .collect();
        let sum: i64 = allocations.iter().map(|(_, a)| a).sum();
        prop_assert!(sum <= amounts[&line].1, "line {line} over-allocated: {p}");
        for (invoice, a) in &allocations {
            prop_assert!(*a > 0);
            let t = taken.entry(*invoice).or_default();
            *t += a;
            prop_assert!(
                *t <= model.outstanding(*invoice),
                "invoice {invoice} proposed past what it owes: {proposals:?}"
            );
        }
        let reason = p["reason"].as_str().unwrap().to_string();
        if reason != "ambiguous" && reason != "none" {
            prop_assert_eq!(p["customerId"].as_i64(), Some(1));
            planned.push((amounts[&line].0, line, allocations));
        } else {
            prop_assert!(allocations.is_empty());
        }
    }
    // Matching is deterministic: a dry run now proposes the same.
    let again = env.json(&["bank", "match", "--dry-run"]);
    let strip = |v: &[serde_json::Value]| -> Vec<serde_json::Value> {
        v.iter()
            .map(|p| {
                let mut p = p.clone();
                p["run"] = serde_json::Value::Null;
                p
            })
            .collect()
    };
    prop_assert_eq!(strip(again.as_array().unwrap()), strip(&proposals));

    let mut next_payment = 1;
    if let Some((idx, amount)) = by_hand {
        let invoice = ids[idx % ids.len()];
        let amount = amount.min(model.outstanding(invoice)).max(1);
        let fits = model.outstanding(invoice) >= amount;
        let run = env.run(&[
            "create",
            "--customer",
            "1",
            "--amount",
            &money(amount),
            "--method",
            "Cash",
            "--allocate",
            &format!("{invoice}={}", money(amount)),
        ]);
        prop_assert_eq!(run.code, if fits { 0 } else { 1 }, "{}", run.stderr);
        if fits {
            model.pay(next_payment, amount, &[(invoice, amount)]);
            next_payment += 1;
        }
    }

    // The model applies the proposals in booking order, each whole or skipped.
    planned.sort_by_key(|(day, line, _)| (*day, *line));
    let mut applied_lines = Vec::new();
    for (_, line, allocations) in &planned {
        let fits = allocations
            .iter()
            .all(|(invoice, a)| model.outstanding(*invoice) >= *a);
        if fits {
            model.pay(next_payment, amounts[line].1, allocations);
            next_payment += 1;
            applied_lines.push(*line);
        }
    }
    let run = env.run(&["bank", "apply", "--suggested", "-q"]);
    prop_assert_eq!(run.code, 0, "{}", run.stderr);
    let skipped = run.stderr.lines().filter(|l| l.contains("skipped")).count();
    prop_assert_eq!(
        skipped,
        planned.len() - applied_lines.len(),
        "{}",
        run.stderr
    );

    let mut got_lines: Vec<i64> = env
        .json(&["bank", "list", "--status", "applied"])
        .as_array()
        .unwrap()
        .iter()
        .map(|l| l["id"].as_i64().unwrap())
        .collect();
    got_lines.sort_unstable();
    applied_lines.sort_unstable();
    prop_assert_eq!(got_lines, applied_lines);
    for invoice in env.json(&["invoice", "list"]).as_array().unwrap() {
        let id = invoice["id"].as_i64().unwrap();
        prop_assert_eq!(
            (
                cents(&invoice["totalPayments"]),
                cents(&invoice["outstandingBalance"]),
                invoice["status"].as_str().unwrap()
            ),
            (
                model.invoices[&id].1,
                model.outstanding(id),
                model.status(id)
            ),
            "invoice {}",
            id
        );
    }
    let payments = env.json(&["list"]);
    let got: BTreeMap<i64, i64> = payments
        .as_array()
        .unwrap()
        .iter()
        .map(|p| (p["id"].as_i64().unwrap(), cents(&p["unallocatedAmount"])))
        .collect();
    let want: BTreeMap<i64, i64> = model
        .payments
        .iter()
        .map(|(id, (amount, allocated))| (*id, amount - allocated))
        .collect();
    prop_assert_eq!(got, want);
    env.ok(&["verify"]);
    Ok(())
}

#[test]
fn bank_apply_agrees_with_a_model_of_the_balances() {
    let cases = ["PAYCTL_MODEL_CASES", "PROPTEST_CASES"]
        .iter()
        .find_map(|n| std::env::var(n).ok())
        .and_then(|v| v.parse().ok())
        .unwrap_or(8);
    let mut runner = proptest::test_runner::TestRunner::new(ProptestConfig {
        cases,
        failure_persistence: None,
        ..ProptestConfig::default()
    });
    let strategy = (
        prop::collection::vec(100i64..20_000, 2..5),
        prop::collection::vec(line(), 1..7),
        prop::option::of((0usize..5, 100i64..20_000)),
    );
    runner
        .run(&strategy, |(totals, lines, by_hand)| {
            run_case(&totals, &lines, by_hand)
        })
        .unwrap();
}
