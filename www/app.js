// @ts-check
// The browser sheet: load an account list (file, drop, paste or the sample), map its columns,
// score it live, look at it, edit it, export it. The list is read and kept by the crate's
// `Sheet` in a module Web Worker (worker.js); this file only shows what the worker returns.
// Every value from the data is written with textContent / DOM APIs, never as HTML.
import { UI } from './i18n.js';
import { drawCharts, resizeCharts } from './charts.js';
import { historyPanels } from './history.js';
import { transactionPanel } from './transactions.js';
import { rowPanel } from './detail.js';
import { modelPanel } from './model-panel.js';
import { sourcePanels } from './source.js';

const ROW_H = 30;
const BLOCK = 100;
/**
 * The page's element with an id (index.html): of many kinds (inputs, tables, dialogs), so typed
 * loosely; the ids are the page's own.
 * @param {string} id
 * @returns {any}
 */
const $ = (id) => document.getElementById(id);

const state = {
  lang: (navigator.languages?.[0] ?? navigator.language ?? 'en').toLowerCase().startsWith('zh') ? 'zh-CN' : 'en',
  presets: [], tierLabels: [], preset: 'key_account', model: null, meta: null, summary: null, count: 0,
  sort: null, filter: {}, blocks: new Map(), version: 0, selected: -1, modelProblems: [], modelRefused: null,
  tab: 'accounts', log: null, fit: null, compare: null, compareStatus: '', compareSelected: null, pipeline: null,
  // The decimal mark chosen per file (name and size), kept while the page is open.
  decimalByFile: new Map(), fileKey: null, mapFilter: '',
  /** @type {import('./messages.js').PageRules | null} The crate's rules the page marks and shows by (the worker's hello). */
  rules: null,
};
const t = (key) => UI[state.lang][key] ?? key;
const pick = (label) => (label ? (state.lang === 'zh-CN' ? label.zh : label.en) : '');
/** A pipeline grade as shown: its code (A21 … A01) before its name; no code for 'none'. */
const pipeText = (g) => (g.code === 'none' ? pick(g) : `${g.code} ${pick(g)}`);

function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === undefined || v === null || v === false) continue;
    if (k === 'class') node.className = v;
    else if (k === 'text') node.textContent = v;
    else if (k.startsWith('on')) node.addEventListener(k.slice(2), v);
    else if (k in node && typeof v !== 'string') node[k] = v;
    else node.setAttribute(k, v === true ? '' : v);
  }
  for (const c of children.flat()) if (c !== null && c !== undefined && c !== false) node.append(c instanceof Node ? c : document.createTextNode(String(c)));
  return node;
}

// ---- the worker ---------------------------------------------------------------------------

const worker = new Worker(new URL('./worker.js', import.meta.url), { type: 'module' });
const pending = new Map();
let nextId = 1;
/**
 * Asks the worker to run `op` (messages.js); resolves with its result.
 * @param {import('./messages.js').WorkerOp} op
 * @param {any} [args]
 * @param {Transferable[]} [transfer]
 * @returns {Promise<any>}
 */
function call(op, args, transfer) {
  const id = nextId++;
  return new Promise((resolve, reject) => {
    pending.set(id, { resolve, reject });
    /** @type {import('./messages.js').WorkerRequest} */
    const request = { id, op, args };
    worker.postMessage(request, transfer ?? []);
  });
}
/** @param {MessageEvent<import('./messages.js').WorkerReply | import('./messages.js').WorkerEvent>} message */
worker.onmessage = ({ data }) => {
  if ('type' in data) {
    if (data.type === 'progress') return showProgress(data);
    if (data.type === 'row') return updateRow(data.row);
    state.summary = data.summary; renderSummary(); renderCharts(); return undefined;
  }
  const p = pending.get(data.id);
  if (!p) return;
  pending.delete(data.id);
  if (data.ok === true) p.resolve(data.result); else p.reject(Object.assign(new Error(data.error), { code: data.code, zh: data.zh, en: data.en }));
};
worker.onerror = (e) => showMessage(`${t('error')}: ${e.message ?? 'worker'}`);

/** An error in the page's language when the crate gave its texts, else its message. */
const failureText = (e) => (e?.zh && e?.en ? pick(e) : e?.message ?? String(e));

