//! The Import & export page: import customers or orders from a CSV (with
//! column mapping, a check of every row and a revertable record of each
//! import), export CSV, and back up or restore everything as JSON.

mod backup;
mod backup_crypto;
mod export;
mod history;
mod import;
mod import_card;
mod import_views;

pub use export::download_csv;

use crate::ui::components::PageHeader;
use backup::BackupCard;
use export::ExportCard;
use history::PastImports;
use import_card::ImportCard;
use leptos::prelude::*;

/// Import & export.
#[component]
pub fn ImportExportPage() -> impl IntoView {
    view! {
        <PageHeader title="Import & export" subtitle="Bring customers in from any CRM's CSV; take everything out."/>
        <ImportCard/>
        <PastImports/>
        <ExportCard/>
        <BackupCard/>
    }
}
