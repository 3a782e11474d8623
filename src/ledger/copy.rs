//! Copying a whole ledger between engines (SPEC §8): `backup` of a PostgreSQL ledger into a
//! new SQLite file, and `restore` of a SQLite ledger file into an empty ledger of either engine.
//!
//! Rows are copied as they are, ids and caches included, table by table in [`TABLES`]' order
//! (parents before children), columns read from the source and written to the target by name.
//! The target's triggers are off while copying: they would apply every row a second time to the
//! caches (`payment_balances`, `invoice_balances`, `open_invoices`, `currency_totals`) and refuse
//! intermediate states. The invariants the triggers keep are then checked as a whole, by the
//! same checks `verify` runs, before anything is committed.

use std::path::Path;

use serde::Serialize;

use super::db::{Cell, Param, ToParam};
use super::{Engine, Ledger, LedgerConfig, RecordCounts, Tx, MIGRATIONS};
use crate::core::ledger_rules::check_restore_target;
use crate::core::text::mask_card_numbers;
use crate::error::{Error, Result, StorageKind};
use crate::params;

/// Every table of a payctl ledger, in an order in which each row's references are already in
/// place (`customers.default_method_id` is the one cycle: see [`copy_tables`]). PostgreSQL's
/// `payctl_meta` is not here: each engine keeps its schema version its own way, and the target
/// is migrated by payctl itself.
pub const TABLES: [&str; 24] = [
    "customers",
    "payment_methods",
    "invoices",
    "invoice_closures",
    "invoice_adjustments",
    "payments",
    "credit_write_offs",
    "credit_write_off_parts",
    "payment_events",
    "refunds",
    "allocations",
    "activities",
    "idempotency_keys",
    "import_keys",
    "audit_events",
    "period_events",
    "invoice_balances",
    "payment_balances",
    "open_invoices",
    "currency_totals",
    "bank_statements",
    "bank_lines",
    "bank_line_events",
    "bank_proposals",
];

/// Columns that only one engine has, and what they become on the other: PostgreSQL's
/// `audit_events.db_user` (the database user, set by a trigger) is dropped in a SQLite copy, and
/// a row restored into PostgreSQL gets the column's default, `''`: no database user wrote it.
const ENGINE_ONLY_COLUMNS: [(&str, &str); 1] = [("audit_events", "db_user")];

/// The tables a ledger of `tx`'s engine holds, other than the engine's own.
fn table_names(tx: &Tx) -> Result<Vec<String>> {
    let sql = match tx.engine() {
        Engine::Sqlite => {
            "SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' ORDER BY name"
        }
        Engine::Postgres => {
            "SELECT CAST(table_name AS TEXT) FROM information_schema.tables
             WHERE table_schema = current_schema() AND table_type = 'BASE TABLE'
               AND table_name <> 'payctl_meta' ORDER BY 1"
        }
    };
    tx.query_map(sql, params![], |r| r.get(0))
}

/// The columns of `table`, in their order.
fn columns(tx: &Tx, table: &str) -> Result<Vec<String>> {
    let sql = match tx.engine() {
        Engine::Sqlite => "SELECT name FROM pragma_table_info(?1) ORDER BY cid",
        Engine::Postgres => {
            "SELECT CAST(column_name AS TEXT) FROM information_schema.columns
             WHERE table_schema = current_schema() AND CAST(table_name AS TEXT) = ?1
             ORDER BY ordinal_position"
        }
    };
    tx.query_map(sql, params![table], |r| r.get(0))
}

/// Refuses a ledger whose tables are not exactly [`TABLES`]: a table this list missed would be
/// silently left out of every copy.
fn check_tables(tx: &Tx, which: &str) -> Result<()> {
    let mut found = table_names(tx)?;
    found.sort();
    let mut expected: Vec<String> = TABLES.iter().map(|t| t.to_string()).collect();
    expected.sort();
    if found != expected {
        return Err(Error::storage(StorageKind::CopyTables {
            which: which.to_owned(),
            found: found.join(", "),
        }));
    }
    Ok(())
}

