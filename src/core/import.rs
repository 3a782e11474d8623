//! Import rows: every format is read into a JSON object first, then into the same requests the
//! commands build (a payment row is a Fusebill Create Payment payload).

use serde_json::{json, Map, Value};

use super::enums::Source;
use super::text::excerpt;

/// The kinds of record `payctl import` loads.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ImportKind {
    Payments,
    Invoices,
    Customers,
    Methods,
    WriteOffs,
    Adjustments,
    CreditWriteOffs,
}

/// The CSV columns of a payments file: the Fusebill field names.
pub const PAYMENT_COLUMNS: &[&str] = &[
    "customerId",
    "amount",
    "paymentMethod",
    "paymentMethodId",
    "useDefaultPaymentMethod",
    "reference",
    "source",
    "currency",
    "effectiveTimestamp",
    "gatewayFee",
    "allocations",
    "autoAllocate",
    "autoAllocateOrder",
    "idempotencyKey",
];

/// Invoice columns: the JSON names of SPEC §3; the derived ones an export writes are accepted
/// and ignored, so an export reads back.
pub const INVOICE_COLUMNS: &[&str] = &[
    "id",
    "invoiceNumber",
    "customerId",
    "currency",
    "invoiceAmount",
    "effectiveTimestamp",
    "dueDate",
];
pub const INVOICE_DERIVED: &[&str] = &[
    "totalPayments",
    "outstandingBalance",
    "status",
    "overdue",
    "paymentAllocations",
];

pub const CUSTOMER_COLUMNS: &[&str] = &["id", "name", "email", "currency", "autoAllocateOrder"];
/// Payment methods on file, as `payctl export methods` writes them.
pub const METHOD_COLUMNS: &[&str] = &[
    "id",
    "customerId",
    "type",
    "label",
    "brand",
    "last4",
    "isDefault",
];
/// Write-offs, as `payctl export write-offs` writes them: imported after the payments.
pub const WRITE_OFF_COLUMNS: &[&str] = &[
    "invoiceId",
    "customerId",
    "amount",
    "currency",
    "reason",
    "effectiveTimestamp",
];
/// Credit notes, debit notes and partial write-offs, as `payctl export adjustments` writes
/// them: imported after the invoices and before the payments (a debit note raises what a
/// payment may pay; a credit note made before a payment could not be taken below it after).
pub const ADJUSTMENT_COLUMNS: &[&str] = &[
    "id",
    "invoiceId",
    "customerId",
    "kind",
    "amount",
    "currency",
    "reason",
    "effectiveTimestamp",
];
/// Credit write-offs, as `payctl export credit-write-offs` writes them: imported after the
/// payments. `payments` (`PAYMENT=AMOUNT;…`, what it took from each) is informative: payment
/// ids are not kept by a payments import, so an imported write-off takes its amount from the
/// customer's oldest payments again, as the command does.
pub const CREDIT_WRITE_OFF_COLUMNS: &[&str] = &[
    "id",
    "customerId",
    "amount",
    "currency",
    "reason",
    "effectiveTimestamp",
    "payments",
];
pub const CUSTOMER_DERIVED: &[&str] = &[
    "defaultPaymentMethodId",
    "outstandingBalance",
    "availableFunds",
];

/// Checks a CSV header against the columns a kind accepts; names each unknown column.
pub fn check_header(kind: ImportKind, header: &[String]) -> Result<(), String> {
    let (known, derived): (&[&str], &[&str]) = match kind {
        ImportKind::Payments => (PAYMENT_COLUMNS, &[]),
        ImportKind::Invoices => (INVOICE_COLUMNS, INVOICE_DERIVED),
        ImportKind::Customers => (CUSTOMER_COLUMNS, CUSTOMER_DERIVED),
        ImportKind::Methods => (METHOD_COLUMNS, &[]),
        ImportKind::WriteOffs => (WRITE_OFF_COLUMNS, &[]),
        ImportKind::Adjustments => (ADJUSTMENT_COLUMNS, &[]),
        ImportKind::CreditWriteOffs => (CREDIT_WRITE_OFF_COLUMNS, &[]),
    };
    let unknown: Vec<&str> = header
        .iter()
        .map(String::as_str)
        .filter(|h| {
            !known
                .iter()
                .chain(derived)
                .any(|k| k.eq_ignore_ascii_case(h))
        })
        .collect();
    if !unknown.is_empty() {
        return Err(format!(
            "unknown column(s) {}; the columns are: {}",
            unknown.join(", "),
            known.join(", ")
        ));
    }
    if let Some(twice) = repeated_name(header.iter().map(String::as_str)) {
        return Err(format!(
            "column {twice} is given twice; give each column once"
        ));
    }
    let required: &[&str] = match kind {
        ImportKind::Payments => &["customerId", "amount"],
        ImportKind::Invoices => &["customerId", "invoiceAmount"],
        ImportKind::Customers => &["name"],
        ImportKind::Methods => &["customerId", "type"],
        ImportKind::WriteOffs => &["invoiceId", "amount"],
        ImportKind::Adjustments => &["invoiceId", "kind", "amount"],
        ImportKind::CreditWriteOffs => &["customerId", "amount"],
    };
    let missing: Vec<&str> = required
        .iter()
        .copied()
        .filter(|r| !header.iter().any(|h| h.eq_ignore_ascii_case(r)))
        .collect();
    if !missing.is_empty() {
        return Err(format!("missing column(s) {}", missing.join(", ")));
    }
    Ok(())
}

