//! Special functions for the lifetime-value models: `ln Γ`, digamma and
//! Gauss's hypergeometric function ₂F₁, hand-written because the core has
//! no numerics crate that provides them (statrs would be the one; these
//! three are short and tested against known values).

/// Lanczos coefficients (g = 7, n = 9), good to about 1e-15 relative.
const LANCZOS: [f64; 9] = [
    0.999_999_999_999_809_9,
    676.520_368_121_885_1,
    -1_259.139_216_722_402_8,
    771.323_428_777_653_1,
    -176.615_029_162_140_6,
    12.507_343_278_686_905,
    -0.138_571_095_265_720_12,
    9.984_369_578_019_572e-6,
    1.505_632_735_149_311_6e-7,
];

/// `ln Γ(x)` for `x > 0` (NaN for `x <= 0` or NaN, +∞ for +∞).
pub fn ln_gamma(x: f64) -> f64 {
    if x.is_nan() || x <= 0.0 {
        return f64::NAN;
    }
    if x < 0.5 {
        // Reflection: Γ(x) Γ(1 − x) = π / sin(πx).
        let pi = std::f64::consts::PI;
        return (pi / (pi * x).sin()).ln() - ln_gamma(1.0 - x);
    }
    let x = x - 1.0;
    let mut sum = LANCZOS[0];
    for (i, c) in LANCZOS.iter().enumerate().skip(1) {
        sum += c / (x + i as f64);
    }
    let t = x + 7.5;
    0.5 * (2.0 * std::f64::consts::PI).ln() + (x + 0.5) * t.ln() - t + sum.ln()
}

/// The digamma function ψ(x) = d ln Γ(x) / dx for `x > 0` (NaN otherwise).
pub fn digamma(x: f64) -> f64 {
    if x.is_nan() || x <= 0.0 {
        return f64::NAN;
    }
    if x.is_infinite() {
        return f64::INFINITY;
    }
    let (mut x, mut acc) = (x, 0.0);
    while x < 12.0 {
        acc -= 1.0 / x;
        x += 1.0;
    }
    let inv2 = 1.0 / (x * x);
    // Asymptotic series: ln x − 1/2x − Σ B₂ₖ / (2k x²ᵏ).
    let series = inv2
        * (1.0 / 12.0
            - inv2 * (1.0 / 120.0 - inv2 * (1.0 / 252.0 - inv2 * (1.0 / 240.0 - inv2 / 132.0))));
    acc + x.ln() - 0.5 / x - series
}

/// Most terms the ₂F₁ series may take before giving up.
const MAX_TERMS: usize = 1_000_000;

/// The ₂F₁ power series Σ (a)ₙ(b)ₙ/(c)ₙ zⁿ/n! for `0 <= z < 1`, or `None`
/// when it does not settle (or overflows) within [`MAX_TERMS`].
fn hyp2f1_series(a: f64, b: f64, c: f64, z: f64) -> Option<f64> {
    let (mut term, mut sum) = (1.0f64, 1.0f64);
    for n in 0..MAX_TERMS {
        let n = n as f64;
        let ratio = (a + n) * (b + n) / ((c + n) * (n + 1.0)) * z;
        term *= ratio;
        sum += term;
        if !sum.is_finite() {
            return None;
        }
        if term.abs() <= 1e-17 * sum.abs() && ratio.abs() < 1.0 {
            return Some(sum);
        }
    }
    None
}

/// `ln ₂F₁(a, b; c; z)` for `0 <= z < 1` and `c > 0`, the way `lifetimes`
/// evaluates it: the power series, and where that is not finite, Euler's
/// transformation `(1 − z)^(c−a−b) ₂F₁(c − a, c − b; c; z)`. `None` when
/// neither gives a positive finite value.
pub fn ln_hyp2f1(a: f64, b: f64, c: f64, z: f64) -> Option<f64> {
    if !(0.0..1.0).contains(&z) || c <= 0.0 || !(a + b + c).is_finite() {
        return None;
    }
    if let Some(v) = hyp2f1_series(a, b, c, z).filter(|v| *v > 0.0) {
        return Some(v.ln());
    }
    let v = hyp2f1_series(c - a, c - b, c, z).filter(|v| *v > 0.0)?;
    Some(v.ln() + (c - a - b) * (1.0 - z).ln())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn close(a: f64, b: f64, rel: f64) -> bool {
        (a - b).abs() <= rel * b.abs().max(1e-300)
    }

    #[test]
    fn ln_gamma_matches_factorials_and_half_integers() {
        assert!(close(ln_gamma(1.0), 0.0, 1e-15) || ln_gamma(1.0).abs() < 1e-14);
        assert!(close(ln_gamma(10.0), 362_880f64.ln(), 1e-14));
        assert!(close(
            ln_gamma(0.5),
            std::f64::consts::PI.sqrt().ln(),
            1e-14
        ));
        // scipy.special.gammaln(0.01), gammaln(123.456)
        assert!(close(ln_gamma(0.01), 4.599_479_878_042_022, 1e-13));
        assert!(close(ln_gamma(123.456), 469.605_547_129_929_5, 1e-13));
        assert!(ln_gamma(0.0).is_nan() && ln_gamma(-1.0).is_nan());
    }

    #[test]
    fn digamma_matches_known_values_and_the_derivative_of_ln_gamma() {
        let euler = 0.577_215_664_901_532_9;
        assert!(close(digamma(1.0), -euler, 1e-14));
        assert!(close(digamma(0.5), -euler - 2.0 * 2f64.ln(), 1e-14));
        for x in [0.3, 2.5, 17.0, 400.0] {
            let h = 1e-5 * x;
            let numeric = (ln_gamma(x + h) - ln_gamma(x - h)) / (2.0 * h);
            assert!(close(digamma(x), numeric, 1e-7), "x = {x}");
        }
    }

    #[test]
    fn hyp2f1_matches_closed_forms() {
        // ₂F₁(1, 1; 2; z) = −ln(1 − z) / z
        for z in [0.1f64, 0.5, 0.9, 0.99] {
            let want = (-(1.0 - z).ln() / z).ln();
            assert!(close(ln_hyp2f1(1.0, 1.0, 2.0, z).unwrap(), want, 1e-13));
        }
        // ₂F₁(a, b; b; z) = (1 − z)^(−a)
        let want = -2.7 * (1.0 - 0.8f64).ln();
        assert!(close(ln_hyp2f1(2.7, 3.1, 3.1, 0.8).unwrap(), want, 1e-13));
        assert_eq!(ln_hyp2f1(1.0, 1.0, 2.0, 0.0), Some(0.0));
        assert_eq!(ln_hyp2f1(1.0, 1.0, 2.0, 1.0), None);
    }
}
