// The wasm-versus-JavaScript suites, the same code in Node and in headless Chromium. Each
// takes the kam module (pkg/node or pkg/web after init), the plain-JavaScript implementation,
// SheetJS and PapaParse where needed, and an optional `native(cmd)` that runs the native Rust
// helper (benches/native_batch.rs) and returns its own {ms, check}.
import * as D from './data.mjs';
import { interleave, stats, ratios, timed } from './timing.mjs';

const AS_OF = '2026-09-01';

function assertClose(a, b, what, tol = 1e-9) {
  if (a.length !== b.length) throw new Error(`${what}: ${a.length} values against ${b.length}`);
  let worst = 0;
  for (let i = 0; i < a.length; i++) {
    const x = a[i]; const y = b[i];
    if (Number.isNaN(x) || Number.isNaN(y)) {
      if (Number.isNaN(x) !== Number.isNaN(y)) throw new Error(`${what}: row ${i}: ${x} against ${y}`);
      continue;
    }
    const d = Math.abs(x - y);
    if (!(d <= tol)) throw new Error(`${what}: row ${i}: ${x} against ${y}`);
    worst = Math.max(worst, d);
  }
  return worst;
}

function summarise(samples, perUnit) {
  const out = {};
  for (const [k, v] of Object.entries(samples)) out[k] = { ms: stats(v), perUnit };
  return out;
}

/** Scoring: the columnar batch, the object-per-row API, the per-cell Scorer, the parser. */
export async function scoringSuite({ kam, plain, doc, rows, callRows, cellRows, parseCells, reps, native, log = () => {} }) {
  const result = { rows, callRows, cellRows, parseCells, reps, checks: {} };
  const data = D.accountColumns(rows);
  const cols = D.columnsArg(data);
  const numbersOnly = { ...data.numbers };
  // The credit column as codes + distinct values (the categorical form of scoreColumns).
  const dictionary = [null]; const codeOf = new Map();
  const codes = new Uint8Array(rows);
  data.credit_rating.forEach((t, i) => {
    if (t === null) return;
    if (!codeOf.has(t)) { codeOf.set(t, dictionary.length); dictionary.push(t); }
    codes[i] = codeOf.get(t);
  });
  const coded = { ...data.numbers, credit_rating: { codes, values: dictionary } };
  const model = plain.compileModel(doc);

  // Checks: the same scores from every path.
  const w = kam.scoreColumns(cols, 'key_account');
  const p = plain.scoreColumns(model, cols, rows);
  result.checks.plainVsWasmMaxDiff = assertClose(w.score, p.score, 'plain JS against scoreColumns');
  for (let i = 0; i < rows; i++) if (w.tier[i] !== p.tier[i]) throw new Error(`tier of row ${i}`);
  const wc = kam.scoreColumns(coded, 'key_account');
  result.checks.codedVsColumns = assertClose(wc.score, w.score, 'scoreColumns with codes against string[]', 0);
  const scorer = new kam.Scorer('key_account', D.SCORER_HEADERS, { asOf: AS_OF });
  const nCheck = Math.min(rows, 5000);
  const viaScorer = Float64Array.from({ length: nCheck }, (_, i) => scorer.score(D.rowValues(data, i)));
  const viaCard = Float64Array.from({ length: nCheck }, (_, i) => kam.scoreAccount(D.rowObject(data, i), 'key_account', { asOf: AS_OF }).score ?? NaN);
  result.checks.scorerVsColumns = assertClose(viaScorer, w.score.subarray(0, nCheck), 'Scorer against scoreColumns', 0);
  result.checks.cardVsColumns = assertClose(viaCard, w.score.subarray(0, nCheck), 'scoreAccount against scoreColumns', 0);
  result.checks.scoredRows = w.score.filter((x) => !Number.isNaN(x)).length;
  if (native) {
    const n = await native('batch');
    let sum = 0;
    for (let i = 0; i < rows; i++) { if (!Number.isNaN(w.score[i])) sum += w.score[i]; sum += w.tier[i]; }
    if (Math.abs(n.check - sum) > 1e-6 * Math.abs(sum)) throw new Error(`native checksum ${n.check} against ${sum}`);
    result.checks.nativeChecksum = { native: n.check, wasm: sum };
  }
  log(`checks passed: plain JS = wasm within ${result.checks.plainVsWasmMaxDiff}`);

  // 1. The columnar batch.
  const batch = {
    wasm: () => { kam.scoreColumns(cols, 'key_account'); },
    plainJs: () => { plain.scoreColumns(model, cols, rows); },
    wasmNumbersOnly: () => { kam.scoreColumns(numbersOnly, 'key_account'); },
    wasmCoded: () => { kam.scoreColumns(coded, 'key_account'); },
  };
  if (native) {
    batch.native = async () => ({ ms: (await native('batch')).seconds * 1000 });
    batch.nativeCoded = async () => ({ ms: (await native('batch_coded')).seconds * 1000 });
  }
  const bs = await interleave(batch, reps);
  result.batch = summarise(bs, rows);
  result.batch.ratios = { wasmOverPlainJs: ratios(bs.wasm, bs.plainJs), plainJsOverWasmCoded: ratios(bs.plainJs, bs.wasmCoded) };
  if (native) {
    result.batch.ratios.wasmOverNative = ratios(bs.wasm, bs.native);
    result.batch.ratios.wasmCodedOverNativeCoded = ratios(bs.wasmCoded, bs.nativeCoded);
  }
  log(`batch: wasm ${stats(bs.wasm).median.toFixed(0)} ms, plain JS ${stats(bs.plainJs).median.toFixed(0)} ms${native ? `, native ${stats(bs.native).median.toFixed(0)} ms` : ''}`);

  // 2. Object per row (scoreAccount: the full card) and 3. the per-cell Scorer, against plain JS.
  const objects = Array.from({ length: callRows }, (_, i) => D.rowObject(data, i));
  const values = Array.from({ length: cellRows }, (_, i) => D.rowValues(data, i));
  const headerIndex = Object.fromEntries(D.SCORER_HEADERS.map((h, j) => [h, j]));
  let sink = 0;
  const perRow = {
    scoreAccount: () => { for (const o of objects) sink += kam.scoreAccount(o, 'key_account', { asOf: AS_OF }).coverage; },
    plainJsObject: () => { for (const o of objects) { const s = model.score((f) => o[f]); sink += Number.isNaN(s) ? 0 : s; } },
  };
  const rs = await interleave(perRow, reps);
  result.objectPerRow = summarise(rs, callRows);
  result.objectPerRow.ratios = { wasmOverPlainJs: ratios(rs.scoreAccount, rs.plainJsObject) };
  const perCell = {
    scorer: () => { for (const v of values) sink += scorer.score(v) || 0; },
    plainJsValues: () => { for (const v of values) { const s = model.score((f) => { const x = v[headerIndex[f]]; return x === null ? undefined : x; }); sink += Number.isNaN(s) ? 0 : s; } },
  };
  const cs = await interleave(perCell, reps);
  result.perCell = summarise(cs, cellRows);
  result.perCell.ratios = { wasmOverPlainJs: ratios(cs.scorer, cs.plainJsValues) };
  log(`per row: scoreAccount ${(stats(rs.scoreAccount).median * 1000 / callRows).toFixed(2)} µs, Scorer ${(stats(cs.scorer).median * 1000 / cellRows).toFixed(3)} µs`);

  // 4. The value parser, cell by cell (parseValue throws on an unreadable cell).
  const cells = D.messyCells(parseCells);
  const parse = {
    parseValue: () => {
      for (const c of cells) { try { const v = kam.parseValue(c); if (v > 0) sink++; } catch { sink--; } }
    },
  };
  if (native) parse.native = async () => ({ ms: (await native('parse')).seconds * 1000 });
  const ps = await interleave(parse, reps);
  result.parse = summarise(ps, parseCells);
  if (native) result.parse.native.perUnit = rows; // the helper parses every generated cell
  result.sink = sink;
  scorer.free?.();
  return result;
}

