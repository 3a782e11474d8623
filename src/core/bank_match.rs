//! Bank matching (SPEC §11): for each unapplied credit line of a bank statement, a proposal of
//! a customer and allocations, with the reason and a sentence saying why. Pure: the ledger reads
//! the facts, this decides, the ledger stores the proposals.
//!
//! Reasons, tried in this order for each line:
//! 1. `invoice_number`: open invoice numbers found in the remittance text (else paid ones:
//!    their customer, with nothing allocated). Both sides are
//!    normalised to uppercase letters and digits; a number matches only a run of whole words
//!    of the remittance (`INV 2026/0042` finds `INV-2026-0042`, but `42` is never found inside
//!    `20260042`). Numbers with fewer than [`MIN_NUMBER_CHARS`] letters and digits, or with no
//!    digit, are not searched: too likely to be a day, a quantity or a word.
//! 2. `payer_history`: the payer's account, else its name, seen on earlier applied lines of
//!    exactly one customer; allocations by that customer's auto-allocate order.
//! 3. `amount_one_invoice`: the amount equals the outstanding balance of exactly one open
//!    invoice in the line's currency, across the ledger.
//! 4. `amount_invoice_set`: the amount equals the sum of a set of 2 to [`MAX_SET`] open invoices
//!    of one customer, taken among its [`SET_WINDOW`] oldest (by its auto-allocate order).
//!
//! A step that finds more than one candidate makes the line `ambiguous` and stops there: a
//! clerk decides. Lines are processed by booking date, then id, and each proposal is deducted
//! from a working copy of the balances, so no two lines are proposed onto the same remaining
//! balance and no proposal passes what an invoice owes.

use std::collections::{BTreeMap, BTreeSet, HashMap};

use chrono::{DateTime, Utc};

use super::allocation::{plan_auto, sort_for_allocation, OpenInvoice};
use super::currency::Currency;
use super::enums::AllocationOrder;
use super::money::Money;

/// Invoice numbers shorter than this (letters and digits) are not looked for in remittances.
pub const MIN_NUMBER_CHARS: usize = 4;
/// The most invoices a set match may use.
pub const MAX_SET: usize = 6;
/// A set match looks at this many of a customer's oldest open invoices.
pub const SET_WINDOW: usize = 20;
/// Subsets tried per line, across all customers, before the set search gives up (the line is
/// then left unmatched, and the detail says so).
pub const SET_BUDGET: usize = 200_000;
/// The most words of a remittance one invoice number may span.
const MAX_SPAN_WORDS: usize = 8;

/// An unapplied credit line.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LineFacts {
    pub id: i64,
    /// `YYYY-MM-DD`, so that the text sorts as the date does.
    pub booking_date: String,
    pub amount: i64,
    pub currency: Currency,
    pub payer_name: Option<String>,
    pub payer_account: Option<String>,
    pub remittance: Option<String>,
}

/// An invoice that still owes something, or (`outstanding` 0) one paid in full, which only
/// its number is looked for.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct InvoiceFacts {
    pub id: i64,
    pub number: String,
    pub customer_id: i64,
    pub currency: Currency,
    pub outstanding: i64,
    pub due: DateTime<Utc>,
    pub date: DateTime<Utc>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CustomerFacts {
    pub id: i64,
    pub name: String,
    pub currency: Currency,
    pub order: AllocationOrder,
}

/// An earlier applied line: who paid, and which customer it was applied to.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PayerSeen {
    pub line_id: i64,
    pub payer_name: Option<String>,
    pub payer_account: Option<String>,
    pub customer_id: i64,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Reason {
    InvoiceNumber,
    PayerHistory,
    AmountOneInvoice,
    AmountInvoiceSet,
    Ambiguous,
    None,
}

impl Reason {
    pub fn as_str(self) -> &'static str {
        match self {
            Reason::InvoiceNumber => "invoice_number",
            Reason::PayerHistory => "payer_history",
            Reason::AmountOneInvoice => "amount_one_invoice",
            Reason::AmountInvoiceSet => "amount_invoice_set",
            Reason::Ambiguous => "ambiguous",
            Reason::None => "none",
        }
    }

    pub fn parse(text: &str) -> Option<Reason> {
        [
            Reason::InvoiceNumber,
            Reason::PayerHistory,
            Reason::AmountOneInvoice,
            Reason::AmountInvoiceSet,
            Reason::Ambiguous,
            Reason::None,
        ]
        .into_iter()
        .find(|r| r.as_str() == text)
    }

    /// Whether a proposal with this reason names a customer and may be applied.
    pub fn is_match(self) -> bool {
        !matches!(self, Reason::Ambiguous | Reason::None)
    }
}

/// What matching proposes for one line.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Proposal {
    pub line_id: i64,
    pub customer_id: Option<i64>,
    pub reason: Reason,
    pub detail: String,
    /// (invoice id, minor units), in allocation order.
    pub allocations: Vec<(i64, i64)>,
}

