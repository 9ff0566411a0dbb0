//! The two lifetime-value models, their likelihoods (with gradients) and
//! predictions, written from the published formulas and matching the
//! `lifetimes` package's definitions:
//!
//! - BG/NBD (Fader, Hardie & Lee 2005, "Counting your customers the easy
//!   way"): purchase counts with parameters r, α (purchase rate ~ Gamma(r, α))
//!   and a, b (dropout probability ~ Beta(a, b)); equations (6) and (10).
//! - Gamma-Gamma (Fader & Hardie 2013, "The Gamma-Gamma model of monetary
//!   value"): spend per purchase with parameters p, q, γ (`v` in lifetimes).
//!
//! Both are fitted by maximising the mean log-likelihood over the log of the
//! parameters (so they stay positive) with [`super::optimise::bfgs`], from
//! lifetimes' starting point (every log-parameter 0.1); BG/NBD's times are
//! scaled by 1 / max T during the fit, as lifetimes does.

use serde::{Deserialize, Serialize};

use super::clv::{ClvError, CustomerValue};
use super::optimise::{bfgs, BfgsOptions};
use super::special::{digamma, ln_gamma, ln_hyp2f1};

/// Fitted BG/NBD parameters (time in days).
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct BgNbd {
    /// Shape of the purchase-rate Gamma.
    pub r: f64,
    /// Scale (in days) of the purchase-rate Gamma.
    pub alpha: f64,
    /// First shape of the dropout Beta.
    pub a: f64,
    /// Second shape of the dropout Beta.
    pub b: f64,
}

/// Fitted Gamma-Gamma parameters.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct GammaGamma {
    /// Shape of the per-purchase spend Gamma.
    pub p: f64,
    /// Shape of the Gamma over customers' spend scale.
    pub q: f64,
    /// Scale of the Gamma over customers' spend scale (γ; `v` in lifetimes).
    pub gamma: f64,
}

/// Distinct integer values of `x` and, per customer, the index of theirs,
/// so Γ-function terms are computed once per distinct count.
fn distinct_counts(xs: impl Iterator<Item = f64>) -> (Vec<f64>, Vec<usize>) {
    let xs: Vec<f64> = xs.collect();
    let mut values = xs.clone();
    values.sort_by(f64::total_cmp);
    values.dedup();
    let index = xs
        .iter()
        .map(|x| values.partition_point(|v| v < x))
        .collect();
    (values, index)
}

impl BgNbd {
    /// Maximum-likelihood fit on the customers' (frequency, recency, T).
    pub fn fit(customers: &[CustomerValue]) -> Result<BgNbd, ClvError> {
        if !customers.iter().any(|c| c.frequency > 0.0) {
            return Err(ClvError::NoRepeatPurchases);
        }
        let max_t = customers.iter().fold(0.0f64, |m, c| m.max(c.t));
        if max_t <= 0.0 {
            return Err(ClvError::NoTimeObserved);
        }
        let scale = 1.0 / max_t;
        let data = BgNbdData::new(customers, scale);
        let objective = |theta: &[f64], grad: &mut [f64]| data.nll(theta, grad);
        let m = bfgs(objective, &[0.1; 4], &BfgsOptions::default()).map_err(|e| {
            ClvError::NotConverged {
                model: "BG/NBD",
                reason: e.to_string(),
            }
        })?;
        let p: Vec<f64> = m.x.iter().map(|v| v.exp()).collect();
        let fitted = BgNbd {
            r: p[0],
            alpha: p[1] / scale,
            a: p[2],
            b: p[3],
        };
        if [fitted.r, fitted.alpha, fitted.a, fitted.b]
            .iter()
            .all(|v| v.is_finite() && *v > 0.0)
        {
            Ok(fitted)
        } else {
            Err(ClvError::NotConverged {
                model: "BG/NBD",
                reason: "parameters ran off to 0 or infinity".into(),
            })
        }
    }

