//! One run function per command group: turn clap's values into core requests, run them in the
//! ledger, render the result.

use crate::cli::Command;
pub(crate) use crate::core::text::text_problem;
use crate::error::{Error, Problem, Result, StorageKind};
use crate::ledger::Tx;
pub use context::{Ctx, Outcome};

mod after;
mod backup;
mod bank;
mod bank_match;
mod bulk;
pub mod context;
mod customer;
mod db;
mod find;
mod generate;
mod invoice;
mod method;
mod output;
mod payment;
pub(crate) mod period;
mod report;
mod restore;

pub use generate::{completion_script, man_page, man_pages};

pub fn run(command: Command, ctx: &Ctx) -> Result<Outcome> {
    if ctx.style.format == crate::render::Format::Html {
        report::html_only_for_reports(&command)?;
    }
    match command {
        Command::Customer(c) => customer::run(c, ctx),
        Command::Method(c) => method::run(c, ctx),
        Command::Invoice(c) => invoice::run(c, ctx),
        Command::Credit(c) => invoice::run_credit(c, ctx),
        Command::Create(args) => payment::create(*args, ctx),
        Command::List(args) => payment::list(args, ctx),
        Command::Show { id } => payment::show(id, ctx),
        Command::Allocate(args) => after::allocate(args, ctx),
        Command::Unallocate(args) => after::unallocate(args, ctx),
        Command::Reallocate(args) => after::reallocate(args, ctx),
        Command::Refund(args) => after::refund(args, ctx),
        Command::Settle(args) => after::settle(args, ctx),
        Command::Void {
            id,
            reason,
            dry_run,
        } => after::void(id, reason, dry_run, ctx),
        Command::Activity(c) => after::activity(c, ctx),
        Command::Log { customer, payment } => after::log(customer, payment, ctx),
        Command::Verify => after::verify(ctx),
        Command::Find { text, limit } => find::run(&text, limit, ctx),
        Command::Backup(args) => backup::run(args, ctx),
        Command::Bank(c) => bank::run(c, ctx),
        Command::Db(c) => db::run(c, ctx),
        Command::Restore(args) => restore::run(args, ctx),
        Command::Import(args) => bulk::import(args, ctx),
        Command::Export(args) => bulk::export(args, ctx),
        Command::Period(c) => period::run(c, ctx),
        Command::Report(c) => report::run(c, ctx),
        Command::Completions { shell } => Ok(Outcome::read(completion_script(shell))),
        Command::Man(args) => match &args.dir {
            Some(dir) => {
                let written = generate::write_man_pages(dir)?;
                Ok(Outcome::read(if ctx.quiet {
                    String::new()
                } else {
                    format!(
                        "wrote {} man pages to {}: {}\n",
                        written.len(),
                        dir.display(),
                        written.join(" ")
                    )
                }))
            }
            None => Ok(Outcome::read(man_page(&args.command)?)),
        },
    }
}

/// What the user can do about `err`, said where payctl prints it: the layers below report
/// the fact ("customer 655080 not found"), the command line knows the command that helps.
pub fn hint(err: &Error) -> Option<String> {
    use crate::error::Record;
    match err {
        Error::RecordNotFound { record, id } => match record {
            Record::Customer => Some(format!(
                "add it with: payctl customer add --id {id} --name ..."
            )),
            Record::Invoice => Some("list invoices with: payctl invoice list".to_string()),
            Record::Payment => Some("list payments with: payctl list".to_string()),
            Record::PaymentMethod => None,
            Record::BankLine => Some("list bank lines with: payctl bank list".to_string()),
            Record::BankStatement => Some("list statements with: payctl bank report".to_string()),
        },
        Error::Storage(failure) => storage_hint(&failure.kind).map(str::to_owned),
        // A write dated in a closed period: reopening from that date lets it in.
        Error::Rejected(problems) => match problems.as_slice() {
            [only] => crate::core::period::refused_date(&only.message)
                .map(|date| format!("reopen it with: payctl period reopen {date} --reason ...")),
            _ => None,
        },
        _ => None,
    }
}

/// What to do about a storage failure of `kind`, where a payctl command helps.
fn storage_hint(kind: &StorageKind) -> Option<&'static str> {
    use StorageKind as K;
    Some(match kind {
        K::Corrupt { .. } => "run payctl verify to see what is broken, or restore a backup",
        K::Io { .. } => "check that the disk has space and is healthy, then run payctl verify",
        K::CommitLost { .. } => {
            "the outcome is unknown: check with payctl list, and a retry with the same idempotency key is safe"
        }
        K::EmptyFile => {
            "check --db (or PAYCTL_DB), or create the ledger with a write command such as: payctl customer add --name NAME"
        }
        K::Missing => {
            "check --db (or PAYCTL_DB), or create it with a write command such as: payctl customer add --name NAME"
        }
        K::BadValue { .. } | K::Statement { .. } => "run payctl verify",
        _ => return None,
    })
}

/// `err`'s problems as payctl prints them: with the hint of [`hint`] after a lone problem.
pub fn problems_with_hint(err: &Error) -> Vec<Problem> {
    let mut problems = err.problems();
    if let (Some(hint), [only]) = (hint(err), problems.as_mut_slice()) {
        only.message = format!("{}; {hint}", only.message);
    }
    problems
}

/// Runs `f` as a command's one write transaction. With `dry_run` the very same transaction
/// runs and is rolled back (`Ledger::rehearse`): the same checks, the same result to print,
/// and nothing written; not even a ledger is created (a missing one is exit 74).
pub(crate) fn write_or_rehearse<T>(
    ctx: &Ctx,
    dry_run: bool,
    f: impl FnOnce(&Tx) -> Result<T>,
) -> Result<T> {
    match dry_run {
        true => ctx.ledger_existing()?.rehearse(f),
        false => ctx.ledger()?.write(f),
    }
}

/// The heading of a dry run's output: what a real run would have said, after a warning that
/// nothing was written.
pub(crate) fn dry_run_heading(dry_run: bool, heading: String) -> String {
    match dry_run {
        true => format!("Dry run: nothing was written. A real run would say: {heading}"),
        false => heading,
    }
}

/// Collects the problems of several fields into one rejection, or none.
pub(crate) fn reject_any(problems: impl IntoIterator<Item = Option<Problem>>) -> Result<()> {
    let problems: Vec<Problem> = problems.into_iter().flatten().collect();
    if problems.is_empty() {
        Ok(())
    } else {
        Err(Error::Rejected(problems))
    }
}

/// What `customer edit` and `invoice edit` print: each field changed with its old and new
/// value (a dry run: what would change), or that nothing did.
pub(crate) fn edit_outcome(
    ctx: &Ctx,
    entity: &'static str,
    id: i64,
    changes: Vec<crate::core::edit::FieldChange>,
    dry_run: bool,
) -> Result<Outcome> {
    let heading = if changes.is_empty() {
        format!("{entity} {id} already has these values; nothing was changed")
    } else {
        dry_run_heading(dry_run, format!("Edited {entity} {id}"))
    };
    let view = crate::core::edit::EditView {
        entity,
        id,
        changes,
        dry_run,
    };
    Ok(Outcome {
        id: (!dry_run).then_some(id),
        text: crate::render::edit_outcome(&view, ctx.style, &heading),
    })
}
