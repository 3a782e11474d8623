//! The reports as tables, JSON and CSV (the chart and the HTML pages are in [`super::chart`]
//! and [`super::html`]).
//!
//! Report tables are laid out as every table is (see [`super::table`]): on a terminal they fit
//! its width (or `COLUMNS`), amounts, ids and dates never split, a customer's name shortened
//! with `…`; in a pipe they are plain columns, one line per row. They draw only horizontal
//! rules, as accounting reports do, which leaves the columns the room that vertical lines
//! would take. JSON is the report object with exact amounts; CSV has one row per line with
//! amount and currency in separate columns, no separators.

use unicode_width::UnicodeWidthStr;

use super::table::{self, Column, Frame, Kind, Value};
use super::{csv_rows, field, json, json_line, money, Field, Format, Record, Style};
use crate::core::report::{
    AgingReport, AgingRow, BalanceRow, BalancesReport, Statement, StatementEntry,
};
use crate::core::Money;

fn opt<T: ToString>(value: &Option<T>) -> String {
    value.as_ref().map(ToString::to_string).unwrap_or_default()
}

fn opt_money(value: &Option<Money>) -> String {
    opt(value)
}

/// How a customer is named in a report table: `655080 Acme Corp`, or `Total`.
fn customer_label(id: Option<i64>, name: &Option<String>) -> String {
    match (id, name) {
        (Some(id), Some(name)) => format!("{id} {name}"),
        (Some(id), None) => id.to_string(),
        (None, _) => "Total".to_string(),
    }
}

/// The table of a per-customer report (aging, balances), whose records start with the
/// customer's id and name: those two become one `Customer` column (`label`), and every other
/// field a column of its own, money right-aligned.
fn customer_table<'r, R: Record + 'r>(
    style: Style,
    rows: impl Iterator<Item = &'r R>,
    label: impl Fn(&R) -> String,
) -> String {
    let columns: Vec<Column> = std::iter::once(Column {
        title: "Customer",
        kind: Kind::Text,
    })
    .chain(R::FIELDS[2..].iter().map(|f| Column {
        title: f.title,
        kind: f.kind,
    }))
    .collect();
    let rows = rows
        .map(|r| {
            let mut row = vec![Value::new(label(r), Kind::Text)];
            row.extend(
                r.values()
                    .into_iter()
                    .zip(R::FIELDS)
                    .skip(2)
                    .map(|(v, f)| Value::new(v, f.kind)),
            );
            row
        })
        .collect();
    report_table(style, &columns, rows)
}

/// A report's table, fitted to the width; where even its amounts do not fit (50 columns),
/// each row as a `Field │ Value` table, so that no line is wider than the terminal and no
/// amount is split.
fn report_table(style: Style, columns: &[Column], rows: Vec<Vec<Value>>) -> String {
    let text = table::render(style, Frame::Rules, columns, rows.clone(), true).unwrap_or_default();
    match style.width {
        Some(width) if style.boxed && text.lines().any(|l| l.width() > width) => rows
            .into_iter()
            .map(|row| table::record(style, columns.iter().map(|c| c.title).zip(row).collect()))
            .collect(),
        _ => text,
    }
}

/// A heading, wrapped between words to the table width, if there is one.
fn heading(style: Style, text: &str) -> String {
    table::wrap_words(text, style.width)
}

impl Record for AgingRow {
    const FIELDS: &'static [Field] = &[
        field("customerId", "Customer", Kind::Id),
        field("customerName", "Name", Kind::Text),
        field("currency", "Cur", Kind::Fixed),
        money("current", "Current"),
        money("days1To30", "1–30"),
        money("days31To60", "31–60"),
        money("days61To90", "61–90"),
        money("days90Plus", "90+"),
        money("total", "Total"),
    ];
    fn values(&self) -> Vec<String> {
        vec![
            opt(&self.customer_id),
            match (&self.customer_id, &self.customer_name) {
                (None, _) => "Total".to_string(),
                (_, name) => opt(name),
            },
            self.currency.to_string(),
            self.current.to_string(),
            self.days_1_to_30.to_string(),
            self.days_31_to_60.to_string(),
            self.days_61_to_90.to_string(),
            self.days_90_plus.to_string(),
            self.total.to_string(),
        ]
    }
}

