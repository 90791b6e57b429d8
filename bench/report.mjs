// Writes BENCHMARKS.md from target/bench/results/*.json (the output of one ./scripts/bench.sh run).
import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import { pythonSection } from './lib/python_section.mjs';

const root = new URL('../', import.meta.url).pathname;
const R = (name) => (existsSync(`${root}target/bench/results/${name}.json`) ? JSON.parse(readFileSync(`${root}target/bench/results/${name}.json`, 'utf8')) : null);
const machine = R('machine'); const native = R('native') ?? {}; const node = R('node') ?? {}; const chrome = R('chromium') ?? {}; const sizes = R('sizes');
const profile = existsSync(`${root}target/bench/results/profile.txt`) ? readFileSync(`${root}target/bench/results/profile.txt`, 'utf8').trim() : null;

const f = (x, d = 0) => (x === null || x === undefined || Number.isNaN(x) ? '–' : x.toLocaleString('en-US', { minimumFractionDigits: d, maximumFractionDigits: d }));
const auto = (x) => (x >= 100 ? f(x, 0) : x >= 10 ? f(x, 1) : x >= 1 ? f(x, 2) : f(x, 3));
/** A stats object {median,min,max} in ms as "median (min–max) ms". */
const ms = (s, scale = 1, unit = 'ms') => (s ? `${auto(s.median * scale)} ${unit} (${auto(s.min * scale)}–${auto(s.max * scale)})` : '–');
/** ms per run → µs per unit (median (min–max)). */
const per = (s, units, unit = 'µs') => (s ? ms(s, (unit === 'ns' ? 1e6 : 1e3) / units, unit) : '–');
const rate = (s, units) => (s ? `${f(units / (s.median / 1000) / 1e6, 2)} M/s` : '–');
const x = (r) => (r ? `${f(r.median, 2)}× (${f(r.min, 2)}–${f(r.max, 2)})` : '–');
const nsStat = (b) => (b ? ms(b.ns, 1, 'ns') : '–');
const kb = (b) => `${f(b / 1024, 1)} KiB`;
const targets = [];
const target = (what, ok, detail) => targets.push(`| ${what} | ${ok === null ? 'not measured' : ok ? '**met**' : '**missed**'} | ${detail} |`);

const L = [];
L.push('# Benchmarks', '');
L.push('Written by `./scripts/bench.sh` (not part of the tests); every figure below comes from one run of it on the machine described here. '
  + 'Each figure is the **median (min–max)** over repeated runs; each comparison is the **ratio of runs interleaved in the same round** '
  + '(the contenders take turns, order rotating each round), median (min–max) of those per-round ratios. Ratios above 1 mean the first-named is slower.', '');
if (machine) {
  L.push('## Machine and versions', '');
  L.push(`- Run: ${machine.started} → ${machine.finished} (${machine.minutes} min)`);
  L.push(`- CPU: ${machine.cpu}, ${machine.cores} cores; memory ${machine.memory}; ${machine.os}`);
  L.push(`- Load (\`uptime\`) at start: \`${machine.loadStart}\``);
  L.push(`- Load at end: \`${machine.loadEnd}\``);
  L.push(`- ${machine.versions}`);
  if (machine.loadNote) L.push(`- **${machine.loadNote}**`);
  L.push('');
}
const sc = node.scoring; const cs = chrome.scoring;
L.push('## Scoring', '');
L.push(`Generated data (bench/lib/data.mjs, seeded): ${f(sc?.rows ?? cs?.rows)} accounts with the key_account fields in their own units, about 5 % of values missing, 1 % of rows nearly empty; the native benchmarks read the same rows from files bench/gen.mjs writes. `
  + 'Plain JS is bench/plain-js/key_account.js, a straightforward implementation of the same model, checked against the crate on every row '
  + `(largest difference: Node ${sc ? sc.checks.plainVsWasmMaxDiff.toExponential(1) : '–'}, Chromium ${cs ? cs.checks.plainVsWasmMaxDiff.toExponential(1) : '–'}; Scorer and scoreAccount identical to scoreColumns on the first 5,000 rows; the native helper's checksum equal to the wasm one). `
  + 'Native code and the wasm build both use the release profile (`opt-level = 3`, LTO; the wasm then `wasm-opt -Oz`): see "Build profile" below for the choice.', '');
