//! The Orders page's newest orders kept on real IndexedDB (`meta`, key
//! `newest/orders`): computed from every order and kept, read back while
//! the orders are as they were, not used once a write moves them on, and
//! recomputed when damaged; sealed when encryption is on. And the tally
//! totals (a tally without its per-customer maps), kept the same way.

use crate::tallies::{cancel_first_order, demo_store, put_raw_meta, raw_meta};
use rapport::model::newest_orders::{NewestOrders, NEWEST_KEPT};
use rapport::model::{Order, OrderStatus, Record};
use rapport::store::idb::IdbStore;
use rapport::store::seal::SEALED_PREFIX;
use rapport::store::{ChangeSet, Collection, Store};
use wasm_bindgen_test::wasm_bindgen_test;

const NOW: i64 = 1_750_000_000_000;
const KEY: &str = "newest/orders";

/// The newest orders as the records say, read afresh.
async fn expected(store: &IdbStore) -> NewestOrders {
    NewestOrders::of(store.all::<Order>().await.unwrap())
}

#[wasm_bindgen_test]
async fn the_newest_orders_are_kept_until_a_write_moves_the_orders_on() {
    let name = "rapport-test-newest-orders";
    let store = demo_store(name, 4, 200, 100).await;
    let whole = expected(&store).await;
    assert!(
        whole.live > NEWEST_KEPT,
        "{} orders: enough to cut",
        whole.live
    );
    assert_eq!(whole.orders.len(), NEWEST_KEPT);

    // Nothing kept yet; the store's answer computes and keeps it.
    let (generation, kept) = store.kept_newest_orders().await.unwrap();
    assert!(kept.is_none());
    assert_eq!(store.newest_orders().await.unwrap(), whole);
    let (same, kept) = store.kept_newest_orders().await.unwrap();
    assert_eq!((same, kept.as_ref()), (generation, Some(&whole)));

    // A fresh connection reads the kept value: a planted count comes back.
    let raw = raw_meta(name, KEY).await.expect("kept");
    let planted = raw.replacen(&format!("\"live\":{}", whole.live), "\"live\":4242", 1);
    assert_ne!(planted, raw);
    put_raw_meta(name, KEY, &planted).await;
    let reader = IdbStore::open(name).await.unwrap();
    assert_eq!(reader.newest_orders().await.unwrap().live, 4242);
    reader.close();

    // A write to the orders makes it stale: not used, recomputed, kept.
    let mut order = whole.orders[0].clone();
    order.status = OrderStatus::Cancelled;
    order.meta.deleted_at = Some(NOW + 5);
    order.touch(NOW + 5);
    let mut cs = ChangeSet::new("trash the newest");
    cs.update(&order).unwrap();
    store.apply(&cs).await.unwrap();
    assert!(store.kept_newest_orders().await.unwrap().1.is_none());
    let after = store.newest_orders().await.unwrap();
    assert_eq!(after, expected(&store).await);
    assert_eq!(after.live, whole.live - 1);
    assert_eq!(after.orders[0], whole.orders[1], "the trashed one is gone");
    assert!(store.kept_newest_orders().await.unwrap().1.is_some());

    // A value kept for an older generation is refused.
    let (generation, _) = store.kept_newest_orders().await.unwrap();
    let mut other = ChangeSet::new("touch");
    let mut second = after.orders[0].clone();
    second.touch(NOW + 6);
    other.update(&second).unwrap();
    store.apply(&other).await.unwrap();
    store.keep_newest_orders(generation, &after).await.unwrap();
    assert!(store.kept_newest_orders().await.unwrap().1.is_none());

    // Damaged: recomputed rather than failing.
    assert_eq!(store.newest_orders().await.unwrap(), expected(&store).await);
    put_raw_meta(name, KEY, "{not json").await;
    assert!(store.kept_newest_orders().await.unwrap().1.is_none());
    assert_eq!(store.newest_orders().await.unwrap(), expected(&store).await);

    // Encryption: the rewrite drops it, and the next one is sealed.
    store
        .turn_encryption_on("correct horse battery")
        .await
        .unwrap();
    store.finish_rewrite(8, |_| {}).await.unwrap();
    assert_eq!(raw_meta(name, KEY).await, None);
    assert_eq!(store.newest_orders().await.unwrap(), expected(&store).await);
    let sealed = raw_meta(name, KEY).await.expect("kept again");
    assert!(sealed.starts_with(SEALED_PREFIX), "{sealed}");
    assert!(store.kept_newest_orders().await.unwrap().1.is_some());
    store.close();
}

#[wasm_bindgen_test]
async fn a_collections_totals_are_kept_apart_from_its_per_customer_maps() {
    let name = "rapport-test-tally-totals";
    let store = demo_store(name, 5, 60, 30).await;
    let key = format!("tally-totals/{}", Collection::Orders.name());
    assert_eq!(raw_meta(name, &key).await, None);
    let whole = store.tally(Collection::Orders).await.unwrap();
    assert!(!whole.buyers.is_empty());
    // Adding up the sum keeps the totals with it.
    assert!(raw_meta(name, &key).await.is_some());
    let totals = store.tally_totals(Collection::Orders).await.unwrap();
    assert_eq!(totals, whole.without_people());
    let kept = raw_meta(name, &key).await.expect("kept");
    assert!(kept.len() < raw_meta(name, "tally-sum/orders").await.unwrap().len());

    // Read back while the orders are as they were (a planted figure comes
    // back), not after a write.
    put_raw_meta(
        name,
        &key,
        &kept.replacen("\"t\":{", "\"t\":{\"u\":4242,", 1),
    )
    .await;
    assert_eq!(
        store
            .tally_totals(Collection::Orders)
            .await
            .unwrap()
            .open_tickets,
        4242
    );
    cancel_first_order(&store).await;
    let after = store.tally_totals(Collection::Orders).await.unwrap();
    assert_eq!(
        after,
        store
            .tally(Collection::Orders)
            .await
            .unwrap()
            .without_people()
    );
    assert_eq!(after.open_tickets, 0);
    store.close();
}