/// One proposal as `bank match` prints it.
#[derive(Clone, Debug, serde::Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ProposalView {
    pub line_id: i64,
    /// The `bank match` run that stored it; `None` in a dry run (nothing was stored).
    pub run: Option<i64>,
    pub booking_date: String,
    pub amount: Money,
    pub currency: Currency,
    pub payer_name: Option<String>,
    pub customer_id: Option<i64>,
    pub reason: &'static str,
    pub allocations: Vec<ProposedAllocation>,
    pub detail: String,
}

#[derive(Clone, Debug, serde::Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ProposedAllocation {
    pub invoice_id: i64,
    pub invoice_number: String,
    pub amount: Money,
}

impl ProposalView {
    pub fn new(
        line: &LineFacts,
        proposal: &Proposal,
        run: Option<i64>,
        numbers: &BTreeMap<i64, String>,
    ) -> ProposalView {
        ProposalView {
            line_id: line.id,
            run,
            booking_date: line.booking_date.clone(),
            amount: Money::from_minor(line.amount, line.currency),
            currency: line.currency,
            payer_name: line.payer_name.clone(),
            customer_id: proposal.customer_id,
            reason: proposal.reason.as_str(),
            allocations: proposal
                .allocations
                .iter()
                .map(|(id, minor)| ProposedAllocation {
                    invoice_id: *id,
                    invoice_number: numbers.get(id).cloned().unwrap_or_else(|| id.to_string()),
                    amount: Money::from_minor(*minor, line.currency),
                })
                .collect(),
            detail: proposal.detail.clone(),
        }
    }
}

/// `INVOICEID=MINOR;INVOICEID=MINOR`, as `bank_proposals.allocations` stores them.
pub fn allocations_text(allocations: &[(i64, i64)]) -> String {
    allocations
        .iter()
        .map(|(id, minor)| format!("{id}={minor}"))
        .collect::<Vec<_>>()
        .join(";")
}

/// The inverse of [`allocations_text`]; `None` for text it did not write.
pub fn parse_allocations_text(text: &str) -> Option<Vec<(i64, i64)>> {
    if text.is_empty() {
        return Some(Vec::new());
    }
    text.split(';')
        .map(|part| {
            let (id, minor) = part.split_once('=')?;
            Some((id.parse().ok()?, minor.parse().ok()?))
        })
        .collect()
}

/// Uppercase letters and digits only: how invoice numbers and remittance words are compared.
pub fn normalise_number(text: &str) -> String {
    text.chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_uppercase)
        .collect()
}

/// A payer's name as compared across lines: words of letters and digits, uppercase, one space.
pub fn normalise_name(text: &str) -> String {
    words(text).join(" ")
}

/// The remittance's words: maximal runs of letters and digits, uppercase.
fn words(text: &str) -> Vec<String> {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(|w| w.chars().flat_map(char::to_uppercase).collect())
        .collect()
}

fn searchable(normalised: &str) -> bool {
    normalised.chars().count() >= MIN_NUMBER_CHARS && normalised.chars().any(|c| c.is_numeric())
}

/// The working copy of balances, with an index by (currency, outstanding) for the amount
/// match, kept in step as proposals are deducted.
struct Balances {
    outstanding: BTreeMap<i64, i64>,
    by_amount: HashMap<(Currency, i64), BTreeSet<i64>>,
}

impl Balances {
    fn new(invoices: &BTreeMap<i64, &InvoiceFacts>) -> Balances {
        let mut balances = Balances {
            outstanding: BTreeMap::new(),
            by_amount: HashMap::new(),
        };
        for invoice in invoices.values() {
            if invoice.outstanding > 0 {
                balances.outstanding.insert(invoice.id, invoice.outstanding);
                balances
                    .by_amount
                    .entry((invoice.currency, invoice.outstanding))
                    .or_default()
                    .insert(invoice.id);
            }
        }
        balances
    }

    fn get(&self, id: i64) -> i64 {
        self.outstanding.get(&id).copied().unwrap_or(0)
    }

    fn deduct(&mut self, invoice: &InvoiceFacts, amount: i64) {
        let before = self.get(invoice.id);
        let after = before - amount.min(before);
        if let Some(ids) = self.by_amount.get_mut(&(invoice.currency, before)) {
            ids.remove(&invoice.id);
        }
        if after > 0 {
            self.outstanding.insert(invoice.id, after);
            self.by_amount
                .entry((invoice.currency, after))
                .or_default()
                .insert(invoice.id);
        } else {
            self.outstanding.remove(&invoice.id);
        }
    }
}

struct Matcher<'a> {
    invoices: BTreeMap<i64, &'a InvoiceFacts>,
    customers: BTreeMap<i64, &'a CustomerFacts>,
    /// Normalised invoice number → invoice ids (numbers are unique per customer only).
    by_number: HashMap<String, BTreeSet<i64>>,
    longest_number: usize,
    /// Each customer's invoices in its auto-allocate order.
    by_customer: BTreeMap<i64, Vec<i64>>,
    /// Normalised payer account / name → customer → newest line seen.
    accounts: HashMap<String, BTreeMap<i64, i64>>,
    names: HashMap<String, BTreeMap<i64, i64>>,
    balances: Balances,
}

