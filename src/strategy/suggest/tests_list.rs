//! Tests of the suggestion on lists without judgement columns (MODEL §4.3–§4.9, edition 2).

use super::*;
use crate::row::Cell;
use crate::strategy::lang_check::{is_en, is_zh};
use crate::strategy::list::ListContext;

fn row(pairs: &[(&str, &str)]) -> AccountRow {
    let r = AccountRow::from_pairs(pairs.iter().map(|(k, v)| (*k, Cell::from(*v))), None);
    assert!(r.errors.is_empty(), "{:?}", r.errors);
    r
}

fn suggest(r: &AccountRow, o: &SuggestOptions) -> Suggestion {
    suggest_strategy(r, o).unwrap()
}

fn codes(items: &[Item]) -> Vec<&str> {
    items.iter().map(Item::code).collect()
}

/// A customer of five years, buying monthly, with most of their wallet: figures only.
fn figures() -> Vec<(&'static str, &'static str)> {
    vec![
        ("name", "华东精密"),
        ("annual_purchase", "¥800万"),
        ("gross_margin", "30%"),
        ("growth_rate", "5%"),
        ("share_of_wallet", "60%"),
        ("order_count", "24"),
        ("relationship_years", "5"),
        ("last_order_days", "12"),
        ("complaints", "0"),
    ]
}

#[test]
fn a_row_with_figures_only_gets_an_estimated_cell() {
    let s = suggest(&row(&figures()), &SuggestOptions::default());
    // ¥8M on the 1万…1亿 log scale = 72.6; margin 30 % of 40 % = 75; growth +5 % = 50; 40 % of
    // the wallet left = 40: mean 59.4 → B. Five years, 24 orders, 60 % share → status 1.
    assert_eq!(s.cell.as_deref(), Some("B1"));
    assert!(s.cell_estimated);
    let a = s.attractiveness.as_ref().unwrap();
    assert!(a.estimated && a.basis.len() == 4);
    let st = s.status.as_ref().unwrap();
    assert!(st.estimated);
    let ev: Vec<&str> = st.evidence.iter().map(|e| e.code.as_str()).collect();
    assert_eq!(ev, ["long", "frequent", "high_share"]);
    assert!(s.warnings.iter().all(|w| w.code() != "no_attractiveness"));
    // The matrix action says the cell is estimated, and from what.
    let m = s
        .actions
        .iter()
        .find(|a| a.kind == ItemKind::Matrix)
        .unwrap();
    let details: Vec<&str> = m.details.iter().map(|d| d.code.as_str()).collect();
    assert!(details.contains(&"attractiveness_estimated"), "{details:?}");
    assert!(details.contains(&"status_estimated"), "{details:?}");
    let note = m
        .details
        .iter()
        .find(|d| d.code == "status_estimated")
        .unwrap();
    assert!(note.zh.contains("合作 5 年"), "{}", note.zh);
    assert!(is_zh(&note.zh) && is_en(&note.en));
    // And a lifecycle stage with its work.
    let l = s.lifecycle.as_ref().unwrap();
    assert_eq!(l.label.code, "stability");
    assert!(codes(&s.actions).contains(&"stability"));
}

#[test]
fn a_given_rating_and_status_win_over_the_estimates() {
    let mut pairs = figures();
    pairs.push(("attractiveness", "C"));
    pairs.push(("relationship_status", "5"));
    let s = suggest(&row(&pairs), &SuggestOptions::default());
    assert_eq!(s.cell.as_deref(), Some("C5"));
    assert!(!s.cell_estimated);
    let a = s.attractiveness.unwrap();
    assert!(!a.estimated && a.basis.is_empty());
    let st = s.status.unwrap();
    assert!(!st.estimated);
    assert_eq!(st.evidence[0].code, "status_given");
    // Only one of them given: the cell is still marked estimated.
    let mut pairs = figures();
    pairs.push(("relationship_status", "2"));
    let s = suggest(&row(&pairs), &SuggestOptions::default());
    assert_eq!(s.cell.as_deref(), Some("B2"));
    assert!(s.cell_estimated);
    assert!(!s.status.unwrap().estimated);
}

