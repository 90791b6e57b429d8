//! §4.2 the relationship level and the moves to the next level.

use super::{with_value, Collector, SuggestOptions};
use crate::row::AccountRow;
use crate::strategy::item::{label_per_lang, Item, ItemKind, LabelText};
use crate::strategy::level::{assess_level, next_level_plan, RelationshipLevel};
use crate::texts::{Label, Lang};
use serde::Serialize;

/// Where the relationship level came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum LevelSource {
    /// Assessed from the ticked signs in the options.
    Signs,
    /// The row's `relationship_level` field.
    Field,
}

/// The relationship level and the way up.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct LevelSummary {
    /// 1–4.
    pub level: u8,
    #[serde(flatten)]
    pub label: LabelText,
    pub source: LevelSource,
    /// The tie holding the relationship now.
    pub tie: LabelText,
    /// The next level; absent at the top.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub next_level: Option<LabelText>,
    /// The tie to build for the next level.
    pub build_tie: LabelText,
    pub moves: Vec<LabelText>,
}

/// The level from the ticked signs, else from the row's field.
fn row_level(
    row: &AccountRow,
    options: &SuggestOptions,
    out: &mut Collector,
) -> Option<(RelationshipLevel, LevelSource)> {
    if let Some(signs) = &options.level_signs {
        let assessment = assess_level(signs.iter().map(String::as_str), &options.level);
        if !assessment.unknown_signs.is_empty() {
            out.warn(
                ItemKind::Data,
                with_value(
                    "level",
                    "unknown_signs",
                    &assessment.unknown_signs.join(", "),
                ),
            );
        }
        if let Some(level) = assessment.level {
            return Some((level, LevelSource::Signs));
        }
    }
    let value = row.number("relationship_level")?;
    match RelationshipLevel::from_number(value) {
        Some(level) => Some((level, LevelSource::Field)),
        None => {
            out.warn(
                ItemKind::Data,
                with_value("level", "bad_value", &crate::row::format_number(value)),
            );
            None
        }
    }
}

fn summary(level: RelationshipLevel, source: LevelSource, out: &Collector) -> LevelSummary {
    let plan = next_level_plan(level);
    LevelSummary {
        level: level.number(),
        label: out.text(level.label()),
        source,
        tie: out.text(plan.current_tie),
        next_level: plan.to.map(|l| out.text(l.label())),
        build_tie: out.text(plan.build_tie),
        moves: plan.moves.into_iter().map(|m| out.text(m)).collect(),
    }
}

/// The action that carries the level's moves: "grow toward preferred supplier: build social
/// ties", or at the top "keep the alliance".
fn action(summary: &LevelSummary, out: &Collector) -> Item {
    let label = match &summary.next_level {
        Some(next) => {
            let args = |lang: Lang| {
                let pick = |t: &LabelText| match lang {
                    Lang::ZhCn => t.zh.clone(),
                    Lang::En => t.en.to_lowercase(),
                };
                vec![("level", pick(next)), ("tie", pick(&summary.build_tie))]
            };
            label_per_lang("level", "grow", args)
        }
        None => Label::new("level", "keep_top"),
    };
    out.item(ItemKind::Level, label)
        .with_details(summary.moves.clone())
}

/// The level, its moves as an action (not for a let-go cell), or the ask to assess it (not
/// when the whole list has no level column: the list notice says that once).
pub(super) fn items(
    row: &AccountRow,
    options: &SuggestOptions,
    let_go: bool,
    list_has_levels: bool,
    out: &mut Collector,
) -> Option<LevelSummary> {
    let level = row_level(row, options, out).map(|(l, source)| summary(l, source, out));
    match &level {
        Some(s) if !let_go => {
            let item = action(s, out);
            out.actions.push(item);
        }
        Some(_) => {}
        None if list_has_levels || options.level_signs.is_some() => {
            out.act(ItemKind::Data, Label::new("level", "assess"))
        }
        None => {}
    }
    level
}
