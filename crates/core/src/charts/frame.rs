//! What every chart shares: the background, the title, the label areas and
//! a themed mesh (grid, axis captions, tick labels).

use super::{ChartError, ChartTheme};
use plotters::coord::ranged1d::{AsRangedCoord, Ranged, ValueFormatter};
use plotters::coord::types::RangedCoordf64;
use plotters::coord::Shift;
use plotters::prelude::*;

/// The font family of every chart; the canvas resolves it to the page's
/// system font.
const FAMILY: &str = "sans-serif";

/// Tick label size in CSS pixels (before the device-pixel scale).
pub(super) const LABEL_PX: f64 = 12.0;
/// The margin around the chart in CSS pixels.
pub(super) const MARGIN_PX: f64 = 12.0;
/// The height of the area under the x axis (tick labels and caption).
pub(super) const X_LABEL_AREA_PX: f64 = 44.0;

/// The title style.
pub(super) fn title_font(theme: &ChartTheme) -> TextStyle<'static> {
    (FAMILY, theme.px(15.0) as f64)
        .into_font()
        .style(FontStyle::Bold)
        .color(&theme.text)
}

/// Tick labels and legend entries.
pub(super) fn label_font(theme: &ChartTheme) -> TextStyle<'static> {
    (FAMILY, theme.px(LABEL_PX) as f64)
        .into_font()
        .color(&theme.muted)
}

/// Axis captions.
pub(super) fn caption_font(theme: &ChartTheme) -> TextStyle<'static> {
    (FAMILY, theme.px(12.5) as f64)
        .into_font()
        .color(&theme.text)
}

/// A cartesian chart over the coordinate types `X` and `Y` describe.
type Cartesian<'a, DB, X, Y> = ChartContext<
    'a,
    DB,
    Cartesian2d<<X as AsRangedCoord>::CoordDescType, <Y as AsRangedCoord>::CoordDescType>,
>;

/// Fills the area with the theme's background and builds a titled
/// cartesian chart over `x` × `y`.
pub(super) fn cartesian<'a, DB, X, Y>(
    area: &'a DrawingArea<DB, Shift>,
    theme: &ChartTheme,
    title: &str,
    x: X,
    y: Y,
    y_label_width: f64,
) -> Result<Cartesian<'a, DB, X, Y>, ChartError>
where
    DB: DrawingBackend,
    X: AsRangedCoord,
    Y: AsRangedCoord,
{
    area.fill(&theme.background)?;
    let chart = ChartBuilder::on(area)
        .caption(title, title_font(theme))
        .margin(theme.px(MARGIN_PX))
        .x_label_area_size(theme.px(X_LABEL_AREA_PX))
        .y_label_area_size(theme.px(y_label_width))
        .build_cartesian_2d(x, y)?;
    Ok(chart)
}

/// Draws the grid, the axes, their captions and tick labels.
pub(super) fn mesh<DB, X, Y>(
    chart: &mut ChartContext<'_, DB, Cartesian2d<X, Y>>,
    theme: &ChartTheme,
    x_desc: &str,
    y_desc: &str,
    x_format: &dyn Fn(&X::ValueType) -> String,
    y_format: &dyn Fn(&Y::ValueType) -> String,
    x_ticks: usize,
) -> Result<(), ChartError>
where
    DB: DrawingBackend,
    X: Ranged + ValueFormatter<X::ValueType>,
    Y: Ranged + ValueFormatter<Y::ValueType>,
{
    chart
        .configure_mesh()
        .x_desc(x_desc)
        .y_desc(y_desc)
        .x_labels(x_ticks)
        .y_labels(6)
        .x_label_formatter(x_format)
        .y_label_formatter(y_format)
        .label_style(label_font(theme))
        .axis_desc_style(caption_font(theme))
        .axis_style(theme.muted.stroke_width(theme.px(1.0)))
        .bold_line_style(theme.grid.stroke_width(theme.px(1.0)))
        .light_line_style(theme.background)
        .draw()?;
    Ok(())
}

/// Draws the legend in the upper right when there is more than one series.
pub(super) fn legend<'a, DB, X, Y>(
    chart: &mut ChartContext<'a, DB, Cartesian2d<X, Y>>,
    theme: &ChartTheme,
    series_count: usize,
) -> Result<(), ChartError>
where
    DB: DrawingBackend + 'a,
    X: Ranged,
    Y: Ranged,
{
    if series_count < 2 {
        return Ok(());
    }
    chart
        .configure_series_labels()
        .position(SeriesLabelPosition::UpperRight)
        .background_style(theme.background.mix(0.9))
        .border_style(theme.grid)
        .label_font(label_font(theme).color(&theme.text))
        .margin(theme.px(8.0))
        .draw()?;
    Ok(())
}

/// Draws the dashed reference segment (a diagonal, a zero line), if any.
pub(super) fn reference_line<'a, DB, X>(
    chart: &mut ChartContext<'a, DB, Cartesian2d<X, RangedCoordf64>>,
    theme: &ChartTheme,
    reference: Option<((f64, f64), (f64, f64))>,
) -> Result<(), ChartError>
where
    DB: DrawingBackend + 'a,
    X: Ranged<ValueType = f64>,
{
    if let Some((from, to)) = reference {
        chart.draw_series(DashedLineSeries::new(
            [from, to],
            theme.px(6.0),
            theme.px(4.0),
            theme.muted.stroke_width(theme.px(1.0)),
        ))?;
    }
    Ok(())
}
