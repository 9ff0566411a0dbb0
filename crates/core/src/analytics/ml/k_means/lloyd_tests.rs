//! Tests of the fast k-means engine (`lloyd`).

use super::*;
use ndarray::Array2;

#[test]
fn step_labels_the_nearest_centroid_by_exact_distance_and_sums_each_cluster() {
    // 103 points (odd: one is ranked alone), 3 features; k from one
    // centroid to several panels of them (more than 8, and uneven).
    for k in [1, 2, 5, 8, 9, 10, 17] {
        check_step_against_exact_distances(103, 3, k);
    }
}

/// `step` on `n × d` points and `k` centroids, values spread so no point
/// is near a tie, checked against exact distances and plain sums.
fn check_step_against_exact_distances(n: usize, d: usize, k: usize) {
    let x = Array2::from_shape_fn((n, d), |(i, j)| ((i * 37 + j * 11) % 29) as f64 * 0.7);
    let points = Points::new(x.view());
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
        for j in 0..d {
            want_sums[l * d + j] += row[j];
        }
    }
    assert_eq!(counts, want_counts);
    for (a, b) in sums.iter().zip(&want_sums) {
        assert!((a - b).abs() < 1e-9, "{a} vs {b}");
    }
}

#[test]
fn a_column_major_view_gives_the_same_rows() {
    let x = Array2::from_shape_fn((4, 2), |(i, j)| (i * 2 + j) as f64);
    let t = x.t().to_owned();
    let points = Points::new(t.t());
    assert_eq!(points.row(3), &[6.0, 7.0]);
}
