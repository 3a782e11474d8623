//! Lays out a table: boxed to fit the terminal's width, or as plain columns for a pipe.
//!
//! On a terminal (or with `PAYCTL_FORCE_TTY`) a table is drawn with box characters and made to
//! fit the line (`COLUMNS`, else the terminal's width): amounts, ids, dates and other short
//! values ([`Kind::Fixed`] and the like) keep their whole width and are never split; text
//! cells ([`Kind::Text`]) are shortened with `…` instead. A list that cannot fit even then is
//! printed one record at a time, as `Field │ Value` tables (like psql's `\x auto`), rather
//! than split.
//!
//! In a pipe, a table is plain: one line per record, cells joined by two spaces, no box
//! drawing, no wrapping; an empty cell prints as `-` so that `awk '{print $4}'` sees every
//! column. Text is shortened there only when `COLUMNS` is set and the line would be wider.

use comfy_table::{presets, Cell, CellAlignment, Color, ContentArrangement, Table, TableComponent};
use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

use super::Style;
use crate::core::dates::display_date;
use crate::core::text::escape_controls;

/// What a cell holds, which says whether it may be shortened and how it is aligned.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    /// A record id: never shortened.
    Id,
    /// A date or timestamp: never shortened; a date with no time of day prints as
    /// `YYYY-MM-DD`.
    Date,
    /// An amount: never shortened, right aligned.
    Money,
    /// A short value from a closed set (a currency, a status, a flag): never shortened.
    Fixed,
    /// Free text (a name, a reference, a message): shortened with `…` to fit.
    Text,
}

/// One cell: its text, its kind and, when colour is on (a colour terminal, `--color always`),
/// its colour.
#[derive(Clone, Debug)]
pub struct Value {
    pub text: String,
    pub kind: Kind,
    pub color: Option<Color>,
}

impl Value {
    pub fn new(text: impl Into<String>, kind: Kind) -> Value {
        Value {
            text: text.into(),
            kind,
            color: None,
        }
    }

    pub fn fg(mut self, color: Color) -> Value {
        self.color = Some(color);
        self
    }
}

/// One column: its heading and its kind (a money column is right aligned).
#[derive(Clone, Copy, Debug)]
pub struct Column<'a> {
    pub title: &'a str,
    pub kind: Kind,
}

/// How a boxed table is drawn.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Frame {
    /// Every cell in a box (lists, records).
    Boxed,
    /// Horizontal rules only, as accounting reports are printed.
    Rules,
}

/// The narrowest a text column is made (unless its text is narrower) before a table is judged
/// too wide to fit.
const TEXT_FLOOR: usize = 8;

/// A table as text with a newline after each line, in the style's layout. `None` only for a
/// boxed table that cannot fit the width, when `fallback` is false (the caller then prints it
/// another way); with `fallback` it is drawn as it comes.
pub fn render(
    style: Style,
    frame: Frame,
    columns: &[Column],
    rows: Vec<Vec<Value>>,
    fallback: bool,
) -> Option<String> {
    let rows: Vec<Vec<Value>> = rows
        .into_iter()
        .map(|row| row.into_iter().map(|v| clean(v, style.boxed)).collect())
        .collect();
    if !style.boxed {
        return Some(plain(style, columns, &rows));
    }
    boxed(style, frame, columns, rows, fallback)
}

/// One record as `Field │ Value` lines, fitted to the width as far as its fixed values allow.
pub fn record(style: Style, fields: Vec<(&str, Value)>) -> String {
    let columns = [
        Column {
            title: "Field",
            kind: Kind::Fixed,
        },
        Column {
            title: "Value",
            kind: Kind::Text,
        },
    ];
    let rows = fields
        .into_iter()
        .map(|(title, value)| vec![Value::new(title, Kind::Fixed), value])
        .collect();
    render(style, Frame::Boxed, &columns, rows, true).unwrap_or_default()
}

