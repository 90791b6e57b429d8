// @ts-check
// The model panel: the preset, the factors' weights, the tier thresholds and the minimum
// coverage, edited in place and sent to the worker (op `setModel`, which validates and
// rescores), and the model saved or loaded as a JSON file.

/**
 * The panel, drawn with the page's helpers: `{$, el, t, pick, call, guarded, state, changed,
 * download}` (`changed` takes the rescored list back).
 */
export function modelPanel({ $, el, t, pick, call, guarded, state, changed, download }) {
  let modelTimer = null;
  function modelChanged() {
    clearTimeout(modelTimer);
    modelTimer = setTimeout(sendModel, 120);
  }
  async function sendModel() {
    await guarded(async () => {
      const r = await call('setModel', { model: state.model });
      state.modelProblems = r.problems;
      state.modelRefused = null;
      renderModelProblems();
      if (!r.problems.length && state.meta) changed(r);
    });
  }

  function renderModel() {
    const box = $('model');
    const m = state.model;
    if (!m) return;
    const presetSel = el('select', { id: 'preset', 'aria-label': t('preset') },
      state.presets.map((p) => el('option', { value: p.name, text: pick(p.model.title) || p.name })));
    if (!state.preset) presetSel.append(el('option', { value: '', text: `${t('custom')}: ${pick(m.title) || m.name}` }));
    presetSel.value = state.preset ?? '';
    presetSel.addEventListener('change', () => {
      state.preset = presetSel.value;
      state.model = structuredClone(state.presets.find((p) => p.name === presetSel.value).model);
      renderModel();
      sendModel();
    });
    const weights = m.factors.map((f, k) => {
      const num = el('input', { type: 'number', min: '0', max: '1000', step: '1', value: String(f.weight), 'data-factor': f.key, 'aria-label': pick(f.title) || f.key });
      const range = el('input', { type: 'range', min: '0', max: '100', step: '1', value: String(Math.min(100, f.weight)), tabindex: '-1', 'aria-hidden': 'true' });
      const set = (v) => { m.factors[k].weight = v; modelChanged(); };
      num.addEventListener('input', () => { const v = Number(num.value); if (Number.isFinite(v)) { range.value = String(Math.min(100, v)); set(v); } });
      range.addEventListener('input', () => { num.value = range.value; set(Number(range.value)); });
      return el('div', { class: 'weight' }, el('span', { class: 'name', text: pick(f.title) || f.key, title: f.key }), range, num);
    });
    m.tiers ??= { ...state.rules.modelDefaults.tiers };
    const thresholds = ['vip', 'important', 'ordinary'].map((code, k) => {
      const input = el('input', { type: 'number', min: '0', max: '100', step: '1', value: String(m.tiers[code]), 'data-tier': code, 'aria-label': code });
      input.addEventListener('input', () => { const v = Number(input.value); if (Number.isFinite(v)) { m.tiers[code] = v; modelChanged(); } });
      return el('label', { class: 'threshold' }, pick(state.tierLabels[4 - k]), input);
    });
    const cov = el('input', { type: 'number', min: '0', max: '1', step: '0.05', value: String(m.minCoverage ?? state.rules.modelDefaults.minCoverage), id: 'min-coverage' });
    cov.addEventListener('input', () => { const v = Number(cov.value); if (Number.isFinite(v)) { m.minCoverage = v; modelChanged(); } });
    box.replaceChildren(
      el('label', { class: 'row' }, `${t('preset')} `, presetSel),
      el('h4', { text: t('weights') }), ...weights,
      el('h4', { text: t('thresholds') }), el('div', { class: 'thresholds' }, thresholds),
      el('label', { class: 'row' }, `${t('minCoverage')} `, cov),
      el('div', { class: 'row buttons' },
        el('button', { id: 'save-model', text: t('saveModel'), onclick: saveModel }),
        el('button', { id: 'load-model', text: t('loadModel'), onclick: () => $('model-file').click() })),
      el('div', { id: 'model-problems' }));
    renderModelProblems();
  }
  function renderModelProblems() {
    const box = $('model-problems');
    if (!box) return;
    const heading = state.modelRefused ? t('modelRefused').replace('{file}', state.modelRefused) : t('modelErrors');
    box.replaceChildren(...(state.modelProblems.length ? [el('p', { class: 'bad', text: heading }), ...state.modelProblems.map((p) => el('p', { class: 'bad small', 'data-code': p.code ?? '', title: p.path ?? '', text: typeof p === 'string' ? p : pick(p) }))] : []));
  }
  function saveModel() {
    download(new Blob([JSON.stringify(state.model, null, 2)], { type: 'application/json' }), `${state.model.name || 'model'}.json`);
  }
  async function loadModelFile(file) {
    if (!file) return;
    await guarded(async () => {
      // The worker validates the file's text: broken JSON, `null` and the like are refused
      // with their problems in the page's language, and the model the page had is kept.
      const r = await call('setModel', { text: await file.text() });
      state.modelProblems = r.problems;
      state.modelRefused = r.problems.length ? file.name : null;
      if (!r.problems.length) {
        const doc = r.model;
        state.model = doc;
        state.preset = state.presets.find((p) => p.name === doc.name && JSON.stringify(p.model) === JSON.stringify(doc))?.name ?? null;
        renderModel();
        if (state.meta) changed(r);
      } else renderModelProblems();
    });
  }

  return { renderModel, loadModelFile };
}
