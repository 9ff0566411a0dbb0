//! Encryption at rest on `IdbStore`: unlocking and locking a connection, and
//! turning encryption on or off — an encryption record in `meta`, then every
//! page rewritten in batches, one readwrite transaction per batch that also
//! advances the record, so a reload between or inside batches leaves every
//! page readable (each value says whether it is sealed) and the rewrite
//! resumable from the record. The state machine is the core's
//! ([`EncryptionRecord`]); this file runs it on IndexedDB.

use super::{crypto, map_error, pages, IdbStore};
use crate::store::seal::{EncryptionRecord, KdfParams, Key, SealError, Target};
use crate::store::StoreError;
use idb::{TransactionMode, TransactionResult};
use std::rc::Rc;

/// Where a rewrite stands after a batch.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RewriteProgress {
    /// Turning encryption on (sealed) or off (plain).
    pub target: Target,
    /// Pages rewritten so far.
    pub done: u64,
    /// Pages in all.
    pub total: u64,
    /// Whether the rewrite is complete (the record says on, or is gone).
    pub finished: bool,
}

impl IdbStore {
    /// The key of this connection, when unlocked.
    pub(super) fn key(&self) -> Option<Rc<Key>> {
        self.key.borrow().clone()
    }

    /// Whether this connection holds the key.
    pub fn is_unlocked(&self) -> bool {
        self.key.borrow().is_some()
    }

    /// The stored encryption record: `None` when encryption is off.
    pub async fn encryption(&self) -> Result<Option<EncryptionRecord>, StoreError> {
        let txn = self.transaction(TransactionMode::ReadOnly)?;
        pages::encryption(&txn).await
    }

    /// Derives the key from `passphrase` and checks it against the stored
    /// key check; keeps it when it fits. A wrong passphrase is
    /// `StoreError::Seal(SealError::WrongPassphrase)` and changes nothing.
    pub async fn unlock(&self, passphrase: &str) -> Result<(), StoreError> {
        let record = self.encryption().await?.ok_or(SealError::NotOn)?;
        let key = crypto::derive_key(passphrase, &record.kdf).await?;
        key.verify(&record.check)?;
        self.catalogs.borrow_mut().clear();
        *self.key.borrow_mut() = Some(Rc::new(key));
        Ok(())
    }

    /// Forgets the key (and the catalogs built with it): sealed pages can no
    /// longer be read or written through this connection.
    pub fn lock(&self) {
        *self.key.borrow_mut() = None;
        self.catalogs.borrow_mut().clear();
    }

    /// Starts turning encryption on with `passphrase`: a fresh salt, the key
    /// derived, the record stored. Every page is then rewritten by
    /// [`IdbStore::rewrite_batch`] (or [`IdbStore::finish_rewrite`]); writes
    /// are sealed from now on.
    pub async fn turn_encryption_on(&self, passphrase: &str) -> Result<(), StoreError> {
        if self.encryption().await?.is_some() {
            return Err(SealError::AlreadyOn.into());
        }
        let kdf = KdfParams::fresh()?;
        let key = crypto::derive_key(passphrase, &kdf).await?;
        let record = EncryptionRecord::turning_on(kdf, key.check_value()?);
        let txn = self.transaction(TransactionMode::ReadWrite)?;
        if pages::encryption(&txn).await?.is_some() {
            let _ = txn.abort();
            return Err(SealError::AlreadyOn.into());
        }
        pages::put_encryption(&txn, Some(&record))?;
        self.finish(txn).await?;
        *self.key.borrow_mut() = Some(Rc::new(key));
        Ok(())
    }

    /// Starts turning encryption off; needs the passphrase (a wrong one
    /// changes nothing). Every page is then rewritten plain.
    pub async fn turn_encryption_off(&self, passphrase: &str) -> Result<(), StoreError> {
        let record = self.encryption().await?.ok_or(SealError::NotOn)?;
        let key = crypto::derive_key(passphrase, &record.kdf).await?;
        key.verify(&record.check)?;
        let txn = self.transaction(TransactionMode::ReadWrite)?;
        let Some(current) = pages::encryption(&txn).await? else {
            let _ = txn.abort();
            return Err(SealError::NotOn.into());
        };
        pages::put_encryption(&txn, Some(&current.turning_off()))?;
        self.finish(txn).await?;
        *self.key.borrow_mut() = Some(Rc::new(key));
        Ok(())
    }

