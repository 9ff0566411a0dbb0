//! Scatter plots: customers projected onto two principal components and
//! coloured by segment; predicted against actual values; residuals.

use super::frame::{cartesian, legend, mesh, reference_line};
use super::{compact_number, padded_range, ChartError, ChartTheme, ScatterChart};
use plotters::coord::Shift;
use plotters::prelude::*;

/// At most this many points are drawn per group; beyond it an even sample
/// is, so 100,000 customers draw as fast as 4,000 and look the same.
pub const MAX_POINTS_PER_GROUP: usize = 4_000;

/// Draws `chart` onto `area`.
pub fn draw_scatter<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    chart: &ScatterChart,
    theme: &ChartTheme,
) -> Result<(), ChartError> {
    let points = || chart.groups.iter().flat_map(|g| g.points.iter());
    let reference = chart.reference.iter().flat_map(|(a, b)| [*a, *b]);
    let (x0, x1) = padded_range(points().map(|p| p.0).chain(reference.clone().map(|p| p.0)));
    let (y0, y1) = padded_range(points().map(|p| p.1).chain(reference.map(|p| p.1)));
    let mut ctx = cartesian(area, theme, &chart.title, x0..x1, y0..y1, 64.0)?;
    mesh(
        &mut ctx,
        theme,
        &chart.x_label,
        &chart.y_label,
        &|v| compact_number(*v),
        &|v| compact_number(*v),
        8,
    )?;
    reference_line(&mut ctx, theme, chart.reference)?;
    let radius = theme.px(2.5);
    for (i, group) in chart.groups.iter().enumerate() {
        let colour = theme.series(i);
        let step = group.points.len().div_ceil(MAX_POINTS_PER_GROUP).max(1);
        ctx.draw_series(
            group
                .points
                .iter()
                .step_by(step)
                .map(|p| Circle::new(*p, radius, colour.mix(0.75).filled())),
        )?
        .label(group.name.clone())
        .legend(move |(x, y)| Circle::new((x + 8, y), radius + 1, colour.filled()));
    }
    legend(&mut ctx, theme, chart.groups.len())?;
    area.present()?;
    Ok(())
}
