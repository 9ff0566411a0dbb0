//! Texts of the Campaigns list, the Plan a campaign form and a campaign's
//! page with its evaluation and responses (see [`crate::i18n`]).

crate::texts! {
    title => "Campaigns", "营销活动";
    subtitle => "Plan campaigns and measure what they brought in.", "策划营销活动，并衡量其带来的成效。";
    loading => "Loading campaigns…", "正在加载营销活动…";
    opening_database => "Opening the database…", "正在打开数据库…";
    empty_title => "No campaigns yet", "还没有营销活动";
    empty_text => "Plan one with the form above: pick a saved view of the Customers list or a segment as its audience. Then record who opened, clicked and converted, and see its conversion rate, cost per conversion and revenue. Loading the demo data from the Dashboard also adds a few past campaigns.",
        "用上方的表单策划营销活动：选择客户列表的一个已保存视图或一个细分群体作为受众。然后记录谁打开、点击和转化了，并查看其转化率、单次转化成本和收入。在仪表盘载入演示数据时，也会添加几个过去的营销活动。";
    planned => "Planned", "计划中";
    ended => "Ended", "已结束";
    running => "Running", "进行中";
    all_campaigns(count: String) => "All campaigns ({count})", "全部营销活动（{count}）";
    name => "Name", "名称";
    channel => "Channel", "渠道";
    dates => "Dates", "日期";
    budget => "Budget", "预算";
    members => "Members", "成员";
    conversion_rate => "Conversion rate", "转化率";
    showing_newest(shown: usize, total: String) => "Showing the {shown} newest of {total} campaigns.",
        "共 {total} 个营销活动，仅显示最新的 {shown} 个。";

    plan_heading => "Plan a campaign", "策划营销活动";
    start_date => "Start date", "开始日期";
    end_date => "End date", "结束日期";
    audience => "Audience", "受众";
    choose_audience => "Choose who it reaches…", "选择活动的受众…";
    all_customers => "All customers", "全部客户";
    saved_views => "Saved views", "已保存视图";
    segments => "Segments", "细分群体";
    audience_missing => "choose who the campaign reaches: all customers, a saved view or a segment",
        "请选择营销活动的受众：全部客户、已保存视图或细分群体";
    not_saved => "Not saved: please correct the fields marked below.", "未保存：请更正下方标出的字段。";
    audience_hint => "Pick an audience to see how many customers it reaches. Saved views come from the Customers list.",
        "选择受众后即可看到它覆盖多少位客户。已保存视图来自客户列表。";
    audience_empty => "This audience has no customers right now.", "该受众目前没有客户。";
    reaches_one => "Reaches 1 customer.", "覆盖 1 位客户。";
    reaches(count: String) => "Reaches {count} customers.", "覆盖 {count} 位客户。";
    saving => "Saving…", "正在保存…";
    plan_campaign => "Plan campaign", "创建营销活动";

    campaign => "Campaign", "营销活动";
    loading_campaign => "Loading the campaign…", "正在加载营销活动…";
    not_found => "Campaign not found", "未找到营销活动";
    not_found_hint => "It may have been deleted, or the link is wrong.", "它可能已被删除，或者链接有误。";
    back => "Back to all campaigns", "返回全部营销活动";
    window(from: String, to: String) => "{from} to {to}", "{from} 至 {to}";
    page_subtitle(channel: String, from: String, to: String, budget: String, phase: String) => "{channel} · {from} – {to} · budget {budget} · {phase}",
        "{channel} · {from} – {to} · 预算 {budget} · {phase}";
    evaluation => "Evaluation", "效果评估";
    adding_up => "Adding up the orders of converted members…", "正在汇总已转化成员的订单…";
    no_members => "This campaign has no members, so there is nothing to evaluate. Plan a new campaign with an audience that has customers in it.",
        "此营销活动没有成员，因此无从评估。请策划一个受众中有客户的新营销活动。";
    several_currencies(list: String) => "The orders are in several currencies ({list}); their totals are added as they are, without conversion.",
        "这些订单使用了多种货币（{list}）；合计时直接相加，未做换算。";
    orders_one(count: String) => "{count} order", "{count} 笔订单";
    orders_many(count: String) => "{count} orders", "{count} 笔订单";
    customers_one(count: String) => "{count} customer", "{count} 位客户";
    customers_many(count: String) => "{count} customers", "{count} 位客户";
    /// `orders` and `customers` are [`orders_one`]/[`customers_one`] or their plurals.
    revenue_note(window: String, orders: String, customers: String) => "Revenue counts the orders and contracts (not quotes or cancelled orders) of converted members dated {window}, both days included: {orders} from {customers}.",
        "收入计入已转化成员在 {window}（含首尾两天）期间的订单和合同（不含报价和已取消的订单）：来自 {customers} 的 {orders}。";
    spend_note => "Return on spend is revenue divided by the budget: above 1× the campaign brought in more than it cost.",
        "投入回报率 = 收入 ÷ 预算：高于 1× 说明营销活动带来的收入超过了成本。";
    no_budget => "The budget is zero, so there is no return on spend to compute.", "预算为零，因此无法计算投入回报率。";
    response_rate => "Response rate (opened)", "响应率（打开）";
    click_rate => "Click rate", "点击率";
    cost_per_conversion => "Cost per conversion", "单次转化成本";
    revenue_in_window => "Revenue in the window", "活动期间收入";
    return_on_spend => "Return on spend", "投入回报率";
    /// `note` is [`nobody_converted`] or empty.
    funnel(opened: String, clicked: String, converted: String, note: String) => "{opened} opened, {clicked} clicked, {converted} converted. {note}",
        "{opened} 人打开，{clicked} 人点击，{converted} 人转化。{note}";
    nobody_converted => "Nobody is marked converted yet, so there is no cost per conversion.",
        "还没有人被标记为已转化，因此没有单次转化成本。";
    footnote => "Based on saved responses; unsaved ticks below are not counted yet.",
        "基于已保存的响应；下方未保存的勾选尚未计入。";

    responses => "Responses", "响应";
    no_responses => "No members: this campaign reached nobody. Plan a campaign with an audience from the Campaigns page.",
        "没有成员：此营销活动没有覆盖任何人。请在营销活动页面策划一个有受众的营销活动。";
    search_members => "Search members by name", "按姓名搜索成员";
    member_count(count: String) => "{count} members", "{count} 位成员";
    members_found(found: String, count: String) => "{found} of {count} members", "{found} / {count} 位成员";
    discard_changes => "Discard changes", "放弃更改";
    save_responses => "Save responses", "保存响应";
    save_one_change => "Save responses (1 change)", "保存响应（1 处更改）";
    save_changes(count: String) => "Save responses ({count} changes)", "保存响应（{count} 处更改）";
    members_caption => "Campaign members and their responses", "营销活动成员及其响应";
    opened => "Opened", "已打开";
    clicked => "Clicked", "已点击";
    converted => "Converted", "已转化";
    member_opened(name: String) => "{name} opened", "{name} 已打开";
    member_clicked(name: String) => "{name} clicked", "{name} 已点击";
    member_converted(name: String) => "{name} converted", "{name} 已转化";
    no_member_match => "No member matches this search.", "没有符合此搜索的成员。";
    member_pages => "Member pages", "成员分页";
}
