//! Database roles of a team ledger on PostgreSQL (SPEC §8): `payctl db grant-clerk ROLE`.

use super::Tx;
use crate::core::ledger_rules::{check_clerk_role, RoleFacts};
use crate::error::{Error, Result, StorageKind};
use crate::params;

/// What `payctl db grant-clerk` runs, as the ledger's owner (its header says what it grants).
const GRANT_CLERK: &str = include_str!("migrations/postgres/grant_clerk.sql");

/// One table and what the role may now do with it.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
pub struct Grant {
    pub role: String,
    pub table: String,
    /// `INSERT`, `SELECT`, `UPDATE (default_method_id)`, in that order.
    pub privileges: Vec<String>,
}

/// Grants `role` what payctl's commands need on the team ledger `config` names and nothing
/// else, and returns every table the role may now use, with its privileges.
///
/// The role is checked first (it exists, is no superuser, owns nothing), so that a refused
/// command leaves an empty database empty; then the schema is migrated (an empty database
/// gets its tables, so the grants cover every one), and the grants run in one write
/// transaction, the ledger's write lock held, after checking the role again.
///
/// The role's name is never spliced into SQL: it is a parameter of `set_config`, which
/// grant_clerk.sql reads and quotes with `format('%I')`.
pub fn grant_clerk(config: &super::LedgerConfig, role: &str) -> Result<Vec<Grant>> {
    let Some(server) = &config.server else {
        // The command refuses a SQLite ledger before it gets here.
        return Err(Error::storage(StorageKind::Internal {
            detail: format!(
                "'{}' is a SQLite ledger file, which has no database roles",
                config.path.display()
            ),
        }));
    };
    let mut ledger = super::open_server(config, server)?;
    ledger.read(|tx| check_role(tx, role))?;
    ledger.migrate()?;
    ledger.write(|tx| {
        check_role(tx, role)?;
        tx.execute(
            "SELECT set_config('payctl.clerk_role', ?1, true)",
            params![role],
        )?;
        tx.execute_batch(GRANT_CLERK)?;
        privileges(tx, role)
    })
}

/// `role` exists, is no superuser and does not own the ledger's schema (exit 1 otherwise).
fn check_role(tx: &Tx, role: &str) -> Result<()> {
    let found: Option<(bool, bool)> = tx.query_opt(
        "SELECT r.rolsuper, r.oid = n.nspowner
         FROM pg_roles r, pg_namespace n
         WHERE r.rolname = ?1 AND n.nspname = current_schema()",
        params![role],
        |r| Ok((r.get::<bool>(0)?, r.get::<bool>(1)?)),
    )?;
    let facts = found.map(|(superuser, owns_schema)| RoleFacts {
        superuser,
        owns_schema,
    });
    check_clerk_role(role, &quote_ident(role), facts)
}

/// Every table of the ledger's schema `role` holds a privilege on, granted to it by name
/// (PUBLIC's are not listed), table by table; a right on some columns only names them.
pub fn privileges(tx: &Tx, role: &str) -> Result<Vec<Grant>> {
    let rows: Vec<(String, String)> = tx.query_map(
        "SELECT c.relname, a.privilege_type
         FROM pg_class c, aclexplode(c.relacl) a, pg_roles r
         WHERE c.relnamespace = current_schema()::regnamespace AND c.relkind = 'r'
           AND r.oid = a.grantee AND r.rolname = ?1
         UNION ALL
         SELECT c.relname, a.privilege_type || ' (' || string_agg(att.attname, ', ' ORDER BY att.attnum) || ')'
         FROM pg_class c JOIN pg_attribute att ON att.attrelid = c.oid, aclexplode(att.attacl) a, pg_roles r
         WHERE c.relnamespace = current_schema()::regnamespace AND c.relkind = 'r'
           AND r.oid = a.grantee AND r.rolname = ?1
         GROUP BY c.relname, a.privilege_type
         ORDER BY 1, 2",
        params![role],
        |r| Ok((r.get::<String>(0)?, r.get::<String>(1)?)),
    )?;
    let mut grants: Vec<Grant> = Vec::new();
    for (table, privilege) in rows {
        match grants.last_mut() {
            Some(last) if last.table == table => last.privileges.push(privilege),
            _ => grants.push(Grant {
                role: role.to_owned(),
                table,
                privileges: vec![privilege],
            }),
        }
    }
    Ok(grants)
}

/// `name` as a PostgreSQL identifier, for a hint a user copies (never run by payctl).
fn quote_ident(name: &str) -> String {
    if !name.is_empty()
        && name
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_')
        && !name.starts_with(|c: char| c.is_ascii_digit())
    {
        name.to_owned()
    } else {
        format!("\"{}\"", name.replace('"', "\"\""))
    }
}
