//! Attractiveness from the data a list has (MODEL §4.8 [D]).
//!
//! Four of the attractiveness factors (§2.1's attractiveness preset) show in figures: 销售量
//! sales volume (annual purchase), 利润率 margin (gross margin), 潜力 potential (potential
//! purchase and growth rate, averaged when both are there) and 关系发展的潜力 relationship
//! potential (the share of wallet left to win, 1 − share of wallet). Each scores its percentile
//! in the list, 0–100; the estimate is the equal-weight mean over the factors the row has, cut
//! into A/B/C as a rating would be (§3.5, A ≥ 70, B ≥ 40).
//!
//! Without a list, absolute reference points [D] stand in for the percentiles (see
//! [`EstimateOptions`]): purchase and potential on a log scale from ¥1万 to ¥1亿, margin 0–40 %,
//! growth −20 %…+30 %, share of wallet left as it is.

use super::distributions::{DistributionField, ListDistributions};
use super::{show, EstimateOptions, Shown};
use crate::grades::attractiveness::{attractiveness_letter, Letter, LetterCuts};
use crate::row::AccountRow;
use crate::strategy::item::LabelText;
use crate::texts::{Label, Lang};
use serde::Serialize;

/// One attractiveness factor that figures can show.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum DataFactor {
    /// 销售量
    SalesVolume,
    /// 利润率
    Margin,
    /// 潜力
    Potential,
    /// 关系发展的潜力: the share of wallet left to win.
    RelationshipPotential,
}

impl DataFactor {
    pub const ALL: [DataFactor; 4] = [
        DataFactor::SalesVolume,
        DataFactor::Margin,
        DataFactor::Potential,
        DataFactor::RelationshipPotential,
    ];
}

/// Where the letter came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum AttractivenessSource {
    /// The row's `attractiveness` column (a letter or a 0–100 score).
    Column,
    /// The manager's 1–5 `attr_*` ratings, scored by the attractiveness preset.
    Ratings,
    /// Estimated from the row's figures (§4.8).
    Data,
}

/// One figure the letter rests on.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct BasisEntry {
    /// The row field: `annual_purchase`, `gross_margin`, … or an `attr_*` rating.
    pub field: &'static str,
    /// The row's value (a share as 0.23; for `share_of_wallet` the share held, not the share
    /// left).
    pub value: f64,
    /// Its percentile in the list, 0–100; absent when no list was given (absolute reference
    /// points) or for a rating.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub percentile: Option<f64>,
    /// The points it gives the factor, 0–100.
    pub points: f64,
    /// The factor it counts for; absent for a rating.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub factor: Option<DataFactor>,
    /// The figure in words: "年采购额 ¥120万，名单中第 85 百分位".
    pub label: LabelText,
}

/// The attractiveness letter of a row, given or estimated.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct AttractivenessEstimate {
    pub letter: Letter,
    /// Whether the letter was estimated from figures rather than given.
    pub estimated: bool,
    pub source: AttractivenessSource,
    /// The 0–100 score behind the letter, when there is one (a given letter has none).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub score: Option<f64>,
    /// The figures used; empty for a given letter.
    pub basis: Vec<BasisEntry>,
}

fn clamp_points(x: f64) -> f64 {
    (x * 100.0).clamp(0.0, 100.0)
}

/// Points 0–100 of a value against the absolute reference points.
fn absolute_points(field: DistributionField, value: f64, o: &EstimateOptions) -> f64 {
    let log_scale = |v: f64| {
        if v <= 0.0 {
            0.0
        } else {
            let (lo, hi) = (o.purchase_low.log10(), o.purchase_high.log10());
            clamp_points((v.log10() - lo) / (hi - lo))
        }
    };
    match field {
        DistributionField::AnnualPurchase | DistributionField::PotentialPurchase => {
            log_scale(value)
        }
        DistributionField::GrossMargin => clamp_points(value / o.margin_high),
        DistributionField::GrowthRate => {
            clamp_points((value - o.growth_low) / (o.growth_high - o.growth_low))
        }
        DistributionField::ShareOfWallet => clamp_points(1.0 - value),
        DistributionField::Contribution => 0.0,
    }
}

fn shown_as(field: DistributionField) -> Shown {
    match field {
        DistributionField::GrossMargin
        | DistributionField::GrowthRate
        | DistributionField::ShareOfWallet => Shown::Share,
        _ => Shown::Money,
    }
}

fn basis_label(
    field: DistributionField,
    value: f64,
    percentile: Option<f64>,
    lang: Option<Lang>,
) -> LabelText {
    let code = if percentile.is_some() {
        "in_list"
    } else {
        "absolute"
    };
    let label = Label::localized("attractiveness_basis", code, |l| {
        let name = super::field_name(l, field.key());
        let mut args = vec![("field", name), ("value", show(value, shown_as(field), l))];
        if let Some(p) = percentile {
            args.push(("percentile", crate::row::format_number(p.round())));
        }
        args
    });
    LabelText::new(
        Label {
            code: field.key().to_string(),
            en: capitalise(&label.en),
            zh: label.zh,
        },
        lang,
    )
}

