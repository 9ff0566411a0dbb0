//! RFM: recency, frequency and monetary scores 1–5 for every customer with
//! purchases, the named [`Segment`] of each, and the R × F heatmap.
//!
//! As of a date (by default the newest purchase's date), over the purchases
//! dated on or before it (see [`super::is_purchase`]):
//!
//! - recency: whole days from the customer's latest purchase to `as_of`;
//! - frequency: the number of purchases;
//! - monetary: the spend in the customer's main currency (the currency they
//!   spent most in). Amounts in different currencies are not convertible
//!   here, so summing them would be meaningless; for a single-currency book
//!   this is simply the total spend. It is rounded to cents, so equal
//!   spends tie exactly whatever order their orders were added in.
//!
//! Each score is the quintile of the customer's rank, exactly as pandas'
//! `pd.qcut(x.rank(method="first"), 5, labels=[1, 2, 3, 4, 5])`: with n
//! customers and rank r (1 = smallest), the score is the smallest k with
//! `r - 1 <= (n - 1)·k/5` (at least 1). The recency score is reversed (the
//! most recent customers score 5): recency is ranked ascending and scored
//! `6 - k`. **Ties** are ranked by position, as `method="first"` does, and
//! the position order is the customers sorted by id (`Uuid` order, the same
//! as their lowercase hyphenated strings sorted). A customer alone in the
//! book scores R 5, F 1, M 1.

use serde::{Deserialize, Serialize};
use time::Date;

use super::summary::spend_by_currency;
use super::{purchases_by_customer, Segment};
use crate::model::{Id, Order};

/// One customer's RFM figures and scores.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RfmScore {
    /// The customer.
    pub customer_id: Id,
    /// Days from the latest purchase to `as_of`.
    pub recency_days: i64,
    /// Number of purchases up to `as_of`.
    pub frequency: usize,
    /// Spend in the customer's main currency up to `as_of`, rounded to cents.
    pub monetary: f64,
    /// Recency score, 1–5 (5 = most recent).
    pub r: u8,
    /// Frequency score, 1–5.
    pub f: u8,
    /// Monetary score, 1–5.
    pub m: u8,
    /// The segment of (r, f).
    pub segment: Segment,
}

/// One cell of the R × F heatmap.
#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize, Deserialize)]
pub struct HeatCell {
    /// Customers with this (R, F).
    pub customers: usize,
    /// Their summed monetary value.
    pub revenue: f64,
}

/// RFM for a whole book.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RfmTable {
    /// The date recency is measured to.
    pub as_of: Option<Date>,
    /// Every customer with a purchase up to `as_of`, sorted by id.
    pub customers: Vec<RfmScore>,
    /// `heatmap[r - 1][f - 1]`: customers and revenue per (R, F) cell.
    pub heatmap: [[HeatCell; 5]; 5],
}

impl RfmTable {
    /// The customers of one segment, in id order.
    pub fn in_segment(&self, segment: Segment) -> impl Iterator<Item = &RfmScore> {
        self.customers.iter().filter(move |c| c.segment == segment)
    }

    /// How many customers each segment has, in [`Segment::all`] order.
    pub fn segment_counts(&self) -> Vec<(Segment, usize)> {
        Segment::all()
            .iter()
            .map(|&s| (s, self.in_segment(s).count()))
            .collect()
    }
}

/// RFM of every customer with a purchase on or before `as_of` (default: the
/// newest purchase's date). An empty book gives an empty table with
/// `as_of: None` when no date was given.
pub fn rfm(orders: &[Order], as_of: Option<Date>) -> RfmTable {
    let sorted = purchases_by_customer(orders);
    let as_of = as_of.or_else(|| sorted.iter().map(|o| o.date).max());
    let Some(day) = as_of else {
        return RfmTable {
            as_of,
            customers: Vec::new(),
            heatmap: Default::default(),
        };
    };
    let mut customers: Vec<RfmScore> = Vec::new();
    for run in sorted.chunk_by(|a, b| a.customer_id == b.customer_id) {
        let end = run.partition_point(|o| o.date <= day);
        let run = &run[..end];
        let Some(last) = run.last() else { continue };
        customers.push(RfmScore {
            customer_id: last.customer_id,
            recency_days: (day - last.date).whole_days(),
            frequency: run.len(),
            monetary: (spend_by_currency(run)[0].1 * 100.0).round() / 100.0,
            r: 0,
            f: 0,
            m: 0,
            segment: Segment::Lost,
        });
    }
    let n = customers.len();
    let recency: Vec<u8> = quintiles(n, |a, b| {
        customers[a].recency_days.cmp(&customers[b].recency_days)
    });
    let frequency = quintiles(n, |a, b| {
        customers[a].frequency.cmp(&customers[b].frequency)
    });
    let monetary = quintiles(n, |a, b| {
        customers[a].monetary.total_cmp(&customers[b].monetary)
    });
    let mut heatmap = [[HeatCell::default(); 5]; 5];
    for (i, c) in customers.iter_mut().enumerate() {
        c.r = 6 - recency[i];
        c.f = frequency[i];
        c.m = monetary[i];
        c.segment = Segment::from_scores(c.r, c.f);
        let cell = &mut heatmap[usize::from(c.r - 1)][usize::from(c.f - 1)];
        cell.customers += 1;
        cell.revenue += c.monetary;
    }
    RfmTable {
        as_of,
        customers,
        heatmap,
    }
}

