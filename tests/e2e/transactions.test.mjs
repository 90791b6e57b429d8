// End-to-end: the transactions tab of the page (www/) in headless Chromium. The sample
// transaction log is loaded with one click, fitted in the worker, and joined into the sample
// account list; every number is checked against the crate's own results through pkg/node.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { mkdirSync, readFileSync } from 'node:fs';
import { startPage } from './harness.mjs';

const require = createRequire(import.meta.url);
const kam = require('../../pkg/node/kam_score.js');
let origin;
let stopPage;
const shots = new URL('./screenshots/', import.meta.url).pathname;
const txBytes = readFileSync(new URL('../../www/sample/transactions.csv', import.meta.url));
const gbkBytes = readFileSync(new URL('../../www/sample/accounts-gbk.csv', import.meta.url));
const TIER_CODES = [null, 'small', 'ordinary', 'important', 'vip'];
let browser;

before(async () => {
  mkdirSync(shots, { recursive: true });
  ({ origin, browser, stop: stopPage } = await startPage());
});

after(async () => {
  await stopPage?.();
});

/** What the worker computes, done here with pkg/node: the same calls on the same cells. */
function nodeFit({ months = 12, discountRate = 0.01, unit = 'week' } = {}) {
  const log = kam.Sheet.fromBytes(txBytes);
  const columns = kam.transactionColumns(log.headers());
  const col = (j) => Array.from({ length: log.rowCount }, (_, i) => log.cells(i)[j] ?? null);
  let end = null;
  for (const v of col(columns.date)) {
    const d = v === null ? null : kam.parseDate(String(v));
    if (d && (end === null || d > end)) end = d;
  }
  const ids = col(columns.id).map((v) => (v === null ? '' : String(v)));
  const s = kam.rfmSummary({ ids, dates: col(columns.date), amounts: col(columns.amount) }, { unit, end });
  const bg = kam.fitBgNbd(s);
  const gg = kam.fitGammaGamma(s);
  const pred = kam.bgNbdPredict(bg, s, months * (30.4375 / 7));
  const clv = kam.customerLifetimeValue(bg, gg, s, { horizon: months, unit, discountRate });
  const first = new Map();
  const names = col(columns.name);
  ids.forEach((id, i) => { if (!first.has(id)) first.set(id, String(names[i])); });
  const futures = { ids: s.ids, names: s.ids.map((id) => first.get(id) ?? null), pAlive: pred.pAlive, expected: pred.expected, clv };
  // The holdout check as the worker makes it: the last third of the longest history.
  const days = Math.max(1, Math.round((Math.max(...s.T) * 7) / 3));
  const calibrationEnd = new Date(Date.parse(`${end}T00:00:00Z`) - days * 86_400_000).toISOString().slice(0, 10);
  const holdout = kam.calibrationHoldout({ ids, dates: col(columns.date), amounts: col(columns.amount) },
    { calibrationEnd, observationEnd: end, unit, model: 'bgnbd' });
  return { columns, end, s, bg, gg, pred, clv, futures, holdout, calibrationEnd };
}

test('the transaction log: the crate finds its columns and the fit converges', () => {
  const { columns, end, s, bg, gg } = nodeFit();
  assert.deepEqual(columns, { id: 0, name: 1, date: 2, amount: 3 });
  assert.match(end, /^2026-1[01]-/, 'the last day of the log');
  assert.equal(s.errors.length, 0);
  assert.ok(s.ids.length > 250);
  for (const k of ['r', 'alpha', 'a', 'b']) assert.ok(bg[k] > 0 && bg.stdErrors[k] > 0 && bg.stdErrors[k] < bg[k], k);
  assert.ok(gg.q > 1, 'a finite mean spend, so every customer has a CLV');
});

