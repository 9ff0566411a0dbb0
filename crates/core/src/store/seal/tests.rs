//! Native tests of sealing, the key check, the encryption record's rewrite
//! state machine (including a rewrite interrupted at every batch) and
//! encrypted backups.

use super::backup::{is_encrypted_backup, SealedBackup};
use super::*;
use crate::store::COLLECTIONS;

fn key(byte: u8) -> Key {
    Key::from_bytes(&[byte; 32])
}

#[test]
fn sealed_value_opens_to_the_plaintext() {
    let k = key(1);
    let sealed = k.seal("customers/body", "{\"name\":\"Ada\"}").unwrap();
    assert!(is_sealed(&sealed));
    assert!(!sealed.contains("Ada"));
    assert_eq!(
        k.open("customers/body", &sealed).unwrap(),
        "{\"name\":\"Ada\"}"
    );
}

#[test]
fn every_seal_uses_a_fresh_nonce() {
    let k = key(1);
    let a = k.seal("l", "same text").unwrap();
    let b = k.seal("l", "same text").unwrap();
    assert_ne!(a, b);
    let nonce = |s: &str| BASE64.decode(&s[SEALED_PREFIX.len()..]).unwrap()[..NONCE_BYTES].to_vec();
    assert_ne!(nonce(&a), nonce(&b));
}

#[test]
fn a_value_sealed_with_a_given_nonce_is_deterministic() {
    let k = key(7);
    let a = k.seal_with_nonce(&[3; 12], "l", "x").unwrap();
    let b = k.seal_with_nonce(&[3; 12], "l", "x").unwrap();
    assert_eq!(a, b);
}

#[test]
fn another_key_cannot_open_a_value() {
    let sealed = key(1).seal("l", "secret").unwrap();
    assert!(matches!(
        key(2).open("l", &sealed),
        Err(SealError::Damaged { .. })
    ));
}

#[test]
fn a_value_under_another_label_does_not_open() {
    let k = key(1);
    let sealed = k.seal("customers/head", "secret").unwrap();
    assert!(matches!(
        k.open("customers/body", &sealed),
        Err(SealError::Damaged { .. })
    ));
}

#[test]
fn a_changed_ciphertext_is_refused() {
    let k = key(1);
    let sealed = k.seal("l", "secret text").unwrap();
    let mut bytes = BASE64.decode(&sealed[SEALED_PREFIX.len()..]).unwrap();
    let last = bytes.len() - 1;
    bytes[last] ^= 1;
    let tampered = format!("{SEALED_PREFIX}{}", BASE64.encode(bytes));
    assert!(matches!(
        k.open("l", &tampered),
        Err(SealError::Damaged { .. })
    ));
}

#[test]
fn malformed_sealed_values_are_format_errors_not_panics() {
    let k = key(1);
    for bad in ["", "{}", SEALED_PREFIX, "~rse1:not base64!", "~rse1:AAAA"] {
        assert!(k.open("l", bad).is_err(), "{bad:?}");
    }
}

#[test]
fn plain_json_is_never_taken_for_sealed() {
    for plain in ["{\"a\":1}", "null", "[1]", "", "{\"x\":\"~rse1:\"}"] {
        assert!(!is_sealed(plain));
    }
}

#[test]
fn open_value_passes_plain_values_and_needs_a_key_for_sealed_ones() {
    let k = key(1);
    assert_eq!(open_value(None, "l", "{}".into()).unwrap(), "{}");
    let sealed = k.seal("l", "{}").unwrap();
    assert_eq!(
        open_value(None, "l", sealed.clone()),
        Err(SealError::Locked)
    );
    assert_eq!(open_value(Some(&k), "l", sealed).unwrap(), "{}");
}

#[test]
fn key_check_accepts_the_key_and_refuses_another() {
    let check = key(1).check_value().unwrap();
    assert_eq!(key(1).verify(&check), Ok(()));
    assert_eq!(key(2).verify(&check), Err(SealError::WrongPassphrase));
}

#[test]
fn kdf_params_are_fresh_and_within_bounds() {
    let a = KdfParams::fresh().unwrap();
    let b = KdfParams::fresh().unwrap();
    assert_ne!(a.salt, b.salt);
    assert!(a.iterations >= 600_000);
    assert_eq!(a.checked_salt().unwrap().len(), SALT_BYTES);
}

