// @ts-check
// The engine of the page, in a module Web Worker: it holds the crate's `Sheet` (the list lives
// in wasm memory here), scores it, works out the computed columns, sorts and filters, and hands
// the page only what it shows. Reading, decoding, parsing, scoring and exporting are the crate's;
// this file only arranges calls and keeps the results in columns.
// Two builds of the crate, one API: the scoring module (pkg-core: scoring, grades, strategies,
// CLV, history, no file readers) answers `hello` and `setModel`, so the page is usable once it
// is in; the full module (pkg: the same exports and `Sheet`, the CSV/XLSX readers and writers)
// is imported for every other operation — in the background once the page is ready
// (`prepare`), or by the first operation that needs it. From then on every call goes to it, so
// a `Sheet` only ever meets the module that made it.
import initScoring, * as scoring from './pkg-core/kam_score.js';

/** @typedef {typeof import('./pkg/kam_score.js')} FullModule */
/** The module calls go to: the scoring module until the full one is in. @type {FullModule} */
let K = /** @type {FullModule} */ (/** @type {unknown} */ (scoring));
const ready = initScoring({ module_or_path: new URL('./pkg-core/kam_score_bg.wasm', import.meta.url) });
/** @type {{ memory?: WebAssembly.Memory } | null} */
let wasmExports = null;
ready.then((w) => { wasmExports = w; });
/** @type {Promise<void> | null} */
let readersLoading = null;
/** Imports the full module once; later calls wait on the same import. */
function withReaders() {
  readersLoading ??= import('./pkg/kam_score.js').then(async (full) => {
    wasmExports = await full.default({ module_or_path: new URL('./pkg/kam_score_bg.wasm', import.meta.url) });
    K = full;
  }).catch((e) => { readersLoading = null; throw e; }); // a failed download is tried again by the next operation
  return readersLoading;
}
/** The operations the scoring module answers alone. */
const SCORING_ONLY = new Set(['hello', 'setModel', 'validate', 'prepare']);
/** The memory of the module in use, in bytes: it grows and never shrinks, so its peak is what stays. */
const memoryBytes = () => wasmExports?.memory?.buffer.byteLength ?? null;
const CHUNK = 1000;

/** The tier's code (`vip` …) from its number 1–4 in `scores().tier`, as the crate labels it. */
const tierCode = (t) => (t ? S.tierLabels[t].code : null);

let sheet = null;
let source = null; // {bytes, name, options} or {text}
let model = null;
const S = {}; // the computed columns of the current sheet
let log = null; // the transaction log: its Sheet and headers
let futures = null; // per log customer: {ids, names, pAlive, expected, clv} from the last fit

/** @param {import('./messages.js').WorkerEvent} event */
function post(event) { self.postMessage(event); }
function progress(stage, done = 0, total = 0) { post({ type: 'progress', stage, done, total }); }

function meta() {
  // A workbook's sheets in tab order, hidden ones marked, the one read by default flagged.
  const sheets = source?.bytes && isXlsx(source) ? K.Sheet.sheetInfo(source.bytes) : [];
  return {
    // The headers and mapping as rebuildAll took them (the mapping of a wide list takes a while).
    rowCount: sheet.rowCount, headerRow: sheet.headerRow, headers: S.headers, titleRows: sheet.titleRows(),
    // The warnings with their codes and texts in both languages (the page shows its own).
    source: sheet.source(), warnings: sheet.warningLabels(), mapping: S.mapping, sheets,
    name: source?.name ?? null,
    // The decimal mark the file was read with when the user chose one (else the crate's default).
    decimal: source?.options?.decimal ?? null,
    // What the whole list lacks, said once for the list (MODEL §4.4, §4.8).
    notices: sheet.listNotices(),
  };
}

function isXlsx(src) {
  const b = src.bytes;
  return b && b.length > 4 && b[0] === 0x50 && b[1] === 0x4b; // a zip: an .xlsx workbook
}

function open(src) {
  progress('reading');
  // The old list is freed before the new one is read, so that reopening a file never holds
  // two copies in wasm memory (the module's memory never shrinks: the peak is what stays).
  const read = (from) => (from.bytes ? K.Sheet.fromBytes(from.bytes, from.options ?? {}) : K.Sheet.fromText(from.text, from.options ?? {}));
  sheet?.free();
  sheet = null;
  try {
    sheet = read(src);
  } catch (e) {
    // A file that cannot be read leaves the list that was open: read it again.
    if (source) sheet = read(source);
    throw e;
  }
  source = src;
  S.compare = null;
  rebuildAll();
  return { meta: meta(), summary: summary(), memory: memoryBytes() };
}

