//! A payment attempt that made no payment (a declined card, an unknown outcome): the request
//! and the rules it must meet before it is recorded as an activity.

use rust_decimal::Decimal;

use super::enums::{ActivityStatus, PaymentMethod};
use super::money::Money;
use super::payment::{CustomerFacts, MethodFacts, MAX_REFERENCE};
use super::text::{check_text, excerpt};
use crate::error::Problem;

/// An attempt to record, as `payctl activity add` or an import row gives it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NewAttempt {
    pub customer_id: i64,
    pub amount: Decimal,
    pub method: PaymentMethod,
    pub method_id: Option<i64>,
    pub status: ActivityStatus,
    pub message: String,
    pub source: &'static str,
}

/// An attempt says what happened, within the text rules (control characters, card numbers,
/// 500 characters). An empty message is said to be empty, not also blank.
pub fn message_problem(message: &str) -> Option<Problem> {
    if message.trim().is_empty() {
        return Some(Problem::new(
            "message",
            "message is empty; say what happened (\"card declined\")",
        ));
    }
    check_text(message, MAX_REFERENCE)
        .err()
        .map(|e| Problem::new("message", format!("message '{}' {e}", excerpt(message))))
}

/// What the ledger read for an attempt: its customer, and the method named by id (`None`
/// when none is named, `Some(None)` when the id does not exist).
pub struct AttemptFacts {
    pub customer: CustomerFacts,
    pub named_method: Option<Option<MethodFacts>>,
}

/// The attempt's amount in its customer's currency, once its method is found on file for the
/// customer and is of the attempt's kind. The first problem found is the one returned.
pub fn plan_attempt(new: &NewAttempt, facts: &AttemptFacts) -> Result<Money, Vec<Problem>> {
    let one = |key: &str, message: String| vec![Problem::new(key, message)];
    let amount = Money::from_decimal(new.amount, facts.customer.currency)
        .map_err(|e| one("amount", format!("amount '{}' {e}", new.amount)))?;
    if let Some(id) = new.method_id {
        let method = facts
            .named_method
            .flatten()
            .filter(|m| m.customer_id == new.customer_id)
            .ok_or_else(|| {
                one(
                    "paymentMethodId",
                    format!(
                        "payment method {id} not found for customer {}",
                        new.customer_id
                    ),
                )
            })?;
        if Some(method.method_type) != new.method.method_type() {
            return Err(one(
                "paymentMethodId",
                format!(
                    "payment method {id} is {}, not {}",
                    method.method_type, new.method
                ),
            ));
        }
    }
    Ok(amount)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::{AllocationOrder, Currency, MethodType};
    use proptest::prelude::*;

    fn attempt(amount: Decimal, method_id: Option<i64>) -> NewAttempt {
        NewAttempt {
            customer_id: 1,
            amount,
            method: PaymentMethod::CreditCard,
            method_id,
            status: ActivityStatus::Failed,
            message: "card declined".to_string(),
            source: "Manual",
        }
    }

    fn facts(method: Option<Option<MethodFacts>>) -> AttemptFacts {
        AttemptFacts {
            customer: CustomerFacts {
                id: 1,
                currency: Currency::USD,
                default_method: None,
                order: AllocationOrder::OldestToNewest,
            },
            named_method: method,
        }
    }

    fn messages(problems: Vec<Problem>) -> Vec<String> {
        problems.into_iter().map(|p| p.message).collect()
    }

    #[test]
    fn an_attempt_names_a_method_of_its_customer_and_kind() {
        let card = MethodFacts {
            id: 9,
            customer_id: 1,
            method_type: MethodType::CreditCard,
        };
        let amount = Decimal::new(1250, 2);
        assert_eq!(
            plan_attempt(&attempt(amount, Some(9)), &facts(Some(Some(card)))).unwrap(),
            Money::from_minor(1250, Currency::USD)
        );
        assert_eq!(
            messages(plan_attempt(&attempt(amount, Some(9)), &facts(Some(None))).unwrap_err()),
            ["payment method 9 not found for customer 1"]
        );
        let someone_elses = MethodFacts {
            customer_id: 2,
            ..card
        };
        assert_eq!(
            messages(
                plan_attempt(&attempt(amount, Some(9)), &facts(Some(Some(someone_elses))))
                    .unwrap_err()
            ),
            ["payment method 9 not found for customer 1"]
        );
        let mut ach = attempt(amount, Some(9));
        ach.method = PaymentMethod::Ach;
        assert_eq!(
            messages(plan_attempt(&ach, &facts(Some(Some(card)))).unwrap_err()),
            ["payment method 9 is CreditCard, not ACH"]
        );
    }

    #[test]
    fn the_amount_is_checked_first() {
        // A bad amount and a missing method: only the amount is said.
        assert_eq!(
            messages(
                plan_attempt(&attempt(Decimal::new(1, 3), Some(9)), &facts(Some(None)))
                    .unwrap_err()
            ),
            ["amount '0.001' has 3 decimal places but USD allows 2; amounts are never rounded"]
        );
    }

    proptest! {
        #[test]
        fn an_accepted_attempt_is_its_amount_to_the_cent(minor in -1000i64..10_000_000, scale in 0u32..4) {
            let amount = Decimal::new(minor, scale);
            match plan_attempt(&attempt(amount, None), &facts(None)) {
                Ok(money) => {
                    prop_assert_eq!(money.to_decimal(), amount);
                    prop_assert!(money.minor() > 0);
                }
                Err(problems) => {
                    prop_assert_eq!(problems.len(), 1);
                    prop_assert!(amount <= Decimal::ZERO || amount.normalize().scale() > 2);
                }
            }
        }
    }
}
