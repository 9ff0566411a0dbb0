//! The customer form's draft: locale numbers and dates read, unreadable
//! ones reported with the parser's sentence, bounds from the model.

use super::*;
use crate::model::{Id, ValidationErrors};
use time::macros::date;

fn base() -> Customer {
    let mut c = Customer::new(Id::from_u128(1), 0);
    c.given_name = "Ada".into();
    c
}

fn custom(name: &str, kind: &str, value: &str) -> CustomFieldDraft {
    CustomFieldDraft {
        name: name.into(),
        kind: kind.into(),
        value: value.into(),
    }
}

#[test]
fn a_draft_round_trips_a_customer() {
    let mut c = base();
    c.emails = vec!["ada@example.com".into()];
    c.birthday = Some(date!(1815 - 12 - 10));
    c.age = Some(36);
    c.annual_income = Some(1234.5);
    c.tags = vec!["vip".into(), "math".into()];
    c.custom_fields
        .insert("Since".into(), CustomValue::Date(date!(2020 - 01 - 02)));
    c.custom_fields
        .insert("Score".into(), CustomValue::Number(7.5));
    let drafts = CustomFieldDraft::drafts_of(&c.custom_fields);
    assert_eq!(CustomerDraft::of(&c).apply_to(&base(), &drafts), Ok(c));
}

#[test]
fn locale_numbers_and_dates_are_read() {
    let draft = CustomerDraft {
        given_name: "Ada".into(),
        birthday: "10.12.1815".into(),
        age: "３６".into(),
        annual_income: "1.234,50 €".into(),
        ..CustomerDraft::default()
    };
    let fields = [
        custom("Score", "Number", "12,5"),
        custom("Since", "Date", "2020-01-02"),
    ];
    let c = draft.apply_to(&base(), &fields).unwrap();
    assert_eq!(c.birthday, Some(date!(1815 - 12 - 10)));
    assert_eq!((c.age, c.annual_income), (Some(36), Some(1234.5)));
    assert_eq!(c.custom_fields["Score"], CustomValue::Number(12.5));
    assert_eq!(
        c.custom_fields["Since"],
        CustomValue::Date(date!(2020 - 01 - 02))
    );
}

#[test]
fn blank_numbers_and_dates_clear_the_field() {
    let mut stored = base();
    stored.age = Some(40);
    stored.birthday = Some(date!(1985 - 01 - 01));
    stored.annual_income = Some(10.0);
    let draft = CustomerDraft {
        given_name: "Ada".into(),
        ..CustomerDraft::default()
    };
    let c = draft.apply_to(&stored, &[]).unwrap();
    assert_eq!((c.age, c.birthday, c.annual_income), (None, None, None));
}

#[test]
fn unreadable_fields_say_why_next_to_the_field() {
    let draft = CustomerDraft {
        given_name: "Ada".into(),
        birthday: "soon".into(),
        age: "35岁".into(),
        annual_income: "5万".into(),
        ..CustomerDraft::default()
    };
    let fields = [
        custom("Score", "Number", "1😀"),
        custom("Since", "Date", "--03-15"),
    ];
    let e = draft.apply_to(&base(), &fields).unwrap_err();
    assert_eq!(
        e.sentences_for("birthday"),
        "“soon” is not a date Rapport can read — write it as YYYY-MM-DD, e.g. 2024-03-31."
    );
    assert_eq!(
        e.sentences_for("age"),
        "“35岁” is not a number Rapport can read — write digits only, e.g. 1,234.50 or 1.234,50."
    );
    assert_eq!(
        e.sentences_for("annual_income"),
        "“5万” is not a number Rapport can read — write digits only, e.g. 1,234.50 or 1.234,50."
    );
    assert_eq!(
        e.sentences_for("custom_fields"),
        "“1😀” is not a number Rapport can read — write digits only, e.g. 1,234.50 or \
         1.234,50. “--03-15” has no year — write the full date, e.g. 2024-03-31."
    );
}

#[test]
fn age_is_whole_and_within_the_model_bound() {
    let with_age = |age: &str| CustomerDraft {
        given_name: "Ada".into(),
        age: age.into(),
        ..CustomerDraft::default()
    };
    let ok = with_age(&MAX_AGE.to_string()).apply_to(&base(), &[]);
    assert_eq!(ok.unwrap().age, Some(MAX_AGE));
    let e = with_age("131").apply_to(&base(), &[]).unwrap_err();
    assert_eq!(
        e.sentences_for("age"),
        "Must be between 0 and 130 (got 131)."
    );
    let e = with_age("-1").apply_to(&base(), &[]).unwrap_err();
    assert_eq!(
        e.sentences_for("age"),
        "Must be between 0 and 130 (got -1)."
    );
    let e = with_age("35.5").apply_to(&base(), &[]).unwrap_err();
    assert_eq!(
        e.sentences_for("age"),
        "“35.5” is not a whole number — leave out the decimals."
    );
}

#[test]
fn a_negative_income_and_bad_emails_are_still_the_model_rules() {
    let draft = CustomerDraft {
        given_name: "Ada".into(),
        emails: "ada@, ada2@".into(),
        annual_income: "(12.00)".into(),
        ..CustomerDraft::default()
    };
    let e = draft.apply_to(&base(), &[]).unwrap_err();
    assert_eq!(
        e.sentences_for("annual_income"),
        "Must not be negative (got -12)."
    );
    assert_eq!(e.for_field("emails").count(), 2, "{e:?}");
}

#[test]
fn custom_rows_without_a_name_or_twice_are_refused() {
    let fields = [
        custom("", "", ""),
        custom("", "Text", "orphan"),
        custom("Score", "Number", "1"),
        custom(" Score ", "Number", "2"),
    ];
    let mut errors = ValidationErrors::default();
    let read = CustomFieldDraft::read_all(&fields, &mut errors);
    assert_eq!(read.len(), 1);
    assert_eq!(
        errors.sentences_for("custom_fields"),
        "This field is required. “Score” appears more than once."
    );
}
