//! What the bank statement readers ([`super::camt053`], [`super::mt940`], [`super::bankcsv`])
//! yield: each statement of the file with its entries as the bank wrote them (amounts as
//! decimal text, unsigned, with their direction), before any rule. `core::bank::plan_import`
//! turns them into rows.

use std::io::BufRead;

pub use crate::core::bank::{RawBalance, RawEntry, RawStatement};

/// Why a file could not be read: the line, and what is wrong there.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ReadError {
    pub line: u64,
    pub message: String,
}

impl ReadError {
    pub fn new(line: u64, message: impl Into<String>) -> ReadError {
        ReadError {
            line,
            message: message.into(),
        }
    }
}

impl std::fmt::Display for ReadError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        if self.line == 0 {
            write!(f, "{}", self.message)
        } else {
            write!(f, "line {}: {}", self.line, self.message)
        }
    }
}

/// A `BufRead` that counts the lines its consumer has consumed, so that a streaming parser
/// can say on which line an element starts.
pub struct LineCounting<R> {
    inner: R,
    newlines: u64,
}

impl<R: BufRead> LineCounting<R> {
    pub fn new(inner: R) -> LineCounting<R> {
        LineCounting { inner, newlines: 0 }
    }

    /// The line the next unconsumed byte is on (1-based).
    pub fn line(&self) -> u64 {
        self.newlines + 1
    }
}

impl<R: BufRead> std::io::Read for LineCounting<R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let n = self.inner.read(buf)?;
        self.newlines += buf[..n].iter().filter(|b| **b == b'\n').count() as u64;
        Ok(n)
    }
}

impl<R: BufRead> BufRead for LineCounting<R> {
    fn fill_buf(&mut self) -> std::io::Result<&[u8]> {
        self.inner.fill_buf()
    }

    fn consume(&mut self, amt: usize) {
        if let Ok(buf) = self.inner.fill_buf() {
            let n = amt.min(buf.len());
            self.newlines += buf[..n].iter().filter(|b| **b == b'\n').count() as u64;
        }
        self.inner.consume(amt);
    }
}

/// The format a statement file's first bytes say it is in: an XML document naming camt.053,
/// an MT940 block or tag, else CSV.
pub fn sniff(head: &[u8]) -> &'static str {
    let text = String::from_utf8_lossy(head);
    let t = text.trim_start_matches('\u{feff}').trim_start();
    if t.starts_with('<') {
        "camt053"
    } else if t.starts_with("{1:")
        || t.starts_with(":20:")
        || t.starts_with("-}")
        || t.lines().take(5).any(|l| l.starts_with(":20:"))
    {
        "mt940"
    } else {
        "csv"
    }
}
