//! Customer insight at the scale, in this browser's wasm (the code
//! the worker runs): 100,000 customers with about 1,000,000 order lines and
//! 10,000 relationships, from the seeded generator the criterion bench
//! uses (`insight::synthetic`), built in memory. Times RFM and the
//! lifetime summaries, the lifetime-value fit and predictions, the whole
//! insight overview the worker computes (and its JSON for the page),
//! item-cosine recommendations, and betweenness + eigenvector centrality
//! (and the drawing's layout). Prints each figure beside the goal;
//! asserts nothing about speed.

use super::{mean_ms, now};
use rapport::insight::{
    customer_summaries, predict_clv, rfm, synthetic, ClvParams, EigenParams, LayoutParams, Network,
    Recommender,
};
use rapport::jobs::insight::{overview, InsightInput};
use rapport::model::Uuid;
use time::macros::date;
use wasm_bindgen_test::{console_log, wasm_bindgen_test};

const CUSTOMERS: u128 = 100_000;
const RELATIONSHIPS: u128 = 10_000;

/// Runs `f` once and returns its result and the milliseconds it took.
fn timed<T>(f: impl FnOnce() -> T) -> (T, f64) {
    let start = now();
    let out = f();
    (out, now() - start)
}

/// "met" or "MISSED" against a goal in milliseconds.
fn against(ms: f64, goal_ms: f64) -> String {
    let verdict = if ms <= goal_ms { "met" } else { "MISSED" };
    format!("goal ≤ {:.0} s {verdict}", goal_ms / 1000.0)
}

#[wasm_bindgen_test]
async fn insight_at_100k_customers_and_1m_lines() {
    let (orders, generated) = timed(|| synthetic::orders(CUSTOMERS));
    let lines: usize = orders.iter().map(|o| o.line_items.len()).sum();
    console_log!(
        "insight data: {} orders, {lines} lines, {CUSTOMERS} customers (generated in {generated:.0} ms)",
        orders.len()
    );
    let as_of = date!(2025 - 01 - 01);

    let (table, rfm_ms) = timed(|| rfm(&orders, None));
    let (summaries, summary_ms) = timed(|| customer_summaries(&orders, as_of));
    console_log!(
        "RFM scores and segments: {rfm_ms:.0} ms ({} customers); lifetime summaries: {summary_ms:.0} ms ({}); together {:.0} ms, {}",
        table.customers.len(),
        summaries.len(),
        rfm_ms + summary_ms,
        against(rfm_ms + summary_ms, 1000.0)
    );
    drop((table, summaries));

    let (clv, clv_ms) = timed(|| predict_clv(&orders, &ClvParams::default()));
    console_log!(
        "CLV (BG/NBD + Gamma-Gamma fit, 12-month predictions): {clv_ms:.0} ms, {} customers predicted",
        clv.as_ref().map_or(0, |r| r.customers.len())
    );
    drop(clv);

    let (whole, overview_ms) = timed(|| overview(&orders, InsightInput::default()));
    let (json, encode_ms) = timed(|| serde_json::to_string(&whole).unwrap_or_default());
    console_log!(
        "the insight overview the worker computes (RFM, summaries, CLV, segments): {overview_ms:.0} ms, {}; its JSON for the page {encode_ms:.0} ms ({:.1} MB)",
        against(overview_ms, 1000.0),
        json.len() as f64 / 1e6
    );
    drop((whole, json));

    let (recommender, build_ms) = timed(|| Recommender::new(&orders));
    let someone = Uuid::from_u128(4_242);
    let (recs, first_ms) = timed(|| recommender.recommend_for(someone, 10));
    let mut n = 0u128;
    let each_ms = mean_ms(20, || {
        n += 4_999;
        let _ = recommender.recommend_for(Uuid::from_u128(n % CUSTOMERS + 1), 10);
    });
    let also_ms = mean_ms(20, || {
        let _ = recommender.also_bought("Product 17", 10);
    });
    console_log!(
        "recommendations (item cosine over 1M lines): build {build_ms:.0} ms, first customer {first_ms:.1} ms ({} products), build + one customer {:.0} ms, {}; then {each_ms:.2} ms per customer, {also_ms:.2} ms per \"also bought\"",
        recs.len(),
        build_ms + first_ms,
        against(build_ms + first_ms, 2000.0)
    );
    drop((recommender, orders));

    let links = synthetic::relationships(RELATIONSHIPS);
    let (network, network_ms) = timed(|| Network::new(&links));
    let (betweenness, betweenness_ms) = timed(|| network.betweenness());
    let (eigenvector, eigen_ms) = timed(|| network.eigenvector(&EigenParams::default()));
    let (_, layout_ms) = timed(|| network.layout(&LayoutParams::default()));
    let centrality_ms = network_ms + betweenness_ms + eigen_ms;
    console_log!(
        "centrality on {RELATIONSHIPS} relationships ({} customers, {} links): build {network_ms:.0} ms, betweenness {betweenness_ms:.0} ms, eigenvector {eigen_ms:.0} ms ({}); together {centrality_ms:.0} ms, {}; the drawing's layout {layout_ms:.0} ms",
        network.nodes().len(),
        network.edge_count(),
        if eigenvector.is_ok() { "converged" } else { "did not converge" },
        against(centrality_ms, 1000.0)
    );
    drop(betweenness);
}
