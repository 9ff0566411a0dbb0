//! Normalising what people type as contact details: email addresses
//! (trimmed, lower-cased, display names and `mailto:` stripped) and phone
//! numbers (E.164-like: an optional leading `+` and digits only). Forms and
//! the CSV import call these so the store only ever sees normalised values.
//!
//! Emails are put in Unicode NFC: `josé@example.com` typed with a composed
//! `é` (macOS keyboards, most files) or as `e` plus a combining accent
//! (copied from some PDFs and file names) is one address, so duplicate
//! detection treats it as one person. An address stored in another form
//! before this rule still validates and is matched
//! by its NFC form.

use std::borrow::Cow;

use unicode_normalization::{is_nfc_quick, IsNormalized, UnicodeNormalization};

use super::FieldErrorKind;

/// `text` in Unicode NFC (borrowed when it is already).
pub(crate) fn nfc(text: &str) -> Cow<'_, str> {
    match is_nfc_quick(text.chars()) {
        IsNormalized::Yes => Cow::Borrowed(text),
        _ => Cow::Owned(text.nfc().collect()),
    }
}

/// Whether `stored` is the normalised email `normalised`, or was stored
/// before emails were put in NFC and differs from it only by that.
pub(crate) fn is_stored_form_of(stored: &str, normalised: &str) -> bool {
    stored == normalised || nfc(stored) == normalised
}

/// Normalises and checks an email address.
///
/// Accepts `Bob <Bob@Example.com>` and `mailto:bob@example.com`; requires one
/// `@`, a non-empty local part, a domain with a dot between non-empty labels,
/// and no spaces. The result is lower-case and in Unicode NFC.
///
/// ```
/// use rapport_core::model::parse_email;
/// assert_eq!(parse_email(" Bob <Bob@Example.COM> ").unwrap(), "bob@example.com");
/// assert_eq!(parse_email("jose\u{301}@example.com").unwrap(), "jos\u{e9}@example.com");
/// assert!(parse_email("bob@").is_err());
/// ```
pub fn parse_email(input: &str) -> Result<String, FieldErrorKind> {
    let bad = || FieldErrorKind::InvalidEmail(input.trim().to_string());
    let mut s = input.trim();
    if s.is_empty() {
        return Err(FieldErrorKind::Required);
    }
    if let (Some(open), true) = (s.rfind('<'), s.ends_with('>')) {
        s = s[open + 1..s.len() - 1].trim();
    }
    if s.get(..7)
        .is_some_and(|p| p.eq_ignore_ascii_case("mailto:"))
    {
        s = s[7..].trim();
    }
    let email = nfc(&s.to_lowercase()).into_owned();
    if email.len() > 254 || email.chars().any(|c| c.is_whitespace() || c.is_control()) {
        return Err(bad());
    }
    let mut parts = email.split('@');
    let (local, domain) = match (parts.next(), parts.next(), parts.next()) {
        (Some(l), Some(d), None) => (l, d),
        _ => return Err(bad()),
    };
    if local.is_empty()
        || local.starts_with('.')
        || local.ends_with('.')
        || local.contains("..")
        || local.contains(['<', '>', ',', ';', '(', ')', '[', ']', '"', '\\'])
    {
        return Err(bad());
    }
    let labels: Vec<&str> = domain.split('.').collect();
    let labels_ok = labels.len() >= 2
        && labels.iter().all(|l| {
            !l.is_empty()
                && !l.starts_with('-')
                && !l.ends_with('-')
                && l.chars().all(|c| c.is_alphanumeric() || c == '-')
        })
        && labels.last().is_some_and(|tld| tld.chars().count() >= 2);
    if !labels_ok {
        return Err(bad());
    }
    Ok(email)
}

/// Normalises and checks a phone number: keeps a leading `+` (or turns a
/// leading international `00` into one), strips spaces, dashes, parentheses,
/// dots and slashes, and refuses letters or anything else. The result has 5
/// to 15 digits.
///
/// ```
/// use rapport_core::model::parse_phone;
/// assert_eq!(parse_phone("+1 (415) 555-0134").unwrap(), "+14155550134");
/// assert_eq!(parse_phone("0044 20 7946 0958").unwrap(), "+442079460958");
/// assert!(parse_phone("555-CALL-NOW").is_err());
/// ```
pub fn parse_phone(input: &str) -> Result<String, FieldErrorKind> {
    let bad = || FieldErrorKind::InvalidPhone(input.trim().to_string());
    let s = input.trim();
    if s.is_empty() {
        return Err(FieldErrorKind::Required);
    }
    let mut out = String::with_capacity(s.len());
    for (i, c) in s.chars().enumerate() {
        match c {
            '+' if i == 0 => out.push('+'),
            '0'..='9' => out.push(c),
            ' ' | '-' | '(' | ')' | '.' | '/' | '\u{a0}' => {}
            _ => return Err(bad()),
        }
    }
    if let Some(rest) = out.strip_prefix("00") {
        out = format!("+{rest}");
    }
    let digits = out.trim_start_matches('+').len();
    if !(5..=15).contains(&digits) {
        return Err(bad());
    }
    Ok(out)
}