// ---- computed columns ------------------------------------------------------------------

function mappedColumns() {
  const byField = new Map();
  for (const m of S.mapping) if (m.field && !byField.has(m.field)) byField.set(m.field, m.column);
  return byField;
}

function rebuildAll() {
  const n = sheet.rowCount;
  S.n = n;
  S.headers = sheet.headers();
  S.mapping = sheet.mapping();
  S.fieldCol = mappedColumns();
  S.lineToIndex = new Map();
  for (let i = 0; i < n; i++) S.lineToIndex.set(sheet.lineNumber(i), i);
  S.errors = new Map();
  for (const e of sheet.errors()) addError(e);
  S.letter = new Array(n).fill(null);
  S.cell = new Array(n).fill(null);
  S.cellEstimated = new Array(n).fill(false);
  S.cellProblem = new Array(n).fill(null);
  S.pipe = new Array(n).fill(null);
  S.pipeProblem = new Array(n).fill(null);
  S.factCols = K.pipelineFactKeys().concat(['answer']).filter((k) => S.fieldCol.has(k)).map((k) => [k, S.fieldCol.get(k)]);
  const needsAttrScore = !S.fieldCol.has('attractiveness');
  S.attrScore = needsAttrScore ? sheet.scores('attractiveness').score : null;
  const memo = { letter: new Map(), cell: new Map(), pipe: new Map() };
  for (let i = 0; i < n; i++) rowStatic(i, memo);
  S.purchase = purchases();
  joinLog();
  progress('scoring');
  scoreAll();
}

/** The last fit's futures joined into the list by 客户编号, else 客户名称 (the crate's rules). */
function joinLog() {
  S.join = futures && sheet ? sheet.joinFutures(futures) : null;
  S.top = null;
}

function addError(e) {
  const i = S.lineToIndex.get(e.row);
  if (i === undefined) return;
  let j = S.headers.indexOf(e.column);
  const m = S.mapping.find((c) => c.header === e.column && c.field === e.field);
  if (m) j = m.column;
  if (!S.errors.has(i)) S.errors.set(i, []);
  S.errors.get(i).push({ j, column: e.column, text: e.text, reason: e.reason, code: e.code, zh: e.zh, en: e.en, field: e.field, cell: e.cell ?? null, sheet: e.sheet ?? null });
}

function cellText(v) { return v === null || v === undefined ? '' : String(v); }

/** Letter, matrix cell and pipeline grade: they do not depend on the model. */
function rowStatic(i, memo) {
  const cells = sheet.cells(i);
  let letter = null;
  S.cellProblem[i] = null;
  const attrCol = S.fieldCol.get('attractiveness');
  if (attrCol !== undefined) {
    const text = cellText(cells[attrCol]).trim();
    if (text) {
      if (!memo.letter.has(text)) {
        try { memo.letter.set(text, { letter: K.matrixStrategy(text, 1).cell[0] }); } catch (e) { memo.letter.set(text, { problem: e.message }); }
      }
      const r = memo.letter.get(text);
      letter = r.letter ?? null;
      S.cellProblem[i] = r.problem ?? null;
    }
  } else if (S.attrScore && !Number.isNaN(S.attrScore[i])) {
    letter = K.attractivenessLetter(S.attrScore[i]) ?? null;
  }
  S.letter[i] = letter;
  S.cell[i] = null;
  const statusCol = S.fieldCol.get('relationship_status');
  if (letter && statusCol !== undefined) {
    const status = cellText(cells[statusCol]).trim();
    if (status) {
      const key = `${letter}|${status}`;
      if (!memo.cell.has(key)) {
        try { memo.cell.set(key, { cell: K.matrixStrategy(letter, status).cell }); } catch (e) { memo.cell.set(key, { problem: e.message }); }
      }
      const r = memo.cell.get(key);
      S.cell[i] = r.cell ?? null;
      if (r.problem) S.cellProblem[i] = r.problem;
    }
  }
  S.pipe[i] = null;
  S.pipeProblem[i] = null;
  if (S.factCols.length) {
    const facts = {};
    for (const [k, j] of S.factCols) facts[k] = cells[j] === undefined ? null : cells[j];
    const key = JSON.stringify(facts);
    if (!memo.pipe.has(key)) {
      try {
        const g = K.pipelineGrade(facts);
        memo.pipe.set(key, { grade: { code: g.code, zh: g.zh, en: g.en } });
      } catch (e) { memo.pipe.set(key, { problem: e.message }); }
    }
    const r = memo.pipe.get(key);
    S.pipe[i] = r.grade ?? null;
    S.pipeProblem[i] = r.problem ?? null;
  }
}

