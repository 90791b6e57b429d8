//! A learned win probability (issue 19): naive Bayes with Laplace smoothing over deals with
//! an outcome — open, fast, and explainable as each feature's log-odds contribution.
//!
//! - **Deals** are account rows with an `outcome` (成交结果): won / lost, 赢单 / 丢单, 1 / 0
//!   ([`parse_outcome`]). Rows without a readable outcome are left out of a fit and counted.
//! - **Features**: categorical fields as they are (letters folded to lower case), yes/no
//!   fields as `yes` / `no`, numeric fields binned by quantiles of the training deals (the
//!   edges are stored in the model), and the pipeline grade (MODEL §3.6) computed from the
//!   row's facts as the feature `pipeline_grade`. The facts themselves and the answer feed
//!   the grade and are not features of their own; ids, names, free text and dates are not
//!   features. By default every other field present in at least `minPresent` (10 %) of the
//!   deals is used; `fields` names them instead.
//! - **Missing values** are not evidence: a feature the row lacks, or a category the
//!   training deals never showed, adds nothing.
//! - **The model**: log-odds = log(prior odds) + Σ (log P(value | won) − log P(value | lost)),
//!   with P(value | class) = (count + α) / (class deals with the feature + α·values) and the
//!   prior (won + α) / (deals + 2α); probability = 1 / (1 + e^−log-odds). Each term is the
//!   feature's `effect`. The document keeps the counts and the log-likelihoods; prediction
//!   reads the log-likelihoods, so the document is what is applied.
//! - **Evaluation**: AUC (the Mann–Whitney statistic, ties counted half), calibration by
//!   decile of the predicted probability, mean probability against the observed rate, Brier
//!   score. [`win_holdout`] trains on the older 80 % by a date field (`deal_date`, else
//!   `last_order_date`) and tests on the newest 20 %, beside the default grade probabilities.

use crate::field::{by_key, FieldKind, FIELDS};
use crate::grades::pipeline::{
    pipeline_grade, Fact, PipelineFacts, PipelineOptions, WinProbabilities, ANSWER_KEY,
    OLD_FACT_NAMES,
};
use crate::parse::normalize_width;
use crate::row::{format_number, AccountRow, Value};
use crate::texts::Label;
use serde::{Deserialize, Serialize};

/// The feature name of the pipeline grade.
pub const GRADE_FEATURE: &str = "pipeline_grade";
/// The `kind` of a win model document.
pub const WIN_MODEL_KIND: &str = "winModel";

/// Why a win model could not be fitted, read or evaluated.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum WinError {
    #[error("no deal has an outcome (won or lost): {skipped} rows without one")]
    NoOutcomes { skipped: usize },
    #[error("the deals are all {class}: a win model needs won and lost deals")]
    OneClass { class: &'static str },
    #[error("no field to learn from: name fields, or give deals with more columns")]
    NoFeatures,
    #[error("unknown field \"{0}\"")]
    UnknownField(String),
    #[error("field \"{0}\" is text or a date: it cannot be a feature")]
    NotAFeature(String),
    #[error("bad option: {0}")]
    BadOption(String),
    #[error("not a win model: {0}")]
    InvalidModel(String),
    #[error("no deal has the date field \"{0}\" the holdout splits by")]
    NoDates(String),
    #[error("too few deals for a holdout: {0} with an outcome and a date (at least 10)")]
    TooFewDeals(usize),
}