#[test]
fn kdf_params_below_the_minimum_are_refused() {
    let mut p = KdfParams::fresh().unwrap();
    p.iterations = 1_000;
    assert!(matches!(p.checked_salt(), Err(SealError::Params(_))));
    p.iterations = MAX_ITERATIONS + 1;
    assert!(matches!(p.checked_salt(), Err(SealError::Params(_))));
    let mut q = KdfParams::fresh().unwrap();
    q.salt = "AAAA".into();
    assert!(matches!(q.checked_salt(), Err(SealError::Params(_))));
    let mut r = KdfParams::fresh().unwrap();
    r.algorithm = "MD5".into();
    assert!(matches!(r.checked_salt(), Err(SealError::Params(_))));
}

#[test]
fn new_passphrase_must_be_typed_twice_alike() {
    assert_eq!(check_new_passphrase("", ""), Err(PassphraseError::Empty));
    assert_eq!(
        check_new_passphrase("a", "b"),
        Err(PassphraseError::Mismatch)
    );
    assert_eq!(check_new_passphrase("a b", "a b"), Ok(()));
}

fn record() -> EncryptionRecord {
    let k = key(1);
    EncryptionRecord::turning_on(KdfParams::fresh().unwrap(), k.check_value().unwrap())
}

/// Page numbers per collection: customers 0..5, tasks 2 and 7, the rest none.
fn layout() -> Vec<Vec<u32>> {
    let mut pages = vec![Vec::new(); COLLECTIONS.len()];
    pages[0] = (0..5).collect();
    pages[2] = vec![2, 7];
    pages
}

#[test]
fn rewrite_visits_every_page_once_in_order_in_batches() {
    let pages = layout();
    let mut r = record();
    let mut seen = Vec::new();
    while let Some(batch) = r.next_batch(&pages, 2) {
        assert!(batch.pages.len() <= 2);
        seen.extend(batch.pages.iter().map(|p| (batch.collection, *p)));
        r = r.advanced(&batch);
    }
    assert_eq!(
        seen,
        vec![
            ("customers", 0),
            ("customers", 1),
            ("customers", 2),
            ("customers", 3),
            ("customers", 4),
            ("tasks", 2),
            ("tasks", 7)
        ]
    );
    assert_eq!(r.progress(&pages), (7, 7));
    assert_eq!(r.finished().unwrap().phase, Phase::On);
}

#[test]
fn rewrite_resumes_from_the_stored_record() {
    let pages = layout();
    let r = record();
    let first = r.next_batch(&pages, 3).unwrap();
    let stored = r.advanced(&first).to_json();
    let resumed = EncryptionRecord::from_json(&stored).unwrap();
    assert_eq!(resumed.progress(&pages), (3, 7));
    let next = resumed.next_batch(&pages, 3).unwrap();
    assert_eq!(next.collection, "customers");
    assert_eq!(next.pages, vec![3, 4]);
}

#[test]
fn pages_added_behind_the_cursor_are_not_revisited() {
    let mut pages = layout();
    let r = record();
    let batch = r.next_batch(&pages, 5).unwrap();
    let r = r.advanced(&batch);
    // A write during the rewrite appends customers page 5 (written sealed).
    pages[0].push(5);
    let next = r.next_batch(&pages, 5).unwrap();
    assert_eq!((next.collection, next.pages), ("customers", vec![5]));
}

#[test]
fn turning_off_visits_every_page_again_and_ends_without_a_record() {
    let pages = layout();
    let on = record();
    let half = on.advanced(&on.next_batch(&pages, 2).unwrap());
    let off = half.turning_off();
    assert!(!off.seals_writes());
    assert_eq!(off.rewriting(), Some(Target::Plain));
    assert_eq!(off.progress(&pages), (0, 7));
    assert_eq!(off.finished(), None);
}

#[test]
fn writes_are_sealed_while_on_or_turning_on() {
    let r = record();
    assert!(r.seals_writes());
    let on = r.finished().unwrap();
    assert!(on.seals_writes());
    assert_eq!(on.next_batch(&layout(), 4), None);
    assert!(!on.turning_off().seals_writes());
}

#[test]
fn an_unknown_record_version_is_refused() {
    let mut r = record();
    r.version = 9;
    assert!(matches!(
        EncryptionRecord::from_json(&r.to_json()),
        Err(SealError::Format(_))
    ));
    assert!(EncryptionRecord::from_json("{").is_err());
}

