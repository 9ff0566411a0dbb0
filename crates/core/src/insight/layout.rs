//! A force-directed drawing of a network: Fruchterman & Reingold (1991),
//! with their grid variant for the repulsive forces (only nodes within 2k
//! of each other push apart, found through a grid of 2k cells), so one
//! iteration costs about O(n + m) instead of O(n²). Seeded and deterministic:
//! the same graph and seed always give the same picture.

use std::collections::HashMap;

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
    /// Pull towards the centre of the square per unit of distance from it,
    /// keeping separate components together on the page. Default 0.05.
    pub gravity: f64,
}

impl Default for LayoutParams {
    fn default() -> Self {
        LayoutParams {
            seed: 7,
            iterations: 100,
            gravity: 0.05,
        }
    }
}

/// Positions in [0, 1]² of `n` nodes linked by `edges` (node indices;
/// out-of-range ones are ignored). The drawing is scaled to fill the square
/// along its longer side and centred along the other; a single node sits
/// at the centre.
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
    let mut disp = vec![[0.0f64; 2]; n];
    let mut grid: HashMap<(i64, i64), Vec<usize>> = HashMap::new();
    let key = |p: [f64; 2]| ((p[0] / cell).floor() as i64, (p[1] / cell).floor() as i64);
    for iteration in 0..params.iterations {
        let temperature = 0.1 * (1.0 - iteration as f64 / params.iterations as f64);
        grid.values_mut().for_each(Vec::clear);
        for (i, &p) in pos.iter().enumerate() {
            grid.entry(key(p)).or_default().push(i);
        }
        for (i, d) in disp.iter_mut().enumerate() {
            let p = pos[i];
            let (cx, cy) = key(p);
            *d = [params.gravity * (0.5 - p[0]), params.gravity * (0.5 - p[1])];
            for gx in cx - 1..=cx + 1 {
                for gy in cy - 1..=cy + 1 {
                    for &j in grid.get(&(gx, gy)).map_or(&[][..], |v| &v[..]) {
                        if i == j {
                            continue;
                        }
                        let (dx, dy) = (p[0] - pos[j][0], p[1] - pos[j][1]);
                        let dist = (dx * dx + dy * dy).sqrt().max(1e-9);
                        if dist < cell {
                            let f = k * k / dist;
                            d[0] += dx / dist * f;
                            d[1] += dy / dist * f;
                        }
                    }
                }
            }
        }
        for &(a, b) in edges.iter().filter(|&&(a, b)| a < n && b < n && a != b) {
            let (dx, dy) = (pos[a][0] - pos[b][0], pos[a][1] - pos[b][1]);
            let dist = (dx * dx + dy * dy).sqrt().max(1e-9);
            let f = dist * dist / k;
            let (fx, fy) = (dx / dist * f, dy / dist * f);
            disp[a][0] -= fx;
            disp[a][1] -= fy;
            disp[b][0] += fx;
            disp[b][1] += fy;
        }
        for (p, d) in pos.iter_mut().zip(&disp) {
            let length = (d[0] * d[0] + d[1] * d[1]).sqrt();
            if length > 0.0 && length.is_finite() {
                let step = length.min(temperature);
                p[0] += d[0] / length * step;
                p[1] += d[1] / length * step;
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
