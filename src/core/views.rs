//! What commands return: records in Fusebill's JSON shapes (SPEC §3), ready to render.

use serde::Serialize;

use super::currency::Currency;
use super::enums::{
    ActivityStatus, AllocationOrder, InvoiceStatus, MethodType, PaymentMethod, RefundMethod,
    Settlement, Source, TransactionType,
};
use super::invoice::{derive_status, outstanding, Closure};
use super::money::{Money, MoneyError};

#[derive(Clone, Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct CustomerView {
    pub id: i64,
    pub name: String,
    pub email: Option<String>,
    pub currency: Currency,
    pub default_payment_method_id: Option<i64>,
    pub auto_allocate_order: AllocationOrder,
    pub outstanding_balance: Money,
    pub available_funds: Money,
}

#[derive(Clone, Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct MethodView {
    pub id: i64,
    pub customer_id: i64,
    #[serde(rename = "type")]
    pub method_type: MethodType,
    pub label: Option<String>,
    pub brand: Option<String>,
    pub last4: Option<String>,
    pub is_default: bool,
}

#[derive(Clone, Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct InvoicePaymentView {
    pub payment_id: i64,
    pub amount: Money,
    pub effective_timestamp: String,
}

#[derive(Clone, Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct InvoiceView {
    pub id: i64,
    pub invoice_number: String,
    pub customer_id: i64,
    pub currency: Currency,
    pub invoice_amount: Money,
    pub total_payments: Money,
    pub outstanding_balance: Money,
    pub status: InvoiceStatus,
    pub overdue: bool,
    pub effective_timestamp: String,
    pub due_date: String,
    /// The amount written off, when the invoice was written off.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub written_off_amount: Option<Money>,
    /// Why the invoice was voided or written off.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub closed_reason: Option<String>,
    /// Its credit notes, debit notes and partial write-offs, oldest first; left out, with the
    /// three sums below, when it has none.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub adjustments: Vec<AdjustmentView>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub credit_notes: Option<Money>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub debit_notes: Option<Money>,
    /// The sum of its partial write-offs (`invoice write-off --amount`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub written_off: Option<Money>,
    pub payment_allocations: Vec<InvoicePaymentView>,
    /// Present only on a dry run (`invoice void|write-off --dry-run`): nothing was written.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub dry_run: bool,
}

/// A customer's unapplied credit written off (`credit write-off`): what it took from each
/// payment, and what the customer has left.
#[derive(Clone, Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct CreditWriteOffView {
    /// `None` in a dry run: nothing was written, so there is no id yet.
    pub id: Option<i64>,
    pub customer_id: i64,
    pub amount: Money,
    pub currency: Currency,
    pub reason: String,
    pub effective_timestamp: String,
    pub payments: Vec<CreditWriteOffPartView>,
    /// The customer's available funds after it.
    pub available_funds: Money,
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub dry_run: bool,
}

/// What a credit write-off took from one payment, and what that payment holds unallocated after.
#[derive(Clone, Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct CreditWriteOffPartView {
    pub payment_id: i64,
    pub amount: Money,
    pub unallocated_amount: Money,
}

/// One credit note, debit note or partial write-off of an invoice.
#[derive(Clone, Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct AdjustmentView {
    pub id: i64,
    pub kind: crate::core::adjustment::AdjustmentKind,
    pub amount: Money,
    pub reason: String,
    pub effective_timestamp: String,
}

#[derive(Clone, Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct PaymentAllocationView {
    pub invoice_id: i64,
    pub invoice_number: String,
    pub amount: Money,
    pub outstanding_balance: Money,
    pub invoice_total: Money,
    /// The invoice's status now (Payload's rule: paid or partially_paid once money is applied).
    pub status: InvoiceStatus,
}

#[derive(Clone, Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct RefundAllocationView {
    pub invoice_id: i64,
    pub amount: Money,
}

#[derive(Clone, Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct RefundView {
    pub id: i64,
    pub payment_activity_id: Option<i64>,
    pub amount: Money,
    pub currency: Currency,
    pub reference: Option<String>,
    pub effective_timestamp: String,
    pub original_payment_id: i64,
    pub invoice_allocations: Vec<RefundAllocationView>,
    pub method: RefundMethod,
}

