//! Analyses as pure functions from model data to result structs:
//! feature matrices, segmentation (k-means), regression, text similarity,
//! sentiment, networks. No DOM and no store, so everything here is tested
//! natively against reference values and benchmarked with `cargo bench`.

pub mod campaigns;
pub mod dashboard;
pub mod ml;
pub mod period;
pub mod sales;
pub mod tallied;
