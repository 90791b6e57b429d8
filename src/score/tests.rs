//! Scoring tests. Golden values are worked out by hand from MODEL §2.1 (key_account
//! transforms and weights), not by calling the code under test.

use super::*;
use crate::model::presets::preset;
use crate::model::Model;
use crate::row::Cell;
use crate::score::batch::score_rows;
use crate::score::columns::{score_columns, Column, Columns, ColumnsError};
use proptest::prelude::*;

fn row(pairs: &[(&str, Cell)]) -> AccountRow {
    AccountRow::from_pairs(pairs.iter().map(|(k, v)| (*k, v.clone())), None)
}

fn golden_row() -> AccountRow {
    row(&[
        ("name", "甲公司".into()),
        ("annual_purchase", 1e6.into()),
        ("gross_margin", 0.2.into()),
        ("credit_rating", "A".into()),
        ("growth_rate", 0.05.into()),
        ("potential_purchase", 1e7.into()),
        ("order_count", 12.0.into()),
        ("relationship_years", 2.5.into()),
        ("satisfaction", 4.0.into()),
        ("complaints", 0.0.into()),
    ])
}

#[test]
fn key_account_golden_row() {
    // order 50, profit 50, credit 90, prospects (50+75)/2, frequency ln12/ln52, loyalty
    // (50+75)/2, complaints 100; weights 25/20/15/15/10/10/5 of 100.
    let frequency = 100.0 * 12f64.log10() / 52f64.log10();
    let expected = (25.0 * 50.0
        + 20.0 * 50.0
        + 15.0 * 90.0
        + 15.0 * 62.5
        + 10.0 * frequency
        + 10.0 * 62.5
        + 5.0 * 100.0)
        / 100.0;
    let card = score_row(preset("key_account").unwrap(), &golden_row());
    let score = card.score.unwrap();
    assert!((score - expected).abs() < 1e-9, "{score} vs {expected}");
    assert!((score - 62.9139).abs() < 1e-3);
    assert_eq!(card.coverage, 1.0);
    assert_eq!(card.tier.as_ref().unwrap().code, "important");
    assert_eq!(card.tier.as_ref().unwrap().zh, "重要客户");
    let sum: f64 = card.factors.iter().map(|f| f.points).sum();
    assert!((sum - score).abs() < 1e-12);
    let order = &card.factors[0];
    assert_eq!(order.key, "order_amount");
    assert_eq!(order.input, Some(InputValue::Number(1e6)));
    assert_eq!(order.sub_score, Some(50.0));
    assert!((order.points - 12.5).abs() < 1e-12);
    assert!(!order.missing);
    let prospects = &card.factors[3];
    assert_eq!(prospects.inputs.len(), 2);
    assert_eq!(prospects.sub_score, Some(62.5));
    assert!(card.next_tier.is_some());
}

#[test]
fn missing_factors_renormalise_and_coverage_gates() {
    let m = preset("key_account").unwrap();
    // 25 + 20 of 100 present: coverage 45 % is below the preset's 50 %.
    let partial = row(&[
        ("annual_purchase", 1e6.into()),
        ("gross_margin", 0.2.into()),
    ]);
    let card = score_row(m, &partial);
    assert_eq!(card.score, None);
    assert!((card.coverage - 0.45).abs() < 1e-12);
    let reason = card.reason.unwrap();
    assert_eq!(reason.code, "low_coverage");
    assert!(
        reason.zh.contains("信用状况") && reason.zh.contains("45%"),
        "{}",
        reason.zh
    );
    assert!(
        reason.en.contains("Credit standing") && reason.en.contains("50%"),
        "{}",
        reason.en
    );
    assert!(card.tier.is_none() && card.next_tier.is_none());
    // Add credit: 60 % present, the score is the weighted mean of the three.
    let more = row(&[
        ("annual_purchase", 1e6.into()),
        ("gross_margin", 0.2.into()),
        ("credit_rating", "B".into()),
    ]);
    let card = score_row(m, &more);
    let expected = (25.0 * 50.0 + 20.0 * 50.0 + 15.0 * 70.0) / 60.0;
    assert!((card.score.unwrap() - expected).abs() < 1e-9);
    assert!(card
        .factors
        .iter()
        .filter(|f| f.missing)
        .all(|f| f.points == 0.0));
    let none = score_row(m, &row(&[("name", "空".into())]));
    assert_eq!(none.reason.unwrap().code, "no_inputs");
}

