//! Tokenising rows and query words, and the sorted token table that answers
//! prefix lookups by binary search.

use std::collections::HashMap;

use super::row::CustomerRow;

/// Longest CJK run whose suffixes are all indexed; longer runs index their
/// first [`MAX_CJK_SUFFIXES`] suffixes (and every character).
const MAX_CJK_SUFFIXES: usize = 16;

/// Shortest digit suffix of a phone number that is indexed ("0123").
const MIN_PHONE_SUFFIX: usize = 4;

/// Whether `c` is a CJK ideograph.
pub(crate) fn is_cjk(c: char) -> bool {
    matches!(c, '\u{4E00}'..='\u{9FFF}' | '\u{3400}'..='\u{4DBF}' | '\u{F900}'..='\u{FAFF}')
}

/// The search tokens of a row, lower-cased, sorted and without duplicates
/// (see [`each_token`]).
pub(crate) fn row_tokens(row: &CustomerRow) -> Vec<String> {
    let mut out = Vec::with_capacity(24);
    each_token(row, &mut |t| out.push(t.to_string()));
    out.sort_unstable();
    out.dedup();
    out
}

/// Calls `emit` with each search token of a row (possibly repeated): name
/// and company words; every email whole, its local part, its domain and the
/// pieces between `. _ - + @`; every phone's digits and their suffixes of
/// four or more digits. Allocates only per field, not per token.
pub(crate) fn each_token(row: &CustomerRow, emit: &mut impl FnMut(&str)) {
    words(&row.name, true, emit);
    words(&row.company, true, emit);
    for email in row.emails() {
        let email = email.trim().to_lowercase();
        if email.is_empty() {
            continue;
        }
        if let Some((local, domain)) = email.rsplit_once('@') {
            emit_nonempty(emit, local);
            emit_nonempty(emit, domain);
        }
        words(&email, false, emit);
        emit(&email);
    }
    for phone in row.phones() {
        let digits: String = phone.chars().filter(char::is_ascii_digit).collect();
        // Digits are ASCII, so every byte index is a char boundary.
        for start in 0..=digits.len().saturating_sub(MIN_PHONE_SUFFIX) {
            emit_nonempty(emit, &digits[start..]);
        }
    }
}

fn emit_nonempty(emit: &mut impl FnMut(&str), s: &str) {
    if !s.is_empty() {
        emit(s);
    }
}

/// Lower-cased alphanumeric runs of `s`; with `join`, a whitespace-separated
/// chunk made of several runs ("o'brien") is also indexed joined ("obrien");
/// a run with CJK ideographs also indexes each ideograph and each suffix, so
/// a prefix lookup finds any part of a Chinese name or company.
fn words(s: &str, join: bool, emit: &mut impl FnMut(&str)) {
    let lower = s.to_lowercase();
    for chunk in lower.split_whitespace() {
        let mut runs = 0;
        for run in chunk.split(|c: char| !c.is_alphanumeric()) {
            if run.is_empty() {
                continue;
            }
            runs += 1;
            emit(run);
            if run.chars().any(is_cjk) {
                for (n, (i, c)) in run.char_indices().enumerate() {
                    if n > 0 && n <= MAX_CJK_SUFFIXES {
                        emit(&run[i..]);
                    }
                    if is_cjk(c) {
                        emit(&run[i..i + c.len_utf8()]);
                    }
                }
            }
        }
        if join && runs > 1 {
            let joined: String = chunk.chars().filter(|c| c.is_alphanumeric()).collect();
            emit(&joined);
        }
    }
}

/// One word of a search query, ready for lookup.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Term {
    /// Prefixes a matching row must each have a token for.
    pub pieces: Vec<String>,
    /// When the word had punctuation inside ("lovelace@ex"): the lower-cased
    /// word, which must occur in the row's name, company or an email.
    pub verify: Option<String>,
}

/// The terms of a query: whitespace-separated words, lower-cased. A word of
/// digits and phone punctuation (`+ - ( ) .`) looks up its digits; any other
/// word looks up its alphanumeric runs and, when punctuation separates them,
/// is verified as a substring.
pub(crate) fn query_terms(text: &str) -> Vec<Term> {
    let mut terms = Vec::new();
    for word in text.split_whitespace() {
        let lower = word.to_lowercase();
        let lower = lower.trim_matches(|c: char| !c.is_alphanumeric());
        if lower.is_empty() {
            continue;
        }
        let phone_like = lower.chars().any(|c| c.is_ascii_digit())
            && lower
                .chars()
                .all(|c| c.is_ascii_digit() || "+-().".contains(c));
        let term = if phone_like {
            Term {
                pieces: vec![lower.chars().filter(char::is_ascii_digit).collect()],
                verify: None,
            }
        } else {
            let pieces: Vec<String> = lower
                .split(|c: char| !c.is_alphanumeric())
                .filter(|p| !p.is_empty())
                .map(str::to_string)
                .collect();
            let verify = (pieces.len() > 1).then(|| lower.to_string());
            Term { pieces, verify }
        };
        if !terms.contains(&term) {
            terms.push(term);
        }
    }
    terms
}

