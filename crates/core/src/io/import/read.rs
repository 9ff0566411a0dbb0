//! [`CsvReader`]: a push parser. The page reads a `File` slice by slice and
//! [`feed`](CsvReader::feed)s the bytes; the reader decodes them
//! (`decode`: UTF-8, UTF-16, GBK, Windows-1252), splits records (`csv-core`: quotes, doubled quotes,
//! newlines inside quotes, `\r\n` / `\n` / `\r`), and hands out complete
//! rows through [`take_rows`](CsvReader::take_rows). Only the first
//! [`SAMPLE_BYTES`] and the record being read are ever held, so the page can
//! yield between slices and never needs the file as one string.
//!
//! Line numbers are physical lines, 1-based, counting the header as line 1
//! and every line break inside a quoted cell; a small scanner next to
//! `csv-core` keeps them (and notices a quote that is never closed, which
//! `csv-core` silently accepts).
//!
//! Damaged rows are handed out all the same, marked with a [`RowDamage`]
//! that the imports report and skip the row for: a NUL character in a cell,
//! or bytes that are not valid in the file's encoding. The encoding is
//! guessed from the first 64 KB, so a file that is UTF-8 there and
//! Windows-1252 further down is caught row by row instead of being stored
//! with `�` in its names. (A NUL in the header refuses the whole file.)
//!
//! Excel's first line `sep=;` names the delimiter: it is used (unless the
//! caller forced one) and the line is not the header; it still counts as
//! line 1, so line numbers stay those a text editor shows.

use std::collections::VecDeque;

use super::decode::{Decoder, TextEncoding};

use super::detect::{sniff_delimiter, sniff_encoding, Delimiter, Detected, SAMPLE_BYTES};
use super::scan::Scanner;
use super::ImportError;

/// One data row as read: its cells (untrimmed) and where it starts.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SourceRow {
    /// The physical line (1-based, the header is line 1) the row starts on.
    pub line: usize,
    /// The cells, in column order.
    pub cells: Vec<String>,
    /// What is wrong with the row's bytes, if anything: the imports report
    /// such a row and skip it.
    pub damage: Option<RowDamage>,
}

/// Bytes in a row that no table of records has; see the module docs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RowDamage {
    /// A NUL character (a zero byte) in a cell.
    Nul {
        /// The cell, 0-based.
        column: usize,
    },
    /// Bytes that are not valid in the file's encoding (decoded as `�`).
    InvalidBytes {
        /// The first cell holding some, 0-based.
        column: usize,
        /// The encoding the file was read in (its WHATWG name, e.g. "UTF-8").
        encoding: &'static str,
    },
}

/// How to read a file. `Default` guesses everything: encoding, delimiter,
/// and whether the first row is a header (it is, unless every cell in it is
/// a number or a date); up to 1,000 columns and 4 MB per row.
#[derive(Debug, Clone)]
pub struct ReadOptions {
    /// Force an encoding instead of guessing.
    pub encoding: Option<TextEncoding>,
    /// Force a delimiter instead of guessing.
    pub delimiter: Option<Delimiter>,
    /// Whether the first row is a header; `None` guesses.
    pub has_header: Option<bool>,
    /// The most columns a file may have.
    pub max_columns: usize,
    /// The longest row, in bytes of text.
    pub max_row_bytes: usize,
}

impl Default for ReadOptions {
    fn default() -> Self {
        ReadOptions {
            encoding: None,
            delimiter: None,
            has_header: None,
            max_columns: 1000,
            max_row_bytes: 4 << 20,
        }
    }
}

/// The push-based reader; see the module docs.
///
/// ```
/// use rapport_core::io::import::{CsvReader, ReadOptions};
/// let mut r = CsvReader::new(ReadOptions::default());
/// r.feed(b"Name;Email\r\nAda;ada@example.com\n\"Lovelace,\nAda\";x").unwrap();
/// r.finish().unwrap();
/// assert_eq!(r.header().unwrap(), ["Name", "Email"]);
/// let rows = r.take_rows();
/// assert_eq!((rows[1].line, rows[1].cells[0].as_str()), (3, "Lovelace,\nAda"));
/// ```
pub struct CsvReader {
    opts: ReadOptions,
    /// Raw bytes held until the encoding is decided.
    pending: Vec<u8>,
    detected: Option<Detected>,
    decoder: Option<Decoder>,
    parser: Option<csv_core::Reader>,
    /// The current record's cell bytes and cell end offsets.
    out: Vec<u8>,
    out_len: usize,
    ends: Vec<usize>,
    ends_len: usize,
    /// Whitespace mode: the unfinished last line.
    partial: String,
    scan: Scanner,
    header: Option<Vec<String>>,
    header_decided: bool,
    rows: Vec<SourceRow>,
    data_rows: usize,
    replaced: bool,
    /// Offsets (in the decoded text) of the `�`s the decoder put in place of
    /// invalid bytes, not yet matched to a row.
    bad_at: VecDeque<usize>,
    /// How much decoded text has been produced, and how much of it the
    /// rows read so far (and skipped lines) span.
    decoded: usize,
    consumed: usize,
    finished: bool,
}

