//! The sentences of an import's report and of its guess at what a file
//! holds (see [`crate::i18n`]): why a row was skipped, what a note says.

use std::fmt::Display;

crate::texts! {
    kind_preset(preset: impl Display) => "Its header is that of a {preset} export.", "其表头是 {preset} 导出文件的表头。";
    kind_people => "Its header names people (names, emails, phones or companies).",
        "其表头列出的是人员信息（姓名、电子邮件、电话或公司）。";
    kind_orders_header => "Its header names a customer ID, a date and an amount, as a purchase log does.",
        "其表头包含客户 ID、日期和金额，与购买记录一致。";
    kind_orders_rows => "Its rows look like a purchase log: a customer ID, a date and amounts.",
        "其各行看起来是购买记录：客户 ID、日期和金额。";
    row_width_one(columns: usize) =>
        "This row has 1 value but the header has {columns} columns; a missing or extra delimiter would put values in the wrong fields, so the row was skipped.",
        "这一行只有 1 个值，但表头有 {columns} 列；缺少或多出分隔符会把值放进错误的字段，因此跳过了这一行。";
    row_width(values: usize, columns: usize) =>
        "This row has {values} values but the header has {columns} columns; a missing or extra delimiter would put values in the wrong fields, so the row was skipped.",
        "这一行有 {values} 个值，但表头有 {columns} 列；缺少或多出分隔符会把值放进错误的字段，因此跳过了这一行。";
    already_in_rapport(name: impl Display) =>
        "Already in Rapport as “{name}”; skipped (duplicates are matched by email, else phone).",
        "已作为“{name}”存在于 Rapport 中；已跳过（重复项按电子邮件匹配，没有则按电话）。";
    same_as_line(line: impl Display) => "Same person as the row on line {line}; skipped.", "与第 {line} 行是同一人；已跳过。";
    merge_would_be_invalid(name: impl Display, errors: impl Display) =>
        "Merging this row into “{name}” would make it invalid ({errors}); skipped.",
        "将这一行合并到“{name}”会使其无效（{errors}）；已跳过。";
    no_name => "The row has no name, email address or company; Rapport needs at least one.",
        "这一行没有姓名、电子邮件地址或公司；Rapport 至少需要其中一项。";
    order_row_width(values: usize, columns: usize) => "This row has {values} values but the file has {columns} columns; skipped.",
        "这一行有 {values} 个值，但文件有 {columns} 列；已跳过。";
    customer_id_missing => "The customer ID is missing.", "缺少客户 ID。";
    date_missing => "The date is missing.", "缺少日期。";
    amount_missing => "The amount is missing.", "缺少金额。";
    not_a_purchase(quantity: f64) =>
        "The quantity is {quantity}; only purchases (more than 0 items) are imported, not returns.",
        "数量为 {quantity}；只导入购买（数量大于 0），不导入退货。";
    order_number_reused => "This order number was used for another customer on an earlier line; skipped.",
        "此订单号在前面的行中已用于另一位客户；已跳过。";
    /// The name of a column in a file without a header.
    column_n(n: usize) => "Column {n}", "第 {n} 列";
    possibly_same(name: impl Display, why: impl Display) => "Possibly the same as “{name}” ({why}).",
        "可能与“{name}”是同一人（{why}）。";
    /// Between the reasons of a probable duplicate.
    list_separator => ", ", "，";
    not_an_age(cell: impl Display, max: impl Display) => "“{cell}” is not an age in whole years (0 to {max}).",
        "“{cell}”不是以整年计的年龄（0 到 {max}）。";
    negative_income(cell: impl Display) => "“{cell}” is negative; an income cannot be.", "“{cell}”是负数；收入不能为负。";
    choose_one_of(problem: impl Display, choices: impl Display) => "{problem} (choose one of: {choices}).",
        "{problem}（请从以下选项中选择：{choices}）。";
    same_email => "same email", "电子邮件相同";
    same_phone => "same phone", "电话相同";
    same_name => "same name", "姓名相同";
    similar_name => "similar name", "姓名相似";
    same_name_pinyin => "same name in pinyin", "姓名拼音相同";
    same_company => "same company", "公司相同";
    same_email_domain => "same email domain", "电子邮件域名相同";
    already_imported_one =>
        "1 order is already in Rapport (same customer, date, amount and order number) and will be skipped. Was this file imported before?",
        "有 1 个订单已在 Rapport 中（客户、日期、金额和订单号都相同），将被跳过。这个文件以前导入过吗？";
    already_imported(n: usize) =>
        "{n} orders are already in Rapport (same customer, date, amount and order number) and will be skipped. Was this file imported before?",
        "有 {n} 个订单已在 Rapport 中（客户、日期、金额和订单号都相同），将被跳过。这个文件以前导入过吗？";
    /// A birthday that reads both ways round (`first` and `second`), read
    /// month first as `chosen`.
    ambiguous_date(cell: impl Display, first: impl Display, second: impl Display, chosen: impl Display) =>
        "“{cell}” could be {first} or {second}; it was read month first, as in the US: {chosen}. If the file puts the day first, correct the birthday or write dates as YYYY-MM-DD.",
        "“{cell}”可能是{first}，也可能是{second}；已按美国习惯先月后日读取为{chosen}。如果文件中日在前，请更正生日，或把日期写成 YYYY-MM-DD。";
    preset_hubspot => "HubSpot contacts", "HubSpot 联系人";
    preset_salesforce => "Salesforce contacts or leads", "Salesforce 联系人或潜在客户";
    preset_google_legacy => "Google Contacts (Google CSV)", "Google 通讯录（Google CSV）";
    preset_google_current => "Google Contacts", "Google 通讯录";
    preset_outlook => "Outlook contacts", "Outlook 联系人";
    preset_rapport => "Rapport customers", "Rapport 客户";
    // Why two customers may be the same person (dedupe::Reason::describe).
    both_email(email: impl Display) => "Both have the email address {email}.", "两人的电子邮件地址都是 {email}。";
    both_phone(phone: impl Display) => "Both have the phone number {phone}.", "两人的电话号码都是 {phone}。";
    same_name_sentence => "They have the same name.", "两人姓名相同。";
    names_alike(percent: impl Display) => "Their names are {percent}% alike.", "两人的姓名相似度为 {percent}%。";
    same_pinyin(pinyin: impl Display) => "Their names read the same in pinyin ({pinyin}).", "两人姓名的拼音相同（{pinyin}）。";
    both_company(company: impl Display) => "Both work at {company}.", "两人都在{company}工作。";
    both_email_domain(domain: impl Display) => "Both have an email address at {domain}.", "两人都有 {domain} 的电子邮件地址。";
}
