//! What every form shares: the problems by field (shown next to each field
//! and marked `aria-invalid` on its control), the sentence under the form
//! when a save is refused or fails (with Reload when that helps), and
//! whether a save is under way. Pages hold one [`FormState`] instead of
//! three signals and two closures each.

use crate::model::ValidationErrors;
use crate::ops::OpError;
use leptos::prelude::*;

/// The state of one form. `Copy`: use it in any closure.
#[derive(Clone, Copy)]
pub struct FormState {
    /// Problems by field, from the last refused save.
    pub errors: RwSignal<ValidationErrors>,
    /// The sentence under the form, and whether to offer a reload.
    pub save_error: RwSignal<Option<(String, bool)>>,
    /// Whether a save is under way.
    pub saving: RwSignal<bool>,
}

impl FormState {
    /// A form with nothing to report.
    pub fn new() -> FormState {
        FormState {
            errors: RwSignal::new(ValidationErrors::default()),
            save_error: RwSignal::new(None),
            saving: RwSignal::new(false),
        }
    }

    /// The sentences about `field` (tracked), `""` when it is fine.
    pub fn message(self, field: &'static str) -> impl Fn() -> String + Copy + 'static {
        move || self.errors.with(|e| e.sentences_for(field))
    }

    /// `aria-invalid` for `field`'s control (tracked).
    pub fn invalid(self, field: &'static str) -> impl Fn() -> String + Copy + 'static {
        move || self.errors.with(|e| e.has(field)).to_string()
    }

    /// Shows `found` next to the fields and `sentence` under the form.
    pub fn refuse(self, found: ValidationErrors, sentence: &str) {
        self.errors.set(found);
        self.save_error.set(Some((sentence.to_string(), false)));
    }

    /// Shows an action's refusal: its field problems next to the fields
    /// (with `sentence` under the form) when it has them, else its own
    /// sentence.
    pub fn refuse_action(self, e: &OpError, sentence: &str) {
        match e.field_errors() {
            Some(found) => self.refuse(found.clone(), sentence),
            None => self
                .save_error
                .set(Some((e.user_message(), e.offers_reload()))),
        }
    }

    /// Clears the problems by field (before a save that passed the checks).
    pub fn clear_fields(self) {
        self.errors.set(ValidationErrors::default());
    }

    /// Drops the messages about `field` once it is edited, and the sentence
    /// under the form once no field has a problem left.
    pub fn forget(self, field: &str) {
        if self.errors.with_untracked(|e| e.has(field)) {
            self.errors.update(|e| e.0.retain(|x| x.field != field));
            if self.errors.with_untracked(ValidationErrors::is_empty) {
                self.save_error.set(None);
            }
        }
    }
}

impl Default for FormState {
    fn default() -> Self {
        FormState::new()
    }
}

/// The line under a field that says what is wrong with it (`id` is what
/// the control's `aria-describedby` names).
#[component]
pub fn FieldMessage(form: FormState, field: &'static str, id: &'static str) -> impl IntoView {
    view! { <span class="field-error" id=id role="alert">{form.message(field)}</span> }
}
