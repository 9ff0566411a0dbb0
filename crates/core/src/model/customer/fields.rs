//! The value types a customer's fields hold: [`Education`],
//! [`LifecycleStage`], the postal [`Address`] and user-defined
//! [`CustomValue`]s.

use serde::{Deserialize, Serialize};
use time::Date;

use crate::model::{iso_date, labelled_enum};

labelled_enum! {
    /// Highest completed education.
    pub enum Education ("education level") {
        /// No formal qualification.
        None => "None" (education_none) | "no formal education",
        /// Secondary / high school.
        Secondary => "Secondary" (education_secondary) | "high school",
        /// Vocational / trade qualification.
        Vocational => "Vocational" (education_vocational) | "trade",
        /// Bachelor's degree.
        Bachelor => "Bachelor" (education_bachelor) | "bachelor's" | "bachelors" | "undergraduate",
        /// Master's degree.
        Master => "Master" (education_master) | "master's" | "masters" | "mba",
        /// Doctorate.
        Doctorate => "Doctorate" (education_doctorate) | "phd" | "doctor",
    }
}

labelled_enum! {
    /// Where the customer is in the relationship, HubSpot-style. Parsing also
    /// accepts HubSpot's labels ("Marketing qualified lead" → `Lead`, "Sales
    /// qualified lead" → `Opportunity`).
    pub enum LifecycleStage ("lifecycle stage") {
        /// Signed up for news, nothing more.
        Subscriber => "Subscriber" (lifecycle_subscriber) | "newsletter",
        /// Showed interest.
        Lead => "Lead" (lifecycle_lead) | "marketing qualified lead" | "mql" | "prospect",
        /// A sale is being worked on.
        Opportunity => "Opportunity" (lifecycle_opportunity) | "sales qualified lead" | "sql",
        /// Has bought.
        Customer => "Customer" (lifecycle_customer) | "client",
        /// Buys and recommends.
        Evangelist => "Evangelist" (lifecycle_evangelist) | "promoter" | "advocate",
        /// Used to buy, stopped.
        Churned => "Churned" (lifecycle_churned) | "lost" | "former customer" | "inactive",
    }
}

impl LifecycleStage {
    /// Whether the stage counts as a paying relationship (now or before).
    pub fn has_bought(self) -> bool {
        matches!(
            self,
            LifecycleStage::Customer | LifecycleStage::Evangelist | LifecycleStage::Churned
        )
    }
}

/// A postal address; every part optional (empty string).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Address {
    /// Street and number.
    pub street: String,
    /// City or town.
    pub city: String,
    /// State, province or region.
    pub region: String,
    /// Postal or ZIP code.
    pub postal_code: String,
    /// Country name.
    pub country: String,
}

impl Address {
    /// Whether every part is empty.
    pub fn is_empty(&self) -> bool {
        [
            &self.street,
            &self.city,
            &self.region,
            &self.postal_code,
            &self.country,
        ]
        .iter()
        .all(|s| s.trim().is_empty())
    }
}

/// The value of a user-defined field.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "type", content = "value", rename_all = "snake_case")]
pub enum CustomValue {
    /// Free text.
    Text(String),
    /// A number.
    Number(f64),
    /// A calendar date.
    Date(#[serde(with = "iso_date")] Date),
    /// Yes / no.
    Bool(bool),
    /// One option from a list the user defined.
    Choice(String),
}
