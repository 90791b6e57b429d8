//! Every CLV error as a [`Label`]: a stable code (`clv.<code>`) and its text in each language,
//! with the same values the English `Display` message shows, so a binding can raise the error
//! in the user's language.

use super::holdout::HoldoutError;
use super::hyp2f1::Hyp2f1Error;
use super::intervals::IntervalError;
use super::optim::OptimError;
use super::summary::SummaryError;
use super::summary_columns::ColumnsError;
use super::{FitError, InputError, ParamsError, PredictError};
use crate::texts::Label;

/// An error that can say what went wrong in every language.
pub trait ErrorLabel {
    fn error_label(&self) -> Label;
}

macro_rules! error_label {
    ($($t:ty),*) => {$(
        impl ErrorLabel for $t {
            fn error_label(&self) -> Label {
                self.label()
            }
        }
    )*};
}
error_label!(
    InputError,
    ParamsError,
    OptimError,
    Hyp2f1Error,
    FitError,
    PredictError,
    SummaryError,
    ColumnsError,
    HoldoutError,
    IntervalError
);

fn label(code: &str, args: &[(&str, &str)]) -> Label {
    Label::with_args("clv", code, args)
}

fn n(v: f64) -> String {
    v.to_string()
}

fn sci(v: f64) -> String {
    format!("{v:e}")
}

impl InputError {
    pub fn label(&self) -> Label {
        match self {
            InputError::LengthMismatch {
                frequency,
                recency,
                t,
            } => label(
                "input_length",
                &[
                    ("frequency", &frequency.to_string()),
                    ("recency", &recency.to_string()),
                    ("t", &t.to_string()),
                ],
            ),
            InputError::Empty => label("no_customers", &[]),
            InputError::BadFrequency { index, value } => label(
                "bad_frequency",
                &[("index", &index.to_string()), ("value", &n(*value))],
            ),
            InputError::BadRecency { index, value } => label(
                "bad_recency",
                &[("index", &index.to_string()), ("value", &n(*value))],
            ),
            InputError::BadAge { index, value } => label(
                "bad_age",
                &[("index", &index.to_string()), ("value", &n(*value))],
            ),
            InputError::RecencyAfterAge { index, recency, t } => label(
                "recency_after_age",
                &[
                    ("index", &index.to_string()),
                    ("recency", &n(*recency)),
                    ("t", &n(*t)),
                ],
            ),
            InputError::RecencyWithoutRepeat { index, recency } => label(
                "recency_without_repeat",
                &[("index", &index.to_string()), ("recency", &n(*recency))],
            ),
        }
    }
}

impl ParamsError {
    pub fn label(&self) -> Label {
        match self {
            ParamsError::NotPositive { model, name, value } => label(
                "not_positive",
                &[("model", model), ("name", name), ("value", &n(*value))],
            ),
        }
    }
}

impl OptimError {
    pub fn label(&self) -> Label {
        match self {
            OptimError::NoConvergence(i) => {
                label("no_convergence", &[("iterations", &i.to_string())])
            }
            OptimError::BadStart => label("bad_start", &[]),
        }
    }
}

impl Hyp2f1Error {
    pub fn label(&self) -> Label {
        let (code, a, b, c, z, terms) = match *self {
            Hyp2f1Error::NotFinite { a, b, c, z } => ("hyp2f1_not_finite", a, b, c, z, 0),
            Hyp2f1Error::PoleInC { a, b, c, z } => ("hyp2f1_pole", a, b, c, z, 0),
            Hyp2f1Error::OutOfDomain { a, b, c, z } => ("hyp2f1_domain", a, b, c, z, 0),
            Hyp2f1Error::NoConvergence { a, b, c, z, terms } => {
                ("hyp2f1_no_convergence", a, b, c, z, terms)
            }
            Hyp2f1Error::Overflow { a, b, c, z } => ("hyp2f1_overflow", a, b, c, z, 0),
        };
        label(
            code,
            &[
                ("a", &n(a)),
                ("b", &n(b)),
                ("c", &n(c)),
                ("z", &n(z)),
                ("terms", &terms.to_string()),
            ],
        )
    }
}

