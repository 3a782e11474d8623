//! The PostgreSQL schema (`src/ledger/migrations/postgres/`) against SQLite's
//! (`src/ledger/migrations/`): the same tables, columns in the same order, types, NOT NULL,
//! defaults, primary keys, unique indexes, foreign keys, indexes and CHECK constraints (the
//! allowed values compared as sets), every SQLite trigger and its refusal text, so that the
//! two cannot drift apart.
//!
//! The PostgreSQL half needs a server: `PAYCTL_TEST_PG` holds the URL `.ci/pg start` prints
//! (`postgres://payctl@/payctl_template?host=SOCKDIR`) or the socket folder alone. Each test
//! makes its own database (through the `postgres` maintenance database, so that it never holds
//! the template open), applies the migrations with `psql`, and drops the database after. Without
//! `PAYCTL_TEST_PG` those tests print a note and pass; the tests of the comparison itself and of
//! the migration lists always run.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::atomic::{AtomicUsize, Ordering};

use rusqlite::Connection;

/// SQLite's migrations, in order, as payctl applies them.
const SQLITE_MIGRATIONS: &[(&str, &str)] = &[
    (
        "001_initial.sql",
        include_str!("../../src/ledger/migrations/001_initial.sql"),
    ),
    (
        "002_open_invoices.sql",
        include_str!("../../src/ledger/migrations/002_open_invoices.sql"),
    ),
    (
        "003_checks_without_in.sql",
        include_str!("../../src/ledger/migrations/003_checks_without_in.sql"),
    ),
    (
        "004_currency_totals.sql",
        include_str!("../../src/ledger/migrations/004_currency_totals.sql"),
    ),
    (
        "005_invoice_numbers.sql",
        include_str!("../../src/ledger/migrations/005_invoice_numbers.sql"),
    ),
    (
        "006_bank.sql",
        include_str!("../../src/ledger/migrations/006_bank.sql"),
    ),
    (
        "007_statement_triggers.sql",
        include_str!("../../src/ledger/migrations/007_statement_triggers.sql"),
    ),
    (
        "008_periods.sql",
        include_str!("../../src/ledger/migrations/008_periods.sql"),
    ),
    (
        "009_adjustments.sql",
        include_str!("../../src/ledger/migrations/009_adjustments.sql"),
    ),
    (
        "010_balance_facts.sql",
        include_str!("../../src/ledger/migrations/010_balance_facts.sql"),
    ),
    (
        "011_checks_by_touched_rows.sql",
        include_str!("../../src/ledger/migrations/011_checks_by_touched_rows.sql"),
    ),
];

/// What only the PostgreSQL schema has, on purpose: the schema version and application marker
/// (SQLite keeps them in `PRAGMA user_version` and `application_id`), and the audit trail's
/// database user (SQLite has no database users; see the lead's note on issue 18).
fn pg_only(fact: &str) -> bool {
    fact.starts_with("payctl_meta ") || fact.starts_with("audit_events column 11 db_user ")
}

fn migrations_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("src/ledger/migrations")
}

/// The numbered migration files of a folder (`NNN_name.sql`), in order.
fn numbered_migrations(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("read {}: {e}", dir.display()))
        .map(|entry| entry.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|name| {
            name.ends_with(".sql")
                && name.len() > 4
                && name[..3].bytes().all(|b| b.is_ascii_digit())
                && name.as_bytes()[3] == b'_'
        })
        .collect();
    names.sort();
    names
}

#[test]
fn pg_migrations_have_sqlite_versions() {
    let sqlite = numbered_migrations(&migrations_dir());
    let pg = numbered_migrations(&migrations_dir().join("postgres"));
    let listed: Vec<String> = SQLITE_MIGRATIONS
        .iter()
        .map(|(name, _)| name.to_string())
        .collect();
    assert_eq!(
        sqlite, listed,
        "SQLITE_MIGRATIONS in this test must list src/ledger/migrations"
    );
    assert_eq!(
        pg, sqlite,
        "each SQLite schema version needs its PostgreSQL migration of the same name"
    );
    // The version is the migration's position in the list (equal to its number once the
    // numbers are contiguous; migrations written in parallel are numbered apart, then renumbered).
    for (position, name) in pg.iter().enumerate() {
        let sql = std::fs::read_to_string(migrations_dir().join("postgres").join(name)).unwrap();
        let version = position + 1;
        assert!(
            sql.contains(&format!(
                "UPDATE payctl_meta SET value = '{version}' WHERE key = 'schema_version';"
            )),
            "postgres/{name} must record schema_version {version}"
        );
    }
}

// ---- Expressions, written in one canonical form whichever engine printed them ----

#[derive(Debug, Clone, PartialEq)]
enum Token {
    Word(String),
    Literal(String),
    Punct(String),
}