async function guarded(fn) {
  try { hideMessage(); return await fn(); } catch (e) { showProgress({ stage: 'done' }); showMessage(`${t('error')}: ${failureText(e)}`); return undefined; }
}

// ---- progress and messages ----------------------------------------------------------------

/** @param {{stage: string, done?: number, total?: number}} progress */
function showProgress({ stage, done, total }) {
  const box = $('progress');
  const finished = stage === 'done' || (stage === 'strategies' && done >= total);
  box.hidden = finished;
  if (finished) return;
  const determinate = stage === 'strategies' && total > 0;
  box.classList.toggle('indeterminate', !determinate);
  /** @type {HTMLElement} */ (box.querySelector('.fill')).style.width = determinate ? `${(100 * done / total).toFixed(1)}%` : '30%';
  box.querySelector('.label').textContent = determinate ? `${t('strategies')} ${done.toLocaleString()} / ${total.toLocaleString()}` : t(stage);
}
function showMessage(text) { const m = $('message'); m.textContent = text; m.hidden = false; }
function hideMessage() { $('message').hidden = true; }

// ---- loading ------------------------------------------------------------------------------

/** A file as the page remembers choices for it (the decimal mark): its name and size. */
const fileKey = (name, size) => `${name ?? ''}|${size}`;

async function openBytes(buffer, name) {
  await guarded(async () => {
    showProgress({ stage: 'reading' });
    const key = fileKey(name, buffer.byteLength);
    // A file whose decimal mark was chosen before is read with it again.
    const decimal = state.decimalByFile.get(key);
    const r = await call('open', { bytes: buffer, name, options: decimal ? { decimal } : undefined }, [buffer]);
    state.fileKey = key;
    loaded(r);
  });
}
async function openText(text, name) {
  await guarded(async () => {
    showProgress({ stage: 'reading' });
    const r = await call('open', { text, name });
    state.fileKey = null;
    loaded(r);
  });
}
async function openFile(file) {
  if (!file) return;
  // A file over the crate's limit is refused from its size, before a byte of it is read.
  const max = state.limits?.maxBytes;
  if (max && file.size > max) {
    const mb = (n) => (n / 1048576).toFixed(1);
    showMessage(`${t('error')}: ${t('tooLarge').replace('{size}', mb(file.size)).replace('{limit}', mb(max))}`);
    return;
  }
  await openBytes(await file.arrayBuffer(), file.name);
}
async function reopen(options) {
  await guarded(async () => { showProgress({ stage: 'reading' }); loaded(await call('reopen', { options })); });
}

/** Reads the file again with the decimal mark chosen, and keeps the choice for the file. */
async function chooseDecimal(decimal) {
  if (state.fileKey) state.decimalByFile.set(state.fileKey, decimal);
  await reopen({ decimal });
}

function loaded(r) {
  state.meta = r.meta;
  if (r.memory) document.body.dataset.wasmBytes = String(r.memory);
  state.sort = null;
  state.filter = {};
  state.selected = -1;
  $('search').value = '';
  $('f-bad').checked = false;
  state.mapFilter = '';
  changed(r);
  renderSource();
  renderDecimal();
  renderMapping();
  renderFilters();
  $('detail').hidden = true;
  $('export-xlsx').disabled = false;
  $('export-csv').disabled = false;
  $('grid-scroll').scrollTop = 0;
  state.compare = null;
  state.pipeline = null;
  history.renderCompare();
  history.renderPipeline();
  document.body.dataset.loaded = String(++loadCount);
}
let loadCount = 0;

/** After anything that changes the rows shown: drop the row cache and draw again. */
function changed(r) {
  if (r.summary) state.summary = r.summary;
  if (r.count !== undefined) state.count = r.count;
  state.version++;
  state.blocks.clear();
  renderSummary();
  renderCharts();
  renderGrid();
  if (state.selected >= 0) showDetail(state.selected);
}

// ---- the list's source and its columns (source.js) -----------------------------------------

const { renderSource, renderDecimal, renderMapping } = sourcePanels({ $, el, t, pick, call, guarded, state, changed, reopen, chooseDecimal });

// ---- model panel --------------------------------------------------------------------------

