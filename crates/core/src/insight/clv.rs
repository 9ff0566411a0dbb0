//! Customer lifetime value: what each customer has spent (historical value)
//! and what they are expected to spend over the next months, from BG/NBD
//! for the number of purchases and Gamma-Gamma for the spend per purchase,
//! both fitted on the device ([`BgNbd`], [`GammaGamma`]).
//!
//! The calibration data is exactly `lifetimes`'
//! `summary_data_from_transaction_data(..., freq="D")`: purchases (see
//! [`super::is_purchase`]) in one currency dated on or before the
//! observation end, merged per customer and calendar day (one day with two
//! orders is one purchase of their summed amount); then per customer
//! `frequency` = days with purchases − 1 (repeat purchases), `recency` =
//! days from the first to the last, `T` = days from the first to the
//! observation end, and `monetary_value` = the mean of the repeat days'
//! amounts (0 without repeats). The prediction is lifetimes'
//! `customer_lifetime_value(..., time=months, discount_rate, freq="D")`:
//! months of 30 days, each month's expected purchases times the expected
//! spend per purchase, discounted by `(1 + discount)^month`.
//!
//! Amounts in different currencies are not added up: the model is fitted on
//! one currency (by default the one with the most revenue), and customers
//! who never bought in it get no prediction.

use crate::i18n::analysis_errors as t;
use std::collections::HashMap;

use serde::{Deserialize, Serialize};
use thiserror::Error;
use time::Date;

pub use super::clv_model::{BgNbd, GammaGamma};
use super::purchases_by_customer;
use crate::model::{Id, Order};

/// Why no prediction could be made.
#[derive(Debug, Clone, PartialEq, Error)]
pub enum ClvError {
    /// No purchase in the chosen currency up to the observation end.
    #[error("{}", t::clv_no_purchases())]
    NoPurchases,
    /// Nobody bought twice, so there is nothing to learn repeat buying from.
    #[error("{}", t::clv_no_repeat_purchases())]
    NoRepeatPurchases,
    /// Every customer's first purchase is on the observation end.
    #[error("{}", t::clv_no_time_observed())]
    NoTimeObserved,
    /// The fit did not settle.
    #[error("{}", t::clv_not_converged(.model, .reason))]
    NotConverged {
        /// Which model.
        model: &'static str,
        /// What the optimiser said.
        reason: String,
    },
    /// Gamma-Gamma's q ≤ 1: the fitted mean spend is unbounded.
    #[error("{}", t::clv_unbounded_spend(*.q))]
    UnboundedSpend {
        /// The fitted q.
        q: f64,
    },
    /// A prediction came out as NaN or infinity.
    #[error("{}", t::clv_non_finite(.0))]
    NonFinitePrediction(Id),
}

/// Settings of a prediction; `Default` gives lifetimes' defaults.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ClvParams {
    /// Last day of the calibration period; default: the newest purchase.
    pub observation_end: Option<Date>,
    /// Currency to model; default: the one with the most revenue (ties by code).
    pub currency: Option<String>,
    /// Horizon of [`ClvPrediction::expected_purchases`] in days. Default 364 (52 weeks).
    pub horizon_days: f64,
    /// Months (of 30 days) the predicted value covers. Default 12.
    pub months: u32,
    /// Monthly discount rate. Default 0.01.
    pub monthly_discount: f64,
}

impl Default for ClvParams {
    fn default() -> Self {
        ClvParams {
            observation_end: None,
            currency: None,
            horizon_days: 364.0,
            months: 12,
            monthly_discount: 0.01,
        }
    }
}

/// One customer's calibration figures (lifetimes' summary, daily).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CustomerValue {
    /// The customer.
    pub customer_id: Id,
    /// Repeat purchases (days with purchases − 1).
    pub frequency: f64,
    /// Days from the first purchase to the last.
    pub recency: f64,
    /// Days from the first purchase to the observation end.
    pub t: f64,
    /// Mean amount of the repeat purchase days (0 without repeats).
    pub monetary_value: f64,
    /// Total spend up to the observation end (historical value).
    pub historical: f64,
}

