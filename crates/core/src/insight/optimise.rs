//! A small BFGS minimiser (with a backtracking Armijo line search) for the
//! lifetime-value models' maximum-likelihood fits: a handful of parameters,
//! a smooth objective with an analytic gradient. Hand-written because it is
//! forty lines and needs nothing from argmin's machinery (whose timing needs
//! a JS shim on wasm32).

use crate::i18n::analysis_errors as t;
use thiserror::Error;

/// Why a minimisation stopped without an answer.
#[derive(Debug, Clone, PartialEq, Error)]
pub enum OptimiseError {
    /// The objective or its gradient was not finite at the starting point.
    #[error("{}", t::optimise_not_finite())]
    NotFinite,
    /// The iteration limit was reached, or no step along the search
    /// direction lowered the objective, with the gradient still large.
    #[error("{}", t::optimise_not_converged(.iterations, .gradient))]
    NotConverged {
        /// Iterations run.
        iterations: usize,
        /// Largest absolute gradient component at the end.
        gradient: f64,
    },
}

/// When to stop.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct BfgsOptions {
    /// Converged when every gradient component is at most this. Default 1e-10.
    pub gtol: f64,
    /// When the line search cannot improve any more (the objective is flat
    /// to machine precision), the point is accepted if the gradient is at
    /// most this. Default 1e-6.
    pub stall_gtol: f64,
    /// Most iterations. Default 1,000.
    pub max_iterations: usize,
    /// Longest step (largest component) tried. Default 2.
    pub max_step: f64,
}

impl Default for BfgsOptions {
    fn default() -> Self {
        BfgsOptions {
            gtol: 1e-10,
            stall_gtol: 1e-6,
            max_iterations: 1_000,
            max_step: 2.0,
        }
    }
}

/// Where a minimisation ended.
#[derive(Debug, Clone, PartialEq)]
pub struct Minimum {
    /// The minimiser.
    pub x: Vec<f64>,
    /// The objective there.
    pub value: f64,
    /// Iterations run.
    pub iterations: usize,
    /// Largest absolute gradient component there.
    pub gradient: f64,
}

fn max_abs(v: &[f64]) -> f64 {
    v.iter().fold(0.0, |m, x| m.max(x.abs()))
}

fn dot(a: &[f64], b: &[f64]) -> f64 {
    a.iter().zip(b).map(|(x, y)| x * y).sum()
}

