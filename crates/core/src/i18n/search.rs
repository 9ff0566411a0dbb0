//! Texts of the Search page and of a timeline entry's page (`/notes/:id`)
//! (see [`crate::i18n`]).

crate::texts! {
    title => "Search notes and tickets", "搜索备注和工单";
    subtitle => "Every note, call, email, meeting and ticket, ranked by how well it matches.",
        "所有备注、通话、邮件、会议和工单，按匹配程度排序。";
    search_text => "Search text", "搜索文本";
    placeholder => "Words or a phrase, in English or 中文", "词语或短语，英文或中文均可";
    kinds => "Kinds (none ticked: all)", "类型（不勾选即全部）";
    from => "From ", "起始日期 ";
    to => "To ", "截止日期 ";
    type_a_word => "Type a word to search.", "输入词语开始搜索。";
    indexing => "Indexing notes and tickets…", "正在为备注和工单建立索引…";
    no_match => "No note, email, meeting or ticket matches.", "没有匹配的备注、邮件、会议或工单。";
    matching_one(count: usize) => "{count} matching text", "{count} 条匹配的文本";
    matching_many(count: usize) => "{count} matching texts", "{count} 条匹配的文本";
    /// As many matches as the page lists: there may be more.
    matching_best(count: usize) => "{count} matching texts (the best shown)", "{count} 条匹配的文本（仅显示最佳结果）";
    results => "Results", "结果";
    no_subject => "(no subject)", "（无主题）";
    score_hint => "TF-IDF cosine score", "TF-IDF 余弦得分";
    matched(words: String) => "Matched: {words}", "匹配：{words}";

    // A timeline entry's page.
    entry_not_found => "Not found", "未找到";
    entry_not_found_hint => "The link may be wrong, or the entry was deleted for good.", "链接可能有误，或该条目已被永久删除。";
    entry_unreadable => "This entry could not be read", "无法读取此条目";
    nothing_changed => "Nothing was changed.", "未做任何更改。";
    opening_database => "Opening the database…", "正在打开数据库…";
    entry_in_trash => "This entry is in the trash.", "此条目在回收站中。";
    text => "Text", "正文";
    sentiment => "Sentiment", "情感";
}
