//! Links between two customers (who referred whom, colleagues, family,
//! partners), the edges of the relationship network analysis.

use serde::{Deserialize, Serialize};

use super::{
    check_range, impl_record, labelled_enum, FieldErrorKind, Id, Meta, Timestamp, ValidationErrors,
};

labelled_enum! {
    /// What links two customers.
    pub enum RelationshipKind ("relationship kind") {
        /// `from` referred `to`.
        Referred => "Referred" (relationship_referred) | "referral",
        /// Work together.
        Colleague => "Colleague" (relationship_colleague) | "coworker",
        /// Related.
        Family => "Family" (relationship_family),
        /// Business or life partners.
        Partner => "Partner" (relationship_partner) | "spouse",
    }
}

impl RelationshipKind {
    /// Whether the link has a direction (only referrals do).
    pub fn is_directed(self) -> bool {
        self == RelationshipKind::Referred
    }
}

/// A link from one customer to another.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Relationship {
    /// Id, timestamps, version, trash mark.
    #[serde(flatten)]
    pub meta: Meta,
    /// One customer (the referrer, for referrals).
    pub from: Id,
    /// The other customer (the one referred).
    pub to: Id,
    /// What links them.
    pub kind: RelationshipKind,
    /// How strong the link is, 0 to 1.
    pub strength: f64,
}

impl_record!(Relationship, "relationships");

impl Relationship {
    /// A new link.
    pub fn new(
        id: Id,
        now: Timestamp,
        from: Id,
        to: Id,
        kind: RelationshipKind,
        strength: f64,
    ) -> Self {
        Relationship {
            meta: Meta::new(id, now),
            from,
            to,
            kind,
            strength,
        }
    }

    /// Whether the link touches `customer`.
    pub fn involves(&self, customer: Id) -> bool {
        self.from == customer || self.to == customer
    }

    /// The customer at the other end from `customer`, if the link touches it.
    pub fn other(&self, customer: Id) -> Option<Id> {
        if self.from == customer {
            Some(self.to)
        } else if self.to == customer {
            Some(self.from)
        } else {
            None
        }
    }

    /// How the link reads from `customer`'s page, in the current language:
    /// "Referred" (this
    /// customer referred the other), "Referred by", "Colleague", "Family",
    /// "Partner".
    pub fn phrase_for(&self, customer: Id) -> &'static str {
        match self.kind {
            RelationshipKind::Referred if self.to == customer => crate::i18n::labels::referred_by(),
            kind => kind.display(),
        }
    }

    /// Whether `other` links the same two customers in the same way (the
    /// same direction, for referrals): adding it again would be a duplicate.
    pub fn same_link(&self, other: &Relationship) -> bool {
        self.kind == other.kind
            && if self.kind.is_directed() {
                (self.from, self.to) == (other.from, other.to)
            } else {
                (self.from, self.to) == (other.from, other.to)
                    || (self.from, self.to) == (other.to, other.from)
            }
    }

    fn check(&self, errors: &mut ValidationErrors) {
        if self.from == self.to {
            errors.push("to", FieldErrorKind::SameAsOther);
        }
        check_range(errors, "strength", self.strength, 0.0, 1.0);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Record;
    use uuid::Uuid;

    #[test]
    fn a_customer_cannot_be_linked_to_itself() {
        let r = Relationship::new(
            Uuid::from_u128(1),
            0,
            Uuid::from_u128(2),
            Uuid::from_u128(2),
            RelationshipKind::Colleague,
            0.5,
        );
        assert_eq!(
            r.validate().unwrap_err().for_field("to").next(),
            Some(&FieldErrorKind::SameAsOther)
        );
    }

    #[test]
    fn strength_outside_zero_one_is_refused() {
        let r = Relationship::new(
            Uuid::from_u128(1),
            0,
            Uuid::from_u128(2),
            Uuid::from_u128(3),
            RelationshipKind::Referred,
            -0.1,
        );
        assert!(r.validate().unwrap_err().has("strength"));
        let r = Relationship {
            strength: f64::NAN,
            ..r
        };
        assert_eq!(
            r.validate().unwrap_err().for_field("strength").next(),
            Some(&FieldErrorKind::NotANumber)
        );
    }

    #[test]
    fn other_end_is_found_from_either_side() {
        let (a, b) = (Uuid::from_u128(2), Uuid::from_u128(3));
        let r = Relationship::new(Uuid::from_u128(1), 0, a, b, RelationshipKind::Family, 1.0);
        assert_eq!(
            (r.other(a), r.other(b), r.other(Uuid::from_u128(9))),
            (Some(b), Some(a), None)
        );
        assert!(!r.kind.is_directed());
    }

    #[test]
    fn serde_round_trip_keeps_every_field() {
        let r = Relationship::new(
            Uuid::from_u128(1),
            3,
            Uuid::from_u128(2),
            Uuid::from_u128(3),
            RelationshipKind::Referred,
            0.75,
        );
        let back: Relationship = serde_json::from_str(&serde_json::to_string(&r).unwrap()).unwrap();
        assert_eq!(back, r);
    }

    #[test]
    fn a_link_reads_from_either_end_and_duplicates_are_recognised() {
        let (a, b) = (Uuid::from_u128(2), Uuid::from_u128(3));
        let referral =
            Relationship::new(Uuid::from_u128(1), 0, a, b, RelationshipKind::Referred, 0.5);
        assert_eq!(
            (referral.phrase_for(a), referral.phrase_for(b)),
            ("Referred", "Referred by")
        );
        let back = Relationship::new(Uuid::from_u128(4), 0, b, a, RelationshipKind::Referred, 0.5);
        assert!(!referral.same_link(&back), "a referral has a direction");
        let colleague = Relationship::new(
            Uuid::from_u128(5),
            0,
            a,
            b,
            RelationshipKind::Colleague,
            0.5,
        );
        let colleague_back = Relationship::new(
            Uuid::from_u128(6),
            0,
            b,
            a,
            RelationshipKind::Colleague,
            0.9,
        );
        assert!(colleague.same_link(&colleague_back));
        assert!(!colleague.same_link(&referral));
        assert_eq!(colleague.phrase_for(b), "Colleague");
    }
}
