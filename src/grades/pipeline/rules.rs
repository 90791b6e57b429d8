//! The rules of the pipeline grade (MODEL §3.6): each stage's condition over the facts
//! (the table's "holds when" column), the chain that decides the grade reached, and what the
//! next grade still needs.

use super::facts::{key_text, Answer, Fact, PipelineFacts, ANSWER_KEY};
use super::grades::Grade;
use crate::grades::join_list;
use crate::texts::{fill, text, Lang};
use serde::Serialize;

/// Whether a requirement needs all of its parts or any one.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum RequirementMode {
    All,
    Any,
}

/// What a grade still needs: under `all`, every fact and group listed; under `any`, one
/// of them. `facts` are fact keys (`answer` for the decision-maker's answer).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Requirement {
    pub mode: RequirementMode,
    pub facts: Vec<&'static str>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub groups: Vec<Requirement>,
}

impl Requirement {
    /// Every fact key named, depth first.
    pub fn all_facts(&self) -> Vec<&'static str> {
        let mut out = self.facts.clone();
        for group in &self.groups {
            out.extend(group.all_facts());
        }
        out
    }

    /// The requirement in words: `同时具备:甲、乙` / `all of: a, b`.
    pub fn describe(&self, lang: Lang) -> String {
        if let ([], [only]) = (self.facts.as_slice(), self.groups.as_slice()) {
            return only.describe(lang);
        }
        let mut items: Vec<String> = self
            .facts
            .iter()
            .map(|key| key_text(key, lang).to_string())
            .collect();
        items.extend(self.groups.iter().map(|g| match lang {
            Lang::ZhCn => format!("（{}）", g.describe(lang)),
            Lang::En => format!("({})", g.describe(lang)),
        }));
        if let [only] = items.as_slice() {
            return only.clone();
        }
        let key = match self.mode {
            RequirementMode::All => "pipeline_req.all",
            RequirementMode::Any => "pipeline_req.any",
        };
        fill(text(lang, key), &[("items", &join_list(lang, &items))])
    }
}

