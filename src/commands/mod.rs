//! One run function per command group: turn clap's values into core requests, run them in the
//! ledger, render the result.

use crate::cli::Command;
pub(crate) use crate::core::text::text_problem;
use crate::error::{Error, Problem, Result};
use crate::ledger::Tx;
pub use context::{Ctx, Outcome};

mod after;
mod backup;
mod bulk;
pub mod context;
mod customer;
mod db;
mod generate;
mod invoice;
mod method;
mod output;
mod payment;
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
        Command::Backup(args) => backup::run(args, ctx),
        Command::Db(c) => db::run(c, ctx),
        Command::Restore(args) => restore::run(args, ctx),
        Command::Import(args) => bulk::import(args, ctx),
        Command::Export(args) => bulk::export(args, ctx),
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
        },
        _ => None,
    }
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
