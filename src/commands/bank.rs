//! `payctl bank`: import a bank statement's credit lines, list, show, ignore and report them
//! (SPEC §11). Facts from the ledger, rules in `core::bank`, rows through `ledger::bank`.

use std::io::Read;
use std::path::Path;

use serde::Serialize;
use serde_json::json;

use super::context::{Ctx, Outcome};
use super::{dry_run_heading, write_or_rehearse};
use crate::cli::bank::{BankFileFormat, BankLineStatusArg};
use crate::cli::BankCommand;
use crate::core::bank::{
    self as rules, BankFormat, BankLineView, BankStatementView, LineStatus, PlannedStatement,
};
use crate::core::{Currency, Money};
use crate::error::{Error, Problem, Result, StorageKind};
use crate::formats::bank::sniff;
use crate::formats::{bankcsv, camt053, mt940, shown_path};
use crate::ledger::audit::{self, Touched};
use crate::ledger::bank::{self as store, LineFilter};
use crate::render::table::Kind;
use crate::render::{self, Field, Record};

/// The largest statement file read (far more than a year of daily statements).
const MAX_FILE_BYTES: u64 = 512 * 1024 * 1024;

pub fn run(command: BankCommand, ctx: &Ctx) -> Result<Outcome> {
    match command {
        BankCommand::Import {
            file,
            format,
            map,
            dry_run,
        } => import(&file, format, map.as_deref(), dry_run, ctx),
        BankCommand::List { status, statement } => {
            let filter = LineFilter {
                status: status.map(|s| match s {
                    BankLineStatusArg::Unmatched => LineStatus::Unmatched,
                    BankLineStatusArg::Suggested => LineStatus::Suggested,
                    BankLineStatusArg::Applied => LineStatus::Applied,
                    BankLineStatusArg::Ignored => LineStatus::Ignored,
                }),
                statement,
                line: None,
            };
            let lines = ctx
                .ledger_existing()?
                .read(|tx| store::lines(tx, &filter))?;
            Ok(Outcome::read(render::list(&lines, ctx.style)))
        }
        BankCommand::Show { line } => {
            let view = ctx.ledger_existing()?.read(|tx| store::line(tx, line))?;
            Ok(Outcome::read(render::one(&view, ctx.style, None)))
        }
        BankCommand::Ignore {
            line,
            reason,
            dry_run,
        } => ignore(line, &reason, dry_run, ctx),
        BankCommand::Match { dry_run } => super::bank_match::match_lines(dry_run, ctx),
        BankCommand::Apply(args) => super::bank_match::apply(args, ctx),
        BankCommand::Report { statement } => {
            let rows = ctx.ledger_existing()?.read(|tx| report(tx, statement))?;
            Ok(Outcome::read(render::list(&rows, ctx.style)))
        }
    }
}

fn rejected_file(file: &str, problems: Vec<String>) -> Error {
    let mut problems: Vec<Problem> = problems
        .into_iter()
        .map(|p| Problem::new("file", format!("{file}: {p}")))
        .collect();
    if let Some(last) = problems.last_mut() {
        last.message.push_str("; nothing was imported");
    }
    Error::Rejected(crate::error::capped(problems))
}

