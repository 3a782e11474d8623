use super::context::{Ctx, Outcome};
use super::{dry_run_heading, reject_any, write_or_rehearse};
use crate::cli::InvoiceCommand;
use crate::core::edit::{plan_invoice_edit, InvoiceEdit};
use crate::core::invoice::{self as rules, Due, NewInvoice};
use crate::error::{Error, Result};
use crate::ledger::edits;
use crate::ledger::invoices::{self, InvoiceFilter};
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
