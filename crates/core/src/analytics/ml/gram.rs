//! Weighted Gram matrices `Σ w_i · v_i v_iᵀ` over rows taken a block at a
//! time: the normal equations of least squares (weights 1) and the Hessian
//! of a logistic Newton step (weights `p(1 − p)`) are both one of these.
//!
//! Hand-written because it is the whole cost of both fits (measured in
//! `benches/analytics.rs`): the caller copies a block of up to [`BLOCK`]
//! rows into a [`Block`] column by column (contiguous `f64`), and every
//! entry of the lower triangle is then one dot product of two columns of
//! the block, summed in four lanes so the compiler vectorises it (SSE2
//! natively, simd128 in wasm) — no per-row bookkeeping, no allocation.

/// Rows per block (the block's columns stay in L1).
pub const BLOCK: usize = 64;

/// A block of rows stored column by column, and a weight per row.
#[derive(Debug, Clone)]
pub struct Block {
    /// Columns per row.
    m: usize,
    /// Rows filled.
    len: usize,
    /// `cols[a * BLOCK + t]` is column `a` of row `t`.
    cols: Vec<f64>,
    /// Weight of row `t`.
    weights: Vec<f64>,
    /// `weights · column a`, one column at a time.
    weighted: Vec<f64>,
}

impl Block {
    /// An empty block of rows with `m` columns.
    pub fn new(m: usize) -> Block {
        Block {
            m,
            len: 0,
            cols: vec![0.0; m * BLOCK],
            weights: vec![0.0; BLOCK],
            weighted: vec![0.0; BLOCK],
        }
    }

    /// Rows filled so far.
    pub fn len(&self) -> usize {
        self.len
    }

    /// Whether no row was filled since the last [`Block::clear`].
    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    /// Whether the block holds [`BLOCK`] rows.
    pub fn is_full(&self) -> bool {
        self.len == BLOCK
    }

    /// Empties the block (the next row is row 0 again).
    pub fn clear(&mut self) {
        self.len = 0;
    }

    /// Appends a row: its first `values.len()` columns from `values`, the
    /// rest from `tail`, and its weight. Call only when not full.
    pub fn push(&mut self, values: &[f64], tail: &[f64], weight: f64) {
        let t = self.len;
        for (a, &v) in values.iter().chain(tail).take(self.m).enumerate() {
            self.cols[a * BLOCK + t] = v;
        }
        self.weights[t] = weight;
        self.len += 1;
    }

    /// Column `a` of the filled rows.
    pub fn column(&self, a: usize) -> &[f64] {
        &self.cols[a * BLOCK..a * BLOCK + self.len]
    }

    /// The weights of the filled rows.
    pub fn weights(&self) -> &[f64] {
        &self.weights[..self.len]
    }

    /// Mutable weights of the filled rows.
    pub fn weights_mut(&mut self) -> &mut [f64] {
        &mut self.weights[..self.len]
    }

    /// Adds the block's `Σ_t w_t · v_t v_tᵀ` to the lower triangle of
    /// `gram` (`m × m`, row-major; the upper triangle is not touched).
    pub fn add_gram(&mut self, gram: &mut [f64]) {
        let (m, len) = (self.m, self.len);
        for a in 0..m {
            let col_a = &self.cols[a * BLOCK..a * BLOCK + len];
            for ((o, &w), &v) in self.weighted[..len]
                .iter_mut()
                .zip(&self.weights[..len])
                .zip(col_a)
            {
                *o = w * v;
            }
            for b in 0..=a {
                gram[a * m + b] += dot(&self.weighted[..len], self.column(b));
            }
        }
    }

    /// Adds `Σ_t r_t · v_t` to `out` (`m` values).
    pub fn add_weighted_sum(&self, r: &[f64], out: &mut [f64]) {
        for (a, o) in out.iter_mut().enumerate().take(self.m) {
            *o += dot(r, self.column(a));
        }
    }
}

/// `Σ a_i b_i` in four interleaved partial sums (vectorisable).
pub fn dot(a: &[f64], b: &[f64]) -> f64 {
    let (ca, ra) = a.as_chunks::<4>();
    let (cb, rb) = b.as_chunks::<4>();
    let mut acc = [0.0f64; 4];
    for (x, y) in ca.iter().zip(cb) {
        for l in 0..4 {
            acc[l] += x[l] * y[l];
        }
    }
    let tail: f64 = ra.iter().zip(rb).map(|(x, y)| x * y).sum();
    (acc[0] + acc[1]) + (acc[2] + acc[3]) + tail
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn block_gram_equals_the_weighted_sum_of_outer_products() {
        let rows: Vec<[f64; 2]> = (0..150)
            .map(|i| [i as f64 * 0.5 - 3.0, (i % 7) as f64])
            .collect();
        let weight = |i: usize| 1.0 + (i % 3) as f64;
        let mut gram = [0.0; 9];
        let mut sum = [0.0; 3];
        let mut block = Block::new(3);
        for (i, row) in rows.iter().enumerate() {
            block.push(row, &[1.0], weight(i));
            if block.is_full() || i + 1 == rows.len() {
                block.add_gram(&mut gram);
                let r: Vec<f64> = block.weights().to_vec();
                block.add_weighted_sum(&r, &mut sum);
                block.clear();
            }
        }
        let mut want = [0.0; 9];
        let mut want_sum = [0.0; 3];
        for (i, row) in rows.iter().enumerate() {
            let v = [row[0], row[1], 1.0];
            for a in 0..3 {
                want_sum[a] += weight(i) * v[a];
                for b in 0..=a {
                    want[a * 3 + b] += weight(i) * v[a] * v[b];
                }
            }
        }
        for (g, w) in gram.iter().zip(want).chain(sum.iter().zip(want_sum)) {
            assert!((g - w).abs() <= 1e-9 * w.abs().max(1.0), "{g} vs {w}");
        }
    }

    #[test]
    fn dot_handles_lengths_that_are_not_multiples_of_four() {
        let a: Vec<f64> = (0..7).map(f64::from).collect();
        assert_eq!(dot(&a, &a), 91.0);
        assert_eq!(dot(&[], &[]), 0.0);
    }
}
