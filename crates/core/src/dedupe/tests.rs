//! Duplicate detection on small hand-made cases: each kind of evidence, the
//! block cap, and who is left out.

use super::*;
use crate::model::Uuid;

fn person(n: u128, given: &str, family: &str) -> Customer {
    let mut c = Customer::new(Uuid::from_u128(n), 0);
    c.given_name = given.into();
    c.family_name = family.into();
    c
}

fn pair_of(pairs: &[DuplicatePair], a: u128, b: u128) -> Option<&DuplicatePair> {
    let (a, b) = (Uuid::from_u128(a.min(b)), Uuid::from_u128(a.max(b)));
    pairs.iter().find(|p| p.a == a && p.b == b)
}

#[test]
fn the_same_email_or_phone_is_found_whatever_the_names_look_like() {
    let mut a = person(1, "Ann", "Lee");
    a.emails = vec!["ann.lee@gmail.com".into()];
    let mut b = person(2, "A.", "Lee");
    b.emails = vec!["Ann.Lee@Gmail.com".into()];
    let mut c = person(3, "Robert", "Ray");
    // (Nicknames such as Bob are not known: "Rob" is alike by spelling.)
    c.phones = vec!["+442079460958".into()];
    let mut d = person(4, "Rob", "Ray");
    d.phones = vec!["02079460958".into()];
    let pairs = find_duplicates(&[a, b, c, d], 0.85);
    let ab = pair_of(&pairs, 1, 2).expect("same email");
    assert!(ab
        .reasons
        .contains(&Reason::SameEmail("ann.lee@gmail.com".into())));
    let cd = pair_of(&pairs, 3, 4).expect("same phone tail");
    assert!(cd.reasons.iter().any(|r| matches!(r, Reason::SamePhone(_))));
    assert_eq!(pairs.len(), 2);
}

#[test]
fn jon_and_john_smith_at_one_company_are_found() {
    let mut a = person(1, "Jon", "Smith");
    a.company = "Acme Inc.".into();
    let mut b = person(2, "John", "Smith");
    b.company = "ACME Ltd".into();
    let pairs = find_duplicates(&[a, b], 0.85);
    let p = pair_of(&pairs, 1, 2).expect("found");
    assert!(p.score >= 0.85 && p.score <= 1.0, "{}", p.score);
    assert!(p
        .reasons
        .iter()
        .any(|r| matches!(r, Reason::SimilarName { score } if *score > 0.9)));
    assert!(p.reasons.contains(&Reason::SameCompany("Acme Inc.".into())));
    assert_eq!(
        p.reasons.iter().map(Reason::short).collect::<Vec<_>>(),
        ["similar name", "same company"]
    );
}

#[test]
fn a_name_typed_family_first_or_in_swapped_fields_is_found() {
    let a = person(1, "John", "Smith");
    let b = person(2, "Smith, John", "");
    let c = person(3, "Smith", "John");
    let pairs = find_duplicates(&[a, b, c], 0.75);
    for (x, y) in [(1, 2), (1, 3), (2, 3)] {
        let p = pair_of(&pairs, x, y).unwrap_or_else(|| panic!("{x}–{y} missing"));
        assert!(p.reasons.contains(&Reason::SimilarName { score: 1.0 }));
    }
}

#[test]
fn zhang_wei_in_simplified_traditional_and_pinyin_meet_as_a_weak_reason() {
    let a = person(1, "伟", "张");
    let b = person(2, "偉", "張");
    let c = person(3, "伟", "章");
    let d = person(4, "Wei", "Zhang");
    let pairs = find_duplicates(&[a, b, c, d], 0.5);
    for (x, y) in [(1, 2), (1, 3), (1, 4), (2, 4)] {
        let p = pair_of(&pairs, x, y).unwrap_or_else(|| panic!("{x}–{y} missing"));
        assert!(p
            .reasons
            .contains(&Reason::SameNamePinyin("wei zhang".into())));
        assert!(
            p.score < 0.85,
            "pinyin alone stays below the import warning"
        );
    }
    let mut e = person(5, "伟", "章");
    e.company = "华为技术有限公司".into();
    let mut f = person(6, "伟", "张");
    f.company = "华为技术".into();
    let pairs = find_duplicates(&[e, f], 0.5);
    let p = pair_of(&pairs, 5, 6).expect("pinyin + company");
    assert!(p.score > 0.8);
}

