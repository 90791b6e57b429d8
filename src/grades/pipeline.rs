//! The ten-level pipeline grade (客户十级分级标准, MODEL §3.6) as a rule engine over named
//! facts, and the weighted pipeline.
//!
//! Each grade holds when its facts hold (the table in MODEL §3.6 is [`condition`] here).
//! Facts are yes/no; a fact not recorded is false. The decision-maker's answer is a
//! category: `refused` / `neutral` / `positive` (also 拒绝 / 中立 / 积极 and the like).
//!
//! Rules, as the text gives them and where it is silent [D]:
//!
//! - **Chain.** Progress runs A21 → A08 → (A31 | A07 | A06) → A05 → A04 → A03 → A02 → A01.
//!   A later stage counts only when every stage before it on that path holds; the grade is
//!   the highest stage whose chain holds. A06 follows A08 directly (A31 and A07 are side
//!   branches, not steps towards A06).
//! - **Proof.** The A02 facts (signed, bought or paid) and the A01 facts are proof of
//!   everything before them: they give A02 / A01 whatever else is recorded.
//! - **No grade** [D]: code `none` (未分级), when not even `lead_data` holds and there is no
//!   A02/A01 proof. Its win probability is 0.
//! - **A31 and A07** are reached only on the A21 → A08 chain, with all of
//!   `decision_maker_feedback`, `knows_our_offer`, `considered_decision` and the matching
//!   answer. A refusal from someone who is not the decision-maker, or not considered, is not
//!   an explicit refusal: the grade stays A08 and the warning `answer_incomplete` says what
//!   is missing. The "real reason" the text asks to record has no fact key; the next step of
//!   an A31 account reminds the user to record it.
//! - **A31 is terminal until new facts arrive** [D]: "new facts" are A06's facts (then the
//!   account moves to A06, as an A07 account does) or A02/A01 proof. A05–A03 facts after a
//!   refusal without any A06 fact do not count (the chain needs A06) and are reported as
//!   inconsistent.
//! - **A positive answer** [D] is not itself proof of A06: A06 needs one of its facts
//!   (considering a switch, dissatisfaction, talking to a new supplier, or the
//!   decision-maker's considered interest shown by asking for material, booking the next
//!   contact or asking about us). Without one, `answer_incomplete` lists them.
//! - **Next grade** [D]: none → A21 → A08; from A08, A31 or A07 the next grade is A06 (a
//!   refusal or a neutral answer is never a goal); then A05 … A01; none after A01.
//!   `missing` lists what the next grade still needs: only facts not yet true under "all
//!   of", every alternative under "any of".
//! - **Warnings.** `price_too_early`: `price_discussed` while the grade is below A05
//!   (A31 and A07 included); it never counts as progress. `inconsistent_facts`: a later
//!   stage whose own condition holds but does not count because an earlier stage does not
//!   hold (facts = the later stage's true facts, stages = the earlier stages missing); and,
//!   as the text asks, A02/A01 proof with earlier stages not recorded (the grade is still
//!   A02/A01). A later stage is "present" only when its own condition holds: a lone
//!   `deal_affordable` before A05 is not reported.
//!
//! Win probabilities [D] (editable): none 0, A21 1 %, A08 5 %, A31 0, A07 10 %, A06 20 %,
//! A05 40 %, A04 60 %, A03 80 %, A02 and A01 100 %.

use crate::grades::{join_list, label_per_lang};
use crate::parse::{is_blank_marker, normalize_width, parse_flag};
use crate::row::AccountRow;
use crate::texts::{fill, text, Label, Lang};
use serde::{Deserialize, Serialize};

/// A named yes/no fact of the pipeline. The order of [`Fact::ALL`] is the order of a
/// spreadsheet's TRUE/FALSE list (see [`FLAG_ORDER`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Fact {
    LeadData,
    KeyFactsKnown,
    TargetIndustry,
    SizeOk,
    DecisionMakerFeedback,
    KnowsOurOffer,
    ConsideredDecision,
    ConsideringSwitch,
    DissatisfiedWithSupplier,
    TalkingToNewSupplier,
    AskedForMaterial,
    BookedNextContact,
    AskedAboutUs,
    NeedsUnderstoodAndMet,
    JudgesWeFit,
    KnowsOurPrice,
    DealAffordable,
    PriceAcceptable,
    VerbalCommitment,
    ActedOnIt,
    BuysWithin2Months,
    ContractSigned,
    Purchased,
    Paid,
    UsedUp,
    FullyCollected,
    NoOpenPromises,
    PriceDiscussed,
}

impl Fact {
    /// Every fact, in the table's order.
    pub const ALL: [Fact; 28] = [
        Fact::LeadData,
        Fact::KeyFactsKnown,
        Fact::TargetIndustry,
        Fact::SizeOk,
        Fact::DecisionMakerFeedback,
        Fact::KnowsOurOffer,
        Fact::ConsideredDecision,
        Fact::ConsideringSwitch,
        Fact::DissatisfiedWithSupplier,
        Fact::TalkingToNewSupplier,
        Fact::AskedForMaterial,
        Fact::BookedNextContact,
        Fact::AskedAboutUs,
        Fact::NeedsUnderstoodAndMet,
        Fact::JudgesWeFit,
        Fact::KnowsOurPrice,
        Fact::DealAffordable,
        Fact::PriceAcceptable,
        Fact::VerbalCommitment,
        Fact::ActedOnIt,
        Fact::BuysWithin2Months,
        Fact::ContractSigned,
        Fact::Purchased,
        Fact::Paid,
        Fact::UsedUp,
        Fact::FullyCollected,
        Fact::NoOpenPromises,
        Fact::PriceDiscussed,
    ];

    /// The fact's key: the account row's field key.
    pub fn key(self) -> &'static str {
        match self {
            Fact::LeadData => "lead_data",
            Fact::KeyFactsKnown => "key_facts_known",
            Fact::TargetIndustry => "target_industry",
            Fact::SizeOk => "size_ok",
            Fact::DecisionMakerFeedback => "decision_maker_feedback",
            Fact::KnowsOurOffer => "knows_our_offer",
            Fact::ConsideredDecision => "considered_decision",
            Fact::ConsideringSwitch => "considering_switch",
            Fact::DissatisfiedWithSupplier => "dissatisfied_with_supplier",
            Fact::TalkingToNewSupplier => "talking_to_new_supplier",
            Fact::AskedForMaterial => "asked_for_material",
            Fact::BookedNextContact => "booked_next_contact",
            Fact::AskedAboutUs => "asked_about_us",
            Fact::NeedsUnderstoodAndMet => "needs_understood_and_met",
            Fact::JudgesWeFit => "judges_we_fit",
            Fact::KnowsOurPrice => "knows_our_price",
            Fact::DealAffordable => "deal_affordable",
            Fact::PriceAcceptable => "price_acceptable",
            Fact::VerbalCommitment => "verbal_commitment",
            Fact::ActedOnIt => "acted_on_it",
            Fact::BuysWithin2Months => "buys_within_2_months",
            Fact::ContractSigned => "contract_signed",
            Fact::Purchased => "purchased",
            Fact::Paid => "paid",
            Fact::UsedUp => "used_up",
            Fact::FullyCollected => "fully_collected",
            Fact::NoOpenPromises => "no_open_promises",
            Fact::PriceDiscussed => "price_discussed",
        }
    }

    /// The fact with this key.
    pub fn from_key(key: &str) -> Option<Fact> {
        Fact::ALL.into_iter().find(|f| f.key() == key)
    }

    /// The fact in words.
    pub fn label(self) -> Label {
        Label::new("pipeline_fact", self.key())
    }

    fn bit(self) -> u32 {
        1u32 << (self as u32)
    }
}

