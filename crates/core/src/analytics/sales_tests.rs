use super::*;
use crate::model::{LineItem, Uuid};
use time::macros::date;

fn deal(n: u128, stage: &str, value: f64, probability: f64) -> Deal {
    Deal::new(
        Uuid::from_u128(n),
        0,
        Uuid::from_u128(1000),
        format!("Deal {n}"),
        stage,
        value,
        probability,
    )
}

fn order(n: u128, date: Date, status: OrderStatus, amount: f64, currency: &str) -> Order {
    Order::new(
        Uuid::from_u128(n),
        0,
        Uuid::from_u128(1000),
        date,
        status,
        vec![LineItem::new("Widget", 1.0, amount)],
        currency,
    )
}

#[test]
fn board_totals_count_value_and_weighted_value_per_stage() {
    let deals = [
        deal(1, "Proposal", 1000.0, 0.5),
        deal(2, "Proposal", 300.0, 0.1),
        deal(3, "Qualification", 50.0, 0.2),
    ];
    let columns = board(&deals, &Pipeline::default(), |_| true);
    assert_eq!(
        columns.len(),
        6,
        "no Other column when every stage is known"
    );
    let proposal = &columns[2];
    assert_eq!((proposal.stage.as_str(), proposal.count()), ("Proposal", 2));
    assert_eq!(proposal.value, 1300.0);
    assert!((proposal.weighted - 530.0).abs() < 1e-9);
    assert_eq!(columns[0].count(), 1);
    assert!(columns[4].closed && columns[5].closed && !columns[0].closed);
}

#[test]
fn unknown_stages_go_to_a_last_other_column_that_is_not_a_stage() {
    let deals = [deal(1, "Dreaming", 10.0, 0.5), deal(2, "won", 20.0, 1.0)];
    let columns = board(&deals, &Pipeline::default(), |_| true);
    let other = columns.last().unwrap();
    assert_eq!((other.stage.as_str(), other.in_pipeline), ("Other", false));
    assert_eq!(other.count(), 1);
    assert_eq!(
        columns[4].count(),
        1,
        "stage names match case-insensitively"
    );
}

#[test]
fn board_skips_trashed_deals_and_those_the_filter_refuses() {
    let mut trashed = deal(1, "Proposal", 10.0, 0.5);
    trashed.meta.soft_delete(5);
    let deals = [
        trashed,
        deal(2, "Won", 20.0, 1.0),
        deal(3, "Proposal", 5.0, 0.5),
    ];
    let columns = board(&deals, &Pipeline::default(), |d| !d.is_closed());
    let total: usize = columns.iter().map(StageColumn::count).sum();
    assert_eq!(total, 1);
    assert_eq!(columns[2].deals[0].meta.id, Uuid::from_u128(3));
}

#[test]
fn cards_are_ordered_by_expected_close_then_value_with_undated_last() {
    let mut a = deal(1, "Proposal", 10.0, 0.5);
    a.expected_close = Some(date!(2024 - 05 - 01));
    let mut b = deal(2, "Proposal", 99.0, 0.5);
    b.expected_close = Some(date!(2024 - 04 - 01));
    let c = deal(3, "Proposal", 500.0, 0.5);
    let mut d = deal(4, "Proposal", 50.0, 0.5);
    d.expected_close = Some(date!(2024 - 05 - 01));
    let columns = board(&[a, b, c, d], &Pipeline::default(), |_| true);
    let ids: Vec<u128> = columns[2]
        .deals
        .iter()
        .map(|d| d.meta.id.as_u128())
        .collect();
    assert_eq!(ids, vec![2, 4, 1, 3]);
}

#[test]
fn month_totals_count_revenue_only_for_orders_and_contracts() {
    let orders = [
        order(1, date!(2024 - 03 - 01), OrderStatus::Order, 100.0, "USD"),
        order(
            2,
            date!(2024 - 03 - 31),
            OrderStatus::Contract,
            50.25,
            "USD",
        ),
        order(3, date!(2024 - 03 - 15), OrderStatus::Quote, 999.0, "USD"),
        order(
            4,
            date!(2024 - 03 - 15),
            OrderStatus::Cancelled,
            999.0,
            "USD",
        ),
        order(5, date!(2024 - 03 - 20), OrderStatus::Order, 10.0, "EUR"),
    ];
    let months = totals_by_month(&orders, date!(2024 - 03 - 01), date!(2024 - 03 - 31));
    assert_eq!(months.len(), 1);
    let march = &months[0];
    assert_eq!(
        (march.month, march.orders, march.quotes),
        (date!(2024 - 03 - 01), 3, 1)
    );
    assert_eq!(
        march.revenue,
        vec![("EUR".to_string(), 10.0), ("USD".to_string(), 150.25)]
    );
}

