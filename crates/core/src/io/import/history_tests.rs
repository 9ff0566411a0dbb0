//! A 1997–98 purchase log, end to end in the core: recognised as orders,
//! imported with its quantities, imported again without doubling, and
//! summarised over all time as pandas does. The log and the reference are
//! written by `crates/core/tests/fixtures/history/make_reference.py` (see
//! its docstring); the log lives with the import fixtures at the top of the
//! repository so the end-to-end test uses the same file.

use std::future::Future;
use std::path::PathBuf;
use std::pin::pin;
use std::task::{Context, Poll, Waker};

use serde::Deserialize;
use time::macros::date;
use time::Date;

use super::{
    auto_map_orders, propose_kind, CsvReader, FileKind, ImportError, OrderOptions, OrderTarget,
    OrdersImport, ReadOptions, SourceRow,
};
use crate::analytics::dashboard::{summarise, Sources};
use crate::analytics::period::Period;
use crate::analytics::sales::totals_by_month;
use crate::model::{Customer, Order, Pipeline};
use crate::store::{MemStore, Store};

const NOW: i64 = 1_750_000_000_000;
const TODAY: Date = date!(2025 - 06 - 15);

#[derive(Deserialize)]
struct Reference {
    rows: usize,
    first: String,
    last: String,
    revenue_total: f64,
    revenue_by_month: Vec<(String, f64)>,
    buyers: usize,
    repeat_buyers: usize,
    items: usize,
}

fn path(parts: &[&str]) -> PathBuf {
    std::iter::once(env!("CARGO_MANIFEST_DIR"))
        .chain(parts.iter().copied())
        .collect()
}

fn reference() -> Reference {
    let file = path(&["tests/fixtures/history/reference.json"]);
    let text = std::fs::read_to_string(&file)
        .unwrap_or_else(|e| panic!("reading {}: {e}", file.display()));
    serde_json::from_str(&text).expect("reference.json")
}

/// The log's header and rows, read in slices as the page reads a file.
fn purchase_log() -> (Option<Vec<String>>, Vec<SourceRow>) {
    let file = path(&["../../tests/fixtures/import/purchase_log_1997.txt"]);
    let bytes = std::fs::read(&file).unwrap_or_else(|e| panic!("reading {}: {e}", file.display()));
    let mut reader = CsvReader::new(ReadOptions::default());
    let mut rows = Vec::new();
    for slice in bytes.chunks(300) {
        reader.feed(slice).expect("a readable log");
        rows.extend(reader.take_rows());
    }
    reader.finish().expect("a readable log");
    rows.extend(reader.take_rows());
    (reader.header().map(<[String]>::to_vec), rows)
}

/// Runs a future that never waits (MemStore's futures are ready at once).
fn run_ready<F: Future>(future: F) -> F::Output {
    match pin!(future).poll(&mut Context::from_waker(Waker::noop())) {
        Poll::Ready(out) => out,
        Poll::Pending => panic!("MemStore futures complete without waiting"),
    }
}

/// An orders import of the log against what `store` holds, as the page
/// runs it.
fn import(store: &MemStore, seed: u64) -> OrdersImport {
    let (header, rows) = purchase_log();
    let mapping = auto_map_orders(header.as_deref(), rows.first().map_or(0, |r| r.cells.len()));
    let customers: Vec<Customer> = run_ready(store.all()).unwrap();
    let orders: Vec<Order> = run_ready(store.all()).unwrap();
    let mut job = OrdersImport::new(header, mapping, &customers, OrderOptions::default(), NOW)
        .unwrap()
        .with_seed(seed)
        .with_stored_orders(&orders);
    job.add_rows(rows);
    job
}

fn save(store: &MemStore, job: OrdersImport) -> Result<(), ImportError> {
    let (changes, _) = job.into_change_set("Import of purchase_log_1997.txt", "log")?;
    run_ready(store.apply(&changes)).unwrap();
    Ok(())
}

