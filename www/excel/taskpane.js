// @ts-check
// The task pane: picks the scoring model and shows the breakdown of the selected row. It runs
// in the same page as the custom functions (the shared runtime) and uses their kam instance
// and their cached Scorers, so the wasm is loaded once.
/* global Office, Excel */
import { kamReady } from './functions.js';

const zh = !(navigator.language || 'zh').toLowerCase().startsWith('en');
const T = zh ? {
  loading: '正在载入…', ready: '选中表格中的一行，得分构成显示在这里。', custom: '自定义模型（JSON）',
  score: '得分', noScore: '无法评分', coverage: '数据覆盖', factor: '因素', input: '取值', sub: '子分',
  weight: '权重', points: '得分', missing: '缺少', next: '升级建议', errors: '无法读取的单元格',
  row: '第 {n} 行', headerRow: '表头在第 {n} 行', notExcel: '不在 Excel 中：函数和得分构成需要在 Excel 里打开。',
  blank: '选中的行是空的。', isHeader: '选中的是表头行，请选中一行客户数据。', problems: '模型有问题：',
  formula: '这一行的公式：', tableFormula: '整张表一次算完（溢出到右侧和下方）：',
} : {
  loading: 'Loading…', ready: 'Select a row of the table to see its breakdown here.', custom: 'Custom model (JSON)',
  score: 'Score', noScore: 'No score', coverage: 'Coverage', factor: 'Factor', input: 'Value', sub: 'Sub-score',
  weight: 'Weight', points: 'Points', missing: 'missing', next: 'To reach the next tier', errors: 'Unreadable cells',
  row: 'Row {n}', headerRow: 'Header in row {n}', notExcel: 'Not in Excel: open the add-in in Excel to use it.',
  blank: 'The selected row is empty.', isHeader: 'That is the header row: select a row of accounts.', problems: 'The model has problems: ',
  formula: 'This row as a formula:', tableFormula: 'The whole table at once (spills):',
};
const L = (label) => (label ? (zh ? label.zh : label.en) : '');
/**
 * The pane's element with an id (taskpane.html): inputs and selects, so typed loosely.
 * @param {string} id
 * @returns {any}
 */
const $ = (id) => document.getElementById(id);
const MODEL_KEY = 'kam-score.excel.model';
const CUSTOM_KEY = 'kam-score.excel.custom';

function esc(text) {
  return String(text).replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' }[c]));
}

