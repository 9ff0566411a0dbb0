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
}
