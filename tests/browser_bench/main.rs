//! In-browser benchmark (not a test): 100,000 customers in headless Chromium.
//! Prints the time to write them to IndexedDB, the cold open of the app to
//! the first rendered rows of the Customers list, and the search latency per
//! keystroke (index query alone, and input event to updated list); the
//! analyses, the import and its main-thread long tasks (`import.rs`), the
//! text engine (`text.rs`) and customer insight at 100,000 customers and
//! 1,000,000 order lines (`insight.rs`). Lines `bench-figure <id> <ms>` are
//! for `scripts/bench`'s side-by-side table.
//!
//! Run with `scripts/bench` (release build; prints the figures).
#![cfg(target_arch = "wasm32")]

use rapport::store::Collection;

use rapport::demo::{DemoConfig, DemoGenerator};
use rapport::model::{Customer, Record};
use rapport::search::{CustomerIndex, CustomerRow, ListQuery};
use rapport::store::idb::IdbStore;
use rapport::store::{ChangeSet, Store};
use rapport::ui::state::{sleep_ms, DATABASE_NAME};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::{console_log, wasm_bindgen_test, wasm_bindgen_test_configure};

wasm_bindgen_test_configure!(run_in_browser);

mod import;
mod insight;
mod long_tasks;
mod text;

use long_tasks::figure;

const CUSTOMERS: usize = 100_000;
/// Customers per transaction.
const BATCH: usize = 5_000;

fn now() -> f64 {
    web_sys::window()
        .and_then(|w| w.performance())
        .map(|p| p.now())
        .unwrap_or(0.0)
}

fn document() -> web_sys::Document {
    web_sys::window()
        .and_then(|w| w.document())
        .expect("document")
}

fn customers() -> Vec<Customer> {
    let mut generator = DemoGenerator::new(
        DemoConfig {
            customers: CUSTOMERS,
            ..DemoConfig::default()
        },
        1_790_000_000_000,
    );
    let mut all = Vec::with_capacity(CUSTOMERS);
    while let Some(batch) = generator.next_batch(BATCH) {
        all.extend(batch.customers);
    }
    all
}

/// Polls (yielding to the browser) until `done` holds; returns the time.
async fn until(done: impl Fn() -> bool) -> f64 {
    for _ in 0..20_000 {
        if done() {
            return now();
        }
        sleep_ms(0).await;
    }
    panic!("timed out");
}

fn rendered_rows() -> u32 {
    document()
        .query_selector_all(".grid-body .row")
        .map(|l| l.length())
        .unwrap_or(0)
}

fn result_count() -> String {
    document()
        .query_selector(".result-count")
        .ok()
        .flatten()
        .and_then(|e| e.text_content())
        .unwrap_or_default()
}

