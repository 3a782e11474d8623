//! `payctl bank match` and `payctl bank apply` (SPEC §11): read the facts in one transaction,
//! let core decide (`core::bank_match::propose`; `core::payment::plan_payment` through
//! `payment::record`, the very path of `create`), write what it decided.

use std::collections::BTreeMap;

use super::context::{Ctx, Outcome};
use super::payment::{record, record_in_batch};
use super::{dry_run_heading, write_or_rehearse};
use crate::cli::BankApplyArgs;
use crate::core::bank_match::{propose, LineFacts, Proposal, ProposalView};
use crate::core::payment::{AllocationSpec, CreatePayment, MAX_REFERENCE};
use crate::core::text::{contains_card_number, is_bidi_control, is_blank, mask_card_numbers};
use crate::core::views::{PaymentView, TouchedInvoiceView};
use crate::core::{Money, PaymentMethod, Source};
use crate::error::{Error, Result, StorageKind};
use crate::ledger::bank_match::{self as bank, BankLine};
use crate::ledger::batch::{Ahead, Batch};
use crate::ledger::{invoices, payments, Actor, Tx};
use crate::render;

/// Suggested lines whose facts a batch reads ahead at once on PostgreSQL (their customers'
/// open sets and their idempotency keys: a statement per kind, not per line).
const READ_AHEAD_LINES: usize = 500;

/// What `bank apply --suggested` returns per payment: its id alone (`-q`), or its view.
enum Applied {
    Id(i64),
    View(Box<PaymentView>),
}

/// `bank apply LINE ...` or `bank apply --suggested`.
pub fn apply(args: BankApplyArgs, ctx: &Ctx) -> Result<Outcome> {
    match args.suggested {
        true => apply_suggested(args.dry_run, ctx),
        false => apply_line(args, ctx),
    }
}

pub fn match_lines(dry_run: bool, ctx: &Ctx) -> Result<Outcome> {
    let actor = ctx.actor();
    let (views, run) = write_or_rehearse(ctx, dry_run, |tx| {
        let facts = bank::match_facts(tx)?;
        if facts.lines.is_empty() {
            return Ok((Vec::new(), None));
        }
        let proposals = propose(
            &facts.lines,
            &facts.invoices,
            &facts.customers,
            &facts.history,
        );
        let run = bank::next_run(tx)?;
        bank::store_proposals(tx, &actor, run, &proposals)?;
        let numbers: BTreeMap<i64, String> = facts
            .invoices
            .iter()
            .map(|i| (i.id, i.number.clone()))
            .collect();
        let lines: BTreeMap<i64, &LineFacts> = facts.lines.iter().map(|l| (l.id, l)).collect();
        let views: Vec<ProposalView> = proposals
            .iter()
            .filter_map(|p| {
                let line = lines.get(&p.line_id)?;
                Some(ProposalView::new(
                    line,
                    p,
                    (!dry_run).then_some(run),
                    &numbers,
                ))
            })
            .collect();
        Ok((views, Some(run)))
    })?;
    let heading = match run {
        None => "No bank lines to match: every line is applied or ignored".to_string(),
        Some(run) => {
            let count = |reason: &str| views.iter().filter(|v| v.reason == reason).count();
            let suggested = views.len() - count("ambiguous") - count("none");
            dry_run_heading(
                dry_run,
                format!(
                    "Bank match run {run}: {} line{}, {suggested} suggested, {} ambiguous, {} unmatched",
                    views.len(),
                    if views.len() == 1 { "" } else { "s" },
                    count("ambiguous"),
                    count("none")
                ),
            )
        }
    };
    let text = match ctx.style.format {
        render::Format::Table | render::Format::Html => {
            let mut text = format!("{heading}\n");
            if !views.is_empty() {
                text.push_str(&render::list(&views, ctx.style));
            }
            text
        }
        _ => render::list(&views, ctx.style),
    };
    Ok(Outcome {
        id: if dry_run { None } else { run },
        text,
    })
}

