use std::collections::HashMap;

use proptest::prelude::*;
use rand::{Rng, SeedableRng};
use rand_xoshiro::Xoshiro256PlusPlus;
use uuid::Uuid;

use super::dupes::all_pairs;
use super::*;
use crate::text::synthetic::{synthetic_doc, synthetic_note};
use crate::text::tfidf::{dot, TfIdf};
use crate::text::tokenize::terms;

fn doc(n: u128, kind: TextKind, at: i64, title: &str, body: &str) -> TextDoc {
    TextDoc {
        key: DocKey {
            kind,
            id: Uuid::from_u128(n),
        },
        customer: Uuid::from_u128(1000 + n % 3),
        at,
        title: title.to_string(),
        body: body.to_string(),
    }
}

fn doc_terms(d: &TextDoc) -> Vec<String> {
    let mut t = terms(&d.title);
    t.extend(terms(&d.body));
    t
}

/// The index's vector of `key` as `term → weight`.
fn named(index: &TextIndex, key: DocKey) -> HashMap<String, f64> {
    let v = index.vector(key).unwrap_or_default();
    v.entries
        .iter()
        .map(|&(t, w)| (index.term(t).unwrap_or_default().to_string(), w))
        .collect()
}

fn assert_hits_equal(a: &[Hit], b: &[Hit]) {
    assert_eq!(a.len(), b.len());
    for (x, y) in a.iter().zip(b) {
        assert!((x.score - y.score).abs() < 1e-9, "{x:?} vs {y:?}");
        // Keys may only differ between scores equal up to rounding.
        if x.key != y.key {
            assert!((x.score - y.score).abs() < 1e-12, "{x:?} vs {y:?}");
        }
    }
}

/// Weights, similar, search and near-duplicates of `index` equal a fresh
/// build of `docs` and a batch TF-IDF fit.
fn assert_same_as_fresh(index: &TextIndex, docs: &HashMap<DocKey, TextDoc>) {
    let mut sorted: Vec<&TextDoc> = docs.values().collect();
    sorted.sort_by_key(|d| d.key);
    let fresh = TextIndex::build(sorted.iter().map(|d| (*d).clone()));
    assert_eq!(index.len(), docs.len());
    let batch = TfIdf::fit(&sorted.iter().map(|d| doc_terms(d)).collect::<Vec<_>>());
    for (d, row) in sorted.iter().zip(&batch.matrix) {
        let want: HashMap<String, f64> = row
            .entries
            .iter()
            .map(|&(t, w)| (batch.vocabulary.term(t).unwrap_or_default().to_string(), w))
            .collect();
        let got = named(index, d.key);
        assert_eq!(got.len(), want.len(), "{:?}", d.key);
        for (term, w) in &want {
            assert!(
                (got[term] - w).abs() < 1e-12,
                "{term}: {} vs {w}",
                got[term]
            );
        }
        assert_hits_equal(&index.similar(d.key, 5), &fresh.similar(d.key, 5));
    }
    for text in [
        "invoice refund",
        "登录 密码",
        "customer 发票 overdue",
        "nothing-here",
    ] {
        let q = TextQuery {
            text: text.to_string(),
            limit: 7,
            ..TextQuery::default()
        };
        let (a, b) = (index.search(&q), fresh.search(&q));
        let ha: Vec<Hit> = a.iter().map(|h| h.hit.clone()).collect();
        let hb: Vec<Hit> = b.iter().map(|h| h.hit.clone()).collect();
        assert_hits_equal(&ha, &hb);
    }
    let (a, b) = (
        index.near_duplicates(0.6, &[]),
        fresh.near_duplicates(0.6, &[]),
    );
    assert_eq!(a.len(), b.len());
    for (x, y) in a.iter().zip(&b) {
        assert!((x.score - y.score).abs() < 1e-9);
    }
}

