//! Sentiment's word lists on the page (`ui::lexicons`): the test runner's
//! server does not serve `dist/`'s files, so this is the failed fetch —
//! a typed error naming the file, nothing installed, and the next call
//! trying again rather than keeping the failure.

use rapport::ui::lexicons::{ready, LexiconError};
use rapport_core::sentiment::{lexicons, score, Polarity};
use wasm_bindgen_test::wasm_bindgen_test;

#[wasm_bindgen_test]
async fn a_word_list_that_cannot_be_fetched_is_an_error_and_is_fetched_again_next_time() {
    for _ in 0..2 {
        match ready().await {
            Err(LexiconError::Status { file, status }) => {
                assert!(lexicons::FILES.contains(&file), "{file}");
                assert_eq!(status, 404);
            }
            other => panic!("expected a 404 for a word list, got {other:?}"),
        }
        assert!(!lexicons::installed());
    }
    let message = ready().await.unwrap_err().user_message();
    assert!(message.contains("could not be loaded"), "{message}");
    // Without word lists nothing is scored, rather than scored wrongly.
    let s = score("This is terrible, I am furious");
    assert_eq!((s.compound, s.label), (0.0, Polarity::Neutral));
    assert!(s.drivers.is_empty());
}
