//! The seeded generator of realistic demo data (customers with orders,
//! interactions, tickets, deals, campaigns and referrals), built with latent
//! structure so the analytics find something real in it.
//!
//! Five latent segments ([`Segment`]: young budget shoppers, affluent
//! professionals, families, students, retirees) drive age, income,
//! education, order frequency, basket size and price sensitivity. Each
//! customer has a latent satisfaction; many tickets and slow resolutions
//! lower it, and it raises order frequency and lowers churn, so ticket
//! ratings, note sentiment, repeat purchases and lifecycle stages agree.
//! About a quarter of customers live in China and get Chinese names and
//! (mostly) Chinese notes, tickets and feedback. About one customer in a
//! hundred was entered twice (see `duplicates`), for the Duplicates page.
//!
//! Generation is chunked so the UI can show progress: create a
//! [`DemoGenerator`] and call [`DemoGenerator::next_batch`] until it returns
//! `None`; campaigns come with the last batch. One seeded
//! `Xoshiro256PlusPlus` stream is consumed customer by customer, so the same
//! seed gives the same records whatever the batch sizes. Nothing reads a
//! clock: the caller passes `now_ms`, and all timestamps fall in the three
//! years before it.
//!
//! ```
//! use rapport_core::demo::{DemoConfig, DemoGenerator};
//! let mut g = DemoGenerator::new(DemoConfig { seed: 1, customers: 50 }, 1_700_000_000_000);
//! let mut customers = 0;
//! while let Some(batch) = g.next_batch(20) {
//!     customers += batch.customers.len();
//! }
//! assert_eq!(customers, 50);
//! ```

mod catalogue;
mod duplicates;
pub mod load;
mod person;
mod places;
mod sample;
#[cfg(test)]
mod tests;
mod text;

pub use catalogue::{Category, Product, Profile, Segment, CURRENCY, PRODUCTS};

use rand::SeedableRng;
use rand_xoshiro::Xoshiro256PlusPlus;

use crate::model::{
    date_of, new_id, Campaign, Channel, Customer, Deal, Id, Interaction, Order, Pipeline,
    Relationship, Task, Ticket, Timestamp, DAY_MS,
};

/// How much demo data to make.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct DemoConfig {
    /// Seed of the random stream; the same seed gives the same data.
    pub seed: u64,
    /// Number of customers (children are generated per customer).
    pub customers: usize,
}

impl Default for DemoConfig {
    /// Seed 42, 2,000 customers.
    fn default() -> Self {
        DemoConfig {
            seed: 42,
            customers: 2_000,
        }
    }
}

impl DemoConfig {
    /// The sizes the UI offers.
    pub const SIZES: [usize; 3] = [2_000, 10_000, 100_000];
}

/// Records made by one [`DemoGenerator::next_batch`] call.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct DemoBatch {
    /// Customers.
    pub customers: Vec<Customer>,
    /// Notes, calls, emails, meetings.
    pub interactions: Vec<Interaction>,
    /// Quotes, orders, contracts.
    pub orders: Vec<Order>,
    /// Support tickets.
    pub tickets: Vec<Ticket>,
    /// Deals in the default pipeline.
    pub deals: Vec<Deal>,
    /// Tasks.
    pub tasks: Vec<Task>,
    /// Referrals, colleagues, family links (always to earlier customers).
    pub relationships: Vec<Relationship>,
    /// Campaigns with their members; only in the last batch.
    pub campaigns: Vec<Campaign>,
}

impl DemoBatch {
    /// Total number of records.
    pub fn len(&self) -> usize {
        self.customers.len()
            + self.interactions.len()
            + self.orders.len()
            + self.tickets.len()
            + self.deals.len()
            + self.tasks.len()
            + self.relationships.len()
            + self.campaigns.len()
    }