impl CsvReader {
    /// A reader that has seen nothing yet.
    pub fn new(opts: ReadOptions) -> CsvReader {
        CsvReader {
            opts,
            pending: Vec::new(),
            detected: None,
            decoder: None,
            parser: None,
            out: vec![0; 4096],
            out_len: 0,
            ends: vec![0; 64],
            ends_len: 0,
            partial: String::new(),
            scan: Scanner::new(Some(b',')),
            header: None,
            header_decided: false,
            rows: Vec::new(),
            data_rows: 0,
            replaced: false,
            bad_at: VecDeque::new(),
            decoded: 0,
            consumed: 0,
            finished: false,
        }
    }

    /// Reads the next slice of the file. Errors are final: stop reading.
    pub fn feed(&mut self, bytes: &[u8]) -> Result<(), ImportError> {
        if self.finished {
            return Err(ImportError::Finished);
        }
        if self.detected.is_none() {
            self.pending.extend_from_slice(bytes);
            if self.pending.len() >= SAMPLE_BYTES {
                self.start(false)?;
            }
            return Ok(());
        }
        self.decode(bytes, false)
    }

    /// Ends the file: reads the last row and checks that the file held any.
    pub fn finish(&mut self) -> Result<(), ImportError> {
        if self.finished {
            return Err(ImportError::Finished);
        }
        self.finished = true;
        if self.detected.is_none() {
            if self.pending.is_empty() {
                return Err(ImportError::Empty);
            }
            self.start(true)?;
        } else {
            self.decode(&[], true)?;
        }
        if self.scan.in_quotes() {
            return Err(ImportError::UnterminatedQuote {
                line: self.scan.quote_line,
            });
        }
        if self.parser.is_some() {
            self.parse(&[])?;
        } else {
            let rest = std::mem::take(&mut self.partial);
            self.split_words(&rest, true)?;
        }
        match (&self.header, self.data_rows) {
            (None, 0) => Err(ImportError::Empty),
            (Some(_), 0) => Err(ImportError::NoRows),
            _ => Ok(()),
        }
    }

    /// The encoding and delimiter, once decided (after 64 KB or `finish`).
    pub fn detected(&self) -> Option<Detected> {
        self.detected
    }

    /// The header row (trimmed), once read; `None` for a file without one.
    pub fn header(&self) -> Option<&[String]> {
        self.header.as_deref()
    }

    /// Whether the first row has been read, so `header` is final.
    pub fn header_known(&self) -> bool {
        self.header_decided
    }

    /// The rows read since the last call. Rows whose every cell is blank are
    /// left out.
    pub fn take_rows(&mut self) -> Vec<SourceRow> {
        std::mem::take(&mut self.rows)
    }

    /// Data rows read so far (blank rows not counted).
    pub fn rows_read(&self) -> usize {
        self.data_rows
    }

    /// Whether some bytes were not valid in the detected encoding and were
    /// replaced by `�` (worth a warning: the encoding may be wrong).
    pub fn had_invalid_bytes(&self) -> bool {
        self.replaced
    }

    /// Decides encoding and delimiter from the held sample, then reads it.
    fn start(&mut self, is_final: bool) -> Result<(), ImportError> {
        let sample = std::mem::take(&mut self.pending);
        let (encoding, bom) = match self.opts.encoding {
            Some(e) => (e, TextEncoding::for_bom(&sample).map_or(0, |(_, n)| n)),
            // The first SAMPLE_BYTES decide, however large the first slice.
            None if sample.len() > SAMPLE_BYTES => sniff_encoding(&sample[..SAMPLE_BYTES], false)?,
            None => sniff_encoding(&sample, is_final)?,
        };
        let mut decoder = encoding.new_decoder();
        let text = self.decode_all(&mut decoder, &sample[bom..], is_final);
        let sep_line = excel_sep_line(&text, is_final);
        let named = match sep_line {
            Some((c, _)) => Some(named_delimiter(c)?),
            None => None,
        };
        let delimiter = self
            .opts
            .delimiter
            .or(named)
            .unwrap_or_else(|| sniff_delimiter(&text, is_final));
        self.detected = Some(Detected {
            encoding: encoding.name(),
            bom: bom > 0,
            delimiter,
        });
        if !is_final {
            self.decoder = Some(decoder);
        }
        match delimiter.byte() {
            Some(byte) => {
                self.parser = Some(csv_core::ReaderBuilder::new().delimiter(byte).build());
                self.scan = Scanner::new(Some(byte));
            }
            None => self.scan = Scanner::new(None),
        }
        let skip = sep_line.map_or(0, |(_, len)| len);
        if skip > 0 {
            self.scan.line += 1;
            self.consumed = skip;
        }
        self.text(&text[skip..], is_final)
    }

