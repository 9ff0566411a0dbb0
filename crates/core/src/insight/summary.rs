//! "A customer at a glance": per-customer purchase figures for the customer
//! page, the Customers list's columns and the export.
//!
//! One sort of the purchases (see [`super::is_purchase`]) by customer and
//! date, then one pass over each customer's run of orders.

use std::collections::HashMap;

use serde::{Deserialize, Serialize};
use time::{Date, Month};

use super::purchases_by_customer;
use crate::model::{Id, Order};

/// How many months the [`CustomerSummary::monthly`] series keeps at most
/// (the latest ones): enough for the small chart on a customer's page.
pub const MONTHS_IN_SERIES: usize = 36;

/// One month of a customer's spend.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct MonthlySpend {
    /// The first day of the month.
    pub month: Date,
    /// Spend in the customer's main currency in that month (0 for a month
    /// without purchases).
    pub amount: f64,
}

/// What one customer has bought, at a glance.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CustomerSummary {
    /// The customer.
    pub customer_id: Id,
    /// Lifetime spend per currency code, largest first (ties by code).
    pub spend: Vec<(String, f64)>,
    /// Number of purchases (revenue orders), in every currency.
    pub orders: usize,
    /// The currency with the most spend (the first of [`Self::spend`]).
    pub main_currency: String,
    /// Spend in the main currency divided by the number of orders in it.
    pub average_order: f64,
    /// Date of the first purchase.
    pub first_order: Date,
    /// Date of the latest purchase.
    pub last_order: Date,
    /// Whole days from the latest purchase to `as_of`; negative when the
    /// latest purchase is dated after `as_of`.
    pub days_since_last: i64,
    /// Spend in the main currency per calendar month, every month from the
    /// first purchase's to the latest purchase's (months without purchases
    /// are 0), at most the latest [`MONTHS_IN_SERIES`].
    pub monthly: Vec<MonthlySpend>,
}

impl CustomerSummary {
    /// Lifetime spend in `currency` (0 if the customer never paid in it).
    pub fn spend_in(&self, currency: &str) -> f64 {
        self.spend
            .iter()
            .find(|(c, _)| c == currency)
            .map_or(0.0, |(_, s)| *s)
    }
}

/// The summary of every customer with at least one purchase, keyed by
/// customer id (customers without purchases have no entry). Trashed orders,
/// quotes, cancelled orders and orders with a non-finite total are skipped.
///
/// ```
/// use rapport_core::insight::customer_summaries;
/// use rapport_core::model::{LineItem, Order, OrderStatus, Uuid};
/// use time::macros::date;
///
/// let who = Uuid::from_u128(1);
/// let order = |d, amount| {
///     Order::new_v4(0, who, d, OrderStatus::Order, vec![LineItem::new("Tea", 1.0, amount)], "EUR")
/// };
/// let orders = [order(date!(2024 - 01 - 05), 10.0), order(date!(2024 - 03 - 01), 30.0)];
/// let s = &customer_summaries(&orders, date!(2024 - 03 - 11))[&who];
/// assert_eq!((s.orders, s.average_order, s.days_since_last), (2, 20.0, 10));
/// assert_eq!(s.monthly.iter().map(|m| m.amount).collect::<Vec<_>>(), [10.0, 0.0, 30.0]);
/// ```
pub fn customer_summaries(orders: &[Order], as_of: Date) -> HashMap<Id, CustomerSummary> {
    let sorted = purchases_by_customer(orders);
    let mut out = HashMap::with_capacity(sorted.len() / 4 + 1);
    for run in sorted.chunk_by(|a, b| a.customer_id == b.customer_id) {
        let summary = summarise(run, as_of);
        out.insert(summary.customer_id, summary);
    }
    out
}

