//! The custom fields of a customer in the form: name, type and value per
//! field, add and remove. Values are kept as typed text
//! ([`CustomFieldDraft`]) and read by the model on save, so a bad number or
//! date is reported next to the section, not lost.

use crate::model::customer::CUSTOM_FIELD_KINDS;
use crate::model::CustomFieldDraft;
use leptos::prelude::*;
use rapport_core::i18n::customer as t;

/// A custom field kind as shown (the stored value stays the English name).
fn kind_label(kind: &'static str) -> &'static str {
    match kind {
        "Text" => t::kind_text(),
        "Number" => t::kind_number(),
        "Date" => t::kind_date(),
        "Yes/no" => t::kind_yes_no(),
        "Choice" => t::kind_choice(),
        other => other,
    }
}

/// The editor: one row per field, plus "Add field".
#[component]
pub fn CustomFieldsEditor(
    fields: RwSignal<Vec<CustomFieldDraft>>,
    /// The validation message for the section.
    message: Signal<String>,
) -> impl IntoView {
    let row = move |i: usize| {
        let get = move |f: fn(&CustomFieldDraft) -> String| {
            move || fields.with(|v| v.get(i).map(f).unwrap_or_default())
        };
        let set = move |f: fn(&mut CustomFieldDraft, String)| {
            move |ev: leptos::ev::Event| {
                fields.update(|v| {
                    if let Some(d) = v.get_mut(i) {
                        f(d, event_target_value(&ev))
                    }
                })
            }
        };
        view! {
            <div class="custom-field-row">
                <input type="text" aria-label=t::custom_field_name(i + 1) placeholder=t::field_name()
                    prop:value=get(|d| d.name.clone()) on:input=set(|d, v| d.name = v)/>
                <select aria-label=t::custom_field_type(i + 1) prop:value=get(|d| d.kind.clone()) on:change=set(|d, v| d.kind = v)>
                    {CUSTOM_FIELD_KINDS.iter().map(|k| view! { <option value=*k>{kind_label(k)}</option> }).collect_view()}
                </select>
                <input type="text" aria-label=t::custom_field_value(i + 1) placeholder=t::value_placeholder()
                    prop:value=get(|d| d.value.clone()) on:input=set(|d, v| d.value = v)/>
                <button type="button" aria-label=t::remove_custom_field(i + 1)
                    on:click=move |_| fields.update(|v| { if i < v.len() { v.remove(i); } })>{t::remove()}</button>
            </div>
        }
    };
    view! {
        <fieldset class="custom-fields">
            <legend>{t::custom_fields()}</legend>
            {move || (0..fields.with(Vec::len)).map(row).collect_view()}
            <button type="button" on:click=move |_| fields.update(|v| v.push(CustomFieldDraft { kind: "Text".into(), ..CustomFieldDraft::default() }))>
                {t::add_field()}
            </button>
            <span class="field-error" id="error-custom_fields" role="alert">{message}</span>
        </fieldset>
    }
}
