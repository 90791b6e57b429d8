// History exports through the Node build: snapshots given as rows or as Sheets, the win
// model fitted, applied and evaluated, and hostile values refused without breaking the module.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';

const require = createRequire(import.meta.url);
const kam = require('../../pkg/node/kam_score.js');
const sample = (name) => readFileSync(new URL(`../../www/sample/${name}`, import.meta.url));
const rows = JSON.parse(sample('accounts.json'));
const asOf = '2026-11-01';

test('a Sheet compared with itself is the same account by account, and stays usable', () => {
  const sheet = kam.Sheet.fromBytes(sample('accounts-gbk.csv'), { asOf });
  const c = kam.compareSnapshots(sheet, sheet, { asOf });
  assert.equal(c.summary.same + c.summary.unmatched, rows.length);
  assert.equal(c.summary.up + c.summary.down + c.summary.new + c.summary.gone, 0);
  for (const a of c.accounts) {
    assert.equal(a.change ?? 0, 0);
    assert.deepEqual(a.reasons, []);
  }
  // The sheet is still its owner's.
  assert.equal(sheet.rowCount, rows.length);
  assert.equal(sheet.scores().score.length, rows.length);
  sheet.free();
});

test('rows against a Sheet: a raised purchase moves the account up with its reason', () => {
  const sheet = kam.Sheet.fromBytes(sample('accounts-gbk.csv'), { asOf });
  const after = rows.map((r) => ({ ...r }));
  const rank = { small: 1, ordinary: 2, important: 3, vip: 4 };
  const tierOf = (row) => rank[kam.scoreAccount(row, undefined, { asOf }).tier?.code] ?? 0;
  const index = after.findIndex((r, i) => i < after.length - 1 && tierOf({ ...r, 年采购额: '50亿' }) > tierOf(r));
  assert.ok(index >= 0);
  after[index]['年采购额'] = '50亿';
  const gone = after.pop();
  after.push({ 客户名称: '全新客户有限公司', 年采购额: '¥80万' });
  const c = kam.compareSnapshots(sheet, after, { asOf });
  assert.equal(c.summary.new, 1);
  assert.equal(c.summary.gone, 1);
  assert.equal(c.accounts.find((a) => a.status === 'gone').name, gone['客户名称']);
  const moved = c.accounts.find((a) => a.afterRow === index);
  assert.equal(moved.status, 'up');
  assert.ok(moved.change > 0);
  assert.equal(moved.reasons[0].factor, 'order_amount');
  sheet.free();
});

test('a freed Sheet or an object posing as one is refused, and the module keeps answering', () => {
  const sheet = kam.Sheet.fromBytes(sample('accounts-gbk.csv'), { asOf });
  sheet.free();
  assert.throws(() => kam.compareSnapshots(sheet, []));
  assert.throws(() => kam.compareSnapshots({ snapshotRows: () => ({}) }, []));
  assert.throws(() => kam.compareSnapshots({ snapshotRows() { throw new Error('no'); } }, []));
  const revoked = Proxy.revocable({}, {});
  revoked.revoke();
  assert.throws(() => kam.compareSnapshots(revoked.proxy, []));
  assert.throws(() => kam.compareSnapshots(null, []));
  assert.equal(kam.compareSnapshots([], []).accounts.length, 0);
});

test('a win model from deals: JSON text in, probability and factors out', () => {
  const deals = [];
  for (let i = 0; i < 200; i += 1) {
    const industry = ['制造', '零售', '物流', '医药'][i % 4];
    const won = (industry === '制造' || industry === '医药') !== (i % 9 === 0);
    deals.push({ 行业: industry, 年采购额: 1e4 * (1 + (i % 13)), 结单日期: `2025-${String(1 + (i % 12)).padStart(2, '0')}-15`, 成交结果: won ? '赢单' : '丢单' });
  }
  const model = kam.fitWinModel(deals);
  const text = JSON.stringify(model);
  const p = kam.winProbability(text, { 行业: '制造' });
  assert.ok(p.probability > 0.7, String(p.probability));
  assert.equal(p.factors[0].field, 'industry');
  assert.equal(p.factors[0].value, '制造');
  const e = kam.evaluateWinModel(model, deals);
  assert.ok(e.auc > 0.8);
  assert.equal(e.calibration.reduce((n, c) => n + c.count, 0), 200);
  const h = kam.winHoldout(deals);
  assert.equal(h.train + h.test, 200);
  assert.equal(typeof h.lift.brier, 'number');
  // The open deals' pipeline: one deal of ¥100,000 at A21 (lead data only: 1 %, MODEL §3.6)
  // gives 1,000 by the grade; the closed deals are left out.
  const w = kam.learnedPipeline([...deals, { 行业: '制造', 商机金额: '10万元', lead_data: true }], text);
  assert.deepEqual([w.counted, w.closed], [1, 200]);
  assert.ok(Math.abs(w.gradeWeighted - 1000) < 1e-9, String(w.gradeWeighted));
  assert.ok(w.learnedWeighted > 70000, String(w.learnedWeighted));
  // The page's transaction-log rules: a week is 7 days, a month 30.4375 (365.2425 / 12);
  // a holdout total 10 % off still fits, 20 % off fits roughly.
  assert.deepEqual(kam.timeUnitLength('week'), { days: 7, perMonth: 30.4375 / 7 });
  assert.equal(kam.holdoutVerdict(110, 100).code, 'fits');
  assert.equal(kam.holdoutVerdict(80, 100).code, 'roughly');
  assert.throws(() => kam.timeUnitLength({}), /unit must be text/);
  try {
    kam.fitWinModel([{ 行业: '甲' }]);
    assert.fail('no outcomes');
  } catch (error) {
    assert.equal(error.code, 'no_outcomes');
    assert.match(error.zh, /成交结果/);
  }
});
