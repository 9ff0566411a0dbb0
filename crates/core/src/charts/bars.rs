//! Bar charts: values per month (vertical) and funnels or rankings
//! (horizontal).

use super::frame::{cartesian, legend, mesh};
use super::{compact_number, BarChart, ChartError, ChartTheme};
use plotters::coord::Shift;
use plotters::prelude::*;

/// Draws `chart` onto `area`.
pub fn draw_bars<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    chart: &BarChart,
    theme: &ChartTheme,
) -> Result<(), ChartError> {
    let n = chart.bars.len().max(1) as u32;
    let top = chart
        .bars
        .iter()
        .map(|(_, v)| *v)
        .fold(0.0_f64, f64::max)
        .max(1e-9)
        * 1.08;
    let names: Vec<&str> = chart.bars.iter().map(|(n, _)| n.as_str()).collect();
    let name_of = |v: &SegmentValue<u32>| match v {
        SegmentValue::CenterOf(i) | SegmentValue::Exact(i) => names
            .get(*i as usize)
            .map(|s| s.to_string())
            .unwrap_or_default(),
        SegmentValue::Last => String::new(),
    };
    let colour = theme.series(0);
    let margin = theme.px(if n > 24 { 1.0 } else { 4.0 });
    // Bar i has the i-th value; each branch draws them once.
    let values = chart
        .bars
        .iter()
        .enumerate()
        .map(|(i, (_, v))| (i as u32, *v));
    if chart.horizontal {
        let widest = names.iter().map(|n| n.chars().count()).max().unwrap_or(4);
        let label_width = (widest as f64 * 7.0 + 16.0).clamp(48.0, 180.0);
        let mut ctx = cartesian(
            area,
            theme,
            &chart.title,
            0.0..top,
            (0..n).into_segmented(),
            label_width,
        )?;
        mesh(
            &mut ctx,
            theme,
            &chart.value_label,
            "",
            &|v| compact_number(*v),
            &name_of,
            6,
        )?;
        ctx.draw_series(
            Histogram::horizontal(&ctx)
                .style(colour.filled())
                .margin(margin)
                .data(values),
        )?;
        legend(&mut ctx, theme, 1)?;
    } else {
        let mut ctx = cartesian(
            area,
            theme,
            &chart.title,
            (0..n).into_segmented(),
            0.0..top,
            64.0,
        )?;
        mesh(
            &mut ctx,
            theme,
            &chart.category_label,
            &chart.value_label,
            &name_of,
            &|v| compact_number(*v),
            (n as usize).min(12),
        )?;
        ctx.draw_series(
            Histogram::vertical(&ctx)
                .style(colour.filled())
                .margin(margin)
                .data(values),
        )?;
    }
    area.present()?;
    Ok(())
}
