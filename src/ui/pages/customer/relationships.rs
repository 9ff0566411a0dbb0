//! The customer page's "Relationships" card.

use crate::model::Id;
use leptos::prelude::*;

/// Who this customer is linked to.
#[component]
pub fn Relationships(customer: Id) -> impl IntoView {
    let _ = customer;
}
