//! One call for one account row: the whole relationship strategy (MODEL §5).
//!
//! One module per section of MODEL §3–§4: [`matrix`] (§4.1 with §4.8's estimates), [`level`]
//! (§4.2), [`cadence`] (§4.3), [`buying_centre`] (§4.4), [`churn`] (§4.5), [`satisfaction`]
//! (§4.6), [`steps`] (§4.7), [`lifecycle`] (§4.9) and [`pipeline`] (§3.6).
//!
//! `actions` are ordered by priority, most urgent first ([`ItemKind`] order):
//! 1. churn retention — a valuable account is slipping away or complaining;
//! 2. satisfaction below its ABC class's target (§4.6);
//! 3. pipeline next step — the facts missing for the next ten-level grade (§3.6);
//! 4. the seller's work for the buyer's current step (§4.7);
//! 5. the matrix strategy and move (§4.1), with the cell given or estimated (§4.8);
//! 6. the work of the lifecycle stage (§4.9);
//! 7. buying-centre gaps (§4.4), coach first early in a deal, decision-maker later;
//! 8. moves to the next relationship level (§4.2);
//! 9. contact cadence and owner (§4.3);
//! 10. data to fill in before a part can be given (attractiveness, status, level).
//!
//! Keeping what we have comes before winning more; growth moves (gaps, next level, stage work)
//! are left out when the matrix says to let the account go. What a whole list lacks (contact
//! columns, levels) is said once for the list ([`crate::strategy::notices`]), not on each row.
//! A valid row always gets at least one action: if the matrix cell cannot be placed, the
//! suggestion says what is missing.

mod buying_centre;
mod cadence;
mod churn;
mod level;
mod lifecycle;
mod matrix;
mod options;
mod pipeline;
mod satisfaction;
mod steps;

pub use self::cadence::CadenceSummary;
pub use self::level::{LevelSource, LevelSummary};
pub use self::options::{parse_abc, SuggestOptions};

use super::estimate::behaviour::Behaviour;
use super::estimate::{AttractivenessEstimate, ListDistributions, StatusEstimate};
use super::item::{Item, ItemKind, LabelText};
use super::lifecycle::Lifecycle;
use super::StrategyError;
use crate::grades::abc::AbcClass;
use crate::row::AccountRow;
use crate::texts::{Label, Lang};
use serde::Serialize;

/// The strategy for one account.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Suggestion {
    /// `A1` … `C6`; `None` when attractiveness or status is missing (a warning says which).
    pub cell: Option<String>,
    /// Whether the cell rests on an estimate (§4.8): attractiveness or status not given.
    pub cell_estimated: bool,
    /// Cells to move the account to.
    pub targets: Vec<String>,
    /// The attractiveness letter, given or estimated, with what it rests on.
    pub attractiveness: Option<AttractivenessEstimate>,
    /// The relationship status, given or estimated, with its evidence.
    pub status: Option<StatusEstimate>,
    /// The lifecycle stage (§4.9); `None` without tenure or behaviour.
    pub lifecycle: Option<Lifecycle>,
    pub relationship_level: Option<LevelSummary>,
    pub cadence: Option<CadenceSummary>,
    /// Buying-centre roles without a named contact, in the order to fill them; empty when the
    /// list has no contact columns at all (the list notice says so once).
    pub gaps: Vec<Item>,
    pub warnings: Vec<Item>,
    /// Most urgent first; see the module documentation.
    pub actions: Vec<Item>,
}

/// What the list tells a suggestion about one of its rows.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct RowContext<'a> {
    /// The list's distributions (percentiles for §4.8 and §4.5).
    pub list: Option<&'a ListDistributions>,
    /// The row's ABC class in the list (§3.2).
    pub abc: Option<AbcClass>,
    /// The list has at least one contact-role column (§4.4).
    pub has_contacts: bool,
    /// The list has a relationship-level column (§4.2).
    pub has_levels: bool,
}

impl Default for RowContext<'_> {
    fn default() -> Self {
        RowContext {
            list: None,
            abc: None,
            has_contacts: true,
            has_levels: true,
        }
    }
}

