//! The program: parse the command line, run the command, print the result or the error, and
//! return the exit code of SPEC §1. The only place that prints.

use std::ffi::OsString;
use std::io::{self, IsTerminal, Write};
use std::path::PathBuf;
use std::time::Duration;

use chrono::{DateTime, Utc};
use clap::Parser;

use crate::cli::{Cli, ColorChoice, OutputFormat};
use crate::commands;
use crate::core::dates::parse_date;
use crate::core::text::{escape_controls, mask_card_numbers};
use crate::error::{Error, Result};
use crate::ledger::{self, Actor, Ledger};
use crate::render::{Format, Style};

/// What a command produced: the text to print, and the id of the record it wrote (printed
/// alone under `--quiet`).
pub struct Outcome {
    pub text: String,
    pub id: Option<i64>,
}

impl Outcome {
    pub fn read(text: String) -> Outcome {
        Outcome { text, id: None }
    }
}

/// Everything a command needs besides its own arguments.
pub struct Ctx {
    pub style: Style,
    pub now: DateTime<Utc>,
    pub db: Option<PathBuf>,
    pub command_line: String,
    /// `-q`: a command whose result is not a record id (backup's path) prints only that.
    pub quiet: bool,
}

impl Ctx {
    pub fn actor(&self) -> Actor {
        Actor::new(self.now, os_user(), self.command_line.clone())
    }

    /// Opens the ledger; warnings about the file go to stderr at once.
    pub fn ledger(&self) -> Result<Ledger> {
        let path = match &self.db {
            Some(p) => p.clone(),
            None => default_ledger_path()?,
        };
        let mut ledger = ledger::open(&path, busy_timeout()?)?;
        if let Some(pages) = max_page_count()? {
            ledger.set_max_page_count(pages)?;
        }
        for warning in &ledger.warnings {
            eprintln!("warning: {warning}");
        }
        Ok(ledger)
    }

    /// Opens an existing ledger for reading only (the reports): creates nothing, writes
    /// nothing, takes no write lock.
    pub fn ledger_read_only(&self) -> Result<Ledger> {
        let path = match &self.db {
            Some(p) => p.clone(),
            None => default_ledger_path()?,
        };
        let ledger = ledger::open_read_only(&path, busy_timeout()?)?;
        for warning in &ledger.warnings {
            eprintln!("warning: {warning}");
        }
        Ok(ledger)
    }
}

/// `$XDG_DATA_HOME/payctl/ledger.db`, else `~/.local/share/payctl/ledger.db`.
pub fn default_ledger_path() -> Result<PathBuf> {
    if let Some(xdg) = std::env::var_os("XDG_DATA_HOME")
        .map(PathBuf::from)
        .filter(|p| p.is_absolute())
    {
        return Ok(xdg.join("payctl").join("ledger.db"));
    }
    match std::env::var_os("HOME").filter(|h| !h.is_empty()) {
        Some(home) => Ok(PathBuf::from(home).join(".local/share/payctl/ledger.db")),
        None => Err(Error::usage(
            "db",
            "no ledger path: set --db, PAYCTL_DB, XDG_DATA_HOME or HOME",
        )),
    }
}

fn busy_timeout() -> Result<Duration> {
    match std::env::var("PAYCTL_BUSY_TIMEOUT_MS") {
        Err(_) => Ok(ledger::DEFAULT_BUSY_TIMEOUT),
        Ok(text) => text
            .trim()
            .parse::<u64>()
            .map(Duration::from_millis)
            .map_err(|_| {
                Error::usage(
                    "PAYCTL_BUSY_TIMEOUT_MS",
                    format!(
                        "PAYCTL_BUSY_TIMEOUT_MS '{text}' is not a whole number of milliseconds"
                    ),
                )
            }),
    }
}

/// `PAYCTL_MAX_PAGE_COUNT`: a cap on the ledger's size, in pages. It makes a full disk
/// reproducible where no small file system can be mounted (the storage-fault tests).
fn max_page_count() -> Result<Option<u64>> {
    match std::env::var("PAYCTL_MAX_PAGE_COUNT") {
        Err(_) => Ok(None),
        Ok(text) => match text.trim().parse::<u64>() {
            Ok(pages) if pages > 0 => Ok(Some(pages)),
            _ => Err(Error::usage(
                "PAYCTL_MAX_PAGE_COUNT",
                format!("PAYCTL_MAX_PAGE_COUNT '{text}' is not a positive whole number of pages"),
            )),
        },
    }
}

