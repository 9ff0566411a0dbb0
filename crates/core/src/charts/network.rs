//! The relationship network as a drawing: customers as dots placed by the
//! layout the network job computed, sized by eigenvector centrality and
//! coloured by a group the page chooses (RFM segment), links as thin lines;
//! and the zoom to one customer's neighbourhood (the nodes within a few
//! links, re-scaled to fill the drawing).

use super::frame::{label_font, title_font, MARGIN_PX};
use super::{ChartError, ChartTheme};
use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

/// One customer in a [`NetworkChart`].
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct NetworkPoint {
    /// Position in [0, 1]² (the layout's).
    pub at: [f64; 2],
    /// Eigenvector centrality (≥ 0): the dot's size grows with it.
    pub weight: f64,
    /// Colour group: an index into [`NetworkChart::groups`] (the theme's
    /// series colour of that index); `None` is drawn grey.
    pub group: Option<usize>,
}

/// A network drawing: nodes, links between them and a legend.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct NetworkChart {
    /// The title above the drawing.
    pub title: String,
    /// The customers.
    pub nodes: Vec<NetworkPoint>,
    /// Links as pairs of indices into `nodes` (out-of-range ones are skipped).
    pub edges: Vec<(usize, usize)>,
    /// The names of the colour groups, for the legend.
    pub groups: Vec<String>,
    /// The legend's entry for nodes without a group.
    pub ungrouped: String,
    /// A node drawn with a ring (the customer zoomed to).
    pub highlight: Option<usize>,
}

/// The height of one legend row in CSS pixels.
const LEGEND_ROW_PX: f64 = 20.0;

/// The margin a zoomed drawing keeps on each side, as a share of its size.
pub const ZOOM_INSET: f64 = 0.1;

/// The largest dot's radius, and the smallest's, in CSS pixels.
const RADIUS_PX: (f64, f64) = (3.0, 11.0);

impl NetworkChart {
    /// The nodes within `depth` links of `centre`, in the order
    /// `insight::Network::neighbourhood` gives them (the centre, then each
    /// distance's nodes by index), with the links among them and positions
    /// re-scaled (one scale for both axes) to fill from [`ZOOM_INSET`] to
    /// 1 − `ZOOM_INSET` along the wider axis; the centre is highlighted.
    /// Returns the zoomed chart and, per its node, the index in `self`; `None` when
    /// `centre` is not a node.
    pub fn zoom(&self, centre: usize, depth: usize) -> Option<(NetworkChart, Vec<usize>)> {
        let n = self.nodes.len();
        if centre >= n {
            return None;
        }
        let mut adjacent = vec![Vec::new(); n];
        for &(a, b) in &self.edges {
            if a < n && b < n && a != b {
                adjacent[a].push(b);
                adjacent[b].push(a);
            }
        }
        let mut seen = vec![false; n];
        seen[centre] = true;
        let mut reached = vec![centre];
        let mut frontier = vec![centre];
        for _ in 0..depth {
            let mut next = Vec::new();
            for &v in &frontier {
                for &w in &adjacent[v] {
                    if !seen[w] {
                        seen[w] = true;
                        next.push(w);
                    }
                }
            }
            next.sort_unstable();
            reached.extend(&next);
            frontier = next;
        }
        let mut position = vec![usize::MAX; n];
        for (k, &v) in reached.iter().enumerate() {
            position[v] = k;
        }
        let mut edges: Vec<(usize, usize)> = self
            .edges
            .iter()
            .filter(|&&(a, b)| a < n && b < n && a != b)
            .map(|&(a, b)| (position[a], position[b]))
            .filter(|&(k, l)| k != usize::MAX && l != usize::MAX)
            .map(|(k, l)| (k.min(l), k.max(l)))
            .collect();
        edges.sort_unstable();
        edges.dedup();
        let span = |axis: usize| {
            reached.iter().map(|&v| self.nodes[v].at[axis]).fold(
                (f64::INFINITY, f64::NEG_INFINITY),
                |(lo, hi), x| {
                    if x.is_finite() {
                        (lo.min(x), hi.max(x))
                    } else {
                        (lo, hi)
                    }
                },
            )
        };
        let (sx, sy) = (span(0), span(1));
        // One scale for both axes (the drawing keeps its shape), the wider
        // span filling ZOOM_INSET..1 - ZOOM_INSET, the other centred.
        let widest = (sx.1 - sx.0).max(sy.1 - sy.0);
        let rescale = |x: f64, (lo, hi): (f64, f64)| {
            if !x.is_finite() || !widest.is_finite() || widest < 1e-12 {
                0.5
            } else {
                0.5 + (x - (lo + hi) / 2.0) / widest * (1.0 - 2.0 * ZOOM_INSET)
            }
        };
        let nodes = reached
            .iter()
            .map(|&v| {
                let p = self.nodes[v];
                NetworkPoint {
                    at: [rescale(p.at[0], sx), rescale(p.at[1], sy)],
                    ..p
                }
            })
            .collect();
        let chart = NetworkChart {
            nodes,
            edges,
            highlight: Some(0),
            ..self.clone()
        };
        Some((chart, reached))
    }
}

