//! What the list asks for — [`ListQuery`]: search text, [`Filter`], [`Sort`] —
//! and saved views; plus filter matching and the per-column sort rankings.

use std::cmp::Reverse;

use serde::{Deserialize, Serialize};

use super::row::CustomerRow;
use crate::insight::Segment;
use crate::model::LifecycleStage;

/// What the Customers list shows: the rows matching `text` and `filter`,
/// in `sort` order. Serialisable, so a [`SavedView`] stores it as JSON.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct ListQuery {
    /// Search text; every word must match (prefix of a name, company or
    /// email word, an email part, or phone digits).
    pub text: String,
    /// Field filters.
    pub filter: Filter,
    /// Sort order.
    pub sort: Sort,
}

/// Field filters; an empty list does not filter. Text is compared
/// case-insensitively, ignoring surrounding spaces.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Filter {
    /// Tags that must all be present.
    pub tags: Vec<String>,
    /// Stages, any of which matches.
    pub stages: Vec<LifecycleStage>,
    /// Segments, any of which matches.
    pub segments: Vec<String>,
    /// Countries, any of which matches.
    pub countries: Vec<String>,
    /// `(field, value)` pairs that must all hold: the custom field's
    /// displayed text (see [`super::custom_text`]) equals the value.
    pub custom: Vec<(String, String)>,
    /// Only customers who said something negative lately.
    pub recent_negative: bool,
    /// RFM segments, any of which matches (customers without purchases
    /// match none).
    pub rfm: Vec<Segment>,
    /// Purchase-figure bounds (see [`super::FigureBound`]); customers
    /// without purchases match none. Lifetime spend at least / at most.
    pub spend_at_least: Option<f64>,
    /// Lifetime spend at most.
    pub spend_at_most: Option<f64>,
    /// Number of purchases at least.
    pub orders_at_least: Option<usize>,
    /// Number of purchases at most.
    pub orders_at_most: Option<usize>,
    /// Predicted 12-month value at least (customers without a prediction
    /// do not match).
    pub predicted_at_least: Option<f64>,
    /// Predicted 12-month value at most.
    pub predicted_at_most: Option<f64>,
    /// Latest purchase on or after this day.
    pub last_purchase_from: Option<time::Date>,
    /// Latest purchase before this day (who is slipping away).
    pub last_purchase_before: Option<time::Date>,
}

impl Filter {
    /// Whether the filter lets every row through.
    pub fn is_empty(&self) -> bool {
        self.tags.is_empty()
            && self.stages.is_empty()
            && self.segments.is_empty()
            && self.countries.is_empty()
            && self.custom.is_empty()
            && !self.recent_negative
            && self.rfm.is_empty()
            && !self.has_figure_bounds()
    }
}

/// A sort column and direction.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Sort {
    /// The column.
    pub column: Column,
    /// Largest first (missing values still last).
    pub descending: bool,
}

/// A sortable column of the Customers list.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Column {
    /// Display name.
    #[default]
    Name,
    /// Primary email.
    Email,
    /// Company.
    Company,
    /// Primary phone.
    Phone,
    /// City.
    City,
    /// Country.
    Country,
    /// Lifecycle stage, in funnel order.
    Stage,
    /// Segment.
    Segment,
    /// Creation time.
    Created,
    /// Last change.
    Updated,
    /// Propensity score.
    Likelihood,
    /// Lifetime spend (in the customer's main currency).
    Spend,
    /// Number of purchases.
    Orders,
    /// Date of the latest purchase.
    LastOrder,
    /// RFM segment, best first.
    Rfm,
    /// Predicted spend over the next 12 months.
    Predicted,
}

impl Column {
    /// Every column, in display order.
    pub const ALL: [Column; 16] = [
        Column::Name,
        Column::Email,
        Column::Company,
        Column::Phone,
        Column::City,
        Column::Country,
        Column::Stage,
        Column::Segment,
        Column::Created,
        Column::Updated,
        Column::Likelihood,
        Column::Spend,
        Column::Orders,
        Column::LastOrder,
        Column::Rfm,
        Column::Predicted,
    ];

    /// The columns filled in by the insight overview.
    pub const FIGURES: [Column; 5] = [
        Column::Spend,
        Column::Orders,
        Column::LastOrder,
        Column::Rfm,
        Column::Predicted,
    ];
}

/// A named query the user saved.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SavedView {
    /// The name shown in the views menu.
    pub name: String,
    /// The query it restores.
    pub query: ListQuery,
}

/// A [`Filter`] with its text lower-cased once per query.
pub(crate) struct PreparedFilter {
    tags: Vec<String>,
    stages: Vec<LifecycleStage>,
    segments: Vec<String>,
    countries: Vec<String>,
    custom: Vec<(String, String)>,
    recent_negative: bool,
    rfm: Vec<Segment>,
    /// The filter as given, for its purchase-figure bounds.
    bounds: Filter,
}

fn fold(s: &str) -> String {
    s.trim().to_lowercase()
}

/// Whether `a` equals `folded` (already [`fold`]ed), ignoring case and
/// surrounding spaces, without allocating.
fn eq_folded(a: &str, folded: &str) -> bool {
    a.trim()
        .chars()
        .flat_map(char::to_lowercase)
        .eq(folded.chars())
}

