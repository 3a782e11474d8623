//! Imports record payments in batches (src/ledger/batch.rs): the balance caches are brought up
//! to date set-wise per batch instead of by a trigger per row. These tests hold the batched
//! import to what `payctl create` does row by row with its triggers, across batch boundaries.

use crate::common::Env;

/// A small deterministic generator (no seed file to keep in step).
struct Lcg(u64);

impl Lcg {
    fn next(&mut self, n: u64) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        (self.0 >> 33) % n
    }
}

/// Customers 1 (USD, oldest first), 2 (USD, newest first) and 3 (EUR), each with invoices of
/// mixed totals and dates; invoice 13 is void and 22 written off, so they must be skipped.
fn setup(env: &Env) {
    env.ok(&["customer", "add", "--id", "1", "--name", "One"]);
    env.ok(&[
        "customer",
        "add",
        "--id",
        "2",
        "--name",
        "Two",
        "--order",
        "newest-to-oldest",
    ]);
    env.ok(&[
        "customer",
        "add",
        "--id",
        "3",
        "--name",
        "Three",
        "--currency",
        "EUR",
    ]);
    let invoices: &[(&str, &str, &str, &str)] = &[
        ("11", "1", "100.00", "2026-01-05"),
        ("12", "1", "35.50", "2026-01-03"),
        ("13", "1", "80.00", "2026-01-01"),
        ("14", "1", "120.00", "2026-02-10"),
        ("15", "1", "0.99", "2026-02-10"),
        ("16", "1", "60.00", "2026-03-01"),
        ("21", "2", "45.00", "2026-01-10"),
        ("22", "2", "70.00", "2026-01-11"),
        ("23", "2", "200.00", "2026-01-12"),
        ("24", "2", "15.25", "2026-04-01"),
        ("31", "3", "300.00", "2026-01-01"),
        ("32", "3", "12.34", "2026-01-02"),
        ("33", "3", "99.99", "2026-05-02"),
    ];
    for (id, customer, total, date) in invoices {
        env.ok(&[
            "invoice",
            "add",
            "--id",
            id,
            "--customer",
            customer,
            "--total",
            total,
            "--date",
            date,
        ]);
    }
    env.ok(&["invoice", "void", "13", "--reason", "entered twice"]);
    env.ok(&["invoice", "write-off", "22", "--reason", "uncollectable"]);
}

struct Row {
    customer: u64,
    amount: String,
    allocate: Option<(u64, String)>,
    auto: bool,
}

fn rows(count: usize) -> Vec<Row> {
    let invoices = [
        &[11u64, 12, 13, 14, 15, 16][..],
        &[21, 22, 23, 24][..],
        &[31, 32, 33][..],
    ];
    let mut rng = Lcg(20_261_121);
    (0..count)
        .map(|_| {
            let customer = rng.next(3) + 1;
            let amount = format!("{}.{:02}", rng.next(60) + 1, rng.next(100));
            let pick = rng.next(20);
            let allocate = (pick < 8).then(|| {
                let list = invoices[customer as usize - 1];
                let invoice = list[rng.next(list.len() as u64) as usize];
                // Often more than the invoice has left by then: `create` refuses those.
                (
                    invoice,
                    format!("{}.{:02}", rng.next(30), rng.next(100) + 1),
                )
            });
            Row {
                customer,
                amount,
                allocate,
                auto: pick >= 5,
            }
        })
        .collect()
}

fn csv(rows: &[Row]) -> String {
    let mut out = String::from("customerId,amount,paymentMethod,allocations,autoAllocate\n");
    for r in rows {
        let allocate = r
            .allocate
            .as_ref()
            .map(|(inv, amount)| format!("{inv}={amount}"))
            .unwrap_or_default();
        out.push_str(&format!(
            "{},{},Cash,{allocate},{}\n",
            r.customer, r.amount, r.auto
        ));
    }
    out
}

