//! Allocate, unallocate, reallocate, refund, settle, void, activities, log and verify.

use super::context::{Ctx, Outcome};
use super::{dry_run_heading, reject_any, text_problem, write_or_rehearse};
use crate::cli::after::AttemptStatus;
use crate::cli::{
    ActivityCommand, AllocateArgs, ReallocateArgs, RefundArgs, SettleArgs, SettleStatus,
    UnallocateArgs,
};
use crate::core::views::PaymentView;
use crate::core::{ActivityStatus, Money, Source};
use crate::error::{Error, Problem, Result};
use crate::ledger::activities::{self, ActivityFilter, NewAttempt};
use crate::ledger::corrections::{self, RefundRequest};
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
    payment.touched_invoices = Some(invoices::touched_since(tx, mark, only)?);
    payment.dry_run = dry_run;
    Ok(payment)
}

pub fn allocate(args: AllocateArgs, ctx: &Ctx) -> Result<Outcome> {
    let dry_run = args.dry_run;
    if let Some(customer) = args.customer {
        let actor = ctx.actor();
        let touched = write_or_rehearse(ctx, dry_run, |tx| {
            let mark = invoices::allocation_mark(tx)?;
            let ids = corrections::allocate_customer(tx, &actor, customer, args.order)?;
            ids.into_iter()
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
            |tx, actor| corrections::allocate_one(tx, actor, id, invoice, amount),
            |p, applied| {
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
            |tx, actor| corrections::allocate_auto(tx, actor, id, args.order),
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
    let (id, invoice) = (args.id, args.invoice);
    on_payment(
        ctx,
        id,
        args.dry_run,
        |tx, actor| corrections::unallocate(tx, actor, id, invoice, args.amount),
        |p, taken| {
            format!(
                "Took {taken} {} of payment {id} back from invoice {invoice}",
                p.currency
            )
        },
    )
}

pub fn reallocate(args: ReallocateArgs, ctx: &Ctx) -> Result<Outcome> {
    let (id, from, to) = (args.id, args.from, args.to);
    on_payment(
        ctx,
        id,
        args.dry_run,
        |tx, actor| corrections::reallocate(tx, actor, id, from, to, args.amount),
        |p, moved| {
            format!(
                "Moved {moved} {} of payment {id} from invoice {from} to invoice {to}",
                p.currency
            )
        },
    )
}

pub fn refund(args: RefundArgs, ctx: &Ctx) -> Result<Outcome> {
    reject_any([args
        .reference
        .as_deref()
        .and_then(|r| text_problem("reference", "reference", r, 500))])?;
    let id = args.id;
    let dry_run = args.dry_run;
    let req = RefundRequest {
        amount: args.amount,
        method: args.method,
        reference: args.reference,
        from_invoices: args.from_invoice,
    };
    let actor = ctx.actor();
    let (refund_id, payment) = write_or_rehearse(ctx, dry_run, |tx| {
        let mark = invoices::allocation_mark(tx)?;
        let refund_id = corrections::refund(tx, &actor, id, &req)?;
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
    reject_any([args
        .message
        .as_deref()
        .and_then(|m| text_problem("message", "message", m, 500))])?;
    let id = args.id;
    let successful = args.status == SettleStatus::Successful;
    on_payment(
        ctx,
        id,
        args.dry_run,
        |tx, actor| corrections::settle(tx, actor, id, successful, args.message.as_deref()),
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
    // An empty reason is said to be empty, not also blank.
    reject_any([reason
        .trim()
        .is_empty()
        .then(|| {
            Problem::new(
                "reason",
                "reason is empty; say why (it is kept in the audit trail)",
            )
        })
        .or_else(|| text_problem("reason", "reason", &reason, 500))])?;
    on_payment(
        ctx,
        id,
        dry_run,
        |tx, actor| corrections::void(tx, actor, id, reason.trim()),
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
            // An empty message is said to be empty, not also blank.
            reject_any([args
                .message
                .trim()
                .is_empty()
                .then(|| {
                    Problem::new(
                        "message",
                        "message is empty; say what happened (\"card declined\")",
                    )
                })
                .or_else(|| text_problem("message", "message", &args.message, 500))])?;
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
                let id = activities::add_attempt(tx, &actor, &new)?;
                let all = activities::list(
                    tx,
                    &ActivityFilter {
                        customer: Some(customer),
                        ..Default::default()
                    },
                )?;
                all.into_iter()
                    .find(|a| a.id == id)
                    .ok_or_else(|| Error::Storage(format!("activity {id} vanished")))
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
