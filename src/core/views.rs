//! What commands return: records in Fusebill's JSON shapes (SPEC §3), ready to render.

use serde::Serialize;

use super::currency::Currency;
use super::enums::{
    ActivityStatus, AllocationOrder, InvoiceStatus, MethodType, PaymentMethod, RefundMethod,
    Settlement, Source, TransactionType,
};
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
    pub payment_allocations: Vec<InvoicePaymentView>,
    /// Present only on a dry run (`invoice void|write-off --dry-run`): nothing was written.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub dry_run: bool,
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