impl WinError {
    pub fn code(&self) -> &'static str {
        match self {
            WinError::NoOutcomes { .. } => "no_outcomes",
            WinError::OneClass { .. } => "one_class",
            WinError::NoFeatures => "no_features",
            WinError::UnknownField(_) => "unknown_field",
            WinError::NotAFeature(_) => "not_a_feature",
            WinError::BadOption(_) => "bad_option",
            WinError::InvalidModel(_) => "invalid_model",
            WinError::NoDates(_) => "no_dates",
            WinError::TooFewDeals(_) => "too_few_deals",
        }
    }

    /// The error in both languages (`win_error.<code>`).
    pub fn label(&self) -> Label {
        let args: Vec<(&str, String)> = match self {
            WinError::NoOutcomes { skipped } => vec![("skipped", skipped.to_string())],
            WinError::OneClass { class } => vec![("class", class.to_string())],
            WinError::UnknownField(f) | WinError::NotAFeature(f) | WinError::NoDates(f) => {
                vec![("field", f.clone())]
            }
            WinError::BadOption(d) | WinError::InvalidModel(d) => vec![("detail", d.clone())],
            WinError::TooFewDeals(n) => vec![("count", n.to_string())],
            WinError::NoFeatures => vec![],
        };
        let pairs: Vec<(&str, &str)> = args.iter().map(|(k, v)| (*k, v.as_str())).collect();
        let mut label = Label::with_args("win_error", self.code(), &pairs);
        if let WinError::OneClass { class } = self {
            // The class in the reader's language.
            let class_label = Label::new("win_outcome", class);
            label.zh = crate::texts::fill(
                crate::texts::text(crate::texts::Lang::ZhCn, "win_error.one_class"),
                &[("class", &class_label.zh)],
            );
            label.en = crate::texts::fill(
                crate::texts::text(crate::texts::Lang::En, "win_error.one_class"),
                &[("class", &class_label.en)],
            );
        }
        label
    }
}

/// An outcome as written: won (`won`, `win`, `赢单`, `成交`, `1`, `TRUE`, `是`) or lost
/// (`lost`, `loss`, `丢单`, `输单`, `未成交`, `0`, `FALSE`, `否`); `None` for anything else.
pub fn parse_outcome(text: &str) -> Option<bool> {
    let t = normalize_width(text).trim().to_lowercase();
    match t.as_str() {
        "won" | "win" | "w" | "赢单" | "赢" | "成交" | "已成交" | "成功" | "1" | "true" | "yes"
        | "y" | "是" => Some(true),
        "lost" | "loss" | "lose" | "l" | "丢单" | "输单" | "输" | "丢" | "未成交" | "失败"
        | "0" | "false" | "no" | "n" | "否" => Some(false),
        _ => None,
    }
}

/// A row's outcome, if it has a readable one.
pub fn row_outcome(row: &AccountRow) -> Option<bool> {
    match row.value("outcome")? {
        Value::Text(t) => parse_outcome(t),
        Value::Number(v) if *v == 1.0 => Some(true),
        Value::Number(v) if *v == 0.0 => Some(false),
        Value::Flag(b) => Some(*b),
        _ => None,
    }
}

/// Options of a fit. JSON: `{ "fields": ["industry", "annual_purchase"], "bins": 5 }`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default, deny_unknown_fields)]
pub struct WinOptions {
    /// The fields to learn from; `None` chooses them (see the module notes).
    pub fields: Option<Vec<String>>,
    /// Quantile bins per numeric field (2–20).
    pub bins: usize,
    /// Laplace smoothing α (> 0).
    pub smoothing: f64,
    /// Whether the pipeline grade is a feature.
    pub grade: bool,
    /// The share of deals a field must be present in to be chosen (0–1).
    pub min_present: f64,
}

impl Default for WinOptions {
    fn default() -> Self {
        WinOptions {
            fields: None,
            bins: 5,
            smoothing: 1.0,
            grade: true,
            min_present: 0.1,
        }
    }
}

/// How a feature reads its field.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum FeatureKind {
    /// The value as written (categories; yes/no as `yes` / `no`).
    Category,
    /// A number in one of the bins cut at `edges`: bin 0 is ≤ edges[0], the last > the last edge.
    Bins,
    /// The pipeline grade's code.
    Grade,
}

/// One value of a feature: its counts and log-likelihoods.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct FeatureValue {
    /// The category, the grade code, or the bin as a range (`≤ 120000`, `120000–250000`, `> 900000`).
    pub value: String,
    pub won: usize,
    pub lost: usize,
    /// log P(value | won) and log P(value | lost).
    pub log_won: f64,
    pub log_lost: f64,
}

impl FeatureValue {
    /// The value's log-odds contribution.
    pub fn effect(&self) -> f64 {
        self.log_won - self.log_lost
    }
}

/// One feature of the model.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct WinFeature {
    /// A field key, or `pipeline_grade`.
    pub field: String,
    pub kind: FeatureKind,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub edges: Vec<f64>,
    pub values: Vec<FeatureValue>,
}