function purchases() {
  if (!S.fieldCol.has('annual_purchase')) { S.abc = new Array(S.n).fill(null); return null; }
  // The crate's own reading of the column (units and 万 applied): ABC and the Pareto curve.
  const p = sheet.fieldValues('annual_purchase');
  S.abc = K.abcClasses(p);
  return p;
}

function scoreAll() {
  const r = sheet.scores(model);
  S.score = r.score;
  S.tier = r.tier;
  // The top suggestion depends on the row and its tier: kept with the tier it was made for.
  if (!S.top || S.top.length !== S.n) { S.top = new Array(S.n).fill(null); S.topTier = new Int16Array(S.n).fill(-1); }
  if (!S.topTier || S.topTier.length !== S.n) S.topTier = new Int16Array(S.n).fill(-1);
  scheduleSuggestions();
}

/** The tier of the row, and its P(alive) from the transaction log (which replaces the recency rule). */
function suggestOptions(i) {
  const t = S.tier[i];
  const opts = t ? { tier: tierCode(t) } : {};
  const p = S.join?.pAlive[i];
  if (p !== undefined && !Number.isNaN(p)) opts.pAlive = p;
  return opts;
}

function quadrantOf(i) {
  const f = S.join?.futureScore[i];
  const s = S.score[i];
  if (f === undefined || Number.isNaN(f) || Number.isNaN(s)) return null;
  const q = K.valueQuadrant(s, f);
  return q ? { code: q.code, zh: q.zh, en: q.en } : null;
}

function futureOf(i) {
  if (!S.join) return null;
  const num = (v) => (Number.isNaN(v) ? null : v);
  const k = S.join.customer[i];
  return {
    status: S.join.status[i], customer: k >= 0 ? futures.ids[k] : null,
    pAlive: num(S.join.pAlive[i]), expected: num(S.join.expected[i]), clv: num(S.join.clv[i]),
    futureScore: num(S.join.futureScore[i]), quadrant: quadrantOf(i),
  };
}

function tierLabel(t) {
  return t ? S.tierLabels[t] : null;
}

function suggestRow(i) {
  const t = S.tier[i];
  if (S.topTier[i] === t && S.top[i]) return;
  const opts = suggestOptions(i);
  try {
    const s = sheet.suggest(i, opts);
    const a = s.actions[0];
    // The matrix cell and letter as the crate gives them: a given rating or status wins,
    // else the estimate from the list's figures (MODEL §4.8), marked as estimated.
    S.cell[i] = s.cell ?? null;
    if (s.attractiveness?.letter) S.letter[i] = s.attractiveness.letter;
    S.cellEstimated[i] = Boolean(s.cellEstimated);
    S.top[i] = a ? { code: a.code, zh: a.zh, en: a.en } : { code: '', zh: '', en: '' };
  } catch (e) {
    S.top[i] = { code: 'error', zh: e.message, en: e.message };
  }
  S.topTier[i] = t;
}

let pass = 0;
function scheduleSuggestions() {
  const me = ++pass;
  let i = 0;
  const step = () => {
    if (me !== pass || !sheet) return;
    const end = Math.min(S.n, i + CHUNK);
    for (; i < end; i++) suggestRow(i);
    progress('strategies', i, S.n);
    if (i < S.n) setTimeout(step, 0);
    else post({ type: 'summary', summary: summary() }); // the matrix filled with every row's cell
  };
  setTimeout(step, 0);
}

function allSuggestions() { for (let i = 0; i < S.n; i++) suggestRow(i); }

// ---- view: sort and filter ---------------------------------------------------------------

let view = { sort: null, filter: {} };

