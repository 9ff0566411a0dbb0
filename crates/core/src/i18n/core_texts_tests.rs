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
