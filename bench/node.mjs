// The Node half of ./scripts/bench.sh: wasm (pkg/node) against plain JavaScript and the
// native helper; file import against SheetJS and PapaParse; the spreadsheet functions file and
// the Apps Script bundle; CLV against lifetimes; peak memory of the import. Writes
// target/bench/results/node.json. Sizes come from the environment (KAM_BENCH_*).
import { createRequire } from 'node:module';
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import vm from 'node:vm';
import { scoringSuite, importSuite } from './lib/suite.mjs';
import { interleave, stats, ratios } from './lib/timing.mjs';
import { lineProcess } from './lib/helpers.mjs';
import { sheetRows, expectedScores } from './lib/recalc.mjs';
import { cdnowTransactions, clvWasm, clvWasmColumns, compareClv } from './lib/clv.mjs';
import { generateLog, logText, LOG_END } from './lib/clv_log.mjs';
import * as plain from './plain-js/key_account.js';

const require = createRequire(import.meta.url);
const root = new URL('../', import.meta.url).pathname;
const env = (k, d) => Number(process.env[k] ?? d);
const dataDir = process.env.KAM_BENCH_DATA ?? `${root}target/bench/data`;
const outDir = `${root}target/bench/results`;
const REPS = env('KAM_BENCH_REPS', 5);
const log = (m) => console.log(`[node] ${m}`);
mkdirSync(outDir, { recursive: true });

const only = process.argv.slice(2);
const want = (part) => only.length === 0 || only.includes(part);
// KAM_BENCH_PKG: another build of the package (to compare build profiles on a reduced run).
const kam = require(process.env.KAM_BENCH_PKG ?? `${root}pkg/node/kam_score.js`);
const doc = JSON.parse(readFileSync(`${root}presets/key_account.json`, 'utf8'));
const meta = JSON.parse(readFileSync(`${dataDir}/meta.json`, 'utf8'));
const out = { reps: REPS, node: process.version, v8: process.versions.v8 };

if (want('scoring')) {
  const helper = process.env.KAM_NATIVE_HELPER;
  const native = helper ? lineProcess(helper, ['--serve'], { env: { ...process.env, KAM_BENCH_DATA: dataDir } }) : null;
  if (native) await native.ready();
  out.scoring = await scoringSuite({
    kam, plain, doc, rows: meta.rows, callRows: env('KAM_BENCH_CALL_ROWS', 20000), cellRows: env('KAM_BENCH_CELL_ROWS', 100000),
    parseCells: env('KAM_BENCH_PARSE_CELLS', 200000), reps: REPS, native: native && ((c) => native.ask(c)), log,
  });
  native?.close();
}

if (want('import')) {
  out.import = await importSuite({
    kam, plain, doc, XLSX: require('xlsx'), Papa: require('papaparse'),
    xlsxBytes: new Uint8Array(readFileSync(`${dataDir}/accounts.xlsx`)), csvBytes: new Uint8Array(readFileSync(`${dataDir}/accounts.csv`)), reps: REPS, log,
  });
}

if (want('recalc')) {
  // The shared functions file over pkg/node, and the Apps Script bundle in a bare V8 context.
  const asOf = '2026-09-01';
  const cells = env('KAM_BENCH_SCORE_CELLS', 10000);
  const { headers, rows } = sheetRows(cells);
  const want = expectedScores(kam, headers, rows, asOf);
  const { createKamFunctions, KamError } = await import(`${root}www/functions/kam-functions.js`);
  const fns = createKamFunctions(kam, { asOf });
  const plainValue = (v) => (v instanceof KamError ? (v.code === 'na' ? '#N/A' : '#VALUE!') : v);
  const perCellShared = rows.map((r) => plainValue(fns.SCORE([r], [headers])[0][0]));
  perCellShared.forEach((v, i) => { if (v !== want[i]) throw new Error(`functions file, row ${i}: ${v} against ${want[i]}`); });

  const context = vm.createContext({});
  vm.runInContext(readFileSync(`${root}pkg/gsheets/kam-score.js`, 'utf8'), context, { filename: 'kam-score.js' });
  context.__rows = vm.runInContext(`(${JSON.stringify(rows)})`, context);
  context.__headers = vm.runInContext(`([${JSON.stringify(headers)}])`, context);
  const gsPerCell = () => vm.runInContext('(async () => { const out = []; for (const r of __rows) { try { out.push((await KAM_SCORE([r], __headers))[0][0]); } catch (e) { out.push({ thrown: e.message }); } } return out; })()', context);
  const gsRange = () => vm.runInContext('KAM_SCORE(__rows, __headers)', context);
  const gsGot = await gsPerCell();
  gsGot.forEach((v, i) => {
    // A single cell with no score is a thrown error in Sheets (its reason shown on the cell).
    const ok = typeof want[i] === 'number' ? v === want[i] : v !== null && typeof v === 'object' && 'thrown' in v;
    if (!ok) throw new Error(`Apps Script, row ${i}: ${JSON.stringify(v)} against ${want[i]}`);
  });
  log(`recalc checks passed: ${cells} SCORE cells match scoreAccount (functions file and Apps Script bundle)`);
  // SCORE_TABLE over the same rows: the core builder of computed columns (src/report.rs,
  // through the scoreTable export), which also suggests a strategy for every row.
  const table = fns.SCORE_TABLE([headers, ...rows]);
  if (table.length !== rows.length + 1) throw new Error(`SCORE_TABLE: ${table.length} rows for ${rows.length}`);
  const s = await interleave({
    sharedTable: () => { fns.SCORE_TABLE([headers, ...rows]); },
    sharedPerCell: () => { for (const r of rows) fns.SCORE([r], [headers]); },
    sharedRange: () => { fns.SCORE(rows, [headers]); },
    gsheetsPerCell: () => gsPerCell(),
    gsheetsRange: () => gsRange(),
  }, REPS);
  out.recalc = { cells, ms: Object.fromEntries(Object.entries(s).map(([k, v]) => [k, stats(v)])) };
  log(`recalc: functions file ${stats(s.sharedPerCell).median.toFixed(0)} ms per cell-call, Apps Script ${stats(s.gsheetsPerCell).median.toFixed(0)} ms`);
}

