//! Allocate, unallocate, reallocate, refund, settle, void, activities, log and verify.

use super::context::{Ctx, Outcome};
use super::{dry_run_heading, reject_any, write_or_rehearse};
use crate::cli::after::AttemptStatus;
use crate::cli::{
    ActivityCommand, AllocateArgs, ReallocateArgs, RefundArgs, SettleArgs, SettleStatus,
    UnallocateArgs,
};
use crate::core::activity::{message_problem, plan_attempt, NewAttempt};
use crate::core::corrections::{
    self as rules, AllocateOne, Reallocate, RefundRequest, Refusal, Settle, Unallocate, Void,
};
use crate::core::invoice_ref::InvoiceRef;
use crate::core::views::PaymentView;
use crate::core::views::TouchedInvoiceView;
use crate::core::{ActivityStatus, Money, Source};
use crate::error::{Error, Problem, Result, StorageKind};
use crate::ledger::activities::{self, ActivityFilter};
use crate::ledger::corrections;
use crate::ledger::Tx;
use crate::ledger::{audit, customers, invoices, payments, verify};
use crate::render;

/// Runs a write on one payment (or, with `dry_run`, rehearses it) and shows the payment
/// afterwards with every invoice the write touched, as each is after it.
fn on_payment<T>(
    ctx: &Ctx,
    id: i64,
    dry_run: bool,
    f: impl FnOnce(&Tx, &crate::ledger::Actor) -> Result<T>,
    heading: impl FnOnce(&PaymentView, T) -> String,
) -> Result<Outcome> {
    let actor = ctx.actor();
    let (value, payment) = write_or_rehearse(ctx, dry_run, |tx| {
        super::period::guard(tx, "effectiveTimestamp", "change dated", actor.now)?;
        let mark = invoices::allocation_mark(tx)?;
        let value = f(tx, &actor)?;
        Ok((value, payment_after(tx, id, mark, None, dry_run)?))
    })?;
    let heading = dry_run_heading(dry_run, heading(&payment, value));
    Ok(Outcome {
        id: (!dry_run).then_some(id),
        text: render::payment_outcome(&payment, ctx.style, &heading),
    })
}

/// A planner's refusal as payctl's error: a rejection (exit 1), or an invoice the request names
/// that does not exist (exit 3).
fn refused(refusal: Refusal) -> Error {
    match refusal {
        Refusal::Rejected(problems) => Error::Rejected(problems),
        Refusal::NotFound(problem) => Error::NotFound(problem),
        Refusal::InvoiceNotFound(id) => invoices::not_found(id),
    }
}

/// The invoice `reference` names (SPEC §4) among the invoices of payment `payment`'s
/// customer. For a payment that does not exist, an id reading stands, and the planner's own
/// refusal names the payment.
fn invoice_of_payment(tx: &Tx, payment: i64, reference: &InvoiceRef) -> Result<i64> {
    match payments::customer_of(tx, payment)? {
        Some(customer) => invoices::resolve(tx, reference, Some(customer)),
        None => reference
            .id_reading()
            .ok_or_else(|| payments::not_found(payment)),
    }
}

/// Payment `id` as it is after a command, with the invoices the allocation rows written
/// since `mark` touched (those of `only`'s payment, if given).
fn payment_after(
    tx: &Tx,
    id: i64,
    mark: i64,
    only: Option<i64>,
    dry_run: bool,
) -> Result<PaymentView> {
    let mut payment = payments::get(tx, id)?;
    payment.touched_invoices = Some(TouchedInvoiceView::all_from_facts(invoices::touched_since(
        tx, mark, only,
    )?));
    payment.dry_run = dry_run;
    Ok(payment)
}

pub fn allocate(args: AllocateArgs, ctx: &Ctx) -> Result<Outcome> {
    let dry_run = args.dry_run;
    if let Some(customer) = args.customer {
        let actor = ctx.actor();
        let touched = write_or_rehearse(ctx, dry_run, |tx| {
            super::period::guard(tx, "effectiveTimestamp", "change dated", actor.now)?;
            let mark = invoices::allocation_mark(tx)?;
            let facts = corrections::customer_funds_facts(tx, customer)?;
            let plans = rules::plan_allocate_customer(args.order, &facts);
            for plan in &plans {
                corrections::write_auto(tx, &actor, plan)?;
            }
            plans
                .iter()
                .map(|plan| plan.payment.id)
                .map(|id| payment_after(tx, id, mark, Some(id), dry_run))
                .collect::<Result<Vec<_>>>()
        })?;
        let heading = dry_run_heading(
            dry_run,
            format!(
                "Allocated the available funds of customer {customer} from {} payment{}",
                touched.len(),
                if touched.len() == 1 { "" } else { "s" }
            ),
        );
        return Ok(Outcome::read(render::payments_outcome(
            &touched, ctx.style, &heading,
        )));
    }
    let Some(id) = args.id else {
        return Err(Error::usage(
            "paymentId",
            "give a payment id, or --customer N --auto",
        ));
    };
    match (args.invoice, args.amount) {
        (Some(invoice), Some(amount)) => on_payment(
            ctx,
            id,
            dry_run,
            |tx, actor| {
                let invoice = invoice_of_payment(tx, id, &invoice)?;
                let req = AllocateOne {
                    payment_id: id,
                    invoice_id: invoice,
                    amount,
                };
                let facts = corrections::allocate_facts(tx, &req)?;
                let plan = rules::plan_allocate(&req, &facts).map_err(refused)?;
                Ok((corrections::write_allocate(tx, actor, &plan)?, invoice))
            },
            |p, (applied, invoice)| {
                format!(
                    "Allocated {applied} {} of payment {id} to invoice {invoice}",
                    p.currency
                )
            },
        ),
        _ => on_payment(
            ctx,
            id,
            dry_run,
            |tx, actor| {
                let facts = corrections::auto_facts(tx, id)?;
                let plan = rules::plan_allocate_auto(args.order, &facts).map_err(refused)?;
                corrections::write_auto(tx, actor, &plan)
            },
            |p, applied| {
                format!(
                    "Allocated {} {} of payment {id} automatically",
                    Money::from_minor(applied, p.currency),
                    p.currency
                )
            },
        ),
    }
}

