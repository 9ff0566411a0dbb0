//! Texts of the Orders page, the New quote or order form and its line
//! editor (see [`crate::i18n`]).

crate::texts! {
    title => "Orders", "订单";
    subtitle => "Quotes, orders and contracts, newest first.", "报价、订单和合同，最新的在前。";
    new_quote => "New quote", "新建报价";
    loading => "Loading orders…", "正在加载订单…";
    opening_database => "Opening the database…", "正在打开数据库…";
    reading_every_order => "Reading every order for the search, the filter and the later pages…",
        "正在读取所有订单，以便搜索、筛选和查看后面的页…";
    empty_title => "No orders yet", "还没有订单";
    /// The empty page's sentence up to the “New quote” button's name.
    empty_before_new => "Quotes, orders and contracts with their line items appear here, with totals by month. Write one with ",
        "报价、订单和合同及其订单明细会显示在这里，并按月汇总。可点击上方的“";
    /// Between “New quote” and the link to Import & export.
    empty_before_import => " above, import a transaction log on ", "”来创建，在";
    /// Between the links to Import & export and to the Dashboard.
    empty_before_dashboard => ", or load the demo data on the ", "页面导入交易记录，或在";
    /// After the link to the Dashboard.
    empty_after_dashboard => ".", "上载入演示数据。";
    list_heading => "Quotes, orders and contracts", "报价、订单和合同";
    search => "Search by customer name or product", "按客户名称或产品搜索";
    no_match => "No order matches the search and status filter.", "没有符合搜索和状态筛选条件的订单。";
    line_items => "Line items", "订单明细";
    lines => "Lines", "明细数";
    total => "Total", "合计";
    actions => "Actions", "操作";
    pages => "Order pages", "订单分页";
    line_items_of(status: String, date: String, customer: String) => "Line items of the {status} of {date} for {customer}",
        "{customer} 于 {date} 的{status}的订单明细";
    convert_label(date: String, customer: String) => "Convert to order: the quote of {date} for {customer}",
        "转为订单：{customer} 于 {date} 的报价";
    convert => "Convert to order", "转为订单";
    product => "Product", "产品";
    quantity => "Quantity", "数量";
    unit_price => "Unit price", "单价";

    totals_by_month => "Totals by month", "按月汇总";
    adding_up => "Adding up the months…", "正在按月汇总…";
    months_caption(period: String, from: String, to: String) => "{period}: {from} to {to}. Revenue counts orders and contracts; quotes and cancelled orders are not revenue.",
        "{period}：{from} 至 {to}。收入只计订单和合同；报价和已取消的订单不计入收入。";
    total_for(period: String) => "Total, {period}", "合计，{period}";
    month => "Month", "月份";
    orders_and_contracts => "Orders and contracts", "订单和合同";
    quotes => "Quotes", "报价";
    revenue => "Revenue", "收入";
    /// A month's row heading: its name (English) or number (Chinese) and year.
    month_heading(month: String, year: i32) => "{month} {year}", "{year}年{month}月";

    new_title => "New quote or order", "新建报价或订单";
    new_subtitle => "A customer, the line items, and whether it is a quote, an order or a contract.",
        "选择客户、填写订单明细，并注明这是报价、订单还是合同。";
    not_saved => "Not saved: please correct the fields marked above.", "未保存：请更正上方标出的字段。";
    /// Before a customer's name in the picker's suggestions.
    pick_customer => "Order for", "订单客户为";
    add_line => "Add line", "添加一行";
    not_counting_one(count: usize) => "not counting {count} line without a quantity and price",
        "未计入 {count} 行缺少数量和单价的明细";
    not_counting_many(count: usize) => "not counting {count} lines without a quantity and price",
        "未计入 {count} 行缺少数量和单价的明细";
    saving => "Saving…", "正在保存…";
    save_status(status: String) => "Save {status}", "保存{status}";

    line_field(field: String, number: usize) => "{field}, line {number}", "第 {number} 行的{field}";
    line(number: usize) => "Line {number}", "第 {number} 行";
    remove_line(number: usize) => "Remove line {number}", "删除第 {number} 行";
    remove => "Remove", "删除";
}
