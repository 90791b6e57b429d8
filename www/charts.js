// @ts-check
// The five charts, drawn by Apache ECharts (vendored into vendor/ by scripts/build.sh).
// Tooltips are drawn on the canvas (renderMode 'richText'), so no chart text becomes HTML.
// The library (about 360 KB gzipped) is imported when the first chart is drawn, not with the
// page: a page without a list yet does not download it.

/** @type {typeof import('./vendor/echarts.esm.min.js') | null} */
let echarts = null;
/** @type {Promise<unknown> | null} */
let loading = null;

/** Calls `draw` now when the library is loaded, else once it is (the latest call draws last). */
function withLibrary(draw) {
  if (echarts) {
    draw();
    return;
  }
  loading ??= import('./vendor/echarts.esm.min.js').then((m) => { echarts = m; });
  loading.then(draw);
}

const COLORS = { 4: '#8a5cf6', 3: '#1f6feb', 2: '#3fa66b', 1: '#98a2ad', 0: '#d0d7de' };
const charts = {};
let handlers = {};

function chart(id) {
  if (!charts[id]) {
    charts[id] = /** @type {NonNullable<typeof echarts>} */ (echarts).init(document.getElementById(id), null, { renderer: 'canvas' });
    if (id === 'chart-matrix') charts[id].on('click', (p) => handlers.onCell?.(p.data.cell));
    if (id === 'chart-tier') charts[id].on('click', (p) => handlers.onTier?.(p.data.tier));
  }
  return charts[id];
}

const base = { animation: false, tooltip: { renderMode: 'richText', confine: true }, grid: { left: 44, right: 16, top: 16, bottom: 30 } };

export function drawCharts(s, o) {
  withLibrary(() => drawAccountCharts(s, o));
}

function drawAccountCharts(s, o) {
  handlers = o;
  const { t, pick } = o;
  const pct = (v) => `${Math.round(v * 100)}%`;

  const tierOrder = [4, 3, 2, 1, 0];
  chart('chart-tier').setOption({
    ...base,
    xAxis: { type: 'category', data: tierOrder.map((k) => (k ? pick(s.tierLabels[k]) : t('tierNone'))), axisLabel: { interval: 0 } },
    yAxis: { type: 'value', minInterval: 1 },
    series: [{
      type: 'bar', name: t('count'), cursor: 'pointer', label: { show: true, position: 'top' },
      data: tierOrder.map((k) => ({ value: s.tiers[k], tier: k, itemStyle: { color: COLORS[k] } })),
    }],
  }, true);

  const p = s.pareto;
  chart('chart-pareto').setOption(p ? {
    ...base,
    grid: { left: 44, right: 16, top: 16, bottom: 36 },
    xAxis: { type: 'value', min: 0, max: 1, axisLabel: { formatter: pct }, name: t('paretoX'), nameLocation: 'middle', nameGap: 22 },
    yAxis: { type: 'value', min: 0, max: 1, axisLabel: { formatter: pct } },
    tooltip: { ...base.tooltip, trigger: 'axis', valueFormatter: (v) => pct(v) },
    series: [
      {
        type: 'line', name: t('paretoY'), showSymbol: false, data: p.points, areaStyle: { opacity: 0.12 }, lineStyle: { width: 2 },
        markLine: { symbol: 'none', silent: true, lineStyle: { type: 'dashed', color: '#b42318' }, label: { formatter: (d) => d.name }, data: [{ xAxis: p.marks.top, name: pct(p.marks.top) }, { yAxis: p.marks.share, name: pct(p.marks.share) }] },
        markPoint: { symbol: 'circle', symbolSize: 10, itemStyle: { color: '#b42318' }, label: { position: 'right', formatter: () => `${t('top20').replace('{top}', pct(p.marks.top))}: ${pct(p.top20)}`, color: '#b42318', fontWeight: 'bold' }, data: [{ coord: [p.marks.top, p.top20] }] },
      },
      { type: 'line', silent: true, showSymbol: false, data: [[0, 0], [1, 1]], lineStyle: { type: 'dotted', color: '#98a2ad', width: 1 }, tooltip: { show: false } },
    ],
  } : {
    title: { text: t('noPurchase'), left: 'center', top: 'middle', textStyle: { color: '#5b6b7c', fontSize: 13, fontWeight: 'normal' } },
    xAxis: { show: false }, yAxis: { show: false }, series: [],
  }, true);

  const letters = ['C', 'B', 'A'];
  const statuses = [1, 2, 3, 4, 5, 6];
  const data = [];
  let max = 1;
  for (let y = 0; y < 3; y++) {
    for (const st of statuses) {
      const cell = `${letters[y]}${st}`;
      const count = s.matrix[cell] ?? 0;
      max = Math.max(max, count);
      const selected = o.selectedCell === cell;
      data.push({ value: [st - 1, y, count], cell, itemStyle: selected ? { borderColor: '#b42318', borderWidth: 3 } : { borderColor: '#fff', borderWidth: 1 } });
    }
  }
  chart('chart-matrix').setOption({
    ...base,
    grid: { left: 30, right: 10, top: 10, bottom: 30 },
    xAxis: { type: 'category', data: statuses.map(String), splitArea: { show: true } },
    yAxis: { type: 'category', data: letters, splitArea: { show: true } },
    visualMap: { show: false, min: 0, max, inRange: { color: ['#f2f6fb', '#1f6feb'] } },
    series: [{ type: 'heatmap', cursor: 'pointer', data, label: { show: true, formatter: (d) => `${d.data.cell}\n${d.data.value[2]}`, fontSize: 11 } }],
  }, true);

  chart('chart-hist').setOption({
    ...base,
    xAxis: { type: 'category', data: s.hist.map((_, k) => String(k * 5)), axisLabel: { interval: 3 } },
    yAxis: { type: 'value', minInterval: 1 },
    series: [{ type: 'bar', name: t('count'), barCategoryGap: '8%', data: s.hist, itemStyle: { color: '#1f6feb' } }],
  }, true);
  drawWhale(s, t);
}

