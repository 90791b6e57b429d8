//! The Python module `kam_score._kam_score`: converts Arrow arrays (the C data interface) and
//! Python values, calls the core crate, converts back. No rule lives here.

mod arrow_io;
mod clv;
mod errors;
mod scoring;
mod strategy;

use pyo3::prelude::*;

#[pymodule]
fn _kam_score(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add("KamScoreError", m.py().get_type::<errors::KamScoreError>())?;
    scoring::register(m)?;
    clv::register(m)?;
    strategy::register(m)?;
    Ok(())
}
