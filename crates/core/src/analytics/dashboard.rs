//! The Dashboard's figures over a [`Period`](super::period::Period)'s bounds:
//! new customers per month, revenue per month, tickets and satisfaction per
//! month, the repeat-purchase rate and the acquisition cost per campaign,
//! plus what is true now (customers, the open pipeline by stage, open
//! tickets). Monthly series cover every month of the period, however many.
//! One pass over each collection; trashed records are skipped, so callers
//! pass what the store returns.

use super::campaigns::evaluate;
use super::period::{month_offset, month_starts, span_of, years_of};
use super::sales::{totals_by_month, MonthTotal};
use crate::model::{
    date_of, Campaign, Deal, Id, Order, Pipeline, Record, Ticket, TicketStatus, Timestamp,
};
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, HashMap};
use time::Date;

/// One month of a per-month series.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Month<T> {
    /// The first day of the month.
    pub month: Date,
    /// The month's value.
    pub value: T,
}

/// The acquisition cost of one campaign with a budget.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CampaignCost {
    /// The campaign's name.
    pub name: String,
    /// Its budget.
    pub budget: f64,
    /// Members who converted.
    pub converted: usize,
    /// Budget per converted member; `None` when nobody converted.
    pub cost_per_customer: Option<f64>,
}

/// Everything the Dashboard shows.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Dashboard {
    /// The first day the period figures count.
    pub from: Date,
    /// The last day they count.
    pub to: Date,
    /// Live customers (now, whenever they were added).
    pub customers: usize,
    /// Customers created per month of the period, oldest first.
    pub new_customers: Vec<Month<usize>>,
    /// The currency revenue is shown in: the one with the most revenue.
    pub currency: Option<String>,
    /// Revenue (orders and contracts) per month in `currency`, oldest first.
    pub revenue: Vec<Month<f64>>,
    /// Revenue orders (orders and contracts) dated in the period, in any
    /// currency.
    pub revenue_orders: usize,
    /// Of those, the ones in other currencies (not in `revenue`).
    pub other_currency_orders: usize,
    /// Pipeline stages in order with the value and count of their deals.
    pub pipeline: Vec<(String, f64, usize)>,
    /// Value of deals in open stages.
    pub open_pipeline_value: f64,
    /// Tickets currently open or pending (now).
    pub open_tickets: usize,
    /// Tickets opened per month of the period, oldest first.
    pub tickets_opened: Vec<Month<usize>>,
    /// Average satisfaction (1–5) of tickets solved per month, oldest first;
    /// `None` for months without ratings.
    pub satisfaction: Vec<Month<Option<f64>>>,
    /// Average satisfaction of the rated tickets solved in the period;
    /// `None` without ratings.
    pub average_satisfaction: Option<f64>,
    /// Customers with at least one revenue order in the period.
    pub buyers: usize,
    /// Of those, customers with two or more in the period.
    pub repeat_buyers: usize,
    /// Campaigns with a budget that ran during the period (some day of
    /// theirs is in it), with their cost per converted customer.
    pub campaign_costs: Vec<CampaignCost>,
}

impl Dashboard {
    /// Share of buyers who bought more than once; `None` without buyers.
    pub fn repeat_purchase_rate(&self) -> Option<f64> {
        (self.buyers > 0).then(|| self.repeat_buyers as f64 / self.buyers as f64)
    }

    /// Revenue over the whole period, in `currency`, rounded to cents.
    pub fn revenue_total(&self) -> f64 {
        let sum: f64 = self.revenue.iter().map(|m| m.value).sum();
        (sum * 100.0).round() / 100.0
    }

    /// Customers created in the period.
    pub fn new_customers_total(&self) -> usize {
        self.new_customers.iter().map(|m| m.value).sum()
    }
}

/// The records the Dashboard summarises.
#[derive(Debug, Clone, Copy)]
pub struct Sources<'a> {
    /// Creation times of the live customers.
    pub customers_created: &'a [Timestamp],
    /// Every order.
    pub orders: &'a [Order],
    /// Every deal.
    pub deals: &'a [Deal],
    /// The pipeline the deals move through.
    pub pipeline: &'a Pipeline,
    /// Every ticket.
    pub tickets: &'a [Ticket],
    /// Every campaign.
    pub campaigns: &'a [Campaign],
}

impl Sources<'_> {
    /// The first and last day with data, for all time and the default
    /// period: the span of the live orders' dates (the history a user
    /// imports), else of the customers' creation and tickets' opening when
    /// there are no orders; `None` on an empty store.
    pub fn data_span(&self) -> Option<(Date, Date)> {
        span_of(self.live_order_dates()).or_else(|| {
            span_of(
                self.customers_created.iter().map(|t| date_of(*t)).chain(
                    self.tickets
                        .iter()
                        .filter(|t| !t.is_deleted())
                        .map(|t| date_of(t.opened_at)),
                ),
            )
        })
    }

    /// The years that have orders, newest first (the period picker's years).
    pub fn order_years(&self) -> Vec<i32> {
        years_of(self.live_order_dates())
    }

    fn live_order_dates(&self) -> impl Iterator<Item = Date> + '_ {
        self.orders
            .iter()
            .filter(|o| !o.is_deleted())
            .map(|o| o.date)
    }
}

/// The index of `date`'s month in `months` (oldest first), if inside.
fn slot(months: &[Date], date: Date) -> Option<usize> {
    let back = usize::try_from(month_offset(*months.first()?, date)).ok()?;
    (back < months.len()).then_some(back)
}

