//! payctl's own small SQL execution layer: one set of SQL text, run on SQLite (rusqlite) or on
//! PostgreSQL (the synchronous `postgres` crate).
//!
//! The SQL keeps SQLite's numbered placeholders `?1`, `?2`…; for PostgreSQL they are rewritten
//! to `$1`, `$2`… once per statement ([`numbered_placeholders`]). rusqlite would bind `$N` by
//! order of first appearance, not by number, so the rewrite goes this way round. Values cross
//! the boundary as four kinds, the ones payctl stores: NULL, a 64-bit integer (money in minor
//! units, ids, counts, 0/1 flags), text and bytes. Money never travels as a float.
//!
//! Everything above this module sees [`Tx`] and [`Row`]; nothing else in payctl names
//! rusqlite or postgres.

use std::cell::RefCell;
use std::collections::HashMap;

use postgres::types::{IsNull, ToSql, Type};
use rusqlite::types::{ToSqlOutput, ValueRef};

use crate::error::{Error, Result, StorageKind};

/// The storage engine behind a ledger.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Engine {
    Sqlite,
    Postgres,
}

/// One value bound to a placeholder.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Param<'a> {
    Null,
    Int(i64),
    Text(&'a str),
    Blob(&'a [u8]),
}

/// A Rust value that can be bound to a placeholder.
pub trait ToParam {
    fn to_param(&self) -> Param<'_>;
}

macro_rules! int_param {
    ($($t:ty),*) => {$(
        impl ToParam for $t {
            fn to_param(&self) -> Param<'_> {
                Param::Int(i64::from(*self))
            }
        }
    )*};
}
int_param!(i64, i32, i16, i8, u32, u16, u8, bool);

impl ToParam for usize {
    /// A count or an index: far below 2^63 in any ledger payctl can write; a value past it
    /// would be bound as the largest integer and refused by the column's checks, never wrapped.
    fn to_param(&self) -> Param<'_> {
        Param::Int(i64::try_from(*self).unwrap_or(i64::MAX))
    }
}

impl ToParam for u64 {
    fn to_param(&self) -> Param<'_> {
        Param::Int(i64::try_from(*self).unwrap_or(i64::MAX))
    }
}

impl ToParam for str {
    fn to_param(&self) -> Param<'_> {
        Param::Text(self)
    }
}

impl ToParam for String {
    fn to_param(&self) -> Param<'_> {
        Param::Text(self)
    }
}

impl ToParam for [u8] {
    fn to_param(&self) -> Param<'_> {
        Param::Blob(self)
    }
}

impl ToParam for Vec<u8> {
    fn to_param(&self) -> Param<'_> {
        Param::Blob(self)
    }
}

impl<T: ToParam + ?Sized> ToParam for &T {
    fn to_param(&self) -> Param<'_> {
        (**self).to_param()
    }
}

impl<T: ToParam> ToParam for Option<T> {
    fn to_param(&self) -> Param<'_> {
        match self {
            Some(v) => v.to_param(),
            None => Param::Null,
        }
    }
}

impl ToParam for Param<'_> {
    fn to_param(&self) -> Param<'_> {
        *self
    }
}

/// The values of one statement's placeholders, in order: `params![a, b]`.
pub type Params<'a> = [&'a dyn ToParam];

/// `params![a, b, c]`: the values for `?1`, `?2`, `?3`.
#[macro_export]
macro_rules! params {
    () => { &[] as &[&dyn $crate::ledger::db::ToParam] };
    ($($p:expr),+ $(,)?) => { &[$(&$p as &dyn $crate::ledger::db::ToParam),+] as &[&dyn $crate::ledger::db::ToParam] };
}

