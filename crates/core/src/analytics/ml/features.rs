//! The customer feature table: one row per customer (not in the trash), one
//! column per [`Feature`], built from the model records in one pass over
//! each collection ([`FeatureTable::build`]), or from the customers and the
//! per-customer figures of the store's tallies ([`FeatureTable::from_tallies`],
//! what the worker does: it need not read every order). A missing value is stored as `NaN` (and crosses JSON as
//! `null`); what to do about it is decided later, openly, by
//! [`super::prepare`].
//!
//! The table also carries what the predictions aim at (lifecycle stage,
//! segment, "bought in the last 90 days", "has a won deal"), so the worker
//! needs nothing else once it is built.

use std::collections::HashMap;

use crate::store::tally::{from_micros, Tally};

use serde::{Deserialize, Serialize};

use crate::model::{
    date_of, Customer, Deal, Education, Id, LifecycleStage, Order, Pipeline, Ticket, Timestamp,
    DAY_MS,
};

/// Days back that count as "bought recently".
pub const RECENT_DAYS: i64 = 90;

/// One numeric property of a customer.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Feature {
    /// Age in years (from the birthday, else the stored age); may be missing.
    Age,
    /// Annual income; may be missing.
    Income,
    /// Education as a rank: none 0, secondary 1, vocational 2, bachelor 3,
    /// master 4, doctorate 5; may be missing.
    Education,
    /// Days since the customer was created.
    TenureDays,
    /// Number of orders and contracts (quotes and cancelled orders do not count).
    Orders,
    /// Sum of those orders' totals (currencies are not converted).
    TotalSpent,
    /// Average order total; missing without orders.
    AverageOrder,
    /// Days since the latest order; missing without orders.
    DaysSinceLastOrder,
    /// Number of support tickets.
    Tickets,
    /// Mean satisfaction (1–5) of the rated tickets; missing without ratings.
    Satisfaction,
    /// Number of deals, open or closed.
    Deals,
}

impl Feature {
    /// Every feature, in table order.
    pub const ALL: [Feature; 11] = [
        Feature::Age,
        Feature::Income,
        Feature::Education,
        Feature::TenureDays,
        Feature::Orders,
        Feature::TotalSpent,
        Feature::AverageOrder,
        Feature::DaysSinceLastOrder,
        Feature::Tickets,
        Feature::Satisfaction,
        Feature::Deals,
    ];

    /// The label shown to users (lower case, to fit inside sentences), in
    /// the current language.
    pub fn label(self) -> &'static str {
        match self {
            Feature::Age => crate::i18n::analysis_labels::feature_age(),
            Feature::Income => crate::i18n::analysis_labels::feature_income(),
            Feature::Education => crate::i18n::analysis_labels::feature_education(),
            Feature::TenureDays => crate::i18n::analysis_labels::feature_tenure_days(),
            Feature::Orders => crate::i18n::analysis_labels::feature_orders(),
            Feature::TotalSpent => crate::i18n::analysis_labels::feature_total_spent(),
            Feature::AverageOrder => crate::i18n::analysis_labels::feature_average_order(),
            Feature::DaysSinceLastOrder => {
                crate::i18n::analysis_labels::feature_days_since_last_order()
            }
            Feature::Tickets => crate::i18n::analysis_labels::feature_tickets(),
            Feature::Satisfaction => crate::i18n::analysis_labels::feature_satisfaction(),
            Feature::Deals => crate::i18n::analysis_labels::feature_deals(),
        }
    }

    /// The column of this feature in a [`FeatureTable`].
    pub fn index(self) -> usize {
        self as usize
    }
}

/// The model records a table is built from (trashed records are skipped).
#[derive(Debug, Clone, Copy)]
pub struct CrmData<'a> {
    /// Customers, one row each.
    pub customers: &'a [Customer],
    /// Orders, matched to customers by `customer_id`.
    pub orders: &'a [Order],
    /// Tickets, matched by `customer_id`.
    pub tickets: &'a [Ticket],
    /// Deals, matched by `customer_id`.
    pub deals: &'a [Deal],
}

