//! The purchase-figure filters of the Customers list: lower and upper
//! bounds on lifetime spend, number of purchases and predicted 12-month
//! value, and a window on the date of the latest purchase. Each bound is one
//! box the user types into; [`FigureBound::apply`] reads the text (blank =
//! no bound) and says what is wrong with a typo, so the page only holds
//! markup. Customers without purchases match no bound; a bound on the
//! predicted value also needs a prediction.

use super::query::Filter;
use super::row::Figures;
use crate::i18n::analysis_errors as t;

/// Why a figure filter's text was not taken.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum FigureFilterError {
    /// The amount is not a number.
    #[error("{}", t::filter_not_an_amount(.0))]
    NotAnAmount(String),
    /// The count is not a whole number.
    #[error("{}", t::filter_not_a_count(.0))]
    NotACount(String),
    /// The date is not a date.
    #[error("{}", t::filter_not_a_date(.0))]
    NotADate(String),
}

/// What a bound's box holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BoundKind {
    /// A money amount.
    Amount,
    /// A whole number.
    Count,
    /// A day, `YYYY-MM-DD`.
    Date,
}

/// One purchase-figure bound of [`Filter`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum FigureBound {
    /// Lifetime spend ≥.
    SpendAtLeast,
    /// Lifetime spend ≤.
    SpendAtMost,
    /// Number of purchases ≥.
    OrdersAtLeast,
    /// Number of purchases ≤.
    OrdersAtMost,
    /// Predicted 12-month value ≥.
    PredictedAtLeast,
    /// Predicted 12-month value ≤.
    PredictedAtMost,
    /// Latest purchase on or after a day.
    LastPurchaseFrom,
    /// Latest purchase before a day (who is slipping away).
    LastPurchaseBefore,
}

impl FigureBound {
    /// Every bound, in the order the list shows them.
    pub const ALL: [FigureBound; 8] = [
        FigureBound::SpendAtLeast,
        FigureBound::SpendAtMost,
        FigureBound::OrdersAtLeast,
        FigureBound::OrdersAtMost,
        FigureBound::PredictedAtLeast,
        FigureBound::PredictedAtMost,
        FigureBound::LastPurchaseFrom,
        FigureBound::LastPurchaseBefore,
    ];

    /// The box's label, in the current language.
    pub fn label(self) -> &'static str {
        match self {
            FigureBound::SpendAtLeast => crate::i18n::analysis_labels::spend_at_least(),
            FigureBound::SpendAtMost => crate::i18n::analysis_labels::spend_at_most(),
            FigureBound::OrdersAtLeast => crate::i18n::analysis_labels::purchases_at_least(),
            FigureBound::OrdersAtMost => crate::i18n::analysis_labels::purchases_at_most(),
            FigureBound::PredictedAtLeast => crate::i18n::analysis_labels::predicted_at_least(),
            FigureBound::PredictedAtMost => crate::i18n::analysis_labels::predicted_at_most(),
            FigureBound::LastPurchaseFrom => crate::i18n::analysis_labels::last_purchase_from(),
            FigureBound::LastPurchaseBefore => crate::i18n::analysis_labels::last_purchase_before(),
        }
    }

    /// What the box holds.
    pub fn kind(self) -> BoundKind {
        match self {
            FigureBound::SpendAtLeast
            | FigureBound::SpendAtMost
            | FigureBound::PredictedAtLeast
            | FigureBound::PredictedAtMost => BoundKind::Amount,
            FigureBound::OrdersAtLeast | FigureBound::OrdersAtMost => BoundKind::Count,
            FigureBound::LastPurchaseFrom | FigureBound::LastPurchaseBefore => BoundKind::Date,
        }
    }

    /// Reads `text` into this bound of `filter` (blank clears it); on a
    /// typo the filter is left as it was and the error says why.
    pub fn apply(self, filter: &mut Filter, text: &str) -> Result<(), FigureFilterError> {
        let text = text.trim();
        let blank = text.is_empty();
        match self.kind() {
            BoundKind::Amount => {
                let value = (!blank).then(|| read_amount(text)).transpose()?;
                *self.amount_slot(filter) = value;
            }
            BoundKind::Count => {
                let value = (!blank).then(|| read_count(text)).transpose()?;
                *self.count_slot(filter) = value;
            }
            BoundKind::Date => {
                let value = (!blank).then(|| read_date(text)).transpose()?;
                *self.date_slot(filter) = value;
            }
        }
        Ok(())
    }

    /// The bound as text for its box (`""` when unset): dates as
    /// `YYYY-MM-DD`, amounts and counts as plain numbers.
    pub fn text(self, filter: &Filter) -> String {
        let mut filter = filter.clone();
        match self.kind() {
            BoundKind::Amount => self.amount_slot(&mut filter).map(|x| x.to_string()),
            BoundKind::Count => self.count_slot(&mut filter).map(|n| n.to_string()),
            BoundKind::Date => self
                .date_slot(&mut filter)
                .map(crate::model::iso_date::format),
        }
        .unwrap_or_default()
    }

    fn amount_slot(self, f: &mut Filter) -> &mut Option<f64> {
        match self {
            FigureBound::SpendAtMost => &mut f.spend_at_most,
            FigureBound::PredictedAtLeast => &mut f.predicted_at_least,
            FigureBound::PredictedAtMost => &mut f.predicted_at_most,
            _ => &mut f.spend_at_least,
        }
    }

    fn count_slot(self, f: &mut Filter) -> &mut Option<usize> {
        match self {
            FigureBound::OrdersAtMost => &mut f.orders_at_most,
            _ => &mut f.orders_at_least,
        }
    }

    fn date_slot(self, f: &mut Filter) -> &mut Option<time::Date> {
        match self {
            FigureBound::LastPurchaseFrom => &mut f.last_purchase_from,
            _ => &mut f.last_purchase_before,
        }
    }
}

