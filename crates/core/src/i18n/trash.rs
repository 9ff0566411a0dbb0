//! Texts of the Trash page and of the page for unknown addresses (see
//! [`crate::i18n`]).

crate::texts! {
    title => "Trash", "回收站";
    subtitle => "Customers moved to the trash. Restore them, or delete them for good.", "移到回收站的客户。可以恢复，也可以永久删除。";
    empty_title => "The trash is empty", "回收站是空的";
    empty_body => "Customers you delete land here first, so a slip can be undone.", "删除的客户会先放在这里，误删也能挽回。";
    trashed_customers => "Trashed customers", "回收站中的客户";
    trashed_on(date: String) => "trashed {date}", "删除于 {date}";
    restore_who(name: String) => "Restore {name}", "恢复 {name}";
    restore => "Restore", "恢复";
    delete_who(name: String) => "Delete for good: {name}", "永久删除：{name}";
    delete_for_good => "Delete for good", "永久删除";

    // Unknown addresses.
    not_found => "Page not found", "页面未找到";
    not_found_subtitle => "There is no page at this address.", "此地址没有对应的页面。";
    not_found_body => "The link may be old, or the address mistyped. Your data is untouched.", "链接可能已过期，或地址输入有误。您的数据没有受到影响。";
    back_to_dashboard => "Back to the dashboard", "返回仪表盘";
}