/// Features and targets of every customer, column-wise.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FeatureTable {
    /// When the table was built (unix ms); ages and "days since" count to it.
    pub as_of: Timestamp,
    /// The customer of each row.
    pub customer_ids: Vec<Id>,
    /// One column per [`Feature::ALL`] entry, in that order; `NaN` = missing.
    #[serde(with = "nan_as_null")]
    pub columns: Vec<Vec<f64>>,
    /// Lifecycle stage of each row.
    pub lifecycle: Vec<LifecycleStage>,
    /// Segment name of each row, if any.
    pub segment: Vec<Option<String>>,
    /// Whether the customer has an order in the [`RECENT_DAYS`] before `as_of`.
    pub bought_recently: Vec<bool>,
    /// Whether the customer has a deal in the "Won" stage.
    pub has_won_deal: Vec<bool>,
}

#[derive(Default)]
struct Acc {
    orders: f64,
    spent: f64,
    last_order: Option<time::Date>,
    tickets: f64,
    rated: f64,
    satisfaction: f64,
    deals: f64,
    won: bool,
}

impl FeatureTable {
    /// Builds the table at time `now` (unix ms).
    pub fn build(data: CrmData<'_>, now: Timestamp) -> FeatureTable {
        let live: Vec<&Customer> = data
            .customers
            .iter()
            .filter(|c| c.meta.deleted_at.is_none())
            .collect();
        let row_of: HashMap<Id, usize> = live
            .iter()
            .enumerate()
            .map(|(i, c)| (c.meta.id, i))
            .collect();
        let mut acc: Vec<Acc> = (0..live.len()).map(|_| Acc::default()).collect();
        for o in data.orders.iter().filter(|o| o.meta.deleted_at.is_none()) {
            if let (Some(&r), true) = (row_of.get(&o.customer_id), o.status.is_revenue()) {
                let a = &mut acc[r];
                a.orders += 1.0;
                a.spent += o.total;
                a.last_order = a.last_order.max(Some(o.date));
            }
        }
        for t in data.tickets.iter().filter(|t| t.meta.deleted_at.is_none()) {
            if let Some(&r) = row_of.get(&t.customer_id) {
                let a = &mut acc[r];
                a.tickets += 1.0;
                if let Some(s) = t.satisfaction {
                    a.rated += 1.0;
                    a.satisfaction += s as f64;
                }
            }
        }
        for d in data.deals.iter().filter(|d| d.meta.deleted_at.is_none()) {
            if let Some(&r) = row_of.get(&d.customer_id) {
                acc[r].deals += 1.0;
                acc[r].won |= d.stage.trim().eq_ignore_ascii_case(Pipeline::WON);
            }
        }

        FeatureTable::from_accumulated(&live, &acc, now)
    }

    /// Builds the table at time `now` from the live customers and the
    /// per-customer figures the store's tallies keep (`store::tally`), so
    /// orders, tickets and deals need not be read: the same table as
    /// [`FeatureTable::build`] over the records (spending summed exactly).
    pub fn from_tallies(
        customers: &[Customer],
        orders: &Tally,
        tickets: &Tally,
        deals: &Tally,
        now: Timestamp,
    ) -> FeatureTable {
        let live: Vec<&Customer> = customers
            .iter()
            .filter(|c| c.meta.deleted_at.is_none())
            .collect();
        let acc: Vec<Acc> = live
            .iter()
            .map(|c| {
                let id = c.meta.id;
                let mut a = Acc::default();
                if let Some(buyer) = orders.buyers.get(&id) {
                    a.orders = buyer.days.len() as f64;
                    a.spent = from_micros(buyer.spent);
                    a.last_order = buyer
                        .days
                        .last()
                        .and_then(|d| time::Date::from_julian_day(*d).ok());
                }
                if let Some(&(n, rated, sum)) = tickets.requesters.get(&id) {
                    a.tickets = f64::from(n);
                    a.rated = f64::from(rated);
                    a.satisfaction = f64::from(sum);
                }
                if let Some(&(n, won)) = deals.dealers.get(&id) {
                    a.deals = f64::from(n);
                    a.won = won > 0;
                }
                a
            })
            .collect();
        FeatureTable::from_accumulated(&live, &acc, now)
    }