#[test]
fn fallback_inputs_stand_in_for_a_missing_primary() {
    let m = preset("key_account").unwrap();
    // No credit rating: overdue 15 % → 50, 105 days to pay → 50.
    let r = row(&[
        ("annual_purchase", 1e6.into()),
        ("overdue_ratio", 0.15.into()),
        ("avg_payment_days", 105.0.into()),
        ("gross_margin", 0.2.into()),
    ]);
    let card = score_row(m, &r);
    let credit = &card.factors[2];
    assert_eq!(credit.key, "credit");
    assert!((credit.sub_score.unwrap() - 50.0).abs() < 1e-9);
    assert!(credit.inputs.iter().all(|i| i.fallback));
    // With a rating the fallback is not used.
    let mut rated = r.clone();
    rated.set_key("credit_rating", crate::row::Value::Text("A".into()));
    assert_eq!(score_row(m, &rated).factors[2].sub_score, Some(90.0));
}

#[test]
fn a_category_outside_the_map_is_reported_not_zeroed() {
    let m = preset("key_account").unwrap();
    let card = score_row(
        m,
        &row(&[
            ("annual_purchase", 1e6.into()),
            ("gross_margin", 0.2.into()),
            ("credit_rating", "Z".into()),
            ("order_count", 5.0.into()),
        ]),
    );
    let credit = &card.factors[2];
    assert!(credit.missing);
    assert!(credit.inputs[0].problem.as_ref().unwrap().contains("\"Z\""));
}

#[test]
fn every_preset_scores_a_full_row() {
    let rating_row = |v: f64, prefix: &str| {
        let keys: Vec<&str> = crate::field::FIELDS
            .iter()
            .map(|f| f.key)
            .filter(|k| k.starts_with(prefix))
            .collect();
        row(&keys
            .iter()
            .map(|k| (*k, Cell::Number(v)))
            .collect::<Vec<_>>())
    };
    for (name, prefix) in [("attractiveness", "attr_"), ("bank", "bank_")] {
        let m = preset(name).unwrap();
        assert_eq!(
            score_row(m, &rating_row(5.0, prefix)).score,
            Some(100.0),
            "{name}"
        );
        assert_eq!(
            score_row(m, &rating_row(1.0, prefix)).score,
            Some(0.0),
            "{name}"
        );
        assert_eq!(
            score_row(m, &rating_row(3.0, prefix)).score,
            Some(50.0),
            "{name}"
        );
    }
    // RFM per row: 20 days → 100, 5 orders → 50, ¥30万 → 50.
    let rfm = score_row(
        preset("rfm").unwrap(),
        &row(&[
            ("last_order_days", 20.0.into()),
            ("order_count", 5.0.into()),
            ("annual_purchase", 3e5.into()),
        ]),
    );
    assert!((rfm.score.unwrap() - 200.0 / 3.0).abs() < 1e-9);
    // Pyramid: transactional group only ⇒ coverage 40 %, which meets its minimum.
    let pyramid = score_row(
        preset("value_pyramid").unwrap(),
        &row(&[
            ("annual_purchase", 1e6.into()),
            ("order_count", 52.0.into()),
        ]),
    );
    assert!((pyramid.coverage - 0.4).abs() < 1e-12);
    assert!((pyramid.score.unwrap() - 75.0).abs() < 1e-9);
}

#[test]
fn tier_boundaries_follow_the_model() {
    let json = r#"{"name":"one","factors":[{"key":"x","weight":1,"inputs":[{"field":"order_count","transform":{"type":"linear","min":0,"max":100}}]}]}"#;
    let m = Model::from_json(json).unwrap();
    for (count, tier) in [
        (80.0, "important"),
        (80.5, "vip"),
        (60.0, "ordinary"),
        (40.0, "small"),
        (40.5, "ordinary"),
    ] {
        let card = score_row(&m, &row(&[("order_count", count.into())]));
        assert_eq!(card.tier.unwrap().code, tier, "{count}");
    }
}

