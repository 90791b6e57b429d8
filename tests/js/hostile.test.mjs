// 100,000 random and hostile calls through every export, then ordinary calls must still
// give the golden numbers: an error never leaves the module broken.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';

const require = createRequire(import.meta.url);
const kam = require('../../pkg/node/kam_score.js');
const rows = JSON.parse(readFileSync(new URL('../golden/rows.json', import.meta.url)));
const golden = JSON.parse(readFileSync(new URL('../golden/scores.json', import.meta.url)));

// A small deterministic generator, so a failure can be replayed.
let seed = 20261122;
const rand = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
const pick = (list) => list[Math.floor(rand() * list.length)];

const deep = (() => { let o = {}; for (let i = 0; i < 5000; i++) o = { a: o }; return o; })();
const cyclic = (() => { const o = { name: 'x' }; o.self = o; return o; })();
const hugeText = '万'.repeat(1_000_000);
const bigArray = new Float64Array(1_000_000).fill(1.5);
// What a framework's frozen or revoked state object does: throws while it is read.
const throwingGetter = Object.defineProperty({ 客户名称: '甲公司' }, '年采购额', { enumerable: true, get() { throw new Error('boom'); } });
const revoked = (() => { const p = Proxy.revocable({ 客户名称: '甲公司' }, {}); p.revoke(); return p.proxy; })();
const trapping = new Proxy({}, { get() { throw new Error('trap'); }, ownKeys() { throw new Error('trap'); }, getPrototypeOf() { throw new Error('trap'); } });
const throwingItem = Object.defineProperty([{ 客户名称: '甲公司' }], 0, { get() { throw new Error('boom'); } });
// A value as text for a message; a revoked Proxy cannot even be turned into one.
const show = (v) => { try { return String(v); } catch { return '[unprintable]'; } };
const hostile = [
  throwingGetter, revoked, trapping, throwingItem, [throwingGetter], [revoked],
  undefined, null, NaN, Infinity, -Infinity, 0, -0, 1e308, -1e308, 5e-324, 42, true, false,
  '', ' ', '¥1.2万', '--5', '1e309', 'N/A', '\u0000', '\ud800', '<script>alert(1)</script>', '=1+1', hugeText,
  [], [null], [NaN, 'x', {}], bigArray, new Uint8Array([0x50, 0x4b, 3, 4]), new Uint8Array(0),
  {}, { annual_purchase: 'many' }, { 年采购额: Infinity }, { gross_margin: {} }, deep, cyclic,
  { name: 'x', factors: [] }, { name: 'm', factors: [{ key: 'k', weight: NaN, inputs: [] }] }, 'key_account', 'rfm', 'gold',
  () => 1, Symbol('s'), 10n, new Date(NaN), new Date(0), rows[0], rows[6],
];
const exported = Object.entries(kam).filter(([name, f]) => typeof f === 'function' && !/^[A-Z]/.test(name) && name !== 'initSync');

test('100,000 hostile calls, then ordinary calls still give the golden numbers', () => {
  let thrown = 0;
  let returned = 0;
  for (let i = 0; i < 100_000; i++) {
    const [name, fn] = pick(exported);
    const args = Array.from({ length: Math.floor(rand() * 4) }, () => pick(hostile));
    try {
      fn(...args);
      returned++;
    } catch (e) {
      thrown++;
      // A failure is an ordinary JS error with a message, never a trap.
      assert.ok(!(e instanceof WebAssembly.RuntimeError), `${name}(${args.map(show).join(', ').slice(0, 200)}) trapped: ${e}`);
    }
    if (i % 10_000 === 0) {
      const [sName, sFn] = pick([['Scorer', () => new kam.Scorer(pick(hostile), pick(hostile)).score(pick(hostile))],
        ['Sheet', () => kam.Sheet.fromBytes(pick([new Uint8Array([1, 2, 3]), new TextEncoder().encode('a,b\n1,2')]))]]);
      try { sFn(); } catch (e) { assert.ok(!(e instanceof WebAssembly.RuntimeError), `${sName} trapped: ${e}`); }
    }
  }
  assert.ok(thrown > 1000 && returned > 1000, `thrown ${thrown}, returned ${returned}`);
  for (const name of kam.presetNames()) {
    rows.forEach((row, i) => assert.equal(kam.scoreAccount(row, name).score, golden[name][i].score, `${name} row ${i}`));
  }
  assert.equal(kam.parseValue('¥1.2万'), 12000);
});

test('20,000 calls with an object that throws while it is read, then a normal call gives the normal answer', () => {
  const calls = [
    () => kam.scoreAccount(throwingGetter),
    () => kam.scoreAccount(revoked),
    () => kam.scoreAccounts([throwingGetter, revoked]),
    () => kam.scoreAccounts(throwingItem),
    () => kam.suggestStrategy(trapping),
    () => kam.suggestStrategy({ 客户名称: '甲' }, { list: throwingGetter }),
    () => kam.accountClass(revoked),
    () => kam.parseValue(revoked),
    () => kam.scoreColumns(trapping),
    () => kam.scoreTable([['客户名称'], throwingItem]),
    () => new kam.Scorer('key_account', ['客户名称', '年采购额']).score(throwingItem),
  ];
  let errors = 0;
  for (let i = 0; i < 20_000; i++) {
    try { calls[i % calls.length](); } catch (e) {
      assert.ok(!(e instanceof WebAssembly.RuntimeError), `call ${i % calls.length} trapped: ${e}`);
      errors++;
    }
  }
  assert.equal(errors, 20_000, 'every such call is refused with an ordinary error');
  rows.forEach((row, i) => assert.equal(kam.scoreAccount(row).score, golden.key_account[i].score, `row ${i}`));
});

test('±Infinity in scoreColumns is refused with its column and row, never scored as a VIP', () => {
  for (const bad of [Infinity, -Infinity]) {
    const purchases = Float64Array.from([1e6, bad, 5e5]);
    assert.throws(() => kam.scoreColumns({ annual_purchase: purchases }), (e) => e.code === 'not_finite_in_column' && /annual_purchase/.test(e.en) && /\b1\b/.test(e.en));
    assert.throws(() => kam.scoreColumns({ annual_purchase: [1e6, bad] }), (e) => e.code === 'not_finite_in_column');
  }
  // NaN is "no value": that row has no score from the column, the others are scored.
  const { score } = kam.scoreColumns({ annual_purchase: Float64Array.from([1e6, NaN]), gross_margin: Float64Array.from([0.2, 0.2]), credit_rating: ['A', 'A'] });
  assert.ok(Number.isFinite(score[0]), 'purchase, margin and credit: 60 % coverage, scored');
  assert.ok(Number.isNaN(score[1]), 'margin and credit only: 35 % coverage, below the minimum');
});
