//! The Dashboard's figures, in the worker: [`DashboardJob`] reads the
//! tallies the write path keeps for customers, orders, deals and tickets
//! (`store::tally`, a few small values instead of every record) and the
//! campaigns, resolves the period the user chose (or the one that holds the
//! data) and summarises it (`analytics::tallied::summarise`, equal to
//! `analytics::dashboard::summarise` over the records, which [`report`]
//! still runs for the tests). The page receives only the small
//! [`DashboardReport`], so a store of a million order lines never freezes it.

use super::{Job, JobError, ProgressFn};
use crate::analytics::dashboard::{summarise, Dashboard, Sources};
use crate::analytics::period::Period;
use crate::analytics::tallied::{self, Tallies};
use crate::i18n::jobs as jt;
use crate::model::{Campaign, Deal, Order, Pipeline, Ticket, Timestamp};
use crate::store::{Collection, Store};
use serde::{Deserialize, Serialize};
use time::Date;

/// What the Dashboard asks for.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DashboardInput {
    /// The period the user picked; `None` for the one that holds the data.
    pub chosen: Option<Period>,
    /// Today, on the user's clock.
    pub today: Date,
    /// The pipeline the deals move through.
    pub pipeline: Pipeline,
}

/// The Dashboard's figures and the period they cover.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DashboardReport {
    /// The period in effect.
    pub period: Period,
    /// Its first and last day.
    pub bounds: (Date, Date),
    /// The years with orders, newest first (for the period picker).
    pub years: Vec<i32>,
    /// The figures.
    pub dashboard: Dashboard,
}

/// The period in effect (the chosen one, or the one holding the data whose
/// first and last days are `span`) and its first and last day.
fn period_and_bounds(input: &DashboardInput, span: Option<(Date, Date)>) -> (Period, (Date, Date)) {
    let period = Period::chosen_or_holding(input.chosen, input.today, span);
    (period, period.bounds(input.today, span))
}

/// Reads what the Dashboard shows and adds it up over the period.
pub fn report(
    customers_created: &[Timestamp],
    orders: &[Order],
    deals: &[Deal],
    tickets: &[Ticket],
    campaigns: &[Campaign],
    input: &DashboardInput,
) -> DashboardReport {
    let sources = Sources {
        customers_created,
        orders,
        deals,
        pipeline: &input.pipeline,
        tickets,
        campaigns,
    };
    let (period, bounds) = period_and_bounds(input, sources.data_span());
    DashboardReport {
        period,
        bounds,
        years: sources.order_years(),
        dashboard: summarise(sources, bounds),
    }
}

/// The Dashboard's figures over the chosen period.
pub struct DashboardJob;

impl Job for DashboardJob {
    const NAME: &'static str = "dashboard";
    type Input = DashboardInput;
    type Output = DashboardReport;

    async fn run<S: Store>(
        store: &S,
        input: DashboardInput,
        _now: Timestamp,
        progress: ProgressFn<'_>,
    ) -> Result<DashboardReport, JobError> {
        progress(0.0, jt::reading_orders());
        // The orders' buyers count the period's buyers and repeat buyers;
        // of the others only the figures by day and stage are read.
        let orders = store.tally(Collection::Orders).await?;
        progress(0.5, jt::reading_deals_tickets_campaigns());
        let deals = store.tally_totals(Collection::Deals).await?;
        let tickets = store.tally_totals(Collection::Tickets).await?;
        let customers = store.tally_totals(Collection::Customers).await?;
        let campaigns: Vec<Campaign> = store.all().await?;
        progress(0.8, jt::adding_up());
        let tallies = Tallies {
            customers: &customers,
            orders: &orders,
            deals: &deals,
            tickets: &tickets,
        };
        Ok(report_from_tallies(tallies, &campaigns, &input))
    }
}

/// [`report`] from the store's tallies (what the job runs).
pub fn report_from_tallies(
    tallies: Tallies<'_>,
    campaigns: &[Campaign],
    input: &DashboardInput,
) -> DashboardReport {
    let (period, bounds) = period_and_bounds(input, tallies.data_span());
    DashboardReport {
        period,
        bounds,
        years: tallied::order_years(tallies.orders),
        dashboard: tallied::summarise(tallies, &input.pipeline, campaigns, bounds),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::jobs::analyses::tests::{demo_store, run_ready, NOW};
    use crate::jobs::run_named;
    use crate::model::{date_of, Customer, Record};
    use crate::store::MemStore;

    /// Runs the job as the worker does: by name, input and output as JSON.
    fn through_the_registry(store: &MemStore, input: &DashboardInput) -> DashboardReport {
        let encoded = serde_json::to_string(input).unwrap();
        let out = run_ready(run_named(
            store,
            DashboardJob::NAME,
            &encoded,
            NOW,
            &mut |_, _| {},
        ))
        .unwrap();
        serde_json::from_str(&out).unwrap()
    }

    #[test]
    fn the_job_reports_what_summarise_gives_over_the_same_period() {
        let store = demo_store(300);
        let input = DashboardInput {
            chosen: None,
            today: date_of(NOW),
            pipeline: Pipeline::default(),
        };
        let from_job = through_the_registry(&store, &input);

        let orders: Vec<Order> = run_ready(store.all()).unwrap();
        let deals: Vec<Deal> = run_ready(store.all()).unwrap();
        let tickets: Vec<Ticket> = run_ready(store.all()).unwrap();
        let campaigns: Vec<Campaign> = run_ready(store.all()).unwrap();
        let customers: Vec<Customer> = run_ready(store.all()).unwrap();
        let created: Vec<Timestamp> = customers
            .iter()
            .filter(|c| !c.is_deleted())
            .map(|c| c.meta.created_at)
            .collect();
        let sources = Sources {
            customers_created: &created,
            orders: &orders,
            deals: &deals,
            pipeline: &input.pipeline,
            tickets: &tickets,
            campaigns: &campaigns,
        };
        let span = sources.data_span();
        let period = Period::chosen_or_holding(None, input.today, span);
        let bounds = period.bounds(input.today, span);
        assert_eq!(from_job.period, period);
        assert_eq!(from_job.bounds, bounds);
        assert_eq!(from_job.years, sources.order_years());
        let expected = summarise(sources, bounds);
        assert_eq!(from_job.dashboard.customers, expected.customers);
        assert_eq!(from_job.dashboard.revenue_orders, expected.revenue_orders);
        assert_eq!(from_job.dashboard.new_customers, expected.new_customers);
        assert_eq!(from_job.dashboard.pipeline.len(), expected.pipeline.len());
        assert!(
            (from_job.dashboard.revenue_total() - expected.revenue_total()).abs()
                <= 1e-9 * expected.revenue_total().abs().max(1.0)
        );
        assert!(expected.revenue_orders > 0);
    }

    #[test]
    fn a_chosen_year_is_the_period_reported() {
        let store = demo_store(100);
        let year = date_of(NOW).year() - 1;
        let input = DashboardInput {
            chosen: Some(Period::Year(year)),
            today: date_of(NOW),
            pipeline: Pipeline::default(),
        };
        let report = through_the_registry(&store, &input);
        assert_eq!(report.period, Period::Year(year));
        assert_eq!(report.bounds.0, Date::from_ordinal_date(year, 1).unwrap());
        assert_eq!(report.dashboard.from, report.bounds.0);
        assert_eq!(report.dashboard.to, report.bounds.1);
    }
}