/// A disk of page values per collection, rewritten in batches where the
/// batch numbered `cut` is lost (the tab was reloaded before its commit).
fn rewrite_with_interruption(cut: usize) {
    let k = key(5);
    let pages = layout();
    let mut disk: Vec<Vec<String>> = pages
        .iter()
        .map(|numbers| {
            numbers
                .iter()
                .map(|n| format!("{{\"page\":{n}}}"))
                .collect()
        })
        .collect();
    let originals = disk.clone();
    let read_all = |disk: &Vec<Vec<String>>| -> Vec<Vec<String>> {
        disk.iter()
            .map(|values| {
                values
                    .iter()
                    .map(|v| open_value(Some(&k), "c/body", v.clone()).unwrap())
                    .collect()
            })
            .collect()
    };
    let mut stored = record().to_json();
    let mut batches = 0;
    for target in [Target::Sealed, Target::Plain] {
        if target == Target::Plain {
            stored = EncryptionRecord::from_json(&stored)
                .unwrap()
                .turning_off()
                .to_json();
        }
        loop {
            let r = EncryptionRecord::from_json(&stored).unwrap();
            let Some(batch) = r.next_batch(&pages, 2) else {
                match r.finished() {
                    Some(done) => stored = done.to_json(),
                    None => stored.clear(),
                }
                break;
            };
            let mut written = disk.clone();
            for no in &batch.pages {
                let i = pages[batch.collection_index]
                    .iter()
                    .position(|p| p == no)
                    .unwrap();
                let value = &mut written[batch.collection_index][i];
                let plain = open_value(Some(&k), "c/body", value.clone()).unwrap();
                *value = if r.seals_writes() {
                    k.seal("c/body", &plain).unwrap()
                } else {
                    plain
                };
            }
            batches += 1;
            if batches == cut {
                // Lost: nothing of the batch was committed. Every value still opens.
                assert_eq!(read_all(&disk), originals);
                continue;
            }
            disk = written;
            stored = r.advanced(&batch).to_json();
            assert_eq!(read_all(&disk), originals);
        }
        let sealed = disk.iter().flatten().filter(|v| is_sealed(v)).count();
        match target {
            Target::Sealed => assert_eq!(sealed, 7),
            Target::Plain => assert_eq!(sealed, 0),
        }
    }
    assert!(stored.is_empty());
    assert_eq!(disk, originals);
}

#[test]
fn a_rewrite_interrupted_at_any_batch_resumes_and_loses_nothing() {
    for cut in 1..=9 {
        rewrite_with_interruption(cut);
    }
}

#[test]
fn encrypted_backup_round_trips_and_is_recognised() {
    let k = key(3);
    let text = "{\"format\":\"rapport-backup\",\"customers\":[{\"name\":\"Ada\"}]}";
    let sealed = SealedBackup::seal(&k, KdfParams::fresh().unwrap(), text).unwrap();
    let file = sealed.to_json();
    assert!(is_encrypted_backup(&file));
    assert!(!is_encrypted_backup(text));
    assert!(!file.contains("Ada"));
    let parsed = SealedBackup::parse(&file).unwrap();
    assert_eq!(parsed.open(&k).unwrap(), text);
    assert_eq!(parsed.open(&key(4)), Err(SealError::WrongPassphrase));
}

#[test]
fn a_lent_key_comes_back_as_the_same_key_and_hides_itself_from_debug() {
    let key = Key::from_bytes(&[7u8; 32]);
    let lent = key.lend();
    let back = Key::from_lent(&lent).expect("a lent key");
    assert_eq!(back.to_bytes(), key.to_bytes());
    let sealed = key.seal("customers/head", "Ada").expect("seal");
    assert_eq!(back.open("customers/head", &sealed).expect("open"), "Ada");
    assert_eq!(format!("{lent:?}"), "LentKey(..)");
    let json = serde_json::to_string(&lent).expect("json");
    let parsed: LentKey = serde_json::from_str(&json).expect("read back");
    assert_eq!(parsed, lent);
    let short: LentKey = serde_json::from_str("\"AAAA\"").expect("a string");
    assert!(Key::from_lent(&short).is_none(), "a key of 3 bytes");
}
