// The Excel add-in's functions file in headless Chromium (Debian's, driven by playwright-core),
// loaded by the add-in's own page (taskpane.html, the shared runtime) with stand-ins for the
// `CustomFunctions`, `Office` and `Excel` globals. Every function is called with 2-D ranges as
// Excel passes them — empty cells, text in number columns, a 1,000-row range — and each result
// is checked against the crate (pkg/node).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import { chromium } from 'playwright-core';

const require = createRequire(import.meta.url);
const kam = require('../../pkg/node/kam_score.js');
const root = new URL('../../', import.meta.url).pathname;
const port = 8900 + Math.floor(Math.random() * 500);
const origin = `http://127.0.0.1:${port}`;
const sample = JSON.parse(readFileSync(new URL('../../www/sample/accounts.json', import.meta.url)));
const headers = Object.keys(sample[0]);
const metadata = JSON.parse(readFileSync(new URL('../../www/excel/functions.json', import.meta.url)));
let server;
let browser;
let page;
const wasmRequests = [];
const pageErrors = [];

// Stand-ins for what Excel provides in the add-in's runtime. Errors keep their code and
// message so the test can read them; the sheet behind `Excel.run` is `window.__sheet`.
function standIns() {
  window.__kamFunctions = {};
  class CustomFunctionsError {
    constructor(code, message) { this.code = code; this.message = message; }
  }
  window.CustomFunctions = {
    associate(id, fn) { window.__kamFunctions[id] = fn; },
    Error: CustomFunctionsError,
    ErrorCode: {
      invalidValue: '#VALUE!', notAvailable: '#N/A', divisionByZero: '#DIV/0!', invalidNumber: '#NUM!',
      nullReference: '#NULL!', invalidName: '#NAME?', invalidReference: '#REF!',
    },
  };
  window.Office = { onReady: () => Promise.resolve({ host: 'Excel', platform: 'OfficeOnline' }) };
  window.__sheet = { values: [[]], selectedRow: 0, handlers: [] };
  const range = (r, c, h, w) => ({
    load() {},
    get values() { return window.__sheet.values.slice(r, r + h).map((row) => row.slice(c, c + w)); },
  });
  window.Excel = {
    run: async (fn) => fn({
      workbook: {
        worksheets: {
          getActiveWorksheet: () => ({
            getUsedRange: () => ({ load() {}, rowIndex: 0, columnIndex: 0, columnCount: window.__sheet.values[0].length }),
            getRangeByIndexes: range,
          }),
          onSelectionChanged: { add: (h) => window.__sheet.handlers.push(h) },
        },
        getSelectedRange: () => ({ load() {}, get rowIndex() { return window.__sheet.selectedRow; } }),
      },
      sync: async () => {},
    }),
  };
}

/** Calls KAM.<name> in the page as Excel does; errors come back as {error, message}. */
async function call(name, ...args) {
  return page.evaluate(async ([fname, fargs]) => {
    const plain = (v) => (v instanceof window.CustomFunctions.Error ? { error: v.code, message: v.message } : v);
    try {
      const r = await window.__kamFunctions[fname](...fargs);
      return Array.isArray(r) ? r.map((row) => (Array.isArray(row) ? row.map(plain) : plain(row))) : plain(r);
    } catch (e) {
      return { thrown: plain(e) };
    }
  }, [name, args]);
}

before(async () => {
  server = spawn('python3', ['scripts/serve_addin.py', '--http', '--port', String(port), '--dir', 'www'],
    { cwd: root, stdio: 'ignore', env: { ...process.env, KAM_QUIET: '1' } });
  for (let i = 0; i < 100; i++) {
    try { if ((await fetch(`${origin}/excel/taskpane.html`)).ok) break; } catch { /* not up yet */ }
    await new Promise((r) => setTimeout(r, 100));
  }
  browser = await chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  const context = await browser.newContext({ locale: 'zh-CN' });
  page = await context.newPage();
  page.on('request', (req) => { if (req.url().endsWith('.wasm')) wasmRequests.push(req.url()); });
  page.on('pageerror', (err) => pageErrors.push(String(err)));
  // Office.js itself is not fetched: the stand-ins above play its part.
  await page.route('https://appsforoffice.microsoft.com/**', (route) => route.fulfill({ contentType: 'text/javascript', body: '/* Office.js stand-in */' }));
  await page.addInitScript(standIns);
  await page.goto(`${origin}/excel/taskpane.html`);
  await page.waitForSelector('body[data-ready="true"]');
});

