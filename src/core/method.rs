//! The add-payment-method request, its checks, and the planner for a new method: its id and
//! whether it becomes the customer's default.

use super::enums::MethodType;
use super::ids::{plan_new_id, IdFacts};
use super::text::{completes_card_number, excerpt, text_problem};
use super::views::MethodView;
use crate::error::Problem;

/// A payment method to add, as `method add` and an import of methods build it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NewMethod {
    pub id: Option<i64>,
    pub customer_id: i64,
    pub method_type: MethodType,
    pub label: Option<String>,
    pub brand: Option<String>,
    pub last4: Option<String>,
    pub make_default: bool,
}

/// What the ledger read for a new method (the customer exists: reading them says so).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct MethodFactsForAdd {
    pub id: IdFacts,
    /// Whether the customer already has a default method.
    pub customer_has_default: bool,
}

/// The method row to write, and whether it becomes its customer's default.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MethodPlan {
    pub id: i64,
    pub customer_id: i64,
    pub method_type: MethodType,
    pub label: Option<String>,
    pub brand: Option<String>,
    pub last4: Option<String>,
    pub make_default: bool,
}

/// The method to write, or why not. The first method of a customer becomes its default.
pub fn plan_method(new: &NewMethod, facts: &MethodFactsForAdd) -> Result<MethodPlan, Vec<Problem>> {
    let id = plan_new_id("payment method", new.id, &facts.id, |id| {
        format!("payment method {id} already exists")
    })
    .map_err(|problem| vec![problem])?;
    Ok(MethodPlan {
        id,
        customer_id: new.customer_id,
        method_type: new.method_type,
        label: new.label.clone(),
        brand: new.brand.clone(),
        last4: new.last4.clone(),
        make_default: new.make_default || !facts.customer_has_default,
    })
}

/// An imported method that is already on file (the same id, or, in a row without one, the
/// same details): imported before when its details are the ones on file (`None`), else
/// refused, naming each difference. `isDefault` counts only when a method is added.
pub fn imported_method_problem(on_file: &MethodView, new: &NewMethod) -> Option<Problem> {
    let shown = |v: &Option<String>| {
        v.as_deref()
            .map_or("none".to_string(), |t| format!("'{}'", excerpt(t)))
    };
    let m = on_file;
    let differences: Vec<String> = [
        (m.customer_id != new.customer_id).then(|| {
            format!(
                "customerId {} here, {} on file",
                new.customer_id, m.customer_id
            )
        }),
        (m.method_type != new.method_type)
            .then(|| format!("type {} here, {} on file", new.method_type, m.method_type)),
        (m.label != new.label).then(|| {
            format!(
                "label {} here, {} on file",
                shown(&new.label),
                shown(&m.label)
            )
        }),
        (m.brand != new.brand).then(|| {
            format!(
                "brand {} here, {} on file",
                shown(&new.brand),
                shown(&m.brand)
            )
        }),
        (m.last4 != new.last4).then(|| {
            format!(
                "last4 {} here, {} on file",
                shown(&new.last4),
                shown(&m.last4)
            )
        }),
    ]
    .into_iter()
    .flatten()
    .collect();
    (!differences.is_empty()).then(|| {
        Problem::new(
            "id",
            format!(
                "payment method {} already exists with other details ({}); give the row another id, or leave id out",
                m.id,
                differences.join("; ")
            ),
        )
    })
}

