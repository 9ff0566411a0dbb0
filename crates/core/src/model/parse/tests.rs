//! The parsers on the forms people type and the forms they must refuse,
//! each refusal with its exact sentence.

use super::*;
use time::macros::date;

#[test]
fn amounts_in_every_usual_notation() {
    let cases = [
        ("1234.5", 1234.5),
        ("1,234.50", 1234.5),
        ("1.234,50 €", 1234.5),
        ("12,5", 12.5),
        ("12,50", 12.5),
        ("1,5 €", 1.5),
        ("$1,234.50", 1234.5),
        ("(12.00)", -12.0),
        ("1'234.5", 1234.5),
        ("1’234.5", 1234.5),
        ("1 234,50", 1234.5),
        ("1\u{A0}234,50", 1234.5),
        ("1\u{202F}234,50", 1234.5),
        ("USD 12.50", 12.5),
        ("12,50 EUR", 12.5),
        ("1.234.567", 1_234_567.0),
        ("1,234,567.5", 1_234_567.5),
        ("12,34,567", 1_234_567.0),
        ("１２３４．５", 1234.5),
        ("１，２３４．５０\u{3000}＄", 1234.5),
        ("\u{2212}5", -5.0),
        ("-$5", -5.0),
        ("$-5", -5.0),
        ("+7", 7.0),
        (".5", 0.5),
        ("1,234", 1234.0),
        ("1.5E+06", 1_500_000.0),
        ("  42  ", 42.0),
        ("0", 0.0),
    ];
    for (typed, expected) in cases {
        assert_eq!(parse_amount(typed), Ok(expected), "{typed}");
    }
}

fn not_a_number(typed: &str) -> String {
    format!(
        "“{typed}” is not a number Rapport can read — write digits only, e.g. 1,234.50 or 1.234,50"
    )
}

#[test]
fn amounts_refused_with_the_reason() {
    for typed in [
        "35岁",
        "5万",
        "1😀",
        "😀",
        "éé",
        "нет",
        "lots",
        "12 apples",
        "1.2.3",
        "--1",
        "1,2.3,4",
        "1 2",
        "12e",
        "e5",
        "$",
        "%",
        "1,23,4",
        "5\u{301}",
        "1..2",
    ] {
        let err = parse_amount(typed).unwrap_err();
        assert_eq!(err, ParseError::NotANumber(typed.into()), "{typed}");
        assert_eq!(err.to_string(), not_a_number(typed));
    }
    assert_eq!(
        parse_amount("5万").unwrap_err().to_string(),
        "“5万” is not a number Rapport can read — write digits only, e.g. 1,234.50 or 1.234,50"
    );
    for typed in ["NaN", "inf", "-inf", "Infinity", "1e400"] {
        let err = parse_amount(typed).unwrap_err();
        assert_eq!(
            err.to_string(),
            format!("“{typed}” is not a finite number — write an ordinary amount, e.g. 1,234.50"),
        );
    }
    assert_eq!(parse_amount("   "), Err(ParseError::Empty));
    assert_eq!(parse_amount(""), Err(ParseError::Empty));
    assert_eq!(ParseError::Empty.to_string(), "nothing was written");
}

#[test]
fn integers_must_be_whole() {
    assert_eq!(parse_integer("35"), Ok(35));
    assert_eq!(parse_integer("1,234"), Ok(1234));
    assert_eq!(parse_integer("1 234 567"), Ok(1_234_567));
    assert_eq!(parse_integer("３５"), Ok(35));
    assert_eq!(parse_integer("-3"), Ok(-3));
    assert_eq!(
        parse_integer("35.5").unwrap_err().to_string(),
        "“35.5” is not a whole number — leave out the decimals"
    );
    assert_eq!(
        parse_integer("35岁").unwrap_err().to_string(),
        not_a_number("35岁")
    );
    assert_eq!(
        parse_integer("$5"),
        Err(ParseError::NotANumber("$5".into())),
        "a whole number has no currency"
    );
    assert_eq!(
        parse_integer("1e30").unwrap_err().to_string(),
        "“1e30” is too large a whole number"
    );
    assert_eq!(
        parse_integer("NaN"),
        Err(ParseError::NotFinite("NaN".into()))
    );
}