/// English sentence case: the field names are lower case for use mid-sentence.
fn capitalise(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// The points of one field: its percentile in the list when the list has values of it, else
/// the absolute reference points.
fn entry(
    row: &AccountRow,
    field: DistributionField,
    factor: DataFactor,
    list: Option<&ListDistributions>,
    options: &EstimateOptions,
    lang: Option<Lang>,
) -> Option<BasisEntry> {
    let value = field.value(row)?;
    let percentile = list.and_then(|l| l.percentile(field, value));
    let points = match (field, percentile) {
        // The share left to win ranks the other way round.
        (DistributionField::ShareOfWallet, Some(p)) => 100.0 - p,
        (_, Some(p)) => p,
        (_, None) => absolute_points(field, value, options),
    };
    Some(BasisEntry {
        field: field.key(),
        value,
        percentile,
        points,
        factor: Some(factor),
        label: basis_label(field, value, percentile, lang),
    })
}

/// The attractiveness letter estimated from the row's figures; `None` when the row has fewer
/// than `min_factors` of the four factors.
pub fn estimate_attractiveness(
    row: &AccountRow,
    list: Option<&ListDistributions>,
    options: &EstimateOptions,
    cuts: &LetterCuts,
    lang: Option<Lang>,
) -> Option<AttractivenessEstimate> {
    let fields: [(DataFactor, &[DistributionField]); 4] = [
        (
            DataFactor::SalesVolume,
            &[DistributionField::AnnualPurchase],
        ),
        (DataFactor::Margin, &[DistributionField::GrossMargin]),
        (
            DataFactor::Potential,
            &[
                DistributionField::PotentialPurchase,
                DistributionField::GrowthRate,
            ],
        ),
        (
            DataFactor::RelationshipPotential,
            &[DistributionField::ShareOfWallet],
        ),
    ];
    let mut basis = Vec::new();
    let mut factor_points = Vec::new();
    for (factor, of_factor) in fields {
        let entries: Vec<BasisEntry> = of_factor
            .iter()
            .filter_map(|f| entry(row, *f, factor, list, options, lang))
            .collect();
        if entries.is_empty() {
            continue;
        }
        factor_points.push(entries.iter().map(|e| e.points).sum::<f64>() / entries.len() as f64);
        basis.extend(entries);
    }
    if factor_points.len() < options.min_factors.max(1) {
        return None;
    }
    let score = factor_points.iter().sum::<f64>() / factor_points.len() as f64;
    let score = (score * 10.0).round() / 10.0;
    Some(AttractivenessEstimate {
        letter: attractiveness_letter(score, cuts)?,
        estimated: true,
        source: AttractivenessSource::Data,
        score: Some(score),
        basis,
    })
}

/// A letter given in the row's `attractiveness` column.
pub fn given_letter(letter: Letter, score: Option<f64>) -> AttractivenessEstimate {
    AttractivenessEstimate {
        letter,
        estimated: false,
        source: AttractivenessSource::Column,
        score,
        basis: Vec::new(),
    }
}

/// The letter from the manager's 1–5 ratings, scored by the attractiveness preset (§2.1); `None`
/// when the row has too few ratings for the preset's minimum coverage.
pub fn from_ratings(
    row: &AccountRow,
    cuts: &LetterCuts,
    lang: Option<Lang>,
) -> Option<AttractivenessEstimate> {
    let has_rating = row.values().any(|(f, _)| f.key().starts_with("attr_"));
    if !has_rating {
        return None;
    }
    let model = crate::model::presets::preset("attractiveness").ok()?;
    let card = crate::score::score_row(model, row);
    let score = card.score?;
    let basis = row
        .values()
        .filter(|(f, _)| f.key().starts_with("attr_"))
        .filter_map(|(f, _)| {
            let value = row.number(f.key())?;
            let label = Label::localized("attractiveness_basis", "rating", |l| {
                let name = super::field_name(l, f.key());
                vec![("field", name), ("value", show(value, Shown::Count, l))]
            });
            Some(BasisEntry {
                field: f.key(),
                value,
                percentile: None,
                points: (value - 1.0) / 4.0 * 100.0,
                factor: None,
                label: LabelText::new(
                    Label {
                        code: f.key().to_string(),
                        en: capitalise(&label.en),
                        zh: label.zh,
                    },
                    lang,
                ),
            })
        })
        .collect();
    Some(AttractivenessEstimate {
        letter: attractiveness_letter(score, cuts)?,
        estimated: false,
        source: AttractivenessSource::Ratings,
        score: Some((score * 10.0).round() / 10.0),
        basis,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::row::Cell;
    use crate::strategy::lang_check::{is_en, is_zh};

    fn row(pairs: &[(&str, f64)]) -> AccountRow {
        AccountRow::from_pairs(pairs.iter().map(|(k, v)| (*k, Cell::Number(*v))), None)
    }

    fn est(r: &AccountRow, list: Option<&ListDistributions>) -> Option<AttractivenessEstimate> {
        estimate_attractiveness(
            r,
            list,
            &EstimateOptions::default(),
            &LetterCuts::default(),
            None,
        )
    }

    #[test]
    fn absolute_reference_points_for_a_single_row() {
        // ¥1,000,000 on the log scale 1万…1亿 = 50; margin 20 % of 40 % = 50; growth +5 % = 50;
        // share of wallet 50 % leaves 50 to win.
        let r = row(&[
            ("annual_purchase", 1e6),
            ("gross_margin", 0.2),
            ("growth_rate", 0.05),
            ("share_of_wallet", 0.5),
        ]);
        let e = est(&r, None).unwrap();
        assert_eq!(e.score, Some(50.0));
        assert_eq!(e.letter, Letter::B);
        assert!(e.estimated);
        assert_eq!(e.source, AttractivenessSource::Data);
        assert_eq!(e.basis.len(), 4);
        assert!(e.basis.iter().all(|b| b.percentile.is_none()));
        // Large, rich, growing, much left to win: A.
        let r = row(&[
            ("annual_purchase", 5e7),
            ("gross_margin", 0.35),
            ("growth_rate", 0.25),
            ("share_of_wallet", 0.1),
        ]);
        assert_eq!(est(&r, None).unwrap().letter, Letter::A);
        // Small and thin: C.
        let r = row(&[("annual_purchase", 2e4), ("gross_margin", 0.03)]);
        assert_eq!(est(&r, None).unwrap().letter, Letter::C);
        // Nothing to go on: no estimate.
        assert!(est(&row(&[("order_count", 5.0)]), None).is_none());
    }

    #[test]
    fn percentiles_in_the_list_win_over_the_reference_points() {
        let rows: Vec<AccountRow> = (1..=10)
            .map(|i| {
                row(&[
                    ("annual_purchase", f64::from(i) * 1e5),
                    ("gross_margin", 0.01 * f64::from(i)),
                ])
            })
            .collect();
        let list = ListDistributions::from_rows(&rows);
        let top = est(&rows[9], Some(&list)).unwrap();
        assert_eq!(top.basis[0].percentile, Some(95.0));
        assert_eq!(
            top.letter,
            Letter::A,
            "top of the list although ¥1M is mid-scale"
        );
        let bottom = est(&rows[0], Some(&list)).unwrap();
        assert_eq!(bottom.letter, Letter::C);
        let middle = est(&rows[5], Some(&list)).unwrap();
        assert_eq!(middle.score, Some(55.0));
        assert_eq!(middle.letter, Letter::B);
    }

    #[test]
    fn share_left_to_win_ranks_the_other_way_and_potential_averages() {
        let rows: Vec<AccountRow> = [0.1, 0.5, 0.9]
            .iter()
            .map(|s| row(&[("share_of_wallet", *s)]))
            .collect();
        let list = ListDistributions::from_rows(&rows);
        let low_share = est(&rows[0], Some(&list)).unwrap();
        assert!(low_share.score.unwrap() > 80.0, "{low_share:?}");
        let r = row(&[("potential_purchase", 1e6), ("growth_rate", 0.3)]);
        let e = est(&r, None).unwrap();
        assert_eq!(e.basis.len(), 2);
        assert_eq!(e.score, Some(75.0), "one factor: mean of 50 and 100");
    }

    #[test]
    fn basis_texts_name_the_value_and_the_percentile() {
        let rows: Vec<AccountRow> = (1..=4)
            .map(|i| row(&[("annual_purchase", f64::from(i) * 1e6)]))
            .collect();
        let list = ListDistributions::from_rows(&rows);
        let e = estimate_attractiveness(
            &rows[3],
            Some(&list),
            &EstimateOptions::default(),
            &LetterCuts::default(),
            Some(Lang::ZhCn),
        )
        .unwrap();
        let l = &e.basis[0].label;
        assert_eq!(l.code, "annual_purchase");
        assert!(l.zh.contains("¥400万") && l.zh.contains("88"), "{}", l.zh);
        assert!(l.en.contains("¥4M") && l.en.contains("88"), "{}", l.en);
        assert!(l.en.starts_with("Annual purchase"), "{}", l.en);
        assert!(is_zh(&l.zh) && is_en(&l.en));
        assert_eq!(l.text.as_deref(), Some(l.zh.as_str()));
    }

    #[test]
    fn ratings_are_scored_by_the_preset_and_not_estimated() {
        let pairs: Vec<(&str, f64)> = [
            "attr_potential",
            "attr_mutual",
            "attr_differentiation",
            "attr_value_price",
            "attr_preference",
            "attr_key_people",
        ]
        .iter()
        .map(|k| (*k, 5.0))
        .collect();
        let e = from_ratings(&row(&pairs), &LetterCuts::default(), None).unwrap();
        assert_eq!(e.letter, Letter::A);
        assert!(!e.estimated);
        assert_eq!(e.source, AttractivenessSource::Ratings);
        assert_eq!(e.basis.len(), 6);
        assert!(from_ratings(
            &row(&[("annual_purchase", 1.0)]),
            &LetterCuts::default(),
            None
        )
        .is_none());
    }
}
