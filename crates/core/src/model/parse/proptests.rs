//! No text makes a parser panic: arbitrary Unicode, and strings mixing the
//! characters number and date parsing looks at with CJK, emoji and
//! combining marks.

use super::*;
use proptest::prelude::*;

/// Strings built from digits, separators, signs, currency, CJK, emoji,
/// full-width forms and combining marks.
fn tricky() -> impl Strategy<Value = String> {
    let pieces = prop::sample::select(vec![
        "0", "1", "5", "9", ".", ",", "'", "(", ")", "%", "-", "+", " ", "€", "$", "e", "E", "USD",
        "--", "/", "T", "万", "岁", "年", "😀", "👍🏽", "\u{301}", "\u{308}", "\u{A0}", "\u{202F}",
        "\u{3000}", "１", "．", "，", "％", "\u{2212}", "é", "нет", "nan", "inf",
    ]);
    prop::collection::vec(pieces, 0..16).prop_map(|parts| parts.concat())
}

fn parse_everything(text: &str) {
    let _ = parse_amount(text);
    let _ = parse_integer(text);
    let _ = parse_percent(text);
    let _ = parse_date(text);
    let _ = read_date_cell(text);
}

proptest! {
    #[test]
    fn no_unicode_string_panics_a_parser(text in any::<String>()) {
        parse_everything(&text);
    }

    #[test]
    fn no_mix_of_digits_separators_and_symbols_panics_a_parser(text in tricky()) {
        parse_everything(&text);
        if let Ok(value) = parse_amount(&text) {
            prop_assert!(value.is_finite());
        }
    }
}
