//! Texts of the Analytics page (segments, regression, text and sentiment) (see [`crate::i18n`]).

crate::texts! {
    title => "Analytics", "分析";
    subtitle => "Segments, predictions and ticket topics, computed on this device.",
        "细分群体、预测与工单主题，均在本设备上计算。";
    /// The tab bar's name.
    analyses => "Analyses", "分析类别";
    tab_segments => "Segments", "细分群体";
    /// The tab and the panel's heading.
    predict => "Predict", "预测";
    /// The tab and the panel's heading.
    ticket_topics => "Ticket topics", "工单主题";
    /// Between the items of a list in a sentence.
    list_separator => ", ", "、";
    customers => "Customers", "客户";

    // Segments: the missing values.
    missing_values => "Missing values", "缺失值";
    lacking(count: String, feature: String) => "{count} without {feature}", "{count} 位客户缺少{feature}";
    lacking_with_median(count: String, feature: String, median: String) =>
        "{count} without {feature} (median {median})", "{count} 位客户缺少{feature}（中位数 {median}）";
    some_lack(incomplete: String, rows: String, lacking: String) =>
        "{incomplete} of {rows} customers lack a chosen value: {lacking}.",
        "{rows} 位客户中有 {incomplete} 位缺少所选的值：{lacking}。";
    all_have(rows: String) => "All {rows} customers have every chosen value.",
        "全部 {rows} 位客户都具备所选的每个值。";
    counting_missing => "Counting missing values…", "正在统计缺失值…";
    impute(rows: String) => "Fill in the median (keeps all {rows} customers)",
        "用中位数填补（保留全部 {rows} 位客户）";
    exclude(complete: String) => "Leave them out (analyses {complete} customers)",
        "排除这些客户（分析 {complete} 位客户）";

    // Segments: the run and its charts.
    k_axis => "Number of segments (k)", "细分群体数 (k)";
    silhouette_by_k => "Silhouette by k (higher is better)", "各 k 值的轮廓系数（越高越好）";
    silhouette => "Silhouette", "轮廓系数";
    inertia_by_k => "Inertia by k (look for the elbow)", "各 k 值的惯性（寻找肘部拐点）";
    inertia => "Inertia", "惯性";
    projection_title => "Customers by segment (PCA projection)", "按细分群体显示的客户（PCA 投影）";
    /// A PCA axis: the component and its share of the variance.
    component_axis(component: usize, share: String) => "Component {component} ({share} % of variance)",
        "主成分 {component}（占方差 {share}%）";
    /// The name a found segment is given until the user renames it.
    default_segment_name(number: usize) => "Segment {number}", "细分群体 {number}";
    segments_saved(segmented: String, changed: String) =>
        "Saved segments onto {segmented} customers ({changed} changed). Filter the Customers list by segment to see them.",
        "已将细分群体保存到 {segmented} 位客户（{changed} 位有变化）。在客户列表中按细分群体筛选即可查看。";
    find_segments => "Find segments", "查找细分群体";
    segments_intro => "k-means on standardised features, computed in a background worker on this device. The same choices give the same segments every time.",
        "基于标准化特征的 k-means 聚类，在本设备的后台线程中计算。相同的选择每次都会得到相同的细分群体。";
    features => "Features", "特征";
    /// The label of the number-of-segments choice.
    segment_count => "Segments", "细分群体数";
    number_of_segments => "Number of segments", "细分群体数量";
    automatic_k => "Automatic (best silhouette, 2–10)", "自动（轮廓系数最佳，2–10）";
    segmentation_progress => "Segmentation progress", "细分进度";
    k_segments(k: usize) => "{k} segments", "{k} 个细分群体";
    segmented_on(customers: String, features: String) => "{customers} customers segmented on {features}.",
        "已按{features}对 {customers} 位客户进行细分。";
    /// A sentence after [`segmented_on`].
    silhouette_score(score: String) => " Silhouette {score}.", "轮廓系数 {score}。";
    /// A sentence after [`segmented_on`], the silhouette measured on a sample.
    silhouette_score_sampled(score: String) => " Silhouette {score} (on a sample).",
        "轮廓系数 {score}（基于抽样）。";
    /// A sentence after [`segmented_on`].
    left_out(excluded: String) => " {excluded} customers left out for missing values.",
        "{excluded} 位客户因缺失值被排除。";
    save_segments => "Save segments to customers", "将细分群体保存到客户";
    saving_segments => "Saving segments", "正在保存细分群体";
    segment_profiles => "Segment profiles", "细分群体概况";
    segment_name => "Segment name", "细分群体名称";
    name_of_segment(number: usize) => "Name of segment {number}", "细分群体 {number} 的名称";

    // Predict.
    likelihood_saved(customers: String) =>
        "Likelihood scores for {customers} customers are in the Customers list — sort by Likelihood.",
        "{customers} 位客户的可能性得分已写入客户列表——可按“可能性”排序。";
    target => "Target", "目标";
    will_the_customer(what: String) => "Will the customer: {what}?", "客户是否会：{what}？";
    lifecycle_stage => "Lifecycle stage", "生命周期阶段";
    segment => "Segment", "细分群体";
    predict_intro => "Fit on three quarters of your customers, tested on the quarter it has not seen. Computed in a background worker on this device.",
        "用四分之三的客户拟合模型，再用模型未见过的另外四分之一客户进行测试。在本设备的后台线程中计算。";
    /// The choice of model, and the ROC curve's series.
    model => "Model", "模型";
    model_propensity => "Propensity (logistic regression): how likely is a yes?",
        "倾向（逻辑回归）：结果为“是”的可能性有多大？";
    model_linear => "A number (linear regression)", "数值（线性回归）";
    model_tree => "A category (decision tree)", "类别（决策树）";
    threshold => "Threshold", "阈值";
    predict_from => "Predict from", "预测依据";
    fit_model => "Fit model", "拟合模型";
    fitting_progress => "Model fitting progress", "模型拟合进度";
    predicted_against_actual => "Predicted against actual (test customers)", "预测值与实际值（测试客户）";
    actual_axis(what: String) => "Actual {what}", "实际{what}";
    predicted_axis(what: String) => "Predicted {what}", "预测{what}";
    residuals_title => "Residuals (actual − predicted)", "残差（实际 − 预测）";
    residual => "Residual", "残差";
    linear_heading(target: String) => "{target}: linear regression", "{target}：线性回归";
    r2_test => "R² (test)", "R²（测试集）";
    mean_absolute_error => "Mean absolute error", "平均绝对误差";
    mean_squared_error => "Mean squared error", "均方误差";
    customers_train_test => "Customers (train / test)", "客户（训练 / 测试）";
    coefficients(intercept: String) => "Coefficients (intercept {intercept})", "系数（截距 {intercept}）";
    feature => "Feature", "特征";
    per_unit => "Per unit", "每单位";
    standardised => "Standardised", "标准化";
    roc_title(auc: String) => "ROC curve (AUC {auc})", "ROC 曲线（AUC {auc}）";
    false_positive_rate => "False positive rate", "假阳性率";
    true_positive_rate => "True positive rate", "真阳性率";
    propensity_heading(target: String) => "Propensity: {target}", "倾向：{target}";
    auc_test => "AUC (test)", "AUC（测试集）";
    accuracy_at(threshold: String) => "Accuracy at {threshold}", "阈值 {threshold} 时的准确率";
    precision => "Precision", "精确率";
    recall => "Recall", "召回率";
    base_rate => "Base rate", "基础比率";
    drivers_caption => "What drives the score (strongest first)", "影响得分的因素（由强到弱）";
    odds_per_sd => "Odds × per SD", "每标准差的优势比倍数";
    effect => "Effect", "影响";
    raises_likelihood => "raises the likelihood", "提高可能性";
    lowers_likelihood => "lowers the likelihood", "降低可能性";
    trained_on(train: String, test: String) =>
        "Trained on {train} customers, tested on {test}. Every modelled customer's probability is now in the Customers list's Likelihood column.",
        "用 {train} 位客户训练，{test} 位客户测试。每位建模客户的概率现已显示在客户列表的“可能性”列中。";
    decision_tree => "Decision tree", "决策树";
    accuracy_test => "Accuracy (test)", "准确率（测试集）";
    accuracy_train => "Accuracy (train)", "准确率（训练集）";
    confusion_caption => "Confusion matrix (rows: actual, columns: predicted)", "混淆矩阵（行：实际，列：预测）";
    confusion_corner => "Actual ↓ / predicted →", "实际 ↓ / 预测 →";
    rules => "Rules", "规则";

    // Ticket topics.
    topics_intro => "Tickets grouped by the words they share (TF-IDF and spherical k-means, in English and Chinese), each topic named by its most telling words.",
        "按共有的词语为工单分组（TF-IDF 与球面 k-means，支持英文和中文），每个主题以其最具代表性的词语命名。";
    number_of_topics => "Number of topics", "主题数量";
    automatic => "Automatic", "自动";
    finding_topics => "Finding ticket topics", "正在查找工单主题";
    topics => "Topics", "主题";
    topic => "Topic", "主题";
    top_words => "Top words", "关键词";
    tickets => "Tickets", "工单";
    filter_tickets_by_topic => "Filter the tickets by topic", "按主题筛选工单";

    // The text charts (sentiment and topics per month).
    month => "Month", "月份";
    mean_sentiment_axis => "Mean sentiment (−1 to +1)", "平均情感（−1 至 +1）";
    mean_sentiment => "Mean sentiment", "平均情感";
    tickets_per_topic => "Tickets per topic per month", "每月各主题的工单数";
}
