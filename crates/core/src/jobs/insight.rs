//! The customer-insight jobs, run in the worker because they read every
//! order (1,000,000 lines at 100,000 customers): the overview that feeds
//! the Customers list's figures, the customer page's scores and the Insight
//! page (RFM, lifetime value), the referral network, and recommendations.

use super::{Job, JobError, ProgressFn};
use crate::i18n::jobs as jt;
use crate::insight::{
    self, customer_summaries, predict_clv, rfm, BgNbd, ClvParams, EigenParams, GammaGamma,
    HeatCell, LayoutParams, Network, Recommendation, Recommender, Segment,
};
use crate::model::{Customer, Id, Order, Record, Relationship, Timestamp};
use crate::store::Store;
use serde::{Deserialize, Serialize};
use std::collections::HashMap;
use time::Date;

/// What the insight overview is computed as of.
#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize, Deserialize)]
pub struct InsightInput {
    /// The day recency and lifetime are measured to; default: the newest
    /// purchase's date (so an old purchase log still has recent customers).
    pub as_of: Option<Date>,
}

/// One customer's figures, for the list's columns and the customer page.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CustomerInsight {
    /// The customer.
    pub customer_id: Id,
    /// Lifetime spend in `currency` (the customer's main one).
    pub spend: f64,
    /// The customer's main currency.
    pub currency: String,
    /// Purchases, in every currency.
    pub orders: usize,
    /// The latest purchase.
    pub last_order: Date,
    /// Days from the latest purchase to the overview's `as_of`.
    pub days_since_last: i64,
    /// R, F and M scores, 1–5.
    pub rfm: (u8, u8, u8),
    /// The RFM segment.
    pub segment: Segment,
    /// Predicted spend over the next 12 months (when the model fitted and
    /// the customer bought in its currency).
    pub predicted_value: Option<f64>,
    /// Expected purchases over the next 12 months (same condition).
    #[serde(default)]
    pub predicted_purchases: Option<f64>,
    /// Probability the customer is still buying (same condition).
    pub probability_alive: Option<f64>,
}

/// The fitted lifetime-value model, in brief.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ClvModel {
    /// The currency modelled.
    pub currency: String,
    /// The calibration period's last day.
    pub observation_end: Date,
    /// Fitted purchase-count model.
    pub bgnbd: BgNbd,
    /// Fitted spend model.
    pub gamma_gamma: GammaGamma,
    /// Sum of every customer's predicted 12-month value.
    pub total_predicted: f64,
}

/// Everything the insight views show about the whole book.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct InsightOverview {
    /// The day RFM and lifetime figures are measured to.
    pub as_of: Option<Date>,
    /// Every live customer with a purchase, sorted by id.
    pub customers: Vec<CustomerInsight>,
    /// `heatmap[r - 1][f - 1]`: customers and revenue per (R, F) cell.
    pub heatmap: [[HeatCell; 5]; 5],
    /// Each segment (in [`Segment::all`] order) with its customers and
    /// their summed monetary value.
    pub segments: Vec<(Segment, usize, f64)>,
    /// The lifetime-value model, or why it could not be fitted.
    pub clv: Result<ClvModel, String>,
}

impl InsightOverview {
    /// The figures of one customer, if they have purchases.
    pub fn customer(&self, id: &Id) -> Option<&CustomerInsight> {
        self.customers
            .binary_search_by(|c| c.customer_id.cmp(id))
            .ok()
            .map(|i| &self.customers[i])
    }
}

/// Orders of live customers only (a trashed customer's orders do not count).
async fn live_orders<S: Store>(store: &S) -> Result<Vec<Order>, JobError> {
    let customers: Vec<Customer> = store.all().await?;
    let live: std::collections::HashSet<Id> = customers
        .iter()
        .filter(|c| !c.is_deleted())
        .map(|c| c.meta.id)
        .collect();
    let orders: Vec<Order> = store.all().await?;
    Ok(orders
        .into_iter()
        .filter(|o| live.contains(&o.customer_id) && insight::is_purchase(o))
        .collect())
}

/// The overview of `orders` as of `input.as_of`.
pub fn overview(orders: &[Order], input: InsightInput) -> InsightOverview {
    let table = rfm(orders, input.as_of);
    let as_of = table.as_of;
    let summaries = as_of
        .map(|day| customer_summaries(orders, day))
        .unwrap_or_default();
    let params = ClvParams {
        observation_end: as_of,
        ..ClvParams::default()
    };
    let clv = predict_clv(orders, &params).map_err(|e| e.to_string());
    let predictions: HashMap<Id, (f64, f64, f64)> = clv
        .as_ref()
        .map(|r| {
            r.customers
                .iter()
                .map(|p| {
                    let figures = (p.predicted_value, p.expected_purchases, p.probability_alive);
                    (p.customer_id, figures)
                })
                .collect()
        })
        .unwrap_or_default();
    let customers = table
        .customers
        .iter()
        .filter_map(|score| {
            let summary = summaries.get(&score.customer_id)?;
            let predicted = predictions.get(&score.customer_id);
            Some(CustomerInsight {
                customer_id: score.customer_id,
                spend: summary.spend_in(&summary.main_currency),
                currency: summary.main_currency.clone(),
                orders: summary.orders,
                last_order: summary.last_order,
                days_since_last: score.recency_days,
                rfm: (score.r, score.f, score.m),
                segment: score.segment,
                predicted_value: predicted.map(|p| p.0),
                predicted_purchases: predicted.map(|p| p.1),
                probability_alive: predicted.map(|p| p.2),
            })
        })
        .collect();
    let segments = Segment::all()
        .iter()
        .map(|&s| {
            let members = table.in_segment(s);
            let (n, revenue) = members.fold((0, 0.0), |(n, r), c| (n + 1, r + c.monetary));
            (s, n, (revenue * 100.0).round() / 100.0)
        })
        .collect();
    InsightOverview {
        as_of,
        customers,
        heatmap: table.heatmap,
        segments,
        clv: clv.map(|r| ClvModel {
            total_predicted: r.customers.iter().map(|c| c.predicted_value).sum(),
            currency: r.currency,
            observation_end: r.observation_end,
            bgnbd: r.bgnbd,
            gamma_gamma: r.gamma_gamma,
        }),
    }
}

