//! A customer's sentiment over time: the mean sentiment of their notes,
//! calls, emails, meetings and tickets per month, with the share that read
//! negative.

use crate::model::{Id, Interaction, Record, Ticket};
use crate::sentiment;
use crate::store::{Collection, Store, StoreError};
use crate::ui::components::Chart;
use crate::ui::lexicons;
use crate::ui::pages::text_charts::sentiment_trend;
use crate::ui::state::AppState;
use leptos::prelude::*;
use rapport_core::i18n::customer as t;

/// The customer's monthly trend, or the sentence that says why there is none.
async fn load(state: AppState, customer: Id) -> Result<Vec<sentiment::MonthPoint>, String> {
    lexicons::ready().await.map_err(|e| e.user_message())?;
    scored(state, customer).await.map_err(|e| e.user_message())
}

async fn scored(state: AppState, customer: Id) -> Result<Vec<sentiment::MonthPoint>, StoreError> {
    let store = state.store()?;
    let mut points = Vec::new();
    for i in store.for_customer::<Interaction>(customer).await? {
        if !i.is_deleted() {
            let text = format!("{}\n{}", i.subject, i.body);
            points.push((i.at, sentiment::score(&text).compound));
        }
    }
    for t in store.for_customer::<Ticket>(customer).await? {
        if !t.is_deleted() {
            let text = format!("{}\n{}", t.subject, t.body);
            points.push((t.opened_at, sentiment::score(&text).compound));
        }
    }
    Ok(sentiment::monthly_trend(points))
}

/// The customer's sentiment trend card.
#[component]
pub fn CustomerSentiment(customer: Id) -> impl IntoView {
    let state = expect_context::<AppState>();
    let trend = LocalResource::new(move || {
        state.track(Collection::Interactions);
        state.track(Collection::Tickets);
        load(state, customer)
    });
    view! {
        <section class="card chart-card" aria-labelledby="customer-sentiment-heading">
            <h2 id="customer-sentiment-heading">{t::sentiment()}</h2>
            <Transition fallback=|| view! { <p class="muted">{t::scoring()}</p> }>
                {move || trend.get().map(|result| match result {
                    Err(e) => view! { <p class="error" role="alert">{e}</p> }.into_any(),
                    Ok(points) if points.is_empty() => view! {
                        <p class="muted">{t::nothing_to_score()}</p>
                    }.into_any(),
                    Ok(points) => {
                        let texts: usize = points.iter().map(|p| p.count).sum();
                        let negative: usize = points.iter().map(|p| p.negative).sum();
                        view! {
                            <Chart spec=Signal::stored(sentiment_trend(t::sentiment_chart(), &points)) height=220/>
                            <p class="muted">{t::read_negative(negative, texts)}</p>
                        }.into_any()
                    }
                })}
            </Transition>
        </section>
    }
}
