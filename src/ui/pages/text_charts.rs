//! Chart descriptions for what the text analyses found: sentiment per month
//! (the Dashboard's and a customer's) and ticket topics per month.

use crate::charts::{LineChart, Series};
use crate::jobs::text::TopicReport;
use crate::sentiment::MonthPoint;
use crate::ui::components::ChartSpec;
use rapport_core::i18n::analytics as t;

/// "Jan 24" for a (year, month).
fn month_label((year, month): (i32, u8)) -> String {
    crate::format::month_label(year, month)
}

/// Mean sentiment per month, from −1 (negative) to +1 (positive).
pub fn sentiment_trend(title: &str, points: &[MonthPoint]) -> ChartSpec {
    ChartSpec::Lines(LineChart {
        title: title.into(),
        x_label: t::month().into(),
        y_label: t::mean_sentiment_axis().into(),
        x_labels: Some(points.iter().map(|p| month_label(p.month)).collect()),
        series: vec![Series::new(
            t::mean_sentiment(),
            points
                .iter()
                .enumerate()
                .map(|(i, p)| (i as f64, p.mean))
                .collect(),
        )],
        reference: (points.len() > 1).then(|| ((0.0, 0.0), ((points.len() - 1) as f64, 0.0))),
        y_range: Some((-1.0, 1.0)),
    })
}

/// Tickets per topic per month, one line per topic (the six largest).
pub fn topics_per_month(report: &TopicReport) -> ChartSpec {
    let labels = report
        .months
        .iter()
        .map(|m| {
            let (y, mo) = m.split_once('-').unwrap_or((m, "1"));
            month_label((y.parse().unwrap_or(0), mo.parse().unwrap_or(1)))
        })
        .collect();
    ChartSpec::Lines(LineChart {
        title: t::tickets_per_topic().into(),
        x_label: t::month().into(),
        y_label: t::tickets().into(),
        x_labels: Some(labels),
        series: report
            .topics
            .iter()
            .zip(&report.per_month)
            .take(6)
            .map(|(topic, counts)| {
                Series::new(
                    topic.name.clone(),
                    counts
                        .iter()
                        .enumerate()
                        .map(|(i, c)| (i as f64, *c as f64))
                        .collect(),
                )
            })
            .collect(),
        reference: None,
        y_range: None,
    })
}
