//! What a demo customer buys: purchase times until they churn, the campaigns
//! that reach them, their orders (and perhaps an open quote), and the
//! lifecycle stage that follows.

use rand::Rng;
use rand_xoshiro::Xoshiro256PlusPlus;

use super::{round2, Mood, Person, Purchases};
use crate::demo::catalogue::{CURRENCY, PRODUCTS};
use crate::demo::sample::{chance, exponential, poisson, weighted};
use crate::demo::{DemoBatch, DemoGenerator, YEAR_MS};
use crate::model::{
    date_of, new_id, CampaignMember, Customer, LifecycleStage, LineItem, Order, OrderStatus,
    Timestamp, DAY_MS,
};

impl DemoGenerator {
    /// Draws the purchases, records the campaign responses and orders, and
    /// sets the lifecycle stage.
    pub(super) fn purchases(
        &mut self,
        p: &Person,
        mood: &Mood,
        c: &mut Customer,
        out: &mut DemoBatch,
    ) -> Purchases {
        let Person {
            now,
            segment,
            prof,
            created,
            ..
        } = *p;
        let &Mood {
            s_eff,
            activity,
            buyer,
            ..
        } = mood;
        let rng = &mut self.rng;

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
        Purchases {
            times,
            active_end,
            revenue,
            revenue_orders,
            bought,
            sensitive,
        }
    }
}