#[test]
fn next_tier_moves_reach_the_tier_in_the_fields_units() {
    let m = preset("key_account").unwrap();
    let r = row(&[
        ("annual_purchase", 2e5.into()),
        ("gross_margin", 0.25.into()),
        ("credit_rating", "B".into()),
        ("avg_payment_days", 75.0.into()),
        ("order_count", 20.0.into()),
    ]);
    let card = score_row(m, &r);
    let next = card.next_tier.clone().unwrap();
    assert!(!next.moves.is_empty());
    let best = &next.moves[0];
    for mv in &next.moves {
        // Apply the move for real and check the tier is reached.
        let mut changed = r.clone();
        let value = match &mv.to {
            InputValue::Number(v) => crate::row::Value::Number(*v),
            InputValue::Text(t) => crate::row::Value::Text(t.clone()),
        };
        changed.set_key(mv.field, value);
        let after = score_row(m, &changed);
        assert!(
            after.tier_value() >= Some(card.tier_value().unwrap().next().unwrap()),
            "{mv:?}"
        );
        assert!(
            mv.sub_score_to - mv.sub_score_from >= best.sub_score_to - best.sub_score_from - 1e-12
        );
    }
    let amount = next
        .moves
        .iter()
        .find(|m| m.field == "annual_purchase")
        .unwrap();
    let InputValue::Number(to) = amount.to else {
        panic!()
    };
    assert!(to > 2e5);
    assert_eq!(card.tier.as_ref().unwrap().code, "ordinary");
    assert_eq!(next.tier.code, "important");
    // Rounded to three significant digits.
    assert_eq!(to, (to / 1e3).round() * 1e3);
    assert!(amount.text.zh.contains("¥20万"), "{}", amount.text.zh);
    assert!(amount.text.en.contains("¥200k"), "{}", amount.text.en);
}

#[test]
fn top_tier_has_no_next_tier() {
    let m = preset("attractiveness").unwrap();
    let keys: Vec<(&str, Cell)> = crate::field::FIELDS
        .iter()
        .filter(|f| f.key.starts_with("attr_"))
        .map(|f| (f.key, Cell::Number(5.0)))
        .collect();
    assert!(score_row(m, &row(&keys)).next_tier.is_none());
}

#[test]
fn percentile_models_rank_within_the_list() {
    let json = r#"{"name":"pct","factors":[{"key":"x","weight":1,"inputs":[{"field":"annual_purchase","transform":{"type":"percentile"}}]}]}"#;
    let m = Model::from_json(json).unwrap();
    let rows: Vec<AccountRow> = [10.0, 30.0, 20.0]
        .iter()
        .map(|v| row(&[("annual_purchase", (*v).into())]))
        .collect();
    let scores: Vec<Option<f64>> = score_rows(&m, &rows).iter().map(|c| c.score).collect();
    assert_eq!(scores, vec![Some(0.0), Some(100.0), Some(50.0)]);
    // Alone, a percentile input needs the list.
    let alone = score_row(&m, &rows[0]);
    assert_eq!(alone.score, None);
    assert!(alone.factors[0].inputs[0].problem.is_some());
    let table = Columns::new(vec![(
        "annual_purchase".into(),
        Column::Numbers(vec![10.0, 30.0, 20.0]),
    )])
    .unwrap();
    assert_eq!(score_columns(&m, &table).0, vec![0.0, 100.0, 50.0]);
}

#[test]
fn recency_from_a_date() {
    let m = preset("rfm").unwrap();
    let mut r = row(&[
        ("last_order_date", "2026-01-01".into()),
        ("order_count", 5.0.into()),
        ("annual_purchase", 3e5.into()),
    ]);
    r.derive_recency(crate::parse::days_from_civil(2026, 1, 21).unwrap());
    assert_eq!(r.number("last_order_days"), Some(20.0));
    assert!((score_row(m, &r).score.unwrap() - 200.0 / 3.0).abs() < 1e-9);
}

