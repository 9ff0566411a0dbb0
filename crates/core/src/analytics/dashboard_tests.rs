use super::*;
use crate::analytics::period::Period;
use crate::model::{
    start_of_day, CampaignMember, Channel, LineItem, OrderStatus, Priority, Uuid, DAY_MS,
};
use time::macros::date;

const TODAY: Date = date!(2024 - 06 - 15);
/// Twelve calendar months ending today's.
const TWELVE_MONTHS: (Date, Date) = (date!(2023 - 07 - 01), TODAY);

fn id(n: u128) -> Id {
    Uuid::from_u128(n)
}

fn order(n: u128, customer: u128, day: Date, amount: f64, currency: &str) -> Order {
    Order::new(
        id(n),
        0,
        id(customer),
        day,
        OrderStatus::Order,
        vec![LineItem::new("Widget", 1.0, amount)],
        currency,
    )
}

fn empty_pipeline() -> Pipeline {
    Pipeline::default()
}

fn created() -> [Timestamp; 4] {
    [
        start_of_day(date!(2024 - 06 - 01)),
        start_of_day(date!(2024 - 06 - 02)),
        start_of_day(date!(2024 - 01 - 20)),
        start_of_day(date!(2020 - 01 - 01)),
    ]
}

fn summary_over(
    bounds: (Date, Date),
    orders: &[Order],
    deals: &[Deal],
    tickets: &[Ticket],
    campaigns: &[Campaign],
) -> Dashboard {
    summarise(
        Sources {
            customers_created: &created(),
            orders,
            deals,
            pipeline: &empty_pipeline(),
            tickets,
            campaigns,
        },
        bounds,
    )
}

fn summary(
    orders: &[Order],
    deals: &[Deal],
    tickets: &[Ticket],
    campaigns: &[Campaign],
) -> Dashboard {
    summary_over(TWELVE_MONTHS, orders, deals, tickets, campaigns)
}

#[test]
fn new_customers_are_counted_in_their_month_and_old_ones_only_in_the_total() {
    let d = summary(&[], &[], &[], &[]);
    assert_eq!(d.customers, 4);
    assert_eq!(d.new_customers.len(), 12);
    assert_eq!(d.new_customers[0].month, date!(2023 - 07 - 01));
    assert_eq!(d.new_customers[11].value, 2, "June");
    assert_eq!(d.new_customers[6].value, 1, "January");
    assert_eq!(d.new_customers.iter().map(|m| m.value).sum::<usize>(), 3);
}

#[test]
fn revenue_is_shown_in_the_main_currency_and_other_currencies_are_counted() {
    let orders = [
        order(1, 1, date!(2024 - 06 - 10), 100.0, "USD"),
        order(2, 1, date!(2024 - 05 - 10), 50.0, "USD"),
        order(3, 2, date!(2024 - 05 - 11), 70.0, "EUR"),
        order(4, 2, date!(2022 - 05 - 11), 999.0, "USD"),
    ];
    let d = summary(&orders, &[], &[], &[]);
    assert_eq!(d.currency.as_deref(), Some("USD"));
    assert_eq!(d.revenue[11].value, 100.0);
    assert_eq!(d.revenue[10].value, 50.0);
    assert_eq!(d.revenue_total(), 150.0);
    assert_eq!(d.other_currency_orders, 1);
    assert_eq!(d.revenue_orders, 3);
    // Repeat purchases count the orders of the period only: customer 2's
    // order of 2022 is outside it.
    assert_eq!((d.buyers, d.repeat_buyers), (2, 1));
    assert_eq!(d.repeat_purchase_rate(), Some(0.5));
}

#[test]
fn the_repeat_purchase_rate_ignores_quotes_and_cancelled_orders() {
    let mut quote = order(2, 1, date!(2024 - 06 - 11), 10.0, "USD");
    quote.status = OrderStatus::Quote;
    let orders = [
        order(1, 1, date!(2024 - 06 - 10), 100.0, "USD"),
        quote,
        order(3, 2, date!(2024 - 06 - 10), 100.0, "USD"),
        order(4, 2, date!(2024 - 06 - 12), 100.0, "USD"),
    ];
    let d = summary(&orders, &[], &[], &[]);
    assert_eq!(d.repeat_purchase_rate(), Some(0.5));
}

#[test]
fn pipeline_value_is_grouped_by_stage_in_pipeline_order() {
    let pipeline = empty_pipeline();
    let first = pipeline.stages[0].clone();
    let won = pipeline
        .stages
        .iter()
        .find(|s| Pipeline::is_closed(s))
        .unwrap()
        .clone();
    let deals = [
        Deal::new(id(1), 0, id(1), "A", first.clone(), 1000.0, 0.1),
        Deal::new(id(2), 0, id(1), "B", first.clone(), 500.0, 0.1),
        Deal::new(id(3), 0, id(1), "C", won.clone(), 200.0, 1.0),
    ];
    let d = summary(&[], &deals, &[], &[]);
    assert_eq!(d.pipeline[0], (first, 1500.0, 2));
    assert!(d.pipeline.contains(&(won, 200.0, 1)));
    assert_eq!(d.open_pipeline_value, 1500.0);
}

