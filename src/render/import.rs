//! What `payctl import` prints: its summary (table, JSON, JSON Lines, CSV), the progress bar
//! of a large file, and the record excerpt a rejects file holds.

use std::io::{self, IsTerminal};

use super::{import_touched, json, json_line, neutralize_formula, touched_list, Format, Style};
use crate::core::views::TouchedInvoiceView;

/// Files larger than this get a progress bar (when stderr is a terminal).
const PROGRESS_BYTES: u64 = 1 << 20;

/// What an import did, counted as it went: printed as its summary.
#[derive(Default, serde::Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Summary {
    pub file: String,
    pub kind: &'static str,
    pub rows: u64,
    pub imported: u64,
    pub already_imported: u64,
    pub failed_attempts: u64,
    pub rejected: u64,
    pub dry_run: bool,
    /// A payments import's invoices, in id order, each with what the import applied to it
    /// and its balance and status after it (SPEC §4: every money command names the invoices
    /// it touched, dry run or not). Other kinds move no money and leave the key out.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub touched_invoices: Option<Vec<TouchedInvoiceView>>,
    /// How many touched invoices the table leaves out (see [`TOUCHED_SHOWN`]); not read.
    #[serde(skip)]
    pub touched_more: usize,
}

/// The touched invoices the table under an import's summary shows at most: a 100,000-row
/// import must not flood the terminal, and `-o json` lists every one.
pub const TOUCHED_SHOWN: usize = 50;

/// An import's summary in the output format asked for (`-q` prints none: the caller decides).
pub fn summary(style: Style, summary: &Summary) -> String {
    match style.format {
        Format::Json => json(&summary),
        Format::Jsonl => json_line(&summary),
        Format::Csv => {
            // A payments import adds one column, as the other money commands' CSV: every
            // invoice it touched, `INV:APPLIED:BALANCE:STATUS;…` (empty when none).
            let (touched_header, touched_cell) = match &summary.touched_invoices {
                Some(touched) => (",touchedInvoices", format!(",{}", touched_list(touched))),
                None => ("", String::new()),
            };
            format!(
                "file,kind,rows,imported,alreadyImported,failedAttempts,rejected,dryRun{touched_header}\n{},{},{},{},{},{},{},{}{touched_cell}\n",
                neutralize_formula(summary.file.clone()),
                summary.kind,
                summary.rows,
                summary.imported,
                summary.already_imported,
                summary.failed_attempts,
                summary.rejected,
                summary.dry_run
            )
        }
        Format::Table | Format::Html => format!(
            "{}{}: {} rows, {} imported, {} already imported, {} failed attempts recorded, {} rejected\n{}",
            if summary.dry_run { "Dry run, nothing written. " } else { "" },
            summary.file,
            summary.rows,
            summary.imported,
            summary.already_imported,
            summary.failed_attempts,
            summary.rejected,
            import_touched(
                style,
                summary.touched_invoices.as_deref().unwrap_or_default(),
                summary.touched_more
            )
        ),
    }
}

/// A progress bar on stderr for a file of `len` bytes, when it is large and stderr is a terminal.
pub fn progress_bar(len: Option<u64>) -> Option<indicatif::ProgressBar> {
    match len {
        Some(len) if len > PROGRESS_BYTES && io::stderr().is_terminal() => {
            let bar = indicatif::ProgressBar::new(len);
            if let Ok(style) =
                indicatif::ProgressStyle::with_template("{bar:40} {bytes}/{total_bytes} {eta} left")
            {
                bar.set_style(style);
            }
            Some(bar)
        }
        _ => None,
    }
}

/// The rejected record as JSON, cut short if huge (a 10 MB field stays out of the rejects file).
pub fn excerpt_record(raw: String) -> String {
    const MAX: usize = 4096;
    if raw.len() <= MAX {
        return neutralize_formula(raw);
    }
    let mut end = MAX;
    while !raw.is_char_boundary(end) {
        end -= 1;
    }
    format!("{}…", &raw[..end])
}
