//! Tests of [`score`]: drivers, mixed text, labels, and no panics on any
//! input.

use super::*;
use proptest::prelude::*;

#[test]
fn drivers_list_terrible_negative_and_great_positive() {
    let s = score("The delivery was terrible but the support was great");
    let terrible = s.drivers.iter().find(|d| d.word == "terrible");
    let great = s.drivers.iter().find(|d| d.word == "great");
    assert!(terrible.is_some_and(|d| d.valence < 0.0), "{:?}", s.drivers);
    assert!(great.is_some_and(|d| d.valence > 0.0), "{:?}", s.drivers);
    // "but" halves what comes before it and boosts what follows.
    assert_eq!(s.drivers[0].word, "great");
}

#[test]
fn drivers_are_strongest_first_distinct_and_at_most_five() {
    let s = score("good great excellent amazing wonderful superb bad awful good GOOD");
    assert!(s.drivers.len() <= MAX_DRIVERS);
    assert!(s
        .drivers
        .windows(2)
        .all(|w| w[0].valence.abs() >= w[1].valence.abs()));
    let mut words: Vec<String> = s.drivers.iter().map(|d| d.word.to_lowercase()).collect();
    words.sort();
    words.dedup();
    assert_eq!(words.len(), s.drivers.len());
}

#[test]
fn negated_word_is_a_negative_driver() {
    let s = score("The answer was not helpful.");
    assert_eq!(s.drivers.len(), 1, "{:?}", s.drivers);
    assert_eq!(s.drivers[0].word, "helpful");
    assert!(s.drivers[0].valence < 0.0);
    assert!(is_negative(&s));
}

#[test]
fn english_text_scores_exactly_as_vader() {
    for text in [
        "Great call, they want to renew!",
        "The customer was furious about the late delivery.",
        "Meeting moved to Friday.",
        "Not bad at all 😀",
    ] {
        assert_eq!(
            score(text).compound,
            vader_unrounded(text).compound,
            "{text}"
        );
    }
}

#[test]
fn mixed_text_weights_each_part_by_its_tokens() {
    let text = "Great call! 客户非常满意。";
    let en = vader_unrounded("Great call!         ");
    let en_words = 2.0;
    let zh = zh::analyse(text);
    assert!(zh.tokens > 0 && zh.compound > 0.0);
    let n = zh.tokens as f64;
    let want = (en.compound * en_words + zh.compound * n) / (en_words + n);
    let got = score(text);
    assert!(
        (got.compound - want).abs() < 1e-12,
        "{} vs {want}",
        got.compound
    );
    assert_eq!(got.label, Polarity::Positive);
    assert!(got.drivers.iter().any(|d| d.word == "Great"));
    assert!(got.drivers.iter().any(|d| d.word.chars().all(zh::is_han)));
}

#[test]
fn mixed_text_with_opposite_parts_lands_between_them() {
    let en = score("Terrible, awful service.").compound;
    let zh = score("服务很好，下次还会购买").compound;
    let both = score("Terrible, awful service. 服务很好，下次还会购买").compound;
    assert!(en < both && both < zh, "{en} < {both} < {zh}");
}

#[test]
fn empty_and_neutral_text_is_neutral() {
    for text in ["", "   ", "Meeting moved to Friday.", "。，！", "12345"] {
        let s = score(text);
        assert_eq!(s.label, Polarity::Neutral, "{text:?}");
        assert!(s.drivers.is_empty(), "{text:?}");
        assert!(!is_negative(&s));
    }
}

#[test]
fn polarity_thresholds_are_vaders() {
    assert_eq!(Polarity::of(0.05), Polarity::Positive);
    assert_eq!(Polarity::of(0.0499), Polarity::Neutral);
    assert_eq!(Polarity::of(-0.0499), Polarity::Neutral);
    assert_eq!(Polarity::of(-0.05), Polarity::Negative);
    assert_eq!(Polarity::Negative.label(), "Negative");
    assert_eq!(Polarity::Neutral.label(), "Neutral");
    assert_eq!(Polarity::Positive.label(), "Positive");
}

#[test]
fn sentiment_round_trips_through_json() {
    let s = score("Great call, they want to renew!");
    let json = serde_json::to_string(&s).expect("serialises");
    assert!(json.contains("\"Positive\""));
    let back: Sentiment = serde_json::from_str(&json).expect("deserialises");
    assert_eq!(back, s);
}

fn check(s: &Sentiment) -> Result<(), TestCaseError> {
    prop_assert!((-1.0..=1.0).contains(&s.compound), "{}", s.compound);
    prop_assert_eq!(s.label, Polarity::of(s.compound));
    prop_assert!(s.drivers.len() <= MAX_DRIVERS);
    prop_assert!(s.drivers.iter().all(|d| d.valence.is_finite()));
    Ok(())
}

proptest! {
    #[test]
    fn score_never_panics_on_arbitrary_unicode(text in any::<String>()) {
        check(&score(&text))?;
        let v = vader(&text);
        prop_assert!((-1.0..=1.0).contains(&v.compound));
        prop_assert!([v.neg, v.neu, v.pos].iter().all(|x| (0.0..=1.0).contains(x)));
    }

    #[test]
    fn score_never_panics_on_rule_heavy_text(
        words in proptest::collection::vec(prop_oneof![
            Just("not"), Just("NOT"), Just("no"), Just("but"), Just("BUT"), Just("least"),
            Just("at"), Just("very"), Just("kind"), Just("of"), Just("never"), Just("so"),
            Just("this"), Just("without"), Just("doubt"), Just("the"), Just("bomb"),
            Just("good"), Just("BAD"), Just("isn't"), Just("!!!"), Just("??"), Just(":)"),
            Just("😀"), Just("不"), Just("没有"), Just("很"), Just("好"), Just("但是"),
            Just("满意"), Just("，"), Just("\u{1c}"), Just("ǅ"), Just("问题"),
        ], 0..40),
        sep in prop_oneof![Just(" "), Just(""), Just("\u{3000}")],
    ) {
        check(&score(&words.join(sep)))?;
    }
}

/// The files the page fetches are the texts the native build compiles in,
/// byte for byte (the page's `dist/` copies them from `data/`).
#[test]
fn the_fetched_files_are_the_compiled_in_texts() {
    let texts = super::lexicons::texts().expect("natively the compiled-in texts");
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/src/sentiment/data/");
    for (file, text) in super::lexicons::FILES
        .iter()
        .zip([texts.vader, texts.emoji, texts.zh])
    {
        assert_eq!(
            std::fs::read_to_string(format!("{dir}{file}")).unwrap(),
            text,
            "{file}"
        );
    }
    assert!(super::lexicons::installed());
    // Installed once: later texts do not replace them.
    assert!(!super::lexicons::install(
        String::new(),
        String::new(),
        String::new()
    ));
    assert_eq!(super::lexicons::texts().unwrap().vader, texts.vader);
}
