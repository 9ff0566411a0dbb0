//! The Pipeline page.

use crate::ui::components::{EmptyState, PageHeader};
use leptos::prelude::*;

/// Pipeline: Open deals by stage.
#[component]
pub fn PipelinePage() -> impl IntoView {
    view! {
        <PageHeader title="Pipeline" subtitle="Open deals by stage."/>
        <EmptyState icon="▤" title="No deals in the pipeline">
            <p>"Deals appear here as a board with one column per stage and the total value of each. Deals are created from a customer's page."</p>
        </EmptyState>
    }
}
