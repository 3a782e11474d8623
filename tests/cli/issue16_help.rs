//! Issue 16 (SPEC §9): completions, help, man pages. Completions are checked in the real
//! shells (bash with bash-completion, fish, zsh), man pages with groff; a missing shell or groff
//! fails the test, saying what to install (.ci/run installs them).

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use clap::CommandFactory;
use payctl::cli::Cli;

use crate::common::{Env, NOW};

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// The clap tree as users see it: built, so that global options are in every command.
fn built() -> clap::Command {
    let mut cmd = Cli::command();
    cmd.build();
    cmd
}

/// Every command below `cmd` (not clap's own `help`), with the words that reach it.
fn commands(cmd: &clap::Command) -> Vec<(Vec<String>, clap::Command)> {
    fn walk(cmd: &clap::Command, path: Vec<String>, out: &mut Vec<(Vec<String>, clap::Command)>) {
        out.push((path.clone(), cmd.clone()));
        for sub in cmd.get_subcommands().filter(|s| s.get_name() != "help") {
            let mut p = path.clone();
            p.push(sub.get_name().to_string());
            walk(sub, p, out);
        }
    }
    let mut out = Vec::new();
    walk(cmd, Vec::new(), &mut out);
    out
}

/// A program the test needs, or a failure that says how to get it.
#[track_caller]
fn require(program: &str, package: &str) {
    let found = Command::new("sh")
        .args(["-c", &format!("command -v {program}")])
        .stdout(Stdio::null())
        .status()
        .is_ok_and(|s| s.success());
    assert!(
        found,
        "{program} is not installed; this test runs the real one: apt-get install -y {package}"
    );
}

// ---------------------------------------------------------------------------------------------
// payctl alone
// ---------------------------------------------------------------------------------------------

#[test]
fn payctl_alone_prints_the_help_on_stdout_and_exits_0() {
    let env = Env::new();
    let help = env.ok(&["-h"]);
    let run = env.run(&[]);
    assert_eq!(
        (run.code, run.stdout.as_str(), run.stderr.as_str()),
        (0, help.as_str(), "")
    );
    assert!(help.starts_with("Record customer payments"), "{help}");
    // A group alone (`payctl invoice`) asks the same question about its commands.
    let group_help = env.ok(&["invoice", "-h"]);
    let run = env.run(&["invoice"]);
    assert_eq!(
        (run.code, run.stdout.as_str(), run.stderr.as_str()),
        (0, group_help.as_str(), "")
    );
    assert!(!env.db.exists(), "help created a ledger");
}

// ---------------------------------------------------------------------------------------------
// Help text
// ---------------------------------------------------------------------------------------------

/// The example command lines of a command's help: the lines after `Examples:`, a line ending
/// in `\` joined with the next.
fn examples_of(cmd: &clap::Command) -> Vec<String> {
    let Some(after) = cmd.get_after_help() else {
        return Vec::new();
    };
    let text = after.to_string();
    let mut lines = text.lines().skip_while(|l| l.trim() != "Examples:").skip(1);
    let mut out = Vec::new();
    while let Some(line) = lines.next() {
        let mut example = line.trim().to_string();
        while example.ends_with('\\') {
            example.pop();
            example.push_str(lines.next().unwrap_or("").trim());
        }
        out.push(example);
    }
    out
}

#[test]
fn every_argument_is_described_and_every_command_has_examples() {
    let mut missing = Vec::new();
    for (path, cmd) in commands(&built()) {
        let name = format!("payctl {}", path.join(" "));
        let name = name.trim_end();
        for arg in cmd.get_arguments() {
            let help = arg.get_help().map(|h| h.to_string()).unwrap_or_default();
            if help.trim().is_empty() {
                missing.push(format!("{name}: {} has no help text", arg.get_id()));
            }
        }
        let examples = examples_of(&cmd);
        if examples.is_empty() {
            missing.push(format!("{name}: no Examples: section"));
        }
        for example in &examples {
            if !example.contains(&format!("{name} ")) && !example.ends_with(name) {
                missing.push(format!("{name}: example does not run it: {example}"));
            }
        }
        if let Some(after) = cmd.get_after_help() {
            for line in after.to_string().lines() {
                // Wider lines wrap in an 80-column terminal, and a wrapped example no longer
                // pastes as one command.
                if line.chars().count() > 79 {
                    missing.push(format!(
                        "{name}: example line wider than 79 columns: {line}"
                    ));
                }
            }
        }
    }
    assert!(missing.is_empty(), "{}", missing.join("\n"));
}

