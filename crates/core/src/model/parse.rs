//! One parser per kind of value people type — amounts, whole numbers,
//! percentages and dates — shared by the forms and the CSV import, so a
//! value reads the same wherever it is typed.
//!
//! Each parser accepts what people write in their locale (`1,234.50`,
//! `1.234,50 €`, `1'234.5`, `1 234,50`, `(12.00)`, full-width digits) and
//! refuses anything else with a [`ParseError`] whose `Display` is a sentence
//! that quotes the text as typed. Nothing here slices a string at a byte
//! offset that could split a character: every cell, however strange, gets
//! an answer and never a panic.

use crate::i18n::errors as t;
mod date;
#[cfg(all(test, not(target_arch = "wasm32")))]
mod proptests;
#[cfg(test)]
mod tests;

pub use date::{parse_date, read_date_cell, DateCell};

use thiserror::Error;

/// Why typed text is not the value asked for. Each `Display` is a sentence
/// (without the final full stop) that quotes what was typed.
#[derive(Debug, Clone, PartialEq, Error)]
pub enum ParseError {
    /// Nothing but spaces was typed.
    #[error("{}", t::parse_empty())]
    Empty,
    /// Letters, symbols or separators in places a number cannot have them.
    #[error("{}", t::parse_not_a_number(.0))]
    NotANumber(String),
    /// `NaN`, `inf`, or a number too large to hold (`1e400`).
    #[error("{}", t::parse_not_finite(.0))]
    NotFinite(String),
    /// A fraction where only whole numbers make sense.
    #[error("{}", t::parse_not_whole(.0))]
    NotWhole(String),
    /// A whole number too large to store.
    #[error("{}", t::parse_too_large(.0))]
    TooLarge(String),
    /// A number outside the range the value allows (e.g. a percentage above 100).
    #[error("{}", t::parse_out_of_range(.text, .min, .max))]
    OutOfRange {
        /// The text as typed.
        text: String,
        /// Smallest allowed value.
        min: f64,
        /// Largest allowed value.
        max: f64,
    },
    /// Not a date in any notation Rapport reads.
    #[error("{}", t::parse_not_a_date(.0))]
    NotADate(String),
    /// A day and month without a year (`--03-15`).
    #[error("{}", t::parse_no_year(.0))]
    NoYear(String),
}

/// Reads an amount of money or any decimal number: `1234.5`, `1,234.50`,
/// `1.234,50 €`, `12,5`, `$1,234.50`, `(12.00)` (negative), `1'234.5`,
/// `1 234,50` (also with no-break spaces), `USD 12.50`, `12,50 EUR`,
/// `1.234.567`, full-width `１２３４．５`, and `−5` with a minus sign.
///
/// ```
/// use rapport_core::model::parse::{parse_amount, ParseError};
/// assert_eq!(parse_amount("1.234,50 €"), Ok(1234.5));
/// assert_eq!(parse_amount("(12.00)"), Ok(-12.0));
/// assert_eq!(parse_amount("5万"), Err(ParseError::NotANumber("5万".into())));
/// ```
pub fn parse_amount(text: &str) -> Result<f64, ParseError> {
    let folded = fold_width(text);
    read_number(folded.trim(), text.trim(), true)
}

/// Reads a whole number with the same separators as [`parse_amount`]
/// (`1,234`, `1 234`, `1.234.567`) but no currency; `12.5` is
/// [`ParseError::NotWhole`].
pub fn parse_integer(text: &str) -> Result<i64, ParseError> {
    let folded = fold_width(text);
    let typed = text.trim();
    let value = read_number(folded.trim(), typed, false)?;
    if value.fract() != 0.0 {
        return Err(ParseError::NotWhole(typed.to_string()));
    }
    // i64 holds every whole f64 strictly between -2^63 and 2^63.
    const LIMIT: f64 = 9_223_372_036_854_775_808.0;
    if value.abs() >= LIMIT {
        return Err(ParseError::TooLarge(typed.to_string()));
    }
    Ok(value as i64)
}

