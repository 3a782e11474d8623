//! Turns results into a table, JSON or CSV (and, for two reports, a chart or an HTML page). The
//! data is built first; the format is chosen once.

use comfy_table::{presets, Cell, CellAlignment, Color, ContentArrangement, Table};
use serde::Serialize;

use crate::core::views::{
    ActivityView, CustomerView, InvoiceView, MethodView, PaymentView, TouchedInvoiceView,
};
use crate::core::{InvoiceStatus, Settlement};
use crate::ledger::audit::AuditEvent;
use crate::ledger::backup::BackupReport;

pub mod chart;
pub mod html;
pub mod report;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    Table,
    Json,
    Csv,
    /// `report aging` and `report statement` only; every other command refuses it before it
    /// runs (commands::run), so elsewhere it never reaches a renderer.
    Html,
}

/// How to print: the format, and whether the table may use colour.
#[derive(Clone, Copy, Debug)]
pub struct Style {
    pub format: Format,
    pub color: bool,
}

/// One column: its JSON/CSV name, its table heading, and whether it holds money (right aligned).
pub struct Field {
    pub name: &'static str,
    pub title: &'static str,
    pub money: bool,
    /// Shown in list tables; CSV and the one-record table always show every field.
    pub in_list: bool,
}

const fn field(name: &'static str, title: &'static str) -> Field {
    Field {
        name,
        title,
        money: false,
        in_list: true,
    }
}
const fn money(name: &'static str, title: &'static str) -> Field {
    Field {
        name,
        title,
        money: true,
        in_list: true,
    }
}
const fn detail(name: &'static str, title: &'static str) -> Field {
    Field {
        name,
        title,
        money: false,
        in_list: false,
    }
}

/// A record that prints as a table row, a CSV row or a JSON object.
pub trait Record: Serialize {
    const FIELDS: &'static [Field];
    /// One text per field, in `FIELDS` order; amounts as plain decimals, no separators.
    fn values(&self) -> Vec<String>;
    /// Tables of nested records shown under the one-record table (allocations, refunds).
    fn sub_tables(&self, _style: Style) -> Vec<(String, Table)> {
        Vec::new()
    }
}

fn opt<T: ToString>(value: &Option<T>) -> String {
    value.as_ref().map(ToString::to_string).unwrap_or_default()
}

impl Record for CustomerView {
    const FIELDS: &'static [Field] = &[
        field("id", "ID"),
        field("name", "Name"),
        field("email", "Email"),
        field("currency", "Currency"),
        field("defaultPaymentMethodId", "Default method"),
        detail("autoAllocateOrder", "Allocation order"),
        money("outstandingBalance", "Outstanding"),
        money("availableFunds", "Available funds"),
    ];
    fn values(&self) -> Vec<String> {
        vec![
            self.id.to_string(),
            self.name.clone(),
            opt(&self.email),
            self.currency.to_string(),
            opt(&self.default_payment_method_id),
            self.auto_allocate_order.to_string(),
            self.outstanding_balance.to_string(),
            self.available_funds.to_string(),
        ]
    }
}

impl Record for MethodView {
    const FIELDS: &'static [Field] = &[
        field("id", "ID"),
        field("customerId", "Customer"),
        field("type", "Type"),
        field("label", "Label"),
        field("brand", "Brand"),
        field("last4", "Last 4"),
        field("isDefault", "Default"),
    ];
    fn values(&self) -> Vec<String> {
        vec![
            self.id.to_string(),
            self.customer_id.to_string(),
            self.method_type.to_string(),
            opt(&self.label),
            opt(&self.brand),
            opt(&self.last4),
            self.is_default.to_string(),
        ]
    }
}