#[wasm_bindgen_test]
async fn customers_at_100k() {
    let all = customers();

    // 1. Write 100,000 customers, 5,000 per transaction.
    IdbStore::delete(DATABASE_NAME).await.expect("delete");
    let store = IdbStore::open(DATABASE_NAME).await.expect("open");
    let encode_start = now();
    let batches: Vec<ChangeSet> = all
        .chunks(BATCH)
        .map(|chunk| {
            let mut cs = ChangeSet::new("bench");
            for c in chunk {
                cs.put(c).expect("valid demo customer");
            }
            cs
        })
        .collect();
    let write_start = now();
    for cs in &batches {
        store.apply(cs).await.expect("write a batch");
    }
    let write_end = now();
    // Where a cold open's time goes: read, decode, index.
    let t0 = now();
    let envelopes = store.envelopes(Collection::Customers).await.expect("read");
    let t1 = now();
    let decoded: Vec<Customer> = envelopes
        .iter()
        .map(|e| e.open().expect("decode"))
        .collect();
    let t2 = now();
    let index = CustomerIndex::build(decoded.iter().map(CustomerRow::from_customer));
    let t3 = now();
    console_log!(
        "cold-open parts at {CUSTOMERS}: all envelopes {:.0} ms; all customers (the app's path) {:.0} ms; build index {:.0} ms ({} rows)",
        t1 - t0,
        t2 - t1,
        t3 - t2,
        index.len()
    );
    drop((envelopes, decoded, index));
    // One edit at 100,000: read, touch, save (rewrites one page).
    let t0 = now();
    let mut one: Customer = store
        .get(all[CUSTOMERS / 2].meta.id)
        .await
        .expect("read one")
        .expect("stored");
    one.job_title = "Edited".into();
    one.touch(1_790_000_000_001);
    let mut cs = ChangeSet::new("bench edit");
    cs.update(&one).expect("valid");
    store.apply(&cs).await.expect("save one");
    let t1 = now();
    store.close();
    // A fresh connection, as after a reload: its catalog comes from the
    // page heads, the records from one read of the page bodies.
    let fresh = IdbStore::open(DATABASE_NAME).await.expect("reopen");
    let t2 = now();
    let counted = fresh.count(Collection::Customers).await.expect("count");
    let t3 = now();
    let recent: Vec<Customer> = fresh.recently_updated(50).await.expect("recent");
    let t4 = now();
    let everyone: Vec<Customer> = fresh.all().await.expect("all");
    let t5 = now();
    console_log!(
        "store at {CUSTOMERS}: one edit (read + save) {:.0} ms; fresh connection: count {:.0} ms ({counted}), 50 most recent {:.0} ms ({}), all customers {:.0} ms ({})",
        t1 - t0,
        t3 - t2,
        t4 - t3,
        recent.len(),
        t5 - t4,
        everyone.len()
    );
    drop(everyone);
    fresh.close();
    console_log!(
        "write {CUSTOMERS} customers: {:.0} ms in IndexedDB ({:.0} customers/s), plus {:.0} ms encoding",
        write_end - write_start,
        CUSTOMERS as f64 / ((write_end - write_start) / 1000.0),
        write_start - encode_start
    );
    figure("write_100k", write_end - write_start);

    // 2. Cold open: mount the app on /customers until rows are on screen.
    let window = web_sys::window().expect("window");
    window
        .history()
        .expect("history")
        .push_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some("/customers"))
        .expect("navigate");
    let open_start = now();
    let root: web_sys::HtmlElement = document()
        .create_element("div")
        .expect("div")
        .unchecked_into();
    document()
        .body()
        .expect("body")
        .append_child(&root)
        .expect("append");
    let handle = leptos::mount::mount_to(root, rapport::ui::App);
    let first_rows = until(|| rendered_rows() > 0).await;
    let everyone = until(|| {
        rendered_rows() > 0
            && document()
                .query_selector(".index-loading")
                .ok()
                .flatten()
                .is_none()
    })
    .await;
    console_log!(
        "cold open at {CUSTOMERS}: first rendered rows (the preview of the most recently changed) {:.0} ms; every customer loaded and searchable {:.0} ms",
        first_rows - open_start,
        everyone - open_start
    );
    figure("cold_open_first_rows", first_rows - open_start);
    figure("cold_open_searchable", everyone - open_start);

    // 3a. Search latency, index only.
    let index = CustomerIndex::build(
        all.iter()
            .filter(|c| c.meta.deleted_at.is_none())
            .map(CustomerRow::from_customer),
    );
    let typed = "aidan.anderson1";
    let mut times = Vec::new();
    for end in 1..=typed.len() {
        let q = ListQuery {
            text: typed[..end].to_string(),
            ..ListQuery::default()
        };
        let t = now();
        let hits = index.query(&q).len();
        times.push((now() - t, hits));
    }
    figure(
        "keystroke_index_worst",
        times.iter().map(|(t, _)| *t).fold(0.0, f64::max),
    );
    let summary: Vec<String> = times
        .iter()
        .map(|(t, n)| format!("{t:.2} ms/{n}"))
        .collect();
    console_log!(
        "index query per keystroke typing {typed:?}: {}",
        summary.join(", ")
    );

    // 3b. Search latency in the page: input event to updated count.
    let input: web_sys::HtmlInputElement = document()
        .query_selector("input[aria-label='Search customers']")
        .ok()
        .flatten()
        .expect("search box")
        .unchecked_into();
    let mut page_times = Vec::new();
    for end in 1..=typed.len() {
        let before = result_count();
        input.set_value(&typed[..end]);
        let t = now();
        input
            .dispatch_event(&web_sys::Event::new("input").expect("event"))
            .expect("dispatch");
        let seen =
            until(|| result_count() != before || end > 1 && result_count().starts_with('1')).await;
        page_times.push(seen - t);
    }
    let mean = page_times.iter().sum::<f64>() / page_times.len() as f64;
    let worst = page_times.iter().cloned().fold(0.0, f64::max);
    console_log!(
        "keystroke to updated list at {CUSTOMERS}: mean {mean:.1} ms, worst {worst:.1} ms"
    );
    figure("keystroke_worst", worst);
    drop(handle);
}

