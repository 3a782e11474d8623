//! A reader that will not hand out more than one record's worth of bytes: the csv crate,
//! serde_json and quick-xml each buffer a whole record (a field, a line, an element's text)
//! however long it is, so `import /dev/zero` asked for gigabytes at once and aborted. Each
//! reader marks where a record starts; past [`MAX_RECORD_BYTES`] from there, reading fails and
//! [`Budget::tripped`] says why.

use std::cell::Cell;
use std::io::{self, BufRead, Read};
use std::rc::Rc;

use crate::core::json::MAX_RECORD_BYTES;

/// What has been read, shared between the reader and the code that knows where records start.
#[derive(Default)]
pub struct Budget {
    used: Cell<u64>,
    lines: Cell<u64>,
    floor: Cell<u64>,
    tripped: Cell<bool>,
}

impl Budget {
    /// A record starts at the next byte read.
    pub fn start_record(&self) {
        self.floor.set(self.used.get());
    }

    /// A record starts at byte `at` of the input (already read, for a reader that reads ahead).
    pub fn start_record_at(&self, at: u64) {
        self.floor.set(at);
    }

    /// The byte where the current record starts.
    pub fn record_start(&self) -> u64 {
        self.floor.get()
    }

    /// True when reading stopped because a record was too long.
    pub fn tripped(&self) -> bool {
        self.tripped.get()
    }

    /// The line (from 1) that reading has reached.
    pub fn line(&self) -> u64 {
        self.lines.get() + 1
    }
}

pub struct Capped<R> {
    inner: R,
    budget: Rc<Budget>,
}

impl<R: BufRead> Capped<R> {
    pub fn new(inner: R, budget: Rc<Budget>) -> Self {
        Capped { inner, budget }
    }
}

impl<R: BufRead> BufRead for Capped<R> {
    fn fill_buf(&mut self) -> io::Result<&[u8]> {
        let budget = &self.budget;
        let left = (budget.floor.get() + MAX_RECORD_BYTES).saturating_sub(budget.used.get());
        let buf = self.inner.fill_buf()?;
        if buf.is_empty() {
            return Ok(buf);
        }
        if left == 0 {
            budget.tripped.set(true);
            return Err(io::Error::other(crate::core::json::record_too_long()));
        }
        let n = buf.len().min(usize::try_from(left).unwrap_or(usize::MAX));
        Ok(&buf[..n])
    }

    fn consume(&mut self, n: usize) {
        // The bytes are still in the inner buffer: consume comes right after fill_buf.
        if let Ok(buf) = self.inner.fill_buf() {
            let newlines = buf[..n.min(buf.len())]
                .iter()
                .filter(|&&b| b == b'\n')
                .count();
            self.budget
                .lines
                .set(self.budget.lines.get() + newlines as u64);
        }
        self.budget.used.set(self.budget.used.get() + n as u64);
        self.inner.consume(n);
    }
}

impl<R: BufRead> Read for Capped<R> {
    fn read(&mut self, out: &mut [u8]) -> io::Result<usize> {
        let n = {
            let buf = self.fill_buf()?;
            let n = buf.len().min(out.len());
            out[..n].copy_from_slice(&buf[..n]);
            n
        };
        self.consume(n);
        Ok(n)
    }
}

/// Skips a UTF-8 byte-order mark at the start of the input (JSON has none; editors add it).
pub fn skip_bom(reader: &mut dyn BufRead) -> io::Result<()> {
    if reader.fill_buf()?.starts_with(crate::core::json::BOM) {
        reader.consume(crate::core::json::BOM.len());
    }
    Ok(())
}
