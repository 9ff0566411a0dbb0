//! Reading single cells the way other systems write them: dates in the
//! usual notations, amounts with currency signs and thousands separators,
//! lists joined with ` ::: ` or `;`, and full names split into given and
//! family names.

use time::{Date, Month};

/// What a date cell holds.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum DateCell {
    /// A full date.
    Date(Date),
    /// Nothing, or Outlook's `0/0/00` for "no date".
    Empty,
    /// A day without a year (Google writes `--03-15`): kept as text.
    NoYear,
    /// Not a date this reader knows.
    Bad,
}

/// Reads `YYYY-MM-DD` (optionally followed by a time), `YYYYMMDD`,
/// `YYYY/MM/DD`, `M/D/YYYY` (US order, as Outlook and Salesforce write it;
/// `D/M/YYYY` when the first number is above 12), `D.M.YYYY`, and two-digit
/// years (below 30: 20xx).
pub(crate) fn parse_date(cell: &str) -> DateCell {
    let s = cell.trim();
    if s.is_empty() {
        return DateCell::Empty;
    }
    if let Some(rest) = s.strip_prefix("--") {
        return if rest.len() == 5 && rest.as_bytes()[2] == b'-' {
            DateCell::NoYear
        } else {
            DateCell::Bad
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
    let n: Option<Vec<i32>> = numbers
        .iter()
        .map(|p| {
            (!p.is_empty() && p.len() <= 8 && p.bytes().all(|b| b.is_ascii_digit()))
                .then(|| p.parse().ok())
                .flatten()
        })
        .collect();
    let ymd = match (n.as_deref(), numbers.first().map(|p| p.len())) {
        (Some(&[ymd]), _) if numbers[0].len() == 8 => (ymd / 10_000, ymd / 100 % 100, ymd % 100),
        (Some(&[y, m, d]), Some(4)) => (y, m, d),
        (Some(&[a, b, y]), _) if s.contains('.') => (full_year(y), b, a),
        (Some(&[a, b, y]), _) if a > 12 => (full_year(y), b, a),
        (Some(&[a, b, y]), _) => (full_year(y), a, b),
        _ => return DateCell::Bad,
    };
    make_date(ymd).map_or(DateCell::Bad, DateCell::Date)
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

/// Reads an amount: `1234.5`, `$1,234.50`, `1.234,50 €`, `(12.00)` (a
/// negative in accounting notation), `1'234.5`.
pub(crate) fn parse_number(cell: &str) -> Option<f64> {
    let s = cell.trim();
    let (negative, s) = match s.strip_prefix('(').and_then(|r| r.strip_suffix(')')) {
        Some(inner) => (true, inner),
        None => (false, s),
    };
    let mut kept: String = s
        .chars()
        .filter(|c| !c.is_whitespace() && !"$€£¥'".contains(*c))
        .collect();
    // A currency code before or after the number ("USD 12.50", "12,50 EUR").
    let is_code = |t: &str| t.len() == 3 && t.bytes().all(|b| b.is_ascii_uppercase());
    if kept.len() > 3 && is_code(&kept[..3]) {
        kept.drain(..3);
    } else if kept.len() > 3
        && kept.is_char_boundary(kept.len() - 3)
        && is_code(&kept[kept.len() - 3..])
    {
        kept.truncate(kept.len() - 3);
    }
    if !kept.bytes().any(|b| b.is_ascii_digit())
        || !kept
            .bytes()
            .all(|b| b.is_ascii_digit() || matches!(b, b'.' | b',' | b'-' | b'+' | b'e' | b'E'))
    {
        return None;
    }
    let normalised = match (kept.rfind('.'), kept.rfind(',')) {
        (Some(dot), Some(comma)) if comma > dot => kept.replace('.', "").replace(',', "."),
        (Some(_), Some(_)) => kept.replace(',', ""),
        (None, Some(comma)) if kept.matches(',').count() == 1 && kept.len() - comma - 1 <= 2 => {
            kept.replace(',', ".")
        }
        (None, Some(_)) => kept.replace(',', ""),
        _ => kept,
    };
    let value: f64 = normalised.parse().ok()?;
    value
        .is_finite()
        .then_some(if negative { -value } else { value })
}

/// The values of a list cell: split on ` ::: ` (Google, Rapport) and `;`
/// (Outlook), trimmed, blanks dropped.
pub(crate) fn split_list(cell: &str) -> impl Iterator<Item = &str> {
    // Most cells hold one value: skip building a substring searcher.
    let (many, one) = if cell.as_bytes().contains(&b':') {
        (Some(cell.split(" ::: ")), None)
    } else {
        (None, Some(cell))
    };
    many.into_iter()
        .flatten()
        .chain(one)
        .flat_map(|part| part.split(';'))
        .map(str::trim)
        .filter(|s| !s.is_empty())
}

/// The first value of a cell that may hold several (` ::: `).
pub(crate) fn first_value(cell: &str) -> &str {
    if !cell.as_bytes().contains(&b':') {
        return cell.trim();
    }
    cell.split(" ::: ")
        .map(str::trim)
        .find(|s| !s.is_empty())
        .unwrap_or("")
}

const TITLES: &[&str] = &[
    "mr", "mrs", "ms", "miss", "mx", "dr", "prof", "sir", "dame", "herr", "frau",
];
const SUFFIXES: &[&str] = &["jr", "sr", "ii", "iii", "iv", "phd", "md", "esq"];
const PARTICLES: &[&str] = &[
    "van", "von", "de", "der", "den", "del", "della", "da", "di", "du", "la", "le", "dos", "das",
    "ter", "ten", "bin", "ibn", "al",
];

/// Splits a full name into (given, family): "Ada Lovelace", "Lovelace,
/// Ada", "Ludwig van Beethoven" (family "van Beethoven"), "Dr. Ada King
/// Lovelace Jr." (titles and suffixes dropped; middle names stay with the
/// given name), "王伟" (family 王). A single word is a given name.
pub(crate) fn split_name(full: &str) -> (String, String) {
    let full = full.trim();
    if let Some((family, given)) = full.split_once(',') {
        let given = strip_affixes(given);
        if !given.is_empty() && !SUFFIXES.contains(&bare(&given).as_str()) {
            return (given, family.trim().to_string());
        }
    }
    let name = strip_affixes(full);
    let words: Vec<&str> = name.split_whitespace().collect();
    match words.as_slice() {
        [] => (String::new(), String::new()),
        [one] if is_cjk_name(one) => {
            let mut chars = one.chars();
            let family = chars.next().map(String::from).unwrap_or_default();
            (chars.collect(), family)
        }
        [one] => (one.to_string(), String::new()),
        _ => {
            let split = (1..words.len() - 1)
                .find(|&i| PARTICLES.contains(&words[i]))
                .unwrap_or(words.len() - 1);
            (words[..split].join(" "), words[split..].join(" "))
        }
    }
}

/// A word lower-cased without dots: "Dr." → "dr".
fn bare(word: &str) -> String {
    word.trim()
        .trim_end_matches('.')
        .replace('.', "")
        .to_lowercase()
}

fn strip_affixes(name: &str) -> String {
    let mut words: Vec<&str> = name
        .split(|c: char| c.is_whitespace() || c == ',')
        .filter(|w| !w.is_empty())
        .collect();
    while words.len() > 1 && TITLES.contains(&bare(words[0]).as_str()) {
        words.remove(0);
    }
    while words.len() > 1 && SUFFIXES.contains(&bare(words[words.len() - 1]).as_str()) {
        words.pop();
    }
    words.join(" ")
}

/// Two to four CJK ideographs written without a space.
fn is_cjk_name(word: &str) -> bool {
    let n = word.chars().count();
    (2..=4).contains(&n)
        && word
            .chars()
            .all(|c| matches!(c, '\u{4E00}'..='\u{9FFF}' | '\u{3400}'..='\u{4DBF}'))
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::date;

    #[test]
    fn dates_in_the_usual_notations() {
        let d = |s| parse_date(s);
        assert_eq!(d("1815-12-10"), DateCell::Date(date!(1815 - 12 - 10)));
        assert_eq!(
            d("2024-03-01T10:00:00.000Z"),
            DateCell::Date(date!(2024 - 03 - 01))
        );
        assert_eq!(d("19970101"), DateCell::Date(date!(1997 - 01 - 01)));
        assert_eq!(d("12/10/1815"), DateCell::Date(date!(1815 - 12 - 10)));
        assert_eq!(d("25/12/1990"), DateCell::Date(date!(1990 - 12 - 25)));
        assert_eq!(d("10.12.1815"), DateCell::Date(date!(1815 - 12 - 10)));
        assert_eq!(d("3/4/85"), DateCell::Date(date!(1985 - 03 - 04)));
        assert_eq!(d("0/0/00"), DateCell::Empty);
        assert_eq!(d("--12-10"), DateCell::NoYear);
        assert_eq!(d("2023-02-30"), DateCell::Bad);
        assert_eq!(d("soon"), DateCell::Bad);
    }

    #[test]
    fn amounts_with_symbols_and_separators() {
        assert_eq!(parse_number("11.77"), Some(11.77));
        assert_eq!(parse_number("$1,234.50"), Some(1234.5));
        assert_eq!(parse_number("1.234,50 €"), Some(1234.5));
        assert_eq!(parse_number("11,77"), Some(11.77));
        assert_eq!(parse_number("1,234"), Some(1234.0));
        assert_eq!(parse_number("(12.00)"), Some(-12.0));
        assert_eq!(parse_number("lots"), None);
        assert_eq!(parse_number("USD 12.50"), Some(12.5));
        assert_eq!(parse_number("12 apples"), None);
        assert_eq!(parse_number(""), None);
    }

    #[test]
    fn names_split_into_given_and_family() {
        let s = |n| split_name(n);
        let pair = |g: &str, f: &str| (g.to_string(), f.to_string());
        assert_eq!(s("Ada Lovelace"), pair("Ada", "Lovelace"));
        assert_eq!(s("Lovelace, Ada"), pair("Ada", "Lovelace"));
        assert_eq!(s("Ada"), pair("Ada", ""));
        assert_eq!(s("Dr. Ada King Lovelace Jr."), pair("Ada King", "Lovelace"));
        assert_eq!(s("Ludwig van Beethoven"), pair("Ludwig", "van Beethoven"));
        assert_eq!(s("Martin Luther King, Jr."), pair("Martin Luther", "King"));
        assert_eq!(s("王伟"), pair("伟", "王"));
    }

    #[test]
    fn list_cells_split_on_google_and_outlook_separators() {
        let v: Vec<&str> = split_list("* myContacts ::: Family; Friends ;").collect();
        assert_eq!(v, ["* myContacts", "Family", "Friends"]);
        assert_eq!(first_value(" ::: Acme ::: Other"), "Acme");
    }
}
