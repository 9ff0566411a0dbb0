//! Monthly sentiment trend: scored items (a timestamp and a compound score)
//! grouped by UTC calendar month, for the trend charts.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::POLARITY_THRESHOLD;
use crate::model::{date_of, Timestamp};

/// One month of a sentiment trend.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct MonthPoint {
    /// (year, month 1–12), UTC.
    pub month: (i32, u8),
    /// Mean compound score of the month's items.
    pub mean: f64,
    /// How many items the month has.
    pub count: usize,
    /// How many of them are negative (compound ≤ −0.05).
    pub negative: usize,
}

/// Group `(timestamp, compound)` items by UTC month: per month the mean,
/// the count and the number of negative items, sorted by month. Months with
/// no items are absent; items whose score is not finite are skipped.
///
/// ```
/// use rapport_core::sentiment::monthly_trend;
/// let jan = 1_704_067_200_000; // 2024-01-01T00:00Z
/// let feb = 1_706_745_600_000; // 2024-02-01T00:00Z
/// let t = monthly_trend([(feb, 0.5), (jan, -0.6), (jan, 0.2)]);
/// assert_eq!(t.len(), 2);
/// assert_eq!((t[0].month, t[0].count, t[0].negative), ((2024, 1), 2, 1));
/// assert!((t[0].mean + 0.2).abs() < 1e-12);
/// assert_eq!(t[1].month, (2024, 2));
/// ```
pub fn monthly_trend(items: impl IntoIterator<Item = (Timestamp, f64)>) -> Vec<MonthPoint> {
    // (sum, count, negative) per month.
    let mut months: BTreeMap<(i32, u8), (f64, usize, usize)> = BTreeMap::new();
    for (ts, compound) in items {
        if !compound.is_finite() {
            continue;
        }
        let date = date_of(ts);
        let entry = months
            .entry((date.year(), u8::from(date.month())))
            .or_default();
        entry.0 += compound;
        entry.1 += 1;
        entry.2 += usize::from(compound <= -POLARITY_THRESHOLD);
    }
    months
        .into_iter()
        .map(|(month, (sum, count, negative))| MonthPoint {
            month,
            mean: sum / count as f64,
            count,
            negative,
        })
        .collect()
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn months_are_sorted_and_counted() {
        let day = 86_400_000;
        let dec_2023 = 1_701_388_800_000; // 2023-12-01
        let items = vec![
            (dec_2023 + 40 * day, 0.1), // 2024-01-10
            (dec_2023, -0.5),
            (dec_2023 + 30 * day, -0.05), // 2023-12-31, negative at the threshold
            (dec_2023 + 5 * day, f64::NAN),
        ];
        let t = monthly_trend(items);
        assert_eq!(t.len(), 2);
        assert_eq!(t[0].month, (2023, 12));
        assert_eq!((t[0].count, t[0].negative), (2, 2));
        assert!((t[0].mean + 0.275).abs() < 1e-12);
        assert_eq!((t[1].month, t[1].count, t[1].negative), ((2024, 1), 1, 0));
    }

    #[test]
    fn empty_input_gives_no_months() {
        assert!(monthly_trend(std::iter::empty()).is_empty());
    }

    proptest! {
        #[test]
        fn any_timestamps_never_panic_and_counts_add_up(
            items in proptest::collection::vec((any::<i64>(), -1.0f64..=1.0), 0..50)
        ) {
            let n = items.len();
            let t = monthly_trend(items);
            prop_assert_eq!(t.iter().map(|p| p.count).sum::<usize>(), n);
            prop_assert!(t.windows(2).all(|w| w[0].month < w[1].month));
            prop_assert!(t.iter().all(|p| (-1.0..=1.0).contains(&p.mean)));
        }
    }
}
