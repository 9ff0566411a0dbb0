//! The insight overview's figures in the list: sorting by spend, orders,
//! last order, RFM segment and predicted value, and the RFM filter.

use super::*;
use crate::insight::Segment;
use crate::model::Uuid;
use time::macros::date;

fn id(n: u128) -> Id {
    Uuid::from_u128(n)
}

fn index_of(n: u128) -> CustomerIndex {
    let mut index = CustomerIndex::new();
    for i in 1..=n {
        let mut c = Customer::new(id(i), 1_700_000_000_000 + i as i64);
        c.given_name = format!("Customer {i}");
        index.upsert_customer(&c);
    }
    index
}

fn insight(
    n: u128,
    spend: f64,
    orders: usize,
    segment: Segment,
    predicted: Option<f64>,
) -> CustomerInsight {
    CustomerInsight {
        customer_id: id(n),
        spend,
        currency: "USD".into(),
        orders,
        last_order: date!(2024 - 01 - 01) + time::Duration::days(n as i64),
        days_since_last: 10,
        rfm: (3, 3, 3),
        segment,
        predicted_value: predicted,
        predicted_purchases: predicted.map(|_| 1.5),
        probability_alive: predicted.map(|_| 0.5),
    }
}

fn sorted(index: &CustomerIndex, column: Column, descending: bool) -> Vec<Id> {
    index.query(&ListQuery {
        sort: Sort { column, descending },
        ..ListQuery::default()
    })
}

fn with_figures() -> CustomerIndex {
    let mut index = index_of(5);
    index.set_figures(&[
        insight(1, 50.0, 2, Segment::AtRisk, Some(10.0)),
        insight(2, 500.0, 9, Segment::Champions, Some(300.0)),
        insight(3, 5.0, 1, Segment::Lost, None),
        insight(4, 120.0, 4, Segment::AtRisk, Some(40.0)),
    ]);
    index
}

#[test]
fn sorting_by_each_figure_orders_the_buyers_and_puts_customers_without_purchases_last() {
    let index = with_figures();
    assert_eq!(
        sorted(&index, Column::Spend, true),
        vec![id(2), id(4), id(1), id(3), id(5)]
    );
    assert_eq!(
        sorted(&index, Column::Spend, false),
        vec![id(3), id(1), id(4), id(2), id(5)]
    );
    assert_eq!(
        sorted(&index, Column::Orders, true),
        vec![id(2), id(4), id(1), id(3), id(5)]
    );
    assert_eq!(
        sorted(&index, Column::LastOrder, true),
        vec![id(4), id(3), id(2), id(1), id(5)]
    );
    // Best segment first; ties (two At risk) by name.
    assert_eq!(
        sorted(&index, Column::Rfm, false),
        vec![id(2), id(1), id(4), id(3), id(5)]
    );
    assert_eq!(
        sorted(&index, Column::Predicted, true),
        vec![id(2), id(4), id(1), id(3), id(5)]
    );
}

#[test]
fn the_rfm_filter_keeps_exactly_the_customers_of_the_chosen_segments() {
    let index = with_figures();
    let filtered = |segments: Vec<Segment>| {
        let mut ids = index.query(&ListQuery {
            filter: Filter {
                rfm: segments,
                ..Filter::default()
            },
            ..ListQuery::default()
        });
        ids.sort();
        ids
    };
    assert_eq!(filtered(vec![Segment::AtRisk]), vec![id(1), id(4)]);
    assert_eq!(
        filtered(vec![Segment::AtRisk, Segment::Lost]),
        vec![id(1), id(3), id(4)]
    );
    assert_eq!(filtered(vec![Segment::Loyal]), Vec::<Id>::new());
    assert_eq!(filtered(vec![]).len(), 5);
    assert!(!Filter {
        rfm: vec![Segment::Lost],
        ..Filter::default()
    }
    .is_empty());
}

