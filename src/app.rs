//! The program: parse the command line, run the command, print the result or the error, and
//! return the exit code of SPEC §1. The only place that prints.

use std::ffi::OsString;
use std::io::{self, IsTerminal, Write};

use chrono::{DateTime, Utc};
use clap::{CommandFactory, FromArgMatches};

use crate::cli::{Cli, ColorChoice, OutputFormat};
use crate::commands::{self, Ctx};
use crate::core::dates::parse_date;
use crate::core::text::{escape_invisible, mask_card_numbers, shown};
use crate::error::{Error, Result};
use crate::render::{Format, Style};

/// The clock: `PAYCTL_NOW` (RFC 3339 or a date) pins it.
fn now() -> Result<DateTime<Utc>> {
    match std::env::var("PAYCTL_NOW") {
        Ok(text) if !text.is_empty() => {
            parse_date(&text).map_err(|e| Error::usage("PAYCTL_NOW", format!("PAYCTL_NOW {e}")))
        }
        _ => Ok(Utc::now()),
    }
}

/// `--color auto`: colour on a terminal, unless NO_COLOR is set (not empty) or TERM is dumb.
fn auto_colour(is_terminal: bool) -> bool {
    is_terminal
        && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
        && std::env::var("TERM").map_or(true, |t| t != "dumb")
}

/// Whether clap's error is printed in colour: `--color` as given, else on a terminal without
/// NO_COLOR or TERM=dumb, as clap itself would.
fn clap_colour(choice: clap::ColorChoice) -> bool {
    match choice {
        clap::ColorChoice::Always => true,
        clap::ColorChoice::Never => false,
        clap::ColorChoice::Auto => auto_colour(io::stderr().is_terminal()),
    }
}

/// Whether payctl's own output (tables) is coloured: `--color` as given, else `auto` on stdout.
fn use_color(choice: ColorChoice) -> bool {
    match choice {
        ColorChoice::Always => true,
        ColorChoice::Never => false,
        ColorChoice::Auto => auto_colour(io::stdout().is_terminal()),
    }
}

/// The colour choice for clap's help and errors, read without clap (they are rendered
/// before clap has parsed `--color`): `--color always|never` as given, else clap's own `auto`,
/// which honours NO_COLOR, TERM=dumb and a stream that is not a terminal.
fn clap_color(args: &[OsString]) -> clap::ColorChoice {
    let mut choice = None;
    let mut rest = args.iter().skip(1).map(|a| a.to_string_lossy());
    while let Some(arg) = rest.next() {
        if arg == "--" {
            break;
        }
        if arg == "--color" {
            choice = rest.next().map(|v| v.into_owned());
        } else if let Some(v) = arg.strip_prefix("--color=") {
            choice = Some(v.to_string());
        }
    }
    match choice.as_deref() {
        Some("always") => clap::ColorChoice::Always,
        Some("never") => clap::ColorChoice::Never,
        _ => clap::ColorChoice::Auto,
    }
}

/// Box tables when stdout is a terminal, or when `PAYCTL_FORCE_TTY` is set (to any value but
/// empty), as with `GH_FORCE_TTY`: boxes in a pager (`PAYCTL_FORCE_TTY=1 payctl list | less`).
/// Otherwise tables are plain columns for the program reading the pipe.
fn boxed_tables() -> bool {
    io::stdout().is_terminal()
        || std::env::var_os("PAYCTL_FORCE_TTY").is_some_and(|v| !v.is_empty())
}