/// Proposes a customer and allocations for each line (SPEC §11). The result is in processing
/// order (booking date, then line id) and does not depend on the order of any input.
pub fn propose(
    lines: &[LineFacts],
    invoices: &[InvoiceFacts],
    customers: &[CustomerFacts],
    history: &[PayerSeen],
) -> Vec<Proposal> {
    let invoices: BTreeMap<i64, &InvoiceFacts> = invoices.iter().map(|i| (i.id, i)).collect();
    let customers: BTreeMap<i64, &CustomerFacts> = customers.iter().map(|c| (c.id, c)).collect();
    let mut by_number: HashMap<String, BTreeSet<i64>> = HashMap::new();
    let mut longest_number = 0;
    let mut open_by_customer: BTreeMap<i64, Vec<OpenInvoice>> = BTreeMap::new();
    for invoice in invoices.values() {
        let number = normalise_number(&invoice.number);
        if searchable(&number) {
            longest_number = longest_number.max(number.len());
            by_number.entry(number).or_default().insert(invoice.id);
        }
        open_by_customer
            .entry(invoice.customer_id)
            .or_default()
            .push(OpenInvoice {
                id: invoice.id,
                due: invoice.due,
                date: invoice.date,
                outstanding: invoice.outstanding,
            });
    }
    let by_customer = open_by_customer
        .into_iter()
        .map(|(customer, mut open)| {
            let order = customers
                .get(&customer)
                .map_or(AllocationOrder::OldestToNewest, |c| c.order);
            sort_for_allocation(&mut open, order);
            (customer, open.into_iter().map(|i| i.id).collect())
        })
        .collect();
    let mut accounts: HashMap<String, BTreeMap<i64, i64>> = HashMap::new();
    let mut names: HashMap<String, BTreeMap<i64, i64>> = HashMap::new();
    for seen in history {
        for (key, map) in [
            (
                seen.payer_account.as_deref().map(normalise_number),
                &mut accounts,
            ),
            (seen.payer_name.as_deref().map(normalise_name), &mut names),
        ] {
            if let Some(key) = key.filter(|k| !k.is_empty()) {
                let newest = map
                    .entry(key)
                    .or_default()
                    .entry(seen.customer_id)
                    .or_insert(0);
                *newest = (*newest).max(seen.line_id);
            }
        }
    }
    let balances = Balances::new(&invoices);
    let mut matcher = Matcher {
        invoices,
        customers,
        by_number,
        longest_number,
        by_customer,
        accounts,
        names,
        balances,
    };
    let mut ordered: Vec<&LineFacts> = lines.iter().collect();
    ordered.sort_by(|a, b| (&a.booking_date, a.id).cmp(&(&b.booking_date, b.id)));
    ordered.dedup_by_key(|l| l.id);
    ordered
        .into_iter()
        .map(|line| {
            let proposal = matcher.line(line);
            for (invoice, amount) in &proposal.allocations {
                if let Some(facts) = matcher.invoices.get(invoice).copied() {
                    matcher.balances.deduct(facts, *amount);
                }
            }
            proposal
        })
        .collect()
}

impl<'a> Matcher<'a> {
    fn money(&self, minor: i64, currency: Currency) -> String {
        format!("{} {currency}", Money::from_minor(minor, currency))
    }

    fn customer_label(&self, id: i64) -> String {
        match self.customers.get(&id) {
            Some(c) => format!("customer {id} ({})", c.name),
            None => format!("customer {id}"),
        }
    }

    fn number(&self, id: i64) -> String {
        self.invoices
            .get(&id)
            .map_or_else(|| id.to_string(), |i| i.number.clone())
    }

    fn line(&self, line: &LineFacts) -> Proposal {
        let outcome = self
            .by_invoice_number(line)
            .or_else(|| self.by_payer(line))
            .or_else(|| self.by_one_amount(line))
            .or_else(|| self.by_set(line))
            .unwrap_or_else(|| {
                Outcome::none(format!(
                    "no invoice number in the remittance, payer not seen on an applied line, and no open invoice or set of one customer's invoices owes {}",
                    self.money(line.amount, line.currency)
                ))
            });
        Proposal {
            line_id: line.id,
            customer_id: outcome.customer_id,
            reason: outcome.reason,
            // The payer's name or account is quoted: a card number in it is never stored.
            detail: crate::core::text::mask_card_numbers(&outcome.detail),
            allocations: outcome.allocations,
        }
    }

    /// A customer's open invoices in its auto-allocate order, with their working balances.
    fn open_of(&self, customer: i64, currency: Currency) -> Vec<(i64, i64)> {
        self.by_customer
            .get(&customer)
            .into_iter()
            .flatten()
            .filter(|id| {
                self.invoices
                    .get(id)
                    .is_some_and(|i| i.currency == currency)
            })
            .map(|id| (*id, self.balances.get(*id)))
            .filter(|(_, outstanding)| *outstanding > 0)
            .collect()
    }

