//! Texts of the Duplicates page (see [`crate::i18n`]).

crate::texts! {
    title => "Duplicates", "重复项";
    subtitle => "The same customer recorded twice, and notes or tickets written twice — found on this device.",
        "重复录入的同一位客户，以及重复撰写的备注或工单——在本设备上查找。";
    /// Between the items of a list in a sentence.
    list_separator => ", ", "、";

    // Duplicate customers.
    duplicate_customers => "Duplicate customers", "重复客户";
    minimum_score => "Minimum score", "最低分数";
    minimum_duplicate_score => "Minimum duplicate score", "最低重复分数";
    looking_for_duplicates => "Looking for duplicate customers", "正在查找重复客户";
    none_at_this_score => "No two customers look like the same person at this score.",
        "在此分数下，没有两位客户看起来是同一个人。";
    possible_duplicates(count: String) => "{count} possible duplicates", "{count} 组可能的重复项";
    possible_duplicates_shown(count: String, shown: usize) =>
        "{count} possible duplicates, the {shown} most likely shown", "{count} 组可能的重复项，显示最可能的 {shown} 组";
    possible_duplicate_customers => "Possible duplicate customers", "可能重复的客户";
    customer => "Customer", "客户";
    possibly_the_same_as => "Possibly the same as", "可能与之为同一人";
    score => "Score", "分数";
    why => "Why", "原因";
    action => "Action", "操作";
    merge_pair(first: String, second: String) => "Merge {first} and {second}", "合并 {first} 和 {second}";
    merge_ellipsis => "Merge…", "合并…";
    merge_all_linked(count: usize, name: String) => "Merge all {count} linked to {name}",
        "全部合并（{count} 位）：与 {name} 关联的客户";
    merge_all(count: usize) => "Merge all {count}…", "全部合并（{count} 位）…";

    // Near-duplicate notes and tickets.
    near_duplicate_heading => "Near-duplicate notes and tickets", "近似重复的备注和工单";
    similarity_at_least => "Similarity at least", "相似度至少为";
    minimum_similarity => "Minimum similarity", "最低相似度";
    tickets_only => "Tickets only", "仅工单";
    comparing_texts => "Comparing notes and tickets", "正在比较备注和工单";
    none_this_similar(texts: String) => "No two of the {texts} texts are this similar.",
        "{texts} 条文本中没有两条达到此相似度。";
    pairs_among(pairs: String, texts: String) => "{pairs} pairs among {texts} texts", "{texts} 条文本中有 {pairs} 对";
    pairs_among_shown(pairs: String, texts: String, shown: usize) =>
        "{pairs} pairs among {texts} texts, the {shown} closest shown", "{texts} 条文本中有 {pairs} 对，显示最接近的 {shown} 对";
    near_duplicate_texts => "Near-duplicate texts", "近似重复的文本";
    text => "Text", "文本";
    nearly_the_same_as => "Nearly the same as", "与之几乎相同";
    similarity => "Similarity", "相似度";

    // The merge dialog.
    moved_timeline_entries(count: usize) => "{count} timeline entries", "{count} 条时间线记录";
    moved_tasks(count: usize) => "{count} tasks", "{count} 项任务";
    moved_quotes_and_orders(count: usize) => "{count} quotes and orders", "{count} 份报价和订单";
    moved_deals(count: usize) => "{count} deals", "{count} 个商机";
    moved_tickets(count: usize) => "{count} tickets", "{count} 个工单";
    moved_relationships(count: usize) => "{count} relationships", "{count} 条关系";
    moved_campaign_memberships(count: usize) => "{count} campaign memberships", "{count} 项营销活动成员资格";
    moved_scores(count: usize) => "{count} scores", "{count} 项评分";
    nothing_moves => "No other record points at the merged customer.", "没有其他记录指向被合并的客户。";
    moves_to_kept(moved: String) => "Moves to the customer kept: {moved}.", "将移至保留的客户：{moved}。";
    merge_customers => "Merge customers", "合并客户";
    keep => "Keep", "保留";
    comparing_records => "Comparing the records…", "正在比较记录…";
    both_kept => "Emails, phones and tags of both are kept. Where the records disagree, choose the value to keep:",
        "双方的电子邮件、电话和标签都会保留。记录不一致之处，请选择要保留的值：";
    merge => "Merge", "合并";
}