/// One customer's prediction.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ClvPrediction {
    /// The customer.
    pub customer_id: Id,
    /// Total spend up to the observation end.
    pub historical: f64,
    /// Expected purchases in the next `horizon_days`.
    pub expected_purchases: f64,
    /// Probability the customer is still buying.
    pub probability_alive: f64,
    /// Expected spend per future purchase (Gamma-Gamma).
    pub expected_average_spend: f64,
    /// Predicted (discounted) spend over the next `months`.
    pub predicted_value: f64,
}

/// A fitted model and every customer's prediction.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ClvResult {
    /// The currency modelled.
    pub currency: String,
    /// The last day of the calibration period.
    pub observation_end: Date,
    /// Fitted purchase-count model.
    pub bgnbd: BgNbd,
    /// Fitted spend model.
    pub gamma_gamma: GammaGamma,
    /// Every customer who bought in `currency`, sorted by id.
    pub customers: Vec<ClvPrediction>,
}

/// The currency with the most revenue among the purchases (ties by code).
fn main_currency(orders: &[&Order]) -> Option<String> {
    let mut totals: HashMap<&str, f64> = HashMap::new();
    for o in orders {
        *totals.entry(o.currency.as_str()).or_default() += o.total;
    }
    totals
        .into_iter()
        .max_by(|a, b| a.1.total_cmp(&b.1).then_with(|| b.0.cmp(a.0)))
        .map(|(c, _)| c.to_string())
}

/// The calibration figures of every customer with a purchase in `currency`
/// on or before `end`, sorted by id (see the module docs for definitions).
pub fn calibration_summary(orders: &[Order], currency: &str, end: Date) -> Vec<CustomerValue> {
    let sorted = purchases_by_customer(orders);
    let mut out = Vec::new();
    let mut days: Vec<(Date, f64)> = Vec::new();
    for run in sorted.chunk_by(|a, b| a.customer_id == b.customer_id) {
        days.clear();
        for o in run
            .iter()
            .filter(|o| o.currency == currency && o.date <= end)
        {
            match days.last_mut() {
                Some((d, amount)) if *d == o.date => *amount += o.total,
                _ => days.push((o.date, o.total)),
            }
        }
        let (Some(&(first, first_amount)), Some(&(last, _))) = (days.first(), days.last()) else {
            continue;
        };
        let repeats = days.len() - 1;
        let repeat_spend: f64 = days[1..].iter().map(|d| d.1).sum();
        out.push(CustomerValue {
            customer_id: run[0].customer_id,
            frequency: repeats as f64,
            recency: (last - first).whole_days() as f64,
            t: (end - first).whole_days() as f64,
            monetary_value: if repeats > 0 {
                repeat_spend / repeats as f64
            } else {
                0.0
            },
            historical: first_amount + repeat_spend,
        });
    }
    out
}

