//! The jobs over texts and customers that are too long for the page's
//! thread at 100,000 records: duplicate customers, near-duplicate texts,
//! ticket topics and the sentiment overview. Each reads the store itself
//! and sends back a small, ready-to-show result.

use super::{Job, JobError, ProgressFn};
use crate::dedupe::find_duplicates;
use crate::i18n::jobs as jt;
use crate::model::{Customer, Id, Interaction, Record, Ticket, Timestamp};
use crate::sentiment::{self, MonthPoint};
use crate::store::{Store, StoreError};
use crate::text::{topics, DocKey, TextDoc, TextIndex, TextKind};
use serde::{Deserialize, Serialize};
use std::collections::{BTreeSet, HashMap};

/// Pairs sent back at most (the page shows fewer).
pub const MAX_PAIRS: usize = 500;
/// A text counts as recent for the "recent negative" flag this many days.
pub const RECENT_DAYS: i64 = 30;

const DAY_MS: i64 = 86_400_000;

/// The live customers and their display names.
async fn customers<S: Store>(store: &S) -> Result<Vec<Customer>, JobError> {
    let all: Vec<Customer> = store.all().await?;
    Ok(all.into_iter().filter(|c| !c.is_deleted()).collect())
}

fn name_of(c: &Customer) -> String {
    let name = c.display_name();
    if name.is_empty() {
        jt::unnamed_customer().into()
    } else {
        name
    }
}

fn detail_of(c: &Customer) -> String {
    [c.primary_email().unwrap_or(""), c.company.as_str()]
        .iter()
        .filter(|s| !s.is_empty())
        .copied()
        .collect::<Vec<_>>()
        .join(" · ")
}

/// The live texts of the store: notes, calls, emails, meetings, tickets
/// (what the worker's jobs and the page's text index both read).
pub async fn live_texts<S: Store>(store: &S) -> Result<Vec<TextDoc>, StoreError> {
    let interactions: Vec<Interaction> = store.all().await?;
    let tickets: Vec<Ticket> = store.all().await?;
    Ok(interactions
        .iter()
        .filter(|i| !i.is_deleted())
        .map(TextDoc::from_interaction)
        .chain(
            tickets
                .iter()
                .filter(|t| !t.is_deleted())
                .map(TextDoc::from_ticket),
        )
        .collect())
}

/// Input of [`DuplicateCustomersJob`].
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DuplicateCustomersInput {
    /// Pairs scoring below this are left out (0..=1).
    pub min_score: f64,
}

/// Two customers who are probably one person.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DuplicateRow {
    /// One customer.
    pub a: Id,
    /// Their name.
    pub a_name: String,
    /// Their email and company.
    pub a_detail: String,
    /// The other customer.
    pub b: Id,
    /// Their name.
    pub b_name: String,
    /// Their email and company.
    pub b_detail: String,
    /// How likely they are one person (0..=1).
    pub score: f64,
    /// Why, one sentence each.
    pub reasons: Vec<String>,
    /// When more than these two are linked by probable duplicates (A like
    /// B, B like C), all of them, to merge at once; empty otherwise.
    #[serde(default)]
    pub group: Vec<Id>,
}

/// Finds probable duplicate customers.
pub struct DuplicateCustomersJob;

impl Job for DuplicateCustomersJob {
    const NAME: &'static str = "duplicate-customers";
    type Input = DuplicateCustomersInput;
    type Output = Vec<DuplicateRow>;

    async fn run<S: Store>(
        store: &S,
        input: DuplicateCustomersInput,
        _now: Timestamp,
        progress: ProgressFn<'_>,
    ) -> Result<Vec<DuplicateRow>, JobError> {
        progress(0.0, jt::reading_customers());
        let customers = customers(store).await?;
        progress(0.3, jt::comparing_customers());
        let by_id: HashMap<Id, &Customer> = customers.iter().map(|c| (c.id(), c)).collect();
        let pairs = find_duplicates(&customers, input.min_score);
        let group_of: HashMap<Id, Vec<Id>> = crate::dedupe::groups(&pairs)
            .into_iter()
            .filter(|g| g.len() > 2)
            .flat_map(|g| g.clone().into_iter().map(move |id| (id, g.clone())))
            .collect();
        Ok(pairs
            .into_iter()
            .take(MAX_PAIRS)
            .filter_map(|p| {
                let (a, b) = (by_id.get(&p.a)?, by_id.get(&p.b)?);
                Some(DuplicateRow {
                    a: p.a,
                    a_name: name_of(a),
                    a_detail: detail_of(a),
                    b: p.b,
                    b_name: name_of(b),
                    b_detail: detail_of(b),
                    score: p.score,
                    reasons: p.reasons.iter().map(|r| r.describe()).collect(),
                    group: group_of.get(&p.a).cloned().unwrap_or_default(),
                })
            })
            .collect())
    }
}

