//! What must hold for any input to payctl's parsers: the amount parser, the `--allocate`
//! spec parser and every import format (CSV, JSON, JSON Lines, InvoiceMethodInsert JSON and
//! XML). Each function takes arbitrary bytes, must not panic, and asserts the properties of
//! what it accepts. Shared by the cargo-fuzz targets (fuzz/fuzz_targets/, through `#[path]`)
//! and the proptest runs in tests/cli/parsers.rs, so CI exercises the same checks.

#![allow(dead_code)]

use payctl::core::import::{self, ImiRow, ImportKind};
use payctl::core::invoice_ref::InvoiceRef;
use payctl::core::money::{decimal_from_json, parse_decimal, Money, MAX_INTEGER_DIGITS};
use payctl::core::payload::create_payment_from_json;
use payctl::core::payment::parse_allocation_spec;
use payctl::core::{Currency, Source};
use payctl::formats::{read_rows, ImportFormat};
use serde_json::{json, Map, Value};

const CURRENCIES: [&str; 4] = ["JPY", "USD", "KWD", "CLF"];

/// The amount parser: what it accepts is a plain decimal, read exactly; what a currency then
/// accepts is positive, at most 12 integer digits, exact in its minor units, and prints back
/// to the same money.
pub fn amount(data: &[u8]) {
    let text = String::from_utf8_lossy(data);
    check_amount_text(&text);
    let _ = decimal_from_json(&Value::String(text.to_string()));
    // The same text as a JSON number, when it is one: exponents are refused, others agree.
    if let Ok(Value::Number(n)) = serde_json::from_str::<Value>(&text) {
        let from_json = decimal_from_json(&Value::Number(n.clone()));
        if n.to_string().contains(['e', 'E']) {
            assert!(from_json.is_err(), "{text:?}: an exponent was accepted");
        } else {
            assert_eq!(from_json, parse_decimal(&n.to_string()), "{text:?}");
        }
    }
}

fn check_amount_text(text: &str) {
    let Ok(value) = parse_decimal(text) else {
        return;
    };
    let t = text.trim();
    assert!(
        t.chars().all(|c| c.is_ascii_digit() || c == '.'),
        "{text:?} was accepted but is not digits and '.'"
    );
    assert!(!value.is_sign_negative() || value.is_zero(), "{text:?}");
    // Exact: the decimal's value is the text's (no rounding, no float).
    assert_eq!(
        value.normalize().to_string(),
        normalized_text(t),
        "{text:?} was not read exactly"
    );
    for code in CURRENCIES {
        let currency = Currency::from_code(code).unwrap();
        let Ok(money) = Money::from_decimal(value, currency) else {
            continue;
        };
        assert!(money.minor() > 0, "{text:?} {code}: not positive");
        let limit = 10i64.pow(MAX_INTEGER_DIGITS as u32 + currency.exponent());
        assert!(money.minor() < limit, "{text:?} {code}: too large");
        assert_eq!(money.to_decimal(), value, "{text:?} {code}: value changed");
        assert_eq!(
            Money::parse(&money.to_string(), currency),
            Ok(money),
            "{text:?} {code}: does not print back"
        );
        assert_eq!(Money::parse(text, currency), Ok(money), "{text:?} {code}");
    }
}

/// A plain decimal's text without leading zeros in the integer part or trailing zeros in the
/// fraction ("007.50" is "7.5"), to compare with the parsed value.
fn normalized_text(t: &str) -> String {
    let (int, frac) = t.split_once('.').unwrap_or((t, ""));
    let int = int.trim_start_matches('0');
    let frac = frac.trim_end_matches('0');
    let int = if int.is_empty() { "0" } else { int };
    if frac.is_empty() {
        int.to_string()
    } else {
        format!("{int}.{frac}")
    }
}

/// The `--allocate INV=AMOUNT` parser: an accepted spec has a positive id and a plain,
/// non-negative amount, and reads back the same from its canonical text.
pub fn allocation_spec(data: &[u8]) {
    let text = String::from_utf8_lossy(data);
    let Ok(spec) = parse_allocation_spec(&text) else {
        return;
    };
    // The invoice is a reference (an id or a number, SPEC §4), resolved in the ledger; an id
    // reading is positive.
    let reference = spec.named.clone().expect("a parsed spec names its invoice");
    assert!(reference.id_reading().is_none_or(|id| id > 0), "{text:?}");
    assert!(!spec.amount.is_sign_negative(), "{text:?}");
    let invoice = match &reference {
        InvoiceRef::Either(token) => token.clone(),
        InvoiceRef::Id(id) => format!("id:{id}"),
        InvoiceRef::Number(number) => format!("number:{number}"),
    };
    let canonical = format!("{invoice}={}", spec.amount);
    assert_eq!(
        parse_allocation_spec(&canonical),
        Ok(spec.clone()),
        "{text:?}"
    );
    let (_, amount) = text.rsplit_once('=').unwrap();
    assert_eq!(
        parse_decimal(amount).map(|d| d.normalize()),
        Ok(spec.amount)
    );
}