#[test]
fn an_edit_keeps_the_figures_and_a_new_overview_replaces_them() {
    let mut index = with_figures();
    let mut c = Customer::new(id(2), 1_700_000_000_002);
    c.given_name = "Renamed".into();
    index.upsert_customer(&c);
    assert_eq!(
        index
            .get(&id(2))
            .and_then(|r| r.figures.as_ref())
            .map(|f| f.orders),
        Some(9)
    );
    index.set_figures(&[insight(5, 1.0, 1, Segment::New, None)]);
    assert!(index.get(&id(2)).is_some_and(|r| r.figures.is_none()));
    assert_eq!(sorted(&index, Column::Spend, true)[0], id(5));
}

#[test]
fn spend_and_last_purchase_filters_keep_exactly_the_matching_buyers() {
    let index = with_figures();
    let filtered = |filter: Filter| {
        let mut ids = index.query(&ListQuery {
            filter,
            ..ListQuery::default()
        });
        ids.sort();
        ids
    };
    // Spends: 1 → 50, 2 → 500, 3 → 5, 4 → 120, 5 → none.
    let at_least = |min: f64| Filter {
        spend_at_least: Some(min),
        ..Filter::default()
    };
    assert_eq!(filtered(at_least(50.0)), vec![id(1), id(2), id(4)]);
    assert_eq!(filtered(at_least(500.01)), Vec::<Id>::new());
    assert_eq!(filtered(at_least(0.0)), vec![id(1), id(2), id(3), id(4)]);
    // Last purchases: 2024-01-01 + n days.
    let before = Filter {
        last_purchase_before: Some(date!(2024 - 01 - 04)),
        ..Filter::default()
    };
    assert_eq!(filtered(before.clone()), vec![id(1), id(2)]);
    assert!(!before.is_empty());
    let both = Filter {
        spend_at_least: Some(100.0),
        last_purchase_before: Some(date!(2024 - 01 - 04)),
        ..Filter::default()
    };
    assert_eq!(filtered(both), vec![id(2)]);
}

#[test]
fn the_figure_filter_boxes_read_amounts_and_dates_or_say_what_is_wrong() {
    assert_eq!(parse_spend_at_least(""), Ok(None));
    assert_eq!(parse_spend_at_least(" 1,000 "), Ok(Some(1000.0)));
    assert_eq!(parse_spend_at_least("250.50 €"), Ok(Some(250.5)));
    let error = parse_spend_at_least("lots").unwrap_err();
    assert_eq!(error, FigureFilterError::NotAnAmount("lots".into()));
    assert!(error.to_string().contains("is not an amount"));
    assert_eq!(parse_last_purchase_before("  "), Ok(None));
    assert_eq!(
        parse_last_purchase_before("1998-02-01"),
        Ok(Some(date!(1998 - 02 - 01)))
    );
    assert!(matches!(
        parse_last_purchase_before("1998-13-01"),
        Err(FigureFilterError::NotADate(_))
    ));
}

fn filtered_by_boxes(index: &CustomerIndex, boxes: &[(FigureBound, &str)]) -> Vec<Id> {
    let mut filter = Filter::default();
    for (bound, text) in boxes {
        bound.apply(&mut filter, text).expect("a valid bound");
    }
    let mut ids = index.query(&ListQuery {
        filter,
        ..ListQuery::default()
    });
    ids.sort();
    ids
}