#[test]
fn tickets_give_open_counts_and_satisfaction_per_month_of_solving() {
    let june = start_of_day(date!(2024 - 06 - 03));
    let mut solved = Ticket::new(id(1), june, id(1), "Broken", "", Priority::Normal);
    solved.solve(june + DAY_MS).unwrap();
    solved.satisfaction = Some(4);
    let mut solved2 = Ticket::new(id(2), june, id(1), "Slow", "", Priority::Normal);
    solved2.solve(june + DAY_MS).unwrap();
    solved2.satisfaction = Some(2);
    let open = Ticket::new(id(3), june, id(2), "Help", "", Priority::High);
    let d = summary(&[], &[], &[solved, solved2, open], &[]);
    assert_eq!(d.open_tickets, 1);
    assert_eq!(d.tickets_opened[11].value, 3);
    assert_eq!(d.satisfaction[11].value, Some(3.0));
    assert_eq!(d.satisfaction[10].value, None);
    assert_eq!(d.average_satisfaction, Some(3.0));
}

#[test]
fn acquisition_cost_divides_the_budget_by_converted_members() {
    let mut spring = Campaign::new(
        id(1),
        0,
        "Spring",
        Channel::Email,
        date!(2024 - 03 - 01),
        date!(2024 - 03 - 31),
        600.0,
    );
    for (n, converted) in [(1, true), (2, true), (3, true), (4, false)] {
        spring.members.push(CampaignMember {
            customer_id: id(n),
            opened: true,
            clicked: converted,
            converted,
        });
    }
    let free = Campaign::new(
        id(2),
        0,
        "Word of mouth",
        Channel::Event,
        date!(2024 - 03 - 01),
        date!(2024 - 03 - 31),
        0.0,
    );
    let flop = Campaign::new(
        id(3),
        0,
        "Flop",
        Channel::Event,
        date!(2024 - 03 - 01),
        date!(2024 - 03 - 31),
        100.0,
    );
    let d = summary(&[], &[], &[], &[spring, free, flop]);
    assert_eq!(d.campaign_costs.len(), 2, "only campaigns with a budget");
    assert_eq!(d.campaign_costs[0].cost_per_customer, Some(200.0));
    assert_eq!(d.campaign_costs[1].cost_per_customer, None);
}

fn usd(n: u128, customer: u128, day: Date, amount: f64) -> Order {
    order(n, customer, day, amount, "USD")
}

/// A purchase log as CDNOW's: January 1997 to June 1998.
fn purchase_log() -> Vec<Order> {
    vec![
        usd(1, 1, date!(1997 - 01 - 01), 11.77),
        usd(2, 2, date!(1997 - 01 - 12), 12.0),
        usd(3, 2, date!(1997 - 01 - 12), 77.0),
        usd(4, 3, date!(1997 - 03 - 30), 20.76),
        usd(5, 3, date!(1998 - 06 - 30), 29.33),
    ]
}

#[test]
fn all_time_over_a_1997_98_purchase_log_shows_its_revenue_month_by_month() {
    let orders = purchase_log();
    let today = date!(2025 - 05 - 01);
    let sources = Sources {
        customers_created: &[start_of_day(today)],
        orders: &orders,
        deals: &[],
        pipeline: &empty_pipeline(),
        tickets: &[],
        campaigns: &[],
    };
    let span = sources.data_span();
    assert_eq!(span, Some((date!(1997 - 01 - 01), date!(1998 - 06 - 30))));
    assert_eq!(sources.order_years(), vec![1998, 1997]);
    let period = Period::holding(today, span);
    assert_eq!(period, Period::AllTime);
    let bounds = period.bounds(today, span);
    let d = summarise(sources, bounds);
    assert_eq!(d.revenue.len(), 18);
    assert_eq!(d.revenue[0].month, date!(1997 - 01 - 01));
    assert_eq!(d.revenue[0].value, 100.77);
    assert_eq!(d.revenue[17].value, 29.33);
    assert_eq!(d.revenue_total(), 150.86);
    assert_eq!((d.revenue_orders, d.buyers, d.repeat_buyers), (5, 3, 2));
    assert_eq!(
        d.new_customers_total(),
        0,
        "imported today, after the period"
    );
    assert_eq!(period.caption(bounds), "1997–1998");
    // The old default, the last twelve months, is empty for this history.
    let recent = summarise(sources, Period::LastDays(365).bounds(today, span));
    assert_eq!(recent.revenue_total(), 0.0);
}

