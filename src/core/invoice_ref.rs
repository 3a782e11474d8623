//! Invoice references (SPEC §4, "Invoice references (INV)"): wherever an invoice is named, the
//! caller may give its id or its number. The reading is decided here, over the candidates the
//! ledger read inside the writing transaction: the invoice whose id is the token and the
//! invoices whose number is the token.

use super::payment::parse_id;
use super::text::excerpt;
use crate::error::{Error, Problem};

/// The longest invoice number payctl stores (`invoice add --number`, the import column).
pub const MAX_NUMBER: usize = 100;

/// An invoice as the caller named it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum InvoiceRef {
    /// A bare token (`566934`, `INV-2026-0042`): the id of one invoice or the number of
    /// another, whichever exists; both is ambiguous.
    Either(String),
    /// `id:566934`: only the id reading.
    Id(i64),
    /// `number:INV-1042`: only the number reading.
    Number(String),
}

impl InvoiceRef {
    /// The id this reference names without looking anything up, if it can only be one.
    pub fn id_reading(&self) -> Option<i64> {
        match self {
            InvoiceRef::Either(token) => parse_id(token),
            InvoiceRef::Id(id) => Some(*id),
            InvoiceRef::Number(_) => None,
        }
    }

    /// The number this reference may name.
    pub fn number_reading(&self) -> Option<&str> {
        match self {
            InvoiceRef::Either(token) | InvoiceRef::Number(token) => Some(token),
            InvoiceRef::Id(_) => None,
        }
    }

    /// As the caller wrote it, for messages.
    pub fn shown(&self) -> String {
        match self {
            InvoiceRef::Either(token) => excerpt(token),
            InvoiceRef::Id(id) => format!("id:{id}"),
            InvoiceRef::Number(number) => format!("number:{}", excerpt(number)),
        }
    }
}

impl From<i64> for InvoiceRef {
    fn from(id: i64) -> InvoiceRef {
        InvoiceRef::Id(id)
    }
}

/// Reads an invoice reference: `id:N`, `number:TEXT`, or a bare id-or-number. Surrounding
/// spaces are not part of it (numbers are stored trimmed). The prefixes are read in any case.
pub fn parse_invoice_ref(text: &str) -> Result<InvoiceRef, String> {
    let token = text.trim();
    let prefixed = |prefix: &str| {
        token
            .get(..prefix.len())
            .filter(|head| head.eq_ignore_ascii_case(prefix))
            .map(|_| token[prefix.len()..].trim())
    };
    if let Some(rest) = prefixed("id:") {
        return parse_id(rest).map(InvoiceRef::Id).ok_or_else(|| {
            format!(
                "invoice reference 'id:{}' is not an invoice id; after id: give a positive whole number such as id:566934",
                excerpt(rest)
            )
        });
    }
    if let Some(rest) = prefixed("number:") {
        if rest.is_empty() {
            return Err(
                "invoice reference 'number:' has no number; give one after it, such as number:INV-1042"
                    .to_string(),
            );
        }
        return number_token(rest).map(|n| InvoiceRef::Number(n.to_string()));
    }
    if token.is_empty() {
        return Err(
            "invoice reference is empty; give an invoice id (566934) or number (INV-1042)"
                .to_string(),
        );
    }
    number_token(token).map(|n| InvoiceRef::Either(n.to_string()))
}

fn number_token(token: &str) -> Result<&str, String> {
    if token.chars().count() > MAX_NUMBER {
        return Err(format!(
            "invoice reference '{}' is longer than {MAX_NUMBER} characters; invoice numbers are at most {MAX_NUMBER}",
            excerpt(token)
        ));
    }
    if token.chars().any(char::is_control) {
        return Err(format!(
            "invoice reference '{}' contains a control character",
            excerpt(token)
        ));
    }
    Ok(token)
}

/// One invoice the ledger found for a reference.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Candidate {
    pub id: i64,
    pub number: String,
    pub customer_id: i64,
}

/// What the ledger read for one reference: the invoice whose id it is (any customer's), and
/// the invoices whose number it is (only the command's customer's when it has one).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct RefFacts {
    pub by_id: Option<Candidate>,
    pub by_number: Vec<Candidate>,
}

fn described(c: &Candidate) -> String {
    format!(
        "invoice {} (number {}, customer {})",
        c.id,
        excerpt(&c.number),
        c.customer_id
    )
}

