// The grade and strategy cases of tests/cases/ (from MODEL §3–§4) through the Node build.
// tests/wasm_api.rs runs the same file in the wasm build under Node and Chromium.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';

const require = createRequire(import.meta.url);
const kam = require('../../pkg/node/kam_score.js');
const cases = JSON.parse(readFileSync(new URL('../cases/grades-strategy.json', import.meta.url)));

const at = (value, path) => (path === '' ? value : path.split('.').reduce((v, k) => v?.[k], value));

test(`${cases.length} grade and strategy cases from the spec`, () => {
  for (const c of cases) {
    const got = kam[c.fn](...c.args);
    for (const [path, want] of Object.entries(c.expect)) {
      assert.deepEqual(at(got, path), want, `${c.fn}(${JSON.stringify(c.args)}) at "${path}" ${c.note}`);
    }
  }
});

test('suggestStrategy: every item has a code and both texts, actions in priority order', () => {
  const row = { 客户名称: '华东精密', 吸引力: 'B', 关系状态: 2, 年采购额: '¥800万', 满意度: '有些不满意', 最近下单日期: '2026-01-02', 订单数: 12 };
  const a = kam.suggestStrategy(row, { lang: 'en', score: 75, asOf: '2026-11-01' });
  const b = kam.suggestStrategy(row, { lang: 'en', score: 75, asOf: '2026-11-01' });
  assert.deepEqual(a, b, 'deterministic');
  assert.equal(a.cell, 'B2');
  assert.deepEqual(a.targets, ['A2']);
  assert.ok(a.actions.length > 0);
  for (const item of [...a.actions, ...a.gaps, ...a.warnings, a.cadence]) {
    assert.ok(item.code && item.zh && item.en, JSON.stringify(item));
    assert.equal(item.text, item.en);
    assert.match(item.zh, /[\u4e00-\u9fff]/);
  }
  const priorities = a.actions.map((x) => x.priority);
  assert.deepEqual([...priorities].sort((x, y) => x - y), priorities);
  const codes = a.actions.map((x) => x.code).join(' ');
  assert.match(codes, /deep_channel/, codes); // a VIP-to-important account silent since January: churn care first
  assert.equal(a.actions[0].kind, 'churn');
  const zh = kam.suggestStrategy(row, { lang: 'zh-CN', score: 75, asOf: '2026-11-01' });
  assert.equal(zh.actions[0].text, zh.actions[0].zh);
});

test('a row that cannot be placed still gets a reason', () => {
  const s = kam.suggestStrategy({ 客户名称: '无信息公司' });
  assert.equal(s.cell, null);
  assert.ok(s.warnings.length + s.actions.length > 0);
});
