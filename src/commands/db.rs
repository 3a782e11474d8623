//! `payctl db`: a team ledger's database roles (SPEC §8).

use super::context::{Ctx, Outcome};
use crate::cli::DbCommand;
use crate::error::{Error, Result};
use crate::ledger::roles::{self, Grant};
use crate::render::table::Kind;
use crate::render::{self, Field, Record};

pub fn run(command: DbCommand, ctx: &Ctx) -> Result<Outcome> {
    match command {
        DbCommand::GrantClerk { role } => grant_clerk(&role, ctx),
    }
}

fn grant_clerk(role: &str, ctx: &Ctx) -> Result<Outcome> {
    let config = ctx.ledger_config()?;
    if config.server.is_none() {
        return Err(Error::usage(
            "db",
            format!(
                "payctl db grant-clerk is for a team ledger on PostgreSQL: give --db (or PAYCTL_DB) a postgres:// URL; '{}' is a SQLite ledger file, which has no database roles",
                config.path.display()
            ),
        ));
    }
    let grants = roles::grant_clerk(config, role)?;
    if ctx.quiet {
        return Ok(Outcome::read(String::new()));
    }
    let heading = format!(
        "Granted role {role} what payctl's commands need on {} tables of ledger {}; the server refuses it any UPDATE, DELETE or TRUNCATE of a money row, any write to the caches and any change to the schema",
        grants.len(),
        config.path.display()
    );
    let text = match ctx.style.format {
        render::Format::Table | render::Format::Html => {
            format!("{heading}\n{}", render::list(&grants, ctx.style))
        }
        _ => render::list(&grants, ctx.style),
    };
    Ok(Outcome::read(text))
}

impl Record for Grant {
    const FIELDS: &'static [Field] = &[
        Field {
            name: "role",
            title: "Role",
            kind: Kind::Fixed,
            in_list: true,
            in_csv: true,
        },
        Field {
            name: "table",
            title: "Table",
            kind: Kind::Fixed,
            in_list: true,
            in_csv: true,
        },
        Field {
            name: "privileges",
            title: "Privileges",
            kind: Kind::Text,
            in_list: true,
            in_csv: true,
        },
    ];
    fn values(&self) -> Vec<String> {
        vec![
            self.role.clone(),
            self.table.clone(),
            self.privileges.join(", "),
        ]
    }
}
