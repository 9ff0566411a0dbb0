//! The unlock screen: what a locked Rapport shows instead of the app, before
//! anything else — a passphrase field, and the sentence when it is wrong.

use crate::store::seal::Target;
use crate::ui::state::AppState;
use leptos::prelude::*;
use rapport_core::i18n::components as t;

/// "Unlock Rapport": the passphrase, and what went wrong if anything.
#[component]
pub fn UnlockScreen() -> impl IntoView {
    let state = expect_context::<AppState>();
    let passphrase = RwSignal::new(String::new());
    let error = RwSignal::new(None::<String>);
    let busy = RwSignal::new(false);
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if busy.get_untracked() {
            return;
        }
        busy.set(true);
        error.set(None);
        let typed = passphrase.get_untracked();
        leptos::task::spawn_local(async move {
            if let Err(e) = state.unlock(&typed).await {
                error.set(Some(e.user_message()));
            }
            busy.set(false);
        });
    };
    view! {
        <main class="content unlock" id="main" tabindex="-1">
            <section class="card unlock-card">
                <h1>{t::unlock_title()}</h1>
                <p class="muted">
                    {t::unlock_intro()}
                </p>
                {move || state.interrupted_rewrite.get().map(|target| {
                    let what = match target {
                        Target::Sealed => t::sealing_cut_off(),
                        Target::Plain => t::unsealing_cut_off(),
                    };
                    view! {
                        <p class="notice" role="status">{what}</p>
                    }
                })}
                <form class="unlock-form" on:submit=submit>
                    <label class="field">
                        <span class="field-label">{t::passphrase()}</span>
                        <input
                            type="password"
                            name="passphrase"
                            autocomplete="current-password"
                            autofocus
                            prop:value=move || passphrase.get()
                            on:input=move |ev| passphrase.set(event_target_value(&ev))
                        />
                    </label>
                    {move || error.get().map(|e| view! { <p class="error" role="alert">{e}</p> })}
                    <div class="form-actions">
                        <button type="submit" class="primary" disabled=move || busy.get()>
                            {move || if busy.get() { t::unlocking() } else { t::unlock() }}
                        </button>
                    </div>
                </form>
            </section>
        </main>
    }
}
