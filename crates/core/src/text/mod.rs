//! The text engine over notes, calls, emails, meetings and support tickets
//! (English, Chinese, or both): a tokenizer with highlighting, TF-IDF with
//! scikit-learn's conventions, an inverted index that stays in step with
//! the store, near-duplicate detection and ticket topics.

pub mod stopwords;
pub mod tokenize;

pub use tokenize::{highlight, is_han, term_spans, terms, Span};
