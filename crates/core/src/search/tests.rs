use super::*;
use crate::model::{CustomValue, LifecycleStage, Uuid};

const NOW: i64 = 1_700_000_000_000;

fn customer(
    n: u128,
    given: &str,
    family: &str,
    email: &str,
    company: &str,
    phone: &str,
) -> Customer {
    let mut c = Customer::new(Uuid::from_u128(n), NOW + n as i64);
    c.given_name = given.into();
    c.family_name = family.into();
    c.emails = [email]
        .iter()
        .filter(|e| !e.is_empty())
        .map(|e| e.to_string())
        .collect();
    c.phones = [phone]
        .iter()
        .filter(|p| !p.is_empty())
        .map(|p| p.to_string())
        .collect();
    c.company = company.into();
    c
}

fn row(n: u128, given: &str, family: &str, email: &str, company: &str, phone: &str) -> CustomerRow {
    CustomerRow::from_customer(&customer(n, given, family, email, company, phone))
}

fn id(n: u128) -> Id {
    Uuid::from_u128(n)
}

/// Ada (1), Alan (2), Grace (3) and 王伟 (4).
fn sample() -> CustomerIndex {
    CustomerIndex::build([
        row(
            1,
            "Ada",
            "Lovelace",
            "ada.lovelace@example.com",
            "Analytical Engines Ltd",
            "+15550123",
        ),
        row(
            2,
            "Alan",
            "Turing",
            "alan@bletchley.org",
            "Bletchley Park",
            "+441234567890",
        ),
        row(
            3,
            "Grace",
            "Hopper",
            "grace_hopper+work@navy.mil",
            "US Navy",
            "",
        ),
        row(
            4,
            "伟",
            "王",
            "wang.wei@example.cn",
            "北京科技有限公司",
            "+8613812345678",
        ),
    ])
}

fn search(index: &CustomerIndex, text: &str) -> Vec<Id> {
    let mut ids = index.query(&ListQuery {
        text: text.into(),
        ..ListQuery::default()
    });
    ids.sort();
    ids
}

fn ids(ns: &[u128]) -> Vec<Id> {
    let mut v: Vec<Id> = ns.iter().map(|&n| id(n)).collect();
    v.sort();
    v
}

#[test]
fn prefix_search_finds_by_given_name_family_name_and_company_word() {
    let index = sample();
    assert_eq!(search(&index, "ad"), ids(&[1]));
    assert_eq!(search(&index, "LOVE"), ids(&[1]));
    assert_eq!(search(&index, "analyt"), ids(&[1]));
    assert_eq!(search(&index, "engines"), ids(&[1]));
    assert_eq!(search(&index, "park"), ids(&[2]));
    assert_eq!(search(&index, "zzz"), ids(&[]));
}

#[test]
fn email_parts_find_the_customer() {
    let index = sample();
    for q in [
        "lovelace",
        "example.com",
        "lovelace@ex",
        "ada.lovelace@example.com",
        "ada.love",
    ] {
        assert!(search(&index, q).contains(&id(1)), "{q}");
    }
    assert_eq!(search(&index, "example"), ids(&[1, 4]));
    assert_eq!(search(&index, "hopper+work"), ids(&[3]));
    assert_eq!(search(&index, "navy.mil"), ids(&[3]));
    assert_eq!(search(&index, "lovelace@bl"), ids(&[]));
}

#[test]
fn phone_digits_and_their_tail_find_the_customer() {
    let index = sample();
    for q in ["5550123", "0123", "+1 555 0123", "555-0123", "15550123"] {
        assert_eq!(search(&index, q), ids(&[1]), "{q}");
    }
    assert_eq!(search(&index, "5678"), ids(&[2, 4]));
    assert_eq!(search(&index, "38123"), ids(&[4]));
    assert_eq!(search(&index, "44"), ids(&[2]));
}

#[test]
fn every_word_of_the_query_must_match() {
    let index = sample();
    assert_eq!(search(&index, "a"), ids(&[1, 2]));
    assert_eq!(search(&index, "a turing"), ids(&[2]));
    assert_eq!(search(&index, "ada turing"), ids(&[]));
    assert_eq!(search(&index, "  ada   lovelace 0123 "), ids(&[1]));
}

#[test]
fn chinese_name_is_found_by_one_character_or_the_whole_name() {
    let index = sample();
    assert_eq!(search(&index, "伟"), ids(&[4]));
    assert_eq!(search(&index, "王"), ids(&[4]));
    assert_eq!(search(&index, "王伟"), ids(&[4]));
    assert_eq!(search(&index, "科技"), ids(&[4]));
    assert_eq!(search(&index, "王明"), ids(&[]));
}

