//! Texts of the shared components (palette, toasts, unlock screen, demo
//! loader, forms, filters, pickers, job status, text panels, charts) (see
//! [`crate::i18n`]), and one function per kind of the core's (lifecycle
//! stages, RFM segments, text kinds …) giving its name as the pages show it,
//! for places that take a `fn(kind) -> &str`: each is the kind's own
//! `display()` (its `label()` stays English, being also what is stored and
//! parsed back; the names are in [`crate::i18n::labels`]).

use crate::insight::Segment;
use crate::model::{
    Direction, Education, InteractionKind, LifecycleStage, OrderStatus, TicketStatus,
};
use crate::search::FigureBound;
use crate::sentiment::Polarity;
use crate::text::TextKind;
use std::fmt::Display;

crate::texts! {
    // The command palette.
    palette => "Command palette", "命令面板";
    palette_search => "Search customers, pages, notes and tickets", "搜索客户、页面、备注和工单";
    palette_placeholder => "Search customers, pages, notes and tickets…", "搜索客户、页面、备注和工单…";
    results => "Results", "结果";
    palette_nothing => "No page or customer matches. Try part of a name, an email or a company.",
        "没有匹配的页面或客户。试试输入姓名、电子邮件或公司名称的一部分。";
    /// What a page of the navigation is called among the palette's results.
    kind_page => "Page", "页面";
    /// What the last result, a link to the search page, is called.
    kind_search => "Search", "搜索";
    search_texts_for(words: String) => "Search notes and tickets for “{words}”", "在备注和工单中搜索“{words}”";
    palette_keys => "↑ ↓ to move · Enter to open · Esc to close", "↑ ↓ 移动 · Enter 打开 · Esc 关闭";

    // Toasts.
    /// The name of a toast's Undo button: what it undoes.
    undo_what(what: String) => "Undo: {what}", "撤销：{what}";
    dismiss => "Dismiss", "关闭";

    // The unlock screen.
    unlock_title => "Unlock Rapport", "解锁 Rapport";
    unlock_intro => "The data in this browser is encrypted. Type your passphrase to open it; it never leaves this device.",
        "此浏览器中的数据已加密。请输入密码短语以打开；密码短语不会离开此设备。";
    /// A reload cut off turning encryption on.
    sealing_cut_off => "Turning encryption on was cut off before it finished. Every record is readable; it resumes once you unlock.",
        "开启加密的过程在完成前被中断。所有记录均可读取；解锁后将继续进行。";
    /// A reload cut off turning encryption off.
    unsealing_cut_off => "Turning encryption off was cut off before it finished. Every record is readable; it resumes once you unlock.",
        "关闭加密的过程在完成前被中断。所有记录均可读取；解锁后将继续进行。";
    passphrase => "Passphrase", "密码短语";
    unlocking => "Unlocking…", "正在解锁…";
    unlock => "Unlock", "解锁";

    // Page header, save errors, pager.
    reload => "Reload", "重新加载";
    previous => "Previous", "上一页";
    next => "Next", "下一页";
    page_of(page: String, pages: String) => "Page {page} of {pages}", "第 {page} 页，共 {pages} 页";

    // Charts.
    save_png => "Save PNG", "保存 PNG";
    /// The Save PNG button's name: which chart it saves.
    save_png_of(title: String) => "Save PNG: {title}", "保存 PNG：{title}";

    // The customer picker and forms waiting for the database.
    picker_placeholder => "Type a name, email or company…", "输入姓名、电子邮件或公司…";
    linked_to(name: String) => "Linked to {name}.", "已关联到 {name}。";
    matching_customers => "Matching customers", "匹配的客户";
    opening_database => "Opening the database…", "正在打开数据库…";

    // The demo loader.
    demo_stopped => "Stopped loading demo data", "已停止加载演示数据";
    demo_loaded(count: String) => "Loaded {count} demo customers", "已加载 {count} 位演示客户";
    /// After a stopped load was rolled back; `why` is why it stopped.
    demo_rolled_back(why: String) => "{why}. Nothing of the demo data was kept, so no half-loaded set is left.",
        "{why}。演示数据均未保留，不会留下加载了一半的数据。";
    /// After a stopped load could not be rolled back.
    demo_rollback_failed(why: String, error: String) => "{why}. Removing the part already loaded failed too ({error}); it will be tried again when Rapport next opens.",
        "{why}。删除已加载部分的操作也失败了（{error}）；Rapport 下次打开时会再次尝试。";
    demo_interrupted => "A demo data load was interrupted by a reload", "演示数据的加载因页面重新加载而中断";
    demo_customers => "Demo customers ", "演示客户 ";
    demo_size => "Number of demo customers", "演示客户数量";
    load_demo => "Load demo data", "加载演示数据";
    demo_loading_elsewhere => "Loading demo data… (progress and Cancel at the top of the page)",
        "正在加载演示数据…（进度和“取消”按钮在页面顶部）";
    demo_loading => "Loading demo data", "正在加载演示数据";
    demo_progress(done: String, total: String) => "{done} of {total} demo customers", "{done} / {total} 位演示客户";

    // Jobs.
    starting_worker => "Starting the background worker", "正在启动后台工作线程";

    // List filters.
    all => "All", "全部";

    // Text panels.
    similar => "Similar", "相似内容";
    indexing => "Indexing notes and tickets…", "正在为备注和工单建立索引…";
    nothing_similar => "No other note, email, meeting or ticket shares words with this one.",
        "没有其他备注、邮件、会议或工单与此内容有共同的词语。";
    similar_texts => "Similar texts", "相似文本";
    no_subject => "(no subject)", "（无主题）";
    similarity_hint => "Cosine similarity of the two texts' TF-IDF vectors", "两段文本 TF-IDF 向量的余弦相似度";
    no_sentiment_words => "No word in the text carries sentiment.", "文本中没有带情感色彩的词语。";
    /// The words that drove a text's sentiment.
    lexicon_unavailable(file: impl Display, why: impl Display) =>
        "The sentiment word list “{file}” could not be loaded ({why}); reload the page to try again.",
        "无法加载情感词表“{file}”（{why}）；请重新加载页面再试。";
    loading_lexicons => "Loading the sentiment word lists…", "正在加载情感词表…";
    because_of(drivers: String) => "Because of: {drivers}", "依据：{drivers}";
    /// A call, email or meeting without a subject: who started it and what.
    untitled_interaction(direction: String, kind: String) => "{direction} {kind}", "{direction}的{kind}";
}