/// Input of [`NearDuplicatesJob`].
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct NearDuplicatesInput {
    /// The least cosine similarity of a pair (0..=1).
    pub threshold: f64,
    /// The kinds compared (empty: all).
    pub kinds: Vec<TextKind>,
}

/// A text as a list shows it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TextBrief {
    /// Which text.
    pub key: DocKey,
    /// Its subject.
    pub title: String,
    /// When.
    pub at: Timestamp,
    /// Whose.
    pub customer: Id,
    /// Their name.
    pub customer_name: String,
}

/// Two texts that say nearly the same.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct NearDuplicatePair {
    /// One text.
    pub a: TextBrief,
    /// The other.
    pub b: TextBrief,
    /// Their cosine similarity.
    pub score: f64,
}

/// What [`NearDuplicatesJob`] found.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct NearDuplicateReport {
    /// The closest pairs (at most [`MAX_PAIRS`]), closest first.
    pub pairs: Vec<NearDuplicatePair>,
    /// How many pairs reach the threshold in all.
    pub total: usize,
    /// How many texts were compared.
    pub texts: usize,
}

/// Finds near-duplicate notes and tickets.
pub struct NearDuplicatesJob;

impl Job for NearDuplicatesJob {
    const NAME: &'static str = "near-duplicates";
    type Input = NearDuplicatesInput;
    type Output = NearDuplicateReport;

    async fn run<S: Store>(
        store: &S,
        input: NearDuplicatesInput,
        _now: Timestamp,
        progress: ProgressFn<'_>,
    ) -> Result<NearDuplicateReport, JobError> {
        progress(0.0, jt::reading_notes_and_tickets());
        let docs = live_texts(store).await?;
        let names: HashMap<Id, String> = customers(store)
            .await?
            .iter()
            .map(|c| (c.id(), name_of(c)))
            .collect();
        progress(0.3, jt::indexing_texts());
        let texts = docs
            .iter()
            .filter(|d| input.kinds.is_empty() || input.kinds.contains(&d.key.kind))
            .count();
        let index = TextIndex::build(docs);
        progress(0.6, jt::comparing_texts());
        let found = index.near_duplicates(input.threshold, &input.kinds);
        let brief = |key: DocKey| {
            let doc = index.doc(key)?;
            Some(TextBrief {
                key,
                title: doc.title.clone(),
                at: doc.at,
                customer: doc.customer,
                customer_name: names
                    .get(&doc.customer)
                    .cloned()
                    .unwrap_or_else(|| "(customer in the trash)".into()),
            })
        };
        let total = found.len();
        let pairs = found
            .into_iter()
            .take(MAX_PAIRS)
            .filter_map(|p| {
                Some(NearDuplicatePair {
                    a: brief(p.a)?,
                    b: brief(p.b)?,
                    score: p.score,
                })
            })
            .collect();
        Ok(NearDuplicateReport {
            pairs,
            total,
            texts,
        })
    }
}

/// Input of [`TopicsJob`].
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TopicsInput {
    /// How many topics; 0 lets the job choose from the number of tickets.
    pub k: usize,
}

/// One topic of the tickets.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TopicSummary {
    /// Named by its top terms.
    pub name: String,
    /// Its top terms.
    pub terms: Vec<String>,
    /// How many tickets it holds.
    pub size: usize,
}

/// The tickets' topics, their sizes per month and each ticket's topic.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct TopicReport {
    /// The topics, largest first.
    pub topics: Vec<TopicSummary>,
    /// The months ("2026-01"), in order.
    pub months: Vec<String>,
    /// Per topic (same order as `topics`), tickets opened each month.
    pub per_month: Vec<Vec<usize>>,
    /// Each ticket's topic (an index into `topics`).
    pub assignments: Vec<(Id, usize)>,
}

/// Clusters the tickets' texts into topics.
pub struct TopicsJob;

impl Job for TopicsJob {
    const NAME: &'static str = "ticket-topics";
    type Input = TopicsInput;
    type Output = TopicReport;

