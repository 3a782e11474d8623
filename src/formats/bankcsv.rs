//! A bank's CSV export, read with the csv crate through a column map (`--map`):
//!
//! ```text
//! date=COLUMN,amount=COLUMN[,reference=COLUMN][,payer=COLUMN][,account=COLUMN][,id=COLUMN]
//! [,currency=COLUMN | currency_code=CODE][,credit=COLUMN,debit=COLUMN][,value_date=COLUMN]
//! [,decimal=dot|comma][,thousands=none|dot|comma|space|apostrophe]
//! [,date_format=STRFTIME][,delimiter=comma|semicolon|tab][,own_account=IBAN]
//! ```
//!
//! `amount` is a signed amount (a negative one is a debit); `credit` and `debit` instead name
//! two columns of which one is filled. Dates are parsed with chrono's `date_format` (default
//! `%Y-%m-%d`). Column names are matched exactly (after trimming); a name cannot contain `,`.

use std::collections::HashMap;
use std::io::Read;

use chrono::NaiveDate;

use super::bank::{RawEntry, RawStatement, ReadError};

/// The column map of `--map`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CsvMap {
    pub date: String,
    pub amount: Option<String>,
    pub credit: Option<String>,
    pub debit: Option<String>,
    pub reference: Option<String>,
    pub payer: Option<String>,
    pub account: Option<String>,
    pub id: Option<String>,
    pub currency: Option<String>,
    pub currency_code: Option<String>,
    pub value_date: Option<String>,
    pub decimal_comma: bool,
    pub thousands: Option<char>,
    pub date_format: String,
    pub delimiter: u8,
    pub own_account: String,
}

const KEYS: &str = "date, amount, credit, debit, reference, payer, account, id, currency, currency_code, value_date, decimal, thousands, date_format, delimiter, own_account";

impl CsvMap {
    /// Parses `--map`'s text. `Err` names the part that is wrong and what is allowed.
    pub fn parse(text: &str) -> Result<CsvMap, String> {
        let mut pairs: HashMap<String, String> = HashMap::new();
        for part in text.split(',') {
            let part = part.trim();
            if part.is_empty() {
                continue;
            }
            let (key, value) = part
                .split_once('=')
                .ok_or_else(|| format!("{part:?} is not KEY=VALUE; keys: {KEYS}"))?;
            let key = key.trim().to_ascii_lowercase();
            let value = value.trim().to_string();
            if !KEYS.split(", ").any(|k| k == key) {
                return Err(format!("unknown key {key:?}; keys: {KEYS}"));
            }
            if value.is_empty() {
                return Err(format!("{key} is empty; give a column name or value"));
            }
            if pairs.insert(key.clone(), value).is_some() {
                return Err(format!("{key} is given twice"));
            }
        }
        let take = |k: &str, pairs: &mut HashMap<String, String>| pairs.remove(k);
        let date = take("date", &mut pairs)
            .ok_or_else(|| "date is missing: give date=COLUMN (the booking date)".to_string())?;
        let amount = take("amount", &mut pairs);
        let credit = take("credit", &mut pairs);
        let debit = take("debit", &mut pairs);
        match (&amount, &credit, &debit) {
            (Some(_), None, None) | (None, Some(_), Some(_)) => {}
            _ => {
                return Err(
                    "give amount=COLUMN (signed), or credit=COLUMN and debit=COLUMN, not both"
                        .to_string(),
                )
            }
        }
        let decimal_comma = match take("decimal", &mut pairs).as_deref() {
            None | Some("dot") | Some(".") => false,
            Some("comma") => true,
            Some(other) => return Err(format!("decimal is {other:?}; allowed: dot, comma")),
        };
        let thousands = match take("thousands", &mut pairs).as_deref() {
            None | Some("none") => None,
            Some("dot") | Some(".") => Some('.'),
            Some("comma") => Some(','),
            Some("space") => Some(' '),
            Some("apostrophe") | Some("'") => Some('\''),
            Some(other) => {
                return Err(format!(
                    "thousands is {other:?}; allowed: none, dot, comma, space, apostrophe"
                ))
            }
        };
        if thousands == Some(if decimal_comma { ',' } else { '.' }) {
            return Err("thousands and decimal separators must differ".to_string());
        }
        let delimiter = match take("delimiter", &mut pairs).as_deref() {
            None | Some("comma") => b',',
            Some("semicolon") | Some(";") => b';',
            Some("tab") => b'\t',
            Some(other) => {
                return Err(format!(
                    "delimiter is {other:?}; allowed: comma, semicolon, tab"
                ))
            }
        };
        let date_format = take("date_format", &mut pairs).unwrap_or_else(|| "%Y-%m-%d".to_string());
        // A format chrono cannot use is refused here, not on the first row.
        if chrono::format::StrftimeItems::new(&date_format)
            .any(|item| matches!(item, chrono::format::Item::Error))
        {
            return Err(format!(
                "date_format {date_format:?} is not a strftime format (e.g. %d.%m.%Y)"
            ));
        }
        let currency = take("currency", &mut pairs);
        let currency_code = take("currency_code", &mut pairs);
        if currency.is_some() == currency_code.is_some() {
            return Err(
                "give currency=COLUMN or currency_code=CODE (e.g. currency_code=EUR), one of them"
                    .to_string(),
            );
        }
        // A code the map names is checked with the map (a usage error, exit 2), not on the
        // first line it would be given to.
        if let Some(code) = currency_code.as_deref() {
            if crate::core::Currency::from_code(code).is_none() {
                return Err(format!(
                    "currency_code is {code:?}; allowed: an ISO 4217 currency code with minor units (e.g. USD, EUR, JPY, KWD)"
                ));
            }
        }
        Ok(CsvMap {
            date,
            amount,
            credit,
            debit,
            reference: take("reference", &mut pairs),
            payer: take("payer", &mut pairs),
            account: take("account", &mut pairs),
            id: take("id", &mut pairs),
            currency,
            currency_code,
            value_date: take("value_date", &mut pairs),
            decimal_comma,
            thousands,
            date_format,
            delimiter,
            own_account: take("own_account", &mut pairs).unwrap_or_default(),
        })
    }
}