function sortKeys(key) {
  const n = S.n;
  if (key === 'score') return Array.from(S.score, (v) => (Number.isNaN(v) ? null : v));
  if (key === 'tier') return Array.from(S.tier, (v) => (v ? v : null));
  if (key === 'abc') return S.abc;
  if (key === 'letter') return S.letter;
  if (key === 'cell') return S.cell;
  if (key === 'pipe') return S.pipe.map((g) => (g ? g.code : null));
  if (key === 'top') { allSuggestions(); return S.top.map((t) => (t ? t.zh : null)); }
  if (key === 'palive' || key === 'clv') {
    const col = S.join ? (key === 'palive' ? S.join.pAlive : S.join.clv) : new Float64Array(n).fill(NaN);
    return Array.from(col, (v) => (Number.isNaN(v) ? null : v));
  }
  const j = Number(key);
  const m = S.mapping.find((c) => c.column === j);
  const keys = new Array(n);
  for (let i = 0; i < n; i++) {
    const v = sheet.cells(i)[j];
    if (v === null || v === undefined || v === '') { keys[i] = null; continue; }
    if (typeof v === 'number') { keys[i] = v; continue; }
    const text = String(v);
    keys[i] = text;
    if (!m?.field) continue;
    try {
      if (m.field.endsWith('_date')) { keys[i] = K.parseDate(text) ?? null; continue; }
      const x = K.parseValue(text);
      if (!Number.isNaN(x)) keys[i] = /^[\s\d.,+-]+$/.test(text) ? x * m.scale : x;
    } catch { /* unreadable: sorted as text */ }
  }
  return keys;
}

const collator = new Intl.Collator('zh-CN', { numeric: true });
function compare(a, b) {
  if (a === b) return 0;
  if (a === null || a === undefined) return 1;
  if (b === null || b === undefined) return -1;
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  if (typeof a === 'number') return -1;
  if (typeof b === 'number') return 1;
  return collator.compare(a, b);
}

function applyView() {
  const f = view.filter;
  const n = S.n;
  const needle = (f.text ?? '').trim().toLowerCase();
  const keep = [];
  for (let i = 0; i < n; i++) {
    if (f.tier !== undefined && f.tier !== null && f.tier !== '' && S.tier[i] !== Number(f.tier)) continue;
    if (f.abc && S.abc[i] !== f.abc) continue;
    if (f.cell && S.cell[i] !== f.cell) continue;
    if (f.bad && !S.errors.has(i) && !S.cellProblem[i] && !S.pipeProblem[i]) continue;
    if (needle) {
      const cells = sheet.cells(i);
      if (!cells.some((v) => v !== null && String(v).toLowerCase().includes(needle))) continue;
    }
    keep.push(i);
  }
  if (view.sort) {
    const keys = sortKeys(view.sort.key);
    const dir = view.sort.dir === 'desc' ? -1 : 1;
    keep.sort((a, b) => {
      const ka = keys[a];
      const kb = keys[b];
      if (ka === null || ka === undefined) return kb === null || kb === undefined ? a - b : 1;
      if (kb === null || kb === undefined) return -1;
      return dir * compare(ka, kb) || a - b;
    });
  }
  S.order = Uint32Array.from(keep);
}

// ---- what the page shows -----------------------------------------------------------------

function rowOut(i) {
  suggestRow(i);
  const s = S.score[i];
  const out = {
    i, line: sheet.lineNumber(i), cells: sheet.cells(i), score: Number.isNaN(s) ? null : s, tier: tierLabel(S.tier[i]),
    abc: S.abc[i], letter: S.letter[i], cell: S.cell[i], cellEstimated: S.cellEstimated[i], cellProblem: S.cellProblem[i], pipe: S.pipe[i], pipeProblem: S.pipeProblem[i],
    top: S.top[i], errors: S.errors.get(i) ?? [], future: futureOf(i),
  };
  if (out.score === null) out.reason = sheet.scoreCard(i, model).reason;
  return out;
}

function summary() {
  const n = S.n;
  const tiers = [0, 0, 0, 0, 0];
  const hist = new Array(20).fill(0);
  let noScore = 0;
  for (let i = 0; i < n; i++) {
    tiers[S.tier[i]]++;
    const s = S.score[i];
    if (Number.isNaN(s)) noScore++;
    else hist[Math.min(19, Math.floor(s / 5))]++;
  }
  const matrix = {};
  for (let i = 0; i < n; i++) if (S.cell[i]) matrix[S.cell[i]] = (matrix[S.cell[i]] ?? 0) + 1;
  const abc = { A: 0, B: 0, C: 0 };
  for (const c of S.abc) if (c) abc[c]++;
  let badCells = 0;
  let problems = 0;
  let badRows = 0;
  for (let i = 0; i < n; i++) {
    const k = S.errors.get(i)?.length ?? 0;
    const p = (S.cellProblem[i] ? 1 : 0) + (S.pipeProblem[i] ? 1 : 0);
    badCells += k;
    problems += p;
    if (k || p) badRows++;
  }
  return { n, tiers, tierLabels: S.tierLabels, hist, noScore, matrix, abc, pareto: pareto(), whale: whale(), badCells, problems, badRows };
}

