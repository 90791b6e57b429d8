//! Core errors as one Python exception class with the core's stable `code` and its texts.

use kam_score::texts::Label;
use pyo3::create_exception;
use pyo3::prelude::*;

create_exception!(
    _kam_score,
    KamScoreError,
    pyo3::exceptions::PyValueError,
    "A kam-score error: `code` (stable), `zh` and `en` (the message in Chinese and English)."
);

/// The exception for a labelled core error.
pub fn labelled(label: &Label) -> PyErr {
    coded(&label.code, &label.zh, &label.en)
}

/// The exception with its code and texts set as attributes.
pub fn coded(code: &str, zh: &str, en: &str) -> PyErr {
    Python::with_gil(|py| {
        let e = KamScoreError::new_err(en.to_string());
        let value = e.value(py);
        let _ = value.setattr("code", code);
        let _ = value.setattr("zh", zh);
        let _ = value.setattr("en", en);
        e
    })
}

/// An error of the Arrow columns or arguments given: `code` with its texts from the core's
/// tables (`arrow_error.<code>`), the placeholders filled.
pub fn arrow(code: &str, args: &[(&str, &str)]) -> PyErr {
    labelled(&Label::with_args("arrow_error", code, args))
}

/// A CLV error of the core: `code` with the texts of `clv_error.<code>` around the core's own
/// label of the error in the same language, and the core's code of the error as `reason`.
pub fn clv<E: kam_score::clv::labels::ErrorLabel>(code: &str, e: E) -> PyErr {
    let inner = e.error_label();
    let outer = Label::localized("clv_error", code, |lang| {
        vec![("detail", inner.in_lang(lang).to_string())]
    });
    let err = labelled(&outer);
    Python::with_gil(|py| {
        let _ = err.value(py).setattr("reason", inner.code.as_str());
    });
    err
}

/// An Arrow error with one `{detail}` placeholder.
pub fn arrow_detail<E: std::fmt::Display>(code: &str, e: E) -> PyErr {
    arrow(code, &[("detail", &e.to_string())])
}
