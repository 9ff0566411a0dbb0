//! The text engine at 100,000 short notes, in this browser's wasm (the code
//! the page and the worker run): building the TF-IDF index, the ten most
//! similar texts for one text, an index update after a new note, the
//! near-duplicate pairs among 10,000 notes, topics, and the duplicate-
//! customer candidates over 100,000 customers. Prints figures; asserts
//! nothing about speed.

use super::{customers, mean_ms, now};
use rapport::dedupe::find_duplicates;
use rapport::text::synthetic::synthetic_doc;
use rapport::text::{terms, topics, DocKey, TextIndex, TextKind, TfIdf};
use wasm_bindgen_test::{console_log, wasm_bindgen_test};

const NOTES: u64 = 100_000;

#[wasm_bindgen_test]
async fn text_at_100k_notes() {
    let docs: Vec<_> = (0..NOTES)
        .map(|n| synthetic_doc(n, TextKind::Note))
        .collect();
    // TF-IDF alone on the token lists (what scikit-learn's fit is timed
    // on), then the whole index build (which also tokenizes).
    let start = now();
    let tokens: Vec<Vec<String>> = docs
        .iter()
        .map(|d| terms(&format!("{}\n{}", d.title, d.body)))
        .collect();
    let tokenized = now() - start;
    let start = now();
    let fit = TfIdf::fit(&tokens);
    let fitted = now() - start;
    console_log!(
        "TF-IDF, {NOTES} notes: tokenized in {tokenized:.0} ms, fit on the token lists in {fitted:.0} ms ({} terms)",
        fit.vocabulary.len()
    );
    drop((tokens, fit));
    let keys: Vec<DocKey> = docs.iter().map(|d| d.key).collect();
    let start = now();
    let mut index = TextIndex::build(docs);
    let built = now() - start;
    // The first query computes the weights (norms) once.
    let start = now();
    let first = index.similar(keys[17], 10);
    let first_query = now() - start;
    let mut i = 0;
    let similar = mean_ms(50, || {
        i += 7_919;
        let _ = index.similar(keys[i % keys.len()], 10);
    });
    console_log!(
        "text index, {NOTES} notes: built (tokenizing included) in {built:.0} ms; first top-10 similar {first_query:.1} ms ({} hits), then {similar:.2} ms each",
        first.len()
    );
    let mut n = NOTES;
    let update = mean_ms(20, || {
        n += 1;
        index.upsert(synthetic_doc(n, TextKind::Note));
        let _ = index.similar(keys[(n as usize) % keys.len()], 10);
    });
    console_log!("add a note to the index, then a top-10 query: {update:.2} ms");

    let small = TextIndex::build((0..10_000).map(|n| synthetic_doc(n, TextKind::Note)));
    let _ = small.similar(keys[1], 1);
    let start = now();
    let pairs = small.near_duplicates(0.8, &[]);
    console_log!(
        "near-duplicate pairs among 10,000 notes (cosine ≥ 0.8): {} pairs in {:.0} ms",
        pairs.len(),
        now() - start
    );
    let start = now();
    let found = topics(&small, &[TextKind::Note], 8, 7);
    console_log!(
        "topics, k = 8, 10,000 notes: {:.0} ms ({} topics)",
        now() - start,
        found.topics.len()
    );

    let all = customers();
    let start = now();
    let dupes = find_duplicates(&all, 0.8);
    console_log!(
        "duplicate-customer candidates over {} customers: {} pairs in {:.0} ms",
        all.len(),
        dupes.len(),
        now() - start
    );
}
