//! The CSV import on the fixture corpus in `tests/fixtures/import/` (written
//! by `make_fixtures.py` there): every malformed file gets its exact
//! sentence and leaves the store untouched, numbers typed in other locales
//! and scripts are read or refused with the parser's sentence, every preset
//! maps itself, encodings and delimiters are detected, duplicates follow the
//! policy, orders files link and create customers, and an import reverts as
//! a whole.

#[path = "io_import/support.rs"]
mod support;

#[path = "io_import/corpus.rs"]
mod corpus;
#[path = "io_import/duplicates.rs"]
mod duplicates;
#[path = "io_import/locale_numbers.rs"]
mod locale_numbers;
#[path = "io_import/malformed.rs"]
mod malformed;
#[path = "io_import/orders.rs"]
mod orders;
#[path = "io_import/presets.rs"]
mod presets;
