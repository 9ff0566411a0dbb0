//! Words many pages share: actions, states and field names (see
//! [`crate::i18n`]). A page's own sentences live in its own module.

crate::texts! {
    save => "Save", "保存";
    cancel => "Cancel", "取消";
    delete => "Delete", "删除";
    edit => "Edit", "编辑";
    close => "Close", "关闭";
    undo => "Undo", "撤销";
    retry => "Retry", "重试";
    loading => "Loading…", "正在加载…";
    none => "None", "无";
    name => "Name", "姓名";
    email => "Email", "电子邮件";
    phone => "Phone", "电话";
    company => "Company", "公司";
    notes => "Notes", "备注";
    date => "Date", "日期";
    amount => "Amount", "金额";
    currency => "Currency", "货币";
    status => "Status", "状态";
    customer => "Customer", "客户";
    /// A count and what is counted, e.g. "3 customers".
    count_of(count: usize, what: String) => "{count} {what}", "{count} 个{what}";
}
