//! The customer form: every field, with the validation message next to the
//! field it concerns. Used for new customers and for edits; an edit based on
//! a version another tab has since changed is refused with a reload offer.

use super::custom_fields::{self, CustomDraft, CustomFieldsEditor};
use crate::model::{Customer, Education, FieldErrorKind, LifecycleStage, Record, ValidationErrors};
use crate::store::ChangeSet;
use crate::ui::base_path::app_href;
use crate::ui::components::SaveError;
use crate::ui::state::{now_ms, AppState};
use leptos::prelude::*;
use leptos_router::hooks::use_navigate;

/// The form's text, one string per input.
#[derive(Clone, Default, PartialEq)]
struct Draft {
    given_name: String,
    family_name: String,
    emails: String,
    phones: String,
    company: String,
    job_title: String,
    street: String,
    city: String,
    region: String,
    postal_code: String,
    country: String,
    birthday: String,
    age: String,
    annual_income: String,
    education: String,
    lifecycle: String,
    source: String,
    owner: String,
    tags: String,
    segment: String,
}

fn list(items: &[String]) -> String {
    items.join(", ")
}

fn split(text: &str) -> Vec<String> {
    text.split([',', ';', '\n'])
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(String::from)
        .collect()
}

impl Draft {
    fn of(c: &Customer) -> Draft {
        Draft {
            given_name: c.given_name.clone(),
            family_name: c.family_name.clone(),
            emails: list(&c.emails),
            phones: list(&c.phones),
            company: c.company.clone(),
            job_title: c.job_title.clone(),
            street: c.address.street.clone(),
            city: c.address.city.clone(),
            region: c.address.region.clone(),
            postal_code: c.address.postal_code.clone(),
            country: c.address.country.clone(),
            birthday: c.birthday.map(|d| d.to_string()).unwrap_or_default(),
            age: c.age.map(|a| a.to_string()).unwrap_or_default(),
            annual_income: c.annual_income.map(|v| v.to_string()).unwrap_or_default(),
            education: c
                .education
                .map(|e| e.label().to_string())
                .unwrap_or_default(),
            lifecycle: c.lifecycle.label().to_string(),
            source: c.source.clone(),
            owner: c.owner.clone(),
            tags: list(&c.tags),
            segment: c.segment.clone().unwrap_or_default(),
        }
    }

    /// The customer this draft describes, or every problem with it.
    fn apply_to(
        &self,
        base: &Customer,
        custom: &[CustomDraft],
    ) -> Result<Customer, ValidationErrors> {
        let mut c = base.clone();
        let mut errors = ValidationErrors::default();
        c.given_name = self.given_name.clone();
        c.family_name = self.family_name.clone();
        c.emails = split(&self.emails);
        c.phones = split(&self.phones);
        c.company = self.company.clone();
        c.job_title = self.job_title.clone();
        c.address.street = self.street.clone();
        c.address.city = self.city.clone();
        c.address.region = self.region.clone();
        c.address.postal_code = self.postal_code.clone();
        c.address.country = self.country.clone();
        c.birthday = None;
        let birthday = self.birthday.trim();
        if !birthday.is_empty() {
            let format = time::macros::format_description!("[year]-[month]-[day]");
            match time::Date::parse(birthday, format) {
                Ok(d) => c.birthday = Some(d),
                Err(_) => errors.push("birthday", FieldErrorKind::InvalidDate(birthday.into())),
            }
        }
        c.age = None;
        let age = self.age.trim();
        if !age.is_empty() {
            match age.parse::<f64>() {
                Ok(a) if a.fract() == 0.0 && (0.0..=130.0).contains(&a) => c.age = Some(a as u8),
                Ok(value) => errors.push(
                    "age",
                    FieldErrorKind::OutOfRange {
                        min: 0.0,
                        max: 130.0,
                        value,
                    },
                ),
                Err(_) => errors.push("age", FieldErrorKind::NotANumber),
            }
        }
        c.annual_income = None;
        let income = self.annual_income.trim().replace([',', '_', ' '], "");
        if !income.is_empty() {
            match income.parse::<f64>() {
                Ok(v) if v.is_finite() => c.annual_income = Some(v),
                _ => errors.push("annual_income", FieldErrorKind::NotANumber),
            }
        }
        c.education = self.education.parse().ok();
        c.lifecycle = self.lifecycle.parse().unwrap_or(c.lifecycle);
        c.source = self.source.clone();
        c.owner = self.owner.clone();
        c.tags = split(&self.tags);
        c.segment = Some(self.segment.trim().to_string()).filter(|s| !s.is_empty());
        c.custom_fields = custom_fields::parse(custom, &mut errors);
        c.normalise();
        if let Err(more) = c.validate() {
            for e in more.0 {
                errors.push(e.field, e.kind);
            }
        }
        errors.into_result().map(|()| c)
    }
}