/// What a payment made from a bank line says as its reference: the bank's own reference for
/// the line, else (a line the bank gave no id, stored under a fingerprint) its remittance
/// text; control characters become spaces, card numbers are masked, at most 500 characters.
fn reference_of(line: &BankLine) -> Option<String> {
    let raw = if line.bank_ref.starts_with("fp:") {
        line.facts.remittance.clone()?
    } else {
        line.bank_ref.clone()
    };
    let cleaned: String = raw
        .chars()
        .map(|c| {
            if c.is_control() || is_bidi_control(c) {
                ' '
            } else {
                c
            }
        })
        .collect();
    let masked = mask_card_numbers(cleaned.trim());
    let cut: String = masked.chars().take(MAX_REFERENCE).collect();
    let cut = cut.trim().to_string();
    (!is_blank(&cut) && !contains_card_number(&cut)).then_some(cut)
}

/// The `create` request a bank line makes: DirectDeposit, source Import, the line's amount,
/// currency and booking date, and the idempotency key `bank:` + the bank's id of the line, so
/// that applying a line twice replays the first payment.
fn request(
    line: &BankLine,
    customer_id: i64,
    allocations: Vec<AllocationSpec>,
    auto_allocate: bool,
) -> Result<CreatePayment> {
    let effective = crate::core::dates::parse_date(&line.facts.booking_date).map_err(|_| {
        Error::storage(StorageKind::BadValue {
            what: format!(
                "bank line {} with a bad booking date {:?}",
                line.facts.id, line.facts.booking_date
            ),
        })
    })?;
    Ok(CreatePayment {
        customer_id,
        amount: Money::from_minor(line.facts.amount, line.facts.currency).to_decimal(),
        currency: Some(line.facts.currency),
        payment_method: Some(PaymentMethod::DirectDeposit),
        payment_method_id: None,
        use_default_payment_method: false,
        reference: reference_of(line),
        source: Source::Import,
        effective_timestamp: Some(effective),
        gateway_fee: None,
        allocations,
        auto_allocate,
        auto_allocate_order: None,
        idempotency_key: Some(format!("bank:{}", line.bank_ref)),
        // SPEC §10's duplicate rule holds here too: a check entered by hand and then found on
        // the statement is the same money; `bank ignore` records why the line is not applied.
        allow_duplicate: false,
    })
}

fn proposal_specs(line: &BankLine, proposal: &Proposal) -> Vec<AllocationSpec> {
    proposal
        .allocations
        .iter()
        .map(|(invoice_id, minor)| AllocationSpec {
            named: None,
            invoice_id: *invoice_id,
            amount: Money::from_minor(*minor, line.facts.currency)
                .to_decimal()
                .normalize(),
        })
        .collect()
}

/// Line `id` may be applied: not ignored; an applied line only replays the same request.
fn refuse_ignored(line: &BankLine) -> Result<()> {
    if line.event.as_deref() == Some("ignored") {
        return Err(Error::rejected(
            "line",
            format!(
                "bank line {} is ignored; an ignored line is never applied",
                line.facts.id
            ),
        ));
    }
    Ok(())
}

/// Records `req` for `line` (the path of `create`) and marks the line applied. Returns the
/// payment as `create` prints it, and whether it replayed an earlier apply.
fn apply_one(
    tx: &Tx,
    actor: &Actor,
    line: &BankLine,
    req: &CreatePayment,
) -> Result<(PaymentView, bool)> {
    let mark = invoices::allocation_mark(tx)?;
    let (id, replayed) = record(tx, actor, req)?;
    if !replayed {
        bank::record_applied(tx, actor, line, id, req.customer_id)?;
    }
    let mut payment = payments::get(tx, id)?;
    if !replayed {
        payment.touched_invoices = Some(TouchedInvoiceView::all_from_facts(
            invoices::touched_since(tx, mark, None)?,
        ));
    }
    Ok((payment, replayed))
}