impl PreparedFilter {
    pub fn new(f: &Filter) -> Self {
        let fold_all = |v: &[String]| v.iter().map(|s| fold(s)).collect();
        PreparedFilter {
            tags: fold_all(&f.tags),
            stages: f.stages.clone(),
            segments: fold_all(&f.segments),
            countries: fold_all(&f.countries),
            custom: f.custom.iter().map(|(k, v)| (fold(k), fold(v))).collect(),
            recent_negative: f.recent_negative,
            rfm: f.rfm.clone(),
            bounds: f.clone(),
        }
    }

    /// Whether `row` passes every part of the filter.
    pub fn matches(&self, row: &CustomerRow) -> bool {
        (!self.recent_negative || row.recent_negative)
            && (self.rfm.is_empty()
                || row
                    .figures
                    .as_ref()
                    .is_some_and(|f| self.rfm.contains(&f.segment)))
            && self.bounds.figures_match(row.figures.as_ref())
            && (self.stages.is_empty() || self.stages.contains(&row.stage))
            && (self.countries.is_empty()
                || self.countries.iter().any(|c| eq_folded(&row.country, c)))
            && (self.segments.is_empty()
                || row
                    .segment
                    .as_deref()
                    .is_some_and(|s| self.segments.iter().any(|f| eq_folded(s, f))))
            && self
                .tags
                .iter()
                .all(|t| row.tags.iter().any(|rt| eq_folded(rt, t)))
            && self.custom.iter().all(|(k, v)| {
                row.custom
                    .iter()
                    .any(|(rk, rv)| eq_folded(rk, k) && eq_folded(rv, v))
            })
    }
}

/// The order of every slot by one column: `pos` is the slot's unique place
/// in ascending order (ties by name, then slot; missing values last),
/// `group` the dense rank of its value (`u32::MAX` when missing). Dead slots
/// have both `u32::MAX`.
#[derive(Debug, Clone)]
pub(crate) struct Ranking {
    pos: Vec<u32>,
    group: Vec<u32>,
}

/// A sortable value; `None` sorts last in both directions.
fn sort_key(row: &CustomerRow, column: Column) -> Option<Key> {
    let text = |s: &str| {
        let s = s.trim();
        (!s.is_empty()).then(|| Key::Text(s.to_lowercase()))
    };
    let opt_text = |s: &Option<String>| s.as_deref().and_then(text);
    match column {
        Column::Name => text(&row.name),
        Column::Email => opt_text(&row.email),
        Column::Company => text(&row.company),
        Column::Phone => opt_text(&row.phone),
        Column::City => text(&row.city),
        Column::Country => text(&row.country),
        Column::Stage => Some(Key::Int(row.stage as i64)),
        Column::Segment => opt_text(&row.segment),
        Column::Created => Some(Key::Int(row.created_at)),
        Column::Updated => Some(Key::Int(row.updated_at)),
        Column::Likelihood => row
            .likelihood
            .filter(|x| !x.is_nan())
            .map(|x| Key::Int(ordered_bits(x))),
        Column::Spend => row
            .figures
            .as_ref()
            .map(|f| Key::Int(ordered_bits(f.spend))),
        Column::Orders => row.figures.as_ref().map(|f| Key::Int(f.orders as i64)),
        Column::LastOrder => row
            .figures
            .as_ref()
            .map(|f| Key::Int(i64::from(f.last_order.to_julian_day()))),
        Column::Rfm => row.figures.as_ref().map(|f| Key::Int(f.segment as i64)),
        Column::Predicted => row
            .figures
            .as_ref()
            .and_then(|f| f.predicted)
            .filter(|x| !x.is_nan())
            .map(|x| Key::Int(ordered_bits(x))),
    }
}

#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
enum Key {
    Int(i64),
    Text(String),
}

/// An `i64` that orders like the (non-NaN) float `x`.
fn ordered_bits(x: f64) -> i64 {
    let b = x.to_bits() as i64;
    if b < 0 {
        b ^ i64::MAX
    } else {
        b
    }
}

impl Ranking {
    /// Ranks the live slots of `slots` by `column`; ties are broken by
    /// `names` (the name ranking's `pos`) when given, then by slot.
    pub fn new(slots: &[Option<CustomerRow>], column: Column, names: Option<&Ranking>) -> Self {
        let mut keyed: Vec<(Option<Key>, u32, u32)> = slots
            .iter()
            .enumerate()
            .filter_map(|(slot, row)| {
                let row = row.as_ref()?;
                let tie = names.map_or(0, |n| n.pos[slot]);
                Some((sort_key(row, column), tie, slot as u32))
            })
            .collect();
        keyed.sort_unstable_by(|a, b| {
            (a.0.is_none(), &a.0, a.1, a.2).cmp(&(b.0.is_none(), &b.0, b.1, b.2))
        });
        let mut pos = vec![u32::MAX; slots.len()];
        let mut group = vec![u32::MAX; slots.len()];
        let mut g = 0u32;
        for (i, (key, _, slot)) in keyed.iter().enumerate() {
            if i > 0 && keyed[i - 1].0 != *key {
                g += 1;
            }
            pos[*slot as usize] = i as u32;
            if key.is_some() {
                group[*slot as usize] = g;
            }
        }
        Ranking { pos, group }
    }

    /// Sorts live `slots` ascending or descending; missing values last either
    /// way, ties in ascending tie-break order.
    pub fn sort(&self, slots: &mut [u32], descending: bool) {
        if descending {
            slots.sort_unstable_by_key(|&s| {
                let g = self.group[s as usize];
                (g == u32::MAX, Reverse(g), self.pos[s as usize])
            });
        } else {
            slots.sort_unstable_by_key(|&s| self.pos[s as usize]);
        }
    }
}
