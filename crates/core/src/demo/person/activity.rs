//! What a demo customer does after signing up: support tickets (rated by how
//! satisfied they are and how fast they were solved), the timeline of notes,
//! calls, emails and meetings, and deals with the tasks they bring.

use rand::Rng;

use super::{Mood, Person, Purchases};
use crate::demo::sample::{chance, lognormal, normal, pick, poisson, weighted};
use crate::demo::text::{self, Tone};
use crate::demo::{DemoBatch, DemoGenerator};
use crate::model::{
    date_of, new_id, Customer, Deal, Direction, Interaction, InteractionKind, LifecycleStage, Task,
    Ticket, TicketStatus, Timestamp, DAY_MS,
};

impl DemoGenerator {
    /// Tickets, in time order: later ones and slow ones get lower ratings.
    pub(super) fn tickets(
        &mut self,
        p: &Person,
        mood: &mut Mood,
        buys: &Purchases,
        c: &Customer,
        out: &mut DemoBatch,
    ) {
        let Person {
            now,
            segment,
            chinese,
            created,
            ..
        } = *p;
        let Mood {
            s0,
            s_eff,
            n_tickets,
            ref mut drafts,
            ..
        } = *mood;
        let times = &buys.times;
        let rng = &mut self.rng;
        let weights = &self.product_weights[segment.index()];
        let product_name = |rng: &mut _| buys.product_name(rng, weights);
        let first_activity = times.first().copied().unwrap_or(created);
        let mut opened: Vec<Timestamp> = drafts
            .iter()
            .map(|_| rng.gen_range(first_activity..now))
            .collect();
        opened.sort_unstable();
        rng_shuffle_pairs(rng, drafts);
        for (k, ((priority, hours), at)) in drafts.iter().zip(&opened).enumerate() {
            let zh = chinese && chance(rng, 0.8);
            let topic = if s_eff < 3.0 || chance(rng, 0.5) {
                rng.gen_range(0..4)
            } else {
                rng.gen_range(0..text::TICKETS_EN.len())
            };
            let (subject, body) = if zh {
                text::TICKETS_ZH[topic]
            } else {
                text::TICKETS_EN[topic]
            };
            let body = body.replace("{p}", product_name(rng));
            let mut t = Ticket::new(new_id(rng), *at, c.meta.id, subject, body, *priority);
            let solved_at = at + (hours * 3_600_000.0) as i64;
            if solved_at < now {
                t.status = TicketStatus::Solved;
                t.solved_at = Some(solved_at);
                t.meta.updated_at = solved_at;
                t.meta.version = 2;
                if chance(rng, 0.75) {
                    let raw = s0
                        - 0.25 * k as f64
                        - 0.2 * (n_tickets - 1) as f64
                        - 0.5 * (hours / 24.0).ln().max(0.0)
                        + 0.6 * normal(rng);
                    let score = raw.round().clamp(1.0, 5.0) as u8;
                    t.satisfaction = Some(score);
                    if chance(rng, 0.8) {
                        t.feedback = Some(
                            (*pick(rng, text::feedback(Tone::of_score(score), zh))).to_string(),
                        );
                    }
                }
            } else if chance(rng, 0.4) {
                t.status = TicketStatus::Pending;
            }
            out.tickets.push(t);
        }
    }

    /// The timeline of notes, calls, emails and meetings; returns the time of
    /// the last touch (the last purchase or interaction).
    pub(super) fn timeline(
        &mut self,
        p: &Person,
        mood: &Mood,
        buys: &Purchases,
        c: &Customer,
        out: &mut DemoBatch,
    ) -> Timestamp {
        let Person {
            now,
            segment,
            chinese,
            created,
            ..
        } = *p;
        let s_eff = mood.s_eff;
        let Purchases {
            ref times,
            active_end,
            revenue_orders,
            ..
        } = *buys;
        let rng = &mut self.rng;
        let weights = &self.product_weights[segment.index()];
        let product_name = |rng: &mut _| buys.product_name(rng, weights);
        let n_interactions = poisson(rng, 1.2 + 0.7 * revenue_orders.min(12) as f64).min(25);
        let until = (active_end + 60 * DAY_MS).min(now);
        let mut last_touch = times.last().copied().unwrap_or(created);
        for _ in 0..n_interactions {
            let at = rng.gen_range(created..=until);
            last_touch = last_touch.max(at);
            let zh = chinese && chance(rng, 0.7);
            let kind = InteractionKind::ALL[weighted(rng, &[0.25, 0.25, 0.4, 0.1])];
            let direction = match kind {
                InteractionKind::Note => Direction::Internal,
                InteractionKind::Email if chance(rng, 0.5) => Direction::Inbound,
                InteractionKind::Call if chance(rng, 0.3) => Direction::Inbound,
                _ => Direction::Outbound,
            };
            let tone = Tone::of_satisfaction(s_eff + 0.4 * normal(rng));
            let body = pick(rng, text::notes(tone, zh)).replace("{p}", product_name(rng));
            let subjects = match kind {
                InteractionKind::Call => text::CALL_SUBJECTS,
                InteractionKind::Email => text::EMAIL_SUBJECTS,
                InteractionKind::Meeting => text::MEETING_SUBJECTS,
                InteractionKind::Note => &[("Note", "备注")],
            };
            let (en, cn) = *pick(rng, subjects);
            let subject = if zh { cn } else { en };
            out.interactions.push(Interaction::new(
                new_id(rng),
                at,
                c.meta.id,
                kind,
                direction,
                at,
                subject,
                body,
            ));
        }
        last_touch
    }

