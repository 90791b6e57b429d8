//! The pipeline's warnings (MODEL §3.6): our price quoted too early, A06 standing without
//! A08's facts, a record whose later stages hold while earlier ones do not, and an answer that
//! does not yet make its grade.

use super::facts::{key_text, Fact, PipelineFacts};
use super::grades::Grade;
use super::rules::{a06_stands_alone, condition, sort_keys, stage_holds, CHAIN};
use crate::grades::{join_list, label_per_lang};
use crate::texts::{Label, Lang};
use serde::Serialize;

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
    let names: Vec<String> = keys.iter().map(|k| key_text(k, lang).to_string()).collect();
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
pub(super) fn inconsistency(grade: Grade, facts: &PipelineFacts) -> Option<PipelineWarning> {
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
pub(super) fn incomplete_answer(grade: Grade, facts: &PipelineFacts) -> Option<PipelineWarning> {
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

/// `we_quoted_price` below A05: price is quoted once needs are clear, just before closing
/// (「永远不要先报价格」). The customer *asking* about price is an A06 signal, not this.
pub(super) fn price_too_early(grade: Grade, facts: &PipelineFacts) -> Option<PipelineWarning> {
    (grade.rank() < Grade::A05.rank() && facts.has(Fact::WeQuotedPrice)).then(|| {
        warning(
            "price_too_early",
            vec![Fact::WeQuotedPrice.key()],
            vec![Grade::A05],
        )
    })
}

/// A06 reached on its own signals while A08's facts are not known: the grade stands, the
/// scope (the five key facts, target industry, size) is still to confirm.
pub(super) fn scope_not_confirmed(grade: Grade, facts: &PipelineFacts) -> Option<PipelineWarning> {
    if !a06_stands_alone(grade, facts) {
        return None;
    }
    let unknown: Vec<&'static str> = [Fact::KeyFactsKnown, Fact::TargetIndustry, Fact::SizeOk]
        .into_iter()
        .filter(|f| !facts.has(*f))
        .map(Fact::key)
        .collect();
    Some(warning("scope_not_confirmed", unknown, vec![Grade::A08]))
}

/// Every warning for the grade reached, in a fixed order.
pub(super) fn warnings(grade: Grade, facts: &PipelineFacts) -> Vec<PipelineWarning> {
    let mut out = Vec::new();
    out.extend(price_too_early(grade, facts));
    out.extend(scope_not_confirmed(grade, facts));
    out.extend(inconsistency(grade, facts));
    out.extend(incomplete_answer(grade, facts));
    out
}
