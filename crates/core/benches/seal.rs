//! Benchmarks of sealing and opening one full page value (512 KiB of record
//! JSON, the most a page body takes) with AES-256-GCM, and of the key check.
//! Native figures; in the browser the same code runs as wasm (no AES-NI),
//! several times slower.

#![allow(missing_docs)] // criterion_group! generates undocumented items

// Criterion is native-only; on wasm32 (clippy --all-targets) this is empty.
#[cfg(target_arch = "wasm32")]
fn main() {}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    native::benches();
    criterion::Criterion::default()
        .configure_from_args()
        .final_summary();
}

#[cfg(not(target_arch = "wasm32"))]
mod native {
    use criterion::{criterion_group, Criterion, Throughput};
    use rapport_core::store::page::PAGE_BYTES;
    use rapport_core::store::seal::Key;
    use std::hint::black_box;
    use std::time::Duration;

    /// A page body's worth of record-like JSON.
    fn body() -> String {
        let record = "{\"id\":\"5b0c6a1e-7f5e-4a51-9a0e-2b8f0e6f3c11\",\"given_name\":\"Ada\",\"family_name\":\"Lovelace\",\"emails\":[\"ada@example.com\"]}";
        let mut out = String::with_capacity(PAGE_BYTES + record.len());
        while out.len() < PAGE_BYTES {
            if !out.is_empty() {
                out.push_str(",\n");
            }
            out.push_str(record);
        }
        out
    }

    fn seal(c: &mut Criterion) {
        let key = Key::from_bytes(&[7; 32]);
        let text = body();
        let sealed = key.seal("customers/body", &text).expect("seal");
        let mut group = c.benchmark_group("seal");
        group.throughput(Throughput::Bytes(text.len() as u64));
        group.bench_function("seal_512k_page", |b| {
            b.iter(|| key.seal("customers/body", black_box(&text)))
        });
        group.bench_function("open_512k_page", |b| {
            b.iter(|| key.open("customers/body", black_box(&sealed)))
        });
        group.finish();
        let check = key.check_value().expect("check value");
        c.bench_function("verify_key_check", |b| {
            b.iter(|| key.verify(black_box(&check)))
        });
    }

    criterion_group! {
        name = benches;
        config = Criterion::default()
            .sample_size(20)
            .measurement_time(Duration::from_secs(3));
        targets = seal
    }
}