/// The columns copied from `table`: the target's, each read by name from the source. A column
/// only one engine has ([`ENGINE_ONLY_COLUMNS`]) is left out; any other difference is refused.
fn shared_columns(src: &Tx, dst: &Tx, table: &str) -> Result<Vec<String>> {
    let from = columns(src, table)?;
    let to = columns(dst, table)?;
    let engine_only = |c: &str| ENGINE_ONLY_COLUMNS.contains(&(table, c));
    let missing: Vec<&String> = from
        .iter()
        .chain(&to)
        .filter(|c| !(engine_only(c) || from.contains(c) && to.contains(c)))
        .collect();
    if !missing.is_empty() {
        return Err(Error::storage(StorageKind::CopyColumns {
            table: table.to_owned(),
            columns: missing
                .iter()
                .map(|c| c.as_str())
                .collect::<Vec<_>>()
                .join(", "),
        }));
    }
    Ok(to.into_iter().filter(|c| from.contains(c)).collect())
}

/// A value read from the source, kept until its batch is written.
enum Value {
    Null,
    Int(i64),
    Text(String),
    Blob(Vec<u8>),
}

impl Value {
    fn of(cell: Cell<'_>) -> Value {
        match cell {
            Cell::Null => Value::Null,
            Cell::Int(i) => Value::Int(i),
            Cell::Text(t) => Value::Text(t.to_string()),
            Cell::Blob(b) => Value::Blob(b.to_vec()),
        }
    }

    fn param(&self) -> Param<'_> {
        match self {
            Value::Null => Param::Null,
            Value::Int(i) => Param::Int(*i),
            Value::Text(t) => Param::Text(t),
            Value::Blob(b) => Param::Blob(b),
        }
    }
}

/// Rows per INSERT: one round trip per row made a restore of 100,000 rows into PostgreSQL take
/// minutes. Kept under both engines' limits on parameters per statement (SQLite 32,766,
/// PostgreSQL 65,535).
const BATCH_VALUES: usize = 16_000;

/// Writes `values` (whole rows of `width` columns) into `table` with one multi-row INSERT.
fn insert_rows(dst: &Tx, table: &str, list: &str, width: usize, values: &[Value]) -> Result<()> {
    if values.is_empty() {
        return Ok(());
    }
    let rows: Vec<String> = (0..values.len() / width)
        .map(|r| {
            let cells: Vec<String> = (1..=width).map(|c| format!("?{}", r * width + c)).collect();
            format!("({})", cells.join(", "))
        })
        .collect();
    let sql = format!("INSERT INTO {table} ({list}) VALUES {}", rows.join(", "));
    let params: Vec<Param> = values.iter().map(Value::param).collect();
    let bound: Vec<&dyn ToParam> = params.iter().map(|p| p as &dyn ToParam).collect();
    dst.execute(&sql, &bound)?;
    Ok(())
}

/// Copies every row of every table from `src` to `dst`, ids as they are, and returns how many
/// rows each table holds in the source, in [`TABLES`]' order. The target's triggers must be off.
///
/// `customers.default_method_id` points at `payment_methods`, which point at their customer.
/// PostgreSQL checks that reference at once, so customers are written without it and it is
/// set once their methods are in.
pub fn copy_tables(src: &Tx, dst: &Tx) -> Result<Vec<(&'static str, i64)>> {
    check_tables(src, "the source")?;
    check_tables(dst, "the target")?;
    let mut counts = Vec::with_capacity(TABLES.len());
    let mut default_methods: Vec<(i64, i64)> = Vec::new();
    for table in TABLES {
        let cols = shared_columns(src, dst, table)?;
        let width = cols.len();
        let list = cols.join(", ");
        let deferred = match table {
            "customers" => cols.iter().position(|c| c == "default_method_id"),
            _ => None,
        };
        let per_batch = (BATCH_VALUES / width.max(1)).max(1) * width;
        let mut batch: Vec<Value> = Vec::with_capacity(per_batch);
        let mut rows = 0_i64;
        src.for_each(&format!("SELECT {list} FROM {table}"), params![], |row| {
            for i in 0..width {
                let mut value = Value::of(row.cell(i)?);
                if Some(i) == deferred {
                    if let Value::Int(method) = value {
                        default_methods.push((row.get(0)?, method));
                        value = Value::Null;
                    }
                }
                batch.push(value);
            }
            rows += 1;
            if batch.len() >= per_batch {
                insert_rows(dst, table, &list, width, &batch)?;
                batch.clear();
            }
            Ok(())
        })?;
        insert_rows(dst, table, &list, width, &batch)?;
        counts.push((table, rows));
        if table == "payment_methods" {
            for (customer, method) in default_methods.drain(..) {
                dst.execute(
                    "UPDATE customers SET default_method_id = ?2 WHERE id = ?1",
                    params![customer, method],
                )?;
            }
        }
    }
    Ok(counts)
}