impl Record for InvoiceView {
    const FIELDS: &'static [Field] = &[
        field("id", "ID"),
        field("invoiceNumber", "Number"),
        field("customerId", "Customer"),
        field("currency", "Currency"),
        money("invoiceAmount", "Total"),
        money("totalPayments", "Paid"),
        money("outstandingBalance", "Outstanding"),
        field("status", "Status"),
        field("overdue", "Overdue"),
        field("effectiveTimestamp", "Date"),
        field("dueDate", "Due"),
    ];
    fn values(&self) -> Vec<String> {
        vec![
            self.id.to_string(),
            self.invoice_number.clone(),
            self.customer_id.to_string(),
            self.currency.to_string(),
            self.invoice_amount.to_string(),
            self.total_payments.to_string(),
            self.outstanding_balance.to_string(),
            self.status.to_string(),
            self.overdue.to_string(),
            self.effective_timestamp.clone(),
            self.due_date.clone(),
        ]
    }
    fn sub_tables(&self, style: Style) -> Vec<(String, Table)> {
        if self.payment_allocations.is_empty() {
            return Vec::new();
        }
        let mut table = new_table(
            style,
            &[("Payment", false), ("Amount", true), ("Date", false)],
        );
        for p in &self.payment_allocations {
            table.add_row(vec![
                p.payment_id.to_string(),
                p.amount.to_string(),
                p.effective_timestamp.clone(),
            ]);
        }
        vec![("Payments allocated".to_string(), table)]
    }
}

impl Record for ActivityView {
    const FIELDS: &'static [Field] = &[
        field("id", "ID"),
        field("customerId", "Customer"),
        field("transactionType", "Type"),
        field("status", "Status"),
        money("amount", "Amount"),
        field("currency", "Currency"),
        field("paymentMethod", "Method"),
        detail("paymentMethodId", "Method id"),
        detail("source", "Source"),
        field("effectiveTimestamp", "Date"),
        field("message", "Message"),
        field("paymentId", "Payment"),
    ];
    fn values(&self) -> Vec<String> {
        vec![
            self.id.to_string(),
            self.customer_id.to_string(),
            self.transaction_type.to_string(),
            self.status.to_string(),
            self.amount.to_string(),
            self.currency.to_string(),
            self.payment_method.clone(),
            opt(&self.payment_method_id),
            self.source.clone(),
            self.effective_timestamp.clone(),
            opt(&self.message),
            opt(&self.payment_id),
        ]
    }
}

impl Record for AuditEvent {
    const FIELDS: &'static [Field] = &[
        field("id", "ID"),
        field("at", "At"),
        field("osUser", "User"),
        field("action", "Action"),
        field("entity", "Entity"),
        field("entityId", "Entity id"),
        field("customerId", "Customer"),
        field("paymentId", "Payment"),
        detail("command", "Command"),
        detail("detail", "Detail"),
    ];
    fn values(&self) -> Vec<String> {
        vec![
            self.id.to_string(),
            self.at.clone(),
            self.os_user.clone(),
            self.action.clone(),
            self.entity.clone(),
            self.entity_id.to_string(),
            opt(&self.customer_id),
            opt(&self.payment_id),
            self.command.clone(),
            self.detail.to_string(),
        ]
    }
}

impl Record for BackupReport {
    const FIELDS: &'static [Field] = &[
        field("path", "Backup"),
        field("ledger", "Ledger"),
        field("bytes", "Bytes"),
        field("customers", "Customers"),
        field("invoices", "Invoices"),
        field("payments", "Payments"),
        field("allocations", "Allocations"),
        field("refunds", "Refunds"),
        field("activities", "Activities"),
        field("auditEvents", "Audit events"),
    ];
    fn values(&self) -> Vec<String> {
        vec![
            self.path.clone(),
            self.ledger.clone(),
            self.bytes.to_string(),
            self.customers.to_string(),
            self.invoices.to_string(),
            self.payments.to_string(),
            self.allocations.to_string(),
            self.refunds.to_string(),
            self.activities.to_string(),
            self.audit_events.to_string(),
        ]
    }
}

