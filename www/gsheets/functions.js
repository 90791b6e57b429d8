// Google Sheets custom functions: =KAM_SCORE(…), =KAM_SCORE_TABLE(…), =KAM_TIER(…), =KAM_ABC(…),
// =KAM_PIPELINE(…), =KAM_STRATEGY(…), =KAM_CADENCE(…), =KAM_PALIVE(…), =KAM_PURCHASES(…),
// =KAM_CLV(…), =KAM_WINPROB(…). They take whole ranges (each call starts
// the WebAssembly module afresh, so one call over a range is far faster than one per row) and
// return ranges that spill. An error is thrown with its message (the cell shows #ERROR!);
// inside a spilled range, where Sheets has no error values, it is the text "#VALUE! …" or
// "#N/A …". The library (KAM_LIB) is the bundle above this part of the file.
/* global KAM_LIB */

/**
 * The value score 0–100 of an account row, its cells read under the header row by their aliases; a range of several rows gives one score per row.
 *
 * @param {Array<Array<*>>} row The account's row, e.g. A2:U2, or many rows, e.g. A2:U301.
 * @param {Array<Array<*>>} headers The header row, e.g. A1:U1.
 * @param {string} [model] A preset (key_account, attractiveness, value_pyramid, bank, rfm) or a model document's JSON text.
 * @return The score of each row.
 * @customfunction
 */
async function KAM_SCORE(row, headers, model) {
  return KAM_LIB.run('SCORE', [row, headers, model]);
}

/**
 * Scores a whole table (header row first): a header row and, per data row, score, tier, next tier, gap, the change that reaches it, coverage, problems.
 *
 * @param {Array<Array<*>>} table The table with its header row, e.g. A1:U301.
 * @param {string} [model] A preset or a model document's JSON text.
 * @param {string} [lang] zh-CN (default), en or code.
 * @return The computed columns.
 * @customfunction
 */
async function KAM_SCORE_TABLE(table, model, lang) {
  return KAM_LIB.run('SCORE_TABLE', [table, model, lang]);
}

/**
 * The value tier of each score: VIP above 80, important above 60, ordinary above 40, else small.
 *
 * @param {Array<Array<*>>} score A score or a range of scores.
 * @param {string} [lang] zh-CN (default), en or code.
 * @return The tier of each score.
 * @customfunction
 */
async function KAM_TIER(score, lang) {
  return KAM_LIB.run('TIER', [score, lang]);
}

/**
 * ABC classes of a column of values (by count, or by cumulative share).
 *
 * @param {Array<Array<*>>} values A column of values, e.g. annual purchases.
 * @param {string} [method] count (default) or share.
 * @return A, B or C for each value.
 * @customfunction
 */
async function KAM_ABC(values, method) {
  return KAM_LIB.run('ABC', [values, method]);
}

/**
 * The ten-level pipeline grade (A21 … A01) from TRUE/FALSE facts in the order lead_data, key_facts_known, target_industry, size_ok, …; one range of several rows grades each row.
 *
 * @param {...*} facts TRUE/FALSE cells or ranges.
 * @return The grade code.
 * @customfunction
 */
async function KAM_PIPELINE(...facts) {
  return KAM_LIB.run('PIPELINE', facts);
}

/**
 * The relationship strategy for an attractiveness letter (A/B/C or a score) and a relationship status (1–6).
 *
 * @param {Array<Array<*>>} letter Attractiveness: A, B, C or a 0–100 score.
 * @param {Array<Array<*>>} status Relationship status 1–6.
 * @param {string} [lang] zh-CN (default), en or code.
 * @return The strategy.
 * @customfunction
 */
async function KAM_STRATEGY(letter, status, lang) {
  return KAM_LIB.run('STRATEGY', [letter, status, lang]);
}

/**
 * How often, how and by whom to contact an account of a tier (vip, 重要客户 …) or class (A/B/C).
 *
 * @param {Array<Array<*>>} tier A tier or class.
 * @param {string} [lang] zh-CN (default), en or code.
 * @return The contact cadence.
 * @customfunction
 */
async function KAM_CADENCE(tier, lang) {
  return KAM_LIB.run('CADENCE', [tier, lang]);
}

/**
 * P(alive) 0–1 of each customer under BG/NBD with given (published or fitted) parameters; recency, T and alpha in the same time unit.
 *
 * @param {Array<Array<*>>} frequency Repeat purchases (whole numbers), e.g. B2:B500.
 * @param {Array<Array<*>>} recency First to last purchase, e.g. C2:C500.
 * @param {Array<Array<*>>} age T: first purchase to the end of the log, e.g. D2:D500.
 * @param {Array<Array<*>>} bgParams The BG/NBD parameters r, alpha, a, b: four cells, or a text "0.243, 4.414, 0.793, 2.426".
 * @return P(alive) for each customer.
 * @customfunction
 */
async function KAM_PALIVE(frequency, recency, age, bgParams) {
  return KAM_LIB.run('PALIVE', [frequency, recency, age, bgParams]);
}

/**
 * Expected purchases of each customer in the next t time units under BG/NBD with given parameters.
 *
 * @param {Array<Array<*>>} frequency Repeat purchases (whole numbers).
 * @param {Array<Array<*>>} recency First to last purchase.
 * @param {Array<Array<*>>} age T: first purchase to the end of the log.
 * @param {Array<Array<*>>} bgParams The BG/NBD parameters r, alpha, a, b.
 * @param {number} t The horizon, in the unit of recency and T.
 * @return Expected purchases for each customer.
 * @customfunction
 */
async function KAM_PURCHASES(frequency, recency, age, bgParams, t) {
  return KAM_LIB.run('PURCHASES', [frequency, recency, age, bgParams, t]);
}

/**
 * Customer lifetime value: expected purchases (BG/NBD) × expected spend (Gamma-Gamma), month by month over the horizon, discounted.
 *
 * @param {Array<Array<*>>} frequency Repeat purchases (whole numbers).
 * @param {Array<Array<*>>} recency First to last purchase.
 * @param {Array<Array<*>>} age T: first purchase to the end of the log.
 * @param {Array<Array<*>>} monetary Mean spend of the repeat purchases.
 * @param {Array<Array<*>>} bgParams The BG/NBD parameters r, alpha, a, b.
 * @param {Array<Array<*>>} ggParams The Gamma-Gamma parameters p, q, gamma.
 * @param {number} [horizon] Months ahead; default 12.
 * @param {string} [unit] The unit of recency, T and alpha: day, week (default) or month.
 * @param {number} [discountRate] Discount rate per month; default 0.01.
 * @return The CLV of each customer.
 * @customfunction
 */
async function KAM_CLV(frequency, recency, age, monetary, bgParams, ggParams, horizon, unit, discountRate) {
  return KAM_LIB.run('CLV', [frequency, recency, age, monetary, bgParams, ggParams, horizon, unit, discountRate]);
}

/**
 * The learned win probability 0–1 of each deal row, from a win model fitted on the team's won and lost deals (its JSON text in a cell).
 *
 * @param {Array<Array<*>>} row The deal's row, e.g. A2:U2, or many rows, e.g. A2:U301.
 * @param {Array<Array<*>>} headers The header row, e.g. A1:U1.
 * @param {string} model The win model's JSON text, as fitWinModel gives it.
 * @return The probability of each row.
 * @customfunction
 */
async function KAM_WINPROB(row, headers, model) {
  return KAM_LIB.run('WINPROB', [row, headers, model]);
}
