//! The date reader shared by the import's date cells ([`read_date_cell`])
//! and the forms' date fields ([`parse_date`]).

use time::{Date, Month};

use super::{fold_width, ParseError};

/// What a date cell holds.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DateCell {
    /// A full date.
    Date(Date),
    /// Nothing, or Outlook's `0/0/00` for "no date".
    Empty,
    /// A day without a year (Google writes `--03-15`): kept as text.
    NoYear,
    /// Not a date this reader knows.
    Bad,
}

/// Reads a date as typed in a form: anything [`read_date_cell`] reads as a
/// full date. Blank is [`ParseError::Empty`], so optional fields can treat it
/// as "no date".
pub fn parse_date(text: &str) -> Result<Date, ParseError> {
    let typed = text.trim();
    match read_date_cell(typed) {
        DateCell::Date(date) => Ok(date),
        DateCell::Empty if typed.is_empty() => Err(ParseError::Empty),
        DateCell::NoYear => Err(ParseError::NoYear(typed.to_string())),
        DateCell::Empty | DateCell::Bad => Err(ParseError::NotADate(typed.to_string())),
    }
}

/// Reads `YYYY-MM-DD` (optionally followed by a time), `YYYYMMDD`,
/// `YYYY/MM/DD`, `M/D/YYYY` (US order, as Outlook and Salesforce write it;
/// `D/M/YYYY` when the first number is above 12), `D.M.YYYY`, and two-digit
/// years (below 30: 20xx); full-width digits read as their ASCII twins.
pub fn read_date_cell(cell: &str) -> DateCell {
    let folded = fold_width(cell);
    let s = folded.trim();
    if s.is_empty() {
        return DateCell::Empty;
    }
    if let Some(rest) = s.strip_prefix("--") {
        return match rest.split_once('-') {
            Some((month, day)) if is_month_day(month, day) => DateCell::NoYear,
            _ => DateCell::Bad,
        };
    }
    let numbers: Vec<&str> = s
        .split(['T', ' '])
        .next()
        .unwrap_or(s)
        .split(['-', '/', '.'])
        .collect();
    if numbers.iter().all(|n| n.bytes().all(|b| b == b'0')) {
        return DateCell::Empty;
    }
    // Every part is checked to be one to eight ASCII digits, so byte
    // lengths below are character counts.
    let n: Option<Vec<i32>> = numbers
        .iter()
        .map(|p| {
            (!p.is_empty() && p.len() <= 8 && p.bytes().all(|b| b.is_ascii_digit()))
                .then(|| p.parse().ok())
                .flatten()
        })
        .collect();
    let ymd = match (n.as_deref(), numbers.first().map(|p| p.len())) {
        (Some(&[ymd]), Some(8)) => (ymd / 10_000, ymd / 100 % 100, ymd % 100),
        (Some(&[y, m, d]), Some(4)) => (y, m, d),
        (Some(&[a, b, y]), _) if s.contains('.') => (full_year(y), b, a),
        (Some(&[a, b, y]), _) if a > 12 => (full_year(y), b, a),
        (Some(&[a, b, y]), _) => (full_year(y), a, b),
        _ => return DateCell::Bad,
    };
    make_date(ymd).map_or(DateCell::Bad, DateCell::Date)
}

/// Whether `MM` and `DD` are two-digit month and day numbers that can meet
/// (in a leap year).
fn is_month_day(month: &str, day: &str) -> bool {
    let two_digits = |t: &str| t.len() == 2 && t.bytes().all(|b| b.is_ascii_digit());
    two_digits(month)
        && two_digits(day)
        && make_date((2000, month.parse().unwrap_or(0), day.parse().unwrap_or(0))).is_some()
}

fn full_year(y: i32) -> i32 {
    match y {
        0..=29 => 2000 + y,
        30..=99 => 1900 + y,
        _ => y,
    }
}

fn make_date((y, m, d): (i32, i32, i32)) -> Option<Date> {
    let month = Month::try_from(u8::try_from(m).ok()?).ok()?;
    Date::from_calendar_date(y, month, u8::try_from(d).ok()?).ok()
}
