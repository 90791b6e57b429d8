//! Tests of the whole suggestion (MODEL §5).

use super::*;
use crate::grades::attractiveness::Letter;
use crate::grades::tier::Tier;
use crate::row::Cell;
use crate::strategy::lang_check::{is_en, is_zh};
use crate::strategy::level::LevelOptions;
use crate::strategy::level::RelationshipLevel as Lvl;

fn row(pairs: &[(&str, &str)]) -> AccountRow {
    let r = AccountRow::from_pairs(pairs.iter().map(|(k, v)| (*k, Cell::from(*v))), None);
    assert!(r.errors.is_empty(), "{:?}", r.errors);
    r
}

fn opts() -> SuggestOptions {
    SuggestOptions::default()
}

/// An account of ABC class B in its list.
fn class_b() -> SuggestOptions {
    SuggestOptions {
        abc: Some("B".into()),
        ..opts()
    }
}

fn suggest(r: &AccountRow, o: &SuggestOptions) -> Suggestion {
    suggest_strategy(r, o).unwrap()
}

fn codes(items: &[Item]) -> Vec<&str> {
    items.iter().map(Item::code).collect()
}

fn kinds(items: &[Item]) -> Vec<ItemKind> {
    items.iter().map(|i| i.kind).collect()
}

/// A fully covered, healthy B2 account: no warnings, only growth actions.
fn healthy_b2() -> Vec<(&'static str, &'static str)> {
    vec![
        ("name", "华东精密"),
        ("attractiveness", "B"),
        ("relationship_status", "目前关系良好"),
        ("relationship_level", "2"),
        ("contact_decision_maker", "王总"),
        ("contact_user", "李工"),
        ("contact_gatekeeper", "张工"),
        ("contact_coach", "赵经理"),
        ("owner", "陈晨"),
        ("satisfaction", "4"),
        ("last_order_days", "20"),
    ]
}

#[test]
fn a_healthy_account_gets_the_matrix_strategy_level_moves_and_cadence() {
    let s = suggest(&row(&healthy_b2()), &class_b());
    assert_eq!(s.cell.as_deref(), Some("B2"));
    assert_eq!(s.targets, vec!["A2"]);
    assert!(s.warnings.is_empty(), "{:?}", s.warnings);
    assert!(s.gaps.is_empty());
    assert_eq!(
        kinds(&s.actions),
        [ItemKind::Matrix, ItemKind::Level, ItemKind::Cadence]
    );
    assert_eq!(s.actions[0].code(), "deliver_differentiate_reach");
    assert_eq!(s.actions[0].details[0].code, "move_to");
    assert!(s.actions[0].details[0].en.contains("A2"));
    let level = s.relationship_level.unwrap();
    assert_eq!((level.level, level.source), (2, LevelSource::Field));
    assert_eq!(level.build_tie.code, "structural");
    assert_eq!(s.actions[1].code(), "grow");
    assert!(
        s.actions[1].label.en.contains("partner"),
        "{}",
        s.actions[1].label.en
    );
    assert!(s.actions[1].label.zh.contains("合作伙伴"));
    let cadence = s.cadence.unwrap();
    assert_eq!(cadence.class, Letter::B, "§4.3: by the ABC class");
    assert_eq!(cadence.grade, "B");
    assert_eq!(cadence.contacts_per_year, 4);
    assert_eq!(cadence.owner_name.as_deref(), Some("陈晨"));
}

#[test]
fn the_matrix_cell_from_a_score_and_overrides() {
    let mut pairs = healthy_b2();
    pairs[1] = ("attractiveness", "30");
    pairs[2] = ("relationship_status", "5");
    let s = suggest(&row(&pairs), &opts());
    assert_eq!(s.cell.as_deref(), Some("C5"));
    let matrix = &s.actions[0];
    assert_eq!(matrix.code(), "minimum_investment");
    assert!(matrix.details.iter().any(|d| d.code == "default_note"));
    let o: SuggestOptions = serde_json::from_str(
        r#"{"matrix": {"overrides": {"C5": {"strategy": "my_own", "en": "Hand over to a distributor", "zh": "转交经销商维护", "targets": []}}}}"#,
    )
    .unwrap();
    let s = suggest(&row(&pairs), &o);
    assert_eq!(s.actions[0].code(), "my_own");
    assert_eq!(s.actions[0].label.zh, "转交经销商维护");
    assert!(s.targets.is_empty());
    assert!(s.actions[0].details.is_empty());
}

