//! Tallies: the sums the Dashboard and the Orders page's totals show, kept
//! by the write path so a visit reads a few small values instead of every
//! record (issue #13, "Pages that add up the whole store").
//!
//! - A [`Fact`] is what one live record adds to the sums: a customer's
//!   creation day; an order's day, status, currency, total and buyer; a
//!   deal's stage and value; a ticket's opening and solving days, whether it
//!   is still open and its rating; each with its customer, for the
//!   per-customer figures of the segmentation's feature table. Trashed
//!   records add nothing.
//! - A [`Tally`] is the sum of the facts of a set of records, per day (and
//!   per currency, stage, buyer), with exact integer arithmetic: money is
//!   counted in millionths ([`MICROS`]), so adding and taking away a record
//!   in any order gives the same tally, and entries that fall to zero are
//!   removed (a tally of nothing is `Tally::default()`).
//! - The paged store keeps one tally per page, next to the page, updated in
//!   the same transaction as each change set (`store::page::merge`): the
//!   old version of each written record is taken away and the new one
//!   added. A collection's tally is the sum of its pages' ([`Store::tally`]
//!   reads only those). `MemStore` sums its records when asked.
//! - `analytics::tallied` turns tallies into the Dashboard's figures and the
//!   Orders page's totals by month; tests check them against the functions
//!   that add up whole records.
//!
//! [`Store::tally`]: super::Store::tally

use super::{Collection, Envelope};
use crate::model::{
    date_of, Customer, Deal, Id, Order, OrderStatus, Pipeline, Ticket, TicketStatus,
};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

#[cfg(test)]
mod tests;

/// Money in a tally is counted in millionths of a currency unit.
pub const MICROS: f64 = 1_000_000.0;

/// An amount in millionths (non-finite amounts count as nothing).
pub fn to_micros(amount: f64) -> i64 {
    if amount.is_finite() {
        (amount * MICROS).round() as i64
    } else {
        0
    }
}

/// Millionths back to an amount.
pub fn from_micros(micros: i64) -> f64 {
    micros as f64 / MICROS
}

/// A day as its Julian day number (how tallies key days).
pub type Day = i32;

/// What one live record adds to its collection's tally.
#[derive(Debug, Clone, PartialEq)]
pub enum Fact {
    /// A customer, by the day it was created.
    Customer {
        /// Creation day.
        created: Day,
    },
    /// An order (quote, order, contract or cancelled).
    Order {
        /// The buyer.
        customer: Id,
        /// The order's date.
        day: Day,
        /// Its status.
        status: OrderStatus,
        /// Its currency code.
        currency: String,
        /// Its total, in millionths.
        total: i64,
    },
    /// A deal.
    Deal {
        /// The customer it is with.
        customer: Id,
        /// Its stage, as spelled on the deal.
        stage: String,
        /// Its value, in millionths.
        value: i64,
    },
    /// A ticket.
    Ticket {
        /// The customer who opened it.
        customer: Id,
        /// Its satisfaction rating, solved or not.
        satisfaction: Option<u8>,
        /// The day it was opened.
        opened: Day,
        /// Whether it is not solved.
        open: bool,
        /// The day it was solved and its rating, when rated.
        rated: Option<(Day, u8)>,
    },
}

impl Fact {
    /// A customer's fact.
    pub fn of_customer(customer: &Customer) -> Fact {
        Fact::Customer {
            created: day_of(customer.meta.created_at),
        }
    }

    /// An order's fact.
    pub fn of_order(order: &Order) -> Fact {
        Fact::Order {
            customer: order.customer_id,
            day: order.date.to_julian_day(),
            status: order.status,
            currency: order.currency.clone(),
            total: to_micros(order.total),
        }
    }

    /// A deal's fact.
    pub fn of_deal(deal: &Deal) -> Fact {
        Fact::Deal {
            customer: deal.customer_id,
            stage: deal.stage.clone(),
            value: to_micros(deal.value),
        }
    }

