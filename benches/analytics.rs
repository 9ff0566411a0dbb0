//! Benchmarks (placeholder until the module lands).

fn main() {}
