//! Components mounted into the test page's DOM.

use leptos::prelude::*;
use rapport::ui::components::{EmptyState, PageHeader};
use rapport::ui::pages::SettingsPage;
use rapport::ui::pipeline_setting::{self, PipelineSetting, PIPELINE_KEY};
use rapport::ui::state::{sleep_ms, AppState, StoreStatus};
use rapport::ui::theme::{Theme, THEME_KEY};
use std::cell::Cell;
use std::rc::Rc;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::wasm_bindgen_test;

fn document() -> web_sys::Document {
    web_sys::window()
        .and_then(|w| w.document())
        .expect("a document")
}

/// A fresh container in the test page for one component.
fn container() -> web_sys::HtmlElement {
    let el = document().create_element("div").expect("create a div");
    document()
        .body()
        .expect("a body")
        .append_child(&el)
        .expect("append");
    el.unchecked_into()
}

#[wasm_bindgen_test]
fn page_header_renders_a_heading_and_the_subtitle() {
    let parent = container();
    let _handle = leptos::mount::mount_to(parent.clone(), || {
        view! { <PageHeader title="Customers" subtitle="Everyone you do business with."/> }
    });
    let h1 = parent.query_selector("h1").unwrap().expect("an h1");
    assert_eq!(h1.text_content().as_deref(), Some("Customers"));
    assert!(parent
        .text_content()
        .unwrap_or_default()
        .contains("Everyone you do business with."));
}

#[wasm_bindgen_test]
fn empty_state_is_a_named_region_with_its_explanation() {
    let parent = container();
    let _handle = leptos::mount::mount_to(parent.clone(), || {
        view! { <EmptyState icon="x" title="No tickets yet"><p>"Tickets appear here."</p></EmptyState> }
    });
    let region = parent
        .query_selector("section")
        .unwrap()
        .expect("a section");
    assert_eq!(
        region.get_attribute("aria-label").as_deref(),
        Some("No tickets yet")
    );
    assert!(region
        .text_content()
        .unwrap_or_default()
        .contains("Tickets appear here."));
}

#[wasm_bindgen_test]
fn choosing_dark_in_settings_applies_and_stores_the_theme() {
    let _ = web_sys::window()
        .unwrap()
        .local_storage()
        .unwrap()
        .unwrap()
        .remove_item(THEME_KEY);
    let parent = container();
    let _handle = leptos::mount::mount_to(parent.clone(), || {
        provide_context(RwSignal::new(Theme::Light));
        provide_context(RwSignal::new(rapport_core::i18n::Lang::En));
        PipelineSetting::provide();
        provide_context(AppState::start());
        view! { <SettingsPage/> }
    });
    let dark: web_sys::HtmlInputElement = parent
        .query_selector("input[value=dark]")
        .unwrap()
        .expect("a dark radio")
        .unchecked_into();
    dark.click();
    let root = document().document_element().unwrap();
    assert_eq!(root.get_attribute("data-theme").as_deref(), Some("dark"));
    assert_eq!(Theme::load(), Theme::Dark);
    let stored = web_sys::window()
        .unwrap()
        .local_storage()
        .unwrap()
        .unwrap()
        .get_item(THEME_KEY);
    assert_eq!(stored.unwrap().as_deref(), Some("\"dark\""));
}

#[wasm_bindgen_test]
fn router_base_is_the_directory_of_the_base_url() {
    use rapport::ui::base_path::base_path_of;
    assert_eq!(base_path_of("http://127.0.0.1:8080/"), "");
    assert_eq!(base_path_of("https://cdn.example/rapport/"), "/rapport");
    assert_eq!(
        base_path_of("https://cdn.example/a/b/index.html?x=1"),
        "/a/b"
    );
}

/// Waits (up to about 10 s) until `done` holds.
async fn eventually(what: &str, done: impl Fn() -> bool) {
    for _ in 0..500 {
        if done() {
            return;
        }
        sleep_ms(20).await;
    }
    panic!("timed out waiting for {what}");
}

fn type_into(input: &web_sys::HtmlInputElement, text: &str) {
    input.set_value(text);
    let init = web_sys::EventInit::new();
    init.set_bubbles(true);
    let event = web_sys::Event::new_with_event_init_dict("input", &init).unwrap();
    input.dispatch_event(&event).unwrap();
}