#[test]
fn percentages_from_zero_to_a_hundred() {
    assert_eq!(parse_percent("25"), Ok(25.0));
    assert_eq!(parse_percent("25 %"), Ok(25.0));
    assert_eq!(parse_percent("12,5%"), Ok(12.5));
    assert_eq!(parse_percent("２５％"), Ok(25.0));
    assert_eq!(parse_percent("100"), Ok(100.0));
    assert_eq!(parse_percent("0"), Ok(0.0));
    assert_eq!(
        parse_percent("150").unwrap_err().to_string(),
        "“150” is not between 0 and 100"
    );
    assert_eq!(
        parse_percent("-5 %").unwrap_err().to_string(),
        "“-5 %” is not between 0 and 100"
    );
    assert_eq!(
        parse_percent("half").unwrap_err().to_string(),
        not_a_number("half")
    );
    assert_eq!(
        parse_percent("%").unwrap_err().to_string(),
        not_a_number("%")
    );
    assert_eq!(
        parse_percent("$5"),
        Err(ParseError::NotANumber("$5".into()))
    );
    assert_eq!(parse_percent(" "), Err(ParseError::Empty));
}

#[test]
fn dates_in_the_usual_notations() {
    let d = read_date_cell;
    assert_eq!(d("1815-12-10"), DateCell::Date(date!(1815 - 12 - 10)));
    assert_eq!(
        d("2024-03-01T10:00:00.000Z"),
        DateCell::Date(date!(2024 - 03 - 01))
    );
    assert_eq!(d("19970101"), DateCell::Date(date!(1997 - 01 - 01)));
    assert_eq!(d("12/10/1815"), DateCell::Date(date!(1815 - 12 - 10)));
    assert_eq!(d("25/12/1990"), DateCell::Date(date!(1990 - 12 - 25)));
    assert_eq!(d("10.12.1815"), DateCell::Date(date!(1815 - 12 - 10)));
    assert_eq!(d("3/4/85"), DateCell::Date(date!(1985 - 03 - 04)));
    assert_eq!(
        d("２０２４－０３－０１"),
        DateCell::Date(date!(2024 - 03 - 01))
    );
    assert_eq!(d("0/0/00"), DateCell::Empty);
    assert_eq!(d("--12-10"), DateCell::NoYear);
    assert_eq!(d("2023-02-30"), DateCell::Bad);
    assert_eq!(d("soon"), DateCell::Bad);
}

#[test]
fn date_reading_never_splits_a_character() {
    // Five bytes after "--" with a '-' third byte, but not MM-DD.
    for cell in [
        "--é-1x",
        "--ab-cd",
        "--13-01",
        "--02-30",
        "--😀",
        "--é-é",
        "2024-０３-01x",
    ] {
        assert_ne!(read_date_cell(cell), DateCell::NoYear, "{cell}");
    }
    assert_eq!(read_date_cell("--02-29"), DateCell::NoYear);
    assert_eq!(read_date_cell("35岁"), DateCell::Bad);
}

#[test]
fn form_dates_are_full_dates_or_a_sentence() {
    assert_eq!(parse_date(" 2024-03-31 "), Ok(date!(2024 - 03 - 31)));
    assert_eq!(parse_date("31.3.2024"), Ok(date!(2024 - 03 - 31)));
    assert_eq!(parse_date(""), Err(ParseError::Empty));
    assert_eq!(
        parse_date("soon").unwrap_err().to_string(),
        "“soon” is not a date Rapport can read — write it as YYYY-MM-DD, e.g. 2024-03-31"
    );
    assert_eq!(
        parse_date("0/0/00").unwrap_err().to_string(),
        "“0/0/00” is not a date Rapport can read — write it as YYYY-MM-DD, e.g. 2024-03-31"
    );
    assert_eq!(
        parse_date("--03-15").unwrap_err().to_string(),
        "“--03-15” has no year — write the full date, e.g. 2024-03-31"
    );
}
