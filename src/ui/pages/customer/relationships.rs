//! The customer page's "Relationships" card: who this customer referred or
//! was referred by, colleagues, family and partners — each a link to the
//! other customer, with its strength and a Remove button (to the trash,
//! with Undo) — and a form to add a link to another customer.
//!
//! These links are the edges the network analysis works on; the demo data
//! has referral chains.

use crate::model::{
    FieldErrorKind, Id, Record, Relationship, RelationshipKind, Uuid, ValidationErrors,
};
use crate::ops;
use crate::store::{Collection, Store, StoreError};
use crate::ui::base_path::app_href;
use crate::ui::components::{CustomerPicker, FormState, PickedCustomer, SaveError};
use crate::ui::state::{customer_name, now_ms, AppState};
use leptos::prelude::*;
use rapport_core::i18n::{common, customer as t};

/// A text of the catalogue, in the current language.
type Text = fn() -> &'static str;

/// What the "Link" select offers: a kind, and for referrals which way.
const LINKS: [(&str, Text); 5] = [
    ("referred", t::link_referred),
    ("referred-by", t::link_referred_by),
    ("colleague", t::link_colleague),
    ("family", t::link_family),
    ("partner", t::link_partner),
];

/// Strength choices, as shown and as stored (0 to 1).
const STRENGTHS: [(Text, f64); 4] = [
    (t::weak, 0.25),
    (t::medium, 0.5),
    (t::strong, 0.75),
    (t::very_strong, 1.0),
];

fn strength_label(strength: f64) -> &'static str {
    STRENGTHS
        .iter()
        .min_by(|a, b| (a.1 - strength).abs().total_cmp(&(b.1 - strength).abs()))
        .map_or_else(t::medium, |s| (s.0)())
}

/// How `link` reads on `customer`'s page, in the user's language (as
/// [`Relationship::phrase_for`] says it in English).
fn phrase(link: &Relationship, customer: Id) -> &'static str {
    match link.kind {
        RelationshipKind::Referred if link.to == customer => t::phrase_referred_by(),
        RelationshipKind::Referred => t::phrase_referred(),
        RelationshipKind::Colleague => t::link_colleague(),
        RelationshipKind::Family => t::link_family(),
        RelationshipKind::Partner => t::link_partner(),
    }
}

/// The live links of `customer`, strongest first.
async fn load(state: AppState, customer: Id) -> Result<Vec<Relationship>, StoreError> {
    let mut links: Vec<Relationship> = state
        .store()?
        .for_customer::<Relationship>(customer)
        .await?
        .into_iter()
        .filter(|r| !r.is_deleted() && r.involves(customer))
        .collect();
    links.sort_by(|a, b| {
        b.strength
            .total_cmp(&a.strength)
            .then(a.kind.label().cmp(b.kind.label()))
    });
    Ok(links)
}

/// The link the form describes, between `customer` and `other`.
fn link_between(customer: Id, other: Id, choice: &str, strength: f64) -> Relationship {
    let (from, to, kind) = match choice {
        "referred-by" => (other, customer, RelationshipKind::Referred),
        "colleague" => (customer, other, RelationshipKind::Colleague),
        "family" => (customer, other, RelationshipKind::Family),
        "partner" => (customer, other, RelationshipKind::Partner),
        _ => (customer, other, RelationshipKind::Referred),
    };
    Relationship::new(Uuid::new_v4(), now_ms(), from, to, kind, strength)
}

