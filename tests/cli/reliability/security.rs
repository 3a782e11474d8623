//! Security: private files, a warning for a ledger others can read, no card number through
//! any text field of any command or import format (nor the audit trail), SQL injection kept
//! as harmless text, and CSV outputs that no spreadsheet runs as a formula.

use std::collections::BTreeSet;
use std::fs;
use std::os::unix::fs::PermissionsExt;
use std::path::Path;

use serde_json::json;

use super::assert_verified;
use crate::common::{masked, Env};

const CARD_WHY: &str =
    "looks like a card number; payctl never stores card numbers (keep only the last four digits)";

fn mode(path: &Path) -> u32 {
    fs::metadata(path).unwrap().permissions().mode() & 0o777
}

/// The test's own card-number detector, written apart from payctl's: a run of 13 to 19
/// digits (single spaces or dashes may separate them) that passes the Luhn check.
fn has_card_number(text: &str) -> bool {
    let chars: Vec<char> = text.chars().collect();
    for start in 0..chars.len() {
        let mut digits: Vec<u32> = Vec::new();
        let mut i = start;
        while i < chars.len() {
            match chars[i] {
                c if c.is_ascii_digit() => digits.push(c.to_digit(10).unwrap()),
                ' ' | '-'
                    if !digits.is_empty() && chars.get(i + 1).is_some_and(char::is_ascii_digit) => {
                }
                _ => break,
            }
            i += 1;
            if (13..=19).contains(&digits.len()) {
                let sum: u32 = digits
                    .iter()
                    .rev()
                    .enumerate()
                    .map(|(k, &d)| {
                        if k % 2 == 1 {
                            if d * 2 > 9 {
                                d * 2 - 9
                            } else {
                                d * 2
                            }
                        } else {
                            d
                        }
                    })
                    .sum();
                if sum % 10 == 0 {
                    return true;
                }
            }
        }
    }
    false
}

/// Every text cell of every table, with where it is: (table, column, value).
fn text_cells(db: &Path) -> Vec<(String, String, String)> {
    if crate::common::on_postgres() {
        // Every text column of every table, through the server's catalogue.
        let columns = crate::common::sql_rows(
            db,
            "SELECT table_name::text, column_name::text FROM information_schema.columns
             WHERE table_schema = 'public' AND data_type = 'text' ORDER BY 1, 2",
        );
        let mut cells = Vec::new();
        for c in columns {
            let (table, column) = (&c[0], &c[1]);
            for row in crate::common::sql_rows(
                db,
                &format!("SELECT \"{column}\" FROM \"{table}\" WHERE \"{column}\" IS NOT NULL"),
            ) {
                cells.push((table.clone(), column.clone(), row[0].clone()));
            }
        }
        return cells;
    }
    let conn =
        rusqlite::Connection::open_with_flags(db, rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY)
            .unwrap();
    let tables: Vec<String> = conn
        .prepare("SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name")
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    let mut cells = Vec::new();
    for table in tables {
        let mut stmt = conn.prepare(&format!("SELECT * FROM \"{table}\"")).unwrap();
        let columns: Vec<String> = stmt.column_names().iter().map(|c| c.to_string()).collect();
        let mut rows = stmt.query([]).unwrap();
        while let Some(row) = rows.next().unwrap() {
            for (i, column) in columns.iter().enumerate() {
                if let rusqlite::types::ValueRef::Text(t) = row.get_ref(i).unwrap() {
                    cells.push((
                        table.clone(),
                        column.clone(),
                        String::from_utf8_lossy(t).into_owned(),
                    ));
                }
            }
        }
    }
    cells
}

