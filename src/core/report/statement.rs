//! The customer statement: every invoice, payment, allocation and closure in date order, with
//! the running balance and unapplied funds after each.

use std::collections::{BTreeMap, HashMap};

use chrono::{DateTime, Utc};
use serde::Serialize;

use super::super::currency::Currency;
use super::super::dates::{format_day, format_timestamp, parse_stored};
use super::super::money::{Money, MoneyError};
use super::{add, funds_at, outstanding_at};
use crate::core::adjustment::AdjustmentKind;

/// How a payment's settlement or life ended.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PaymentEventKind {
    Settled,
    Failed,
    Voided,
}

/// How an invoice was closed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ClosureKind {
    Void,
    WrittenOff,
}

/// Something that happened on a customer's account, as the ledger recorded it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Happening {
    Invoice {
        id: i64,
        number: String,
        currency: Currency,
        total: i64,
        due: String,
    },
    Payment {
        id: i64,
        currency: Currency,
        amount: i64,
        method: String,
        reference: Option<String>,
    },
    /// Positive applies money to an invoice, negative takes it back; `kind` is the ledger's
    /// (allocate, unallocate, reallocate, refund, nsf, void).
    Allocation {
        id: i64,
        payment_id: i64,
        invoice_id: i64,
        amount: i64,
        kind: String,
        refund_id: Option<i64>,
    },
    Refund {
        id: i64,
        payment_id: i64,
        amount: i64,
        method: String,
        reference: Option<String>,
    },
    PaymentEvent {
        id: i64,
        payment_id: i64,
        kind: PaymentEventKind,
        message: Option<String>,
    },
    Closure {
        invoice_id: i64,
        kind: ClosureKind,
        amount: i64,
        reason: String,
    },
    /// A credit note, debit note or partial write-off of an invoice.
    Adjustment {
        id: i64,
        invoice_id: i64,
        kind: AdjustmentKind,
        amount: i64,
        reason: String,
    },
    /// What a credit write-off took from one payment's unapplied funds.
    CreditWriteOff {
        id: i64,
        part_id: i64,
        payment_id: i64,
        amount: i64,
        reason: String,
    },
}

impl Happening {
    /// The order of things recorded at the same instant: an invoice and a payment come before
    /// the allocations between them; a refund's, bounce's or void's reversals come before it;
    /// a write-off comes after the allocations it follows.
    fn rank(&self) -> (u8, i64) {
        match self {
            Happening::Invoice { id, .. } => (0, *id),
            Happening::Payment { id, .. } => (1, *id),
            Happening::Allocation { id, .. } => (2, *id),
            Happening::Refund { id, .. } => (3, *id),
            Happening::PaymentEvent { id, .. } => (4, *id),
            Happening::Closure { invoice_id, .. } => (6, *invoice_id),
            Happening::Adjustment { id, .. } => (5, *id),
            Happening::CreditWriteOff { part_id, .. } => (7, *part_id),
        }
    }
}

/// A happening and its date (`effective_at`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Dated {
    pub at: DateTime<Utc>,
    pub what: Happening,
}

#[derive(Clone, Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct StatementEntry {
    pub currency: Currency,
    /// The day (UTC), as the table shows it.
    pub date: String,
    pub effective_timestamp: String,
    /// opening, invoice, payment, allocation, unallocation, reallocation, reversal, refund,
    /// settled, nsf, payment void, write-off, invoice void, credit note, debit note,
    /// partial write-off, credit write-off, closing.
    pub entry: &'static str,
    pub invoice_id: Option<i64>,
    /// The number of the invoice the entry names (none when it names none).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub invoice_number: Option<String>,
    pub payment_id: Option<i64>,
    pub refund_id: Option<i64>,
    pub description: Option<String>,
    /// The record's own amount (always positive); the changes say what it did.
    pub amount: Option<Money>,
    /// Change to what the customer owes.
    pub balance_change: Option<Money>,
    /// What the customer owes after this entry.
    pub balance: Money,
    /// Change to the customer's unapplied funds.
    pub funds_change: Option<Money>,
    /// The customer's unapplied funds after this entry.
    pub available_funds: Money,
}

