//! The command palette: Ctrl+K (Cmd+K on a Mac) opens a modal dialog with
//! one search box; it lists the pages of the navigation ([`NAV`]) whose name
//! matches, up to eight customers from the in-memory index, up to five
//! notes and tickets from the text index, and a link to the search page. Arrow keys
//! move the highlight, Enter opens it, Escape or a click outside closes.
//!
//! Mounted once by the shell (`app.rs`), inside the router; the keyboard
//! shortcut is one listener on `window`, removed if the palette is unmounted.

use crate::model::Id;
use crate::search::ListQuery;
use crate::text::{DocKey, TextQuery};
use crate::ui::app::NAV;
use crate::ui::components::{day, text_path};
use crate::ui::state::customer_name;
use crate::ui::state::AppState;
use leptos::ev;
use leptos::html;
use leptos::prelude::*;
use leptos_router::hooks::use_navigate;
use rapport_core::i18n::{common, components as t};
use wasm_bindgen::JsCast;

/// Customers listed at most.
const CUSTOMER_RESULTS: usize = 8;
/// Notes and tickets listed at most.
const TEXT_RESULTS: usize = 5;

/// One thing the palette can open.
#[derive(Clone, PartialEq)]
enum Target {
    /// A page of the navigation: its name and path.
    Page(&'static str, &'static str),
    /// A customer: id, name and a line of detail.
    Customer(Id, String, String),
    /// A note, email, meeting or ticket: which, its subject and a line of
    /// detail.
    Text(DocKey, String, String),
    /// The search page for the typed words.
    SearchTexts(String),
}

impl Target {
    /// The in-app path to navigate to (without the router base:
    /// `use_navigate` adds it).
    fn path(&self) -> String {
        match self {
            Target::Page(_, path) => (*path).to_string(),
            Target::Customer(id, ..) => format!("/customers/{id}"),
            Target::Text(key, ..) => text_path(*key),
            Target::SearchTexts(words) => format!("/search?q={}", url_encoded(words)),
        }
    }
}

/// The matching pages, then the matching customers.
fn results(state: &AppState, text: &str) -> Vec<Target> {
    let needle = text.trim().to_lowercase();
    let mut out: Vec<Target> = NAV
        .iter()
        .filter(|(label, _)| needle.is_empty() || label().to_lowercase().contains(&needle))
        .map(|(label, path)| Target::Page(label(), path))
        .collect();
    if !needle.is_empty() {
        state.with_index(|i| {
            let ids = i.query(&ListQuery {
                text: text.to_string(),
                ..ListQuery::default()
            });
            out.extend(ids.into_iter().take(CUSTOMER_RESULTS).filter_map(|id| {
                let row = i.get(&id)?;
                Some(Target::Customer(id, row.name.clone(), row.detail()))
            }));
        });
        // Notes and tickets, when the text index is built.
        let query = TextQuery {
            text: text.to_string(),
            limit: TEXT_RESULTS,
            ..TextQuery::default()
        };
        state.text.with(|index| {
            out.extend(index.search(&query).into_iter().filter_map(|h| {
                let doc = index.doc(h.hit.key)?;
                let title = if doc.title.is_empty() {
                    t::text_kind(h.hit.key.kind).to_string()
                } else {
                    doc.title.clone()
                };
                Some(Target::Text(
                    h.hit.key,
                    title,
                    format!(
                        "{} · {}",
                        day(h.hit.at),
                        customer_name(state, &h.hit.customer)
                    ),
                ))
            }));
        });
        out.push(Target::SearchTexts(text.trim().to_string()));
    }
    out
}

