//! A force-directed drawing of a network: Fruchterman & Reingold (1991),
//! with their grid variant for the repulsive forces (only nodes within 2k
//! of each other push apart, found through a grid of 2k cells). Where a
//! neighbouring cell is crowded, its nodes push as one weight at their
//! centroid (one level of Barnes–Hut), so one iteration costs about
//! O(n + m + Σ cell²) instead of O(n²) even where the drawing is dense. Seeded and deterministic:
//! the same graph and seed always give the same picture.

use rand::{Rng, SeedableRng};
use rand_xoshiro::Xoshiro256PlusPlus;
use serde::{Deserialize, Serialize};

/// Settings of the layout.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct LayoutParams {
    /// Seed of the random start. Default 7.
    pub seed: u64,
    /// Iterations (the temperature falls linearly to 0 over them). Default 100.
    pub iterations: usize,
}

impl Default for LayoutParams {
    fn default() -> Self {
        LayoutParams {
            seed: 7,
            iterations: 100,
        }
    }
}

/// Positions in [0, 1]² of `n` nodes linked by `edges` (node indices;
/// out-of-range ones and self-links are ignored). As in the original, the
/// frame is the unit square (k = √(1/n)) and nodes stop at its walls, so
/// separate components stay on the page and each grid cell holds a few
/// nodes on average. The result is then scaled to fill the square along its
/// longer side and centred along the other; a single node sits at the centre.
pub fn fruchterman_reingold(
    n: usize,
    edges: &[(usize, usize)],
    params: &LayoutParams,
) -> Vec<[f64; 2]> {
    if n == 0 {
        return Vec::new();
    }
    let mut rng = Xoshiro256PlusPlus::seed_from_u64(params.seed);
    let mut pos: Vec<[f64; 2]> = (0..n).map(|_| [rng.gen(), rng.gen()]).collect();
    let k = (1.0 / n as f64).sqrt();
    let cell = 2.0 * k;
    let side = ((1.0 / cell).ceil() as usize).max(1);
    let cell_of = |p: [f64; 2]| {
        let c = |v: f64| ((v / cell) as usize).min(side - 1);
        (c(p[0]), c(p[1]))
    };
    let mut disp = vec![[0.0f64; 2]; n];
    // Nodes by cell, rebuilt each iteration by a counting sort.
    let (mut starts, mut members) = (vec![0usize; side * side + 1], vec![0usize; n]);
    for iteration in 0..params.iterations {
        let temperature = 0.1 * (1.0 - iteration as f64 / params.iterations as f64);
        starts.iter_mut().for_each(|v| *v = 0);
        for &p in &pos {
            let (x, y) = cell_of(p);
            starts[x * side + y + 1] += 1;
        }
        for i in 0..side * side {
            starts[i + 1] += starts[i];
        }
        let mut fill = starts.clone();
        for (i, &p) in pos.iter().enumerate() {
            let (x, y) = cell_of(p);
            members[fill[x * side + y]] = i;
            fill[x * side + y] += 1;
        }
        // Each cell's node count and centroid, standing in for its nodes
        // when they push on nodes of the neighbouring cells.
        let centroids: Vec<[f64; 2]> = (0..side * side)
            .map(|c| {
                let m = &members[starts[c]..starts[c + 1]];
                let sum = m
                    .iter()
                    .fold([0.0, 0.0], |a, &j| [a[0] + pos[j][0], a[1] + pos[j][1]]);
                let count = m.len().max(1) as f64;
                [sum[0] / count, sum[1] / count]
            })
            .collect();
        for (i, d) in disp.iter_mut().enumerate() {
            let p = pos[i];
            let (cx, cy) = cell_of(p);
            *d = [0.0, 0.0];
            let mut push = |from: [f64; 2], weight: f64, tie: f64| {
                let (dx, dy) = (p[0] - from[0], p[1] - from[1]);
                let dist = (dx * dx + dy * dy).sqrt();
                if dist < cell {
                    // Coincident points push apart along a fixed direction.
                    let (ux, uy, dist) = if dist > 1e-12 {
                        (dx / dist, dy / dist, dist)
                    } else {
                        (tie, 0.0, 1e-12)
                    };
                    let f = weight * k * k / dist;
                    d[0] += ux * f;
                    d[1] += uy * f;
                }
            };
            for gx in cx.saturating_sub(1)..=(cx + 1).min(side - 1) {
                for gy in cy.saturating_sub(1)..=(cy + 1).min(side - 1) {
                    let c = gx * side + gy;
                    let m = &members[starts[c]..starts[c + 1]];
                    if (gx, gy) == (cx, cy) || m.len() <= 4 {
                        for &j in m.iter().filter(|&&j| j != i) {
                            push(pos[j], 1.0, if i < j { 1.0 } else { -1.0 });
                        }
                    } else {
                        push(centroids[c], m.len() as f64, 1.0);
                    }
                }
            }
        }
        for &(a, b) in edges.iter().filter(|&&(a, b)| a < n && b < n && a != b) {
            let (dx, dy) = (pos[a][0] - pos[b][0], pos[a][1] - pos[b][1]);
            let dist = (dx * dx + dy * dy).sqrt();
            // Attraction d²/k along the link: (dx, dy) · d / k.
            let (fx, fy) = (dx * dist / k, dy * dist / k);
            disp[a][0] -= fx;
            disp[a][1] -= fy;
            disp[b][0] += fx;
            disp[b][1] += fy;
        }
        for (p, d) in pos.iter_mut().zip(&disp) {
            let length = (d[0] * d[0] + d[1] * d[1]).sqrt();
            if length > 0.0 && length.is_finite() {
                let step = length.min(temperature);
                p[0] = (p[0] + d[0] / length * step).clamp(0.0, 1.0);
                p[1] = (p[1] + d[1] / length * step).clamp(0.0, 1.0);
            }
        }
    }
    fit_to_unit_square(&mut pos);
    pos
}

