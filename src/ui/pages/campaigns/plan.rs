//! The "Plan a campaign" form: name, channel, dates, budget and an audience
//! (all customers, a saved view of the Customers list, or a segment) whose
//! size shows before saving; each problem is shown next to its field. The
//! model's [`CampaignDraft`] reads the typed fields; this file holds the
//! signals, the audience and the markup.

use crate::model::{
    CampaignDraft, CampaignMember, Channel, FieldErrorKind, Uuid, ValidationErrors,
};
use crate::search::{Filter, ListQuery, SavedView};
use crate::ui::components::{thousands, FieldMessage, FormState, SaveError};
use crate::ui::pages::customers::load_views;
use crate::ui::state::{now_ms, AppState};
use leptos::prelude::*;
use rapport_core::i18n::campaigns as t;

/// What the plan form holds: the campaign's fields as typed (read by the
/// model) and the audience.
#[derive(Clone, PartialEq)]
struct Draft {
    campaign: CampaignDraft,
    /// `""` (not chosen), `"all"`, `"view:<name>"` or `"segment:<name>"`.
    audience: String,
}

impl Draft {
    fn fresh() -> Draft {
        Draft {
            campaign: CampaignDraft::starting(now_ms()),
            audience: String::new(),
        }
    }
}

/// The customer query an audience choice stands for.
fn audience_query(choice: &str, views: &[SavedView]) -> Option<ListQuery> {
    if choice == "all" {
        return Some(ListQuery::default());
    }
    if let Some(name) = choice.strip_prefix("view:") {
        return views.iter().find(|v| v.name == name).map(|v| ListQuery {
            // The view's sort does not matter for membership.
            sort: Default::default(),
            ..v.query.clone()
        });
    }
    let segment = choice.strip_prefix("segment:")?;
    Some(ListQuery {
        filter: Filter {
            segments: vec![segment.to_string()],
            ..Filter::default()
        },
        ..ListQuery::default()
    })
}