fn apply_line(args: BankApplyArgs, ctx: &Ctx) -> Result<Outcome> {
    let Some(line_id) = args.line else {
        // clap requires LINE unless --suggested.
        return Err(Error::usage("line", "give a bank LINE id, or --suggested"));
    };
    let actor = ctx.actor();
    let explicit = args.customer.is_some() || !args.allocate.is_empty() || args.auto_allocate;
    let (payment, replayed) = write_or_rehearse(ctx, args.dry_run, |tx| {
        let line = bank::line(tx, line_id)?;
        refuse_ignored(&line)?;
        let proposal = bank::newest_proposal(tx, line_id)?;
        let req = if explicit {
            let customer = match (
                args.customer,
                proposal.as_ref().and_then(|p| p.proposal.customer_id),
            ) {
                (Some(c), _) | (None, Some(c)) => c,
                (None, None) => {
                    return Err(Error::rejected(
                        "customer",
                        format!(
                        "bank line {line_id} has no proposal naming a customer; give --customer N"
                    ),
                    ))
                }
            };
            request(&line, customer, args.allocate.clone(), args.auto_allocate)?
        } else {
            let Some(stored) = proposal.filter(|p| p.proposal.reason.is_match()) else {
                let why = bank::newest_proposal(tx, line_id)?
                    .map(|p| {
                        format!(
                            "its newest proposal (run {}) is {}: {}",
                            p.run,
                            p.proposal.reason.as_str(),
                            p.proposal.detail
                        )
                    })
                    .unwrap_or_else(|| "no match has proposed anything for it yet".to_string());
                return Err(Error::rejected(
                    "line",
                    format!("bank line {line_id} has no proposal to apply: {why}; give --customer N with --allocate INV=AMOUNT or --auto-allocate"),
                ));
            };
            let customer = stored.proposal.customer_id.unwrap_or_default();
            request(
                &line,
                customer,
                proposal_specs(&line, &stored.proposal),
                false,
            )?
        };
        let applied = apply_one(tx, &actor, &line, &req);
        match (applied, line.payment_id) {
            // An applied line asked for again with another request: its payment stands.
            (Err(Error::IdempotencyConflict(_)), Some(payment_id)) => Err(Error::rejected(
                "line",
                format!("bank line {line_id} is already applied as payment {payment_id}, with a different customer or allocations; void that payment first to apply it otherwise"),
            )),
            (applied, _) => applied,
        }
    })?;
    let mut payment = payment;
    let id = payment.id.unwrap_or_default();
    let heading = if replayed {
        format!("Bank line {line_id} was already applied as payment {id}; nothing new was written")
    } else if args.dry_run {
        payment.id = None;
        payment.payment_activity_id = None;
        payment.uri = None;
        payment.dry_run = true;
        format!(
            "Dry run: nothing was written. Bank line {line_id} would be recorded as this payment:"
        )
    } else {
        format!("Applied bank line {line_id} as payment {id}")
    };
    Ok(Outcome {
        id: payment.id,
        text: render::payment_outcome(&payment, ctx.style, &heading),
    })
}

