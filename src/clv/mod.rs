//! Account futures from the transaction log (MODEL §6): the RFM summary, BG/NBD
//! (Fader, Hardie & Lee 2005, *Marketing Science* 24(2)), Gamma-Gamma (Fader, Hardie & Lee
//! 2005, *JMR* 42(4)), Pareto/NBD (Schmittlein, Morrison & Colombo 1987), the
//! calibration/holdout check, and the discounted customer lifetime value, as the `lifetimes` Python
//! package computes them.
//!
//! Plain Rust, no JavaScript types: the bindings live in `crate::wasm::clv`. Every
//! transcendental function comes from `libm`, so a fit gives the same bits natively and in
//! WebAssembly. Nothing here panics: bad input and failed fits are errors with a message.
//!
//! Time is always in an explicit [`TimeUnit`]: the summary is built in one, the models are
//! fitted on that summary (their `alpha` and every `t` are then in that unit), and the CLV
//! call names the unit again to know how long a month is.

pub mod bgnbd;
#[allow(clippy::module_inception)]
pub mod clv;
pub mod columns;
pub mod gamma_gamma;
pub mod holdout;
pub mod holdout_split;
pub mod hyp2f1;
pub mod intervals;
pub mod join;
pub mod labels;
mod optim;
pub mod pareto_nbd;
#[cfg(test)]
mod sim;
pub mod summary;
pub mod summary_columns;
pub mod verdict;

pub use bgnbd::{BgNbdFit, BgNbdParams, BgNbdPrediction};
pub use clv::{customer_lifetime_value, customer_lifetime_values, ClvOptions, History};
pub use gamma_gamma::{GammaGammaFit, GammaGammaParams};
pub use holdout::{calibration_holdout, Holdout, HoldoutModel, HoldoutOptions};
pub use join::{join_futures, CustomerFuture, JoinResult, JoinStatus};
pub use pareto_nbd::{ParetoNbdFit, ParetoNbdParams, ParetoNbdPrediction};
pub use summary::{
    summarize, summarize_rows, CustomerSummary, RowError, Summary, SummaryError, SummaryOptions,
    Transaction,
};

use serde::{Deserialize, Serialize};

/// Days in the month unit: the mean Gregorian month, 365.2425 / 12.
pub const DAYS_PER_MONTH: f64 = 30.4375;

/// The unit recency, T, the holdout duration, `alpha` and prediction horizons are in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum TimeUnit {
    Day,
    Week,
    /// 30.4375 days.
    Month,
}

impl TimeUnit {
    /// The length of one unit in days.
    pub fn days(self) -> f64 {
        match self {
            TimeUnit::Day => 1.0,
            TimeUnit::Week => 7.0,
            TimeUnit::Month => DAYS_PER_MONTH,
        }
    }

    /// How many of this unit make one month (30.4375 days).
    pub fn per_month(self) -> f64 {
        DAYS_PER_MONTH / self.days()
    }

    /// Reads `day`/`week`/`month` (also `d`/`w`/`m`, plurals, 天/周/月).
    pub fn parse(text: &str) -> Option<TimeUnit> {
        match text.trim().to_lowercase().as_str() {
            "day" | "days" | "d" | "天" | "日" => Some(TimeUnit::Day),
            "week" | "weeks" | "w" | "周" | "星期" => Some(TimeUnit::Week),
            "month" | "months" | "m" | "月" => Some(TimeUnit::Month),
            _ => None,
        }
    }
}

/// The (frequency, recency, T) columns of a summary as the models read them, with checks.
#[derive(Debug, Clone, Copy)]
pub struct Rft<'a> {
    pub frequency: &'a [f64],
    pub recency: &'a [f64],
    pub t: &'a [f64],
}

/// Why a customer's (frequency, recency, T) cannot be used.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum InputError {
    #[error("the columns differ in length: frequency {frequency}, recency {recency}, T {t}")]
    LengthMismatch {
        frequency: usize,
        recency: usize,
        t: usize,
    },
    #[error("no customers")]
    Empty,
    #[error("customer {index}: frequency {value} is not a whole number ≥ 0")]
    BadFrequency { index: usize, value: f64 },
    #[error("customer {index}: recency {value} is not a number ≥ 0")]
    BadRecency { index: usize, value: f64 },
    #[error("customer {index}: T {value} is not a number ≥ 0")]
    BadAge { index: usize, value: f64 },
    #[error("customer {index}: recency {recency} is larger than T {t}")]
    RecencyAfterAge { index: usize, recency: f64, t: f64 },
    #[error("customer {index}: recency {recency} is not 0 although frequency is 0")]
    RecencyWithoutRepeat { index: usize, recency: f64 },
}

/// Why a set of model parameters cannot be used.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum ParamsError {
    #[error("{model} parameter {name} must be a finite number > 0 (got {value})")]
    NotPositive {
        model: &'static str,
        name: &'static str,
        value: f64,
    },
}

