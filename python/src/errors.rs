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

/// A CLV error of the core, which says what went wrong in English only: `code` with the
/// core's texts of `clv_error.<code>` around the core's message.
pub fn clv<E: std::fmt::Display>(code: &str, e: E) -> PyErr {
    labelled(&Label::with_args(
        "clv_error",
        code,
        &[("detail", &e.to_string())],
    ))
}

/// An Arrow error with one `{detail}` placeholder.
pub fn arrow_detail<E: std::fmt::Display>(code: &str, e: E) -> PyErr {
    arrow(code, &[("detail", &e.to_string())])
}