fn table_names(db: &Path) -> Vec<String> {
    if crate::common::on_postgres() {
        return crate::common::sql_rows(
            db,
            "SELECT 'table ' || tablename FROM pg_tables WHERE schemaname = 'public'
             UNION ALL SELECT 'index ' || indexname FROM pg_indexes WHERE schemaname = 'public'
             UNION ALL SELECT 'trigger ' || tgname FROM pg_trigger WHERE NOT tgisinternal
             UNION ALL SELECT 'function ' || proname FROM pg_proc WHERE pronamespace = 'public'::regnamespace
             ORDER BY 1",
        )
        .into_iter()
        .map(|mut r| r.remove(0))
        .collect();
    }
    let conn =
        rusqlite::Connection::open_with_flags(db, rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY)
            .unwrap();
    let mut stmt = conn
        .prepare("SELECT type || ' ' || name FROM sqlite_schema ORDER BY name")
        .unwrap();
    let names = stmt
        .query_map([], |r| r.get(0))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    names
}

// ---------------------------------------------------------------------------------------------
// every text field of every command and import format

/// One text field: the command that stores `value` in it, where it lands, and what payctl
/// says when the value holds a card number.
pub(crate) struct Field {
    pub(crate) what: &'static str,
    pub(crate) args: Vec<String>,
    pub(crate) value: String,
    stored: (&'static str, &'static str),
    refusal: String,
}

fn strings(args: &[&str]) -> Vec<String> {
    args.iter().map(|s| s.to_string()).collect()
}

/// `--flag VALUE` as `--flag=VALUE` when the value starts with `-`, as a shell user would
/// write it (`--reference=-2+3`), so clap reads it as the value.
fn attached(args: Vec<String>) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for arg in args {
        match out.last_mut() {
            Some(flag) if flag.starts_with("--") && !flag.contains('=') && arg.starts_with('-') => {
                flag.push('=');
                flag.push_str(&arg);
            }
            _ => out.push(arg),
        }
    }
    out
}

fn write(env: &Env, name: &str, text: &str) -> String {
    let path = env.dir.path().join(name);
    fs::write(&path, text).unwrap();
    path.to_str().unwrap().to_string()
}

fn csv_text(rows: &[&[&str]]) -> String {
    let mut w = csv::Writer::from_writer(Vec::new());
    for row in rows {
        w.write_record(*row).unwrap();
    }
    String::from_utf8(w.into_inner().unwrap()).unwrap()
}

fn xml_escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
        .replace('\'', "&apos;")
}

