//! Exact money: parsing, printing and checked arithmetic in a currency's minor units.
//!
//! Amounts are read in two stages. [`parse_decimal`] checks the text is a plain decimal (what a
//! command line can reject before it knows the currency); [`Money::from_decimal`] then checks the
//! value against the currency: positive, at most 12 integer digits, no more decimals than the
//! currency has. Nothing is ever rounded.

use std::fmt;

use rust_decimal::Decimal;
use thiserror::Error;

use super::currency::Currency;

/// The most integer digits an amount may have (SPEC §2).
pub const MAX_INTEGER_DIGITS: usize = 12;

#[derive(Debug, Error, Clone, PartialEq, Eq)]
pub enum AmountError {
    #[error("is empty; give a plain decimal such as 50.78")]
    Empty,
    #[error("is negative; amounts are positive plain decimals such as 50.78")]
    Negative,
    #[error("uses an exponent; write the plain decimal, e.g. 1000 not 1e3")]
    Exponent,
    #[error("contains a thousands separator; write 1234.56 not 1,234.56")]
    ThousandsSeparator,
    #[error("contains '{}'; give digits and at most one '.', without currency symbols or spaces", super::text::escape_controls(&.0.to_string()))]
    Symbol(char),
    #[error("is not a number; give a plain decimal such as 50.78")]
    NotANumber,
    #[error("is not a plain decimal; give digits with an optional '.' and decimals, e.g. 50.78")]
    Malformed,
    #[error("must be greater than zero")]
    Zero,
    #[error("has more than {MAX_INTEGER_DIGITS} integer digits")]
    TooLarge,
    #[error("has {0} decimal places; no currency has more than 4 and amounts are never rounded")]
    TooPrecise(usize),
    #[error(
        "has {given} decimal {} but {currency} allows {allowed}; amounts are never rounded",
        if *.given == 1 { "place" } else { "places" }
    )]
    TooManyDecimals {
        given: u32,
        allowed: u32,
        currency: Currency,
    },
}

/// Checks that `text` is a plain decimal (`50.78`, `50`, `0.5`) and returns it exactly.
pub fn parse_decimal(text: &str) -> Result<Decimal, AmountError> {
    let t = text.trim();
    if t.is_empty() {
        return Err(AmountError::Empty);
    }
    let lower = t.to_ascii_lowercase();
    if [
        "nan",
        "inf",
        "+inf",
        "-inf",
        "infinity",
        "+infinity",
        "-infinity",
    ]
    .contains(&lower.as_str())
    {
        return Err(AmountError::NotANumber);
    }
    if t.starts_with('-') {
        return Err(AmountError::Negative);
    }
    if let Some(bad) = t.chars().find(|c| !c.is_ascii_digit() && *c != '.') {
        return Err(match bad {
            'e' | 'E' if t.chars().any(|c| c.is_ascii_digit()) => AmountError::Exponent,
            ',' | '_' | '\'' => AmountError::ThousandsSeparator,
            c => AmountError::Symbol(c),
        });
    }
    let mut parts = t.split('.');
    let int_part = parts.next().unwrap_or("");
    let frac_part = parts.next();
    if parts.next().is_some() || int_part.is_empty() || frac_part == Some("") {
        return Err(AmountError::Malformed);
    }
    // The 12-digit limit is a rule about the value, checked by `Money::from_decimal` (exit 1
    // on the command line, like zero); here only a number too long for a Decimal is refused.
    if int_part.trim_start_matches('0').len() > 28 {
        return Err(AmountError::TooLarge);
    }
    // Only digits and one interior '.' are left, with a bounded integer part: from_str_exact can
    // still refuse a fraction longer than 28 digits, which is far past any currency's exponent.
    Decimal::from_str_exact(t).map_err(|_| match frac_part {
        Some(frac) if frac.len() > 4 => AmountError::TooPrecise(frac.len()),
        // Digits that do not fit a Decimal: far more than 12 integer digits.
        _ => AmountError::TooLarge,
    })
}

/// An exact amount of one currency, held as an integer count of its minor units.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Money {
    minor: i64,
    currency: Currency,
}

#[derive(Debug, Error, Clone, PartialEq, Eq)]
pub enum MoneyError {
    #[error("cannot combine {0} with {1}: currencies differ")]
    CurrencyMismatch(Currency, Currency),
    #[error("amount overflow")]
    Overflow,
}

impl Money {
    pub fn from_minor(minor: i64, currency: Currency) -> Money {
        Money { minor, currency }
    }

    pub fn zero(currency: Currency) -> Money {
        Money::from_minor(0, currency)
    }

