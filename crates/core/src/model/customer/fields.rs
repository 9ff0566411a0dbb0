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
        None => "None" | "no formal education",
        /// Secondary / high school.
        Secondary => "Secondary" | "high school",
        /// Vocational / trade qualification.
        Vocational => "Vocational" | "trade",
        /// Bachelor's degree.
        Bachelor => "Bachelor" | "bachelor's" | "bachelors" | "undergraduate",
        /// Master's degree.
        Master => "Master" | "master's" | "masters" | "mba",
        /// Doctorate.
        Doctorate => "Doctorate" | "phd" | "doctor",
    }
}

labelled_enum! {
    /// Where the customer is in the relationship, HubSpot-style. Parsing also
    /// accepts HubSpot's labels ("Marketing qualified lead" → `Lead`, "Sales
    /// qualified lead" → `Opportunity`).
    pub enum LifecycleStage ("lifecycle stage") {
        /// Signed up for news, nothing more.
        Subscriber => "Subscriber" | "newsletter",
        /// Showed interest.
        Lead => "Lead" | "marketing qualified lead" | "mql" | "prospect",
        /// A sale is being worked on.
        Opportunity => "Opportunity" | "sales qualified lead" | "sql",
        /// Has bought.
        Customer => "Customer" | "client",
        /// Buys and recommends.
        Evangelist => "Evangelist" | "promoter" | "advocate",
        /// Used to buy, stopped.
        Churned => "Churned" | "lost" | "former customer" | "inactive",
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
