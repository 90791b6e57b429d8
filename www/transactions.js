// @ts-check
// The transaction log tab (MODEL §6): the log's columns picked, BG/NBD and Gamma-Gamma fitted
// by the worker (ops `openLog`, `fitLog`), the parameters, the calibration/holdout check and
// the customers most valuable first. Values from the data go in through textContent only.
import { drawHoldout } from './charts.js';

/**
 * The tab, drawn with the page's helpers: `{$, el, t, call, guarded, state, showProgress,
 * changed, money}` (`changed` takes a fit's account summary back into the list).
 */
export function transactionPanel({ $, el, t, call, guarded, state, showProgress, changed, money }) {
  async function openLog(buffer, name) {
    await guarded(async () => {
      showProgress({ stage: 'reading' });
      const r = await call('openLog', { bytes: buffer, name }, [buffer]);
      state.log = r;
      state.fit = null;
      $('tx-end').value = r.end ?? '';
      renderLog();
      if (r.columns.date !== null && r.columns.amount !== null && (r.columns.id !== null || r.columns.name !== null) && r.end) await fitLog();
    });
  }

  /** Fits so far: the page's body counts them (data-fitted) for tests to wait on. */
  let fitCount = 0;

  async function fitLog() {
    await guarded(async () => {
      const l = state.log;
      showProgress({ stage: 'fitting' });
      const r = await call('fitLog', {
        columns: l.columns, unit: $('tx-unit').value, end: $('tx-end').value,
        months: Number($('tx-months').value), discountRate: Number($('tx-discount').value),
      });
      state.fit = r;
      renderLog();
      if (r.summary) changed(r);
      document.body.dataset.fitted = String(++fitCount);
    });
  }

  /** The holdout chart and its verdict in one sentence (the crate's verdict on the totals). */
  function renderHoldout(h) {
    $('tx-holdout-figure').hidden = !h;
    if (!h) return;
    if (h.error) {
      $('tx-holdout').textContent = t('hoFailed') + h.error;
      return;
    }
    // The verdict is the crate's (holdoutVerdict): its code names the sentence's ending.
    const gap = h.verdict.gap ?? Infinity;
    const verdict = { fits: 'hoFits', roughly: 'hoRoughly', poor: 'hoPoor' }[h.verdict.code];
    const unit = $('tx-unit').value;
    const n = (v) => Math.round(v).toLocaleString();
    $('tx-holdout').textContent = t('hoSentence')
      .replace('{cal}', h.calibrationEnd)
      .replace('{len}', (Math.round(h.durationHoldout * 10) / 10).toLocaleString())
      .replace('{unit}', t(`hoUnit_${unit}`))
      .replace('{pred}', n(h.predictedTotal))
      .replace('{act}', n(h.actualTotal))
      .replace('{gap}', `${Math.round(gap * 100)}%`)
      .replace('{verdict}', t(verdict));
    requestAnimationFrame(() => drawHoldout(h, t));
  }

  function renderLog() {
    const l = state.log;
    $('tx-setup').hidden = !l;
    $('tx-source').textContent = l ? `${l.name ?? ''} · ${l.rowCount.toLocaleString()} ${t('rows')}` : '';
    if (l) {
      const select = (role, label) => {
        const sel = el('select', { id: `tx-col-${role}`, 'aria-label': t(label) },
          el('option', { value: '', text: t('txNone') }), l.headers.map((h, j) => el('option', { value: String(j), text: h || `#${j + 1}` })));
        sel.value = l.columns[role] === null ? '' : String(l.columns[role]);
        sel.addEventListener('change', () => { l.columns[role] = sel.value === '' ? null : Number(sel.value); });
        return el('label', {}, `${t(label)} `, sel);
      };
      $('tx-columns').replaceChildren(select('id', 'txId'), select('name', 'txName'), select('date', 'txDate'), select('amount', 'txAmount'));
    }
    const f = state.fit;
    $('tx-results').hidden = !f;
    if (!f) return;
    const fmt = (v) => (v === undefined || v === null ? '' : Number(v).toPrecision(4));
    const head = el('tr', {}, [t('txParam'), t('txEstimate'), t('txSe')].map((x) => el('th', { text: x })));
    const rows = [['r', 'r'], ['α', 'alpha'], ['a', 'a'], ['b', 'b']].map(([label, k]) => el('tr', { 'data-param': k }, el('th', { text: `BG/NBD ${label}` }), el('td', { text: fmt(f.bg[k]), 'data-value': String(f.bg[k]) }), el('td', { text: fmt(f.bg.stdErrors[k]) })));
    rows.push(el('tr', {}, el('th', { text: `BG/NBD ${t('txLogLik')}` }), el('td', { text: f.bg.logLikelihood.toFixed(1) }), el('td')));
    if (f.gg) {
      for (const [label, k] of [['p', 'p'], ['q', 'q'], ['γ', 'gamma']]) rows.push(el('tr', { 'data-param': k }, el('th', { text: `Gamma-Gamma ${label}` }), el('td', { text: fmt(f.gg[k]), 'data-value': String(f.gg[k]) }), el('td', { text: fmt(f.gg.stdErrors[k]) })));
    }
    $('tx-params').replaceChildren(el('thead', {}, head), el('tbody', {}, rows));
    const notes = [t('txCustomers').replace('{n}', f.customers.toLocaleString())];
    if (f.errorCount) notes.push(t('txRowErrors').replace('{n}', f.errorCount));
    if (f.afterEnd) notes.push(t('txAfterEnd').replace('{n}', f.afterEnd));
    if (f.ggError) notes.push(t('ggFailed') + f.ggError);
    if (f.gg?.warning) notes.push(f.gg.warning);
    $('tx-notes').textContent = notes.join(' · ');
    $('tx-join').textContent = f.join
      ? t('txJoin').replace('{id}', f.join.byId).replace('{name}', f.join.byName).replace('{rows}', f.join.rows).replace('{unmatched}', f.join.unmatched)
      : t('txNoList');
    renderHoldout(f.holdout);
    // The customers, most valuable first (at most 1,000 rows drawn).
    const tb = f.table;
    const order = Array.from(tb.ids.keys()).sort((x, y) => (Number.isNaN(tb.clv[y]) ? -1 : tb.clv[y]) - (Number.isNaN(tb.clv[x]) ? -1 : tb.clv[x]) || tb.expected[y] - tb.expected[x]).slice(0, 1000);
    const cols = ['cId', 'cName', 'cFreq', 'cRecency', 'cAge', 'cMonetary', 'cPAlive', 'cExpected', 'cClv'];
    const body = order.map((i) => el('tr', { class: tb.pAlive[i] < state.rules.likelyAliveFrom ? 'low' : '', 'data-id': tb.ids[i] },
      el('td', { text: tb.ids[i] }), el('td', { text: tb.names?.[i] ?? '' }),
      el('td', { text: String(tb.frequency[i]) }), el('td', { text: tb.recency[i].toFixed(1) }), el('td', { text: tb.T[i].toFixed(1) }),
      el('td', { text: money(tb.monetary[i]) }), el('td', { class: 'palive', text: `${(tb.pAlive[i] * 100).toFixed(1)}%` }),
      el('td', { class: 'expected', text: tb.expected[i].toFixed(2) }), el('td', { class: 'clv', text: Number.isNaN(tb.clv[i]) ? t('none') : money(tb.clv[i]) })));
    $('tx-table').replaceChildren(el('thead', {}, el('tr', {}, cols.map((k) => el('th', { text: k === 'cName' ? t('txName').replace(/列$|column$/i, '').trim() : t(k) })))), el('tbody', {}, body));
  }

  return { openLog, fitLog, renderLog };
}
