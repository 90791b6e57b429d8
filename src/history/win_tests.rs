//! Tests of the learned win probability on generated deals whose outcome depends on known
//! fields (a seeded generator): the fields are ranked as generated, the holdout AUC is the
//! generating model's within 0.02, the mean probability the observed rate within 0.02.

use super::*;
use crate::row::Cell;

/// A deterministic generator (splitmix64).
struct Rng(u64);
impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    fn uniform(&mut self) -> f64 {
        (self.next() >> 11) as f64 / (1u64 << 53) as f64
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
}

const INDUSTRIES: [(&str, f64); 4] = [("制造", 0.8), ("医药", 0.3), ("零售", 0.0), ("物流", -0.5)];
const REGIONS: [&str; 5] = ["华东", "华南", "华北", "西南", "东北"];
/// The stages a generated deal reaches, with the facts that give each and its effect.
const STAGES: [(&str, &[&str], f64); 5] = [
    ("A21", &["lead_data"], -1.5),
    (
        "A08",
        &["key_facts_known", "target_industry", "size_ok"],
        -0.8,
    ),
    (
        "A06",
        &[
            "decision_maker_feedback",
            "knows_our_offer",
            "considered_decision",
            "considering_switch",
        ],
        0.0,
    ),
    (
        "A05",
        &[
            "needs_understood_and_met",
            "judges_we_fit",
            "knows_our_price",
        ],
        0.7,
    ),
    ("A04", &["deal_affordable", "price_acceptable"], 1.5),
];

struct Deal {
    row: AccountRow,
    truth: f64,
    won: bool,
}

/// Deals over two years; the win depends on the grade, the annual purchase (0.8 per decade),
/// the industry and complaints (−0.15 each); region and headcount are noise.
fn deals(n: usize, seed: u64) -> Vec<Deal> {
    let mut rng = Rng(seed);
    (0..n)
        .map(|i| {
            let (industry, industry_effect) = INDUSTRIES[rng.below(4)];
            let region = REGIONS[rng.below(5)];
            let decades = 3.0 * rng.uniform();
            let purchase = 10f64.powf(4.0 + decades);
            let complaints = rng.below(6);
            let employees = 10.0 + 990.0 * rng.uniform();
            let stage = rng.below(5);
            let logit = -0.6
                + STAGES[stage].2
                + 0.8 * (decades - 1.5)
                + industry_effect
                + -0.15 * (complaints as f64 - 2.5);
            let truth = 1.0 / (1.0 + (-logit).exp());
            let won = rng.uniform() < truth;
            let day = 20_000 + (i * 730 / n) as i64;
            let mut pairs: Vec<(String, Cell)> = vec![
                ("客户编号".into(), Cell::Text(format!("D{i}"))),
                ("行业".into(), Cell::Text(industry.into())),
                ("区域".into(), Cell::Text(region.into())),
                ("年采购额".into(), Cell::Number(purchase)),
                ("投诉次数".into(), Cell::Number(complaints as f64)),
                ("员工人数".into(), Cell::Number(employees.round())),
                ("结单日期".into(), Cell::Number(day as f64 + 25_569.0)),
                (
                    "成交结果".into(),
                    Cell::Text(if won { "赢单" } else { "丢单" }.into()),
                ),
            ];
            for (_, facts, _) in &STAGES[..=stage] {
                for fact in *facts {
                    pairs.push(((*fact).into(), Cell::Bool(true)));
                }
            }
            if stage >= 2 {
                pairs.push(("answer".into(), Cell::Text("positive".into())));
            }
            let row =
                AccountRow::from_pairs(pairs.iter().map(|(k, c)| (k.as_str(), c.clone())), None);
            Deal { row, truth, won }
        })
        .collect()
}

#[test]
fn generated_deals_read_as_built() {
    let d = deals(50, 1);
    for deal in &d {
        assert!(deal.row.errors.is_empty(), "{:?}", deal.row.errors);
        assert_eq!(row_outcome(&deal.row), Some(deal.won));
        assert!(deal.row.date("deal_date").is_some());
    }
    let stages: Vec<String> = d
        .iter()
        .map(|deal| match raw_value(&deal.row, GRADE_FEATURE) {
            Some(Raw::Text(t)) => t,
            _ => String::new(),
        })
        .collect();
    for (code, _, _) in STAGES {
        assert!(stages.iter().any(|s| s == code), "{code}: {stages:?}");
    }
}