    /// The table from each live customer and what was added up for it.
    fn from_accumulated(live: &[&Customer], acc: &[Acc], now: Timestamp) -> FeatureTable {
        let today = date_of(now);
        let n = live.len();
        let mut columns = vec![Vec::with_capacity(n); Feature::ALL.len()];
        let ratio = |num: f64, den: f64| if den > 0.0 { num / den } else { f64::NAN };
        let opt = |v: Option<f64>| v.unwrap_or(f64::NAN);
        let mut bought_recently = Vec::with_capacity(n);
        for (c, a) in live.iter().zip(acc) {
            let since_last = a.last_order.map(|d| (today - d).whole_days() as f64);
            let row = [
                opt(c.age_on(today).map(f64::from)),
                opt(c.annual_income),
                opt(c.education.map(education_rank)),
                ((now - c.meta.created_at).max(0) / DAY_MS) as f64,
                a.orders,
                a.spent,
                ratio(a.spent, a.orders),
                opt(since_last),
                a.tickets,
                ratio(a.satisfaction, a.rated),
                a.deals,
            ];
            for (col, v) in columns.iter_mut().zip(row) {
                col.push(v);
            }
            bought_recently
                .push(since_last.is_some_and(|d| (0.0..RECENT_DAYS as f64).contains(&d)));
        }
        FeatureTable {
            as_of: now,
            customer_ids: live.iter().map(|c| c.meta.id).collect(),
            columns,
            lifecycle: live.iter().map(|c| c.lifecycle).collect(),
            segment: live.iter().map(|c| c.segment.clone()).collect(),
            bought_recently,
            has_won_deal: acc.iter().map(|a| a.won).collect(),
        }
    }

    /// A table from plain columns (for tests, benchmarks and imported
    /// matrices): `columns[f]` is the column of `Feature::ALL[f]`; missing
    /// columns are filled with `NaN`, targets with defaults.
    pub fn from_columns(customer_ids: Vec<Id>, mut columns: Vec<Vec<f64>>) -> FeatureTable {
        let n = customer_ids.len();
        columns.resize(Feature::ALL.len(), vec![f64::NAN; n]);
        assert!(
            columns.iter().all(|c| c.len() == n),
            "columns of unequal length"
        );
        FeatureTable {
            as_of: 0,
            customer_ids,
            columns,
            lifecycle: vec![LifecycleStage::Lead; n],
            segment: vec![None; n],
            bought_recently: vec![false; n],
            has_won_deal: vec![false; n],
        }
    }

    /// Number of rows (customers).
    pub fn len(&self) -> usize {
        self.customer_ids.len()
    }

    /// Whether the table has no rows.
    pub fn is_empty(&self) -> bool {
        self.customer_ids.is_empty()
    }

    /// The values of one feature, `NaN` where missing.
    pub fn column(&self, feature: Feature) -> &[f64] {
        &self.columns[feature.index()]
    }
}

/// The rank of an education level (see [`Feature::Education`]).
pub fn education_rank(e: Education) -> f64 {
    Education::ALL.iter().position(|&x| x == e).unwrap_or(0) as f64
}

/// Serde for `Vec<Vec<f64>>` with `NaN` written as `null` (JSON has no NaN).
mod nan_as_null {
    use serde::{Deserialize, Deserializer, Serialize, Serializer};

    pub fn serialize<S: Serializer>(cols: &[Vec<f64>], s: S) -> Result<S::Ok, S::Error> {
        let opt: Vec<Vec<Option<f64>>> = cols
            .iter()
            .map(|c| c.iter().map(|v| (!v.is_nan()).then_some(*v)).collect())
            .collect();
        opt.serialize(s)
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Vec<Vec<f64>>, D::Error> {
        let opt = Vec::<Vec<Option<f64>>>::deserialize(d)?;
        Ok(opt
            .into_iter()
            .map(|c| c.into_iter().map(|v| v.unwrap_or(f64::NAN)).collect())
            .collect())
    }
}
