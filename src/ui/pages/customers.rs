//! The Customers page.

use crate::ui::components::{EmptyState, PageHeader};
use leptos::prelude::*;

/// Customers: Everyone you do business with.
#[component]
pub fn CustomersPage() -> impl IntoView {
    view! {
        <PageHeader title="Customers" subtitle="Everyone you do business with."/>
        <EmptyState icon="☺" title="No customers yet">
            <p>"Customers you add or import appear here in a searchable, sortable list. Start on the Import & export page to bring in a CSV from HubSpot, Salesforce, Google Contacts or Outlook."</p>
        </EmptyState>
    }
}
