//! The named RFM segments and the R × F grid that assigns them.
//!
//! The grid is the one common in the RFM literature and practice (the
//! "RFM segmentation" map keyed on the recency and frequency scores), with
//! its lowest corner split off as *Lost*. Monetary does not take part: every
//! (R, F) cell maps to exactly one segment.
//!
//! ```text
//!          F=1             F=2             F=3             F=4          F=5
//! R=5  New            Potential loy.  Potential loy.  Champions    Champions
//! R=4  Promising      Potential loy.  Potential loy.  Loyal        Loyal
//! R=3  About to sleep About to sleep  Need attention  Loyal        Loyal
//! R=2  Hibernating    Hibernating     At risk         At risk      Can't lose them
//! R=1  Lost           Hibernating     At risk         At risk      Can't lose them
//! ```

use crate::i18n::labels;
use serde::{Deserialize, Serialize};

/// A named group of customers by recency (R) and frequency (F) score.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Segment {
    /// R 5, F 4–5: bought recently and often.
    Champions,
    /// R 3–4, F 4–5: buy often, fairly recently.
    Loyal,
    /// R 4–5, F 2–3: recent, with a few purchases.
    PotentialLoyalists,
    /// R 5, F 1: first purchase very recently.
    New,
    /// R 4, F 1: one purchase, fairly recently.
    Promising,
    /// R 3, F 3: middle of the road on both.
    NeedAttention,
    /// R 3, F 1–2: few purchases, recency slipping.
    AboutToSleep,
    /// R 1–2, F 3–4: bought several times, but long ago.
    AtRisk,
    /// R 1–2, F 5: bought most often, but long ago.
    CantLoseThem,
    /// R 1–2, F 1–2 except R 1 F 1: few purchases, long ago.
    Hibernating,
    /// R 1, F 1: one purchase, longest ago.
    Lost,
}

impl Segment {
    /// Every segment, best first.
    pub fn all() -> &'static [Segment] {
        use Segment::*;
        &[
            Champions,
            Loyal,
            PotentialLoyalists,
            New,
            Promising,
            NeedAttention,
            AboutToSleep,
            AtRisk,
            CantLoseThem,
            Hibernating,
            Lost,
        ]
    }

    /// The English name: what CSV exports write (whatever the language).
    /// People read [`Segment::display`].
    pub fn label(self) -> &'static str {
        match self {
            Segment::Champions => "Champions",
            Segment::Loyal => "Loyal",
            Segment::PotentialLoyalists => "Potential loyalists",
            Segment::New => "New",
            Segment::Promising => "Promising",
            Segment::NeedAttention => "Need attention",
            Segment::AboutToSleep => "About to sleep",
            Segment::AtRisk => "At risk",
            Segment::CantLoseThem => "Can't lose them",
            Segment::Hibernating => "Hibernating",
            Segment::Lost => "Lost",
        }
    }

    /// The name shown to people, in the current language (`Display`
    /// writes it too).
    pub fn display(self) -> &'static str {
        match self {
            Segment::Champions => labels::rfm_champions(),
            Segment::Loyal => labels::rfm_loyal(),
            Segment::PotentialLoyalists => labels::rfm_potential_loyalists(),
            Segment::New => labels::rfm_new(),
            Segment::Promising => labels::rfm_promising(),
            Segment::NeedAttention => labels::rfm_need_attention(),
            Segment::AboutToSleep => labels::rfm_about_to_sleep(),
            Segment::AtRisk => labels::rfm_at_risk(),
            Segment::CantLoseThem => labels::rfm_cant_lose_them(),
            Segment::Hibernating => labels::rfm_hibernating(),
            Segment::Lost => labels::rfm_lost(),
        }
    }

    /// The segment's key in addresses (`/customers?rfm=cant-lose-them`):
    /// the label in lower case, words joined by hyphens, apostrophes dropped.
    pub fn key(self) -> &'static str {
        match self {
            Segment::Champions => "champions",
            Segment::Loyal => "loyal",
            Segment::PotentialLoyalists => "potential-loyalists",
            Segment::New => "new",
            Segment::Promising => "promising",
            Segment::NeedAttention => "need-attention",
            Segment::AboutToSleep => "about-to-sleep",
            Segment::AtRisk => "at-risk",
            Segment::CantLoseThem => "cant-lose-them",
            Segment::Hibernating => "hibernating",
            Segment::Lost => "lost",
        }
    }

    /// The segment whose [`Segment::key`] is `key` (surrounding spaces and
    /// case ignored); `None` for anything else.
    pub fn from_key(key: &str) -> Option<Segment> {
        let key = key.trim();
        Segment::all()
            .iter()
            .copied()
            .find(|s| s.key().eq_ignore_ascii_case(key))
    }

    /// The rule that puts a customer in the segment, in words (in the
    /// current language).
    pub fn rule(self) -> &'static str {
        match self {
            Segment::Champions => labels::rule_champions(),
            Segment::Loyal => labels::rule_loyal(),
            Segment::PotentialLoyalists => labels::rule_potential_loyalists(),
            Segment::New => labels::rule_new(),
            Segment::Promising => labels::rule_promising(),
            Segment::NeedAttention => labels::rule_need_attention(),
            Segment::AboutToSleep => labels::rule_about_to_sleep(),
            Segment::AtRisk => labels::rule_at_risk(),
            Segment::CantLoseThem => labels::rule_cant_lose_them(),
            Segment::Hibernating => labels::rule_hibernating(),
            Segment::Lost => labels::rule_lost(),
        }
    }

    /// The segment of the R and F scores (each 1–5; values outside are
    /// clamped into 1–5), by the grid in the module documentation.
    pub fn from_scores(r: u8, f: u8) -> Segment {
        match (r.clamp(1, 5), f.clamp(1, 5)) {
            (5, 1) => Segment::New,
            (4..=5, 2..=3) => Segment::PotentialLoyalists,
            (5, 4..=5) => Segment::Champions,
            (4, 1) => Segment::Promising,
            (3..=4, 4..=5) => Segment::Loyal,
            (3, 3) => Segment::NeedAttention,
            (3, 1..=2) => Segment::AboutToSleep,
            (1, 1) => Segment::Lost,
            (1, 2) | (2, 1..=2) => Segment::Hibernating,
            (1..=2, 3..=4) => Segment::AtRisk,
            _ => Segment::CantLoseThem,
        }
    }
}

