//! The Dashboard page.

use crate::ui::components::{EmptyState, PageHeader};
use leptos::prelude::*;

/// Dashboard: Your customers, revenue, pipeline and support at a glance.
#[component]
pub fn DashboardPage() -> impl IntoView {
    view! {
        <PageHeader title="Dashboard" subtitle="Your customers, revenue, pipeline and support at a glance."/>
        <EmptyState icon="◧" title="No data to chart yet">
            <p>"Key figures and charts — customers per month, revenue, pipeline value by stage, open tickets and satisfaction — appear here once there are customers. Add your first customer or import a CSV from your old CRM."</p>
        </EmptyState>
    }
}
