//! kam-score: key-account value scoring (客户价值评分), grades (客户分级) and relationship
//! strategies (关系策略) for B2B account lists.
//!
//! The core modules are plain Rust; `wasm` holds the WebAssembly bindings and is compiled
//! only for `wasm32`.

pub mod clv;
pub mod field;
pub mod grades;
pub mod history;
pub mod model;
pub mod parse;
pub mod report;
pub mod row;
pub mod score;
pub mod sheets;
pub mod strategy;
pub mod texts;

#[cfg(target_arch = "wasm32")]
pub mod wasm;
