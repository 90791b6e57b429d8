//! English texts. Keys are `namespace.code`; keep one block per namespace.

pub(super) static TEXTS: &[(&str, &str)] = &[
    // tier: value tier by score (MODEL §3.1)
    ("tier.vip", "VIP"),
    ("tier.important", "Important"),
    ("tier.ordinary", "Ordinary"),
    ("tier.small", "Small"),
    // score: scoring messages
    (
        "score.low_coverage",
        "Coverage {coverage} is below the model's minimum {minimum}; missing: {missing}",
    ),
    ("score.no_inputs", "None of the model's inputs is present"),
    (
        "score.next_tier",
        "{factor} from {from} to {to} lifts the account to {tier}",
    ),
    // rfm: batch RFM segments
    ("rfm.champions", "Champions"),
    ("rfm.loyal", "Loyal"),
    ("rfm.potential_loyalists", "Potential loyalists"),
    ("rfm.new", "New"),
    ("rfm.promising", "Promising"),
    ("rfm.need_attention", "Need attention"),
    ("rfm.about_to_sleep", "About to sleep"),
    ("rfm.at_risk", "At risk"),
    ("rfm.cant_lose", "Can't lose"),
    ("rfm.hibernating", "Hibernating"),
    // scoring.end
];