/// A lifecycle stage as shown.
pub fn stage(stage: LifecycleStage) -> &'static str {
    stage.display()
}

/// An education level as shown.
pub fn education(level: Education) -> &'static str {
    level.display()
}

/// A sentiment polarity as shown.
pub fn polarity(polarity: Polarity) -> &'static str {
    polarity.label()
}

/// A kind of text as shown (one of them).
pub fn text_kind(kind: TextKind) -> &'static str {
    kind.display()
}

/// A kind of text as shown (all of them, e.g. a filter's choice).
pub fn text_kinds(kind: TextKind) -> &'static str {
    kind.plural()
}

/// A kind of interaction as shown.
pub fn interaction_kind(kind: InteractionKind) -> &'static str {
    kind.display()
}

/// Who started an interaction, as shown.
pub fn direction(direction: Direction) -> &'static str {
    direction.display()
}

/// An order's status as shown.
pub fn order_status(status: OrderStatus) -> &'static str {
    status.display()
}

/// A ticket's status as shown.
pub fn ticket_status(status: TicketStatus) -> &'static str {
    status.display()
}

/// An RFM segment as shown.
pub fn rfm_segment(segment: Segment) -> &'static str {
    segment.display()
}

/// A purchase-figure bound's label as shown.
pub fn figure_bound(bound: FigureBound) -> &'static str {
    bound.label()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::{with_lang, Lang};

    #[test]
    fn the_kinds_shown_in_english_are_the_enums_own_labels() {
        with_lang(Lang::En, || {
            for s in LifecycleStage::ALL {
                assert_eq!(stage(*s), s.label());
            }
            for e in Education::ALL {
                assert_eq!(education(*e), e.label());
            }
            for p in [Polarity::Negative, Polarity::Neutral, Polarity::Positive] {
                assert_eq!(polarity(p), p.label());
            }
            for k in TextKind::ALL {
                assert_eq!(text_kind(*k), k.label());
                assert_eq!(text_kinds(*k), k.plural());
            }
            for k in InteractionKind::ALL {
                assert_eq!(interaction_kind(*k), k.label());
            }
            for d in Direction::ALL {
                assert_eq!(direction(*d), d.label());
            }
            for s in OrderStatus::ALL {
                assert_eq!(order_status(*s), s.label());
            }
            for s in TicketStatus::ALL {
                assert_eq!(ticket_status(*s), s.label());
            }
            for s in Segment::all() {
                assert_eq!(rfm_segment(*s), s.label());
            }
            for b in FigureBound::ALL {
                assert_eq!(figure_bound(b), b.label());
            }
        });
    }

    #[test]
    fn the_kinds_shown_in_chinese_are_translated() {
        with_lang(Lang::Zh, || {
            assert_eq!(stage(LifecycleStage::Lead), "潜在客户");
            assert_eq!(rfm_segment(Segment::Champions), "冠军客户");
            assert_eq!(text_kinds(TextKind::Ticket), "工单");
        });
    }
}
