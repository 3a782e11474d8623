//! `payctl import` and `payctl export`: streamed, one transaction per file.

use crate::ledger::Tx;
use std::fs::File;
use std::io::{self, BufRead, BufReader, Read, Write};
use std::path::Path;

use serde_json::Value;

use super::context::{Ctx, Outcome};
use super::output::{self, Output};
use crate::cli::bulk::{ExportFormat, ExportKind, Kind};
use crate::cli::{ExportArgs, ImportArgs};
use crate::core::activity::{plan_attempt, NewAttempt};
use crate::core::customer::{self as customer_rules, NewCustomer};
use crate::core::dates::{format_timestamp, parse_date};
use crate::core::import::{self, ImiRow, ImportKind};
use crate::core::invoice::{self as invoice_rules, Due, NewInvoice};
use crate::core::method::{self as method_rules, NewMethod};
use crate::core::payload::{bool_of, create_payment_from_json};
use crate::core::payment::{currency_problem, id_problem, idempotency_key_problem, parse_id};
use crate::core::text::excerpt;
use crate::core::views::TouchedInvoiceView;
use crate::core::{
    ActivityStatus, AllocationOrder, Currency, InvoiceStatus, MethodType, PaymentMethod, Source,
};
use crate::error::{Error, Problem, Result, StorageKind};
use crate::formats::{detect_format, for_each_row, ImportFormat};
use crate::ledger::activities;
use crate::ledger::batch::{Ahead, Batch};
use crate::ledger::batch_invoices::{InvoiceAhead, InvoiceBatch};
use crate::ledger::customers;
use crate::ledger::invoices;
use crate::ledger::methods;
use crate::ledger::totals::Running;
use crate::ledger::{bulk, Actor};
use crate::render::export::ExportWriter;
use crate::render::import::{excerpt_record, Summary, TOUCHED_SHOWN};
use crate::render::{self, Format};

/// At most this many problems of bad rows are listed when a file is refused whole: with the
/// two lines that close the list, the whole error stays within the 50 lines any error prints.
const MAX_LISTED: usize = crate::error::MAX_PROBLEMS - 2;
/// SQLite's page cache during an import: big enough that a large file's B-tree pages stay in
/// memory instead of being re-read and spilled, small enough that memory stays flat.
const IMPORT_CACHE_MIB: u32 = 64;

impl From<ExportFormat> for crate::render::export::ExportFormat {
    fn from(given: ExportFormat) -> Self {
        use crate::render::export::ExportFormat as Written;
        match given {
            ExportFormat::Csv => Written::Csv,
            ExportFormat::Json => Written::Json,
            ExportFormat::Jsonl => Written::Jsonl,
        }
    }
}

impl From<crate::cli::bulk::ImportFormat> for ImportFormat {
    fn from(given: crate::cli::bulk::ImportFormat) -> Self {
        use crate::cli::bulk::ImportFormat as Given;
        match given {
            Given::Csv => ImportFormat::Csv,
            Given::Json => ImportFormat::Json,
            Given::Jsonl => ImportFormat::Jsonl,
            Given::Xml => ImportFormat::Xml,
        }
    }
}

/// What happened to one row.
enum RowResult {
    Imported,
    AlreadyImported,
    Attempt,
}

fn fingerprint(kind: &str, value: &Value) -> String {
    crate::core::text::sha256_hex(&[kind.as_bytes(), b"\0", value.to_string().as_bytes()])
}

/// The key that makes re-importing this row add nothing: its own idempotency key, else a
/// fingerprint of its content with its occurrence number in the file, so two identical rows in
/// one file are two records, and the same file twice is the same two.
///
/// A payments import on PostgreSQL counts occurrences in its batch's memory (a statement per
/// row is a round trip there); elsewhere in the temporary table `import_seen`.
fn row_key(
    tx: &Tx,
    batch: Option<&mut Batch>,
    kind: &str,
    value: &Value,
    own: Option<&str>,
) -> Result<String> {
    if let Some(own) = own {
        return Ok(own.to_string());
    }
    let fp = fingerprint(kind, value);
    let n = match batch.and_then(|b| b.occurrence(&fp)) {
        Some(n) => n,
        None => bulk::occurrence(tx, &fp)?,
    };
    Ok(format!("import:{kind}:{fp}#{n}"))
}

/// How many rows a payments import on PostgreSQL reads ahead: their customers, open sets and
/// idempotency keys are read for the lot ([`Batch::read_ahead`]) before they are planned.
const READ_AHEAD_ROWS: usize = 500;

/// What a payments row will need, guessed from the row as read (see [`Ahead`]): the customer
/// it names and the key it will be recorded under. Rows of an InvoiceMethodInsert file, and
/// anything unusual, are left to be read when planned.
fn ahead_of(batch: &Batch, row: &std::result::Result<Value, String>) -> Ahead {
    let Ok(Value::Object(map)) = row else {
        return Ahead::default();
    };
    if import::is_invoice_method_insert(&Value::Object(map.clone())) {
        return Ahead::default();
    }
    let field = |name: &str| {
        map.iter()
            .find(|(k, _)| k.eq_ignore_ascii_case(name))
            .map(|(_, v)| v)
    };
    let customer = field("customerId").and_then(|v| match v {
        Value::Number(n) => n.as_i64(),
        Value::String(s) => s.trim().parse().ok(),
        _ => None,
    });
    let key = match field("idempotencyKey") {
        Some(Value::String(own)) if !own.is_empty() => Some(own.clone()),
        Some(Value::Null) | None => {
            let fp = fingerprint("payment", row.as_ref().unwrap_or(&Value::Null));
            batch
                .next_occurrence(&fp)
                .map(|n| format!("import:payment:{fp}#{n}"))
        }
        _ => None,
    };
    let amount = field("amount").and_then(|v| match v {
        Value::Number(n) => rust_decimal::Decimal::from_str_exact(&n.to_string()).ok(),
        Value::String(s) => rust_decimal::Decimal::from_str_exact(s.trim()).ok(),
        _ => None,
    });
    let reference = match field("reference") {
        Some(Value::String(r)) => Some(r.clone()),
        _ => None,
    };
    Ahead {
        customer,
        key,
        amount,
        reference,
    }
}

/// Whether an invoices row is of a void invoice (an export carries its status).
fn is_void(value: &Value) -> bool {
    text_field(value, "status").is_some_and(|s| s.eq_ignore_ascii_case("void"))
}

