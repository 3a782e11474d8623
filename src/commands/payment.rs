use std::io::Read;
use std::path::Path;

use super::context::{Ctx, Outcome};
use super::{reject_any, write_or_rehearse};
use crate::cli::{CreateArgs, ListArgs};
use crate::core::json::{self, strip_bom, MAX_RECORD_BYTES};
use crate::core::payload::create_payment_from_json;
use crate::core::payment::{idempotency_key_problem, judge_replay, plan_payment, CreatePayment};
use crate::core::views::TouchedInvoiceView;
use crate::core::Source;
use crate::error::{Error, Result};
use crate::ledger::batch::Batch;
use crate::ledger::invoices;
use crate::ledger::payments::{self, PaymentFilter};
use crate::ledger::Actor;
use crate::ledger::Tx;
use crate::render;

/// The payment recorded earlier under `req`'s idempotency key, if it has one and the ledger
/// holds it as `stored` (fingerprint, payment id): that payment's id if the request is the
/// same, exit 4 if it is not (`core::payment::judge_replay`).
fn replayed(req: &CreatePayment, stored: Option<(String, i64)>) -> Result<Option<i64>> {
    match (&req.idempotency_key, stored) {
        (Some(key), Some((fingerprint, id))) => judge_replay(key, req, &fingerprint, id)
            .map(Some)
            .map_err(Error::IdempotencyConflict),
        _ => Ok(None),
    }
}

/// Records a payment (SPEC §5): the facts the ledger reads inside this (IMMEDIATE)
/// transaction, so the balances planned against are the balances written against; core's
/// plan or refusals; the ledger writes the plan. Returns the payment's id, and whether it was
/// recorded earlier under the same idempotency key (nothing new was written). A dry run runs
/// this very function in a transaction it rolls back, so what it prints is exactly what a
/// real run writes; an import without its batch calls it per row.
pub(crate) fn record(tx: &Tx, actor: &Actor, req: &CreatePayment) -> Result<(i64, bool)> {
    let req = &resolved(tx, req)?;
    if let Some(key) = &req.idempotency_key {
        if let Some(id) = replayed(req, payments::stored_key(tx, key)?)? {
            return Ok((id, true));
        }
    }
    let facts = payments::create_facts(tx, req)?;
    let plan = plan_payment(req, &facts, actor.now).map_err(Error::Rejected)?;
    Ok((payments::write(tx, actor, req, &plan)?, false))
}

/// `req` with the invoices its allocations name by id or number resolved to ids, among its
/// customer's invoices (SPEC §4), inside the writing transaction. Resolved before the
/// idempotency check: a replay that names an invoice by number is the request that named it
/// by id.
fn resolved(tx: &Tx, req: &CreatePayment) -> Result<CreatePayment> {
    let mut req = req.clone();
    invoices::resolve_allocations(tx, &mut req.allocations, req.customer_id)?;
    Ok(req)
}

/// [`record`] for an import's payments (src/ledger/batch.rs): the same rules, planned against
/// the batch's facts (what it has allocated and not yet written), and staged in the batch,
/// which writes them at its next flush.
pub(crate) fn record_in_batch(
    batch: &mut Batch,
    actor: &Actor,
    req: &CreatePayment,
) -> Result<(i64, bool)> {
    let req = &resolved(batch.tx(), req)?;
    if let Some(key) = &req.idempotency_key {
        if let Some(id) = replayed(req, batch.stored_key(key)?)? {
            return Ok((id, true));
        }
    }
    let facts = batch.facts(req)?;
    let plan = plan_payment(req, &facts, actor.now).map_err(Error::Rejected)?;
    Ok((batch.stage(actor, req, plan)?, false))
}

fn request_from_flags(args: &CreateArgs) -> Result<CreatePayment> {
    let (Some(customer_id), Some(amount)) = (args.customer, args.amount) else {
        // clap enforces both unless --json is given.
        return Err(Error::usage(
            "customerId",
            "--customer and --amount are required (or --json FILE)",
        ));
    };
    Ok(CreatePayment {
        customer_id,
        amount,
        currency: args.currency,
        payment_method: args.method,
        payment_method_id: args.method_id,
        use_default_payment_method: args.use_default_method,
        reference: args.reference.clone(),
        source: args.source,
        effective_timestamp: args.date,
        gateway_fee: args.gateway_fee,
        allocations: args.allocate.clone(),
        auto_allocate: args.auto_allocate,
        auto_allocate_order: args.order,
        idempotency_key: None,
        allow_duplicate: args.allow_duplicate,
    })
}

/// A file named in a message: `-` is stdin.
pub(crate) use crate::formats::shown_path;

