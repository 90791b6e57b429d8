//! The value pyramid (MODEL §3.2).
