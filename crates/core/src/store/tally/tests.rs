//! Tallies: exact add/remove, and the paged store's per-page tallies equal
//! to the sums of its records after every kind of write.

use super::*;
use crate::demo::{DemoConfig, DemoGenerator};
use crate::model::{OrderStatus, Record, TicketStatus, Timestamp};
use crate::store::page::paged_mem::PagedMem;
use crate::store::{ChangeSet, Collection, Store};
use rand::{Rng, SeedableRng};
use rand_xoshiro::Xoshiro256PlusPlus;
use std::future::Future;
use std::pin::pin;
use std::task::{Context, Poll, Waker};

const NOW: Timestamp = 1_750_000_000_000;
const TALLIED: [Collection; 4] = [
    Collection::Customers,
    Collection::Orders,
    Collection::Deals,
    Collection::Tickets,
];

fn run_ready<F: Future>(future: F) -> F::Output {
    let mut cx = Context::from_waker(Waker::noop());
    match pin!(future).poll(&mut cx) {
        Poll::Ready(out) => out,
        Poll::Pending => panic!("in-memory futures complete without waiting"),
    }
}

/// A deterministic random stream, as the demo generator uses.
struct Dice(Xoshiro256PlusPlus);

impl Dice {
    fn seeded(seed: u64) -> Dice {
        Dice(Xoshiro256PlusPlus::seed_from_u64(seed))
    }

    fn below(&mut self, n: usize) -> usize {
        self.0.gen_range(0..n.max(1))
    }
}

fn demo_into(store: &PagedMem, customers: usize) {
    let mut g = DemoGenerator::new(DemoConfig { seed: 7, customers }, NOW);
    while let Some(batch) = g.next_batch(40) {
        run_ready(store.apply(&batch.to_change_set("demo").unwrap())).unwrap();
    }
}

/// The store's tally of each tallied collection equals the sum of its
/// records' facts.
fn assert_tallies_match_records(store: &PagedMem, when: &str) {
    for c in TALLIED {
        let envelopes = run_ready(store.envelopes(c)).unwrap();
        let expected = Tally::of_envelopes(c.name(), &envelopes);
        let kept = run_ready(store.tally(c)).unwrap();
        assert_eq!(kept, expected, "{} {when}", c.name());
    }
}

/// One random edit of a stored record, as the app would make it.
fn random_edit(store: &PagedMem, dice: &mut Dice, now: Timestamp) -> ChangeSet {
    let mut cs = ChangeSet::new("edit");
    match dice.below(4) {
        0 => {
            let mut all: Vec<Order> = run_ready(store.all()).unwrap();
            let at = dice.below(all.len());
            let Some(order) = all.get_mut(at) else {
                return cs;
            };
            match dice.below(5) {
                0 => order.date = order.date.saturating_add(time::Duration::days(40)),
                1 => {
                    order.status = [
                        OrderStatus::Quote,
                        OrderStatus::Order,
                        OrderStatus::Contract,
                        OrderStatus::Cancelled,
                    ][dice.below(4)]
                }
                2 => order.currency = ["USD", "EUR", "CNY"][dice.below(3)].into(),
                3 => {
                    if let Some(line) = order.line_items.first_mut() {
                        line.quantity = 1.0 + dice.below(9) as f64;
                    }
                    order.recompute_total();
                }
                _ => order.meta.deleted_at = order.meta.deleted_at.xor(Some(now)),
            }
            order.touch(now);
            cs.update(order).unwrap();
        }
        1 => {
            let mut all: Vec<Deal> = run_ready(store.all()).unwrap();
            let at = dice.below(all.len());
            let Some(deal) = all.get_mut(at) else {
                return cs;
            };
            if dice.below(2) == 0 {
                deal.stage = ["Lead", "Won", "Lost", "Proposal"][dice.below(4)].into();
            } else {
                deal.value = dice.below(50_000) as f64 + 0.25;
            }
            deal.touch(now);
            cs.update(deal).unwrap();
        }
        2 => {
            let mut all: Vec<Ticket> = run_ready(store.all()).unwrap();
            let at = dice.below(all.len());
            let Some(ticket) = all.get_mut(at) else {
                return cs;
            };
            if ticket.status == TicketStatus::Solved {
                ticket.status = TicketStatus::Open;
                ticket.solved_at = None;
                ticket.satisfaction = None;
            } else {
                ticket.status = TicketStatus::Solved;
                ticket.solved_at = Some(now);
                ticket.satisfaction = Some(1 + dice.below(5) as u8);
            }
            ticket.touch(now);
            cs.update(ticket).unwrap();
        }
        _ => {
            let all: Vec<Customer> = run_ready(store.all()).unwrap();
            let Some(customer) = all.get(dice.below(all.len())) else {
                return cs;
            };
            if dice.below(3) == 0 {
                cs.purge::<Customer>(customer.id());
            } else {
                let mut customer = customer.clone();
                customer.meta.deleted_at = customer.meta.deleted_at.xor(Some(now));
                customer.touch(now);
                cs.update(&customer).unwrap();
            }
        }
    }
    cs
}

#[test]
fn adding_then_removing_the_same_facts_in_another_order_leaves_nothing() {
    let store = PagedMem::new();
    demo_into(&store, 60);
    for c in TALLIED {
        let envelopes = run_ready(store.envelopes(c)).unwrap();
        let facts: Vec<Fact> = envelopes
            .iter()
            .filter_map(|e| Fact::of_envelope(c.name(), e))
            .collect();
        assert!(!facts.is_empty(), "{} has records", c.name());
        let mut tally = Tally::default();
        for fact in &facts {
            tally.add(fact);
        }
        assert_eq!(tally, Tally::of_envelopes(c.name(), &envelopes));
        for fact in facts.iter().rev() {
            tally.remove(fact);
        }
        assert_eq!(tally, Tally::default(), "{}", c.name());
    }
}

