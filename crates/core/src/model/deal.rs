//! Deals moving through a configurable [`Pipeline`] of stages.

pub use super::pipeline::Pipeline;

use serde::{Deserialize, Serialize};
use time::Date;

use super::parse::{parse_amount, parse_date, parse_percent, ParseError};
use super::{
    check_non_negative, check_range, impl_record, iso_date, require, FieldErrorKind, Id, Meta,
    Timestamp, ValidationErrors,
};

/// A sale being worked on.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Deal {
    /// Id, timestamps, version, trash mark.
    #[serde(flatten)]
    pub meta: Meta,
    /// The prospective buyer.
    pub customer_id: Id,
    /// What is being sold.
    pub title: String,
    /// A stage of the [`Pipeline`].
    pub stage: String,
    /// Expected value.
    pub value: f64,
    /// Chance of winning, 0 to 1.
    pub probability: f64,
    /// When it is expected to close.
    #[serde(default, with = "iso_date::option")]
    pub expected_close: Option<Date>,
}

impl_record!(Deal, "deals");

impl Deal {
    /// A new deal.
    pub fn new(
        id: Id,
        now: Timestamp,
        customer_id: Id,
        title: impl Into<String>,
        stage: impl Into<String>,
        value: f64,
        probability: f64,
    ) -> Self {
        Deal {
            meta: Meta::new(id, now),
            customer_id,
            title: title.into(),
            stage: stage.into(),
            value,
            probability,
            expected_close: None,
        }
    }

    /// `value × probability`.
    pub fn weighted_value(&self) -> f64 {
        self.value * self.probability
    }

    /// Whether the deal is won or lost.
    pub fn is_closed(&self) -> bool {
        Pipeline::is_closed(&self.stage)
    }

    /// Moves the deal to `stage` of `pipeline` (using the pipeline's
    /// spelling); Won sets the probability to 1 and Lost to 0.
    pub fn move_to(
        &mut self,
        stage: &str,
        pipeline: &Pipeline,
        now: Timestamp,
    ) -> Result<(), FieldErrorKind> {
        let i = pipeline
            .index_of(stage)
            .ok_or_else(|| FieldErrorKind::NotAllowed(stage.trim().to_string()))?;
        let was_closed = Pipeline::is_closed(&self.stage);
        let had_default = pipeline
            .default_probability(&self.stage)
            .is_some_and(|p| (p - self.probability).abs() < 1e-9);
        self.stage = pipeline.stages[i].clone();
        if self.stage.eq_ignore_ascii_case(Pipeline::WON) {
            self.probability = 1.0;
        } else if self.stage.eq_ignore_ascii_case(Pipeline::LOST) {
            self.probability = 0.0;
        } else if was_closed || had_default {
            // Reopened, or never adjusted by hand: take the new stage's
            // default rather than keep a closed deal's 100 % or 0 %.
            if let Some(p) = pipeline.default_probability(&self.stage) {
                self.probability = p;
            }
        }
        self.meta.touch(now);
        Ok(())
    }

    /// [`Record::validate`](super::Record::validate) plus: the stage is one of
    /// `pipeline`'s.
    pub fn validate_against(&self, pipeline: &Pipeline) -> Result<(), ValidationErrors> {
        let mut errors = match super::Record::validate(self) {
            Ok(()) => ValidationErrors::default(),
            Err(e) => e,
        };
        if !self.stage.trim().is_empty() && !pipeline.contains(&self.stage) {
            errors.push("stage", FieldErrorKind::NotAllowed(self.stage.clone()));
        }
        errors.into_result()
    }

    fn check(&self, errors: &mut ValidationErrors) {
        require(errors, "title", &self.title);
        require(errors, "stage", &self.stage);
        check_non_negative(errors, "value", self.value);
        check_range(errors, "probability", self.probability, 0.0, 1.0);
    }
}

/// A new-deal form's fields as typed, turned into a deal or per-field
/// problems (the customer picker reports whether a name was typed but no
/// customer picked).
#[derive(Debug, Clone, Default)]
pub struct DealDraft {
    /// What is being sold.
    pub title: String,
    /// The customer picked.
    pub customer: Option<Id>,
    /// A name typed without picking a customer.
    pub customer_unresolved: bool,
    /// The stage chosen.
    pub stage: String,
    /// The value as typed.
    pub value: String,
    /// The probability in percent, as typed.
    pub percent: String,
    /// The expected close date as typed (see [`parse_date`]), or empty.
    pub close: String,
}

