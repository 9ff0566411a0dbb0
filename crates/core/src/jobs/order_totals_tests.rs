//! The Orders totals job against the aggregation the page used to do on its
//! own thread (live orders, their span, `totals_by_month`, `period_total`),
//! run through the registry as the worker runs it.

use super::*;
use crate::jobs::analyses::tests::{demo_store, run_ready, NOW};
use crate::jobs::run_named;
use crate::model::date_of;
use crate::store::{ChangeSet, MemStore};

/// Runs the job as the worker does: by name, input and output as JSON.
fn through_the_registry(store: &MemStore, input: &OrderTotalsInput) -> OrderTotalsReport {
    let encoded = serde_json::to_string(input).unwrap();
    let out = run_ready(run_named(
        store,
        OrderTotalsJob::NAME,
        &encoded,
        NOW,
        &mut |_, _| {},
    ))
    .unwrap();
    serde_json::from_str(&out).unwrap()
}

/// What the Orders page computed before the job: over the live orders,
/// their span and years, the period in effect and its months' totals.
fn as_the_page_did(store: &MemStore, input: &OrderTotalsInput) -> OrderTotalsReport {
    let all: Vec<Order> = run_ready(store.all()).unwrap();
    let live: Vec<Order> = all.into_iter().filter(|o| !o.is_deleted()).collect();
    let span = span_of(live.iter().map(|o| o.date));
    let years = years_of(live.iter().map(|o| o.date));
    let period = Period::chosen_or_holding(input.chosen, input.today, span);
    let bounds = period.bounds(input.today, span);
    let months = totals_by_month(&live, bounds.0, bounds.1);
    OrderTotalsReport {
        period,
        bounds,
        years,
        total: period_total(&months),
        months,
    }
}

/// A demo store whose oldest order is in the trash (so the default period
/// must not reach back to it).
fn store_with_a_trashed_order() -> MemStore {
    let store = demo_store(300);
    let orders: Vec<Order> = run_ready(store.all()).unwrap();
    let mut oldest = orders
        .into_iter()
        .min_by_key(|o| (o.date, o.meta.id))
        .expect("the demo has orders");
    oldest.meta.soft_delete(NOW);
    let mut changes = ChangeSet::new("trash");
    changes.update(&oldest).unwrap();
    run_ready(store.apply(&changes)).unwrap();
    store
}

#[test]
fn the_job_reports_what_the_page_added_up_over_the_period_holding_the_orders() {
    let store = store_with_a_trashed_order();
    let input = OrderTotalsInput {
        chosen: None,
        today: date_of(NOW),
    };
    let from_job = through_the_registry(&store, &input);
    assert_eq!(from_job, as_the_page_did(&store, &input));
    assert!(from_job.total.orders > 0);
    assert!(from_job.months.len() > 1);
    assert_eq!(
        from_job.total.orders,
        from_job.months.iter().map(|m| m.orders).sum::<usize>()
    );
}

#[test]
fn a_chosen_year_is_totalled_month_by_month_as_the_page_did() {
    let store = store_with_a_trashed_order();
    let year = date_of(NOW).year() - 1;
    let input = OrderTotalsInput {
        chosen: Some(Period::Year(year)),
        today: date_of(NOW),
    };
    let from_job = through_the_registry(&store, &input);
    assert_eq!(from_job, as_the_page_did(&store, &input));
    assert_eq!(from_job.period, Period::Year(year));
    assert_eq!(from_job.months.len(), 12);
    assert_eq!(
        from_job.months.last().map(|m| m.month),
        Date::from_ordinal_date(year, 1).ok()
    );
}

#[test]
fn no_orders_is_an_empty_report_not_an_error() {
    let store = MemStore::new();
    let input = OrderTotalsInput {
        chosen: Some(Period::AllTime),
        today: date_of(NOW),
    };
    let report = through_the_registry(&store, &input);
    assert_eq!(report, as_the_page_did(&store, &input));
    assert!(report.years.is_empty());
    assert_eq!(report.total, PeriodTotal::default());
}