/// `INV=AMOUNT;INV=AMOUNT`, the same form `--allocate` and CSV imports read.
fn allocation_list(p: &PaymentView) -> String {
    p.invoice_allocations
        .iter()
        .map(|a| format!("{}={}", a.invoice_id, a.amount))
        .collect::<Vec<_>>()
        .join(";")
}

impl Record for PaymentView {
    const FIELDS: &'static [Field] = &[
        field("id", "ID"),
        detail("paymentActivityId", "Activity"),
        field("customerId", "Customer"),
        field("effectiveTimestamp", "Date"),
        money("amount", "Amount"),
        field("currency", "Currency"),
        field("paymentMethod", "Method"),
        detail("paymentMethodId", "Method id"),
        detail("source", "Source"),
        field("reference", "Reference"),
        detail("invoiceAllocations", "Allocations"),
        money("unallocatedAmount", "Unallocated"),
        detail("refundableAmount", "Refundable"),
        detail("gatewayFee", "Gateway fee"),
        field("settlement", "Settlement"),
        detail("voided", "Voided"),
    ];
    fn values(&self) -> Vec<String> {
        vec![
            // A dry run has no id yet: the cell stays empty, so the column stays numeric
            // (the dryRun column of a command's CSV says it was a dry run).
            opt(&self.id),
            opt(&self.payment_activity_id),
            self.customer_id.to_string(),
            self.effective_timestamp.clone(),
            self.amount.to_string(),
            self.currency.to_string(),
            self.payment_method.to_string(),
            opt(&self.payment_method_id),
            self.source.to_string(),
            opt(&self.reference),
            allocation_list(self),
            self.unallocated_amount.to_string(),
            self.refundable_amount.to_string(),
            self.gateway_fee.to_string(),
            self.settlement.status.to_string(),
            self.voided.to_string(),
        ]
    }
    fn sub_tables(&self, style: Style) -> Vec<(String, Table)> {
        let mut out = Vec::new();
        if !self.invoice_allocations.is_empty() {
            let mut table = new_table(
                style,
                &[
                    ("Invoice", false),
                    ("Number", false),
                    ("Applied", true),
                    ("Balance", true),
                    ("Total", true),
                    ("Status", false),
                ],
            );
            for a in &self.invoice_allocations {
                table.add_row(vec![
                    Cell::new(a.invoice_id),
                    Cell::new(&a.invoice_number),
                    Cell::new(a.amount),
                    Cell::new(a.outstanding_balance),
                    Cell::new(a.invoice_total),
                    status_cell(style, a.status),
                ]);
            }
            let title = if self.dry_run {
                "Allocations (planned)"
            } else {
                "Allocations"
            };
            out.push((title.to_string(), table));
        }
        if let Some(touched) = self.touched_invoices.as_ref().filter(|t| {
            // `create` touches exactly the invoices it allocates to: the table above says it.
            let repeats = t.len() == self.invoice_allocations.len()
                && t.iter()
                    .zip(&self.invoice_allocations)
                    .all(|(t, a)| t.invoice_id == a.invoice_id && t.applied == a.amount);
            !t.is_empty() && !repeats
        }) {
            let rows: Vec<_> = touched.iter().map(|t| (None, t)).collect();
            out.push((
                "Invoices touched".to_string(),
                touched_table(style, &rows, false),
            ));
        }
        if !self.refunds.is_empty() {
            let mut table = new_table(
                style,
                &[
                    ("Refund", false),
                    ("Amount", true),
                    ("Method", false),
                    ("Date", false),
                    ("Reference", false),
                ],
            );
            for r in &self.refunds {
                table.add_row(vec![
                    r.id.to_string(),
                    r.amount.to_string(),
                    r.method.to_string(),
                    r.effective_timestamp.clone(),
                    opt(&r.reference),
                ]);
            }
            out.push(("Refunds".to_string(), table));
        }
        out
    }
}