fn apply_suggested(dry_run: bool, ctx: &Ctx) -> Result<Outcome> {
    let actor = ctx.actor();
    let batch_rows = ctx.ledger_config()?.import_batch_rows;
    let quiet = ctx.quiet;
    let (mut applied, skipped) = write_or_rehearse(ctx, dry_run, |tx| {
        let mut skipped: Vec<String> = Vec::new();
        let suggested = bank::suggested(tx)?;
        let mark = invoices::allocation_mark(tx)?;
        // The lines' payments go through an import's batch (src/ledger/batch.rs): each
        // planned by `create`'s rules (`record_in_batch`) against the balances as the lines
        // before it left them, written a table at a time. A proposal that no longer fits is
        // refused by the plan before anything of it is staged, so it is skipped, never
        // forced, and the others go on.
        let mut recorded: Vec<(BankLine, i64, bool, i64)> = Vec::with_capacity(suggested.len());
        {
            let mut batch = Batch::new(tx, batch_rows)?.ok_or_else(|| {
                Error::storage(StorageKind::Internal {
                    detail: "no payment batch on this ledger".to_string(),
                })
            })?;
            for run in suggested.chunks(READ_AHEAD_LINES) {
                let mut requests = Vec::with_capacity(run.len());
                for (line, stored) in run {
                    let customer = stored.proposal.customer_id.unwrap_or_default();
                    requests.push(request(
                        line,
                        customer,
                        proposal_specs(line, &stored.proposal),
                        false,
                    )?);
                }
                if batch.reads_ahead() {
                    let ahead: Vec<Ahead> = requests
                        .iter()
                        .map(|r| Ahead {
                            customer: Some(r.customer_id),
                            key: r.idempotency_key.clone(),
                            amount: Some(r.amount),
                            reference: r.reference.clone(),
                        })
                        .collect();
                    batch.read_ahead(&ahead)?;
                }
                for ((line, stored), req) in run.iter().zip(&requests) {
                    match record_in_batch(&mut batch, &actor, req) {
                        Ok((id, replayed)) => {
                            recorded.push((line.clone(), id, replayed, req.customer_id))
                        }
                        Err(e @ (Error::Rejected(_) | Error::IdempotencyConflict(_))) => {
                            skipped.push(format!(
                                "bank line {} skipped: its proposal (run {}) no longer fits: {}",
                                line.facts.id,
                                stored.run,
                                e.to_string().replace('\n', "; ")
                            ));
                        }
                        Err(e) => return Err(e),
                    }
                }
            }
            batch.finish(&actor)?;
        }
        // The payments exist now: each line is marked applied (with its audit event), as a
        // single `bank apply` marks it.
        let marks: Vec<(&BankLine, i64, i64)> = recorded
            .iter()
            .filter(|(_, _, replayed, _)| !replayed)
            .map(|(line, id, _, customer)| (line, *id, *customer))
            .collect();
        bank::record_applied_many(tx, &actor, &marks)?;
        if quiet {
            let ids = recorded
                .iter()
                .map(|(_, id, _, _)| Applied::Id(*id))
                .collect();
            return Ok((ids, skipped));
        }
        let mut touched = bank::touched_by_payment(tx, mark)?;
        let mut views = Vec::with_capacity(recorded.len());
        for (_, id, replayed, _) in &recorded {
            let mut payment = payments::get(tx, *id)?;
            if !replayed {
                payment.touched_invoices = Some(TouchedInvoiceView::all_from_facts(
                    touched.remove(id).unwrap_or_default(),
                ));
            }
            views.push(Applied::View(Box::new(payment)));
        }
        Ok((views, skipped))
    })?;
    for line in &skipped {
        eprintln!("warning: {line}");
    }
    // -q: the new payments' ids, one a line (`for id in $(payctl bank apply --suggested -q)`).
    if quiet {
        let ids = applied
            .iter()
            .filter(|_| !dry_run)
            .filter_map(|a| match a {
                Applied::Id(id) => Some(format!("{id}\n")),
                Applied::View(p) => p.id.map(|id| format!("{id}\n")),
            })
            .collect();
        return Ok(Outcome {
            id: None,
            text: ids,
        });
    }
    let mut applied: Vec<PaymentView> = applied
        .drain(..)
        .filter_map(|a| match a {
            Applied::View(p) => Some(*p),
            Applied::Id(_) => None,
        })
        .collect();
    if dry_run {
        for p in &mut applied {
            p.id = None;
            p.payment_activity_id = None;
            p.uri = None;
            p.dry_run = true;
        }
    }
    let total: Option<i64> =
        crate::core::money::checked_sum(applied.iter().map(|p| p.amount.minor()));
    let heading = dry_run_heading(
        dry_run,
        format!(
            "Applied {} bank line{}{}{}",
            applied.len(),
            if applied.len() == 1 { "" } else { "s" },
            match (total, applied.first()) {
                (Some(t), Some(p)) if applied.iter().all(|q| q.currency == p.currency) =>
                    format!(" ({} {})", Money::from_minor(t, p.currency), p.currency),
                _ => String::new(),
            },
            if skipped.is_empty() {
                String::new()
            } else {
                format!("; {} skipped (see above)", skipped.len())
            }
        ),
    );
    let text = render::payments_outcome(&applied, ctx.style, &heading);
    Ok(Outcome { id: None, text })
}
