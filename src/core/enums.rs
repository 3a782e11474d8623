//! The closed sets of values payctl accepts, read in Fusebill's spelling or kebab-case.

use std::fmt;
use std::str::FromStr;

/// Lower-cases and drops `-`, `_` and spaces, so `CreditCard`, `credit-card` and `creditcard`
/// are one spelling.
fn fold(text: &str) -> String {
    text.chars()
        .filter(|c| !matches!(c, '-' | '_' | ' '))
        .flat_map(char::to_lowercase)
        .collect()
}

/// Error for a value outside a closed set; its text lists what is allowed.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("'{}' is not allowed; allowable values are: {}", super::text::excerpt(.value), .allowed.join(", "))]
pub struct UnknownValue {
    pub value: String,
    pub allowed: &'static [&'static str],
}

/// A closed set read from text: its values' canonical spellings, for front ends that offer them
/// (shell completion, help) while `FromStr` keeps accepting every other spelling.
pub trait ClosedSet: FromStr<Err = UnknownValue> + Copy + Send + Sync + 'static {
    /// Every value, in its canonical (stored and printed) spelling.
    fn names() -> &'static [&'static str];
}

macro_rules! spelled_enum {
    ($(#[$meta:meta])* $name:ident { $($variant:ident => $text:literal),+ $(,)? }) => {
        $(#[$meta])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub enum $name { $($variant),+ }

        impl $name {
            /// Every value, in Fusebill's spelling.
            pub const NAMES: &'static [&'static str] = &[$($text),+];
            pub const ALL: &'static [$name] = &[$($name::$variant),+];

            pub fn as_str(&self) -> &'static str {
                match self { $($name::$variant => $text),+ }
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(self.as_str())
            }
        }

        impl FromStr for $name {
            type Err = UnknownValue;
            fn from_str(s: &str) -> Result<Self, Self::Err> {
                // The stored spelling is the common case (every ledger read): no folding.
                if let Some(v) = Self::ALL.iter().copied().find(|v| v.as_str() == s) {
                    return Ok(v);
                }
                let folded = fold(s);
                Self::ALL
                    .iter()
                    .copied()
                    .find(|v| fold(v.as_str()) == folded)
                    .ok_or_else(|| UnknownValue { value: s.to_string(), allowed: Self::NAMES })
            }
        }

        impl ClosedSet for $name {
            fn names() -> &'static [&'static str] {
                Self::NAMES
            }
        }

        impl serde::Serialize for $name {
            fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                s.serialize_str(self.as_str())
            }
        }
    };
}

spelled_enum! {
    /// How a payment was made (Fusebill `paymentMethod`).
    PaymentMethod {
        Cash => "Cash",
        Check => "Check",
        CreditCard => "CreditCard",
        DirectDeposit => "DirectDeposit",
        Ach => "ACH",
        Paypal => "Paypal",
    }
}

impl PaymentMethod {
    /// CreditCard and ACH draw on a method on file, so they need its id (SPEC §5 rule 3).
    pub fn needs_method_on_file(&self) -> bool {
        matches!(self, PaymentMethod::CreditCard | PaymentMethod::Ach)
    }

    /// The method-on-file type this payment method uses, where there is one.
    pub fn method_type(&self) -> Option<MethodType> {
        match self {
            PaymentMethod::CreditCard => Some(MethodType::CreditCard),
            PaymentMethod::Ach => Some(MethodType::Ach),
            PaymentMethod::Paypal => Some(MethodType::Paypal),
            _ => None,
        }
    }

    /// ACH and DirectDeposit clear later, so they start Pending (SPEC §5 rule 9).
    pub fn initial_settlement(&self) -> Settlement {
        match self {
            PaymentMethod::Ach | PaymentMethod::DirectDeposit => Settlement::Pending,
            _ => Settlement::Successful,
        }
    }
}

spelled_enum! {
    /// The type of a payment method kept on file for a customer.
    MethodType {
        CreditCard => "CreditCard",
        Ach => "ACH",
        Paypal => "Paypal",
    }
}

impl MethodType {
    pub fn payment_method(&self) -> PaymentMethod {
        match self {
            MethodType::CreditCard => PaymentMethod::CreditCard,
            MethodType::Ach => PaymentMethod::Ach,
            MethodType::Paypal => PaymentMethod::Paypal,
        }
    }
}

spelled_enum! {
    /// Where a payment came from (Fusebill `source`).
    Source {
        Manual => "Manual",
        Automatic => "Automatic",
        SelfServicePortal => "SelfServicePortal",
        Import => "Import",
    }
}

spelled_enum! {
    /// The order in which auto-allocation visits a customer's open invoices.
    AllocationOrder {
        OldestToNewest => "OldestToNewest",
        NewestToOldest => "NewestToOldest",
    }
}

spelled_enum! {
    /// A payment's settlement status (Fusebill Settlement Object).
    Settlement {
        Unknown => "Unknown",
        Pending => "Pending",
        Successful => "Successful",
        Failed => "Failed",
    }
}

spelled_enum! {
    /// An invoice's status, derived from the ledger rows, never typed in.
    InvoiceStatus {
        Unpaid => "unpaid",
        PartiallyPaid => "partially_paid",
        Paid => "paid",
        Void => "void",
        WrittenOff => "written_off",
    }
}

spelled_enum! {
    /// How a refund is paid out.
    RefundMethod {
        Original => "original",
        Check => "check",
        Cash => "cash",
        DirectDeposit => "direct-deposit",
    }
}

spelled_enum! {
    /// The kind of a payment activity.
    TransactionType {
        Collect => "Collect",
        Refund => "Refund",
        Nsf => "NSF",
    }
}

spelled_enum! {
    /// The outcome of a payment activity.
    ActivityStatus {
        Successful => "Successful",
        Failed => "Failed",
        Unknown => "Unknown",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fusebill_and_kebab_spellings_are_one_value() {
        for text in ["CreditCard", "creditcard", "credit-card", "CREDIT_CARD"] {
            assert_eq!(text.parse::<PaymentMethod>(), Ok(PaymentMethod::CreditCard));
        }
        assert_eq!(
            "direct-deposit".parse::<PaymentMethod>(),
            Ok(PaymentMethod::DirectDeposit)
        );
        assert_eq!("ach".parse::<PaymentMethod>(), Ok(PaymentMethod::Ach));
        assert_eq!(
            "newest-to-oldest".parse::<AllocationOrder>(),
            Ok(AllocationOrder::NewestToOldest)
        );
        assert_eq!(
            "partially-paid".parse::<InvoiceStatus>(),
            Ok(InvoiceStatus::PartiallyPaid)
        );
    }

    #[test]
    fn unknown_values_list_the_allowed_ones() {
        let err = "Bitcoin".parse::<PaymentMethod>().unwrap_err();
        assert_eq!(
            err.to_string(),
            "'Bitcoin' is not allowed; allowable values are: Cash, Check, CreditCard, DirectDeposit, ACH, Paypal"
        );
    }
}