/// The currency with the most revenue over `by_month` (as
/// [`totals_by_month`] gives it, newest first), and its revenue per month,
/// oldest first.
pub(crate) fn revenue_in_main_currency(
    by_month: &[MonthTotal],
) -> (Option<String>, Vec<Month<f64>>) {
    let mut per_currency: BTreeMap<&str, f64> = BTreeMap::new();
    for month in by_month {
        for (code, amount) in &month.revenue {
            *per_currency.entry(code).or_insert(0.0) += amount;
        }
    }
    let currency = per_currency
        .iter()
        .max_by(|a, b| a.1.total_cmp(b.1))
        .map(|(code, _)| code.to_string());
    let revenue = by_month
        .iter()
        .rev()
        .map(|m| Month {
            month: m.month,
            value: m
                .revenue
                .iter()
                .filter(|(code, _)| Some(code) == currency.as_ref())
                .map(|(_, v)| v)
                .sum(),
        })
        .collect();
    (currency, revenue)
}

/// `values` (one per month of `months`) as a per-month series.
pub(crate) fn monthly<T>(months: &[Date], values: Vec<T>) -> Vec<Month<T>> {
    months
        .iter()
        .zip(values)
        .map(|(m, v)| Month {
            month: *m,
            value: v,
        })
        .collect()
}

/// The campaigns with a budget that ran during `from`–`to`, with their cost
/// per converted member.
pub(crate) fn campaign_costs(campaigns: &[Campaign], from: Date, to: Date) -> Vec<CampaignCost> {
    campaigns
        .iter()
        .filter(|c| !c.is_deleted() && c.budget > 0.0 && c.start <= to && c.end >= from)
        .map(|c| {
            let e = evaluate(c, &[]);
            CampaignCost {
                name: c.name.clone(),
                budget: c.budget,
                converted: e.converted,
                cost_per_customer: e.cost_per_conversion,
            }
        })
        .collect()
}

/// The index of `date`'s month in `months` if it is inside `from`–`to`.
pub(crate) fn month_slot(months: &[Date], (from, to): (Date, Date), date: Date) -> Option<usize> {
    slot(months, date).filter(|_| from <= date && date <= to)
}

/// Summarises `sources` over the days `from` to `to` (both included), as
/// [`Period::bounds`](super::period::Period::bounds) gives them: the
/// monthly series have one entry per calendar month from `from`'s to
/// `to`'s, and the period figures count only what is dated inside.
pub fn summarise(sources: Sources<'_>, (from, to): (Date, Date)) -> Dashboard {
    let months = month_starts(from, to);
    let inside = |d: Date| from <= d && d <= to;
    let mut new_customers = vec![0usize; months.len()];
    for created in sources.customers_created.iter().map(|t| date_of(*t)) {
        if let Some(i) = slot(&months, created).filter(|_| inside(created)) {
            new_customers[i] += 1;
        }
    }

    let by_month = totals_by_month(sources.orders, from, to);
    let (currency, revenue) = revenue_in_main_currency(&by_month);
    let revenue_orders = || {
        sources
            .orders
            .iter()
            .filter(move |o| !o.is_deleted() && o.status.is_revenue() && inside(o.date))
    };
    let other_currency_orders = revenue_orders()
        .filter(|o| Some(&o.currency) != currency.as_ref())
        .count();

    let mut orders_per_buyer: HashMap<Id, usize> = HashMap::new();
    for order in revenue_orders() {
        *orders_per_buyer.entry(order.customer_id).or_insert(0) += 1;
    }

    let mut pipeline: Vec<(String, f64, usize)> = sources
        .pipeline
        .stages
        .iter()
        .map(|s| (s.clone(), 0.0, 0))
        .collect();
    let mut open_pipeline_value = 0.0;
    for deal in sources.deals.iter().filter(|d| !d.is_deleted()) {
        if let Some(i) = sources.pipeline.index_of(&deal.stage) {
            pipeline[i].1 += deal.value;
            pipeline[i].2 += 1;
        }
        if !deal.is_closed() {
            open_pipeline_value += deal.value;
        }
    }

    let mut tickets_opened = vec![0usize; months.len()];
    let mut ratings = vec![(0.0_f64, 0usize); months.len()];
    let mut open_tickets = 0;
    let (mut rating_sum, mut rated) = (0.0, 0usize);
    for ticket in sources.tickets.iter().filter(|t| !t.is_deleted()) {
        if ticket.status != TicketStatus::Solved {
            open_tickets += 1;
        }
        let opened = date_of(ticket.opened_at);
        if let Some(i) = slot(&months, opened).filter(|_| inside(opened)) {
            tickets_opened[i] += 1;
        }
        if let (Some(solved), Some(rating)) = (ticket.solved_at, ticket.satisfaction) {
            let solved = date_of(solved);
            if let Some(i) = slot(&months, solved).filter(|_| inside(solved)) {
                ratings[i].0 += f64::from(rating);
                ratings[i].1 += 1;
                rating_sum += f64::from(rating);
                rated += 1;
            }
        }
    }

    let campaign_costs = campaign_costs(sources.campaigns, from, to);

    let series = |values: Vec<usize>| monthly(&months, values);
    Dashboard {
        from,
        to,
        customers: sources.customers_created.len(),
        new_customers: series(new_customers),
        currency,
        revenue,
        revenue_orders: revenue_orders().count(),
        other_currency_orders,
        pipeline,
        open_pipeline_value,
        open_tickets,
        tickets_opened: series(tickets_opened),
        satisfaction: monthly(
            &months,
            ratings
                .into_iter()
                .map(|(sum, n)| (n > 0).then(|| sum / n as f64))
                .collect(),
        ),
        average_satisfaction: (rated > 0).then(|| rating_sum / rated as f64),
        buyers: orders_per_buyer.len(),
        repeat_buyers: orders_per_buyer.values().filter(|n| **n >= 2).count(),
        campaign_costs,
    }
}

#[cfg(test)]
#[path = "dashboard_tests.rs"]
mod tests;
