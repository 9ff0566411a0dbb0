//! The key for the analysis worker. Jobs that read the store run in a Web
//! Worker with their own `IdbStore` connection, which has no passphrase to
//! unlock with. The unlocked page lends its key inside each job's request
//! ([`key_for_worker`] → `jobs::Request::key`), which `postMessage` hands to
//! that one worker and nothing else; the worker checks it against the
//! stored key check before using it ([`IdbStore::accept_lent_key`]). A
//! locked page lends nothing, so a worker then fails with
//! `StoreError::Locked`. (An earlier design answered key requests on a
//! BroadcastChannel, which any page of the same origin could have asked.)

use super::IdbStore;
use crate::store::seal::{Key, LentKey};
use std::cell::RefCell;
use std::rc::Rc;

thread_local! {
    static LENDER: RefCell<Option<Rc<IdbStore>>> = const { RefCell::new(None) };
}

/// Page side: from now on, jobs started from this page carry `store`'s key
/// while it is unlocked.
pub fn serve_key(store: Rc<IdbStore>) {
    LENDER.with(|l| *l.borrow_mut() = Some(store));
}

/// The key to put in a job's request: the unlocked page's, else none.
pub fn key_for_worker() -> Option<LentKey> {
    LENDER.with(|l| {
        l.borrow()
            .as_ref()
            .and_then(|store| store.key())
            .map(|key| key.lend())
    })
}

impl IdbStore {
    /// Worker side: uses the key the page lent, if it passes the stored key
    /// check; otherwise the store stays locked (and reads of sealed pages
    /// fail with `StoreError::Locked`).
    pub async fn accept_lent_key(&self, lent: &LentKey) {
        if self.is_unlocked() {
            return;
        }
        let (Ok(Some(record)), Some(key)) = (self.encryption().await, Key::from_lent(lent)) else {
            return;
        };
        if key.verify(&record.check).is_ok() {
            *self.key.borrow_mut() = Some(Rc::new(key));
        }
    }
}
