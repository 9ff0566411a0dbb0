//! Answering queries from the postings: the texts most similar to one text,
//! and ranked search for typed words.

use std::cmp::Ordering;

use super::doc::kind_selected;
use super::{DocKey, Hit, SearchHit, TextIndex, TextQuery};
use crate::text::tfidf::term_counts;
use crate::text::tokenize::each_term;

/// Per-slot score accumulators; only touched slots are read back.
struct Accumulator {
    scores: Vec<f64>,
    touched: Vec<u32>,
}

impl TextIndex {
    /// Accumulates `Σ_t q_t · count(d,t)·idf_t` over the postings of the
    /// query's `(term, weight)` pairs.
    fn accumulate(&self, query: &[(u32, f64)]) -> Accumulator {
        let w = self.weights();
        let mut acc = Accumulator {
            scores: vec![0.0; self.slots.len()],
            touched: Vec::new(),
        };
        for &(t, qw) in query {
            let idf = w.idf[t as usize];
            for &(slot, n) in &self.postings[t as usize] {
                let s = &mut acc.scores[slot as usize];
                if *s == 0.0 {
                    acc.touched.push(slot);
                }
                // Every contribution is > 0 (counts ≥ 1, idf ≥ 1).
                *s += qw * n as f64 * idf;
            }
        }
        acc
    }

    /// The `k` texts most similar to `key` (other than itself), by cosine of
    /// their TF-IDF vectors, best first, ties by key. Only texts sharing at
    /// least one term are returned; none if `key` is not indexed.
    pub fn similar(&self, key: DocKey, k: usize) -> Vec<Hit> {
        let Some(&me) = self.by_key.get(&key) else {
            return Vec::new();
        };
        let w = self.weights();
        let qnorm = w.norms[me as usize];
        let Some(slot) = &self.slots[me as usize] else {
            return Vec::new();
        };
        if qnorm == 0.0 || k == 0 {
            return Vec::new();
        }
        let query: Vec<(u32, f64)> = slot
            .terms
            .iter()
            .map(|&(t, n)| (t, n as f64 * w.idf[t as usize]))
            .collect();
        let acc = self.accumulate(&query);
        let norms = &w.norms;
        let mut scored: Vec<(f64, u32)> = acc
            .touched
            .iter()
            .filter(|&&s| s != me)
            .map(|&s| (acc.scores[s as usize] / (qnorm * norms[s as usize]), s))
            .collect();
        // Keep every text scoring at least the k-th best (ties included),
        // then order those few by score and key.
        if scored.len() > k {
            scored.select_nth_unstable_by(k - 1, |a, b| b.0.total_cmp(&a.0));
            let kth = scored[k - 1].0;
            scored.retain(|&(score, _)| score >= kth);
        }
        let mut hits: Vec<Hit> = scored
            .into_iter()
            .filter_map(|(score, s)| self.hit(s, score))
            .collect();
        top_k(&mut hits, k, by_score_then_key);
        hits
    }

    /// Texts matching `q.text`, ranked by cosine of the query's TF-IDF vector
    /// (its terms that occur in the index, counts × idf) and each text's,
    /// best first, then newest, then by key. Only texts containing at least
    /// one query term are returned.
    pub fn search(&self, q: &TextQuery) -> Vec<SearchHit> {
        let mut ids = Vec::new();
        let mut words: Vec<String> = Vec::new();
        each_term(&q.text, &mut |term, _, _| {
            if let Some(id) = self.vocab.id(term) {
                if self.df[id as usize] > 0 {
                    ids.push(id);
                    if !words.iter().any(|w| w == term) {
                        words.push(term.to_string());
                    }
                }
            }
        });
        if ids.is_empty() {
            return Vec::new();
        }
        let w = self.weights();
        let query: Vec<(u32, f64)> = term_counts(ids)
            .into_iter()
            .map(|(t, n)| (t, n as f64 * w.idf[t as usize]))
            .collect();
        let qnorm = query.iter().map(|&(_, x)| x * x).sum::<f64>().sqrt();
        let acc = self.accumulate(&query);
        let mut hits: Vec<Hit> = acc
            .touched
            .iter()
            .filter_map(|&s| {
                let score = acc.scores[s as usize] / (qnorm * w.norms[s as usize]);
                self.hit(s, score)
            })
            .filter(|h| {
                kind_selected(&q.kinds, h.key.kind)
                    && q.from.is_none_or(|from| h.at >= from)
                    && q.to.is_none_or(|to| h.at < to)
            })
            .collect();
        let limit = if q.limit == 0 { hits.len() } else { q.limit };
        top_k(&mut hits, limit, |a, b| {
            b.score
                .total_cmp(&a.score)
                .then(b.at.cmp(&a.at))
                .then(a.key.cmp(&b.key))
        });
        hits.into_iter()
            .map(|hit| {
                let matched = self.matched_terms(hit.key, &words);
                SearchHit { hit, matched }
            })
            .collect()
    }

    /// Which of `words` (known terms) the text `key` contains.
    fn matched_terms(&self, key: DocKey, words: &[String]) -> Vec<String> {
        let Some(slot) = self.slot(key) else {
            return Vec::new();
        };
        words
            .iter()
            .filter(|w| {
                self.vocab
                    .id(w)
                    .is_some_and(|id| slot.terms.binary_search_by_key(&id, |&(t, _)| t).is_ok())
            })
            .cloned()
            .collect()
    }

    /// The hit for `slot` with `score`.
    fn hit(&self, slot: u32, score: f64) -> Option<Hit> {
        let s = self.slots[slot as usize].as_ref()?;
        Some(Hit {
            key: s.info.key,
            customer: s.info.customer,
            at: s.info.at,
            score,
        })
    }
}

fn by_score_then_key(a: &Hit, b: &Hit) -> Ordering {
    b.score.total_cmp(&a.score).then(a.key.cmp(&b.key))
}

/// Keeps the `k` first of `hits` under `cmp`, sorted.
fn top_k(hits: &mut Vec<Hit>, k: usize, cmp: impl Fn(&Hit, &Hit) -> Ordering) {
    if k == 0 {
        hits.clear();
        return;
    }
    if hits.len() > k {
        hits.select_nth_unstable_by(k - 1, &cmp);
        hits.truncate(k);
    }
    hits.sort_unstable_by(cmp);
}
