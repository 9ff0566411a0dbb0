//! The blocked search against brute force on generated customers with
//! planted duplicates, and arbitrary Unicode through every entry point.

use rand::{Rng, SeedableRng};
use rand_xoshiro::Xoshiro256PlusPlus;

use super::*;
use crate::demo::{generate, DemoConfig};
use crate::model::new_id;

const NOW: i64 = 1_750_000_000_000;

/// Seeded demo customers plus `planted` near-copies of random ones, each
/// changed the way real duplicates differ; returns (customers, planted pairs).
pub(crate) fn with_planted_duplicates(
    seed: u64,
    n: usize,
    planted: usize,
) -> (Vec<Customer>, Vec<(Id, Id)>) {
    // The demo's own twins (entered again from a business card) are left
    // out: the duplicates here are the ones planted below.
    let mut customers: Vec<Customer> = generate(DemoConfig { seed, customers: n }, NOW)
        .customers
        .into_iter()
        .filter(|c| c.source != "Business card")
        .collect();
    let n = customers.len();
    let mut rng = Xoshiro256PlusPlus::seed_from_u64(seed ^ 0xD0D0);
    let mut pairs = Vec::new();
    for k in 0..planted {
        let original = customers[rng.gen_range(0..n)].clone();
        let mut copy = original.clone();
        copy.meta = crate::model::Meta::new(new_id(&mut rng), NOW);
        match k % 5 {
            // A typo in the given name, another email.
            0 => {
                let mut chars: Vec<char> = copy.given_name.chars().collect();
                if chars.len() > 2 {
                    chars.remove(rng.gen_range(1..chars.len()));
                }
                copy.given_name = chars.into_iter().collect();
                copy.emails = vec![format!("other{k}@gmail.com")];
            }
            // Given and family swapped, same contact details.
            1 => std::mem::swap(&mut copy.given_name, &mut copy.family_name),
            // "Family, Given" in one field, no email, same phone.
            2 => {
                copy.given_name = format!("{}, {}", original.family_name, original.given_name);
                copy.family_name.clear();
                copy.emails.clear();
            }
            // Only the email in common, names in capitals.
            3 => {
                copy.given_name = copy.given_name.to_uppercase();
                copy.family_name = copy.family_name.to_uppercase();
                copy.phones.clear();
            }
            // A Chinese name written in pinyin; no contact details.
            _ if has_han(&copy.family_name) => {
                copy.given_name = in_pinyin(&copy.given_name);
                copy.family_name = in_pinyin(&copy.family_name);
                copy.emails.clear();
                copy.phones.clear();
            }
            // A typo in the family name; no contact details.
            _ => {
                let mut chars: Vec<char> = copy.family_name.chars().collect();
                if chars.len() > 3 {
                    let at = rng.gen_range(3..chars.len());
                    chars[at] = 'x';
                } else {
                    chars.push('e');
                }
                copy.family_name = chars.into_iter().collect();
                copy.emails.clear();
                copy.phones.clear();
            }
        }
        pairs.push((original.meta.id, copy.meta.id));
        customers.push(copy);
    }
    (customers, pairs)
}

fn has_han(text: &str) -> bool {
    text.chars().any(|c| ('\u{4E00}'..='\u{9FFF}').contains(&c))
}

/// "小明" → "Xiaoming".
fn in_pinyin(text: &str) -> String {
    use pinyin::ToPinyin;
    let plain: String = text
        .chars()
        .map(|c| {
            c.to_pinyin()
                .map_or(c.to_string(), |p| p.plain().to_string())
        })
        .collect();
    let mut chars = plain.chars();
    chars
        .next()
        .map(|f| f.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}

#[test]
fn blocked_search_equals_brute_force_on_2000_customers() {
    let (customers, planted) = with_planted_duplicates(7, 2_000, 150);
    for min in [0.5, 0.7, 0.85] {
        let blocked = find_duplicates(&customers, min);
        let brute = find_duplicates_brute_force(&customers, min);
        assert!(!brute.is_empty());
        assert_eq!(blocked.len(), brute.len(), "at {min}");
        assert_eq!(blocked, brute, "at {min}");
    }
    let found = find_duplicates(&customers, 0.5);
    let missed: Vec<&(Id, Id)> = planted
        .iter()
        .filter(|(x, y)| {
            let (a, b) = ((*x).min(*y), (*x).max(*y));
            !found.iter().any(|p| p.a == a && p.b == b)
        })
        .collect();
    assert!(
        missed.len() * 20 <= planted.len(),
        "{} of {} planted duplicates missed",
        missed.len(),
        planted.len()
    );
}

#[test]
fn duplicates_of_agrees_with_the_pairs() {
    let (customers, planted) = with_planted_duplicates(11, 600, 40);
    let index = DuplicateIndex::new(&customers);
    let pairs = find_duplicates(&customers, 0.6);
    for c in customers.iter().take(300) {
        let mut expected: Vec<Id> = pairs
            .iter()
            .filter_map(|p| {
                (p.a == c.meta.id)
                    .then_some(p.b)
                    .or((p.b == c.meta.id).then_some(p.a))
            })
            .collect();
        expected.sort_unstable();
        let mut got: Vec<Id> = duplicates_of(c, &index, 0.6)
            .into_iter()
            .map(|f| f.0)
            .collect();
        got.sort_unstable();
        assert_eq!(got, expected);
    }
    assert!(!planted.is_empty());
}

#[cfg(not(target_arch = "wasm32"))]
mod arbitrary {
    use super::*;
    use proptest::prelude::*;

    fn customer(n: u128, text: [String; 5]) -> Customer {
        let [given, family, email, phone, company] = text;
        let mut c = Customer::new(crate::model::Uuid::from_u128(n), 0);
        (c.given_name, c.family_name, c.company) = (given, family, company);
        c.emails = vec![email];
        c.phones = vec![phone];
        c
    }

    proptest! {
        #[test]
        fn arbitrary_unicode_never_panics(
            a in proptest::array::uniform5(".{0,24}"),
            b in proptest::array::uniform5(".{0,24}"),
            c in proptest::array::uniform5("[张張章伟偉a-cA-C ,.@0-9]{0,12}"),
        ) {
            let customers = vec![customer(1, a.clone()), customer(2, b), customer(3, c)];
            for p in find_duplicates(&customers, 0.0) {
                prop_assert!(p.a < p.b);
                prop_assert!((0.0..=1.0).contains(&p.score));
                for r in &p.reasons {
                    prop_assert!(!r.describe().is_empty());
                }
            }
            let index = DuplicateIndex::new(&customers);
            let mut probe = customer(9, a.clone());
            probe.given_name.push('x');
            for (_, s, _) in duplicates_of(&probe, &index, 0.0) {
                prop_assert!((0.0..=1.0).contains(&s));
            }
            let _ = normalise_company(&a[4]);
        }
    }
}
