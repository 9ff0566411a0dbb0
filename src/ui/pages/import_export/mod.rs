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
use rapport_core::i18n::import_export as t;

/// Import & export.
#[component]
pub fn ImportExportPage() -> impl IntoView {
    view! {
        <PageHeader title=t::title() subtitle=t::subtitle()/>
        <ImportCard/>
        <PastImports/>
        <ExportCard/>
        <BackupCard/>
    }
}
