// End-to-end: no silent misread in the page (issue 15). The file's warnings are shown in the
// page's language; a workbook's sheets are all listed, hidden ones marked, the visible one read
// and a hidden one readable; a file whose numbers are ambiguous between a decimal comma and a
// decimal point says so above the grid, names the cell and reads the file again with the mark
// chosen, keeping it for the file; and a 16,384-column list keeps the page responsive, the
// grid drawing only the columns in view.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { mkdirSync, readFileSync } from 'node:fs';
import { startPage } from './harness.mjs';

const require = createRequire(import.meta.url);
const kam = require('../../pkg/node/kam_score.js');
const shots = new URL('./screenshots/', import.meta.url).pathname;
const hiddenFirst = readFileSync(new URL('../bad_inputs/xlsx_hidden_first_sheet.xlsx', import.meta.url));
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
let origin;
let browser;
let stopPage;

before(async () => {
  mkdirSync(shots, { recursive: true });
  ({ origin, browser, stop: stopPage } = await startPage());
});

after(async () => {
  await stopPage?.();
});

async function openPage(locale) {
  const context = await browser.newContext({ locale, viewport: { width: 1400, height: 900 } });
  const page = await context.newPage();
  const errors = [];
  page.on('console', (msg) => { if (msg.type() === 'error') errors.push(msg.text()); });
  page.on('pageerror', (err) => errors.push(String(err)));
  await page.goto(`${origin}/index.html`);
  await page.waitForSelector('body[data-ready="true"]');
  const clean = async () => {
    assert.deepEqual(errors, [], 'no console error');
    assert.equal(await page.locator('#message').isHidden(), true, 'no error message on the page');
    await context.close();
  };
  return { page, clean };
}

const loadedTimes = (page, n, timeout = 30_000) => page.waitForFunction((k) => document.body.dataset.loaded === String(k), n, { timeout });
const shownRows = async (page) => (await page.textContent('#shown')).match(/\/ ([\d,]+)/)[1];
const latin = (text) => text.replace(/VIP|ABC|CSV|XLSX|Excel/g, '').match(/[A-Za-z]{2,}/g);

test('a workbook with a hidden first sheet: every sheet listed, hidden ones marked, the visible one read, a hidden one readable', async () => {
  const info = kam.Sheet.sheetInfo(hiddenFirst);
  const byDefault = kam.Sheet.fromBytes(hiddenFirst);
  const hidden = info.find((s) => s.hidden && s.worksheet);
  const other = kam.Sheet.fromBytes(hiddenFirst, { sheet: hidden.name });
  assert.ok(info[0].hidden, 'the fixture hides its first sheet');
  const { page, clean } = await openPage('zh-CN');
  await page.setInputFiles('#file', { name: 'hidden-first.xlsx', mimeType: XLSX, buffer: hiddenFirst });
  await loadedTimes(page, 1);
  const options = await page.$$eval('#sheet-choice option', (os) => os.map((o) => ({ value: o.value, text: o.textContent, hidden: o.dataset.hidden === 'true', isDefault: o.dataset.default === 'true' })));
  assert.deepEqual(options.map((o) => o.value), info.map((s) => s.name), 'every sheet, in tab order');
  for (const [k, s] of info.entries()) {
    assert.equal(options[k].hidden, s.hidden);
    assert.equal(options[k].isDefault, s.default);
    assert.equal(options[k].text, s.hidden ? `${s.name}（已隐藏）` : s.name);
  }
  // The sheet the crate reads by default, the first visible one, is the one selected and shown.
  assert.equal(await page.inputValue('#sheet-choice'), info.find((s) => s.default).name);
  assert.equal(byDefault.source().sheet, info.find((s) => s.default).name);
  assert.equal(await shownRows(page), String(byDefault.rowCount));
  // The warning about the hidden sheets, in Chinese.
  const warning = byDefault.warningLabels().find((w) => w.code === 'hidden_sheets');
  assert.equal(await page.textContent('#source .chip.warn[data-code="hidden_sheets"]'), warning.zh);
  await page.locator('#source').screenshot({ path: `${shots}/sheet-chooser-zh.png` });
  // … and in English once the page is.
  await page.click('#lang');
  assert.equal(await page.textContent('#source .chip.warn[data-code="hidden_sheets"]'), warning.en);
  assert.equal(await page.textContent(`#sheet-choice option[value="${hidden.name}"]`), `${hidden.name} (hidden)`);
  await page.click('#lang');
  // A hidden sheet can be read.
  await page.selectOption('#sheet-choice', hidden.name);
  await loadedTimes(page, 2);
  assert.equal(await page.inputValue('#sheet-choice'), hidden.name);
  assert.equal(await shownRows(page), String(other.rowCount));
  const headers = await page.$$eval('#grid thead th[data-key]', (ths) => ths.map((th) => th.textContent));
  for (const h of other.headers()) assert.ok(headers.includes(h), `${h} in ${headers}`);
  // … and the visible one again.
  await page.selectOption('#sheet-choice', byDefault.source().sheet);
  await loadedTimes(page, 3);
  assert.equal(await shownRows(page), String(byDefault.rowCount));
  await clean();
});

