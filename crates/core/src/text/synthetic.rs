//! Deterministic synthetic notes and tickets in mixed English and Chinese,
//! for the text engine's tests and benchmarks (not for users: the demo
//! generator writes the realistic data).
//!
//! Note `n` depends only on `n`: a topic (one of eight), 15–30 words drawn
//! from that topic's words, common CRM words and Chinese phrases, and one
//! reference number ("ref12345", a long tail of rare terms). Every
//! 50th note (`n % 50 == 49`) is a near-duplicate of note `n - 7` with its
//! last word changed.

use uuid::Uuid;

use super::index::{DocKey, TextDoc, TextKind};

const TOPICS: [&[&str]; 8] = [
    &[
        "invoice", "billing", "payment", "overdue", "refund", "charged", "receipt", "credit",
    ],
    &[
        "login", "password", "reset", "account", "locked", "access", "token", "security",
    ],
    &[
        "shipping",
        "delivery",
        "package",
        "courier",
        "tracking",
        "delayed",
        "warehouse",
        "address",
    ],
    &[
        "renewal", "contract", "pricing", "discount", "quote", "upgrade", "license", "seats",
    ],
    &[
        "crash", "error", "bug", "timeout", "slow", "export", "report", "sync",
    ],
    &[
        "meeting",
        "demo",
        "schedule",
        "agenda",
        "follow",
        "proposal",
        "presentation",
        "budget",
    ],
    &[
        "onboarding",
        "training",
        "setup",
        "integration",
        "import",
        "migration",
        "webinar",
        "guide",
    ],
    &[
        "complaint",
        "cancel",
        "unhappy",
        "escalate",
        "manager",
        "feedback",
        "survey",
        "quality",
    ],
];

const TOPICS_ZH: [&[&str]; 8] = [
    &["发票", "付款", "退款", "账单", "逾期"],
    &["登录", "密码", "重置", "账户", "锁定"],
    &["发货", "快递", "物流", "包裹", "延迟"],
    &["续约", "合同", "报价", "折扣", "升级"],
    &["崩溃", "错误", "超时", "导出", "报表"],
    &["会议", "演示", "日程", "方案", "预算"],
    &["培训", "安装", "集成", "导入", "迁移"],
    &["投诉", "取消", "不满", "经理", "反馈"],
];

const COMMON: &[&str] = &[
    "customer",
    "client",
    "team",
    "week",
    "today",
    "asked",
    "needs",
    "urgent",
    "update",
    "please",
    "thanks",
    "issue",
    "question",
    "project",
    "office",
    "phone",
    "email",
    "price",
    "product",
    "service",
    "order",
    "support",
    "regarding",
    "confirmed",
    "next",
    "monday",
    "friday",
    "sent",
    "received",
    "reviewed",
    "2024",
    "2025",
    "q3",
    "version",
];

const COMMON_ZH: &[&str] = &[
    "客户", "问题", "今天", "确认", "产品", "服务", "订单", "联系",
];

/// A deterministic random stream (splitmix64).
struct Stream(u64);

impl Stream {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }

    fn pick<'a>(&mut self, words: &[&'a str]) -> &'a str {
        words[self.below(words.len())]
    }
}

/// The topic (0..8) of synthetic note `n`.
pub fn synthetic_topic(n: u64) -> usize {
    Stream(n.wrapping_mul(31)).below(TOPICS.len())
}

/// Synthetic note `n` (see the module doc).
pub fn synthetic_note(n: u64) -> String {
    if n % 50 == 49 {
        let mut words: Vec<&str> = Vec::new();
        let base = synthetic_note(n - 7);
        words.extend(base.split(' '));
        words.pop();
        let mut s = Stream(n);
        words.push(s.pick(COMMON));
        return words.join(" ");
    }
    let topic = synthetic_topic(n);
    let mut s = Stream(n.wrapping_mul(0x2545_F491_4F6C_DD1D) ^ 0xABCD);
    let len = 15 + s.below(16);
    let mut words = Vec::with_capacity(len);
    for _ in 0..len {
        let roll = s.below(10);
        let w = match roll {
            0..=4 => s.pick(TOPICS[topic]),
            5..=7 => s.pick(COMMON),
            8 => s.pick(TOPICS_ZH[topic]),
            _ => s.pick(COMMON_ZH),
        };
        words.push(w);
    }
    // A reference number gives the vocabulary a long tail of rare terms.
    let reference = format!("ref{}", s.below(100_000));
    words.insert(s.below(len), &reference);
    words.join(" ")
}

/// Synthetic note `n` as a text of `kind` (its first four words the
/// title, the rest the body): id `n + 1`, one of 5,000 customers,
/// one text about every 7 hours from 2023-11-14.
pub fn synthetic_doc(n: u64, kind: TextKind) -> TextDoc {
    let text = synthetic_note(n);
    let words: Vec<&str> = text.split(' ').collect();
    let cut = words.len().min(4);
    TextDoc {
        key: DocKey {
            kind,
            id: Uuid::from_u128(n as u128 + 1),
        },
        customer: Uuid::from_u128((1u128 << 64) + (n % 5000) as u128),
        at: 1_700_000_000_000 + n as i64 * 7 * 3_600_000,
        title: words[..cut].join(" "),
        body: words[cut..].join(" "),
    }
}