/// One value read from a result row.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Cell<'a> {
    Null,
    Int(i64),
    Text(&'a str),
    Blob(&'a [u8]),
}

/// A Rust value that can be read from a result column.
pub trait FromCell: Sized {
    fn from_cell(cell: Cell<'_>) -> std::result::Result<Self, String>;
}

impl FromCell for i64 {
    fn from_cell(cell: Cell<'_>) -> std::result::Result<Self, String> {
        match cell {
            Cell::Int(i) => Ok(i),
            other => Err(format!("expected an integer, found {other:?}")),
        }
    }
}

macro_rules! int_cell {
    ($($t:ty),*) => {$(
        impl FromCell for $t {
            fn from_cell(cell: Cell<'_>) -> std::result::Result<Self, String> {
                let i = i64::from_cell(cell)?;
                <$t>::try_from(i).map_err(|_| format!("integer {i} out of range for {}", stringify!($t)))
            }
        }
    )*};
}
int_cell!(i32, i16, u8, u16, u32, u64, usize);

impl FromCell for bool {
    fn from_cell(cell: Cell<'_>) -> std::result::Result<Self, String> {
        Ok(i64::from_cell(cell)? != 0)
    }
}

impl FromCell for String {
    fn from_cell(cell: Cell<'_>) -> std::result::Result<Self, String> {
        match cell {
            Cell::Text(t) => Ok(t.to_owned()),
            other => Err(format!("expected text, found {other:?}")),
        }
    }
}

impl FromCell for Vec<u8> {
    fn from_cell(cell: Cell<'_>) -> std::result::Result<Self, String> {
        match cell {
            Cell::Blob(b) => Ok(b.to_vec()),
            Cell::Text(t) => Ok(t.as_bytes().to_vec()),
            other => Err(format!("expected bytes, found {other:?}")),
        }
    }
}

impl<T: FromCell> FromCell for Option<T> {
    fn from_cell(cell: Cell<'_>) -> std::result::Result<Self, String> {
        match cell {
            Cell::Null => Ok(None),
            other => T::from_cell(other).map(Some),
        }
    }
}

/// One result row, read by column index.
pub enum Row<'r> {
    Sqlite(&'r rusqlite::Row<'r>),
    Postgres(&'r postgres::Row),
}

impl Row<'_> {
    /// Column `i` as `T`: an error (exit 74) when the stored value is not a `T`.
    pub fn get<T: FromCell>(&self, i: usize) -> Result<T> {
        let cell = self.cell(i)?;
        T::from_cell(cell).map_err(|e| {
            Error::storage(StorageKind::BadCell {
                column: i,
                detail: e.to_string(),
            })
        })
    }

    /// Column `i` as it is stored.
    pub fn cell(&self, i: usize) -> Result<Cell<'_>> {
        match self {
            Row::Sqlite(row) => {
                let value = row.get_ref(i).map_err(sqlite)?;
                Ok(match value {
                    ValueRef::Null => Cell::Null,
                    ValueRef::Integer(i) => Cell::Int(i),
                    ValueRef::Text(t) => Cell::Text(std::str::from_utf8(t).map_err(|e| {
                        Error::storage(StorageKind::NotUtf8 {
                            column: i,
                            detail: e.to_string(),
                        })
                    })?),
                    ValueRef::Blob(b) => Cell::Blob(b),
                    ValueRef::Real(r) => {
                        return Err(Error::storage(StorageKind::Float {
                            column: i,
                            value: r.to_string(),
                        }))
                    }
                })
            }
            Row::Postgres(row) => pg_cell(row, i),
        }
    }

    /// How many columns the row has.
    pub fn len(&self) -> usize {
        match self {
            Row::Sqlite(row) => row.as_ref().column_count(),
            Row::Postgres(row) => row.len(),
        }
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The name of column `i`.
    pub fn column_name(&self, i: usize) -> Option<&str> {
        match self {
            Row::Sqlite(row) => row.as_ref().column_name(i).ok(),
            Row::Postgres(row) => row.columns().get(i).map(|c| c.name()),
        }
    }
}

fn pg_cell<'r>(row: &'r postgres::Row, i: usize) -> Result<Cell<'r>> {
    let ty = row
        .columns()
        .get(i)
        .map(|c| c.type_().clone())
        .ok_or_else(|| internal(format!("no column {i} in the result")))?;
    let get = |e: postgres::Error| internal(format!("cannot read column {i}: {e}"));
    Ok(match ty {
        Type::INT8 => row.try_get::<_, Option<i64>>(i).map_err(get)?.map_or(Cell::Null, Cell::Int),
        Type::INT4 => row
            .try_get::<_, Option<i32>>(i)
            .map_err(get)?
            .map_or(Cell::Null, |v| Cell::Int(i64::from(v))),
        Type::INT2 => row
            .try_get::<_, Option<i16>>(i)
            .map_err(get)?
            .map_or(Cell::Null, |v| Cell::Int(i64::from(v))),
        Type::OID => row
            .try_get::<_, Option<u32>>(i)
            .map_err(get)?
            .map_or(Cell::Null, |v| Cell::Int(i64::from(v))),
        Type::BOOL => row
            .try_get::<_, Option<bool>>(i)
            .map_err(get)?
            .map_or(Cell::Null, |v| Cell::Int(i64::from(v))),
        Type::TEXT | Type::VARCHAR | Type::BPCHAR | Type::NAME | Type::UNKNOWN => row
            .try_get::<_, Option<&str>>(i)
            .map_err(get)?
            .map_or(Cell::Null, Cell::Text),
        Type::BYTEA => row.try_get::<_, Option<&[u8]>>(i).map_err(get)?.map_or(Cell::Null, Cell::Blob),
        other => {
            return Err(internal(format!(
                "column {i} ({}) has type {other} on PostgreSQL; its SQL casts every result to BIGINT or TEXT",
                row.columns()[i].name()
            )))
        }
    })
}

