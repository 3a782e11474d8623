//! Reading JSON input: one reader for every JSON input (`create --json`, JSON and JSON Lines
//! imports of every kind, InvoiceMethodInsert bodies). serde_json keeps the last of two equal
//! keys, so `{"amount": 5, "amount": 5000}` would silently record 5000: this reader notes any
//! key given twice in one object, at any depth, in the same spelling or another (the importers
//! match names ignoring ASCII case, so `amount` and `Amount` are one field), and the caller
//! refuses the record.

use std::collections::HashMap;
use std::fmt;

use serde::de::{DeserializeSeed, Deserializer, Error as _, MapAccess, SeqAccess, Visitor};
use serde_json::{Map, Number, Value};

use super::text::excerpt;

/// The most bytes payctl reads for one record: a CSV record or a JSON Lines line with its line
/// end, one element of a JSON array (or a whole JSON document of one object), one
/// InvoiceMethodInsertRequest element, one `create --json` payload. Nothing payctl stores comes
/// near it (a reference is at most 500 characters); it keeps a runaway or hostile file from
/// taking the machine's memory.
pub const MAX_RECORD_BYTES: u64 = 1 << 20;

/// Why a record over [`MAX_RECORD_BYTES`] is refused (after its line or record number).
pub fn record_too_long() -> String {
    format!("a record is longer than 1 MiB ({MAX_RECORD_BYTES} bytes), the most payctl reads")
}

/// The UTF-8 byte-order mark some Windows editors put first in a file.
pub const BOM: &[u8] = b"\xEF\xBB\xBF";

/// `text` without a UTF-8 byte-order mark in front.
pub fn strip_bom(text: &str) -> &str {
    text.strip_prefix('\u{feff}').unwrap_or(text)
}

/// A key given twice: the key (as first spelled) and the sentence that refuses it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Repeated {
    pub key: String,
    pub message: String,
}

/// What [`StrictValue`] has seen: where it is, and the first key given twice.
#[derive(Default)]
pub struct KeyCheck {
    path: Vec<String>,
    repeated: Option<Repeated>,
}

impl KeyCheck {
    /// The first key given twice since the last call, if any; ready for the next record.
    pub fn take(&mut self) -> Option<Repeated> {
        self.path.clear();
        self.repeated.take()
    }
}

/// `paymentAllocations[0]` from the segments `paymentAllocations`, `[0]`.
fn shown_path(path: &[String]) -> String {
    let mut shown = String::new();
    for segment in path {
        if !segment.starts_with('[') && !shown.is_empty() {
            shown.push('.');
        }
        shown.push_str(segment);
    }
    excerpt(&shown)
}

fn repeated(first: &str, again: &str, path: &[String]) -> Repeated {
    let name = if first == again {
        format!("'{}'", excerpt(first))
    } else {
        format!(
            "'{}' ({}, {})",
            excerpt(first),
            excerpt(first),
            excerpt(again)
        )
    };
    let at = match path {
        [] => String::new(),
        _ => format!(" in {}", shown_path(path)),
    };
    Repeated {
        key: first.to_string(),
        message: format!("field {name} is given twice{at}; give each field once"),
    }
}

/// A seed that reads any JSON value as `serde_json::Value` does, keeping the first of two equal
/// keys and noting the repeat in its [`KeyCheck`] (the rest of the document is still read, so
/// a JSON array's other records and JSON Lines' other lines go on).
pub struct StrictValue<'a>(pub &'a mut KeyCheck);

/// How serde_json's `arbitrary_precision` hands a number to a visitor: a one-entry map.
const NUMBER_TOKEN: &str = "$serde_json::private::Number";

