//! Claims about the generated data: deterministic, valid, and carrying the
//! latent structure the analytics are meant to find.

use std::collections::HashMap;

use super::*;
use crate::model::{LifecycleStage, OrderStatus, Record, RelationshipKind};

const NOW: Timestamp = 1_717_200_000_000; // 2024-06-01

fn demo(customers: usize) -> DemoBatch {
    generate(DemoConfig { seed: 7, customers }, NOW)
}

fn assert_valid<R: Record + std::fmt::Debug>(records: &[R]) {
    for r in records {
        if let Err(e) = r.validate() {
            panic!("invalid {}: {e}\n{r:#?}", R::COLLECTION);
        }
    }
}

#[test]
fn same_seed_gives_identical_output_regardless_of_batch_sizes() {
    let config = DemoConfig {
        seed: 11,
        customers: 300,
    };
    let whole = generate(config, NOW);
    let mut g = DemoGenerator::new(config, NOW);
    let mut pieces = DemoBatch::default();
    let mut sizes = [1usize, 7, 50, 3, 128].into_iter().cycle();
    while let Some(b) = g.next_batch(sizes.next().unwrap()) {
        pieces.append(b);
    }
    // Not assert_eq!: a failure would print megabytes.
    assert!(pieces.customers == whole.customers, "customers differ");
    assert!(pieces.orders == whole.orders, "orders differ");
    assert!(pieces == whole, "some collection differs");
    let other = generate(
        DemoConfig {
            seed: 12,
            customers: 300,
        },
        NOW,
    );
    assert_ne!(other.customers[0].meta.id, whole.customers[0].meta.id);
}

#[test]
fn progress_counts_up_and_campaigns_come_last() {
    let mut g = DemoGenerator::new(
        DemoConfig {
            seed: 1,
            customers: 25,
        },
        NOW,
    );
    assert_eq!(g.progress(), (0, 25));
    let first = g.next_batch(10).unwrap();
    assert_eq!((first.customers.len(), first.campaigns.len()), (10, 0));
    assert_eq!(g.progress(), (10, 25));
    let _ = g.next_batch(10).unwrap();
    let last = g.next_batch(10).unwrap();
    assert_eq!((last.customers.len(), last.campaigns.len()), (5, 6));
    assert!(g.next_batch(10).is_none());
    assert!(g.is_finished());
}

#[test]
fn zero_customers_yields_one_batch_of_empty_campaigns() {
    let mut g = DemoGenerator::new(
        DemoConfig {
            seed: 1,
            customers: 0,
        },
        NOW,
    );
    let b = g.next_batch(100).unwrap();
    assert!(b.customers.is_empty());
    assert!(b.campaigns.iter().all(|c| c.members.is_empty()));
    assert!(g.next_batch(100).is_none());
}

#[test]
fn every_generated_record_validates() {
    let d = demo(2_000);
    assert_valid(&d.customers);
    assert_valid(&d.interactions);
    assert_valid(&d.orders);
    assert_valid(&d.tickets);
    assert_valid(&d.deals);
    assert_valid(&d.tasks);
    assert_valid(&d.relationships);
    assert_valid(&d.campaigns);
    let pipeline = Pipeline::default();
    for deal in &d.deals {
        deal.validate_against(&pipeline).unwrap();
    }
}

