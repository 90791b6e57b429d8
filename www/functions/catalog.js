// @ts-check
// The spreadsheet functions, declared once: name, arguments, result and help, in English and
// Chinese. Everything else that describes them is generated from this table
// (scripts/functions_outputs.mjs): the Excel metadata (www/excel/functions.json), the Apps
// Script stubs in pkg/gsheets/kam-score.js, npm/kam-functions.d.ts, the help page
// (www/functions/help.html) and the README's table of functions.
// tests/js/functions_catalog.test.mjs checks that each of them agrees with it and that
// kam-functions.js implements exactly these functions.
//
// An argument's `kind` says how a host passes it:
//   range   a cell or a range (Excel: any[][]; Sheets: a 2-D array);
//   ranges  any number of cells or ranges (the last argument, repeated);
//   model   a preset name or a model document's JSON text;
//   lang    zh-CN (default), en or code;
//   text    one text cell;
//   number  one number cell.
// `ts` overrides the argument's type in the TypeScript declarations.

/** Where the functions' help page (www/functions/help.html) is served: the add-in's origin (manifest.xml). */
export const HELP_BASE = 'https://localhost:3000/functions/help.html';

/**
 * @typedef {{ en: string, zh: string }} Text
 * @typedef {'range' | 'ranges' | 'model' | 'lang' | 'text' | 'number'} ArgumentKind
 * @typedef {{ name: string, kind: ArgumentKind, optional?: boolean, ts?: string, description: Text }} Argument
 * @typedef {{ name: string, description: Text, args: Argument[], result: { cells: 'number' | 'text', description: Text } }} KamFunction
 */

/** @type {Argument} */
const LANG = {
  name: 'lang',
  kind: 'lang',
  optional: true,
  description: { en: 'zh-CN (default), en or code.', zh: 'zh-CN（默认）、en 或 code。' },
};
/** @type {Argument} */
const BG_PARAMS = {
  name: 'bgParams',
  kind: 'range',
  description: {
    en: 'The BG/NBD parameters r, alpha, a, b: four cells, e.g. $H$1:$K$1, or a text "0.243, 4.414, 0.793, 2.426".',
    zh: 'BG/NBD 参数 r、alpha、a、b：四个单元格，如 $H$1:$K$1，或一段文字 "0.243, 4.414, 0.793, 2.426"。',
  },
};
/** @type {Argument} */
const FREQUENCY = {
  name: 'frequency',
  kind: 'range',
  description: { en: 'Repeat purchases (whole numbers), e.g. B2:B500.', zh: '重复购买次数（整数），如 B2:B500。' },
};
/** @type {Argument} */
const RECENCY = {
  name: 'recency',
  kind: 'range',
  description: { en: 'First to last purchase, e.g. C2:C500.', zh: '首次到最近一次购买的时长，如 C2:C500。' },
};
/** @type {Argument} */
const AGE = {
  name: 'age',
  kind: 'range',
  description: { en: 'T: first purchase to the end of the log, e.g. D2:D500.', zh: 'T：首次购买到记录截止的时长，如 D2:D500。' },
};
/** @type {(what: 'account' | 'deal') => Argument} */
const ROW = (what) => ({
  name: 'row',
  kind: 'range',
  description: {
    en: `The ${what}'s row of cells, e.g. A2:U2, or several rows, e.g. A2:U301.`,
    zh: `${what === 'deal' ? '商机' : '客户'}的一行单元格，如 A2:U2；或多行，如 A2:U301。`,
  },
});
/** @type {Argument} */
const HEADERS = {
  name: 'headers',
  kind: 'range',
  description: { en: 'The header row, e.g. A$1:U$1.', zh: '表头行，如 A$1:U$1。' },
};