#[test]
fn incremental_updates_equal_a_fresh_build() {
    let mut rng = Xoshiro256PlusPlus::seed_from_u64(7);
    let mut index = TextIndex::new();
    let mut docs: HashMap<DocKey, TextDoc> = HashMap::new();
    for step in 0..400u64 {
        let n = rng.gen_range(0..120u64);
        let kind = if n % 3 == 0 {
            TextKind::Ticket
        } else {
            TextKind::Note
        };
        let mut d = synthetic_doc(n, kind);
        if rng.gen_bool(0.3) {
            // An edit: a different text under the same key.
            d.body = synthetic_note(n + 1000 + step);
        }
        if rng.gen_bool(0.25) {
            index.remove(d.key);
            docs.remove(&d.key);
        } else {
            index.upsert(d.clone());
            docs.insert(d.key, d);
        }
        if step % 100 == 99 {
            assert_same_as_fresh(&index, &docs);
        }
    }
    // Remove everything: the index is empty and answers nothing.
    for key in docs.keys() {
        index.remove(*key);
    }
    assert!(index.is_empty());
    assert!(index.near_duplicates(0.1, &[]).is_empty());
}

#[test]
fn weights_equal_the_batch_tfidf_fit() {
    let docs: Vec<TextDoc> = (0..200).map(|n| synthetic_doc(n, TextKind::Note)).collect();
    let index = TextIndex::build(docs.clone());
    let map = docs.iter().map(|d| (d.key, d.clone())).collect();
    assert_same_as_fresh(&index, &map);
}

#[test]
fn similar_excludes_the_text_itself_and_ranks_best_first() {
    let docs: Vec<TextDoc> = (0..300).map(|n| synthetic_doc(n, TextKind::Note)).collect();
    let index = TextIndex::build(docs.clone());
    // Note 49 is planted as a near-copy of note 42.
    let hits = index.similar(docs[49].key, 10);
    assert_eq!(hits.len(), 10);
    assert_eq!(hits[0].key, docs[42].key);
    assert!(hits.iter().all(|h| h.key != docs[49].key));
    assert!(hits.windows(2).all(|w| w[0].score >= w[1].score));
    // Scores are the cosines of the vectors.
    let me = index.vector(docs[49].key).unwrap_or_default();
    for h in &hits {
        let other = index.vector(h.key).unwrap_or_default();
        assert!((me.dot(&other) - h.score).abs() < 1e-12);
    }
}

#[test]
fn search_ranks_filters_and_reports_matched_terms() {
    let index = TextIndex::build([
        doc(
            1,
            TextKind::Note,
            100,
            "Refund",
            "The customer wants a refund for the invoice",
        ),
        doc(
            2,
            TextKind::Ticket,
            200,
            "Invoice wrong",
            "发票 amount is wrong",
        ),
        doc(3, TextKind::Email, 300, "Lunch", "See you at lunch"),
        doc(
            4,
            TextKind::Ticket,
            400,
            "退款",
            "客户要求退款, refund please",
        ),
    ]);
    let q = |text: &str| TextQuery {
        text: text.to_string(),
        ..TextQuery::default()
    };
    let hits = index.search(&q("refunds invoices"));
    let ids: Vec<u128> = hits.iter().map(|h| h.hit.key.id.as_u128()).collect();
    // Doc 1 has both words; 2 and 4 one each (4's Chinese makes it longer).
    assert_eq!(ids, [1, 2, 4]);
    assert!(hits.windows(2).all(|w| w[0].hit.score > w[1].hit.score));
    assert_eq!(hits[0].matched, ["refund", "invoic"]);
    assert_eq!(hits[1].matched, ["invoic"]);
    assert_eq!(hits[2].matched, ["refund"]);
    let tickets = index.search(&TextQuery {
        kinds: vec![TextKind::Ticket],
        ..q("refund invoice")
    });
    assert!(tickets.iter().all(|h| h.hit.key.kind == TextKind::Ticket));
    let window = index.search(&TextQuery {
        from: Some(150),
        to: Some(400),
        ..q("refund invoice 发票")
    });
    let ids: Vec<u128> = window.iter().map(|h| h.hit.key.id.as_u128()).collect();
    assert_eq!(ids, [2]);
    let limited = index.search(&TextQuery {
        limit: 1,
        ..q("refund")
    });
    assert_eq!(limited.len(), 1);
    assert!(index.search(&q("the and of")).is_empty());
    assert!(index.search(&q("")).is_empty());
}

