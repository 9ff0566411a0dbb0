//! The Campaigns page (`/campaigns`): every campaign with its funnel at a
//! glance, and the "Plan a campaign" form.
//!
//! The audience of a new campaign is a saved view of the Customers list (read
//! through `customers::load_views`, the same localStorage key) or a segment,
//! resolved through the in-memory customer index, so its size shows before
//! saving. Responses are recorded and the campaign evaluated on its own page
//! (`campaign/`). The form is in `plan.rs`; this file also holds the number
//! formatting both pages share.

use crate::model::{date_of, Campaign, Record};
use crate::store::{Collection, Store, StoreError};
use crate::ui::base_path::app_href;
use crate::ui::components::{thousands, EmptyState, PageHeader};
use crate::ui::state::{now_ms, AppState};
use leptos::prelude::*;
use rapport_core::i18n::campaigns as t;
use time::Date;

mod plan;

use plan::PlanForm;

/// Campaigns listed at most (newest first); more is a sign of imported junk.
const LIST_CAP: usize = 500;

pub(super) use crate::format::{money, percent};

/// Where a campaign stands on `today`.
pub(super) fn phase(c: &Campaign, today: Date) -> (&'static str, &'static str) {
    if today < c.start {
        (t::planned(), "planned")
    } else if today > c.end {
        (t::ended(), "ended")
    } else {
        (t::running(), "running")
    }
}

/// The live campaigns, newest start first; `None` while the store opens.
async fn load(state: AppState) -> Result<Vec<Campaign>, StoreError> {
    let mut list: Vec<Campaign> = state
        .store()?
        .all::<Campaign>()
        .await?
        .into_iter()
        .filter(|c| !c.is_deleted())
        .collect();
    list.sort_by(|a, b| b.start.cmp(&a.start).then_with(|| a.name.cmp(&b.name)));
    Ok(list)
}

/// Campaigns: the list and the plan form.
#[component]
pub fn CampaignsPage() -> impl IntoView {
    let state = expect_context::<AppState>();
    let campaigns = state.store_resource(&[Collection::Campaigns], load);
    view! {
        <PageHeader title=t::title() subtitle=t::subtitle()/>
        <PlanForm/>
        <Transition fallback=|| view! { <p class="muted">{t::loading()}</p> }>
            {move || campaigns.get().map(|result| match result {
                Err(e) => view! { <p class="error" role="alert">{e.user_message()}</p> }.into_any(),
                Ok(None) => view! { <p class="muted">{t::opening_database()}</p> }.into_any(),
                Ok(Some(list)) if list.is_empty() => view! {
                    <EmptyState icon="✦" title=t::empty_title()>
                        <p>{t::empty_text()}</p>
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
            <h2 id="campaign-list-heading">{t::all_campaigns(thousands(total))}</h2>
            <div class="campaign-table-wrap">
                <table class="campaign-table">
                    <thead>
                        <tr>
                            <th scope="col">{t::name()}</th>
                            <th scope="col">{t::channel()}</th>
                            <th scope="col">{t::dates()}</th>
                            <th scope="col" class="num">{t::budget()}</th>
                            <th scope="col" class="num">{t::members()}</th>
                            <th scope="col" class="num">{t::conversion_rate()}</th>
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
                                    <td>{c.channel.display()}</td>
                                    <td class="nowrap">{format!("{} – {}", crate::format::date(c.start), crate::format::date(c.end))}</td>
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
                <p class="muted">{t::showing_newest(LIST_CAP, thousands(total))}</p>
            })}
        </section>
    }
}