/// Text a table can show on one line: control characters (a line break in a name) escaped,
/// a date without a time of day as `YYYY-MM-DD`, and in a pipe an empty cell as `-` and a run
/// of spaces as one.
fn clean(mut value: Value, boxed: bool) -> Value {
    if value.text.chars().any(char::is_control) {
        value.text = escape_controls(&value.text);
    }
    if value.kind == Kind::Date {
        let shown = display_date(&value.text);
        if shown.len() != value.text.len() {
            value.text = shown.to_string();
        }
    }
    if !boxed && value.text.is_empty() {
        value.text = "-".to_string();
    }
    // In a pipe two spaces separate cells, so a run of spaces inside one (`Acme  Corp`) would
    // read as a cell boundary to `awk -F '  '`: one space stands for the run there.
    if !boxed && value.text.contains("  ") {
        value.text = collapse_spaces(&value.text);
    }
    value
}

/// `text` with each run of spaces made one space.
fn collapse_spaces(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if c == ' ' && out.ends_with(' ') {
            continue;
        }
        out.push(c);
    }
    out
}

/// `text` cut to at most `width` columns of the terminal, with `…` where it was cut.
pub fn shorten(text: &str, width: usize) -> String {
    if text.width() <= width {
        return text.to_string();
    }
    if width == 0 {
        return String::new();
    }
    let mut out = String::new();
    let mut used = 0;
    for c in text.chars() {
        let w = c.width().unwrap_or(0);
        if used + w > width - 1 {
            break;
        }
        used += w;
        out.push(c);
    }
    // `check 10042 from…`, not `from …` (in a pipe, a blank before the mark could also make
    // the two-space gap that separates columns).
    out.truncate(out.trim_end().len());
    out.push('…');
    out
}

/// `text` with a newline after it, wrapped between words to `width` when there is one.
pub fn wrap_words(text: &str, width: Option<usize>) -> String {
    let Some(width) = width else {
        return format!("{text}\n");
    };
    let mut out = String::new();
    let mut line = String::new();
    for word in text.split(' ') {
        if !line.is_empty() && line.width() + 1 + word.width() > width {
            out.push_str(&line);
            out.push('\n');
            line.clear();
        }
        if !line.is_empty() {
            line.push(' ');
        }
        line.push_str(word);
    }
    out.push_str(&line);
    out.push('\n');
    out
}

/// Shares `budget` columns among cells that each need at least `min` and want `natural`:
/// each gets its minimum, then the rest goes out in equal shares, so that a narrow cell keeps
/// its whole text and the wide ones are cut alike. `None` when the minimums do not fit.
pub fn share(cells: &[(usize, usize)], budget: usize) -> Option<Vec<usize>> {
    let floor: usize = cells.iter().map(|(min, _)| min).sum();
    let mut left = budget.checked_sub(floor)?;
    let mut widths: Vec<usize> = cells.iter().map(|(min, _)| *min).collect();
    loop {
        let open: Vec<usize> = (0..cells.len())
            .filter(|&i| widths[i] < cells[i].1)
            .collect();
        if open.is_empty() || left == 0 {
            return Some(widths);
        }
        let each = (left / open.len()).max(1);
        for i in open {
            let add = each.min(cells[i].1 - widths[i]).min(left);
            widths[i] += add;
            left -= add;
        }
    }
}

/// Cells joined by two spaces, one line per record.
fn plain(style: Style, columns: &[Column], rows: &[Vec<Value>]) -> String {
    plain_rows(style, columns, rows.iter().cloned())
}

/// Plain lines, row by row as they come: a long list in a pipe holds one row's cells at a
/// time besides the text printed (no table of every row is laid out first).
pub fn plain_rows(
    style: Style,
    columns: &[Column],
    rows: impl Iterator<Item = Vec<Value>>,
) -> String {
    let mut out = String::new();
    if style.headers {
        let titles: Vec<Value> = columns
            .iter()
            .map(|c| Value::new(c.title, Kind::Fixed))
            .collect();
        push_plain_line(&mut out, &titles, style.width);
    }
    for row in rows {
        let row: Vec<Value> = row.into_iter().map(|v| clean(v, false)).collect();
        push_plain_line(&mut out, &row, style.width);
    }
    out
}