impl rusqlite::ToSql for Param<'_> {
    fn to_sql(&self) -> rusqlite::Result<ToSqlOutput<'_>> {
        Ok(ToSqlOutput::Borrowed(match *self {
            Param::Null => ValueRef::Null,
            Param::Int(i) => ValueRef::Integer(i),
            Param::Text(t) => ValueRef::Text(t.as_bytes()),
            Param::Blob(b) => ValueRef::Blob(b),
        }))
    }
}

/// A parameter bound on PostgreSQL: converted to the type the server inferred for its
/// placeholder (`BIGINT` for every stored integer; `INTEGER` where the SQL's context says so, checked).
impl ToSql for Param<'_> {
    fn to_sql(
        &self,
        ty: &Type,
        out: &mut postgres::types::private::BytesMut,
    ) -> std::result::Result<IsNull, Box<dyn std::error::Error + Sync + Send>> {
        match (*self, ty) {
            (Param::Null, _) => Ok(IsNull::Yes),
            (Param::Int(i), &Type::INT8) => i.to_sql(ty, out),
            (Param::Int(i), &Type::INT4) => i32::try_from(i)?.to_sql(ty, out),
            (Param::Int(i), &Type::INT2) => i16::try_from(i)?.to_sql(ty, out),
            (Param::Int(i), &Type::BOOL) => (i != 0).to_sql(ty, out),
            (Param::Int(i), t) if is_text(t) => i.to_string().as_str().to_sql(ty, out),
            (Param::Text(s), t) if is_text(t) => s.to_sql(ty, out),
            (Param::Blob(b), &Type::BYTEA) => b.to_sql(ty, out),
            (p, t) => Err(format!("cannot bind {p:?} to a parameter of type {t}").into()),
        }
    }

    fn accepts(_: &Type) -> bool {
        true
    }

    postgres::types::to_sql_checked!();
}

fn is_text(ty: &Type) -> bool {
    matches!(
        *ty,
        Type::TEXT | Type::VARCHAR | Type::BPCHAR | Type::NAME | Type::UNKNOWN
    )
}

/// `?N` (and a bare `?`, numbered in order) rewritten to PostgreSQL's `$N`, outside string
/// literals, quoted identifiers and comments.
pub fn numbered_placeholders(sql: &str) -> String {
    let mut out = String::with_capacity(sql.len() + 8);
    let mut chars = sql.chars().peekable();
    let mut next = 1;
    while let Some(c) = chars.next() {
        match c {
            '\'' | '"' => {
                out.push(c);
                for d in chars.by_ref() {
                    out.push(d);
                    if d == c {
                        break;
                    }
                }
            }
            '-' if chars.peek() == Some(&'-') => {
                out.push(c);
                for d in chars.by_ref() {
                    out.push(d);
                    if d == '\n' {
                        break;
                    }
                }
            }
            '?' => {
                let mut digits = String::new();
                while let Some(d) = chars.peek().filter(|d| d.is_ascii_digit()) {
                    digits.push(*d);
                    chars.next();
                }
                if digits.is_empty() {
                    digits = next.to_string();
                }
                next = digits.parse::<usize>().map_or(next, |n| n + 1);
                out.push('$');
                out.push_str(&digits);
            }
            _ => out.push(c),
        }
    }
    out
}

/// PostgreSQL's prepared statements of one connection, by payctl's SQL text: the `postgres`
/// crate keeps none of its own, and preparing is a round trip.
pub type PgStatements = RefCell<HashMap<String, postgres::Statement>>;

