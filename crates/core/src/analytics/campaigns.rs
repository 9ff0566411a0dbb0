//! Campaign evaluation: from a [`Campaign`] (its members and their recorded
//! responses) and the orders of its members to the funnel rates, the cost per
//! conversion and the revenue the campaign brought in.
//!
//! Pure: no store, no DOM. The Campaign page (`ui/pages/campaign.rs`) loads
//! the orders of the converted members once and calls [`evaluate`]; the
//! Campaigns list only needs [`Campaign::stats`].
//!
//! Revenue counts an order when all of these hold:
//! - its customer is a member marked **converted**;
//! - its status counts as revenue ([`OrderStatus::is_revenue`]: order or
//!   contract — not quotes, not cancelled);
//! - it is not in the trash;
//! - its date lies in the campaign window `start..=end` (both days included).
//!
//! Totals are summed as stored, whatever their currency; [`CampaignEvaluation::currencies`]
//! lists the currencies seen so the page can say when they are mixed.
//!
//! [`OrderStatus::is_revenue`]: crate::model::OrderStatus::is_revenue

use std::collections::HashSet;

use crate::model::{Campaign, Id, Order, Record};

/// What a campaign achieved, from its recorded responses and its members'
/// orders. Rates are fractions in `0..=1`; `None` where the denominator is
/// zero (no members, no conversions, no budget), so the page can say "—"
/// instead of a misleading 0.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct CampaignEvaluation {
    /// Members reached.
    pub members: usize,
    /// Members who opened.
    pub opened: usize,
    /// Members who clicked.
    pub clicked: usize,
    /// Members who converted.
    pub converted: usize,
    /// `opened / members`.
    pub response_rate: Option<f64>,
    /// `clicked / members`.
    pub click_rate: Option<f64>,
    /// `converted / members`.
    pub conversion_rate: Option<f64>,
    /// `budget / converted`.
    pub cost_per_conversion: Option<f64>,
    /// Sum of the totals of the counted orders (see the module doc).
    pub revenue: f64,
    /// How many orders were counted.
    pub revenue_orders: usize,
    /// Converted members with at least one counted order.
    pub buying_members: usize,
    /// `revenue / budget`: money brought in per unit spent (2.0 means twice
    /// the budget came back). `None` when the budget is zero.
    pub return_on_spend: Option<f64>,
    /// The currencies of the counted orders, sorted, each once.
    pub currencies: Vec<String>,
}

fn ratio(part: usize, whole: usize) -> Option<f64> {
    (whole > 0).then(|| part as f64 / whole as f64)
}

