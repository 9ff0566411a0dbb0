//! The application shell: router, header with navigation, footer.

use crate::ui::base_path::{app_href, router_base};
use crate::ui::components::{CommandPalette, DemoProgress, Toasts, UnlockScreen};
use crate::ui::language::{self, LANG_KEY};
use crate::ui::pages::*;
use crate::ui::pipeline_setting::{PipelineSetting, PIPELINE_KEY};
use crate::ui::state::{AppState, StoreStatus};
use crate::ui::theme::{Theme, THEME_KEY};
use leptos::prelude::*;
use leptos_router::components::{Route, Router, Routes, A};
use leptos_router::path;
use rapport_core::i18n::{shell as t, Lang};
use wasm_bindgen::JsCast;

/// A text of the catalogue, read in the current language when called.
pub type Text = fn() -> &'static str;

/// The pages in the navigation, in order: link text (in the current
/// language) and path.
pub const NAV: &[(Text, &str)] = &[
    (t::nav_dashboard, "/"),
    (t::nav_customers, "/customers"),
    (t::nav_search, "/search"),
    (t::nav_duplicates, "/duplicates"),
    (t::nav_tasks, "/tasks"),
    (t::nav_pipeline, "/pipeline"),
    (t::nav_orders, "/orders"),
    (t::nav_tickets, "/tickets"),
    (t::nav_campaigns, "/campaigns"),
    (t::nav_analytics, "/analytics"),
    (t::nav_insight, "/insight"),
    (t::nav_import_export, "/import-export"),
    (t::nav_settings, "/settings"),
    (t::nav_trash, "/trash"),
];

/// The whole app: provides the theme and language signals and renders the
/// shell around the routed page (again, whole, when the language changes).
#[component]
pub fn App() -> impl IntoView {
    let theme = RwSignal::new(Theme::load());
    theme.get_untracked().apply();
    provide_context(theme);
    let language = RwSignal::new(language::load());
    language::apply(language.get_untracked());
    provide_context(language);
    let pipeline = PipelineSetting::provide();
    // Settings changed in another tab.
    let _ = window_event_listener(leptos::ev::storage, move |ev| match ev.key().as_deref() {
        Some(PIPELINE_KEY) => pipeline.reload(),
        Some(THEME_KEY) => {
            let t = Theme::load();
            t.apply();
            theme.set(t);
        }
        Some(LANG_KEY) => {
            let lang = language::load();
            language::apply(lang);
            language.set(lang);
        }
        _ => {}
    });
    let state = AppState::start();
    provide_context(state);
    pipeline.follow_store(state);

    // Locked (encryption on, not unlocked yet): the unlock screen and
    // nothing else; the app is built once unlocked.
    view! {
        <Show when=move || !state.locked.get() fallback=|| view! { <UnlockScreen/> }>
        {move || shell(language.get(), state)}
        </Show>
    }
}

/// The shell and the routed page, with every text in `lang`.
fn shell(lang: Lang, state: AppState) -> impl IntoView {
    // The texts read the language set by `language::apply`; `lang` is what
    // makes the caller build the shell again when it changes.
    let _ = lang;
    view! {
        <Router base=router_base()>
            <div class="shell">
                // The first stop of the keyboard: past the navigation to the
                // page itself. A button, not an `#main` link: with the
                // `<base>` of a sub-path, a fragment link would navigate.
                <button type="button" class="skip-link" on:click=|_| focus_main()>
                    {t::skip_to_content()}
                </button>
                <header class="topbar">
                    <A href=app_href("/") attr:class="brand">
                        <span class="brand-mark" aria-hidden="true">"R"</span>
                        <span class="brand-name">"Rapport"</span>
                    </A>
                    <span class="tagline">{t::tagline()}</span>
                    <span class="topbar-progress"><DemoProgress/></span>
                </header>
                <nav class="sidebar" aria-label=t::main_navigation()>
                    <ul>
                        {NAV
                            .iter()
                            .map(|(label, href)| {
                                view! {
                                    <li>
                                        <A href=app_href(href) exact=*href == "/">
                                            {label()}
                                        </A>
                                    </li>
                                }
                            })
                            .collect_view()}
                    </ul>
                </nav>
                <main class="content" id="main" tabindex="-1">
                    {move || match state.status.get() {
                        StoreStatus::Failed(message) => Some(view! { <p class="error" role="alert">{message}</p> }.into_any()),
                        StoreStatus::Opening if state.open_stalled.get() => Some(view! {
                            <p class="notice" role="status">{t::store_blocked()}</p>
                        }.into_any()),
                        _ => None,
                    }}
                    {move || state.interrupted.get().map(|sentence| view! {
                        <p class="notice interrupted" role="alert">
                            {sentence}
                            " "
                            <button type="button" class="link" on:click=move |_| state.interrupted.set(None)>{t::dismiss()}</button>
                        </p>
                    })}
                    <Routes fallback=NotFoundPage>
                        <Route path=path!("/") view=DashboardPage/>
                        <Route path=path!("/customers") view=CustomersPage/>
                        <Route path=path!("/customers/new") view=NewCustomerPage/>
                        <Route path=path!("/customers/:id") view=CustomerPage/>
                        <Route path=path!("/trash") view=TrashPage/>
                        <Route path=path!("/search") view=SearchPage/>
                        <Route path=path!("/duplicates") view=DuplicatesPage/>
                        <Route path=path!("/notes/:id") view=InteractionPage/>
                        <Route path=path!("/pipeline") view=PipelinePage/>
                        <Route path=path!("/pipeline/new") view=NewDealPage/>
                        <Route path=path!("/orders") view=OrdersPage/>
                        <Route path=path!("/orders/new") view=NewOrderPage/>
                        <Route path=path!("/tickets") view=TicketsPage/>
                        <Route path=path!("/tickets/new") view=NewTicketPage/>
                        <Route path=path!("/tickets/:id") view=TicketPage/>
                        <Route path=path!("/campaigns") view=CampaignsPage/>
                        <Route path=path!("/campaigns/:id") view=CampaignPage/>
                        <Route path=path!("/tasks") view=TasksPage/>
                        <Route path=path!("/analytics") view=AnalyticsPage/>
                        <Route path=path!("/insight") view=InsightPage/>
                        <Route path=path!("/import-export") view=ImportExportPage/>
                        <Route path=path!("/settings") view=SettingsPage/>
                    </Routes>
                </main>
                <Toasts/>
                <CommandPalette/>
                <footer class="footer">{t::footer()}</footer>
            </div>
        </Router>
    }
}

/// Moves the keyboard focus to the page's main content.
fn focus_main() {
    if let Some(main) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id("main"))
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
    {
        let _ = main.focus();
    }
}
