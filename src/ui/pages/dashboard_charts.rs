//! The Dashboard's chart descriptions, built from [`Dashboard`] figures.

use crate::analytics::dashboard::{Dashboard, Month};
use crate::charts::{BarChart, LineChart, Series};
use crate::ui::components::ChartSpec;
use rapport_core::i18n::dashboard as t;

/// "Jan 24".
pub fn month_label(month: time::Date) -> String {
    crate::format::month_label(month.year(), month.month() as u8)
}

fn bars_per_month<T: Copy + Into<f64>>(
    title: &str,
    value_label: &str,
    months: &[Month<T>],
) -> ChartSpec {
    ChartSpec::Bars(BarChart {
        title: title.into(),
        category_label: t::chart_month().into(),
        value_label: value_label.into(),
        bars: months
            .iter()
            .map(|m| (month_label(m.month), m.value.into()))
            .collect(),
        horizontal: false,
    })
}

/// New customers per month.
pub fn new_customers(d: &Dashboard) -> ChartSpec {
    let counts: Vec<Month<f64>> = d
        .new_customers
        .iter()
        .map(|m| Month {
            month: m.month,
            value: m.value as f64,
        })
        .collect();
    bars_per_month(t::new_customers_per_month(), t::chart_customers(), &counts)
}

/// Revenue per month in the main currency.
pub fn revenue(d: &Dashboard) -> ChartSpec {
    let currency = d.currency.clone().unwrap_or_default();
    bars_per_month(
        t::revenue_per_month(),
        &t::revenue_axis(currency),
        &d.revenue,
    )
}

/// The pipeline as a funnel of stage values.
pub fn pipeline(d: &Dashboard) -> ChartSpec {
    ChartSpec::Bars(BarChart {
        title: t::pipeline_by_stage().into(),
        category_label: t::chart_stage().into(),
        value_label: t::deal_value().into(),
        bars: d
            .pipeline
            .iter()
            .map(|(stage, value, count)| (format!("{stage} ({count})"), *value))
            .collect(),
        horizontal: true,
    })
}

/// Tickets opened per month.
pub fn tickets(d: &Dashboard) -> ChartSpec {
    let counts: Vec<Month<f64>> = d
        .tickets_opened
        .iter()
        .map(|m| Month {
            month: m.month,
            value: m.value as f64,
        })
        .collect();
    bars_per_month(t::tickets_per_month(), t::chart_tickets(), &counts)
}

/// Average satisfaction per month (months without ratings are gaps).
pub fn satisfaction(d: &Dashboard) -> ChartSpec {
    ChartSpec::Lines(LineChart {
        title: t::satisfaction_per_month().into(),
        x_label: t::chart_month().into(),
        y_label: t::rating_axis().into(),
        x_labels: Some(
            d.satisfaction
                .iter()
                .map(|m| month_label(m.month))
                .collect(),
        ),
        series: vec![Series::new(
            t::satisfaction(),
            d.satisfaction
                .iter()
                .enumerate()
                .filter_map(|(i, m)| m.value.map(|v| (i as f64, v)))
                .collect(),
        )],
        reference: None,
        y_range: Some((1.0, 5.0)),
    })
}

/// Acquisition cost per campaign (campaigns with conversions).
pub fn acquisition_cost(d: &Dashboard) -> ChartSpec {
    ChartSpec::Bars(BarChart {
        title: t::acquisition_cost().into(),
        category_label: t::chart_campaign().into(),
        value_label: t::budget_per_conversion().into(),
        bars: d
            .campaign_costs
            .iter()
            .filter_map(|c| c.cost_per_customer.map(|v| (c.name.clone(), v)))
            .collect(),
        horizontal: true,
    })
}
