//! The storage panel on Settings: how much the browser lets Rapport keep,
//! how much is used, and whether the data is protected from eviction.

use leptos::prelude::*;
use rapport_core::i18n::settings as t;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

#[derive(Clone)]
struct Usage {
    used: f64,
    quota: f64,
    persisted: Option<bool>,
}

async fn read_usage() -> Result<Usage, String> {
    let storage = web_sys::window()
        .ok_or(t::storage_no_window())?
        .navigator()
        .storage();
    let estimate = JsFuture::from(storage.estimate().map_err(|_| t::storage_no_estimate())?)
        .await
        .map_err(|_| t::storage_estimate_refused())?
        .unchecked_into::<web_sys::StorageEstimate>();
    let persisted = match storage.persisted() {
        Ok(p) => JsFuture::from(p).await.ok().and_then(|v| v.as_bool()),
        Err(_) => None,
    };
    Ok(Usage {
        used: estimate.get_usage().unwrap_or(0.0),
        quota: estimate.get_quota().unwrap_or(0.0),
        persisted,
    })
}

fn megabytes(bytes: f64) -> String {
    if bytes >= 1e9 {
        format!("{:.1} GB", bytes / 1e9)
    } else {
        format!("{:.1} MB", bytes / 1e6)
    }
}

/// Usage, quota and persistence.
#[component]
pub fn StorageCard() -> impl IntoView {
    let usage = LocalResource::new(read_usage);
    view! {
        <section class="card">
            <h2>{t::storage()}</h2>
            <Transition fallback=|| view! { <p class="muted">{t::measuring()}</p> }>
                {move || usage.get().map(|r| match r {
                    Err(e) => view! { <p class="error">{t::storage_unavailable(e)}</p> }.into_any(),
                    Ok(u) => view! {
                        <p>{t::storage_use(megabytes(u.used), megabytes(u.quota))}</p>
                        <progress aria-label=t::storage_used() max=u.quota value=u.used></progress>
                        <p class="muted">{match u.persisted {
                            Some(true) => t::persistence_granted(),
                            Some(false) => t::persistence_refused(),
                            None => t::persistence_unknown(),
                        }}</p>
                    }.into_any(),
                })}
            </Transition>
        </section>
    }
}
