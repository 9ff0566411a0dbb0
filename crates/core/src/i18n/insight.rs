//! Texts of the Insight page (RFM, lifetime value, recommendations, network) (see [`crate::i18n`]).

crate::texts! {
    title => "Insight", "洞察";
    subtitle => "Who buys, who is slipping away, what they are worth and who knows whom — computed on this device.",
        "谁在购买、谁在流失、他们价值几何、谁认识谁——均在本设备上计算。";
    /// The as-of form's name.
    measure_as_of => "Measure as of", "计算基准日";
    as_of => "As of", "基准日";
    recompute => "Recompute", "重新计算";
    blank_as_of => "Blank: as of the newest purchase.", "留空：以最近一次购买为准。";
    measured_as_of(date: String) => "Measured as of {date}. Blank: as of the newest purchase.",
        "按 {date} 计算。留空：以最近一次购买为准。";
    /// The progress bar's name.
    scoring_customers => "Scoring customers", "正在为客户评分";
    /// What the background overview is, inside the refresh notice's sentence.
    overview_what => "the customers' purchase figures and RFM segments", "客户的购买数据和 RFM 细分群体";
    scoring_customers_now => "Scoring customers…", "正在为客户评分…";
    updating => "Updating with the latest changes…", "正在根据最新更改更新…";
    customers => "Customers", "客户";
    customer => "Customer", "客户";

    // RFM.
    /// After a heatmap cell's count, for screen readers.
    heat_cell(recency: usize, frequency: usize) => " customers with R {recency} and F {frequency}",
        " 位客户的 R 为 {recency}、F 为 {frequency}";
    campaign_not_planned(error: String) => "The campaign could not be planned: {error}",
        "无法规划营销活动：{error}";
    show_in_customers => "Show in Customers", "在客户列表中查看";
    /// After "Show in Customers", for screen readers.
    show_in_customers_segment(segment: String) => ": {segment}", "（细分群体：{segment}）";
    plan_campaign => "Plan a campaign", "规划营销活动";
    /// After "Plan a campaign", for screen readers.
    plan_campaign_segment(segment: String) => " for {segment}", "（针对{segment}）";
    rfm_heading => "Recency, frequency and monetary value", "最近购买、购买频率与消费金额";
    rfm_intro => "Each buyer scored 1–5 on how recently (R) and how often (F) they bought, by quintile; each cell shows its customers and their revenue.",
        "按五分位数为每位买家的最近购买时间（R）和购买频率（F）评 1–5 分；每个单元格显示其客户数及收入。";
    heatmap_label => "Customers by recency and frequency score", "按最近购买与购买频率得分划分的客户";
    rfm_segments => "RFM segments", "RFM 细分群体";
    segment => "Segment", "细分群体";
    revenue => "Revenue", "收入";
    rule => "Rule", "规则";
    actions => "Actions", "操作";

    // Lifetime value.
    fitted_model => "Fitted lifetime-value model", "已拟合的客户终身价值模型";
    observation_end => "Observation end", "观察期结束";
    predicted_next_12_months => "Predicted, next 12 months", "未来 12 个月预测";
    no_clv_model(reason: String) => "No lifetime-value model: {reason}", "无客户终身价值模型：{reason}";
    unnamed => "(unnamed)", "（未命名）";
    clv_heading => "Lifetime value", "客户终身价值";
    clv_intro => "Purchases to come from a BG/NBD model, their size from a Gamma-Gamma model, both fitted to the purchase history in the main currency.",
        "未来的购买次数来自 BG/NBD 模型，购买金额来自 Gamma-Gamma 模型，二者均基于主要货币的购买历史拟合。";
    clv_note => "Expected purchases and predicted value over the next 12 months; “still buying” is the model's probability that the customer has not lapsed.",
        "未来 12 个月的预期购买次数和预测价值；“仍在购买”是模型估计的客户尚未流失的概率。";
    most_valuable => "Most valuable customers, next 12 months", "未来 12 个月最有价值的客户";
    spent_so_far => "Spent so far", "累计消费";
    purchases => "Purchases", "购买次数";
    expected_purchases => "Expected purchases", "预期购买次数";
    predicted_value => "Predicted value", "预测价值";
    still_buying => "Still buying", "仍在购买";

    // The network.
    group_champions => "Champions & loyal", "冠军客户与忠诚客户";
    group_potential => "Potential, new & promising", "潜力客户、新客户与有望客户";
    group_attention => "Need attention & about to sleep", "需要关注与即将沉睡";
    group_at_risk => "At risk & can't lose them", "有流失风险与不能失去";
    group_lost => "Hibernating & lost", "休眠与流失";
    who_knows_whom => "Who knows whom", "谁认识谁";
    no_purchases => "No purchases", "无购买";
    within_two_links(name: String) => "Within two links of {name}", "距 {name} 两层关系以内";
    no_relationships => "No relationships yet: link customers (who referred whom) on their pages to see the network.",
        "尚无关系：在客户页面上关联客户（谁推荐了谁）即可查看关系网络。";
    most_influential => "Most influential customers", "最有影响力的客户";
    influence => "Influence (eigenvector)", "影响力（特征向量中心性）";
    go_between => "Go-between (betweenness)", "中间人（中介中心性）";
    zoom_to_customer => "Zoom to customer", "聚焦到客户";
    whole_network => "Whole network", "整个关系网络";
    network => "Network", "关系网络";
    network_intro => "Customers linked by referrals and other relationships: the larger the dot, the better connected to well-connected customers; colours are RFM segments.",
        "通过推荐及其他关系相连的客户：圆点越大，与人脉广的客户联系越紧密；颜色代表 RFM 细分群体。";
    measuring_network => "Measuring the network", "正在分析关系网络";

    // Customers who bought … also bought.
    no_purchases_yet => "No purchases yet: products appear here once orders are recorded.",
        "尚无购买记录：录入订单后，产品会显示在这里。";
    product => "Product", "产品";
    choose_product => "Choose a product…", "选择产品…";
    nothing_else_bought(product: String) => "No one who bought {product} bought anything else yet.",
        "购买了 {product} 的客户尚未购买其他产品。";
    also_bought_with(product: String) => "Customers who bought {product} also bought",
        "购买了 {product} 的客户还购买了";
    similarity => "Similarity", "相似度";
    bought_both => "Bought both", "两者都购买";
    also_bought_heading => "Customers who bought … also bought", "购买了……的客户还购买了";
    also_bought_intro => "Products bought by the same customers (cosine similarity over who bought them).",
        "同一批客户购买的产品（按购买者计算的余弦相似度）。";
    comparing_products => "Comparing products", "正在比较产品";
}
