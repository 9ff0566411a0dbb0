//! Tick thinning: which categories of an axis get a label so that no two
//! labels overlap at the chart's pixel size. Twelve months fit a wide chart;
//! 300 months (all time over decades) label every second year or so.
//!
//! Label widths are estimated from the font size and the number of
//! characters ([`label_width`]: 0.6 em a character, more than the average
//! sans-serif glyph, so the estimate errs on the wide side), plus a gap of
//! half an em between neighbours. [`labelled_ticks`] picks a step from
//! [`STEPS`] (1, 2, 3, 4, 6 months, then whole years), so labels fall on a
//! regular rhythm. [`Ticked`] is the axis that puts plotters' ticks, grid
//! lines and labels exactly on those categories.

use plotters::coord::ranged1d::{
    DiscreteRanged, KeyPointHint, NoDefaultFormatting, Ranged, ValueFormatter,
};
use std::ops::Range;

/// The width of one character as a share of the font size.
const CHAR_EM: f64 = 0.6;
/// The space kept between two labels, as a share of the font size.
const GAP_EM: f64 = 0.5;

/// The steps between labelled categories, smallest first; beyond the last,
/// the smallest whole number of categories that fits.
pub const STEPS: [usize; 13] = [1, 2, 3, 4, 6, 12, 24, 36, 60, 120, 240, 600, 1200];

/// The width of a wide (CJK) character as a share of the font size.
const WIDE_EM: f64 = 1.0;

/// The estimated width in pixels of `text` drawn at `font_px` (Chinese
/// characters count a whole em).
pub fn label_width(text: &str, font_px: f64) -> f64 {
    let ems: f64 = text
        .chars()
        .map(|c| if is_wide(c) { WIDE_EM } else { CHAR_EM })
        .sum();
    ems * font_px
}

/// Whether `c` is drawn a full em wide: CJK ideographs, kana, hangul and
/// full-width forms.
fn is_wide(c: char) -> bool {
    matches!(c, '\u{1100}'..='\u{115f}' | '\u{2e80}'..='\u{a4cf}' | '\u{ac00}'..='\u{d7a3}' | '\u{f900}'..='\u{faff}' | '\u{fe30}'..='\u{fe4f}' | '\u{ff00}'..='\u{ff60}' | '\u{ffe0}'..='\u{ffe6}')
}

/// Which of `labels` (one per category, evenly spaced along an axis of
/// `axis_px` pixels, each centred in its band) to draw so that their
/// boxes, estimated at `font_px` and a half-em apart, never overlap: every
/// `step`-th from the first, the smallest step of [`STEPS`] that leaves
/// room for the widest label. Empty for no labels; the first alone when the
/// axis has no usable size.
///
/// ```
/// use rapport_core::charts::ticks::labelled_ticks;
/// let months: Vec<String> = (0..24).map(|i| format!("M{i:02} 24")).collect();
/// assert_eq!(labelled_ticks(&months, 2400.0, 12.0).len(), 24);
/// let every_second: Vec<usize> = (0..24).step_by(2).collect();
/// assert_eq!(labelled_ticks(&months, 600.0, 12.0), every_second);
/// ```
pub fn labelled_ticks(labels: &[String], axis_px: f64, font_px: f64) -> Vec<usize> {
    let count = labels.len();
    if count == 0 {
        return Vec::new();
    }
    let widest = labels
        .iter()
        .map(|l| label_width(l, font_px))
        .fold(0.0, f64::max);
    let band = axis_px / count as f64;
    let needed = (widest + font_px * GAP_EM) / band;
    if !needed.is_finite() || needed <= 0.0 || band <= 0.0 {
        return if needed == 0.0 && band > 0.0 {
            (0..count).collect()
        } else {
            vec![0]
        };
    }
    let step = STEPS
        .iter()
        .copied()
        .find(|s| *s as f64 >= needed)
        .unwrap_or_else(|| needed.ceil().min(count as f64) as usize)
        .max(1);
    (0..count).step_by(step).collect()
}

/// An axis whose ticks (labels, tick marks, grid lines) are exactly `keys`,
/// over the coordinate `inner` (a segmented category axis for bars, a
/// numeric one for lines with named positions).
#[derive(Debug, Clone)]
pub(crate) struct Ticked<R: Ranged> {
    inner: R,
    keys: Vec<R::ValueType>,
}

impl<R: Ranged> Ticked<R> {
    /// `inner` with its ticks at `keys`.
    pub(crate) fn new(inner: R, keys: Vec<R::ValueType>) -> Ticked<R> {
        Ticked { inner, keys }
    }
}