/// The invoice id `reference` names, given the candidates the ledger read and the command's
/// customer, if it has one. An `id:` reference, or an id that only another customer's
/// invoice has, is returned as it is: the command's own rules then refuse it as they always
/// did (not found, exit 3; another customer's invoice, exit 1). A reference that names two
/// invoices is refused as ambiguous (exit 1) naming both; a number that names none is not
/// found (exit 3).
pub fn resolve(
    reference: &InvoiceRef,
    customer: Option<i64>,
    facts: &RefFacts,
) -> Result<i64, Error> {
    let mine = |c: &&Candidate| customer.is_none_or(|id| c.customer_id == id);
    let mut found: Vec<&Candidate> = Vec::new();
    if !matches!(reference, InvoiceRef::Number(_)) {
        found.extend(facts.by_id.iter().filter(mine));
    }
    if reference.number_reading().is_some() {
        for c in facts.by_number.iter().filter(mine) {
            if !found.iter().any(|f| f.id == c.id) {
                found.push(c);
            }
        }
    }
    match (found.as_slice(), reference) {
        ([only], _) => Ok(only.id),
        ([], InvoiceRef::Id(id)) => Ok(*id),
        // An id that no invoice has, nor as a number: the command's own "invoice N not found".
        ([], InvoiceRef::Either(_)) if reference.id_reading().is_some() => Ok(facts
            .by_id
            .as_ref()
            .map_or(reference.id_reading().unwrap_or(0), |c| c.id)),
        ([], _) => {
            let number = reference.number_reading().unwrap_or_default();
            let whose = customer
                .map(|id| format!(" for customer {id}"))
                .unwrap_or_default();
            Err(Error::NotFound(Problem::new(
                "invoiceId",
                format!("invoice number '{}' not found{whose}", excerpt(number)),
            )))
        }
        (many, _) => {
            let names: Vec<String> = many.iter().map(|c| described(c)).collect();
            let hint = match reference {
                InvoiceRef::Either(token) if reference.id_reading().is_some() => format!(
                    "; write id:{} or number:{} for one reading",
                    excerpt(token),
                    excerpt(token)
                ),
                _ => format!(
                    "; name it by id: {}",
                    many.iter()
                        .map(|c| format!("id:{}", c.id))
                        .collect::<Vec<_>>()
                        .join(" or ")
                ),
            };
            Err(Error::Rejected(vec![Problem::new(
                "invoiceId",
                format!(
                    "invoice reference '{}' is ambiguous: it names {}{hint}",
                    reference.shown(),
                    names.join(" and ")
                ),
            )]))
        }
    }
}

/// `INV=AMOUNT`, split at the LAST `=`: an amount never holds one, an invoice number may.
pub fn split_allocation(text: &str) -> Option<(&str, &str)> {
    text.rsplit_once('=')
}

/// Two invoice numbers are the same number when they are equal after trimming surrounding
/// spaces: `INV-1` and `inv-1` are two numbers (an issuer's numbering is its own, and a
/// lookup that folds case could not use the index), ` INV-1 ` and `INV-1` are one.
pub fn normalized_number(number: &str) -> &str {
    number.trim()
}

/// The refusal of a number the customer already has (exit 1), naming the invoice that has it.
pub fn duplicate_number_problem(number: &str, customer: i64, existing: i64) -> Problem {
    Problem::new(
        "invoiceNumber",
        format!(
            "invoice number '{}' is already used by invoice {existing} of customer {customer}; invoice numbers are unique per customer",
            excerpt(number)
        ),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn c(id: i64, number: &str, customer_id: i64) -> Candidate {
        Candidate {
            id,
            number: number.into(),
            customer_id,
        }
    }

    #[test]
    fn references_read() {
        assert_eq!(
            parse_invoice_ref(" 566934 "),
            Ok(InvoiceRef::Either("566934".into()))
        );
        assert_eq!(parse_invoice_ref("ID:7"), Ok(InvoiceRef::Id(7)));
        assert_eq!(
            parse_invoice_ref("number: INV-1 "),
            Ok(InvoiceRef::Number("INV-1".into()))
        );
        assert!(parse_invoice_ref("id:abc").unwrap_err().contains("id:abc"));
        assert!(parse_invoice_ref("number:")
            .unwrap_err()
            .contains("no number"));
        assert!(parse_invoice_ref("  ").unwrap_err().contains("empty"));
    }

    #[test]
    fn the_last_equals_sign_splits() {
        assert_eq!(split_allocation("A=B=5"), Some(("A=B", "5")));
    }

    #[test]
    fn one_candidate_resolves_two_are_ambiguous() {
        let r = InvoiceRef::Either("42".into());
        let facts = RefFacts {
            by_id: Some(c(42, "42", 1)),
            by_number: vec![c(42, "42", 1)],
        };
        assert_eq!(resolve(&r, Some(1), &facts).unwrap(), 42);
        let facts = RefFacts {
            by_id: Some(c(42, "A", 1)),
            by_number: vec![c(7, "42", 2)],
        };
        let err = resolve(&r, None, &facts).unwrap_err().to_string();
        assert!(
            err.contains("invoice 42") && err.contains("invoice 7"),
            "{err}"
        );
        // Only the customer's invoices are looked at.
        assert_eq!(resolve(&r, Some(2), &facts).unwrap(), 7);
        assert_eq!(resolve(&InvoiceRef::Id(42), None, &facts).unwrap(), 42);
        let n = InvoiceRef::Number("42".into());
        assert_eq!(resolve(&n, None, &facts).unwrap(), 7);
    }

    #[test]
    fn another_customers_id_is_left_to_the_command_and_a_missing_number_is_not_found() {
        let r = InvoiceRef::Either("42".into());
        let facts = RefFacts {
            by_id: Some(c(42, "A", 1)),
            by_number: vec![],
        };
        assert_eq!(resolve(&r, Some(9), &facts).unwrap(), 42);
        let missing = resolve(
            &InvoiceRef::Either("INV-9".into()),
            Some(9),
            &RefFacts::default(),
        )
        .unwrap_err();
        assert!(matches!(missing, Error::NotFound(_)));
        assert!(missing.to_string().contains("INV-9"));
    }
}