/// What each row of a run of an invoices file will need (see [`InvoiceAhead`]), guessed from
/// the rows as read: a wrong guess costs only the statement the read ahead would have saved.
/// The keys count the run's own identical rows, as [`row_key`] will.
fn invoices_ahead(batch: &InvoiceBatch, rows: &[crate::formats::Row]) -> Vec<InvoiceAhead> {
    let mut counted: rustc_hash::FxHashMap<String, i64> = rustc_hash::FxHashMap::default();
    rows.iter()
        .map(|(_, row)| {
            let Ok(value @ Value::Object(_)) = row else {
                return InvoiceAhead::default();
            };
            let mut stripped = value.clone();
            import::strip_derived(ImportKind::Invoices, &mut stripped);
            let fp = fingerprint("invoice", &stripped);
            let n = counted
                .entry(fp.clone())
                .or_insert_with(|| batch.next_occurrence(&fp));
            let key = format!("import:invoice:{fp}#{n}");
            *n += 1;
            let id = |name: &str| text_field(value, name).and_then(|t| parse_id(&t));
            InvoiceAhead {
                customer: id("customerId"),
                id: id("id"),
                number: text_field(value, "invoiceNumber")
                    .map(|n| crate::core::invoice_ref::normalized_number(&n).to_string()),
                key: Some(key),
            }
        })
        .collect()
}

fn problems_text(problems: Vec<Problem>) -> Vec<String> {
    problems.into_iter().map(|p| p.message).collect()
}

/// The batches an import writes through: payments (both engines) or invoices (PostgreSQL).
struct Batches<'t, 'c> {
    payments: Option<Batch<'t, 'c>>,
    invoices: Option<InvoiceBatch<'t, 'c>>,
}

impl Batches<'_, '_> {
    fn reads_ahead(&self) -> bool {
        self.invoices.is_some() || self.payments.as_ref().is_some_and(|b| b.reads_ahead())
    }

    fn begin_row(&mut self) {
        if let Some(b) = self.payments.as_mut() {
            b.begin_row();
        }
        if let Some(b) = self.invoices.as_mut() {
            b.begin_row();
        }
    }

    fn forget_row(&mut self) {
        if let Some(b) = self.payments.as_mut() {
            b.forget_row();
        }
        if let Some(b) = self.invoices.as_mut() {
            b.forget_row();
        }
    }
}

/// How an import reads each of its rows: from CSV (text to restore), and whether a likely
/// duplicate payment is let through (`--allow-duplicate`).
#[derive(Clone, Copy)]
struct RowReading {
    csv: bool,
    allow_duplicate: bool,
}

/// Imports one row. `Err(Ok(reasons))` is a row's problems, one sentence each; `Err(Err(e))`
/// stops the import (storage trouble).
fn import_row(
    tx: &Tx,
    batches: &mut Batches,
    running: &mut Running,
    actor: &Actor,
    kind: ImportKind,
    mut value: Value,
    read: RowReading,
) -> std::result::Result<RowResult, std::result::Result<Vec<String>, Error>> {
    let RowReading {
        csv,
        allow_duplicate,
    } = read;
    let row_error = |e: Error| match e {
        Error::Storage(_) | Error::Busy(_) | Error::BrokenPipe => Err(e),
        other => Ok(problems_text(super::problems_with_hint(&other))),
    };
    if !value.is_object() {
        return Err(Ok(vec!["a row must be an object".into()]));
    }
    let batch = batches.payments.as_mut();
    match kind {
        ImportKind::Payments if import::is_invoice_method_insert(&value) => {
            match import::from_invoice_method_insert(&value).map_err(|e| Ok(vec![e]))? {
                ImiRow::Payment(payload) => {
                    import_payment(tx, batch, actor, &payload, &payload, allow_duplicate)
                        .map_err(row_error)
                }
                ImiRow::Attempt {
                    payload,
                    failed,
                    message,
                } => import_attempt(tx, batch, actor, &value, payload, failed, message)
                    .map_err(row_error),
            }
        }
        ImportKind::Payments => {
            let read = restored(&value, csv);
            import_payment(
                tx,
                batch,
                actor,
                read.as_ref().unwrap_or(&value),
                &value,
                allow_duplicate,
            )
            .map_err(row_error)
        }
        ImportKind::Invoices => {
            // A void invoice comes back void (an export carries its status); other statuses
            // are derived from the payments imported after it.
            let void = is_void(&value);
            import::strip_derived(kind, &mut value);
            let read = restored(&value, csv);
            import_invoice(
                tx,
                batches.invoices.as_mut(),
                actor,
                running,
                read.as_ref().unwrap_or(&value),
                &value,
                void,
            )
            .map_err(row_error)
        }
        ImportKind::Customers => {
            import::strip_derived(kind, &mut value);
            let read = restored(&value, csv);
            import_customer(tx, actor, read.as_ref().unwrap_or(&value), &value).map_err(row_error)
        }
        ImportKind::Methods => {
            let read = restored(&value, csv);
            import_method(tx, actor, read.as_ref().unwrap_or(&value)).map_err(row_error)
        }
        ImportKind::WriteOffs => {
            let read = restored(&value, csv);
            import_write_off(tx, actor, read.as_ref().unwrap_or(&value)).map_err(row_error)
        }
        ImportKind::Adjustments => {
            let read = restored(&value, csv);
            import_adjustment(tx, actor, read.as_ref().unwrap_or(&value)).map_err(row_error)
        }
        ImportKind::CreditWriteOffs => {
            let read = restored(&value, csv);
            import_credit_write_off(tx, actor, read.as_ref().unwrap_or(&value)).map_err(row_error)
        }
    }
}

/// An amount field of an imported row, exact (a JSON number or a string).
fn decimal_field(value: &Value, name: &str) -> Result<rust_decimal::Decimal> {
    let amount =
        field(value, name).ok_or_else(|| Error::rejected(name, format!("{name} is required")))?;
    let shown = excerpt(&match amount {
        Value::String(s) => s.clone(),
        other => other.to_string(),
    });
    crate::core::money::decimal_from_json(amount)
        .map_err(|e| Error::rejected(name, format!("{name} '{shown}' {e}")))
}

/// The reason of an imported adjustment or credit write-off (a default when the file has none).
fn reason_field(value: &Value, default: &str) -> Result<String> {
    let reason = text_field(value, "reason")
        .filter(|r| !r.is_empty())
        .unwrap_or_else(|| default.to_string());
    if let Some(p) = super::text_problem("reason", "reason", &reason, 500) {
        return Err(Error::Rejected(vec![p]));
    }
    Ok(reason)
}

