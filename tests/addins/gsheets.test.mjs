// The Google Sheets Apps Script bundle (pkg/gsheets/kam-score.js) in a bare V8 context: Node's
// `vm.createContext({})` has only what the language itself defines — no TextEncoder,
// TextDecoder, atob, Buffer, crypto, URL, fetch, timers or require, like Apps Script's V8. The
// KAM_* functions are called the way Sheets calls them: a single cell as its value, a range as
// a 2-D array with "" for empty cells, a date cell as a Date, an omitted argument as undefined,
// every value made in the script's own realm. Results are checked against the crate (pkg/node).
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import vm from 'node:vm';
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';

const require = createRequire(import.meta.url);
const kam = require('../../pkg/node/kam_score.js');
const bundle = readFileSync(new URL('../../pkg/gsheets/kam-score.js', import.meta.url), 'utf8');
const manifest = JSON.parse(readFileSync(new URL('../../pkg/gsheets/appsscript.json', import.meta.url), 'utf8'));
const sample = JSON.parse(readFileSync(new URL('../../www/sample/accounts.json', import.meta.url)));
const headers = Object.keys(sample[0]);
const NAMES = ['KAM_SCORE', 'KAM_SCORE_TABLE', 'KAM_TIER', 'KAM_ABC', 'KAM_PIPELINE', 'KAM_STRATEGY', 'KAM_CADENCE',
  'KAM_PALIVE', 'KAM_PURCHASES', 'KAM_CLV', 'KAM_WINPROB'];
let context;
let globalsBefore;

/** A value as source text for the script's realm (Dates as `new Date(…)`). */
function source(v) {
  if (v === undefined) return 'undefined';
  if (v instanceof Date) return `new Date(${v.getTime()})`;
  if (Array.isArray(v)) return `[${v.map(source).join(',')}]`;
  return JSON.stringify(v);
}

/** Calls a custom function as Sheets does; a thrown error comes back as {thrown: message}. */
async function sheets(name, ...args) {
  try {
    const result = await vm.runInContext(`${name}(${args.map(source).join(',')})`, context);
    return JSON.parse(JSON.stringify(result));
  } catch (e) {
    assert.equal(e.constructor.name, 'Error', 'a thrown Error, as Sheets shows it');
    return { thrown: e.message };
  }
}

before(() => {
  context = vm.createContext({});
  globalsBefore = vm.runInContext(
    "['TextEncoder','TextDecoder','atob','btoa','Buffer','process','require','setTimeout','crypto','URL','fetch','Response','Request'].filter((n) => typeof globalThis[n] !== 'undefined')",
    context,
  );
  vm.runInContext(bundle, context, { filename: 'kam-score.js' });
});

const rowObject = (values) => Object.fromEntries(headers.map((h, i) => [h, values[i] === '' ? null : values[i]]));
const expected = (values) => {
  if (values.every((v) => v === '')) return '';
  const card = kam.scoreAccount(rowObject(values));
  if (card.score === null) return '#N/A';
  return card.score;
};
const shown = (v) => Math.round(v * 10) / 10;
const code = (v) => (typeof v === 'string' && v.startsWith('#') ? v.split(' ')[0] : v);

test('the bundle runs in a bare V8 context: no Node or browser globals, polyfills installed', () => {
  assert.deepEqual(JSON.parse(JSON.stringify(globalsBefore)), [], 'the context starts bare');
  assert.equal(manifest.runtimeVersion, 'V8');
  for (const name of NAMES) {
    assert.equal(vm.runInContext(`typeof ${name}`, context), 'function', name);
    assert.equal(vm.runInContext(`${name}.constructor.name`, context), 'AsyncFunction', name);
  }
  const roundTrip = vm.runInContext("new TextDecoder('utf-8').decode(new TextEncoder().encode('年采购额 ¥1.2万 😀 a'))", context);
  assert.equal(roundTrip, '年采购额 ¥1.2万 😀 a');
  const into = vm.runInContext("(() => { const v = new Uint8Array(4); return new TextEncoder().encodeInto('a中b', v); })()", context);
  assert.deepEqual({ ...into }, { read: 2, written: 4 });
  assert.equal(vm.runInContext("new TextDecoder().decode(new Uint8Array([0x61, 0xff, 0x62]))", context), 'a\uFFFDb');
});

