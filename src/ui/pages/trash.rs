//! The Trash: customers moved to the trash, to restore or delete for good.

use crate::model::{date_of, Customer, Record};
use crate::ops;
use crate::store::{Collection, Store, StoreError};
use crate::ui::components::{EmptyState, PageHeader};
use crate::ui::state::{now_ms, AppState};
use leptos::prelude::*;

async fn trashed(state: AppState) -> Result<Vec<Customer>, StoreError> {
    let mut list: Vec<Customer> = state
        .store()?
        .all::<Customer>()
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
        <PageHeader title="Trash" subtitle="Customers moved to the trash. Restore them, or delete them for good."/>
        <Transition fallback=|| view! { <p class="muted">"Loading…"</p> }>
            {move || list.get().map(|result| match result {
                Err(e) => view! { <p class="error" role="alert">{e.user_message()}</p> }.into_any(),
                Ok(items) if items.is_empty() => view! {
                    <EmptyState icon="🗑" title="The trash is empty">
                        <p>"Customers you delete land here first, so a slip can be undone."</p>
                    </EmptyState>
                }.into_any(),
                Ok(items) => view! {
                    <ul class="card plain-list" aria-label="Trashed customers">
                        {items.into_iter().map(|c| {
                            let name = c.display_name();
                            let when = c.meta.deleted_at.map(|t| date_of(t).to_string()).unwrap_or_default();
                            let (a, b) = (c.clone(), c);
                            view! {
                                <li>
                                    <span class="grow"><strong>{name.clone()}</strong>" "<span class="muted">{format!("trashed {when}")}</span></span>
                                    <button aria-label=format!("Restore {name}") on:click=move |_| act(a.clone(), true)>"Restore"</button>
                                    <button class="danger" aria-label=format!("Delete for good: {name}") on:click=move |_| act(b.clone(), false)>"Delete for good"</button>
                                </li>
                            }
                        }).collect_view()}
                    </ul>
                }.into_any(),
            })}
        </Transition>
    }
}
