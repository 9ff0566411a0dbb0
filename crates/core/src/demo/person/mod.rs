//! One demo customer and everything attached to them, drawn from the latent
//! segment and satisfaction (see the module docs of [`super`]).
//!
//! `generate_customer` draws who the customer is (`Person`) and how
//! satisfied they are (`Mood`, in `draw_mood`), then fills in the parts in a
//! fixed order, because they share one random stream: `identity` (name,
//! links to earlier customers, company, contact details, demographics),
//! `orders` (purchase times, campaign responses, orders, lifecycle stage) and
//! `activity` (tickets, the timeline, deals and tasks); the finishing touches
//! on the customer come last, here.

mod activity;
mod identity;
mod orders;

use rand::Rng;
use rand_xoshiro::Xoshiro256PlusPlus;
use time::Date;

use super::catalogue::{Profile, Segment, PRODUCTS};
use super::places::{self, Country, COUNTRIES};
use super::sample::{chance, lognormal, normal, pick, poisson, weighted};
use super::{DemoBatch, DemoGenerator, HISTORY_MS, YEAR_MS};
use crate::model::{date_of, new_id, CustomValue, Customer, Meta, Priority, Timestamp, DAY_MS};

/// Median resolution hours by priority (Low, Normal, High, Urgent).
const RESOLUTION_HOURS: [f64; 4] = [60.0, 30.0, 12.0, 4.0];
const PRIORITIES: [Priority; 4] = [
    Priority::Low,
    Priority::Normal,
    Priority::High,
    Priority::Urgent,
];

/// Who the customer is, drawn first; every later part reads it.
#[derive(Clone, Copy)]
struct Person {
    /// Position of the customer in the whole run (makes emails unique).
    index: usize,
    /// The generator's present.
    now: Timestamp,
    /// The date of `now`.
    today: Date,
    /// The latent segment.
    segment: Segment,
    /// How the segment looks and behaves.
    prof: &'static Profile,
    /// Index into [`COUNTRIES`].
    country_ix: usize,
    /// Where the customer lives.
    country: Country,
    /// Whether the customer gets a Chinese name and (mostly) Chinese text.
    chinese: bool,
    /// When the customer was created.
    created: Timestamp,
}

/// The latent satisfaction and the support tickets that shaped it.
struct Mood {
    /// Satisfaction before any ticket (1..5).
    s0: f64,
    /// Satisfaction after the tickets and their resolution times (1..5).
    s_eff: f64,
    /// How active the customer is (a multiplier around 1).
    activity: f64,
    /// Whether the customer buys at all.
    buyer: bool,
    /// Number of tickets.
    n_tickets: usize,
    /// The tickets to open: priority and hours to resolve.
    drafts: Vec<(Priority, f64)>,
}

/// What the customer bought, for the parts that follow the orders.
struct Purchases {
    /// Purchase times, sorted.
    times: Vec<Timestamp>,
    /// When the customer stopped buying (`now` unless they churned).
    active_end: Timestamp,
    /// Total of the revenue orders.
    revenue: f64,
    /// Number of revenue orders.
    revenue_orders: usize,
    /// Catalogue indices of the products on every order and quote.
    bought: Vec<usize>,
    /// Whether the segment is price-sensitive (discounts, a tag).
    sensitive: bool,
}

impl Purchases {
    /// A product the customer bought, or one they might buy (by `weights`)
    /// when they bought nothing, for ticket, note and deal texts.
    fn product_name(&self, rng: &mut Xoshiro256PlusPlus, weights: &[f64]) -> &'static str {
        match self.bought.as_slice() {
            [] => PRODUCTS[weighted(rng, weights)].name,
            b => PRODUCTS[*pick(rng, b)].name,
        }
    }
}