/// One currency's part of a statement.
#[derive(Clone, Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct StatementSection {
    pub currency: Currency,
    pub opening_balance: Money,
    pub opening_funds: Money,
    pub entries: Vec<StatementEntry>,
    pub closing_balance: Money,
    pub available_funds: Money,
}

#[derive(Clone, Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Statement {
    pub customer_id: i64,
    pub customer_name: String,
    /// First moment counted (`--from`), or null: from the beginning.
    pub from: Option<String>,
    /// Last day or moment counted (`--to`), or null: everything recorded.
    pub to: Option<String>,
    pub currencies: Vec<StatementSection>,
    /// The first second counted, for the opening line of the table and CSV.
    #[serde(skip)]
    pub opening_timestamp: Option<String>,
    /// The last second counted, for the closing line of the table and CSV.
    #[serde(skip)]
    pub closing_timestamp: Option<String>,
}

/// Why a statement cannot be drawn up.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum StatementError {
    #[error(transparent)]
    Money(#[from] MoneyError),
    #[error("the ledger has a row naming {0}, which is not this customer's")]
    Stray(String),
}

struct InvoiceState {
    /// Its number, for the entries that name the invoice (SPEC §9: the statement's invoice
    /// numbers).
    number: String,
    currency: Currency,
    total: i64,
    /// Debit notes less credit notes and partial write-offs so far.
    adjusted: i64,
    applied: i64,
    issued: bool,
    closed: bool,
}

impl InvoiceState {
    fn outstanding(&self) -> i64 {
        outstanding_at(
            self.total.saturating_add(self.adjusted),
            self.applied,
            self.issued,
            self.closed,
        )
    }
}

struct PaymentState {
    currency: Currency,
    amount: i64,
    applied: i64,
    refunded: i64,
    /// Credit written off it.
    written_off: i64,
    received: bool,
    dead: bool,
}

impl PaymentState {
    fn funds(&self) -> i64 {
        funds_at(
            self.amount,
            self.applied,
            self.refunded.saturating_add(self.written_off),
            self.received,
            self.dead,
        )
    }
}

/// Running balance and funds of one currency.
#[derive(Clone, Copy, Default)]
struct Running {
    balance: i64,
    funds: i64,
}

/// The customer's account: what each invoice owes and each payment holds, as happenings are
/// applied in date order.
#[derive(Default)]
struct Account {
    invoices: HashMap<i64, InvoiceState>,
    payments: HashMap<i64, PaymentState>,
    running: BTreeMap<&'static str, (Currency, Running)>,
}

/// What one happening did: the entry's fields other than the running totals.
struct Effect {
    currency: Currency,
    entry: &'static str,
    invoice_id: Option<i64>,
    payment_id: Option<i64>,
    refund_id: Option<i64>,
    description: Option<String>,
    amount: i64,
    balance_change: i64,
    funds_change: i64,
}

fn with_reference(head: &str, reference: &Option<String>) -> String {
    match reference {
        Some(r) => format!("{head}, reference {r}"),
        None => head.to_string(),
    }
}

/// The entry an allocation row makes and its description, from the ledger's kind and its sign.
fn allocation_entry(
    kind: &str,
    amount: i64,
    refund_id: Option<i64>,
) -> (&'static str, Option<String>) {
    match (kind, amount > 0) {
        ("reallocate", _) => ("reallocation", None),
        ("unallocate", _) => ("unallocation", None),
        ("refund", false) => (
            "reversal",
            Some(match refund_id {
                Some(r) => format!("for refund {r}"),
                None => "for a refund".to_string(),
            }),
        ),
        ("nsf", false) => ("reversal", Some("payment bounced (NSF)".to_string())),
        ("void", false) => ("reversal", Some("payment voided".to_string())),
        (_, true) => ("allocation", None),
        (_, false) => ("reversal", None),
    }
}