/// One open transaction on either engine. Every read and write of a command goes through it.
pub struct Tx<'c> {
    inner: Inner<'c>,
}

enum Inner<'c> {
    Sqlite(rusqlite::Transaction<'c>),
    Postgres {
        tx: RefCell<postgres::Transaction<'c>>,
        statements: &'c PgStatements,
    },
}

impl<'c> Tx<'c> {
    pub fn sqlite(tx: rusqlite::Transaction<'c>) -> Tx<'c> {
        Tx {
            inner: Inner::Sqlite(tx),
        }
    }

    pub fn postgres(tx: postgres::Transaction<'c>, statements: &'c PgStatements) -> Tx<'c> {
        Tx {
            inner: Inner::Postgres {
                tx: RefCell::new(tx),
                statements,
            },
        }
    }

    pub fn engine(&self) -> Engine {
        match self.inner {
            Inner::Sqlite(_) => Engine::Sqlite,
            Inner::Postgres { .. } => Engine::Postgres,
        }
    }

    /// The ledger's schema version: SQLite's `user_version`, PostgreSQL's `payctl_meta`. A
    /// report opens a SQLite ledger read only and so reads an older schema as it is; a
    /// PostgreSQL ledger is always migrated when it is opened.
    pub fn schema_version(&self) -> Result<i64> {
        let sql = match self.engine() {
            Engine::Sqlite => "SELECT user_version FROM pragma_user_version",
            Engine::Postgres => {
                "SELECT CAST(value AS BIGINT) FROM payctl_meta WHERE key = 'schema_version'"
            }
        };
        self.query_row(sql, &[], |r| r.get(0))
    }

    /// Runs one statement; the number of rows it changed.
    pub fn execute(&self, sql: &str, params: &Params<'_>) -> Result<usize> {
        match &self.inner {
            Inner::Sqlite(tx) => {
                let mut stmt = tx.prepare_cached(sql).map_err(sqlite)?;
                stmt.execute(sqlite_params(params)).map_err(sqlite)
            }
            Inner::Postgres { tx, statements } => {
                let mut tx = tx.borrow_mut();
                let stmt = pg_prepare(&mut tx, statements, sql)?;
                let values = pg_params(params);
                let n = tx
                    .execute(&stmt, &pg_refs(&values))
                    .map_err(postgres_error)?;
                Ok(usize::try_from(n).unwrap_or(usize::MAX))
            }
        }
    }

    /// Runs one `INSERT` into a table whose `id` the engine assigns (the next after the largest,
    /// as SQLite assigns a rowid; on PostgreSQL a trigger does the same under the write lock)
    /// and returns that id.
    pub fn insert(&self, sql: &str, params: &Params<'_>) -> Result<i64> {
        match &self.inner {
            Inner::Sqlite(tx) => {
                let mut stmt = tx.prepare_cached(sql).map_err(sqlite)?;
                stmt.execute(sqlite_params(params)).map_err(sqlite)?;
                Ok(tx.last_insert_rowid())
            }
            Inner::Postgres { .. } => {
                let returning = format!("{sql} RETURNING id");
                self.query_row(&returning, params, |r| r.get(0))
            }
        }
    }

    /// Runs statements with no parameters and no results, separated by `;` (schema changes).
    pub fn execute_batch(&self, sql: &str) -> Result<()> {
        match &self.inner {
            Inner::Sqlite(tx) => tx.execute_batch(sql).map_err(sqlite),
            Inner::Postgres { tx, .. } => {
                tx.borrow_mut().batch_execute(sql).map_err(postgres_error)
            }
        }
    }

    /// On PostgreSQL, whether the rest of this transaction runs its prepared statements on
    /// generic plans (`plan_cache_mode = auto`) or goes back to the session's plan for each
    /// execution ([`super::postgres::PLAN_EACH_EXECUTION`]): a bulk write turns generic plans on
    /// for the foreign-key checks the server makes per row, and off again after it. Nothing on
    /// SQLite.
    pub(super) fn plan_generically(&self, generic: bool) -> Result<()> {
        if matches!(self.inner, Inner::Sqlite(_)) {
            return Ok(());
        }
        let mode = match generic {
            true => "auto",
            false => super::postgres::PLAN_EACH_EXECUTION,
        };
        self.execute_batch(&format!("SET LOCAL plan_cache_mode = {mode}"))
    }