    /// The part of E[Y(t) | x, T] that does not depend on recency (the
    /// numerator of equation (10)): `None` when ₂F₁ cannot be evaluated.
    pub(crate) fn expected_numerator(&self, t: f64, x: f64, big_t: f64) -> Option<f64> {
        if t <= 0.0 {
            return Some(0.0);
        }
        let BgNbd { r, alpha, a, b } = *self;
        let z = t / (alpha + big_t + t);
        let ln_hyp = ln_hyp2f1(r + x, b + x, a + b + x - 1.0, z)?;
        let first = (a + b + x - 1.0) / (a - 1.0);
        let second = 1.0 - (ln_hyp + (r + x) * ((alpha + big_t) / (alpha + t + big_t)).ln()).exp();
        Some(first * second).filter(|v| v.is_finite())
    }

    /// The denominator of equation (10): 1 + [x > 0] a/(b+x−1) ((α+T)/(α+tₓ))^(r+x).
    pub(crate) fn expected_denominator(&self, x: f64, recency: f64, big_t: f64) -> f64 {
        if x > 0.0 {
            1.0 + self.a / (self.b + x - 1.0)
                * ((self.alpha + big_t) / (self.alpha + recency)).powf(self.r + x)
        } else {
            1.0
        }
    }

    /// Expected repeat purchases in the next `t` days of a customer with
    /// frequency `x`, recency and age `big_t` (days); `None` when it cannot
    /// be evaluated.
    pub fn expected_purchases(&self, t: f64, x: f64, recency: f64, big_t: f64) -> Option<f64> {
        Some(self.expected_numerator(t, x, big_t)? / self.expected_denominator(x, recency, big_t))
    }

    /// Probability the customer is still active (has not dropped out).
    pub fn probability_alive(&self, x: f64, recency: f64, big_t: f64) -> f64 {
        1.0 / self.expected_denominator(x, recency, big_t)
    }
}

impl GammaGamma {
    /// Maximum-likelihood fit on the customers with repeat purchases and a
    /// positive mean repeat spend (the others carry no information on spend
    /// per purchase, as in lifetimes, which is fitted on `frequency > 0`).
    pub fn fit(customers: &[CustomerValue]) -> Result<GammaGamma, ClvError> {
        let data: Vec<&CustomerValue> = customers
            .iter()
            .filter(|c| c.frequency > 0.0 && c.monetary_value > 0.0)
            .collect();
        if data.len() < 2 {
            return Err(ClvError::NoRepeatPurchases);
        }
        let data = GammaGammaData::new(&data);
        let objective = |theta: &[f64], grad: &mut [f64]| data.nll(theta, grad);
        let m = bfgs(objective, &[0.1; 3], &BfgsOptions::default()).map_err(|e| {
            ClvError::NotConverged {
                model: "Gamma-Gamma",
                reason: e.to_string(),
            }
        })?;
        let fitted = GammaGamma {
            p: m.x[0].exp(),
            q: m.x[1].exp(),
            gamma: m.x[2].exp(),
        };
        if ![fitted.p, fitted.q, fitted.gamma]
            .iter()
            .all(|v| v.is_finite() && *v > 0.0)
        {
            return Err(ClvError::NotConverged {
                model: "Gamma-Gamma",
                reason: "parameters ran off to 0 or infinity".into(),
            });
        }
        if fitted.q <= 1.0 {
            return Err(ClvError::UnboundedSpend { q: fitted.q });
        }
        Ok(fitted)
    }

    /// Expected spend per purchase of a customer with `x` repeat purchases
    /// averaging `m` (equation (5)): a weighted mean of `m` and the
    /// population mean p γ / (q − 1).
    pub fn expected_average_spend(&self, x: f64, m: f64) -> f64 {
        let weight = self.p * x / (self.p * x + self.q - 1.0);
        (1.0 - weight) * self.gamma * self.p / (self.q - 1.0) + weight * m
    }
}

/// BG/NBD's calibration data, times scaled, counts grouped.
pub(crate) struct BgNbdData {
    xs: Vec<f64>,
    xi: Vec<usize>,
    /// (x, recency, T) per customer, scaled.
    rows: Vec<(f64, f64, f64)>,
}

