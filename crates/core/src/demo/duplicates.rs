//! Customers entered twice, as every real CRM has them: about one customer
//! in a hundred gets a second record made later by a colleague — a
//! shortened or misspelt name, the same phone or the same email, a company
//! written slightly differently, and one note of its own — so the
//! Duplicates page and the merge have something real to find.
//!
//! Which customers get a twin depends only on their position, and the twin
//! is drawn from its own random stream, so the main stream (and with it
//! every other record) is the same whatever the batch sizes.

use rand::{Rng, SeedableRng};
use rand_xoshiro::Xoshiro256PlusPlus;

use crate::model::{new_id, Customer, Direction, Interaction, InteractionKind, DAY_MS};

/// One customer in this many gets a twin.
const EVERY: usize = 97;
/// ... at this position within each run of [`EVERY`].
const AT: usize = 41;

/// Whether the customer at `index` (counting from 0) gets a twin, in the
/// slot right after it.
pub fn has_twin(index: usize) -> bool {
    index % EVERY == AT
}

/// The second record of `original` (generated at `index`), entered
/// `days_later` days after it, and the note that came with it; `None` when
/// it would fall after `now`.
pub fn twin(
    seed: u64,
    index: usize,
    original: &Customer,
    now: i64,
) -> Option<(Customer, Interaction)> {
    let mut rng = Xoshiro256PlusPlus::seed_from_u64(
        seed ^ (index as u64).wrapping_mul(0x2545_F491_4F6C_DD1D),
    );
    let created = original.meta.created_at + rng.gen_range(20..400) * DAY_MS;
    if created >= now {
        return None;
    }
    let mut c = Customer::new(new_id(&mut rng), created);
    c.given_name = shortened(&original.given_name, &mut rng);
    c.family_name = original.family_name.clone();
    c.company = match original.company.as_str() {
        "" => String::new(),
        company if rng.gen_bool(0.5) => company.to_uppercase(),
        company => company.to_string(),
    };
    c.job_title = original.job_title.clone();
    c.address.city = original.address.city.clone();
    c.address.country = original.address.country.clone();
    c.source = "Business card".into();
    c.owner = original.owner.clone();
    // Same email, or same phone, or both: what a colleague had at hand.
    match rng.gen_range(0..3) {
        0 => c.emails = original.emails.iter().take(1).cloned().collect(),
        1 => c.phones = original.phones.iter().take(1).cloned().collect(),
        _ => {
            c.emails = original.emails.iter().take(1).cloned().collect();
            c.phones = original.phones.iter().take(1).cloned().collect();
        }
    }
    if c.emails.is_empty() && c.phones.is_empty() {
        c.emails = original.emails.iter().take(1).cloned().collect();
    }
    let chinese = c.family_name.chars().any(|ch| ch > '\u{2E80}');
    let body = if chinese {
        "在展会上交换了名片，客户对新产品感兴趣。"
    } else {
        "Met at the trade fair and swapped business cards; interested in the new range."
    };
    let note = Interaction::new(
        new_id(&mut rng),
        created,
        c.meta.id,
        InteractionKind::Meeting,
        Direction::Outbound,
        created,
        if chinese {
            "展会见面"
        } else {
            "Trade fair meeting"
        },
        body,
    );
    Some((c, note))
}

/// A given name as a colleague might type it: the first three letters of a
/// long Latin name ("Jonathan" → "Jon"), a letter dropped, or unchanged
/// (Chinese names are written the same).
fn shortened(name: &str, rng: &mut impl Rng) -> String {
    let chars: Vec<char> = name.chars().collect();
    if chars.len() < 4
        || !chars.iter().all(|c| c.is_alphabetic())
        || chars.iter().any(|c| *c > '\u{2E80}')
    {
        return name.to_string();
    }
    if rng.gen_bool(0.5) {
        chars[..3].iter().collect()
    } else {
        let drop = rng.gen_range(1..chars.len());
        chars
            .iter()
            .enumerate()
            .filter(|(i, _)| *i != drop)
            .map(|(_, c)| c)
            .collect()
    }
}