    /// A ticket's fact.
    pub fn of_ticket(ticket: &Ticket) -> Fact {
        Fact::Ticket {
            customer: ticket.customer_id,
            satisfaction: ticket.satisfaction,
            opened: day_of(ticket.opened_at),
            open: ticket.status != TicketStatus::Solved,
            rated: ticket
                .solved_at
                .zip(ticket.satisfaction)
                .map(|(solved, rating)| (day_of(solved), rating)),
        }
    }

    /// The fact of a stored record of `collection` from its JSON; `None`
    /// for collections without a tally and for JSON that is not a record
    /// (a damaged record counts as nothing rather than failing a write).
    pub fn of_json(collection: &str, json: &str) -> Option<Fact> {
        fn read<R: serde::de::DeserializeOwned>(json: &str, fact: fn(&R) -> Fact) -> Option<Fact> {
            serde_json::from_str::<R>(json).ok().map(|r| fact(&r))
        }
        match Collection::from_name(collection)? {
            Collection::Customers => read(json, Fact::of_customer),
            Collection::Orders => read(json, Fact::of_order),
            Collection::Deals => read(json, Fact::of_deal),
            Collection::Tickets => read(json, Fact::of_ticket),
            _ => None,
        }
    }

    /// The fact of a live envelope: the one computed when it was made, else
    /// read from its JSON. `None` for trashed records and collections
    /// without a tally.
    pub fn of_envelope(collection: &str, envelope: &Envelope) -> Option<Fact> {
        if envelope.deleted || !is_tallied(collection) {
            return None;
        }
        match envelope.fact.get() {
            Some(fact) => Some(fact.clone()),
            None => Fact::of_json(collection, &envelope.json),
        }
    }
}

fn day_of(ts: crate::model::Timestamp) -> Day {
    date_of(ts).to_julian_day()
}

/// The collections that keep a tally.
pub const TALLIED: [&str; 4] = ["customers", "orders", "deals", "tickets"];

/// Whether `collection` keeps a tally.
pub fn is_tallied(collection: &str) -> bool {
    TALLIED.contains(&collection)
}

/// One day of orders.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct DayOrders {
    /// Live orders dated that day, of any status.
    #[serde(rename = "n")]
    pub live: u32,
    /// Of those, quotes.
    #[serde(default, skip_serializing_if = "is_zero", rename = "q")]
    pub quotes: u32,
    /// Orders and contracts per currency: how many, and their totals in
    /// millionths.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty", rename = "r")]
    pub revenue: BTreeMap<String, (u32, i64)>,
}

/// One buyer's orders and contracts.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Buyer {
    /// The day of each, ascending.
    #[serde(rename = "d")]
    pub days: Vec<Day>,
    /// Their totals added up, in any currency, in millionths.
    #[serde(default, rename = "s")]
    pub spent: i64,
}

/// One ticket day: tickets opened, and ratings of tickets solved that day.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct TicketDay {
    /// Tickets opened that day.
    #[serde(default, skip_serializing_if = "is_zero", rename = "o")]
    pub opened: u32,
    /// Rated tickets solved that day.
    #[serde(default, skip_serializing_if = "is_zero", rename = "n")]
    pub rated: u32,
    /// The sum of their ratings.
    #[serde(default, skip_serializing_if = "is_zero", rename = "s")]
    pub rating_sum: u32,
}

fn is_zero(n: &u32) -> bool {
    *n == 0
}

/// The sums of the facts of a set of records (see the module docs). Each
/// collection fills only its own part.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Tally {
    /// Customers created per day.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty", rename = "c")]
    pub created: BTreeMap<Day, u32>,
    /// Orders per day.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty", rename = "o")]
    pub orders: BTreeMap<Day, DayOrders>,
    /// Per buyer, their orders and contracts: the days (one entry per
    /// order, ascending) and what they spent in all, in any currency.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty", rename = "b")]
    pub buyers: BTreeMap<Id, Buyer>,
    /// Per customer, their deals: how many, and how many won.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty", rename = "k")]
    pub dealers: BTreeMap<Id, (u32, u32)>,
    /// Per customer, their tickets: how many, how many rated, the ratings' sum.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty", rename = "r")]
    pub requesters: BTreeMap<Id, (u32, u32, u32)>,
    /// Deals per stage (as spelled on the deals): how many, and their
    /// values in millionths.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty", rename = "s")]
    pub stages: BTreeMap<String, (u32, i64)>,
    /// Tickets not solved.
    #[serde(default, skip_serializing_if = "is_zero", rename = "u")]
    pub open_tickets: u32,
    /// Tickets per day.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty", rename = "t")]
    pub tickets: BTreeMap<Day, TicketDay>,
}

