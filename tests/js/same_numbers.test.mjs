// The shipped sample list gives the same numbers everywhere (issue 13, MODEL §2): the page's
// export (the crate's `Sheet`, which the page's worker calls), the command-line tool and the
// spreadsheet function SCORE_TABLE each write the same score, tier, problem codes, matrix
// cell and top suggestion for every one of its 300 accounts.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createKamFunctions } from '../../www/functions/kam-functions.js';

const require = createRequire(import.meta.url);
const kam = require('../../pkg/node/kam_score.js');
const root = new URL('../../', import.meta.url).pathname;
const sample = (name) => readFileSync(new URL(`../../www/sample/${name}`, import.meta.url));
const asOf = '2026-11-01';

/** The computed columns of an exported file: header → column of values. */
function computed(bytes) {
  const sheet = kam.Sheet.fromBytes(bytes, { asOf });
  const headers = sheet.headers();
  const out = {};
  headers.forEach((h, j) => { out[h] = Array.from({ length: sheet.rowCount }, (_, i) => sheet.cells(i)[j]); });
  return out;
}

const norm = (v) => (v === null || v === undefined ? '' : String(v));

test('the page export, the command-line tool and SCORE_TABLE give the same cells for the shipped sample', () => {
  // The page: the Sheet the worker holds, exported with the crate's columns.
  const page = computed(kam.Sheet.fromBytes(sample('accounts-gbk.csv'), { asOf }).exportCsv({ lang: 'zh-CN' }));

  // The command-line tool, as built by the test command (cargo test --features cli).
  const bin = `${process.env.CARGO_TARGET_DIR ?? `${root}target`}/debug/kam-score`;
  assert.ok(existsSync(bin), `the command-line tool is built first: ${bin}`);
  let stdout;
  try {
    stdout = execFileSync(bin, ['score', `${root}www/sample/accounts.csv`, '-o', '-', '--as-of', asOf, '--quiet'], { maxBuffer: 1 << 26 });
  } catch (e) {
    assert.equal(e.status, 1, 'exit 1: the sample has unreadable cells (each row still scored)');
    stdout = e.stdout;
  }
  const cli = computed(stdout);

  // SCORE_TABLE, given the table as a spreadsheet passes it (header row first, texts as typed).
  const rows = JSON.parse(sample('accounts.json'));
  const headers = Object.keys(rows[0]);
  const fns = createKamFunctions(kam, { asOf });
  const spilled = fns.SCORE_TABLE([headers, ...rows.map((r) => headers.map((h) => r[h] ?? ''))], undefined, 'zh-CN');
  const table = {};
  spilled[0].forEach((h, j) => { table[h] = spilled.slice(1).map((r) => r[j]); });

  const columns = ['评分', '等级', '问题代码', 'ABC分类', '吸引力字母', '矩阵格', '生命周期阶段', '首要建议'];
  for (const c of columns) {
    assert.equal(page[c]?.length, 300, `the page export has ${c}`);
    for (let i = 0; i < 300; i++) {
      assert.equal(norm(cli[c][i]), norm(page[c][i]), `${c}, row ${i}: command-line tool and page`);
      assert.equal(norm(table[c][i]), norm(page[c][i]), `${c}, row ${i}: SCORE_TABLE and page`);
    }
  }
  // The six rows with an unreadable cell are scored from their other cells (one rule, MODEL §2).
  const bad = page['问题代码'].map((c, i) => [c, i]).filter(([c]) => /not_a_number|mixed_numerals|not_a_date|double_sign|wrong_dimension/.test(norm(c)));
  assert.equal(bad.length, 6);
  for (const [, i] of bad) assert.ok(norm(page['评分'][i]) !== '' && Number.isFinite(Number(page['评分'][i])), `row ${i} is scored`);
});
