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
        "{factor}: {field} from {from} to {to} reaches {tier}",
    ),
    // scoring.end
];