/// Everything an import leaves that a user or a later import can see.
fn state(env: &Env) -> String {
    let mut out = String::new();
    for args in [
        &["invoice", "list", "-o", "csv"][..],
        &["customer", "list", "-o", "csv"],
        &["export", "payments", "--format", "csv"],
        &["export", "allocations", "--format", "csv"],
        &["export", "activities", "--format", "csv"],
        &["report", "balances", "-o", "csv"],
    ] {
        out.push_str(&env.ok(args));
    }
    let verify = env.run(&["verify"]);
    assert_eq!(verify.code, 0, "verify: {}{}", verify.stdout, verify.stderr);
    out
}

/// The rows one `payctl create` at a time: the path with a trigger per row. Returns the
/// 1-based numbers of the rows it refused.
fn create_each(env: &Env, rows: &[Row]) -> Vec<usize> {
    let mut refused = Vec::new();
    for (i, r) in rows.iter().enumerate() {
        let customer = r.customer.to_string();
        let mut args = vec![
            "create",
            "--customer",
            &customer,
            "--amount",
            &r.amount,
            "--method",
            "Cash",
            "--source",
            "Import",
        ];
        let spec = r.allocate.as_ref().map(|(inv, a)| format!("{inv}={a}"));
        if let Some(spec) = &spec {
            args.extend(["--allocate", spec]);
        }
        if r.auto {
            args.push("--auto-allocate");
        }
        let run = env.run(&args);
        match run.code {
            0 => {}
            1 => refused.push(i + 1),
            other => panic!("row {}: exit {other}: {}", i + 1, run.stderr),
        }
    }
    refused
}

fn import_batched(env: &Env, file: &str, batch_rows: &str) -> (String, String) {
    let rejects = env.dir.path().join(format!("rejects-{batch_rows}.csv"));
    let out = env
        .command(&[
            "import",
            file,
            "--rejects",
            rejects.to_str().unwrap(),
            "-o",
            "csv",
        ])
        .env("PAYCTL_IMPORT_BATCH_ROWS", batch_rows)
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    (
        String::from_utf8(out.stdout).unwrap(),
        std::fs::read_to_string(rejects).unwrap(),
    )
}

#[test]
fn batched_import_equals_one_create_per_row_across_batch_boundaries() {
    let rows = rows(90);
    let reference = Env::new();
    setup(&reference);
    let refused = create_each(&reference, &rows);
    // The generator must exercise both outcomes, or the comparison proves little.
    assert!(
        refused.len() >= 5 && refused.len() <= 40,
        "refused rows: {refused:?}"
    );
    let expected = state(&reference);
    // The import names every invoice it touched (issue 16 item 5): here every invoice that
    // the creates paid anything, as the reference ledger has it, in id order.
    let reference_invoices = reference.ok(&["invoice", "list", "-o", "csv"]);
    let mut touched: Vec<(u64, String)> = reference_invoices
        .lines()
        .skip(1)
        .filter_map(|line| {
            let cells: Vec<&str> = line.split(',').collect();
            (cells[5] != "0.00").then(|| {
                (
                    cells[0].parse().unwrap(),
                    format!("{}:{}:{}:{}", cells[0], cells[5], cells[6], cells[7]),
                )
            })
        })
        .collect();
    touched.sort();
    let touched: Vec<String> = touched.into_iter().map(|(_, t)| t).collect();
    assert!(touched.len() >= 5, "touched: {touched:?}");

    for batch_rows in ["1", "4", "7", "1000"] {
        let env = Env::new();
        setup(&env);
        let file = env.dir.path().join("payments.csv");
        std::fs::write(&file, csv(&rows)).unwrap();
        let (summary, rejects) = import_batched(&env, file.to_str().unwrap(), batch_rows);
        assert_eq!(
            summary,
            format!(
                "file,kind,rows,imported,alreadyImported,failedAttempts,rejected,dryRun,touchedInvoices\n{},payments,90,{},0,0,{},false,{}\n",
                file.display(),
                90 - refused.len(),
                refused.len(),
                touched.join(";")
            ),
            "batch of {batch_rows}"
        );
        // Rejected rows are the rows `create` refused: line numbers are rows + 1 (header).
        let lines: Vec<usize> = rejects
            .lines()
            .skip(1)
            .map(|l| l.split(',').next().unwrap().parse::<usize>().unwrap() - 1)
            .collect();
        assert_eq!(lines, refused, "batch of {batch_rows}: {rejects}");
        assert_eq!(state(&env), expected, "batch of {batch_rows}");
        // Re-importing adds nothing, across batches too.
        let (again, _) = import_batched(&env, file.to_str().unwrap(), batch_rows);
        assert!(
            again.ends_with(&format!(
                ",payments,90,0,{},0,{},false,\n",
                90 - refused.len(),
                refused.len()
            )),
            "{again}"
        );
        assert_eq!(state(&env), expected, "re-import, batch of {batch_rows}");
    }
}