/// The first name given twice among `names`, ignoring ASCII case as the importers do (so
/// `amount` and `Amount` are one field): `'amount'`, or `'amount' (amount, Amount)`.
fn repeated_name<'a>(names: impl Iterator<Item = &'a str>) -> Option<String> {
    let mut seen: Vec<&str> = Vec::new();
    for name in names {
        if let Some(first) = seen.iter().find(|s| s.eq_ignore_ascii_case(name)) {
            return Some(if *first == name {
                format!("'{}'", excerpt(name))
            } else {
                format!(
                    "'{}' ({}, {})",
                    excerpt(first),
                    excerpt(first),
                    excerpt(name)
                )
            });
        }
        seen.push(name);
    }
    None
}

/// Turns one CSV record into a JSON object; empty cells are left out, and a payments file's
/// `allocations` cell (`INV=AMOUNT;INV=AMOUNT`) becomes `paymentAllocations`.
pub fn csv_record_to_object(
    kind: ImportKind,
    header: &[String],
    record: &[String],
) -> Result<Value, String> {
    let mut object = Map::new();
    for (name, cell) in header.iter().zip(record) {
        if cell.is_empty() {
            continue;
        }
        if kind == ImportKind::Payments && name.eq_ignore_ascii_case("allocations") {
            let mut list = Vec::new();
            for part in cell.split(';').filter(|p| !p.trim().is_empty()) {
                let spec = super::payment::parse_allocation_spec(part.trim())?;
                // The invoice as written (an id or a number), resolved when the row is
                // recorded; the text after the last `=` is the amount.
                let invoice = super::invoice_ref::split_allocation(part.trim())
                    .map_or("", |(invoice, _)| invoice.trim());
                list.push(json!({"invoiceId": invoice, "amount": spec.amount.to_string()}));
            }
            object.insert("paymentAllocations".into(), Value::Array(list));
        } else {
            object.insert(name.clone(), Value::String(cell.clone()));
        }
    }
    Ok(Value::Object(object))
}

/// Drops the derived fields an export writes, so an exported record reads back.
pub fn strip_derived(kind: ImportKind, value: &mut Value) {
    let derived: &[&str] = match kind {
        ImportKind::Payments
        | ImportKind::Methods
        | ImportKind::WriteOffs
        | ImportKind::Adjustments
        | ImportKind::CreditWriteOffs => &[],
        ImportKind::Invoices => INVOICE_DERIVED,
        ImportKind::Customers => CUSTOMER_DERIVED,
    };
    if let Value::Object(map) = value {
        map.retain(|k, _| !derived.iter().any(|d| d.eq_ignore_ascii_case(k)));
    }
}

/// What an InvoiceMethodInsert body becomes.
#[derive(Debug, PartialEq)]
pub enum ImiRow {
    /// A received payment, as a Create Payment payload.
    Payment(Value),
    /// A PaymentStatus that says the attempt failed (or is unknown): an activity, no payment.
    Attempt {
        payload: Value,
        failed: bool,
        message: String,
    },
}

/// True when the object is an InvoiceMethodInsert body rather than a Fusebill payload.
pub fn is_invoice_method_insert(value: &Value) -> bool {
    value.as_object().is_some_and(|m| {
        m.keys().any(|k| {
            k.eq_ignore_ascii_case("AmountReceived")
                || k.eq_ignore_ascii_case("InvoicePaymentDetailRequest")
        })
    })
}

