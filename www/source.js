// @ts-check
// The list's source and its columns: the source bar (the file, its encoding, its sheets and
// header row, its warnings), the decimal mark when the file is ambiguous, and the mapping of
// columns to fields (worker op `setMapping`). Values from the data go in through textContent
// only.

/**
 * The panels, drawn with the page's helpers: `{$, el, t, pick, call, guarded, state, changed,
 * reopen, chooseDecimal}` (`reopen` reads the file again with other options).
 */
export function sourcePanels({ $, el, t, pick, call, guarded, state, changed, reopen, chooseDecimal }) {
  // ---- source bar ---------------------------------------------------------------------------

  function renderSource() {
    const m = state.meta;
    const box = $('source');
    if (!m) { box.hidden = true; return; }
    box.hidden = false;
    const src = m.source;
    const parts = [el('b', { text: m.name ?? t('paste') }), el('span', { class: 'muted', text: `${m.rowCount.toLocaleString()} ${t('rows')}` })];
    if (src.kind === 'csv') parts.push(el('span', { class: 'chip', text: `${t('encoding')}: ${src.encoding}` }));
    // Every sheet of a workbook, hidden ones marked; the one read is selected (by default the
    // first visible worksheet, as the crate chooses), and any worksheet can be read instead.
    const sheets = m.sheets ?? [];
    if (sheets.length > 1 || sheets.some((s) => s.hidden)) {
      const sel = el('select', { id: 'sheet-choice', 'aria-label': t('sheet'), onchange: (e) => reopen({ sheet: e.target.value }) },
        sheets.map((s) => el('option', {
          value: s.name, disabled: !s.worksheet, 'data-hidden': s.hidden ? 'true' : null, 'data-default': s.default ? 'true' : null,
          text: `${s.name}${s.hidden ? t('hiddenMark') : ''}${s.worksheet ? '' : t('chartMark')}`,
        })));
      sel.value = src.sheet ?? sheets.find((s) => s.default)?.name ?? sheets[0].name;
      parts.push(el('label', {}, `${t('sheet')} `, sel));
    } else if (src.kind === 'xlsx') parts.push(el('span', { class: 'chip', text: `${t('sheet')}: ${src.sheet}` }));
    const hr = el('input', { id: 'header-row', type: 'number', min: '1', max: '50', value: String(m.headerRow), onchange: (e) => reopen({ headerRow: Number(e.target.value) }) });
    parts.push(el('label', {}, `${t('headerRow')} `, hr));
    if (m.titleRows.length) parts.push(el('span', { class: 'chip', id: 'title-rows' }, `${t('titleRows')}: `, m.titleRows.join(' / ')));
    // The file's warnings in the page's language; the decimal mark has its own box.
    for (const w of m.warnings) if (w.code !== 'ambiguous_decimal') parts.push(el('span', { class: 'chip warn', 'data-code': w.code, text: pick(w) }));
    box.replaceChildren(...parts);
  }

  // ---- the decimal mark ----------------------------------------------------------------------

  /**
   * A file whose numbers read one way with a decimal point and another with a decimal comma
   * (`1.200` in a semicolon-separated file): said above the grid, naming the first such cell,
   * with the choice of mark; the file is read again with the one chosen.
   */
  function renderDecimal() {
    const m = state.meta;
    const box = $('decimal');
    const warning = m?.warnings.find((w) => w.code === 'ambiguous_decimal');
    if (!m || (!warning && !m.decimal)) { box.hidden = true; box.replaceChildren(); return; }
    const sel = el('select', { id: 'decimal-choice', 'aria-label': t('decimalMark') },
      el('option', { value: 'point', text: t('decimalPoint') }), el('option', { value: 'comma', text: t('decimalComma') }));
    sel.value = m.decimal ?? 'point';
    sel.addEventListener('change', () => chooseDecimal(sel.value));
    const text = warning ? pick(warning) : t(m.decimal === 'comma' ? 'decimalReadComma' : 'decimalReadPoint');
    box.dataset.code = warning ? warning.code : `decimal_${m.decimal}`;
    box.replaceChildren(
      el('p', { id: 'decimal-text', text }),
      el('div', { class: 'row-wrap' },
        el('label', {}, `${t('decimalMark')} `, sel),
        warning ? el('button', { id: 'decimal-comma', class: 'primary', text: t('readWithComma'), onclick: () => chooseDecimal('comma') }) : null));
    box.hidden = false;
  }

  // ---- mapping panel ------------------------------------------------------------------------

  /** Up to this many columns are listed in the mapping panel; a wider list is searched by header. */
  const MAP_MAX = 200;

  function renderMapping() {
    const m = state.meta;
    const box = $('mapping');
    if (!m) { box.replaceChildren(); return; }
    if (m.mapping.length <= MAP_MAX) { box.replaceChildren(mappingTable(m.mapping)); return; }
    const find = el('input', { id: 'mapping-find', type: 'search', placeholder: t('mapFind'), 'aria-label': t('mapFind'), value: state.mapFilter });
    const list = el('div');
    const note = el('p', { class: 'muted small', id: 'mapping-more' });
    const draw = () => {
      const needle = state.mapFilter.trim().toLowerCase();
      // The columns that are read first, then the others in their order, as far as MAP_MAX.
      const matches = needle ? m.mapping.filter((c) => (c.header || `#${c.column + 1}`).toLowerCase().includes(needle)) : m.mapping;
      const shown = matches.filter((c) => c.field).concat(matches.filter((c) => !c.field)).slice(0, MAP_MAX).sort((a, b) => a.column - b.column);
      list.replaceChildren(mappingTable(shown));
      note.textContent = t('mapMore').replace('{n}', (m.mapping.length - shown.length).toLocaleString());
    };
    let timer = null;
    find.addEventListener('input', () => { clearTimeout(timer); timer = setTimeout(() => { state.mapFilter = find.value; draw(); }, 150); });
    draw();
    box.replaceChildren(find, note, list);
  }

  function mappingTable(columns) {
    const options = [el('option', { value: '', text: t('unmapped') }),
      ...state.fields.map(({ code, zh, en }) => el('option', { value: code, text: state.lang === 'zh-CN' ? zh : `${en} · ${code}`, title: code }))];
    const rows = columns.map((c) => {
      const sel = el('select', { 'data-column': String(c.column), 'aria-label': c.header }, options.map((o) => o.cloneNode(true)));
      sel.value = c.field ?? '';
      sel.addEventListener('change', () => guarded(async () => {
        const r = await call('setMapping', { column: c.column, field: sel.value || null });
        state.meta = r.meta;
        changed(r);
        renderMapping();
      }));
      const suggested = !c.field && c.suggestion ? state.fields.find((f) => f.code === c.suggestion) : null;
      const note = c.field ? (c.overridden ? t('changed') : t('auto')) : suggested ? `${t('suggest')}${pick(suggested)}` : '';
      const unit = c.scale !== 1 ? ` ×${c.scale.toLocaleString()}` : (c.percent ? ' %' : '');
      return el('tr', { class: c.field ? '' : 'unmapped' }, el('td', { text: c.header || `#${c.column + 1}`, title: c.header }), el('td', {}, sel), el('td', { class: 'muted small', text: note + unit }));
    });
    return el('table', { class: 'mapping' }, el('thead', {}, el('tr', {}, el('th', { text: t('column') }), el('th', { text: t('field') }), el('th'))), el('tbody', {}, rows));
  }

  return { renderSource, renderDecimal, renderMapping };
}
