// The demo page: loads the web build of kam-score, scores the sample list and explains a row.
// Every value from the data is written with textContent, never as HTML.
import init, { scoreAccounts, presetNames, presetModel } from './pkg/kam_score.js';

const UI = {
  'zh-CN': {
    title: '客户价值评分', tagline: '在浏览器里给客户清单打分、分级、给出关系策略。数据不离开本机。',
    loadSample: '载入示例客户清单', model: '评分模型', privacy: '所有计算都在本页的 WebAssembly 中完成,不上传任何数据。',
    name: '客户名称', score: '得分', tier: '分级', coverage: '数据覆盖', accounts: '客户数', noScore: '无法评分',
    badCells: '无法识别的单元格', breakdown: '得分构成', nextTier: '如何升级', noMove: '单靠一项指标无法升到下一级', missing: '缺失',
    other: 'English',
  },
  en: {
    title: 'Account value scoring', tagline: 'Score, grade and plan your key accounts in the browser. Your data never leaves this machine.',
    loadSample: 'Load the sample account list', model: 'Model', privacy: 'Everything is computed by WebAssembly in this page; nothing is uploaded.',
    name: 'Account', score: 'Score', tier: 'Tier', coverage: 'Coverage', accounts: 'Accounts', noScore: 'No score',
    badCells: 'Unreadable cells', breakdown: 'Breakdown', nextTier: 'To reach the next tier', noMove: 'No single input can reach the next tier',
    missing: 'missing', other: '中文',
  },
};

const state = { lang: navigator.language?.startsWith('zh') ? 'zh-CN' : 'en', rows: [], cards: [], selected: -1 };
const $ = (id) => document.getElementById(id);
const t = (key) => UI[state.lang][key];
const text = (label) => (state.lang === 'zh-CN' ? label.zh : label.en);

function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (k === 'class') node.className = v; else node.setAttribute(k, v);
  }
  for (const c of children) node.append(c instanceof Node ? c : document.createTextNode(String(c)));
  return node;
}

function applyLanguage() {
  document.documentElement.lang = state.lang;
  for (const node of document.querySelectorAll('[data-t]')) node.textContent = t(node.dataset.t);
  $('lang').textContent = t('other');
  const select = $('preset');
  const current = select.value;
  select.replaceChildren(...presetNames().map((name) => el('option', { value: name }, text(presetModel(name).title))));
  if (current) select.value = current;
  render();
}

function rescore() {
  state.cards = scoreAccounts(state.rows, $('preset').value || undefined);
  render();
}

function render() {
  const head = $('grid').tHead;
  const body = $('grid').tBodies[0];
  if (!state.rows.length) return;
  head.replaceChildren(el('tr', {}, el('th', {}, '#'), el('th', {}, t('name')), el('th', {}, t('score')), el('th', {}, t('tier')), el('th', {}, t('coverage'))));
  body.replaceChildren(...state.cards.map((card, i) => {
    const tr = el('tr', { 'data-row': i },
      el('td', { class: 'num' }, i + 1),
      el('td', {}, state.rows[i]['客户名称'] ?? state.rows[i].name ?? ''),
      el('td', { class: 'num' }, card.score === null ? t('noScore') : card.score.toFixed(1)),
      el('td', {}, card.tier ? el('span', { class: `tier ${card.tier.code}` }, text(card.tier)) : '—'),
      el('td', { class: 'num' }, `${Math.round(card.coverage * 100)}%`));
    if (card.errors.length) tr.classList.add('bad');
    if (i === state.selected) tr.classList.add('selected');
    tr.addEventListener('click', () => { state.selected = i; render(); });
    return tr;
  }));
  const counts = {};
  for (const c of state.cards) counts[c.tier?.code ?? 'none'] = (counts[c.tier?.code ?? 'none'] ?? 0) + 1;
  const stats = [[t('accounts'), state.cards.length]];
  for (const code of ['vip', 'important', 'ordinary', 'small']) {
    const card = state.cards.find((c) => c.tier?.code === code);
    if (card) stats.push([text(card.tier), counts[code]]);
  }
  stats.push([t('badCells'), state.cards.reduce((n, c) => n + c.errors.length, 0)]);
  $('summary').replaceChildren(...stats.map(([k, v]) => el('div', { class: 'stat' }, k, el('b', {}, v))));
  renderDetail();
}

function renderDetail() {
  const aside = $('detail');
  const card = state.cards[state.selected];
  if (!card) { aside.hidden = true; return; }
  aside.hidden = false;
  const row = state.rows[state.selected];
  const parts = [el('h2', {}, row['客户名称'] ?? row.name ?? ''),
    el('p', {}, card.score === null ? text(card.reason) : `${t('score')} ${card.score.toFixed(1)} · ${text(card.tier)}`),
    el('h3', {}, t('breakdown'))];
  for (const f of card.factors) {
    const title = state.lang === 'zh-CN' ? f.title.zh : f.title.en;
    const right = f.missing ? t('missing') : `${f.subScore.toFixed(0)} × ${(f.share * 100).toFixed(0)}% = ${f.points.toFixed(1)}`;
    parts.push(el('div', { class: 'factor' }, el('div', { class: 'label' }, el('span', {}, title), el('span', { class: 'muted' }, right)),
      el('div', { class: 'bar', style: `width:${f.missing ? 0 : f.subScore}%` })));
  }
  if (card.nextTier) {
    parts.push(el('h3', {}, `${t('nextTier')}: ${text(card.nextTier.tier)}`));
    if (!card.nextTier.moves.length) parts.push(el('p', { class: 'muted' }, t('noMove')));
    for (const m of card.nextTier.moves.slice(0, 3)) parts.push(el('p', {}, text(m.text)));
  }
  if (card.errors.length) {
    parts.push(el('h3', {}, t('badCells')));
    for (const e of card.errors) parts.push(el('p', { class: 'bad' }, `${e.column}: "${e.text}" — ${e.reason}`));
  }
  aside.replaceChildren(...parts);
}

async function main() {
  await init();
  applyLanguage();
  $('lang').addEventListener('click', () => { state.lang = state.lang === 'zh-CN' ? 'en' : 'zh-CN'; applyLanguage(); });
  $('preset').addEventListener('change', rescore);
  $('load-sample').addEventListener('click', async () => {
    state.rows = await (await fetch('sample/accounts.json')).json();
    state.selected = 0;
    rescore();
  });
  document.body.dataset.ready = 'true';
}

main();
