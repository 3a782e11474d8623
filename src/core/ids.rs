//! The id a new customer, payment method or invoice gets: the caller's, if it may have it, or
//! the next after the largest in use.

use super::payment::{new_id_problem, next_id, no_id_left};
use crate::error::Problem;

/// What the ledger read to give a new row its id.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct IdFacts {
    /// Whether a row of that kind already has the id the caller gave (false when none given).
    pub given_taken: bool,
    /// The largest id in use for that kind (read when the caller gave none).
    pub largest: Option<i64>,
}

/// The id for a new `kind` (customer, payment method, invoice): `given` when it is in range
/// and free, else the next after the largest in use (up to `MAX_NEW_ID`). `taken` words the
/// refusal of an id that is already in use.
pub fn plan_new_id(
    kind: &str,
    given: Option<i64>,
    facts: &IdFacts,
    taken: impl FnOnce(i64) -> String,
) -> Result<i64, Problem> {
    match given {
        Some(id) => {
            if let Some(problem) = new_id_problem(kind, id) {
                return Err(Problem::new("id", problem));
            }
            if facts.given_taken {
                return Err(Problem::new("id", taken(id)));
            }
            Ok(id)
        }
        None => next_id(facts.largest)
            .ok_or_else(|| Problem::new("id", no_id_left(kind, facts.largest))),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::payment::MAX_NEW_ID;
    use proptest::prelude::*;

    fn taken(id: i64) -> String {
        format!("thing {id} already exists")
    }

    #[test]
    fn refusals_name_the_id() {
        let free = IdFacts::default();
        let used = IdFacts {
            given_taken: true,
            largest: None,
        };
        assert_eq!(
            plan_new_id("invoice", Some(7), &used, taken),
            Err(Problem::new("id", "thing 7 already exists"))
        );
        assert_eq!(
            plan_new_id("invoice", Some(MAX_NEW_ID + 1), &free, taken),
            Err(Problem::new(
                "id",
                "id 9007199254740992 is too large for a new invoice; give an id from 1 to 9007199254740991, or none to have one assigned"
            ))
        );
        let full = IdFacts {
            given_taken: false,
            largest: Some(MAX_NEW_ID),
        };
        assert_eq!(
            plan_new_id("customer", None, &full, taken),
            Err(Problem::new(
                "id",
                "no customer id is left to assign: customer 9007199254740991 has the largest, and payctl assigns ids up to 9007199254740991; give an unused id from 1 to 9007199254740991"
            ))
        );
        assert_eq!(plan_new_id("customer", None, &free, taken), Ok(1));
    }

    proptest! {
        /// A planned id is in range, is the one given when one was, and is never one in use.
        #[test]
        fn planned_ids_are_new_and_in_range(
            given in proptest::option::of(1i64..=i64::MAX),
            given_taken: bool,
            largest in proptest::option::of(0i64..=i64::MAX),
        ) {
            let facts = IdFacts { given_taken: given_taken && given.is_some(), largest };
            match plan_new_id("invoice", given, &facts, taken) {
                Ok(id) => {
                    prop_assert!((1..=MAX_NEW_ID).contains(&id));
                    match given {
                        Some(g) => {
                            prop_assert_eq!(id, g);
                            prop_assert!(!facts.given_taken);
                        }
                        None => prop_assert!(id > largest.unwrap_or(0)),
                    }
                }
                Err(problem) => {
                    prop_assert_eq!(problem.key.as_str(), "id");
                    match given {
                        Some(g) => prop_assert!(g > MAX_NEW_ID || facts.given_taken),
                        None => prop_assert!(largest.unwrap_or(0) >= MAX_NEW_ID),
                    }
                }
            }
        }
    }
}
