//! The text index: an inverted index over the store's texts that stays in
//! step with the store as texts are added, edited and removed, and answers
//! "similar texts", ranked search and near-duplicate pairs from its postings.
//!
//! # How it works
//!
//! - **What is kept.** Terms are interned (`u32` ids). Per term: its
//!   document frequency and its postings `(slot, raw count)`; per text (in a
//!   slot of a `Vec`, freed slots reused): its [`DocInfo`] and its sorted
//!   `(term, count)` list. Raw counts, not weights, are stored, because every
//!   weight depends on the idf, and the idf changes with every text added or
//!   removed.
//! - **Updates.** [`TextIndex::upsert`] removes the text's old postings (if
//!   any) and adds the new ones; [`TextIndex::remove`] removes them. Both are
//!   O(terms of the text × length of their posting lists) and drop the
//!   weight cache. No rebuild.
//! - **Weights.** The next query recomputes, in one pass over all postings
//!   (O(total postings), a few ms at 100,000 notes), every term's idf and
//!   every text's TF-IDF length, and caches them until the next change. A
//!   weight is then `count × idf / length`, exactly what a batch
//!   [`super::TfIdf::fit`] of the current contents gives (a test checks it).
//! - **Queries** ([`TextIndex::similar`], [`TextIndex::search`]) walk only
//!   the posting lists of the query's terms and accumulate
//!   `count_q·idf · count_d·idf` per text, then divide by both lengths:
//!   the cosine of the two TF-IDF vectors. No text is re-read.
//! - **Near-duplicates** (`dupes.rs`): exact All-Pairs prefix filtering.

mod doc;
mod dupes;
mod query;
#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests;

pub use doc::{DocInfo, DocKey, Hit, NearDuplicate, SearchHit, TextDoc, TextKind, TextQuery};

use std::collections::HashMap;
use std::sync::OnceLock;

use super::tfidf::{idf, term_counts, SparseVector, Vocabulary};
use super::tokenize::each_term;

/// Most surface forms remembered per term (for naming topics).
const MAX_SURFACES: usize = 4;

/// One indexed text.
#[derive(Debug, Clone)]
struct Slot {
    info: DocInfo,
    /// `(term id, raw count)`, sorted by term id.
    terms: Vec<(u32, u32)>,
}

/// The idf of every term and the TF-IDF length of every slot, for the
/// current contents.
#[derive(Debug, Clone)]
struct Weights {
    idf: Vec<f64>,
    norms: Vec<f64>,
}

/// The incremental inverted index over texts (see the module doc).
#[derive(Debug, Default)]
pub struct TextIndex {
    vocab: Vocabulary,
    df: Vec<u32>,
    postings: Vec<Vec<(u32, u32)>>,
    /// Per term, the lower-cased words it was stemmed from and how often
    /// (only when they differ from the term; counts only grow).
    surfaces: Vec<Vec<(Box<str>, u32)>>,
    slots: Vec<Option<Slot>>,
    free: Vec<u32>,
    by_key: HashMap<DocKey, u32>,
    weights: OnceLock<Weights>,
}

impl Clone for TextIndex {
    fn clone(&self) -> Self {
        TextIndex {
            vocab: self.vocab.clone(),
            df: self.df.clone(),
            postings: self.postings.clone(),
            surfaces: self.surfaces.clone(),
            slots: self.slots.clone(),
            free: self.free.clone(),
            by_key: self.by_key.clone(),
            weights: OnceLock::new(),
        }
    }
}

impl TextIndex {
    /// An empty index.
    pub fn new() -> Self {
        Self::default()
    }

    /// An index of `docs` (a later text with the same key replaces an
    /// earlier one).
    pub fn build(docs: impl IntoIterator<Item = TextDoc>) -> Self {
        let mut index = Self::new();
        for doc in docs {
            index.upsert(doc);
        }
        index
    }

    /// Adds a text, or replaces the indexed text with the same key (an edit).
    pub fn upsert(&mut self, doc: TextDoc) {
        self.remove(doc.key);
        let mut ids = Vec::new();
        for part in [&doc.title, &doc.body] {
            each_term(part, &mut |term, _, surface| {
                let id = self.vocab.intern(term);
                if id as usize == self.df.len() {
                    self.df.push(0);
                    self.postings.push(Vec::new());
                    self.surfaces.push(Vec::new());
                }
                if surface != term {
                    note_surface(&mut self.surfaces[id as usize], surface);
                }
                ids.push(id);
            });
        }
        let terms = term_counts(ids);
        let slot = match self.free.pop() {
            Some(s) => s,
            None => {
                self.slots.push(None);
                (self.slots.len() - 1) as u32
            }
        };
        for &(t, n) in &terms {
            self.df[t as usize] += 1;
            self.postings[t as usize].push((slot, n));
        }
        self.slots[slot as usize] = Some(Slot {
            info: DocInfo {
                key: doc.key,
                customer: doc.customer,
                at: doc.at,
                title: doc.display_title(),
            },
            terms,
        });
        self.by_key.insert(doc.key, slot);
        self.weights = OnceLock::new();
    }