// The panel itself is model-panel.js.
const { renderModel, loadModelFile } = modelPanel({ $, el, t, pick, call, guarded, state, changed, download });

function download(blob, name) {
  const url = URL.createObjectURL(blob);
  const a = el('a', { href: url, download: name });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10000);
}

// ---- summary and charts -------------------------------------------------------------------

/** What the whole list lacks, once, above the grid: each notice says what adding it unlocks. */
function renderNotices() {
  const box = $('notices');
  const list = state.meta?.notices ?? [];
  box.hidden = list.length === 0;
  box.replaceChildren(...(list.length ? [el('h3', { text: t('noticesH') }), el('ul', {}, list.map((n) => el('li', { 'data-code': n.code, text: pick(n) })))] : []));
}

function renderSummary() {
  renderNotices();
  const s = state.summary;
  const box = $('summary');
  if (!s) { box.replaceChildren(); return; }
  const stats = [[t('accounts'), s.n.toLocaleString(), 'n']];
  for (let k = 4; k >= 1; k--) stats.push([pick(s.tierLabels[k]), s.tiers[k].toLocaleString(), `tier-${k}`]);
  stats.push([t('noScore'), s.noScore.toLocaleString(), 'noscore']);
  if (s.pareto) stats.push([t('top20').replace('{top}', `${(s.pareto.marks.top * 100).toFixed(0)}%`), `${(s.pareto.top20 * 100).toFixed(0)}%`, 'top20']);
  stats.push([t('badCells'), s.badCells.toLocaleString(), 'bad']);
  box.replaceChildren(...stats.map(([k, v, id]) => el('div', { class: `stat ${id === 'bad' && s.badCells ? 'has-bad' : ''}`, 'data-stat': id }, el('span', { text: k }), el('b', { text: v }))));
}

function renderCharts() {
  const s = state.summary;
  if (s?.matrix) {
    // How full the matrix is, for a reader of the page's markup (and its tests).
    const counts = Object.values(s.matrix);
    $('chart-matrix').dataset.rows = String(counts.reduce((a, b) => a + b, 0));
    $('chart-matrix').dataset.cells = String(counts.filter((c) => c > 0).length);
  }
  $('charts').hidden = !s;
  if (!s) return;
  drawCharts(s, {
    t, pick, lang: state.lang, selectedCell: state.filter.cell ?? null,
    onCell: (cell) => setFilter({ cell: state.filter.cell === cell ? null : cell }),
    onTier: (tier) => setFilter({ tier: String(state.filter.tier) === String(tier) ? '' : tier }),
  });
}

// ---- filters and sort ---------------------------------------------------------------------

function renderFilters() {
  const tierSel = $('f-tier');
  tierSel.replaceChildren(el('option', { value: '', text: t('allTiers') }),
    ...[4, 3, 2, 1].map((k) => el('option', { value: String(k), text: pick(state.tierLabels[k]) })), el('option', { value: '0', text: t('tierNone') }));
  tierSel.value = state.filter.tier ?? '';
  const abcSel = $('f-abc');
  abcSel.replaceChildren(el('option', { value: '', text: t('allAbc') }), ...['A', 'B', 'C'].map((c) => el('option', { value: c, text: c })));
  abcSel.value = state.filter.abc ?? '';
  abcSel.title = pick(state.rules.abcRule);
  const cellBtn = $('f-cell');
  cellBtn.hidden = !state.filter.cell;
  cellBtn.textContent = state.filter.cell ? `${t('cellFilter')} ${state.filter.cell} ✕` : '';
  $('search').placeholder = t('search');
}

async function setFilter(patch) {
  state.filter = { ...state.filter, ...patch };
  renderFilters();
  await sendView();
}
async function sendView() {
  await guarded(async () => {
    const r = await call('view', { sort: state.sort, filter: state.filter });
    changed(r);
  });
}

// ---- the grid -----------------------------------------------------------------------------

/**
 * The grid's columns: `lead`, always drawn — the row number and the name (frozen at the left
 * edge), then the computed columns — and `rest`, the list's other columns, of which only those
 * in view are drawn (as rows are), with their x offsets from the end of `lead`.
 */