#[test]
fn the_last_30_days_count_only_orders_of_those_days() {
    let orders = [
        usd(1, 1, date!(2024 - 05 - 16), 10.0),
        usd(2, 1, date!(2024 - 05 - 17), 20.0),
        usd(3, 2, TODAY, 40.0),
        usd(4, 2, date!(2024 - 06 - 16), 80.0),
    ];
    let bounds = Period::LastDays(30).bounds(TODAY, None);
    assert_eq!(bounds, (date!(2024 - 05 - 17), TODAY));
    let d = summary_over(bounds, &orders, &[], &[], &[]);
    assert_eq!(d.revenue.len(), 2, "May and June");
    assert_eq!(
        d.revenue_total(),
        60.0,
        "the 16th is before, tomorrow after"
    );
    assert_eq!(
        d.new_customers_total(),
        2,
        "the customers of June 1st and 2nd"
    );
}

#[test]
fn a_year_covers_its_twelve_months_and_nothing_from_other_years() {
    let orders = [
        usd(1, 1, date!(2022 - 12 - 31), 1.0),
        usd(2, 1, date!(2023 - 01 - 01), 2.0),
        usd(3, 1, date!(2023 - 12 - 31), 4.0),
        usd(4, 1, date!(2024 - 01 - 01), 8.0),
    ];
    let bounds = Period::Year(2023).bounds(TODAY, None);
    let d = summary_over(bounds, &orders, &[], &[], &[]);
    assert_eq!(d.revenue.len(), 12);
    assert_eq!((d.revenue[0].value, d.revenue[11].value), (2.0, 4.0));
    assert_eq!(d.revenue_total(), 6.0);
    assert_eq!((d.buyers, d.repeat_buyers), (1, 1));
}

#[test]
fn a_custom_range_counts_its_days_and_its_tickets_and_ratings_only() {
    let inside = start_of_day(date!(2024 - 02 - 10));
    let outside = start_of_day(date!(2024 - 04 - 10));
    let mut rated_inside = Ticket::new(id(1), inside, id(1), "A", "", Priority::Normal);
    rated_inside.solve(inside + DAY_MS).unwrap();
    rated_inside.satisfaction = Some(5);
    let mut rated_outside = Ticket::new(id(2), outside, id(1), "B", "", Priority::Normal);
    rated_outside.solve(outside + DAY_MS).unwrap();
    rated_outside.satisfaction = Some(1);
    let period = Period::range("2024-01-15", "2024-03-15").unwrap();
    let bounds = period.bounds(TODAY, None);
    let d = summary_over(bounds, &[], &[], &[rated_inside, rated_outside], &[]);
    assert_eq!(d.tickets_opened.len(), 3, "January to March");
    assert_eq!(d.tickets_opened.iter().map(|m| m.value).sum::<usize>(), 1);
    assert_eq!(d.average_satisfaction, Some(5.0));
    assert_eq!(d.new_customers_total(), 1, "the customer of January 20th");
    assert_eq!(d.open_tickets, 0);
}

#[test]
fn campaigns_that_ran_outside_the_period_have_no_acquisition_cost_in_it() {
    let campaign = Campaign::new(
        id(1),
        0,
        "Spring",
        Channel::Email,
        date!(2024 - 03 - 01),
        date!(2024 - 03 - 31),
        600.0,
    );
    let during = summary_over(
        (date!(2024 - 03 - 31), TODAY),
        &[],
        &[],
        &[],
        std::slice::from_ref(&campaign),
    );
    assert_eq!(during.campaign_costs.len(), 1);
    let after = summary_over((date!(2024 - 04 - 01), TODAY), &[], &[], &[], &[campaign]);
    assert!(after.campaign_costs.is_empty());
}

#[test]
fn the_data_span_falls_back_to_customers_and_tickets_without_orders() {
    let created = [start_of_day(date!(2021 - 03 - 04))];
    let ticket = Ticket::new(
        id(1),
        start_of_day(date!(2022 - 05 - 06)),
        id(1),
        "A",
        "",
        Priority::Normal,
    );
    let tickets = [ticket];
    let sources = Sources {
        customers_created: &created,
        orders: &[],
        deals: &[],
        pipeline: &empty_pipeline(),
        tickets: &tickets,
        campaigns: &[],
    };
    assert_eq!(
        sources.data_span(),
        Some((date!(2021 - 03 - 04), date!(2022 - 05 - 06)))
    );
    assert!(sources.order_years().is_empty());
    let empty = Sources {
        customers_created: &[],
        tickets: &[],
        ..sources
    };
    assert_eq!(empty.data_span(), None);
    let d = summarise(empty, Period::AllTime.bounds(TODAY, None));
    assert_eq!((d.from, d.to, d.revenue.len()), (TODAY, TODAY, 1));
}
