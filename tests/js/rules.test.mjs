// The rules the page reads from the crate instead of writing them itself (src/wasm/rules.rs),
// through the Node build. Golden values worked by hand in the comments.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const kam = require('../../pkg/node/kam_score.js');

test('holdoutCalibrationEnd: the holdout is the last third of the longest history', () => {
  // CDNOW observed to 1998-06-30, T up to 78 weeks = 546 days: a third is 182 days → 1997-12-30.
  assert.equal(kam.holdoutCalibrationEnd(Float64Array.from([78, 40, 12.5]), 'week', '1998-06-30'), '1997-12-30');
  // 3 months = 91.3125 days, a third 30.4375 → 30 days before 2026-03-31.
  assert.equal(kam.holdoutCalibrationEnd([3], 'month', new Date(Date.UTC(2026, 2, 31))), '2026-03-01');
  // No history: one day.
  assert.equal(kam.holdoutCalibrationEnd([], 'day', '2026-01-02'), '2026-01-01');
  assert.throws(() => kam.holdoutCalibrationEnd([1], 'year', '2026-01-02'), /unknown time unit "year"/);
  assert.throws(() => kam.holdoutCalibrationEnd([1], 'day', 'soon'), /observationEnd/);
});

test('likelyAliveFrom is the churn warning\'s P(alive) threshold', () => {
  assert.equal(kam.likelyAliveFrom(), 0.5);
  // At 0.49 an account with a P(alive) is at risk (the warning uses the same threshold).
  assert.ok(0.49 < kam.likelyAliveFrom() && !(0.5 < kam.likelyAliveFrom()));
});

test('abcRule: the default cuts in a sentence, in both languages', () => {
  assert.deepEqual(kam.abcRule(), {
    code: 'count', zh: 'ABC 按年采购额（前 10% 为 A，其后 20% 为 B）', en: 'ABC by annual purchase (top 10% A, next 20% B)',
  });
  assert.match(kam.abcRule('share').en, /80%.*95%/);
  assert.throws(() => kam.abcRule('weight'), /unknown ABC method "weight"/);
});

test('tierLabels follow the tier numbers Sheet.scores gives; the model defaults and the 80/20 marks', () => {
  const labels = kam.tierLabels();
  assert.equal(labels[0], null);
  assert.deepEqual(labels.slice(1).map((l) => l.code), ['small', 'ordinary', 'important', 'vip']);
  // The same labels the score gives: 90 is VIP, 50 ordinary.
  assert.deepEqual(labels[4], kam.valueTier(90));
  assert.deepEqual(labels[2], kam.valueTier(50));
  assert.deepEqual(kam.modelDefaults(), { tiers: { vip: 80, important: 60, ordinary: 40 }, minCoverage: 0 });
  assert.deepEqual(kam.paretoMarks(), { top: 0.2, share: 0.8 });
});
