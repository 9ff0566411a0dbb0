//! The records that point at the customers merged away (found through the
//! `by_customer` indexes, trashed ones included) and how each moves to the
//! survivor.

use crate::model::{
    Campaign, CampaignMember, Deal, Id, Interaction, Order, PropensityScores, Record, Relationship,
    Task, Ticket, Timestamp, SCORES_ID,
};
use crate::store::{ChangeSet, Collection, Store, StoreError, Stored};

/// Everything attached to the merged customers, as read.
pub(super) struct Moved {
    survivor: Id,
    merged: Vec<Id>,
    interactions: Vec<Interaction>,
    tasks: Vec<Task>,
    orders: Vec<Order>,
    deals: Vec<Deal>,
    tickets: Vec<Ticket>,
    relationships: Vec<Relationship>,
    /// The survivor's own links, to spot links that would be duplicates.
    survivor_links: Vec<Relationship>,
    campaigns: Vec<Campaign>,
    /// The scores record, when it holds a merged customer's score.
    scores: Option<PropensityScores>,
}

/// The records of type `R` attached to any of `ids`, each once.
async fn attached<S: Store, R: Stored>(store: &S, ids: &[Id]) -> Result<Vec<R>, StoreError> {
    let mut out: Vec<R> = Vec::new();
    for id in ids {
        for r in store.for_customer::<R>(*id).await? {
            if !out.iter().any(|o| o.id() == r.id()) {
                out.push(r);
            }
        }
    }
    Ok(out)
}

impl Moved {
    pub(super) async fn read<S: Store>(
        store: &S,
        survivor: Id,
        merged: &[Id],
    ) -> Result<Moved, StoreError> {
        let scores: Option<PropensityScores> = store.get(SCORES_ID).await?;
        Ok(Moved {
            survivor,
            merged: merged.to_vec(),
            interactions: attached(store, merged).await?,
            tasks: attached(store, merged).await?,
            orders: attached(store, merged).await?,
            deals: attached(store, merged).await?,
            tickets: attached(store, merged).await?,
            relationships: attached(store, merged).await?,
            survivor_links: store.for_customer(survivor).await?,
            campaigns: attached(store, merged).await?,
            scores: scores.filter(|s| s.scores.iter().any(|(id, _)| merged.contains(id))),
        })
    }

    /// How many records of each collection move (non-zero only).
    pub(super) fn counts(&self) -> Vec<(Collection, usize)> {
        [
            (Collection::Interactions, self.interactions.len()),
            (Collection::Tasks, self.tasks.len()),
            (Collection::Orders, self.orders.len()),
            (Collection::Deals, self.deals.len()),
            (Collection::Tickets, self.tickets.len()),
            (Collection::Relationships, self.relationships.len()),
            (Collection::Campaigns, self.campaigns.len()),
            (Collection::Scores, usize::from(self.scores.is_some())),
        ]
        .into_iter()
        .filter(|(_, n)| *n > 0)
        .collect()
    }

    /// The survivor for a merged id, else the id itself.
    fn map(&self, id: Id) -> Id {
        if self.merged.contains(&id) {
            self.survivor
        } else {
            id
        }
    }

    /// Adds every move to `changes`, each edit checked against its version.
    pub(super) fn write(self, changes: &mut ChangeSet, now: Timestamp) -> Result<(), StoreError> {
        let survivor = self.survivor;
        for mut r in self.interactions.iter().cloned() {
            r.customer_id = survivor;
            r.touch(now);
            changes.update(&r)?;
        }
        for mut r in self.tasks.iter().cloned() {
            r.customer_id = Some(survivor);
            r.touch(now);
            changes.update(&r)?;
        }
        for mut r in self.orders.iter().cloned() {
            r.customer_id = survivor;
            r.touch(now);
            changes.update(&r)?;
        }
        for mut r in self.deals.iter().cloned() {
            r.customer_id = survivor;
            r.touch(now);
            changes.update(&r)?;
        }
        for mut r in self.tickets.iter().cloned() {
            r.customer_id = survivor;
            r.touch(now);
            changes.update(&r)?;
        }
        self.write_links(changes, now)?;
        for campaign in &self.campaigns {
            let mut c = campaign.clone();
            c.members = self.members(&campaign.members);
            c.touch(now);
            changes.update(&c)?;
        }
        if let Some(mut scores) = self.scores.clone() {
            let has_own = scores.scores.iter().any(|(id, _)| *id == survivor);
            let mut taken = has_own;
            scores.scores.retain_mut(|(id, _)| {
                if !self.merged.contains(id) {
                    return true;
                }
                if taken {
                    return false;
                }
                taken = true;
                *id = survivor;
                true
            });
            scores.touch(now);
            changes.update(&scores)?;
        }
        Ok(())
    }

    /// Relationships: rewritten to the survivor; purged when they would link
    /// the survivor to themselves or duplicate a link already kept (live
    /// links are kept before trashed ones).
    fn write_links(&self, changes: &mut ChangeSet, now: Timestamp) -> Result<(), StoreError> {
        let mut kept: Vec<Relationship> = self
            .survivor_links
            .iter()
            .filter(|l| !self.relationships.iter().any(|r| r.id() == l.id()))
            .cloned()
            .collect();
        kept.sort_by_key(Record::is_deleted);
        let mut links: Vec<&Relationship> = self.relationships.iter().collect();
        links.sort_by_key(|l| l.is_deleted());
        for link in links {
            let mut moved = link.clone();
            moved.from = self.map(link.from);
            moved.to = self.map(link.to);
            let to_self = moved.from == moved.to;
            if to_self || kept.iter().any(|k| k.same_link(&moved)) {
                changes.purge_at(Relationship::COLLECTION, link.id(), link.meta().version);
            } else {
                moved.touch(now);
                changes.update(&moved)?;
                kept.push(moved);
            }
        }
        Ok(())
    }

    /// A campaign's members with the merged customers replaced by the
    /// survivor, who appears once, with the most advanced response (ties:
    /// the survivor's own, else the first), at the first one's place.
    fn members(&self, members: &[CampaignMember]) -> Vec<CampaignMember> {
        let rank = |m: &CampaignMember| (m.converted, m.clicked, m.opened);
        let ours = |m: &&CampaignMember| m.customer_id == self.survivor;
        let candidates: Vec<&CampaignMember> = members
            .iter()
            .filter(|m| self.map(m.customer_id) == self.survivor)
            .collect();
        let best = candidates
            .iter()
            .copied()
            .filter(ours)
            .chain(candidates.iter().copied())
            .fold(None::<&CampaignMember>, |best, m| match best {
                Some(b) if rank(b) >= rank(m) => Some(b),
                _ => Some(m),
            });
        let mut out = Vec::with_capacity(members.len());
        let mut placed = false;
        for m in members {
            if self.map(m.customer_id) != self.survivor {
                out.push(m.clone());
            } else if !placed {
                placed = true;
                if let Some(best) = best {
                    out.push(CampaignMember {
                        customer_id: self.survivor,
                        ..best.clone()
                    });
                }
            }
        }
        out
    }
}