/// Whether `needle` (lower-cased) occurs in the row's name, company or an
/// email address.
pub(crate) fn row_contains(row: &CustomerRow, needle: &str) -> bool {
    row.name.to_lowercase().contains(needle)
        || row.company.to_lowercase().contains(needle)
        || row.emails().any(|e| e.to_lowercase().contains(needle))
}

/// Tokens of at most this many ASCII digits (phone numbers and their
/// suffixes) are packed into a `u64`, four bits a digit, instead of stored
/// as text: they are most of the tokens and sort far faster as integers.
const MAX_PACKED_DIGITS: usize = 16;

/// `digits` packed left-aligned, digit `d` as nibble `d + 1` (0 ends the
/// string), so integer order is string order and a prefix is a range.
fn pack_digits(digits: &str) -> Option<u64> {
    if digits.is_empty()
        || digits.len() > MAX_PACKED_DIGITS
        || !digits.bytes().all(|b| b.is_ascii_digit())
    {
        return None;
    }
    let mut key = 0u64;
    for (i, b) in digits.bytes().enumerate() {
        key |= u64::from(b - b'0' + 1) << (60 - 4 * i);
    }
    Some(key)
}

/// The inclusive range of packed keys that start with the packed `prefix`
/// of `len` digits.
fn packed_range(prefix: u64, len: usize) -> (u64, u64) {
    let free_bits = 64 - 4 * len as u32;
    let mask = if free_bits == 0 {
        0
    } else {
        (1u64 << free_bits) - 1
    };
    (prefix, prefix | mask)
}

/// A small, fast hasher (FxHash's multiply-rotate) for interning tokens;
/// the keys are the user's own data, so flooding is not a concern.
#[derive(Default)]
struct FxHasher(u64);

impl std::hash::Hasher for FxHasher {
    fn write(&mut self, bytes: &[u8]) {
        const K: u64 = 0x51_7c_c1_b7_27_22_0a_95;
        let mut chunks = bytes.chunks_exact(8);
        for c in &mut chunks {
            let mut word = [0u8; 8];
            word.copy_from_slice(c);
            self.0 = (self.0.rotate_left(5) ^ u64::from_le_bytes(word)).wrapping_mul(K);
        }
        for &b in chunks.remainder() {
            self.0 = (self.0.rotate_left(5) ^ u64::from(b)).wrapping_mul(K);
        }
    }

    fn write_u8(&mut self, b: u8) {
        self.write(&[b]);
    }

    fn finish(&self) -> u64 {
        self.0
    }
}

type FxBuild = std::hash::BuildHasherDefault<FxHasher>;

/// The first sixteen bytes of `s`, big-endian, zero-padded: comparing these
/// first settles most string comparisons without touching the heap.
fn head(s: &str) -> u128 {
    let mut word = [0u8; 16];
    let n = s.len().min(16);
    word[..n].copy_from_slice(&s.as_bytes()[..n]);
    u128::from_be_bytes(word)
}

/// All tokens of the rows as they were at the last build, sorted, each with
/// its slots. Text tokens are distinct and stored compressed (token `i` is
/// `text[tok_at[i]..tok_at[i + 1]]`, its slots
/// `slots[post_at[i]..post_at[i + 1]]`, in slot order); digit tokens are
/// `(packed, slot)` pairs. Built in bulk, never edited.
#[derive(Debug, Clone, Default, PartialEq)]
pub(crate) struct TokenTable {
    text: String,
    tok_at: Vec<u32>,
    post_at: Vec<u32>,
    slots: Vec<u32>,
    digits: Vec<(u64, u32)>,
}

/// A [`TokenTable`] in the making: rows are tokenised as they are
/// [`add`](TokenTableBuilder::add)ed (the bulk of the work, so a caller may
/// hand the thread back between slices of rows), and
/// [`finish`](TokenTableBuilder::finish) sorts the tokens into the table.
#[derive(Default)]
pub(crate) struct TokenTableBuilder {
    /// Text tokens interned: token → id in order of first sight.
    ids: HashMap<Box<str>, u32, FxBuild>,
    /// (token id, slot) pairs, in slot order.
    pairs: Vec<(u32, u32)>,
    /// (packed digits, slot) pairs.
    digits: Vec<(u64, u32)>,
    /// One row's token ids and digit keys (reused buffers).
    row_ids: Vec<u32>,
    row_keys: Vec<u64>,
}