/// The row counts of [`super::COUNTED_TABLES`], picked out of [`copy_tables`]' counts.
pub fn counted(counts: &[(&str, i64)]) -> [i64; 7] {
    let mut out = [0; 7];
    for (slot, table) in out.iter_mut().zip(super::COUNTED_TABLES) {
        *slot = counts
            .iter()
            .find(|(t, _)| *t == table)
            .map_or(0, |(_, n)| *n);
    }
    out
}

/// Turns the target connection's triggers off for the copy (and on again when dropped, on
/// SQLite, whatever happens). SQLite: for this connection only, as an import batch does, with
/// the foreign keys checked at commit (`defer_foreign_keys`). PostgreSQL: `ALTER TABLE ...
/// DISABLE TRIGGER USER`, which is transactional there (undone by a rollback) and needs the
/// tables' owner; [`Triggers::enable`] turns them on again inside the same transaction.
struct Triggers<'t, 'c> {
    tx: &'t Tx<'c>,
}

impl<'t, 'c> Triggers<'t, 'c> {
    fn disable(tx: &'t Tx<'c>) -> Result<Triggers<'t, 'c>> {
        match tx.as_sqlite() {
            Some(_) => {
                set_sqlite_triggers(tx, false)?;
                tx.execute_batch("PRAGMA defer_foreign_keys = ON")?;
            }
            None => {
                for table in TABLES {
                    tx.execute_batch(&format!("ALTER TABLE {table} DISABLE TRIGGER USER"))?;
                }
                // The foreign keys are still checked, a prepared statement of the server's
                // per row: on generic plans while the rows go in, as for a COPY.
                tx.plan_generically(true)?;
            }
        }
        Ok(Triggers { tx })
    }

    fn enable(self) -> Result<()> {
        if self.tx.as_sqlite().is_none() {
            // The deferred reference (allocations.refund_id) is checked now: PostgreSQL does not
            // alter a table with constraint checks still queued (55006).
            self.tx.execute_batch("SET CONSTRAINTS ALL IMMEDIATE")?;
            for table in TABLES {
                self.tx
                    .execute_batch(&format!("ALTER TABLE {table} ENABLE TRIGGER USER"))?;
            }
            self.tx.plan_generically(false)?;
        }
        Ok(())
        // Drop turns SQLite's back on.
    }
}

impl Drop for Triggers<'_, '_> {
    fn drop(&mut self) {
        if self.tx.as_sqlite().is_some() {
            if let Err(e) = set_sqlite_triggers(self.tx, true) {
                eprintln!("payctl: could not turn the ledger's triggers back on: {e}");
            }
        }
    }
}

fn set_sqlite_triggers(tx: &Tx, on: bool) -> Result<()> {
    use super::SqlResult;
    match tx.as_sqlite() {
        Some(conn) => conn
            .set_db_config(
                rusqlite::config::DbConfig::SQLITE_DBCONFIG_ENABLE_TRIGGER,
                on,
            )
            .map(|_| ())
            .sql(),
        None => Ok(()),
    }
}