pub fn unallocate(args: UnallocateArgs, ctx: &Ctx) -> Result<Outcome> {
    let id = args.id;
    on_payment(
        ctx,
        id,
        args.dry_run,
        |tx, actor| {
            let invoice = invoice_of_payment(tx, id, &args.invoice)?;
            let req = Unallocate {
                payment_id: id,
                invoice_id: invoice,
                amount: args.amount,
            };
            let facts = corrections::unallocate_facts(tx, &req)?;
            let plan = rules::plan_unallocate(&req, &facts).map_err(refused)?;
            Ok((corrections::write_unallocate(tx, actor, &plan)?, invoice))
        },
        |p, (taken, invoice)| {
            format!(
                "Took {taken} {} of payment {id} back from invoice {invoice}",
                p.currency
            )
        },
    )
}

pub fn reallocate(args: ReallocateArgs, ctx: &Ctx) -> Result<Outcome> {
    let id = args.id;
    on_payment(
        ctx,
        id,
        args.dry_run,
        |tx, actor| {
            let from = invoice_of_payment(tx, id, &args.from)?;
            let to = invoice_of_payment(tx, id, &args.to)?;
            let req = Reallocate {
                payment_id: id,
                from,
                to,
                amount: args.amount,
            };
            // Two invoices before any is read: a payment not found does not hide it.
            if let Some(problem) = req.same_invoice_problem() {
                return Err(Error::Rejected(vec![problem]));
            }
            let facts = corrections::reallocate_facts(tx, &req)?;
            let plan = rules::plan_reallocate(&req, &facts).map_err(refused)?;
            Ok((corrections::write_reallocate(tx, actor, &plan)?, (from, to)))
        },
        |p, (moved, (from, to))| {
            format!(
                "Moved {moved} {} of payment {id} from invoice {from} to invoice {to}",
                p.currency
            )
        },
    )
}

pub fn refund(args: RefundArgs, ctx: &Ctx) -> Result<Outcome> {
    let id = args.id;
    let dry_run = args.dry_run;
    let req = RefundRequest {
        payment_id: id,
        amount: args.amount,
        method: args.method,
        reference: args.reference,
        from_invoices: args.from_invoice,
    };
    reject_any([req.reference_problem()])?;
    let actor = ctx.actor();
    let (refund_id, payment) = write_or_rehearse(ctx, dry_run, |tx| {
        super::period::guard(tx, "effectiveTimestamp", "change dated", actor.now)?;
        let mark = invoices::allocation_mark(tx)?;
        let mut req = req.clone();
        if let Some(customer) = payments::customer_of(tx, id)? {
            invoices::resolve_allocations(tx, &mut req.from_invoices, customer)?;
        }
        let facts = corrections::refund_facts(tx, &req)?;
        let plan = rules::plan_refund(&req, &facts).map_err(refused)?;
        let refund_id = corrections::write_refund(tx, &actor, &plan)?;
        Ok((refund_id, payment_after(tx, id, mark, None, dry_run)?))
    })?;
    let refunded = payment
        .refunds
        .iter()
        .find(|r| r.id == refund_id)
        .map(|r| r.amount.to_string())
        .unwrap_or_default();
    let heading = dry_run_heading(
        dry_run,
        format!(
            "Refunded {refunded} {} of payment {id} (refund {refund_id})",
            payment.currency
        ),
    );
    Ok(Outcome {
        // A dry run's refund id is only the one the next refund would take.
        id: (!dry_run).then_some(refund_id),
        text: render::payment_outcome(&payment, ctx.style, &heading),
    })
}

