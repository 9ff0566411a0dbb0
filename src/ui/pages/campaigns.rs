//! The Campaigns page (`/campaigns`): every campaign with its funnel at a
//! glance, and the "Plan a campaign" form.
//!
//! The audience of a new campaign is a saved view of the Customers list (read
//! from localStorage, the key `customers/filters.rs` writes) or a segment,
//! resolved through the in-memory customer index, so its size shows before
//! saving. Responses are recorded and the campaign evaluated on its own page
//! (`campaign.rs`). Also holds the number formatting both pages share.

use crate::model::{
    date_of, iso_date, Campaign, CampaignMember, Channel, FieldErrorKind, Record, Uuid,
    ValidationErrors, DAY_MS,
};
use crate::search::{Filter, ListQuery, SavedView};
use crate::store::{ChangeSet, Store, StoreError};
use crate::ui::base_path::app_href;
use crate::ui::components::{thousands, EmptyState, PageHeader, SaveError};
use crate::ui::state::{now_ms, AppState, StoreStatus};
use gloo_storage::{LocalStorage, Storage};
use leptos::prelude::*;
use time::Date;

/// Where the Customers list keeps its saved views.
const VIEWS_KEY: &str = "rapport.saved-views";
/// Campaigns listed at most (newest first); more is a sign of imported junk.
const LIST_CAP: usize = 500;

/// `0.1234` → `"12.3%"`; `None` → `"—"`.
pub(super) fn percent(x: Option<f64>) -> String {
    x.map_or_else(|| "—".into(), |x| format!("{:.1}%", x * 100.0))
}

/// `12345.6` → `"12,345.60"`.
pub(super) fn money(x: f64) -> String {
    if !x.is_finite() {
        return "—".into();
    }
    let cents = (x.abs() * 100.0).round() as u128;
    let whole = usize::try_from(cents / 100).unwrap_or(usize::MAX);
    let sign = if x < 0.0 && cents > 0 { "-" } else { "" };
    format!("{sign}{}.{:02}", thousands(whole), cents % 100)
}

/// Where a campaign stands on `today`.
pub(super) fn phase(c: &Campaign, today: Date) -> (&'static str, &'static str) {
    if today < c.start {
        ("Planned", "planned")
    } else if today > c.end {
        ("Ended", "ended")
    } else {
        ("Running", "running")
    }
}

/// The live campaigns, newest start first; `None` while the store opens.
async fn load(state: AppState, ready: bool) -> Result<Option<Vec<Campaign>>, StoreError> {
    if !ready {
        return Ok(None);
    }
    let mut list: Vec<Campaign> = state
        .store()?
        .all::<Campaign>()
        .await?
        .into_iter()
        .filter(|c| !c.is_deleted())
        .collect();
    list.sort_by(|a, b| b.start.cmp(&a.start).then_with(|| a.name.cmp(&b.name)));
    Ok(Some(list))
}

/// Campaigns: the list and the plan form.
#[component]
pub fn CampaignsPage() -> impl IntoView {
    let state = expect_context::<AppState>();
    let campaigns = LocalResource::new(move || {
        state.track("campaigns");
        let ready = state.status.get() == StoreStatus::Ready;
        load(state, ready)
    });
    view! {
        <PageHeader title="Campaigns" subtitle="Plan campaigns and measure what they brought in."/>
        <PlanForm/>
        <Transition fallback=|| view! { <p class="muted">"Loading campaigns…"</p> }>
            {move || campaigns.get().map(|result| match result {
                Err(e) => view! { <p class="error" role="alert">{e.user_message()}</p> }.into_any(),
                Ok(None) => view! { <p class="muted">"Opening the database…"</p> }.into_any(),
                Ok(Some(list)) if list.is_empty() => view! {
                    <EmptyState icon="✦" title="No campaigns yet">
                        <p>"Plan one with the form above: pick a saved view of the Customers list or a segment as its audience. \
                            Then record who opened, clicked and converted, and see its conversion rate, cost per conversion and revenue. \
                            Loading the demo data from the Dashboard also adds a few past campaigns."</p>
                    </EmptyState>
                }.into_any(),
                Ok(Some(list)) => view! { <CampaignTable list/> }.into_any(),
            })}
        </Transition>
    }
}

