//! Plain data: customers and everything attached to them, with validation
//! that returns typed errors. No I/O, no DOM, no clock: callers pass `now`.
//!
//! Every stored record embeds a [`Meta`] (id, timestamps, version, soft
//! delete) flattened into its serde form, and implements [`Record`], which
//! names its collection (`Customer::COLLECTION == "customers"`) and validates
//! it. The store keys collections by `COLLECTION` and record id; forms and the
//! CSV import call [`parse_email`] and [`parse_phone`] to normalise what users
//! type, and show [`FieldError`]s next to the field they name.
//!
//! Record types, one file each: [`customer`] (with contact normalisation in
//! [`contact`]), [`interaction`] (interactions and tasks), [`sales`] (orders,
//! deals, pipeline), [`ticket`], [`campaign`], [`relationship`]; errors live
//! in [`error`]. Typed numbers, amounts, percentages and dates are read by
//! the one parser per kind in [`parse`], for forms and import alike.
//!
//! Timestamps are `i64` unix milliseconds ([`Timestamp`]); calendar dates are
//! [`time::Date`], serialised as ISO `"YYYY-MM-DD"`.

pub mod campaign;
pub mod campaign_draft;
pub mod contact;
pub mod customer;
pub mod deal;
pub mod error;
mod form;
pub mod forms;
pub mod import_batch;
pub mod interaction;
pub mod newest_orders;
pub mod parse;
pub mod pipeline;
pub mod pipeline_record;
pub mod relationship;
pub mod sales;
pub mod scores;
pub mod ticket;

pub use campaign::{Campaign, CampaignMember, CampaignStats, Channel};
pub use campaign_draft::CampaignDraft;
pub use contact::{normalise_emails, normalise_phones, parse_email, parse_phone, phone_digits};
pub use customer::{
    Address, CustomFieldDraft, CustomValue, Customer, CustomerDraft, Education, LifecycleStage,
};
pub use deal::{Deal, DealDraft};
pub use error::{FieldError, FieldErrorKind, TransitionError, UnknownVariant, ValidationErrors};
pub use import_batch::{ImportBatch, ImportCounts, ImportKind, PriorRecord, RecordRef};
pub use interaction::{Direction, Interaction, InteractionKind, Task};
pub use parse::ParseError;
pub use pipeline::{Pipeline, PipelineEdit, StageDraft, StageError};
pub use pipeline_record::{StoredPipeline, PIPELINE_ID};
pub use relationship::{Relationship, RelationshipKind};
pub use sales::{LineItem, Order, OrderStatus};
pub use scores::{PropensityScores, SCORES_ID};
pub use ticket::{Priority, Ticket, TicketStatus};

use rand::Rng;
use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};
use time::Date;
pub use uuid::Uuid;

/// Unix time in milliseconds (UTC).
pub type Timestamp = i64;

/// A record id: a random (v4) UUID.
pub type Id = Uuid;

/// Milliseconds in one day.
pub const DAY_MS: i64 = 86_400_000;

/// Julian day number of 1970-01-01.
const UNIX_EPOCH_JULIAN_DAY: i64 = 2_440_588;

/// A fresh v4 id drawn from `rng`, so seeded callers (demo data, tests) get
/// the same ids every run.
pub fn new_id(rng: &mut impl Rng) -> Id {
    let mut bytes = [0u8; 16];
    rng.fill(&mut bytes);
    uuid::Builder::from_random_bytes(bytes).into_uuid()
}

/// The UTC calendar date of a timestamp.
///
/// ```
/// use rapport_core::model::{date_of, start_of_day};
/// let d = date_of(1_700_000_000_000);
/// assert_eq!(d.to_string(), "2023-11-14");
/// assert_eq!(date_of(start_of_day(d)), d);
/// ```
pub fn date_of(ts: Timestamp) -> Date {
    let days = ts.div_euclid(DAY_MS);
    let jd = (UNIX_EPOCH_JULIAN_DAY + days).clamp(
        Date::MIN.to_julian_day() as i64,
        Date::MAX.to_julian_day() as i64,
    );
    // Clamped to the range `Date` accepts just above.
    Date::from_julian_day(jd as i32).expect("julian day clamped into range")
}

