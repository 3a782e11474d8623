//! Model-based test: random sequences of create, allocate, unallocate, reallocate, refund,
//! settle and void (and invoice void / write-off) run against the real binary and against a
//! small in-memory model of SPEC §5/§6 written here from the spec, not from payctl's code. After
//! every step the exit code must be the one the model expects, every payment's allocations,
//! unallocated, refundable and refunded amounts and every invoice's paid, outstanding and
//! status must equal the model's, and `payctl verify` must pass.
//!
//! Size: PAYCTL_MODEL_CASES (else PROPTEST_CASES, else 16) sequences of up to
//! PAYCTL_MODEL_STEPS (default 20) steps; e.g.
//! `PAYCTL_MODEL_CASES=400 PAYCTL_MODEL_STEPS=40 cargo test --test cli model -- --nocapture`
//! runs a heavier version and prints how many steps of each command passed or were refused.

use std::collections::BTreeMap;

use proptest::prelude::*;
use proptest::test_runner::TestCaseError;

use crate::common::Env;

const CUSTOMER: i64 = 1;
const CARD: i64 = 1;
const ACH: i64 = 2;
const MISSING_PAYMENT: i64 = 9999;
const FIRST_INVOICE: i64 = 101;

fn env_number(names: &[&str], default: u32) -> u32 {
    names
        .iter()
        .find_map(|n| std::env::var(n).ok())
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

/// An amount: a plain number of cents, or one of two quantities the step depends on (say,
/// the payment's unallocated amount and the invoice's outstanding balance) plus -1, 0 or +1
/// cent, so boundaries are hit often. Zero or less becomes "0", which must be refused.
#[derive(Clone, Debug)]
enum Amt {
    Cents(i64),
    NearA(i8),
    NearB(i8),
}

impl Amt {
    fn resolve(&self, a: i64, b: i64) -> i64 {
        match self {
            Amt::Cents(c) => *c,
            Amt::NearA(d) => a + i64::from(*d),
            Amt::NearB(d) => b + i64::from(*d),
        }
        .max(0)
    }
}

fn amt() -> impl Strategy<Value = Amt> {
    let delta = prop_oneof![1 => Just(-1i8), 4 => Just(0i8), 1 => Just(1i8)];
    prop_oneof![
        2 => (1i64..=500).prop_map(Amt::Cents),
        1 => (500i64..=6000).prop_map(Amt::Cents),
        3 => delta.clone().prop_map(Amt::NearA),
        2 => delta.prop_map(Amt::NearB),
    ]
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Method {
    Cash,
    Check,
    CreditCard,
    Ach,
    DirectDeposit,
}

#[derive(Clone, Debug)]
enum Op {
    Create {
        amount: Amt,
        method: Method,
        allocate: Vec<(usize, Amt)>,
        /// `--auto-allocate`, and whether newest-to-oldest.
        auto: Option<bool>,
        /// `--reference R0` or `R1`: the same amount and reference as a live payment is a
        /// likely duplicate (SPEC §10), refused.
        reference: Option<u8>,
    },
    Allocate {
        pay: usize,
        inv: usize,
        amount: Amt,
    },
    AllocateAuto {
        pay: usize,
        newest: bool,
    },
    AllocateCustomer,
    Unallocate {
        pay: usize,
        inv: usize,
        amount: Option<Amt>,
    },
    Reallocate {
        pay: usize,
        from: usize,
        to: usize,
        amount: Option<Amt>,
    },
    Refund {
        pay: usize,
        amount: Amt,
        from: Vec<(usize, Amt)>,
    },
    Settle {
        pay: usize,
        successful: bool,
    },
    Void {
        pay: usize,
    },
    VoidInvoice {
        inv: usize,
    },
    WriteOff {
        inv: usize,
    },
    /// Issue 19: a credit note, a partial write-off, a debit note, a credit write-off.
    CreditNote {
        inv: usize,
        amount: Amt,
    },
    PartWriteOff {
        inv: usize,
        amount: Amt,
    },
    DebitNote {
        inv: usize,
        amount: Amt,
    },
    CreditWriteOff {
        amount: Amt,
    },
}

/// A create with an allocation or two (often none), auto-allocating half the time; `plain`
/// leaves out explicit allocations (the payments a sequence opens with).
fn create_op(plain: bool) -> impl Strategy<Value = Op> {
    let method = prop_oneof![
        Just(Method::Cash),
        Just(Method::Check),
        Just(Method::CreditCard),
        Just(Method::Ach),
        Just(Method::DirectDeposit),
    ];
    let idx = 0usize..8;
    let allocate = prop_oneof![
        2 => Just(Vec::new()),
        if plain { 0 } else { 2 } => prop::collection::vec((idx.clone(), amt()), 1..=1),
        if plain { 0 } else { 1 } => prop::collection::vec((idx, amt()), 2..=3),
    ];
    (
        amt(),
        method,
        allocate,
        prop::option::of(any::<bool>()),
        prop::option::of(0u8..2),
    )
        .prop_map(|(amount, method, allocate, auto, reference)| Op::Create {
            amount,
            method,
            allocate,
            auto,
            reference,
        })
}

fn op() -> impl Strategy<Value = Op> {
    let idx = 0usize..8;
    // A refund that names no invoice (from unallocated funds), or one or more.
    let from = prop_oneof![
        3 => Just(Vec::new()),
        3 => prop::collection::vec((idx.clone(), amt()), 1..=1),
        1 => prop::collection::vec((idx.clone(), amt()), 2..=3),
    ];
    prop_oneof![
        8 => create_op(false),
        6 => (idx.clone(), idx.clone(), amt()).prop_map(|(pay, inv, amount)| Op::Allocate { pay, inv, amount }),
        2 => (idx.clone(), any::<bool>()).prop_map(|(pay, newest)| Op::AllocateAuto { pay, newest }),
        1 => Just(Op::AllocateCustomer),
        5 => (idx.clone(), idx.clone(), prop::option::of(amt())).prop_map(|(pay, inv, amount)| Op::Unallocate { pay, inv, amount }),
        5 => (idx.clone(), idx.clone(), idx.clone(), prop::option::of(amt()))
            .prop_map(|(pay, from, to, amount)| Op::Reallocate { pay, from, to, amount }),
        5 => (idx.clone(), amt(), from)
            .prop_map(|(pay, amount, from)| Op::Refund { pay, amount, from }),
        3 => (idx.clone(), any::<bool>()).prop_map(|(pay, successful)| Op::Settle { pay, successful }),
        2 => idx.clone().prop_map(|pay| Op::Void { pay }),
        1 => idx.clone().prop_map(|inv| Op::VoidInvoice { inv }),
        1 => idx.clone().prop_map(|inv| Op::WriteOff { inv }),
        2 => (idx.clone(), amt()).prop_map(|(inv, amount)| Op::CreditNote { inv, amount }),
        2 => (idx.clone(), amt()).prop_map(|(inv, amount)| Op::PartWriteOff { inv, amount }),
        1 => (idx, amt()).prop_map(|(inv, amount)| Op::DebitNote { inv, amount }),
        2 => amt().prop_map(|amount| Op::CreditWriteOff { amount }),
    ]
}

/// One invoice of the case: total in cents, invoice day offset and net days (ties in due date
/// and invoice date are likely, so the whole (due, date, id) order is exercised).
#[derive(Clone, Debug)]
struct InvoiceSpec {
    total: i64,
    day: u32,
    net: u32,
}

fn invoice_spec() -> impl Strategy<Value = InvoiceSpec> {
    (
        prop_oneof![100i64..=3000, 3000i64..=20000],
        0u32..3,
        0u32..3,
    )
        .prop_map(|(total, day, net)| InvoiceSpec { total, day, net })
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Closed {
    Void,
    WrittenOff,
}

#[derive(Clone, Debug)]
struct Invoice {
    id: i64,
    total: i64,
    /// Debit notes less credit notes and partial write-offs.
    adjusted: i64,
    due: u32,
    day: u32,
    closed: Option<Closed>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Settlement {
    Pending,
    Successful,
    Failed,
}

#[derive(Clone, Debug)]
struct Payment {
    id: i64,
    amount: i64,
    settlement: Settlement,
    voided: bool,
    reference: Option<u8>,
    /// Net cents on each invoice (no zero entries).
    allocations: BTreeMap<i64, i64>,
    refunded: i64,
    /// Unapplied credit written off it.
    written_off: i64,
}

impl Payment {
    fn counts(&self) -> bool {
        !self.voided && self.settlement != Settlement::Failed
    }
    fn allocated(&self) -> i64 {
        self.allocations.values().sum()
    }
    fn unallocated(&self) -> i64 {
        if self.counts() {
            self.amount - self.allocated() - self.refunded - self.written_off
        } else {
            0
        }
    }
    fn refundable(&self) -> i64 {
        if self.counts() {
            self.amount - self.refunded - self.written_off
        } else {
            0
        }
    }
    fn on(&self, invoice: i64) -> i64 {
        self.allocations.get(&invoice).copied().unwrap_or(0)
    }
    fn add(&mut self, invoice: i64, cents: i64) {
        let v = self.allocations.entry(invoice).or_insert(0);
        *v += cents;
        if *v == 0 {
            self.allocations.remove(&invoice);
        }
    }
}

/// The model: SPEC §5/§6 for one USD customer.
#[derive(Clone, Debug, Default)]
struct Model {
    invoices: Vec<Invoice>,
    payments: Vec<Payment>,
}

/// What the model expects of a step.
#[derive(Debug, PartialEq, Eq)]
enum Expect {
    Done,
    Rejected,
    NotFound,
}

impl Expect {
    fn code(&self) -> i32 {
        match self {
            Expect::Done => 0,
            Expect::Rejected => 1,
            Expect::NotFound => 3,
        }
    }
}

impl Model {
    fn paid(&self, invoice: i64) -> i64 {
        self.payments.iter().map(|p| p.on(invoice)).sum()
    }
    fn invoice(&self, id: i64) -> &Invoice {
        self.invoices.iter().find(|i| i.id == id).unwrap()
    }
    fn outstanding(&self, id: i64) -> i64 {
        let inv = self.invoice(id);
        match inv.closed {
            Some(_) => 0,
            None => inv.total + inv.adjusted - self.paid(id),
        }
    }
    fn status(&self, id: i64) -> &'static str {
        match self.invoice(id).closed {
            Some(Closed::Void) => "void",
            Some(Closed::WrittenOff) => "written_off",
            // What it owes: its total with its notes and partial write-offs; owing nothing
            // more is paid, however it got there.
            None => match self.paid(id) {
                p if p >= self.invoice(id).total + self.invoice(id).adjusted => "paid",
                0 => "unpaid",
                _ => "partially_paid",
            },
        }
    }
    /// An invoice takes money: not void, written off or paid.
    fn open(&self, id: i64) -> bool {
        self.invoice(id).closed.is_none() && self.outstanding(id) > 0
    }
    fn invoice_id(&self, idx: usize) -> i64 {
        self.invoices[idx % self.invoices.len()].id
    }
    /// An invoice index (0..8) picks, below 6, among the invoices `fits` accepts (when there
    /// are any), else among all: the steps that can succeed are tried often, and the ones that
    /// must be refused still come up.
    fn pick_invoice(&self, idx: usize, fits: impl Fn(i64) -> bool) -> i64 {
        let fitting: Vec<i64> = self
            .invoices
            .iter()
            .map(|i| i.id)
            .filter(|id| fits(*id))
            .collect();
        if idx < 6 && !fitting.is_empty() {
            fitting[idx % fitting.len()]
        } else {
            self.invoice_id(idx)
        }
    }
    /// A payment index (0..8): 7 (or no payment yet) is an id that does not exist; below 6,
    /// one of the payments `fits` accepts, when there are any; else any payment.
    fn pick_payment(&self, idx: usize, fits: impl Fn(&Payment) -> bool) -> i64 {
        let n = self.payments.len();
        if n == 0 || idx == 7 {
            return MISSING_PAYMENT;
        }
        let fitting: Vec<i64> = self
            .payments
            .iter()
            .filter(|p| fits(p))
            .map(|p| p.id)
            .collect();
        if idx < 6 && !fitting.is_empty() {
            fitting[idx % fitting.len()]
        } else {
            self.payments[idx % n].id
        }
    }
    /// Payments with money on an invoice that was written off since.
    fn payments_on_written_off(&self) -> Vec<i64> {
        self.payments
            .iter()
            .filter(|p| {
                p.allocations
                    .keys()
                    .any(|i| self.invoice(*i).closed == Some(Closed::WrittenOff))
            })
            .map(|p| p.id)
            .collect()
    }
    fn payment(&mut self, id: i64) -> Option<&mut Payment> {
        self.payments.iter_mut().find(|p| p.id == id)
    }
    /// SPEC §5 rule 6: open invoices, oldest first by due date, then invoice date, then id
    /// (newest first is the reverse), each up to its outstanding balance.
    fn plan_auto(
        &self,
        mut left: i64,
        newest: bool,
        taken: &BTreeMap<i64, i64>,
    ) -> Vec<(i64, i64)> {
        let mut open: Vec<&Invoice> = self
            .invoices
            .iter()
            .filter(|i| i.closed.is_none())
            .collect();
        open.sort_by_key(|i| (i.due, i.day, i.id));
        if newest {
            open.reverse();
        }
        let mut plan = Vec::new();
        for inv in open {
            let room = self.outstanding(inv.id) - taken.get(&inv.id).copied().unwrap_or(0);
            if left == 0 {
                break;
            }
            if room > 0 {
                let x = left.min(room);
                plan.push((inv.id, x));
                left -= x;
            }
        }
        plan
    }
}

fn money(cents: i64) -> String {
    format!("{}.{:02}", cents / 100, cents % 100)
}

/// Cents from a JSON number written at the currency's scale ("60.00", "0.5", "12").
fn cents(value: &serde_json::Value) -> i64 {
    let text = value.to_string();
    let (int, frac) = text.split_once('.').unwrap_or((&text, ""));
    let frac = format!("{frac:0<2}");
    assert_eq!(frac.len(), 2, "an amount with more than 2 decimals: {text}");
    int.parse::<i64>().unwrap() * 100 + frac.parse::<i64>().unwrap()
}

/// Runs one step in the model: the command line to give payctl, and what should happen.
fn step(model: &mut Model, op: &Op) -> (Vec<String>, Expect) {
    let s = |v: &str| v.to_string();
    match op {
        Op::Create {
            amount,
            method,
            allocate,
            auto,
            reference,
        } => {
            let open_total: i64 = model.invoices.iter().map(|i| model.outstanding(i.id)).sum();
            let first = model.outstanding(model.invoice_id(0));
            let amount = amount.resolve(open_total, first);
            let mut args = vec![
                s("create"),
                s("--customer"),
                CUSTOMER.to_string(),
                s("--amount"),
                money(amount),
                s("-q"),
            ];
            let (name, method_id, settlement) = match method {
                Method::Cash => ("Cash", None, Settlement::Successful),
                Method::Check => ("Check", None, Settlement::Successful),
                Method::CreditCard => ("CreditCard", Some(CARD), Settlement::Successful),
                Method::Ach => ("ACH", Some(ACH), Settlement::Pending),
                Method::DirectDeposit => ("DirectDeposit", None, Settlement::Pending),
            };
            args.extend([s("--method"), s(name)]);
            if let Some(id) = method_id {
                args.extend([s("--method-id"), id.to_string()]);
            }
            let mut ok = amount > 0;
            let mut explicit: BTreeMap<i64, i64> = BTreeMap::new();
            for (idx, a) in allocate {
                let inv = model.pick_invoice(*idx, |i| model.open(i));
                let x = a.resolve(model.outstanding(inv), amount);
                args.extend([s("--allocate"), format!("{inv}={}", money(x))]);
                if explicit.contains_key(&inv)
                    || x == 0
                    || !model.open(inv)
                    || x > model.outstanding(inv)
                {
                    ok = false;
                }
                explicit.insert(inv, x);
            }
            let explicit_sum: i64 = explicit.values().sum();
            if explicit_sum > amount {
                ok = false;
            }
            if let Some(newest) = auto {
                args.push(s("--auto-allocate"));
                if *newest {
                    args.extend([s("--order"), s("newest-to-oldest")]);
                }
            }
            if let Some(r) = reference {
                args.extend([s("--reference"), format!("R{r}")]);
                if model
                    .payments
                    .iter()
                    .any(|p| p.counts() && p.amount == amount && p.reference == Some(*r))
                {
                    ok = false;
                }
            }
            if !ok {
                return (args, Expect::Rejected);
            }
            let mut payment = Payment {
                id: model.payments.len() as i64 + 1,
                amount,
                settlement,
                voided: false,
                reference: *reference,
                allocations: BTreeMap::new(),
                refunded: 0,
                written_off: 0,
            };
            for (inv, x) in &explicit {
                payment.add(*inv, *x);
            }
            if let Some(newest) = auto {
                for (inv, x) in model.plan_auto(amount - explicit_sum, *newest, &explicit) {
                    payment.add(inv, x);
                }
            }
            model.payments.push(payment);
            (args, Expect::Done)
        }
        Op::Allocate { pay, inv, amount } => {
            let id = model.pick_payment(*pay, |p| p.unallocated() > 0);
            let inv = model.pick_invoice(*inv, |i| model.open(i));
            let outstanding = model.outstanding(inv);
            let open = model.open(inv);
            let Some(p) = model.payment(id) else {
                let args = vec![
                    s("allocate"),
                    id.to_string(),
                    s("--invoice"),
                    inv.to_string(),
                    s("--amount"),
                    s("1.00"),
                ];
                return (args, Expect::NotFound);
            };
            let x = amount.resolve(p.unallocated(), outstanding);
            let args = vec![
                s("allocate"),
                id.to_string(),
                s("--invoice"),
                inv.to_string(),
                s("--amount"),
                money(x),
            ];
            if !p.counts() || x == 0 || x > p.unallocated() || !open || x > outstanding {
                return (args, Expect::Rejected);
            }
            p.add(inv, x);
            (args, Expect::Done)
        }
        Op::AllocateAuto { pay, newest } => {
            let id = model.pick_payment(*pay, |p| p.unallocated() > 0);
            let mut args = vec![s("allocate"), id.to_string(), s("--auto")];
            if *newest {
                args.extend([s("--order"), s("newest-to-oldest")]);
            }
            let Some(p) = model.payments.iter().find(|p| p.id == id) else {
                return (args, Expect::NotFound);
            };
            if !p.counts() {
                return (args, Expect::Rejected);
            }
            let plan = model.plan_auto(p.unallocated(), *newest, &BTreeMap::new());
            let p = model.payment(id).unwrap();
            for (inv, x) in plan {
                p.add(inv, x);
            }
            (args, Expect::Done)
        }
        Op::AllocateCustomer => {
            let args = vec![
                s("allocate"),
                s("--customer"),
                CUSTOMER.to_string(),
                s("--auto"),
            ];
            // Every payment that still counts, oldest first (all share one timestamp: by id).
            for i in 0..model.payments.len() {
                if !model.payments[i].counts() {
                    continue;
                }
                let plan =
                    model.plan_auto(model.payments[i].unallocated(), false, &BTreeMap::new());
                for (inv, x) in plan {
                    model.payments[i].add(inv, x);
                }
            }
            (args, Expect::Done)
        }
        Op::Unallocate { pay, inv, amount } => {
            let id = model.pick_payment(*pay, |p| p.allocated() > 0);
            let inv = match model.payments.iter().find(|p| p.id == id) {
                Some(p) => model.pick_invoice(*inv, |i| p.on(i) > 0),
                None => model.invoice_id(*inv),
            };
            let written_off = model.invoice(inv).closed == Some(Closed::WrittenOff);
            let mut args = vec![
                s("unallocate"),
                id.to_string(),
                s("--invoice"),
                inv.to_string(),
            ];
            let Some(p) = model.payment(id) else {
                return (args, Expect::NotFound);
            };
            let on = p.on(inv);
            let x = match amount {
                None => on,
                Some(a) => {
                    let x = a.resolve(on, p.unallocated());
                    args.extend([s("--amount"), money(x)]);
                    x
                }
            };
            if p.voided || on == 0 || x == 0 || x > on || written_off {
                return (args, Expect::Rejected);
            }
            p.add(inv, -x);
            (args, Expect::Done)
        }
        Op::Reallocate {
            pay,
            from,
            to,
            amount,
        } => {
            let id = model.pick_payment(*pay, |p| p.allocated() > 0);
            let from = match model.payments.iter().find(|p| p.id == id) {
                Some(p) => model.pick_invoice(*from, |i| p.on(i) > 0),
                None => model.invoice_id(*from),
            };
            let to = model.pick_invoice(*to, |i| i != from && model.open(i));
            let from_written_off = model.invoice(from).closed == Some(Closed::WrittenOff);
            let to_open = model.open(to);
            let to_outstanding = model.outstanding(to);
            let mut args = vec![
                s("reallocate"),
                id.to_string(),
                s("--from"),
                from.to_string(),
                s("--to"),
                to.to_string(),
            ];
            // Naming one invoice twice is wrong whatever the ledger holds: refused before the
            // payment is looked up.
            if from == to {
                if let Some(a) = amount {
                    args.extend([s("--amount"), money(a.resolve(1, 1))]);
                }
                return (args, Expect::Rejected);
            }
            let Some(p) = model.payment(id) else {
                return (args, Expect::NotFound);
            };
            let on = p.on(from);
            let x = match amount {
                None => on,
                Some(a) => {
                    let x = a.resolve(on, to_outstanding);
                    args.extend([s("--amount"), money(x)]);
                    x
                }
            };
            if from == to
                || p.voided
                || on == 0
                || x == 0
                || x > on
                || from_written_off
                || !to_open
                || x > to_outstanding
            {
                return (args, Expect::Rejected);
            }
            p.add(from, -x);
            p.add(to, x);
            (args, Expect::Done)
        }
        Op::Refund { pay, amount, from } => {
            let id = model.pick_payment(*pay, |p| {
                p.refundable() > 0 && p.settlement == Settlement::Successful
            });
            // Invoices named with --from-invoice: mostly ones the payment has money on.
            let picks: Vec<i64> = match model.payments.iter().find(|p| p.id == id) {
                Some(p) => from
                    .iter()
                    .map(|(idx, _)| model.pick_invoice(*idx, |i| p.on(i) > 0))
                    .collect(),
                None => Vec::new(),
            };
            let written_off: Vec<i64> = model
                .invoices
                .iter()
                .filter(|i| i.closed == Some(Closed::WrittenOff))
                .map(|i| i.id)
                .collect();
            let Some(p) = model.payment(id) else {
                let args = vec![s("refund"), id.to_string(), s("--amount"), s("1.00")];
                return (args, Expect::NotFound);
            };
            // The invoices' amounts first (all of an allocation, or half of it), then the
            // refund's: the payment's unallocated funds plus what is named (an exact cover), or
            // its refundable amount, give or take a cent.
            let named_list: Vec<(i64, i64)> = from
                .iter()
                .zip(picks)
                .map(|((_, a), inv)| (inv, a.resolve(p.on(inv), p.on(inv) / 2)))
                .collect();
            let named_sum: i64 = named_list.iter().map(|(_, y)| y).sum();
            let x = amount.resolve(p.unallocated() + named_sum, p.refundable());
            let mut args = vec![s("refund"), id.to_string(), s("--amount"), money(x)];
            // SPEC §6: unallocated funds first; the rest must be covered exactly by the named
            // allocations, each at most what the payment has on that invoice.
            let from_unallocated = x.min(p.unallocated());
            let rest = x - from_unallocated;
            let mut ok = p.counts()
                && p.settlement == Settlement::Successful
                && x > 0
                && x <= p.refundable();
            let mut named: BTreeMap<i64, i64> = BTreeMap::new();
            for (inv, y) in named_list {
                args.extend([s("--from-invoice"), format!("{inv}={}", money(y))]);
                if named.contains_key(&inv) || y == 0 || y > p.on(inv) || written_off.contains(&inv)
                {
                    ok = false;
                }
                named.insert(inv, y);
            }
            if named_sum != rest {
                ok = false;
            }
            if !ok {
                return (args, Expect::Rejected);
            }
            for (inv, y) in named {
                p.add(inv, -y);
            }
            p.refunded += x;
            (args, Expect::Done)
        }
        Op::Settle { pay, successful } => {
            let on_written_off = model.payments_on_written_off();
            let id = model.pick_payment(*pay, |p| p.settlement == Settlement::Pending && !p.voided);
            let status = if *successful { "successful" } else { "failed" };
            let args = vec![s("settle"), id.to_string(), s("--status"), s(status)];
            let Some(p) = model.payment(id) else {
                return (args, Expect::NotFound);
            };
            // Bouncing reverses every allocation; one on an invoice written off since is final
            // (the write-off took only what was outstanding then), so the bounce is refused.
            if p.settlement != Settlement::Pending
                || p.voided
                || (!*successful && on_written_off.contains(&id))
            {
                return (args, Expect::Rejected);
            }
            if *successful {
                p.settlement = Settlement::Successful;
            } else {
                p.settlement = Settlement::Failed;
                p.allocations.clear();
            }
            (args, Expect::Done)
        }
        Op::Void { pay } => {
            let on_written_off = model.payments_on_written_off();
            let id = model.pick_payment(*pay, |p| p.counts() && p.refunded == 0);
            let args = vec![
                s("void"),
                id.to_string(),
                s("--reason"),
                s("entered by mistake"),
            ];
            let Some(p) = model.payment(id) else {
                return (args, Expect::NotFound);
            };
            if !p.counts() || p.refunded > 0 || p.written_off > 0 || on_written_off.contains(&id) {
                return (args, Expect::Rejected);
            }
            p.voided = true;
            p.allocations.clear();
            (args, Expect::Done)
        }
        Op::VoidInvoice { inv } => {
            let inv = model.invoice_id(*inv);
            let args = vec![
                s("invoice"),
                s("void"),
                inv.to_string(),
                s("--reason"),
                s("issued twice"),
            ];
            if model.invoice(inv).closed.is_some() || model.paid(inv) > 0 {
                return (args, Expect::Rejected);
            }
            model
                .invoices
                .iter_mut()
                .find(|i| i.id == inv)
                .unwrap()
                .closed = Some(Closed::Void);
            (args, Expect::Done)
        }
        Op::WriteOff { inv } => {
            let inv = model.invoice_id(*inv);
            let args = vec![
                s("invoice"),
                s("write-off"),
                inv.to_string(),
                s("--reason"),
                s("uncollectable"),
            ];
            if !model.open(inv) {
                return (args, Expect::Rejected);
            }
            model
                .invoices
                .iter_mut()
                .find(|i| i.id == inv)
                .unwrap()
                .closed = Some(Closed::WrittenOff);
            (args, Expect::Done)
        }
        Op::CreditNote { inv, amount } | Op::PartWriteOff { inv, amount } => {
            let credit = matches!(op, Op::CreditNote { .. });
            let inv = model.pick_invoice(*inv, |i| model.open(i));
            let outstanding = model.outstanding(inv);
            let x = amount.resolve(outstanding, model.invoice(inv).total);
            let args = vec![
                s("invoice"),
                s(if credit { "credit-note" } else { "write-off" }),
                inv.to_string(),
                s("--amount"),
                money(x),
                s("--reason"),
                s("adjusted"),
            ];
            // Never below what is paid, never above what it owes; no closed invoice.
            if model.invoice(inv).closed.is_some() || x == 0 || x > outstanding {
                return (args, Expect::Rejected);
            }
            model
                .invoices
                .iter_mut()
                .find(|i| i.id == inv)
                .unwrap()
                .adjusted -= x;
            (args, Expect::Done)
        }
        Op::DebitNote { inv, amount } => {
            let inv = model.pick_invoice(*inv, |i| model.invoice(i).closed.is_none());
            let x = amount.resolve(model.outstanding(inv), 250);
            let args = vec![
                s("invoice"),
                s("debit-note"),
                inv.to_string(),
                s("--amount"),
                money(x),
                s("--reason"),
                s("late fee"),
            ];
            if model.invoice(inv).closed.is_some() || x == 0 {
                return (args, Expect::Rejected);
            }
            model
                .invoices
                .iter_mut()
                .find(|i| i.id == inv)
                .unwrap()
                .adjusted += x;
            (args, Expect::Done)
        }
        Op::CreditWriteOff { amount } => {
            // Only settled payments that still count give up credit, oldest first (all share
            // one timestamp: by id).
            let eligible = |p: &Payment| p.counts() && p.settlement == Settlement::Successful;
            let available: i64 = model
                .payments
                .iter()
                .filter(|p| eligible(p))
                .map(Payment::unallocated)
                .sum();
            let all: i64 = model.payments.iter().map(Payment::unallocated).sum();
            let x = amount.resolve(available, all);
            let args = vec![
                s("credit"),
                s("write-off"),
                s("--customer"),
                CUSTOMER.to_string(),
                s("--amount"),
                money(x),
                s("--reason"),
                s("overpayment"),
            ];
            if x == 0 || x > available {
                return (args, Expect::Rejected);
            }
            let mut left = x;
            for p in model.payments.iter_mut().filter(|p| eligible(p)) {
                let take = left.min(p.unallocated());
                p.written_off += take;
                left -= take;
            }
            (args, Expect::Done)
        }
    }
}

/// The ledger's balances as payctl reports them, in the model's terms.
fn observed(env: &Env) -> (Vec<String>, Vec<String>) {
    let payments = env.json(&["list"]);
    let payments = payments
        .as_array()
        .unwrap()
        .iter()
        .map(|p| {
            // Listed in the order they were made; the model keeps them by invoice id.
            let allocations: BTreeMap<i64, i64> = p["invoiceAllocations"]
                .as_array()
                .unwrap()
                .iter()
                .map(|a| (a["invoiceId"].as_i64().unwrap(), cents(&a["amount"])))
                .collect();
            let allocations: Vec<String> =
                allocations.iter().map(|(i, c)| format!("{i}={c}")).collect();
            let refunded: i64 = p["refunds"].as_array().unwrap().iter().map(|r| cents(&r["amount"])).sum();
            format!(
                "payment {} amount {} settlement {} voided {} allocations [{}] unallocated {} refundable {} refunded {}",
                p["id"],
                cents(&p["amount"]),
                p["settlement"]["status"].as_str().unwrap(),
                p["voided"],
                allocations.join(" "),
                cents(&p["unallocatedAmount"]),
                cents(&p["refundableAmount"]),
                refunded
            )
        })
        .collect();
    let invoices = env.json(&["invoice", "list"]);
    let invoices = invoices
        .as_array()
        .unwrap()
        .iter()
        .map(|i| {
            format!(
                "invoice {} total {} paid {} outstanding {} status {}",
                i["id"],
                cents(&i["invoiceAmount"]),
                cents(&i["totalPayments"]),
                cents(&i["outstandingBalance"]),
                i["status"].as_str().unwrap()
            )
        })
        .collect();
    (payments, invoices)
}

/// The same, from the model.
fn expected(model: &Model) -> (Vec<String>, Vec<String>) {
    let payments = model
        .payments
        .iter()
        .map(|p| {
            let allocations: Vec<String> = p.allocations.iter().map(|(i, c)| format!("{i}={c}")).collect();
            format!(
                "payment {} amount {} settlement {:?} voided {} allocations [{}] unallocated {} refundable {} refunded {}",
                p.id,
                p.amount,
                p.settlement,
                p.voided,
                allocations.join(" "),
                p.unallocated(),
                p.refundable(),
                p.refunded
            )
        })
        .collect();
    let invoices = model
        .invoices
        .iter()
        .map(|i| {
            // A written-off invoice keeps what was paid before the write-off.
            format!(
                "invoice {} total {} paid {} outstanding {} status {}",
                i.id,
                i.total,
                model.paid(i.id),
                model.outstanding(i.id),
                model.status(i.id)
            )
        })
        .collect();
    (payments, invoices)
}

fn run_case(invoices: &[InvoiceSpec], ops: &[Op]) -> Result<(), TestCaseError> {
    let env = Env::new();
    env.ok(&[
        "customer",
        "add",
        "--id",
        &CUSTOMER.to_string(),
        "--name",
        "Model Co",
    ]);
    env.ok(&[
        "method",
        "add",
        "--customer",
        "1",
        "--type",
        "credit-card",
        "--brand",
        "Visa",
        "--last4",
        "4242",
    ]);
    env.ok(&[
        "method",
        "add",
        "--customer",
        "1",
        "--type",
        "ach",
        "--brand",
        "Bank",
        "--last4",
        "6789",
    ]);
    let mut model = Model::default();
    for (i, spec) in invoices.iter().enumerate() {
        let id = FIRST_INVOICE + i as i64;
        env.ok(&[
            "invoice",
            "add",
            "--customer",
            "1",
            "--id",
            &id.to_string(),
            "--total",
            &money(spec.total),
            "--date",
            &format!("2026-10-{:02}", 10 + spec.day),
            "--terms",
            &format!("net{}", spec.net),
        ]);
        model.invoices.push(Invoice {
            id,
            total: spec.total,
            adjusted: 0,
            due: spec.day + spec.net,
            day: spec.day,
            closed: None,
        });
    }
    let mut history = String::new();
    for (n, op) in ops.iter().enumerate() {
        let (args, expect) = step(&mut model, op);
        let argv: Vec<&str> = args.iter().map(String::as_str).collect();
        let run = env.run(&argv);
        let command = match args[0].as_str() {
            "invoice" => format!("invoice {}", args[1]),
            "allocate" if args.contains(&"--customer".to_string()) => "allocate --customer".into(),
            "allocate" if args.contains(&"--auto".to_string()) => "allocate --auto".into(),
            other => other.to_string(),
        };
        *TALLY
            .lock()
            .unwrap()
            .entry((command, run.code))
            .or_default() += 1;
        history.push_str(&format!(
            "  {n}: payctl {} -> exit {} (model: {expect:?})\n",
            args.join(" "),
            run.code
        ));
        prop_assert_eq!(
            run.code,
            expect.code(),
            "step {}: payctl {}\nstderr: {}\nhistory:\n{}",
            n,
            args.join(" "),
            run.stderr,
            history
        );
        if expect == Expect::Done && args[0] == "create" {
            prop_assert_eq!(
                run.stdout.trim(),
                model.payments.last().unwrap().id.to_string()
            );
        }
        let (got, want) = (observed(&env), expected(&model));
        prop_assert_eq!(
            &got.0,
            &want.0,
            "payments differ after step {}\nhistory:\n{}",
            n,
            history
        );
        prop_assert_eq!(
            &got.1,
            &want.1,
            "invoices differ after step {}\nhistory:\n{}",
            n,
            history
        );
        let verify = env.run(&["verify"]);
        prop_assert_eq!(
            verify.code,
            0,
            "verify after step {}: {}\nhistory:\n{}",
            n,
            verify.stderr,
            history
        );
    }
    Ok(())
}

/// Found by the heavy run (400 cases of up to 40 steps): `refund --from-invoice` took money
/// back from a written-off invoice, whose allocations are final.
#[test]
fn a_refund_cannot_take_money_back_from_a_written_off_invoice() {
    let invoices = [
        InvoiceSpec {
            total: 1000,
            day: 0,
            net: 0,
        },
        InvoiceSpec {
            total: 1000,
            day: 0,
            net: 0,
        },
    ];
    let ops = [
        Op::Create {
            amount: Amt::Cents(793),
            method: Method::Cash,
            allocate: vec![(1, Amt::Cents(485))],
            auto: None,
            reference: None,
        },
        Op::WriteOff { inv: 1 },
        Op::Refund {
            pay: 0,
            amount: Amt::Cents(692),
            from: vec![(0, Amt::Cents(384))],
        },
        Op::Unallocate {
            pay: 0,
            inv: 0,
            amount: None,
        },
        Op::Reallocate {
            pay: 0,
            from: 0,
            to: 0,
            amount: None,
        },
    ];
    run_case(&invoices, &ops).unwrap();
}

/// How many steps of each command ended with each exit code, over the whole run: printed at
/// the end (`--nocapture`), so a run shows it did not only exercise refusals.
static TALLY: std::sync::Mutex<BTreeMap<(String, i32), u32>> =
    std::sync::Mutex::new(BTreeMap::new());

#[test]
fn the_ledger_agrees_with_a_model_of_the_rules() {
    use proptest::test_runner::{Config, FileFailurePersistence, TestRunner};
    let cases = env_number(&["PAYCTL_MODEL_CASES", "PROPTEST_CASES"], 16);
    let steps = env_number(&["PAYCTL_MODEL_STEPS"], 20) as usize;
    let mut runner = TestRunner::new(Config {
        cases,
        max_shrink_iters: 256,
        source_file: Some(file!()),
        failure_persistence: Some(Box::new(FileFailurePersistence::SourceParallel(
            "proptest-regressions",
        ))),
        ..Config::default()
    });
    // A sequence opens with one to three payments, so the steps after it have money to move.
    let strategy = (
        prop::collection::vec(invoice_spec(), 2..=5),
        prop::collection::vec(create_op(true), 1..=3),
        prop::collection::vec(op(), (steps / 2).max(1)..=steps.saturating_sub(3).max(1)),
    );
    let result = runner.run(&strategy, |(invoices, prelude, ops)| {
        let all: Vec<Op> = prelude.into_iter().chain(ops).collect();
        run_case(&invoices, &all)
    });
    let tally = TALLY.lock().unwrap();
    let total: u32 = tally.values().sum();
    eprintln!(
        "model test: {cases} cases of up to {steps} steps, {total} steps run (with shrinking):"
    );
    for ((command, code), n) in tally.iter() {
        eprintln!("  {command:<18} exit {code}: {n}");
    }
    if let Err(e) = result {
        panic!("{e}");
    }
}
