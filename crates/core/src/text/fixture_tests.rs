//! The text engine against scikit-learn and numpy: reference values made by
//! `tests/fixtures/text/make_reference.py` (see its docstring).

use std::collections::HashMap;
use std::path::PathBuf;

use serde::Deserialize;
use uuid::Uuid;

use super::{terms, DocKey, TextDoc, TextIndex, TextKind, TfIdf};

fn fixture(name: &str) -> String {
    let path: PathBuf = [env!("CARGO_MANIFEST_DIR"), "tests/fixtures/text", name]
        .iter()
        .collect();
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("reading {}: {e}", path.display()))
}

#[derive(Deserialize)]
struct Texts {
    texts: Vec<String>,
    nd_texts: Vec<String>,
}

#[derive(Deserialize, serde::Serialize, PartialEq, Debug)]
struct Tokens {
    tokens: Vec<Vec<String>>,
    nd_tokens: Vec<Vec<String>>,
}

#[derive(Deserialize)]
struct Top {
    doc: usize,
    ids: Vec<usize>,
    scores: Vec<f64>,
}

#[derive(Deserialize)]
struct Reference {
    matrix: Vec<Vec<(String, f64)>>,
    top10: Vec<Top>,
}

fn texts() -> Texts {
    serde_json::from_str(&fixture("texts.json")).expect("texts.json parses")
}

fn tokens_of(texts: &Texts) -> Tokens {
    Tokens {
        tokens: texts.texts.iter().map(|t| terms(t)).collect(),
        nd_tokens: texts.nd_texts.iter().map(|t| terms(t)).collect(),
    }
}

fn key(i: usize) -> DocKey {
    DocKey {
        kind: TextKind::Note,
        id: Uuid::from_u128(i as u128 + 1),
    }
}

fn index_of(texts: &[String]) -> TextIndex {
    TextIndex::build(texts.iter().enumerate().map(|(i, t)| TextDoc {
        key: key(i),
        customer: Uuid::nil(),
        at: i as i64,
        title: String::new(),
        body: t.clone(),
    }))
}

/// Step 2 of the fixture script: writes `tokens.json` from `terms()`.
#[test]
#[ignore = "writes the fixture; run by make_reference.py's instructions"]
fn dump_fixture_tokens() {
    let tokens = tokens_of(&texts());
    let path = [
        env!("CARGO_MANIFEST_DIR"),
        "tests/fixtures/text/tokens.json",
    ]
    .iter()
    .collect::<PathBuf>();
    let json = serde_json::to_string(&tokens).expect("tokens serialize");
    std::fs::write(path, json + "\n").expect("tokens.json is writable");
}

#[test]
fn tokens_fixture_equals_the_tokenizer_output() {
    let stored: Tokens = serde_json::from_str(&fixture("tokens.json")).expect("tokens.json parses");
    assert_eq!(stored, tokens_of(&texts()));
}

#[test]
fn tfidf_matrix_equals_sklearn_within_1e_9() {
    let tokens: Tokens = serde_json::from_str(&fixture("tokens.json")).expect("tokens.json parses");
    let reference: Reference =
        serde_json::from_str(&fixture("tfidf.json")).expect("tfidf.json parses");
    let fit = TfIdf::fit(&tokens.tokens);
    assert_eq!(fit.matrix.len(), reference.matrix.len());
    let mut entries = 0;
    for (row, want) in fit.matrix.iter().zip(&reference.matrix) {
        let got: HashMap<&str, f64> = row
            .entries
            .iter()
            .map(|&(t, w)| (fit.vocabulary.term(t).unwrap_or_default(), w))
            .collect();
        assert_eq!(got.len(), want.len());
        for (term, w) in want {
            let g = got.get(term.as_str()).copied().unwrap_or(f64::NAN);
            assert!((g - w).abs() < 1e-9, "{term}: {g} vs sklearn {w}");
            entries += 1;
        }
    }
    assert!(entries > 1000);
}

#[test]
fn index_weights_equal_sklearn_within_1e_9() {
    let texts = texts();
    let reference: Reference =
        serde_json::from_str(&fixture("tfidf.json")).expect("tfidf.json parses");
    let index = index_of(&texts.texts);
    for (i, want) in reference.matrix.iter().enumerate() {
        let v = index.vector(key(i)).unwrap_or_default();
        assert_eq!(v.entries.len(), want.len());
        for (term, w) in want {
            let got = v
                .entries
                .iter()
                .find(|&&(t, _)| index.term(t) == Some(term.as_str()))
                .map_or(f64::NAN, |e| e.1);
            assert!((got - w).abs() < 1e-9, "doc {i} {term}: {got} vs {w}");
        }
    }
}

#[test]
fn similar_top10_equals_sklearn_cosine_top10() {
    let texts = texts();
    let reference: Reference =
        serde_json::from_str(&fixture("tfidf.json")).expect("tfidf.json parses");
    let index = index_of(&texts.texts);
    assert_eq!(reference.top10.len(), 20);
    for top in &reference.top10 {
        let hits = index.similar(key(top.doc), 10);
        let ids: Vec<usize> = hits
            .iter()
            .map(|h| h.key.id.as_u128() as usize - 1)
            .collect();
        assert_eq!(ids, top.ids, "doc {}", top.doc);
        for (h, s) in hits.iter().zip(&top.scores) {
            assert!((h.score - s).abs() < 1e-9);
        }
    }
}

#[test]
fn near_duplicates_equal_numpy_all_pairs() {
    let texts = texts();
    let reference: HashMap<String, Vec<(usize, usize, f64)>> =
        serde_json::from_str(&fixture("near_duplicates.json"))
            .expect("near_duplicates.json parses");
    let index = index_of(&texts.nd_texts);
    for threshold in ["0.5", "0.7", "0.9"] {
        let t: f64 = threshold.parse().expect("threshold");
        let mut got: Vec<(usize, usize)> = index
            .near_duplicates(t, &[])
            .iter()
            .map(|p| (p.a.id.as_u128() as usize - 1, p.b.id.as_u128() as usize - 1))
            .collect();
        got.sort_unstable();
        let want: Vec<(usize, usize)> = reference[threshold]
            .iter()
            .map(|&(i, j, _)| (i, j))
            .collect();
        assert!(!want.is_empty());
        assert_eq!(got, want, "threshold {threshold}");
    }
}