/// The aging report's first line: its basis and the moment it shows (the table's and the
/// chart's heading, the HTML page's subtitle).
pub fn aging_heading(report: &AgingReport) -> String {
    let basis = match report.by {
        "invoice" => "invoice date",
        _ => "due date",
    };
    match &report.as_of {
        Some(as_of) if as_of.len() == 10 => {
            format!("Aging by {basis} as of {as_of} (end of day)\n")
        }
        Some(as_of) => format!("Aging by {basis} as of {as_of}\n"),
        None => format!(
            "Aging by {basis} on {} (every row recorded)\n",
            report.aged_on
        ),
    }
}

pub fn aging(report: &AgingReport, style: Style) -> String {
    match style.format {
        Format::Json => json(report),
        Format::Jsonl => json_line(report),
        Format::Csv => {
            let rows: Vec<AgingRow> = report
                .customers
                .iter()
                .chain(&report.totals)
                .cloned()
                .collect();
            csv_rows(&rows)
        }
        Format::Html => super::html::aging(report),
        Format::Table => {
            let mut out = heading(style, aging_heading(report).trim_end());
            if report.customers.is_empty() {
                out.push_str("Nothing outstanding.\n");
                return out;
            }
            out.push_str(&customer_table(
                style,
                report.customers.iter().chain(&report.totals),
                |r| customer_label(r.customer_id, &r.customer_name),
            ));
            out
        }
    }
}

impl Record for BalanceRow {
    const FIELDS: &'static [Field] = &[
        field("customerId", "Customer", Kind::Id),
        field("customerName", "Name", Kind::Text),
        field("currency", "Cur", Kind::Fixed),
        money("invoiced", "Invoiced"),
        money("paid", "Paid"),
        money("writtenOff", "Written off"),
        money("outstanding", "Outstanding"),
        money("overdue", "Overdue"),
        money("availableFunds", "Funds"),
    ];
    fn values(&self) -> Vec<String> {
        vec![
            opt(&self.customer_id),
            match (&self.customer_id, &self.customer_name) {
                (None, _) => "Total".to_string(),
                (_, name) => opt(name),
            },
            self.currency.to_string(),
            self.invoiced.to_string(),
            self.paid.to_string(),
            self.written_off.to_string(),
            self.outstanding.to_string(),
            self.overdue.to_string(),
            self.available_funds.to_string(),
        ]
    }
}

pub fn balances(report: &BalancesReport, style: Style) -> String {
    match style.format {
        Format::Json => json(report),
        Format::Jsonl => json_line(report),
        Format::Csv => {
            let rows: Vec<BalanceRow> = report
                .customers
                .iter()
                .chain(&report.totals)
                .cloned()
                .collect();
            csv_rows(&rows)
        }
        // Refused before the command runs (commands::run): only aging and statement have a page.
        Format::Table | Format::Html => {
            let mut out = heading(
                style,
                &format!(
                    "Balances on {} (overdue: due before that day)",
                    report.as_of
                ),
            );
            if report.customers.is_empty() {
                out.push_str("No customers.\n");
                return out;
            }
            out.push_str(&customer_table(
                style,
                report.customers.iter().chain(&report.totals),
                |r| customer_label(r.customer_id, &r.customer_name),
            ));
            out
        }
    }
}

impl Record for StatementEntry {
    const FIELDS: &'static [Field] = &[
        field("currency", "Cur", Kind::Fixed),
        field("date", "Date", Kind::Date),
        field("effectiveTimestamp", "Timestamp", Kind::Date),
        field("entry", "Entry", Kind::Fixed),
        field("invoiceId", "Invoice", Kind::Id),
        field("invoiceNumber", "Number", Kind::Text),
        field("paymentId", "Payment", Kind::Id),
        field("refundId", "Refund", Kind::Id),
        field("description", "Description", Kind::Text),
        money("amount", "Amount"),
        money("balanceChange", "Balance change"),
        money("balance", "Balance"),
        money("fundsChange", "Funds change"),
        money("availableFunds", "Funds"),
    ];
    fn values(&self) -> Vec<String> {
        vec![
            self.currency.to_string(),
            self.date.clone(),
            self.effective_timestamp.clone(),
            self.entry.to_string(),
            opt(&self.invoice_id),
            opt(&self.invoice_number),
            opt(&self.payment_id),
            opt(&self.refund_id),
            opt(&self.description),
            opt_money(&self.amount),
            opt_money(&self.balance_change),
            self.balance.to_string(),
            opt_money(&self.funds_change),
            self.available_funds.to_string(),
        ]
    }
}

