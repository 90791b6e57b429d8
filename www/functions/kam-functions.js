// @ts-check
// kam-score's spreadsheet functions, one set for every host (Excel, Google Sheets, a page).
//
// Host-neutral: `createKamFunctions(kam)` takes the kam wasm module object (the web build
// after `init()`, the bundler build, or the Node build) and returns plain functions that take
// ranges as hosts pass them — 2-D arrays of cells (number, text, true/false, a Date, empty as
// "" or null) or a single value — and return 2-D arrays. Nothing here knows about a host:
//
// - a whole call that cannot be answered (a bad model, a row longer than its header) throws
//   a `KamError`;
// - a single result cell that cannot be answered (an unreadable cell in that row, a text that
//   is no score) is a `KamError` in its place, so the other cells still come back;
// - the host's wrapper maps both to its own error values with `mapResult` (Excel: a
//   `CustomFunctions.Error` with the message; Apps Script: a thrown Error, and text inside
//   arrays because Sheets has no error values there). A number is never made up: no score is
//   an error with the reason, never 0.
//
// Rules live in the crate; this module only shapes ranges and texts.

/** An error for a host to show: `code` is `value` (#VALUE!) or `na` (#N/A). */
export class KamError extends Error {
  constructor(code, message) {
    super(message);
    this.name = 'KamError';
    this.code = code;
  }
}

// The function names, the same in every host (Excel: KAM.SCORE; Sheets: KAM_SCORE), from the
// functions' one table (its arguments and texts are there too).
export { KAM_FUNCTION_NAMES } from './catalog.js';


/**
 * Replaces every KamError in a result (a value or a 2-D array) with `map(error)`.
 * @template T
 * @param {unknown} result
 * @param {(e: KamError) => T} map
 */
export function mapResult(result, map) {
  if (result instanceof KamError) return map(result);
  if (Array.isArray(result)) {
    return result.map((row) => (Array.isArray(row)
      ? row.map((v) => (v instanceof KamError ? map(v) : v))
      : (row instanceof KamError ? map(row) : row)));
  }
  return result;
}

/** Any thrown value as a KamError (the crate's errors are plain JS Errors with the reason). */
export function asKamError(e) {
  if (e instanceof KamError) return e;
  return new KamError('value', e && typeof e.message === 'string' ? e.message : String(e));
}

function isEmpty(v) {
  return v === null || v === undefined || (typeof v === 'string' && v.trim() === '');
}

function isDate(v) {
  return Object.prototype.toString.call(v) === '[object Date]';
}

/** A value a host passes for an error cell (Excel: CustomFunctions.Error; anything not a cell). */
function hostError(v) {
  if (v === null || v === undefined || typeof v !== 'object' || isDate(v)) return null;
  const code = typeof v.code === 'string' ? v.code : '';
  const message = typeof v.message === 'string' && v.message ? v.message : '';
  return new KamError(code === '#N/A' || code === 'na' ? 'na' : 'value',
    message || (code ? `the input cell holds ${code}` : 'the input cell holds an error'));
}

/** A range as a 2-D array: a value is 1×1, a flat list is one row. */
function grid(range) {
  if (!Array.isArray(range)) return [[range]];
  if (range.length === 0) return [];
  if (range.every((r) => Array.isArray(r))) return range;
  return [range];
}

function shapeLike(g, fn) {
  return g.map((row, i) => row.map((v, j) => fn(v, i, j)));
}

/** A single-valued argument: a value, or the first cell of a range; null when left out. */
function scalar(v) {
  while (Array.isArray(v)) v = v.length ? v[0] : null;
  return isEmpty(v) ? null : v;
}

function cellText(v) {
  if (isEmpty(v)) return '';
  if (isDate(v)) return v.toISOString().slice(0, 10);
  return String(v).trim();
}