#[test]
fn one_payment_paying_many_invoices_in_a_batch_leaves_the_open_set_in_step() {
    // Customer 1 owes 397.99 over five open invoices. Three imported rows in one batch pay
    // them in full and more: the later rows must see what the earlier ones took, and every
    // invoice paid in full must leave the open set (verify checks it against the rows).
    let env = Env::new();
    setup(&env);
    let file = env.dir.path().join("p.csv");
    std::fs::write(
        &file,
        "customerId,amount,paymentMethod,allocations,autoAllocate\n\
         1,100.00,Cash,14=20.00,true\n\
         1,250.00,Cash,,true\n\
         1,60.00,Cash,,true\n",
    )
    .unwrap();
    let out = env
        .command(&["import", file.to_str().unwrap()])
        .env("PAYCTL_IMPORT_BATCH_ROWS", "1000")
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(
        env.ok(&["invoice", "list", "--customer", "1", "-o", "csv"]),
        "id,invoiceNumber,customerId,currency,invoiceAmount,totalPayments,outstandingBalance,status,overdue,effectiveTimestamp,dueDate
11,11,1,USD,100.00,100.00,0.00,paid,false,2026-01-05T00:00:00Z,2026-01-05T00:00:00Z
12,12,1,USD,35.50,35.50,0.00,paid,false,2026-01-03T00:00:00Z,2026-01-03T00:00:00Z
13,13,1,USD,80.00,0.00,0.00,void,false,2026-01-01T00:00:00Z,2026-01-01T00:00:00Z
14,14,1,USD,120.00,120.00,0.00,paid,false,2026-02-10T00:00:00Z,2026-02-10T00:00:00Z
15,15,1,USD,0.99,0.99,0.00,paid,false,2026-02-10T00:00:00Z,2026-02-10T00:00:00Z
16,16,1,USD,60.00,60.00,0.00,paid,false,2026-03-01T00:00:00Z,2026-03-01T00:00:00Z
"
    );
    // 410.00 paid, 316.49 allocated: 93.51 left as funds.
    let customer = env.json(&["customer", "show", "1"]);
    assert_eq!(customer["availableFunds"].to_string(), "93.51");
    assert_eq!(customer["outstandingBalance"].to_string(), "0.00");
    let verify = env.run(&["verify"]);
    assert_eq!(verify.code, 0, "{}", verify.stdout);
}

/// Imports `file` with --rejects at each batch size and returns, per size, the summary, the
/// rejects and the ledger's state; every size must leave the same.
fn import_at_sizes(file_name: &str, content: &str, sizes: &[&str]) -> Vec<(String, String)> {
    sizes
        .iter()
        .map(|size| {
            let env = Env::new();
            setup(&env);
            let file = env.dir.path().join(file_name);
            std::fs::write(&file, content).unwrap();
            let (summary, rejects) = import_batched(&env, file.to_str().unwrap(), size);
            let summary = summary.replace(file.to_str().unwrap(), "FILE");
            (format!("{summary}{rejects}"), state(&env))
        })
        .collect()
}

