use super::*;
use crate::row::{AccountRow, Value};

/// Facts from keys that are true (answer flags allowed).
pub(super) fn facts(keys: &[&str]) -> PipelineFacts {
    PipelineFacts::from_pairs(keys.iter().map(|k| (*k, true))).unwrap()
}

pub(super) fn with(base: &[&'static str], more: &[&'static str]) -> Vec<&'static str> {
    base.iter().chain(more).copied().collect()
}

pub(super) fn grade_of(keys: &[&str]) -> String {
    pipeline_grade(&facts(keys), &PipelineOptions::default())
        .unwrap()
        .label
        .code
}

pub(super) fn result(keys: &[&str]) -> PipelineGradeResult {
    pipeline_grade(&facts(keys), &PipelineOptions::default()).unwrap()
}

pub(super) const LEAD: &[&str] = &["lead_data"];
pub(super) const SCOPE: &[&str] = &["lead_data", "key_facts_known", "target_industry", "size_ok"];
pub(super) const DM: &[&str] = &[
    "decision_maker_feedback",
    "knows_our_offer",
    "considered_decision",
];

pub(super) fn positive() -> Vec<&'static str> {
    with(SCOPE, &["considering_switch"])
}
pub(super) fn intention() -> Vec<&'static str> {
    with(
        &positive(),
        &[
            "decision_maker_feedback",
            "considered_decision",
            "needs_understood_and_met",
            "judges_we_fit",
            "knows_our_price",
        ],
    )
}
pub(super) fn price() -> Vec<&'static str> {
    with(&intention(), &["deal_affordable", "price_acceptable"])
}
pub(super) fn push() -> Vec<&'static str> {
    with(&price(), &["verbal_commitment"])
}

