//! Texts of the Pipeline board and the New deal form (see [`crate::i18n`]).

crate::texts! {
    title => "Pipeline", "销售管道";
    subtitle => "Deals by stage. Drag a card to another column, or pick a stage on the card and press Move.",
        "按阶段查看商机。把卡片拖到另一列，或在卡片上选择阶段后点击“移动”。";
    new_deal => "New deal", "新建商机";
    loading => "Loading deals…", "正在加载商机…";
    opening_database => "Opening the database…", "正在打开数据库…";
    empty_title => "No deals yet", "还没有商机";
    /// The empty board's sentence up to the link to Settings.
    empty_before_settings => "Deals appear here as a board with one column per stage and the value of each. Add one with New deal (also on a customer's page), set the stages in ",
        "商机会以看板形式显示在这里，每个阶段一列，并显示各阶段的金额。点击“新建商机”添加（也可在客户页面添加），在";
    /// Between the links to Settings and to the Dashboard.
    empty_before_dashboard => ", or load the demo data on the ", "中设置阶段，或在";
    /// After the link to the Dashboard.
    empty_after_dashboard => ".", "上载入演示数据。";
    search => "Search deals by title or customer", "按标题或客户搜索商机";
    show_closed => "Show won and lost deals", "显示赢单和输单的商机";
    open_deals => "Open deals", "进行中的商机";
    open_value => "Open value", "进行中的金额";
    weighted_value => "Weighted value", "加权金额";

    closes(date: String) => "Closes {date}", "预计 {date} 成交";
    no_close_date => "No close date", "无预计成交日期";
    move_to_stage(title: String) => "Move {title} to stage", "将 {title} 移到阶段";
    move_deal(title: String) => "Move {title}", "移动 {title}";
    move_button => "Move", "移动";
    column_one(count: String, value: String) => "{count} deal · {value}", "{count} 个商机 · {value}";
    column_many(count: String, value: String) => "{count} deals · {value}", "{count} 个商机 · {value}";
    weighted(value: String) => "Weighted {value}", "加权 {value}";
    deals_in(stage: String) => "Deals in {stage}", "{stage}阶段的商机";
    more_cards(hidden: String, shown: usize) => "+{hidden} more — showing the first {shown}; search to narrow down",
        "另有 {hidden} 个，仅显示前 {shown} 个；可通过搜索缩小范围";
    closed_hidden => "Closed deals are hidden. Drop a deal here to close it.",
        "已关闭的商机已隐藏。把商机拖到这里即可关闭。";

    new_subtitle => "A sale being worked on, placed on the pipeline board.", "正在跟进的一笔销售，会显示在销售管道看板上。";
    not_added => "Not added: please correct the fields marked below.", "未添加：请更正下方标出的字段。";
    field_title => "Title", "标题";
    /// Before a customer's name in the picker's suggestions.
    pick_customer => "The deal is with", "该商机的客户为";
    field_stage => "Stage", "阶段";
    field_value => "Value", "金额";
    field_probability => "Probability (%)", "成交概率（%）";
    field_expected_close => "Expected close", "预计成交日期";
    adding => "Adding…", "正在添加…";
    add_deal => "Add deal", "添加商机";
}
