//! The core's own messages answer in the current language, and the English
//! stays what it was.

use crate::i18n::{with_lang, Lang};
use crate::io::import::ImportError;
use crate::model::{FieldErrorKind, ParseError, ValidationErrors};
use crate::ops::OpError;
use crate::store::StoreError;

#[test]
fn a_field_error_is_chinese_under_chinese_and_unchanged_in_english() {
    let e = FieldErrorKind::InvalidEmail("bob@".into());
    assert_eq!(
        with_lang(Lang::En, || e.to_string()),
        "“bob@” is not a valid email address"
    );
    assert_eq!(
        with_lang(Lang::Zh, || e.to_string()),
        "“bob@”不是有效的电子邮件地址"
    );
}

#[test]
fn a_record_s_problems_name_the_field_in_the_current_language() {
    let mut errors = ValidationErrors::default();
    errors.push("annual_income", FieldErrorKind::Negative(-5.0));
    errors.push("emails", FieldErrorKind::Required);
    assert_eq!(
        with_lang(Lang::En, || errors.to_string()),
        "Annual income: must not be negative (got -5); Emails: this field is required"
    );
    assert_eq!(
        with_lang(Lang::Zh, || errors.to_string()),
        "年收入：不能为负数（实际为 -5）；电子邮件：此字段为必填项"
    );
    assert_eq!(
        with_lang(Lang::Zh, || errors.sentences_for("emails")),
        "此字段为必填项。"
    );
}

#[test]
fn the_parser_s_sentence_is_chinese_under_chinese() {
    let e = ParseError::NotWhole("3.5".into());
    assert_eq!(
        with_lang(Lang::Zh, || e.to_string()),
        "“3.5”不是整数——请去掉小数部分"
    );
    assert_eq!(
        with_lang(Lang::En, || e.to_string()),
        "“3.5” is not a whole number — leave out the decimals"
    );
}

#[test]
fn store_and_op_sentences_for_the_user_follow_the_language() {
    assert_eq!(
        with_lang(Lang::En, || StoreError::Opening.user_message()),
        "Rapport is still opening your data. Try again in a moment."
    );
    assert_eq!(
        with_lang(Lang::Zh, || StoreError::Opening.user_message()),
        "Rapport 仍在打开您的数据，请稍后再试。"
    );
    let missing = OpError::Missing { what: "customer" };
    assert_eq!(
        with_lang(Lang::Zh, || missing.to_string()),
        "此客户已不再存储"
    );
    assert_eq!(
        with_lang(Lang::En, || missing.to_string()),
        "this customer is no longer stored"
    );
}

#[test]
fn an_import_error_counts_rows_in_chinese() {
    let e = ImportError::NothingToImport {
        rows: 4,
        invalid: 1,
        duplicates: 3,
    };
    assert_eq!(
        with_lang(Lang::Zh, || e.to_string()),
        "这 4 行都无法导入：1 行有错误（见报告），3 行已在 Rapport 中。"
    );
    assert_eq!(
        with_lang(Lang::En, || e.to_string()),
        "None of the 4 rows can be imported: 1 have errors (see the report) and 3 are already in Rapport."
    );
}

#[test]
fn an_unknown_word_is_shown_as_it_is() {
    assert_eq!(
        with_lang(Lang::Zh, || crate::i18n::terms::translate("gizmo")),
        "gizmo"
    );
    assert_eq!(
        with_lang(Lang::Zh, || crate::i18n::terms::translate("order status")),
        "订单状态"
    );
}

#[test]
fn an_enum_shows_its_label_in_the_current_language_and_keeps_its_english_key() {
    use crate::model::{LifecycleStage, Priority, TicketStatus};
    assert_eq!(
        with_lang(Lang::Zh, || TicketStatus::Solved.display()),
        "已解决"
    );
    assert_eq!(with_lang(Lang::Zh, || Priority::Urgent.to_string()), "紧急");
    assert_eq!(
        with_lang(Lang::Zh, || LifecycleStage::Churned.label()),
        "Churned"
    );
    assert_eq!(
        with_lang(Lang::En, || LifecycleStage::Churned.to_string()),
        "Churned"
    );
}

