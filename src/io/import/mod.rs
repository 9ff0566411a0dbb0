//! CSV import: decoding, delimiter detection, column mapping with presets
//! for other CRMs, per-row validation, duplicates, orders files, revert.
