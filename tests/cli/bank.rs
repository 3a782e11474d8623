//! `payctl bank import | list | show | ignore | report` (issue 20, SPEC §11), on whichever
//! engine the suite runs on. Fixtures in tests/fixtures/bank/ are written from each format's
//! published layout: camt.053.001.02, .04 and .08; MT940 as Deutsche Bank (`?20`.. structured
//! `:86:`, `{1:` header and `-}` trailer), ING (`/EREF/../CNTP/../REMI/..`) and ABN AMRO
//! (header lines, `:28:`, `/NAME/` `:86:` spread over lines, no bank reference) write it; a
//! German CSV with decimal commas.

use std::path::PathBuf;

use crate::common::Env;

fn fixture(name: &str) -> String {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/bank")
        .join(name)
        .display()
        .to_string()
}

const KONTO_MAP: &str = "date=Buchungstag,amount=Betrag,reference=Verwendungszweck,payer=Name,account=IBAN,id=Transaktions-ID,currency=Waehrung,decimal=comma,thousands=dot,date_format=%d.%m.%Y,delimiter=semicolon,value_date=Valuta";

/// Writes `text` into the test's folder and returns its path.
fn write(env: &Env, name: &str, text: &str) -> String {
    let path = env.dir.path().join(name);
    std::fs::write(&path, text).unwrap();
    path.display().to_string()
}

fn summary(env: &Env, args: &[&str]) -> serde_json::Value {
    let json = env.json(args);
    assert_eq!(json.as_array().map(Vec::len), Some(1), "{json}");
    json[0].clone()
}

#[test]
fn every_format_imports_its_credit_lines_and_again_adds_nothing() {
    let env = Env::new();
    // (file, extra args, lines read, new credits, debits, credit total, balanced)
    type Case<'a> = (
        &'a str,
        &'a [&'a str],
        i64,
        i64,
        i64,
        &'a str,
        serde_json::Value,
    );
    let cases: &[Case] = &[
        ("camt053_v02.xml", &[], 5, 3, 1, "350.00", true.into()),
        ("camt053_v04.xml", &[], 5, 3, 1, "350.00", true.into()),
        ("camt053_v08.xml", &[], 1, 1, 0, "1200.00", true.into()),
        ("mt940_deutsche.sta", &[], 2, 1, 1, "250.00", true.into()),
        ("mt940_ing.sta", &[], 2, 2, 0, "1500.00", true.into()),
        ("mt940_abnamro.sta", &[], 2, 2, 0, "150.50", true.into()),
        (
            "konto.csv",
            &["--map", KONTO_MAP],
            3,
            2,
            1,
            "1290.50",
            serde_json::Value::Null,
        ),
    ];
    for (file, extra, read, new, debits, total, balanced) in cases {
        let path = fixture(file);
        let mut args = vec!["bank", "import", path.as_str()];
        args.extend(extra.iter());
        let s = summary(&env, &args);
        assert_eq!(s["linesRead"], *read, "{file}: {s}");
        assert_eq!(s["creditsNew"], *new, "{file}: {s}");
        assert_eq!(s["alreadyImported"], 0, "{file}: {s}");
        assert_eq!(s["debitsSkipped"], *debits, "{file}: {s}");
        assert_eq!(s["creditTotal"].to_string(), *total, "{file}: {s}");
        assert_eq!(s["balanced"], *balanced, "{file}: {s}");
        // The same file again: nothing new, nothing written.
        let before = env.snapshot();
        let again = summary(&env, &args);
        assert_eq!(again["creditsNew"], 0, "{file} again: {again}");
        assert_eq!(again["alreadyImported"], *new, "{file} again: {again}");
        assert_eq!(again["statementId"], s["statementId"], "{file} again");
        assert_eq!(before, env.snapshot(), "{file} again changed the ledger");
    }
    let lines = env.json(&["bank", "list"]);
    let lines = lines.as_array().unwrap();
    assert_eq!(lines.len(), 14);
    // What each format's reader keeps of a line.
    let by_ref = |r: &str| {
        lines
            .iter()
            .find(|l| l["bankRef"] == r)
            .unwrap_or_else(|| panic!("no line {r}"))
            .clone()
    };
    let acme = by_ref("DE89370400440532013000/2026110100001");
    assert_eq!(acme["amount"].to_string(), "250.00");
    assert_eq!(acme["payerName"], "Acme GmbH");
    assert_eq!(acme["payerAccount"], "DE44500105175407324931");
    assert_eq!(acme["remittance"], "INV 2026/0042 thank you");
    assert_eq!(acme["bookingDate"], "2026-11-01");
    assert_eq!(acme["lineNo"], 28);
    assert_eq!(acme["status"], "unmatched");
    // A batch entry: one line per transaction, each with its own amount and reference.
    let batch = by_ref("DE89370400440532013000/2026110100002-2");
    assert_eq!(batch["amount"].to_string(), "40.00");
    assert_eq!(batch["payerName"], "Gamma BV");
    assert_eq!(
        by_ref("DE89370400440532013000/2026110100002-1")["remittance"],
        "RF18539007547034"
    );
    // camt.053.001.08: Dbtr/Pty/Nm, DtTm dates, Othr account id.
    let v8 = by_ref("0532013000/V8-REF-1");
    assert_eq!(v8["payerName"], "Delta & Sons Ltd");
    assert_eq!(v8["bookingDate"], "2026-11-02");
    // MT940: the German structured :86:, ING's CNTP, ABN AMRO's /NAME/ over two lines.
    let db = by_ref("37040044/0532013000/DB-TX-0001");
    assert_eq!(db["payerName"], "Acme GmbH");
    assert_eq!(db["payerAccount"], "DE44500105175407324931");
    assert_eq!(db["lineNo"], 6);
    let ing = by_ref("NL20INGB0001234567/00000000001001");
    assert_eq!(ing["payerName"], "Omega BV");
    assert_eq!(ing["payerAccount"], "NL91ABNA0417164300");
    assert!(ing["remittance"]
        .as_str()
        .unwrap()
        .contains("INV-2026-0100 and INV-2026-0101"));
    let abn: Vec<_> = lines
        .iter()
        .filter(|l| l["payerName"] == "JANSEN")
        .collect();
    assert_eq!(abn.len(), 2, "two equal amounts, told apart by their text");
    assert!(abn
        .iter()
        .all(|l| l["bankRef"].as_str().unwrap().starts_with("fp:")));
    // CSV: decimal comma, thousands dot, German dates.
    let csv = by_ref("/T-1");
    assert_eq!(csv["amount"].to_string(), "1250.00");
    assert_eq!(csv["valueDate"], "2026-11-01");
    assert_eq!(by_ref("/T-3")["amount"].to_string(), "40.50");
}

