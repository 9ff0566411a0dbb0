//! A store written by the previous release (schema 6: pages, no tallies)
//! opens in this one (schema 7) with nothing lost, and the Dashboard and
//! the Orders totals, which now read the tallies, add up what it holds. The
//! fixture `fixtures/release-6-store.json` is the raw IndexedDB content of
//! that release after loading the 2,000-customer demo set and adding a
//! customer and a note by hand (this tree's ignored
//! `upgrade::dump_the_store_of_the_release_under_test`, which also dumps the
//! out-of-line keys, run with `RAPPORT_DIST` naming that release's `dist/`,
//! built from commit bbf5337), trimmed by `fixtures/trim_paged_store.py` to
//! 45 customers and the 562 records that refer only to them.

use crate::backup::download_backup;
use crate::customers::listed_total;
use crate::harness::Browser;
use crate::upgrade::restore_dump;
use rapport::analytics::dashboard::Dashboard;
use rapport::jobs::dashboard::{report, DashboardInput};
use rapport::model::{date_of, Campaign, Customer, Deal, Order, Pipeline, Record, Ticket};
use std::collections::BTreeMap;
use std::path::PathBuf;

fn fixture() -> String {
    let path =
        PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/e2e/fixtures/release-6-store.json");
    std::fs::read_to_string(path).expect("read the fixture")
}

/// Every record's JSON in the dump's pages, by collection and id.
fn records_in_pages(dump: &serde_json::Value) -> BTreeMap<String, BTreeMap<String, String>> {
    let store = |name: &str| {
        dump["stores"]
            .as_array()
            .and_then(|s| s.iter().find(|s| s["name"] == name))
            .expect("the store in the fixture")
            .clone()
    };
    let (heads, bodies) = (store("heads"), store("bodies"));
    let mut out: BTreeMap<String, BTreeMap<String, String>> = BTreeMap::new();
    let keys = heads["keys"].as_array().expect("keys");
    for (i, key) in keys.iter().enumerate() {
        let collection = key[0].as_str().expect("a collection").to_string();
        let head: serde_json::Value =
            serde_json::from_str(heads["values"][i].as_str().expect("a head")).expect("JSON");
        let body_at = bodies["keys"]
            .as_array()
            .and_then(|k| k.iter().position(|k| k == key))
            .expect("the page's body");
        let body = bodies["values"][body_at].as_str().expect("a body");
        let records = head["heads"].as_array().expect("heads");
        let texts: Vec<&str> = if records.is_empty() {
            Vec::new()
        } else {
            body.split(",\n").collect()
        };
        assert_eq!(texts.len(), records.len(), "{collection} page");
        for (h, text) in records.iter().zip(texts) {
            let json = h["raw"].as_str().unwrap_or(text).to_string();
            out.entry(collection.clone())
                .or_default()
                .insert(h["id"].as_str().expect("an id").to_string(), json);
        }
    }
    out
}

fn typed<R: serde::de::DeserializeOwned>(records: &BTreeMap<String, String>) -> Vec<R> {
    records
        .values()
        .map(|json| serde_json::from_str(json).expect("a record"))
        .collect()
}

/// The Dashboard as the release's own records add up (the reference).
fn expected_dashboard(records: &BTreeMap<String, BTreeMap<String, String>>) -> Dashboard {
    let empty = BTreeMap::new();
    let of = |name: &str| records.get(name).unwrap_or(&empty);
    let customers: Vec<Customer> = typed(of("customers"));
    let created: Vec<i64> = customers
        .iter()
        .filter(|c| !c.is_deleted())
        .map(|c| c.meta.created_at)
        .collect();
    let orders: Vec<Order> = typed(of("orders"));
    let deals: Vec<Deal> = typed(of("deals"));
    let tickets: Vec<Ticket> = typed(of("tickets"));
    let campaigns: Vec<Campaign> = typed(of("campaigns"));
    let now = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .expect("a clock after 1970")
        .as_millis() as i64;
    let input = DashboardInput {
        chosen: None,
        today: date_of(now),
        pipeline: Pipeline::default(),
    };
    report(&created, &orders, &deals, &tickets, &campaigns, &input).dashboard
}

