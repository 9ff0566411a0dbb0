//! Small sampling helpers over any `rand::Rng` (`rand_distr` is not a
//! dependency; these few distributions are all the generator needs).

use rand::Rng;

/// A standard normal draw (Box–Muller).
pub fn normal(rng: &mut impl Rng) -> f64 {
    let u1: f64 = rng.gen::<f64>().max(f64::MIN_POSITIVE);
    let u2: f64 = rng.gen();
    (-2.0 * u1.ln()).sqrt() * (std::f64::consts::TAU * u2).cos()
}

/// A log-normal draw with the given median and log-scale spread.
pub fn lognormal(rng: &mut impl Rng, median: f64, sigma: f64) -> f64 {
    median * (sigma * normal(rng)).exp()
}

/// An exponential draw with the given mean.
pub fn exponential(rng: &mut impl Rng, mean: f64) -> f64 {
    let u: f64 = rng.gen::<f64>().max(f64::MIN_POSITIVE);
    -mean * u.ln()
}

/// A Poisson draw (Knuth's method; normal approximation above 30).
pub fn poisson(rng: &mut impl Rng, lambda: f64) -> usize {
    if lambda <= 0.0 {
        return 0;
    }
    if lambda > 30.0 {
        return (lambda + lambda.sqrt() * normal(rng)).round().max(0.0) as usize;
    }
    let limit = (-lambda).exp();
    let mut k = 0;
    let mut p: f64 = rng.gen();
    while p > limit {
        k += 1;
        p *= rng.gen::<f64>();
    }
    k
}

/// True with probability `p`.
pub fn chance(rng: &mut impl Rng, p: f64) -> bool {
    rng.gen::<f64>() < p
}

/// A uniformly chosen element (the slice must not be empty).
pub fn pick<'a, T>(rng: &mut impl Rng, items: &'a [T]) -> &'a T {
    &items[rng.gen_range(0..items.len())]
}

/// An index drawn with probability proportional to `weights`.
pub fn weighted(rng: &mut impl Rng, weights: &[f64]) -> usize {
    let total: f64 = weights.iter().sum();
    let mut x = rng.gen::<f64>() * total;
    for (i, w) in weights.iter().enumerate() {
        if x < *w {
            return i;
        }
        x -= w;
    }
    weights.len() - 1
}

/// A string of `n` random decimal digits.
pub fn digits(rng: &mut impl Rng, n: usize) -> String {
    (0..n)
        .map(|_| char::from(b'0' + rng.gen_range(0..10u8)))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use rand::SeedableRng;
    use rand_xoshiro::Xoshiro256PlusPlus;

    #[test]
    fn poisson_and_normal_have_the_right_means() {
        let mut rng = Xoshiro256PlusPlus::seed_from_u64(1);
        let n = 20_000;
        let p: usize = (0..n).map(|_| poisson(&mut rng, 3.0)).sum();
        assert!((p as f64 / n as f64 - 3.0).abs() < 0.1);
        let m: f64 = (0..n).map(|_| normal(&mut rng)).sum::<f64>() / n as f64;
        assert!(m.abs() < 0.05);
    }

    #[test]
    fn weighted_never_picks_a_zero_weight() {
        let mut rng = Xoshiro256PlusPlus::seed_from_u64(2);
        for _ in 0..1_000 {
            assert_ne!(weighted(&mut rng, &[1.0, 0.0, 2.0]), 1);
        }
    }
}
