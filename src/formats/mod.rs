//! The import readers, one file per format: bytes in, rows out (each a JSON object with its
//! line or record number, or why it could not be read). Pure: no ledger, no command, no
//! terminal; it depends on `core` (the import kinds' columns, the one JSON reader, the 1 MiB
//! record cap) and `error` only, so the fuzz targets and parser tests call it directly.

use std::io::{self, BufRead};
use std::path::Path;

use serde_json::Value;

use crate::core::import::ImportKind;
use crate::error::{Error, Result};

pub mod bank;
pub mod bankcsv;
pub mod camt053;
mod capped;
mod csv;
mod json;
mod jsonl;
pub mod mt940;
mod xml;

/// The formats `payctl import` reads (the command line's `--format`, or the file's extension).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ImportFormat {
    Csv,
    Json,
    Jsonl,
    Xml,
}

pub fn detect_format(given: Option<ImportFormat>, path: &Path) -> Result<ImportFormat> {
    if let Some(f) = given {
        return Ok(f);
    }
    let ext = path
        .extension()
        .and_then(|e| e.to_str())
        .unwrap_or("")
        .to_ascii_lowercase();
    match ext.as_str() {
        "csv" => Ok(ImportFormat::Csv),
        "json" => Ok(ImportFormat::Json),
        "jsonl" | "ndjson" => Ok(ImportFormat::Jsonl),
        "xml" => Ok(ImportFormat::Xml),
        _ => Err(Error::usage(
            "format",
            format!(
                "cannot tell the format of '{}'; give --format csv|json|jsonl|xml",
                path.display()
            ),
        )),
    }
}

/// A row as read: its line (or record) number and its fields, or why it could not be read.
pub type Row = (u64, std::result::Result<Value, String>);

/// How a file given on the command line is named back: `stdin` for `-`, and a card number in
/// its name masked (SPEC §3).
pub fn shown_path(path: &Path) -> String {
    if path == Path::new("-") {
        "stdin".to_string()
    } else {
        crate::core::text::mask_card_numbers(&path.display().to_string())
    }
}

/// A problem with the file as a whole (not one row): it refuses the import.
fn file_error(path: &Path, message: impl std::fmt::Display) -> Error {
    Error::rejected(
        "file",
        format!("{}: {message}; nothing was imported", shown_path(path)),
    )
}

/// One row of an import file as read, before any rule that needs the ledger: its line (or
/// record) number and its fields as a JSON object, or why it could not be read.
pub type ReadRow = (u64, std::result::Result<Value, String>);

/// Reads an import file's bytes into its rows, exactly as `payctl import` does but without a
/// ledger (for the fuzz targets and parser tests). `Err` is a problem with the file as a
/// whole (a truncated JSON or XML document, a bad CSV header), which refuses an import.
pub fn read_rows(
    bytes: &[u8],
    format: ImportFormat,
    kind: ImportKind,
) -> std::result::Result<Vec<ReadRow>, String> {
    let reader: Box<dyn BufRead> = Box::new(io::Cursor::new(bytes.to_vec()));
    let mut rows = Vec::new();
    for_each_row(reader, format, kind, Path::new("input"), &mut |row| {
        rows.push(row);
        Ok(())
    })
    .map_err(|e| e.to_string())?;
    Ok(rows)
}

/// Reads every row of the file, in order, handing each to `each`. Nothing is held but the row.
pub fn for_each_row(
    reader: Box<dyn BufRead>,
    format: ImportFormat,
    kind: ImportKind,
    path: &Path,
    each: &mut dyn FnMut(Row) -> Result<()>,
) -> Result<()> {
    match format {
        ImportFormat::Csv => self::csv::read(reader, kind, path, each),
        ImportFormat::Jsonl => self::jsonl::read(reader, path, each),
        ImportFormat::Json => self::json::read(reader, path, each),
        ImportFormat::Xml => self::xml::read(reader, path, each),
    }
}
