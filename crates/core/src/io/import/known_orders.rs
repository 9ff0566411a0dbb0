//! Re-importing an orders file: the orders already stored, counted by what
//! makes two orders the same one — customer, date, amount (to the cent) and
//! external id (the order number, or none) — so an [`OrdersImport`] skips
//! the rows it has stored before and says so.
//!
//! The stored orders are a multiset: a file that really holds two identical
//! purchases (same customer, day and amount, no order number, as a purchase
//! log can) skips both only when both are stored, and imports the second
//! when only one is.
//!
//! [`OrdersImport`]: super::OrdersImport

use std::collections::HashMap;

use time::Date;

use crate::model::{Id, Order, Record};

/// What makes an imported order the same as a stored one.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub(super) struct OrderKey {
    customer: Id,
    date: Date,
    cents: i64,
    external_id: Option<String>,
}

impl OrderKey {
    /// The key of `order`. A total that is not a finite number (which
    /// validation refuses) gets a key no finite total has.
    pub(super) fn of(order: &Order) -> OrderKey {
        let cents = if order.total.is_finite() {
            // Saturates far beyond any real amount.
            (order.total * 100.0).round() as i64
        } else {
            i64::MIN
        };
        OrderKey {
            customer: order.customer_id,
            date: order.date,
            cents,
            external_id: order
                .external_id
                .as_deref()
                .map(str::trim)
                .filter(|e| !e.is_empty())
                .map(str::to_string),
        }
    }
}

/// The live stored orders by key, with how many of each are not yet
/// matched by an order of the file.
#[derive(Debug, Clone, Default)]
pub(super) struct KnownOrders {
    unmatched: HashMap<OrderKey, usize>,
}

impl KnownOrders {
    /// Counts the live orders of `stored` (trashed ones do not count: a
    /// reverted import can be imported again).
    pub(super) fn new(stored: &[Order]) -> KnownOrders {
        let mut unmatched = HashMap::with_capacity(stored.len());
        for order in stored.iter().filter(|o| !o.is_deleted()) {
            *unmatched.entry(OrderKey::of(order)).or_insert(0) += 1;
        }
        KnownOrders { unmatched }
    }

    /// Whether no order is stored.
    pub(super) fn is_empty(&self) -> bool {
        self.unmatched.is_empty()
    }

    /// Matches one stored order with this key, if one is left.
    pub(super) fn claim(&mut self, key: &OrderKey) -> bool {
        match self.unmatched.get_mut(key) {
            Some(n) if *n > 0 => {
                *n -= 1;
                true
            }
            _ => false,
        }
    }

    /// Gives back a match (the file's order changed, e.g. gained a line).
    pub(super) fn release(&mut self, key: OrderKey) {
        *self.unmatched.entry(key).or_insert(0) += 1;
    }
}

/// The warning line for `n` orders of a file already stored; `None` for 0.
pub(super) fn already_stored_warning(n: usize) -> Option<String> {
    use crate::i18n::import_report as rt;
    match n {
        0 => None,
        1 => Some(rt::already_imported_one().to_string()),
        n => Some(rt::already_imported(n)),
    }
}

#[cfg(test)]
mod tests {
    use super::super::{auto_map_orders, OrderOptions, OrdersImport, SourceRow};
    use super::*;
    use crate::io::import::EXTERNAL_ID_FIELD;
    use crate::model::{CustomValue, Customer, LineItem, OrderStatus, Uuid};
    use time::macros::date;

    const NOW: i64 = 1_750_000_000_000;

    fn ann() -> Customer {
        let mut c = Customer::new(Uuid::from_u128(1), NOW);
        c.custom_fields
            .insert(EXTERNAL_ID_FIELD.into(), CustomValue::Text("A1".into()));
        c
    }

    fn stored(n: u128, day: Date, amount: f64, external_id: Option<&str>) -> Order {
        let mut o = Order::new(
            Uuid::from_u128(100 + n),
            NOW,
            Uuid::from_u128(1),
            day,
            OrderStatus::Order,
            vec![LineItem::new("Purchase", 1.0, amount)],
            "USD",
        );
        o.external_id = external_id.map(str::to_string);
        o
    }