impl FitError {
    pub fn label(&self) -> Label {
        match self {
            FitError::Input(e) => e.label(),
            FitError::Optim(e) => e.label(),
            FitError::NoRepeatBuyers(model) => label("no_repeat_buyers", &[("model", model)]),
            FitError::Boundary { model, name, value } => label(
                "boundary",
                &[("model", model), ("name", name), ("value", &sci(*value))],
            ),
            FitError::NotStationary { model, gradient } => label(
                "not_stationary",
                &[("model", model), ("gradient", &sci(*gradient))],
            ),
            FitError::NotAMaximum { model } => label("not_a_maximum", &[("model", model)]),
            FitError::BadMonetary { index, value } => label(
                "fit_bad_monetary",
                &[("index", &index.to_string()), ("value", &n(*value))],
            ),
            FitError::MonetaryLength {
                frequency,
                monetary,
            } => label(
                "monetary_length",
                &[
                    ("frequency", &frequency.to_string()),
                    ("monetary", &monetary.to_string()),
                ],
            ),
            FitError::WeightsLength { rows, weights } => label(
                "weights_length",
                &[
                    ("rows", &rows.to_string()),
                    ("weights", &weights.to_string()),
                ],
            ),
            FitError::BadWeight { index, value } => label(
                "bad_weight",
                &[("index", &index.to_string()), ("value", &n(*value))],
            ),
        }
    }
}

impl PredictError {
    pub fn label(&self) -> Label {
        match self {
            PredictError::Params(e) => e.label(),
            PredictError::Input(e) => e.label(),
            PredictError::Hyp2f1(e) => e.label(),
            PredictError::BadHorizon(t) => label("bad_horizon", &[("value", &n(*t))]),
            PredictError::BadMonetary { index, value } => label(
                "bad_monetary",
                &[("index", &index.to_string()), ("value", &n(*value))],
            ),
            PredictError::LengthMismatch(detail) => label("predict_length", &[("detail", detail)]),
            PredictError::InfiniteMeanSpend { q } => label("infinite_mean_spend", &[("q", &n(*q))]),
            PredictError::BadDiscountRate(r) => label("bad_discount_rate", &[("value", &n(*r))]),
            PredictError::NotFinite => label("not_finite", &[]),
        }
    }
}

impl SummaryError {
    pub fn label(&self) -> Label {
        match self {
            SummaryError::CalibrationNotBeforeEnd {
                calibration_end,
                end,
            } => label(
                "calibration_not_before_end",
                &[("calibration_end", calibration_end), ("end", end)],
            ),
        }
    }
}

impl ColumnsError {
    pub fn label(&self) -> Label {
        match self {
            ColumnsError::LengthMismatch {
                ids,
                dates,
                amounts,
            } => label(
                "log_length",
                &[
                    ("ids", &ids.to_string()),
                    ("dates", &dates.to_string()),
                    ("amounts", &amounts.to_string()),
                ],
            ),
            ColumnsError::Summary(e) => e.label(),
        }
    }
}

impl HoldoutError {
    pub fn label(&self) -> Label {
        match self {
            HoldoutError::Summary(e) => e.label(),
            HoldoutError::Fit(e) => {
                let inner = e.label();
                Label::localized("clv", "calibration_fit_failed", |lang| {
                    vec![("detail", inner.in_lang(lang).to_string())]
                })
            }
            HoldoutError::Predict(e) => e.label(),
            HoldoutError::NoCustomers => label("no_calibration_customers", &[]),
        }
    }
}