/// Minimises `f` from `x0`. `f(x, grad)` returns the objective at `x` and
/// writes its gradient into `grad`; a non-finite value counts as "too far"
/// (the line search steps back).
pub fn bfgs(
    mut f: impl FnMut(&[f64], &mut [f64]) -> f64,
    x0: &[f64],
    options: &BfgsOptions,
) -> Result<Minimum, OptimiseError> {
    let n = x0.len();
    let mut x = x0.to_vec();
    let mut g = vec![0.0; n];
    let mut value = f(&x, &mut g);
    if !value.is_finite() || g.iter().any(|v| !v.is_finite()) {
        return Err(OptimiseError::NotFinite);
    }
    let identity = |h: &mut Vec<f64>, scale: f64| {
        h.iter_mut().for_each(|v| *v = 0.0);
        (0..n).for_each(|i| h[i * n + i] = scale);
    };
    let mut h = vec![0.0; n * n];
    identity(&mut h, 1.0);
    let (mut fresh, mut first) = (true, true);
    let (mut x_new, mut g_new) = (vec![0.0; n], vec![0.0; n]);
    for iteration in 0..options.max_iterations {
        if max_abs(&g) <= options.gtol {
            return Ok(Minimum {
                x,
                value,
                iterations: iteration,
                gradient: max_abs(&g),
            });
        }
        let mut p: Vec<f64> = (0..n).map(|i| -dot(&h[i * n..i * n + n], &g)).collect();
        if dot(&p, &g) >= 0.0 {
            identity(&mut h, 1.0);
            fresh = true;
            p = g.iter().map(|v| -v).collect();
        }
        let longest = max_abs(&p);
        if longest > options.max_step {
            p.iter_mut().for_each(|v| *v *= options.max_step / longest);
        }
        let slope = dot(&p, &g);
        let mut t = 1.0;
        let accepted = loop {
            for i in 0..n {
                x_new[i] = x[i] + t * p[i];
            }
            let v = f(&x_new, &mut g_new);
            let finite = v.is_finite() && g_new.iter().all(|d| d.is_finite());
            // Armijo; or, once the objective is flat to rounding (near the
            // minimum), a step that does not raise it and shrinks the gradient.
            let flat =
                v <= value + 8.0 * f64::EPSILON * value.abs() && max_abs(&g_new) < max_abs(&g);
            if finite && (v <= value + 1e-4 * t * slope || flat) {
                break Some(v);
            }
            t *= 0.5;
            if t < 1e-20 {
                break None;
            }
        };
        let Some(v) = accepted else {
            if max_abs(&g) <= options.stall_gtol {
                return Ok(Minimum {
                    x,
                    value,
                    iterations: iteration,
                    gradient: max_abs(&g),
                });
            }
            if fresh {
                return Err(OptimiseError::NotConverged {
                    iterations: iteration,
                    gradient: max_abs(&g),
                });
            }
            identity(&mut h, 1.0);
            fresh = true;
            continue;
        };
        let s: Vec<f64> = p.iter().map(|v| t * v).collect();
        let y: Vec<f64> = g_new.iter().zip(&g).map(|(a, b)| a - b).collect();
        let sy = dot(&s, &y);
        if sy > 1e-300 {
            if first {
                identity(&mut h, sy / dot(&y, &y));
                first = false;
            }
            update_inverse_hessian(&mut h, &s, &y, sy);
            fresh = false;
        }
        x.copy_from_slice(&x_new);
        g.copy_from_slice(&g_new);
        value = v;
    }
    Err(OptimiseError::NotConverged {
        iterations: options.max_iterations,
        gradient: max_abs(&g),
    })
}

/// H ← (I − ρ s yᵀ) H (I − ρ y sᵀ) + ρ s sᵀ with ρ = 1 / (sᵀy).
fn update_inverse_hessian(h: &mut [f64], s: &[f64], y: &[f64], sy: f64) {
    let n = s.len();
    let rho = 1.0 / sy;
    let hy: Vec<f64> = (0..n).map(|i| dot(&h[i * n..i * n + n], y)).collect();
    let yhy = dot(y, &hy);
    for i in 0..n {
        for j in 0..n {
            h[i * n + j] +=
                -rho * (hy[i] * s[j] + s[i] * hy[j]) + (rho * rho * yhy + rho) * s[i] * s[j];
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_rosenbrock_minimum_is_found_to_high_precision() {
        let rosen = |x: &[f64], g: &mut [f64]| {
            let (a, b) = (x[0], x[1]);
            g[0] = -2.0 * (1.0 - a) - 400.0 * a * (b - a * a);
            g[1] = 200.0 * (b - a * a);
            (1.0 - a).powi(2) + 100.0 * (b - a * a).powi(2)
        };
        let m = bfgs(rosen, &[-1.2, 1.0], &BfgsOptions::default()).unwrap();
        assert!(
            (m.x[0] - 1.0).abs() < 1e-8 && (m.x[1] - 1.0).abs() < 1e-8,
            "{m:?}"
        );
    }

    #[test]
    fn an_unbounded_objective_is_reported_as_not_converged() {
        let slope = |x: &[f64], g: &mut [f64]| {
            g[0] = 1.0;
            x[0]
        };
        let err = bfgs(
            slope,
            &[0.0],
            &BfgsOptions {
                max_iterations: 50,
                ..Default::default()
            },
        );
        assert!(matches!(err, Err(OptimiseError::NotConverged { .. })));
    }

    #[test]
    fn a_nan_at_the_start_is_an_error_not_a_panic() {
        let nan = |_: &[f64], g: &mut [f64]| {
            g[0] = 0.0;
            f64::NAN
        };
        assert_eq!(
            bfgs(nan, &[0.0], &BfgsOptions::default()),
            Err(OptimiseError::NotFinite)
        );
    }
}
