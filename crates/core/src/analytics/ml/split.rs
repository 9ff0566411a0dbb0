//! A seeded train/test split of row positions.

use rand::seq::SliceRandom;
use rand::SeedableRng;
use rand_xoshiro::Xoshiro256Plus;
use serde::{Deserialize, Serialize};

use super::error::{MlError, Result};

/// Which rows train the model and which test it (positions, ascending).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Split {
    /// Rows the model is fitted on.
    pub train: Vec<usize>,
    /// Rows it is scored on.
    pub test: Vec<usize>,
}

/// Shuffles `0..n` with `seed` and puts `round(n · test_fraction)` rows
/// (at least 1) in the test part. `test_fraction` must be in 0.01..=0.9,
/// and both parts need at least two rows.
pub fn train_test_split(n: usize, test_fraction: f64, seed: u64) -> Result<Split> {
    if !(0.01..=0.9).contains(&test_fraction) {
        return Err(MlError::BadTestFraction(test_fraction));
    }
    let n_test = ((n as f64 * test_fraction).round() as usize).max(1);
    if n < 4 || n - n_test < 2 || n_test < 2 {
        return Err(MlError::TooFewRows {
            rows: n,
            needed: crate::i18n::analysis_errors::needed_split().into(),
        });
    }
    let mut rows: Vec<usize> = (0..n).collect();
    rows.shuffle(&mut Xoshiro256Plus::seed_from_u64(seed));
    let mut test = rows[..n_test].to_vec();
    let mut train = rows[n_test..].to_vec();
    test.sort_unstable();
    train.sort_unstable();
    Ok(Split { train, test })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_same_seed_gives_the_same_split_and_the_parts_cover_every_row_once() {
        let a = train_test_split(100, 0.25, 9).unwrap();
        assert_eq!(a, train_test_split(100, 0.25, 9).unwrap());
        assert_ne!(a, train_test_split(100, 0.25, 10).unwrap());
        assert_eq!(a.test.len(), 25);
        let mut all = [a.train, a.test].concat();
        all.sort_unstable();
        assert_eq!(all, (0..100).collect::<Vec<_>>());
    }

    #[test]
    fn test_fraction_outside_the_range_is_refused() {
        assert_eq!(
            train_test_split(100, 0.0, 1),
            Err(MlError::BadTestFraction(0.0))
        );
    }
}