impl WinFeature {
    /// How much the feature can move the log-odds: its largest effect − its smallest.
    pub fn spread(&self) -> f64 {
        let effects = self.values.iter().map(FeatureValue::effect);
        let max = effects.clone().fold(f64::NEG_INFINITY, f64::max);
        let min = effects.fold(f64::INFINITY, f64::min);
        if max.is_finite() && min.is_finite() {
            max - min
        } else {
            0.0
        }
    }
}

/// The prior: the training deals by outcome and the log prior odds.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Prior {
    pub won: usize,
    pub lost: usize,
    pub log_odds: f64,
}

/// A fitted win model: a JSON document like the scoring models (save, load, compare).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct WinModel {
    /// Always `winModel`.
    pub kind: String,
    pub version: u32,
    pub smoothing: f64,
    pub prior: Prior,
    pub features: Vec<WinFeature>,
}

/// One feature's part in a probability.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct WinFactor {
    pub field: String,
    pub value: String,
    /// The log-odds contribution.
    pub effect: f64,
}

/// A deal's learned win probability and why.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct WinProbability {
    pub probability: f64,
    pub log_odds: f64,
    /// The prior probability (the training deals' smoothed win rate).
    pub prior: f64,
    /// The features the row has, largest effect (in size) first.
    pub factors: Vec<WinFactor>,
}

/// One decile of the calibration.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct CalibrationBin {
    /// The mean predicted probability.
    pub predicted: f64,
    /// The share won.
    pub observed: f64,
    pub count: usize,
}

/// How well probabilities fit outcomes.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct WinEvaluation {
    /// Deals with an outcome.
    pub count: usize,
    /// `None` without both won and lost deals.
    pub auc: Option<f64>,
    pub calibration: Vec<CalibrationBin>,
    pub mean_probability: f64,
    pub observed_rate: f64,
    pub brier: f64,
}

fn sigmoid(x: f64) -> f64 {
    if x >= 0.0 {
        1.0 / (1.0 + libm::exp(-x))
    } else {
        let e = libm::exp(x);
        e / (1.0 + e)
    }
}

fn is_numeric(kind: FieldKind) -> bool {
    matches!(
        kind,
        FieldKind::Money
            | FieldKind::Count
            | FieldKind::Number
            | FieldKind::Ratio
            | FieldKind::Days
            | FieldKind::Years
            | FieldKind::Rating
    )
}

/// Fields that are never features: keys, the outcome, the split date, and what feeds the grade.
fn excluded(key: &str) -> bool {
    matches!(key, "id" | "name" | "outcome" | "deal_date")
        || key == ANSWER_KEY
        || Fact::from_key(key).is_some()
        || OLD_FACT_NAMES.iter().any(|(old, _)| *old == key)
}

/// A feature's raw value in a row, before binning.
enum Raw {
    Text(String),
    Number(f64),
}

fn raw_value(row: &AccountRow, field: &str) -> Option<Raw> {
    if field == GRADE_FEATURE {
        let facts = PipelineFacts::from_row(row).ok()?;
        let grade = pipeline_grade(&facts, &PipelineOptions::default()).ok()?;
        return Some(Raw::Text(grade.grade.code().to_string()));
    }
    match row.value(field)? {
        Value::Number(v) if v.is_finite() => Some(Raw::Number(*v)),
        Value::Number(_) => None,
        Value::Text(t) => Some(Raw::Text(normalize_width(t).trim().to_lowercase())),
        Value::Flag(b) => Some(Raw::Text(if *b { "yes" } else { "no" }.to_string())),
        Value::Date(d) => Some(Raw::Number(*d as f64)),
    }
}

impl WinFeature {
    /// The index of the row's value among `values`, if it has one the model knows.
    fn value_index(&self, row: &AccountRow) -> Option<usize> {
        match (self.kind, raw_value(row, &self.field)?) {
            (FeatureKind::Bins, Raw::Number(v)) => {
                let i = self.edges.partition_point(|e| *e < v);
                (i < self.values.len()).then_some(i)
            }
            (FeatureKind::Category | FeatureKind::Grade, Raw::Text(t)) => {
                self.values.iter().position(|v| v.value == t)
            }
            (FeatureKind::Category, Raw::Number(v)) => {
                let t = format_number(v);
                self.values.iter().position(|x| x.value == t)
            }
            _ => None,
        }
    }
}

