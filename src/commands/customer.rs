use super::context::{Ctx, Outcome};
use super::{reject_any, text_problem};
use crate::cli::CustomerCommand;
use crate::core::text::excerpt;
use crate::error::{Problem, Result};
use crate::ledger::customers::{self, NewCustomer};
use crate::render;

pub fn run(command: CustomerCommand, ctx: &Ctx) -> Result<Outcome> {
    match command {
        CustomerCommand::Add(args) => {
            let name = args.name.trim().to_string();
            let empty_name = name
                .is_empty()
                .then(|| Problem::new("name", "name is empty; give the customer's name"));
            reject_any(
                std::iter::once(empty_name).chain(details_problems(&name, args.email.as_deref())),
            )?;
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
                let id = customers::add(tx, &actor, &new)?;
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
        CustomerCommand::Show { id } => {
            let view = ctx.ledger_existing()?.read(|tx| customers::get(tx, id))?;
            Ok(Outcome::read(render::one(&view, ctx.style, None)))
        }
    }
}

/// What is wrong with a customer's name (beyond being empty) and email, for `customer add`
/// and for an import of customers: bounded text without card numbers or control characters,
/// and an email that looks like one.
pub(crate) fn details_problems(name: &str, email: Option<&str>) -> [Option<Problem>; 3] {
    [
        text_problem("name", "name", name, 200),
        email.and_then(|e| text_problem("email", "email", e, 254)),
        email.filter(|e| !is_plausible_email(e)).map(|e| {
            Problem::new(
                "email",
                format!(
                    "email '{}' is not an email address (name@example.com)",
                    excerpt(e)
                ),
            )
        }),
    ]
}

/// One `@` with text on both sides and a dot in the domain: enough to catch a swapped field,
/// without pretending to validate deliverability.
fn is_plausible_email(text: &str) -> bool {
    match text.split_once('@') {
        Some((local, domain)) => {
            !local.is_empty()
                && domain.contains('.')
                && !domain.starts_with('.')
                && !domain.ends_with('.')
                && !domain.contains('@')
                && !text.contains(' ')
        }
        None => false,
    }
}