fn filtered(index: &CustomerIndex, filter: Filter) -> Vec<Id> {
    let mut ids = index.query(&ListQuery {
        filter,
        ..ListQuery::default()
    });
    ids.sort();
    ids
}

#[test]
fn filters_combine_and_compare_text_case_insensitively() {
    let mut cs: Vec<Customer> = (1..=4)
        .map(|n| customer(n, "P", &format!("N{n}"), "", "", ""))
        .collect();
    cs[0].tags = vec!["VIP".into(), "Newsletter".into()];
    cs[1].tags = vec!["vip".into()];
    cs[2].tags = vec!["VIP".into(), "newsletter".into()];
    cs[0].lifecycle = LifecycleStage::Customer;
    cs[1].lifecycle = LifecycleStage::Customer;
    cs[2].lifecycle = LifecycleStage::Churned;
    cs[0].address.country = "France".into();
    cs[1].address.country = "Germany".into();
    cs[2].address.country = "france".into();
    cs[0].segment = Some("Retirees".into());
    cs[2].segment = Some("Students".into());
    cs[0]
        .custom_fields
        .insert("Plan".into(), CustomValue::Choice("Gold".into()));
    cs[2]
        .custom_fields
        .insert("Plan".into(), CustomValue::Choice("Silver".into()));
    cs[3]
        .custom_fields
        .insert("Seats".into(), CustomValue::Number(12.0));
    let index = CustomerIndex::build(cs.iter().map(CustomerRow::from_customer));

    let tags = |t: &[&str]| t.iter().map(|s| s.to_string()).collect::<Vec<_>>();
    assert_eq!(
        filtered(
            &index,
            Filter {
                tags: tags(&["vip"]),
                ..Filter::default()
            }
        ),
        ids(&[1, 2, 3])
    );
    assert_eq!(
        filtered(
            &index,
            Filter {
                tags: tags(&["vip", "NEWSLETTER"]),
                ..Filter::default()
            }
        ),
        ids(&[1, 3])
    );
    let f = Filter {
        tags: tags(&["vip", "newsletter"]),
        stages: vec![LifecycleStage::Customer, LifecycleStage::Evangelist],
        ..Filter::default()
    };
    assert_eq!(filtered(&index, f), ids(&[1]));
    let f = Filter {
        countries: tags(&[" FRANCE "]),
        segments: tags(&["students", "nobody"]),
        ..Filter::default()
    };
    assert_eq!(filtered(&index, f), ids(&[3]));
    let f = Filter {
        custom: vec![("plan".into(), "gold".into())],
        ..Filter::default()
    };
    assert_eq!(filtered(&index, f), ids(&[1]));
    let f = Filter {
        custom: vec![("Seats".into(), "12".into())],
        ..Filter::default()
    };
    assert_eq!(filtered(&index, f), ids(&[4]));
    let q = ListQuery {
        text: "n3".into(),
        filter: Filter {
            tags: tags(&["vip"]),
            ..Filter::default()
        },
        ..ListQuery::default()
    };
    assert_eq!(index.query(&q), ids(&[3]));
}

#[test]
fn sort_by_every_column_puts_missing_values_last_in_both_directions() {
    // Row 1 has every value, row 2 smaller ones, row 3 none that can be missing.
    let mut a = customer(1, "Bea", "B", "b@b.com", "B Co", "+442");
    a.address.city = "Bonn".into();
    a.address.country = "Brazil".into();
    a.segment = Some("B".into());
    a.lifecycle = LifecycleStage::Customer;
    let mut b = customer(2, "aaron", "A", "a@a.com", "a co", "+441");
    b.address.city = "aachen".into();
    b.address.country = "austria".into();
    b.segment = Some("a".into());
    b.lifecycle = LifecycleStage::Subscriber;
    b.meta.created_at = NOW - 10;
    b.meta.updated_at = NOW - 10;
    let mut c = customer(3, "", "", "", "", "");
    c.lifecycle = LifecycleStage::Churned;
    c.meta.updated_at = NOW + 100;
    let mut index = CustomerIndex::build([&a, &b, &c].map(CustomerRow::from_customer));
    index.set_likelihood(&id(1), Some(0.9));
    index.set_likelihood(&id(2), Some(-0.5));
    // Row 1 has the larger figures (and the later segment in best-first
    // order), row 3 none.
    let figures = |n: u128, spend: f64, segment| crate::jobs::insight::CustomerInsight {
        customer_id: id(n),
        spend,
        currency: "EUR".into(),
        orders: spend as usize,
        last_order: time::Date::MIN + time::Duration::days(spend as i64),
        days_since_last: 0,
        rfm: (1, 1, 1),
        segment,
        predicted_value: Some(spend),
        predicted_purchases: Some(2.0),
        probability_alive: Some(1.0),
    };
    index.set_figures(&[
        figures(1, 90.0, crate::insight::Segment::Lost),
        figures(2, 3.0, crate::insight::Segment::Champions),
    ]);

    for column in Column::ALL {
        let sorted = |descending| {
            index.query(&ListQuery {
                sort: Sort { column, descending },
                ..ListQuery::default()
            })
        };
        let (asc, desc) = (sorted(false), sorted(true));
        match column {
            // Never missing: row 3 holds the largest value.
            Column::Stage | Column::Created | Column::Updated => {
                assert_eq!(asc, vec![id(2), id(1), id(3)], "{column:?}");
                assert_eq!(desc, vec![id(3), id(1), id(2)], "{column:?}");
            }
            // Row 3's display name falls back to "(no name)", which sorts first.
            Column::Name => {
                assert_eq!(asc, vec![id(3), id(2), id(1)], "{column:?}");
                assert_eq!(desc, vec![id(1), id(2), id(3)], "{column:?}");
            }
            _ => {
                assert_eq!(asc, vec![id(2), id(1), id(3)], "{column:?}");
                assert_eq!(desc, vec![id(1), id(2), id(3)], "{column:?}");
            }
        }
    }
}

