//! The bad-input corpus (tests/corpus/commands.toml): every case is a malformed command or
//! import file with its exact exit code and stderr. One ledger is seeded; after each case its
//! content (every row of every table, the schema, user_version, application_id) and the main
//! file's bytes must be exactly what they were, and no -wal file may hold anything. Every
//! failing case is reported at once, by name.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::Stdio;

use serde::{Deserialize, Serialize};

use crate::common::Env;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Corpus {
    /// Commands that build the ledger every case runs against.
    seed: Vec<Vec<String>>,
    case: Vec<Case>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Case {
    name: String,
    args: Vec<String>,
    #[serde(default)]
    stdin: Option<String>,
    #[serde(default)]
    env: BTreeMap<String, String>,
    code: i32,
    stderr: String,
    #[serde(default)]
    stdout: String,
}

/// What a case did, in the corpus's own syntax, so a new case's result can be pasted in
/// (after checking that it is right).
#[derive(Serialize)]
struct Actual<'a> {
    code: i32,
    stderr: &'a str,
    #[serde(skip_serializing_if = "str::is_empty")]
    stdout: &'a str,
}

fn corpus_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/corpus")
}

/// `{rep:TEXT:N}` is TEXT repeated N times (long values stay readable in the corpus); `{tmp}`
/// is a scratch folder of the case's own; `{db}` is the ledger's path.
fn expand(arg: &str, tmp: &Path, db: &Path) -> String {
    let mut out = arg
        .replace("{tmp}", &tmp.display().to_string())
        .replace("{db}", &db.display().to_string());
    while let Some(start) = out.find("{rep:") {
        let rest = &out[start + 5..];
        let end = rest.find('}').expect("{rep:TEXT:N} is closed by }");
        let (text, count) = rest[..end]
            .rsplit_once(':')
            .expect("{rep:TEXT:N} has a count");
        let count: usize = count.parse().expect("{rep:TEXT:N}: N is a number");
        let expanded = text.repeat(count);
        out = format!("{}{}{}", &out[..start], expanded, &rest[end + 1..]);
    }
    out
}

/// The ledger's content and its main file's bytes. Equal fingerprints mean nothing was
/// written: with WAL, a committed write would show in the content (read through the WAL) and
/// the -wal file; anything else (a VACUUM, a page rewrite) in the bytes.
fn fingerprint(db: &Path) -> (String, Vec<u8>, u64) {
    // A team ledger has no file of its own: its content is the whole fingerprint.
    if crate::common::on_postgres() {
        return (crate::common::snapshot(db), Vec::new(), 0);
    }
    let conn =
        rusqlite::Connection::open_with_flags(db, rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY)
            .expect("open ledger");
    let mut content = crate::common::snapshot(db);
    let mut stmt = conn
        .prepare("SELECT type, name, coalesce(sql, '') FROM sqlite_schema ORDER BY type, name")
        .unwrap();
    let schema: Vec<String> = stmt
        .query_map([], |r| {
            Ok(format!(
                "{}|{}|{}",
                r.get::<_, String>(0)?,
                r.get::<_, String>(1)?,
                r.get::<_, String>(2)?
            ))
        })
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    content.push_str("## schema\n");
    content.push_str(&schema.join("\n"));
    for pragma in ["user_version", "application_id"] {
        let v: i64 = conn
            .query_row(&format!("PRAGMA {pragma}"), [], |r| r.get(0))
            .unwrap();
        content.push_str(&format!("\n## {pragma} {v}"));
    }
    drop(stmt);
    drop(conn);
    let bytes = std::fs::read(db).expect("read ledger");
    let wal = std::fs::metadata(db.with_extension("db-wal")).map_or(0, |m| m.len());
    (content, bytes, wal)
}

/// The lines of `after` that are not in `before` and the reverse: a short account of a change.
fn diff(before: &str, after: &str) -> String {
    let b: Vec<&str> = before.lines().collect();
    let a: Vec<&str> = after.lines().collect();
    let mut out = String::new();
    for line in b.iter().filter(|l| !a.contains(l)).take(10) {
        out.push_str(&format!("    - {line}\n"));
    }
    for line in a.iter().filter(|l| !b.contains(l)).take(10) {
        out.push_str(&format!("    + {line}\n"));
    }
    out
}

fn indent(text: &str) -> String {
    text.lines().map(|l| format!("    {l}\n")).collect()
}

