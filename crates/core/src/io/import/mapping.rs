//! Column mapping: which [`Target`] field of a customer each column of the
//! file fills. [`auto_map`] recognises a [`Preset`] from the header and maps
//! its columns; columns no preset knows are matched against common names
//! ("E-mail", "Surname", "Zip"…), and the rest keep their data as custom
//! fields. The UI shows one `<select>` per column ([`Target::choices`],
//! [`Target::key`], [`Target::from_key`]) and may change any of them.

use super::presets::{detect_preset, preset_target, Preset};
use crate::i18n::import_fields as fields;

/// Where a column's cells go.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Target {
    /// First name.
    GivenName,
    /// Last name.
    FamilyName,
    /// A whole name, split into given and family names when no column gives
    /// those ("Ada Lovelace", "Lovelace, Ada").
    FullName,
    /// An email address (several columns, or ` ::: ` / `;` in one cell, add
    /// more).
    Email,
    /// A phone number (several allowed, like emails).
    Phone,
    /// Company name.
    Company,
    /// Job title.
    JobTitle,
    /// Street and number.
    Street,
    /// City.
    City,
    /// State, province or region.
    Region,
    /// Postal / ZIP code.
    PostalCode,
    /// Country.
    Country,
    /// Date of birth (`YYYY-MM-DD`, `YYYYMMDD`, `M/D/YYYY` or `D.M.YYYY`);
    /// `03/04/2020`, which could be either, is read month first and the
    /// report notes it.
    Birthday,
    /// Age in years.
    Age,
    /// Yearly income.
    AnnualIncome,
    /// Education level.
    Education,
    /// Lifecycle stage (HubSpot's labels are understood).
    Lifecycle,
    /// Where the customer came from.
    Source,
    /// The team member in charge.
    Owner,
    /// Tags, separated by ` ::: `, `;` or `,`.
    Tags,
    /// Segment name.
    Segment,
    /// The customer's id in the system the file comes from; stored as the
    /// text custom field [`EXTERNAL_ID_FIELD`](super::EXTERNAL_ID_FIELD) and
    /// used to link orders files to customers.
    ExternalId,
    /// A custom field with this name (kept as text).
    Custom(String),
    /// Not imported.
    Ignore,
}

impl Target {
    /// Every fixed target, in the order a `<select>` lists them (custom
    /// fields are offered by the UI as "Custom field: <column name>").
    pub const FIXED: &'static [Target] = &[
        Target::GivenName,
        Target::FamilyName,
        Target::FullName,
        Target::Email,
        Target::Phone,
        Target::Company,
        Target::JobTitle,
        Target::Street,
        Target::City,
        Target::Region,
        Target::PostalCode,
        Target::Country,
        Target::Birthday,
        Target::Age,
        Target::AnnualIncome,
        Target::Education,
        Target::Lifecycle,
        Target::Source,
        Target::Owner,
        Target::Tags,
        Target::Segment,
        Target::ExternalId,
        Target::Ignore,
    ];

    /// What a user reads in the `<select>` (in the current language).
    pub fn label(&self) -> String {
        let fixed = match self {
            Target::GivenName => fields::given_name(),
            Target::FamilyName => fields::family_name(),
            Target::FullName => fields::full_name(),
            Target::Email => fields::email(),
            Target::Phone => fields::phone(),
            Target::Company => fields::company(),
            Target::JobTitle => fields::job_title(),
            Target::Street => fields::street(),
            Target::City => fields::city(),
            Target::Region => fields::region(),
            Target::PostalCode => fields::postal_code(),
            Target::Country => fields::country(),
            Target::Birthday => fields::birthday(),
            Target::Age => fields::age(),
            Target::AnnualIncome => fields::annual_income(),
            Target::Education => fields::education(),
            Target::Lifecycle => fields::lifecycle(),
            Target::Source => fields::source(),
            Target::Owner => fields::owner(),
            Target::Tags => fields::tags(),
            Target::Segment => fields::segment(),
            Target::ExternalId => fields::external_id(),
            Target::Ignore => fields::ignore(),
            Target::Custom(name) => return fields::custom(name),
        };
        fixed.to_string()
    }

    /// The choices for one column's `<select>`: every fixed target, with
    /// "Custom field: <column>" before "Do not import".
    pub fn choices(column: &str) -> Vec<Target> {
        let mut all = Target::FIXED.to_vec();
        let name = column.trim();
        let custom = Target::Custom(if name.is_empty() { "Imported" } else { name }.to_string());
        all.insert(all.len() - 1, custom);
        all
    }

    /// A stable string for an `<option value>`: `"email"`, `"custom:Notes"`…
    pub fn key(&self) -> String {
        match self {
            Target::Custom(name) => format!("custom:{name}"),
            other => format!("{other:?}").to_lowercase(),
        }
    }

    /// The target a [`key`](Target::key) names.
    pub fn from_key(key: &str) -> Option<Target> {
        if let Some(name) = key.strip_prefix("custom:") {
            return Some(Target::Custom(name.to_string()));
        }
        Target::FIXED.iter().find(|t| t.key() == key).cloned()
    }

    /// Whether one row may fill this target from several columns (emails,
    /// phones, tags, custom fields joined).
    pub fn is_multi(&self) -> bool {
        matches!(self, Target::Email | Target::Phone | Target::Tags)
    }
}

/// One target per header column, in column order.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Mapping {
    /// `targets[i]` is where column `i` goes.
    pub targets: Vec<Target>,
}

impl Mapping {
    /// The column of the first cell mapped to `target`.
    pub fn column_of(&self, target: &Target) -> Option<usize> {
        self.targets.iter().position(|t| t == target)
    }

