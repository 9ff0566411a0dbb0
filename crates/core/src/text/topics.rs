//! Topics: texts (usually tickets) clustered by what they are about, each
//! topic named by its strongest words, with topic sizes per month.
//!
//! Spherical k-means: the texts' l2-normalised TF-IDF vectors (from the
//! [`TextIndex`]) are assigned to the centroid of highest cosine, and each
//! centroid is the normalised sum of its texts, until no assignment changes
//! (at most [`MAX_ITERATIONS`] rounds). Centroids start by k-means++ on the
//! cosine distance `1 − cos`, drawn from a `Xoshiro256++` seeded with the
//! caller's seed, so a seed always gives the same topics. Texts are taken in
//! key order, so the result does not depend on the order of indexing. A
//! cluster left empty keeps its previous centroid.
//!
//! A topic's name is its three heaviest centroid terms, each shown as the
//! word most often seen for it ("invoices" rather than the stem "invoic",
//! see [`TextIndex::surface`]).

use std::collections::BTreeMap;

use rand::{Rng, SeedableRng};
use rand_xoshiro::Xoshiro256PlusPlus;
use serde::{Deserialize, Serialize};

use super::index::{DocKey, TextIndex, TextKind};
use crate::model::date_of;

/// Most rounds of assignment and update.
pub const MAX_ITERATIONS: usize = 100;

/// How many terms a [`Topic`] lists.
const TOPIC_TERMS: usize = 5;

/// One topic.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Topic {
    /// Its three heaviest words, joined by ", ".
    pub name: String,
    /// Its heaviest words (up to five), heaviest first.
    pub terms: Vec<String>,
    /// How many texts it holds.
    pub size: usize,
}

/// The topics, largest first, and each text's topic (an index into
/// `topics`). Texts with no terms are left out.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Topics {
    /// The topics, largest first.
    pub topics: Vec<Topic>,
    /// Each clustered text and its topic, in key order.
    pub assignments: Vec<(DocKey, usize)>,
}

impl Topics {
    /// Per calendar month (year, month 1–12; of each text's time in UTC),
    /// how many of that month's texts each topic holds; months in order,
    /// only those with texts.
    pub fn monthly(&self, index: &TextIndex) -> Vec<((i32, u8), Vec<usize>)> {
        let mut months: BTreeMap<(i32, u8), Vec<usize>> = BTreeMap::new();
        for &(key, topic) in &self.assignments {
            let Some(doc) = index.doc(key) else { continue };
            let date = date_of(doc.at);
            let counts = months
                .entry((date.year(), u8::from(date.month())))
                .or_insert_with(|| vec![0; self.topics.len()]);
            counts[topic] += 1;
        }
        months.into_iter().collect()
    }
}

/// A number of topics for `n_docs` texts: `√(n/2)` rounded (the usual rule
/// of thumb), kept within 2..=10 so a chart stays readable, and never more
/// than the texts.
pub fn suggest_k(n_docs: usize) -> usize {
    let k = ((n_docs as f64 / 2.0).sqrt().round() as usize).clamp(2, 10);
    k.min(n_docs)
}

/// Clusters the texts of `kinds` (empty = all) into at most `k` topics (see
/// the module doc); fewer when there are fewer distinct texts. `k == 0` or
/// no texts give no topics.
pub fn topics(index: &TextIndex, kinds: &[TextKind], k: usize, seed: u64) -> Topics {
    let mut keys = Vec::new();
    let mut vectors = Vec::new();
    let mut dims = 0;
    for key in index.keys() {
        if !kinds.is_empty() && !kinds.contains(&key.kind) {
            continue;
        }
        let Some(v) = index.vector(key) else { continue };
        if let Some(&(t, _)) = v.entries.last() {
            dims = dims.max(t as usize + 1);
            keys.push(key);
            vectors.push(v.entries);
        }
    }
    if k == 0 || vectors.is_empty() {
        return Topics::default();
    }
    let mut centroids = init(&vectors, k, dims, seed);
    let mut assign = vec![usize::MAX; vectors.len()];
    for _ in 0..MAX_ITERATIONS {
        let mut changed = false;
        for (v, a) in vectors.iter().zip(assign.iter_mut()) {
            let best = nearest(v, &centroids).0;
            changed |= best != *a;
            *a = best;
        }
        if !changed {
            break;
        }
        for (c, centroid) in centroids.iter_mut().enumerate() {
            let mut sum = vec![0.0; dims];
            let mut members = 0;
            for (v, _) in vectors.iter().zip(&assign).filter(|(_, &a)| a == c) {
                members += 1;
                for &(t, w) in v {
                    sum[t as usize] += w;
                }
            }
            if members > 0 {
                normalize(&mut sum);
                *centroid = sum;
            }
        }
    }
    name_and_order(index, &keys, &assign, &centroids)
}

