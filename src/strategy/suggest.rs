//! One call for one account row: the whole relationship strategy (MODEL §5).
//!
//! `actions` are ordered by priority, most urgent first ([`ItemKind`] order):
//! 1. churn retention — a valuable account is slipping away;
//! 2. dissatisfaction retention — a key account is unhappy;
//! 3. pipeline next step — the facts missing for the next ten-level grade (§3.6);
//! 4. the seller's work for the buyer's current step (§4.7);
//! 5. the matrix strategy and move (§4.1);
//! 6. buying-centre gaps (§4.4), decision-maker first;
//! 7. moves to the next relationship level (§4.2);
//! 8. contact cadence and owner (§4.3);
//! 9. data to fill in before a part can be given (attractiveness, status, level).
//!
//! Keeping what we have comes before winning more; growth moves (gaps, next level) are left
//! out when the matrix says to let the account go. A valid row always gets at least one
//! action: if the matrix cell cannot be placed, the suggestion says what is missing.

use super::buying_centre::buying_centre;
use super::cadence::{cadence, CadenceOptions, Grade};
use super::churn::{
    churn_check, days_since_last_order, usual_interval_days, ChurnInput, ChurnOptions,
};
use super::item::{Item, ItemKind, LabelText};
use super::level::{assess_level, next_level_plan, LevelOptions, RelationshipLevel};
use super::matrix::{strategy_for, MatrixCell, MatrixOptions, RelationshipStatus};
use super::satisfaction::satisfaction_check;
use super::steps::{step_advice, BuyerStep};
use super::StrategyError;
use crate::grades::attractiveness::{letter_from_cell, Letter, LetterCuts};
use crate::grades::pipeline;
use crate::grades::tier::{value_tier, Tier, TierThresholds};
use crate::row::AccountRow;
use crate::texts::{Label, Lang};
use serde::{Deserialize, Serialize};

/// Everything a suggestion can be tuned with; every field may be left out.
#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase", default, deny_unknown_fields)]
pub struct SuggestOptions {
    /// `zh-CN`, `en`, …: adds each item's text in that language as `text`.
    pub lang: Option<String>,
    /// The day to count recency from, in days since 1970-01-01.
    pub as_of: Option<i64>,
    /// The account's value score 0–100 from a score card; gives the tier.
    pub score: Option<f64>,
    /// The tier itself (`vip`, `重要客户`, `1`–`4`); wins over `score`.
    pub tier: Option<String>,
    /// P(alive) 0–1 from a transaction-history model; replaces the recency rule.
    pub p_alive: Option<f64>,
    /// Codes of the relationship-level signs ticked for this account.
    pub level_signs: Option<Vec<String>>,
    pub matrix: MatrixOptions,
    pub level: LevelOptions,
    pub cadence: CadenceOptions,
    pub churn: ChurnOptions,
    /// Cut points from score to tier.
    pub tiers: TierThresholds,
    /// Cut points from an attractiveness score to A/B/C.
    pub letter_cuts: LetterCuts,
}

impl SuggestOptions {
    /// Checks every option; the first problem is the error.
    pub fn validate(&self) -> Result<(), StrategyError> {
        self.matrix.validate()?;
        self.level.validate()?;
        self.cadence.validate()?;
        self.churn.validate()?;
        if let Some(problem) = self.tiers.problems().into_iter().next() {
            return Err(StrategyError::InvalidOption {
                name: "tiers",
                reason: problem,
            });
        }
        if !(self.letter_cuts.a.is_finite()
            && self.letter_cuts.b.is_finite()
            && self.letter_cuts.b < self.letter_cuts.a)
        {
            return Err(StrategyError::InvalidOption {
                name: "letterCuts",
                reason: "must be finite with b < a".to_string(),
            });
        }
        if let Some(p) = self.p_alive {
            if !(0.0..=1.0).contains(&p) {
                return Err(StrategyError::InvalidOption {
                    name: "pAlive",
                    reason: format!("must be in [0, 1], got {p}"),
                });
            }
        }
        if let Some(score) = self.score {
            if !score.is_finite() {
                return Err(StrategyError::InvalidOption {
                    name: "score",
                    reason: "must be a finite number".to_string(),
                });
            }
        }
        self.tier()?;
        Ok(())
    }

    /// The tier from `tier`, else from `score`.
    pub fn tier(&self) -> Result<Option<Tier>, StrategyError> {
        match &self.tier {
            Some(text) => Tier::parse(text)
                .map(Some)
                .ok_or_else(|| StrategyError::UnknownTier(text.clone())),
            None => Ok(self.score.and_then(|s| value_tier(s, &self.tiers))),
        }
    }

    fn language(&self) -> Option<Lang> {
        self.lang.as_deref().map(Lang::from_tag)
    }
}

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

/// The contact cadence, as numbers and texts.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct CadenceSummary {
    /// The plan: `key_visits`, `planned_visits` or `remote_contact`.
    #[serde(flatten)]
    pub plan: LabelText,
    /// What it was chosen from: a tier code or `A`/`B`/`C`.
    pub grade: String,
    pub class: Letter,
    pub contacts_per_year: u32,
    pub frequency: LabelText,
    pub channel: LabelText,
    pub owner: LabelText,
    /// The `owner` field of the row, when filled in.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub owner_name: Option<String>,
    pub group_events: bool,
    pub services: Vec<LabelText>,
}

