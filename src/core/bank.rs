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

// ---- What the statement readers (src/formats) yield, before any rule ----

/// A balance as written: unsigned decimal text, its direction and date.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct RawBalance {
    pub amount: String,
    pub credit: bool,
    pub currency: Option<String>,
    pub date: Option<String>,
}

/// One booked entry (or one transaction of a batch entry).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct RawEntry {
    /// The line of the file the entry starts on.
    pub line_no: u64,
    pub credit: bool,
    /// Unsigned decimal text, `.` as the decimal point.
    pub amount: String,
    pub currency: Option<String>,
    /// `YYYY-MM-DD`.
    pub booking_date: String,
    pub value_date: Option<String>,
    /// The bank's own id of the entry, if it gave one.
    pub bank_id: Option<String>,
    pub payer_name: Option<String>,
    pub payer_account: Option<String>,
    pub remittance: Option<String>,
}

/// One statement of a file.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct RawStatement {
    /// IBAN or the bank's account id; empty if none.
    pub account: String,
    /// The bank's statement id, if any.
    pub statement_ref: Option<String>,
    pub currency: Option<String>,
    pub opening: Option<RawBalance>,
    pub closing: Option<RawBalance>,
    pub entries: Vec<RawEntry>,
    /// Entries not booked (camt.053 `Sts` PDNG or INFO): skipped, counted.
    pub not_booked: u64,
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

// ---- The rules of `bank import` ----

/// A statement of the file, ready to write: the statement, its credit lines (with the ids
/// already stored not yet left out: that needs the ledger), and its entries not booked.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PlannedStatement {
    pub statement: NewBankStatement,
    pub lines: Vec<NewBankLine>,
    pub not_booked: i64,
    /// Credit lines whose text held a card number, masked to its last four digits.
    pub masked: i64,
    /// Lines the file holds twice, the same line under the same id: kept once.
    pub repeated: i64,
}

impl PlannedStatement {
    /// Whether opening + credits - debits = closing, `None` without both balances.
    pub fn balanced(&self) -> Option<bool> {
        let s = &self.statement;
        balances_agree(s.opening, s.closing, s.credit_total, s.debit_total)
    }
}

/// A decimal text of `currency`, exact, zero allowed, as minor units.
fn minor_units(text: &str, currency: Currency) -> Result<i64, String> {
    let value = super::money::parse_decimal(text).map_err(|e| format!("{text:?} {e}"))?;
    if value.is_zero() {
        return Ok(0);
    }
    Money::from_decimal(value, currency)
        .map(|m| m.minor())
        .map_err(|e| format!("{text:?} {e}"))
}

fn valid_date(text: &str) -> Result<String, String> {
    match chrono::NaiveDate::parse_from_str(text, "%Y-%m-%d") {
        Ok(d) if (1900..=9999).contains(&chrono::Datelike::year(&d)) => {
            Ok(d.format("%Y-%m-%d").to_string())
        }
        _ => Err(format!(
            "{text:?} is not a date YYYY-MM-DD between 1900 and 9999"
        )),
    }
}

fn masked(text: Option<String>, count: &mut bool) -> Option<String> {
    text.map(|t| {
        let m = super::text::mask_card_numbers(&t);
        if m != t {
            *count = true;
        }
        m
    })
}