/// A credit note, debit note or partial write-off, by the rules of the commands that make
/// them. A row whose `id` is already in the ledger with the same invoice, kind and amount was
/// imported before: nothing is written.
fn import_adjustment(tx: &Tx, actor: &Actor, value: &Value) -> Result<RowResult> {
    use crate::core::adjustment::{AdjustmentKind, AdjustmentRequest};
    unknown_keys(value, import::ADJUSTMENT_COLUMNS)?;
    let invoice_id = id_field(value, "invoiceId")?
        .ok_or_else(|| Error::rejected("invoiceId", "invoiceId is required"))?;
    let kind_text = text_field(value, "kind").unwrap_or_default();
    let kind = AdjustmentKind::from_code(&kind_text.to_ascii_lowercase().replace('-', "_"))
        .ok_or_else(|| {
            Error::rejected(
                "kind",
                format!(
                    "kind '{}' is not one of credit_note, debit_note, write_off",
                    excerpt(&kind_text)
                ),
            )
        })?;
    let invoice =
        invoices::facts(tx, invoice_id)?.ok_or_else(|| invoices::not_found(invoice_id))?;
    if let Some(customer) = id_field(value, "customerId")? {
        if let Some(p) = invoice_rules::imported_customer_problem(&invoice, customer) {
            return Err(Error::Rejected(vec![p]));
        }
    }
    if let Some(currency) = currency_field(value)? {
        if let Some(p) = invoice_rules::imported_currency_problem(&invoice, currency) {
            return Err(Error::Rejected(vec![p]));
        }
    }
    let req = AdjustmentRequest {
        invoice_id,
        kind,
        amount: decimal_field(value, "amount")?,
        reason: reason_field(value, "adjusted in the imported file")?,
        date: date_field(value, "effectiveTimestamp")?,
    };
    let id = id_field(value, "id")?;
    if let Some(id) = id {
        if let Some(existing) = crate::ledger::adjustments::stored(tx, id)? {
            let same = existing.0 == invoice_id
                && existing.1 == kind
                && crate::core::Money::from_decimal(req.amount, invoice.currency)
                    .is_ok_and(|m| m.minor() == existing.2);
            return match same {
                true => Ok(RowResult::AlreadyImported),
                false => Err(Error::rejected(
                    "id",
                    format!("adjustment {id} is already in the ledger with another invoice, kind or amount"),
                )),
            };
        }
    }
    let label = match kind {
        AdjustmentKind::CreditNote => "credit note dated",
        AdjustmentKind::DebitNote => "debit note dated",
        AdjustmentKind::WriteOff => "write-off dated",
    };
    super::period::guard(
        tx,
        "effectiveTimestamp",
        label,
        req.date.unwrap_or(actor.now),
    )?;
    let plan = crate::core::adjustment::plan_adjustment(&req, &invoice, actor.now)
        .map_err(Error::Rejected)?;
    crate::ledger::adjustments::write_with_id(tx, actor, &plan, id)?;
    Ok(RowResult::Imported)
}

/// A credit write-off, by the rules of `credit write-off` (oldest payments first). A row whose
/// `id` is already in the ledger with the same customer and amount was imported before.
fn import_credit_write_off(tx: &Tx, actor: &Actor, value: &Value) -> Result<RowResult> {
    use crate::core::adjustment::CreditWriteOffRequest;
    unknown_keys(value, import::CREDIT_WRITE_OFF_COLUMNS)?;
    let customer_id = id_field(value, "customerId")?
        .ok_or_else(|| Error::rejected("customerId", "customerId is required"))?;
    let facts = crate::ledger::adjustments::credit_facts(tx, customer_id)?;
    if let Some(currency) = currency_field(value)? {
        if currency != facts.currency {
            return Err(Error::rejected(
                "currency",
                format!(
                    "customer {customer_id}'s credit is in {}, not {currency}",
                    facts.currency
                ),
            ));
        }
    }
    let req = CreditWriteOffRequest {
        customer_id,
        amount: decimal_field(value, "amount")?,
        reason: reason_field(value, "written off in the imported file")?,
        date: date_field(value, "effectiveTimestamp")?,
    };
    let id = id_field(value, "id")?;
    if let Some(id) = id {
        if let Some((customer, amount)) = crate::ledger::adjustments::stored_credit(tx, id)? {
            let same = customer == customer_id
                && crate::core::Money::from_decimal(req.amount, facts.currency)
                    .is_ok_and(|m| m.minor() == amount);
            return match same {
                true => Ok(RowResult::AlreadyImported),
                false => Err(Error::rejected(
                    "id",
                    format!("credit write-off {id} is already in the ledger with another customer or amount"),
                )),
            };
        }
    }
    super::period::guard(
        tx,
        "effectiveTimestamp",
        "credit write-off dated",
        req.date.unwrap_or(actor.now),
    )?;
    let plan = crate::core::adjustment::plan_credit_write_off(&req, &facts, actor.now)
        .map_err(Error::Rejected)?;
    crate::ledger::adjustments::write_credit_with_id(tx, actor, &plan, id)?;
    Ok(RowResult::Imported)
}

/// The row to import when it differs from the row as read: from a CSV file, each text cell
/// without the `'` that a CSV export puts before a formula character (`'=1+1` reads back as
/// `=1+1`), so that an export reads back identical. JSON exports add no quote, so JSON rows
/// are imported as they are (None, as are CSV rows with no such cell: no copy). The row as
/// read still gives a row without an idempotency key its fingerprint, as before this
/// restoring: a file imported by an earlier payctl still adds nothing again.
fn restored(raw: &Value, csv: bool) -> Option<Value> {
    let Value::Object(map) = raw else {
        return None;
    };
    let quoted = |cell: &Value| matches!(cell, Value::String(s) if render::restore_formula(s).len() != s.len());
    if !csv || !map.values().any(quoted) {
        return None;
    }
    let mut value = raw.clone();
    if let Value::Object(map) = &mut value {
        for cell in map.values_mut() {
            if let Value::String(s) = cell {
                *s = render::restore_formula(s).to_string();
            }
        }
    }
    Some(value)
}