impl<'a> RowContext<'a> {
    /// The context as the options give it (a row on its own).
    pub fn from_options(options: &'a SuggestOptions) -> Result<RowContext<'a>, StrategyError> {
        Ok(RowContext {
            list: options.list.as_ref(),
            abc: options.abc_class()?,
            has_contacts: options.list_has_contacts.unwrap_or(true),
            has_levels: options.list_has_levels.unwrap_or(true),
        })
    }
}

/// Collects items and keeps them in priority order.
pub(super) struct Collector {
    lang: Option<Lang>,
    warnings: Vec<Item>,
    actions: Vec<Item>,
}

impl Collector {
    fn item(&self, kind: ItemKind, label: Label) -> Item {
        Item::new(kind, label, self.lang)
    }
    fn text(&self, label: Label) -> LabelText {
        LabelText::new(label, self.lang)
    }
    fn warn(&mut self, kind: ItemKind, label: Label) {
        let item = self.item(kind, label);
        self.warnings.push(item);
    }
    fn act(&mut self, kind: ItemKind, label: Label) {
        let item = self.item(kind, label);
        self.actions.push(item);
    }
}

fn with_value(namespace: &str, code: &str, value: &str) -> Label {
    let shown: String = value.chars().take(120).collect();
    Label::with_args(namespace, code, &[("value", &shown)])
}

/// The whole strategy for one row. Errors come only from the options; anything missing or
/// unreadable in the row becomes a warning and, where the user can fix it, an action.
pub fn suggest_strategy(
    row: &AccountRow,
    options: &SuggestOptions,
) -> Result<Suggestion, StrategyError> {
    let ctx = RowContext::from_options(options)?;
    suggest_with_context(row, options, ctx)
}

/// As [`suggest_strategy`], with what the row's list says about it (see
/// [`crate::strategy::list::ListContext`]).
pub fn suggest_with_context(
    row: &AccountRow,
    options: &SuggestOptions,
    ctx: RowContext<'_>,
) -> Result<Suggestion, StrategyError> {
    options.validate()?;
    let tier = options.tier()?;
    let mut out = Collector {
        lang: options.language(),
        warnings: Vec::new(),
        actions: Vec::new(),
    };
    let behaviour = Behaviour::of(row, options.as_of, &options.churn);

    // §4.1 with §4.8: the cell, given or estimated.
    let placed = matrix::place(row, &behaviour, options, &ctx, &mut out);
    let let_go = placed.matrix.as_ref().is_some_and(|m| m.is_let_go());

    // §4.5 churn.
    let churn_moves = churn::items(row, tier, &ctx, options, &mut out);

    // §4.6 satisfaction, by the ABC class (else the tier).
    satisfaction::items(row, ctx.abc, tier, &mut out);

    // §3.6 pipeline.
    let grade = pipeline::items(row, &mut out);

    // §4.7 buyer step.
    steps::items(row, &mut out);

    // §4.1 matrix strategy, or what is missing to place the account.
    matrix::items(&placed, &mut out);

    // §4.9 lifecycle stage.
    let lifecycle = lifecycle::items(&behaviour, options, let_go, churn_moves, &mut out);

    // §4.4 buying centre.
    let early = buying_centre::early_in_deal(grade, &behaviour);
    let gaps = buying_centre::items(row, early, let_go, ctx.has_contacts, &mut out);

    // §4.2 relationship level.
    let relationship_level = level::items(row, options, let_go, ctx.has_levels, &mut out);

    // §4.3 cadence, by the ABC class (else the tier).
    let cadence = cadence::items(row, ctx.abc, tier, &options.cadence, &mut out);

    // Stable sorts: within a kind, items keep the order they were added in.
    out.actions.sort_by_key(|i| i.kind);
    out.warnings.sort_by_key(|i| i.kind);
    let (cell, targets) = match placed.matrix {
        Some(m) => (Some(m.cell), m.targets),
        None => (None, Vec::new()),
    };
    let cell_estimated = cell.is_some()
        && (placed.attractiveness.as_ref().is_some_and(|a| a.estimated)
            || placed.status.as_ref().is_some_and(|s| s.estimated));
    Ok(Suggestion {
        cell,
        cell_estimated,
        targets,
        attractiveness: placed.attractiveness,
        status: placed.status,
        lifecycle,
        relationship_level,
        cadence,
        gaps,
        warnings: out.warnings,
        actions: out.actions,
    })
}

#[cfg(test)]
mod tests;
#[cfg(test)]
mod tests_list;
