//! Names the analyses, the figure filters and the merge dialog show (see
//! [`crate::i18n`]): features and targets of the models, the bounds of the
//! figure filter, the fields a merge compares.

crate::texts! {
    // analytics::ml::Feature (lower case, to fit inside sentences)
    feature_age => "age", "年龄";
    feature_income => "income", "收入";
    feature_education => "education", "教育程度";
    feature_tenure_days => "days as customer", "成为客户的天数";
    feature_orders => "orders", "订单数";
    feature_total_spent => "total spent", "消费总额";
    feature_average_order => "average order", "平均订单额";
    feature_days_since_last_order => "days since last order", "距上次下单天数";
    feature_tickets => "tickets", "工单数";
    feature_satisfaction => "satisfaction", "满意度";
    feature_deals => "deals", "商机数";
    // analytics::ml::BinaryTarget, completing "whether the customer …"
    target_bought_recently => "bought in the last 90 days", "最近 90 天内购买过";
    target_churned => "churned", "已流失";
    target_has_won_deal => "has a won deal", "有赢单的商机";
    // search::FigureBound
    spend_at_least => "Spend at least", "消费至少";
    spend_at_most => "Spend at most", "消费至多";
    purchases_at_least => "Purchases at least", "购买次数至少";
    purchases_at_most => "Purchases at most", "购买次数至多";
    predicted_at_least => "Predicted 12-month value at least", "预测 12 个月价值至少";
    predicted_at_most => "Predicted 12-month value at most", "预测 12 个月价值至多";
    last_purchase_from => "Last purchase on or after", "最近一次购买不早于";
    last_purchase_before => "Last purchase before", "最近一次购买早于";
    // ops::merge::MergeField
    merge_given_name => "First name", "名";
    merge_family_name => "Last name", "姓";
    merge_company => "Company", "公司";
    merge_job_title => "Job title", "职位";
    merge_birthday => "Birthday", "生日";
    merge_age => "Age", "年龄";
    merge_annual_income => "Annual income", "年收入";
    merge_education => "Education", "教育程度";
    merge_lifecycle => "Lifecycle stage", "生命周期阶段";
    merge_source => "Source", "来源";
    merge_owner => "Owner", "负责人";
    merge_address => "Address", "地址";
    merge_segment => "Segment", "细分群体";
}
