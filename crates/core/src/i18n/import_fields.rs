//! The names of the places an imported column can go, as the column
//! mapping's `<select>` shows them (see [`crate::i18n`]); the options'
//! values stay the targets' stable keys.

use std::fmt::Display;

crate::texts! {
    given_name => "First name", "名";
    family_name => "Last name", "姓";
    full_name => "Full name (split)", "姓名（拆分）";
    email => "Email", "电子邮件";
    phone => "Phone", "电话";
    company => "Company", "公司";
    job_title => "Job title", "职位";
    street => "Street", "街道";
    city => "City", "城市";
    region => "State / region", "省 / 地区";
    postal_code => "Postal code", "邮政编码";
    country => "Country", "国家";
    birthday => "Birthday", "生日";
    age => "Age", "年龄";
    annual_income => "Annual income", "年收入";
    education => "Education", "教育程度";
    lifecycle => "Lifecycle stage", "生命周期阶段";
    source => "Source", "来源";
    owner => "Owner", "负责人";
    tags => "Tags", "标签";
    segment => "Segment", "细分群体";
    external_id => "External ID", "外部 ID";
    ignore => "Do not import", "不导入";
    custom(name: impl Display) => "Custom field: {name}", "自定义字段：{name}";
    customer_id => "Customer ID", "客户 ID";
    date => "Date", "日期";
    quantity => "Quantity", "数量";
    amount => "Amount (row total)", "金额（行合计）";
    unit_price => "Unit price", "单价";
    product => "Product", "产品";
    order_number => "Order number", "订单号";
    /// A delimiter's name ("comma-separated").
    comma => "comma", "逗号";
    semicolon => "semicolon", "分号";
    tab => "tab", "制表符";
    pipe => "pipe", "竖线";
    spaces => "spaces", "空格";
}