#[test]
fn idempotency_keys_repeated_within_a_batch_replay_or_conflict_as_across_batches() {
    // k1 comes back unchanged (already imported); k2 comes back with another amount (refused:
    // a key names one request). In a batch of 1000 both repeats meet keys that are not yet
    // written; in a batch of 1 they meet the ledger's.
    let content = "customerId,amount,paymentMethod,autoAllocate,idempotencyKey\n\
                   1,10.00,Cash,true,k1\n\
                   1,5.00,Cash,false,k2\n\
                   1,10.00,Cash,true,k1\n\
                   1,6.00,Cash,false,k2\n\
                   2,7.00,Cash,true,k3\n";
    let runs = import_at_sizes("keys.csv", content, &["1", "2", "1000"]);
    assert_eq!(
        runs[0].0,
        "file,kind,rows,imported,alreadyImported,failedAttempts,rejected,dryRun,touchedInvoices\n\
         FILE,payments,5,3,1,0,1,false,12:10.00:25.50:partially_paid;24:7.00:8.25:partially_paid\n\
         line,reason,record\n\
         5,\"idempotency key 'k2' was already used for payment 2 with a different request; use a new key, or repeat the original request exactly\",\"{\"\"customerId\"\":\"\"1\"\",\"\"amount\"\":\"\"6.00\"\",\"\"paymentMethod\"\":\"\"Cash\"\",\"\"autoAllocate\"\":\"\"false\"\",\"\"idempotencyKey\"\":\"\"k2\"\"}\"\n"
    );
    for run in &runs[1..] {
        assert_eq!(run, &runs[0]);
    }
}

#[test]
fn a_failed_attempt_between_payments_keeps_the_order_of_the_file() {
    // InvoiceMethodInsert rows: a payment, a refused attempt (no such customer), a declined
    // attempt, a payment. The attempt is written straight away, so the batch's payment
    // before it is written first; the refused row, rolled back with --rejects, must not take
    // that payment with it.
    let row = |customer: u64, amount: &str, status: &str| {
        format!(
            "{{\"CustomerId\": {customer}, \"PaymentType\": \"Cash\", \"AmountReceived\": \"{amount}\", \"CurrencyType\": \"USD\", \"PaymentStatus\": \"{status}\", \"PaymentNote\": \"n\"}}\n"
        )
    };
    let content = [
        row(1, "10.00", "Received"),
        row(999, "1.00", "Declined"),
        row(2, "15.00", "Declined"),
        row(2, "20.00", "Received"),
    ]
    .concat();
    let runs = import_at_sizes("imi.jsonl", &content, &["1", "1000"]);
    assert_eq!(runs[1], runs[0]);
    assert!(
        runs[0].0.starts_with(
            "file,kind,rows,imported,alreadyImported,failedAttempts,rejected,dryRun,touchedInvoices\n\
             FILE,payments,4,2,0,1,1,false,\n\
             line,reason,record\n\
             2,"
        ),
        "{}",
        runs[0].0
    );
    let env = Env::new();
    setup(&env);
    let file = env.dir.path().join("imi.jsonl");
    std::fs::write(&file, &content).unwrap();
    import_batched(&env, file.to_str().unwrap(), "1000");
    let activities = env.ok(&["activity", "list", "-o", "csv"]);
    let order: Vec<(&str, &str)> = activities
        .lines()
        .skip(1)
        .map(|l| {
            let cells: Vec<&str> = l.split(',').collect();
            (cells[3], cells[4])
        })
        .collect();
    assert_eq!(
        order,
        [
            ("Successful", "10.00"),
            ("Failed", "15.00"),
            ("Successful", "20.00")
        ],
        "{activities}"
    );
}