#[test]
fn global_options_have_their_own_heading_and_generic_help() {
    let env = Env::new();
    let help = env.ok(&["report", "aging", "--help"]);
    let (own, global) = help
        .split_once("Global options:\n")
        .unwrap_or_else(|| panic!("no Global options heading:\n{help}"));
    for flag in [
        "--db <PATH>",
        "--output <OUTPUT>",
        "--quiet",
        "--color <WHEN>",
    ] {
        assert!(
            !own.contains(flag),
            "{flag} among the command's own flags:\n{help}"
        );
        assert!(
            global.contains(flag),
            "{flag} not under Global options:\n{help}"
        );
    }
    assert!(
        !help.to_lowercase().contains("write commands"),
        "-q is described as being for writes:\n{help}"
    );
    for (path, cmd) in commands(&built()) {
        for arg in cmd.get_arguments().filter(|a| a.is_global_set()) {
            assert_eq!(
                arg.get_help_heading(),
                Some("Global options"),
                "payctl {}: --{}",
                path.join(" "),
                arg.get_id()
            );
        }
    }
}

/// The sample ledger every example runs on (see src/cli/examples.rs), and the files the
/// import and `--json` examples read.
fn example_ledger() -> Env {
    let env = Env::new();
    for args in [
        &[
            "customer",
            "add",
            "--id",
            "655080",
            "--name",
            "Acme Corp",
            "--email",
            "ap@acme.example",
        ][..],
        &[
            "method",
            "add",
            "--customer",
            "655080",
            "--type",
            "credit-card",
            "--brand",
            "Visa",
            "--last4",
            "4242",
        ],
        &[
            "method",
            "add",
            "--customer",
            "655080",
            "--type",
            "ach",
            "--brand",
            "First Bank",
            "--last4",
            "6789",
        ],
        &[
            "invoice",
            "add",
            "--customer",
            "655080",
            "--id",
            "566934",
            "--total",
            "100.00",
            "--date",
            "2026-10-01",
            "--terms",
            "net30",
        ],
        &[
            "invoice",
            "add",
            "--customer",
            "655080",
            "--id",
            "566935",
            "--total",
            "20.00",
            "--date",
            "2026-10-31",
            "--terms",
            "net30",
        ],
        &[
            "invoice",
            "add",
            "--customer",
            "655080",
            "--id",
            "566936",
            "--total",
            "30.00",
            "--date",
            "2026-12-01",
            "--due",
            "2026-12-31",
        ],
        &[
            "create",
            "--customer",
            "655080",
            "--amount",
            "60",
            "--method",
            "Cash",
            "--allocate",
            "566934=40",
        ],
        &[
            "create",
            "--customer",
            "655080",
            "--amount",
            "10",
            "--method",
            "ACH",
            "--method-id",
            "2",
        ],
    ] {
        env.ok(args);
    }
    env
}

