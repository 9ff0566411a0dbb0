//! Texts of the Import & export page and the import history (see [`crate::i18n`]).

crate::texts! {
    title => "Import & export", "导入与导出";
    subtitle => "Bring customers in from any CRM's CSV; take everything out.",
        "从任意 CRM 的 CSV 导入客户；也可导出全部数据。";
    /// Between the items of a list in a sentence.
    list_separator => ", ", "、";

    // Backup and restore.
    backup_saved => "Backup saved to your downloads.", "备份已保存到下载文件夹。";
    /// The restore, as the notice after an interrupting reload names it.
    restore_of_backup => "The restore of the backup", "备份恢复";
    backup => "Backup", "备份";
    backup_intro => "A backup is one JSON file with every record — trashed ones included — and your settings. Restore it here or in any other browser.",
        "备份是一个 JSON 文件，包含每条记录（包括回收站中的记录）和您的设置。可在此处或任何其他浏览器中恢复。";
    encrypt_backup => "Encrypt the backup with a passphrase", "用密码短语加密备份";
    backup_passphrase => "Backup passphrase", "备份密码短语";
    confirm_backup_passphrase => "Confirm backup passphrase", "确认备份密码短语";
    download_backup => "Download backup", "下载备份";
    restore_from_backup => "Restore from a backup…", "从备份恢复…";
    encrypted_backup(file: String) => "{file} is an encrypted backup", "{file} 是加密的备份";
    passphrase_of_backup => "Passphrase of the backup", "该备份的密码短语";
    open_backup => "Open backup", "打开备份";
    backup_holds(file: String, records: String) => "{file} holds {records} records", "{file} 包含 {records} 条记录";
    restore_how => "How should it meet the data here?", "如何与此处现有的数据合并？";
    restore_merge => "Merge: add what is missing, take newer copies, keep the rest",
        "合并：补充缺少的记录，采用较新的版本，其余保持不变";
    restore_replace => "Replace everything here with the backup", "用备份替换此处的全部数据";
    restore_backup => "Restore backup", "恢复备份";

    // Export.
    export_customers => "Export customers", "导出客户";
    export_orders => "Export orders", "导出订单";
    export_interactions => "Export notes, calls and emails", "导出备注、通话和邮件";
    export_tickets => "Export tickets", "导出工单";
    export_heading => "Export as CSV", "导出为 CSV";
    export_intro => "Spreadsheet-safe CSV (UTF-8). To export only some customers, filter the Customers list and use its Export button.",
        "可安全用于电子表格的 CSV（UTF-8）。如只需导出部分客户，请先筛选客户列表，再使用其中的“导出”按钮。";

    // Past imports.
    edited_since_one(names: String) =>
        "1 record was changed since this import: {names}. Reverting keeps it as it is now unless you choose otherwise.",
        "自此次导入以来，有 1 条记录被修改：{names}。除非您另行选择，撤销导入时该记录将保持现状。";
    edited_since_many(count: usize, names: String) =>
        "{count} records were changed since this import: {names}. Reverting keeps them as they are now unless you choose otherwise.",
        "自此次导入以来，有 {count} 条记录被修改：{names}。除非您另行选择，撤销导入时这些记录将保持现状。";
    revert_keep_edited => "Revert, keep the edited records", "撤销导入，保留已修改的记录";
    revert_those_too => "Revert those too", "这些记录也一并撤销";
    past_imports => "Past imports", "导入记录";
    no_imports => "No imports yet.", "尚无导入。";
    import_counts(created: String, updated: String, skipped: String) =>
        "{created} new, {updated} updated, {skipped} skipped", "新增 {created}，更新 {updated}，跳过 {skipped}";
    reverted_on(date: String) => "Reverted {date}", "已于 {date} 撤销";
    revert_import(label: String) => "Revert {label}", "撤销 {label}";
    revert => "Revert", "撤销";

    // The import's flow.
    choose_file_first => "Choose a file first.", "请先选择文件。";
    no_header_row => "This file has no header row, so its columns cannot be matched to customer fields.",
        "此文件没有标题行，因此无法将其列与客户字段对应。";
    /// The import's name in Past imports.
    import_of(file: String) => "Import of {file}", "导入 {file}";
    /// The import, as the notice after an interrupting reload names it.
    the_import_of(file: String) => "The import of {file}", "{file} 的导入";
    imported(file: String, created: String, updated: String) =>
        "Imported {file}: {created} new, {updated} updated. You can revert it under Past imports.",
        "已导入 {file}：新增 {created}，更新 {updated}。可在“导入记录”中撤销。";

    // The import card.
    import_heading => "Import from a CSV file", "从 CSV 文件导入";
    file_holds => "What does the file hold?", "文件包含什么内容？";
    kind_customers => "Customers or contacts (HubSpot, Salesforce, Google, Outlook, Rapport, or any CSV)",
        "客户或联系人（HubSpot、Salesforce、Google、Outlook、Rapport 或任意 CSV）";
    kind_orders => "Orders or transactions (customer id, date, quantity, amount — also space-separated logs)",
        "订单或交易（客户 ID、日期、数量、金额——也支持以空格分隔的日志）";
    drop_here => "Drop a CSV file here, or", "将 CSV 文件拖放到此处，或";
    choose_file => "Choose a file…", "选择文件…";
    file_to_import => "CSV file to import", "要导入的 CSV 文件";
    formats => "UTF-8, UTF-16, Windows-1252 or GBK; comma, semicolon, tab or spaces. No row limit.",
        "支持 UTF-8、UTF-16、Windows-1252 或 GBK 编码；以逗号、分号、制表符或空格分隔。行数不限。";
    checking_file => "Checking the file", "正在检查文件";
    checking_rows(percent: String) => "Checking every row… {percent} %", "正在检查每一行… {percent}%";
    saving => "Saving in one transaction…", "正在以单个事务保存…";

    // The column mapping.
    recognised(layout: String) => "Recognised as a {layout} export. ", "已识别为 {layout} 导出文件。";
    /// The file's encoding and delimiter.
    separated(encoding: String, delimiter: String) => "{encoding}, {delimiter}-separated", "{encoding}，{delimiter}分隔";
    file_described(file: String, format: String, columns: usize) => "{file} ({format}), {columns} columns.",
        "{file}（{format}），{columns} 列。";
    file_described_no_header(file: String, format: String, columns: usize) =>
        "{file} ({format}), {columns} columns, no header row.", "{file}（{format}），{columns} 列，无标题行。";
    column_number(number: usize) => "Column {number}", "第 {number} 列";
    field_for_column(column: String) => "Field for column {column}", "列“{column}”对应的字段";
    proposal_customers => "customers or contacts", "客户或联系人";
    proposal_orders => "orders or transactions", "订单或交易";
    proposed_selected(reason: String, kind: String) => "{reason} It is proposed as {kind}; it is selected above.",
        "{reason}建议作为{kind}导入；上方已选中此项。";
    proposed_other(reason: String, kind: String) => "{reason} It is proposed as {kind}; you chose the other kind above.",
        "{reason}建议作为{kind}导入；您在上方选择了另一种。";
    match_columns => "Match the columns", "匹配列";
    column_mapping => "Column mapping", "列映射";
    column_in_file => "Column in the file", "文件中的列";
    goes_to => "Goes to", "对应字段";
    first_value => "First value", "首个值";
    currency_of_amounts => "Currency of the amounts", "金额的货币";
    existing_customers => "Customers already here (same email, else same phone)",
        "已存在的客户（电子邮件相同，否则电话相同）";
    duplicate_skip => "Skip the row", "跳过该行";
    duplicate_update => "Update the customer with the row's values", "用该行的值更新客户";
    duplicate_create => "Create a new customer anyway", "仍然新建客户";
    check_file => "Check the file", "检查文件";
    choose_another_file => "Choose another file", "选择其他文件";

    // The result of the check.
    rows_read => "Rows read", "已读取行数";
    new => "New", "新增";
    updated => "Updated", "更新";
    duplicates_skipped => "Duplicates skipped", "跳过的重复项";
    rows_with_errors => "Rows with errors (skipped)", "有错误的行（已跳过）";
    nothing_saved_yet => "Nothing is saved until you press Import.", "点击“导入”之前不会保存任何内容。";
    nothing_saved_yet_new_customers(customers: String) =>
        "Nothing is saved until you press Import, {customers} new customers.",
        "点击“导入”之前不会保存任何内容；届时将新建 {customers} 位客户。";
    first_customers => "The first customers as they will be stored", "将要存储的前几位客户";
    row => "Row", "行";
    city => "City", "城市";
    stage => "Stage", "阶段";
    /// A previewed row's action: it updates a stored customer.
    action_update => "update", "更新";
    /// A previewed row's action: it makes a new customer.
    action_new => "new", "新增";
    first_orders => "The first orders as they will be stored", "将要存储的前几笔订单";
    product => "Product", "产品";
    total => "Total", "合计";
    no_problems => "No problems found.", "未发现问题。";
    problems(count: String) => "{count} problems", "{count} 个问题";
    row_number(row: String) => "Row {row}", "第 {row} 行";
    /// After "Row 3": where and what.
    issue(column: String, message: String) => ", {column}: {message}", "，列“{column}”：{message}";
    import => "Import", "导入";
    download_report => "Download the report", "下载报告";
    back_to_columns => "Back to the columns", "返回列映射";
}