fn import(
    path: &Path,
    format: Option<BankFileFormat>,
    map: Option<&str>,
    dry_run: bool,
    ctx: &Ctx,
) -> Result<Outcome> {
    let shown = shown_path(path);
    let csv_map = match map {
        Some(text) => Some(
            bankcsv::CsvMap::parse(text).map_err(|m| Error::usage("map", format!("--map: {m}")))?,
        ),
        None => None,
    };
    let mut bytes = Vec::new();
    std::fs::File::open(path)
        .and_then(|f| f.take(MAX_FILE_BYTES + 1).read_to_end(&mut bytes))
        .map_err(|e| Error::usage("file", format!("cannot read {shown}: {e}")))?;
    if bytes.len() as u64 > MAX_FILE_BYTES {
        return Err(rejected_file(
            &shown,
            vec![format!("is larger than {MAX_FILE_BYTES} bytes")],
        ));
    }
    let format = match format {
        Some(BankFileFormat::Camt053) => BankFormat::Camt053,
        Some(BankFileFormat::Mt940) => BankFormat::Mt940,
        Some(BankFileFormat::Csv) => BankFormat::Csv,
        None => match sniff(&bytes[..bytes.len().min(4096)]) {
            "camt053" => BankFormat::Camt053,
            "mt940" => BankFormat::Mt940,
            _ => BankFormat::Csv,
        },
    };
    if format == BankFormat::Csv && csv_map.is_none() {
        return Err(Error::usage(
            "map",
            format!(
                "{shown} is read as a bank CSV, which needs --map (e.g. --map 'date=Booking date,amount=Amount,reference=Purpose,payer=Name,currency_code=EUR'); give --format camt053 or mt940 for another format"
            ),
        ));
    }
    if format != BankFormat::Csv && csv_map.is_some() {
        return Err(Error::usage(
            "map",
            format!(
                "--map is for CSV files; {shown} is read as {}",
                format.as_str()
            ),
        ));
    }
    let raws = match format {
        BankFormat::Camt053 => camt053::read(std::io::Cursor::new(&bytes)),
        BankFormat::Mt940 => match std::str::from_utf8(&bytes) {
            Ok(text) => mt940::read(text),
            // Latin-1 is common in MT940 files: each byte is its own character.
            Err(_) => mt940::read(&bytes.iter().map(|&b| b as char).collect::<String>()),
        },
        BankFormat::Csv => {
            // Checked above: a CSV is read only with a map.
            let map = csv_map
                .as_ref()
                .ok_or_else(|| Error::usage("map", "--map is required"))?;
            bankcsv::read(std::io::Cursor::new(&bytes), map).map(|s| vec![s])
        }
    }
    .map_err(|e| rejected_file(&shown, vec![e.to_string()]))?;
    let fp = rules::file_fingerprint(&bytes);
    drop(bytes);
    let planned = rules::plan_import(format, &shown, &fp, raws)
        .map_err(|problems| rejected_file(&shown, problems))?;
    let actor = ctx.actor();
    let summaries = write_or_rehearse(ctx, dry_run, |tx| {
        let now = actor.now_text().to_string();
        let mut out = Vec::new();
        for p in &planned {
            let refs: Vec<&str> = p.lines.iter().map(|l| l.bank_ref.as_str()).collect();
            let known = store::existing_refs(tx, &refs)?;
            let new: Vec<_> = p
                .lines
                .iter()
                .filter(|l| !known.contains(&l.bank_ref))
                .collect();
            let mut summary = ImportSummary::of(p, format, dry_run);
            summary.already_imported = (p.lines.len() - new.len()) as i64 + p.repeated;
            summary.credits_new = new.len() as i64;
            let new_total = new
                .iter()
                .map(|l| l.amount.minor())
                .try_fold(0i64, |a, b| a.checked_add(b))
                .ok_or_else(|| {
                    Error::rejected("file", "the new lines' total is past what payctl can count")
                })?;
            summary.new_total = Money::from_minor(new_total, p.statement.currency);
            if new.is_empty() {
                // Nothing new: the statement (or every line of it) is already here.
                summary.statement_id =
                    store::find_statement(tx, &p.statement.account, &p.statement.statement_ref)?;
                out.push(summary);
                continue;
            }
            let id = store::insert_statement(tx, &p.statement, &now)?;
            store::insert_lines(tx, id, &new, &now)?;
            audit::record(
                tx,
                &actor,
                "bank.import",
                Touched {
                    entity: "bank_statement",
                    entity_id: id,
                    customer_id: None,
                    payment_id: None,
                },
                &json!({
                    "file": p.statement.file_name,
                    "format": format.as_str(),
                    "account": p.statement.account,
                    "statementRef": p.statement.statement_ref,
                    "linesNew": new.len(),
                    "newTotal": summary.new_total,
                    "alreadyImported": summary.already_imported,
                    "debitsSkipped": p.statement.debit_count,
                }),
            )?;
            summary.statement_id = Some(id);
            out.push(summary);
        }
        Ok(out)
    })?;
    for s in &summaries {
        let name = s.statement_id.map_or_else(
            || s.statement_ref.clone(),
            |id| format!("{id} ({})", s.statement_ref),
        );
        if s.balanced == Some(false) {
            eprintln!(
                "warning: statement {name}: opening {} + credits {} - debits {} is not the closing balance {} {}; imported, and shown in payctl bank report",
                opt_money(&s.opening),
                s.credit_total,
                s.debit_total,
                opt_money(&s.closing),
                s.currency
            );
        }
        if s.masked > 0 {
            eprintln!(
                "warning: statement {name}: {} line(s) held a card number in their text; it is stored masked to its last four digits",
                s.masked
            );
        }
    }
    if ctx.quiet {
        let ids: String = summaries
            .iter()
            .filter(|s| !dry_run && s.credits_new > 0)
            .filter_map(|s| s.statement_id)
            .map(|id| format!("{id}\n"))
            .collect();
        return Ok(Outcome::read(ids));
    }
    let new: i64 = summaries.iter().map(|s| s.credits_new).sum();
    let heading = dry_run_heading(
        dry_run,
        format!(
            "Imported {new} new credit line(s) from {shown} ({} statement(s))",
            summaries.len()
        ),
    );
    let text = match ctx.style.format {
        render::Format::Table | render::Format::Html => {
            format!("{heading}\n{}", render::list(&summaries, ctx.style))
        }
        _ => render::list(&summaries, ctx.style),
    };
    Ok(Outcome::read(text))
}