#[test]
fn the_learned_model_ranks_the_fields_and_matches_the_generating_model_on_the_holdout() {
    let d = deals(20_000, 19);
    let rows: Vec<AccountRow> = d.iter().map(|x| x.row.clone()).collect();
    let report = win_holdout(&rows, &HoldoutOptions::default()).unwrap();
    assert_eq!(report.date_field, "deal_date");
    assert_eq!((report.train, report.test), (16_000, 4_000));

    // The fields as generated, strongest first; the noise far behind.
    let ranking = report.model.ranking();
    let names: Vec<&str> = ranking.iter().map(|(f, _)| *f).collect();
    assert_eq!(
        &names[..4],
        &[GRADE_FEATURE, "annual_purchase", "industry", "complaints"],
        "{ranking:?}"
    );
    let weakest_signal = ranking[3].1;
    for (field, spread) in &ranking[4..] {
        assert!(
            *spread < weakest_signal / 3.0,
            "{field} {spread} vs {ranking:?}"
        );
    }

    // The generating model on the same holdout (the newest 20 %: the last deals by date).
    let holdout = &d[16_000..];
    let truth: Vec<(f64, bool)> = holdout.iter().map(|x| (x.truth, x.won)).collect();
    let generating = auc(&truth).unwrap();
    let learned = report.learned.auc.unwrap();
    println!(
        "holdout AUC learned {learned:.4} generating {generating:.4} grades {:?}; mean {:.4} observed {:.4}; lift {:?}",
        report.grades.auc, report.learned.mean_probability, report.learned.observed_rate, report.lift
    );
    assert!(
        (learned - generating).abs() <= 0.02,
        "{learned} vs {generating}"
    );
    assert!(
        (report.learned.mean_probability - report.learned.observed_rate).abs() <= 0.02,
        "{report:?}"
    );
    // The learned model beats the default grade probabilities.
    assert!(
        report.lift.auc.unwrap() > 0.0 && report.lift.brier > 0.0,
        "{:?}",
        report.lift
    );
    assert_eq!(report.learned.calibration.len(), 10);
    assert_eq!(
        report
            .learned
            .calibration
            .iter()
            .map(|c| c.count)
            .sum::<usize>(),
        4_000
    );
    // Calibration rises with the prediction.
    let c = &report.learned.calibration;
    assert!(c[9].observed > c[0].observed + 0.4, "{c:?}");
}

#[test]
fn a_probability_is_its_factors_added_to_the_prior() {
    let d = deals(2_000, 7);
    let rows: Vec<AccountRow> = d.iter().map(|x| x.row.clone()).collect();
    let model = fit_win_model(&rows, &WinOptions::default()).unwrap();
    let p = win_probability(&model, &rows[0]);
    let sum: f64 = model.prior.log_odds + p.factors.iter().map(|f| f.effect).sum::<f64>();
    assert!((sum - p.log_odds).abs() < 1e-12);
    assert!((p.probability - 1.0 / (1.0 + (-sum).exp())).abs() < 1e-12);
    // Largest effect first; the grade is among the factors.
    assert!(p
        .factors
        .windows(2)
        .all(|w| w[0].effect.abs() >= w[1].effect.abs()));
    assert!(p.factors.iter().any(|f| f.field == GRADE_FEATURE));
    // Ids, the outcome, dates and the facts are not features.
    for f in &model.features {
        assert!(
            !["id", "outcome", "deal_date", "lead_data", "answer"].contains(&f.field.as_str()),
            "{}",
            f.field
        );
    }
    // A row with nothing the model knows is the prior.
    let empty = win_probability(&model, &AccountRow::new());
    assert!(empty.factors.iter().all(|f| f.field == GRADE_FEATURE));
}

