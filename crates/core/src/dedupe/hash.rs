//! A small fast hash for blocking keys and the interned parts of a profile
//! (FxHash's multiply–rotate over 8-byte words, then a final mix).
//! Hand-written because it is hot: building the index over 100,000
//! customers hashes about a million strings, and std's SipHash took a third
//! of that time. Collisions are harmless: two texts with one hash only put
//! two customers in one block, and the score (which compares hashes of
//! emails, names, companies) would need a 64-bit collision to err.

use std::hash::{BuildHasherDefault, Hasher};

const SEED: u64 = 0x51_7c_c1_b7_27_22_0a_95;

/// FxHash over bytes, finalised.
#[derive(Debug, Default, Clone, Copy)]
pub(super) struct Fx(u64);

impl Fx {
    fn add(&mut self, word: u64) {
        self.0 = (self.0.rotate_left(5) ^ word).wrapping_mul(SEED);
    }
}

impl Hasher for Fx {
    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for c in &mut chunks {
            let mut w = [0u8; 8];
            w.copy_from_slice(c);
            self.add(u64::from_le_bytes(w));
        }
        let rest = chunks.remainder();
        if !rest.is_empty() {
            let mut w = [0u8; 8];
            w[..rest.len()].copy_from_slice(rest);
            self.add(u64::from_le_bytes(w) ^ ((rest.len() as u64) << 59));
        }
    }

    fn write_u64(&mut self, n: u64) {
        self.add(n);
    }

    fn finish(&self) -> u64 {
        // murmur3's finaliser, so every bit of the result depends on the input.
        let mut h = self.0;
        h ^= h >> 33;
        h = h.wrapping_mul(0xff51_afd7_ed55_8ccd);
        h ^= h >> 33;
        h = h.wrapping_mul(0xc4ce_b9fe_1a85_ec53);
        h ^ (h >> 33)
    }
}

/// Hash maps keyed by these hashes (or pairs of them).
pub(super) type FxBuild = BuildHasherDefault<Fx>;

/// The hash of `text` as a key of `kind` (never 0, which means "none").
pub(super) fn hash_text(kind: u8, text: &str) -> u64 {
    let mut h = Fx(u64::from(kind) + 1);
    h.write(text.as_bytes());
    h.write_u64(text.len() as u64);
    h.finish().max(1)
}
