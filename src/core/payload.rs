//! Fusebill's Create Payment payload (JSON), read into the same [`CreatePayment`] request the
//! flags build, so both go through one set of rules.

use serde_json::{Map, Value};

use super::currency::Currency;
use super::dates::parse_date;
use super::enums::{AllocationOrder, PaymentMethod, Source};
use super::invoice_ref::{parse_invoice_ref, InvoiceRef};
use super::money::decimal_from_json;
use super::payment::{AllocationSpec, CreatePayment};
use super::text::excerpt;
use crate::error::Problem;

const KEYS: &[&str] = &[
    "customerId",
    "reference",
    "amount",
    "paymentMethod",
    "paymentMethodId",
    "useDefaultPaymentMethod",
    "paymentAllocations",
    "source",
    "autoAllocate",
    "autoAllocateOrder",
    "currency",
    "effectiveTimestamp",
    "gatewayFee",
    "idempotencyKey",
];

fn show(value: &Value) -> String {
    match value {
        Value::String(s) => excerpt(s),
        other => excerpt(&other.to_string()),
    }
}

/// Why a JSON value is not an id.
fn id_problem_of(value: &Value) -> String {
    match value {
        Value::String(s) => super::payment::id_problem(s.trim()),
        other => super::payment::id_problem(&other.to_string()),
    }
}

/// Reads an id given as a JSON number or a string of digits.
fn id_of(value: &Value) -> Option<i64> {
    match value {
        Value::Number(n) => n.as_i64().filter(|id| *id > 0),
        Value::String(s) => super::payment::parse_id(s.trim()),
        _ => None,
    }
}

/// A JSON boolean, or the text `true` or `false` (any case) of a CSV cell; empty and null are false.
pub fn bool_of(value: &Value) -> Option<bool> {
    match value {
        Value::Bool(b) => Some(*b),
        Value::String(s) if s.eq_ignore_ascii_case("true") => Some(true),
        Value::String(s) if s.eq_ignore_ascii_case("false") || s.is_empty() => Some(false),
        Value::Null => Some(false),
        _ => None,
    }
}

fn text_of(value: &Value) -> Option<String> {
    match value {
        Value::String(s) => Some(s.clone()),
        Value::Null => None,
        other => Some(other.to_string()),
    }
}

/// Converts one payload into a request. Keys are matched case-insensitively (`invoiceID` and
/// `invoiceId` are one key); unknown keys are refused so a typo never drops a field silently.
pub fn create_payment_from_json(
    value: &Value,
    default_source: Source,
) -> Result<CreatePayment, Vec<Problem>> {
    let Value::Object(object) = value else {
        return Err(vec![Problem::new(
            "payload",
            "a Create Payment payload must be a JSON object",
        )]);
    };
    let mut problems = Vec::new();
    let mut fields = Map::new();
    for (key, v) in object {
        match KEYS.iter().find(|k| k.eq_ignore_ascii_case(key)) {
            Some(k) => {
                // `amount` and `Amount` are one field: refuse the second rather than let one win.
                if fields.insert((*k).to_string(), v.clone()).is_some() {
                    problems.push(Problem::new(
                        *k,
                        format!("field '{k}' is given twice; give each field once"),
                    ));
                }
            }
            None => problems.push(Problem::new(
                key.clone(),
                format!(
                    "unknown field '{}'; allowed fields are: {}",
                    excerpt(key),
                    KEYS.join(", ")
                ),
            )),
        }
    }
    if let Some((key, message)) = super::json::non_scalar_field(object, &["paymentAllocations"]) {
        problems.push(Problem::new(key, message));
    }
    let get = |k: &str| fields.get(k).filter(|v| !v.is_null());

    let customer_id = match get("customerId") {
        None => {
            problems.push(Problem::new("customerId", "customerId is required"));
            None
        }
        Some(v) => id_of(v).or_else(|| {
            problems.push(Problem::new(
                "customerId",
                format!("customerId {}", id_problem_of(v)),
            ));
            None
        }),
    };
    let amount = match get("amount") {
        None => {
            problems.push(Problem::new("amount", "amount is required"));
            None
        }
        Some(v) => decimal_from_json(v)
            .map_err(|e| problems.push(Problem::new("amount", format!("amount '{}' {e}", show(v)))))
            .ok(),
    };
    let payment_method = get("paymentMethod").and_then(|v| {
        let text = text_of(v).unwrap_or_default();
        text.parse::<PaymentMethod>()
            .map_err(|e| {
                problems.push(Problem::new("paymentMethod", format!("payment method {e}")))
            })
            .ok()
    });
    let payment_method_id = get("paymentMethodId").and_then(|v| {
        id_of(v).or_else(|| {
            problems.push(Problem::new(
                "paymentMethodId",
                format!("paymentMethodId {}", id_problem_of(v)),
            ));
            None
        })
    });
    let mut flag = |key: &str| {
        get(key).is_some_and(|v| {
            bool_of(v).unwrap_or_else(|| {
                problems.push(Problem::new(
                    key,
                    format!("{key} '{}' is not true or false", show(v)),
                ));
                false
            })
        })
    };
    let use_default_payment_method = flag("useDefaultPaymentMethod");
    let auto_allocate = flag("autoAllocate");
    let source = match get("source") {
        None => default_source,
        Some(v) => text_of(v)
            .unwrap_or_default()
            .parse::<Source>()
            .map_err(|e| problems.push(Problem::new("source", format!("source {e}"))))
            .unwrap_or(default_source),
    };
    let auto_allocate_order = get("autoAllocateOrder").and_then(|v| {
        text_of(v)
            .unwrap_or_default()
            .parse::<AllocationOrder>()
            .map_err(|e| {
                problems.push(Problem::new(
                    "autoAllocateOrder",
                    format!("autoAllocateOrder {e}"),
                ))
            })
            .ok()
    });
    let currency = get("currency").and_then(|v| {
        let code = text_of(v).unwrap_or_default();
        Currency::from_code(&code).or_else(|| {
            problems.push(Problem::new(
                "currency",
                format!(
                    "currency '{}' is not an ISO 4217 currency code",
                    excerpt(&code)
                ),
            ));
            None
        })
    });
    let effective_timestamp = get("effectiveTimestamp").and_then(|v| {
        parse_date(&text_of(v).unwrap_or_default())
            .map_err(|e| {
                problems.push(Problem::new(
                    "effectiveTimestamp",
                    format!("effectiveTimestamp {e}"),
                ))
            })
            .ok()
    });
    let gateway_fee = get("gatewayFee").and_then(|v| {
        decimal_from_json(v)
            .map_err(|e| {
                problems.push(Problem::new(
                    "gatewayFee",
                    format!("gatewayFee '{}' {e}", show(v)),
                ))
            })
            .ok()
    });
    let reference = get("reference").and_then(text_of);
    let idempotency_key = get("idempotencyKey").and_then(text_of);
    let allocations = match get("paymentAllocations") {
        None => Vec::new(),
        Some(Value::Array(items)) => items
            .iter()
            .enumerate()
            .filter_map(|(i, item)| {
                allocation_from_json(i, item)
                    .map_err(|p| problems.push(p))
                    .ok()
            })
            .collect(),
        Some(other) => {
            problems.push(Problem::new(
                "paymentAllocations",
                format!("paymentAllocations '{}' must be a list of {{\"invoiceId\": ..., \"amount\": ...}}", show(other)),
            ));
            Vec::new()
        }
    };

    match (customer_id, amount, problems.is_empty()) {
        (Some(customer_id), Some(amount), true) => Ok(CreatePayment {
            customer_id,
            amount,
            currency,
            payment_method,
            payment_method_id,
            use_default_payment_method,
            reference,
            source,
            effective_timestamp,
            gateway_fee,
            allocations,
            auto_allocate,
            auto_allocate_order,
            idempotency_key,
            allow_duplicate: false,
        }),
        _ => Err(problems),
    }
}

