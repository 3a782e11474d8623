//! `payctl find TEXT`: one read of the ledger, every output format.

use super::context::{Ctx, Outcome};
use crate::core::find::parse_find;
use crate::error::{Error, Result};
use crate::ledger::find;
use crate::render;

pub fn run(text: &str, limit: u32, ctx: &Ctx) -> Result<Outcome> {
    let query = parse_find(text, limit).map_err(Error::Usage)?;
    let found = ctx.ledger_existing()?.read(|tx| find::find(tx, &query))?;
    if found.is_empty() && ctx.style.format == render::Format::Table {
        // Nothing found is an answer, not an error (exit 0); a pipe still gets the bare header.
        eprintln!(
            "no customer, invoice or payment matches '{}'",
            crate::core::text::excerpt(text.trim())
        );
    }
    Ok(Outcome::read(render::list(&found, ctx.style)))
}