#[test]
fn every_bad_input_in_the_corpus_is_refused_and_changes_nothing() {
    let path = corpus_dir().join("commands.toml");
    let text = std::fs::read_to_string(&path).expect("read tests/corpus/commands.toml");
    let corpus: Corpus =
        toml::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    assert!(
        corpus.case.len() >= 100,
        "the corpus promises at least 100 cases; it has {}",
        corpus.case.len()
    );
    let mut names = std::collections::HashSet::new();
    for case in &corpus.case {
        assert!(
            names.insert(&case.name),
            "two cases are named {:?}",
            case.name
        );
    }

    let env = Env::new();
    for args in &corpus.seed {
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        env.ok(&args);
    }
    // On SQLite a copy of the seeded file puts it back after a case that changed it; a team
    // ledger has no file to copy, so there a changed ledger shows in the cases after it too.
    let pristine = env.dir.path().join("pristine.db");
    if !crate::common::on_postgres() {
        std::fs::copy(&env.db, &pristine).expect("keep a copy of the seeded ledger");
    }
    let seeded = fingerprint(&env.db);
    assert_eq!(
        seeded.2, 0,
        "the seeded ledger left a -wal file with content"
    );

    let files = corpus_dir().join("files");
    let mut failures = Vec::new();
    for case in &corpus.case {
        // A case that names the ledger's own path as an output is about the SQLite file and
        // the files beside it; a team ledger has none.
        if crate::common::on_postgres() && case.args.iter().any(|a| a.contains("{db}")) {
            continue;
        }
        let tmp = tempfile::tempdir().expect("scratch folder");
        let args: Vec<String> = case
            .args
            .iter()
            .map(|a| expand(a, tmp.path(), &env.db))
            .collect();
        let mut cmd = env.command(&args.iter().map(String::as_str).collect::<Vec<_>>());
        cmd.current_dir(&files);
        for (k, v) in &case.env {
            cmd.env(k, expand(v, tmp.path(), &env.db));
        }
        let out = match &case.stdin {
            None => cmd.output().expect("run payctl"),
            Some(input) => {
                use std::io::Write;
                let mut child = cmd
                    .stdin(Stdio::piped())
                    .stdout(Stdio::piped())
                    .stderr(Stdio::piped())
                    .spawn()
                    .expect("spawn payctl");
                // A command may refuse before it reads stdin: a closed pipe is not a failure.
                let _ = child.stdin.take().unwrap().write_all(input.as_bytes());
                child.wait_with_output().expect("run payctl")
            }
        };
        let code = out.status.code().unwrap_or(-1);
        let stderr = String::from_utf8_lossy(&out.stderr);
        let stdout = String::from_utf8_lossy(&out.stdout);

        let tmp_text = tmp.path().display().to_string();
        let db_text = env.db.display().to_string();
        let stderr = stderr.replace(&db_text, "{db}").replace(&tmp_text, "{tmp}");
        let stdout = stdout.replace(&db_text, "{db}").replace(&tmp_text, "{tmp}");
        let mut problems = String::new();
        if code != case.code {
            problems.push_str(&format!(
                "  exit code: expected {}, got {code}\n",
                case.code
            ));
        }
        if stderr != case.stderr {
            problems.push_str(&format!(
                "  stderr expected:\n{}  stderr got:\n{}",
                indent(&case.stderr),
                indent(&stderr)
            ));
        }
        if stdout != case.stdout {
            problems.push_str(&format!(
                "  stdout expected:\n{}  stdout got:\n{}",
                indent(&case.stdout),
                indent(&stdout)
            ));
        }
        if stderr.contains("panicked") || code == 101 {
            problems.push_str("  payctl panicked\n");
        }
        let after = fingerprint(&env.db);
        if after != seeded {
            problems.push_str("  THE LEDGER CHANGED:\n");
            problems.push_str(&diff(&seeded.0, &after.0));
            if after.1 != seeded.1 {
                problems.push_str("    (the main file's bytes differ)\n");
            }
            if after.2 != 0 {
                problems.push_str(&format!("    (the -wal file holds {} bytes)\n", after.2));
            }
            // Put the seeded ledger back, so one bad case does not fail the ones after it.
            if !crate::common::on_postgres() {
                for ext in ["db-wal", "db-shm"] {
                    let _ = std::fs::remove_file(env.db.with_extension(ext));
                }
                std::fs::copy(&pristine, &env.db).expect("restore the seeded ledger");
            }
        }
        if !problems.is_empty() {
            let actual = toml::to_string(&Actual {
                code,
                stderr: &stderr,
                stdout: &stdout,
            })
            .unwrap();
            failures.push(format!(
                "case {:?}: payctl {:?}\n{problems}  what it did, in corpus syntax:\n{}",
                case.name,
                args,
                indent(&actual)
            ));
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} corpus cases failed ({}):\n\n{}",
        failures.len(),
        corpus.case.len(),
        path.display(),
        failures.join("\n")
    );
}