/// An amount as the map writes it, as a plain decimal with `.` and its sign: `(negative, text)`.
fn normalise_amount(raw: &str, map: &CsvMap) -> Result<(bool, String), String> {
    let mut t: String = raw.trim().to_string();
    if let Some(sep) = map.thousands {
        t = t.replace(sep, "");
        if sep == ' ' {
            t = t.replace('\u{a0}', "");
        }
    }
    if map.decimal_comma {
        if t.contains('.') {
            return Err("has a '.' but the map says decimal=comma".to_string());
        }
        t = t.replace(',', ".");
    }
    let (negative, t) = match t.strip_prefix('-') {
        Some(rest) => (true, rest.to_string()),
        None => (false, t.strip_prefix('+').unwrap_or(&t).to_string()),
    };
    Ok((negative, t))
}

fn parse_date(raw: &str, format: &str) -> Result<String, String> {
    NaiveDate::parse_from_str(raw.trim(), format)
        .map(|d| d.format("%Y-%m-%d").to_string())
        .map_err(|_| format!("{:?} is not a date in the format {format:?}", raw.trim()))
}

/// Reads a bank CSV export as one statement (no balances, no statement id).
pub fn read(input: impl Read, map: &CsvMap) -> Result<RawStatement, ReadError> {
    let mut csv = csv::ReaderBuilder::new()
        .delimiter(map.delimiter)
        .flexible(false)
        .from_reader(input);
    let headers = csv
        .headers()
        .map_err(|e| ReadError::new(1, format!("cannot read the header line: {e}")))?
        .clone();
    let names: Vec<String> = headers
        .iter()
        .map(|h| h.trim_start_matches('\u{feff}').trim().to_string())
        .collect();
    let index = |column: &Option<String>, key: &str| -> Result<Option<usize>, ReadError> {
        match column {
            None => Ok(None),
            Some(c) => names.iter().position(|n| n == c).map(Some).ok_or_else(|| {
                ReadError::new(
                    1,
                    format!(
                        "the map's {key}={c:?} is not a column of the file; its columns: {}",
                        names.join(", ")
                    ),
                )
            }),
        }
    };
    let date = index(&Some(map.date.clone()), "date")?.unwrap_or(0);
    let amount = index(&map.amount, "amount")?;
    let credit_col = index(&map.credit, "credit")?;
    let debit_col = index(&map.debit, "debit")?;
    let reference = index(&map.reference, "reference")?;
    let payer = index(&map.payer, "payer")?;
    let account = index(&map.account, "account")?;
    let id = index(&map.id, "id")?;
    let currency = index(&map.currency, "currency")?;
    let value_date = index(&map.value_date, "value_date")?;
    let mut statement = RawStatement {
        account: map.own_account.clone(),
        currency: map.currency_code.clone(),
        ..RawStatement::default()
    };
    let mut record = csv::StringRecord::new();
    loop {
        let more = csv.read_record(&mut record).map_err(|e| {
            let line = e.position().map_or(0, |p| p.line());
            ReadError::new(line, format!("not valid CSV: {e}"))
        })?;
        if !more {
            break;
        }
        let line = record.position().map_or(0, |p| p.line());
        let field = |i: Option<usize>| -> Option<String> {
            i.and_then(|i| record.get(i))
                .map(|v| v.trim().to_string())
                .filter(|v| !v.is_empty())
        };
        let err = |m: String| ReadError::new(line, m);
        let (credit, amount_text) = match (amount, credit_col, debit_col) {
            (Some(a), _, _) => {
                let raw = field(Some(a)).ok_or_else(|| {
                    err(format!("{} is empty", map.amount.as_deref().unwrap_or("")))
                })?;
                let (negative, text) =
                    normalise_amount(&raw, map).map_err(|m| err(format!("amount {raw:?} {m}")))?;
                (!negative, text)
            }
            (None, c, d) => match (field(c), field(d)) {
                (Some(raw), None) => {
                    let (negative, text) = normalise_amount(&raw, map)
                        .map_err(|m| err(format!("credit {raw:?} {m}")))?;
                    (!negative, text)
                }
                (None, Some(raw)) => {
                    let (negative, text) = normalise_amount(&raw, map)
                        .map_err(|m| err(format!("debit {raw:?} {m}")))?;
                    (negative, text)
                }
                _ => {
                    return Err(err(
                        "give exactly one of the credit and debit columns a value".to_string(),
                    ))
                }
            },
        };
        let date_text = field(Some(date)).ok_or_else(|| err(format!("{} is empty", map.date)))?;
        statement.entries.push(RawEntry {
            line_no: line,
            credit,
            amount: amount_text,
            currency: field(currency),
            booking_date: parse_date(&date_text, &map.date_format)
                .map_err(|m| err(format!("{}: {m}", map.date)))?,
            value_date: match field(value_date) {
                Some(v) => Some(
                    parse_date(&v, &map.date_format)
                        .map_err(|m| err(format!("value_date: {m}")))?,
                ),
                None => None,
            },
            bank_id: field(id),
            payer_name: field(payer),
            payer_account: field(account),
            remittance: field(reference),
        });
    }
    Ok(statement)
}