/// Reads a whole file, or stdin for `-`: at most 1 MiB (`create --json /dev/zero` must not
/// take the machine's memory), without a UTF-8 byte-order mark in front.
pub(crate) fn read_input(path: &Path) -> Result<String> {
    let mut bytes = Vec::new();
    let shown = shown_path(path);
    let limit = MAX_RECORD_BYTES + 1;
    let res = if path == Path::new("-") {
        std::io::stdin().take(limit).read_to_end(&mut bytes)
    } else {
        std::fs::File::open(path).and_then(|f| f.take(limit).read_to_end(&mut bytes))
    };
    if let Err(e) = res {
        return Err(Error::usage("json", format!("cannot read {shown}: {e}")));
    }
    if bytes.len() as u64 > MAX_RECORD_BYTES {
        return Err(Error::rejected(
            "payload",
            format!(
                "{shown} is longer than 1 MiB ({MAX_RECORD_BYTES} bytes), the most payctl reads for one payload"
            ),
        ));
    }
    match String::from_utf8(bytes) {
        Ok(text) => Ok(strip_bom(&text).to_string()),
        Err(_) => Err(Error::rejected(
            "payload",
            format!("{shown} is not UTF-8 text"),
        )),
    }
}

fn request_from_payload(path: &Path, source: Source) -> Result<CreatePayment> {
    let text = read_input(path)?;
    let (value, repeated) = json::parse(&text).map_err(|e| {
        Error::rejected(
            "payload",
            format!("{} is not valid JSON: {e}", shown_path(path)),
        )
    })?;
    if let Some(repeated) = repeated {
        return Err(Error::rejected(repeated.key, repeated.message));
    }
    if value.is_array() {
        return Err(Error::rejected(
            "payload",
            "--json takes one Create Payment payload (a JSON object), not a list",
        ));
    }
    if crate::core::import::is_invoice_method_insert(&value) {
        return Err(Error::rejected(
            "payload",
            format!(
                "{} is an InvoiceMethodInsert body, not a Create Payment payload; load it with: payctl import {}",
                shown_path(path),
                path.display()
            ),
        ));
    }
    create_payment_from_json(&value, source).map_err(Error::Rejected)
}

pub fn create(args: CreateArgs, ctx: &Ctx) -> Result<Outcome> {
    let mut req = match &args.json {
        Some(path) => request_from_payload(path, args.source)?,
        None => request_from_flags(&args)?,
    };
    if let Some(flag_key) = &args.idempotency_key {
        if req.idempotency_key.as_ref().is_some_and(|k| k != flag_key) {
            return Err(Error::usage(
                "idempotencyKey",
                format!("--idempotency-key '{flag_key}' differs from the payload's idempotencyKey; give one"),
            ));
        }
        req.idempotency_key = Some(flag_key.clone());
    }
    req.allow_duplicate |= args.allow_duplicate;
    if let Some(key) = &req.idempotency_key {
        reject_any([idempotency_key_problem(key)])?;
    }
    let actor = ctx.actor();
    let dry_run = args.dry_run;
    let created = write_or_rehearse(ctx, dry_run, |tx| {
        let mark = invoices::allocation_mark(tx)?;
        let (id, replayed) = record(tx, &actor, &req)?;
        let mut payment = payments::get(tx, id)?;
        // A replay writes nothing and prints the payment as `show` does.
        if !replayed {
            payment.touched_invoices = Some(TouchedInvoiceView::all_from_facts(
                invoices::touched_since(tx, mark, None)?,
            ));
        }
        Ok((payment, replayed))
    })?;
    let (mut payment, replayed) = created;
    // payments::get always gives the id of the payment it read.
    let id = payment.id.unwrap_or_default();
    let heading = if replayed {
        format!(
            "Payment {id} was already recorded with idempotency key '{}'; nothing new was written",
            req.idempotency_key.as_deref().unwrap_or_default()
        )
    } else if dry_run {
        // Rolled back: the ids it took are only the ones the next payment would take.
        payment.id = None;
        payment.payment_activity_id = None;
        payment.uri = None;
        payment.dry_run = true;
        "Dry run: nothing was written. This payment would be recorded:".to_string()
    } else {
        format!("Recorded payment {id}")
    };
    Ok(Outcome {
        id: payment.id,
        text: render::payment_outcome(&payment, ctx.style, &heading),
    })
}

pub fn list(args: ListArgs, ctx: &Ctx) -> Result<Outcome> {
    let filter = PaymentFilter {
        customer: args.customer,
        method: args.method,
        source: args.source,
        from: args.from,
        to: args.to,
        unallocated: args.unallocated,
        limit: args.limit.map(i64::from),
        offset: i64::from(args.offset),
    };
    let mut ledger = ctx.ledger_existing()?;
    let list = ledger.read(|tx| payments::list(tx, &filter))?;
    Ok(Outcome::read(render::list(&list, ctx.style)))
}

pub fn show(id: i64, ctx: &Ctx) -> Result<Outcome> {
    let mut ledger = ctx.ledger_existing()?;
    let payment = ledger.read(|tx| payments::get(tx, id))?;
    Ok(Outcome::read(render::one(&payment, ctx.style, None)))
}