#[derive(Clone, Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct SettlementView {
    pub status: Settlement,
    pub modified_timestamp: String,
    pub last_checked_timestamp: Option<String>,
    pub next_check_timestamp: Option<String>,
    pub message: Option<String>,
}

#[derive(Clone, Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct PaymentView {
    /// `None` in a dry run: nothing was written, so there is no id yet.
    pub id: Option<i64>,
    pub payment_activity_id: Option<i64>,
    pub customer_id: i64,
    pub reference: Option<String>,
    pub effective_timestamp: String,
    pub amount: Money,
    pub currency: Currency,
    pub payment_method: PaymentMethod,
    pub payment_method_id: Option<i64>,
    pub source: Source,
    pub invoice_allocations: Vec<PaymentAllocationView>,
    pub refunds: Vec<RefundView>,
    pub unallocated_amount: Money,
    pub refundable_amount: Money,
    /// Unapplied credit written off this payment by `credit write-off`: neither allocated,
    /// nor unallocated, nor refundable any more. Left out when nothing was.
    #[serde(skip_serializing_if = "Money::is_zero")]
    pub credit_written_off: Money,
    pub gateway_fee: Money,
    pub settlement: SettlementView,
    pub voided: bool,
    pub uri: Option<String>,
    /// Every invoice the command that printed this payment touched (allocated to, took money
    /// back from, reopened), as it is after the command. Only the commands that move money
    /// print it; `show` and `list` leave it out.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub touched_invoices: Option<Vec<TouchedInvoiceView>>,
    /// Present only on a dry run (`--dry-run`): this is what a real run would write, and
    /// nothing was written.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub dry_run: bool,
}

impl PaymentView {
    /// What was refunded of this payment so far: the sum of its refunds, checked.
    pub fn refunded(&self) -> Result<Money, MoneyError> {
        self.refunds
            .iter()
            .try_fold(Money::zero(self.currency), |sum, r| {
                sum.checked_add(r.amount)
            })
    }
}

/// What the ledger read of one payment, to be shown as a Payment Object: its row, its
/// balances, and its last settlement event. The view is built from these by
/// [`PaymentView::from_facts`], so the ledger only reads.
#[derive(Clone, Debug)]
pub struct PaymentFacts {
    pub id: i64,
    pub customer_id: i64,
    pub amount: i64,
    pub currency: Currency,
    pub method: PaymentMethod,
    pub method_id: Option<i64>,
    pub source: Source,
    pub reference: Option<String>,
    pub effective: String,
    pub gateway_fee: i64,
    pub created: String,
    pub allocated: i64,
    pub refunded: i64,
    /// Unapplied credit written off this payment (`credit write-off`).
    pub written_off: i64,
    pub settlement: Settlement,
    pub voided: bool,
    pub activity_id: Option<i64>,
    /// The last `settled` or `failed` event: when it was dated, and its message.
    pub last_event: Option<(String, Option<String>)>,
}

/// One invoice as read beside a payment or a command: the minor units applied to it (net) and
/// its balance now.
#[derive(Clone, Debug)]
pub struct InvoiceBalanceFacts {
    pub invoice_id: i64,
    pub invoice_number: String,
    pub applied: i64,
    pub total: i64,
    pub allocated: i64,
    pub closure: Option<Closure>,
}

impl PaymentAllocationView {
    /// A payment's allocation to one invoice: what it applied, and the invoice's balance and
    /// status now (nothing is owed once it is closed).
    pub fn from_facts(facts: InvoiceBalanceFacts, currency: Currency) -> PaymentAllocationView {
        let money = |minor| Money::from_minor(minor, currency);
        PaymentAllocationView {
            invoice_id: facts.invoice_id,
            invoice_number: facts.invoice_number,
            amount: money(facts.applied),
            outstanding_balance: money(outstanding(facts.closure, facts.allocated, facts.total)),
            invoice_total: money(facts.total),
            status: derive_status(facts.closure, facts.allocated, facts.total),
        }
    }
}

