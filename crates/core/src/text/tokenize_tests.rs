use std::collections::HashSet;

use proptest::prelude::*;

use super::*;

fn set(terms: &[&str]) -> HashSet<String> {
    terms.iter().map(|t| t.to_string()).collect()
}

#[test]
fn english_words_are_lower_cased_and_stemmed() {
    assert_eq!(
        terms("Running Customers RENEWED their Contracts"),
        ["run", "custom", "renew", "contract"]
    );
    assert_eq!(terms("invoice invoices invoicing"), ["invoic"; 3]);
}

#[test]
fn english_stop_words_and_single_characters_are_dropped() {
    assert_eq!(terms("the a of and I x 7 is was"), Vec::<String>::new());
    assert_eq!(terms("a 42 b 2024 c"), ["42", "2024"]);
}

#[test]
fn han_runs_become_overlapping_bigrams() {
    assert_eq!(terms("客户服务"), ["客户", "户服", "服务"]);
    assert_eq!(terms("退款"), ["退款"]);
}

#[test]
fn a_lone_han_character_is_a_unigram() {
    assert_eq!(terms("慢"), ["慢"]);
    assert_eq!(terms("慢, 快"), ["慢", "快"]);
}

#[test]
fn chinese_stop_words_split_runs_before_bigramming() {
    // 的 is a stop character, 我们 a stop word.
    assert_eq!(terms("我们的发票问题"), ["发票", "票问", "问题"]);
    assert_eq!(terms("价格的问题"), ["价格", "问题"]);
}

#[test]
fn punctuation_and_spaces_break_han_runs() {
    assert_eq!(terms("发票，退款"), ["发票", "退款"]);
    assert_eq!(terms("发票 退款"), ["发票", "退款"]);
}

#[test]
fn mixed_text_keeps_both_scripts_in_order() {
    assert_eq!(
        terms("Invoice 发票 overdue逾期 since March"),
        ["invoic", "发票", "overdu", "逾期", "march"]
    );
}

#[test]
fn term_spans_point_at_the_source_words() {
    let text = "Paid 发票问题 today";
    let spans = term_spans(text);
    let got: Vec<(&str, &str)> = spans
        .iter()
        .map(|(t, r)| (t.as_str(), &text[r.clone()]))
        .collect();
    assert_eq!(
        got,
        [
            ("paid", "Paid"),
            ("发票", "发票"),
            ("票问", "票问"),
            ("问题", "问题"),
            ("today", "today")
        ]
    );
}

#[test]
fn highlight_marks_matched_words_and_covers_the_text() {
    let text = "Refunds: the refund was late.";
    let spans = highlight(text, &set(&["refund"]));
    let marked: Vec<&str> = spans
        .iter()
        .filter(|s| s.matched)
        .map(|s| s.text.as_str())
        .collect();
    assert_eq!(marked, ["Refunds", "refund"]);
    let joined: String = spans.iter().map(|s| s.text.as_str()).collect();
    assert_eq!(joined, text);
}

#[test]
fn highlight_of_a_han_bigram_marks_both_characters() {
    let text = "申请退款了";
    let spans = highlight(text, &set(&["退款"]));
    let parts: Vec<(&str, bool)> = spans.iter().map(|s| (s.text.as_str(), s.matched)).collect();
    assert_eq!(parts, [("申请", false), ("退款", true), ("了", false)]);
}

#[test]
fn highlight_merges_overlapping_bigram_matches() {
    let spans = highlight("客户服务", &set(&["客户", "户服"]));
    let parts: Vec<(&str, bool)> = spans.iter().map(|s| (s.text.as_str(), s.matched)).collect();
    assert_eq!(parts, [("客户服", true), ("务", false)]);
}

#[test]
fn highlight_of_empty_text_is_empty() {
    assert!(highlight("", &set(&["x"])).is_empty());
}

proptest! {
    #[test]
    fn any_text_tokenizes_and_highlights_without_panicking(text in any::<String>()) {
        let spans = term_spans(&text);
        for (_, r) in &spans {
            prop_assert!(text.get(r.clone()).is_some());
        }
        let all: HashSet<String> = spans.iter().map(|(t, _)| t.clone()).collect();
        let cut = highlight(&text, &all);
        let joined: String = cut.iter().map(|s| s.text.as_str()).collect();
        prop_assert_eq!(joined, text.clone());
        let mut at = 0;
        for s in &cut {
            prop_assert_eq!(s.range.start, at);
            at = s.range.end;
        }
        prop_assert_eq!(terms(&text).len(), spans.len());
    }

    #[test]
    fn mixed_script_text_highlights_exactly(
        words in proptest::collection::vec(
            prop_oneof!["[a-zA-Z0-9]{1,8}", "[一-龥]{1,5}", "[ ,.!?，。]{1,2}", "[a-z]{1,3}[一-龥]{1,3}"],
            0..20,
        )
    ) {
        let text = words.concat();
        let all: HashSet<String> = terms(&text).into_iter().collect();
        let cut = highlight(&text, &all);
        let joined: String = cut.iter().map(|s| s.text.as_str()).collect();
        prop_assert_eq!(joined, text);
    }
}
