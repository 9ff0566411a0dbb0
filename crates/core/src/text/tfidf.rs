//! TF-IDF with scikit-learn's `TfidfVectorizer` defaults, on sparse vectors.
//!
//! For `n` documents, a term seen in `df` of them has
//! `idf = ln((1 + n) / (1 + df)) + 1` (`smooth_idf=True`); a document's
//! weight for a term is its raw count times the idf (`sublinear_tf=False`),
//! and each document vector is divided by its Euclidean length
//! (`norm='l2'`; an all-zero vector stays zero). Cosine similarity of two
//! such vectors is then their dot product. Weights are `f64` so that they
//! match scikit-learn to 1e-9 (the fixture test checks every entry).
//!
//! [`TfIdf::fit`] is the batch fit over a corpus of term lists; the
//! incremental [`super::TextIndex`] keeps counts instead and gives the same
//! weights for its current contents.

use std::collections::HashMap;

/// A sparse vector: `(term id, weight)` pairs sorted by term id, no zeros.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct SparseVector {
    /// The non-zero entries, sorted by term id.
    pub entries: Vec<(u32, f64)>,
}

impl SparseVector {
    /// The vector's Euclidean length.
    pub fn norm(&self) -> f64 {
        self.entries.iter().map(|&(_, w)| w * w).sum::<f64>().sqrt()
    }

    /// The dot product with `other` (a merge of the two sorted entry lists).
    pub fn dot(&self, other: &SparseVector) -> f64 {
        dot(&self.entries, &other.entries)
    }

    /// The weight of `term` (0 when absent).
    pub fn get(&self, term: u32) -> f64 {
        self.entries
            .binary_search_by_key(&term, |&(t, _)| t)
            .map_or(0.0, |i| self.entries[i].1)
    }
}

/// The dot product of two sparse entry lists sorted by term id.
pub fn dot(a: &[(u32, f64)], b: &[(u32, f64)]) -> f64 {
    let (mut i, mut j, mut sum) = (0, 0, 0.0);
    while i < a.len() && j < b.len() {
        match a[i].0.cmp(&b[j].0) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                sum += a[i].1 * b[j].1;
                i += 1;
                j += 1;
            }
        }
    }
    sum
}

/// Cosine similarity of two vectors (0 when either is zero).
pub fn cosine(a: &SparseVector, b: &SparseVector) -> f64 {
    let (na, nb) = (a.norm(), b.norm());
    if na == 0.0 || nb == 0.0 {
        0.0
    } else {
        a.dot(b) / (na * nb)
    }
}

/// scikit-learn's smoothed idf for a term in `df` of `n` documents.
pub fn idf(n: usize, df: usize) -> f64 {
    ((1.0 + n as f64) / (1.0 + df as f64)).ln() + 1.0
}

/// Divides a vector's weights by its Euclidean length, in place (a zero
/// vector stays as it is).
pub fn l2_normalize(entries: &mut [(u32, f64)]) {
    let norm = entries.iter().map(|&(_, w)| w * w).sum::<f64>().sqrt();
    if norm > 0.0 {
        for e in entries {
            e.1 /= norm;
        }
    }
}

/// Interned terms: each distinct term string has a `u32` id, in order of
/// first appearance.
#[derive(Debug, Clone, Default)]
pub struct Vocabulary {
    terms: Vec<Box<str>>,
    ids: HashMap<Box<str>, u32>,
}

impl Vocabulary {
    /// An empty vocabulary.
    pub fn new() -> Self {
        Self::default()
    }

    /// The id of `term`, adding it when new.
    pub fn intern(&mut self, term: &str) -> u32 {
        if let Some(&id) = self.ids.get(term) {
            return id;
        }
        let id = self.terms.len() as u32;
        self.terms.push(term.into());
        self.ids.insert(term.into(), id);
        id
    }

    /// The id of `term`, if known.
    pub fn id(&self, term: &str) -> Option<u32> {
        self.ids.get(term).copied()
    }

    /// The term with id `id`.
    pub fn term(&self, id: u32) -> Option<&str> {
        self.terms.get(id as usize).map(|t| &**t)
    }

    /// How many terms there are.
    pub fn len(&self) -> usize {
        self.terms.len()
    }

    /// Whether there are no terms.
    pub fn is_empty(&self) -> bool {
        self.terms.is_empty()
    }
}

/// Counts of each distinct term id in a term list, sorted by id.
pub fn term_counts(ids: impl IntoIterator<Item = u32>) -> Vec<(u32, u32)> {
    let mut ids: Vec<u32> = ids.into_iter().collect();
    ids.sort_unstable();
    let mut out: Vec<(u32, u32)> = Vec::with_capacity(ids.len());
    for id in ids {
        match out.last_mut() {
            Some((last, n)) if *last == id => *n += 1,
            _ => out.push((id, 1)),
        }
    }
    out
}

/// A fitted TF-IDF model: the vocabulary, each term's idf and the
/// l2-normalised document-term matrix (one sparse row per document).
#[derive(Debug, Clone, Default)]
pub struct TfIdf {
    /// The terms, interned.
    pub vocabulary: Vocabulary,
    /// The idf of each term id.
    pub idf: Vec<f64>,
    /// One l2-normalised row per document, in input order.
    pub matrix: Vec<SparseVector>,
}

impl TfIdf {
    /// Fits on `docs` (each a list of terms, as from [`super::terms`]) and
    /// transforms them, like `TfidfVectorizer().fit_transform`.
    pub fn fit<S: AsRef<str>>(docs: &[Vec<S>]) -> TfIdf {
        let mut vocabulary = Vocabulary::new();
        let counts: Vec<Vec<(u32, u32)>> = docs
            .iter()
            .map(|d| term_counts(d.iter().map(|t| vocabulary.intern(t.as_ref()))))
            .collect();
        let mut df = vec![0usize; vocabulary.len()];
        for row in &counts {
            for &(t, _) in row {
                df[t as usize] += 1;
            }
        }
        let idf: Vec<f64> = df.iter().map(|&d| idf(docs.len(), d)).collect();
        let matrix = counts
            .into_iter()
            .map(|row| {
                let mut entries: Vec<(u32, f64)> = row
                    .into_iter()
                    .map(|(t, n)| (t, n as f64 * idf[t as usize]))
                    .collect();
                l2_normalize(&mut entries);
                SparseVector { entries }
            })
            .collect();
        TfIdf {
            vocabulary,
            idf,
            matrix,
        }
    }
}