/// One import file, in one format, read as each kind; every row that reads is taken through
/// the conversions that need no ledger (the InvoiceMethodInsert mapping, the Create Payment
/// payload).
pub fn import(data: &[u8], format: ImportFormat) {
    for kind in [
        ImportKind::Payments,
        ImportKind::Invoices,
        ImportKind::Customers,
    ] {
        if format == ImportFormat::Xml && kind != ImportKind::Payments {
            continue;
        }
        let Ok(rows) = read_rows(data, format, kind) else {
            continue;
        };
        let mut last_line = 0;
        for (line, row) in rows {
            if format != ImportFormat::Xml {
                assert!(
                    line >= last_line,
                    "rows out of order: {line} after {last_line}"
                );
            }
            last_line = line;
            let Ok(mut value) = row else { continue };
            match kind {
                ImportKind::Payments => payment_row(&value),
                _ => import::strip_derived(kind, &mut value),
            }
        }
    }
}

/// A payments row: an InvoiceMethodInsert body or a Create Payment payload.
pub fn payment_row(value: &Value) {
    let payload = if import::is_invoice_method_insert(value) {
        match import::from_invoice_method_insert(value) {
            Ok(ImiRow::Payment(p)) => p,
            Ok(ImiRow::Attempt { payload, .. }) => payload,
            Err(_) => return,
        }
    } else {
        value.clone()
    };
    if let Ok(req) = create_payment_from_json(&payload, Source::Import) {
        assert!(req.customer_id > 0);
        assert!(!req.amount.is_sign_negative());
        assert!(req
            .allocations
            .iter()
            .all(|a| (a.invoice_id > 0 || a.named.is_some()) && !a.amount.is_sign_negative()));
        let _ = req.fingerprint();
    }
}

/// InvoiceMethodInsert bodies built from the input: the bytes split at 0xFF are the values of
/// the body's fields, in a fixed order, so the fuzzer explores the values rather than having
/// to find the field names. Run through both the mapping and the JSON and XML readers.
pub fn invoice_method_insert(data: &[u8]) {
    const FIELDS: [&str; 10] = [
        "CustomerId",
        "AmountReceived",
        "PaymentType",
        "PaymentStatus",
        "PaymentNote",
        "CurrencyType",
        "PaymentReceivedDateTime",
        "CustomerPaymentNumber",
        "PaymentSource",
        "OrderId",
    ];
    let mut body = Map::new();
    let mut detail = Map::new();
    for (field, value) in FIELDS.iter().zip(data.split(|b| *b == 0xFF)) {
        let text = String::from_utf8_lossy(value).into_owned();
        // A value that is a JSON number is given as one, as a real body would.
        let value = match serde_json::from_str::<Value>(&text) {
            Ok(Value::Number(n)) => Value::Number(n),
            _ => Value::String(text),
        };
        if *field == "OrderId" {
            detail.insert("OrderId".into(), value.clone());
            detail.insert(
                "AmountApplied".into(),
                body.get("AmountReceived").cloned().unwrap_or(json!(1)),
            );
        } else {
            body.insert((*field).into(), value);
        }
    }
    if !detail.is_empty() {
        body.insert("InvoicePaymentDetailRequest".into(), Value::Object(detail));
    }
    let body = Value::Object(body);
    payment_row(&body);
    import(body.to_string().as_bytes(), ImportFormat::Json);
    let mut xml = String::from("<InvoiceMethodInsertRequest>");
    for (k, v) in body.as_object().unwrap() {
        let text = match v {
            Value::String(s) => s.clone(),
            Value::Object(_) => continue,
            other => other.to_string(),
        };
        xml.push_str(&format!("<{k}>{}</{k}>", xml_escape(&text)));
    }
    xml.push_str("</InvoiceMethodInsertRequest>");
    import(xml.as_bytes(), ImportFormat::Xml);
}

fn xml_escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}
