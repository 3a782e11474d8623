use super::context::{Ctx, Outcome};
use crate::cli::CustomerCommand;
use crate::core::customer::{self as rules, NewCustomer};
use crate::core::edit::{plan_customer_edit, CustomerEdit};
use crate::error::{Error, Result};
use crate::ledger::{customers, edits};
use crate::render;

pub fn run(command: CustomerCommand, ctx: &Ctx) -> Result<Outcome> {
    match command {
        CustomerCommand::Add(args) => {
            let name = args.name.trim().to_string();
            let problems = rules::add_problems(&name, args.email.as_deref());
            if !problems.is_empty() {
                return Err(Error::Rejected(problems));
            }
            // Opened after the checks: a refused command does not even create the ledger.
            let mut ledger = ctx.ledger()?;
            let new = NewCustomer {
                id: args.id,
                name,
                email: args.email,
                currency: args.currency,
                order: args.order,
            };
            let actor = ctx.actor();
            let view = ledger.write(|tx| {
                let facts = customers::add_facts(tx, &new)?;
                let plan = rules::plan_customer(&new, &facts).map_err(Error::Rejected)?;
                let id = customers::write(tx, &actor, &plan)?;
                customers::get(tx, id)
            })?;
            Ok(Outcome {
                id: Some(view.id),
                text: render::one(
                    &view,
                    ctx.style,
                    Some(&format!("Added customer {}", view.id)),
                ),
            })
        }
        CustomerCommand::List => {
            let list = ctx.ledger_existing()?.read(customers::list)?;
            Ok(Outcome::read(render::list(&list, ctx.style)))
        }
        CustomerCommand::Edit(args) => {
            let edit = CustomerEdit {
                name: args.name,
                email: args.email,
                order: args.order,
            };
            let actor = ctx.actor();
            let changes = super::write_or_rehearse(ctx, args.dry_run, |tx| {
                let current = edits::customer_record(tx, args.id)?;
                let changes = plan_customer_edit(&edit, &current).map_err(Error::Rejected)?;
                edits::write_customer(tx, &actor, args.id, &changes)?;
                Ok(changes)
            })?;
            super::edit_outcome(ctx, "customer", args.id, changes, args.dry_run)
        }
        CustomerCommand::Show { id } => {
            let view = ctx.ledger_existing()?.read(|tx| customers::get(tx, id))?;
            Ok(Outcome::read(render::one(&view, ctx.style, None)))
        }
    }
}
