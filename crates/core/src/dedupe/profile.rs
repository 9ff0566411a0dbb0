//! What duplicate detection reads from a customer, computed once per
//! customer: the name folded for comparison (accents, case, punctuation and
//! honorifics dropped; "Smith, John" typed in one field split into its
//! parts), its romanised tokens (Han characters as toneless pinyin, through
//! the `pinyin` crate, so 张伟, 張偉 and "Wei Zhang" meet), normalised
//! emails, phone tails, company-domain emails, the company without its legal
//! form, and the blocking keys all of these give.

use pinyin::ToPinyin;
use unicode_normalization::char::is_combining_mark;
use unicode_normalization::UnicodeNormalization;

use super::hash::hash_text;
use crate::model::{parse_email, phone_digits, Customer, Id};

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

/// A blocking key: a hash of (kind, text), and the kind.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub(super) struct Key {
    pub hash: u64,
    /// 0 email, 1 phone, 2 domain, 3 company, 4 name tokens, 5 and 6 short
    /// name keys.
    pub kind: u8,
}

impl Key {
    fn new(kind: u8, text: &str) -> Key {
        Key {
            hash: hash_text(kind, text),
            kind,
        }
    }
}

/// One customer as duplicate detection sees it. Texts compared often are
/// kept as hashes (`*_h`, 0 for none); the texts are kept for reasons.
#[derive(Debug, Clone)]
pub(super) struct Profile {
    pub id: Id,
    /// Hash of the folded "given family" (0: no person's name).
    pub name_h: u64,
    /// Folded given name, as chars, and its hash.
    pub given: Box<[char]>,
    pub given_h: u64,
    /// Folded family name, as chars, and its hash.
    pub family: Box<[char]>,
    pub family_h: u64,
    /// Romanised name tokens (pinyin for Han), sorted, space-separated.
    pub roman: String,
    pub roman_h: u64,
    /// Whether the name has Han characters.
    pub han: bool,
    /// Normalised emails, and their hashes.
    pub emails: Vec<String>,
    pub emails_h: Vec<u64>,
    /// (hash of the last [`PHONE_TAIL`] digits, the number as stored).
    pub phones: Vec<(u64, String)>,
    /// Email domains that are not free mail, and their hashes.
    pub domains: Vec<String>,
    pub domains_h: Vec<u64>,
    /// Hash of the folded company without its legal form (0: none).
    pub company_h: u64,
    /// The company as stored.
    pub company_shown: String,
    /// Blocking keys.
    pub keys: Vec<Key>,
}

impl Profile {
    /// Whether the customer has a person's name.
    pub fn has_name(&self) -> bool {
        self.name_h != 0
    }

    pub fn of(c: &Customer) -> Profile {
        let (given, family) = name_parts(&c.given_name, &c.family_name);
        let (given, family) = (fold_name(&given), fold_name(&family));
        let han = has_han(&given) || has_han(&family);
        let (given_r, family_r) = (romanise(&given), romanise(&family));
        let mut tokens: Vec<&str> = given_r
            .split_whitespace()
            .chain(family_r.split_whitespace())
            .collect();
        tokens.sort_unstable();
        let roman = tokens.join(" ");
        let mut keys = Vec::new();
        let mut emails: Vec<String> = Vec::with_capacity(c.emails.len());
        for e in &c.emails {
            let e = if e.is_ascii() {
                e.trim().to_ascii_lowercase()
            } else {
                parse_email(e).unwrap_or_else(|_| e.trim().to_lowercase())
            };
            if !e.is_empty() && !emails.contains(&e) {
                emails.push(e);
            }
        }
        let mut domains: Vec<String> = emails
            .iter()
            .filter_map(|e| e.rsplit_once('@').map(|(_, d)| d.to_string()))
            .filter(|d| !d.is_empty() && !FREE_MAIL_DOMAINS.contains(&d.as_str()))
            .collect();
        domains.sort_unstable();
        domains.dedup();
        let mut phones: Vec<(u64, String)> = Vec::with_capacity(c.phones.len());
        for p in &c.phones {
            let digits = phone_digits(p);
            if let Some(tail) = digits.len().checked_sub(PHONE_TAIL).map(|at| &digits[at..]) {
                let key = Key::new(1, tail);
                keys.push(key);
                phones.push((key.hash, p.clone()));
            }
        }
        let emails_h: Vec<u64> = emails
            .iter()
            .map(|e| Key::new(0, e))
            .map(|k| {
                keys.push(k);
                k.hash
            })
            .collect();
        let domains_h: Vec<u64> = domains
            .iter()
            .map(|d| Key::new(2, d))
            .map(|k| {
                keys.push(k);
                k.hash
            })
            .collect();
        let company = normalise_company(&c.company);
        let company_h = if company.is_empty() {
            0
        } else {
            let k = Key::new(3, &company);
            keys.push(k);
            k.hash
        };
        let roman_h = if roman.is_empty() {
            0
        } else {
            let k = Key::new(4, &roman);
            keys.push(k);
            k.hash
        };
        let (g, f) = (
            given_r.replace(' ', ""),
            family_r.split_whitespace().last().unwrap_or(""),
        );
        if !g.is_empty() && !f.is_empty() {
            let first = |s: &str, n: usize| s.chars().take(n).collect::<String>();
            keys.push(Key::new(5, &format!("{}|{}", first(f, 3), first(&g, 1))));
            keys.push(Key::new(6, &format!("{}|{}", first(&g, 3), first(f, 1))));
        }
        keys.sort_unstable();
        keys.dedup();
        let name = format!("{given} {family}");
        let name = name.trim();
        Profile {
            id: c.meta.id,
            name_h: if name.is_empty() {
                0
            } else {
                hash_text(7, name)
            },
            given_h: hash_text(8, &given),
            family_h: hash_text(8, &family),
            given: given.chars().collect(),
            family: family.chars().collect(),
            roman,
            roman_h,
            han,
            emails,
            emails_h,
            phones,
            domains,
            domains_h,
            company_h,
            company_shown: c.company.trim().to_string(),
            keys,
        }
    }
}

/// (given, family) as typed, with a whole name typed into one field split:
/// "Smith, John" → ("John", "Smith"); "John Smith" → ("John", "Smith");
/// "张伟" → ("伟", "张").
fn name_parts(given: &str, family: &str) -> (String, String) {
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
fn fold_name(text: &str) -> String {
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
fn has_han(text: &str) -> bool {
    text.chars().any(is_han)
}

fn is_han(c: char) -> bool {
    matches!(c, '\u{4E00}'..='\u{9FFF}' | '\u{3400}'..='\u{4DBF}' | '\u{20000}'..='\u{2FA1F}' | '\u{F900}'..='\u{FAFF}')
}

/// Folded text with each run of Han characters as its toneless pinyin,
/// joined ("小明" → "xiaoming"); characters without pinyin stay as they are.
fn romanise(folded: &str) -> String {
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