/** The whale curve (MODEL §3.8) as the crate works it out, thinned to at most 400 points. */
function whale() {
  const p = sheet.profitability();
  if (!p.peakProfitShare) return null;
  const { share, cumulativeProfit } = p.whaleCurve;
  const stride = Math.max(1, Math.floor(share.length / 400));
  const points = [];
  for (let k = 0; k < share.length; k++) if (k % stride === 0 || k === share.length - 1) points.push([share[k], cumulativeProfit[k]]);
  return { points, peak: p.peakProfitShare, peakAt: p.peakAccountShare, lossShare: p.lossMakingShare };
}

/** Cumulative share of annual purchase by account rank, at most ~400 points, and the 80/20 marks. */
function pareto() {
  if (!S.purchase) return null;
  const v = Array.from(S.purchase).filter((x) => !Number.isNaN(x) && x > 0).sort((a, b) => b - a);
  if (!v.length) return null;
  const total = v.reduce((a, b) => a + b, 0);
  const stride = Math.max(1, Math.floor(v.length / 400));
  const points = [[0, 0]];
  let acc = 0;
  // The 80/20 marks from the crate: the top share of accounts, the share of the total.
  const marks = K.paretoMarks();
  let top20 = null;
  let reach80 = null;
  for (let k = 0; k < v.length; k++) {
    acc += v[k];
    const x = (k + 1) / v.length;
    const y = acc / total;
    if (top20 === null && x >= marks.top) top20 = y;
    if (reach80 === null && y >= marks.share) reach80 = x;
    if (k % stride === 0 || k === v.length - 1) points.push([x, y]);
  }
  return { points, top20, reach80, ranked: v.length, marks };
}

function detail(i) {
  const card = sheet.scoreCard(i, model);
  const suggestion = sheet.suggest(i, suggestOptions(i));
  return { row: rowOut(i), card, suggestion, headers: S.headers, pipeline: S.pipe[i] ? fullPipeline(i) : null };
}

function fullPipeline(i) {
  const cells = sheet.cells(i);
  const facts = {};
  for (const [k, j] of S.factCols) facts[k] = cells[j] === undefined ? null : cells[j];
  try { return K.pipelineGrade(facts); } catch { return null; }
}

function exportBytes(format, lang) {
  progress('exporting');
  const zh = lang === 'zh-CN';
  // The crate writes its computed columns (score … top suggestion, the same as the
  // command-line tool and SCORE_TABLE); the page adds what only it knows.
  const T = zh ? ['管道等级'] : ['Pipeline grade'];
  const pick = (l) => (l ? (zh ? l.zh : l.en) : null);
  const cols = [S.pipe.map((g) => (g ? g.code : null))];
  if (S.join) {
    T.push(...(zh ? ['仍在采购概率', '预期采购次数', '客户终身价值', '价值象限'] : ['P(alive)', 'Expected purchases', 'CLV', 'Value quadrant']));
    cols.push(S.join.pAlive, S.join.expected, S.join.clv, Array.from({ length: S.n }, (_, i) => pick(quadrantOf(i)) || null));
  }
  if (S.compare) {
    // The comparison with the earlier snapshot beside each row of this one (gone accounts
    // have no row here: the page lists them).
    T.push(...(zh ? ['对比状态', '上期得分', '分数变化', '变化原因'] : ['Change', 'Earlier score', 'Score change', 'Reasons']));
    const status = zh ? { up: '上升', down: '下降', same: '不变', new: '新增' } : { up: 'up', down: 'down', same: 'same', new: 'new' };
    const of = (i) => S.compare.byAfterRow.get(i);
    const num = (v) => (v === null || v === undefined ? NaN : v);
    cols.push(
      Array.from({ length: S.n }, (_, i) => (of(i) ? status[of(i).status] ?? of(i).status : null)),
      Float64Array.from({ length: S.n }, (_, i) => num(of(i)?.before?.score)),
      Float64Array.from({ length: S.n }, (_, i) => num(of(i)?.change)),
      Array.from({ length: S.n }, (_, i) => of(i)?.reasons.map((r) => `${zh ? r.title.zh : r.title.en} ${r.pointsBefore.toFixed(1)}→${r.pointsAfter.toFixed(1)}`).join('；') || null),
    );
  }
  const options = { lang, model };
  const bytes = format === 'xlsx' ? sheet.exportXlsx(options, T, cols) : sheet.exportCsv(options, T, cols);
  progress('done');
  return bytes;
}

