//! Reading single cells the way other systems write them: lists joined
//! with ` ::: ` or `;`, and full names split into given and family names.
//! Dates and amounts are read by the model's parsers
//! ([`crate::model::parse`]), the same the forms use.

/// The values of a list cell: split on ` ::: ` (Google, Rapport) and `;`
/// (Outlook), trimmed, blanks dropped.
pub(crate) fn split_list(cell: &str) -> impl Iterator<Item = &str> {
    // Most cells hold one value: skip building a substring searcher.
    let (many, one) = if cell.as_bytes().contains(&b':') {
        (Some(cell.split(" ::: ")), None)
    } else {
        (None, Some(cell))
    };
    many.into_iter()
        .flatten()
        .chain(one)
        .flat_map(|part| part.split(';'))
        .map(str::trim)
        .filter(|s| !s.is_empty())
}

/// The first value of a cell that may hold several (` ::: `).
pub(crate) fn first_value(cell: &str) -> &str {
    if !cell.as_bytes().contains(&b':') {
        return cell.trim();
    }
    cell.split(" ::: ")
        .map(str::trim)
        .find(|s| !s.is_empty())
        .unwrap_or("")
}

const TITLES: &[&str] = &[
    "mr", "mrs", "ms", "miss", "mx", "dr", "prof", "sir", "dame", "herr", "frau",
];
const SUFFIXES: &[&str] = &["jr", "sr", "ii", "iii", "iv", "phd", "md", "esq"];
const PARTICLES: &[&str] = &[
    "van", "von", "de", "der", "den", "del", "della", "da", "di", "du", "la", "le", "dos", "das",
    "ter", "ten", "bin", "ibn", "al",
];

/// Splits a full name into (given, family): "Ada Lovelace", "Lovelace,
/// Ada", "Ludwig van Beethoven" (family "van Beethoven"), "Dr. Ada King
/// Lovelace Jr." (titles and suffixes dropped; middle names stay with the
/// given name), "王伟" (family 王). A single word is a given name.
pub(crate) fn split_name(full: &str) -> (String, String) {
    let full = full.trim();
    if let Some((family, given)) = full.split_once(',') {
        let given = strip_affixes(given);
        if !given.is_empty() && !SUFFIXES.contains(&bare(&given).as_str()) {
            return (given, family.trim().to_string());
        }
    }
    let name = strip_affixes(full);
    let words: Vec<&str> = name.split_whitespace().collect();
    match words.as_slice() {
        [] => (String::new(), String::new()),
        [one] if is_cjk_name(one) => {
            let mut chars = one.chars();
            let family = chars.next().map(String::from).unwrap_or_default();
            (chars.collect(), family)
        }
        [one] => (one.to_string(), String::new()),
        _ => {
            let split = (1..words.len() - 1)
                .find(|&i| PARTICLES.contains(&words[i]))
                .unwrap_or(words.len() - 1);
            (words[..split].join(" "), words[split..].join(" "))
        }
    }
}

/// A word lower-cased without dots: "Dr." → "dr".
fn bare(word: &str) -> String {
    word.trim()
        .trim_end_matches('.')
        .replace('.', "")
        .to_lowercase()
}

fn strip_affixes(name: &str) -> String {
    let mut words: Vec<&str> = name
        .split(|c: char| c.is_whitespace() || c == ',')
        .filter(|w| !w.is_empty())
        .collect();
    while words.len() > 1 && TITLES.contains(&bare(words[0]).as_str()) {
        words.remove(0);
    }
    while words.len() > 1 && SUFFIXES.contains(&bare(words[words.len() - 1]).as_str()) {
        words.pop();
    }
    words.join(" ")
}

/// Two to four CJK ideographs written without a space.
fn is_cjk_name(word: &str) -> bool {
    let n = word.chars().count();
    (2..=4).contains(&n)
        && word
            .chars()
            .all(|c| matches!(c, '\u{4E00}'..='\u{9FFF}' | '\u{3400}'..='\u{4DBF}'))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_split_into_given_and_family() {
        let s = |n| split_name(n);
        let pair = |g: &str, f: &str| (g.to_string(), f.to_string());
        assert_eq!(s("Ada Lovelace"), pair("Ada", "Lovelace"));
        assert_eq!(s("Lovelace, Ada"), pair("Ada", "Lovelace"));
        assert_eq!(s("Ada"), pair("Ada", ""));
        assert_eq!(s("Dr. Ada King Lovelace Jr."), pair("Ada King", "Lovelace"));
        assert_eq!(s("Ludwig van Beethoven"), pair("Ludwig", "van Beethoven"));
        assert_eq!(s("Martin Luther King, Jr."), pair("Martin Luther", "King"));
        assert_eq!(s("王伟"), pair("伟", "王"));
    }

    #[test]
    fn list_cells_split_on_google_and_outlook_separators() {
        let v: Vec<&str> = split_list("* myContacts ::: Family; Friends ;").collect();
        assert_eq!(v, ["* myContacts", "Family", "Friends"]);
        assert_eq!(first_value(" ::: Acme ::: Other"), "Acme");
    }

    // proptest is a native-only dev-dependency (its RNG needs no JS host).
    #[cfg(not(target_arch = "wasm32"))]
    mod never_panic {
        use super::*;
        use proptest::prelude::*;

        /// Names and lists mixing separators, titles, CJK, emoji and
        /// combining marks.
        fn tricky() -> impl Strategy<Value = String> {
            let pieces = prop::sample::select(vec![
                " ", ",", ";", ":", " ::: ", ":::", ".", "Dr.", "Jr.", "van", "Ada", "王", "伟",
                "😀", "👍🏽", "\u{301}", "\u{A0}", "\u{3000}", "é", "1", "\n", "* ",
            ]);
            prop::collection::vec(pieces, 0..16).prop_map(|parts| parts.concat())
        }

        fn read_every_way(cell: &str) {
            let _ = split_name(cell);
            let _ = split_list(cell).count();
            let _ = first_value(cell);
        }

        proptest! {
            #[test]
            fn no_unicode_cell_panics_a_cell_reader(cell in any::<String>()) {
                read_every_way(&cell);
            }

            #[test]
            fn no_mix_of_separators_and_scripts_panics_a_cell_reader(cell in tricky()) {
                read_every_way(&cell);
            }
        }
    }
}
