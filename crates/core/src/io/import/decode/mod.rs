//! Bytes to text in the four encodings the importer reads — UTF-8,
//! UTF-16 (either byte order), GBK and Windows-1252 — as the WHATWG
//! Encoding Standard decodes them (what `encoding_rs` and every browser
//! do), streaming: a character cut between two chunks is decoded whole.
//!
//! Why not `encoding_rs` itself: its decoder dispatches over every
//! encoding of the standard, so using it for four links the tables of all
//! (Big5, EUC-JP, Shift_JIS, EUC-KR: ≈ 120 KB of the page's module) that no
//! CSV this app reads uses. `encoding_rs` stays the reference: the tests
//! decode random bytes in random chunks with both and require the same
//! text and the same errors.
//!
//! Bytes that are not valid in the encoding become `U+FFFD`, one for each
//! maximal invalid subsequence, as the standard says; the decoder says
//! where it put each one, so the reader can report the rows.

mod gbk;
mod tables;

use gbk::GbkState;

/// An encoding the importer reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum TextEncoding {
    /// UTF-8.
    Utf8,
    /// UTF-16, little-endian.
    Utf16Le,
    /// UTF-16, big-endian.
    Utf16Be,
    /// GBK (Simplified Chinese; decoded as GB18030, as the standard does).
    Gbk,
    /// Windows-1252 (Western European; also what "ISO-8859-1" means on the web).
    Windows1252,
}

/// The Windows-1252 characters of bytes 0x80–0x9F (the rest is Latin-1).
const WINDOWS_1252_HIGH: [char; 32] = [
    '\u{20AC}', '\u{0081}', '\u{201A}', '\u{0192}', '\u{201E}', '\u{2026}', '\u{2020}', '\u{2021}',
    '\u{02C6}', '\u{2030}', '\u{0160}', '\u{2039}', '\u{0152}', '\u{008D}', '\u{017D}', '\u{008F}',
    '\u{0090}', '\u{2018}', '\u{2019}', '\u{201C}', '\u{201D}', '\u{2022}', '\u{2013}', '\u{2014}',
    '\u{02DC}', '\u{2122}', '\u{0161}', '\u{203A}', '\u{0153}', '\u{009D}', '\u{017E}', '\u{0178}',
];

impl TextEncoding {
    /// The encoding's WHATWG name: "UTF-8", "UTF-16LE", "UTF-16BE", "GBK",
    /// "windows-1252".
    pub fn name(self) -> &'static str {
        match self {
            TextEncoding::Utf8 => "UTF-8",
            TextEncoding::Utf16Le => "UTF-16LE",
            TextEncoding::Utf16Be => "UTF-16BE",
            TextEncoding::Gbk => "GBK",
            TextEncoding::Windows1252 => "windows-1252",
        }
    }

    /// The encoding a byte-order mark at the start of `bytes` names, and
    /// the mark's length.
    pub fn for_bom(bytes: &[u8]) -> Option<(TextEncoding, usize)> {
        if bytes.starts_with(b"\xEF\xBB\xBF") {
            Some((TextEncoding::Utf8, 3))
        } else if bytes.starts_with(b"\xFF\xFE") {
            Some((TextEncoding::Utf16Le, 2))
        } else if bytes.starts_with(b"\xFE\xFF") {
            Some((TextEncoding::Utf16Be, 2))
        } else {
            None
        }
    }

    /// A decoder at the start of a stream (a byte-order mark is not
    /// skipped: see [`TextEncoding::for_bom`]).
    pub fn new_decoder(self) -> Decoder {
        Decoder {
            encoding: self,
            pending: Vec::new(),
            lead_surrogate: None,
            gbk: GbkState::default(),
        }
    }

    /// The whole of `bytes` decoded, and whether any of it was invalid.
    pub fn decode(self, bytes: &[u8]) -> (String, bool) {
        let mut text = String::with_capacity(bytes.len());
        let mut malformed = false;
        self.new_decoder()
            .decode(bytes, true, &mut text, &mut |_| malformed = true);
        (text, malformed)
    }
}

