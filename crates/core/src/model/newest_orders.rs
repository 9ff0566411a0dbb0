//! The Orders page's first screen: the newest live orders, newest first,
//! and how many live orders there are in all. The browser store keeps one
//! [`NewestOrders`] next to the collection's generation (a cache, like the
//! tally sums), so a visit shows its first pages from one small value
//! instead of decoding ≈ 400,000 orders first; the whole list, which the
//! filters, the search and the later pages need, is read behind it.

use serde::{Deserialize, Serialize};
use std::cmp::Reverse;

use super::{Order, Record};

/// How many of the newest orders are kept: ten pages of the list.
pub const NEWEST_KEPT: usize = 500;

/// Sorts orders as the Orders page lists them: newest order date first,
/// then the most recently created, then by id (so the order is total).
/// Sorts by key then one permutation, so whole orders are moved only once.
pub fn newest_first(orders: &mut [Order]) {
    orders.sort_by_cached_key(|o| (Reverse(o.date), Reverse(o.meta.created_at), o.meta.id));
}

/// The newest live orders and the number of live orders.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct NewestOrders {
    /// How many live (not trashed) orders there are.
    pub live: usize,
    /// The first [`NEWEST_KEPT`] (or fewer) of them, newest first.
    pub orders: Vec<Order>,
}

impl NewestOrders {
    /// From live orders already sorted by [`newest_first`].
    pub fn of_sorted(live: &[Order]) -> Self {
        Self {
            live: live.len(),
            orders: live[..live.len().min(NEWEST_KEPT)].to_vec(),
        }
    }

    /// From any orders, trashed ones included (left out here).
    pub fn of(orders: Vec<Order>) -> Self {
        let mut live: Vec<Order> = orders.into_iter().filter(|o| !o.is_deleted()).collect();
        newest_first(&mut live);
        Self::of_sorted(&live)
    }

    /// Whether every live order is here.
    pub fn is_complete(&self) -> bool {
        self.orders.len() == self.live
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::demo::{generate, DemoConfig};
    use crate::model::Timestamp;

    fn demo_orders(customers: usize) -> Vec<Order> {
        generate(DemoConfig { seed: 7, customers }, 1_750_000_000_000).orders
    }

    #[test]
    fn the_newest_are_the_first_of_the_whole_list_sorted() {
        let mut orders = demo_orders(300);
        for (i, o) in orders.iter_mut().enumerate().filter(|(i, _)| i % 7 == 0) {
            o.meta.deleted_at = Some(i as Timestamp + 1);
        }
        let deleted = orders.iter().filter(|o| o.is_deleted()).count();
        assert!(orders.len() - deleted > NEWEST_KEPT, "enough to cut");
        let newest = NewestOrders::of(orders.clone());
        assert_eq!(newest.live, orders.len() - deleted);
        assert_eq!(newest.orders.len(), NEWEST_KEPT);
        assert!(!newest.is_complete());
        // Against a plain comparison sort of the live orders.
        let mut expected: Vec<Order> = orders.into_iter().filter(|o| !o.is_deleted()).collect();
        expected.sort_by(|a, b| {
            b.date
                .cmp(&a.date)
                .then(b.meta.created_at.cmp(&a.meta.created_at))
                .then(a.meta.id.cmp(&b.meta.id))
        });
        assert_eq!(newest.orders, expected[..NEWEST_KEPT]);
    }

    #[test]
    fn a_small_store_is_kept_whole_and_survives_json() {
        let newest = NewestOrders::of(demo_orders(5));
        assert!(newest.is_complete());
        assert!(newest.live > 0);
        let text = serde_json::to_string(&newest).unwrap();
        assert_eq!(serde_json::from_str::<NewestOrders>(&text).unwrap(), newest);
        assert_eq!(NewestOrders::of(Vec::new()), NewestOrders::default());
    }
}
