//! A dense Cholesky solve for the small symmetric positive definite systems
//! of least squares and Newton steps (`d + 1` unknowns, d ≈ 2–15), so the
//! fast engines need no linear-algebra crate beyond ndarray.

use super::error::{MlError, Result};

/// Solves `a · x = b` for symmetric positive definite `a` (`m × m`,
/// row-major; only the lower triangle is read). A pivot below `1e-12`
/// times the largest diagonal entry means the columns are (nearly)
/// dependent: [`MlError::Singular`].
pub fn solve(a: &[f64], b: &[f64]) -> Result<Vec<f64>> {
    let m = b.len();
    assert_eq!(a.len(), m * m, "matrix and right-hand side sizes differ");
    let scale = (0..m).map(|i| a[i * m + i].abs()).fold(0.0, f64::max);
    let mut l = vec![0.0; m * m];
    for i in 0..m {
        for j in 0..=i {
            let mut s = a[i * m + j];
            for p in 0..j {
                s -= l[i * m + p] * l[j * m + p];
            }
            if i == j {
                if s <= 1e-12 * scale || !s.is_finite() {
                    return Err(MlError::Singular);
                }
                l[i * m + i] = s.sqrt();
            } else {
                l[i * m + j] = s / l[j * m + j];
            }
        }
    }
    let mut y = vec![0.0; m];
    for i in 0..m {
        let s: f64 = (0..i).map(|p| l[i * m + p] * y[p]).sum();
        y[i] = (b[i] - s) / l[i * m + i];
    }
    let mut x = vec![0.0; m];
    for i in (0..m).rev() {
        let s: f64 = ((i + 1)..m).map(|p| l[p * m + i] * x[p]).sum();
        x[i] = (y[i] - s) / l[i * m + i];
    }
    Ok(x)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn solves_a_small_spd_system() {
        let a = [4.0, 2.0, 0.6, 2.0, 5.0, 1.0, 0.6, 1.0, 3.0];
        let x = [1.0, -2.0, 0.5];
        let b: Vec<f64> = (0..3)
            .map(|i| (0..3).map(|j| a[i * 3 + j] * x[j]).sum())
            .collect();
        for (got, want) in solve(&a, &b).unwrap().iter().zip(x) {
            assert!((got - want).abs() < 1e-12);
        }
    }

    #[test]
    fn dependent_columns_are_singular() {
        let a = [1.0, 2.0, 2.0, 4.0];
        assert_eq!(solve(&a, &[1.0, 2.0]), Err(MlError::Singular));
    }
}