fn bin_label(edges: &[f64], i: usize) -> String {
    let f = |v: f64| format_number(libm::round(v * 1e6) / 1e6);
    match (i.checked_sub(1).and_then(|j| edges.get(j)), edges.get(i)) {
        (None, Some(hi)) => format!("≤ {}", f(*hi)),
        (Some(lo), Some(hi)) => format!("{}–{}", f(*lo), f(*hi)),
        (Some(lo), None) => format!("> {}", f(*lo)),
        (None, None) => "all".to_string(),
    }
}

/// Quantile edges of the values: at most `bins − 1`, rising, each below the largest value.
fn quantile_edges(values: &mut [f64], bins: usize) -> Vec<f64> {
    values.sort_by(f64::total_cmp);
    let n = values.len();
    let Some(&max) = values.last() else {
        return Vec::new();
    };
    let mut edges: Vec<f64> = (1..bins)
        .map(|k| values[(k * n).div_ceil(bins).clamp(1, n) - 1])
        .filter(|e| *e < max)
        .collect();
    edges.dedup();
    edges
}

fn check_options(options: &WinOptions) -> Result<(), WinError> {
    if !(2..=20).contains(&options.bins) {
        return Err(WinError::BadOption(format!(
            "bins is {}; it must be 2–20",
            options.bins
        )));
    }
    if !(options.smoothing.is_finite() && options.smoothing > 0.0) {
        return Err(WinError::BadOption(format!(
            "smoothing is {}; it must be above 0",
            options.smoothing
        )));
    }
    if !(0.0..=1.0).contains(&options.min_present) {
        return Err(WinError::BadOption(format!(
            "minPresent is {}; it must be 0–1",
            options.min_present
        )));
    }
    Ok(())
}

/// The candidate fields of a fit, with whether each is numeric.
fn candidate_fields(
    deals: &[(&AccountRow, bool)],
    options: &WinOptions,
) -> Result<Vec<(String, bool)>, WinError> {
    if let Some(fields) = &options.fields {
        let mut out = Vec::new();
        for key in fields {
            if key == GRADE_FEATURE {
                out.push((key.clone(), false));
                continue;
            }
            let field = by_key(key).ok_or_else(|| WinError::UnknownField(key.clone()))?;
            match field.kind() {
                FieldKind::Text | FieldKind::Date => {
                    return Err(WinError::NotAFeature(key.clone()))
                }
                kind => out.push((key.clone(), is_numeric(kind))),
            }
        }
        return Ok(out);
    }
    let need = options.min_present * deals.len() as f64;
    let mut out: Vec<(String, bool)> = FIELDS
        .iter()
        .filter(|f| !matches!(f.kind, FieldKind::Text | FieldKind::Date) && !excluded(f.key))
        .filter(|f| {
            let present = deals
                .iter()
                .filter(|(r, _)| r.value(f.key).is_some())
                .count();
            present > 0 && present as f64 >= need
        })
        .map(|f| (f.key.to_string(), is_numeric(f.kind)))
        .collect();
    if options.grade {
        out.push((GRADE_FEATURE.to_string(), false));
    }
    Ok(out)
}

fn log_tables(values: &mut [FeatureValue], alpha: f64) {
    let k = values.len() as f64;
    let won: usize = values.iter().map(|v| v.won).sum();
    let lost: usize = values.iter().map(|v| v.lost).sum();
    for v in values {
        v.log_won = libm::log((v.won as f64 + alpha) / (won as f64 + alpha * k));
        v.log_lost = libm::log((v.lost as f64 + alpha) / (lost as f64 + alpha * k));
    }
}

fn value(value: String) -> FeatureValue {
    FeatureValue {
        value,
        won: 0,
        lost: 0,
        log_won: 0.0,
        log_lost: 0.0,
    }
}