const EXAMPLE_FILES: &[(&str, &str)] = &[
    (
        "payment.json",
        r#"{"customerId": 655080, "reference": "abc123", "amount": 50.78, "paymentMethod": "Cash", "source": "Manual", "paymentAllocations": [{"invoiceID": 566934, "amount": 2.0}]}"#,
    ),
    (
        "payments.csv",
        "customerId,amount,paymentMethod,reference\n655080,25.00,Check,CHK-2001\n",
    ),
    (
        "payments.jsonl",
        "{\"customerId\": 655080, \"amount\": 12.50, \"paymentMethod\": \"Cash\", \"reference\": \"jl-1\"}\n",
    ),
    (
        "statement.csv",
        "Date,Amount,Purpose,Name\n2026-11-01,40.00,INV 566936,Acme Corp\n2026-11-02,-5.00,fee,Bank\n",
    ),
    (
        "konto.csv",
        "Buchungstag;Betrag;Verwendungszweck\n01.11.2026;1.250,00;Rechnung 566936\n",
    ),
    (
        "invoices.json",
        r#"[{"id": 566950, "invoiceNumber": "INV-566950", "customerId": 655080, "currency": "USD", "invoiceAmount": 80.00, "effectiveTimestamp": "2026-11-01", "dueDate": "2026-12-01"}]"#,
    ),
];

#[test]
fn every_help_example_runs() {
    crate::sqlite_only!();
    let sample = example_ledger();
    let bin = assert_cmd::cargo::cargo_bin("payctl");
    let path = format!(
        "{}:{}",
        bin.parent().unwrap().display(),
        std::env::var("PATH").unwrap_or_default()
    );
    let mut failures = Vec::new();
    let mut count = 0;
    for (_, cmd) in commands(&built()) {
        for example in examples_of(&cmd) {
            count += 1;
            // A team ledger's example names a server that is not here (`payctl db`); tests/cli/
            // pg_roles.rs runs grant-clerk against the test server instead.
            if example.contains("postgres://") {
                continue;
            }
            // Each example on its own copy of the sample ledger, in its own folder (its HOME).
            let dir = tempfile::tempdir().unwrap();
            let db = dir.path().join("ledger.db");
            std::fs::copy(&sample.db, &db).unwrap();
            for (name, text) in EXAMPLE_FILES {
                std::fs::write(dir.path().join(name), text).unwrap();
            }
            // The trial-ledger example must not write to the machine's /tmp.
            let line = example.replace(
                "/tmp/payctl-try.db",
                &dir.path().join("payctl-try.db").display().to_string(),
            );
            let out = Command::new("sh")
                .args(["-c", &line])
                .current_dir(dir.path())
                .env("PATH", &path)
                .env("PAYCTL_DB", &db)
                .env("PAYCTL_NOW", NOW)
                .env("NO_COLOR", "1")
                .env("HOME", dir.path())
                .env("USER", "tester")
                .env_remove("PAYCTL_OUTPUT")
                .env_remove("XDG_DATA_HOME")
                .stdin(Stdio::null())
                .output()
                .unwrap();
            if !out.status.success() {
                failures.push(format!(
                    "{example}\n  exit {:?}: {}",
                    out.status.code(),
                    String::from_utf8_lossy(&out.stderr).trim()
                ));
            }
        }
    }
    assert!(count > 60, "only {count} examples found");
    assert!(
        failures.is_empty(),
        "examples that fail:\n{}",
        failures.join("\n")
    );
}

// ---------------------------------------------------------------------------------------------
// Completions, in the real shells
// ---------------------------------------------------------------------------------------------

/// One completion request: the words before the cursor, the word being completed, and the
/// candidates the shell must offer (exactly these).
struct Case {
    words: Vec<String>,
    current: String,
    want: BTreeSet<String>,
    /// A positional argument: bash offers the command's flags beside its values, so the
    /// values must be among the candidates (and no file), not all of them.
    positional: bool,
}

impl Case {
    fn line(&self) -> String {
        let mut line = self.words.join(" ");
        line.push(' ');
        line.push_str(&self.current);
        line
    }
}