test('KAM_SCORE: a row, a date cell, an unreadable cell, and a 1,000-row range', async () => {
  for (const i of [0, 2, 150, 299]) {
    const values = headers.map((h) => sample[i][h]);
    assert.deepEqual(await sheets('KAM_SCORE', [values], [headers]), [[expected(values)]], `row ${i}`);
  }
  // One rule (MODEL §2): the row with 很多 in 年采购额 is scored from its other cells.
  const badValues = headers.map((h) => sample[17][h]);
  assert.deepEqual(await sheets('KAM_SCORE', [badValues], [headers]), [[expected(badValues)]]);
  const none = await sheets('KAM_SCORE', [['甲公司']], [['客户名称']]);
  assert.match(none.thrown, /一项都没有/, 'no score is an error with the reason, never 0');

  const dated = headers.map((h) => sample[5][h]);
  const at = headers.indexOf('最近下单日期');
  dated[at] = new Date(Date.UTC(2026, 2, 15));
  const want = kam.scoreAccount(rowObject(dated));
  assert.deepEqual(await sheets('KAM_SCORE', [dated], [headers], 'rfm'), [[kam.scoreAccount(rowObject(dated), 'rfm').score]]);
  assert.deepEqual(await sheets('KAM_SCORE', [dated], [headers]), [[want.score]]);

  const rows = [];
  for (let i = 0; i < 1000; i++) {
    const values = headers.map((h) => sample[i % sample.length][h]);
    if (i % 7 === 3) values.forEach((v, j) => { if (/^-?\d+(\.\d+)?$/.test(v)) values[j] = Number(v); });
    if (i % 97 === 5) values.fill('');
    rows.push(values);
  }
  const got = await sheets('KAM_SCORE', rows, [headers]);
  assert.equal(got.length, 1000);
  rows.forEach((values, i) => assert.deepEqual(code(got[i][0]), expected(values), `row ${i}`));
  assert.equal(typeof got[17][0], 'number', 'the row with an unreadable cell is scored from the rest (MODEL §2)');

  const table = await sheets('KAM_SCORE_TABLE', [headers, ...rows], 'key_account');
  assert.equal(table.length, 1001);
  assert.deepEqual(table[0], ['评分', '等级', '下一等级', '差距', '提升建议', '数据覆盖', '问题', '问题代码', 'ABC分类', '吸引力字母', '矩阵格', '矩阵格依据', '生命周期阶段', '首要建议']);
  rows.forEach((values, i) => {
    const out = table[i + 1];
    if (values.every((v) => v === '')) return;
    const card = kam.scoreAccount(rowObject(values));
    assert.equal(out[0], card.score === null ? '' : shown(card.score), `table row ${i}`);
    assert.equal(out[5], Math.round(card.coverage * 1000) / 1000);
    if (!card.errors.length) {
      assert.equal(out[1], card.tier?.zh ?? '');
      assert.equal(out[4], card.nextTier?.moves[0]?.text.zh ?? '');
    }
  });
  assert.match((await sheets('KAM_SCORE_TABLE', [headers, rows[0]], 'nope')).thrown, /no preset named "nope"/);
});