fn opt_money(m: &Option<Money>) -> String {
    m.map_or_else(|| "(none)".to_string(), |m| m.to_string())
}

fn ignore(line: i64, reason: &str, dry_run: bool, ctx: &Ctx) -> Result<Outcome> {
    if let Some(problem) = crate::core::invoice::reason_problem(reason) {
        return Err(Error::Rejected(vec![problem]));
    }
    let reason = reason.trim();
    let actor = ctx.actor();
    let mut view = write_or_rehearse(ctx, dry_run, |tx| {
        let view = store::line(tx, line)?;
        if let Some(problem) = rules::ignore_problem(&view, reason) {
            return Err(Error::rejected("line", problem));
        }
        store::insert_event(
            tx,
            line,
            LineStatus::Ignored,
            None,
            Some(reason),
            actor.now_text(),
        )?;
        audit::record(
            tx,
            &actor,
            "bank.ignore",
            Touched {
                entity: "bank_line",
                entity_id: line,
                customer_id: None,
                payment_id: None,
            },
            &json!({"reason": reason, "amount": view.amount, "bankRef": view.bank_ref}),
        )?;
        store::line(tx, line)
    })?;
    if dry_run {
        view.event_at = None;
    }
    let heading = dry_run_heading(dry_run, format!("Ignored bank line {line}: {reason}"));
    Ok(Outcome {
        id: (!dry_run).then_some(line),
        text: render::one(&view, ctx.style, Some(&heading)),
    })
}

/// What `bank import` says about one statement of the file.
#[derive(Clone, Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ImportSummary {
    /// The statement's id: the new one, or the one already holding its lines (none in a dry
    /// run, or when its lines came in with another statement).
    pub statement_id: Option<i64>,
    pub format: &'static str,
    pub account: String,
    pub statement_ref: String,
    pub currency: Currency,
    pub lines_read: i64,
    pub credits_new: i64,
    pub already_imported: i64,
    pub debits_skipped: i64,
    pub not_booked: i64,
    pub credit_total: Money,
    pub new_total: Money,
    pub debit_total: Money,
    pub opening: Option<Money>,
    pub closing: Option<Money>,
    /// opening + credits - debits = closing; null without both balances.
    pub balanced: Option<bool>,
    pub masked: i64,
    pub dry_run: bool,
}