    /// Rewrites the next batch of at most `max_pages` pages towards the
    /// rewrite's target, and advances the record, in one transaction; when
    /// no page is left, marks the rewrite complete. Needs the key.
    pub async fn rewrite_batch(&self, max_pages: usize) -> Result<RewriteProgress, StoreError> {
        let txn = self.transaction(TransactionMode::ReadWrite)?;
        let Some(record) = pages::encryption(&txn).await? else {
            let _ = txn.abort();
            return Ok(RewriteProgress {
                target: Target::Plain,
                done: 0,
                total: 0,
                finished: true,
            });
        };
        let Some(target) = record.rewriting() else {
            let _ = txn.abort();
            return Ok(RewriteProgress {
                target: Target::Sealed,
                done: 0,
                total: 0,
                finished: true,
            });
        };
        let Some(key) = self.key() else {
            let _ = txn.abort();
            return Err(StoreError::Locked);
        };
        let numbers = pages::page_numbers(&txn).await?;
        let Some(batch) = record.next_batch(&numbers, max_pages) else {
            let (done, total) = record.progress(&numbers);
            pages::put_encryption(&txn, record.finished().as_ref())?;
            self.finish(txn).await?;
            if target == Target::Plain {
                self.lock();
            }
            return Ok(RewriteProgress {
                target,
                done,
                total,
                finished: true,
            });
        };
        let seal = (target == Target::Sealed).then_some(&*key);
        let heads = txn
            .object_store(crate::store::schema::HEADS)
            .map_err(map_error)?;
        let bodies = txn
            .object_store(crate::store::schema::BODIES)
            .map_err(map_error)?;
        let tallies = txn
            .object_store(crate::store::schema::TALLIES)
            .map_err(map_error)?;
        let tallied = crate::store::tally::is_tallied(batch.collection);
        let mut requests = Vec::new();
        for no in &batch.pages {
            let page_key = pages::page_key(batch.collection, *no);
            // Issued in the order they are awaited (see `pages::read_pages`).
            let head = heads.get(page_key.clone()).map_err(map_error)?;
            let body = bodies.get(page_key.clone()).map_err(map_error)?;
            let tally = match tallied {
                true => Some(tallies.get(page_key).map_err(map_error)?),
                false => None,
            };
            requests.push((*no, head, body, tally));
        }
        for (no, head, body, tally) in requests {
            let head = head.await.map_err(map_error)?;
            let body = body.await.map_err(map_error)?;
            let tally = match tally {
                Some(request) => request.await.map_err(map_error)?,
                None => None,
            };
            let (Some(head), Some(body)) = (head, body) else {
                continue; // deleted meanwhile: nothing to rewrite
            };
            let (head, body) = pages::open_pair(batch.collection, &head, &body, Some(&key))?;
            pages::put_pair(&txn, batch.collection, no, &head, &body, seal)?;
            if let Some(tally) = pages::open_tally(batch.collection, tally.as_ref(), Some(&key))? {
                pages::put_tally(&txn, batch.collection, no, &tally, seal)?;
            }
        }
        // The cached sums were sealed (or not) the old way: counted afresh.
        super::kept::forget(&txn, &crate::store::tally::TALLIED)?;
        let advanced = record.advanced(&batch);
        let (done, total) = advanced.progress(&numbers);
        pages::put_encryption(&txn, Some(&advanced))?;
        self.finish(txn).await?;
        Ok(RewriteProgress {
            target,
            done,
            total,
            finished: false,
        })
    }

    /// Runs [`IdbStore::rewrite_batch`] until the rewrite is complete,
    /// telling `on_progress` after each batch.
    pub async fn finish_rewrite(
        &self,
        max_pages: usize,
        mut on_progress: impl FnMut(RewriteProgress),
    ) -> Result<(), StoreError> {
        loop {
            let progress = self.rewrite_batch(max_pages).await?;
            on_progress(progress);
            if progress.finished {
                return Ok(());
            }
        }
    }

    /// Commits `txn`, an abort becoming an error.
    async fn finish(&self, txn: idb::Transaction) -> Result<(), StoreError> {
        match txn.commit().map_err(map_error)?.await.map_err(map_error)? {
            TransactionResult::Committed => Ok(()),
            TransactionResult::Aborted => Err(self.aborted_because().await),
        }
    }
}