fn import_payment(
    tx: &Tx,
    batch: Option<&mut Batch>,
    actor: &Actor,
    payload: &Value,
    raw: &Value,
    allow_duplicate: bool,
) -> Result<RowResult> {
    let mut req = create_payment_from_json(payload, Source::Import).map_err(Error::Rejected)?;
    req.allow_duplicate = allow_duplicate;
    if let Some(problem) = req
        .idempotency_key
        .as_deref()
        .and_then(idempotency_key_problem)
    {
        return Err(Error::Rejected(vec![problem]));
    }
    let mut batch = batch;
    let key = row_key(
        tx,
        batch.as_deref_mut(),
        "payment",
        raw,
        req.idempotency_key.as_deref(),
    )?;
    req.idempotency_key = Some(key);
    let (_, replayed) = match batch {
        Some(batch) => super::payment::record_in_batch(batch, actor, &req)?,
        None => super::payment::record(tx, actor, &req)?,
    };
    Ok(if replayed {
        RowResult::AlreadyImported
    } else {
        RowResult::Imported
    })
}

fn import_attempt(
    tx: &Tx,
    batch: Option<&mut Batch>,
    actor: &Actor,
    raw: &Value,
    payload: Value,
    failed: bool,
    message: String,
) -> Result<RowResult> {
    // The message is stored: the same rules as any text field (no card numbers).
    if let Some(problem) = super::text_problem("PaymentNote", "message", &message, 500) {
        return Err(Error::Rejected(vec![problem]));
    }
    let mut batch = batch;
    let key = row_key(tx, batch.as_deref_mut(), "activity", raw, None)?;
    if bulk::import_key(tx, &key)?.is_some() {
        return Ok(RowResult::AlreadyImported);
    }
    let req = create_payment_from_json(&payload, Source::Import).map_err(Error::Rejected)?;
    // The attempt keeps the row's PaymentSource and PaymentReceivedDateTime, and its
    // CurrencyType must be the customer's, as for a payment.
    let new = NewAttempt {
        customer_id: req.customer_id,
        amount: req.amount,
        method: req.payment_method.unwrap_or(PaymentMethod::Cash),
        method_id: None,
        status: if failed {
            ActivityStatus::Failed
        } else {
            ActivityStatus::Unknown
        },
        message,
        source: req.source.as_str(),
    };
    let facts = activities::attempt_facts(tx, &new)?;
    let amount = plan_attempt(&new, &facts).map_err(Error::Rejected)?;
    if let Some(problem) = currency_problem(req.currency, req.customer_id, amount.currency()) {
        return Err(Error::Rejected(vec![problem]));
    }
    let effective = req
        .effective_timestamp
        .map_or_else(|| actor.now_text().to_string(), format_timestamp);
    // The batch's payments come first in the file, so they are written first: ids follow the
    // file. The flush comes after the checks, so a refused row (rolled back to its savepoint
    // with --rejects) cannot take the batch's rows with it.
    if let Some(batch) = batch {
        batch.flush(actor)?;
    }
    let id = activities::write_attempt_at(tx, actor, &new, amount, &effective)?;
    bulk::add_import_key(tx, &key, "activity", id, actor.now_text())?;
    Ok(RowResult::Attempt)
}

fn field<'a>(value: &'a Value, name: &str) -> Option<&'a Value> {
    value
        .as_object()?
        .iter()
        .find(|(k, _)| k.eq_ignore_ascii_case(name))
        .map(|(_, v)| v)
        .filter(|v| !v.is_null())
}

fn text_field(value: &Value, name: &str) -> Option<String> {
    field(value, name).map(|v| match v {
        Value::String(s) => s.trim().to_string(),
        other => other.to_string(),
    })
}

fn id_field(value: &Value, name: &str) -> Result<Option<i64>> {
    match text_field(value, name) {
        None => Ok(None),
        Some(t) => parse_id(&t)
            .map(Some)
            .ok_or_else(|| Error::rejected(name, format!("{name} {}", id_problem(&t)))),
    }
}

fn date_field(value: &Value, name: &str) -> Result<Option<chrono::DateTime<chrono::Utc>>> {
    match text_field(value, name) {
        None => Ok(None),
        Some(t) => parse_date(&t)
            .map(Some)
            .map_err(|e| Error::rejected(name, format!("{name} {e}"))),
    }
}

fn currency_field(value: &Value) -> Result<Option<Currency>> {
    match text_field(value, "currency") {
        None => Ok(None),
        Some(code) => Currency::from_code(&code).map(Some).ok_or_else(|| {
            Error::rejected(
                "currency",
                format!(
                    "currency '{}' is not an ISO 4217 currency code",
                    excerpt(&code)
                ),
            )
        }),
    }
}

/// Refuses a row of customers, invoices, methods or write-offs with a field it does not have,
/// or a field holding a JSON array or object (each of theirs is one value).
fn unknown_keys(value: &Value, known: &[&str]) -> Result<()> {
    if let Some(map) = value.as_object() {
        if let Some(k) = map
            .keys()
            .find(|k| !known.iter().any(|n| n.eq_ignore_ascii_case(k)))
        {
            return Err(Error::rejected(
                k.clone(),
                format!(
                    "unknown field '{}'; allowed fields are: {}",
                    excerpt(k),
                    known.join(", ")
                ),
            ));
        }
    }
    if let Some((key, message)) = value
        .as_object()
        .and_then(|map| crate::core::json::non_scalar_field(map, &[]))
    {
        return Err(Error::rejected(key, message));
    }
    Ok(())
}

