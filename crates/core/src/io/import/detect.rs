//! Guessing how a file is written from its first bytes: the encoding (byte
//! order marks, UTF-8 validity, a GBK-versus-Windows-1252 heuristic for
//! legacy files), whether it is text at all, and the delimiter (comma,
//! semicolon, tab, pipe, or runs of spaces as in the CDNOW purchase log).
//! [`super::CsvReader`] runs these once, on the first [`SAMPLE_BYTES`].
//!
//! # UTF-16 without a byte-order mark
//!
//! Excel's "Unicode text" and some exports write UTF-16 without a BOM. It
//! is detected, not refused: text that is mostly ASCII (names, emails,
//! digits, delimiters — what a contacts file is) has a zero byte in one half
//! of most two-byte units, on the odd side for little-endian and the even
//! side for big-endian. At least 70% of the units zero on one side and
//! under 10% on the other is a pattern that no UTF-8 or legacy 8-bit text
//! has (they hold no zero bytes) and binary data rarely keeps over 64 KB.
//! A UTF-16 file of mostly non-Latin text (CJK has no zero bytes) does not
//! show the pattern; with many zero bytes and no pattern the file is refused
//! as binary, and the user can save it as UTF-8 or with a BOM.
//!
//! # Stray NUL bytes
//!
//! Up to 16 zero bytes (or 1% of the sample) in otherwise
//! plain text do not make a file binary: the reader marks the rows that
//! hold them, and the import reports and skips those rows.

use super::decode::TextEncoding;

use super::ImportError;

/// How many bytes the reader collects before deciding encoding and
/// delimiter (less when the file is shorter).
pub const SAMPLE_BYTES: usize = 64 * 1024;

/// How many NUL bytes a text file may hold (when they are also at most 1%
/// of the sample) before it is taken for binary data.
const STRAY_NULS: usize = 16;

/// How many lines of the sample the delimiter guess looks at.
const SNIFF_LINES: usize = 30;

/// What separates the cells of a row.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Delimiter {
    /// `,` — the usual CSV.
    Comma,
    /// `;` — CSV as written where the comma is the decimal separator.
    Semicolon,
    /// A tab (TSV, and what spreadsheets copy to the clipboard).
    Tab,
    /// `|`.
    Pipe,
    /// One or more spaces or tabs, no quoting (e.g. the CDNOW purchase log
    /// `00001 19970101  1  11.77`).
    Whitespace,
}

impl Delimiter {
    /// Every delimiter, for a `<select>`.
    pub const ALL: &'static [Delimiter] = &[
        Delimiter::Comma,
        Delimiter::Semicolon,
        Delimiter::Tab,
        Delimiter::Pipe,
        Delimiter::Whitespace,
    ];

    /// The byte for a single-character delimiter (`None` for whitespace).
    pub fn byte(self) -> Option<u8> {
        match self {
            Delimiter::Comma => Some(b','),
            Delimiter::Semicolon => Some(b';'),
            Delimiter::Tab => Some(b'\t'),
            Delimiter::Pipe => Some(b'|'),
            Delimiter::Whitespace => None,
        }
    }

    /// A name to show: "comma", "semicolon", "tab", "pipe", "spaces" (in
    /// the current language).
    pub fn name(self) -> &'static str {
        use crate::i18n::import_fields as fields;
        match self {
            Delimiter::Comma => fields::comma(),
            Delimiter::Semicolon => fields::semicolon(),
            Delimiter::Tab => fields::tab(),
            Delimiter::Pipe => fields::pipe(),
            Delimiter::Whitespace => fields::spaces(),
        }
    }
}

/// What the reader decided about a file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Detected {
    /// The encoding's WHATWG name: "UTF-8", "UTF-16LE", "UTF-16BE", "GBK",
    /// "windows-1252".
    pub encoding: &'static str,
    /// Whether the file starts with a byte-order mark.
    pub bom: bool,
    /// The cell separator.
    pub delimiter: Delimiter,
}

