/** The spreadsheet functions over a kam module (see README, "Spreadsheet functions"). */
// Generated from www/functions/catalog.js by scripts/write_functions_docs.mjs; do not edit.

/** A cell as a spreadsheet passes it. */
export type SheetCell = number | string | boolean | Date | null | undefined;
/** A range: a single value, a row, or a 2-D array of rows. */
export type SheetRange = SheetCell | SheetCell[] | SheetCell[][];
/** A result cell: a value, or a KamError standing for that cell. */
export type ResultCell = number | string | KamError;

/** An error for a host to show: `code` is `value` (#VALUE!) or `na` (#N/A). */
export class KamError extends Error {
  constructor(code: "value" | "na", message: string);
  code: "value" | "na";
}

/** The function names, the same in every host (Excel: KAM.SCORE; Sheets: KAM_SCORE). */
export const KAM_FUNCTION_NAMES: readonly ["SCORE", "SCORE_TABLE", "TIER", "ABC", "PIPELINE", "STRATEGY", "CADENCE", "PALIVE", "PURCHASES", "CLV", "WINPROB"];

/** Replaces every KamError in a result with `map(error)`. */
export function mapResult<T>(result: ResultCell[][], map: (e: KamError) => T): (number | string | T)[][];
/** Any thrown value as a KamError. */
export function asKamError(e: unknown): KamError;

/** `zh-CN` (default), `en` or `code`. */
export type SheetLang = string | null | undefined;
/** A preset name or a model document's JSON text (or the document); left out: key_account. */
export type SheetModel = string | object | null | undefined;

