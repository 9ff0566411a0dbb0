//! A form field that links a record to a customer: type part of a name,
//! email, company or phone and pick one of the matching customers, found
//! through the in-memory customer index (no store read per keystroke).
//!
//! The field keeps two signals the form owns: the text typed and the
//! customer picked. Typing after a pick clears the pick, so a form can tell
//! "typed a name but picked no one" (an error it reports next to the field
//! through [`CustomerPicker::error`]) from "left it empty".

use crate::model::Id;
use crate::search::ListQuery;
use crate::ui::state::{customer_name, AppState, StoreStatus};
use leptos::prelude::*;
use rapport_core::i18n::components as t;

/// Customer suggestions shown while typing.
const SUGGESTIONS: usize = 8;

/// The signals a [`CustomerPicker`] writes: the text in the field and the
/// customer picked (id and name).
#[derive(Clone, Copy)]
pub struct PickedCustomer {
    /// What is typed in the field.
    pub text: RwSignal<String>,
    /// The customer picked from the suggestions.
    pub picked: RwSignal<Option<(Id, String)>>,
}

impl PickedCustomer {
    /// An empty field.
    pub fn new() -> Self {
        PickedCustomer {
            text: RwSignal::new(String::new()),
            picked: RwSignal::new(None),
        }
    }

    /// A field with `id` already picked (e.g. from `?customer=` in the URL),
    /// named from the customer index.
    pub fn preset(state: AppState, id: Option<Id>) -> Self {
        let field = PickedCustomer::new();
        if let Some(id) = id {
            field.pick(id, customer_name(&state, &id));
        }
        field
    }

    /// Picks `id`, showing `name` in the field.
    pub fn pick(&self, id: Id, name: String) {
        self.text.set(name.clone());
        self.picked.set(Some((id, name)));
    }

    /// Empties the field.
    pub fn clear(&self) {
        self.text.set(String::new());
        self.picked.set(None);
    }

    /// The picked customer's id.
    pub fn id(&self) -> Option<Id> {
        self.picked
            .with_untracked(|p| p.as_ref().map(|(id, _)| *id))
    }

    /// Whether something is typed but no customer is picked.
    pub fn is_unresolved(&self) -> bool {
        self.id().is_none() && !self.text.with_untracked(|t| t.trim().is_empty())
    }
}

impl Default for PickedCustomer {
    fn default() -> Self {
        Self::new()
    }
}

/// The field: a search input, the matches as buttons, a line naming the
/// customer picked, and the error for the field.
#[component]
pub fn CustomerPicker(
    /// The signals the form reads.
    field: PickedCustomer,
    /// The input's id (also the prefix of its hint's id).
    id: &'static str,
    /// The visible label, e.g. "Customer" or "Customer (optional)".
    label: &'static str,
    /// What a suggestion's button says before the name, e.g. "Link the task to".
    pick_verb: &'static str,
    /// The message under the field (empty for none).
    #[prop(into)]
    error: Signal<String>,
) -> impl IntoView {
    let state = expect_context::<AppState>();
    let PickedCustomer { text, picked } = field;
    let suggestions = Memo::new(move |_| {
        state.index_revision.track();
        let typed = text.get();
        if typed.trim().is_empty() || picked.with(|c| c.is_some()) {
            return Vec::new();
        }
        state.with_index(|i| {
            i.query(&ListQuery {
                text: typed,
                ..ListQuery::default()
            })
            .into_iter()
            .take(SUGGESTIONS)
            .filter_map(|id| {
                let row = i.get(&id)?;
                Some((id, row.name.clone(), row.detail()))
            })
            .collect::<Vec<_>>()
        })
    });
    let hint_id = format!("{id}-picked");
    let error_id = format!("{id}-error");
    let described_by = format!("{error_id} {hint_id}");
    view! {
        <div class="field customer-picker">
            <label class="field-label" for=id>{label}</label>
            <input type="search" id=id name="customer" autocomplete="off"
                placeholder=t::picker_placeholder()
                prop:value=move || text.get()
                on:input=move |ev| {
                    let typed = event_target_value(&ev);
                    if picked.with_untracked(|c| c.as_ref().is_some_and(|(_, name)| *name != typed)) {
                        picked.set(None);
                    }
                    text.set(typed);
                }
                aria-invalid=move || (!error.get().is_empty()).to_string()
                aria-describedby=described_by/>
            <span id=hint_id class="muted picker-hint" aria-live="polite">{move || {
                picked.get().map(|(_, name)| t::linked_to(name)).unwrap_or_default()
            }}</span>
            {move || {
                let list = suggestions.get();
                (!list.is_empty()).then(|| view! {
                    <ul class="customer-suggestions" aria-label=t::matching_customers()>
                        {list.into_iter().map(|(id, name, detail)| {
                            let label = format!("{pick_verb} {name}");
                            let chosen = name.clone();
                            view! {
                                <li>
                                    <button type="button" class="suggestion" aria-label=label
                                        on:click=move |_| field.pick(id, chosen.clone())>
                                        <span>{name}</span>
                                        <span class="muted picker-hint">{detail}</span>
                                    </button>
                                </li>
                            }
                        }).collect_view()}
                    </ul>
                })
            }}
            <span class="field-error" id=error_id role="alert">{move || error.get()}</span>
        </div>
    }
}

/// The live customer named by `?customer=<id>` in the address, if any (an
/// unknown or trashed id presets nothing).
fn customer_from_query(state: AppState) -> Option<Id> {
    leptos_router::hooks::use_query_map()
        .with_untracked(|q| q.get("customer"))
        .and_then(|s| s.parse::<Id>().ok())
        .filter(|id| state.with_index(|i| i.get(id).is_some()))
}

/// A "new record" form that links to a customer: shows the database's state
/// until it is ready, then the form with the customer from `?customer=<id>`
/// preset (so a deep link or a reload names the customer correctly).
#[component]
pub fn FormForCustomer<F, V>(
    /// Builds the form from the preset customer.
    form: F,
) -> impl IntoView
where
    F: Fn(Option<Id>) -> V + Send + Sync + 'static,
    V: IntoView + 'static,
{
    let state = expect_context::<AppState>();
    move || {
        not_ready(state.status.get()).unwrap_or_else(|| form(customer_from_query(state)).into_any())
    }
}

/// Its children once the database is open (a form must not be filled in
/// before it can be saved); until then what the database is doing.
#[component]
pub fn WhenStoreReady(children: ChildrenFn) -> impl IntoView {
    let state = expect_context::<AppState>();
    move || not_ready(state.status.get()).unwrap_or_else(|| children().into_any())
}

/// What to show instead of a form while the database is not ready.
fn not_ready(status: StoreStatus) -> Option<AnyView> {
    match status {
        StoreStatus::Opening => {
            Some(view! { <p class="muted">{t::opening_database()}</p> }.into_any())
        }
        StoreStatus::Failed(message) => {
            Some(view! { <p class="error" role="alert">{message}</p> }.into_any())
        }
        StoreStatus::Ready => None,
    }
}