/// The encoding of a file from its first bytes, and the length of its
/// byte-order mark. `is_final`: the sample is the whole file (otherwise a
/// multi-byte character cut at the end of the sample is not held against
/// UTF-8).
pub(crate) fn sniff_encoding(
    sample: &[u8],
    is_final: bool,
) -> Result<(TextEncoding, usize), ImportError> {
    if let Some(what) = known_binary_format(sample) {
        return Err(ImportError::NotCsv { what });
    }
    if let Some((encoding, bom)) = TextEncoding::for_bom(sample) {
        return Ok((encoding, bom));
    }
    if sample.iter().all(u8::is_ascii_whitespace) {
        return Err(ImportError::Empty);
    }
    let nuls = sample.iter().filter(|&&b| b == 0).count();
    if nuls > 0 {
        if let Some(utf16) = utf16_without_bom(sample) {
            return Ok(utf16);
        }
        if nuls > STRAY_NULS && nuls * 100 > sample.len() {
            return Err(ImportError::Binary);
        }
    }
    // A few stray NULs in text are left to the reader, which reports the
    // rows that hold them.
    let controls = sample
        .iter()
        .filter(|&&b| {
            (b > 0 && b < 0x20 && !matches!(b, b'\t' | b'\n' | b'\r' | 0x0c | 0x1a)) || b == 0x7f
        })
        .count();
    if controls * 100 > sample.len() {
        return Err(ImportError::Binary);
    }
    match std::str::from_utf8(sample) {
        Ok(_) => return Ok((TextEncoding::Utf8, 0)),
        Err(e) if e.error_len().is_none() && !is_final => return Ok((TextEncoding::Utf8, 0)),
        // Mostly UTF-8 with a few bad bytes (e.g. two exports pasted
        // together): read as UTF-8, and the rows with bad bytes are
        // reported, instead of garbling every accent of the file.
        Err(_) if mostly_utf8(sample) => return Ok((TextEncoding::Utf8, 0)),
        Err(_) => {}
    }
    Ok((
        if looks_like_gbk(sample) {
            TextEncoding::Gbk
        } else {
            TextEncoding::Windows1252
        },
        0,
    ))
}

/// Whether valid multi-byte UTF-8 characters outnumber invalid sequences
/// more than four to one. Windows-1252 and GBK text has almost none of the
/// former: an accent there is one high byte between ASCII letters, and most
/// GBK pairs are not UTF-8.
fn mostly_utf8(sample: &[u8]) -> bool {
    let multibyte = |text: &[u8]| text.iter().filter(|&&b| b >= 0xC0).count();
    let (mut valid, mut invalid) = (0, 0);
    let mut rest = sample;
    loop {
        match std::str::from_utf8(rest) {
            Ok(_) => {
                valid += multibyte(rest);
                break;
            }
            Err(e) => {
                let (good, bad) = rest.split_at(e.valid_up_to());
                valid += multibyte(good);
                match e.error_len() {
                    Some(n) => {
                        invalid += 1;
                        rest = &bad[n..];
                    }
                    None => break,
                }
            }
        }
    }
    valid > 4 * invalid
}

/// Formats people pick by mistake, recognised by their magic bytes.
fn known_binary_format(sample: &[u8]) -> Option<&'static str> {
    if sample.starts_with(b"PK\x03\x04") {
        Some(crate::i18n::io_errors::format_zip())
    } else if sample.starts_with(&[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]) {
        Some(crate::i18n::io_errors::format_xls())
    } else if sample.starts_with(b"%PDF") {
        Some(crate::i18n::io_errors::format_pdf())
    } else {
        None
    }
}

/// UTF-16 without a byte-order mark: mostly-ASCII text has a NUL in every
/// other byte, on the odd side for little-endian.
fn utf16_without_bom(sample: &[u8]) -> Option<(TextEncoding, usize)> {
    let pairs = sample.len() / 2;
    if pairs < 2 {
        return None;
    }
    let (mut even, mut odd) = (0, 0);
    for pair in sample.chunks_exact(2) {
        even += usize::from(pair[0] == 0);
        odd += usize::from(pair[1] == 0);
    }
    if odd * 10 >= pairs * 7 && even * 10 < pairs {
        Some((TextEncoding::Utf16Le, 0))
    } else if even * 10 >= pairs * 7 && odd * 10 < pairs {
        Some((TextEncoding::Utf16Be, 0))
    } else {
        None
    }
}