/// Who this customer is linked to.
#[component]
pub fn Relationships(customer: Id) -> impl IntoView {
    let state = expect_context::<AppState>();
    let links = LocalResource::new(move || {
        state.track(Collection::Relationships);
        state.index_revision.track();
        load(state, customer)
    });
    let other = PickedCustomer::new();
    let choice = RwSignal::new(LINKS[2].0.to_string());
    let strength = RwSignal::new(0.5f64);
    let form = FormState::new();
    let FormState {
        errors,
        save_error,
        saving,
    } = form;

    let add = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let mut e = ValidationErrors::default();
        let Some(other_id) = other.id() else {
            e.push(
                "to",
                if other.is_unresolved() {
                    FieldErrorKind::Inconsistent(t::pick_from_suggestions())
                } else {
                    FieldErrorKind::Required
                },
            );
            errors.set(e);
            return;
        };
        let link = link_between(
            customer,
            other_id,
            &choice.get_untracked(),
            strength.get_untracked(),
        );
        errors.set(ValidationErrors::default());
        let names = (
            customer_name(&state, &customer),
            customer_name(&state, &other_id),
        );
        leptos::task::spawn_local(async move {
            let built = match state.store() {
                Ok(store) => {
                    ops::records::link_customers(&*store, &link, (&names.0, &names.1)).await
                }
                Err(e) => Err(e.into()),
            };
            // Problems with the fields (a link that exists already among
            // them) are shown next to the fields.
            if let Some(found) = built.as_ref().err().and_then(ops::OpError::field_errors) {
                errors.set(found.clone());
                return;
            }
            state.submit(built, true, form, move || other.clear());
        });
    };
    let remove = move |link: Relationship| {
        let other_name = customer_name(&state, &link.other(customer).unwrap_or(customer));
        let changes = ops::records::unlink(&link, &other_name, now_ms());
        state.save(changes, true, save_error, None, || ());
    };

    let row = move |link: Relationship| {
        let other_id = link.other(customer).unwrap_or(customer);
        let name = customer_name(&state, &other_id);
        let phrase = phrase(&link, customer);
        let label = t::remove_link(name.clone());
        let strength = strength_label(link.strength);
        view! {
            <li class="relationship">
                <span class="badge">{phrase}</span>
                <a href=app_href(&format!("/customers/{other_id}"))>{name}</a>
                <span class="muted">{strength}</span>
                <button type="button" class="link" aria-label=label on:click=move |_| remove(link.clone())>{t::remove()}</button>
            </li>
        }
    };

    view! {
        <section class="card" aria-labelledby="relationships-heading">
            <h2 id="relationships-heading">{t::relationships()}</h2>
            <Transition fallback=|| view! { <p class="muted">{common::loading()}</p> }>
                {move || links.get().map(|result| match result {
                    Err(e) => view! { <p class="error" role="alert">{e.user_message()}</p> }.into_any(),
                    Ok(list) if list.is_empty() => view! {
                        <p class="muted">{t::no_links()}</p>
                    }.into_any(),
                    Ok(list) => view! {
                        <ul class="relationships" aria-label=t::linked_customers()>
                            {list.into_iter().map(row).collect_view()}
                        </ul>
                    }.into_any(),
                })}
            </Transition>
            <form class="form relationship-form" on:submit=add novalidate=true aria-label=t::add_relationship()>
                <div class="form-grid">
                    <label class="field">
                        <span class="field-label">{t::link()}</span>
                        <select prop:value=move || choice.get() on:change=move |ev| choice.set(event_target_value(&ev))>
                            {LINKS.iter().map(|(value, text)| view! { <option value=*value>{text()}</option> }).collect_view()}
                        </select>
                    </label>
                    <label class="field">
                        <span class="field-label">{t::strength()}</span>
                        <select
                            prop:value=move || strength.get().to_string()
                            on:change=move |ev| strength.set(event_target_value(&ev).parse().unwrap_or(0.5))>
                            {STRENGTHS.iter().map(|(text, value)| view! { <option value=value.to_string()>{text()}</option> }).collect_view()}
                        </select>
                    </label>
                    <CustomerPicker field=other id="relationship-customer" label=t::other_customer()
                        pick_verb=t::link_to() error=Signal::derive(form.message("to"))/>
                </div>
                <SaveError error=save_error/>
                <div class="form-actions">
                    <button type="submit" disabled=move || saving.get()>{t::add_link()}</button>
                </div>
            </form>
        </section>
    }
}
