//! Issue 16, item 9 ("nothing to look at"): `report aging --chart` compared whole at fixed
//! widths, and `-o html` for `report aging` and `report statement`: self-contained (nothing
//! outside the page is named), escaped, card numbers masked, totals equal to the JSON's, and
//! refused by every other command. The browser check is tests/html/check.sh.

use crate::common::Env;

/// Lines joined with `\n`, plus the final newline every output ends with.
fn text(lines: &[&str]) -> String {
    let mut out = lines.join("\n");
    out.push('\n');
    out
}

const SCRIPT_NAME: &str = "<script>alert(1)</script> & Co";

/// Four customers in three currencies, at the pinned clock (2026-11-21):
/// 655080 Acme Corp (USD): invoice 1 (1200.00, due 2026-07-31, 200.00 paid by a check),
/// 2 (350.50, due 2026-10-15), 3 (99.99, due 2026-12-10);
/// 700001 `<script>alert(1)</script> & Co` (USD): invoice 4 `<b>INV&4</b>` (10000.00, due
/// 2026-10-31); 700002 Euro GmbH (EUR): invoice 5 (80.00, due 2026-08-31);
/// 700003 Tokyo KK (JPY): invoices 6 (5000, due 2026-12-20) and 7 (1234, due 2026-07-20).
fn ledger() -> Env {
    let env = Env::new();
    for args in [
        &["customer", "add", "--id", "655080", "--name", "Acme Corp"][..],
        &["customer", "add", "--id", "700001", "--name", SCRIPT_NAME],
        &[
            "customer",
            "add",
            "--id",
            "700002",
            "--name",
            "Euro GmbH",
            "--currency",
            "EUR",
        ],
        &[
            "customer",
            "add",
            "--id",
            "700003",
            "--name",
            "Tokyo KK",
            "--currency",
            "JPY",
        ],
    ] {
        env.ok(args);
    }
    for (customer, id, number, total, date) in [
        ("655080", "1", "INV-1", "1200.00", "2026-07-01"),
        ("655080", "2", "INV-2", "350.50", "2026-09-15"),
        ("655080", "3", "INV-3", "99.99", "2026-11-10"),
        ("700001", "4", "<b>INV&4</b>", "10000.00", "2026-10-01"),
        ("700002", "5", "EU-5", "80.00", "2026-08-01"),
        ("700003", "6", "JP-6", "5000", "2026-11-20"),
        ("700003", "7", "JP-7", "1234", "2026-06-20"),
    ] {
        env.ok(&[
            "invoice",
            "add",
            "--customer",
            customer,
            "--id",
            id,
            "--number",
            number,
            "--total",
            total,
            "--date",
            date,
            "--terms",
            "net30",
        ]);
    }
    env.ok(&[
        "create",
        "--customer",
        "655080",
        "--amount",
        "200",
        "--method",
        "Check",
        "--reference",
        "chk <1001> & co",
        "--allocate",
        "1=200",
    ]);
    env
}

