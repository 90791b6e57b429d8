// A quick loop over the one-row scoring paths (not part of ./scripts/bench.sh): Scorer.score,
// scoreAccount and scoreTable on the generated rows, medians of a few runs, for checking a
// change before the full benchmark. `node bench/quick.mjs [pkg/node/kam_score.js]`.
import { createRequire } from 'node:module';
import * as D from './lib/data.mjs';
import { sheetRows } from './lib/recalc.mjs';

const require = createRequire(import.meta.url);
const root = new URL('../', import.meta.url).pathname;
const kam = require(process.argv[2] ?? `${root}pkg/node/kam_score.js`);
const AS_OF = '2026-09-01';
const median = (xs) => [...xs].sort((a, b) => a - b)[xs.length >> 1];
function time(label, n, fn, reps = 7) {
  const ms = [];
  for (let r = 0; r < reps; r++) {
    const t = performance.now();
    fn();
    ms.push(performance.now() - t);
  }
  console.log(`${label}: ${median(ms).toFixed(2)} ms, ${((median(ms) * 1000) / n).toFixed(3)} µs per row`);
}

const data = D.accountColumns(100000);
const values = Array.from({ length: 100000 }, (_, i) => D.rowValues(data, i));
const objects = values.slice(0, 20000).map((_, i) => D.rowObject(data, i));
const scorer = new kam.Scorer('key_account', D.SCORER_HEADERS, { asOf: AS_OF });
let sink = 0;
time('Scorer.score (100,000)', values.length, () => { for (const v of values) sink += scorer.score(v) || 0; });
time('scoreAccount (20,000)', objects.length, () => { for (const o of objects) sink += kam.scoreAccount(o, 'key_account', { asOf: AS_OF }).coverage; });
const { headers, rows } = sheetRows(10000);
time('scoreTable (10,000 rows)', rows.length, () => { sink += kam.scoreTable([headers, ...rows], null, { asOf: AS_OF }).rows.length; }, 5);
console.log(`(sink ${sink > 0})`);