    fn customer_fits(&self, customer: i64, currency: Currency) -> bool {
        self.customers
            .get(&customer)
            .is_some_and(|c| c.currency == currency)
    }

    fn by_invoice_number(&self, line: &LineFacts) -> Option<Outcome> {
        let remittance = line.remittance.as_deref()?;
        let words = words(remittance);
        // Every run of whole words that spells a known number; a run inside a longer run that
        // also spells one is dropped (`INV-2026-0042` is one number, not also `2026`).
        let mut spans: Vec<(usize, usize, &BTreeSet<i64>)> = Vec::new();
        for start in 0..words.len() {
            let mut joined = String::new();
            for (end, word) in words.iter().enumerate().skip(start).take(MAX_SPAN_WORDS) {
                joined.push_str(word);
                if joined.len() > self.longest_number {
                    break;
                }
                if let Some(ids) = self.by_number.get(&joined) {
                    spans.push((start, end, ids));
                }
            }
        }
        let outer: Vec<&(usize, usize, &BTreeSet<i64>)> = spans
            .iter()
            .filter(|(s, e, _)| {
                !spans
                    .iter()
                    .any(|(s2, e2, _)| s2 <= s && e <= e2 && (s2, e2) != (s, e))
            })
            .collect();
        // Invoices named, in the line's currency, of a customer who pays in it: the open ones
        // (open when the run began), else the paid ones.
        let mut named: BTreeSet<i64> = BTreeSet::new();
        let mut paid: BTreeSet<i64> = BTreeSet::new();
        for (_, _, ids) in &outer {
            for id in ids.iter() {
                if let Some(invoice) = self.invoices.get(id) {
                    if invoice.currency == line.currency
                        && self.customer_fits(invoice.customer_id, line.currency)
                    {
                        if invoice.outstanding > 0 {
                            named.insert(*id);
                        } else {
                            paid.insert(*id);
                        }
                    }
                }
            }
        }
        if named.is_empty() {
            return self.by_paid_invoice_number(line, &paid);
        }
        let customers: BTreeSet<i64> = named
            .iter()
            .filter_map(|id| self.invoices.get(id).map(|i| i.customer_id))
            .collect();
        let numbers: Vec<String> = named.iter().map(|id| self.number(*id)).collect();
        if customers.len() > 1 {
            let who: Vec<String> = named
                .iter()
                .filter_map(|id| self.invoices.get(id))
                .map(|i| format!("{} of customer {}", i.number, i.customer_id))
                .collect();
            return Some(Outcome::ambiguous(format!(
                "the remittance names invoices of more than one customer: {}",
                who.join(", ")
            )));
        }
        let customer = *customers.iter().next()?;
        // The named invoices, in the customer's allocation order, each up to what it owes.
        let open: Vec<(i64, i64)> = self
            .open_of(customer, line.currency)
            .into_iter()
            .filter(|(id, _)| named.contains(id))
            .collect();
        let allocations = spread(line.amount, &open);
        let allocated: i64 = allocations.iter().map(|(_, a)| a).sum();
        let mut detail = format!(
            "remittance names invoice{} {} of {}",
            if numbers.len() == 1 { "" } else { "s" },
            numbers.join(", "),
            self.customer_label(customer)
        );
        if allocations.is_empty() {
            detail.push_str(&format!(
                "; nothing is left open on {}, so the whole {} would be the customer's available funds",
                if numbers.len() == 1 { "it" } else { "them" },
                self.money(line.amount, line.currency)
            ));
        } else if allocated < line.amount {
            detail.push_str(&format!(
                "; {} left unallocated",
                self.money(line.amount - allocated, line.currency)
            ));
        }
        Some(Outcome::matched(
            customer,
            Reason::InvoiceNumber,
            detail,
            allocations,
        ))
    }

    /// The remittance names only invoices that were paid before the run: the payer is their
    /// customer (a second payment of a paid invoice is still that customer's money), and the
    /// whole line is proposed unallocated, as the customer's available funds, for a clerk to
    /// allocate or refund. Invoices of two customers: ambiguous.
    fn by_paid_invoice_number(&self, line: &LineFacts, paid: &BTreeSet<i64>) -> Option<Outcome> {
        if paid.is_empty() {
            return None;
        }
        let customers: BTreeSet<i64> = paid
            .iter()
            .filter_map(|id| self.invoices.get(id).map(|i| i.customer_id))
            .collect();
        if customers.len() > 1 {
            let who: Vec<String> = paid
                .iter()
                .filter_map(|id| self.invoices.get(id))
                .map(|i| format!("{} of customer {}", i.number, i.customer_id))
                .collect();
            return Some(Outcome::ambiguous(format!(
                "the remittance names paid invoices of more than one customer: {}",
                who.join(", ")
            )));
        }
        let customer = *customers.iter().next()?;
        let numbers: Vec<String> = paid.iter().map(|id| self.number(*id)).collect();
        Some(Outcome::matched(
            customer,
            Reason::InvoiceNumber,
            format!(
                "invoice{} {} of {} {} already paid; the whole {} would be the customer's available funds (unallocated)",
                if numbers.len() == 1 { "" } else { "s" },
                numbers.join(", "),
                self.customer_label(customer),
                if numbers.len() == 1 { "is" } else { "are" },
                self.money(line.amount, line.currency)
            ),
            Vec::new(),
        ))
    }

