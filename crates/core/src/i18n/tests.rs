//! The catalogue's checks over every entry of every module.

use super::*;
use std::collections::BTreeSet;

/// The `{name}` placeholders of a format string (`{{` is a brace).
fn placeholders(text: &str) -> BTreeSet<String> {
    let mut found = BTreeSet::new();
    let mut rest = text.replace("{{", "").replace("}}", "");
    while let Some(open) = rest.find('{') {
        let Some(close) = rest[open..].find('}') else {
            break;
        };
        found.insert(rest[open + 1..open + close].to_string());
        rest = rest[open + close + 1..].to_string();
    }
    found
}

/// Texts the same in both languages on purpose: names, codes, symbols.
fn same_in_both(en: &str) -> bool {
    !en.chars().any(|c| c.is_ascii_lowercase())
        || ["Rapport", "CSV", "JSON", "RFM", "E-mail"].contains(&en)
        || en.starts_with("http")
}

#[test]
fn every_entry_has_both_languages_with_the_same_placeholders() {
    let entries = all_entries();
    assert!(entries.len() > 10, "the catalogue is empty");
    for (module, e) in &entries {
        assert!(
            !e.en.trim().is_empty(),
            "{module}::{} has no English",
            e.name
        );
        assert!(
            !e.zh.trim().is_empty(),
            "{module}::{} has no Chinese",
            e.name
        );
        assert_eq!(
            placeholders(e.en),
            placeholders(e.zh),
            "{module}::{}: the two languages take different arguments",
            e.name
        );
    }
}

#[test]
fn every_chinese_text_is_translated() {
    for (module, e) in all_entries() {
        if same_in_both(e.en) {
            continue;
        }
        let has_chinese = e.zh.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c));
        assert!(
            has_chinese && e.zh != e.en,
            "{module}::{} is not translated: {:?}",
            e.name,
            e.zh
        );
    }
}

#[test]
fn entry_names_are_unique_within_a_module() {
    let mut seen = BTreeSet::new();
    for (module, e) in all_entries() {
        assert!(seen.insert((module, e.name)), "{module}::{} twice", e.name);
    }
}

#[test]
fn an_entry_answers_in_the_current_language_and_formats_its_arguments() {
    assert_eq!(with_lang(Lang::En, shell::nav_customers), "Customers");
    assert_eq!(with_lang(Lang::Zh, shell::nav_customers), "客户");
    let previous = lang();
    assert_eq!(
        with_lang(Lang::Zh, || common::count_of(3, "客户".into())),
        "3 个客户"
    );
    assert_eq!(
        with_lang(Lang::En, || common::count_of(3, "customers".into())),
        "3 customers"
    );
    assert_eq!(lang(), previous, "with_lang puts the language back");
}

#[test]
fn tags_read_back_and_browsers_chinese_variants_are_chinese() {
    for lang in Lang::ALL {
        assert_eq!(Lang::from_tag(lang.tag()), lang);
    }
    assert_eq!(Lang::from_tag("zh-Hans-SG"), Lang::Zh);
    assert_eq!(Lang::from_tag("zh_TW"), Lang::Zh);
    assert_eq!(Lang::from_tag("en-GB"), Lang::En);
    assert_eq!(Lang::from_tag(""), Lang::En);
    assert_eq!(Lang::from_tag("fr"), Lang::En);
}
