//! `payctl period close | list | reopen` (SPEC §10), and the guard every dated write runs.

use chrono::{DateTime, Utc};

use super::context::{Ctx, Outcome};
use super::{dry_run_heading, reject_any, text_problem, write_or_rehearse};
use crate::cli::PeriodCommand;
use crate::core::corrections::MAX_NOTE;
use crate::core::period::{check_open, plan_close, plan_reopen, PeriodEvent};
use crate::error::{Error, Result, StorageKind};
use crate::ledger::{periods, Tx};
use crate::render;

/// Refuses a write whose business date `when` (field `key`, called `label`) is in a closed
/// period, read in the write transaction `tx` (exit 1; the hint that says how to reopen it is
/// added where the error is printed, `commands::hint`).
pub(crate) fn guard(tx: &Tx, key: &str, label: &str, when: DateTime<Utc>) -> Result<()> {
    let closed = periods::closed(tx)?;
    check_open(key, label, when, closed.as_ref()).map_err(|p| Error::Rejected(vec![p]))
}

pub fn run(command: PeriodCommand, ctx: &Ctx) -> Result<Outcome> {
    match command {
        PeriodCommand::List => {
            let mut ledger = ctx.ledger_existing()?;
            let events = ledger.read(periods::list)?;
            Ok(Outcome::read(render::list(&events, ctx.style)))
        }
        PeriodCommand::Close { date, dry_run } => {
            let actor = ctx.actor();
            let today = actor.now.date_naive();
            let (event, written) = write_or_rehearse(ctx, dry_run, |tx| {
                let closed = periods::closed(tx)?;
                match plan_close(date, today, closed.as_ref())
                    .map_err(|p| Error::Rejected(vec![p]))?
                {
                    Some(through) => Ok((
                        periods::write(tx, &actor, "close", date, Some(through), None)?,
                        true,
                    )),
                    // Already closed: there is a last event, the one that closed it.
                    None => {
                        let last = periods::list(tx)?.pop();
                        last.map(|e| (e, false)).ok_or_else(|| {
                            Error::storage(StorageKind::Internal {
                                detail: "period_events holds no close".to_string(),
                            })
                        })
                    }
                }
            })?;
            if written {
                return outcome(
                    ctx,
                    event,
                    dry_run,
                    format!("Closed the period through {date}"),
                );
            }
            let through = event.closed_through.clone().unwrap_or_default();
            let heading = format!(
                "{date} is already closed (closed through {through}); nothing was written. The close in force:"
            );
            Ok(Outcome::read(render::one(
                &event,
                ctx.style,
                Some(&heading),
            )))
        }
        PeriodCommand::Reopen {
            date,
            reason,
            dry_run,
        } => {
            reject_any([text_problem("reason", "reason", &reason, MAX_NOTE)])?;
            let reason = reason.trim().to_string();
            let actor = ctx.actor();
            let event = write_or_rehearse(ctx, dry_run, |tx| {
                let closed = periods::closed(tx)?;
                let through =
                    plan_reopen(date, closed.as_ref()).map_err(|p| Error::Rejected(vec![p]))?;
                periods::write(tx, &actor, "reopen", date, through, Some(&reason))
            })?;
            let heading = match &event.closed_through {
                Some(through) => format!("Reopened {date} and later; closed through {through}"),
                None => format!("Reopened {date} and later; no period is closed"),
            };
            outcome(ctx, event, dry_run, heading)
        }
    }
}

fn outcome(ctx: &Ctx, mut event: PeriodEvent, dry_run: bool, heading: String) -> Result<Outcome> {
    event.dry_run = dry_run;
    let id = (!dry_run).then_some(event.id);
    Ok(Outcome {
        id,
        text: render::one(&event, ctx.style, Some(&dry_run_heading(dry_run, heading))),
    })
}