export interface KamFunctions {
  /**
   * The value score 0–100 of an account row, its cells read under the header row by their aliases (年采购额(万元), 毛利率, 信用等级 …); a range of several rows gives one score per row.
   * @param row The account's row of cells, e.g. A2:U2, or several rows, e.g. A2:U301.
   * @param headers The header row, e.g. A$1:U$1.
   * @param model A preset (key_account, attractiveness, value_pyramid, bank, rfm) or a model document's JSON text; default key_account.
   * @returns The score of each row; #VALUE! names an unreadable cell, #N/A says why there is no score.
   */
  SCORE(row: SheetRange, headers: SheetRange, model?: SheetModel): ResultCell[][];
  /**
   * Scores a whole table at once (header row first) and spills the computed columns: score, tier, next tier, gap, the change that reaches it, coverage, problems, problem codes, ABC class, matrix cell, top suggestion.
   * @param table The table with its header row, e.g. A1:U301.
   * @param model A preset or a model document's JSON text; default key_account.
   * @param lang zh-CN (default), en or code.
   * @returns A header row and one row per data row.
   */
  SCORE_TABLE(table: SheetRange, model?: SheetModel, lang?: SheetLang): ResultCell[][];
  /**
   * The value tier of each score.
   * @param score A score or a range of scores.
   * @param lang zh-CN (default), en or code.
   * @returns The tier of each score.
   */
  TIER(score: SheetRange, lang?: SheetLang): ResultCell[][];
  /**
   * The ABC class of each value in a column (by count, or by cumulative share).
   * @param values A column of values, e.g. annual purchases.
   * @param method count (default) or share.
   * @returns A, B or C for each value; empty where there is no value.
   */
  ABC(values: SheetRange, method?: "count" | "share" | null): ResultCell[][];
  /**
   * The ten-level pipeline grade (A21 … A01) from TRUE/FALSE facts in the order of pipelineFactKeys(); one range of several rows grades each row.
   * @param facts TRUE/FALSE cells or ranges, in the order lead_data, key_facts_known, target_industry, size_ok, …
   * @returns The grade code.
   */
  PIPELINE(...facts: SheetRange[]): ResultCell[][];
  /**
   * The relationship strategy for an attractiveness letter (A/B/C or a 0–100 score) and a relationship status (1–6).
   * @param letter Attractiveness: A, B, C or a score.
   * @param status Relationship status 1–6.
   * @param lang zh-CN (default), en or code.
   * @returns The strategy.
   */
  STRATEGY(letter: SheetRange, status: SheetRange, lang?: SheetLang): ResultCell[][];
  /**
   * How often, how and by whom to contact an account of a tier (vip, 重要客户 …) or class (A/B/C).
   * @param tier A tier or class.
   * @param lang zh-CN (default), en or code.
   * @returns The contact cadence.
   */
  CADENCE(tier: SheetRange, lang?: SheetLang): ResultCell[][];
  /**
   * P(alive) 0–1 of each customer under BG/NBD with given (published or fitted) parameters, no fit per cell; recency, T and alpha are in the same time unit.
   * @param frequency Repeat purchases (whole numbers), e.g. B2:B500.
   * @param recency First to last purchase, e.g. C2:C500.
   * @param age T: first purchase to the end of the log, e.g. D2:D500.
   * @param bgParams The BG/NBD parameters r, alpha, a, b: four cells, e.g. $H$1:$K$1, or a text "0.243, 4.414, 0.793, 2.426".
   * @returns P(alive) for each customer.
   */
  PALIVE(frequency: SheetRange, recency: SheetRange, age: SheetRange, bgParams: SheetRange): ResultCell[][];
  /**
   * Expected purchases of each customer in the next t time units under BG/NBD with given parameters.
   * @param frequency Repeat purchases (whole numbers), e.g. B2:B500.
   * @param recency First to last purchase, e.g. C2:C500.
   * @param age T: first purchase to the end of the log, e.g. D2:D500.
   * @param bgParams The BG/NBD parameters r, alpha, a, b: four cells, e.g. $H$1:$K$1, or a text "0.243, 4.414, 0.793, 2.426".
   * @param t The horizon, in the unit of recency and T.
   * @returns Expected purchases for each customer.
   */
  PURCHASES(frequency: SheetRange, recency: SheetRange, age: SheetRange, bgParams: SheetRange, t: SheetRange): ResultCell[][];
  /**
   * Customer lifetime value: expected purchases (BG/NBD) × expected spend (Gamma-Gamma), month by month over the horizon, discounted.
   * @param frequency Repeat purchases (whole numbers), e.g. B2:B500.
   * @param recency First to last purchase, e.g. C2:C500.
   * @param age T: first purchase to the end of the log, e.g. D2:D500.
   * @param monetary Mean spend of the repeat purchases.
   * @param bgParams The BG/NBD parameters r, alpha, a, b: four cells, e.g. $H$1:$K$1, or a text "0.243, 4.414, 0.793, 2.426".
   * @param ggParams The Gamma-Gamma parameters p, q, gamma: three cells or a text.
   * @param horizon Months ahead; default 12.
   * @param unit The unit of recency, T and alpha: day, week (default) or month (30.4375 days).
   * @param discountRate Discount rate per month; default 0.01.
   * @returns The CLV of each customer.
   */
  CLV(frequency: SheetRange, recency: SheetRange, age: SheetRange, monetary: SheetRange, bgParams: SheetRange, ggParams: SheetRange, horizon?: SheetRange, unit?: SheetRange, discountRate?: SheetRange): ResultCell[][];
  /**
   * The learned win probability 0–1 of each deal row, from a win model fitted on the team's won and lost deals (its JSON text in a cell); a range of several rows gives one probability per row.
   * @param row The deal's row of cells, e.g. A2:U2, or several rows, e.g. A2:U301.
   * @param headers The header row, e.g. A$1:U$1.
   * @param model The win model's JSON text, as fitWinModel gives it.
   * @returns The probability of each row; #VALUE! names an unreadable cell or a bad model.
   */
  WINPROB(row: SheetRange, headers: SheetRange, model: string | object): ResultCell[][];
  /** The cached Scorer for (model, headers). */
  scorer(model: SheetModel, headers: SheetRange): { score(values: SheetCell[]): number; scoreCard(values: SheetCell[]): unknown; free?(): void };
  /** Drops every cached Scorer. */
  clearCache(): void;
}

/** The functions over an initialised kam module (`import * as kam from "kam-score"`). */
export function createKamFunctions(kam: object, options?: { cacheSize?: number; asOf?: string }): KamFunctions;