/// `text` with everything but unreserved URL characters percent-encoded.
fn url_encoded(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for b in text.bytes() {
        if b.is_ascii_alphanumeric() || b"-_.~".contains(&b) {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// Jump to any customer or page from the keyboard.
#[component]
pub fn CommandPalette() -> impl IntoView {
    let state = expect_context::<AppState>();
    let navigate = StoredValue::new_local(use_navigate());
    let open = RwSignal::new(false);
    let text = RwSignal::new(String::new());
    let highlight = RwSignal::new(0usize);
    let input_ref = NodeRef::<html::Input>::new();
    // The element focused before opening, to give focus back on close.
    let opener = StoredValue::new_local(None::<web_sys::HtmlElement>);

    let items = Memo::new(move |_| {
        if !open.get() {
            return Vec::new();
        }
        state.index_revision.track();
        state.text.revision.track();
        text.with(|t| results(&state, t))
    });

    let show = move || {
        let focused = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.active_element())
            .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok());
        opener.set_value(focused);
        text.set(String::new());
        highlight.set(0);
        open.set(true);
        super::want_text_index_now(state);
    };
    let close = move || {
        if !open.get_untracked() {
            return;
        }
        open.set(false);
        if let Some(el) = opener.get_value() {
            let _ = el.focus();
        }
    };
    let go = move |target: &Target| {
        let path = target.path();
        close();
        navigate.with_value(|n| n(&path, Default::default()));
    };

    let handle = window_event_listener(ev::keydown, move |e: web_sys::KeyboardEvent| {
        if (e.ctrl_key() || e.meta_key()) && !e.alt_key() && e.key().eq_ignore_ascii_case("k") {
            e.prevent_default();
            if open.get_untracked() {
                close();
            } else {
                show();
            }
        } else if e.key() == "Escape" && open.get_untracked() {
            // Also when focus left the search box (a click on a result).
            e.prevent_default();
            close();
        }
    });
    on_cleanup(move || handle.remove());

    // Focus the search box once it is in the page.
    Effect::new(move |_| {
        if let Some(input) = input_ref.get() {
            let _ = input.focus();
        }
    });

    let on_key = move |e: web_sys::KeyboardEvent| {
        let n = items.with_untracked(Vec::len);
        match e.key().as_str() {
            "ArrowDown" => {
                e.prevent_default();
                if n > 0 {
                    highlight.update(|h| *h = (*h + 1) % n);
                }
            }
            "ArrowUp" => {
                e.prevent_default();
                if n > 0 {
                    highlight.update(|h| *h = (*h + n - 1) % n);
                }
            }
            "Home" if n > 0 => {
                e.prevent_default();
                highlight.set(0);
            }
            "End" if n > 0 => {
                e.prevent_default();
                highlight.set(n - 1);
            }
            "Enter" => {
                e.prevent_default();
                let picked =
                    items.with_untracked(|list| list.get(highlight.get_untracked()).cloned());
                if let Some(target) = picked {
                    go(&target);
                }
            }
            "Escape" => {
                e.prevent_default();
                close();
            }
            // The search box is the dialog's only stop: keep focus inside.
            "Tab" => e.prevent_default(),
            _ => {}
        }
    };

    let option_id = |i: usize| format!("palette-option-{i}");

    view! {
        <Show when=move || open.get()>
            <div
                class="palette-backdrop"
                on:mousedown=move |e: ev::MouseEvent| {
                    // Only a press on the backdrop itself, not inside the dialog.
                    if e.target() == e.current_target() {
                        close();
                    }
                }
            >
                <div class="palette" role="dialog" aria-modal="true" aria-label=t::palette()>
                    <input
                        node_ref=input_ref
                        class="palette-input"
                        type="text"
                        role="combobox"
                        aria-label=t::palette_search()
                        aria-expanded="true"
                        aria-controls="palette-results"
                        aria-autocomplete="list"
                        aria-activedescendant=move || {
                            let h = highlight.get();
                            (h < items.with(Vec::len)).then(|| option_id(h))
                        }
                        placeholder=t::palette_placeholder()
                        autocomplete="off"
                        spellcheck="false"
                        prop:value=move || text.get()
                        on:input=move |e| {
                            text.set(event_target_value(&e));
                            highlight.set(0);
                        }
                        on:keydown=on_key
                    />
                    <ul id="palette-results" class="palette-results" role="listbox" aria-label=t::results()>
                        {move || {
                            let list = items.get();
                            if list.is_empty() {
                                return view! {
                                    <li class="palette-empty muted" role="presentation">
                                        {t::palette_nothing()}
                                    </li>
                                }.into_any();
                            }
                            list.into_iter().enumerate().map(|(i, target)| {
                                let (kind, label, detail) = match &target {
                                    Target::Page(label, _) => (t::kind_page(), label.to_string(), String::new()),
                                    Target::Customer(_, name, detail) => (common::customer(), name.clone(), detail.clone()),
                                    Target::Text(key, title, detail) => (t::text_kind(key.kind), title.clone(), detail.clone()),
                                    Target::SearchTexts(words) => (t::kind_search(), t::search_texts_for(words.clone()), String::new()),
                                };
                                let selected = move || highlight.get() == i;
                                view! {
                                    <li
                                        id=option_id(i)
                                        role="option"
                                        class="palette-option"
                                        class:active=selected
                                        aria-selected=move || selected().to_string()
                                        on:mousemove=move |_| if highlight.get_untracked() != i { highlight.set(i) }
                                        on:click=move |_| go(&target)
                                    >
                                        <span class="palette-kind">{kind}</span>
                                        <span class="palette-label">{label}</span>
                                        <span class="palette-detail muted">{detail}</span>
                                    </li>
                                }
                            }).collect_view().into_any()
                        }}
                    </ul>
                    <p class="palette-hint muted" aria-hidden="true">{t::palette_keys()}</p>
                </div>
            </div>
        </Show>
    }
}