    fn decode(&mut self, bytes: &[u8], last: bool) -> Result<(), ImportError> {
        // Taken out, and put back unless told `last` (it must not be used
        // again after that).
        let Some(mut decoder) = self.decoder.take() else {
            return Ok(());
        };
        let text = self.decode_all(&mut decoder, bytes, last);
        if !last {
            self.decoder = Some(decoder);
        }
        self.text(&text, last)
    }

    fn text(&mut self, text: &str, last: bool) -> Result<(), ImportError> {
        if self.parser.is_some() {
            self.parse(text.as_bytes())
        } else {
            self.partial.push_str(text);
            let lines = std::mem::take(&mut self.partial);
            let cut = if last {
                lines.len()
            } else {
                lines.rfind(['\n', '\r']).map_or(0, |i| i + 1)
            };
            self.partial = lines[cut..].to_string();
            if self.partial.len() > self.opts.max_row_bytes {
                return Err(self.too_long());
            }
            self.split_words(&lines[..cut], last)
        }
    }

    /// Whitespace mode: each line is a row, words are cells. `lines`
    /// starts at decoded offset `self.consumed`.
    fn split_words(&mut self, lines: &str, _last: bool) -> Result<(), ImportError> {
        let mut rest = lines;
        while !rest.is_empty() {
            let end = rest.find(['\n', '\r']).unwrap_or(rest.len());
            let line = &rest[..end];
            let line_no = self.scan.line;
            let taken = (end + 1).min(rest.len());
            self.scan.scan(&rest.as_bytes()[..taken]);
            rest = &rest[taken..];
            self.consumed += taken;
            let invalid = self.invalid_up_to(self.consumed);
            if line.trim().is_empty() {
                continue;
            }
            let cells = line.split_whitespace().map(str::to_string).collect();
            self.record(cells, line_no, invalid)?;
        }
        Ok(())
    }

    /// Whether any invalid bytes were decoded before `offset`; forgets them.
    fn invalid_up_to(&mut self, offset: usize) -> bool {
        let mut any = false;
        while self.bad_at.front().is_some_and(|&at| at < offset) {
            self.bad_at.pop_front();
            any = true;
        }
        any
    }

    /// Delimited mode: runs `csv-core` over decoded text (or, with empty
    /// input, flushes the last record).
    fn parse(&mut self, mut input: &[u8]) -> Result<(), ImportError> {
        // With empty input `csv-core` ends the last record, then says End;
        // a few more rounds than that would be a bug, not a reason to spin.
        let mut flushes = if input.is_empty() { 4 } else { 0 };
        loop {
            let Some(parser) = self.parser.as_mut() else {
                return Ok(());
            };
            let (result, nin, nout, nend) = parser.read_record(
                input,
                &mut self.out[self.out_len..],
                &mut self.ends[self.ends_len..],
            );
            self.scan.scan(&input[..nin]);
            self.consumed += nin;
            input = &input[nin..];
            self.out_len += nout;
            self.ends_len += nend;
            use csv_core::ReadRecordResult as R;
            match result {
                R::InputEmpty if flushes > 0 => flushes -= 1,
                R::InputEmpty | R::End => return Ok(()),
                R::OutputFull => {
                    if self.out.len() >= self.opts.max_row_bytes {
                        return Err(self.too_long());
                    }
                    self.out.resize(self.out.len() * 2, 0);
                }
                R::OutputEndsFull => self.ends.resize(self.ends.len() * 2, 0),
                R::Record => {
                    let mut cells = Vec::with_capacity(self.ends_len);
                    let mut start = 0;
                    for &end in &self.ends[..self.ends_len] {
                        cells.push(String::from_utf8_lossy(&self.out[start..end]).into_owned());
                        start = end;
                    }
                    self.out_len = 0;
                    self.ends_len = 0;
                    let line = self.scan.starts.pop_front().unwrap_or(self.scan.line);
                    let invalid = self.invalid_up_to(self.consumed);
                    self.record(cells, line, invalid)?;
                }
            }
        }
    }

