//! History (issue 19): two snapshots of a list compared ([`compare`]), and a win probability
//! learned from won and lost deals ([`win`]). Plain Rust; the bindings are in
//! `crate::wasm::history`.

pub mod compare;
pub mod pipeline;
pub mod win;

pub use compare::{compare_snapshots, AccountChange, CompareOptions, Comparison, Status};
pub use pipeline::{learned_pipeline, LearnedPipeline};
pub use win::{
    evaluate_win_model, fit_win_model, win_holdout, win_probability, HoldoutOptions, HoldoutReport,
    WinError, WinEvaluation, WinModel, WinOptions, WinProbability,
};