impl DealDraft {
    /// The deal (id `id`, created `now`), or every problem by field. The
    /// value is read by [`parse_amount`] ("12,500", "$12,500", "12.500,00 €";
    /// blank is 0), the probability by [`parse_percent`] ("60", "60 %"), the
    /// close date by [`parse_date`] (blank is none).
    pub fn to_deal(
        &self,
        pipeline: &Pipeline,
        id: Id,
        now: Timestamp,
    ) -> Result<Deal, ValidationErrors> {
        let mut e = ValidationErrors::default();
        e.picked_customer(self.customer, self.customer_unresolved, true);
        let value = match parse_amount(&self.value) {
            Err(ParseError::Empty) => Some(0.0),
            parsed => e.optional("value", parsed),
        };
        let probability = e
            .required("probability", parse_percent(&self.percent))
            .map(|p| p / 100.0);
        let close = e.optional("expected_close", parse_date(&self.close));
        let mut deal = Deal::new(
            id,
            now,
            self.customer.unwrap_or_default(),
            self.title.trim(),
            self.stage.clone(),
            value.unwrap_or(0.0),
            probability.unwrap_or(0.0),
        );
        deal.expected_close = close;
        e.absorb_new(deal.validate_against(pipeline).err().into_iter().flatten());
        e.into_result().map(|()| deal)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Record;
    use uuid::Uuid;

    #[test]
    fn probability_outside_zero_one_is_refused() {
        let d = Deal::new(
            Uuid::from_u128(3),
            0,
            Uuid::from_u128(2),
            "X",
            "Proposal",
            10.0,
            1.5,
        );
        assert!(d.validate().unwrap_err().has("probability"));
    }

    #[test]
    fn deal_stage_must_belong_to_the_pipeline() {
        let p = Pipeline::default();
        let mut d = Deal::new(
            Uuid::from_u128(3),
            0,
            Uuid::from_u128(2),
            "X",
            "Dreaming",
            10.0,
            0.5,
        );
        assert!(d.validate().is_ok());
        assert!(d.validate_against(&p).unwrap_err().has("stage"));
        d.move_to("won", &p, 5).unwrap();
        assert_eq!((d.stage.as_str(), d.probability), ("Won", 1.0));
        d.move_to("Proposal", &Pipeline::default(), 3).unwrap();
        assert_eq!(
            d.probability, 0.6,
            "a reopened deal takes the stage's default, not 100 %"
        );
        assert!(d.move_to("Dreaming", &p, 6).is_err());
    }

    fn draft() -> DealDraft {
        DealDraft {
            title: "Renewal".into(),
            customer: Some(Id::from_u128(7)),
            customer_unresolved: false,
            stage: "Proposal".into(),
            value: "12,500".into(),
            percent: "60".into(),
            close: "2026-12-31".into(),
        }
    }

    #[test]
    fn a_filled_form_makes_a_deal() {
        let deal = draft()
            .to_deal(&Pipeline::default(), Id::from_u128(1), 5)
            .unwrap();
        assert_eq!((deal.value, deal.probability), (12_500.0, 0.6));
        assert_eq!(deal.expected_close.unwrap().to_string(), "2026-12-31");
    }

    #[test]
    fn every_bad_field_is_named() {
        let bad = DealDraft {
            title: " ".into(),
            customer: None,
            customer_unresolved: true,
            stage: "Dreaming".into(),
            value: "lots".into(),
            percent: "150".into(),
            close: "31/31/2026".into(),
        };
        let e = bad
            .to_deal(&Pipeline::default(), Id::from_u128(1), 5)
            .unwrap_err();
        for field in [
            "title",
            "customer",
            "stage",
            "value",
            "probability",
            "expected_close",
        ] {
            assert!(e.has(field), "{field} not reported: {e:?}");
        }
    }

    #[test]
    fn locale_forms_are_read_and_unreadable_ones_say_why() {
        let d = DealDraft {
            value: "12.500,00 €".into(),
            percent: "12,5 %".into(),
            close: "31.12.2026".into(),
            ..draft()
        };
        let deal = d
            .to_deal(&Pipeline::default(), Id::from_u128(1), 5)
            .unwrap();
        assert_eq!((deal.value, deal.probability), (12_500.0, 0.125));
        assert_eq!(deal.expected_close.unwrap().to_string(), "2026-12-31");

        let d = DealDraft {
            value: "5万".into(),
            percent: "".into(),
            close: "".into(),
            ..draft()
        };
        let e = d
            .to_deal(&Pipeline::default(), Id::from_u128(1), 5)
            .unwrap_err();
        assert_eq!(
            e.sentences_for("value"),
            "“5万” is not a number Rapport can read — write digits only, e.g. 1,234.50 or \
             1.234,50."
        );
        assert_eq!(e.sentences_for("probability"), "This field is required.");
        assert!(!e.has("expected_close"), "a blank close date is no date");

        let blank_value = DealDraft {
            value: " ".into(),
            ..draft()
        };
        let deal = blank_value
            .to_deal(&Pipeline::default(), Id::from_u128(1), 5)
            .unwrap();
        assert_eq!(deal.value, 0.0);
    }
}
