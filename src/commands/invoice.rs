use super::context::{Ctx, Outcome};
use super::{dry_run_heading, reject_any, write_or_rehearse};
use crate::cli::{CreditCommand, InvoiceCommand};
use crate::core::adjustment::{self, AdjustmentKind, AdjustmentRequest, CreditWriteOffRequest};
use crate::core::edit::{plan_invoice_edit, InvoiceEdit};
use crate::core::invoice::{self as rules, Due, NewInvoice};
use crate::core::invoice_ref::InvoiceRef;
use crate::core::views::{CreditWriteOffPartView, CreditWriteOffView};
use crate::core::Money;
use crate::error::{Error, Problem, Result};
use crate::ledger::invoices::{self, InvoiceFilter};
use crate::ledger::{adjustments, edits};
use crate::render;

pub fn run(command: InvoiceCommand, ctx: &Ctx) -> Result<Outcome> {
    match command {
        InvoiceCommand::Add(args) => {
            reject_any([args.number.as_deref().and_then(rules::number_problem)])?;
            // Opened after the checks: a refused command does not even create the ledger.
            let mut ledger = ctx.ledger()?;
            let date = args.date.unwrap_or(ctx.now);
            let due = match (args.due, args.terms) {
                (Some(at), _) => Due::On(at),
                (None, Some(days)) => Due::NetDays(days),
                (None, None) => Due::On(date),
            };
            let new = NewInvoice {
                id: args.id,
                number: args.number,
                customer_id: args.customer,
                currency: args.currency,
                total: args.total,
                date,
                due,
            };
            let actor = ctx.actor();
            let now = ctx.now;
            let view = ledger.write(|tx| {
                super::period::guard(tx, "effectiveTimestamp", "invoice date", new.date)?;
                let facts = invoices::add_facts(tx, &new)?;
                let plan = rules::plan_invoice(&new, &facts).map_err(Error::Rejected)?;
                let id = invoices::write(tx, &actor, &plan)?;
                invoices::get(tx, id, now)
            })?;
            Ok(Outcome {
                id: Some(view.id),
                text: render::one(
                    &view,
                    ctx.style,
                    Some(&format!("Added invoice {}", view.id)),
                ),
            })
        }
        InvoiceCommand::Edit(args) => {
            let edit = InvoiceEdit {
                // Stored as `invoice add` stores a number: trimmed.
                number: args
                    .number
                    .map(|n| crate::core::invoice_ref::normalized_number(&n).to_string()),
                due: match (args.due, args.terms) {
                    (Some(at), _) => Some(Due::On(at)),
                    (None, Some(days)) => Some(Due::NetDays(days)),
                    (None, None) => None,
                },
            };
            let actor = ctx.actor();
            let (id, changes) = write_or_rehearse(ctx, args.dry_run, |tx| {
                let id = invoices::resolve(tx, &args.id, None)?;
                let facts = edits::invoice_facts(tx, id, edit.number.as_deref())?;
                let (number, due, changes) =
                    plan_invoice_edit(&edit, &facts).map_err(Error::Rejected)?;
                edits::write_invoice(tx, &actor, &facts, number.as_deref(), due, &changes)?;
                Ok((id, changes))
            })?;
            super::edit_outcome(ctx, "invoice", id, changes, args.dry_run)
        }
        InvoiceCommand::List(args) => {
            let filter = InvoiceFilter {
                customer: args.customer,
                status: args.status,
                overdue: args.overdue,
            };
            let as_of = args.as_of.unwrap_or(ctx.now);
            let list = ctx
                .ledger_existing()?
                .read(|tx| invoices::list(tx, &filter, as_of))?;
            Ok(Outcome::read(render::list(&list, ctx.style)))
        }
        InvoiceCommand::Show { id, as_of } => {
            let view = ctx.ledger_existing()?.read(|tx| {
                let id = invoices::resolve(tx, &id, None)?;
                invoices::get(tx, id, as_of.unwrap_or(ctx.now))
            })?;
            Ok(Outcome::read(render::one(&view, ctx.style, None)))
        }
        InvoiceCommand::Void {
            id,
            reason,
            dry_run,
        } => {
            reject_any([rules::reason_problem(&reason)])?;
            let actor = ctx.actor();
            // Opened after the checks: a refused command does not even create the ledger.
            let mut view = write_or_rehearse(ctx, dry_run, |tx| {
                let id = invoices::resolve(tx, &id, None)?;
                super::period::guard(tx, "effectiveTimestamp", "void dated", actor.now)?;
                let invoice = invoices::closing_facts(tx, id)?;
                let plan = rules::plan_void(&invoice).map_err(Error::Rejected)?;
                invoices::write_closing(tx, &actor, &plan, reason.trim(), None)?;
                invoices::get(tx, id, actor.now)
            })?;
            view.dry_run = dry_run;
            let id = view.id;
            let heading = dry_run_heading(dry_run, format!("Voided invoice {id}"));
            Ok(Outcome {
                id: (!dry_run).then_some(id),
                text: render::invoice_outcome(&view, ctx.style, &heading),
            })
        }
        InvoiceCommand::WriteOff {
            id,
            reason,
            amount: Some(amount),
            date,
            dry_run,
        } => adjust(
            ctx,
            &id,
            AdjustmentRequest {
                invoice_id: 0,
                kind: AdjustmentKind::WriteOff,
                amount,
                reason,
                date,
            },
            dry_run,
        ),
        InvoiceCommand::CreditNote(args) => adjust(
            ctx,
            &args.id,
            AdjustmentRequest {
                invoice_id: 0,
                kind: AdjustmentKind::CreditNote,
                amount: args.amount,
                reason: args.reason,
                date: args.date,
            },
            args.dry_run,
        ),
        InvoiceCommand::DebitNote(args) => adjust(
            ctx,
            &args.id,
            AdjustmentRequest {
                invoice_id: 0,
                kind: AdjustmentKind::DebitNote,
                amount: args.amount,
                reason: args.reason,
                date: args.date,
            },
            args.dry_run,
        ),
        InvoiceCommand::WriteOff {
            id,
            reason,
            amount: None,
            date: _,
            dry_run,
        } => {
            reject_any([rules::reason_problem(&reason)])?;
            let actor = ctx.actor();
            // Opened after the checks: a refused command does not even create the ledger.
            let mut view = write_or_rehearse(ctx, dry_run, |tx| {
                let id = invoices::resolve(tx, &id, None)?;
                super::period::guard(tx, "effectiveTimestamp", "write-off dated", actor.now)?;
                let invoice = invoices::closing_facts(tx, id)?;
                let plan = rules::plan_write_off(&invoice).map_err(Error::Rejected)?;
                invoices::write_closing(tx, &actor, &plan, reason.trim(), None)?;
                invoices::get(tx, id, actor.now)
            })?;
            view.dry_run = dry_run;
            let id = view.id;
            let heading = dry_run_heading(
                dry_run,
                format!(
                    "Wrote off {} {} of invoice {id}",
                    view.written_off_amount
                        .map(|m| m.to_string())
                        .unwrap_or_default(),
                    view.currency
                ),
            );
            Ok(Outcome {
                id: (!dry_run).then_some(id),
                text: render::invoice_outcome(&view, ctx.style, &heading),
            })
        }
    }
}

