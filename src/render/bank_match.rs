//! How `bank match` prints its proposals.

use super::table::Kind;
use super::{field, opt, shown, Field, Record};
use crate::core::bank_match::ProposalView;

impl Record for ProposalView {
    const SPARE: &'static [&'static str] = &["payerName", "currency", "bookingDate"];
    const FIELDS: &'static [Field] = &[
        field("lineId", "Line", Kind::Id),
        field("bookingDate", "Date", Kind::Date),
        field("amount", "Amount", Kind::Money),
        field("currency", "Currency", Kind::Fixed),
        field("payerName", "Payer", Kind::Text),
        field("customerId", "Customer", Kind::Id),
        field("reason", "Reason", Kind::Fixed),
        field("allocations", "Allocations", Kind::Text),
        field("detail", "Why", Kind::Text),
        shown("run", "Run", Kind::Id, false),
    ];
    fn values(&self) -> Vec<String> {
        vec![
            self.line_id.to_string(),
            self.booking_date.clone(),
            self.amount.to_string(),
            self.currency.to_string(),
            opt(&self.payer_name),
            opt(&self.customer_id),
            self.reason.to_string(),
            self.allocations
                .iter()
                .map(|a| format!("{}={}", a.invoice_id, a.amount))
                .collect::<Vec<_>>()
                .join(";"),
            self.detail.clone(),
            opt(&self.run),
        ]
    }
}
