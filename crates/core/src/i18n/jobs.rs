//! Texts the analyses say while they run and after (see [`crate::i18n`]):
//! progress notes, the labels of the changes they save, and why a refresh
//! failed. They are made in the worker, which speaks the page's language.

use std::fmt::Display;

crate::texts! {
    reading_customers => "Reading customers", "正在读取客户";
    reading_orders => "Reading orders", "正在读取订单";
    reading_tickets_and_deals => "Reading tickets and deals", "正在读取工单和商机";
    reading_deals_tickets_campaigns => "Reading deals, tickets and campaigns", "正在读取商机、工单和营销活动";
    reading_relationships => "Reading relationships", "正在读取关系";
    reading_notes_and_tickets => "Reading notes and tickets", "正在读取备注和工单";
    reading_tickets => "Reading tickets", "正在读取工单";
    computing_features => "Computing features", "正在计算特征";
    adding_up => "Adding up", "正在汇总";
    scoring_customers => "Scoring customers", "正在为客户评分";
    comparing_products => "Comparing products", "正在比较产品";
    comparing_customers => "Comparing customers", "正在比较客户";
    measuring_centrality => "Measuring centrality", "正在计算中心性";
    drawing_network => "Drawing the network", "正在绘制关系网络";
    indexing_texts => "Indexing the texts", "正在为文本建立索引";
    comparing_texts => "Comparing the texts", "正在比较文本";
    indexing_tickets => "Indexing the tickets", "正在为工单建立索引";
    finding_topics => "Finding topics", "正在查找主题";
    scoring_sentiment => "Scoring sentiment", "正在分析情感";
    trying_k(k: usize, number: usize, total: usize) => "Trying k = {k} ({number} of {total})",
        "正在尝试 k = {k}（第 {number} 个，共 {total} 个）";
    kmeans_iteration(iteration: usize) => "k-means iteration {iteration}", "k-means 第 {iteration} 次迭代";
    scoring_segments => "Scoring the segments", "正在为细分群体评分";
    fitting_iteration(iteration: usize) => "Fitting, iteration {iteration}", "正在拟合，第 {iteration} 次迭代";
    step_of(step: u64, steps: u64) => "step {step} of {steps}", "第 {step} 步，共 {steps} 步";
    topics_need_two_tickets => "Topics need at least two tickets with text.", "查找主题至少需要两个带文字的工单。";
    unnamed_customer => "Unnamed customer", "未命名客户";
    saved_segments(k: usize) => "Saved {k} segments onto customers", "已将 {k} 个细分群体保存到客户";
    likelihood_scores(target: impl Display) => "Likelihood scores ({target})", "可能性评分（{target}）";
    refresh_stale(what: impl Display, error: impl Display) =>
        "{what} could not be updated with the latest changes: {error} What is shown is from before them.",
        "{what}未能根据最新更改更新：{error} 当前显示的是更改之前的结果。";
    refresh_failed(what: impl Display, error: impl Display) => "{what} could not be computed: {error}",
        "无法计算{what}：{error}";
}
