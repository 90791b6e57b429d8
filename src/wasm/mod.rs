//! WebAssembly bindings (filled in below).