impl BgNbdData {
    pub(crate) fn new(customers: &[CustomerValue], scale: f64) -> Self {
        let (xs, xi) = distinct_counts(customers.iter().map(|c| c.frequency));
        let rows = customers
            .iter()
            .map(|c| (c.frequency, c.recency * scale, c.t * scale))
            .collect();
        BgNbdData { xs, xi, rows }
    }

    /// Mean negative log-likelihood at log-parameters `theta` (ln r, ln α,
    /// ln a, ln b) — lifetimes' `_negative_log_likelihood` — and its gradient.
    pub(crate) fn nll(&self, theta: &[f64], grad: &mut [f64]) -> f64 {
        let (r, alpha, a, b) = (
            theta[0].exp(),
            theta[1].exp(),
            theta[2].exp(),
            theta[3].exp(),
        );
        // Per distinct x: A1 + A2 (less r ln α) and their derivatives in r, a, b.
        let per_x: Vec<[f64; 4]> = self
            .xs
            .iter()
            .map(|&x| {
                let a12 = ln_gamma(r + x) - ln_gamma(r) + ln_gamma(a + b) + ln_gamma(b + x)
                    - ln_gamma(b)
                    - ln_gamma(a + b + x);
                let d_ab = digamma(a + b) - digamma(a + b + x);
                [
                    a12,
                    digamma(r + x) - digamma(r),
                    d_ab,
                    d_ab + digamma(b + x) - digamma(b),
                ]
            })
            .collect();
        let (mut ll, mut g) = (0.0, [0.0; 4]);
        let ln_alpha = alpha.ln();
        for (&(x, rec, t), &k) in self.rows.iter().zip(&self.xi) {
            let [a12, dr12, da12, db12] = per_x[k];
            let ln_at = (alpha + t).ln();
            let a3 = -(r + x) * ln_at;
            let (l, w4, ln_ar) = if x > 0.0 {
                let ln_ar = (alpha + rec).ln();
                let a4 = a.ln() - (b + x - 1.0).ln() - (r + x) * ln_ar;
                let m = a3.max(a4);
                let l = m + ((a3 - m).exp() + (a4 - m).exp()).ln();
                (l, (a4 - l).exp(), ln_ar)
            } else {
                (a3, 0.0, 0.0)
            };
            let w3 = 1.0 - w4;
            ll += r * ln_alpha + a12 + l;
            g[0] += ln_alpha + dr12 - w3 * ln_at - w4 * ln_ar;
            g[1] += r / alpha - w3 * (r + x) / (alpha + t) - w4 * (r + x) / (alpha + rec);
            g[2] += da12 + w4 / a;
            g[3] += db12 - if x > 0.0 { w4 / (b + x - 1.0) } else { 0.0 };
        }
        let n = self.rows.len() as f64;
        for (i, p) in [r, alpha, a, b].iter().enumerate() {
            grad[i] = -g[i] * p / n;
        }
        -ll / n
    }
}

/// Gamma-Gamma's data: (x, m, ln m, ln x) per customer, counts grouped.
pub(crate) struct GammaGammaData {
    xs: Vec<f64>,
    xi: Vec<usize>,
    rows: Vec<(f64, f64, f64, f64)>,
}

impl GammaGammaData {
    pub(crate) fn new(customers: &[&CustomerValue]) -> Self {
        let (xs, xi) = distinct_counts(customers.iter().map(|c| c.frequency));
        let rows = customers
            .iter()
            .map(|c| {
                (
                    c.frequency,
                    c.monetary_value,
                    c.monetary_value.ln(),
                    c.frequency.ln(),
                )
            })
            .collect();
        GammaGammaData { xs, xi, rows }
    }