/// k-means++ on cosine distance: the first centroid uniformly, each next
/// one with probability ∝ squared distance to the nearest chosen.
fn init(vectors: &[Vec<(u32, f64)>], k: usize, dims: usize, seed: u64) -> Vec<Vec<f64>> {
    let mut rng = Xoshiro256PlusPlus::seed_from_u64(seed);
    let dense = |v: &[(u32, f64)]| {
        let mut d = vec![0.0; dims];
        for &(t, w) in v {
            d[t as usize] = w;
        }
        d
    };
    let first = rng.gen_range(0..vectors.len());
    let mut centroids = vec![dense(&vectors[first])];
    let mut dist: Vec<f64> = vectors
        .iter()
        .map(|v| (1.0 - sparse_dense(v, &centroids[0])).max(0.0))
        .collect();
    while centroids.len() < k {
        let total: f64 = dist.iter().map(|d| d * d).sum();
        if total <= 1e-12 {
            break; // every text already sits on a centroid
        }
        let mut r = rng.gen::<f64>() * total;
        let mut pick = dist.len() - 1;
        for (i, d) in dist.iter().enumerate() {
            r -= d * d;
            if r < 0.0 && *d > 0.0 {
                pick = i;
                break;
            }
        }
        let c = dense(&vectors[pick]);
        for (v, d) in vectors.iter().zip(dist.iter_mut()) {
            *d = d.min((1.0 - sparse_dense(v, &c)).max(0.0));
        }
        centroids.push(c);
    }
    centroids
}

fn sparse_dense(v: &[(u32, f64)], d: &[f64]) -> f64 {
    v.iter().map(|&(t, w)| w * d[t as usize]).sum()
}

/// The centroid of highest cosine (lowest index on ties) and the cosine.
fn nearest(v: &[(u32, f64)], centroids: &[Vec<f64>]) -> (usize, f64) {
    let mut best = (0, f64::NEG_INFINITY);
    for (c, centroid) in centroids.iter().enumerate() {
        let s = sparse_dense(v, centroid);
        if s > best.1 {
            best = (c, s);
        }
    }
    best
}

fn normalize(v: &mut [f64]) {
    let norm = v.iter().map(|x| x * x).sum::<f64>().sqrt();
    if norm > 0.0 {
        v.iter_mut().for_each(|x| *x /= norm);
    }
}

/// Names each non-empty cluster, orders them by size (largest first, then
/// by cluster number) and renumbers the assignments.
fn name_and_order(
    index: &TextIndex,
    keys: &[DocKey],
    assign: &[usize],
    centroids: &[Vec<f64>],
) -> Topics {
    let mut sizes = vec![0usize; centroids.len()];
    for &a in assign {
        sizes[a] += 1;
    }
    let mut order: Vec<usize> = (0..centroids.len()).filter(|&c| sizes[c] > 0).collect();
    order.sort_by(|&a, &b| sizes[b].cmp(&sizes[a]).then(a.cmp(&b)));
    let mut renumber = vec![usize::MAX; centroids.len()];
    let topics = order
        .iter()
        .enumerate()
        .map(|(new, &c)| {
            renumber[c] = new;
            let mut heavy: Vec<(u32, f64)> = centroids[c]
                .iter()
                .enumerate()
                .filter(|(_, &w)| w > 0.0)
                .map(|(t, &w)| (t as u32, w))
                .collect();
            heavy.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
            let terms: Vec<String> = heavy
                .iter()
                .take(TOPIC_TERMS)
                .filter_map(|&(t, _)| index.surface(t).map(str::to_string))
                .collect();
            Topic {
                name: terms.iter().take(3).cloned().collect::<Vec<_>>().join(", "),
                terms,
                size: sizes[c],
            }
        })
        .collect();
    let assignments = keys
        .iter()
        .zip(assign)
        .map(|(&k, &a)| (k, renumber[a]))
        .collect();
    Topics {
        topics,
        assignments,
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
#[path = "topics_tests.rs"]
mod tests;