#[component]
pub(super) fn PlanForm() -> impl IntoView {
    let state = expect_context::<AppState>();
    let views: Vec<SavedView> = load_views();
    let views = StoredValue::new(views);
    let draft = RwSignal::new(Draft::fresh());
    let form = FormState::new();
    let FormState {
        errors,
        save_error,
        saving,
    } = form;

    let segments = Memo::new(move |_| {
        state.index_revision.track();
        state.with_index(|i| i.distinct_segments())
    });
    let audience_choice = Memo::new(move |_| draft.with(|d| d.audience.clone()));
    // Counted when the choice (or the customers) change, never per keystroke
    // elsewhere in the form.
    let audience_size = Memo::new(move |_| {
        state.index_revision.track();
        let q = audience_choice.with(|c| views.with_value(|v| audience_query(c, v)))?;
        Some(state.with_index(|i| i.query(&q).len()))
    });

    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if saving.get_untracked() {
            return;
        }
        let now = now_ms();
        let built = draft.with_untracked(|d| d.campaign.to_campaign(Uuid::new_v4(), now));
        let query = audience_choice.with_untracked(|c| views.with_value(|v| audience_query(c, v)));
        let (mut campaign, query) = match (built, query) {
            (Ok(c), Some(q)) => (c, q),
            (built, query) => {
                let mut e = built.err().unwrap_or_default();
                if query.is_none() {
                    e.push(
                        "audience",
                        FieldErrorKind::Inconsistent(t::audience_missing()),
                    );
                }
                form.refuse(e, t::not_saved());
                return;
            }
        };
        campaign.members = state
            .with_index(|i| i.query(&query))
            .into_iter()
            .map(|customer_id| CampaignMember {
                customer_id,
                opened: false,
                clicked: false,
                converted: false,
            })
            .collect();
        errors.set(ValidationErrors::default());
        let changes = crate::ops::sales::plan_campaign(&campaign);
        state.submit(changes, true, form, move || draft.set(Draft::fresh()));
    };

    let input = move |field: &'static str,
                      label: &'static str,
                      kind: &'static str,
                      get: fn(&Draft) -> String,
                      set: fn(&mut Draft, String)| {
        let error_id = format!("plan-error-{field}");
        view! {
            <label class="field">
                <span class="field-label">{label}</span>
                <input
                    type=kind
                    name=field
                    prop:value=move || draft.with(get)
                    on:input=move |ev| draft.update(|d| set(d, event_target_value(&ev)))
                    aria-invalid=form.invalid(field)
                    aria-describedby=error_id.clone()
                />
                <span class="field-error" id=error_id role="alert">{form.message(field)}</span>
            </label>
        }
    };

    view! {
        <form class="card form plan-form" on:submit=save novalidate=true aria-labelledby="plan-heading">
            <h2 id="plan-heading">{t::plan_heading()}</h2>
            <div class="form-grid">
                {input("name", t::name(), "text", |d| d.campaign.name.clone(), |d, v| d.campaign.name = v)}
                <label class="field">
                    <span class="field-label">{t::channel()}</span>
                    <select
                        name="channel"
                        prop:value=move || draft.with(|d| d.campaign.channel.clone())
                        on:change=move |ev| draft.update(|d| d.campaign.channel = event_target_value(&ev))
                        aria-describedby="plan-error-channel"
                    >
                        {Channel::ALL.iter().map(|c| view! { <option value=c.label()>{c.display()}</option> }).collect_view()}
                    </select>
                    <FieldMessage form=form field="channel" id="plan-error-channel"/>
                </label>
                {input("start", t::start_date(), "date", |d| d.campaign.start.clone(), |d, v| d.campaign.start = v)}
                {input("end", t::end_date(), "date", |d| d.campaign.end.clone(), |d, v| d.campaign.end = v)}
                {input("budget", t::budget(), "text", |d| d.campaign.budget.clone(), |d, v| d.campaign.budget = v)}
                <label class="field audience-field">
                    <span class="field-label">{t::audience()}</span>
                    <select
                        name="audience"
                        prop:value=move || {
                            // Re-applied when the segment options are redrawn.
                            segments.track();
                            audience_choice.get()
                        }
                        on:change=move |ev| draft.update(|d| d.audience = event_target_value(&ev))
                        aria-invalid=form.invalid("audience")
                        aria-describedby="plan-error-audience plan-audience-size"
                    >
                        <option value="">{t::choose_audience()}</option>
                        <option value="all">{t::all_customers()}</option>
                        {views.with_value(|vs| (!vs.is_empty()).then(|| view! {
                            <optgroup label=t::saved_views()>
                                {vs.iter().map(|v| view! {
                                    <option value=format!("view:{}", v.name)>{v.name.clone()}</option>
                                }).collect_view()}
                            </optgroup>
                        }))}
                        {move || segments.with(|s| (!s.is_empty()).then(|| view! {
                            <optgroup label=t::segments()>
                                {s.iter().take(200).map(|(name, n)| view! {
                                    <option value=format!("segment:{name}")>{format!("{name} ({})", thousands(*n))}</option>
                                }).collect_view()}
                            </optgroup>
                        }))}
                    </select>
                    <FieldMessage form=form field="audience" id="plan-error-audience"/>
                </label>
            </div>
            <p class="audience-size" id="plan-audience-size" aria-live="polite">
                {move || match audience_size.get() {
                    None => t::audience_hint().to_string(),
                    Some(0) => t::audience_empty().to_string(),
                    Some(1) => t::reaches_one().to_string(),
                    Some(n) => t::reaches(thousands(n)),
                }}
            </p>
            <SaveError error=save_error/>
            <div class="form-actions">
                <button class="primary" type="submit" disabled=move || saving.get()>
                    {move || if saving.get() { t::saving() } else { t::plan_campaign() }}
                </button>
            </div>
        </form>
    }
}