/// Whether bytes that are not UTF-8 read better as GBK (Simplified Chinese)
/// than as Windows-1252 (Western European). GBK text is almost all
/// ideographs from two high bytes in a row; Latin text has lone high bytes
/// (é, ü, €) between ASCII letters, which GBK either refuses or turns into
/// rare characters.
fn looks_like_gbk(sample: &[u8]) -> bool {
    // Judge whole lines only, so a character cut at the end does not count.
    let end = sample
        .iter()
        .rposition(|&b| b == b'\n')
        .map_or(sample.len(), |i| i + 1);
    let sample = &sample[..end];
    let (text, malformed) = TextEncoding::Gbk.decode(sample);
    if malformed {
        return false;
    }
    let (mut non_ascii, mut cjk) = (0usize, 0usize);
    for c in text.chars().filter(|c| !c.is_ascii()) {
        non_ascii += 1;
        if matches!(c, '\u{4E00}'..='\u{9FFF}' | '\u{3000}'..='\u{303F}' | '\u{FF00}'..='\u{FFEF}')
        {
            cjk += 1;
        }
    }
    // Share of high bytes that sit next to another high byte.
    let high: Vec<bool> = sample.iter().map(|&b| b >= 0x81).collect();
    let (mut high_total, mut paired) = (0usize, 0usize);
    for (i, &h) in high.iter().enumerate() {
        if h {
            high_total += 1;
            let before = i > 0 && high[i - 1];
            let after = high.get(i + 1).copied().unwrap_or(false);
            paired += usize::from(before || after);
        }
    }
    non_ascii > 0 && cjk * 10 >= non_ascii * 6 && paired * 10 >= high_total * 9
}

/// The delimiter of a decoded sample: the candidate that appears (outside
/// quotes) the same number of times on most lines; spaces when none of them
/// appears and lines split into several words; comma otherwise.
/// `is_final`: the sample is the whole file, so its last line is complete.
pub(crate) fn sniff_delimiter(text: &str, is_final: bool) -> Delimiter {
    let lines = sample_lines(text, is_final);
    // On a tie the earlier wins: a tab or semicolon file often has commas
    // in its text, rarely the other way round.
    let candidates = [
        Delimiter::Tab,
        Delimiter::Semicolon,
        Delimiter::Comma,
        Delimiter::Pipe,
    ];
    let mut best: Option<(Delimiter, usize, usize)> = None; // (delimiter, consistent lines, count)
    for d in candidates {
        let byte = d.byte().unwrap_or(b',') as char;
        let counts: Vec<usize> = lines
            .iter()
            .map(|l| count_outside_quotes(l, byte))
            .collect();
        let Some(mode) = mode_nonzero(&counts) else {
            continue;
        };
        let consistent = counts.iter().filter(|&&c| c == mode).count();
        if best.is_none_or(|(_, bc, bm)| (consistent, mode) > (bc, bm)) {
            best = Some((d, consistent, mode));
        }
    }
    if let Some((d, _, _)) = best {
        return d;
    }
    let words = lines
        .iter()
        .filter(|l| l.split_whitespace().nth(1).is_some())
        .count();
    if !lines.is_empty() && words * 10 >= lines.len() * 8 && !text.contains('"') {
        Delimiter::Whitespace
    } else {
        Delimiter::Comma
    }
}

/// Up to [`SNIFF_LINES`] non-blank records of the sample; a newline inside
/// quotes does not end one.
fn sample_lines(text: &str, is_final: bool) -> Vec<&str> {
    let mut lines = Vec::new();
    let (mut start, mut in_quotes) = (0, false);
    for (i, b) in text.bytes().enumerate() {
        match b {
            b'"' => in_quotes = !in_quotes,
            b'\n' | b'\r' if !in_quotes => {
                if !text[start..i].trim().is_empty() {
                    lines.push(&text[start..i]);
                    if lines.len() == SNIFF_LINES {
                        return lines;
                    }
                }
                start = i + 1;
            }
            _ => {}
        }
    }
    let last = &text[start..];
    if !last.trim().is_empty() && (is_final || lines.is_empty()) {
        lines.push(last);
    }
    lines
}

fn count_outside_quotes(line: &str, delimiter: char) -> usize {
    let mut in_quotes = false;
    let mut n = 0;
    for c in line.chars() {
        if c == '"' {
            in_quotes = !in_quotes;
        } else if c == delimiter && !in_quotes {
            n += 1;
        }
    }
    n
}