    /// Whether any column is mapped to `target`.
    pub fn has(&self, target: &Target) -> bool {
        self.column_of(target).is_some()
    }
}

/// Recognises the preset a header comes from (if any) and maps each column:
/// the preset's own columns first, then common names, then a custom field
/// named after the column (a blank header cell is ignored).
///
/// ```
/// use rapport_core::io::import::{auto_map, Preset, Target};
/// let header: Vec<String> = ["FirstName", "LastName", "Email", "MailingCity", "OwnerId", "Shoe size"]
///     .map(String::from).into();
/// let (preset, mapping) = auto_map(&header);
/// assert_eq!(preset, Some(Preset::Salesforce));
/// assert_eq!(mapping.targets[3], Target::City);
/// assert_eq!(mapping.targets[5], Target::Custom("Shoe size".into()));
/// ```
pub fn auto_map(header: &[String]) -> (Option<Preset>, Mapping) {
    let preset = detect_preset(header);
    let targets = header
        .iter()
        .map(|name| {
            preset
                .and_then(|p| preset_target(p, name))
                .or_else(|| common_target(name))
                .unwrap_or_else(|| {
                    let name = name.trim();
                    if name.is_empty() {
                        Target::Ignore
                    } else {
                        Target::Custom(name.to_string())
                    }
                })
        })
        .collect();
    (preset, Mapping { targets })
}

/// A header name reduced to lower-case letters and digits
/// (`"E-mail 1 - Value"` → `"email1value"`).
pub(crate) fn compact(name: &str) -> String {
    name.chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

/// Targets for header names any file may use, whatever it comes from.
fn common_target(name: &str) -> Option<Target> {
    let key = compact(name);
    let key = key.as_str();
    // Numbered columns ("Email 2", "Phone 3 - Value", "E-mail 2 Address").
    let unnumbered: String = key.chars().filter(|c| !c.is_ascii_digit()).collect();
    let t = match unnumbered.as_str() {
        "firstname" | "givenname" | "forename" | "first" | "vorname" | "prenom" => {
            Target::GivenName
        }
        "lastname" | "familyname" | "surname" | "last" | "nachname" | "nom" => Target::FamilyName,
        "name" | "fullname" | "contactname" | "contact" | "customername" | "displayname" => {
            Target::FullName
        }
        "email" | "emails" | "emailaddress" | "mail" | "emailvalue" | "workemail"
        | "personalemail" | "primaryemail" => Target::Email,
        "phone" | "phones" | "phonenumber" | "telephone" | "tel" | "mobile" | "mobilephone"
        | "cell" | "cellphone" | "workphone" | "homephone" | "businessphone" | "phonevalue"
        | "mobilephonenumber" => Target::Phone,
        "company" | "companyname" | "organization" | "organisation" | "organizationname"
        | "account" | "accountname" | "employer" | "firm" => Target::Company,
        "jobtitle" | "title" | "position" | "role" | "organizationtitle" => Target::JobTitle,
        "street" | "address" | "streetaddress" | "addressstreet" | "addressline"
        | "mailingstreet" => Target::Street,
        "city" | "town" | "addresscity" | "mailingcity" => Target::City,
        "state" | "region" | "province" | "county" | "stateregion" | "addressregion"
        | "mailingstate" | "stateprovince" => Target::Region,
        "zip" | "zipcode" | "postalcode" | "postcode" | "plz" | "addresspostalcode"
        | "mailingpostalcode" => Target::PostalCode,
        "country" | "countryregion" | "addresscountry" | "mailingcountry" => Target::Country,
        "birthday" | "birthdate" | "dateofbirth" | "dob" => Target::Birthday,
        "age" => Target::Age,
        "income" | "annualincome" | "salary" => Target::AnnualIncome,
        "education" | "educationlevel" => Target::Education,
        "lifecyclestage" | "lifecycle" | "stage" => Target::Lifecycle,
        "source" | "leadsource" | "originalsource" | "channel" => Target::Source,
        "owner" | "contactowner" | "accountowner" | "ownerid" | "assignedto" => Target::Owner,
        "tags" | "tag" | "labels" | "categories" | "groups" | "groupmembership" => Target::Tags,
        "segment" => Target::Segment,
        "id" | "externalid" | "contactid" | "recordid" | "customerid" | "customernumber"
        | "clientid" => Target::ExternalId,
        _ => return None,
    };
    // Only the multi-valued targets may be numbered.
    if unnumbered.len() != key.len() && !t.is_multi() {
        return None;
    }
    Some(t)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn header(names: &[&str]) -> Vec<String> {
        names.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn common_names_map_without_a_preset() {
        let (preset, m) = auto_map(&header(&[
            "Surname",
            "E-mail",
            "Email 2",
            "Zip",
            "Favourite colour",
            "",
        ]));
        assert_eq!(preset, None);
        assert_eq!(
            m.targets,
            [
                Target::FamilyName,
                Target::Email,
                Target::Email,
                Target::PostalCode,
                Target::Custom("Favourite colour".into()),
                Target::Ignore
            ]
        );
    }

    #[test]
    fn keys_round_trip_for_the_select() {
        for t in Target::choices("Notes") {
            assert_eq!(Target::from_key(&t.key()), Some(t.clone()), "{t:?}");
        }
        assert_eq!(Target::from_key("email"), Some(Target::Email));
        assert_eq!(
            Target::Custom("Notes".into()).label(),
            "Custom field: Notes"
        );
    }

    #[test]
    fn a_numbered_single_value_column_is_not_guessed() {
        assert_eq!(common_target("City 2"), None);
        assert_eq!(common_target("Phone 3 - Value"), Some(Target::Phone));
    }
}