if (want('clv')) {
  const txPath = `${root}target/cdnow/CDNOW_sample.txt`;
  const tx = cdnowTransactions(readFileSync(txPath, 'utf8'));
  const python = process.env.KAM_BENCH_PYTHON ?? `${root}target/bench-venv/bin/python`;
  const py = lineProcess(python, [`${root}bench/clv_lifetimes.py`, txPath]);
  const { versions } = await py.ready();
  const w = clvWasm(kam, tx);
  const first = await py.ask('run');
  const diff = compareClv(w, first);
  const s = await interleave({
    wasm: () => { clvWasm(kam, tx); },
    lifetimes: async () => ({ ms: (await py.ask('run')).seconds * 1000 }),
  }, Math.max(REPS, 7));
  py.close();
  out.clv = { customers: w.customers, versions, params: { wasm: { bg: w.bg, gg: w.gg }, lifetimes: { bg: first.bg, gg: first.gg } }, diff,
    ms: { wasm: stats(s.wasm), lifetimes: stats(s.lifetimes) }, ratio: ratios(s.lifetimes, s.wasm) };
  log(`clv: wasm ${stats(s.wasm).median.toFixed(1)} ms, lifetimes ${stats(s.lifetimes).median.toFixed(1)} ms`);
}

if (want('clvScale')) {
  // Generated logs (bench/lib/clv_log.mjs) of 25,000 and 250,000 customers: the crate from
  // typed columns (ids as codes, dates as yyyymmdd numbers), lifetimes from a DataFrame whose
  // dates are parsed before its timer starts; summary, both fits, predictions and CLV.
  const python = process.env.KAM_BENCH_PYTHON ?? `${root}target/bench-venv/bin/python`;
  const sizes = (process.env.KAM_BENCH_CLV_SIZES ?? '25000,250000').split(',').map(Number);
  out.clvScale = [];
  for (const customers of sizes) {
    const generated = generateLog(customers);
    const path = `${dataDir}/clv_log_${customers}.txt`;
    writeFileSync(path, logText(generated));
    const py = lineProcess(python, [`${root}bench/clv_lifetimes.py`, path, LOG_END, 'parsed']);
    await py.ready();
    const w = clvWasmColumns(kam, generated, LOG_END);
    const first = await py.ask('run');
    const diff = compareClv(w, first);
    const s = await interleave({
      wasm: () => { clvWasmColumns(kam, generated, LOG_END); },
      lifetimes: async () => ({ ms: (await py.ask('run')).seconds * 1000 }),
    }, customers > 100_000 ? 3 : REPS);
    py.close();
    out.clvScale.push({ customers, transactions: generated.ids.length, groups: w.bg.groups, params: { wasm: { bg: w.bg, gg: w.gg }, lifetimes: { bg: first.bg, gg: first.gg } },
      diff, ms: { wasm: stats(s.wasm), lifetimes: stats(s.lifetimes) }, ratio: ratios(s.lifetimes, s.wasm) });
    log(`clv ${customers}: wasm ${stats(s.wasm).median.toFixed(0)} ms, lifetimes ${stats(s.lifetimes).median.toFixed(0)} ms, params within ${diff.paramsRel.toExponential(1)}`);
  }
}

if (want('memory')) {
  // Peak resident memory (VmHWM) of a fresh Node process that imports the file one way,
  // less the same process's peak before the import (modules loaded, file read).
  const results = {};
  for (const way of ['xlsxCrate', 'xlsxSheetJs', 'csvCrate', 'csvPapaParse']) {
    const runs = [];
    for (let r = 0; r < 3; r++) {
      runs.push(JSON.parse(execFileSync(process.execPath, [`${root}bench/memory_child.mjs`, way, dataDir], { encoding: 'utf8' })));
    }
    results[way] = { peakDeltaMiB: stats(runs.map((x) => x.peakDeltaMiB)), wasmMemoryMiB: runs[0].wasmMemoryMiB, heapUsedMiB: stats(runs.map((x) => x.heapUsedMiB)) };
  }
  out.memory = results;
  log(`memory: ${JSON.stringify(Object.fromEntries(Object.entries(results).map(([k, v]) => [k, v.peakDeltaMiB.median.toFixed(0)])))} MiB`);
}

writeFileSync(`${outDir}/node.json`, JSON.stringify(out, null, 1));
log(`wrote ${outDir}/node.json`);