after(async () => {
  await browser?.close();
  server?.kill();
});

const rowObject = (values) => Object.fromEntries(headers.map((h, i) => [h, values[i] === '' ? null : values[i]]));
const expectedScore = (values) => {
  if (values.every((v) => v === '' || v === null)) return '';
  const card = kam.scoreAccount(rowObject(values));
  // One rule (MODEL §2): an unreadable cell leaves its factor out; the row is still scored.
  if (card.score === null) return { error: '#N/A' };
  return card.score;
};
const TABLE_ZH = ['评分', '等级', '下一等级', '差距', '提升建议', '数据覆盖', '问题', '问题代码', 'ABC分类', '吸引力字母', '矩阵格', '矩阵格依据', '生命周期阶段', '首要建议'];
const TABLE_EN = ['Score', 'Tier', 'Next tier', 'Gap', 'How to reach it', 'Coverage', 'Problems', 'Problem codes', 'ABC class', 'Attractiveness letter', 'Matrix cell', 'Cell from', 'Lifecycle stage', 'Top suggestion'];
const shown = (v) => Math.round(v * 10) / 10;
const shape = (v) => (v && typeof v === 'object' && 'error' in v ? { error: v.error } : v);

/** 1,000 rows as Excel passes them: the sample's texts, numbers as numbers, blanks, bad cells. */
function thousandRows() {
  const rows = [];
  for (let i = 0; i < 1000; i++) {
    const values = headers.map((h) => sample[i % sample.length][h]);
    if (i % 7 === 3) values.forEach((v, j) => { if (/^-?\d+(\.\d+)?$/.test(v)) values[j] = Number(v); });
    if (i % 97 === 5) values.fill('');
    if (i % 131 === 7) values[headers.indexOf('毛利率')] = '高';
    rows.push(values);
  }
  return rows;
}

test('the metadata is generated from the catalog and every function in it is associated', async () => {
  const ids = metadata.functions.map((f) => f.id).sort();
  assert.deepEqual(ids, ['ABC', 'CADENCE', 'CLV', 'PALIVE', 'PIPELINE', 'PURCHASES', 'SCORE', 'SCORE_TABLE', 'STRATEGY', 'TIER', 'WINPROB']);
  assert.deepEqual(await page.evaluate(() => Object.keys(window.__kamFunctions).sort()), ids);
  const pipeline = metadata.functions.find((f) => f.id === 'PIPELINE');
  assert.equal(pipeline.parameters[0].repeating, true);
  assert.ok(metadata.functions.every((f) => f.result.dimensionality === 'matrix'));
  assert.equal(wasmRequests.length, 1, 'the wasm is fetched once for the functions and the task pane');
  assert.deepEqual(pageErrors, []);
});