#[test]
fn coded_columns_give_the_bits_of_text_columns() {
    let m = preset("key_account").unwrap();
    let credit = [
        Some("A"),
        None,
        Some("c"),
        Some("Ａ"),
        Some("nope"),
        Some(" aa "),
    ];
    let amounts = [1e6, 5e4, f64::NAN, 3.3e7, 2e5, 7e6];
    let texts = Columns::new(vec![
        ("annual_purchase".into(), Column::Numbers(amounts.to_vec())),
        (
            "credit_rating".into(),
            Column::Texts(credit.iter().map(|c| c.map(String::from)).collect()),
        ),
    ])
    .unwrap();
    // The same texts as a dictionary, in another order, with a value no row uses.
    let values: Vec<Option<String>> = [
        None,
        Some(" aa "),
        Some("zzz"),
        Some("nope"),
        Some("Ａ"),
        Some("c"),
        Some("A"),
    ]
    .iter()
    .map(|v| v.map(String::from))
    .collect();
    let codes = vec![6, 0, 5, 4, 3, 1];
    let coded = Columns::new(vec![
        ("annual_purchase".into(), Column::Numbers(amounts.to_vec())),
        (
            "credit_rating".into(),
            Column::Codes {
                codes,
                values: values.clone(),
            },
        ),
    ])
    .unwrap();
    let (a, ta) = score_columns(m, &texts);
    let (b, tb) = score_columns(m, &coded);
    let bits = |v: &[f64]| v.iter().map(|x| x.to_bits()).collect::<Vec<_>>();
    assert_eq!(bits(&a), bits(&b));
    assert_eq!(ta, tb);
    for (i, c) in credit.iter().enumerate() {
        let mut pairs: Vec<(&str, Cell)> = Vec::new();
        if !amounts[i].is_nan() {
            pairs.push(("annual_purchase", amounts[i].into()));
        }
        if let Some(c) = c {
            pairs.push(("credit_rating", (*c).into()));
        }
        let card = score_row(m, &row(&pairs));
        assert_eq!(
            card.score.unwrap_or(f64::NAN).to_bits(),
            a[i].to_bits(),
            "row {i}"
        );
    }
    let bad = Columns::new(vec![(
        "credit_rating".into(),
        Column::Codes {
            codes: vec![0, 7],
            values,
        },
    )]);
    assert!(matches!(
        bad,
        Err(ColumnsError::CodeOutOfRange {
            row: 1,
            code: 7,
            ..
        })
    ));
}

#[test]
fn columns_give_the_same_bits_as_rows() {
    let m = preset("key_account").unwrap();
    let amounts = [1e6, 5e4, f64::NAN, 3.3e7];
    let margins = [0.2, 0.05, 0.3, f64::NAN];
    let credit = [Some("A"), None, Some("C"), Some("AA")];
    let orders = [12.0, 1.0, 7.0, 40.0];
    let table = Columns::new(vec![
        ("annual_purchase".into(), Column::Numbers(amounts.to_vec())),
        ("gross_margin".into(), Column::Numbers(margins.to_vec())),
        (
            "credit_rating".into(),
            Column::Texts(credit.iter().map(|c| c.map(String::from)).collect()),
        ),
        ("order_count".into(), Column::Numbers(orders.to_vec())),
    ])
    .unwrap();
    let (scores, tiers) = score_columns(m, &table);
    for i in 0..4 {
        let mut pairs: Vec<(&str, Cell)> = vec![("order_count", orders[i].into())];
        if !amounts[i].is_nan() {
            pairs.push(("annual_purchase", amounts[i].into()));
        }
        if !margins[i].is_nan() {
            pairs.push(("gross_margin", margins[i].into()));
        }
        if let Some(c) = credit[i] {
            pairs.push(("credit_rating", c.into()));
        }
        let card = score_row(m, &row(&pairs));
        assert_eq!(
            card.score.unwrap_or(f64::NAN).to_bits(),
            scores[i].to_bits(),
            "row {i}"
        );
        assert_eq!(card.tier_value().map_or(0, |t| t.number()), tiers[i]);
    }
    assert!(Columns::new(vec![("nope".into(), Column::Numbers(vec![]))]).is_err());
    assert!(Columns::new(vec![
        ("order_count".into(), Column::Numbers(vec![1.0])),
        ("gross_margin".into(), Column::Numbers(vec![]))
    ])
    .is_err());
}

