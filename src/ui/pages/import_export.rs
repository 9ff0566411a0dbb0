//! The Import & export page.

use crate::ui::components::{EmptyState, PageHeader};
use leptos::prelude::*;

/// Import & export: Bring customers in from any CRM's CSV; take everything out.
#[component]
pub fn ImportExportPage() -> impl IntoView {
    view! {
        <PageHeader title="Import & export" subtitle="Bring customers in from any CRM's CSV; take everything out."/>
        <EmptyState icon="⇅" title="Import and backup">
            <p>"Import a CSV exported from HubSpot, Salesforce, Google Contacts or Outlook, export your customers as CSV, or save a full backup of everything as JSON."</p>
        </EmptyState>
    }
}
