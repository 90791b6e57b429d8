// Spreadsheet recalculation: 10,000 SCORE cells, as a filled-down column makes them (one
// call per cell: =SCORE(A2:O2, A$1:O$1)) and as one call over a 10,000-row range.
import * as D from './data.mjs';

/** The account list's rows as a host passes them: texts and numbers, "" for empty cells. */
export function sheetRows(n) {
  const table = D.accountTable(n, 4242);
  const headers = table[0];
  const rows = table.slice(1).map((r) => r.map((v) => (v === null ? '' : v)));
  return { headers, rows };
}

/** Expected scores through the crate: scoreAccount on each row object. */
export function expectedScores(kam, headers, rows, asOf) {
  return rows.map((r) => {
    const o = Object.fromEntries(headers.map((h, j) => [h, r[j] === '' ? null : r[j]]));
    const c = kam.scoreAccount(o, 'key_account', { asOf });
    return c.errors.length ? '#VALUE!' : c.score ?? '#N/A';
  });
}
