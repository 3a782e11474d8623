//! Balances: what each customer was invoiced, paid, wrote off and still owes, per currency, at
//! a moment.

use std::collections::{BTreeMap, HashMap};

use serde::Serialize;

use super::super::currency::Currency;
use super::super::invoice::Closure;
use super::super::money::{Money, MoneyError};
use super::add;

/// Sums of one customer's invoices in one currency, in minor units.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct InvoiceSums {
    /// Totals of the invoices that are not void.
    pub invoiced: i64,
    /// Money applied to them, net of reversals.
    pub paid: i64,
    /// What write-offs took.
    pub written_off: i64,
    /// What is still owed on open invoices.
    pub outstanding: i64,
    /// The part of `outstanding` past its due date.
    pub overdue: i64,
}

impl InvoiceSums {
    /// Counts one invoice: a void one not at all (it was never owed); a written-off one's
    /// total, payments and the amount written off; an open one's total, payments, partial
    /// write-offs and what is still owed, also as overdue when `past_due`. `total` is the
    /// invoice's total with its debit and credit notes; `written_off` is what write-offs took
    /// (the whole write-off's amount plus the partial ones).
    pub fn add(
        &mut self,
        total: i64,
        allocated: i64,
        closure: Option<Closure>,
        written_off: i64,
        past_due: bool,
    ) -> Result<(), MoneyError> {
        if closure == Some(Closure::Void) {
            return Ok(());
        }
        self.invoiced = add(self.invoiced, total)?;
        self.paid = add(self.paid, allocated)?;
        self.written_off = add(self.written_off, written_off)?;
        if closure == Some(Closure::WrittenOff) {
            return Ok(());
        }
        let open = total
            .checked_sub(written_off)
            .and_then(|owed| owed.checked_sub(allocated))
            .ok_or(MoneyError::Overflow)?;
        self.outstanding = add(self.outstanding, open)?;
        if past_due {
            self.overdue = add(self.overdue, open)?;
        }
        Ok(())
    }
}

#[derive(Clone, Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct BalanceRow {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub customer_id: Option<i64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub customer_name: Option<String>,
    pub currency: Currency,
    pub invoiced: Money,
    pub paid: Money,
    pub written_off: Money,
    pub outstanding: Money,
    pub overdue: Money,
    pub available_funds: Money,
}

impl BalanceRow {
    fn new(
        customer: Option<(i64, String)>,
        currency: Currency,
        s: &InvoiceSums,
        funds: i64,
    ) -> Self {
        let m = |minor: i64| Money::from_minor(minor, currency);
        let (customer_id, customer_name) = match customer {
            Some((id, name)) => (Some(id), Some(name)),
            None => (None, None),
        };
        BalanceRow {
            customer_id,
            customer_name,
            currency,
            invoiced: m(s.invoiced),
            paid: m(s.paid),
            written_off: m(s.written_off),
            outstanding: m(s.outstanding),
            overdue: m(s.overdue),
            available_funds: m(funds),
        }
    }
}

#[derive(Clone, Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct BalancesReport {
    /// The day `overdue` is counted on.
    pub as_of: String,
    pub customers: Vec<BalanceRow>,
    pub totals: Vec<BalanceRow>,
}

/// A customer as the reports name it.
#[derive(Clone, Debug)]
pub struct CustomerName {
    pub id: i64,
    pub name: String,
    pub currency: Currency,
}