#[test]
fn missing_attractiveness_or_status_is_said_and_asked_for() {
    let s = suggest(&row(&[("name", "X")]), &opts());
    assert_eq!(s.cell, None);
    assert!(s.targets.is_empty());
    let w = codes(&s.warnings);
    assert!(
        w.contains(&"no_attractiveness") && w.contains(&"no_status"),
        "{w:?}"
    );
    assert!(w.contains(&"no_grade"), "{w:?}");
    // Nothing known about the buying centre either: four gaps, then the data to fill in.
    assert_eq!(
        codes(&s.actions),
        [
            "no_decision_maker",
            "no_user",
            "no_gatekeeper",
            "no_coach",
            "record_attractiveness",
            "record_status",
            "assess"
        ]
    );
    assert!(s.actions[4..].iter().all(|a| a.kind == ItemKind::Data));
    // Only the status missing.
    let s = suggest(&row(&[("attractiveness", "A")]), &opts());
    assert_eq!(s.cell, None);
    assert!(codes(&s.actions).contains(&"record_status"));
    assert!(!codes(&s.actions).contains(&"record_attractiveness"));
}

#[test]
fn unreadable_attractiveness_and_status_are_warned() {
    let s = suggest(
        &row(&[("attractiveness", "D"), ("relationship_status", "很好")]),
        &opts(),
    );
    let bad: Vec<&Item> = s
        .warnings
        .iter()
        .filter(|w| w.code().starts_with("bad_"))
        .collect();
    assert_eq!(bad.len(), 2);
    assert!(bad[0].label.en.contains("\"D\"") && is_zh(&bad[0].label.zh));
    assert!(bad[1].label.zh.contains("很好") && bad[1].label.zh.starts_with("关系状态"));
    assert!(bad[1].label.en.starts_with("Relationship status \"很好\""));
    assert!(codes(&s.actions).contains(&"record_attractiveness"));
}

#[test]
fn churn_comes_first_with_its_retention_moves() {
    let mut pairs = healthy_b2();
    pairs.push(("usual_interval_days", "30"));
    pairs.retain(|(k, _)| *k != "last_order_days");
    pairs.push(("last_order_days", "150"));
    let o = SuggestOptions {
        tier: Some("important".into()),
        ..opts()
    };
    let s = suggest(&row(&pairs), &o);
    assert_eq!(s.warnings[0].kind, ItemKind::Churn);
    assert_eq!(s.warnings[0].code(), "at_risk");
    assert_eq!(
        codes(&s.actions[..3]),
        ["deep_channel", "service_quality", "customer_benefit"]
    );
    // §4.6: an important account stands in for class A, whose target is very satisfied.
    assert_eq!(s.actions[3].code(), "raise_to_target");
    assert_eq!(s.actions[4].kind, ItemKind::Matrix);
    // An ordinary account with the same silence is not warned.
    let o = SuggestOptions {
        score: Some(50.0),
        ..opts()
    };
    let s = suggest(&row(&pairs), &o);
    assert!(s.warnings.iter().all(|w| w.kind != ItemKind::Churn));
}

#[test]
fn churn_from_a_date_and_the_as_of_day() {
    let d = crate::parse::days_from_civil(2026, 1, 1).unwrap();
    let r = row(&[("attractiveness", "A"), ("last_order_date", "2026-01-01")]);
    let o = SuggestOptions {
        tier: Some("vip".into()),
        as_of: Some(d + 120),
        ..opts()
    };
    let s = suggest(&r, &o);
    assert_eq!(s.warnings[0].code(), "at_risk");
    assert!(s.warnings[0].label.en.contains("120 days"));
    // No as-of day: recency is not checked, and the user is told.
    let s = suggest(&r, &SuggestOptions { as_of: None, ..o });
    assert!(codes(&s.warnings).contains(&"no_as_of"));
    assert!(!codes(&s.warnings).contains(&"at_risk"));
}

#[test]
fn p_alive_replaces_recency_in_the_suggestion() {
    let r = row(&[("attractiveness", "A"), ("last_order_days", "5")]);
    let o = SuggestOptions {
        tier: Some("vip".into()),
        p_alive: Some(0.2),
        ..opts()
    };
    let s = suggest(&r, &o);
    assert_eq!(s.warnings[0].code(), "p_alive_low");
    assert_eq!(s.actions[0].code(), "deep_channel");
}