/// The key the decision-maker's answer is stored under.
pub const ANSWER_KEY: &str = "answer";

/// The fixed order of a spreadsheet's TRUE/FALSE list for [`PipelineFacts::from_flags`]:
/// the 28 facts of the table, then one flag per answer (`answer_refused`, `answer_neutral`,
/// `answer_positive`; at most one TRUE).
pub const FLAG_ORDER: [&str; 31] = [
    "lead_data",
    "key_facts_known",
    "target_industry",
    "size_ok",
    "decision_maker_feedback",
    "knows_our_offer",
    "considered_decision",
    "considering_switch",
    "dissatisfied_with_supplier",
    "talking_to_new_supplier",
    "asked_for_material",
    "booked_next_contact",
    "asked_about_us",
    "needs_understood_and_met",
    "judges_we_fit",
    "knows_our_price",
    "deal_affordable",
    "price_acceptable",
    "verbal_commitment",
    "acted_on_it",
    "buys_within_2_months",
    "contract_signed",
    "purchased",
    "paid",
    "used_up",
    "fully_collected",
    "no_open_promises",
    "price_discussed",
    "answer_refused",
    "answer_neutral",
    "answer_positive",
];

/// The decision-maker's first answer.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Answer {
    Refused,
    Neutral,
    Positive,
}

impl Answer {
    pub const ALL: [Answer; 3] = [Answer::Refused, Answer::Neutral, Answer::Positive];

    /// `refused`, `neutral`, `positive`.
    pub fn code(self) -> &'static str {
        match self {
            Answer::Refused => "refused",
            Answer::Neutral => "neutral",
            Answer::Positive => "positive",
        }
    }

    /// The answer's flag in [`FLAG_ORDER`]: `answer_refused` …
    pub fn flag_key(self) -> &'static str {
        match self {
            Answer::Refused => "answer_refused",
            Answer::Neutral => "answer_neutral",
            Answer::Positive => "answer_positive",
        }
    }

    pub fn label(self) -> Label {
        Label::new("pipeline_answer", self.code())
    }

    /// The grade this answer leads to when its facts hold.
    pub fn grade(self) -> Grade {
        match self {
            Answer::Refused => Grade::A31,
            Answer::Neutral => Grade::A07,
            Answer::Positive => Grade::A06,
        }
    }

    /// An answer as people write it: `refused`, `拒绝`, `明确拒绝`, `neutral`, `中立`,
    /// `不拒绝`, `推脱`, `positive`, `积极`, `积极回应`, `感兴趣` …
    pub fn parse(text: &str) -> Option<Answer> {
        let t = normalize_width(text).trim().to_lowercase();
        match t.as_str() {
            "refused" | "refuse" | "refusal" | "rejected" | "no" | "拒绝" | "明确拒绝"
            | "已拒绝" | "不要" | "不需要" => Some(Answer::Refused),
            "neutral" | "evasive" | "undecided" | "not refused" | "中立" | "不拒绝" | "推脱"
            | "推辞" | "敷衍" | "观望" | "再说" | "一般" => Some(Answer::Neutral),
            "positive" | "interested" | "yes" | "积极" | "积极回应" | "感兴趣" | "有兴趣"
            | "有意向" | "肯定" => Some(Answer::Positive),
            _ => None,
        }
    }
}

/// Why pipeline facts or options were refused.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum PipelineError {
    #[error("unknown pipeline fact \"{0}\"")]
    UnknownFact(String),
    #[error("unknown answer \"{0}\"; expected refused, neutral or positive (拒绝 / 中立 / 积极)")]
    UnknownAnswer(String),
    #[error("two different answers are recorded: {first} and {second}")]
    ConflictingAnswers {
        first: &'static str,
        second: &'static str,
    },
    #[error("{given} TRUE/FALSE values given; the fact list has {max}")]
    TooManyFlags { given: usize, max: usize },
    #[error("fact \"{key}\": \"{text}\" is not yes or no")]
    NotAFlag { key: String, text: String },
    #[error("pipeline facts must be an object of fact keys")]
    NotAnObject,
    #[error("the win probability of {grade} is {value}; it must be between 0 and 1")]
    ProbabilityOutOfRange { grade: &'static str, value: f64 },
}

/// The facts of one account.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct PipelineFacts {
    /// One bit per [`Fact`], at the fact's position.
    bits: u32,
    answer: Option<Answer>,
}

impl PipelineFacts {
    /// No fact known.
    pub fn new() -> PipelineFacts {
        PipelineFacts::default()
    }

    pub fn has(&self, fact: Fact) -> bool {
        self.bits & fact.bit() != 0
    }

    pub fn set(&mut self, fact: Fact, value: bool) {
        if value {
            self.bits |= fact.bit();
        } else {
            self.bits &= !fact.bit();
        }
    }

    pub fn answer(&self) -> Option<Answer> {
        self.answer
    }

    /// Sets or clears the answer, replacing any earlier one.
    pub fn set_answer(&mut self, answer: Option<Answer>) {
        self.answer = answer;
    }

    /// Records an answer; a different answer already recorded is an error.
    fn add_answer(&mut self, answer: Answer) -> Result<(), PipelineError> {
        match self.answer {
            Some(first) if first != answer => Err(PipelineError::ConflictingAnswers {
                first: first.code(),
                second: answer.code(),
            }),
            _ => {
                self.answer = Some(answer);
                Ok(())
            }
        }
    }

    /// Sets a fact by key; also the answer flags `answer_refused` / `answer_neutral` /
    /// `answer_positive` (TRUE records that answer, FALSE says nothing).
    pub fn set_key(&mut self, key: &str, value: bool) -> Result<(), PipelineError> {
        if let Some(fact) = Fact::from_key(key) {
            self.set(fact, value);
            return Ok(());
        }
        match Answer::ALL.into_iter().find(|a| a.flag_key() == key) {
            Some(answer) if value => self.add_answer(answer),
            Some(_) => Ok(()),
            None => Err(PipelineError::UnknownFact(key.to_string())),
        }
    }