/// Fits a win model on deals (rows with an outcome; the others are left out).
pub fn fit_win_model(deals: &[AccountRow], options: &WinOptions) -> Result<WinModel, WinError> {
    check_options(options)?;
    let labelled: Vec<(&AccountRow, bool)> = deals
        .iter()
        .filter_map(|r| row_outcome(r).map(|o| (r, o)))
        .collect();
    if labelled.is_empty() {
        return Err(WinError::NoOutcomes {
            skipped: deals.len(),
        });
    }
    let won = labelled.iter().filter(|(_, o)| *o).count();
    let lost = labelled.len() - won;
    if won == 0 || lost == 0 {
        return Err(WinError::OneClass {
            class: if won == 0 { "lost" } else { "won" },
        });
    }
    let alpha = options.smoothing;
    let mut features = Vec::new();
    for (field, numeric) in candidate_fields(&labelled, options)? {
        let raws: Vec<(Option<Raw>, bool)> = labelled
            .iter()
            .map(|(r, o)| (raw_value(r, &field), *o))
            .collect();
        let mut feature = if numeric {
            let mut numbers: Vec<f64> = raws
                .iter()
                .filter_map(|(r, _)| match r {
                    Some(Raw::Number(v)) => Some(*v),
                    _ => None,
                })
                .collect();
            let edges = quantile_edges(&mut numbers, options.bins);
            let values = (0..=edges.len())
                .map(|i| value(bin_label(&edges, i)))
                .collect();
            WinFeature {
                field: field.clone(),
                kind: FeatureKind::Bins,
                edges,
                values,
            }
        } else {
            let mut seen: Vec<String> = raws
                .iter()
                .filter_map(|(r, _)| match r {
                    Some(Raw::Text(t)) => Some(t.clone()),
                    Some(Raw::Number(v)) => Some(format_number(*v)),
                    None => None,
                })
                .collect();
            seen.sort();
            seen.dedup();
            WinFeature {
                field: field.clone(),
                kind: if field == GRADE_FEATURE {
                    FeatureKind::Grade
                } else {
                    FeatureKind::Category
                },
                edges: Vec::new(),
                values: seen.into_iter().map(value).collect(),
            }
        };
        for (r, o) in labelled.iter() {
            if let Some(i) = feature.value_index(r) {
                let v = &mut feature.values[i];
                if *o {
                    v.won += 1;
                } else {
                    v.lost += 1;
                }
            }
        }
        // A feature with one value (or none) says nothing.
        if feature.values.len() < 2 {
            continue;
        }
        log_tables(&mut feature.values, alpha);
        features.push(feature);
    }
    if features.is_empty() {
        return Err(WinError::NoFeatures);
    }
    let log_odds = libm::log((won as f64 + alpha) / (lost as f64 + alpha));
    Ok(WinModel {
        kind: WIN_MODEL_KIND.to_string(),
        version: 1,
        smoothing: alpha,
        prior: Prior {
            won,
            lost,
            log_odds,
        },
        features,
    })
}

impl WinModel {
    /// Reads and checks a win model document.
    pub fn from_json(json: &str) -> Result<WinModel, WinError> {
        let model: WinModel =
            serde_json::from_str(json).map_err(|e| WinError::InvalidModel(e.to_string()))?;
        model.check()?;
        Ok(model)
    }

    /// As [`WinModel::from_json`], from a JSON value.
    pub fn from_value(value: serde_json::Value) -> Result<WinModel, WinError> {
        let model: WinModel =
            serde_json::from_value(value).map_err(|e| WinError::InvalidModel(e.to_string()))?;
        model.check()?;
        Ok(model)
    }

    /// The model as pretty JSON.
    pub fn to_json(&self) -> String {
        serde_json::to_string_pretty(self).unwrap_or_default()
    }

    fn check(&self) -> Result<(), WinError> {
        let bad = |d: String| Err(WinError::InvalidModel(d));
        if self.kind != WIN_MODEL_KIND {
            return bad(format!(
                "kind is \"{}\", not \"{WIN_MODEL_KIND}\"",
                self.kind
            ));
        }
        if !self.prior.log_odds.is_finite() {
            return bad("prior.logOdds is not a finite number".into());
        }
        for f in &self.features {
            if f.field != GRADE_FEATURE && by_key(&f.field).is_none() {
                return bad(format!("unknown field \"{}\"", f.field));
            }
            if f.values
                .iter()
                .any(|v| !(v.log_won.is_finite() && v.log_lost.is_finite()))
            {
                return bad(format!("{}: a log-likelihood is not finite", f.field));
            }
            if f.kind == FeatureKind::Bins
                && (f.values.len() != f.edges.len() + 1
                    || f.edges.iter().any(|e| !e.is_finite())
                    || f.edges.windows(2).any(|w| w[0] >= w[1]))
            {
                return bad(format!(
                    "{}: bins need rising finite edges and one value more than edges",
                    f.field
                ));
            }
        }
        Ok(())
    }

