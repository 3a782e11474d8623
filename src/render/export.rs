//! What `payctl export` writes: each exported row as JSON (an array), JSON Lines or CSV,
//! written as it is read so that nothing but the row is held.

use std::io::{self, Write};

use serde_json::{Map, Value};

use super::neutralize_formula;
use crate::core::import;

/// The formats an export writes (`--format`, else the output format `-o`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ExportFormat {
    Csv,
    Json,
    Jsonl,
}

/// Writes one kind's rows in one format: [`start`](Self::start), a [`row`](Self::row) each,
/// then [`finish`](Self::finish).
pub struct ExportWriter {
    format: ExportFormat,
    kind: &'static str,
    count: u64,
    csv_header: Option<Vec<String>>,
}

impl ExportWriter {
    pub fn new(format: ExportFormat, kind: &'static str) -> Self {
        ExportWriter {
            format,
            kind,
            count: 0,
            csv_header: None,
        }
    }

    /// How many rows were written.
    pub fn count(&self) -> u64 {
        self.count
    }

    pub fn start(&mut self, out: &mut dyn Write) -> io::Result<()> {
        if self.format == ExportFormat::Json {
            out.write_all(b"[")?;
        }
        Ok(())
    }

    pub fn row(&mut self, out: &mut dyn Write, mut row: Map<String, Value>) -> io::Result<()> {
        let (format, kind) = (self.format, self.kind);
        self.count += 1;
        let count = self.count;
        match format {
            ExportFormat::Json | ExportFormat::Jsonl => {
                let text = serde_json::to_string(&Value::Object(row)).unwrap_or_default();
                let sep: &[u8] = match (format, count) {
                    (ExportFormat::Json, 1) => b"\n",
                    (ExportFormat::Json, _) => b",\n",
                    _ => b"",
                };
                out.write_all(sep)?;
                out.write_all(text.as_bytes())?;
                if format == ExportFormat::Jsonl {
                    out.write_all(b"\n")?;
                }
            }
            ExportFormat::Csv => {
                if kind == "payments" {
                    let list = row.remove("paymentAllocations");
                    let cell = list
                        .and_then(|l| l.as_array().cloned())
                        .unwrap_or_default()
                        .iter()
                        .map(|a| format!("{}={}", a["invoiceId"], a["amount"]))
                        .collect::<Vec<_>>()
                        .join(";");
                    row.insert("allocations".into(), Value::String(cell));
                }
                if self.csv_header.is_none() {
                    let header: Vec<String> = row.keys().cloned().collect();
                    out.write_all(&csv_line(&header))?;
                    self.csv_header = Some(header);
                }
                let header = self.csv_header.as_deref().unwrap_or_default();
                let cells: Vec<String> = header
                    .iter()
                    .map(|k| match row.get(k) {
                        None | Some(Value::Null) => String::new(),
                        Some(Value::String(s)) if is_text_column(k) => {
                            neutralize_formula(s.clone())
                        }
                        Some(Value::String(s)) => s.clone(),
                        Some(other) => other.to_string(),
                    })
                    .collect();
                out.write_all(&csv_line(&cells))?;
            }
        }
        Ok(())
    }

    pub fn finish(&mut self, out: &mut dyn Write) -> io::Result<()> {
        if self.format == ExportFormat::Json {
            out.write_all(if self.count == 0 { b"]\n" } else { b"\n]\n" })?;
        }
        if self.format == ExportFormat::Csv && self.count == 0 {
            out.write_all(empty_header(self.kind).as_bytes())?;
        }
        Ok(())
    }
}

/// One CSV line, quoted as needed.
fn csv_line(cells: &[String]) -> Vec<u8> {
    let mut w = csv::WriterBuilder::new()
        .has_headers(false)
        .from_writer(Vec::new());
    // Writing to a Vec cannot fail.
    let _ = w.write_record(cells);
    w.into_inner().unwrap_or_default()
}

/// Free-text columns: the ones a spreadsheet could run as a formula.
fn is_text_column(name: &str) -> bool {
    matches!(
        name,
        "reference" | "name" | "email" | "invoiceNumber" | "message" | "label" | "brand" | "reason"
    )
}

fn empty_header(kind: &str) -> String {
    let cols: &[&str] = match kind {
        "payments" => &[
            "customerId",
            "amount",
            "currency",
            "paymentMethod",
            "paymentMethodId",
            "reference",
            "source",
            "effectiveTimestamp",
            "gatewayFee",
            "idempotencyKey",
            "allocations",
        ],
        // What import reads, and the status it derives.
        "invoices" => return format!("{},status\n", import::INVOICE_COLUMNS.join(",")),
        "customers" => import::CUSTOMER_COLUMNS,
        "methods" => import::METHOD_COLUMNS,
        "write-offs" => import::WRITE_OFF_COLUMNS,
        "adjustments" => import::ADJUSTMENT_COLUMNS,
        "credit-write-offs" => import::CREDIT_WRITE_OFF_COLUMNS,
        "allocations" => &[
            "paymentId",
            "invoiceId",
            "amount",
            "currency",
            "effectiveTimestamp",
        ],
        _ => &[
            "id",
            "customerId",
            "transactionType",
            "status",
            "amount",
            "currency",
            "paymentMethod",
            "paymentMethodId",
            "source",
            "effectiveTimestamp",
            "message",
            "paymentId",
        ],
    };
    format!("{}\n", cols.join(","))
}