    /// The first row of a query, read by `f`; none is an error.
    pub fn query_row<T>(
        &self,
        sql: &str,
        params: &Params<'_>,
        f: impl FnOnce(&Row) -> Result<T>,
    ) -> Result<T> {
        self.query_opt(sql, params, f)?
            .ok_or_else(|| Error::storage(StorageKind::NoRow { sql: one_line(sql) }))
    }

    /// The first row of a query, read by `f`, if there is one.
    pub fn query_opt<T>(
        &self,
        sql: &str,
        params: &Params<'_>,
        f: impl FnOnce(&Row) -> Result<T>,
    ) -> Result<Option<T>> {
        match &self.inner {
            Inner::Sqlite(tx) => {
                let mut stmt = tx.prepare_cached(sql).map_err(sqlite)?;
                let mut rows = stmt.query(sqlite_params(params)).map_err(sqlite)?;
                match rows.next().map_err(sqlite)? {
                    Some(row) => f(&Row::Sqlite(row)).map(Some),
                    None => Ok(None),
                }
            }
            Inner::Postgres { tx, statements } => {
                let mut tx = tx.borrow_mut();
                let stmt = pg_prepare(&mut tx, statements, sql)?;
                let values = pg_params(params);
                let row = tx
                    .query_opt(&stmt, &pg_refs(&values))
                    .map_err(postgres_error)?;
                drop(tx);
                row.map(|row| f(&Row::Postgres(&row))).transpose()
            }
        }
    }

    /// Every row of a query, each read by `f`.
    pub fn query_map<T>(
        &self,
        sql: &str,
        params: &Params<'_>,
        mut f: impl FnMut(&Row) -> Result<T>,
    ) -> Result<Vec<T>> {
        let mut out = Vec::new();
        self.for_each(sql, params, |row| {
            out.push(f(row)?);
            Ok(())
        })?;
        Ok(out)
    }

    /// Every row of a query, handed to `f` as it is read (an export streams a large ledger
    /// this way). `f` cannot run other statements on this transaction.
    pub fn for_each(
        &self,
        sql: &str,
        params: &Params<'_>,
        mut f: impl FnMut(&Row) -> Result<()>,
    ) -> Result<()> {
        self.for_each_while(sql, params, |row| f(row).map(|()| true))
    }

    /// The rows of a query, handed to `f` as they are read, until `f` returns `false`.
    pub fn for_each_while(
        &self,
        sql: &str,
        params: &Params<'_>,
        mut f: impl FnMut(&Row) -> Result<bool>,
    ) -> Result<()> {
        match &self.inner {
            Inner::Sqlite(tx) => {
                let mut stmt = tx.prepare_cached(sql).map_err(sqlite)?;
                let mut rows = stmt.query(sqlite_params(params)).map_err(sqlite)?;
                while let Some(row) = rows.next().map_err(sqlite)? {
                    if !f(&Row::Sqlite(row))? {
                        break;
                    }
                }
                Ok(())
            }
            Inner::Postgres { tx, statements } => {
                use postgres::fallible_iterator::FallibleIterator;
                let mut tx = tx.borrow_mut();
                let stmt = pg_prepare(&mut tx, statements, sql)?;
                let mut rows = tx
                    .query_raw(&stmt, pg_params(params))
                    .map_err(postgres_error)?;
                while let Some(row) = rows.next().map_err(postgres_error)? {
                    if !f(&Row::Postgres(&row))? {
                        break;
                    }
                }
                Ok(())
            }
        }
    }

    /// Runs `f` inside a savepoint: what `f` wrote is kept if it succeeds and undone if it
    /// fails, and the transaction goes on either way (an import's bad row). On PostgreSQL this
    /// is the only way to go on after an error inside a transaction.
    pub fn savepoint<T>(&self, f: impl FnOnce(&Tx) -> Result<T>) -> Result<T> {
        self.savepoint_start()?;
        match f(self) {
            Ok(value) => {
                self.savepoint_release()?;
                Ok(value)
            }
            Err(e) => {
                self.savepoint_rollback()?;
                Err(e)
            }
        }
    }

    /// Starts a savepoint, for a caller that decides only later whether to keep what it wrote
    /// after it: [`Tx::savepoint_release`] keeps it, [`Tx::savepoint_rollback`] undoes it.
    /// (An import's row with `--rejects`.)
    pub fn savepoint_start(&self) -> Result<()> {
        self.execute_batch("SAVEPOINT payctl_row")
    }

