//! Line charts: a value over months, silhouette and inertia against k, ROC
//! curves.

use super::frame::{cartesian, legend, mesh, reference_line, LABEL_PX, MARGIN_PX};
use super::ticks::{labelled_ticks, Ticked};
use super::{compact_number, padded_range, ChartError, ChartTheme, LineChart};
use plotters::coord::types::RangedCoordf64;
use plotters::coord::Shift;
use plotters::prelude::*;

/// Width of the value labels left of the plot.
const Y_LABEL_AREA_PX: f64 = 64.0;

/// Draws `chart` onto `area`.
pub fn draw_lines<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    chart: &LineChart,
    theme: &ChartTheme,
) -> Result<(), ChartError> {
    let points = || chart.series.iter().flat_map(|s| s.points.iter());
    let (x0, x1) = match &chart.x_labels {
        Some(labels) => (-0.3, labels.len().max(1) as f64 - 0.7),
        None => padded_range(points().map(|p| p.0)),
    };
    let (y0, y1) = chart
        .y_range
        .unwrap_or_else(|| padded_range(points().map(|p| p.1)));
    // Named positions get a tick each, thinned so their labels never
    // overlap; a numeric axis keeps plotters' own round numbers.
    let keys = match &chart.x_labels {
        Some(labels) => {
            let axis = f64::from(area.dim_in_pixel().0)
                - f64::from(theme.px(MARGIN_PX)) * 2.0
                - f64::from(theme.px(Y_LABEL_AREA_PX));
            // The positions 0..n sit in n - 0.7 + 0.3 = n units of x, so
            // each has axis / n pixels.
            labelled_ticks(labels, axis, f64::from(theme.px(LABEL_PX)))
                .into_iter()
                .map(|i| i as f64)
                .collect()
        }
        None => RangedCoordf64::from(x0..x1).key_points(8),
    };
    let x = Ticked::new(RangedCoordf64::from(x0..x1), keys);
    let mut ctx = cartesian(area, theme, &chart.title, x, y0..y1, Y_LABEL_AREA_PX)?;
    let labels = chart.x_labels.clone();
    let x_format = move |v: &f64| match &labels {
        Some(names) => {
            let i = v.round();
            if (v - i).abs() < 1e-6 && i >= 0.0 {
                names.get(i as usize).cloned().unwrap_or_default()
            } else {
                String::new()
            }
        }
        None => compact_number(*v),
    };
    mesh(
        &mut ctx,
        theme,
        &chart.x_label,
        &chart.y_label,
        &x_format,
        &|v| compact_number(*v),
        8,
    )?;
    reference_line(&mut ctx, theme, chart.reference)?;
    for (i, series) in chart.series.iter().enumerate() {
        let colour = theme.series(i);
        let stroke = colour.stroke_width(theme.px(2.0));
        ctx.draw_series(LineSeries::new(series.points.iter().copied(), stroke))?
            .label(series.name.clone())
            .legend(move |(x, y)| PathElement::new([(x, y), (x + 16, y)], stroke));
        if series.points.len() <= 40 {
            let r = theme.px(3.0);
            ctx.draw_series(
                series
                    .points
                    .iter()
                    .map(|p| Circle::new(*p, r, colour.filled())),
            )?;
        }
    }
    legend(&mut ctx, theme, chart.series.len())?;
    area.present()?;
    Ok(())
}