#[component]
fn CampaignTable(list: Vec<Campaign>) -> impl IntoView {
    let today = date_of(now_ms());
    let total = list.len();
    view! {
        <section class="card" aria-labelledby="campaign-list-heading">
            <h2 id="campaign-list-heading">{format!("All campaigns ({})", thousands(total))}</h2>
            <div class="campaign-table-wrap">
                <table class="campaign-table">
                    <thead>
                        <tr>
                            <th scope="col">"Name"</th>
                            <th scope="col">"Channel"</th>
                            <th scope="col">"Dates"</th>
                            <th scope="col" class="num">"Budget"</th>
                            <th scope="col" class="num">"Members"</th>
                            <th scope="col" class="num">"Conversion rate"</th>
                        </tr>
                    </thead>
                    <tbody>
                        {list.into_iter().take(LIST_CAP).map(|c| {
                            let stats = c.stats();
                            let (phase_label, phase_class) = phase(&c, today);
                            let rate = (stats.members > 0).then(|| stats.conversion_rate());
                            view! {
                                <tr>
                                    <td>
                                        <a href=app_href(&format!("/campaigns/{}", c.id()))>{c.name.clone()}</a>
                                        " "
                                        <span class=format!("badge phase-{phase_class}")>{phase_label}</span>
                                    </td>
                                    <td>{c.channel.label()}</td>
                                    <td class="nowrap">{format!("{} – {}", c.start, c.end)}</td>
                                    <td class="num">{money(c.budget)}</td>
                                    <td class="num">{thousands(stats.members)}</td>
                                    <td class="num">{percent(rate)}</td>
                                </tr>
                            }
                        }).collect_view()}
                    </tbody>
                </table>
            </div>
            {(total > LIST_CAP).then(|| view! {
                <p class="muted">{format!("Showing the {LIST_CAP} newest of {} campaigns.", thousands(total))}</p>
            })}
        </section>
    }
}

/// What the plan form holds, one string per input.
#[derive(Clone, PartialEq)]
struct Draft {
    name: String,
    channel: String,
    start: String,
    end: String,
    budget: String,
    /// `""` (not chosen), `"all"`, `"view:<name>"` or `"segment:<name>"`.
    audience: String,
}

