//! The app's shared state, provided once by `App` as a `Copy` handle:
//! the IndexedDB store, the in-memory customer index the list reads, a
//! revision counter that resources read so they refetch after any change,
//! the toasts (with Undo), and the BroadcastChannel that keeps other tabs in
//! step.
//!
//! Every write goes through [`AppState::apply`]: one store transaction, then
//! the index and the revision are updated and other tabs are told which
//! customers changed.

mod encryption;
mod pending;
mod sentiment;
mod tabs;
mod text;
mod toasts;
mod writes;

pub use encryption::{
    auto_lock, encrypted_hint, rewrite_sentence, set_auto_lock, AUTO_LOCK_KEY, ENCRYPTED_HINT_KEY,
};
pub use text::TextIndexState;

pub use toasts::Toast;

use crate::jobs::Refresh;
use crate::model::{Customer, Id, PropensityScores, Record, Timestamp, SCORES_ID};
use crate::search::{CustomerIndex, CustomerRow, IndexBuilder};
use crate::store::idb::{IdbStore, Slicer};
use crate::store::{Collection, Store, StoreError, COLLECTIONS};
use leptos::prelude::*;
use std::rc::Rc;

/// The IndexedDB database the app uses.
pub const DATABASE_NAME: &str = "rapport";

/// From how many stored customers the start-up shows a preview first.
const PREVIEW_FROM: usize = 5_000;
/// How many customers the preview holds.
const PREVIEW_ROWS: usize = 100;

/// Customers tokenised for the index between two checks of the slice's
/// time (a few milliseconds' work).
const INDEX_ROWS_PER_SLICE: usize = 500;

/// Where opening the store stands.
#[derive(Debug, Clone, PartialEq)]
pub enum StoreStatus {
    /// Opening the database and loading the customer index.
    Opening,
    /// Ready for reads and writes.
    Ready,
    /// The store cannot be used; the sentence says why.
    Failed(String),
}

/// The shared state. `Copy`: pass it around freely.
#[derive(Clone, Copy)]
pub struct AppState {
    store: StoredValue<Option<Rc<IdbStore>>, LocalStorage>,
    index: StoredValue<CustomerIndex, LocalStorage>,
    channel: StoredValue<Option<web_sys::BroadcastChannel>, LocalStorage>,
    /// Whether the store is ready.
    pub status: RwSignal<StoreStatus>,
    /// Bumped after every change to stored data (here or in another tab).
    pub revision: RwSignal<u64>,
    /// One counter per collection (by `Collection::index`), bumped
    /// when that collection changes: pages track only what they show, so a
    /// demo load writing customers does not make the Orders page re-read.
    collection_revisions: [RwSignal<u64>; COLLECTIONS.len()],
    /// Bumped after every change to the customer index.
    pub index_revision: RwSignal<u64>,
    /// While a large store opens: how many customers are being loaded. The
    /// index then holds only a preview (the most recently changed), so the
    /// list shows rows at once; everything else waits for `Ready`.
    pub index_preview: RwSignal<Option<usize>>,
    /// The store is open and unlocked: the worker's jobs, which open it
    /// themselves and need nothing of the page's customer index, may start.
    opened: RwSignal<bool>,
    /// The browser has not opened the database for a while (another page
    /// holds it); the shell says so.
    pub open_stalled: RwSignal<bool>,
    /// The toasts on screen.
    pub toasts: RwSignal<Vec<Toast>>,
    /// Demo data being loaded: (customers done, customers in all). Kept here,
    /// not in the loader component, so loading goes on when the user leaves
    /// the page that started it.
    pub demo_progress: RwSignal<Option<(usize, usize)>>,
    /// Set to stop a demo load after the current batch.
    pub demo_cancel: RwSignal<bool>,
    /// The full-text index over notes and tickets (built on first use).
    pub text: TextIndexState,
    /// The sentiment overview (trend, recent negatives), once scored.
    pub sentiment: RwSignal<Option<crate::jobs::text::SentimentOverview>>,
    /// Where the sentiment overview stands: computing, updating, current,
    /// or failed with the reason (see [`AppState::retry_sentiment`]).
    pub sentiment_refresh: RwSignal<Refresh>,
    /// Every buyer's purchase figures, RFM segments and the lifetime-value
    /// model, once computed (kept current as orders change).
    pub insight: RwSignal<Option<std::sync::Arc<crate::jobs::insight::InsightOverview>>>,
    /// Where `insight` stands: pending from a change to orders or
    /// customers until the overview computed after it is in, or failed with
    /// the reason (see [`AppState::retry_insight`]).
    pub insight_refresh: RwSignal<Refresh>,
    /// Bumped by Retry: one counter per kept-current overview
    /// (sentiment, insight).
    retries: [RwSignal<u64>; 2],
    /// What became of a write a reload cut off (shown until dismissed).
    pub interrupted: RwSignal<Option<String>>,
    /// The tickets' topics, once found (the Tickets list filters by them).
    pub topics: RwSignal<Option<crate::jobs::text::TopicReport>>,
    /// How many ticket topics to find (0: chosen from the number of tickets).
    pub topic_count: RwSignal<usize>,
    /// Encryption is on and this page has not unlocked it: the shell shows
    /// the unlock screen only.
    pub locked: RwSignal<bool>,
    /// Encryption is on (or being turned on or off).
    pub encrypted: RwSignal<bool>,
    /// Turning encryption on or off: how far the rewrite got.
    pub rewrite: RwSignal<Option<crate::store::idb::RewriteProgress>>,
    /// A rewrite a reload cut off, to resume after unlocking.
    pub interrupted_rewrite: RwSignal<Option<crate::store::seal::Target>>,
    /// Whether the idle watch (auto-lock) runs.
    idle_watch: StoredValue<bool>,
    next_toast: StoredValue<u64>,
}

