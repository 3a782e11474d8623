//! Shell completions and the man pages, generated from the clap definition.

use std::path::Path;

use clap::CommandFactory;
use clap_complete::Shell as CompleteShell;
use clap_mangen::Man;

use crate::cli::{Cli, Shell};
use crate::error::{Error, Result, StorageKind};

pub fn completion_script(shell: Shell) -> String {
    let target = match shell {
        Shell::Bash => CompleteShell::Bash,
        Shell::Zsh => CompleteShell::Zsh,
        Shell::Fish => CompleteShell::Fish,
        Shell::Powershell => CompleteShell::PowerShell,
        Shell::Elvish => CompleteShell::Elvish,
    };
    let mut out = Vec::new();
    clap_complete::generate(target, &mut Cli::command(), "payctl", &mut out);
    let script = String::from_utf8_lossy(&out).into_owned();
    match shell {
        Shell::Fish => repair_fish(script),
        _ => script,
    }
}

/// clap_complete's fish script decides "no subcommand yet" by running fish's `argparse` over
/// the words typed so far, and gives up (`or return`, status 1) when that fails. It fails
/// exactly when the last word is a global option still waiting for its value
/// (`payctl -o <TAB>`), so every root completion was switched off and fish offered files.
/// With `argparse -s` stopping at the first subcommand, a failure means no subcommand has been
/// typed yet: say so, and fish offers the option's values.
fn repair_fish(script: String) -> String {
    const GIVE_UP: &str =
        "argparse -s (__fish_payctl_global_optspecs) -- $cmd 2>/dev/null\n    or return\n";
    const NO_COMMAND_YET: &str = "argparse -s (__fish_payctl_global_optspecs) -- $cmd 2>/dev/null\n    # A global option still waiting for its value (payctl -o <TAB>): no subcommand yet.\n    or return 0\n";
    let mut script = script.replacen(GIVE_UP, NO_COMMAND_YET, 1);
    script.push_str(&fish_positional_values());
    script
}

/// clap_complete's fish script completes the values of options only; a positional argument
/// with a closed set (`payctl export <KIND>`, `payctl completions <SHELL>`) fell back to files.
/// One `complete` line each, offered until one of the values has been typed.
fn fish_positional_values() -> String {
    fn walk(cmd: &clap::Command, path: &mut Vec<String>, out: &mut String) {
        for arg in cmd.get_positionals() {
            let values: Vec<String> = arg
                .get_possible_values()
                .iter()
                .filter(|v| !v.is_hide_set())
                .map(|v| v.get_name().to_string())
                .collect();
            let condition = match path.as_slice() {
                [command] => format!("__fish_payctl_using_subcommand {command}"),
                [group, command] => format!(
                    "__fish_payctl_using_subcommand {group}; and __fish_seen_subcommand_from {command}"
                ),
                _ => continue,
            };
            if values.is_empty() {
                continue;
            }
            let values = values.join(" ");
            out.push_str(&format!(
                "complete -c payctl -n \"{condition}; and not __fish_seen_subcommand_from {values}\" -f -a \"{values}\"\n"
            ));
        }
        for sub in cmd.get_subcommands().filter(|s| s.get_name() != "help") {
            path.push(sub.get_name().to_string());
            walk(sub, path, out);
            path.pop();
        }
    }
    let mut out = String::new();
    walk(&Cli::command(), &mut Vec::new(), &mut out);
    if out.is_empty() {
        return out;
    }
    format!(
        "\n# Values of positional arguments (added by payctl; clap_complete writes none).\n{out}"
    )
}

/// The clap definition as the man pages see it: built (so every subcommand has its full name
/// and the global options), without clap's `help` subcommand, which has no page.
fn man_command() -> clap::Command {
    let mut cmd = Cli::command().disable_help_subcommand(true);
    cmd.build();
    cmd
}

/// The page of `payctl` (empty `path`) or of one of its commands (`["invoice", "add"]`).
pub fn man_page(path: &[String]) -> Result<String> {
    let mut cmd = man_command();
    let mut names = vec!["payctl".to_string()];
    for word in path {
        let sub = cmd
            .get_subcommands()
            .find(|s| s.get_name() == word.as_str())
            .cloned();
        match sub {
            Some(sub) => cmd = sub,
            None => {
                let known: Vec<&str> = cmd.get_subcommands().map(|s| s.get_name()).collect();
                return Err(Error::usage(
                    "command",
                    format!(
                        "'{}' is not a command of '{}'; man pages exist for: {}",
                        crate::core::text::excerpt(word),
                        names.join(" "),
                        known.join(", ")
                    ),
                ));
            }
        }
        names.push(word.clone());
    }
    Ok(render_page(&cmd, path.is_empty()))
}