/// Lower-cased words, literals kept as written, parentheses and `::type` casts dropped:
/// PostgreSQL prints `CHECK (total > 0)` as `CHECK ((total > 0))` and a literal as `'a'::text`.
fn tokens(expr: &str) -> Vec<Token> {
    let chars: Vec<char> = expr.chars().collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if c.is_whitespace() || c == '(' || c == ')' {
            i += 1;
        } else if c == '\'' {
            let start = i;
            i += 1;
            while i < chars.len() {
                if chars[i] == '\'' {
                    if chars.get(i + 1) == Some(&'\'') {
                        i += 2;
                        continue;
                    }
                    break;
                }
                i += 1;
            }
            i += 1;
            out.push(Token::Literal(
                chars[start..i.min(chars.len())].iter().collect(),
            ));
        } else if c == ':' && chars.get(i + 1) == Some(&':') {
            // A cast: `::text`, `::bigint`.
            i += 2;
            while i < chars.len() && (chars[i].is_alphanumeric() || chars[i] == '_') {
                i += 1;
            }
        } else if c.is_ascii_digit() {
            let start = i;
            while i < chars.len() && chars[i].is_ascii_digit() {
                i += 1;
            }
            out.push(Token::Literal(chars[start..i].iter().collect()));
        } else if c.is_alphanumeric() || c == '_' || c == '"' {
            let start = i;
            while i < chars.len()
                && (chars[i].is_alphanumeric() || chars[i] == '_' || chars[i] == '"')
            {
                i += 1;
            }
            let word: String = chars[start..i].iter().collect();
            out.push(Token::Word(word.trim_matches('"').to_lowercase()));
        } else if "<>=!~|+-*/%&".contains(c) {
            let start = i;
            while i < chars.len() && "<>=!~|+-*/%&".contains(chars[i]) {
                i += 1;
            }
            out.push(Token::Punct(chars[start..i].iter().collect()));
        } else {
            out.push(Token::Punct(c.to_string()));
            i += 1;
        }
    }
    out
}

fn word(t: &Token, w: &str) -> bool {
    matches!(t, Token::Word(x) if x == w)
}

fn punct(t: &Token, p: &str) -> bool {
    matches!(t, Token::Punct(x) if x == p)
}

/// `col IN (...)`, `col = ANY (ARRAY[...])` and `col = a OR col = b ...` as `col in {a, b}`,
/// the values sorted: the allowed values are what must agree, not how each engine checks them.
fn value_list(t: &[Token]) -> Option<String> {
    let Token::Word(column) = t.first()? else {
        return None;
    };
    let mut values = BTreeSet::new();
    let literals = |list: &[Token], values: &mut BTreeSet<String>| -> Option<()> {
        for (i, token) in list.iter().enumerate() {
            match token {
                Token::Literal(v) if i % 2 == 0 => {
                    values.insert(v.clone());
                }
                Token::Punct(p) if i % 2 == 1 && p == "," => {}
                _ => return None,
            }
        }
        (list.len() % 2 == 1).then_some(())
    };
    if t.len() >= 3 && word(&t[1], "in") {
        literals(&t[2..], &mut values)?;
    } else if t.len() >= 6
        && punct(&t[1], "=")
        && word(&t[2], "any")
        && word(&t[3], "array")
        && punct(&t[4], "[")
        && punct(t.last()?, "]")
    {
        literals(&t[5..t.len() - 1], &mut values)?;
    } else {
        // col = a OR col = b ...
        for (i, chunk) in t.split(|x| word(x, "or")).enumerate() {
            match chunk {
                [Token::Word(c), eq, Token::Literal(v)] if c == column && punct(eq, "=") => {
                    values.insert(v.clone());
                }
                _ => return None,
            }
            if i == 0 && t.len() == 3 {
                return None; // one comparison is not a list
            }
        }
    }
    Some(format!(
        "{column} in {{{}}}",
        values.into_iter().collect::<Vec<_>>().join(", ")
    ))
}

