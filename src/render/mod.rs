//! Turns results into a table, JSON, JSON Lines or CSV (and, for two reports, a chart or an HTML
//! page). The data is built first; the format is chosen once.

use comfy_table::Color;
use serde::Serialize;

use crate::core::find::FoundView;
use crate::core::views::{
    ActivityView, CreditWriteOffView, CustomerView, InvoiceView, MethodView, PaymentView,
    TouchedInvoiceView,
};
use crate::core::{InvoiceStatus, Settlement};
use crate::ledger::audit::AuditEvent;
use crate::ledger::backup::BackupReport;
use crate::ledger::copy::RestoreReport;

pub mod bank_match;
pub mod chart;
pub mod export;
pub mod html;
pub mod import;
pub mod report;
pub mod table;

use table::{Column, Frame, Kind, Value};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    Table,
    Json,
    Csv,
    /// JSON Lines: one JSON object per line (a list's records, or the one record).
    Jsonl,
    /// `report aging` and `report statement` only; every other command refuses it before it
    /// runs (commands::run), so elsewhere it never reaches a renderer.
    Html,
}

/// How to print: the format, whether the table may use colour, and its layout.
#[derive(Clone, Copy, Debug)]
pub struct Style {
    pub format: Format,
    pub color: bool,
    /// Box tables (stdout is a terminal, or `PAYCTL_FORCE_TTY`); else plain columns.
    pub boxed: bool,
    /// The width tables fit (`COLUMNS`, else the terminal's); `None`: no limit.
    pub width: Option<usize>,
    /// Whether tables print their header row (`--no-headers` leaves it out).
    pub headers: bool,
}

/// One column: its JSON/CSV name, its table heading, and what it holds (which says whether
/// the table may shorten it, and money is right aligned).
#[derive(Clone, Copy)]
pub struct Field {
    pub name: &'static str,
    pub title: &'static str,
    pub kind: Kind,
    /// Shown in list tables; the one-record table always shows every field.
    pub in_list: bool,
    /// Written to CSV (a table-only field says in words what the JSON has in its own fields).
    pub in_csv: bool,
}

impl Field {
    pub fn is_money(&self) -> bool {
        self.kind == Kind::Money
    }
}

const fn field(name: &'static str, title: &'static str, kind: Kind) -> Field {
    Field {
        name,
        title,
        kind,
        in_list: true,
        in_csv: true,
    }
}
const fn money(name: &'static str, title: &'static str) -> Field {
    field(name, title, Kind::Money)
}
const fn detail(name: &'static str, title: &'static str, kind: Kind) -> Field {
    Field {
        name,
        title,
        kind,
        in_list: false,
        in_csv: true,
    }
}
/// A field only tables show (not in CSV, whose columns are a contract).
const fn shown(name: &'static str, title: &'static str, kind: Kind, in_list: bool) -> Field {
    Field {
        name,
        title,
        kind,
        in_list,
        in_csv: false,
    }
}

/// A table of nested records shown under the one-record table (allocations, refunds).
pub struct SubTable {
    pub title: String,
    pub columns: Vec<Column<'static>>,
    pub rows: Vec<Vec<Value>>,
}

/// A record that prints as a table row, a CSV row or a JSON object.
pub trait Record: Serialize {
    const FIELDS: &'static [Field];
    /// List columns (by name) a terminal too narrow for them all leaves out, first the first,
    /// before it prints the list one record at a time.
    const SPARE: &'static [&'static str] = &[];
    /// One text per field, in `FIELDS` order; amounts as plain decimals, no separators.
    fn values(&self) -> Vec<String>;
    /// Tables of nested records shown under the one-record table (allocations, refunds).
    fn sub_tables(&self, _style: Style) -> Vec<SubTable> {
        Vec::new()
    }
}

fn opt<T: ToString>(value: &Option<T>) -> String {
    value.as_ref().map(ToString::to_string).unwrap_or_default()
}

