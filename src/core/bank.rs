//! Bank statements (SPEC §11): the records a statement reader yields, the derived status of a
//! line, the views `bank list`, `bank show` and `bank report` print, and the rules of `bank
//! import` and `bank ignore`. No I/O here.

use serde::Serialize;

use super::{Currency, Money};

/// The statement formats `bank import` reads.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum BankFormat {
    Camt053,
    Mt940,
    Csv,
}

impl BankFormat {
    pub fn as_str(self) -> &'static str {
        match self {
            BankFormat::Camt053 => "camt053",
            BankFormat::Mt940 => "mt940",
            BankFormat::Csv => "csv",
        }
    }

    pub fn from_stored(text: &str) -> Option<BankFormat> {
        match text {
            "camt053" => Some(BankFormat::Camt053),
            "mt940" => Some(BankFormat::Mt940),
            "csv" => Some(BankFormat::Csv),
            _ => None,
        }
    }
}

/// A line's status, derived from its rows (never stored): `applied` / `ignored` from its
/// event; else `suggested` when its newest proposal names a customer with a reason other than
/// `ambiguous` or `none`; else `unmatched`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum LineStatus {
    Unmatched,
    Suggested,
    Applied,
    Ignored,
}

impl LineStatus {
    pub fn as_str(self) -> &'static str {
        match self {
            LineStatus::Unmatched => "unmatched",
            LineStatus::Suggested => "suggested",
            LineStatus::Applied => "applied",
            LineStatus::Ignored => "ignored",
        }
    }

    /// The status of a line with the event kind `event` (if any) and the newest proposal
    /// `proposal` (its customer and reason, if any).
    pub fn derive(event: Option<&str>, proposal: Option<(Option<i64>, &str)>) -> LineStatus {
        match event {
            Some("applied") => LineStatus::Applied,
            Some(_) => LineStatus::Ignored,
            None => match proposal {
                Some((Some(_), reason)) if reason != "ambiguous" && reason != "none" => {
                    LineStatus::Suggested
                }
                _ => LineStatus::Unmatched,
            },
        }
    }
}

/// A statement as `bank import` writes it. Balances are signed minor units of `currency`;
/// counts and totals are the file's own, debits included.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NewBankStatement {
    pub format: BankFormat,
    pub account: String,
    pub statement_ref: String,
    pub currency: Currency,
    pub opening: Option<i64>,
    pub closing: Option<i64>,
    pub opening_date: Option<String>,
    pub closing_date: Option<String>,
    pub credit_count: i64,
    pub credit_total: i64,
    pub debit_count: i64,
    pub debit_total: i64,
    pub file_name: String,
}

/// A credit line as `bank import` writes it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NewBankLine {
    pub bank_ref: String,
    pub line_no: i64,
    pub booking_date: String,
    pub value_date: Option<String>,
    pub amount: Money,
    pub payer_name: Option<String>,
    pub payer_account: Option<String>,
    pub remittance: Option<String>,
}

/// What `bank match` proposed for a line in one run.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct BankProposalView {
    pub id: i64,
    pub run: i64,
    pub customer_id: Option<i64>,
    pub reason: String,
    pub detail: String,
    /// `INVOICEID=MINOR;INVOICEID=MINOR`, or empty.
    pub allocations: String,
    pub created_at: String,
}

/// A proposal as `bank match` writes it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NewBankProposal {
    pub line_id: i64,
    pub run: i64,
    pub customer_id: Option<i64>,
    pub reason: String,
    pub detail: String,
    pub allocations: String,
}

/// One bank line with what became of it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct BankLineView {
    pub id: i64,
    pub statement_id: i64,
    pub bank_ref: String,
    pub line_no: i64,
    pub booking_date: String,
    pub value_date: Option<String>,
    pub amount: Money,
    pub currency: Currency,
    pub payer_name: Option<String>,
    pub payer_account: Option<String>,
    pub remittance: Option<String>,
    pub status: LineStatus,
    /// The payment an `applied` event recorded.
    pub payment_id: Option<i64>,
    /// The reason an `ignored` event gave.
    pub ignored_reason: Option<String>,
    /// When the line was applied or ignored.
    pub event_at: Option<String>,
    /// The newest proposal of `bank match`, if any.
    pub proposal: Option<BankProposalView>,
    pub created_at: String,
}

/// A stored statement.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct BankStatementView {
    pub id: i64,
    pub format: &'static str,
    pub account: String,
    pub statement_ref: String,
    pub currency: Currency,
    pub opening: Option<Money>,
    pub closing: Option<Money>,
    pub opening_date: Option<String>,
    pub closing_date: Option<String>,
    pub credit_count: i64,
    pub credit_total: Money,
    pub debit_count: i64,
    pub debit_total: Money,
    pub file_name: String,
    pub created_at: String,
}

/// Whether opening + credits - debits = closing; `None` when the statement lacks a balance.
pub fn balances_agree(
    opening: Option<i64>,
    closing: Option<i64>,
    credit_total: i64,
    debit_total: i64,
) -> Option<bool> {
    let (opening, closing) = (opening?, closing?);
    // i128: four i64 values cannot overflow it.
    Some(
        i128::from(opening) + i128::from(credit_total) - i128::from(debit_total)
            == i128::from(closing),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn status_is_derived() {
        assert_eq!(LineStatus::derive(None, None), LineStatus::Unmatched);
        assert_eq!(
            LineStatus::derive(None, Some((Some(1), "invoice_number"))),
            LineStatus::Suggested
        );
        assert_eq!(
            LineStatus::derive(None, Some((Some(1), "ambiguous"))),
            LineStatus::Unmatched
        );
        assert_eq!(
            LineStatus::derive(None, Some((None, "none"))),
            LineStatus::Unmatched
        );
        assert_eq!(
            LineStatus::derive(Some("applied"), None),
            LineStatus::Applied
        );
        assert_eq!(
            LineStatus::derive(Some("ignored"), Some((Some(1), "payer_history"))),
            LineStatus::Ignored
        );
    }

    #[test]
    fn balances() {
        assert_eq!(balances_agree(Some(100), Some(150), 80, 30), Some(true));
        assert_eq!(balances_agree(Some(100), Some(151), 80, 30), Some(false));
        assert_eq!(balances_agree(None, Some(151), 80, 30), None);
        assert_eq!(
            balances_agree(Some(i64::MIN), Some(i64::MAX), i64::MAX, 0),
            Some(false)
        );
    }
}
