//! Line numbers and quote state alongside `csv-core`: [`Scanner`] follows
//! the bytes the parser consumed, so [`super::CsvReader`] can say on which
//! physical line a row starts and where a never-closed quote opened (which
//! `csv-core`, preferring some parse over none, would silently accept).

use std::collections::VecDeque;

/// Follows the bytes `csv-core` consumed to keep physical line numbers, the
/// line each record starts on, and whether a quoted cell is open (the same
/// state machine as `csv-core`'s, reduced to what those need).
pub(crate) struct Scanner {
    /// `None`: whitespace mode, lines only (no quoting).
    delimiter: Option<u8>,
    /// The current line, 1-based.
    pub line: usize,
    prev_cr: bool,
    state: State,
    /// Where the open quote (if any) started.
    pub quote_line: usize,
    /// Start lines of records begun but not yet returned by `csv-core`.
    pub starts: VecDeque<usize>,
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum State {
    StartRecord,
    StartField,
    Unquoted,
    Quoted,
    QuoteInQuoted,
}

impl Scanner {
    pub fn new(delimiter: Option<u8>) -> Scanner {
        Scanner {
            delimiter,
            line: 1,
            prev_cr: false,
            state: State::StartRecord,
            quote_line: 0,
            starts: VecDeque::new(),
        }
    }

    pub fn in_quotes(&self) -> bool {
        self.state == State::Quoted
    }

    pub fn scan(&mut self, bytes: &[u8]) {
        let Some(delimiter) = self.delimiter else {
            for &b in bytes {
                self.count_line(b);
            }
            return;
        };
        for &b in bytes {
            let newline = b == b'\n' || b == b'\r';
            if self.state == State::StartRecord && !newline {
                self.starts.push_back(self.line);
                self.state = State::StartField;
            }
            self.state = match (self.state, b) {
                (State::StartRecord, _) => State::StartRecord,
                (State::Quoted, b'"') => State::QuoteInQuoted,
                (State::Quoted, _) => State::Quoted,
                (State::StartField, b'"') => {
                    self.quote_line = self.line;
                    State::Quoted
                }
                (State::QuoteInQuoted, b'"') => State::Quoted,
                (_, b'\n' | b'\r') => State::StartRecord,
                (_, d) if d == delimiter => State::StartField,
                _ => State::Unquoted,
            };
            self.count_line(b);
        }
    }

    fn count_line(&mut self, b: u8) {
        if b == b'\r' || (b == b'\n' && !self.prev_cr) {
            self.line += 1;
        }
        self.prev_cr = b == b'\r';
    }
}
