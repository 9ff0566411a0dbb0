//! Text as duplicate detection compares it: names folded (accents, case,
//! punctuation and honorifics dropped; "Smith, John" typed in one field
//! split into its parts), Han characters romanised to toneless pinyin
//! through the `pinyin` crate (so 张伟, 張偉 and "Wei Zhang" meet), company
//! names without their legal form, and the free-mail domains that are no
//! evidence.

use pinyin::ToPinyin;
use unicode_normalization::char::is_combining_mark;
use unicode_normalization::UnicodeNormalization;

/// Email domains many unrelated people share (free mail and big ISPs): a
/// shared one is no evidence.
pub const FREE_MAIL_DOMAINS: &[&str] = &[
    "gmail.com",
    "googlemail.com",
    "outlook.com",
    "hotmail.com",
    "hotmail.co.uk",
    "live.com",
    "msn.com",
    "yahoo.com",
    "yahoo.co.uk",
    "yahoo.co.jp",
    "icloud.com",
    "me.com",
    "mac.com",
    "aol.com",
    "gmx.de",
    "gmx.net",
    "web.de",
    "mail.ru",
    "yandex.ru",
    "proton.me",
    "protonmail.com",
    "qq.com",
    "foxmail.com",
    "163.com",
    "126.com",
    "yeah.net",
    "sina.com",
    "sina.cn",
    "sohu.com",
    "aliyun.com",
    "139.com",
    "189.cn",
    "naver.com",
    "btinternet.com",
    "rogers.com",
    "bigpond.com",
    "eircom.net",
    "xtra.co.nz",
    "comcast.net",
    "orange.fr",
];

/// Legal forms dropped from the end of a company name (after folding).
const COMPANY_SUFFIXES: &[&str] = &[
    "inc",
    "incorporated",
    "ltd",
    "limited",
    "llc",
    "llp",
    "lp",
    "plc",
    "gmbh",
    "ag",
    "kg",
    "co",
    "corp",
    "corporation",
    "company",
    "sa",
    "sas",
    "sarl",
    "srl",
    "spa",
    "bv",
    "nv",
    "oy",
    "ab",
    "as",
    "pty",
    "kk",
    "group",
];

/// Legal forms dropped from the end of a Chinese company name.
const HAN_COMPANY_SUFFIXES: &[&str] = &[
    "股份有限公司",
    "有限责任公司",
    "有限責任公司",
    "有限公司",
    "集团",
    "集團",
    "公司",
];

/// Tokens that are not part of a person's name.
const HONORIFICS: &[&str] = &[
    "mr", "mrs", "ms", "miss", "mx", "dr", "prof", "sir", "jr", "sr",
];

/// How many digits of a phone number are compared (the end of the number,
/// so "+44 20 7946 0958" and "020 7946 0958" meet).
pub const PHONE_TAIL: usize = 8;

/// (given, family) as typed, with a whole name typed into one field split:
/// "Smith, John" → ("John", "Smith"); "John Smith" → ("John", "Smith");
/// "张伟" → ("伟", "张").
pub(super) fn name_parts(given: &str, family: &str) -> (String, String) {
    let (given, family) = (given.trim(), family.trim());
    if !given.is_empty() && !family.is_empty() {
        return (given.to_string(), family.to_string());
    }
    let whole = if given.is_empty() { family } else { given };
    if let Some((f, g)) = whole.split_once(',') {
        return (g.trim().to_string(), f.trim().to_string());
    }
    if has_han(whole) && !whole.contains(char::is_whitespace) {
        let mut chars = whole.chars();
        if let Some(first) = chars.next() {
            let rest = chars.as_str();
            if !rest.is_empty() {
                return (rest.to_string(), first.to_string());
            }
        }
    }
    match whole.rsplit_once(char::is_whitespace) {
        Some((g, f)) => (g.trim().to_string(), f.trim().to_string()),
        None if given.is_empty() => (String::new(), whole.to_string()),
        None => (whole.to_string(), String::new()),
    }
}

/// Lower-case, without accents, punctuation as spaces, spaces collapsed.
pub(super) fn fold(text: &str) -> String {
    if text.is_ascii() {
        return fold_chars(text.chars());
    }
    fold_chars(text.nfkd().filter(|c| !is_combining_mark(*c)))
}