/// The quintile (1–5) of each of `n` items ranked ascending by `cmp`, ties
/// by position (pandas `qcut(rank(method="first"), 5)`).
fn quintiles(n: usize, cmp: impl Fn(usize, usize) -> std::cmp::Ordering) -> Vec<u8> {
    let mut order: Vec<usize> = (0..n).collect();
    // Stable: equal values keep their position order.
    order.sort_by(|&a, &b| cmp(a, b));
    let mut out = vec![1u8; n];
    for (rank0, &i) in order.iter().enumerate() {
        out[i] = quintile_of_rank(rank0, n);
    }
    out
}

/// The qcut bin (1–5) of the 0-based rank `rank0` among `n`: the smallest
/// k ≥ 1 with `5·rank0 <= (n - 1)·k`, in integers so that ranks on a bin
/// edge fall where pandas puts them (the right-closed bin below the edge).
pub fn quintile_of_rank(rank0: usize, n: usize) -> u8 {
    if n <= 1 {
        return 1;
    }
    let (num, den) = (5 * rank0 as u64, n as u64 - 1);
    num.div_ceil(den).clamp(1, 5) as u8
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{LineItem, OrderStatus, Uuid};
    use time::macros::date;

    fn order(who: u128, d: Date, amount: f64) -> Order {
        Order::new_v4(
            0,
            Uuid::from_u128(who),
            d,
            OrderStatus::Order,
            vec![LineItem::new("Tea", 1.0, amount)],
            "EUR",
        )
    }

    #[test]
    fn ranks_on_a_bin_edge_fall_in_the_bin_below_as_pandas_qcut() {
        // n = 11: edges at ranks 1, 3, 5, 7, 9, 11 (1-based).
        let bins: Vec<u8> = (0..11).map(|r| quintile_of_rank(r, 11)).collect();
        assert_eq!(bins, [1, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5]);
        assert_eq!(quintile_of_rank(0, 1), 1);
        assert_eq!(
            (0..3).map(|r| quintile_of_rank(r, 3)).collect::<Vec<_>>(),
            [1, 3, 5]
        );
    }

    #[test]
    fn as_of_defaults_to_the_newest_purchase_and_later_orders_are_left_out() {
        let orders = [
            order(1, date!(2024 - 01 - 01), 10.0),
            order(1, date!(2024 - 02 - 01), 10.0),
            order(2, date!(2024 - 03 - 01), 99.0),
        ];
        let t = rfm(&orders, None);
        assert_eq!(t.as_of, Some(date!(2024 - 03 - 01)));
        assert_eq!(t.customers[0].recency_days, 29);
        let early = rfm(&orders, Some(date!(2024 - 01 - 15)));
        assert_eq!(early.customers.len(), 1);
        assert_eq!(
            (
                early.customers[0].frequency,
                early.customers[0].recency_days
            ),
            (1, 14)
        );
    }

    #[test]
    fn ties_are_ranked_by_customer_id_and_the_most_recent_scores_five() {
        let d = date!(2024 - 01 - 01);
        let orders: Vec<Order> = (1..=5).rev().map(|i| order(i, d, 10.0)).collect();
        let t = rfm(&orders, None);
        let ids: Vec<u128> = t
            .customers
            .iter()
            .map(|c| c.customer_id.as_u128())
            .collect();
        assert_eq!(ids, [1, 2, 3, 4, 5]);
        let r: Vec<u8> = t.customers.iter().map(|c| c.r).collect();
        let f: Vec<u8> = t.customers.iter().map(|c| c.f).collect();
        assert_eq!((r, f), (vec![5, 4, 3, 2, 1], vec![1, 2, 3, 4, 5]));
    }

    #[test]
    fn the_heatmap_counts_every_customer_once_with_its_revenue() {
        let orders: Vec<Order> = (1..=40)
            .flat_map(|i| {
                (0..(i % 7 + 1)).map(move |k| {
                    order(
                        i,
                        date!(2024 - 01 - 01) + time::Duration::days((i + k) as i64),
                        5.0,
                    )
                })
            })
            .collect();
        let t = rfm(&orders, None);
        let cells = t.heatmap.iter().flatten();
        assert_eq!(cells.clone().map(|c| c.customers).sum::<usize>(), 40);
        let revenue: f64 = cells.map(|c| c.revenue).sum();
        let total: f64 = t.customers.iter().map(|c| c.monetary).sum();
        assert!((revenue - total).abs() < 1e-9);
        assert_eq!(t.segment_counts().iter().map(|c| c.1).sum::<usize>(), 40);
    }

    #[test]
    fn an_empty_book_gives_an_empty_table() {
        let t = rfm(&[], None);
        assert!(t.customers.is_empty() && t.as_of.is_none());
    }
}
