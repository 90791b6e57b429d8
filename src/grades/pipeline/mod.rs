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
//!   is missing. The "real reason" the text says it is *best* to learn (「最好」) is a
//!   suggestion, not a condition: an A31 result carries `learn_refusal_reason` in
//!   `suggestions` (no fact key records the reason).
//! - **A31 is terminal until new facts arrive** [D]: "new facts" are A06's facts (then the
//!   account moves to A06, as an A07 account does) or A02/A01 proof. A05–A03 facts after a
//!   refusal without any A06 fact do not count (the chain needs A06) and are reported as
//!   inconsistent.
//! - **A positive answer** [D] is not itself proof of A06: A06 needs one of its facts
//!   (considering a switch, dissatisfaction, talking to a new supplier, or the
//!   decision-maker's considered interest shown by asking for material, booking the next
//!   contact or asking about us). Without one, `answer_incomplete` lists them.
//! - **Next grade** [D]: none → A21 → A08; from A08, A31 or A07 the next grade is A06 (a
//!   refusal or a neutral answer is never a goal); then A05 … A01; none after A01. On the
//!   main path `missing` also holds the earlier stages that do not hold (only after an A06
//!   that stands alone).
//!   `missing` lists what the next grade still needs: only facts not yet true under "all
//!   of", every alternative under "any of".
//! - **A06's first three signals stand alone** (MODEL §3.6, edition 2): considering a switch,
//!   dissatisfaction with a current or former supplier, talking to a new supplier — each from
//!   the decision-maker, a user or an adviser, and each enough on its own (「即可确认为A06级」)
//!   — give A06 even when A21's and A08's facts are not recorded; the warning
//!   `scope_not_confirmed` then lists A08's facts still to confirm, and the next grade (A05)
//!   needs them too. A05 onwards still need the whole chain. The fourth form (the
//!   decision-maker's considered interest) needs the chain as before.
//! - **Warnings.** `price_too_early`: `we_quoted_price` (old name `price_discussed`) while the
//!   grade is below A05 (A31 and A07 included); it never counts as progress. The customer
//!   asking about price is different: it is `asked_about_us`, an A06 signal.
//!   `scope_not_confirmed`: A06 standing without A08 (above). `inconsistent_facts`: a later
//!   stage whose own condition holds but does not count because an earlier stage does not
//!   hold (facts = the later stage's true facts, stages = the earlier stages missing); and,
//!   as the text asks, A02/A01 proof with earlier stages not recorded (the grade is still
//!   A02/A01). A later stage is "present" only when its own condition holds: a lone
//!   `deal_affordable` before A05 is not reported.
//!
//! Win probabilities [D] (editable): none 0, A21 1 %, A08 5 %, A31 0, A07 10 %, A06 20 %,
//! A05 40 %, A04 60 %, A03 80 %, A02 and A01 100 %.

#[cfg(test)]
mod fact_tests;
mod facts;
mod grades;
mod rules;
#[cfg(test)]
mod tests;
mod warnings;
mod weighted;

pub use facts::{
    answer_text, Answer, Fact, PipelineFacts, ANSWER_KEY, FACT_COUNT, FLAG_ORDER, OLD_FACT_NAMES,
};
pub use grades::{Grade, PipelineOptions, WinProbabilities};
pub use rules::{Requirement, RequirementMode};
pub use warnings::PipelineWarning;
pub use weighted::{
    usable_value, weighted_pipeline, weighted_pipeline_rows, GradeSum, PipelineDeal,
    WeightedPipeline,
};

use crate::grades::label_per_lang;
use crate::texts::Label;
use rules::{met_facts, reached_grade, requirement_for};
use serde::Serialize;

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
    /// What the texts say is *best* to do, not a condition: `learn_refusal_reason` after A31.
    pub suggestions: Vec<Label>,
}

/// The pipeline grade of an account's facts.
pub fn pipeline_grade(
    facts: &PipelineFacts,
    options: &PipelineOptions,
) -> Result<PipelineGradeResult, PipelineError> {
    options.validate()?;
    let grade = reached_grade(facts);
    let next = grade.next();
    let missing = next.and_then(|n| requirement_for(n, facts));

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

    let suggestions = if grade == Grade::A31 {
        vec![Label::new("pipeline_suggestion", "learn_refusal_reason")]
    } else {
        Vec::new()
    };
    Ok(PipelineGradeResult {
        label: grade.label(),
        grade,
        probability: options.probabilities.of(grade),
        met: met_facts(grade, facts),
        next,
        missing,
        next_step,
        warnings: warnings::warnings(grade, facts),
        suggestions,
    })
}
