//! Loading the demo data all-or-nothing. A large demo set (100,000
//! customers, about a million records) is written in batches so the page
//! shows progress and stays responsive; a [`DemoLoad`] records what is
//! being loaded and how many batches have landed, so that a load stopped
//! part-way — cancelled, failed, or cut off by a reload (the app keeps the
//! record in localStorage and looks at it on start-up) — is rolled back
//! whole: the generator is seeded, so the records of the batches written
//! are made again and purged by id. Nothing half-loaded stays behind.

use super::{DemoConfig, DemoGenerator};
use crate::model::{Pipeline, Timestamp};
use crate::store::{ChangeSet, Op, StoreError};
use serde::{Deserialize, Serialize};

/// A demo load under way.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DemoLoad {
    /// What is being generated.
    pub config: DemoConfig,
    /// The time the generator was started with (dates are relative to it).
    pub started_at: Timestamp,
    /// The stages the demo deals land on.
    pub pipeline: Pipeline,
    /// Customers per batch.
    pub batch_size: usize,
    /// Batches written so far.
    pub batches_written: usize,
}

impl DemoLoad {
    /// A load about to start.
    pub fn new(
        config: DemoConfig,
        started_at: Timestamp,
        pipeline: Pipeline,
        batch_size: usize,
    ) -> DemoLoad {
        DemoLoad {
            config,
            started_at,
            pipeline,
            batch_size: batch_size.max(1),
            batches_written: 0,
        }
    }

    /// The generator this load draws its batches from.
    pub fn generator(&self) -> DemoGenerator {
        DemoGenerator::new(self.config, self.started_at).with_pipeline(self.pipeline.clone())
    }

    /// The change set that removes every record of the batches written so
    /// far (made again from the seed), labelled for the user.
    pub fn rollback(&self) -> Result<ChangeSet, StoreError> {
        let mut generator = self.generator();
        let mut changes = ChangeSet::new("Removed a partly loaded demo data set");
        for _ in 0..self.batches_written {
            let Some(batch) = generator.next_batch(self.batch_size) else {
                break;
            };
            for op in batch.to_change_set("")?.ops {
                if let Op::Put {
                    collection,
                    envelope,
                    ..
                } = op
                {
                    changes.ops.push(Op::Purge {
                        collection,
                        id: envelope.id,
                        expected: None,
                    });
                }
            }
        }
        Ok(changes)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::jobs::analyses::tests::run_ready;
    use crate::store::{Collection, MemStore, Store};

    fn counts(store: &MemStore) -> Vec<usize> {
        Collection::ALL
            .into_iter()
            .map(|c| run_ready(store.count(c)).unwrap())
            .collect()
    }

    #[test]
    fn a_load_stopped_part_way_rolls_back_to_exactly_what_was_there() {
        let store = MemStore::new();
        let mut before = ChangeSet::new("mine");
        let mut mine = crate::model::Customer::new(crate::model::Uuid::from_u128(7), 1);
        mine.given_name = "Mine".into();
        before.insert(&mine).unwrap();
        run_ready(store.apply(&before)).unwrap();
        let before = counts(&store);

        let config = DemoConfig {
            seed: 5,
            customers: 300,
        };
        let mut load = DemoLoad::new(config, 1_750_000_000_000, Pipeline::default(), 100);
        let mut generator = load.generator();
        for _ in 0..2 {
            let batch = generator.next_batch(load.batch_size).unwrap();
            run_ready(store.apply(&batch.to_change_set("demo").unwrap())).unwrap();
            load.batches_written += 1;
        }
        assert!(!generator.is_finished());
        assert!(counts(&store)[0] > before[0], "two batches landed");

        // As if the page was reloaded: the record comes back from storage.
        let stored: DemoLoad =
            serde_json::from_str(&serde_json::to_string(&load).unwrap()).unwrap();
        run_ready(store.apply(&stored.rollback().unwrap())).unwrap();
        assert_eq!(counts(&store), before, "nothing of the demo set is left");
        assert!(run_ready(store.get::<crate::model::Customer>(mine.meta.id))
            .unwrap()
            .is_some());
    }

    #[test]
    fn nothing_written_rolls_back_nothing() {
        let load = DemoLoad::new(DemoConfig::default(), 0, Pipeline::default(), 500);
        assert!(load.rollback().unwrap().is_empty());
    }
}