/// Balances per customer and currency: every customer gets a line in its own currency (zeros
/// when it has nothing), then one per other currency it has invoices or funds in; totals per
/// currency follow.
pub fn balances(
    customers: &[CustomerName],
    invoice_sums: &[(i64, Currency, InvoiceSums)],
    funds: &[(i64, Currency, i64)],
) -> Result<(Vec<BalanceRow>, Vec<BalanceRow>), MoneyError> {
    type Key = (i64, &'static str);
    let mut sums: HashMap<Key, InvoiceSums> = HashMap::new();
    let mut cash: HashMap<Key, i64> = HashMap::new();
    let mut others: BTreeMap<i64, BTreeMap<&'static str, Currency>> = BTreeMap::new();
    for (customer, currency, s) in invoice_sums {
        sums.insert((*customer, currency.code()), *s);
        others
            .entry(*customer)
            .or_default()
            .insert(currency.code(), *currency);
    }
    for (customer, currency, minor) in funds {
        let slot = cash.entry((*customer, currency.code())).or_insert(0);
        *slot = add(*slot, *minor)?;
        others
            .entry(*customer)
            .or_default()
            .insert(currency.code(), *currency);
    }
    let mut rows = Vec::new();
    let mut totals: BTreeMap<&'static str, (Currency, InvoiceSums, i64)> = BTreeMap::new();
    for c in customers {
        let mut currencies = vec![c.currency];
        if let Some(more) = others.get(&c.id) {
            currencies.extend(more.values().filter(|cur| **cur != c.currency));
        }
        for currency in currencies {
            let key = (c.id, currency.code());
            let s = sums.get(&key).copied().unwrap_or_default();
            let f = cash.get(&key).copied().unwrap_or(0);
            let t = totals
                .entry(currency.code())
                .or_insert((currency, InvoiceSums::default(), 0));
            t.1 = InvoiceSums {
                invoiced: add(t.1.invoiced, s.invoiced)?,
                paid: add(t.1.paid, s.paid)?,
                written_off: add(t.1.written_off, s.written_off)?,
                outstanding: add(t.1.outstanding, s.outstanding)?,
                overdue: add(t.1.overdue, s.overdue)?,
            };
            t.2 = add(t.2, f)?;
            rows.push(BalanceRow::new(
                Some((c.id, c.name.clone())),
                currency,
                &s,
                f,
            ));
        }
    }
    let totals = totals
        .into_values()
        .map(|(currency, s, f)| BalanceRow::new(None, currency, &s, f))
        .collect();
    Ok((rows, totals))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn invoice_sums_leave_void_out_and_count_write_offs_apart() {
        let mut s = InvoiceSums::default();
        s.add(10000, 4000, None, 0, true).unwrap();
        s.add(5000, 0, None, 0, false).unwrap();
        s.add(2000, 500, Some(Closure::WrittenOff), 1500, true)
            .unwrap();
        s.add(9999, 0, Some(Closure::Void), 0, true).unwrap();
        assert_eq!(
            s,
            InvoiceSums {
                invoiced: 17000,
                paid: 4500,
                written_off: 1500,
                outstanding: 11000,
                overdue: 6000,
            }
        );
        assert_eq!(s.invoiced, s.paid + s.written_off + s.outstanding);
        let mut big = InvoiceSums::default();
        big.add(i64::MAX, 0, None, 0, false).unwrap();
        assert_eq!(big.add(1, 0, None, 0, false), Err(MoneyError::Overflow));
    }

    #[test]
    fn balances_give_every_customer_its_own_currency_and_keep_currencies_apart() {
        let usd = Currency::USD;
        let eur = Currency::from_code("EUR").unwrap();
        let customers = vec![
            CustomerName {
                id: 1,
                name: "A".into(),
                currency: usd,
            },
            CustomerName {
                id: 2,
                name: "B".into(),
                currency: usd,
            },
        ];
        let sums = vec![
            (
                1,
                eur,
                InvoiceSums {
                    invoiced: 900,
                    outstanding: 900,
                    overdue: 900,
                    ..Default::default()
                },
            ),
            (
                1,
                usd,
                InvoiceSums {
                    invoiced: 1000,
                    paid: 400,
                    written_off: 100,
                    outstanding: 500,
                    overdue: 200,
                },
            ),
        ];
        let funds = vec![(1, usd, 25)];
        let (rows, totals) = balances(&customers, &sums, &funds).unwrap();
        let shown: Vec<String> = rows
            .iter()
            .chain(&totals)
            .map(|r| {
                format!(
                    "{:?} {} {} {} {} {} {} {}",
                    r.customer_id,
                    r.currency.code(),
                    r.invoiced,
                    r.paid,
                    r.written_off,
                    r.outstanding,
                    r.overdue,
                    r.available_funds
                )
            })
            .collect();
        assert_eq!(
            shown,
            vec![
                "Some(1) USD 10.00 4.00 1.00 5.00 2.00 0.25",
                "Some(1) EUR 9.00 0.00 0.00 9.00 9.00 0.00",
                "Some(2) USD 0.00 0.00 0.00 0.00 0.00 0.00",
                "None EUR 9.00 0.00 0.00 9.00 9.00 0.00",
                "None USD 10.00 4.00 1.00 5.00 2.00 0.25",
            ]
        );
    }
}