test('SCORE: one row, empty cells, text in a number column, a blank row, a 1,000-row range', async () => {
  for (const i of [0, 1, 2, 17, 150, 299]) {
    const values = headers.map((h) => sample[i][h]);
    const got = await call('SCORE', [values], [headers], null);
    assert.deepEqual(got.map((r) => shape(r[0])), [expectedScore(values)], `sample row ${i}`);
  }
  // One rule (MODEL §2): the row with 很多 in 年采购额 is scored from its other cells.
  const badValues = headers.map((h) => sample[17][h]);
  const bad = await call('SCORE', [badValues], [headers], null);
  assert.equal(typeof bad[0][0], 'number');
  assert.equal(bad[0][0], expectedScore(badValues));
  assert.deepEqual(await call('SCORE', [headers.map(() => '')], [headers], null), [['']]);
  const nothing = await call('SCORE', [['甲公司']], [['客户名称']], null);
  assert.equal(nothing[0][0].error, '#N/A', 'no score is #N/A with the reason, never 0');
  assert.match(nothing[0][0].message, /一项都没有/);

  const rows = thousandRows();
  const got = await call('SCORE', rows, [headers], 'key_account');
  assert.equal(got.length, 1000);
  rows.forEach((values, i) => assert.deepEqual(shape(got[i][0]), expectedScore(values), `row ${i}`));

  // Per-cell calls, as a filled-down column makes them: one Scorer, built once.
  const perCell = await page.evaluate(async ([r, h]) => {
    const out = [];
    for (const row of r) out.push((await window.__kamFunctions.SCORE([row], [h], null))[0][0]);
    return { first: out[0], count: out.length };
  }, [rows.slice(0, 300), headers]);
  assert.equal(perCell.count, 300);
  assert.equal(perCell.first, expectedScore(rows[0]));

  for (const model of ['rfm', 'value_pyramid', JSON.stringify(kam.presetModel('bank'))]) {
    const values = headers.map((h) => sample[3][h]);
    const want = kam.scoreAccount(rowObject(values), model);
    const r = await call('SCORE', [values], [headers], model);
    assert.deepEqual(shape(r[0][0]), want.errors.length ? { error: '#VALUE!' } : want.score ?? { error: '#N/A' }, model.slice(0, 20));
  }
});

test('SCORE refuses a bad model or a row wider than its header with #VALUE! and the reason', async () => {
  const values = headers.map((h) => sample[0][h]);
  const badModel = await call('SCORE', [values], [headers], 'no_such_model');
  assert.equal(badModel.thrown.error, '#VALUE!');
  assert.match(badModel.thrown.message, /no preset named "no_such_model"/);
  const wide = await call('SCORE', [[...values, 'x']], [headers], null);
  assert.equal(wide.thrown.error, '#VALUE!');
  assert.match(wide.thrown.message, /26 cells for 25 headers/);
  const noHeaders = await call('SCORE', [values], [headers.map(() => '')], null);
  assert.match(noHeaders.thrown.message, /header range is empty/);
});

test('SCORE_TABLE spills a header row and the computed columns for 1,000 rows', async () => {
  const rows = thousandRows();
  const got = await call('SCORE_TABLE', [headers, ...rows], null, null);
  assert.deepEqual(got[0], TABLE_ZH);
  assert.equal(got.length, 1001);
  rows.forEach((values, i) => {
    const out = got[i + 1];
    assert.equal(out.length, TABLE_ZH.length);
    if (values.every((v) => v === '')) { assert.deepEqual(out, TABLE_ZH.map(() => '')); return; }
    const card = kam.scoreAccount(rowObject(values));
    assert.equal(out[0], card.score === null ? '' : shown(card.score), `row ${i}`);
    assert.equal(out[5], Math.round(card.coverage * 1000) / 1000);
    // An unreadable cell is named in the problems column, in the user's language, with its code.
    for (const e of card.errors) {
      assert.ok(out[6].includes(e.text) && out[6].includes(e.zh), `row ${i}: ${out[6]}`);
      assert.ok(out[7].includes(e.code), `row ${i}: ${out[7]}`);
    }
    assert.equal(out[1], card.tier?.zh ?? '');
    assert.equal(out[2], card.nextTier?.tier.zh ?? '');
    assert.equal(out[3], card.nextTier ? shown(card.nextTier.gap) : '');
    assert.equal(out[4], card.nextTier?.moves[0]?.text.zh ?? '');
  });
  const en = await call('SCORE_TABLE', [headers, rows[0]], 'key_account', 'en');
  assert.deepEqual(en[0], TABLE_EN);
  assert.equal(en[1][1], kam.scoreAccount(rowObject(rows[0])).tier.en);
  // Trailing blank rows of a generous range are left out.
  const trailing = await call('SCORE_TABLE', [headers, rows[0], headers.map(() => ''), headers.map(() => null)], null, null);
  assert.equal(trailing.length, 2);
  const noHeader = await call('SCORE_TABLE', [headers.map(() => ''), rows[0]], null, null);
  assert.equal(noHeader.thrown.error, '#VALUE!');
});

