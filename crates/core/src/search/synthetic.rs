//! Synthetic customer rows for the index's large tests and benchmarks (not
//! used by the app; public only so `benches/` can reach it).

use super::CustomerRow;
use crate::model::{LifecycleStage, Uuid};

const GIVEN: [&str; 8] = [
    "Ada", "Alan", "Grace", "Linus", "Barbara", "Ken", "Margaret", "Donald",
];
const FAMILY: [&str; 8] = [
    "Lovelace", "Turing", "Hopper", "Torvalds", "Liskov", "Thompson", "Hamilton", "Knuth",
];
const COMPANY: [&str; 5] = [
    "Acme Widgets",
    "Globex",
    "Initech Systems",
    "Umbrella Corp",
    "Stark Industries",
];

/// Row `n` of a deterministic synthetic population: 64 name combinations,
/// unique emails and phones, five companies, three countries, all stages.
pub fn synthetic_row(n: u32, now: i64) -> CustomerRow {
    let (g, f) = (GIVEN[(n % 8) as usize], FAMILY[(n / 8 % 8) as usize]);
    CustomerRow {
        id: Uuid::from_u128(n as u128),
        name: format!("{g} {f}"),
        email: Some(format!(
            "{}.{}{n}@example{}.com",
            g.to_lowercase(),
            f.to_lowercase(),
            n % 50
        )),
        other_emails: Vec::new(),
        company: COMPANY[(n % 5) as usize].to_string(),
        phone: Some(format!("+1555{n:07}")),
        other_phones: Vec::new(),
        city: format!("City {}", n % 300),
        country: ["France", "China", "Brazil"][(n % 3) as usize].to_string(),
        stage: LifecycleStage::ALL[(n % 6) as usize],
        segment: (!n.is_multiple_of(4)).then(|| format!("Segment {}", n % 4)),
        tags: if n.is_multiple_of(10) {
            vec!["VIP".into()]
        } else {
            Vec::new()
        },
        created_at: now - n as i64 * 1_000,
        updated_at: now,
        recent_negative: false,
        figures: None,
        likelihood: (!n.is_multiple_of(7)).then(|| (n % 100) as f64 / 100.0),
        custom: Vec::new(),
    }
}