/// Every text field, each given its own value: `base` and the field's number (`base #7`);
/// email fields get `base_email` with the number before the `@`. Runs what each needs first
/// (a fresh invoice, payment, ...). `n` keeps file names apart between calls.
pub(crate) fn fields(env: &Env, base: &str, base_email: &str, n: usize) -> Vec<Field> {
    let id = |args: &[&str]| env.ok(args).trim().to_string();
    let invoice = || {
        id(&[
            "invoice",
            "add",
            "--customer",
            "655080",
            "--total",
            "10.00",
            "-q",
        ])
    };
    let cash = || {
        id(&[
            "create",
            "--customer",
            "655080",
            "--amount",
            "20.00",
            "--method",
            "Cash",
            "-q",
        ])
    };
    let pending = || {
        id(&[
            "create",
            "--customer",
            "655080",
            "--amount",
            "20.00",
            "--method",
            "ACH",
            "--method-id",
            "2",
            "-q",
        ])
    };
    // payctl names the value it refused, with the card number masked but its last four digits.
    let said =
        |label: &str, value: &str| format!("error: {label} '{}' {CARD_WHY}\n", masked(value));
    let line = |line: usize, label: &str, value: &str, file: &str| {
        format!("error: line {line}: {label} '{}' {CARD_WHY}\nerror: {file}: nothing was imported (one transaction per file); fix the rows or use --rejects FILE\n", masked(value))
    };
    // JSON arrays and XML name a bad row by its position, not its line.
    let record = |n: usize, label: &str, value: &str, file: &str| {
        line(n, label, value, file).replacen("error: line ", "error: record ", 1)
    };
    let texts: Vec<String> = (0..30).map(|i| format!("{base} #{i}")).collect();
    let emails: Vec<String> = (0..30)
        .map(|i| base_email.replacen('@', &format!(".{i}@"), 1))
        .collect();
    let mut out = Vec::new();
    let mut field = |what, args: Vec<String>, value: &str, stored, refusal: String| {
        out.push(Field {
            what,
            args: attached(args),
            value: value.to_string(),
            stored,
            refusal,
        });
    };

    let t = &texts[1];
    field(
        "customer add --name",
        strings(&["customer", "add", "--name", t]),
        t,
        ("customers", "name"),
        said("name", t),
    );
    let e = &emails[2];
    field(
        "customer add --email",
        strings(&["customer", "add", "--name", "Mail", "--email", e]),
        e,
        ("customers", "email"),
        said("email", e),
    );
    let t = &texts[3];
    field(
        "method add --label",
        strings(&[
            "method",
            "add",
            "--customer",
            "655080",
            "--type",
            "paypal",
            "--label",
            t,
        ]),
        t,
        ("payment_methods", "label"),
        said("label", t),
    );
    let t = &texts[4];
    field(
        "method add --brand",
        strings(&[
            "method",
            "add",
            "--customer",
            "655080",
            "--type",
            "credit-card",
            "--brand",
            t,
        ]),
        t,
        ("payment_methods", "brand"),
        said("brand", t),
    );
    let t = &texts[5];
    field(
        "invoice add --number",
        strings(&[
            "invoice",
            "add",
            "--customer",
            "655080",
            "--total",
            "5.00",
            "--number",
            t,
        ]),
        t,
        ("invoices", "invoice_number"),
        said("invoice number", t),
    );
    let t = &texts[6];
    field(
        "invoice void --reason",
        strings(&["invoice", "void", &invoice(), "--reason", t]),
        t,
        ("invoice_closures", "reason"),
        said("reason", t),
    );
    let t = &texts[7];
    field(
        "invoice write-off --reason",
        strings(&["invoice", "write-off", &invoice(), "--reason", t]),
        t,
        ("invoice_closures", "reason"),
        said("reason", t),
    );
    let t = &texts[8];
    field(
        "create --reference",
        strings(&[
            "create",
            "--customer",
            "655080",
            "--amount",
            "1.00",
            "--method",
            "Cash",
            "--reference",
            t,
        ]),
        t,
        ("payments", "reference"),
        said("reference", t),
    );
    let t = &texts[9];
    field(
        "create --idempotency-key",
        strings(&[
            "create",
            "--customer",
            "655080",
            "--amount",
            "1.00",
            "--method",
            "Cash",
            "--idempotency-key",
            t,
        ]),
        t,
        ("idempotency_keys", "key"),
        said("idempotency key", t),
    );
    let t = &texts[10];
    let payload = write(
        env,
        &format!("payload-ref-{n}.json"),
        &json!({"customerId": 655080, "amount": 1, "paymentMethod": "Cash", "reference": t})
            .to_string(),
    );
    field(
        "create --json reference",
        strings(&["create", "--json", &payload]),
        t,
        ("payments", "reference"),
        said("reference", t),
    );
    let t = &texts[11];
    let payload = write(
        env,
        &format!("payload-key-{n}.json"),
        &json!({"customerId": 655080, "amount": 1, "paymentMethod": "Cash", "idempotencyKey": t})
            .to_string(),
    );
    field(
        "create --json idempotencyKey",
        strings(&["create", "--json", &payload]),
        t,
        ("idempotency_keys", "key"),
        said("idempotency key", t),
    );
    let t = &texts[12];
    field(
        "refund --reference",
        strings(&["refund", &cash(), "--amount", "1.00", "--reference", t]),
        t,
        ("refunds", "reference"),
        said("reference", t),
    );
    let t = &texts[13];
    field(
        "settle --status failed --message",
        strings(&["settle", &pending(), "--status", "failed", "--message", t]),
        t,
        ("payment_events", "message"),
        said("message", t),
    );
    let t = &texts[14];
    field(
        "settle --status successful --message",
        strings(&[
            "settle",
            &pending(),
            "--status",
            "successful",
            "--message",
            t,
        ]),
        t,
        ("payment_events", "message"),
        said("message", t),
    );
    let t = &texts[15];
    field(
        "void --reason",
        strings(&["void", &cash(), "--reason", t]),
        t,
        ("payment_events", "message"),
        said("reason", t),
    );
    let t = &texts[16];
    field(
        "activity add --message",
        strings(&[
            "activity",
            "add",
            "--customer",
            "655080",
            "--amount",
            "1.00",
            "--method",
            "Cash",
            "--status",
            "failed",
            "--message",
            t,
        ]),
        t,
        ("activities", "message"),
        said("message", t),
    );

    let t = &texts[17];
    let file = write(
        env,
        &format!("p-ref-{n}.csv"),
        &csv_text(&[
            &["customerId", "amount", "paymentMethod", "reference"],
            &["655080", "1.00", "Cash", t],
        ]),
    );
    field(
        "import payments CSV reference",
        strings(&["import", &file]),
        t,
        ("payments", "reference"),
        line(2, "reference", t, &file),
    );
    let t = &texts[18];
    let file = write(
        env,
        &format!("p-key-{n}.csv"),
        &csv_text(&[
            &["customerId", "amount", "paymentMethod", "idempotencyKey"],
            &["655080", "1.00", "Cash", t],
        ]),
    );
    field(
        "import payments CSV idempotencyKey",
        strings(&["import", &file]),
        t,
        ("idempotency_keys", "key"),
        line(2, "idempotency key", t, &file),
    );
    let t = &texts[19];
    let file = write(
        env,
        &format!("p-ref-{n}.json"),
        &json!([{"customerId": 655080, "amount": "1.00", "paymentMethod": "Cash", "reference": t}])
            .to_string(),
    );
    field(
        "import payments JSON reference",
        strings(&["import", &file]),
        t,
        ("payments", "reference"),
        record(1, "reference", t, &file),
    );
    let t = &texts[20];
    let file = write(
        env,
        &format!("p-key-{n}.jsonl"),
        &format!(
            "{}\n",
            json!({"customerId": 655080, "amount": 1, "paymentMethod": "Cash", "idempotencyKey": t})
        ),
    );
    field(
        "import payments JSON Lines idempotencyKey",
        strings(&["import", &file]),
        t,
        ("idempotency_keys", "key"),
        line(1, "idempotency key", t, &file),
    );
    let t = &texts[21];
    let file = write(env, &format!("p-number-{n}.xml"), &format!("<InvoiceMethodInsertRequest><CustomerId>655080</CustomerId><PaymentType>Cash</PaymentType><AmountReceived>1.00</AmountReceived><CustomerPaymentNumber>{}</CustomerPaymentNumber></InvoiceMethodInsertRequest>", xml_escape(t)));
    field(
        "import XML CustomerPaymentNumber",
        strings(&["import", &file]),
        t,
        ("payments", "reference"),
        record(1, "reference", t, &file),
    );
    let t = &texts[22];
    let file = write(env, &format!("p-note-{n}.xml"), &format!("<InvoiceMethodInsertRequest><CustomerId>655080</CustomerId><PaymentType>Check</PaymentType><AmountReceived>1.00</AmountReceived><PaymentNote>{}</PaymentNote></InvoiceMethodInsertRequest>", xml_escape(t)));
    field(
        "import XML PaymentNote (no number)",
        strings(&["import", &file]),
        t,
        ("payments", "reference"),
        record(1, "reference", t, &file),
    );
    let t = &texts[23];
    let declined = format!("Declined: {t}");
    let file = write(env, &format!("p-declined-{n}.xml"), &format!("<InvoiceMethodInsertRequest><CustomerId>655080</CustomerId><PaymentType>Cash</PaymentType><AmountReceived>1.00</AmountReceived><PaymentNote>{}</PaymentNote><PaymentStatus>Declined</PaymentStatus></InvoiceMethodInsertRequest>", xml_escape(t)));
    field(
        "import XML PaymentNote of a declined payment",
        strings(&["import", &file]),
        &declined,
        ("activities", "message"),
        record(1, "message", &declined, &file),
    );
    let t = &texts[24];
    let file = write(
        env,
        &format!("i-{n}.csv"),
        &csv_text(&[
            &["customerId", "invoiceAmount", "invoiceNumber"],
            &["655080", "5.00", t],
        ]),
    );
    field(
        "import invoices CSV invoiceNumber",
        strings(&["import", &file, "--kind", "invoices"]),
        t,
        ("invoices", "invoice_number"),
        line(2, "invoice number", t, &file),
    );
    let t = &texts[25];
    let file = write(
        env,
        &format!("i-{n}.json"),
        &json!([{"customerId": 655080, "invoiceAmount": 5, "invoiceNumber": t}]).to_string(),
    );
    field(
        "import invoices JSON invoiceNumber",
        strings(&["import", &file, "--kind", "invoices"]),
        t,
        ("invoices", "invoice_number"),
        record(1, "invoice number", t, &file),
    );
    let t = &texts[26];
    let file = write(
        env,
        &format!("c-{n}.csv"),
        &csv_text(&[&["name", "email"], &[t, ""]]),
    );
    field(
        "import customers CSV name",
        strings(&["import", &file, "--kind", "customers"]),
        t,
        ("customers", "name"),
        line(2, "name", t, &file),
    );
    let e = &emails[27];
    let file = write(
        env,
        &format!("c-{n}.json"),
        &json!([{"name": "Mail", "email": e}]).to_string(),
    );
    field(
        "import customers JSON email",
        strings(&["import", &file, "--kind", "customers"]),
        e,
        ("customers", "email"),
        record(1, "email", e, &file),
    );
    out
}