/// A streaming decoder ([`TextEncoding::new_decoder`]).
#[derive(Debug, Clone)]
pub struct Decoder {
    encoding: TextEncoding,
    /// UTF-8: the start of a character cut at the end of the last chunk;
    /// UTF-16: an odd byte.
    pending: Vec<u8>,
    /// UTF-16: a lead surrogate waiting for its trail.
    lead_surrogate: Option<u16>,
    /// GBK: the bytes of a character begun.
    gbk: GbkState,
}

impl Decoder {
    /// Decodes `bytes` onto `out`; `last`: no more bytes follow (a
    /// character left unfinished is then an error). For each invalid
    /// sequence it pushes `U+FFFD` and calls `malformed` with that
    /// character's byte offset in `out`.
    pub fn decode(
        &mut self,
        bytes: &[u8],
        last: bool,
        out: &mut String,
        malformed: &mut dyn FnMut(usize),
    ) {
        let mut bad = |out: &mut String| {
            malformed(out.len());
            out.push('\u{FFFD}');
        };
        match self.encoding {
            TextEncoding::Utf8 => self.utf8(bytes, last, out, &mut bad),
            TextEncoding::Utf16Le | TextEncoding::Utf16Be => self.utf16(bytes, last, out, &mut bad),
            TextEncoding::Windows1252 => out.extend(bytes.iter().map(|&b| match b {
                0x80..=0x9F => WINDOWS_1252_HIGH[usize::from(b - 0x80)],
                _ => char::from(b),
            })),
            TextEncoding::Gbk => {
                for &b in bytes {
                    self.gbk.feed(b, out, &mut bad);
                }
                if last {
                    self.gbk.finish(out, &mut bad);
                }
            }
        }
    }

    fn utf8(
        &mut self,
        bytes: &[u8],
        last: bool,
        out: &mut String,
        bad: &mut dyn FnMut(&mut String),
    ) {
        let joined;
        let mut rest = if self.pending.is_empty() {
            bytes
        } else {
            joined = [std::mem::take(&mut self.pending).as_slice(), bytes].concat();
            joined.as_slice()
        };
        loop {
            match std::str::from_utf8(rest) {
                Ok(text) => {
                    out.push_str(text);
                    return;
                }
                Err(e) => {
                    let (valid, after) = rest.split_at(e.valid_up_to());
                    out.push_str(&String::from_utf8_lossy(valid));
                    match e.error_len() {
                        Some(n) => {
                            bad(out);
                            rest = &after[n..];
                        }
                        // A character cut at the end: wait for its rest.
                        None if !last => {
                            self.pending = after.to_vec();
                            return;
                        }
                        None => {
                            bad(out);
                            return;
                        }
                    }
                }
            }
        }
    }

    fn utf16(
        &mut self,
        bytes: &[u8],
        last: bool,
        out: &mut String,
        bad: &mut dyn FnMut(&mut String),
    ) {
        let big_endian = self.encoding == TextEncoding::Utf16Be;
        let mut odd = self.pending.pop();
        for &b in bytes {
            let Some(first) = odd.take() else {
                odd = Some(b);
                continue;
            };
            let unit = if big_endian {
                u16::from_be_bytes([first, b])
            } else {
                u16::from_le_bytes([first, b])
            };
            if let Some(lead) = self.lead_surrogate.take() {
                if (0xDC00..0xE000).contains(&unit) {
                    let c =
                        0x10000 + ((u32::from(lead) - 0xD800) << 10) + (u32::from(unit) - 0xDC00);
                    out.push(char::from_u32(c).unwrap_or('\u{FFFD}'));
                    continue;
                }
                // The unit after an unpaired lead is read on its own.
                bad(out);
            }
            match unit {
                0xD800..=0xDBFF => self.lead_surrogate = Some(unit),
                0xDC00..=0xDFFF => bad(out),
                _ => out.push(char::from_u32(u32::from(unit)).unwrap_or('\u{FFFD}')),
            }
        }
        if last {
            if odd.is_some() || self.lead_surrogate.is_some() {
                self.lead_surrogate = None;
                bad(out);
            }
        } else if let Some(b) = odd {
            self.pending.push(b);
        }
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests;