#[test]
fn an_overlapping_statement_adds_only_its_new_lines() {
    let env = Env::new();
    env.ok(&["bank", "import", &fixture("camt053_v02.xml")]);
    // The next statement repeats entry 2026110100001 and adds one.
    let text = std::fs::read_to_string(fixture("camt053_v02.xml"))
        .unwrap()
        .replace("STMT-2026-11-01", "STMT-2026-11-02")
        .replace(
            "<AcctSvcrRef>2026110100002</AcctSvcrRef>",
            "<AcctSvcrRef>2026110200009</AcctSvcrRef>",
        )
        .replace("2026110100002-1", "2026110200009-1")
        .replace("2026110100002-2", "2026110200009-2");
    let path = write(&env, "next.xml", &text);
    let s = summary(&env, &["bank", "import", &path]);
    assert_eq!(
        (s["creditsNew"].clone(), s["alreadyImported"].clone()),
        (2.into(), 1.into()),
        "{s}"
    );
    assert_eq!(s["newTotal"].to_string(), "100.00");
    assert_eq!(s["statementId"], 2);
    let report = env.json(&["bank", "report", "--statement", "2"]);
    assert_eq!(report[0]["creditCount"], 3, "the statement's own credits");
    assert_eq!(report[0]["lineCount"], 2, "the lines first stored with it");
    assert_eq!(report[0]["balanced"], true);
}

