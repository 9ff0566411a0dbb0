//! Texts of the application shell: the navigation, the header and footer,
//! and the store's state notices (see [`crate::i18n`]).

crate::texts! {
    nav_dashboard => "Dashboard", "仪表盘";
    nav_customers => "Customers", "客户";
    nav_search => "Search", "搜索";
    nav_duplicates => "Duplicates", "重复项";
    nav_tasks => "Tasks", "任务";
    nav_pipeline => "Pipeline", "销售管道";
    nav_orders => "Orders", "订单";
    nav_tickets => "Tickets", "工单";
    nav_campaigns => "Campaigns", "营销活动";
    nav_analytics => "Analytics", "分析";
    nav_insight => "Insight", "洞察";
    nav_import_export => "Import & export", "导入与导出";
    nav_settings => "Settings", "设置";
    nav_trash => "Trash", "回收站";
    /// The navigation landmark's name.
    main_navigation => "Main", "主导航";
    skip_to_content => "Skip to content", "跳到正文";
    tagline => "Private CRM", "私密客户管理";
    footer => "Your data stays in this browser: nothing you enter is sent anywhere.",
        "您的数据只保存在此浏览器中：您输入的任何内容都不会被发送到别处。";
    store_blocked => "The browser has not opened Rapport's database yet: another Rapport tab or window may still hold it. Closing the other Rapport tabs lets it go on; nothing needs to be done here.",
        "浏览器尚未打开 Rapport 的数据库：可能有另一个 Rapport 标签页或窗口仍在占用它。关闭其他 Rapport 标签页即可继续；此处无需任何操作。";
    dismiss => "Dismiss", "关闭";
}