#[test]
fn dissatisfaction_on_a_key_account_comes_after_churn_and_before_the_rest() {
    let mut pairs = healthy_b2();
    pairs.retain(|(k, _)| *k != "satisfaction" && *k != "last_order_days");
    pairs.push(("satisfaction", "极不满意"));
    pairs.push(("last_order_days", "400"));
    let o = SuggestOptions {
        tier: Some("重要客户".into()),
        ..opts()
    };
    let s = suggest(&row(&pairs), &o);
    assert_eq!(
        kinds(&s.warnings),
        [ItemKind::Churn, ItemKind::Satisfaction]
    );
    assert!(s.warnings[1].label.zh.contains("极不满意"));
    assert_eq!(
        codes(&s.actions[..5]),
        [
            "deep_channel",
            "service_quality",
            "customer_benefit",
            "retain_escalate",
            "retain_listen"
        ]
    );
    // A C account of a small tier that is unhappy gets no retention action.
    let r = row(&[("attractiveness", "C"), ("satisfaction", "1")]);
    let s = suggest(
        &r,
        &SuggestOptions {
            tier: Some("small".into()),
            ..opts()
        },
    );
    assert!(s.actions.iter().all(|a| a.kind != ItemKind::Satisfaction));
}

#[test]
fn pipeline_next_step_comes_after_retention_and_before_the_matrix() {
    let mut pairs = healthy_b2();
    pairs.extend([
        ("lead_data", "TRUE"),
        ("key_facts_known", "TRUE"),
        ("target_industry", "TRUE"),
        ("size_ok", "是"),
        ("price_discussed", "TRUE"),
        ("satisfaction", "2"),
    ]);
    pairs.retain(|(k, v)| !(*k == "satisfaction" && *v == "4"));
    let s = suggest(&row(&pairs), &class_b());
    assert_eq!(
        kinds(&s.actions[..3]),
        [ItemKind::Satisfaction, ItemKind::Pipeline, ItemKind::Matrix]
    );
    let step = &s.actions[1];
    assert_eq!(step.code(), "reach");
    assert_eq!(step.details[0].code, "A08", "the grade reached");
    assert!(step.label.en.contains("A06"), "{}", step.label.en);
    assert!(is_zh(&step.label.zh) && is_en(&step.label.en));
    let price = s
        .warnings
        .iter()
        .find(|w| w.code() == "price_too_early")
        .unwrap();
    assert_eq!(price.kind, ItemKind::Pipeline);
    assert!(is_zh(&price.label.zh) && is_en(&price.label.en));
}

#[test]
fn rows_without_pipeline_facts_get_no_pipeline_step() {
    let s = suggest(&row(&healthy_b2()), &opts());
    assert!(s.actions.iter().all(|a| a.kind != ItemKind::Pipeline));
    assert!(s.warnings.iter().all(|a| a.kind != ItemKind::Pipeline));
    // A recorded FALSE is a recorded fact: the step to the first grade is given.
    let mut pairs = healthy_b2();
    pairs.push(("lead_data", "FALSE"));
    let s = suggest(&row(&pairs), &opts());
    assert!(s.actions.iter().any(|a| a.kind == ItemKind::Pipeline));
}

#[test]
fn unreadable_pipeline_facts_are_a_warning_not_an_error() {
    let mut pairs = healthy_b2();
    pairs.push(("answer", "再说吧再说吧"));
    let s = suggest(&row(&pairs), &opts());
    let w = s
        .warnings
        .iter()
        .find(|w| w.code() == "unreadable")
        .unwrap();
    assert!(w.label.zh.contains("再说吧再说吧") && is_zh(&w.label.zh));
    assert!(s.actions.iter().all(|a| a.kind != ItemKind::Pipeline));
}

#[test]
fn buyer_step_gives_the_sellers_work_and_the_conversation_rules() {
    let mut pairs = healthy_b2();
    pairs.push(("buyer_step", "选择产品"));
    let s = suggest(&row(&pairs), &opts());
    let step = &s.actions[0];
    assert_eq!(step.kind, ItemKind::BuyerStep);
    assert_eq!(step.code(), "recommend_and_prove");
    assert!(step.label.zh.contains("选择产品") && is_zh(&step.label.zh));
    assert!(step.label.en.contains("Choosing a product") && is_en(&step.label.en));
    assert_eq!(step.details.len(), 4);
    let mut pairs = healthy_b2();
    pairs.push(("buyer_step", "9"));
    let s = suggest(&row(&pairs), &opts());
    assert!(codes(&s.warnings).contains(&"bad_value"));
    assert!(s.actions.iter().all(|a| a.kind != ItemKind::BuyerStep));
}