impl std::fmt::Display for Segment {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.display())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The grid of the module docs, row R=5 first.
    const GRID: [[&str; 5]; 5] = [
        [
            "New",
            "Potential loyalists",
            "Potential loyalists",
            "Champions",
            "Champions",
        ],
        [
            "Promising",
            "Potential loyalists",
            "Potential loyalists",
            "Loyal",
            "Loyal",
        ],
        [
            "About to sleep",
            "About to sleep",
            "Need attention",
            "Loyal",
            "Loyal",
        ],
        [
            "Hibernating",
            "Hibernating",
            "At risk",
            "At risk",
            "Can't lose them",
        ],
        [
            "Lost",
            "Hibernating",
            "At risk",
            "At risk",
            "Can't lose them",
        ],
    ];

    #[test]
    fn every_r_f_cell_maps_to_the_one_segment_of_the_documented_grid() {
        for (row, labels) in GRID.iter().enumerate() {
            let r = 5 - row as u8;
            for (col, label) in labels.iter().enumerate() {
                let f = col as u8 + 1;
                let hits: Vec<_> = Segment::all()
                    .iter()
                    .filter(|s| Segment::from_scores(r, f) == **s)
                    .collect();
                assert_eq!(hits.len(), 1);
                assert_eq!(hits[0].label(), *label, "R={r} F={f}");
            }
        }
    }

    #[test]
    fn every_segment_has_at_least_one_cell_and_a_distinct_label() {
        for s in Segment::all() {
            let cells = (1..=5)
                .flat_map(|r| (1..=5).map(move |f| (r, f)))
                .filter(|&(r, f)| Segment::from_scores(r, f) == *s)
                .count();
            assert!(cells > 0, "{s} has no cell");
        }
        let mut labels: Vec<_> = Segment::all().iter().map(|s| s.label()).collect();
        labels.sort_unstable();
        labels.dedup();
        assert_eq!(labels.len(), 11);
    }

    #[test]
    fn scores_outside_one_to_five_are_clamped() {
        assert_eq!(Segment::from_scores(0, 0), Segment::Lost);
        assert_eq!(Segment::from_scores(9, 9), Segment::Champions);
    }

    #[test]
    fn every_key_round_trips_and_is_the_hyphenated_lowercase_label() {
        for &s in Segment::all() {
            assert_eq!(Segment::from_key(s.key()), Some(s));
            let expected: String = s
                .label()
                .to_lowercase()
                .replace('\'', "")
                .split_whitespace()
                .collect::<Vec<_>>()
                .join("-");
            assert_eq!(s.key(), expected);
        }
        assert_eq!(Segment::from_key(" At-Risk "), Some(Segment::AtRisk));
        assert_eq!(Segment::from_key("at risk"), None);
        assert_eq!(Segment::from_key(""), None);
    }

    /// The first "R a" / "R a–b" (or F) range in a rule.
    fn range_in(rule: &str, letter: char) -> (u8, u8) {
        let at = rule
            .find(&format!("{letter} "))
            .expect("the rule names the score");
        let digits: Vec<u8> = rule[at + 2..]
            .chars()
            .take_while(|c| c.is_ascii_digit() || *c == '–')
            .filter_map(|c| c.to_digit(10))
            .map(|d| d as u8)
            .collect();
        (digits[0], *digits.last().expect("a digit"))
    }

    #[test]
    fn every_rule_in_words_covers_the_scores_of_its_grid_cells() {
        for r in 1..=5u8 {
            for f in 1..=5u8 {
                let rule = Segment::from_scores(r, f).rule();
                let (r0, r1) = range_in(rule, 'R');
                let (f0, f1) = range_in(rule, 'F');
                assert!((r0..=r1).contains(&r), "R {r} F {f}: {rule}");
                assert!((f0..=f1).contains(&f), "R {r} F {f}: {rule}");
            }
        }
    }
}