/// Evaluates `campaign` against `orders` (typically the orders of its
/// converted members; other orders are ignored, so passing more is safe).
///
/// ```
/// use rapport_core::analytics::campaigns::evaluate;
/// use rapport_core::model::{Campaign, CampaignMember, Channel, LineItem, Order, OrderStatus, Uuid};
/// use time::macros::date;
///
/// let buyer = Uuid::from_u128(7);
/// let mut c = Campaign::new(Uuid::from_u128(1), 0, "Spring", Channel::Email,
///     date!(2024 - 03 - 01), date!(2024 - 03 - 31), 500.0);
/// c.members.push(CampaignMember { customer_id: buyer, opened: true, clicked: true, converted: true });
/// let order = Order::new(Uuid::from_u128(2), 0, buyer, date!(2024 - 03 - 10),
///     OrderStatus::Order, vec![LineItem::new("Widget", 10.0, 100.0)], "USD");
/// let e = evaluate(&c, &[order]);
/// assert_eq!(e.revenue, 1_000.0);
/// assert_eq!(e.return_on_spend, Some(2.0));
/// ```
pub fn evaluate(campaign: &Campaign, orders: &[Order]) -> CampaignEvaluation {
    let stats = campaign.stats();
    let converted: HashSet<Id> = campaign
        .members
        .iter()
        .filter(|m| m.converted)
        .map(|m| m.customer_id)
        .collect();
    let mut revenue = 0.0;
    let mut revenue_orders = 0;
    let mut buyers: HashSet<Id> = HashSet::new();
    let mut currencies: Vec<String> = Vec::new();
    for order in orders.iter().filter(|o| {
        converted.contains(&o.customer_id)
            && o.status.is_revenue()
            && !o.is_deleted()
            && campaign.is_running_on(o.date)
    }) {
        revenue += order.total;
        revenue_orders += 1;
        buyers.insert(order.customer_id);
        if !currencies.contains(&order.currency) {
            currencies.push(order.currency.clone());
        }
    }
    currencies.sort();
    let budget = campaign.budget;
    CampaignEvaluation {
        members: stats.members,
        opened: stats.opened,
        clicked: stats.clicked,
        converted: stats.converted,
        response_rate: ratio(stats.opened, stats.members),
        click_rate: ratio(stats.clicked, stats.members),
        conversion_rate: ratio(stats.converted, stats.members),
        cost_per_conversion: (stats.converted > 0).then(|| budget / stats.converted as f64),
        revenue,
        revenue_orders,
        buying_members: buyers.len(),
        return_on_spend: (budget > 0.0 && budget.is_finite()).then(|| revenue / budget),
        currencies,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{CampaignMember, Channel, LineItem, OrderStatus, Uuid};
    use time::macros::date;
    use time::Date;

    fn campaign(budget: f64) -> Campaign {
        Campaign::new(
            Uuid::from_u128(1),
            0,
            "Spring sale",
            Channel::Email,
            date!(2024 - 03 - 01),
            date!(2024 - 03 - 31),
            budget,
        )
    }

    fn member(n: u128, opened: bool, clicked: bool, converted: bool) -> CampaignMember {
        CampaignMember {
            customer_id: Uuid::from_u128(n),
            opened,
            clicked,
            converted,
        }
    }

    fn order(n: u128, customer: u128, date: Date, status: OrderStatus, amount: f64) -> Order {
        Order::new(
            Uuid::from_u128(1_000 + n),
            0,
            Uuid::from_u128(customer),
            date,
            status,
            vec![LineItem::new("Widget", 1.0, amount)],
            "USD",
        )
    }

    #[test]
    fn zero_members_gives_no_rates_and_no_revenue() {
        let e = evaluate(&campaign(1_000.0), &[]);
        assert_eq!((e.members, e.opened, e.clicked, e.converted), (0, 0, 0, 0));
        assert_eq!(e.response_rate, None);
        assert_eq!(e.click_rate, None);
        assert_eq!(e.conversion_rate, None);
        assert_eq!(e.cost_per_conversion, None);
        assert_eq!(e.revenue, 0.0);
        assert_eq!(e.return_on_spend, Some(0.0));
    }

    #[test]
    fn zero_conversions_has_no_cost_per_conversion_and_counts_no_revenue() {
        let mut c = campaign(1_000.0);
        c.members = vec![member(5, true, true, false), member(6, false, false, false)];
        // Customer 5 bought in the window but is not marked converted.
        let orders = [order(
            1,
            5,
            date!(2024 - 03 - 10),
            OrderStatus::Order,
            400.0,
        )];
        let e = evaluate(&c, &orders);
        assert_eq!(e.response_rate, Some(0.5));
        assert_eq!(e.click_rate, Some(0.5));
        assert_eq!(e.conversion_rate, Some(0.0));
        assert_eq!(e.cost_per_conversion, None);
        assert_eq!((e.revenue, e.revenue_orders), (0.0, 0));
    }

    #[test]
    fn rates_cost_and_return_match_hand_computed_values() {
        // 4 members: 3 opened, 2 clicked, 2 converted; budget 1,000.
        let mut c = campaign(1_000.0);
        c.members = vec![
            member(5, true, true, true),
            member(6, true, true, true),
            member(7, true, false, false),
            member(8, false, false, false),
        ];
        let orders = [
            order(1, 5, date!(2024 - 03 - 05), OrderStatus::Order, 1_200.0),
            order(2, 5, date!(2024 - 03 - 20), OrderStatus::Contract, 300.0),
            order(3, 6, date!(2024 - 03 - 15), OrderStatus::Order, 500.0),
            // Not counted: a quote, a cancelled order, a non-member's order.
            order(4, 6, date!(2024 - 03 - 15), OrderStatus::Quote, 9_999.0),
            order(5, 6, date!(2024 - 03 - 16), OrderStatus::Cancelled, 9_999.0),
            order(6, 99, date!(2024 - 03 - 16), OrderStatus::Order, 9_999.0),
        ];
        let e = evaluate(&c, &orders);
        assert_eq!(e.response_rate, Some(0.75));
        assert_eq!(e.click_rate, Some(0.5));
        assert_eq!(e.conversion_rate, Some(0.5));
        assert_eq!(e.cost_per_conversion, Some(500.0));
        assert_eq!(e.revenue, 2_000.0);
        assert_eq!(e.revenue_orders, 3);
        assert_eq!(e.buying_members, 2);
        assert_eq!(e.return_on_spend, Some(2.0));
        assert_eq!(e.currencies, vec!["USD".to_string()]);
    }

    #[test]
    fn the_window_includes_its_first_and_last_day_only() {
        let mut c = campaign(100.0);
        c.members = vec![member(5, true, true, true)];
        let orders = [
            order(1, 5, date!(2024 - 02 - 29), OrderStatus::Order, 1.0),
            order(2, 5, date!(2024 - 03 - 01), OrderStatus::Order, 10.0),
            order(3, 5, date!(2024 - 03 - 31), OrderStatus::Order, 100.0),
            order(4, 5, date!(2024 - 04 - 01), OrderStatus::Order, 1_000.0),
        ];
        let e = evaluate(&c, &orders);
        assert_eq!(e.revenue, 110.0);
        assert_eq!(e.revenue_orders, 2);
        assert_eq!(e.return_on_spend, Some(1.1));
    }

    #[test]
    fn trashed_orders_do_not_count() {
        let mut c = campaign(100.0);
        c.members = vec![member(5, true, true, true)];
        let mut trashed = order(1, 5, date!(2024 - 03 - 10), OrderStatus::Order, 50.0);
        trashed.meta.soft_delete(10);
        let kept = order(2, 5, date!(2024 - 03 - 11), OrderStatus::Order, 20.0);
        let e = evaluate(&c, &[trashed, kept]);
        assert_eq!((e.revenue, e.revenue_orders), (20.0, 1));
    }

    #[test]
    fn zero_budget_has_no_return_on_spend_and_free_conversions() {
        let mut c = campaign(0.0);
        c.members = vec![member(5, true, true, true)];
        let e = evaluate(
            &c,
            &[order(1, 5, date!(2024 - 03 - 10), OrderStatus::Order, 80.0)],
        );
        assert_eq!(e.return_on_spend, None);
        assert_eq!(e.cost_per_conversion, Some(0.0));
        assert_eq!(e.revenue, 80.0);
    }

    #[test]
    fn mixed_currencies_are_listed_once_each_sorted() {
        let mut c = campaign(100.0);
        c.members = vec![member(5, true, true, true)];
        let mut eur = order(1, 5, date!(2024 - 03 - 10), OrderStatus::Order, 10.0);
        eur.currency = "EUR".into();
        let usd = order(2, 5, date!(2024 - 03 - 11), OrderStatus::Order, 10.0);
        let usd2 = order(3, 5, date!(2024 - 03 - 12), OrderStatus::Order, 10.0);
        let e = evaluate(&c, &[usd, eur, usd2]);
        assert_eq!(e.currencies, vec!["EUR".to_string(), "USD".to_string()]);
    }
}