pub(crate) fn check_positive(
    model: &'static str,
    pairs: &[(&'static str, f64)],
) -> Result<(), ParamsError> {
    for &(name, value) in pairs {
        if !(value.is_finite() && value > 0.0) {
            return Err(ParamsError::NotPositive { model, name, value });
        }
    }
    Ok(())
}

/// Why a model could not be fitted.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum FitError {
    #[error(transparent)]
    Input(#[from] InputError),
    #[error(transparent)]
    Optim(#[from] optim::OptimError),
    #[error("no customer made a repeat purchase: the {0} model cannot be fitted")]
    NoRepeatBuyers(&'static str),
    #[error(
        "the {model} fit ran off to {name} = {value:e}: the data do not identify the model \
         (too few repeat purchases, or a unit far from the purchase rhythm)"
    )]
    Boundary {
        model: &'static str,
        name: &'static str,
        value: f64,
    },
    #[error(
        "the {model} fit found no maximum (the gradient is still {gradient:e}): the likelihood \
         keeps rising towards a limit, so the data leave a parameter undetermined (e.g. no \
         spread between customers)"
    )]
    NotStationary { model: &'static str, gradient: f64 },
    #[error(
        "the {model} fit stopped where the likelihood is not curved like a maximum \
         (the Hessian is not positive definite): no standard errors"
    )]
    NotAMaximum { model: &'static str },
    #[error("customer {index}: mean spend {value} must be a number > 0 for a repeat buyer")]
    BadMonetary { index: usize, value: f64 },
    #[error("the columns differ in length: frequency {frequency}, monetary {monetary}")]
    MonetaryLength { frequency: usize, monetary: usize },
    #[error("the columns differ in length: {rows} customers, {weights} weights")]
    WeightsLength { rows: usize, weights: usize },
    #[error("customer {index}: weight {value} must be a finite number ≥ 0")]
    BadWeight { index: usize, value: f64 },
}

/// Checks a weight column against the number of rows (each weight finite and ≥ 0).
pub(crate) fn check_weights(rows: usize, weights: &[f64]) -> Result<(), FitError> {
    if weights.len() != rows {
        return Err(FitError::WeightsLength {
            rows,
            weights: weights.len(),
        });
    }
    match weights.iter().position(|w| !(w.is_finite() && *w >= 0.0)) {
        Some(i) => Err(FitError::BadWeight {
            index: i + 1,
            value: weights[i],
        }),
        None => Ok(()),
    }
}

/// Why a prediction could not be made.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum PredictError {
    #[error(transparent)]
    Params(#[from] ParamsError),
    #[error(transparent)]
    Input(#[from] InputError),
    #[error(transparent)]
    Hyp2f1(#[from] hyp2f1::Hyp2f1Error),
    #[error("the horizon t must be a number ≥ 0 (got {0})")]
    BadHorizon(f64),
    #[error("customer {index}: mean spend {value} must be a number ≥ 0")]
    BadMonetary { index: usize, value: f64 },
    #[error("the columns differ in length: {0}")]
    LengthMismatch(String),
    #[error(
        "the Gamma-Gamma population mean spend is infinite (q = {q} ≤ 1): \
         no expected spend for a customer without repeat purchases"
    )]
    InfiniteMeanSpend { q: f64 },
    #[error("the discount rate must be a number > −1 (got {0})")]
    BadDiscountRate(f64),
    #[error("the prediction is not a finite number")]
    NotFinite,
}

/// Checks one customer's history (index counted from 0, shown from 1).
pub fn check_customer(index: usize, x: f64, tx: f64, t: f64) -> Result<(), InputError> {
    let shown = index + 1;
    if !(x.is_finite() && x >= 0.0 && x == x.floor()) {
        return Err(InputError::BadFrequency {
            index: shown,
            value: x,
        });
    }
    if !(tx.is_finite() && tx >= 0.0) {
        return Err(InputError::BadRecency {
            index: shown,
            value: tx,
        });
    }
    if !(t.is_finite() && t >= 0.0) {
        return Err(InputError::BadAge {
            index: shown,
            value: t,
        });
    }
    if tx > t {
        return Err(InputError::RecencyAfterAge {
            index: shown,
            recency: tx,
            t,
        });
    }
    if x == 0.0 && tx != 0.0 {
        return Err(InputError::RecencyWithoutRepeat {
            index: shown,
            recency: tx,
        });
    }
    Ok(())
}

impl Rft<'_> {
    /// Checks the lengths and every customer.
    pub fn check(&self, allow_empty: bool) -> Result<(), InputError> {
        let (n, r, t) = (self.frequency.len(), self.recency.len(), self.t.len());
        if n != r || n != t {
            return Err(InputError::LengthMismatch {
                frequency: n,
                recency: r,
                t,
            });
        }
        if n == 0 && !allow_empty {
            return Err(InputError::Empty);
        }
        for (i, ((&x, &tx), &tt)) in self
            .frequency
            .iter()
            .zip(self.recency)
            .zip(self.t)
            .enumerate()
        {
            check_customer(i, x, tx, tt)?;
        }
        Ok(())
    }
}

/// ln(e^a + e^b) without overflow.
pub(crate) fn log_add_exp(a: f64, b: f64) -> f64 {
    if a == f64::NEG_INFINITY {
        return b;
    }
    if b == f64::NEG_INFINITY {
        return a;
    }
    let m = a.max(b);
    m + libm::log1p(libm::exp(-(a - b).abs()))
}

/// 1 / (1 + e^v) without overflow.
pub(crate) fn logistic_neg(v: f64) -> f64 {
    if v >= 0.0 {
        let e = libm::exp(-v);
        e / (1.0 + e)
    } else {
        1.0 / (1.0 + libm::exp(v))
    }
}
