//! Each currency's ledger total (every invoice total and payment amount recorded in it, added
//! up): the rule that refuses a write taking it past what payctl can sum. The ledger reads the
//! current total (a fact) and stores the one this rule returns.

use super::money::{ledger_total_after, Money};
use crate::error::{Error, Problem};

/// The ledger total of `amount`'s currency once `amount` (an invoice total or a payment
/// amount: JSON key `key`, called `field` in the refusal) is recorded on top of `total`, or
/// the refusal (exit 1) naming the amount, the limit and the room left.
pub fn total_after(total: i64, key: &str, field: &str, amount: Money) -> Result<i64, Problem> {
    ledger_total_after(total, field, amount).map_err(|message| Problem::new(key, message))
}

/// [`total_after`] as a refusal, for a writer whose planner does not take the ledger total as
/// one of its facts yet (`ledger::totals::charge`).
pub fn charge(total: i64, key: &str, field: &str, amount: Money) -> crate::error::Result<i64> {
    total_after(total, key, field, amount).map_err(|problem| Error::Rejected(vec![problem]))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::Currency;
    use proptest::prelude::*;

    #[test]
    fn the_refusal_names_the_key_and_the_room_left() {
        let eur = |minor| Money::from_minor(minor, Currency::from_code("EUR").expect("EUR"));
        assert_eq!(total_after(5, "amount", "amount", eur(7)), Ok(12));
        let problem = total_after(i64::MAX - 7, "invoiceAmount", "invoice total", eur(8))
            .expect_err("past the limit");
        assert_eq!(problem.key, "invoiceAmount");
        assert_eq!(
            problem.message,
            "invoice total 0.08 EUR would take the ledger's EUR total (every invoice and payment in EUR, added up) past 92233720368547758.07 EUR, the most payctl can sum; at most 0.07 EUR more can be recorded in EUR"
        );
        assert!(matches!(
            charge(i64::MAX, "amount", "amount", eur(1)),
            Err(Error::Rejected(p)) if p.len() == 1 && p[0].key == "amount"
        ));
    }

    proptest! {
        // Failing cases are kept beside this file (src/core/totals.regressions), as in money.
        #![proptest_config(ProptestConfig {
            failure_persistence: Some(Box::new(
                proptest::test_runner::FileFailurePersistence::WithSource("regressions"),
            )),
            ..ProptestConfig::default()
        })]

        /// Refused exactly when the sum does not fit, and otherwise the exact sum.
        #[test]
        fn exact_or_refused(
            (total, minor) in (0i64..=i64::MAX).prop_flat_map(|total| {
                let room = i64::MAX - total;
                (Just(total), prop_oneof![Just(room), Just(room.saturating_add(1)), 0i64..=i64::MAX])
            }),
        ) {
            let amount = Money::from_minor(minor, Currency::USD);
            match total_after(total, "amount", "amount", amount) {
                Ok(after) => prop_assert_eq!(Some(after), total.checked_add(minor)),
                Err(problem) => {
                    prop_assert!(total.checked_add(minor).is_none());
                    prop_assert_eq!(problem.key.as_str(), "amount");
                }
            }
        }
    }
}