L.push('### Columnar batch (1,000,000 rows, key_account)', '');
L.push('| path | Node 20 | rows/s | Chromium | rows/s |', '| --- | --- | --- | --- | --- |');
const bn = native['batch/score_columns/key_account'];
const bnc = native['batch/score_columns_coded/key_account'];
L.push(`| native, criterion (\`kam_score::score::columns\`), credit as codes + values | ${bnc ? ms(bnc.ns, 1e-6) : '–'} | ${bnc ? rate({ median: bnc.ns.median / 1e6 }, bnc.elements) : '–'} | | |`);
L.push(`| native, criterion, credit as texts (each distinct text found through a hash map) | ${bn ? ms(bn.ns, 1e-6) : '–'} | ${bn ? rate({ median: bn.ns.median / 1e6 }, bn.elements) : '–'} | | |`);
for (const [k, label] of [['nativeCoded', 'native, helper interleaved with the wasm runs (codes + values)'], ['native', 'native, helper (credit as texts)'], ['wasmCoded', 'wasm `scoreColumns`, Float64Array columns + the credit column as `{codes: Uint8Array, values}`'], ['wasm', 'wasm `scoreColumns` (Float64Array columns + a string[] credit column)'], ['wasmNumbersOnly', 'wasm `scoreColumns`, numeric columns only (no text column to copy)'], ['plainJs', 'plain JS over the same columns (string[] credit column)']]) {
  L.push(`| ${label} | ${ms(sc?.batch[k]?.ms)} | ${rate(sc?.batch[k]?.ms, sc?.rows)} | ${ms(cs?.batch[k]?.ms)} | ${rate(cs?.batch[k]?.ms, cs?.rows)} |`);
}
L.push('', `Ratios (same rounds): plain JS / wasm with codes (how many times faster the crate is) — Node ${x(sc?.batch.ratios.plainJsOverWasmCoded)}, Chromium ${x(cs?.batch.ratios.plainJsOverWasmCoded)}; wasm with codes / native with codes — Node ${x(sc?.batch.ratios.wasmCodedOverNativeCoded)}, Chromium ${x(cs?.batch.ratios.wasmCodedOverNativeCoded)}; wasm string[] / plain JS — Node ${x(sc?.batch.ratios.wasmOverPlainJs)}, Chromium ${x(cs?.batch.ratios.wasmOverPlainJs)}.`, '');
L.push('### One row at a time', '');
L.push('| path | Node 20, per row | Chromium, per row |', '| --- | --- | --- |');
L.push(`| wasm \`scoreAccount\` (object in, full score card out), ${f(sc?.callRows)} rows | ${per(sc?.objectPerRow.scoreAccount.ms, sc?.callRows)} | ${per(cs?.objectPerRow.scoreAccount.ms, cs?.callRows)} |`);
L.push(`| plain JS, same objects | ${per(sc?.objectPerRow.plainJsObject.ms, sc?.callRows)} | ${per(cs?.objectPerRow.plainJsObject.ms, cs?.callRows)} |`);
L.push(`| ratio scoreAccount / plain JS | ${x(sc?.objectPerRow.ratios.wasmOverPlainJs)} | ${x(cs?.objectPerRow.ratios.wasmOverPlainJs)} |`);
L.push(`| wasm \`Scorer.score\` (values in header order → a number), ${f(sc?.cellRows)} calls | ${per(sc?.perCell.scorer.ms, sc?.cellRows)} | ${per(cs?.perCell.scorer.ms, cs?.cellRows)} |`);
L.push(`| plain JS, same value arrays | ${per(sc?.perCell.plainJsValues.ms, sc?.cellRows)} | ${per(cs?.perCell.plainJsValues.ms, cs?.cellRows)} |`);
L.push(`| ratio Scorer / plain JS | ${x(sc?.perCell.ratios.wasmOverPlainJs)} | ${x(cs?.perCell.ratios.wasmOverPlainJs)} |`, '');
L.push('Native, one row of the shipped sample (criterion), per preset:', '');
L.push('| preset | `score_value` (the per-cell kernel) | `score_row` (full card) |', '| --- | --- | --- |');
for (const p of ['key_account', 'attractiveness', 'value_pyramid', 'bank', 'rfm']) {
  L.push(`| ${p} | ${nsStat(native[`one_row/score_value/${p}`])} | ${nsStat(native[`one_row/score_card/${p}`])} |`);
}
L.push('');
L.push('### Value parser (messy cells: `¥1.2万`, `3.5亿`, `(1,234)`, `１２３`, `N/A`, about 3 % unreadable)', '');
const bp = native['parse/parse_number/messy_cells'];
L.push('| path | per cell |', '| --- | --- |');
L.push(`| native \`parse_number\`, criterion, ${f(bp?.elements)} cells | ${bp ? ms(bp.ns, 1 / bp.elements, 'ns') : '–'} |`);
L.push(`| native, helper interleaved with Node | ${per(sc?.parse.native?.ms, sc?.rows, 'ns')} |`);
L.push(`| wasm \`parseValue\` per cell in Node (throws on an unreadable cell), ${f(sc?.parseCells)} cells | ${per(sc?.parse.parseValue.ms, sc?.parseCells, 'ns')} |`);
L.push(`| wasm \`parseValue\` per cell in Chromium | ${per(cs?.parse.parseValue.ms, cs?.parseCells, 'ns')} |`, '');