#[test]
fn each_missing_role_is_a_gap_and_an_action() {
    for (field, gap) in [
        ("contact_decision_maker", "no_decision_maker"),
        ("contact_user", "no_user"),
        ("contact_gatekeeper", "no_gatekeeper"),
        ("contact_coach", "no_coach"),
    ] {
        let mut pairs = healthy_b2();
        pairs.retain(|(k, _)| *k != field);
        let s = suggest(&row(&pairs), &opts());
        assert_eq!(codes(&s.gaps), [gap]);
        let in_actions: Vec<&Item> = s
            .actions
            .iter()
            .filter(|a| a.kind == ItemKind::Gap)
            .collect();
        assert_eq!(in_actions.len(), 1);
        assert_eq!(in_actions[0].code(), gap);
        // After the matrix, before the level moves.
        let pos = |k| s.actions.iter().position(|a| a.kind == k);
        assert!(pos(ItemKind::Matrix) < pos(ItemKind::Gap));
        assert!(pos(ItemKind::Gap) < pos(ItemKind::Level));
    }
}

#[test]
fn a_let_go_cell_keeps_its_gaps_but_gets_no_growth_actions() {
    let mut pairs = healthy_b2();
    pairs[2] = ("relationship_status", "6");
    pairs.retain(|(k, _)| *k != "contact_coach");
    let s = suggest(&row(&pairs), &class_b());
    assert_eq!(s.cell.as_deref(), Some("B6"));
    assert_eq!(codes(&s.gaps), ["no_coach"]);
    assert_eq!(kinds(&s.actions), [ItemKind::Matrix, ItemKind::Cadence]);
    assert_eq!(s.actions[0].code(), "let_lapse");
    assert!(
        s.relationship_level.is_some(),
        "the level is still reported"
    );
}

#[test]
fn level_from_ticked_signs_wins_over_the_field() {
    let signs: Vec<String> = Lvl::Partner.signs().iter().map(|s| s.to_string()).collect();
    let o = SuggestOptions {
        level_signs: Some(signs),
        ..opts()
    };
    let s = suggest(&row(&healthy_b2()), &o);
    let level = s.relationship_level.unwrap();
    assert_eq!((level.level, level.source), (3, LevelSource::Signs));
    assert_eq!(level.label.code, "partner");
    assert!(level.moves.iter().any(|m| m.code == "explore_alliance"));
    // Unknown codes only: warned, and the field is used.
    let o = SuggestOptions {
        level_signs: Some(vec!["made_up".into()]),
        ..opts()
    };
    let s = suggest(&row(&healthy_b2()), &o);
    assert_eq!(s.relationship_level.unwrap().source, LevelSource::Field);
    assert!(codes(&s.warnings).contains(&"unknown_signs"));
    assert!(s.warnings[0].label.en.contains("made_up"));
}

#[test]
fn a_bad_or_missing_level_asks_for_the_signs() {
    let mut pairs = healthy_b2();
    pairs[3] = ("relationship_level", "7");
    let s = suggest(&row(&pairs), &opts());
    assert!(s.relationship_level.is_none());
    assert!(codes(&s.warnings).contains(&"bad_value"));
    assert_eq!(s.actions.last().map(Item::code), Some("assess"));
    // At the top level the action keeps the alliance.
    let mut pairs = healthy_b2();
    pairs[3] = ("relationship_level", "4");
    let s = suggest(&row(&pairs), &opts());
    assert!(codes(&s.actions).contains(&"keep_top"));
    assert!(s.relationship_level.unwrap().next_level.is_none());
}

#[test]
fn cadence_by_tier_first_and_an_owner_for_a_accounts() {
    let mut pairs = healthy_b2();
    pairs.retain(|(k, _)| *k != "owner");
    let o = SuggestOptions {
        score: Some(85.0),
        ..opts()
    };
    let s = suggest(&row(&pairs), &o);
    let c = s.cadence.as_ref().unwrap();
    assert_eq!((c.grade.as_str(), c.class), ("vip", Letter::A));
    assert_eq!(c.contacts_per_year, 12);
    assert_eq!(c.label_code(), "key_visits");
    let cadence_actions: Vec<&str> = s
        .actions
        .iter()
        .filter(|a| a.kind == ItemKind::Cadence)
        .map(Item::code)
        .collect();
    assert_eq!(cadence_actions, ["key_visits", "assign_owner"]);
    let first = s
        .actions
        .iter()
        .find(|a| a.kind == ItemKind::Cadence)
        .unwrap();
    assert!(
        first.label.zh.starts_with("至少每月一次："),
        "{}",
        first.label.zh
    );
    assert!(
        first.label.en.starts_with("At least once a month: "),
        "{}",
        first.label.en
    );
    assert_eq!(first.details.len(), 5, "channel, owner, three services");
    // With a named owner the second action goes.
    let s = suggest(&row(&healthy_b2()), &o);
    assert!(!codes(&s.actions).contains(&"assign_owner"));
}