/// Draws `chart` onto `area`: title, links, dots and a one-line legend.
pub fn draw_network<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    chart: &NetworkChart,
    theme: &ChartTheme,
) -> Result<(), ChartError> {
    area.fill(&theme.background)?;
    let margin = theme.px(MARGIN_PX);
    let inner = area.margin(margin, margin, margin, margin);
    let inner = inner.titled(&chart.title, title_font(theme))?;
    let (width, height) = inner.dim_in_pixel();
    let names: Vec<&str> = legend_entries(chart, theme).iter().map(|e| e.1).collect();
    let rows = legend_layout(&names, width, theme).1 as u32;
    let legend_height = rows * theme.px(LEGEND_ROW_PX) + theme.px(4.0);
    let plot = inner.margin(0, legend_height, 0, 0);
    let pad = theme.px(RADIUS_PX.1 + 4.0) as f64;
    let (pw, ph) = (
        (f64::from(width) - 2.0 * pad).max(1.0),
        (f64::from(height.saturating_sub(legend_height)) - 2.0 * pad).max(1.0),
    );
    let place = |p: &NetworkPoint| -> (i32, i32) {
        let clamp = |v: f64| {
            if v.is_finite() {
                v.clamp(0.0, 1.0)
            } else {
                0.5
            }
        };
        (
            (pad + clamp(p.at[0]) * pw).round() as i32,
            (pad + clamp(p.at[1]) * ph).round() as i32,
        )
    };
    let edge_style = theme.muted.mix(0.45).stroke_width(theme.px(1.0));
    for &(a, b) in &chart.edges {
        if let (Some(p), Some(q)) = (chart.nodes.get(a), chart.nodes.get(b)) {
            plot.draw(&PathElement::new(vec![place(p), place(q)], edge_style))?;
        }
    }
    let top = chart
        .nodes
        .iter()
        .map(|p| p.weight)
        .filter(|w| w.is_finite())
        .fold(0.0_f64, f64::max);
    let radius = |w: f64| {
        let share = if top > 0.0 && w.is_finite() {
            (w.max(0.0) / top).sqrt()
        } else {
            0.0
        };
        theme.px(RADIUS_PX.0 + share * (RADIUS_PX.1 - RADIUS_PX.0))
    };
    let grey = ungrouped_colour(theme);
    // Small dots last, so a hub never hides the customers around it.
    let mut order: Vec<usize> = (0..chart.nodes.len()).collect();
    order.sort_by(|&a, &b| chart.nodes[b].weight.total_cmp(&chart.nodes[a].weight));
    for i in order {
        let p = &chart.nodes[i];
        let colour = p.group.map_or(grey, |g| theme.series(g));
        plot.draw(&Circle::new(place(p), radius(p.weight), colour.filled()))?;
        plot.draw(&Circle::new(
            place(p),
            radius(p.weight),
            theme.background.stroke_width(1),
        ))?;
    }
    if let Some(p) = chart.highlight.and_then(|h| chart.nodes.get(h)) {
        plot.draw(&Circle::new(
            place(p),
            radius(p.weight) + theme.px(4.0),
            theme.text.stroke_width(theme.px(2.0)),
        ))?;
    }
    draw_legend(&inner, chart, theme)?;
    area.present()?;
    Ok(())
}

/// The grey of nodes without a group.
pub fn ungrouped_colour(theme: &ChartTheme) -> RGBColor {
    theme.palette[theme.palette.len() - 1]
}

/// The legend's entries in use: colour and name.
fn legend_entries<'a>(chart: &'a NetworkChart, theme: &ChartTheme) -> Vec<(RGBColor, &'a str)> {
    let used = |g: Option<usize>| chart.nodes.iter().any(|p| p.group == g);
    chart
        .groups
        .iter()
        .enumerate()
        .filter(|(g, _)| used(Some(*g)))
        .map(|(g, name)| (theme.series(g), name.as_str()))
        .chain(used(None).then(|| (ungrouped_colour(theme), chart.ungrouped.as_str())))
        .filter(|(_, name)| !name.is_empty())
        .collect()
}

/// Lays the legend out in rows no wider than `width`: each entry's
/// (row, x offset), and the number of rows.
fn legend_layout(names: &[&str], width: u32, theme: &ChartTheme) -> (Vec<(usize, i32)>, usize) {
    let r = theme.px(5.0) as i32;
    let mut out = Vec::with_capacity(names.len());
    let (mut row, mut x) = (0usize, 0i32);
    for name in names {
        let w = 3 * r + (name.chars().count() as f64 * theme.px(7.0) as f64) as i32;
        if x > 0 && x + w > width as i32 {
            row += 1;
            x = 0;
        }
        out.push((row, x));
        x += w + theme.px(16.0) as i32;
    }
    let rows = if names.is_empty() { 0 } else { row + 1 };
    (out, rows)
}

/// The legend along the bottom: a dot and a name per group in use, in as
/// many rows as the width needs.
fn draw_legend<DB: DrawingBackend>(
    inner: &DrawingArea<DB, Shift>,
    chart: &NetworkChart,
    theme: &ChartTheme,
) -> Result<(), ChartError> {
    let (width, height) = inner.dim_in_pixel();
    let entries = legend_entries(chart, theme);
    let names: Vec<&str> = entries.iter().map(|e| e.1).collect();
    let (places, rows) = legend_layout(&names, width, theme);
    let line = theme.px(LEGEND_ROW_PX) as i32;
    let font = label_font(theme)
        .color(&theme.text)
        .pos(Pos::new(HPos::Left, VPos::Center));
    let r = theme.px(5.0) as i32;
    for ((colour, name), (row, x)) in entries.into_iter().zip(places) {
        let y = height as i32 - (rows - row) as i32 * line + line / 2;
        inner.draw(&Circle::new((x + r, y), r as u32, colour.filled()))?;
        inner.draw(&Text::new(name.to_string(), (x + 3 * r, y), font.clone()))?;
    }
    Ok(())
}