#[test]
fn an_unreadable_given_value_is_warned_and_the_estimate_stands_in() {
    let mut pairs = figures();
    pairs.push(("attractiveness", "很高吧"));
    pairs.push(("relationship_status", "还行"));
    let s = suggest(&row(&pairs), &SuggestOptions::default());
    let w = codes(&s.warnings);
    assert!(
        w.contains(&"bad_attractiveness") && w.contains(&"bad_status"),
        "{w:?}"
    );
    assert_eq!(s.cell.as_deref(), Some("B1"));
    assert!(s.cell_estimated);
}

#[test]
fn ratings_scored_by_the_preset_win_over_figures() {
    let mut pairs = figures();
    for k in [
        "attr_potential",
        "attr_mutual",
        "attr_differentiation",
        "attr_value_price",
        "attr_preference",
    ] {
        pairs.push((k, "1"));
    }
    let s = suggest(&row(&pairs), &SuggestOptions::default());
    let a = s.attractiveness.unwrap();
    assert_eq!(a.letter, crate::grades::attractiveness::Letter::C);
    assert!(!a.estimated);
}

#[test]
fn a_list_without_contact_or_level_columns_says_it_once_not_on_every_row() {
    let r = row(&figures());
    let own = suggest(&r, &SuggestOptions::default());
    assert_eq!(own.gaps.len(), 4, "a row on its own: each role is a gap");
    assert!(codes(&own.actions).contains(&"assess"));
    let o = SuggestOptions {
        list_has_contacts: Some(false),
        list_has_levels: Some(false),
        ..Default::default()
    };
    let s = suggest(&r, &o);
    assert!(s.gaps.is_empty());
    assert!(s.actions.iter().all(|a| a.kind != ItemKind::Gap));
    assert!(!codes(&s.actions).contains(&"assess"));
    assert!(!s.actions.is_empty());
}

#[test]
fn coach_first_early_in_a_deal_decision_maker_later() {
    // A prospect at A08 (below A05): the coach first.
    let r = row(&[
        ("attractiveness", "A"),
        ("relationship_status", "4"),
        ("lead_data", "TRUE"),
        ("key_facts_known", "TRUE"),
        ("target_industry", "TRUE"),
        ("size_ok", "TRUE"),
    ]);
    let s = suggest(&r, &SuggestOptions::default());
    assert_eq!(codes(&s.gaps)[0], "no_coach");
    let gaps: Vec<&str> = s
        .actions
        .iter()
        .filter(|a| a.kind == ItemKind::Gap)
        .map(Item::code)
        .collect();
    assert_eq!(gaps[0], "no_coach");
    // Without pipeline facts and nothing bought: early too.
    let r = row(&[
        ("attractiveness", "A"),
        ("order_count", "0"),
        ("annual_purchase", "0"),
    ]);
    assert_eq!(
        codes(&suggest(&r, &SuggestOptions::default()).gaps)[0],
        "no_coach"
    );
    // An existing customer: top management first.
    let r = row(&figures());
    assert_eq!(
        codes(&suggest(&r, &SuggestOptions::default()).gaps)[0],
        "no_decision_maker"
    );
}

#[test]
fn cadence_and_satisfaction_follow_the_abc_class_not_the_letter() {
    let mut pairs = figures();
    pairs.push(("attractiveness", "A"));
    pairs.push(("satisfaction", "4"));
    // Class C although attractiveness A and tier VIP: the class wins.
    let o = SuggestOptions {
        abc: Some("C".into()),
        tier: Some("vip".into()),
        ..Default::default()
    };
    let s = suggest(&row(&pairs), &o);
    let c = s.cadence.as_ref().unwrap();
    assert_eq!((c.grade.as_str(), c.contacts_per_year), ("C", 2));
    assert!(s.actions.iter().all(|a| a.kind != ItemKind::Satisfaction));
    // Class A: 一般满意 is below the target 高度满意.
    let o = SuggestOptions {
        abc: Some("A".into()),
        ..Default::default()
    };
    let s = suggest(&row(&pairs), &o);
    assert_eq!(s.cadence.as_ref().unwrap().contacts_per_year, 12);
    let w = s
        .warnings
        .iter()
        .find(|w| w.kind == ItemKind::Satisfaction)
        .unwrap();
    assert!(w.label.zh.contains("A类客户"), "{}", w.label.zh);
    assert_eq!(codes(&s.actions)[0], "raise_to_target");
    // No class, no tier: no cadence, whatever the letter.
    let s = suggest(&row(&pairs), &SuggestOptions::default());
    assert!(s.cadence.is_none());
    assert!(codes(&s.warnings).contains(&"no_grade"));
}