fn os_user() -> String {
    for var in ["USER", "LOGNAME"] {
        if let Ok(name) = std::env::var(var) {
            if !name.is_empty() {
                return name;
            }
        }
    }
    use std::os::unix::fs::MetadataExt;
    std::fs::metadata("/proc/self")
        .map(|m| format!("uid {}", m.uid()))
        .unwrap_or_else(|_| "unknown".to_string())
}

/// The clock: `PAYCTL_NOW` (RFC 3339 or a date) pins it.
fn now() -> Result<DateTime<Utc>> {
    match std::env::var("PAYCTL_NOW") {
        Ok(text) if !text.is_empty() => {
            parse_date(&text).map_err(|e| Error::usage("PAYCTL_NOW", format!("PAYCTL_NOW {e}")))
        }
        _ => Ok(Utc::now()),
    }
}

fn use_color(choice: ColorChoice) -> bool {
    match choice {
        ColorChoice::Always => true,
        ColorChoice::Never => false,
        ColorChoice::Auto => {
            std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
                && std::env::var("TERM").map_or(true, |t| t != "dumb")
                && io::stdout().is_terminal()
        }
    }
}

/// Box tables when stdout is a terminal, or when `PAYCTL_FORCE_TTY` is set (to any value but
/// empty), as with `GH_FORCE_TTY`: boxes in a pager (`PAYCTL_FORCE_TTY=1 payctl list | less`).
/// Otherwise tables are plain columns for the program reading the pipe.
fn boxed_tables() -> bool {
    io::stdout().is_terminal()
        || std::env::var_os("PAYCTL_FORCE_TTY").is_some_and(|v| !v.is_empty())
}

/// The width tables fit: `COLUMNS` when it is a positive whole number (on a terminal and in a
/// pipe alike), else the terminal's width when stdout is one, else no limit. Any other
/// `COLUMNS` is ignored, as shells and other tools ignore it.
fn table_width() -> Option<usize> {
    let columns = std::env::var("COLUMNS")
        .ok()
        .and_then(|c| c.trim().parse::<usize>().ok())
        .filter(|&c| c > 0);
    columns.or_else(|| {
        io::stdout()
            .is_terminal()
            .then(|| comfy_table::Table::new().width().map(usize::from))
            .flatten()
    })
}

/// Quotes an argument for the audit trail's copy of the command line.
fn shell_word(arg: &str) -> String {
    if !arg.is_empty()
        && arg
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || "-_=./:@,+".contains(c))
    {
        arg.to_string()
    } else {
        format!("'{}'", arg.replace('\'', r"'\''"))
    }
}

/// Runs payctl with `args` and returns the exit code.
pub fn main_with_args(args: Vec<OsString>) -> i32 {
    let cli = match Cli::try_parse_from(&args) {
        Ok(cli) => cli,
        Err(e) => {
            if !e.use_stderr() {
                // --help and --version.
                let _ = e.print();
                return 0;
            }
            if let Some(format) = json_requested(&args) {
                let problem = usage_problem(&e);
                print_error(&Error::Usage(problem), format);
            } else {
                // clap echoes the offending value as given, and to a terminal it writes it raw:
                // an argument holding a control character (an escape sequence) gets the plain
                // rendering, from which clap strips them.
                let controls = args
                    .iter()
                    .any(|a| a.to_string_lossy().chars().any(char::is_control));
                if controls {
                    let _ = io::stderr().write_all(e.render().to_string().as_bytes());
                } else {
                    let _ = e.print();
                }
            }
            return 2;
        }
    };
    let format = match cli.global.output {
        OutputFormat::Table => Format::Table,
        OutputFormat::Json => Format::Json,
        OutputFormat::Jsonl => Format::Jsonl,
        OutputFormat::Csv => Format::Csv,
    };
    let quiet = cli.global.quiet;
    let result = now().and_then(|now| {
        let ctx = Ctx {
            style: Style {
                format,
                color: use_color(cli.global.color),
                boxed: boxed_tables(),
                width: table_width(),
                headers: !cli.global.no_headers,
            },
            now,
            db: cli.global.db.clone(),
            // The audit trail keeps the command line; a card number in a file name or an id
            // must not reach the ledger through it.
            command_line: mask_card_numbers(
                &args
                    .iter()
                    .map(|a| shell_word(&a.to_string_lossy()))
                    .collect::<Vec<_>>()
                    .join(" "),
            ),
            quiet,
        };
        commands::run(cli.command, &ctx)
    });
    match result {
        Ok(outcome) => {
            let text = match (quiet, outcome.id) {
                (true, Some(id)) => format!("{id}\n"),
                _ => outcome.text,
            };
            print_stdout(&text)
        }
        Err(err) => {
            print_error(&err, format);
            err.exit_code()
        }
    }
}