    /// Whether the batch holds no records.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Appends another batch's records.
    pub fn append(&mut self, mut other: DemoBatch) {
        self.customers.append(&mut other.customers);
        self.interactions.append(&mut other.interactions);
        self.orders.append(&mut other.orders);
        self.tickets.append(&mut other.tickets);
        self.deals.append(&mut other.deals);
        self.tasks.append(&mut other.tasks);
        self.relationships.append(&mut other.relationships);
        self.campaigns.append(&mut other.campaigns);
    }
}

/// Milliseconds in an average year.
const YEAR_MS: f64 = 365.25 * DAY_MS as f64;
/// How far back the demo history goes.
const HISTORY_MS: i64 = 3 * 365 * DAY_MS;

/// A campaign plus who it appeals to.
struct CampaignPlan {
    campaign: Campaign,
    start_ms: Timestamp,
    end_ms: Timestamp,
    /// Chance that an average customer is reached.
    reach: f64,
    /// Reach multiplier per segment (`Segment::ALL` order).
    affinity: [f64; 5],
}

/// Makes demo data in batches; see the [module docs](self).
pub struct DemoGenerator {
    config: DemoConfig,
    now: Timestamp,
    rng: Xoshiro256PlusPlus,
    done: usize,
    finished: bool,
    pipeline: Pipeline,
    /// Earlier customers by segment (referral targets).
    by_segment: [Vec<Id>; 5],
    /// Latest customer per company (`EN_COMPANIES` then `CN_COMPANIES`).
    by_company: Vec<Option<Id>>,
    /// Earlier family-segment customers: (id, country index, family name).
    families: Vec<(Id, usize, &'static str)>,
    campaigns: Vec<CampaignPlan>,
    product_weights: [[f64; PRODUCTS.len()]; 5],
    /// The customer whose twin (see `duplicates`) comes next.
    twin_of: Option<Customer>,
}

impl DemoGenerator {
    /// A generator for `config`, with all history before `now_ms`.
    pub fn new(config: DemoConfig, now_ms: Timestamp) -> Self {
        let mut campaign_rng =
            Xoshiro256PlusPlus::seed_from_u64(config.seed ^ 0x9E37_79B9_7F4A_7C15);
        let campaigns = plan_campaigns(&mut campaign_rng, now_ms);
        DemoGenerator {
            config,
            now: now_ms,
            rng: Xoshiro256PlusPlus::seed_from_u64(config.seed),
            done: 0,
            finished: false,
            pipeline: Pipeline::default(),
            by_segment: Default::default(),
            by_company: vec![None; places::EN_COMPANIES.len() + places::CN_COMPANIES.len()],
            families: Vec::new(),
            campaigns,
            product_weights: Segment::ALL.map(catalogue::product_weights),
            twin_of: None,
        }
    }

    /// Generates up to `max_customers` more customers (at least one) with
    /// their children; `None` once everything was returned.
    pub fn next_batch(&mut self, max_customers: usize) -> Option<DemoBatch> {
        if self.finished {
            return None;
        }
        let n = max_customers.max(1).min(self.config.customers - self.done);
        let mut batch = DemoBatch::default();
        batch.customers.reserve(n);
        for _ in 0..n {
            // The slot after a customer with a twin holds the twin.
            let twin = self.twin_of.take().and_then(|original| {
                duplicates::twin(self.config.seed, self.done, &original, self.now)
            });
            match twin {
                Some((twin, note)) => {
                    batch.customers.push(twin);
                    batch.interactions.push(note);
                }
                None => {
                    self.generate_customer(&mut batch);
                    if duplicates::has_twin(self.done) {
                        self.twin_of = batch.customers.last().cloned();
                    }
                }
            }
            self.done += 1;
        }
        if self.done == self.config.customers {
            batch.campaigns = self.campaigns();
            self.finished = true;
        }
        Some(batch)
    }

    /// Runs to the end and returns everything in one batch.
    pub fn generate_all(mut self) -> DemoBatch {
        let mut all = DemoBatch::default();
        while let Some(batch) = self.next_batch(10_000) {
            all.append(batch);
        }
        all
    }

