//! [`CustomerRow`]: the compact summary of a [`Customer`] that the Customers
//! list shows, sorts, filters and searches.

use serde::{Deserialize, Serialize};

use crate::insight::Segment;
use crate::jobs::insight::CustomerInsight;
use crate::model::{iso_date, CustomValue, Customer, Id, LifecycleStage, Timestamp};

/// One line of the Customers list: what the list shows, sorts and filters on.
///
/// Text fields are as entered (trimmed); an empty string means "not set".
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CustomerRow {
    /// The customer id.
    pub id: Id,
    /// [`Customer::display_name`].
    pub name: String,
    /// The primary email address.
    pub email: Option<String>,
    /// Further email addresses (searchable, not shown).
    #[serde(default)]
    pub other_emails: Vec<String>,
    /// Company name.
    pub company: String,
    /// The primary phone number (normalised, e.g. `+15550123`).
    pub phone: Option<String>,
    /// Further phone numbers (searchable, not shown).
    #[serde(default)]
    pub other_phones: Vec<String>,
    /// City.
    pub city: String,
    /// Country.
    pub country: String,
    /// Lifecycle stage.
    pub stage: LifecycleStage,
    /// Segment name.
    pub segment: Option<String>,
    /// Tags.
    pub tags: Vec<String>,
    /// Creation time (unix ms).
    pub created_at: Timestamp,
    /// Last change (unix ms).
    pub updated_at: Timestamp,
    /// A propensity score in `0..=1`, filled in by the analytics; `None`
    /// until then.
    pub likelihood: Option<f64>,
    /// Said something negative lately (a note, email, meeting or ticket
    /// whose sentiment is negative), filled in by the sentiment overview.
    #[serde(default)]
    pub recent_negative: bool,
    /// Custom fields as displayed text (see [`custom_text`]), by field name.
    pub custom: Vec<(String, String)>,
    /// What the customer has bought and their scores, filled in by the
    /// insight overview; `None` for a customer without purchases (or
    /// until it is computed).
    #[serde(default)]
    pub figures: Option<Figures>,
}

/// A customer's purchase figures, as the list shows and sorts them.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Figures {
    /// Lifetime spend in `currency`.
    pub spend: f64,
    /// The customer's main currency.
    pub currency: String,
    /// Number of purchases.
    pub orders: usize,
    /// The latest purchase.
    #[serde(with = "iso_date")]
    pub last_order: time::Date,
    /// R, F and M scores, 1–5.
    pub rfm: (u8, u8, u8),
    /// The RFM segment.
    pub segment: Segment,
    /// Predicted spend over the next 12 months.
    pub predicted: Option<f64>,
}

impl From<&CustomerInsight> for Figures {
    fn from(c: &CustomerInsight) -> Self {
        Figures {
            spend: c.spend,
            currency: c.currency.clone(),
            orders: c.orders,
            last_order: c.last_order,
            rfm: c.rfm,
            segment: c.segment,
            predicted: c.predicted_value,
        }
    }
}

impl CustomerRow {
    /// The list summary of `c` (`likelihood` is `None`).
    pub fn from_customer(c: &Customer) -> Self {
        let non_blank = |s: &str| Some(s.trim()).filter(|s| !s.is_empty()).map(str::to_string);
        CustomerRow {
            id: c.meta.id,
            name: c.display_name(),
            email: c.primary_email().and_then(non_blank),
            other_emails: c.emails.iter().skip(1).cloned().collect(),
            company: c.company.trim().to_string(),
            phone: c.primary_phone().and_then(non_blank),
            other_phones: c.phones.iter().skip(1).cloned().collect(),
            city: c.address.city.trim().to_string(),
            country: c.address.country.trim().to_string(),
            stage: c.lifecycle,
            segment: c.segment.as_deref().and_then(non_blank),
            tags: c.tags.clone(),
            created_at: c.meta.created_at,
            updated_at: c.meta.updated_at,
            likelihood: None,
            recent_negative: false,
            figures: None,
            custom: c
                .custom_fields
                .iter()
                .map(|(k, v)| (k.clone(), custom_text(v)))
                .collect(),
        }
    }

    /// Every email address, primary first.
    pub fn emails(&self) -> impl Iterator<Item = &str> {
        self.email
            .iter()
            .chain(self.other_emails.iter())
            .map(String::as_str)
    }

    /// What tells this customer from a namesake in a list of matches:
    /// "company · email", leaving out what is not set.
    ///
    /// ```
    /// # use rapport_core::model::{Customer, Uuid};
    /// # use rapport_core::search::CustomerRow;
    /// let mut c = Customer::new(Uuid::from_u128(1), 0);
    /// c.company = "Analytical Engines".into();
    /// c.emails = vec!["ada@engines.example".into()];
    /// assert_eq!(CustomerRow::from_customer(&c).detail(), "Analytical Engines · ada@engines.example");
    /// c.company.clear();
    /// assert_eq!(CustomerRow::from_customer(&c).detail(), "ada@engines.example");
    /// ```
    pub fn detail(&self) -> String {
        [self.company.as_str(), self.email.as_deref().unwrap_or("")]
            .into_iter()
            .filter(|s| !s.is_empty())
            .collect::<Vec<_>>()
            .join(" · ")
    }

    /// Every phone number, primary first.
    pub fn phones(&self) -> impl Iterator<Item = &str> {
        self.phone
            .iter()
            .chain(self.other_phones.iter())
            .map(String::as_str)
    }

    /// The displayed text of custom field `field`, if set.
    pub fn custom_value(&self, field: &str) -> Option<&str> {
        self.custom
            .iter()
            .find(|(k, _)| k == field)
            .map(|(_, v)| v.as_str())
    }
}

/// How a custom value is displayed (and compared by filters): text as is,
/// numbers without a trailing `.0`, dates as `YYYY-MM-DD`, booleans as
/// `Yes` / `No`.
pub fn custom_text(v: &CustomValue) -> String {
    match v {
        CustomValue::Text(s) | CustomValue::Choice(s) => s.clone(),
        CustomValue::Number(n) => n.to_string(),
        CustomValue::Date(d) => iso_date::format(*d),
        CustomValue::Bool(true) => "Yes".to_string(),
        CustomValue::Bool(false) => "No".to_string(),
    }
}