/// Scales and centres the points into [0, 1]², keeping the aspect ratio.
fn fit_to_unit_square(pos: &mut [[f64; 2]]) {
    let (mut lo, mut hi) = ([f64::INFINITY; 2], [f64::NEG_INFINITY; 2]);
    for p in pos.iter() {
        for a in 0..2 {
            lo[a] = lo[a].min(p[a]);
            hi[a] = hi[a].max(p[a]);
        }
    }
    let span = (hi[0] - lo[0]).max(hi[1] - lo[1]);
    for p in pos.iter_mut() {
        for a in 0..2 {
            p[a] = if span > 0.0 && span.is_finite() {
                0.5 + (p[a] - (lo[a] + hi[a]) / 2.0) / span
            } else {
                0.5
            };
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ring(n: usize) -> Vec<(usize, usize)> {
        (0..n).map(|i| (i, (i + 1) % n)).collect()
    }

    #[test]
    fn the_same_seed_gives_the_same_layout_inside_the_unit_square() {
        let edges = ring(40);
        let a = fruchterman_reingold(40, &edges, &LayoutParams::default());
        let b = fruchterman_reingold(40, &edges, &LayoutParams::default());
        assert_eq!(a, b);
        assert!(a.iter().flatten().all(|v| (0.0..=1.0).contains(v)));
        let other = LayoutParams {
            seed: 8,
            ..LayoutParams::default()
        };
        assert_ne!(a, fruchterman_reingold(40, &edges, &other));
    }

    #[test]
    fn linked_nodes_end_up_closer_than_unlinked_ones() {
        let edges = ring(30);
        let pos = fruchterman_reingold(30, &edges, &LayoutParams::default());
        let d = |a: usize, b: usize| {
            ((pos[a][0] - pos[b][0]).powi(2) + (pos[a][1] - pos[b][1]).powi(2)).sqrt()
        };
        let linked: f64 = edges.iter().map(|&(a, b)| d(a, b)).sum::<f64>() / 30.0;
        let all: f64 = (0..30)
            .flat_map(|a| (0..30).map(move |b| (a, b)))
            .filter(|(a, b)| a != b)
            .map(|(a, b)| d(a, b))
            .sum::<f64>()
            / (30.0 * 29.0);
        assert!(linked < all / 2.0, "linked {linked} vs average {all}");
    }

    #[test]
    fn tiny_and_odd_inputs_give_finite_positions() {
        assert!(fruchterman_reingold(0, &[], &LayoutParams::default()).is_empty());
        assert_eq!(
            fruchterman_reingold(1, &[(0, 5)], &LayoutParams::default()),
            vec![[0.5, 0.5]]
        );
        let two = fruchterman_reingold(2, &[(0, 1), (1, 1)], &LayoutParams::default());
        assert!(two.iter().flatten().all(|v| v.is_finite()));
    }
}