/// Seeded, with an ACH account on file (method 2) for payments that settle later.
pub(crate) fn ledger() -> Env {
    let env = Env::seeded();
    env.ok(&[
        "method",
        "add",
        "--customer",
        "655080",
        "--type",
        "ach",
        "--last4",
        "6789",
        "-q",
    ]);
    env
}

#[test]
fn no_card_number_enters_the_ledger_through_any_text_field() {
    let env = ledger();
    let mut n = 0;
    let mut refused = BTreeSet::new();
    for card in [
        "4111111111111111",
        "paid by 4111 1111 1111 1111",
        "5500-0000-0000-0004 ok",
        "amex 378282246310005",
    ] {
        let email = format!("{}@example.com", card.replace(' ', ""));
        for field in fields(&env, card, &email, n) {
            n += 1;
            let args: Vec<&str> = field.args.iter().map(String::as_str).collect();
            env.refused(&args, 1, &field.refusal);
            refused.insert(field.what);
        }
    }
    eprintln!(
        "card numbers: {n} attempts refused, in {} text fields",
        refused.len()
    );
    // A card number in a file name reaches the audit trail's copy of the command line only
    // masked, like any other argument.
    // In a folder whose name ends in a letter: a digit ending the test's random folder name
    // could join the card number's run and be masked too.
    let folder = env.dir.path().join("files");
    fs::create_dir(&folder).unwrap();
    let file = folder.join("4111111111111111.csv");
    fs::write(&file, "customerId,amount,paymentMethod\n655080,1.00,Cash\n").unwrap();
    env.ok(&["import", file.to_str().unwrap()]);
    let log = env.json(&["log"]);
    let command = log.as_array().unwrap().last().unwrap()["command"]
        .as_str()
        .unwrap()
        .to_string();
    let masked = format!("import {}", folder.join("************1111.csv").display());
    assert!(command.ends_with(&masked), "{command}");
    // Nothing anywhere in the ledger looks like a card number.
    let found: Vec<_> = text_cells(&env.db)
        .into_iter()
        .filter(|(_, _, v)| has_card_number(v))
        .collect();
    assert_eq!(found, Vec::<(String, String, String)>::new());
    assert_verified(&env);
}

