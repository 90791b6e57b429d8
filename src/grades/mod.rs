//! Grades (MODEL §3): the shared language a sales team uses for an account.

pub mod attractiveness;
pub mod tier;
