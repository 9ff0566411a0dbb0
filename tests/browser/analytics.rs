//! The numeric kernels as the browser runs them: wasm with simd128 has its
//! own k-means ranking (`k_means::ranking`), so its labels and sums are
//! checked here against exact distances, as the native tests check the
//! generic one.

use rapport::analytics::ml::k_means::lloyd::{step, Points, Scratch};
use wasm_bindgen_test::wasm_bindgen_test;

fn sq_dist(a: &[f64], b: &[f64]) -> f64 {
    a.iter().zip(b).map(|(x, y)| (x - y) * (x - y)).sum()
}

#[wasm_bindgen_test]
fn a_lloyd_step_in_wasm_labels_the_nearest_centroid_and_sums_each_cluster() {
    // 103 points (not a multiple of the group of three), 3 features, and
    // k = 5 (one panel, part empty) and k = 8 (a second panel).
    for k in [5, 8] {
        let (n, d) = (103, 3);
        let rows: Vec<f64> = (0..n * d)
            .map(|v| ((v / d * 37 + v % d * 11) % 29) as f64 * 0.7)
            .collect();
        let x = ndarray::ArrayView2::from_shape((n, d), &rows).expect("a 103 × 3 matrix");
        let points = Points::new(x);
        let centroids: Vec<f64> = (0..k * d).map(|v| ((v * 13) % 17) as f64).collect();
        let (mut labels, mut sums, mut counts) = (vec![0; n], vec![0.0; k * d], vec![0.0; k]);
        step(
            &points,
            &centroids,
            &mut labels,
            &mut sums,
            &mut counts,
            &mut Scratch::default(),
        );
        let mut want_sums = vec![0.0; k * d];
        let mut want_counts = vec![0.0; k];
        for (i, &l) in labels.iter().enumerate() {
            let row = points.row(i);
            let dist = |c: usize| sq_dist(row, &centroids[c * d..(c + 1) * d]);
            let best = (0..k).fold(0, |b, c| if dist(c) < dist(b) { c } else { b });
            assert!(
                dist(l) <= dist(best) + 1e-9,
                "k = {k}, point {i}: {l} vs {best}"
            );
            want_counts[l] += 1.0;
            for (j, v) in row.iter().enumerate() {
                want_sums[l * d + j] += v;
            }
        }
        assert_eq!(counts, want_counts, "k = {k}");
        for (a, b) in sums.iter().zip(&want_sums) {
            assert!((a - b).abs() < 1e-9, "k = {k}: {a} vs {b}");
        }
    }
}