/// The strategy for one account.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Suggestion {
    /// `A1` … `C6`; `None` when attractiveness or status is missing (a warning says which).
    pub cell: Option<String>,
    /// Cells to move the account to.
    pub targets: Vec<String>,
    pub relationship_level: Option<LevelSummary>,
    pub cadence: Option<CadenceSummary>,
    pub gaps: Vec<Item>,
    pub warnings: Vec<Item>,
    /// Most urgent first; see the module documentation.
    pub actions: Vec<Item>,
}

/// Collects items and keeps them in priority order.
struct Collector {
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

/// The attractiveness letter of the row, or why there is none.
fn row_letter(row: &AccountRow, cuts: &LetterCuts, out: &mut Collector) -> Option<Letter> {
    match row.text("attractiveness") {
        None => {
            out.warn(ItemKind::Data, Label::new("matrix", "no_attractiveness"));
            None
        }
        Some(text) => {
            let letter = letter_from_cell(text, cuts);
            if letter.is_none() {
                out.warn(
                    ItemKind::Data,
                    with_value("matrix", "bad_attractiveness", text),
                );
            }
            letter
        }
    }
}

fn row_status(row: &AccountRow, out: &mut Collector) -> Option<RelationshipStatus> {
    match row.text("relationship_status") {
        None => {
            out.warn(ItemKind::Data, Label::new("matrix", "no_status"));
            None
        }
        Some(text) => {
            let status = RelationshipStatus::parse(text);
            if status.is_none() {
                out.warn(ItemKind::Data, with_value("matrix", "bad_status", text));
            }
            status
        }
    }
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

fn level_summary(level: RelationshipLevel, source: LevelSource, out: &Collector) -> LevelSummary {
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
fn level_action(summary: &LevelSummary, out: &Collector) -> Item {
    let label = match &summary.next_level {
        Some(next) => {
            let args = |lang: Lang| {
                let pick = |t: &LabelText| match lang {
                    Lang::ZhCn => t.zh.clone(),
                    Lang::En => t.en.to_lowercase(),
                };
                vec![("level", pick(next)), ("tie", pick(&summary.build_tie))]
            };
            super::item::label_per_lang("level", "grow", args)
        }
        None => Label::new("level", "keep_top"),
    };
    out.item(ItemKind::Level, label)
        .with_details(summary.moves.clone())
}

fn cadence_summary(
    grade: Grade,
    row: &AccountRow,
    options: &CadenceOptions,
    out: &Collector,
) -> CadenceSummary {
    let c = cadence(grade, options);
    CadenceSummary {
        plan: out.text(c.plan),
        grade: c.grade,
        class: c.class,
        contacts_per_year: c.contacts_per_year,
        frequency: out.text(c.frequency),
        channel: out.text(c.channel),
        owner: out.text(c.owner),
        owner_name: row.text("owner").map(str::to_string),
        group_events: c.group_events,
        services: c.services.into_iter().map(|s| out.text(s)).collect(),
    }
}

/// The whole strategy for one row. Errors come only from the options; anything missing or
/// unreadable in the row becomes a warning and, where the user can fix it, an action.
pub fn suggest_strategy(
    row: &AccountRow,
    options: &SuggestOptions,
) -> Result<Suggestion, StrategyError> {
    options.validate()?;
    let tier = options.tier()?;
    let mut out = Collector {
        lang: options.language(),
        warnings: Vec::new(),
        actions: Vec::new(),
    };

    // §4.1 matrix.
    let letter = row_letter(row, &options.letter_cuts, &mut out);
    let status = row_status(row, &mut out);
    let matrix = match (letter, status) {
        (Some(l), Some(s)) => Some(strategy_for(MatrixCell::new(l, s), &options.matrix)),
        _ => None,
    };
    let let_go = matrix.as_ref().is_some_and(|m| m.is_let_go());

    // §4.5 churn.
    let days = match days_since_last_order(row, options.as_of) {
        Ok(days) => days,
        Err(problem) => {
            out.warn(ItemKind::Data, problem.label());
            None
        }
    };
    let churn = churn_check(
        &ChurnInput {
            tier,
            days_since_last_order: days,
            usual_interval_days: usual_interval_days(row),
            p_alive: options.p_alive,
        },
        &options.churn,
    );
    if let Some(w) = churn.warning {
        out.warn(ItemKind::Churn, w);
    }
    for m in churn.moves {
        out.act(ItemKind::Churn, m);
    }

    // §4.6 satisfaction.
    if let Some(check) = row
        .number("satisfaction")
        .and_then(|v| satisfaction_check(v, letter, tier))
    {
        if let Some(w) = check.warning {
            out.warn(ItemKind::Satisfaction, w);
        }
        for a in check.actions {
            out.act(ItemKind::Satisfaction, a);
        }
    }

    // §3.6 pipeline.
    pipeline_items(row, &mut out);

    // §4.7 buyer step.
    if let Some(text) = row.text("buyer_step") {
        match BuyerStep::parse(text) {
            Some(step) => {
                let advice = step_advice(step);
                let label = super::item::label_per_lang("step", "advice", |lang| {
                    vec![
                        ("step", advice.label.in_lang(lang).to_string()),
                        ("work", advice.seller_work.in_lang(lang).to_string()),
                    ]
                });
                let label = Label {
                    code: advice.seller_work.code.clone(),
                    ..label
                };
                let rules = advice
                    .conversation_rules
                    .into_iter()
                    .map(|r| out.text(r))
                    .collect();
                let item = out.item(ItemKind::BuyerStep, label).with_details(rules);
                out.actions.push(item);
            }
            None => out.warn(ItemKind::Data, with_value("step", "bad_value", text)),
        }
    }

    // §4.1 matrix strategy, or what is missing to place the account.
    match &matrix {
        Some(m) => {
            let mut details = Vec::new();
            if let Some(move_label) = m.move_label() {
                details.push(out.text(move_label));
            }
            if m.is_default {
                details.push(out.text(Label::new("matrix", "default_note")));
            }
            let item = out
                .item(ItemKind::Matrix, m.strategy.clone())
                .with_details(details);
            out.actions.push(item);
        }
        None => {
            if letter.is_none() {
                out.act(
                    ItemKind::Data,
                    Label::new("matrix", "record_attractiveness"),
                );
            }
            if status.is_none() {
                out.act(ItemKind::Data, Label::new("matrix", "record_status"));
            }
        }
    }

    // §4.4 buying centre.
    let centre = buying_centre(row);
    let gaps: Vec<Item> = centre
        .gaps
        .into_iter()
        .map(|g| out.item(ItemKind::Gap, g.suggestion))
        .collect();
    if !let_go {
        out.actions.extend(gaps.iter().cloned());
    }

    // §4.2 relationship level.
    let relationship_level =
        row_level(row, options, &mut out).map(|(level, source)| level_summary(level, source, &out));
    match &relationship_level {
        Some(summary) if !let_go => {
            let item = level_action(summary, &out);
            out.actions.push(item);
        }
        Some(_) => {}
        None => out.act(ItemKind::Data, Label::new("level", "assess")),
    }

    // §4.3 cadence: by value tier when known, else by attractiveness.
    let grade = tier.map(Grade::Tier).or(letter.map(Grade::Letter));
    let cadence = grade.map(|g| cadence_summary(g, row, &options.cadence, &out));
    match &cadence {
        Some(c) => {
            let label = super::item::label_per_lang("cadence", "action", |lang| {
                let pick = |t: &LabelText| match lang {
                    Lang::ZhCn => t.zh.clone(),
                    Lang::En => t.en.clone(),
                };
                vec![("frequency", pick(&c.frequency)), ("plan", pick(&c.plan))]
            });
            let label = Label {
                code: c.plan.code.clone(),
                ..label
            };
            let mut details = vec![c.channel.clone(), c.owner.clone()];
            details.extend(c.services.iter().cloned());
            let item = out.item(ItemKind::Cadence, label).with_details(details);
            out.actions.push(item);
            if c.class == Letter::A && c.owner_name.is_none() {
                out.act(ItemKind::Cadence, Label::new("cadence", "assign_owner"));
            }
        }
        None => out.warn(ItemKind::Data, Label::new("cadence", "no_grade")),
    }

    // Stable sorts: within a kind, items keep the order they were added in.
    out.actions.sort_by_key(|i| i.kind);
    out.warnings.sort_by_key(|i| i.kind);
    let (cell, targets) = match matrix {
        Some(m) => (Some(m.cell), m.targets),
        None => (None, Vec::new()),
    };
    Ok(Suggestion {
        cell,
        targets,
        relationship_level,
        cadence,
        gaps,
        warnings: out.warnings,
        actions: out.actions,
    })
}

/// Whether the row records anything of the ten-level pipeline. Rows without a single pipeline
/// column (most existing customers) would otherwise all be told to "record lead data".
fn has_pipeline_facts(row: &AccountRow) -> bool {
    row.text(pipeline::ANSWER_KEY).is_some()
        || pipeline::Fact::ALL
            .into_iter()
            .any(|f| row.flag(f.key()).is_some())
}

/// The pipeline grade's next step and warnings (§3.6), for rows that record pipeline facts.
fn pipeline_items(row: &AccountRow, out: &mut Collector) {
    if !has_pipeline_facts(row) {
        return;
    }
    let result = pipeline::PipelineFacts::from_row(row)
        .and_then(|facts| pipeline::pipeline_grade(&facts, &pipeline::PipelineOptions::default()));
    match result {
        Ok(grade) => {
            for w in grade.warnings {
                out.warn(ItemKind::Pipeline, w.label);
            }
            // After A01 the next step is account care, still worth saying.
            let current = out.text(grade.label);
            let item = out
                .item(ItemKind::Pipeline, grade.next_step)
                .with_details(vec![current]);
            out.actions.push(item);
        }
        Err(e) => out.warn(
            ItemKind::Data,
            with_value("strategy_pipeline", "unreadable", &e.to_string()),
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::row::Cell;
    use crate::strategy::lang_check::{is_en, is_zh};
    use crate::strategy::level::RelationshipLevel as Lvl;

    fn row(pairs: &[(&str, &str)]) -> AccountRow {
        let r = AccountRow::from_pairs(pairs.iter().map(|(k, v)| (*k, Cell::from(*v))), None);
        assert!(r.errors.is_empty(), "{:?}", r.errors);
        r
    }

    fn opts() -> SuggestOptions {
        SuggestOptions::default()
    }

    fn suggest(r: &AccountRow, o: &SuggestOptions) -> Suggestion {
        suggest_strategy(r, o).unwrap()
    }

    fn codes(items: &[Item]) -> Vec<&str> {
        items.iter().map(Item::code).collect()
    }

    fn kinds(items: &[Item]) -> Vec<ItemKind> {
        items.iter().map(|i| i.kind).collect()
    }

    /// A fully covered, healthy B2 account: no warnings, only growth actions.
    fn healthy_b2() -> Vec<(&'static str, &'static str)> {
        vec![
            ("name", "华东精密"),
            ("attractiveness", "B"),
            ("relationship_status", "目前关系良好"),
            ("relationship_level", "2"),
            ("contact_decision_maker", "王总"),
            ("contact_user", "李工"),
            ("contact_gatekeeper", "张工"),
            ("contact_coach", "赵经理"),
            ("owner", "陈晨"),
            ("satisfaction", "4"),
            ("last_order_days", "20"),
        ]
    }

    #[test]
    fn a_healthy_account_gets_the_matrix_strategy_level_moves_and_cadence() {
        let s = suggest(&row(&healthy_b2()), &opts());
        assert_eq!(s.cell.as_deref(), Some("B2"));
        assert_eq!(s.targets, vec!["A2"]);
        assert!(s.warnings.is_empty(), "{:?}", s.warnings);
        assert!(s.gaps.is_empty());
        assert_eq!(
            kinds(&s.actions),
            [ItemKind::Matrix, ItemKind::Level, ItemKind::Cadence]
        );
        assert_eq!(s.actions[0].code(), "deliver_differentiate_reach");
        assert_eq!(s.actions[0].details[0].code, "move_to");
        assert!(s.actions[0].details[0].en.contains("A2"));
        let level = s.relationship_level.unwrap();
        assert_eq!((level.level, level.source), (2, LevelSource::Field));
        assert_eq!(level.build_tie.code, "structural");
        assert_eq!(s.actions[1].code(), "grow");
        assert!(
            s.actions[1].label.en.contains("partner"),
            "{}",
            s.actions[1].label.en
        );
        assert!(s.actions[1].label.zh.contains("合作伙伴"));
        let cadence = s.cadence.unwrap();
        assert_eq!(cadence.class, Letter::B, "by attractiveness when no tier");
        assert_eq!(cadence.contacts_per_year, 4);
        assert_eq!(cadence.owner_name.as_deref(), Some("陈晨"));
    }

    #[test]
    fn the_matrix_cell_from_a_score_and_overrides() {
        let mut pairs = healthy_b2();
        pairs[1] = ("attractiveness", "30");
        pairs[2] = ("relationship_status", "5");
        let s = suggest(&row(&pairs), &opts());
        assert_eq!(s.cell.as_deref(), Some("C5"));
        let matrix = &s.actions[0];
        assert_eq!(matrix.code(), "minimum_investment");
        assert!(matrix.details.iter().any(|d| d.code == "default_note"));
        let o: SuggestOptions = serde_json::from_str(
            r#"{"matrix": {"overrides": {"C5": {"strategy": "my_own", "en": "Hand over to a distributor", "zh": "转交经销商维护", "targets": []}}}}"#,
        )
        .unwrap();
        let s = suggest(&row(&pairs), &o);
        assert_eq!(s.actions[0].code(), "my_own");
        assert_eq!(s.actions[0].label.zh, "转交经销商维护");
        assert!(s.targets.is_empty());
        assert!(s.actions[0].details.is_empty());
    }

    #[test]
    fn missing_attractiveness_or_status_is_said_and_asked_for() {
        let s = suggest(&row(&[("name", "X")]), &opts());
        assert_eq!(s.cell, None);
        assert!(s.targets.is_empty());
        let w = codes(&s.warnings);
        assert!(
            w.contains(&"no_attractiveness") && w.contains(&"no_status"),
            "{w:?}"
        );
        assert!(w.contains(&"no_grade"), "{w:?}");
        // Nothing known about the buying centre either: four gaps, then the data to fill in.
        assert_eq!(
            codes(&s.actions),
            [
                "no_decision_maker",
                "no_user",
                "no_gatekeeper",
                "no_coach",
                "record_attractiveness",
                "record_status",
                "assess"
            ]
        );
        assert!(s.actions[4..].iter().all(|a| a.kind == ItemKind::Data));
        // Only the status missing.
        let s = suggest(&row(&[("attractiveness", "A")]), &opts());
        assert_eq!(s.cell, None);
        assert!(codes(&s.actions).contains(&"record_status"));
        assert!(!codes(&s.actions).contains(&"record_attractiveness"));
    }

    #[test]
    fn unreadable_attractiveness_and_status_are_warned() {
        let s = suggest(
            &row(&[("attractiveness", "D"), ("relationship_status", "很好")]),
            &opts(),
        );
        let bad: Vec<&Item> = s
            .warnings
            .iter()
            .filter(|w| w.code().starts_with("bad_"))
            .collect();
        assert_eq!(bad.len(), 2);
        assert!(bad[0].label.en.contains("\"D\"") && is_zh(&bad[0].label.zh));
        assert!(bad[1].label.zh.contains("很好") && bad[1].label.zh.starts_with("关系状态"));
        assert!(bad[1].label.en.starts_with("Relationship status \"很好\""));
        assert!(codes(&s.actions).contains(&"record_attractiveness"));
    }

    #[test]
    fn churn_comes_first_with_its_retention_moves() {
        let mut pairs = healthy_b2();
        pairs.push(("usual_interval_days", "30"));
        pairs.retain(|(k, _)| *k != "last_order_days");
        pairs.push(("last_order_days", "150"));
        let o = SuggestOptions {
            tier: Some("important".into()),
            ..opts()
        };
        let s = suggest(&row(&pairs), &o);
        assert_eq!(s.warnings[0].kind, ItemKind::Churn);
        assert_eq!(s.warnings[0].code(), "at_risk");
        assert_eq!(
            codes(&s.actions[..3]),
            ["deep_channel", "service_quality", "customer_benefit"]
        );
        assert_eq!(s.actions[3].kind, ItemKind::Matrix);
        // An ordinary account with the same silence is not warned.
        let o = SuggestOptions {
            score: Some(50.0),
            ..opts()
        };
        let s = suggest(&row(&pairs), &o);
        assert!(s.warnings.iter().all(|w| w.kind != ItemKind::Churn));
    }

    #[test]
    fn churn_from_a_date_and_the_as_of_day() {
        let d = crate::parse::days_from_civil(2026, 1, 1).unwrap();
        let r = row(&[("attractiveness", "A"), ("last_order_date", "2026-01-01")]);
        let o = SuggestOptions {
            tier: Some("vip".into()),
            as_of: Some(d + 120),
            ..opts()
        };
        let s = suggest(&r, &o);
        assert_eq!(s.warnings[0].code(), "at_risk");
        assert!(s.warnings[0].label.en.contains("120 days"));
        // No as-of day: recency is not checked, and the user is told.
        let s = suggest(&r, &SuggestOptions { as_of: None, ..o });
        assert!(codes(&s.warnings).contains(&"no_as_of"));
        assert!(!codes(&s.warnings).contains(&"at_risk"));
    }

    #[test]
    fn p_alive_replaces_recency_in_the_suggestion() {
        let r = row(&[("attractiveness", "A"), ("last_order_days", "5")]);
        let o = SuggestOptions {
            tier: Some("vip".into()),
            p_alive: Some(0.2),
            ..opts()
        };
        let s = suggest(&r, &o);
        assert_eq!(s.warnings[0].code(), "p_alive_low");
        assert_eq!(s.actions[0].code(), "deep_channel");
    }

    #[test]
    fn dissatisfaction_on_a_key_account_comes_after_churn_and_before_the_rest() {
        let mut pairs = healthy_b2();
        pairs.retain(|(k, _)| *k != "satisfaction" && *k != "last_order_days");
        pairs.push(("satisfaction", "极不满意"));
        pairs.push(("last_order_days", "400"));
        let o = SuggestOptions {
            tier: Some("重要客户".into()),
            ..opts()
        };
        let s = suggest(&row(&pairs), &o);
        assert_eq!(
            kinds(&s.warnings),
            [ItemKind::Churn, ItemKind::Satisfaction]
        );
        assert!(s.warnings[1].label.zh.contains("极不满意"));
        assert_eq!(
            codes(&s.actions[..5]),
            [
                "deep_channel",
                "service_quality",
                "customer_benefit",
                "retain_escalate",
                "retain_listen"
            ]
        );
        // A C account of a small tier that is unhappy gets no retention action.
        let r = row(&[("attractiveness", "C"), ("satisfaction", "1")]);
        let s = suggest(
            &r,
            &SuggestOptions {
                tier: Some("small".into()),
                ..opts()
            },
        );
        assert!(s.actions.iter().all(|a| a.kind != ItemKind::Satisfaction));
    }

    #[test]
    fn pipeline_next_step_comes_after_retention_and_before_the_matrix() {
        let mut pairs = healthy_b2();
        pairs.extend([
            ("lead_data", "TRUE"),
            ("key_facts_known", "TRUE"),
            ("target_industry", "TRUE"),
            ("size_ok", "是"),
            ("price_discussed", "TRUE"),
            ("satisfaction", "2"),
        ]);
        pairs.retain(|(k, v)| !(*k == "satisfaction" && *v == "4"));
        let s = suggest(&row(&pairs), &opts());
        assert_eq!(
            kinds(&s.actions[..3]),
            [ItemKind::Satisfaction, ItemKind::Pipeline, ItemKind::Matrix]
        );
        let step = &s.actions[1];
        assert_eq!(step.code(), "reach");
        assert_eq!(step.details[0].code, "A08", "the grade reached");
        assert!(step.label.en.contains("A06"), "{}", step.label.en);
        assert!(is_zh(&step.label.zh) && is_en(&step.label.en));
        let price = s
            .warnings
            .iter()
            .find(|w| w.code() == "price_too_early")
            .unwrap();
        assert_eq!(price.kind, ItemKind::Pipeline);
        assert!(is_zh(&price.label.zh) && is_en(&price.label.en));
    }

    #[test]
    fn rows_without_pipeline_facts_get_no_pipeline_step() {
        let s = suggest(&row(&healthy_b2()), &opts());
        assert!(s.actions.iter().all(|a| a.kind != ItemKind::Pipeline));
        assert!(s.warnings.iter().all(|a| a.kind != ItemKind::Pipeline));
        // A recorded FALSE is a recorded fact: the step to the first grade is given.
        let mut pairs = healthy_b2();
        pairs.push(("lead_data", "FALSE"));
        let s = suggest(&row(&pairs), &opts());
        assert!(s.actions.iter().any(|a| a.kind == ItemKind::Pipeline));
    }

    #[test]
    fn unreadable_pipeline_facts_are_a_warning_not_an_error() {
        let mut pairs = healthy_b2();
        pairs.push(("answer", "再说吧再说吧"));
        let s = suggest(&row(&pairs), &opts());
        let w = s
            .warnings
            .iter()
            .find(|w| w.code() == "unreadable")
            .unwrap();
        assert!(w.label.zh.contains("再说吧再说吧") && is_zh(&w.label.zh));
        assert!(s.actions.iter().all(|a| a.kind != ItemKind::Pipeline));
    }

    #[test]
    fn buyer_step_gives_the_sellers_work_and_the_conversation_rules() {
        let mut pairs = healthy_b2();
        pairs.push(("buyer_step", "选择产品"));
        let s = suggest(&row(&pairs), &opts());
        let step = &s.actions[0];
        assert_eq!(step.kind, ItemKind::BuyerStep);
        assert_eq!(step.code(), "recommend_and_prove");
        assert!(step.label.zh.contains("选择产品") && is_zh(&step.label.zh));
        assert!(step.label.en.contains("Choosing a product") && is_en(&step.label.en));
        assert_eq!(step.details.len(), 4);
        let mut pairs = healthy_b2();
        pairs.push(("buyer_step", "9"));
        let s = suggest(&row(&pairs), &opts());
        assert!(codes(&s.warnings).contains(&"bad_value"));
        assert!(s.actions.iter().all(|a| a.kind != ItemKind::BuyerStep));
    }

    #[test]
    fn each_missing_role_is_a_gap_and_an_action() {
        for (field, gap) in [
            ("contact_decision_maker", "no_decision_maker"),
            ("contact_user", "no_user"),
            ("contact_gatekeeper", "no_gatekeeper"),
            ("contact_coach", "no_coach"),
        ] {
            let mut pairs = healthy_b2();
            pairs.retain(|(k, _)| *k != field);
            let s = suggest(&row(&pairs), &opts());
            assert_eq!(codes(&s.gaps), [gap]);
            let in_actions: Vec<&Item> = s
                .actions
                .iter()
                .filter(|a| a.kind == ItemKind::Gap)
                .collect();
            assert_eq!(in_actions.len(), 1);
            assert_eq!(in_actions[0].code(), gap);
            // After the matrix, before the level moves.
            let pos = |k| s.actions.iter().position(|a| a.kind == k);
            assert!(pos(ItemKind::Matrix) < pos(ItemKind::Gap));
            assert!(pos(ItemKind::Gap) < pos(ItemKind::Level));
        }
    }

    #[test]
    fn a_let_go_cell_keeps_its_gaps_but_gets_no_growth_actions() {
        let mut pairs = healthy_b2();
        pairs[2] = ("relationship_status", "6");
        pairs.retain(|(k, _)| *k != "contact_coach");
        let s = suggest(&row(&pairs), &opts());
        assert_eq!(s.cell.as_deref(), Some("B6"));
        assert_eq!(codes(&s.gaps), ["no_coach"]);
        assert_eq!(kinds(&s.actions), [ItemKind::Matrix, ItemKind::Cadence]);
        assert_eq!(s.actions[0].code(), "let_lapse");
        assert!(
            s.relationship_level.is_some(),
            "the level is still reported"
        );
    }

    #[test]
    fn level_from_ticked_signs_wins_over_the_field() {
        let signs: Vec<String> = Lvl::Partner.signs().iter().map(|s| s.to_string()).collect();
        let o = SuggestOptions {
            level_signs: Some(signs),
            ..opts()
        };
        let s = suggest(&row(&healthy_b2()), &o);
        let level = s.relationship_level.unwrap();
        assert_eq!((level.level, level.source), (3, LevelSource::Signs));
        assert_eq!(level.label.code, "partner");
        assert!(level.moves.iter().any(|m| m.code == "explore_alliance"));
        // Unknown codes only: warned, and the field is used.
        let o = SuggestOptions {
            level_signs: Some(vec!["made_up".into()]),
            ..opts()
        };
        let s = suggest(&row(&healthy_b2()), &o);
        assert_eq!(s.relationship_level.unwrap().source, LevelSource::Field);
        assert!(codes(&s.warnings).contains(&"unknown_signs"));
        assert!(s.warnings[0].label.en.contains("made_up"));
    }

    #[test]
    fn a_bad_or_missing_level_asks_for_the_signs() {
        let mut pairs = healthy_b2();
        pairs[3] = ("relationship_level", "7");
        let s = suggest(&row(&pairs), &opts());
        assert!(s.relationship_level.is_none());
        assert!(codes(&s.warnings).contains(&"bad_value"));
        assert_eq!(s.actions.last().map(Item::code), Some("assess"));
        // At the top level the action keeps the alliance.
        let mut pairs = healthy_b2();
        pairs[3] = ("relationship_level", "4");
        let s = suggest(&row(&pairs), &opts());
        assert!(codes(&s.actions).contains(&"keep_top"));
        assert!(s.relationship_level.unwrap().next_level.is_none());
    }

    #[test]
    fn cadence_by_tier_first_and_an_owner_for_a_accounts() {
        let mut pairs = healthy_b2();
        pairs.retain(|(k, _)| *k != "owner");
        let o = SuggestOptions {
            score: Some(85.0),
            ..opts()
        };
        let s = suggest(&row(&pairs), &o);
        let c = s.cadence.as_ref().unwrap();
        assert_eq!((c.grade.as_str(), c.class), ("vip", Letter::A));
        assert_eq!(c.contacts_per_year, 12);
        assert_eq!(c.label_code(), "key_visits");
        let cadence_actions: Vec<&str> = s
            .actions
            .iter()
            .filter(|a| a.kind == ItemKind::Cadence)
            .map(Item::code)
            .collect();
        assert_eq!(cadence_actions, ["key_visits", "assign_owner"]);
        let first = s
            .actions
            .iter()
            .find(|a| a.kind == ItemKind::Cadence)
            .unwrap();
        assert!(
            first.label.zh.starts_with("每月一次："),
            "{}",
            first.label.zh
        );
        assert!(
            first.label.en.starts_with("Once a month: "),
            "{}",
            first.label.en
        );
        assert_eq!(first.details.len(), 5, "channel, owner, three services");
        // With a named owner the second action goes.
        let s = suggest(&row(&healthy_b2()), &o);
        assert!(!codes(&s.actions).contains(&"assign_owner"));
    }

    impl CadenceSummary {
        fn label_code(&self) -> &str {
            &self.plan.code
        }
    }

    #[test]
    fn lang_sets_the_flat_text_in_that_language() {
        let pairs = {
            let mut p = healthy_b2();
            p.retain(|(k, _)| *k != "contact_coach");
            p
        };
        let r = row(&pairs);
        let none = suggest(&r, &opts());
        assert!(none.actions.iter().all(|a| a.label.text.is_none()));
        let json = serde_json::to_value(&none).unwrap();
        assert!(json["actions"][0].get("text").is_none());

        let en = suggest(
            &r,
            &SuggestOptions {
                lang: Some("en".into()),
                ..opts()
            },
        );
        let zh = suggest(
            &r,
            &SuggestOptions {
                lang: Some("zh-CN".into()),
                ..opts()
            },
        );
        for (e, z) in en.actions.iter().zip(&zh.actions) {
            let (et, zt) = (
                e.label.text.as_deref().unwrap(),
                z.label.text.as_deref().unwrap(),
            );
            assert!(is_en(et) && et == e.label.en, "{et}");
            assert!(is_zh(zt) && zt == z.label.zh, "{zt}");
            for (ed, zd) in e.details.iter().zip(&z.details) {
                assert!(is_en(ed.text.as_deref().unwrap()));
                assert!(is_zh(zd.text.as_deref().unwrap()));
            }
        }
        assert!(is_en(en.gaps[0].label.text.as_deref().unwrap()));
        assert!(is_zh(zh.gaps[0].label.text.as_deref().unwrap()));
        let level = zh.relationship_level.unwrap();
        assert_eq!(level.label.text.as_deref(), Some("优先供应商"));
        assert_eq!(
            en.cadence.unwrap().frequency.text.as_deref(),
            Some("Once a quarter")
        );
    }

    #[test]
    fn serialises_to_the_contract() {
        let mut pairs = healthy_b2();
        pairs.retain(|(k, _)| *k != "contact_coach");
        let s = suggest(
            &row(&pairs),
            &SuggestOptions {
                lang: Some("en".into()),
                ..opts()
            },
        );
        let v = serde_json::to_value(&s).unwrap();
        for key in [
            "cell",
            "targets",
            "relationshipLevel",
            "cadence",
            "gaps",
            "warnings",
            "actions",
        ] {
            assert!(v.get(key).is_some(), "{key}");
        }
        for list in ["gaps", "actions"] {
            for item in v[list].as_array().unwrap() {
                for key in ["code", "zh", "en", "text", "kind", "priority"] {
                    assert!(item.get(key).is_some(), "{list} item without {key}: {item}");
                }
            }
        }
        assert_eq!(v["relationshipLevel"]["code"], "preferred");
        assert_eq!(v["relationshipLevel"]["buildTie"]["code"], "structural");
        assert_eq!(v["cadence"]["code"], "planned_visits");
        assert_eq!(v["cadence"]["contactsPerYear"], 4);
        assert_eq!(v["cadence"]["channel"]["code"], "in_person");
        assert_eq!(v["cadence"]["owner"]["code"], "account_manager");
        assert_eq!(v["actions"][0]["priority"], ItemKind::Matrix.priority());
    }

    #[test]
    fn options_read_from_camel_case_json_and_bad_options_are_errors() {
        let o: SuggestOptions = serde_json::from_str(
            r#"{"lang": "en", "asOf": 20000, "pAlive": 0.3, "score": 72,
                "levelSigns": ["partner_joint_planning"],
                "churn": {"minDays": 60}, "cadence": {"bPerYear": 6},
                "level": {"threshold": 0.6}}"#,
        )
        .unwrap();
        assert_eq!(o.as_of, Some(20000));
        assert_eq!(o.tier().unwrap(), Some(Tier::Important));
        assert_eq!(o.churn.min_days, 60.0);
        assert!(serde_json::from_str::<SuggestOptions>(r#"{"asof": 1}"#).is_err());
        let r = row(&healthy_b2());
        let bad = [
            SuggestOptions {
                tier: Some("gold".into()),
                ..opts()
            },
            SuggestOptions {
                p_alive: Some(1.2),
                ..opts()
            },
            SuggestOptions {
                score: Some(f64::INFINITY),
                ..opts()
            },
            SuggestOptions {
                level: LevelOptions { threshold: 0.0 },
                ..opts()
            },
            serde_json::from_str(r#"{"matrix": {"overrides": {"C9": {"targets": []}}}}"#).unwrap(),
        ];
        for o in bad {
            assert!(suggest_strategy(&r, &o).is_err(), "{o:?}");
        }
    }

    #[test]
    fn same_input_same_output() {
        let mut pairs = healthy_b2();
        pairs.retain(|(k, _)| *k != "contact_user");
        pairs.push(("buyer_step", "2"));
        let r = row(&pairs);
        let o = SuggestOptions {
            lang: Some("zh".into()),
            tier: Some("vip".into()),
            level_signs: Some(vec![
                "zzz".into(),
                "aaa".into(),
                "preferred_inside_info".into(),
            ]),
            ..opts()
        };
        let first = serde_json::to_string(&suggest(&r, &o)).unwrap();
        for _ in 0..5 {
            assert_eq!(serde_json::to_string(&suggest(&r, &o)).unwrap(), first);
        }
    }

    #[test]
    fn a_valid_row_never_gets_an_empty_suggestion_and_actions_stay_ordered() {
        let letters = [None, Some("A"), Some("B"), Some("C"), Some("55"), Some("X")];
        let statuses = [None, Some("1"), Some("4"), Some("5"), Some("6"), Some("?")];
        let tiers = [None, Some("vip"), Some("important"), Some("small")];
        let extras: [&[(&str, &str)]; 4] = [
            &[],
            &[("satisfaction", "1"), ("last_order_days", "365")],
            &[("contact_coach", "小陈"), ("relationship_level", "1")],
            &[("buyer_step", "after_purchase"), ("owner", "A")],
        ];
        let mut checked = 0;
        for letter in letters {
            for status in statuses {
                for tier in tiers {
                    for extra in extras {
                        let mut pairs: Vec<(&str, &str)> = vec![("name", "客户")];
                        pairs.extend(letter.map(|l| ("attractiveness", l)));
                        pairs.extend(status.map(|s| ("relationship_status", s)));
                        pairs.extend(extra.iter().copied());
                        let o = SuggestOptions {
                            tier: tier.map(str::to_string),
                            ..opts()
                        };
                        let s = suggest(&row(&pairs), &o);
                        assert!(!s.actions.is_empty(), "{pairs:?} {tier:?}");
                        assert!(s.actions.windows(2).all(|w| w[0].priority <= w[1].priority));
                        assert!(s
                            .warnings
                            .windows(2)
                            .all(|w| w[0].priority <= w[1].priority));
                        assert_eq!(
                            s.cell.is_some(),
                            s.warnings.iter().all(|w| {
                                !matches!(
                                    w.code(),
                                    "no_attractiveness"
                                        | "no_status"
                                        | "bad_attractiveness"
                                        | "bad_status"
                                )
                            })
                        );
                        for item in s.actions.iter().chain(&s.warnings).chain(&s.gaps) {
                            assert!(is_zh(&item.label.zh), "{item:?}");
                            assert!(is_en(&item.label.en), "{item:?}");
                        }
                        checked += 1;
                    }
                }
            }
        }
        assert_eq!(checked, 6 * 6 * 4 * 4);
    }
}