    /// Parses a payment amount: a plain decimal, positive, exact in `currency`.
    pub fn parse(text: &str, currency: Currency) -> Result<Money, AmountError> {
        Money::from_decimal(parse_decimal(text)?, currency)
    }

    /// Converts an exact decimal into minor units of `currency`, refusing zero, negatives, more
    /// than 12 integer digits and any value that would need rounding.
    pub fn from_decimal(value: Decimal, currency: Currency) -> Result<Money, AmountError> {
        if value.is_sign_negative() && !value.is_zero() {
            return Err(AmountError::Negative);
        }
        if value.is_zero() {
            return Err(AmountError::Zero);
        }
        let normalized = value.normalize();
        if normalized.scale() > currency.exponent() {
            return Err(AmountError::TooManyDecimals {
                given: normalized.scale(),
                allowed: currency.exponent(),
                currency,
            });
        }
        let limit = Decimal::from(10_i64.pow(MAX_INTEGER_DIGITS as u32));
        if normalized >= limit {
            return Err(AmountError::TooLarge);
        }
        let mut scaled = normalized;
        scaled.rescale(currency.exponent());
        // 12 integer digits and at most 4 decimals fit in 17 digits, far inside i64.
        let minor = i64::try_from(scaled.mantissa()).map_err(|_| AmountError::TooLarge)?;
        Ok(Money { minor, currency })
    }

    pub fn minor(&self) -> i64 {
        self.minor
    }

    pub fn currency(&self) -> Currency {
        self.currency
    }

    pub fn is_zero(&self) -> bool {
        self.minor == 0
    }

    /// The exact decimal value, at the currency's scale (`2.00`, `1000`, `0.125`).
    pub fn to_decimal(&self) -> Decimal {
        Decimal::new(self.minor, self.currency.exponent())
    }

    fn same_currency(&self, other: Money) -> Result<(), MoneyError> {
        if self.currency == other.currency {
            Ok(())
        } else {
            Err(MoneyError::CurrencyMismatch(self.currency, other.currency))
        }
    }

    pub fn checked_add(self, other: Money) -> Result<Money, MoneyError> {
        self.same_currency(other)?;
        let minor = self
            .minor
            .checked_add(other.minor)
            .ok_or(MoneyError::Overflow)?;
        Ok(Money::from_minor(minor, self.currency))
    }

    pub fn checked_sub(self, other: Money) -> Result<Money, MoneyError> {
        self.same_currency(other)?;
        let minor = self
            .minor
            .checked_sub(other.minor)
            .ok_or(MoneyError::Overflow)?;
        Ok(Money::from_minor(minor, self.currency))
    }
}

impl fmt::Display for Money {
    /// The plain decimal at the currency's scale, without the code: `50.78`, `2.00`, `1000`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(&self.to_decimal(), f)
    }
}

impl serde::Serialize for Money {
    /// A JSON number written from the decimal's text, never through f64. This is serde_json's
    /// arbitrary-precision number token (the same one rust_decimal's
    /// `serde-with-arbitrary-precision` feature uses); serde_json is built with
    /// `arbitrary_precision` so it writes the text as a bare number.
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        const TOKEN: &str = "$serde_json::private::Number";
        let mut s = serializer.serialize_struct(TOKEN, 1)?;
        s.serialize_field(TOKEN, &self.to_string())?;
        s.end()
    }
}

/// The sum of minor-unit amounts, or `None` if it would overflow: money sums are never wrapped
/// and never saturated.
pub fn checked_sum(amounts: impl IntoIterator<Item = i64>) -> Option<i64> {
    amounts.into_iter().try_fold(0i64, i64::checked_add)
}

/// The most a currency's ledger total may reach, in minor units: what an INTEGER holds.
///
/// A currency's ledger total is every invoice total and every payment amount recorded in it,
/// added up. Every total payctl reads (a customer's outstanding balance and available funds,
/// an invoice's payments, the aging, balances and statement totals of a currency) adds up part
/// of those, or less (allocations, refunds and write-offs never exceed the invoice or payment
/// they come from), so none can overflow while the ledger total does not.
pub const LEDGER_TOTAL_MAX: i64 = i64::MAX;