impl TouchedInvoiceView {
    /// An invoice a command touched: what the command applied to it (net), and its balance
    /// and status now. The same rule as [`PaymentAllocationView::from_facts`].
    pub fn from_facts(facts: InvoiceBalanceFacts, currency: Currency) -> TouchedInvoiceView {
        let money = |minor| Money::from_minor(minor, currency);
        TouchedInvoiceView {
            invoice_id: facts.invoice_id,
            invoice_number: facts.invoice_number,
            applied: money(facts.applied),
            outstanding_balance: money(outstanding(facts.closure, facts.allocated, facts.total)),
            invoice_total: money(facts.total),
            status: derive_status(facts.closure, facts.allocated, facts.total),
        }
    }

    /// The views of every invoice a command touched, in the order the ledger read them.
    pub fn all_from_facts(
        touched: Vec<(InvoiceBalanceFacts, Currency)>,
    ) -> Vec<TouchedInvoiceView> {
        touched
            .into_iter()
            .map(|(facts, currency)| TouchedInvoiceView::from_facts(facts, currency))
            .collect()
    }
}

impl PaymentView {
    /// The Payment Object of what the ledger read. A payment that bounced or was voided no
    /// longer counts: nothing is left to allocate or refund.
    pub fn from_facts(
        facts: PaymentFacts,
        invoice_allocations: Vec<PaymentAllocationView>,
        refunds: Vec<RefundView>,
    ) -> PaymentView {
        let currency = facts.currency;
        let money = |minor| Money::from_minor(minor, currency);
        let (modified, message) = facts
            .last_event
            .map_or((None, None), |(m, msg)| (Some(m), msg));
        let live = !facts.voided && facts.settlement != Settlement::Failed;
        let unallocated = if live {
            facts.amount - facts.allocated - facts.refunded - facts.written_off
        } else {
            0
        };
        let refundable = if live {
            facts.amount - facts.refunded - facts.written_off
        } else {
            0
        };
        let id = facts.id;
        PaymentView {
            id: Some(id),
            payment_activity_id: facts.activity_id,
            customer_id: facts.customer_id,
            reference: facts.reference,
            effective_timestamp: facts.effective,
            amount: money(facts.amount),
            currency,
            payment_method: facts.method,
            payment_method_id: facts.method_id,
            source: facts.source,
            invoice_allocations,
            refunds,
            unallocated_amount: money(unallocated),
            refundable_amount: money(refundable),
            credit_written_off: money(facts.written_off),
            gateway_fee: money(facts.gateway_fee),
            settlement: SettlementView {
                status: facts.settlement,
                modified_timestamp: modified.unwrap_or(facts.created),
                last_checked_timestamp: None,
                next_check_timestamp: None,
                message,
            },
            voided: facts.voided,
            uri: Some(format!("payctl://payments/{id}")),
            touched_invoices: None,
            dry_run: false,
        }
    }
}

/// An invoice a money-moving command touched, as it is after the command.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct TouchedInvoiceView {
    pub invoice_id: i64,
    pub invoice_number: String,
    /// What the command applied to it, net: negative when it took money back.
    pub applied: Money,
    pub outstanding_balance: Money,
    pub invoice_total: Money,
    pub status: InvoiceStatus,
}