    /// Imports `lines` (customer, date, amount[, order number]) against
    /// Ann and the `stored` orders.
    fn import(header: &[&str], lines: &[&[&str]], stored: &[Order]) -> OrdersImport {
        let header: Vec<String> = header.iter().map(|s| s.to_string()).collect();
        let mapping = auto_map_orders(Some(&header), header.len());
        let mut job = OrdersImport::new(
            Some(header),
            mapping,
            &[ann()],
            OrderOptions::default(),
            NOW,
        )
        .unwrap()
        .with_seed(7)
        .with_stored_orders(stored);
        job.add_rows(
            lines
                .iter()
                .enumerate()
                .map(|(i, cells)| SourceRow {
                    line: i + 2,
                    cells: cells.iter().map(|s| s.to_string()).collect(),
                    damage: None,
                })
                .collect(),
        );
        job
    }

    const LOG: [&str; 3] = ["customer_id", "date", "amount"];

    #[test]
    fn a_purchase_made_twice_is_skipped_only_as_often_as_it_is_stored() {
        let twice: &[&[&str]] = &[&["A1", "19970101", "11.77"], &["A1", "19970101", "11.77"]];
        let once = [stored(1, date!(1997 - 01 - 01), 11.77, None)];
        let job = import(&LOG, twice, &once);
        let counts = job.summary();
        assert_eq!((counts.created, counts.duplicates), (1, 1));
        assert_eq!(job.preview(5).len(), 1);
        assert!(job
            .duplicate_warning()
            .unwrap()
            .starts_with("1 order is already in Rapport"));
        let (changes, batch) = job.into_change_set("Import", "log").unwrap();
        assert_eq!(batch.created.len(), 1, "one order, no new customer");
        assert_eq!(changes.ops.len(), 2, "the order and the batch");
    }

    #[test]
    fn another_day_amount_customer_or_order_number_is_a_new_order() {
        let stored_orders = [stored(1, date!(1997 - 01 - 01), 11.77, Some("INV-1"))];
        let lines: &[&[&str]] = &[
            &["A1", "1997-01-01", "11.77", "INV-1"],
            &["A1", "1997-01-02", "11.77", "INV-1b"],
            &["A1", "1997-01-01", "11.78", "INV-1c"],
            &["B2", "1997-01-01", "11.77", "INV-1d"],
            &["A1", "1997-01-01", "11.77", "INV-2"],
        ];
        let job = import(
            &["customer_id", "date", "amount", "order_id"],
            lines,
            &stored_orders,
        );
        assert_eq!((job.summary().created, job.summary().duplicates), (4, 1));
    }

    #[test]
    fn an_order_of_several_lines_is_compared_by_its_whole_total() {
        let header = ["customer_id", "date", "amount", "invoice"];
        let lines: &[&[&str]] = &[
            &["A1", "2024-01-05", "10.00", "7"],
            &["A1", "2024-01-05", "5.50", "7"],
        ];
        let whole = [stored(1, date!(2024 - 01 - 05), 15.5, Some("7"))];
        assert_eq!(import(&header, lines, &whole).summary().duplicates, 1);
        let first_line_only = [stored(1, date!(2024 - 01 - 05), 10.0, Some("7"))];
        let job = import(&header, lines, &first_line_only);
        assert_eq!(
            (job.summary().created, job.summary().duplicates),
            (1, 0),
            "the match of its first line is given back when the second arrives"
        );
    }

    #[test]
    fn trashed_orders_do_not_count_so_a_reverted_import_can_be_redone() {
        let mut gone = stored(1, date!(1997 - 01 - 01), 11.77, None);
        gone.meta.soft_delete(NOW + 1);
        let job = import(&LOG, &[&["A1", "19970101", "11.77"]], &[gone]);
        assert_eq!((job.summary().created, job.summary().duplicates), (1, 0));
        assert_eq!(job.duplicate_warning(), None);
    }
}