/** The whale curve (MODEL §3.8): cumulative profit of the most profitable accounts first. */
function drawWhale(s, t) {
  const pct = (v) => `${Math.round(v * 100)}%`;
  const w = s.whale;
  chart('chart-whale').setOption(w ? {
    ...base,
    grid: { left: 44, right: 16, top: 16, bottom: 36 },
    xAxis: { type: 'value', min: 0, max: 1, axisLabel: { formatter: pct }, name: t('whaleX'), nameLocation: 'middle', nameGap: 22 },
    yAxis: { type: 'value', axisLabel: { formatter: pct } },
    tooltip: { ...base.tooltip, trigger: 'axis', valueFormatter: (v) => pct(v) },
    series: [{
      type: 'line', name: t('whaleY'), showSymbol: false, data: w.points, areaStyle: { opacity: 0.12 }, lineStyle: { width: 2, color: '#3fa66b' },
      markLine: { symbol: 'none', silent: true, lineStyle: { type: 'dashed', color: '#98a2ad' }, label: { show: false }, data: [{ yAxis: 1 }] },
      markPoint: { symbol: 'circle', symbolSize: 10, itemStyle: { color: '#b42318' }, label: { position: 'bottom', formatter: () => `${t('whalePeak')} ${pct(w.peak)}`, color: '#b42318', fontWeight: 'bold' }, data: [{ coord: [w.peakAt, w.peak] }] },
    }],
  } : {
    title: { text: t('noProfit'), left: 'center', top: 'middle', textStyle: { color: '#5b6b7c', fontSize: 13, fontWeight: 'normal' } },
    xAxis: { show: false }, yAxis: { show: false }, series: [],
  }, true);
}

export function resizeCharts() {
  for (const c of Object.values(charts)) c.resize();
}

/** The holdout check: mean predicted and actual purchases in the holdout by calibration frequency. */
export function drawHoldout(h, t) {
  withLibrary(() => drawHoldoutChart(h, t));
}

function drawHoldoutChart(h, t) {
  const groups = h.byFrequency.filter((g) => g.customers > 0);
  const round = (v) => Math.round(v * 100) / 100;
  chart('chart-holdout').setOption({
    ...base,
    grid: { left: 44, right: 16, top: 28, bottom: 36 },
    legend: { top: 0, data: [t('hoPredicted'), t('hoActual')] },
    xAxis: { type: 'category', data: groups.map((g) => (g.frequency >= 7 ? '7+' : String(g.frequency))), name: t('hoX'), nameLocation: 'middle', nameGap: 22 },
    yAxis: { type: 'value' },
    series: [
      { type: 'line', name: t('hoPredicted'), data: groups.map((g) => round(g.predicted)), itemStyle: { color: '#1f6feb' } },
      { type: 'line', name: t('hoActual'), data: groups.map((g) => round(g.actual)), lineStyle: { type: 'dashed' }, itemStyle: { color: '#b42318' } },
    ],
  }, true);
}
