//! SWIFT MT940 statements, as banks really write them, through the `mt940` crate: its
//! sanitizers first (characters outside the SWIFT set transliterated, header blocks such as
//! `{1:...}{2:...}{4:` and text between messages dropped, `:86:` cut to its 6 allowed lines),
//! then its strict parser. One file may hold several statements.
//!
//! What payctl adds around the crate:
//! - a trailer line (`-}` or `-`) is dropped;
//! - a statement without a closing balance (`:62F:`/`:62M:`) is read with no closing
//!   balance: the crate requires one, so a copy of the opening balance is handed to it and then
//!   forgotten (the statement is stored with closing NULL, and `bank report` says the balances
//!   cannot be checked);
//! - the line number of each `:61:` is its line in the file as given.
//!
//! `:86:` (information to the account owner): a free-text `:86:` spread over lines is joined
//! by [`join_86_lines`] (no space after a line the bank filled to the 65-character width,
//! a space after a shorter one). The German structured form (`?20`..`?29`
//! purpose, `?32`/`?33` name, `?31` IBAN) is read field by field by the crate; any other form
//! is kept whole as the remittance text, and the payer's name and account are taken from the
//! `/NAME/` and `/IBAN/` codes (ABN AMRO) or `/CNTP/IBAN/BIC/NAME/` (ING) when present.

use mt940::{DebitOrCredit, ExtDebitOrCredit, InformationToAccountOwner};

use super::bank::{RawBalance, RawEntry, RawStatement, ReadError};

fn is_trailer(line: &str) -> bool {
    let t = line.trim();
    t == "-}" || t == "-" || (t.starts_with('-') && t.ends_with('}') && t.len() <= 3)
}

/// The value of `/CODE/value/` in an `:86:` text (ABN AMRO, ING).
fn slash_code(text: &str, code: &str) -> Option<String> {
    let start = text.find(&format!("/{code}/"))? + code.len() + 2;
    let rest = &text[start..];
    let value = rest.split('/').next().unwrap_or("").trim();
    (!value.is_empty()).then(|| value.to_string())
}

/// The width of an `:86:` line (SWIFT's `6*65x`): a bank that fills a line to it wraps the
/// text there, often inside a word (`INV-2026-00` / `42`).
const LINE_WIDTH: usize = 65;

/// The lines of a free-text `:86:` as one text. A line that reaches [`LINE_WIDTH`] characters
/// (the first counted with its `:86:` tag, as banks that count the tag in the width write it,
/// so 61 characters of text or more) was cut by the bank's wrapping, and the next line goes on
/// with no space; a shorter line ended where the writer ended it, and a space joins. The crate
/// keeps the line breaks of a free-text `:86:` (its structured `?20` form it joins with
/// nothing, as the German standard cuts those subfields at fixed widths).
fn join_86_lines(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut full = false;
    for (i, line) in text.lines().enumerate() {
        if i > 0 && !full {
            out.push(' ');
        }
        out.push_str(line);
        let tag = if i == 0 { ":86:".len() } else { 0 };
        full = line.chars().count() + tag >= LINE_WIDTH;
    }
    out
}

/// What the crate's parser cannot say, since its sanitizers drop stray lines: a line that
/// starts like a field but is no `:NN:` or `:NNa:` tag (a field may not start a line of its
/// text with `:`, so this is a file cut short or garbled), and a SWIFT block `{4:` that is
/// never closed by `-}` (a file cut short).
fn check_shape(text: &str) -> Result<(), ReadError> {
    let is_tag = |line: &str| {
        let b = line.as_bytes();
        let digits = b.len() >= 4 && b[1].is_ascii_digit() && b[2].is_ascii_digit();
        digits && (b[3] == b':' || (b.len() >= 5 && b[3].is_ascii_alphabetic() && b[4] == b':'))
    };
    for (i, line) in text.lines().enumerate() {
        if line.starts_with(':') && !is_tag(line) {
            return Err(ReadError::new(
                i as u64 + 1,
                format!("{line:?} is not an MT940 field (a tag such as :61: or :86:, then its value): the file looks cut short or garbled"),
            ));
        }
    }
    let opened = text.matches("{4:").count();
    let closed = text.lines().filter(|l| l.trim().starts_with("-}")).count();
    if opened > closed {
        return Err(ReadError::new(
            text.lines().count() as u64,
            "a message block ({4:) is not closed by -}: the file is cut short",
        ));
    }
    Ok(())
}

