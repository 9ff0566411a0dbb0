//! Presets: the column layouts of other CRMs' contact exports (HubSpot,
//! Salesforce contacts and leads, Google Contacts old and new, Outlook) and
//! of Rapport's own customer export ([`RAPPORT_COLUMNS`], which
//! `io::export` writes), so that a file from any of them maps itself. The
//! layouts follow the vendors' documented columns (see `REFERENCE.md`).

use super::mapping::{compact, Target};
use super::tables::Fixed::*;
use super::tables::To::{Custom as C, Ignore as I, T};
use super::tables::{
    Def, To, GOOGLE_CURRENT, GOOGLE_LEGACY, HUBSPOT, OUTLOOK, RAPPORT, SALESFORCE,
};

/// The columns of Rapport's customer CSV export, in order: the export
/// writes exactly these, then one `Custom: <name>` column per custom field.
/// Lists (emails, phones, tags) are joined with [`RAPPORT_LIST_SEPARATOR`],
/// dates are `YYYY-MM-DD`, lifecycle stage and education are their labels;
/// "Id" (the Rapport record id) is imported as the external id,
/// "Created"/"Updated" are not imported.
///
/// One list for both directions: the export (which landed first) defines
/// it as `io::export::CUSTOMER_COLUMNS`, and this is that constant.
pub const RAPPORT_COLUMNS: &[&str] = crate::io::export::CUSTOMER_COLUMNS;

/// How Rapport's export joins several values in one cell (`" ::: "`, as
/// Google Contacts does); the importer splits on it in any file.
pub const RAPPORT_LIST_SEPARATOR: &str = crate::io::export::MULTI_VALUE_SEPARATOR;

/// The header prefix of a custom-field column in Rapport's export.
const RAPPORT_CUSTOM_PREFIX: &str = "custom: ";

/// A known export layout.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Preset {
    /// HubSpot contacts export (property labels as headers).
    HubSpot,
    /// Salesforce Contact or Lead export (API field names).
    Salesforce,
    /// Google Contacts, the older "Google CSV" layout.
    GoogleLegacy,
    /// Google Contacts, the current layout.
    GoogleCurrent,
    /// Outlook contacts export.
    Outlook,
    /// Rapport's own customer export.
    Rapport,
}

impl Preset {
    /// Every preset.
    pub const ALL: &'static [Preset] = &[
        Preset::HubSpot,
        Preset::Salesforce,
        Preset::GoogleLegacy,
        Preset::GoogleCurrent,
        Preset::Outlook,
        Preset::Rapport,
    ];

    /// The name to show ("Recognised: HubSpot contacts export"), in the
    /// current language.
    pub fn name(self) -> &'static str {
        use crate::i18n::import_report as rt;
        match self {
            Preset::HubSpot => rt::preset_hubspot(),
            Preset::Salesforce => rt::preset_salesforce(),
            Preset::GoogleLegacy => rt::preset_google_legacy(),
            Preset::GoogleCurrent => rt::preset_google_current(),
            Preset::Outlook => rt::preset_outlook(),
            Preset::Rapport => rt::preset_rapport(),
        }
    }

    fn def(self) -> &'static Def {
        match self {
            Preset::HubSpot => &HUBSPOT,
            Preset::Salesforce => &SALESFORCE,
            Preset::GoogleLegacy => &GOOGLE_LEGACY,
            Preset::GoogleCurrent => &GOOGLE_CURRENT,
            Preset::Outlook => &OUTLOOK,
            Preset::Rapport => &RAPPORT,
        }
    }
}