    fn by_payer(&self, line: &LineFacts) -> Option<Outcome> {
        let lookups = [
            (
                "account",
                line.payer_account.as_deref(),
                line.payer_account.as_deref().map(normalise_number),
                &self.accounts,
            ),
            (
                "name",
                line.payer_name.as_deref(),
                line.payer_name.as_deref().map(normalise_name),
                &self.names,
            ),
        ];
        for (what, raw, key, map) in lookups {
            let Some(seen) = key.filter(|k| !k.is_empty()).and_then(|k| map.get(&k)) else {
                continue;
            };
            let fitting: Vec<(i64, i64)> = seen
                .iter()
                .filter(|(c, _)| self.customer_fits(**c, line.currency))
                .map(|(c, l)| (*c, *l))
                .collect();
            let shown = crate::core::text::excerpt(raw.unwrap_or_default());
            match fitting.as_slice() {
                [] => continue,
                [(customer, seen_line)] => {
                    let open = self.open_of(*customer, line.currency);
                    let allocations = spread(line.amount, &open);
                    let allocated: i64 = allocations.iter().map(|(_, a)| a).sum();
                    let mut detail = format!(
                        "payer {what} '{shown}' was applied to {} on line {seen_line}; allocated by its auto-allocate order",
                        self.customer_label(*customer)
                    );
                    if allocated < line.amount {
                        detail.push_str(&format!(
                            "; {} left unallocated",
                            self.money(line.amount - allocated, line.currency)
                        ));
                    }
                    return Some(Outcome::matched(
                        *customer,
                        Reason::PayerHistory,
                        detail,
                        allocations,
                    ));
                }
                many => {
                    let who: Vec<String> = many
                        .iter()
                        .map(|(c, l)| format!("customer {c} (line {l})"))
                        .collect();
                    return Some(Outcome::ambiguous(format!(
                        "payer {what} '{shown}' was applied to more than one customer: {}",
                        who.join(", ")
                    )));
                }
            }
        }
        None
    }

    fn by_one_amount(&self, line: &LineFacts) -> Option<Outcome> {
        let ids: Vec<i64> = self
            .balances
            .by_amount
            .get(&(line.currency, line.amount))?
            .iter()
            .copied()
            .filter(|id| {
                self.invoices
                    .get(id)
                    .is_some_and(|i| self.customer_fits(i.customer_id, line.currency))
            })
            .collect();
        match ids.as_slice() {
            [] => None,
            [id] => {
                let invoice = self.invoices.get(id)?;
                Some(Outcome::matched(
                    invoice.customer_id,
                    Reason::AmountOneInvoice,
                    format!(
                        "amount {} equals what invoice {} of {} owes, and no other open invoice",
                        self.money(line.amount, line.currency),
                        invoice.number,
                        self.customer_label(invoice.customer_id)
                    ),
                    vec![(*id, line.amount)],
                ))
            }
            many => {
                let shown: Vec<String> = many
                    .iter()
                    .take(5)
                    .filter_map(|id| self.invoices.get(id))
                    .map(|i| format!("{} of customer {}", i.number, i.customer_id))
                    .collect();
                Some(Outcome::ambiguous(format!(
                    "amount {} equals what {} open invoices owe: {}{}",
                    self.money(line.amount, line.currency),
                    many.len(),
                    shown.join(", "),
                    if many.len() > 5 { ", …" } else { "" }
                )))
            }
        }
    }

    fn by_set(&self, line: &LineFacts) -> Option<Outcome> {
        let mut budget = SET_BUDGET;
        let mut found: Vec<(i64, Vec<(i64, i64)>)> = Vec::new();
        for customer in self.customers.values() {
            if customer.currency != line.currency {
                continue;
            }
            let window: Vec<(i64, i64)> = self
                .open_of(customer.id, line.currency)
                .into_iter()
                .take(SET_WINDOW)
                .collect();
            if window.len() < 2 {
                continue;
            }
            let reachable = window
                .iter()
                .try_fold(0i64, |sum, (_, o)| sum.checked_add(*o))
                .unwrap_or(i64::MAX);
            if reachable < line.amount {
                continue;
            }
            for set in find_sets(&window, line.amount, 2 - found.len().min(1), &mut budget) {
                found.push((customer.id, set));
            }
            if found.len() >= 2 {
                break;
            }
            if budget == 0 {
                return Some(Outcome::none(format!(
                    "no invoice number in the remittance and payer not seen; the search for a set of invoices owing {} stopped after {SET_BUDGET} sets",
                    self.money(line.amount, line.currency)
                )));
            }
        }
        let describe = |set: &[(i64, i64)]| {
            set.iter()
                .map(|(id, _)| self.number(*id))
                .collect::<Vec<_>>()
                .join(" + ")
        };
        match found.as_slice() {
            [] => None,
            [(customer, set)] => Some(Outcome::matched(
                *customer,
                Reason::AmountInvoiceSet,
                format!(
                    "amount {} equals what invoices {} of {} owe together",
                    self.money(line.amount, line.currency),
                    describe(set),
                    self.customer_label(*customer)
                ),
                set.clone(),
            )),
            [(c1, s1), (c2, s2), ..] => Some(Outcome::ambiguous(format!(
                "amount {} equals more than one set of invoices: {} of customer {c1}, and {} of customer {c2}",
                self.money(line.amount, line.currency),
                describe(s1),
                describe(s2)
            ))),
        }
    }
}