#[test]
fn sql_injection_in_every_text_field_is_stored_verbatim_and_harmless() {
    let env = ledger();
    let tables = table_names(&env.db);
    let attacks = [
        "Robert'); DROP TABLE payments;--",
        "' OR '1'='1",
        "\"; DELETE FROM allocations; --",
        "x'); UPDATE invoice_balances SET allocated = 0; --",
        "%' UNION SELECT name FROM sqlite_schema --",
        "_%\\ NULL ' \" ; -- /* */",
    ];
    let emails = [
        "robert');DROP_TABLE_payments;--@example.com",
        "x'OR'1'='1@example.com",
        "\";DELETE_FROM_allocations;--@example.com",
        "x');UPDATE_invoice_balances@example.com",
        "%'UNION_SELECT@example.com",
        "_%\\'\";--/**/@example.com",
    ];
    let mut n = 0;
    let mut stored = 0;
    for (attack, email) in attacks.iter().zip(emails) {
        for field in fields(&env, attack, email, 100 + n) {
            n += 1;
            let args: Vec<&str> = field.args.iter().map(String::as_str).collect();
            let run = env.run(&args);
            assert_eq!(
                (run.code, run.stderr.as_str()),
                (0, ""),
                "{}: {args:?}",
                field.what
            );
            let places: BTreeSet<(String, String)> = text_cells(&env.db)
                .into_iter()
                .filter(|(_, _, v)| v == &field.value)
                .map(|(t, c, _)| (t, c))
                .collect();
            assert!(
                places.contains(&(field.stored.0.to_string(), field.stored.1.to_string())),
                "{}: {:?} not stored verbatim in {:?} (found in {places:?})",
                field.what,
                field.value,
                field.stored
            );
            stored += 1;
        }
        // The schema is whole and every balance still adds up.
        assert_eq!(table_names(&env.db), tables);
        assert_verified(&env);
    }
    eprintln!("sql injection: {stored} values stored verbatim across every text field");
    // And they come back out as they went in.
    let payments = env.json(&["list"]);
    let references: BTreeSet<&str> = payments
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|p| p["reference"].as_str())
        .collect();
    let customers = env.json(&["customer", "list"]);
    let names: BTreeSet<&str> = customers
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|c| c["name"].as_str())
        .collect();
    for attack in attacks {
        // `create --reference` is field 8, `customer add --name` field 1.
        assert!(
            references.contains(format!("{attack} #8").as_str()),
            "{attack}"
        );
        assert!(names.contains(format!("{attack} #1").as_str()), "{attack}");
    }
}