#[test]
fn churn_for_class_a_top_contribution_and_complaints() {
    let mut pairs = figures();
    pairs.retain(|(k, _)| *k != "last_order_days" && *k != "complaints");
    pairs.push(("last_order_days", "200"));
    pairs.push(("complaints", "0"));
    let r = row(&pairs);
    // Not valuable on its own.
    let s = suggest(&r, &SuggestOptions::default());
    assert!(s.warnings.iter().all(|w| w.kind != ItemKind::Churn));
    // ABC class A.
    let o = SuggestOptions {
        abc: Some("A".into()),
        ..Default::default()
    };
    let s = suggest(&r, &o);
    assert_eq!(codes(&s.warnings)[0], "at_risk");
    assert_eq!(codes(&s.actions)[0], "deep_channel");
    // Decline is the stage, but its retention is not said twice.
    assert_eq!(s.lifecycle.as_ref().unwrap().label.code, "decline");
    assert!(!codes(&s.actions).contains(&"decline"));
    // Top 20 % of the list's profit contribution.
    let list: crate::strategy::estimate::ListDistributions =
        serde_json::from_str(r#"{"contribution": [1, 2, 3, 4, 5, 6, 7, 8, 9, 2400000]}"#).unwrap();
    let o = SuggestOptions {
        list: Some(list),
        ..Default::default()
    };
    assert_eq!(codes(&suggest(&r, &o).warnings)[0], "at_risk");
    // Complaints on a valuable account that still buys.
    let mut pairs = figures();
    pairs.retain(|(k, _)| *k != "complaints");
    pairs.push(("complaints", "4"));
    let o = SuggestOptions {
        abc: Some("A".into()),
        ..Default::default()
    };
    let s = suggest(&row(&pairs), &o);
    assert_eq!(codes(&s.warnings)[0], "many_complaints");
    assert_eq!(s.status.unwrap().value, 5, "defensive");
}

#[test]
fn the_list_context_gives_percentiles_abc_classes_and_notices() {
    let rows: Vec<AccountRow> = (1..=20)
        .map(|i| {
            let purchase = format!("{}", i * 100_000);
            let years = format!("{}", i % 6);
            row(&[
                ("name", "客户"),
                ("annual_purchase", &purchase),
                ("relationship_years", &years),
            ])
        })
        .collect();
    let ctx = ListContext::from_rows(&rows);
    let notices: Vec<String> = ctx.notices().into_iter().map(|l| l.code).collect();
    assert!(
        notices.contains(&"no_contact_roles".to_string()),
        "{notices:?}"
    );
    let o = SuggestOptions::default();
    let top = ctx.suggest(&rows, 19, &o).unwrap().unwrap();
    assert_eq!(top.attractiveness.as_ref().unwrap().letter.code(), "A");
    assert_eq!(
        top.cadence.as_ref().unwrap().grade,
        "A",
        "ABC class A in the list"
    );
    assert!(top.gaps.is_empty(), "the list has no contact columns");
    let bottom = ctx.suggest(&rows, 0, &o).unwrap().unwrap();
    assert_eq!(bottom.attractiveness.as_ref().unwrap().letter.code(), "C");
    assert_eq!(bottom.cadence.as_ref().unwrap().grade, "C");
    assert!(ctx.suggest(&rows, 99, &o).unwrap().is_none());
    // What the options say explicitly wins.
    let o = SuggestOptions {
        abc: Some("B".into()),
        ..Default::default()
    };
    let s = ctx.suggest(&rows, 0, &o).unwrap().unwrap();
    assert_eq!(s.cadence.unwrap().grade, "B");
}
