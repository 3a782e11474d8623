//! Invoice status, derived from the ledger's rows (never typed in).

use super::enums::InvoiceStatus;

/// How an invoice was closed for good, if it was.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Closure {
    Void,
    WrittenOff,
}

/// Payload's rule: nothing applied is `unpaid`, part of the total is `partially_paid`, all of
/// it is `paid`; a void or a write-off is final.
pub fn derive_status(closure: Option<Closure>, allocated: i64, total: i64) -> InvoiceStatus {
    match closure {
        Some(Closure::Void) => InvoiceStatus::Void,
        Some(Closure::WrittenOff) => InvoiceStatus::WrittenOff,
        None if allocated <= 0 => InvoiceStatus::Unpaid,
        None if allocated < total => InvoiceStatus::PartiallyPaid,
        None => InvoiceStatus::Paid,
    }
}

/// What is still owed: nothing once the invoice is closed.
pub fn outstanding(closure: Option<Closure>, allocated: i64, total: i64) -> i64 {
    match closure {
        Some(_) => 0,
        None => total - allocated,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn statuses() {
        assert_eq!(derive_status(None, 0, 100), InvoiceStatus::Unpaid);
        assert_eq!(derive_status(None, 1, 100), InvoiceStatus::PartiallyPaid);
        assert_eq!(derive_status(None, 100, 100), InvoiceStatus::Paid);
        assert_eq!(
            derive_status(Some(Closure::Void), 0, 100),
            InvoiceStatus::Void
        );
        assert_eq!(
            derive_status(Some(Closure::WrittenOff), 40, 100),
            InvoiceStatus::WrittenOff
        );
        assert_eq!(outstanding(Some(Closure::WrittenOff), 40, 100), 0);
        assert_eq!(outstanding(None, 40, 100), 60);
    }
}