/// Every CSV payctl writes: list and show outputs of every record kind, the reports, and
/// every export.
fn all_csv_outputs(env: &Env) -> Vec<(String, String)> {
    let mut commands: Vec<Vec<String>> = [
        &["customer", "list"][..],
        &["customer", "show", "655080"],
        &["method", "list", "--customer", "655080"],
        &["invoice", "list"],
        &["list"],
        &["activity", "list"],
        &["log"],
        &["report", "aging"],
        &["report", "aging", "--by", "invoice"],
        &["report", "statement", "--customer", "655080"],
        &["report", "balances"],
    ]
    .iter()
    .map(|a| {
        let mut a = strings(a);
        a.extend(strings(&["-o", "csv"]));
        a
    })
    .collect();
    for kind in [
        "payments",
        "invoices",
        "customers",
        "allocations",
        "activities",
    ] {
        commands.push(strings(&["export", kind, "--format", "csv"]));
    }
    for id in env
        .json(&["list"])
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["id"].to_string())
    {
        commands.push(strings(&["show", &id, "-o", "csv"]));
    }
    for id in env
        .json(&["invoice", "list"])
        .as_array()
        .unwrap()
        .iter()
        .map(|i| i["id"].to_string())
    {
        commands.push(strings(&["invoice", "show", &id, "-o", "csv"]));
    }
    commands
        .into_iter()
        .map(|args| {
            let a: Vec<&str> = args.iter().map(String::as_str).collect();
            (args.join(" "), env.ok(&a))
        })
        .collect()
}