/// Every flag with a closed set of values, in every command, and the values it must complete;
/// plus a partly typed value per shell.
fn cases() -> Vec<Case> {
    let mut out = Vec::new();
    for (path, cmd) in commands(&built()) {
        for arg in cmd.get_arguments() {
            let Some(long) = arg.get_long() else { continue };
            let values: BTreeSet<String> = arg
                .get_possible_values()
                .iter()
                .filter(|v| !v.is_hide_set())
                .map(|v| v.get_name().to_string())
                .collect();
            if values.is_empty() {
                continue;
            }
            let mut words = vec!["payctl".to_string()];
            words.extend(path.iter().cloned());
            words.push(format!("--{long}"));
            out.push(Case {
                words: words.clone(),
                current: String::new(),
                want: values.clone(),
                positional: false,
            });
            if let Some(short) = arg.get_short() {
                words.pop();
                words.push(format!("-{short}"));
                out.push(Case {
                    words,
                    current: String::new(),
                    want: values,
                    positional: false,
                });
            }
        }
        for arg in cmd.get_positionals() {
            let values: BTreeSet<String> = arg
                .get_possible_values()
                .iter()
                .filter(|v| !v.is_hide_set())
                .map(|v| v.get_name().to_string())
                .collect();
            if values.is_empty() {
                continue;
            }
            let mut words = vec!["payctl".to_string()];
            words.extend(path.iter().cloned());
            out.push(Case {
                words,
                current: String::new(),
                want: values,
                positional: true,
            });
        }
    }
    let set = |v: &[&str]| v.iter().map(|s| s.to_string()).collect::<BTreeSet<_>>();
    let words = |v: &[&str]| v.iter().map(|s| s.to_string()).collect::<Vec<_>>();
    out.push(Case {
        words: words(&["payctl", "create", "--method"]),
        current: "Cr".into(),
        want: set(&["CreditCard"]),
        positional: false,
    });
    out.push(Case {
        words: words(&["payctl", "invoice", "list", "--status"]),
        current: "p".into(),
        want: set(&["paid", "partially_paid"]),
        positional: false,
    });
    out
}

/// The enum flags the issue names, so that a change to the tree walk cannot quietly test
/// nothing.
#[track_caller]
fn check_named_flags_are_covered(cases: &[Case]) {
    for line in [
        "payctl create --method ",
        "payctl create --source ",
        "payctl create --order ",
        "payctl list --method ",
        "payctl list --source ",
        "payctl invoice list --status ",
        "payctl activity list --status ",
        "payctl activity list --type ",
        "payctl method add --type ",
        "payctl refund --method ",
        "payctl customer add --order ",
        "payctl -o ",
        "payctl list -o ",
        "payctl export ",
        "payctl completions ",
    ] {
        assert!(
            cases.iter().any(|c| c.line() == line),
            "no completion case for {line:?}"
        );
    }
}