pub(super) fn all(facts: &[&'static str]) -> Requirement {
    Requirement {
        mode: RequirementMode::All,
        facts: facts.to_vec(),
        groups: vec![],
    }
}
pub(super) fn any(facts: &[&'static str], groups: Vec<Requirement>) -> Requirement {
    Requirement {
        mode: RequirementMode::Any,
        facts: facts.to_vec(),
        groups,
    }
}

#[test]
fn every_row_of_the_table_is_reached_exactly_when_its_facts_hold() {
    let scope_dm = with(SCOPE, DM);
    // (true facts, grade)
    let cases: Vec<(Vec<&str>, &str)> = vec![
        (vec![], "none"),
        (LEAD.to_vec(), "A21"),
        // A08: all of three
        (SCOPE.to_vec(), "A08"),
        (with(LEAD, &["target_industry", "size_ok"]), "A21"),
        (with(LEAD, &["key_facts_known", "size_ok"]), "A21"),
        (with(LEAD, &["key_facts_known", "target_industry"]), "A21"),
        // A31: all of dm, knows, considered + refused
        (with(&scope_dm, &["answer_refused"]), "A31"),
        (
            with(
                SCOPE,
                &["knows_our_offer", "considered_decision", "answer_refused"],
            ),
            "A08",
        ),
        (
            with(
                SCOPE,
                &[
                    "decision_maker_feedback",
                    "considered_decision",
                    "answer_refused",
                ],
            ),
            "A08",
        ),
        (
            with(
                SCOPE,
                &[
                    "decision_maker_feedback",
                    "knows_our_offer",
                    "answer_refused",
                ],
            ),
            "A08",
        ),
        // A07: the same, neutral
        (with(&scope_dm, &["answer_neutral"]), "A07"),
        (
            with(
                SCOPE,
                &["knows_our_offer", "considered_decision", "answer_neutral"],
            ),
            "A08",
        ),
        // the three facts without an answer: still A08
        (scope_dm.clone(), "A08"),
        // A06: any of four
        (with(SCOPE, &["considering_switch"]), "A06"),
        (with(SCOPE, &["dissatisfied_with_supplier"]), "A06"),
        (with(SCOPE, &["talking_to_new_supplier"]), "A06"),
        (with(&scope_dm, &["asked_for_material"]), "A06"),
        (with(&scope_dm, &["booked_next_contact"]), "A06"),
        (with(&scope_dm, &["asked_about_us"]), "A06"),
        (
            with(
                SCOPE,
                &["knows_our_offer", "considered_decision", "asked_about_us"],
            ),
            "A08",
        ),
        (
            with(
                SCOPE,
                &[
                    "decision_maker_feedback",
                    "considered_decision",
                    "asked_for_material",
                ],
            ),
            "A08",
        ),
        (
            with(
                SCOPE,
                &[
                    "decision_maker_feedback",
                    "knows_our_offer",
                    "booked_next_contact",
                ],
            ),
            "A08",
        ),
        // A05: all of five
        (intention(), "A05"),
        (
            with(
                &positive(),
                &[
                    "decision_maker_feedback",
                    "needs_understood_and_met",
                    "judges_we_fit",
                    "knows_our_price",
                ],
            ),
            "A06",
        ),
        (
            with(
                &positive(),
                &[
                    "decision_maker_feedback",
                    "considered_decision",
                    "judges_we_fit",
                    "knows_our_price",
                ],
            ),
            "A06",
        ),
        (
            with(
                &positive(),
                &[
                    "decision_maker_feedback",
                    "considered_decision",
                    "needs_understood_and_met",
                    "knows_our_price",
                ],
            ),
            "A06",
        ),
        (
            with(
                &positive(),
                &[
                    "decision_maker_feedback",
                    "considered_decision",
                    "needs_understood_and_met",
                    "judges_we_fit",
                ],
            ),
            "A06",
        ),
        (
            with(
                &positive(),
                &[
                    "considered_decision",
                    "needs_understood_and_met",
                    "judges_we_fit",
                    "knows_our_price",
                ],
            ),
            "A06",
        ),
        // A04: all of two
        (price(), "A04"),
        (with(&intention(), &["deal_affordable"]), "A05"),
        (with(&intention(), &["price_acceptable"]), "A05"),
        // A03: any of three
        (with(&price(), &["verbal_commitment"]), "A03"),
        (with(&price(), &["acted_on_it"]), "A03"),
        (with(&price(), &["buys_within_2_months"]), "A03"),
        // A02: any of three — and proof of everything before
        (with(&push(), &["contract_signed"]), "A02"),
        (vec!["contract_signed"], "A02"),
        (vec!["purchased"], "A02"),
        (vec!["paid"], "A02"),
        // A01: all of three — and proof of everything before
        (
            with(
                &push(),
                &[
                    "contract_signed",
                    "used_up",
                    "fully_collected",
                    "no_open_promises",
                ],
            ),
            "A01",
        ),
        (
            vec!["used_up", "fully_collected", "no_open_promises"],
            "A01",
        ),
        (vec!["paid", "fully_collected", "no_open_promises"], "A02"),
        (vec!["paid", "used_up", "no_open_promises"], "A02"),
        (vec!["paid", "used_up", "fully_collected"], "A02"),
    ];
    for (keys, want) in cases {
        assert_eq!(grade_of(&keys), want, "{keys:?}");
    }
}

#[test]
fn the_chain_holds_later_stages_back() {
    let cases: Vec<(Vec<&str>, &str)> = vec![
        // A08 facts without lead data
        (
            vec!["key_facts_known", "target_industry", "size_ok"],
            "none",
        ),
        // A06's fourth form (the decision-maker's interest) without A08; its first three
        // signals stand alone (see a06_signals_stand_alone)
        (with(&with(LEAD, DM), &["asked_for_material"]), "A21"),
        // A05 facts without any A06 fact
        (
            with(
                SCOPE,
                &[
                    "decision_maker_feedback",
                    "considered_decision",
                    "needs_understood_and_met",
                    "judges_we_fit",
                    "knows_our_price",
                ],
            ),
            "A08",
        ),
        // A04 and A03 facts on top of A06 without A05
        (
            with(
                &positive(),
                &["deal_affordable", "price_acceptable", "verbal_commitment"],
            ),
            "A06",
        ),
        // A03 without A04
        (with(&intention(), &["acted_on_it"]), "A05"),
        // a refusal without A08
        (with(&with(LEAD, DM), &["answer_refused"]), "A21"),
    ];
    for (keys, want) in cases {
        assert_eq!(grade_of(&keys), want, "{keys:?}");
    }
}

#[test]
fn refusal_is_terminal_until_new_facts_arrive() {
    let refused = with(&with(SCOPE, DM), &["answer_refused"]);
    assert_eq!(grade_of(&refused), "A31");
    // later facts without A06: still A31, reported
    let later = with(
        &refused,
        &[
            "needs_understood_and_met",
            "judges_we_fit",
            "knows_our_price",
        ],
    );
    let r = result(&later);
    assert_eq!(r.label.code, "A31");
    assert_eq!(r.warnings[0].label.code, "inconsistent_facts");
    assert_eq!(r.warnings[0].stages, vec![Grade::A06]);
    // A06 facts are new facts: A06
    assert_eq!(
        grade_of(&with(&refused, &["dissatisfied_with_supplier"])),
        "A06"
    );
    assert_eq!(grade_of(&with(&refused, &["asked_for_material"])), "A06");
    // and a purchase proves everything
    assert_eq!(grade_of(&with(&refused, &["purchased"])), "A02");
    // neutral moves up to A06 the same way
    let neutral = with(&with(SCOPE, DM), &["answer_neutral"]);
    assert_eq!(grade_of(&neutral), "A07");
    assert_eq!(grade_of(&with(&neutral, &["booked_next_contact"])), "A06");
    assert_eq!(
        grade_of(&with(&neutral, &["talking_to_new_supplier"])),
        "A06"
    );
}

#[test]
fn missing_facts_for_the_next_grade() {
    // With the decision-maker's facts true, what is left of A06 is one flat "any of".
    let a06_any = any(
        &[
            "considering_switch",
            "dissatisfied_with_supplier",
            "talking_to_new_supplier",
            "asked_for_material",
            "booked_next_contact",
            "asked_about_us",
        ],
        vec![],
    );
    let scope_dm = with(SCOPE, DM);
    // (facts, next, missing)
    let cases: Vec<(Vec<&str>, Option<&str>, Option<Requirement>)> = vec![
        (vec![], Some("A21"), Some(all(&["lead_data"]))),
        (
            LEAD.to_vec(),
            Some("A08"),
            Some(all(&["key_facts_known", "target_industry", "size_ok"])),
        ),
        // only what is not yet true under "all of"
        (
            with(LEAD, &["target_industry"]),
            Some("A08"),
            Some(all(&["key_facts_known", "size_ok"])),
        ),
        // from A08: every alternative of A06, with the decision-maker group nested
        (
            SCOPE.to_vec(),
            Some("A06"),
            Some(any(
                &[
                    "considering_switch",
                    "dissatisfied_with_supplier",
                    "talking_to_new_supplier",
                ],
                vec![Requirement {
                    mode: RequirementMode::All,
                    facts: DM.to_vec(),
                    groups: vec![any(
                        &[
                            "asked_for_material",
                            "booked_next_contact",
                            "asked_about_us",
                        ],
                        vec![],
                    )],
                }],
            )),
        ),
        // the decision-maker facts already true: only the "any of" group is left
        (scope_dm.clone(), Some("A06"), Some(a06_any.clone())),
        (
            with(&scope_dm, &["answer_refused"]),
            Some("A06"),
            Some(a06_any.clone()),
        ),
        (
            positive(),
            Some("A05"),
            Some(all(&[
                "decision_maker_feedback",
                "considered_decision",
                "needs_understood_and_met",
                "judges_we_fit",
                "knows_our_price",
            ])),
        ),
        (
            with(&positive(), &["decision_maker_feedback", "judges_we_fit"]),
            Some("A05"),
            Some(all(&[
                "considered_decision",
                "needs_understood_and_met",
                "knows_our_price",
            ])),
        ),
        (
            with(&intention(), &["price_acceptable"]),
            Some("A04"),
            Some(all(&["deal_affordable"])),
        ),
        (
            price(),
            Some("A03"),
            Some(any(
                &["verbal_commitment", "acted_on_it", "buys_within_2_months"],
                vec![],
            )),
        ),
        (
            push(),
            Some("A02"),
            Some(any(&["contract_signed", "purchased", "paid"], vec![])),
        ),
        (
            vec!["paid", "used_up"],
            Some("A01"),
            Some(all(&["fully_collected", "no_open_promises"])),
        ),
        (
            vec!["used_up", "fully_collected", "no_open_promises"],
            None,
            None,
        ),
    ];
    for (keys, next, missing) in cases {
        let r = result(&keys);
        assert_eq!(r.next.map(|g| g.code()), next, "{keys:?}");
        assert_eq!(r.missing, missing, "{keys:?}");
    }
}

#[test]
fn met_lists_the_true_facts_on_the_way() {
    let r = result(&with(
        &with(SCOPE, DM),
        &["answer_neutral", "price_discussed"],
    ));
    assert_eq!(r.label.code, "A07");
    assert_eq!(
        r.met,
        vec![
            "lead_data",
            "key_facts_known",
            "target_industry",
            "size_ok",
            "decision_maker_feedback",
            "knows_our_offer",
            "considered_decision",
            "answer"
        ]
    );
    // A06 reached by one alternative: only the facts that are true; the answer of a
    // side branch is not on the way.
    let r = result(&with(
        &with(SCOPE, &["answer_neutral"]),
        &["talking_to_new_supplier"],
    ));
    assert_eq!(r.label.code, "A06");
    assert_eq!(r.met, with(SCOPE, &["talking_to_new_supplier"]));
    // later facts that do not count are not met
    let r = result(&with(&with(LEAD, DM), &["booked_next_contact"]));
    assert_eq!(r.met, vec!["lead_data"]);
    assert_eq!(result(&[]).met, Vec::<&str>::new());
}

#[test]
fn our_price_quoted_too_early_is_a_warning_not_progress() {
    // MODEL §3.6: price is quoted once needs are clear, just before closing (「永远不要先报
    // 价格」): `we_quoted_price` below A05 warns; `price_discussed` is its old name.
    let cases: Vec<(Vec<&str>, &str, bool)> = vec![
        (with(LEAD, &["we_quoted_price"]), "A21", true),
        (with(LEAD, &["price_discussed"]), "A21", true),
        (with(&positive(), &["we_quoted_price"]), "A06", true),
        (
            with(
                &with(&with(SCOPE, DM), &["answer_neutral"]),
                &["we_quoted_price"],
            ),
            "A07",
            true,
        ),
        (
            with(
                &with(&with(SCOPE, DM), &["answer_refused"]),
                &["price_discussed"],
            ),
            "A31",
            true,
        ),
        (with(&intention(), &["we_quoted_price"]), "A05", false),
        (with(&price(), &["price_discussed"]), "A04", false),
        (vec!["paid", "we_quoted_price"], "A02", false),
        (positive(), "A06", false),
        // the customer asking about price is an A06 signal, not our quote
        (with(&with(SCOPE, DM), &["asked_about_us"]), "A06", false),
    ];
    for (keys, grade, warned) in cases {
        let r = result(&keys);
        assert_eq!(r.label.code, grade, "{keys:?}");
        let codes: Vec<&str> = r.warnings.iter().map(|w| w.label.code.as_str()).collect();
        assert_eq!(codes.contains(&"price_too_early"), warned, "{keys:?}");
        assert!(!r.met.contains(&"we_quoted_price"));
        if warned {
            let w = r
                .warnings
                .iter()
                .find(|w| w.label.code == "price_too_early");
            assert_eq!(w.map(|w| w.facts.clone()), Some(vec!["we_quoted_price"]));
        }
    }
    // an old name only adds: FALSE under it does not clear the new key
    let f =
        PipelineFacts::from_pairs([("we_quoted_price", true), ("price_discussed", false)]).unwrap();
    assert!(f.has(Fact::WeQuotedPrice));
    let f = PipelineFacts::from_json(&serde_json::json!({"price_discussed": "TRUE"})).unwrap();
    assert!(f.has(Fact::WeQuotedPrice));
    let mut row = AccountRow::new();
    row.set_key("price_discussed", Value::Flag(true));
    assert!(PipelineFacts::from_row(&row)
        .unwrap()
        .has(Fact::WeQuotedPrice));
    assert_eq!(Fact::from_key("price_discussed"), Some(Fact::WeQuotedPrice));
    assert!(!FLAG_ORDER.contains(&"price_discussed"));
}

#[test]
fn a06_signals_stand_alone() {
    // MODEL §3.6 (edition 2): A06's first three signals, from the decision-maker, a user or
    // an adviser, are each enough on their own (「即可确认为A06级」); without A08's facts the
    // grade is A06 with the warning `scope_not_confirmed`.
    let scope = ["key_facts_known", "target_industry", "size_ok"];
    // (facts, grade, scope warning with these facts)
    #[allow(clippy::type_complexity)]
    let cases: Vec<(Vec<&str>, &str, Option<Vec<&str>>)> = vec![
        (
            with(LEAD, &["considering_switch"]),
            "A06",
            Some(scope.to_vec()),
        ),
        (
            with(LEAD, &["dissatisfied_with_supplier"]),
            "A06",
            Some(scope.to_vec()),
        ),
        (
            with(LEAD, &["talking_to_new_supplier"]),
            "A06",
            Some(scope.to_vec()),
        ),
        // the fax number unknown: only what is missing is named
        (
            with(LEAD, &["target_industry", "size_ok", "considering_switch"]),
            "A06",
            Some(vec!["key_facts_known"]),
        ),
        // without lead data too: talking to them is a lead
        (vec!["considering_switch"], "A06", Some(scope.to_vec())),
        // scope known: no warning
        (positive(), "A06", None),
        (with(SCOPE, &["talking_to_new_supplier"]), "A06", None),
        // scope known, lead data missing: A06, scope confirmed
        (
            vec![
                "key_facts_known",
                "target_industry",
                "size_ok",
                "considering_switch",
            ],
            "A06",
            None,
        ),
        // the fourth form still needs the chain
        (with(&with(LEAD, DM), &["asked_about_us"]), "A21", None),
        // a refusal without A08 does not count, the signal does
        (
            with(&with(LEAD, DM), &["answer_refused", "considering_switch"]),
            "A06",
            Some(scope.to_vec()),
        ),
    ];
    for (keys, grade, scope_warning) in cases {
        let r = result(&keys);
        assert_eq!(r.label.code, grade, "{keys:?}");
        let w = r
            .warnings
            .iter()
            .find(|w| w.label.code == "scope_not_confirmed");
        assert_eq!(w.map(|w| w.facts.clone()), scope_warning, "{keys:?}");
        if let Some(w) = w {
            assert_eq!(w.stages, vec![Grade::A08]);
            assert!(w.label.zh.contains("传真"), "{}", w.label.zh);
            assert!(w.label.en.contains("scope"), "{}", w.label.en);
        }
    }
    // A05 facts on a lone A06 do not count: the chain still needs A08, and says so
    let lone = with(LEAD, &["considering_switch"]);
    let r = result(&with(
        &lone,
        &[
            "decision_maker_feedback",
            "considered_decision",
            "needs_understood_and_met",
            "judges_we_fit",
            "knows_our_price",
        ],
    ));
    assert_eq!(r.label.code, "A06");
    let codes: Vec<&str> = r.warnings.iter().map(|w| w.label.code.as_str()).collect();
    assert_eq!(codes, vec!["scope_not_confirmed", "inconsistent_facts"]);
    assert_eq!(r.warnings[1].stages, vec![Grade::A08]);
    // and the next grade needs A08's facts first
    let r = result(&lone);
    assert_eq!(r.next, Some(Grade::A05));
    assert_eq!(
        r.missing,
        Some(all(&[
            "key_facts_known",
            "target_industry",
            "size_ok",
            "decision_maker_feedback",
            "considered_decision",
            "needs_understood_and_met",
            "judges_we_fit",
            "knows_our_price",
        ]))
    );
    assert_eq!(r.met, with(LEAD, &["considering_switch"]));
}

#[test]
fn the_refusal_reason_is_a_suggestion_not_a_condition() {
    // MODEL §3.6: A31 is best (「最好」) also with one real reason learned: a suggestion.
    let refused = with(&with(SCOPE, DM), &["answer_refused"]);
    let r = result(&refused);
    assert_eq!(r.label.code, "A31");
    let codes: Vec<&str> = r.suggestions.iter().map(|s| s.code.as_str()).collect();
    assert_eq!(codes, vec!["learn_refusal_reason"]);
    assert!(
        r.suggestions[0].zh.contains("最好"),
        "{}",
        r.suggestions[0].zh
    );
    assert!(r.warnings.is_empty());
    for keys in [
        LEAD.to_vec(),
        positive(),
        with(&with(SCOPE, DM), &["answer_neutral"]),
    ] {
        assert!(result(&keys).suggestions.is_empty(), "{keys:?}");
    }
    let json = serde_json::to_value(result(&refused)).unwrap();
    assert_eq!(json["suggestions"][0]["code"], "learn_refusal_reason");
    assert_eq!(
        serde_json::to_value(result(LEAD)).unwrap()["suggestions"],
        serde_json::json!([])
    );
}

#[test]
fn inconsistent_facts_are_reported_with_what_is_missing() {
    // a signed contract with no lead data: graded A02 (proof), reported
    let r = result(&["contract_signed"]);
    assert_eq!(r.label.code, "A02");
    let w = &r.warnings[0];
    assert_eq!(w.label.code, "inconsistent_facts");
    assert_eq!(w.facts, vec!["contract_signed"]);
    assert_eq!(
        w.stages,
        vec![
            Grade::A21,
            Grade::A08,
            Grade::A06,
            Grade::A05,
            Grade::A04,
            Grade::A03
        ]
    );
    assert!(w.label.zh.contains("A21"), "{}", w.label.zh);
    // A01 without the A02 facts names A02 too
    let r = result(&with(
        &push(),
        &["used_up", "fully_collected", "no_open_promises"],
    ));
    assert_eq!(r.label.code, "A01");
    assert_eq!(r.warnings[0].stages, vec![Grade::A02]);
    // a full record has none
    let full = with(
        &push(),
        &[
            "contract_signed",
            "used_up",
            "fully_collected",
            "no_open_promises",
        ],
    );
    assert!(result(&full).warnings.is_empty());
    // A05 facts on A21: A08 and A06 missing
    let r = result(&with(
        LEAD,
        &[
            "decision_maker_feedback",
            "considered_decision",
            "needs_understood_and_met",
            "judges_we_fit",
            "knows_our_price",
        ],
    ));
    assert_eq!(r.label.code, "A21");
    let w = &r.warnings[0];
    assert_eq!(w.stages, vec![Grade::A08, Grade::A06]);
    assert_eq!(
        w.facts,
        vec![
            "decision_maker_feedback",
            "considered_decision",
            "needs_understood_and_met",
            "judges_we_fit",
            "knows_our_price"
        ]
    );
    // a lone later fact whose stage does not hold is not reported
    assert!(result(&with(LEAD, &["deal_affordable"]))
        .warnings
        .is_empty());
    // a consistent record at every grade has no warning
    for keys in [
        LEAD.to_vec(),
        SCOPE.to_vec(),
        positive(),
        intention(),
        price(),
        push(),
    ] {
        assert!(result(&keys).warnings.is_empty(), "{keys:?}");
    }
}

#[test]
fn an_answer_that_does_not_make_its_grade_says_why() {
    let r = result(&with(SCOPE, &["decision_maker_feedback", "answer_refused"]));
    assert_eq!(r.label.code, "A08");
    let w = &r.warnings[0];
    assert_eq!(w.label.code, "answer_incomplete");
    assert_eq!(w.stages, vec![Grade::A31]);
    assert_eq!(w.facts, vec!["knows_our_offer", "considered_decision"]);
    // positive with no A06 fact
    let r = result(&with(&with(SCOPE, DM), &["answer_positive"]));
    assert_eq!(r.label.code, "A08");
    assert_eq!(r.warnings[0].label.code, "answer_incomplete");
    assert_eq!(r.warnings[0].stages, vec![Grade::A06]);
    assert_eq!(
        r.warnings[0].facts,
        vec![
            "considering_switch",
            "dissatisfied_with_supplier",
            "talking_to_new_supplier",
            "asked_for_material",
            "booked_next_contact",
            "asked_about_us"
        ]
    );
    // positive and A06 reached: nothing to say
    assert!(result(&with(&positive(), &["answer_positive"]))
        .warnings
        .is_empty());
}

#[test]
fn probabilities_default_and_edited() {
    let want = [
        ("none", 0.0),
        ("A21", 0.01),
        ("A08", 0.05),
        ("A31", 0.0),
        ("A07", 0.10),
        ("A06", 0.20),
        ("A05", 0.40),
        ("A04", 0.60),
        ("A03", 0.80),
        ("A02", 1.0),
        ("A01", 1.0),
    ];
    for (code, p) in want {
        let grade = Grade::parse(code).unwrap();
        assert_eq!(grade.default_probability(), p, "{code}");
    }
    assert_eq!(result(&intention()).probability, 0.4);
    let options: PipelineOptions =
        serde_json::from_str(r#"{"probabilities":{"A05":0.5}}"#).unwrap();
    let r = pipeline_grade(&facts(&intention()), &options).unwrap();
    assert_eq!(r.probability, 0.5);
    assert_eq!(options.probabilities.a04, 0.6, "others keep their default");
    assert!(serde_json::from_str::<PipelineOptions>(r#"{"probabilities":{"A09":0.5}}"#).is_err());
    let bad: PipelineOptions = serde_json::from_str(r#"{"probabilities":{"A03":1.5}}"#).unwrap();
    assert_eq!(
        pipeline_grade(&facts(&[]), &bad),
        Err(PipelineError::ProbabilityOutOfRange {
            grade: "A03",
            value: 1.5
        })
    );
}

#[test]
fn grades_names_codes_and_json() {
    let names: Vec<(&str, String)> = Grade::ALL
        .iter()
        .map(|g| (g.code(), g.label().zh))
        .collect();
    assert_eq!(names[1], ("A21", "资料级".to_string()));
    assert_eq!(names[3], ("A31", "明确拒绝".to_string()));
    assert_eq!(names[6], ("A05", "意向级".to_string()));
    assert_eq!(names[10], ("A01", "结案级".to_string()));
    assert_eq!(Grade::parse("意向级"), Some(Grade::A05));
    assert_eq!(Grade::parse("ａ05"), Some(Grade::A05));
    assert_eq!(Grade::parse("none"), Some(Grade::Ungraded));
    assert_eq!(Grade::parse("A99"), None);

    let r = result(&with(LEAD, &["we_quoted_price"]));
    let json = serde_json::to_value(&r).unwrap();
    assert_eq!(json["code"], "A21");
    assert_eq!(json["zh"], "资料级");
    assert_eq!(json["probability"], 0.01);
    assert_eq!(json["met"], serde_json::json!(["lead_data"]));
    assert_eq!(json["next"], "A08");
    assert_eq!(json["missing"]["mode"], "all");
    assert_eq!(json["warnings"][0]["code"], "price_too_early");
    assert_eq!(json["warnings"][0]["stages"], serde_json::json!(["A05"]));
    assert!(json.get("grade").is_none());
    let r = result(&[]);
    assert_eq!(serde_json::to_value(&r).unwrap()["code"], "none");
}

#[test]
fn next_step_in_words() {
    let r = result(SCOPE);
    assert!(r.next_step.zh.contains("A06"), "{}", r.next_step.zh);
    assert!(
        r.next_step.zh.contains("考虑更换供应商"),
        "{}",
        r.next_step.zh
    );
    assert!(r.next_step.en.contains("any of"), "{}", r.next_step.en);
    let refused = result(&with(&with(SCOPE, DM), &["answer_refused"]));
    assert_eq!(refused.next_step.code, "refused");
    let closed = result(&["used_up", "fully_collected", "no_open_promises"]);
    assert_eq!(closed.next_step.code, "closed");
    // a single missing fact reads as itself
    let r = result(&with(LEAD, &["key_facts_known", "target_industry"]));
    assert!(r.next_step.en.contains("size above"), "{}", r.next_step.en);
    assert!(!r.next_step.en.contains("all of"), "{}", r.next_step.en);
}
