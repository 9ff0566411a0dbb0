//! Bar charts: values per month (vertical) and funnels or rankings
//! (horizontal).

use super::frame::{cartesian, legend, mesh, LABEL_PX, MARGIN_PX, X_LABEL_AREA_PX};
use super::ticks::{labelled_ticks, Ticked};
use super::{compact_number, BarChart, ChartError, ChartTheme};
use plotters::coord::ranged1d::SegmentedCoord;
use plotters::coord::types::RangedCoordu32;
use plotters::coord::Shift;
use plotters::prelude::*;

/// Width of the value labels left of a vertical bar chart.
const VALUE_LABEL_AREA_PX: f64 = 64.0;

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
    let labels: Vec<String> = names.iter().map(|s| s.to_string()).collect();
    let (width, height) = area.dim_in_pixel();
    let font = f64::from(theme.px(LABEL_PX));
    let margins = f64::from(theme.px(MARGIN_PX)) * 2.0;
    // The category axis has one band per bar and one spare (plotters'
    // segmented axis over 0..=n), so the band is at most axis / (n + 1).
    let labelled = |axis: f64, extent: &[String]| -> Ticked<SegmentedCoord<RangedCoordu32>> {
        let bands = chart.bars.len() + 1;
        let keys = labelled_ticks(extent, axis * chart.bars.len() as f64 / bands as f64, font)
            .into_iter()
            .map(|i| SegmentValue::CenterOf(i as u32))
            .collect();
        Ticked::new((0..n).into_segmented(), keys)
    };
    if chart.horizontal {
        let widest = names.iter().map(|n| n.chars().count()).max().unwrap_or(4);
        let label_width = (widest as f64 * 7.0 + 16.0).clamp(48.0, 180.0);
        // Stacked labels need their height, not their width: about two
        // characters' worth (a line and the gap).
        let rows = vec!["MM".to_string(); labels.len()];
        let axis = f64::from(height) - margins - f64::from(theme.px(X_LABEL_AREA_PX)) - font * 2.5;
        let mut ctx = cartesian(
            area,
            theme,
            &chart.title,
            0.0..top,
            labelled(axis, &rows),
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
        let axis = f64::from(width) - margins - f64::from(theme.px(VALUE_LABEL_AREA_PX));
        let mut ctx = cartesian(
            area,
            theme,
            &chart.title,
            labelled(axis, &labels),
            0.0..top,
            VALUE_LABEL_AREA_PX,
        )?;
        mesh(
            &mut ctx,
            theme,
            &chart.category_label,
            &chart.value_label,
            &name_of,
            &|v| compact_number(*v),
            chart.bars.len(),
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