fn fingerprint(parts: &[&str]) -> String {
    use sha2::{Digest, Sha256};
    let mut h = Sha256::new();
    for p in parts {
        h.update(p.len().to_le_bytes());
        h.update(p.as_bytes());
    }
    h.finalize()
        .iter()
        .take(16)
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// The fingerprint of a whole file, the statement id of a file that has none.
pub fn file_fingerprint(bytes: &[u8]) -> String {
    use sha2::{Digest, Sha256};
    let digest = Sha256::digest(bytes);
    format!(
        "fp:{}",
        digest
            .iter()
            .take(16)
            .map(|b| format!("{b:02x}"))
            .collect::<String>()
    )
}

/// Turns what a reader read into rows: amounts into minor units of the statement's currency
/// (exact: more decimals than the currency has is refused), dates checked, card numbers in
/// text masked, each line's id (`account/bank id`, else `fp:` + a fingerprint of the line
/// and its occurrence in the file), credits and debits counted and totalled with checked
/// arithmetic. `Err` holds every problem, each with its line: nothing is written.
pub fn plan_import(
    format: BankFormat,
    file_name: &str,
    file_fp: &str,
    raws: Vec<RawStatement>,
) -> Result<Vec<PlannedStatement>, Vec<String>> {
    let mut problems = Vec::new();
    let mut planned = Vec::new();
    let mut seen: std::collections::HashMap<String, (u64, i64, String)> =
        std::collections::HashMap::new();
    let mut occurrences: std::collections::HashMap<String, u64> = std::collections::HashMap::new();
    for raw in raws {
        let code = raw
            .currency
            .clone()
            .or_else(|| raw.entries.iter().find_map(|e| e.currency.clone()));
        let Some(code) = code else {
            problems.push("the statement names no currency".to_string());
            continue;
        };
        let Some(currency) = Currency::from_code(code.trim()) else {
            problems.push(format!("currency {code:?} is not an ISO 4217 code"));
            continue;
        };
        let balance = |b: &Option<RawBalance>, what: &str, problems: &mut Vec<String>| {
            let b = b.as_ref()?;
            if let Some(c) = &b.currency {
                if c.trim() != currency.code() {
                    problems.push(format!(
                        "the {what} balance is in {c} but the statement in {}",
                        currency.code()
                    ));
                    return None;
                }
            }
            match minor_units(&b.amount, currency) {
                Ok(m) => Some((if b.credit { m } else { -m }, b.date.clone())),
                Err(e) => {
                    problems.push(format!("the {what} balance {e}"));
                    None
                }
            }
        };
        let opening = balance(&raw.opening, "opening", &mut problems);
        let closing = balance(&raw.closing, "closing", &mut problems);
        let mut statement = NewBankStatement {
            format,
            account: raw.account.trim().to_string(),
            statement_ref: raw
                .statement_ref
                .clone()
                .map(|r| r.trim().to_string())
                .filter(|r| !r.is_empty())
                .unwrap_or_else(|| file_fp.to_string()),
            currency,
            opening: opening.as_ref().map(|b| b.0),
            closing: closing.as_ref().map(|b| b.0),
            opening_date: opening.and_then(|b| b.1),
            closing_date: closing.and_then(|b| b.1),
            credit_count: 0,
            credit_total: 0,
            debit_count: 0,
            debit_total: 0,
            file_name: super::text::mask_card_numbers(file_name),
        };
        let mut lines = Vec::new();
        let (mut masked_count, mut repeated) = (0, 0);
        for e in raw.entries {
            let line = e.line_no;
            let at = |m: String| {
                if line == 0 {
                    m
                } else {
                    format!("line {line}: {m}")
                }
            };
            if let Some(c) = &e.currency {
                if c.trim() != currency.code() {
                    problems.push(at(format!(
                        "the entry is in {c} but the statement in {}; one currency per statement",
                        currency.code()
                    )));
                    continue;
                }
            }
            let minor = match minor_units(&e.amount, currency) {
                Ok(0) => {
                    problems.push(at(format!("amount {:?} is zero", e.amount)));
                    continue;
                }
                Ok(m) => m,
                Err(m) => {
                    problems.push(at(format!("amount {m}")));
                    continue;
                }
            };
            if !e.credit {
                statement.debit_count += 1;
                match statement.debit_total.checked_add(minor) {
                    Some(t) => statement.debit_total = t,
                    None => problems.push(at(
                        "the debits' total is past what payctl can count".to_string()
                    )),
                }
                continue;
            }
            let booking_date = match valid_date(&e.booking_date) {
                Ok(d) => d,
                Err(m) => {
                    problems.push(at(format!("booking date {m}")));
                    continue;
                }
            };
            let value_date = match e.value_date.as_deref().map(valid_date).transpose() {
                Ok(d) => d,
                Err(m) => {
                    problems.push(at(format!("value date {m}")));
                    continue;
                }
            };
            let mut had_card = false;
            let payer_name = masked(e.payer_name, &mut had_card);
            let payer_account = masked(e.payer_account, &mut had_card);
            let remittance = masked(e.remittance, &mut had_card);
            if had_card {
                masked_count += 1;
            }
            let minor_text = minor.to_string();
            let bank_ref = match e
                .bank_id
                .as_deref()
                .map(str::trim)
                .filter(|i| !i.is_empty())
            {
                Some(id) => format!("{}/{id}", statement.account),
                None => {
                    let parts = [
                        statement.account.as_str(),
                        booking_date.as_str(),
                        minor_text.as_str(),
                        currency.code(),
                        payer_name.as_deref().unwrap_or(""),
                        remittance.as_deref().unwrap_or(""),
                    ];
                    let base = fingerprint(&parts);
                    let n = occurrences.entry(base.clone()).or_insert(0);
                    *n += 1;
                    format!("fp:{}", fingerprint(&[&base, &n.to_string()]))
                }
            };
            statement.credit_count += 1;
            match statement.credit_total.checked_add(minor) {
                Some(t) => statement.credit_total = t,
                None => problems.push(at(
                    "the credits' total is past what payctl can count".to_string()
                )),
            }
            if let Some((first, amount, date)) = seen.get(&bank_ref) {
                if *amount == minor && *date == booking_date {
                    repeated += 1;
                    continue;
                }
                problems.push(at(format!(
                    "the bank's id {bank_ref:?} is also the id of line {first}, with another amount or date; a file must not give two lines one id"
                )));
                continue;
            }
            seen.insert(bank_ref.clone(), (line, minor, booking_date.clone()));
            lines.push(NewBankLine {
                bank_ref,
                line_no: i64::try_from(line).unwrap_or(i64::MAX),
                booking_date,
                value_date,
                amount: Money::from_minor(minor, currency),
                payer_name,
                payer_account,
                remittance,
            });
        }
        planned.push(PlannedStatement {
            statement,
            lines,
            not_booked: i64::try_from(raw.not_booked).unwrap_or(i64::MAX),
            masked: masked_count,
            repeated,
        });
    }
    if problems.is_empty() {
        Ok(planned)
    } else {
        Err(problems)
    }
}

/// Why `bank ignore` refuses a line, if it does: an applied line is a payment (void it
/// instead), an ignored one is already ignored. The reason must say something.
pub fn ignore_problem(line: &BankLineView, reason: &str) -> Option<String> {
    match line.status {
        LineStatus::Applied => Some(format!(
            "bank line {} is already applied as payment {}; it cannot be ignored",
            line.id,
            line.payment_id.map_or("?".to_string(), |p| p.to_string())
        )),
        LineStatus::Ignored => Some(format!(
            "bank line {} is already ignored ({})",
            line.id,
            line.ignored_reason.as_deref().unwrap_or("")
        )),
        _ if reason.trim().is_empty() => {
            Some("reason is empty; say why the line is not a customer payment".to_string())
        }
        _ => None,
    }
}
