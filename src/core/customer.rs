//! The add-customer request, its checks, and the planner that gives it its id.

use super::currency::Currency;
use super::enums::AllocationOrder;
use super::ids::{plan_new_id, IdFacts};
use super::text::{excerpt, text_problem};
use crate::error::Problem;

/// A customer to add, as `customer add` and an import of customers build it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NewCustomer {
    pub id: Option<i64>,
    pub name: String,
    pub email: Option<String>,
    pub currency: Currency,
    pub order: AllocationOrder,
}

/// What the ledger read for a new customer.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct CustomerFactsForAdd {
    pub id: IdFacts,
}

/// The customer row to write.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CustomerPlan {
    pub id: i64,
    pub name: String,
    pub email: Option<String>,
    pub currency: Currency,
    pub order: AllocationOrder,
}

/// The customer to write, or why not: the id given must be in range and free (else the next
/// one is assigned).
pub fn plan_customer(
    new: &NewCustomer,
    facts: &CustomerFactsForAdd,
) -> Result<CustomerPlan, Vec<Problem>> {
    let id = plan_new_id("customer", new.id, &facts.id, |id| {
        format!("customer {id} already exists; see it with: payctl customer show {id}")
    })
    .map_err(|problem| vec![problem])?;
    Ok(CustomerPlan {
        id,
        name: new.name.clone(),
        email: new.email.clone(),
        currency: new.currency,
        order: new.order,
    })
}

/// `customer add`'s checks of a (trimmed) name and an email, before the ledger is opened.
pub fn add_problems(name: &str, email: Option<&str>) -> Vec<Problem> {
    let empty_name = name
        .is_empty()
        .then(|| Problem::new("name", "name is empty; give the customer's name"));
    std::iter::once(empty_name)
        .chain(details_problems(name, email))
        .flatten()
        .collect()
}

/// What is wrong with a customer's name (beyond being empty) and email, for `customer add`
/// and for an import of customers: bounded text without card numbers or control characters,
/// and an email that looks like one.
pub fn details_problems(name: &str, email: Option<&str>) -> [Option<Problem>; 3] {
    [
        text_problem("name", "name", name, 200),
        email.and_then(|e| text_problem("email", "email", e, 254)),
        email.filter(|e| !is_plausible_email(e)).map(|e| {
            Problem::new(
                "email",
                format!(
                    "email '{}' is not an email address (name@example.com)",
                    excerpt(e)
                ),
            )
        }),
    ]
}

/// One `@` with text on both sides and a dot in the domain: enough to catch a swapped field,
/// without pretending to validate deliverability.
fn is_plausible_email(text: &str) -> bool {
    match text.split_once('@') {
        Some((local, domain)) => {
            !local.is_empty()
                && domain.contains('.')
                && !domain.starts_with('.')
                && !domain.ends_with('.')
                && !domain.contains('@')
                && !text.contains(' ')
        }
        None => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn new(id: Option<i64>) -> NewCustomer {
        NewCustomer {
            id,
            name: "Acme".into(),
            email: Some("ap@acme.example".into()),
            currency: Currency::USD,
            order: AllocationOrder::OldestToNewest,
        }
    }

    #[test]
    fn a_taken_id_is_refused_with_where_to_see_it() {
        let facts = CustomerFactsForAdd {
            id: IdFacts {
                given_taken: true,
                largest: None,
            },
        };
        assert_eq!(
            plan_customer(&new(Some(12)), &facts),
            Err(vec![Problem::new(
                "id",
                "customer 12 already exists; see it with: payctl customer show 12"
            )])
        );
    }

    #[test]
    fn names_and_emails() {
        assert_eq!(
            add_problems("", Some("nobody")),
            vec![
                Problem::new("name", "name is empty; give the customer's name"),
                Problem::new(
                    "email",
                    "email 'nobody' is not an email address (name@example.com)"
                ),
            ]
        );
        assert!(add_problems("Acme", Some("ap@acme.example")).is_empty());
        assert!(!is_plausible_email("a@b"));
        assert!(!is_plausible_email("a b@c.d"));
        assert!(is_plausible_email("a@b.c"));
    }

    proptest! {
        /// A plan writes the request's details under a new id; a refusal plans nothing.
        #[test]
        fn plans_keep_the_request(
            id in proptest::option::of(1i64..=i64::MAX),
            given_taken: bool,
            largest in proptest::option::of(0i64..=i64::MAX),
        ) {
            let request = new(id);
            let facts = CustomerFactsForAdd { id: IdFacts { given_taken: given_taken && id.is_some(), largest } };
            match plan_customer(&request, &facts) {
                Ok(plan) => {
                    prop_assert_eq!(&plan.name, &request.name);
                    prop_assert_eq!(&plan.email, &request.email);
                    prop_assert!(plan.id >= 1);
                    prop_assert!(id.is_none_or(|given| given == plan.id && !facts.id.given_taken));
                }
                Err(problems) => {
                    prop_assert_eq!(problems.len(), 1);
                    prop_assert_eq!(problems[0].key.as_str(), "id");
                }
            }
        }
    }
}