/// A condition over the facts.
#[derive(Debug, Clone, Copy)]
pub(super) enum Condition {
    Fact(Fact),
    Answer(Answer),
    All(&'static [Condition]),
    Any(&'static [Condition]),
}

use Condition::{All, Any};

const fn fact(f: Fact) -> Condition {
    Condition::Fact(f)
}

const A21: Condition = All(&[fact(Fact::LeadData)]);
const A08: Condition = All(&[
    fact(Fact::KeyFactsKnown),
    fact(Fact::TargetIndustry),
    fact(Fact::SizeOk),
]);
const A31: Condition = All(&[
    fact(Fact::DecisionMakerFeedback),
    fact(Fact::KnowsOurOffer),
    fact(Fact::ConsideredDecision),
    Condition::Answer(Answer::Refused),
]);
const A07: Condition = All(&[
    fact(Fact::DecisionMakerFeedback),
    fact(Fact::KnowsOurOffer),
    fact(Fact::ConsideredDecision),
    Condition::Answer(Answer::Neutral),
]);
/// A06's first three signals, each from the decision-maker, a user or an adviser, and each
/// enough on its own (「即可确认为A06级」): they stand without A21 and A08 (MODEL §3.6).
const A06_SIGNALS: Condition = Any(&[
    fact(Fact::ConsideringSwitch),
    fact(Fact::DissatisfiedWithSupplier),
    fact(Fact::TalkingToNewSupplier),
]);
const A06: Condition = Any(&[
    fact(Fact::ConsideringSwitch),
    fact(Fact::DissatisfiedWithSupplier),
    fact(Fact::TalkingToNewSupplier),
    All(&[
        fact(Fact::DecisionMakerFeedback),
        fact(Fact::KnowsOurOffer),
        fact(Fact::ConsideredDecision),
        Any(&[
            fact(Fact::AskedForMaterial),
            fact(Fact::BookedNextContact),
            fact(Fact::AskedAboutUs),
        ]),
    ]),
]);
const A05: Condition = All(&[
    fact(Fact::DecisionMakerFeedback),
    fact(Fact::ConsideredDecision),
    fact(Fact::NeedsUnderstoodAndMet),
    fact(Fact::JudgesWeFit),
    fact(Fact::KnowsOurPrice),
]);
const A04: Condition = All(&[fact(Fact::DealAffordable), fact(Fact::PriceAcceptable)]);
const A03: Condition = Any(&[
    fact(Fact::VerbalCommitment),
    fact(Fact::ActedOnIt),
    fact(Fact::BuysWithin2Months),
]);
const A02: Condition = Any(&[
    fact(Fact::ContractSigned),
    fact(Fact::Purchased),
    fact(Fact::Paid),
]);
const A01: Condition = All(&[
    fact(Fact::UsedUp),
    fact(Fact::FullyCollected),
    fact(Fact::NoOpenPromises),
]);

/// The facts a grade's own stage needs (MODEL §3.6's table), without the stages before it.
pub(super) fn condition(grade: Grade) -> Option<Condition> {
    match grade {
        Grade::Ungraded => None,
        Grade::A21 => Some(A21),
        Grade::A08 => Some(A08),
        Grade::A31 => Some(A31),
        Grade::A07 => Some(A07),
        Grade::A06 => Some(A06),
        Grade::A05 => Some(A05),
        Grade::A04 => Some(A04),
        Grade::A03 => Some(A03),
        Grade::A02 => Some(A02),
        Grade::A01 => Some(A01),
    }
}

impl Condition {
    pub(super) fn holds(&self, facts: &PipelineFacts) -> bool {
        match self {
            Condition::Fact(f) => facts.has(*f),
            Condition::Answer(a) => facts.answer() == Some(*a),
            All(items) => items.iter().all(|c| c.holds(facts)),
            Any(items) => items.iter().any(|c| c.holds(facts)),
        }
    }

    /// The key of a single fact or the answer; `None` for a group.
    fn leaf_key(&self) -> Option<&'static str> {
        match self {
            Condition::Fact(f) => Some(f.key()),
            Condition::Answer(_) => Some(ANSWER_KEY),
            All(_) | Any(_) => None,
        }
    }

    /// What is still needed for the condition to hold; `None` when it holds.
    pub(super) fn missing(&self, facts: &PipelineFacts) -> Option<Requirement> {
        if self.holds(facts) {
            return None;
        }
        let (mode, items): (RequirementMode, &[Condition]) = match self {
            All(items) => (RequirementMode::All, items),
            Any(items) => (RequirementMode::Any, items),
            leaf => {
                return Some(Requirement {
                    mode: RequirementMode::All,
                    facts: leaf.leaf_key().into_iter().collect(),
                    groups: Vec::new(),
                })
            }
        };
        let mut requirement = Requirement {
            mode,
            facts: Vec::new(),
            groups: Vec::new(),
        };
        // Under "all", only the parts not yet holding; under "any", none holds, so all.
        for item in items.iter().filter(|c| !c.holds(facts)) {
            match item.leaf_key() {
                Some(key) => requirement.facts.push(key),
                None => {
                    // "any of (any of …)" is one "any of"; "all of (all of …)" one "all of".
                    if let Some(group) = item.missing(facts) {
                        if group.mode == mode {
                            requirement.facts.extend(group.facts);
                            requirement.groups.extend(group.groups);
                        } else {
                            requirement.groups.push(group);
                        }
                    }
                }
            }
        }
        // A group left with a single part is that part: "all of (any of a, b)" reads
        // "any of a, b".
        if requirement.facts.is_empty() && requirement.groups.len() == 1 {
            if let Some(only) = requirement.groups.pop() {
                return Some(only);
            }
        }
        Some(requirement)
    }

    /// The keys of the facts in the condition that are true (the answer when it matches).
    pub(super) fn true_facts(&self, facts: &PipelineFacts, out: &mut Vec<&'static str>) {
        match self {
            Condition::Fact(_) | Condition::Answer(_) => {
                if let (Some(key), true) = (self.leaf_key(), self.holds(facts)) {
                    if !out.contains(&key) {
                        out.push(key);
                    }
                }
            }
            All(items) | Any(items) => {
                for item in items.iter() {
                    item.true_facts(facts, out);
                }
            }
        }
    }
}

pub(super) fn stage_holds(grade: Grade, facts: &PipelineFacts) -> bool {
    condition(grade).is_some_and(|c| c.holds(facts))
}

/// The stages of the main path before the proof stages, in order.
pub(super) const CHAIN: [Grade; 6] = [
    Grade::A21,
    Grade::A08,
    Grade::A06,
    Grade::A05,
    Grade::A04,
    Grade::A03,
];

/// A06 reached on its first three signals alone, without A08's facts (MODEL §3.6).
pub(super) fn a06_stands_alone(grade: Grade, facts: &PipelineFacts) -> bool {
    grade == Grade::A06 && !stage_holds(Grade::A08, facts)
}

/// The grade the facts reach (see the module notes).
pub(crate) fn reached_grade(facts: &PipelineFacts) -> Grade {
    if stage_holds(Grade::A01, facts) {
        return Grade::A01;
    }
    if stage_holds(Grade::A02, facts) {
        return Grade::A02;
    }
    let mut top = Grade::Ungraded;
    for stage in CHAIN {
        if !stage_holds(stage, facts) {
            break;
        }
        top = stage;
    }
    // A06's first three signals stand on their own: a prospect who says they are switching
    // supplier is A06 even while the fax number is unknown (the warning says so).
    if top.rank() < Grade::A06.rank() && A06_SIGNALS.holds(facts) {
        return Grade::A06;
    }
    if top == Grade::A08 {
        if stage_holds(Grade::A31, facts) {
            return Grade::A31;
        }
        if stage_holds(Grade::A07, facts) {
            return Grade::A07;
        }
    }
    top
}

/// Fact keys in the table's order, with `answer` after `considered_decision`.
pub(super) fn sort_keys(keys: &mut [&'static str]) {
    let position = |key: &str| match Fact::from_key(key) {
        Some(f) => f as usize * 2,
        None => Fact::ConsideredDecision as usize * 2 + 1,
    };
    keys.sort_by_key(|k| position(k));
}

/// The true facts of the stages on the way to `grade`, the grade's own stage included.
pub(super) fn met_facts(grade: Grade, facts: &PipelineFacts) -> Vec<&'static str> {
    let mut out = Vec::new();
    for stage in Grade::ALL {
        let on_path = match stage {
            Grade::A31 | Grade::A07 => stage == grade,
            _ => stage.rank() <= grade.rank(),
        };
        if on_path {
            if let Some(c) = condition(stage) {
                c.true_facts(facts, &mut out);
            }
        }
    }
    sort_keys(&mut out);
    out
}

/// What `next` still needs: its own condition and, on the main path, every earlier stage of
/// the chain that does not hold (after an A06 that stands alone, A08's facts come first).
pub(super) fn requirement_for(next: Grade, facts: &PipelineFacts) -> Option<Requirement> {
    let own = condition(next).and_then(|c| c.missing(facts));
    if !CHAIN.contains(&next) {
        return own;
    }
    let earlier: Vec<Requirement> = CHAIN
        .into_iter()
        .take_while(|stage| *stage != next)
        .filter_map(|stage| condition(stage).and_then(|c| c.missing(facts)))
        .collect();
    if earlier.is_empty() {
        return own;
    }
    let mut all = Requirement {
        mode: RequirementMode::All,
        facts: Vec::new(),
        groups: Vec::new(),
    };
    for part in earlier.into_iter().chain(own) {
        match part.mode {
            RequirementMode::All => {
                all.facts.extend(part.facts);
                all.groups.extend(part.groups);
            }
            RequirementMode::Any => all.groups.push(part),
        }
    }
    Some(all)
}