#[test]
fn csv_outputs_neutralise_formulas_in_every_text_field() {
    let env = ledger();
    let formulas = [
        "=HYPERLINK(\"http://evil.example\",\"pay\")",
        "+1+cmd|' /C calc'!A0",
        "-2+3",
        "@SUM(A1:A9)",
    ];
    let emails = [
        "=cmd@evil.example",
        "+1@evil.example",
        "-2@evil.example",
        "=SUM(A1)@evil.example",
    ]; // an address cannot start with @;
    let mut values: Vec<(&str, String)> = Vec::new();
    let mut n = 0;
    for (formula, email) in formulas.iter().zip(emails) {
        for field in fields(&env, formula, email, 200 + n) {
            n += 1;
            let args: Vec<&str> = field.args.iter().map(String::as_str).collect();
            let run = env.run(&args);
            assert_eq!((run.code, run.stderr.as_str()), (0, ""), "{}", field.what);
            values.push((field.what, field.value));
        }
    }
    // The ledger and JSON keep the text as given...
    let payments = env.json(&["list"]);
    let references: BTreeSet<&str> = payments
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|p| p["reference"].as_str())
        .collect();
    for formula in formulas {
        assert!(
            references.contains(format!("{formula} #8").as_str()),
            "{formula}"
        );
    }
    // ...and no CSV cell starts as a formula, save numbers (a reversal's -5.00).
    let mut neutralised = BTreeSet::new();
    let mut outputs = 0;
    for (command, text) in all_csv_outputs(&env) {
        outputs += 1;
        let mut reader = csv::ReaderBuilder::new()
            .has_headers(false)
            .flexible(true)
            .from_reader(text.as_bytes());
        for record in reader.records() {
            for cell in record.unwrap().iter() {
                let numeric = cell
                    .strip_prefix('-')
                    .unwrap_or(cell)
                    .chars()
                    .all(|c| c.is_ascii_digit() || c == '.');
                if cell.starts_with(['=', '+', '-', '@', '\t', '\r']) && !numeric {
                    panic!("{command}: cell {cell:?} would run as a formula");
                }
                if let Some(rest) = cell.strip_prefix('\'') {
                    neutralised.insert(rest.to_string());
                }
            }
        }
    }
    // Every field that a CSV shows came out with its quote; idempotency keys are in no CSV at
    // all, and a declined payment's note is stored after "Declined: ".
    let shown: BTreeSet<&str> = values
        .iter()
        .filter(|(_, v)| neutralised.contains(v))
        .map(|(what, _)| *what)
        .collect();
    let hidden: BTreeSet<&str> = values
        .iter()
        .filter(|(_, v)| !neutralised.contains(v))
        .map(|(what, _)| *what)
        .collect();
    eprintln!("formula injection: {outputs} CSV outputs read; fields shown neutralised: {shown:?}; in no CSV: {hidden:?}");
    assert_eq!(
        shown,
        BTreeSet::from([
            "customer add --name",
            "customer add --email",
            "method add --label",
            "method add --brand",
            "invoice add --number",
            "create --reference",
            "create --json reference",
            "activity add --message",
            // A refund's reference and an NSF's message show as its activity's message; the
            // statement report shows closures' reasons and settlement messages.
            "refund --reference",
            "settle --status failed --message",
            "settle --status successful --message",
            "void --reason",
            "invoice void --reason",
            "invoice write-off --reason",
            "import payments CSV reference",
            "import payments JSON reference",
            "import XML CustomerPaymentNumber",
            "import XML PaymentNote (no number)",
            "import invoices CSV invoiceNumber",
            "import invoices JSON invoiceNumber",
            "import customers CSV name",
            "import customers JSON email",
        ])
    );
}