impl Tally {
    /// Adds one record's fact.
    pub fn add(&mut self, fact: &Fact) {
        self.apply(fact, true);
    }

    /// Takes one record's fact away (what [`Tally::add`] added).
    pub fn remove(&mut self, fact: &Fact) {
        self.apply(fact, false);
    }

    /// The tally of every live envelope of `collection`.
    pub fn of_envelopes<'e>(
        collection: &str,
        envelopes: impl IntoIterator<Item = &'e Envelope>,
    ) -> Tally {
        let mut tally = Tally::default();
        for envelope in envelopes {
            if let Some(fact) = Fact::of_envelope(collection, envelope) {
                tally.add(&fact);
            }
        }
        tally
    }

    /// Adds another tally to this one.
    pub fn absorb(&mut self, other: Tally) {
        for (day, n) in other.created {
            *self.created.entry(day).or_default() += n;
        }
        for (day, o) in other.orders {
            let mine = self.orders.entry(day).or_default();
            mine.live += o.live;
            mine.quotes += o.quotes;
            for (code, (n, sum)) in o.revenue {
                let entry = mine.revenue.entry(code).or_default();
                entry.0 += n;
                entry.1 += sum;
            }
        }
        for (id, buyer) in other.buyers {
            let mine = self.buyers.entry(id).or_default();
            mine.days.extend(buyer.days);
            mine.days.sort_unstable();
            mine.spent += buyer.spent;
        }
        for (id, (n, won)) in other.dealers {
            let mine = self.dealers.entry(id).or_default();
            mine.0 += n;
            mine.1 += won;
        }
        for (id, (n, rated, sum)) in other.requesters {
            let mine = self.requesters.entry(id).or_default();
            mine.0 += n;
            mine.1 += rated;
            mine.2 += sum;
        }
        for (stage, (n, sum)) in other.stages {
            let entry = self.stages.entry(stage).or_default();
            entry.0 += n;
            entry.1 += sum;
        }
        self.open_tickets += other.open_tickets;
        for (day, t) in other.tickets {
            let mine = self.tickets.entry(day).or_default();
            mine.opened += t.opened;
            mine.rated += t.rated;
            mine.rating_sum += t.rating_sum;
        }
    }

    /// Live customers.
    pub fn customers(&self) -> usize {
        self.created.values().map(|n| *n as usize).sum()
    }

    /// This tally without its per-customer maps ([`Tally::buyers`],
    /// [`Tally::dealers`], [`Tally::requesters`]): the figures by day, by
    /// stage and in all, which is what the Orders page's totals and most of
    /// the Dashboard read, at a fraction of the size (the per-buyer days are
    /// most of an orders tally).
    pub fn without_people(&self) -> Tally {
        Tally {
            buyers: BTreeMap::new(),
            dealers: BTreeMap::new(),
            requesters: BTreeMap::new(),
            ..self.clone()
        }
    }

    /// The live records counted (of whichever collection this tally is):
    /// customers by creation day, orders by date, deals by stage, tickets by
    /// opening day.
    pub fn live_records(&self) -> usize {
        self.customers()
            + self.orders.values().map(|o| o.live as usize).sum::<usize>()
            + self
                .stages
                .values()
                .map(|(n, _)| *n as usize)
                .sum::<usize>()
            + self
                .tickets
                .values()
                .map(|t| t.opened as usize)
                .sum::<usize>()
    }

    fn apply(&mut self, fact: &Fact, adding: bool) {
        match fact {
            Fact::Customer { created } => count(&mut self.created, *created, adding),
            Fact::Order {
                customer,
                day,
                status,
                currency,
                total,
            } => {
                let entry = self.orders.entry(*day).or_default();
                step(&mut entry.live, adding);
                if *status == OrderStatus::Quote {
                    step(&mut entry.quotes, adding);
                }
                if status.is_revenue() {
                    sum(&mut entry.revenue, currency, *total, adding);
                    let buyer = self.buyers.entry(*customer).or_default();
                    if adding {
                        let at = buyer.days.partition_point(|d| d < day);
                        buyer.days.insert(at, *day);
                        buyer.spent = buyer.spent.saturating_add(*total);
                    } else if let Ok(at) = buyer.days.binary_search(day) {
                        buyer.days.remove(at);
                        buyer.spent = buyer.spent.saturating_sub(*total);
                    }
                    if buyer.days.is_empty() {
                        self.buyers.remove(customer);
                    }
                }
                if *entry == DayOrders::default() {
                    self.orders.remove(day);
                }
            }
            Fact::Deal {
                customer,
                stage,
                value,
            } => {
                sum(&mut self.stages, stage, *value, adding);
                let entry = self.dealers.entry(*customer).or_default();
                step(&mut entry.0, adding);
                if stage.trim().eq_ignore_ascii_case(Pipeline::WON) {
                    step(&mut entry.1, adding);
                }
                if entry.0 == 0 {
                    self.dealers.remove(customer);
                }
            }
            Fact::Ticket {
                customer,
                satisfaction,
                opened,
                open,
                rated,
            } => {
                let entry = self.requesters.entry(*customer).or_default();
                step(&mut entry.0, adding);
                if let Some(rating) = satisfaction {
                    step(&mut entry.1, adding);
                    let rating = u32::from(*rating);
                    entry.2 = if adding {
                        entry.2.saturating_add(rating)
                    } else {
                        entry.2.saturating_sub(rating)
                    };
                }
                if entry.0 == 0 {
                    self.requesters.remove(customer);
                }
                if *open {
                    step(&mut self.open_tickets, adding);
                }
                let entry = self.tickets.entry(*opened).or_default();
                step(&mut entry.opened, adding);
                if let Some((solved, rating)) = rated {
                    let entry = self.tickets.entry(*solved).or_default();
                    step(&mut entry.rated, adding);
                    let rating = u32::from(*rating);
                    entry.rating_sum = if adding {
                        entry.rating_sum.saturating_add(rating)
                    } else {
                        entry.rating_sum.saturating_sub(rating)
                    };
                }
                for day in [Some(*opened), rated.map(|r| r.0)].into_iter().flatten() {
                    if self.tickets.get(&day) == Some(&TicketDay::default()) {
                        self.tickets.remove(&day);
                    }
                }
            }
        }
    }
}