/// IMI fields payctl has no place for; they are accepted and left out.
const IMI_IGNORED: &[&str] = &[
    "UserName",
    "PaymentBilledDateTime",
    "BillDueDate",
    "AmountBilled",
    "PaymentDue",
    "PaymentRefundedDateTime",
    "CCTransactionId",
    "CCRefundTransactionID",
    "ContactId",
    "AddressLine1",
    "AddressLine2",
    "AddressLine3",
    "City",
    "StateCode",
    "ZipCode",
    "EmailAddress",
    "Phone",
    "Extension",
    "EmailLogs",
    "CreatedDate",
    "PostageAccountId",
    "PostageCheckId",
    "SourceModule",
    "FSPaymentResponseId",
    "FSReverseResponseId",
];
const IMI_USED: &[&str] = &[
    "CustomerId",
    "AmountReceived",
    "PaymentType",
    "PaymentSource",
    "PaymentReceivedDateTime",
    "CurrencyType",
    "CustomerPaymentNumber",
    "PaymentNote",
    "PaymentStatus",
    "InvoicePaymentDetailRequest",
];

/// Fields of InvoicePaymentDetailRequest: OrderId and AmountApplied make the allocation, the
/// others are accepted and not stored.
const IMI_DETAIL: &[&str] = &[
    "OrderId",
    "AmountApplied",
    "VersionId",
    "PaymentLabel",
    "AmountBilled",
];

/// A JSON value as a user wrote it, for an error message: strings without their quotes.
fn shown(value: &Value) -> String {
    super::text::excerpt(&match value {
        Value::String(s) => s.clone(),
        other => other.to_string(),
    })
}

/// Words in PaymentStatus that mean the money did not arrive.
const FAILED_WORDS: &[&str] = &[
    "fail",
    "declin",
    "reject",
    "error",
    "nsf",
    "return",
    "cancel",
    "void",
    "revers",
    "bounce",
    "insufficient",
];