    /// Keeps what was written since [`Tx::savepoint_start`].
    pub fn savepoint_release(&self) -> Result<()> {
        self.execute_batch("RELEASE SAVEPOINT payctl_row")
    }

    /// Undoes what was written since [`Tx::savepoint_start`]; the transaction goes on.
    pub fn savepoint_rollback(&self) -> Result<()> {
        self.execute_batch("ROLLBACK TO SAVEPOINT payctl_row; RELEASE SAVEPOINT payctl_row")
    }

    /// Makes what the transaction wrote permanent.
    pub fn commit(self) -> Result<()> {
        match self.inner {
            Inner::Sqlite(tx) => tx.commit().map_err(sqlite),
            Inner::Postgres { tx, .. } => tx.into_inner().commit().map_err(postgres_commit_error),
        }
    }

    /// Undoes everything the transaction wrote.
    pub fn rollback(self) -> Result<()> {
        match self.inner {
            Inner::Sqlite(tx) => tx.rollback().map_err(sqlite),
            Inner::Postgres { tx, .. } => tx.into_inner().rollback().map_err(postgres_error),
        }
    }

    /// Writes `rows` into `table`'s `columns` with one `COPY … FROM STDIN BINARY` (PostgreSQL
    /// only: an import's batch, src/ledger/batch_pg.rs). The table's row triggers run for each
    /// row as for an INSERT. Each row holds one value per column, bound as [`Tx::execute`]
    /// binds them, to the column's type as the server reports it. Returns the rows written.
    pub fn copy_in_rows(
        &self,
        table: &str,
        columns: &[&str],
        rows: &[Vec<Param<'_>>],
    ) -> Result<u64> {
        let Inner::Postgres { tx, statements } = &self.inner else {
            return Err(internal(format!(
                "COPY into {table} runs only on PostgreSQL"
            )));
        };
        let list = columns.join(", ");
        // The foreign-key checks of each row on generic plans, for this COPY only; a failed
        // COPY ends the transaction anyway.
        self.plan_generically(true)?;
        let mut tx = tx.borrow_mut();
        // The columns' types, from a statement that reads them (prepared once per connection).
        let probe = pg_prepare(
            &mut tx,
            statements,
            &format!("SELECT {list} FROM {table} WHERE false"),
        )?;
        let types: Vec<Type> = probe.columns().iter().map(|c| c.type_().clone()).collect();
        let sink = tx
            .copy_in(&format!("COPY {table} ({list}) FROM STDIN BINARY"))
            .map_err(postgres_error)?;
        let mut writer = postgres::binary_copy::BinaryCopyInWriter::new(sink, &types);
        for row in rows {
            if row.len() != types.len() {
                return Err(internal(format!(
                    "a row of {} values for the {} columns of {table}",
                    row.len(),
                    types.len()
                )));
            }
            writer.write(&pg_refs(row)).map_err(postgres_error)?;
        }
        let written = writer.finish().map_err(postgres_error)?;
        drop(tx);
        self.plan_generically(false)?;
        Ok(written)
    }

    /// The SQLite transaction, for the few things only SQLite has (its pragmas, the online
    /// backup, the integrity check). `None` on PostgreSQL.
    pub(crate) fn as_sqlite(&self) -> Option<&rusqlite::Transaction<'c>> {
        match &self.inner {
            Inner::Sqlite(tx) => Some(tx),
            Inner::Postgres { .. } => None,
        }
    }
}

/// `sql` on one line, whitespace runs as one space.
fn one_line(sql: &str) -> String {
    sql.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// A state payctl's own code should never reach (exit 74).
fn internal(detail: String) -> Error {
    Error::storage(StorageKind::Internal { detail })
}

fn sqlite_params<'p>(
    params: &'p Params<'_>,
) -> rusqlite::ParamsFromIter<impl Iterator<Item = Param<'p>>> {
    rusqlite::params_from_iter(params.iter().map(|p| p.to_param()))
}

fn pg_params<'p>(params: &'p Params<'_>) -> Vec<Param<'p>> {
    params.iter().map(|p| p.to_param()).collect()
}