const fn col(title: &'static str, kind: Kind) -> Column<'static> {
    Column { title, kind }
}

impl Record for CustomerView {
    const SPARE: &'static [&'static str] = &["defaultPaymentMethodId", "email"];
    const FIELDS: &'static [Field] = &[
        field("id", "ID", Kind::Id),
        field("name", "Name", Kind::Text),
        field("email", "Email", Kind::Text),
        field("currency", "Currency", Kind::Fixed),
        field("defaultPaymentMethodId", "Default method", Kind::Id),
        detail("autoAllocateOrder", "Allocation order", Kind::Fixed),
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

impl Record for FoundView {
    const SPARE: &'static [&'static str] = &["email", "matched"];
    const FIELDS: &'static [Field] = &[
        field("kind", "Kind", Kind::Fixed),
        field("id", "ID", Kind::Id),
        field("customerId", "Customer", Kind::Id),
        field("name", "Name", Kind::Text),
        field("email", "Email", Kind::Text),
        field("invoiceNumber", "Number", Kind::Text),
        field("reference", "Reference", Kind::Text),
        money("amount", "Amount"),
        money("outstandingBalance", "Outstanding"),
        field("currency", "Currency", Kind::Fixed),
        field("matched", "Matched", Kind::Fixed),
    ];
    fn values(&self) -> Vec<String> {
        vec![
            self.kind.to_string(),
            self.id.to_string(),
            self.customer_id.to_string(),
            self.name.clone(),
            opt(&self.email),
            opt(&self.invoice_number),
            opt(&self.reference),
            opt(&self.amount),
            opt(&self.outstanding_balance),
            self.currency.to_string(),
            self.matched.clone(),
        ]
    }
}

impl Record for MethodView {
    const FIELDS: &'static [Field] = &[
        field("id", "ID", Kind::Id),
        field("customerId", "Customer", Kind::Id),
        field("type", "Type", Kind::Fixed),
        field("label", "Label", Kind::Text),
        field("brand", "Brand", Kind::Text),
        field("last4", "Last 4", Kind::Fixed),
        field("isDefault", "Default", Kind::Fixed),
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
    const SPARE: &'static [&'static str] = &[
        "overdue",
        "totalPayments",
        "customerId",
        "invoiceNumber",
        "invoiceAmount",
    ];
    const FIELDS: &'static [Field] = &[
        field("id", "ID", Kind::Id),
        field("invoiceNumber", "Number", Kind::Text),
        field("customerId", "Customer", Kind::Id),
        field("currency", "Currency", Kind::Fixed),
        money("invoiceAmount", "Total"),
        money("totalPayments", "Paid"),
        money("outstandingBalance", "Outstanding"),
        field("status", "Status", Kind::Fixed),
        field("overdue", "Overdue", Kind::Fixed),
        field("effectiveTimestamp", "Date", Kind::Date),
        field("dueDate", "Due", Kind::Date),
        shown("writtenOffAmount", "Written off", Kind::Money, false),
        shown("closedReason", "Reason", Kind::Text, false),
        shown("creditNotes", "Credit notes", Kind::Money, false),
        shown("debitNotes", "Debit notes", Kind::Money, false),
        shown("writtenOff", "Part written off", Kind::Money, false),
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
            opt(&self.written_off_amount),
            opt(&self.closed_reason),
            opt(&self.credit_notes),
            opt(&self.debit_notes),
            opt(&self.written_off),
        ]
    }
    fn sub_tables(&self, _style: Style) -> Vec<SubTable> {
        let mut out = Vec::new();
        if !self.adjustments.is_empty() {
            out.push(SubTable {
                title: "Adjustments".to_string(),
                columns: vec![
                    col("ID", Kind::Id),
                    col("Kind", Kind::Fixed),
                    col("Amount", Kind::Money),
                    col("Date", Kind::Date),
                    col("Reason", Kind::Text),
                ],
                rows: self
                    .adjustments
                    .iter()
                    .map(|a| {
                        vec![
                            Value::new(a.id.to_string(), Kind::Id),
                            Value::new(a.kind.code().to_string(), Kind::Fixed),
                            Value::new(a.amount.to_string(), Kind::Money),
                            Value::new(a.effective_timestamp.clone(), Kind::Date),
                            Value::new(a.reason.clone(), Kind::Text),
                        ]
                    })
                    .collect(),
            });
        }
        if self.payment_allocations.is_empty() {
            return out;
        }
        let rows = self
            .payment_allocations
            .iter()
            .map(|p| {
                vec![
                    Value::new(p.payment_id.to_string(), Kind::Id),
                    Value::new(p.amount.to_string(), Kind::Money),
                    Value::new(p.effective_timestamp.clone(), Kind::Date),
                ]
            })
            .collect();
        out.push(SubTable {
            title: "Payments allocated".to_string(),
            columns: vec![
                col("Payment", Kind::Id),
                col("Amount", Kind::Money),
                col("Date", Kind::Date),
            ],
            rows,
        });
        out
    }
}

