//! Benchmarks of `analytics::ml` at 100,000 customers: one k-means
//! iteration (100,000 × 8, k = 5) in both engines, linear and logistic
//! regression fits (100,000 × 8) in both engines, a silhouette on the
//! 2,000-row sample, the feature-table build from model records, and
//! segments with automatic k (2–10, 3 starts each, the Segments page's
//! request) on 100,000 synthetic customers.
//!
//! The browser has one thread per worker, so `RAYON_NUM_THREADS` is set to
//! 1 (linfa-clustering's assignment step uses rayon natively) unless the
//! caller set it. `cargo bench` uses the release profile, where the core
//! and its numeric crates are at `opt-level = 3` (like the wasm build).
//!
//! The data set is also written to `<target>/ml_bench/` for
//! `ml_sklearn.py`, which times scikit-learn on it (one thread) and prints
//! the figures side by side with these (`scripts/bench` runs both).

#![allow(missing_docs)] // criterion_group! generates undocumented items

// Criterion is native-only; on wasm32 (clippy --all-targets) this is empty.
#[cfg(target_arch = "wasm32")]
fn main() {}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    if std::env::var_os("RAYON_NUM_THREADS").is_none() {
        std::env::set_var("RAYON_NUM_THREADS", "1");
    }
    native::benches();
    criterion::Criterion::default()
        .configure_from_args()
        .final_summary();
}

#[cfg(not(target_arch = "wasm32"))]
mod native {
    use std::hint::black_box;
    use std::time::Duration;

    use criterion::{criterion_group, Criterion};
    use ndarray::{ArrayView1, ArrayView2};
    use rapport_core::analytics::ml::k_means::lloyd::{self, Points, Scratch};
    use rapport_core::analytics::ml::k_means::{self, Engine, KMeansInit, KMeansParams};
    use rapport_core::analytics::ml::linear::fit_linear;
    use rapport_core::analytics::ml::logistic::fit_logistic;
    use rapport_core::analytics::ml::segment::{
        segment, SegmentRequest, DEFAULT_FEATURES as SEGMENT_FEATURES,
    };
    use rapport_core::analytics::ml::silhouette::{silhouette, SilhouetteParams};
    use rapport_core::analytics::ml::{
        no_progress, synthetic, CrmData, FeatureTable, MissingHandling, MissingPolicy,
    };

    const N: usize = 100_000;
    const NOW: i64 = 1_700_000_000_000;
    /// Iterations per timed k-means run (per-iteration time = time / this).
    const ITERS: usize = 10;
    fn bench_ml(c: &mut Criterion) {
        let (x, y, yes) = synthetic::blobs(N, 8, 5, 1);
        let start: Vec<Vec<f64>> = (0..5).map(|r| x.row(r * 1000).to_vec()).collect();
        write_data(x.view(), &y, &yes);

        let mut g = c.benchmark_group("ml 100k");
        g.sample_size(10).measurement_time(Duration::from_secs(4));

        let points = Points::new(x.view());
        let flat = start.concat();
        let mut labels = vec![0; N];
        let (mut sums, mut new, mut counts) =
            (vec![0.0; flat.len()], vec![0.0; flat.len()], vec![0.0; 5]);
        let mut scratch = Scratch::default();
        g.bench_function("kmeans fast: 1 iteration (assign + update)", |b| {
            b.iter(|| {
                lloyd::step(
                    &points,
                    black_box(&flat),
                    &mut labels,
                    &mut sums,
                    &mut counts,
                    &mut scratch,
                );
                lloyd::update(&sums, &counts, &flat, &mut new);
            })
        });
        let mut dists = vec![0.0; N];
        g.bench_function(
            "kmeans fast: exact distances to the labelled centroids",
            |b| b.iter(|| lloyd::distances(&points, black_box(&flat), &labels, &mut dists)),
        );
        for engine in [Engine::Fast, Engine::Linfa] {
            let params = KMeansParams {
                init: KMeansInit::Precomputed(start.clone()),
                max_iter: ITERS,
                tolerance: 1e-300,
                engine,
                ..KMeansParams::new(5)
            };
            g.bench_function(format!("kmeans {engine:?}: fit, {ITERS} iterations"), |b| {
                b.iter(|| k_means::fit(black_box(x.view()), &params, &mut no_progress).unwrap())
            });
        }
        for engine in [Engine::Fast, Engine::Linfa] {
            g.bench_function(format!("linear {engine:?}: fit"), |b| {
                b.iter(|| fit_linear(black_box(x.view()), ArrayView1::from(&y), engine).unwrap())
            });
        }
        for engine in [Engine::Fast, Engine::Linfa] {
            g.bench_function(format!("logistic {engine:?}: fit, C = 1"), |b| {
                b.iter(|| {
                    fit_logistic(black_box(x.view()), &yes, 1.0, engine, &mut no_progress).unwrap()
                })
            });
        }
        let fit = k_means::fit(x.view(), &KMeansParams::new(5), &mut no_progress).unwrap();
        g.bench_function("silhouette: 2,000-row sample", |b| {
            b.iter(|| {
                silhouette(
                    x.view(),
                    black_box(&fit.labels),
                    &SilhouetteParams::default(),
                )
            })
        });

        let (customers, orders, tickets, deals) = synthetic::crm(N, NOW, 2);
        let data = CrmData {
            customers: &customers,
            orders: &orders,
            tickets: &tickets,
            deals: &deals,
        };
        g.bench_function("feature table: build", |b| {
            b.iter(|| FeatureTable::build(black_box(data), NOW))
        });
        let table = FeatureTable::build(data, NOW);
        write_segment_data(&table);
        let request = SegmentRequest {
            features: SEGMENT_FEATURES.to_vec(),
            missing: MissingHandling::all(MissingPolicy::Impute),
            ..SegmentRequest::default()
        };
        g.bench_function("segments: automatic k (2-10)", |b| {
            b.iter(|| segment(black_box(&table), &request, &mut no_progress).unwrap())
        });
        g.finish();
    }

