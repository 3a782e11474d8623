//! `payctl report`: aging, statement, balances. Every one opens the ledger read only.

use chrono::{DateTime, Timelike, Utc};

use super::context::{Ctx, Outcome};
use crate::cli::report::{AgeBy, AgingArgs, StatementArgs};
use crate::cli::{Command, ReportCommand};
use crate::core::dates::{format_day, format_timestamp};
use crate::core::report::{self as rules, AgeBasis, BalancesReport, Statement};
use crate::error::{Error, Result, StorageKind};
use crate::ledger::reports;
use crate::render::{self, Format};

pub fn run(command: ReportCommand, ctx: &Ctx) -> Result<Outcome> {
    match command {
        ReportCommand::Aging(args) => aging(args, ctx),
        ReportCommand::Statement(args) => statement(args, ctx),
        ReportCommand::Balances => balances(ctx),
    }
}

/// `-o html` is for the two reports a person reads whole (aging and statement); every other
/// command refuses it before it touches the ledger, naming itself and the two that render it.
pub fn html_only_for_reports(command: &Command) -> Result<()> {
    let name = match command {
        Command::Report(ReportCommand::Aging(_) | ReportCommand::Statement(_)) => return Ok(()),
        Command::Report(ReportCommand::Balances) => "report balances",
        Command::Customer(_) => "customer",
        Command::Method(_) => "method",
        Command::Invoice(_) => "invoice",
        Command::Credit(_) => "credit",
        Command::Create(_) => "create",
        Command::List(_) => "list",
        Command::Show { .. } => "show",
        Command::Allocate(_) => "allocate",
        Command::Unallocate(_) => "unallocate",
        Command::Reallocate(_) => "reallocate",
        Command::Refund(_) => "refund",
        Command::Settle(_) => "settle",
        Command::Void { .. } => "void",
        Command::Activity(_) => "activity",
        Command::Log { .. } => "log",
        Command::Period(_) => "period",
        Command::Import(_) => "import",
        Command::Export(_) => "export",
        Command::Verify => "verify",
        Command::Find { .. } => "find",
        Command::Backup(_) => "backup",
        Command::Bank(_) => "bank",
        Command::Db(_) => "db",
        Command::Restore(_) => "restore",
        Command::Completions { .. } => "completions",
        Command::Man(_) => "man",
    };
    Err(Error::usage(
        "output",
        format!(
            "-o html is not available for payctl {name}: only report aging and report statement \
             render a page; use -o table, json, jsonl or csv"
        ),
    ))
}

fn overflow(_: crate::core::money::MoneyError) -> Error {
    Error::storage(StorageKind::Overflow)
}

fn aging(args: AgingArgs, ctx: &Ctx) -> Result<Outcome> {
    let basis = match args.by {
        AgeBy::Due => AgeBasis::Due,
        AgeBy::Invoice => AgeBasis::Invoice,
    };
    if args.chart && matches!(ctx.style.format, Format::Json | Format::Jsonl | Format::Csv) {
        let format = match ctx.style.format {
            Format::Json => "json",
            Format::Jsonl => "jsonl",
            _ => "csv",
        };
        return Err(Error::usage(
            "chart",
            format!(
                "--chart draws bars for reading, not for scripts, and cannot be used with -o \
                 {format}: leave out --chart, or use -o table (the default) or -o html"
            ),
        ));
    }
    let today = ctx.now.date_naive();
    let report = ctx.ledger_read_only()?.read(|tx| {
        let names = reports::customer_names(tx, args.customer)?;
        let (book, aged_on) = match &args.as_of {
            Some(as_of) => (
                reports::aging_at(tx, basis, as_of, args.customer)?,
                as_of.day,
            ),
            None => (
                reports::aging_current(tx, basis, today, args.customer)?,
                today,
            ),
        };
        rules::aging_report(&book, &names, args.as_of.as_ref(), aged_on, basis).map_err(overflow)
    })?;
    if args.chart && ctx.style.format == Format::Table {
        let heading = render::report::aging_heading(&report);
        return Ok(Outcome::read(render::chart::aging(
            &report,
            &heading,
            ctx.style.width.unwrap_or(render::chart::PIPE_WIDTH),
        )));
    }
    Ok(Outcome::read(render::report::aging(&report, ctx.style)))
}

/// A `--from` as it was given: a day when it is midnight, else the timestamp.
fn moment_label(at: DateTime<Utc>) -> String {
    if at.num_seconds_from_midnight() == 0 {
        format_day(at)
    } else {
        format_timestamp(at)
    }
}

fn statement(args: StatementArgs, ctx: &Ctx) -> Result<Outcome> {
    if let (Some(from), Some(to)) = (args.from, &args.to) {
        if from >= to.end {
            return Err(Error::usage(
                "from",
                format!(
                    "--from {} is after --to {}; give a --from on or before --to",
                    moment_label(from),
                    to.label
                ),
            ));
        }
    }
    let customer_id = args.customer;
    let statement = ctx.ledger_read_only()?.read(|tx| {
        let customer = reports::customer_names(tx, Some(customer_id))?
            .into_iter()
            .next()
            .ok_or_else(|| crate::ledger::customers::not_found(customer_id))?;
        let happenings = reports::happenings(tx, customer_id)?;
        let currencies = rules::statement(
            customer.currency,
            happenings,
            args.from,
            args.to.as_ref().map(|t| t.end),
        )
        .map_err(|e| match e {
            rules::StatementError::Money(m) => overflow(m),
            other => Error::storage(StorageKind::Statement {
                customer: customer_id,
                detail: other.to_string(),
            }),
        })?;
        Ok(Statement {
            customer_id,
            customer_name: customer.name,
            from: args.from.map(moment_label),
            to: args.to.as_ref().map(|t| t.label.clone()),
            currencies,
            opening_timestamp: args.from.map(format_timestamp),
            closing_timestamp: args
                .to
                .as_ref()
                .map(|t| format_timestamp(t.end - chrono::Duration::seconds(1))),
        })
    })?;
    Ok(Outcome::read(render::report::statement(
        &statement, ctx.style,
    )))
}

fn balances(ctx: &Ctx) -> Result<Outcome> {
    let today = ctx.now.date_naive();
    let report = ctx.ledger_read_only()?.read(|tx| {
        let names = reports::customer_names(tx, None)?;
        let (sums, funds) = reports::balance_facts(tx, today)?;
        let (customers, totals) = rules::balances(&names, &sums, &funds).map_err(overflow)?;
        Ok(BalancesReport {
            as_of: today.format("%Y-%m-%d").to_string(),
            customers,
            totals,
        })
    })?;
    Ok(Outcome::read(render::report::balances(&report, ctx.style)))
}