    /// Removes a text (trashed or deleted); nothing happens if it is not
    /// indexed.
    pub fn remove(&mut self, key: DocKey) {
        let Some(slot) = self.by_key.remove(&key) else {
            return;
        };
        if let Some(old) = self.slots[slot as usize].take() {
            for (t, _) in old.terms {
                self.df[t as usize] -= 1;
                let list = &mut self.postings[t as usize];
                if let Some(i) = list.iter().position(|&(s, _)| s == slot) {
                    list.swap_remove(i);
                }
            }
        }
        self.free.push(slot);
        self.weights = OnceLock::new();
    }

    /// How many texts are indexed.
    pub fn len(&self) -> usize {
        self.by_key.len()
    }

    /// Whether no text is indexed.
    pub fn is_empty(&self) -> bool {
        self.by_key.is_empty()
    }

    /// What is kept of the text with this key.
    pub fn doc(&self, key: DocKey) -> Option<&DocInfo> {
        self.slot(key).map(|s| &s.info)
    }

    /// Every indexed text's key, in key order.
    pub fn keys(&self) -> Vec<DocKey> {
        let mut keys: Vec<DocKey> = self.by_key.keys().copied().collect();
        keys.sort_unstable();
        keys
    }

    /// The term with id `id` (ids as in [`TextIndex::vector`]).
    pub fn term(&self, id: u32) -> Option<&str> {
        self.vocab.term(id)
    }

    /// The word most often seen for term `id` (e.g. "invoices" for the stem
    /// "invoic"), or the term itself. Counts only grow, so after removals
    /// this may name a word no longer present.
    pub fn surface(&self, id: u32) -> Option<&str> {
        let term = self.vocab.term(id)?;
        let best = self.surfaces[id as usize]
            .iter()
            .max_by(|a, b| a.1.cmp(&b.1).then_with(|| b.0.cmp(&a.0)));
        Some(best.map_or(term, |(s, _)| &**s))
    }

    /// The l2-normalised TF-IDF vector of a text (as a batch fit of the
    /// current contents would give), or `None` if it is not indexed.
    pub fn vector(&self, key: DocKey) -> Option<SparseVector> {
        let slot = *self.by_key.get(&key)?;
        Some(self.slot_vector(slot))
    }

    fn slot(&self, key: DocKey) -> Option<&Slot> {
        let slot = *self.by_key.get(&key)?;
        self.slots[slot as usize].as_ref()
    }

    fn slot_vector(&self, slot: u32) -> SparseVector {
        let w = self.weights();
        let Some(s) = &self.slots[slot as usize] else {
            return SparseVector::default();
        };
        let norm = w.norms[slot as usize];
        if norm == 0.0 {
            return SparseVector::default();
        }
        let entries = s
            .terms
            .iter()
            .map(|&(t, n)| (t, n as f64 * w.idf[t as usize] / norm))
            .collect();
        SparseVector { entries }
    }

    /// The live slots whose kind passes `kinds` (empty = all), in key order.
    fn selected_slots(&self, kinds: &[TextKind]) -> Vec<u32> {
        let mut out: Vec<(DocKey, u32)> = self
            .by_key
            .iter()
            .filter(|(k, _)| doc::kind_selected(kinds, k.kind))
            .map(|(&k, &s)| (k, s))
            .collect();
        out.sort_unstable_by_key(|&(k, _)| k);
        out.into_iter().map(|(_, s)| s).collect()
    }

    /// The cached idf and lengths, recomputed in one pass after a change.
    fn weights(&self) -> &Weights {
        self.weights.get_or_init(|| {
            let n = self.len();
            let idf: Vec<f64> = self.df.iter().map(|&d| idf(n, d as usize)).collect();
            // Sums over the postings in term order: per text the same
            // order as its sorted term list, so the same sum a batch gives.
            let mut norms = vec![0.0f64; self.slots.len()];
            for (list, &idf) in self.postings.iter().zip(&idf) {
                for &(slot, c) in list {
                    let w = c as f64 * idf;
                    norms[slot as usize] += w * w;
                }
            }
            norms.iter_mut().for_each(|n| *n = n.sqrt());
            Weights { idf, norms }
        })
    }
}

fn note_surface(list: &mut Vec<(Box<str>, u32)>, surface: &str) {
    if let Some(e) = list.iter_mut().find(|e| &*e.0 == surface) {
        e.1 += 1;
    } else if list.len() < MAX_SURFACES {
        list.push((surface.into(), 1));
    }
}