impl CadenceSummary {
    fn label_code(&self) -> &str {
        &self.plan.code
    }
}

#[test]
fn lang_sets_the_flat_text_in_that_language() {
    let pairs = {
        let mut p = healthy_b2();
        p.retain(|(k, _)| *k != "contact_coach");
        p
    };
    let r = row(&pairs);
    let none = suggest(&r, &opts());
    assert!(none.actions.iter().all(|a| a.label.text.is_none()));
    let json = serde_json::to_value(&none).unwrap();
    assert!(json["actions"][0].get("text").is_none());

    let en = suggest(
        &r,
        &SuggestOptions {
            lang: Some("en".into()),
            ..class_b()
        },
    );
    let zh = suggest(
        &r,
        &SuggestOptions {
            lang: Some("zh-CN".into()),
            ..class_b()
        },
    );
    for (e, z) in en.actions.iter().zip(&zh.actions) {
        let (et, zt) = (
            e.label.text.as_deref().unwrap(),
            z.label.text.as_deref().unwrap(),
        );
        assert!(is_en(et) && et == e.label.en, "{et}");
        assert!(is_zh(zt) && zt == z.label.zh, "{zt}");
        for (ed, zd) in e.details.iter().zip(&z.details) {
            assert!(is_en(ed.text.as_deref().unwrap()));
            assert!(is_zh(zd.text.as_deref().unwrap()));
        }
    }
    assert!(is_en(en.gaps[0].label.text.as_deref().unwrap()));
    assert!(is_zh(zh.gaps[0].label.text.as_deref().unwrap()));
    let level = zh.relationship_level.unwrap();
    assert_eq!(level.label.text.as_deref(), Some("优先供应商"));
    assert_eq!(
        en.cadence.unwrap().frequency.text.as_deref(),
        Some("Once a quarter")
    );
}

#[test]
fn serialises_to_the_contract() {
    let mut pairs = healthy_b2();
    pairs.retain(|(k, _)| *k != "contact_coach");
    let s = suggest(
        &row(&pairs),
        &SuggestOptions {
            lang: Some("en".into()),
            ..class_b()
        },
    );
    let v = serde_json::to_value(&s).unwrap();
    for key in [
        "cell",
        "cellEstimated",
        "attractiveness",
        "status",
        "lifecycle",
        "targets",
        "relationshipLevel",
        "cadence",
        "gaps",
        "warnings",
        "actions",
    ] {
        assert!(v.get(key).is_some(), "{key}");
    }
    for list in ["gaps", "actions"] {
        for item in v[list].as_array().unwrap() {
            for key in ["code", "zh", "en", "text", "kind", "priority"] {
                assert!(item.get(key).is_some(), "{list} item without {key}: {item}");
            }
        }
    }
    assert_eq!(v["relationshipLevel"]["code"], "preferred");
    assert_eq!(v["relationshipLevel"]["buildTie"]["code"], "structural");
    assert_eq!(v["cadence"]["code"], "planned_visits");
    assert_eq!(v["cadence"]["contactsPerYear"], 4);
    assert_eq!(v["cadence"]["channel"]["code"], "in_person");
    assert_eq!(v["cadence"]["owner"]["code"], "account_manager");
    assert_eq!(v["actions"][0]["priority"], ItemKind::Matrix.priority());
    assert_eq!(v["attractiveness"]["letter"], "B");
    assert_eq!(v["attractiveness"]["estimated"], false);
    assert_eq!(v["status"]["value"], 2);
    assert_eq!(v["status"]["code"], "good");
    assert_eq!(v["status"]["estimated"], false);
    assert_eq!(v["status"]["evidence"][0]["code"], "status_given");
    assert_eq!(v["cellEstimated"], false);
}