fn read_amount(text: &str) -> Result<f64, FigureFilterError> {
    crate::model::parse::parse_amount(text)
        .ok()
        .filter(|x| x.is_finite())
        .ok_or_else(|| FigureFilterError::NotAnAmount(text.to_string()))
}

fn read_count(text: &str) -> Result<usize, FigureFilterError> {
    text.replace([',', ' ', '\u{a0}'], "")
        .parse()
        .map_err(|_| FigureFilterError::NotACount(text.to_string()))
}

fn read_date(text: &str) -> Result<time::Date, FigureFilterError> {
    crate::model::iso_date::parse(text).map_err(|_| FigureFilterError::NotADate(text.to_string()))
}

/// Reads the "Spend at least" box: blank is no filter.
pub fn parse_spend_at_least(text: &str) -> Result<Option<f64>, FigureFilterError> {
    let text = text.trim();
    (!text.is_empty()).then(|| read_amount(text)).transpose()
}

/// Reads the "Last purchase before" date (`YYYY-MM-DD`): blank is no filter.
pub fn parse_last_purchase_before(text: &str) -> Result<Option<time::Date>, FigureFilterError> {
    let text = text.trim();
    (!text.is_empty()).then(|| read_date(text)).transpose()
}

impl Filter {
    /// Whether any purchase-figure bound is set.
    pub fn has_figure_bounds(&self) -> bool {
        self.spend_at_least.is_some()
            || self.spend_at_most.is_some()
            || self.orders_at_least.is_some()
            || self.orders_at_most.is_some()
            || self.predicted_at_least.is_some()
            || self.predicted_at_most.is_some()
            || self.last_purchase_from.is_some()
            || self.last_purchase_before.is_some()
    }

    /// Whether `figures` (a customer's, `None` without purchases) is within
    /// every purchase-figure bound.
    pub fn figures_match(&self, figures: Option<&Figures>) -> bool {
        if !self.has_figure_bounds() {
            return true;
        }
        let Some(f) = figures else {
            return false;
        };
        let within = |x: f64, lo: Option<f64>, hi: Option<f64>| {
            lo.is_none_or(|lo| x >= lo) && hi.is_none_or(|hi| x <= hi)
        };
        let predicted_ok = if self.predicted_at_least.is_some() || self.predicted_at_most.is_some()
        {
            f.predicted
                .is_some_and(|p| within(p, self.predicted_at_least, self.predicted_at_most))
        } else {
            true
        };
        within(f.spend, self.spend_at_least, self.spend_at_most)
            && self.orders_at_least.is_none_or(|n| f.orders >= n)
            && self.orders_at_most.is_none_or(|n| f.orders <= n)
            && predicted_ok
            && self.last_purchase_from.is_none_or(|d| f.last_order >= d)
            && self.last_purchase_before.is_none_or(|d| f.last_order < d)
    }
}
