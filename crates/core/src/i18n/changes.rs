//! What each change to the data is called (see [`crate::i18n`]): the labels
//! of the change sets that `ops`, the imports, restores and jobs build, shown
//! in the Undo toast and the history.

use std::fmt::Display;

crate::texts! {
    added_customer(name: impl Display) => "Added {name}", "已添加{name}";
    saved_customer(name: impl Display) => "Saved {name}", "已保存{name}";
    trashed_customer(name: impl Display) => "Moved {name} to the trash", "已将{name}移到回收站";
    restored_customer(name: impl Display) => "Restored {name}", "已恢复{name}";
    deleted_for_good(name: impl Display) => "Deleted {name} and their history for good", "已永久删除{name}及其历史记录";
    tagged_one(tag: impl Display) => "Tagged 1 customer “{tag}”", "已为 1 位客户添加标签“{tag}”";
    tagged_many(n: usize, tag: impl Display) => "Tagged {n} customers “{tag}”", "已为 {n} 位客户添加标签“{tag}”";
    moved_one_to_stage(stage: impl Display) => "Moved 1 customer to {stage}", "已将 1 位客户移到{stage}";
    moved_many_to_stage(n: usize, stage: impl Display) => "Moved {n} customers to {stage}", "已将 {n} 位客户移到{stage}";
    trashed_one => "Moved 1 customer to the trash", "已将 1 位客户移到回收站";
    trashed_many(n: usize) => "Moved {n} customers to the trash", "已将 {n} 位客户移到回收站";
    added_interaction(kind: impl Display) => "Added a {kind}", "已添加一条{kind}";
    added_task(title: impl Display) => "Added the task “{title}”", "已添加任务“{title}”";
    marked_done(title: impl Display) => "Marked “{title}” done", "已将“{title}”标为完成";
    reopened(title: impl Display) => "Reopened “{title}”", "已重新打开“{title}”";
    linked(a: impl Display, b: impl Display) => "Linked {a} and {b}", "已关联{a}和{b}";
    unlinked(name: impl Display) => "Removed the link with {name}", "已移除与{name}的关联";
    added_deal(title: impl Display) => "Added the deal “{title}”", "已添加商机“{title}”";
    moved_deal(title: impl Display, stage: impl Display) => "Moved “{title}” to {stage}", "已将“{title}”移到{stage}";
    changed_stages => "Changed the pipeline's stages", "已更改销售管道的阶段";
    added_order(status: impl Display, total: f64, currency: impl Display, customer: impl Display) =>
        "Added the {status} of {total:.2} {currency} for {customer}",
        "已为{customer}添加{total:.2} {currency}的{status}";
    converted_quote(date: impl Display, customer: impl Display) =>
        "Converted the quote of {date} for {customer} to an order",
        "已将{customer}于 {date} 的报价转为订单";
    opened_ticket(subject: impl Display, customer: impl Display) =>
        "Opened the ticket “{subject}” for {customer}", "已为{customer}创建工单“{subject}”";
    solved(subject: impl Display) => "Solved “{subject}”", "已解决“{subject}”";
    planned_campaign_one(name: impl Display) => "Planned “{name}” for 1 customer", "已为 1 位客户计划“{name}”";
    planned_campaign_many(name: impl Display, n: usize) => "Planned “{name}” for {n} customers", "已为 {n} 位客户计划“{name}”";
    saved_responses_one(name: impl Display) => "Saved the responses of 1 member to “{name}”", "已保存 1 位成员对“{name}”的响应";
    saved_responses_many(n: usize, name: impl Display) => "Saved the responses of {n} members to “{name}”",
        "已保存 {n} 位成员对“{name}”的响应";
    merged(n: usize, name: impl Display) => "Merged {n} customers into {name}", "已将 {n} 位客户合并为{name}";
    reverted_import(label: impl Display) => "Revert: {label}", "撤回：{label}";
    /// The label of the change that undoes another.
    undo_of(label: impl Display) => "Undo: {label}", "撤销：{label}";
    /// A write the page was reloaded after, that did finish.
    interrupted_stored(what: impl Display) =>
        "{what} finished just before the page was reloaded: all of it is stored.",
        "{what}在页面重新加载之前刚好完成：已全部保存。";
    /// A write a reload cut off before anything was stored.
    interrupted_nothing_stored(what: impl Display) =>
        "{what} was cut off by a reload before it was stored: nothing of it was saved, and everything stored before is unchanged. Run it again to finish it.",
        "{what}在保存前被页面重新加载打断：其中的内容都未保存，之前保存的数据保持不变。请重新执行以完成。";
    restored_backup => "Restored a backup (replaced all data)", "已恢复备份（替换了全部数据）";
    merged_backup => "Merged a backup", "已合并备份";
    /// The toast after a restore: the counts joined by [`list_separator`].
    restored_summary(counts: impl Display) => "Restored: {counts}.", "已恢复：{counts}。";
    count_added(n: usize) => "{n} added", "新增 {n} 条";
    count_replaced(n: usize) => "{n} replaced", "替换 {n} 条";
    count_kept(n: usize) => "{n} kept", "保留 {n} 条";
    count_removed(n: usize) => "{n} removed", "删除 {n} 条";
    /// Between the counts of a restore.
    list_separator => ", ", "，";
}
