//! The tallied figures against the ones added up from every record, over
//! demo data with trashed, edited and multi-currency records, for several
//! periods.

use super::*;
use crate::analytics::dashboard::{summarise as summarise_records, Sources};
use crate::analytics::sales::totals_by_month as totals_of_records;
use crate::demo::{DemoConfig, DemoGenerator};
use crate::model::{
    date_of, Customer, Deal, Order, OrderStatus, Record, Ticket, TicketStatus, Timestamp,
};
use crate::store::{ChangeSet, Collection, MemStore, Store};
use std::future::Future;
use std::pin::pin;
use std::task::{Context, Poll, Waker};
use time::macros::date;

const NOW: Timestamp = 1_750_000_000_000;

fn run_ready<F: Future>(future: F) -> F::Output {
    let mut cx = Context::from_waker(Waker::noop());
    match pin!(future).poll(&mut cx) {
        Poll::Ready(out) => out,
        Poll::Pending => panic!("in-memory futures complete without waiting"),
    }
}

/// Demo data, then some orders in other currencies or trashed, some deals
/// in a stage the pipeline does not know, and some tickets trashed.
fn store() -> MemStore {
    let store = MemStore::new();
    let mut g = DemoGenerator::new(
        DemoConfig {
            seed: 9,
            customers: 150,
        },
        NOW,
    );
    while let Some(batch) = g.next_batch(50) {
        run_ready(store.apply(&batch.to_change_set("demo").unwrap())).unwrap();
    }
    let mut cs = ChangeSet::new("edits");
    let orders: Vec<Order> = run_ready(store.all()).unwrap();
    for (i, mut order) in orders.into_iter().enumerate() {
        match i % 7 {
            0 => order.currency = "EUR".into(),
            1 => order.meta.deleted_at = Some(NOW),
            2 => order.status = OrderStatus::Quote,
            _ => continue,
        }
        order.touch(NOW);
        cs.update(&order).unwrap();
    }
    let deals: Vec<Deal> = run_ready(store.all()).unwrap();
    for mut deal in deals.into_iter().step_by(5) {
        deal.stage = "Parked".into();
        deal.touch(NOW);
        cs.update(&deal).unwrap();
    }
    let tickets: Vec<Ticket> = run_ready(store.all()).unwrap();
    for (i, mut ticket) in tickets.into_iter().enumerate() {
        match i % 6 {
            0 => ticket.meta.deleted_at = Some(NOW),
            1 => {
                ticket.status = TicketStatus::Solved;
                ticket.solved_at = Some(ticket.opened_at + 86_400_000 * (i as i64 % 40));
                ticket.satisfaction = Some(1 + (i % 5) as u8);
            }
            2 => {
                ticket.status = TicketStatus::Open;
                ticket.solved_at = None;
                ticket.satisfaction = None;
            }
            _ => continue,
        }
        ticket.touch(NOW);
        cs.update(&ticket).unwrap();
    }
    let customers: Vec<Customer> = run_ready(store.all()).unwrap();
    for mut customer in customers.into_iter().step_by(9) {
        customer.meta.deleted_at = Some(NOW);
        customer.touch(NOW);
        cs.update(&customer).unwrap();
    }
    run_ready(store.apply(&cs)).unwrap();
    store
}

struct Both {
    orders: Vec<Order>,
    deals: Vec<Deal>,
    tickets: Vec<Ticket>,
    created: Vec<Timestamp>,
    campaigns: Vec<Campaign>,
    tallies: [Tally; 4],
}

impl Both {
    fn read(store: &MemStore) -> Both {
        let customers: Vec<Customer> = run_ready(store.all()).unwrap();
        let tally = |c| run_ready(store.tally(c)).unwrap();
        Both {
            orders: run_ready(store.all()).unwrap(),
            deals: run_ready(store.all()).unwrap(),
            tickets: run_ready(store.all()).unwrap(),
            created: customers
                .iter()
                .filter(|c| !c.is_deleted())
                .map(|c| c.meta.created_at)
                .collect(),
            campaigns: run_ready(store.all()).unwrap(),
            tallies: [
                tally(Collection::Customers),
                tally(Collection::Orders),
                tally(Collection::Deals),
                tally(Collection::Tickets),
            ],
        }
    }

    fn sources<'a>(&'a self, pipeline: &'a Pipeline) -> Sources<'a> {
        Sources {
            customers_created: &self.created,
            orders: &self.orders,
            deals: &self.deals,
            pipeline,
            tickets: &self.tickets,
            campaigns: &self.campaigns,
        }
    }

    fn tallies(&self) -> Tallies<'_> {
        Tallies {
            customers: &self.tallies[0],
            orders: &self.tallies[1],
            deals: &self.tallies[2],
            tickets: &self.tallies[3],
        }
    }
}

fn close(a: f64, b: f64, what: &str) {
    assert!(
        (a - b).abs() <= 1e-6 * b.abs().max(1.0),
        "{what}: {a} vs {b}"
    );
}

