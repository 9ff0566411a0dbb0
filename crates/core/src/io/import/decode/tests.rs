//! The decoders against `encoding_rs` (the standard's reference
//! implementation in Rust): random bytes, split into random chunks, give
//! the same text and the same number of invalid sequences.

use super::*;
use encoding_rs::{DecoderResult, Encoding, GBK, UTF_16BE, UTF_16LE, UTF_8, WINDOWS_1252};
use proptest::prelude::*;

const ALL: [(TextEncoding, &Encoding); 5] = [
    (TextEncoding::Utf8, UTF_8),
    (TextEncoding::Utf16Le, UTF_16LE),
    (TextEncoding::Utf16Be, UTF_16BE),
    (TextEncoding::Gbk, GBK),
    (TextEncoding::Windows1252, WINDOWS_1252),
];

/// `encoding_rs`'s text and count of invalid sequences for `bytes`.
fn reference(encoding: &'static Encoding, bytes: &[u8]) -> (String, usize) {
    let mut decoder = encoding.new_decoder_without_bom_handling();
    let mut text = String::with_capacity(bytes.len() * 3 + 16);
    let mut rest = bytes;
    let mut errors = 0;
    loop {
        let (result, read) = decoder.decode_to_string_without_replacement(rest, &mut text, true);
        rest = &rest[read..];
        match result {
            DecoderResult::InputEmpty => return (text, errors),
            DecoderResult::OutputFull => text.reserve(rest.len() * 3 + 16),
            DecoderResult::Malformed(_, _) => {
                errors += 1;
                text.push('\u{FFFD}');
            }
        }
    }
}

/// Ours, fed in chunks cut at `cuts` (byte offsets, any order).
fn ours(encoding: TextEncoding, bytes: &[u8], cuts: &[usize]) -> (String, Vec<usize>) {
    let mut points: Vec<usize> = cuts.iter().map(|c| c % (bytes.len() + 1)).collect();
    points.sort_unstable();
    let mut decoder = encoding.new_decoder();
    let mut text = String::new();
    let mut bad = Vec::new();
    let mut start = 0;
    for end in points.into_iter().chain([bytes.len()]) {
        let last = end == bytes.len();
        decoder.decode(&bytes[start..end], last, &mut text, &mut |at| bad.push(at));
        start = end;
        if last {
            break;
        }
    }
    (text, bad)
}

fn check(bytes: &[u8], cuts: &[usize]) {
    for (ours_encoding, theirs) in ALL {
        let (expected, errors) = reference(theirs, bytes);
        let (text, bad) = ours(ours_encoding, bytes, cuts);
        assert_eq!(
            text,
            expected,
            "{} {bytes:02X?} cut at {cuts:?}",
            theirs.name()
        );
        assert_eq!(bad.len(), errors, "{} {bytes:02X?}", theirs.name());
        for at in bad {
            assert_eq!(text.get(at..at + 3), Some("\u{FFFD}"), "{}", theirs.name());
        }
    }
}

/// Bytes weighted towards what makes multi-byte sequences: high bytes,
/// the GB18030 four-byte digits, surrogates' high bytes, NULs.
fn interesting_bytes() -> impl Strategy<Value = Vec<u8>> {
    let byte = prop_oneof![
        any::<u8>(),
        0x81u8..=0xFE,
        0x30u8..=0x39,
        0xD8u8..=0xDF,
        Just(0u8),
        0x80u8..=0xBF,
        0xE0u8..=0xF4,
    ];
    proptest::collection::vec(byte, 0..64)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(3000))]

    #[test]
    fn every_encoding_decodes_as_encoding_rs_does_in_any_chunks(
        bytes in interesting_bytes(),
        cuts in proptest::collection::vec(any::<usize>(), 0..6),
    ) {
        check(&bytes, &cuts);
    }

    #[test]
    fn text_encoded_by_encoding_rs_comes_back(text in "\\PC{0,40}", cuts in proptest::collection::vec(any::<usize>(), 0..4)) {
        for (ours_encoding, theirs) in ALL {
            let (bytes, _, _) = theirs.encode(&text);
            if theirs == UTF_16LE || theirs == UTF_16BE {
                continue; // encoding_rs encodes to UTF-8 for these (the standard has no UTF-16 encoder)
            }
            let (decoded, bad) = ours(ours_encoding, &bytes, &cuts);
            prop_assert_eq!(&decoded, &reference(theirs, &bytes).0);
            prop_assert!(bad.is_empty() || theirs == WINDOWS_1252 || theirs == GBK);
        }
    }
}

#[test]
fn known_sequences() {
    check(b"\xE4\xBD\xA0\xE5\xA5\xBD", &[1, 2, 4]);
    check(
        b"\xC4\xE3\xBA\xC3 \x81\x30\x81\x30 \x84\x31\xA4\x39 \x90\x30\x81\x30 \xFE\x39\xFE\x39",
        &[3, 9],
    );
    check(b"\x80\xFF\x81\x30\x81\x41 \x81\x7F \x81", &[]);
    check(b"\x3D\xD8\x00\xDE\x00\xDC\x00\xD8", &[1, 3]);
    check(b"\x93caf\xE9 \x9F", &[]);
    assert_eq!(
        TextEncoding::Gbk.decode(b"\xCD\xF5\xCE\xB0"),
        ("王伟".to_string(), false)
    );
    assert_eq!(
        TextEncoding::for_bom(b"\xEF\xBB\xBFa"),
        Some((TextEncoding::Utf8, 3))
    );
    assert_eq!(
        TextEncoding::for_bom(b"\xFF\xFEa\0"),
        Some((TextEncoding::Utf16Le, 2))
    );
    assert_eq!(
        TextEncoding::for_bom(b"\xFE\xFF\0a"),
        Some((TextEncoding::Utf16Be, 2))
    );
    assert_eq!(TextEncoding::for_bom(b"abc"), None);
    for (ours_encoding, theirs) in ALL {
        assert_eq!(ours_encoding.name(), theirs.name());
    }
}
