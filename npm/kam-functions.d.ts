/** The spreadsheet functions over a kam module (see README, "Spreadsheet functions"). */

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
  SCORE(row: SheetRange, headers: SheetRange, model?: SheetModel): ResultCell[][];
  SCORE_TABLE(table: SheetRange, model?: SheetModel, lang?: SheetLang): ResultCell[][];
  TIER(score: SheetRange, lang?: SheetLang): ResultCell[][];
  ABC(values: SheetRange, method?: "count" | "share" | null): ResultCell[][];
  PIPELINE(...facts: SheetRange[]): ResultCell[][];
  STRATEGY(letter: SheetRange, status: SheetRange, lang?: SheetLang): ResultCell[][];
  CADENCE(tier: SheetRange, lang?: SheetLang): ResultCell[][];
  /** The learned win probability 0–1 of each deal row, from a win model's JSON text (fitWinModel). */
  WINPROB(row: SheetRange, headers: SheetRange, model: string | object): ResultCell[][];
  /** The cached Scorer for (model, headers). */
  scorer(model: SheetModel, headers: SheetRange): { score(values: SheetCell[]): number; scoreCard(values: SheetCell[]): unknown; free?(): void };
  /** Drops every cached Scorer. */
  clearCache(): void;
}

/** The functions over an initialised kam module (`import * as kam from "kam-score"`). */
export function createKamFunctions(kam: object, options?: { cacheSize?: number; asOf?: string }): KamFunctions;