#[test]
fn upsert_replaces_and_remove_forgets() {
    let mut index = TextIndex::new();
    index.upsert(doc(1, TextKind::Note, 1, "", "invoice overdue"));
    index.upsert(doc(1, TextKind::Note, 2, "", "password reset"));
    assert_eq!(index.len(), 1);
    let q = |t: &str| TextQuery {
        text: t.into(),
        ..TextQuery::default()
    };
    assert!(index.search(&q("invoice")).is_empty());
    assert_eq!(index.search(&q("password")).len(), 1);
    let key = DocKey {
        kind: TextKind::Note,
        id: Uuid::from_u128(1),
    };
    assert_eq!(index.doc(key).map(|d| d.at), Some(2));
    index.remove(key);
    index.remove(key);
    assert!(index.is_empty() && index.doc(key).is_none());
    assert!(index.similar(key, 3).is_empty());
}

/// Brute force over every pair of the given kinds.
fn brute_pairs(index: &TextIndex, threshold: f64) -> Vec<(DocKey, DocKey, f64)> {
    let keys = index.keys();
    let vecs: Vec<_> = keys
        .iter()
        .map(|&k| index.vector(k).unwrap_or_default())
        .collect();
    let mut out = Vec::new();
    for i in 0..keys.len() {
        for j in i + 1..keys.len() {
            let s = dot(&vecs[i].entries, &vecs[j].entries);
            if s >= threshold && s > 0.0 {
                out.push((keys[i], keys[j], s));
            }
        }
    }
    out.sort_by(|x, y| y.2.total_cmp(&x.2).then(x.0.cmp(&y.0)).then(x.1.cmp(&y.1)));
    out
}

#[test]
fn near_duplicates_equal_brute_force_all_pairs() {
    let docs = (0..600).map(|n| synthetic_doc(n, TextKind::Note));
    let index = TextIndex::build(docs);
    for threshold in [0.2, 0.5, 0.7, 0.9, 1.0] {
        let got: Vec<_> = index
            .near_duplicates(threshold, &[])
            .into_iter()
            .map(|p| (p.a, p.b, p.score))
            .collect();
        assert_eq!(got, brute_pairs(&index, threshold), "threshold {threshold}");
    }
}

#[test]
fn near_duplicates_respect_kinds() {
    let docs = (0..200).map(|n| {
        synthetic_doc(
            n,
            if n % 2 == 0 {
                TextKind::Note
            } else {
                TextKind::Ticket
            },
        )
    });
    let index = TextIndex::build(docs);
    let pairs = index.near_duplicates(0.5, &[TextKind::Ticket]);
    assert!(!pairs.is_empty());
    assert!(pairs
        .iter()
        .all(|p| p.a.kind == TextKind::Ticket && p.b.kind == TextKind::Ticket && p.a < p.b));
}

#[test]
fn all_pairs_handles_empty_and_non_positive_thresholds() {
    assert!(all_pairs(&[], 0.5).is_empty());
    let v = vec![vec![(0, 1.0)], vec![(0, 0.6), (1, 0.8)], vec![(2, 1.0)]];
    let mut got = all_pairs(&v, 0.0);
    got.sort_by_key(|p| (p.0, p.1));
    assert_eq!(got, [(0, 1, 0.6)]);
}

proptest! {
    #[test]
    fn any_text_indexes_and_queries_without_panicking(
        texts in proptest::collection::vec(any::<String>(), 1..6),
        query in any::<String>(),
    ) {
        let mut index = TextIndex::new();
        for (i, t) in texts.iter().enumerate() {
            index.upsert(doc(i as u128, TextKind::Note, i as i64, t, t));
        }
        let q = TextQuery { text: query, ..TextQuery::default() };
        let _ = index.search(&q);
        for key in index.keys() {
            let _ = index.similar(key, 3);
        }
        let _ = index.near_duplicates(0.5, &[]);
        index.remove(DocKey { kind: TextKind::Note, id: Uuid::from_u128(0) });
        let _ = index.search(&q);
    }
}
