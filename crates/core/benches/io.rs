//! Benchmarks of the CSV import at 100,000 rows (a HubSpot-style contacts
//! file of about 12 MB): reading alone (decode + split into rows, fed in
//! 1 MB slices as the page does), and the whole import up to the change
//! set (read + map + validate + duplicates + envelopes). Criterion reports
//! rows per second.

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
    use std::hint::black_box;

    use criterion::{criterion_group, Criterion, Throughput};
    use rapport_core::io::import::{
        auto_map, CsvReader, CustomerImport, DuplicatePolicy, ReadOptions, SourceRow,
    };

    const ROWS: usize = 100_000;
    const NOW: i64 = 1_750_000_000_000;

    /// A HubSpot contacts export with `n` rows (every 50th has a bad email,
    /// every 20th repeats an earlier email).
    fn hubspot_file(n: usize) -> Vec<u8> {
        let mut out = String::from(
            "Record ID,First Name,Last Name,Email,Phone Number,Company Name,Job Title,City,\
             Country/Region,Lifecycle Stage,Contact owner\r\n",
        );
        for i in 0..n {
            let email = match i {
                i if i % 50 == 7 => format!("user{i}@"),
                i if i % 20 == 3 => format!("user{}@example.com", i / 2),
                i => format!("user{i}@example.com"),
            };
            out.push_str(&format!(
                "{i},Given{i},\"Family, {}\",{email},+1 415 555 {:04},Company {},Analyst,City {},\
                 United States,Marketing qualified lead,Owner {}\r\n",
                i % 997,
                i % 10_000,
                i % 501,
                i % 89,
                i % 7
            ));
        }
        out.into_bytes()
    }

    fn read(bytes: &[u8], mut each: impl FnMut(&CsvReader, Vec<SourceRow>)) {
        let mut reader = CsvReader::new(ReadOptions::default());
        for part in bytes.chunks(1 << 20) {
            reader.feed(part).expect("valid file");
            let rows = reader.take_rows();
            each(&reader, rows);
        }
        reader.finish().expect("valid file");
        let rows = reader.take_rows();
        each(&reader, rows);
    }

    fn bench_import(c: &mut Criterion) {
        let file = hubspot_file(ROWS);
        let mut group = c.benchmark_group("import 100k rows");
        group.sample_size(10);
        group.throughput(Throughput::Elements(ROWS as u64));
        group.bench_function("read", |b| {
            b.iter(|| {
                let mut n = 0;
                read(black_box(&file), |_, rows| n += rows.len());
                n
            })
        });
        group.bench_function("read + convert + change set", |b| {
            b.iter(|| {
                let mut job: Option<CustomerImport> = None;
                read(black_box(&file), |reader, rows| {
                    let job = job.get_or_insert_with(|| {
                        let header = reader.header().unwrap_or_default().to_vec();
                        let (_, mapping) = auto_map(&header);
                        CustomerImport::new(header, mapping, Vec::new(), DuplicatePolicy::Skip, NOW)
                            .with_seed(1)
                    });
                    job.add_rows(rows);
                });
                let job = job.expect("rows were read");
                job.into_change_set("Import of bench.csv", "bench.csv")
                    .expect("valid rows")
            })
        });
        group.finish();
    }

    criterion_group!(benches, bench_import);
}
