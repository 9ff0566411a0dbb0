//! Seeded synthetic data for the benchmarks and the large tests (not used
//! by the app; public only so `benches/` can reach it): customers with 8
//! numeric features in 5 latent segments, like the reference timings in
//! `REFERENCE.md`, and model records for the feature-table build.

use ndarray::Array2;
use rand::{Rng, SeedableRng};
use rand_xoshiro::Xoshiro256Plus;

use crate::model::{
    Customer, Deal, Education, LifecycleStage, LineItem, Order, OrderStatus, Priority, Ticket,
    Timestamp, Uuid, DAY_MS,
};

/// A standard normal draw (Box–Muller).
fn normal(rng: &mut impl Rng) -> f64 {
    let u: f64 = rng.gen_range(f64::EPSILON..1.0);
    let v: f64 = rng.gen();
    (-2.0 * u.ln()).sqrt() * (std::f64::consts::TAU * v).cos()
}

/// `n × d` points around `k` random centres (unit spread, centres 4 apart
/// on average), a numeric target linear in the features plus noise, and a
/// yes/no target drawn from a logistic model of the first three features.
pub fn blobs(n: usize, d: usize, k: usize, seed: u64) -> (Array2<f64>, Vec<f64>, Vec<bool>) {
    let mut rng = Xoshiro256Plus::seed_from_u64(seed);
    let centres: Vec<f64> = (0..k * d).map(|_| rng.gen_range(-4.0..4.0)).collect();
    let mut x = Array2::zeros((n, d));
    let mut y = Vec::with_capacity(n);
    let mut yes = Vec::with_capacity(n);
    for i in 0..n {
        let c = rng.gen_range(0..k);
        for j in 0..d {
            x[(i, j)] = centres[c * d + j] + normal(&mut rng);
        }
        let lin: f64 = (0..d).map(|j| (j as f64 - 3.0) * x[(i, j)]).sum();
        y.push(lin + normal(&mut rng));
        let z = 0.8 * x[(i, 0)] - 0.5 * x[(i, 1 % d)] + 0.3 * x[(i, 2 % d)];
        yes.push(rng.gen::<f64>() < 1.0 / (1.0 + (-z).exp()));
    }
    (x, y, yes)
}

/// `n` customers with about 3 orders, 1.5 tickets and 0.3 deals each,
/// some income and age missing, created up to 5 years before `now`.
pub fn crm(
    n: usize,
    now: Timestamp,
    seed: u64,
) -> (Vec<Customer>, Vec<Order>, Vec<Ticket>, Vec<Deal>) {
    let mut rng = Xoshiro256Plus::seed_from_u64(seed);
    let today = crate::model::date_of(now);
    let (mut customers, mut orders, mut tickets, mut deals) = (vec![], vec![], vec![], vec![]);
    let mut next_id = n as u128;
    let mut id = || {
        next_id += 1;
        Uuid::from_u128(next_id)
    };
    for i in 0..n {
        let cid = Uuid::from_u128(i as u128);
        let mut c = Customer::new(cid, now - rng.gen_range(0..5 * 365) * DAY_MS);
        c.age = rng.gen_bool(0.8).then(|| rng.gen_range(18..80));
        c.annual_income = rng
            .gen_bool(0.7)
            .then(|| rng.gen_range(20_000.0..150_000.0));
        c.education = rng
            .gen_bool(0.6)
            .then(|| Education::ALL[rng.gen_range(0..6)]);
        c.lifecycle = LifecycleStage::ALL[rng.gen_range(0..6)];
        customers.push(c);
        for _ in 0..rng.gen_range(0..7) {
            let date = today - time::Duration::days(rng.gen_range(0..900));
            let line = LineItem::new("Plan", 1.0, rng.gen_range(10.0..900.0));
            orders.push(Order::new(
                id(),
                now,
                cid,
                date,
                OrderStatus::Order,
                vec![line],
                "EUR",
            ));
        }
        for _ in 0..rng.gen_range(0..4) {
            let mut t = Ticket::new(id(), now, cid, "Help", "", Priority::Normal);
            t.satisfaction = rng.gen_bool(0.5).then(|| rng.gen_range(1..=5));
            tickets.push(t);
        }
        if rng.gen_bool(0.3) {
            let stage = if rng.gen_bool(0.5) { "Won" } else { "Proposal" };
            deals.push(Deal::new(id(), now, cid, "Deal", stage, 1_000.0, 0.5));
        }
    }
    (customers, orders, tickets, deals)
}
