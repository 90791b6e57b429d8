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
        "{factor}:{field} 从 {from} 提高到 {to},即可升为{tier}",
    ),
    // scoring.end
];