let layoutCache = null;
function columns() {
  const m = state.meta;
  if (!m) return { lead: [], rest: [], offsets: new Float64Array(1), leadWidth: 0, total: 0 };
  const c0 = layoutCache;
  if (c0 && c0.meta === m && c0.fit === state.fit && c0.lang === state.lang) return c0.layout;
  const user = m.mapping.map((c) => ({ key: String(c.column), j: c.column, label: c.header || `#${c.column + 1}`, width: c.field === 'name' ? 230 : 110, field: c.field }));
  const nameCol = user.find((c) => c.field === 'name');
  const rest = user.filter((c) => c !== nameCol);
  const computed = [
    { key: 'score', label: t('cScore'), width: 84, computed: true },
    { key: 'tier', label: t('cTier'), width: 96, computed: true },
    { key: 'abc', label: t('cAbc'), width: 74, computed: true },
    { key: 'letter', label: t('cLetter'), width: 84, computed: true },
    { key: 'cell', label: t('cCell'), width: 70, computed: true },
    { key: 'pipe', label: t('cPipe'), width: 96, computed: true },
    { key: 'top', label: t('cTop'), width: 280, computed: true },
  ];
  // From the transaction log, once it is fitted and joined.
  if (state.fit) {
    computed.splice(2, 0,
      { key: 'palive', label: t('cPAlive'), width: 96, computed: true },
      { key: 'clv', label: t('cClv'), width: 104, computed: true });
  }
  const frozen = [{ key: 'row', label: '#', width: 56 }, ...(nameCol ? [{ ...nameCol }] : [])];
  let left = 0;
  for (const c of frozen) { c.frozen = true; c.left = left; left += c.width; }
  const lead = [...frozen, ...computed];
  const offsets = new Float64Array(rest.length + 1);
  for (let k = 0; k < rest.length; k++) offsets[k + 1] = offsets[k] + rest[k].width;
  const leadWidth = lead.reduce((a, c) => a + c.width, 0);
  const layout = { lead, rest, offsets, leadWidth, total: leadWidth + offsets[rest.length] };
  layoutCache = { meta: m, fit: state.fit, lang: state.lang, layout };
  return layout;
}

/** Up to this many of the list's columns are all drawn; past it only those in view. */
const ALL_COLUMNS = 60;
const COL_OVERSCAN = 4;

/** The first k with offsets[k] > x (offsets ascending). */
function firstAfter(offsets, x) {
  let lo = 0;
  let hi = offsets.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (offsets[mid] > x) hi = mid; else lo = mid + 1;
  }
  return lo;
}

/** The columns to draw for the horizontal scroll position: `cols` (spacers standing for the rest) and a key. */
function columnWindow(layout, scroll) {
  const { lead, rest, offsets, leadWidth } = layout;
  const n = rest.length;
  if (n <= ALL_COLUMNS) return { cols: [...lead, ...rest], key: 'all' };
  const x0 = scroll.scrollLeft - leadWidth;
  const x1 = x0 + Math.max(scroll.clientWidth, 400);
  const a = Math.max(0, firstAfter(offsets, x0) - 1 - COL_OVERSCAN);
  const b = Math.min(n, firstAfter(offsets, x1) + COL_OVERSCAN);
  const cols = [...lead, { spacer: true, key: 'spacer-left', width: offsets[a] }, ...rest.slice(a, b), { spacer: true, key: 'spacer-right', width: offsets[n] - offsets[b] }];
  return { cols, key: `${a}:${b}` };
}

function renderGrid() {
  const table = $('grid');
  const layout = columns();
  $('empty').hidden = Boolean(state.meta);
  $('shown').textContent = state.meta ? `${t('shown')} ${state.count.toLocaleString()} / ${state.meta.rowCount.toLocaleString()}` : '';
  table.style.width = `${layout.total}px`;
  drawnHead = null;
  renderRows();
}