    /// Facts from (key, value) pairs; an unknown key is an error.
    pub fn from_pairs<'a, I>(pairs: I) -> Result<PipelineFacts, PipelineError>
    where
        I: IntoIterator<Item = (&'a str, bool)>,
    {
        let mut facts = PipelineFacts::new();
        for (key, value) in pairs {
            facts.set_key(key, value)?;
        }
        Ok(facts)
    }

    /// Facts from a TRUE/FALSE list in [`FLAG_ORDER`]; a shorter list leaves the rest
    /// false (not known), a longer one is an error.
    pub fn from_flags(flags: &[bool]) -> Result<PipelineFacts, PipelineError> {
        if flags.len() > FLAG_ORDER.len() {
            return Err(PipelineError::TooManyFlags {
                given: flags.len(),
                max: FLAG_ORDER.len(),
            });
        }
        PipelineFacts::from_pairs(FLAG_ORDER.iter().copied().zip(flags.iter().copied()))
    }

    /// Facts from an account row: each fact's flag field (not recorded = false) and the
    /// `answer` category.
    pub fn from_row(row: &AccountRow) -> Result<PipelineFacts, PipelineError> {
        let mut facts = PipelineFacts::new();
        for fact in Fact::ALL {
            facts.set(fact, row.fact(fact.key()));
        }
        if let Some(answer_text) = row.text(ANSWER_KEY) {
            let answer = Answer::parse(answer_text)
                .ok_or_else(|| PipelineError::UnknownAnswer(answer_text.to_string()))?;
            facts.set_answer(Some(answer));
        }
        Ok(facts)
    }

    /// Facts from a JSON object such as `{"lead_data": true, "answer": "neutral"}`.
    /// Values may be booleans, 1/0, yes/no texts (`TRUE`, `是`, `否`) or null (not known);
    /// answer flags are accepted too. An unknown key is an error.
    pub fn from_json(value: &serde_json::Value) -> Result<PipelineFacts, PipelineError> {
        use serde_json::Value as Json;
        let object = value.as_object().ok_or(PipelineError::NotAnObject)?;
        let mut facts = PipelineFacts::new();
        for (key, value) in object {
            if key == ANSWER_KEY {
                match value {
                    Json::Null => {}
                    Json::String(s) if is_blank_marker(s) => {}
                    Json::String(s) => {
                        let answer = Answer::parse(s)
                            .ok_or_else(|| PipelineError::UnknownAnswer(s.clone()))?;
                        facts.add_answer(answer)?;
                    }
                    other => return Err(PipelineError::UnknownAnswer(other.to_string())),
                }
                continue;
            }
            let not_a_flag = || PipelineError::NotAFlag {
                key: key.clone(),
                text: value.to_string(),
            };
            let flag = match value {
                Json::Bool(b) => Some(*b),
                Json::Null => None,
                Json::Number(n) => match n.as_f64() {
                    Some(1.0) => Some(true),
                    Some(0.0) => Some(false),
                    _ => return Err(not_a_flag()),
                },
                Json::String(s) => parse_flag(s).map_err(|_| not_a_flag())?,
                Json::Array(_) | Json::Object(_) => return Err(not_a_flag()),
            };
            // A null or blank value still names a fact: the key must be known.
            facts.set_key(key, flag.unwrap_or(false))?;
        }
        Ok(facts)
    }
}

/// A pipeline grade. `Ungraded` (code `none`) is below A21.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Grade {
    #[serde(rename = "none")]
    Ungraded,
    A21,
    A08,
    A31,
    A07,
    A06,
    A05,
    A04,
    A03,
    A02,
    A01,
}

impl Grade {
    /// Every grade in the order of progress (A31 and A07 side by side).
    pub const ALL: [Grade; 11] = [
        Grade::Ungraded,
        Grade::A21,
        Grade::A08,
        Grade::A31,
        Grade::A07,
        Grade::A06,
        Grade::A05,
        Grade::A04,
        Grade::A03,
        Grade::A02,
        Grade::A01,
    ];

    /// The code: `none`, `A21`, `A08`, `A31`, `A07`, `A06` … `A01`.
    pub fn code(self) -> &'static str {
        match self {
            Grade::Ungraded => "none",
            Grade::A21 => "A21",
            Grade::A08 => "A08",
            Grade::A31 => "A31",
            Grade::A07 => "A07",
            Grade::A06 => "A06",
            Grade::A05 => "A05",
            Grade::A04 => "A04",
            Grade::A03 => "A03",
            Grade::A02 => "A02",
            Grade::A01 => "A01",
        }
    }

    /// The grade's name: 资料级 lead data, 意向级 intention …
    pub fn label(self) -> Label {
        Label::new("pipeline", self.code())
    }

    /// How far along the path the grade is: none 0, A21 1, A08 2, A31 and A07 3, A06 4 …
    /// A01 9.
    pub fn rank(self) -> u8 {
        match self {
            Grade::Ungraded => 0,
            Grade::A21 => 1,
            Grade::A08 => 2,
            Grade::A31 | Grade::A07 => 3,
            Grade::A06 => 4,
            Grade::A05 => 5,
            Grade::A04 => 6,
            Grade::A03 => 7,
            Grade::A02 => 8,
            Grade::A01 => 9,
        }
    }

    /// The next grade to work towards; A06 after A08, A31 and A07.
    pub fn next(self) -> Option<Grade> {
        match self {
            Grade::Ungraded => Some(Grade::A21),
            Grade::A21 => Some(Grade::A08),
            Grade::A08 | Grade::A31 | Grade::A07 => Some(Grade::A06),
            Grade::A06 => Some(Grade::A05),
            Grade::A05 => Some(Grade::A04),
            Grade::A04 => Some(Grade::A03),
            Grade::A03 => Some(Grade::A02),
            Grade::A02 => Some(Grade::A01),
            Grade::A01 => None,
        }
    }

    /// A grade as written: its code (`a05`, `Ａ05`) or its name in either language.
    pub fn parse(text: &str) -> Option<Grade> {
        let t = normalize_width(text).trim().to_lowercase();
        Grade::ALL.into_iter().find(|g| {
            let label = g.label();
            t == g.code().to_lowercase()
                || t == label.zh.to_lowercase()
                || t == label.en.to_lowercase()
        })
    }

    /// The spec's default win probability.
    pub fn default_probability(self) -> f64 {
        WinProbabilities::default().of(self)
    }

    /// `A05 意向级` / `A05 Intention`.
    fn title(self, lang: Lang) -> String {
        format!("{} {}", self.code(), self.label().in_lang(lang))
    }
}

/// Win probability per grade, 0–1. JSON keys are the grade codes; give only those to change:
/// `{ "A05": 0.5 }`.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct WinProbabilities {
    #[serde(rename = "none")]
    pub ungraded: f64,
    #[serde(rename = "A21")]
    pub a21: f64,
    #[serde(rename = "A08")]
    pub a08: f64,
    #[serde(rename = "A31")]
    pub a31: f64,
    #[serde(rename = "A07")]
    pub a07: f64,
    #[serde(rename = "A06")]
    pub a06: f64,
    #[serde(rename = "A05")]
    pub a05: f64,
    #[serde(rename = "A04")]
    pub a04: f64,
    #[serde(rename = "A03")]
    pub a03: f64,
    #[serde(rename = "A02")]
    pub a02: f64,
    #[serde(rename = "A01")]
    pub a01: f64,
}

impl Default for WinProbabilities {
    fn default() -> Self {
        WinProbabilities {
            ungraded: 0.0,
            a21: 0.01,
            a08: 0.05,
            a31: 0.0,
            a07: 0.10,
            a06: 0.20,
            a05: 0.40,
            a04: 0.60,
            a03: 0.80,
            a02: 1.0,
            a01: 1.0,
        }
    }
}

impl WinProbabilities {
    pub fn of(&self, grade: Grade) -> f64 {
        match grade {
            Grade::Ungraded => self.ungraded,
            Grade::A21 => self.a21,
            Grade::A08 => self.a08,
            Grade::A31 => self.a31,
            Grade::A07 => self.a07,
            Grade::A06 => self.a06,
            Grade::A05 => self.a05,
            Grade::A04 => self.a04,
            Grade::A03 => self.a03,
            Grade::A02 => self.a02,
            Grade::A01 => self.a01,
        }
    }
}

/// Options of the pipeline grade. JSON: `{ "probabilities": { "A05": 0.5 } }`.
#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default, deny_unknown_fields)]
pub struct PipelineOptions {
    pub probabilities: WinProbabilities,
}