#[test]
fn the_document_round_trips_and_is_checked() {
    let d = deals(500, 3);
    let rows: Vec<AccountRow> = d.iter().map(|x| x.row.clone()).collect();
    let model = fit_win_model(&rows, &WinOptions::default()).unwrap();
    let json = model.to_json();
    let back = WinModel::from_json(&json).unwrap();
    assert_eq!(back, model);
    assert_eq!(
        win_probability(&back, &rows[3]),
        win_probability(&model, &rows[3])
    );
    let broken = json.replacen("\"winModel\"", "\"scoreModel\"", 1);
    assert_eq!(
        WinModel::from_json(&broken).unwrap_err().code(),
        "invalid_model"
    );
    assert_eq!(
        WinModel::from_json("{").unwrap_err().code(),
        "invalid_model"
    );
}

#[test]
fn laplace_smoothing_by_hand() {
    let row = |industry: &str, outcome: &str| {
        AccountRow::from_pairs(
            [
                ("行业", Cell::Text(industry.into())),
                ("outcome", Cell::Text(outcome.into())),
            ],
            None,
        )
    };
    let rows = vec![
        row("甲", "won"),
        row("甲", "won"),
        row("乙", "lost"),
        row("甲", "1"),
        row("乙", "0"),
        row("乙", "丢单"),
    ];
    let options = WinOptions {
        grade: false,
        ..WinOptions::default()
    };
    let model = fit_win_model(&rows, &options).unwrap();
    assert_eq!(model.features.len(), 1);
    let f = &model.features[0];
    assert_eq!(
        f.values
            .iter()
            .map(|v| v.value.as_str())
            .collect::<Vec<_>>(),
        ["乙", "甲"]
    );
    // 甲: won 3 of 3, lost 0 of 3; α = 1, two values: (3+1)/(3+2) and (0+1)/(3+2).
    let jia = &f.values[1];
    assert_eq!((jia.won, jia.lost), (3, 0));
    assert!((jia.effect() - (4.0f64 / 5.0).ln() + (1.0f64 / 5.0).ln()).abs() < 1e-12);
    assert_eq!(model.prior.log_odds, 0.0);
    let p = win_probability(&model, &row("甲", ""));
    assert!((p.probability - 0.8).abs() < 1e-12);
    // An unseen category adds nothing.
    assert_eq!(win_probability(&model, &row("丙", "")).probability, 0.5);
}

#[test]
fn fits_refuse_what_they_cannot_learn_from() {
    let row = |outcome: &str| {
        AccountRow::from_pairs(
            [
                ("行业", Cell::Text("甲".into())),
                ("outcome", Cell::Text(outcome.into())),
            ],
            None,
        )
    };
    let code = |rows: &[AccountRow], o: &WinOptions| fit_win_model(rows, o).unwrap_err().code();
    let o = WinOptions::default();
    assert_eq!(code(&[row("?"), row("")], &o), "no_outcomes");
    assert_eq!(code(&[row("won"), row("赢单")], &o), "one_class");
    assert_eq!(code(&[row("won"), row("lost")], &o), "no_features");
    let bins = WinOptions {
        bins: 1,
        ..WinOptions::default()
    };
    assert_eq!(code(&[row("won"), row("lost")], &bins), "bad_option");
    let text = WinOptions {
        fields: Some(vec!["name".into()]),
        ..WinOptions::default()
    };
    assert_eq!(code(&[row("won"), row("lost")], &text), "not_a_feature");
    for e in [
        WinError::NoOutcomes { skipped: 2 },
        WinError::OneClass { class: "won" },
        WinError::NoDates("deal_date".into()),
    ] {
        let l = e.label();
        assert!(!l.zh.is_empty() && !l.zh.contains("win_error"), "{l:?}");
    }
}

#[test]
fn outcomes_as_written() {
    for won in ["won", "WIN", "赢单", "成交", "1", "TRUE", "是", "ｗｏｎ"] {
        assert_eq!(parse_outcome(won), Some(true), "{won}");
    }
    for lost in ["lost", "丢单", "输单", "未成交", "0", "false", "否"] {
        assert_eq!(parse_outcome(lost), Some(false), "{lost}");
    }
    assert_eq!(parse_outcome("进行中"), None);
}

#[test]
fn auc_counts_ties_half() {
    assert_eq!(auc(&[(0.1, false), (0.9, true)]), Some(1.0));
    assert_eq!(auc(&[(0.5, false), (0.5, true)]), Some(0.5));
    assert_eq!(auc(&[(0.5, true)]), None);
}