/// Identical rows (no key: the n-th occurrence of a content is its own payment), keys given
/// again with the same payment (already imported) and field names spelt in other cases, across
/// batch and read-ahead boundaries (on PostgreSQL the import reads a run of rows' keys,
/// customers and open sets at once and counts occurrences in memory; on SQLite it counts them
/// in a temporary table): every batch size records the same payments, and the file imported
/// again records nothing.
#[test]
fn repeated_rows_and_keys_count_the_same_across_read_ahead_runs() {
    let mut lines = Vec::new();
    for i in 0..24 {
        lines.push(match i % 6 {
            // The same row over and over: 4 payments of 5.00 to customer 1.
            0 => r#"{"customerId": 1, "amount": 5.00, "paymentMethod": "Cash", "autoAllocate": true}"#.to_string(),
            // Key k-N given twice each (rows i and i+6 of one pair share it), same payment.
            1 => format!(
                r#"{{"customerId": 2, "amount": 7.25, "paymentMethod": "Cash", "autoAllocate": true, "idempotencyKey": "k-{}"}}"#,
                i / 12
            ),
            // The same, its fields spelt in other cases.
            2 => format!(
                r#"{{"CUSTOMERID": "3", "Amount": 1.50, "paymentmethod": "Cash", "AutoAllocate": true, "IdempotencyKey": "e-{}"}}"#,
                i / 12
            ),
            // A customer that does not exist (refused, --rejects).
            3 => r#"{"customerId": 99, "amount": 1.00, "paymentMethod": "Cash"}"#.to_string(),
            // Explicit allocation to invoice 12, more than it owes by the end (some refused).
            4 => r#"{"customerId": 1, "amount": 9.00, "paymentMethod": "Cash", "paymentAllocations": [{"invoiceId": 12, "amount": 9.00}]}"#.to_string(),
            _ => format!(
                r#"{{"customerId": 2, "amount": {}.00, "paymentMethod": "Cash", "autoAllocate": true}}"#,
                i
            ),
        });
    }
    // Keys given twice in a row: within one read-ahead run, with a batch flushed between them
    // at some sizes.
    for j in 0..6 {
        for _ in 0..2 {
            lines.push(format!(
                r#"{{"customerId": 3, "amount": 2.{j}0, "paymentMethod": "Cash", "idempotencyKey": "a-{j}"}}"#
            ));
        }
    }
    let content = lines.join("\n") + "\n";
    let mut results = Vec::new();
    for batch_rows in ["1", "2", "3", "5", "1000"] {
        let env = Env::new();
        setup(&env);
        let file = env.dir.path().join("payments.jsonl");
        std::fs::write(&file, &content).unwrap();
        let (summary, rejects) = import_batched(&env, file.to_str().unwrap(), batch_rows);
        let counts: Vec<&str> = summary.lines().nth(1).unwrap().split(',').collect();
        // rows, imported, already imported, failed attempts, rejected
        assert_eq!(
            &counts[2..7],
            ["36", "20", "10", "0", "6"],
            "batch of {batch_rows}: {summary}"
        );
        // The missing customer's 4 rows, and 2 allocations past invoice 12's balance (the
        // auto-allocated payments of 5.00 pay it too: invoice 13, older, is void).
        assert_eq!(rejects.lines().count(), 7, "{rejects}");
        let state = state(&env);
        let (again, _) = import_batched(&env, file.to_str().unwrap(), batch_rows);
        let counts: Vec<&str> = again.lines().nth(1).unwrap().split(',').collect();
        assert_eq!(&counts[2..7], ["36", "0", "30", "0", "6"], "{again}");
        assert_eq!(
            super::batch::state(&env),
            state,
            "re-import, batch of {batch_rows}"
        );
        results.push((
            batch_rows,
            summary.replace(file.to_str().unwrap(), "F"),
            state,
        ));
    }
    for (rows, summary, state) in &results[1..] {
        assert_eq!(summary, &results[0].1, "batch of {rows}");
        assert_eq!(state, &results[0].2, "batch of {rows}");
    }
}