/// The timestamp of 00:00 UTC on `date`.
pub fn start_of_day(date: Date) -> Timestamp {
    (date.to_julian_day() as i64 - UNIX_EPOCH_JULIAN_DAY) * DAY_MS
}

/// Bookkeeping shared by every record: identity, timestamps, an edit counter
/// and the soft-delete mark the Trash view lists.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Meta {
    /// The record id.
    pub id: Id,
    /// When the record was created (unix ms).
    pub created_at: Timestamp,
    /// When the record was last changed (unix ms).
    pub updated_at: Timestamp,
    /// Starts at 1 and goes up by one on every [`Meta::touch`].
    pub version: u64,
    /// Set when the record was moved to the trash.
    #[serde(default)]
    pub deleted_at: Option<Timestamp>,
}

impl Meta {
    /// Metadata of a record created at `now` with the given id, version 1.
    pub fn new(id: Id, now: Timestamp) -> Self {
        Meta {
            id,
            created_at: now,
            updated_at: now,
            version: 1,
            deleted_at: None,
        }
    }

    /// Like [`Meta::new`] with a random id from the OS (`Uuid::new_v4`).
    pub fn new_v4(now: Timestamp) -> Self {
        Meta::new(Uuid::new_v4(), now)
    }

    /// Like [`Meta::new`] with an id drawn from `rng`.
    pub fn with_rng(rng: &mut impl Rng, now: Timestamp) -> Self {
        Meta::new(new_id(rng), now)
    }

    /// Records an edit: bumps the version and sets `updated_at` (never
    /// backwards, so a skewed clock cannot make an edit look older).
    pub fn touch(&mut self, now: Timestamp) {
        self.version += 1;
        self.updated_at = self.updated_at.max(now);
    }

    /// Moves the record to the trash (an edit: bumps the version).
    pub fn soft_delete(&mut self, now: Timestamp) {
        self.deleted_at = Some(now);
        self.touch(now);
    }

    /// Takes the record back out of the trash.
    pub fn restore(&mut self, now: Timestamp) {
        self.deleted_at = None;
        self.touch(now);
    }

    /// Whether the record is in the trash.
    pub fn is_deleted(&self) -> bool {
        self.deleted_at.is_some()
    }

    /// Checks that the timestamps are in order and the version is positive.
    pub(crate) fn check(&self, errors: &mut ValidationErrors) {
        if self.version == 0 {
            errors.push("version", FieldErrorKind::Required);
        }
        if self.updated_at < self.created_at {
            errors.push("updated_at", FieldErrorKind::BeforeStart);
        }
    }
}

/// What every stored record has in common.
pub trait Record: Clone + Serialize + DeserializeOwned {
    /// The name of the store collection, e.g. `"customers"`.
    const COLLECTION: &'static str;

    /// The record's bookkeeping.
    fn meta(&self) -> &Meta;

    /// The record's bookkeeping, for edits.
    fn meta_mut(&mut self) -> &mut Meta;

    /// Every problem with the record, each tied to a field.
    fn validate(&self) -> Result<(), ValidationErrors>;

    /// The record id.
    fn id(&self) -> Id {
        self.meta().id
    }

    /// Records an edit at `now` (see [`Meta::touch`]).
    fn touch(&mut self, now: Timestamp) {
        self.meta_mut().touch(now)
    }

    /// Whether the record is in the trash.
    fn is_deleted(&self) -> bool {
        self.meta().is_deleted()
    }
}

