use super::context::{Ctx, Outcome};
use super::reject_any;
use crate::cli::MethodCommand;
use crate::core::method::{self as rules, NewMethod};
use crate::error::{Error, Result};
use crate::ledger::methods;
use crate::render;

pub fn run(command: MethodCommand, ctx: &Ctx) -> Result<Outcome> {
    match command {
        MethodCommand::Add(args) => {
            reject_any(rules::details_problems(
                args.label.as_deref(),
                args.brand.as_deref(),
                args.last4.as_deref(),
            ))?;
            // Opened after the checks: a refused command does not even create the ledger.
            let mut ledger = ctx.ledger()?;
            let new = NewMethod {
                id: args.id,
                customer_id: args.customer,
                method_type: args.method_type,
                label: args.label,
                brand: args.brand,
                last4: args.last4,
                make_default: args.default,
            };
            let actor = ctx.actor();
            let view = ledger.write(|tx| {
                let facts = methods::add_facts(tx, &new)?;
                let plan = rules::plan_method(&new, &facts).map_err(Error::Rejected)?;
                let id = methods::write(tx, &actor, &plan)?;
                methods::get(tx, id)
            })?;
            Ok(Outcome {
                id: Some(view.id),
                text: render::one(
                    &view,
                    ctx.style,
                    Some(&format!("Added payment method {}", view.id)),
                ),
            })
        }
        MethodCommand::List { customer } => {
            let list = ctx
                .ledger_existing()?
                .read(|tx| methods::list(tx, customer))?;
            Ok(Outcome::read(render::list(&list, ctx.style)))
        }
        MethodCommand::SetDefault { id } => {
            let actor = ctx.actor();
            let view = ctx
                .ledger()?
                .write(|tx| methods::set_default(tx, &actor, id))?;
            Ok(Outcome {
                id: Some(view.id),
                text: render::one(
                    &view,
                    ctx.style,
                    Some(&format!(
                        "Payment method {id} is now the default of customer {}",
                        view.customer_id
                    )),
                ),
            })
        }
    }
}