impl Draft {
    fn fresh() -> Draft {
        let now = now_ms();
        Draft {
            name: String::new(),
            channel: Channel::Email.label().to_string(),
            start: iso_date::format(date_of(now)),
            end: iso_date::format(date_of(now + 29 * DAY_MS)),
            budget: String::new(),
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

/// Parses a date field, recording a message when it is blank or malformed.
fn parse_date(errors: &mut ValidationErrors, field: &'static str, text: &str) -> Option<Date> {
    let text = text.trim();
    if text.is_empty() {
        errors.push(field, FieldErrorKind::Required);
        return None;
    }
    match iso_date::parse(text) {
        Ok(d) => Some(d),
        Err(_) => {
            errors.push(field, FieldErrorKind::InvalidDate(text.to_string()));
            None
        }
    }
}

/// The campaign the draft describes (without members), or every problem
/// with it, by field name.
fn build(draft: &Draft, now: i64) -> Result<Campaign, ValidationErrors> {
    let mut errors = ValidationErrors::default();
    let channel = match draft.channel.parse::<Channel>() {
        Ok(c) => c,
        Err(e) => {
            errors.push("channel", FieldErrorKind::NotAllowed(e.value));
            Channel::Other
        }
    };
    let start = parse_date(&mut errors, "start", &draft.start);
    let end = parse_date(&mut errors, "end", &draft.end);
    let budget_text = draft.budget.trim().replace([',', '_', ' '], "");
    let budget = if budget_text.is_empty() {
        errors.push("budget", FieldErrorKind::Required);
        0.0
    } else {
        match budget_text.parse::<f64>() {
            Ok(v) if v.is_finite() => v,
            _ => {
                errors.push("budget", FieldErrorKind::NotANumber);
                0.0
            }
        }
    };
    // With a date missing, compare the other with itself: "end before start"
    // only makes sense once both parse.
    let today = date_of(now);
    let (start, end) = match (start, end) {
        (Some(s), Some(e)) => (s, e),
        (Some(s), None) => (s, s),
        (None, Some(e)) => (e, e),
        (None, None) => (today, today),
    };
    let campaign = Campaign::new(
        Uuid::new_v4(),
        now,
        draft.name.trim(),
        channel,
        start,
        end,
        budget,
    );
    if let Err(more) = campaign.validate() {
        for e in more {
            if !errors.has(e.field) {
                errors.push(e.field, e.kind);
            }
        }
    }
    errors.into_result().map(|()| campaign)
}

#[component]
fn PlanForm() -> impl IntoView {
    let state = expect_context::<AppState>();
    let views: Vec<SavedView> = LocalStorage::get(VIEWS_KEY).unwrap_or_default();
    let views = StoredValue::new(views);
    let draft = RwSignal::new(Draft::fresh());
    let errors = RwSignal::new(ValidationErrors::default());
    let save_error = RwSignal::new(None::<(String, bool)>);
    let saving = RwSignal::new(false);

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
        let built = draft.with_untracked(|d| build(d, now));
        let query = audience_choice.with_untracked(|c| views.with_value(|v| audience_query(c, v)));
        let (mut campaign, query) = match (built, query) {
            (Ok(c), Some(q)) => (c, q),
            (built, query) => {
                let mut e = built.err().unwrap_or_default();
                if query.is_none() {
                    e.push(
                        "audience",
                        FieldErrorKind::Inconsistent(
                            "choose who the campaign reaches: all customers, a saved view or a segment",
                        ),
                    );
                }
                errors.set(e);
                save_error.set(Some((
                    "Not saved: please correct the fields marked below.".into(),
                    false,
                )));
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
        let mut changes = ChangeSet::new(format!(
            "Planned “{}” for {} customers",
            campaign.name,
            thousands(campaign.members.len())
        ));
        if let Err(e) = changes.insert(&campaign) {
            save_error.set(Some((e.user_message(), false)));
            return;
        }
        state.save(changes, true, save_error, Some(saving), move || {
            draft.set(Draft::fresh())
        });
    };

    let message = move |field: &'static str| move || errors.with(|e| e.sentences_for(field));
    let invalid = move |field: &'static str| move || errors.with(|e| e.has(field)).to_string();
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
                    aria-invalid=invalid(field)
                    aria-describedby=error_id.clone()
                />
                <span class="field-error" id=error_id role="alert">{message(field)}</span>
            </label>
        }
    };

    view! {
        <form class="card form plan-form" on:submit=save novalidate=true aria-labelledby="plan-heading">
            <h2 id="plan-heading">"Plan a campaign"</h2>
            <div class="form-grid">
                {input("name", "Name", "text", |d| d.name.clone(), |d, v| d.name = v)}
                <label class="field">
                    <span class="field-label">"Channel"</span>
                    <select
                        name="channel"
                        prop:value=move || draft.with(|d| d.channel.clone())
                        on:change=move |ev| draft.update(|d| d.channel = event_target_value(&ev))
                        aria-describedby="plan-error-channel"
                    >
                        {Channel::ALL.iter().map(|c| view! { <option value=c.label()>{c.label()}</option> }).collect_view()}
                    </select>
                    <span class="field-error" id="plan-error-channel" role="alert">{message("channel")}</span>
                </label>
                {input("start", "Start date", "date", |d| d.start.clone(), |d, v| d.start = v)}
                {input("end", "End date", "date", |d| d.end.clone(), |d, v| d.end = v)}
                {input("budget", "Budget", "text", |d| d.budget.clone(), |d, v| d.budget = v)}
                <label class="field audience-field">
                    <span class="field-label">"Audience"</span>
                    <select
                        name="audience"
                        prop:value=move || {
                            // Re-applied when the segment options are redrawn.
                            segments.track();
                            audience_choice.get()
                        }
                        on:change=move |ev| draft.update(|d| d.audience = event_target_value(&ev))
                        aria-invalid=invalid("audience")
                        aria-describedby="plan-error-audience plan-audience-size"
                    >
                        <option value="">"Choose who it reaches…"</option>
                        <option value="all">"All customers"</option>
                        {views.with_value(|vs| (!vs.is_empty()).then(|| view! {
                            <optgroup label="Saved views">
                                {vs.iter().map(|v| view! {
                                    <option value=format!("view:{}", v.name)>{v.name.clone()}</option>
                                }).collect_view()}
                            </optgroup>
                        }))}
                        {move || segments.with(|s| (!s.is_empty()).then(|| view! {
                            <optgroup label="Segments">
                                {s.iter().take(200).map(|(name, n)| view! {
                                    <option value=format!("segment:{name}")>{format!("{name} ({})", thousands(*n))}</option>
                                }).collect_view()}
                            </optgroup>
                        }))}
                    </select>
                    <span class="field-error" id="plan-error-audience" role="alert">{message("audience")}</span>
                </label>
            </div>
            <p class="audience-size" id="plan-audience-size" aria-live="polite">
                {move || match audience_size.get() {
                    None => "Pick an audience to see how many customers it reaches. Saved views come from the Customers list.".to_string(),
                    Some(0) => "This audience has no customers right now.".to_string(),
                    Some(1) => "Reaches 1 customer.".to_string(),
                    Some(n) => format!("Reaches {} customers.", thousands(n)),
                }}
            </p>
            <SaveError error=save_error/>
            <div class="form-actions">
                <button class="primary" type="submit" disabled=move || saving.get()>
                    {move || if saving.get() { "Saving…" } else { "Plan campaign" }}
                </button>
            </div>
        </form>
    }
}
