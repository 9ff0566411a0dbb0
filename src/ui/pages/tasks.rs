//! The Tasks page (`/tasks`): open tasks grouped as Overdue / Due today /
//! Upcoming, the done ones folded away, a "done" checkbox on each (saved
//! with a version check, undoable), and the "Add task" form with an
//! optional customer found by name through the customer index.
//!
//! "Today" is the UTC date of the clock ([`now_ms`] → [`date_of`]), the same
//! day boundary the model's [`Task::is_overdue`] and the demo data use. Each
//! section renders at most [`SECTION_CAP`] tasks: with 100,000 customers
//! there can be tens of thousands.

use crate::model::forms::TaskDraft;
use crate::model::{date_of, iso_date, Record, Task, Uuid, ValidationErrors};
use crate::ops;
use crate::store::{Collection, StoreError};
use crate::ui::base_path::app_href;
use crate::ui::components::{
    thousands, CustomerPicker, EmptyState, FieldMessage, FormState, PageHeader, PickedCustomer,
    SaveError,
};
use crate::ui::state::{customer_name, now_ms, AppState};
use leptos::prelude::*;
use rapport_core::i18n::tasks as t;
use time::Date;

/// Tasks shown per section at most.
const SECTION_CAP: usize = 100;

/// The live tasks by section.
#[derive(Clone, Default)]
struct Sections {
    overdue: Vec<Task>,
    today: Vec<Task>,
    upcoming: Vec<Task>,
    done: Vec<Task>,
}

impl Sections {
    fn of(tasks: Vec<Task>, today: Date) -> Sections {
        let mut s = Sections::default();
        for t in tasks.into_iter().filter(|t| !t.is_deleted()) {
            if t.done {
                s.done.push(t);
            } else if t.due < today {
                s.overdue.push(t);
            } else if t.due == today {
                s.today.push(t);
            } else {
                s.upcoming.push(t);
            }
        }
        let by_due = |a: &Task, b: &Task| a.due.cmp(&b.due).then_with(|| a.title.cmp(&b.title));
        s.overdue.sort_by(by_due);
        s.today.sort_by(by_due);
        s.upcoming.sort_by(by_due);
        // Most recently due first: what was just finished is what one checks.
        s.done.sort_by(|a, b| by_due(b, a));
        s
    }

    fn is_empty(&self) -> bool {
        self.overdue.is_empty()
            && self.today.is_empty()
            && self.upcoming.is_empty()
            && self.done.is_empty()
    }
}

async fn load(state: AppState) -> Result<Sections, StoreError> {
    let tasks = state.store()?.all_in_slices::<Task>().await?;
    Ok(Sections::of(tasks, date_of(now_ms())))
}

/// Marks `task` done or open again (undoable); on failure the checkbox
/// goes back to what is stored.
fn set_done(state: AppState, task: Task, checkbox: web_sys::HtmlInputElement) {
    let done = checkbox.checked();
    leptos::task::spawn_local(async move {
        let result = match ops::records::set_task_done(&task, done, now_ms()) {
            Ok(changes) => state.apply(changes, true).await.map_err(ops::OpError::from),
            Err(e) => Err(e),
        };
        if let Err(e) = result {
            checkbox.set_checked(!done);
            state.toast_error(e.user_message());
        }
    });
}

/// Tasks: what is due, and the form to add more.
#[component]
pub fn TasksPage() -> impl IntoView {
    let state = expect_context::<AppState>();
    let sections = state.store_resource(&[Collection::Tasks], load);
    view! {
        <PageHeader title=t::title() subtitle=t::subtitle()/>
        <AddTask/>
        <Transition fallback=|| view! { <p class="muted">{t::loading()}</p> }>
            {move || sections.get().map(|result| match result {
                Err(e) => view! { <p class="error" role="alert">{e.user_message()}</p> }.into_any(),
                Ok(None) => view! { <p class="muted">{t::opening_database()}</p> }.into_any(),
                Ok(Some(s)) if s.is_empty() => view! {
                    <EmptyState icon="✓" title=t::empty_title()>
                        <p>{t::empty_text()}</p>
                    </EmptyState>
                }.into_any(),
                Ok(Some(s)) => view! {
                    <TaskSection title=t::overdue() class="overdue" tasks=s.overdue empty=t::nothing_overdue()/>
                    <TaskSection title=t::due_today() class="today" tasks=s.today empty=t::nothing_due_today()/>
                    <TaskSection title=t::upcoming() class="upcoming" tasks=s.upcoming empty=t::nothing_upcoming()/>
                    <DoneSection tasks=s.done/>
                }.into_any(),
            })}
        </Transition>
    }
}