    fn too_long(&self) -> ImportError {
        if self.scan.in_quotes() {
            ImportError::UnterminatedQuote {
                line: self.scan.quote_line,
            }
        } else {
            ImportError::RowTooLong {
                line: self.scan.starts.front().copied().unwrap_or(self.scan.line),
                max_mb: self.opts.max_row_bytes >> 20,
            }
        }
    }

    fn record(
        &mut self,
        mut cells: Vec<String>,
        line: usize,
        invalid: bool,
    ) -> Result<(), ImportError> {
        let nul = cells.iter().position(|c| c.contains('\0'));
        if !self.header_decided {
            self.header_decided = true;
            if cells.len() > self.opts.max_columns {
                return Err(ImportError::TooManyColumns {
                    found: cells.len(),
                    max: self.opts.max_columns,
                });
            }
            let is_header = self
                .opts
                .has_header
                .unwrap_or_else(|| !cells.iter().all(|c| looks_like_data(c)));
            if is_header {
                if let Some(column) = nul {
                    return Err(ImportError::NulInHeader { column: column + 1 });
                }
                for c in &mut cells {
                    *c = c.trim_start_matches('\u{feff}').trim().to_string();
                }
                check_unique(&cells)?;
                self.header = Some(cells);
                return Ok(());
            }
        }
        if cells.iter().all(|c| c.trim().is_empty()) {
            return Ok(());
        }
        let damage = if invalid {
            Some(RowDamage::InvalidBytes {
                column: cells
                    .iter()
                    .position(|c| c.contains('\u{fffd}'))
                    .unwrap_or(0),
                encoding: self.detected.map_or("UTF-8", |d| d.encoding),
            })
        } else {
            nul.map(|column| RowDamage::Nul { column })
        };
        self.data_rows += 1;
        self.rows.push(SourceRow {
            line,
            cells,
            damage,
        });
        Ok(())
    }

    /// Decodes `bytes` to the end, putting `�` for invalid bytes and
    /// noting where in the decoded text.
    fn decode_all(&mut self, decoder: &mut Decoder, bytes: &[u8], last: bool) -> String {
        let mut text = String::with_capacity(bytes.len() + bytes.len() / 2 + 16);
        let decoded = self.decoded;
        let bad_at = &mut self.bad_at;
        let mut replaced = false;
        decoder.decode(bytes, last, &mut text, &mut |at| {
            replaced = true;
            bad_at.push_back(decoded + at);
        });
        self.replaced |= replaced;
        self.decoded += text.len();
        text
    }
}

/// Excel's `sep=X` first line: the delimiter it names and the line's
/// length with its line break. `is_final`: the text is the whole file.
fn excel_sep_line(text: &str, is_final: bool) -> Option<(char, usize)> {
    let rest = text.get(..4).filter(|p| p.eq_ignore_ascii_case("sep="))?;
    let mut chars = text[rest.len()..].chars();
    let c = chars.next().filter(|c| !matches!(c, '\r' | '\n'))?;
    let after = &text[rest.len() + c.len_utf8()..];
    let end = if after.starts_with("\r\n") {
        2
    } else if after.starts_with(['\r', '\n']) {
        1
    } else if after.is_empty() && is_final {
        0
    } else {
        return None;
    };
    Some((c, rest.len() + c.len_utf8() + end))
}

/// The delimiter a `sep=` line names.
fn named_delimiter(c: char) -> Result<Delimiter, ImportError> {
    Delimiter::ALL
        .iter()
        .copied()
        .find(|d| d.byte().is_some() && d.byte() == u8::try_from(c).ok())
        .ok_or(ImportError::UnsupportedDelimiter { found: c })
}

/// Whether a first-row cell looks like data rather than a column name: a
/// number, a date, or empty.
fn looks_like_data(cell: &str) -> bool {
    let c = cell.trim();
    c.is_empty()
        || c.bytes()
            .all(|b| b.is_ascii_digit() || matches!(b, b'.' | b',' | b'-' | b'+' | b'/' | b'$'))
}

/// Refuses a header that names a column twice (ignoring case and spaces;
/// blank names may repeat).
fn check_unique(header: &[String]) -> Result<(), ImportError> {
    let mut seen: std::collections::HashMap<String, usize> = Default::default();
    for (i, name) in header.iter().enumerate() {
        let key: String = name
            .chars()
            .filter(|c| !c.is_whitespace())
            .flat_map(char::to_lowercase)
            .collect();
        if key.is_empty() {
            continue;
        }
        if let Some(&first) = seen.get(&key) {
            return Err(ImportError::DuplicateHeader {
                name: header[first].clone(),
                first: first + 1,
                second: i + 1,
            });
        }
        seen.insert(key, i);
    }
    Ok(())
}

#[cfg(test)]
#[path = "read_tests.rs"]
mod tests;
