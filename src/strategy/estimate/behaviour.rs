//! What a row shows of the account's behaviour, read once for the status estimate (§4.8) and
//! the lifecycle stage (§4.9): tenure, recency, frequency, growth, share, complaints.

use super::{show, EstimateOptions, Shown};
use crate::row::AccountRow;
use crate::strategy::churn::{
    days_since_last_order, quiet_limit_days, usual_interval_days, ChurnOptions,
};
use crate::texts::{Label, Lang};

/// Days in a year, for tenure from a first-order date.
const DAYS_PER_YEAR: f64 = 365.25;

/// The behaviour a row records; every part may be unknown.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Behaviour {
    /// Years as a customer: `relationship_years`, else from `first_order_date` to the as-of day.
    pub years: Option<f64>,
    /// `is_customer` recorded as no.
    pub not_customer: bool,
    /// No order in the last 12 months: `order_count` 0, or (without it) `annual_purchase` 0.
    pub no_orders: bool,
    /// Anything showing a past relationship: a last order, or tenure above 0.
    pub history: bool,
    pub growth: Option<f64>,
    pub days_since_last_order: Option<f64>,
    /// max(multiplier × usual interval, min days), §4.5's rule; with the days above.
    pub quiet_limit: Option<f64>,
    /// Orders a year: `order_count`, else 365 / `usual_interval_days`.
    pub orders_per_year: Option<f64>,
    pub share_of_wallet: Option<f64>,
    pub complaints: Option<f64>,
    pub competitor_gaining: bool,
    /// The row records at least one of the figures above (or an annual purchase).
    pub any: bool,
}

impl Behaviour {
    /// Reads the row. `as_of` (days since 1970-01-01) dates recency and tenure.
    pub fn of(row: &AccountRow, as_of: Option<i64>, churn: &ChurnOptions) -> Behaviour {
        let years = row
            .number("relationship_years")
            .filter(|y| y.is_finite() && *y >= 0.0)
            .or_else(|| {
                let first = row.date("first_order_date")?;
                let days = as_of? - first;
                (days >= 0).then(|| days as f64 / DAYS_PER_YEAR)
            });
        let orders = row.number("order_count").filter(|n| *n >= 0.0);
        let purchase = row.number("annual_purchase");
        let no_orders = match orders {
            Some(n) => n == 0.0,
            None => purchase == Some(0.0),
        };
        let days = days_since_last_order(row, as_of).ok().flatten();
        let interval = usual_interval_days(row);
        let quiet_limit = days.map(|_| quiet_limit_days(interval, churn));
        let orders_per_year = orders.or_else(|| interval.map(|d| 365.0 / d));
        let growth = row.number("growth_rate").filter(|g| g.is_finite());
        let share_of_wallet = row.number("share_of_wallet").filter(|s| s.is_finite());
        let complaints = row.number("complaints").filter(|c| *c >= 0.0);
        let not_customer = row.flag("is_customer") == Some(false);
        let competitor_gaining = row.flag("competitor_gaining") == Some(true);
        let any = years.is_some()
            || orders.is_some()
            || purchase.is_some()
            || days.is_some()
            || growth.is_some()
            || share_of_wallet.is_some()
            || complaints.is_some()
            || row.flag("is_customer").is_some()
            || row.flag("competitor_gaining").is_some();
        Behaviour {
            years,
            not_customer,
            no_orders,
            history: days.is_some() || years.is_some_and(|y| y > 0.0),
            growth,
            days_since_last_order: days,
            quiet_limit,
            orders_per_year,
            share_of_wallet,
            complaints,
            competitor_gaining,
            any,
        }
    }

    /// Quiet by §4.5's rule: more days since the last order than the limit.
    pub fn quiet(&self) -> bool {
        matches!((self.days_since_last_order, self.quiet_limit), (Some(d), Some(l)) if d > l)
    }

    /// Not bought yet: not a customer, or no orders and nothing showing a past relationship.
    pub fn no_purchase_yet(&self) -> bool {
        self.not_customer || (self.no_orders && !self.history)
    }

    /// No order in the last 12 months although the account has a past.
    pub fn lapsed(&self) -> bool {
        self.no_orders && self.history && !self.not_customer
    }

    pub fn growing(&self, o: &EstimateOptions) -> bool {
        self.growth.is_some_and(|g| g > o.growing_growth)
    }

    /// The evidence that nothing has been bought yet.
    pub fn no_purchase_evidence(&self) -> Vec<Label> {
        if self.not_customer {
            vec![Label::new("evidence", "not_customer")]
        } else {
            vec![Label::new("evidence", "no_orders")]
        }
    }

    /// The evidence that purchases are falling; empty when they are not.
    pub fn falling_evidence(&self, o: &EstimateOptions) -> Vec<Label> {
        let mut out = Vec::new();
        if let Some(g) = self.growth.filter(|g| *g < o.falling_growth) {
            out.push(share_label("growth_falling", g, o.falling_growth));
        }
        if self.quiet() {
            if let (Some(d), Some(l)) = (self.days_since_last_order, self.quiet_limit) {
                out.push(Label::localized("evidence", "quiet", |lang| {
                    vec![
                        ("days", show(d, Shown::Days, lang)),
                        ("limit", show(l, Shown::Days, lang)),
                    ]
                }));
            }
        }
        if self.lapsed() {
            out.push(Label::new("evidence", "no_orders_12_months"));
        }
        out
    }

    /// Tenure in words: "合作 3.5 年".
    pub fn years_label(&self, code: &str, min: f64) -> Option<Label> {
        let y = self.years?;
        Some(Label::localized("evidence", code, |lang| {
            vec![
                ("years", show(y, Shown::Years, lang)),
                ("min", show(min, Shown::Years, lang)),
            ]
        }))
    }

    /// Growth in words, as steady or growing.
    pub fn growth_label(&self, code: &str) -> Option<Label> {
        let g = self.growth?;
        Some(Label::localized("evidence", code, |lang| {
            vec![("growth", show(g, Shown::Share, lang))]
        }))
    }
}

/// "增长率 −15%，低于 −10%".
pub(crate) fn share_label(code: &str, value: f64, limit: f64) -> Label {
    Label::localized("evidence", code, |lang: Lang| {
        vec![
            ("value", show(value, Shown::Share, lang)),
            ("limit", show(limit, Shown::Share, lang)),
        ]
    })
}

/// "投诉 4 次，达到 3 次".
pub(crate) fn count_label(code: &str, value: f64, limit: f64) -> Label {
    Label::localized("evidence", code, |lang: Lang| {
        vec![
            ("value", show(value, Shown::Count, lang)),
            ("limit", show(limit, Shown::Count, lang)),
        ]
    })
}