// ---- messages ---------------------------------------------------------------------------

/** Every operation of messages.js's WorkerOp, and no other. @type {Record<import('./messages.js').WorkerOp, (args: any) => any>} */
const ops = {
  hello() {
    // Index = the tier number Sheet.scores gives (1 small … 4 VIP).
    S.tierLabels = K.tierLabels();
    model = 'key_account';
    return {
      presets: K.presetNames().map((name) => ({ name, model: K.presetModel(name) })),
      tierLabels: S.tierLabels,
      limits: K.listLimits(),
      // The fields a column can be mapped to, with their labels, from the crate.
      fields: K.fieldLabels(),
      // The rules the page shows or marks by, from the crate.
      rules: { likelyAliveFrom: K.likelyAliveFrom(), abcRule: K.abcRule(), modelDefaults: K.modelDefaults() },
    };
  },
  open({ bytes, text, name, options }) {
    const r = open(bytes ? { bytes: new Uint8Array(bytes), name, options } : { text, name, options });
    view = { sort: null, filter: {} };
    applyView();
    r.count = S.order.length;
    return r;
  },
  reopen({ options }) {
    const r = open({ ...source, options: { ...(source.options ?? {}), ...options } });
    applyView();
    r.count = S.order.length;
    return r;
  },
  setMapping({ column, field }) {
    sheet.setMapping(column, field || null);
    S.top = null;
    rebuildAll();
    applyView();
    return { meta: meta(), summary: summary(), count: S.order.length };
  },
  // A model from the panel (`model`) or a file's text (`text`): one that does not validate —
  // `null`, a list, broken JSON included — is refused with every problem, and the model the
  // page had is kept.
  setModel({ model: m, text }) {
    const problems = K.validateModel(text ?? m);
    if (problems.length) return { problems };
    if (text !== undefined) {
      try {
        m = JSON.parse(text);
      } catch {
        m = K.presetModel(text.trim()); // a file that holds a preset's name
      }
    }
    model = m;
    if (!sheet) return { problems: [], model: m };
    scoreAll();
    applyView();
    return { problems: [], model: m, summary: summary(), count: S.order.length };
  },
  view({ sort, filter }) {
    view = { sort: sort ?? null, filter: filter ?? {} };
    applyView();
    return { count: S.order.length };
  },
  rows({ start, end }) {
    const out = [];
    for (let k = start; k < Math.min(end, S.order.length); k++) out.push(rowOut(S.order[k]));
    return { rows: out };
  },
  setCell({ i, j, value }) {
    const errs = sheet.setCell(i, j, value);
    S.errors.delete(i);
    for (const e of errs) addError(e);
    rowStatic(i, { letter: new Map(), cell: new Map(), pipe: new Map() });
    // The row at once …
    const card = sheet.scoreCard(i, model);
    S.score[i] = card.score ?? NaN;
    S.tier[i] = card.tier ? S.tierLabels.findIndex((l) => l?.code === card.tier.code) : 0;
    S.topTier[i] = -1;
    const row = rowOut(i);
    post({ type: 'row', row });
    // … then what depends on the whole list (ABC, percentile models, the charts).
    S.purchase = purchases();
    const r = sheet.scores(model);
    S.score = r.score;
    S.tier = r.tier;
    applyView();
    return { row: rowOut(i), summary: summary(), count: S.order.length };
  },
  detail({ i }) { return detail(i); },
  export({ format, lang }) {
    const bytes = exportBytes(format, lang);
    return { bytes: bytes.buffer, transfer: [bytes.buffer] };
  },
  /** Loads the full module ahead of the first list (the page asks once it is ready). */
  async prepare() { await withReaders(); return {}; },
  validate({ model: m }) { return { problems: K.validateModel(m) }; },
  openLog({ bytes, name }) { return openLog(new Uint8Array(bytes), name); },
  fitLog(args) {
    const r = fitLog(args);
    if (sheet) {
      joinLog();
      scoreAll();
      applyView();
      r.summary = summary();
      r.count = S.order.length;
    }
    return r;
  },
  compare({ bytes, name }) { return compareWith(new Uint8Array(bytes), name); },
  pipeline() { return pipelineView(); },
};