/// Per currency: code, spend, number of orders.
pub(crate) fn spend_by_currency(run: &[&Order]) -> Vec<(String, f64, usize)> {
    let mut by_currency: Vec<(String, f64, usize)> = Vec::with_capacity(1);
    for o in run {
        match by_currency.iter_mut().find(|(c, _, _)| *c == o.currency) {
            Some(entry) => {
                entry.1 += o.total;
                entry.2 += 1;
            }
            None => by_currency.push((o.currency.clone(), o.total, 1)),
        }
    }
    by_currency.sort_by(|a, b| b.1.total_cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    by_currency
}

/// One customer's run of purchases (non-empty, sorted by date).
fn summarise(run: &[&Order], as_of: Date) -> CustomerSummary {
    let first = run[0];
    let last = run[run.len() - 1];
    let by_currency = spend_by_currency(run);
    let (main_currency, main_spend, main_orders) = by_currency[0].clone();
    CustomerSummary {
        customer_id: first.customer_id,
        orders: run.len(),
        average_order: main_spend / main_orders as f64,
        first_order: first.date,
        last_order: last.date,
        days_since_last: (as_of - last.date).whole_days(),
        monthly: monthly_series(run, &main_currency),
        spend: by_currency.into_iter().map(|(c, s, _)| (c, s)).collect(),
        main_currency,
    }
}

/// Months since year 0 (January of year 0 is 0).
fn month_index(d: Date) -> i64 {
    i64::from(d.year()) * 12 + i64::from(u8::from(d.month())) - 1
}

/// The first day of the month with index `i` (see [`month_index`]).
fn month_start(i: i64) -> Option<Date> {
    let year = i32::try_from(i.div_euclid(12)).ok()?;
    let month = Month::try_from(i.rem_euclid(12) as u8 + 1).ok()?;
    Date::from_calendar_date(year, month, 1).ok()
}

fn monthly_series(run: &[&Order], currency: &str) -> Vec<MonthlySpend> {
    let last = month_index(run[run.len() - 1].date);
    let first = month_index(run[0].date).max(last - MONTHS_IN_SERIES as i64 + 1);
    let mut amounts = vec![0.0; (last - first + 1) as usize];
    for o in run.iter().filter(|o| o.currency == currency) {
        let i = month_index(o.date);
        if i >= first {
            amounts[(i - first) as usize] += o.total;
        }
    }
    amounts
        .into_iter()
        .enumerate()
        .filter_map(|(k, amount)| {
            Some(MonthlySpend {
                month: month_start(first + k as i64)?,
                amount,
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{LineItem, OrderStatus, Uuid};
    use time::macros::date;

    fn order(who: u128, d: Date, amount: f64, currency: &str, status: OrderStatus) -> Order {
        Order::new_v4(
            0,
            Uuid::from_u128(who),
            d,
            status,
            vec![LineItem::new("Tea", 1.0, amount)],
            currency,
        )
    }

    #[test]
    fn spend_is_kept_per_currency_and_the_main_one_has_the_most() {
        let o = OrderStatus::Order;
        let orders = [
            order(1, date!(2024 - 01 - 01), 10.0, "USD", o),
            order(1, date!(2024 - 02 - 01), 50.0, "EUR", o),
            order(1, date!(2024 - 03 - 01), 30.0, "EUR", o),
        ];
        let s = &customer_summaries(&orders, date!(2024 - 03 - 01))[&Uuid::from_u128(1)];
        assert_eq!(
            s.spend,
            vec![("EUR".to_string(), 80.0), ("USD".to_string(), 10.0)]
        );
        assert_eq!((s.main_currency.as_str(), s.average_order), ("EUR", 40.0));
        assert_eq!(s.orders, 3);
        assert_eq!(s.spend_in("GBP"), 0.0);
    }

    #[test]
    fn quotes_cancelled_trashed_and_nan_orders_do_not_count() {
        let mut trashed = order(1, date!(2024 - 01 - 02), 5.0, "EUR", OrderStatus::Order);
        trashed.meta.soft_delete(1);
        let mut nan = order(1, date!(2024 - 01 - 03), 5.0, "EUR", OrderStatus::Order);
        nan.total = f64::NAN;
        let orders = [
            order(1, date!(2024 - 01 - 01), 7.0, "EUR", OrderStatus::Contract),
            order(1, date!(2024 - 05 - 01), 9.0, "EUR", OrderStatus::Quote),
            order(1, date!(2024 - 05 - 01), 9.0, "EUR", OrderStatus::Cancelled),
            order(2, date!(2024 - 05 - 01), 9.0, "EUR", OrderStatus::Quote),
            trashed,
            nan,
        ];
        let all = customer_summaries(&orders, date!(2024 - 01 - 11));
        assert_eq!(all.len(), 1, "customer 2 has no purchase");
        let s = &all[&Uuid::from_u128(1)];
        assert_eq!((s.orders, s.spend_in("EUR")), (1, 7.0));
        assert_eq!(
            (s.last_order, s.days_since_last),
            (date!(2024 - 01 - 01), 10)
        );
    }

    #[test]
    fn the_monthly_series_is_contiguous_and_keeps_the_latest_months() {
        let o = OrderStatus::Order;
        let orders = [
            order(1, date!(2019 - 12 - 31), 1.0, "EUR", o),
            order(1, date!(2023 - 06 - 15), 2.0, "EUR", o),
            order(1, date!(2023 - 06 - 20), 3.0, "EUR", o),
        ];
        let s = &customer_summaries(&orders, date!(2023 - 07 - 01))[&Uuid::from_u128(1)];
        assert_eq!(s.monthly.len(), MONTHS_IN_SERIES);
        let last = &s.monthly[MONTHS_IN_SERIES - 1];
        assert_eq!((last.month, last.amount), (date!(2023 - 06 - 01), 5.0));
        assert_eq!(s.monthly[0].month, date!(2020 - 07 - 01));
        assert_eq!(s.first_order, date!(2019 - 12 - 31));
    }

    #[test]
    fn an_order_after_as_of_gives_negative_days_since_last() {
        let orders = [order(
            1,
            date!(2024 - 01 - 10),
            1.0,
            "EUR",
            OrderStatus::Order,
        )];
        let s = &customer_summaries(&orders, date!(2024 - 01 - 01))[&Uuid::from_u128(1)];
        assert_eq!(s.days_since_last, -9);
    }
}