impl Account {
    fn invoice(&mut self, id: i64) -> Result<&mut InvoiceState, StatementError> {
        self.invoices
            .get_mut(&id)
            .ok_or_else(|| StatementError::Stray(format!("invoice {id}")))
    }

    fn payment(&mut self, id: i64) -> Result<&mut PaymentState, StatementError> {
        self.payments
            .get_mut(&id)
            .ok_or_else(|| StatementError::Stray(format!("payment {id}")))
    }

    /// Registers every invoice and payment first, so a row dated before the record it names
    /// (an allocation dated before its invoice) still finds it, not yet issued or received.
    fn register(&mut self, happenings: &[Dated]) {
        for d in happenings {
            match &d.what {
                Happening::Invoice {
                    id,
                    number,
                    currency,
                    total,
                    ..
                } => {
                    self.invoices.insert(
                        *id,
                        InvoiceState {
                            number: number.clone(),
                            currency: *currency,
                            total: *total,
                            adjusted: 0,
                            applied: 0,
                            issued: false,
                            closed: false,
                        },
                    );
                }
                Happening::Payment {
                    id,
                    currency,
                    amount,
                    ..
                } => {
                    self.payments.insert(
                        *id,
                        PaymentState {
                            currency: *currency,
                            amount: *amount,
                            applied: 0,
                            refunded: 0,
                            written_off: 0,
                            received: false,
                            dead: false,
                        },
                    );
                }
                _ => {}
            }
        }
    }

    /// What one happening does to the account: the entry it makes and how it moves the
    /// balance and the funds, each step a method of its own; then the running totals.
    fn apply(&mut self, what: &Happening) -> Result<Effect, StatementError> {
        let effect = match what {
            Happening::Invoice {
                id,
                number,
                currency,
                total,
                due,
            } => self.issue_invoice(*id, number, *currency, *total, due)?,
            Happening::Payment {
                id,
                currency,
                amount,
                method,
                reference,
            } => self.receive_payment(*id, *currency, *amount, method, reference)?,
            Happening::Allocation {
                payment_id,
                invoice_id,
                amount,
                kind,
                refund_id,
                ..
            } => self.allocate(*payment_id, *invoice_id, *amount, kind, *refund_id)?,
            Happening::Refund {
                id,
                payment_id,
                amount,
                method,
                reference,
            } => self.refund(*id, *payment_id, *amount, method, reference)?,
            Happening::PaymentEvent {
                payment_id,
                kind,
                message,
                ..
            } => self.payment_event(*payment_id, *kind, message)?,
            Happening::Closure {
                invoice_id,
                kind,
                amount,
                reason,
            } => self.close_invoice(*invoice_id, *kind, *amount, reason)?,
            Happening::Adjustment {
                invoice_id,
                kind,
                amount,
                reason,
                ..
            } => self.adjust_invoice(*invoice_id, *kind, *amount, reason)?,
            Happening::CreditWriteOff {
                id,
                payment_id,
                amount,
                reason,
                ..
            } => self.write_off_credit(*id, *payment_id, *amount, reason)?,
        };
        self.keep_running(&effect)?;
        Ok(effect)
    }

    /// An invoice is issued: what it owes counts from now.
    fn issue_invoice(
        &mut self,
        id: i64,
        number: &str,
        currency: Currency,
        total: i64,
        due: &str,
    ) -> Result<Effect, StatementError> {
        let inv = self.invoice(id)?;
        let before = inv.outstanding();
        inv.issued = true;
        Ok(Effect {
            currency,
            entry: "invoice",
            invoice_id: Some(id),
            payment_id: None,
            refund_id: None,
            description: Some(format!("{number}, due {}", day_of(due))),
            amount: total,
            balance_change: inv.outstanding() - before,
            funds_change: 0,
        })
    }

