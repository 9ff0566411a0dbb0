//! The storage panel on Settings: how much the browser lets Rapport keep,
//! how much is used, and whether the data is protected from eviction.

use leptos::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

#[derive(Clone)]
struct Usage {
    used: f64,
    quota: f64,
    persisted: Option<bool>,
}

async fn read_usage() -> Result<Usage, String> {
    let storage = web_sys::window().ok_or("no window")?.navigator().storage();
    let estimate = JsFuture::from(storage.estimate().map_err(|_| "estimate unavailable")?)
        .await
        .map_err(|_| "the browser refused to estimate storage")?
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
            <h2>"Storage"</h2>
            <Transition fallback=|| view! { <p class="muted">"Measuring…"</p> }>
                {move || usage.get().map(|r| match r {
                    Err(e) => view! { <p class="error">{format!("Storage use cannot be shown: {e}.")}</p> }.into_any(),
                    Ok(u) => view! {
                        <p>{format!("Rapport uses {} of the {} this browser allows.", megabytes(u.used), megabytes(u.quota))}</p>
                        <progress aria-label="Storage used" max=u.quota value=u.used></progress>
                        <p class="muted">{match u.persisted {
                            Some(true) => "Persistent storage is granted: the browser will not evict Rapport's data under storage pressure.",
                            Some(false) => "Persistent storage was not granted: under storage pressure the browser may evict Rapport's data. Export a backup regularly.",
                            None => "This browser does not say whether the data is protected from eviction.",
                        }}</p>
                    }.into_any(),
                })}
            </Transition>
        </section>
    }
}
