// The strategy of every row of two lists through the Node build's scoreTable (the spreadsheet
// function SCORE_TABLE) against tests/golden/suggestions.json, which the core writes
// (tests/golden_suggestions.rs) and the Python package checks (python/tests/test_suggest.py).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';

const require = createRequire(import.meta.url);
const kam = require('../../pkg/node/kam_score.js');
const read = (path) => JSON.parse(readFileSync(new URL(path, import.meta.url)));
const golden = read('../golden/suggestions.json');

function table(rows) {
  const headers = [];
  for (const r of rows) for (const k of Object.keys(r)) if (!headers.includes(k)) headers.push(k);
  return [headers, ...rows.map((r) => headers.map((h) => r[h] ?? null))];
}

function check(rows, want) {
  const t = table(rows);
  const zh = kam.scoreTable(t, golden.model, { asOf: golden.asOf, lang: 'zh-CN', fullPrecision: true });
  const en = kam.scoreTable(t, golden.model, { asOf: golden.asOf, lang: 'en', fullPrecision: true });
  // The columns by their English headers, so a reordering of the columns cannot pass unseen.
  const col = (name) => en.headers.indexOf(name);
  const [score, abc, letter, cell, stage, top] = ['Score', 'ABC class', 'Attractiveness letter', 'Matrix cell',
    'Lifecycle stage', 'Top suggestion'].map(col);
  assert.ok([score, abc, letter, cell, stage, top].every((i) => i >= 0), en.headers.join(' | '));
  assert.equal(zh.rows.length, want.length);
  want.forEach((w, i) => {
    const [z, e] = [zh.rows[i], en.rows[i]];
    if (w === null) {
      assert.ok(e.every((c) => c === null), `row ${i} is blank`);
      return;
    }
    assert.equal(e[score], w.score, `row ${i} score`);
    assert.equal(e[abc], w.abc, `row ${i} abc`);
    assert.equal(e[letter], w.letter, `row ${i} letter`);
    assert.equal(e[cell], w.cell, `row ${i} cell`);
    assert.equal(z[stage], w.lifecycle?.zh ?? null, `row ${i} lifecycle zh`);
    assert.equal(e[stage], w.lifecycle?.en ?? null, `row ${i} lifecycle en`);
    assert.equal(z[top], w.topAction.zh, `row ${i} top action zh`);
    assert.equal(e[top], w.topAction.en, `row ${i} top action en`);
  });
}

test('the golden rows get the golden strategies', () => {
  check(read('../golden/rows.json'), golden.rows);
});

test('the sample list gets the golden strategies', () => {
  check(read('../../www/sample/accounts.json'), golden.sample);
});