impl<R> Ranged for Ticked<R>
where
    R: Ranged,
    R::ValueType: Clone,
{
    type FormatOption = NoDefaultFormatting;
    type ValueType = R::ValueType;

    fn map(&self, value: &Self::ValueType, limit: (i32, i32)) -> i32 {
        self.inner.map(value, limit)
    }

    fn key_points<Hint: KeyPointHint>(&self, _hint: Hint) -> Vec<Self::ValueType> {
        self.keys.clone()
    }

    fn range(&self) -> Range<Self::ValueType> {
        self.inner.range()
    }

    fn axis_pixel_range(&self, limit: (i32, i32)) -> Range<i32> {
        self.inner.axis_pixel_range(limit)
    }
}

impl<R> DiscreteRanged for Ticked<R>
where
    R: DiscreteRanged,
    R::ValueType: Clone,
{
    fn size(&self) -> usize {
        self.inner.size()
    }

    fn index_of(&self, value: &Self::ValueType) -> Option<usize> {
        self.inner.index_of(value)
    }

    fn from_index(&self, index: usize) -> Option<Self::ValueType> {
        self.inner.from_index(index)
    }
}

impl<R> ValueFormatter<R::ValueType> for Ticked<R>
where
    R: Ranged + ValueFormatter<R::ValueType>,
    R::ValueType: Clone,
{
    fn format(value: &R::ValueType) -> String {
        R::format(value)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::{Date, Month};

    /// "Jan 97" labels for `n` months from January 1997, as the Dashboard
    /// writes them.
    fn months(n: usize) -> Vec<String> {
        (0..n)
            .map(|i| {
                let month = Month::try_from((i % 12) as u8 + 1).unwrap();
                let date = Date::from_calendar_date(1997 + (i / 12) as i32, month, 1).unwrap();
                crate::format::month_label(date.year(), date.month() as u8)
            })
            .collect()
    }

    /// The estimated boxes (left, right) of the labels drawn, centred in
    /// their bands.
    fn boxes(labels: &[String], picked: &[usize], axis: f64, font: f64) -> Vec<(f64, f64)> {
        let band = axis / labels.len() as f64;
        picked
            .iter()
            .map(|&i| {
                let centre = (i as f64 + 0.5) * band;
                let half = label_width(&labels[i], font) / 2.0;
                (centre - half, centre + half)
            })
            .collect()
    }

    #[test]
    fn month_labels_at_600_px_never_overlap_for_12_24_60_or_300_months() {
        for n in [12, 24, 60, 300] {
            let labels = months(n);
            let picked = labelled_ticks(&labels, 600.0, 12.0);
            assert!(picked.len() >= 3, "{n} months: {picked:?}");
            let drawn = boxes(&labels, &picked, 600.0, 12.0);
            for pair in drawn.windows(2) {
                assert!(
                    pair[0].1 < pair[1].0,
                    "{n} months: {:?} overlaps {:?}",
                    pair[0],
                    pair[1]
                );
            }
            let step = picked.get(1).map_or(1, |p| p - picked[0]);
            assert!(picked.windows(2).all(|w| w[1] - w[0] == step));
        }
    }

    #[test]
    fn chinese_characters_count_a_whole_em() {
        assert_eq!(label_width("Mar 97", 10.0), 36.0);
        assert_eq!(label_width("97年3月", 10.0), 3.0 * 6.0 + 2.0 * 10.0);
    }

    #[test]
    fn labels_are_thinned_no_more_than_needed() {
        let twelve = months(12);
        assert_eq!(
            labelled_ticks(&twelve, 1200.0, 12.0).len(),
            12,
            "room for all"
        );
        let picked = labelled_ticks(&twelve, 400.0, 12.0);
        assert_eq!(picked, vec![0, 2, 4, 6, 8, 10], "every second month");
        let decades = labelled_ticks(&months(300), 600.0, 12.0);
        assert_eq!(decades[1], 36, "every third January");
    }

    #[test]
    fn a_larger_font_thins_more() {
        let labels = months(24);
        let normal = labelled_ticks(&labels, 600.0, 12.0).len();
        let retina = labelled_ticks(&labels, 600.0, 24.0).len();
        assert!(retina < normal, "{retina} vs {normal}");
    }

    #[test]
    fn degenerate_axes_do_not_panic() {
        let labels = months(5);
        assert!(labelled_ticks(&[], 600.0, 12.0).is_empty());
        assert_eq!(labelled_ticks(&labels, 0.0, 12.0), vec![0]);
        assert_eq!(labelled_ticks(&labels, f64::NAN, 12.0), vec![0]);
        assert_eq!(labelled_ticks(&labels, -5.0, 12.0), vec![0]);
        assert_eq!(labelled_ticks(&labels, 600.0, f64::INFINITY), vec![0]);
        let blank = vec![String::new(); 4];
        assert_eq!(labelled_ticks(&blank, 600.0, 0.0), vec![0, 1, 2, 3]);
        let huge = labelled_ticks(&vec!["Jan 97".to_string(); 100_000], 600.0, 12.0);
        assert!(!huge.is_empty() && huge.len() < 100);
    }
}