/// RFM, lifetime figures and the lifetime-value model over the store.
pub struct InsightJob;

impl Job for InsightJob {
    const NAME: &'static str = "insight";
    type Input = InsightInput;
    type Output = InsightOverview;

    async fn run<S: Store>(
        store: &S,
        input: InsightInput,
        _now: Timestamp,
        progress: ProgressFn<'_>,
    ) -> Result<InsightOverview, JobError> {
        progress(0.0, jt::reading_orders());
        let orders = live_orders(store).await?;
        progress(0.4, jt::scoring_customers());
        Ok(overview(&orders, input))
    }
}

/// Which customer to recommend products to.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct RecommendInput {
    /// The customer.
    pub customer_id: Id,
    /// How many products at most.
    pub k: usize,
}

/// Products a customer has not bought, by what similar buyers bought.
pub struct RecommendJob;

impl Job for RecommendJob {
    const NAME: &'static str = "recommend";
    type Input = RecommendInput;
    type Output = Vec<Recommendation>;

    async fn run<S: Store>(
        store: &S,
        input: RecommendInput,
        _now: Timestamp,
        progress: ProgressFn<'_>,
    ) -> Result<Vec<Recommendation>, JobError> {
        progress(0.0, jt::reading_orders());
        let orders = live_orders(store).await?;
        progress(0.5, jt::comparing_products());
        Ok(Recommender::new(&orders).recommend_for(input.customer_id, input.k))
    }
}

/// One customer in the network view.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct NetworkNode {
    /// The customer.
    pub customer_id: Id,
    /// Display name.
    pub name: String,
    /// Normalised betweenness centrality.
    pub betweenness: f64,
    /// Eigenvector centrality (0 when it did not converge).
    pub eigenvector: f64,
    /// Position in the drawing, in [0, 1]².
    pub at: [f64; 2],
}

/// The relationship network, measured and laid out.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct NetworkReport {
    /// Every customer with a link, in the network's node order.
    pub nodes: Vec<NetworkNode>,
    /// Links as pairs of indices into `nodes`.
    pub edges: Vec<(usize, usize)>,
    /// Why eigenvector centrality is missing, if it is.
    pub eigenvector_problem: Option<String>,
}

/// Centralities and a drawing of the relationship network.
pub struct NetworkJob;

impl Job for NetworkJob {
    const NAME: &'static str = "network";
    type Input = ();
    type Output = NetworkReport;

    async fn run<S: Store>(
        store: &S,
        _input: (),
        _now: Timestamp,
        progress: ProgressFn<'_>,
    ) -> Result<NetworkReport, JobError> {
        progress(0.0, jt::reading_relationships());
        let customers: Vec<Customer> = store.all().await?;
        let names: HashMap<Id, String> = customers
            .iter()
            .filter(|c| !c.is_deleted())
            .map(|c| (c.meta.id, c.display_name()))
            .collect();
        let links: Vec<Relationship> = store.all().await?;
        let links: Vec<Relationship> = links
            .into_iter()
            .filter(|l| !l.is_deleted() && names.contains_key(&l.from) && names.contains_key(&l.to))
            .collect();
        let network = Network::new(&links);
        progress(0.3, jt::measuring_centrality());
        let betweenness = network.betweenness();
        let (eigenvector, eigenvector_problem) = match network.eigenvector(&EigenParams::default())
        {
            Ok(v) => (v, None),
            Err(e) => (vec![0.0; network.nodes().len()], Some(e.to_string())),
        };
        progress(0.7, jt::drawing_network());
        let layout = network.layout(&LayoutParams::default());
        let nodes = network
            .nodes()
            .iter()
            .enumerate()
            .map(|(i, id)| NetworkNode {
                customer_id: *id,
                name: names.get(id).cloned().unwrap_or_default(),
                betweenness: betweenness[i],
                eigenvector: eigenvector[i],
                at: layout[i],
            })
            .collect();
        Ok(NetworkReport {
            nodes,
            edges: network.edges(),
            eigenvector_problem,
        })
    }
}

#[cfg(test)]
mod tests;
