//! The text engine over notes, calls, emails, meetings and support tickets
//! (English, Chinese, or both): a tokenizer with highlighting, TF-IDF with
//! scikit-learn's conventions, an inverted index that stays in step with
//! the store, near-duplicate detection and ticket topics.

#[cfg(all(test, not(target_arch = "wasm32")))]
mod fixture_tests;
mod form;
mod index;
pub mod stopwords;
#[doc(hidden)]
pub mod synthetic;
pub mod tfidf;
pub mod tokenize;
pub mod topics;

pub use form::{snippet, title_or_start, SearchForm, SearchFormError};
pub use index::{
    DocInfo, DocKey, Hit, NearDuplicate, SearchHit, TextDoc, TextIndex, TextKind, TextQuery,
};
pub use tfidf::{cosine, SparseVector, TfIdf, Vocabulary};
pub use tokenize::{highlight, is_han, term_spans, terms, Span};
pub use topics::{suggest_k, topics, Topic, Topics};