/// An invoice row. On PostgreSQL the import's [`InvoiceBatch`] answers the row's reads from
/// what it read ahead of the run and stages the invoice (written a COPY per table per run); a
/// void invoice, and any row on SQLite, is written here, row by row. Both ask the same
/// questions in the same order, so a row is refused with the same words either way.
fn import_invoice(
    tx: &Tx,
    batch: Option<&mut InvoiceBatch>,
    actor: &Actor,
    running: &mut Running,
    value: &Value,
    raw: &Value,
    void: bool,
) -> Result<RowResult> {
    let mut batch = batch;
    unknown_keys(value, import::INVOICE_COLUMNS)?;
    let key = match batch.as_deref_mut() {
        Some(b) => {
            let fp = fingerprint("invoice", raw);
            format!("import:invoice:{fp}#{}", b.occurrence(&fp))
        }
        None => row_key(tx, None, "invoice", raw, None)?,
    };
    let stored = match batch.as_deref() {
        Some(b) => b.stored_key(&key)?,
        None => bulk::import_key(tx, &key)?,
    };
    if stored.is_some() {
        return Ok(RowResult::AlreadyImported);
    }
    let customer_id = id_field(value, "customerId")?
        .ok_or_else(|| Error::rejected("customerId", "customerId is required"))?;
    let total = field(value, "invoiceAmount")
        .ok_or_else(|| Error::rejected("invoiceAmount", "invoiceAmount is required"))?;
    let total = crate::core::money::decimal_from_json(total).map_err(|e| {
        Error::rejected(
            "invoiceAmount",
            format!(
                "invoiceAmount '{}' {e}",
                excerpt(&match total {
                    Value::String(s) => s.clone(),
                    other => other.to_string(),
                })
            ),
        )
    })?;
    // The amount's rules (positive, 12 integer digits, the currency's decimals) are checked
    // again when the invoice is added; here, so the message names the file's field.
    let currency = match (currency_field(value)?, batch.as_deref_mut()) {
        (Some(c), _) => c,
        (None, Some(b)) => b.currency(customer_id)?,
        (None, None) => customers::facts(tx, customer_id)?.currency,
    };
    crate::core::Money::from_decimal(total, currency)
        .map_err(|e| Error::rejected("invoiceAmount", format!("invoiceAmount '{total}' {e}")))?;
    let number = text_field(value, "invoiceNumber");
    if let Some(n) = &number {
        if let Some(p) = super::text_problem("invoiceNumber", "invoice number", n, 100) {
            return Err(Error::Rejected(vec![p]));
        }
    }
    let date = date_field(value, "effectiveTimestamp")?.unwrap_or(actor.now);
    match batch.as_deref_mut() {
        Some(b) => crate::core::period::check_open(
            "effectiveTimestamp",
            "invoice date",
            date,
            b.closed()?.as_ref(),
        )
        .map_err(|p| Error::Rejected(vec![p]))?,
        None => super::period::guard(tx, "effectiveTimestamp", "invoice date", date)?,
    }
    let due = date_field(value, "dueDate")?.unwrap_or(date);
    let new = NewInvoice {
        id: id_field(value, "id")?,
        number,
        customer_id,
        currency: currency_field(value)?,
        total,
        date,
        due: Due::On(due),
    };
    let facts = match batch.as_deref_mut() {
        Some(b) => b.add_facts(&new)?,
        None => invoices::add_facts(tx, &new)?,
    };
    let plan = invoice_rules::plan_invoice(&new, &facts).map_err(Error::Rejected)?;
    if let (Some(b), false) = (batch.as_deref_mut(), void) {
        b.stage(running, plan, key)?;
        return Ok(RowResult::Imported);
    }
    // A void invoice is written row by row (the batch was flushed before its row began).
    let id = invoices::write_counted(tx, actor, &plan, Some(running))?;
    if void {
        let invoice = invoices::closing_facts(tx, id)?;
        let plan = invoice_rules::plan_void(&invoice).map_err(Error::Rejected)?;
        invoices::write_closing(tx, actor, &plan, "void in the imported file", None)?;
    }
    bulk::add_import_key(tx, &key, "invoice", id, actor.now_text())?;
    if let Some(b) = batch {
        b.written(id, plan.customer_id, &plan.number, &key);
    }
    Ok(RowResult::Imported)
}

fn import_customer(tx: &Tx, actor: &Actor, value: &Value, raw: &Value) -> Result<RowResult> {
    unknown_keys(value, import::CUSTOMER_COLUMNS)?;
    let key = row_key(tx, None, "customer", raw, None)?;
    if bulk::import_key(tx, &key)?.is_some() {
        return Ok(RowResult::AlreadyImported);
    }
    let name = text_field(value, "name").unwrap_or_default();
    let email = text_field(value, "email").filter(|e| !e.is_empty());
    super::reject_any(
        std::iter::once(
            name.is_empty()
                .then(|| Problem::new("name", "name is required")),
        )
        .chain(customer_rules::details_problems(&name, email.as_deref())),
    )?;
    let order = match text_field(value, "autoAllocateOrder") {
        None => AllocationOrder::OldestToNewest,
        Some(t) => t.parse().map_err(|e: crate::core::enums::UnknownValue| {
            Error::rejected("autoAllocateOrder", format!("autoAllocateOrder {e}"))
        })?,
    };
    let new = NewCustomer {
        id: id_field(value, "id")?,
        name,
        email,
        currency: currency_field(value)?.unwrap_or(Currency::USD),
        order,
    };
    let facts = customers::add_facts(tx, &new)?;
    let plan = customer_rules::plan_customer(&new, &facts).map_err(Error::Rejected)?;
    let id = customers::write(tx, actor, &plan)?;
    bulk::add_import_key(tx, &key, "customer", id, actor.now_text())?;
    Ok(RowResult::Imported)
}

/// A payment method on file. A method is the same one when its id is (or, in a row without an
/// id, when the customer has a method with exactly its type, label, brand and last four
/// digits): then it was imported before and nothing is written. An id taken by a method with
/// other details refuses the row.
fn import_method(tx: &Tx, actor: &Actor, value: &Value) -> Result<RowResult> {
    unknown_keys(value, import::METHOD_COLUMNS)?;
    let customer_id = id_field(value, "customerId")?
        .ok_or_else(|| Error::rejected("customerId", "customerId is required"))?;
    let type_text =
        text_field(value, "type").ok_or_else(|| Error::rejected("type", "type is required"))?;
    let method_type: MethodType =
        type_text
            .parse()
            .map_err(|e: crate::core::enums::UnknownValue| {
                Error::rejected("type", format!("type {e}"))
            })?;
    // Label and brand as the file has them, untrimmed (`method add` keeps them so; a CSV
    // export's formula quote is already off, see `restored`): an exported method reads back
    // identical.
    let text = |name: &str| match field(value, name) {
        Some(Value::String(s)) if !s.is_empty() => Some(s.clone()),
        Some(Value::String(_)) | None => None,
        Some(other) => Some(other.to_string()),
    };
    let (label, brand, last4) = (text("label"), text("brand"), text_field(value, "last4"));
    super::reject_any(method_rules::details_problems(
        label.as_deref(),
        brand.as_deref(),
        last4.as_deref(),
    ))?;
    let make_default = match field(value, "isDefault") {
        None => false,
        Some(v) => bool_of(v).ok_or_else(|| {
            Error::rejected(
                "isDefault",
                format!(
                    "isDefault '{}' is not true or false",
                    excerpt(&text_field(value, "isDefault").unwrap_or_default())
                ),
            )
        })?,
    };
    let new = NewMethod {
        id: id_field(value, "id")?,
        customer_id,
        method_type,
        label,
        brand,
        last4,
        make_default,
    };
    let existing = match new.id {
        Some(id) => match methods::facts(tx, id)? {
            Some(_) => Some(methods::get(tx, id)?),
            None => None,
        },
        None => match methods::find_same(tx, &new)? {
            Some(id) => Some(methods::get(tx, id)?),
            None => None,
        },
    };
    let Some(m) = existing else {
        let facts = methods::add_facts(tx, &new)?;
        let plan = method_rules::plan_method(&new, &facts).map_err(Error::Rejected)?;
        methods::write(tx, actor, &plan)?;
        return Ok(RowResult::Imported);
    };
    match method_rules::imported_method_problem(&m, &new) {
        // Added before (isDefault counts only when a method is added).
        None => Ok(RowResult::AlreadyImported),
        Some(problem) => Err(Error::Rejected(vec![problem])),
    }
}