/// Copies `src` into the (new, migrated, empty) `dst` with its triggers off, then runs verify's
/// invariant checks on the copy: any problem refuses the whole copy.
fn load(src: &Tx, dst: &Tx) -> Result<Vec<(&'static str, i64)>> {
    let triggers = Triggers::disable(dst)?;
    let counts = copy_tables(src, dst)?;
    triggers.enable()?;
    let report = super::verify::run(dst)?;
    if !report.problems.is_empty() {
        return Err(Error::storage(StorageKind::CopyVerify {
            problems: report.problems.join("; "),
        }));
    }
    Ok(counts)
}

impl Ledger {
    /// Copies this PostgreSQL ledger, read in one `REPEATABLE READ READ ONLY` snapshot, into the
    /// empty SQLite file `file` (0600, already created), which becomes a payctl ledger as payctl
    /// creates one (its migrations, application id), left in rollback-journal mode like a
    /// `VACUUM INTO` copy. Returns the snapshot's counts of [`super::COUNTED_TABLES`].
    pub(super) fn copy_into_file(&mut self, file: &Path) -> Result<[i64; 7]> {
        let mut target = super::open_file(file, super::DEFAULT_BUSY_TIMEOUT)?;
        let counts = self.read(|src| target.write(|dst| load(src, dst)))?;
        if let Some(conn) = target.sqlite() {
            let mode: String = conn
                .pragma_update_and_check(None, "journal_mode", "DELETE", |r| r.get(0))
                .map_err(|e| super::storage_error(file, e))?;
            if !mode.eq_ignore_ascii_case("delete") {
                return Err(Error::storage(StorageKind::CopyJournal {
                    file: file.display().to_string(),
                    mode,
                }));
            }
        }
        drop(target);
        Ok(counted(&counts))
    }

    /// `payctl restore FILE`: loads `source` (the SQLite ledger `file`, from [`open_source`])
    /// into this ledger, which must be empty, in one write transaction holding the write lock,
    /// ids, caches and audit trail as they are.
    pub fn restore(&mut self, source: &mut Ledger, file: &Path) -> Result<RestoreReport> {
        let shown = file.display().to_string();
        let target = self.path.display().to_string();
        let counts = source.read(|src| {
            self.write(|dst| {
                let mut held = Vec::new();
                for table in TABLES {
                    let n: i64 =
                        dst.query_row(&format!("SELECT count(*) FROM {table}"), params![], |r| {
                            r.get(0)
                        })?;
                    if n > 0 {
                        held.push(format!("{n} rows in {table}"));
                    }
                }
                check_restore_target(&target, &held)?;
                load(src, dst)
            })
        })?;
        Ok(RestoreReport {
            path: mask_card_numbers(&shown),
            ledger: mask_card_numbers(&target),
            counts: RecordCounts::from_counts(counted(&counts)),
        })
    }
}

/// Opens the ledger file a restore loads, read-only, and reads its schema version and
/// verify's report on it: the restore command refuses anything but a payctl ledger of this
/// payctl's schema that passes every check. Creates nothing.
pub fn open_source(file: &Path) -> Result<Source> {
    let mut ledger = super::open_read_only(&LedgerConfig::new(file.to_path_buf()))?;
    let version = ledger.read(|tx| tx.schema_version())?;
    let latest = MIGRATIONS.len() as i64;
    let problems = match version == latest {
        true => ledger.read(super::verify::run)?.problems,
        // verify's checks are written for this schema.
        false => Vec::new(),
    };
    Ok(Source {
        ledger,
        version,
        latest,
        problems,
    })
}

/// A ledger file a restore would load, and what it is.
pub struct Source {
    pub ledger: Ledger,
    /// Its schema version, and this payctl's.
    pub version: i64,
    pub latest: i64,
    /// What verify found wrong in it (checked only at this payctl's schema).
    pub problems: Vec<String>,
}

/// What `payctl restore` loaded.
#[derive(Clone, Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct RestoreReport {
    pub path: String,
    pub ledger: String,
    #[serde(flatten)]
    pub counts: RecordCounts,
}
