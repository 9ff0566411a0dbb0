//! Tests of the customer: serde, validation, normalising, labels, names and
//! search keys.

use super::*;
use crate::model::Record;
use time::macros::date;

fn ann() -> Customer {
    let mut c = Customer::new(uuid::Uuid::from_u128(1), 1_000);
    c.given_name = "Ann".into();
    c.family_name = "Lee".into();
    c.emails = vec!["ann@example.com".into()];
    c.phones = vec!["+14155550134".into()];
    c.company = "Acme Widgets".into();
    c
}

#[test]
fn serde_round_trip_keeps_every_field() {
    let mut c = ann();
    c.job_title = "CTO".into();
    c.address = Address {
        street: "1 Main St".into(),
        city: "Springfield".into(),
        region: "IL".into(),
        postal_code: "62701".into(),
        country: "United States".into(),
    };
    c.birthday = Some(date!(1980 - 02 - 29));
    c.age = Some(44);
    c.annual_income = Some(120_000.5);
    c.education = Some(Education::Master);
    c.lifecycle = LifecycleStage::Evangelist;
    c.source = "Referral".into();
    c.owner = "Sam".into();
    c.tags = vec!["vip".into()];
    c.segment = Some("Affluent professionals".into());
    c.custom_fields
        .insert("since".into(), CustomValue::Date(date!(2020 - 01 - 02)));
    c.custom_fields
        .insert("score".into(), CustomValue::Number(7.5));
    c.custom_fields.insert("ok".into(), CustomValue::Bool(true));
    c.custom_fields
        .insert("plan".into(), CustomValue::Choice("Gold".into()));
    c.custom_fields
        .insert("note".into(), CustomValue::Text("hi".into()));
    c.meta.deleted_at = Some(5);
    let json = serde_json::to_string(&c).unwrap();
    assert!(json.contains("\"birthday\":\"1980-02-29\""), "{json}");
    assert!(json.contains("\"lifecycle\":\"evangelist\""), "{json}");
    let back: Customer = serde_json::from_str(&json).unwrap();
    assert_eq!(back, c);
}

#[test]
fn customer_with_no_name_email_or_company_is_refused() {
    let mut c = Customer::new_v4(0);
    assert!(c.validate().unwrap_err().has("given_name"));
    c.company = "Acme".into();
    assert!(c.validate().is_ok());
}

#[test]
fn unnormalised_or_bad_email_is_refused_with_its_text() {
    let mut c = ann();
    c.emails.push("bob@".into());
    let errs = c.validate().unwrap_err();
    assert_eq!(
        errs.for_field("emails").next().unwrap().to_string(),
        "“bob@” is not a valid email address"
    );
}

#[test]
fn normalise_fixes_what_it_can_and_leaves_the_rest_for_validation() {
    let mut c = ann();
    c.given_name = "  Ann ".into();
    c.emails = vec![
        " ANN@example.com".into(),
        "ann@example.com".into(),
        "".into(),
    ];
    c.phones = vec!["+1 (415) 555-0134".into(), "call me".into()];
    c.tags = vec![" vip".into(), "VIP".into(), " ".into(), "b2b".into()];
    c.normalise();
    assert_eq!(c.given_name, "Ann");
    assert_eq!(c.emails, ["ann@example.com"]);
    assert_eq!(c.phones, ["+14155550134", "call me"]);
    assert_eq!(c.tags, ["vip", "b2b"]);
    let errs = c.validate().unwrap_err();
    assert_eq!(errs.len(), 1);
    assert!(errs.has("phones"));
}

#[test]
fn lifecycle_parses_hubspot_labels_case_insensitively() {
    let p = |s: &str| s.parse::<LifecycleStage>().unwrap();
    assert_eq!(p("Marketing qualified lead"), LifecycleStage::Lead);
    assert_eq!(p("Sales qualified lead"), LifecycleStage::Opportunity);
    assert_eq!(p("SALES_QUALIFIED_LEAD"), LifecycleStage::Opportunity);
    assert_eq!(p(" customer "), LifecycleStage::Customer);
    assert_eq!(p("evangelist"), LifecycleStage::Evangelist);
    let err = "VIP".parse::<LifecycleStage>().unwrap_err();
    assert_eq!(err.to_string(), "“VIP” is not a known lifecycle stage");
    assert_eq!(LifecycleStage::ALL.len(), 6);
}

#[test]
fn education_parses_labels_and_aliases() {
    assert_eq!("PhD".parse::<Education>().unwrap(), Education::Doctorate);
    assert_eq!(
        "high-school".parse::<Education>().unwrap(),
        Education::Secondary
    );
    assert_eq!(Education::Bachelor.to_string(), "Bachelor");
}

#[test]
fn display_name_puts_chinese_family_name_first() {
    let mut c = Customer::new_v4(0);
    c.given_name = "伟".into();
    c.family_name = "王".into();
    assert_eq!(c.display_name(), "王伟");
    assert!(c.search_keys().contains(&"王伟".to_string()));
    assert_eq!(ann().display_name(), "Ann Lee");
}

#[test]
fn display_name_falls_back_to_company_then_email() {
    let mut c = Customer::new_v4(0);
    c.emails = vec!["x@y.io".into()];
    assert_eq!(c.display_name(), "x@y.io");
    c.company = "Acme".into();
    assert_eq!(c.display_name(), "Acme");
}

#[test]
fn search_keys_hold_name_email_company_and_phone_digits() {
    let keys = ann().search_keys();
    for k in [
        "ann",
        "lee",
        "ann@example.com",
        "acme",
        "widgets",
        "14155550134",
    ] {
        assert!(keys.contains(&k.to_string()), "{k} missing from {keys:?}");
    }
    assert_eq!(ann().name_key(), "ann lee");
}

#[test]
fn age_on_uses_the_birthday_when_known() {
    let mut c = ann();
    c.birthday = Some(date!(2000 - 06 - 15));
    assert_eq!(c.age_on(date!(2024 - 06 - 14)), Some(23));
    assert_eq!(c.age_on(date!(2024 - 06 - 15)), Some(24));
}

#[test]
fn negative_income_and_impossible_age_are_refused() {
    let mut c = ann();
    c.annual_income = Some(-1.0);
    c.age = Some(200);
    let errs = c.validate().unwrap_err();
    assert!(errs.has("annual_income") && errs.has("age"));
}

#[test]
fn missing_optional_fields_deserialise_to_defaults() {
    let json = r#"{"id":"00000000-0000-4000-8000-000000000001","created_at":1,"updated_at":1,"version":1,"given_name":"Z","lifecycle":"lead"}"#;
    let c: Customer = serde_json::from_str(json).unwrap();
    assert!(c.validate().is_ok());
    assert_eq!(c.meta.deleted_at, None);
}

#[test]
fn a_customer_stored_before_merges_existed_reads_without_merged_into() {
    let json = r#"{"id":"00000000-0000-4000-8000-000000000001","created_at":1,"updated_at":1,"version":1,"given_name":"Ann","family_name":"Lee","emails":["ann@example.com"],"lifecycle":"customer"}"#;
    let c: Customer = serde_json::from_str(json).unwrap();
    assert_eq!(c.merged_into, None);
    assert!(!serde_json::to_string(&c).unwrap().contains("merged_into"));
    let mut merged = c.clone();
    merged.merged_into = Some(crate::model::Uuid::from_u128(2));
    let back: Customer = serde_json::from_str(&serde_json::to_string(&merged).unwrap()).unwrap();
    assert_eq!(back.merged_into, merged.merged_into);
}