/// Reads a percentage from 0 to 100, with or without a `%` sign (`25`,
/// `25 %`, `12,5%`, full-width `２５％`), and returns the percent value
/// (`"25 %"` → `25.0`).
pub fn parse_percent(text: &str) -> Result<f64, ParseError> {
    let folded = fold_width(text);
    let typed = text.trim();
    let trimmed = folded.trim();
    let number = trimmed
        .strip_suffix('%')
        .or_else(|| trimmed.strip_prefix('%'))
        .unwrap_or(trimmed)
        .trim();
    if number.is_empty() && !trimmed.is_empty() {
        return Err(ParseError::NotANumber(typed.to_string()));
    }
    let value = read_number(number, typed, false)?;
    if !(0.0..=100.0).contains(&value) {
        return Err(ParseError::OutOfRange {
            text: typed.to_string(),
            min: 0.0,
            max: 100.0,
        });
    }
    Ok(value)
}

/// `text` with full-width forms (U+FF01..U+FF5E) as their ASCII twins, the
/// ideographic space as a space, minus signs as `-` and the typographic
/// apostrophe as `'` (Swiss thousands).
pub(crate) fn fold_width(text: &str) -> String {
    text.chars()
        .map(|c| match c {
            '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
            '\u{3000}' => ' ',
            '\u{2212}' | '\u{FE63}' => '-',
            '\u{2019}' => '\'',
            '\u{FFE1}' => '£',
            '\u{FFE5}' => '¥',
            _ => c,
        })
        .collect()
}

/// Currency symbols accepted before or after an amount.
const CURRENCY_SYMBOLS: [char; 12] = ['$', '€', '£', '¥', '₹', '₩', '₽', '₺', '₪', '฿', '₫', '₱'];

/// Reads the (width-folded, trimmed) `body` as a number; errors quote `typed`.
fn read_number(body: &str, typed: &str, currency: bool) -> Result<f64, ParseError> {
    if body.is_empty() {
        return Err(ParseError::Empty);
    }
    let not_a_number = || ParseError::NotANumber(typed.to_string());
    let not_finite = || ParseError::NotFinite(typed.to_string());
    let (mut negative, mut body) = match body.strip_prefix('(').and_then(|r| r.strip_suffix(')')) {
        Some(inner) => (true, inner.trim()),
        None => (false, body),
    };
    if currency {
        body = strip_currency(body);
    }
    if let Some(rest) = body.strip_prefix('-') {
        negative = !negative;
        body = rest.trim_start();
    } else if let Some(rest) = body.strip_prefix('+') {
        body = rest.trim_start();
    }
    if currency {
        body = strip_currency(body);
    }
    if ["nan", "inf", "infinity"]
        .iter()
        .any(|word| body.eq_ignore_ascii_case(word))
    {
        return Err(not_finite());
    }
    let (mantissa, exponent) = split_exponent(body).ok_or_else(not_a_number)?;
    let plain = plain_decimal(mantissa).ok_or_else(not_a_number)?;
    let value: f64 = format!("{plain}{exponent}")
        .parse()
        .map_err(|_| not_a_number())?;
    if !value.is_finite() {
        return Err(not_finite());
    }
    Ok(if negative { -value } else { value })
}

/// `s` without one currency symbol or ISO code (`USD`) at either end.
fn strip_currency(s: &str) -> &str {
    let mut s = s.trim();
    if let Some(rest) = s.strip_prefix(CURRENCY_SYMBOLS) {
        s = rest.trim_start();
    } else if let Some(rest) = s.strip_suffix(CURRENCY_SYMBOLS) {
        s = rest.trim_end();
    }
    let is_code = |t: &str| t.len() == 3 && t.bytes().all(|b| b.is_ascii_uppercase());
    if let (Some(code), Some(rest)) = (s.get(..3), s.get(3..)) {
        if is_code(code) && !rest.starts_with(char::is_alphabetic) {
            return rest.trim_start();
        }
    }
    if let Some(split) = s.len().checked_sub(3) {
        if let (Some(rest), Some(code)) = (s.get(..split), s.get(split..)) {
            if is_code(code) && !rest.ends_with(char::is_alphabetic) {
                return rest.trim_end();
            }
        }
    }
    s
}

