//! WebAssembly bindings: thin camelCase wrappers over the core, errors turned into JS
//! `Error`s at the edge, results typed for TypeScript. No rule lives here.

mod clv;
mod clv_summary;
mod convert;
mod grades;
mod history;
mod rules;
mod safe;
mod scoring;
#[cfg(feature = "files")]
mod sheet;
mod strategy;
mod types;
mod units;

pub use clv::*;
pub use clv_summary::*;
pub use grades::*;
pub use history::*;
pub use rules::*;
pub use scoring::*;
#[cfg(feature = "files")]
pub use sheet::*;
pub use strategy::*;
pub use units::*;
