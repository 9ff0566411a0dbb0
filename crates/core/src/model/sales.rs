//! Orders: quotes, orders and contracts with their line items. Deals and the
//! pipeline live in [`super::deal`].

use serde::{Deserialize, Serialize};
use time::Date;

use super::{
    check_non_negative, impl_record, iso_date, labelled_enum, require, FieldErrorKind, Id, Meta,
    Timestamp, TransitionError, ValidationErrors,
};

labelled_enum! {
    /// Where an order stands.
    pub enum OrderStatus ("order status") {
        /// Offered, not yet accepted.
        Quote => "Quote" (order_quote) | "quotation" | "estimate",
        /// Accepted and to be (or being) delivered.
        Order => "Order" (order_order) | "sale" | "invoice",
        /// A recurring or framework agreement.
        Contract => "Contract" (order_contract) | "subscription",
        /// Called off.
        Cancelled => "Cancelled" (order_cancelled) | "canceled" | "void",
    }
}

impl OrderStatus {
    /// Whether the order counts as revenue (order or contract).
    pub fn is_revenue(self) -> bool {
        matches!(self, OrderStatus::Order | OrderStatus::Contract)
    }
}

/// One line of an order.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct LineItem {
    /// Product name.
    pub product: String,
    /// How many (may be fractional, e.g. hours).
    pub quantity: f64,
    /// Price per unit.
    pub unit_price: f64,
}

impl LineItem {
    /// A new line.
    pub fn new(product: impl Into<String>, quantity: f64, unit_price: f64) -> Self {
        LineItem {
            product: product.into(),
            quantity,
            unit_price,
        }
    }

    /// `quantity × unit_price`.
    pub fn amount(&self) -> f64 {
        self.quantity * self.unit_price
    }

    /// What is wrong with this line, under the fields `product`, `quantity`
    /// and `unit_price`, for a form to show next to the line's inputs
    /// ([`Order`]'s validation reports the same under `line_items`).
    pub fn problems(&self) -> ValidationErrors {
        let mut errors = ValidationErrors::default();
        require(&mut errors, "product", &self.product);
        if !self.quantity.is_finite() {
            errors.push("quantity", FieldErrorKind::NotANumber);
        } else if self.quantity <= 0.0 {
            errors.push(
                "quantity",
                FieldErrorKind::Inconsistent("must be more than zero"),
            );
        }
        check_non_negative(&mut errors, "unit_price", self.unit_price);
        errors
    }
}

/// A quote, order or contract.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Order {
    /// Id, timestamps, version, trash mark.
    #[serde(flatten)]
    pub meta: Meta,
    /// The buyer.
    pub customer_id: Id,
    /// Order date.
    #[serde(with = "iso_date")]
    pub date: Date,
    /// Quote, order, contract or cancelled.
    pub status: OrderStatus,
    /// What was ordered (at least one line).
    pub line_items: Vec<LineItem>,
    /// ISO 4217 code, e.g. `"USD"`.
    pub currency: String,
    /// Sum of the line items, rounded to cents; kept in sync by
    /// [`Order::recompute_total`].
    pub total: f64,
    /// The id in the system the order was imported from.
    #[serde(default)]
    pub external_id: Option<String>,
}

impl_record!(Order, "orders");

/// Largest difference between a stored and a computed total that still counts
/// as equal.
const TOTAL_TOLERANCE: f64 = 0.005;

impl Order {
    /// A new order; the total is computed from `line_items`.
    pub fn new(
        id: Id,
        now: Timestamp,
        customer_id: Id,
        date: Date,
        status: OrderStatus,
        line_items: Vec<LineItem>,
        currency: impl Into<String>,
    ) -> Self {
        let mut order = Order {
            meta: Meta::new(id, now),
            customer_id,
            date,
            status,
            line_items,
            currency: currency.into(),
            total: 0.0,
            external_id: None,
        };
        order.recompute_total();
        order
    }

    /// [`Order::new`] with a random v4 id.
    pub fn new_v4(
        now: Timestamp,
        customer_id: Id,
        date: Date,
        status: OrderStatus,
        line_items: Vec<LineItem>,
        currency: impl Into<String>,
    ) -> Self {
        let id = uuid::Uuid::new_v4();
        Order::new(id, now, customer_id, date, status, line_items, currency)
    }

    /// The sum of the line items, rounded to cents.
    pub fn total(&self) -> f64 {
        let sum: f64 = self.line_items.iter().map(LineItem::amount).sum();
        (sum * 100.0).round() / 100.0
    }

