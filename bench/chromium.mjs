// The Chromium half of ./scripts/bench.sh: the same suites as bench/node.mjs in headless
// Chromium (Debian's, driven by playwright-core as tests/e2e/ does) over the web build, the
// native helper interleaved through an exposed function; the Excel functions file in the
// add-in's own page with stand-ins for Office (as tests/addins/excel.test.mjs); peak memory
// of one 100,000-row import per fresh browser. Writes target/bench/results/chromium.json.
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { spawn } from 'node:child_process';
import { chromium } from 'playwright-core';
import { serve } from './lib/server.mjs';
import { lineProcess } from './lib/helpers.mjs';
import { sheetRows, expectedScores } from './lib/recalc.mjs';
import { stats } from './lib/timing.mjs';

const require = createRequire(import.meta.url);
const root = new URL('../', import.meta.url).pathname;
const env = (k, d) => Number(process.env[k] ?? d);
const dataDir = process.env.KAM_BENCH_DATA ?? `${root}target/bench/data`;
const dataUrl = `/${dataDir.replace(root, '').replace(/^\/+/, '')}`;
const REPS = env('KAM_BENCH_REPS', 5);
const outDir = `${root}target/bench/results`;
const log = (m) => console.log(`[chromium] ${m}`);
mkdirSync(outDir, { recursive: true });
const only = process.argv.slice(2);
const want = (part) => only.length === 0 || only.includes(part);
const meta = JSON.parse(readFileSync(`${dataDir}/meta.json`, 'utf8'));
const ARGS = ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync', '--enable-precise-memory-info'];
const launch = () => chromium.launch({ executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium', args: ARGS });

const server = await serve(root);
const browser = await launch();
const out = { reps: REPS, chromium: browser.version() };

async function benchPage() {
  const page = await (await browser.newContext()).newPage();
  page.on('console', (m) => { if (m.type() === 'log') log(m.text()); else if (m.type() === 'error') log(`console error: ${m.text()}`); });
  page.on('pageerror', (e) => log(`page error: ${e}`));
  return page;
}

try {
  if (want('scoring')) {
    const page = await benchPage();
    const helper = process.env.KAM_NATIVE_HELPER;
    const native = helper ? lineProcess(helper, ['--serve'], { env: { ...process.env, KAM_BENCH_DATA: dataDir } }) : null;
    if (native) { await native.ready(); await page.exposeFunction('kamNative', (c) => native.ask(c)); }
    await page.goto(`${server.origin}/bench/page.html`);
    await page.waitForSelector('body[data-ready="true"]');
    out.scoring = await page.evaluate((o) => window.kamBench.scoring(o), {
      rows: meta.rows, callRows: env('KAM_BENCH_CALL_ROWS', 20000), cellRows: env('KAM_BENCH_CELL_ROWS', 100000),
      parseCells: env('KAM_BENCH_PARSE_CELLS', 200000), reps: REPS,
    });
    native?.close();
    await page.context().close();
  }

  if (want('import')) {
    const page = await benchPage();
    await page.goto(`${server.origin}/bench/page.html`);
    await page.waitForSelector('body[data-ready="true"]');
    out.import = await page.evaluate((o) => window.kamBench.import(o), { xlsx: `${dataUrl}/accounts.xlsx`, csv: `${dataUrl}/accounts.csv`, reps: REPS });
    await page.context().close();
  }

  if (want('recalc')) {
    // The Excel add-in's page (www/excel/taskpane.html) with stand-ins for Office.js, as the
    // add-in test does; KAM.SCORE called once per cell (a filled-down column) and once over the range.
    const kam = require(`${root}pkg/node/kam_score.js`);
    const cells = env('KAM_BENCH_SCORE_CELLS', 10000);
    const { headers, rows } = sheetRows(cells);
    const expected = expectedScores(kam, headers, rows, '2026-09-01');
    const src = readFileSync(new URL('../tests/addins/excel.test.mjs', import.meta.url), 'utf8');
    const standIns = /function standIns\(\) \{[\s\S]*?\n\}\n/.exec(src)[0];
    const page = await benchPage();
    await page.route('https://appsforoffice.microsoft.com/**', (route) => route.fulfill({ contentType: 'text/javascript', body: '/* Office.js stand-in */' }));
    await page.addInitScript(`${standIns}\nstandIns();`);
    await page.goto(`${server.origin}/www/excel/taskpane.html`);
    await page.waitForSelector('body[data-ready="true"]');
    out.recalc = await page.evaluate(async ([r, h, want, reps]) => {
      const SCORE = window.__kamFunctions.SCORE;
      const plainValue = (v) => (v instanceof window.CustomFunctions.Error ? v.code : v);
      const got = [];
      for (const row of r) got.push(plainValue((await SCORE([row], [h], null))[0][0]));
      got.forEach((v, i) => { if (v !== want[i]) throw new Error(`Excel SCORE row ${i}: ${v} against ${want[i]}`); });
      const range = (await SCORE(r, [h], null)).map((x) => plainValue(x[0]));
      range.forEach((v, i) => { if (v !== want[i]) throw new Error(`Excel SCORE range row ${i}: ${v} against ${want[i]}`); });
      const SCORE_TABLE = window.__kamFunctions.SCORE_TABLE;
      const grid = [h, ...r];
      const spilled = await SCORE_TABLE(grid, null, null);
      if (spilled.length !== r.length + 1) throw new Error(`Excel SCORE_TABLE: ${spilled.length} rows`);
      const perCell = []; const whole = []; const table = [];
      for (let k = 0; k < reps; k++) {
        let t = performance.now();
        await SCORE_TABLE(grid, null, null);
        table.push(performance.now() - t);
        t = performance.now();
        for (const row of r) await SCORE([row], [h], null);
        perCell.push(performance.now() - t);
        t = performance.now();
        await SCORE(r, [h], null);
        whole.push(performance.now() - t);
      }
      return { perCell, whole, table };
    }, [rows, headers, expected, REPS]);
    out.recalc = { cells, ms: { excelPerCell: stats(out.recalc.perCell), excelRange: stats(out.recalc.whole), excelTable: stats(out.recalc.table) } };
    log(`recalc: Excel functions ${out.recalc.ms.excelPerCell.median.toFixed(0)} ms for ${cells} cell calls, ${out.recalc.ms.excelRange.median.toFixed(0)} ms as one range`);
    await page.context().close();
  }

  if (want('page')) {
    // What the demo page downloads before it is usable (body[data-ready]): every response.
    const page = await benchPage();
    // Every request with the time the browser started it; the page's ready time taken by an
    // observer the moment body[data-ready] is set (the page asks for the file readers in a later
    // task, so they start after it).
    const got = [];
    page.context().on('request', (r) => got.push(r));
    await page.addInitScript(() => {
      new MutationObserver((_, o) => {
        if (document.body?.dataset.ready !== 'true') return;
        window.__kamReadyAt = performance.timeOrigin + performance.now();
        o.disconnect();
      }).observe(document, { subtree: true, attributes: true, attributeFilter: ['data-ready'] });
    });
    // Served as the README's serve command serves it (scripts/serve.py: its MIME types and CSP).
    const port = 8600 + Math.floor(Math.random() * 300);
    const py = spawn('python3', ['scripts/serve.py', '--port', String(port), '--dir', 'www'], { cwd: root, stdio: 'ignore' });
    const www = { origin: `http://127.0.0.1:${port}`, close: () => py.kill() };
    for (let i = 0; i < 100; i++) {
      try { if ((await fetch(`${www.origin}/index.html`)).ok) break; } catch { /* not up yet */ }
      await new Promise((r) => setTimeout(r, 100));
    }
    const errors = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    const t = Date.now();
    await page.goto(`${www.origin}/index.html`);
    const ready = await page.waitForSelector('body[data-ready="true"]', { state: 'attached', timeout: 30000 }).then(() => true, () => false);
    const readyMs = Date.now() - t;
    // What comes after, while the user picks a list (the file readers, fetched ahead).
    await page.waitForTimeout(3000);
    const readyAt = await page.evaluate(() => window.__kamReadyAt ?? null);
    // A request without a start time counts as before (so nothing is left out of the figure).
    const before = (r) => readyAt === null || !(r.timing().startTime > readyAt);
    const paths = (rs) => [...new Set(rs.map((r) => new URL(r.url()).pathname))];
    out.page = { ready, readyMs, errors, urls: paths(got.filter(before)), after: paths(got.filter((r) => !before(r))) };
    await page.context().close();
    www.close();
  }

  if (want('memory')) {
    // One import per fresh browser: the renderer's peak resident memory (VmHWM from /proc),
    // the wasm memory after it (wasm memory never shrinks: its size is its peak) and the JS heap.
    const results = {};
    for (const way of ['xlsxCrate', 'xlsxSheetJs', 'csvCrate', 'csvPapaParse']) {
      const b = await launch();
      try {
        const page = await (await b.newContext()).newPage();
        await page.goto(`${server.origin}/bench/page.html`);
        await page.waitForSelector('body[data-ready="true"]');
        const cdp = await b.newBrowserCDPSession();
        const renderers = async () => (await cdp.send('SystemInfo.getProcessInfo')).processInfo.filter((p) => p.type === 'renderer').map((p) => p.id);
        const hwm = (pid) => { try { return Number(/VmHWM:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))[1]) / 1024; } catch { return 0; } };
        const pids = await renderers();
        const before = Math.max(...pids.map(hwm));
        const file = `${dataUrl}/${way.startsWith('xlsx') ? 'accounts.xlsx' : 'accounts.csv'}`;
        const r = await page.evaluate(([w, f]) => window.kamBench.importOnce(w, f), [way, file]);
        const after = Math.max(...pids.map(hwm));
        results[way] = { rendererPeakMiB: after, rendererPeakDeltaMiB: after - before, wasmMemoryMiB: r.after.wasmMemoryMiB, jsHeapUsedMiB: r.after.jsHeapUsedMiB, ms: r.ms, rows: r.rows };
      } finally {
        await b.close();
      }
    }
    out.memory = results;
    log(`memory: ${JSON.stringify(Object.fromEntries(Object.entries(results).map(([k, v]) => [k, Math.round(v.rendererPeakDeltaMiB)])))} MiB`);
  }
} finally {
  await browser.close();
  server.close();
}
// A run of some parts (`node bench/chromium.mjs page`) keeps the other parts' last figures.
let merged = out;
if (only.length) {
  try { merged = { ...JSON.parse(readFileSync(`${outDir}/chromium.json`, 'utf8')), ...out }; } catch { /* no earlier run */ }
}
writeFileSync(`${outDir}/chromium.json`, JSON.stringify(merged, null, 1));
log(`wrote ${outDir}/chromium.json`);
