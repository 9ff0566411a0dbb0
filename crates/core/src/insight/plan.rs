//! What the Insight page asks of the core besides the analyses: reading the
//! "As of" date it is typed in, and the campaign "Plan a campaign" creates
//! for one RFM segment's customers (saved through
//! `ops::sales::plan_campaign`, the one write path).

use super::Segment;
use crate::i18n::analysis_errors as t;
use crate::model::parse::{parse_date, ParseError};
use crate::model::{
    iso_date, Campaign, CampaignDraft, CampaignMember, Id, Timestamp, ValidationErrors,
};
use time::Date;

/// Why an "As of" date was refused.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum AsOfError {
    /// Not a date.
    #[error("{}", t::plan_not_a_date(.0))]
    NotADate(ParseError),
}

/// Reads the "As of" field: blank means "the newest purchase" (`None`).
pub fn parse_as_of(text: &str) -> Result<Option<Date>, AsOfError> {
    match parse_date(text) {
        Ok(day) => Ok(Some(day)),
        Err(ParseError::Empty) => Ok(None),
        Err(e) => Err(AsOfError::NotADate(e)),
    }
}

/// The campaign for `segment`'s customers planned on `now`: named
/// "At risk — 2026-11-30", the draft form's defaults otherwise (email,
/// thirty days from today, no budget), every member without a response
/// yet (duplicates dropped, order kept).
pub fn segment_campaign(
    segment: Segment,
    members: impl IntoIterator<Item = Id>,
    id: Id,
    now: Timestamp,
) -> Result<Campaign, ValidationErrors> {
    let mut draft = CampaignDraft::starting(now);
    draft.name = format!(
        "{} — {}",
        segment.display(),
        iso_date::format(crate::model::date_of(now))
    );
    draft.budget = "0".into();
    let mut campaign = draft.to_campaign(id, now)?;
    let mut seen = std::collections::HashSet::new();
    campaign.members = members
        .into_iter()
        .filter(|c| seen.insert(*c))
        .map(|customer_id| CampaignMember {
            customer_id,
            opened: false,
            clicked: false,
            converted: false,
        })
        .collect();
    Ok(campaign)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Channel, Uuid};
    use time::macros::date;

    /// 2026-11-30 12:00 UTC in milliseconds.
    const NOW: Timestamp = 1_796_040_000_000;

    #[test]
    fn as_of_is_blank_for_the_newest_purchase_a_date_or_a_sentence() {
        assert_eq!(parse_as_of("  "), Ok(None));
        assert_eq!(parse_as_of("2026-03-15"), Ok(Some(date!(2026 - 03 - 15))));
        let err = parse_as_of("soon").unwrap_err();
        assert!(
            err.to_string().starts_with("“As of” must be a date"),
            "{err}"
        );
        assert!(err.to_string().ends_with('.'), "{err}");
    }

    #[test]
    fn a_segment_campaign_is_named_after_the_segment_and_day_with_each_member_once() {
        let ids: Vec<Id> = (1..=3).map(Uuid::from_u128).collect();
        let id = Uuid::from_u128(99);
        let members = ids.iter().chain(&ids[..1]).copied();
        let campaign = segment_campaign(Segment::AtRisk, members, id, NOW).unwrap();
        assert_eq!(campaign.name, "At risk — 2026-11-30");
        assert_eq!(campaign.meta.id, id);
        assert_eq!(campaign.channel, Channel::Email);
        assert_eq!(campaign.start, date!(2026 - 11 - 30));
        let member_ids: Vec<Id> = campaign.members.iter().map(|m| m.customer_id).collect();
        assert_eq!(member_ids, ids);
        assert!(campaign.members.iter().all(|m| !m.opened && !m.converted));
        assert!(crate::ops::sales::plan_campaign(&campaign).is_ok());
    }
}
