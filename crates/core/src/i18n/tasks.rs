//! Texts of the Tasks page (see [`crate::i18n`]).

crate::texts! {
    title => "Tasks", "任务";
    subtitle => "What is overdue, due today and coming up.", "已逾期、今天到期和即将到期的任务。";
    loading => "Loading tasks…", "正在加载任务…";
    opening_database => "Opening the database…", "正在打开数据库…";
    empty_title => "No tasks yet", "还没有任务";
    empty_text => "Add one with the form above — give it a title, a due date and, if it concerns someone, a customer. Loading the demo data from the Dashboard also adds follow-up tasks for open deals.",
        "用上方的表单添加任务：填写标题、到期日期，如与某人有关，再选择客户。在仪表盘载入演示数据时，也会为进行中的商机添加跟进任务。";
    overdue => "Overdue", "已逾期";
    nothing_overdue => "Nothing overdue.", "没有逾期的任务。";
    due_today => "Due today", "今天到期";
    nothing_due_today => "Nothing due today.", "今天没有到期的任务。";
    upcoming => "Upcoming", "即将到期";
    nothing_upcoming => "Nothing coming up.", "近期没有任务。";
    done => "Done", "已完成";
    nothing_done => "Nothing done yet.", "还没有已完成的任务。";
    /// The name of a task's "done" checkbox.
    done_label(title: String) => "Done: {title}", "已完成：{title}";
    showing_first(shown: usize, total: String) => "Showing the first {shown} of {total} tasks.",
        "共 {total} 个任务，仅显示前 {shown} 个。";
    not_added => "Not added: please correct the fields marked below.", "未添加：请更正下方标出的字段。";
    add_task => "Add task", "添加任务";
    field_title => "Title", "标题";
    due_date => "Due date", "到期日期";
    customer_optional => "Customer (optional)", "客户（可选）";
    /// Before a customer's name in the picker's suggestions.
    pick_customer => "Link the task to", "将任务关联到";
    adding => "Adding…", "正在添加…";
}