#[test]
fn every_labelled_enum_shows_its_english_label_in_english() {
    use crate::model::{
        Channel, Direction, Education, ImportKind, InteractionKind, LifecycleStage, OrderStatus,
        Priority, RelationshipKind, TicketStatus,
    };
    use crate::text::TextKind;
    fn check<T: Copy>(all: &[T], label: fn(T) -> &'static str, display: fn(T) -> &'static str) {
        for &value in all {
            assert_eq!(with_lang(Lang::En, || display(value)), label(value));
        }
    }
    check(Education::ALL, Education::label, Education::display);
    check(
        LifecycleStage::ALL,
        LifecycleStage::label,
        LifecycleStage::display,
    );
    check(
        RelationshipKind::ALL,
        RelationshipKind::label,
        RelationshipKind::display,
    );
    check(OrderStatus::ALL, OrderStatus::label, OrderStatus::display);
    check(ImportKind::ALL, ImportKind::label, ImportKind::display);
    check(Channel::ALL, Channel::label, Channel::display);
    check(
        TicketStatus::ALL,
        TicketStatus::label,
        TicketStatus::display,
    );
    check(Priority::ALL, Priority::label, Priority::display);
    check(
        InteractionKind::ALL,
        InteractionKind::label,
        InteractionKind::display,
    );
    check(Direction::ALL, Direction::label, Direction::display);
    check(TextKind::ALL, TextKind::label, TextKind::display);
}

#[test]
fn parsing_accepts_english_labels_while_chinese_is_current_and_chinese_labels_too() {
    use crate::model::{LifecycleStage, OrderStatus, Priority};
    with_lang(Lang::Zh, || {
        assert_eq!("Churned".parse(), Ok(LifecycleStage::Churned));
        assert_eq!("quotation".parse(), Ok(OrderStatus::Quote));
        assert_eq!("已流失".parse(), Ok(LifecycleStage::Churned));
        assert_eq!("紧急".parse(), Ok(Priority::Urgent));
        let refused = "gizmo".parse::<Priority>().unwrap_err();
        assert_eq!(refused.to_string(), "“gizmo”不是已知的优先级");
    });
    assert_eq!(with_lang(Lang::En, || "普通".parse()), Ok(Priority::Normal));
}

#[test]
fn rfm_segments_and_periods_are_named_in_the_current_language() {
    use crate::analytics::period::Period;
    use crate::insight::Segment;
    assert_eq!(
        with_lang(Lang::Zh, || Segment::Champions.to_string()),
        "冠军客户"
    );
    assert_eq!(with_lang(Lang::Zh, || Segment::AtRisk.label()), "At risk");
    assert_eq!(
        with_lang(Lang::En, || Segment::AtRisk.to_string()),
        "At risk"
    );
    assert_eq!(
        with_lang(Lang::Zh, || Period::LastDays(30).label()),
        "最近 30 天"
    );
    assert_eq!(
        with_lang(Lang::En, || Period::LastDays(30).label()),
        "Last 30 days"
    );
    assert_eq!(with_lang(Lang::Zh, || Period::AllTime.label()), "全部时间");
}

#[test]
fn change_labels_and_progress_notes_follow_the_language() {
    use crate::i18n::{changes, jobs};
    assert_eq!(
        with_lang(Lang::En, || changes::moved_many_to_stage(2, "Customer")),
        "Moved 2 customers to Customer"
    );
    assert_eq!(
        with_lang(Lang::Zh, || changes::undo_of("已添加 Ann")),
        "撤销：已添加 Ann"
    );
    assert_eq!(with_lang(Lang::Zh, jobs::reading_orders), "正在读取订单");
    assert_eq!(
        with_lang(Lang::En, || jobs::trying_k(3, 2, 9)),
        "Trying k = 3 (2 of 9)"
    );
}

#[test]
fn the_page_s_language_travels_with_a_job_request() {
    let request = crate::jobs::Request {
        id: 1,
        job: "count".into(),
        input: "{}".into(),
        database: "rapport".into(),
        lang: Lang::Zh.tag().into(),
        key: None,
    };
    let text = serde_json::to_string(&request).unwrap();
    assert!(!text.contains("key"), "no key field when none is lent");
    let read: crate::jobs::Request = serde_json::from_str(&text).unwrap();
    assert_eq!(Lang::from_tag(&read.lang), Lang::Zh);
    let older: crate::jobs::Request =
        serde_json::from_str(r#"{"id":1,"job":"count","input":"{}","database":"rapport"}"#)
            .unwrap();
    assert_eq!(Lang::from_tag(&older.lang), Lang::En);
}