#[test]
fn a_statement_whose_balances_do_not_add_up_is_imported_and_reported() {
    let env = Env::new();
    let text = std::fs::read_to_string(fixture("camt053_v02.xml"))
        .unwrap()
        .replace("1325.50", "1325.00");
    let path = write(&env, "off.xml", &text);
    let run = env.run(&["bank", "import", &path, "-q"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(run.stdout, "1\n");
    assert_eq!(
        run.stderr,
        "warning: statement 1 (STMT-2026-11-01): opening 1000.00 + credits 350.00 - debits 24.50 is not the closing balance 1325.00 EUR; imported, and shown in payctl bank report\n"
    );
    let report = env.json(&["bank", "report"]);
    assert_eq!(report[0]["balanced"], false);
    assert_eq!(report[0]["difference"], "-0.50");
    let table = env.ok_piped(&["bank", "report"]);
    assert!(table.contains("  NO"), "{table}");
}

#[test]
fn a_missing_closing_balance_in_mt940_is_kept_as_none() {
    let env = Env::new();
    let text = std::fs::read_to_string(fixture("mt940_ing.sta"))
        .unwrap()
        .replace(":62F:C261101EUR2000,00\n", "");
    let path = write(&env, "no62.sta", &text);
    let s = summary(&env, &["bank", "import", &path]);
    assert_eq!(s["creditsNew"], 2);
    assert_eq!(s["closing"], serde_json::Value::Null);
    assert_eq!(s["balanced"], serde_json::Value::Null);
    let report = env.json(&["bank", "report"]);
    assert_eq!(report[0]["closing"], serde_json::Value::Null);
}

#[test]
fn malformed_files_are_refused_with_their_line_and_nothing_is_written() {
    let env = Env::new();
    env.ok(&["bank", "import", &fixture("mt940_ing.sta")]);
    let camt = std::fs::read_to_string(fixture("camt053_v02.xml")).unwrap();
    let three_decimals = write(&env, "dec.xml", &camt.replace(">250.00<", ">250.005<"));
    env.refused(
        &["bank", "import", &three_decimals],
        1,
        &format!("error: {three_decimals}: line 28: amount \"250.005\" has 3 decimal places but EUR allows 2; amounts are never rounded; nothing was imported\n"),
    );
    let truncated = write(&env, "cut.xml", &camt[..camt.len() / 2]);
    let run = env.run(&["bank", "import", &truncated]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert!(
        run.stderr
            .starts_with(&format!("error: {truncated}: line "))
            && run.stderr.ends_with("; nothing was imported\n"),
        "{}",
        run.stderr
    );
    let unclosed = write(
        &env,
        "open.xml",
        camt.trim_end().trim_end_matches("</Document>"),
    );
    let run = env.run(&["bank", "import", &unclosed]);
    assert_eq!(run.code, 1);
    assert!(
        run.stderr.contains("the document ends inside <Document>"),
        "{}",
        run.stderr
    );
    let wrong_ns = write(
        &env,
        "ns.xml",
        &camt.replace("camt.053.001.02", "camt.054.001.02"),
    );
    let run = env.run(&["bank", "import", &wrong_ns]);
    assert_eq!(run.code, 1);
    assert!(
        run.stderr.contains("not a camt.053 statement"),
        "{}",
        run.stderr
    );
    let mt = write(
        &env,
        "bad.sta",
        ":20:X\n:25:Y\n:28C:1\n:60F:C261031EUR1,00\n:61:26110X\n",
    );
    let run = env.run(&["bank", "import", &mt]);
    assert_eq!(run.code, 1);
    assert!(
        run.stderr.contains("not a valid MT940 statement"),
        "{}",
        run.stderr
    );
    let csv = write(
        &env,
        "bad.csv",
        "Buchungstag;Valuta;Name;IBAN;Verwendungszweck;Betrag;Waehrung;Transaktions-ID\n01.11.2026;;A;;x;1,00;EUR;a\n31.02.2026;;B;;y;2,00;EUR;b\n",
    );
    env.refused(
        &["bank", "import", &csv, "--map", KONTO_MAP],
        1,
        &format!("error: {csv}: line 3: Buchungstag: \"31.02.2026\" is not a date in the format \"%d.%m.%Y\"; nothing was imported\n"),
    );
    env.refused(
        &["bank", "import", &csv, "--map", "date=Buchungstag,amount=Betrag"],
        2,
        "error: --map: give currency=COLUMN or currency_code=CODE (e.g. currency_code=EUR), one of them\n",
    );
    env.refused(
        &["bank", "import", &csv],
        2,
        &format!("error: {csv} is read as a bank CSV, which needs --map (e.g. --map 'date=Booking date,amount=Amount,reference=Purpose,payer=Name,currency_code=EUR'); give --format camt053 or mt940 for another format\n"),
    );
}

#[test]
fn a_dry_run_writes_nothing_and_says_what_it_would() {
    let env = Env::new();
    env.ok(&["bank", "import", &fixture("mt940_ing.sta")]);
    let before = env.snapshot();
    let s = summary(
        &env,
        &["bank", "import", &fixture("camt053_v08.xml"), "--dry-run"],
    );
    assert_eq!(s["creditsNew"], 1);
    assert_eq!(s["dryRun"], true);
    let out = env.ok(&["bank", "import", &fixture("camt053_v08.xml"), "--dry-run"]);
    assert!(
        out.starts_with(
            "Dry run: nothing was written. A real run would say: Imported 1 new credit line(s)"
        ),
        "{out}"
    );
    assert_eq!(before, env.snapshot());
    env.ok(&["bank", "ignore", "1", "--reason", "interest", "--dry-run"]);
    assert_eq!(before, env.snapshot());
}

#[test]
fn ignore_is_once_per_line_and_shows_in_list_show_and_report() {
    let env = Env::new();
    env.ok(&["bank", "import", &fixture("mt940_ing.sta")]);
    assert_eq!(
        env.ok(&[
            "bank",
            "ignore",
            "2",
            "--reason",
            "transfer between our accounts",
            "-q"
        ]),
        "2\n"
    );
    env.refused(
        &["bank", "ignore", "2", "--reason", "again"],
        1,
        "error: bank line 2 is already ignored (transfer between our accounts)\n",
    );
    env.refused(
        &["bank", "ignore", "9", "--reason", "x"],
        3,
        "error: bank line 9 not found; list bank lines with: payctl bank list\n",
    );
    env.refused(
        &["bank", "ignore", "1", "--reason", " "],
        1,
        "error: reason is empty; say why (it is kept in the audit trail)\n",
    );
    let ignored = env.json(&["bank", "list", "--status", "ignored"]);
    assert_eq!(ignored.as_array().unwrap().len(), 1);
    assert_eq!(ignored[0]["ignoredReason"], "transfer between our accounts");
    let shown = env.json(&["bank", "show", "2"]);
    assert_eq!(shown["status"], "ignored");
    assert_eq!(
        env.json(&["bank", "list", "--status", "unmatched"])
            .as_array()
            .unwrap()
            .len(),
        1
    );
    let report = env.json(&["bank", "report"]);
    assert_eq!(report[0]["ignoredTotal"].to_string(), "300.00");
    assert_eq!(report[0]["unappliedTotal"].to_string(), "1200.00");
    assert_eq!(report[0]["unappliedCount"], 1);
    let csv = env.ok(&["bank", "report", "-o", "csv"]);
    assert!(
        csv.starts_with("statementId,format,account,statementRef,currency,fileName,opening,"),
        "{csv}"
    );
    env.refused(
        &["bank", "report", "--statement", "7"],
        3,
        "error: bank statement 7 not found; list statements with: payctl bank report\n",
    );
    // verify checks the bank rows too.
    let verify = env.ok(&["verify"]);
    assert!(
        verify.contains("ok  each applied bank line has its payment, of its amount"),
        "{verify}"
    );
}

#[test]
fn a_card_number_in_a_bank_line_is_stored_masked() {
    let env = Env::new();
    let csv = write(
        &env,
        "card.csv",
        "Date,Amount,Purpose,Name\n2026-11-01,10.00,card 4111 1111 1111 1111 refund,Zeta\n",
    );
    let run = env.run(&[
        "bank",
        "import",
        &csv,
        "--map",
        "date=Date,amount=Amount,reference=Purpose,payer=Name,currency_code=USD",
        "-q",
    ]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(run.stderr.contains("1 line(s) held a card number in their text; it is stored masked to its last four digits"), "{}", run.stderr);
    let dump = env.snapshot();
    assert!(
        !dump.contains("4111 1111 1111 1111") && !dump.contains("4111111111111111"),
        "{dump}"
    );
    let line = env.json(&["bank", "show", "1"]);
    assert!(
        line["remittance"].as_str().unwrap().contains("1111"),
        "{line}"
    );
}