/// The crate's parse error (a multi-line pest report: position, the field's value, what was
/// expected) as one sentence with the line of the file the field is on.
fn crate_error(report: &str, text: &str) -> ReadError {
    let lines: Vec<&str> = report.lines().map(str::trim).collect();
    let column = lines
        .iter()
        .find_map(|l| l.find("--> ").map(|at| &l[at + 4..]))
        .and_then(|p| p.split(':').nth(1));
    let value = lines.iter().find_map(|l| {
        let (n, rest) = l.split_once(" | ")?;
        n.trim().parse::<u64>().ok().map(|_| rest)
    });
    let expected = lines.iter().find_map(|l| l.strip_prefix("= "));
    match (column, value, expected) {
        (Some(column), Some(value), Some(expected)) if !value.trim().is_empty() => {
            let at = text
                .lines()
                .position(|l| l.contains(value.trim()))
                .map_or(0, |i| i as u64 + 1);
            ReadError::new(
                at,
                format!(
                    "not a valid MT940 statement: the field's value {:?}, at character {column}: {expected}",
                    value.trim()
                ),
            )
        }
        _ => ReadError::new(
            0,
            format!(
                "not a valid MT940 statement: {}",
                lines
                    .iter()
                    .filter(|l| !l.is_empty() && **l != "|")
                    .copied()
                    .collect::<Vec<_>>()
                    .join(" ")
            ),
        ),
    }
}

/// Adds a `:62F:` (a copy of the opening balance) to each message that lacks one, and says
/// which messages (in order) had none.
fn complete_closing(text: &str) -> (String, Vec<bool>) {
    let lines: Vec<&str> = text.lines().filter(|l| !is_trailer(l)).collect();
    let starts: Vec<usize> = lines
        .iter()
        .enumerate()
        .filter(|(_, l)| l.starts_with(":20:"))
        .map(|(i, _)| i)
        .collect();
    let mut out: Vec<String> = Vec::with_capacity(lines.len() + starts.len());
    let mut missing = Vec::new();
    out.extend(
        lines[..starts.first().copied().unwrap_or(lines.len())]
            .iter()
            .map(|l| l.to_string()),
    );
    for (k, &start) in starts.iter().enumerate() {
        let end = starts.get(k + 1).copied().unwrap_or(lines.len());
        let message = &lines[start..end];
        out.extend(message.iter().map(|l| l.to_string()));
        let has_closing = message
            .iter()
            .any(|l| l.starts_with(":62F:") || l.starts_with(":62M:"));
        missing.push(!has_closing);
        if !has_closing {
            if let Some(opening) = message
                .iter()
                .find(|l| l.starts_with(":60F:") || l.starts_with(":60M:"))
            {
                out.push(format!(":62F:{}", &opening[5..]));
            }
        }
    }
    out.push(String::new());
    (out.join("\r\n"), missing)
}

fn balance(b: &mt940::Balance) -> RawBalance {
    RawBalance {
        amount: b.amount.to_string(),
        credit: b.debit_credit_indicator == DebitOrCredit::Credit,
        currency: Some(b.iso_currency_code.clone()),
        date: Some(b.date.format("%Y-%m-%d").to_string()),
    }
}

