//! Texts of the app's own notices: toasts, the encryption rewrite's
//! progress and interruption, and the browser's file and download
//! failures (see [`crate::i18n`]).

crate::texts! {
    undo_done(label: String) => "{label} — done", "{label} — 已完成";
    customer_gone => "(customer deleted or in the trash)", "（客户已删除或在回收站中）";
    encrypting(done: u64, total: u64) => "Encrypting the stored data: {done} of {total} pages",
        "正在加密已存储的数据：第 {done} 页，共 {total} 页";
    decrypting(done: u64, total: u64) => "Decrypting the stored data: {done} of {total} pages",
        "正在解密已存储的数据：第 {done} 页，共 {total} 页";
    turning_on_resuming => "Turning encryption on was cut off before it finished; every record is readable and it is resuming now.",
        "开启加密在完成前被中断；所有记录均可读取，现在正在继续。";
    turning_off_resuming => "Turning encryption off was cut off before it finished; every record is readable and it is resuming now.",
        "关闭加密在完成前被中断；所有记录均可读取，现在正在继续。";
    turning_on_resumed => "Turning encryption on was cut off by a reload; it has now resumed and finished.",
        "开启加密曾因重新加载而中断；现已继续并完成。";
    turning_off_resumed => "Turning encryption off was cut off by a reload; it has now resumed and finished.",
        "关闭加密曾因重新加载而中断；现已继续并完成。";
    file_unreadable => "The browser could not read the file.", "浏览器无法读取该文件。";
    file_gone => "The browser could not read the file (was it moved or deleted?).",
        "浏览器无法读取该文件（文件是否已被移动或删除？）。";
    download_unprepared => "The browser could not prepare the download.", "浏览器无法准备下载。";
    download_unstarted => "The browser could not start the download.", "浏览器无法开始下载。";
}