function columnLetters(index) {
  let s = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

function fmt(n, digits = 1) {
  return typeof n === 'number' && Number.isFinite(n) ? n.toFixed(digits) : '';
}

let kamState;

/** The model the pane scores with: a preset name, or the custom document's text. */
function currentModel() {
  const choice = $('model').value;
  if (choice !== '__custom__') return choice;
  return $('custom').value.trim();
}

function checkCustom() {
  const { kam } = kamState;
  const text = $('custom').value.trim();
  localStorage.setItem(CUSTOM_KEY, text);
  let problems;
  try {
    problems = text ? kam.validateModel(text).map((p) => (zh ? p.zh : p.en)) : [];
  } catch (e) {
    problems = [(zh ? e.zh : e.en) ?? e.message];
  }
  $('custom-problems').textContent = problems.length ? T.problems + problems.join(zh ? '；' : '; ') : '';
  return problems.length === 0;
}

/** Reads the header row and the selected row of the active sheet through Excel.run. */
async function readSelection() {
  return Excel.run(async (context) => {
    const sheet = context.workbook.worksheets.getActiveWorksheet();
    const selected = context.workbook.getSelectedRange();
    selected.load('rowIndex');
    const used = sheet.getUsedRange(true);
    used.load('rowIndex,columnIndex,columnCount');
    await context.sync();
    const given = Number($('header-row').value);
    const headerIndex = given >= 1 ? given - 1 : used.rowIndex;
    const header = sheet.getRangeByIndexes(headerIndex, used.columnIndex, 1, used.columnCount);
    const row = sheet.getRangeByIndexes(selected.rowIndex, used.columnIndex, 1, used.columnCount);
    header.load('values');
    row.load('values');
    await context.sync();
    return {
      headers: header.values[0],
      values: row.values[0],
      headerIndex,
      rowIndex: selected.rowIndex,
      firstColumn: used.columnIndex,
      columnCount: used.columnCount,
    };
  });
}

function render(sel, card) {
  const rowsHtml = card.factors.map((f) => `<tr class="${f.missing ? 'missing' : ''}">
      <td>${esc(L(f.title))}</td>
      <td>${f.missing ? esc(T.missing) : esc(f.input ?? '')}</td>
      <td class="num">${fmt(f.subScore)}</td>
      <td class="num">${fmt(f.weight, 0)}</td>
      <td class="num">${f.missing ? '' : fmt(f.points)}</td></tr>`).join('');
  const moves = card.nextTier ? card.nextTier.moves.slice(0, 3).map((m) => `<li>${esc(L(m.text))}</li>`).join('') : '';
  const errors = card.errors.map((e) => `<li>${esc(e.column)}：“${esc(e.text)}” — ${esc(L(e))}</li>`).join('');
  $('result').innerHTML = `
    <p class="muted" id="where">${esc(T.row.replace('{n}', sel.rowIndex + 1))} · ${esc(T.headerRow.replace('{n}', sel.headerIndex + 1))}</p>
    <p class="score" id="score">${card.score === null ? esc(T.noScore) : fmt(card.score)}</p>
    <p class="tier" id="tier">${esc(L(card.tier))}${card.reason ? `<span class="bad">${esc(L(card.reason))}</span>` : ''}
      <span class="muted"> · ${esc(T.coverage)} ${Math.round(card.coverage * 100)}%</span></p>
    <table id="factors"><thead><tr><th>${esc(T.factor)}</th><th>${esc(T.input)}</th><th class="num">${esc(T.sub)}</th>
      <th class="num">${esc(T.weight)}</th><th class="num">${esc(T.points)}</th></tr></thead><tbody>${rowsHtml}</tbody></table>
    ${moves ? `<h2>${esc(T.next)}：${esc(L(card.nextTier.tier))}</h2><ul id="moves">${moves}</ul>` : ''}
    ${errors ? `<h2 class="bad">${esc(T.errors)}</h2><ul id="errors" class="bad">${errors}</ul>` : ''}`;
  const first = columnLetters(sel.firstColumn);
  const last = columnLetters(sel.firstColumn + sel.columnCount - 1);
  const model = $('model').value === '__custom__' ? '' : `, "${$('model').value}"`;
  const r = sel.rowIndex + 1;
  const h = sel.headerIndex + 1;
  $('formula').innerHTML = `${esc(T.formula)} <code>=KAM.SCORE(${first}${r}:${last}${r}, $${first}$${h}:$${last}$${h}${esc(model)})</code><br>
    ${esc(T.tableFormula)} <code>=KAM.SCORE_TABLE(${first}${h}:${last}${Math.max(r, h + 1)}${esc(model)})</code>`;
}

async function showSelection() {
  if (typeof Excel === 'undefined') {
    $('status').textContent = T.notExcel;
    return;
  }
  const model = currentModel();
  if ($('model').value === '__custom__' && !checkCustom()) return;
  try {
    const sel = await readSelection();
    if (sel.rowIndex === sel.headerIndex) {
      $('result').innerHTML = `<p class="muted" id="status">${esc(T.isHeader)}</p>`;
      return;
    }
    if (sel.values.every((v) => v === '' || v === null)) {
      $('result').innerHTML = `<p class="muted" id="status">${esc(T.blank)}</p>`;
      return;
    }
    const scorer = kamState.functions.scorer(model || undefined, [sel.headers]);
    render(sel, scorer.scoreCard(sel.values));
  } catch (e) {
    $('result').innerHTML = `<p class="bad" id="status">${esc(e.message)}</p>`;
  }
}

async function start() {
  kamState = await kamReady;
  const { kam } = kamState;
  const select = $('model');
  for (const name of kam.presetNames()) {
    const doc = kam.presetModel(name);
    // The preset's title in the pane's language; its name (what formulas write) as the tooltip.
    const option = new Option(zh ? L(doc.title) || name : `${L(doc.title) || name} (${name})`, name);
    option.title = name;
    select.add(option);
  }
  select.add(new Option(T.custom, '__custom__'));
  select.value = localStorage.getItem(MODEL_KEY) ?? 'key_account';
  if (!select.value) select.value = 'key_account';
  $('custom').value = localStorage.getItem(CUSTOM_KEY) ?? '';
  $('custom-box').hidden = select.value !== '__custom__';
  select.addEventListener('change', () => {
    localStorage.setItem(MODEL_KEY, select.value);
    $('custom-box').hidden = select.value !== '__custom__';
    showSelection();
  });
  $('custom').addEventListener('change', showSelection);
  $('header-row').addEventListener('change', showSelection);
  $('refresh').addEventListener('click', showSelection);
  $('status').textContent = T.ready;
  if (typeof Excel !== 'undefined') {
    await Excel.run(async (context) => {
      context.workbook.worksheets.onSelectionChanged.add(showSelection);
      await context.sync();
    }).catch(() => { /* older Excel: the button still works */ });
  }
  document.body.dataset.ready = 'true';
}

if (!zh) {
  document.documentElement.lang = 'en';
  const en = { title: 'Account value scoring', privacy: 'Everything runs in WebAssembly on this computer; nothing is uploaded.', model: 'Scoring model', customLabel: 'Model document (JSON)', headerRow: 'Header row', refresh: 'Show the selected row', loading: 'Loading…', formulas: 'Formulas' };
  for (const el of /** @type {NodeListOf<HTMLElement>} */ (document.querySelectorAll('[data-t]'))) if (en[el.dataset.t]) el.textContent = en[el.dataset.t];
  $('header-row').placeholder = 'auto';
}

(typeof Office !== 'undefined' ? Office.onReady() : Promise.resolve()).then(start).catch((e) => {
  $('status').textContent = e.message;
});
