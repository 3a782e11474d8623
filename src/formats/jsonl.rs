//! JSON Lines: one JSON object per line, named by its line; blank lines are skipped.

use std::io::BufRead;
use std::path::Path;
use std::rc::Rc;

use super::capped::{skip_bom, Budget, Capped};
use super::{file_error, Row};
use crate::core::json;
use crate::error::Result;

/// Reads every line of a JSON Lines file, in order, handing each to `each`.
pub(super) fn read(
    reader: Box<dyn BufRead>,
    path: &Path,
    each: &mut dyn FnMut(Row) -> Result<()>,
) -> Result<()> {
    let mut reader = reader;
    skip_bom(&mut reader).map_err(|e| file_error(path, e))?;
    let budget = Rc::new(Budget::default());
    let mut reader = Capped::new(reader, budget.clone());
    let mut bytes = Vec::new();
    let mut number = 0u64;
    loop {
        bytes.clear();
        budget.start_record();
        match reader.read_until(b'\n', &mut bytes) {
            Ok(0) => break,
            Ok(_) => number += 1,
            Err(_) if budget.tripped() => {
                return Err(file_error(
                    path,
                    format!("line {}: {}", number + 1, json::record_too_long()),
                ))
            }
            Err(e) => return Err(file_error(path, e)),
        }
        let line = bytes.strip_suffix(b"\n").unwrap_or(&bytes);
        let Ok(text) = std::str::from_utf8(line) else {
            each((number, Err("not UTF-8 text".into())))?;
            continue;
        };
        if text.trim().is_empty() {
            continue;
        }
        let row = match json::parse(text) {
            Ok((_, Some(repeated))) => Err(repeated.message),
            Ok((value, None)) => Ok(value),
            Err(e) => Err(format!("not JSON: {e}")),
        };
        each((number, row))?;
    }
    Ok(())
}