test('the warnings of a file are shown in the page\'s language, with their codes', async () => {
  const csv = Buffer.from('\ufeff客户名称,年采购额,年采购额\n甲公司,120万,130万\n乙公司,80万,90万\n', 'utf8');
  const want = kam.Sheet.fromBytes(csv).warningLabels();
  assert.ok(want.some((w) => w.code === 'duplicate_header'), JSON.stringify(want));
  const { page, clean } = await openPage('zh-CN');
  await page.setInputFiles('#file', { name: 'dup.csv', mimeType: 'text/csv', buffer: csv });
  await loadedTimes(page, 1);
  const chips = () => page.$$eval('#source .chip.warn', (cs) => cs.map((c) => ({ code: c.dataset.code, text: c.textContent })));
  assert.deepEqual(await chips(), want.map((w) => ({ code: w.code, text: w.zh })));
  assert.equal(latin((await chips()).map((c) => c.text).join(' ')), null, 'no English in the zh-CN warnings');
  await page.click('#lang');
  assert.deepEqual(await chips(), want.map((w) => ({ code: w.code, text: w.en })));
  await clean();
});

test('numbers ambiguous between decimal comma and point: said above the grid with the cell, read again with commas, kept for the file', async () => {
  const text = '客户名称;年采购额\n甲;1.200\n乙;2.500,50\n';
  const bytes = Buffer.from(text, 'utf8');
  const asPoint = kam.Sheet.fromBytes(bytes);
  const asComma = kam.Sheet.fromBytes(bytes, { decimal: 'comma' });
  const warning = asPoint.warningLabels().find((w) => w.code === 'ambiguous_decimal');
  assert.ok(warning, 'the crate finds the file ambiguous');
  assert.equal(asPoint.errors().length, 1, '2.500,50 cannot be read with a decimal point');
  assert.equal(asComma.errors().length, 0, '… and can with a decimal comma');
  assert.deepEqual(asComma.warningLabels(), []);

  const { page, clean } = await openPage('zh-CN');
  await page.setInputFiles('#file', { name: 'europe.csv', mimeType: 'text/csv', buffer: bytes });
  await loadedTimes(page, 1);
  // Above the grid: what was found, naming the cell and its text, in Chinese.
  const box = page.locator('#decimal');
  assert.equal(await box.isVisible(), true);
  const said = await page.textContent('#decimal-text');
  assert.equal(said, warning.zh);
  assert.match(said, /单元格 B2 的“1\.200”/);
  assert.equal(latin(await box.textContent()), null, `English in the zh-CN decimal box: ${await box.textContent()}`);
  const above = await page.evaluate(() => document.getElementById('decimal').getBoundingClientRect().bottom <= document.getElementById('grid-scroll').getBoundingClientRect().top);
  assert.ok(above, 'the box is above the grid');
  assert.equal(await page.inputValue('#decimal-choice'), 'point');
  assert.deepEqual(await page.$$eval('#decimal-choice option', (os) => os.map((o) => o.textContent)), ['小数点（1,200.50）', '小数逗号（1.200,50）']);
  // The unreadable cell names itself.
  assert.equal(await page.textContent('[data-stat="bad"] b'), '1');
  assert.match(await page.getAttribute('#grid tbody tr[data-row="1"] td[data-j="1"]', 'title'), /^B3 年采购额: "2\.500,50"/);
  await page.screenshot({ path: `${shots}/decimal-ambiguous-zh.png` });

  // Read again with decimal commas: no unreadable cell left, and the page says how it read.
  await page.click('#decimal-comma');
  await loadedTimes(page, 2);
  assert.equal(await page.inputValue('#decimal-choice'), 'comma');
  assert.equal(await page.textContent('[data-stat="bad"] b'), String(asComma.errors().length));
  assert.match(await page.textContent('#decimal-text'), /已按小数逗号读取/);
  assert.equal(await page.locator('#decimal-comma').count(), 0, 'no button to do what is done');
  await page.screenshot({ path: `${shots}/decimal-comma-zh.png` });
  // The choice is kept when the file is read again another way (the header row) …
  await page.fill('#header-row', '1');
  await page.dispatchEvent('#header-row', 'change');
  await loadedTimes(page, 3);
  assert.equal(await page.inputValue('#decimal-choice'), 'comma');
  assert.equal(await page.textContent('[data-stat="bad"] b'), '0');
  // … and when the same file is opened again.
  await page.setInputFiles('#file', { name: 'europe.csv', mimeType: 'text/csv', buffer: bytes });
  await loadedTimes(page, 4);
  assert.equal(await page.inputValue('#decimal-choice'), 'comma');
  assert.equal(await page.textContent('[data-stat="bad"] b'), '0');
  // Back to the decimal point, in English.
  await page.click('#lang');
  await page.selectOption('#decimal-choice', 'point');
  await loadedTimes(page, 5);
  assert.equal(await page.textContent('[data-stat="bad"] b'), '1');
  assert.match(await page.textContent('#decimal-text'), /read with a decimal point/);
  // Another file with the same marks but no choice made: asked again.
  const other = Buffer.from('客户名称;年采购额\n丙;3.400\n', 'utf8');
  await page.setInputFiles('#file', { name: 'other.csv', mimeType: 'text/csv', buffer: other });
  await loadedTimes(page, 6);
  assert.equal(await page.textContent('#decimal-text'), kam.Sheet.fromBytes(other).warningLabels()[0].en);
  assert.equal(await page.textContent('#decimal-comma'), 'Read again with decimal commas');
  // A file with no such numbers has no box.
  await page.setInputFiles('#file', { name: 'plain.csv', mimeType: 'text/csv', buffer: Buffer.from('客户名称,年采购额\n丁,120万\n', 'utf8') });
  await loadedTimes(page, 7);
  assert.equal(await box.isHidden(), true);
  await clean();
});

