//! The one place charts meet the DOM: size a `<canvas>` for the screen's
//! pixel density, hand a plotters `CanvasBackend` to a drawing function,
//! and export the result as PNG.

use super::{ChartError, ChartTheme};
use plotters::coord::Shift;
use plotters::prelude::*;
use plotters_canvas::CanvasBackend;
use web_sys::HtmlCanvasElement;

/// Sizes `canvas`'s bitmap to its CSS box times `devicePixelRatio` and
/// draws on it with `draw`, passing a theme scaled to match.
pub fn draw_on(
    canvas: &HtmlCanvasElement,
    dark: bool,
    draw: impl FnOnce(&DrawingArea<CanvasBackend, Shift>, &ChartTheme) -> Result<(), ChartError>,
) -> Result<(), ChartError> {
    let ratio = web_sys::window()
        .map(|w| w.device_pixel_ratio())
        .unwrap_or(1.0)
        .max(1.0);
    let css_width = canvas.client_width().max(1) as f64;
    let css_height = canvas.client_height().max(1) as f64;
    let (width, height) = (
        (css_width * ratio).round() as u32,
        (css_height * ratio).round() as u32,
    );
    if canvas.width() != width || canvas.height() != height {
        canvas.set_width(width);
        canvas.set_height(height);
    }
    let theme = if dark {
        ChartTheme::dark(ratio)
    } else {
        ChartTheme::light(ratio)
    };
    let backend = CanvasBackend::with_canvas_object(canvas.clone())
        .ok_or_else(|| ChartError("this browser gave no 2-D canvas context".into()))?;
    let area = backend.into_drawing_area();
    draw(&area, &theme)
}

/// The canvas as a `data:image/png` address, for a download link.
pub fn png_data_url(canvas: &HtmlCanvasElement) -> Result<String, ChartError> {
    canvas
        .to_data_url_with_type("image/png")
        .map_err(|e| ChartError(format!("{e:?}")))
}
