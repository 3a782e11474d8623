//! The benchmark harness cannot rot: its data generator (benches/datagen.rs), run at a tiny
//! size, writes files that the real payctl imports and verifies, with the balances the
//! generator says, and a journal that adds up to the same.

use std::collections::BTreeMap;

use crate::common::Env;

#[path = "../../benches/datagen.rs"]
mod datagen;

const PARAMS: datagen::Params = datagen::Params {
    customers: 6,
    invoices: 40,
    payments: 45,
    seed: 7,
};

fn path(dir: &std::path::Path, name: &str) -> String {
    dir.join(name).to_string_lossy().into_owned()
}

/// `12.30` (an amount as payctl prints it) in cents.
fn cents_of(text: &str) -> i64 {
    let (units, fraction) = text.split_once('.').expect("two decimals");
    assert_eq!(fraction.len(), 2, "amount {text}");
    let sign = if units.starts_with('-') { -1 } else { 1 };
    sign * (units.trim_start_matches('-').parse::<i64>().unwrap() * 100
        + fraction.parse::<i64>().unwrap())
}

fn json_cents(value: &serde_json::Value) -> i64 {
    cents_of(&value.to_string())
}

#[test]
fn generated_data_imports_verifies_and_adds_up() {
    let env = Env::new();
    let out = env.dir.path().join("data");
    let expected = datagen::generate(&PARAMS, &out).unwrap();
    assert_eq!(expected.invoiced.len(), 6);

    for (file, kind, rows) in [
        ("customers.csv", "customers", 6),
        ("invoices.csv", "invoices", 40),
        ("payments.csv", "payments", 45),
    ] {
        let file = path(&out, file);
        let printed = env.ok(&["import", &file, "--kind", kind]);
        let (summary, touched) = printed.split_once('\n').unwrap();
        assert_eq!(
            summary,
            format!("{file}: {rows} rows, {rows} imported, 0 already imported, 0 failed attempts recorded, 0 rejected")
        );
        // The payments name the invoices they touched (issue 16 item 5): one table row each
        // of the invoices now paid anything, after its header row.
        if kind == "payments" {
            let paid = env
                .json(&["invoice", "list"])
                .as_array()
                .unwrap()
                .iter()
                .filter(|i| json_cents(&i["totalPayments"]) != 0)
                .count();
            assert!(touched.starts_with("Invoices touched:\n"), "{touched}");
            assert_eq!(touched.matches("\n│ ").count(), paid + 1, "{touched}");
        } else {
            assert_eq!(touched, "");
        }
    }
    let verify = env.run(&["verify"]);
    assert_eq!(
        (verify.code, verify.stderr.as_str()),
        (0, crate::pg_verify::clean_verify_stderr()),
        "{}",
        verify.stdout
    );

    // Each customer's balances are what the generator computed.
    let customers = env.json(&["customer", "list"]);
    let got: Vec<(i64, i64, i64)> = customers
        .as_array()
        .unwrap()
        .iter()
        .map(|c| {
            (
                c["id"].as_i64().unwrap(),
                json_cents(&c["outstandingBalance"]),
                json_cents(&c["availableFunds"]),
            )
        })
        .collect();
    let want: Vec<(i64, i64, i64)> = (0..6)
        .map(|c| (c as i64 + 1, expected.outstanding(c), expected.available(c)))
        .collect();
    assert_eq!(got, want);
    // The data is not degenerate: some customers owe, some hold funds, money was allocated.
    assert!(want.iter().any(|w| w.1 > 0) && want.iter().any(|w| w.2 > 0));
    assert!(expected.total_allocated() > 0);

    // Totals: every invoice and payment came in with its exact amount.
    let invoices = env.json(&["invoice", "list"]);
    let invoiced: i64 = invoices
        .as_array()
        .unwrap()
        .iter()
        .map(|i| json_cents(&i["invoiceAmount"]))
        .sum();
    let paid_to_invoices: i64 = invoices
        .as_array()
        .unwrap()
        .iter()
        .map(|i| json_cents(&i["totalPayments"]))
        .sum();
    let payments = env.json(&["list"]);
    let paid: i64 = payments
        .as_array()
        .unwrap()
        .iter()
        .map(|p| json_cents(&p["amount"]))
        .sum();
    assert_eq!(
        (invoiced, paid, paid_to_invoices),
        (
            expected.total_invoiced(),
            expected.total_paid(),
            expected.total_allocated()
        )
    );

    // The generator's own summary files say the same.
    let totals = std::fs::read_to_string(out.join("totals.csv")).unwrap();
    assert_eq!(
        totals,
        format!(
            "seed,customers,invoices,payments,invoiced,paid,allocated\n7,6,40,45,{},{},{}\n",
            datagen::cents(invoiced),
            datagen::cents(paid),
            datagen::cents(paid_to_invoices)
        )
    );
    let per_customer = std::fs::read_to_string(out.join("expected.csv")).unwrap();
    let mut want_csv = String::from("customerId,invoiced,paid,outstandingBalance,availableFunds\n");
    for c in 0..6 {
        want_csv += &format!(
            "{},{},{},{},{}\n",
            c + 1,
            datagen::cents(expected.invoiced[c]),
            datagen::cents(expected.paid[c]),
            datagen::cents(expected.outstanding(c)),
            datagen::cents(expected.available(c))
        );
    }
    assert_eq!(per_customer, want_csv);

    // The journal: every transaction balances, and each customer's receivable is invoiced
    // minus paid, which is payctl's outstanding balance minus available funds.
    let journal = std::fs::read_to_string(out.join("ledger.journal")).unwrap();
    let mut accounts: BTreeMap<String, i64> = BTreeMap::new();
    let mut transactions = 0;
    let mut open = 0i64;
    for line in journal.lines() {
        if line.starts_with(';') {
            continue;
        }
        if line.is_empty() {
            assert_eq!(open, 0, "a transaction does not balance");
            continue;
        }
        if !line.starts_with(' ') {
            transactions += 1;
            continue;
        }
        let mut parts = line.split_whitespace();
        let (account, amount, commodity) = (
            parts.next().unwrap(),
            parts.next().unwrap(),
            parts.next().unwrap(),
        );
        assert_eq!((commodity, parts.next()), ("USD", None), "{line}");
        let amount = cents_of(amount);
        open += amount;
        *accounts.entry(account.to_string()).or_default() += amount;
    }
    assert_eq!(transactions, 40 + 45);
    assert_eq!(accounts["income:sales"], -expected.total_invoiced());
    assert_eq!(accounts["assets:bank"], expected.total_paid());
    let receivable: Vec<(i64, i64)> = accounts
        .iter()
        .filter_map(|(a, v)| Some((a.strip_prefix("assets:receivable:c")?.parse().unwrap(), *v)))
        .collect();
    let from_payctl: Vec<(i64, i64)> = got
        .iter()
        .filter(|(id, _, _)| receivable.iter().any(|(r, _)| r == id))
        .map(|(id, outstanding, available)| (*id, outstanding - available))
        .collect();
    assert_eq!(receivable, from_payctl);
    assert_eq!(
        receivable.len(),
        6,
        "every customer has an invoice or a payment"
    );
}

