//! The auto-allocation planner: spread an amount over open invoices in a fixed order.

use chrono::{DateTime, Utc};

use super::enums::AllocationOrder;

/// An invoice that can still take money, as the planner needs it. Amounts are minor units of
/// the one currency the caller has already checked.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct OpenInvoice {
    pub id: i64,
    pub due: DateTime<Utc>,
    pub date: DateTime<Utc>,
    pub outstanding: i64,
}

/// One planned allocation: `amount` minor units to invoice `invoice_id`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Planned {
    pub invoice_id: i64,
    pub amount: i64,
}

/// Sorts invoices in allocation order: oldest first by due date, then invoice date, then id;
/// `NewestToOldest` is the exact reverse. The key includes the id, so the order is total and
/// the plan does not depend on the order the invoices were read in.
pub fn sort_for_allocation(invoices: &mut [OpenInvoice], order: AllocationOrder) {
    invoices.sort_by_key(|i| (i.due, i.date, i.id));
    if order == AllocationOrder::NewestToOldest {
        invoices.reverse();
    }
}

/// Spreads `available` over `invoices` in `order`, each up to its outstanding balance, until
/// the money runs out. Invoices with nothing outstanding are skipped.
pub fn plan_auto(available: i64, invoices: &[OpenInvoice], order: AllocationOrder) -> Vec<Planned> {
    let mut sorted: Vec<OpenInvoice> = invoices
        .iter()
        .filter(|i| i.outstanding > 0)
        .cloned()
        .collect();
    sort_for_allocation(&mut sorted, order);
    let mut left = available.max(0);
    let mut plan = Vec::new();
    for invoice in sorted {
        if left == 0 {
            break;
        }
        let amount = left.min(invoice.outstanding);
        plan.push(Planned {
            invoice_id: invoice.id,
            amount,
        });
        left -= amount;
    }
    plan
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::dates::parse_date;
    use proptest::prelude::*;

    fn inv(id: i64, due: &str, outstanding: i64) -> OpenInvoice {
        let due = parse_date(due).unwrap();
        OpenInvoice {
            id,
            due,
            date: due,
            outstanding,
        }
    }

    #[test]
    fn oldest_first_fills_each_invoice_in_turn() {
        let invoices = [
            inv(3, "2026-03-01", 500),
            inv(1, "2026-01-01", 300),
            inv(2, "2026-02-01", 400),
        ];
        let plan = plan_auto(1000, &invoices, AllocationOrder::OldestToNewest);
        assert_eq!(
            plan,
            vec![
                Planned {
                    invoice_id: 1,
                    amount: 300
                },
                Planned {
                    invoice_id: 2,
                    amount: 400
                },
                Planned {
                    invoice_id: 3,
                    amount: 300
                },
            ]
        );
        let newest = plan_auto(600, &invoices, AllocationOrder::NewestToOldest);
        assert_eq!(
            newest,
            vec![
                Planned {
                    invoice_id: 3,
                    amount: 500
                },
                Planned {
                    invoice_id: 2,
                    amount: 100
                }
            ]
        );
    }

    #[test]
    fn ties_break_on_invoice_date_then_id() {
        let mut a = inv(7, "2026-01-01", 100);
        a.date = parse_date("2025-12-01").unwrap();
        let b = inv(5, "2026-01-01", 100);
        let c = inv(6, "2026-01-01", 100);
        let plan = plan_auto(
            300,
            &[b.clone(), c.clone(), a.clone()],
            AllocationOrder::OldestToNewest,
        );
        let ids: Vec<i64> = plan.iter().map(|p| p.invoice_id).collect();
        assert_eq!(ids, vec![7, 5, 6]);
    }

    fn arb_invoices() -> impl Strategy<Value = Vec<OpenInvoice>> {
        prop::collection::vec((0i64..40, 0i64..1000, 0i64..10_000), 0..30).prop_map(|rows| {
            let base = parse_date("2026-01-01").unwrap();
            rows.into_iter()
                .enumerate()
                .map(|(i, (day, date_day, outstanding))| OpenInvoice {
                    id: i as i64 + 1,
                    due: base + chrono::Duration::days(day),
                    date: base + chrono::Duration::days(date_day % 40),
                    outstanding,
                })
                .collect()
        })
    }

    proptest! {
        // Failing cases are kept beside this file (src/core/*.regressions), not in a folder at
        // the top of the repository, and replayed first on every run.
        #![proptest_config(ProptestConfig {
            failure_persistence: Some(Box::new(
                proptest::test_runner::FileFailurePersistence::WithSource("regressions"),
            )),
            ..ProptestConfig::default()
        })]

        #[test]
        fn plan_never_exceeds_balances_and_sums_exactly(
            invoices in arb_invoices(),
            available in 0i64..200_000,
            newest in any::<bool>(),
        ) {
            let order = if newest { AllocationOrder::NewestToOldest } else { AllocationOrder::OldestToNewest };
            let plan = plan_auto(available, &invoices, order);
            let total: i64 = plan.iter().map(|p| p.amount).sum();
            let open: i64 = invoices.iter().map(|i| i.outstanding).sum();
            prop_assert!(total <= available);
            // Exact: either the money or the open balances run out.
            prop_assert_eq!(total, available.min(open));
            for p in &plan {
                let invoice = invoices.iter().find(|i| i.id == p.invoice_id).unwrap();
                prop_assert!(p.amount > 0 && p.amount <= invoice.outstanding);
            }
            let mut ids: Vec<i64> = plan.iter().map(|p| p.invoice_id).collect();
            ids.sort_unstable();
            ids.dedup();
            prop_assert_eq!(ids.len(), plan.len(), "no invoice twice");
        }

        #[test]
        fn plan_is_deterministic_and_respects_order(
            invoices in arb_invoices(),
            available in 0i64..200_000,
            newest in any::<bool>(),
        ) {
            let order = if newest { AllocationOrder::NewestToOldest } else { AllocationOrder::OldestToNewest };
            let plan = plan_auto(available, &invoices, order);
            let mut shuffled = invoices.clone();
            shuffled.reverse();
            prop_assert_eq!(&plan, &plan_auto(available, &shuffled, order));
            // Only the last planned invoice may be partly paid, and every open invoice before it
            // in the order was filled.
            let mut sorted: Vec<_> = invoices.iter().filter(|i| i.outstanding > 0).cloned().collect();
            sort_for_allocation(&mut sorted, order);
            for (p, invoice) in plan.iter().zip(sorted.iter()) {
                prop_assert_eq!(p.invoice_id, invoice.id);
            }
            for p in plan.iter().take(plan.len().saturating_sub(1)) {
                let invoice = invoices.iter().find(|i| i.id == p.invoice_id).unwrap();
                prop_assert_eq!(p.amount, invoice.outstanding);
            }
        }
    }
}
