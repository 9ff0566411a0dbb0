//! The import card's flow: pick or drop a file → the columns as read, with
//! the recognised layout and a mapping to correct → a check of every row
//! (streamed slice by slice, with progress and Cancel) → the preview, the
//! counts and the problems (downloadable) → one write, recorded so it can be
//! reverted. Nothing is written before the last step, so a bad file or a
//! cancel leaves the data as it was.

use crate::io::import::{
    auto_map, auto_map_orders, propose_kind, CsvReader, CustomerImport, Detected, DuplicatePolicy,
    ImportError, KindGuess, Mapping, OrderMapping, OrderOptions, OrdersImport, Preset, ReadOptions,
    SourceRow,
};
use crate::model::{Customer, ImportBatch, ImportCounts, Order};
use crate::store::{ChangeSet, Store};
use crate::ui::components::thousands;
use crate::ui::files::read_slices;
use crate::ui::state::{now_ms, AppState};
use leptos::prelude::*;
use rapport_core::i18n::import_export as t;
use web_sys::File;

/// Customers or transactions.
pub use crate::io::import::FileKind as Kind;

/// What the first slice of the file showed.
#[derive(Debug, Clone, PartialEq)]
pub struct Sniffed {
    /// The file's name.
    pub name: String,
    /// Its size in bytes.
    pub size: f64,
    /// Encoding and delimiter.
    pub detected: Option<Detected>,
    /// The header, if the file has one.
    pub header: Option<Vec<String>>,
    /// Columns (of the header, else of the first row).
    pub columns: usize,
    /// The first rows.
    pub sample: Vec<SourceRow>,
    /// The layout recognised (customers).
    pub preset: Option<Preset>,
    /// What the file seems to hold, and why.
    pub proposal: Option<KindGuess>,
}

/// A checked import, ready to write.
pub enum Checked {
    /// Customers (boxed, like orders: both plans are large).
    Customers(Box<CustomerImport>),
    /// Orders.
    Orders(Box<OrdersImport>),
}

impl Checked {
    /// The counts.
    pub fn summary(&self) -> ImportCounts {
        match self {
            Checked::Customers(i) => i.summary(),
            Checked::Orders(i) => i.summary(),
        }
    }

    /// The problems found.
    pub fn issues(&self) -> &[crate::io::import::RowIssue] {
        match self {
            Checked::Customers(i) => i.issues(),
            Checked::Orders(i) => i.issues(),
        }
    }

    fn into_change_set(
        self,
        label: &str,
        file: &str,
    ) -> Result<(ChangeSet, ImportBatch), ImportError> {
        match self {
            Checked::Customers(i) => (*i).into_change_set(label, file),
            Checked::Orders(i) => (*i).into_change_set(label, file),
        }
    }
}

/// The step the card is at.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Step {
    /// Waiting for a file.
    Choose,
    /// Showing the columns and their mapping.
    Mapping,
    /// Reading and checking every row.
    Checking,
    /// Showing the result of the check.
    Checked,
    /// Writing.
    Saving,
}

/// Everything the import card's views share.
#[derive(Clone, Copy)]
pub struct ImportFlow {
    /// The step.
    pub step: RwSignal<Step>,
    /// Customers or orders.
    pub kind: RwSignal<Kind>,
    /// The first slice's findings.
    pub sniffed: RwSignal<Option<Sniffed>>,
    /// Column mapping for customers.
    pub mapping: RwSignal<Mapping>,
    /// Column mapping for orders.
    pub order_mapping: RwSignal<OrderMapping>,
    /// What to do with duplicates.
    pub policy: RwSignal<DuplicatePolicy>,
    /// Currency of an orders file.
    pub currency: RwSignal<String>,
    /// Fraction of the file checked.
    pub progress: RwSignal<f64>,
    /// Set to stop the check.
    pub cancel: RwSignal<bool>,
    /// The last failure, as a sentence.
    pub error: RwSignal<Option<String>>,
    /// The picked file.
    pub file: StoredValue<Option<File>, LocalStorage>,
    /// The checked import.
    pub checked: StoredValue<Option<Checked>, LocalStorage>,
    /// Bumped when `checked` changes.
    pub checked_revision: RwSignal<u64>,
}