impl Record for CreditWriteOffView {
    const FIELDS: &'static [Field] = &[
        field("id", "ID", Kind::Id),
        field("customerId", "Customer", Kind::Id),
        money("amount", "Amount"),
        field("currency", "Currency", Kind::Fixed),
        field("reason", "Reason", Kind::Text),
        field("effectiveTimestamp", "Date", Kind::Date),
        money("availableFunds", "Available funds"),
    ];
    fn values(&self) -> Vec<String> {
        vec![
            opt(&self.id),
            self.customer_id.to_string(),
            self.amount.to_string(),
            self.currency.to_string(),
            self.reason.clone(),
            self.effective_timestamp.clone(),
            self.available_funds.to_string(),
        ]
    }
    fn sub_tables(&self, _style: Style) -> Vec<SubTable> {
        vec![SubTable {
            title: "Taken from payments".to_string(),
            columns: vec![
                col("Payment", Kind::Id),
                col("Amount", Kind::Money),
                col("Unallocated", Kind::Money),
            ],
            rows: self
                .payments
                .iter()
                .map(|p| {
                    vec![
                        Value::new(p.payment_id.to_string(), Kind::Id),
                        Value::new(p.amount.to_string(), Kind::Money),
                        Value::new(p.unallocated_amount.to_string(), Kind::Money),
                    ]
                })
                .collect(),
        }]
    }
}

impl Record for ActivityView {
    const SPARE: &'static [&'static str] = &["paymentMethod", "customerId", "paymentId", "message"];
    const FIELDS: &'static [Field] = &[
        field("id", "ID", Kind::Id),
        field("customerId", "Customer", Kind::Id),
        field("transactionType", "Type", Kind::Fixed),
        field("status", "Status", Kind::Fixed),
        money("amount", "Amount"),
        field("currency", "Currency", Kind::Fixed),
        field("paymentMethod", "Method", Kind::Fixed),
        detail("paymentMethodId", "Method id", Kind::Id),
        detail("source", "Source", Kind::Fixed),
        field("effectiveTimestamp", "Date", Kind::Date),
        field("message", "Message", Kind::Text),
        field("paymentId", "Payment", Kind::Id),
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

/// Why an audited change was made, as the command gave it (`--reason`, `--message`).
fn audit_reason(event: &AuditEvent) -> String {
    ["reason", "message"]
        .iter()
        .find_map(|k| event.detail.get(k).and_then(|v| v.as_str()))
        .unwrap_or_default()
        .to_string()
}

impl Record for crate::core::period::PeriodEvent {
    const SPARE: &'static [&'static str] = &["osUser", "at"];
    const FIELDS: &'static [Field] = &[
        field("id", "ID", Kind::Id),
        field("kind", "Event", Kind::Fixed),
        field("date", "Date", Kind::Date),
        field("closedThrough", "Closed through", Kind::Date),
        field("reason", "Reason", Kind::Text),
        field("osUser", "User", Kind::Text),
        field("at", "At", Kind::Date),
    ];
    fn values(&self) -> Vec<String> {
        vec![
            self.id.to_string(),
            self.kind.clone(),
            self.date.clone(),
            opt(&self.closed_through),
            opt(&self.reason),
            self.os_user.clone(),
            self.at.clone(),
        ]
    }
}