    /// The campaigns with the members generated so far.
    pub fn campaigns(&self) -> Vec<Campaign> {
        self.campaigns.iter().map(|p| p.campaign.clone()).collect()
    }

    /// (customers generated, customers asked for).
    pub fn progress(&self) -> (usize, usize) {
        (self.done, self.config.customers)
    }

    /// Whether every batch was returned.
    pub fn is_finished(&self) -> bool {
        self.finished
    }

    /// Places the open demo deals on `pipeline`'s open stages, e.g. the
    /// stages configured in Settings (the default pipeline's four stages are
    /// spread over however many there are). A pipeline without open stages
    /// is ignored.
    pub fn with_pipeline(mut self, pipeline: Pipeline) -> Self {
        if pipeline.open_stages().next().is_some() {
            self.pipeline = pipeline;
        }
        self
    }
}

/// Everything for `config` at once (see [`DemoGenerator::generate_all`]).
pub fn generate(config: DemoConfig, now_ms: Timestamp) -> DemoBatch {
    DemoGenerator::new(config, now_ms).generate_all()
}

fn plan_campaigns(rng: &mut Xoshiro256PlusPlus, now: Timestamp) -> Vec<CampaignPlan> {
    // (name, channel, days before now it starts, length in days, budget, reach, affinity)
    #[allow(clippy::type_complexity)]
    let plans: [(&str, Channel, i64, i64, f64, f64, [f64; 5]); 6] = [
        (
            "Spring sale",
            Channel::Email,
            800,
            30,
            5_000.0,
            0.35,
            [1.2, 0.6, 1.0, 1.3, 0.8],
        ),
        (
            "Back to school",
            Channel::Social,
            600,
            21,
            3_000.0,
            0.3,
            [0.8, 0.2, 1.3, 1.6, 0.1],
        ),
        (
            "Black Friday",
            Channel::Search,
            450,
            7,
            8_000.0,
            0.4,
            [1.4, 0.8, 1.2, 1.4, 0.6],
        ),
        (
            "Trade fair",
            Channel::Event,
            300,
            3,
            12_000.0,
            0.15,
            [0.3, 1.8, 0.4, 0.1, 0.3],
        ),
        (
            "Catalogue mailing",
            Channel::Print,
            200,
            45,
            6_000.0,
            0.25,
            [0.3, 0.7, 0.9, 0.2, 1.8],
        ),
        (
            "Refer a friend",
            Channel::Other,
            90,
            60,
            2_000.0,
            0.2,
            [1.0; 5],
        ),
    ];
    plans
        .iter()
        .map(|&(name, channel, ago, days, budget, reach, affinity)| {
            let start_ms = now - ago * DAY_MS;
            let end_ms = start_ms + (days - 1) * DAY_MS;
            let start = date_of(start_ms);
            let campaign = Campaign::new(
                new_id(rng),
                start_ms - 14 * DAY_MS,
                format!("{name} {}", start.year()),
                channel,
                start,
                date_of(end_ms),
                budget,
            );
            CampaignPlan {
                campaign,
                start_ms,
                end_ms,
                reach,
                affinity,
            }
        })
        .collect()
}

impl DemoBatch {
    /// The batch as one store write (unchecked puts: demo data is new).
    pub fn to_change_set(
        &self,
        label: &str,
    ) -> Result<crate::store::ChangeSet, crate::store::StoreError> {
        let mut changes = crate::store::ChangeSet::new(label);
        for c in &self.customers {
            changes.put(c)?;
        }
        for r in &self.interactions {
            changes.put(r)?;
        }
        for r in &self.orders {
            changes.put(r)?;
        }
        for r in &self.tickets {
            changes.put(r)?;
        }
        for r in &self.deals {
            changes.put(r)?;
        }
        for r in &self.tasks {
            changes.put(r)?;
        }
        for r in &self.relationships {
            changes.put(r)?;
        }
        for r in &self.campaigns {
            changes.put(r)?;
        }
        Ok(changes)
    }
}