const im = node.import; const ic = chrome.import;
L.push('## File import: file in → scored table out', '');
L.push(`A generated ${f(ic?.rows ?? im?.rows)}-row × ${ic?.columns ?? im?.columns}-column account list (Chinese headers, \`年采购额(万元)\`, ratings, empty cells), written by SheetJS as .xlsx (${kb((ic ?? im)?.bytes.xlsx ?? 0)}) and as UTF-8 .csv (${kb((ic ?? im)?.bytes.csv ?? 0)}). `
  + 'Checked before timing: the crate\'s `Sheet.fromBytes`, SheetJS and PapaParse give the same row and column counts, the same headers and the same cells on a sample of about 1,000 rows, and the crate\'s scores equal the plain-JS scores of the SheetJS / PapaParse tables (within 1e-9). '
  + 'Each time is reading + scoring (key_account); read and score medians are shown apart.', '');
L.push('| file → scored table | Node 20 | (read + score) | Chromium | (read + score) |', '| --- | --- | --- | --- | --- |');
const sp = (r, k) => (r?.split?.[k] ? `${auto(r.split[k].read.median)} + ${auto(r.split[k].score.median)} ms` : '–');
for (const [k, label] of [['xlsxCrate', '.xlsx: crate (`Sheet.fromBytes` + `scores`)'], ['xlsxSheetJsPlainJs', '.xlsx: SheetJS + plain JS'], ['csvCrate', '.csv: crate'], ['csvPapaParsePlainJs', '.csv: PapaParse + plain JS'], ['csvSheetJsPlainJs', '.csv: SheetJS + plain JS']]) {
  L.push(`| ${label} | ${ms(im?.endToEnd[k]?.ms)} | ${sp(im, k)} | ${ms(ic?.endToEnd[k]?.ms)} | ${sp(ic, k)} |`);
}
L.push('', `Ratios: .xlsx crate / SheetJS+JS — Node ${x(im?.ratios.xlsxCrateOverSheetJs)}, Chromium ${x(ic?.ratios.xlsxCrateOverSheetJs)}; .csv crate / PapaParse+JS — Node ${x(im?.ratios.csvCrateOverPapaParse)}, Chromium ${x(ic?.ratios.csvCrateOverPapaParse)}; .csv crate / SheetJS+JS — Node ${x(im?.ratios.csvCrateOverSheetJs)}, Chromium ${x(ic?.ratios.csvCrateOverSheetJs)}.`, '');

