//! Duplicate customers: pairs of customers that are probably one person,
//! found without comparing all n² pairs, for the "Possible duplicates" list,
//! the new-customer form and the import preview; [`crate::ops::merge`] then
//! merges them.
//!
//! **Blocking.** Each customer gets a handful of keys (`profile`, with the
//! text rules in `normal`): each
//! normalised email and the last [`PHONE_TAIL`] digits of each phone (strong
//! keys), each non-free-mail email domain, the company without its legal
//! form, the sorted romanised name tokens (Han names as pinyin), and two
//! short keys (first three letters of the family name + the given initial,
//! and the reverse). Only customers sharing a key are compared. A block
//! larger than [`WEAK_BLOCK_CAP`] (weak keys), [`SHORT_NAME_BLOCK_CAP`]
//! (short name keys) or [`STRONG_BLOCK_CAP`] (strong keys: a switchboard
//! number, a shared `info@` address) is skipped, so one common company or
//! name cannot turn the search back into n².
//!
//! **Scoring** ([`score`]): Jaro–Winkler (`strsim`) on folded names, also
//! with given and family swapped; same email and phone as strong evidence;
//! same pinyin for Han names; same company and email domain as support
//! only. Each pair carries its [`Reason`]s.
//!
//! [`groups`] turns pairs into groups (union–find) to merge several at once.

mod groups;
mod hash;
mod jaro;
mod normal;
mod profile;
mod score;
#[cfg(test)]
mod tests;
#[cfg(test)]
mod tests_large;

pub use groups::groups;
pub use normal::{normalise_company, FREE_MAIL_DOMAINS, PHONE_TAIL};
pub use score::Reason;

use std::collections::HashMap;

use crate::model::{Customer, Id, Record};
use hash::FxBuild;
use profile::Profile;

/// Blocks of a weak key (domain, company, name) larger than this are skipped.
pub const WEAK_BLOCK_CAP: usize = 200;
/// Blocks of a short name key (three letters of one name part and the
/// initial of the other) larger than this are skipped: they only find
/// misspelt names, and at 100,000 customers they made up four fifths of
/// the candidate pairs.
pub const SHORT_NAME_BLOCK_CAP: usize = 100;
/// Blocks of a strong key (email, phone) larger than this are skipped.
pub const STRONG_BLOCK_CAP: usize = 1_000;

/// Two customers that are probably one person.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct DuplicatePair {
    /// The customer with the smaller id.
    pub a: Id,
    /// The customer with the larger id.
    pub b: Id,
    /// How likely they are one person, 0 to 1.
    pub score: f64,
    /// Why.
    pub reasons: Vec<Reason>,
}

/// The stored customers' blocking keys, built once (e.g. when the import
/// preview or the new-customer form opens) and asked many times through
/// [`duplicates_of`]. Trashed and merged-away customers are left out.
#[derive(Debug, Clone, Default)]
pub struct DuplicateIndex {
    profiles: Vec<Profile>,
    /// Every (key, profile) pair, sorted: a block is a run of one key.
    members: Vec<(u64, u32)>,
    /// Key → (start, length) of its run in `members`.
    blocks: HashMap<u64, (u32, u32), FxBuild>,
}

impl DuplicateIndex {
    /// Indexes the live customers of `customers`.
    pub fn new(customers: &[Customer]) -> DuplicateIndex {
        let mut profiles: Vec<Profile> = customers
            .iter()
            .filter(|c| !c.is_deleted() && c.merged_into.is_none())
            .map(Profile::of)
            .collect();
        // Customers with alike names next to each other: the name blocks'
        // members are then near in memory (measured: a third of the time
        // of `find_all` at 100,000 customers went to cache misses).
        profiles.sort_by_cached_key(|p| (prefix(&p.family), prefix(&p.given), p.id));
        // One sorted list instead of a Vec per block: most keys (emails,
        // phones) have one member, and 150,000 small allocations cost more
        // than the sort.
        let mut members: Vec<(u64, u32)> = profiles
            .iter()
            .enumerate()
            .flat_map(|(i, p)| p.keys.iter().map(move |k| (k.hash, i as u32)))
            .collect();
        members.sort_unstable();
        let mut blocks: HashMap<u64, (u32, u32), FxBuild> = HashMap::default();
        blocks.reserve(members.len());
        let mut start = 0;
        while start < members.len() {
            let key = members[start].0;
            let len = members[start..].partition_point(|m| m.0 == key);
            blocks.insert(key, (start as u32, len as u32));
            start += len;
        }
        DuplicateIndex {
            profiles,
            members,
            blocks,
        }
    }

    /// How many customers are indexed.
    pub fn len(&self) -> usize {
        self.profiles.len()
    }

    /// Whether no customer is indexed.
    pub fn is_empty(&self) -> bool {
        self.profiles.is_empty()
    }

    /// The members of every block `p` is in that is small enough to search.
    fn neighbours<'a>(&'a self, p: &'a Profile) -> impl Iterator<Item = u32> + 'a {
        p.keys.iter().flat_map(move |key| {
            let cap = match key.kind {
                0 | 1 => STRONG_BLOCK_CAP,
                5 | 6 => SHORT_NAME_BLOCK_CAP,
                _ => WEAK_BLOCK_CAP,
            };
            let run = match self.blocks.get(&key.hash) {
                Some(&(start, len)) if len as usize <= cap => {
                    &self.members[start as usize..(start + len) as usize]
                }
                _ => &[][..],
            };
            run.iter().map(|m| m.1)
        })
    }