impl ImportFlow {
    /// A flow at its first step.
    pub fn new() -> ImportFlow {
        ImportFlow {
            step: RwSignal::new(Step::Choose),
            kind: RwSignal::new(Kind::Customers),
            sniffed: RwSignal::new(None),
            mapping: RwSignal::new(Mapping::default()),
            order_mapping: RwSignal::new(OrderMapping::default()),
            policy: RwSignal::new(DuplicatePolicy::Skip),
            currency: RwSignal::new("USD".into()),
            progress: RwSignal::new(0.0),
            cancel: RwSignal::new(false),
            error: RwSignal::new(None),
            file: StoredValue::new_local(None),
            checked: StoredValue::new_local(None),
            checked_revision: RwSignal::new(0),
        }
    }

    /// Changes what the file is read as, keeping the file: a checked
    /// import (of the other kind) is dropped and the columns are shown
    /// again.
    pub fn set_kind(self, kind: Kind) {
        if self.kind.get_untracked() == kind {
            return;
        }
        self.kind.set(kind);
        self.error.set(None);
        if self
            .checked
            .try_update_value(Option::take)
            .flatten()
            .is_some()
        {
            self.checked_revision.update(|r| *r += 1);
        }
        if matches!(self.step.get_untracked(), Step::Checked | Step::Checking) {
            self.cancel.set(true);
            self.step.set(Step::Mapping);
        }
    }

    /// Back to the start, forgetting the file.
    pub fn reset(self) {
        self.step.set(Step::Choose);
        self.sniffed.set(None);
        self.file.set_value(None);
        self.checked.set_value(None);
        self.checked_revision.update(|r| *r += 1);
        self.progress.set(0.0);
    }

    /// Reads the first slice of `file`: its layout, header and first rows.
    pub fn pick(self, file: File) {
        self.error.set(None);
        self.reset();
        leptos::task::spawn_local(async move {
            match sniff(&file).await {
                Ok(sniffed) => {
                    if let Some(header) = &sniffed.header {
                        let (_, mapping) = auto_map(header);
                        self.mapping.set(mapping);
                    }
                    self.order_mapping
                        .set(auto_map_orders(sniffed.header.as_deref(), sniffed.columns));
                    if let Some(guess) = &sniffed.proposal {
                        self.kind.set(guess.kind);
                    }
                    self.sniffed.set(Some(sniffed));
                    self.file.set_value(Some(file));
                    self.step.set(Step::Mapping);
                }
                Err(e) => self.error.set(Some(format!("{}: {e}", file.name()))),
            }
        });
    }

    /// Reads and checks every row against the stored customers.
    pub fn check(self, state: AppState) {
        let Some(file) = self.file.get_value() else {
            return;
        };
        self.error.set(None);
        self.cancel.set(false);
        self.progress.set(0.0);
        self.step.set(Step::Checking);
        let kind = self.kind.get_untracked();
        leptos::task::spawn_local(async move {
            match self.check_file(state, &file).await {
                // The kind changed while checking: the columns again.
                Ok(Some(_)) if self.kind.get_untracked() != kind => self.step.set(Step::Mapping),
                Ok(Some(checked)) => {
                    self.checked.set_value(Some(checked));
                    self.checked_revision.update(|r| *r += 1);
                    self.step.set(Step::Checked);
                }
                Ok(None) => self.step.set(Step::Mapping),
                Err(e) => {
                    self.error.set(Some(e));
                    self.step.set(Step::Mapping);
                }
            }
        });
    }

