// Excel custom functions (namespace KAM: =KAM.SCORE(…)), run in the add-in's shared runtime:
// taskpane.html loads this module and the task pane in one page, so the WebAssembly module is
// fetched and compiled once and both use the same instance.
//
// The metadata Excel reads (functions.json) is generated from the JSDoc below by the
// `custom-functions-metadata` package (scripts/excel_metadata.mjs, run by scripts/build.sh).
// The functions themselves live in ../functions/kam-functions.js, the same for every host.
/* global CustomFunctions */

import init, * as kam from '../pkg/kam_score.js';
import { createKamFunctions, mapResult, asKamError, KamError } from '../functions/kam-functions.js';

/** The kam module, initialised once, and the spreadsheet functions over it. */
export const kamReady = init({ module_or_path: new URL('../pkg/kam_score_bg.wasm', import.meta.url) })
  .then(() => ({ kam, functions: createKamFunctions(kam) }));

/** A KamError as Excel's error value, with the message shown under the cell's error flag. */
function toExcelError(e) {
  const code = e.code === 'na' ? CustomFunctions.ErrorCode.notAvailable : CustomFunctions.ErrorCode.invalidValue;
  return new CustomFunctions.Error(code, String(e.message).slice(0, 255));
}

async function run(name, args) {
  let functions;
  try {
    ({ functions } = await kamReady);
  } catch (e) {
    throw toExcelError(new KamError('value', `kam-score could not load: ${asKamError(e).message}`));
  }
  let result;
  try {
    result = functions[name](...args);
  } catch (e) {
    throw toExcelError(asKamError(e));
  }
  return mapResult(result, toExcelError);
}

/**
 * The value score 0–100 of an account row, its cells read under the header row by their aliases (年采购额(万元), 毛利率, 信用等级 …). A range of several rows gives one score per row.
 * @customfunction SCORE SCORE
 * @param {any[][]} row The account's row of cells, e.g. A2:U2 (or several rows).
 * @param {any[][]} headers The header row, e.g. A$1:U$1.
 * @param {string} [model] A preset (key_account, attractiveness, value_pyramid, bank, rfm) or a model document's JSON text; default key_account.
 * @returns {Promise<any[][]>} The score; #VALUE! names an unreadable cell, #N/A says why there is no score.
 */
export async function SCORE(row, headers, model) {
  return run('SCORE', [row, headers, model]);
}

/**
 * Scores a whole table at once (header row first) and spills the computed columns: score, tier, next tier, gap, the change that reaches it, coverage, problems.
 * @customfunction SCORE_TABLE SCORE_TABLE
 * @param {any[][]} table The table with its header row, e.g. A1:U301.
 * @param {string} [model] A preset or a model document's JSON text; default key_account.
 * @param {string} [lang] zh-CN (default), en or code.
 * @returns {Promise<any[][]>} A header row and one row per data row.
 */
export async function SCORE_TABLE(table, model, lang) {
  return run('SCORE_TABLE', [table, model, lang]);
}

/**
 * The value tier of a score: VIP above 80, important above 60, ordinary above 40, else small.
 * @customfunction TIER TIER
 * @param {any[][]} score A score or a range of scores.
 * @param {string} [lang] zh-CN (default), en or code.
 * @returns {Promise<any[][]>} The tier of each score.
 */
export async function TIER(score, lang) {
  return run('TIER', [score, lang]);
}

/**
 * ABC classes of a column of values (by count 10 % / 20 % / 70 %, or by cumulative share 80 % / 95 %).
 * @customfunction ABC ABC
 * @param {any[][]} values A column of values, e.g. annual purchases.
 * @param {string} [method] count (default) or share.
 * @returns {Promise<any[][]>} A, B or C for each value; empty where there is no value.
 */
export async function ABC(values, method) {
  return run('ABC', [values, method]);
}

/**
 * The ten-level pipeline grade (A21 … A01) from TRUE/FALSE facts in the order of the fact list; a range of several rows grades each row.
 * @customfunction PIPELINE PIPELINE
 * @param {any[][][]} facts TRUE/FALSE cells or ranges, in the order lead_data, key_facts_known, target_industry, size_ok, …
 * @returns {Promise<any[][]>} The grade code.
 */
export async function PIPELINE(facts) {
  return run('PIPELINE', facts);
}

/**
 * The relationship strategy for an attractiveness letter (A/B/C or a 0–100 score) and a relationship status (1–6).
 * @customfunction STRATEGY STRATEGY
 * @param {any[][]} letter Attractiveness: A, B, C or a score.
 * @param {any[][]} status Relationship status 1–6.
 * @param {string} [lang] zh-CN (default), en or code.
 * @returns {Promise<any[][]>} The strategy.
 */
