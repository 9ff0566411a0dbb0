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
}
