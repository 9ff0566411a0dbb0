//! An in-memory RGB bitmap backend with no font machinery: text is recorded
//! (string, anchor position, size) and stood in for by a filled box of the
//! estimated size. Native tests draw charts into it and ask where pixels
//! differ from the background and which labels were written.

use plotters::prelude::*;
use plotters_backend::{
    BackendColor, BackendCoord, BackendTextStyle, DrawingErrorKind, FontTransform,
};
use std::convert::Infallible;

/// One piece of text a chart drew.
#[derive(Debug, Clone, PartialEq)]
pub struct DrawnText {
    /// The text.
    pub text: String,
    /// Its anchor point in pixels.
    pub at: (i32, i32),
    /// Font size in pixels.
    pub size: f64,
}

/// A `width` × `height` RGB bitmap.
#[derive(Debug, Clone)]
pub struct Raster {
    width: u32,
    height: u32,
    pixels: Vec<[u8; 3]>,
    texts: Vec<DrawnText>,
}

impl Raster {
    /// A black bitmap (charts fill their own background first).
    pub fn new(width: u32, height: u32) -> Raster {
        Raster {
            width,
            height,
            pixels: vec![[0, 0, 0]; (width * height) as usize],
            texts: Vec::new(),
        }
    }

    /// The colour at (x, y).
    pub fn pixel(&self, x: u32, y: u32) -> [u8; 3] {
        self.pixels[(y * self.width + x) as usize]
    }

    /// The share of pixels in the rectangle `[x0, x1) × [y0, y1)` whose
    /// colour differs from `background`.
    pub fn ink_ratio(
        &self,
        (x0, y0): (u32, u32),
        (x1, y1): (u32, u32),
        background: RGBColor,
    ) -> f64 {
        let bg = [background.0, background.1, background.2];
        let (x1, y1) = (x1.min(self.width), y1.min(self.height));
        let mut inked = 0usize;
        let mut total = 0usize;
        for y in y0..y1 {
            for x in x0..x1 {
                total += 1;
                if self.pixel(x, y) != bg {
                    inked += 1;
                }
            }
        }
        if total == 0 {
            0.0
        } else {
            inked as f64 / total as f64
        }
    }

    /// How many pixels have exactly `colour`.
    pub fn count_colour(&self, colour: RGBColor) -> usize {
        let c = [colour.0, colour.1, colour.2];
        self.pixels.iter().filter(|p| **p == c).count()
    }

    /// Every text drawn, in order.
    pub fn texts(&self) -> &[DrawnText] {
        &self.texts
    }

    /// Whether some drawn text equals `text`.
    pub fn has_text(&self, text: &str) -> bool {
        self.texts.iter().any(|t| t.text == text)
    }

    /// A drawing area over this bitmap.
    pub fn area(&mut self) -> DrawingArea<&mut Raster, plotters::coord::Shift> {
        self.into_drawing_area()
    }

    fn blend(&mut self, (x, y): BackendCoord, colour: BackendColor) {
        if x < 0 || y < 0 || x >= self.width as i32 || y >= self.height as i32 {
            return;
        }
        let slot = &mut self.pixels[(y as u32 * self.width + x as u32) as usize];
        let a = colour.alpha.clamp(0.0, 1.0);
        let (r, g, b) = colour.rgb;
        for (channel, new) in slot.iter_mut().zip([r, g, b]) {
            *channel = (f64::from(*channel) * (1.0 - a) + f64::from(new) * a).round() as u8;
        }
    }
}

fn text_box(text: &str, size: f64) -> (u32, u32) {
    (
        (text.chars().count() as f64 * size * 0.55).ceil() as u32,
        size.ceil() as u32,
    )
}

impl DrawingBackend for &mut Raster {
    type ErrorType = Infallible;

    fn get_size(&self) -> (u32, u32) {
        (self.width, self.height)
    }

    fn ensure_prepared(&mut self) -> Result<(), DrawingErrorKind<Infallible>> {
        Ok(())
    }

    fn present(&mut self) -> Result<(), DrawingErrorKind<Infallible>> {
        Ok(())
    }

    fn draw_pixel(
        &mut self,
        point: BackendCoord,
        colour: BackendColor,
    ) -> Result<(), DrawingErrorKind<Infallible>> {
        self.blend(point, colour);
        Ok(())
    }

    fn draw_text<S: BackendTextStyle>(
        &mut self,
        text: &str,
        style: &S,
        pos: BackendCoord,
    ) -> Result<(), DrawingErrorKind<Infallible>> {
        self.texts.push(DrawnText {
            text: text.to_string(),
            at: pos,
            size: style.size(),
        });
        let (w, h) = text_box(text, style.size());
        let (w, h) = match style.transform() {
            FontTransform::Rotate90 | FontTransform::Rotate270 => (h, w),
            _ => (w, h),
        };
        // A faint box where the glyphs would be, so text counts as ink.
        let colour = BackendColor {
            alpha: 0.35,
            rgb: style.color().rgb,
        };
        for y in 0..h as i32 {
            for x in 0..w as i32 {
                self.blend((pos.0 + x, pos.1 + y), colour);
            }
        }
        Ok(())
    }

    fn estimate_text_size<S: BackendTextStyle>(
        &self,
        text: &str,
        style: &S,
    ) -> Result<(u32, u32), DrawingErrorKind<Infallible>> {
        Ok(text_box(text, style.size()))
    }
}