impl ImportSummary {
    fn of(p: &PlannedStatement, format: BankFormat, dry_run: bool) -> ImportSummary {
        let s = &p.statement;
        let money = |m: i64| Money::from_minor(m, s.currency);
        ImportSummary {
            statement_id: None,
            format: format.as_str(),
            account: s.account.clone(),
            statement_ref: s.statement_ref.clone(),
            currency: s.currency,
            lines_read: s.credit_count + s.debit_count + p.not_booked,
            credits_new: 0,
            already_imported: 0,
            debits_skipped: s.debit_count,
            not_booked: p.not_booked,
            credit_total: money(s.credit_total),
            new_total: money(0),
            debit_total: money(s.debit_total),
            opening: s.opening.map(money),
            closing: s.closing.map(money),
            balanced: p.balanced(),
            masked: p.masked,
            dry_run,
        }
    }
}

fn yes_no(b: Option<bool>) -> String {
    match b {
        Some(true) => "yes".to_string(),
        Some(false) => "NO".to_string(),
        None => "no balances".to_string(),
    }
}

const fn f(name: &'static str, title: &'static str, kind: Kind, in_list: bool) -> Field {
    Field {
        name,
        title,
        kind,
        in_list,
        in_csv: true,
    }
}

impl Record for ImportSummary {
    const SPARE: &'static [&'static str] = &["account", "notBooked", "debitTotal"];
    const FIELDS: &'static [Field] = &[
        f("statementId", "Statement", Kind::Id, true),
        f("format", "Format", Kind::Fixed, false),
        f("account", "Account", Kind::Text, true),
        f("statementRef", "Statement ref", Kind::Text, true),
        f("currency", "Currency", Kind::Fixed, true),
        f("linesRead", "Read", Kind::Id, true),
        f("creditsNew", "New", Kind::Id, true),
        f("alreadyImported", "Already imported", Kind::Id, true),
        f("debitsSkipped", "Debits skipped", Kind::Id, true),
        f("notBooked", "Not booked", Kind::Id, true),
        f("creditTotal", "Credits", Kind::Money, false),
        f("newTotal", "New total", Kind::Money, true),
        f("debitTotal", "Debits", Kind::Money, true),
        f("opening", "Opening", Kind::Money, false),
        f("closing", "Closing", Kind::Money, false),
        f("balanced", "Balances agree", Kind::Fixed, true),
        f("masked", "Card numbers masked", Kind::Id, false),
        f("dryRun", "Dry run", Kind::Fixed, false),
    ];
    fn values(&self) -> Vec<String> {
        vec![
            self.statement_id.map(|i| i.to_string()).unwrap_or_default(),
            self.format.to_string(),
            self.account.clone(),
            self.statement_ref.clone(),
            self.currency.to_string(),
            self.lines_read.to_string(),
            self.credits_new.to_string(),
            self.already_imported.to_string(),
            self.debits_skipped.to_string(),
            self.not_booked.to_string(),
            self.credit_total.to_string(),
            self.new_total.to_string(),
            self.debit_total.to_string(),
            self.opening.map(|m| m.to_string()).unwrap_or_default(),
            self.closing.map(|m| m.to_string()).unwrap_or_default(),
            yes_no(self.balanced),
            self.masked.to_string(),
            self.dry_run.to_string(),
        ]
    }
}