#[test]
fn the_purchase_log_is_proposed_as_orders_with_number_of_items_as_quantity() {
    let (header, rows) = purchase_log();
    let header = header.expect("the log has a header");
    assert_eq!(header, ["customer_id", "date", "number_of_items", "amount"]);
    let guess = propose_kind(Some(&header), &rows[..5]).unwrap();
    assert_eq!(guess.kind, FileKind::Orders, "{}", guess.reason);
    let mapping = auto_map_orders(Some(&header), header.len());
    assert_eq!(mapping.column(OrderTarget::Quantity), Some(2));
}

#[test]
fn the_purchase_log_imports_every_row_with_its_quantity_and_amount() {
    let reference = reference();
    let store = MemStore::new();
    let job = import(&store, 1);
    assert!(job.issues().is_empty(), "{:?}", job.issues());
    let counts = job.summary();
    assert_eq!(
        (counts.rows, counts.created),
        (reference.rows, reference.rows)
    );
    assert_eq!(counts.customers_created, reference.buyers);
    assert_eq!(job.duplicate_warning(), None);
    save(&store, job).unwrap();
    let orders: Vec<Order> = run_ready(store.all()).unwrap();
    let items: f64 = orders
        .iter()
        .flat_map(|o| &o.line_items)
        .map(|l| l.quantity)
        .sum();
    assert_eq!(items, reference.items as f64);
    let total: f64 = orders.iter().map(|o| o.total).sum();
    assert!((total - reference.revenue_total).abs() < 1e-6, "{total}");
}

#[test]
fn importing_the_same_log_again_warns_and_skips_every_order() {
    let store = MemStore::new();
    save(&store, import(&store, 1)).unwrap();
    let again = import(&store, 2);
    let counts = again.summary();
    assert_eq!((counts.created, counts.duplicates), (0, 60));
    assert_eq!(counts.customers_created, 0, "the customers are found again");
    assert!(again.preview(10).is_empty());
    assert_eq!(
        again.duplicate_warning().as_deref(),
        Some(
            "60 orders are already in Rapport (same customer, date, amount and order number) \
             and will be skipped. Was this file imported before?"
        )
    );
    assert!(matches!(
        save(&store, again),
        Err(ImportError::NothingToImport { duplicates: 60, .. })
    ));
    let orders: Vec<Order> = run_ready(store.all()).unwrap();
    assert_eq!(orders.len(), 60, "nothing stored twice");
}

#[test]
fn the_dashboard_over_all_time_matches_pandas_month_by_month() {
    let reference = reference();
    let store = MemStore::new();
    save(&store, import(&store, 1)).unwrap();
    let orders: Vec<Order> = run_ready(store.all()).unwrap();
    let created: Vec<i64> = vec![NOW; reference.buyers];
    let sources = Sources {
        customers_created: &created,
        orders: &orders,
        deals: &[],
        pipeline: &Pipeline::default(),
        tickets: &[],
        campaigns: &[],
    };
    let span = sources.data_span().expect("orders");
    assert_eq!(
        (span.0.to_string(), span.1.to_string()),
        (reference.first.clone(), reference.last.clone())
    );
    let period = Period::holding(TODAY, Some(span));
    assert_eq!(period, Period::AllTime);
    let bounds = period.bounds(TODAY, Some(span));
    let d = summarise(sources, bounds);
    let ours: Vec<(String, f64)> = d
        .revenue
        .iter()
        .map(|m| (m.month.to_string(), m.value))
        .collect();
    assert_eq!(ours.len(), reference.revenue_by_month.len());
    for ((month, value), (want_month, want)) in ours.iter().zip(&reference.revenue_by_month) {
        assert_eq!(month, want_month);
        assert!((value - want).abs() < 0.005, "{month}: {value} vs {want}");
    }
    assert!((d.revenue_total() - reference.revenue_total).abs() < 0.005);
    assert_eq!(
        (d.buyers, d.repeat_buyers),
        (reference.buyers, reference.repeat_buyers)
    );
    assert_eq!(d.revenue_orders, reference.rows);
    let table = totals_by_month(&orders, bounds.0, bounds.1);
    assert_eq!(table.len(), 18);
    assert_eq!(
        table.last().map(|m| m.month.to_string()),
        Some(reference.first)
    );
}
