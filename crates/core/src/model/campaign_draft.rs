//! The "Plan a campaign" form's text as typed ([`CampaignDraft`]) and how it
//! becomes a [`Campaign`]: dates and budget go through
//! [`crate::model::parse`], and every problem is reported by field.

use super::parse::{parse_amount, parse_date};
use super::{
    date_of, iso_date, Campaign, Channel, FieldErrorKind, Id, Record, Timestamp, ValidationErrors,
    DAY_MS,
};
use time::Date;

/// The campaign form's fields as typed (the audience, which needs the
/// search index, stays with the page).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct CampaignDraft {
    /// Name.
    pub name: String,
    /// A [`Channel`] label.
    pub channel: String,
    /// First day, read by [`parse_date`].
    pub start: String,
    /// Last day, read by [`parse_date`].
    pub end: String,
    /// Budget, read by [`parse_amount`].
    pub budget: String,
}

impl CampaignDraft {
    /// A fresh form on `now`: an email campaign running thirty days from
    /// today, with no name or budget yet.
    pub fn starting(now: Timestamp) -> CampaignDraft {
        CampaignDraft {
            name: String::new(),
            channel: Channel::Email.label().to_string(),
            start: iso_date::format(date_of(now)),
            end: iso_date::format(date_of(now + 29 * DAY_MS)),
            budget: String::new(),
        }
    }

    /// The campaign the draft describes (id `id`, created `now`, without
    /// members), or every problem with it by field name. Both dates and the
    /// budget are required.
    pub fn to_campaign(&self, id: Id, now: Timestamp) -> Result<Campaign, ValidationErrors> {
        let mut errors = ValidationErrors::default();
        let channel = match self.channel.parse::<Channel>() {
            Ok(c) => c,
            Err(e) => {
                errors.push("channel", FieldErrorKind::NotAllowed(e.value));
                Channel::Other
            }
        };
        let start = errors.required("start", parse_date(&self.start));
        let end = errors.required("end", parse_date(&self.end));
        let budget = errors
            .required("budget", parse_amount(&self.budget))
            .unwrap_or(0.0);
        // With a date missing, compare the other with itself: "end before
        // start" only makes sense once both are read.
        let (start, end): (Date, Date) = match (start, end) {
            (Some(s), Some(e)) => (s, e),
            (Some(s), None) => (s, s),
            (None, Some(e)) => (e, e),
            (None, None) => (date_of(now), date_of(now)),
        };
        let campaign = Campaign::new(id, now, self.name.trim(), channel, start, end, budget);
        errors.absorb_new(campaign.validate().err().into_iter().flatten());
        errors.into_result().map(|()| campaign)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::date;

    const NOW: Timestamp = 1_709_251_200_000; // 2024-03-01

    fn draft() -> CampaignDraft {
        CampaignDraft {
            name: "Spring sale".into(),
            budget: "2.000,50 €".into(),
            ..CampaignDraft::starting(NOW)
        }
    }

    #[test]
    fn a_fresh_draft_runs_thirty_days_from_today() {
        let d = CampaignDraft::starting(NOW);
        assert_eq!(
            (d.start.as_str(), d.end.as_str()),
            ("2024-03-01", "2024-03-30")
        );
        assert_eq!(d.channel, "Email");
    }

    #[test]
    fn a_filled_draft_makes_a_campaign_reading_locale_forms() {
        let d = CampaignDraft {
            start: "1.3.2024".into(),
            end: "２０２４－０３－３１".into(),
            ..draft()
        };
        let c = d.to_campaign(Id::from_u128(9), NOW).unwrap();
        assert_eq!(
            (c.start, c.end),
            (date!(2024 - 03 - 01), date!(2024 - 03 - 31))
        );
        assert_eq!(
            (c.budget, c.channel, c.name.as_str()),
            (2000.5, Channel::Email, "Spring sale")
        );
        assert!(c.members.is_empty());
    }

    #[test]
    fn every_problem_is_named_with_its_sentence() {
        let d = CampaignDraft {
            name: " ".into(),
            channel: "Carrier pigeon".into(),
            start: "soon".into(),
            end: "".into(),
            budget: "1e400".into(),
        };
        let e = d.to_campaign(Id::from_u128(9), NOW).unwrap_err();
        assert_eq!(e.sentences_for("name"), "This field is required.");
        assert_eq!(
            e.sentences_for("channel"),
            "“Carrier pigeon” is not one of the allowed choices."
        );
        assert_eq!(
            e.sentences_for("start"),
            "“soon” is not a date Rapport can read — write it as YYYY-MM-DD, e.g. 2024-03-31."
        );
        assert_eq!(e.sentences_for("end"), "This field is required.");
        assert_eq!(
            e.sentences_for("budget"),
            "“1e400” is not a finite number — write an ordinary amount, e.g. 1,234.50."
        );
    }

    #[test]
    fn an_end_before_the_start_and_a_negative_budget_are_the_model_rules() {
        let d = CampaignDraft {
            start: "2024-03-31".into(),
            end: "2024-03-01".into(),
            budget: "(10)".into(),
            ..draft()
        };
        let e = d.to_campaign(Id::from_u128(9), NOW).unwrap_err();
        assert_eq!(e.sentences_for("end"), "Must not be before the start.");
        assert_eq!(e.sentences_for("budget"), "Must not be negative (got -10).");
        let blank_budget = CampaignDraft {
            budget: " ".into(),
            ..draft()
        };
        let e = blank_budget.to_campaign(Id::from_u128(9), NOW).unwrap_err();
        assert_eq!(e.sentences_for("budget"), "This field is required.");
    }
}