    async fn check_file(self, state: AppState, file: &File) -> Result<Option<Checked>, String> {
        let store = state.opened_store().await.map_err(|e| e.user_message())?;
        let existing: Vec<Customer> = store.all().await.map_err(|e| e.user_message())?;
        let now = now_ms();
        let sniffed = self.sniffed.get_untracked().ok_or(t::choose_file_first())?;
        let mut checked = match self.kind.get_untracked() {
            Kind::Customers => {
                let header = sniffed.header.clone().ok_or(t::no_header_row())?;
                Checked::Customers(Box::new(CustomerImport::new(
                    header,
                    self.mapping.get_untracked(),
                    existing,
                    self.policy.get_untracked(),
                    now,
                )))
            }
            Kind::Orders => {
                let stored: Vec<Order> = store.all().await.map_err(|e| e.user_message())?;
                let options = OrderOptions {
                    currency: self.currency.get_untracked().trim().to_uppercase(),
                    ..OrderOptions::default()
                };
                Checked::Orders(
                    OrdersImport::new(
                        sniffed.header.clone(),
                        self.order_mapping.get_untracked(),
                        &existing,
                        options,
                        now,
                    )
                    .map_err(|e| e.to_string())
                    .map(|i| Box::new(i.with_stored_orders(&stored)))?,
                )
            }
        };
        let mut reader = CsvReader::new(ReadOptions::default());
        let mut failure: Option<ImportError> = None;
        let cancel = self.cancel;
        let progress = self.progress;
        let finished = read_slices(file, |bytes, done| {
            if cancel.get_untracked() {
                return false;
            }
            if let Err(e) = reader.feed(bytes) {
                failure = Some(e);
                return false;
            }
            let rows = reader.take_rows();
            match &mut checked {
                Checked::Customers(i) => i.add_rows(rows),
                Checked::Orders(i) => i.add_rows(rows),
            }
            progress.set(done);
            true
        })
        .await?;
        if let Some(e) = failure {
            return Err(e.to_string());
        }
        if !finished {
            return Ok(None);
        }
        reader.finish().map_err(|e| e.to_string())?;
        let rows = reader.take_rows();
        match &mut checked {
            Checked::Customers(i) => i.add_rows(rows),
            Checked::Orders(i) => i.add_rows(rows),
        }
        Ok(Some(checked))
    }

    /// Writes the checked import in one transaction.
    pub fn save(self, state: AppState) {
        let Some(checked) = self.checked.try_update_value(Option::take).flatten() else {
            return;
        };
        let name = self
            .sniffed
            .get_untracked()
            .map(|s| s.name)
            .unwrap_or_default();
        self.step.set(Step::Saving);
        leptos::task::spawn_local(async move {
            let result = async {
                let counts = checked.summary();
                let (changes, _) = checked
                    .into_change_set(&t::import_of(name.clone()), &name)
                    .map_err(|e| e.to_string())?;
                state
                    .apply_remembered(changes, false, &t::the_import_of(name.clone()))
                    .await
                    .map_err(|e| e.user_message())?;
                // The write path has put the imported customers into the
                // index already; re-reading every customer here cost a
                // 2.6 s task at 100,000 rows (issue #13).
                Ok::<_, String>(counts)
            }
            .await;
            match result {
                Ok(counts) => {
                    state.toast(t::imported(
                        name,
                        thousands(counts.created + counts.customers_created),
                        thousands(counts.updated),
                    ));
                    self.reset();
                }
                Err(e) => {
                    self.error.set(Some(e));
                    self.step.set(Step::Mapping);
                }
            }
        });
    }
}

/// Reads up to the first slice: layout, header and a few rows.
async fn sniff(file: &File) -> Result<Sniffed, String> {
    let mut reader = CsvReader::new(ReadOptions::default());
    let mut failure = None;
    let mut first = true;
    let whole = read_slices(file, |bytes, _| {
        if !first {
            return false;
        }
        first = false;
        if let Err(e) = reader.feed(bytes) {
            failure = Some(e);
        }
        true
    })
    .await?;
    if let Some(e) = failure {
        return Err(e.to_string());
    }
    if whole || file.size() <= crate::ui::files::SLICE_BYTES {
        reader.finish().map_err(|e| e.to_string())?;
    }
    let sample: Vec<SourceRow> = reader.take_rows().into_iter().take(5).collect();
    let header = reader.header().map(<[String]>::to_vec);
    let columns = header
        .as_ref()
        .map(Vec::len)
        .or_else(|| sample.first().map(|r| r.cells.len()))
        .unwrap_or(0);
    let preset = header.as_ref().and_then(|h| auto_map(h).0);
    let proposal = propose_kind(header.as_deref(), &sample);
    Ok(Sniffed {
        name: file.name(),
        size: file.size(),
        detected: reader.detected(),
        header,
        columns,
        sample,
        preset,
        proposal,
    })
}
