//! The names of the core's enum values as people read them (see
//! [`crate::i18n`]): lifecycle stages, statuses, priorities, channels,
//! kinds. Each enum keeps its English `label()` as the key that CSV files,
//! forms and CSS classes exchange; its `display()` and `Display` come from
//! here, and parsing accepts both.

crate::texts! {
    education_none => "None", "无";
    education_secondary => "Secondary", "中学";
    education_vocational => "Vocational", "职业教育";
    education_bachelor => "Bachelor", "学士";
    education_master => "Master", "硕士";
    education_doctorate => "Doctorate", "博士";

    lifecycle_subscriber => "Subscriber", "订阅者";
    lifecycle_lead => "Lead", "潜在客户";
    lifecycle_opportunity => "Opportunity", "商机";
    lifecycle_customer => "Customer", "客户";
    lifecycle_evangelist => "Evangelist", "推广者";
    lifecycle_churned => "Churned", "已流失";

    relationship_referred => "Referred", "推荐";
    relationship_colleague => "Colleague", "同事";
    relationship_family => "Family", "家人";
    relationship_partner => "Partner", "伴侣";
    /// A referral seen from the customer who was referred.
    referred_by => "Referred by", "被推荐自";

    order_quote => "Quote", "报价";
    order_order => "Order", "订单";
    order_contract => "Contract", "合同";
    order_cancelled => "Cancelled", "已取消";

    import_customers => "Customers", "客户";
    import_orders => "Orders", "订单";

    channel_email => "Email", "电子邮件";
    channel_social => "Social", "社交媒体";
    channel_search => "Search", "搜索广告";
    channel_event => "Event", "活动";
    channel_print => "Print", "印刷品";
    channel_other => "Other", "其他";

    ticket_open => "Open", "未结";
    ticket_pending => "Pending", "等待中";
    ticket_solved => "Solved", "已解决";

    priority_low => "Low", "低";
    priority_normal => "Normal", "普通";
    priority_high => "High", "高";
    priority_urgent => "Urgent", "紧急";

    interaction_note => "Note", "备注";
    interaction_call => "Call", "通话";
    interaction_email => "Email", "电子邮件";
    interaction_meeting => "Meeting", "会议";

    direction_inbound => "Inbound", "收到";
    direction_outbound => "Outbound", "发出";
    direction_internal => "Internal", "内部";

    text_note => "Note", "备注";
    text_call => "Call", "通话";
    text_email => "Email", "电子邮件";
    text_meeting => "Meeting", "会议";
    text_ticket => "Ticket", "工单";

    // RFM segments (insight::Segment) and the rules that put customers in them.
    rfm_champions => "Champions", "冠军客户";
    rfm_loyal => "Loyal", "忠诚客户";
    rfm_potential_loyalists => "Potential loyalists", "潜在忠诚客户";
    rfm_new => "New", "新客户";
    rfm_promising => "Promising", "有潜力客户";
    rfm_need_attention => "Need attention", "需要关注";
    rfm_about_to_sleep => "About to sleep", "即将沉睡";
    rfm_at_risk => "At risk", "有流失风险";
    rfm_cant_lose_them => "Can't lose them", "不能失去的客户";
    rfm_hibernating => "Hibernating", "休眠客户";
    rfm_lost => "Lost", "已流失客户";
    rule_champions => "Bought very recently (R 5) and often (F 4–5).", "最近刚购买（R 5）且购买频繁（F 4–5）。";
    rule_loyal => "Buy often (F 4–5), fairly recently (R 3–4).", "购买频繁（F 4–5），且较近期有购买（R 3–4）。";
    rule_potential_loyalists => "Recent (R 4–5), with a few purchases (F 2–3).", "近期有购买（R 4–5），购买过几次（F 2–3）。";
    rule_new => "First purchase very recently (R 5, F 1).", "最近刚首次购买（R 5，F 1）。";
    rule_promising => "One purchase, fairly recently (R 4, F 1).", "购买过一次，时间较近（R 4，F 1）。";
    rule_need_attention => "Middle of the road on both (R 3, F 3).", "两项都处于中等水平（R 3，F 3）。";
    rule_about_to_sleep => "Few purchases (F 1–2), recency slipping (R 3).", "购买次数少（F 1–2），最近购买时间在变远（R 3）。";
    rule_at_risk => "Bought several times (F 3–4), but long ago (R 1–2).", "购买过多次（F 3–4），但已是很久以前（R 1–2）。";
    rule_cant_lose_them => "Bought most often (F 5), but long ago (R 1–2).", "购买最频繁（F 5），但已是很久以前（R 1–2）。";
    rule_hibernating => "Few purchases (F 1–2), long ago (R 1–2), except R 1 F 1.",
        "购买次数少（F 1–2），且很久以前（R 1–2），R 1 F 1 除外。";
    rule_lost => "One purchase, longest ago (R 1, F 1).", "只购买过一次，且时间最久远（R 1，F 1）。";

    // Sentiment polarity.
    negative => "Negative", "负面";
    neutral => "Neutral", "中性";
    positive => "Positive", "正面";

    // Periods (analytics::Period): the picker's names and figure captions.
    last_days(n: u32) => "Last {n} days", "最近 {n} 天";
    all_time => "All time", "全部时间";
    custom_period => "Custom", "自定义";
    caption_last_days(n: u32) => "last {n} days", "最近 {n} 天";
    caption_range(from: String, to: String) => "{from} to {to}", "{from} 至 {to}";

    // Kinds of text in lists of them (text::TextKind::plural).
    notes => "Notes", "备注";
    calls => "Calls", "通话";
    emails => "Emails", "电子邮件";
    meetings => "Meetings", "会议";
    tickets => "Tickets", "工单";

    /// A customer with no name, company or email.
    no_name => "(no name)", "（无姓名）";

    // A page of a long list (search::Page::summary).
    no_rows => "No rows", "没有记录";
    showing(first: String, last: String, total: String) => "Showing {first}–{last} of {total}",
        "显示第 {first}–{last} 条，共 {total} 条";
}
