//! Texts of the core's error messages about records, fields, the store,
//! encryption and the actions that change data (see [`crate::i18n`]): the
//! error enums of `model`, `store` and `ops` take their `Display`, and
//! their `user_message()` sentences, from here.

use std::fmt::{Debug, Display};

crate::texts! {
    // model::FieldErrorKind
    required => "this field is required", "此字段为必填项";
    invalid_email(text: impl Display) => "“{text}” is not a valid email address", "“{text}”不是有效的电子邮件地址";
    invalid_phone(text: impl Display) => "“{text}” is not a valid phone number", "“{text}”不是有效的电话号码";
    invalid_currency(text: impl Display) => "“{text}” is not a three-letter currency code such as USD",
        "“{text}”不是三个字母的货币代码（如 USD）";
    invalid_date(text: impl Display) => "“{text}” is not a date (expected YYYY-MM-DD)", "“{text}”不是日期（应为 YYYY-MM-DD）";
    out_of_range(min: impl Display, max: impl Display, value: impl Display) =>
        "must be between {min} and {max} (got {value})", "必须介于 {min} 和 {max} 之间（实际为 {value}）";
    negative(value: impl Display) => "must not be negative (got {value})", "不能为负数（实际为 {value}）";
    not_a_number => "must be a number", "必须是数字";
    total_mismatch(stored: f64, computed: f64) =>
        "total {stored:.2} does not match the line items ({computed:.2})",
        "合计 {stored:.2} 与订单明细（{computed:.2}）不符";
    before_start => "must not be before the start", "不能早于开始";
    same_as_other => "must be a different customer", "必须是另一位客户";
    duplicate_value(text: impl Display) => "“{text}” appears more than once", "“{text}”出现了不止一次";
    not_allowed(text: impl Display) => "“{text}” is not one of the allowed choices", "“{text}”不在允许的选项中";
    /// Between a field's label and its problem.
    label_separator => ": ", "：";
    /// How a field's problem ends when shown as a sentence next to it.
    sentence_end => ".", "。";
    /// Between the problems of one record.
    problem_separator => "; ", "；";
    unknown_variant(value: impl Display, what: impl Display) => "“{value}” is not a known {what}", "“{value}”不是已知的{what}";
    transition(what: impl Display, from: impl Display, to: impl Display) =>
        "cannot change {what} from {from} to {to}", "无法将{what}从{from}改为{to}";

    // model::ParseError
    parse_empty => "nothing was written", "未填写任何内容";
    parse_not_a_number(text: impl Display) =>
        "“{text}” is not a number Rapport can read — write digits only, e.g. 1,234.50 or 1.234,50",
        "“{text}”不是 Rapport 能识别的数字——请只写数字，例如 1,234.50 或 1.234,50";
    parse_not_finite(text: impl Display) =>
        "“{text}” is not a finite number — write an ordinary amount, e.g. 1,234.50",
        "“{text}”不是有限的数字——请写普通金额，例如 1,234.50";
    parse_not_whole(text: impl Display) => "“{text}” is not a whole number — leave out the decimals",
        "“{text}”不是整数——请去掉小数部分";
    parse_too_large(text: impl Display) => "“{text}” is too large a whole number", "“{text}”这个整数太大了";
    parse_out_of_range(text: impl Display, min: impl Display, max: impl Display) =>
        "“{text}” is not between {min} and {max}", "“{text}”不在 {min} 和 {max} 之间";
    parse_not_a_date(text: impl Display) =>
        "“{text}” is not a date Rapport can read — write it as YYYY-MM-DD, e.g. 2024-03-31",
        "“{text}”不是 Rapport 能识别的日期——请写成 YYYY-MM-DD，例如 2024-03-31";
    parse_no_year(text: impl Display) => "“{text}” has no year — write the full date, e.g. 2024-03-31",
        "“{text}”没有年份——请写完整日期，例如 2024-03-31";

    // model::pipeline::StageError
    stage_blank(row: impl Display) => "stage {row} needs a name", "阶段 {row} 需要名称";
    stage_duplicate(name: impl Display, first: impl Display) => "“{name}” is already stage {first}", "“{name}”已是阶段 {first}";
    stage_reserved(name: impl Display) => "“{name}” is kept for closed deals; choose another name",
        "“{name}”保留给已结束的商机；请换一个名称";
    stage_no_open => "keep at least one open stage", "请至少保留一个进行中的阶段";
    stage_no_destination => "choose the stage that the deals of removed stages move to",
        "请选择被删除阶段中的商机要移入的阶段";

    // store::StoreError
    store_conflict(collection: impl Display, id: impl Display, expected: impl Display, found: impl Debug) =>
        "{collection} record {id} changed meanwhile (expected version {expected}, found {found:?})",
        "{collection} 记录 {id} 已在此期间被更改（预期版本 {expected}，实际为 {found:?}）";
    store_invalid(collection: impl Display, id: impl Display, errors: impl Display) =>
        "{collection} record {id} is invalid: {errors}", "{collection} 记录 {id} 无效：{errors}";
    store_quota => "storage quota exceeded", "存储配额已用完";
    store_version_changed => "the database was upgraded by another tab", "数据库已被另一个标签页升级";
    store_too_new(found: impl Display, supported: impl Display) =>
        "the database has schema version {found}, newer than this app's {supported}",
        "数据库的结构版本为 {found}，比本应用的 {supported} 更新";
    store_opening => "the database is still opening", "数据库仍在打开中";
    store_unavailable(reason: impl Display) => "IndexedDB is unavailable: {reason}", "IndexedDB 不可用：{reason}";
    store_corrupt(collection: impl Display, id: impl Display, reason: impl Display) =>
        "{collection} record {id} could not be read: {reason}", "无法读取 {collection} 记录 {id}：{reason}";
    store_encode(reason: impl Display) => "a record could not be encoded: {reason}", "无法编码一条记录：{reason}";
    store_backend(reason: impl Display) => "the database reported: {reason}", "数据库报告：{reason}";
    store_locked => "the data is encrypted and locked", "数据已加密并锁定";
    store_seal(error: impl Display) => "encryption: {error}", "加密：{error}";

    // store::StoreError::user_message
    say_conflict =>
        "This record was changed in another tab or window since you opened it. Your edit was not saved, so nothing was overwritten: reload to see the latest version, then make your change again.",
        "自您打开以来，此记录已在另一个标签页或窗口中被更改。您的编辑未保存，因此没有覆盖任何内容：请重新加载以查看最新版本，然后再次修改。";
    say_not_saved(errors: impl Display) => "Not saved: {errors}", "未保存：{errors}";
    say_quota =>
        "The browser's storage for Rapport is full, so nothing was saved. Free space (Settings shows usage), or export a backup and remove old records.",
        "浏览器为 Rapport 提供的存储空间已满，因此未保存任何内容。请释放空间（设置中显示用量），或导出备份后删除旧记录。";
    say_opening => "Rapport is still opening your data. Try again in a moment.", "Rapport 仍在打开您的数据，请稍后再试。";
    say_version_changed => "Rapport was updated in another tab. Reload this tab to continue.",
        "Rapport 已在另一个标签页中更新。请重新加载此标签页以继续。";
    say_too_new =>
        "This browser's data was written by a newer version of Rapport. Open that version, or reload to get it; nothing was changed.",
        "此浏览器中的数据由更新版本的 Rapport 写入。请打开该版本，或重新加载以获取它；未做任何更改。";
    say_unavailable =>
        "This browser does not let Rapport store data (IndexedDB is unavailable — private browsing or a blocked site setting?). Nothing can be saved.",
        "此浏览器不允许 Rapport 存储数据（IndexedDB 不可用——是否处于无痕浏览，或网站设置被阻止？）。无法保存任何内容。";
    say_locked => "Rapport is locked. Unlock it with your passphrase to continue; nothing was changed.",
        "Rapport 已锁定。请用密码短语解锁以继续；未做任何更改。";
    say_store_failed(error: impl Display) =>
        "Something went wrong while reading or saving data: {error}. Nothing was changed.",
        "读取或保存数据时出错：{error}。未做任何更改。";
    say_wrong_passphrase => "That passphrase is not the right one. Nothing was changed.", "密码短语不正确。未做任何更改。";
    say_already_encrypted => "Encryption is already on.", "加密已开启。";
    say_not_encrypted => "Encryption is off, so there is nothing to unlock or turn off.", "加密未开启，因此无需解锁或关闭。";
    say_seal_damaged(error: impl Display) =>
        "Some stored data could not be decrypted ({error}). Nothing was changed; a backup restores it.",
        "部分已存储的数据无法解密（{error}）。未做任何更改；可从备份恢复。";
    say_seal_format(error: impl Display) =>
        "The encrypted data is not in a form this version of Rapport reads ({error}). Nothing was changed.",
        "加密数据的格式不是当前版本的 Rapport 能读取的（{error}）。未做任何更改。";
    say_no_randomness =>
        "The browser gave no randomness for a new key, so encryption was not turned on. Nothing was changed.",
        "浏览器未提供生成新密钥所需的随机数，因此未开启加密。未做任何更改。";

    // store::seal::SealError and PassphraseError
    seal_wrong_passphrase => "the passphrase is not the one encryption was turned on with", "该密码短语不是开启加密时使用的那个";
    seal_damaged(label: impl Display) => "an encrypted value ({label}) is damaged or was changed", "加密值（{label}）已损坏或被改动";
    seal_format(reason: impl Display) => "an encrypted value is not in a format this version knows: {reason}",
        "加密值的格式不是当前版本所知的：{reason}";
    seal_params(reason: impl Display) => "the stored key parameters are not acceptable: {reason}", "已存储的密钥参数不可接受：{reason}";
    seal_already_on => "encryption is already on", "加密已开启";
    seal_not_on => "encryption is off", "加密未开启";
    seal_random(reason: impl Display) => "no randomness available: {reason}", "无法获得随机数：{reason}";
    passphrase_empty => "Type a passphrase.", "请输入密码短语。";
    passphrase_mismatch => "The two passphrases differ.", "两次输入的密码短语不一致。";

    // ops::OpError
    op_missing(what: impl Display) => "this {what} is no longer stored", "此{what}已不再存储";
    op_nothing_to_do => "nothing to change", "没有需要更改的内容";
    op_changed_elsewhere(what: impl Display) => "the {what} was changed elsewhere", "{what}已在别处被更改";
    say_not_changed(error: impl Display) => "Not changed: {error}.", "未更改：{error}。";
    say_missing(what: impl Display) =>
        "This {what} is no longer stored (deleted for good in another tab or window?). Nothing was changed.",
        "此{what}已不再存储（是否已在另一个标签页或窗口中被永久删除？）。未做任何更改。";
    say_nothing_to_do => "Nothing to change.", "没有需要更改的内容。";
    say_changed_elsewhere(what: impl Display) =>
        "The {what} was changed in another tab or window since you opened it. Your edit was not saved, so nothing was overwritten: reload to see the latest version, then make your change again.",
        "自您打开以来，{what}已在另一个标签页或窗口中被更改。您的编辑未保存，因此没有覆盖任何内容：请重新加载以查看最新版本，然后再次修改。";

    // ops::merge::MergeError
    merge_nothing(survivor: impl Display) => "choose at least one customer to merge into {survivor}",
        "请至少选择一位要合并到{survivor}的客户";
    merge_survivor_among_merged(name: impl Display) => "{name} cannot be merged into themselves", "{name}不能合并到自己";
    merge_already_merged(name: impl Display) => "{name} was already merged into another customer", "{name}已被合并到另一位客户";
    merge_trashed(name: impl Display) => "{name} is in the trash; restore them first", "{name}在回收站中；请先恢复";
    merge_choice_not_in_merge(field: impl Display) =>
        "the value chosen for {field} comes from a customer who is not part of the merge",
        "为{field}选择的值来自一位不参与合并的客户";
    merge_restore_merged(name: impl Display) =>
        "{name} was merged into another customer; open that customer, or undo the merge",
        "{name}已被合并到另一位客户；请打开那位客户，或撤销合并";
    say_not_merged(error: impl Display) => "Not merged: {error}.", "未合并：{error}。";
    say_not_restored(error: impl Display) => "Not restored: {error}.", "未恢复：{error}。";
}

#[cfg(test)]
#[path = "core_texts_tests.rs"]
mod tests;
