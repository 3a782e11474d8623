//! CSV: one row per record, named by its line; the header must be the kind's columns.

use std::io::{BufRead, Read};
use std::path::Path;
use std::rc::Rc;

use super::capped::{Budget, Capped};
use super::{file_error, Row};
use crate::core::import::{self, ImportKind};
use crate::core::json;
use crate::error::Result;

/// Reads every record of a CSV file, in order, handing each to `each`.
pub(super) fn read(
    reader: Box<dyn BufRead>,
    kind: ImportKind,
    path: &Path,
    each: &mut dyn FnMut(Row) -> Result<()>,
) -> Result<()> {
    let budget = Rc::new(Budget::default());
    let mut csv = csv::ReaderBuilder::new()
        .flexible(false)
        .from_reader(LineCounter::new(Capped::new(reader, budget.clone())));
    // A record too long to read stops the file: where it ends is unknown.
    let too_long = |csv: &mut csv::Reader<LineCounter<_>>, budget: &Budget| {
        budget.tripped().then(|| {
            let line = csv.get_mut().line_at(budget.record_start());
            file_error(path, format!("line {line}: {}", json::record_too_long()))
        })
    };
    let header: Vec<String> = match csv.headers() {
        Ok(header) => header.clone(),
        Err(e) => {
            return Err(too_long(&mut csv, &budget)
                .unwrap_or_else(|| file_error(path, format!("cannot read the CSV header: {e}"))))
        }
    }
    .iter()
    .map(|h| h.trim().to_string())
    .collect();
    import::check_header(kind, &header).map_err(|e| file_error(path, e))?;
    budget.start_record_at(csv.position().byte());
    let mut record = csv::StringRecord::new();
    loop {
        match csv.read_record(&mut record) {
            Ok(false) => break,
            Ok(true) => {
                let line = record
                    .position()
                    .map_or(0, |p| csv.get_mut().line_at(p.byte()));
                budget.start_record_at(csv.position().byte());
                let cells: Vec<String> = record.iter().map(str::to_string).collect();
                each((line, import::csv_record_to_object(kind, &header, &cells)))?;
            }
            Err(e) => {
                if let csv::ErrorKind::Io(_) = e.kind() {
                    return Err(too_long(&mut csv, &budget).unwrap_or_else(|| file_error(path, e)));
                }
                let line = e.position().map_or(0, |p| csv.get_mut().line_at(p.byte()));
                // In payctl's words: the crate's own text names its own (wrong) line.
                let why = match e.kind() {
                    csv::ErrorKind::UnequalLengths {
                        expected_len, len, ..
                    } => format!(
                        "has {len} fields but the header has {expected_len}; quote a field that holds a comma"
                    ),
                    csv::ErrorKind::Utf8 { err, .. } => format!(
                        "field {} is not UTF-8 text; save the file as UTF-8",
                        err.field() + 1
                    ),
                    _ => format!("unreadable CSV record: {e}"),
                };
                budget.start_record_at(csv.position().byte());
                each((line, Err(why)))?;
                // A record with the wrong number of fields is skipped; the reader can go on.
            }
        }
    }
    Ok(())
}

/// Counts the lines of what the CSV reader reads, so that a record's line number comes from its
/// byte offset: the csv crate's own line count is off by one for every CRLF line ending and
/// every blank line before a record (BurntSushi/rust-csv#395), which named the wrong line of a
/// file saved by Excel. Keeps only the line-end bytes not yet passed, a buffer's worth.
struct LineCounter<R> {
    inner: R,
    offset: u64,
    /// Offsets of the `\r` and `\n` bytes read and not yet passed, and whether each is a `\n`.
    line_ends: std::collections::VecDeque<(u64, bool)>,
    passed: u64,
}

impl<R> LineCounter<R> {
    fn new(inner: R) -> Self {
        LineCounter {
            inner,
            offset: 0,
            line_ends: std::collections::VecDeque::new(),
            passed: 0,
        }
    }

    /// The line (from 1) of the record the csv crate places at byte `byte`: the csv crate's
    /// offset is where it began reading the record, before the line ends it skips (the `\n` of
    /// a CRLF, blank lines), so those count too. Asked in increasing order.
    fn line_at(&mut self, byte: u64) -> u64 {
        let mut next = byte;
        while let Some(&(at, newline)) = self.line_ends.front() {
            if at < byte || at == next {
                if at == next {
                    next += 1;
                }
                self.passed += u64::from(newline);
                self.line_ends.pop_front();
            } else {
                break;
            }
        }
        self.passed + 1
    }
}

impl<R: Read> Read for LineCounter<R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let n = self.inner.read(buf)?;
        for (i, &b) in buf[..n].iter().enumerate() {
            if b == b'\n' || b == b'\r' {
                self.line_ends
                    .push_back((self.offset + i as u64, b == b'\n'));
            }
        }
        self.offset += n as u64;
        Ok(n)
    }
}