/// One canonical text for an expression from either engine.
fn canonical(expr: &str) -> String {
    let mut t = tokens(expr);
    // SQLite's `NOT GLOB '*[^0-9]*'` (a character other than a digit) is PostgreSQL's
    // `!~ '[^0-9]'`.
    if let Some(i) = t.windows(3).position(|w| {
        word(&w[0], "not") && word(&w[1], "glob") && w[2] == Token::Literal("'*[^0-9]*'".into())
    }) {
        t.splice(
            i..i + 3,
            [Token::Punct("!~".into()), Token::Literal("'[^0-9]'".into())],
        );
    }
    if let Some(list) = value_list(&t) {
        return list;
    }
    t.iter()
        .map(|x| match x {
            Token::Word(s) | Token::Literal(s) | Token::Punct(s) => s.as_str(),
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// The expression inside the parentheses that start at `open` (an index of `(` in `s`).
fn parenthesised(s: &str, open: usize) -> &str {
    let mut depth = 0;
    let mut quoted = false;
    for (i, c) in s[open..].char_indices() {
        match c {
            '\'' => quoted = !quoted,
            '(' if !quoted => depth += 1,
            ')' if !quoted => {
                depth -= 1;
                if depth == 0 {
                    return &s[open + 1..open + i];
                }
            }
            _ => {}
        }
    }
    panic!("unbalanced parentheses in {s}")
}

/// Every `CHECK (...)` expression of a CREATE TABLE statement: the keyword outside string
/// literals and `--` comments (a comment or the value 'Check' must not count).
fn checks_of(sql: &str) -> Vec<String> {
    let bytes = sql.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'\'' => {
                i += 1;
                while i < bytes.len() && bytes[i] != b'\'' {
                    i += 1;
                }
                i += 1;
            }
            b'-' if bytes.get(i + 1) == Some(&b'-') => {
                while i < bytes.len() && bytes[i] != b'\n' {
                    i += 1;
                }
            }
            _ if sql[i..].len() >= 5
                && sql[i..i + 5].eq_ignore_ascii_case("check")
                && (i == 0 || !(bytes[i - 1].is_ascii_alphanumeric() || bytes[i - 1] == b'_'))
                && sql[i + 5..].trim_start().starts_with('(') =>
            {
                let open = i + 5 + (sql[i + 5..].len() - sql[i + 5..].trim_start().len());
                let expr = parenthesised(sql, open);
                out.push(expr.to_string());
                i = open + expr.len() + 2;
            }
            _ => i += 1,
        }
    }
    out
}

fn canonical_type(t: &str) -> String {
    match t.to_lowercase().as_str() {
        "integer" | "bigint" => "integer".into(),
        other => other.into(),
    }
}

// ---- Each schema as a set of facts, one line each ----

fn sqlite_schema(migrations: &[(&str, &str)]) -> (BTreeSet<String>, Connection) {
    let mut conn = Connection::open_in_memory().unwrap();
    let tx = conn.transaction().unwrap();
    for (name, sql) in migrations {
        tx.execute_batch(sql)
            .unwrap_or_else(|e| panic!("SQLite migration {name}: {e}"));
    }
    tx.commit().unwrap();
    let mut facts = BTreeSet::new();
    let tables: Vec<(String, String)> = conn
        .prepare(
            "SELECT name, sql FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%'",
        )
        .unwrap()
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    for (table, sql) in &tables {
        facts.insert(format!("{table} table"));
        let columns: Vec<(String, String, bool, Option<String>, i64)> = conn
            .prepare("SELECT name, type, \"notnull\", dflt_value, pk FROM pragma_table_info(?1) ORDER BY cid")
            .unwrap()
            .query_map([table], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?)))
            .unwrap()
            .collect::<Result<_, _>>()
            .unwrap();
        for (n, (name, ty, not_null, default, pk)) in columns.iter().enumerate() {
            // A primary key column is NOT NULL on PostgreSQL; on SQLite an INTEGER PRIMARY KEY
            // is the rowid, and a WITHOUT ROWID key is NOT NULL. (A TEXT PRIMARY KEY of a rowid
            // table would take NULL on SQLite: payctl never writes one.)
            let not_null = *not_null || *pk > 0;
            facts.insert(column_fact(
                table,
                n + 1,
                name,
                ty,
                not_null,
                default.as_deref(),
            ));
        }
        let mut key: Vec<(i64, String)> = columns
            .iter()
            .filter(|c| c.4 > 0)
            .map(|c| (c.4, c.0.clone()))
            .collect();
        key.sort();
        let key: Vec<String> = key.into_iter().map(|(_, name)| name).collect();
        if !key.is_empty() {
            facts.insert(format!("{table} primary key ({})", key.join(", ")));
        }
        for check in checks_of(sql) {
            facts.insert(format!("{table} check {}", canonical(&check)));
        }
        let fks: Vec<(i64, String, String, String)> = conn
            .prepare("SELECT id, \"table\", \"from\", \"to\" FROM pragma_foreign_key_list(?1) ORDER BY id, seq")
            .unwrap()
            .query_map([table], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)))
            .unwrap()
            .collect::<Result<_, _>>()
            .unwrap();
        for (_, target, from, to) in fks {
            let deferred = sql.contains(&format!(
                "REFERENCES {target} ({to}) DEFERRABLE INITIALLY DEFERRED"
            ));
            facts.insert(fk_fact(table, &from, &target, &to, deferred));
        }
        let indexes: Vec<(String, bool, String)> = conn
            .prepare("SELECT name, \"unique\", origin FROM pragma_index_list(?1)")
            .unwrap()
            .query_map([table], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
            .unwrap()
            .collect::<Result<_, _>>()
            .unwrap();
        for (index, unique, origin) in indexes {
            let named: Vec<Option<String>> = conn
                .prepare("SELECT name FROM pragma_index_info(?1) ORDER BY seqno")
                .unwrap()
                .query_map([&index], |r| r.get(0))
                .unwrap()
                .collect::<Result<_, _>>()
                .unwrap();
            // An expression (no column name) as its CREATE INDEX writes it, in PostgreSQL's
            // words: SQLite's trim(x) is PostgreSQL's TRIM(BOTH FROM x).
            let columns: Vec<String> = if named.iter().all(Option::is_some) {
                named.into_iter().flatten().collect()
            } else {
                let sql: String = conn
                    .query_row(
                        "SELECT sql FROM sqlite_schema WHERE name = ?1",
                        [&index],
                        |r| r.get(0),
                    )
                    .unwrap();
                let on = sql.find(&format!(" ON {table} ")).unwrap();
                let open = on + sql[on..].find('(').unwrap();
                parenthesised(&sql, open)
                    .split(',')
                    .map(|c| c.trim().replace("trim(", "TRIM(BOTH FROM "))
                    .collect()
            };
            match origin.as_str() {
                "pk" => {}
                "u" => {
                    facts.insert(format!("{table} unique ({})", columns.join(", ")));
                }
                _ => {
                    let sql: String = conn
                        .query_row(
                            "SELECT sql FROM sqlite_schema WHERE name = ?1",
                            [&index],
                            |r| r.get(0),
                        )
                        .unwrap();
                    let predicate = sql
                        .to_uppercase()
                        .find(" WHERE ")
                        .map(|at| canonical(&sql[at + 7..]));
                    facts.insert(index_fact(
                        table,
                        &index,
                        unique,
                        &columns,
                        predicate.as_deref(),
                    ));
                }
            }
        }
    }
    (facts, conn)
}

fn column_fact(
    table: &str,
    n: usize,
    name: &str,
    ty: &str,
    not_null: bool,
    default: Option<&str>,
) -> String {
    let mut fact = format!("{table} column {n} {name} {}", canonical_type(ty));
    if not_null {
        fact.push_str(" not null");
    }
    if let Some(default) = default {
        fact.push_str(&format!(" default {}", canonical(default)));
    }
    fact
}

fn fk_fact(table: &str, from: &str, target: &str, to: &str, deferred: bool) -> String {
    format!(
        "{table} foreign key ({from}) references {target} ({to}){}",
        if deferred {
            " deferrable initially deferred"
        } else {
            ""
        }
    )
}

