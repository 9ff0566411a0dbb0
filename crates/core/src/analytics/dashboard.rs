//! The Dashboard's figures: customers and new customers per month, revenue
//! per month, the pipeline by stage, tickets and satisfaction per month, the
//! repeat-purchase rate and the acquisition cost per campaign. One pass over
//! each collection; trashed records are skipped, so callers pass what the
//! store returns.

use super::campaigns::evaluate;
use super::sales::{month_start, totals_by_month};
use crate::model::{
    date_of, Campaign, Deal, Id, Order, Pipeline, Record, Ticket, TicketStatus, Timestamp,
};
use std::collections::{BTreeMap, HashMap};
use time::Date;

/// How many calendar months the per-month series cover (ending with the
/// current month).
pub const MONTHS: u32 = 12;

/// One month of a per-month series.
#[derive(Debug, Clone, PartialEq)]
pub struct Month<T> {
    /// The first day of the month.
    pub month: Date,
    /// The month's value.
    pub value: T,
}

/// The acquisition cost of one campaign with a budget.
#[derive(Debug, Clone, PartialEq)]
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
#[derive(Debug, Clone, PartialEq)]
pub struct Dashboard {
    /// Live customers.
    pub customers: usize,
    /// Customers created per month, oldest first.
    pub new_customers: Vec<Month<usize>>,
    /// The currency revenue is shown in: the one with the most revenue.
    pub currency: Option<String>,
    /// Revenue (orders and contracts) per month in `currency`, oldest first.
    pub revenue: Vec<Month<f64>>,
    /// Revenue orders in the window in other currencies (not in `revenue`).
    pub other_currency_orders: usize,
    /// Pipeline stages in order with the value and count of their deals.
    pub pipeline: Vec<(String, f64, usize)>,
    /// Value of deals in open stages.
    pub open_pipeline_value: f64,
    /// Tickets currently open or pending.
    pub open_tickets: usize,
    /// Tickets opened per month, oldest first.
    pub tickets_opened: Vec<Month<usize>>,
    /// Average satisfaction (1–5) of tickets solved per month, oldest first;
    /// `None` for months without ratings.
    pub satisfaction: Vec<Month<Option<f64>>>,
    /// Average satisfaction of every rated ticket; `None` without ratings.
    pub average_satisfaction: Option<f64>,
    /// Customers with at least one revenue order.
    pub buyers: usize,
    /// Of those, customers with two or more.
    pub repeat_buyers: usize,
    /// Campaigns with a budget, with their cost per converted customer.
    pub campaign_costs: Vec<CampaignCost>,
}

impl Dashboard {
    /// Share of buyers who bought more than once; `None` without buyers.
    pub fn repeat_purchase_rate(&self) -> Option<f64> {
        (self.buyers > 0).then(|| self.repeat_buyers as f64 / self.buyers as f64)
    }

    /// Revenue over the whole window, in `currency`.
    pub fn revenue_total(&self) -> f64 {
        self.revenue.iter().map(|m| m.value).sum()
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

fn months_ending(today: Date) -> Vec<Date> {
    (0..MONTHS)
        .rev()
        .map(|back| month_start(today, back))
        .collect()
}

/// The index of `date`'s month in `months` (oldest first), if inside.
fn slot(months: &[Date], date: Date) -> Option<usize> {
    let first = *months.first()?;
    let back =
        (date.year() * 12 + date.month() as i32) - (first.year() * 12 + first.month() as i32);
    (0..months.len() as i32)
        .contains(&back)
        .then_some(back as usize)
}

/// Summarises `sources` for the months ending with `today`'s.
pub fn summarise(sources: Sources<'_>, today: Date) -> Dashboard {
    let months = months_ending(today);
    let mut new_customers = vec![0usize; months.len()];
    for created in sources.customers_created {
        if let Some(i) = slot(&months, date_of(*created)) {
            new_customers[i] += 1;
        }
    }

    let by_month = totals_by_month(sources.orders, today, MONTHS);
    let mut per_currency: BTreeMap<&str, f64> = BTreeMap::new();
    for month in &by_month {
        for (code, amount) in &month.revenue {
            *per_currency.entry(code).or_insert(0.0) += amount;
        }
    }
    let currency = per_currency
        .iter()
        .max_by(|a, b| a.1.total_cmp(b.1))
        .map(|(code, _)| code.to_string());
    let revenue: Vec<Month<f64>> = by_month
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
    let window_start = months[0];
    let revenue_orders = || {
        sources.orders.iter().filter(move |o| {
            !o.is_deleted() && o.status.is_revenue() && o.date >= window_start && o.date <= today
        })
    };
    let other_currency_orders = revenue_orders()
        .filter(|o| Some(&o.currency) != currency.as_ref())
        .count();

    let mut orders_per_buyer: HashMap<Id, usize> = HashMap::new();
    for order in sources
        .orders
        .iter()
        .filter(|o| !o.is_deleted() && o.status.is_revenue())
    {
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
        if let Some(i) = slot(&months, date_of(ticket.opened_at)) {
            tickets_opened[i] += 1;
        }
        if let Some(rating) = ticket.satisfaction {
            rating_sum += f64::from(rating);
            rated += 1;
        }
        if let (Some(solved), Some(rating)) = (ticket.solved_at, ticket.satisfaction) {
            if let Some(i) = slot(&months, date_of(solved)) {
                ratings[i].0 += f64::from(rating);
                ratings[i].1 += 1;
            }
        }
    }

    let campaign_costs = sources
        .campaigns
        .iter()
        .filter(|c| !c.is_deleted() && c.budget > 0.0)
        .map(|c| {
            let e = evaluate(c, &[]);
            CampaignCost {
                name: c.name.clone(),
                budget: c.budget,
                converted: e.converted,
                cost_per_customer: e.cost_per_conversion,
            }
        })
        .collect();

    let series = |values: Vec<usize>| -> Vec<Month<usize>> {
        months
            .iter()
            .zip(values)
            .map(|(m, v)| Month {
                month: *m,
                value: v,
            })
            .collect()
    };
    Dashboard {
        customers: sources.customers_created.len(),
        new_customers: series(new_customers),
        currency,
        revenue,
        other_currency_orders,
        pipeline,
        open_pipeline_value,
        open_tickets,
        tickets_opened: series(tickets_opened),
        satisfaction: months
            .iter()
            .zip(ratings)
            .map(|(m, (sum, n))| Month {
                month: *m,
                value: (n > 0).then(|| sum / n as f64),
            })
            .collect(),
        average_satisfaction: (rated > 0).then(|| rating_sum / rated as f64),
        buyers: orders_per_buyer.len(),
        repeat_buyers: orders_per_buyer.values().filter(|n| **n >= 2).count(),
        campaign_costs,
    }
}

#[cfg(test)]
#[path = "dashboard_tests.rs"]
mod tests;
