use super::*;
use crate::model::{
    start_of_day, CampaignMember, Channel, LineItem, OrderStatus, Priority, Uuid, DAY_MS,
};
use time::macros::date;

const TODAY: Date = date!(2024 - 06 - 15);

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

fn summary(
    orders: &[Order],
    deals: &[Deal],
    tickets: &[Ticket],
    campaigns: &[Campaign],
) -> Dashboard {
    let created = [
        start_of_day(date!(2024 - 06 - 01)),
        start_of_day(date!(2024 - 06 - 02)),
        start_of_day(date!(2024 - 01 - 20)),
        start_of_day(date!(2020 - 01 - 01)),
    ];
    summarise(
        Sources {
            customers_created: &created,
            orders,
            deals,
            pipeline: &empty_pipeline(),
            tickets,
            campaigns,
        },
        TODAY,
    )
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
    // Repeat purchases count every revenue order, also outside the window.
    assert_eq!((d.buyers, d.repeat_buyers), (2, 2));
    assert_eq!(d.repeat_purchase_rate(), Some(1.0));
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