/// Maps an InvoiceMethodInsert body to a payload (the README has the table).
pub fn from_invoice_method_insert(value: &Value) -> Result<ImiRow, String> {
    let Value::Object(map) = value else {
        return Err("an InvoiceMethodInsert body must be an object".into());
    };
    let get = |name: &str| {
        map.iter()
            .find(|(k, _)| k.eq_ignore_ascii_case(name))
            .map(|(_, v)| v)
            .filter(|v| !v.is_null())
    };
    let text = |name: &str| {
        get(name).and_then(|v| match v {
            Value::String(s) if s.trim().is_empty() => None,
            Value::String(s) => Some(s.trim().to_string()),
            other => Some(other.to_string()),
        })
    };
    if let Some(unknown) = map.keys().find(|k| {
        !IMI_USED
            .iter()
            .chain(IMI_IGNORED)
            .any(|known| known.eq_ignore_ascii_case(k))
    }) {
        return Err(format!(
            "unknown InvoiceMethodInsert field '{}'; the README lists the fields payctl reads",
            super::text::excerpt(unknown)
        ));
    }
    if let Some((_, message)) = super::json::non_scalar_field(map, &["InvoicePaymentDetailRequest"])
    {
        return Err(message);
    }
    let mut payload = Map::new();
    if let Some(v) = get("CustomerId") {
        payload.insert("customerId".into(), v.clone());
    }
    if let Some(v) = get("AmountReceived") {
        payload.insert("amount".into(), v.clone());
    }
    let method = text("PaymentType");
    if let Some(m) = &method {
        payload.insert("paymentMethod".into(), json!(m));
        let folded = m.to_ascii_lowercase().replace(['-', '_', ' '], "");
        if folded == "creditcard" || folded == "ach" {
            // The body has no method id: charge the customer's default method on file.
            payload.insert("useDefaultPaymentMethod".into(), json!(true));
        }
    }
    let source = text("PaymentSource")
        .filter(|s| s.parse::<Source>().is_ok())
        .unwrap_or_else(|| "Import".into());
    payload.insert("source".into(), json!(source));
    if let Some(v) = text("PaymentReceivedDateTime") {
        payload.insert("effectiveTimestamp".into(), json!(v));
    }
    if let Some(v) = text("CurrencyType") {
        payload.insert("currency".into(), json!(v));
    }
    if let Some(v) = text("CustomerPaymentNumber").or_else(|| text("PaymentNote")) {
        payload.insert("reference".into(), json!(v));
    }
    let detail = match get("InvoicePaymentDetailRequest") {
        None => None,
        Some(Value::Object(detail)) => Some(detail),
        // An allocation that cannot be read must not be dropped: the payment would land
        // unallocated and the invoice would stay open.
        Some(other) => {
            return Err(format!(
                "InvoicePaymentDetailRequest '{}' must be an object with OrderId and AmountApplied",
                shown(other)
            ))
        }
    };
    if let Some(detail) = detail {
        if let Some(unknown) = detail
            .keys()
            .find(|k| !IMI_DETAIL.iter().any(|known| known.eq_ignore_ascii_case(k)))
        {
            return Err(format!(
                "unknown InvoicePaymentDetailRequest field '{}'; allowed: {}",
                super::text::excerpt(unknown),
                IMI_DETAIL.join(", ")
            ));
        }
        if let Some((key, message)) = super::json::non_scalar_field(detail, &[]) {
            return Err(message.replacen(
                &format!("field '{}'", excerpt(&key)),
                &format!("field 'InvoicePaymentDetailRequest.{}'", excerpt(&key)),
                1,
            ));
        }
        let dget = |name: &str| {
            detail
                .iter()
                .find(|(k, _)| k.eq_ignore_ascii_case(name))
                .map(|(_, v)| v)
                .filter(|v| !v.is_null())
                .filter(|v| !matches!(v, Value::String(s) if s.trim().is_empty()))
        };
        let applied = dget("AmountApplied").filter(|v| {
            let t = match v {
                Value::String(s) => s.clone(),
                other => other.to_string(),
            };
            super::money::parse_decimal(&t)
                .map(|d| !d.is_zero())
                .unwrap_or(true)
        });
        match (dget("OrderId"), applied) {
            (Some(order), Some(applied)) => {
                // An invoice id or number (SPEC §4), resolved when the payment is recorded.
                let named = match order {
                    Value::Number(n) => n.as_i64().filter(|id| *id > 0).is_some(),
                    Value::String(s) => super::invoice_ref::parse_invoice_ref(s).is_ok(),
                    _ => false,
                };
                if !named {
                    return Err(format!(
                        "InvoicePaymentDetailRequest.OrderId '{}' is not an invoice id or number",
                        shown(order)
                    ));
                }
                payload.insert(
                    "paymentAllocations".into(),
                    json!([{"invoiceId": order, "amount": applied}]),
                );
            }
            (None, Some(applied)) => {
                return Err(format!(
                    "InvoicePaymentDetailRequest applies {} but has no OrderId; name the invoice",
                    shown(applied)
                ))
            }
            _ => {}
        }
    }
    let status = text("PaymentStatus").unwrap_or_default();
    let lower = status.to_ascii_lowercase();
    if FAILED_WORDS.iter().any(|w| lower.contains(w)) || lower == "unknown" {
        // A failed attempt records the amount that was tried (an activity's amount is more
        // than zero). Gateways write AmountReceived 0 for a declined card, since nothing was
        // received: the amount tried is then what the row set out to apply to its invoice.
        // With neither, nothing says what was tried, and the row is refused saying so.
        let zero = |v: &Value| matches!(super::money::decimal_from_json(v), Ok(d) if d.is_zero());
        if let Some(received) = get("AmountReceived").filter(|v| zero(v)) {
            let applied = payload
                .get("paymentAllocations")
                .and_then(|a| a.get(0))
                .and_then(|a| a.get("amount"))
                .cloned();
            match applied {
                Some(applied) => {
                    payload.insert("amount".into(), applied);
                }
                None => {
                    let attempt = if lower == "unknown" {
                        "an attempt of unknown outcome"
                    } else {
                        "a failed attempt"
                    };
                    return Err(format!(
                        "AmountReceived '{}': PaymentStatus '{}' is recorded as {attempt} of the amount that was tried, which must be greater than zero; give the amount that was tried as AmountReceived or as the InvoicePaymentDetailRequest's AmountApplied, or leave the row out (with --rejects FILE the other rows are imported)",
                        shown(received),
                        excerpt(&status)
                    ));
                }
            }
        }
        let payload = Value::Object(payload);
        let message =
            text("PaymentNote").map_or_else(|| status.clone(), |note| format!("{status}: {note}"));
        return Ok(ImiRow::Attempt {
            payload,
            failed: lower != "unknown",
            message,
        });
    }
    Ok(ImiRow::Payment(Value::Object(payload)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn imi_maps_to_a_payload() {
        let body: Value = serde_json::from_str(
            r#"{"CustomerPaymentNumber": "RCPT-1", "CustomerId": 655080, "PaymentType": "Check", "PaymentSource": "Lockbox",
                "PaymentReceivedDateTime": "2026-11-06T19:37:43.4917128+00:00", "AmountReceived": 8.0, "CurrencyType": "USD",
                "PaymentStatus": "Received", "InvoicePaymentDetailRequest": {"OrderId": 566934, "AmountApplied": 5.0}}"#,
        )
        .unwrap();
        let ImiRow::Payment(p) = from_invoice_method_insert(&body).unwrap() else {
            panic!("not a payment")
        };
        assert_eq!(
            p,
            json!({"customerId": 655080, "amount": 8.0, "paymentMethod": "Check", "source": "Import",
                   "effectiveTimestamp": "2026-11-06T19:37:43.4917128+00:00", "currency": "USD", "reference": "RCPT-1",
                   "paymentAllocations": [{"invoiceId": 566934, "amount": 5.0}]})
        );
    }

    #[test]
    fn a_declined_row_that_received_nothing_tried_what_it_applies() {
        let body = json!({"CustomerId": 1, "AmountReceived": 0, "PaymentType": "CreditCard", "PaymentStatus": "Declined",
                          "InvoicePaymentDetailRequest": {"OrderId": 566934, "AmountApplied": "12.50"}});
        match from_invoice_method_insert(&body).unwrap() {
            ImiRow::Attempt { payload, .. } => assert_eq!(payload["amount"], json!("12.50")),
            other => panic!("{other:?}"),
        }
        let nothing = json!({"CustomerId": 1, "AmountReceived": "0.00", "PaymentType": "CreditCard", "PaymentStatus": "Declined"});
        assert!(from_invoice_method_insert(&nothing)
            .unwrap_err()
            .contains("must be greater than zero"));
        // A payment of 0 is still refused as a payment is, by the payment rules.
        let received = json!({"CustomerId": 1, "AmountReceived": 0, "PaymentType": "Cash", "PaymentStatus": "Received",
                             "InvoicePaymentDetailRequest": {"OrderId": 566934, "AmountApplied": 5}});
        let ImiRow::Payment(p) = from_invoice_method_insert(&received).unwrap() else {
            panic!("not a payment")
        };
        assert_eq!(p["amount"], json!(0));
    }

    #[test]
    fn failed_status_is_an_attempt() {
        let body = json!({"CustomerId": 1, "AmountReceived": "8.00", "PaymentType": "CreditCard", "PaymentStatus": "Declined", "PaymentNote": "do not honor"});
        match from_invoice_method_insert(&body).unwrap() {
            ImiRow::Attempt {
                failed, message, ..
            } => {
                assert!(failed);
                assert_eq!(message, "Declined: do not honor");
            }
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn an_allocation_that_cannot_be_read_refuses_the_row() {
        let refused = |detail: Value| {
            let body = json!({"CustomerId": 1, "AmountReceived": 8, "PaymentType": "Cash", "InvoicePaymentDetailRequest": detail});
            from_invoice_method_insert(&body).unwrap_err()
        };
        assert_eq!(
            refused(json!("566934")),
            "InvoicePaymentDetailRequest '566934' must be an object with OrderId and AmountApplied"
        );
        assert_eq!(
            refused(json!({"AmountApplied": 5})),
            "InvoicePaymentDetailRequest applies 5 but has no OrderId; name the invoice"
        );
        assert_eq!(
            refused(json!({"OrderId": "id:abc", "AmountApplied": 5})),
            "InvoicePaymentDetailRequest.OrderId 'id:abc' is not an invoice id or number"
        );
        assert_eq!(
            refused(json!({"OrderId": 1, "AmountApplied": 5, "Colour": "red"})),
            "unknown InvoicePaymentDetailRequest field 'Colour'; allowed: OrderId, AmountApplied, VersionId, PaymentLabel, AmountBilled"
        );
        // Nothing applied is no allocation, not an error.
        let body = json!({"CustomerId": 1, "AmountReceived": 8, "PaymentType": "Cash",
                          "InvoicePaymentDetailRequest": {"OrderId": 566934, "AmountApplied": 0}});
        assert_eq!(
            from_invoice_method_insert(&body).unwrap(),
            ImiRow::Payment(
                json!({"customerId": 1, "amount": 8, "paymentMethod": "Cash", "source": "Import"})
            )
        );
    }

    #[test]
    fn csv_allocations_become_payment_allocations() {
        let header: Vec<String> = ["customerId", "amount", "allocations"]
            .iter()
            .map(|s| s.to_string())
            .collect();
        let record: Vec<String> = ["655080", "50.78", "566934=2.00;566935=1"]
            .iter()
            .map(|s| s.to_string())
            .collect();
        assert_eq!(
            csv_record_to_object(ImportKind::Payments, &header, &record).unwrap(),
            json!({"customerId": "655080", "amount": "50.78", "paymentAllocations": [
                {"invoiceId": "566934", "amount": "2"}, {"invoiceId": "566935", "amount": "1"}]})
        );
        assert!(check_header(
            ImportKind::Payments,
            &["customerId".into(), "amount".into(), "colour".into()]
        )
        .is_err());
    }
}