/// Splits `1.5E+06` into `("1.5", "e+06")`; `None` when what follows the `e`
/// is not a signed run of digits.
fn split_exponent(s: &str) -> Option<(&str, String)> {
    let Some(at) = s.find(['e', 'E']) else {
        return Some((s, String::new()));
    };
    let mantissa = s.get(..at)?;
    let exponent = s.get(at + 1..)?;
    let digits = exponent.strip_prefix(['+', '-']).unwrap_or(exponent);
    let well_formed =
        !mantissa.is_empty() && !digits.is_empty() && digits.bytes().all(|b| b.is_ascii_digit());
    well_formed.then(|| (mantissa, format!("e{exponent}")))
}

/// The number as `digits.digits` once thousands separators are gone and the
/// decimal separator is a point; `None` when separators are misplaced or
/// anything but digits and separators is left.
fn plain_decimal(s: &str) -> Option<String> {
    // Spaces, apostrophes and underscores group digits in threes: each
    // must follow one to three digits and precede exactly three.
    let chars: Vec<char> = s.chars().collect();
    let digit_run =
        |run: &mut dyn Iterator<Item = &char>| run.take_while(|c| c.is_ascii_digit()).count();
    let mut kept = String::with_capacity(s.len());
    for (i, &c) in chars.iter().enumerate() {
        match c {
            '0'..='9' | '.' | ',' => kept.push(c),
            c if c.is_whitespace() || c == '\'' || c == '_' => {
                let before = digit_run(&mut chars[..i].iter().rev());
                let after = digit_run(&mut chars[i + 1..].iter());
                if !((1..=3).contains(&before) && after == 3) {
                    return None;
                }
            }
            _ => return None,
        }
    }
    if !kept.bytes().any(|b| b.is_ascii_digit()) {
        return None;
    }
    let (dots, commas) = (kept.matches('.').count(), kept.matches(',').count());
    let (decimal, group) = match (kept.rfind('.'), kept.rfind(',')) {
        (Some(dot), Some(comma)) if comma > dot => (Some(','), Some('.')),
        (Some(_), Some(_)) => (Some('.'), Some(',')),
        (Some(_), None) if dots == 1 => (Some('.'), None),
        (Some(_), None) => (None, Some('.')),
        (None, Some(comma)) if commas == 1 && kept.len() - comma - 1 != 3 => (Some(','), None),
        (None, Some(_)) => (None, Some(',')),
        (None, None) => (None, None),
    };
    let (whole, fraction) = match decimal {
        Some(d) => kept.split_once(d)?,
        None => (kept.as_str(), ""),
    };
    if fraction.bytes().any(|b| !b.is_ascii_digit()) || (whole.is_empty() && fraction.is_empty()) {
        return None;
    }
    let whole = match group {
        Some(g) if whole.contains(g) => grouped_digits(whole, g)?,
        _ => whole.to_string(),
    };
    if whole.bytes().any(|b| !b.is_ascii_digit()) {
        return None;
    }
    let whole = if whole.is_empty() { "0" } else { &whole };
    Some(format!("{whole}.{fraction}0"))
}

/// `1,234,567` → `1234567`: a first group of one to three digits, then
/// groups of three (or of two before the last, as in India's `12,34,567`).
fn grouped_digits(whole: &str, separator: char) -> Option<String> {
    let groups: Vec<&str> = whole.split(separator).collect();
    let all_digits = |g: &str| g.bytes().all(|b| b.is_ascii_digit());
    let (first, rest) = groups.split_first()?;
    let (last, middle) = rest.split_last()?;
    let sound = (1..=3).contains(&first.len())
        && last.len() == 3
        && middle.iter().all(|g| (2..=3).contains(&g.len()))
        && groups.iter().all(|g| all_digits(g));
    sound.then(|| groups.concat())
}