#[test]
fn colleagues_with_different_names_are_not_paired() {
    let names = [
        ("Alice", "Wong"),
        ("Bob", "Taylor"),
        ("Carla", "Mendes"),
        ("Dmitri", "Ivanov"),
        ("Erin", "O'Brien"),
        ("Farid", "Haddad"),
        ("Greta", "Larsen"),
        ("Hiro", "Tanaka"),
        ("王", "芳"),
        ("李", "娜"),
    ];
    let customers: Vec<Customer> = names
        .iter()
        .enumerate()
        .map(|(i, (g, f))| {
            let mut c = person(i as u128 + 1, g, f);
            c.company = "Acme Corp".into();
            c.emails = vec![format!("{}@acme.com", i)];
            c
        })
        .collect();
    assert_eq!(find_duplicates(&customers, 0.3), vec![]);
}

#[test]
fn a_company_block_over_the_cap_is_skipped() {
    // Customers without a person's name at one company count as the same
    // name, so only the company block can bring them together.
    let at_acme = |n: usize| -> Vec<Customer> {
        (0..n)
            .map(|i| {
                let mut c = Customer::new(Uuid::from_u128(i as u128 + 1), 0);
                c.company = "Acme".into();
                c
            })
            .collect()
    };
    assert_eq!(find_duplicates(&at_acme(3), 0.5).len(), 3);
    assert_eq!(find_duplicates(&at_acme(WEAK_BLOCK_CAP + 1), 0.5), vec![]);
}

#[test]
fn trashed_and_merged_customers_are_left_out() {
    let mut a = person(1, "Ann", "Lee");
    a.emails = vec!["ann@lee.net".into()];
    let mut b = a.clone();
    b.meta.id = Uuid::from_u128(2);
    let mut c = a.clone();
    c.meta.id = Uuid::from_u128(3);
    b.meta.soft_delete(5);
    c.merged_into = Some(a.meta.id);
    assert_eq!(find_duplicates(&[a.clone(), b, c], 0.1), vec![]);
    let index = DuplicateIndex::new(&[a.clone()]);
    assert_eq!(index.len(), 1);
    assert!(duplicates_of(&a, &index, 0.1).is_empty(), "not itself");
}

#[test]
fn duplicates_of_a_new_record_come_best_first() {
    let mut ann = person(1, "Ann", "Lee");
    ann.company = "Globex".into();
    let mut anne = person(2, "Anne", "Lee");
    anne.emails = vec!["anne@globex.com".into()];
    let bob = person(3, "Bob", "Ray");
    let index = DuplicateIndex::new(&[ann, anne, bob]);
    let mut new = person(9, "Ann", "Lee");
    new.company = "Globex GmbH".into();
    new.emails = vec!["ann@globex.com".into()];
    let found = duplicates_of(&new, &index, 0.5);
    let ids: Vec<Uuid> = found.iter().map(|f| f.0).collect();
    assert_eq!(ids, [Uuid::from_u128(1), Uuid::from_u128(2)]);
    assert!(found[0].1 > found[1].1);
    assert!(found[1]
        .2
        .contains(&Reason::SameEmailDomain("globex.com".into())));
}

#[test]
fn a_shared_landline_between_different_names_counts_less() {
    let mut a = person(1, "Ann", "Lee");
    a.phones = vec!["+14155550134".into()];
    let mut b = person(2, "Xavier", "Okafor");
    b.phones = a.phones.clone();
    let mut c = person(3, "Ann", "Lee");
    c.phones = a.phones.clone();
    let pairs = find_duplicates(&[a, b, c], 0.0);
    let different = pair_of(&pairs, 1, 2).unwrap().score;
    let same = pair_of(&pairs, 1, 3).unwrap().score;
    assert!((different - 0.72).abs() < 1e-9, "{different}");
    assert!(same > 0.97);
}

#[test]
fn groups_join_chains_for_a_merge_of_three() {
    let mut a = person(1, "Ann", "Lee");
    a.emails = vec!["ann@lee.net".into()];
    let mut b = person(2, "Anne", "Lee");
    b.emails = vec!["ann@lee.net".into()];
    b.phones = vec!["+14155550134".into()];
    let mut c = person(3, "A", "Lee");
    c.phones = vec!["+14155550134".into()];
    let d = person(4, "Bob", "Ray");
    let pairs = find_duplicates(&[a, b, c, d], 0.8);
    let g = groups(&pairs);
    assert_eq!(
        g,
        vec![vec![
            Uuid::from_u128(1),
            Uuid::from_u128(2),
            Uuid::from_u128(3)
        ]]
    );
}

#[test]
fn reasons_read_as_sentences() {
    assert_eq!(
        Reason::SameEmail("a@b.co".into()).describe(),
        "Both have the email address a@b.co."
    );
    assert_eq!(
        Reason::SimilarName { score: 1.0 }.describe(),
        "They have the same name."
    );
    assert_eq!(
        Reason::SameNamePinyin("wei zhang".into()).describe(),
        "Their names read the same in pinyin (wei zhang)."
    );
}
