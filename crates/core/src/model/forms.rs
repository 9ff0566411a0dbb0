//! Drafts of the smaller forms — New task, New ticket, the ticket's own
//! edit form, and the quote/order form with its line items — read into
//! records here, so the pages hold only signals and markup. Each returns
//! the record, or every problem by the field a form shows it next to.
//! (The customer, deal and campaign drafts live beside their records.)

use super::parse::parse_date;
use super::sales::parse_decimal;
use super::{
    FieldErrorKind, Id, LineItem, Order, OrderStatus, Priority, Record, Task, Ticket, TicketStatus,
    Timestamp, TransitionError, ValidationErrors,
};

/// The New task form as typed.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct TaskDraft {
    /// What to do.
    pub title: String,
    /// When, as typed (`YYYY-MM-DD` from the date input).
    pub due: String,
    /// The customer picked, if any (a task may be about no one).
    pub customer: Option<Id>,
    /// Text typed in the customer field without picking a suggestion.
    pub customer_unresolved: bool,
}

impl TaskDraft {
    /// The task (id `id`, created `now`), or every problem by field.
    pub fn to_task(&self, id: Id, now: Timestamp) -> Result<Task, ValidationErrors> {
        let mut e = ValidationErrors::default();
        let due = e.required("due", parse_date(&self.due));
        let customer = e.picked_customer(self.customer, self.customer_unresolved, false);
        let task = Task::new(
            id,
            now,
            customer,
            self.title.trim(),
            due.unwrap_or_else(|| super::date_of(now)),
        );
        e.absorb_new(task.validate().err().into_iter().flatten());
        e.into_result().map(|()| task)
    }
}

/// The New ticket form as typed.
#[derive(Debug, Clone, PartialEq)]
pub struct TicketDraft {
    /// The customer picked.
    pub customer: Option<Id>,
    /// Text typed in the customer field without picking a suggestion.
    pub customer_unresolved: bool,
    /// The subject.
    pub subject: String,
    /// What the customer wrote.
    pub body: String,
    /// The priority chosen.
    pub priority: Priority,
}

impl TicketDraft {
    /// The ticket (id `id`, opened `now`), or every problem by field.
    pub fn to_ticket(&self, id: Id, now: Timestamp) -> Result<Ticket, ValidationErrors> {
        let mut e = ValidationErrors::default();
        let customer = e.picked_customer(self.customer, self.customer_unresolved, true);
        let ticket = Ticket::new(
            id,
            now,
            customer.unwrap_or_default(),
            self.subject.trim(),
            self.body.trim(),
            self.priority,
        );
        e.absorb_new(ticket.validate().err().into_iter().flatten());
        e.into_result().map(|()| ticket)
    }
}

/// The editable part of a stored ticket, as its page shows it.
#[derive(Debug, Clone, PartialEq)]
pub struct TicketEdit {
    /// The status chosen.
    pub status: TicketStatus,
    /// The priority chosen.
    pub priority: Priority,
    /// Satisfaction 1–5, if given.
    pub satisfaction: Option<u8>,
    /// The customer's feedback (blank: none).
    pub feedback: String,
}

impl TicketEdit {
    /// The form's values for a stored ticket.
    pub fn of(t: &Ticket) -> TicketEdit {
        TicketEdit {
            status: t.status,
            priority: t.priority,
            satisfaction: t.satisfaction,
            feedback: t.feedback.clone().unwrap_or_default(),
        }
    }

    /// `base` with this edit applied at `now`, touched exactly once; a
    /// status change goes through the ticket's transitions (solving sets
    /// the time it was solved; a solved ticket is reopened first).
    pub fn apply_to(&self, base: &Ticket, now: Timestamp) -> Result<Ticket, TransitionError> {
        let mut t = base.clone();
        match (t.status, self.status) {
            (from, to) if from == to => t.touch(now),
            (_, TicketStatus::Solved) => t.solve(now)?,
            (TicketStatus::Solved, to) => {
                t.reopen(now)?;
                t.status = to;
            }
            (_, to) => {
                t.status = to;
                t.touch(now);
            }
        }
        t.priority = self.priority;
        t.satisfaction = self.satisfaction;
        let feedback = self.feedback.trim();
        t.feedback = (!feedback.is_empty()).then(|| feedback.to_string());
        Ok(t)
    }
}

