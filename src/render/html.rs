//! `-o html` for `report aging` and `report statement`: one self-contained page, to print or
//! to send to a customer or a manager.
//!
//! Self-contained: the CSS and the SVG chart are inline, and the page names nothing outside
//! itself (no URL, link, script, image, font or `@import`), so a browser opening it makes no
//! request. Printable: `@page` margins that suit A4 and Letter alike, and print rules that
//! keep a currency's table together and repeat table headings on each page. Every text that
//! comes from the ledger (names, invoice numbers, references, reasons) is HTML-escaped, its
//! card numbers masked but their last four digits and its control and bidirectional
//! characters shown escaped; amounts are the same decimal text as the JSON's (never a float).
//!
//! The figures a script may want to check carry data attributes: an aging total row is
//! `<tr data-total-currency="USD">`, a statement section `<section data-currency="USD">`, and
//! each amount cell `data-field="<the JSON name>"` (`current`, `days1To30`, ..., `total`;
//! `openingBalance`, `closingBalance`, `availableFunds`), its text the JSON's number.

use crate::core::chart::{bar_steps, largest};
use crate::core::report::{AgingReport, AgingRow, Statement, StatementSection};
use crate::core::text::{is_bidi_control, mask_card_numbers};
use crate::core::Money;

/// Text for an HTML element or a quoted attribute: card numbers masked, `& < > " '` escaped,
/// control and bidirectional characters written as `\u{…}` so that they can neither break
/// the page nor reorder the text around them.
pub fn escape(text: &str) -> String {
    let masked = mask_card_numbers(text);
    let mut out = String::with_capacity(masked.len());
    for c in masked.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c if c.is_control() || is_bidi_control(c) => out.extend(c.escape_default()),
            c => out.push(c),
        }
    }
    out
}

