//! `/tickets/new[?customer=<id>]`: a new support ticket — who asked, a
//! one-line subject, the request and its priority. It starts open, opened
//! now; saving inserts it (with Undo) and opens the ticket's own page.

use crate::model::forms::TicketDraft;
use crate::model::{Id, Priority, Record, Uuid, ValidationErrors};
use crate::ui::base_path::app_href;
use crate::ui::components::{
    CustomerPicker, FieldMessage, FormForCustomer, FormState, PageHeader, PickedCustomer, SaveError,
};
use crate::ui::state::{customer_name, now_ms, AppState};
use leptos::prelude::*;
use leptos_router::hooks::use_navigate;
use rapport_core::i18n::{common, tickets as t};

/// `/tickets/new[?customer=<id>]`.
#[component]
pub fn NewTicketPage() -> impl IntoView {
    view! {
        <PageHeader title=t::new_ticket() subtitle=t::new_subtitle()/>
        <FormForCustomer form=|preset| view! { <TicketForm preset=preset/> }/>
    }
}

/// The form: customer, subject, description and priority.
#[component]
fn TicketForm(preset: Option<Id>) -> impl IntoView {
    let state = expect_context::<AppState>();
    let navigate = use_navigate();
    let customer = PickedCustomer::preset(state, preset);
    let subject = RwSignal::new(String::new());
    let body = RwSignal::new(String::new());
    let priority = RwSignal::new(Priority::Normal);
    let form = FormState::new();
    let FormState {
        errors,
        save_error,
        saving,
    } = form;

    // A message goes once its field is edited, the banner with the last one.
    let edited = move |field: &'static str| form.forget(field);
    Effect::new(move |_| {
        customer.picked.track();
        edited("customer");
    });

    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if saving.get_untracked() {
            return;
        }
        let draft = TicketDraft {
            customer: customer.id(),
            customer_unresolved: customer.is_unresolved(),
            subject: subject.get_untracked(),
            body: body.get_untracked(),
            priority: priority.get_untracked(),
        };
        let ticket = match draft.to_ticket(Uuid::new_v4(), now_ms()) {
            Ok(ticket) => {
                errors.set(ValidationErrors::default());
                ticket
            }
            Err(e) => {
                form.refuse(e, t::not_saved());
                return;
            }
        };
        let who = customer_name(&state, &ticket.customer_id);
        let navigate = navigate.clone();
        let path = format!("/tickets/{}", ticket.id());
        let changes = crate::ops::sales::open_ticket(&ticket, &who);
        state.submit(changes, true, form, move || {
            navigate(&path, Default::default())
        });
    };

    let cancel = app_href(&preset.map_or("/tickets".into(), |id| format!("/customers/{id}")));

    view! {
        <form class="card form ticket-new-form" on:submit=save novalidate=true aria-label=t::new_ticket()>
            <div class="form-grid">
                <CustomerPicker field=customer id="ticket-customer" label=common::customer()
                    pick_verb=t::pick_customer() error=Signal::derive(form.message("customer"))/>
                <label class="field">
                    <span class="field-label">{t::priority()}</span>
                    <select name="priority" on:change=move |ev| {
                        if let Ok(p) = event_target_value(&ev).parse() {
                            priority.set(p);
                        }
                    }>
                        {Priority::ALL.iter().map(|p| {
                            let p = *p;
                            view! { <option value=p.label() selected=move || priority.get() == p>{p.display()}</option> }
                        }).collect_view()}
                    </select>
                    <span class="field-error"></span>
                </label>
                <label class="field wide">
                    <span class="field-label">{t::subject()}</span>
                    <input type="text" name="subject" autocomplete="off"
                        prop:value=move || subject.get()
                        on:input=move |ev| {
                            subject.set(event_target_value(&ev));
                            edited("subject");
                        }
                        aria-invalid=form.invalid("subject") aria-describedby="ticket-error-subject"/>
                    <FieldMessage form=form field="subject" id="ticket-error-subject"/>
                </label>
                <label class="field wide">
                    <span class="field-label">{t::description()}</span>
                    <textarea name="body" rows="6"
                        prop:value=move || body.get()
                        on:input=move |ev| body.set(event_target_value(&ev))></textarea>
                    <span class="field-error"></span>
                </label>
            </div>
            <SaveError error=save_error/>
            <div class="form-actions">
                <button class="primary" type="submit" disabled=move || saving.get()>
                    {move || if saving.get() { t::opening() } else { t::open_ticket() }}
                </button>
                <a class="button" href=cancel>{common::cancel()}</a>
            </div>
        </form>
    }
}