impl Record for BankLineView {
    const SPARE: &'static [&'static str] = &["payerAccount", "remittance", "bankRef"];
    const FIELDS: &'static [Field] = &[
        f("id", "ID", Kind::Id, true),
        f("statementId", "Statement", Kind::Id, true),
        f("bankRef", "Bank ref", Kind::Text, true),
        f("lineNo", "Line", Kind::Id, false),
        f("bookingDate", "Date", Kind::Date, true),
        f("valueDate", "Value date", Kind::Date, false),
        f("amount", "Amount", Kind::Money, true),
        f("currency", "Currency", Kind::Fixed, true),
        f("payerName", "Payer", Kind::Text, true),
        f("payerAccount", "Payer account", Kind::Text, true),
        f("remittance", "Remittance", Kind::Text, true),
        f("status", "Status", Kind::Fixed, true),
        f("paymentId", "Payment", Kind::Id, true),
        f("ignoredReason", "Ignored because", Kind::Text, false),
        f("eventAt", "Applied/ignored at", Kind::Date, false),
        f("proposal", "Proposal", Kind::Text, false),
        f("createdAt", "Imported at", Kind::Date, false),
    ];
    fn values(&self) -> Vec<String> {
        let o = |v: &Option<String>| v.clone().unwrap_or_default();
        vec![
            self.id.to_string(),
            self.statement_id.to_string(),
            self.bank_ref.clone(),
            self.line_no.to_string(),
            self.booking_date.clone(),
            o(&self.value_date),
            self.amount.to_string(),
            self.currency.to_string(),
            o(&self.payer_name),
            o(&self.payer_account),
            o(&self.remittance),
            self.status.as_str().to_string(),
            self.payment_id.map(|i| i.to_string()).unwrap_or_default(),
            o(&self.ignored_reason),
            o(&self.event_at),
            self.proposal
                .as_ref()
                .map(|p| {
                    format!(
                        "run {}: {} (customer {}; {}){}",
                        p.run,
                        p.reason,
                        p.customer_id.map_or("none".to_string(), |c| c.to_string()),
                        p.detail,
                        if p.allocations.is_empty() {
                            String::new()
                        } else {
                            format!(" allocations {}", p.allocations)
                        }
                    )
                })
                .unwrap_or_default(),
            self.created_at.clone(),
        ]
    }
}

/// One statement in `bank report`.
#[derive(Clone, Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct StatementReport {
    pub statement_id: i64,
    pub format: &'static str,
    pub account: String,
    pub statement_ref: String,
    pub currency: Currency,
    pub file_name: String,
    pub opening: Option<Money>,
    pub opening_date: Option<String>,
    pub closing: Option<Money>,
    pub closing_date: Option<String>,
    /// The statement's own credits and debits (lines first imported with an earlier,
    /// overlapping statement included).
    pub credit_count: i64,
    pub credit_total: Money,
    pub debit_count: i64,
    pub debit_total: Money,
    /// The credit lines stored under this statement, and what became of them.
    pub line_count: i64,
    pub line_total: Money,
    pub applied_count: i64,
    pub applied_total: Money,
    pub ignored_count: i64,
    pub ignored_total: Money,
    pub unapplied_count: i64,
    pub unapplied_total: Money,
    /// opening + credits - debits = closing; null without both balances.
    pub balanced: Option<bool>,
    /// The difference closing - (opening + credits - debits), when it is not zero.
    pub difference: Option<String>,
}