    async fn run<S: Store>(
        store: &S,
        input: TopicsInput,
        _now: Timestamp,
        progress: ProgressFn<'_>,
    ) -> Result<TopicReport, JobError> {
        progress(0.0, jt::reading_tickets());
        let tickets: Vec<Ticket> = store.all().await?;
        let docs: Vec<TextDoc> = tickets
            .iter()
            .filter(|t| !t.is_deleted())
            .map(TextDoc::from_ticket)
            .collect();
        if docs.len() < 2 {
            return Err(JobError::Analysis(jt::topics_need_two_tickets().into()));
        }
        progress(0.3, jt::indexing_tickets());
        let k = if input.k == 0 {
            topics::suggest_k(docs.len())
        } else {
            input.k.clamp(2, docs.len())
        };
        let index = TextIndex::build(docs);
        progress(0.5, jt::finding_topics());
        Ok(topic_report(&index, k))
    }
}

/// Topics of the tickets in `index`, largest first, with sizes per month.
pub fn topic_report(index: &TextIndex, k: usize) -> TopicReport {
    let found = topics::topics(index, &[TextKind::Ticket], k, 7);
    let mut order: Vec<usize> = (0..found.topics.len()).collect();
    order.sort_by(|&a, &b| {
        found.topics[b]
            .size
            .cmp(&found.topics[a].size)
            .then(a.cmp(&b))
    });
    let mut rank = vec![0; order.len()];
    for (r, &t) in order.iter().enumerate() {
        rank[t] = r;
    }
    let months: BTreeSet<String> = found
        .assignments
        .iter()
        .filter_map(|(key, _)| index.doc(*key).map(|d| month_of(d.at)))
        .collect();
    let months: Vec<String> = months.into_iter().collect();
    let mut per_month = vec![vec![0usize; months.len()]; order.len()];
    let mut assignments = Vec::with_capacity(found.assignments.len());
    for (key, topic) in &found.assignments {
        let r = rank[*topic];
        assignments.push((key.id, r));
        if let Some(doc) = index.doc(*key) {
            if let Ok(m) = months.binary_search(&month_of(doc.at)) {
                per_month[r][m] += 1;
            }
        }
    }
    TopicReport {
        topics: order
            .iter()
            .map(|&t| TopicSummary {
                name: found.topics[t].name.clone(),
                terms: found.topics[t].terms.clone(),
                size: found.topics[t].size,
            })
            .collect(),
        months,
        per_month,
        assignments,
    }
}

/// "2026-03" for a timestamp.
fn month_of(at: Timestamp) -> String {
    let d = crate::model::date_of(at);
    format!("{:04}-{:02}", d.year(), u8::from(d.month()))
}

/// The sentiment of the whole store: the monthly trend and who said
/// something negative lately.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct SentimentOverview {
    /// Mean sentiment per month, with counts.
    pub monthly: Vec<MonthPoint>,
    /// Customers with a negative note, email, meeting or ticket in the last
    /// [`RECENT_DAYS`] days.
    pub recent_negative: Vec<Id>,
    /// How many texts were scored.
    pub texts: usize,
}

/// Scores every text's sentiment.
pub struct SentimentJob;

impl Job for SentimentJob {
    const NAME: &'static str = "sentiment";
    type Input = ();
    type Output = SentimentOverview;

    async fn run<S: Store>(
        store: &S,
        _input: (),
        now: Timestamp,
        progress: ProgressFn<'_>,
    ) -> Result<SentimentOverview, JobError> {
        progress(0.0, jt::reading_notes_and_tickets());
        let docs = live_texts(store).await?;
        progress(0.3, jt::scoring_sentiment());
        Ok(sentiment_overview(&docs, now))
    }
}

/// The overview of `docs` at `now`.
pub fn sentiment_overview(docs: &[TextDoc], now: Timestamp) -> SentimentOverview {
    let since = now - RECENT_DAYS * DAY_MS;
    let mut recent_negative = BTreeSet::new();
    let mut points = Vec::with_capacity(docs.len());
    for doc in docs {
        let s = sentiment::score(&doc.text());
        if doc.at >= since && doc.at <= now && sentiment::is_negative(&s) {
            recent_negative.insert(doc.customer);
        }
        points.push((doc.at, s.compound));
    }
    SentimentOverview {
        monthly: sentiment::monthly_trend(points),
        recent_negative: recent_negative.into_iter().collect(),
        texts: docs.len(),
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
#[path = "text_tests.rs"]
mod tests;
