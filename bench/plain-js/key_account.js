// A straightforward plain-JavaScript implementation of a kam-score model (written for the
// benchmark only): what a JavaScript developer would write instead of using the crate. It reads
// the same model document (presets/key_account.json) and follows README "Scoring models":
// a factor averages the sub-scores of its present inputs (else of its fallback inputs); the
// score is 100 × Σ wᵢ·sᵢ / Σ wᵢ over the factors present, null below minCoverage, clamped
// to 0–100; a tier needs a score strictly above its threshold. bench/ checks that it gives the
// crate's scores within 1e-9.

const clamp100 = (x) => (x < 0 ? 0 : x > 100 ? 100 : x);

/** Case and width folded, as the crate compares map keys. */
function mapKey(text) {
  let s = '';
  for (const ch of String(text)) {
    const c = ch.codePointAt(0);
    s += c >= 0xff01 && c <= 0xff5e ? String.fromCodePoint(c - 0xfee0) : c === 0x3000 ? ' ' : ch;
  }
  return s.trim().toUpperCase();
}

/** A transform as a function value → sub-score, or undefined when it gives none. */
function compileTransform(t) {
  const num = (f) => (v) => (typeof v === 'number' ? f(v) : undefined);
  switch (t.type) {
    case 'linear': return num((v) => clamp100((100 * (v - t.min)) / (t.max - t.min)));
    case 'inverse_linear': return num((v) => clamp100((100 * (t.max - v)) / (t.max - t.min)));
    case 'log': {
      const lo = Math.log10(t.min); const hi = Math.log10(t.max);
      return num((v) => (v <= 0 ? 0 : clamp100((100 * (Math.log10(v) - lo)) / (hi - lo))));
    }
    case 'inverse_log': {
      const lo = Math.log10(t.min); const hi = Math.log10(t.max);
      return num((v) => (v <= 0 ? 100 : clamp100((100 * (hi - Math.log10(v))) / (hi - lo))));
    }
    case 'steps': return num((v) => {
      let p = t.below ?? 0;
      for (const s of t.steps) { if (v >= s.from) p = s.points; else break; }
      return clamp100(p);
    });
    case 'map': {
      const m = new Map(Object.entries(t.values).map(([k, p]) => [mapKey(k), clamp100(p)]));
      return (v) => m.get(mapKey(typeof v === 'number' ? String(v) : v));
    }
    case 'rating': {
      const min = t.min ?? 1; const max = t.max ?? 5;
      return num((v) => clamp100((100 * (v - min)) / (max - min)));
    }
    default: throw new Error(`transform ${t.type} is not implemented here`);
  }
}

/** The model compiled once: `score(get)` where `get(field)` is a number, a text or undefined. */
export function compileModel(doc) {
  const factors = doc.factors.map((f) => ({
    weight: f.weight,
    lists: [f.inputs ?? [], f.fallback ?? []].map((l) => l.map((i) => ({ field: i.field, fn: compileTransform(i.transform) }))),
  }));
  const total = factors.reduce((s, f) => s + f.weight, 0);
  const minCoverage = doc.minCoverage ?? 0;
  const tiers = doc.tiers;
  const subs = new Float64Array(factors.length);
  function score(get) {
    let present = 0;
    for (let k = 0; k < factors.length; k++) {
      const f = factors[k];
      subs[k] = NaN;
      for (const list of f.lists) {
        let sum = 0; let count = 0;
        for (const input of list) {
          const v = get(input.field);
          if (v === undefined || v === null || (typeof v === 'number' && Number.isNaN(v))) continue;
          const s = input.fn(v);
          if (s !== undefined) { sum += s; count++; }
        }
        if (count > 0) { subs[k] = sum / count; break; }
      }
      if (!Number.isNaN(subs[k])) present += f.weight;
    }
    if (present <= 0) return NaN;
    if (present / total < minCoverage - 1e-12) return NaN;
    let weighted = 0;
    for (let k = 0; k < factors.length; k++) if (!Number.isNaN(subs[k])) weighted += subs[k] * factors[k].weight;
    return clamp100(weighted / present);
  }
  function tier(s) {
    if (Number.isNaN(s)) return 0;
    return s > tiers.vip ? 4 : s > tiers.important ? 3 : s > tiers.ordinary ? 2 : 1;
  }
  return { score, tier };
}

/** Scores columns `{field: Float64Array | (string|null)[]}`: `{score: Float64Array, tier: Uint8Array}`. */
export function scoreColumns(model, columns, n) {
  const score = new Float64Array(n);
  const tier = new Uint8Array(n);
  let i = 0;
  const get = (field) => {
    const c = columns[field];
    return c === undefined ? undefined : c[i];
  };
  for (; i < n; i++) {
    score[i] = model.score(get);
    tier[i] = model.tier(score[i]);
  }
  return { score, tier };
}

/** Header texts of the generated account list → field and scale (a plain lookup table). */
export const HEADER_FIELDS = {
  '年采购额(万元)': ['annual_purchase', 1e4], 毛利率: ['gross_margin', 1], 利润: ['profit', 1],
  信用等级: ['credit_rating', 1], 逾期率: ['overdue_ratio', 1], 平均收款周期: ['avg_payment_days', 1],
  增长率: ['growth_rate', 1], 潜在采购额: ['potential_purchase', 1], 订单数: ['order_count', 1],
  合作年限: ['relationship_years', 1], 满意度: ['satisfaction', 1], 投诉次数: ['complaints', 1],
};

/**
 * Scores a table read by SheetJS or PapaParse (array of arrays, header first): headers looked up
 * in HEADER_FIELDS, numeric texts read with Number, the unit scale applied.
 */
export function scoreTable(model, rows) {
  const header = rows[0];
  const map = header.map((h) => HEADER_FIELDS[String(h).trim()]);
  const n = rows.length - 1;
  const score = new Float64Array(n);
  const tier = new Uint8Array(n);
  const byField = {};
  map.forEach((m, j) => { if (m) byField[m[0]] = [j, m[1]]; });
  let row;
  const get = (field) => {
    const at = byField[field];
    if (!at) return undefined;
    let v = row[at[0]];
    if (v === undefined || v === null || v === '') return undefined;
    if (typeof v === 'string') {
      const t = v.trim();
      const x = Number(t);
      if (t === '' ) return undefined;
      if (!Number.isNaN(x)) v = x; else return field === 'credit_rating' ? t : undefined;
    }
    return typeof v === 'number' ? v * at[1] : v;
  };
  for (let i = 0; i < n; i++) {
    row = rows[i + 1];
    score[i] = model.score(get);
    tier[i] = model.tier(score[i]);
  }
  return { score, tier };
}
