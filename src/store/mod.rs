//! Persistence: one async [`Store`] contract over the record collections.
//! `MemStore` implements it in memory for native tests; `IdbStore` (wasm
//! only) on IndexedDB. All writes go through one `apply(ChangeSet)` that
//! commits atomically.