impl Record for crate::core::edit::FieldChange {
    const FIELDS: &'static [Field] = &[
        field("entity", "Record", Kind::Fixed),
        field("id", "ID", Kind::Id),
        field("field", "Field", Kind::Fixed),
        field("old", "Old", Kind::Text),
        field("new", "New", Kind::Text),
    ];
    fn values(&self) -> Vec<String> {
        vec![
            self.entity.to_string(),
            self.id.to_string(),
            self.field.to_string(),
            opt(&self.old),
            opt(&self.new),
        ]
    }
}

/// An edit's outcome: JSON, the edit with its changes; CSV and JSON Lines, one change per
/// record; a table, the heading and the changes.
pub fn edit_outcome(view: &crate::core::edit::EditView, style: Style, heading: &str) -> String {
    match style.format {
        Format::Json => json(view),
        Format::Jsonl | Format::Csv => list(&view.changes, style),
        Format::Table | Format::Html => {
            let mut out = format!("{heading}\n");
            if !view.changes.is_empty() {
                out.push_str(&list(&view.changes, style));
            }
            out
        }
    }
}

impl Record for AuditEvent {
    const SPARE: &'static [&'static str] =
        &["entity", "command", "osUser", "paymentId", "customerId"];
    const FIELDS: &'static [Field] = &[
        field("id", "ID", Kind::Id),
        field("at", "At", Kind::Date),
        field("osUser", "User", Kind::Text),
        field("action", "Action", Kind::Fixed),
        field("entity", "Entity", Kind::Fixed),
        field("entityId", "Entity id", Kind::Id),
        field("customerId", "Customer", Kind::Id),
        field("paymentId", "Payment", Kind::Id),
        shown("reason", "Reason", Kind::Text, true),
        Field {
            in_list: true,
            ..detail("command", "Command", Kind::Text)
        },
        detail("detail", "Detail", Kind::Text),
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
            audit_reason(self),
            self.command.clone(),
            self.detail.to_string(),
        ]
    }
}

impl Record for BackupReport {
    const FIELDS: &'static [Field] = &[
        field("path", "Backup", Kind::Text),
        field("ledger", "Ledger", Kind::Text),
        field("bytes", "Bytes", Kind::Fixed),
        COUNT_FIELDS[0],
        COUNT_FIELDS[1],
        COUNT_FIELDS[2],
        COUNT_FIELDS[3],
        COUNT_FIELDS[4],
        COUNT_FIELDS[5],
        COUNT_FIELDS[6],
    ];
    fn values(&self) -> Vec<String> {
        [
            self.path.clone(),
            self.ledger.clone(),
            self.bytes.to_string(),
        ]
        .into_iter()
        .chain(self.counts.values().map(|n| n.to_string()))
        .collect()
    }
}

impl Record for RestoreReport {
    const FIELDS: &'static [Field] = &[
        field("path", "Restored from", Kind::Text),
        field("ledger", "Ledger", Kind::Text),
        COUNT_FIELDS[0],
        COUNT_FIELDS[1],
        COUNT_FIELDS[2],
        COUNT_FIELDS[3],
        COUNT_FIELDS[4],
        COUNT_FIELDS[5],
        COUNT_FIELDS[6],
    ];
    fn values(&self) -> Vec<String> {
        [self.path.clone(), self.ledger.clone()]
            .into_iter()
            .chain(self.counts.values().map(|n| n.to_string()))
            .collect()
    }
}

/// The fields of [`crate::ledger::RecordCounts`], in the order of its `values`.
const COUNT_FIELDS: [Field; 7] = [
    field("customers", "Customers", Kind::Fixed),
    field("invoices", "Invoices", Kind::Fixed),
    field("payments", "Payments", Kind::Fixed),
    field("allocations", "Allocations", Kind::Fixed),
    field("refunds", "Refunds", Kind::Fixed),
    field("activities", "Activities", Kind::Fixed),
    field("auditEvents", "Audit events", Kind::Fixed),
];

/// `INV=AMOUNT;INV=AMOUNT`, the same form `--allocate` and CSV imports read.
fn allocation_list(p: &PaymentView) -> String {
    p.invoice_allocations
        .iter()
        .map(|a| format!("{}={}", a.invoice_id, a.amount))
        .collect::<Vec<_>>()
        .join(";")
}

