// The fast scoring paths of issue 16 give what the full paths give: categorical columns as
// codes + values, Scorer.score with lastError / lastReason, and scoreAccount's card (sent as
// JSON) equal to the card built property by property (scoreAccounts).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';

const require = createRequire(import.meta.url);
const kam = require('../../pkg/node/kam_score.js');
const rows = JSON.parse(readFileSync(new URL('../golden/rows.json', import.meta.url)));
const golden = JSON.parse(readFileSync(new URL('../golden/scores.json', import.meta.url)));

// scoreAccounts numbers its rows (the cell notes and errors say which); scoreAccount does not.
const listCard = (row, name) => {
  const card = kam.scoreAccounts([row], name)[0];
  for (const e of [...card.errors, ...(card.notes ?? [])]) e.row = null;
  return card;
};

test('scoreAccount sends the same card as scoreAccounts builds', () => {
  for (const name of kam.presetNames()) {
    rows.forEach((row, i) => {
      assert.deepStrictEqual(kam.scoreAccount(row, name), listCard(row, name), `${name} row ${i}`);
    });
  }
  // A number JSON cannot carry still comes back as it is.
  const odd = { annual_purchase: 1e6, credit_rating: 'A', gross_margin: '1e309' };
  assert.deepStrictEqual(kam.scoreAccount(odd), listCard(odd));
});

test('a categorical column as codes + values scores as its texts do', () => {
  const credit = ['A', null, 'c', 'Ａ', 'nope', ' aa ', 'B', null];
  const amounts = Float64Array.from([1e6, 5e4, NaN, 3.3e7, 2e5, 7e6, 1e5, 2e6]);
  const values = [null, 'B', ' aa ', 'zzz', 'nope', 'Ａ', 'c', 'A'];
  const codes = credit.map((t) => values.indexOf(t));
  const texts = kam.scoreColumns({ annual_purchase: amounts, credit_rating: credit });
  for (const Codes of [Uint8Array, Uint16Array]) {
    const coded = kam.scoreColumns({ annual_purchase: amounts, credit_rating: { codes: Codes.from(codes), values } });
    assert.deepStrictEqual(Array.from(coded.score), Array.from(texts.score));
    assert.deepStrictEqual(Array.from(coded.tier), Array.from(texts.tier));
  }
  rows.forEach((row) => {
    const one = kam.scoreColumns({ credit_rating: { codes: Uint8Array.of(1), values: [null, row.credit_rating ?? null] } });
    assert.equal(one.score.length, 1);
  });
  assert.throws(() => kam.scoreColumns({ credit_rating: { codes: Uint8Array.of(3), values: ['A'] } }), /code 3/);
  assert.throws(() => kam.scoreColumns({ credit_rating: { codes: [0], values: ['A'] } }), /Uint8Array/);
  assert.throws(() => kam.scoreColumns({ credit_rating: { codes: Uint8Array.of(0), values: [{}] } }), /values/);
  const hostile = { get codes() { throw new Error('boom'); }, values: [] };
  assert.throws(() => kam.scoreColumns({ credit_rating: hostile }), /codes/);
});

test('Scorer.score gives the card score, and lastError / lastReason when there is none', () => {
  const headers = Object.keys(rows[0]);
  for (const name of kam.presetNames()) {
    const scorer = new kam.Scorer(name, headers);
    rows.forEach((row, i) => {
      if (Object.keys(row).join() !== headers.join()) return;
      const s = scorer.score(headers.map((h) => row[h] ?? null));
      const want = golden[name][i].score;
      if (want === null) {
        assert.ok(Number.isNaN(s), `${name} row ${i}`);
        const card = kam.scoreAccount(row, name);
        assert.equal(scorer.lastError(), card.reason.code);
        assert.deepStrictEqual(scorer.lastReason(), card.reason);
      } else {
        assert.equal(s, want, `${name} row ${i}`);
        assert.equal(scorer.lastError(), undefined);
        assert.equal(scorer.lastReason(), undefined);
      }
    });
  }
  const scorer = new kam.Scorer('key_account', ['年采购额', '信用等级', '毛利率']);
  assert.ok(Number.isNaN(scorer.score([null, null, null])));
  assert.equal(scorer.lastError(), 'no_inputs');
  assert.equal(scorer.score([1e6, 'A', 0.2]), kam.scoreAccount({ 年采购额: 1e6, 信用等级: 'A', 毛利率: 0.2 }).score);
  assert.equal(scorer.lastError(), undefined);
  // Cells beyond the row are empty; other cell types are read one by one, as before.
  assert.ok(Number.isNaN(scorer.score([1e6])) && kam.scoreAccount({ 年采购额: 1e6 }).score === null);
  assert.throws(() => scorer.score([1e6, {}, 0.2]), /cell/);
  assert.equal(scorer.lastError(), undefined);
  const trap = [1e6, 'A', 0.2];
  Object.defineProperty(trap, 1, { get() { throw new Error('boom'); } });
  assert.throws(() => scorer.score(trap), /cannot be read/);
  // Many calls that grow the memory in between keep reading the right cells.
  const before = scorer.score([2e6, 'B', 0.1]);
  for (let i = 1; i <= 3; i++) {
    kam.scoreColumns({ annual_purchase: new Float64Array(i * 2_000_000).fill(1e6) });
    assert.equal(scorer.score([2e6, 'B', 0.1]), before);
    assert.equal(scorer.score([3e6, 'A', 0.3]), kam.scoreAccount({ 年采购额: 3e6, 信用等级: 'A', 毛利率: 0.3 }).score);
  }
});
