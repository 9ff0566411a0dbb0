//! What the search page and the text panels need around the index: the
//! search form read into a [`TextQuery`] (dates checked, with a sentence
//! when they are wrong), a snippet of a long text around its first match,
//! and the words the pages use for each kind of text.

use crate::i18n::{analysis_errors as t, labels};
use std::collections::HashSet;

use serde::{Deserialize, Serialize};

use super::index::{TextDoc, TextKind, TextQuery};
use super::tokenize::{highlight, Span};
use crate::model::parse::{parse_date, ParseError};
use crate::model::{start_of_day, DAY_MS};

impl TextKind {
    /// The kinds that are interactions (every kind but tickets).
    pub const INTERACTIONS: [TextKind; 4] = [
        TextKind::Note,
        TextKind::Call,
        TextKind::Email,
        TextKind::Meeting,
    ];

    /// The kind's name for a list of them ("Notes", "Tickets"), in the
    /// current language.
    pub fn plural(self) -> &'static str {
        match self {
            TextKind::Note => labels::notes(),
            TextKind::Call => labels::calls(),
            TextKind::Email => labels::emails(),
            TextKind::Meeting => labels::meetings(),
            TextKind::Ticket => labels::tickets(),
        }
    }
}

/// Characters of the body that stand in for a missing subject.
const TITLE_FROM_BODY: usize = 80;

/// `title`, or when it is blank the start of `body`'s first line ("…"
/// marking a cut).
pub fn title_or_start(title: &str, body: &str) -> String {
    if !title.trim().is_empty() {
        return title.to_string();
    }
    let line = body.trim().lines().next().unwrap_or("").trim();
    let mut out: String = line.chars().take(TITLE_FROM_BODY).collect();
    if line.chars().count() > TITLE_FROM_BODY {
        out.push('…');
    }
    out
}

impl TextDoc {
    /// What lists show for the text: its subject, or when it has none the
    /// start of its body's first line ("…" marking a cut).
    pub fn display_title(&self) -> String {
        title_or_start(&self.title, &self.body)
    }

    /// Subject and body as one text (for scoring sentiment).
    pub fn text(&self) -> String {
        if self.title.is_empty() {
            self.body.clone()
        } else {
            format!("{}\n{}", self.title, self.body)
        }
    }
}

/// The search page's form as typed.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct SearchForm {
    /// The words.
    pub text: String,
    /// The kinds ticked (none: all).
    pub kinds: Vec<TextKind>,
    /// "From" date as typed (`YYYY-MM-DD` from a date input), or empty.
    pub from: String,
    /// "To" date as typed, or empty; the day itself is included.
    pub to: String,
}

/// Why the search form cannot be searched.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum SearchFormError {
    /// A date that does not read as one.
    #[error("{}", t::text_bad_date(window_field(.field), .error))]
    BadDate {
        /// "From" or "To".
        field: &'static str,
        /// Why.
        error: ParseError,
    },
    /// The window ends before it starts.
    #[error("{}", t::text_empty_window())]
    EmptyWindow,
}

/// The name of a window's field ("From" or "To") as shown.
fn window_field(field: &str) -> &'static str {
    if field == "To" {
        t::window_to()
    } else {
        t::window_from()
    }
}

impl SearchForm {
    /// The query to run (`Ok(None)` while no word is typed).
    pub fn query(&self, limit: usize) -> Result<Option<TextQuery>, SearchFormError> {
        let day = |field: &'static str, text: &str| {
            let text = text.trim();
            if text.is_empty() {
                return Ok(None);
            }
            parse_date(text)
                .map(|d| Some(start_of_day(d)))
                .map_err(|error| SearchFormError::BadDate { field, error })
        };
        let from = day("From", &self.from)?;
        // The "to" day is included: the window ends at the next midnight.
        let to = day("To", &self.to)?.map(|t| t + DAY_MS);
        if let (Some(f), Some(t)) = (from, to) {
            if t <= f {
                return Err(SearchFormError::EmptyWindow);
            }
        }
        if self.text.trim().is_empty() {
            return Ok(None);
        }
        Ok(Some(TextQuery {
            text: self.text.clone(),
            kinds: self.kinds.clone(),
            from,
            to,
            limit,
        }))
    }
}