/// A payment's state in one word or two, as the table shows it: `voided`, `bounced` (failed
/// to settle: NSF), `pending`, `refunded 15.00` (the amount refunded so far), `settled`.
fn payment_status(p: &PaymentView) -> String {
    if p.voided {
        return "voided".to_string();
    }
    match p.settlement.status {
        Settlement::Failed => return "bounced".to_string(),
        Settlement::Pending => return "pending".to_string(),
        Settlement::Unknown => return "unknown".to_string(),
        Settlement::Successful => {}
    }
    match p.refunded() {
        Ok(refunded) if !refunded.is_zero() => format!("refunded {refunded}"),
        Ok(_) => "settled".to_string(),
        // The refunds' sum is bounded by the payment (they are checked when written), so
        // this is not reached; said rather than a wrong amount shown.
        Err(_) => "refunded".to_string(),
    }
}

impl Record for PaymentView {
    const SPARE: &'static [&'static str] = &[
        "unallocatedAmount",
        "paymentMethod",
        "customerId",
        "reference",
    ];
    const FIELDS: &'static [Field] = &[
        field("id", "ID", Kind::Id),
        detail("paymentActivityId", "Activity", Kind::Id),
        field("customerId", "Customer", Kind::Id),
        field("effectiveTimestamp", "Date", Kind::Date),
        money("amount", "Amount"),
        field("currency", "Currency", Kind::Fixed),
        field("paymentMethod", "Method", Kind::Fixed),
        detail("paymentMethodId", "Method id", Kind::Id),
        detail("source", "Source", Kind::Fixed),
        field("reference", "Reference", Kind::Text),
        detail("invoiceAllocations", "Allocations", Kind::Text),
        money("unallocatedAmount", "Unallocated"),
        detail("refundableAmount", "Refundable", Kind::Money),
        detail("gatewayFee", "Gateway fee", Kind::Money),
        detail("settlement", "Settlement", Kind::Fixed),
        detail("voided", "Voided", Kind::Fixed),
        shown("status", "Status", Kind::Fixed, true),
        shown("creditWrittenOff", "Credit written off", Kind::Money, false),
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
            payment_status(self),
            if self.credit_written_off.is_zero() {
                String::new()
            } else {
                self.credit_written_off.to_string()
            },
        ]
    }
    fn sub_tables(&self, style: Style) -> Vec<SubTable> {
        let mut out = Vec::new();
        if !self.invoice_allocations.is_empty() {
            let rows = self
                .invoice_allocations
                .iter()
                .map(|a| {
                    vec![
                        Value::new(a.invoice_id.to_string(), Kind::Id),
                        Value::new(a.invoice_number.clone(), Kind::Text),
                        Value::new(a.amount.to_string(), Kind::Money),
                        Value::new(a.outstanding_balance.to_string(), Kind::Money),
                        Value::new(a.invoice_total.to_string(), Kind::Money),
                        status_value(style, a.status),
                    ]
                })
                .collect();
            let title = if self.dry_run {
                "Allocations (planned)"
            } else {
                "Allocations"
            };
            out.push(SubTable {
                title: title.to_string(),
                columns: vec![
                    col("Invoice", Kind::Id),
                    col("Number", Kind::Text),
                    col("Applied", Kind::Money),
                    col("Balance", Kind::Money),
                    col("Total", Kind::Money),
                    col("Status", Kind::Fixed),
                ],
                rows,
            });
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
            out.push(touched_table(style, &rows, false));
        }
        if !self.refunds.is_empty() {
            let rows = self
                .refunds
                .iter()
                .map(|r| {
                    vec![
                        Value::new(r.id.to_string(), Kind::Id),
                        Value::new(r.amount.to_string(), Kind::Money),
                        Value::new(r.method.to_string(), Kind::Fixed),
                        Value::new(r.effective_timestamp.clone(), Kind::Date),
                        Value::new(opt(&r.reference), Kind::Text),
                    ]
                })
                .collect();
            out.push(SubTable {
                title: "Refunds".to_string(),
                columns: vec![
                    col("Refund", Kind::Id),
                    col("Amount", Kind::Money),
                    col("Method", Kind::Fixed),
                    col("Date", Kind::Date),
                    col("Reference", Kind::Text),
                ],
                rows,
            });
        }
        out
    }
}

