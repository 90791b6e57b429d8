// One import in a fresh process, for bench/node.mjs: prints the peak resident memory (VmHWM)
// that the import added, the wasm memory it left and the JS heap in use after it.
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';

const require = createRequire(import.meta.url);
const root = new URL('../', import.meta.url).pathname;
const [way, dir] = process.argv.slice(2);
const kam = require(`${root}pkg/node/kam_score.js`);
const XLSX = require('xlsx');
const Papa = require('papaparse');
const bytes = new Uint8Array(readFileSync(`${dir}/${way.startsWith('xlsx') ? 'accounts.xlsx' : 'accounts.csv'}`));
const hwm = () => Number(/VmHWM:\s+(\d+)/.exec(readFileSync('/proc/self/status', 'utf8'))[1]) / 1024;
globalThis.gc?.();
const before = hwm();
let keep;
if (way.endsWith('Crate')) {
  keep = kam.Sheet.fromBytes(bytes);
  keep.scores('key_account');
} else if (way === 'xlsxSheetJs') {
  const wb = XLSX.read(bytes, { type: 'array', dense: true });
  keep = XLSX.utils.sheet_to_json(wb.Sheets[wb.SheetNames[0]], { header: 1, defval: null, raw: true });
} else {
  keep = Papa.parse(new TextDecoder().decode(bytes), { dynamicTyping: true, skipEmptyLines: true }).data;
}
const after = hwm();
const wasmMemory = kam.__wasm?.memory ?? null;
console.log(JSON.stringify({
  way, peakDeltaMiB: after - before, heapUsedMiB: process.memoryUsage().heapUsed / 2 ** 20,
  wasmMemoryMiB: wasmMemory ? wasmMemory.buffer.byteLength / 2 ** 20 : null, rows: keep.rowCount ?? keep.length,
}));