// ---- history: an earlier snapshot compared, the learned win probability --------------------

/** The list open now (the newer snapshot) against an earlier one, matched and scored by the crate. */
function compareWith(bytes, name) {
  if (!sheet) throw new Error('open a list first');
  progress('comparing');
  const before = K.Sheet.fromBytes(bytes, {});
  let c;
  try { c = K.compareSnapshots(before, sheet, { model }); } finally { before.free(); }
  S.compare = { name, accounts: c.accounts, byAfterRow: new Map() };
  for (const a of c.accounts) if (a.afterRow !== null) S.compare.byAfterRow.set(a.afterRow, a);
  progress('done');
  return { name, summary: c.summary, accounts: c.accounts, unmatched: c.unmatched };
}

/** A row of the list as an object by its headers, the way the history exports read rows. */
function rowObject(i) {
  const cells = sheet.cells(i);
  const o = {};
  S.headers.forEach((h, j) => { if (h && !(h in o) && cells[j] !== null && cells[j] !== undefined) o[h] = cells[j]; });
  return o;
}

/**
 * The pipeline view: a win model fitted on the deals with an outcome, each deal's learned
 * probability and its largest factors, the holdout against the grade probabilities, and the
 * weighted pipeline of the open deals both ways (the crate's sums).
 */
function pipelineView() {
  if (!sheet) throw new Error('open a list first');
  progress('fitting');
  const fail = (e) => ({ code: e?.code ?? null, zh: e?.zh ?? e?.message ?? String(e), en: e?.en ?? e?.message ?? String(e) });
  let winModel;
  try { winModel = K.fitWinModel(sheet); } catch (e) { progress('done'); return { error: fail(e) }; }
  let holdout = null;
  let holdoutError = null;
  try {
    const h = K.winHoldout(sheet);
    holdout = { dateField: h.dateField, train: h.train, test: h.test, withoutDate: h.withoutDate, learned: h.learned, grades: h.grades, lift: h.lift };
  } catch (e) { holdoutError = fail(e); }
  const fitted = K.evaluateWinModel(winModel, sheet);
  const deals = [];
  const accountCol = S.fieldCol.get('name') ?? S.fieldCol.get('id');
  for (let i = 0; i < S.n; i++) {
    const p = K.winProbability(winModel, rowObject(i));
    const g = S.pipe[i] ? fullPipeline(i) : null;
    deals.push({ i, line: sheet.lineNumber(i), account: accountCol === undefined ? '' : cellText(sheet.cells(i)[accountCol]), probability: p.probability, factors: p.factors.slice(0, 3), grade: g ? { code: g.code, zh: g.zh, en: g.en, probability: g.probability } : null });
  }
  const weighted = K.learnedPipeline(sheet, winModel);
  progress('done');
  return { model: winModel, fitted, holdout, holdoutError, deals, weighted };
}

// ---- the transaction log (MODEL §6) ------------------------------------------------------

/** Reads a transaction log with the crate's table reader and guesses its columns. */
function openLog(bytes, name) {
  progress('reading');
  const next = K.Sheet.fromBytes(bytes, {});
  log?.sheet.free();
  const headers = next.headers();
  log = { sheet: next, headers, name };
  const columns = K.transactionColumns(headers);
  // The observation end: by default the last date in the log.
  let end = null;
  if (columns.date !== null) {
    for (let i = 0; i < next.rowCount; i++) {
      const v = next.cells(i)[columns.date];
      if (v === null || v === undefined) continue;
      try {
        const d = K.parseDate(String(v));
        if (d && (end === null || d > end)) end = d;
      } catch { /* an unreadable date is reported by the summary */ }
    }
  }
  progress('done');
  return { name, headers, columns, rowCount: next.rowCount, end };
}

/**
 * The summary, BG/NBD and Gamma-Gamma fits, per-customer P(alive), expected purchases over
 * `months` and CLV over `months` discounted `discountRate` a month, then the join.
 */