/// Runs `script` in `shell` with the cases' lines on stdin, one per line; the script prints
/// each case's candidates on one line, separated by tabs... see each shell's script.
fn run_shell(program: &str, args: &[&str], script: &str, input: &str) -> String {
    use std::io::Write;
    let dir = tempfile::tempdir().unwrap();
    // A file that file completion would offer: a flag that completes files shows it.
    std::fs::write(dir.path().join("ledger.db"), "").unwrap();
    let mut child = Command::new(program)
        .args(args)
        .arg(script)
        .current_dir(dir.path())
        .env("HOME", dir.path())
        .env("COMPLETIONS", root().join("completions"))
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap_or_else(|e| panic!("cannot run {program}: {e}"));
    child
        .stdin
        .take()
        .unwrap()
        .write_all(input.as_bytes())
        .unwrap();
    let out = child.wait_with_output().unwrap();
    assert!(
        out.status.success(),
        "{program} failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// Compares each case's candidates (one output line per case, candidates separated by `\x1f`).
#[track_caller]
fn compare(shell: &str, cases: &[Case], output: &str) {
    let lines: Vec<&str> = output.lines().collect();
    assert_eq!(lines.len(), cases.len(), "{shell} printed:\n{output}");
    let mut wrong = Vec::new();
    for (case, line) in cases.iter().zip(lines) {
        let got: BTreeSet<String> = line
            .split('\x1f')
            .filter(|c| !c.is_empty())
            .map(|c| c.split('\t').next().unwrap_or("").trim_end().to_string())
            .collect();
        let right = if case.positional {
            got.is_superset(&case.want) && !got.contains("ledger.db")
        } else {
            got == case.want
        };
        if !right {
            wrong.push(format!(
                "{shell}: `{}<TAB>` offers {got:?}, want {:?}",
                case.line(),
                case.want
            ));
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

#[test]
fn bash_completes_every_enum_flag_with_its_values() {
    require("bash", "bash");
    let bash_completion = Path::new("/usr/share/bash-completion/bash_completion");
    assert!(
        bash_completion.exists(),
        "bash-completion is not installed; this test runs the real completion function: apt-get install -y bash-completion"
    );
    let cases = cases();
    check_named_flags_are_covered(&cases);
    // Each input line is the command line up to the cursor; the words are split as bash
    // would (no quoting in these lines), the last one (maybe empty) being completed.
    let script = r#"
source /usr/share/bash-completion/bash_completion
source "$COMPLETIONS/payctl.bash"
func=$(complete -p payctl | sed -n 's/.*-F \([^ ]*\).*/\1/p')
[ -n "$func" ] || { echo "payctl.bash registered no completion function" >&2; exit 1; }
while IFS= read -r line; do
    read -ra COMP_WORDS <<< "$line"
    [[ "$line" == *" " ]] && COMP_WORDS+=("")
    COMP_CWORD=$(( ${#COMP_WORDS[@]} - 1 ))
    COMP_LINE="$line"
    COMP_POINT=${#line}
    COMPREPLY=()
    "$func" payctl "${COMP_WORDS[COMP_CWORD]}" "${COMP_WORDS[COMP_CWORD-1]}"
    (IFS=$'\x1f'; printf '%s\n' "${COMPREPLY[*]}")
done
"#;
    let input: String = cases.iter().map(|c| c.line() + "\n").collect();
    let out = run_shell("bash", &["--norc", "--noprofile", "-c"], script, &input);
    compare("bash", &cases, &out);
}

#[test]
fn fish_completes_every_enum_flag_with_its_values() {
    require("fish", "fish");
    let cases = cases();
    check_named_flags_are_covered(&cases);
    let script = r#"
source $COMPLETIONS/payctl.fish
while read -l line
    # One line per case, empty when fish offers nothing.
    printf '%s\n' (string join \x1f -- (complete -C "$line"))
end
true
"#;
    let input: String = cases.iter().map(|c| c.line() + "\n").collect();
    let out = run_shell("fish", &["--no-config", "-c"], script, &input);
    compare("fish", &cases, &out);
}

/// zsh completes only inside its line editor, so the script below starts an interactive zsh
/// on a pseudo-terminal (zsh/zpty) with compinit and completions/_payctl on its fpath, types
/// each line followed by TAB, and reads back what the completion system offered: `compadd` is
/// wrapped to print its matches, and a `comppostfuncs` hook prints a marker when completion
/// is done.
const ZSH_CAPTURE: &str = r#"
zmodload zsh/zpty || exit 3
zpty z zsh -f -i
zpty -w z "PS1=''; RPS1=''; fpath=($COMPLETIONS \$fpath); autoload -U compinit; compinit -u -D"
zpty -w z "zstyle ':completion:*' list-grouped false; bindkey '^I' complete-word"
zpty -w z 'compadd() { if (( ${@[(I)-[OAD]]} )); then builtin compadd "$@"; return; fi; local -a __hits; builtin compadd -A __hits "$@"; (( $#__hits )) && print -rn -- " CAND:"${^__hits}; builtin compadd "$@" }'
zpty -w z '__payctl_test_done() { print -rn -- " COMPLETION-DONE" }'
zpty -w z 'echo READY-MARK'
zpty -r z out '*READY-MARK*READY-MARK*' || exit 4
while IFS= read -r line; do
    # _main_complete empties comppostfuncs after each completion: set it again.
    zpty -w z 'comppostfuncs=(__payctl_test_done)'
    zpty -w -n z "$line"$'	'
    out=''
    zpty -r z out '*COMPLETION-DONE*' || exit 5
    print -r -- "${(pj::)${(@)${(@M)${(s: :)out}:#CAND:*}#CAND:}}"
    # Ctrl-U: clear the line for the next one.
    zpty -w -n z $''
done
zpty -d z
"#;

#[test]
fn zsh_completes_every_enum_flag_with_its_values() {
    require("zsh", "zsh");
    require("timeout", "coreutils");
    let cases = cases();
    check_named_flags_are_covered(&cases);
    let input: String = cases.iter().map(|c| c.line() + "\n").collect();
    // A line that never completes would leave zpty waiting: give up after two minutes.
    let out = run_shell("timeout", &["120", "zsh", "-f", "-c"], ZSH_CAPTURE, &input);
    compare("zsh", &cases, &out);
}

/// The script zsh loads compiles, and every enum flag's spec lists its values (with no values,
/// zsh's `_default` completes files).
#[test]
fn zsh_script_loads_and_lists_every_enum_flags_values() {
    require("zsh", "zsh");
    let file = root().join("completions/_payctl");
    let out = Command::new("zsh")
        .args([
            "-f",
            "-c",
            "autoload -U compinit && compinit -u -D && source \"$0\" && (( $+functions[_payctl] ))",
        ])
        .arg(&file)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "zsh cannot load {}: {}",
        file.display(),
        String::from_utf8_lossy(&out.stderr)
    );
    let script = std::fs::read_to_string(&file).unwrap();
    // clap_complete writes one spec per flag and command, `'--method=[help]:METHOD:(Cash ...)'`
    // or, with descriptions, `((a\\:"..." ...))` over several lines, ending in `' \`.
    let specs = |flag: &str| -> Vec<String> {
        let mut found = Vec::new();
        for start in [format!("'{flag}="), format!("'{flag}+")] {
            for (at, _) in script.match_indices(&start) {
                let rest = &script[at..];
                let end = rest.find("' \\\n").unwrap_or(rest.len());
                found.push(rest[..end].to_string());
            }
        }
        found
    };
    let mut wrong = Vec::new();
    for case in cases()
        .iter()
        .filter(|c| c.current.is_empty() && !c.positional)
    {
        let flag = case.words.last().unwrap();
        let found = specs(flag);
        if found.iter().any(|s| s.ends_with(":_default")) {
            wrong.push(format!("{}: a spec of {flag} completes files", case.line()));
        }
        if !found
            .iter()
            .any(|s| case.want.iter().all(|v| s.contains(v.as_str())))
        {
            wrong.push(format!("{}: values not listed", case.line()));
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

// ---------------------------------------------------------------------------------------------
// Man pages
// ---------------------------------------------------------------------------------------------

#[test]
fn committed_man_pages_are_current_one_per_command() {
    let env = Env::new();
    let fresh = env.dir.path().join("man");
    let out = env.ok(&["man", "--dir", fresh.to_str().unwrap(), "-q"]);
    assert_eq!(out, "");
    let list = |dir: &Path| -> BTreeSet<String> {
        std::fs::read_dir(dir)
            .map(|entries| {
                entries
                    .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
                    .collect()
            })
            .unwrap_or_default()
    };
    let want: BTreeSet<String> = commands(&built())
        .iter()
        .map(|(path, _)| {
            let mut name = vec!["payctl".to_string()];
            name.extend(path.iter().cloned());
            format!("{}.1", name.join("-"))
        })
        .collect();
    assert_eq!(list(&fresh), want, "one page per command");
    let committed_dir = root().join("completions/man");
    let mut stale: Vec<String> = list(&fresh)
        .symmetric_difference(&list(&committed_dir))
        .cloned()
        .collect();
    for file in list(&fresh) {
        let a = std::fs::read_to_string(fresh.join(&file)).unwrap();
        let b = std::fs::read_to_string(committed_dir.join(&file)).unwrap_or_default();
        if a != b {
            stale.push(file);
        }
    }
    assert!(
        stale.is_empty(),
        "stale or missing man pages in completions/man: {stale:?}; regenerate them with: bash .ci/generate"
    );
    // `payctl man` and `payctl man invoice add` print the same pages.
    assert_eq!(
        env.ok(&["man"]),
        std::fs::read_to_string(fresh.join("payctl.1")).unwrap()
    );
    assert_eq!(
        env.ok(&["man", "invoice", "add"]),
        std::fs::read_to_string(fresh.join("payctl-invoice-add.1")).unwrap()
    );
}

#[test]
fn man_pages_name_only_pages_that_exist_and_have_the_sections() {
    let env = Env::new();
    let dir = env.dir.path().join("man");
    env.ok(&["man", "--dir", dir.to_str().unwrap()]);
    let main = std::fs::read_to_string(dir.join("payctl.1")).unwrap();
    for section in [
        ".SH \"EXIT STATUS\"",
        ".SH \"ENVIRONMENT\"",
        ".SH \"FILES\"",
        ".SH EXAMPLES",
    ] {
        assert!(main.contains(section), "payctl.1 has no {section}");
    }
    for code in ["0", "1", "2", "3", "4", "74", "75"] {
        assert!(
            main.contains(&format!(".TP\n\\fB{code}\\fR\n")),
            "EXIT STATUS has no {code}"
        );
    }
    for var in [
        "PAYCTL_DB",
        "PAYCTL_OUTPUT",
        "PAYCTL_NOW",
        "PAYCTL_BUSY_TIMEOUT_MS",
        "PAYCTL_MAX_PAGE_COUNT",
        "PAYCTL_IMPORT_BATCH_ROWS",
        "NO_COLOR",
        "XDG_DATA_HOME",
        "HOME",
    ] {
        assert!(
            main.contains(&format!("\\fB{var}\\fR")),
            "ENVIRONMENT has no {var}"
        );
    }
    assert!(main.contains("ledger.db\\-wal"), "FILES has no -wal file");
    // Each page's title is its own name; its footer names payctl, not the command.
    for entry in std::fs::read_dir(&dir).unwrap() {
        let path = entry.unwrap().path();
        let page = std::fs::read_to_string(&path).unwrap();
        let name = path.file_stem().unwrap().to_string_lossy().into_owned();
        let title = format!(".TH {name} 1  \"payctl {}\" \n", env!("CARGO_PKG_VERSION"));
        assert!(
            page.lines().any(|l| format!("{l}\n") == title),
            "{name}: no title line {title:?}"
        );
    }
    // Every `payctl-x(1)` reference names a page that exists.
    let mut dangling = Vec::new();
    for entry in std::fs::read_dir(&dir).unwrap() {
        let page = std::fs::read_to_string(entry.unwrap().path()).unwrap();
        for (at, _) in page.match_indices("(1)") {
            let start = page[..at]
                .rfind(|c: char| !(c.is_ascii_alphanumeric() || c == '-' || c == '\\'))
                .map_or(0, |i| i + 1);
            let name = page[start..at]
                .replace("\\-", "-")
                .replace("\\fB", "")
                .replace("\\fR", "");
            if !dir.join(format!("{name}.1")).exists() {
                dangling.push(name.to_string());
            }
        }
    }
    assert!(dangling.is_empty(), "pages named but missing: {dangling:?}");
}

/// groff renders every committed page without a warning (man -l uses groff).
#[test]
fn groff_renders_every_man_page_without_warnings() {
    require("groff", "groff-base man-db");
    let dir = root().join("completions/man");
    let mut pages: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|e| e.unwrap().path())
        .collect();
    pages.sort();
    assert!(pages.len() > 30, "only {} pages", pages.len());
    let mut problems = Vec::new();
    for page in &pages {
        let out = Command::new("groff")
            .args(["-man", "-Tutf8", "-ww", "-z"])
            .arg(page)
            .output()
            .unwrap();
        let stderr = String::from_utf8_lossy(&out.stderr);
        if !out.status.success() || !stderr.trim().is_empty() {
            problems.push(format!("{}: {stderr}", page.display()));
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
    // And the main page reads as it should.
    let out = Command::new("groff")
        // -P-cbou: plain text, no bold or underline by overstriking.
        .args(["-man", "-Tutf8", "-P-cbou", "-rLL=80n"])
        .arg(dir.join("payctl.1"))
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&out.stdout);
    for heading in ["EXIT STATUS", "ENVIRONMENT", "FILES", "EXAMPLES"] {
        assert!(text.contains(heading), "rendered payctl.1 has no {heading}");
    }
}

/// Every environment variable payctl reads (`env::var("X")`, `var_os("X")`, clap's
/// `env = "X"` anywhere in src/) is in payctl(1)'s ENVIRONMENT, so that a variable added later
/// cannot be left out of the page.
#[test]
fn the_man_page_lists_every_environment_variable_payctl_reads() {
    fn sources(dir: &Path, out: &mut Vec<PathBuf>) {
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                sources(&path, out);
            } else if path.extension().is_some_and(|e| e == "rs") {
                out.push(path);
            }
        }
    }
    let mut files = Vec::new();
    sources(&root().join("src"), &mut files);
    let mut read = BTreeSet::new();
    for file in files {
        let text = std::fs::read_to_string(&file).unwrap();
        for opener in ["var(\"", "var_os(\"", "env = \""] {
            for (at, _) in text.match_indices(opener) {
                let rest = &text[at + opener.len()..];
                let name: String = rest
                    .chars()
                    .take_while(|c| c.is_ascii_uppercase() || c.is_ascii_digit() || *c == '_')
                    .collect();
                if !name.is_empty() && rest[name.len()..].starts_with('"') {
                    read.insert(name);
                }
            }
        }
    }
    assert!(
        read.contains("PAYCTL_DB") && read.contains("NO_COLOR"),
        "{read:?}"
    );
    let page = Env::new().ok(&["man"]);
    let environment = page
        .split(".SH \"ENVIRONMENT\"")
        .nth(1)
        .and_then(|rest| rest.split("\n.SH ").next())
        .unwrap_or_else(|| panic!("payctl(1) has no ENVIRONMENT section"));
    let missing: Vec<&String> = read
        .iter()
        .filter(|name| !environment.contains(&format!("\\fB{name}")))
        .collect();
    assert!(
        missing.is_empty(),
        "payctl reads {missing:?} but payctl(1) ENVIRONMENT does not list them (src/commands/generate.rs)"
    );
}

/// On a terminal, `Examples:` is styled as clap styles `Options:` (and, with NO_COLOR, neither
/// is). Run on a real pseudo-terminal with `script`.
#[test]
fn the_examples_heading_looks_like_the_other_headings_on_a_terminal() {
    require("script", "bsdutils");
    let bin = assert_cmd::cargo::cargo_bin("payctl");
    let heading = |no_color: bool, name: &str| -> String {
        let mut cmd = Command::new("script");
        cmd.args([
            "-qc",
            &format!("{} create --help", bin.display()),
            "/dev/null",
        ])
        .env("TERM", "xterm")
        .env_remove("NO_COLOR")
        .stdin(Stdio::null());
        if no_color {
            cmd.env("NO_COLOR", "1");
        }
        let out = String::from_utf8_lossy(&cmd.output().unwrap().stdout).into_owned();
        let line = out
            .lines()
            .find(|l| l.contains(name))
            .unwrap_or_else(|| panic!("no {name} in:\n{out}"));
        // The line with the heading's name blanked out: what styles it.
        line.replace(name, "<>").trim_end().to_string()
    };
    let options = heading(false, "Options:");
    assert!(options.contains('\x1b'), "clap styled nothing: {options:?}");
    assert_eq!(heading(false, "Examples:"), options);
    assert_eq!(heading(true, "Examples:"), heading(true, "Options:"));
    assert_eq!(heading(true, "Examples:"), "<>");
}