/// What is wrong with a method's label, brand and last four digits, for `method add` and for
/// an import of methods: no card numbers (also none made of a label or brand and the last
/// four digits beside it), bounded text, exactly four digits.
pub fn details_problems(
    label: Option<&str>,
    brand: Option<&str>,
    last4: Option<&str>,
) -> [Option<Problem>; 5] {
    let split = |key: &str, text: Option<&str>| {
        let (text, last4) = (
            text?,
            last4.filter(|v| v.len() == 4 && v.chars().all(|c| c.is_ascii_digit()))?,
        );
        completes_card_number(text, last4).then(|| {
            Problem::new(
                key,
                format!(
                    "{key} '{}' and last4 '{last4}' together make a card number; payctl never stores card numbers (keep only the last four digits, in last4)",
                    excerpt(&format!("{text} {last4}"))
                        .strip_suffix(&format!(" {last4}"))
                        .unwrap_or("…"),
                ),
            )
        })
    };
    [
        label.and_then(|v| text_problem("label", "label", v, 100)),
        brand.and_then(|v| text_problem("brand", "brand", v, 100)),
        last4
            .filter(|v| v.len() != 4 || !v.chars().all(|c| c.is_ascii_digit()))
            .map(|v| Problem::new("last4", format!("last4 '{}' must be exactly 4 digits (the last four of the card or account)", excerpt(v)))),
        split("label", label),
        split("brand", brand),
    ]
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn new(id: Option<i64>, make_default: bool) -> NewMethod {
        NewMethod {
            id,
            customer_id: 3,
            method_type: MethodType::Ach,
            label: Some("Ops".into()),
            brand: None,
            last4: Some("4242".into()),
            make_default,
        }
    }

    #[test]
    fn a_taken_id_is_refused() {
        let facts = MethodFactsForAdd {
            id: IdFacts {
                given_taken: true,
                largest: None,
            },
            customer_has_default: false,
        };
        assert_eq!(
            plan_method(&new(Some(5), false), &facts),
            Err(vec![Problem::new("id", "payment method 5 already exists")])
        );
    }

    #[test]
    fn details() {
        let problems: Vec<Problem> =
            details_problems(Some("Visa 4111 1111 1111"), None, Some("1111"))
                .into_iter()
                .flatten()
                .collect();
        assert_eq!(problems.len(), 1, "{problems:?}");
        assert_eq!(problems[0].key, "label");
        assert!(
            !problems[0].message.contains("4111 1111 1111"),
            "{problems:?}"
        );
        let problems: Vec<Problem> = details_problems(None, None, Some("12a4"))
            .into_iter()
            .flatten()
            .collect();
        assert_eq!(
            problems,
            vec![Problem::new(
                "last4",
                "last4 '12a4' must be exactly 4 digits (the last four of the card or account)"
            )]
        );
        assert!(details_problems(Some("Ops"), Some("Visa"), Some("4242"))
            .iter()
            .all(Option::is_none));
    }

    proptest! {
        /// A customer always has a default once a method is added: the first method becomes
        /// it, a later one only when asked. A refusal plans nothing.
        #[test]
        fn the_first_method_is_the_default(
            id in proptest::option::of(1i64..=i64::MAX),
            given_taken: bool,
            largest in proptest::option::of(0i64..=i64::MAX),
            make_default: bool,
            customer_has_default: bool,
        ) {
            let request = new(id, make_default);
            let facts = MethodFactsForAdd {
                id: IdFacts { given_taken: given_taken && id.is_some(), largest },
                customer_has_default,
            };
            match plan_method(&request, &facts) {
                Ok(plan) => {
                    prop_assert_eq!(plan.make_default, make_default || !customer_has_default);
                    prop_assert!(plan.make_default || customer_has_default);
                    prop_assert_eq!(plan.customer_id, request.customer_id);
                    prop_assert_eq!(&plan.last4, &request.last4);
                    prop_assert!(id.is_none_or(|given| given == plan.id));
                }
                Err(problems) => {
                    prop_assert_eq!(problems.len(), 1);
                    prop_assert_eq!(problems[0].key.as_str(), "id");
                }
            }
        }
    }

    fn on_file(new: &NewMethod) -> MethodView {
        MethodView {
            id: new.id.unwrap_or(8),
            customer_id: new.customer_id,
            method_type: new.method_type,
            label: new.label.clone(),
            brand: new.brand.clone(),
            last4: new.last4.clone(),
            is_default: false,
        }
    }

    #[test]
    fn an_imported_method_on_file_with_other_details_is_refused() {
        let request = new(Some(8), true);
        assert_eq!(imported_method_problem(&on_file(&request), &request), None);
        let mut other = on_file(&request);
        other.label = None;
        other.last4 = Some("0005".into());
        assert_eq!(
            imported_method_problem(&other, &request),
            Some(Problem::new(
                "id",
                "payment method 8 already exists with other details (label 'Ops' here, none on file; last4 '4242' here, '0005' on file); give the row another id, or leave id out"
            ))
        );
    }

    proptest! {
        /// A method on file is the imported one exactly when customer, type, label, brand and
        /// last four digits all match; whether it is the default does not count.
        #[test]
        fn an_imported_method_matches_on_its_details(
            customer in 2i64..=4,
            label in proptest::option::of(prop_oneof![Just("Ops".to_string()), Just("a".to_string())]),
            brand in proptest::option::of(Just("Visa".to_string())),
            last4 in proptest::option::of(prop_oneof![Just("4242".to_string()), Just("0001".to_string())]),
            ach: bool,
            is_default: bool,
            make_default: bool,
        ) {
            let request = new(Some(8), make_default);
            let file = MethodView {
                id: 8,
                customer_id: customer,
                method_type: if ach { MethodType::Ach } else { MethodType::Paypal },
                label,
                brand,
                last4,
                is_default,
            };
            let same = file.customer_id == request.customer_id
                && file.method_type == request.method_type
                && file.label == request.label
                && file.brand == request.brand
                && file.last4 == request.last4;
            prop_assert_eq!(imported_method_problem(&file, &request).is_none(), same);
        }
    }
}
