//! How alike two customers are: a score in [0, 1] and the [`Reason`]s
//! behind it.
//!
//! Evidence combines as independent chances ("noisy or"): the same email
//! counts 0.95, the same phone 0.90, a name at similarity `s` (the worse of
//! the given and family names' Jaro–Winkler similarity, as typed or with
//! given/family swapped, whichever is better) counts `0.8 · (1 − g²)` with
//! `g = (1 − s) / 0.15` from `s = 0.85` up (0.8 for the same name, 0.64 for
//! "Jon" and "John"), and the
//! same name in pinyin (Han names written differently, or a Han name and its
//! romanisation) counts 0.6. A shared phone or email between two clearly
//! different names (a household's landline, a shared inbox) counts a fifth
//! less. The same company (0.6) and the same company email domain (0.4) only
//! support existing evidence: they add `(1 − e) · support · min(1, e / 0.5)`
//! to evidence `e`, so colleagues with different names score nothing, while
//! "Jon Smith" and "John Smith" at one company score about 0.86.
//! Two customers without a person's name at the same company count as the
//! same name.

use super::profile::Profile;

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
            Reason::SameEmail(e) => format!("Both have the email address {e}."),
            Reason::SamePhone(p) => format!("Both have the phone number {p}."),
            Reason::SimilarName { score } if *score >= 0.9995 => "They have the same name.".into(),
            Reason::SimilarName { score } => {
                format!("Their names are {:.0}% alike.", (score * 100.0).min(99.0))
            }
            Reason::SameNamePinyin(p) => format!("Their names read the same in pinyin ({p})."),
            Reason::SameCompany(c) => format!("Both work at {c}."),
            Reason::SameEmailDomain(d) => format!("Both have an email address at {d}."),
        }
    }

    /// A few words for a list ("similar name", "same company").
    pub fn short(&self) -> &'static str {
        match self {
            Reason::SameEmail(_) => "same email",
            Reason::SamePhone(_) => "same phone",
            Reason::SimilarName { score } if *score >= 0.9995 => "same name",
            Reason::SimilarName { .. } => "similar name",
            Reason::SameNamePinyin(_) => "same name in pinyin",
            Reason::SameCompany(_) => "same company",
            Reason::SameEmailDomain(_) => "same email domain",
        }
    }
}

/// How alike two names are: the worse of the given names' and the family
/// names' Jaro–Winkler similarity (so "Charlotte Hall" and "Charlotte Hill"
/// are not carried by their long shared given name), as typed or with one
/// side's given and family swapped, whichever is better.
fn name_similarity(a: &Profile, b: &Profile) -> f64 {
    if a.name == b.name {
        return 1.0;
    }
    let jw = strsim::jaro_winkler;
    let straight = jw(&a.given, &b.given).min(jw(&a.family, &b.family));
    let swapped = jw(&a.given, &b.family).min(jw(&a.family, &b.given));
    straight.max(swapped)
}

/// The score of two profiles and its reasons (empty when the score is 0).
pub(super) fn score(a: &Profile, b: &Profile) -> (f64, Vec<Reason>) {
    let mut reasons = Vec::new();
    let mut contact = 1.0; // chance that no contact detail is evidence
    let mut name = 1.0; // same, for the name
    let email = a.emails.iter().find(|e| b.emails.contains(e));
    if let Some(e) = email {
        contact *= 1.0 - EMAIL;
        reasons.push(Reason::SameEmail(e.clone()));
    }
    if let Some((_, shown)) = a
        .phones
        .iter()
        .find(|(tail, _)| b.phones.iter().any(|(t, _)| t == tail))
    {
        contact *= 1.0 - PHONE;
        reasons.push(Reason::SamePhone(shown.clone()));
    }
    let same_company = !a.company.is_empty() && a.company == b.company;
    let mut conflict = false;
    if a.has_name() && b.has_name() {
        let sim = name_similarity(a, b);
        let gap = (1.0 - sim) / (1.0 - NAME_FLOOR);
        let weight = SAME_NAME * (1.0 - gap * gap);
        // (Below 1%, a name right at the floor is no evidence.)
        if weight > 0.01 {
            name *= 1.0 - weight;
            reasons.push(Reason::SimilarName { score: sim });
        }
        let same_pinyin = (a.han || b.han) && a.roman == b.roman && a.name != b.name;
        if same_pinyin {
            name *= 1.0 - PINYIN;
            reasons.push(Reason::SameNamePinyin(a.roman.clone()));
        }
        conflict = sim < NAME_CONFLICT && !same_pinyin;
    } else if !a.has_name() && !b.has_name() && same_company {
        name *= 1.0 - SAME_NAME;
    }
    if conflict {
        contact = 1.0 - (1.0 - contact) * CONFLICT_FACTOR;
    }
    let evidence = 1.0 - contact * name;
    let mut support = 1.0;
    if same_company {
        support *= 1.0 - COMPANY;
        reasons.push(Reason::SameCompany(a.company_shown.clone()));
    }
    if email.is_none() {
        if let Some(d) = a.domains.iter().find(|d| b.domains.contains(d)) {
            support *= 1.0 - DOMAIN;
            reasons.push(Reason::SameEmailDomain(d.clone()));
        }
    }
    let support = 1.0 - support;
    if evidence <= 0.0 {
        return (0.0, Vec::new());
    }
    let score = evidence + (1.0 - evidence) * support * (evidence / 0.5).min(1.0);
    (score.clamp(0.0, 1.0), reasons)
}