export async function STRATEGY(letter, status, lang) {
  return run('STRATEGY', [letter, status, lang]);
}

/**
 * How often, how and by whom to contact an account of a tier (vip, 重要客户 …) or class (A/B/C).
 * @customfunction CADENCE CADENCE
 * @param {any[][]} tier A tier or class.
 * @param {string} [lang] zh-CN (default), en or code.
 * @returns {Promise<any[][]>} The contact cadence.
 */
export async function CADENCE(tier, lang) {
  return run('CADENCE', [tier, lang]);
}

/**
 * P(alive) 0–1 of each customer under BG/NBD with given (published or fitted) parameters: no fit per cell. recency, T and alpha are in the same time unit.
 * @customfunction PALIVE PALIVE
 * @param {any[][]} frequency Repeat purchases (whole numbers), e.g. B2:B500.
 * @param {any[][]} recency First to last purchase, e.g. C2:C500.
 * @param {any[][]} age T: first purchase to the end of the log, e.g. D2:D500.
 * @param {any[][]} bgParams The BG/NBD parameters r, alpha, a, b: four cells, e.g. $H$1:$K$1, or a text "0.243, 4.414, 0.793, 2.426".
 * @returns {Promise<any[][]>} P(alive) for each customer.
 */
export async function PALIVE(frequency, recency, age, bgParams) {
  return run('PALIVE', [frequency, recency, age, bgParams]);
}

/**
 * Expected purchases of each customer in the next t time units under BG/NBD with given parameters.
 * @customfunction PURCHASES PURCHASES
 * @param {any[][]} frequency Repeat purchases (whole numbers).
 * @param {any[][]} recency First to last purchase.
 * @param {any[][]} age T: first purchase to the end of the log.
 * @param {any[][]} bgParams The BG/NBD parameters r, alpha, a, b (four cells or a text).
 * @param {number} t The horizon, in the unit of recency and T.
 * @returns {Promise<any[][]>} Expected purchases for each customer.
 */
export async function PURCHASES(frequency, recency, age, bgParams, t) {
  return run('PURCHASES', [frequency, recency, age, bgParams, t]);
}

/**
 * Customer lifetime value: expected purchases (BG/NBD) × expected spend (Gamma-Gamma), month by month over the horizon, discounted.
 * @customfunction CLV CLV
 * @param {any[][]} frequency Repeat purchases (whole numbers).
 * @param {any[][]} recency First to last purchase.
 * @param {any[][]} age T: first purchase to the end of the log.
 * @param {any[][]} monetary Mean spend of the repeat purchases.
 * @param {any[][]} bgParams The BG/NBD parameters r, alpha, a, b (four cells or a text).
 * @param {any[][]} ggParams The Gamma-Gamma parameters p, q, gamma (three cells or a text).
 * @param {number} [horizon] Months ahead; default 12.
 * @param {string} [unit] The unit of recency, T and alpha: day, week (default) or month (30.4375 days).
 * @param {number} [discountRate] Discount rate per month; default 0.01.
 * @returns {Promise<any[][]>} The CLV of each customer.
 */
export async function CLV(frequency, recency, age, monetary, bgParams, ggParams, horizon, unit, discountRate) {
  return run('CLV', [frequency, recency, age, monetary, bgParams, ggParams, horizon, unit, discountRate]);
}

/**
 * The learned win probability 0–1 of a deal row, from a win model fitted on the team's won and lost deals (its JSON text in a cell); a range of several rows gives one probability per row.
 * @customfunction WINPROB WINPROB
 * @param {any[][]} row The deal's row of cells, e.g. A2:U2 (or several rows).
 * @param {any[][]} headers The header row, e.g. A$1:U$1.
 * @param {string} model The win model's JSON text, as fitWinModel gives it.
 * @returns {Promise<any[][]>} The probability; #VALUE! names an unreadable cell or a bad model.
 */
export async function WINPROB(row, headers, model) {
  return run('WINPROB', [row, headers, model]);
}

if (typeof CustomFunctions !== 'undefined') {
  CustomFunctions.associate('SCORE', SCORE);
  CustomFunctions.associate('SCORE_TABLE', SCORE_TABLE);
  CustomFunctions.associate('TIER', TIER);
  CustomFunctions.associate('ABC', ABC);
  CustomFunctions.associate('PIPELINE', PIPELINE);
  CustomFunctions.associate('STRATEGY', STRATEGY);
  CustomFunctions.associate('CADENCE', CADENCE);
  CustomFunctions.associate('PALIVE', PALIVE);
  CustomFunctions.associate('PURCHASES', PURCHASES);
  CustomFunctions.associate('CLV', CLV);
  CustomFunctions.associate('WINPROB', WINPROB);
}