/// Spreads `amount` over `open` (invoice, outstanding) in the given order, each up to what it
/// owes.
fn spread(amount: i64, open: &[(i64, i64)]) -> Vec<(i64, i64)> {
    let invoices: Vec<OpenInvoice> = open
        .iter()
        .enumerate()
        .map(|(position, (id, outstanding))| {
            // plan_auto sorts by due date, then date, then id: give it the order we have.
            let at = DateTime::<Utc>::from_timestamp(position as i64, 0).unwrap_or_default();
            OpenInvoice {
                id: *id,
                due: at,
                date: at,
                outstanding: *outstanding,
            }
        })
        .collect();
    plan_auto(amount, &invoices, AllocationOrder::OldestToNewest)
        .into_iter()
        .map(|p| (p.invoice_id, p.amount))
        .collect()
}

/// Up to `want` sets of 2 to [`MAX_SET`] of `window`'s invoices whose balances add up to
/// exactly `target`: smaller sets first, then in lexicographic order of positions in the
/// window (oldest first). Each subset visited costs one unit of `budget`.
fn find_sets(
    window: &[(i64, i64)],
    target: i64,
    want: usize,
    budget: &mut usize,
) -> Vec<Vec<(i64, i64)>> {
    let mut found = Vec::new();
    for size in 2..=MAX_SET.min(window.len()) {
        let mut chosen = Vec::with_capacity(size);
        search(
            window,
            0,
            size,
            target,
            &mut chosen,
            &mut found,
            want,
            budget,
        );
        if found.len() >= want || *budget == 0 {
            break;
        }
    }
    found
}

#[allow(clippy::too_many_arguments)]
fn search(
    window: &[(i64, i64)],
    from: usize,
    size: usize,
    left: i64,
    chosen: &mut Vec<usize>,
    found: &mut Vec<Vec<(i64, i64)>>,
    want: usize,
    budget: &mut usize,
) {
    if found.len() >= want || *budget == 0 {
        return;
    }
    *budget -= 1;
    if chosen.len() == size {
        if left == 0 {
            found.push(chosen.iter().map(|&i| (window[i].0, window[i].1)).collect());
        }
        return;
    }
    let needed = size - chosen.len();
    for i in from..window.len() {
        if window.len() - i < needed {
            break;
        }
        // Balances are positive: past the target, no superset can come back to it.
        if window[i].1 > left {
            continue;
        }
        chosen.push(i);
        search(
            window,
            i + 1,
            size,
            left - window[i].1,
            chosen,
            found,
            want,
            budget,
        );
        chosen.pop();
        if found.len() >= want || *budget == 0 {
            return;
        }
    }
}

struct Outcome {
    customer_id: Option<i64>,
    reason: Reason,
    detail: String,
    allocations: Vec<(i64, i64)>,
}

impl Outcome {
    fn matched(
        customer: i64,
        reason: Reason,
        detail: String,
        allocations: Vec<(i64, i64)>,
    ) -> Outcome {
        Outcome {
            customer_id: Some(customer),
            reason,
            detail,
            allocations,
        }
    }

    fn ambiguous(detail: String) -> Outcome {
        Outcome {
            customer_id: None,
            reason: Reason::Ambiguous,
            detail,
            allocations: Vec::new(),
        }
    }