const STYLE: &str = "\
:root { color-scheme: light; }
* { box-sizing: border-box; }
body { margin: 0; background: #fff; color: #111;
  font: 14px/1.45 system-ui, -apple-system, \"Segoe UI\", Roboto, \"Helvetica Neue\", Arial, sans-serif; }
main { max-width: 62rem; margin: 0 auto; padding: 2rem 1.5rem 3rem; }
h1 { font-size: 1.6rem; margin: 0 0 .25rem; }
h2 { font-size: 1.2rem; margin: 2rem 0 .6rem; padding-bottom: .2rem; border-bottom: 1px solid #888; }
p.sub { margin: 0; color: #444; }
table { width: 100%; border-collapse: collapse; font-variant-numeric: tabular-nums; }
th, td { padding: .3rem .5rem; text-align: left; vertical-align: top; border-bottom: 1px solid #ddd; }
thead th { border-bottom: 2px solid #333; font-weight: 600; }
tfoot th, tfoot td { border-top: 2px solid #333; border-bottom: none; font-weight: 700; }
.num { text-align: right; white-space: nowrap; }
.nowrap { white-space: nowrap; }
dl.summary { display: grid; grid-template-columns: max-content max-content; gap: .15rem 1.5rem; margin: 0 0 1rem; }
dl.summary dt { color: #444; }
dl.summary dd { margin: 0; text-align: right; font-weight: 600; font-variant-numeric: tabular-nums; }
svg.chart { display: block; width: 100%; max-width: 38rem; height: auto; margin: .25rem 0 1.25rem; }
svg.chart .bar { fill: #2f6497; }
svg.chart .track { fill: #eef1f5; }
svg.chart text { font-size: 13px; fill: #111; }
footer { margin-top: 2.5rem; color: #555; font-size: .85rem; }
@page { margin: 15mm; }
@media print {
  body { font-size: 10pt; }
  main { max-width: none; padding: 0; }
  section { break-inside: avoid-page; }
  tr { break-inside: avoid; }
  thead { display: table-header-group; }
  svg.chart { max-width: 140mm; }
  svg.chart .bar { fill: #444; }
  svg.chart .track { fill: #eee; }
  * { print-color-adjust: exact; -webkit-print-color-adjust: exact; }
}
";

/// The page around `body`, titled `title` (both already escaped).
fn page(title: &str, body: &str) -> String {
    format!(
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <title>{title}</title>\n<style>\n{STYLE}</style>\n</head>\n<body>\n<main>\n{body}\
         <footer><p>Drawn up by payctl. Amounts are in each section's currency, exact to its \
         minor unit; currencies are never added together.</p></footer>\n</main>\n</body>\n</html>\n"
    )
}

/// The aging columns: heading and JSON name.
const AGING_COLUMNS: [(&str, &str); 6] = [
    ("Current", "current"),
    ("1–30", "days1To30"),
    ("31–60", "days31To60"),
    ("61–90", "days61To90"),
    ("90+", "days90Plus"),
    ("Total", "total"),
];

fn aging_amounts(row: &AgingRow) -> [&Money; 6] {
    [
        &row.current,
        &row.days_1_to_30,
        &row.days_31_to_60,
        &row.days_61_to_90,
        &row.days_90_plus,
        &row.total,
    ]
}

/// The amount cells of an aging row, each marked with its JSON name.
fn aging_cells(row: &AgingRow) -> String {
    AGING_COLUMNS
        .iter()
        .zip(aging_amounts(row))
        .map(|((_, field), amount)| {
            format!(
                "<td class=\"num\" data-field=\"{field}\">{}</td>",
                escape(&amount.to_string())
            )
        })
        .collect()
}

/// The SVG bar chart of one currency's buckets (its total row), as `report aging --chart`
/// draws them: the largest bucket fills the bar space, the others their share of it.
fn aging_chart(total: &AgingRow) -> String {
    // Coordinates: labels from 0, bars from 70 to 470, amounts end at 556.
    const BAR_X: u32 = 70;
    const BAR_SPACE: u32 = 400;
    const ROW: u32 = 30;
    let currency = escape(total.currency.code());
    let amounts = aging_amounts(total);
    let buckets = &amounts[..5];
    let most = largest(&buckets.iter().map(|m| m.minor()).collect::<Vec<_>>());
    let height = ROW * 5 + 10;
    let mut out = format!(
        "<svg class=\"chart\" viewBox=\"0 0 560 {height}\" role=\"img\" \
         aria-label=\"{currency} outstanding by age\">\n<title>{currency} outstanding by age</title>\n"
    );
    for (i, ((label, field), amount)) in AGING_COLUMNS.iter().zip(buckets).enumerate() {
        let y = 5 + ROW * u32::try_from(i).unwrap_or(0);
        let length = bar_steps(amount.minor(), most, BAR_SPACE);
        let text_y = y + 19;
        out.push_str(&format!(
            "<g data-bucket=\"{field}\">\
             <text x=\"0\" y=\"{text_y}\">{label}</text>\
             <rect class=\"track\" x=\"{BAR_X}\" y=\"{y}\" width=\"{BAR_SPACE}\" height=\"24\"/>\
             <rect class=\"bar\" x=\"{BAR_X}\" y=\"{y}\" width=\"{length}\" height=\"24\"/>\
             <text x=\"556\" y=\"{text_y}\" text-anchor=\"end\">{}</text></g>\n",
            escape(&amount.to_string())
        ));
    }
    out.push_str("</svg>\n");
    out
}

/// The aging report as a page: per currency, the chart of its buckets, then a table of its
/// customers and their total.
pub fn aging(report: &AgingReport) -> String {
    let heading = super::report::aging_heading(report);
    let heading = escape(heading.trim_end());
    let mut body = format!(
        "<header>\n<h1>Receivables aging</h1>\n<p class=\"sub\">{heading}</p>\n</header>\n"
    );
    if report.totals.is_empty() {
        body.push_str("<p>Nothing outstanding.</p>\n");
    }
    for total in &report.totals {
        let code = escape(total.currency.code());
        body.push_str(&format!(
            "<section data-currency=\"{code}\">\n<h2>Outstanding in {code}: {}</h2>\n",
            escape(&total.total.to_string())
        ));
        body.push_str(&aging_chart(total));
        body.push_str("<table>\n<thead><tr><th scope=\"col\">Customer</th>");
        for (title, _) in AGING_COLUMNS {
            body.push_str(&format!("<th scope=\"col\" class=\"num\">{title}</th>"));
        }
        body.push_str("</tr></thead>\n<tbody>\n");
        for row in report
            .customers
            .iter()
            .filter(|r| r.currency == total.currency)
        {
            let id = row.customer_id.map(|id| id.to_string()).unwrap_or_default();
            let name = row.customer_name.as_deref().unwrap_or("");
            body.push_str(&format!(
                "<tr data-customer-id=\"{}\"><th scope=\"row\"><span class=\"nowrap\">{}</span> {}</th>{}</tr>\n",
                escape(&id),
                escape(&id),
                escape(name),
                aging_cells(row)
            ));
        }
        body.push_str(&format!(
            "</tbody>\n<tfoot><tr data-total-currency=\"{code}\"><th scope=\"row\">Total</th>{}</tr></tfoot>\n</table>\n</section>\n",
            aging_cells(total)
        ));
    }
    page(&format!("Receivables aging: {heading}"), &body)
}

/// A statement amount cell, or an empty one.
fn amount_cell(amount: Option<&Money>) -> String {
    match amount {
        Some(m) => format!("<td class=\"num\">{}</td>", escape(&m.to_string())),
        None => "<td></td>".to_string(),
    }
}

fn id_cell(id: Option<i64>) -> String {
    match id {
        Some(id) => format!("<td class=\"nowrap\">{id}</td>"),
        None => "<td></td>".to_string(),
    }
}

/// One currency of a statement: what was owed and available at the start and the end, then
/// every entry with the running balance and funds.
fn statement_section(section: &StatementSection, statement: &Statement) -> String {
    let code = escape(section.currency.code());
    let figure = |label: &str, field: &str, amount: &Money| {
        format!(
            "<dt>{label}</dt><dd data-field=\"{field}\">{}</dd>\n",
            escape(&amount.to_string())
        )
    };
    let mut out = format!("<section data-currency=\"{code}\">\n<h2>Amounts in {code}</h2>\n");
    out.push_str("<dl class=\"summary\">\n");
    out.push_str(&figure(
        "Opening balance",
        "openingBalance",
        &section.opening_balance,
    ));
    out.push_str(&figure(
        "Opening available funds",
        "openingFunds",
        &section.opening_funds,
    ));
    out.push_str(&figure(
        "Balance owed",
        "closingBalance",
        &section.closing_balance,
    ));
    out.push_str(&figure(
        "Available funds",
        "availableFunds",
        &section.available_funds,
    ));
    out.push_str("</dl>\n<table>\n<thead><tr>");
    for (title, class) in [
        ("Date", ""),
        ("Entry", ""),
        ("Invoice", ""),
        ("Number", ""),
        ("Payment", ""),
        ("Description", ""),
        ("Amount", " class=\"num\""),
        ("Balance", " class=\"num\""),
        ("Funds", " class=\"num\""),
    ] {
        out.push_str(&format!("<th scope=\"col\"{class}>{title}</th>"));
    }
    out.push_str("</tr></thead>\n<tbody>\n");
    let bound = |entry: &str, at: &Option<String>, balance: &Money, funds: &Money| {
        let day: String = at
            .as_deref()
            .map(|t| t.chars().take(10).collect())
            .unwrap_or_default();
        format!(
            "<tr class=\"{entry}\"><td class=\"nowrap\">{}</td><td>{entry}</td><td></td><td></td><td></td><td></td><td></td>{}{}</tr>\n",
            escape(&day),
            amount_cell(Some(balance)),
            amount_cell(Some(funds)),
        )
    };
    out.push_str(&bound(
        "opening",
        &statement.opening_timestamp,
        &section.opening_balance,
        &section.opening_funds,
    ));
    for e in &section.entries {
        out.push_str(&format!(
            "<tr><td class=\"nowrap\">{}</td><td>{}</td>{}<td>{}</td>{}<td>{}</td>{}{}{}</tr>\n",
            escape(&e.date),
            escape(e.entry),
            id_cell(e.invoice_id),
            escape(e.invoice_number.as_deref().unwrap_or("")),
            id_cell(e.payment_id),
            escape(e.description.as_deref().unwrap_or("")),
            amount_cell(e.amount.as_ref()),
            amount_cell(Some(&e.balance)),
            amount_cell(Some(&e.available_funds)),
        ));
    }
    out.push_str("</tbody>\n<tfoot>\n");
    out.push_str(&bound(
        "closing",
        &statement.closing_timestamp,
        &section.closing_balance,
        &section.available_funds,
    ));
    out.push_str("</tfoot>\n</table>\n</section>\n");
    out
}

/// The statement as a page: who it is for and the period, then one section per currency.
pub fn statement(statement: &Statement) -> String {
    let period = match (&statement.from, &statement.to) {
        (None, None) => "all dates".to_string(),
        (Some(from), None) => format!("from {from}"),
        (None, Some(to)) => format!("to {to}"),
        (Some(from), Some(to)) => format!("{from} to {to}"),
    };
    let who = escape(&format!(
        "{} {}",
        statement.customer_id, statement.customer_name
    ));
    let period = escape(&period);
    let mut body = format!(
        "<header>\n<h1>Statement of account</h1>\n\
         <p class=\"sub\" data-customer-id=\"{}\">Customer {who}</p>\n\
         <p class=\"sub\">Period: {period}</p>\n</header>\n",
        statement.customer_id
    );
    if statement.currencies.is_empty() {
        body.push_str("<p>No entries.</p>\n");
    }
    for section in &statement.currencies {
        body.push_str(&statement_section(section, statement));
    }
    page(&format!("Statement for customer {who}, {period}"), &body)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_is_escaped_masked_and_cannot_reorder() {
        assert_eq!(
            escape("<script>alert(1)</script> & Co \"x\" 'y'"),
            "&lt;script&gt;alert(1)&lt;/script&gt; &amp; Co &quot;x&quot; &#39;y&#39;"
        );
        assert_eq!(
            escape("card 4111 1111 1111 1111"),
            "card **** **** **** 1111"
        );
        assert_eq!(escape("a\u{202e}b\u{1b}c"), "a\\u{202e}b\\u{1b}c");
        // Right-to-left marks stay: right-to-left names need them.
        assert_eq!(escape("\u{200f}x"), "\u{200f}x");
    }
}
