//! English sentiment: a line-by-line port of VADER (Hutto & Gilbert, 2014;
//! `vaderSentiment` 3.3.2, MIT licence, © 2016 C.J. Hutto — see
//! `data/LICENSE-vaderSentiment.txt`), `SentimentIntensityAnalyzer::
//! polarity_scores`. Every rule is the Python's, quirks included (e.g. the
//! `but` rule finds each score by value, and `so`/`this` just before a word
//! boosts it ×1.25 when three words precede it), so the results agree with
//! the reference to floating-point precision; the fixture test checks ~400
//! sentences. Emoji are replaced by their descriptions first, as in Python.

mod pystr;
mod rules;

use serde::{Deserialize, Serialize};

use pystr::{py_isupper, py_round, py_split, py_strip, strip_punc_if_word};
use rules::{booster, emojis, is_negation, lexicon, special_case, C_INCR};
pub(crate) use rules::{B_INCR, N_SCALAR};

/// VADER's scores for one text: the shares of negative, neutral and
/// positive weight (they sum to about 1) and the normalised compound score
/// in [−1, 1].
#[derive(Debug, Clone, Copy, PartialEq, Default, Serialize, Deserialize)]
pub struct VaderScores {
    /// Share of negative weight.
    pub neg: f64,
    /// Share of neutral weight.
    pub neu: f64,
    /// Share of positive weight.
    pub pos: f64,
    /// Sum of the adjusted valences, normalised by `x / sqrt(x² + 15)`.
    pub compound: f64,
}

/// VADER's `polarity_scores`, rounded as Python rounds them (`neg`, `neu`,
/// `pos` to 3 decimals, `compound` to 4).
///
/// ```
/// let s = rapport_core::sentiment::vader("The book was good.");
/// assert_eq!(s.compound, 0.4404);
/// assert_eq!((s.neg, s.neu, s.pos), (0.0, 0.508, 0.492));
/// ```
pub fn vader(text: &str) -> VaderScores {
    let s = analyse(text).scores;
    VaderScores {
        neg: py_round(s.neg, 3),
        neu: py_round(s.neu, 3),
        pos: py_round(s.pos, 3),
        compound: py_round(s.compound, 4),
    }
}

/// [`vader`] before Python's final rounding: full `f64` precision.
pub fn vader_unrounded(text: &str) -> VaderScores {
    analyse(text).scores
}

/// One text's analysis: its words (after emoji replacement and punctuation
/// stripping), each word's final valence, and the unrounded scores.
pub(crate) struct Analysis {
    pub(crate) words: Vec<String>,
    pub(crate) sentiments: Vec<f64>,
    pub(crate) scores: VaderScores,
}

/// Replace each known emoji by its description, as `polarity_scores` does,
/// then strip.
fn replace_emoji(text: &str) -> String {
    let emojis = emojis();
    let mut out = String::with_capacity(text.len());
    let mut prev_space = true;
    for c in text.chars() {
        if let Some(description) = emojis.get(&c) {
            if !prev_space {
                out.push(' ');
            }
            out.push_str(description);
            prev_space = false;
        } else {
            out.push(c);
            prev_space = c == ' ';
        }
    }
    py_strip(&out).to_owned()
}

/// Run VADER on `text`.
pub(crate) fn analyse(text: &str) -> Analysis {
    let text = replace_emoji(text);
    let words: Vec<String> = py_split(&text)
        .map(|w| strip_punc_if_word(w).to_owned())
        .collect();
    let lower: Vec<String> = words.iter().map(|w| w.to_lowercase()).collect();
    let caps = words.iter().filter(|w| py_isupper(w)).count();
    let is_cap_diff = caps > 0 && caps < words.len();
    let ctx = Context {
        words: &words,
        lower: &lower,
        is_cap_diff,
    };
    let mut sentiments = Vec::with_capacity(words.len());
    for i in 0..words.len() {
        let is_kind_of = i + 1 < words.len() && lower[i] == "kind" && lower[i + 1] == "of";
        if booster(&lower[i]).is_some() || is_kind_of {
            sentiments.push(0.0);
        } else {
            sentiments.push(ctx.valence(i));
        }
    }
    but_check(&lower, &mut sentiments);
    let scores = score_valence(&sentiments, &text);
    Analysis {
        words,
        sentiments,
        scores,
    }
}

