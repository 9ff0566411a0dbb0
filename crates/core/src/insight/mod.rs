//! Customer insight: what the stored purchase history says about each
//! customer and about the customer base as a whole.
//!
//! Everything here is a pure function (or a small index) over slices of the
//! model's records, built to run in the app's Web Worker on one thread over
//! 100,000 customers and 1,000,000 order lines: each analysis is a sort or a
//! hash pass over its input, never a comparison of every pair.
//!
//! - [`summary`]: "a customer at a glance" — lifetime spend per currency,
//!   order count, average order, first/last order, a monthly spend series.
//! - [`rfm`] and [`segment`]: recency/frequency/monetary quintile scores (as
//!   pandas `qcut(rank(method="first"), 5)`), the named segments and the
//!   R × F heatmap.
//! - [`clv`]: historical value and the predicted value over the next months
//!   from BG/NBD (purchase counts) and Gamma-Gamma (spend), fitted here by
//!   maximum likelihood ([`special`] and [`optimise`] are its numerics).
//! - [`recommend`]: item-based recommendations (cosine between products
//!   over the customers who bought them).
//! - [`network`] and [`layout`]: betweenness and eigenvector centrality of
//!   the relationship network, a force-directed drawing and neighbourhoods.
//! - [`plan`]: the Insight page's "As of" field and its per-segment campaign.
//! - [`synthetic`]: seeded data at 100,000 customers for the benchmarks.
//!
//! What counts as a purchase is decided once, by [`is_purchase`]: an order
//! that is not in the trash, whose status counts as revenue and whose total
//! is a finite number. Every analysis reads orders through it.
//!
//! Inputs come from the store (the app reads them, then calls in here); the
//! results are plain structs for the pages and for `charts`.

pub mod clv;
mod clv_model;
pub mod layout;
pub mod network;
pub mod optimise;
pub mod plan;
pub mod recommend;
pub mod rfm;
pub mod segment;
pub mod special;
pub mod summary;
pub mod synthetic;

#[cfg(all(test, not(target_arch = "wasm32")))]
mod clv_tests;
#[cfg(all(test, not(target_arch = "wasm32")))]
mod fixtures;
#[cfg(all(test, not(target_arch = "wasm32")))]
mod network_tests;
#[cfg(all(test, not(target_arch = "wasm32")))]
mod recommend_tests;
#[cfg(all(test, not(target_arch = "wasm32")))]
mod rfm_tests;

pub use clv::{
    calibration_summary, predict_clv, BgNbd, ClvError, ClvParams, ClvPrediction, ClvResult,
    CustomerValue, GammaGamma,
};
pub use layout::{fruchterman_reingold, LayoutParams};
pub use network::{Centrality, EigenParams, Influence, Network, NetworkError, Subgraph};
pub use plan::{parse_as_of, segment_campaign, AsOfError};
pub use recommend::{AlsoBought, Recommendation, Recommender};
pub use rfm::{rfm, HeatCell, RfmScore, RfmTable};
pub use segment::Segment;
pub use summary::{customer_summaries, CustomerSummary, MonthlySpend};

use crate::model::{Order, Record};

/// Whether an order counts as a purchase for the analyses here: not in the
/// trash, a revenue status (order or contract) and a finite total.
pub fn is_purchase(order: &Order) -> bool {
    !order.is_deleted() && order.status.is_revenue() && order.total.is_finite()
}

/// The purchases among `orders`, sorted by customer id, then date, then
/// order id (so the result does not depend on the input's order).
pub(crate) fn purchases_by_customer(orders: &[Order]) -> Vec<&Order> {
    let mut out: Vec<&Order> = orders.iter().filter(|o| is_purchase(o)).collect();
    out.sort_unstable_by(|a, b| {
        (a.customer_id, a.date, a.meta.id).cmp(&(b.customer_id, b.date, b.meta.id))
    });
    out
}
