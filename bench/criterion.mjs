// Reads criterion's samples (target/criterion/<group>/<bench>/new/{sample,benchmark}.json)
// into per-iteration median, min and max. Writes target/bench/results/native.json.
import { readFileSync, readdirSync, existsSync, writeFileSync } from 'node:fs';
import { stats } from './lib/timing.mjs';

const root = new URL('../', import.meta.url).pathname;
// Criterion writes under the cargo target directory (CARGO_TARGET_DIR when set).
const base = `${process.env.CARGO_TARGET_DIR ?? `${root}target`}/criterion`;
const out = {};
for (const group of existsSync(base) ? readdirSync(base) : []) {
  for (const bench of readdirSync(`${base}/${group}`)) {
    const dir = `${base}/${group}/${bench}/new`;
    if (!existsSync(`${dir}/sample.json`)) continue;
    const meta = JSON.parse(readFileSync(`${dir}/benchmark.json`, 'utf8'));
    const s = JSON.parse(readFileSync(`${dir}/sample.json`, 'utf8'));
    const perIterNs = s.times.map((t, i) => t / s.iters[i]);
    out[meta.full_id] = { ns: stats(perIterNs), elements: meta.throughput?.Elements ?? null, samples: s.times.length };
  }
}
writeFileSync(`${root}target/bench/results/native.json`, JSON.stringify(out, null, 1));
console.log(`[criterion] ${Object.keys(out).length} benchmarks read`);