/// The form. `is_new` inserts; otherwise the save is an update checked
/// against the version `initial` was read at.
#[component]
pub fn CustomerForm(initial: Customer, is_new: bool) -> impl IntoView {
    let state = expect_context::<AppState>();
    let navigate = use_navigate();
    let base = StoredValue::new(initial.clone());
    let draft = RwSignal::new(Draft::of(&initial));
    let custom = RwSignal::new(custom_fields::drafts_of(&initial.custom_fields));
    let errors = RwSignal::new(ValidationErrors::default());
    let save_error = RwSignal::new(None::<(String, bool)>);
    let saving = RwSignal::new(false);

    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let mut customer = match draft.with(|d| custom.with(|cf| d.apply_to(&base.get_value(), cf)))
        {
            Ok(c) => c,
            Err(e) => {
                errors.set(e);
                save_error.set(Some((
                    "Not saved: please correct the fields marked below.".into(),
                    false,
                )));
                return;
            }
        };
        errors.set(ValidationErrors::default());
        let now = now_ms();
        let mut changes;
        if is_new {
            changes = ChangeSet::new(format!("Added {}", customer.display_name()));
            customer.meta = crate::model::Meta::new_v4(now);
            if let Err(e) = changes.insert(&customer) {
                save_error.set(Some((e.user_message(), false)));
                return;
            }
        } else {
            customer.touch(now);
            changes = ChangeSet::new(format!("Saved {}", customer.display_name()));
            if let Err(e) = changes.update(&customer) {
                save_error.set(Some((e.user_message(), false)));
                return;
            }
        }
        let navigate = navigate.clone();
        state.save(changes, false, save_error, Some(saving), move || {
            state.toast(format!("Saved {}", customer.display_name()));
            if is_new {
                navigate(&format!("/customers/{}", customer.id()), Default::default());
            }
            base.set_value(customer);
        });
    };

    let field = move |name: &'static str,
                      label: &'static str,
                      kind: &'static str,
                      get: fn(&Draft) -> String,
                      set: fn(&mut Draft, String)| {
        let error_id = format!("error-{name}");
        let message = move || errors.with(|e| e.sentences_for(name));
        let invalid = move || errors.with(|e| e.has(name));
        view! {
            <label class="field">
                <span class="field-label">{label}</span>
                <input
                    type=kind
                    name=name
                    prop:value=move || draft.with(get)
                    on:input=move |ev| draft.update(|d| set(d, event_target_value(&ev)))
                    aria-invalid=move || invalid().to_string()
                    aria-describedby=error_id.clone()
                />
                <span class="field-error" id=error_id.clone() role="alert">{message}</span>
            </label>
        }
    };
    let choice = move |name: &'static str,
                       label: &'static str,
                       options: Vec<&'static str>,
                       get: fn(&Draft) -> String,
                       set: fn(&mut Draft, String)| {
        view! {
            <label class="field">
                <span class="field-label">{label}</span>
                <select name=name prop:value=move || draft.with(get) on:change=move |ev| draft.update(|d| set(d, event_target_value(&ev)))>
                    <option value="">"—"</option>
                    {options.into_iter().map(|o| view! { <option value=o>{o}</option> }).collect_view()}
                </select>
            </label>
        }
    };

    view! {
        <form class="card form" on:submit=save novalidate=true aria-label="Customer details">
            <h2>{if is_new { "New customer" } else { "Details" }}</h2>
            <div class="form-grid">
                {field("given_name", "Given name", "text", |d| d.given_name.clone(), |d, v| d.given_name = v)}
                {field("family_name", "Family name", "text", |d| d.family_name.clone(), |d, v| d.family_name = v)}
                {field("emails", "Email", "text", |d| d.emails.clone(), |d, v| d.emails = v)}
                {field("phones", "Phone", "tel", |d| d.phones.clone(), |d, v| d.phones = v)}
                {field("company", "Company", "text", |d| d.company.clone(), |d, v| d.company = v)}
                {field("job_title", "Job title", "text", |d| d.job_title.clone(), |d, v| d.job_title = v)}
                {choice("lifecycle", "Lifecycle stage", LifecycleStage::ALL.iter().map(|s| s.label()).collect(), |d| d.lifecycle.clone(), |d, v| d.lifecycle = v)}
                {field("tags", "Tags", "text", |d| d.tags.clone(), |d, v| d.tags = v)}
                {field("street", "Street", "text", |d| d.street.clone(), |d, v| d.street = v)}
                {field("city", "City", "text", |d| d.city.clone(), |d, v| d.city = v)}
                {field("region", "Region", "text", |d| d.region.clone(), |d, v| d.region = v)}
                {field("postal_code", "Postal code", "text", |d| d.postal_code.clone(), |d, v| d.postal_code = v)}
                {field("country", "Country", "text", |d| d.country.clone(), |d, v| d.country = v)}
                {field("birthday", "Birthday", "date", |d| d.birthday.clone(), |d, v| d.birthday = v)}
                {field("age", "Age", "text", |d| d.age.clone(), |d, v| d.age = v)}
                {field("annual_income", "Annual income", "text", |d| d.annual_income.clone(), |d, v| d.annual_income = v)}
                {choice("education", "Education", Education::ALL.iter().map(|e| e.label()).collect(), |d| d.education.clone(), |d, v| d.education = v)}
                {field("source", "Source", "text", |d| d.source.clone(), |d, v| d.source = v)}
                {field("owner", "Owner", "text", |d| d.owner.clone(), |d, v| d.owner = v)}
                {field("segment", "Segment", "text", |d| d.segment.clone(), |d, v| d.segment = v)}
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
                    {if is_new { "Add customer" } else { "Save changes" }}
                </button>
                {is_new.then(|| view! { <a class="button" href=app_href("/customers")>"Cancel"</a> })}
            </div>
        </form>
    }
}
