//! The small forms' drafts: what they accept, and each refusal by field.

use super::*;
use crate::model::{Priority, Uuid};
use time::macros::date;

const NOW: i64 = 1_750_000_000_000;

fn id(n: u128) -> Id {
    Uuid::from_u128(n)
}

fn fields(e: &ValidationErrors) -> Vec<&'static str> {
    e.0.iter().map(|e| e.field).collect()
}

#[test]
fn a_task_reads_its_due_date_and_may_be_about_no_one() {
    let draft = TaskDraft {
        title: "  Call back ".into(),
        due: "2025-07-01".into(),
        ..TaskDraft::default()
    };
    let task = draft.to_task(id(1), NOW).unwrap();
    assert_eq!(
        (task.title.as_str(), task.due, task.customer_id),
        ("Call back", date!(2025 - 07 - 01), None)
    );
}

#[test]
fn a_task_names_every_problem_once() {
    let draft = TaskDraft {
        title: " ".into(),
        due: "soon".into(),
        customer: None,
        customer_unresolved: true,
    };
    let e = draft.to_task(id(1), NOW).unwrap_err();
    assert_eq!(fields(&e), vec!["due", "customer", "title"]);
    assert_eq!(
        e.sentences_for("due"),
        "“soon” is not a date Rapport can read — write it as YYYY-MM-DD, e.g. 2024-03-31."
    );
    let blank_due = TaskDraft {
        title: "x".into(),
        ..TaskDraft::default()
    };
    assert_eq!(
        fields(&blank_due.to_task(id(1), NOW).unwrap_err()),
        vec!["due"]
    );
}

#[test]
fn a_ticket_needs_a_picked_customer_and_a_subject() {
    let good = TicketDraft {
        customer: Some(id(2)),
        customer_unresolved: false,
        subject: " Broken ".into(),
        body: "It broke".into(),
        priority: Priority::High,
    };
    let t = good.to_ticket(id(3), NOW).unwrap();
    assert_eq!(
        (t.subject.as_str(), t.customer_id, t.status),
        ("Broken", id(2), TicketStatus::Open)
    );
    let typed_only = TicketDraft {
        customer: None,
        customer_unresolved: true,
        subject: "".into(),
        ..good.clone()
    };
    let e = typed_only.to_ticket(id(3), NOW).unwrap_err();
    assert_eq!(
        e.sentences_for("customer"),
        "Pick the customer from the suggestions."
    );
    assert!(e.has("subject"));
    let nobody = TicketDraft {
        customer: None,
        ..good
    };
    assert_eq!(
        nobody
            .to_ticket(id(3), NOW)
            .unwrap_err()
            .sentences_for("customer"),
        "This field is required."
    );
}

#[test]
fn a_ticket_edit_goes_through_the_transitions() {
    let open = Ticket::new(id(4), NOW, id(2), "Broken", "", Priority::Normal);
    let mut edit = TicketEdit::of(&open);
    edit.status = TicketStatus::Solved;
    edit.satisfaction = Some(5);
    edit.feedback = "  thanks ".into();
    let solved = edit.apply_to(&open, NOW + 10).unwrap();
    assert_eq!(
        (solved.status, solved.solved_at, solved.meta.version),
        (TicketStatus::Solved, Some(NOW + 10), 2)
    );
    assert_eq!(
        (solved.satisfaction, solved.feedback.as_deref()),
        (Some(5), Some("thanks"))
    );
    let mut back = TicketEdit::of(&solved);
    back.status = TicketStatus::Pending;
    let pending = back.apply_to(&solved, NOW + 20).unwrap();
    assert_eq!(
        (pending.status, pending.solved_at),
        (TicketStatus::Pending, None)
    );
    assert_eq!(
        TicketEdit::of(&pending)
            .apply_to(&pending, NOW + 30)
            .unwrap()
            .meta
            .version,
        pending.meta.version + 1
    );
}

fn line(product: &str, quantity: &str, price: &str) -> LineText {
    LineText {
        product: product.into(),
        quantity: quantity.into(),
        unit_price: price.into(),
    }
}

#[test]
fn order_lines_read_locale_numbers_and_report_per_field() {
    let (item, e) = line("Widget", "3", "12,50").read();
    assert!(e.is_empty(), "{e}");
    assert_eq!((item.quantity, item.unit_price), (3.0, 12.5));
    assert_eq!(line("Widget", "3", "12,50").amount(), Some(37.5));
    let (_, e) = line("", "abc", "").read();
    assert_eq!(fields(&e), vec!["quantity", "unit_price", "product"]);
    assert_eq!(
        e.sentences_for("quantity"),
        "“abc” is not a number Rapport can read — write digits only, e.g. 1,234.50 or 1.234,50."
    );
    assert_eq!(line("x", "abc", "1").amount(), None);
    let (_, e) = line("Widget", "-2", "1").read();
    assert_eq!(e.sentences_for("quantity"), "Must be more than zero.");
}

fn order_draft(lines: Vec<LineText>) -> OrderDraft {
    OrderDraft {
        customer: Some(id(2)),
        customer_unresolved: false,
        date: "2025-03-01".into(),
        status: OrderStatus::Quote,
        currency: " usd ".into(),
        lines,
    }
}

#[test]
fn an_order_is_built_from_good_lines() {
    let order = order_draft(vec![line("Widget", "2", "10"), line("Setup", "1", "80")])
        .to_order(id(5), NOW)
        .unwrap();
    assert_eq!(
        (order.total, order.currency.as_str(), order.date),
        (100.0, "USD", date!(2025 - 03 - 01))
    );
}

#[test]
fn an_order_reports_its_fields_and_each_line() {
    let mut draft = order_draft(vec![line("Widget", "2", "10"), line("Setup", "x", "80")]);
    draft.currency = "dollars".into();
    draft.date = "".into();
    let errors = draft.to_order(id(5), NOW).unwrap_err();
    assert_eq!(fields(&errors.form), vec!["date", "currency"]);
    assert_eq!(errors.lines.len(), 2);
    assert!(errors.lines[0].is_empty());
    assert_eq!(fields(&errors.lines[1]), vec!["quantity"]);
    let empty = order_draft(Vec::new()).to_order(id(5), NOW).unwrap_err();
    assert_eq!(
        empty.form.sentences_for("line_items"),
        "Add at least one line."
    );
}