impl<'de> DeserializeSeed<'de> for StrictValue<'_> {
    type Value = Value;
    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<Value, D::Error> {
        d.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for StrictValue<'_> {
    type Value = Value;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("any JSON value")
    }
    fn visit_bool<E>(self, b: bool) -> Result<Value, E> {
        Ok(Value::Bool(b))
    }
    fn visit_i64<E>(self, n: i64) -> Result<Value, E> {
        Ok(Value::Number(n.into()))
    }
    fn visit_u64<E>(self, n: u64) -> Result<Value, E> {
        Ok(Value::Number(n.into()))
    }
    // No visit_f64: with serde_json's arbitrary_precision numbers arrive as their text (a
    // map, below), so a float never reaches this reader; if one did, serde's default refuses
    // it as a type error rather than rounding money through f64.
    fn visit_str<E>(self, s: &str) -> Result<Value, E> {
        Ok(Value::String(s.to_owned()))
    }
    fn visit_string<E>(self, s: String) -> Result<Value, E> {
        Ok(Value::String(s))
    }
    fn visit_unit<E>(self) -> Result<Value, E> {
        Ok(Value::Null)
    }
    fn visit_none<E>(self) -> Result<Value, E> {
        Ok(Value::Null)
    }
    fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<Value, D::Error> {
        self.deserialize(d)
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Value, A::Error> {
        let check = self.0;
        let mut items = Vec::new();
        loop {
            check.path.push(format!("[{}]", items.len()));
            let next = seq.next_element_seed(StrictValue(&mut *check));
            check.path.pop();
            match next? {
                Some(item) => items.push(item),
                None => return Ok(Value::Array(items)),
            }
        }
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Value, A::Error> {
        let check = self.0;
        let Some(first) = map.next_key::<String>()? else {
            return Ok(Value::Object(Map::new()));
        };
        if first == NUMBER_TOKEN {
            let text: String = map.next_value()?;
            return text
                .parse::<Number>()
                .map(Value::Number)
                .map_err(A::Error::custom);
        }
        let mut object = Map::new();
        // A record's objects have a few keys: they are compared one by one; past
        // `SCAN_KEYS`, through an index of the keys folded to ASCII lower case.
        const SCAN_KEYS: usize = 32;
        let mut folded: HashMap<String, String> = HashMap::new();
        let mut key = Some(first);
        while let Some(k) = key {
            check.path.push(k.clone());
            let value = map.next_value_seed(StrictValue(&mut *check));
            check.path.pop();
            let value = value?;
            let earlier = if object.len() < SCAN_KEYS {
                object.keys().find(|e| e.eq_ignore_ascii_case(&k)).cloned()
            } else {
                if folded.is_empty() {
                    folded = object
                        .keys()
                        .map(|e| (e.to_ascii_lowercase(), e.clone()))
                        .collect();
                }
                folded.get(&k.to_ascii_lowercase()).cloned()
            };
            match earlier {
                Some(first) => {
                    if check.repeated.is_none() {
                        check.repeated = Some(repeated(&first, &k, &check.path));
                    }
                }
                None => {
                    if !folded.is_empty() {
                        folded.insert(k.to_ascii_lowercase(), k.clone());
                    }
                    object.insert(k, value);
                }
            }
            key = map.next_key()?;
        }
        Ok(Value::Object(object))
    }
}

/// The first field of a record (`object`) that holds a JSON array or object though only
/// `nested` fields may (`paymentAllocations`, `InvoicePaymentDetailRequest`), and the sentence
/// that refuses it. Every other field is one value: a text field given a list would be stored
/// as its JSON text, and `["4111","1111","1111","1111"]` holds a card number that the detector
/// reads as four groups apart (quotes are not separators), so the ledger kept it whole.
pub fn non_scalar_field(object: &Map<String, Value>, nested: &[&str]) -> Option<(String, String)> {
    object
        .iter()
        .filter(|(k, _)| !nested.iter().any(|n| n.eq_ignore_ascii_case(k)))
        .find(|(_, v)| v.is_array() || v.is_object())
        .map(|(k, v)| {
            let what = if v.is_array() { "a list" } else { "an object" };
            (
                k.clone(),
                format!(
                    "field '{}' is {what}; give it one value (text or a number)",
                    excerpt(k)
                ),
            )
        })
}

/// Reads one JSON document (a byte-order mark in front is skipped): the value, and the first
/// key given twice in it, if any.
pub fn parse(text: &str) -> Result<(Value, Option<Repeated>), serde_json::Error> {
    let mut de = serde_json::Deserializer::from_str(strip_bom(text));
    let mut check = KeyCheck::default();
    let value = StrictValue(&mut check).deserialize(&mut de)?;
    de.end()?;
    Ok((value, check.take()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn message(text: &str) -> Option<String> {
        parse(text).unwrap().1.map(|r| r.message)
    }

    #[test]
    fn reads_what_serde_json_reads() {
        let text = r#"{"a": [1, 2.50, -3, 1e2, 0.1, 123456789012345678901234567890], "b": {"c": null, "d": true, "e": "x\u00e9"}}"#;
        let (value, repeated) = parse(text).unwrap();
        assert_eq!(value, serde_json::from_str::<Value>(text).unwrap());
        assert_eq!(value["a"][1].to_string(), "2.50");
        assert_eq!(repeated, None);
    }

    #[test]
    fn a_key_given_twice_is_noted_at_any_depth() {
        assert_eq!(
            message(r#"{"amount": 5, "amount": 5000}"#).as_deref(),
            Some("field 'amount' is given twice; give each field once")
        );
        assert_eq!(
            message(r#"{"a": [{"x": 1}, {"x": 1, "X": 2}]}"#).as_deref(),
            Some("field 'x' (x, X) is given twice in a[1]; give each field once")
        );
        assert_eq!(
            message(r#"[{"d": {"e": {"f": 1, "f": 2}}}]"#).as_deref(),
            Some("field 'f' is given twice in [0].d.e; give each field once")
        );
        // The first value is kept.
        assert_eq!(parse(r#"{"a": 1, "A": 2}"#).unwrap().0, json!({"a": 1}));
    }

    #[test]
    fn a_key_given_twice_among_many_is_noted() {
        let mut text: String = (0..100).map(|i| format!("\"k{i}\": {i}, ")).collect();
        text = format!("{{{text}\"K7\": 1, \"k99\": 2, \"last\": 3}}");
        let (value, repeated) = parse(&text).unwrap();
        assert_eq!(
            repeated.map(|r| r.message).as_deref(),
            Some("field 'k7' (k7, K7) is given twice; give each field once")
        );
        assert_eq!(
            (value["k7"].clone(), value["last"].clone()),
            (json!(7), json!(3))
        );
        assert_eq!(value.as_object().unwrap().len(), 101);
    }

    #[test]
    fn a_byte_order_mark_is_skipped() {
        assert_eq!(parse("\u{feff}{\"a\": 1}").unwrap().0, json!({"a": 1}));
    }
}