/** The cells of a SheetJS / PapaParse table and of the crate's Sheet, compared on a sample. */
function sameTable(sheet, table, what) {
  const headers = sheet.headers();
  if (sheet.rowCount !== table.length - 1) throw new Error(`${what}: ${sheet.rowCount} rows against ${table.length - 1}`);
  if (headers.length !== table[0].length) throw new Error(`${what}: ${headers.length} columns against ${table[0].length}`);
  headers.forEach((h, j) => { if (h !== String(table[0][j])) throw new Error(`${what}: header ${j}: ${h} against ${table[0][j]}`); });
  const norm = (v) => (v === null || v === undefined || v === '' ? '' : typeof v === 'number' ? v : (Number.isNaN(Number(v)) || v.trim() === '' ? v : Number(v)));
  let checked = 0;
  for (let i = 0; i < sheet.rowCount; i += Math.max(1, Math.floor(sheet.rowCount / 997))) {
    const a = sheet.cells(i); const b = table[i + 1];
    for (let j = 0; j < headers.length; j++) {
      const x = norm(a[j]); const y = norm(b[j]);
      if (x !== y && !(typeof x === 'number' && typeof y === 'number' && Math.abs(x - y) <= 1e-9 * Math.abs(x))) {
        throw new Error(`${what}: row ${i} column ${headers[j]}: ${JSON.stringify(a[j])} against ${JSON.stringify(b[j])}`);
      }
      checked++;
    }
  }
  return checked;
}