    fn none(detail: String) -> Outcome {
        Outcome {
            customer_id: None,
            reason: Reason::None,
            detail,
            allocations: Vec::new(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::dates::parse_date;
    use proptest::prelude::*;

    fn usd() -> Currency {
        Currency::from_code("USD").unwrap()
    }

    fn customer(id: i64, name: &str) -> CustomerFacts {
        CustomerFacts {
            id,
            name: name.into(),
            currency: usd(),
            order: AllocationOrder::OldestToNewest,
        }
    }

    fn invoice(
        id: i64,
        number: &str,
        customer_id: i64,
        outstanding: i64,
        due: &str,
    ) -> InvoiceFacts {
        let due = parse_date(due).unwrap();
        InvoiceFacts {
            id,
            number: number.into(),
            customer_id,
            currency: usd(),
            outstanding,
            due,
            date: due,
        }
    }

    fn line(id: i64, date: &str, amount: i64, remittance: &str) -> LineFacts {
        LineFacts {
            id,
            booking_date: date.into(),
            amount,
            currency: usd(),
            payer_name: None,
            payer_account: None,
            remittance: (!remittance.is_empty()).then(|| remittance.to_string()),
        }
    }

    #[test]
    fn invoice_number_is_found_across_spaces_case_and_separators() {
        let invoices = [
            invoice(1, "INV-2026-0042", 7, 5000, "2026-01-01"),
            invoice(2, "INV-2026-0043", 7, 5000, "2026-01-02"),
        ];
        let got = propose(
            &[line(10, "2026-02-01", 3000, "payment inv 2026/0042 thanks")],
            &invoices,
            &[customer(7, "Acme")],
            &[],
        );
        assert_eq!(got[0].reason, Reason::InvoiceNumber);
        assert_eq!(got[0].customer_id, Some(7));
        assert_eq!(got[0].allocations, vec![(1, 3000)]);
        assert!(got[0].detail.contains("INV-2026-0042"), "{}", got[0].detail);
    }

    #[test]
    fn a_short_number_is_not_found_inside_a_longer_digit_run() {
        let invoices = [invoice(1, "0042", 7, 5000, "2026-01-01")];
        let got = propose(
            &[line(10, "2026-02-01", 3000, "ref 20260042")],
            &invoices,
            &[customer(7, "Acme")],
            &[],
        );
        assert_eq!(got[0].reason, Reason::None, "{}", got[0].detail);
        let got = propose(
            &[line(10, "2026-02-01", 3000, "ref 2026-0042")],
            &invoices,
            &[customer(7, "Acme")],
            &[],
        );
        assert_eq!(got[0].reason, Reason::InvoiceNumber);
    }

    #[test]
    fn a_number_inside_a_longer_number_found_is_not_counted() {
        let invoices = [
            invoice(1, "INV-2026-0042", 7, 5000, "2026-01-01"),
            invoice(2, "2026", 8, 5000, "2026-01-01"),
        ];
        let got = propose(
            &[line(10, "2026-02-01", 3000, "INV 2026 0042")],
            &invoices,
            &[customer(7, "Acme"), customer(8, "Other")],
            &[],
        );
        assert_eq!(got[0].reason, Reason::InvoiceNumber, "{}", got[0].detail);
        assert_eq!(got[0].customer_id, Some(7));
    }

    #[test]
    fn two_lines_never_take_one_balance() {
        let invoices = [invoice(1, "INV-0001", 7, 5000, "2026-01-01")];
        let got = propose(
            &[
                line(11, "2026-02-01", 4000, "INV-0001"),
                line(10, "2026-02-01", 4000, "INV-0001"),
            ],
            &invoices,
            &[customer(7, "Acme")],
            &[],
        );
        assert_eq!(got[0].line_id, 10);
        assert_eq!(got[0].allocations, vec![(1, 4000)]);
        assert_eq!(got[1].allocations, vec![(1, 1000)]);
    }

    #[test]
    fn payer_history_amount_and_set() {
        let invoices = [
            invoice(1, "A-1", 7, 1000, "2026-01-01"),
            invoice(2, "A-2", 7, 2000, "2026-01-02"),
            invoice(3, "B-1", 8, 700, "2026-01-01"),
            invoice(4, "B-2", 8, 450, "2026-01-03"),
            invoice(5, "B-3", 8, 999, "2026-01-04"),
        ];
        let customers = [customer(7, "Acme"), customer(8, "Bolt")];
        let mut paid = line(20, "2026-02-01", 1500, "thanks");
        paid.payer_account = Some("de89 3704 0044 0532 0130 00".into());
        let history = [PayerSeen {
            line_id: 3,
            payer_name: None,
            payer_account: Some("DE89370400440532013000".into()),
            customer_id: 7,
        }];
        let got = propose(
            &[
                paid,
                line(21, "2026-02-02", 999, ""),
                line(22, "2026-02-03", 1150, ""),
                line(23, "2026-02-04", 123, ""),
            ],
            &invoices,
            &customers,
            &history,
        );
        assert_eq!(got[0].reason, Reason::PayerHistory);
        assert_eq!(got[0].allocations, vec![(1, 1000), (2, 500)]);
        assert_eq!(got[1].reason, Reason::AmountOneInvoice);
        assert_eq!(got[1].allocations, vec![(5, 999)]);
        assert_eq!(got[2].reason, Reason::AmountInvoiceSet);
        assert_eq!(got[2].allocations, vec![(3, 700), (4, 450)]);
        assert_eq!(got[3].reason, Reason::None);
    }

    #[test]
    fn two_invoices_of_one_amount_are_ambiguous() {
        let invoices = [
            invoice(1, "A-1", 7, 1000, "2026-01-01"),
            invoice(2, "B-1", 8, 1000, "2026-01-02"),
        ];
        let got = propose(
            &[line(1, "2026-02-01", 1000, "")],
            &invoices,
            &[customer(7, "Acme"), customer(8, "Bolt")],
            &[],
        );
        assert_eq!(got[0].reason, Reason::Ambiguous);
        assert!(got[0].allocations.is_empty());
    }

    #[test]
    fn two_sets_are_ambiguous() {
        let invoices = [
            invoice(1, "A-1", 7, 100, "2026-01-01"),
            invoice(2, "A-2", 7, 200, "2026-01-02"),
            invoice(3, "A-3", 7, 150, "2026-01-03"),
            invoice(4, "A-4", 7, 150, "2026-01-04"),
        ];
        let got = propose(
            &[line(1, "2026-02-01", 300, "")],
            &invoices,
            &[customer(7, "Acme")],
            &[],
        );
        assert_eq!(got[0].reason, Reason::Ambiguous, "{}", got[0].detail);
    }

    #[test]
    fn allocations_text_round_trips() {
        let a = vec![(1, 100), (22, 5)];
        assert_eq!(parse_allocations_text(&allocations_text(&a)), Some(a));
        assert_eq!(parse_allocations_text(""), Some(vec![]));
        assert_eq!(parse_allocations_text("x=1"), None);
    }

    fn arb_input() -> impl Strategy<Value = (Vec<LineFacts>, Vec<InvoiceFacts>, Vec<PayerSeen>)> {
        let invoices = prop::collection::vec((1i64..4, 1i64..60, 0u8..10), 0..14).prop_map(|v| {
            v.into_iter()
                .enumerate()
                .map(|(i, (customer, outstanding, day))| {
                    invoice(
                        i as i64 + 1,
                        &format!("INV-{:04}", i + 1),
                        customer,
                        outstanding * 10,
                        &format!("2026-01-{:02}", day + 1),
                    )
                })
                .collect::<Vec<_>>()
        });
        let lines = prop::collection::vec(
            (
                1i64..200,
                0u8..3,
                prop::option::of(1usize..16),
                prop::option::of(0u8..3),
            ),
            0..12,
        )
        .prop_map(|v| {
            v.into_iter()
                .enumerate()
                .map(|(i, (amount, day, named, payer))| {
                    let mut l = line(
                        i as i64 + 1,
                        &format!("2026-02-{:02}", day + 1),
                        amount * 10,
                        &named.map_or(String::new(), |n| format!("inv {:04}", n)),
                    );
                    l.payer_name = payer.map(|p| format!("payer {p}"));
                    l
                })
                .collect::<Vec<_>>()
        });
        let history = prop::collection::vec((0u8..3, 1i64..4), 0..4).prop_map(|v| {
            v.into_iter()
                .enumerate()
                .map(|(i, (payer, customer))| PayerSeen {
                    line_id: 1000 + i as i64,
                    payer_name: Some(format!("PAYER {payer}")),
                    payer_account: None,
                    customer_id: customer,
                })
                .collect::<Vec<_>>()
        });
        (lines, invoices, history)
    }

    fn customers() -> Vec<CustomerFacts> {
        vec![customer(1, "One"), customer(2, "Two"), customer(3, "Three")]
    }

    proptest! {
        #[test]
        fn never_over_allocates((lines, invoices, history) in arb_input()) {
            let proposals = propose(&lines, &invoices, &customers(), &history);
            let mut per_invoice: BTreeMap<i64, i64> = BTreeMap::new();
            for p in &proposals {
                let line = lines.iter().find(|l| l.id == p.line_id).unwrap();
                let sum: i64 = p.allocations.iter().map(|(_, a)| a).sum();
                prop_assert!(sum <= line.amount, "line {} over-allocated", line.id);
                for (id, amount) in &p.allocations {
                    prop_assert!(*amount > 0);
                    let inv = invoices.iter().find(|i| i.id == *id).unwrap();
                    prop_assert_eq!(Some(inv.customer_id), p.customer_id);
                    *per_invoice.entry(*id).or_default() += amount;
                }
                prop_assert_eq!(p.customer_id.is_some(), p.reason.is_match());
            }
            for (id, total) in per_invoice {
                let inv = invoices.iter().find(|i| i.id == id).unwrap();
                prop_assert!(total <= inv.outstanding, "invoice {} over-allocated: {} > {}", id, total, inv.outstanding);
            }
        }

        #[test]
        fn deterministic_whatever_the_input_order(
            (lines, invoices, history) in arb_input(),
            seed in any::<u64>(),
        ) {
            let first = propose(&lines, &invoices, &customers(), &history);
            let shuffle = |n: usize| {
                let mut order: Vec<usize> = (0..n).collect();
                let mut s = seed;
                for i in (1..n).rev() {
                    s = s.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
                    order.swap(i, (s >> 33) as usize % (i + 1));
                }
                order
            };
            let lines2: Vec<LineFacts> = shuffle(lines.len()).into_iter().map(|i| lines[i].clone()).collect();
            let invoices2: Vec<InvoiceFacts> = shuffle(invoices.len()).into_iter().map(|i| invoices[i].clone()).collect();
            let history2: Vec<PayerSeen> = shuffle(history.len()).into_iter().map(|i| history[i].clone()).collect();
            let mut customers2 = customers();
            customers2.reverse();
            prop_assert_eq!(first, propose(&lines2, &invoices2, &customers2, &history2));
        }
    }
}