pub fn settle(args: SettleArgs, ctx: &Ctx) -> Result<Outcome> {
    let id = args.id;
    let successful = args.status == SettleStatus::Successful;
    let req = Settle {
        payment_id: id,
        successful,
        message: args.message,
    };
    reject_any([req.message_problem()])?;
    on_payment(
        ctx,
        id,
        args.dry_run,
        |tx, actor| {
            let facts = corrections::reversal_facts(tx, id)?;
            let plan = rules::plan_settle(&req, &facts).map_err(refused)?;
            corrections::write_settle(tx, actor, &plan)
        },
        |_, ()| {
            if successful {
                format!("Payment {id} settled")
            } else {
                format!("Payment {id} failed settlement (NSF): its allocations were reversed")
            }
        },
    )
}

pub fn void(id: i64, reason: String, dry_run: bool, ctx: &Ctx) -> Result<Outcome> {
    reject_any([Void::reason_problem(&reason)])?;
    on_payment(
        ctx,
        id,
        dry_run,
        |tx, actor| {
            let req = Void {
                payment_id: id,
                reason: reason.trim().to_string(),
            };
            let facts = corrections::reversal_facts(tx, id)?;
            let plan = rules::plan_void(&req, &facts).map_err(refused)?;
            corrections::write_void(tx, actor, &plan)
        },
        |_, ()| format!("Voided payment {id}"),
    )
}

pub fn activity(command: ActivityCommand, ctx: &Ctx) -> Result<Outcome> {
    match command {
        ActivityCommand::List {
            customer,
            status,
            transaction_type,
        } => {
            let filter = ActivityFilter {
                customer,
                status,
                transaction_type,
            };
            let list = ctx
                .ledger_existing()?
                .read(|tx| activities::list(tx, &filter))?;
            Ok(Outcome::read(render::list(&list, ctx.style)))
        }
        ActivityCommand::Add(args) => {
            reject_any([message_problem(&args.message)])?;
            let new = NewAttempt {
                customer_id: args.customer,
                amount: args.amount,
                method: args.method,
                method_id: args.method_id,
                status: match args.status {
                    AttemptStatus::Failed => ActivityStatus::Failed,
                    AttemptStatus::Unknown => ActivityStatus::Unknown,
                },
                message: args.message.trim().to_string(),
                source: Source::Manual.as_str(),
            };
            let actor = ctx.actor();
            let customer = args.customer;
            let view = ctx.ledger()?.write(|tx| {
                let facts = activities::attempt_facts(tx, &new)?;
                let amount = plan_attempt(&new, &facts).map_err(Error::Rejected)?;
                let id = activities::write_attempt(tx, &actor, &new, amount)?;
                let all = activities::list(
                    tx,
                    &ActivityFilter {
                        customer: Some(customer),
                        ..Default::default()
                    },
                )?;
                all.into_iter().find(|a| a.id == id).ok_or_else(|| {
                    Error::storage(StorageKind::Internal {
                        detail: format!("activity {id} vanished"),
                    })
                })
            })?;
            Ok(Outcome {
                id: Some(view.id),
                text: render::one(
                    &view,
                    ctx.style,
                    Some(&format!("Recorded activity {}", view.id)),
                ),
            })
        }
    }
}

pub fn log(customer: Option<i64>, payment: Option<i64>, ctx: &Ctx) -> Result<Outcome> {
    let mut ledger = ctx.ledger_existing()?;
    let events = ledger.read(|tx| {
        // A mistyped id is not found (exit 3), as in `payctl list`, rather than an empty log
        // that reads as "nothing happened".
        if let Some(id) = customer {
            if !customers::exists(tx, id)? {
                return Err(customers::not_found(id));
            }
        }
        if let Some(id) = payment {
            payments::get(tx, id)?;
        }
        audit::list(tx, customer, payment)
    })?;
    Ok(Outcome::read(render::list(&events, ctx.style)))
}

pub fn verify(ctx: &Ctx) -> Result<Outcome> {
    let mut ledger = ctx.ledger_existing()?;
    let report = ledger.read(verify::run)?;
    for warning in &report.warnings {
        eprintln!("warning: {warning}");
    }
    if !report.problems.is_empty() {
        return Err(Error::Rejected(
            report
                .problems
                .into_iter()
                .map(|p| Problem::new("verify", p))
                .collect(),
        ));
    }
    let counts = report
        .counts
        .iter()
        .map(|(t, n)| format!("{n} {t}"))
        .collect::<Vec<_>>()
        .join(", ");
    let document = || {
        serde_json::json!({
            "ok": true,
            "checks": report.checked,
            "counts": report.counts.iter().map(|(t, n)| (t.clone(), serde_json::json!(n))).collect::<serde_json::Map<_, _>>(),
        })
    };
    let text = match ctx.style.format {
        render::Format::Json => render::json(&document()),
        render::Format::Jsonl => render::json_line(&document()),
        render::Format::Csv => {
            let mut out = String::from("check,result\n");
            for check in &report.checked {
                out.push_str(&format!("{check},ok\n"));
            }
            out
        }
        render::Format::Table | render::Format::Html => {
            let mut out = format!("ledger OK: {counts}\n");
            for check in &report.checked {
                out.push_str(&format!("  ok  {check}\n"));
            }
            out
        }
    };
    Ok(Outcome::read(text))
}