    /// Mean negative log-likelihood at (ln p, ln q, ln γ) — lifetimes'
    /// `GammaGammaFitter._negative_log_likelihood` — and its gradient.
    pub(crate) fn nll(&self, theta: &[f64], grad: &mut [f64]) -> f64 {
        let (p, q, v) = (theta[0].exp(), theta[1].exp(), theta[2].exp());
        let per_x: Vec<[f64; 3]> = self
            .xs
            .iter()
            .map(|&x| {
                let px = p * x;
                let lg = ln_gamma(px + q) - ln_gamma(px) - ln_gamma(q);
                [
                    lg,
                    digamma(px + q) - digamma(px),
                    digamma(px + q) - digamma(q),
                ]
            })
            .collect();
        let (mut ll, mut g) = (0.0, [0.0; 3]);
        let ln_v = v.ln();
        for (&(x, m, ln_m, ln_x), &k) in self.rows.iter().zip(&self.xi) {
            let px = p * x;
            let ln_xmv = (x * m + v).ln();
            let [lg, dp, dq] = per_x[k];
            ll += lg + q * ln_v + (px - 1.0) * ln_m + px * ln_x - (px + q) * ln_xmv;
            g[0] += x * (dp + ln_m + ln_x - ln_xmv);
            g[1] += dq + ln_v - ln_xmv;
            g[2] += q / v - (px + q) / (x * m + v);
        }
        let n = self.rows.len() as f64;
        for (i, par) in [p, q, v].iter().enumerate() {
            grad[i] = -g[i] * par / n;
        }
        -ll / n
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Uuid;

    fn customer(x: f64, rec: f64, t: f64, m: f64) -> CustomerValue {
        CustomerValue {
            customer_id: Uuid::from_u128(1),
            frequency: x,
            recency: rec,
            t,
            monetary_value: m,
            historical: m * (x + 1.0),
        }
    }

    fn sample() -> Vec<CustomerValue> {
        (0..60)
            .map(|i| {
                let x = (i % 7) as f64;
                let t = 30.0 + (i * 13 % 200) as f64;
                customer(
                    x,
                    if x > 0.0 {
                        t * (i % 5 + 1) as f64 / 6.0
                    } else {
                        0.0
                    },
                    t,
                    10.0 + (i * 7 % 40) as f64,
                )
            })
            .collect()
    }

    fn check_gradient(f: impl Fn(&[f64], &mut [f64]) -> f64, theta: &[f64]) {
        let mut g = vec![0.0; theta.len()];
        f(theta, &mut g);
        let mut scratch = g.clone();
        for i in 0..theta.len() {
            let h = 1e-6;
            let (mut up, mut down) = (theta.to_vec(), theta.to_vec());
            up[i] += h;
            down[i] -= h;
            let numeric = (f(&up, &mut scratch) - f(&down, &mut scratch)) / (2.0 * h);
            assert!(
                (numeric - g[i]).abs() < 1e-7 * (1.0 + numeric.abs()),
                "component {i}: {} vs {numeric}",
                g[i]
            );
        }
    }

    #[test]
    fn analytic_gradients_match_finite_differences() {
        let data = sample();
        let bg = BgNbdData::new(&data, 1.0 / 229.0);
        check_gradient(|t, g| bg.nll(t, g), &[0.1, -1.0, -0.4, 1.3]);
        check_gradient(|t, g| bg.nll(t, g), &[-0.8, 0.5, 0.3, -0.2]);
        let returning: Vec<&CustomerValue> = data.iter().filter(|c| c.frequency > 0.0).collect();
        let gg = GammaGammaData::new(&returning);
        check_gradient(|t, g| gg.nll(t, g), &[0.6, 1.2, 4.6]);
        check_gradient(|t, g| gg.nll(t, g), &[0.1, 0.1, 0.1]);
    }

    #[test]
    fn nobody_buying_twice_is_a_typed_error() {
        let data: Vec<_> = (0..10)
            .map(|i| customer(0.0, 0.0, 10.0 + i as f64, 0.0))
            .collect();
        assert_eq!(BgNbd::fit(&data), Err(ClvError::NoRepeatPurchases));
        assert_eq!(GammaGamma::fit(&data), Err(ClvError::NoRepeatPurchases));
    }

    #[test]
    fn no_time_observed_is_a_typed_error() {
        let data = [customer(1.0, 0.0, 0.0, 5.0)];
        assert_eq!(BgNbd::fit(&data), Err(ClvError::NoTimeObserved));
    }
}