// ---------------------------------------------------------------------------------------------
// files

#[test]
fn every_file_payctl_writes_is_0600_even_under_umask_000() {
    crate::sqlite_only!();
    let env = Env::new();
    let folder = env.dir.path().join("books");
    let db = folder.join("ledger.db");
    let payctl = assert_cmd::cargo::cargo_bin("payctl");
    let run = |args: &[&str]| {
        let out = std::process::Command::new("sh")
            .arg("-c")
            .arg("umask 000; exec \"$@\"")
            .arg("sh")
            .arg(&payctl)
            .args(args)
            .env("PAYCTL_DB", &db)
            .env("PAYCTL_NOW", crate::common::NOW)
            .env("HOME", env.dir.path())
            .env("NO_COLOR", "1")
            .output()
            .unwrap();
        assert_eq!(
            (
                out.status.code(),
                String::from_utf8_lossy(&out.stderr).into_owned()
            ),
            (Some(0), String::new()),
            "{args:?}"
        );
    };
    run(&["customer", "add", "--id", "655080", "--name", "Acme", "-q"]);
    assert_eq!((mode(&folder), mode(&db)), (0o700, 0o600));
    // A reader keeps -wal and -shm alive past the next write.
    let reader = rusqlite::Connection::open(&db).unwrap();
    let _: i64 = reader
        .query_row("SELECT count(*) FROM customers", [], |r| r.get(0))
        .unwrap();
    run(&[
        "invoice",
        "add",
        "--customer",
        "655080",
        "--total",
        "10.00",
        "-q",
    ]);
    let side = |suffix: &str| folder.join(format!("ledger.db{suffix}"));
    assert_eq!((mode(&side("-wal")), mode(&side("-shm"))), (0o600, 0o600));
    let bad = write(
        &env,
        "bad.csv",
        "customerId,amount,paymentMethod\n655080,1.00,Cash\n999,1.00,Cash\n",
    );
    let rejects = env.dir.path().join("rejects.csv");
    run(&["import", &bad, "--rejects", rejects.to_str().unwrap(), "-q"]);
    let export = env.dir.path().join("payments.csv");
    run(&["export", "payments", "--to", export.to_str().unwrap()]);
    let backup = env.dir.path().join("backup.db");
    run(&["backup", backup.to_str().unwrap(), "-q"]);
    for file in [&rejects, &export, &backup] {
        assert_eq!(mode(file), 0o600, "{}", file.display());
    }
    drop(reader);
}

#[test]
fn a_ledger_others_can_read_is_warned_about_on_every_command() {
    crate::sqlite_only!();
    let env = Env::seeded();
    let list = env.ok(&["invoice", "list", "-o", "csv"]);
    for m in [0o640, 0o604, 0o644, 0o660, 0o666] {
        fs::set_permissions(&env.db, fs::Permissions::from_mode(m)).unwrap();
        let may = match m & 0o022 {
            0 => "readable",
            _ => "readable and writable",
        };
        let warning = format!(
            "warning: ledger '{}' is {may} by other users (mode {m:04o}); run: chmod 600 '{}'\n",
            env.db.display(),
            env.db.display()
        );
        // Reads and writes still work; the warning goes to stderr, not into the output.
        let run = env.run(&["invoice", "list", "-o", "csv"]);
        assert_eq!(
            (run.code, run.stdout.as_str(), run.stderr.as_str()),
            (0, list.as_str(), warning.as_str())
        );
        let run = env.run(&["customer", "add", "--name", &format!("Mode {m:o}"), "-q"]);
        assert_eq!((run.code, run.stderr.as_str()), (0, warning.as_str()));
    }
    fs::set_permissions(&env.db, fs::Permissions::from_mode(0o600)).unwrap();
    let run = env.run(&["invoice", "list", "-o", "csv"]);
    assert_eq!((run.code, run.stderr.as_str()), (0, ""));
}
