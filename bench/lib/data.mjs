// Deterministic benchmark data, the same in Node, in Chromium and (through the files that
// bench/gen.mjs writes) in the native Rust benchmarks: a seeded generator, no Math.random.

/** mulberry32: a small seeded PRNG, uniform in [0, 1). */
export function rng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const RATINGS = ['AAA', 'AA', 'A', 'B', 'C', 'D', '优', '良', '中', '差', 'a', 'Ｂ'];

/** The numeric fields of the key_account model, in the fields' own units. */
export const NUMBER_FIELDS = [
  'annual_purchase', 'gross_margin', 'profit', 'overdue_ratio', 'avg_payment_days', 'growth_rate',
  'potential_purchase', 'order_count', 'relationship_years', 'satisfaction', 'complaints',
];

const round = (x, d) => Math.round(x * 10 ** d) / 10 ** d;

/**
 * `n` accounts as columns in field units: Float64Array per numeric field (NaN = missing) and
 * `credit_rating` as an array of texts (null = missing). About 5 % of each value is missing,
 * so fallbacks and renormalisation are exercised; about 1 % of rows have almost nothing.
 */
export function accountColumns(n, seed = 20260322) {
  const r = rng(seed);
  const cols = Object.fromEntries(NUMBER_FIELDS.map((f) => [f, new Float64Array(n)]));
  const credit = new Array(n);
  const miss = () => r() < 0.05;
  for (let i = 0; i < n; i++) {
    const sparse = r() < 0.01;
    const m = () => sparse || miss();
    const purchase = 10 ** (3 + r() * 5.5);
    cols.annual_purchase[i] = m() ? NaN : round(purchase, 0);
    cols.gross_margin[i] = m() || r() < 0.2 ? NaN : round(-0.05 + r() * 0.55, 4);
    cols.profit[i] = m() ? NaN : round(purchase * (0.02 + r() * 0.3), 0);
    cols.overdue_ratio[i] = m() ? NaN : round(r() * 0.4, 3);
    cols.avg_payment_days[i] = m() ? NaN : Math.floor(10 + r() * 200);
    cols.growth_rate[i] = m() ? NaN : round(-0.3 + r() * 0.7, 3);
    cols.potential_purchase[i] = m() ? NaN : round(purchase * (0.5 + r() * 3), 0);
    cols.order_count[i] = m() ? NaN : Math.floor(r() * 80);
    cols.relationship_years[i] = m() ? NaN : round(r() * 12, 1);
    cols.satisfaction[i] = m() ? NaN : 1 + Math.floor(r() * 5);
    cols.complaints[i] = m() ? NaN : Math.floor(r() * r() * 10);
    credit[i] = m() || r() < 0.15 ? null : RATINGS[Math.floor(r() * RATINGS.length)];
  }
  return { n, numbers: cols, credit_rating: credit };
}

/** The columns as scoreColumns takes them. */
export function columnsArg(data) {
  return { ...data.numbers, credit_rating: data.credit_rating };
}

/** Row `i` as an object keyed by field keys (missing values left out), for scoreAccount. */
export function rowObject(data, i) {
  const o = {};
  for (const f of NUMBER_FIELDS) {
    const v = data.numbers[f][i];
    if (!Number.isNaN(v)) o[f] = v;
  }
  if (data.credit_rating[i] !== null) o.credit_rating = data.credit_rating[i];
  return o;
}

/** The header row for the Scorer path (field keys, matched once) and row `i`'s values. */
export const SCORER_HEADERS = [...NUMBER_FIELDS, 'credit_rating'];
export function rowValues(data, i) {
  const out = new Array(SCORER_HEADERS.length);
  for (let j = 0; j < NUMBER_FIELDS.length; j++) {
    const v = data.numbers[NUMBER_FIELDS[j]][i];
    out[j] = Number.isNaN(v) ? null : v;
  }
  out[NUMBER_FIELDS.length] = data.credit_rating[i];
  return out;
}