/// Every page: `payctl.1` and one per command at any depth (`payctl-invoice-add.1`), sorted
/// by file name.
pub fn man_pages() -> Vec<(String, String)> {
    fn walk(cmd: &clap::Command, root: bool, pages: &mut Vec<(String, String)>) {
        let name = cmd.get_display_name().unwrap_or_else(|| cmd.get_name());
        pages.push((format!("{name}.1"), render_page(cmd, root)));
        for sub in cmd.get_subcommands().filter(|s| !s.is_hide_set()) {
            walk(sub, false, pages);
        }
    }
    let mut pages = Vec::new();
    walk(&man_command(), true, &mut pages);
    pages.sort();
    pages
}

/// Writes every page into `dir` (created if missing) and returns their file names.
pub fn write_man_pages(dir: &Path) -> Result<Vec<String>> {
    let fail = |what: &Path, e: std::io::Error| {
        Error::storage(StorageKind::Write {
            what: what.display().to_string(),
            detail: e.to_string(),
        })
    };
    std::fs::create_dir_all(dir).map_err(|e| fail(dir, e))?;
    let mut written = Vec::new();
    for (file, text) in man_pages() {
        let path = dir.join(&file);
        std::fs::write(&path, text).map_err(|e| fail(&path, e))?;
        written.push(file);
    }
    Ok(written)
}

fn render_page(cmd: &clap::Command, root: bool) -> String {
    // The footer names the program, not the command (`add 0.1.0` on payctl-invoice-add(1)).
    let man = Man::new(cmd.clone()).source(format!("payctl {}", env!("CARGO_PKG_VERSION")));
    let mut out = Vec::new();
    // Rendering into a Vec cannot fail.
    let _ = man.render_title(&mut out);
    let _ = man.render_name_section(&mut out);
    let _ = man.render_synopsis_section(&mut out);
    let _ = man.render_description_section(&mut out);
    if cmd.get_arguments().any(|a| !a.is_hide_set()) {
        let _ = man.render_options_section(&mut out);
    }
    if cmd.get_subcommands().any(|s| !s.is_hide_set()) {
        let _ = man.render_subcommands_section(&mut out);
    }
    let mut page = String::from_utf8_lossy(&out).into_owned();
    if root {
        page.push_str(&exit_status_section());
        page.push_str(&environment_section());
        page.push_str(&files_section());
    }
    if let Some(examples) = cmd.get_after_help() {
        page.push_str(&examples_section(&examples.to_string()));
    }
    if !root {
        page.push_str(".SH \"SEE ALSO\"\n\\fBpayctl\\fR(1)\n");
    }
    let mut version = Vec::new();
    let _ = man.render_version_section(&mut version);
    page.push_str(&String::from_utf8_lossy(&version));
    ascii_roff(&page)
}

/// roff input is read as Latin-1 unless a preprocessor says otherwise (groff without `-k`,
/// older man): a character beyond ASCII (the `–` of "1–30 days") is written as its Unicode
/// escape, `\[u2013]`, which every groff and mandoc reads.
fn ascii_roff(page: &str) -> String {
    let mut out = String::with_capacity(page.len());
    for c in page.chars() {
        if c.is_ascii() {
            out.push(c);
        } else {
            out.push_str(&format!("\\[u{:04X}]", u32::from(c)));
        }
    }
    out
}

/// Text for a roff line: a backslash printed as one, `-` as a hyphen-minus (so that a flag
/// copied from the page works), and a leading `.` or `'` kept as text.
fn roff_text(text: &str) -> String {
    let escaped = text.replace('\\', "\\e").replace('-', "\\-");
    if escaped.starts_with('.') || escaped.starts_with('\'') {
        format!("\\&{escaped}")
    } else {
        escaped
    }
}

