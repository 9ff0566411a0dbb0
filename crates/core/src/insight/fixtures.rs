//! Loading the committed insight fixtures (made by
//! `tests/fixtures/insight/make_reference.py`, see its docstring) for the
//! tests that compare against pandas, lifetimes, NumPy and NetworkX.

use std::collections::BTreeMap;
use std::path::PathBuf;

use crate::model::{LineItem, Order, OrderStatus, Uuid};

/// The text of a fixture file.
pub(crate) fn fixture(name: &str) -> String {
    let path: PathBuf = [env!("CARGO_MANIFEST_DIR"), "tests/fixtures/insight", name]
        .iter()
        .collect();
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("reading {}: {e}", path.display()))
}

/// `purchases.csv` as orders (every status, so the analyses must skip the
/// quotes and cancelled ones themselves), in the file's order.
pub(crate) fn purchase_orders() -> Vec<Order> {
    let text = fixture("purchases.csv");
    let mut reader = csv::Reader::from_reader(text.as_bytes());
    let mut orders: BTreeMap<u128, Order> = BTreeMap::new();
    for row in reader.records() {
        let row = row.expect("purchases.csv row");
        let number: u128 = row[0][1..].parse().expect("order number");
        let line = LineItem::new(
            &row[4],
            row[5].parse().expect("quantity"),
            row[6].parse().expect("unit price"),
        );
        let order = orders.entry(number).or_insert_with(|| {
            Order::new(
                Uuid::from_u128(1 << 64 | number),
                0,
                row[1].parse().expect("customer id"),
                crate::model::iso_date::parse(&row[2]).expect("date"),
                row[3].parse::<OrderStatus>().expect("status"),
                Vec::new(),
                "USD",
            )
        });
        order.line_items.push(line);
    }
    orders
        .into_values()
        .map(|mut o| {
            o.recompute_total();
            o
        })
        .collect()
}
