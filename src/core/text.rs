//! Checks on free-text fields: length, control characters, and card numbers (PCI DSS).

/// The SHA-256 of `parts`, one after another, as 64 lower-case hex digits.
pub fn sha256_hex(parts: &[&[u8]]) -> String {
    use sha2::{Digest, Sha256};
    const DIGITS: &[u8; 16] = b"0123456789abcdef";
    let mut hasher = Sha256::new();
    for part in parts {
        hasher.update(part);
    }
    let mut hex = String::with_capacity(64);
    for b in hasher.finalize() {
        hex.push(char::from(DIGITS[usize::from(b >> 4)]));
        hex.push(char::from(DIGITS[usize::from(b & 0xf)]));
    }
    hex
}

/// True when `text` holds a 13–19 digit run that passes the Luhn check: a card number (PAN).
/// Digits separated by single spaces or dashes count as one run, since that is how card numbers
/// are usually written ("4111 1111 1111 1111").
pub fn contains_card_number(text: &str) -> bool {
    let chars: Vec<char> = text.chars().collect();
    let mut digits: Vec<u8> = Vec::new();
    let mut i = 0;
    let flush = |digits: &mut Vec<u8>| {
        let found = (13..=19).contains(&digits.len()) && luhn_valid(digits);
        digits.clear();
        found
    };
    while i < chars.len() {
        let c = chars[i];
        if let Some(d) = c.to_digit(10) {
            digits.push(d as u8);
        } else {
            let joins = (c == ' ' || c == '-')
                && !digits.is_empty()
                && chars.get(i + 1).is_some_and(|n| n.is_ascii_digit());
            if !joins && flush(&mut digits) {
                return true;
            }
        }
        i += 1;
    }
    flush(&mut digits)
}

/// `text` with the digits of every card number but the last four replaced by `*`
/// (`4111 1111 1111 1111` becomes `**** **** **** 1111`). For text payctl keeps but does not
/// refuse, such as the command line in the audit trail, where a card number could come in
/// through a file name or an id.
pub fn mask_card_numbers(text: &str) -> String {
    let mut chars: Vec<char> = text.chars().collect();
    // Positions of the digits of the current run; the same runs as `contains_card_number`.
    let mut run: Vec<usize> = Vec::new();
    let mask = |chars: &mut Vec<char>, run: &mut Vec<usize>| {
        if (13..=19).contains(&run.len()) {
            let digits: Vec<u8> = run.iter().map(|&i| chars[i] as u8 - b'0').collect();
            if luhn_valid(&digits) {
                for &i in &run[..run.len() - 4] {
                    chars[i] = '*';
                }
            }
        }
        run.clear();
    };
    for i in 0..chars.len() {
        let c = chars[i];
        if c.is_ascii_digit() {
            run.push(i);
        } else {
            let joins = (c == ' ' || c == '-')
                && !run.is_empty()
                && chars.get(i + 1).is_some_and(|n| n.is_ascii_digit());
            if !joins {
                mask(&mut chars, &mut run);
            }
        }
    }
    mask(&mut chars, &mut run);
    chars.into_iter().collect()
}

fn luhn_valid(digits: &[u8]) -> bool {
    let sum: u32 = digits
        .iter()
        .rev()
        .enumerate()
        .map(|(i, &d)| {
            let d = u32::from(d);
            if i % 2 == 1 {
                let doubled = d * 2;
                if doubled > 9 {
                    doubled - 9
                } else {
                    doubled
                }
            } else {
                d
            }
        })
        .sum();
    sum % 10 == 0
}

/// Why a text field was refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum TextError {
    #[error("is {len} characters long; at most {max} are allowed")]
    TooLong { len: usize, max: usize },
    #[error("contains a control character; use printable text only")]
    ControlCharacter,
    #[error("looks like a card number; payctl never stores card numbers (keep only the last four digits)")]
    CardNumber,
}

/// Checks a free-text field: at most `max` characters, no control characters, no card number.
pub fn check_text(text: &str, max: usize) -> Result<(), TextError> {
    let len = text.chars().count();
    if len > max {
        return Err(TextError::TooLong { len, max });
    }
    if text.chars().any(char::is_control) {
        return Err(TextError::ControlCharacter);
    }
    if contains_card_number(text) {
        return Err(TextError::CardNumber);
    }
    Ok(())
}

