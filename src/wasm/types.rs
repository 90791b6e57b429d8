//! TypeScript types for what the exports take and return.

use wasm_bindgen::prelude::*;

#[wasm_bindgen(typescript_custom_section)]
const TYPES: &'static str = r#"
/** A cell as a spreadsheet or a page gives it. */
export type CellValue = number | string | boolean | Date | null | undefined;

/** A code with its zh-CN and en texts. */
export interface Label { code: string; zh: string; en: string; }

/** A preset name (`key_account`, `attractiveness`, `value_pyramid`, `bank`, `rfm`), a model document, or its JSON text; left out means `key_account`. */
export type ModelInput = string | ModelDocument | null | undefined;

export interface ScoreOptions {
  /** The day recency is counted to, e.g. "2026-03-15" (default: today). */
  asOf?: string | Date;
}

export type Transform =
  | { type: "linear" | "log" | "inverse_linear" | "inverse_log"; min: number; max: number }
  | { type: "steps"; steps: { from: number; points: number }[]; below?: number }
  | { type: "map"; values: Record<string, number> }
  | { type: "rating"; min?: number; max?: number }
  | { type: "percentile"; inverse?: boolean };

export interface ModelInputField { field: string; transform: Transform; }

export interface ModelFactor {
  key: string;
  title?: { zh?: string; en?: string };
  weight: number;
  inputs: ModelInputField[];
  fallback?: ModelInputField[];
}

export interface ModelDocument {
  name: string;
  title?: { zh?: string; en?: string };
  description?: { zh?: string; en?: string };
  minCoverage?: number;
  tiers?: { vip: number; important: number; ordinary: number };
  factors: ModelFactor[];
}

/** A stable code of a model problem (`validateModel`, `InvalidModelError.problems`). */
export type ModelProblemCode =
  | "json_syntax" | "json_shape" | "not_an_object" | "not_jsonable" | "not_a_model_input" | "not_readable"
  | "unknown_preset" | "name_empty" | "factors_empty" | "min_coverage_out_of_range"
  | "tier_not_finite" | "tiers_not_rising" | "key_empty" | "key_twice" | "weight_invalid"
  | "inputs_empty" | "unknown_field" | "text_field_needs_map" | "not_finite"
  | "min_not_below_max" | "log_min_not_positive" | "span_not_finite" | "span_too_narrow"
  | "steps_empty" | "steps_not_rising" | "map_empty" | "map_key_empty" | "map_keys_collide"
  | "weights_all_zero" | "weights_not_finite";

/** One problem with a model: its code, the JSON path of the place (such as
 *  `factors[2].inputs[0].transform.min`; empty for the whole document), and the texts. */
export interface ModelProblem {
  code: ModelProblemCode;
  path: string;
  zh: string;
  en: string;
}

/** What an export throws for a model it cannot use: an `Error` whose message is the English
 *  list, with `code` (`invalid_model` or `unknown_preset`), `zh`, `en` and every problem. */
export interface InvalidModelError extends Error {
  code: "invalid_model" | "unknown_preset";
  zh: string;
  en: string;
  problems: ModelProblem[];
}

export interface InputScore {
  field: string;
  value: number | string;
  subScore: number | null;
  fallback: boolean;
  problem?: string;
  /** How the cell was read when the user must know it: `approximate`, `range`. */
  marks?: ValueMark[];
}

export interface FactorScore {
  key: string;
  title: { zh: string; en: string };
  input: number | string | null;
  field: string | null;
  inputs: InputScore[];
  subScore: number | null;
  weight: number;
  /** Share of the weight present, 0–1. */
  share: number;
  /** Contribution in points; the points add up to the score. */
  points: number;
  missing: boolean;
}

export interface TierMove {
  factor: string;
  factorTitle: { zh: string; en: string };
  field: string;
  from: number | string;
  to: number | string;
  subScoreFrom: number;
  subScoreTo: number;
  scoreAfter: number;
  text: Label;
}

export interface NextTier {
  tier: Label;
  threshold: number;
  gap: number;
  /** Single-input changes that reach the tier, smallest first. */
  moves: TierMove[];
}