/// The current time in unix milliseconds.
pub fn now_ms() -> Timestamp {
    js_sys::Date::now() as Timestamp
}

/// Lets the browser render and handle input before continuing (a macrotask).
pub async fn yield_to_browser() {
    sleep_ms(0).await;
}

impl AppState {
    /// Creates the state and starts opening the store.
    pub fn start() -> AppState {
        let state = AppState {
            store: StoredValue::new_local(None),
            index: StoredValue::new_local(CustomerIndex::new()),
            channel: StoredValue::new_local(None),
            status: RwSignal::new(StoreStatus::Opening),
            revision: RwSignal::new(0),
            collection_revisions: std::array::from_fn(|_| RwSignal::new(0)),
            index_revision: RwSignal::new(0),
            index_preview: RwSignal::new(None),
            opened: RwSignal::new(false),
            open_stalled: RwSignal::new(false),
            toasts: RwSignal::new(Vec::new()),
            demo_progress: RwSignal::new(None),
            demo_cancel: RwSignal::new(false),
            text: TextIndexState::new(),
            sentiment: RwSignal::new(None),
            sentiment_refresh: RwSignal::new(Refresh::new()),
            insight: RwSignal::new(None),
            insight_refresh: RwSignal::new(Refresh::new()),
            retries: std::array::from_fn(|_| RwSignal::new(0)),
            interrupted: RwSignal::new(None),
            topics: RwSignal::new(None),
            topic_count: RwSignal::new(0),
            locked: RwSignal::new(encryption::encrypted_hint()),
            encrypted: RwSignal::new(encryption::encrypted_hint()),
            rewrite: RwSignal::new(None),
            interrupted_rewrite: RwSignal::new(None),
            idle_watch: StoredValue::new(false),
            next_toast: StoredValue::new(0),
        };
        state.watch_sentiment();
        state.watch_insight();
        state.watch_tally_sums();
        state.follow_encryption_of_other_tabs();
        mark_step("app-start");
        leptos::task::spawn_local(async move {
            let started = now_ms();
            state.give_way_when_hidden();
            let cacheable_again = AppState::stay_out_of_cache_while_opening();
            let opened_store = open_store(state.open_stalled).await;
            cacheable_again();
            match opened_store {
                Ok(store) => {
                    mark_step("store-opened");
                    state.store.set_value(Some(Rc::new(store)));
                    match state.check_encryption().await {
                        // Start-up goes on after the unlock screen.
                        Ok(true) => {}
                        Ok(false) => state.finish_opening(started).await,
                        Err(e) => state.status.set(StoreStatus::Failed(e.user_message())),
                    }
                }
                Err(e) => state.status.set(StoreStatus::Failed(e.user_message())),
            }
            mark_started();
        });
        state
    }

    /// The rest of start-up once the store is open (and unlocked): the
    /// customer index (a preview first when large), other tabs, the notices
    /// of an upgrade or an interrupted write.
    async fn finish_opening(&self, started: Timestamp) {
        let state = *self;
        let opened = now_ms();
        state.opened.set(true);
        // A failed preview only costs the early rows.
        let _ = state.show_preview().await;
        let loaded = state.reload_index().await;
        state.index_preview.set(None);
        match loaded {
            Ok(()) => {
                let loaded = now_ms();
                mark_step("index-loaded");
                state.status.set(StoreStatus::Ready);
                // Start-up timing, for people looking at performance.
                web_sys::console::info_1(
                    &format!(
                        "Rapport: database opened in {} ms, {} customers loaded and indexed in {} ms, first render {} ms",
                        opened - started,
                        state.with_index(CustomerIndex::len),
                        loaded - opened,
                        now_ms() - loaded
                    )
                    .into(),
                );
            }
            Err(e) => state.status.set(StoreStatus::Failed(e.user_message())),
        }
        state.listen_to_other_tabs();
        request_persistence();
        state.show_upgrade_notice();
        crate::ui::components::finish_interrupted_load(state).await;
        state.report_interrupted_write().await;
        mark_started();
    }