/// One line of the order form as typed.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct LineText {
    /// The product.
    pub product: String,
    /// The quantity, as typed.
    pub quantity: String,
    /// The unit price, as typed.
    pub unit_price: String,
}

impl LineText {
    /// The line item, and what is wrong with its fields (`quantity`,
    /// `unit_price`, `product`).
    pub fn read(&self) -> (LineItem, ValidationErrors) {
        let mut errors = ValidationErrors::default();
        let mut number = |field: &'static str, text: &str| {
            parse_decimal(text).unwrap_or_else(|kind| {
                errors.push(field, kind);
                f64::NAN
            })
        };
        let quantity = number("quantity", &self.quantity);
        let unit_price = number("unit_price", &self.unit_price);
        let item = LineItem::new(self.product.trim(), quantity, unit_price);
        errors.absorb_new(item.problems());
        (item, errors)
    }

    /// Quantity × unit price while both read as numbers (the live amount).
    pub fn amount(&self) -> Option<f64> {
        Some(parse_decimal(&self.quantity).ok()? * parse_decimal(&self.unit_price).ok()?)
    }
}

/// The quote/order form as typed.
#[derive(Debug, Clone, PartialEq)]
pub struct OrderDraft {
    /// The customer picked.
    pub customer: Option<Id>,
    /// Text typed in the customer field without picking a suggestion.
    pub customer_unresolved: bool,
    /// The date, as typed.
    pub date: String,
    /// Quote, order or contract.
    pub status: OrderStatus,
    /// The currency code, as typed.
    pub currency: String,
    /// The lines.
    pub lines: Vec<LineText>,
}

/// What is wrong with an order form: the form's own fields, and each
/// line's (in line order, empty for a good line).
#[derive(Debug, Clone, PartialEq, Default)]
pub struct OrderDraftErrors {
    /// Problems with the form's fields (customer, date, currency, lines).
    pub form: ValidationErrors,
    /// Problems per line.
    pub lines: Vec<ValidationErrors>,
}

impl OrderDraft {
    /// The currency code as it will be stored.
    pub fn currency_code(&self) -> String {
        self.currency.trim().to_uppercase()
    }

    /// The order (id `id`, created `now`), or every problem, by field and
    /// by line.
    pub fn to_order(&self, id: Id, now: Timestamp) -> Result<Order, OrderDraftErrors> {
        let mut form = ValidationErrors::default();
        let day = form.required("date", parse_date(&self.date));
        let customer = form.picked_customer(self.customer, self.customer_unresolved, true);
        if self.lines.is_empty() {
            form.push(
                "line_items",
                FieldErrorKind::Inconsistent("add at least one line"),
            );
        }
        let (items, lines): (Vec<LineItem>, Vec<ValidationErrors>) =
            self.lines.iter().map(LineText::read).unzip();
        let order = Order::new(
            id,
            now,
            customer.unwrap_or_default(),
            day.unwrap_or_else(|| super::date_of(now)),
            self.status,
            items,
            self.currency_code(),
        );
        // The lines were checked one by one above, and the total is computed.
        form.absorb_new(
            order
                .validate()
                .err()
                .into_iter()
                .flatten()
                .filter(|e| !matches!(e.field, "line_items" | "total")),
        );
        if form.is_empty() && lines.iter().all(ValidationErrors::is_empty) {
            Ok(order)
        } else {
            Err(OrderDraftErrors { form, lines })
        }
    }
}

#[cfg(test)]
#[path = "forms_tests.rs"]
mod tests;
