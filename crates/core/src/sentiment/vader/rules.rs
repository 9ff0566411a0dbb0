//! VADER's word lists and constants, as in `vaderSentiment.py` 3.3.2, and the
//! two lexicon files (`data/vader_lexicon.txt`, `data/emoji_utf8_lexicon.txt`,
//! shipped verbatim), parsed once on first use.

use std::collections::HashMap;
use std::sync::OnceLock;

use super::pystr::py_strip;
use crate::sentiment::lexicons;

/// Rating increase for a booster word.
pub(crate) const B_INCR: f64 = 0.293;
/// Rating decrease for a dampener word.
pub(crate) const B_DECR: f64 = -0.293;
/// Rating increase for a word in ALL CAPS among mixed-case words.
pub(crate) const C_INCR: f64 = 0.733;
/// Factor applied to a negated word.
pub(crate) const N_SCALAR: f64 = -0.74;

/// VADER's `NEGATE` list.
const NEGATE: &[&str] = &[
    "aint",
    "arent",
    "cannot",
    "cant",
    "couldnt",
    "darent",
    "didnt",
    "doesnt",
    "ain't",
    "aren't",
    "can't",
    "couldn't",
    "daren't",
    "didn't",
    "doesn't",
    "dont",
    "hadnt",
    "hasnt",
    "havent",
    "isnt",
    "mightnt",
    "mustnt",
    "neither",
    "don't",
    "hadn't",
    "hasn't",
    "haven't",
    "isn't",
    "mightn't",
    "mustn't",
    "neednt",
    "needn't",
    "never",
    "none",
    "nope",
    "nor",
    "not",
    "nothing",
    "nowhere",
    "oughtnt",
    "shant",
    "shouldnt",
    "uhuh",
    "wasnt",
    "werent",
    "oughtn't",
    "shan't",
    "shouldn't",
    "uh-uh",
    "wasn't",
    "weren't",
    "without",
    "wont",
    "wouldnt",
    "won't",
    "wouldn't",
    "rarely",
    "seldom",
    "despite",
];

/// VADER's `negated([word])` for one lower-cased word: a negation word, or
/// any word containing "n't".
pub(crate) fn is_negation(word_lower: &str) -> bool {
    NEGATE.contains(&word_lower) || word_lower.contains("n't")
}

/// VADER's `BOOSTER_DICT`: the scalar of a booster (+) or dampener (−)
/// word or two-word phrase (lower case), if it is one.
pub(crate) fn booster(word_lower: &str) -> Option<f64> {
    Some(match word_lower {
        "absolutely" | "amazingly" | "awfully" | "completely" | "considerable" | "considerably"
        | "decidedly" | "deeply" | "effing" | "enormous" | "enormously" | "entirely"
        | "especially" | "exceptional" | "exceptionally" | "extreme" | "extremely"
        | "fabulously" | "flipping" | "flippin" | "frackin" | "fracking" | "fricking"
        | "frickin" | "frigging" | "friggin" | "fully" | "fuckin" | "fucking" | "fuggin"
        | "fugging" | "greatly" | "hella" | "highly" | "hugely" | "incredible" | "incredibly"
        | "intensely" | "major" | "majorly" | "more" | "most" | "particularly" | "purely"
        | "quite" | "really" | "remarkably" | "so" | "substantially" | "thoroughly" | "total"
        | "totally" | "tremendous" | "tremendously" | "uber" | "unbelievably" | "unusually"
        | "utter" | "utterly" | "very" => B_INCR,
        "almost" | "barely" | "hardly" | "just enough" | "kind of" | "kinda" | "kindof"
        | "kind-of" | "less" | "little" | "marginal" | "marginally" | "occasional"
        | "occasionally" | "partly" | "scarce" | "scarcely" | "slight" | "slightly"
        | "somewhat" | "sort of" | "sorta" | "sortof" | "sort-of" => B_DECR,
        _ => return None,
    })
}

/// VADER's `SPECIAL_CASES`: idioms whose valence replaces the word's.
pub(crate) fn special_case(phrase_lower: &str) -> Option<f64> {
    Some(match phrase_lower {
        "the shit" | "the bomb" | "to die for" => 3.0,
        "bad ass" | "badass" => 1.5,
        "bus stop" => 0.0,
        "yeah right" => -2.0,
        "kiss of death" => -1.5,
        "beating heart" => 3.5,
        _ => return None,
    })
}

/// The word → mean valence lexicon (7,500 entries), as `make_lex_dict`
/// reads it: first two tab-separated fields of each stripped line; a later
/// duplicate wins. Read from `vader_lexicon.tsv` (`vader_lexicon.txt` cut to
/// the two columns read, in the same order), once installed
/// ([`lexicons`](crate::sentiment::lexicons)).
pub(crate) fn lexicon() -> &'static HashMap<&'static str, f64> {
    static LEX: OnceLock<HashMap<&'static str, f64>> = OnceLock::new();
    static EMPTY: OnceLock<HashMap<&'static str, f64>> = OnceLock::new();
    lexicons::parsed(
        &LEX,
        &EMPTY,
        |texts| {
            let mut map = HashMap::with_capacity(7600);
            for line in texts.vader.trim_end_matches('\n').split('\n') {
                let mut fields = py_strip(line).split('\t');
                if let (Some(word), Some(measure)) = (fields.next(), fields.next()) {
                    if let Ok(v) = measure.parse::<f64>() {
                        map.insert(word, v);
                    }
                }
            }
            map
        },
        HashMap::new,
    )
}

/// The emoji → description map, as `make_emoji_dict` reads it. Python looks
/// the text up one code point at a time, so only single-code-point emoji can
/// ever match; `emoji_single.tsv` is `emoji_utf8_lexicon.txt` cut to those
/// entries and their two columns (the sequences — flags, skin tones, ZWJ —
/// are left out).
pub(crate) fn emojis() -> &'static HashMap<char, &'static str> {
    static EMO: OnceLock<HashMap<char, &'static str>> = OnceLock::new();
    static EMPTY: OnceLock<HashMap<char, &'static str>> = OnceLock::new();
    lexicons::parsed(
        &EMO,
        &EMPTY,
        |texts| {
            let mut map = HashMap::with_capacity(1300);
            for line in texts.emoji.trim_end_matches('\n').split('\n') {
                let mut fields = py_strip(line).split('\t');
                if let (Some(emoji), Some(description)) = (fields.next(), fields.next()) {
                    let mut chars = emoji.chars();
                    if let (Some(c), None) = (chars.next(), chars.next()) {
                        map.insert(c, description);
                    }
                }
            }
            map
        },
        HashMap::new,
    )
}
