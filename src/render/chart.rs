//! `report aging --chart`: each currency's aging buckets as bars of block characters, fitted to
//! the line.
//!
//! One block per currency, its buckets one line each: the bucket's name, its bar, and its
//! amount right-aligned at the line's end, whole (an amount is never split or shortened). The
//! largest bucket of a currency fills the bar space; the others get their share in eighths of
//! a column (`▏` to `█`), computed by [`bar_steps`] from minor units, never through a float.
//! Currencies are never drawn on one scale: each has its own largest bucket.

use unicode_width::UnicodeWidthStr;

use crate::core::chart::{bar_steps, largest};
use crate::core::report::{AgingReport, AgingRow};

/// The narrowest the bar space is made. A line too narrow for even this, beside the labels and
/// the widest amount, runs past the line's end rather than split an amount.
pub const MIN_BAR_COLUMNS: usize = 10;

/// The width the chart fits when there is no width to fit (in a pipe without `COLUMNS`); else
/// it fits the one width tables fit too (`Style::width`: `COLUMNS`, capped at 65535, else the
/// terminal's).
pub const PIPE_WIDTH: usize = 80;

/// The bucket names, in the order of the table's columns.
const BUCKETS: [&str; 5] = ["Current", "1–30", "31–60", "61–90", "90+"];

/// A row's five buckets: their text (as JSON and the table print them) and minor units.
fn buckets(row: &AgingRow) -> [(String, i64); 5] {
    [
        &row.current,
        &row.days_1_to_30,
        &row.days_31_to_60,
        &row.days_61_to_90,
        &row.days_90_plus,
    ]
    .map(|m| (m.to_string(), m.minor()))
}

/// A bar of `eighths` eighths of a column: full blocks, then one partial block.
fn bar(eighths: u32) -> String {
    const PARTS: [char; 8] = [' ', '▏', '▎', '▍', '▌', '▋', '▊', '▉'];
    let full = (eighths / 8) as usize;
    let mut out = "█".repeat(full);
    let rest = (eighths % 8) as usize;
    if rest > 0 {
        out.push(PARTS[rest]);
    }
    out
}

/// The chart of `report`'s totals, one block per currency, under `heading`, fitted to `width`
/// columns.
pub fn aging(report: &AgingReport, heading: &str, width: usize) -> String {
    // Wrapped between words, as the report table's heading is, so that a narrow terminal does
    // not break it mid-word.
    let mut out = super::table::wrap_words(heading.trim_end_matches('\n'), Some(width));
    if report.totals.is_empty() {
        out.push_str("Nothing outstanding.\n");
        return out;
    }
    let label_width = BUCKETS.iter().map(|b| b.width()).max().unwrap_or(0);
    // One layout for every currency, so that their bars start and end in the same columns:
    // the amounts column is as wide as the widest amount of any currency.
    let amount_width = report
        .totals
        .iter()
        .flat_map(buckets)
        .map(|(text, _)| text.width())
        .max()
        .unwrap_or(0);
    // label, two spaces, bar, one space, amount.
    let bar_columns = width
        .saturating_sub(label_width + 2 + 1 + amount_width)
        .max(MIN_BAR_COLUMNS);
    let full = u32::try_from(bar_columns.saturating_mul(8)).unwrap_or(u32::MAX);
    for total in &report.totals {
        let rows = buckets(total);
        let most = largest(&rows.each_ref().map(|(_, minor)| *minor));
        out.push_str(&format!(
            "\nOutstanding in {}: {}\n",
            total.currency, total.total
        ));
        for (name, (text, minor)) in BUCKETS.iter().zip(&rows) {
            let drawn = bar(bar_steps(*minor, most, full));
            let line = format!(
                "{name}{}  {drawn}{} {text:>amount_width$}",
                " ".repeat(label_width - name.width()),
                " ".repeat(bar_columns - drawn.width()),
            );
            out.push_str(line.trim_end());
            out.push('\n');
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bars_are_whole_blocks_then_one_partial_block() {
        assert_eq!(bar(0), "");
        assert_eq!(bar(1), "▏");
        assert_eq!(bar(8), "█");
        assert_eq!(bar(12), "█▌");
        assert_eq!(bar(23), "██▉");
    }
}
