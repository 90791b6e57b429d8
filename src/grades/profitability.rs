//! Account profitability (MODEL §3.8).
