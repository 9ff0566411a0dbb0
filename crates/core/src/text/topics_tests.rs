use std::collections::HashMap;

use super::*;
use crate::text::synthetic::{synthetic_doc, synthetic_topic};
use crate::text::TextDoc;

fn tickets(n: u64) -> TextIndex {
    TextIndex::build((0..n).map(|i| synthetic_doc(i, TextKind::Ticket)))
}

#[test]
fn topics_recover_the_planted_topics() {
    let index = tickets(800);
    let t = topics(&index, &[TextKind::Ticket], 8, 1);
    assert_eq!(t.topics.len(), 8);
    assert_eq!(t.assignments.len(), 800);
    // Most texts of one planted topic share a found topic (purity ≥ 0.8).
    let mut counts: HashMap<(usize, usize), usize> = HashMap::new();
    for &(key, topic) in &t.assignments {
        let n = key.id.as_u128() as u64 - 1;
        *counts.entry((synthetic_topic(n), topic)).or_default() += 1;
    }
    let mut best = [0usize; 8];
    for (&(planted, _), &c) in &counts {
        best[planted] = best[planted].max(c);
    }
    let purity = best.iter().sum::<usize>() as f64 / 800.0;
    assert!(purity >= 0.8, "purity {purity}");
    // Sizes add up, largest first, each named by three words.
    assert_eq!(t.topics.iter().map(|x| x.size).sum::<usize>(), 800);
    assert!(t.topics.windows(2).all(|w| w[0].size >= w[1].size));
    assert!(t.topics.iter().all(|x| x.name.split(", ").count() == 3));
}

#[test]
fn topics_are_deterministic_for_a_seed() {
    let index = tickets(300);
    assert_eq!(topics(&index, &[], 5, 42), topics(&index, &[], 5, 42));
}

#[test]
fn topic_names_use_surface_words_not_stems() {
    let index = tickets(300);
    let t = topics(&index, &[], 8, 3);
    let words: Vec<&str> = t
        .topics
        .iter()
        .flat_map(|x| x.terms.iter().map(String::as_str))
        .collect();
    // "invoic" / "deliveri" are stems; the names show the words.
    assert!(!words.iter().any(|w| *w == "invoic" || *w == "deliveri"));
}

#[test]
fn monthly_counts_add_up_per_month() {
    let index = tickets(400);
    let t = topics(&index, &[], 4, 9);
    let months = t.monthly(&index);
    assert!(months.windows(2).all(|w| w[0].0 < w[1].0));
    let total: usize = months.iter().flat_map(|(_, c)| c.iter()).sum();
    assert_eq!(total, 400);
    assert!(months.iter().all(|(_, c)| c.len() == t.topics.len()));
}

#[test]
fn degenerate_inputs_give_few_or_no_topics() {
    let empty = TextIndex::new();
    assert_eq!(topics(&empty, &[], 3, 0), Topics::default());
    assert_eq!(topics(&tickets(10), &[], 0, 0), Topics::default());
    let mut same = TextIndex::new();
    for i in 0..5u128 {
        let mut d: TextDoc = synthetic_doc(1, TextKind::Ticket);
        d.key.id = uuid::Uuid::from_u128(i + 100);
        same.upsert(d);
    }
    let t = topics(&same, &[], 3, 0);
    assert_eq!(t.topics.len(), 1);
    assert_eq!(t.topics[0].size, 5);
}

#[test]
fn suggest_k_stays_small_and_within_the_texts() {
    assert_eq!(suggest_k(0), 0);
    assert_eq!(suggest_k(1), 1);
    assert_eq!(suggest_k(50), 5);
    assert_eq!(suggest_k(100_000), 10);
}
