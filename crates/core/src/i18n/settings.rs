//! Texts of the Settings page and its cards (see [`crate::i18n`]).

crate::texts! {
    title => "Settings", "设置";
    subtitle => "Preferences are kept in this browser only.", "偏好设置只保存在此浏览器中。";
    appearance => "Appearance", "外观";
    theme => "Theme", "主题";
    theme_light => "Light", "浅色";
    theme_light_hint => "Dark text on light surfaces", "浅色背景上的深色文字";
    theme_dark => "Dark", "深色";
    theme_dark_hint => "Light text on dark surfaces", "深色背景上的浅色文字";
    theme_not_saved(error: String) => "The theme could not be saved in this browser: {error}",
        "无法在此浏览器中保存主题：{error}";
    /// The language switch's legend: in both languages, so that whoever
    /// cannot read the current one still finds it.
    language => "Language · 语言", "语言 · Language";
    language_hint_en => "Dates as 2024-03-01", "日期显示为 2024-03-01";
    language_hint_zh => "Dates as 2024年3月1日", "日期显示为 2024年3月1日";
    language_not_saved(error: String) => "The language could not be saved in this browser: {error}",
        "无法在此浏览器中保存语言：{error}";

    // The Encryption card.
    encryption => "Encryption", "加密";
    encryption_turned_on => "Encryption is on: the data in this browser is encrypted.",
        "加密已开启：此浏览器中的数据已加密。";
    encryption_turned_off => "Encryption is off: the data in this browser is stored in clear.",
        "加密已关闭：此浏览器中的数据以明文存储。";
    encryption_intro => "Encrypt everything Rapport stores in this browser with a passphrase. Without it nobody — you included — can read the data: keep it safe, or keep a backup.",
        "用密码短语加密 Rapport 在此浏览器中存储的所有内容。没有它，任何人（包括您自己）都无法读取数据：请妥善保管，或保留一份备份。";
    new_passphrase => "New passphrase", "新密码短语";
    confirm_passphrase => "Confirm passphrase", "确认密码短语";
    turn_encryption_on => "Turn encryption on", "开启加密";
    encryption_is_on => "Encryption is on: records are stored encrypted, and opening Rapport asks for the passphrase.",
        "加密已开启：记录以加密形式存储，打开 Rapport 时需要输入密码短语。";
    lock_now => "Lock now", "立即锁定";
    lock_automatically => "Lock automatically", "自动锁定";
    passphrase_to_turn_off => "Passphrase to turn encryption off", "关闭加密所需的密码短语";
    turn_encryption_off => "Turn encryption off", "关闭加密";
    /// The rewrite's progress sentence, then what to do meanwhile.
    rewrite_in_progress(progress: String) => "{progress} — keep this tab open; a reload resumes where it stopped.",
        "{progress}——请保持此标签页打开；重新加载后会从中断处继续。";
    encryption_progress => "Encryption progress", "加密进度";
    deriving_key => "Working… deriving a key from a passphrase takes a moment.",
        "处理中…从密码短语派生密钥需要一点时间。";

    // The Storage card.
    storage => "Storage", "存储";
    measuring => "Measuring…", "正在测量…";
    storage_no_window => "no window", "没有窗口对象";
    storage_no_estimate => "estimate unavailable", "无法估算";
    storage_estimate_refused => "the browser refused to estimate storage", "浏览器拒绝估算存储空间";
    storage_unavailable(error: String) => "Storage use cannot be shown: {error}.", "无法显示存储用量：{error}。";
    storage_use(used: String, quota: String) => "Rapport uses {used} of the {quota} this browser allows.",
        "此浏览器允许使用 {quota}，Rapport 已使用 {used}。";
    storage_used => "Storage used", "已用存储";
    persistence_granted => "Persistent storage is granted: the browser will not evict Rapport's data under storage pressure.",
        "已获得持久存储权限：存储空间紧张时，浏览器不会清除 Rapport 的数据。";
    persistence_refused => "Persistent storage was not granted: under storage pressure the browser may evict Rapport's data. Export a backup regularly.",
        "未获得持久存储权限：存储空间紧张时，浏览器可能会清除 Rapport 的数据。请定期导出备份。";
    persistence_unknown => "This browser does not say whether the data is protected from eviction.",
        "此浏览器未说明数据是否受到保护、不会被清除。";

    // The Sales pipeline card.
    /// Between the items of a list in a sentence.
    list_separator => ", ", "、";
    stages_not_saved => "Not saved: please correct the stages marked below.", "未保存：请更正下方标出的阶段。";
    pipeline_unchanged => "The pipeline is unchanged.", "销售管道没有变化。";
    pipeline_saved => "Pipeline saved.", "销售管道已保存。";
    pipeline_saved_one_deal_moved => "Pipeline saved; 1 deal moved.", "销售管道已保存；移动了 1 个商机。";
    pipeline_saved_deals_moved(deals: String) => "Pipeline saved; {deals} deals moved.",
        "销售管道已保存；移动了 {deals} 个商机。";
    stage_name(number: usize) => "Stage {number} name", "阶段 {number} 的名称";
    no_deals => "no deals", "无商机";
    one_deal => "1 deal", "1 个商机";
    deals(count: String) => "{count} deals", "{count} 个商机";
    move_stage_up(number: usize) => "Move stage {number} up", "上移阶段 {number}";
    move_stage_down(number: usize) => "Move stage {number} down", "下移阶段 {number}";
    remove_stage(number: usize) => "Remove stage {number}", "删除阶段 {number}";
    remove => "Remove", "删除";
    sales_pipeline => "Sales pipeline", "销售管道";
    pipeline_intro => "The open stages deals move through, in order. Won and Lost always close the pipeline. Renaming a stage takes its deals along.",
        "商机依次经过的进行中阶段。Won（赢单）和 Lost（输单）始终是销售管道的最后两个阶段。重命名阶段时，其中的商机会随之转移。";
    open_stages => "Open stages", "进行中的阶段";
    closing_stages => "Closing stages", "结束阶段";
    closes_as_won => "closes a deal as won", "以赢单结束商机";
    closes_as_lost => "closes a deal as lost", "以输单结束商机";
    add_stage => "Add stage", "添加阶段";
    use_default_stages => "Use the default stages", "使用默认阶段";
    move_the_deal_of(stages: String) => "Move the deal of {stages} to", "将 {stages} 中的商机移至";
    move_the_deals_of(count: String, stages: String) => "Move the {count} deals of {stages} to",
        "将 {stages} 中的 {count} 个商机移至";
    choose_a_stage => "Choose a stage…", "选择阶段…";
    choose_where_deals_go => "Choose where these deals go.", "请选择这些商机的去向。";
    stages_changed_elsewhere => "The stages were changed in another tab or window while you were editing. Saving your edits will be refused; discard them or reload to see the latest stages.",
        "您编辑期间，阶段已在另一个标签页或窗口中被更改。您的修改将无法保存；请放弃修改，或重新加载以查看最新的阶段。";
    saving => "Saving…", "正在保存…";
    save_pipeline => "Save pipeline", "保存销售管道";
    discard_changes => "Discard changes", "放弃更改";
}
