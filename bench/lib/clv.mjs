// CLV on the CDNOW sample in wasm: the summary from the raw transactions, BG/NBD and
// Gamma-Gamma fits, and for every customer P(alive), expected purchases over 39 weeks and the
// 12-month CLV at 1 % a month, the same steps the Python side runs with lifetimes.
export function cdnowTransactions(text) {
  const ids = []; const dates = []; const amounts = [];
  for (const line of text.split('\n')) {
    const c = line.trim().split(/\s+/);
    if (c.length !== 5) continue;
    ids.push(c[1]); dates.push(c[2]); amounts.push(Number(c[4]));
  }
  return { ids, dates, amounts: Float64Array.from(amounts) };
}

export function clvWasm(kam, tx) {
  return clvFromSummary(kam, kam.rfmSummary(tx, { unit: 'week', end: '1997-09-30' }));
}

/** The same steps from typed columns `{ids: Uint32Array, yyyymmdd: Float64Array, amounts}`. */
export function clvWasmColumns(kam, log, end) {
  return clvFromSummary(kam, kam.rfmSummaryColumns(log, { unit: 'week', end }));
}

function clvFromSummary(kam, s) {
  const bg = kam.fitBgNbd(s);
  const gg = kam.fitGammaGamma(s);
  const pred = kam.bgNbdPredict(bg, s, 39);
  const clv = kam.customerLifetimeValue(bg, gg, s, { horizon: 12, unit: 'week', discountRate: 0.01 });
  return { customers: s.ids.length, ids: s.ids, bg, gg, expected: pred.expected, pAlive: pred.pAlive, clv };
}

/** The largest absolute differences between the wasm and lifetimes results, by customer id. */
export function compareClv(w, py) {
  const at = new Map(py.ids.map((id, i) => [String(Number(id)), i]));
  const d = { r: Math.abs(w.bg.r - py.bg.r), alpha: Math.abs(w.bg.alpha - py.bg.alpha), a: Math.abs(w.bg.a - py.bg.a), b: Math.abs(w.bg.b - py.bg.b),
    p: Math.abs(w.gg.p - py.gg.p), q: Math.abs(w.gg.q - py.gg.q), gamma: Math.abs(w.gg.gamma - py.gg.gamma),
    expected: 0, pAlive: 0, clvAbs: 0, clvRel: 0, paramsRel: 0 };
  for (const [mine, theirs] of [[w.bg, py.bg], [w.gg, py.gg]]) {
    for (const k of Object.keys(theirs)) d.paramsRel = Math.max(d.paramsRel, Math.abs(mine[k] - theirs[k]) / Math.abs(theirs[k]));
  }
  if (w.customers !== py.customers) throw new Error(`${w.customers} customers against ${py.customers}`);
  w.ids.forEach((id, i) => {
    const j = at.get(String(Number(id)));
    if (j === undefined) throw new Error(`customer ${id} missing from lifetimes`);
    d.expected = Math.max(d.expected, Math.abs(w.expected[i] - py.expected[j]));
    d.pAlive = Math.max(d.pAlive, Math.abs(w.pAlive[i] - py.pAlive[j]));
    d.clvAbs = Math.max(d.clvAbs, Math.abs(w.clv[i] - py.clv[j]));
    if (py.clv[j] > 1) d.clvRel = Math.max(d.clvRel, Math.abs(w.clv[i] - py.clv[j]) / py.clv[j]);
  });
  return d;
}
