//! The GBK decoder's two tables (the WHATWG "index gb18030" and "index
//! gb18030 ranges"), as `data/` holds them: generated from `encoding_rs`
//! (which implements the same standard) by the ignored test
//! `write_the_gbk_tables`, and checked against it by
//! `the_gbk_tables_are_encoding_rs_s` on every test run.

/// Two-byte pointers (0..23,940) to BMP code points, little-endian `u16`
/// each; 0 where the pointer maps to nothing.
const INDEX: &[u8] = include_bytes!("data/gbk_index.bin");

/// Four-byte pointer ranges: `(first pointer, its code point)` pairs as
/// little-endian `u32`s, ascending; a pointer maps to its range's code
/// point plus its distance from the range's first pointer.
const RANGES: &[u8] = include_bytes!("data/gb18030_ranges.bin");

/// The code point of a two-byte pointer, if it has one.
pub(super) fn index(pointer: usize) -> Option<char> {
    let bytes = INDEX.get(2 * pointer..2 * pointer + 2)?;
    let unit = u16::from_le_bytes([bytes[0], bytes[1]]);
    (unit != 0)
        .then(|| char::from_u32(u32::from(unit)))
        .flatten()
}

fn range(i: usize) -> Option<(u32, u32)> {
    let b = RANGES.get(8 * i..8 * i + 8)?;
    Some((
        u32::from_le_bytes([b[0], b[1], b[2], b[3]]),
        u32::from_le_bytes([b[4], b[5], b[6], b[7]]),
    ))
}

/// The code point of a four-byte pointer (WHATWG "index gb18030 ranges
/// code point"), if it has one.
pub(super) fn ranges(pointer: u32) -> Option<char> {
    if (39420..189_000).contains(&pointer) || pointer > 1_237_575 {
        return None;
    }
    if pointer == 7457 {
        return Some('\u{E7C7}');
    }
    if pointer >= 189_000 {
        return char::from_u32(0x10000 + pointer - 189_000);
    }
    let count = RANGES.len() / 8;
    // The last range whose first pointer is at or before `pointer`.
    let (mut low, mut high) = (0, count);
    while high - low > 1 {
        let mid = (low + high) / 2;
        match range(mid) {
            Some((first, _)) if first <= pointer => low = mid,
            _ => high = mid,
        }
    }
    let (first, code_point) = range(low)?;
    char::from_u32(code_point + pointer.checked_sub(first)?)
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use encoding_rs::GBK;

    /// Two-byte pointers there are: 126 lead bytes × 190 trail bytes.
    const POINTERS: usize = 126 * 190;

    fn two_bytes(pointer: usize) -> [u8; 2] {
        let (lead, trail) = (pointer / 190, pointer % 190);
        let offset = if trail < 0x3F { 0x40 } else { 0x41 };
        [(lead + 0x81) as u8, (trail + offset) as u8]
    }

    fn four_bytes(pointer: u32) -> [u8; 4] {
        let (b4, rest) = (pointer % 10, pointer / 10);
        let (b3, rest) = (rest % 126, rest / 126);
        let (b2, b1) = (rest % 10, rest / 10);
        [
            (b1 + 0x81) as u8,
            (b2 + 0x30) as u8,
            (b3 + 0x81) as u8,
            (b4 + 0x30) as u8,
        ]
    }

    /// What `encoding_rs` decodes `bytes` to, if it is one character.
    fn one_char(bytes: &[u8]) -> Option<char> {
        let (text, malformed) = GBK.decode_without_bom_handling(bytes);
        let mut chars = text.chars();
        match (malformed, chars.next(), chars.next()) {
            (false, Some(c), None) => Some(c),
            _ => None,
        }
    }

    fn index_table() -> Vec<u8> {
        (0..POINTERS)
            .flat_map(|p| {
                let unit = one_char(&two_bytes(p)).map_or(0, |c| c as u32);
                assert!(unit <= 0xFFFF, "pointer {p} is astral");
                (unit as u16).to_le_bytes()
            })
            .collect()
    }

    fn ranges_table() -> Vec<u8> {
        let mut out = Vec::new();
        let mut previous: Option<u32> = None;
        for pointer in 0..39420u32 {
            let c = one_char(&four_bytes(pointer))
                .expect("every four-byte pointer below 39420 maps") as u32;
            if previous.is_none_or(|p| p + 1 != c) {
                out.extend(pointer.to_le_bytes());
                out.extend(c.to_le_bytes());
            }
            previous = Some(c);
        }
        out
    }

    #[test]
    #[ignore = "writes data/: run after an encoding_rs upgrade changes the index"]
    fn write_the_gbk_tables() {
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/src/io/import/decode/data/");
        std::fs::create_dir_all(dir).unwrap();
        std::fs::write(format!("{dir}gbk_index.bin"), index_table()).unwrap();
        std::fs::write(format!("{dir}gb18030_ranges.bin"), ranges_table()).unwrap();
    }

    #[test]
    fn the_gbk_tables_are_encoding_rs_s() {
        assert_eq!(INDEX, index_table().as_slice());
        assert_eq!(RANGES, ranges_table().as_slice());
        for pointer in (0..POINTERS).step_by(7) {
            assert_eq!(index(pointer), one_char(&two_bytes(pointer)), "{pointer}");
        }
        for pointer in (0..39420).chain([189_000, 500_000, 1_237_575]) {
            assert_eq!(ranges(pointer), one_char(&four_bytes(pointer)), "{pointer}");
        }
        assert_eq!(ranges(39420), None);
        assert_eq!(ranges(1_237_576), None);
    }
}