test('16,384 columns: the page answers clicks and the grid draws only the columns in view', async () => {
  const W = 16_384;
  const head = ['客户名称', '年采购额', '毛利率'];
  for (let j = head.length; j < W; j++) head.push(`指标${j + 1}`);
  const lines = [head.join(',')];
  for (let i = 0; i < 4; i++) {
    const row = [`客户${i}`, `${100 * (i + 1)}万`, `${10 + i}%`];
    for (let j = row.length; j < W; j++) row.push(String((i * 31 + j) % 997));
    lines.push(row.join(','));
  }
  const bytes = Buffer.from(`\ufeff${lines.join('\n')}\n`, 'utf8');
  const sheet = kam.Sheet.fromBytes(bytes);
  assert.equal(sheet.headers().length, W);

  const { page, clean } = await openPage('zh-CN');
  await page.setInputFiles('#file', { name: 'wide.csv', mimeType: 'text/csv', buffer: bytes });
  await loadedTimes(page, 1, 120_000);
  await page.waitForSelector('#grid tbody tr[data-row="3"]');
  assert.match(await page.textContent('#shown'), /4 \/ 4/);
  const counts = () => page.evaluate(() => ({ td: document.querySelectorAll('#grid td').length, th: document.querySelectorAll('#grid th').length, options: document.querySelectorAll('#mapping option').length }));
  const drawn = await counts();
  assert.ok(drawn.td < 400 && drawn.th < 100, `cells drawn: ${JSON.stringify(drawn)}`);
  assert.ok(drawn.options < 30_000, `the mapping panel lists a few columns: ${drawn.options} options`);
  // The language switch redraws the page and a click on a row opens its panel; both still
  // draw only the columns in view (how fast they are is measured in ./scripts/bench.sh, not here).
  await page.click('#lang');
  await page.waitForFunction(() => document.querySelector('h1').textContent === 'Account value scoring');
  const redrawn = await counts();
  assert.ok(redrawn.td < 400 && redrawn.th < 100, `cells drawn after the language switch: ${JSON.stringify(redrawn)}`);
  await page.click('#grid tbody tr[data-row="1"] td[data-key="score"]');
  await page.waitForSelector('#detail:not([hidden]) h2');
  assert.equal(await page.textContent('#detail h2'), '客户1');
  await page.click('#detail .close');

  // Scrolled to the last column: its header and cells are drawn, the row number and name stay.
  await page.evaluate(() => { const s = document.getElementById('grid-scroll'); s.scrollLeft = s.scrollWidth; });
  await page.waitForSelector(`#grid thead th[data-key="${W - 1}"]`);
  assert.equal(await page.textContent(`#grid thead th[data-key="${W - 1}"]`), `指标${W}`);
  assert.equal(await page.textContent(`#grid tbody tr[data-row="2"] td[data-j="${W - 1}"]`), String(sheet.cells(2)[W - 1]));
  assert.equal(await page.locator('#grid thead th[data-key="1"]').count(), 0, 'the first columns are no longer drawn');
  const far = await counts();
  assert.ok(far.td < 400, `cells drawn at the right end: ${far.td}`);
  const frozen = await page.evaluate(() => {
    const scroll = document.getElementById('grid-scroll').getBoundingClientRect();
    const name = document.querySelector('#grid tbody tr[data-row="0"] td.frozen + td.frozen').getBoundingClientRect();
    return { inView: name.left >= scroll.left - 1 && name.right <= scroll.right, text: document.querySelector('#grid tbody tr[data-row="0"] td.frozen + td.frozen').textContent };
  });
  assert.deepEqual(frozen, { inView: true, text: '客户0' }, 'the name stays at the left edge');
  // The computed columns are still there (the score of each row, as the crate gives it).
  const { score } = sheet.scores();
  assert.equal(await page.textContent('#grid tbody tr[data-row="0"] td[data-key="score"]'), Number.isNaN(score[0]) ? 'No score' : score[0].toFixed(1));
  await page.screenshot({ path: `${shots}/wide-16384-columns.png` });

  // Sort by the last column, descending: the order is the crate's cells'.
  const last = Array.from({ length: 4 }, (_, i) => [Number(sheet.cells(i)[W - 1]), i]);
  await page.click(`#grid thead th[data-key="${W - 1}"]`);
  await page.waitForFunction((k) => document.querySelector(`#grid thead th[data-key="${k}"]`)?.textContent.endsWith('▲'), W - 1);
  const ascending = last.slice().sort((a, b) => a[0] - b[0] || a[1] - b[1]).map(([, i]) => String(i));
  await page.waitForFunction((want) => [...document.querySelectorAll('#grid tbody tr[data-row]')].map((tr) => tr.dataset.row).join() === want.join(), ascending);

  // Edit a cell of the last column: kept, and the row still drawn where it was scrolled to.
  const td = page.locator(`#grid tbody tr[data-row="3"] td[data-j="${W - 1}"]`);
  await td.dblclick();
  await page.fill('#grid input.edit', '12345');
  await page.press('#grid input.edit', 'Enter');
  await page.waitForFunction((k) => document.querySelector(`#grid tbody tr[data-row="3"] td[data-j="${k}"]`)?.textContent === '12345', W - 1);

  // Scrolling back to the start draws the first columns again.
  await page.evaluate(() => { document.getElementById('grid-scroll').scrollLeft = 0; });
  await page.waitForSelector('#grid thead th[data-key="1"]');
  assert.equal(await page.textContent('#grid tbody tr[data-row="0"] td[data-j="1"]'), '100万');
  // The mapping panel finds a column by its header.
  await page.fill('#mapping-find', `指标${W}`);
  await page.waitForSelector(`#mapping select[data-column="${W - 1}"]`);
  await clean();
});