test('TIER, ABC: columns in, columns out; text that is no number is #VALUE!, never a number', async () => {
  const scores = [[85], [80], [60.5], [''], ['72.5'], ['很多'], [null], [150], [true]];
  const tiers = await call('TIER', scores, null);
  assert.deepEqual(tiers.slice(0, 5).map((r) => r[0]), [kam.valueTierText(85), kam.valueTierText(80), kam.valueTierText(60.5), '', kam.valueTierText(72.5)]);
  assert.equal(tiers[5][0].error, '#VALUE!');
  assert.equal(tiers[6][0], '');
  assert.equal(tiers[7][0].error, '#VALUE!');
  assert.equal(tiers[8][0].error, '#VALUE!');
  assert.deepEqual(await call('TIER', [[85, 50]], 'code'), [['vip', 'ordinary']]);
  assert.deepEqual(await call('TIER', [[85]], 'en'), [[kam.valueTierText(85, 'en')]]);
  assert.match((await call('TIER', [[85]], 'fr')).thrown.message, /unknown language/);

  const purchases = sample.map((r) => [r['年采购额']]);
  const abc = await call('ABC', purchases, null);
  const numbers = purchases.map(([v]) => { try { return kam.parseValue(v); } catch { return NaN; } });
  const want = kam.abcClasses(Float64Array.from(numbers));
  abc.forEach(([got], i) => {
    if (Number.isNaN(numbers[i]) && purchases[i][0] !== '' && !/^(-|—|N\/A|无|暂无)$/i.test(purchases[i][0])) {
      assert.equal(got.error, '#VALUE!', `row ${i}: ${purchases[i][0]}`);
    } else {
      assert.equal(got, want[i] ?? '', `row ${i}`);
    }
  });
  assert.ok(abc.some(([g]) => g && g.error), 'the sample has an unreadable purchase');
  const share = await call('ABC', [[500, 300, 120, 80, 60, 40, 20, 10, 5, 5]], 'share');
  assert.deepEqual(share[0], kam.abcClasses([500, 300, 120, 80, 60, 40, 20, 10, 5, 5], { method: 'share' }));
});

test('PIPELINE takes repeated cells and ranges, or grades each row of one range', async () => {
  const keys = kam.pipelineFactKeys();
  const flags = [true, true, true, true, false, false, false, false, false, false, false, false, false, false, false, false, false, false, false, false, false, false, false, false, false, false, false, true];
  const want = kam.pipelineGrade(flags).code;
  assert.deepEqual(await call('PIPELINE', [[flags.slice(0, 10)], [flags.slice(10)]]), [[want]]);
  // Excel passes a repeating parameter as one list of its ranges.
  assert.deepEqual(await call('PIPELINE', [[[true]], [[true]], [[true, true, '', '', 0, '否']]]), [[kam.pipelineGrade([true, true, true, true]).code]]);
  const table = [
    flags,
    keys.map((k) => k === 'contract_signed'),
    keys.map(() => ''),
    ['是', 'x', ...keys.slice(2).map(() => false)],
  ];
  const got = await call('PIPELINE', [table]);
  assert.deepEqual(got.slice(0, 3).map((r) => r[0]), [want, kam.pipelineGrade(table[1]).code, '']);
  assert.equal(got[3][0].error, '#VALUE!');
  assert.match(got[3][0].message, /yes\/no/);
  const tooMany = await call('PIPELINE', [[new Array(40).fill(true)]]);
  assert.match(tooMany.thrown.message, /40 TRUE\/FALSE values/);
});

