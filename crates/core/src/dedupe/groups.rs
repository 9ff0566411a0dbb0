//! Pairs into groups (union–find), so three records of one person can be
//! merged at once.

use std::collections::HashMap;

use super::DuplicatePair;
use crate::model::Id;

/// The connected groups of `pairs`: every customer appears in one group,
/// each group sorted by id, groups largest first (ties by first id).
///
/// ```
/// use rapport_core::dedupe::{groups, DuplicatePair};
/// use rapport_core::model::Uuid;
/// let pair = |a: u128, b: u128| DuplicatePair {
///     a: Uuid::from_u128(a), b: Uuid::from_u128(b), score: 0.9, reasons: vec![],
/// };
/// let g = groups(&[pair(1, 2), pair(2, 3), pair(7, 8)]);
/// assert_eq!(g.len(), 2);
/// assert_eq!(g[0], vec![Uuid::from_u128(1), Uuid::from_u128(2), Uuid::from_u128(3)]);
/// ```
pub fn groups(pairs: &[DuplicatePair]) -> Vec<Vec<Id>> {
    let mut slot: HashMap<Id, usize> = HashMap::new();
    let mut ids: Vec<Id> = Vec::new();
    let mut parent: Vec<usize> = Vec::new();
    let mut index = |id: Id, ids: &mut Vec<Id>, parent: &mut Vec<usize>| {
        *slot.entry(id).or_insert_with(|| {
            ids.push(id);
            parent.push(parent.len());
            parent.len() - 1
        })
    };
    for p in pairs {
        let a = index(p.a, &mut ids, &mut parent);
        let b = index(p.b, &mut ids, &mut parent);
        let (ra, rb) = (root(&mut parent, a), root(&mut parent, b));
        if ra != rb {
            parent[ra.max(rb)] = ra.min(rb);
        }
    }
    let mut by_root: HashMap<usize, Vec<Id>> = HashMap::new();
    for (i, id) in ids.iter().enumerate() {
        let r = root(&mut parent, i);
        by_root.entry(r).or_default().push(*id);
    }
    let mut out: Vec<Vec<Id>> = by_root.into_values().collect();
    for g in &mut out {
        g.sort_unstable();
    }
    out.sort_by(|x, y| y.len().cmp(&x.len()).then_with(|| x[0].cmp(&y[0])));
    out
}

/// The root of `i`, halving the path on the way.
fn root(parent: &mut [usize], mut i: usize) -> usize {
    while parent[i] != i {
        parent[i] = parent[parent[i]];
        i = parent[i];
    }
    i
}