/// The invoices a money-moving command touched, as they are after it; with `payments`, one
/// row per payment and invoice, the payment's id first. Laid out as every table is: it fits
/// the terminal without splitting an amount (or goes one row at a time), and is plain in a
/// pipe.
fn touched_table(
    style: Style,
    touched: &[(Option<i64>, &TouchedInvoiceView)],
    payments: bool,
) -> SubTable {
    let columns = [
        col("Payment", Kind::Id),
        col("Invoice", Kind::Id),
        col("Number", Kind::Text),
        col("Applied", Kind::Money),
        col("Balance", Kind::Money),
        col("Total", Kind::Money),
        col("Status", Kind::Fixed),
    ];
    let skip = usize::from(!payments);
    let rows = touched
        .iter()
        .map(|(payment, t)| {
            let row = vec![
                Value::new(opt(payment), Kind::Id),
                Value::new(t.invoice_id.to_string(), Kind::Id),
                Value::new(t.invoice_number.clone(), Kind::Text),
                Value::new(t.applied.to_string(), Kind::Money),
                Value::new(t.outstanding_balance.to_string(), Kind::Money),
                Value::new(t.invoice_total.to_string(), Kind::Money),
                status_value(style, t.status),
            ];
            row.into_iter().skip(skip).collect()
        })
        .collect();
    SubTable {
        title: "Invoices touched".to_string(),
        columns: columns[skip..].to_vec(),
        rows,
    }
}

/// What `import` prints under its summary line: the invoices it touched (`touched`, the first
/// of them in id order) in an `Invoices touched` table, and how many `more` it left out, so
/// that a large import does not flood the terminal. Nothing when it touched none.
pub fn import_touched(style: Style, touched: &[TouchedInvoiceView], more: usize) -> String {
    if touched.is_empty() {
        return String::new();
    }
    let rows: Vec<_> = touched.iter().map(|t| (None, t)).collect();
    let mut out = sub_table(style, touched_table(style, &rows, false));
    if more > 0 {
        // Wrapped between words on a narrow terminal, as the tables fit it.
        out.push_str(&table::wrap_words(
            &format!("… and {more} more invoices touched; -o json lists every one"),
            style.width,
        ));
    }
    out
}

