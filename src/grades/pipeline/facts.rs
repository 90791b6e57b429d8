//! The pipeline's facts (MODEL §3.6, the fact table): each declared once in [`facts!`] with
//! its key, its words in zh-CN and en, and the stage of the table it belongs to; the decision-
//! maker's answer; and the facts of one account read from pairs, a TRUE/FALSE list, a row or
//! JSON.
//!
//! The fact texts live in the table rather than in `src/texts/`: the table is the one place a
//! fact is written, and adding a language adds a column here.

use super::grades::Grade;
use super::PipelineError;
use crate::parse::{is_blank_marker, normalize_width, parse_flag};
use crate::row::AccountRow;
use crate::texts::{Label, Lang};
use serde::{Deserialize, Serialize};

/// Declares the facts: `Variant = "key", stage, "zh", "en";` in the table's order. Generates
/// [`Fact`], [`Fact::ALL`], [`Fact::key`], [`Fact::stage`], [`Fact::text`] and
/// [`FLAG_ORDER`].
macro_rules! facts {
    ($($variant:ident = $key:literal, $stage:expr, $zh:literal, $en:literal;)*) => {
        /// A named yes/no fact of the pipeline. The order of [`Fact::ALL`] is the order of a
        /// spreadsheet's TRUE/FALSE list (see [`FLAG_ORDER`]).
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub enum Fact {
            $($variant,)*
        }

        /// How many facts the table declares.
        pub const FACT_COUNT: usize = [$($key),*].len();

        impl Fact {
            /// Every fact, in the table's order.
            pub const ALL: [Fact; FACT_COUNT] = [$(Fact::$variant,)*];

            /// The fact's key: the account row's field key.
            pub fn key(self) -> &'static str {
                match self {
                    $(Fact::$variant => $key,)*
                }
            }

            /// The stage of MODEL §3.6's fact table the fact belongs to (A31 for the
            /// decision-maker's facts A31, A07, A06 and A05 share); `None` for the warning.
            pub fn stage(self) -> Option<Grade> {
                match self {
                    $(Fact::$variant => $stage,)*
                }
            }

            /// The fact in words.
            pub fn text(self, lang: Lang) -> &'static str {
                match (self, lang) {
                    $((Fact::$variant, Lang::ZhCn) => $zh,
                    (Fact::$variant, Lang::En) => $en,)*
                }
            }
        }

        /// The fixed order of a spreadsheet's TRUE/FALSE list for
        /// [`PipelineFacts::from_flags`]: the facts of the table, then one flag per answer
        /// (`answer_refused`, `answer_neutral`, `answer_positive`; at most one TRUE).
        pub const FLAG_ORDER: [&str; FACT_COUNT + 3] =
            [$($key,)* "answer_refused", "answer_neutral", "answer_positive"];
    };
}

const A21: Option<Grade> = Some(Grade::A21);
const A08: Option<Grade> = Some(Grade::A08);
const A31: Option<Grade> = Some(Grade::A31);
const A06: Option<Grade> = Some(Grade::A06);
const A05: Option<Grade> = Some(Grade::A05);
const A04: Option<Grade> = Some(Grade::A04);
const A03: Option<Grade> = Some(Grade::A03);
const A02: Option<Grade> = Some(Grade::A02);
const A01: Option<Grade> = Some(Grade::A01);
const WARNING: Option<Grade> = None;

