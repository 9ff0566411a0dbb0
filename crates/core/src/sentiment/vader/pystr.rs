//! The few Python `str` behaviours VADER's reference implementation relies
//! on, reproduced exactly so the port scores every input as Python does:
//! `str.split()`/`str.strip()` (Python's whitespace set), `str.isupper()`,
//! `str.strip(string.punctuation)` and `round(x, n)`.

/// Python's `str.isspace` for one character: Unicode `White_Space` plus the
/// four ASCII information separators (U+001C..U+001F), which Python counts
/// as whitespace (bidirectional class B/S) and Rust does not.
pub(crate) fn is_py_space(c: char) -> bool {
    c.is_whitespace() || ('\u{1c}'..='\u{1f}').contains(&c)
}

/// Python's `str.split()` with no argument: runs of whitespace separate,
/// empty pieces are dropped.
pub(crate) fn py_split(text: &str) -> impl Iterator<Item = &str> {
    text.split(is_py_space).filter(|s| !s.is_empty())
}

/// Python's `str.strip()` with no argument.
pub(crate) fn py_strip(text: &str) -> &str {
    text.trim_matches(is_py_space)
}

/// Titlecase letters (general category Lt), which make Python's `isupper`
/// false; Rust has no predicate for them.
fn is_titlecase(c: char) -> bool {
    matches!(c,
        '\u{01C5}' | '\u{01C8}' | '\u{01CB}' | '\u{01F2}'
        | '\u{1F88}'..='\u{1F8F}' | '\u{1F98}'..='\u{1F9F}' | '\u{1FA8}'..='\u{1FAF}'
        | '\u{1FBC}' | '\u{1FCC}' | '\u{1FFC}')
}

/// Python's `str.isupper()`: at least one cased character, and no lowercase
/// or titlecase one (CPython tests the `Lowercase`/`Uppercase` properties,
/// as Rust's `char::is_lowercase`/`is_uppercase` do).
pub(crate) fn py_isupper(word: &str) -> bool {
    let mut cased = false;
    for c in word.chars() {
        if c.is_lowercase() || is_titlecase(c) {
            return false;
        }
        cased |= c.is_uppercase();
    }
    cased
}

/// VADER's `_strip_punc_if_word`: strip leading and trailing ASCII
/// punctuation (`string.punctuation`), unless two or fewer characters would
/// be left — then the token was probably an emoticon (":)", ":D") and is
/// kept whole.
pub(crate) fn strip_punc_if_word(token: &str) -> &str {
    let stripped = token.trim_matches(|c: char| c.is_ascii_punctuation());
    if stripped.chars().count() <= 2 {
        token
    } else {
        stripped
    }
}

/// Python's `round(x, digits)` for floats: the correctly rounded decimal
/// (ties to even on the exact binary value), read back as an `f64`. Rust's
/// fixed-precision formatting rounds the exact value the same way.
pub(crate) fn py_round(x: f64, digits: usize) -> f64 {
    if !x.is_finite() {
        return x;
    }
    // A formatted finite f64 always parses back.
    format!("{x:.digits$}").parse().unwrap_or(x)
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;

    #[test]
    fn split_uses_pythons_whitespace_set() {
        let v: Vec<_> = py_split(" a\u{1f}b\u{3000}c\u{a0} ").collect();
        assert_eq!(v, ["a", "b", "c"]);
        assert_eq!(py_strip("\u{1c} x \u{85}"), "x");
    }

    #[test]
    fn isupper_needs_a_cased_char_and_no_lowercase() {
        assert!(py_isupper("GREAT!"));
        assert!(py_isupper("A1"));
        assert!(!py_isupper("123"));
        assert!(!py_isupper("Great"));
        assert!(!py_isupper("\u{01C5}A"));
        assert!(!py_isupper(":)"));
    }

    #[test]
    fn punctuation_is_stripped_only_from_words() {
        assert_eq!(strip_punc_if_word("great!!"), "great");
        assert_eq!(strip_punc_if_word(":)"), ":)");
        assert_eq!(strip_punc_if_word("ok."), "ok.");
        assert_eq!(strip_punc_if_word("'isn't'"), "isn't");
    }

    #[test]
    fn round_matches_python_ties_to_even_on_the_exact_value() {
        // Values from CPython: round(0.0625, 3) == 0.062, round(2.675, 2)
        // == 2.67 (2.675 is below the tie in binary), round(0.1875, 3) == 0.188.
        assert_eq!(py_round(0.0625, 3), 0.062);
        assert_eq!(py_round(2.675, 2), 2.67);
        assert_eq!(py_round(0.1875, 3), 0.188);
        assert_eq!(py_round(-0.00004, 4), 0.0);
        assert_eq!(py_round(0.43184, 4), 0.4318);
    }
}