L.push('### Peak memory of one import (fresh process or browser each, median of 3 in Node)', '');
L.push('| import | Node: peak RSS added (VmHWM) | Chromium: renderer peak RSS (VmHWM), added | Chromium: wasm memory after | Chromium: JS heap used after |', '| --- | --- | --- | --- | --- |');
for (const [k, label] of [['xlsxCrate', '.xlsx, crate (read + score)'], ['xlsxSheetJs', '.xlsx, SheetJS (read)'], ['csvCrate', '.csv, crate (read + score)'], ['csvPapaParse', '.csv, PapaParse (read)']]) {
  const n = node.memory?.[k]; const c = chrome.memory?.[k];
  L.push(`| ${label} | ${n ? `${f(n.peakDeltaMiB.median)} MiB (${f(n.peakDeltaMiB.min)}–${f(n.peakDeltaMiB.max)})` : '–'} | ${c ? `${f(c.rendererPeakMiB)} MiB, +${f(c.rendererPeakDeltaMiB)} MiB` : '–'} | ${c?.wasmMemoryMiB ? `${f(c.wasmMemoryMiB, 1)} MiB` : '–'} | ${c?.jsHeapUsedMiB ? `${f(c.jsHeapUsedMiB, 1)} MiB` : '–'} |`);
}
L.push('', 'Wasm memory never shrinks, so its size after the import is its peak. The renderer figures include the page and its modules.', '');

const rn = node.recalc; const rc = chrome.recalc;
L.push('## Spreadsheet recalculation: 10,000 SCORE cells', '');
L.push(`${f(rn?.cells ?? rc?.cells)} rows of the generated list as a host passes them (texts, numbers, "" for empty). "Per cell" is a filled-down column: one call per row, as Excel and Sheets recalculate \`=SCORE(A2:O2, A$1:O$1)\`; "range" is one call over all rows. Every result was checked against \`scoreAccount\` first.`, '');
L.push('`SCORE` goes through `Scorer.score` (the score alone; the reason through `lastReason()` only when there is none). `SCORE_TABLE` goes through the core builder of computed columns (src/report.rs, the `scoreTable` export): score, tier, next tier and how to reach it, coverage, problems, ABC class, matrix cell and a suggested strategy for every row — measured as it is.', '');
L.push('| host | SCORE per cell (10,000 calls) | SCORE, one range call | SCORE_TABLE over the 10,000 rows |', '| --- | --- | --- | --- |');
L.push(`| Excel functions file in its add-in page (taskpane.html, Office stand-ins), Chromium | ${ms(rc?.ms.excelPerCell)} | ${ms(rc?.ms.excelRange)} | ${ms(rc?.ms.excelTable)} |`);
L.push(`| shared functions file (www/functions/kam-functions.js) over pkg/node, Node | ${ms(rn?.ms.sharedPerCell)} | ${ms(rn?.ms.sharedRange)} | ${ms(rn?.ms.sharedTable)} |`);
L.push(`| Apps Script bundle (pkg/gsheets/kam-score.js) in a bare vm context, Node | ${ms(rn?.ms.gsheetsPerCell)} | ${ms(rn?.ms.gsheetsRange)} | |`, '');

