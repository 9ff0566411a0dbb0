//! Text of the demo world: notes, ticket topics and feedback in English and
//! Chinese, chosen by sentiment so text analyses find the satisfaction signal.

/// The tone of a text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tone {
    /// Happy.
    Positive,
    /// Matter-of-fact.
    Neutral,
    /// Unhappy.
    Negative,
}

impl Tone {
    /// The tone of a customer with latent satisfaction `s` (1..5).
    pub fn of_satisfaction(s: f64) -> Tone {
        if s >= 3.9 {
            Tone::Positive
        } else if s < 3.0 {
            Tone::Negative
        } else {
            Tone::Neutral
        }
    }

    /// The tone of a 1..=5 rating.
    pub fn of_score(score: u8) -> Tone {
        match score {
            4..=5 => Tone::Positive,
            3 => Tone::Neutral,
            _ => Tone::Negative,
        }
    }
}

/// Note bodies (`{p}` is replaced by a product name), by tone.
pub fn notes(tone: Tone, chinese: bool) -> &'static [&'static str] {
    match (tone, chinese) {
        (Tone::Positive, false) => &[
            "Very happy with the {p}; asked about new arrivals.",
            "Great call. Loves the {p} and will recommend us to friends.",
            "Thanked us for the quick delivery of the {p}. Excellent relationship.",
            "Pleased with the service, interested in upgrading to the {p}.",
        ],
        (Tone::Neutral, false) => &[
            "Asked for the updated price list, mentioned the {p}.",
            "Checked order status for the {p}. No issues raised.",
            "Discussed options for the {p}; will decide next month.",
            "Updated billing address and confirmed contact details.",
        ],
        (Tone::Negative, false) => &[
            "Frustrated that the {p} arrived late again. Considering other suppliers.",
            "Complained about the price of the {p}; disappointed with support.",
            "Unhappy: the {p} broke after two weeks and the refund is slow.",
            "Angry about repeated delivery delays. Risk of losing this customer.",
        ],
        (Tone::Positive, true) => &[
            "服务很好，非常满意。对{p}很感兴趣。",
            "客户很喜欢{p}，愿意推荐给朋友。",
            "送货很快，质量很好，谢谢！",
            "沟通顺利，客户对我们的服务评价很高。",
        ],
        (Tone::Neutral, true) => &[
            "客户询问{p}的价格。",
            "确认了订单状态，没有问题。",
            "客户需要更多时间考虑{p}。",
            "更新了联系方式和地址。",
        ],
        (Tone::Negative, true) => &[
            "送货太慢了，很失望。",
            "客户抱怨{p}质量不好，要求退款。",
            "价格太贵了，客户考虑换供应商。",
            "多次投诉没有回复，客户很生气。",
        ],
    }
}

/// Ticket topics: (subject, body) in English and Chinese; the first ones
/// are complaints, the rest questions.
pub const TICKETS_EN: &[(&str, &str)] = &[
    (
        "Late delivery",
        "My order of the {p} has not arrived yet. It is a week late.",
    ),
    (
        "Damaged item",
        "The {p} arrived damaged. Please send a replacement.",
    ),
    (
        "Refund request",
        "I returned the {p} two weeks ago and I am still waiting for the refund.",
    ),
    (
        "Billing question",
        "I was charged twice for the {p}. Can you check?",
    ),
    (
        "How do I set it up?",
        "Could you send instructions for setting up the {p}?",
    ),
    (
        "Change delivery address",
        "Please ship my {p} to my work address instead.",
    ),
    (
        "Warranty question",
        "Is the {p} covered by the extended warranty?",
    ),
];

/// Chinese ticket topics, same order as [`TICKETS_EN`].
pub const TICKETS_ZH: &[(&str, &str)] = &[
    ("送货延迟", "我订的{p}还没到，已经晚了一个星期。"),
    ("商品损坏", "收到的{p}是坏的，请换一个。"),
    ("退款申请", "两周前退了{p}，到现在还没收到退款。"),
    ("账单问题", "{p}被扣了两次款，请帮忙查一下。"),
    ("怎么安装？", "请发一下{p}的安装说明。"),
    ("修改收货地址", "请把{p}寄到我的公司地址。"),
    ("保修问题", "{p}在延长保修范围内吗？"),
];

/// Feedback after a ticket, by tone.
pub fn feedback(tone: Tone, chinese: bool) -> &'static [&'static str] {
    match (tone, chinese) {
        (Tone::Positive, false) => &[
            "Quick and friendly help, thank you!",
            "Problem solved in no time. Great service.",
            "Very helpful agent, excellent support.",
        ],
        (Tone::Neutral, false) => &[
            "Solved, but it took a while.",
            "OK in the end.",
            "Fine, nothing special.",
        ],
        (Tone::Negative, false) => &[
            "Far too slow, very disappointed.",
            "Had to chase you three times. Terrible service.",
            "Still not fixed properly. Unhappy.",
        ],
        (Tone::Positive, true) => &[
            "服务很好，非常满意",
            "处理得很快，谢谢！",
            "客服很专业，很满意",
        ],
        (Tone::Neutral, true) => &["问题解决了，但是有点慢", "还可以", "一般"],
        (Tone::Negative, true) => &[
            "送货太慢了，很失望",
            "等了很久都没人回复，很不满意",
            "问题还是没解决，太差了",
        ],
    }
}

/// Subjects of calls, emails and meetings (English, Chinese).
pub const CALL_SUBJECTS: &[(&str, &str)] = &[
    ("Follow-up call", "回访电话"),
    ("Check-in call", "例行沟通"),
    ("Renewal call", "续约电话"),
];
/// Email subjects.
pub const EMAIL_SUBJECTS: &[(&str, &str)] = &[
    ("Product enquiry", "产品咨询"),
    ("Re: your order", "回复：您的订单"),
    ("Newsletter reply", "回复：新闻简报"),
];
/// Meeting subjects.
pub const MEETING_SUBJECTS: &[(&str, &str)] = &[
    ("Product demo", "产品演示"),
    ("Quarterly review", "季度回顾"),
    ("Kick-off meeting", "启动会议"),
];
/// Deal titles (`{p}` is a product name).
pub const DEAL_TITLES: &[&str] = &[
    "{p} bulk order",
    "Office refit: {p}",
    "Annual {p} contract",
    "{p} for the team",
];
