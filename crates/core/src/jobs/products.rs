//! The "customers who bought … also bought" job for the Insight page: every
//! product (for its picker) and the products bought by the same customers as
//! the chosen one, read from every live customer's purchases in the worker.

use super::{Job, JobError, ProgressFn};
use crate::i18n::jobs as jt;
use crate::insight::{self, AlsoBought, Recommender};
use crate::model::{Customer, Id, Order, Record, Timestamp};
use crate::store::Store;
use serde::{Deserialize, Serialize};
use std::collections::HashSet;

/// Which product to look up, and how many companions at most.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct AlsoBoughtInput {
    /// The product's name (blank: only the product list comes back).
    pub product: String,
    /// How many products at most.
    pub k: usize,
}

/// Every product, and what buyers of the chosen one also bought.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct AlsoBoughtReport {
    /// Every product bought by a live customer, sorted by name.
    pub products: Vec<String>,
    /// The products most often bought with the chosen one, best first.
    pub also: Vec<AlsoBought>,
}

/// "Customers who bought this also bought" over the store's purchases.
pub struct AlsoBoughtJob;

impl Job for AlsoBoughtJob {
    const NAME: &'static str = "also-bought";
    type Input = AlsoBoughtInput;
    type Output = AlsoBoughtReport;

    async fn run<S: Store>(
        store: &S,
        input: AlsoBoughtInput,
        _now: Timestamp,
        progress: ProgressFn<'_>,
    ) -> Result<AlsoBoughtReport, JobError> {
        progress(0.0, jt::reading_orders());
        let customers: Vec<Customer> = store.all().await?;
        let live: HashSet<Id> = customers
            .iter()
            .filter(|c| !c.is_deleted())
            .map(|c| c.meta.id)
            .collect();
        let orders: Vec<Order> = store.all().await?;
        let orders: Vec<Order> = orders
            .into_iter()
            .filter(|o| live.contains(&o.customer_id) && insight::is_purchase(o))
            .collect();
        progress(0.5, jt::comparing_products());
        let recommender = Recommender::new(&orders);
        Ok(AlsoBoughtReport {
            also: recommender.also_bought(&input.product, input.k),
            products: recommender.products().to_vec(),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::jobs::analyses::tests::{demo_store, run_ready, NOW};
    use crate::jobs::run_named;
    use crate::store::MemStore;

    fn run(store: &MemStore, input: &AlsoBoughtInput) -> AlsoBoughtReport {
        let input = serde_json::to_string(input).unwrap();
        let out = run_ready(run_named(
            store,
            AlsoBoughtJob::NAME,
            &input,
            NOW,
            &mut |_, _| {},
        ))
        .unwrap();
        serde_json::from_str(&out).unwrap()
    }

    #[test]
    fn also_bought_lists_every_product_and_the_recommenders_companions() {
        let store = demo_store(300);
        let orders: Vec<Order> = run_ready(store.all()).unwrap();
        let orders: Vec<Order> = orders.into_iter().filter(insight::is_purchase).collect();
        let reference = Recommender::new(&orders);
        let blank = run(&store, &AlsoBoughtInput::default());
        assert_eq!(blank.products, reference.products());
        assert!(blank.products.len() > 1);
        assert!(blank.also.is_empty());
        let product = blank.products[0].clone();
        let report = run(
            &store,
            &AlsoBoughtInput {
                product: product.clone(),
                k: 5,
            },
        );
        assert_eq!(report.also, reference.also_bought(&product, 5));
        assert!(!report.also.is_empty() && report.also.len() <= 5);
        assert!(report
            .also
            .iter()
            .all(|a| a.product != product && a.together > 0));
        assert_eq!(crate::jobs::reads_store(AlsoBoughtJob::NAME), Some(true));
    }

    #[test]
    fn an_unknown_product_has_no_companions_and_an_empty_store_no_products() {
        let store = demo_store(100);
        let input = AlsoBoughtInput {
            product: "No such thing".into(),
            k: 5,
        };
        assert!(run(&store, &input).also.is_empty());
        let empty = run(&MemStore::new(), &input);
        assert_eq!(empty, AlsoBoughtReport::default());
    }
}