/// A currency's ledger total after recording `amount` (an invoice total or a payment amount,
/// called `field` in the message), or why it must be refused: past [`LEDGER_TOTAL_MAX`], some
/// total payctl reads later could not be summed.
pub fn ledger_total_after(total: i64, field: &str, amount: Money) -> Result<i64, String> {
    // LEDGER_TOTAL_MAX is i64::MAX, so the checked addition is the whole rule.
    total.checked_add(amount.minor()).ok_or_else(|| {
        let code = amount.currency().code();
        let most = Money::from_minor(LEDGER_TOTAL_MAX, amount.currency());
        let room = LEDGER_TOTAL_MAX.saturating_sub(total).max(0);
        let left = if room == 0 {
            format!("nothing more can be recorded in {code}")
        } else {
            format!(
                "at most {} {code} more can be recorded in {code}",
                Money::from_minor(room, amount.currency())
            )
        };
        format!(
            "{field} {amount} {code} would take the ledger's {code} total (every invoice and payment in {code}, added up) past {most} {code}, the most payctl can sum; {left}"
        )
    })
}

/// A decimal read from JSON or text, exactly: JSON numbers keep their text under
/// serde_json's `arbitrary_precision`, so `0.1` stays 0.1.
pub fn decimal_from_json(value: &serde_json::Value) -> Result<Decimal, AmountError> {
    match value {
        serde_json::Value::Number(n) => {
            let text = n.to_string();
            if text.contains(['e', 'E']) {
                return Err(AmountError::Exponent);
            }
            parse_decimal(&text)
        }
        serde_json::Value::String(s) => parse_decimal(s),
        serde_json::Value::Null => Err(AmountError::Empty),
        _ => Err(AmountError::Malformed),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn usd(text: &str) -> Result<Money, AmountError> {
        Money::parse(text, Currency::USD)
    }

    #[test]
    fn checked_sum_refuses_to_overflow() {
        assert_eq!(checked_sum([]), Some(0));
        let clf = |minor| Money::from_minor(minor, Currency::from_code("CLF").unwrap());
        assert_eq!(ledger_total_after(5, "amount", clf(7)), Ok(12));
        assert_eq!(
            ledger_total_after(i64::MAX - 7, "amount", clf(7)),
            Ok(i64::MAX)
        );
        assert_eq!(
            ledger_total_after(i64::MAX - 7, "amount", clf(8)),
            Err("amount 0.0008 CLF would take the ledger's CLF total (every invoice and payment in CLF, added up) past 922337203685477.5807 CLF, the most payctl can sum; at most 0.0007 CLF more can be recorded in CLF".into())
        );
        assert!(ledger_total_after(i64::MAX, "amount", clf(1))
            .unwrap_err()
            .ends_with("; nothing more can be recorded in CLF"));
        assert_eq!(checked_sum([1, 2, 3]), Some(6));
        assert_eq!(checked_sum([i64::MAX, 0]), Some(i64::MAX));
        assert_eq!(checked_sum([i64::MAX, 1]), None);
        // 1,000 allocations of the largest amount (12 integer digits at 4 decimals) overflow.
        assert_eq!(
            checked_sum(std::iter::repeat_n(10_i64.pow(16) - 1, 1000)),
            None
        );
    }

    #[test]
    fn plain_decimals_parse_exactly() {
        assert_eq!(usd("50.78").unwrap().minor(), 5078);
        assert_eq!(usd("50").unwrap().minor(), 5000);
        assert_eq!(usd("0.5").unwrap().minor(), 50);
        assert_eq!(usd("10.000").unwrap().minor(), 1000);
        assert_eq!(usd("999999999999.99").unwrap().minor(), 99_999_999_999_999);
        let jpy = Currency::from_code("JPY").unwrap();
        assert_eq!(Money::parse("1000", jpy).unwrap().to_string(), "1000");
        let kwd = Currency::from_code("KWD").unwrap();
        assert_eq!(Money::parse("1.125", kwd).unwrap().minor(), 1125);
    }

    #[test]
    fn every_rejection_of_spec_section_2() {
        use AmountError::*;
        let cases: &[(&str, AmountError)] = &[
            ("-5", Negative),
            ("-0.01", Negative),
            ("0", Zero),
            ("0.00", Zero),
            ("1e3", Exponent),
            ("1E3", Exponent),
            ("1,000.00", ThousandsSeparator),
            ("1_000", ThousandsSeparator),
            ("$50", Symbol('$')),
            ("50 USD", Symbol(' ')),
            ("€5", Symbol('€')),
            (
                "10.001",
                TooManyDecimals {
                    given: 3,
                    allowed: 2,
                    currency: Currency::USD,
                },
            ),
            ("1234567890123", TooLarge),
            ("1000000000000.00", TooLarge),
            ("NaN", NotANumber),
            ("inf", NotANumber),
            ("-inf", NotANumber),
            ("Infinity", NotANumber),
            ("", Empty),
            ("   ", Empty),
            ("1.2.3", Malformed),
            (".5", Malformed),
            ("5.", Malformed),
            ("+5", Symbol('+')),
            ("0x10", Symbol('x')),
            ("5\u{1}", Symbol('\u{1}')),
            ("0.0000000000000000000000000000001", TooPrecise(31)),
            ("1234567890123456789012345678.5", TooLarge),
        ];
        for (text, want) in cases {
            assert_eq!(usd(text).as_ref(), Err(want), "input {text:?}");
        }
    }

    #[test]
    fn messages_escape_control_characters_and_count_places() {
        assert_eq!(
            AmountError::Symbol('\u{1b}').to_string(),
            "contains '\\u{1b}'; give digits and at most one '.', without currency symbols or spaces"
        );
        let one = AmountError::TooManyDecimals {
            given: 1,
            allowed: 0,
            currency: Currency::from_code("JPY").unwrap(),
        };
        assert_eq!(
            one.to_string(),
            "has 1 decimal place but JPY allows 0; amounts are never rounded"
        );
    }

    #[test]
    fn jpy_has_no_decimals() {
        let jpy = Currency::from_code("JPY").unwrap();
        assert!(matches!(
            Money::parse("1.5", jpy),
            Err(AmountError::TooManyDecimals {
                given: 1,
                allowed: 0,
                ..
            })
        ));
    }

    #[test]
    fn arithmetic_is_checked_and_refuses_mixed_currencies() {
        let a = usd("1.10").unwrap();
        let eur = Money::from_minor(1, Currency::from_code("EUR").unwrap());
        assert_eq!(a.checked_add(a).unwrap().minor(), 220);
        assert!(matches!(
            a.checked_add(eur),
            Err(MoneyError::CurrencyMismatch(..))
        ));
        let big = Money::from_minor(i64::MAX, Currency::USD);
        assert_eq!(big.checked_add(a), Err(MoneyError::Overflow));
        let small = Money::from_minor(i64::MIN, Currency::USD);
        assert_eq!(small.checked_sub(a), Err(MoneyError::Overflow));
    }

    #[test]
    fn json_numbers_are_written_from_decimal_text() {
        let two = usd("2").unwrap();
        assert_eq!(serde_json::to_string(&two).unwrap(), "2.00");
        let point_one = usd("0.1").unwrap();
        assert_eq!(serde_json::to_string(&point_one).unwrap(), "0.10");
        let jpy = Money::parse("1000", Currency::from_code("JPY").unwrap()).unwrap();
        assert_eq!(serde_json::to_string(&jpy).unwrap(), "1000");
    }

    #[test]
    fn json_input_is_exact() {
        let v: serde_json::Value = serde_json::from_str(r#"[0.1, "0.2", 1e3, 50.78]"#).unwrap();
        assert_eq!(decimal_from_json(&v[0]).unwrap().to_string(), "0.1");
        assert_eq!(decimal_from_json(&v[1]).unwrap().to_string(), "0.2");
        assert_eq!(decimal_from_json(&v[2]), Err(AmountError::Exponent));
        assert_eq!(decimal_from_json(&v[3]).unwrap().to_string(), "50.78");
    }

    mod props {
        use super::*;
        use proptest::prelude::*;

        proptest! {
            // Failing cases are kept beside this file (src/core/*.regressions), not in a folder at
            // the top of the repository, and replayed first on every run.
            #![proptest_config(ProptestConfig {
                failure_persistence: Some(Box::new(
                    proptest::test_runner::FileFailurePersistence::WithSource("regressions"),
                )),
                ..ProptestConfig::default()
            })]

            #[test]
            fn print_then_parse_round_trips(minor in 1i64..100_000_000_000_000, exp in 0u32..=4) {
                let code = ["JPY", "", "USD", "KWD", "CLF"][exp as usize];
                prop_assume!(!code.is_empty());
                let currency = Currency::from_code(code).unwrap();
                // At most 12 integer digits, whatever the exponent.
                let minor = minor % 10i64.pow(MAX_INTEGER_DIGITS as u32 + exp);
                prop_assume!(minor > 0);
                let money = Money::from_minor(minor, currency);
                let text = money.to_string();
                prop_assert_eq!(Money::parse(&text, currency), Ok(money));
            }

            #[test]
            fn parsing_never_panics(text in "\\PC{0,40}") {
                let _ = usd(&text);
            }

            #[test]
            fn accepted_text_is_exactly_the_value(int in 0u64..1_000_000_000_000, cents in 0u32..100) {
                let text = format!("{int}.{cents:02}");
                match usd(&text) {
                    Ok(m) => prop_assert_eq!(m.minor() as i128, int as i128 * 100 + cents as i128),
                    Err(e) => prop_assert_eq!(e, AmountError::Zero),
                }
            }
        }
    }
}
