//! Texts of the Tickets list, a ticket's page and the New ticket form (see
//! [`crate::i18n`]).

crate::texts! {
    title => "Tickets", "工单";
    subtitle => "Support requests and how satisfied customers were. Unsolved first, newest first.",
        "支持请求及客户满意度。未解决的在前，最新的在前。";
    new_ticket => "New ticket", "新建工单";
    loading => "Loading tickets…", "正在加载工单…";
    opening_database => "Opening the database…", "正在打开数据库…";
    empty_title => "No tickets yet", "还没有工单";
    /// The empty page's sentence up to the “New ticket” button's name.
    empty_before_new => "Support tickets appear here, filterable by status and priority, each with its satisfaction rating and feedback. Open one with ",
        "支持工单会显示在这里，可按状态和优先级筛选，每张工单都附有满意度评分和反馈。可点击上方的“";
    /// Between “New ticket” and the link to the Dashboard.
    empty_before_dashboard => " above or from a customer's page; to try it out with many, load the demo data on the ",
        "”或在客户页面新建工单；如想用大量工单试用，可在";
    /// After the link to the Dashboard.
    empty_after_dashboard => ".", "上载入演示数据。";
    search => "Search ticket subjects", "搜索工单主题";
    priority => "Priority", "优先级";
    finding_topics => "Finding ticket topics", "正在查找工单主题";
    no_match => "No ticket matches the search and filters.", "没有符合搜索和筛选条件的工单。";
    subject => "Subject", "主题";
    opened => "Opened", "创建时间";
    satisfaction => "Satisfaction", "满意度";
    topic => "Topic", "主题分类";
    all_topics => "All topics", "全部主题分类";
    pages => "Ticket pages", "工单分页";
    rating(score: u8) => "{score} of 5", "{score} / 5 分";

    ticket => "Ticket", "工单";
    loading_ticket => "Loading the ticket…", "正在加载工单…";
    not_found => "Ticket not found", "未找到工单";
    not_found_hint => "The link may be wrong, or the ticket was deleted.", "链接可能有误，或者工单已被删除。";
    back => "Back to tickets", "返回工单列表";
    saved => "Saved the ticket", "已保存工单";
    nothing_to_save => "Nothing to save: no field was changed.", "没有需要保存的内容：没有字段被更改。";
    /// Before the customer's name under the subject.
    from => "From", "来自";
    reopen => "Reopen", "重新打开";
    solve => "Solve", "解决";
    in_trash => "This ticket is in the trash.", "此工单在回收站中。";
    changed_elsewhere => "This ticket was changed in another tab or window while you were editing. Saving your edits will be refused; reload to see the latest version.",
        "在您编辑期间，此工单已在另一个标签页或窗口中被更改。您的修改将无法保存；请重新加载以查看最新版本。";
    request => "Request", "请求内容";
    no_description => "The ticket has no description.", "此工单没有描述。";
    sentiment => "Sentiment", "情感";
    solved => "Solved", "解决时间";
    solved_after(time: String, hours: String) => "{time} (after {hours} hours)", "{time}（历时 {hours} 小时）";
    not_solved => "Not solved yet", "尚未解决";
    handling_label => "Ticket handling", "工单处理";
    handling => "Handling", "处理";
    not_rated => "Not rated", "未评分";
    very_dissatisfied => "1 — Very dissatisfied", "1 — 非常不满意";
    dissatisfied => "2 — Dissatisfied", "2 — 不满意";
    neutral => "3 — Neutral", "3 — 一般";
    satisfied => "4 — Satisfied", "4 — 满意";
    very_satisfied => "5 — Very satisfied", "5 — 非常满意";
    feedback => "Feedback", "反馈";
    save_changes => "Save changes", "保存更改";
    discard_changes => "Discard changes", "放弃更改";

    new_subtitle => "What a customer asked for; it starts open.", "客户提出的请求；新建后为未结状态。";
    not_saved => "Not saved: please correct the fields marked above.", "未保存：请更正上方标出的字段。";
    /// Before a customer's name in the picker's suggestions.
    pick_customer => "Ticket from", "工单来自";
    description => "Description", "描述";
    opening => "Opening…", "正在创建…";
    open_ticket => "Open ticket", "创建工单";
}
