//! The customer form: every field, with the validation message next to the
//! field it concerns. The typed text is a [`CustomerDraft`]; the model reads
//! and validates it, so this file holds only signals and markup. Used for new customers and for edits; an edit based on
//! a version another tab has since changed is refused with a reload offer.

use super::custom_fields::CustomFieldsEditor;
use crate::model::{
    CustomFieldDraft, Customer, CustomerDraft, Education, LifecycleStage, Record, ValidationErrors,
};
use crate::ui::base_path::app_href;
use crate::ui::components::{FormState, SaveError};
use crate::ui::state::{now_ms, AppState};
use leptos::prelude::*;
use leptos_router::hooks::use_navigate;
use rapport_core::i18n::{common, components as kinds, customer as t};

/// The form. `is_new` inserts; otherwise the save is an update checked
/// against the version `initial` was read at.
#[component]
pub fn CustomerForm(initial: Customer, is_new: bool) -> impl IntoView {
    let state = expect_context::<AppState>();
    let navigate = use_navigate();
    let base = StoredValue::new(initial.clone());
    let draft = RwSignal::new(CustomerDraft::of(&initial));
    let custom = RwSignal::new(CustomFieldDraft::drafts_of(&initial.custom_fields));
    let form = FormState::new();
    let FormState {
        errors,
        save_error,
        saving,
    } = form;

    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let mut customer = match draft.with(|d| custom.with(|cf| d.apply_to(&base.get_value(), cf)))
        {
            Ok(c) => c,
            Err(e) => {
                form.refuse(e, t::not_saved());
                return;
            }
        };
        errors.set(ValidationErrors::default());
        let now = now_ms();
        let changes = if is_new {
            customer.meta = crate::model::Meta::new_v4(now);
            crate::ops::records::add_customer(&customer)
        } else {
            customer.touch(now);
            crate::ops::records::save_customer(&customer)
        };
        let navigate = navigate.clone();
        state.submit(changes, false, form, move || {
            state.toast(t::saved(customer.display_name()));
            if is_new {
                navigate(&format!("/customers/{}", customer.id()), Default::default());
            }
            base.set_value(customer);
        });
    };

    let field = move |name: &'static str,
                      label: &'static str,
                      kind: &'static str,
                      get: fn(&CustomerDraft) -> String,
                      set: fn(&mut CustomerDraft, String)| {
        let error_id = format!("error-{name}");
        view! {
            <label class="field">
                <span class="field-label">{label}</span>
                <input
                    type=kind
                    name=name
                    prop:value=move || draft.with(get)
                    on:input=move |ev| draft.update(|d| set(d, event_target_value(&ev)))
                    aria-invalid=form.invalid(name)
                    aria-describedby=error_id.clone()
                />
                <span class="field-error" id=error_id.clone() role="alert">{form.message(name)}</span>
            </label>
        }
    };
    let choice = move |name: &'static str,
                       label: &'static str,
                       options: Vec<(&'static str, &'static str)>,
                       get: fn(&CustomerDraft) -> String,
                       set: fn(&mut CustomerDraft, String)| {
        view! {
            <label class="field">
                <span class="field-label">{label}</span>
                <select name=name prop:value=move || draft.with(get) on:change=move |ev| draft.update(|d| set(d, event_target_value(&ev)))>
                    <option value="">"—"</option>
                    {options.into_iter().map(|(value, shown)| view! { <option value=value>{shown}</option> }).collect_view()}
                </select>
            </label>
        }
    };

    view! {
        <form class="card form" on:submit=save novalidate=true aria-label=t::form_name()>
            <h2>{if is_new { t::new_customer() } else { t::details() }}</h2>
            <div class="form-grid">
                {field("given_name", t::given_name(), "text", |d| d.given_name.clone(), |d, v| d.given_name = v)}
                {field("family_name", t::family_name(), "text", |d| d.family_name.clone(), |d, v| d.family_name = v)}
                {field("emails", t::email(), "text", |d| d.emails.clone(), |d, v| d.emails = v)}
                {field("phones", t::phone(), "tel", |d| d.phones.clone(), |d, v| d.phones = v)}
                {field("company", t::company(), "text", |d| d.company.clone(), |d, v| d.company = v)}
                {field("job_title", t::job_title(), "text", |d| d.job_title.clone(), |d, v| d.job_title = v)}
                {choice("lifecycle", t::lifecycle(), LifecycleStage::ALL.iter().map(|s| (s.label(), kinds::stage(*s))).collect(), |d| d.lifecycle.clone(), |d, v| d.lifecycle = v)}
                {field("tags", t::tags(), "text", |d| d.tags.clone(), |d, v| d.tags = v)}
                {field("street", t::street(), "text", |d| d.street.clone(), |d, v| d.street = v)}
                {field("city", t::city(), "text", |d| d.city.clone(), |d, v| d.city = v)}
                {field("region", t::region(), "text", |d| d.region.clone(), |d, v| d.region = v)}
                {field("postal_code", t::postal_code(), "text", |d| d.postal_code.clone(), |d, v| d.postal_code = v)}
                {field("country", t::country(), "text", |d| d.country.clone(), |d, v| d.country = v)}
                {field("birthday", t::birthday(), "date", |d| d.birthday.clone(), |d, v| d.birthday = v)}
                {field("age", t::age(), "text", |d| d.age.clone(), |d, v| d.age = v)}
                {field("annual_income", t::annual_income(), "text", |d| d.annual_income.clone(), |d, v| d.annual_income = v)}
                {choice("education", t::education(), Education::ALL.iter().map(|e| (e.label(), kinds::education(*e))).collect(), |d| d.education.clone(), |d, v| d.education = v)}
                {field("source", t::source(), "text", |d| d.source.clone(), |d, v| d.source = v)}
                {field("owner", t::owner(), "text", |d| d.owner.clone(), |d, v| d.owner = v)}
                {field("segment", t::segment(), "text", |d| d.segment.clone(), |d, v| d.segment = v)}
            </div>
            <CustomFieldsEditor
                fields=custom
                message=Signal::derive(move || {
                    errors.with(|e| e.sentences_for("custom_fields"))
                })
            />
            <SaveError error=save_error/>
            <div class="form-actions">
                <button class="primary" type="submit" disabled=move || saving.get()>
                    {if is_new { t::add_customer() } else { t::save_changes() }}
                </button>
                {is_new.then(|| view! { <a class="button" href=app_href("/customers")>{common::cancel()}</a> })}
            </div>
        </form>
    }
}
