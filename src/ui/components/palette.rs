//! The command palette (Ctrl/Cmd+K), being built.

use leptos::prelude::*;

/// Jump to any customer or page from the keyboard.
#[component]
pub fn CommandPalette() -> impl IntoView {}