    /// Deals and the tasks they bring.
    pub(super) fn deals(
        &mut self,
        p: &Person,
        mood: &Mood,
        buys: &Purchases,
        c: &Customer,
        out: &mut DemoBatch,
    ) {
        let Person {
            now,
            today,
            segment,
            prof,
            created,
            ..
        } = *p;
        let s_eff = mood.s_eff;
        let active_end = buys.active_end;
        let rng = &mut self.rng;
        let weights = &self.product_weights[segment.index()];
        let product_name = |rng: &mut _| buys.product_name(rng, weights);
        let deal_chance = match c.lifecycle {
            LifecycleStage::Opportunity => 1.0,
            LifecycleStage::Customer | LifecycleStage::Evangelist | LifecycleStage::Churned => 0.3,
            LifecycleStage::Lead => 0.1,
            LifecycleStage::Subscriber => 0.0,
        };
        if chance(rng, deal_chance) {
            let value = (lognormal(rng, prof.deal_value, 0.5) / 10.0).round() * 10.0;
            let title = pick(rng, text::DEAL_TITLES).replace("{p}", product_name(rng));
            let closed = match c.lifecycle {
                LifecycleStage::Opportunity | LifecycleStage::Lead => false,
                LifecycleStage::Churned => true,
                _ => chance(rng, 0.5),
            };
            let mut deal = Deal::new(new_id(rng), created, c.meta.id, title, "", value, 0.0);
            if closed {
                let won = chance(rng, (0.3 + 0.15 * (s_eff - 3.0)).clamp(0.1, 0.9));
                deal.stage = if won { "Won" } else { "Lost" }.into();
                deal.probability = if won { 1.0 } else { 0.0 };
                let at = rng.gen_range(created..=active_end.max(created));
                deal.meta.created_at = (at - 30 * DAY_MS).max(created);
                deal.meta.updated_at = at;
                deal.meta.version = 3;
                deal.expected_close = Some(date_of(at));
            } else {
                let stage = if c.lifecycle == LifecycleStage::Lead {
                    0
                } else {
                    weighted(rng, &[0.35, 0.25, 0.25, 0.15])
                };
                // The default pipeline's four open stages, spread over the
                // configured pipeline's open stages (the same with the default).
                let open: Vec<&str> = self.pipeline.open_stages().collect();
                deal.stage = open[stage * open.len() / 4].to_string();
                deal.probability = self
                    .pipeline
                    .default_probability(&deal.stage)
                    .unwrap_or(0.5);
                deal.meta.created_at = (now - rng.gen_range(1..90) * DAY_MS).max(created);
                deal.meta.updated_at = deal.meta.created_at;
                deal.expected_close = Some(date_of(now + rng.gen_range(7..90) * DAY_MS));
                let due = date_of(now + rng.gen_range(-10..20) * DAY_MS);
                let mut task = Task::new(
                    new_id(rng),
                    deal.meta.created_at,
                    Some(c.meta.id),
                    format!("Follow up: {}", deal.title),
                    due,
                );
                task.done = due < today && chance(rng, 0.6);
                out.tasks.push(task);
            }
            out.deals.push(deal);
        }
        if c.lifecycle == LifecycleStage::Churned && chance(rng, 0.25) {
            let due = date_of(now + rng.gen_range(-30..30) * DAY_MS);
            let mut task = Task::new(
                new_id(rng),
                now - 35 * DAY_MS,
                Some(c.meta.id),
                "Win-back call",
                due,
            );
            task.done = due < today && chance(rng, 0.5);
            out.tasks.push(task);
        }
    }
}

/// Shuffles ticket drafts so priorities are not sorted by opening time.
fn rng_shuffle_pairs<T>(rng: &mut impl Rng, items: &mut [T]) {
    for i in (1..items.len()).rev() {
        items.swap(i, rng.gen_range(0..=i));
    }
}