export interface CellError {
  row: number | null;
  column: string;
  field: string;
  text: string;
  /** Stable code of the reason: `not_a_number`, `unknown_unit`, `wrong_dimension` … */
  code: string;
  /** The reason in English (as `en`). */
  reason: string;
  zh: string;
  en: string;
  /** The cell as Excel names it (`E21`), when read from a file. */
  cell?: string;
  /** The workbook sheet the cell is on, when read from a workbook. */
  sheet?: string;
}

/** A workbook's sheet, as `Sheet.sheetInfo` lists it. */
export interface SheetInfo {
  name: string;
  /** Hidden in Excel (or "very hidden"). */
  hidden: boolean;
  /** A worksheet, which holds cells (not a chart sheet). */
  worksheet: boolean;
  /** The sheet read when none is chosen: the first visible worksheet. */
  default: boolean;
}

/** What a reading noticed: `approximate` (约, 以上 …), `range` (its midpoint), `unit`, `numerals`. */
export type ValueMark = "approximate" | "range" | "unit" | "numerals";

/** A value read with what the reading noticed. */
export interface ReadValue {
  value: number | null;
  unit: string | null;
  marks: ValueMark[];
  foreignCurrency: boolean;
}

/** A value read as approximate, a range's midpoint, or in a foreign currency. */
export interface CellNote {
  row: number | null;
  column: string;
  field: string;
  text: string;
  marks: ValueMark[];
  unit: string | null;
  foreign_currency: boolean;
}

/** How the computed columns are written. */
export interface ReportOptions {
  /** `zh-CN` (default) or `en`: the headers and texts. */
  lang?: string;
  asOf?: string | Date;
  /** Scores and gaps at full precision instead of one decimal. */
  fullPrecision?: boolean;
  /** For a Sheet's export: the model to score with (else the last one used, else the default). */
  model?: ModelInput;
}

export interface ScoreCard {
  model: string;
  /** 0–100, or null (see `reason`). */
  score: number | null;
  /** Share of the model's weight whose inputs were present, 0–1. */
  coverage: number;
  /** Codes `vip`, `important`, `ordinary`, `small`. */
  tier: Label | null;
  factors: FactorScore[];
  nextTier: NextTier | null;
  reason: Label | null;
  errors: CellError[];
  /** Values read as approximate, as a range's midpoint or in a foreign currency. */
  notes?: CellNote[];
}

export interface ScoreColumns {
  /** NaN where a row has no score. */
  score: Float64Array;
  /** 0 none, 1 small, 2 ordinary, 3 important, 4 VIP. */
  tier: Uint8Array;
}

export interface HeaderMapping { header: string; field: string | null; scale: number; percent: boolean; }

export interface RfmScore { r: number; f: number; m: number; code: string; segment: Label; }

// ---- Grades (grades.rs) ----

/** An ABC class. */
export type AbcClassCode = "A" | "B" | "C";

export interface AbcOptions {
  /** `count` (default): cuts are fractions of the ranked accounts; `share`: fractions of the total value. */
  method?: "count" | "share";
  /** Cumulative cut points `[a, b]`, 0 < a < b ≤ 1; default `[0.1, 0.3]` by count, `[0.8, 0.95]` by share. */
  cuts?: [number, number] | null;
  /** The top fraction of ranked accounts whose share `concentration` reports, 0–1 (default 0.2). */
  concentrationTop?: number;
}

/** One class's part of the list; `code` is the class. */
export interface AbcClassSummary extends Label {
  code: AbcClassCode;
  /** Accounts in the class. */
  count: number;
  /** The sum of their positive values. */
  value: number;
  /** `value` as a share of the total, 0–1; null when the total is not positive. */
  share: number | null;
  /** The aim the texts set for the class: every A very satisfied, every B satisfied, some C gradually more satisfied. */
  aim: Label & { code: AbcClassCode };
}

export interface AbcAnalysis {
  /** One entry per input value, same order; null where the value is missing. */
  classes: (AbcClassCode | null)[];
  /** How many values were ranked (present and finite). */
  ranked: number;
  /** The sum of the positive values. */
  total: number;
  /** A, B and C, in that order. */
  summary: AbcClassSummary[];
  /** Share of the total (0–1) held by the top `concentrationTop` of ranked accounts; null when nothing is positive. */
  concentration: number | null;
  /** The top fraction used, 0–1. */
  concentrationTop: number;
  /** The concentration as a sentence; null with `concentration`. */
  concentrationText: Label | null;
}

