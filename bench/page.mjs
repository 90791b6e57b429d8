// The benchmark page: the web build (pkg/web) after init(), SheetJS's ES module and
// PapaParse's browser build, and the suites of bench/lib/suite.mjs. bench/chromium.mjs calls
// window.kamBench.* and passes the native helper in as window.kamNative (exposed by Playwright).
import init, * as kam from '/pkg/web/kam_score.js';
import * as XLSX from '/node_modules/xlsx/xlsx.mjs';
import * as plain from '/bench/plain-js/key_account.js';
import { scoringSuite, importSuite } from '/bench/lib/suite.mjs';

const exports = await init({ module_or_path: '/pkg/web/kam_score_bg.wasm' });
const doc = await (await fetch('/presets/key_account.json')).json();
const bytes = async (url) => new Uint8Array(await (await fetch(url)).arrayBuffer());
const log = (m) => console.log(m);
const memory = () => ({
  wasmMemoryMiB: exports.memory.buffer.byteLength / 2 ** 20,
  jsHeapUsedMiB: performance.memory ? performance.memory.usedJSHeapSize / 2 ** 20 : null,
});

window.kamBench = {
  scoring: (o) => scoringSuite({ kam, plain, doc, ...o, native: window.kamNative ? (c) => window.kamNative(c) : null, log }),
  import: async (o) => importSuite({ kam, plain, doc, XLSX, Papa: window.Papa, xlsxBytes: await bytes(o.xlsx), csvBytes: await bytes(o.csv), reps: o.reps, log }),
  /** One import, for the memory figures: the page is fresh and does nothing else. */
  async importOnce(way, url) {
    const b = await bytes(url);
    const before = memory();
    const t = performance.now();
    let rows;
    if (way.endsWith('Crate')) { const s = kam.Sheet.fromBytes(b); s.scores('key_account'); rows = s.rowCount; window.keep = s; }
    else if (way === 'xlsxSheetJs') { const wb = XLSX.read(b, { type: 'array', dense: true }); window.keep = XLSX.utils.sheet_to_json(wb.Sheets[wb.SheetNames[0]], { header: 1, defval: null, raw: true }); rows = window.keep.length - 1; }
    else { window.keep = window.Papa.parse(new TextDecoder().decode(b), { dynamicTyping: true, skipEmptyLines: true }).data; rows = window.keep.length - 1; }
    return { ms: performance.now() - t, rows, before, after: memory() };
  },
};
document.body.dataset.ready = 'true';