/// The rows of one section, capped.
fn task_items(state: AppState, tasks: Vec<Task>) -> impl IntoView {
    let total = tasks.len();
    let items = tasks
        .into_iter()
        .take(SECTION_CAP)
        .map(|t| {
            let title = t.title.clone();
            let due = iso_date::format(t.due);
            let due_shown = crate::format::date(t.due);
            let done = t.done;
            let customer = t.customer_id.map(|id| {
                let name = customer_name(&state, &id);
                view! { <a class="task-customer" href=app_href(&format!("/customers/{id}"))>{name}</a> }
            });
            let check_label = t::done_label(title.clone());
            view! {
                <li class="task" class:done=done>
                    <input
                        type="checkbox"
                        aria-label=check_label
                        prop:checked=done
                        on:change=move |ev| set_done(state, t.clone(), event_target(&ev))
                    />
                    <span class="task-title grow">{title}</span>
                    {customer}
                    <time class="task-due muted" datetime=due>{due_shown}</time>
                </li>
            }
        })
        .collect_view();
    view! {
        <ul class="plain-list task-list">{items}</ul>
        {(total > SECTION_CAP).then(|| view! {
            <p class="muted">{t::showing_first(SECTION_CAP, thousands(total))}</p>
        })}
    }
}

#[component]
fn TaskSection(
    title: &'static str,
    class: &'static str,
    tasks: Vec<Task>,
    empty: &'static str,
) -> impl IntoView {
    let state = expect_context::<AppState>();
    let heading_id = format!("tasks-{class}");
    let labelled_by = heading_id.clone();
    let count = tasks.len();
    view! {
        <section class=format!("card task-section {class}") aria-labelledby=labelled_by>
            <h2 id=heading_id>{title}" "<span class="badge">{thousands(count)}</span></h2>
            {if tasks.is_empty() {
                view! { <p class="muted">{empty}</p> }.into_any()
            } else {
                task_items(state, tasks).into_any()
            }}
        </section>
    }
}

#[component]
fn DoneSection(tasks: Vec<Task>) -> impl IntoView {
    let state = expect_context::<AppState>();
    let count = tasks.len();
    view! {
        <details class="card task-section done">
            <summary>
                <h2>{t::done()}" "<span class="badge">{thousands(count)}</span></h2>
            </summary>
            {if tasks.is_empty() {
                view! { <p class="muted">{t::nothing_done()}</p> }.into_any()
            } else {
                task_items(state, tasks).into_any()
            }}
        </details>
    }
}

/// The "Add task" form.
#[component]
fn AddTask() -> impl IntoView {
    let state = expect_context::<AppState>();
    let title = RwSignal::new(String::new());
    let due = RwSignal::new(iso_date::format(date_of(now_ms())));
    let customer = PickedCustomer::new();
    let form = FormState::new();
    let FormState {
        errors,
        save_error,
        saving,
    } = form;

    let add = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if saving.get_untracked() {
            return;
        }
        let draft = TaskDraft {
            title: title.get_untracked(),
            due: due.get_untracked(),
            customer: customer.id(),
            customer_unresolved: customer.is_unresolved(),
        };
        let task = match draft.to_task(Uuid::new_v4(), now_ms()) {
            Ok(task) => task,
            Err(e) => {
                form.refuse(e, t::not_added());
                return;
            }
        };
        errors.set(ValidationErrors::default());
        state.submit(ops::records::add_task(&task), true, form, move || {
            title.set(String::new());
            customer.clear();
        });
    };

    view! {
        <form class="card form add-task" on:submit=add novalidate=true aria-labelledby="add-task-heading">
            <h2 id="add-task-heading">{t::add_task()}</h2>
            <div class="form-grid">
                <label class="field">
                    <span class="field-label">{t::field_title()}</span>
                    <input type="text" name="title" prop:value=move || title.get()
                        on:input=move |ev| title.set(event_target_value(&ev))
                        aria-invalid=form.invalid("title") aria-describedby="task-error-title"/>
                    <FieldMessage form=form field="title" id="task-error-title"/>
                </label>
                <label class="field">
                    <span class="field-label">{t::due_date()}</span>
                    <input type="date" name="due" prop:value=move || due.get()
                        on:input=move |ev| due.set(event_target_value(&ev))
                        aria-invalid=form.invalid("due") aria-describedby="task-error-due"/>
                    <FieldMessage form=form field="due" id="task-error-due"/>
                </label>
                <CustomerPicker field=customer id="task-customer" label=t::customer_optional()
                    pick_verb=t::pick_customer() error=Signal::derive(form.message("customer"))/>
            </div>
            <SaveError error=save_error/>
            <div class="form-actions">
                <button class="primary" type="submit" disabled=move || saving.get()>
                    {move || if saving.get() { t::adding() } else { t::add_task() }}
                </button>
            </div>
        </form>
    }
}