/** A rung of the value pyramid: 高端客户 top, 大客户 large, 中等客户 medium, 小客户 small. */
export type PyramidLevelCode = "top" | "large" | "medium" | "small";

export interface PyramidOptions {
  /** Cumulative fractions of the ranked accounts ending top, large and medium (default `[0.01, 0.05, 0.2]`). */
  cuts?: [number, number, number];
}

export interface ClassOptions {
  /** Revenue share (0–1) at or above which a customer weighs as key (default 0.05). */
  keyRevenueShare?: number;
  /** The margin a key account needs for a single row, 0–1 (default 0.10). */
  keyMinMargin?: number;
  /** A list graded with `accountClasses` takes its median margin as the bar (default true). */
  marginFromList?: boolean;
  /** A margin not recorded blocks the key class (default false: not checked, said in the reasons). */
  unknownMarginBlocksKey?: boolean;
  /** Annual purchase (the data's currency unit) at or above which a customer weighs as key; off by default. */
  keyAnnualPurchase?: number | null;
  /** Potential purchase at or above which a customer weighs as key; off by default. */
  keyPotentialPurchase?: number | null;
  /** Years from which a relationship counts as long (a supporting reason; default 3). */
  longRelationshipYears?: number;
}

/** An account class code: 重点客户 key, 普通客户 ordinary, 目标客户 prospect, 潜在客户 suspect. */
export type AccountClassCode = "key" | "ordinary" | "prospect" | "suspect";

/** A class's code and names, from `accountClassLabels()`. */
export interface AccountClassLabel extends Label {
  code: AccountClassCode;
}

/** An account class with the facts that decided it. */
export interface AccountClass extends Label {
  code: AccountClassCode;
  reasons: Label[];
}

/** The classes of a list and the margin bar they were graded against. */
export interface AccountClasses {
  classes: AccountClass[];
  /** The margin a key account needed, 0–1: the list's median, or `keyMinMargin`. */
  marginBar: number;
  /** The median margin of the rows that record one; null when none does. */
  medianMargin: number | null;
}

/** One element or check of the key-account qualification; `code` is the row's field key. */
export interface QualificationItem extends Label {
  status: "met" | "not_met" | "unknown";
}

export interface KeyAccountQualification {
  qualifies: boolean;
  verdict: Label & { code: "qualified" | "not_qualified" | "unclear" };
  /** The elements met (one of the five is enough); codes are field keys. */
  elementsMet: Label[];
  /** All five elements with their status. */
  elements: QualificationItem[];
  /** The three checks (`fits_our_product`, `buys_centrally`, `buys_continuously`) with their status. */
  checks: QualificationItem[];
  /** Why, in words. */
  reasons: Label[];
}

/** The current × future value quadrant. */
export interface ValueQuadrant extends Label {
  code: "vip" | "improve" | "maintain" | "drop";
  currentHigh: boolean;
  futureHigh: boolean;
}

/** A ten-level pipeline grade code; `none` is below A21. */
export type PipelineGradeCode = "none" | "A21" | "A08" | "A31" | "A07" | "A06" | "A05" | "A04" | "A03" | "A02" | "A01";

/** A pipeline fact key (a row's yes/no field), or `answer` for the decision-maker's answer. */
export type PipelineFactKey =
  | "lead_data" | "key_facts_known" | "target_industry" | "size_ok"
  | "decision_maker_feedback" | "knows_our_offer" | "considered_decision"
  | "considering_switch" | "dissatisfied_with_supplier" | "talking_to_new_supplier"
  | "asked_for_material" | "booked_next_contact" | "asked_about_us"
  | "needs_understood_and_met" | "judges_we_fit" | "knows_our_price"
  | "deal_affordable" | "price_acceptable"
  | "verbal_commitment" | "acted_on_it" | "buys_within_2_months"
  | "contract_signed" | "purchased" | "paid"
  | "used_up" | "fully_collected" | "no_open_promises" | "we_quoted_price"
  | "answer";

/** Facts as `pipelineGrade` takes them: fact keys, `answer`, answer flags, and old names (`price_discussed` for `we_quoted_price`). */
export type PipelineFactsInput = Partial<Record<PipelineFactKey | "price_discussed" | "answer_refused" | "answer_neutral" | "answer_positive", boolean | number | string | null>>;

