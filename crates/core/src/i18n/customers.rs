//! Texts of the Customers list: its header, toolbar, filters, saved views,
//! columns and bulk changes (see [`crate::i18n`]).

crate::texts! {
    title => "Customers", "客户";
    subtitle => "Everyone you do business with.", "与您有业务往来的所有人。";
    export_view_hint => "Export view: the customers in this view as CSV", "导出视图：将此视图中的客户导出为 CSV";
    export_view => "Export view", "导出视图";
    new_customer => "New customer", "新建客户";
    empty_title => "No customers yet", "还没有客户";
    empty_body => "Add your first customer with New customer, or load demo data to try Rapport.",
        "点击“新建客户”添加第一位客户，或加载演示数据来试用 Rapport。";
    /// While the whole index loads, only the most recently changed are listed.
    loading_all(all: String, recent: String) => "Loading all {all} customers — meanwhile the {recent} most recently changed are shown. Search, filters, sorting and bulk changes cover everyone once loaded.",
        "正在加载全部 {all} 位客户——在此期间显示最近更改的 {recent} 位。加载完成后，搜索、筛选、排序和批量更改将覆盖所有客户。";

    // Bulk changes.
    type_tag_first => "Type the tag to add first.", "请先输入要添加的标签。";
    choose_stage_first => "Choose the stage to set first.", "请先选择要设置的阶段。";
    bulk_actions => "Bulk actions", "批量操作";
    selected(count: usize) => "{count} selected", "已选 {count} 项";
    tag_to_add => "Tag to add", "要添加的标签";
    tag => "Tag", "标签";
    add_tag => "Add tag", "添加标签";
    stage_to_set => "Stage to set", "要设置的阶段";
    stage_choice => "Stage…", "阶段…";
    set_stage => "Set stage", "设置阶段";
    move_to_trash => "Move to trash", "移到回收站";
    clear_selection => "Clear selection", "清除选择";

    // Columns.
    col_name => "Name", "姓名";
    col_email => "Email", "电子邮件";
    col_company => "Company", "公司";
    col_phone => "Phone", "电话";
    col_city => "City", "城市";
    col_country => "Country", "国家/地区";
    col_stage => "Stage", "阶段";
    col_segment => "Segment", "细分群体";
    col_created => "Created", "创建时间";
    col_updated => "Updated", "更新时间";
    col_likelihood => "Likelihood", "购买可能性";
    col_spend => "Lifetime spend", "累计消费";
    col_orders => "Purchases", "购买次数";
    col_last_order => "Last purchase", "最近购买";
    col_rfm => "RFM segment", "RFM 细分群体";
    col_predicted => "Predicted 12 months", "预计未来 12 个月";

    // The list.
    negative_lately_hint => "A note, email, meeting or ticket of the last 30 days reads negative",
        "最近 30 天内有备注、邮件、会议或工单的情感为负面";
    negative_lately => "Negative lately", "近期负面";
    select_all => "Select all results", "全选结果";
    select_one(name: String) => "Select {name}", "选择 {name}";
    no_match => "No customer matches this search and these filters.", "没有符合此搜索和筛选条件的客户。";

    // The toolbar.
    name_view_first => "Give the view a name first.", "请先为视图命名。";
    view_saved(name: String) => "Saved the view “{name}”", "已保存视图“{name}”";
    view_not_saved(error: String) => "The view could not be saved in this browser: {error}", "无法在此浏览器中保存视图：{error}";
    search_placeholder => "Search name, email, company, phone…", "搜索姓名、电子邮件、公司、电话…";
    search => "Search customers", "搜索客户";
    all_stages => "All stages", "全部阶段";
    all_tags => "All tags", "全部标签";
    all_segments => "All segments", "全部细分群体";
    all_countries => "All countries", "全部国家/地区";
    all_rfm_segments => "All RFM segments", "全部 RFM 细分群体";
    purchase_figures => "Purchase figures", "购买数据";
    /// The purchase-figure menu with how many bounds are set.
    purchase_figures_set(count: usize) => "Purchase figures ({count})", "购买数据（{count}）";
    filter_purchase_figures => "Filter on purchase figures", "按购买数据筛选";
    /// The placeholder of an empty bound.
    any => "any", "任意";
    recent_negative => " Recent negative", " 近期负面";
    sort_by => "Sort by", "排序方式";
    /// An option of the sort select; `column` is the column's name in lower case.
    sort_by_column(column: String) => "Sort by {column}", "按{column}排序";
    sort_ascending => "Sort ascending", "升序排序";
    sort_descending => "Sort descending", "降序排序";
    count_one(count: String) => "{count} customer", "{count} 位客户";
    count_many(count: String) => "{count} customers", "{count} 位客户";
    shown_of_one(shown: String, all: String) => "{shown} of {all} customer", "{shown} / {all} 位客户";
    shown_of_many(shown: String, all: String) => "{shown} of {all} customers", "{shown} / {all} 位客户";
    saved_views => "Saved views", "已保存的视图";
    saved_views_choice => "Saved views…", "已保存的视图…";
    view_name => "Name for this view", "此视图的名称";
    view_name_placeholder => "Name this view", "为此视图命名";
    save_view => "Save view", "保存视图";
    columns => "Columns", "列";
    columns_shown => "Columns shown", "显示的列";
    clear_filters => "Clear filters", "清除筛选";
    custom_field => "Custom field", "自定义字段";
    custom_field_choice => "Custom field…", "自定义字段…";
    custom_field_value => "Custom field value", "自定义字段值";
    equals => "equals…", "等于…";
}