/// Escapes control characters (`\t`, `\u{1b}`), so text echoed to a terminal cannot drive it.
pub fn escape_controls(text: &str) -> String {
    text.chars()
        .map(|c| {
            if c.is_control() {
                c.escape_default().to_string()
            } else {
                c.to_string()
            }
        })
        .collect()
}

/// Shortens a value for an error message so a 10 MB field does not flood the terminal,
/// escapes its control characters (`\t`, `\u{1b}`) so a rejected value cannot drive the
/// terminal it is echoed to, and masks card numbers but their last four digits, so that a
/// refused card number is not printed back to the terminal, a log or a `--rejects` reason.
pub fn excerpt(text: &str) -> String {
    const MAX: usize = 60;
    let masked = mask_card_numbers(text);
    let mut out: String = masked
        .chars()
        .take(MAX)
        .map(|c| {
            if c.is_control() {
                c.escape_default().to_string()
            } else {
                c.to_string()
            }
        })
        .collect();
    if text.chars().count() > MAX {
        out.push('…');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn card_numbers_are_found_in_text() {
        assert!(contains_card_number("4111111111111111"));
        assert!(contains_card_number("paid with 4111 1111 1111 1111 today"));
        assert!(contains_card_number("card 5500-0000-0000-0004"));
        assert!(contains_card_number("amex 378282246310005"));
    }

    #[test]
    fn other_numbers_are_not_card_numbers() {
        assert!(!contains_card_number("4111111111111112"), "fails Luhn");
        assert!(!contains_card_number("abc123"));
        assert!(!contains_card_number("invoice 566934 paid"));
        assert!(!contains_card_number("411111111111"), "12 digits");
        assert!(!contains_card_number("41111111111111111111"), "20 digits");
    }

    #[test]
    fn escapes_control_characters_only() {
        assert_eq!(escape_controls("a\nb\u{1b}€"), "a\\nb\\u{1b}€");
    }

    #[test]
    fn card_numbers_are_masked_but_for_the_last_four() {
        assert_eq!(
            mask_card_numbers("payctl import /tmp/4111111111111111.csv --id 566934"),
            "payctl import /tmp/************1111.csv --id 566934"
        );
        assert_eq!(
            mask_card_numbers("a 4111 1111 1111 1111 and 5500-0000-0000-0004."),
            "a **** **** **** 1111 and ****-****-****-0004."
        );
        assert_eq!(
            mask_card_numbers("4111111111111112 x"),
            "4111111111111112 x"
        );
        for text in [
            "4111111111111111",
            "x 378282246310005 y",
            "1 2 3 4 5 6 7 8 9 1 2 3 0",
        ] {
            assert!(!contains_card_number(&mask_card_numbers(text)), "{text}");
        }
    }

    #[test]
    fn excerpts_escape_control_characters() {
        assert_eq!(excerpt("a\tb"), "a\\tb");
        assert_eq!(excerpt("x\u{1b}[31m"), "x\\u{1b}[31m");
        assert_eq!(excerpt(&"y".repeat(61)), format!("{}…", "y".repeat(60)));
    }

    #[test]
    fn excerpts_mask_card_numbers() {
        assert_eq!(excerpt("4111111111111111"), "************1111");
        assert_eq!(
            excerpt("card 5500-0000-0000-0004 paid"),
            "card ****-****-****-0004 paid"
        );
        // A long value is masked before it is cut, so no digits of the number show.
        let long = format!("{} 4111 1111 1111 1111", "x".repeat(50));
        assert_eq!(excerpt(&long), format!("{} **** ****…", "x".repeat(50)));
        // Digits that are not a card number are shown as they are.
        assert_eq!(excerpt("4111111111111112"), "4111111111111112");
    }

    #[test]
    fn text_rules() {
        assert_eq!(check_text(&"x".repeat(500), 500), Ok(()));
        assert_eq!(
            check_text(&"x".repeat(501), 500),
            Err(TextError::TooLong { len: 501, max: 500 })
        );
        assert_eq!(check_text("a\u{7}b", 500), Err(TextError::ControlCharacter));
        assert_eq!(
            check_text("line\nbreak", 500),
            Err(TextError::ControlCharacter)
        );
        assert_eq!(
            check_text("4111111111111111", 500),
            Err(TextError::CardNumber)
        );
    }
}
