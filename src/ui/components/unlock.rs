//! The unlock screen: what a locked Rapport shows instead of the app, before
//! anything else — a passphrase field, and the sentence when it is wrong.

use crate::store::seal::Target;
use crate::ui::state::AppState;
use leptos::prelude::*;

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
                <h1>"Unlock Rapport"</h1>
                <p class="muted">
                    "The data in this browser is encrypted. Type your passphrase to open it; "
                    "it never leaves this device."
                </p>
                {move || state.interrupted_rewrite.get().map(|target| {
                    let what = match target {
                        Target::Sealed => "Turning encryption on",
                        Target::Plain => "Turning encryption off",
                    };
                    view! {
                        <p class="notice" role="status">
                            {format!("{what} was cut off before it finished. Every record is readable; it resumes once you unlock.")}
                        </p>
                    }
                })}
                <form class="unlock-form" on:submit=submit>
                    <label class="field">
                        <span class="field-label">"Passphrase"</span>
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
                            {move || if busy.get() { "Unlocking…" } else { "Unlock" }}
                        </button>
                    </div>
                </form>
            </section>
        </main>
    }
}