const cv = node.clv;
L.push('## CLV on CDNOW (BG/NBD + Gamma-Gamma, fit and predict for every customer)', '');
if (cv) {
  L.push(`From the raw CDNOW_sample.txt (${f(cv.customers)} customers, weeks to 1997-09-30): the RFM summary, the BG/NBD fit, the Gamma-Gamma fit on the repeat buyers, P(alive) and expected purchases over 39 weeks and the 12-month CLV at 1 % a month for every customer. `
    + `lifetimes ${cv.versions.lifetimes} (Python ${cv.versions.python}, numpy ${cv.versions.numpy}, pandas ${cv.versions.pandas}, scipy ${cv.versions.scipy}; installed by the benchmark into target/bench-venv, it installs as pinned) runs the same steps in a long-lived process that times itself.`, '');
  L.push('| | time | r | α | a | b | p | q | γ |', '| --- | --- | --- | --- | --- | --- | --- | --- | --- |');
  const pr = (p) => [p.bg.r, p.bg.alpha, p.bg.a, p.bg.b, p.gg.p, p.gg.q, p.gg.gamma].map((v) => f(v, 4)).join(' | ');
  L.push(`| wasm (pkg/node) | ${ms(cv.ms.wasm)} | ${pr(cv.params.wasm)} |`);
  L.push(`| lifetimes | ${ms(cv.ms.lifetimes)} | ${pr(cv.params.lifetimes)} |`, '');
  const d = cv.diff;
  L.push(`lifetimes / wasm time: ${x(cv.ratio)}. Largest differences: parameters ${Math.max(d.r, d.alpha, d.a, d.b, d.p, d.q, d.gamma).toExponential(1)}, expected purchases ${d.expected.toExponential(1)}, P(alive) ${d.pAlive.toExponential(1)} — the same to 3 decimals. `
    + `CLV differs by up to ${f(d.clvRel * 100, 3)} % (${f(d.clvAbs, 3)} dollars): lifetimes counts a month as 4.345 weeks, the crate as 30.4375 days (4.348 weeks), so the monthly steps differ slightly; the parameters and per-customer predictions agree.`, '');
}

const cl = node.clvScale;
if (cl?.length) {
  L.push('## CLV at scale: generated transaction logs', '');
  L.push('Logs generated by bench/lib/clv_log.mjs (seeded): customers who follow BG/NBD and Gamma-Gamma with the CDNOW parameters, first purchases over the first 12 weeks of 1997, observed for 78 weeks to 1998-06-30. The same steps as on CDNOW, end to end: the summary from the transactions, both fits, P(alive) and expected purchases over 39 weeks, the 12-month CLV of every customer. '
    + 'The crate reads typed columns (`rfmSummaryColumns`: ids as a Uint32Array, dates as yyyymmdd numbers, amounts as a Float64Array); lifetimes is timed from a DataFrame whose dates were parsed before its timer started.', '');
  L.push('| customers | transactions | distinct (x, tₓ, T) | wasm (pkg/node) | lifetimes | lifetimes / wasm | largest relative parameter difference | expected purchases, P(alive) largest differences |', '| --- | --- | --- | --- | --- | --- | --- | --- |');
  for (const c of cl) L.push(`| ${f(c.customers)} | ${f(c.transactions)} | ${f(c.groups)} | ${ms(c.ms.wasm)} | ${ms(c.ms.lifetimes)} | ${x(c.ratio)} | ${c.diff.paramsRel.toExponential(1)} | ${c.diff.expected.toExponential(1)}, ${c.diff.pAlive.toExponential(1)} |`);
  L.push('');
}
L.push(...pythonSection(R('python_clv'), R('python_spark')));