/// Implements [`Record`] for a struct with a `meta: Meta` field and a
/// `check(&self, &mut ValidationErrors)` method.
macro_rules! impl_record {
    ($ty:ty, $collection:literal) => {
        impl $crate::model::Record for $ty {
            const COLLECTION: &'static str = $collection;
            fn meta(&self) -> &$crate::model::Meta {
                &self.meta
            }
            fn meta_mut(&mut self) -> &mut $crate::model::Meta {
                &mut self.meta
            }
            fn validate(&self) -> Result<(), $crate::model::ValidationErrors> {
                let mut errors = $crate::model::ValidationErrors::default();
                self.meta.check(&mut errors);
                self.check(&mut errors);
                errors.into_result()
            }
        }
    };
}
pub(crate) use impl_record;

/// Defines a fieldless enum with a human label, `ALL`, `Display` (the label)
/// and a case-insensitive `FromStr` that accepts the label, the serde name and
/// any listed aliases (`-`, `_` and repeated spaces count as one space).
macro_rules! labelled_enum {
    (
        $(#[$m:meta])*
        pub enum $name:ident ($what:literal) {
            $( $(#[$vm:meta])* $var:ident => $label:literal ($text:ident) $(| $alias:literal)* ),+ $(,)?
        }
    ) => {
        $(#[$m])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize, serde::Deserialize)]
        #[serde(rename_all = "snake_case")]
        pub enum $name {
            $( $(#[$vm])* $var ),+
        }

        impl $name {
            /// Every variant, in display order.
            pub const ALL: &'static [$name] = &[$($name::$var),+];

            /// The English label: what CSV files and backups write, forms
            /// send back and CSS classes are named after (whatever the
            /// language). People read [`Self::display`].
            pub fn label(self) -> &'static str {
                match self {
                    $($name::$var => $label),+
                }
            }

            /// The label shown to people, in the current language
            /// (`Display` writes it too).
            pub fn display(self) -> &'static str {
                match self {
                    $($name::$var => $crate::i18n::labels::$text()),+
                }
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(self.display())
            }
        }

        /// Reads the English label, the variant's name, an alias, or the
        /// label in any language the app speaks (what a form showed).
        impl std::str::FromStr for $name {
            type Err = $crate::model::UnknownVariant;
            fn from_str(s: &str) -> Result<Self, Self::Err> {
                let key = $crate::model::error::enum_key(s);
                $(
                    if key == $crate::model::error::enum_key($label)
                        || key == $crate::model::error::enum_key(stringify!($var))
                        $(|| key == $crate::model::error::enum_key($alias))*
                    {
                        return Ok($name::$var);
                    }
                )+
                // Then the labels in the other languages (the English ones
                // are the keys above), only for text none of those names.
                for lang in $crate::i18n::Lang::ALL {
                    $(
                        if key == $crate::model::error::enum_key(
                            $crate::i18n::with_lang(lang, $crate::i18n::labels::$text),
                        ) {
                            return Ok($name::$var);
                        }
                    )+
                }
                Err($crate::model::UnknownVariant { what: $what, value: s.trim().to_string() })
            }
        }
    };
}
pub(crate) use labelled_enum;

/// Serde for [`Date`] as ISO `"YYYY-MM-DD"`.
pub mod iso_date {
    use serde::{Deserialize, Deserializer, Serializer};
    use time::macros::format_description;
    use time::Date;

    const FORMAT: &[time::format_description::FormatItem<'static>] =
        format_description!("[year]-[month]-[day]");

    /// Formats a date as `"YYYY-MM-DD"`.
    pub fn format(date: Date) -> String {
        // Formatting a `Date` with a date-only description cannot fail.
        date.format(FORMAT).expect("date-only format")
    }

    /// Parses `"YYYY-MM-DD"`.
    pub fn parse(s: &str) -> Result<Date, time::error::Parse> {
        Date::parse(s.trim(), FORMAT)
    }

    /// Serialises as `"YYYY-MM-DD"`.
    pub fn serialize<S: Serializer>(date: &Date, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&format(*date))
    }

    /// Deserialises from `"YYYY-MM-DD"`.
    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Date, D::Error> {
        let s = String::deserialize(d)?;
        parse(&s).map_err(serde::de::Error::custom)
    }

    /// The same for `Option<Date>` (`null` for `None`).
    pub mod option {
        use serde::{Deserialize, Deserializer, Serializer};
        use time::Date;

        /// Serialises as `"YYYY-MM-DD"` or `null`.
        pub fn serialize<S: Serializer>(date: &Option<Date>, s: S) -> Result<S::Ok, S::Error> {
            match date {
                Some(d) => s.serialize_some(&super::format(*d)),
                None => s.serialize_none(),
            }
        }

        /// Deserialises from `"YYYY-MM-DD"`, `null` or `""`.
        pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Option<Date>, D::Error> {
            match Option::<String>::deserialize(d)? {
                Some(s) if !s.trim().is_empty() => {
                    super::parse(&s).map(Some).map_err(serde::de::Error::custom)
                }
                _ => Ok(None),
            }
        }
    }
}

/// Pushes an error when `value` is empty after trimming.
pub(crate) fn require(errors: &mut ValidationErrors, field: &'static str, value: &str) {
    if value.trim().is_empty() {
        errors.push(field, FieldErrorKind::Required);
    }
}

/// Pushes an error when `value` is not finite or outside `min..=max`.
pub(crate) fn check_range(
    errors: &mut ValidationErrors,
    field: &'static str,
    value: f64,
    min: f64,
    max: f64,
) {
    if !value.is_finite() {
        errors.push(field, FieldErrorKind::NotANumber);
    } else if value < min || value > max {
        errors.push(field, FieldErrorKind::OutOfRange { min, max, value });
    }
}

/// Pushes an error when `value` is not finite or negative.
pub(crate) fn check_non_negative(errors: &mut ValidationErrors, field: &'static str, value: f64) {
    if !value.is_finite() {
        errors.push(field, FieldErrorKind::NotANumber);
    } else if value < 0.0 {
        errors.push(field, FieldErrorKind::Negative(value));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use rand::SeedableRng;
    use time::macros::date;

    #[test]
    fn ids_from_the_same_seed_are_the_same_v4_uuids() {
        let mut a = rand_xoshiro::Xoshiro256PlusPlus::seed_from_u64(7);
        let mut b = rand_xoshiro::Xoshiro256PlusPlus::seed_from_u64(7);
        let (x, y) = (new_id(&mut a), new_id(&mut b));
        assert_eq!(x, y);
        assert_eq!(x.get_version_num(), 4);
    }

    #[test]
    fn touch_bumps_version_and_never_moves_updated_at_back() {
        let mut m = Meta::new_v4(1_000);
        assert_eq!(m.version, 1);
        m.touch(2_000);
        m.touch(1_500);
        assert_eq!((m.version, m.updated_at), (3, 2_000));
    }

    #[test]
    fn soft_delete_and_restore_toggle_the_trash_mark() {
        let mut m = Meta::new_v4(0);
        m.soft_delete(10);
        assert!(m.is_deleted());
        m.restore(20);
        assert!(!m.is_deleted());
        assert_eq!(m.version, 3);
    }

    #[test]
    fn date_of_and_start_of_day_agree_including_before_1970() {
        for d in [
            date!(1969 - 12 - 31),
            date!(1970 - 01 - 01),
            date!(2024 - 02 - 29),
        ] {
            assert_eq!(date_of(start_of_day(d)), d);
            assert_eq!(date_of(start_of_day(d) + DAY_MS - 1), d);
        }
    }

    #[test]
    fn iso_date_parses_what_it_formats() {
        let d = date!(2001 - 09 - 03);
        assert_eq!(iso_date::format(d), "2001-09-03");
        assert_eq!(iso_date::parse(" 2001-09-03 ").unwrap(), d);
        assert!(iso_date::parse("03/09/2001").is_err());
    }
}