/// The opening and closing lines as entries, for the table and CSV: dated the first and the
/// last second the statement counts, when it has bounds.
fn bound_entry(
    entry: &'static str,
    currency: crate::core::Currency,
    at: &Option<String>,
    balance: Money,
    funds: Money,
) -> StatementEntry {
    StatementEntry {
        currency,
        date: at
            .as_deref()
            .map(|t| t.chars().take(10).collect())
            .unwrap_or_default(),
        effective_timestamp: at.clone().unwrap_or_default(),
        entry,
        invoice_id: None,
        invoice_number: None,
        payment_id: None,
        refund_id: None,
        description: None,
        amount: None,
        balance_change: None,
        balance,
        funds_change: None,
        available_funds: funds,
    }
}

fn statement_lines(statement: &Statement) -> Vec<Vec<StatementEntry>> {
    statement
        .currencies
        .iter()
        .map(|s| {
            let mut lines = vec![bound_entry(
                "opening",
                s.currency,
                &statement.opening_timestamp,
                s.opening_balance,
                s.opening_funds,
            )];
            lines.extend(s.entries.iter().cloned());
            lines.push(bound_entry(
                "closing",
                s.currency,
                &statement.closing_timestamp,
                s.closing_balance,
                s.available_funds,
            ));
            lines
        })
        .collect()
}

pub fn statement(statement: &Statement, style: Style) -> String {
    match style.format {
        Format::Json => json(statement),
        Format::Jsonl => json_line(statement),
        Format::Csv => csv_rows(&statement_lines(statement).concat()),
        Format::Html => super::html::statement(statement),
        Format::Table => {
            let period = match (&statement.from, &statement.to) {
                (None, None) => "all dates".to_string(),
                (Some(from), None) => format!("from {from}"),
                (None, Some(to)) => format!("to {to}"),
                (Some(from), Some(to)) => format!("{from} to {to}"),
            };
            let mut out = heading(
                style,
                &format!(
                    "Statement for customer {} {}, {period}",
                    statement.customer_id, statement.customer_name
                ),
            );
            for (section, lines) in statement.currencies.iter().zip(statement_lines(statement)) {
                let rows = lines
                    .iter()
                    .map(|e| {
                        vec![
                            Value::new(e.date.clone(), Kind::Date),
                            Value::new(e.entry, Kind::Fixed),
                            Value::new(opt(&e.invoice_id), Kind::Id),
                            Value::new(opt(&e.invoice_number), Kind::Text),
                            Value::new(opt(&e.payment_id), Kind::Id),
                            // Invoice numbers, payment methods and references (check numbers):
                            // what the customer knows the entry by.
                            Value::new(opt(&e.description), Kind::Text),
                            Value::new(opt_money(&e.amount), Kind::Money),
                            Value::new(e.balance.to_string(), Kind::Money),
                            Value::new(e.available_funds.to_string(), Kind::Money),
                        ]
                    })
                    .collect();
                out.push_str(&format!("Amounts in {}:\n", section.currency));
                let columns = [
                    Column {
                        title: "Date",
                        kind: Kind::Date,
                    },
                    Column {
                        title: "Entry",
                        kind: Kind::Fixed,
                    },
                    Column {
                        title: "Invoice",
                        kind: Kind::Id,
                    },
                    Column {
                        title: "Number",
                        kind: Kind::Text,
                    },
                    Column {
                        title: "Payment",
                        kind: Kind::Id,
                    },
                    Column {
                        title: "Description",
                        kind: Kind::Text,
                    },
                    Column {
                        title: "Amount",
                        kind: Kind::Money,
                    },
                    Column {
                        title: "Balance",
                        kind: Kind::Money,
                    },
                    Column {
                        title: "Funds",
                        kind: Kind::Money,
                    },
                ];
                out.push_str(&report_table(style, &columns, rows));
            }
            out
        }
    }
}