/// Fits BG/NBD and Gamma-Gamma on the purchase history and predicts every
/// customer's purchases and value (see the module docs).
pub fn predict_clv(orders: &[Order], params: &ClvParams) -> Result<ClvResult, ClvError> {
    let purchases: Vec<&Order> = orders.iter().filter(|o| super::is_purchase(o)).collect();
    let currency = match &params.currency {
        Some(c) => c.clone(),
        None => main_currency(&purchases).ok_or(ClvError::NoPurchases)?,
    };
    let end = params
        .observation_end
        .or_else(|| {
            purchases
                .iter()
                .filter(|o| o.currency == currency)
                .map(|o| o.date)
                .max()
        })
        .ok_or(ClvError::NoPurchases)?;
    let customers = calibration_summary(orders, &currency, end);
    if customers.is_empty() {
        return Err(ClvError::NoPurchases);
    }
    let bgnbd = BgNbd::fit(&customers)?;
    let gamma_gamma = GammaGamma::fit(&customers)?;
    let months = params.months as usize;
    let mut times: Vec<f64> = (0..=months).map(|i| 30.0 * i as f64).collect();
    times.push(params.horizon_days);
    // The numerators depend on (x, T) only: compute each pair's once.
    let mut cache: HashMap<(u64, u64), Option<Vec<f64>>> = HashMap::new();
    let mut predictions = Vec::with_capacity(customers.len());
    for c in &customers {
        let numerators = cache
            .entry((c.frequency.to_bits(), c.t.to_bits()))
            .or_insert_with(|| {
                times
                    .iter()
                    .map(|&t| bgnbd.expected_numerator(t, c.frequency, c.t))
                    .collect()
            })
            .as_ref()
            .ok_or(ClvError::NonFinitePrediction(c.customer_id))?;
        let denominator = bgnbd.expected_denominator(c.frequency, c.recency, c.t);
        let spend = gamma_gamma.expected_average_spend(c.frequency, c.monetary_value);
        let mut value = 0.0;
        for i in 1..=months {
            let purchases = (numerators[i] - numerators[i - 1]) / denominator;
            value += spend * purchases / (1.0 + params.monthly_discount).powi(i as i32);
        }
        let prediction = ClvPrediction {
            customer_id: c.customer_id,
            historical: c.historical,
            expected_purchases: numerators[months + 1] / denominator,
            probability_alive: 1.0 / denominator,
            expected_average_spend: spend,
            predicted_value: value,
        };
        if ![
            prediction.expected_purchases,
            prediction.predicted_value,
            spend,
        ]
        .iter()
        .all(|v| v.is_finite())
        {
            return Err(ClvError::NonFinitePrediction(c.customer_id));
        }
        predictions.push(prediction);
    }
    Ok(ClvResult {
        currency,
        observation_end: end,
        bgnbd,
        gamma_gamma,
        customers: predictions,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{LineItem, OrderStatus, Uuid};
    use time::macros::date;

    fn order(who: u128, d: Date, amount: f64, currency: &str) -> Order {
        Order::new_v4(
            0,
            Uuid::from_u128(who),
            d,
            OrderStatus::Order,
            vec![LineItem::new("Tea", 1.0, amount)],
            currency,
        )
    }

    #[test]
    fn two_orders_on_one_day_are_one_purchase_of_their_sum() {
        let orders = [
            order(1, date!(2024 - 01 - 01), 5.0, "EUR"),
            order(1, date!(2024 - 01 - 11), 7.0, "EUR"),
            order(1, date!(2024 - 01 - 11), 3.0, "EUR"),
            order(1, date!(2024 - 01 - 21), 20.0, "EUR"),
            order(1, date!(2024 - 02 - 01), 99.0, "EUR"),
            order(1, date!(2024 - 01 - 15), 50.0, "USD"),
        ];
        let c = &calibration_summary(&orders, "EUR", date!(2024 - 01 - 31))[0];
        assert_eq!((c.frequency, c.recency, c.t), (2.0, 20.0, 30.0));
        assert_eq!((c.monetary_value, c.historical), (15.0, 35.0));
    }

    #[test]
    fn an_empty_history_and_one_without_repeats_are_typed_errors() {
        let params = ClvParams::default();
        assert_eq!(predict_clv(&[], &params), Err(ClvError::NoPurchases));
        let once: Vec<Order> = (1..=20)
            .map(|i| {
                order(
                    i,
                    date!(2024 - 01 - 01) + time::Duration::days(i as i64),
                    9.0,
                    "EUR",
                )
            })
            .collect();
        assert_eq!(
            predict_clv(&once, &params),
            Err(ClvError::NoRepeatPurchases)
        );
        let other = ClvParams {
            currency: Some("JPY".into()),
            ..ClvParams::default()
        };
        assert_eq!(predict_clv(&once, &other), Err(ClvError::NoPurchases));
    }

    #[test]
    fn the_modelled_currency_defaults_to_the_one_with_most_revenue() {
        let orders = [
            order(1, date!(2024 - 01 - 01), 5.0, "EUR"),
            order(2, date!(2024 - 01 - 01), 2.0, "USD"),
            order(3, date!(2024 - 01 - 01), 4.0, "USD"),
        ];
        let purchases: Vec<&Order> = orders.iter().collect();
        assert_eq!(main_currency(&purchases).as_deref(), Some("USD"));
    }
}