fn report(tx: &crate::ledger::Tx, statement: Option<i64>) -> Result<Vec<StatementReport>> {
    let statements: Vec<BankStatementView> = store::statements(tx, statement)?;
    let lines = store::lines(
        tx,
        &LineFilter {
            statement,
            ..LineFilter::default()
        },
    )?;
    let mut out = Vec::with_capacity(statements.len());
    for s in statements {
        let c = s.currency;
        let mut counts = [(0i64, 0i64); 4];
        for l in lines.iter().filter(|l| l.statement_id == s.id) {
            let slot = match l.status {
                LineStatus::Applied => 1,
                LineStatus::Ignored => 2,
                _ => 3,
            };
            for i in [0, slot] {
                counts[i].0 += 1;
                // The lines' sum is at most the statement's credit total, checked at import.
                counts[i].1 = counts[i]
                    .1
                    .checked_add(l.amount.minor())
                    .ok_or_else(|| Error::storage(StorageKind::Overflow))?;
            }
        }
        let balanced = rules::balances_agree(
            s.opening.map(|m| m.minor()),
            s.closing.map(|m| m.minor()),
            s.credit_total.minor(),
            s.debit_total.minor(),
        );
        let difference = match (balanced, s.opening, s.closing) {
            (Some(false), Some(o), Some(cl)) => {
                let diff = i128::from(cl.minor())
                    - i128::from(o.minor())
                    - i128::from(s.credit_total.minor())
                    + i128::from(s.debit_total.minor());
                Some(match i64::try_from(diff) {
                    Ok(d) => Money::from_minor(d, c).to_string(),
                    Err(_) => format!("{diff} minor units"),
                })
            }
            _ => None,
        };
        let m = |v: i64| Money::from_minor(v, c);
        out.push(StatementReport {
            statement_id: s.id,
            format: s.format,
            account: s.account,
            statement_ref: s.statement_ref,
            currency: c,
            file_name: s.file_name,
            opening: s.opening,
            opening_date: s.opening_date,
            closing: s.closing,
            closing_date: s.closing_date,
            credit_count: s.credit_count,
            credit_total: s.credit_total,
            debit_count: s.debit_count,
            debit_total: s.debit_total,
            line_count: counts[0].0,
            line_total: m(counts[0].1),
            applied_count: counts[1].0,
            applied_total: m(counts[1].1),
            ignored_count: counts[2].0,
            ignored_total: m(counts[2].1),
            unapplied_count: counts[3].0,
            unapplied_total: m(counts[3].1),
            balanced,
            difference,
        });
    }
    Ok(out)
}

impl Record for StatementReport {
    const SPARE: &'static [&'static str] = &["account", "statementRef", "debitTotal"];
    const FIELDS: &'static [Field] = &[
        f("statementId", "Statement", Kind::Id, true),
        f("format", "Format", Kind::Fixed, false),
        f("account", "Account", Kind::Text, true),
        f("statementRef", "Statement ref", Kind::Text, true),
        f("currency", "Currency", Kind::Fixed, true),
        f("fileName", "File", Kind::Text, false),
        f("opening", "Opening", Kind::Money, true),
        f("openingDate", "Opening date", Kind::Date, false),
        f("closing", "Closing", Kind::Money, true),
        f("closingDate", "Closing date", Kind::Date, false),
        f("creditCount", "Credits #", Kind::Id, false),
        f("creditTotal", "Credits", Kind::Money, true),
        f("debitCount", "Debits #", Kind::Id, false),
        f("debitTotal", "Debits", Kind::Money, true),
        f("lineCount", "Lines #", Kind::Id, false),
        f("lineTotal", "Lines", Kind::Money, false),
        f("appliedCount", "Applied #", Kind::Id, false),
        f("appliedTotal", "Applied", Kind::Money, true),
        f("ignoredCount", "Ignored #", Kind::Id, false),
        f("ignoredTotal", "Ignored", Kind::Money, true),
        f("unappliedCount", "Unapplied #", Kind::Id, false),
        f("unappliedTotal", "Unapplied", Kind::Money, true),
        f("balanced", "Balances agree", Kind::Fixed, true),
        f("difference", "Difference", Kind::Money, false),
    ];
    fn values(&self) -> Vec<String> {
        let om = |m: &Option<Money>| m.map(|m| m.to_string()).unwrap_or_default();
        let o = |v: &Option<String>| v.clone().unwrap_or_default();
        vec![
            self.statement_id.to_string(),
            self.format.to_string(),
            self.account.clone(),
            self.statement_ref.clone(),
            self.currency.to_string(),
            self.file_name.clone(),
            om(&self.opening),
            o(&self.opening_date),
            om(&self.closing),
            o(&self.closing_date),
            self.credit_count.to_string(),
            self.credit_total.to_string(),
            self.debit_count.to_string(),
            self.debit_total.to_string(),
            self.line_count.to_string(),
            self.line_total.to_string(),
            self.applied_count.to_string(),
            self.applied_total.to_string(),
            self.ignored_count.to_string(),
            self.ignored_total.to_string(),
            self.unapplied_count.to_string(),
            self.unapplied_total.to_string(),
            yes_no(self.balanced),
            o(&self.difference),
        ]
    }
}