test('STRATEGY and CADENCE pair and map ranges', async () => {
  const letters = [['A'], ['B'], ['C'], [''], ['Z']];
  const status = [[1], [3], ['6'], [2], [1]];
  const got = await call('STRATEGY', letters, status, null);
  assert.deepEqual(got.slice(0, 4).map((r) => r[0]), [
    kam.matrixStrategy('A', 1).strategy.zh, kam.matrixStrategy('B', 3).strategy.zh, kam.matrixStrategy('C', '6').strategy.zh, '']);
  assert.equal(got[4][0].error, '#VALUE!');
  assert.deepEqual(await call('STRATEGY', [['C']], [[1]], 'en'), [[kam.matrixStrategy('C', 1).strategy.en]]);
  assert.deepEqual(await call('STRATEGY', [['A', 'B']], [[2]], 'code'), [[kam.matrixStrategy('A', 2).strategy.code, kam.matrixStrategy('B', 2).strategy.code]]);
  assert.match((await call('STRATEGY', [['A'], ['B']], [[1, 2]], null)).thrown.message, /same shape/);

  const cad = await call('CADENCE', [['vip', '重要客户'], ['C', ''], ['nonsense', 4]], null);
  const text = (g) => { const c = kam.cadence(g); return [c.frequency.zh, c.channel.zh, c.owner.zh].join('，'); };
  assert.deepEqual(cad[0], [text('vip'), text('重要客户')]);
  assert.deepEqual(cad[1], [text('C'), '']);
  assert.equal(cad[2][0].error, '#VALUE!');
  assert.equal(cad[2][1], text(4));
  assert.deepEqual(await call('CADENCE', [['A']], 'code'), [[kam.cadence('A').frequency.code]]);
});

test('the task pane shows the selected row\'s breakdown with the model it picks', async () => {
  const values = [headers, ...sample.slice(0, 20).map((r) => headers.map((h) => r[h]))];
  await page.evaluate((v) => { window.__sheet.values = v; window.__sheet.selectedRow = 1; }, values);
  await page.click('#refresh');
  await page.waitForSelector('#score');
  const card = kam.scoreAccount(rowObject(values[1]));
  assert.equal(await page.textContent('#score'), card.score.toFixed(1));
  assert.match(await page.textContent('#tier'), new RegExp(card.tier.zh));
  assert.equal(await page.locator('#factors tbody tr').count(), card.factors.length);
  assert.match(await page.textContent('#formula'), /=KAM\.SCORE\(A2:Y2, \$A\$1:\$Y\$1, "key_account"\)/);

  await page.evaluate(() => { window.__sheet.selectedRow = 18; window.__sheet.handlers.forEach((h) => h()); });
  await page.waitForSelector('#errors');
  assert.match(await page.textContent('#errors'), /很多/);
  // No English in the zh-CN task pane: what is left after the user's quoted cells, the
  // formulas it proposes and a few names (VIP, WebAssembly, JSON) holds no Latin word.
  const pane = (await page.evaluate(() => document.body.innerText))
    .replace(/“[^”]*”|"[^"]*"/g, '').replace(/=KAM\.[A-Z_]+\([^)]*\)/g, '')
    .replace(/VIP|ABC|RFM|WebAssembly|JSON|kam-score|Excel/g, '');
  assert.equal(pane.match(/[A-Za-z]{2,}/g), null, `English in the zh-CN task pane: ${pane.match(/[A-Za-z]{2,}/g)}`);

  await page.evaluate(() => { window.__sheet.selectedRow = 1; });
  await page.selectOption('#model', 'rfm');
  await page.waitForFunction(() => document.querySelectorAll('#factors tbody tr').length === 3);
  const rfm = kam.scoreAccount(rowObject(values[1]), 'rfm');
  assert.equal(await page.textContent('#score'), rfm.score === null ? '无法评分' : rfm.score.toFixed(1));
  assert.equal(wasmRequests.length, 1);
  assert.deepEqual(pageErrors, []);
});

// The paper's CDNOW parameters (Fader, Hardie & Lee 2005), given in cells as a user would.
const BG = { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 };
const GG = { p: 6.25, q: 3.74, gamma: 15.44 };
const bgCells = [[BG.r, BG.alpha, BG.a, BG.b]];
const ggCells = [[GG.p, GG.q, GG.gamma]];