/** The column widths and the header row for the columns drawn. */
let drawnHead = null;
function renderHead(cols, key) {
  if (key === drawnHead) return;
  drawnHead = key;
  const table = $('grid');
  table.querySelector('colgroup').replaceChildren(...cols.map((c) => { const col = el('col'); col.style.width = `${c.width}px`; return col; }));
  table.tHead.replaceChildren(el('tr', {}, cols.map((c) => {
    if (c.spacer) return el('th', { class: 'col-spacer', 'aria-hidden': 'true' });
    const sorted = state.sort?.key === c.key ? (state.sort.dir === 'asc' ? ' ▲' : ' ▼') : '';
    const th = el('th', { 'data-key': c.key, class: c.computed ? 'computed' : '', title: c.key === 'abc' ? pick(state.rules.abcRule) : c.label, text: c.label + sorted });
    if (c.frozen) { th.classList.add('frozen'); th.style.left = `${c.left}px`; }
    return th;
  })));
}

let drawn = '';
function renderRows(force = true) {
  const body = $('grid').tBodies[0];
  if (!state.meta) { body.replaceChildren(); $('grid').tHead.replaceChildren(); drawn = ''; drawnHead = null; return; }
  const scroll = $('grid-scroll');
  const first = Math.max(0, Math.floor(scroll.scrollTop / ROW_H) - 5);
  const last = Math.min(state.count, Math.ceil((scroll.scrollTop + scroll.clientHeight) / ROW_H) + 5);
  const { cols, key: colKey } = columnWindow(columns(), scroll);
  renderHead(cols, colKey);
  // A scroll that keeps the same rows and columns in view draws nothing (and leaves a cell being clicked in place).
  const key = `${first}:${last}:${colKey}:${state.version}`;
  if (!force && key === drawn) return;
  drawn = key;
  const trs = [];
  const top = el('tr', { class: 'spacer' });
  top.style.height = `${first * ROW_H}px`;
  trs.push(top);
  for (let k = first; k < last; k++) {
    const row = getRow(k);
    trs.push(row ? rowElement(row, cols) : el('tr', { class: 'loading' }, el('td', { colspan: String(cols.length), text: t('pending') })));
  }
  const bottom = el('tr', { class: 'spacer' });
  bottom.style.height = `${Math.max(0, state.count - last) * ROW_H}px`;
  trs.push(bottom);
  const editing = state.editing;
  body.replaceChildren(...trs);
  // A cell being edited keeps its input (and focus) across a redraw.
  if (editing) {
    const td = body.querySelector(`tr[data-row="${editing.i}"] td[data-j="${editing.j}"]`);
    if (td) { td.replaceChildren(editing.input); td.classList.add('editing'); editing.input.focus(); }
  }
}

/** Rows fetched from the worker at a time: fewer for a wide list, so that a block stays small. */
function blockSize() {
  const width = state.meta?.mapping.length ?? 1;
  return Math.max(5, Math.min(BLOCK, Math.floor(200_000 / Math.max(1, width))));
}

function getRow(k) {
  const size = blockSize();
  const b = Math.floor(k / size);
  const block = state.blocks.get(b);
  if (block instanceof Promise || block === undefined) {
    if (block === undefined) {
      const version = state.version;
      const p = call('rows', { start: b * size, end: (b + 1) * size }).then((r) => {
        if (version !== state.version) return;
        state.blocks.set(b, r.rows);
        renderRows();
      }, (e) => { state.blocks.delete(b); showMessage(`${t('error')}: ${failureText(e)}`); });
      state.blocks.set(b, p);
    }
    return null;
  }
  return block[k - b * size] ?? null;
}

function updateRow(row) {
  for (const block of state.blocks.values()) {
    if (!Array.isArray(block)) continue;
    const k = block.findIndex((r) => r.i === row.i);
    if (k >= 0) block[k] = row;
  }
  renderRows();
}

/** A cell error as shown: the cell as Excel names it (and its sheet), the column, the text, why. */
function errorText(e) {
  const where = e.cell ? `${e.sheet ? `${e.sheet}!` : ''}${e.cell} ` : '';
  return `${where}${e.column}: "${e.text}" — ${pick(e)}`;
}

function cellDisplay(v) {
  if (v === null || v === undefined) return '';
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  return String(v);
}

