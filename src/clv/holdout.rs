//! The calibration/holdout check, as lifetimes' `calibration_and_holdout_data` and
//! `plot_calibration_purchases_vs_holdout_purchases` make it: the log is split at the
//! calibration end, a model is fitted on the calibration summary, each customer's expected
//! purchases over the holdout period (`conditional_expected_number_of_purchases_up_to_time`
//! with the holdout's length) are set against the purchase days they made in it, and the
//! customers are grouped by their calibration frequency 0, 1, …, 6, 7+ (Fader, Hardie & Lee
//! 2005, Figure 4: the mean predicted and actual purchases per group).

use super::bgnbd::{self, BgNbdParams};
use super::pareto_nbd::{self, ParetoNbdParams};
use super::summary::{summarize_numbered, Summary, SummaryError, SummaryOptions};
use super::{FitError, PredictError, Rft, RowError, TimeUnit, Transaction};
use serde::{Deserialize, Serialize};

/// The model checked.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum HoldoutModel {
    Bgnbd,
    Paretonbd,
}

impl HoldoutModel {
    /// Reads `bgnbd` / `paretonbd` (also `BG/NBD`, `Pareto/NBD`, any case).
    pub fn parse(text: &str) -> Option<HoldoutModel> {
        let t: String = text
            .chars()
            .filter(|c| c.is_alphanumeric())
            .collect::<String>()
            .to_lowercase();
        match t.as_str() {
            "bgnbd" => Some(HoldoutModel::Bgnbd),
            "paretonbd" | "pnbd" => Some(HoldoutModel::Paretonbd),
            _ => None,
        }
    }
}

/// Parameters of either model.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
#[serde(untagged)]
pub enum ModelParams {
    BgNbd(BgNbdParams),
    ParetoNbd(ParetoNbdParams),
}

impl ModelParams {
    /// Expected purchases in the next `t` units of each customer.
    pub fn expected(&self, data: Rft, t: f64) -> Result<Vec<f64>, PredictError> {
        Ok(match self {
            ModelParams::BgNbd(p) => bgnbd::predict(p, data, t)?.expected,
            ModelParams::ParetoNbd(p) => pareto_nbd::predict(p, data, t)?.expected,
        })
    }
}

/// What the check needs: all explicit.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct HoldoutOptions {
    /// The calibration end (inclusive), days since 1970-01-01.
    pub calibration_end: i64,
    /// The observation end (inclusive), after the calibration end.
    pub observation_end: i64,
    pub unit: TimeUnit,
    pub model: HoldoutModel,
}

/// One calibration-frequency group: its customers' mean predicted and actual holdout purchases.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct FrequencyGroup {
    /// Repeat purchases in the calibration period: 0 to 6, and 7 for 7 or more.
    pub frequency: u32,
    pub customers: usize,
    /// Mean over the group (NaN for an empty group).
    pub predicted: f64,
    pub actual: f64,
}

/// Per customer, in the summary's order.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct PerCustomer {
    pub ids: Vec<String>,
    pub predicted: Vec<f64>,
    pub actual: Vec<f64>,
}

/// The check's result.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Holdout {
    pub model: HoldoutModel,
    /// The parameters fitted on the calibration period.
    pub params: ModelParams,
    /// The calibration fit's log-likelihood (None when the parameters were given).
    pub log_likelihood: Option<f64>,
    pub customers: usize,
    /// The holdout's length in the unit.
    pub duration_holdout: f64,
    pub predicted_total: f64,
    pub actual_total: f64,
    /// Mean over customers of |predicted − actual|.
    pub mean_absolute_error: f64,
    pub by_frequency: Vec<FrequencyGroup>,
    pub per_customer: PerCustomer,
    /// Customers first seen in the holdout (left out, as lifetimes does).
    pub holdout_only: usize,
    /// Transactions after the observation end, left out.
    pub after_end: usize,
    /// Rows that could not be used, with their row numbers.
    pub errors: Vec<RowError>,
}

