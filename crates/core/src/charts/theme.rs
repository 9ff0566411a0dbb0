//! Chart colours for the light and dark themes, matching the stylesheet's
//! custom properties, and the device-pixel scale.

use plotters::style::RGBColor;

/// Colours and scale for one drawing.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ChartTheme {
    /// The plot background (the card's surface colour).
    pub background: RGBColor,
    /// Titles, labels and legend text.
    pub text: RGBColor,
    /// Secondary text (axis tick labels).
    pub muted: RGBColor,
    /// Grid lines.
    pub grid: RGBColor,
    /// Series colours, in order; chosen to stay distinct in both themes.
    pub palette: [RGBColor; 8],
    /// Device pixels per CSS pixel: fonts, margins and strokes are
    /// multiplied by it.
    pub scale: f64,
}

impl ChartTheme {
    /// The light theme (`--surface: #ffffff`, `--text: #1b1f2a`).
    pub fn light(scale: f64) -> ChartTheme {
        ChartTheme {
            background: RGBColor(0xff, 0xff, 0xff),
            text: RGBColor(0x1b, 0x1f, 0x2a),
            muted: RGBColor(0x5d, 0x64, 0x75),
            grid: RGBColor(0xe2, 0xe5, 0xee),
            palette: [
                RGBColor(0x4f, 0x46, 0xe5),
                RGBColor(0x0e, 0x9f, 0x6e),
                RGBColor(0xe0, 0x7a, 0x10),
                RGBColor(0xd0, 0x36, 0x5c),
                RGBColor(0x1c, 0x8a, 0xc9),
                RGBColor(0x8e, 0x44, 0xad),
                RGBColor(0x7a, 0x8a, 0x12),
                RGBColor(0x5d, 0x64, 0x75),
            ],
            scale: scale.max(1.0),
        }
    }

    /// The dark theme (`--surface: #171b23`, `--text: #e7eaf1`).
    pub fn dark(scale: f64) -> ChartTheme {
        ChartTheme {
            background: RGBColor(0x17, 0x1b, 0x23),
            text: RGBColor(0xe7, 0xea, 0xf1),
            muted: RGBColor(0x9a, 0xa3, 0xb5),
            grid: RGBColor(0x2a, 0x30, 0x3d),
            palette: [
                RGBColor(0x8b, 0x85, 0xff),
                RGBColor(0x4c, 0xd3, 0x9b),
                RGBColor(0xf5, 0xa6, 0x4a),
                RGBColor(0xff, 0x7a, 0x9a),
                RGBColor(0x5c, 0xb8, 0xf0),
                RGBColor(0xc5, 0x8b, 0xe8),
                RGBColor(0xc8, 0xd6, 0x4a),
                RGBColor(0xb0, 0xb8, 0xc8),
            ],
            scale: scale.max(1.0),
        }
    }

    /// The colour of series `i` (wrapping around the palette).
    pub fn series(&self, i: usize) -> RGBColor {
        self.palette[i % self.palette.len()]
    }

    /// `css_px` CSS pixels in device pixels.
    pub fn px(&self, css_px: f64) -> u32 {
        (css_px * self.scale).round().max(1.0) as u32
    }
}