function rowElement(row, cols) {
  const tr = el('tr', { 'data-row': String(row.i) });
  if (row.i === state.selected) tr.classList.add('selected');
  const bad = new Map(row.errors.map((e) => [e.j, e]));
  if (bad.size || row.cellProblem || row.pipeProblem) tr.classList.add('has-bad');
  for (const c of cols) {
    let td;
    if (c.spacer) { tr.append(el('td', { class: 'col-spacer' })); continue; }
    if (c.key === 'row') td = el('td', { class: 'num muted', text: String(row.line), title: t('rowOf').replace('{n}', row.line) });
    else if (c.j !== undefined) {
      const e = bad.get(c.j);
      td = el('td', { 'data-j': String(c.j), class: e ? 'bad' : '', text: cellDisplay(row.cells[c.j]) });
      td.title = e ? errorText(e) : cellDisplay(row.cells[c.j]);
      if (e) td.dataset.reason = e.reason;
    } else if (c.key === 'score') {
      td = el('td', { class: 'num score', text: row.score === null ? t('noScore') : row.score.toFixed(1), title: row.score === null ? pick(row.reason) : '' });
    } else if (c.key === 'tier') {
      td = el('td', {}, row.tier ? el('span', { class: `tier ${row.tier.code}`, text: pick(row.tier) }) : t('none'));
    } else if (c.key === 'abc') td = el('td', { class: `abc abc-${row.abc ?? 'none'}`, text: row.abc ?? t('none') });
    else if (c.key === 'letter') td = el('td', { class: row.cellProblem && !row.letter ? 'bad' : '', text: row.letter ?? t('none'), title: row.cellProblem ?? '' });
    else if (c.key === 'cell') {
      // An estimated cell is marked as such (MODEL §4.8); its evidence is in the row panel.
      const cls = [row.cellProblem ? 'bad' : '', row.cell && row.cellEstimated ? 'estimated' : ''].filter(Boolean).join(' ');
      td = el('td', { class: cls, text: row.cell ?? t('none'), title: row.cellProblem ?? (row.cell && row.cellEstimated ? t('estimatedCell') : '') });
    }
    else if (c.key === 'pipe') td = el('td', { class: row.pipeProblem ? 'bad' : '', text: row.pipe ? pipeText(row.pipe) : t('none'), title: row.pipeProblem ?? (row.pipe ? pick(row.pipe) : t('notPipeline')) });
    else if (c.key === 'top') td = el('td', { class: 'top', text: row.top ? pick(row.top) : t('pending'), title: row.top ? pick(row.top) : '' });
    else if (c.key === 'palive') {
      const p = row.future?.pAlive ?? null;
      td = el('td', { class: `num palive${p !== null && p < state.rules.likelyAliveFrom ? ' low' : ''}`, text: p === null ? t('none') : `${(p * 100).toFixed(1)}%`, title: row.future ? t(`j${row.future.status}`) : '' });
    } else if (c.key === 'clv') {
      const v = row.future?.clv ?? null;
      td = el('td', { class: 'num', text: v === null ? t('none') : money(v), title: row.future?.quadrant ? pick(row.future.quadrant) : '' });
    }
    if (c.computed) { td.classList.add('computed'); td.dataset.key = c.key; }
    if (c.frozen) { td.classList.add('frozen'); td.style.left = `${c.left}px`; }
    tr.append(td);
  }
  return tr;
}

function startEdit(td) {
  const tr = td.closest('tr');
  const i = Number(tr.dataset.row);
  const j = Number(td.dataset.j);
  const before = td.textContent;
  const input = el('input', { class: 'edit', value: before, 'aria-label': 'edit' });
  td.replaceChildren(input);
  td.classList.add('editing');
  state.editing = { i, j, input };
  input.focus();
  input.select();
  let done = false;
  const finish = async (commit) => {
    if (done) return;
    done = true;
    state.editing = null;
    if (!commit || input.value === before) { renderRows(); return; }
    await guarded(async () => {
      const r = await call('setCell', { i, j, value: input.value === '' ? null : input.value });
      updateRow(r.row);
      changed(r);
    });
  };
  input.addEventListener('keydown', (e) => {
    if (e.key === 'Enter') { e.preventDefault(); finish(true); }
    if (e.key === 'Escape') { e.preventDefault(); finish(false); }
  });
  // Leaving the cell keeps the change, as in a spreadsheet; a redraw that moves the input does not count.
  input.addEventListener('blur', () => setTimeout(() => { if (document.activeElement !== input) finish(true); }, 0));
}

// ---- the row panel ------------------------------------------------------------------------

