//! The Trash: customers moved to the trash, to restore or delete for good.

use crate::model::{date_of, Customer, Record};
use crate::ops;
use crate::store::{Collection, StoreError};
use crate::ui::components::{EmptyState, PageHeader};
use crate::ui::state::{now_ms, AppState};
use leptos::prelude::*;
use rapport_core::i18n::{common, trash as t};

async fn trashed(state: AppState) -> Result<Vec<Customer>, StoreError> {
    let mut list: Vec<Customer> = state
        .store()?
        .all_in_slices::<Customer>()
        .await?
        .into_iter()
        .filter(|c| c.is_deleted())
        .collect();
    list.sort_by_key(|c| std::cmp::Reverse(c.meta.deleted_at));
    Ok(list)
}

/// Trash: restore, or delete for good.
#[component]
pub fn TrashPage() -> impl IntoView {
    let state = expect_context::<AppState>();
    let list = LocalResource::new(move || {
        state.track(Collection::Customers);
        trashed(state)
    });
    let act = move |customer: Customer, restore: bool| {
        leptos::task::spawn_local(async move {
            let built = if restore {
                ops::records::restore_customer(&customer, now_ms())
            } else {
                match state.store() {
                    Ok(store) => ops::records::delete_for_good(&*store, &customer).await,
                    Err(e) => Err(e.into()),
                }
            };
            let changes = match built {
                Ok(c) => c,
                Err(e) => {
                    state.toast_error(e.user_message());
                    return;
                }
            };
            if let Err(e) = state.apply(changes, true).await {
                state.toast_error(e.user_message());
            }
        });
    };
    view! {
        <PageHeader title=t::title() subtitle=t::subtitle()/>
        <Transition fallback=|| view! { <p class="muted">{common::loading()}</p> }>
            {move || list.get().map(|result| match result {
                Err(e) => view! { <p class="error" role="alert">{e.user_message()}</p> }.into_any(),
                Ok(items) if items.is_empty() => view! {
                    <EmptyState icon="🗑" title=t::empty_title()>
                        <p>{t::empty_body()}</p>
                    </EmptyState>
                }.into_any(),
                Ok(items) => view! {
                    <ul class="card plain-list" aria-label=t::trashed_customers()>
                        {items.into_iter().map(|c| {
                            let name = c.display_name();
                            let when = c.meta.deleted_at.map(|at| crate::format::date(date_of(at))).unwrap_or_default();
                            let (a, b) = (c.clone(), c);
                            view! {
                                <li>
                                    <span class="grow"><strong>{name.clone()}</strong>" "<span class="muted">{t::trashed_on(when)}</span></span>
                                    <button aria-label=t::restore_who(name.clone()) on:click=move |_| act(a.clone(), true)>{t::restore()}</button>
                                    <button class="danger" aria-label=t::delete_who(name.clone()) on:click=move |_| act(b.clone(), false)>{t::delete_for_good()}</button>
                                </li>
                            }
                        }).collect_view()}
                    </ul>
                }.into_any(),
            })}
        </Transition>
    }
}
