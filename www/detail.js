// @ts-check
// The row panel: one account's score card (its factors, the next tier and how to reach it),
// its unreadable cells and read notes, its future from the transaction log, and the
// relationship strategy with its basis (worker op `detail`). Values from the data go in
// through textContent only.

/**
 * The panel, drawn with the page's helpers: `{$, el, t, pick, pipeText, call, guarded, state,
 * cellDisplay, errorText, money, renderRows}`.
 */
export function rowPanel({ $, el, t, pick, pipeText, call, guarded, state, cellDisplay, errorText, money, renderRows }) {
  /** Shows row `i` (0-based) in the panel, marked in the grid. */
  async function showDetail(i) {
    state.selected = i;
    for (const tr of document.querySelectorAll('#grid tr.selected')) tr.classList.remove('selected');
    document.querySelector(`#grid tr[data-row="${i}"]`)?.classList.add('selected');
    const d = await guarded(() => call('detail', { i }));
    if (!d || state.selected !== i) return;
    const { row, card, suggestion, pipeline } = d;
    const nameCol = state.meta.mapping.find((c) => c.field === 'name');
    const name = nameCol ? cellDisplay(row.cells[nameCol.column]) : t('rowOf').replace('{n}', row.line);
    const parts = [
      el('button', { class: 'close', 'aria-label': 'close', text: '✕', onclick: () => { state.selected = -1; $('detail').hidden = true; renderRows(); } }),
      el('h2', { text: name }),
      el('p', { class: 'muted', text: t('rowOf').replace('{n}', row.line) }),
      el('p', { class: 'headline' }, card.score === null ? pick(card.reason) : el('span', {}, el('b', { class: 'big', text: card.score.toFixed(1) }), ' ', card.tier ? el('span', { class: `tier ${card.tier.code}`, text: pick(card.tier) }) : ''),
        el('span', { class: 'muted', text: ` · ${t('coverage')} ${Math.round(card.coverage * 100)}%` })),
      el('h3', { text: t('breakdown') }),
    ];
    for (const f of card.factors) {
      const right = f.missing ? t('missing') : card.score === null ? f.subScore.toFixed(0) : `${f.subScore.toFixed(0)} × ${(f.share * 100).toFixed(0)}% = ${f.points.toFixed(1)}`;
      const bar = el('div', { class: 'bar' });
      bar.style.width = `${f.missing ? 0 : f.subScore}%`;
      parts.push(el('div', { class: 'factor' }, el('div', { class: 'label' }, el('span', { text: pick(f.title) }), el('span', { class: 'muted', text: right })), el('div', { class: 'track' }, bar)));
    }
    if (card.nextTier) {
      parts.push(el('h3', { text: `${t('nextTier')} ${pick(card.nextTier.tier)} (> ${card.nextTier.threshold})` }));
      if (!card.nextTier.moves.length) parts.push(el('p', { class: 'muted', text: t('noMove') }));
      parts.push(el('ul', { class: 'moves' }, card.nextTier.moves.slice(0, 4).map((m) => el('li', { text: pick(m.text) }))));
    }
    const errs = [...row.errors.map(errorText), ...(row.cellProblem ? [row.cellProblem] : []), ...(row.pipeProblem ? [row.pipeProblem] : [])];
    if (errs.length) {
      parts.push(el('h3', { text: t('badCells') }));
      for (const e of errs) parts.push(el('p', { class: 'bad', text: e }));
    }
    // Values read as approximate or as a range's midpoint (MODEL §1.1): said, never silent.
    const notes = card.notes ?? [];
    if (notes.length) {
      parts.push(el('h3', { text: t('readNotes') }));
      for (const n of notes) {
        const marks = n.marks.filter((m) => m === 'approximate' || m === 'range').map((m) => t(`mark_${m}`));
        if (n.foreign_currency) marks.push(t('mark_foreign'));
        parts.push(el('p', { class: 'note', text: `${n.column}: "${n.text}" — ${marks.join(state.lang === 'zh-CN' ? '、' : ', ')}` }));
      }
    }
    if (row.future) {
      const f = row.future;
      parts.push(el('h3', { text: t('futureH') }));
      const items = [`${t('matchedBy')}: ${t(`j${f.status}`)}${f.customer ? ` (${f.customer})` : ''}`];
      if (f.pAlive !== null) items.push(`${t('cPAlive')}: ${(f.pAlive * 100).toFixed(1)}%`);
      if (f.expected !== null) items.push(`${t('cExpected')}: ${f.expected.toFixed(2)}`);
      if (f.clv !== null) items.push(`${t('cClv')}: ${money(f.clv)}`);
      if (f.futureScore !== null) items.push(`${t('futureScore')}: ${f.futureScore.toFixed(0)}`);
      if (f.quadrant) items.push(`${t('quadrant')}: ${pick(f.quadrant)}`);
      parts.push(el('ul', { class: 'future' }, items.map((x) => el('li', { text: x }))));
    }
    parts.push(el('h3', { text: `${t('strategy')}${suggestion.cell ? ` · ${suggestion.cell}` : ''}${suggestion.targets.length ? ` → ${suggestion.targets.join(' / ')}` : ''}` }));
    const basis = [];
    if (suggestion.attractiveness) {
      const a = suggestion.attractiveness;
      basis.push(`${t('attractiveness')} ${a.letter}${a.estimated ? ` (${t('estimated')})` : ''}${a.basis.length ? `：${a.basis.map((b) => pick(b.label)).join('；')}` : ''}`);
    }
    if (suggestion.status) {
      const st = suggestion.status;
      basis.push(`${t('status')} ${st.value} ${pick(st)}${st.estimated ? ` (${t('estimated')})` : ''}${st.evidence.length ? `：${st.evidence.map(pick).join('；')}` : ''}`);
    }
    if (suggestion.lifecycle) basis.push(`${t('lifecycle')}：${pick(suggestion.lifecycle)} · ${pick(suggestion.lifecycle.work)}`);
    if (basis.length) parts.push(el('ul', { class: 'basis' }, basis.map((x) => el('li', { class: 'muted', text: x }))));
    if (suggestion.warnings.length) parts.push(el('ul', { class: 'warnings' }, suggestion.warnings.map((w) => el('li', { text: pick(w) }))));
    parts.push(el('ol', { class: 'actions' }, suggestion.actions.map((a) => el('li', {}, el('span', { text: pick(a) }),
      a.details?.length ? el('ul', {}, a.details.map((x) => el('li', { class: 'muted', text: pick(x) }))) : null))));
    if (suggestion.cadence) {
      const c = suggestion.cadence;
      parts.push(el('h3', { text: t('cadence') }), el('p', { text: `${pick(c.frequency)} · ${pick(c.channel)} · ${pick(c.owner)}${c.ownerName ? ` (${c.ownerName})` : ''}` }));
    }
    if (pipeline) {
      parts.push(el('h3', { text: t('pipeline') }), el('p', { text: `${pipeText(pipeline)} · ${Math.round(pipeline.probability * 100)}%` }),
        el('p', { class: 'muted', text: pick(pipeline.nextStep) }));
    }
    const aside = $('detail');
    aside.replaceChildren(...parts);
    aside.hidden = false;
  }

  return { showDetail };
}
