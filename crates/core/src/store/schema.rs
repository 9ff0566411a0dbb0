//! The IndexedDB schema, as a list of migrations. Version N of the database
//! is what migrations 1..=N create; opening an older database runs the
//! missing ones inside the browser's upgrade transaction, so every record is
//! kept. Pure data, so it can be read (and tested) natively; `idb/upgrade.rs`
//! applies it ([`upgrade_plan`] says exactly what it runs).
//!
//! Versions 1–5 kept one IndexedDB value per record, in one object store per
//! collection with IndexedDB indexes; version 6 ([`Step::ToPages`]) moves
//! every record into the paged layout of [`super::page`]: the stores
//! [`HEADS`], [`BODIES`] and [`META`]; version 7 adds [`TALLIES`].

/// One index on an object store.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct IndexSpec {
    /// The object store.
    pub store: &'static str,
    /// The index name.
    pub name: &'static str,
    /// The envelope field (or fields) it is keyed on.
    pub key_path: &'static [&'static str],
    /// Whether each element of an array key is its own entry.
    pub multi_entry: bool,
}

/// What one migration does.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Step {
    /// Create an object store keyed on `id`.
    CreateStore(&'static str),
    /// Create an index (existing records are indexed by the browser).
    CreateIndex(IndexSpec),
    /// Re-derive every envelope of a store from its JSON, so fields that an
    /// older version did not write (and new indexes need) are filled in.
    Reindex(&'static str),
    /// Create the page stores ([`HEADS`], [`BODIES`], [`META`], keyed out of
    /// line), move every record of every collection store into pages (a
    /// record whose index keys cannot be re-derived is kept as it was, and
    /// reported), and delete the collection stores.
    ToPages,
    /// Create [`TALLIES`] (keyed out of line like the pages), empty: a page
    /// without a tally is counted from its records when a tally is read and
    /// given one then (see `store::tally`).
    CreateTallies,
}

/// The page store holding each page's head (`[collection, page]` → string).
pub const HEADS: &str = "heads";
/// The page store holding each page's body (`[collection, page]` → string).
pub const BODIES: &str = "bodies";
/// Each collection's generation (`collection` → number), bumped by every
/// write to it, so other connections know their catalog is stale.
pub const META: &str = "meta";
/// Each page's tally (`[collection, page]` → string), for the collections
/// that keep one (`store::tally`), written with the page.
pub const TALLIES: &str = "tallies";

/// One schema version.
#[derive(Debug, Clone, Copy)]
pub struct Migration {
    /// The version this migration brings the database to.
    pub version: u32,
    /// What changes, for people reading the code.
    pub summary: &'static str,
    /// The steps, in order.
    pub steps: &'static [Step],
}

const fn index(
    store: &'static str,
    name: &'static str,
    key_path: &'static [&'static str],
    multi_entry: bool,
) -> Step {
    Step::CreateIndex(IndexSpec {
        store,
        name,
        key_path,
        multi_entry,
    })
}

/// Every migration, oldest first. Append; never edit a released one.
pub const MIGRATIONS: &[Migration] = &[
    Migration {
        version: 1,
        summary: "collections with customer, email, name and update-time indexes",
        steps: &[
            Step::CreateStore("customers"),
            Step::CreateStore("interactions"),
            Step::CreateStore("tasks"),
            Step::CreateStore("orders"),
            Step::CreateStore("deals"),
            Step::CreateStore("tickets"),
            Step::CreateStore("campaigns"),
            Step::CreateStore("relationships"),
            index("customers", "by_email", &["emails"], true),
            index("customers", "by_name", &["name"], false),
            index("customers", "by_updated", &["updated_at", "id"], false),
            index("interactions", "by_customer", &["customers"], true),
            index("interactions", "by_updated", &["updated_at", "id"], false),
            index("tasks", "by_customer", &["customers"], true),
            index("orders", "by_customer", &["customers"], true),
            index("orders", "by_updated", &["updated_at", "id"], false),
            index("deals", "by_customer", &["customers"], true),
            index("tickets", "by_customer", &["customers"], true),
            index("tickets", "by_updated", &["updated_at", "id"], false),
            index("relationships", "by_customer", &["customers"], true),
            index("campaigns", "by_customer", &["customers"], true),
        ],
    },
    Migration {
        version: 2,
        summary: "tag index on customers (version 1 envelopes lacked tags: reindexed); \
                  update-time indexes on every collection",
        steps: &[
            Step::Reindex("customers"),
            index("customers", "by_tag", &["tags"], true),
            index("tasks", "by_updated", &["updated_at", "id"], false),
            index("deals", "by_updated", &["updated_at", "id"], false),
            index("campaigns", "by_updated", &["updated_at", "id"], false),
            index("relationships", "by_updated", &["updated_at", "id"], false),
        ],
    },
    Migration {
        version: 3,
        summary: "import batches (one record per import, for reverting it as a whole)",
        steps: &[
            Step::CreateStore("imports"),
            index("imports", "by_updated", &["updated_at", "id"], false),
        ],
    },
    Migration {
        version: 4,
        summary: "the latest propensity model's scores (the Customers list's Likelihood column)",
        steps: &[
            Step::CreateStore("scores"),
            index("scores", "by_updated", &["updated_at", "id"], false),
        ],
    },
    Migration {
        version: 5,
        summary: "settings that belong with the data: the pipeline's stages (from localStorage)",
        steps: &[
            Step::CreateStore("settings"),
            index("settings", "by_updated", &["updated_at", "id"], false),
        ],
    },
    Migration {
        version: 6,
        summary: "the paged layout: a collection's records in pages of up to 500, one head and \
                  one body value per page, instead of one value per record with IndexedDB indexes",
        steps: &[Step::ToPages],
    },
    Migration {
        version: 7,
        summary: "per-page tallies (the sums the Dashboard and the Orders totals show), kept by \
                  every write so a visit reads a few small values instead of every record",
        steps: &[Step::CreateTallies],
    },
];

