//! Line charts: a value over months, silhouette and inertia against k, ROC
//! curves.

use super::frame::{cartesian, legend, mesh, reference_line};
use super::{compact_number, padded_range, ChartError, ChartTheme, LineChart};
use plotters::coord::Shift;
use plotters::prelude::*;

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
    let mut ctx = cartesian(area, theme, &chart.title, x0..x1, y0..y1, 64.0)?;
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
    let ticks = chart.x_labels.as_ref().map_or(8, |l| l.len().clamp(1, 12));
    mesh(
        &mut ctx,
        theme,
        &chart.x_label,
        &chart.y_label,
        &x_format,
        &|v| compact_number(*v),
        ticks,
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