/** What a grade still needs: every fact and group under `all`, one of them under `any`. */
export interface PipelineRequirement {
  mode: "all" | "any";
  facts: PipelineFactKey[];
  /** Nested requirements; absent when there are none. */
  groups?: PipelineRequirement[];
}

export interface PipelineWarning extends Label {
  code: "price_too_early" | "scope_not_confirmed" | "inconsistent_facts" | "answer_incomplete";
  /** The fact keys concerned. */
  facts: PipelineFactKey[];
  /** The grades concerned (for `inconsistent_facts`, the earlier stages that do not hold). */
  stages: PipelineGradeCode[];
}

/** The pipeline grade of an account; `code`/`zh`/`en` name the grade. */
export interface PipelineGrade extends Label {
  code: PipelineGradeCode;
  /** Win probability of the grade, 0–1. */
  probability: number;
  /** Fact keys that hold on the way to the grade reached. */
  met: PipelineFactKey[];
  /** The next grade to work towards; null after A01. */
  next: PipelineGradeCode | null;
  /** What the next grade still needs; null when nothing (after A01). */
  missing: PipelineRequirement | null;
  /** The next step in words; code `reach`, `refused` or `closed`. */
  nextStep: Label;
  warnings: PipelineWarning[];
  /** What is best done, not a condition: `learn_refusal_reason` after A31. */
  suggestions: Label[];
}

/** One grade's part of the weighted pipeline. */
export interface PipelineGradeSum extends Label {
  code: PipelineGradeCode;
  /** Win probability, 0–1. */
  probability: number;
  /** Deals with a usable value at this grade. */
  count: number;
  value: number;
  /** `value × probability`. */
  weighted: number;
}

export interface WeightedPipeline {
  totalValue: number;
  /** Σ value × win probability. */
  weightedTotal: number;
  /** Deals counted. */
  counted: number;
  /** Deals left out for want of a usable `deal_value`. */
  withoutValue: number;
  /** Every grade in the order of progress, empty ones included. */
  byGrade: PipelineGradeSum[];
  /** 0-based indexes of rows whose facts could not be read. */
  unreadableRows: number[];
}

/** Where a rule comes from: `S` the source texts, `D` our default, `L` the literature. */
export type RuleSourceCode = "S" | "D" | "L";

/** A MAN verdict code (MODEL §3.7). */
export type ManAdviceCode =
  | "pursue_now" | "create_need" | "find_authority" | "check_finances"
  | "keep_for_later" | "watch_and_develop" | "watch" | "stop";

/** MAN qualification; `code` is the combination (`MAN` … `man`, upper case = holds). */
export interface ManQualification extends Label {
  /** What to do. */
  advice: Label & { code: ManAdviceCode };
  /** Where the verdict comes from. */
  source: Label & { code: RuleSourceCode };
  money: boolean;
  authority: boolean;
  need: boolean;
  /** Field keys not recorded and counted as not met (from a row only; empty here). */
  unknown: ("can_pay" | "has_authority" | "has_need")[];
}

export interface ProfitabilityOptions {
  /** Cost of one visit (`visit_count`) where a row has no `cost_to_serve`; off by default. */
  costPerVisit?: number | null;
  /** Cost of handling one order (`order_count`); off by default. */
  costPerOrder?: number | null;
}

/** Cumulative profit by account, ranked by profit (largest first), from (0, 0). */
export interface WhaleCurve {
  /** Share of accounts, 0–1. */
  share: Float64Array;
  /** Their cumulative profit as a share of the total profit (rises above 1 with loss-makers). */
  cumulativeProfit: Float64Array;
}

/** Account profitability (MODEL §3.8): one entry per row in the columns. */
export interface AccountProfitability {
  /** Gross profit − cost to serve; NaN without a gross profit. */
  profit: Float64Array;
  /** `cost_to_serve`, else visits and orders at the rates; NaN where not known (0 in the profit). */
  costToServe: Float64Array;
  /** Purchase × margin, else `profit`; NaN where neither. */
  grossProfit: Float64Array;
  whaleCurve: WhaleCurve;
  /** The curve's peak as a share of total profit; null when the total is not above zero. */
  peakProfitShare: number | null;
  /** The share of accounts at the peak. */
  peakAccountShare: number | null;
  /** The share of counted accounts losing money; null when none is counted. */
  lossMakingShare: number | null;
  totalProfit: number;
  counted: number;
  withoutProfit: number;
  costUnknown: number;
}

