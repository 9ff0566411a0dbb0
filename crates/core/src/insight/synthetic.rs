//! Seeded synthetic purchase histories and relationship networks at the
//! issue's scale, for the benchmarks (the criterion bench
//! `benches/insight.rs` and the in-browser `tests/browser_bench`), so both
//! time the same data. Not used by the app; public only so benches reach it.
//!
//! The orders follow the processes the lifetime-value model supposes
//! (BG/NBD purchases, Gamma-Gamma spend): each customer arrives in the first
//! year, buys at their own rate (skewed: a few buy very often) and drops
//! out after each purchase with their own probability; 1–4 lines per order
//! from a catalogue with Zipf-like popularity, each customer with a
//! favourite range. 100,000 customers give about 1,000,000 lines.

use rand::{Rng, SeedableRng};
use rand_xoshiro::Xoshiro256PlusPlus;
use time::macros::date;

use crate::model::{LineItem, Order, OrderStatus, Relationship, RelationshipKind, Uuid};

/// Products in the catalogue.
pub const PRODUCTS: usize = 2_000;

/// The orders of customers `Uuid::from_u128(1..=customers)` over the three
/// years from 2022-01-01, in EUR (seeded: always the same).
pub fn orders(customers: u128) -> Vec<Order> {
    let mut rng = Xoshiro256PlusPlus::seed_from_u64(11);
    let start = date!(2022 - 01 - 01);
    let mut orders = Vec::new();
    for customer in 1..=customers {
        let who = Uuid::from_u128(customer);
        let range = (customer as usize * 7919) % PRODUCTS;
        let rate = 0.002 + 0.1 * rng.gen::<f64>().powi(3);
        let drop = rng.gen_range(0.03..0.5);
        // How much they spend per item varies between customers, as
        // Gamma-Gamma supposes.
        let price = 2.0 + 40.0 * rng.gen::<f64>().powi(2);
        let mut day = rng.gen_range(0..365i64);
        while day < 1095 {
            let n_lines = rng.gen_range(1..=4);
            let items = (0..n_lines)
                .map(|_| {
                    let p = if rng.gen_bool(0.6) {
                        (range + rng.gen_range(0..20)) % PRODUCTS
                    } else {
                        // Zipf-like popularity: low numbers far more often.
                        (rng.gen::<f64>().powi(3) * PRODUCTS as f64) as usize
                    };
                    LineItem::new(format!("Product {p}"), rng.gen_range(1..4) as f64, price)
                })
                .collect();
            orders.push(Order::new(
                Uuid::from_u128(1 << 64 | orders.len() as u128),
                0,
                who,
                start + time::Duration::days(day),
                OrderStatus::Order,
                items,
                "EUR",
            ));
            if rng.gen_bool(drop) {
                break;
            }
            let gap = -(1.0 - rng.gen::<f64>()).ln() / rate;
            day += 1 + gap.min(10_000.0) as i64;
        }
    }
    orders
}

/// `links` relationships among customers `Uuid::from_u128(1..=8_000)`,
/// preferential (a few hubs), seeded.
pub fn relationships(links: u128) -> Vec<Relationship> {
    let mut rng = Xoshiro256PlusPlus::seed_from_u64(12);
    (0..links)
        .map(|i| {
            let a = rng.gen_range(1..=8_000u128);
            let b = (rng.gen::<f64>().powi(2) * 8_000.0) as u128 + 1;
            let b = if a == b { b % 8_000 + 1 } else { b };
            Relationship::new(
                Uuid::from_u128(1 << 80 | i),
                0,
                Uuid::from_u128(a),
                Uuid::from_u128(b),
                RelationshipKind::ALL[i as usize % 4],
                0.5,
            )
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_generator_is_seeded_and_every_order_is_a_purchase() {
        let a = orders(200);
        let b = orders(200);
        assert_eq!(a, b);
        assert!(a.iter().all(crate::insight::is_purchase));
        let buyers: std::collections::HashSet<_> = a.iter().map(|o| o.customer_id).collect();
        assert_eq!(buyers.len(), 200);
        assert_eq!(relationships(50), relationships(50));
    }
}
