//! The full-text index over notes, calls, emails, meetings and tickets
//! ([`TextIndex`]), kept on the page so the Similar panels, the search page
//! and the command palette answer from it in a few milliseconds.
//!
//! It is built the first time something needs it, in slices with a pause
//! between them so the page never freezes while thousands of texts are
//! indexed, and from then on follows every write of this tab through the one
//! write path ([`AppState::apply`]'s `absorb`): a new or edited text is
//! upserted, a trashed or purged one removed — no rebuild. A change made in
//! another tab drops it; the next use builds it again.

use super::{yield_to_browser, AppState};
use crate::model::{Interaction, Record, Ticket};
use crate::store::{ChangeSet, Op, StoreError};
use crate::text::{DocKey, TextDoc, TextIndex, TextKind};
use leptos::prelude::*;

/// Texts indexed between two pauses while building.
const SLICE: usize = 1_000;

/// Where the text index stands.
#[derive(Clone, Copy)]
pub struct TextIndexState {
    index: StoredValue<Option<TextIndex>, LocalStorage>,
    building: StoredValue<bool>,
    /// Bumped whenever the index is built or changes; readers track it.
    pub revision: RwSignal<u64>,
    /// Whether the index is ready (built and current).
    pub ready: RwSignal<bool>,
}

impl TextIndexState {
    pub(super) fn new() -> TextIndexState {
        TextIndexState {
            index: StoredValue::new_local(None),
            building: StoredValue::new(false),
            revision: RwSignal::new(0),
            ready: RwSignal::new(false),
        }
    }

    /// Reads the index, if it is built (`None` otherwise: call
    /// [`AppState::ensure_text_index`] first).
    pub fn with<T>(&self, f: impl FnOnce(&TextIndex) -> T) -> Option<T> {
        self.index.with_value(|i| i.as_ref().map(f))
    }

    /// Forgets the index (another tab changed texts); the next reader
    /// builds it again.
    pub(super) fn invalidate(&self) {
        self.index.set_value(None);
        self.ready.set(false);
        self.revision.update(|r| *r += 1);
    }

    /// Applies a write's effect on the texts, if the index is built.
    pub(super) fn absorb(&self, changes: &ChangeSet) {
        let mut touched = false;
        self.index.update_value(|index| {
            let Some(index) = index.as_mut() else {
                return;
            };
            for op in &changes.ops {
                match op {
                    Op::Put {
                        collection: "interactions",
                        envelope,
                        ..
                    } => {
                        touched = true;
                        match envelope.open::<Interaction>() {
                            Ok(i) if !i.is_deleted() => index.upsert(TextDoc::from_interaction(&i)),
                            Ok(i) => remove_interaction(index, &i),
                            Err(_) => {}
                        }
                    }
                    Op::Put {
                        collection: "tickets",
                        envelope,
                        ..
                    } => {
                        touched = true;
                        match envelope.open::<Ticket>() {
                            Ok(t) if !t.is_deleted() => index.upsert(TextDoc::from_ticket(&t)),
                            Ok(t) => index.remove(DocKey {
                                kind: TextKind::Ticket,
                                id: t.id(),
                            }),
                            Err(_) => {}
                        }
                    }
                    Op::Purge {
                        collection: "interactions",
                        id,
                        ..
                    } => {
                        touched = true;
                        for kind in TextKind::INTERACTIONS {
                            index.remove(DocKey { kind, id: *id });
                        }
                    }
                    Op::Purge {
                        collection: "tickets",
                        id,
                        ..
                    } => {
                        touched = true;
                        index.remove(DocKey {
                            kind: TextKind::Ticket,
                            id: *id,
                        });
                    }
                    Op::Clear {
                        collection: "interactions" | "tickets",
                    } => {
                        touched = true;
                        *index = TextIndex::new();
                    }
                    _ => {}
                }
            }
        });
        if touched {
            self.revision.update(|r| *r += 1);
        }
    }
}

fn remove_interaction(index: &mut TextIndex, i: &Interaction) {
    for kind in TextKind::INTERACTIONS {
        index.remove(DocKey { kind, id: i.id() });
    }
}

impl AppState {
    /// Builds the text index if it is not built yet (in slices, yielding to
    /// the browser between them). Several callers may ask at once: the
    /// first builds, the others return at once and follow `ready`.
    pub async fn ensure_text_index(&self) -> Result<(), StoreError> {
        let text = self.text;
        if text.index.with_value(Option::is_some) || text.building.get_value() {
            return Ok(());
        }
        text.building.set_value(true);
        let built = self.build_text_index().await;
        text.building.set_value(false);
        let index = built?;
        text.index.set_value(Some(index));
        text.ready.set(true);
        text.revision.update(|r| *r += 1);
        Ok(())
    }

    async fn build_text_index(&self) -> Result<TextIndex, StoreError> {
        let docs = crate::jobs::text::live_texts(&*self.store()?).await?;
        let mut index = TextIndex::new();
        for slice in docs.chunks(SLICE) {
            for doc in slice {
                index.upsert(doc.clone());
            }
            yield_to_browser().await;
        }
        Ok(index)
    }
}
