//! WebAssembly bindings: thin camelCase wrappers over the core, errors turned into JS
//! `Error`s at the edge, results typed for TypeScript. No rule lives here.

mod convert;
mod scoring;
mod types;

pub use scoring::*;