/// An import whose read-ahead runs name many customers (on PostgreSQL their facts and open
/// sets are read in lists padded to 40, 160 and 500 placeholders, and the customers' cache,
/// bounded by the batch, is emptied and read again between runs): every customer's payment
/// goes to that customer's oldest invoice first, as one `create` per row would put it.
#[test]
fn runs_of_many_customers_pay_each_customer_s_own_invoices_oldest_first() {
    let env = Env::new();
    let customers = 200;
    let mut file = String::from("id,name,currency\n");
    for c in 1..=customers {
        file.push_str(&format!("{c},Customer {c},USD\n"));
    }
    let path = env.dir.path().join("customers.csv");
    std::fs::write(&path, file).unwrap();
    env.ok(&[
        "import",
        path.to_str().unwrap(),
        "--kind",
        "customers",
        "-q",
    ]);
    let mut file =
        String::from("id,customerId,invoiceNumber,invoiceAmount,effectiveTimestamp,dueDate\n");
    for c in 1..=customers {
        file.push_str(&format!(
            "{},{c},A-{c},10.00,2026-01-01,2026-01-31\n",
            c * 10 + 1
        ));
        file.push_str(&format!(
            "{},{c},B-{c},10.00,2026-02-01,2026-02-28\n",
            c * 10 + 2
        ));
    }
    let path = env.dir.path().join("invoices.csv");
    std::fs::write(&path, file).unwrap();
    env.ok(&["import", path.to_str().unwrap(), "--kind", "invoices", "-q"]);
    let outstanding = |env: &Env| -> Vec<(u64, String)> {
        let mut out: Vec<(u64, String)> = env
            .json(&["invoice", "list"])
            .as_array()
            .unwrap()
            .iter()
            .map(|i| {
                (
                    i["id"].as_u64().unwrap(),
                    i["outstandingBalance"].to_string(),
                )
            })
            .collect();
        out.sort();
        out
    };
    // 15.00 from each customer, customers in a scattered order: the oldest invoice paid, 5.00
    // of the next. Runs of 30 rows (30 customers: lists of 40), then of 100 (lists of 160).
    let payments = |amount: &str| {
        let mut file = String::from("customerId,amount,paymentMethod,autoAllocate\n");
        for i in 0..customers {
            let c = (i * 37) % customers + 1;
            file.push_str(&format!("{c},{amount},Cash,true\n"));
        }
        file
    };
    let first = payments("15.00");
    let lines: Vec<&str> = first.lines().collect();
    for (batch, from, to) in [("30", 1, 61), ("100", 61, 201)] {
        let part = env.dir.path().join(format!("part-{batch}.csv"));
        let rows = lines[from..to].join("\n");
        std::fs::write(&part, format!("{}\n{rows}\n", lines[0])).unwrap();
        env.ok_env(
            &["import", part.to_str().unwrap(), "-q"],
            &[("PAYCTL_IMPORT_BATCH_ROWS", batch)],
        );
    }
    let after_first = outstanding(&env);
    assert_eq!(after_first.len(), 2 * customers as usize);
    for (id, left) in &after_first {
        let want = if id % 10 == 1 { "0.00" } else { "5.00" };
        assert_eq!(left, want, "invoice {id}");
    }
    // Then 5.00 each in one run of 200 (lists of 500): every invoice paid.
    let path = env.dir.path().join("second.csv");
    std::fs::write(&path, payments("5.00")).unwrap();
    env.ok(&["import", path.to_str().unwrap(), "-q"]);
    for (id, left) in outstanding(&env) {
        assert_eq!(left, "0.00", "invoice {id}");
    }
    env.ok(&["verify"]);
}