    /// A payment is received: its amount is funds until it is applied or refunded.
    fn receive_payment(
        &mut self,
        id: i64,
        currency: Currency,
        amount: i64,
        method: &str,
        reference: &Option<String>,
    ) -> Result<Effect, StatementError> {
        let p = self.payment(id)?;
        let before = p.funds();
        p.received = true;
        Ok(Effect {
            currency,
            entry: "payment",
            invoice_id: None,
            payment_id: Some(id),
            refund_id: None,
            description: Some(with_reference(method, reference)),
            amount,
            balance_change: 0,
            funds_change: p.funds() - before,
        })
    }

    /// Money applied to an invoice (positive) or taken back from it (negative): the invoice
    /// owes less (or more) and the payment holds less (or more).
    fn allocate(
        &mut self,
        payment_id: i64,
        invoice_id: i64,
        amount: i64,
        kind: &str,
        refund_id: Option<i64>,
    ) -> Result<Effect, StatementError> {
        let inv = self.invoice(invoice_id)?;
        let inv_before = inv.outstanding();
        inv.applied = add(inv.applied, amount)?;
        let balance_change = inv.outstanding() - inv_before;
        let p = self.payment(payment_id)?;
        let currency = p.currency;
        let funds_before = p.funds();
        p.applied = add(p.applied, amount)?;
        let funds_change = p.funds() - funds_before;
        let (entry, description) = allocation_entry(kind, amount, refund_id);
        Ok(Effect {
            currency,
            entry,
            invoice_id: Some(invoice_id),
            payment_id: Some(payment_id),
            refund_id,
            description,
            amount: amount.saturating_abs(),
            balance_change,
            funds_change,
        })
    }

    /// Money paid back out of a payment's funds.
    fn refund(
        &mut self,
        id: i64,
        payment_id: i64,
        amount: i64,
        method: &str,
        reference: &Option<String>,
    ) -> Result<Effect, StatementError> {
        let p = self.payment(payment_id)?;
        let before = p.funds();
        p.refunded = add(p.refunded, amount)?;
        Ok(Effect {
            currency: p.currency,
            entry: "refund",
            invoice_id: None,
            payment_id: Some(payment_id),
            refund_id: Some(id),
            description: Some(with_reference(method, reference)),
            amount,
            balance_change: 0,
            funds_change: p.funds() - before,
        })
    }

    /// A payment settles, bounces or is voided: a dead payment holds no funds.
    fn payment_event(
        &mut self,
        payment_id: i64,
        kind: PaymentEventKind,
        message: &Option<String>,
    ) -> Result<Effect, StatementError> {
        let p = self.payment(payment_id)?;
        let before = p.funds();
        let entry = match kind {
            PaymentEventKind::Settled => "settled",
            PaymentEventKind::Failed => {
                p.dead = true;
                "nsf"
            }
            PaymentEventKind::Voided => {
                p.dead = true;
                "payment void"
            }
        };
        Ok(Effect {
            currency: p.currency,
            entry,
            invoice_id: None,
            payment_id: Some(payment_id),
            refund_id: None,
            description: message.clone(),
            amount: p.amount,
            balance_change: 0,
            funds_change: p.funds() - before,
        })
    }

    /// An invoice is voided or written off: it owes nothing from now.
    fn close_invoice(
        &mut self,
        invoice_id: i64,
        kind: ClosureKind,
        amount: i64,
        reason: &str,
    ) -> Result<Effect, StatementError> {
        let inv = self.invoice(invoice_id)?;
        let before = inv.outstanding();
        inv.closed = true;
        let (entry, shown) = match kind {
            ClosureKind::WrittenOff => ("write-off", amount),
            ClosureKind::Void => ("invoice void", inv.total),
        };
        Ok(Effect {
            currency: inv.currency,
            entry,
            invoice_id: Some(invoice_id),
            payment_id: None,
            refund_id: None,
            description: Some(reason.to_string()),
            amount: shown,
            balance_change: inv.outstanding() - before,
            funds_change: 0,
        })
    }