/// A write-off, imported after the payments: the invoice's outstanding balance must be the
/// amount written off, as it was when the write-off was made. An invoice already written off
/// by that amount was imported before; nothing is written.
fn import_write_off(tx: &Tx, actor: &Actor, value: &Value) -> Result<RowResult> {
    unknown_keys(value, import::WRITE_OFF_COLUMNS)?;
    let id = id_field(value, "invoiceId")?
        .ok_or_else(|| Error::rejected("invoiceId", "invoiceId is required"))?;
    let invoice = invoices::facts(tx, id)?.ok_or_else(|| invoices::not_found(id))?;
    if let Some(customer) = id_field(value, "customerId")? {
        if let Some(p) = invoice_rules::imported_customer_problem(&invoice, customer) {
            return Err(Error::Rejected(vec![p]));
        }
    }
    if let Some(currency) = currency_field(value)? {
        if let Some(p) = invoice_rules::imported_currency_problem(&invoice, currency) {
            return Err(Error::Rejected(vec![p]));
        }
    }
    let amount =
        field(value, "amount").ok_or_else(|| Error::rejected("amount", "amount is required"))?;
    let shown = excerpt(&match amount {
        Value::String(s) => s.clone(),
        other => other.to_string(),
    });
    let amount = crate::core::money::decimal_from_json(amount)
        .map_err(|e| Error::rejected("amount", format!("amount '{shown}' {e}")))?;
    let amount = crate::core::Money::from_decimal(amount, invoice.currency)
        .map_err(|e| Error::rejected("amount", format!("amount '{shown}' {e}")))?;
    let reason = text_field(value, "reason")
        .filter(|r| !r.is_empty())
        .unwrap_or_else(|| "written off in the imported file".to_string());
    if let Some(p) = super::text_problem("reason", "reason", &reason, 500) {
        return Err(Error::Rejected(vec![p]));
    }
    let effective_text = text_field(value, "effectiveTimestamp").unwrap_or_default();
    let write_off = invoice_rules::ImportedWriteOff {
        amount,
        effective: date_field(value, "effectiveTimestamp")?,
        effective_text: &effective_text,
    };
    let written_off = match invoice.status {
        InvoiceStatus::WrittenOff => invoices::written_off(tx, id)?,
        _ => 0,
    };
    let facts = invoice_rules::WriteOffFacts {
        invoice,
        written_off,
    };
    let plan = match invoice_rules::plan_imported_write_off(&write_off, &facts, actor.now)
        .map_err(Error::Rejected)?
    {
        invoice_rules::ImportedWriteOffPlan::AlreadyImported => {
            return Ok(RowResult::AlreadyImported)
        }
        invoice_rules::ImportedWriteOffPlan::Write(plan) => plan,
    };
    super::period::guard(
        tx,
        "effectiveTimestamp",
        "write-off dated",
        write_off.effective.unwrap_or(actor.now),
    )?;
    let effective = write_off
        .effective
        .map(crate::core::dates::format_timestamp);
    invoices::write_closing(tx, actor, &plan, &reason, effective.as_deref())?;
    Ok(RowResult::Imported)
}

fn open_input(path: &Path) -> Result<(Box<dyn Read>, Option<u64>)> {
    if path == Path::new("-") {
        return Ok((Box::new(io::stdin()), None));
    }
    let file = File::open(path)
        .map_err(|e| Error::usage("file", format!("cannot read {}: {e}", path.display())))?;
    let len = file.metadata().ok().map(|m| m.len());
    Ok((Box::new(file), len))
}