impl TokenTableBuilder {
    /// Adds the tokens of `row` in `slot` (slots must be added in
    /// increasing order); each row's tokens are deduplicated.
    pub fn add(&mut self, slot: u32, row: &CustomerRow) {
        let (ids, row_ids, row_keys) = (&mut self.ids, &mut self.row_ids, &mut self.row_keys);
        row_ids.clear();
        row_keys.clear();
        each_token(row, &mut |t| {
            if let Some(key) = pack_digits(t) {
                row_keys.push(key);
            } else if let Some(&id) = ids.get(t) {
                row_ids.push(id);
            } else {
                let id = ids.len() as u32;
                ids.insert(t.into(), id);
                row_ids.push(id);
            }
        });
        row_ids.sort_unstable();
        row_ids.dedup();
        row_keys.sort_unstable();
        row_keys.dedup();
        self.pairs.extend(row_ids.iter().map(|&id| (id, slot)));
        self.digits.extend(row_keys.iter().map(|&key| (key, slot)));
    }

    /// The table of every row added.
    pub fn finish(self) -> TokenTable {
        let TokenTableBuilder {
            ids,
            pairs,
            mut digits,
            ..
        } = self;
        digits.sort_unstable();
        let mut distinct: Vec<(u128, Box<str>, u32)> =
            ids.into_iter().map(|(t, id)| (head(&t), t, id)).collect();
        distinct.sort_unstable();
        let mut rank = vec![0u32; distinct.len()];
        let mut text = String::with_capacity(distinct.iter().map(|(_, t, _)| t.len()).sum());
        let mut tok_at = Vec::with_capacity(distinct.len() + 1);
        tok_at.push(0);
        for (r, (_, t, id)) in distinct.iter().enumerate() {
            rank[*id as usize] = r as u32;
            text.push_str(t);
            tok_at.push(text.len() as u32);
        }
        // Counting sort of the pairs by token rank; slots stay in order.
        let mut post_at = vec![0u32; distinct.len() + 1];
        for &(id, _) in &pairs {
            post_at[rank[id as usize] as usize + 1] += 1;
        }
        for i in 1..post_at.len() {
            post_at[i] += post_at[i - 1];
        }
        let mut fill = post_at.clone();
        let mut slots = vec![0u32; pairs.len()];
        for &(id, slot) in &pairs {
            let r = rank[id as usize] as usize;
            slots[fill[r] as usize] = slot;
            fill[r] += 1;
        }
        TokenTable {
            text,
            tok_at,
            post_at,
            slots,
            digits,
        }
    }
}

impl TokenTable {
    /// The table of `rows` (by slot, in increasing slot order).
    pub fn build<'r>(rows: impl IntoIterator<Item = (u32, &'r CustomerRow)>) -> Self {
        let mut builder = TokenTableBuilder::default();
        for (slot, row) in rows {
            builder.add(slot, row);
        }
        builder.finish()
    }

    /// Number of (token, slot) postings.
    pub fn postings(&self) -> usize {
        self.slots.len() + self.digits.len()
    }

    fn token(&self, i: usize) -> &str {
        &self.text[self.tok_at[i] as usize..self.tok_at[i + 1] as usize]
    }

    fn tokens(&self) -> usize {
        self.tok_at.len().saturating_sub(1)
    }

    /// The slots of every token starting with `prefix` (a slot may repeat),
    /// found by binary searches: O(log tokens + postings).
    pub fn prefix_postings<'a>(&'a self, prefix: &str) -> impl Iterator<Item = u32> + 'a {
        let n = self.tokens();
        let lo = partition(n, |i| self.token(i) < prefix);
        let hi = lo + partition(n - lo, |i| self.token(lo + i).starts_with(prefix));
        let text = &self.slots[self.post_at[lo] as usize..self.post_at[hi] as usize];
        let digits = match pack_digits(prefix) {
            Some(key) => {
                let (first, last) = packed_range(key, prefix.len());
                let a = self.digits.partition_point(|&(k, _)| k < first);
                let b = self.digits.partition_point(|&(k, _)| k <= last);
                &self.digits[a..b]
            }
            None => &[],
        };
        text.iter()
            .copied()
            .chain(digits.iter().map(|&(_, slot)| slot))
    }
}

/// The first index in `0..n` where `pred` turns false (`pred` must be true
/// then false).
fn partition(n: usize, pred: impl Fn(usize) -> bool) -> usize {
    let (mut lo, mut hi) = (0, n);
    while lo < hi {
        let mid = lo + (hi - lo) / 2;
        if pred(mid) {
            lo = mid + 1;
        } else {
            hi = mid;
        }
    }
    lo
}