    /// Sets the stored `total` from the line items.
    pub fn recompute_total(&mut self) {
        self.total = self.total();
    }

    /// Turns an accepted quote into an order at `now`.
    pub fn convert_quote_to_order(&mut self, now: Timestamp) -> Result<(), TransitionError> {
        if self.status != OrderStatus::Quote {
            return Err(TransitionError {
                what: "order status",
                from: self.status.label().to_string(),
                to: OrderStatus::Order.label().to_string(),
            });
        }
        self.status = OrderStatus::Order;
        self.meta.touch(now);
        Ok(())
    }

    fn check(&self, errors: &mut ValidationErrors) {
        if self.line_items.is_empty() {
            errors.push("line_items", FieldErrorKind::Required);
        }
        for item in &self.line_items {
            for problem in item.problems() {
                errors.push("line_items", problem.kind);
            }
        }
        if !is_currency_code(&self.currency) {
            errors.push(
                "currency",
                FieldErrorKind::InvalidCurrency(self.currency.clone()),
            );
        }
        let computed = self.total();
        if !self.total.is_finite() {
            errors.push("total", FieldErrorKind::NotANumber);
        } else if (self.total - computed).abs() > TOTAL_TOLERANCE {
            errors.push(
                "total",
                FieldErrorKind::TotalMismatch {
                    stored: self.total,
                    computed,
                },
            );
        }
        if let Some(ext) = &self.external_id {
            require(errors, "external_id", ext);
        }
    }
}

/// Whether `code` is three upper-case ASCII letters.
pub fn is_currency_code(code: &str) -> bool {
    code.len() == 3 && code.bytes().all(|b| b.is_ascii_uppercase())
}

/// The currency most of `orders` are in (the first seen wins a tie), for a
/// new order's default; `None` when no order has a valid code.
pub fn most_used_currency<'a>(orders: impl IntoIterator<Item = &'a Order>) -> Option<String> {
    let mut counts: Vec<(&str, usize)> = Vec::new();
    for order in orders {
        let code = order.currency.as_str();
        if !is_currency_code(code) {
            continue;
        }
        match counts.iter_mut().find(|(c, _)| *c == code) {
            Some((_, n)) => *n += 1,
            None => counts.push((code, 1)),
        }
    }
    let most = counts.iter().map(|(_, n)| *n).max()?;
    counts
        .into_iter()
        .find(|(_, n)| *n == most)
        .map(|(code, _)| code.to_string())
}