fn step(n: &mut u32, adding: bool) {
    *n = if adding {
        n.saturating_add(1)
    } else {
        n.saturating_sub(1)
    };
}

fn count(map: &mut BTreeMap<Day, u32>, day: Day, adding: bool) {
    let n = map.entry(day).or_default();
    step(n, adding);
    if *n == 0 {
        map.remove(&day);
    }
}

fn sum(map: &mut BTreeMap<String, (u32, i64)>, key: &str, amount: i64, adding: bool) {
    let entry = map.entry(key.to_owned()).or_default();
    step(&mut entry.0, adding);
    entry.1 = if adding {
        entry.1.saturating_add(amount)
    } else {
        entry.1.saturating_sub(amount)
    };
    if entry.0 == 0 {
        map.remove(key);
    }
}

/// A cached [`Fact`] riding along with an [`Envelope`]: filled when the
/// envelope is made from a typed record, so the write path need not parse
/// the JSON again. It is a cache of what the JSON says, not part of the
/// record: it is never stored and never makes two envelopes unequal.
#[derive(Debug, Clone, Default)]
pub struct FactCache(Option<Fact>);

impl FactCache {
    /// A cache holding `fact`.
    pub fn of(fact: Option<Fact>) -> FactCache {
        FactCache(fact)
    }

    /// The cached fact, if any.
    pub fn get(&self) -> Option<&Fact> {
        self.0.as_ref()
    }
}

impl PartialEq for FactCache {
    fn eq(&self, _: &FactCache) -> bool {
        true
    }
}