#[test]
fn a_fact_from_the_json_is_the_fact_of_the_typed_record() {
    let store = PagedMem::new();
    demo_into(&store, 30);
    let orders: Vec<Order> = run_ready(store.all()).unwrap();
    let tickets: Vec<Ticket> = run_ready(store.all()).unwrap();
    for order in &orders {
        let json = serde_json::to_string(order).unwrap();
        assert_eq!(Fact::of_json("orders", &json), Some(Fact::of_order(order)));
    }
    for ticket in &tickets {
        let json = serde_json::to_string(ticket).unwrap();
        assert_eq!(
            Fact::of_json("tickets", &json),
            Some(Fact::of_ticket(ticket))
        );
    }
    assert_eq!(Fact::of_json("orders", "{not json"), None);
    assert_eq!(Fact::of_json("interactions", "{}"), None);
}

#[test]
fn the_paged_stores_tallies_match_its_records_after_random_writes_undo_and_purges() {
    let store = PagedMem::new();
    let other_tab = store.connect();
    demo_into(&store, 80);
    assert_tallies_match_records(&store, "after the demo load");
    let mut dice = Dice::seeded(11);
    let mut undo = Vec::new();
    for step in 0..240 {
        let now = NOW + 1_000 * (step + 1);
        let writer = if step % 3 == 0 { &other_tab } else { &store };
        let cs = random_edit(writer, &mut dice, now);
        if cs.is_empty() {
            continue;
        }
        let inverse = run_ready(writer.apply_undoable(&cs, now)).unwrap();
        undo.push(inverse);
        if step % 7 == 0 {
            if let Some(inverse) = undo.pop() {
                run_ready(store.apply(&inverse)).unwrap();
            }
        }
        if step % 20 == 0 {
            assert_tallies_match_records(&store, &format!("after step {step}"));
            assert_tallies_match_records(&other_tab, &format!("after step {step}"));
        }
    }
    assert_tallies_match_records(&store, "at the end");
    let mut clear = ChangeSet::new("clear");
    clear.clear("orders");
    run_ready(store.apply(&clear)).unwrap();
    assert_eq!(
        run_ready(store.tally(Collection::Orders)).unwrap(),
        Tally::default()
    );
    assert_tallies_match_records(&store, "after a clear");
}

#[test]
fn pages_written_before_tallies_are_counted_from_their_records_and_tallied_when_written() {
    let store = PagedMem::new();
    demo_into(&store, 40);
    let before = run_ready(store.tally(Collection::Orders)).unwrap();
    for page in store.disk.borrow_mut().pages.values_mut() {
        page.tally = None;
    }
    assert_eq!(run_ready(store.tally(Collection::Orders)).unwrap(), before);
    let mut dice = Dice::seeded(5);
    let mut edited = 0;
    while edited < 10 {
        let cs = random_edit(&store, &mut dice, NOW + 5_000 + edited);
        if !cs.is_empty() {
            run_ready(store.apply(&cs)).unwrap();
            edited += 1;
        }
    }
    assert_tallies_match_records(&store, "after edits to untallied pages");
    let tallied_pages = store
        .disk
        .borrow()
        .pages
        .iter()
        .filter(|((c, _), p)| is_tallied(c) && p.tally.is_some())
        .count();
    assert!(tallied_pages > 0, "written pages carry a tally again");
}

#[test]
fn a_tally_round_trips_through_its_json() {
    let store = PagedMem::new();
    demo_into(&store, 20);
    for c in TALLIED {
        let tally = run_ready(store.tally(c)).unwrap();
        let json = serde_json::to_string(&tally).unwrap();
        assert_eq!(serde_json::from_str::<Tally>(&json).unwrap(), tally);
    }
}

#[test]
fn money_is_counted_exactly_in_millionths() {
    assert_eq!(to_micros(12.34), 12_340_000);
    assert_eq!(to_micros(f64::NAN), 0);
    assert_eq!(from_micros(to_micros(0.1) + to_micros(0.2)), 0.3);
}

#[test]
fn a_tally_without_people_keeps_every_figure_by_day_and_stage() {
    let store = PagedMem::new();
    demo_into(&store, 60);
    for c in [Collection::Orders, Collection::Deals, Collection::Tickets] {
        let whole = run_ready(store.tally(c)).unwrap();
        let totals = run_ready(store.tally_totals(c)).unwrap();
        assert_eq!(totals, whole.without_people(), "{}", c.name());
        assert!(
            totals.buyers.is_empty() && totals.dealers.is_empty() && totals.requesters.is_empty()
        );
        // Everything else is the whole tally's, field by field.
        let restored = Tally {
            buyers: whole.buyers.clone(),
            dealers: whole.dealers.clone(),
            requesters: whole.requesters.clone(),
            ..totals.clone()
        };
        assert_eq!(restored, whole, "{}", c.name());
        assert_eq!(totals.live_records(), whole.live_records(), "{}", c.name());
    }
    let orders = run_ready(store.tally(Collection::Orders)).unwrap();
    assert!(
        !orders.buyers.is_empty(),
        "the demo's orders have buyers to strip"
    );
}