    /// With many customers, reading them all takes seconds: index the most
    /// recently changed ones first, so the list has rows to show meanwhile.
    async fn show_preview(&self) -> Result<(), StoreError> {
        let store = self.store()?;
        store.load_catalog_in_slices(Collection::Customers).await?;
        let total = store.count(Collection::Customers).await?;
        if total < PREVIEW_FROM {
            return Ok(());
        }
        let recent: Vec<Customer> = store.recently_updated(PREVIEW_ROWS).await?;
        let rows = recent
            .iter()
            .filter(|c| !c.is_deleted())
            .map(CustomerRow::from_customer);
        self.index.set_value(CustomerIndex::build(rows));
        mark_step("preview-indexed");
        self.index_preview.set(Some(total));
        self.index_revision.update(|r| *r += 1);
        // Let the list render before the long read starts.
        yield_to_browser().await;
        Ok(())
    }

    /// Shows (once) what a schema upgrade could not convert, if anything.
    fn show_upgrade_notice(&self) {
        let Some(storage) = web_sys::window().and_then(|w| w.local_storage().ok().flatten()) else {
            return;
        };
        if let Ok(Some(notice)) = storage.get_item(crate::store::idb::UPGRADE_NOTICE_KEY) {
            let _ = storage.remove_item(crate::store::idb::UPGRADE_NOTICE_KEY);
            self.toast_error(notice);
        }
    }

    /// The store, waiting while the browser is still opening it (a write,
    /// or a file chosen, in the first seconds after a start goes on once it
    /// is open rather than being refused); fails as [`Self::store`] does when the
    /// store failed or is locked, or after a minute still opening.
    pub async fn opened_store(&self) -> Result<Rc<IdbStore>, StoreError> {
        for _ in 0..1_200 {
            match self.store() {
                Err(StoreError::Opening)
                    if self.status.get_untracked() == StoreStatus::Opening
                        && !self.locked.get_untracked() =>
                {
                    sleep_ms(50).await;
                }
                other => return other,
            }
        }
        self.store()
    }

    /// Whether pages may read the store: it is open and its customer index
    /// complete, or (a large store still loading its index) the preview of
    /// the most recent customers is shown.
    pub fn readable(&self) -> bool {
        self.status.get() == StoreStatus::Ready || self.index_preview.with(Option::is_some)
    }

    /// Whether reports computed in the worker may start: the store is open
    /// and unlocked (which comes before it is readable). They need nothing
    /// of the page's customer index, so they start before even its preview
    /// (at 100,000 customers that is 0.8 s sooner).
    pub fn jobs_may_start(&self) -> bool {
        self.opened.get()
    }

    /// The store, once open.
    pub fn store(&self) -> Result<Rc<IdbStore>, StoreError> {
        // `try_`: a background task may ask after its owner is gone.
        self.store
            .try_get_value()
            .flatten()
            .ok_or(StoreError::Opening)
    }

    /// Tracks changes to one collection (call inside a resource's fetcher).
    pub fn track(&self, collection: Collection) {
        self.collection_revisions[collection.index()].track();
    }

    /// Bumps the revisions of the named collections (a change set's), and
    /// the overall one.
    fn bump(&self, collections: &[&str]) {
        for c in collections
            .iter()
            .filter_map(|name| Collection::from_name(name))
        {
            self.collection_revisions[c.index()].update(|r| *r += 1);
        }
        self.revision.update(|r| *r += 1);
    }

    /// A read of the store for a page: `Ok(None)` while the store opens,
    /// then `read`'s result, read again whenever one of `collections`
    /// changes (here or in another tab). Every list page reads this way.
    pub fn store_resource<T, Fut>(
        &self,
        collections: &'static [Collection],
        read: impl Fn(AppState) -> Fut + 'static,
    ) -> LocalResource<Result<Option<T>, StoreError>>
    where
        T: 'static,
        Fut: std::future::Future<Output = Result<T, StoreError>> + 'static,
    {
        let state = *self;
        LocalResource::new(move || {
            for c in collections {
                state.track(*c);
            }
            let reading = (state.status.get() == StoreStatus::Ready).then(|| read(state));
            async move {
                match reading {
                    Some(reading) => reading.await.map(Some),
                    None => Ok(None),
                }
            }
        })
    }