impl DemoGenerator {
    /// Generates the next customer and their children into `out`.
    pub(super) fn generate_customer(&mut self, out: &mut DemoBatch) {
        let now = self.now;
        let index = self.done;
        let rng = &mut self.rng;
        let today = date_of(now);

        let segment = Segment::ALL[weighted(rng, &Segment::ALL.map(|s| s.profile().weight))];
        let prof = segment.profile();
        let country_ix = weighted(rng, &COUNTRIES.map(|c| c.weight));
        let country = COUNTRIES[country_ix];
        let chinese = country.chinese;
        let start = now - HISTORY_MS;
        let span = (HISTORY_MS - 14 * DAY_MS) as f64;
        // Skewed towards recent sign-ups: the business grows.
        let created = start + (span * rng.gen::<f64>().powf(0.8)) as i64;
        let mut c = Customer::new(new_id(rng), created);
        let p = Person {
            index,
            now,
            today,
            segment,
            prof,
            country_ix,
            country,
            chinese,
            created,
        };

        let source = self.identity(&p, &mut c, out);
        let mut mood = draw_mood(&mut self.rng, &p);
        let buys = self.purchases(&p, &mood, &mut c, out);
        self.tickets(&p, &mut mood, &buys, &c, out);
        let last_touch = self.timeline(&p, &mood, &buys, &c, out);
        self.deals(&p, &mood, &buys, &c, out);

        let rng = &mut self.rng;
        let Mood { s_eff, .. } = mood;
        let Purchases {
            times,
            revenue,
            sensitive,
            ..
        } = buys;
        // Finishing touches on the customer.
        c.source = source.into();
        c.owner = (*pick(rng, places::OWNERS)).into();
        c.segment = Some(prof.label.into());
        if chance(rng, 0.4) {
            c.tags.push("newsletter".into());
        }
        if revenue > 2_500.0 {
            c.tags.push("vip".into());
        }
        if sensitive {
            c.tags.push("promo-sensitive".into());
        }
        if !c.company.is_empty() && segment == Segment::AffluentProfessional {
            c.tags.push("b2b".into());
        }
        if c.lifecycle.has_bought() && s_eff < 2.8 {
            c.tags.push("at risk".into());
        }
        let preferred = if chinese {
            ["WeChat", "Phone", "Email"]
        } else {
            ["Email", "Phone", "SMS"]
        };
        c.custom_fields.insert(
            "Preferred contact".into(),
            CustomValue::Choice(pick(rng, &preferred).to_string()),
        );
        c.custom_fields.insert(
            "Loyalty points".into(),
            CustomValue::Number((revenue / 10.0).floor()),
        );
        if let Some(t) = times.first() {
            c.custom_fields
                .insert("First purchase".into(), CustomValue::Date(date_of(*t)));
        }
        c.meta = Meta {
            updated_at: last_touch.clamp(created, now),
            version: 1 + poisson(rng, 1.5) as u64,
            ..c.meta
        };
        if chance(rng, 0.003) {
            let at = rng.gen_range(c.meta.updated_at..=now);
            c.meta.soft_delete(at);
        }

        self.by_segment[segment.index()].push(c.meta.id);
        if segment == Segment::Family {
            let family: &'static str = if chinese {
                places::CN_FAMILY
                    .iter()
                    .find(|(f, _)| *f == c.family_name)
                    .map_or("王", |(f, _)| f)
            } else {
                places::EN_FAMILY
                    .iter()
                    .find(|f| **f == c.family_name)
                    .copied()
                    .unwrap_or("Smith")
            };
            self.families.push((c.meta.id, country_ix, family));
        }
        out.customers.push(c);
    }
}

/// Draws the latent satisfaction, lowered by many tickets and slow
/// resolutions, with the tickets that lowered it.
fn draw_mood(rng: &mut Xoshiro256PlusPlus, p: &Person) -> Mood {
    let Person {
        now, prof, created, ..
    } = *p;
    let s0 = (prof.satisfaction + 0.6 * normal(rng)).clamp(1.0, 5.0);
    let activity = lognormal(rng, 1.0, 0.45);
    let years = (now - created) as f64 / YEAR_MS;
    let buyer = chance(rng, prof.buy_chance);
    // Unhappy customers write in more often.
    let ticket_rate = prof.tickets_per_year * (0.6 + 0.4 * activity) * (-0.3 * (s0 - 3.5)).exp();
    let mut n_tickets = poisson(rng, ticket_rate * years).min(8);
    if !buyer {
        n_tickets = n_tickets.min(1);
    }
    let drafts: Vec<(Priority, f64)> = (0..n_tickets)
        .map(|_| {
            let p = weighted(rng, &[0.2, 0.5, 0.22, 0.08]);
            let hours = lognormal(rng, RESOLUTION_HOURS[p], 0.9).clamp(0.2, 24.0 * 40.0);
            (PRIORITIES[p], hours)
        })
        .collect();
    let slowness: f64 = drafts.iter().map(|(_, h)| (h / 24.0).ln().max(0.0)).sum();
    let s_eff = (s0 - 0.3 * n_tickets as f64 - 0.25 * slowness).clamp(1.0, 5.0);
    Mood {
        s0,
        s_eff,
        activity,
        buyer,
        n_tickets,
        drafts,
    }
}

fn round2(x: f64) -> f64 {
    (x * 100.0).round() / 100.0
}