    /// The features by how much they can move the log-odds, strongest first.
    pub fn ranking(&self) -> Vec<(&str, f64)> {
        let mut out: Vec<(&str, f64)> = self
            .features
            .iter()
            .map(|f| (f.field.as_str(), f.spread()))
            .collect();
        out.sort_by(|a, b| b.1.total_cmp(&a.1));
        out
    }
}

/// A deal's learned win probability with each feature's effect.
pub fn win_probability(model: &WinModel, row: &AccountRow) -> WinProbability {
    let mut factors: Vec<WinFactor> = model
        .features
        .iter()
        .filter_map(|f| {
            let v = &f.values[f.value_index(row)?];
            Some(WinFactor {
                field: f.field.clone(),
                value: v.value.clone(),
                effect: v.effect(),
            })
        })
        .collect();
    let log_odds = model.prior.log_odds + factors.iter().map(|f| f.effect).sum::<f64>();
    factors.sort_by(|a, b| b.effect.abs().total_cmp(&a.effect.abs()));
    WinProbability {
        probability: sigmoid(log_odds),
        log_odds,
        prior: sigmoid(model.prior.log_odds),
        factors,
    }
}

/// AUC of scores against outcomes (ties count half); `None` without both classes.
pub fn auc(scored: &[(f64, bool)]) -> Option<f64> {
    let mut v: Vec<(f64, bool)> = scored.to_vec();
    v.sort_by(|a, b| a.0.total_cmp(&b.0));
    let positives = v.iter().filter(|(_, o)| *o).count();
    let negatives = v.len() - positives;
    if positives == 0 || negatives == 0 {
        return None;
    }
    // Sum of the positives' ranks, ties sharing the mean rank.
    let mut rank_sum = 0.0;
    let mut i = 0;
    while i < v.len() {
        let mut j = i;
        while j < v.len() && v[j].0 == v[i].0 {
            j += 1;
        }
        let mean_rank = (i + 1 + j) as f64 / 2.0;
        rank_sum += mean_rank * v[i..j].iter().filter(|(_, o)| *o).count() as f64;
        i = j;
    }
    let p = positives as f64;
    Some((rank_sum - p * (p + 1.0) / 2.0) / (p * negatives as f64))
}

/// AUC, calibration by decile, mean probability, observed rate and Brier score.
pub fn evaluate_probabilities(scored: &[(f64, bool)]) -> WinEvaluation {
    let n = scored.len();
    let mut sorted = scored.to_vec();
    sorted.sort_by(|a, b| a.0.total_cmp(&b.0));
    let groups = n.min(10);
    let calibration = (0..groups)
        .map(|g| {
            let part = &sorted[g * n / groups..(g + 1) * n / groups];
            let count = part.len() as f64;
            CalibrationBin {
                predicted: part.iter().map(|(p, _)| p).sum::<f64>() / count,
                observed: part.iter().filter(|(_, o)| *o).count() as f64 / count,
                count: part.len(),
            }
        })
        .collect();
    let mean = |f: &dyn Fn(&(f64, bool)) -> f64| {
        if n == 0 {
            f64::NAN
        } else {
            scored.iter().map(f).sum::<f64>() / n as f64
        }
    };
    WinEvaluation {
        count: n,
        auc: auc(scored),
        calibration,
        mean_probability: mean(&|(p, _)| *p),
        observed_rate: mean(&|(_, o)| if *o { 1.0 } else { 0.0 }),
        brier: mean(&|(p, o)| (p - if *o { 1.0 } else { 0.0 }).powi(2)),
    }
}

/// How the model fits deals with an outcome (the others are left out).
pub fn evaluate_win_model(model: &WinModel, deals: &[AccountRow]) -> WinEvaluation {
    let scored: Vec<(f64, bool)> = deals
        .iter()
        .filter_map(|r| Some((win_probability(model, r).probability, row_outcome(r)?)))
        .collect();
    evaluate_probabilities(&scored)
}

/// The default (or given) grade probabilities as a model, for comparison.
pub fn grade_probability(row: &AccountRow, probabilities: &WinProbabilities) -> f64 {
    PipelineFacts::from_row(row).map_or(0.0, |f| facts_probability(&f, probabilities))
}