// The panel itself is detail.js.
const { showDetail } = rowPanel({ $, el, t, pick, pipeText, call, guarded, state, cellDisplay, errorText, money, renderRows });

// ---- export -------------------------------------------------------------------------------

async function exportAs(format) {
  await guarded(async () => {
    showProgress({ stage: 'exporting' });
    const r = await call('export', { format, lang: state.lang });
    const base = (state.meta.name ?? 'accounts').replace(/\.[^.]+$/, '');
    const type = format === 'xlsx' ? 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' : 'text/csv';
    download(new Blob([r.bytes], { type }), `${base}-scored.${format}`);
  });
}

// ---- language -----------------------------------------------------------------------------

function applyLanguage() {
  document.documentElement.lang = state.lang;
  for (const node of /** @type {NodeListOf<HTMLElement>} */ (document.querySelectorAll('[data-t]'))) node.textContent = t(node.dataset.t);
  $('lang').textContent = t('other');
  renderModel();
  renderSource();
  renderDecimal();
  renderMapping();
  renderFilters();
  renderSummary();
  renderCharts();
  renderGrid();
  renderLog();
  history.renderCompare();
  history.renderPipeline();
  if (state.selected >= 0) showDetail(state.selected);
}

// ---- the history tabs: comparison and the learned win probability (history.js) -------------

const history = historyPanels({ $, el, t, pick, call, guarded, state, showProgress });

async function exportComparison(format) {
  await guarded(async () => {
    showProgress({ stage: 'exporting' });
    const r = await call('export', { format, lang: state.lang });
    const base = (state.meta.name ?? 'accounts').replace(/\.[^.]+$/, '');
    const type = format === 'xlsx' ? 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' : 'text/csv';
    download(new Blob([r.bytes], { type }), `${base}-compared.${format}`);
  });
}

// ---- the transaction log tab (MODEL §6) ------------------------------------------------------

function money(v) { return v.toLocaleString(state.lang, { maximumFractionDigits: 0 }); }

function setTab(tab) {
  state.tab = tab;
  document.body.dataset.tab = tab;
  for (const b of /** @type {NodeListOf<HTMLElement>} */ (document.querySelectorAll('#tabs .tab'))) b.setAttribute('aria-selected', String(b.dataset.tab === tab));
  if (tab === 'accounts') { resizeCharts(); renderRows(); }
}

// The tab itself is transactions.js; the fitted futures come back into the list (changed()).
const transactions = transactionPanel({ $, el, t, call, guarded, state, showProgress, changed, money });
const { openLog, fitLog, renderLog } = transactions;

// ---- wiring -------------------------------------------------------------------------------