/** The language argument: zh (default), en, or code. */
function language(v) {
  const t = cellText(scalar(v)).toLowerCase();
  if (t === '' || t === 'zh' || t === 'zh-cn' || t === 'cn' || t === '中文') return 'zh';
  if (t === 'en' || t.startsWith('en-') || t === 'english') return 'en';
  if (t === 'code') return 'code';
  throw new KamError('value', `unknown language "${t}" (expected zh-CN, en or code)`);
}

function label(l, lang) {
  if (!l) return '';
  return lang === 'code' ? l.code : lang === 'en' ? l.en : l.zh;
}

/** A model argument: a preset name, a model document's JSON text, or left out (key_account). */
function modelArg(v) {
  const m = scalar(v);
  if (m === null) return undefined;
  if (typeof m === 'object') return m;
  return String(m).trim();
}

/**
 * The spreadsheet functions over a kam module.
 * @param {any} kam the kam wasm module (initialised)
 * @param {{cacheSize?: number, asOf?: string}} [options] how many Scorers to keep; the day
 *   recency is counted to (default: today)
 */
export function createKamFunctions(kam, options = {}) {
  const cacheSize = options.cacheSize ?? 32;
  /** (model, headers, day) → {scorer, day}, most recently used last. */
  const cache = new Map();

  function today() {
    if (options.asOf) return options.asOf;
    const d = new Date();
    const pad = (n) => String(n).padStart(2, '0');
    return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
  }

  /** One Scorer per (model, headers, day), built once: repeated per-cell calls are cheap. */
  function scorerFor(model, headers) {
    const day = today();
    const key = `${typeof model === 'object' ? JSON.stringify(model) : model ?? ''}\u0001${day}\u0001${headers.join('\u0002')}`;
    let entry = cache.get(key);
    if (entry) {
      cache.delete(key);
      cache.set(key, entry);
      return entry;
    }
    try {
      entry = { scorer: new kam.Scorer(model, headers, { asOf: day }), day };
    } catch (e) {
      throw asKamError(e);
    }
    cache.set(key, entry);
    while (cache.size > cacheSize) {
      const [oldKey, old] = cache.entries().next().value;
      cache.delete(oldKey);
      old.scorer.free?.();
    }
    return entry;
  }

  /** Cells as the scorer takes them; a host error cell comes back as `{error}`. */
  function rowValues(row, width) {
    if (row.length > width) {
      throw new KamError('value', `a row has ${row.length} cells for ${width} headers: give the header range the row's width`);
    }
    const values = new Array(width).fill(null);
    for (let j = 0; j < row.length; j++) {
      const v = row[j];
      const err = hostError(v);
      if (err) return { error: err };
      values[j] = isEmpty(v) ? null : v;
    }
    return { values, blank: values.every((v) => v === null) };
  }

  /** The score of one card, or the error that stands for it. */
  function scoreOf(card, lang) {
    // One rule everywhere (MODEL §2): an unreadable cell leaves its factor out and the row is
    // scored from the rest when coverage allows; SCORE_TABLE's 问题 column names the cell.
    if (card.score === null) {
      return new KamError('na', card.reason ? (lang === 'en' ? card.reason.en : card.reason.zh) : 'no score');
    }
    return card.score;
  }

  function headerTexts(headers) {
    const h = grid(headers);
    const flat = h.length === 1 ? h[0] : h.every((r) => r.length === 1) ? h.map((r) => r[0]) : null;
    if (!flat) throw new KamError('value', 'the headers must be one row (or one column) of header cells');
    const texts = flat.map(cellText);
    if (texts.every((t) => t === '')) throw new KamError('value', 'the header range is empty');
    return texts;
  }

  /**
   * SCORE(row, headers, [model]): the score 0–100 of each row of `row` (one row, or many: one
   * score per row, as a column), its cells read under `headers` by their aliases.
   */
  function SCORE(row, headers, model) {
    const h = headerTexts(headers);
    let rows = grid(row);
    // A record laid out down a column, beside a column of headers.
    if (h.length > 1 && rows.length === h.length && rows.every((r) => r.length === 1)) rows = [rows.map((r) => r[0])];
    const { scorer } = scorerFor(modelArg(model), h);
    return rows.map((r) => {
      const v = rowValues(r, h.length);
      if (v.error) return [v.error];
      if (v.blank) return [''];
      try {
        // The score alone (no score card per cell); the reason only when there is none.
        const s = scorer.score(v.values);
        if (!Number.isNaN(s)) return [s];
        return [scoreOf({ score: null, reason: scorer.lastReason() }, 'zh')];
      } catch (e) {
        return [asKamError(e)];
      }
    });
  }

  /**
   * SCORE_TABLE(table, [model], [lang]): a whole table, header row first, scored at once by the
   * crate's builder of computed columns (the same cells as the page's export and the
   * command-line tool): score, tier, next tier, gap, how to reach it, coverage, problems,
   * problem codes, ABC class, matrix cell, top suggestion. Spills. Trailing blank rows are left
   * out; a row holding a host error value (#N/A …) gets that error as its score.
   */
  function SCORE_TABLE(table, model, lang) {
    const ln = language(lang);
    const t = grid(table);
    if (t.length === 0) throw new KamError('value', 'the table is empty');
    const h = t[0].map(cellText);
    if (h.every((x) => x === '')) throw new KamError('value', 'the first row of the table must be its header row');
    let last = t.length - 1;
    while (last > 0 && t[last].every(isEmpty)) last--;
    const prepared = t.slice(1, last + 1).map((r) => rowValues(r, h.length));
    const rows = prepared.map((p) => (p.error ? h.map(() => null) : p.values));
    let out;
    try {
      out = kam.scoreTable([h, ...rows], modelArg(model), { lang: ln === 'en' ? 'en' : 'zh-CN', asOf: today() });
    } catch (e) {
      throw asKamError(e);
    }
    const cell = (v) => (v === null || v === undefined ? '' : v);
    return [out.headers].concat(out.rows.map((r, i) => {
      const cells = r.map(cell);
      if (prepared[i].error) cells[0] = prepared[i].error;
      return cells;
    }));
  }

  /** A cell read as a number: NaN for no value; a KamError when it cannot be read. */
  function number(v, what) {
    if (isEmpty(v)) return NaN;
    const err = hostError(v);
    if (err) return err;
    if (typeof v === 'number') return Number.isFinite(v) ? v : new KamError('value', `${what}: not a finite number`);
    if (typeof v === 'boolean') return new KamError('value', `${what}: TRUE/FALSE is not a number`);
    try {
      return kam.parseValue(String(v));
    } catch (e) {
      return new KamError('value', `${what} "${String(v)}": ${asKamError(e).message}`);
    }
  }

  /** TIER(score, [lang]): the value tier of each score (VIP > 80, important > 60, ordinary > 40, small). */
  function TIER(score, lang) {
    const ln = language(lang);
    const arg = ln === 'code' ? 'code' : ln === 'en' ? 'en' : 'zh-CN';
    return shapeLike(grid(score), (v) => {
      const n = number(v, 'score');
      if (n instanceof KamError) return n;
      if (Number.isNaN(n)) return '';
      if (n < 0 || n > 100) return new KamError('value', `score ${n} is outside 0–100`);
      return kam.valueTierText(n, arg);
    });
  }

  /** ABC(values, [method]): the ABC class of each value ("count" by default, or "share"). */
  function ABC(values, method) {
    const g = grid(values);
    const meth = cellText(scalar(method)).toLowerCase();
    if (meth !== '' && meth !== 'count' && meth !== 'share') {
      throw new KamError('value', `unknown ABC method "${meth}" (expected count or share)`);
    }
    const flat = [];
    const errors = new Map();
    g.forEach((row) => row.forEach((v) => {
      const n = number(v, 'value');
      if (n instanceof KamError) {
        errors.set(flat.length, n);
        flat.push(NaN);
      } else flat.push(n);
    }));
    let classes;
    try {
      classes = kam.abcClasses(Float64Array.from(flat), meth ? { method: meth } : undefined);
    } catch (e) {
      throw asKamError(e);
    }
    let k = 0;
    return g.map((row) => row.map(() => {
      const at = k++;
      return errors.get(at) ?? classes[at] ?? '';
    }));
  }

  function grade(list) {
    for (const v of list) {
      const err = hostError(v);
      if (err) return err;
    }
    try {
      return kam.pipelineGrade(list.map((v) => (isEmpty(v) ? null : v))).code;
    } catch (e) {
      return asKamError(e);
    }
  }

  /**
   * PIPELINE(facts…): the ten-level pipeline grade (A21 … A01, `none`) from TRUE/FALSE facts in
   * the order of pipelineFactKeys(), given as cells or ranges. One range of several rows and
   * columns grades each row.
   */
  function PIPELINE(...facts) {
    const grids = facts.map(grid);
    if (grids.length === 1 && grids[0].length > 1 && grids[0].every((r) => r.length > 1)) {
      return grids[0].map((row) => [row.every(isEmpty) ? '' : grade(row)]);
    }
    const list = grids.flatMap((g) => g.flat());
    const result = grade(list);
    if (result instanceof KamError) throw result;
    return [[result]];
  }

  /** Pairs two ranges cell by cell; a single cell is used for every cell of the other. */
  function pair(a, b, fn) {
    const ga = grid(a);
    const gb = grid(b);
    const one = (g) => g.length === 1 && g[0].length === 1;
    const shape = one(ga) ? gb : ga;
    if (!one(ga) && !one(gb) && (ga.length !== gb.length || ga.some((r, i) => r.length !== gb[i].length))) {
      throw new KamError('value', 'the two ranges must have the same shape (or one of them be a single cell)');
    }
    return shapeLike(shape, (_, i, j) => fn(one(ga) ? ga[0][0] : ga[i][j], one(gb) ? gb[0][0] : gb[i][j]));
  }

  /** STRATEGY(letter, status, [lang]): the relationship strategy of a matrix cell (A–C × 1–6). */
  function STRATEGY(letter, status, lang) {
    const ln = language(lang);
    return pair(letter, status, (l, s) => {
      const err = hostError(l) ?? hostError(s);
      if (err) return err;
      if (isEmpty(l) || isEmpty(s)) return '';
      try {
        return label(kam.matrixStrategy(l, s).strategy, ln);
      } catch (e) {
        return asKamError(e);
      }
    });
  }

  /** CADENCE(tier, [lang]): how often, how and by whom to contact an account of a tier or class. */
  function CADENCE(tier, lang) {
    const ln = language(lang);
    return shapeLike(grid(tier), (v) => {
      const err = hostError(v);
      if (err) return err;
      if (isEmpty(v)) return '';
      try {
        const c = kam.cadence(v);
        if (ln === 'code') return c.frequency.code;
        const sep = ln === 'en' ? '; ' : '，';
        return [c.frequency, c.channel, c.owner].map((l) => label(l, ln)).join(sep);
      } catch (e) {
        return asKamError(e);
      }
    });
  }

  /**
   * Model parameters given in cells: a range of numbers (a row or a column) or one text
   * "0.243, 4.414, 0.793, 2.426"; `names` says how many and in which order.
   */
  function paramsArg(v, names, model) {
    let cells = grid(v).flat().filter((c) => !isEmpty(c));
    if (cells.length === 1 && typeof cells[0] === 'string') cells = cells[0].split(/[\s,;，；]+/).filter((x) => x !== '');
    if (cells.length !== names.length) {
      throw new KamError('value', `the ${model} parameters are ${names.length} numbers (${names.join(', ')}); got ${cells.length}`);
    }
    const out = {};
    names.forEach((name, k) => {
      const n = number(cells[k], `${model} ${name}`);
      if (n instanceof KamError) throw n;
      if (!(n > 0 && Number.isFinite(n))) throw new KamError('value', `the ${model} parameter ${name} must be a number > 0 (got ${cells[k]})`);
      out[name] = n;
    });
    return out;
  }

  /** A single numeric argument (a cell); `fallback` when left out. */
  function scalarNumber(v, what, fallback) {
    const s = scalar(v);
    if (s === null) {
      if (fallback === undefined) throw new KamError('value', `${what} is missing`);
      return fallback;
    }
    const n = number(s, what);
    if (n instanceof KamError) throw n;
    if (Number.isNaN(n)) throw new KamError('value', `${what} is not a number`);
    return n;
  }

  /**
   * Lines up ranges of the same shape (a single cell goes with every cell) and calls
   * `compute(columns)` once for every complete cell; a cell whose inputs cannot be used gets
   * its own error (found by asking again for that cell alone), the others their values.
   */
  function perCustomer(ranges, names, compute) {
    const grids = ranges.map(grid);
    const one = (g) => g.length === 1 && g[0].length === 1;
    const shape = grids.find((g) => !one(g)) ?? grids[0];
    for (const g of grids) {
      if (!one(g) && (g.length !== shape.length || g.some((r, i) => r.length !== shape[i].length))) {
        throw new KamError('value', `${names.join(', ')} must be ranges of the same shape (or single cells)`);
      }
    }
    const at = (g, i, j) => (one(g) ? g[0][0] : g[i][j]);
    const out = shape.map((row) => row.map(() => ''));
    const cols = names.map(() => []);
    const where = [];
    shape.forEach((row, i) => row.forEach((_, j) => {
      const values = [];
      for (let k = 0; k < grids.length; k++) {
        const n = number(at(grids[k], i, j), names[k]);
        if (n instanceof KamError) { out[i][j] = n; return; }
        values.push(n);
      }
      if (values.every((x) => Number.isNaN(x))) return;
      if (values.some((x) => Number.isNaN(x))) {
        out[i][j] = new KamError('value', `${names.filter((_, k) => Number.isNaN(values[k])).join(', ')} missing`);
        return;
      }
      values.forEach((x, k) => cols[k].push(x));
      where.push([i, j]);
    }));
    if (!where.length) return out;
    const columns = (list) => Object.fromEntries(names.map((n, k) => [n, Float64Array.from(list[k])]));
    let result;
    try {
      result = compute(columns(cols));
    } catch {
      // One bad customer stops a whole call: ask for each one alone.
      where.forEach(([i, j], m) => {
        try {
          out[i][j] = compute(columns(cols.map((c) => [c[m]])))[0];
        } catch (e) {
          out[i][j] = asKamError(e);
        }
      });
      return out;
    }
    where.forEach(([i, j], m) => { out[i][j] = result[m]; });
    return out;
  }

  const BG = ['r', 'alpha', 'a', 'b'];
  const GG = ['p', 'q', 'gamma'];
  const RFT = ['frequency', 'recency', 'T'];

  /**
   * PALIVE(frequency, recency, T, bgParams): P(alive) 0–1 of each customer under BG/NBD with
   * published or fitted parameters (r, alpha, a, b), no fit per cell. recency, T and alpha in
   * the same time unit.
   */
  function PALIVE(frequency, recency, age, bgParams) {
    const bg = paramsArg(bgParams, BG, 'BG/NBD');
    return perCustomer([frequency, recency, age], RFT, (c) => Array.from(kam.bgNbdPredict(bg, c, 0).pAlive));
  }

  /** PURCHASES(frequency, recency, T, bgParams, t): expected purchases in the next t units. */
  function PURCHASES(frequency, recency, age, bgParams, t) {
    const bg = paramsArg(bgParams, BG, 'BG/NBD');
    const horizon = scalarNumber(t, 't');
    return perCustomer([frequency, recency, age], RFT, (c) => Array.from(kam.bgNbdPredict(bg, c, horizon).expected));
  }

  /**
   * CLV(frequency, recency, T, monetary, bgParams, ggParams, [horizon], [unit], [discountRate]):
   * the discounted expected value over `horizon` months (12), the summary and alpha in `unit`
   * (week), discounted `discountRate` a month (0.01).
   */
  function CLV(frequency, recency, age, monetary, bgParams, ggParams, horizon, unit, discountRate) {
    const bg = paramsArg(bgParams, BG, 'BG/NBD');
    const gg = paramsArg(ggParams, GG, 'Gamma-Gamma');
    const options = {
      horizon: scalarNumber(horizon, 'horizon', 12),
      unit: cellText(scalar(unit)) || 'week',
      discountRate: scalarNumber(discountRate, 'discountRate', 0.01),
    };
    // The options alone (unit, rate, horizon): a bad one is the whole call's error.
    kam.customerLifetimeValue(bg, gg, { frequency: [], recency: [], T: [], monetary: [] }, options);
    return perCustomer([frequency, recency, age, monetary], [...RFT, 'monetary'],
      (c) => Array.from(kam.customerLifetimeValue(bg, gg, c, options)));
  }

  /**
   * WINPROB(row, headers, model): the learned win probability 0–1 of each deal row, read under
   * `headers` by their aliases, from a win model fitted by fitWinModel (its JSON text in a
   * cell). A range of several rows gives one probability per row.
   */
  function WINPROB(row, headers, model) {
    const h = headerTexts(headers);
    const m = scalar(model);
    if (m === null) throw new KamError('value', 'WINPROB needs a win model: the JSON text fitWinModel gives, in a cell');
    const text = typeof m === 'object' ? JSON.stringify(m) : String(m).trim();
    let parsed;
    try {
      parsed = JSON.parse(text);
    } catch (e) {
      throw new KamError('value', `the win model is not JSON: ${asKamError(e).message}`);
    }
    // The model checked once for the whole call: a bad one is the call's error.
    kam.winProbability(parsed, {});
    let rows = grid(row);
    if (h.length > 1 && rows.length === h.length && rows.every((r) => r.length === 1)) rows = [rows.map((r) => r[0])];
    return rows.map((r) => {
      const v = rowValues(r, h.length);
      if (v.error) return [v.error];
      if (v.blank) return [''];
      const record = {};
      h.forEach((header, j) => {
        if (header !== '' && v.values[j] !== null) record[header] = v.values[j];
      });
      try {
        return [kam.winProbability(parsed, record).probability];
      } catch (e) {
        return [asKamError(e)];
      }
    });
  }

  /** Wraps a function so that anything it throws is a KamError. */
  const guarded = (fn) => (...args) => {
    try {
      return fn(...args);
    } catch (e) {
      throw asKamError(e);
    }
  };

  return {
    SCORE: guarded(SCORE),
    SCORE_TABLE: guarded(SCORE_TABLE),
    TIER: guarded(TIER),
    ABC: guarded(ABC),
    PIPELINE: guarded(PIPELINE),
    STRATEGY: guarded(STRATEGY),
    CADENCE: guarded(CADENCE),
    PALIVE: guarded(PALIVE),
    PURCHASES: guarded(PURCHASES),
    CLV: guarded(CLV),
    WINPROB: guarded(WINPROB),
    /** The cached Scorer for (model, headers), e.g. for a task pane's breakdown. */
    scorer: (model, headers) => scorerFor(modelArg(model), headerTexts(headers)).scorer,
    /** Drops every cached Scorer (after a model changed). */
    clearCache() {
      for (const { scorer } of cache.values()) scorer.free?.();
      cache.clear();
    },
  };
}
