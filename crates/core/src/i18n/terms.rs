//! Words the core keeps in English inside its data and errors — the kind of
//! record an error is about ("customer", "order status"), a field's name as
//! `field_label` spells it ("Annual income"), a collection ("customers") —
//! and their Chinese, found by the English word when a message is shown
//! ([`translate`]). Words not listed here are shown as they are.

crate::texts! {
    // What an error is about.
    customer => "customer", "客户";
    pipeline => "pipeline", "销售管道";
    order_status => "order status", "订单状态";
    ticket_status => "ticket status", "工单状态";
    education_level => "education level", "教育程度";
    lifecycle_stage => "lifecycle stage", "生命周期阶段";
    relationship_kind => "relationship kind", "关系类型";
    import_kind => "import kind", "导入类型";
    campaign_channel => "campaign channel", "营销渠道";
    priority => "priority", "优先级";
    interaction_kind => "interaction kind", "互动类型";
    direction => "direction", "方向";
    text_kind => "text kind", "文本类型";
    // Collections, as stores and backups name them.
    customers => "customers", "客户";
    interactions => "interactions", "互动记录";
    tasks => "tasks", "任务";
    orders => "orders", "订单";
    deals => "deals", "商机";
    tickets => "tickets", "工单";
    campaigns => "campaigns", "营销活动";
    relationships => "relationships", "关系";
    imports => "imports", "导入记录";
    scores => "scores", "评分";
    settings => "settings", "设置";
    // Problems that only make sense in another state.
    add_a_line => "add at least one line", "请至少添加一行明细";
    more_than_zero => "must be more than zero", "必须大于零";
    solved_date_needs_solved => "only a solved ticket has a solved date", "只有已解决的工单才有解决日期";
    link_exists => "this link already exists", "此关联已存在";
    // Field names as `field_label` spells them.
    field_age => "Age", "年龄";
    field_annual_income => "Annual income", "年收入";
    field_birthday => "Birthday", "生日";
    field_budget => "Budget", "预算";
    field_channel => "Channel", "渠道";
    field_created => "Created", "创建时间";
    field_created_at => "Created at", "创建时间";
    field_currency => "Currency", "货币";
    field_custom_fields => "Custom fields", "自定义字段";
    field_customer => "Customer", "客户";
    field_date => "Date", "日期";
    field_direction => "Direction", "方向";
    field_due => "Due", "到期";
    field_emails => "Emails", "电子邮件";
    field_end => "End", "结束";
    field_expected_close => "Expected close", "预计成交日期";
    field_external_id => "External id", "外部编号";
    field_family_name => "Family name", "姓";
    field_given_name => "Given name", "名";
    field_label => "Label", "标签名";
    field_lifecycle => "Lifecycle", "生命周期";
    field_line_items => "Line items", "订单明细";
    field_members => "Members", "成员";
    field_name => "Name", "名称";
    field_newsletter => "Newsletter", "新闻通讯";
    field_phones => "Phones", "电话";
    field_priority => "Priority", "优先级";
    field_probability => "Probability", "概率";
    field_product => "Product", "产品";
    field_proposal => "Proposal", "方案";
    field_quantity => "Quantity", "数量";
    field_reverted_at => "Reverted at", "撤回时间";
    field_satisfaction => "Satisfaction", "满意度";
    field_schema => "Schema", "结构版本";
    field_solved_at => "Solved at", "解决时间";
    field_stage => "Stage", "阶段";
    field_stages => "Stages", "阶段";
    field_start => "Start", "开始";
    field_strength => "Strength", "强度";
    field_subject => "Subject", "主题";
    field_tags => "Tags", "标签";
    field_title => "Title", "标题";
    field_to => "To", "对象";
    field_total => "Total", "合计";
    field_unit_price => "Unit price", "单价";
    field_updated_at => "Updated at", "更新时间";
    field_value => "Value", "金额";
    field_version => "Version", "版本";
    field_vip => "Vip", "VIP 客户";
}

/// `english` in the current language: its Chinese when it is listed here
/// or among the enum labels ([`super::labels`]) or the import's field names
/// ([`super::import_fields`]) and Chinese is current,
/// else `english` itself.
pub fn translate(english: &str) -> &str {
    match crate::i18n::lang() {
        crate::i18n::Lang::En => english,
        crate::i18n::Lang::Zh => ENTRIES
            .iter()
            .chain(super::labels::ENTRIES)
            .chain(super::import_fields::ENTRIES)
            .find(|entry| entry.en == english)
            .map_or(english, |entry| entry.zh),
    }
}