    /// A credit note, debit note or partial write-off: the invoice owes less (or more).
    fn adjust_invoice(
        &mut self,
        invoice_id: i64,
        kind: AdjustmentKind,
        amount: i64,
        reason: &str,
    ) -> Result<Effect, StatementError> {
        let inv = self.invoice(invoice_id)?;
        let before = inv.outstanding();
        inv.adjusted = add(inv.adjusted, kind.signed(amount))?;
        let entry = match kind {
            AdjustmentKind::CreditNote => "credit note",
            AdjustmentKind::DebitNote => "debit note",
            AdjustmentKind::WriteOff => "partial write-off",
        };
        Ok(Effect {
            currency: inv.currency,
            entry,
            invoice_id: Some(invoice_id),
            payment_id: None,
            refund_id: None,
            description: Some(reason.to_string()),
            amount,
            balance_change: inv.outstanding() - before,
            funds_change: 0,
        })
    }

    /// Unapplied credit written off a payment: it holds less.
    fn write_off_credit(
        &mut self,
        id: i64,
        payment_id: i64,
        amount: i64,
        reason: &str,
    ) -> Result<Effect, StatementError> {
        let p = self.payment(payment_id)?;
        let before = p.funds();
        p.written_off = add(p.written_off, amount)?;
        Ok(Effect {
            currency: p.currency,
            entry: "credit write-off",
            invoice_id: None,
            payment_id: Some(payment_id),
            refund_id: None,
            description: Some(format!("write-off {id}: {reason}")),
            amount,
            balance_change: 0,
            funds_change: p.funds() - before,
        })
    }

    /// Adds an effect to its currency's running balance and funds.
    fn keep_running(&mut self, effect: &Effect) -> Result<(), StatementError> {
        let slot = self
            .running
            .entry(effect.currency.code())
            .or_insert((effect.currency, Running::default()));
        slot.1.balance = add(slot.1.balance, effect.balance_change)?;
        slot.1.funds = add(slot.1.funds, effect.funds_change)?;
        Ok(())
    }

    fn running(&self, currency: Currency) -> Running {
        self.running
            .get(currency.code())
            .map(|(_, r)| *r)
            .unwrap_or_default()
    }
}

/// `YYYY-MM-DD` of a stored timestamp (its first ten characters when it parses).
fn day_of(stamp: &str) -> String {
    parse_stored(stamp)
        .map(format_day)
        .unwrap_or_else(|_| stamp.to_string())
}