// ---- Strategies (strategy.rs) ----

/** A cell of the attractiveness × relationship-status matrix, `A1` … `C6`. */
export type MatrixCellCode = `${AbcClassCode}${1 | 2 | 3 | 4 | 5 | 6}`;

/** A replacement for one matrix cell; any part left out keeps the table's value. */
export interface MatrixCellOverride {
  /** A built-in strategy code, or your own code when `zh`/`en` are given. */
  strategy?: string | null;
  /** Your own strategy text; one language is enough. */
  zh?: string | null;
  en?: string | null;
  /** Cells to move the account to, e.g. `["B2"]`; `[]` means stay. */
  targets?: string[] | null;
}

/** A relationship status code, numbered 1–6 in that order (MODEL §4.1). */
export type RelationshipStatusCode = "very_strong" | "good" | "developing" | "limited" | "defensive" | "declining";

export interface MatrixOptions {
  /** Replacements keyed by cell (`"C5"`). */
  overrides?: Record<string, MatrixCellOverride>;
  /** How the list numbers the statuses: the six statuses (codes or words) in the order of the numbers 1–6 in its `relationship_status` column. Cell codes keep the spec's numbering. */
  statusOrder?: string[] | null;
}

export interface MatrixStrategy {
  cell: MatrixCellCode;
  /** Cells to move the account to, in the table's order; empty = stay or no move given. */
  targets: MatrixCellCode[];
  strategy: Label;
  /** The cell holds the spec's default (C5, C6), not a rule from the source texts. */
  isDefault: boolean;
  /** Part of the cell was replaced through `overrides`. */
  overridden: boolean;
}

export interface CadenceOptions {
  /** Contacts a year for class A, 1–365 (default 12). */
  aPerYear?: number;
  /** Contacts a year for class B, 1–365 (default 4). */
  bPerYear?: number;
  /** Contacts a year for class C, 1–365 (default 2). */
  cPerYear?: number;
}

/** A value tier code. */
export type TierCode = "vip" | "important" | "ordinary" | "small";

/** How often, how and by whom an account is contacted. */
export interface Cadence {
  /** What it was chosen from: `A`/`B`/`C` or a tier code. */
  grade: AbcClassCode | TierCode;
  /** The contact class. */
  class: AbcClassCode;
  /** `key_visits`, `planned_visits` or `remote_contact`. */
  plan: Label;
  /** Contacts a year (visits for A and B, calls or e-mails for C). */
  contactsPerYear: number;
  /** `at_least_monthly` (class A), `monthly`, `quarterly`, `half_yearly`, `yearly` or `per_year`. */
  frequency: Label;
  /** `in_person` or `phone_email`. */
  channel: Label;
  /** `named_owner`, `account_manager` or `sales_team`. */
  owner: Label;
  /** Invite them to group events (seminars, customer days). */
  groupEvents: boolean;
  /** The three kinds of service for key accounts; empty for class C. */
  services: Label[];
}

/** A relationship level, 1 transactional … 4 alliance. */
export type RelationshipLevelCode = "transactional" | "preferred" | "partner" | "alliance";

/** One level's checklist; `code` is the level; each sign's `code` is what `assessLevel` takes. */
export interface LevelSigns extends Label {
  code: RelationshipLevelCode;
  /** 1–4. */
  level: 1 | 2 | 3 | 4;
  signs: Label[];
}

/** How many of a level's signs were ticked. */
export interface LevelSignShare {
  level: 1 | 2 | 3 | 4;
  ticked: number;
  total: number;
}

/** What to do to reach the next level. */
export interface NextLevelPlan {
  from: RelationshipLevelCode;
  /** null at the top level: the moves then keep the alliance. */
  to: RelationshipLevelCode | null;
  /** The tie holding the relationship now: `financial`, `social` or `structural`. */
  currentTie: Label;
  /** The tie to build for the next level. */
  buildTie: Label;
  moves: Label[];
}

/** What `assessLevel` returns. */
export interface LevelAssessment {
  assessment: {
    /** null when no known sign was ticked. */
    level: RelationshipLevelCode | null;
    /** One entry per level, level 1 first. */
    shares: LevelSignShare[];
    /** Ticked codes that are no sign, sorted, each once. */
    unknownSigns: string[];
  };
  /** The plan from the assessed level; null when there is no level. */
  next: NextLevelPlan | null;
}

