// @ts-check
// The messages between the page (app.js) and its worker (worker.js), one typedef per kind.
// Types only: both files import them with `import('./messages.js')` in JSDoc, and
// `tsc -p www` checks each side against them.
//
// page → worker: a request `{id, op, args}`; worker → page: the reply to that request, or an
// event the worker sends while it works (progress, a row whose suggestion is ready, the
// summary once every row has one).

/**
 * The worker's operations (worker.js `ops`).
 * @typedef {'hello' | 'open' | 'reopen' | 'setMapping' | 'setModel' | 'view' | 'rows' | 'setCell' | 'detail'
 *   | 'export' | 'validate' | 'prepare' | 'openLog' | 'fitLog' | 'compare' | 'pipeline'} WorkerOp
 */

/**
 * A request; `args` are the operation's own (see worker.js).
 * @typedef {{ id: number, op: WorkerOp, args?: any }} WorkerRequest
 */

/**
 * The reply to a request: its result, or the error with the crate's code and texts.
 * @typedef {{ id: number, ok: true, result: any }
 *   | { id: number, ok: false, error: string, code?: string, zh?: string, en?: string }} WorkerReply
 */

/**
 * How far a long operation is (`done` of `total` for the strategies; `done` ends it).
 * @typedef {{ type: 'progress', stage: string, done?: number, total?: number }} ProgressEvent
 */

/**
 * A row whose suggestion is ready, to redraw if shown.
 * @typedef {{ type: 'row', row: any }} RowEvent
 */

/**
 * The list's summary once every row has its suggestion (the matrix filled).
 * @typedef {{ type: 'summary', summary: any }} SummaryEvent
 */

/** @typedef {ProgressEvent | RowEvent | SummaryEvent} WorkerEvent */

/**
 * A code with its zh-CN and en texts, as the crate returns them.
 * @typedef {{ code: string, zh: string, en: string }} Label
 */

/**
 * The rules the page marks and shows by, from the crate (src/wasm/rules.rs).
 * @typedef {{
 *   likelyAliveFrom: number,
 *   abcRule: Label,
 *   modelDefaults: { tiers: { vip: number, important: number, ordinary: number }, minCoverage: number },
 * }} PageRules
 */

/**
 * The reply to `hello`: what the page needs before a list is open.
 * @typedef {{ presets: { name: string, model: any }[], tierLabels: (Label | null)[], limits: any, fields: Label[], rules: PageRules }} Hello
 */

export {};