fn push_plain_line(out: &mut String, cells: &[Value], width: Option<usize>) {
    let gaps = 2 * cells.len().saturating_sub(1);
    let total: usize = cells.iter().map(|c| c.text.width()).sum::<usize>() + gaps;
    let fitted: Option<Vec<usize>> = match width {
        Some(width) if total > width => {
            let fixed: usize = cells
                .iter()
                .filter(|c| c.kind != Kind::Text)
                .map(|c| c.text.width())
                .sum();
            let wants: Vec<(usize, usize)> = cells
                .iter()
                .filter(|c| c.kind == Kind::Text)
                .map(|c| (c.text.width().min(1), c.text.width()))
                .collect();
            share(&wants, width.saturating_sub(fixed + gaps))
        }
        _ => None,
    };
    let mut text_widths = fitted.unwrap_or_default().into_iter();
    for (i, cell) in cells.iter().enumerate() {
        if i > 0 {
            out.push_str("  ");
        }
        let text = match (cell.kind, fitted_width(&mut text_widths, cell.kind)) {
            (Kind::Text, Some(w)) => shorten(&cell.text, w),
            _ => cell.text.clone(),
        };
        // A cell has a colour only when colour is on: `--color always` in a pipe.
        match cell.color.and_then(ansi_foreground) {
            Some(code) => out.push_str(&format!("\x1b[{code}m{text}\x1b[39m")),
            None => out.push_str(&text),
        }
    }
    out.push('\n');
}

/// The SGR parameters of a foreground colour, as comfy-table writes them in a boxed table
/// (the colours payctl's tables use).
fn ansi_foreground(color: Color) -> Option<&'static str> {
    match color {
        Color::Red => Some("38;5;9"),
        Color::Green => Some("38;5;10"),
        Color::Yellow => Some("38;5;11"),
        Color::DarkGrey => Some("38;5;8"),
        _ => None,
    }
}

fn fitted_width(widths: &mut impl Iterator<Item = usize>, kind: Kind) -> Option<usize> {
    if kind == Kind::Text {
        widths.next()
    } else {
        None
    }
}

fn comfy(style: Style, frame: Frame, columns: &[Column], rows: &[Vec<Value>]) -> Table {
    let mut table = Table::new();
    match frame {
        Frame::Boxed => {
            table.load_preset(presets::UTF8_FULL_CONDENSED);
        }
        Frame::Rules => {
            table
                .load_preset(presets::UTF8_HORIZONTAL_ONLY)
                .remove_style(TableComponent::HorizontalLines)
                .remove_style(TableComponent::MiddleIntersections)
                .remove_style(TableComponent::LeftBorderIntersections)
                .remove_style(TableComponent::RightBorderIntersections);
        }
    }
    // Every cell was fitted before it was added: comfy-table must not wrap it.
    table.set_content_arrangement(ContentArrangement::Disabled);
    if style.color {
        table.enforce_styling();
    } else {
        table.force_no_tty();
    }
    if style.headers {
        table.set_header(columns.iter().map(|c| c.title));
    }
    for row in rows {
        table.add_row(row.iter().map(|v| {
            let cell = Cell::new(&v.text);
            match v.color {
                Some(color) if style.color => cell.fg(color),
                _ => cell,
            }
        }));
    }
    for (i, c) in columns.iter().enumerate() {
        if let Some(column) = table.column_mut(i) {
            if frame == Frame::Rules {
                // Columns are set apart by the blank where a vertical line would be and one
                // space.
                column.set_padding((1, 0));
            }
            if c.kind == Kind::Money {
                column.set_cell_alignment(CellAlignment::Right);
            }
        }
    }
    table
}

/// The table's lines, trailing blanks trimmed, each followed by a newline.
fn lines(table: &Table) -> (String, usize) {
    let mut out = String::new();
    let mut widest = 0;
    for line in table.lines() {
        let line = line.trim_end();
        widest = widest.max(line.width());
        out.push_str(line);
        out.push('\n');
    }
    (out, widest)
}