/// `INV:APPLIED:BALANCE:STATUS;…`: each invoice a command touched, what it applied (negative
/// when taken back), and its balance and status after it.
pub fn touched_list(touched: &[TouchedInvoiceView]) -> String {
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

/// [`payment_outcome`] for several payments (`allocate --customer N --auto`): a JSON array,
/// one JSON object per line, a CSV row each, or the list table and one table of every
/// invoice touched.
pub fn payments_outcome(payments: &[PaymentView], style: Style, heading: &str) -> String {
    match style.format {
        Format::Json => json(payments),
        Format::Jsonl => payments.iter().map(json_line).collect(),
        Format::Csv => outcome_csv(payments),
        Format::Table | Format::Html => {
            let touched: Vec<(Option<i64>, &TouchedInvoiceView)> = payments
                .iter()
                .flat_map(|p| p.touched_invoices.iter().flatten().map(|t| (p.id, t)))
                .collect();
            let mut out = format!("{heading}\n{}", list(payments, style));
            if !touched.is_empty() {
                out.push_str(&sub_table(style, touched_table(style, &touched, true)));
            }
            out
        }
    }
}

/// The CSV of the payments a command acted on: the columns of `list -o csv`, then `dryRun`
/// and `touchedInvoices`.
fn outcome_csv(payments: &[PaymentView]) -> String {
    let mut writer = csv::Writer::from_writer(Vec::new());
    let header: Vec<&str> = PaymentView::FIELDS
        .iter()
        .filter(|f| f.in_csv)
        .map(|f| f.name)
        .chain(["dryRun", "touchedInvoices"])
        .collect();
    // Writing to a Vec cannot fail.
    let _ = writer.write_record(&header);
    for p in payments {
        let values: Vec<String> = csv_values(p)
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
    record_outcome(invoice, invoice.dry_run, style, heading)
}

/// A credit write-off as `credit write-off` prints it: the record, and in CSV whether it was a
/// dry run (the parts are in JSON and the table).
pub fn credit_write_off_outcome(view: &CreditWriteOffView, style: Style, heading: &str) -> String {
    record_outcome(view, view.dry_run, style, heading)
}

fn record_outcome<R: Record>(record: &R, dry_run: bool, style: Style, heading: &str) -> String {
    match style.format {
        Format::Csv => {
            let mut writer = csv::Writer::from_writer(Vec::new());
            let header: Vec<&str> = R::FIELDS
                .iter()
                .filter(|f| f.in_csv)
                .map(|f| f.name)
                .chain(["dryRun"])
                .collect();
            let values: Vec<String> = csv_values(record).chain([dry_run.to_string()]).collect();
            // Writing to a Vec cannot fail.
            let _ = writer.write_record(&header);
            let _ = writer.write_record(&values);
            String::from_utf8(writer.into_inner().unwrap_or_default()).unwrap_or_default()
        }
        _ => one(record, style, Some(heading)),
    }
}

fn status_value(style: Style, status: InvoiceStatus) -> Value {
    let value = Value::new(status.to_string(), Kind::Fixed);
    if !style.color {
        return value;
    }
    match status {
        InvoiceStatus::Paid => value.fg(Color::Green),
        InvoiceStatus::PartiallyPaid => value.fg(Color::Yellow),
        InvoiceStatus::Unpaid => value.fg(Color::Red),
        InvoiceStatus::Void | InvoiceStatus::WrittenOff => value.fg(Color::DarkGrey),
    }
}

fn colored(style: Style, f: &Field, text: String) -> Value {
    let value = Value::new(text, f.kind);
    if !style.color {
        return value;
    }
    match (f.name, value.text.as_str()) {
        ("status", s) => match s.parse::<InvoiceStatus>() {
            Ok(st) => status_value(style, st),
            Err(_) => match s {
                "voided" => value.fg(Color::DarkGrey),
                "bounced" => value.fg(Color::Red),
                "pending" => value.fg(Color::Yellow),
                _ => value,
            },
        },
        ("overdue", "true") => value.fg(Color::Red),
        ("settlement", s) if s == Settlement::Failed.as_str() => value.fg(Color::Red),
        ("settlement", s) if s == Settlement::Pending.as_str() => value.fg(Color::Yellow),
        _ => value,
    }
}

/// Renders a list: a table of the list fields, a CSV of every field, a JSON array, or one
/// JSON object per line.
pub fn list<R: Record>(records: &[R], style: Style) -> String {
    match style.format {
        Format::Json => json(&records),
        Format::Jsonl => records.iter().map(json_line).collect(),
        Format::Csv => csv_rows(records),
        // Refused before the command runs (commands::run) for every list.
        Format::Table | Format::Html => {
            // A pipe gets the header alone, so that a script reading records sees none.
            if records.is_empty() && style.boxed {
                return "(none)\n".to_string();
            }
            if !style.boxed {
                let columns: Vec<Column> = R::FIELDS
                    .iter()
                    .filter(|f| f.in_list)
                    .map(|f| Column {
                        title: f.title,
                        kind: f.kind,
                    })
                    .collect();
                let rows = records.iter().map(|record| {
                    R::FIELDS
                        .iter()
                        .zip(record.values())
                        .filter(|(f, _)| f.in_list)
                        .map(|(f, v)| colored(style, f, v))
                        .collect()
                });
                return table::plain_rows(style, &columns, rows);
            }
            let values: Vec<Vec<String>> = records.iter().map(Record::values).collect();
            // On a narrow terminal the columns of SPARE are left out, in that order, until the
            // table fits; a line under it names them.
            for spared in 0..=R::SPARE.len() {
                let left_out = &R::SPARE[..spared];
                let shown = |f: &Field| f.in_list && !left_out.contains(&f.name);
                let columns: Vec<Column> = R::FIELDS
                    .iter()
                    .filter(|f| shown(f))
                    .map(|f| Column {
                        title: f.title,
                        kind: f.kind,
                    })
                    .collect();
                let rows: Vec<Vec<Value>> = values
                    .iter()
                    .map(|v| {
                        R::FIELDS
                            .iter()
                            .zip(v)
                            .filter(|(f, _)| shown(f))
                            .map(|(f, v)| colored(style, f, v.clone()))
                            .collect()
                    })
                    .collect();
                if let Some(mut text) = table::render(style, Frame::Boxed, &columns, rows, false) {
                    if !left_out.is_empty() {
                        let titles: Vec<&str> = R::FIELDS
                            .iter()
                            .filter(|f| left_out.contains(&f.name))
                            .map(|f| f.title)
                            .collect();
                        text.push_str(&table::wrap_words(
                            &format!(
                                "Not shown at {} columns: {}; -o json has every field",
                                style.width.unwrap_or_default(),
                                titles.join(", ")
                            ),
                            style.width,
                        ));
                    }
                    return text;
                }
            }
            // Too narrow for the list's fixed columns: one record at a time, nothing split.
            records
                .iter()
                .map(|record| {
                    table::record(
                        style,
                        R::FIELDS
                            .iter()
                            .zip(record.values())
                            .filter(|(f, _)| f.in_list)
                            .map(|(f, v)| (f.title, colored(style, f, v)))
                            .collect(),
                    )
                })
                .collect()
        }
    }
}

/// Renders one record: a two-column table with its nested tables under it, a one-row CSV, or a
/// JSON object (on one line with `-o jsonl`).
pub fn one<R: Record>(record: &R, style: Style, heading: Option<&str>) -> String {
    match style.format {
        Format::Json => json(record),
        Format::Jsonl => json_line(record),
        Format::Csv => csv_rows(std::slice::from_ref(record)),
        // Refused before the command runs (commands::run): a record has no page.
        Format::Table | Format::Html => {
            let mut out = String::new();
            if let Some(heading) = heading {
                out.push_str(heading);
                out.push('\n');
            }
            // A table-only field says what JSON has in a field of its own (an invoice's
            // write-off): it is left out when there is nothing to say.
            let fields = R::FIELDS
                .iter()
                .zip(record.values())
                .filter(|(f, v)| f.in_csv || !v.is_empty())
                .map(|(f, v)| (f.title, colored(style, f, v)))
                .collect();
            out.push_str(&table::record(style, fields));
            for sub in record.sub_tables(style) {
                out.push_str(&sub_table(style, sub));
            }
            out
        }
    }
}

/// A nested table under its title: fitted to the width, or, too narrow, one row at a time as
/// a list is.
fn sub_table(style: Style, sub: SubTable) -> String {
    let mut out = format!("{}:\n", sub.title);
    match table::render(style, Frame::Boxed, &sub.columns, sub.rows.clone(), false) {
        Some(text) => out.push_str(&text),
        None => {
            for row in sub.rows {
                let fields = sub.columns.iter().map(|c| c.title).zip(row).collect();
                out.push_str(&table::record(style, fields));
            }
        }
    }
    out
}

/// One JSON object on one line, for `-o jsonl`.
pub fn json_line<T: Serialize + ?Sized>(value: &T) -> String {
    // Serialising plain data to a String cannot fail: no I/O, and every map key is a string.
    let mut text = serde_json::to_string(value).unwrap_or_default();
    text.push('\n');
    text
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
    let header: Vec<&str> = R::FIELDS
        .iter()
        .filter(|f| f.in_csv)
        .map(|f| f.name)
        .collect();
    // Writing to a Vec cannot fail.
    let _ = writer.write_record(&header);
    for record in records {
        let values: Vec<String> = csv_values(record).collect();
        let _ = writer.write_record(&values);
    }
    String::from_utf8(writer.into_inner().unwrap_or_default()).unwrap_or_default()
}

/// A record's CSV cells: its CSV fields, text neutralised (see [`neutralize_formula`]).
fn csv_values<R: Record>(record: &R) -> impl Iterator<Item = String> {
    record
        .values()
        .into_iter()
        .zip(R::FIELDS)
        .filter(|(_, f)| f.in_csv)
        .map(|(v, f)| {
            if f.is_money() {
                v
            } else {
                neutralize_formula(v)
            }
        })
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