/// Whether the command line (or `PAYCTL_OUTPUT`) asks for JSON or JSON Lines, read without
/// clap: used only when clap refused the command line, so its error can still be Fusebill's
/// error JSON (on one line for JSON Lines).
fn json_requested(args: &[OsString]) -> Option<Format> {
    let mut format: Option<String> = None;
    let mut rest = args.iter().skip(1).map(|a| a.to_string_lossy());
    while let Some(arg) = rest.next() {
        if arg == "--" {
            break;
        }
        if arg == "-o" || arg == "--output" {
            format = rest.next().map(|v| v.into_owned());
        } else if let Some(v) = arg.strip_prefix("--output=") {
            format = Some(v.to_string());
        } else if let Some(v) = arg.strip_prefix("-o") {
            format = Some(v.trim_start_matches('=').to_string());
        }
    }
    match format.or_else(|| std::env::var("PAYCTL_OUTPUT").ok()) {
        Some(f) if f.eq_ignore_ascii_case("json") => Some(Format::Json),
        Some(f) if f.eq_ignore_ascii_case("jsonl") => Some(Format::Jsonl),
        _ => None,
    }
}

/// clap's error as one problem: the argument it concerns (`--total <TOTAL>` gives `total`) and
/// its message on one line, without the usage and help lines.
fn usage_problem(e: &clap::Error) -> crate::error::Problem {
    use clap::error::{ContextKind, ContextValue};
    let key = match e.get(ContextKind::InvalidArg) {
        Some(ContextValue::String(arg)) => arg.as_str(),
        Some(ContextValue::Strings(args)) => args.first().map_or("", String::as_str),
        _ => "",
    }
    .split_whitespace()
    .next()
    .unwrap_or("")
    .trim_start_matches('-')
    .trim_start_matches('<')
    .trim_end_matches('>')
    .to_ascii_lowercase();
    let key = if key.is_empty() {
        "commandLine".to_string()
    } else {
        key
    };
    let rendered = e.render().to_string();
    let body = rendered
        .split("\n\n")
        .next()
        .unwrap_or("")
        .trim_start_matches("error: ");
    let message = body
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect::<Vec<_>>()
        .join(" ");
    crate::error::Problem::new(key, message)
}

/// Writes to stdout; a closed pipe (`payctl list | head -1`) is not an error.
fn print_stdout(text: &str) -> i32 {
    let mut out = io::stdout().lock();
    match out.write_all(text.as_bytes()).and_then(|()| out.flush()) {
        Ok(()) => 0,
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => 0,
        Err(e) => {
            eprintln!("error: cannot write output: {e}");
            74
        }
    }
}

/// One line per problem on stderr, or Fusebill's error JSON with `-o json`.
fn print_error(err: &Error, format: Format) {
    let problems = err.problems();
    let text = if matches!(format, Format::Json | Format::Jsonl) {
        let body = serde_json::json!({
            "ErrorId": 0,
            "HttpStatusCode": err.http_status(),
            "Errors": problems.iter().map(|p| serde_json::json!({"Key": p.key, "Value": p.message})).collect::<Vec<_>>(),
        });
        if format == Format::Jsonl {
            crate::render::json_line(&body)
        } else {
            crate::render::json(&body)
        }
    } else {
        problems
            .iter()
            .map(|p| format!("error: {}\n", escape_controls(&p.message)))
            .collect()
    };
    let _ = io::stderr().write_all(text.as_bytes());
}