fn fold_chars(chars: impl Iterator<Item = char>) -> String {
    let mut out = String::new();
    let mut space = true;
    for c in chars {
        if c.is_alphanumeric() {
            out.extend(c.to_lowercase());
            space = false;
        } else if !space {
            out.push(' ');
            space = true;
        }
    }
    out.truncate(out.trim_end().len());
    out
}

/// [`fold`] without honorifics ("Dr", "Mrs", "Jr").
pub(super) fn fold_name(text: &str) -> String {
    let folded = fold(text);
    if !folded.split(' ').any(|t| HONORIFICS.contains(&t)) {
        return folded;
    }
    folded
        .split(' ')
        .filter(|t| !HONORIFICS.contains(t))
        .collect::<Vec<_>>()
        .join(" ")
}

/// Whether the text has Han characters (CJK ideographs).
pub(super) fn has_han(text: &str) -> bool {
    text.chars().any(is_han)
}

fn is_han(c: char) -> bool {
    matches!(c, '\u{4E00}'..='\u{9FFF}' | '\u{3400}'..='\u{4DBF}' | '\u{20000}'..='\u{2FA1F}' | '\u{F900}'..='\u{FAFF}')
}

/// Folded text with each run of Han characters as its toneless pinyin,
/// joined ("小明" → "xiaoming"); characters without pinyin stay as they are.
pub(super) fn romanise(folded: &str) -> String {
    if !has_han(folded) {
        return folded.to_string();
    }
    let mut out = String::with_capacity(folded.len() * 2);
    for c in folded.chars() {
        match c.to_pinyin() {
            Some(p) => out.push_str(p.plain()),
            None => out.push(c),
        }
    }
    out
}

/// A company name folded, without a leading "the" and legal forms at the
/// end ("The ACME Corp." → "acme", "华为技术有限公司" → "华为技术").
pub fn normalise_company(company: &str) -> String {
    let folded = fold(company);
    let mut tokens: Vec<&str> = folded.split(' ').filter(|t| !t.is_empty()).collect();
    if tokens.len() > 1 && tokens[0] == "the" {
        tokens.remove(0);
    }
    while tokens.len() > 1 && tokens.last().is_some_and(|t| COMPANY_SUFFIXES.contains(t)) {
        tokens.pop();
    }
    let mut name = tokens.join(" ");
    'strip: loop {
        for suffix in HAN_COMPANY_SUFFIXES {
            if let Some(rest) = name.strip_suffix(suffix) {
                if !rest.trim().is_empty() {
                    name = rest.trim_end().to_string();
                    continue 'strip;
                }
            }
        }
        break;
    }
    name
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dedupe::profile::Profile;
    use crate::model::{Customer, Id};

    #[test]
    fn company_legal_forms_are_dropped() {
        assert_eq!(normalise_company("The ACME Corp."), "acme");
        assert_eq!(normalise_company("Acme, Inc"), "acme");
        assert_eq!(normalise_company("Müller GmbH & Co. KG"), "muller");
        assert_eq!(normalise_company("华为技术有限公司"), "华为技术");
        assert_eq!(normalise_company("阿里巴巴集团股份有限公司"), "阿里巴巴");
        assert_eq!(normalise_company("Inc"), "inc");
        assert_eq!(normalise_company("  "), "");
    }

    #[test]
    fn a_whole_name_in_one_field_is_split() {
        let p = |g: &str, f: &str| name_parts(g, f);
        assert_eq!(p("Smith, John", ""), ("John".into(), "Smith".into()));
        assert_eq!(p("John Smith", ""), ("John".into(), "Smith".into()));
        assert_eq!(p("", "张伟"), ("伟".into(), "张".into()));
        assert_eq!(p("Ann", "Lee"), ("Ann".into(), "Lee".into()));
    }

    #[test]
    fn names_fold_accents_case_and_honorifics() {
        assert_eq!(fold_name("Dr. José  O'Neil"), "jose o neil");
        assert_eq!(fold("ＡＢＣ"), "abc");
    }

    #[test]
    fn han_names_simplified_traditional_and_latin_romanise_alike() {
        let mut a = Customer::new(Id::from_u128(1), 0);
        (a.given_name, a.family_name) = ("伟".into(), "张".into());
        let mut b = a.clone();
        (b.given_name, b.family_name) = ("偉".into(), "張".into());
        let mut c = a.clone();
        (c.given_name, c.family_name) = ("Wei".into(), "Zhang".into());
        let roman: Vec<String> = [a, b, c].iter().map(|c| Profile::of(c).roman).collect();
        assert_eq!(roman, vec!["wei zhang"; 3]);
    }
}
