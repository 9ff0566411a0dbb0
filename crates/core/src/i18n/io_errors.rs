//! Texts of the import's and the backup's error messages (see
//! [`crate::i18n`]): `crate::io::import::ImportError` and
//! `crate::io::backup::BackupError` take their `Display` from here.

use std::fmt::Display;

crate::texts! {
    import_empty => "The file is empty.", "文件是空的。";
    import_binary => "This does not look like a text file (it contains binary data).",
        "这看起来不是文本文件（其中含有二进制数据）。";
    import_not_csv(what: impl Display) =>
        "This is {what}, not a CSV file. Save it as CSV first (in Excel: File › Save As › CSV UTF-8) and import that file.",
        "这是{what}，不是 CSV 文件。请先另存为 CSV（在 Excel 中：文件 › 另存为 › CSV UTF-8），再导入该文件。";
    /// What a file picked by mistake is (completes “This is …”).
    format_zip => "a zip archive or a spreadsheet workbook (.xlsx / .ods)", "ZIP 压缩包或电子表格工作簿（.xlsx / .ods）";
    format_xls => "an old-style Excel workbook (.xls)", "旧版 Excel 工作簿（.xls）";
    format_pdf => "a PDF document", "PDF 文档";
    import_unterminated_quote(line: impl Display) =>
        "Line {line} has an opening quote that is never closed.",
        "第 {line} 行有一个未闭合的引号。";
    import_row_too_long(line: impl Display, max_mb: impl Display) =>
        "The row starting on line {line} is longer than {max_mb} MB; this does not look like a table of records.",
        "从第 {line} 行开始的这一行超过 {max_mb} MB，看起来不是记录表。";
    import_too_many_columns(found: impl Display, max: impl Display) =>
        "The header has {found} columns; Rapport reads files with up to {max}.",
        "表头有 {found} 列；Rapport 最多读取 {max} 列。";
    import_duplicate_header(name: impl Display, first: impl Display, second: impl Display) =>
        "The header has two columns named “{name}” (columns {first} and {second}). Rename one of them and import the file again.",
        "表头有两列都叫“{name}”（第 {first} 列和第 {second} 列）。请重命名其中一列后重新导入。";
    import_nul_in_header(column: impl Display) =>
        "The header has a NUL character (a zero byte) in column {column}, which a CSV file never has; the file may be damaged. Open it in the program it came from, save it as CSV again and import that file.",
        "表头第 {column} 列含有 NUL 字符（零字节），CSV 文件不会有这种字符，文件可能已损坏。请用生成它的程序打开，重新另存为 CSV 后再导入。";
    import_unsupported_delimiter(found: impl Display) =>
        "The first line says the cells are separated by “{found}”; Rapport reads commas, semicolons, tabs and pipes. Save the file with one of those and import it again.",
        "第一行声明单元格以“{found}”分隔；Rapport 只读取逗号、分号、制表符和竖线。请用其中一种保存文件后重新导入。";
    import_no_rows => "The file has a header row but no rows of data below it.",
        "文件只有表头行，下面没有数据行。";
    import_only_row_duplicate =>
        "Nothing to import: the only row is already in Rapport and was skipped as a duplicate.",
        "没有可导入的内容：唯一的一行已在 Rapport 中，已作为重复项跳过。";
    import_all_duplicates(rows: impl Display) =>
        "Nothing to import: all {rows} rows are already in Rapport and were skipped as duplicates.",
        "没有可导入的内容：全部 {rows} 行都已在 Rapport 中，已作为重复项跳过。";
    import_none_valid_one =>
        "None of the 1 row can be imported; the report lists what is wrong with each.",
        "这 1 行无法导入；报告列出了每一行的问题。";
    import_none_valid(rows: impl Display) =>
        "None of the {rows} rows can be imported; the report lists what is wrong with each.",
        "这 {rows} 行都无法导入；报告列出了每一行的问题。";
    import_none_valid_or_new_one(invalid: impl Display, duplicates: impl Display) =>
        "None of the 1 row can be imported: {invalid} have errors (see the report) and {duplicates} are already in Rapport.",
        "这 1 行无法导入：{invalid} 行有错误（见报告），{duplicates} 行已在 Rapport 中。";
    import_none_valid_or_new(rows: impl Display, invalid: impl Display, duplicates: impl Display) =>
        "None of the {rows} rows can be imported: {invalid} have errors (see the report) and {duplicates} are already in Rapport.",
        "这 {rows} 行都无法导入：{invalid} 行有错误（见报告），{duplicates} 行已在 Rapport 中。";
    import_missing_column(what: impl Display) =>
        "No column is mapped to “{what}”; choose one in the column mapping.",
        "没有列映射到“{what}”；请在列映射中选择一列。";
    import_batch_not_found =>
        "This import is no longer recorded in Rapport, so it cannot be reverted.",
        "Rapport 中已没有这次导入的记录，因此无法撤回。";
    import_already_reverted => "This import was already reverted.", "这次导入已经撤回过了。";
    import_finished => "The file was read past its end (this is a bug in Rapport).",
        "文件在读完之后仍被读取（这是 Rapport 的一个缺陷）。";

    backup_too_large(megabytes: impl Display, limit: impl Display) =>
        "This file is {megabytes} MB; Rapport restores backups of up to {limit} MB in a browser tab. Nothing was changed. (A backup of 100,000 customers with their history is about 200 MB.)",
        "此文件有 {megabytes} MB；Rapport 在浏览器标签页中最多恢复 {limit} MB 的备份。未做任何更改。（10 万位客户及其历史记录的备份约为 200 MB。）";
    backup_empty => "The file is empty. Nothing was changed.", "文件是空的。未做任何更改。";
    backup_truncated => "The file ends early — it looks truncated. Nothing was changed.",
        "文件提前结束——看起来被截断了。未做任何更改。";
    backup_not_json => "This is not a Rapport backup: the file is not JSON text. Nothing was changed.",
        "这不是 Rapport 备份：文件不是 JSON 文本。未做任何更改。";
    backup_not_a_backup => "This is a JSON file, but not a Rapport backup. Nothing was changed.",
        "这是 JSON 文件，但不是 Rapport 备份。未做任何更改。";
    backup_too_new(what: impl Display, found: impl Display, supported: impl Display) =>
        "This backup was made by a newer version of Rapport ({what} {found}); this version reads up to {supported}. Nothing was changed.",
        "此备份由更新版本的 Rapport 创建（{what} {found}）；当前版本最多读取到 {supported}。未做任何更改。";
    backup_damaged(reason: impl Display) =>
        "This Rapport backup is damaged: {reason}. Nothing was changed.",
        "此 Rapport 备份已损坏：{reason}。未做任何更改。";
    backup_unknown_collection(name: impl Display) =>
        "This backup holds “{name}” records, which this version of Rapport does not know. Nothing was changed.",
        "此备份包含“{name}”记录，当前版本的 Rapport 无法识别。未做任何更改。";
    backup_bad_record(number: impl Display, collection: impl Display, reason: impl Display) =>
        "Record {number} of {collection} in this backup could not be read ({reason}). Nothing was changed.",
        "此备份中 {collection} 的第 {number} 条记录无法读取（{reason}）。未做任何更改。";
    backup_invalid_record(number: impl Display, collection: impl Display, errors: impl Display) =>
        "Record {number} of {collection} in this backup is invalid: {errors}. Nothing was changed.",
        "此备份中 {collection} 的第 {number} 条记录无效：{errors}。未做任何更改。";
    backup_duplicate_id(collection: impl Display, id: impl Display) =>
        "This backup lists {collection} record {id} twice. Nothing was changed.",
        "此备份中 {collection} 记录 {id} 出现了两次。未做任何更改。";
}