/// The width tables and the aging chart fit, the one width payctl knows: `COLUMNS` when it is a
/// positive whole number (on a terminal and in a pipe alike; at most 65535, a terminal's
/// widest, so that `COLUMNS=999999999999` cannot make payctl allocate terabytes of spaces),
/// else the terminal's width when stdout is one, else no limit (the chart then takes 80). Any
/// other `COLUMNS` (empty, `abc`, `0`, `-5`) is ignored, as shells and other tools ignore it.
fn table_width() -> Option<usize> {
    let columns = std::env::var("COLUMNS")
        .ok()
        .and_then(|c| {
            let c = c.trim();
            if c.is_empty() || !c.bytes().all(|b| b.is_ascii_digit()) {
                return None;
            }
            // All digits, so the only way to fail is more digits than a usize holds: wider
            // than any line.
            Some(c.parse::<usize>().unwrap_or(usize::MAX))
        })
        .filter(|&c| c > 0)
        .map(|c| c.min(65_535));
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
    // clap renders help and its errors before payctl sees --color: give it the choice first.
    let color_choice = clap_color(&args);
    let command = Cli::command().color(color_choice);
    let cli = match command
        .try_get_matches_from(&args)
        .and_then(|matches| Cli::from_arg_matches(&matches))
    {
        Ok(cli) => cli,
        Err(e) => {
            if !e.use_stderr() {
                // --help and --version.
                let _ = e.print();
                return 0;
            }
            if let Some(help) = help_for_bare_command(&args, &e) {
                return print_stdout(&help);
            }
            if let Some(problem) = empty_env_problem(&e, &args) {
                let format = json_requested(&args).unwrap_or(Format::Table);
                print_error(&Error::Usage(problem), format);
            } else if let Some(format) = json_requested(&args) {
                let problem = usage_problem(&e);
                print_error(&Error::Usage(problem), format);
            } else {
                // clap echoes the offending value as given (`invalid value '…'`, an unknown
                // subcommand), so its error is rendered here, its card numbers masked and
                // its invisible and bidirectional characters escaped before it is printed.
                // To a terminal clap would write the value raw: an argument holding a
                // control character (an escape sequence) gets the plain rendering, from
                // which clap strips them; otherwise colour as clap would.
                let controls = args
                    .iter()
                    .any(|a| a.to_string_lossy().chars().any(char::is_control));
                let rendered = e.render();
                let text = if !controls && clap_colour(color_choice) {
                    rendered.ansi().to_string()
                } else {
                    rendered.to_string()
                };
                let text = escape_invisible(&mask_card_numbers(&text));
                let _ = io::stderr().write_all(text.as_bytes());
            }
            return 2;
        }
    };
    let format = match cli.global.output {
        OutputFormat::Table => Format::Table,
        OutputFormat::Json => Format::Json,
        OutputFormat::Csv => Format::Csv,
        OutputFormat::Jsonl => Format::Jsonl,
        OutputFormat::Html => Format::Html,
    };
    let quiet = cli.global.quiet;
    let color = use_color(cli.global.color);
    if color {
        // comfy-table draws colour through crossterm, which drops the colours but keeps their
        // resets (stray `ESC[m`) when NO_COLOR is set. Colour is on only when `--color always`
        // asked for it, a flag that beats NO_COLOR (no-color.org): all of it, then.
        crossterm::style::Colored::set_ansi_color_disabled(false);
    }
    let result = now().and_then(|now| {
        let style = Style {
            format,
            color,
            boxed: boxed_tables(),
            width: table_width(),
            headers: !cli.global.no_headers,
        };
        // The audit trail keeps the command line; a card number in a file name or an id must
        // not reach the ledger through it.
        let command_line = mask_card_numbers(
            &args
                .iter()
                .map(|a| shell_word(&a.to_string_lossy()))
                .collect::<Vec<_>>()
                .join(" "),
        );
        let ctx = Ctx::new(style, now, cli.global.db.clone(), command_line, quiet);
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

/// `payctl` alone, or a group alone (`payctl invoice`), asks what there is, as `git` alone
/// does: its help, for stdout and exit 0, since nothing was malformed. (clap's own
/// `arg_required_else_help` misses it whenever `PAYCTL_DB` or `PAYCTL_OUTPUT` is set: a value
/// from the environment counts as an argument given.)
fn help_for_bare_command(args: &[OsString], e: &clap::Error) -> Option<String> {
    use clap::error::ErrorKind;
    if !matches!(
        e.kind(),
        ErrorKind::MissingSubcommand | ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand
    ) {
        return None;
    }
    let mut cmd = <Cli as clap::CommandFactory>::command();
    cmd.build();
    for word in args.iter().skip(1) {
        cmd = cmd.find_subcommand(word.to_str()?)?.clone();
    }
    Some(cmd.render_help().to_string())
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

/// The problem of an environment variable that is set but empty (`PAYCTL_DB=`), which clap
/// reports as the flag it stands for given no value ("a value is required for '--db <PATH>'"):
/// that sends the user looking for a `--db` they never typed, so name the variable instead.
/// `None` for any other error, and when the flag itself was given empty (`--db ''`).
fn empty_env_problem(e: &clap::Error, args: &[OsString]) -> Option<crate::error::Problem> {
    use clap::error::{ContextKind, ContextValue, ErrorKind};
    // clap's "a value is required" is an InvalidValue error whose value is empty.
    let no_value =
        matches!(e.get(ContextKind::InvalidValue), Some(ContextValue::String(v)) if v.is_empty());
    if e.kind() != ErrorKind::InvalidValue || !no_value {
        return None;
    }
    let Some(ContextValue::String(invalid)) = e.get(ContextKind::InvalidArg) else {
        return None;
    };
    let vars = [
        (
            "--db",
            None,
            "PAYCTL_DB",
            "db",
            "set it to the ledger's path, or unset it to use the default ledger ($XDG_DATA_HOME/payctl/ledger.db)",
        ),
        (
            "--output",
            Some("-o"),
            "PAYCTL_OUTPUT",
            "output",
            "set it to table, json, csv, jsonl or html, or unset it to get tables",
        ),
    ];
    let (flag, short, var, key, hint) = vars
        .into_iter()
        .find(|(flag, ..)| invalid.split_whitespace().next() == Some(*flag))?;
    let on_command_line = args
        .iter()
        .skip(1)
        .map(|a| a.to_string_lossy())
        .take_while(|a| a != "--")
        .any(|a| {
            a == flag
                || a.starts_with(&format!("{flag}="))
                || short.is_some_and(|s| a.starts_with(s))
        });
    let empty = std::env::var_os(var).is_some_and(|v| v.is_empty());
    (empty && !on_command_line).then(|| {
        crate::error::Problem::new(
            key,
            format!("environment variable {var} is set but empty; {hint}"),
        )
    })
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
    crate::error::Problem::new(key, escape_invisible(&mask_card_numbers(&message)))
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

/// One line per problem on stderr (at most 50, then how many more), or Fusebill's error JSON
/// with `-o json`.
fn print_error(err: &Error, format: Format) {
    // Every message is masked whole, whatever built it: the values it echoes are masked
    // already, but a file name, an amount or a clap message may hold a card number too.
    let problems = crate::error::capped(crate::commands::problems_with_hint(err));
    let text = if matches!(format, Format::Json | Format::Jsonl) {
        let body = serde_json::json!({
            "ErrorId": 0,
            "HttpStatusCode": err.http_status(),
            "Errors": problems.iter().map(|p| serde_json::json!({"Key": mask_card_numbers(&p.key), "Value": mask_card_numbers(&p.message)})).collect::<Vec<_>>(),
        });
        if format == Format::Jsonl {
            crate::render::json_line(&body)
        } else {
            crate::render::json(&body)
        }
    } else {
        problems
            .iter()
            .map(|p| format!("error: {}\n", shown(&p.message)))
            .collect()
    };
    let _ = io::stderr().write_all(text.as_bytes());
}