#[wasm_bindgen_test]
async fn the_pipeline_card_refuses_a_blank_stage_and_stores_a_renamed_one() {
    let storage = web_sys::window().unwrap().local_storage().unwrap().unwrap();
    let _ = storage.remove_item(PIPELINE_KEY);
    let parent = container();
    let state_out = Rc::new(Cell::new(None::<AppState>));
    let keep = state_out.clone();
    let _handle = leptos::mount::mount_to(parent.clone(), move || {
        provide_context(RwSignal::new(Theme::Light));
        provide_context(RwSignal::new(rapport_core::i18n::Lang::En));
        PipelineSetting::provide();
        let state = AppState::start();
        keep.set(Some(state));
        provide_context(state);
        view! { <SettingsPage/> }
    });
    let state = state_out.get().expect("the state");
    eventually("the store to open", || {
        state.status.get_untracked() == StoreStatus::Ready
    })
    .await;
    let first: web_sys::HtmlInputElement = parent
        .query_selector("input[aria-label='Stage 1 name']")
        .unwrap()
        .expect("the first stage's name")
        .unchecked_into();
    assert_eq!(first.value(), "Qualification");
    let save: web_sys::HtmlElement = parent
        .query_selector(".pipeline-card button[type=submit]")
        .unwrap()
        .expect("Save pipeline")
        .unchecked_into();

    type_into(&first, "  ");
    save.click();
    eventually("the blank stage to be refused", || {
        parent
            .text_content()
            .unwrap_or_default()
            .contains("Stage 1 needs a name.")
    })
    .await;
    assert_eq!(
        storage.get_item(PIPELINE_KEY).unwrap(),
        None,
        "nothing stored"
    );

    type_into(&first, "Discovery");
    save.click();
    eventually("the renamed stage to be stored", || {
        storage
            .get_item(PIPELINE_KEY)
            .unwrap()
            .is_some_and(|v| v.contains("Discovery"))
    })
    .await;
    let stored = pipeline_setting::load();
    assert_eq!(
        stored.stages,
        [
            "Discovery",
            "Needs analysis",
            "Proposal",
            "Negotiation",
            "Won",
            "Lost"
        ]
    );
    let _ = storage.remove_item(PIPELINE_KEY);
}

#[wasm_bindgen_test]
async fn a_failed_background_update_is_said_with_retry_instead_of_updating() {
    use rapport::jobs::Refresh;
    use rapport::ui::components::RefreshNotice;
    let parent = container();
    let refresh = RwSignal::new(Refresh::new());
    let retried = RwSignal::new(0);
    let _handle = leptos::mount::mount_to(parent.clone(), move || {
        view! {
            <RefreshNotice
                refresh=refresh
                what="the customers' purchase figures"
                computing="Scoring customers…"
                updating="Updating with the latest changes…"
                on_retry=move |()| retried.update(|n| *n += 1)
            />
        }
    });
    let text = || parent.text_content().unwrap_or_default();
    let first = refresh.try_update(|r| r.start()).expect("the signal");
    eventually("“Scoring customers…”", || {
        text() == "Scoring customers…"
    })
    .await;
    refresh.update(|r| r.succeeded(first));
    eventually("nothing once current", || text().is_empty()).await;
    let second = refresh.try_update(|r| r.start()).expect("the signal");
    eventually("“Updating…”", || text().contains("Updating")).await;
    refresh.update(|r| r.failed(second, "The background worker could not run the analysis (out of memory). Reload the page and try again."));
    eventually("the failure", || {
        parent
            .query_selector("[role=alert]")
            .ok()
            .flatten()
            .is_some()
    })
    .await;
    assert!(!refresh.get_untracked().pending());
    assert!(!text().contains("Updating"), "{}", text());
    let alert = parent
        .query_selector("[role=alert]")
        .unwrap()
        .expect("an alert");
    assert_eq!(
        alert.text_content().as_deref(),
        Some("The customers' purchase figures could not be updated with the latest changes: The background worker could not run the analysis (out of memory). Reload the page and try again. What is shown is from before them.")
    );
    let retry: web_sys::HtmlElement = parent
        .query_selector(".refresh-failed button")
        .unwrap()
        .expect("a Retry button")
        .unchecked_into();
    assert_eq!(retry.text_content().as_deref(), Some("Retry"));
    retry.click();
    assert_eq!(retried.get_untracked(), 1);
}