/// Why the check could not be made.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum HoldoutError {
    #[error(transparent)]
    Summary(#[from] SummaryError),
    #[error("the calibration fit failed: {0}")]
    Fit(#[from] FitError),
    #[error(transparent)]
    Predict(#[from] PredictError),
    #[error("no customer made a purchase in the calibration period")]
    NoCustomers,
}

/// The groups 0…7+ of predicted and actual holdout purchases, given per customer.
pub fn by_frequency(frequency: &[f64], predicted: &[f64], actual: &[f64]) -> Vec<FrequencyGroup> {
    let mut sums = [(0usize, 0.0_f64, 0.0_f64); 8];
    for ((&x, &p), &a) in frequency.iter().zip(predicted).zip(actual) {
        let k = if x >= 7.0 { 7 } else { x as usize };
        if let Some(g) = sums.get_mut(k) {
            g.0 += 1;
            g.1 += p;
            g.2 += a;
        }
    }
    sums.iter()
        .enumerate()
        .map(|(k, &(n, p, a))| FrequencyGroup {
            frequency: k as u32,
            customers: n,
            predicted: p / n as f64,
            actual: a / n as f64,
        })
        .collect()
}

/// The check of given parameters on a calibration summary (one built with a calibration end).
pub fn holdout_table(summary: &Summary, params: ModelParams) -> Result<Holdout, HoldoutError> {
    let (x, tx, t, _) = summary.columns();
    if x.is_empty() {
        return Err(HoldoutError::NoCustomers);
    }
    let duration = summary
        .customers
        .first()
        .and_then(|c| c.duration_holdout)
        .unwrap_or(0.0);
    let data = Rft {
        frequency: &x,
        recency: &tx,
        t: &t,
    };
    let predicted = params.expected(data, duration)?;
    let actual: Vec<f64> = summary
        .customers
        .iter()
        .map(|c| c.frequency_holdout.unwrap_or(0.0))
        .collect();
    let n = x.len() as f64;
    let mae = predicted
        .iter()
        .zip(&actual)
        .map(|(p, a)| (p - a).abs())
        .sum::<f64>()
        / n;
    Ok(Holdout {
        model: match params {
            ModelParams::BgNbd(_) => HoldoutModel::Bgnbd,
            ModelParams::ParetoNbd(_) => HoldoutModel::Paretonbd,
        },
        params,
        log_likelihood: None,
        customers: x.len(),
        duration_holdout: duration,
        predicted_total: predicted.iter().sum(),
        actual_total: actual.iter().sum(),
        mean_absolute_error: mae,
        by_frequency: by_frequency(&x, &predicted, &actual),
        per_customer: PerCustomer {
            ids: summary.customers.iter().map(|c| c.id.clone()).collect(),
            predicted,
            actual,
        },
        holdout_only: summary.holdout_only,
        after_end: summary.after_end,
        errors: summary.errors.clone(),
    })
}

/// Splits the log, fits the model on the calibration period and checks it on the holdout.
pub fn calibration_holdout_numbered<'a>(
    transactions: impl Iterator<Item = (usize, &'a Transaction)>,
    options: &HoldoutOptions,
) -> Result<Holdout, HoldoutError> {
    let summary = summarize_numbered(
        transactions,
        &SummaryOptions {
            unit: options.unit,
            end: options.observation_end,
            calibration_end: Some(options.calibration_end),
        },
    )?;
    if summary.customers.is_empty() {
        return Err(HoldoutError::NoCustomers);
    }
    let (x, tx, t, _) = summary.columns();
    let data = Rft {
        frequency: &x,
        recency: &tx,
        t: &t,
    };
    let (params, ll) = match options.model {
        HoldoutModel::Bgnbd => {
            let f = bgnbd::fit(data)?;
            (ModelParams::BgNbd(f.params), f.log_likelihood)
        }
        HoldoutModel::Paretonbd => {
            let f = pareto_nbd::fit(data)?;
            (ModelParams::ParetoNbd(f.params), f.log_likelihood)
        }
    };
    let mut out = holdout_table(&summary, params)?;
    out.log_likelihood = Some(ll);
    Ok(out)
}

/// [`calibration_holdout_numbered`] with the transactions numbered from 1.
pub fn calibration_holdout(
    log: &[Transaction],
    options: &HoldoutOptions,
) -> Result<Holdout, HoldoutError> {
    calibration_holdout_numbered(log.iter().enumerate().map(|(i, t)| (i + 1, t)), options)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn groups_pool_seven_and_more() {
        let x = [0.0, 0.0, 1.0, 7.0, 12.0];
        let p = [0.1, 0.3, 1.0, 5.0, 7.0];
        let a = [0.0, 1.0, 2.0, 4.0, 6.0];
        let g = by_frequency(&x, &p, &a);
        assert_eq!(g.len(), 8);
        assert_eq!((g[0].customers, g[0].predicted, g[0].actual), (2, 0.2, 0.5));
        assert_eq!((g[7].customers, g[7].predicted, g[7].actual), (2, 6.0, 5.0));
        assert_eq!(g[3].customers, 0);
        assert!(g[3].predicted.is_nan());
    }

    #[test]
    fn model_names() {
        assert_eq!(HoldoutModel::parse("BG/NBD"), Some(HoldoutModel::Bgnbd));
        assert_eq!(
            HoldoutModel::parse("paretonbd"),
            Some(HoldoutModel::Paretonbd)
        );
        assert_eq!(
            HoldoutModel::parse("Pareto/NBD"),
            Some(HoldoutModel::Paretonbd)
        );
        assert_eq!(HoldoutModel::parse("gamma"), None);
    }
}