/**
 * File import: the crate's reader (Sheet.fromBytes) against SheetJS (.xlsx and .csv) and
 * PapaParse (.csv), each timed to the table and then to the scored table.
 */
export async function importSuite({ kam, plain, doc, XLSX, Papa, xlsxBytes, csvBytes, reps, log = () => {} }) {
  const model = plain.compileModel(doc);
  const result = { reps, bytes: { xlsx: xlsxBytes.length, csv: csvBytes.length }, checks: {} };
  // SheetJS reads a CSV given as bytes as Latin-1: it is given the decoded text, as a page would.
  const sheetjs = (bytes, csv = false) => {
    const wb = csv ? XLSX.read(new TextDecoder().decode(bytes), { type: 'string', dense: true })
      : XLSX.read(bytes, { type: 'array', dense: true });
    return XLSX.utils.sheet_to_json(wb.Sheets[wb.SheetNames[0]], { header: 1, defval: null, raw: true });
  };
  const papa = (bytes) => Papa.parse(new TextDecoder().decode(bytes), { dynamicTyping: true, skipEmptyLines: true }).data;
  // Checks: the same table and the same scores from every reader.
  const sx = kam.Sheet.fromBytes(xlsxBytes); const sc = kam.Sheet.fromBytes(csvBytes);
  const tx = sheetjs(xlsxBytes); const tc = papa(csvBytes); const tcs = sheetjs(csvBytes, true);
  result.rows = sx.rowCount; result.columns = sx.headers().length;
  result.checks.cells = {
    xlsxSheetJs: sameTable(sx, tx, 'xlsx: Sheet against SheetJS'),
    csvPapaParse: sameTable(sc, tc, 'csv: Sheet against PapaParse'),
    csvSheetJs: sameTable(sc, tcs, 'csv: Sheet against SheetJS'),
  };
  const crateScores = sx.scores('key_account');
  result.checks.scoresXlsx = assertClose(crateScores.score, plain.scoreTable(model, tx).score, 'xlsx scores: crate against SheetJS + plain JS');
  result.checks.scoresCsv = assertClose(sc.scores('key_account').score, plain.scoreTable(model, tc).score, 'csv scores: crate against PapaParse + plain JS');
  result.checks.scoresXlsxVsCsv = assertClose(crateScores.score, sc.scores('key_account').score, 'crate: xlsx against csv', 0);
  sx.free(); sc.free();
  log(`import checks passed: ${result.rows} rows × ${result.columns} columns, same cells and scores`);

  const split = {};
  const e2e = (name, read, score) => async () => {
    const [readMs, table] = await timed(() => read());
    const [scoreMs, out] = await timed(() => score(table));
    (split[name] ??= { read: [], score: [] });
    split[name].read.push(readMs); split[name].score.push(scoreMs);
    if (out.score.length !== result.rows) throw new Error(`${name}: ${out.score.length} scores`);
    if (table.free) table.free();
    return { ms: readMs + scoreMs };
  };
  const contenders = {
    xlsxCrate: e2e('xlsxCrate', () => kam.Sheet.fromBytes(xlsxBytes), (s) => s.scores('key_account')),
    xlsxSheetJsPlainJs: e2e('xlsxSheetJsPlainJs', () => sheetjs(xlsxBytes), (t) => plain.scoreTable(model, t)),
    csvCrate: e2e('csvCrate', () => kam.Sheet.fromBytes(csvBytes), (s) => s.scores('key_account')),
    csvPapaParsePlainJs: e2e('csvPapaParsePlainJs', () => papa(csvBytes), (t) => plain.scoreTable(model, t)),
    csvSheetJsPlainJs: e2e('csvSheetJsPlainJs', () => sheetjs(csvBytes, true), (t) => plain.scoreTable(model, t)),
  };
  const s = await interleave(contenders, reps);
  result.endToEnd = summarise(s, result.rows);
  result.split = Object.fromEntries(Object.entries(split).map(([k, v]) => [k, { read: stats(v.read.slice(1)), score: stats(v.score.slice(1)) }]));
  result.ratios = {
    xlsxCrateOverSheetJs: ratios(s.xlsxCrate, s.xlsxSheetJsPlainJs),
    csvCrateOverPapaParse: ratios(s.csvCrate, s.csvPapaParsePlainJs),
    csvCrateOverSheetJs: ratios(s.csvCrate, s.csvSheetJsPlainJs),
  };
  log(`import: xlsx crate ${stats(s.xlsxCrate).median.toFixed(0)} ms vs SheetJS+JS ${stats(s.xlsxSheetJsPlainJs).median.toFixed(0)} ms; csv crate ${stats(s.csvCrate).median.toFixed(0)} ms vs PapaParse+JS ${stats(s.csvPapaParsePlainJs).median.toFixed(0)} ms`);
  return result;
}
