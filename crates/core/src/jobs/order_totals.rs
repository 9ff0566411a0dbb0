//! The Orders page's "Totals by month", added up in the worker:
//! [`OrderTotalsJob`] reads the orders' tally (`store::tally`, kept by the
//! write path; [`order_totals`] over the records is its reference),
//! resolves the period the user chose (or the one that holds the live
//! orders) and totals each calendar month of it
//! (`analytics::tallied::totals_by_month`) and the whole period
//! (`period_total`). The page sends only the period and receives the small
//! [`OrderTotalsReport`] (one row per month), as the Dashboard does with
//! [`super::DashboardJob`], so a store of a million order lines never
//! freezes it.

use super::{Job, JobError, ProgressFn};
use crate::analytics::period::{span_of, years_of, Period};
use crate::analytics::sales::{period_total, totals_by_month, MonthTotal, PeriodTotal};
use crate::analytics::tallied;
use crate::i18n::jobs as jt;
use crate::model::{Order, Record, Timestamp};
use crate::store::{Collection, Store, Tally};
use serde::{Deserialize, Serialize};
use time::Date;

/// What the Orders page asks for.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct OrderTotalsInput {
    /// The period the user picked; `None` for the one that holds the orders.
    pub chosen: Option<Period>,
    /// Today, on the user's clock.
    pub today: Date,
}

/// The totals of each month of the period, and of the whole period.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct OrderTotalsReport {
    /// The period in effect.
    pub period: Period,
    /// Its first and last day.
    pub bounds: (Date, Date),
    /// The years with live orders, newest first (for the period picker).
    pub years: Vec<i32>,
    /// One row per calendar month of the period, newest first.
    pub months: Vec<MonthTotal>,
    /// The months added up.
    pub total: PeriodTotal,
}

/// Totals `orders` (trashed ones are left out, also from the span that
/// decides the default period) over the period `input` asks for.
pub fn order_totals(orders: &[Order], input: &OrderTotalsInput) -> OrderTotalsReport {
    let live = || orders.iter().filter(|o| !o.is_deleted()).map(|o| o.date);
    let span = span_of(live());
    let period = Period::chosen_or_holding(input.chosen, input.today, span);
    let bounds = period.bounds(input.today, span);
    let months = totals_by_month(orders, bounds.0, bounds.1);
    OrderTotalsReport {
        period,
        bounds,
        years: years_of(live()),
        total: period_total(&months),
        months,
    }
}

/// [`order_totals`] from the orders' tally (what the job runs).
pub fn order_totals_from_tally(orders: &Tally, input: &OrderTotalsInput) -> OrderTotalsReport {
    let span = tallied::order_span(orders);
    let period = Period::chosen_or_holding(input.chosen, input.today, span);
    let bounds = period.bounds(input.today, span);
    let months = tallied::totals_by_month(orders, bounds.0, bounds.1);
    OrderTotalsReport {
        period,
        bounds,
        years: tallied::order_years(orders),
        total: period_total(&months),
        months,
    }
}

/// The Orders page's totals by month over the chosen period.
pub struct OrderTotalsJob;

impl Job for OrderTotalsJob {
    const NAME: &'static str = "order-totals";
    type Input = OrderTotalsInput;
    type Output = OrderTotalsReport;

    async fn run<S: Store>(
        store: &S,
        input: OrderTotalsInput,
        _now: Timestamp,
        progress: ProgressFn<'_>,
    ) -> Result<OrderTotalsReport, JobError> {
        progress(0.0, jt::reading_orders());
        let orders = store.tally_totals(Collection::Orders).await?;
        progress(0.8, jt::adding_up());
        Ok(order_totals_from_tally(&orders, &input))
    }
}

#[cfg(test)]
#[path = "order_totals_tests.rs"]
mod tests;