fn arb_row() -> impl Strategy<Value = Vec<Option<f64>>> {
    prop::collection::vec(prop::option::of(-1e9f64..1e10), 9)
}

const NUMERIC_FIELDS: [&str; 9] = [
    "annual_purchase",
    "gross_margin",
    "overdue_ratio",
    "avg_payment_days",
    "growth_rate",
    "potential_purchase",
    "order_count",
    "relationship_years",
    "complaints",
];

fn build(values: &[Option<f64>]) -> AccountRow {
    let mut r = AccountRow::new();
    for (key, v) in NUMERIC_FIELDS.iter().zip(values) {
        if let Some(v) = v {
            r.set_key(key, crate::row::Value::Number(*v));
        }
    }
    r
}

proptest! {
    #[test]
    fn score_stays_within_0_100_and_points_add_up(values in arb_row()) {
        let card = score_row(preset("key_account").unwrap(), &build(&values));
        if let Some(s) = card.score {
            prop_assert!((0.0..=100.0).contains(&s));
            let sum: f64 = card.factors.iter().map(|f| f.points).sum();
            prop_assert!((sum - s).abs() < 1e-9);
        }
        prop_assert!((0.0..=1.0).contains(&card.coverage));
    }

    #[test]
    fn more_purchase_never_lowers_the_score(values in arb_row(), extra in 0.0f64..1e9) {
        let m = preset("key_account").unwrap();
        let base = build(&values);
        let Some(amount) = values[0] else { return Ok(()) };
        let mut more = base.clone();
        more.set_key("annual_purchase", crate::row::Value::Number(amount + extra));
        if let (Some(a), Some(b)) = (score_row(m, &base).score, score_row(m, &more).score) {
            prop_assert!(b >= a - 1e-12, "{a} -> {b}");
        }
    }

    #[test]
    fn fewer_days_to_pay_never_lowers_the_score(values in arb_row(), less in 0.0f64..200.0) {
        let m = preset("key_account").unwrap();
        let base = build(&values);
        let Some(days) = values[3] else { return Ok(()) };
        let mut better = base.clone();
        better.set_key("avg_payment_days", crate::row::Value::Number(days - less));
        if let (Some(a), Some(b)) = (score_row(m, &base).score, score_row(m, &better).score) {
            prop_assert!(b >= a - 1e-12, "{a} -> {b}");
        }
    }

    #[test]
    fn scaling_every_weight_changes_nothing(values in arb_row(), k in 0.01f64..1000.0) {
        let m = preset("key_account").unwrap();
        let mut doc = m.model.clone();
        for f in &mut doc.factors {
            f.weight *= k;
        }
        let scaled = doc.compile().unwrap();
        let r = build(&values);
        let (a, b) = (score_row(m, &r), score_row(&scaled, &r));
        prop_assert_eq!(a.score.is_some(), b.score.is_some());
        if let (Some(a), Some(b)) = (a.score, b.score) {
            prop_assert!((a - b).abs() < 1e-9);
        }
    }

    #[test]
    fn a_missing_factor_renormalises_the_rest(values in arb_row()) {
        // Dropping complaints leaves the others' weighted mean over the weights present.
        let m = preset("key_account").unwrap();
        let mut v = values.clone();
        v[8] = None;
        let card = score_row(m, &build(&v));
        if let Some(s) = card.score {
            let present: Vec<_> = card.factors.iter().filter(|f| !f.missing).collect();
            let w: f64 = present.iter().map(|f| f.weight).sum();
            let mean: f64 = present.iter().map(|f| f.weight * f.sub_score.unwrap_or(0.0)).sum::<f64>() / w;
            prop_assert!((s - mean).abs() < 1e-9);
            prop_assert!(card.factors[6].missing);
        }
    }
}