/// As [`grade_probability`], for facts already read from the row.
pub fn facts_probability(facts: &PipelineFacts, probabilities: &WinProbabilities) -> f64 {
    pipeline_grade(facts, &PipelineOptions::default()).map_or(0.0, |g| probabilities.of(g.grade))
}

/// Options of the time-based holdout.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default, deny_unknown_fields)]
pub struct HoldoutOptions {
    /// The date field to split by; `None`: `deal_date`, else `last_order_date`.
    pub date_field: Option<String>,
    /// The newest share of deals tested (0–0.9).
    pub test_share: f64,
    pub fit: WinOptions,
    /// The grade probabilities compared against (the defaults of MODEL §3.6).
    pub probabilities: WinProbabilities,
}

impl Default for HoldoutOptions {
    fn default() -> Self {
        HoldoutOptions {
            date_field: None,
            test_share: 0.2,
            fit: WinOptions::default(),
            probabilities: WinProbabilities::default(),
        }
    }
}

/// The learned model against the grade probabilities on the same holdout.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Lift {
    /// Learned AUC − the grades' AUC.
    pub auc: Option<f64>,
    /// The grades' Brier score − the learned one (above 0: the learned model is better).
    pub brier: f64,
}

/// A time-based holdout: the model trained on the older deals, tested on the newest.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct HoldoutReport {
    pub date_field: String,
    /// The first test day (days since 1970-01-01).
    pub cutoff: i64,
    pub train: usize,
    pub test: usize,
    /// Deals with an outcome but no date, left out.
    pub without_date: usize,
    pub model: WinModel,
    pub learned: WinEvaluation,
    pub grades: WinEvaluation,
    pub lift: Lift,
}

/// Trains on the older deals by a date field and tests on the newest `test_share`.
pub fn win_holdout(
    deals: &[AccountRow],
    options: &HoldoutOptions,
) -> Result<HoldoutReport, WinError> {
    if !(options.test_share > 0.0 && options.test_share <= 0.9) {
        return Err(WinError::BadOption(format!(
            "testShare is {}; it must be above 0 and at most 0.9",
            options.test_share
        )));
    }
    let field = match &options.date_field {
        Some(f) => f.clone(),
        None if deals.iter().any(|r| r.date("deal_date").is_some()) => "deal_date".into(),
        None => "last_order_date".into(),
    };
    let labelled: Vec<&AccountRow> = deals.iter().filter(|r| row_outcome(r).is_some()).collect();
    let mut dated: Vec<(i64, &AccountRow)> = labelled
        .iter()
        .filter_map(|r| Some((r.date(&field)?, *r)))
        .collect();
    if dated.is_empty() {
        return Err(WinError::NoDates(field));
    }
    if dated.len() < 10 {
        return Err(WinError::TooFewDeals(dated.len()));
    }
    dated.sort_by_key(|(d, _)| *d);
    let test = ((dated.len() as f64 * options.test_share).round() as usize).max(1);
    let split = dated.len() - test;
    let train_rows: Vec<AccountRow> = dated[..split].iter().map(|(_, r)| (*r).clone()).collect();
    let test_rows: Vec<&AccountRow> = dated[split..].iter().map(|(_, r)| *r).collect();
    let model = fit_win_model(&train_rows, &options.fit)?;
    let pairs = |p: &dyn Fn(&AccountRow) -> f64| -> Vec<(f64, bool)> {
        test_rows
            .iter()
            .filter_map(|r| Some((p(r), row_outcome(r)?)))
            .collect()
    };
    let learned = evaluate_probabilities(&pairs(&|r| win_probability(&model, r).probability));
    let grades = evaluate_probabilities(&pairs(&|r| grade_probability(r, &options.probabilities)));
    let lift = Lift {
        auc: learned.auc.zip(grades.auc).map(|(a, b)| a - b),
        brier: grades.brier - learned.brier,
    };
    Ok(HoldoutReport {
        date_field: field,
        cutoff: dated[split].0,
        train: split,
        test,
        without_date: labelled.len() - dated.len(),
        model,
        learned,
        grades,
        lift,
    })
}

#[cfg(test)]
#[path = "win_tests.rs"]
mod tests;