/// The words of one text, as the rules need them.
struct Context<'a> {
    words: &'a [String],
    lower: &'a [String],
    is_cap_diff: bool,
}

impl Context<'_> {
    fn in_lexicon(&self, j: usize) -> bool {
        lexicon().contains_key(self.lower[j].as_str())
    }

    /// `sentiment_valence` for the word at `i`.
    fn valence(&self, i: usize) -> f64 {
        let lex = lexicon();
        let item = &self.lower[i];
        let Some(&base) = lex.get(item.as_str()) else {
            return 0.0;
        };
        let n = self.words.len();
        let mut valence = base;
        // "no" before a lexicon word negates it rather than counting itself.
        if item == "no" && i != n - 1 && self.in_lexicon(i + 1) {
            valence = 0.0;
        }
        let l = self.lower;
        if (i > 0 && l[i - 1] == "no")
            || (i > 1 && l[i - 2] == "no")
            || (i > 2 && l[i - 3] == "no" && (l[i - 1] == "or" || l[i - 1] == "nor"))
        {
            valence = base * N_SCALAR;
        }
        if py_isupper(&self.words[i]) && self.is_cap_diff {
            valence += if valence > 0.0 { C_INCR } else { -C_INCR };
        }
        for start_i in 0..3 {
            if i > start_i && !self.in_lexicon(i - (start_i + 1)) {
                let mut s = self.scalar_inc_dec(i - (start_i + 1), valence);
                if start_i == 1 && s != 0.0 {
                    s *= 0.95;
                }
                if start_i == 2 && s != 0.0 {
                    s *= 0.9;
                }
                valence += s;
                valence = self.negation_check(valence, start_i, i);
                if start_i == 2 {
                    valence = self.special_idioms_check(valence, i);
                }
            }
        }
        self.least_check(valence, i)
    }

    /// `scalar_inc_dec`: the booster/dampener effect of word `j` on a word
    /// of the given valence.
    fn scalar_inc_dec(&self, j: usize, valence: f64) -> f64 {
        let Some(mut scalar) = booster(&self.lower[j]) else {
            return 0.0;
        };
        if valence < 0.0 {
            scalar *= -1.0;
        }
        if py_isupper(&self.words[j]) && self.is_cap_diff {
            scalar += if valence > 0.0 { C_INCR } else { -C_INCR };
        }
        scalar
    }

    /// `_negation_check`, including "never so/this" and "without doubt".
    fn negation_check(&self, valence: f64, start_i: usize, i: usize) -> f64 {
        let l = self.lower;
        match start_i {
            0 if is_negation(&l[i - 1]) => valence * N_SCALAR,
            1 if l[i - 2] == "never" && (l[i - 1] == "so" || l[i - 1] == "this") => valence * 1.25,
            1 if l[i - 2] == "without" && l[i - 1] == "doubt" => valence,
            1 if is_negation(&l[i - 2]) => valence * N_SCALAR,
            // Python: `never and (so or this) at i-2 or (so or this at i-1)`.
            2 if (l[i - 3] == "never" && (l[i - 2] == "so" || l[i - 2] == "this"))
                || (l[i - 1] == "so" || l[i - 1] == "this") =>
            {
                valence * 1.25
            }
            2 if l[i - 3] == "without" && (l[i - 2] == "doubt" || l[i - 1] == "doubt") => valence,
            2 if is_negation(&l[i - 3]) => valence * N_SCALAR,
            _ => valence,
        }
    }

    /// `_special_idioms_check` (only called when i > 2).
    fn special_idioms_check(&self, mut valence: f64, i: usize) -> f64 {
        let l = self.lower;
        let onezero = format!("{} {}", l[i - 1], l[i]);
        let twoonezero = format!("{} {} {}", l[i - 2], l[i - 1], l[i]);
        let twoone = format!("{} {}", l[i - 2], l[i - 1]);
        let threetwoone = format!("{} {} {}", l[i - 3], l[i - 2], l[i - 1]);
        let threetwo = format!("{} {}", l[i - 3], l[i - 2]);
        for seq in [&onezero, &twoonezero, &twoone, &threetwoone, &threetwo] {
            if let Some(v) = special_case(seq) {
                valence = v;
                break;
            }
        }
        if l.len() - 1 > i {
            if let Some(v) = special_case(&format!("{} {}", l[i], l[i + 1])) {
                valence = v;
            }
        }
        if l.len() - 1 > i + 1 {
            if let Some(v) = special_case(&format!("{} {} {}", l[i], l[i + 1], l[i + 2])) {
                valence = v;
            }
        }
        for n_gram in [&threetwoone, &threetwo, &twoone] {
            if let Some(b) = booster(n_gram) {
                valence += b;
            }
        }
        valence
    }

    /// `_least_check`: "least" before a word negates it, except "at least"
    /// and "very least".
    fn least_check(&self, valence: f64, i: usize) -> f64 {
        let l = self.lower;
        if i > 1 && !self.in_lexicon(i - 1) && l[i - 1] == "least" {
            if l[i - 2] != "at" && l[i - 2] != "very" {
                return valence * N_SCALAR;
            }
        } else if i > 0 && !self.in_lexicon(i - 1) && l[i - 1] == "least" {
            return valence * N_SCALAR;
        }
        valence
    }
}