impl IntervalError {
    pub fn label(&self) -> Label {
        match self {
            IntervalError::BadLevel(level) => label("bad_level", &[("value", &n(*level))]),
            IntervalError::BadCovariance(size) => {
                label("bad_covariance", &[("size", &size.to_string())])
            }
            IntervalError::Predict(e) => e.label(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::texts::{has, Lang};

    /// One of each variant: its English text is the `Display` message, word for word, and it
    /// has a Chinese text of its own.
    #[test]
    fn every_error_reads_as_its_message_and_in_chinese() {
        let h = (1.0, 2.0, 3.0, 0.5);
        let errors: Vec<(String, Label)> = vec![
            {
                let e = InputError::LengthMismatch {
                    frequency: 3,
                    recency: 2,
                    t: 3,
                };
                (e.to_string(), e.label())
            },
            (InputError::Empty.to_string(), InputError::Empty.label()),
            {
                let e = FitError::Input(InputError::BadFrequency {
                    index: 4,
                    value: 1.5,
                });
                (e.to_string(), e.label())
            },
            {
                let e = InputError::BadRecency {
                    index: 2,
                    value: -1.0,
                };
                (e.to_string(), e.label())
            },
            {
                let e = InputError::BadAge {
                    index: 2,
                    value: f64::NAN,
                };
                (e.to_string(), e.label())
            },
            {
                let e = InputError::RecencyAfterAge {
                    index: 7,
                    recency: 30.5,
                    t: 12.0,
                };
                (e.to_string(), e.label())
            },
            {
                let e = InputError::RecencyWithoutRepeat {
                    index: 7,
                    recency: 3.0,
                };
                (e.to_string(), e.label())
            },
            {
                let e = PredictError::Params(ParamsError::NotPositive {
                    model: "BG/NBD",
                    name: "r",
                    value: -2.0,
                });
                (e.to_string(), e.label())
            },
            {
                let e = FitError::Optim(OptimError::NoConvergence(20000));
                (e.to_string(), e.label())
            },
            (
                OptimError::BadStart.to_string(),
                OptimError::BadStart.label(),
            ),
            {
                let e = PredictError::Hyp2f1(Hyp2f1Error::NotFinite {
                    a: h.0,
                    b: h.1,
                    c: h.2,
                    z: h.3,
                });
                (e.to_string(), e.label())
            },
            {
                let e = Hyp2f1Error::PoleInC {
                    a: h.0,
                    b: h.1,
                    c: -2.0,
                    z: h.3,
                };
                (e.to_string(), e.label())
            },
            {
                let e = Hyp2f1Error::OutOfDomain {
                    a: h.0,
                    b: h.1,
                    c: h.2,
                    z: 1.5,
                };
                (e.to_string(), e.label())
            },
            {
                let e = Hyp2f1Error::NoConvergence {
                    a: h.0,
                    b: h.1,
                    c: h.2,
                    z: h.3,
                    terms: 100000,
                };
                (e.to_string(), e.label())
            },
            {
                let e = Hyp2f1Error::Overflow {
                    a: h.0,
                    b: h.1,
                    c: h.2,
                    z: h.3,
                };
                (e.to_string(), e.label())
            },
            (
                FitError::NoRepeatBuyers("BG/NBD").to_string(),
                FitError::NoRepeatBuyers("BG/NBD").label(),
            ),
            {
                let e = FitError::Boundary {
                    model: "BG/NBD",
                    name: "a",
                    value: 3.2e-12,
                };
                (e.to_string(), e.label())
            },
            {
                let e = FitError::NotStationary {
                    model: "Pareto/NBD",
                    gradient: 0.0042,
                };
                (e.to_string(), e.label())
            },
            {
                let e = FitError::NotAMaximum {
                    model: "Gamma-Gamma",
                };
                (e.to_string(), e.label())
            },
            {
                let e = FitError::BadMonetary {
                    index: 9,
                    value: 0.0,
                };
                (e.to_string(), e.label())
            },
            {
                let e = FitError::MonetaryLength {
                    frequency: 5,
                    monetary: 4,
                };
                (e.to_string(), e.label())
            },
            {
                let e = FitError::WeightsLength {
                    rows: 5,
                    weights: 4,
                };
                (e.to_string(), e.label())
            },
            {
                let e = FitError::BadWeight {
                    index: 2,
                    value: -1.0,
                };
                (e.to_string(), e.label())
            },
            (
                PredictError::BadHorizon(-1.0).to_string(),
                PredictError::BadHorizon(-1.0).label(),
            ),
            {
                let e = PredictError::BadMonetary {
                    index: 3,
                    value: -5.0,
                };
                (e.to_string(), e.label())
            },
            {
                let e = PredictError::LengthMismatch("frequency 3, recency 2".into());
                (e.to_string(), e.label())
            },
            {
                let e = PredictError::InfiniteMeanSpend { q: 0.8 };
                (e.to_string(), e.label())
            },
            (
                PredictError::BadDiscountRate(-1.5).to_string(),
                PredictError::BadDiscountRate(-1.5).label(),
            ),
            (
                PredictError::NotFinite.to_string(),
                PredictError::NotFinite.label(),
            ),
            {
                let e = ColumnsError::Summary(SummaryError::CalibrationNotBeforeEnd {
                    calibration_end: "1997-10-01".into(),
                    end: "1997-09-30".into(),
                });
                (e.to_string(), e.label())
            },
            {
                let e = ColumnsError::LengthMismatch {
                    ids: 3,
                    dates: 2,
                    amounts: 3,
                };
                (e.to_string(), e.label())
            },
        ];
        let mut codes = std::collections::HashSet::new();
        for (message, l) in &errors {
            assert!(has(Lang::En, &format!("clv.{}", l.code)), "{}", l.code);
            assert_eq!(&l.en, message, "{}", l.code);
            assert!(
                l.zh.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c)),
                "{}",
                l.zh
            );
            assert!(
                !l.zh.contains('{'),
                "{}: a placeholder left in {}",
                l.code,
                l.zh
            );
            codes.insert(l.code.clone());
        }
        // Every variant has a code of its own (the wrappers take their inner error's).
        assert_eq!(codes.len(), errors.len());
        let wrapped = HoldoutError::Fit(FitError::NotAMaximum { model: "BG/NBD" }).label();
        assert!(
            wrapped.zh.starts_with("校准期拟合失败：BG/NBD 拟合停在"),
            "{}",
            wrapped.zh
        );
    }
}