pub fn import(args: ImportArgs, ctx: &Ctx) -> Result<Outcome> {
    let format = detect_format(args.format.map(ImportFormat::from), &args.file)?;
    let kind = match args.kind {
        Kind::Payments => ImportKind::Payments,
        Kind::Invoices => ImportKind::Invoices,
        Kind::Customers => ImportKind::Customers,
        Kind::Methods => ImportKind::Methods,
        Kind::WriteOffs => ImportKind::WriteOffs,
        Kind::Adjustments => ImportKind::Adjustments,
        Kind::CreditWriteOffs => ImportKind::CreditWriteOffs,
    };
    if format == ImportFormat::Xml && kind != ImportKind::Payments {
        return Err(Error::usage(
            "format",
            "XML holds InvoiceMethodInsert payments only; use --kind payments",
        ));
    }
    if let Some(path) = &args.rejects {
        if path == Path::new("-") {
            return Err(Error::usage(
                "rejects",
                "--rejects '-': the rejects go to a file (stdout carries the import's summary); give a file name",
            ));
        }
        // Before anything is opened: the rejects file must not be the ledger or the input.
        output::check_target(
            "--rejects",
            "rejects",
            path,
            &ctx.ledger_path()?,
            &[&args.file],
        )?;
    }
    let (input, len) = open_input(&args.file)?;
    let progress = render::import::progress_bar(len);
    let input: Box<dyn Read> = match &progress {
        Some(bar) => Box::new(bar.wrap_read(input)),
        None => input,
    };
    let reader: Box<dyn BufRead> = Box::new(BufReader::with_capacity(1 << 16, input));
    let actor = ctx.actor();
    let mut ledger = ctx.ledger()?;
    let batch_rows = ctx.ledger_config()?.import_batch_rows;
    // No more than a batch holds, so that tests which make batches small (to cross their
    // boundaries) cross the read-ahead's too.
    let read_ahead_rows = READ_AHEAD_ROWS.min(batch_rows).max(1);
    let rejects_error = |e: &dyn std::fmt::Display| match &args.rejects {
        Some(path) => Error::storage(StorageKind::Write {
            what: format!("--rejects '{}'", path.display()),
            detail: format!("{e}; nothing was imported"),
        }),
        None => Error::storage(StorageKind::Write {
            what: "the rejects".to_owned(),
            detail: format!("{e}; nothing was imported"),
        }),
    };
    // Written to a temporary file and renamed into place inside the import's transaction,
    // just before it commits: if the rejects cannot be written, nothing is imported.
    let mut rejects = match &args.rejects {
        Some(path) => {
            let out = Output::create("--rejects", "rejects", path, "; nothing was imported")?;
            let mut w = csv::Writer::from_writer(out);
            w.write_record(["line", "reason", "record"])
                .map_err(|e| rejects_error(&e))?;
            Some(w)
        }
        None => None,
    };
    let mut summary = Summary {
        // Printed back: a card number in the file's name is shown masked (SPEC §3).
        file: crate::core::text::mask_card_numbers(&args.file.display().to_string()),
        kind: match kind {
            ImportKind::Payments => "payments",
            ImportKind::Invoices => "invoices",
            ImportKind::Customers => "customers",
            ImportKind::Methods => "methods",
            ImportKind::WriteOffs => "write-offs",
            ImportKind::Adjustments => "adjustments",
            ImportKind::CreditWriteOffs => "credit-write-offs",
        },
        dry_run: args.dry_run,
        ..Default::default()
    };
    let mut bad: Vec<Problem> = Vec::new();
    let mut listed_rows = 0usize;
    let path = args.file.clone();
    let dry_run = args.dry_run;
    let keep_good = rejects.is_some();
    let touched_wanted = match ctx.style.format {
        _ if ctx.quiet => 0,
        Format::Table | Format::Html => TOUCHED_SHOWN,
        Format::Json | Format::Jsonl | Format::Csv => usize::MAX,
    };
    // CSV and JSON Lines rows are named by their line; a JSON array's or an XML file's by
    // their position (record 3), since one record may span many lines.
    let unit = match format {
        ImportFormat::Csv | ImportFormat::Jsonl => "line",
        ImportFormat::Json | ImportFormat::Xml => "record",
    };
    // All or nothing (the default): a bad row is found before it writes anything, and any bad
    // row means the transaction is rolled back, so rows need no savepoints of their own; they
    // would copy every page a row touches into the statement journal. With --rejects, each row
    // is a savepoint so that a bad one leaves no trace while the good ones stay.
    // The tables a large import wrote, read before it commits: their statistics are brought up
    // to date after it (none for a smaller import or a dry run).
    let mut written: Option<Vec<String>> = None;
    let run = |tx: &Tx| -> Result<()> {
        bulk::begin_import(tx)?;
        // Payments are recorded in batches (src/ledger/batch.rs): the balance caches are kept
        // and checked set-wise instead of by a trigger per row.
        let mut batch = Batches {
            payments: match kind {
                ImportKind::Payments => Batch::new(tx, batch_rows)?.map(|mut b| {
                    if touched_wanted != usize::MAX {
                        b.forget_applied();
                    }
                    b
                }),
                _ => None,
            },
            // Invoices on PostgreSQL: read ahead and written a COPY per table per run
            // (src/ledger/batch_invoices.rs).
            invoices: match kind {
                ImportKind::Invoices => InvoiceBatch::new(tx),
                _ => None,
            },
        };
        // Without a batch (a team ledger), the allocation rows written after this mark are
        // the import's.
        let mark = invoices::allocation_mark(tx)?;
        // Invoices count their totals in memory and store them once, at the end.
        let mut running = Running::default();
        // On PostgreSQL the rows are read ahead, a run at a time, so that the batch reads
        // what they need with a statement per run (Batch::read_ahead), not per row.
        let mut ahead: Option<Vec<crate::formats::Row>> = batch
            .reads_ahead()
            .then(|| Vec::with_capacity(read_ahead_rows));
        let mut each = |(line, row): crate::formats::Row, batch: &mut Batches| -> Result<()> {
            summary.rows += 1;
            // A void invoice is written row by row: what the batch staged goes first, and
            // before the row's savepoint, which a refusal of the row rolls back to.
            if let (Some(b), Ok(value)) = (batch.invoices.as_mut(), &row) {
                if is_void(value) {
                    b.flush(&actor)?;
                }
            }
            if keep_good {
                tx.savepoint_start()?;
                batch.begin_row();
            }
            let (raw, outcome) = match row {
                Ok(value) => (
                    if keep_good {
                        value.to_string()
                    } else {
                        String::new()
                    },
                    import_row(
                        tx,
                        batch,
                        &mut running,
                        &actor,
                        kind,
                        value,
                        RowReading {
                            csv: format == ImportFormat::Csv,
                            allow_duplicate: args.allow_duplicate,
                        },
                    ),
                ),
                Err(reason) => (String::new(), Err(Ok(vec![reason]))),
            };
            match outcome {
                Ok(result) => {
                    if keep_good {
                        tx.savepoint_release()?;
                    }
                    running.keep();
                    match result {
                        RowResult::Imported => summary.imported += 1,
                        RowResult::AlreadyImported => summary.already_imported += 1,
                        RowResult::Attempt => summary.failed_attempts += 1,
                    }
                    Ok(())
                }
                Err(Ok(reasons)) => {
                    summary.rejected += 1;
                    running.forget();
                    if let Some(w) = rejects.as_mut() {
                        tx.savepoint_rollback()?;
                        // As the rollback undoes the row's count in `import_seen`.
                        batch.forget_row();
                        w.write_record([
                            line.to_string(),
                            // The reasons echo values masked already; a reason built
                            // from other text (a column name) is masked here too.
                            crate::core::text::mask_card_numbers(&reasons.join("; ")),
                            excerpt_record(raw),
                        ])
                        .map_err(|e| rejects_error(&e))?;
                    } else if bad.len() < MAX_LISTED && listed_rows == summary.rejected as usize - 1
                    {
                        // One line per problem (SPEC §1), each naming its row; rows in order,
                        // so once one does not fit, none after it is listed. A row with more
                        // problems than there is room for shows its first ones and how many
                        // more it has: left out whole, a first row of 49 problems (a payload
                        // with 30,000 bad allocations) left the refusal without any reason.
                        listed_rows += 1;
                        let room = MAX_LISTED - bad.len();
                        let shown = match reasons.len() > room {
                            true => room - 1,
                            false => reasons.len(),
                        };
                        let more = reasons.len() - shown;
                        bad.extend(reasons.into_iter().take(shown).map(|reason| {
                            Problem::new("line", format!("{unit} {line}: {reason}"))
                        }));
                        if more > 0 {
                            bad.push(Problem::new(
                                "line",
                                format!("{unit} {line}: … and {more} more problems"),
                            ));
                        }
                    }
                    Ok(())
                }
                Err(Err(e)) => Err(e),
            }
        };
        let run_ahead = |rows: &mut Vec<crate::formats::Row>,
                         batch: &mut Batches,
                         each: &mut dyn FnMut(crate::formats::Row, &mut Batches) -> Result<()>|
         -> Result<()> {
            if let Some(b) = batch.payments.as_mut() {
                let wanted: Vec<Ahead> = rows.iter().map(|(_, row)| ahead_of(b, row)).collect();
                b.read_ahead(&wanted)?;
            }
            if let Some(b) = batch.invoices.as_mut() {
                let wanted = invoices_ahead(b, rows);
                b.read_ahead(&actor, &wanted)?;
            }
            for item in rows.drain(..) {
                each(item, batch)?;
            }
            Ok(())
        };
        for_each_row(
            reader,
            format,
            kind,
            &path,
            &mut |item| match ahead.as_mut() {
                Some(rows) => {
                    rows.push(item);
                    if rows.len() >= read_ahead_rows {
                        run_ahead(rows, &mut batch, &mut each)?;
                    }
                    Ok(())
                }
                None => each(item, &mut batch),
            },
        )?;
        if let Some(rows) = ahead.as_mut() {
            run_ahead(rows, &mut batch, &mut each)?;
        }
        if let Some(b) = batch.invoices.as_mut() {
            b.flush(&actor)?;
        }
        running.store(tx)?;
        // The invoices the import applied money to, and how many: every one for JSON and
        // CSV, kept by the batch; for a table (or -q) only the first ones, read from the
        // ledger, so that memory does not grow with the invoices touched (B5).
        let applied = match batch.payments.take() {
            Some(batch) => match batch.finish(&actor)? {
                Some(all) => Some((all.len(), all)),
                None => {
                    let (first, all) = invoices::applied_first(tx, mark, touched_wanted)?;
                    Some((all, first))
                }
            },
            None if kind == ImportKind::Payments => {
                let all = invoices::applied_since(tx, mark)?;
                Some((all.len(), all))
            }
            None => None,
        };
        if let Some((all, applied)) = applied {
            // Read before the commit (or a dry run's rollback), once, and only as many as
            // will be printed: the table shows the first ones, -q none.
            let shown = applied.len().min(touched_wanted);
            summary.touched_invoices = Some(TouchedInvoiceView::all_from_facts(
                invoices::touched_now(tx, &applied[..shown])?,
            ));
            summary.touched_more = all - shown;
        }
        if !keep_good && summary.rejected > 0 {
            let mut problems = std::mem::take(&mut bad);
            if summary.rejected as usize > listed_rows {
                problems.push(Problem::new(
                    "file",
                    format!("… {} bad rows in all", summary.rejected),
                ));
            }
            problems.push(Problem::new(
                "file",
                format!("{}: nothing was imported (one transaction per file); fix the rows or use --rejects FILE", super::payment::shown_path(&path)),
            ));
            return Err(Error::Rejected(problems));
        }
        // Read before the rejects are renamed into place, which comes just before the commit.
        if !dry_run && summary.imported >= crate::ledger::ANALYZE_AFTER_ROWS {
            written = Some(bulk::written_tables(tx)?);
        }
        if let Some(w) = rejects.take() {
            w.into_inner()
                .map_err(|e| rejects_error(e.error()))?
                .finish()?;
        }
        Ok(())
    };
    ledger.set_cache_mib(IMPORT_CACHE_MIB)?;
    if dry_run {
        ledger.rehearse(run)?;
    } else {
        ledger.write(run)?;
        if let Some(tables) = &written {
            ledger.refresh_statistics(tables);
        }
    }
    if let Some(bar) = progress {
        bar.finish_and_clear();
    }
    if ctx.quiet {
        // -q silences every summary: the exit code says it was imported.
        return Ok(Outcome::read(String::new()));
    }
    let text = render::import::summary(ctx.style, &summary);
    Ok(Outcome::read(text))
}