#[test]
fn counts_and_references_are_sane() {
    let d = demo(2_000);
    assert_eq!(d.customers.len(), 2_000);
    let ids: HashMap<Id, &Customer> = d.customers.iter().map(|c| (c.meta.id, c)).collect();
    assert_eq!(ids.len(), 2_000, "customer ids are unique");
    assert!(d.orders.len() > 4_000, "orders: {}", d.orders.len());
    assert!(
        d.interactions.len() > 4_000,
        "interactions: {}",
        d.interactions.len()
    );
    assert!(d.tickets.len() > 300, "tickets: {}", d.tickets.len());
    assert!(d.deals.len() > 200, "deals: {}", d.deals.len());
    assert!(!d.tasks.is_empty());
    assert!(d.orders.iter().all(|o| ids.contains_key(&o.customer_id)));
    assert!(d.tickets.iter().all(|t| ids.contains_key(&t.customer_id)));
    assert!(d
        .interactions
        .iter()
        .all(|i| ids.contains_key(&i.customer_id)));
    assert!(d
        .relationships
        .iter()
        .all(|r| ids.contains_key(&r.from) && ids.contains_key(&r.to)));
    let referrals = d
        .relationships
        .iter()
        .filter(|r| r.kind == RelationshipKind::Referred)
        .count();
    assert!((120..=280).contains(&referrals), "referrals: {referrals}");
    assert_eq!(d.campaigns.len(), 6);
    assert!(d.campaigns.iter().all(|c| !c.members.is_empty()));
    let chinese = d
        .customers
        .iter()
        .filter(|c| c.address.country == "China")
        .count();
    assert!((400..=700).contains(&chinese), "chinese: {chinese}");
    assert!(d
        .tickets
        .iter()
        .any(|t| t.feedback.as_deref() == Some("送货太慢了，很失望")));
}

#[test]
fn timestamps_fall_in_the_three_years_before_now() {
    let d = demo(500);
    let start = NOW - HISTORY_MS;
    let in_range = |t: Timestamp| (start..=NOW).contains(&t);
    assert!(d
        .customers
        .iter()
        .all(|c| in_range(c.meta.created_at) && in_range(c.meta.updated_at)));
    assert!(d.orders.iter().all(|o| in_range(o.meta.created_at)));
    assert!(d.interactions.iter().all(|i| in_range(i.at)));
    assert!(d
        .tickets
        .iter()
        .all(|t| in_range(t.opened_at) && t.solved_at.is_none_or(in_range)));
}

#[test]
fn segments_differ_in_mean_income() {
    let d = demo(2_000);
    let mut sums: HashMap<&str, (f64, usize)> = HashMap::new();
    for c in &d.customers {
        if let (Some(seg), Some(inc)) = (&c.segment, c.annual_income) {
            let e = sums.entry(seg.as_str()).or_default();
            e.0 += inc;
            e.1 += 1;
        }
    }
    let mean = |s: Segment| {
        let (sum, n) = sums[s.label()];
        sum / n as f64
    };
    assert_eq!(sums.len(), 5);
    assert!(mean(Segment::AffluentProfessional) > 2.5 * mean(Segment::YoungBudget));
    assert!(mean(Segment::YoungBudget) > 2.0 * mean(Segment::Student));
}

#[test]
fn customers_with_more_tickets_rate_lower() {
    let d = demo(2_000);
    let mut per_customer: HashMap<Id, (usize, Vec<u8>)> = HashMap::new();
    for t in &d.tickets {
        let e = per_customer.entry(t.customer_id).or_default();
        e.0 += 1;
        e.1.extend(t.satisfaction);
    }
    let mean_where = |pred: &dyn Fn(usize) -> bool| {
        let scores: Vec<f64> = per_customer
            .values()
            .filter(|(n, _)| pred(*n))
            .flat_map(|(_, s)| s.iter().map(|&x| x as f64))
            .collect();
        scores.iter().sum::<f64>() / scores.len() as f64
    };
    let one = mean_where(&|n| n == 1);
    let many = mean_where(&|n| n >= 3);
    assert!(
        one > many + 0.3,
        "one ticket {one:.2} vs three or more {many:.2}"
    );
}

#[test]
fn satisfied_customers_buy_more_often() {
    let d = demo(2_000);
    let mut orders: HashMap<Id, usize> = HashMap::new();
    for o in d.orders.iter().filter(|o| o.status.is_revenue()) {
        *orders.entry(o.customer_id).or_default() += 1;
    }
    let (mut happy, mut unhappy) = (Vec::new(), Vec::new());
    for t in d
        .tickets
        .iter()
        .filter_map(|t| t.satisfaction.map(|s| (t.customer_id, s)))
    {
        let n = orders.get(&t.0).copied().unwrap_or(0) as f64;
        if t.1 >= 4 {
            happy.push(n)
        } else if t.1 <= 2 {
            unhappy.push(n)
        }
    }
    let mean = |v: &[f64]| v.iter().sum::<f64>() / v.len() as f64;
    assert!(
        mean(&happy) > mean(&unhappy),
        "{} vs {}",
        mean(&happy),
        mean(&unhappy)
    );
}