/// A header name as presets list it: trimmed, lower-case, single spaces.
fn loose(name: &str) -> String {
    name.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

fn lookup(def: &Def, name: &str) -> Option<To> {
    let key = loose(name);
    if let Some((_, to)) = def.columns.iter().find(|(n, _)| *n == key) {
        return Some(*to);
    }
    if std::ptr::eq(def, &RAPPORT) && key.starts_with(RAPPORT_CUSTOM_PREFIX) {
        return Some(To::Custom(""));
    }
    def.numbered.then(|| numbered(&key)).flatten()
}

/// Google's numbered columns: "E-mail 2 - Value" is an email, "Phone 1 -
/// Type" and other labels are dropped, "Website 1 - Value" a custom field.
fn numbered(key: &str) -> Option<To> {
    let compacted = compact(key);
    let letters: String = compacted.chars().filter(|c| !c.is_ascii_digit()).collect();
    if letters.len() == compacted.len() {
        return None;
    }
    Some(match letters.as_str() {
        "emailvalue" => T(Email),
        "phonevalue" => T(Phone),
        "websitevalue" => C("Website"),
        l if l.ends_with("type") || l.ends_with("label") || l.ends_with("formatted") => I,
        _ => return None,
    })
}

/// The preset a header most likely comes from: among presets with at least
/// one of their own signature columns and two known columns, the one that
/// knows the most columns.
pub(crate) fn detect_preset(header: &[String]) -> Option<Preset> {
    let mut best: Option<(usize, usize, Preset)> = None;
    for &preset in Preset::ALL {
        let def = preset.def();
        let known = header.iter().filter(|h| lookup(def, h).is_some()).count();
        let signed = header
            .iter()
            .filter(|h| def.signature.contains(&loose(h).as_str()))
            .count();
        if signed == 0 || known < 2 {
            continue;
        }
        if best.is_none_or(|(k, s, _)| (known, signed) > (k, s)) {
            best = Some((known, signed, preset));
        }
    }
    best.map(|(_, _, p)| p)
}

/// Where `preset` puts the column `name`, if it lists it.
pub(crate) fn preset_target(preset: Preset, name: &str) -> Option<Target> {
    Some(match lookup(preset.def(), name)? {
        To::Ignore => Target::Ignore,
        // Rapport's `Custom: <name>` columns: the name as written.
        To::Custom("") => {
            let name = name.trim();
            Target::Custom(
                name[RAPPORT_CUSTOM_PREFIX.len().min(name.len())..]
                    .trim()
                    .to_string(),
            )
        }
        To::Custom(name) => Target::Custom(name.to_string()),
        To::T(f) => match f {
            Given => Target::GivenName,
            Family => Target::FamilyName,
            Full => Target::FullName,
            Email => Target::Email,
            Phone => Target::Phone,
            Company => Target::Company,
            Job => Target::JobTitle,
            Street => Target::Street,
            City => Target::City,
            Region => Target::Region,
            Postal => Target::PostalCode,
            Country => Target::Country,
            Birthday => Target::Birthday,
            Age => Target::Age,
            Income => Target::AnnualIncome,
            Education => Target::Education,
            Lifecycle => Target::Lifecycle,
            Source => Target::Source,
            Owner => Target::Owner,
            Tags => Target::Tags,
            Segment => Target::Segment,
            External => Target::ExternalId,
        },
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn detect(names: &[&str]) -> Option<Preset> {
        detect_preset(&names.iter().map(|s| s.to_string()).collect::<Vec<_>>())
    }

    #[test]
    fn each_layout_is_recognised_from_a_few_of_its_columns() {
        assert_eq!(
            detect(&[
                "First Name",
                "Last Name",
                "Email",
                "Phone Number",
                "Lifecycle Stage"
            ]),
            Some(Preset::HubSpot)
        );
        assert_eq!(
            detect(&["Id", "FirstName", "LastName", "Email", "Company", "Status"]),
            Some(Preset::Salesforce)
        );
        assert_eq!(
            detect(&["Name", "Given Name", "Family Name", "E-mail 1 - Value"]),
            Some(Preset::GoogleLegacy)
        );
        assert_eq!(
            detect(&[
                "First Name",
                "Last Name",
                "Organization Name",
                "E-mail 1 - Value"
            ]),
            Some(Preset::GoogleCurrent)
        );
        assert_eq!(
            detect(&[
                "First Name",
                "Last Name",
                "E-mail Address",
                "Business Phone"
            ]),
            Some(Preset::Outlook)
        );
        let rapport: Vec<&str> = RAPPORT_COLUMNS.to_vec();
        assert_eq!(detect(&rapport), Some(Preset::Rapport));
        assert_eq!(detect(&["First name", "Email"]), None);
    }

    #[test]
    fn google_numbered_columns_map_by_pattern() {
        let t = |n| preset_target(Preset::GoogleCurrent, n);
        assert_eq!(t("E-mail 3 - Value"), Some(Target::Email));
        assert_eq!(t("Phone 2 - Label"), Some(Target::Ignore));
        assert_eq!(
            t("Website 1 - Value"),
            Some(Target::Custom("Website".into()))
        );
        assert_eq!(t("Relation 1 - Value"), None);
    }

    #[test]
    fn every_rapport_column_is_known_to_its_preset() {
        for c in RAPPORT_COLUMNS {
            assert!(preset_target(Preset::Rapport, c).is_some(), "{c}");
        }
        assert_eq!(
            preset_target(Preset::Rapport, "Custom: Plan"),
            Some(Target::Custom("Plan".into()))
        );
    }
}
