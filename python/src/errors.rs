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

/// A core error that carries no label of its own: its message under `code`.
pub fn plain<E: std::fmt::Display>(code: &str, e: E) -> PyErr {
    let text = e.to_string();
    coded(code, &text, &text)
}
