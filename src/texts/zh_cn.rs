//! 简体中文文本。键为 `namespace.code`;每个命名空间一段。

pub(super) static TEXTS: &[(&str, &str)] = &[
    // tier: value tier by score (MODEL §3.1)
    ("tier.vip", "VIP客户"),
    ("tier.important", "重要客户"),
    ("tier.ordinary", "普通客户"),
    ("tier.small", "小客户"),
    // score: scoring messages
    (
        "score.low_coverage",
        "数据覆盖率 {coverage} 低于模型要求的 {minimum};缺少:{missing}",
    ),
    ("score.no_inputs", "模型需要的数据一项都没有"),
    (
        "score.next_tier",
        "{factor}从 {from} 调整到 {to},即可升为{tier}",
    ),
    // rfm: batch RFM segments
    ("rfm.champions", "重要价值客户"),
    ("rfm.loyal", "忠诚客户"),
    ("rfm.potential_loyalists", "潜在忠诚客户"),
    ("rfm.new", "新客户"),
    ("rfm.promising", "有潜力客户"),
    ("rfm.need_attention", "需要关注"),
    ("rfm.about_to_sleep", "即将沉睡"),
    ("rfm.at_risk", "流失风险"),
    ("rfm.cant_lose", "不能失去"),
    ("rfm.hibernating", "沉睡客户"),
    // scoring.end
];