/// The digits of a phone number, for search (`"+1 415-555"` → `"1415555"`).
pub fn phone_digits(phone: &str) -> String {
    phone.chars().filter(char::is_ascii_digit).collect()
}

/// Normalises a list of emails, dropping blanks and duplicates; the first bad
/// entry is the error.
pub fn normalise_emails<S: AsRef<str>>(inputs: &[S]) -> Result<Vec<String>, FieldErrorKind> {
    normalise_list(inputs, parse_email)
}

/// Normalises a list of phone numbers, dropping blanks and duplicates; the
/// first bad entry is the error.
pub fn normalise_phones<S: AsRef<str>>(inputs: &[S]) -> Result<Vec<String>, FieldErrorKind> {
    normalise_list(inputs, parse_phone)
}

fn normalise_list<S: AsRef<str>>(
    inputs: &[S],
    parse: fn(&str) -> Result<String, FieldErrorKind>,
) -> Result<Vec<String>, FieldErrorKind> {
    let mut out: Vec<String> = Vec::with_capacity(inputs.len());
    for input in inputs {
        if input.as_ref().trim().is_empty() {
            continue;
        }
        let value = parse(input.as_ref())?;
        if !out.contains(&value) {
            out.push(value);
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn email_is_trimmed_and_lower_cased() {
        assert_eq!(
            parse_email("  Ann.Lee@Mail.Example.ORG ").unwrap(),
            "ann.lee@mail.example.org"
        );
    }

    #[test]
    fn email_display_name_and_mailto_are_stripped() {
        assert_eq!(parse_email("Ann Lee <ann@x.io>").unwrap(), "ann@x.io");
        assert_eq!(parse_email("MAILTO:ann@x.io").unwrap(), "ann@x.io");
    }

    #[test]
    fn email_without_domain_dot_is_refused() {
        assert_eq!(
            parse_email("bob@localhost"),
            Err(FieldErrorKind::InvalidEmail("bob@localhost".into()))
        );
    }

    #[test]
    fn email_without_local_part_or_with_two_ats_or_spaces_is_refused() {
        for bad in [
            "@x.com",
            "a@b@x.com",
            "bob smith@x.com",
            "bob@",
            "bob@x..com",
            "bob@.x.com",
            "bob@x.c",
        ] {
            assert!(parse_email(bad).is_err(), "{bad} accepted");
        }
    }

    #[test]
    fn blank_email_is_required_not_invalid() {
        assert_eq!(parse_email("   "), Err(FieldErrorKind::Required));
    }

    #[test]
    fn unicode_domains_are_accepted() {
        assert_eq!(parse_email("wang@例子.中国").unwrap(), "wang@例子.中国");
    }

    #[test]
    fn phone_keeps_plus_and_strips_punctuation() {
        assert_eq!(parse_phone("+86 138.0013.8000").unwrap(), "+8613800138000");
        assert_eq!(parse_phone("(02) 9374-4000").unwrap(), "0293744000");
    }

    #[test]
    fn phone_with_letters_or_inner_plus_is_refused() {
        for bad in ["555-CALL", "12+345678", "+1 415 555 0134 ext 2", "12"] {
            assert!(
                matches!(parse_phone(bad), Err(FieldErrorKind::InvalidPhone(_))),
                "{bad}"
            );
        }
    }

    #[test]
    fn phone_longer_than_e164_is_refused() {
        assert!(parse_phone("+1234567890123456").is_err());
    }

    #[test]
    fn lists_drop_blanks_and_duplicates_after_normalising() {
        let emails = normalise_emails(&["A@x.com", "", "a@x.com ", "b@x.com"]).unwrap();
        assert_eq!(emails, ["a@x.com", "b@x.com"]);
        assert!(normalise_phones(&["+1 415 555 0134", "nope"]).is_err());
    }

    #[test]
    fn emails_composed_or_decomposed_are_one_address() {
        let (composed, decomposed) = ("jos\u{e9}@example.com", "jose\u{301}@example.com");
        assert_eq!(parse_email(decomposed).unwrap(), composed);
        assert_eq!(
            normalise_emails(&[composed, decomposed]).unwrap(),
            [composed]
        );
        // Stored in the other form before: still valid, found by NFC.
        assert!(is_stored_form_of(decomposed, composed));
        assert!(!is_stored_form_of("Jose\u{301}@example.com", composed));
    }

    #[test]
    fn phone_digits_keeps_only_digits() {
        assert_eq!(phone_digits("+1 (415) 555"), "1415555");
    }
}