#[test]
fn sort_ties_keep_name_order_in_both_directions() {
    let rows = [(1, "Cy"), (2, "Al"), (3, "Bo")].map(|(n, g)| row(n, g, "X", "", "Same Co", ""));
    let index = CustomerIndex::build(rows);
    for descending in [false, true] {
        let q = ListQuery {
            sort: Sort {
                column: Column::Company,
                descending,
            },
            ..ListQuery::default()
        };
        assert_eq!(index.query(&q), vec![id(2), id(3), id(1)]);
    }
}

#[test]
fn upsert_of_a_changed_email_stops_the_old_one_matching() {
    let mut index = sample();
    let mut ada = customer(1, "Ada", "Lovelace", "ada@engines.io", "", "");
    ada.meta.version = 2;
    index.upsert_customer(&ada);
    assert_eq!(search(&index, "example"), ids(&[4]));
    assert_eq!(search(&index, "lovelace@ex"), ids(&[]));
    assert_eq!(search(&index, "engines.io"), ids(&[1]));
    assert_eq!(index.len(), 4);
    // And once more, now that the row lives in the delta.
    index.upsert(row(1, "Ada", "King", "ada@king.io", "", ""));
    assert_eq!(search(&index, "engines"), ids(&[]));
    assert_eq!(search(&index, "king"), ids(&[1]));
}

#[test]
fn remove_hides_the_row_and_other_ids_stay_valid() {
    let mut index = sample();
    assert_eq!(
        index.remove(&id(2)).map(|r| r.name),
        Some("Alan Turing".to_string())
    );
    assert_eq!(index.remove(&id(2)), None);
    assert_eq!(search(&index, "alan"), ids(&[]));
    assert!(index.get(&id(2)).is_none());
    assert_eq!(index.len(), 3);
    // The freed slot is reused; every id still finds its own row.
    assert!(index.upsert(row(5, "Alan", "Kay", "alan@parc.com", "", "")));
    assert_eq!(search(&index, "alan"), ids(&[5]));
    assert_eq!(
        index.get(&id(1)).map(|r| r.name.as_str()),
        Some("Ada Lovelace")
    );
    assert_eq!(index.get(&id(5)).map(|r| r.name.as_str()), Some("Alan Kay"));
    let mut trashed = customer(1, "Ada", "Lovelace", "", "", "");
    trashed.meta.soft_delete(NOW);
    index.upsert_customer(&trashed);
    assert_eq!(search(&index, "ada"), ids(&[]));
}

#[test]
fn many_changes_rebuild_the_table_and_keep_answers_right() {
    let mut index =
        CustomerIndex::build((0..2_000).map(|n| row(n, "Old", &format!("F{n}"), "", "", "")));
    for n in 0..2_000u128 {
        if n % 2 == 0 {
            index.upsert(row(n, "New", &format!("F{n}"), "", "", ""));
        } else {
            index.remove(&id(n));
        }
    }
    for n in 2_000..3_000 {
        index.upsert(row(n, "Fresh", "Z", "", "", ""));
    }
    assert_eq!(index.len(), 2_000);
    assert_eq!(search(&index, "old"), ids(&[]));
    assert_eq!(search(&index, "new").len(), 1_000);
    assert_eq!(search(&index, "fresh").len(), 1_000);
    assert_eq!(search(&index, "f1998"), ids(&[1998]));
}