/** A buying-centre role. */
export type BuyingRole = "decision_maker" | "user" | "gatekeeper" | "coach";

/** A role without a named contact; `code` is `no_<role>`, the texts say what to do. */
export interface BuyingCentreGap extends Label {
  role: BuyingRole;
}

export interface BuyingCentre {
  /** Roles with a named contact. */
  covered: BuyingRole[];
  /** The others, decision-maker first. */
  gaps: BuyingCentreGap[];
}

export interface ChurnOptions {
  /** The lowest tier watched (default `important`). */
  minTier?: TierCode;
  /** The limit is never below this many days (default 90). */
  minDays?: number;
  /** The limit is this many usual order intervals (default 2). */
  intervalMultiplier?: number;
  /** With a P(alive), the account is at risk strictly below this, 0–1 (default 0.5). */
  pAliveThreshold?: number;
  /** Complaints a year that mark a likely leaver (default 3); also status 5 in the estimate. */
  complaintLevel?: number;
  /** An account in this top share of the list's profit contribution is valuable, (0, 1] (default 0.2). */
  valuableTopShare?: number;
}

/** Thresholds of the attractiveness and status estimates (MODEL §4.8), all defaults [D]. */
export interface EstimateOptions {
  /** Without a list: the annual purchase scoring 0 (default 10,000) and 100 (default 100,000,000), log scale. */
  purchaseLow?: number;
  purchaseHigh?: number;
  /** The margin scoring 100 (default 0.4). */
  marginHigh?: number;
  /** The growth scoring 0 (default -0.2) and 100 (default 0.3). */
  growthLow?: number;
  growthHigh?: number;
  /** Factors (of sales volume, margin, potential, share left) a row needs for an estimate, 1–4 (default 1). */
  minFactors?: number;
  /** Falling below this growth (default -0.1); growing above this (default 0.1). */
  fallingGrowth?: number;
  growingGrowth?: number;
  /** Status 1 needs this many years (default 3), orders a year (default 12) and share of wallet (default 0.5). */
  longYears?: number;
  frequentOrders?: number;
  highShare?: number;
  /** Status 2 needs this many years (default 1). */
  steadyYears?: number;
}

/** The list's values per figure, in any order (NaN or null for a missing value). */
export interface ListDistributions {
  annual_purchase?: ArrayLike<number | null>;
  gross_margin?: ArrayLike<number | null>;
  potential_purchase?: ArrayLike<number | null>;
  growth_rate?: ArrayLike<number | null>;
  share_of_wallet?: ArrayLike<number | null>;
  /** Profit contribution: profit, else annual purchase × gross margin. */
  contribution?: ArrayLike<number | null>;
}

export interface SuggestOptions {
  /** `zh-CN`, `en`, …: adds each item's text in that language as `text`. */
  lang?: string | null;
  /** The day recency is counted to, e.g. "2026-03-15" (default: today). */
  asOf?: string | Date;
  /** A score card from `scoreAccount`: its score and tier are used unless `score` / `tier` are given. */
  card?: ScoreCard;
  /** The account's value score, 0–100; gives the tier. */
  score?: number | null;
  /** The tier itself (`vip`, `重要客户`, `"1"`–`"4"`); wins over `score`. */
  tier?: string | null;
  /** P(alive), 0–1, from a transaction-history model; replaces the recency rule. */
  pAlive?: number | null;
  /** Codes of the relationship-level signs ticked (see `relationshipLevels()`). */
  levelSigns?: string[] | null;
  matrix?: MatrixOptions;
  /** `threshold`: the share of a level's signs (0–1] that counts as mostly ticked (default 0.5). */
  level?: { threshold?: number };
  cadence?: CadenceOptions;
  churn?: ChurnOptions;
  /** The account's ABC class in its list: cadence and satisfaction targets follow it (else the tier). */
  abc?: "A" | "B" | "C" | string | null;
  /** The list's values, for percentiles (attractiveness estimate, top-20 % contribution); without it absolute reference points apply. */
  list?: ListDistributions | null;
  /** `false`: the list has no contact-role column, so missing roles are not a gap on every row (default true). */
  listHasContacts?: boolean | null;
  /** `false`: the list has no relationship-level column, so "assess the level" is not asked on every row (default true). */
  listHasLevels?: boolean | null;
  estimate?: EstimateOptions;
  /** Years below which an account is in formation (default 1), and from which a steady one is stable (default 2). */
  lifecycle?: { formationYears?: number; stabilityYears?: number };
  /** Scores a tier must exceed (default 80 / 60 / 40). */
  tiers?: { vip: number; important: number; ordinary: number };
  /** Cut points from an attractiveness score (0–100) to A/B/C (default a 70, b 40). */
  letterCuts?: { a: number; b: number };
}