/// The invoices a money-moving command touched, as they are after it; with `payments`, one
/// row per payment and invoice, the payment's id first.
fn touched_table(
    style: Style,
    touched: &[(Option<i64>, &TouchedInvoiceView)],
    payments: bool,
) -> Table {
    let columns = [
        ("Payment", false),
        ("Invoice", false),
        ("Number", false),
        ("Applied", true),
        ("Balance", true),
        ("Total", true),
        ("Status", false),
    ];
    let skip = usize::from(!payments);
    let mut table = new_table(style, &columns[skip..]);
    for (payment, t) in touched {
        let row = vec![
            Cell::new(opt(payment)),
            Cell::new(t.invoice_id),
            Cell::new(&t.invoice_number),
            Cell::new(t.applied),
            Cell::new(t.outstanding_balance),
            Cell::new(t.invoice_total),
            status_cell(style, t.status),
        ];
        table.add_row(row.into_iter().skip(skip).collect::<Vec<_>>());
    }
    table
}

/// `INV:APPLIED:BALANCE:STATUS;…`: each invoice a command touched, what it applied (negative
/// when taken back), and its balance and status after it.
fn touched_list(touched: &[TouchedInvoiceView]) -> String {
    touched
        .iter()
        .map(|t| {
            format!(
                "{}:{}:{}:{}",
                t.invoice_id, t.applied, t.outstanding_balance, t.status
            )
        })
        .collect::<Vec<_>>()
        .join(";")
}

/// What a command that moves money prints about the payment it acted on: the payment with
/// every invoice it touched (a table under the payment's; in JSON `touchedInvoices`), and in
/// CSV two more columns, `dryRun` and `touchedInvoices` (see [`touched_list`]).
pub fn payment_outcome(payment: &PaymentView, style: Style, heading: &str) -> String {
    match style.format {
        Format::Csv => outcome_csv(std::slice::from_ref(payment)),
        _ => one(payment, style, Some(heading)),
    }
}

/// [`payment_outcome`] for several payments (`allocate --customer N --auto`): a JSON array, a
/// CSV row each, or the list table and one table of every invoice touched.
pub fn payments_outcome(payments: &[PaymentView], style: Style, heading: &str) -> String {
    match style.format {
        Format::Json => json(payments),
        Format::Csv => outcome_csv(payments),
        Format::Table | Format::Html => {
            let touched: Vec<(Option<i64>, &TouchedInvoiceView)> = payments
                .iter()
                .flat_map(|p| p.touched_invoices.iter().flatten().map(|t| (p.id, t)))
                .collect();
            let mut out = format!("{heading}\n{}", list(payments, style));
            if !touched.is_empty() {
                out.push_str(&format!(
                    "Invoices touched:\n{}\n",
                    touched_table(style, &touched, true)
                ));
            }
            out
        }
    }
}

fn outcome_csv(payments: &[PaymentView]) -> String {
    let mut writer = csv::Writer::from_writer(Vec::new());
    let header: Vec<&str> = PaymentView::FIELDS
        .iter()
        .map(|f| f.name)
        .chain(["dryRun", "touchedInvoices"])
        .collect();
    // Writing to a Vec cannot fail.
    let _ = writer.write_record(&header);
    for p in payments {
        let values: Vec<String> = p
            .values()
            .into_iter()
            .zip(PaymentView::FIELDS)
            .map(|(v, f)| if f.money { v } else { neutralize_formula(v) })
            .chain([
                p.dry_run.to_string(),
                touched_list(p.touched_invoices.as_deref().unwrap_or_default()),
            ])
            .collect();
        let _ = writer.write_record(&values);
    }
    String::from_utf8(writer.into_inner().unwrap_or_default()).unwrap_or_default()
}

