//! `/pipeline/new`: a new deal — title, customer, stage of the configured
//! pipeline, value, probability (following the stage's default until the
//! user sets one) and expected close date. Opened from the Pipeline page or
//! from a customer's page (`?customer=<id>` picks the customer, and saving
//! returns there).

use crate::model::{DealDraft, Id, Pipeline, ValidationErrors};
use crate::ui::base_path::app_href;
use crate::ui::components::{
    CustomerPicker, FieldMessage, FormForCustomer, FormState, PageHeader, PickedCustomer, SaveError,
};
use crate::ui::pipeline_setting::PipelineSetting;
use crate::ui::state::{now_ms, AppState};
use leptos::prelude::*;
use leptos_router::hooks::use_navigate;
use rapport_core::i18n::{common, pipeline as t};

/// The probability, in percent, a stage suggests.
fn default_percent(pipeline: &Pipeline, stage: &str) -> String {
    pipeline
        .default_probability(stage)
        .map(|p| format!("{}", (p * 100.0).round()))
        .unwrap_or_default()
}

/// `/pipeline/new[?customer=<id>]`.
#[component]
pub fn NewDealPage() -> impl IntoView {
    view! {
        <PageHeader title=t::new_deal() subtitle=t::new_subtitle()/>
        <FormForCustomer form=|preset| view! { <DealForm preset=preset/> }/>
    }
}

/// The form: title, customer, stage, value, probability, expected close.
#[component]
fn DealForm(preset: Option<Id>) -> impl IntoView {
    let state = expect_context::<AppState>();
    let pipeline = PipelineSetting::current();
    let customer = PickedCustomer::preset(state, preset);
    let first_stage =
        pipeline.with_untracked(|p| p.open_stages().next().unwrap_or(Pipeline::WON).to_string());
    let title = RwSignal::new(String::new());
    let percent = RwSignal::new(pipeline.with_untracked(|p| default_percent(p, &first_stage)));
    let stage = RwSignal::new(first_stage);
    let percent_edited = RwSignal::new(false);
    let value = RwSignal::new(String::new());
    let close = RwSignal::new(String::new());
    let form = FormState::new();
    let FormState {
        errors,
        save_error,
        saving,
    } = form;
    let navigate = use_navigate();
    let back = preset
        .map(|id| format!("/customers/{id}"))
        .unwrap_or_else(|| "/pipeline".to_string());

    let choose_stage = move |s: String| {
        if !percent_edited.get_untracked() {
            percent.set(pipeline.with_untracked(|p| default_percent(p, &s)));
        }
        stage.set(s);
    };
    let back_after_save = back.clone();
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if saving.get_untracked() {
            return;
        }
        let draft = DealDraft {
            title: title.get_untracked(),
            customer: customer.id(),
            customer_unresolved: customer.is_unresolved(),
            stage: stage.get_untracked(),
            value: value.get_untracked(),
            percent: percent.get_untracked(),
            close: close.get_untracked(),
        };
        let created = pipeline.with_untracked(|p| {
            crate::ops::sales::create_deal(&draft, p, uuid::Uuid::new_v4(), now_ms())
        });
        let changes = match created {
            Ok((_, changes)) => changes,
            Err(e) => {
                form.refuse_action(&e, t::not_added());
                return;
            }
        };
        errors.set(ValidationErrors::default());
        let navigate = navigate.clone();
        let to = back_after_save.clone();
        state.submit(Ok(changes), true, form, move || {
            navigate(&to, Default::default())
        });
    };

    let stages = pipeline.get_untracked().stages;
    view! {
        <form class="card form" on:submit=submit novalidate=true aria-label=t::new_deal()>
            <div class="form-grid">
                <label class="field">
                    <span class="field-label">{t::field_title()}</span>
                    <input type="text" name="title" prop:value=move || title.get()
                        on:input=move |ev| title.set(event_target_value(&ev))
                        aria-invalid=form.invalid("title") aria-describedby="deal-error-title"/>
                    <FieldMessage form=form field="title" id="deal-error-title"/>
                </label>
                <CustomerPicker field=customer id="deal-customer" label=common::customer()
                    pick_verb=t::pick_customer() error=Signal::derive(form.message("customer"))/>
                <label class="field">
                    <span class="field-label">{t::field_stage()}</span>
                    <select name="stage" prop:value=move || stage.get()
                        on:change=move |ev| choose_stage(event_target_value(&ev))
                        aria-invalid=form.invalid("stage") aria-describedby="deal-error-stage">
                        {stages.into_iter().map(|s| view! { <option value=s.clone()>{s.clone()}</option> }).collect_view()}
                    </select>
                    <FieldMessage form=form field="stage" id="deal-error-stage"/>
                </label>
                <label class="field">
                    <span class="field-label">{t::field_value()}</span>
                    <input type="text" inputmode="decimal" name="value" placeholder="0"
                        prop:value=move || value.get()
                        on:input=move |ev| value.set(event_target_value(&ev))
                        aria-invalid=form.invalid("value") aria-describedby="deal-error-value"/>
                    <FieldMessage form=form field="value" id="deal-error-value"/>
                </label>
                <label class="field">
                    <span class="field-label">{t::field_probability()}</span>
                    <input type="text" inputmode="decimal" name="probability"
                        prop:value=move || percent.get()
                        on:input=move |ev| { percent_edited.set(true); percent.set(event_target_value(&ev)); }
                        aria-invalid=form.invalid("probability") aria-describedby="deal-error-probability"/>
                    <FieldMessage form=form field="probability" id="deal-error-probability"/>
                </label>
                <label class="field">
                    <span class="field-label">{t::field_expected_close()}</span>
                    <input type="date" name="expected_close" prop:value=move || close.get()
                        on:input=move |ev| close.set(event_target_value(&ev))
                        aria-invalid=form.invalid("expected_close") aria-describedby="deal-error-close"/>
                    <FieldMessage form=form field="expected_close" id="deal-error-close"/>
                </label>
            </div>
            <SaveError error=save_error/>
            <div class="form-actions">
                <button class="primary" type="submit" disabled=move || saving.get()>
                    {move || if saving.get() { t::adding() } else { t::add_deal() }}
                </button>
                <a class="button" href=app_href(&back)>{common::cancel()}</a>
            </div>
        </form>
    }
}
