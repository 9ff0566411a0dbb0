//! Texts of one customer's page: the details form and its custom fields,
//! "At a glance", the timeline, sentiment and relationships (see
//! [`crate::i18n`]).

crate::texts! {
    // The page.
    new_customer => "New customer", "新建客户";
    new_subtitle => "Only a name, an email or a company is required.", "只需填写姓名、电子邮件或公司之一。";
    not_found => "Customer not found", "未找到客户";
    not_found_hint => "It may have been deleted for good.", "该客户可能已被永久删除。";
    back_to_customers => "Back to customers", "返回客户列表";
    unreadable => "This customer could not be read", "无法读取此客户";
    nothing_changed => "Nothing was changed.", "未做任何更改。";
    unnamed => "Unnamed customer", "未命名客户";
    breadcrumb => "Customers", "客户";
    new_deal => "New deal", "新建商机";
    new_quote => "New quote", "新建报价";
    open_ticket => "Open ticket", "新建工单";
    move_to_trash => "Move to trash", "移到回收站";
    /// Around a link to the customer merged into (`{name}` is the link).
    merged_into(name: String) => "This customer was merged into {name}: their timeline, orders, deals, tickets and tasks are there now.",
        "此客户已合并到 {name}：其时间线、订单、商机、工单和任务现在都在那里。";
    in_trash => "This customer is in the trash. Restore it from the Trash page.", "此客户在回收站中。可在“回收站”页面恢复。";

    // The details form.
    not_saved => "Not saved: please correct the fields marked below.", "未保存：请更正下方标出的字段。";
    saved(name: String) => "Saved {name}", "已保存 {name}";
    form_name => "Customer details", "客户详情";
    details => "Details", "详情";
    given_name => "Given name", "名";
    family_name => "Family name", "姓";
    email => "Email", "电子邮件";
    phone => "Phone", "电话";
    company => "Company", "公司";
    job_title => "Job title", "职位";
    lifecycle => "Lifecycle stage", "生命周期阶段";
    tags => "Tags", "标签";
    street => "Street", "街道";
    city => "City", "城市";
    region => "Region", "省/州";
    postal_code => "Postal code", "邮政编码";
    country => "Country", "国家/地区";
    birthday => "Birthday", "生日";
    age => "Age", "年龄";
    annual_income => "Annual income", "年收入";
    education => "Education", "教育程度";
    source => "Source", "来源";
    owner => "Owner", "负责人";
    segment => "Segment", "细分群体";
    add_customer => "Add customer", "添加客户";
    save_changes => "Save changes", "保存更改";

    // Custom fields.
    custom_fields => "Custom fields", "自定义字段";
    custom_field_name(number: usize) => "Custom field {number} name", "自定义字段 {number} 名称";
    custom_field_type(number: usize) => "Custom field {number} type", "自定义字段 {number} 类型";
    custom_field_value(number: usize) => "Custom field {number} value", "自定义字段 {number} 值";
    remove_custom_field(number: usize) => "Remove custom field {number}", "删除自定义字段 {number}";
    field_name => "Field name", "字段名称";
    value_placeholder => "Value (dates as YYYY-MM-DD)", "值（日期格式为 YYYY-MM-DD）";
    remove => "Remove", "删除";
    add_field => "Add field", "添加字段";
    kind_text => "Text", "文本";
    kind_number => "Number", "数字";
    kind_date => "Date", "日期";
    kind_yes_no => "Yes/no", "是/否";
    kind_choice => "Choice", "选项";

    // At a glance.
    at_a_glance => "At a glance", "概览";
    adding_up => "Adding up…", "正在统计…";
    spend_per_month(currency: String) => "Spend per month ({currency})", "每月消费（{currency}）";
    month => "Month", "月份";
    lifetime_spend => "Lifetime spend", "累计消费";
    purchases => "Purchases", "购买次数";
    average_order => "Average order", "平均订单金额";
    first_purchase => "First purchase", "首次购买";
    last_purchase => "Last purchase", "最近购买";
    days_since_last => "Days since last purchase", "距最近购买天数";
    none_yet => "None yet", "暂无";
    rfm_scores => "RFM scores (R F M)", "RFM 评分（R F M）";
    rfm_segment => "RFM segment", "RFM 细分群体";
    predicted => "Predicted next 12 months", "预计未来 12 个月";
    chance_alive => "Chance still buying", "仍在购买的概率";
    likelihood => "Likelihood to buy", "购买可能性";
    open_deals => "Open deals", "进行中的商机";
    open_tickets => "Open tickets", "未结工单";
    recommended => "Recommended products", "推荐产品";
    comparing => "Comparing with other customers…", "正在与其他客户比较…";
    nothing_to_recommend => "Nothing to recommend: no other customer bought what this one did, or they already bought it all.",
        "暂无推荐：没有其他客户购买过此客户买过的产品，或者此客户已经全部买过了。";
    /// Why a product is recommended.
    because_bought(products: String, score: String) => "because they bought {products} (score {score})",
        "因为其购买了 {products}（得分 {score}）";

    // The timeline.
    kind_deal => "Deal", "商机";
    kind_ticket => "Ticket", "工单";
    deal_detail(value: String, probability: String) => "Value {value}, probability {probability}%", "金额 {value}，成功概率 {probability}%";
    satisfaction(rating: String) => " · satisfaction {rating}/5", " · 满意度 {rating}/5";
    empty_note => "Write something first: the note is empty.", "请先写点内容：备注是空的。";
    timeline => "Timeline", "时间线";
    add_to_the_timeline => "Add to the timeline", "添加到时间线";
    kind => "Kind", "类型";
    add_note => "Add note", "添加备注";
    log_call => "Log call", "记录通话";
    log_email => "Log email", "记录邮件";
    log_meeting => "Log meeting", "记录会议";
    inbound => " The customer reached out (inbound)", " 客户主动联系（呼入）";
    subject => "Subject", "主题";
    subject_optional => "Subject (optional)", "主题（可选）";
    note_text => "Note text", "备注内容";
    what_happened => "What happened?", "发生了什么？";
    add_to_timeline => "Add to timeline", "添加到时间线";
    loading_timeline => "Loading the timeline…", "正在加载时间线…";
    timeline_empty => "Nothing yet: add a note or log a call above.", "暂无内容：请在上方添加备注或记录通话。";
    entry_negative_hint => "The words of this entry read negative", "此条目的措辞为负面";
    negative(score: String) => "Negative {score}", "负面 {score}";

    // Sentiment.
    sentiment => "Sentiment", "情感";
    scoring => "Scoring…", "正在评分…";
    nothing_to_score => "No note, email, meeting or ticket to score yet.", "还没有可评分的备注、邮件、会议或工单。";
    sentiment_chart => "This customer's sentiment per month", "此客户每月的情感";
    read_negative(negative: usize, texts: usize) => "{negative} of {texts} texts read negative.", "{texts} 条文本中有 {negative} 条为负面。";

    // Relationships.
    link_referred => "Referred them", "推荐了对方";
    /// A link's badge on the page of the customer who referred the other.
    phrase_referred => "Referred", "推荐了";
    /// A link's badge on the page of the customer who was referred.
    phrase_referred_by => "Referred by", "推荐人";
    link_referred_by => "Was referred by them", "由对方推荐";
    link_colleague => "Colleague", "同事";
    link_family => "Family", "家人";
    link_partner => "Partner", "合作伙伴";
    weak => "Weak", "弱";
    medium => "Medium", "中等";
    strong => "Strong", "强";
    very_strong => "Very strong", "很强";
    /// Said next to the field when a name is typed but no suggestion picked.
    pick_from_suggestions => "pick the customer from the suggestions", "请从建议列表中选择客户";
    remove_link(name: String) => "Remove the link with {name}", "删除与 {name} 的关联";
    relationships => "Relationships", "关系";
    no_links => "No links yet: record who referred this customer, or their colleagues, family and partners.",
        "暂无关联：可记录谁推荐了此客户，或其同事、家人和合作伙伴。";
    linked_customers => "Linked customers", "关联的客户";
    add_relationship => "Add a relationship", "添加关系";
    link => "Link", "关联";
    strength => "Strength", "强度";
    other_customer => "Other customer", "另一位客户";
    link_to => "Link to", "关联到";
    add_link => "Add link", "添加关联";
}