/// `invoice credit-note`, `invoice debit-note` and `invoice write-off --amount`: one
/// adjustment row, planned by core against the invoice as it is inside the write transaction;
/// prints the invoice with its new balance and status (a dry run too).
fn adjust(
    ctx: &Ctx,
    reference: &InvoiceRef,
    req: AdjustmentRequest,
    dry_run: bool,
) -> Result<Outcome> {
    reject_any([rules::reason_problem(&req.reason)])?;
    let actor = ctx.actor();
    let mut view = write_or_rehearse(ctx, dry_run, |tx| {
        let id = invoices::resolve(tx, reference, None)?;
        let req = AdjustmentRequest {
            invoice_id: id,
            ..req.clone()
        };
        let label = match req.kind {
            AdjustmentKind::CreditNote => "credit note dated",
            AdjustmentKind::DebitNote => "debit note dated",
            AdjustmentKind::WriteOff => "write-off dated",
        };
        let when = req.date.unwrap_or(actor.now);
        super::period::guard(tx, "effectiveTimestamp", label, when)?;
        let invoice = invoices::closing_facts(tx, id)?;
        let plan = adjustment::plan_adjustment(&req, &invoice, actor.now)
            .map_err(|problems| Error::Rejected(with_hints(problems, &req)))?;
        adjustments::write(tx, &actor, &plan)?;
        invoices::get(tx, id, actor.now)
    })?;
    let id = view.id;
    view.dry_run = dry_run;
    let amount = Money::from_decimal(req.amount, view.currency)
        .map(|m| m.to_string())
        .unwrap_or_else(|_| req.amount.to_string());
    let said = match req.kind {
        AdjustmentKind::CreditNote => {
            format!("Credited {amount} {} to invoice {id}", view.currency)
        }
        AdjustmentKind::DebitNote => format!("Debited {amount} {} to invoice {id}", view.currency),
        AdjustmentKind::WriteOff => {
            format!("Wrote off {amount} {} of invoice {id}", view.currency)
        }
    };
    let heading = dry_run_heading(
        dry_run,
        format!(
            "{said}: it owes {} {}, {}",
            view.outstanding_balance, view.currency, view.status
        ),
    );
    Ok(Outcome {
        id: (!dry_run).then_some(id),
        text: render::invoice_outcome(&view, ctx.style, &heading),
    })
}

