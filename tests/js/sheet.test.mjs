// Sheet: files read by the crate (GBK CSV with a title row, XLSX, pasted TSV), scored,
// edited and exported, through the Node build.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';

const require = createRequire(import.meta.url);
const kam = require('../../pkg/node/kam_score.js');
const sample = (name) => readFileSync(new URL(`../../www/sample/${name}`, import.meta.url));
const rows = JSON.parse(sample('accounts.json'));
const asOf = '2026-11-01';

test('a GBK CSV with a title row reads like the list it came from', () => {
  const sheet = kam.Sheet.fromBytes(sample('accounts-gbk.csv'), { asOf });
  assert.equal(sheet.rowCount, rows.length);
  assert.equal(sheet.headerRow, 2);
  assert.deepEqual(sheet.titleRows(), ['2026年重点客户清单(销售部)']);
  assert.equal(sheet.source().encoding, 'gb18030');
  assert.deepEqual(sheet.headers(), Object.keys(rows[0]));
  const fields = Object.fromEntries(sheet.mapping().map((m) => [m.header, m.field]));
  assert.equal(fields['年采购额'], 'annual_purchase');
  assert.equal(fields['合作年限'], 'relationship_years');
  assert.equal(fields['决策者'], 'contact_decision_maker');
  assert.equal(fields['联系电话'], null, 'a column the crate does not know is kept unread');
  const { score, tier } = sheet.scores();
  const cards = kam.scoreAccounts(rows, undefined, { asOf });
  cards.forEach((card, i) => {
    assert.equal(Number.isNaN(score[i]) ? null : score[i], card.score, `row ${i}`);
    assert.equal(tier[i], { small: 1, ordinary: 2, important: 3, vip: 4 }[card.tier?.code] ?? 0);
  });
  // Unreadable cells: Excel row = index + 3 (title and header rows above).
  const errors = sheet.errors();
  assert.deepEqual(errors.map((e) => [e.row, e.column, e.text, e.code]), [
    [20, '年采购额', '很多', 'not_a_number'],
    [67, '年采购额', '1千2百万', 'mixed_numerals'],
    [91, '最近下单日期', '上周', 'not_a_date'],
    [126, '采购次数', '--5', 'double_sign'],
    [204, '潜在采购额', '待定', 'not_a_number'],
    [236, '合作年限', '3次', 'wrong_dimension'],
  ]);
  // Every reason in both languages; the Chinese one names both dimensions for 3次.
  assert.ok(errors.every((e) => e.zh && e.en && e.reason === e.en));
  assert.match(errors[5].zh, /“次”不是时间长度的单位/);
  // Cells written with units, qualifiers, ranges and numerals are read, not refused.
  const j = sheet.headers().indexOf('合作年限');
  const years = sheet.cells(0)[j];
  assert.ok(typeof years === 'string' || typeof years === 'number');
});

test('the UTF-8 CSV and a pasted range give the same scores', () => {
  const a = kam.Sheet.fromBytes(sample('accounts.csv'), { asOf }).scores().score;
  const headers = Object.keys(rows[0]);
  const tsv = [headers.join('\t'), ...rows.slice(0, 50).map((r) => headers.map((h) => r[h]).join('\t'))].join('\r\n');
  const pasted = kam.Sheet.fromText(tsv, { asOf });
  assert.equal(pasted.rowCount, 50);
  const b = pasted.scores().score;
  for (let i = 0; i < 50; i++) assert.equal(Object.is(a[i], b[i]) || a[i] === b[i], true, `row ${i}`);
});

test('editing a cell re-reads that row only', () => {
  const sheet = kam.Sheet.fromBytes(sample('accounts.csv'), { asOf });
  const column = sheet.headers().indexOf('年采购额');
  assert.equal(sheet.errors().length, 6);
  const errors = sheet.setCell(17, column, '500万');
  assert.deepEqual(errors, []);
  assert.equal(sheet.errors().length, 5, 'the 很多 of row 17 is gone');
  const card = sheet.scoreCard(17);
  assert.equal(card.factors[0].input, 5_000_000);
  assert.ok(sheet.setCell(18, column, '许多').length === 1);
});

test('export to xlsx and csv keeps every cell and neutralises formulas', () => {
  const sheet = kam.Sheet.fromBytes(sample('accounts-gbk.csv'), { asOf });
  const { score } = sheet.scores();
  const xlsx = sheet.exportXlsx(['得分'], [score]);
  assert.equal(xlsx[0], 0x50); // PK: a zip
  const back = kam.Sheet.fromBytes(xlsx, { asOf });
  assert.equal(back.rowCount, sheet.rowCount);
  assert.equal(back.headerRow, 2, 'the merged title row stays above the header');
  assert.deepEqual(back.headers(), [...sheet.headers(), '得分']);
  for (let i = 0; i < sheet.rowCount; i += 37) {
    const original = sheet.cells(i);
    const again = back.cells(i);
    original.forEach((c, j) => assert.equal(String(again[j] ?? ''), String(c ?? ''), `row ${i} column ${j}`));
    assert.equal(again[original.length], Number.isNaN(score[i]) ? null : score[i]);
  }
  const notes = sheet.headers().indexOf('备注');
  assert.equal(back.cells(5)[notes], rows[5]['备注'], 'a formula-like note comes back as the same text');
  const bytes = sheet.exportCsv(['得分'], [score]);
  assert.deepEqual([...bytes.slice(0, 3)], [0xef, 0xbb, 0xbf], 'UTF-8 with a byte-order mark');
  const csv = new TextDecoder().decode(bytes);
  assert.ok(csv.includes(`'=HYPERLINK`), 'csv cells starting with = are prefixed');
  assert.ok(!/(^|,)=HYPERLINK/m.test(csv));
});

test('files that are not account lists are refused with a reason', () => {
  assert.throws(() => kam.Sheet.fromBytes(new Uint8Array([0x50, 0x4b, 3, 4, 1, 2, 3])), /xlsx|zip|workbook/i);
  assert.throws(() => kam.Sheet.fromBytes(sample('accounts.csv'), { maxBytes: 1000 }), /1000|limit|large/i);
});

test('a 99 MB CSV of one-character cells is refused by the memory budget, politely, and the module stays healthy', () => {
  // 99 MB of "a,a,a,…": 50 million cells, inside the size, row and cell limits, but several
  // gigabytes as cells. The read stops when its estimate passes the budget (1 GiB).
  const line = `${'a,'.repeat(4999)}a\n`;
  const bytes = Buffer.from(line.repeat(Math.floor(99e6 / line.length)));
  assert.ok(bytes.length > 98e6 && bytes.length < 100 * 2 ** 20);
  let error = null;
  try { kam.Sheet.fromBytes(bytes); } catch (e) { error = e; }
  assert.ok(error, 'refused');
  assert.ok(!(error instanceof WebAssembly.RuntimeError), `no trap: ${error}`);
  assert.equal(error.code, 'too_large_in_memory');
  assert.match(error.zh, /内存/);
  // The module still reads and scores an ordinary list.
  const sheet = kam.Sheet.fromBytes(sample('accounts.csv'), { asOf });
  assert.equal(sheet.rowCount, rows.length);
  // A smaller budget refuses a smaller list the same way; a larger one reads it.
  assert.throws(() => kam.Sheet.fromBytes(sample('accounts.csv'), { maxMemoryBytes: 10_000 }), (e) => e.code === 'too_large_in_memory');
});