fn pg_refs<'v>(values: &'v [Param<'_>]) -> Vec<&'v (dyn ToSql + Sync)> {
    values.iter().map(|v| v as &(dyn ToSql + Sync)).collect()
}

fn pg_prepare(
    tx: &mut postgres::Transaction<'_>,
    statements: &PgStatements,
    sql: &str,
) -> Result<postgres::Statement> {
    if let Some(stmt) = statements.borrow().get(sql) {
        return Ok(stmt.clone());
    }
    let stmt = tx.prepare(&numbered_placeholders(sql)).map_err(|e| {
        // A statement the server cannot prepare is a bug of payctl's: name it.
        match postgres_error(e) {
            Error::Storage(mut failure) => {
                failure.statement = Some(one_line(sql));
                Error::Storage(failure)
            }
            other => other,
        }
    })?;
    statements.borrow_mut().insert(sql.to_owned(), stmt.clone());
    Ok(stmt)
}

fn sqlite(e: rusqlite::Error) -> Error {
    super::sqlite_error_unnamed(e)
}

/// Maps a PostgreSQL error raised inside a transaction to payctl's (SPEC §8).
pub(crate) fn postgres_error(e: postgres::Error) -> Error {
    super::postgres_error(e, false)
}

/// The same for an error of COMMIT itself: a connection lost there leaves the outcome unknown.
fn postgres_commit_error(e: postgres::Error) -> Error {
    super::postgres_error(e, true)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn placeholders_are_numbered_for_postgres_outside_strings_and_comments() {
        assert_eq!(numbered_placeholders("SELECT ?2 - ?1"), "SELECT $2 - $1");
        assert_eq!(numbered_placeholders("SELECT ?, ?"), "SELECT $1, $2");
        assert_eq!(numbered_placeholders("SELECT ?3, ?"), "SELECT $3, $4");
        assert_eq!(
            numbered_placeholders("SELECT '?1', \"a?\" -- ?9\n, ?10"),
            "SELECT '?1', \"a?\" -- ?9\n, $10"
        );
        assert_eq!(
            numbered_placeholders("SELECT 'it''s ?1', ?1"),
            "SELECT 'it''s ?1', $1"
        );
    }

    fn memory() -> rusqlite::Connection {
        let conn = rusqlite::Connection::open_in_memory().unwrap();
        conn.execute_batch("CREATE TABLE t (id INTEGER PRIMARY KEY, n INTEGER, s TEXT)")
            .unwrap();
        conn
    }

    #[test]
    fn numbered_placeholders_bind_by_number_on_sqlite() {
        let mut conn = memory();
        let tx = Tx::sqlite(conn.transaction().unwrap());
        let v: i64 = tx
            .query_row("SELECT ?2 - ?1", crate::params![10i64, 3i64], |r| r.get(0))
            .unwrap();
        assert_eq!(v, -7);
    }

    #[test]
    fn values_round_trip_and_savepoints_undo_only_their_part() {
        let mut conn = memory();
        let tx = Tx::sqlite(conn.transaction().unwrap());
        let none: Option<i64> = None;
        tx.execute(
            "INSERT INTO t (id, n, s) VALUES (?1, ?2, ?3)",
            crate::params![1i64, i64::MAX, "a"],
        )
        .unwrap();
        let failed: Result<()> = tx.savepoint(|tx| {
            tx.execute(
                "INSERT INTO t (id, n, s) VALUES (2, ?1, 'b')",
                crate::params![none],
            )?;
            Err(Error::storage(StorageKind::Internal {
                detail: "undo".into(),
            }))
        });
        assert!(failed.is_err());
        tx.savepoint(|tx| {
            tx.execute(
                "INSERT INTO t (id, n, s) VALUES (3, NULL, 'c')",
                crate::params![],
            )
        })
        .unwrap();
        let rows: Vec<(i64, Option<i64>, String)> = tx
            .query_map(
                "SELECT id, n, s FROM t ORDER BY id",
                crate::params![],
                |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
            )
            .unwrap();
        assert_eq!(
            rows,
            vec![(1, Some(i64::MAX), "a".into()), (3, None, "c".into())]
        );
        assert!(tx
            .query_opt("SELECT id FROM t WHERE id = 2", crate::params![], |r| r
                .get::<i64>(0))
            .unwrap()
            .is_none());
        assert!(tx
            .query_row("SELECT s FROM t WHERE id = 1", crate::params![], |r| r
                .get::<i64>(0))
            .is_err());
        tx.rollback().unwrap();
    }
}
