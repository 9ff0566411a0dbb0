//! Charts as drawing functions generic over `plotters::DrawingBackend`: the
//! app draws them into a `<canvas>` (`canvas.rs`, the only file here that
//! touches `web_sys`), native tests into a [`raster::Raster`] bitmap that
//! also records the text drawn, so tests check that bars, lines, points and
//! labels landed where they should.
//!
//! Each chart takes a plain description ([`BarChart`], [`LineChart`],
//! [`ScatterChart`]) that pages build from analytics results, and a
//! [`ChartTheme`] carrying the colours of the light or dark theme and the
//! device-pixel scale (fonts and strokes grow with `devicePixelRatio`, so a
//! chart is equally crisp and equally legible on any screen).

mod bars;
mod frame;
mod lines;
pub mod network;
pub mod raster;
mod scatter;
mod theme;
pub mod ticks;

pub use bars::draw_bars;
pub use lines::draw_lines;
pub use network::{draw_network, NetworkChart, NetworkPoint};
pub use scatter::draw_scatter;
pub use theme::ChartTheme;

use crate::i18n::analysis_errors as t;
use plotters::drawing::DrawingAreaErrorKind;

/// A drawing failure: the backend refused (a detached canvas, say).
#[derive(Debug, thiserror::Error)]
#[error("{}", t::chart_failed(.0))]
pub struct ChartError(pub String);

impl<E: std::error::Error + Send + Sync> From<DrawingAreaErrorKind<E>> for ChartError {
    fn from(e: DrawingAreaErrorKind<E>) -> Self {
        ChartError(e.to_string())
    }
}

/// One named series of points.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Series {
    /// The legend entry.
    pub name: String,
    /// The points, in x order for lines.
    pub points: Vec<(f64, f64)>,
}

impl Series {
    /// A series from a name and points.
    pub fn new(name: impl Into<String>, points: Vec<(f64, f64)>) -> Series {
        Series {
            name: name.into(),
            points,
        }
    }
}

/// A bar chart: one bar per category, vertical (months) or horizontal
/// (a funnel of stages, campaigns by cost).
#[derive(Debug, Clone, PartialEq, Default)]
pub struct BarChart {
    /// The title above the chart.
    pub title: String,
    /// What the categories are ("Month", "Stage").
    pub category_label: String,
    /// What the values are ("Revenue (USD)").
    pub value_label: String,
    /// Category label and value, in drawing order (top to bottom when
    /// horizontal).
    pub bars: Vec<(String, f64)>,
    /// Bars grow to the right instead of upwards.
    pub horizontal: bool,
}

/// A line chart over a numeric x axis; `x_labels` names integer x positions
/// (months) when set.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct LineChart {
    /// The title above the chart.
    pub title: String,
    /// The x axis caption.
    pub x_label: String,
    /// The y axis caption.
    pub y_label: String,
    /// Names for x = 0, 1, 2… (categorical x such as months).
    pub x_labels: Option<Vec<String>>,
    /// The lines; with more than one, a legend is drawn.
    pub series: Vec<Series>,
    /// A dashed reference segment (the diagonal of a ROC curve).
    pub reference: Option<((f64, f64), (f64, f64))>,
    /// Fixed y range (0..1 for rates); data range when `None`.
    pub y_range: Option<(f64, f64)>,
}

/// A scatter plot of one or more groups (segments), each its own colour.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct ScatterChart {
    /// The title above the chart.
    pub title: String,
    /// The x axis caption.
    pub x_label: String,
    /// The y axis caption.
    pub y_label: String,
    /// The groups; with more than one, a legend is drawn.
    pub groups: Vec<Series>,
    /// A dashed reference segment (y = x for predicted-vs-actual, y = 0 for
    /// residuals).
    pub reference: Option<((f64, f64), (f64, f64))>,
}

/// Compact axis numbers: 950, 1.2k, 3.4M; small values keep decimals.
pub fn compact_number(v: f64) -> String {
    let a = v.abs();
    let (scaled, suffix) = if a >= 1e9 {
        (v / 1e9, "B")
    } else if a >= 1e6 {
        (v / 1e6, "M")
    } else if a >= 1e4 {
        (v / 1e3, "k")
    } else {
        (v, "")
    };
    let text = if suffix.is_empty() && a < 10.0 && a != a.trunc() {
        format!("{scaled:.2}")
    } else if (scaled - scaled.round()).abs() < 0.05 {
        format!("{scaled:.0}")
    } else {
        format!("{scaled:.1}")
    };
    format!("{text}{suffix}")
}

/// The range of `values` padded by 5 % on each side (a flat range becomes
/// ±1), for axes that should not clip the outermost points.
pub(crate) fn padded_range(values: impl Iterator<Item = f64>) -> (f64, f64) {
    let (lo, hi) = values
        .filter(|v| v.is_finite())
        .fold((f64::INFINITY, f64::NEG_INFINITY), |(lo, hi), v| {
            (lo.min(v), hi.max(v))
        });
    if !lo.is_finite() {
        return (0.0, 1.0);
    }
    if (hi - lo).abs() < f64::EPSILON {
        return (lo - 1.0, hi + 1.0);
    }
    let pad = (hi - lo) * 0.05;
    (lo - pad, hi + pad)
}

#[cfg(test)]
mod network_tests;
#[cfg(test)]
mod tests;