/** A label with, when `options.lang` was given, the text in that language. */
export interface LabelText extends Label {
  /** The text in the language of `options.lang`; absent when no language was asked for. */
  text?: string;
}

/** What part of the strategy an item comes from, most urgent first. */
export type SuggestionItemKind =
  | "churn" | "satisfaction" | "pipeline" | "buyer_step" | "matrix" | "lifecycle" | "gap" | "level" | "cadence" | "data";

/** One warning, gap or action. */
export interface SuggestionItem extends LabelText {
  kind: SuggestionItemKind;
  /** 1 = most urgent (churn) … 10 (data); the same for every item of a kind. */
  priority: number;
  /** Supporting points; absent when there are none. */
  details?: LabelText[];
}

/** The relationship level and the way up; `code` is the level. */
export interface SuggestionLevel extends LabelText {
  code: RelationshipLevelCode;
  /** 1–4. */
  level: 1 | 2 | 3 | 4;
  /** `signs`: assessed from `options.levelSigns`; `field`: the row's `relationship_level`. */
  source: "signs" | "field";
  /** The tie holding the relationship now. */
  tie: LabelText;
  /** The next level; absent at the top. */
  nextLevel?: LabelText;
  /** The tie to build for the next level. */
  buildTie: LabelText;
  moves: LabelText[];
}

/** The contact cadence; `code` is the plan (`key_visits`, `planned_visits`, `remote_contact`). */
export interface SuggestionCadence extends LabelText {
  /** What it was chosen from: a tier code or `A`/`B`/`C`. */
  grade: AbcClassCode | TierCode;
  class: AbcClassCode;
  contactsPerYear: number;
  frequency: LabelText;
  channel: LabelText;
  owner: LabelText;
  /** The row's `owner` field; absent when not filled in. */
  ownerName?: string;
  groupEvents: boolean;
  services: LabelText[];
}

/** One figure an attractiveness letter rests on. */
export interface AttractivenessBasis {
  /** The row field (`annual_purchase`, `gross_margin`, …, or an `attr_*` rating). */
  field: string;
  value: number;
  /** Its percentile in the list, 0–100; absent without a list. */
  percentile?: number;
  /** The points it gives its factor, 0–100. */
  points: number;
  factor?: "sales_volume" | "margin" | "potential" | "relationship_potential";
  /** The figure in words; `code` is the field. */
  label: LabelText;
}

/** The attractiveness letter, given or estimated (MODEL §4.8). */
export interface AttractivenessEstimate {
  letter: AbcClassCode;
  estimated: boolean;
  /** `column`: the attractiveness column; `ratings`: the 1–5 ratings; `data`: estimated from figures. */
  source: "column" | "ratings" | "data";
  score?: number;
  basis: AttractivenessBasis[];
}

/** The relationship status, given or estimated (MODEL §4.8); `code` is the status. */
export interface StatusEstimate extends LabelText {
  code: RelationshipStatusCode;
  /** 1–6. */
  value: 1 | 2 | 3 | 4 | 5 | 6;
  estimated: boolean;
  /** What it rests on, values in the texts. */
  evidence: LabelText[];
}

/** The lifecycle stage (MODEL §4.9); `code` is the stage. */
export interface LifecycleStage extends LabelText {
  code: "exploration" | "formation" | "stability" | "decline";
  evidence: LabelText[];
  /** The work the source gives for the stage. */
  work: LabelText;
}

