//! How alike two customers are: a score in [0, 1] and the [`Reason`]s
//! behind it.
//!
//! Evidence combines as independent chances ("noisy or"): the same email
//! counts 0.95, the same phone 0.90, a name at similarity `s` (the worse of
//! the given and family names' Jaro–Winkler similarity, as typed or with
//! given/family swapped, whichever is better) counts `0.8 · (1 − g³)` with
//! `g = (1 − s) / 0.15` from `s = 0.85` up (0.8 for the same name, 0.73 for
//! "Jon" and "John"), and the
//! same name in pinyin (Han names written differently, or a Han name and its
//! romanisation) counts 0.6. Name evidence counts a tenth less when both
//! have emails but share none, and again for phones (namesakes usually
//! differ there). A shared phone or email between two clearly
//! different names (a household's landline, a shared inbox) counts a fifth
//! less. The same company (0.6) and the same company email domain (0.4) only
//! support existing evidence: they add `(1 − e) · support · min(1, e / 0.5)`
//! to evidence `e`, so colleagues with different names score nothing, while
//! "Jon Smith" and "John Smith" at one company score about 0.89 (0.84 with
//! different emails and phones), and two "John Smith"s with different
//! emails and phones and nothing else in common 0.65.
//! Two customers without a person's name at the same company count as the
//! same name.

use super::jaro::jaro_winkler;
use super::profile::Profile;
use crate::i18n::import_report as rt;

/// Weight of a shared email address.
const EMAIL: f64 = 0.95;
/// Weight of a shared phone number.
const PHONE: f64 = 0.90;
/// Weight of the same name.
const SAME_NAME: f64 = 0.80;
/// Name similarity from which a name counts as evidence.
const NAME_FLOOR: f64 = 0.85;
/// Weight of the same name in pinyin.
const PINYIN: f64 = 0.60;
/// Name similarity under which two names are clearly different.
const NAME_CONFLICT: f64 = 0.70;
/// Factor on contact evidence between clearly different names.
const CONFLICT_FACTOR: f64 = 0.80;
/// Factor on name evidence when both have emails (or phones) and none is
/// shared.
const OTHER_CONTACT: f64 = 0.90;
/// Support of a shared company.
const COMPANY: f64 = 0.60;
/// Support of a shared company email domain.
const DOMAIN: f64 = 0.40;

/// Why two customers look like the same person.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub enum Reason {
    /// Both have this email address.
    SameEmail(String),
    /// Both have a phone number ending in the same digits (the number shown).
    SamePhone(String),
    /// The names are alike (Jaro–Winkler similarity, 0 to 1).
    SimilarName {
        /// How alike, 0 to 1.
        score: f64,
    },
    /// The names read the same in pinyin (the pinyin shown).
    SameNamePinyin(String),
    /// Both work at this company.
    SameCompany(String),
    /// Both have an email address at this (non-free-mail) domain.
    SameEmailDomain(String),
}

impl Reason {
    /// The reason as a sentence for the UI.
    ///
    /// ```
    /// use rapport_core::dedupe::Reason;
    /// assert_eq!(Reason::SimilarName { score: 0.93 }.describe(), "Their names are 93% alike.");
    /// assert_eq!(Reason::SameCompany("Acme".into()).describe(), "Both work at Acme.");
    /// ```
    pub fn describe(&self) -> String {
        match self {
            Reason::SameEmail(e) => rt::both_email(e),
            Reason::SamePhone(p) => rt::both_phone(p),
            Reason::SimilarName { score } if *score >= 0.9995 => rt::same_name_sentence().into(),
            Reason::SimilarName { score } => {
                rt::names_alike(format!("{:.0}", (score * 100.0).min(99.0)))
            }
            Reason::SameNamePinyin(p) => rt::same_pinyin(p),
            Reason::SameCompany(c) => rt::both_company(c),
            Reason::SameEmailDomain(d) => rt::both_email_domain(d),
        }
    }

    /// A few words for a list ("similar name", "same company").
    pub fn short(&self) -> &'static str {
        match self {
            Reason::SameEmail(_) => rt::same_email(),
            Reason::SamePhone(_) => rt::same_phone(),
            Reason::SimilarName { score } if *score >= 0.9995 => rt::same_name(),
            Reason::SimilarName { .. } => rt::similar_name(),
            Reason::SameNamePinyin(_) => rt::same_name_pinyin(),
            Reason::SameCompany(_) => rt::same_company(),
            Reason::SameEmailDomain(_) => rt::same_email_domain(),
        }
    }
}

