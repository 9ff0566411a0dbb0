//! Jaro–Winkler on char slices without allocating: the same result as
//! `strsim::jaro_winkler` (checked below on arbitrary text), hand-written
//! because it is the hot loop of [`super::find_duplicates`] (several calls
//! per candidate pair, millions of pairs at 100,000 customers) and strsim
//! allocates its match flags and decodes UTF-8 on every call. Names longer
//! than [`STACK`] characters go to strsim.

/// Longest name compared with flags on the stack.
const STACK: usize = 48;

/// Jaro–Winkler similarity of two names, 0 to 1.
pub(super) fn jaro_winkler(a: &[char], b: &[char]) -> f64 {
    if a.len() > STACK || b.len() > STACK {
        return strsim::generic_jaro_winkler(&a.to_vec(), &b.to_vec());
    }
    let sim = jaro(a, b);
    if sim > 0.7 {
        let prefix = a.iter().take(4).zip(b).take_while(|(x, y)| x == y).count();
        sim + 0.1 * prefix as f64 * (1.0 - sim)
    } else {
        sim
    }
}

/// Jaro similarity, as strsim's `generic_jaro` computes it.
fn jaro(a: &[char], b: &[char]) -> f64 {
    let (a_len, b_len) = (a.len(), b.len());
    if a_len == 0 && b_len == 0 {
        return 1.0;
    } else if a_len == 0 || b_len == 0 {
        return 0.0;
    }
    let range = (a_len.max(b_len) / 2).saturating_sub(1);
    let mut a_flags = [false; STACK];
    let mut b_flags = [false; STACK];
    let mut matches = 0usize;
    for (i, x) in a.iter().enumerate() {
        let lo = i.saturating_sub(range);
        let hi = b_len.min(i + range + 1);
        for j in lo..hi {
            if !b_flags[j] && *x == b[j] {
                a_flags[i] = true;
                b_flags[j] = true;
                matches += 1;
                break;
            }
        }
    }
    if matches == 0 {
        return 0.0;
    }
    let mut transpositions = 0usize;
    let mut k = 0;
    for (i, x) in a.iter().enumerate() {
        if a_flags[i] {
            while !b_flags[k] {
                k += 1;
            }
            if *x != b[k] {
                transpositions += 1;
            }
            k += 1;
        }
    }
    let m = matches as f64;
    (m / a_len as f64 + m / b_len as f64 + (matches - transpositions / 2) as f64 / m) / 3.0
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn known_values_match_strsim() {
        for (a, b) in [
            ("jon", "john"),
            ("martha", "marhta"),
            ("dixon", "dicksonx"),
            ("", ""),
            ("a", ""),
            ("张伟", "張偉"),
        ] {
            let (x, y): (Vec<char>, Vec<char>) = (a.chars().collect(), b.chars().collect());
            assert_eq!(jaro_winkler(&x, &y), strsim::jaro_winkler(a, b), "{a} {b}");
        }
    }

    proptest! {
        #[test]
        fn equals_strsim_on_arbitrary_text(a in "[a-eé张 ]{0,60}", b in "[a-eé张 ]{0,60}") {
            let (x, y): (Vec<char>, Vec<char>) = (a.chars().collect(), b.chars().collect());
            prop_assert_eq!(jaro_winkler(&x, &y), strsim::jaro_winkler(&a, &b));
        }
    }
}
