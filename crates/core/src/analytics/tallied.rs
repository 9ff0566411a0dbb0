//! The Dashboard's figures and the Orders page's totals by month from the
//! store's tallies (`store::tally`) instead of every record: the same
//! results as [`summarise`](super::dashboard::summarise) and
//! [`totals_by_month`](super::sales::totals_by_month) give over the records
//! (tested against them), from values a visit reads in a few milliseconds.

use super::dashboard::{campaign_costs, month_slot, monthly, revenue_in_main_currency, Dashboard};
use super::period::{month_starts, span_of, years_of};
use super::sales::{month_rows, MonthTotal};
use crate::model::{Campaign, Pipeline};
use crate::store::tally::{from_micros, Day, Tally};
use std::collections::{BTreeMap, HashMap};
use time::Date;

/// The tallies the Dashboard reads, one per collection.
#[derive(Debug, Clone, Copy)]
pub struct Tallies<'a> {
    /// The customers' tally.
    pub customers: &'a Tally,
    /// The orders'.
    pub orders: &'a Tally,
    /// The deals'.
    pub deals: &'a Tally,
    /// The tickets'.
    pub tickets: &'a Tally,
}

fn date(day: Day) -> Option<Date> {
    Date::from_julian_day(day).ok()
}

/// The days of `map` from `from` to `to`, both included.
fn days_in<V>(
    map: &BTreeMap<Day, V>,
    (from, to): (Date, Date),
) -> impl Iterator<Item = (Date, &V)> {
    map.range(from.to_julian_day()..=to.to_julian_day())
        .filter_map(|(day, v)| Some((date(*day)?, v)))
}

impl Tallies<'_> {
    /// As [`Sources::data_span`](super::dashboard::Sources::data_span): the
    /// span of the live orders' dates, else of the customers' creation and
    /// the tickets' opening.
    pub fn data_span(&self) -> Option<(Date, Date)> {
        order_span(self.orders).or_else(|| {
            span_of(
                self.customers
                    .created
                    .keys()
                    .filter_map(|d| date(*d))
                    .chain(
                        self.tickets
                            .tickets
                            .iter()
                            .filter(|(_, t)| t.opened > 0)
                            .filter_map(|(d, _)| date(*d)),
                    ),
            )
        })
    }
}

/// The first and last day with a live order.
pub fn order_span(orders: &Tally) -> Option<(Date, Date)> {
    let first = orders.orders.keys().next().copied().and_then(date)?;
    let last = orders.orders.keys().next_back().copied().and_then(date)?;
    Some((first, last))
}

/// The years with live orders, newest first.
pub fn order_years(orders: &Tally) -> Vec<i32> {
    years_of(orders.orders.keys().filter_map(|d| date(*d)))
}

/// As [`totals_by_month`](super::sales::totals_by_month), from the orders'
/// tally: one row per calendar month from `from`'s to `to`'s, newest first.
pub fn totals_by_month(orders: &Tally, from: Date, to: Date) -> Vec<MonthTotal> {
    let months = month_starts(from, to);
    let mut sums: Vec<(usize, usize, BTreeMap<&str, i64>)> =
        months.iter().map(|_| (0, 0, BTreeMap::new())).collect();
    for (day, o) in days_in(&orders.orders, (from, to)) {
        let Some(slot) = month_slot(&months, (from, to), day).and_then(|i| sums.get_mut(i)) else {
            continue;
        };
        slot.1 += o.quotes as usize;
        for (code, (n, micros)) in &o.revenue {
            slot.0 += *n as usize;
            *slot.2.entry(code.as_str()).or_insert(0) += micros;
        }
    }
    month_rows(months, sums, from_micros)
}

/// As [`summarise`](super::dashboard::summarise), from the tallies (and the
/// campaigns, which are few and read whole).
pub fn summarise(
    tallies: Tallies<'_>,
    pipeline: &Pipeline,
    campaigns: &[Campaign],
    (from, to): (Date, Date),
) -> Dashboard {
    let bounds = (from, to);
    let months = month_starts(from, to);
    let series = |values: Vec<usize>| monthly(&months, values);

    let mut new_customers = vec![0usize; months.len()];
    for (day, n) in days_in(&tallies.customers.created, bounds) {
        if let Some(i) = month_slot(&months, bounds, day) {
            new_customers[i] += *n as usize;
        }
    }

    let by_month = totals_by_month(tallies.orders, from, to);
    let (currency, revenue) = revenue_in_main_currency(&by_month);
    let (mut revenue_orders, mut other_currency_orders) = (0, 0);
    for (_, o) in days_in(&tallies.orders.orders, bounds) {
        for (code, (n, _)) in &o.revenue {
            revenue_orders += *n as usize;
            if Some(code) != currency.as_ref() {
                other_currency_orders += *n as usize;
            }
        }
    }
    let (first, last) = (from.to_julian_day(), to.to_julian_day());
    let mut buyers = 0;
    let mut repeat_buyers = 0;
    for buyer in tallies.orders.buyers.values() {
        let days = &buyer.days;
        let inside = days.partition_point(|d| *d <= last) - days.partition_point(|d| *d < first);
        buyers += usize::from(inside >= 1);
        repeat_buyers += usize::from(inside >= 2);
    }

    let mut stages: Vec<(String, f64, usize)> = pipeline
        .stages
        .iter()
        .map(|s| (s.clone(), 0.0, 0))
        .collect();
    let mut open_micros = 0i64;
    let mut per_stage: HashMap<usize, (usize, i64)> = HashMap::new();
    for (stage, (n, micros)) in &tallies.deals.stages {
        if let Some(i) = pipeline.index_of(stage) {
            let entry = per_stage.entry(i).or_default();
            entry.0 += *n as usize;
            entry.1 += micros;
        }
        if !Pipeline::is_closed(stage) {
            open_micros += micros;
        }
    }
    for (i, (n, micros)) in per_stage {
        stages[i].1 = from_micros(micros);
        stages[i].2 = n;
    }

    let mut tickets_opened = vec![0usize; months.len()];
    let mut ratings = vec![(0u64, 0usize); months.len()];
    for (day, t) in days_in(&tallies.tickets.tickets, bounds) {
        if let Some(i) = month_slot(&months, bounds, day) {
            tickets_opened[i] += t.opened as usize;
            ratings[i].0 += u64::from(t.rating_sum);
            ratings[i].1 += t.rated as usize;
        }
    }
    let rating_sum: u64 = ratings.iter().map(|r| r.0).sum();
    let rated: usize = ratings.iter().map(|r| r.1).sum();

    Dashboard {
        from,
        to,
        customers: tallies.customers.customers(),
        new_customers: series(new_customers),
        currency,
        revenue,
        revenue_orders,
        other_currency_orders,
        pipeline: stages,
        open_pipeline_value: from_micros(open_micros),
        open_tickets: tallies.tickets.open_tickets as usize,
        tickets_opened: series(tickets_opened),
        satisfaction: monthly(
            &months,
            ratings
                .into_iter()
                .map(|(sum, n)| (n > 0).then(|| sum as f64 / n as f64))
                .collect(),
        ),
        average_satisfaction: (rated > 0).then(|| rating_sum as f64 / rated as f64),
        buyers,
        repeat_buyers,
        campaign_costs: campaign_costs(campaigns, from, to),
    }
}

#[cfg(test)]
#[path = "tallied_tests.rs"]
mod tests;