/// Reads every statement of an MT940 file.
pub fn read(text: &str) -> Result<Vec<RawStatement>, ReadError> {
    // The line of each `:61:` in the file as given, in order.
    let lines_61: Vec<u64> = text
        .lines()
        .enumerate()
        .filter(|(_, l)| l.trim_start().starts_with(":61:"))
        .map(|(i, _)| i as u64 + 1)
        .collect();
    check_shape(text)?;
    let sanitized = mt940::sanitizers::sanitize(text);
    let (completed, missing_closing) = complete_closing(&sanitized);
    let messages = mt940::parse_mt940(&completed).map_err(|e| crate_error(&e.to_string(), text))?;
    let mut statements = Vec::with_capacity(messages.len());
    let mut k61 = 0usize;
    for (m, message) in messages.into_iter().enumerate() {
        let mut s = RawStatement {
            account: message.account_id.trim().to_string(),
            statement_ref: Some(format!(
                "{}/{}",
                message.transaction_ref_no.trim(),
                message.statement_no.trim()
            )),
            currency: Some(message.opening_balance.iso_currency_code.clone()),
            opening: Some(balance(&message.opening_balance)),
            closing: match missing_closing.get(m) {
                Some(true) => None,
                _ => Some(balance(&message.closing_balance)),
            },
            ..RawStatement::default()
        };
        for line in message.statement_lines {
            let line_no = lines_61.get(k61).copied().unwrap_or(0);
            k61 += 1;
            let credit = matches!(
                line.ext_debit_credit_indicator,
                ExtDebitOrCredit::Credit | ExtDebitOrCredit::ReverseDebit
            );
            let (mut payer_name, mut payer_account, remittance) =
                match &line.information_to_account_owner {
                    None => (None, None, None),
                    Some(InformationToAccountOwner::Plain(text)) => {
                        let joined = join_86_lines(text);
                        let cntp = joined.find("/CNTP/").map(|i| {
                            joined[i + 6..]
                                .split('/')
                                .map(str::trim)
                                .map(str::to_string)
                                .collect::<Vec<_>>()
                        });
                        let name = slash_code(&joined, "NAME")
                            .or_else(|| cntp.as_ref().and_then(|c| c.get(2).cloned()))
                            .filter(|n| !n.is_empty());
                        // An account number has no spaces of its own: a line break inside
                        // one (joined by a space after a short line) is dropped.
                        let account = slash_code(&joined, "IBAN")
                            .or_else(|| cntp.as_ref().and_then(|c| c.first().cloned()))
                            .map(|a| a.split_whitespace().collect::<String>())
                            .filter(|a| !a.is_empty());
                        let flat = joined.split_whitespace().collect::<Vec<_>>().join(" ");
                        (name, account, Some(flat))
                    }
                    Some(InformationToAccountOwner::Structured {
                        posting_text,
                        purpose,
                        applicant_iban,
                        applicant_name,
                        additional_purpose,
                        ..
                    }) => {
                        let text: Vec<&str> = [purpose, additional_purpose, posting_text]
                            .into_iter()
                            .flatten()
                            .map(String::as_str)
                            .collect();
                        (
                            applicant_name.clone(),
                            applicant_iban.clone(),
                            (!text.is_empty()).then(|| text.join(" ")),
                        )
                    }
                };
            if payer_name.as_deref().is_some_and(|n| n.trim().is_empty()) {
                payer_name = None;
            }
            if payer_account
                .as_deref()
                .is_some_and(|n| n.trim().is_empty())
            {
                payer_account = None;
            }
            let bank_id = line
                .bank_ref
                .as_deref()
                .map(str::trim)
                .filter(|r| !r.is_empty() && !r.eq_ignore_ascii_case("NONREF"))
                .map(str::to_string);
            s.entries.push(RawEntry {
                line_no,
                credit,
                amount: line.amount.to_string(),
                currency: None,
                booking_date: line
                    .entry_date
                    .unwrap_or(line.value_date)
                    .format("%Y-%m-%d")
                    .to_string(),
                value_date: Some(line.value_date.format("%Y-%m-%d").to_string()),
                bank_id,
                payer_name,
                payer_account,
                remittance,
            });
        }
        statements.push(s);
    }
    if statements.is_empty() {
        return Err(ReadError::new(
            0,
            "the file holds no MT940 statement (:20:)",
        ));
    }
    Ok(statements)
}

#[cfg(test)]
mod tests {
    use super::join_86_lines;

    #[test]
    fn a_full_line_goes_on_without_a_space_and_a_short_one_with_one() {
        let full_first = format!("{}INV-2026-00", "x".repeat(61 - 11));
        assert_eq!(full_first.chars().count() + 4, 65);
        assert_eq!(
            join_86_lines(&format!("{full_first}\n42 thanks")),
            format!("{full_first}42 thanks")
        );
        let full_later = format!("{}INV-2026-00", "y".repeat(65 - 11));
        assert_eq!(
            join_86_lines(&format!("first\n{full_later}\n42")),
            format!("first {full_later}42")
        );
        assert_eq!(join_86_lines("Sigma\nVOF\r\nthanks"), "Sigma VOF thanks");
        // One short of the width: the writer ended the line.
        let short = "z".repeat(60);
        assert_eq!(
            join_86_lines(&format!("{short}\nnext")),
            format!("{short} next")
        );
    }
}