#[test]
fn options_read_from_camel_case_json_and_bad_options_are_errors() {
    let o: SuggestOptions = serde_json::from_str(
        r#"{"lang": "en", "asOf": 20000, "pAlive": 0.3, "score": 72,
            "levelSigns": ["partner_joint_planning"],
            "churn": {"minDays": 60}, "cadence": {"bPerYear": 6},
            "level": {"threshold": 0.6}}"#,
    )
    .unwrap();
    assert_eq!(o.as_of, Some(20000));
    assert_eq!(o.tier().unwrap(), Some(Tier::Important));
    assert_eq!(o.churn.min_days, 60.0);
    assert!(serde_json::from_str::<SuggestOptions>(r#"{"asof": 1}"#).is_err());
    let r = row(&healthy_b2());
    let bad = [
        SuggestOptions {
            tier: Some("gold".into()),
            ..opts()
        },
        SuggestOptions {
            p_alive: Some(1.2),
            ..opts()
        },
        SuggestOptions {
            score: Some(f64::INFINITY),
            ..opts()
        },
        SuggestOptions {
            level: LevelOptions { threshold: 0.0 },
            ..opts()
        },
        serde_json::from_str(r#"{"matrix": {"overrides": {"C9": {"targets": []}}}}"#).unwrap(),
    ];
    for o in bad {
        assert!(suggest_strategy(&r, &o).is_err(), "{o:?}");
    }
}

#[test]
fn same_input_same_output() {
    let mut pairs = healthy_b2();
    pairs.retain(|(k, _)| *k != "contact_user");
    pairs.push(("buyer_step", "2"));
    let r = row(&pairs);
    let o = SuggestOptions {
        lang: Some("zh".into()),
        tier: Some("vip".into()),
        level_signs: Some(vec![
            "zzz".into(),
            "aaa".into(),
            "preferred_inside_info".into(),
        ]),
        ..opts()
    };
    let first = serde_json::to_string(&suggest(&r, &o)).unwrap();
    for _ in 0..5 {
        assert_eq!(serde_json::to_string(&suggest(&r, &o)).unwrap(), first);
    }
}

#[test]
fn a_valid_row_never_gets_an_empty_suggestion_and_actions_stay_ordered() {
    let letters = [None, Some("A"), Some("B"), Some("C"), Some("55"), Some("X")];
    let statuses = [None, Some("1"), Some("4"), Some("5"), Some("6"), Some("?")];
    let tiers = [None, Some("vip"), Some("important"), Some("small")];
    let extras: [&[(&str, &str)]; 4] = [
        &[],
        &[("satisfaction", "1"), ("last_order_days", "365")],
        &[("contact_coach", "小陈"), ("relationship_level", "1")],
        &[("buyer_step", "after_purchase"), ("owner", "A")],
    ];
    let mut checked = 0;
    for letter in letters {
        for status in statuses {
            for tier in tiers {
                for extra in extras {
                    let mut pairs: Vec<(&str, &str)> = vec![("name", "客户")];
                    pairs.extend(letter.map(|l| ("attractiveness", l)));
                    pairs.extend(status.map(|s| ("relationship_status", s)));
                    pairs.extend(extra.iter().copied());
                    let o = SuggestOptions {
                        tier: tier.map(str::to_string),
                        ..opts()
                    };
                    let s = suggest(&row(&pairs), &o);
                    assert!(!s.actions.is_empty(), "{pairs:?} {tier:?}");
                    assert!(s.actions.windows(2).all(|w| w[0].priority <= w[1].priority));
                    assert!(s
                        .warnings
                        .windows(2)
                        .all(|w| w[0].priority <= w[1].priority));
                    assert_eq!(
                        s.cell.is_some(),
                        s.attractiveness.is_some() && s.status.is_some()
                    );
                    // Nothing given and nothing to estimate from: said.
                    let said = |code| s.warnings.iter().any(|w| w.code() == code);
                    if s.attractiveness.is_none() {
                        assert!(said("no_attractiveness") || said("bad_attractiveness"));
                    }
                    if s.status.is_none() {
                        assert!(said("no_status") || said("bad_status"));
                    }
                    for item in s.actions.iter().chain(&s.warnings).chain(&s.gaps) {
                        assert!(is_zh(&item.label.zh), "{item:?}");
                        assert!(is_en(&item.label.en), "{item:?}");
                    }
                    checked += 1;
                }
            }
        }
    }
    assert_eq!(checked, 6 * 6 * 4 * 4);
}
