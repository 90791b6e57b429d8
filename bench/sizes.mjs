// Sizes for ./scripts/bench.sh: the .wasm files raw and gzipped (level 9), the full build
// (pkg/web) and the core build without the file readers (pkg/web-core), and what the demo
// page downloads before it is usable (the URLs that bench/chromium.mjs saw, else the list
// of files the page loads). Writes target/bench/results/sizes.json.
import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import { gzipSync } from 'node:zlib';

const root = new URL('../', import.meta.url).pathname;
const size = (path) => {
  const b = readFileSync(path);
  return { raw: b.length, gzip: gzipSync(b, { level: 9 }).length };
};
const out = { wasm: {} };
for (const [name, path] of [['full (pkg/web)', 'pkg/web/kam_score_bg.wasm'], ['core (pkg/web-core, --no-default-features)', 'pkg/web-core/kam_score_bg.wasm'],
  ['full JS glue (pkg/web/kam_score.js)', 'pkg/web/kam_score.js'], ['core JS glue (pkg/web-core/kam_score.js)', 'pkg/web-core/kam_score.js']]) {
  if (existsSync(`${root}${path}`)) out.wasm[name] = size(`${root}${path}`);
}
let chromium = {};
try { chromium = JSON.parse(readFileSync(`${root}target/bench/results/chromium.json`, 'utf8')); } catch { /* no browser run */ }
const seen = chromium.page?.ready ? chromium.page.urls.filter((u) => u !== '/favicon.ico') : null;
const files = seen ?? ['/index.html', '/style.css', '/app.js', '/i18n.js', '/charts.js', '/worker.js', '/pkg-core/kam_score.js', '/pkg-core/kam_score_bg.wasm'];
out.page = { measured: Boolean(seen), readyMs: chromium.page?.readyMs ?? null, files: {} };
for (const f of files) {
  const p = `${root}www${f}`;
  if (existsSync(p)) out.page.files[f] = size(p);
}
// Fetched once the page is ready, ahead of the first list (the full module with the file readers).
out.page.after = {};
for (const f of chromium.page?.after ?? []) {
  const p = `${root}www${f}`;
  if (existsSync(p) && !(f in out.page.files)) out.page.after[f] = size(p);
}
out.page.total = Object.values(out.page.files).reduce((a, b) => ({ raw: a.raw + b.raw, gzip: a.gzip + b.gzip }), { raw: 0, gzip: 0 });
writeFileSync(`${root}target/bench/results/sizes.json`, JSON.stringify(out, null, 1));
console.log(`[sizes] ${JSON.stringify(Object.fromEntries(Object.entries(out.wasm).map(([k, v]) => [k, v.gzip])))} gzipped; page ${out.page.total.gzip} bytes gzipped`);