#[derive(Clone, Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ActivityView {
    pub id: i64,
    pub customer_id: i64,
    pub transaction_type: TransactionType,
    pub status: ActivityStatus,
    pub amount: Money,
    pub currency: Currency,
    pub payment_method: String,
    pub payment_method_id: Option<i64>,
    pub source: String,
    pub effective_timestamp: String,
    pub message: Option<String>,
    pub payment_id: Option<i64>,
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn settlement() -> impl Strategy<Value = Settlement> {
        prop_oneof![
            Just(Settlement::Unknown),
            Just(Settlement::Pending),
            Just(Settlement::Successful),
            Just(Settlement::Failed),
        ]
    }

    fn closure() -> impl Strategy<Value = Option<Closure>> {
        prop_oneof![
            Just(None),
            Just(Some(Closure::Void)),
            Just(Some(Closure::WrittenOff)),
        ]
    }

    fn payment(amount: i64, allocated: i64, refunded: i64) -> PaymentFacts {
        PaymentFacts {
            id: 7,
            customer_id: 1,
            amount,
            currency: Currency::USD,
            method: PaymentMethod::Check,
            method_id: None,
            source: Source::Manual,
            reference: None,
            effective: "2026-11-01T00:00:00Z".into(),
            gateway_fee: 0,
            created: "2026-11-02T00:00:00Z".into(),
            allocated,
            refunded,
            written_off: 0,
            settlement: Settlement::Successful,
            voided: false,
            activity_id: None,
            last_event: None,
        }
    }

    proptest! {
        /// A live payment's amount is exactly what it allocated, refunded and holds unallocated;
        /// a bounced or voided one holds nothing to allocate or refund.
        #[test]
        fn a_payment_holds_what_is_left_only_while_it_is_live(
            amount in 1i64..1_000_000_000_000,
            allocated_per_mille in 0i64..=1000,
            refunded_per_mille in 0i64..=1000,
            settlement in settlement(),
            voided in any::<bool>(),
        ) {
            let allocated = amount / 1000 * allocated_per_mille;
            let refunded = (amount - allocated) / 1000 * refunded_per_mille;
            let mut facts = payment(amount, allocated, refunded);
            facts.settlement = settlement;
            facts.voided = voided;
            let view = PaymentView::from_facts(facts, Vec::new(), Vec::new());
            let (unallocated, refundable) = (view.unallocated_amount.minor(), view.refundable_amount.minor());
            if voided || settlement == Settlement::Failed {
                prop_assert_eq!((unallocated, refundable), (0, 0));
            } else {
                prop_assert_eq!(unallocated + allocated + refunded, amount);
                prop_assert_eq!(refundable + refunded, amount);
            }
            prop_assert_eq!(view.amount.minor(), amount);
            prop_assert_eq!(view.id, Some(7));
            prop_assert_eq!(view.settlement.status, settlement);
        }

        /// An invoice a payment paid owes its total less what was applied to it, nothing once
        /// closed, and its status follows the one rule.
        #[test]
        fn an_allocation_shows_the_invoice_balance(
            total in 1i64..1_000_000_000_000,
            allocated_per_mille in 0i64..=1000,
            closure in closure(),
        ) {
            let allocated = total / 1000 * allocated_per_mille;
            let facts = InvoiceBalanceFacts {
                invoice_id: 3,
                invoice_number: "INV-3".into(),
                applied: allocated,
                total,
                allocated,
                closure,
            };
            let touched = TouchedInvoiceView::from_facts(facts.clone(), Currency::USD);
            let view = PaymentAllocationView::from_facts(facts, Currency::USD);
            match closure {
                Some(_) => prop_assert_eq!(view.outstanding_balance.minor(), 0),
                None => prop_assert_eq!(view.outstanding_balance.minor() + allocated, total),
            }
            prop_assert_eq!(view.amount.minor(), allocated);
            prop_assert_eq!(view.invoice_total.minor(), total);
            prop_assert_eq!(view.status, derive_status(closure, allocated, total));
            // A command's touched invoice shows the same balance and status.
            prop_assert_eq!(touched.outstanding_balance, view.outstanding_balance);
            prop_assert_eq!(touched.invoice_total, view.invoice_total);
            prop_assert_eq!(touched.applied, view.amount);
            prop_assert_eq!(touched.status, view.status);
        }
    }

    #[test]
    fn the_last_settlement_event_dates_and_explains_the_settlement() {
        let view = PaymentView::from_facts(payment(100, 0, 0), Vec::new(), Vec::new());
        assert_eq!(view.settlement.modified_timestamp, "2026-11-02T00:00:00Z");
        assert_eq!(view.settlement.message, None);
        let mut facts = payment(100, 0, 0);
        facts.last_event = Some(("2026-11-05T00:00:00Z".into(), Some("NSF".into())));
        let view = PaymentView::from_facts(facts, Vec::new(), Vec::new());
        assert_eq!(view.settlement.modified_timestamp, "2026-11-05T00:00:00Z");
        assert_eq!(view.settlement.message.as_deref(), Some("NSF"));
        assert_eq!(view.uri.as_deref(), Some("payctl://payments/7"));
    }
}