/// The Dashboard's KPI values by label.
async fn kpis(browser: &Browser) -> BTreeMap<String, String> {
    let pairs = browser
        .eval(
            "return [...document.querySelectorAll('.kpi')].map(k => \
               [k.querySelector('.kpi-label').textContent, k.querySelector('.kpi-value').textContent])",
        )
        .await;
    serde_json::from_value::<Vec<(String, String)>>(pairs)
        .expect("label and value pairs")
        .into_iter()
        .collect()
}

fn kpi<'a>(kpis: &'a BTreeMap<String, String>, label_starts: &str) -> &'a str {
    kpis.iter()
        .find(|(label, _)| label.starts_with(label_starts))
        .map(|(_, value)| value.as_str())
        .unwrap_or_else(|| panic!("a KPI “{label_starts}…” in {kpis:?}"))
}

#[tokio::test(flavor = "current_thread")]
async fn a_store_written_by_the_schema_6_release_opens_with_every_record_and_its_dashboard_adds_up()
{
    let fixture = fixture();
    let dump: serde_json::Value = serde_json::from_str(&fixture).expect("the fixture is JSON");
    assert_eq!(dump["version"], 6, "the fixture is a schema-6 store");
    let records = records_in_pages(&dump);
    let expected = expected_dashboard(&records);
    assert!(expected.revenue_orders > 0 && expected.customers > 0);

    let browser = Browser::start().await;
    restore_dump(&browser, &fixture).await;

    browser.open("customers").await;
    browser.expect_heading("Customers").await;
    browser
        .expect_true(
            &format!(
                "(document.querySelector('.result-count')?.textContent ?? '').includes('{} customers')",
                expected.customers
            ),
            "every customer listed",
        )
        .await;
    assert_eq!(listed_total(&browser).await, expected.customers);

    // The Dashboard reads the tallies, which the first read counts from
    // the release's pages.
    browser.click_link("Dashboard").await;
    browser.expect_heading("Dashboard").await;
    browser
        .expect_true(
            "document.querySelectorAll('.kpis .kpi').length >= 8",
            "the KPIs",
        )
        .await;
    let shown = kpis(&browser).await;
    assert_eq!(
        kpi(&shown, "Customers"),
        expected.customers.to_string(),
        "{shown:?}"
    );
    assert_eq!(
        kpi(&shown, "New customers"),
        expected.new_customers_total().to_string()
    );
    assert_eq!(kpi(&shown, "Orders"), expected.revenue_orders.to_string());
    assert_eq!(
        kpi(&shown, "Open tickets"),
        expected.open_tickets.to_string()
    );

    // The database is at schema 7, with a tally for every page that keeps one.
    let shape = browser
        .client
        .execute_async(
            "const done = arguments[arguments.length - 1]; \
             const open = indexedDB.open('rapport'); \
             open.onsuccess = () => { const db = open.result; \
               const txn = db.transaction(['tallies'], 'readonly'); \
               const n = txn.objectStore('tallies').count(); \
               n.onsuccess = () => { \
                 const r = { version: db.version, stores: [...db.objectStoreNames].sort(), tallies: n.result }; \
                 db.close(); done(r); }; };",
            vec![],
        )
        .await
        .expect("read the database's shape");
    assert_eq!(shape["version"], 7);
    assert_eq!(
        shape["stores"],
        serde_json::json!(["bodies", "heads", "meta", "tallies"])
    );
    assert!(shape["tallies"].as_u64().unwrap_or(0) >= 4, "{shape}");

    // A backup holds every record exactly as the release stored it.
    browser.click_link("Import & export").await;
    browser.expect_heading("Import & export").await;
    let backup = download_backup(&browser).await;
    let backup: serde_json::Value = serde_json::from_str(&backup).expect("the backup is JSON");
    let mut compared = 0;
    for (collection, old) in &records {
        let now: BTreeMap<String, serde_json::Value> = backup["collections"][collection]
            .as_array()
            .map(Vec::as_slice)
            .unwrap_or_default()
            .iter()
            .map(|r| (r["id"].as_str().expect("an id").to_string(), r.clone()))
            .collect();
        assert_eq!(
            now.keys().collect::<Vec<_>>(),
            old.keys().collect::<Vec<_>>(),
            "the ids of {collection}"
        );
        for (id, json) in old {
            let was: serde_json::Value = serde_json::from_str(json).expect("JSON");
            assert_eq!(&now[id], &was, "{collection} {id}");
        }
        compared += old.len();
    }
    assert!(compared > 100, "{compared} records compared");
    browser.close().await;
}