#[test]
fn the_same_seed_writes_the_same_bytes_and_another_seed_does_not() {
    let dir = tempfile::tempdir().unwrap();
    let read_all = |d: &std::path::Path| -> Vec<(String, Vec<u8>)> {
        let mut files: Vec<_> = std::fs::read_dir(d)
            .unwrap()
            .map(|e| e.unwrap().path())
            .collect();
        files.sort();
        files
            .into_iter()
            .map(|p| {
                (
                    p.file_name().unwrap().to_string_lossy().into_owned(),
                    std::fs::read(&p).unwrap(),
                )
            })
            .collect()
    };
    let a = dir.path().join("a");
    let b = dir.path().join("b");
    let c = dir.path().join("c");
    datagen::generate(&PARAMS, &a).unwrap();
    datagen::generate(&PARAMS, &b).unwrap();
    datagen::generate(&datagen::Params { seed: 8, ..PARAMS }, &c).unwrap();
    let names: Vec<String> = read_all(&a).into_iter().map(|(n, _)| n).collect();
    assert_eq!(
        names,
        [
            "customers.csv",
            "expected.csv",
            "invoices.csv",
            "invoices_plain.csv",
            "ledger.journal",
            "payments.csv",
            "payments_plain.csv",
            "totals.csv"
        ]
    );
    assert_eq!(read_all(&a), read_all(&b));
    assert_ne!(read_all(&a), read_all(&c));
    // Invoices do not depend on the number of payments (the cached ledgers rely on it).
    let d = dir.path().join("d");
    datagen::generate(
        &datagen::Params {
            payments: 3,
            ..PARAMS
        },
        &d,
    )
    .unwrap();
    assert_eq!(
        std::fs::read(a.join("invoices.csv")).unwrap(),
        std::fs::read(d.join("invoices.csv")).unwrap()
    );
    // No customers for invoices is refused, not a panic.
    let refused = datagen::generate(
        &datagen::Params {
            customers: 0,
            ..PARAMS
        },
        &dir.path().join("e"),
    );
    assert_eq!(
        refused.unwrap_err().to_string(),
        "invoices and payments need at least one customer"
    );
}