/// `.TP` entries: a bold term and its description.
fn tagged(heading: &str, entries: &[(&str, &str)]) -> String {
    let mut out = format!(".SH \"{heading}\"\n");
    for (term, text) in entries {
        out.push_str(&format!(
            ".TP\n\\fB{}\\fR\n{}\n",
            roff_text(term),
            roff_text(text)
        ));
    }
    out
}

fn exit_status_section() -> String {
    tagged(
        "EXIT STATUS",
        &[
            ("0", "Done. Also a broken pipe (payctl list | head -1)."),
            ("1", "Rejected: validation or a business rule refused the request; nothing was written."),
            ("2", "Usage: the command line is malformed (an unknown or missing flag; an amount, date, id or enum value that does not parse)."),
            ("3", "Not found: a customer, invoice, payment or method the command names does not exist."),
            ("4", "Idempotency conflict: the key was used before with a different request."),
            ("74", "Storage: the ledger cannot be read or written (missing for a read command, not a ledger, read-only, disk full, corrupt)."),
            ("75", "Busy: another process held the ledger past the busy timeout; nothing was written, safe to retry."),
        ],
    )
}

fn environment_section() -> String {
    tagged(
        "ENVIRONMENT",
        &[
            ("PAYCTL_DB", "The ledger, when --db is not given: a file (SQLite), or a postgres:// or postgresql:// URL (a team ledger on PostgreSQL)."),
            ("PGPASSWORD", "The password of a team ledger on PostgreSQL (a password in the URL is refused)."),
            ("PGPASSFILE", "The password file of a team ledger (default ~/.pgpass, libpq's format; ignored unless mode 0600)."),
            ("PAYCTL_OUTPUT", "table, json, csv or jsonl (or html, for report aging and report statement), when -o is not given."),
            ("PAYCTL_NOW", "Pins the clock (RFC 3339 or YYYY-MM-DD), for reproducible scripts and tests."),
            ("PAYCTL_BUSY_TIMEOUT_MS", "How long a write waits for another process's lock before exit 75 (default 5000)."),
            ("PAYCTL_MAX_PAGE_COUNT", "Caps the ledger at N pages; a write past it is exit 74, as on a full disk (for tests)."),
            ("PAYCTL_IMPORT_BATCH_ROWS", "Payments per batch of an import (default 5000, 20000 on PostgreSQL; for tests)."),
            ("COLUMNS", "The width tables and report aging --chart fit, on a terminal and in a pipe (at most 65535; else the terminal's; else tables are not cut and the chart is 80 wide)."),
            ("PAYCTL_FORCE_TTY", "When set and not empty, boxed tables even when stdout is not a terminal (PAYCTL_FORCE_TTY=1 payctl list | less)."),
            ("NO_COLOR", "When set and not empty, no colour (as do TERM=dumb and a stdout that is not a terminal)."),
            ("TERM", "dumb means no colour."),
            ("XDG_DATA_HOME", "The default ledger is $XDG_DATA_HOME/payctl/ledger.db (when absolute)."),
            ("HOME", "Else the default ledger is ~/.local/share/payctl/ledger.db."),
            ("USER, LOGNAME", "The OS user written in audit events."),
        ],
    )
}

fn files_section() -> String {
    tagged(
        "FILES",
        &[
            ("$XDG_DATA_HOME/payctl/ledger.db, ~/.local/share/payctl/ledger.db", "The default ledger (SQLite). The first write command creates it, mode 0600 in a 0700 folder; read commands never create it."),
            ("~/.pgpass", "Passwords of team ledgers on PostgreSQL (hostname:port:database:username:password), read only when no other user may read it."),
            ("ledger.db-wal, ledger.db-shm", "SQLite's write-ahead log and shared memory beside the ledger (mode 0600). Copy a ledger with payctl backup, not cp, while payctl may be writing."),
        ],
    )
}

/// The command's `Examples:` help, one command line per example, as they are typed.
fn examples_section(after_help: &str) -> String {
    let mut out = String::from(".SH EXAMPLES\n.RS 4\n.nf\n");
    for line in after_help
        .lines()
        .skip_while(|l| l.trim() != "Examples:")
        .skip(1)
    {
        // The help indents each example by two spaces; a continuation line keeps its own.
        out.push_str(&roff_text(line.strip_prefix("  ").unwrap_or(line)));
        out.push('\n');
    }
    out.push_str(".fi\n.RE\n");
    out
}