/// Runs `f` `times` times and returns the mean milliseconds, after
/// untimed runs first (as many, and for at least a second): V8 compiles
/// wasm with a quick baseline compiler and swaps in optimised code for hot
/// functions only after a while, compiled on a background thread (a call
/// already running keeps the baseline code), so the first calls measure
/// the baseline compiler, not the code — for longer on a busy machine.
fn mean_ms(times: usize, mut f: impl FnMut()) -> f64 {
    let warm_up = now();
    let mut runs = 0;
    while runs < times || now() - warm_up < 1000.0 {
        f();
        runs += 1;
    }
    let start = now();
    for _ in 0..times {
        f();
    }
    (now() - start) / times as f64
}

/// k-means per iteration on 100,000 × 8 with k = 5, and linear and logistic
/// regression fits on 100,000 rows, in this browser's wasm (the same code
/// the analysis worker runs).
#[wasm_bindgen_test]
async fn analytics_at_100k_rows() {
    use ndarray::ArrayView1;
    use rapport::analytics::ml::k_means::lloyd::{self, Points, Scratch};
    use rapport::analytics::ml::k_means::Engine;
    use rapport::analytics::ml::linear::fit_linear;
    use rapport::analytics::ml::logistic::fit_logistic;
    use rapport::analytics::ml::{no_progress, synthetic};

    let (x, y, yes) = synthetic::blobs(CUSTOMERS, 8, 5, 1);
    let points = Points::new(x.view());
    let centroids: Vec<f64> = (0..5).flat_map(|r| x.row(r * 1000).to_vec()).collect();
    let mut labels = vec![0; CUSTOMERS];
    let (mut sums, mut new) = (vec![0.0; centroids.len()], vec![0.0; centroids.len()]);
    let (mut counts, mut scratch) = (vec![0.0; 5], Scratch::default());
    let iteration = mean_ms(20, || {
        lloyd::step(
            &points,
            &centroids,
            &mut labels,
            &mut sums,
            &mut counts,
            &mut scratch,
        );
        lloyd::update(&sums, &counts, &centroids, &mut new);
    });
    console_log!("k-means, 100,000 × 8, k = 5: {iteration:.2} ms per iteration (assign + update)");
    figure("wasm_kmeans_iteration", iteration);
    for engine in [Engine::Fast, Engine::Linfa] {
        let linear = mean_ms(5, || {
            fit_linear(x.view(), ArrayView1::from(&y), engine).expect("linear fit");
        });
        console_log!("linear regression fit, 100,000 × 8 ({engine:?}): {linear:.1} ms");
        if engine == Engine::Fast {
            figure("wasm_linear_fit", linear);
        }
    }
    for engine in [Engine::Fast, Engine::Linfa] {
        let logistic = mean_ms(3, || {
            fit_logistic(x.view(), &yes, 1.0, engine, &mut no_progress).expect("logistic fit");
        });
        console_log!("logistic regression fit, 100,000 × 8, C = 1 ({engine:?}): {logistic:.1} ms");
        if engine == Engine::Fast {
            figure("wasm_logistic_fit", logistic);
        }
    }
}