fn boxed(
    style: Style,
    frame: Frame,
    columns: &[Column],
    mut rows: Vec<Vec<Value>>,
    fallback: bool,
) -> Option<String> {
    // Measured without colour: escape codes take no room on the screen.
    let plain_style = Style {
        color: false,
        ..style
    };
    let (text, widest) = lines(&comfy(plain_style, frame, columns, &rows));
    let width = match style.width {
        Some(width) if widest > width => width,
        _ if style.color => return Some(lines(&comfy(style, frame, columns, &rows)).0),
        _ => return Some(text),
    };
    // (narrowest, widest) of each column: a column's fixed cells (and the heading of a column
    // with no text cells) keep their width; its text cells may go down to TEXT_FLOOR.
    let title = |c: &Column| if style.headers { c.title.width() } else { 0 };
    let wants: Vec<(usize, usize)> = columns
        .iter()
        .enumerate()
        .map(|(i, c)| {
            let mut fixed = 0;
            let mut text = 0;
            for row in &rows {
                // A row shorter than the columns leaves the rest empty.
                let Some(v) = row.get(i) else {
                    continue;
                };
                if v.kind == Kind::Text {
                    text = text.max(v.text.width());
                } else {
                    fixed = fixed.max(v.text.width());
                }
            }
            let natural = fixed.max(text).max(title(c));
            let has_text = text > 0;
            let min = if has_text {
                fixed.max(text.min(TEXT_FLOOR))
            } else {
                natural
            };
            (min, natural)
        })
        .collect();
    // What the frame and padding take: the width as drawn less the cells' own widths.
    let cells: usize = wants.iter().map(|(_, natural)| natural).sum();
    let frame_width = widest.saturating_sub(cells);
    let budget = width.saturating_sub(frame_width);
    // Where the table must be drawn anyway (a report, one record), its text may go down to
    // two columns (`x…`) before the fixed columns are let run past the line.
    let tight: Vec<(usize, usize)> = columns
        .iter()
        .enumerate()
        .zip(&wants)
        .map(|((i, _), &(min, natural))| {
            let fixed = rows
                .iter()
                .filter_map(|r| r.get(i))
                .filter(|v| v.kind != Kind::Text)
                .map(|v| v.text.width())
                .max()
                .unwrap_or(0);
            // (A column without text cells has min == natural: nothing to give.)
            if rows
                .iter()
                .any(|r| r.get(i).is_some_and(|v| v.kind == Kind::Text))
            {
                (fixed.max(min.min(2)), natural)
            } else {
                (min, natural)
            }
        })
        .collect();
    let widths =
        match share(&wants, budget).or_else(|| fallback.then(|| share(&tight, budget)).flatten()) {
            Some(widths) => widths,
            None if fallback => {
                // Nothing fits: the fixed columns run past the line, and the text keeps its floor.
                wants.iter().map(|w| w.0).collect()
            }
            None => return None,
        };
    for row in &mut rows {
        for (v, &w) in row.iter_mut().zip(&widths) {
            if v.kind == Kind::Text {
                v.text = shorten(&v.text, w);
            }
        }
    }
    let titles: Vec<String> = columns
        .iter()
        .zip(&widths)
        .map(|(c, &w)| shorten(c.title, w.max(1)))
        .collect();
    let shortened: Vec<Column> = columns
        .iter()
        .zip(&titles)
        .map(|(c, t)| Column {
            title: t,
            kind: c.kind,
        })
        .collect();
    Some(lines(&comfy(style, frame, &shortened, &rows)).0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shortening_marks_the_cut() {
        assert_eq!(shorten("Acme Corporation", 8), "Acme Co…");
        assert_eq!(shorten("Acme", 8), "Acme");
        assert_eq!(shorten("Acme", 4), "Acme");
        assert_eq!(shorten("Acme", 3), "Ac…");
        assert_eq!(shorten("Acme", 1), "…");
        assert_eq!(shorten("Acme Corp", 6), "Acme…");
        assert_eq!(shorten("Acme", 0), "");
        // Wide characters count two columns each.
        assert_eq!(shorten("東京株式会社", 5), "東京…");
        assert!(shorten("東京株式会社", 5).width() <= 5);
    }

    #[test]
    fn shares_give_narrow_cells_their_whole_text() {
        assert_eq!(share(&[(2, 4), (2, 30)], 20), Some(vec![4, 16]));
        assert_eq!(share(&[(2, 4), (2, 30)], 40), Some(vec![4, 30]));
        assert_eq!(share(&[(8, 20), (8, 20)], 20), Some(vec![10, 10]));
        assert_eq!(share(&[(8, 20), (8, 20)], 15), None);
        assert_eq!(share(&[], 0), Some(vec![]));
    }
}
