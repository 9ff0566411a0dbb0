//! The tokenizer: text in English, Chinese or both → index terms, with the
//! byte range each term came from so the UI can highlight matches.
//!
//! Steps, in order:
//!
//! 1. Words are found by Unicode word segmentation (UAX #29,
//!    `unicode-segmentation`'s `unicode_word_indices`), which also cuts every
//!    Han character into a word of its own.
//! 2. Han characters that touch (no space or punctuation between them) are
//!    gathered back into runs. In a run, two-character Chinese stop-words
//!    and single stop characters (see [`super::stopwords`]) are cut out; each
//!    remaining piece becomes its overlapping character bigrams ("客户服务"
//!    → 客户, 户服, 服务), a lone character becomes a unigram. No dictionary.
//! 3. Every other word is lower-cased; English stop-words and words of one
//!    character (a lone letter or digit) are dropped; the rest is stemmed by
//!    the Snowball English stemmer (`rust-stemmers`). Numbers of two or more
//!    digits are kept as they are.
//!
//! [`terms`] gives the terms in order (with repeats), [`term_spans`] the
//! same with their byte ranges, and [`highlight`] cuts a text into matched
//! and unmatched spans that cover it exactly, for `<mark>` in the UI.

use std::cell::RefCell;
use std::collections::{HashMap, HashSet};
use std::ops::Range;

use rust_stemmers::{Algorithm, Stemmer};
use unicode_segmentation::UnicodeSegmentation;

use super::stopwords;

/// Whether `c` is a Han (Chinese) ideograph: the CJK Unified Ideographs and
/// their extensions, and the compatibility ideographs.
pub fn is_han(c: char) -> bool {
    matches!(c,
        '\u{4E00}'..='\u{9FFF}'
        | '\u{3400}'..='\u{4DBF}'
        | '\u{F900}'..='\u{FAFF}'
        | '\u{20000}'..='\u{2FA1F}'
        | '\u{30000}'..='\u{323AF}')
}

/// The terms of `text`, in order and with repeats.
///
/// ```
/// use rapport_core::text::terms;
/// assert_eq!(terms("The invoices were paid"), ["invoic", "paid"]);
/// assert_eq!(terms("客户服务"), ["客户", "户服", "服务"]);
/// ```
pub fn terms(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    each_term(text, &mut |term, _, _| out.push(term.to_string()));
    out
}

/// The terms of `text` with the byte range in `text` each came from (for a
/// Han bigram, the range of both characters).
pub fn term_spans(text: &str) -> Vec<(String, Range<usize>)> {
    let mut out = Vec::new();
    each_term(text, &mut |term, range, _| {
        out.push((term.to_string(), range))
    });
    out
}

/// Calls `emit(term, byte range, surface)` for each term of `text` in order;
/// `surface` is the lower-cased word the term was made from (the term itself
/// for Han bigrams).
pub fn each_term(text: &str, emit: &mut impl FnMut(&str, Range<usize>, &str)) {
    let stemmer = Stemmer::create(Algorithm::English);
    // The current run of touching Han characters: (byte offset, char).
    let mut run: Vec<(usize, char)> = Vec::new();
    for (start, word) in text.unicode_word_indices() {
        let mut chars = word.chars();
        let first = chars.next();
        let single_han = matches!(first, Some(c) if is_han(c)) && chars.next().is_none();
        if single_han {
            let c = first.unwrap_or_default();
            let touching = run
                .last()
                .is_some_and(|&(s, prev)| s + prev.len_utf8() == start);
            if !touching {
                han_run(text, &run, emit);
                run.clear();
            }
            run.push((start, c));
            continue;
        }
        han_run(text, &run, emit);
        run.clear();
        if word.chars().any(is_han) {
            // A word that mixes Han with other letters (rare: UAX #29 cuts
            // Han apart); split it into its Han and non-Han pieces.
            mixed_word(text, start, word, &stemmer, emit);
        } else {
            latin_word(start, word, &stemmer, emit);
        }
    }
    han_run(text, &run, emit);
}

