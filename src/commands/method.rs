use super::context::{Ctx, Outcome};
use super::{reject_any, text_problem};
use crate::cli::MethodCommand;
use crate::core::text::{completes_card_number, excerpt};
use crate::error::{Problem, Result};
use crate::ledger::methods::{self, NewMethod};
use crate::render;

/// What is wrong with a method's label, brand and last four digits, for `method add` and for
/// an import of methods: no card numbers (also none made of a label or brand and the last
/// four digits beside it), bounded text, exactly four digits.
pub(crate) fn details_problems(
    label: Option<&str>,
    brand: Option<&str>,
    last4: Option<&str>,
) -> [Option<Problem>; 5] {
    let split = |key: &str, text: Option<&str>| {
        let (text, last4) = (
            text?,
            last4.filter(|v| v.len() == 4 && v.chars().all(|c| c.is_ascii_digit()))?,
        );
        completes_card_number(text, last4).then(|| {
            Problem::new(
                key,
                format!(
                    "{key} '{}' and last4 '{last4}' together make a card number; payctl never stores card numbers (keep only the last four digits, in last4)",
                    excerpt(&format!("{text} {last4}"))
                        .strip_suffix(&format!(" {last4}"))
                        .unwrap_or("…"),
                ),
            )
        })
    };
    [
        label.and_then(|v| text_problem("label", "label", v, 100)),
        brand.and_then(|v| text_problem("brand", "brand", v, 100)),
        last4
            .filter(|v| v.len() != 4 || !v.chars().all(|c| c.is_ascii_digit()))
            .map(|v| Problem::new("last4", format!("last4 '{}' must be exactly 4 digits (the last four of the card or account)", excerpt(v)))),
        split("label", label),
        split("brand", brand),
    ]
}

pub fn run(command: MethodCommand, ctx: &Ctx) -> Result<Outcome> {
    match command {
        MethodCommand::Add(args) => {
            reject_any(details_problems(
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
                let id = methods::add(tx, &actor, &new)?;
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