/// The most frequent non-zero value (the larger on a tie).
fn mode_nonzero(counts: &[usize]) -> Option<usize> {
    let mut sorted: Vec<usize> = counts.iter().copied().filter(|&c| c > 0).collect();
    sorted.sort_unstable();
    let mut best: Option<(usize, usize)> = None; // (frequency, value)
    for run in sorted.chunk_by(|a, b| a == b) {
        let candidate = (run.len(), run[0]);
        if best.is_none_or(|b| candidate > b) {
            best = Some(candidate);
        }
    }
    best.map(|(_, value)| value)
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use encoding_rs::{GBK, WINDOWS_1252};

    #[test]
    fn byte_order_marks_name_the_encoding() {
        assert_eq!(
            sniff_encoding(b"\xEF\xBB\xBFa,b", true).unwrap(),
            (TextEncoding::Utf8, 3)
        );
        assert_eq!(
            sniff_encoding(b"\xFF\xFEa\0", true).unwrap(),
            (TextEncoding::Utf16Le, 2)
        );
        assert_eq!(
            sniff_encoding(b"\xFE\xFF\0a", true).unwrap(),
            (TextEncoding::Utf16Be, 2)
        );
    }

    #[test]
    fn utf16_without_bom_is_recognised_by_its_nul_bytes() {
        let le: Vec<u8> = "name,email\n"
            .encode_utf16()
            .flat_map(u16::to_le_bytes)
            .collect();
        let be: Vec<u8> = "name,email\n"
            .encode_utf16()
            .flat_map(u16::to_be_bytes)
            .collect();
        assert_eq!(sniff_encoding(&le, true).unwrap().0, TextEncoding::Utf16Le);
        assert_eq!(sniff_encoding(&be, true).unwrap().0, TextEncoding::Utf16Be);
    }

    #[test]
    fn a_utf8_character_cut_by_the_sample_end_is_still_utf8() {
        let text = "name\nJosé".as_bytes();
        assert_eq!(
            sniff_encoding(&text[..text.len() - 1], false).unwrap().0,
            TextEncoding::Utf8
        );
        assert_eq!(
            sniff_encoding(&text[..text.len() - 1], true).unwrap().0,
            TextEncoding::Windows1252
        );
    }

    #[test]
    fn chinese_in_gbk_and_german_in_windows_1252_are_told_apart() {
        let (gbk, _, _) = GBK.encode("姓名,城市\n王伟,北京\n李娜,上海\n");
        assert_eq!(sniff_encoding(&gbk, true).unwrap().0, TextEncoding::Gbk);
        let (latin, _, _) = WINDOWS_1252.encode("Name,City\nMüller,Köln\nJosé,Málaga\nÆrø,€\n");
        assert_eq!(
            sniff_encoding(&latin, true).unwrap().0,
            TextEncoding::Windows1252
        );
    }

    #[test]
    fn nul_bytes_and_workbooks_are_not_text() {
        assert!(matches!(
            sniff_encoding(b"\x00\x01\x02\x03\xff\x00\x10\x00", true),
            Err(ImportError::Binary)
        ));
        assert!(matches!(
            sniff_encoding(b"PK\x03\x04rest", true),
            Err(ImportError::NotCsv { .. })
        ));
        assert!(matches!(
            sniff_encoding(b" \n\r\n", true),
            Err(ImportError::Empty)
        ));
    }

    #[test]
    fn a_few_stray_nuls_are_text_and_mostly_utf8_stays_utf8() {
        assert_eq!(
            sniff_encoding(b"a,b\nx\0y,z\n", true).unwrap(),
            (TextEncoding::Utf8, 0)
        );
        let mut mixed = "Name\n".to_string();
        for i in 0..10 {
            mixed.push_str(&format!("Zoë {i} – ok\n"));
        }
        let mut bytes = mixed.into_bytes();
        bytes.extend_from_slice(b"Jos\xe9\n");
        assert_eq!(sniff_encoding(&bytes, true).unwrap().0, TextEncoding::Utf8);
        let (latin, _, _) = WINDOWS_1252.encode("Name\nZoë\nJosé\n");
        assert_eq!(
            sniff_encoding(&latin, true).unwrap().0,
            TextEncoding::Windows1252
        );
    }

    #[test]
    fn delimiter_is_the_one_used_consistently_outside_quotes() {
        let d = |s| sniff_delimiter(s, true);
        assert_eq!(d("a,b,c\n1,2,3\n"), Delimiter::Comma);
        assert_eq!(
            d("a;b;c\n\"1,5\";2;3\n\"x\ny\";2;3\n"),
            Delimiter::Semicolon
        );
        assert_eq!(d("a\tb, c\n1\t2, 3\n"), Delimiter::Tab);
        assert_eq!(
            d("00001 19970101  1  11.77\n00002 19970112 2 20.00\n"),
            Delimiter::Whitespace
        );
        assert_eq!(d("Name\nAda\n"), Delimiter::Comma);
    }

    #[test]
    fn an_unfinished_last_line_is_not_judged() {
        assert_eq!(
            sniff_delimiter("a;b\n1;2\n3;4\n5,6,7,8,9", false),
            Delimiter::Semicolon
        );
    }
}