pub fn export(args: ExportArgs, ctx: &Ctx) -> Result<Outcome> {
    let kind = match args.kind {
        ExportKind::Payments => "payments",
        ExportKind::Invoices => "invoices",
        ExportKind::Customers => "customers",
        ExportKind::Allocations => "allocations",
        ExportKind::Activities => "activities",
        ExportKind::Methods => "methods",
        ExportKind::WriteOffs => "write-offs",
        ExportKind::Adjustments => "adjustments",
        ExportKind::CreditWriteOffs => "credit-write-offs",
    };
    // `--to -` is stdout, as `-` is stdin for import.
    let to = args.to.as_deref().filter(|p| *p != Path::new("-"));
    if let Some(path) = to {
        output::check_target("--to", "to", path, &ctx.ledger_path()?, &[])?;
    }
    let mut ledger = ctx.ledger_existing()?;
    let out = match to {
        Some(path) => Output::create("--to", "to", path, "")?,
        None => Output::stdout(),
    };
    let label = out.label().to_string();
    let mut out = io::BufWriter::new(out);
    // `-o` is --format's default (SPEC §9): `export payments -o json` is JSON.
    let format = args.format.unwrap_or(match ctx.style.format {
        Format::Json => ExportFormat::Json,
        Format::Jsonl => ExportFormat::Jsonl,
        // `-o html` is refused before any command but the two reports runs.
        Format::Table | Format::Csv | Format::Html => ExportFormat::Csv,
    });
    let mut writer = ExportWriter::new(format.into(), kind);
    let io_err = |e: io::Error| {
        if e.kind() == io::ErrorKind::BrokenPipe {
            Error::BrokenPipe
        } else {
            Error::storage(StorageKind::Write {
                what: label.to_string(),
                detail: e.to_string(),
            })
        }
    };
    let result = ledger.read(|tx| {
        writer.start(&mut out).map_err(io_err)?;
        bulk::export(tx, kind, &mut |row| {
            writer.row(&mut out, row).map_err(io_err)
        })?;
        writer.finish(&mut out).map_err(io_err)?;
        out.flush().map_err(io_err)
    });
    let result = result.and_then(|()| {
        // A file appears, renamed into place, only once it is whole.
        out.into_inner()
            .map_err(|e| io_err(e.into_error()))?
            .finish()
    });
    let count = writer.count();
    match result {
        Err(Error::BrokenPipe) => Ok(Outcome::read(String::new())),
        Err(e) => Err(e),
        Ok(()) => Ok(Outcome::read(match to {
            // -q silences every summary.
            Some(_) if ctx.quiet => String::new(),
            Some(path) if ctx.style.format == Format::Table => {
                format!(
                    "Exported {count} {kind} to {}\n",
                    crate::core::text::mask_card_numbers(&path.display().to_string())
                )
            }
            _ => String::new(),
        })),
    }
}
