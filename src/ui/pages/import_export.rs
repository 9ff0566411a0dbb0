//! The Import & export page.

use crate::ui::components::{EmptyState, PageHeader};
use leptos::prelude::*;

/// Import & export: Bring customers in from any CRM's CSV; take everything out.
#[component]
pub fn ImportExportPage() -> impl IntoView {
    view! {
        <PageHeader title="Import & export" subtitle="Bring customers in from any CRM's CSV; take everything out."/>
        <EmptyState icon="⇅" title="Import and backup are not available yet">
            <p>"Importing a CSV exported from HubSpot, Salesforce, Google Contacts or Outlook, exporting customers as CSV and saving a full JSON backup are being built. Until then your records live only in this browser's storage: use the same browser profile, and do not clear its site data."</p>
        </EmptyState>
    }
}
