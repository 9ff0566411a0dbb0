//! What duplicate detection reads from a customer, computed once per
//! customer ([`Profile`]): the folded name parts, their romanised tokens,
//! normalised emails, phone tails, company-domain emails and company (see
//! `normal` for the text rules), mostly kept as hashes, and the blocking
//! keys all of these give.

use super::hash::hash_text;
use super::normal::{
    fold_name, has_han, name_parts, normalise_company, romanise, FREE_MAIL_DOMAINS, PHONE_TAIL,
};
use crate::model::{parse_email, phone_digits, Customer, Id};

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
