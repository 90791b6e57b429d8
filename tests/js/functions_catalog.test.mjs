// The spreadsheet functions' one table (www/functions/catalog.js) against everything generated
// from it: each output regenerated in memory must equal the file that is committed or built
// (run scripts/write_functions_docs.mjs, or scripts/build.sh, after changing the catalog), and
// kam-functions.js must implement exactly the catalog's functions with the catalog's arguments.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import { KAM_FUNCTIONS, KAM_FUNCTION_NAMES, helpUrl } from '../../www/functions/catalog.js';
import * as shared from '../../www/functions/kam-functions.js';
import {
  excelMetadata, gsheetsStubs, functionsDts, helpPage, withReadmeTable, readmeTable, README_START, README_END,
} from '../../scripts/functions_outputs.mjs';

const require = createRequire(import.meta.url);
const kam = require('../../pkg/node/kam_score.js');
const file = (path) => readFileSync(new URL(`../../${path}`, import.meta.url), 'utf8');

test('the catalog is well formed: unique names, every text in both languages, a repeated argument only last', () => {
  assert.equal(new Set(KAM_FUNCTION_NAMES).size, KAM_FUNCTION_NAMES.length);
  const kinds = new Set(['range', 'ranges', 'model', 'lang', 'text', 'number']);
  for (const f of KAM_FUNCTIONS) {
    assert.match(f.name, /^[A-Z][A-Z_]*$/, f.name);
    const texts = [f.description, f.result.description, ...f.args.map((a) => a.description)];
    for (const t of texts) {
      assert.ok(t.en.trim() && t.zh.trim(), `${f.name}: a text without its English or Chinese`);
      assert.match(t.zh, /[\u4e00-\u9fff]/, `${f.name}: "${t.zh}" is not Chinese`);
    }
    f.args.forEach((a, i) => {
      assert.ok(kinds.has(a.kind), `${f.name}(${a.name}): kind ${a.kind}`);
      if (a.kind === 'ranges') assert.equal(i, f.args.length - 1, `${f.name}: a repeated argument must be the last`);
      // Excel and Sheets take optional arguments only after the required ones.
      if (i > 0 && f.args[i - 1].optional) assert.ok(a.optional, `${f.name}(${a.name}) is required after an optional argument`);
    });
  }
});

test('kam-functions.js implements exactly the catalog, with the catalog\'s arguments', () => {
  assert.deepEqual([...shared.KAM_FUNCTION_NAMES], KAM_FUNCTION_NAMES);
  const functions = createFunctions();
  const implemented = Object.keys(functions).filter((k) => /^[A-Z][A-Z_]*$/.test(k));
  assert.deepEqual(implemented, KAM_FUNCTION_NAMES);
  // The argument names of each function as written in the module (`function SCORE(row, headers, model)`).
  const source = file('www/functions/kam-functions.js');
  for (const f of KAM_FUNCTIONS) {
    const m = new RegExp(`\\n  function ${f.name}\\(([^)]*)\\)`).exec(source);
    assert.ok(m, `kam-functions.js defines ${f.name}`);
    const written = m[1].split(',').map((s) => s.trim()).filter(Boolean);
    assert.deepEqual(written, f.args.map((a) => (a.kind === 'ranges' ? `...${a.name}` : a.name)), f.name);
  }
});

function createFunctions() {
  return shared.createKamFunctions(kam, { asOf: '2026-11-01' });
}

test('the Excel metadata (built www/excel/functions.json) is the catalog\'s', () => {
  const built = file('www/excel/functions.json');
  assert.equal(built, excelMetadata(), 'run scripts/build.sh (scripts/excel_metadata.mjs)');
  const metadata = JSON.parse(built);
  assert.deepEqual(metadata.functions.map((f) => f.id), KAM_FUNCTION_NAMES);
  for (const [k, f] of KAM_FUNCTIONS.entries()) {
    const m = metadata.functions[k];
    assert.equal(m.helpUrl, helpUrl(f.name));
    assert.deepEqual(m.parameters.map((p) => [p.name, p.optional ?? false, p.repeating ?? false]),
      f.args.map((a) => [a.name, a.optional ?? false, a.kind === 'ranges']), f.name);
    // Ranges come as 2-D arrays, the other arguments as single values.
    assert.deepEqual(m.parameters.map((p) => p.dimensionality ?? 'scalar'),
      f.args.map((a) => (a.kind === 'range' || a.kind === 'ranges' ? 'matrix' : 'scalar')), f.name);
  }
});

test('the Apps Script stubs at the end of the built bundle are the catalog\'s', () => {
  const bundle = file('pkg/gsheets/kam-score.js');
  const stubs = gsheetsStubs();
  assert.ok(bundle.endsWith(stubs), 'run scripts/build.sh (scripts/build_gsheets.mjs)');
  const declared = [...stubs.matchAll(/^async function (KAM_[A-Z_]+)\(/gm)].map((m) => m[1]);
  assert.deepEqual(declared, KAM_FUNCTION_NAMES.map((n) => `KAM_${n}`));
  assert.equal([...stubs.matchAll(/@customfunction/g)].length, KAM_FUNCTION_NAMES.length);
});

test('npm/kam-functions.d.ts, www/functions/help.html and the README table are the catalog\'s', () => {
  const hint = 'run node scripts/write_functions_docs.mjs';
  assert.equal(file('npm/kam-functions.d.ts'), functionsDts(), hint);
  assert.equal(file('www/functions/help.html'), helpPage(), hint);
  const readme = file('README.md');
  assert.equal(readme, withReadmeTable(readme), hint);
  assert.ok(readme.includes(`${README_START}\n${readmeTable()}\n${README_END}`));
  for (const name of KAM_FUNCTION_NAMES) {
    assert.ok(readme.includes(`(www/functions/help.html#${name})`), `README links ${name}`);
    assert.ok(file('www/functions/help.html').includes(`<section id="${name}">`), `help page has ${name}`);
  }
});

test('the README table is rewritten between its markers and nowhere else', () => {
  const before = `intro\n${README_START}\nstale\n${README_END}\nafter\n`;
  const after = withReadmeTable(before);
  assert.ok(after.startsWith(`intro\n${README_START}\n| function | gives |`));
  assert.ok(after.endsWith(`\n${README_END}\nafter\n`));
  assert.ok(!after.includes('stale'));
  assert.throws(() => withReadmeTable('no markers'), /functions:start/);
});