/** The whole strategy for one account. */
export interface Suggestion {
  /** null when attractiveness or status is missing (a warning says which). */
  cell: MatrixCellCode | null;
  /** The cell rests on an estimate (attractiveness or status not given). */
  cellEstimated: boolean;
  /** Cells to move the account to. */
  targets: MatrixCellCode[];
  attractiveness: AttractivenessEstimate | null;
  status: StatusEstimate | null;
  lifecycle: LifecycleStage | null;
  relationshipLevel: SuggestionLevel | null;
  cadence: SuggestionCadence | null;
  /** Buying-centre roles without a named contact, in the order to fill them; empty when the list has no contact column. */
  gaps: SuggestionItem[];
  warnings: SuggestionItem[];
  /** Most urgent first. */
  actions: SuggestionItem[];
}

/** How to read a file or a pasted range. */
export interface SheetOptions {
  /** A workbook's sheet, by name or 0-based index (default: the first visible worksheet). */
  sheet?: string | number;
  /** The header row as Excel numbers it (default: detected among the first 20 rows). */
  headerRow?: number;
  /** The CSV delimiter (default: sniffed among comma, semicolon and tab). */
  delimiter?: string;
  maxBytes?: number;
  maxRows?: number;
  /** The memory budget of the read in bytes (default 1 GiB): a list that would take more is refused while it is read. */
  maxMemoryBytes?: number;
  /** How numbers in text cells write their decimal mark: `"point"` (1,200.50, the default)
   * or `"comma"` (1.200,50). Without it a semicolon-separated file whose numbers read
   * otherwise with a comma gets the warning `ambiguous_decimal`, so that the page can ask. */
  decimal?: "point" | "comma";
  /** The day recency is counted to (default: today). */
  asOf?: string | Date;
}

export type SheetSource =
  | { kind: "csv"; encoding: "utf8" | "utf8_bom" | "utf16_le" | "utf16_be" | "gb18030"; delimiter: string }
  | { kind: "xlsx"; sheet: string }
  | { kind: "cells" };

export interface SheetMapping { column: number; header: string; field: string | null; scale: number; percent: boolean; overridden: boolean; /** For an unmapped column that looks like a known field: its key. */ suggestion: string | null; }
"#;

#[wasm_bindgen(typescript_custom_section)]
const CLV_CHECK_TYPES: &'static str = r#"
/** Pareto/NBD parameters: purchase rate λ ~ Gamma(r, alpha), dropout rate μ ~ Gamma(s, beta); alpha and beta in the summary's unit. */
export interface ParetoNbdParams { r: number; alpha: number; s: number; beta: number; }
export interface ParetoNbdFit extends ParetoNbdParams {
  logLikelihood: number;
  stdErrors: ParetoNbdParams;
  /** Covariance of (ln r, ln alpha, ln s, ln beta): the inverse observed information. */
  covariance: number[][];
  customers: number;
  groups: number;
}
/** With options.interval: `lower` and `upper` as for bgNbdPredict. */
export interface ParetoNbdPrediction extends PredictionBounds { lower?: PredictionBounds; upper?: PredictionBounds; level?: number; }

export type HoldoutModel = "bgnbd" | "paretonbd";
export interface CalibrationHoldoutOptions {
  /** The calibration end (inclusive): the model is fitted on the log up to this day. */
  calibrationEnd: string | Date;
  /** The observation end (inclusive): the holdout runs from the day after calibrationEnd to here. */
  observationEnd: string | Date;
  unit: ClvTimeUnit;
  model: HoldoutModel;
}
/** One calibration-frequency group; `predicted` and `actual` are means per customer (NaN for an empty group). */
export interface HoldoutGroup {
  /** Repeat purchases in the calibration period: 0 to 6, and 7 for 7 or more. */
  frequency: number;
  customers: number;
  predicted: number;
  actual: number;
}
export interface CalibrationHoldout {
  model: HoldoutModel;
  /** Fitted on the calibration period: {r, alpha, a, b} or {r, alpha, s, beta}. */
  params: BgNbdParams | ParetoNbdParams;
  logLikelihood: number | null;
  customers: number;
  /** The holdout's length in the unit. */
  durationHoldout: number;
  predictedTotal: number;
  actualTotal: number;
  /** Mean over customers of |predicted − actual| purchases in the holdout. */
  meanAbsoluteError: number;
  byFrequency: HoldoutGroup[];
  perCustomer: { ids: string[]; predicted: Float64Array; actual: Float64Array };
  holdoutOnly: number;
  afterEnd: number;
  errors: TransactionRowError[];
}
"#;
