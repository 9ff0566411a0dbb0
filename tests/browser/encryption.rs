//! Encryption at rest on real IndexedDB: the raw stored values hold no
//! plaintext customer field while encryption is on, a fresh connection is
//! locked, a wrong passphrase is refused and changes nothing, the right one
//! reads everything, turning it off brings plaintext back, and a rewrite
//! cut off between batches resumes. Also WebCrypto's PBKDF2 on a published
//! test vector.

use rapport::model::{Customer, Record};
use rapport::store::idb::crypto::derive_bits;
use rapport::store::idb::IdbStore;
use rapport::store::schema::{BODIES, HEADS, META, TALLIES};
use rapport::store::seal::{is_sealed, Phase, SealError, Target};
use rapport::store::{ChangeSet, Collection, Store, StoreError};
use wasm_bindgen_test::wasm_bindgen_test;

const PASSPHRASE: &str = "correct horse battery staple";
/// A name that appears nowhere but in the test customers.
const NAME: &str = "Zephyrine";

async fn fresh_store(name: &str) -> IdbStore {
    IdbStore::delete(name)
        .await
        .expect("delete the test database");
    IdbStore::open(name).await.expect("open the test database")
}

/// `n` customers named [`NAME`] with an email, written in one change set.
async fn add_customers(store: &IdbStore, n: usize) -> Vec<Customer> {
    let mut cs = ChangeSet::new("add customers");
    let mut all = Vec::new();
    for i in 0..n {
        let mut c = Customer::new_v4(1_750_000_000_000 + i as i64);
        c.given_name = NAME.into();
        c.family_name = format!("Quillfeather{i}");
        c.emails = vec![format!("zephyrine{i}@example.com")];
        cs.insert(&c).unwrap();
        all.push(c);
    }
    store.apply(&cs).await.unwrap();
    all
}

/// Every raw value of the page stores (heads, bodies, tallies) and `meta`,
/// as IndexedDB holds them.
async fn raw_values(name: &str) -> Vec<String> {
    let db = idb::Factory::new()
        .unwrap()
        .open(name, None)
        .unwrap()
        .await
        .unwrap();
    let txn = db
        .transaction(
            &[HEADS, BODIES, META, TALLIES],
            idb::TransactionMode::ReadOnly,
        )
        .unwrap();
    let mut out = Vec::new();
    for store in [HEADS, BODIES, META, TALLIES] {
        let values = txn
            .object_store(store)
            .unwrap()
            .get_all(None, None)
            .unwrap()
            .await
            .unwrap();
        out.extend(values.iter().map(|v| {
            v.as_string()
                .unwrap_or_else(|| v.as_f64().map(|f| f.to_string()).unwrap_or_default())
        }));
    }
    db.close();
    out
}

/// The raw page values (heads, bodies and tallies) only.
async fn raw_pages(name: &str) -> Vec<String> {
    raw_values(name)
        .await
        .into_iter()
        .filter(|v| v.parse::<f64>().is_err() && !v.contains("\"kdf\""))
        .collect()
}

fn mentions_a_customer(value: &str) -> bool {
    let lower = value.to_lowercase();
    lower.contains("zephyrine") || lower.contains("quillfeather") || lower.contains("example.com")
}

#[wasm_bindgen_test]
async fn webcrypto_pbkdf2_matches_the_rfc_7914_vector() {
    // RFC 7914 §11: PBKDF2-HMAC-SHA256, P = "passwd", S = "salt", c = 1.
    let bits = derive_bits("passwd", b"salt", 1).await.unwrap();
    let hex: String = bits.iter().map(|b| format!("{b:02x}")).collect();
    assert_eq!(
        hex,
        "55ac046e56e3089fec1691c22544b605f94185216dde0465e68b9d57c20dacbc"
    );
}