test('the transactions tab: load the sample log, fit, and join P(alive) and CLV into the account list', async () => {
  const want = nodeFit();
  const accounts = kam.Sheet.fromBytes(gbkBytes);
  const joined = accounts.joinFutures(want.futures);

  const context = await browser.newContext({ locale: 'zh-CN', viewport: { width: 1400, height: 900 } });
  const page = await context.newPage();
  const errors = [];
  page.on('console', (msg) => { if (msg.type() === 'error') errors.push(msg.text()); });
  page.on('pageerror', (err) => errors.push(String(err)));
  await page.goto(`${origin}/index.html`);
  await page.waitForSelector('body[data-ready="true"]');
  await page.click('#load-sample');
  await page.waitForFunction(() => document.body.dataset.loaded === '1');

  await page.click('#tab-transactions');
  assert.equal(await page.locator('#grid').isVisible(), false, 'the account grid is on the other tab');
  await page.click('#load-tx-sample');
  await page.waitForFunction(() => document.body.dataset.fitted === '1');
  assert.equal(await page.locator('#message').isHidden(), true, await page.locator('#message').textContent());

  // The fitted parameters, to the last digit, with their standard errors.
  for (const k of ['r', 'alpha', 'a', 'b']) {
    const td = page.locator(`#tx-params tr[data-param="${k}"] td`);
    assert.equal(Number(await td.first().getAttribute('data-value')), want.bg[k], `BG/NBD ${k}`);
    assert.equal(await td.first().textContent(), want.bg[k].toPrecision(4));
    assert.equal(await td.nth(1).textContent(), want.bg.stdErrors[k].toPrecision(4));
  }
  for (const k of ['p', 'q', 'gamma']) {
    const td = page.locator(`#tx-params tr[data-param="${k}"] td`);
    assert.equal(Number(await td.first().getAttribute('data-value')), want.gg[k], `Gamma-Gamma ${k}`);
  }
  assert.equal(await page.locator('#tx-col-id').inputValue(), '0');
  assert.equal(await page.locator('#tx-end').inputValue(), want.end);

  // The per-customer table, most valuable first.
  assert.equal(await page.locator('#tx-table tbody tr').count(), want.s.ids.length);
  const top = want.s.ids.map((_, i) => i).sort((x, y) => want.clv[y] - want.clv[x])[0];
  const first = page.locator('#tx-table tbody tr').first();
  assert.equal(await first.getAttribute('data-id'), want.s.ids[top]);
  assert.equal(await first.locator('td.palive').textContent(), `${(want.pred.pAlive[top] * 100).toFixed(1)}%`);
  assert.equal(await first.locator('td.expected').textContent(), want.pred.expected[top].toFixed(2));

  // The join, as the crate reports it.
  assert.ok(joined.byId > 250);
  const joinText = await page.textContent('#tx-join');
  assert.match(joinText, new RegExp(`按编号匹配 ${joined.byId} 行`));
  assert.match(joinText, new RegExp(`${joined.unmatchedCustomers.length} 个交易客户不在清单中`));
  // The holdout check: the chart and its verdict, the crate's totals, units named.
  assert.equal(await page.locator('#tx-holdout-figure').isVisible(), true);
  assert.equal(await page.locator('#chart-holdout canvas').count(), 1);
  const holdoutText = await page.textContent('#tx-holdout');
  assert.ok(holdoutText.includes(`用 ${want.calibrationEnd} 及以前的交易拟合`), holdoutText);
  assert.ok(holdoutText.includes(`共 ${Math.round(want.holdout.predictedTotal).toLocaleString('zh-CN')} 次采购`), holdoutText);
  assert.ok(holdoutText.includes(`实际 ${Math.round(want.holdout.actualTotal).toLocaleString('zh-CN')} 次`), holdoutText);
  assert.match(holdoutText, / 周 内/);
  assert.match(holdoutText, /模型(与实际相符|大体相符|与实际不符)/);
  await page.screenshot({ path: `${shots}transactions-zh.png`, fullPage: true });

  // Back in the account list: P(alive) and CLV columns, the churn warning in the row panel.
  await page.click('#tab-accounts');
  const headers = await page.locator('#grid thead th').allTextContents();
  assert.ok(headers.includes('仍在采购概率') && headers.includes('客户终身价值'), headers.join(','));
  for (const i of [0, 1, 2, 7]) {
    const td = page.locator(`#grid tbody tr[data-row="${i}"] td[data-key="palive"]`);
    const p = joined.pAlive[i];
    assert.equal(await td.textContent(), Number.isNaN(p) ? '—' : `${(p * 100).toFixed(1)}%`, `P(alive) of row ${i}`);
  }
  assert.ok(Number.isNaN(joined.pAlive[7]), 'every 15th account has no transactions');

  // An important account the log says is probably gone: its panel shows the churn warning.
  const { tier } = accounts.scores('key_account');
  const at = Array.from({ length: accounts.rowCount }, (_, i) => i)
    .find((i) => tier[i] >= 3 && joined.pAlive[i] < 0.5);
  assert.notEqual(at, undefined, 'the sample has a valuable account at risk');
  const suggestion = accounts.suggest(at, { tier: TIER_CODES[tier[at]], pAlive: joined.pAlive[at] });
  const churn = suggestion.actions.find((a) => a.kind === 'churn' || a.code.startsWith('churn'));
  assert.ok(churn, JSON.stringify(suggestion.actions.map((a) => a.code)));
  await page.evaluate((k) => { document.getElementById('grid-scroll').scrollTop = Math.max(0, k - 3) * 30; }, at);
  await page.waitForSelector(`#grid tbody tr[data-row="${at}"]`);
  await page.click(`#grid tbody tr[data-row="${at}"] td[data-key="score"]`);
  await page.waitForSelector('#detail:not([hidden]) ul.future');
  const detail = await page.textContent('#detail');
  assert.ok(detail.includes(churn.zh), `the panel shows "${churn.zh}"`);
  assert.match(detail, /按客户编号/);
  await page.screenshot({ path: `${shots}transactions-joined-zh.png` });
  assert.deepEqual(errors, []);
  await context.close();
});
