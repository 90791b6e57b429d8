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
  assert.deepEqual(kam.validateModel(doc), [{
    code: 'weight_invalid',
    path: 'factors[0].weight',
    zh: '因子 1 › 权重：因子“order_amount”的权重必须是不小于 0 的数（现为 -1）',
    en: 'factors[0].weight: the weight of "order_amount" must be a number ≥ 0 (found -1)',
  }]);
  assert.throws(() => kam.scoreAccount(rows[0], 'gold'), { message: /no preset named "gold"/, code: 'unknown_preset' });
  assert.throws(() => kam.scoreAccount(rows[0], doc), (e) => {
    assert.ok(e instanceof Error);
    assert.equal(e.code, 'invalid_model');
    assert.equal(e.message, 'the model has 1 problem(s): factors[0].weight: the weight of "order_amount" must be a number ≥ 0 (found -1)');
    assert.equal(e.en, e.message);
    assert.equal(e.zh, '模型有 1 个问题：因子 1 › 权重：因子“order_amount”的权重必须是不小于 0 的数（现为 -1）');
    assert.deepEqual(e.problems.map((p) => p.code), ['weight_invalid']);
    return true;
  });
});

test('validateModel lists every problem at once, with its code and place (issue 15)', () => {
  const codes = (m) => kam.validateModel(m).map((p) => `${p.code} ${p.path}`);
  const doc = kam.presetModel('key_account');
  // Two weights of 1e308: the sum is Infinity, every score would be NaN.
  doc.factors[0].weight = 1e308;
  doc.factors[1].weight = 1e308;
  assert.deepEqual(codes(doc), ['weights_not_finite factors']);
  const wide = kam.presetModel('key_account');
  wide.factors[0].inputs[0].transform = { type: 'linear', min: -1e308, max: 1e308 };
  assert.deepEqual(codes(wide), ['span_not_finite factors[0].inputs[0].transform']);
  // Map keys that fold to one key (case, full width) name both.
  const map = kam.presetModel('key_account');
  const credit = map.factors.find((f) => f.inputs.some((i) => i.transform.type === 'map'));
  const input = credit.inputs.find((i) => i.transform.type === 'map');
  input.transform.values = { A: 100, ａ: 90, B: 60 };
  const [collide] = kam.validateModel(map);
  assert.equal(collide.code, 'map_keys_collide');
  assert.match(collide.en, /"A" and "ａ"/);
  assert.match(collide.zh, /“A”与“ａ”/);
  // Not an object: null, a list, a number, as a value or as JSON text.
  for (const m of [null, 'null', [], '[1]', '42']) {
    const problems = kam.validateModel(m);
    assert.deepEqual(problems.map((p) => p.code), [Array.isArray(m) ? 'not_a_model_input' : 'not_an_object'], String(m));
  }
  assert.deepEqual(kam.validateModel(undefined), []);
  assert.deepEqual(kam.validateModel('rfm'), []);
  // JSON text: the syntax error with its line and column.
  const [syntax] = kam.validateModel('{"name": "x",\n "factors": [}');
  assert.equal(syntax.code, 'json_syntax');
  assert.match(syntax.en, /line 2, column \d+/);
  assert.match(syntax.zh, /第 2 行第 \d+ 列/);
  // Many problems at once.
  const many = kam.validateModel({ name: '', minCoverage: 3, factors: [{ key: 'a', weight: -2, inputs: [{ field: 'nope', transform: { type: 'log', min: 0, max: 1 } }] }] });
  assert.deepEqual(many.map((p) => p.code), ['name_empty', 'min_coverage_out_of_range', 'weight_invalid', 'unknown_field', 'log_min_not_positive', 'weights_all_zero']);
  assert.equal(kam.validateModel('gold')[0].code, 'unknown_preset');
});

test('rfmScores and percentileRanks over a list', () => {
  const out = kam.rfmScores([3, 300, 40, 100, 10], [20, 1, 5, 2, 1], [9e5, 1e3, 2e5, 5e4, 3e3]);
  assert.equal(out[0].code, '555');
  assert.equal(out[0].segment.zh, '重要价值客户');
  assert.deepEqual(Array.from(kam.percentileRanks([10, 20, 20, 40])), [0, 50, 50, 100]);
});