fn mixed_word(
    text: &str,
    start: usize,
    word: &str,
    stemmer: &Stemmer,
    emit: &mut impl FnMut(&str, Range<usize>, &str),
) {
    let mut run: Vec<(usize, char)> = Vec::new();
    let mut other_start: Option<usize> = None;
    for (i, c) in word.char_indices() {
        if is_han(c) {
            if let Some(s) = other_start.take() {
                latin_word(start + s, &word[s..i], stemmer, emit);
            }
            run.push((start + i, c));
        } else {
            han_run(text, &run, emit);
            run.clear();
            other_start.get_or_insert(i);
        }
    }
    if let Some(s) = other_start {
        latin_word(start + s, &word[s..], stemmer, emit);
    }
    han_run(text, &run, emit);
}

fn latin_word(
    start: usize,
    word: &str,
    stemmer: &Stemmer,
    emit: &mut impl FnMut(&str, Range<usize>, &str),
) {
    let lower = word.to_lowercase();
    if lower.chars().nth(1).is_none() || stopwords::is_english(&lower) {
        return;
    }
    let stem = STEMS.with(|cache| {
        let mut cache = cache.borrow_mut();
        if let Some(stem) = cache.get(lower.as_str()) {
            return stem.to_string();
        }
        if cache.len() >= STEM_CACHE {
            cache.clear();
        }
        let stem = stemmer.stem(&lower).into_owned();
        cache.insert(lower.as_str().into(), stem.as_str().into());
        stem
    });
    emit(&stem, start..start + word.len(), &lower);
}

/// Most words whose stems are remembered; the cache is emptied when full.
const STEM_CACHE: usize = 50_000;

thread_local! {
    /// Lower-cased word → stem. The Snowball stemmer costs ~300 ns a word;
    /// a lookup a fraction of that (measured: tokenizing 100,000 notes went
    /// from 1.2 s to 0.7 s natively).
    static STEMS: RefCell<HashMap<Box<str>, Box<str>>> = RefCell::new(HashMap::new());
}

/// Emits the bigrams (or a unigram) of each stop-free piece of a Han run.
fn han_run(text: &str, run: &[(usize, char)], emit: &mut impl FnMut(&str, Range<usize>, &str)) {
    let end_of = |i: usize| run[i].0 + run[i].1.len_utf8();
    let mut piece_start = 0;
    let mut i = 0;
    while i <= run.len() {
        // Length of the stop-word at i (0 when none, and at the end).
        let stop = if i == run.len() {
            1
        } else if i + 1 < run.len() && stopwords::is_chinese_word(&text[run[i].0..end_of(i + 1)]) {
            2
        } else if stopwords::is_chinese_char(run[i].1) {
            1
        } else {
            0
        };
        if stop == 0 {
            i += 1;
            continue;
        }
        let piece = &run[piece_start..i];
        match piece.len() {
            0 => {}
            1 => {
                let r = piece[0].0..end_of(piece_start);
                emit(&text[r.clone()], r.clone(), &text[r]);
            }
            _ => {
                for pair in piece.windows(2) {
                    let r = pair[0].0..pair[1].0 + pair[1].1.len_utf8();
                    emit(&text[r.clone()], r.clone(), &text[r]);
                }
            }
        }
        i += stop;
        piece_start = i;
    }
}

/// A piece of a text for display: matched pieces are shown marked (as text,
/// never as HTML).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Span {
    /// The text of the piece.
    pub text: String,
    /// Its byte range in the original text.
    pub range: Range<usize>,
    /// Whether it is (part of) a matched term.
    pub matched: bool,
}

/// Cuts `text` into spans, in order and covering it exactly, marking the
/// words whose term is in `terms` (both characters of a matched Han bigram).
/// Touching or overlapping matches merge into one span.
pub fn highlight(text: &str, terms: &HashSet<String>) -> Vec<Span> {
    let mut marks: Vec<Range<usize>> = Vec::new();
    each_term(text, &mut |term, range, _| {
        if terms.contains(term) {
            match marks.last_mut() {
                Some(last) if range.start <= last.end => last.end = last.end.max(range.end),
                _ => marks.push(range),
            }
        }
    });
    let mut spans = Vec::with_capacity(2 * marks.len() + 1);
    let mut at = 0;
    let mut push = |range: Range<usize>, matched: bool| {
        if !range.is_empty() {
            spans.push(Span {
                text: text[range.clone()].to_string(),
                range,
                matched,
            });
        }
    };
    for m in marks {
        push(at..m.start, false);
        at = m.end;
        push(m, true);
    }
    push(at..text.len(), false);
    spans
}

#[cfg(all(test, not(target_arch = "wasm32")))]
#[path = "tokenize_tests.rs"]
mod tests;