async function main() {
  /** @type {import('./messages.js').Hello} */
  const hello = await call('hello');
  state.presets = hello.presets;
  state.tierLabels = hello.tierLabels;
  state.limits = hello.limits;
  state.fields = hello.fields;
  state.rules = hello.rules;
  state.model = structuredClone(state.presets.find((p) => p.name === state.preset).model);
  await call('setModel', { model: state.model });
  applyLanguage();

  for (const b of /** @type {NodeListOf<HTMLElement>} */ (document.querySelectorAll('#tabs .tab'))) b.addEventListener('click', () => setTab(b.dataset.tab));
  setTab('accounts');
  $('load-tx-sample').addEventListener('click', async () => {
    const res = await fetch('sample/transactions.csv');
    await openLog(await res.arrayBuffer(), 'transactions.csv');
  });
  $('tx-file').addEventListener('change', async (e) => { const file = e.target.files[0]; e.target.value = ''; if (file) await openLog(await file.arrayBuffer(), file.name); });
  $('tx-fit').addEventListener('click', () => fitLog());
  $('cmp-file').addEventListener('change', async (e) => { const file = e.target.files[0]; e.target.value = ''; if (file) await history.openCompare(await file.arrayBuffer(), file.name); });
  $('cmp-status').addEventListener('change', (e) => { state.compareStatus = e.target.value; history.renderCompare(); });
  $('cmp-export-xlsx').addEventListener('click', () => exportComparison('xlsx'));
  $('cmp-export-csv').addEventListener('click', () => exportComparison('csv'));
  $('pl-fit').addEventListener('click', () => history.runPipeline());
  $('lang').addEventListener('click', () => { state.lang = state.lang === 'zh-CN' ? 'en' : 'zh-CN'; applyLanguage(); });
  $('load-sample').addEventListener('click', async () => {
    const res = await fetch('sample/accounts-gbk.csv');
    await openBytes(await res.arrayBuffer(), 'accounts-gbk.csv');
  });
  $('file').addEventListener('change', (e) => { openFile(e.target.files[0]); e.target.value = ''; });
  $('model-file').addEventListener('change', (e) => { loadModelFile(e.target.files[0]); e.target.value = ''; });
  $('paste').addEventListener('click', () => { $('paste-text').value = ''; $('paste-dialog').showModal(); });
  $('paste-cancel').addEventListener('click', () => $('paste-dialog').close());
  $('paste-load').addEventListener('click', () => { const text = $('paste-text').value; $('paste-dialog').close(); if (text.trim()) openText(text, null); });
  document.addEventListener('paste', (e) => {
    if (/** @type {Element} */ (e.target).closest?.('input, textarea, select, dialog')) return;
    const text = e.clipboardData?.getData('text/plain') ?? '';
    if (text.includes('\t') && text.includes('\n')) { e.preventDefault(); openText(text, null); }
  });
  let dragDepth = 0;
  document.addEventListener('dragenter', (e) => { if (e.dataTransfer?.types.includes('Files')) { dragDepth++; $('drop').hidden = false; } });
  document.addEventListener('dragleave', () => { dragDepth = Math.max(0, dragDepth - 1); if (!dragDepth) $('drop').hidden = true; });
  document.addEventListener('dragover', (e) => e.preventDefault());
  document.addEventListener('drop', (e) => { e.preventDefault(); dragDepth = 0; $('drop').hidden = true; const file = e.dataTransfer?.files?.[0]; if (state.tab === 'transactions' && file) file.arrayBuffer().then((b) => openLog(b, file.name)); else openFile(file); });

  let searchTimer = null;
  $('search').addEventListener('input', () => { clearTimeout(searchTimer); searchTimer = setTimeout(() => setFilter({ text: $('search').value }), 200); });
  $('f-tier').addEventListener('change', (e) => setFilter({ tier: e.target.value }));
  $('f-abc').addEventListener('change', (e) => setFilter({ abc: e.target.value }));
  $('f-bad').addEventListener('change', (e) => setFilter({ bad: e.target.checked }));
  $('f-cell').addEventListener('click', () => setFilter({ cell: null }));
  $('export-xlsx').addEventListener('click', () => exportAs('xlsx'));
  $('export-csv').addEventListener('click', () => exportAs('csv'));

  const grid = $('grid');
  grid.tHead.addEventListener('click', (e) => {
    const th = e.target.closest('th');
    const key = th?.dataset.key;
    if (!key) return;
    if (key === 'row') state.sort = null;
    else state.sort = state.sort?.key === key ? (state.sort.dir === 'asc' ? { key, dir: 'desc' } : null) : { key, dir: key === 'score' || key === 'tier' ? 'desc' : 'asc' };
    sendView();
  });
  grid.tBodies[0].addEventListener('click', (e) => {
    const tr = e.target.closest('tr[data-row]');
    if (tr && !e.target.closest('input')) showDetail(Number(tr.dataset.row));
  });
  grid.tBodies[0].addEventListener('dblclick', (e) => {
    let td = e.target.closest('td[data-j]');
    if (td && !td.isConnected) td = grid.querySelector(`tr[data-row="${td.parentElement.dataset.row}"] td[data-j="${td.dataset.j}"]`);
    if (td && !td.classList.contains('editing')) startEdit(td);
  });
  let frame = 0;
  $('grid-scroll').addEventListener('scroll', () => { cancelAnimationFrame(frame); frame = requestAnimationFrame(() => renderRows(false)); });
  window.addEventListener('resize', () => { resizeCharts(); renderRows(); });
  document.body.dataset.ready = 'true';
  // The file readers (the full module) come in next, in a task of their own, while the user
  // picks a list; if this fails, the first list tries again and reports what went wrong.
  setTimeout(() => call('prepare').catch(() => {}), 0);
}

main().catch((e) => showMessage(`${t('error')}: ${e.message}`));
