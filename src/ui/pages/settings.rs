//! The Settings page: appearance (theme), the sales pipeline's stages,
//! encryption at rest, and the browser storage Rapport uses.

use crate::ui::components::PageHeader;
use crate::ui::theme::Theme;
use leptos::prelude::*;

/// Settings: the theme switch, persisted in localStorage.
#[component]
pub fn SettingsPage() -> impl IntoView {
    let theme = expect_context::<RwSignal<Theme>>();
    let (error, set_error) = signal(None::<String>);
    let choose = move |t: Theme| {
        theme.set(t);
        set_error.set(
            t.save_and_apply()
                .err()
                .map(|e| format!("The theme could not be saved in this browser: {e}")),
        );
    };
    let option = move |t: Theme, label: &'static str, hint: &'static str| {
        view! {
            <label class="choice">
                <input
                    type="radio"
                    name="theme"
                    value=t.as_str()
                    prop:checked=move || theme.get() == t
                    on:change=move |_| choose(t)
                />
                <span class="choice-text">
                    <span class="choice-label">{label}</span>
                    <span class="choice-hint">{hint}</span>
                </span>
            </label>
        }
    };
    view! {
        <PageHeader title="Settings" subtitle="Preferences are kept in this browser only."/>
        <section class="card">
            <h2>"Appearance"</h2>
            <fieldset class="choices">
                <legend>"Theme"</legend>
                {option(Theme::Light, "Light", "Dark text on light surfaces")}
                {option(Theme::Dark, "Dark", "Light text on dark surfaces")}
            </fieldset>
            {move || error.get().map(|e| view! { <p class="error" role="alert">{e}</p> })}
        </section>
        <super::pipeline_card::PipelineCard/>
        <super::encryption_card::EncryptionCard/>
        <super::storage_card::StorageCard/>
    }
}