fn index_fact(
    table: &str,
    name: &str,
    unique: bool,
    columns: &[String],
    predicate: Option<&str>,
) -> String {
    let mut fact = format!(
        "{table} index {name} {}({})",
        if unique { "unique " } else { "" },
        columns.join(", ")
    );
    if let Some(predicate) = predicate {
        fact.push_str(&format!(" where {predicate}"));
    }
    fact
}

/// What is in `a` and not in `b`, and the other way round, leaving out what only PostgreSQL
/// has on purpose.
fn differences(sqlite: &BTreeSet<String>, pg: &BTreeSet<String>) -> Vec<String> {
    let mut out: Vec<String> = sqlite
        .difference(pg)
        .map(|f| format!("only in SQLite:     {f}"))
        .collect();
    out.extend(
        pg.difference(sqlite)
            .filter(|f| !pg_only(f))
            .map(|f| format!("only in PostgreSQL: {f}")),
    );
    out
}

#[test]
fn schema_comparison_catches_drift() {
    // The comparison must see a changed value list, a changed bound, a dropped NOT NULL and a
    // dropped index, so that the PostgreSQL test below can fail.
    let (facts, _) = sqlite_schema(SQLITE_MIGRATIONS);
    let drift = |from: &str, to: &str| -> Vec<String> {
        let edited: Vec<(&str, String)> = SQLITE_MIGRATIONS
            .iter()
            .map(|(name, sql)| (*name, sql.replace(from, to)))
            .collect();
        assert!(
            edited
                .iter()
                .zip(SQLITE_MIGRATIONS)
                .any(|((_, a), (_, b))| a != b),
            "{from:?} is not in the SQLite migrations"
        );
        let edited: Vec<(&str, &str)> = edited.iter().map(|(n, s)| (*n, s.as_str())).collect();
        differences(&facts, &sqlite_schema(&edited).0)
    };
    assert_eq!(
        drift("'Paypal'", "'PayPal'"),
        [
            "only in SQLite:     payment_methods check type in {'ACH', 'CreditCard', 'Paypal'}",
            "only in SQLite:     payments check method in {'ACH', 'Cash', 'Check', 'CreditCard', 'DirectDeposit', 'Paypal'}",
            "only in PostgreSQL: payment_methods check type in {'ACH', 'CreditCard', 'PayPal'}",
            "only in PostgreSQL: payments check method in {'ACH', 'Cash', 'Check', 'CreditCard', 'DirectDeposit', 'PayPal'}",
        ]
    );
    assert_eq!(
        drift("gateway_fee <= amount", "gateway_fee < amount"),
        [
            "only in SQLite:     payments check gateway_fee >= 0 and gateway_fee <= amount",
            "only in PostgreSQL: payments check gateway_fee >= 0 and gateway_fee < amount",
        ]
    );
    assert_eq!(
        drift("reason       TEXT NOT NULL", "reason       TEXT"),
        [
            "only in SQLite:     invoice_closures column 4 reason text not null",
            "only in PostgreSQL: invoice_closures column 4 reason text",
        ]
    );
    assert_eq!(
        drift("CREATE INDEX refunds_payment ON refunds (payment_id);", ""),
        ["only in SQLite:     refunds index refunds_payment (payment_id)"]
    );
}

#[test]
fn canonical_forms_agree() {
    // What PostgreSQL prints for the constraints that the migrations write.
    assert_eq!(
        canonical("(kind = ANY (ARRAY['void'::text, 'written_off'::text]))"),
        canonical("kind = 'void' OR kind = 'written_off'")
    );
    assert_eq!(
        canonical("(voided = ANY (ARRAY[(0)::bigint, (1)::bigint]))"),
        canonical("voided = 0 OR voided = 1")
    );
    assert_eq!(
        canonical("((last4 IS NULL) OR ((length(last4) = 4) AND (last4 !~ '[^0-9]'::text)))"),
        canonical("last4 IS NULL OR (length(last4) = 4 AND last4 NOT GLOB '*[^0-9]*')")
    );
    assert_ne!(canonical("total > 0"), canonical("total >= 0"));
    assert_ne!(
        canonical("kind IN ('a', 'b')"),
        canonical("kind = 'a' OR kind = 'c'")
    );
}

// ---- PostgreSQL, through psql ----

/// A database of its own on the test server, dropped when the test ends.
struct PgDb {
    url: String,
    admin: String,
    name: String,
}

/// The server's URL for database `db`, from `PAYCTL_TEST_PG` (a URL or a socket folder).
fn url_for(base: &str, db: &str) -> String {
    if base.starts_with('/') {
        return format!("postgres://payctl@/{db}?host={base}");
    }
    let (address, query) = match base.split_once('?') {
        Some((a, q)) => (a, format!("?{q}")),
        None => (base, String::new()),
    };
    let scheme_end = address.find("://").map_or(0, |i| i + 3);
    let authority = match address[scheme_end..].find('/') {
        Some(slash) => &address[..scheme_end + slash],
        None => address,
    };
    format!("{authority}/{db}{query}")
}

fn psql(url: &str, args: &[&str]) -> std::process::Output {
    Command::new("psql")
        .args([
            "-X",
            "-q",
            "-v",
            "ON_ERROR_STOP=1",
            "-v",
            "VERBOSITY=verbose",
            "-d",
            url,
        ])
        .args(args)
        .env_remove("PGOPTIONS")
        .output()
        .expect("run psql (PostgreSQL's client; .ci/pg installs it)")
}