/// Draws up a customer's statement: the running balance (what the customer owes) and funds
/// (what its payments hold unapplied) of each currency, from everything dated before `from`
/// (the opening line), through every happening dated in `[from, to)`, to the closing line.
/// Sections: the customer's own currency first, then any other it has rows in, by code.
pub fn statement(
    customer_currency: Currency,
    mut happenings: Vec<Dated>,
    from: Option<DateTime<Utc>>,
    to: Option<DateTime<Utc>>,
) -> Result<Vec<StatementSection>, StatementError> {
    happenings.sort_by_key(|d| (d.at, d.what.rank()));
    if let Some(to) = to {
        happenings.retain(|d| d.at < to);
    }
    let mut account = Account::default();
    account.register(&happenings);
    let split = from.map_or(0, |from| happenings.partition_point(|d| d.at < from));
    for d in &happenings[..split] {
        account.apply(&d.what)?;
    }
    let mut currencies: Vec<Currency> = vec![customer_currency];
    let mut codes: BTreeMap<&'static str, Currency> = BTreeMap::new();
    for inv in account.invoices.values() {
        codes.insert(inv.currency.code(), inv.currency);
    }
    for p in account.payments.values() {
        codes.insert(p.currency.code(), p.currency);
    }
    currencies.extend(codes.into_values().filter(|c| *c != customer_currency));
    let opening: Vec<Running> = currencies.iter().map(|c| account.running(*c)).collect();
    let mut entries: HashMap<&'static str, Vec<StatementEntry>> = HashMap::new();
    for d in &happenings[split..] {
        let e = account.apply(&d.what)?;
        let invoice_number = e
            .invoice_id
            .and_then(|id| account.invoices.get(&id))
            .map(|inv| inv.number.clone());
        let now = account.running(e.currency);
        let m = |minor: i64| Money::from_minor(minor, e.currency);
        entries
            .entry(e.currency.code())
            .or_default()
            .push(StatementEntry {
                currency: e.currency,
                date: format_day(d.at),
                effective_timestamp: format_timestamp(d.at),
                entry: e.entry,
                invoice_id: e.invoice_id,
                invoice_number,
                payment_id: e.payment_id,
                refund_id: e.refund_id,
                description: e.description,
                amount: Some(m(e.amount)),
                balance_change: Some(m(e.balance_change)),
                balance: m(now.balance),
                funds_change: Some(m(e.funds_change)),
                available_funds: m(now.funds),
            });
    }
    Ok(currencies
        .into_iter()
        .zip(opening)
        .map(|(currency, open)| {
            let close = account.running(currency);
            let m = |minor: i64| Money::from_minor(minor, currency);
            StatementSection {
                currency,
                opening_balance: m(open.balance),
                opening_funds: m(open.funds),
                entries: entries.remove(currency.code()).unwrap_or_default(),
                closing_balance: m(close.balance),
                available_funds: m(close.funds),
            }
        })
        .collect())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::report::tests::at;

    fn invoice(id: i64, at_: &str, total: i64) -> Dated {
        Dated {
            at: at(at_),
            what: Happening::Invoice {
                id,
                number: format!("N{id}"),
                currency: Currency::USD,
                total,
                due: "2026-10-31T00:00:00Z".into(),
            },
        }
    }

    fn payment(id: i64, at_: &str, amount: i64) -> Dated {
        Dated {
            at: at(at_),
            what: Happening::Payment {
                id,
                currency: Currency::USD,
                amount,
                method: "Cash".into(),
                reference: None,
            },
        }
    }

    fn alloc(
        id: i64,
        at_: &str,
        payment_id: i64,
        invoice_id: i64,
        amount: i64,
        kind: &str,
    ) -> Dated {
        Dated {
            at: at(at_),
            what: Happening::Allocation {
                id,
                payment_id,
                invoice_id,
                amount,
                kind: kind.into(),
                refund_id: None,
            },
        }
    }

    /// (entry, balance change, balance, funds change, funds) of each entry, in minor units.
    fn trail(section: &StatementSection) -> Vec<(&'static str, i64, i64, i64, i64)> {
        section
            .entries
            .iter()
            .map(|e| {
                (
                    e.entry,
                    e.balance_change.unwrap().minor(),
                    e.balance.minor(),
                    e.funds_change.unwrap().minor(),
                    e.available_funds.minor(),
                )
            })
            .collect()
    }

    #[test]
    fn statement_runs_balance_and_funds_in_date_order() {
        let happenings = vec![
            // Given out of order: the statement sorts by date, then by kind at one instant.
            alloc(1, "2026-10-05", 1, 10, 6000, "allocate"),
            payment(1, "2026-10-05", 8000),
            invoice(10, "2026-10-01", 10000),
            invoice(11, "2026-10-02", 5000),
            Dated {
                at: at("2026-11-01"),
                what: Happening::Refund {
                    id: 1,
                    payment_id: 1,
                    amount: 500,
                    method: "check".into(),
                    reference: Some("R-1".into()),
                },
            },
            alloc(2, "2026-11-02", 1, 10, -1000, "unallocate"),
            Dated {
                at: at("2026-11-03"),
                what: Happening::Closure {
                    invoice_id: 11,
                    kind: ClosureKind::WrittenOff,
                    amount: 5000,
                    reason: "gone".into(),
                },
            },
        ];
        let sections = statement(Currency::USD, happenings.clone(), None, None).unwrap();
        assert_eq!(sections.len(), 1);
        let s = &sections[0];
        assert_eq!(
            trail(s),
            vec![
                ("invoice", 10000, 10000, 0, 0),
                ("invoice", 5000, 15000, 0, 0),
                ("payment", 0, 15000, 8000, 8000),
                ("allocation", -6000, 9000, -6000, 2000),
                ("refund", 0, 9000, -500, 1500),
                ("unallocation", 1000, 10000, 1000, 2500),
                ("write-off", -5000, 5000, 0, 2500),
            ]
        );
        assert_eq!(s.opening_balance.minor(), 0);
        assert_eq!(s.closing_balance.minor(), 5000);
        assert_eq!(s.available_funds.minor(), 2500);
        assert_eq!(
            s.entries[4].description.as_deref(),
            Some("check, reference R-1")
        );

        // A window: what came before is the opening line; what comes after is left out.
        let window = statement(
            Currency::USD,
            happenings,
            Some(at("2026-10-05")),
            Some(at("2026-11-02")),
        )
        .unwrap();
        let w = &window[0];
        assert_eq!(
            (w.opening_balance.minor(), w.opening_funds.minor()),
            (15000, 0)
        );
        assert_eq!(
            trail(w).iter().map(|t| t.0).collect::<Vec<_>>(),
            vec!["payment", "allocation", "refund"]
        );
        assert_eq!(
            (w.closing_balance.minor(), w.available_funds.minor()),
            (9000, 1500)
        );
    }

    #[test]
    fn bounced_payment_reopens_invoices_and_its_funds_go() {
        let happenings = vec![
            invoice(10, "2026-10-01", 10000),
            payment(1, "2026-10-05", 12000),
            alloc(1, "2026-10-05", 1, 10, 10000, "allocate"),
            alloc(2, "2026-10-09", 1, 10, -10000, "nsf"),
            Dated {
                at: at("2026-10-09"),
                what: Happening::PaymentEvent {
                    id: 1,
                    payment_id: 1,
                    kind: PaymentEventKind::Failed,
                    message: Some("R01".into()),
                },
            },
        ];
        let s = &statement(Currency::USD, happenings, None, None).unwrap()[0];
        assert_eq!(
            trail(s),
            vec![
                ("invoice", 10000, 10000, 0, 0),
                ("payment", 0, 10000, 12000, 12000),
                ("allocation", -10000, 0, -10000, 2000),
                ("reversal", 10000, 10000, 10000, 12000),
                ("nsf", 0, 10000, -12000, 0),
            ]
        );
    }

    #[test]
    fn an_allocation_dated_before_its_invoice_counts_once_the_invoice_is_issued() {
        let happenings = vec![
            payment(1, "2026-10-01", 3000),
            alloc(1, "2026-10-01", 1, 10, 3000, "allocate"),
            invoice(10, "2026-10-20", 10000),
        ];
        let s = &statement(Currency::USD, happenings, None, None).unwrap()[0];
        assert_eq!(
            trail(s),
            vec![
                ("payment", 0, 0, 3000, 3000),
                ("allocation", 0, 0, -3000, 0),
                ("invoice", 7000, 7000, 0, 0),
            ]
        );
    }

    #[test]
    fn other_currencies_get_their_own_section_after_the_customers() {
        let eur = Currency::from_code("EUR").unwrap();
        let happenings = vec![
            Dated {
                at: at("2026-10-01"),
                what: Happening::Invoice {
                    id: 20,
                    number: "E1".into(),
                    currency: eur,
                    total: 4000,
                    due: "2026-10-01T00:00:00Z".into(),
                },
            },
            invoice(10, "2026-10-02", 10000),
        ];
        let sections = statement(Currency::USD, happenings, None, None).unwrap();
        let shown: Vec<(&str, i64)> = sections
            .iter()
            .map(|s| (s.currency.code(), s.closing_balance.minor()))
            .collect();
        assert_eq!(shown, vec![("USD", 10000), ("EUR", 4000)]);
    }

    #[test]
    fn a_row_naming_an_unknown_record_is_an_error() {
        let happenings = vec![alloc(1, "2026-10-01", 1, 10, 3000, "allocate")];
        assert_eq!(
            statement(Currency::USD, happenings, None, None).unwrap_err(),
            StatementError::Stray("invoice 10".into())
        );
    }
}