/// The schema version this build writes.
pub const SCHEMA_VERSION: u32 = MIGRATIONS[MIGRATIONS.len() - 1].version;

/// The migrations that take a database from `old` to `new`.
pub fn migrations_between(old: u32, new: u32) -> impl Iterator<Item = &'static Migration> {
    MIGRATIONS
        .iter()
        .filter(move |m| m.version > old && m.version <= new)
}

/// What an upgrade from `old` to `new` runs.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct UpgradePlan {
    /// The steps, in order.
    pub steps: Vec<Step>,
    /// The stores whose [`Step::Reindex`] was left out because a later
    /// [`Step::ToPages`] re-derives their envelopes while it moves them (a
    /// reindex's writes would land after the move had read the store).
    pub rebuild_on_paging: Vec<&'static str>,
}

/// The steps that take a database from `old` to `new`.
pub fn upgrade_plan(old: u32, new: u32) -> UpgradePlan {
    let all: Vec<Step> = migrations_between(old, new)
        .flat_map(|m| m.steps.iter().copied())
        .collect();
    let paged_at = all.iter().rposition(|s| *s == Step::ToPages);
    let mut plan = UpgradePlan::default();
    for (i, step) in all.into_iter().enumerate() {
        match step {
            Step::Reindex(store) if paged_at.is_some_and(|p| i < p) => {
                plan.rebuild_on_paging.push(store)
            }
            step => plan.steps.push(step),
        }
    }
    plan
}

/// The object stores a database at `version` has.
pub fn stores_at(version: u32) -> Vec<&'static str> {
    let mut stores = Vec::new();
    for step in upgrade_plan(0, version).steps {
        match step {
            Step::CreateStore(s) => stores.push(s),
            Step::ToPages => stores = vec![HEADS, BODIES, META],
            Step::CreateTallies => stores.push(TALLIES),
            Step::CreateIndex(_) | Step::Reindex(_) => {}
        }
    }
    stores
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn versions_are_consecutive_from_one() {
        for (i, m) in MIGRATIONS.iter().enumerate() {
            assert_eq!(m.version as usize, i + 1);
        }
    }

    #[test]
    fn every_index_is_on_a_store_created_no_later_than_it() {
        let mut stores = Vec::new();
        for m in MIGRATIONS {
            for step in m.steps {
                match step {
                    Step::CreateStore(s) => stores.push(*s),
                    Step::CreateIndex(i) => {
                        assert!(stores.contains(&i.store), "{} before its store", i.name)
                    }
                    Step::Reindex(s) => assert!(stores.contains(s)),
                    Step::ToPages => {
                        for c in crate::store::COLLECTIONS {
                            assert!(stores.contains(c), "no store for {c} to move into pages");
                        }
                    }
                    Step::CreateTallies => {}
                }
            }
        }
    }

    #[test]
    fn the_current_schema_is_the_paged_layout_with_tallies() {
        assert_eq!(
            stores_at(SCHEMA_VERSION),
            vec![HEADS, BODIES, META, TALLIES]
        );
        assert_eq!(stores_at(6), vec![HEADS, BODIES, META]);
        let mut five = stores_at(5);
        five.sort_unstable();
        let mut collections = crate::store::COLLECTIONS.to_vec();
        collections.sort_unstable();
        assert_eq!(five, collections, "version 5: one store per collection");
    }

    #[test]
    fn moving_to_pages_takes_over_the_reindex_of_older_versions() {
        let from_one = upgrade_plan(1, SCHEMA_VERSION);
        assert_eq!(from_one.rebuild_on_paging, vec!["customers"]);
        assert!(!from_one.steps.iter().any(|s| matches!(s, Step::Reindex(_))));
        assert_eq!(
            from_one.steps[from_one.steps.len() - 2..],
            [Step::ToPages, Step::CreateTallies]
        );
        let from_five = upgrade_plan(5, SCHEMA_VERSION);
        assert_eq!(from_five.steps, vec![Step::ToPages, Step::CreateTallies]);
        assert!(from_five.rebuild_on_paging.is_empty());
        // An older build creating version 2 still reindexes in place.
        let to_two = upgrade_plan(1, 2);
        assert!(to_two.steps.contains(&Step::Reindex("customers")));
        assert!(to_two.rebuild_on_paging.is_empty());
    }

    #[test]
    fn upgrading_from_one_runs_only_later_migrations() {
        let versions: Vec<u32> = migrations_between(1, SCHEMA_VERSION)
            .map(|m| m.version)
            .collect();
        assert_eq!(versions, (2..=SCHEMA_VERSION).collect::<Vec<_>>());
    }
}
