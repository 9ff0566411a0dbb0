//! The custom fields of a customer in the form: name, type and value per
//! field, add and remove. Values are kept as typed text and parsed on save,
//! so a bad number or date is reported next to the section, not lost.

use crate::model::{CustomValue, FieldErrorKind, ValidationErrors};
use leptos::prelude::*;
use std::collections::BTreeMap;

/// The field types a user can pick.
pub const KINDS: [&str; 5] = ["Text", "Number", "Date", "Yes/no", "Choice"];

/// One custom field as typed.
#[derive(Clone, Default, PartialEq)]
pub struct CustomDraft {
    /// Field name.
    pub name: String,
    /// One of [`KINDS`].
    pub kind: String,
    /// The value as text ("yes"/"no" for Yes/no).
    pub value: String,
}

/// The drafts of stored custom fields.
pub fn drafts_of(fields: &BTreeMap<String, CustomValue>) -> Vec<CustomDraft> {
    fields
        .iter()
        .map(|(name, v)| {
            let (kind, value) = match v {
                CustomValue::Text(t) => ("Text", t.clone()),
                CustomValue::Number(n) => ("Number", n.to_string()),
                CustomValue::Date(d) => ("Date", d.to_string()),
                CustomValue::Bool(b) => ("Yes/no", if *b { "yes" } else { "no" }.to_string()),
                CustomValue::Choice(c) => ("Choice", c.clone()),
            };
            CustomDraft {
                name: name.clone(),
                kind: kind.into(),
                value,
            }
        })
        .collect()
}

/// Parses the drafts; rows with neither name nor value are dropped.
pub fn parse(
    drafts: &[CustomDraft],
    errors: &mut ValidationErrors,
) -> BTreeMap<String, CustomValue> {
    let mut out = BTreeMap::new();
    for d in drafts {
        let (name, text) = (d.name.trim(), d.value.trim());
        if name.is_empty() && text.is_empty() {
            continue;
        }
        if name.is_empty() {
            errors.push("custom_fields", FieldErrorKind::Required);
            continue;
        }
        if out.contains_key(name) {
            errors.push("custom_fields", FieldErrorKind::Duplicate(name.to_string()));
            continue;
        }
        let value = match d.kind.as_str() {
            "Number" => match text.replace([',', ' '], "").parse::<f64>() {
                Ok(n) if n.is_finite() => CustomValue::Number(n),
                _ => {
                    errors.push("custom_fields", FieldErrorKind::NotANumber);
                    continue;
                }
            },
            "Date" => {
                let format = time::macros::format_description!("[year]-[month]-[day]");
                match time::Date::parse(text, format) {
                    Ok(date) => CustomValue::Date(date),
                    Err(_) => {
                        errors.push(
                            "custom_fields",
                            FieldErrorKind::InvalidDate(text.to_string()),
                        );
                        continue;
                    }
                }
            }
            "Yes/no" => CustomValue::Bool(matches!(
                text.to_lowercase().as_str(),
                "yes" | "y" | "true" | "1"
            )),
            "Choice" => CustomValue::Choice(text.to_string()),
            _ => CustomValue::Text(text.to_string()),
        };
        out.insert(name.to_string(), value);
    }
    out
}

/// The editor: one row per field, plus "Add field".
#[component]
pub fn CustomFieldsEditor(
    fields: RwSignal<Vec<CustomDraft>>,
    /// The validation message for the section.
    message: Signal<String>,
) -> impl IntoView {
    let row = move |i: usize| {
        let get = move |f: fn(&CustomDraft) -> String| {
            move || fields.with(|v| v.get(i).map(f).unwrap_or_default())
        };
        let set = move |f: fn(&mut CustomDraft, String)| {
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
                <input type="text" aria-label=format!("Custom field {} name", i + 1) placeholder="Field name"
                    prop:value=get(|d| d.name.clone()) on:input=set(|d, v| d.name = v)/>
                <select aria-label=format!("Custom field {} type", i + 1) prop:value=get(|d| d.kind.clone()) on:change=set(|d, v| d.kind = v)>
                    {KINDS.iter().map(|k| view! { <option value=*k>{*k}</option> }).collect_view()}
                </select>
                <input type="text" aria-label=format!("Custom field {} value", i + 1) placeholder="Value (dates as YYYY-MM-DD)"
                    prop:value=get(|d| d.value.clone()) on:input=set(|d, v| d.value = v)/>
                <button type="button" aria-label=format!("Remove custom field {}", i + 1)
                    on:click=move |_| fields.update(|v| { if i < v.len() { v.remove(i); } })>"Remove"</button>
            </div>
        }
    };
    view! {
        <fieldset class="custom-fields">
            <legend>"Custom fields"</legend>
            {move || (0..fields.with(Vec::len)).map(row).collect_view()}
            <button type="button" on:click=move |_| fields.update(|v| v.push(CustomDraft { kind: "Text".into(), ..CustomDraft::default() }))>
                "Add field"
            </button>
            <span class="field-error" id="error-custom_fields" role="alert">{message}</span>
        </fieldset>
    }
}
