//! Text engine benchmarks (filled in below).
fn main() {}
