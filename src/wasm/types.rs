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

export interface InputScore {
  field: string;
  value: number | string;
  subScore: number | null;
  fallback: boolean;
  problem?: string;
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
  reason: string;
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
}

export interface ScoreColumns {
  /** NaN where a row has no score. */
  score: Float64Array;
  /** 0 none, 1 small, 2 ordinary, 3 important, 4 VIP. */
  tier: Uint8Array;
}

export interface HeaderMapping { header: string; field: string | null; scale: number; percent: boolean; }

export interface RfmScore { r: number; f: number; m: number; code: string; segment: Label; }
"#;