L.push('## Sizes', '');
if (sizes) {
  L.push('| file | raw | gzip -9 |', '| --- | --- | --- |');
  for (const [k, v] of Object.entries(sizes.wasm)) L.push(`| ${k} | ${kb(v.raw)} | ${kb(v.gzip)} |`);
  L.push('', `What the demo page downloads before it is usable (${sizes.page.measured ? `the requests Chromium made until \`body[data-ready]\`, ${f(sizes.page.readyMs)} ms` : 'the page did not become ready in this run, so this is the list of files it loads'}):`, '');
  L.push('| file | raw | gzip -9 |', '| --- | --- | --- |');
  for (const [k, v] of Object.entries(sizes.page.files)) L.push(`| ${k} | ${kb(v.raw)} | ${kb(v.gzip)} |`);
  L.push(`| **total** | **${kb(sizes.page.total.raw)}** | **${kb(sizes.page.total.gzip)}** |`, '');
  const after = Object.entries(sizes.page.after ?? {});
  if (after.length) {
    L.push('Then, once the page is ready and while the user picks a list, it fetches the full module (the file readers and writers, `Sheet`) ahead of the first list; the charting library comes with the first chart:', '');
    L.push('| file | raw | gzip -9 |', '| --- | --- | --- |');
    for (const [k, v] of after) L.push(`| ${k} | ${kb(v.raw)} | ${kb(v.gzip)} |`);
    L.push('');
  }
}

// Targets (issue 16 for the scoring paths; the others as before).
const cb = cs?.batch;
if (cb) {
  const r = cb.ratios.plainJsOverWasmCoded?.median;
  target('Columnar batch in Chromium ≥ 2× faster than plain JS (issue 16)', r === undefined ? null : r >= 2, `plain JS / wasm (codes + values) ${x(cb.ratios.plainJsOverWasmCoded)}; with a string[] credit column plain JS / wasm is ${cb.ratios.wasmOverPlainJs ? f(1 / cb.ratios.wasmOverPlainJs.median, 2) : '–'}×`);
  const rps = cs.rows / (cb.wasmCoded.ms.median / 1000);
  target('Columnar batch ≥ 5,000,000 rows/s in Chromium (issue 16)', rps >= 5e6, `${f(rps / 1e6, 2)} M rows/s with codes + values (${f(cs.rows / (cb.wasm.ms.median / 1000) / 1e6, 2)} M rows/s with a string[] column)${rps < 5e6 ? ` — ${f(5e6 / rps, 1)}× short` : ''}`);
}
if (bnc) {
  const rps = bnc.elements / (bnc.ns.median / 1e9);
  target('Native columnar batch ≥ 15,000,000 rows/s (issue 16)', rps >= 15e6, `${f(rps / 1e6, 2)} M rows/s (criterion, codes + values; ${bn ? f(bn.elements / (bn.ns.median / 1e9) / 1e6, 2) : '–'} M rows/s with a text column)${rps < 15e6 ? ` — ${f(15e6 / rps, 1)}× short` : ''}`);
}
if (cs || sc) {
  const us = (s) => s.perCell.scorer.ms.median * 1000 / s.cellRows;
  const worst = Math.max(...[cs, sc].filter(Boolean).map(us));
  target('Per-cell `Scorer.score` ≤ 0.5 µs a row, no slower than plain JS (issue 16)', worst <= 0.5, `Chromium ${cs ? f(us(cs), 3) : '–'} µs, Node ${sc ? f(us(sc), 3) : '–'} µs; Scorer / plain JS: Chromium ${x(cs?.perCell.ratios.wasmOverPlainJs)}, Node ${x(sc?.perCell.ratios.wasmOverPlainJs)}${worst > 0.5 ? ` — ${f(worst / 0.5, 1)}× the target` : ''}`);
  const ua = (s) => s.objectPerRow.scoreAccount.ms.median * 1000 / s.callRows;
  const worstA = Math.max(...[cs, sc].filter(Boolean).map(ua));
  target('`scoreAccount` (full score card) ≤ 10 µs a row (issue 16)', worstA <= 10, `Chromium ${cs ? f(ua(cs), 1) : '–'} µs, Node ${sc ? f(ua(sc), 1) : '–'} µs${worstA > 10 ? ` — ${f(worstA / 10, 1)}× the target` : ''}`);
}
if (rc) {
  const m = rc.ms.excelPerCell.median;
  target('10,000 SCORE cells ≤ 50 ms (Excel harness, issue 16)', m <= 50, `${f(m)} ms per-cell, ${f(rc.ms.excelRange.median)} ms as one range${m > 50 ? ` — ${f(m / 50, 1)}× the target` : ''}`);
  const t = rc.ms.excelTable?.median;
  target('SCORE_TABLE over 10,000 rows ≤ 30 ms (Excel harness, issue 16; the core builder with a strategy per row, as it is)', t === undefined ? null : t <= 30, `${f(t)} ms (Node, functions file: ${f(rn?.ms.sharedTable?.median)} ms)${t > 30 ? ` — ${f(t / 30, 1)}× the target` : ''}`);
}
if (ic) {
  const m = ic.endToEnd.xlsxCrate.ms.median; const r = ic.ratios.xlsxCrateOverSheetJs.median;
  target('100,000-row .xlsx → scored table under 3 s in Chromium', m < 3000, `${f(m)} ms`);
  target('… and faster than SheetJS + plain JS', r < 1, `crate / SheetJS+JS ${x(ic.ratios.xlsxCrateOverSheetJs)}`);
}
if (cv) target('CLV fit + predict ≥ 5× faster than lifetimes, same parameters to 3 decimals', cv.ratio.median >= 5, `${x(cv.ratio)} faster; parameters equal to ${Math.max(cv.diff.r, cv.diff.alpha, cv.diff.a, cv.diff.b, cv.diff.p, cv.diff.q, cv.diff.gamma).toExponential(0)}${cv.ratio.median < 5 ? ` — ${f(5 / cv.ratio.median, 1)}× short` : ''}`);
for (const c of cl ?? []) {
  target(`CLV end to end ≥ 5× faster than lifetimes on the generated log of ${f(c.customers)} customers / ${f(c.transactions)} transactions, same parameters to 1e-5 (issue 16)`, c.ratio.median >= 5 && c.diff.paramsRel <= 1e-5,
    `${x(c.ratio)} faster; parameters within ${c.diff.paramsRel.toExponential(1)} (relative)${c.ratio.median < 5 ? ` — ${f(5 / c.ratio.median, 1)}× short` : ''}`);
}
const core = sizes?.wasm['core (pkg/web-core, --no-default-features)'];
if (core) target('Core .wasm under 250 KB gzipped', core.gzip < 250 * 1000, `${f(core.gzip / 1000, 1)} KB (${kb(core.gzip)})${core.gzip >= 250000 ? ` — ${f(core.gzip / 1000 - 250, 1)} KB over` : ''}`);
const page = sizes?.page?.total;
if (page) {
  const wasmFile = Object.entries(sizes.page.files).find(([k]) => k.endsWith('.wasm'));
  target('What the page downloads before it is usable ≤ 700 KB gzipped (issue 16)', page.gzip <= 700 * 1000, `${f(page.gzip / 1000, 1)} KB (${kb(page.gzip)})${page.gzip > 700000 ? ` — ${f(page.gzip / 1000 - 700, 1)} KB over; ${wasmFile ? `${wasmFile[0]} (${kb(wasmFile[1].gzip)})` : 'the module'} is loaded before the page is ready` : ''}`);
}
L.push('## Targets', '', '| target | | figure |', '| --- | --- | --- |', ...targets, '');

L.push('## Profiles and hot spots', '');
if (profile) L.push('`perf record` of the native columnar batch (the helper scoring all rows three times, the credit column as codes + values), functions by self time:', '', '```', profile, '```', '');
// The reading of those profiles (hot spots and suggested fixes): bench/notes.md.
if (existsSync(`${root}bench/notes.md`)) L.push(readFileSync(`${root}bench/notes.md`, 'utf8').trim(), '');
writeFileSync(`${root}BENCHMARKS.md`, `${L.join('\n')}\n`);
console.log(`[report] wrote BENCHMARKS.md (${targets.length} targets)`);