#[test]
fn month_window_is_newest_first_without_gaps_and_crosses_years() {
    let orders = [
        order(1, date!(2023 - 11 - 30), OrderStatus::Order, 7.0, "USD"),
        order(2, date!(2024 - 02 - 01), OrderStatus::Order, 3.0, "USD"),
    ];
    let months = totals_by_month(&orders, date!(2023 - 11 - 01), date!(2024 - 02 - 10));
    let starts: Vec<Date> = months.iter().map(|m| m.month).collect();
    assert_eq!(
        starts,
        vec![
            date!(2024 - 02 - 01),
            date!(2024 - 01 - 01),
            date!(2023 - 12 - 01),
            date!(2023 - 11 - 01)
        ]
    );
    assert_eq!(months[0].revenue, vec![("USD".to_string(), 3.0)]);
    assert!(months[1].revenue.is_empty() && months[1].orders == 0);
    assert_eq!(months[3].orders, 1);
}

#[test]
fn orders_outside_the_window_or_trashed_are_left_out() {
    let mut trashed = order(1, date!(2024 - 02 - 05), OrderStatus::Order, 5.0, "USD");
    trashed.meta.soft_delete(1);
    let orders = [
        trashed,
        order(2, date!(2024 - 02 - 11), OrderStatus::Order, 5.0, "USD"),
        order(3, date!(2023 - 12 - 31), OrderStatus::Order, 5.0, "USD"),
    ];
    let months = totals_by_month(&orders, date!(2024 - 01 - 01), date!(2024 - 02 - 10));
    assert!(months.iter().all(|m| m.orders == 0 && m.revenue.is_empty()));
    assert!(
        totals_by_month(&orders, date!(2024 - 02 - 10), date!(2024 - 01 - 01)).is_empty(),
        "a period that ends before it starts has no months"
    );
}

#[test]
fn revenue_is_rounded_to_cents_after_summing() {
    let orders: Vec<Order> = (0..10)
        .map(|n| order(n, date!(2024 - 01 - 02), OrderStatus::Order, 0.1, "USD"))
        .collect();
    let months = totals_by_month(&orders, date!(2024 - 01 - 01), date!(2024 - 01 - 31));
    assert_eq!(months[0].revenue, vec![("USD".to_string(), 1.0)]);
}

#[test]
fn a_1997_purchase_log_fills_every_month_of_an_all_time_period() {
    let orders = [
        order(1, date!(1997 - 01 - 01), OrderStatus::Order, 11.77, "USD"),
        order(2, date!(1997 - 01 - 12), OrderStatus::Order, 12.0, "USD"),
        order(3, date!(1998 - 06 - 30), OrderStatus::Order, 20.76, "USD"),
    ];
    let months = totals_by_month(&orders, date!(1997 - 01 - 01), date!(1998 - 06 - 30));
    assert_eq!(months.len(), 18, "January 1997 to June 1998");
    assert_eq!(months[0].month, date!(1998 - 06 - 01));
    assert_eq!(months[17].month, date!(1997 - 01 - 01));
    assert_eq!(months[17].orders, 2);
    assert_eq!(months[17].revenue, vec![("USD".to_string(), 23.77)]);
    assert_eq!(months[0].revenue, vec![("USD".to_string(), 20.76)]);
    assert!(months[1..17].iter().all(|m| m.orders == 0));
}

#[test]
fn a_period_starting_mid_month_counts_only_orders_from_its_first_day() {
    let orders = [
        order(1, date!(2024 - 03 - 09), OrderStatus::Order, 5.0, "USD"),
        order(2, date!(2024 - 03 - 10), OrderStatus::Order, 7.0, "USD"),
        order(3, date!(2024 - 04 - 20), OrderStatus::Order, 9.0, "USD"),
    ];
    let months = totals_by_month(&orders, date!(2024 - 03 - 10), date!(2024 - 04 - 19));
    assert_eq!(months.len(), 2);
    assert_eq!(months[1].revenue, vec![("USD".to_string(), 7.0)]);
    assert!(
        months[0].revenue.is_empty(),
        "the 20th is after the last day"
    );
}

#[test]
fn the_period_total_adds_up_orders_quotes_and_revenue_per_currency() {
    let orders = [
        order(1, date!(2024 - 01 - 05), OrderStatus::Order, 0.1, "USD"),
        order(2, date!(2024 - 02 - 05), OrderStatus::Order, 0.2, "USD"),
        order(3, date!(2024 - 02 - 06), OrderStatus::Quote, 50.0, "USD"),
        order(4, date!(2024 - 03 - 06), OrderStatus::Contract, 3.0, "EUR"),
    ];
    let months = totals_by_month(&orders, date!(2024 - 01 - 01), date!(2024 - 03 - 31));
    let total = period_total(&months);
    assert_eq!((total.orders, total.quotes), (3, 1));
    assert_eq!(
        total.revenue,
        vec![("EUR".to_string(), 3.0), ("USD".to_string(), 0.3)]
    );
    assert_eq!(period_total(&[]), PeriodTotal::default());
}
