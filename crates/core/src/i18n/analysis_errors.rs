//! Texts of the analyses' error messages (see [`crate::i18n`]): machine
//! learning, periods, insight models, jobs, search filters and charts.

use std::fmt::{Display, LowerExp};

crate::texts! {
    // analytics::ml::MlError
    ml_no_features => "Choose at least one feature.", "请至少选择一个特征。";
    ml_target_is_feature(target: impl Display) => "{target} is the target, so it cannot also be a feature.",
        "{target}是预测目标，不能同时作为特征。";
    ml_target_leak(feature: impl Display, target: impl Display) =>
        "{feature} gives away whether {target}; leave it out of the features.",
        "{feature}会直接泄露是否{target}；请把它从特征中去掉。";
    ml_too_few_rows(rows: impl Display, needed: impl Display) =>
        "Too few customers with complete data ({rows}) for {needed}.",
        "数据完整的客户太少（{rows} 位），不足以{needed}。";
    /// What too few rows were too few for (completes the sentence above).
    needed_segments(k: usize) => "{k} segments", "划分 {k} 个细分群体";
    needed_regression(d: usize) => "a regression on {d} features", "对 {d} 个特征做回归";
    needed_split => "a training and a test part", "划分训练集和测试集";
    needed_projection => "a projection", "进行投影";
    ml_bad_k(max: impl Display, k: impl Display) => "Choose between 2 and {max} segments (asked for {k}).",
        "请选择 2 到 {max} 个细分群体（当前为 {k}）。";
    ml_one_class => "The target has only one class in the training data.", "训练数据中的目标只有一个类别。";
    ml_bad_test_fraction(fraction: impl Display) =>
        "The test part must be between 1 % and 90 % of the customers (asked for {fraction}).",
        "测试部分必须占客户的 1% 到 90%（当前为 {fraction}）。";
    ml_bad_threshold(threshold: impl Display) => "The threshold must be between 0 and 1 (asked for {threshold}).",
        "阈值必须介于 0 和 1 之间（当前为 {threshold}）。";
    ml_singular =>
        "The chosen features carry the same information (or one never changes); remove one and try again.",
        "所选特征包含相同的信息（或有一个从不变化）；请去掉一个后重试。";
    ml_fit(reason: impl Display) => "The model could not be fitted: {reason}", "无法拟合模型：{reason}";
    ml_cancelled => "Cancelled.", "已取消。";

    // analytics::period::PeriodError
    period_from_missing => "Enter the first day of the period in From.", "请在“从”中输入期间的第一天。";
    period_to_missing => "Enter the last day of the period in To.", "请在“至”中输入期间的最后一天。";
    period_bad_from(text: impl Display) =>
        "From: “{text}” is not a date Rapport can read — write it as YYYY-MM-DD, e.g. 2024-03-31.",
        "从：“{text}”不是 Rapport 能识别的日期——请写成 YYYY-MM-DD，例如 2024-03-31。";
    period_bad_to(text: impl Display) =>
        "To: “{text}” is not a date Rapport can read — write it as YYYY-MM-DD, e.g. 2024-03-31.",
        "至：“{text}”不是 Rapport 能识别的日期——请写成 YYYY-MM-DD，例如 2024-03-31。";
    period_from_after_to(from: impl Display, to: impl Display) =>
        "The period starts on {from}, after it ends on {to}; choose a From on or before To.",
        "期间开始于 {from}，晚于结束日期 {to}；请选择不晚于“至”的“从”日期。";
    period_no_days => "A period of the last 0 days holds nothing; choose at least one day.",
        "最近 0 天的期间不包含任何内容；请至少选择一天。";

    // insight: networks, lifetime value, optimisation, plans
    network_empty => "there are no relationships to analyse", "没有可分析的关系";
    network_not_converged(iterations: impl Display) =>
        "eigenvector centrality did not settle within {iterations} iterations",
        "特征向量中心性在 {iterations} 次迭代内未收敛";
    clv_no_purchases => "there are no purchases to learn from", "没有可供学习的购买记录";
    clv_no_repeat_purchases => "no customer has bought more than once, so repeat purchases cannot be predicted",
        "没有客户购买过一次以上，因此无法预测复购";
    clv_no_time_observed => "all purchases are on the last day, so no time has passed to learn from",
        "所有购买都发生在最后一天，没有可供学习的时间跨度";
    clv_not_converged(model: impl Display, reason: impl Display) =>
        "the {model} model could not be fitted to this history ({reason})",
        "无法用这段历史拟合 {model} 模型（{reason}）";
    clv_unbounded_spend(q: f64) => "spend varies too wildly between customers to predict (q = {q:.3} ≤ 1)",
        "客户之间的消费差异过大，无法预测（q = {q:.3} ≤ 1）";
    clv_non_finite(customer: impl Display) => "the fitted model gives no finite prediction for customer {customer}",
        "拟合的模型对客户 {customer} 给不出有限的预测值";
    optimise_not_finite => "the objective is not a finite number at the starting point", "目标函数在起点处不是有限数";
    optimise_not_converged(iterations: impl Display, gradient: impl LowerExp) =>
        "no minimum found after {iterations} iterations (gradient {gradient:e})",
        "经过 {iterations} 次迭代仍未找到最小值（梯度 {gradient:e}）";
    plan_not_a_date(error: impl Display) => "“As of” must be a date such as 2026-11-30: {error}.",
        "“截至”必须是日期，例如 2026-11-30：{error}。";

    // jobs::JobError
    job_no_such(name: impl Display) => "There is no analysis called “{name}”.", "没有名为“{name}”的分析。";
    job_bad_request(reason: impl Display) => "The analysis got a request it cannot read ({reason}).",
        "分析收到了无法读取的请求（{reason}）。";
    job_encode(reason: impl Display) => "The analysis could not send its result ({reason}).", "分析无法发送其结果（{reason}）。";
    job_cancelled => "The analysis was cancelled.", "分析已取消。";
    job_worker_failed(reason: impl Display) =>
        "The background worker could not run the analysis ({reason}). Reload the page and try again.",
        "后台线程无法运行分析（{reason}）。请重新加载页面后重试。";
    job_unnamed_segments => "Give every segment a name before saving.", "保存前请为每个细分群体命名。";

    // search and text filters
    filter_not_an_amount(text: impl Display) => "“{text}” is not an amount: type a number such as 1,000 or 250.50.",
        "“{text}”不是金额：请输入数字，例如 1,000 或 250.50。";
    filter_not_a_count(text: impl Display) => "“{text}” is not a number of purchases: type a whole number such as 3.",
        "“{text}”不是购买次数：请输入整数，例如 3。";
    filter_not_a_date(text: impl Display) => "“{text}” is not a date: use YYYY-MM-DD.", "“{text}”不是日期：请使用 YYYY-MM-DD。";
    text_bad_date(field: impl Display, error: impl Display) => "The “{field}” date is not a date: {error}",
        "“{field}”日期不是有效日期：{error}";
    text_empty_window => "The “To” date is before the “From” date: nothing can match.",
        "“至”日期早于“从”日期：没有任何内容能匹配。";
    /// The "From" field of a date window.
    window_from => "From", "从";
    /// The "To" field of a date window.
    window_to => "To", "至";

    // charts
    chart_failed(reason: impl Display) => "The chart could not be drawn: {reason}", "无法绘制图表：{reason}";
}