#[test]
fn lifecycle_stages_agree_with_orders() {
    let d = demo(2_000);
    let mut last: HashMap<Id, Timestamp> = HashMap::new();
    let mut quotes: HashMap<Id, bool> = HashMap::new();
    for o in &d.orders {
        if o.status.is_revenue() {
            let e = last.entry(o.customer_id).or_insert(0);
            *e = (*e).max(o.meta.created_at);
        }
        if o.status == OrderStatus::Quote {
            quotes.insert(o.customer_id, true);
        }
    }
    let mut seen = HashMap::new();
    for c in &d.customers {
        *seen.entry(c.lifecycle).or_insert(0) += 1;
        match (c.lifecycle, last.get(&c.meta.id)) {
            (LifecycleStage::Subscriber | LifecycleStage::Lead, None) => {}
            (LifecycleStage::Opportunity, None) => assert!(quotes.contains_key(&c.meta.id)),
            (LifecycleStage::Churned, Some(t)) => assert!(NOW - t > 365 * DAY_MS),
            (LifecycleStage::Customer | LifecycleStage::Evangelist, Some(t)) => {
                assert!(NOW - t <= 365 * DAY_MS)
            }
            (stage, last) => panic!("{stage:?} with last purchase {last:?}"),
        }
    }
    assert_eq!(seen.len(), 6, "every stage occurs: {seen:?}");
}

#[test]
fn orders_have_one_to_four_line_items_from_the_catalogue() {
    let d = demo(300);
    for o in &d.orders {
        assert!((1..=4).contains(&o.line_items.len()));
        assert!(o
            .line_items
            .iter()
            .all(|li| PRODUCTS.iter().any(|p| p.name == li.product)));
        assert_eq!(o.currency, CURRENCY);
    }
}

#[test]
fn demo_deals_use_the_configured_stages_and_the_default_ones_are_unchanged() {
    let config = DemoConfig {
        seed: 7,
        customers: 500,
    };
    let default_deals = generate(config, NOW).deals;
    let explicit_default = DemoGenerator::new(config, NOW)
        .with_pipeline(Pipeline::default())
        .generate_all()
        .deals;
    assert_eq!(default_deals, explicit_default);

    let custom = Pipeline {
        stages: ["Discovery", "Offer", "Won", "Lost"]
            .map(String::from)
            .to_vec(),
    };
    let deals = DemoGenerator::new(config, NOW)
        .with_pipeline(custom.clone())
        .generate_all()
        .deals;
    assert_eq!(deals.len(), default_deals.len());
    let mut seen = HashMap::new();
    for deal in &deals {
        deal.validate_against(&custom).unwrap();
        *seen.entry(deal.stage.as_str()).or_insert(0) += 1;
    }
    assert!(
        seen.contains_key("Discovery") && seen.contains_key("Offer"),
        "both open stages get deals: {seen:?}"
    );
}

#[test]
fn about_one_customer_in_a_hundred_has_a_twin_sharing_their_contact_details() {
    let d = demo(2_000);
    let twins: Vec<&Customer> = d
        .customers
        .iter()
        .filter(|c| c.source == "Business card")
        .collect();
    assert!((10..=25).contains(&twins.len()), "{} twins", twins.len());
    for twin in twins {
        let original = d
            .customers
            .iter()
            .find(|c| {
                c.meta.id != twin.meta.id
                    && c.family_name == twin.family_name
                    && c.address.city == twin.address.city
                    && (twin.emails.iter().any(|e| c.emails.contains(e))
                        || twin.phones.iter().any(|p| c.phones.contains(p))
                        // The original had neither: the twin shares the name.
                        || (twin.emails.is_empty() && twin.phones.is_empty()))
            })
            .unwrap_or_else(|| panic!("no original for {twin:?}"));
        assert!(original.meta.created_at < twin.meta.created_at);
        assert!(
            d.interactions.iter().any(|i| i.customer_id == twin.meta.id),
            "the twin has its own note"
        );
    }
}