test('PALIVE, PURCHASES and CLV with published parameters, per cell, no fit', async () => {
  const x = [[2], [0], [''], [7], ['1.5'], [3]];
  const tx = [[30.43], [0], [''], [35], [10], [40]];
  const T = [[38.86], [38.86], [''], [38], [20], [38]];
  const m = [[30], [0], [''], [45.5], [10], [20]];
  const ok = [0, 1, 3];
  const cols = (idx) => ({ frequency: idx.map((i) => x[i][0]), recency: idx.map((i) => tx[i][0]), T: idx.map((i) => T[i][0]) });
  const pred = kam.bgNbdPredict(BG, cols(ok), 0);
  const alive = await call('PALIVE', x, tx, T, bgCells);
  ok.forEach((i, k) => assert.equal(alive[i][0], pred.pAlive[k], `P(alive) of row ${i}`));
  assert.equal(alive[2][0], '', 'a blank row stays blank');
  assert.equal(alive[4][0].error, '#VALUE!', 'frequency 1.5 is no whole number');
  assert.match(alive[4][0].message, /frequency/);
  assert.equal(alive[5][0].error, '#VALUE!', 'recency after T');
  assert.match(alive[5][0].message, /recency 40 is larger than T 38/);

  // The paper's example: x = 2, tₓ = 30.43, T = 38.86 expects 1.226 purchases in 39 weeks.
  const purchases = await call('PURCHASES', [[2]], [[30.43]], [[38.86]], '0.243, 4.414, 0.793, 2.426', 39);
  assert.equal(Math.round(purchases[0][0] * 1000) / 1000, 1.226);
  assert.equal(purchases[0][0], kam.bgNbdPredict(BG, { frequency: [2], recency: [30.43], T: [38.86] }, 39).expected[0]);

  const clv = await call('CLV', x, tx, T, m, bgCells, ggCells, 12, 'week', 0.01);
  const want = kam.customerLifetimeValue(BG, GG, { ...cols(ok), monetary: ok.map((i) => m[i][0]) }, { horizon: 12, unit: 'week', discountRate: 0.01 });
  ok.forEach((i, k) => assert.equal(clv[i][0], want[k], `CLV of row ${i}`));
  const defaults = await call('CLV', [[2]], [[30.43]], [[38.86]], [[30]], bgCells, ggCells);
  assert.equal(defaults[0][0], want[0], 'defaults: 12 months, weeks, 1 % a month');

  assert.match((await call('PALIVE', x, tx, T, [[0.243, 4.414, 0.793]])).thrown.message, /BG\/NBD parameters are 4 numbers/);
  assert.match((await call('PALIVE', x, tx, T, [[0.243, -1, 0.793, 2.426]])).thrown.message, /alpha must be a number > 0/);
  assert.match((await call('PALIVE', x, [[1], [2]], T, bgCells)).thrown.message, /same shape/);
  assert.match((await call('CLV', x, tx, T, m, bgCells, ggCells, 12, 'fortnight')).thrown.message, /unit/);
  assert.deepEqual(pageErrors, []);
});

/** Deals with an outcome, won mostly in 制造 and with large purchases. */
function dealTable() {
  const header = ['客户名称', '行业', '年采购额', '成交结果'];
  const rows = [];
  for (let i = 0; i < 120; i++) {
    const industry = ['制造', '零售', '物流'][i % 3];
    const purchase = 10000 * (1 + (i % 10));
    const won = (industry === '制造' || purchase > 60000) !== (i % 7 === 0);
    rows.push([`客户${i}`, industry, purchase, won ? '赢单' : '丢单']);
  }
  return { header, rows };
}

test('WINPROB: the learned probability of each deal row from the model\'s JSON text', async () => {
  const { header, rows } = dealTable();
  const deals = rows.map((r) => Object.fromEntries(header.map((h, j) => [h, r[j]])));
  const model = JSON.stringify(kam.fitWinModel(deals));
  const cells = [rows[0], rows[1], ['', '', '', ''], ['某客户', '制造', '很多', '']];
  const got = await call('WINPROB', cells, [header], model);
  assert.equal(got[0][0], kam.winProbability(model, deals[0]).probability);
  assert.equal(got[1][0], kam.winProbability(model, deals[1]).probability);
  assert.equal(got[2][0], '', 'a blank row stays blank');
  assert.equal(got[3][0], kam.winProbability(model, { 客户名称: '某客户', 行业: '制造', 年采购额: '很多' }).probability,
    'an unreadable cell adds nothing');
  assert.match((await call('WINPROB', [rows[0]], [header], '{"kind": "other"}')).thrown.message, /win model/);
  assert.match((await call('WINPROB', [rows[0]], [header], '')).thrown.message, /win model/);
  assert.deepEqual(pageErrors, []);
});