/// Runs payctl with `COLUMNS` set; it must succeed.
#[track_caller]
fn ok_columns(env: &Env, columns: &str, args: &[&str]) -> String {
    let out = env
        .command(args)
        .env("COLUMNS", columns)
        .output()
        .expect("run payctl");
    assert!(
        out.status.success(),
        "payctl {args:?} failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

fn width(line: &str) -> usize {
    line.chars().count()
}

// ---------------------------------------------------------------------------------------------
// report aging --chart
// ---------------------------------------------------------------------------------------------

/// At 80 columns, each currency's largest bucket fills the 62 columns left by the labels and
/// the widest amount (10000.00); USD's others get their share in eighths of a column, rounded
/// half up: 99.99 of 10000.00 is 4.96 eighths (▋, 5), 350.50 is 17.38 (██▏, 17), 1000.00 is
/// 49.6 (██████▎, 50). JPY's 1234 of 5000 is 122.46 eighths: 15 blocks and ▎.
#[test]
fn aging_chart_at_80_columns() {
    let env = ledger();
    let out = ok_columns(&env, "80", &["report", "aging", "--chart"]);
    assert_eq!(
        out,
        text(&[
            "Aging by due date on 2026-11-21 (every row recorded)",
            "",
            "Outstanding in EUR: 80.00",
            "Current                                                                     0.00",
            "1–30                                                                        0.00",
            "31–60                                                                       0.00",
            "61–90    ██████████████████████████████████████████████████████████████    80.00",
            "90+                                                                         0.00",
            "",
            "Outstanding in JPY: 6234",
            "Current  ██████████████████████████████████████████████████████████████     5000",
            "1–30                                                                           0",
            "31–60                                                                          0",
            "61–90                                                                          0",
            "90+      ███████████████▎                                                   1234",
            "",
            "Outstanding in USD: 11450.49",
            "Current  ▋                                                                 99.99",
            "1–30     ██████████████████████████████████████████████████████████████ 10000.00",
            "31–60    ██▏                                                              350.50",
            "61–90                                                                       0.00",
            "90+      ██████▎                                                         1000.00",
        ])
    );
    assert!(out.lines().all(|l| width(l) <= 80), "{out}");
}

/// The chart follows `COLUMNS` (in a pipe, as here); a line too narrow for a bar space of 10
/// columns runs past its end rather than split or shorten an amount.
#[test]
fn aging_chart_follows_columns_and_never_splits_an_amount() {
    let env = ledger();
    assert_eq!(
        ok_columns(
            &env,
            "30",
            &["report", "aging", "--chart", "--customer", "700003"]
        ),
        text(&[
            "Aging by due date on",
            "2026-11-21 (every row",
            "recorded)",
            "",
            "Outstanding in JPY: 6234",
            "Current  ████████████████ 5000",
            "1–30                         0",
            "31–60                        0",
            "61–90                        0",
            "90+      ████             1234",
        ])
    );
    assert_eq!(
        ok_columns(
            &env,
            "12",
            &["report", "aging", "--chart", "--customer", "700001"]
        ),
        text(&[
            "Aging by due",
            "date on",
            "2026-11-21",
            "(every row",
            "recorded)",
            "",
            "Outstanding in USD: 10000.00",
            "Current                 0.00",
            "1–30     ██████████ 10000.00",
            "31–60                   0.00",
            "61–90                   0.00",
            "90+                     0.00",
        ])
    );
    // No COLUMNS, in a pipe: 80.
    let out = env
        .command(&["report", "aging", "--chart"])
        .env_remove("COLUMNS")
        .output()
        .unwrap();
    assert_eq!(
        String::from_utf8(out.stdout).unwrap(),
        ok_columns(&env, "80", &["report", "aging", "--chart"])
    );
    // A COLUMNS that is not a positive number is ignored, as the shells ignore it: 80.
    for columns in ["", "abc", "0", "-5", "80x"] {
        assert_eq!(
            ok_columns(&env, columns, &["report", "aging", "--chart"]),
            ok_columns(&env, "80", &["report", "aging", "--chart"]),
            "COLUMNS={columns:?}"
        );
    }
    // A huge one is capped at 65535 columns (a terminal's widest), not allocated.
    for columns in ["99999999999999", "999999999999999999999999999"] {
        let huge = ok_columns(&env, columns, &["report", "aging", "--chart"]);
        assert_eq!(
            huge.lines().map(width).max(),
            Some(65535),
            "COLUMNS={columns}"
        );
    }
    // At 120 columns every bar line is exactly 120 wide where its bar is full.
    let wide = ok_columns(&env, "120", &["report", "aging", "--chart"]);
    assert!(wide.lines().all(|l| width(l) <= 120), "{wide}");
    assert!(wide.lines().any(|l| width(l) == 120), "{wide}");
}

/// On a real pseudo terminal of 50 columns (util-linux `script`), with no `COLUMNS`, the
/// chart fits the terminal: the largest bar ends where the line does, and the heading wraps
/// between words.
#[test]
fn aging_chart_fits_a_real_terminal() {
    let env = ledger();
    let bin = assert_cmd::cargo::cargo_bin("payctl");
    let out = std::process::Command::new("script")
        .args(["-q", "-e", "-c"])
        .arg(format!(
            "stty cols 50 rows 40; {} report aging --chart --customer 700001",
            bin.display()
        ))
        .arg("/dev/null")
        .env("PAYCTL_DB", &env.db)
        .env("PAYCTL_NOW", crate::common::NOW)
        .env("NO_COLOR", "1")
        .env("HOME", env.dir.path())
        .env("TERM", "xterm")
        .env_remove("COLUMNS")
        .env_remove("PAYCTL_OUTPUT")
        .stdin(std::process::Stdio::null())
        .output()
        .expect("util-linux `script` runs payctl on a pseudo terminal");
    let shown = String::from_utf8_lossy(&out.stdout).replace("\r\n", "\n");
    assert_eq!(out.status.code(), Some(0), "{shown}");
    assert_eq!(
        shown,
        text(&[
            "Aging by due date on 2026-11-21 (every row",
            "recorded)",
            "",
            "Outstanding in USD: 10000.00",
            "Current                                       0.00",
            "1–30     ████████████████████████████████ 10000.00",
            "31–60                                         0.00",
            "61–90                                         0.00",
            "90+                                           0.00",
        ])
    );
}

/// `--as-of`, `--by invoice` and `--customer` chart the same sums the table shows. At 60
/// columns the bar space is 43 columns (344 eighths): 350.50 of 1200.00 is 100.48 eighths,
/// 12 blocks and ▌.
#[test]
fn aging_chart_as_of_by_invoice_date_for_one_customer() {
    let env = ledger();
    assert_eq!(
        ok_columns(
            &env,
            "60",
            &[
                "report",
                "aging",
                "--chart",
                "--as-of",
                "2026-10-15",
                "--by",
                "invoice",
                "--customer",
                "655080"
            ]
        ),
        text(&[
            "Aging by invoice date as of 2026-10-15 (end of day)",
            "",
            "Outstanding in USD: 1550.50",
            "Current                                                 0.00",
            "1–30     ████████████▌                                350.50",
            "31–60                                                   0.00",
            "61–90                                                   0.00",
            "90+      ███████████████████████████████████████████ 1200.00",
        ])
    );
    // The same sums as the JSON.
    let json = env.json(&[
        "report",
        "aging",
        "--as-of",
        "2026-10-15",
        "--by",
        "invoice",
        "--customer",
        "655080",
    ]);
    assert_eq!(json["totals"][0]["days1To30"].to_string(), "350.50");
    assert_eq!(json["totals"][0]["days90Plus"].to_string(), "1200.00");
}

#[test]
fn aging_chart_with_nothing_outstanding() {
    let env = Env::new();
    env.ok(&["customer", "add", "--id", "1", "--name", "Paid Up"]);
    assert_eq!(
        ok_columns(&env, "80", &["report", "aging", "--chart"]),
        text(&[
            "Aging by due date on 2026-11-21 (every row recorded)",
            "Nothing outstanding.",
        ])
    );
}

/// A chart is for reading: with -o json or csv it is refused (exit 2), not silently dropped,
/// and before the ledger is opened.
#[test]
fn aging_chart_is_refused_with_json_and_csv() {
    let env = ledger();
    env.refused(
        &["report", "aging", "--chart", "-o", "csv"],
        2,
        "error: --chart draws bars for reading, not for scripts, and cannot be used with -o \
         csv: leave out --chart, or use -o table (the default) or -o html\n",
    );
    // With -o json the error is Fusebill's error JSON, as every error is.
    env.refused(
        &["report", "aging", "--chart", "-o", "json"],
        2,
        r#"{
  "ErrorId": 0,
  "HttpStatusCode": 400,
  "Errors": [
    {
      "Key": "chart",
      "Value": "--chart draws bars for reading, not for scripts, and cannot be used with -o json: leave out --chart, or use -o table (the default) or -o html"
    }
  ]
}
"#,
    );
    // PAYCTL_OUTPUT counts as -o.
    let run = env
        .command(&["report", "aging", "--chart"])
        .env("PAYCTL_OUTPUT", "csv")
        .output()
        .unwrap();
    assert_eq!(run.status.code(), Some(2));
    // Even with no ledger: the usage error, not the missing ledger, and none created.
    let empty = Env::new();
    empty.refused(
        &["report", "aging", "--chart", "-o", "csv"],
        2,
        "error: --chart draws bars for reading, not for scripts, and cannot be used with -o \
         csv: leave out --chart, or use -o table (the default) or -o html\n",
    );
    assert!(!empty.db.exists());
}

// ---------------------------------------------------------------------------------------------
// -o html
// ---------------------------------------------------------------------------------------------

/// What in a page could make a browser fetch something: a URL, a protocol-relative `//`, an
/// `@import` or `url(` in CSS, an attribute that loads (`src`, `href`, `srcset`, `action`,
/// `poster`, `xlink:href`), a script, a link, a frame, an object, a font face. None may occur.
fn external_references(page: &str) -> Vec<String> {
    let lower = page.to_ascii_lowercase();
    let mut found = Vec::new();
    for needle in [
        "http:",
        "https:",
        "ftp:",
        "file:",
        "data:",
        "url(",
        "@import",
        "@font-face",
        "src=",
        "srcset=",
        "href=",
        "action=",
        "poster=",
        "<script",
        "<link",
        "<iframe",
        "<object",
        "<embed",
        "<img",
        "<base",
        "<meta http-equiv",
    ] {
        if lower.contains(needle) {
            found.push(needle.to_string());
        }
    }
    // `//` outside the CSS comments payctl never writes: any `//` at all.
    if lower.contains("//") {
        found.push("//".to_string());
    }
    found
}

/// The text of every `data-field` cell inside the element that starts with `marker`, in
/// order: `(field, text)`. The page's markup is payctl's own, one element per line.
fn fields_after(page: &str, marker: &str) -> Vec<(String, String)> {
    let start = page
        .find(marker)
        .unwrap_or_else(|| panic!("{marker} not in page"));
    let line = page[start..].lines().next().unwrap();
    let mut out = Vec::new();
    let mut rest = line;
    while let Some(at) = rest.find("data-field=\"") {
        rest = &rest[at + "data-field=\"".len()..];
        let name_end = rest.find('"').unwrap();
        let name = rest[..name_end].to_string();
        let text_start = rest.find('>').unwrap() + 1;
        let text_end = rest[text_start..].find('<').unwrap() + text_start;
        out.push((name, rest[text_start..text_end].to_string()));
        rest = &rest[text_end..];
    }
    out
}

const AGING_FIELDS: [&str; 6] = [
    "current",
    "days1To30",
    "days31To60",
    "days61To90",
    "days90Plus",
    "total",
];

#[test]
fn aging_page_totals_equal_the_json() {
    let env = ledger();
    let page = env.ok(&["report", "aging", "-o", "html"]);
    let json = env.json(&["report", "aging"]);
    let totals = json["totals"].as_array().unwrap();
    assert_eq!(totals.len(), 3);
    for total in totals {
        let currency = total["currency"].as_str().unwrap();
        let want: Vec<(String, String)> = AGING_FIELDS
            .iter()
            .map(|f| (f.to_string(), total[*f].to_string()))
            .collect();
        assert_eq!(
            fields_after(&page, &format!("<tr data-total-currency=\"{currency}\">")),
            want,
            "{currency}"
        );
    }
    // And each customer's row equals its JSON row.
    for row in json["customers"].as_array().unwrap() {
        let id = row["customerId"].to_string();
        let want: Vec<(String, String)> = AGING_FIELDS
            .iter()
            .map(|f| (f.to_string(), row[*f].to_string()))
            .collect();
        assert_eq!(
            fields_after(&page, &format!("<tr data-customer-id=\"{id}\">")),
            want
        );
    }
    assert_eq!(
        fields_after(&page, "<tr data-total-currency=\"USD\">"),
        [
            ("current", "99.99"),
            ("days1To30", "10000.00"),
            ("days31To60", "350.50"),
            ("days61To90", "0.00"),
            ("days90Plus", "1000.00"),
            ("total", "11450.49"),
        ]
        .map(|(f, v)| (f.to_string(), v.to_string()))
    );
}

/// The page is one document with everything inline: its style, its SVG chart, and nothing
/// that names anything outside it.
#[test]
fn aging_page_is_self_contained_and_printable() {
    let env = ledger();
    let page = env.ok(&["report", "aging", "-o", "html"]);
    assert!(
        page.starts_with("<!DOCTYPE html>\n<html lang=\"en\">\n"),
        "{page}"
    );
    assert!(page.ends_with("</html>\n"));
    assert_eq!(external_references(&page), Vec::<String>::new());
    assert_eq!(page.matches("<style>").count(), 1);
    assert!(page.contains("@media print {"));
    assert!(page.contains("@page { margin: 15mm; }"));
    // One SVG chart per currency, bars as long as the chart rule says: 400 units for the
    // largest bucket; USD 99.99 of 10000.00 is 4 units (3.9996 rounded), 350.50 is 14.02: 14.
    assert_eq!(page.matches("<svg class=\"chart\"").count(), 3);
    let usd = &page[page.find("<section data-currency=\"USD\">").unwrap()..];
    let bars: Vec<&str> = usd
        .lines()
        .filter(|l| l.starts_with("<g data-bucket="))
        .map(|l| {
            let at = l.find("class=\"bar\"").unwrap();
            let w = &l[at..];
            let w = &w[w.find("width=\"").unwrap() + 7..];
            &w[..w.find('"').unwrap()]
        })
        .collect();
    assert_eq!(bars, ["4", "400", "14", "0", "40"]);
}

/// Names, invoice numbers and references come from users: they are escaped wherever they
/// appear, so `<script>` in a customer's name is text, not a script.
#[test]
fn pages_escape_what_users_typed() {
    let env = ledger();
    let aging = env.ok(&["report", "aging", "-o", "html"]);
    assert!(aging.contains(
        "<th scope=\"row\"><span class=\"nowrap\">700001</span> \
         &lt;script&gt;alert(1)&lt;/script&gt; &amp; Co</th>"
    ));
    assert!(!aging.contains("<script"));
    assert!(!aging.contains("& Co"));

    let page = env.ok(&["report", "statement", "--customer", "700001", "-o", "html"]);
    assert!(!page.contains("<script"), "{page}");
    assert!(page.contains(
        "<title>Statement for customer 700001 &lt;script&gt;alert(1)&lt;/script&gt; &amp; Co, \
         all dates</title>"
    ));
    assert!(page.contains("<td>&lt;b&gt;INV&amp;4&lt;/b&gt;, due 2026-10-31</td>"));
    assert!(!page.contains("<b>"));

    let acme = env.ok(&["report", "statement", "--customer", "655080", "-o", "html"]);
    assert!(acme.contains("<td>Check, reference chk &lt;1001&gt; &amp; co</td>"));
    assert_eq!(external_references(&page), Vec::<String>::new());
    assert_eq!(external_references(&acme), Vec::<String>::new());
}

/// payctl refuses card numbers on the way in; a name changed behind its back still never
/// reaches a page unmasked, and control or bidirectional characters show escaped.
#[test]
fn pages_mask_card_numbers_even_from_a_ledger_edited_behind_payctls_back() {
    crate::sqlite_only!();
    let env = ledger();
    let conn = rusqlite::Connection::open(&env.db).unwrap();
    conn.execute(
        "UPDATE customers SET name = 'Card 4111 1111 1111 1111 \u{202e}Corp' WHERE id = 655080",
        [],
    )
    .unwrap();
    drop(conn);
    for args in [
        &["report", "aging", "-o", "html"][..],
        &["report", "statement", "--customer", "655080", "-o", "html"],
    ] {
        let page = env.ok(args);
        assert!(!page.contains("4111 1111 1111 1111"), "{page}");
        assert!(!page.contains('\u{202e}'), "{page}");
        assert!(
            page.contains("Card **** **** **** 1111 \\u{202e}Corp"),
            "{page}"
        );
    }
}

/// The statement page's opening and closing figures per currency equal the JSON's, and its
/// running balance is printed from the same decimal text.
#[test]
fn statement_page_totals_equal_the_json() {
    let env = ledger();
    for (customer, args) in [
        ("655080", vec![]),
        ("655080", vec!["--from", "2026-09-01", "--to", "2026-11-10"]),
        ("700003", vec![]),
    ] {
        let mut all = vec!["report", "statement", "--customer", customer];
        all.extend(&args);
        let mut html = all.clone();
        html.extend(["-o", "html"]);
        let page = env.ok(&html);
        let json = env.json(&all);
        assert_eq!(external_references(&page), Vec::<String>::new());
        for section in json["currencies"].as_array().unwrap() {
            let currency = section["currency"].as_str().unwrap();
            let at = page
                .find(&format!("<section data-currency=\"{currency}\">"))
                .unwrap();
            let fields: Vec<(String, String)> = page[at..]
                .lines()
                .take_while(|l| !l.starts_with("</dl>"))
                .filter(|l| l.starts_with("<dt>"))
                .flat_map(|l| fields_after(l, "<dt>"))
                .collect();
            let want: Vec<(String, String)> = [
                "openingBalance",
                "openingFunds",
                "closingBalance",
                "availableFunds",
            ]
            .iter()
            .map(|f| (f.to_string(), section[*f].to_string()))
            .collect();
            assert_eq!(fields, want, "{customer} {args:?}");
        }
    }
    let page = env.ok(&[
        "report",
        "statement",
        "--customer",
        "655080",
        "--from",
        "2026-09-01",
        "--to",
        "2026-11-10",
        "-o",
        "html",
    ]);
    let body = &page[page.find("<section").unwrap()..page.find("</section>").unwrap()];
    assert_eq!(
        body,
        "<section data-currency=\"USD\">\n<h2>Amounts in USD</h2>\n<dl class=\"summary\">\n\
         <dt>Opening balance</dt><dd data-field=\"openingBalance\">1200.00</dd>\n\
         <dt>Opening available funds</dt><dd data-field=\"openingFunds\">0.00</dd>\n\
         <dt>Balance owed</dt><dd data-field=\"closingBalance\">1650.49</dd>\n\
         <dt>Available funds</dt><dd data-field=\"availableFunds\">0.00</dd>\n\
         </dl>\n<table>\n<thead><tr><th scope=\"col\">Date</th><th scope=\"col\">Entry</th>\
         <th scope=\"col\">Invoice</th><th scope=\"col\">Number</th><th scope=\"col\">Payment</th>\
         <th scope=\"col\">Description</th><th scope=\"col\" class=\"num\">Amount</th>\
         <th scope=\"col\" class=\"num\">Balance</th><th scope=\"col\" class=\"num\">Funds</th>\
         </tr></thead>\n<tbody>\n\
         <tr class=\"opening\"><td class=\"nowrap\">2026-09-01</td><td>opening</td><td></td>\
         <td></td><td></td><td></td><td></td><td class=\"num\">1200.00</td><td class=\"num\">0.00</td></tr>\n\
         <tr><td class=\"nowrap\">2026-09-15</td><td>invoice</td><td class=\"nowrap\">2</td><td>INV-2</td><td></td>\
         <td>INV-2, due 2026-10-15</td><td class=\"num\">350.50</td><td class=\"num\">1550.50</td>\
         <td class=\"num\">0.00</td></tr>\n\
         <tr><td class=\"nowrap\">2026-11-10</td><td>invoice</td><td class=\"nowrap\">3</td><td>INV-3</td><td></td>\
         <td>INV-3, due 2026-12-10</td><td class=\"num\">99.99</td><td class=\"num\">1650.49</td>\
         <td class=\"num\">0.00</td></tr>\n\
         </tbody>\n<tfoot>\n\
         <tr class=\"closing\"><td class=\"nowrap\">2026-11-10</td><td>closing</td><td></td>\
         <td></td><td></td><td></td><td></td><td class=\"num\">1650.49</td><td class=\"num\">0.00</td></tr>\n\
         </tfoot>\n</table>\n"
    );
}

/// A report that cannot be drawn up fails as it does in every other format: a missing
/// customer is exit 3 and a missing ledger exit 74, with no page on stdout.
#[test]
fn html_reports_fail_like_the_others() {
    let env = ledger();
    env.refused(
        &["report", "statement", "--customer", "424242", "-o", "html"],
        3,
        &env.run(&["report", "statement", "--customer", "424242"])
            .stderr,
    );
    let empty = Env::new();
    let run = empty.run(&["report", "aging", "-o", "html"]);
    assert_eq!((run.code, run.stdout.as_str()), (74, ""));
    assert!(!empty.db.exists());
}

/// Every command but the two reports refuses -o html with exit 2, naming itself and the two
/// that render it, before it opens (or creates) the ledger.
#[test]
fn html_is_refused_by_every_other_command() {
    let env = ledger();
    for (args, name) in [
        (&["list"][..], "list"),
        (&["report", "balances"], "report balances"),
        (&["customer", "list"], "customer"),
        (&["invoice", "show", "1"], "invoice"),
        (&["show", "1"], "show"),
        (&["export", "payments"], "export"),
        (&["verify"], "verify"),
        (&["log"], "log"),
        (
            &[
                "create",
                "--customer",
                "655080",
                "--amount",
                "5",
                "--method",
                "Cash",
            ],
            "create",
        ),
        (&["customer", "add", "--name", "New"], "customer"),
        (&["void", "1", "--reason", "test"], "void"),
    ] {
        let mut all = args.to_vec();
        all.extend(["-o", "html"]);
        env.refused(
            &all,
            2,
            &format!(
                "error: -o html is not available for payctl {name}: only report aging and \
                 report statement render a page; use -o table, json, jsonl or csv\n"
            ),
        );
    }
    // From PAYCTL_OUTPUT too, and no ledger is created by a refused command.
    let empty = Env::new();
    let run = empty
        .command(&["customer", "add", "--name", "New"])
        .env("PAYCTL_OUTPUT", "html")
        .output()
        .unwrap();
    assert_eq!(run.status.code(), Some(2));
    assert_eq!(
        String::from_utf8_lossy(&run.stderr),
        "error: -o html is not available for payctl customer: only report aging and report \
         statement render a page; use -o table, json, jsonl or csv\n"
    );
    assert!(!empty.db.exists());
}