/// The part of `text` around its first matched term, at most about `width`
/// characters (cut at word gaps where possible, "…" marking a cut), as
/// spans with the matched terms marked; the whole text when it is short.
pub fn snippet(text: &str, matched: &[String], width: usize) -> Vec<Span> {
    let terms: HashSet<String> = matched.iter().cloned().collect();
    let spans = highlight(text, &terms);
    if text.chars().count() <= width {
        return spans;
    }
    let first = spans
        .iter()
        .find(|s| s.matched)
        .map_or(0, |s| s.range.start);
    // Start a little before the first match, on a char boundary.
    let lead = width / 4;
    let mut start = text[..first]
        .char_indices()
        .rev()
        .nth(lead)
        .map_or(0, |(i, _)| i);
    if start > 0 {
        if let Some(gap) = text[start..first].find(char::is_whitespace) {
            start += gap + 1;
        }
    }
    let end = text[start..]
        .char_indices()
        .nth(width)
        .map_or(text.len(), |(i, _)| start + i);
    let mut out: Vec<Span> = Vec::new();
    if start > 0 {
        out.push(plain("…", start..start));
    }
    for s in spans {
        let (a, b) = (s.range.start.max(start), s.range.end.min(end));
        if a < b {
            out.push(Span {
                text: text[a..b].to_string(),
                range: a..b,
                matched: s.matched,
            });
        }
    }
    if end < text.len() {
        out.push(plain("…", end..end));
    }
    out
}

fn plain(text: &str, range: std::ops::Range<usize>) -> Span {
    Span {
        text: text.to_string(),
        range,
        matched: false,
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn joined(spans: &[Span]) -> String {
        spans.iter().map(|s| s.text.as_str()).collect()
    }

    #[test]
    fn a_short_text_is_whole_with_its_match_marked() {
        let spans = snippet("The zeppelin hangar leaks.", &["hangar".into()], 100);
        assert_eq!(joined(&spans), "The zeppelin hangar leaks.");
        let marked: Vec<&str> = spans
            .iter()
            .filter(|s| s.matched)
            .map(|s| s.text.as_str())
            .collect();
        assert_eq!(marked, ["hangar"]);
    }

    #[test]
    fn a_long_text_is_cut_around_its_first_match() {
        let text = format!(
            "{} the refund is late {}",
            "word ".repeat(200),
            "tail ".repeat(200)
        );
        let spans = snippet(&text, &["refund".into()], 60);
        let shown = joined(&spans);
        assert!(shown.starts_with('…') && shown.ends_with('…'), "{shown}");
        assert!(shown.contains("refund"));
        assert!(shown.chars().count() <= 64, "{}", shown.chars().count());
        assert!(spans.iter().any(|s| s.matched && s.text == "refund"));
    }

    #[test]
    fn a_text_without_subject_is_listed_by_the_start_of_its_body() {
        let doc = |title: &str, body: &str| TextDoc {
            key: super::super::DocKey {
                kind: TextKind::Note,
                id: crate::model::Uuid::from_u128(1),
            },
            customer: crate::model::Uuid::from_u128(2),
            at: 0,
            title: title.into(),
            body: body.into(),
        };
        assert_eq!(doc("Renewal", "body").display_title(), "Renewal");
        assert_eq!(
            doc(" ", "  First line\nsecond").display_title(),
            "First line"
        );
        let long = "x".repeat(100);
        assert_eq!(
            doc("", &long).display_title(),
            format!("{}…", "x".repeat(80))
        );
    }

    #[test]
    fn the_form_reads_dates_and_includes_the_last_day() {
        let form = SearchForm {
            text: "refund".into(),
            from: "2026-03-01".into(),
            to: "2026-03-31".into(),
            ..SearchForm::default()
        };
        let q = form.query(20).unwrap().unwrap();
        let march_1 = start_of_day(parse_date("2026-03-01").unwrap());
        assert_eq!(q.from, Some(march_1));
        assert_eq!(q.to, Some(march_1 + 31 * DAY_MS));
        assert_eq!(q.limit, 20);
        assert_eq!(SearchForm::default().query(20), Ok(None));
    }

    #[test]
    fn the_form_says_which_date_is_wrong() {
        let bad = SearchForm {
            text: "x".into(),
            to: "31st of Smarch".into(),
            ..SearchForm::default()
        };
        let e = bad.query(5).unwrap_err();
        assert!(matches!(e, SearchFormError::BadDate { field: "To", .. }));
        assert!(e.to_string().contains("“To”"));
        let backwards = SearchForm {
            text: "x".into(),
            from: "2026-05-02".into(),
            to: "2026-05-01".into(),
            ..SearchForm::default()
        };
        assert_eq!(backwards.query(5), Err(SearchFormError::EmptyWindow));
    }

    proptest! {
        #[test]
        fn snippets_of_any_text_are_pieces_of_it(text in "\\PC{0,400}", word in "\\PC{0,8}", width in 1usize..200) {
            let spans = snippet(&text, &[word], width);
            for s in &spans {
                prop_assert!(s.text == "…" || text.get(s.range.clone()) == Some(s.text.as_str()));
            }
            if text.chars().count() <= width {
                prop_assert_eq!(joined(&spans), text);
            }
        }

        #[test]
        fn the_form_never_panics(text in "\\PC{0,40}", from in "\\PC{0,12}", to in "\\PC{0,12}") {
            let _ = SearchForm { text, from, to, kinds: Vec::new() }.query(10);
        }
    }
}