fn allocation_from_json(index: usize, item: &Value) -> Result<AllocationSpec, Problem> {
    let key = "paymentAllocations";
    let Value::Object(map) = item else {
        return Err(Problem::new(
            key,
            format!("paymentAllocations[{index}] must be an object with invoiceId and amount"),
        ));
    };
    let find = |name: &str| {
        map.iter()
            .find(|(k, _)| k.eq_ignore_ascii_case(name))
            .map(|(_, v)| v)
    };
    if let Some((unknown, _)) = map
        .iter()
        .find(|(k, _)| !k.eq_ignore_ascii_case("invoiceId") && !k.eq_ignore_ascii_case("amount"))
    {
        return Err(Problem::new(
            key,
            format!(
                "paymentAllocations[{index}] has unknown field '{}'; allowed: invoiceId, amount",
                excerpt(unknown)
            ),
        ));
    }
    // A JSON number is an id; a string is an invoice reference, id or number (SPEC §4).
    let named = match find("invoiceId") {
        Some(Value::Number(n)) => n.as_i64().filter(|id| *id > 0).map(InvoiceRef::Id),
        Some(Value::String(s)) => Some(parse_invoice_ref(s).map_err(|e| {
            Problem::new(key, format!("paymentAllocations[{index}].invoiceId: {e}"))
        })?),
        _ => None,
    }
    .ok_or_else(|| {
        Problem::new(
            key,
            format!("paymentAllocations[{index}].invoiceId is missing or not an id"),
        )
    })?;
    let amount_value = find("amount").ok_or_else(|| {
        Problem::new(
            key,
            format!("paymentAllocations[{index}].amount is required"),
        )
    })?;
    let amount = decimal_from_json(amount_value).map_err(|e| {
        Problem::new(
            key,
            format!(
                "paymentAllocations[{index}].amount '{}' {e}",
                show(amount_value)
            ),
        )
    })?;
    Ok(match named {
        InvoiceRef::Id(invoice_id) => AllocationSpec {
            named: None,
            invoice_id,
            amount: amount.normalize(),
        },
        named => AllocationSpec::named(named, amount.normalize()),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_seed_payload_reads() {
        let v: Value = serde_json::from_str(
            r#"{"customerId": 655080, "reference": "abc123", "amount": 50.78, "paymentMethod": "Cash", "source": "Manual",
                "paymentAllocations": [{"invoiceID": 566934, "amount": 2.0}]}"#,
        )
        .unwrap();
        let req = create_payment_from_json(&v, Source::Manual).unwrap();
        assert_eq!(req.customer_id, 655080);
        assert_eq!(req.amount.to_string(), "50.78");
        assert_eq!(req.payment_method, Some(PaymentMethod::Cash));
        assert_eq!(
            req.allocations,
            vec![AllocationSpec {
                named: None,
                invoice_id: 566934,
                amount: rust_decimal::Decimal::new(2, 0)
            }]
        );
    }

    #[test]
    fn every_bad_field_is_reported() {
        let v: Value = serde_json::from_str(
            r#"{"customerId": "x", "amount": -1, "paymentMethod": "Bitcoin", "ammount": 1}"#,
        )
        .unwrap();
        let problems = create_payment_from_json(&v, Source::Manual).unwrap_err();
        let keys: Vec<&str> = problems.iter().map(|p| p.key.as_str()).collect();
        assert_eq!(
            keys,
            vec!["ammount", "customerId", "amount", "paymentMethod"]
        );
    }
}