fn assert_same_dashboard(tallied: &Dashboard, records: &Dashboard) {
    assert_eq!(tallied.from, records.from);
    assert_eq!(tallied.to, records.to);
    assert_eq!(tallied.customers, records.customers);
    assert_eq!(tallied.new_customers, records.new_customers);
    assert_eq!(tallied.currency, records.currency);
    assert_eq!(tallied.revenue.len(), records.revenue.len());
    for (a, b) in tallied.revenue.iter().zip(&records.revenue) {
        assert_eq!(a.month, b.month);
        close(a.value, b.value, "revenue of a month");
    }
    assert_eq!(tallied.revenue_orders, records.revenue_orders);
    assert_eq!(tallied.other_currency_orders, records.other_currency_orders);
    assert_eq!(tallied.pipeline.len(), records.pipeline.len());
    for (a, b) in tallied.pipeline.iter().zip(&records.pipeline) {
        assert_eq!((&a.0, a.2), (&b.0, b.2));
        close(a.1, b.1, "a stage's value");
    }
    close(
        tallied.open_pipeline_value,
        records.open_pipeline_value,
        "open pipeline",
    );
    assert_eq!(tallied.open_tickets, records.open_tickets);
    assert_eq!(tallied.tickets_opened, records.tickets_opened);
    assert_eq!(tallied.satisfaction.len(), records.satisfaction.len());
    for (a, b) in tallied.satisfaction.iter().zip(&records.satisfaction) {
        assert_eq!(a.month, b.month);
        assert_eq!(a.value.is_some(), b.value.is_some());
        close(a.value.unwrap_or(0.0), b.value.unwrap_or(0.0), "rating");
    }
    close(
        tallied.average_satisfaction.unwrap_or(-1.0),
        records.average_satisfaction.unwrap_or(-1.0),
        "average rating",
    );
    assert_eq!(tallied.buyers, records.buyers);
    assert_eq!(tallied.repeat_buyers, records.repeat_buyers);
    assert_eq!(tallied.campaign_costs, records.campaign_costs);
}

fn periods(span: (Date, Date)) -> Vec<(Date, Date)> {
    let today = date_of(NOW);
    vec![
        span,
        (today - time::Duration::days(29), today),
        (today - time::Duration::days(364), today),
        (date!(2024 - 01 - 01), date!(2024 - 12 - 31)),
        (
            span.0 + time::Duration::days(45),
            span.1 - time::Duration::days(100),
        ),
    ]
}

#[test]
fn the_tallied_dashboard_equals_the_one_added_up_from_every_record_in_every_period() {
    let both = Both::read(&store());
    let pipeline = Pipeline::default();
    let sources = both.sources(&pipeline);
    let span = sources.data_span().expect("demo data has a span");
    assert_eq!(both.tallies().data_span(), Some(span));
    assert_eq!(order_years(both.tallies().orders), sources.order_years());
    for bounds in periods(span) {
        let records = summarise_records(sources, bounds);
        let tallied = summarise(both.tallies(), &pipeline, &both.campaigns, bounds);
        assert_same_dashboard(&tallied, &records);
    }
    let all = summarise_records(sources, span);
    assert!(all.revenue_orders > 0 && all.other_currency_orders > 0);
    assert!(all.buyers > 0 && all.repeat_buyers > 0);
    assert!(all.average_satisfaction.is_some() && all.open_tickets > 0);
}

#[test]
fn the_tallied_totals_by_month_equal_the_ones_added_up_from_every_order() {
    let both = Both::read(&store());
    let span = order_span(&both.tallies[1]).expect("orders");
    for (from, to) in periods(span) {
        let tallied = totals_by_month(&both.tallies[1], from, to);
        let records = totals_of_records(&both.orders, from, to);
        assert_eq!(tallied.len(), records.len());
        for (a, b) in tallied.iter().zip(&records) {
            assert_eq!((a.month, a.orders, a.quotes), (b.month, b.orders, b.quotes));
            assert_eq!(a.revenue.len(), b.revenue.len());
            for ((ca, va), (cb, vb)) in a.revenue.iter().zip(&b.revenue) {
                assert_eq!(ca, cb);
                close(*va, *vb, "a month's revenue");
            }
        }
    }
}

#[test]
fn an_empty_store_has_no_span_and_empty_figures() {
    let empty = Tally::default();
    let tallies = Tallies {
        customers: &empty,
        orders: &empty,
        deals: &empty,
        tickets: &empty,
    };
    assert_eq!(tallies.data_span(), None);
    let today = date_of(NOW);
    let d = summarise(tallies, &Pipeline::default(), &[], (today, today));
    assert_eq!((d.customers, d.revenue_orders, d.buyers), (0, 0, 0));
    assert_eq!(d.currency, None);
}

#[test]
fn the_feature_table_from_tallies_equals_the_one_built_from_every_record() {
    use crate::analytics::ml::{CrmData, FeatureTable};
    let both = Both::read(&store());
    let customers: Vec<Customer> = run_ready(store().all()).unwrap();
    let from_records = FeatureTable::build(
        CrmData {
            customers: &customers,
            orders: &both.orders,
            tickets: &both.tickets,
            deals: &both.deals,
        },
        NOW,
    );
    let from_tallies = FeatureTable::from_tallies(
        &customers,
        &both.tallies[1],
        &both.tallies[3],
        &both.tallies[2],
        NOW,
    );
    assert_eq!(from_tallies.customer_ids, from_records.customer_ids);
    assert_eq!(from_tallies.lifecycle, from_records.lifecycle);
    assert_eq!(from_tallies.segment, from_records.segment);
    assert_eq!(from_tallies.bought_recently, from_records.bought_recently);
    assert_eq!(from_tallies.has_won_deal, from_records.has_won_deal);
    assert!(from_records.has_won_deal.iter().any(|w| *w));
    for (a, b) in from_tallies.columns.iter().zip(&from_records.columns) {
        assert_eq!(a.len(), b.len());
        for (x, y) in a.iter().zip(b) {
            assert!(
                (x.is_nan() && y.is_nan()) || (x - y).abs() <= 1e-9 * y.abs().max(1.0),
                "{x} vs {y}"
            );
        }
    }
}
