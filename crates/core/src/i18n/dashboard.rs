//! Texts of the Dashboard, its charts and the period picker it shares with
//! the Orders page (see [`crate::i18n`]).

crate::texts! {
    title => "Dashboard", "仪表盘";
    subtitle => "Your customers at a glance.", "客户概况，一目了然。";
    opening => "Opening your data…", "正在打开您的数据…";
    welcome => "Welcome to Rapport", "欢迎使用 Rapport";
    welcome_text => "Your CRM is empty. Everything you add stays in this browser. Load a realistic demo data set — customers with orders, notes, tickets, deals and campaigns, in English and Chinese — to look around, or add your first customer.",
        "您的客户管理系统还是空的。您添加的一切都只保存在此浏览器中。可以载入一套逼真的演示数据（含订单、备注、工单、商机和营销活动的客户，中英文皆有）四处看看，或者添加您的第一位客户。";
    add_customer => "Add a customer", "添加客户";
    adding_up => "Adding up orders, deals and tickets…", "正在汇总订单、商机和工单…";
    recently_changed => "Recently changed", "最近更改";

    customers_now => "Customers (now)", "客户（当前）";
    new_customers(period: String) => "New customers, {period}", "新增客户，{period}";
    revenue_in(code: String, period: String) => "Revenue ({code}), {period}", "收入（{code}），{period}";
    revenue(period: String) => "Revenue, {period}", "收入，{period}";
    orders(period: String) => "Orders, {period}", "订单，{period}";
    open_pipeline_now => "Open pipeline (now)", "进行中的销售管道（当前）";
    open_tickets_now => "Open tickets (now)", "未结工单（当前）";
    average_satisfaction(period: String) => "Average satisfaction, {period}", "平均满意度，{period}";
    repeat_purchase_rate(period: String) => "Repeat-purchase rate, {period}", "复购率，{period}";
    other_currencies(count: String) => "{count} orders in other currencies are not in the revenue figures.",
        "另有 {count} 笔其他货币的订单未计入收入数据。";

    no_new_customers => "No customer was added in this period.", "此期间没有新增客户。";
    no_orders => "No orders in this period. Revenue appears here once orders are recorded; choose another period above to see older ones.",
        "此期间没有订单。记录订单后，这里会显示收入；在上方选择其他时间范围可查看更早的订单。";
    no_deals => "No deals yet. Add deals on a customer's page to see the pipeline.",
        "还没有商机。在客户页面添加商机后即可查看销售管道。";
    no_tickets => "No tickets in this period.", "此期间没有工单。";
    no_ratings => "No ticket solved in this period has a satisfaction rating.",
        "此期间解决的工单都没有满意度评分。";
    no_acquisition_cost => "No campaign with a budget that ran in this period has converted anyone, so there is no acquisition cost to show.",
        "此期间开展的有预算的营销活动都还没有带来转化，因此没有获客成本可显示。";

    sentiment_title => "Customer sentiment per month", "每月客户情感";
    /// What the sentiment is, for the refresh notice's failure sentence.
    sentiment_what => "the sentiment of notes and tickets", "备注和工单的情感";
    sentiment_computing => "Reading the sentiment of notes and tickets…", "正在分析备注和工单的情感…";
    sentiment_updating => "Updating with the latest notes and tickets…", "正在根据最新的备注和工单更新…";
    sentiment_empty => "No note, email, meeting or ticket yet.", "还没有备注、邮件、会议记录或工单。";
    texts_scored(count: String) => "{count} texts scored. ", "已为 {count} 条文本评分。";
    negative_writers(count: String) => "{count} customers wrote something negative in the last 30 days",
        "{count} 位客户在最近 30 天内写下了负面内容";

    chart_month => "Month", "月份";
    new_customers_per_month => "New customers per month", "每月新增客户";
    chart_customers => "Customers", "客户";
    revenue_per_month => "Revenue per month", "每月收入";
    revenue_axis(currency: String) => "Revenue ({currency})", "收入（{currency}）";
    pipeline_by_stage => "Pipeline value by stage", "各阶段的销售管道金额";
    chart_stage => "Stage", "阶段";
    deal_value => "Deal value", "商机金额";
    tickets_per_month => "Tickets opened per month", "每月新建工单";
    chart_tickets => "Tickets", "工单";
    satisfaction_per_month => "Average satisfaction per month", "每月平均满意度";
    rating_axis => "Rating (1–5)", "评分（1–5）";
    satisfaction => "Satisfaction", "满意度";
    acquisition_cost => "Acquisition cost per campaign", "各营销活动的获客成本";
    chart_campaign => "Campaign", "营销活动";
    budget_per_conversion => "Budget per converted customer", "每位转化客户的预算";

    period_group => "Period of the figures", "数据的时间范围";
    period => "Period", "时间范围";
    custom_period => "Custom", "自定义";
    from => "From", "从";
    to => "To", "到";
}