    /// Writes the Segments page's six feature columns (row-major, `NaN` =
    /// missing) to `<target>/ml_bench/segments.f64` for `ml_sklearn.py`.
    fn write_segment_data(table: &FeatureTable) {
        let Some(dir) = bench_data_dir() else {
            return;
        };
        let columns: Vec<&[f64]> = SEGMENT_FEATURES.iter().map(|&f| table.column(f)).collect();
        let bytes: Vec<u8> = (0..table.len())
            .flat_map(|row| columns.iter().map(move |c| c[row]))
            .flat_map(f64::to_le_bytes)
            .collect();
        let shape = format!(
            r#"{{"n": {}, "d": {}, "k_min": 2, "k_max": 10, "n_init": 3, "silhouette_sample": 2000}}"#,
            table.len(),
            columns.len()
        );
        let result = std::fs::create_dir_all(&dir)
            .and_then(|()| std::fs::write(dir.join("segments.f64"), bytes))
            .and_then(|()| std::fs::write(dir.join("segments.json"), shape));
        if let Err(e) = result {
            println!("could not write the segment data for ml_sklearn.py: {e}");
        }
    }

    /// `<target>/ml_bench/`: the target directory is the one this bench
    /// runs from (`<target>/release/deps/analytics-…`).
    fn bench_data_dir() -> Option<std::path::PathBuf> {
        std::env::current_exe()
            .ok()
            .and_then(|exe| Some(exe.parent()?.parent()?.parent()?.join("ml_bench")))
    }

    /// Writes the data set for `ml_sklearn.py` to `<target>/ml_bench/`:
    /// `x.f64` (row-major), `y.f64`, `yes.f64` (0 or 1), all little-endian,
    /// and `shape.json`, in [`bench_data_dir`].
    fn write_data(x: ArrayView2<f64>, y: &[f64], yes: &[bool]) {
        let Some(dir) = bench_data_dir() else {
            return;
        };
        let bytes = |v: &mut dyn Iterator<Item = f64>| -> Vec<u8> {
            v.flat_map(f64::to_le_bytes).collect()
        };
        let result = std::fs::create_dir_all(&dir)
            .and_then(|()| std::fs::write(dir.join("x.f64"), bytes(&mut x.iter().copied())))
            .and_then(|()| std::fs::write(dir.join("y.f64"), bytes(&mut y.iter().copied())))
            .and_then(|()| {
                let v = &mut yes.iter().map(|&b| if b { 1.0 } else { 0.0 });
                std::fs::write(dir.join("yes.f64"), bytes(v))
            })
            .and_then(|()| {
                let shape = format!(
                    r#"{{"n": {}, "d": {}, "k": 5, "start_rows": [0, 1000, 2000, 3000, 4000], "kmeans_iters": {ITERS}}}"#,
                    x.nrows(),
                    x.ncols()
                );
                std::fs::write(dir.join("shape.json"), shape)
            });
        match result {
            Ok(()) => println!("data for ml_sklearn.py written to {}", dir.display()),
            Err(e) => println!("could not write the data for ml_sklearn.py: {e}"),
        }
    }

    criterion_group!(benches, bench_ml);
}