#[test]
fn saved_view_round_trips_through_json() {
    let view = SavedView {
        name: "French VIPs".into(),
        query: ListQuery {
            text: "ada".into(),
            filter: Filter {
                tags: vec!["VIP".into()],
                stages: vec![LifecycleStage::Customer],
                custom: vec![("Plan".into(), "Gold".into())],
                ..Filter::default()
            },
            sort: Sort {
                column: Column::Likelihood,
                descending: true,
            },
        },
    };
    let json = serde_json::to_string(&view).expect("serialises");
    assert!(json.contains("\"likelihood\""), "{json}");
    assert_eq!(
        serde_json::from_str::<SavedView>(&json).expect("parses"),
        view
    );
    let partial: ListQuery = serde_json::from_str(r#"{"text":"x"}"#).expect("defaults fill in");
    assert_eq!(partial.sort, Sort::default());
}

#[test]
fn facets_count_case_insensitively_most_used_first() {
    let mut cs: Vec<Customer> = (1..=3).map(|n| customer(n, "P", "Q", "", "", "")).collect();
    cs[0].tags = vec!["VIP".into(), "B2B".into()];
    cs[1].tags = vec!["vip".into()];
    cs[2].tags = vec!["Alpha".into()];
    cs[0].address.country = "China".into();
    cs[1].address.country = "China".into();
    cs[0].segment = Some("Students".into());
    let index = CustomerIndex::build(cs.iter().map(CustomerRow::from_customer));
    let tags = index.distinct_tags();
    assert_eq!(tags[0], ("VIP".to_string(), 2));
    assert_eq!(
        &tags[1..],
        &[("Alpha".to_string(), 1), ("B2B".to_string(), 1)]
    );
    assert_eq!(index.distinct_countries(), vec![("China".to_string(), 2)]);
    assert_eq!(index.distinct_segments(), vec![("Students".to_string(), 1)]);
}

#[test]
fn recent_negative_filter_keeps_exactly_the_flagged_rows_and_survives_an_edit() {
    let mut index = sample();
    index.set_recent_negative(&[id(2), id(4)]);
    let flagged = |index: &CustomerIndex| {
        let mut ids = index.query(&ListQuery {
            filter: Filter {
                recent_negative: true,
                ..Filter::default()
            },
            ..ListQuery::default()
        });
        ids.sort();
        ids
    };
    assert_eq!(flagged(&index), vec![id(2), id(4)]);
    // An edit of a flagged customer keeps the flag.
    index.upsert_customer(&customer(2, "Alan", "Turing", "", "GCHQ", ""));
    assert_eq!(flagged(&index), vec![id(2), id(4)]);
    // A new overview replaces the old flags.
    index.set_recent_negative(&[id(1)]);
    assert_eq!(flagged(&index), vec![id(1)]);
    assert!(!Filter {
        recent_negative: true,
        ..Filter::default()
    }
    .is_empty());
}

#[test]
fn many_customers_at_once_give_the_index_one_by_one_would() {
    let people: Vec<Customer> = (1..=400u128)
        .map(|n| {
            customer(
                n,
                &format!("Given{}", n % 37),
                &format!("Family{}", n % 53),
                &format!("p{n}@example.com"),
                if n % 3 == 0 { "Acme" } else { "Initech" },
                &format!("555-{n:04}"),
            )
        })
        .collect();
    let start = || {
        let mut index = CustomerIndex::build(people[..250].iter().map(CustomerRow::from_customer));
        index.set_likelihood(&id(7), Some(0.75));
        index
    };
    let (mut one_by_one, mut at_once) = (start(), start());
    // New customers, edits (one renamed, one with a kept likelihood) and a trashed one.
    let mut changed: Vec<Customer> = people[250..].to_vec();
    let mut renamed = people[6].clone();
    renamed.given_name = "Renamed".into();
    changed.push(renamed);
    let mut trashed = people[9].clone();
    trashed.meta.deleted_at = Some(NOW);
    changed.push(trashed);
    for c in &changed {
        one_by_one.upsert_customer(c);
    }
    at_once.upsert_customers(&changed);

    let rows = |index: &CustomerIndex| {
        let mut rows: Vec<CustomerRow> = index.rows().cloned().collect();
        rows.sort_by_key(|r| r.id);
        rows
    };
    assert_eq!(rows(&at_once), rows(&one_by_one));
    assert_eq!(at_once.len(), 399);
    assert_eq!(at_once.get(&id(7)).and_then(|r| r.likelihood), Some(0.75));
    for text in [
        "given1", "renamed", "acme", "p300@", "555-03", "family5", "given9",
    ] {
        assert_eq!(search(&at_once, text), search(&one_by_one, text), "{text}");
    }
    assert!(search(&at_once, "renamed").contains(&id(7)));
    assert!(!search(&at_once, "p10@").contains(&id(10)));
}