    /// Reads the customer index.
    pub fn with_index<T>(&self, f: impl FnOnce(&CustomerIndex) -> T) -> T {
        self.index.with_value(f)
    }

    /// Reloads every live customer into the index.
    async fn reload_index(&self) -> Result<(), StoreError> {
        // Decoded in slices, so the page keeps answering while 100,000
        // customers are read.
        let customers: Vec<Customer> = self.store()?.all_in_slices().await?;
        // The index too is built in slices (its tokens, row by row), so
        // no task of the cold open is the whole index's build.
        let mut builder = IndexBuilder::new();
        let mut slicer = Slicer::new();
        for chunk in customers.chunks(INDEX_ROWS_PER_SLICE) {
            builder.add(
                chunk
                    .iter()
                    .filter(|c| !c.is_deleted())
                    .map(CustomerRow::from_customer),
            );
            slicer.pause_if_due().await?;
        }
        drop(customers);
        // The latest propensity model's scores fill the Likelihood column.
        let scores: Option<PropensityScores> = self.store()?.get(SCORES_ID).await?;
        let mut index = builder.finish();
        for (id, likelihood) in scores.map(|s| s.scores).unwrap_or_default() {
            index.set_likelihood(&id, Some(f64::from(likelihood)));
        }
        self.index.set_value(index);
        self.index_revision.update(|r| *r += 1);
        self.text.invalidate();
        Ok(())
    }

    /// After a change to everything (another tab cleared or restored the
    /// store, a restore here): the index reloaded and every page's reads
    /// run again. (At start-up the index alone is loaded: pages wait for
    /// `Ready`, and a bump then would restart the worker reports already
    /// running.)
    pub async fn reload_everything(&self) -> Result<(), StoreError> {
        let loaded = self.reload_index().await;
        self.bump(COLLECTIONS);
        loaded
    }

    /// Shows `scores` (customer → probability) in the Customers list's
    /// Likelihood column, replacing the previous model's.
    pub fn set_likelihoods(&self, scores: &[(Id, f32)]) {
        self.index.update_value(|index| {
            let old: Vec<Id> = index
                .rows()
                .filter(|r| r.likelihood.is_some())
                .map(|r| r.id)
                .collect();
            for id in old {
                index.set_likelihood(&id, None);
            }
            for (id, p) in scores {
                index.set_likelihood(id, Some(f64::from(*p)));
            }
        });
        self.index_revision.update(|r| *r += 1);
    }
}

/// Opens the store; if the browser has not answered in three seconds, says
/// so on screen (`open_stalled`) and goes on waiting. Seen in Chromium: a
/// page left for the back/forward cache while it was creating the database
/// keeps it locked, and a new page's open request waits for that page.
async fn open_store(stalled: RwSignal<bool>) -> Result<IdbStore, StoreError> {
    use futures_util::future::{select, Either};
    let opening = Box::pin(IdbStore::open(DATABASE_NAME));
    let patience = Box::pin(sleep_ms(3_000));
    match select(opening, patience).await {
        Either::Left((opened, _)) => opened,
        Either::Right(((), opening)) => {
            stalled.set(true);
            let opened = opening.await;
            stalled.set(false);
            opened
        }
    }
}

/// Waits `ms` milliseconds without blocking the page.
pub async fn sleep_ms(ms: i32) {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        if let Some(window) = web_sys::window() {
            let _ = window.set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms);
        }
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
}

/// Asks the browser to keep Rapport's data under storage pressure
/// (IndexedDB is best-effort storage otherwise).
fn request_persistence() {
    if let Some(storage) = web_sys::window().map(|w| w.navigator().storage()) {
        let _ = storage.persist();
    }
}

/// Marks `<html data-started>` once start-up (opening the store, loading the
/// index, settling an interrupted load or write) is over: anything that acts
/// on start-up state — a person's script, a test — can wait for it.
/// Notes a start-up step on the page's performance timeline
/// (`performance.mark("rapport:<step>")`), where a profiler and the
/// end-to-end benchmarks (`tests/e2e/perf.rs`) see when it happened.
pub fn mark_step(step: &str) {
    if let Some(performance) = web_sys::window().and_then(|w| w.performance()) {
        let _ = performance.mark(&format!("rapport:{step}"));
    }
}

fn mark_started() {
    if let Some(root) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.document_element())
    {
        let _ = root.set_attribute("data-started", "");
    }
}

/// A customer's display name from the in-memory index, for lists of their
/// orders, tickets and deals; the index holds live customers only.
pub fn customer_name(state: &AppState, id: &Id) -> String {
    state
        .with_index(|i| i.get(id).map(|r| r.name.clone()))
        .unwrap_or_else(|| rapport_core::i18n::notices::customer_gone().into())
}
