//! One demo customer and everything attached to them, drawn from the latent
//! segment and satisfaction (see the module docs of [`super`]).

use rand::Rng;
use rand_xoshiro::Xoshiro256PlusPlus;

use super::catalogue::{Segment, CURRENCY, PRODUCTS};
use super::places::{self, ascii_slug, COUNTRIES};
use super::sample::{chance, exponential, lognormal, normal, pick, poisson, weighted};
use super::text::{self, Tone};
use super::{DemoBatch, DemoGenerator, HISTORY_MS, YEAR_MS};
use crate::model::customer::years_between;
use crate::model::{
    date_of, new_id, Address, CampaignMember, CustomValue, Customer, Deal, Direction, Education,
    Interaction, InteractionKind, LifecycleStage, LineItem, Meta, Order, OrderStatus, Priority,
    Relationship, RelationshipKind, Task, Ticket, TicketStatus, Timestamp, DAY_MS,
};

/// Median resolution hours by priority (Low, Normal, High, Urgent).
const RESOLUTION_HOURS: [f64; 4] = [60.0, 30.0, 12.0, 4.0];
const PRIORITIES: [Priority; 4] = [
    Priority::Low,
    Priority::Normal,
    Priority::High,
    Priority::Urgent,
];

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
        let country = &COUNTRIES[country_ix];
        let chinese = country.chinese;
        let start = now - HISTORY_MS;
        let span = (HISTORY_MS - 14 * DAY_MS) as f64;
        // Skewed towards recent sign-ups: the business grows.
        let created = start + (span * rng.gen::<f64>().powf(0.8)) as i64;
        let mut c = Customer::new(new_id(rng), created);

        // Names, and the email local part built from them.
        let slug = if chinese {
            let (g, gp) = *pick(rng, places::CN_GIVEN);
            let (f, fp) = *pick(rng, places::CN_FAMILY);
            c.given_name = g.into();
            c.family_name = f.into();
            format!("{fp}{gp}")
        } else {
            c.given_name = (*pick(rng, places::EN_GIVEN)).into();
            c.family_name = (*pick(rng, places::EN_FAMILY)).into();
            format!(
                "{}.{}",
                ascii_slug(&c.given_name),
                ascii_slug(&c.family_name)
            )
        };

        // Links to earlier customers.
        let mut source = places::SOURCES[weighted(rng, &places::SOURCES.map(|s| s.1))].0;
        if index > 0 && chance(rng, 0.10) {
            let same = segment.index();
            let other = rng.gen_range(0..5);
            let pool = if chance(rng, 0.7) || self.by_segment[other].is_empty() {
                &self.by_segment[same]
            } else {
                &self.by_segment[other]
            };
            let referrer = if pool.is_empty() {
                c.meta.id
            } else {
                *pick(rng, pool)
            };
            if referrer != c.meta.id {
                source = "Referral";
                let strength = rng.gen_range(0.4..1.0);
                out.relationships.push(Relationship::new(
                    new_id(rng),
                    created,
                    referrer,
                    c.meta.id,
                    RelationshipKind::Referred,
                    round2(strength),
                ));
            }
        }
        if segment == Segment::Family && !self.families.is_empty() && chance(rng, 0.08) {
            let (other, other_country, family) = *pick(rng, &self.families);
            if other_country == country_ix {
                if !chinese || places::CN_FAMILY.iter().any(|(f, _)| *f == family) {
                    c.family_name = family.into();
                }
                out.relationships.push(Relationship::new(
                    new_id(rng),
                    created,
                    other,
                    c.meta.id,
                    RelationshipKind::Family,
                    0.9,
                ));
            }
        }
        if chance(rng, prof.company_chance) {
            let (list, offset) = if chinese {
                (places::CN_COMPANIES, places::EN_COMPANIES.len())
            } else {
                (places::EN_COMPANIES, 0)
            };
            let k = rng.gen_range(0..list.len());
            c.company = list[k].into();
            c.job_title = (*pick(rng, prof.titles)).into();
            if let Some(colleague) = self.by_company[offset + k] {
                if chance(rng, 0.12) {
                    let strength = round2(rng.gen_range(0.2..0.8));
                    out.relationships.push(Relationship::new(
                        new_id(rng),
                        created,
                        colleague,
                        c.meta.id,
                        RelationshipKind::Colleague,
                        strength,
                    ));
                }
            }
            self.by_company[offset + k] = Some(c.meta.id);
        } else if segment == Segment::Student || segment == Segment::Retiree {
            c.job_title = (*pick(rng, prof.titles)).into();
        }

        // Contact details and address.
        if chance(rng, 0.85) {
            c.emails
                .push(format!("{slug}{index}@{}", pick(rng, country.domains)));
        }
        if chance(rng, 0.7) {
            c.phones.push(country.phone(rng));
        }
        let city = pick(rng, country.cities);
        c.address = Address {
            street: if chance(rng, 0.6) {
                country.street(rng)
            } else {
                String::new()
            },
            city: city.name.into(),
            region: city.region.into(),
            postal_code: country.postal(rng, city),
            country: country.name.into(),
        };

        // Demographics.
        let age = rng.gen_range(prof.age.0..=prof.age.1);
        if chance(rng, 0.55) {
            let days = (age as f64 * 365.2425) as i64 + rng.gen_range(0..365);
            let birthday = date_of(now - days * DAY_MS);
            c.birthday = Some(birthday);
            c.age = Some(years_between(birthday, today));
        } else if chance(rng, 0.8) {
            c.age = Some(age);
        }
        let income = lognormal(rng, prof.income_median, prof.income_sigma);
        if chance(rng, 0.9) {
            c.annual_income = Some((income / 100.0).round() * 100.0);
        }
        let education = Education::ALL[weighted(rng, &prof.education)];
        if chance(rng, 0.8) {
            c.education = Some(education);
        }

        // Latent satisfaction, lowered by many tickets and slow resolutions.
        let s0 = (prof.satisfaction + 0.6 * normal(rng)).clamp(1.0, 5.0);
        let activity = lognormal(rng, 1.0, 0.45);
        let years = (now - created) as f64 / YEAR_MS;
        let buyer = chance(rng, prof.buy_chance);
        // Unhappy customers write in more often.
        let ticket_rate =
            prof.tickets_per_year * (0.6 + 0.4 * activity) * (-0.3 * (s0 - 3.5)).exp();
        let mut n_tickets = poisson(rng, ticket_rate * years).min(8);
        if !buyer {
            n_tickets = n_tickets.min(1);
        }
        let mut drafts: Vec<(Priority, f64)> = (0..n_tickets)
            .map(|_| {
                let p = weighted(rng, &[0.2, 0.5, 0.22, 0.08]);
                let hours = lognormal(rng, RESOLUTION_HOURS[p], 0.9).clamp(0.2, 24.0 * 40.0);
                (PRIORITIES[p], hours)
            })
            .collect();
        let slowness: f64 = drafts.iter().map(|(_, h)| (h / 24.0).ln().max(0.0)).sum();
        let s_eff = (s0 - 0.3 * n_tickets as f64 - 0.25 * slowness).clamp(1.0, 5.0);

        // Purchase times: a Poisson process until the customer churns.
        let mut times: Vec<Timestamp> = Vec::new();
        let mut active_end = now;
        if buyer {
            let p_churn = (0.1 + 0.2 * (3.6 - s_eff)).clamp(0.03, 0.85);
            if chance(rng, p_churn) {
                active_end = created + ((now - created) as f64 * rng.gen_range(0.1..1.0)) as i64;
            }
            let rate = prof.orders_per_year * activity * (0.45 * (s_eff - 3.5)).exp();
            let mut t = created + exponential(rng, 30.0 * DAY_MS as f64) as i64;
            if t >= active_end {
                t = created + (active_end - created) / 2;
            }
            while t < active_end && times.len() < 60 {
                times.push(t);
                t += exponential(rng, YEAR_MS / rate.max(0.05)) as i64;
            }
        }

        // Campaigns reach customers who existed while they ran.
        for plan in &mut self.campaigns {
            if created > plan.end_ms || !chance(rng, plan.reach * plan.affinity[segment.index()]) {
                continue;
            }
            let opened = chance(rng, 0.5);
            let clicked = opened && chance(rng, 0.35);
            let converted = buyer && clicked && chance(rng, 0.3 * s_eff / 3.5);
            if converted {
                let from = plan.start_ms.max(created);
                times.push(rng.gen_range(from..=plan.end_ms.max(from)).min(now));
            }
            plan.campaign.members.push(CampaignMember {
                customer_id: c.meta.id,
                opened,
                clicked,
                converted,
            });
        }
        times.sort_unstable();

        // Orders.
        let weights = &self.product_weights[segment.index()];
        let sensitive = prof.price_sensitivity > 1.0;
        let mut revenue = 0.0_f64;
        let mut revenue_orders = 0;
        let mut last_purchase = None;
        let mut bought: Vec<usize> = Vec::new();
        let mut push_order = |rng: &mut Xoshiro256PlusPlus,
                              at: Timestamp,
                              status: OrderStatus,
                              out: &mut DemoBatch| {
            let n_items = (1 + poisson(rng, prof.basket - 1.0)).min(4);
            let mut items: Vec<LineItem> = Vec::with_capacity(n_items);
            let mut picked: Vec<usize> = Vec::with_capacity(n_items);
            for _ in 0..n_items {
                let k = weighted(rng, weights);
                if picked.contains(&k) {
                    continue;
                }
                picked.push(k);
                let product = &PRODUCTS[k];
                let quantity = if product.price < 30.0 {
                    rng.gen_range(1..=3)
                } else {
                    1
                } as f64;
                let discount = if sensitive && chance(rng, 0.3) {
                    rng.gen_range(0.8..0.9)
                } else {
                    1.0
                };
                items.push(LineItem::new(
                    product.name,
                    quantity,
                    round2(product.price * discount),
                ));
            }
            let mut order = Order::new(
                new_id(rng),
                at,
                c.meta.id,
                date_of(at),
                status,
                items,
                CURRENCY,
            );
            if chance(rng, 0.2) {
                order.external_id = Some(format!("SHOP-{}", rng.gen_range(100_000..1_000_000)));
            }
            bought.extend(picked);
            let total = order.total;
            out.orders.push(order);
            total
        };
        for &t in &times {
            let status = if chance(rng, 0.04) {
                OrderStatus::Cancelled
            } else if chance(rng, [0.01, 0.12, 0.03, 0.0, 0.01][segment.index()]) {
                OrderStatus::Contract
            } else {
                OrderStatus::Order
            };
            let total = push_order(rng, t, status, out);
            if status.is_revenue() {
                revenue += total;
                revenue_orders += 1;
                last_purchase = Some(t);
            }
        }
        let open_quote = if revenue_orders == 0 {
            chance(rng, 0.25)
        } else {
            chance(rng, 0.06) && active_end == now
        };
        if open_quote {
            let at = (now - rng.gen_range(1..60) * DAY_MS).max(created);
            push_order(rng, at, OrderStatus::Quote, out);
        }

        // Lifecycle stage follows the orders.
        c.lifecycle = match last_purchase {
            None if open_quote => LifecycleStage::Opportunity,
            None if chance(rng, 0.6) => LifecycleStage::Lead,
            None => LifecycleStage::Subscriber,
            Some(t) if now - t > 365 * DAY_MS => LifecycleStage::Churned,
            Some(_) if revenue_orders >= 5 && s_eff >= 4.0 => LifecycleStage::Evangelist,
            Some(_) => LifecycleStage::Customer,
        };
        let product_name = |rng: &mut Xoshiro256PlusPlus| -> &'static str {
            match bought.as_slice() {
                [] => PRODUCTS[weighted(rng, weights)].name,
                b => PRODUCTS[*pick(rng, b)].name,
            }
        };

        // Tickets, in time order: later ones and slow ones get lower ratings.
        let first_activity = times.first().copied().unwrap_or(created);
        let mut opened: Vec<Timestamp> = drafts
            .iter()
            .map(|_| rng.gen_range(first_activity..now))
            .collect();
        opened.sort_unstable();
        rng_shuffle_pairs(rng, &mut drafts);
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

        // Timeline.
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

        // Deals and the tasks they bring.
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
                deal.stage = self.pipeline.stages[stage].clone();
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

/// Shuffles ticket drafts so priorities are not sorted by opening time.
fn rng_shuffle_pairs<T>(rng: &mut impl Rng, items: &mut [T]) {
    for i in (1..items.len()).rev() {
        items.swap(i, rng.gen_range(0..=i));
    }
}

fn round2(x: f64) -> f64 {
    (x * 100.0).round() / 100.0
}