impl PipelineOptions {
    /// Every probability lies within 0–1.
    pub fn validate(&self) -> Result<(), PipelineError> {
        for grade in Grade::ALL {
            let value = self.probabilities.of(grade);
            if !(0.0..=1.0).contains(&value) {
                return Err(PipelineError::ProbabilityOutOfRange {
                    grade: grade.code(),
                    value,
                });
            }
        }
        Ok(())
    }
}

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
            .map(|key| text(lang, &format!("pipeline_fact.{key}")).to_string())
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
enum Condition {
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
fn condition(grade: Grade) -> Option<Condition> {
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
    fn holds(&self, facts: &PipelineFacts) -> bool {
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
    fn missing(&self, facts: &PipelineFacts) -> Option<Requirement> {
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
    fn true_facts(&self, facts: &PipelineFacts, out: &mut Vec<&'static str>) {
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

fn stage_holds(grade: Grade, facts: &PipelineFacts) -> bool {
    condition(grade).is_some_and(|c| c.holds(facts))
}

/// The stages of the main path before the proof stages, in order.
const CHAIN: [Grade; 6] = [
    Grade::A21,
    Grade::A08,
    Grade::A06,
    Grade::A05,
    Grade::A04,
    Grade::A03,
];

/// The grade the facts reach (see the module notes).
fn reached_grade(facts: &PipelineFacts) -> Grade {
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
fn sort_keys(keys: &mut [&'static str]) {
    let position = |key: &str| match Fact::from_key(key) {
        Some(f) => f as usize * 2,
        None => Fact::ConsideredDecision as usize * 2 + 1,
    };
    keys.sort_by_key(|k| position(k));
}

/// The true facts of the stages on the way to `grade`, the grade's own stage included.
fn met_facts(grade: Grade, facts: &PipelineFacts) -> Vec<&'static str> {
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

/// A warning about the facts recorded.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct PipelineWarning {
    #[serde(flatten)]
    pub label: Label,
    /// The fact keys concerned.
    pub facts: Vec<&'static str>,
    /// The grades concerned (for `inconsistent_facts`, the earlier stages that do not hold).
    pub stages: Vec<Grade>,
}

fn fact_names(keys: &[&'static str], lang: Lang) -> String {
    let names: Vec<String> = keys
        .iter()
        .map(|k| text(lang, &format!("pipeline_fact.{k}")).to_string())
        .collect();
    join_list(lang, &names)
}

fn grade_titles(grades: &[Grade], lang: Lang) -> String {
    let titles: Vec<String> = grades.iter().map(|g| g.title(lang)).collect();
    join_list(lang, &titles)
}

fn warning(code: &str, facts: Vec<&'static str>, stages: Vec<Grade>) -> PipelineWarning {
    let label = label_per_lang("warning", code, |lang| {
        vec![
            ("facts", fact_names(&facts, lang)),
            ("stages", grade_titles(&stages, lang)),
        ]
    });
    PipelineWarning {
        label,
        facts,
        stages,
    }
}

/// Later stages recorded while an earlier one does not hold.
fn inconsistency(grade: Grade, facts: &PipelineFacts) -> Option<PipelineWarning> {
    let (later, missing): (Vec<Grade>, Vec<Grade>) = match grade {
        Grade::A02 | Grade::A01 => {
            let missing: Vec<Grade> = CHAIN
                .into_iter()
                .chain((grade == Grade::A01).then_some(Grade::A02))
                .filter(|s| !stage_holds(*s, facts))
                .collect();
            (vec![grade], missing)
        }
        _ => {
            let later: Vec<Grade> = [
                Grade::A08,
                Grade::A31,
                Grade::A07,
                Grade::A06,
                Grade::A05,
                Grade::A04,
                Grade::A03,
            ]
            .into_iter()
            .filter(|s| s.rank() > grade.rank() && stage_holds(*s, facts))
            .collect();
            let highest = later.iter().map(|s| s.rank()).max().unwrap_or(0);
            let missing = CHAIN
                .into_iter()
                .filter(|s| s.rank() < highest && !stage_holds(*s, facts))
                .collect();
            (later, missing)
        }
    };
    if later.is_empty() || missing.is_empty() {
        return None;
    }
    let mut keys = Vec::new();
    for stage in &later {
        if let Some(c) = condition(*stage) {
            c.true_facts(facts, &mut keys);
        }
    }
    sort_keys(&mut keys);
    Some(warning("inconsistent_facts", keys, missing))
}

/// The recorded answer does not yet make its grade.
fn incomplete_answer(grade: Grade, facts: &PipelineFacts) -> Option<PipelineWarning> {
    let answer = facts.answer()?;
    let stage = answer.grade();
    if grade.rank() >= stage.rank() {
        return None;
    }
    // When the stage's own facts hold, the chain before it is what is missing; the
    // inconsistency warning says so.
    let requirement = condition(stage)?.missing(facts)?;
    let label = label_per_lang("warning", "answer_incomplete", |lang| {
        vec![
            ("answer", answer.label().in_lang(lang).to_string()),
            ("grade", stage.title(lang)),
            ("requirements", requirement.describe(lang)),
        ]
    });
    Some(PipelineWarning {
        label,
        facts: requirement.all_facts(),
        stages: vec![stage],
    })
}

/// The pipeline grade of an account.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct PipelineGradeResult {
    /// The grade's code (`A05`, or `none`) and name.
    #[serde(flatten)]
    pub label: Label,
    #[serde(skip)]
    pub grade: Grade,
    /// The win probability of the grade, 0–1.
    pub probability: f64,
    /// Fact keys that hold on the way to the grade reached.
    pub met: Vec<&'static str>,
    /// The next grade to work towards; `None` after A01.
    pub next: Option<Grade>,
    /// What the next grade still needs.
    pub missing: Option<Requirement>,
    /// The next step in words.
    pub next_step: Label,
    pub warnings: Vec<PipelineWarning>,
}

/// The pipeline grade of an account's facts.
pub fn pipeline_grade(
    facts: &PipelineFacts,
    options: &PipelineOptions,
) -> Result<PipelineGradeResult, PipelineError> {
    options.validate()?;
    let grade = reached_grade(facts);
    let next = grade.next();
    let missing = next.and_then(condition).and_then(|c| c.missing(facts));

    let next_step = match (next, &missing) {
        (Some(target), Some(requirement)) => {
            let code = if grade == Grade::A31 {
                "refused"
            } else {
                "reach"
            };
            label_per_lang("pipeline_next", code, |lang| {
                vec![
                    ("grade", target.title(lang)),
                    ("requirements", requirement.describe(lang)),
                ]
            })
        }
        _ => Label::new("pipeline_next", "closed"),
    };

    let mut warnings = Vec::new();
    if grade.rank() < Grade::A05.rank() && facts.has(Fact::PriceDiscussed) {
        warnings.push(warning(
            "price_too_early",
            vec![Fact::PriceDiscussed.key()],
            vec![Grade::A05],
        ));
    }
    warnings.extend(inconsistency(grade, facts));
    warnings.extend(incomplete_answer(grade, facts));

    Ok(PipelineGradeResult {
        label: grade.label(),
        grade,
        probability: options.probabilities.of(grade),
        met: met_facts(grade, facts),
        next,
        missing,
        next_step,
        warnings,
    })
}

/// One deal of the weighted pipeline.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct PipelineDeal {
    pub grade: Grade,
    /// The deal's value; missing (NaN), infinite or negative values are left out.
    pub value: f64,
}

/// One grade's part of the weighted pipeline.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct GradeSum {
    #[serde(flatten)]
    pub label: Label,
    pub probability: f64,
    /// Deals with a value at this grade.
    pub count: usize,
    pub value: f64,
    /// `value × probability`.
    pub weighted: f64,
}

/// The weighted pipeline: Σ value × win probability, in total and per grade.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct WeightedPipeline {
    pub total_value: f64,
    pub weighted_total: f64,
    /// Deals counted.
    pub counted: usize,
    /// Deals left out for want of a usable value.
    pub without_value: usize,
    /// Every grade in the order of progress, empty ones included.
    pub by_grade: Vec<GradeSum>,
    /// Rows (0-based) whose facts could not be read (weighted_pipeline_rows only).
    pub unreadable_rows: Vec<usize>,
}

/// The weighted pipeline of graded deals.
pub fn weighted_pipeline(
    deals: &[PipelineDeal],
    options: &PipelineOptions,
) -> Result<WeightedPipeline, PipelineError> {
    options.validate()?;
    let usable = |d: &&PipelineDeal| d.value.is_finite() && d.value >= 0.0;
    let by_grade: Vec<GradeSum> = Grade::ALL
        .into_iter()
        .map(|grade| {
            let probability = options.probabilities.of(grade);
            let (count, value) = deals
                .iter()
                .filter(usable)
                .filter(|d| d.grade == grade)
                .fold((0usize, 0.0f64), |(n, sum), d| (n + 1, sum + d.value));
            GradeSum {
                label: grade.label(),
                probability,
                count,
                value,
                weighted: value * probability,
            }
        })
        .collect();
    let counted = by_grade.iter().map(|g| g.count).sum();
    Ok(WeightedPipeline {
        total_value: by_grade.iter().map(|g| g.value).sum(),
        weighted_total: by_grade.iter().map(|g| g.weighted).sum(),
        counted,
        without_value: deals.len().saturating_sub(counted),
        by_grade,
        unreadable_rows: Vec::new(),
    })
}

/// The weighted pipeline of account rows: each row graded from its facts, valued by its
/// `deal_value`. Rows whose answer cannot be read are left out and listed.
pub fn weighted_pipeline_rows(
    rows: &[AccountRow],
    options: &PipelineOptions,
) -> Result<WeightedPipeline, PipelineError> {
    let mut deals = Vec::with_capacity(rows.len());
    let mut unreadable_rows = Vec::new();
    for (index, row) in rows.iter().enumerate() {
        match PipelineFacts::from_row(row) {
            Ok(facts) => deals.push(PipelineDeal {
                grade: reached_grade(&facts),
                value: row.number("deal_value").unwrap_or(f64::NAN),
            }),
            Err(_) => unreadable_rows.push(index),
        }
    }
    let mut result = weighted_pipeline(&deals, options)?;
    result.unreadable_rows = unreadable_rows;
    Ok(result)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::row::Value;

    /// Facts from keys that are true (answer flags allowed).
    fn facts(keys: &[&str]) -> PipelineFacts {
        PipelineFacts::from_pairs(keys.iter().map(|k| (*k, true))).unwrap()
    }

    fn with(base: &[&'static str], more: &[&'static str]) -> Vec<&'static str> {
        base.iter().chain(more).copied().collect()
    }

    fn grade_of(keys: &[&str]) -> String {
        pipeline_grade(&facts(keys), &PipelineOptions::default())
            .unwrap()
            .label
            .code
    }

    fn result(keys: &[&str]) -> PipelineGradeResult {
        pipeline_grade(&facts(keys), &PipelineOptions::default()).unwrap()
    }

    const LEAD: &[&str] = &["lead_data"];
    const SCOPE: &[&str] = &["lead_data", "key_facts_known", "target_industry", "size_ok"];
    const DM: &[&str] = &[
        "decision_maker_feedback",
        "knows_our_offer",
        "considered_decision",
    ];

    fn positive() -> Vec<&'static str> {
        with(SCOPE, &["considering_switch"])
    }
    fn intention() -> Vec<&'static str> {
        with(
            &positive(),
            &[
                "decision_maker_feedback",
                "considered_decision",
                "needs_understood_and_met",
                "judges_we_fit",
                "knows_our_price",
            ],
        )
    }
    fn price() -> Vec<&'static str> {
        with(&intention(), &["deal_affordable", "price_acceptable"])
    }
    fn push() -> Vec<&'static str> {
        with(&price(), &["verbal_commitment"])
    }

    fn all(facts: &[&'static str]) -> Requirement {
        Requirement {
            mode: RequirementMode::All,
            facts: facts.to_vec(),
            groups: vec![],
        }
    }
    fn any(facts: &[&'static str], groups: Vec<Requirement>) -> Requirement {
        Requirement {
            mode: RequirementMode::Any,
            facts: facts.to_vec(),
            groups,
        }
    }

    #[test]
    fn every_row_of_the_table_is_reached_exactly_when_its_facts_hold() {
        let scope_dm = with(SCOPE, DM);
        // (true facts, grade)
        let cases: Vec<(Vec<&str>, &str)> = vec![
            (vec![], "none"),
            (LEAD.to_vec(), "A21"),
            // A08: all of three
            (SCOPE.to_vec(), "A08"),
            (with(LEAD, &["target_industry", "size_ok"]), "A21"),
            (with(LEAD, &["key_facts_known", "size_ok"]), "A21"),
            (with(LEAD, &["key_facts_known", "target_industry"]), "A21"),
            // A31: all of dm, knows, considered + refused
            (with(&scope_dm, &["answer_refused"]), "A31"),
            (
                with(
                    SCOPE,
                    &["knows_our_offer", "considered_decision", "answer_refused"],
                ),
                "A08",
            ),
            (
                with(
                    SCOPE,
                    &[
                        "decision_maker_feedback",
                        "considered_decision",
                        "answer_refused",
                    ],
                ),
                "A08",
            ),
            (
                with(
                    SCOPE,
                    &[
                        "decision_maker_feedback",
                        "knows_our_offer",
                        "answer_refused",
                    ],
                ),
                "A08",
            ),
            // A07: the same, neutral
            (with(&scope_dm, &["answer_neutral"]), "A07"),
            (
                with(
                    SCOPE,
                    &["knows_our_offer", "considered_decision", "answer_neutral"],
                ),
                "A08",
            ),
            // the three facts without an answer: still A08
            (scope_dm.clone(), "A08"),
            // A06: any of four
            (with(SCOPE, &["considering_switch"]), "A06"),
            (with(SCOPE, &["dissatisfied_with_supplier"]), "A06"),
            (with(SCOPE, &["talking_to_new_supplier"]), "A06"),
            (with(&scope_dm, &["asked_for_material"]), "A06"),
            (with(&scope_dm, &["booked_next_contact"]), "A06"),
            (with(&scope_dm, &["asked_about_us"]), "A06"),
            (
                with(
                    SCOPE,
                    &["knows_our_offer", "considered_decision", "asked_about_us"],
                ),
                "A08",
            ),
            (
                with(
                    SCOPE,
                    &[
                        "decision_maker_feedback",
                        "considered_decision",
                        "asked_for_material",
                    ],
                ),
                "A08",
            ),
            (
                with(
                    SCOPE,
                    &[
                        "decision_maker_feedback",
                        "knows_our_offer",
                        "booked_next_contact",
                    ],
                ),
                "A08",
            ),
            // A05: all of five
            (intention(), "A05"),
            (
                with(
                    &positive(),
                    &[
                        "decision_maker_feedback",
                        "needs_understood_and_met",
                        "judges_we_fit",
                        "knows_our_price",
                    ],
                ),
                "A06",
            ),
            (
                with(
                    &positive(),
                    &[
                        "decision_maker_feedback",
                        "considered_decision",
                        "judges_we_fit",
                        "knows_our_price",
                    ],
                ),
                "A06",
            ),
            (
                with(
                    &positive(),
                    &[
                        "decision_maker_feedback",
                        "considered_decision",
                        "needs_understood_and_met",
                        "knows_our_price",
                    ],
                ),
                "A06",
            ),
            (
                with(
                    &positive(),
                    &[
                        "decision_maker_feedback",
                        "considered_decision",
                        "needs_understood_and_met",
                        "judges_we_fit",
                    ],
                ),
                "A06",
            ),
            (
                with(
                    &positive(),
                    &[
                        "considered_decision",
                        "needs_understood_and_met",
                        "judges_we_fit",
                        "knows_our_price",
                    ],
                ),
                "A06",
            ),
            // A04: all of two
            (price(), "A04"),
            (with(&intention(), &["deal_affordable"]), "A05"),
            (with(&intention(), &["price_acceptable"]), "A05"),
            // A03: any of three
            (with(&price(), &["verbal_commitment"]), "A03"),
            (with(&price(), &["acted_on_it"]), "A03"),
            (with(&price(), &["buys_within_2_months"]), "A03"),
            // A02: any of three — and proof of everything before
            (with(&push(), &["contract_signed"]), "A02"),
            (vec!["contract_signed"], "A02"),
            (vec!["purchased"], "A02"),
            (vec!["paid"], "A02"),
            // A01: all of three — and proof of everything before
            (
                with(
                    &push(),
                    &[
                        "contract_signed",
                        "used_up",
                        "fully_collected",
                        "no_open_promises",
                    ],
                ),
                "A01",
            ),
            (
                vec!["used_up", "fully_collected", "no_open_promises"],
                "A01",
            ),
            (vec!["paid", "fully_collected", "no_open_promises"], "A02"),
            (vec!["paid", "used_up", "no_open_promises"], "A02"),
            (vec!["paid", "used_up", "fully_collected"], "A02"),
        ];
        for (keys, want) in cases {
            assert_eq!(grade_of(&keys), want, "{keys:?}");
        }
    }

    #[test]
    fn the_chain_holds_later_stages_back() {
        let cases: Vec<(Vec<&str>, &str)> = vec![
            // A08 facts without lead data
            (
                vec!["key_facts_known", "target_industry", "size_ok"],
                "none",
            ),
            // A06 facts without A08
            (with(LEAD, &["considering_switch"]), "A21"),
            // A05 facts without any A06 fact
            (
                with(
                    SCOPE,
                    &[
                        "decision_maker_feedback",
                        "considered_decision",
                        "needs_understood_and_met",
                        "judges_we_fit",
                        "knows_our_price",
                    ],
                ),
                "A08",
            ),
            // A04 and A03 facts on top of A06 without A05
            (
                with(
                    &positive(),
                    &["deal_affordable", "price_acceptable", "verbal_commitment"],
                ),
                "A06",
            ),
            // A03 without A04
            (with(&intention(), &["acted_on_it"]), "A05"),
            // a refusal without A08
            (with(&with(LEAD, DM), &["answer_refused"]), "A21"),
        ];
        for (keys, want) in cases {
            assert_eq!(grade_of(&keys), want, "{keys:?}");
        }
    }

    #[test]
    fn refusal_is_terminal_until_new_facts_arrive() {
        let refused = with(&with(SCOPE, DM), &["answer_refused"]);
        assert_eq!(grade_of(&refused), "A31");
        // later facts without A06: still A31, reported
        let later = with(
            &refused,
            &[
                "needs_understood_and_met",
                "judges_we_fit",
                "knows_our_price",
            ],
        );
        let r = result(&later);
        assert_eq!(r.label.code, "A31");
        assert_eq!(r.warnings[0].label.code, "inconsistent_facts");
        assert_eq!(r.warnings[0].stages, vec![Grade::A06]);
        // A06 facts are new facts: A06
        assert_eq!(
            grade_of(&with(&refused, &["dissatisfied_with_supplier"])),
            "A06"
        );
        assert_eq!(grade_of(&with(&refused, &["asked_for_material"])), "A06");
        // and a purchase proves everything
        assert_eq!(grade_of(&with(&refused, &["purchased"])), "A02");
        // neutral moves up to A06 the same way
        let neutral = with(&with(SCOPE, DM), &["answer_neutral"]);
        assert_eq!(grade_of(&neutral), "A07");
        assert_eq!(grade_of(&with(&neutral, &["booked_next_contact"])), "A06");
        assert_eq!(
            grade_of(&with(&neutral, &["talking_to_new_supplier"])),
            "A06"
        );
    }

    #[test]
    fn missing_facts_for_the_next_grade() {
        // With the decision-maker's facts true, what is left of A06 is one flat "any of".
        let a06_any = any(
            &[
                "considering_switch",
                "dissatisfied_with_supplier",
                "talking_to_new_supplier",
                "asked_for_material",
                "booked_next_contact",
                "asked_about_us",
            ],
            vec![],
        );
        let scope_dm = with(SCOPE, DM);
        // (facts, next, missing)
        let cases: Vec<(Vec<&str>, Option<&str>, Option<Requirement>)> = vec![
            (vec![], Some("A21"), Some(all(&["lead_data"]))),
            (
                LEAD.to_vec(),
                Some("A08"),
                Some(all(&["key_facts_known", "target_industry", "size_ok"])),
            ),
            // only what is not yet true under "all of"
            (
                with(LEAD, &["target_industry"]),
                Some("A08"),
                Some(all(&["key_facts_known", "size_ok"])),
            ),
            // from A08: every alternative of A06, with the decision-maker group nested
            (
                SCOPE.to_vec(),
                Some("A06"),
                Some(any(
                    &[
                        "considering_switch",
                        "dissatisfied_with_supplier",
                        "talking_to_new_supplier",
                    ],
                    vec![Requirement {
                        mode: RequirementMode::All,
                        facts: DM.to_vec(),
                        groups: vec![any(
                            &[
                                "asked_for_material",
                                "booked_next_contact",
                                "asked_about_us",
                            ],
                            vec![],
                        )],
                    }],
                )),
            ),
            // the decision-maker facts already true: only the "any of" group is left
            (scope_dm.clone(), Some("A06"), Some(a06_any.clone())),
            (
                with(&scope_dm, &["answer_refused"]),
                Some("A06"),
                Some(a06_any.clone()),
            ),
            (
                positive(),
                Some("A05"),
                Some(all(&[
                    "decision_maker_feedback",
                    "considered_decision",
                    "needs_understood_and_met",
                    "judges_we_fit",
                    "knows_our_price",
                ])),
            ),
            (
                with(&positive(), &["decision_maker_feedback", "judges_we_fit"]),
                Some("A05"),
                Some(all(&[
                    "considered_decision",
                    "needs_understood_and_met",
                    "knows_our_price",
                ])),
            ),
            (
                with(&intention(), &["price_acceptable"]),
                Some("A04"),
                Some(all(&["deal_affordable"])),
            ),
            (
                price(),
                Some("A03"),
                Some(any(
                    &["verbal_commitment", "acted_on_it", "buys_within_2_months"],
                    vec![],
                )),
            ),
            (
                push(),
                Some("A02"),
                Some(any(&["contract_signed", "purchased", "paid"], vec![])),
            ),
            (
                vec!["paid", "used_up"],
                Some("A01"),
                Some(all(&["fully_collected", "no_open_promises"])),
            ),
            (
                vec!["used_up", "fully_collected", "no_open_promises"],
                None,
                None,
            ),
        ];
        for (keys, next, missing) in cases {
            let r = result(&keys);
            assert_eq!(r.next.map(|g| g.code()), next, "{keys:?}");
            assert_eq!(r.missing, missing, "{keys:?}");
        }
    }

    #[test]
    fn met_lists_the_true_facts_on_the_way() {
        let r = result(&with(
            &with(SCOPE, DM),
            &["answer_neutral", "price_discussed"],
        ));
        assert_eq!(r.label.code, "A07");
        assert_eq!(
            r.met,
            vec![
                "lead_data",
                "key_facts_known",
                "target_industry",
                "size_ok",
                "decision_maker_feedback",
                "knows_our_offer",
                "considered_decision",
                "answer"
            ]
        );
        // A06 reached by one alternative: only the facts that are true; the answer of a
        // side branch is not on the way.
        let r = result(&with(
            &with(SCOPE, &["answer_neutral"]),
            &["talking_to_new_supplier"],
        ));
        assert_eq!(r.label.code, "A06");
        assert_eq!(r.met, with(SCOPE, &["talking_to_new_supplier"]));
        // later facts that do not count are not met
        let r = result(&with(LEAD, &["considering_switch"]));
        assert_eq!(r.met, vec!["lead_data"]);
        assert_eq!(result(&[]).met, Vec::<&str>::new());
    }

    #[test]
    fn price_discussed_too_early_is_a_warning_not_progress() {
        let cases: Vec<(Vec<&str>, &str, bool)> = vec![
            (with(LEAD, &["price_discussed"]), "A21", true),
            (with(&positive(), &["price_discussed"]), "A06", true),
            (
                with(
                    &with(&with(SCOPE, DM), &["answer_neutral"]),
                    &["price_discussed"],
                ),
                "A07",
                true,
            ),
            (with(&intention(), &["price_discussed"]), "A05", false),
            (with(&price(), &["price_discussed"]), "A04", false),
            (positive(), "A06", false),
        ];
        for (keys, grade, warned) in cases {
            let r = result(&keys);
            assert_eq!(r.label.code, grade, "{keys:?}");
            let codes: Vec<&str> = r.warnings.iter().map(|w| w.label.code.as_str()).collect();
            assert_eq!(codes.contains(&"price_too_early"), warned, "{keys:?}");
            assert!(!r.met.contains(&"price_discussed"));
        }
    }

    #[test]
    fn inconsistent_facts_are_reported_with_what_is_missing() {
        // a signed contract with no lead data: graded A02 (proof), reported
        let r = result(&["contract_signed"]);
        assert_eq!(r.label.code, "A02");
        let w = &r.warnings[0];
        assert_eq!(w.label.code, "inconsistent_facts");
        assert_eq!(w.facts, vec!["contract_signed"]);
        assert_eq!(
            w.stages,
            vec![
                Grade::A21,
                Grade::A08,
                Grade::A06,
                Grade::A05,
                Grade::A04,
                Grade::A03
            ]
        );
        assert!(w.label.zh.contains("A21"), "{}", w.label.zh);
        // A01 without the A02 facts names A02 too
        let r = result(&with(
            &push(),
            &["used_up", "fully_collected", "no_open_promises"],
        ));
        assert_eq!(r.label.code, "A01");
        assert_eq!(r.warnings[0].stages, vec![Grade::A02]);
        // a full record has none
        let full = with(
            &push(),
            &[
                "contract_signed",
                "used_up",
                "fully_collected",
                "no_open_promises",
            ],
        );
        assert!(result(&full).warnings.is_empty());
        // A05 facts on A21: A08 and A06 missing
        let r = result(&with(
            LEAD,
            &[
                "decision_maker_feedback",
                "considered_decision",
                "needs_understood_and_met",
                "judges_we_fit",
                "knows_our_price",
            ],
        ));
        assert_eq!(r.label.code, "A21");
        let w = &r.warnings[0];
        assert_eq!(w.stages, vec![Grade::A08, Grade::A06]);
        assert_eq!(
            w.facts,
            vec![
                "decision_maker_feedback",
                "considered_decision",
                "needs_understood_and_met",
                "judges_we_fit",
                "knows_our_price"
            ]
        );
        // a lone later fact whose stage does not hold is not reported
        assert!(result(&with(LEAD, &["deal_affordable"]))
            .warnings
            .is_empty());
        // a consistent record at every grade has no warning
        for keys in [
            LEAD.to_vec(),
            SCOPE.to_vec(),
            positive(),
            intention(),
            price(),
            push(),
        ] {
            assert!(result(&keys).warnings.is_empty(), "{keys:?}");
        }
    }

    #[test]
    fn an_answer_that_does_not_make_its_grade_says_why() {
        let r = result(&with(SCOPE, &["decision_maker_feedback", "answer_refused"]));
        assert_eq!(r.label.code, "A08");
        let w = &r.warnings[0];
        assert_eq!(w.label.code, "answer_incomplete");
        assert_eq!(w.stages, vec![Grade::A31]);
        assert_eq!(w.facts, vec!["knows_our_offer", "considered_decision"]);
        // positive with no A06 fact
        let r = result(&with(&with(SCOPE, DM), &["answer_positive"]));
        assert_eq!(r.label.code, "A08");
        assert_eq!(r.warnings[0].label.code, "answer_incomplete");
        assert_eq!(r.warnings[0].stages, vec![Grade::A06]);
        assert_eq!(
            r.warnings[0].facts,
            vec![
                "considering_switch",
                "dissatisfied_with_supplier",
                "talking_to_new_supplier",
                "asked_for_material",
                "booked_next_contact",
                "asked_about_us"
            ]
        );
        // positive and A06 reached: nothing to say
        assert!(result(&with(&positive(), &["answer_positive"]))
            .warnings
            .is_empty());
    }

    #[test]
    fn probabilities_default_and_edited() {
        let want = [
            ("none", 0.0),
            ("A21", 0.01),
            ("A08", 0.05),
            ("A31", 0.0),
            ("A07", 0.10),
            ("A06", 0.20),
            ("A05", 0.40),
            ("A04", 0.60),
            ("A03", 0.80),
            ("A02", 1.0),
            ("A01", 1.0),
        ];
        for (code, p) in want {
            let grade = Grade::parse(code).unwrap();
            assert_eq!(grade.default_probability(), p, "{code}");
        }
        assert_eq!(result(&intention()).probability, 0.4);
        let options: PipelineOptions =
            serde_json::from_str(r#"{"probabilities":{"A05":0.5}}"#).unwrap();
        let r = pipeline_grade(&facts(&intention()), &options).unwrap();
        assert_eq!(r.probability, 0.5);
        assert_eq!(options.probabilities.a04, 0.6, "others keep their default");
        assert!(
            serde_json::from_str::<PipelineOptions>(r#"{"probabilities":{"A09":0.5}}"#).is_err()
        );
        let bad: PipelineOptions =
            serde_json::from_str(r#"{"probabilities":{"A03":1.5}}"#).unwrap();
        assert_eq!(
            pipeline_grade(&facts(&[]), &bad),
            Err(PipelineError::ProbabilityOutOfRange {
                grade: "A03",
                value: 1.5
            })
        );
    }

    #[test]
    fn facts_from_pairs_flags_rows_and_json() {
        assert_eq!(
            PipelineFacts::from_pairs([("lead_data", true), ("colour", true)]),
            Err(PipelineError::UnknownFact("colour".to_string()))
        );
        assert_eq!(
            PipelineFacts::from_pairs([("answer_refused", true), ("answer_positive", true)]),
            Err(PipelineError::ConflictingAnswers {
                first: "refused",
                second: "positive"
            })
        );
        // a FALSE answer flag says nothing
        let f = PipelineFacts::from_pairs([("answer_refused", false), ("answer_neutral", true)])
            .unwrap();
        assert_eq!(f.answer(), Some(Answer::Neutral));

        // the TRUE/FALSE list follows FLAG_ORDER
        for (i, key) in FLAG_ORDER.iter().enumerate() {
            let mut flags = vec![false; FLAG_ORDER.len()];
            flags[i] = true;
            assert_eq!(
                PipelineFacts::from_flags(&flags).unwrap(),
                facts(&[key]),
                "{key}"
            );
        }
        let short = PipelineFacts::from_flags(&[true, true, true, true]).unwrap();
        assert_eq!(
            pipeline_grade(&short, &PipelineOptions::default())
                .unwrap()
                .label
                .code,
            "A08"
        );
        assert!(matches!(
            PipelineFacts::from_flags(&[false; 32]),
            Err(PipelineError::TooManyFlags { given: 32, max: 31 })
        ));

        // a row: flags and the answer in Chinese
        let mut row = AccountRow::new();
        for key in with(SCOPE, DM) {
            row.set_key(key, Value::Flag(true));
        }
        row.set_key("answer", Value::Text("拒绝".to_string()));
        row.set_key("paid", Value::Flag(false));
        let f = PipelineFacts::from_row(&row).unwrap();
        assert_eq!(
            pipeline_grade(&f, &PipelineOptions::default())
                .unwrap()
                .label
                .code,
            "A31"
        );
        row.set_key("answer", Value::Text("也许".to_string()));
        assert_eq!(
            PipelineFacts::from_row(&row),
            Err(PipelineError::UnknownAnswer("也许".to_string()))
        );

        // JSON as JavaScript sends it
        let json = serde_json::json!({
            "lead_data": true, "key_facts_known": "TRUE", "target_industry": "是",
            "size_ok": 1, "paid": null, "answer": "中立",
            "decision_maker_feedback": true, "knows_our_offer": true, "considered_decision": true
        });
        let f = PipelineFacts::from_json(&json).unwrap();
        assert_eq!(
            pipeline_grade(&f, &PipelineOptions::default())
                .unwrap()
                .label
                .code,
            "A07"
        );
        let bad = |v: serde_json::Value| PipelineFacts::from_json(&v);
        assert_eq!(
            bad(serde_json::json!({"lead": true})),
            Err(PipelineError::UnknownFact("lead".to_string()))
        );
        assert_eq!(
            bad(serde_json::json!({"unknown_key": null})),
            Err(PipelineError::UnknownFact("unknown_key".to_string()))
        );
        assert!(matches!(
            bad(serde_json::json!({"paid": "maybe"})),
            Err(PipelineError::NotAFlag { .. })
        ));
        assert!(matches!(
            bad(serde_json::json!({"paid": 2})),
            Err(PipelineError::NotAFlag { .. })
        ));
        assert!(matches!(
            bad(serde_json::json!({"answer": "perhaps"})),
            Err(PipelineError::UnknownAnswer(_))
        ));
        assert_eq!(
            bad(serde_json::json!([true])),
            Err(PipelineError::NotAnObject)
        );
    }

    #[test]
    fn answers_as_people_write_them() {
        let cases = [
            ("refused", Some(Answer::Refused)),
            ("拒绝", Some(Answer::Refused)),
            ("明确拒绝", Some(Answer::Refused)),
            (" Neutral ", Some(Answer::Neutral)),
            ("中立", Some(Answer::Neutral)),
            ("不拒绝", Some(Answer::Neutral)),
            ("推脱", Some(Answer::Neutral)),
            ("POSITIVE", Some(Answer::Positive)),
            ("积极", Some(Answer::Positive)),
            ("积极回应", Some(Answer::Positive)),
            ("也许", None),
        ];
        for (text, want) in cases {
            assert_eq!(Answer::parse(text), want, "{text}");
        }
    }

    #[test]
    fn fact_keys_are_the_rows_flag_fields() {
        use crate::field::{by_key, FieldKind};
        for (fact, key) in Fact::ALL.iter().zip(FLAG_ORDER) {
            assert_eq!(fact.key(), key);
            assert_eq!(
                by_key(key).map(|f| f.kind()),
                Some(FieldKind::Flag),
                "{key}"
            );
            assert_eq!(Fact::from_key(key), Some(*fact));
        }
        assert_eq!(
            by_key(ANSWER_KEY).map(|f| f.kind()),
            Some(FieldKind::Category)
        );
    }

    #[test]
    fn grades_names_codes_and_json() {
        let names: Vec<(&str, String)> = Grade::ALL
            .iter()
            .map(|g| (g.code(), g.label().zh))
            .collect();
        assert_eq!(names[1], ("A21", "资料级".to_string()));
        assert_eq!(names[3], ("A31", "明确拒绝".to_string()));
        assert_eq!(names[6], ("A05", "意向级".to_string()));
        assert_eq!(names[10], ("A01", "结案级".to_string()));
        assert_eq!(Grade::parse("意向级"), Some(Grade::A05));
        assert_eq!(Grade::parse("ａ05"), Some(Grade::A05));
        assert_eq!(Grade::parse("none"), Some(Grade::Ungraded));
        assert_eq!(Grade::parse("A99"), None);

        let r = result(&with(LEAD, &["price_discussed"]));
        let json = serde_json::to_value(&r).unwrap();
        assert_eq!(json["code"], "A21");
        assert_eq!(json["zh"], "资料级");
        assert_eq!(json["probability"], 0.01);
        assert_eq!(json["met"], serde_json::json!(["lead_data"]));
        assert_eq!(json["next"], "A08");
        assert_eq!(json["missing"]["mode"], "all");
        assert_eq!(json["warnings"][0]["code"], "price_too_early");
        assert_eq!(json["warnings"][0]["stages"], serde_json::json!(["A05"]));
        assert!(json.get("grade").is_none());
        let r = result(&[]);
        assert_eq!(serde_json::to_value(&r).unwrap()["code"], "none");
    }

    #[test]
    fn next_step_in_words() {
        let r = result(SCOPE);
        assert!(r.next_step.zh.contains("A06"), "{}", r.next_step.zh);
        assert!(
            r.next_step.zh.contains("考虑更换供应商"),
            "{}",
            r.next_step.zh
        );
        assert!(r.next_step.en.contains("any of"), "{}", r.next_step.en);
        let refused = result(&with(&with(SCOPE, DM), &["answer_refused"]));
        assert_eq!(refused.next_step.code, "refused");
        let closed = result(&["used_up", "fully_collected", "no_open_promises"]);
        assert_eq!(closed.next_step.code, "closed");
        // a single missing fact reads as itself
        let r = result(&with(LEAD, &["key_facts_known", "target_industry"]));
        assert!(r.next_step.en.contains("size above"), "{}", r.next_step.en);
        assert!(!r.next_step.en.contains("all of"), "{}", r.next_step.en);
    }

    #[test]
    fn weighted_pipeline_sums() {
        let deals = [
            PipelineDeal {
                grade: Grade::A05,
                value: 100.0,
            },
            PipelineDeal {
                grade: Grade::A05,
                value: 50.0,
            },
            PipelineDeal {
                grade: Grade::A03,
                value: 200.0,
            },
            PipelineDeal {
                grade: Grade::A31,
                value: 1000.0,
            },
            PipelineDeal {
                grade: Grade::A21,
                value: f64::NAN,
            },
            PipelineDeal {
                grade: Grade::A02,
                value: -5.0,
            },
        ];
        let w = weighted_pipeline(&deals, &PipelineOptions::default()).unwrap();
        assert_eq!(w.total_value, 1350.0);
        // 150 × 0.4 + 200 × 0.8 + 1000 × 0 = 220
        assert!(
            (w.weighted_total - 220.0).abs() < 1e-9,
            "{}",
            w.weighted_total
        );
        assert_eq!(w.counted, 4);
        assert_eq!(w.without_value, 2);
        assert_eq!(w.by_grade.len(), 11);
        let a05 = w.by_grade.iter().find(|g| g.label.code == "A05").unwrap();
        assert_eq!((a05.count, a05.value), (2, 150.0));
        assert!((a05.weighted - 60.0).abs() < 1e-9);

        let mut rows = Vec::new();
        for (keys, value) in [
            (intention(), Some(100.0)),
            (push(), Some(10.0)),
            (LEAD.to_vec(), None),
        ] {
            let mut row = AccountRow::new();
            for k in keys {
                row.set_key(k, Value::Flag(true));
            }
            if let Some(v) = value {
                row.set_key("deal_value", Value::Number(v));
            }
            rows.push(row);
        }
        let mut bad = AccountRow::new();
        bad.set_key("answer", Value::Text("??".to_string()));
        rows.push(bad);
        let w = weighted_pipeline_rows(&rows, &PipelineOptions::default()).unwrap();
        assert!(
            (w.weighted_total - 48.0).abs() < 1e-9,
            "{}",
            w.weighted_total
        );
        assert_eq!(w.without_value, 1);
        assert_eq!(w.unreadable_rows, vec![3]);
    }
}