test('KAM_TIER and KAM_ABC take a single cell or a range', async () => {
  assert.deepEqual(await sheets('KAM_TIER', 85), [[kam.valueTierText(85)]]);
  assert.deepEqual(await sheets('KAM_TIER', 85, 'en'), [[kam.valueTierText(85, 'en')]]);
  const tiers = await sheets('KAM_TIER', [[85], [''], ['61'], ['高']]);
  assert.deepEqual(tiers.slice(0, 3), [[kam.valueTierText(85)], [''], [kam.valueTierText(61)]]);
  assert.match(tiers[3][0], /^#VALUE! score "高"/);
  assert.match((await sheets('KAM_TIER', '高')).thrown, /score "高"/);

  const values = [[500], [300], [120], [80], [''], [60], [40], [20], [10], [5], [5]];
  const want = kam.abcClasses(values.map(([v]) => (v === '' ? NaN : v)));
  assert.deepEqual(await sheets('KAM_ABC', values), want.map((c) => [c ?? '']));
  const withText = await sheets('KAM_ABC', [['¥500万'], ['很多'], ['120']]);
  assert.equal(withText[0][0], 'A');
  assert.match(withText[1][0], /^#VALUE! value "很多"/);
  assert.deepEqual(await sheets('KAM_ABC', [[500, 300, 120]], 'share'), [kam.abcClasses([500, 300, 120], { method: 'share' })]);
});

test('KAM_PIPELINE, KAM_STRATEGY and KAM_CADENCE', async () => {
  // Separate arguments, as =KAM_PIPELINE(TRUE, TRUE, C2:D2) passes them.
  assert.deepEqual(await sheets('KAM_PIPELINE', true, true, [[true, true]]), [[kam.pipelineGrade([true, true, true, true]).code]]);
  const rows = [
    kam.pipelineFactKeys().map((k) => k === 'paid'),
    kam.pipelineFactKeys().map((_, i) => i < 4),
  ];
  assert.deepEqual(await sheets('KAM_PIPELINE', rows), rows.map((r) => [kam.pipelineGrade(r).code]));
  assert.match((await sheets('KAM_PIPELINE', 'maybe')).thrown, /yes\/no/);

  assert.deepEqual(await sheets('KAM_STRATEGY', 'C', 1), [[kam.matrixStrategy('C', 1).strategy.zh]]);
  assert.deepEqual(await sheets('KAM_STRATEGY', [['A'], ['B']], [[2], [5]], 'en'),
    [[kam.matrixStrategy('A', 2).strategy.en], [kam.matrixStrategy('B', 5).strategy.en]]);
  assert.match((await sheets('KAM_STRATEGY', 'Q', 1)).thrown, /attractiveness letter "Q"/);

  const c = kam.cadence('vip');
  assert.deepEqual(await sheets('KAM_CADENCE', 'vip'), [[[c.frequency.zh, c.channel.zh, c.owner.zh].join('，')]]);
  assert.deepEqual(await sheets('KAM_CADENCE', [['A'], ['']], 'code'), [[kam.cadence('A').frequency.code], ['']]);
});

test('KAM_PALIVE, KAM_PURCHASES and KAM_CLV with published parameters', async () => {
  const BG = { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 };
  const GG = { p: 6.25, q: 3.74, gamma: 15.44 };
  const x = [[2], [0], [7], [3]];
  const tx = [[30.43], [0], [35], [40]];
  const T = [[38.86], [38.86], [38], [38]];
  const m = [[30], [0], [45.5], [20]];
  const ok = { frequency: [2, 0, 7], recency: [30.43, 0, 35], T: [38.86, 38.86, 38] };
  const alive = await sheets('KAM_PALIVE', x, tx, T, [[BG.r, BG.alpha, BG.a, BG.b]]);
  const want = kam.bgNbdPredict(BG, ok, 0).pAlive;
  [0, 1, 2].forEach((i) => assert.equal(alive[i][0], want[i]));
  assert.match(alive[3][0], /^#VALUE! .*recency 40 is larger than T 38/);
  const one = await sheets('KAM_PURCHASES', 2, 30.43, 38.86, '0.243 4.414 0.793 2.426', 39);
  assert.equal(Math.round(one[0][0] * 1000) / 1000, 1.226);
  const clv = await sheets('KAM_CLV', x.slice(0, 3), tx.slice(0, 3), T.slice(0, 3), m.slice(0, 3),
    [[BG.r], [BG.alpha], [BG.a], [BG.b]], [[GG.p, GG.q, GG.gamma]], 24, 'week', 0.005);
  const values = kam.customerLifetimeValue(BG, GG, { ...ok, monetary: [30, 0, 45.5] }, { horizon: 24, unit: 'week', discountRate: 0.005 });
  assert.deepEqual(clv.map((r) => r[0]), Array.from(values));
  assert.match((await sheets('KAM_PALIVE', 2, 30, 38, [[1, 2]])).thrown, /4 numbers/);
});

test('KAM_WINPROB: the learned win probability of each deal row', async () => {
  const header = ['行业', '年采购额', '成交结果'];
  const deals = [];
  for (let i = 0; i < 90; i++) {
    const industry = ['制造', '零售', '物流'][i % 3];
    deals.push({ 行业: industry, 年采购额: 10000 * (1 + (i % 9)), 成交结果: (industry === '制造') !== (i % 8 === 0) ? '赢单' : '丢单' });
  }
  const model = JSON.stringify(kam.fitWinModel(deals));
  const got = await sheets('KAM_WINPROB', [['制造', 20000, ''], ['', '', ''], ['物流', 90000, '']], [header], model);
  assert.equal(got[0][0], kam.winProbability(model, { 行业: '制造', 年采购额: 20000 }).probability);
  assert.equal(got[1][0], '');
  assert.equal(got[2][0], kam.winProbability(model, { 行业: '物流', 年采购额: 90000 }).probability);
  assert.match((await sheets('KAM_WINPROB', [['制造', 1, '']], [header], 'not json')).thrown, /win model/);
});
