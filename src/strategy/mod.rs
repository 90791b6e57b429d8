//! Relationship strategies (MODEL §4–§5): what to do with an account on Monday.