impl PgDb {
    /// None (after a note) when no test server is set.
    fn new(test: &str) -> Option<PgDb> {
        static N: AtomicUsize = AtomicUsize::new(0);
        let Ok(base) = std::env::var("PAYCTL_TEST_PG") else {
            eprintln!("note: {test} skipped: PAYCTL_TEST_PG is not set (export PAYCTL_TEST_PG=$(.ci/pg start DIR))");
            return None;
        };
        let name = format!(
            "pg_schema_{}_{}",
            std::process::id(),
            N.fetch_add(1, Ordering::Relaxed)
        );
        let admin = url_for(&base, "postgres");
        let db = PgDb {
            url: url_for(&base, &name),
            admin,
            name,
        };
        db.admin_sql(&format!("CREATE DATABASE {}", db.name));
        Some(db)
    }

    fn admin_sql(&self, sql: &str) {
        let out = psql(&self.admin, &["-c", sql]);
        assert!(
            out.status.success(),
            "{sql}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
    }

    fn migrate(&self) {
        let dir = migrations_dir().join("postgres");
        for name in numbered_migrations(&dir) {
            let path = dir.join(&name);
            let out = psql(&self.url, &["-1", "-f", path.to_str().unwrap()]);
            assert!(
                out.status.success(),
                "postgres/{name}: {}",
                String::from_utf8_lossy(&out.stderr)
            );
        }
    }

    /// Rows of one query, fields split. Records and fields are separated by ASCII's record
    /// and unit separators, since a function's source spans lines.
    fn rows(&self, sql: &str) -> Vec<Vec<String>> {
        let out = psql(
            &self.url,
            &["-At", "-F", "\u{1f}", "-R", "\u{1e}", "-c", sql],
        );
        assert!(
            out.status.success(),
            "{sql}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        let text = String::from_utf8(out.stdout).unwrap();
        let text = text.strip_suffix('\n').unwrap_or(&text);
        if text.is_empty() {
            return Vec::new();
        }
        text.split('\u{1e}')
            .map(|record| record.split('\u{1f}').map(str::to_string).collect())
            .collect()
    }

    /// Runs one statement: Ok, or Err with the SQLSTATE and message of its error.
    fn exec(&self, sql: &str) -> Result<(), String> {
        let out = psql(&self.url, &["-c", sql]);
        if out.status.success() {
            return Ok(());
        }
        let stderr = String::from_utf8_lossy(&out.stderr);
        let line = stderr
            .lines()
            .find_map(|l| l.split_once("ERROR:  ").map(|(_, rest)| rest.to_string()))
            .unwrap_or_else(|| stderr.to_string());
        Err(line)
    }
}

impl Drop for PgDb {
    fn drop(&mut self) {
        let _ = psql(
            &self.admin,
            &[
                "-c",
                &format!("DROP DATABASE IF EXISTS {} WITH (FORCE)", self.name),
            ],
        );
    }
}

fn pg_schema(db: &PgDb) -> BTreeSet<String> {
    let mut facts = BTreeSet::new();
    let tables = db.rows(
        "SELECT relname FROM pg_class WHERE relkind = 'r' AND relnamespace = current_schema()::regnamespace",
    );
    for row in &tables {
        facts.insert(format!("{} table", row[0]));
    }
    let mut position: BTreeMap<String, usize> = BTreeMap::new();
    for row in db.rows(
        "SELECT c.table_name, c.column_name, c.data_type, c.is_nullable, coalesce(c.column_default, '')
         FROM information_schema.columns c
         JOIN information_schema.tables t USING (table_schema, table_name)
         WHERE c.table_schema = current_schema() AND t.table_type = 'BASE TABLE'
         ORDER BY c.table_name, c.ordinal_position",
    ) {
        let n = position.entry(row[0].clone()).or_insert(0);
        *n += 1;
        let default = (!row[4].is_empty()).then_some(row[4].as_str());
        facts.insert(column_fact(&row[0], *n, &row[1], &row[2], row[3] == "NO", default));
    }
    for row in db.rows(
        "SELECT conrelid::regclass::text, contype, pg_get_constraintdef(oid) FROM pg_constraint
         WHERE connamespace = current_schema()::regnamespace AND contype IN ('p', 'u', 'c', 'f')",
    ) {
        let (table, kind, def) = (&row[0], &row[1], &row[2]);
        let columns = |def: &str| parenthesised(def, def.find('(').unwrap()).to_string();
        let fact = match kind.as_str() {
            "p" => format!("{table} primary key ({})", columns(def)),
            "u" => format!("{table} unique ({})", columns(def)),
            "c" => format!(
                "{table} check {}",
                canonical(def.trim_start_matches("CHECK "))
            ),
            _ => {
                // FOREIGN KEY (a) REFERENCES t(b) [DEFERRABLE INITIALLY DEFERRED]
                let from = columns(def);
                let rest = &def[def.find("REFERENCES ").unwrap() + 11..];
                let open = rest.find('(').unwrap();
                let target = rest[..open].trim();
                let to = parenthesised(rest, open);
                fk_fact(
                    table,
                    &from,
                    target,
                    to,
                    rest.contains("DEFERRABLE INITIALLY DEFERRED"),
                )
            }
        };
        facts.insert(fact);
    }
    for row in db.rows(
        "SELECT t.relname, i.relname, ix.indisunique, pg_get_indexdef(ix.indexrelid),
                coalesce(pg_get_expr(ix.indpred, ix.indrelid), '')
         FROM pg_index ix JOIN pg_class i ON i.oid = ix.indexrelid JOIN pg_class t ON t.oid = ix.indrelid
         WHERE t.relnamespace = current_schema()::regnamespace
           AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = ix.indexrelid)",
    ) {
        let def = &row[3];
        let using = def.find(" USING ").unwrap();
        let open = using + def[using..].find('(').unwrap();
        let columns: Vec<String> = parenthesised(def, open)
            .split(',')
            .map(|c| c.trim().to_string())
            .collect();
        let predicate = (!row[4].is_empty()).then(|| canonical(&row[4]));
        facts.insert(index_fact(&row[0], &row[1], row[2] == "t", &columns, predicate.as_deref()));
    }
    facts
}

#[test]
fn pg_schema_matches_sqlite() {
    let Some(db) = PgDb::new("pg_schema_matches_sqlite") else {
        return;
    };
    db.migrate();
    let (sqlite, _) = sqlite_schema(SQLITE_MIGRATIONS);
    let pg = pg_schema(&db);
    let diff = differences(&sqlite, &pg);
    assert!(
        diff.is_empty(),
        "the PostgreSQL schema differs from SQLite's:\n{}",
        diff.join("\n")
    );
    // The exceptions are still there, so the exception list does not hide a rename.
    assert!(pg.iter().any(|f| f.starts_with("payctl_meta ")));
    assert!(pg.contains("audit_events column 11 db_user text not null default ''"));
    assert_eq!(
        db.rows("SELECT key, value FROM payctl_meta ORDER BY key"),
        [
            vec!["application".to_string(), "payctl".to_string()],
            // The last file's own number (each file records it; payctl numbers them by
            // position, which is the same once the files are numbered without gaps).
            vec![
                "schema_version".to_string(),
                // The last file's number: run by psql, each file records its own.
                SQLITE_MIGRATIONS
                    .last()
                    .map(|(name, _)| name[..3].trim_start_matches('0').to_string())
                    .unwrap_or_default()
            ],
        ]
    );
}

/// `name: TIMING EVENT ON table` of a CREATE TRIGGER statement of either engine.
fn trigger_fact(name: &str, table: &str, sql: &str) -> String {
    let upper = sql.to_uppercase();
    let after_name = &upper[upper.find(&name.to_uppercase()).unwrap() + name.len()..];
    let words: Vec<&str> = after_name.split_whitespace().take(2).collect();
    format!("{name}: {} {} on {table}", words[0], words[1])
}

#[test]
fn pg_schema_has_every_sqlite_trigger_and_message() {
    let Some(db) = PgDb::new("pg_schema_has_every_sqlite_trigger_and_message") else {
        return;
    };
    db.migrate();
    let (_, conn) = sqlite_schema(SQLITE_MIGRATIONS);
    let sqlite: Vec<(String, String, String)> = conn
        .prepare(
            "SELECT name, tbl_name, sql FROM sqlite_schema WHERE type = 'trigger' ORDER BY name",
        )
        .unwrap()
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    assert!(sqlite.len() > 20, "SQLite's triggers were not read");
    let pg_triggers = db.rows(
        "SELECT t.tgname, c.relname, pg_get_triggerdef(t.oid) FROM pg_trigger t
         JOIN pg_class c ON c.oid = t.tgrelid
         WHERE NOT t.tgisinternal AND c.relnamespace = current_schema()::regnamespace",
    );
    let pg: BTreeSet<String> = pg_triggers
        .iter()
        .map(|r| trigger_fact(&r[0], &r[1], &r[2]))
        .collect();
    // Where PostgreSQL can say the words: trigger functions' bodies and trigger arguments.
    let mut pg_text: String = db
        .rows("SELECT prosrc FROM pg_proc WHERE pronamespace = current_schema()::regnamespace")
        .into_iter()
        .map(|r| r.join(" "))
        .collect::<Vec<_>>()
        .join("\n");
    for row in &pg_triggers {
        pg_text.push_str(&row[2]);
        pg_text.push('\n');
    }
    let mut missing = Vec::new();
    for (name, table, sql) in &sqlite {
        let fact = trigger_fact(name, table, sql);
        if !pg.contains(&fact) {
            missing.push(format!("trigger {fact}"));
        }
        let mut rest = sql.as_str();
        while let Some(at) = rest.find("RAISE(ABORT, '") {
            rest = &rest[at + 14..];
            let end = rest.find("')").unwrap();
            let message = &rest[..end];
            if !pg_text.contains(&format!("'{}'", message.replace('\'', "''"))) {
                missing.push(format!("message of {name}: {message}"));
            }
            rest = &rest[end..];
        }
    }
    assert!(
        missing.is_empty(),
        "missing from the PostgreSQL schema:\n{}",
        missing.join("\n")
    );
    // Every refusal is a check_violation (23514), which the engine maps as SQLite's
    // constraint errors; every table refuses TRUNCATE, which fires no row trigger.
    for row in db.rows(
        "SELECT proname, prosrc FROM pg_proc WHERE pronamespace = current_schema()::regnamespace",
    ) {
        if row[1].contains("RAISE EXCEPTION") {
            assert!(
                row[1]
                    .matches("RAISE EXCEPTION USING ERRCODE = 'check_violation'")
                    .count()
                    == row[1].matches("RAISE EXCEPTION").count(),
                "{} raises something other than check_violation",
                row[0]
            );
        }
    }
    let tables = db.rows(
        "SELECT relname FROM pg_class WHERE relkind = 'r' AND relnamespace = current_schema()::regnamespace",
    );
    for row in tables {
        assert!(
            pg.iter()
                .any(|f| f.ends_with(&format!(": BEFORE TRUNCATE on {}", row[0]))),
            "{} does not refuse TRUNCATE",
            row[0]
        );
    }
}

/// The same statements on both engines: the same ids given, the same refusals in the same
/// words (PostgreSQL's with SQLSTATE 23514), the same caches after.
#[test]
fn pg_triggers_behave_as_sqlite() {
    let Some(db) = PgDb::new("pg_triggers_behave_as_sqlite") else {
        return;
    };
    db.migrate();
    let (_, sqlite) = sqlite_schema(SQLITE_MIGRATIONS);
    let customer = |id: Option<i64>, name: &str| {
        match id {
        Some(id) => format!("INSERT INTO customers (id, name, currency, auto_allocate_order, created_at) VALUES ({id}, '{name}', 'USD', 'OldestToNewest', 't')"),
        None => format!("INSERT INTO customers (name, currency, auto_allocate_order, created_at) VALUES ('{name}', 'USD', 'OldestToNewest', 't')"),
    }
    };
    let steps: Vec<(String, Option<&str>)> = vec![
        (customer(None, "A"), None),
        (customer(None, "B"), None),
        (customer(Some(10), "C"), None),
        (customer(None, "D"), None),
        ("INSERT INTO invoices (invoice_number, customer_id, currency, total, effective_at, due_at, created_at) VALUES ('I1', 1, 'USD', 1000, 'e', 'd', 't')".into(), None),
        ("INSERT INTO invoices (invoice_number, customer_id, currency, total, effective_at, due_at, created_at) VALUES ('I2', 2, 'USD', 500, 'e', 'd', 't')".into(), None),
        ("INSERT INTO payments (customer_id, amount, currency, method, source, effective_at, gateway_fee, initial_settlement, created_at) VALUES (1, 1500, 'USD', 'Cash', 'Manual', 'e', 0, 'Successful', 't')".into(), None),
        ("INSERT INTO payments (customer_id, amount, currency, method, source, effective_at, gateway_fee, initial_settlement, created_at) VALUES (1, 50, 'USD', 'Cash', 'Manual', 'e', 0, 'Pending', 't')".into(), None),
        ("INSERT INTO allocations (payment_id, invoice_id, amount, kind, effective_at, created_at) VALUES (1, 1, 1000, 'allocate', 'e', 't')".into(), None),
        ("INSERT INTO allocations (payment_id, invoice_id, amount, kind, effective_at, created_at) VALUES (1, 1, 1, 'allocate', 'e', 't')".into(),
            Some("payctl: allocation would take an invoice past its total or below zero")),
        ("INSERT INTO allocations (payment_id, invoice_id, amount, kind, effective_at, created_at) VALUES (1, 1, -1001, 'unallocate', 'e', 't')".into(),
            Some("payctl: allocation would take an invoice past its total or below zero")),
        ("INSERT INTO allocations (payment_id, invoice_id, amount, kind, effective_at, created_at) VALUES (1, 1, -300, 'unallocate', 'e', 't')".into(), None),
        ("INSERT INTO invoices (invoice_number, customer_id, currency, total, effective_at, due_at, created_at) VALUES ('I3', 1, 'USD', 1000, 'e', 'd', 't')".into(), None),
        ("INSERT INTO allocations (payment_id, invoice_id, amount, kind, effective_at, created_at) VALUES (2, 3, 51, 'allocate', 'e', 't')".into(),
            Some("payctl: allocation would spend more than the payment or reverse more than was allocated")),
        ("INSERT INTO allocations (payment_id, invoice_id, amount, kind, effective_at, created_at) VALUES (2, 2, 10, 'allocate', 'e', 't')".into(),
            Some("payctl: an invoice and its payment must be of the same customer and currency")),
        ("INSERT INTO refunds (payment_id, amount, method, effective_at, created_at) VALUES (1, 801, 'cash', 'e', 't')".into(),
            Some("payctl: refund would spend more than the payment")),
        ("INSERT INTO refunds (payment_id, amount, method, effective_at, created_at) VALUES (1, 800, 'cash', 'e', 't')".into(), None),
        ("INSERT INTO payment_events (payment_id, kind, effective_at, created_at) VALUES (2, 'settled', 'e', 't')".into(), None),
        ("INSERT INTO payment_events (payment_id, kind, effective_at, created_at) VALUES (2, 'voided', 'e', 't')".into(), None),
        ("INSERT INTO invoice_closures (invoice_id, kind, amount, reason, effective_at, created_at) VALUES (3, 'written_off', 1000, 'r', 'e', 't')".into(), None),
        // Several rows in one statement (an import's COPY on PostgreSQL, whose balance
        // triggers run once per statement since migration 009): refused when the rows
        // together take an invoice past its total or spend more than the payment, though
        // each alone would not; accepted when they fit, paying an invoice in full (out of the
        // open set) and then reopening it (back in once).
        ("INSERT INTO invoices (id, invoice_number, customer_id, currency, total, effective_at, due_at, created_at) VALUES (4, 'I4', 1, 'USD', 100, 'e', 'd', 't')".into(), None),
        ("INSERT INTO payments (id, customer_id, amount, currency, method, source, effective_at, gateway_fee, initial_settlement, created_at) VALUES (3, 1, 1000, 'USD', 'Cash', 'Manual', 'e', 0, 'Successful', 't'), (4, 1, 90, 'USD', 'Cash', 'Manual', 'e', 0, 'Successful', 't')".into(), None),
        ("INSERT INTO allocations (payment_id, invoice_id, amount, kind, effective_at, created_at) VALUES (3, 4, 60, 'allocate', 'e', 't'), (3, 4, 41, 'allocate', 'e', 't')".into(),
            Some("payctl: allocation would take an invoice past its total or below zero")),
        ("INSERT INTO allocations (payment_id, invoice_id, amount, kind, effective_at, created_at) VALUES (4, 4, 50, 'allocate', 'e', 't'), (4, 1, 41, 'allocate', 'e', 't')".into(),
            Some("payctl: allocation would spend more than the payment or reverse more than was allocated")),
        ("INSERT INTO allocations (payment_id, invoice_id, amount, kind, effective_at, created_at) VALUES (3, 4, 1, 'allocate', 'e', 't'), (3, 2, 1, 'allocate', 'e', 't')".into(),
            Some("payctl: an invoice and its payment must be of the same customer and currency")),
        ("INSERT INTO allocations (payment_id, invoice_id, amount, kind, effective_at, created_at) VALUES (3, 4, 60, 'allocate', 'e', 't'), (4, 4, 40, 'allocate', 'e', 't'), (3, 1, 5, 'allocate', 'e', 't')".into(), None),
        ("INSERT INTO allocations (payment_id, invoice_id, amount, kind, effective_at, created_at) VALUES (3, 4, -30, 'unallocate', 'e', 't'), (3, 4, -30, 'unallocate', 'e', 't')".into(), None),
        // Both checks would refuse these rows: the invoice's is made first, on both engines.
        ("INSERT INTO allocations (payment_id, invoice_id, amount, kind, effective_at, created_at) VALUES (4, 4, 61, 'allocate', 'e', 't')".into(),
            Some("payctl: allocation would take an invoice past its total or below zero")),
        // Paid in full again (out of the open set), then owed more by a debit note (back in);
        // a credit note takes invoice 1 down to what is paid on it (out).
        ("INSERT INTO allocations (payment_id, invoice_id, amount, kind, effective_at, created_at) VALUES (3, 4, 60, 'allocate', 'e', 't')".into(), None),
        ("INSERT INTO invoice_adjustments (id, invoice_id, kind, amount, reason, effective_at, created_at) VALUES (1, 4, 'debit_note', 10, 'r', 'e', 't')".into(), None),
        ("INSERT INTO invoice_adjustments (id, invoice_id, kind, amount, reason, effective_at, created_at) VALUES (2, 1, 'credit_note', 295, 'r', 'e', 't')".into(), None),
        // A balance row without its copy of the invoice's total (an owner's hand edit) is
        // checked against the invoice, on both engines.
        ("UPDATE invoice_balances SET total = NULL WHERE invoice_id = 2".into(), None),
        ("INSERT INTO payments (id, customer_id, amount, currency, method, source, effective_at, gateway_fee, initial_settlement, created_at) VALUES (5, 2, 1000, 'USD', 'Cash', 'Manual', 'e', 0, 'Successful', 't')".into(), None),
        ("INSERT INTO allocations (payment_id, invoice_id, amount, kind, effective_at, created_at) VALUES (5, 2, 499, 'allocate', 'e', 't')".into(), None),
        ("INSERT INTO allocations (payment_id, invoice_id, amount, kind, effective_at, created_at) VALUES (5, 2, 2, 'allocate', 'e', 't')".into(),
            Some("payctl: allocation would take an invoice past its total or below zero")),
        ("UPDATE payments SET amount = 1".into(), Some("payctl: payments are append-only")),
        ("DELETE FROM allocations".into(), Some("payctl: allocations are append-only")),
        ("UPDATE open_invoices SET due_at = 'x'".into(), Some("payctl: open invoices change only by their triggers")),
    ];
    for (sql, refusal) in &steps {
        let on_sqlite = sqlite
            .execute(sql, [])
            .map(|_| ())
            .map_err(|e| e.to_string());
        let on_pg = db.exec(sql);
        match refusal {
            None => {
                assert_eq!(on_sqlite, Ok(()), "SQLite: {sql}");
                assert_eq!(on_pg, Ok(()), "PostgreSQL: {sql}");
            }
            Some(message) => {
                assert_eq!(on_sqlite, Err(message.to_string()), "SQLite: {sql}");
                assert_eq!(on_pg, Err(format!("23514: {message}")), "PostgreSQL: {sql}");
            }
        }
    }
    for query in [
        "SELECT id, name FROM customers ORDER BY id",
        "SELECT id FROM allocations ORDER BY id",
        "SELECT invoice_id, allocated, coalesce(closed, ''), written_off, adjusted FROM invoice_balances ORDER BY invoice_id",
        "SELECT payment_id, allocated, refunded, settlement, voided FROM payment_balances ORDER BY payment_id",
        "SELECT customer_id, due_at, effective_at, invoice_id FROM open_invoices ORDER BY invoice_id",
    ] {
        let mut stmt = sqlite.prepare(query).unwrap();
        let width = stmt.column_count();
        let on_sqlite: Vec<Vec<String>> = stmt
            .query_map([], |r| {
                (0..width)
                    .map(|i| {
                        Ok(match r.get_ref(i)? {
                            rusqlite::types::ValueRef::Integer(n) => n.to_string(),
                            rusqlite::types::ValueRef::Text(t) => String::from_utf8_lossy(t).into_owned(),
                            other => format!("{other:?}"),
                        })
                    })
                    .collect()
            })
            .unwrap()
            .collect::<Result<_, _>>()
            .unwrap();
        assert_eq!(db.rows(query), on_sqlite, "{query}");
    }
    assert_eq!(
        db.rows("SELECT id FROM customers ORDER BY id"),
        [["1"], ["2"], ["10"], ["11"]],
        "ids: max(id) + 1, an explicit id kept"
    );
}