/// The hint a refused credit note needs, added here at the edge: money paid on the invoice
/// must be unallocated before a credit note can take it below that.
fn with_hints(mut problems: Vec<Problem>, req: &AdjustmentRequest) -> Vec<Problem> {
    if req.kind == AdjustmentKind::CreditNote {
        for p in problems.iter_mut().filter(|p| p.key == "amount") {
            if p.message.contains("below what is paid") {
                p.message.push_str(&format!(
                    "; unallocate first: payctl unallocate PAYMENT --invoice {}",
                    req.invoice_id
                ));
            }
        }
    }
    problems
}

/// `credit write-off`: takes unapplied credit from the customer's oldest settled payments.
pub fn run_credit(command: CreditCommand, ctx: &Ctx) -> Result<Outcome> {
    let CreditCommand::WriteOff(args) = command;
    reject_any([rules::reason_problem(&args.reason)])?;
    let req = CreditWriteOffRequest {
        customer_id: args.customer,
        amount: args.amount,
        reason: args.reason,
        date: args.date,
    };
    let actor = ctx.actor();
    let dry_run = args.dry_run;
    let view = write_or_rehearse(ctx, dry_run, |tx| {
        let when = req.date.unwrap_or(actor.now);
        super::period::guard(tx, "effectiveTimestamp", "credit write-off dated", when)?;
        let facts = adjustments::credit_facts(tx, req.customer_id)?;
        let plan =
            adjustment::plan_credit_write_off(&req, &facts, actor.now).map_err(Error::Rejected)?;
        let id = adjustments::write_credit(tx, &actor, &plan)?;
        let currency = facts.currency;
        let payments = plan
            .parts
            .iter()
            .map(|&(payment_id, taken)| {
                let left = facts
                    .sources
                    .iter()
                    .find(|s| s.payment_id == payment_id)
                    .map_or(0, |s| s.unallocated - taken);
                CreditWriteOffPartView {
                    payment_id,
                    amount: Money::from_minor(taken, currency),
                    unallocated_amount: Money::from_minor(left, currency),
                }
            })
            .collect();
        let customer = crate::ledger::customers::get(tx, req.customer_id)?;
        Ok(CreditWriteOffView {
            id: (!dry_run).then_some(id),
            customer_id: req.customer_id,
            amount: plan.amount,
            currency,
            reason: plan.reason.clone(),
            effective_timestamp: crate::core::dates::format_timestamp(plan.effective),
            payments,
            available_funds: customer.available_funds,
            dry_run,
        })
    })?;
    let heading = dry_run_heading(
        dry_run,
        format!(
            "Wrote off {} {} of customer {}'s unapplied credit: {} {} left",
            view.amount, view.currency, view.customer_id, view.available_funds, view.currency
        ),
    );
    Ok(Outcome {
        id: view.id,
        text: render::credit_write_off_outcome(&view, ctx.style, &heading),
    })
}
