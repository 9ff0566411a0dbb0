//! The Settings page: appearance (theme), the language, the sales
//! pipeline's stages, encryption at rest, and the browser storage Rapport
//! uses.

use crate::ui::components::PageHeader;
use crate::ui::language;
use crate::ui::theme::Theme;
use leptos::prelude::*;
use rapport_core::i18n::{settings as t, Lang};

/// Settings: the theme and language switches, persisted in localStorage,
/// then the cards.
#[component]
pub fn SettingsPage() -> impl IntoView {
    view! {
        <PageHeader title=t::title() subtitle=t::subtitle()/>
        <section class="card">
            <h2>{t::appearance()}</h2>
            <ThemeChoice/>
            <LanguageChoice/>
        </section>
        <super::pipeline_card::PipelineCard/>
        <super::encryption_card::EncryptionCard/>
        <super::storage_card::StorageCard/>
    }
}

/// One radio choice with its label and hint.
fn choice(
    group: &'static str,
    value: &'static str,
    label: &'static str,
    hint: &'static str,
    checked: impl Fn() -> bool + Send + Sync + 'static,
    choose: impl Fn() + 'static,
) -> impl IntoView {
    view! {
        <label class="choice">
            <input
                type="radio"
                name=group
                value=value
                prop:checked=checked
                on:change=move |_| choose()
            />
            <span class="choice-text">
                <span class="choice-label">{label}</span>
                <span class="choice-hint">{hint}</span>
            </span>
        </label>
    }
}

/// Light or dark.
#[component]
fn ThemeChoice() -> impl IntoView {
    let theme = expect_context::<RwSignal<Theme>>();
    let (error, set_error) = signal(None::<String>);
    let option = move |th: Theme, label: &'static str, hint: &'static str| {
        let choose = move || {
            theme.set(th);
            set_error.set(
                th.save_and_apply()
                    .err()
                    .map(|e| t::theme_not_saved(e.to_string())),
            );
        };
        choice(
            "theme",
            th.as_str(),
            label,
            hint,
            move || theme.get() == th,
            choose,
        )
    };
    view! {
        <fieldset class="choices">
            <legend>{t::theme()}</legend>
            {option(Theme::Light, t::theme_light(), t::theme_light_hint())}
            {option(Theme::Dark, t::theme_dark(), t::theme_dark_hint())}
        </fieldset>
        {move || error.get().map(|e| view! { <p class="error" role="alert">{e}</p> })}
    }
}

/// English or 简体中文, each named in its own language. Choosing one
/// re-renders the whole app in it (the shell watches the signal).
#[component]
fn LanguageChoice() -> impl IntoView {
    let language = expect_context::<RwSignal<Lang>>();
    let (error, set_error) = signal(None::<String>);
    let option = move |lang: Lang, hint: &'static str| {
        let choose = move || {
            let saved = language::save_and_apply(lang);
            set_error.set(saved.err().map(|e| t::language_not_saved(e.to_string())));
            language.set(lang);
        };
        let checked = move || language.get() == lang;
        choice(
            "language",
            lang.tag(),
            lang.native_name(),
            hint,
            checked,
            choose,
        )
    };
    view! {
        <fieldset class="choices">
            <legend>{t::language()}</legend>
            {option(Lang::En, t::language_hint_en())}
            {option(Lang::Zh, t::language_hint_zh())}
        </fieldset>
        {move || error.get().map(|e| view! { <p class="error" role="alert">{e}</p> })}
    }
}
