//! The export card: every customer, order, interaction or ticket as a CSV
//! file that spreadsheets open safely (cells that would run as formulas are
//! neutralised by `io::export`). The Customers list exports its current view
//! itself.

use crate::io::export::{customers_csv, interactions_csv, orders_csv, tickets_csv};
use crate::model::{date_of, Customer, Interaction, Order, Record, Ticket};
use crate::store::Store;
use crate::ui::files::download;
use crate::ui::state::{customer_name, now_ms, AppState};
use leptos::prelude::*;
use rapport_core::i18n::import_export as t;

/// What can be exported from this card.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Export {
    Customers,
    Orders,
    Interactions,
    Tickets,
}

impl Export {
    const ALL: [Export; 4] = [
        Export::Customers,
        Export::Orders,
        Export::Interactions,
        Export::Tickets,
    ];

    fn label(self) -> &'static str {
        match self {
            Export::Customers => t::export_customers(),
            Export::Orders => t::export_orders(),
            Export::Interactions => t::export_interactions(),
            Export::Tickets => t::export_tickets(),
        }
    }

    fn file_stem(self) -> &'static str {
        match self {
            Export::Customers => "customers",
            Export::Orders => "orders",
            Export::Interactions => "interactions",
            Export::Tickets => "tickets",
        }
    }
}

fn live<R: Record>(records: Vec<R>) -> Vec<R> {
    records.into_iter().filter(|r| !r.is_deleted()).collect()
}

async fn csv_of(state: AppState, what: Export) -> Result<String, String> {
    let store = state.opened_store().await.map_err(|e| e.user_message())?;
    let name = |id| Some(customer_name(&state, &id));
    let text = match what {
        Export::Customers => customers_csv(&live::<Customer>(
            store.all().await.map_err(|e| e.user_message())?,
        )),
        Export::Orders => orders_csv(
            &live::<Order>(store.all().await.map_err(|e| e.user_message())?),
            name,
        ),
        Export::Interactions => interactions_csv(
            &live::<Interaction>(store.all().await.map_err(|e| e.user_message())?),
            name,
        ),
        Export::Tickets => tickets_csv(
            &live::<Ticket>(store.all().await.map_err(|e| e.user_message())?),
            name,
        ),
    };
    Ok(text)
}

/// Offers `text` as `<stem>-<date>.csv`.
pub fn download_csv(stem: &str, text: &str) -> Result<(), String> {
    download(
        &format!("{stem}-{}.csv", date_of(now_ms())),
        "text/csv;charset=utf-8",
        text,
    )
}

/// The export card.
#[component]
pub fn ExportCard() -> impl IntoView {
    let state = expect_context::<AppState>();
    let busy = RwSignal::new(false);
    let error = RwSignal::new(None::<String>);
    let export = move |what: Export| {
        busy.set(true);
        error.set(None);
        leptos::task::spawn_local(async move {
            let result = match csv_of(state, what).await {
                Ok(text) => download_csv(what.file_stem(), &text),
                Err(e) => Err(e),
            };
            if let Err(e) = result {
                error.set(Some(e));
            }
            busy.set(false);
        });
    };
    view! {
        <section class="card">
            <h2>{t::export_heading()}</h2>
            <p class="muted">{t::export_intro()}</p>
            <div class="toolbar">
                {Export::ALL.into_iter().map(|what| view! {
                    <button type="button" on:click=move |_| export(what) disabled=move || busy.get()>
                        {what.label()}
                    </button>
                }).collect_view()}
            </div>
            {move || error.get().map(|e| view! { <p class="error" role="alert">{e}</p> })}
        </section>
    }
}