/// What `invoice void` and `invoice write-off` print: the invoice as it is after the command,
/// and in CSV one more column, `dryRun`.
pub fn invoice_outcome(invoice: &InvoiceView, style: Style, heading: &str) -> String {
    match style.format {
        Format::Csv => {
            let mut writer = csv::Writer::from_writer(Vec::new());
            let header: Vec<&str> = InvoiceView::FIELDS
                .iter()
                .map(|f| f.name)
                .chain(["dryRun"])
                .collect();
            let values: Vec<String> = invoice
                .values()
                .into_iter()
                .zip(InvoiceView::FIELDS)
                .map(|(v, f)| if f.money { v } else { neutralize_formula(v) })
                .chain([invoice.dry_run.to_string()])
                .collect();
            // Writing to a Vec cannot fail.
            let _ = writer.write_record(&header);
            let _ = writer.write_record(&values);
            String::from_utf8(writer.into_inner().unwrap_or_default()).unwrap_or_default()
        }
        _ => one(invoice, style, Some(heading)),
    }
}

fn new_table(style: Style, columns: &[(&str, bool)]) -> Table {
    let mut table = Table::new();
    table
        .load_preset(presets::UTF8_FULL_CONDENSED)
        .set_content_arrangement(ContentArrangement::Dynamic);
    if style.color {
        table.enforce_styling();
    } else {
        table.force_no_tty();
    }
    table.set_header(columns.iter().map(|(title, _)| *title));
    for (i, (_, right)) in columns.iter().enumerate() {
        if *right {
            if let Some(column) = table.column_mut(i) {
                column.set_cell_alignment(CellAlignment::Right);
            }
        }
    }
    table
}

fn status_cell(style: Style, status: InvoiceStatus) -> Cell {
    let cell = Cell::new(status);
    if !style.color {
        return cell;
    }
    match status {
        InvoiceStatus::Paid => cell.fg(Color::Green),
        InvoiceStatus::PartiallyPaid => cell.fg(Color::Yellow),
        InvoiceStatus::Unpaid => cell.fg(Color::Red),
        InvoiceStatus::Void | InvoiceStatus::WrittenOff => cell.fg(Color::DarkGrey),
    }
}

fn colored(style: Style, name: &str, value: String) -> Cell {
    let cell = Cell::new(&value);
    if !style.color {
        return cell;
    }
    match (name, value.as_str()) {
        ("status", s) => s
            .parse::<InvoiceStatus>()
            .map(|st| status_cell(style, st))
            .unwrap_or(cell),
        ("overdue", "true") => cell.fg(Color::Red),
        ("settlement", s) if s == Settlement::Failed.as_str() => cell.fg(Color::Red),
        ("settlement", s) if s == Settlement::Pending.as_str() => cell.fg(Color::Yellow),
        _ => cell,
    }
}

/// Renders a list: a table of the list fields, a CSV of every field, or a JSON array.
pub fn list<R: Record>(records: &[R], style: Style) -> String {
    match style.format {
        Format::Json => json(&records),
        Format::Csv => csv_rows(records),
        Format::Table | Format::Html => {
            let shown: Vec<(usize, &Field)> = R::FIELDS
                .iter()
                .enumerate()
                .filter(|(_, f)| f.in_list)
                .collect();
            let columns: Vec<(&str, bool)> =
                shown.iter().map(|(_, f)| (f.title, f.money)).collect();
            let mut table = new_table(style, &columns);
            for record in records {
                let values = record.values();
                table.add_row(
                    shown
                        .iter()
                        .map(|(i, f)| colored(style, f.name, values[*i].clone())),
                );
            }
            if records.is_empty() {
                return "(none)\n".to_string();
            }
            format!("{table}\n")
        }
    }
}

