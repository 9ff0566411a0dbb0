//! Tests of the Chinese scorer: the hand-labelled sentences
//! (`tests/fixtures/sentiment/zh_labelled.tsv`), negation, degree words,
//! "but", and the shipped lexicon's shape.

use super::*;
use crate::sentiment::{score, Polarity};

fn labelled(name: &str) -> Vec<(String, Polarity)> {
    let path = format!(
        "{}/tests/fixtures/sentiment/{name}",
        env!("CARGO_MANIFEST_DIR")
    );
    let text = std::fs::read_to_string(path).expect("fixture is committed");
    text.lines()
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
        .map(|l| {
            let (sentence, label) = l.split_once('\t').expect("sentence<TAB>label");
            let label = match label {
                "positive" => Polarity::Positive,
                "negative" => Polarity::Negative,
                "neutral" => Polarity::Neutral,
                other => panic!("unknown label {other:?}"),
            };
            (sentence.to_owned(), label)
        })
        .collect()
}

/// How many of a labelled set's sentences `score` labels right, and the
/// wrong ones with their scores.
fn accuracy(name: &str) -> (usize, usize, String) {
    let rows = labelled(name);
    let wrong: Vec<String> = rows
        .iter()
        .filter_map(|(text, want)| {
            let got = score(text);
            (got.label != *want).then(|| {
                format!(
                    "{text}: got {:?} ({:.3}, {:?}), want {want:?}",
                    got.label, got.compound, got.drivers
                )
            })
        })
        .collect();
    let right = rows.len() - wrong.len();
    eprintln!("{name}: {right}/{} right", rows.len());
    (right, rows.len(), wrong.join("\n"))
}

#[test]
fn at_least_90_percent_of_labelled_sentences_get_the_right_polarity() {
    let (right, total, wrong) = accuracy("zh_labelled.tsv");
    assert!(total >= 40);
    assert!(
        right * 10 >= total * 9,
        "{right}/{total} right; wrong:\n{wrong}"
    );
}

/// The holdout set was written before the hand-checked overrides and not
/// tuned on: it measures what the lexicon does on unseen CRM wording (15 of
/// 24 when this test was written; SnowNLP's own classifier gets 14). The
/// floor guards against regressions, it is not a quality claim.
#[test]
fn at_least_60_percent_of_holdout_sentences_get_the_right_polarity() {
    let (right, total, wrong) = accuracy("zh_holdout.tsv");
    assert!(total >= 20);
    assert!(
        right * 10 >= total * 6,
        "{right}/{total} right; wrong:\n{wrong}"
    );
}

#[test]
fn negation_flips_good_and_satisfied() {
    for (plain, negated) in [("好", "不好"), ("满意", "不满意"), ("问题", "没有问题")]
    {
        let p = score(plain).compound;
        let n = score(negated).compound;
        assert!(p != 0.0, "{plain} is in the lexicon");
        assert!(p.signum() == -n.signum(), "{plain} {p} vs {negated} {n}");
    }
    assert_eq!(score("好").label, Polarity::Positive);
    assert_eq!(score("不好").label, Polarity::Negative);
}

#[test]
fn a_negator_multiplies_the_next_term_by_minus_0_74() {
    let lex = lexicon();
    assert!(!lex.contains_key("不好"), "不好 is left to the rule");
    let good = lex["好"];
    let terms = analyse("不好").terms;
    assert_eq!(terms.len(), 1, "{terms:?}");
    assert_eq!(terms[0].0, "好");
    assert!((terms[0].1 - good * N_SCALAR).abs() < 1e-12);
}

#[test]
fn degree_words_boost_and_dampen() {
    let good = score("好").compound;
    assert!(score("非常好").compound > good);
    assert!(score("很好").compound > good);
    let v = lexicon()["失望"];
    assert!(v < 0.0);
    let t = analyse("有点失望").terms;
    assert!((t[0].1 - (v + B_INCR)).abs() < 1e-12, "{t:?}");
    let t = analyse("非常失望").terms;
    assert!((t[0].1 - (v - B_INCR)).abs() < 1e-12, "{t:?}");
    // Two tokens back the step is ×0.95, as in VADER ("的" is neutral).
    assert_eq!(lexicon().get("的"), Some(&0.0));
    let t = analyse("非常的失望").terms;
    assert!((t[0].1 - (v - B_INCR * 0.95)).abs() < 1e-12, "{t:?}");
}

#[test]
fn not_very_satisfied_is_negative() {
    assert_eq!(score("不太满意").label, Polarity::Negative);
    assert_eq!(score("不是很好").label, Polarity::Negative);
}

#[test]
fn but_halves_what_comes_before_and_boosts_what_follows() {
    let a = analyse("价格贵，但是质量好");
    let alone_expensive = analyse("价格贵").terms;
    let alone_good = analyse("质量好").terms;
    let find = |terms: &[(String, f64)], w: &str| {
        terms.iter().find(|t| t.0 == w).map(|t| t.1).unwrap_or(0.0)
    };
    assert!((find(&a.terms, "贵") - 0.5 * find(&alone_expensive, "贵")).abs() < 1e-12);
    assert!((find(&a.terms, "好") - 1.5 * find(&alone_good, "好")).abs() < 1e-12);
}

#[test]
fn negation_stops_at_punctuation() {
    let t = analyse("不，满意").terms;
    assert_eq!(t, vec![("满意".to_owned(), lexicon()["满意"])]);
}

#[test]
fn shipped_lexicon_is_han_terms_in_vaders_range_without_modifiers() {
    let lex = lexicon();
    let polar = lex.values().filter(|v| **v != 0.0).count();
    assert!((1000..=6000).contains(&polar), "{polar} polar terms");
    assert!(crate::sentiment::lexicons::texts().unwrap().zh.len() < 300_000);
    for (term, v) in lex {
        let n = term.chars().count();
        assert!((1..=MAX_TERM_CHARS).contains(&n), "{term}");
        assert!(term.chars().all(is_han), "{term}");
        assert!((-4.0..=4.0).contains(v), "{term} {v}");
        for list in [NEGATORS, BOOSTERS, DAMPENERS, BUT] {
            assert!(!list.contains(term), "{term} is a modifier");
        }
    }
}

#[test]
fn greedy_match_prefers_the_longest_term() {
    let tokens = tokenize("非常满意");
    let words: Vec<&str> = tokens.iter().map(|t| t.0).collect();
    assert_eq!(words, ["非常", "满意"]);
    assert_eq!(tokens[0].1, Kind::Booster);
}
