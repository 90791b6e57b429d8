// The JavaScript API as a developer calls it: the pkg/node build, with the contract's names.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';

const require = createRequire(import.meta.url);
const kam = require('../../pkg/node/kam_score.js');
const rows = JSON.parse(readFileSync(new URL('../golden/rows.json', import.meta.url)));
const golden = JSON.parse(readFileSync(new URL('../golden/scores.json', import.meta.url)));

test('scoreAccount gives the native scores for every preset', () => {
  for (const name of kam.presetNames()) {
    rows.forEach((row, i) => {
      const card = kam.scoreAccount(row, name);
      assert.equal(card.score, golden[name][i].score, `${name} row ${i}`);
      assert.equal(card.tier?.code ?? null, golden[name][i].tier);
      assert.deepEqual(card.factors.map((f) => f.points), golden[name][i].points);
    });
  }
});

test('a score card explains itself', () => {
  const card = kam.scoreAccount(rows[0]);
  assert.equal(card.model, 'key_account');
  assert.deepEqual(Object.keys(card.factors[0]).sort(),
    ['field', 'input', 'inputs', 'key', 'missing', 'points', 'share', 'subScore', 'title', 'weight']);
  assert.equal(card.tier.zh, '重要客户');
  const sum = card.factors.reduce((a, f) => a + f.points, 0);
  assert.ok(Math.abs(sum - card.score) < 1e-9);
  assert.equal(card.nextTier.tier.code, 'vip');
});

test('parseValue reads what people type and throws with the reason', () => {
  assert.equal(kam.parseValue('¥1.2万'), 12000);
  assert.equal(kam.parseValue('$2.5M'), 2.5e6);
  assert.ok(Number.isNaN(kam.parseValue('无')));
  assert.throws(() => kam.parseValue('5-'), { message: /sign after the number/ });
  assert.throws(() => kam.parseValue('1e309'), { message: /too large/ });
});

test('scoreColumns returns typed arrays that match scoreAccount', () => {
  const out = kam.scoreColumns({
    annual_purchase: new Float64Array([1.2e7, 8.5e5]),
    gross_margin: new Float64Array([0.23, 0.18]),
    credit_rating: ['A', 'B'],
    order_count: [26, 9],
  });
  assert.ok(out.score instanceof Float64Array);
  assert.ok(out.tier instanceof Uint8Array);
  const card = kam.scoreAccount({ annual_purchase: 1.2e7, gross_margin: 0.23, credit_rating: 'A', order_count: 26 });
  assert.equal(out.score[0], card.score);
  assert.equal(out.tier[0], { small: 1, ordinary: 2, important: 3, vip: 4 }[card.tier.code]);
  assert.throws(() => kam.scoreColumns({ colour: [1] }), { message: /unknown field/ });
});

test('Scorer scores rows of cells in header order', () => {
  const scorer = new kam.Scorer('key_account', ['客户名称', '年采购额(万元)', '毛利率', '信用等级']);
  const s = scorer.score(['甲公司', 1200, '23%', 'A']);
  const card = kam.scoreAccount({ 年采购额: 1.2e7, 毛利率: 0.23, 信用等级: 'A' });
  assert.equal(s, card.score);
  assert.deepEqual(scorer.mapping().map((m) => m.field), ['name', 'annual_purchase', 'gross_margin', 'credit_rating']);
  assert.equal(scorer.mapping()[1].scale, 10000);
});

test('presets and model documents', () => {
  assert.deepEqual(kam.presetNames(), ['key_account', 'attractiveness', 'value_pyramid', 'bank', 'rfm']);
  const doc = kam.presetModel('key_account');
  assert.equal(doc.factors.length, 7);
  doc.factors[0].weight = 50;
  const a = kam.scoreAccount(rows[0], doc).score;
  const b = kam.scoreAccount(rows[0]).score;
  assert.notEqual(a, b);
  assert.deepEqual(kam.validateModel(doc), []);
  doc.factors[0].weight = -1;
  assert.match(kam.validateModel(doc)[0], /weight/);
  assert.throws(() => kam.scoreAccount(rows[0], 'gold'), { message: /no preset named "gold"/ });
});

test('rfmScores and percentileRanks over a list', () => {
  const out = kam.rfmScores([3, 300, 40, 100, 10], [20, 1, 5, 2, 1], [9e5, 1e3, 2e5, 5e4, 3e3]);
  assert.equal(out[0].code, '555');
  assert.equal(out[0].segment.zh, '重要价值客户');
  assert.deepEqual(Array.from(kam.percentileRanks([10, 20, 20, 40])), [0, 50, 50, 100]);
});