facts! {
    LeadData = "lead_data", A21,
        "有线索资料（老客户、网络、展会、招聘会、朋友等任何来源）",
        "lead data from any source (old customers, web, fairs, job fairs, friends)";
    KeyFactsKnown = "key_facts_known", A08,
        "五项关键信息齐全（公司名称、行业、规模、电话、传真）",
        "the five key facts known (company name, industry, size, phone, fax)";
    TargetIndustry = "target_industry", A08,
        "属于目标行业（不是政府或非营利机构）",
        "a target industry (not government or non-profit)";
    SizeOk = "size_ok", A08,
        "规模达到设定的最低标准（如年销售额）",
        "size above the configured minimum (e.g. annual sales)";
    DecisionMakerFeedback = "decision_maker_feedback", A31,
        "答复来自决策者",
        "the answer comes from the decision-maker";
    KnowsOurOffer = "knows_our_offer", A31,
        "对方了解我们做什么、能带来什么好处、优势在哪里",
        "they know what we do, what it would bring them and our edge";
    ConsideredDecision = "considered_decision", A31,
        "经过慎重考虑",
        "a considered decision";
    ConsideringSwitch = "considering_switch", A06,
        "决策者、使用者或参谋者表示正在考虑更换供应商",
        "the decision-maker, a user or an adviser says they are considering changing supplier";
    DissatisfiedWithSupplier = "dissatisfied_with_supplier", A06,
        "决策者、使用者或参谋者对现在或以前的供应商有任何不满",
        "the decision-maker, a user or an adviser voices any dissatisfaction with a current or former supplier";
    TalkingToNewSupplier = "talking_to_new_supplier", A06,
        "决策者、使用者或参谋者表示正在接触新的供应商",
        "the decision-maker, a user or an adviser says they are talking to a new supplier";
    AskedForMaterial = "asked_for_material", A06,
        "索要资料",
        "they ask for material";
    BookedNextContact = "booked_next_contact", A06,
        "约定下次联系",
        "they book the next contact";
    AskedAboutUs = "asked_about_us", A06,
        "询问我公司或产品的任何情况（历史、规模、客户、业绩、质量、价格、付款方式、信用期）",
        "they ask anything about our company or product (history, size, customers, performance, quality, price, payment terms, credit period)";
    NeedsUnderstoodAndMet = "needs_understood_and_met", A05,
        "我们清楚对方的需求并且能够满足",
        "we know their needs and can meet them";
    JudgesWeFit = "judges_we_fit", A05,
        "对方了解我们并认为我们合适",
        "they know us and judge we fit";
    KnowsOurPrice = "knows_our_price", A05,
        "对方已知道我方报价",
        "they know our quoted price";
    DealAffordable = "deal_affordable", A04,
        "交易总额在对方承受范围内",
        "the deal total is within their means";
    PriceAcceptable = "price_acceptable", A04,
        "对方出价在我方可接受范围内",
        "their price is within what we accept";
    VerbalCommitment = "verbal_commitment", A03,
        "决策者口头承诺",
        "the decision-maker commits verbally";
    ActedOnIt = "acted_on_it", A03,
        "对方已付诸行动（验厂、要样品等）",
        "they act on it (factory audit, samples)";
    BuysWithin2Months = "buys_within_2_months", A03,
        "两个月内采购",
        "they will buy within 2 months";
    ContractSigned = "contract_signed", A02,
        "合同或意向书已签字盖章",
        "contract or letter of intent signed and stamped";
    Purchased = "purchased", A02,
        "已经采购",
        "they have bought";
    Paid = "paid", A02,
        "已经付款",
        "they have paid";
    UsedUp = "used_up", A01,
        "所购产品已用完",
        "they have used up what they bought";
    FullyCollected = "fully_collected", A01,
        "货款全部收回",
        "every payment collected";
    NoOpenPromises = "no_open_promises", A01,
        "没有未兑现的附加承诺",
        "no conditional promise left open";
    WeQuotedPrice = "we_quoted_price", WARNING,
        "我方已经报价",
        "we have quoted our price";
}

/// Keys a fact was known by before (MODEL §3.6: `price_discussed` is `we_quoted_price`'s old
/// name). They are read as the fact, from JSON, pairs and rows alike.
pub const OLD_FACT_NAMES: [(&str, Fact); 1] = [("price_discussed", Fact::WeQuotedPrice)];

impl Fact {
    /// The fact with this key, or with one of its old names.
    pub fn from_key(key: &str) -> Option<Fact> {
        Fact::ALL.into_iter().find(|f| f.key() == key).or_else(|| {
            OLD_FACT_NAMES
                .iter()
                .find(|(old, _)| *old == key)
                .map(|(_, fact)| *fact)
        })
    }

    /// The fact in words, in both languages; `code` is the key.
    pub fn label(self) -> Label {
        Label {
            code: self.key().to_string(),
            zh: self.text(Lang::ZhCn).to_string(),
            en: self.text(Lang::En).to_string(),
        }
    }

    pub(super) fn bit(self) -> u32 {
        1u32 << (self as u32)
    }
}

/// The key the decision-maker's answer is stored under.
pub const ANSWER_KEY: &str = "answer";

/// The answer as a requirement names it: `决策者的答复` / `the decision-maker's answer`.
pub fn answer_text(lang: Lang) -> &'static str {
    match lang {
        Lang::ZhCn => "决策者的答复",
        Lang::En => "the decision-maker's answer",
    }
}

/// A fact key (or `answer`) in words.
pub(super) fn key_text(key: &str, lang: Lang) -> &'static str {
    match Fact::from_key(key) {
        Some(fact) => fact.text(lang),
        None => answer_text(lang),
    }
}

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

    /// Sets a fact by key (an old name such as `price_discussed` too); also the answer flags `answer_refused` / `answer_neutral` /
    /// `answer_positive` (TRUE records that answer, FALSE says nothing).
    pub fn set_key(&mut self, key: &str, value: bool) -> Result<(), PipelineError> {
        if let Some(fact) = Fact::from_key(key) {
            // An old name only adds: `price_discussed = FALSE` beside `we_quoted_price = TRUE`
            // does not clear the fact.
            let old_name = fact.key() != key;
            if value || !old_name {
                self.set(fact, value);
            }
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

    /// Facts from an account row: each fact's flag field (not recorded = false; an old
    /// name's field counts too) and the `answer` category.
    pub fn from_row(row: &AccountRow) -> Result<PipelineFacts, PipelineError> {
        let mut facts = PipelineFacts::new();
        for fact in Fact::ALL {
            facts.set(fact, row.fact(fact.key()));
        }
        for (old, fact) in OLD_FACT_NAMES {
            if row.fact(old) {
                facts.set(fact, true);
            }
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