function fitLog({ columns, unit, end, months, discountRate }) {
  if (!log) throw new Error('no transaction log');
  progress('fitting');
  const col = (j) => {
    const out = new Array(log.sheet.rowCount);
    for (let i = 0; i < out.length; i++) {
      const v = j === null || j === undefined ? null : log.sheet.cells(i)[j];
      out[i] = v === undefined ? null : v;
    }
    return out;
  };
  const key = columns.id ?? columns.name;
  if (key === null || key === undefined) throw new Error('choose the customer id (or name) column');
  if (columns.date === null || columns.date === undefined) throw new Error('choose the date column');
  if (columns.amount === null || columns.amount === undefined) throw new Error('choose the amount column');
  const ids = col(key).map((v) => (v === null ? '' : String(v)));
  const s = K.rfmSummary({ ids, dates: col(columns.date), amounts: col(columns.amount) }, { unit, end });
  // The customer's name beside its id, when the log has both: the first one seen.
  let names = null;
  if (columns.id !== null && columns.id !== undefined && columns.name !== null && columns.name !== undefined) {
    const first = new Map();
    const nameCol = col(columns.name);
    ids.forEach((id, i) => { if (!first.has(id) && nameCol[i] !== null) first.set(id, String(nameCol[i])); });
    names = s.ids.map((id) => first.get(id) ?? null);
  }
  const { perMonth } = K.timeUnitLength(unit);
  const out = { customers: s.ids.length, errors: s.errors.slice(0, 20), errorCount: s.errors.length, afterEnd: s.afterEnd };
  out.bg = K.fitBgNbd(s);
  const pred = K.bgNbdPredict(out.bg, s, months * perMonth);
  /** @type {Float64Array} */
  let clv = new Float64Array(s.ids.length).fill(NaN);
  try {
    out.gg = K.fitGammaGamma(s);
    clv = K.customerLifetimeValue(out.bg, out.gg, s, { horizon: months, unit, discountRate });
  } catch (e) {
    out.ggError = e.message;
  }
  futures = { ids: s.ids, pAlive: pred.pAlive, expected: pred.expected, clv };
  if (names) futures.names = names;
  out.table = {
    ids: s.ids, names, frequency: s.frequency, recency: s.recency, T: s.T, monetary: s.monetary,
    pAlive: pred.pAlive, expected: pred.expected, clv,
  };
  out.holdout = holdoutCheck({ ids, dates: col(columns.date), amounts: col(columns.amount) }, s, unit, end);
  if (sheet) {
    const j = sheet.joinFutures(futures);
    out.join = { byId: j.byId, byName: j.byName, unmatched: j.unmatchedCustomers.length, unmatchedSample: j.unmatchedCustomers.slice(0, 10), rows: S.n };
  }
  progress('done');
  return out;
}

/**
 * The calibration/holdout check of BG/NBD: fitted on the log up to the calibration end the
 * crate sets (the first two thirds of the longest customer history), predicting the rest; the
 * table by calibration frequency 0…7+.
 */
function holdoutCheck(log, s, unit, end) {
  try {
    const cal = K.holdoutCalibrationEnd(s.T, unit, end);
    const h = K.calibrationHoldout(log, { calibrationEnd: cal, observationEnd: end, unit, model: 'bgnbd' });
    return {
      calibrationEnd: cal, durationHoldout: h.durationHoldout, customers: h.customers,
      predictedTotal: h.predictedTotal, actualTotal: h.actualTotal, meanAbsoluteError: h.meanAbsoluteError,
      byFrequency: h.byFrequency, verdict: K.holdoutVerdict(h.predictedTotal, h.actualTotal),
    };
  } catch (e) {
    return { error: e?.message ?? String(e) };
  }
}

/** @param {import('./messages.js').WorkerReply} reply @param {Transferable[]} [transfer] */
function reply(reply, transfer) { self.postMessage(reply, transfer ?? []); }

/** @param {MessageEvent<import('./messages.js').WorkerRequest>} message */
self.onmessage = async ({ data }) => {
  const { id, op, args } = data;
  try {
    await ready;
    if (!SCORING_ONLY.has(op)) await withReaders();
    const result = await ops[op](args ?? {});
    const transfer = result?.transfer;
    if (transfer) delete result.transfer;
    reply({ id, ok: true, result }, transfer);
  } catch (e) {
    progress('done');
    // The crate's errors carry a code and their texts in both languages: the page picks one.
    reply({ id, ok: false, error: e?.message ?? String(e), code: e?.code, zh: e?.zh, en: e?.en });
  }
};
