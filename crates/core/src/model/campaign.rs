//! Marketing campaigns and who they reached (opened, clicked, converted).

use serde::{Deserialize, Serialize};
use time::Date;

use super::{
    check_non_negative, impl_record, iso_date, labelled_enum, require, FieldErrorKind, Id, Meta,
    Timestamp, ValidationErrors,
};

labelled_enum! {
    /// Where a campaign runs.
    pub enum Channel ("campaign channel") {
        /// Email newsletter or mailing.
        Email => "Email" (channel_email) | "e-mail" | "newsletter",
        /// Social media.
        Social => "Social" (channel_social) | "social media",
        /// Search ads.
        Search => "Search" (channel_search) | "paid search" | "sem",
        /// Event, fair or webinar.
        Event => "Event" (channel_event) | "webinar",
        /// Print.
        Print => "Print" (channel_print) | "direct mail",
        /// Anything else.
        Other => "Other" (channel_other),
    }
}

/// One customer reached by a campaign.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CampaignMember {
    /// The customer.
    pub customer_id: Id,
    /// Opened (or saw) the campaign.
    #[serde(default)]
    pub opened: bool,
    /// Clicked through.
    #[serde(default)]
    pub clicked: bool,
    /// Bought because of it.
    #[serde(default)]
    pub converted: bool,
}

/// Funnel counts of a campaign.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct CampaignStats {
    /// Members reached.
    pub members: usize,
    /// Members who opened.
    pub opened: usize,
    /// Members who clicked.
    pub clicked: usize,
    /// Members who converted.
    pub converted: usize,
}

impl CampaignStats {
    /// `converted / members` (0 when there are no members).
    pub fn conversion_rate(&self) -> f64 {
        if self.members == 0 {
            0.0
        } else {
            self.converted as f64 / self.members as f64
        }
    }
}

/// A marketing campaign.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Campaign {
    /// Id, timestamps, version, trash mark.
    #[serde(flatten)]
    pub meta: Meta,
    /// Name.
    pub name: String,
    /// Channel.
    pub channel: Channel,
    /// First day.
    #[serde(with = "iso_date")]
    pub start: Date,
    /// Last day (not before `start`).
    #[serde(with = "iso_date")]
    pub end: Date,
    /// Money spent or planned.
    pub budget: f64,
    /// Customers reached, each at most once.
    #[serde(default)]
    pub members: Vec<CampaignMember>,
}

impl_record!(Campaign, "campaigns");

impl Campaign {
    /// A new campaign without members.
    pub fn new(
        id: Id,
        now: Timestamp,
        name: impl Into<String>,
        channel: Channel,
        start: Date,
        end: Date,
        budget: f64,
    ) -> Self {
        Campaign {
            meta: Meta::new(id, now),
            name: name.into(),
            channel,
            start,
            end,
            budget,
            members: Vec::new(),
        }
    }

    /// Whether `date` falls within the campaign.
    pub fn is_running_on(&self, date: Date) -> bool {
        self.start <= date && date <= self.end
    }

    /// Funnel counts.
    pub fn stats(&self) -> CampaignStats {
        let mut s = CampaignStats {
            members: self.members.len(),
            ..CampaignStats::default()
        };
        for m in &self.members {
            s.opened += m.opened as usize;
            s.clicked += m.clicked as usize;
            s.converted += m.converted as usize;
        }
        s
    }

    /// Budget per conversion, if anyone converted.
    pub fn cost_per_conversion(&self) -> Option<f64> {
        let converted = self.stats().converted;
        (converted > 0).then(|| self.budget / converted as f64)
    }

    fn check(&self, errors: &mut ValidationErrors) {
        require(errors, "name", &self.name);
        if self.end < self.start {
            errors.push("end", FieldErrorKind::BeforeStart);
        }
        check_non_negative(errors, "budget", self.budget);
        let mut ids: Vec<Id> = self.members.iter().map(|m| m.customer_id).collect();
        ids.sort_unstable();
        if let Some(w) = ids.windows(2).find(|w| w[0] == w[1]) {
            errors.push("members", FieldErrorKind::Duplicate(w[0].to_string()));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Record;
    use time::macros::date;
    use uuid::Uuid;

    fn campaign() -> Campaign {
        Campaign::new(
            Uuid::from_u128(1),
            0,
            "Spring sale",
            Channel::Email,
            date!(2024 - 03 - 01),
            date!(2024 - 03 - 31),
            2_000.0,
        )
    }

    fn member(n: u128, converted: bool) -> CampaignMember {
        CampaignMember {
            customer_id: Uuid::from_u128(n),
            opened: true,
            clicked: converted,
            converted,
        }
    }

    #[test]
    fn end_before_start_is_refused() {
        let mut c = campaign();
        c.end = date!(2024 - 02 - 28);
        assert_eq!(
            c.validate().unwrap_err().for_field("end").next(),
            Some(&FieldErrorKind::BeforeStart)
        );
    }

    #[test]
    fn a_customer_can_be_a_member_only_once() {
        let mut c = campaign();
        c.members = vec![member(5, false), member(6, true), member(5, true)];
        assert!(c.validate().unwrap_err().has("members"));
    }

    #[test]
    fn stats_count_the_funnel() {
        let mut c = campaign();
        c.members = vec![member(5, false), member(6, true)];
        let s = c.stats();
        assert_eq!((s.members, s.opened, s.clicked, s.converted), (2, 2, 1, 1));
        assert_eq!(s.conversion_rate(), 0.5);
        assert_eq!(c.cost_per_conversion(), Some(2_000.0));
    }

    #[test]
    fn serde_round_trip_keeps_every_field() {
        let mut c = campaign();
        c.members = vec![member(5, true)];
        let json = serde_json::to_string(&c).unwrap();
        assert!(json.contains("\"start\":\"2024-03-01\""));
        assert_eq!(serde_json::from_str::<Campaign>(&json).unwrap(), c);
    }
}