/// How alike two names are: the worse of the given names' and the family
/// names' Jaro–Winkler similarity (so "Charlotte Hall" and "Charlotte Hill"
/// are not carried by their long shared given name), as typed or with one
/// side's given and family swapped, whichever is better.
///
/// Exact from [`NAME_CONFLICT`] up; below it the result is only some value
/// below it (all the score asks there), which lets a pair whose family
/// names already differ skip the given names.
pub(super) fn name_similarity(a: &Profile, b: &Profile) -> f64 {
    if a.name_h == b.name_h {
        return 1.0;
    }
    let jw = |x: &[char], x_h: u64, y: &[char], y_h: u64| {
        if x_h == y_h {
            1.0
        } else {
            jaro_winkler(x, y)
        }
    };
    let both = |first: f64, second: &dyn Fn() -> f64| {
        if first < NAME_CONFLICT {
            first
        } else {
            first.min(second())
        }
    };
    let straight = both(jw(&a.family, a.family_h, &b.family, b.family_h), &|| {
        jw(&a.given, a.given_h, &b.given, b.given_h)
    });
    if straight >= 1.0 {
        return straight;
    }
    let swapped = both(jw(&a.family, a.family_h, &b.given, b.given_h), &|| {
        jw(&a.given, a.given_h, &b.family, b.family_h)
    });
    straight.max(swapped)
}

/// The score of two profiles whose names are `sim` alike (asked only when
/// both have a name); with `reasons`, also why.
pub(super) fn score(
    a: &Profile,
    b: &Profile,
    sim: impl FnOnce() -> f64,
    mut reasons: Option<&mut Vec<Reason>>,
) -> f64 {
    let mut why = |r: Reason| {
        if let Some(out) = reasons.as_deref_mut() {
            out.push(r);
        }
    };
    let mut contact = 1.0; // chance that no contact detail is evidence
    let mut name = 1.0; // same, for the name
    let email = a.emails_h.iter().position(|e| b.emails_h.contains(e));
    if let Some(i) = email {
        contact *= 1.0 - EMAIL;
        why(Reason::SameEmail(a.emails[i].clone()));
    }
    let phone = a
        .phones
        .iter()
        .find(|(tail, _)| b.phones.iter().any(|(t, _)| t == tail));
    if let Some((_, shown)) = phone {
        contact *= 1.0 - PHONE;
        why(Reason::SamePhone(shown.clone()));
    }
    let same_company = a.company_h != 0 && a.company_h == b.company_h;
    let mut conflict = false;
    if a.has_name() && b.has_name() {
        let sim = sim();
        let gap = (1.0 - sim) / (1.0 - NAME_FLOOR);
        let mut weight = SAME_NAME * (1.0 - gap * gap * gap);
        // (Below 1%, a name right at the floor is no evidence.)
        if weight > 0.01 {
            if email.is_none() && !a.emails_h.is_empty() && !b.emails_h.is_empty() {
                weight *= OTHER_CONTACT;
            }
            if phone.is_none() && !a.phones.is_empty() && !b.phones.is_empty() {
                weight *= OTHER_CONTACT;
            }
            name *= 1.0 - weight;
            why(Reason::SimilarName { score: sim });
        }
        let same_pinyin = (a.han || b.han) && a.roman_h == b.roman_h && a.name_h != b.name_h;
        if same_pinyin {
            name *= 1.0 - PINYIN;
            why(Reason::SameNamePinyin(a.roman.clone()));
        }
        conflict = sim < NAME_CONFLICT && !same_pinyin;
    } else if !a.has_name() && !b.has_name() && same_company {
        name *= 1.0 - SAME_NAME;
    }
    if conflict {
        contact = 1.0 - (1.0 - contact) * CONFLICT_FACTOR;
    }
    let evidence = 1.0 - contact * name;
    if evidence <= 0.0 {
        if let Some(out) = reasons {
            out.clear();
        }
        return 0.0;
    }
    let mut support = 1.0;
    if same_company {
        support *= 1.0 - COMPANY;
        why(Reason::SameCompany(a.company_shown.clone()));
    }
    if email.is_none() {
        if let Some(i) = a.domains_h.iter().position(|d| b.domains_h.contains(d)) {
            support *= 1.0 - DOMAIN;
            why(Reason::SameEmailDomain(a.domains[i].clone()));
        }
    }
    let support = 1.0 - support;
    let score = evidence + (1.0 - evidence) * support * (evidence / 0.5).min(1.0);
    score.clamp(0.0, 1.0)
}