/** @type {KamFunction[]} */
export const KAM_FUNCTIONS = [
  {
    name: 'SCORE',
    description: {
      en: 'The value score 0–100 of an account row, its cells read under the header row by their aliases (年采购额(万元), 毛利率, 信用等级 …); a range of several rows gives one score per row.',
      zh: '客户行的价值评分 0–100，按表头的别名（年采购额(万元)、毛利率、信用等级 …）读取单元格；多行的区域每行给一个评分。',
    },
    args: [
      ROW('account'),
      HEADERS,
      {
        name: 'model',
        kind: 'model',
        optional: true,
        description: {
          en: 'A preset (key_account, attractiveness, value_pyramid, bank, rfm) or a model document\'s JSON text; default key_account.',
          zh: '预设模型（key_account、attractiveness、value_pyramid、bank、rfm）或模型文档的 JSON 文本；默认 key_account。',
        },
      },
    ],
    result: {
      cells: 'number',
      description: {
        en: 'The score of each row; #VALUE! names an unreadable cell, #N/A says why there is no score.',
        zh: '每行的评分；#VALUE! 指出无法读取的单元格，#N/A 说明没有评分的原因。',
      },
    },
  },
  {
    name: 'SCORE_TABLE',
    description: {
      en: 'Scores a whole table at once (header row first) and spills the computed columns: score, tier, next tier, gap, the change that reaches it, coverage, problems, problem codes, ABC class, matrix cell, top suggestion.',
      zh: '一次为整张表（首行为表头）评分并溢出计算列：评分、等级、下一等级、差距、达到它的改变、覆盖率、问题、问题代码、ABC 类、矩阵格、首要建议。',
    },
    args: [
      {
        name: 'table',
        kind: 'range',
        description: { en: 'The table with its header row, e.g. A1:U301.', zh: '含表头行的表，如 A1:U301。' },
      },
      {
        name: 'model',
        kind: 'model',
        optional: true,
        description: { en: 'A preset or a model document\'s JSON text; default key_account.', zh: '预设模型或模型文档的 JSON 文本；默认 key_account。' },
      },
      LANG,
    ],
    result: {
      cells: 'text',
      description: { en: 'A header row and one row per data row.', zh: '一行表头，每个数据行一行结果。' },
    },
  },
  {
    name: 'TIER',
    description: { en: 'The value tier of each score.', zh: '每个评分的价值等级。' },
    args: [
      { name: 'score', kind: 'range', description: { en: 'A score or a range of scores.', zh: '一个评分或一列评分。' } },
      LANG,
    ],
    result: { cells: 'text', description: { en: 'The tier of each score.', zh: '每个评分的等级。' } },
  },
  {
    name: 'ABC',
    description: {
      en: 'The ABC class of each value in a column (by count, or by cumulative share).',
      zh: '一列数值中每个值的 ABC 分类（按数量，或按累计占比）。',
    },
    args: [
      { name: 'values', kind: 'range', description: { en: 'A column of values, e.g. annual purchases.', zh: '一列数值，如年采购额。' } },
      {
        name: 'method',
        kind: 'text',
        optional: true,
        ts: '"count" | "share" | null',
        description: { en: 'count (default) or share.', zh: 'count（默认）或 share。' },
      },
    ],
    result: {
      cells: 'text',
      description: { en: 'A, B or C for each value; empty where there is no value.', zh: '每个值的 A、B 或 C；没有值处为空。' },
    },
  },
  {
    name: 'PIPELINE',
    description: {
      en: 'The ten-level pipeline grade (A21 … A01) from TRUE/FALSE facts in the order of pipelineFactKeys(); one range of several rows grades each row.',
      zh: '由按 pipelineFactKeys() 顺序排列的 TRUE/FALSE 事实得出十级商机等级（A21 … A01）；一个多行区域逐行分级。',
    },
    args: [
      {
        name: 'facts',
        kind: 'ranges',
        description: {
          en: 'TRUE/FALSE cells or ranges, in the order lead_data, key_facts_known, target_industry, size_ok, …',
          zh: 'TRUE/FALSE 单元格或区域，顺序为 lead_data、key_facts_known、target_industry、size_ok …',
        },
      },
    ],
    result: { cells: 'text', description: { en: 'The grade code.', zh: '等级代码。' } },
  },
  {
    name: 'STRATEGY',
    description: {
      en: 'The relationship strategy for an attractiveness letter (A/B/C or a 0–100 score) and a relationship status (1–6).',
      zh: '由吸引力字母（A/B/C 或 0–100 的评分）和关系状态（1–6）得出的关系策略。',
    },
    args: [
      { name: 'letter', kind: 'range', description: { en: 'Attractiveness: A, B, C or a score.', zh: '吸引力：A、B、C 或评分。' } },
      { name: 'status', kind: 'range', description: { en: 'Relationship status 1–6.', zh: '关系状态 1–6。' } },
      LANG,
    ],
    result: { cells: 'text', description: { en: 'The strategy.', zh: '策略。' } },
  },
  {
    name: 'CADENCE',
    description: {
      en: 'How often, how and by whom to contact an account of a tier (vip, 重要客户 …) or class (A/B/C).',
      zh: '某等级（vip、重要客户 …）或类别（A/B/C）的客户多久联系一次、如何联系、由谁联系。',
    },
    args: [
      { name: 'tier', kind: 'range', description: { en: 'A tier or class.', zh: '等级或类别。' } },
      LANG,
    ],
    result: { cells: 'text', description: { en: 'The contact cadence.', zh: '联系节奏。' } },
  },
  {
    name: 'PALIVE',
    description: {
      en: 'P(alive) 0–1 of each customer under BG/NBD with given (published or fitted) parameters, no fit per cell; recency, T and alpha are in the same time unit.',
      zh: '在给定（已发表或已拟合）参数下按 BG/NBD 计算每个客户的 P(alive) 0–1，不逐格拟合；recency、T 与 alpha 用同一时间单位。',
    },
    args: [FREQUENCY, RECENCY, AGE, BG_PARAMS],
    result: { cells: 'number', description: { en: 'P(alive) for each customer.', zh: '每个客户的 P(alive)。' } },
  },
  {
    name: 'PURCHASES',
    description: {
      en: 'Expected purchases of each customer in the next t time units under BG/NBD with given parameters.',
      zh: '在给定参数下按 BG/NBD 计算每个客户在接下来 t 个时间单位内的预期购买次数。',
    },
    args: [
      FREQUENCY,
      RECENCY,
      AGE,
      BG_PARAMS,
      { name: 't', kind: 'number', description: { en: 'The horizon, in the unit of recency and T.', zh: '预测期，与 recency 和 T 同单位。' } },
    ],
    result: { cells: 'number', description: { en: 'Expected purchases for each customer.', zh: '每个客户的预期购买次数。' } },
  },
  {
    name: 'CLV',
    description: {
      en: 'Customer lifetime value: expected purchases (BG/NBD) × expected spend (Gamma-Gamma), month by month over the horizon, discounted.',
      zh: '客户终身价值：预期购买次数（BG/NBD）× 预期消费额（Gamma-Gamma），在预测期内逐月折现。',
    },
    args: [
      FREQUENCY,
      RECENCY,
      AGE,
      { name: 'monetary', kind: 'range', description: { en: 'Mean spend of the repeat purchases.', zh: '重复购买的平均消费额。' } },
      BG_PARAMS,
      {
        name: 'ggParams',
        kind: 'range',
        description: {
          en: 'The Gamma-Gamma parameters p, q, gamma: three cells or a text.',
          zh: 'Gamma-Gamma 参数 p、q、gamma：三个单元格或一段文字。',
        },
      },
      { name: 'horizon', kind: 'number', optional: true, description: { en: 'Months ahead; default 12.', zh: '向前预测的月数；默认 12。' } },
      {
        name: 'unit',
        kind: 'text',
        optional: true,
        description: {
          en: 'The unit of recency, T and alpha: day, week (default) or month (30.4375 days).',
          zh: 'recency、T 与 alpha 的单位：day、week（默认）或 month（30.4375 天）。',
        },
      },
      {
        name: 'discountRate',
        kind: 'number',
        optional: true,
        description: { en: 'Discount rate per month; default 0.01.', zh: '每月折现率；默认 0.01。' },
      },
    ],
    result: { cells: 'number', description: { en: 'The CLV of each customer.', zh: '每个客户的 CLV。' } },
  },
  {
    name: 'WINPROB',
    description: {
      en: 'The learned win probability 0–1 of each deal row, from a win model fitted on the team\'s won and lost deals (its JSON text in a cell); a range of several rows gives one probability per row.',
      zh: '由团队赢单与输单拟合的赢单模型（其 JSON 文本在一个单元格中）得出每个商机行的赢单概率 0–1；多行的区域每行给一个概率。',
    },
    args: [
      ROW('deal'),
      HEADERS,
      {
        name: 'model',
        kind: 'model',
        ts: 'string | object',
        description: { en: 'The win model\'s JSON text, as fitWinModel gives it.', zh: '赢单模型的 JSON 文本，即 fitWinModel 给出的文本。' },
      },
    ],
    result: {
      cells: 'number',
      description: {
        en: 'The probability of each row; #VALUE! names an unreadable cell or a bad model.',
        zh: '每行的概率；#VALUE! 指出无法读取的单元格或有误的模型。',
      },
    },
  },
];

/** The function names, the same in every host (Excel: KAM.SCORE; Sheets: KAM_SCORE). */
export const KAM_FUNCTION_NAMES = KAM_FUNCTIONS.map((f) => f.name);

/**
 * The help address of a function: its section of the help page.
 * @param {string} name
 */
export function helpUrl(name) {
  return `${HELP_BASE}#${name}`;
}