#[test]
fn every_figure_bound_keeps_exactly_the_customers_within_it() {
    let index = with_figures();
    let by = |boxes: &[(FigureBound, &str)]| filtered_by_boxes(&index, boxes);
    // Spends 1 → 50, 2 → 500, 3 → 5, 4 → 120; orders 2, 9, 1, 4; predicted
    // 10, 300, none, 40; last purchases 2024-01-02..05; 5 never bought.
    assert_eq!(
        by(&[(FigureBound::SpendAtMost, "120")]),
        vec![id(1), id(3), id(4)]
    );
    assert_eq!(
        by(&[
            (FigureBound::SpendAtLeast, "10"),
            (FigureBound::SpendAtMost, "120")
        ]),
        vec![id(1), id(4)]
    );
    assert_eq!(by(&[(FigureBound::OrdersAtLeast, "4")]), vec![id(2), id(4)]);
    assert_eq!(by(&[(FigureBound::OrdersAtMost, "2")]), vec![id(1), id(3)]);
    assert_eq!(
        by(&[
            (FigureBound::OrdersAtLeast, "2"),
            (FigureBound::OrdersAtMost, "4")
        ]),
        vec![id(1), id(4)]
    );
    // Customer 3 has no prediction: no predicted bound lets it through.
    assert_eq!(
        by(&[(FigureBound::PredictedAtMost, "50")]),
        vec![id(1), id(4)]
    );
    assert_eq!(
        by(&[(FigureBound::PredictedAtLeast, "40")]),
        vec![id(2), id(4)]
    );
    assert_eq!(
        by(&[(FigureBound::LastPurchaseFrom, "2024-01-04")]),
        vec![id(3), id(4)]
    );
    assert_eq!(
        by(&[
            (FigureBound::LastPurchaseFrom, "2024-01-03"),
            (FigureBound::LastPurchaseBefore, "2024-01-05"),
        ]),
        vec![id(2), id(3)]
    );
    // Blank boxes filter nothing, the customer without purchases included.
    assert_eq!(
        by(&[
            (FigureBound::SpendAtMost, " "),
            (FigureBound::OrdersAtLeast, "")
        ]),
        (1..=5).map(id).collect::<Vec<_>>()
    );
}

#[test]
fn a_typo_in_a_figure_box_is_said_and_leaves_the_filter_as_it_was() {
    let mut filter = Filter::default();
    FigureBound::OrdersAtLeast
        .apply(&mut filter, "3")
        .expect("a count");
    let error = FigureBound::OrdersAtLeast
        .apply(&mut filter, "2.5")
        .unwrap_err();
    assert_eq!(error, FigureFilterError::NotACount("2.5".into()));
    assert!(error.to_string().contains("whole number"));
    assert_eq!(filter.orders_at_least, Some(3));
    assert!(matches!(
        FigureBound::PredictedAtMost.apply(&mut filter, "much"),
        Err(FigureFilterError::NotAnAmount(_))
    ));
    assert!(matches!(
        FigureBound::LastPurchaseFrom.apply(&mut filter, "1998-02-30"),
        Err(FigureFilterError::NotADate(_))
    ));
    assert_eq!(filter.predicted_at_most, None);
    assert_eq!(filter.last_purchase_from, None);
    // Each box shows what it holds; a blank one clears its bound.
    FigureBound::LastPurchaseFrom
        .apply(&mut filter, "1998-02-01")
        .expect("a date");
    FigureBound::SpendAtMost
        .apply(&mut filter, "1,250.5")
        .expect("an amount");
    assert_eq!(FigureBound::LastPurchaseFrom.text(&filter), "1998-02-01");
    assert_eq!(FigureBound::SpendAtMost.text(&filter), "1250.5");
    assert_eq!(FigureBound::OrdersAtLeast.text(&filter), "3");
    assert_eq!(FigureBound::PredictedAtLeast.text(&filter), "");
    FigureBound::OrdersAtLeast
        .apply(&mut filter, "")
        .expect("blank");
    assert_eq!(filter.orders_at_least, None);
}

#[test]
fn saved_views_from_before_the_ranges_still_load() {
    let old = r#"{"text":"","filter":{"spend_at_least":200.0,"last_purchase_before":[1998,60]},"sort":{"column":"name","descending":false}}"#;
    let query: ListQuery = serde_json::from_str(old).expect("an old saved view");
    assert_eq!(query.filter.spend_at_least, Some(200.0));
    assert_eq!(
        query.filter.last_purchase_before,
        Some(date!(1998 - 03 - 01))
    );
    assert_eq!(query.filter.spend_at_most, None);
    let round = serde_json::to_string(&query).expect("serialise");
    assert_eq!(
        serde_json::from_str::<ListQuery>(&round).expect("back"),
        query
    );
}