/**
 * `n` messy cells as people type them: thousands separators, currency, 万/亿, percent,
 * suffixes, brackets, full-width digits, "no value" words, and about 3 % unreadable cells.
 */
export function messyCells(n, seed = 7) {
  const r = rng(seed);
  const out = new Array(n);
  const FW = '０１２３４５６７８９';
  const fullWidth = (s) => s.replace(/[0-9]/g, (d) => FW[d]);
  const groups = (x) => Math.round(x).toString().replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  for (let i = 0; i < n; i++) {
    const x = 10 ** (r() * 7);
    const k = Math.floor(r() * 16);
    let s;
    switch (k) {
      case 0: s = groups(x); break;
      case 1: s = `¥${(x / 1e4).toFixed(1)}万`; break;
      case 2: s = `￥${groups(x)}`; break;
      case 3: s = `${(x / 1e6).toFixed(2)}亿`; break;
      case 4: s = `${(r() * 100).toFixed(1)}%`; break;
      case 5: s = (r()).toFixed(3); break;
      case 6: s = `$${(x / 1e6).toFixed(1)}M`; break;
      case 7: s = `${(x / 1e3).toFixed(1)}k`; break;
      case 8: s = `(${groups(x)})`; break;
      case 9: s = fullWidth(String(Math.round(x))); break;
      case 10: s = ['-', '—', 'N/A', '无', ''][Math.floor(r() * 5)]; break;
      case 11: s = r() < 0.5 ? ['很多', '--5', '5-', '1,5'][Math.floor(r() * 4)] : String(Math.round(x)); break;
      case 12: s = ` ${x.toFixed(2)} `; break;
      case 13: s = `${(x / 1e4).toFixed(2)}万元`; break;
      case 14: s = `-${groups(x)}`; break;
      default: s = x.toFixed(2);
    }
    out[i] = s;
  }
  return out;
}

/** The header row of the generated account list file (as a Chinese team's export has it). */
export const FILE_HEADERS = ['客户编号', '客户名称', '区域', '年采购额(万元)', '毛利率', '利润', '信用等级', '逾期率',
  '平均收款周期', '增长率', '潜在采购额', '订单数', '合作年限', '满意度', '投诉次数'];
const REGIONS = ['华东', '华南', '华北', '西南', '西北', '东北', '华中'];
const NAME_A = ['华东', '金鼎', '嘉禾', '恒信', '远航', '新锐', '宏达', '瑞丰', '天成', '博远'];
const NAME_B = ['精密', '化工', '纺织', '电子', '机械', '物流', '医药', '软件', '食品', '建材'];

/**
 * The account list as an array of arrays, header first: numbers as numbers, missing as null,
 * the annual purchase in 万元 (one decimal), margins and ratios as fractions.
 */
export function accountTable(n, seed = 99) {
  const d = accountColumns(n, seed);
  const rows = [FILE_HEADERS];
  const num = (f, i, scale = 1, dec = 6) => {
    const v = d.numbers[f][i];
    return Number.isNaN(v) ? null : round(v / scale, dec);
  };
  for (let i = 0; i < n; i++) {
    rows.push([
      `KH${String(i + 1).padStart(6, '0')}`,
      `${NAME_A[i % 10]}${NAME_B[Math.floor(i / 10) % 10]}${i % 997}有限公司`,
      REGIONS[i % REGIONS.length],
      num('annual_purchase', i, 1e4, 1),
      num('gross_margin', i),
      num('profit', i),
      d.credit_rating[i],
      num('overdue_ratio', i),
      num('avg_payment_days', i),
      num('growth_rate', i),
      num('potential_purchase', i),
      num('order_count', i),
      num('relationship_years', i),
      num('satisfaction', i),
      num('complaints', i),
    ]);
  }
  return rows;
}

/** The table as CSV text (RFC 4180 quoting; numbers as JavaScript prints them). */
export function toCsv(rows) {
  const q = (v) => {
    if (v === null || v === undefined) return '';
    const s = String(v);
    return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  };
  return `${rows.map((r) => r.map(q).join(',')).join('\r\n')}\r\n`;
}
