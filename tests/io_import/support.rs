//! Helpers shared by the import tests: reading fixtures, running MemStore
//! futures, a store with prior records, and the import run as the page
//! runs it.

use std::future::Future;
use std::pin::pin;
use std::task::{Context, Poll, Waker};

pub use rapport::io::import::{
    auto_map, auto_map_orders, plan_revert, report_csv, revert, CsvReader, CustomerImport,
    Delimiter, DuplicatePolicy, ImportError, OrderOptions, OrdersImport, Preset, ReadOptions,
    RowIssue, SourceRow, EXTERNAL_ID_FIELD,
};
pub use rapport::model::{
    CustomValue, Customer, ImportBatch, ImportCounts, Interaction, LifecycleStage, Order, Record,
    Uuid,
};
pub use rapport::store::{ChangeSet, Collection, Envelope, MemStore, Store, COLLECTIONS};
pub use time::macros::date;

pub const NOW: i64 = 1_750_000_000_000;

/// Runs a future that never waits (MemStore's futures are ready at once).
pub fn run<F: Future>(future: F) -> F::Output {
    let mut cx = Context::from_waker(Waker::noop());
    match pin!(future).poll(&mut cx) {
        Poll::Ready(out) => out,
        Poll::Pending => panic!("MemStore futures complete without waiting"),
    }
}

pub fn fixture(name: &str) -> Vec<u8> {
    let path = format!(
        "{}/tests/fixtures/import/{name}",
        env!("CARGO_MANIFEST_DIR")
    );
    std::fs::read(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

/// Reads a whole file in slices of `chunk` bytes.
pub fn read(bytes: &[u8], chunk: usize) -> Result<(CsvReader, Vec<SourceRow>), ImportError> {
    let mut reader = CsvReader::new(ReadOptions::default());
    let mut rows = Vec::new();
    for part in bytes.chunks(chunk) {
        reader.feed(part)?;
        rows.extend(reader.take_rows());
    }
    reader.finish()?;
    rows.extend(reader.take_rows());
    Ok((reader, rows))
}

/// A store with two customers (one with an external id) and an order.
pub fn store_with_customers() -> MemStore {
    let store = MemStore::new();
    let mut ada = Customer::new(Uuid::from_u128(1), NOW - 1000);
    ada.given_name = "Ada".into();
    ada.family_name = "Byron".into();
    ada.emails = vec!["ada@example.com".into()];
    ada.phones = vec!["+442079460958".into()];
    let mut two = Customer::new(Uuid::from_u128(2), NOW - 1000);
    two.given_name = "Second".into();
    two.custom_fields
        .insert(EXTERNAL_ID_FIELD.into(), CustomValue::Text("00002".into()));
    let order = Order::new(
        Uuid::from_u128(3),
        NOW - 1000,
        two.id(),
        date!(2020 - 01 - 01),
        rapport::model::OrderStatus::Order,
        vec![rapport::model::LineItem::new("Book", 1.0, 10.0)],
        "USD",
    );
    let mut cs = ChangeSet::new("seed");
    cs.insert(&ada)
        .unwrap()
        .insert(&two)
        .unwrap()
        .insert(&order)
        .unwrap();
    run(store.apply(&cs)).unwrap();
    store
}

pub fn snapshot(store: &MemStore) -> Vec<Vec<Envelope>> {
    COLLECTIONS
        .iter()
        .map(|c| run(store.envelopes(Collection::named(c))).unwrap())
        .collect()
}

/// A different seed for each import, so two imports into one store never
/// draw the same ids.
pub fn next_seed() -> u64 {
    static SEED: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(1);
    SEED.fetch_add(1, std::sync::atomic::Ordering::Relaxed)
}

pub struct Imported {
    pub preset: Option<Preset>,
    pub counts: ImportCounts,
    pub issues: Vec<RowIssue>,
    pub batch: ImportBatch,
}

/// The whole customers import as the page runs it: slices of 1,000 bytes,
/// rows handed over after each, one change set applied at the end.
pub fn import_customers(
    store: &MemStore,
    bytes: &[u8],
    policy: DuplicatePolicy,
) -> Result<Imported, (ImportError, Vec<RowIssue>)> {
    let mut reader = CsvReader::new(ReadOptions::default());
    let mut import: Option<(Option<Preset>, CustomerImport)> = None;
    let existing: Vec<Customer> = run(store.all()).unwrap();
    let step = |reader: &mut CsvReader, import: &mut Option<(Option<Preset>, CustomerImport)>| {
        if import.is_none() && reader.header_known() {
            let header = reader.header().unwrap_or_default().to_vec();
            let (preset, mapping) = auto_map(&header);
            let job = CustomerImport::new(header, mapping, existing.clone(), policy, NOW);
            *import = Some((preset, job.with_seed(next_seed())));
        }
        if let Some((_, job)) = import.as_mut() {
            job.add_rows(reader.take_rows());
        }
    };
    let fail = |e| (e, Vec::new());
    for part in bytes.chunks(1000) {
        reader.feed(part).map_err(fail)?;
        step(&mut reader, &mut import);
    }
    reader.finish().map_err(fail)?;
    step(&mut reader, &mut import);
    let (preset, job) = import.expect("a header was read");
    let issues = job.issues().to_vec();
    let counts = job.summary();
    let (changes, batch) = job
        .into_change_set("Import of test.csv", "test.csv")
        .map_err(|e| (e, issues.clone()))?;
    run(store.apply(&changes)).unwrap();
    Ok(Imported {
        preset,
        counts,
        issues,
        batch,
    })
}

pub fn customers(store: &MemStore) -> Vec<Customer> {
    let mut all: Vec<Customer> = run(store.all()).unwrap();
    all.sort_by_key(|c| c.name_key());
    all
}

pub fn find(store: &MemStore, email: &str) -> Customer {
    customers(store)
        .into_iter()
        .find(|c| c.emails.iter().any(|e| e == email))
        .unwrap_or_else(|| panic!("no customer with {email}"))
}

pub fn issue(row: usize, column: &str, message: &str) -> RowIssue {
    RowIssue {
        row,
        column: column.into(),
        message: message.into(),
        skipped: true,
    }
}

/// An orders import run like the page does.
pub fn import_orders(
    store: &MemStore,
    bytes: &[u8],
) -> Result<(ImportCounts, Vec<RowIssue>, ImportBatch), ImportError> {
    let (reader, rows) = read(bytes, 64)?;
    let header = reader.header().map(<[String]>::to_vec);
    let width = rows.first().map_or(0, |r| r.cells.len());
    let mapping = auto_map_orders(header.as_deref(), width);
    let existing: Vec<Customer> = run(store.all()).unwrap();
    let mut job = OrdersImport::new(header, mapping, &existing, OrderOptions::default(), NOW)?
        .with_seed(next_seed());
    job.add_rows(rows);
    let (counts, issues) = (job.summary(), job.issues().to_vec());
    let (changes, batch) = job.into_change_set("Import of orders", "orders.txt")?;
    run(store.apply(&changes)).unwrap();
    Ok((counts, issues, batch))
}
