// @ts-check
// The history tabs of the page: the list open now compared with an earlier snapshot (the
// crate's compareSnapshots, worker op `compare`), and the win probability learned from the
// list's won and lost deals (worker op `pipeline`). Values from the data go in through
// textContent only.

const STATUSES = ['up', 'down', 'same', 'new', 'gone'];
const ARROWS = { up: '↑', down: '↓', same: '=', new: 'new', gone: 'gone' };
const MAX_DRAWN = 1000;

/** The two panels, drawn with the page's helpers: `{$, el, t, pick, call, guarded, state, showProgress}`. */
export function historyPanels({ $, el, t, pick, call, guarded, state, showProgress }) {
  const pct = (v) => (v === null || v === undefined ? t('none') : `${(v * 100).toFixed(1)}%`);
  const fixed = (v, d = 3) => (v === null || v === undefined ? t('none') : v.toFixed(d));
  const money = (v) => v.toLocaleString(state.lang, { maximumFractionDigits: 0 });
  const fieldLabel = (key) => {
    if (key === 'pipeline_grade') return t('pipeline');
    const f = state.fields?.find((x) => x.code === key);
    return f ? pick(f) : key;
  };

  // ---- comparison ---------------------------------------------------------------------------

  async function openCompare(buffer, name) {
    await guarded(async () => {
      showProgress({ stage: 'comparing' });
      state.compare = await call('compare', { bytes: buffer, name }, [buffer]);
      state.compareStatus = '';
      state.compareSelected = null;
      renderCompare();
      document.body.dataset.compared = String((Number(document.body.dataset.compared) || 0) + 1);
    });
  }

  function renderCompare() {
    const c = state.compare;
    $('cmp-open').toggleAttribute('disabled', !state.meta);
    $('cmp-results').hidden = !c;
    $('cmp-source').textContent = c ? `${c.name ?? ''} → ${state.meta?.name ?? t('paste')}` : '';
    if (!c) return;
    const counts = STATUSES.map((s) => el('button', {
      class: `chip status-${s}${state.compareStatus === s ? ' active' : ''}`, 'data-status': s, 'data-count': String(c.summary[s]),
      onclick: () => { state.compareStatus = state.compareStatus === s ? '' : s; renderCompare(); },
    }, `${ARROWS[s]} ${t(`st_${s}`)} `, el('b', { text: String(c.summary[s]) })));
    if (c.summary.unmatched) counts.push(el('span', { class: 'chip warn', 'data-status': 'unmatched', text: `${t('cmpUnmatched')} ${c.summary.unmatched}` }));
    $('cmp-summary').replaceChildren(...counts);
    const sel = $('cmp-status');
    sel.replaceChildren(el('option', { value: '', text: t('allStatuses') }), ...STATUSES.map((s) => el('option', { value: s, text: `${ARROWS[s]} ${t(`st_${s}`)}` })));
    sel.value = state.compareStatus;
    const shown = c.accounts.filter((a) => !state.compareStatus || a.status === state.compareStatus);
    $('cmp-shown').textContent = `${t('shown')} ${shown.length.toLocaleString()}`;
    const tierText = (s) => (s?.tier ? pick(s.tier) : t('none'));
    const scoreText = (s) => (s && s.score !== null ? s.score.toFixed(1) : t('none'));
    const head = el('tr', {}, ['cmpArrow', 'cmpKey', 'cmpBefore', 'cmpAfter', 'cmpChange', 'cmpTopReason'].map((k) => el('th', { text: t(k) })));
    const body = shown.slice(0, MAX_DRAWN).map((a) => el('tr', {
      'data-status': a.status, 'data-key': a.key, class: state.compareSelected === a ? 'selected' : '',
      onclick: () => { state.compareSelected = a; renderCompare(); },
    },
    el('td', { class: `arrow status-${a.status}`, text: ARROWS[a.status] }),
    el('td', { text: a.name && a.id ? `${a.id} ${a.name}` : a.key }),
    el('td', { text: `${scoreText(a.before)} · ${tierText(a.before)}` }),
    el('td', { text: `${scoreText(a.after)} · ${tierText(a.after)}` }),
    el('td', { text: a.change === null ? t('none') : `${a.change > 0 ? '+' : ''}${a.change.toFixed(1)}` }),
    el('td', { text: a.reasons[0] ? reasonText(a.reasons[0]) : '' })));
    $('cmp-table').replaceChildren(el('thead', {}, head), el('tbody', {}, body));
    renderCompareDetail();
  }

  const reasonText = (r) => `${pick(r.title)} ${r.pointsBefore.toFixed(1)} → ${r.pointsAfter.toFixed(1)} (${r.pointsAfter >= r.pointsBefore ? '+' : ''}${(r.pointsAfter - r.pointsBefore).toFixed(1)})`;

  /** The selected account's reasons: each factor whose points moved, by how much. */
  function renderCompareDetail() {
    const a = state.compareSelected;
    const box = $('cmp-detail');
    box.hidden = !a;
    if (!a) return;
    const parts = [el('h3', { text: `${ARROWS[a.status]} ${a.key}` }),
      el('p', { text: `${t(`st_${a.status}`)}${a.matchedBy ? ` · ${t('cmpMatchedBy')} ${a.matchedBy === 'id' ? t('cmpById') : t('cmpByName')}` : ''}` })];
    if (a.reasons.length) parts.push(el('h4', { text: t('cmpReasons') }), el('ul', { id: 'cmp-reasons' }, a.reasons.map((r) => el('li', { 'data-factor': r.factor, text: reasonText(r) }))));
    else parts.push(el('p', { class: 'muted', text: t('cmpNoReasons') }));
    box.replaceChildren(...parts);
  }

  // ---- the learned win probability ------------------------------------------------------------

  async function runPipeline() {
    await guarded(async () => {
      showProgress({ stage: 'fitting' });
      state.pipeline = await call('pipeline');
      renderPipeline();
      document.body.dataset.pipelined = String((Number(document.body.dataset.pipelined) || 0) + 1);
    });
  }

  function renderPipeline() {
    const p = state.pipeline;
    $('pl-fit').toggleAttribute('disabled', !state.meta);
    $('pl-results').hidden = !p || Boolean(p.error);
    $('pl-error').hidden = !p?.error;
    if (!p) return;
    if (p.error) { $('pl-error').textContent = `${t('plCannot')} ${pick(p.error)}`; return; }
    const h = p.holdout;
    const rows = [
      ['plDeals', `${p.model.prior.won + p.model.prior.lost} (${t('plWon')} ${p.model.prior.won} · ${t('plLost')} ${p.model.prior.lost})`],
      ['plFittedAuc', fixed(p.fitted.auc)],
    ];
    if (h) {
      rows.push(['plHoldoutAuc', fixed(h.learned.auc)], ['plGradesAuc', fixed(h.grades.auc)], ['plLiftAuc', fixed(h.lift.auc)],
        ['plBrier', `${fixed(h.learned.brier)} / ${fixed(h.grades.brier)}`], ['plSplit', t('plSplitText').replace('{train}', h.train).replace('{test}', h.test).replace('{field}', fieldLabel(h.dateField))]);
    } else rows.push(['plHoldoutAuc', `${t('none')} ${p.holdoutError ? pick(p.holdoutError) : ''}`]);
    const w = p.weighted;
    rows.push(['plWeightedGrades', money(w.gradeWeighted)], ['plWeightedLearned', money(w.learnedWeighted)],
      ['plOpen', t('plOpenText').replace('{n}', w.counted).replace('{value}', money(w.totalValue)).replace('{closed}', w.closed).replace('{without}', w.withoutValue)]);
    $('pl-eval').replaceChildren(el('tbody', {}, rows.map(([k, v]) => el('tr', { 'data-k': k }, el('th', { text: t(k) }), el('td', { text: v })))));
    // Calibration by decile on the holdout (else on the deals fitted).
    const cal = (h ? h.learned : p.fitted).calibration;
    $('pl-cal-caption').textContent = h ? t('plCalHoldout') : t('plCalFitted');
    $('pl-cal').replaceChildren(el('thead', {}, el('tr', {}, ['plDecile', 'plPredicted', 'plObserved', 'count'].map((k) => el('th', { text: t(k) })))),
      el('tbody', {}, cal.map((b, k) => el('tr', {}, el('td', { text: String(k + 1) }), el('td', { text: pct(b.predicted) }), el('td', { text: pct(b.observed) }), el('td', { text: String(b.count) })))));
    // The deals, most likely first.
    const order = p.deals.slice().sort((a, b) => b.probability - a.probability).slice(0, MAX_DRAWN);
    const head = el('tr', {}, ['plRow', 'plAccount', 'cPipe', 'plGradeP', 'plLearnedP', 'plFactors'].map((k) => el('th', { text: t(k) })));
    const body = order.map((d) => el('tr', { 'data-row': String(d.i) },
      el('td', { text: String(d.line) }),
      el('td', { text: d.account }),
      el('td', { text: d.grade ? d.grade.code : t('none') }),
      el('td', { text: d.grade ? pct(d.grade.probability) : t('none') }),
      el('td', { class: 'learned', text: pct(d.probability) }),
      el('td', { text: d.factors.map((f) => `${fieldLabel(f.field)}=${f.value} ${f.effect >= 0 ? '+' : ''}${f.effect.toFixed(2)}`).join('；') })));
    $('pl-table').replaceChildren(el('thead', {}, head), el('tbody', {}, body));
  }

  return { openCompare, renderCompare, runPipeline, renderPipeline };
}