/// Renders one record: a two-column table with its nested tables under it, a one-row CSV, or a
/// JSON object.
pub fn one<R: Record>(record: &R, style: Style, heading: Option<&str>) -> String {
    match style.format {
        Format::Json => json(record),
        Format::Csv => csv_rows(std::slice::from_ref(record)),
        Format::Table | Format::Html => {
            let mut table = new_table(style, &[("Field", false), ("Value", false)]);
            for (f, value) in R::FIELDS.iter().zip(record.values()) {
                table.add_row(vec![Cell::new(f.title), colored(style, f.name, value)]);
            }
            let mut out = String::new();
            if let Some(heading) = heading {
                out.push_str(heading);
                out.push('\n');
            }
            out.push_str(&format!("{table}\n"));
            for (title, sub) in record.sub_tables(style) {
                out.push_str(&format!("{title}:\n{sub}\n"));
            }
            out
        }
    }
}

/// Pretty JSON with a trailing newline; amounts are exact (see `Money`'s Serialize).
pub fn json<T: Serialize + ?Sized>(value: &T) -> String {
    // Serialising plain data to a String cannot fail: no I/O, and every map key is a string.
    let mut text = serde_json::to_string_pretty(value).unwrap_or_default();
    text.push('\n');
    text
}

/// A CSV document with a header row of JSON names. Text cells that a spreadsheet would run as
/// a formula (a leading `=`, `+`, `-`, `@`, tab or CR) get a `'` first (OWASP CSV injection).
fn csv_rows<R: Record>(records: &[R]) -> String {
    let mut writer = csv::Writer::from_writer(Vec::new());
    let header: Vec<&str> = R::FIELDS.iter().map(|f| f.name).collect();
    // Writing to a Vec cannot fail.
    let _ = writer.write_record(&header);
    for record in records {
        let values: Vec<String> = record
            .values()
            .into_iter()
            .zip(R::FIELDS)
            .map(|(v, f)| if f.money { v } else { neutralize_formula(v) })
            .collect();
        let _ = writer.write_record(&values);
    }
    String::from_utf8(writer.into_inner().unwrap_or_default()).unwrap_or_default()
}

/// `value` with a `'` before it when a spreadsheet would take it for a formula (`=1+1` becomes
/// `'=1+1`), and also when it already starts with quotes before a formula character (`'=1`
/// becomes `''=1`), so that [`restore_formula`] gives back exactly what it was given.
pub fn neutralize_formula(value: String) -> String {
    if formula_like(&value) {
        format!("'{value}")
    } else {
        value
    }
}

/// The first characters a spreadsheet takes for a formula.
const FORMULA_STARTS: [char; 6] = ['=', '+', '-', '@', '\t', '\r'];

/// Whether `text`, past any `'` before it, starts with a formula character.
fn formula_like(text: &str) -> bool {
    text.trim_start_matches('\'').starts_with(FORMULA_STARTS)
}

/// The text [`neutralize_formula`] was given: `'=…` back to `=…`, `''=…` back to `'=…`; any
/// other text as it is.
pub fn restore_formula(value: &str) -> &str {
    match value.strip_prefix('\'') {
        Some(rest) if formula_like(rest) => rest,
        _ => value,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formulas_are_neutralised() {
        for (input, want) in [
            ("=1+1", "'=1+1"),
            ("+1", "'+1"),
            ("-1", "'-1"),
            ("@SUM", "'@SUM"),
            ("\tx", "'\tx"),
            ("ok", "ok"),
        ] {
            assert_eq!(neutralize_formula(input.to_string()), want);
            assert_eq!(restore_formula(want), input);
        }
        // Only the quote neutralize_formula adds is taken off.
        assert_eq!(restore_formula("'quoted'"), "'quoted'");
        assert_eq!(restore_formula("'"), "'");
        // Text that already starts with quotes before a formula character gets one more, so
        // that every text reads back as it was.
        for text in ["'=1", "''+x", "'", "''", "'a", "a'", "", "=", "'\t"] {
            assert_eq!(restore_formula(&neutralize_formula(text.to_string())), text);
        }
        assert_eq!(neutralize_formula("'=1".to_string()), "''=1");
        assert_eq!(neutralize_formula("'a".to_string()), "'a");
    }
}
