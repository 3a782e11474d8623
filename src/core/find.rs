//! `payctl find TEXT` (SPEC §4): what TEXT may mean, decided once, before the ledger is read.
//! Customers by name or email (a substring, any case), invoices by number (the number itself
//! or one that starts with it, any case), payments by reference (a substring, any case), and,
//! when TEXT is an amount, the customers whose outstanding balance, the invoices whose total
//! or outstanding balance, and the payments whose amount is exactly it.

use rust_decimal::prelude::ToPrimitive;
use rust_decimal::Decimal;
use serde::Serialize;

use super::currency::Currency;
use super::money::{parse_decimal, Money};
use super::text::{contains_card_number, excerpt, TextError};
use crate::error::Problem;

/// The longest TEXT read: the longest text field payctl stores (a reference).
pub const MAX_TEXT: usize = 500;

/// The most hits of each kind shown unless `--limit` says otherwise.
pub const DEFAULT_LIMIT: u32 = 100;

/// What a search looks for.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FindQuery {
    /// TEXT trimmed, lower-cased (payctl compares lower-cased text: SQLite's `lower()` folds
    /// ASCII only, so names in other scripts match in their own case there).
    pub lowered: String,
    /// TEXT read as an amount (`50.78`), if it is one.
    pub amount: Option<Decimal>,
    /// Hits of each kind at most.
    pub limit: u32,
}

/// Reads TEXT: refused (exit 2, like any value that does not parse) when empty, longer than
/// [`MAX_TEXT`], or holding a card number (payctl never takes one in, not even to search).
pub fn parse_find(text: &str, limit: u32) -> Result<FindQuery, Problem> {
    let trimmed = text.trim();
    if trimmed.is_empty() {
        return Err(Problem::new(
            "text",
            "find needs a text to look for: a name, an email, an invoice number, a reference or an amount",
        ));
    }
    if trimmed.chars().count() > MAX_TEXT {
        return Err(Problem::new(
            "text",
            format!(
                "text '{}' is longer than {MAX_TEXT} characters",
                excerpt(trimmed)
            ),
        ));
    }
    if contains_card_number(trimmed) {
        return Err(Problem::new(
            "text",
            format!("text '{}' {}", excerpt(trimmed), TextError::CardNumber),
        ));
    }
    Ok(FindQuery {
        lowered: trimmed.to_lowercase(),
        amount: parse_decimal(trimmed).ok(),
        limit,
    })
}

impl FindQuery {
    /// The amount in minor units of a currency of each exponent 0 to 4 (ISO 4217's), where it
    /// is exact (`50.78` is 5078 at 2, 50780 at 3, nothing at 0); -1, which no amount is,
    /// where it is not.
    pub fn minor_by_exponent(&self) -> [i64; 5] {
        let mut out = [-1; 5];
        if let Some(amount) = self.amount {
            for (exponent, slot) in out.iter_mut().enumerate() {
                let scaled = amount.checked_mul(Decimal::from(10i64.pow(exponent as u32)));
                if let Some(scaled) = scaled.filter(|s| s.fract().is_zero()) {
                    *slot = scaled.to_i64().unwrap_or(-1);
                }
            }
        }
        out
    }

    /// Whether `minor` units of `currency` are the amount looked for.
    pub fn is_amount(&self, minor: i64, currency: Currency) -> bool {
        self.minor_by_exponent()
            .get(currency.exponent() as usize)
            .is_some_and(|&m| m == minor)
    }

    /// The LIKE pattern of a substring (`%text%`), `\` escaping LIKE's own characters.
    pub fn contains_pattern(&self) -> String {
        format!("%{}%", like_escaped(&self.lowered))
    }

    /// The LIKE pattern of a prefix (`text%`).
    pub fn prefix_pattern(&self) -> String {
        format!("{}%", like_escaped(&self.lowered))
    }
}

fn like_escaped(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if matches!(c, '%' | '_' | '\\') {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// What a hit is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum FoundKind {
    Customer,
    Invoice,
    Payment,
}

impl std::fmt::Display for FoundKind {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            FoundKind::Customer => "customer",
            FoundKind::Invoice => "invoice",
            FoundKind::Payment => "payment",
        })
    }
}

/// One record `find` found, with what it matched on (`name`, `email`, `number`, `reference`,
/// `amount`, `outstandingBalance`).
#[derive(Clone, Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct FoundView {
    pub kind: FoundKind,
    pub id: i64,
    pub customer_id: i64,
    /// The customer's name (for every kind: whose invoice or payment it is).
    pub name: String,
    pub email: Option<String>,
    pub invoice_number: Option<String>,
    pub reference: Option<String>,
    /// An invoice's total, a payment's amount; none for a customer.
    pub amount: Option<Money>,
    /// A customer's or an invoice's outstanding balance; none for a payment.
    pub outstanding_balance: Option<Money>,
    pub currency: Currency,
    pub matched: String,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_reads_as_words_and_maybe_an_amount() {
        let q = parse_find(" 50.78 ", 10).unwrap();
        assert_eq!(q.lowered, "50.78");
        assert_eq!(q.minor_by_exponent(), [-1, -1, 5078, 50780, 507800]);
        assert!(q.is_amount(5078, Currency::USD));
        assert!(!q.is_amount(5078, Currency::from_code("KWD").unwrap()));
        let q = parse_find("ACME_1%", 10).unwrap();
        assert_eq!(q.amount, None);
        assert_eq!(q.contains_pattern(), "%acme\\_1\\%%");
        assert_eq!(q.minor_by_exponent(), [-1; 5]);
        assert!(parse_find("  ", 10).is_err());
        assert!(parse_find("4111 1111 1111 1111", 10).is_err());
        assert_eq!(
            parse_find("1000", 10).unwrap().minor_by_exponent(),
            [1000, 10000, 100000, 1000000, 10000000]
        );
    }
}