/// A quantity or price as a person types it, read by
/// [`parse_amount`](super::parse::parse_amount): thousands separators and
/// decimal commas as the locale writes them (`1,250.50`, `12,50`,
/// `1.250,50`). Blank is [`FieldErrorKind::Required`]; anything unreadable is
/// [`FieldErrorKind::Unreadable`] with the parser's reason.
///
/// ```
/// use rapport_core::model::sales::parse_decimal;
/// assert_eq!(parse_decimal(" 1,250.50 "), Ok(1250.5));
/// assert_eq!(parse_decimal("12,50"), Ok(12.5));
/// assert!(parse_decimal("abc").is_err());
/// ```
pub fn parse_decimal(text: &str) -> Result<f64, FieldErrorKind> {
    super::parse::parse_amount(text).map_err(|e| match e {
        super::parse::ParseError::Empty => FieldErrorKind::Required,
        e => FieldErrorKind::Unreadable(e),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::parse::ParseError;
    use crate::model::{Deal, Record};
    use time::macros::date;
    use uuid::Uuid;

    fn order() -> Order {
        Order::new(
            Uuid::from_u128(1),
            0,
            Uuid::from_u128(2),
            date!(2024 - 03 - 01),
            OrderStatus::Quote,
            vec![
                LineItem::new("Widget", 3.0, 19.99),
                LineItem::new("Setup", 1.5, 80.0),
            ],
            "USD",
        )
    }

    #[test]
    fn total_is_the_sum_of_line_items_rounded_to_cents() {
        assert_eq!(order().total, 179.97);
        assert!(order().validate().is_ok());
    }

    #[test]
    fn stale_total_is_refused_until_recomputed() {
        let mut o = order();
        o.line_items.push(LineItem::new("Cable", 2.0, 5.0));
        let errs = o.validate().unwrap_err();
        assert!(matches!(
            errs.for_field("total").next(),
            Some(FieldErrorKind::TotalMismatch { .. })
        ));
        o.recompute_total();
        assert!(o.validate().is_ok());
    }

    #[test]
    fn bad_currency_empty_items_and_zero_quantity_are_refused() {
        let mut o = order();
        o.currency = "usd".into();
        o.line_items[0].quantity = 0.0;
        o.recompute_total();
        let errs = o.validate().unwrap_err();
        assert!(errs.has("currency") && errs.has("line_items"));
        o.line_items.clear();
        o.recompute_total();
        assert!(o.validate().unwrap_err().has("line_items"));
    }

    #[test]
    fn each_line_reports_its_own_fields() {
        let line = LineItem::new(" ", -2.0, -1.0);
        let errs = line.problems();
        assert!(errs.has("product") && errs.has("unit_price"));
        assert_eq!(errs.sentences_for("quantity"), "Must be more than zero.");
        let errs = LineItem::new("Cable", f64::NAN, 1.0).problems();
        assert_eq!(
            errs.for_field("quantity").next(),
            Some(&FieldErrorKind::NotANumber)
        );
        assert!(LineItem::new("Cable", 0.5, 0.0).problems().is_empty());
    }

    #[test]
    fn new_v4_orders_get_distinct_ids_and_a_computed_total() {
        let make = || {
            let lines = vec![LineItem::new("Widget", 2.0, 1.25)];
            Order::new_v4(
                5,
                Uuid::from_u128(2),
                date!(2024 - 03 - 01),
                OrderStatus::Quote,
                lines,
                "EUR",
            )
        };
        let (a, b) = (make(), make());
        assert_ne!(a.meta.id, b.meta.id);
        assert_eq!((a.total, a.meta.created_at), (2.5, 5));
        assert!(a.validate().is_ok());
    }

    #[test]
    fn most_used_currency_counts_valid_codes_and_the_first_seen_wins_a_tie() {
        let mut orders = vec![order(), order(), order()];
        orders[0].currency = "EUR".into();
        orders[1].currency = "usd".into();
        assert_eq!(most_used_currency(&orders).as_deref(), Some("EUR"));
        orders[1].currency = "USD".into();
        assert_eq!(most_used_currency(&orders).as_deref(), Some("USD"));
        assert_eq!(most_used_currency(&[]), None);
    }

    #[test]
    fn typed_numbers_parse_with_thousands_and_decimal_commas() {
        assert_eq!(parse_decimal("3"), Ok(3.0));
        assert_eq!(parse_decimal(" 19.99 "), Ok(19.99));
        assert_eq!(parse_decimal("1,234,567.5"), Ok(1_234_567.5));
        assert_eq!(parse_decimal("1 000"), Ok(1000.0));
        assert_eq!(parse_decimal("-2"), Ok(-2.0));
        assert_eq!(parse_decimal("12,5"), Ok(12.5));
        assert_eq!(parse_decimal("12,50"), Ok(12.5));
        assert_eq!(parse_decimal("1.234,5"), Ok(1234.5));
        assert_eq!(parse_decimal(""), Err(FieldErrorKind::Required));
        for bad in ["abc", "1.2.3", "--1"] {
            assert_eq!(
                parse_decimal(bad),
                Err(FieldErrorKind::Unreadable(ParseError::NotANumber(
                    bad.into()
                ))),
                "{bad}"
            );
        }
        for bad in ["inf", "NaN", "1e400"] {
            assert_eq!(
                parse_decimal(bad),
                Err(FieldErrorKind::Unreadable(ParseError::NotFinite(
                    bad.into()
                ))),
                "{bad}"
            );
        }
    }

    #[test]
    fn only_a_quote_converts_to_an_order() {
        let mut o = order();
        o.convert_quote_to_order(10).unwrap();
        assert_eq!((o.status, o.meta.version), (OrderStatus::Order, 2));
        let err = o.convert_quote_to_order(11).unwrap_err();
        assert_eq!(
            err.to_string(),
            "cannot change order status from Order to Order"
        );
    }

    #[test]
    fn serde_round_trip_keeps_every_field() {
        let mut o = order();
        o.external_id = Some("HS-42".into());
        let json = serde_json::to_string(&o).unwrap();
        assert!(json.contains("\"date\":\"2024-03-01\"") && json.contains("\"status\":\"quote\""));
        assert_eq!(serde_json::from_str::<Order>(&json).unwrap(), o);
        let mut d = Deal::new(
            Uuid::from_u128(3),
            0,
            Uuid::from_u128(2),
            "Renewal",
            "Proposal",
            5000.0,
            0.4,
        );
        d.expected_close = Some(date!(2024 - 06 - 30));
        let back: Deal = serde_json::from_str(&serde_json::to_string(&d).unwrap()).unwrap();
        assert_eq!(back, d);
    }
}