    /// Every pair of indexed customers scoring at least `min_score`, best
    /// first (ties by ids).
    pub fn find_all(&self, min_score: f64) -> Vec<DuplicatePair> {
        let mut pairs = Vec::new();
        let mut near: Vec<u32> = Vec::new();
        for (i, p) in self.profiles.iter().enumerate() {
            near.clear();
            near.extend(self.neighbours(p).filter(|&j| j as usize > i));
            near.sort_unstable();
            near.dedup();
            for &j in &near {
                let q = &self.profiles[j as usize];
                let mut sim = None;
                let s = score::score(p, q, || *sim.insert(score::name_similarity(p, q)), None);
                if s >= min_score && s > 0.0 {
                    pairs.push(pair(p, q, s, sim));
                }
            }
        }
        sort_pairs(&mut pairs);
        pairs
    }
}

/// The pair of `p` and `q` scored `score`, with its reasons read from the
/// customer with the smaller id first (whose phone and company they show),
/// so they do not depend on the index's order. `sim`: the name similarity
/// of (`p`, `q`), if already computed.
fn pair(p: &Profile, q: &Profile, score: f64, sim: Option<f64>) -> DuplicatePair {
    let (first, second, sim) = if p.id <= q.id {
        (p, q, sim)
    } else {
        (q, p, None)
    };
    let mut reasons = Vec::new();
    let sim = sim.unwrap_or_else(|| score::name_similarity(first, second));
    score::score(first, second, || sim, Some(&mut reasons));
    DuplicatePair {
        a: first.id,
        b: second.id,
        score,
        reasons,
    }
}

/// The first four characters of a name packed into a number that sorts
/// like them (for ordering only: characters past U+FFFF are truncated).
fn prefix(name: &[char]) -> u64 {
    let mut key = 0u64;
    for i in 0..4 {
        key = key << 16 | name.get(i).map_or(0, |&c| u64::from(c as u32 & 0xFFFF));
    }
    key
}

/// Best first, ties by ids, so the list is the same every time.
fn sort_pairs(pairs: &mut [DuplicatePair]) {
    pairs.sort_by(|x, y| {
        y.score
            .total_cmp(&x.score)
            .then_with(|| (x.a, x.b).cmp(&(y.a, y.b)))
    });
}

/// Every pair of live customers (not trashed, not merged away) that scores
/// at least `min_score`, with `a < b`, best first.
///
/// ```
/// use rapport_core::dedupe::find_duplicates;
/// use rapport_core::model::{Customer, Uuid};
/// let person = |n: u128, given: &str, family: &str, email: &str| {
///     let mut c = Customer::new(Uuid::from_u128(n), 0);
///     (c.given_name, c.family_name) = (given.into(), family.into());
///     c.emails = vec![email.into()];
///     c
/// };
/// let pairs = find_duplicates(
///     &[
///         person(1, "Ann", "Lee", "ann@lee.net"),
///         person(2, "Anne", "Lee", "ann@lee.net"),
///         person(3, "Bob", "Ray", "bob@ray.net"),
///     ],
///     0.5,
/// );
/// assert_eq!(pairs.len(), 1);
/// assert_eq!((pairs[0].a, pairs[0].b), (Uuid::from_u128(1), Uuid::from_u128(2)));
/// ```
pub fn find_duplicates(customers: &[Customer], min_score: f64) -> Vec<DuplicatePair> {
    DuplicateIndex::new(customers).find_all(min_score)
}

/// The indexed customers that `candidate` (a form being filled in, an
/// import row, or a stored customer) probably duplicates, scoring at least
/// `min_score`, best first; `candidate` itself is left out.
pub fn duplicates_of(
    candidate: &Customer,
    stored: &DuplicateIndex,
    min_score: f64,
) -> Vec<(Id, f64, Vec<Reason>)> {
    let p = Profile::of(candidate);
    let mut near: Vec<u32> = stored.neighbours(&p).collect();
    near.sort_unstable();
    near.dedup();
    let mut found: Vec<(Id, f64, Vec<Reason>)> = near
        .into_iter()
        .map(|j| &stored.profiles[j as usize])
        .filter(|q| q.id != p.id)
        .filter_map(|q| {
            let sim = || score::name_similarity(&p, q);
            let s = score::score(&p, q, sim, None);
            (s >= min_score && s > 0.0).then(|| {
                let found = pair(&p, q, s, None);
                (q.id, s, found.reasons)
            })
        })
        .collect();
    found.sort_by(|x, y| y.1.total_cmp(&x.1).then_with(|| x.0.cmp(&y.0)));
    found
}

/// Every pair of live customers scored directly, without blocking: the
/// reference the blocked search is tested against (n², tests only).
#[cfg(test)]
pub(crate) fn find_duplicates_brute_force(
    customers: &[Customer],
    min_score: f64,
) -> Vec<DuplicatePair> {
    let index = DuplicateIndex::new(customers);
    let mut pairs = Vec::new();
    for (i, p) in index.profiles.iter().enumerate() {
        for q in &index.profiles[i + 1..] {
            let sim = || score::name_similarity(p, q);
            let s = score::score(p, q, sim, None);
            if s >= min_score && s > 0.0 {
                pairs.push(pair(p, q, s, None));
            }
        }
    }
    sort_pairs(&mut pairs);
    pairs
}