#[wasm_bindgen_test]
async fn encryption_on_hides_fields_locks_refuses_a_wrong_passphrase_unlocks_and_turns_off() {
    let name = "rapport-test-encryption";
    let store = fresh_store(name).await;
    let customers = add_customers(&store, 700).await;
    assert!(raw_pages(name).await.iter().any(|v| mentions_a_customer(v)));

    // On: every page rewritten, in batches of one page, with progress.
    store.turn_encryption_on(PASSPHRASE).await.unwrap();
    let mut seen = Vec::new();
    store
        .finish_rewrite(1, |p| seen.push((p.done, p.total, p.finished)))
        .await
        .unwrap();
    assert_eq!(seen.first(), Some(&(1, 2, false)));
    assert_eq!(seen.last().map(|s| s.2), Some(true));
    let record = store.encryption().await.unwrap().unwrap();
    assert_eq!(record.phase, Phase::On);
    let raw = raw_values(name).await;
    assert!(
        !raw.iter().any(|v| mentions_a_customer(v)),
        "plaintext left"
    );
    let pages = raw_pages(name).await;
    assert_eq!(pages.len(), 6, "two pages: head, body and tally each");
    assert!(pages.iter().all(|v| is_sealed(v)));
    // The unlocked connection reads and writes on.
    assert_eq!(store.count(Collection::Customers).await.unwrap(), 700);
    let extra = add_customers(&store, 1).await;
    assert!(!raw_values(name)
        .await
        .iter()
        .any(|v| mentions_a_customer(v)));
    store.close();

    // A fresh connection is locked.
    let fresh = IdbStore::open(name).await.unwrap();
    assert!(!fresh.is_unlocked());
    assert!(matches!(
        fresh.count(Collection::Customers).await,
        Err(StoreError::Locked)
    ));
    assert!(matches!(
        fresh.all::<Customer>().await,
        Err(StoreError::Locked)
    ));
    // A wrong passphrase is refused and changes nothing.
    let before = raw_values(name).await;
    assert!(matches!(
        fresh.unlock("wrong horse").await,
        Err(StoreError::Seal(SealError::WrongPassphrase))
    ));
    assert!(!fresh.is_unlocked());
    assert_eq!(raw_values(name).await, before);
    // The right one reads everything.
    fresh.unlock(PASSPHRASE).await.unwrap();
    let all: Vec<Customer> = fresh.all().await.unwrap();
    assert_eq!(all.len(), 701);
    // By id (a catalog lookup, one page opened): a few of each page.
    for c in [&customers[0], &customers[499], &customers[500], &extra[0]] {
        assert_eq!(
            fresh.get::<Customer>(c.id()).await.unwrap().as_ref(),
            Some(c)
        );
    }
    // Lock forgets the key.
    fresh.lock();
    assert!(matches!(
        fresh.count(Collection::Customers).await,
        Err(StoreError::Locked)
    ));

    // Off needs the passphrase, then brings plaintext back.
    assert!(matches!(
        fresh.turn_encryption_off("wrong horse").await,
        Err(StoreError::Seal(SealError::WrongPassphrase))
    ));
    assert_eq!(fresh.encryption().await.unwrap().unwrap().phase, Phase::On);
    fresh.turn_encryption_off(PASSPHRASE).await.unwrap();
    fresh.finish_rewrite(1, |_| {}).await.unwrap();
    assert_eq!(fresh.encryption().await.unwrap(), None);
    assert!(!fresh.is_unlocked());
    let pages = raw_pages(name).await;
    assert!(pages.iter().all(|v| !is_sealed(v)));
    assert!(pages.iter().any(|v| mentions_a_customer(v)));
    fresh.close();
    let plain = IdbStore::open(name).await.unwrap();
    assert_eq!(plain.all::<Customer>().await.unwrap().len(), 701);
    plain.close();
}

#[wasm_bindgen_test]
async fn an_interrupted_rewrite_leaves_every_record_readable_and_resumes() {
    let name = "rapport-test-encryption-resume";
    let store = fresh_store(name).await;
    let customers = add_customers(&store, 1_200).await;
    store.turn_encryption_on(PASSPHRASE).await.unwrap();
    let first = store.rewrite_batch(1).await.unwrap();
    assert_eq!((first.done, first.total, first.finished), (1, 3, false));
    // The tab goes away between batches.
    store.close();

    let reopened = IdbStore::open(name).await.unwrap();
    let record = reopened.encryption().await.unwrap().unwrap();
    assert_eq!(record.rewriting(), Some(Target::Sealed));
    let pages = raw_pages(name).await;
    assert_eq!(
        pages.iter().filter(|v| is_sealed(v)).count(),
        3,
        "the first page's head, body and tally"
    );
    assert!(matches!(
        reopened.all::<Customer>().await,
        Err(StoreError::Locked)
    ));
    reopened.unlock(PASSPHRASE).await.unwrap();
    // Half sealed, half plain: every record reads.
    assert_eq!(reopened.all::<Customer>().await.unwrap().len(), 1_200);
    // An edit now, before the rewrite resumes, is written sealed.
    let mut edited = customers[1_100].clone();
    edited.family_name = "Edited".into();
    edited.touch(1_760_000_000_000);
    let mut cs = ChangeSet::new("edit");
    cs.update(&edited).unwrap();
    reopened.apply(&cs).await.unwrap();
    reopened.finish_rewrite(1, |_| {}).await.unwrap();
    assert_eq!(
        reopened.encryption().await.unwrap().unwrap().phase,
        Phase::On
    );
    let pages = raw_pages(name).await;
    assert_eq!(pages.len(), 9, "three pages: head, body and tally each");
    assert!(pages.iter().all(|v| is_sealed(v)));
    let back: Customer = reopened.get(edited.id()).await.unwrap().unwrap();
    assert_eq!(back.family_name, "Edited");
    assert_eq!(reopened.all::<Customer>().await.unwrap().len(), 1_200);
    reopened.close();
}