/// `_but_check`: halve the scores before the first "but", and ×1.5 those
/// after. Python walks the list and finds each score's position with
/// `list.index` (the first equal value), rewriting the list as it goes; the
/// port does the same, so repeated values behave identically.
fn but_check(lower: &[String], sentiments: &mut [f64]) {
    let Some(bi) = lower.iter().position(|w| w == "but") else {
        return;
    };
    for k in 0..sentiments.len() {
        let sentiment = sentiments[k];
        // `sentiment` is in the list (at k at the latest); NaN never occurs.
        let si = sentiments.iter().position(|&x| x == sentiment).unwrap_or(k);
        if si < bi {
            sentiments[si] = sentiment * 0.5;
        } else if si > bi {
            sentiments[si] = sentiment * 1.5;
        }
    }
}

/// `_punctuation_emphasis`: up to four "!" add 0.292 each; two or three "?"
/// add 0.18 each, more add 0.96.
fn punctuation_emphasis(text: &str) -> f64 {
    let ep = text.matches('!').count().min(4) as f64 * 0.292;
    let qm_count = text.matches('?').count();
    let qm = match qm_count {
        0 | 1 => 0.0,
        2 | 3 => qm_count as f64 * 0.18,
        _ => 0.96,
    };
    ep + qm
}

/// VADER's `normalize`: `score / sqrt(score² + alpha)`, alpha = 15, clamped.
pub(crate) fn normalize(score: f64) -> f64 {
    (score / (score * score + 15.0).sqrt()).clamp(-1.0, 1.0)
}

/// `score_valence` without the final rounding.
fn score_valence(sentiments: &[f64], text: &str) -> VaderScores {
    if sentiments.is_empty() {
        return VaderScores::default();
    }
    // Left to right, as Python 3.11's `sum` adds floats.
    let mut sum_s: f64 = sentiments.iter().fold(0.0, |acc, s| acc + s);
    let amp = punctuation_emphasis(text);
    if sum_s > 0.0 {
        sum_s += amp;
    } else if sum_s < 0.0 {
        sum_s -= amp;
    }
    let compound = normalize(sum_s);
    let (mut pos_sum, mut neg_sum, mut neu_count) = (0.0_f64, 0.0_f64, 0_u32);
    for &s in sentiments {
        if s > 0.0 {
            pos_sum += s + 1.0;
        }
        if s < 0.0 {
            neg_sum += s - 1.0;
        }
        if s == 0.0 {
            neu_count += 1;
        }
    }
    if pos_sum > neg_sum.abs() {
        pos_sum += amp;
    } else if pos_sum < neg_sum.abs() {
        neg_sum -= amp;
    }
    let total = pos_sum + neg_sum.abs() + f64::from(neu_count);
    VaderScores {
        neg: (neg_sum / total).abs(),
        neu: (f64::from(neu_count) / total).abs(),
        pos: (pos_sum / total).abs(),
        compound,
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests;
