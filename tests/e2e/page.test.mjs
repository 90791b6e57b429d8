// End-to-end: the browser sheet (www/) in headless Chromium (Debian's, driven by
// playwright-core), served the way the README's serve command serves it. Every number the
// page shows is checked against the crate's own results through pkg/node.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { mkdirSync, readFileSync } from 'node:fs';
import { startPage } from './harness.mjs';

const require = createRequire(import.meta.url);
const kam = require('../../pkg/node/kam_score.js');
let origin;
let stopPage;
const shots = new URL('./screenshots/', import.meta.url).pathname;
const gbkBytes = readFileSync(new URL('../../www/sample/accounts-gbk.csv', import.meta.url));
const sampleRows = JSON.parse(readFileSync(new URL('../../www/sample/accounts.json', import.meta.url)));
const TIER_CODES = [null, 'small', 'ordinary', 'important', 'vip'];
let browser;

before(async () => {
  mkdirSync(shots, { recursive: true });
  ({ origin, browser, stop: stopPage } = await startPage());
});

after(async () => {
  await stopPage?.();
});

async function openPage(locale) {
  const context = await browser.newContext({ locale, viewport: { width: 1400, height: 900 }, acceptDownloads: true });
  const page = await context.newPage();
  const foreign = [];
  const errors = [];
  const isOwn = (url) => url.startsWith(origin) || url.startsWith('data:') || url.startsWith('blob:');
  page.on('request', (req) => { if (!isOwn(req.url())) foreign.push(req.url()); });
  page.on('worker', (w) => { if (!isOwn(w.url())) foreign.push(w.url()); });
  page.on('console', (msg) => { if (msg.type() === 'error') errors.push(msg.text()); });
  page.on('pageerror', (err) => errors.push(String(err)));
  await page.goto(`${origin}/index.html`);
  await page.waitForSelector('body[data-ready="true"]');
  const clean = async () => {
    assert.deepEqual(foreign, [], 'no request leaves the page origin');
    assert.deepEqual(errors, [], 'no console error');
    assert.equal(await page.locator('#message').isHidden(), true, 'no error message on the page');
    await context.close();
  };
  return { page, clean };
}

const loadedTimes = (page, n) => page.waitForFunction((k) => document.body.dataset.loaded === String(k), n);
const cell = (page, i, key) => page.locator(`#grid tbody tr[data-row="${i}"] td[data-key="${key}"]`);
const userCell = (page, i, j) => page.locator(`#grid tbody tr[data-row="${i}"] td[data-j="${j}"]`);

async function scrollTo(page, i) {
  await page.evaluate((k) => { document.getElementById('grid-scroll').scrollTop = Math.max(0, k - 3) * 30; }, i);
  await page.waitForSelector(`#grid tbody tr[data-row="${i}"]`);
  // Let the scroll's redraw happen before the caller clicks.
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  await page.waitForSelector(`#grid tbody tr[data-row="${i}"]`);
}

/** What the crate says about row i of a sheet: the values the page must show. */
function expected(sheet, i, model) {
  const { score, tier } = sheet.scores(model);
  const purchases = Array.from({ length: sheet.rowCount }, (_, k) => {
    const f = sheet.scoreCard(k).factors.find((x) => x.key === 'order_amount');
    return f?.inputs.find((x) => x.field === 'annual_purchase')?.value ?? null;
  });
  const s = sheet.suggest(i, tier[i] ? { tier: TIER_CODES[tier[i]] } : {});
  const attr = sheet.mapping().find((m) => m.field === 'attractiveness');
  let letter = null;
  try { letter = kam.matrixStrategy(sheet.cells(i)[attr.column], 1).cell[0]; } catch { /* none */ }
  // The crate's letter wins: given, or estimated from the list's figures when the rating is unreadable.
  letter = s.attractiveness?.letter ?? letter;
  return {
    letter,
    score: Number.isNaN(score[i]) ? null : score[i].toFixed(1),
    tier: tier[i] ? kam.valueTier({ 1: 10, 2: 50, 3: 70, 4: 90 }[tier[i]]) : null,
    abc: kam.abcClasses(purchases)[i],
    cell: s.cell,
    top: s.actions[0],
  };
}

async function checkRow(page, sheet, i, lang = 'zh') {
  const want = expected(sheet, i);
  await scrollTo(page, i);
  assert.equal(await cell(page, i, 'score').textContent(), want.score ?? (lang === 'zh' ? '无法评分' : 'No score'), `score of row ${i}`);
  assert.equal(await cell(page, i, 'tier').textContent(), want.tier ? want.tier[lang] : '—', `tier of row ${i}`);
  assert.equal(await cell(page, i, 'abc').textContent(), want.abc ?? '—', `ABC of row ${i}`);
  assert.equal(await cell(page, i, 'cell').textContent(), want.cell ?? '—', `matrix cell of row ${i}`);
  assert.equal(await cell(page, i, 'letter').textContent(), want.letter ?? '—', `letter of row ${i}`);
  assert.equal(await cell(page, i, 'top').textContent(), want.top[lang], `top suggestion of row ${i}`);
}

test('the field list of the mapping panel comes from the crate; the page\'s text tables hold interface words only', async () => {
  const i18n = await import('../../www/i18n.js');
  assert.deepEqual(Object.keys(i18n), ['UI'], 'no field list in www/i18n.js');
  const keys = kam.fieldLabels().map((f) => f.code);
  assert.deepEqual(kam.mapHeaders(keys).map((m) => m.field), keys);
  const { page, clean } = await openPage('zh-CN');
  await page.click('#load-sample');
  await loadedTimes(page, 1);
  const options = await page.locator('#mapping select').first().locator('option').evaluateAll((os) => os.map((o) => o.value).filter(Boolean));
  assert.deepEqual(options, keys);
  await clean();
});

test('the GBK sample with its title row is one click away, scored as the crate scores it', async () => {
  const { page, clean } = await openPage('zh-CN');
  assert.equal(await page.textContent('h1'), '客户价值评分');
  await page.click('#load-sample');
  await loadedTimes(page, 1);
  const sheet = kam.Sheet.fromBytes(gbkBytes);
  assert.equal(sheet.rowCount, 300);
  assert.match(await page.textContent('#shown'), /300 \/ 300/);
  assert.match(await page.textContent('#source'), /gb18030/);
  assert.match(await page.textContent('#title-rows'), new RegExp(sheet.titleRows()[0].replace(/[()]/g, '.')));
  assert.equal(await page.locator('#header-row').inputValue(), String(sheet.headerRow));
  assert.ok(await page.locator('#grid tbody tr[data-row]').count() < 80, 'only the visible rows are rendered');
  for (const i of [0, 1, 5, 150, 299]) await checkRow(page, sheet, i);
  // Row 18 (index 17) has an unreadable purchase amount: marked with its reason, the row still scored.
  await scrollTo(page, 17);
  const bad = userCell(page, 17, 4);
  assert.match(await bad.getAttribute('class'), /bad/);
  const reason = sheet.errors().find((e) => e.text === '很多').zh;
  assert.match(await bad.getAttribute('title'), new RegExp(`很多.*${reason}`));
  await page.click('#grid tbody tr[data-row="17"] td[data-key="score"]');
  await page.waitForSelector('#detail:not([hidden])');
  assert.match(await page.textContent('#detail'), /很多/);
  await scrollTo(page, 0);
  await page.click('#grid tbody tr[data-row="0"] td[data-key="score"]');
  await page.waitForFunction(() => document.querySelector('#detail h2')?.textContent === '厦门金鼎纺织科技有限公司');
  const detail = await page.textContent('#detail');
  assert.match(detail, /得分构成/);
  assert.match(detail, /如何升到/);
  const sug = sheet.suggest(0, { tier: 'important', lang: 'zh-CN' });
  for (const a of sug.actions) assert.ok(detail.includes(a.zh), `the row panel lists "${a.zh}"`);
  assert.ok(detail.includes(sheet.scoreCard(0).nextTier.moves[0].text.zh));
  await page.screenshot({ path: `${shots}/sheet-zh.png` });
  await page.locator('#charts').screenshot({ path: `${shots}/charts-zh.png` });
  // Click the B1 cell of the matrix: the grid shows just those accounts.
  const want = Array.from({ length: sheet.rowCount }, (_, i) => sheet.suggest(i).cell).filter((c) => c === 'B1').length;
  const box = await page.locator('#chart-matrix').boundingBox();
  const w = box.width - 40;
  const h = box.height - 40;
  await page.mouse.click(box.x + 30 + 0.5 * w / 6, box.y + 10 + 1.5 * h / 3);
  await page.waitForFunction((n) => document.getElementById('shown').textContent.startsWith(`显示 ${n} `), want);
  const cells = await page.locator('#grid tbody td[data-key="cell"]').allTextContents();
  assert.ok(cells.length > 0 && cells.every((c) => c === 'B1'), cells.join());
  await page.click('#f-cell');
  await page.waitForFunction(() => document.getElementById('shown').textContent.startsWith('显示 300 '));
  // Sort by score, highest first.
  await page.click('#grid thead th[data-key="score"]');
  const { score } = sheet.scores();
  const best = Array.from(score).map((s, i) => [s, i]).filter(([s]) => !Number.isNaN(s)).sort((a, b) => b[0] - a[0] || a[1] - b[1])[0];
  await page.waitForFunction((i) => document.querySelector('#grid tbody tr[data-row]')?.dataset.row === String(i), best[1]);
  await clean();
});

test('an .xlsx with a merged title row: edit a cell, change a weight, export and re-read', async () => {
  const { page, clean } = await openPage('en-US');
  assert.equal(await page.textContent('h1'), 'Account value scoring');
  const xlsx = Buffer.from(kam.Sheet.fromBytes(gbkBytes).exportXlsx([], []));
  const sheet = kam.Sheet.fromBytes(xlsx);
  assert.deepEqual(sheet.titleRows(), ['2026年重点客户清单(销售部)']);
  await page.setInputFiles('#file', { name: 'accounts.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: xlsx });
  await loadedTimes(page, 1);
  assert.match(await page.textContent('#shown'), /300 \/ 300/);
  assert.match(await page.textContent('#title-rows'), /2026年重点客户清单/);
  for (const i of [0, 2, 42]) await checkRow(page, sheet, i, 'en');

  // Edit the annual purchase of row 2 (index 1): that row is scored again at once.
  await scrollTo(page, 1);
  const before = await cell(page, 1, 'score').textContent();
  await userCell(page, 1, 4).dblclick();
  await page.fill('#grid input.edit', '¥5000万');
  await page.press('#grid input.edit', 'Enter');
  sheet.setCell(1, 4, '¥5000万');
  const after = expected(sheet, 1);
  assert.notEqual(after.score, before);
  await page.waitForFunction((s) => document.querySelector('#grid tr[data-row="1"] td[data-key="score"]')?.textContent === s, after.score);
  assert.equal(await userCell(page, 1, 4).textContent(), '¥5000万');
  await checkRow(page, sheet, 1, 'en');

  // Change a weight: every score follows.
  const model = kam.presetModel('key_account');
  model.factors.find((f) => f.key === 'order_amount').weight = 50;
  await page.fill('#model input[data-factor="order_amount"]', '50');
  const moved = sheet.scores(model).score;
  await page.waitForFunction((s) => document.querySelector('#grid tr[data-row="1"] td[data-key="score"]')?.textContent === s, moved[1].toFixed(1));
  assert.equal(await cell(page, 1, 'score').textContent(), moved[1].toFixed(1));
  assert.equal(await cell(page, 2, 'score').textContent(), moved[2].toFixed(1));
  await page.click('#grid tbody tr[data-row="1"] td[data-key="score"]');
  await page.waitForSelector('#detail:not([hidden]) h2');
  await page.screenshot({ path: `${shots}/sheet-en-model.png` });

  // Export .xlsx and read it back with the crate: every row and original cell, plus the computed columns.
  const [download] = await Promise.all([page.waitForEvent('download'), page.click('#export-xlsx')]);
  assert.equal(download.suggestedFilename(), 'accounts-scored.xlsx');
  const back = kam.Sheet.fromBytes(readFileSync(await download.path()));
  assert.equal(back.rowCount, 300);
  const headers = back.headers();
  const width = sheet.headers().length;
  assert.deepEqual(headers.slice(0, width), sheet.headers());
  assert.deepEqual(headers.slice(width), ['Score', 'Tier', 'Next tier', 'Gap', 'How to reach it', 'Coverage', 'Problems', 'Problem codes', 'ABC class', 'Attractiveness letter', 'Matrix cell', 'Cell from', 'Lifecycle stage', 'Top suggestion', 'Pipeline grade']);
  assert.deepEqual(back.titleRows(), sheet.titleRows());
  assert.equal(back.cells(1)[4], '¥5000万');
  const notes = sheet.headers().indexOf('备注');
  assert.equal(back.cells(5)[notes], sheet.cells(5)[notes], 'a formula-like note comes back as the same text');
  assert.ok(Math.abs(back.cells(1)[width] - moved[1]) <= 0.05 + 1e-9, 'the score as shown, to one decimal');
  const tiers = sheet.scores(model).tier;
  assert.equal(back.cells(1)[width + 1], kam.valueTier({ 1: 10, 2: 50, 3: 70, 4: 90 }[tiers[1]]).en);
  // … and .csv (UTF-8 with a BOM).
  const [csvDownload] = await Promise.all([page.waitForEvent('download'), page.click('#export-csv')]);
  const csv = readFileSync(await csvDownload.path());
  assert.deepEqual([...csv.subarray(0, 3)], [0xef, 0xbb, 0xbf]);
  const csvBack = kam.Sheet.fromBytes(csv);
  assert.equal(csvBack.rowCount, 300);
  assert.equal(csvBack.headers().length, width + 15);
  await clean();
});

test('a pasted range (tab-separated), and the language switch', async () => {
  const { page, clean } = await openPage('zh-CN');
  const headers = Object.keys(sampleRows[0]);
  const tsv = [headers, ...sampleRows.map((r) => headers.map((h) => r[h]))].map((r) => r.join('\t')).join('\n');
  const sheet = kam.Sheet.fromText(tsv);
  await page.click('#paste');
  await page.fill('#paste-text', tsv);
  await page.click('#paste-load');
  await loadedTimes(page, 1);
  assert.match(await page.textContent('#shown'), /300 \/ 300/);
  for (const i of [3, 17, 200]) await checkRow(page, sheet, i);
  await page.click('#lang');
  assert.equal(await page.textContent('h1'), 'Account value scoring');
  assert.equal(await page.textContent('#grid thead th[data-key="score"]'), 'Score');
  await checkRow(page, sheet, 200, 'en');
  await page.click('#lang');
  assert.equal(await page.textContent('h1'), '客户价值评分');
  await checkRow(page, sheet, 3, 'zh');
  await clean();
});

test('a list with bad cells: each one marked with its reason, the others scored, nothing dropped', async () => {
  const { page, clean } = await openPage('zh-CN');
  const csv = [
    '客户名称,年采购额,毛利率,最近下单日期,信用等级,吸引力,关系状态,已签合同,答复,备注,增长率,订单数,合作年限',
    '甲公司,¥120万,23%,2026-03-15,A,A,2,是,,,10%,12,3',
    '乙公司,很多,18%,2026/3/1,B,B,3,,,,5%,8,2',
    '丙公司,80万,20-25%,上周,B,C,1,否,,=1+1,-3%,4,1',
    '丁公司,--5,30%,2026年1月5日,A,X,2,,,,12%,20,6',
    '戊公司,300万,"1,5",2026-02-01,C,B,9,,maybe,,0%,6,4',
    '己公司,50万,15%,2026-01-20,B,B,4,,,,8%,5,2',
  ].join('\n');
  const bytes = Buffer.from(`\ufeff${csv}`, 'utf8');
  const sheet = kam.Sheet.fromBytes(bytes);
  const errors = sheet.errors();
  assert.ok(errors.length >= 4);
  await page.setInputFiles('#file', { name: 'bad.csv', mimeType: 'text/csv', buffer: bytes });
  await loadedTimes(page, 1);
  const headers = sheet.headers();
  for (const e of errors) {
    const i = Array.from({ length: sheet.rowCount }, (_, k) => sheet.lineNumber(k)).indexOf(e.row);
    const j = headers.indexOf(e.column);
    const td = userCell(page, i, j);
    assert.match(await td.getAttribute('class'), /bad/, `${e.column} of row ${e.row}`);
    assert.ok((await td.getAttribute('title')).includes(e.zh), `reason of ${e.column} of row ${e.row}, in the page's language`);
    assert.equal(await td.getAttribute('data-reason'), e.reason);
  }
  assert.equal(await page.textContent('[data-stat="bad"] b'), String(errors.length));
  // The matrix cell and the pipeline grade say why they cannot be given.
  assert.match(await cell(page, 3, 'cell').getAttribute('title'), /X/);
  assert.match(await cell(page, 4, 'pipe').getAttribute('title'), /maybe/);
  assert.equal(await cell(page, 0, 'pipe').textContent(), `${kam.pipelineGrade({ contract_signed: '是' }).code} ${kam.pipelineGrade({ contract_signed: '是' }).zh}`);
  for (let i = 0; i < sheet.rowCount; i++) await checkRow(page, sheet, i);
  // Bad cells do not stop a row being scored from what is readable.
  assert.ok(Array.from(sheet.scores().score).every((s) => !Number.isNaN(s)));
  await page.check('#f-bad');
  await page.waitForFunction(() => document.getElementById('shown').textContent.startsWith('显示 4 '));
  await page.uncheck('#f-bad');
  await page.click('#grid tbody tr[data-row="2"] td[data-key="score"]');
  await page.waitForSelector('#detail:not([hidden]) h2');
  // 20-25% is read as its midpoint and said so in the row panel (MODEL §1.1).
  assert.match(await page.textContent('#detail'), /20-25%" — 区间取中值/);
  await page.screenshot({ path: `${shots}/bad-cells.png` });
  // No English reaches the zh-CN row panel (issue 13): what is left after the user's own
  // quoted cells and a few names (VIP, ABC, file formats) holds no Latin word.
  const panel = (await page.textContent('#detail')).replace(/"[^"]*"/g, '');
  const words = panel.replace(/VIP|ABC|CSV|XLSX|Excel/g, '').match(/[A-Za-z]{2,}/g);
  assert.equal(words, null, `English in the zh-CN row panel: ${words}`);
  const [download] = await Promise.all([page.waitForEvent('download'), page.click('#export-csv')]);
  const back = kam.Sheet.fromBytes(readFileSync(await download.path()));
  assert.equal(back.rowCount, sheet.rowCount);
  for (let i = 0; i < sheet.rowCount; i++) {
    const row = back.cells(i).slice(0, headers.length).map((v) => (v === null ? '' : String(v)));
    const want = sheet.cells(i).map((v) => (v === null ? '' : String(v)));
    // The CSV guards text that a spreadsheet would run as a formula (=, +, -, @) with a leading '.
    assert.deepEqual(row.map((v, j) => (/^[=+\-@]/.test(want[j]) && v === `'${want[j]}` ? want[j] : v)), want, `row ${i} comes back unchanged`);
  }
  await clean();
});

test('a large list is read in the worker with a progress bar; the grid stays virtual', async () => {
  const { page, clean } = await openPage('en-US');
  const lines = gbkBytes.toString('latin1').split('\n');
  const head = lines.slice(0, 2);
  const body = lines.slice(2).filter((l) => l.trim());
  const rows = [];
  for (let k = 0; k < 20000; k++) rows.push(body[k % body.length]);
  const big = Buffer.from([...head, ...rows].join('\n'), 'latin1');
  const progressSeen = page.waitForSelector('#progress:not([hidden])', { timeout: 20000 });
  await page.setInputFiles('#file', { name: 'big.csv', mimeType: 'text/csv', buffer: big });
  await progressSeen;
  // The page's own thread answers while the worker reads.
  assert.equal(typeof await page.evaluate(() => document.title), 'string');
  await loadedTimes(page, 1);
  assert.match(await page.textContent('#shown'), /20,000 \/ 20,000/);
  assert.ok(await page.locator('#grid tbody tr[data-row]').count() < 80);
  await scrollTo(page, 19999);
  const sheet = kam.Sheet.fromBytes(gbkBytes);
  assert.equal(await cell(page, 19999, 'score').textContent(), expected(sheet, 19999 % 300).score);
  await page.waitForSelector('#progress[hidden]', { state: 'attached', timeout: 30000 });
  await clean();
});

test('a list with figures only: every account gets a matrix cell, estimated and marked; the list notices are shown once', async () => {
  const { page, clean } = await openPage('zh-CN');
  // 300 accounts as a figures-only list keeps them: no rating, no status, no contact columns.
  let seed = 7;
  const rand = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
  const lines = ['客户名称,年采购额,毛利率,增长率,我方份额,采购次数,合作年限,最近下单日期,投诉次数'];
  for (let i = 0; i < 300; i++) {
    const amount = Math.round(10 ** (4 + rand() * 4));
    const day = new Date(Date.UTC(2026, 10, 1) - Math.floor(rand() * 400) * 86_400_000).toISOString().slice(0, 10);
    lines.push([`客户${i}`, `${amount}元`, `${Math.round(rand() * 40)}%`, `${Math.round(rand() * 60 - 25)}%`, `${Math.round(rand() * 90)}%`,
      `${1 + Math.floor(rand() * 30)}次`, i % 9 === 0 ? '' : `${Math.floor(rand() * 8)}年`, day, `${Math.floor(rand() * 5)}`].join(','));
  }
  const bytes = Buffer.from(`\ufeff${lines.join('\n')}`, 'utf8');
  await page.setInputFiles('#file', { name: 'figures.csv', mimeType: 'text/csv', buffer: bytes });
  await loadedTimes(page, 1);
  // The matrix fills when every row's strategy is worked out.
  await page.waitForFunction(() => Number(document.getElementById('chart-matrix').dataset.rows) >= 285, null, { timeout: 20_000 });
  assert.ok(Number(await page.getAttribute('#chart-matrix', 'data-cells')) >= 12, 'at least 12 of the 18 cells used');
  const notices = await page.locator('#notices li').evaluateAll((els) => els.map((e) => e.dataset.code));
  assert.ok(notices.length >= 2, `notices: ${notices}`);
  const text = await page.textContent('#notices');
  assert.equal(text.replace(/VIP|ABC/g, '').match(/[A-Za-z]{2,}/g), null, `English in the zh-CN notices: ${text}`);
  // A cell estimated from the figures is marked as such, and the row panel gives its evidence.
  const first = cell(page, 0, 'cell');
  assert.match(await first.getAttribute('class'), /estimated/);
  await first.click();
  await page.waitForSelector('#detail:not([hidden]) ul.basis');
  assert.match(await page.textContent('#detail ul.basis'), /按数据估计/);
  await page.screenshot({ path: `${shots}/figures-only-matrix.png`, fullPage: true });
  await clean();
});

test('reopening a 20,000-row list five times: the module\'s memory stays within 10 % of one opening', async () => {
  const { page, clean } = await openPage('zh-CN');
  const body = sampleRows.slice(0, 100).map((r) => Object.values(r).map((v) => `"${String(v ?? '').replace(/"/g, '""')}"`).join(','));
  const rows = [];
  for (let k = 0; k < 20_000; k++) rows.push(body[k % body.length]);
  const bytes = Buffer.from(`\ufeff${[Object.keys(sampleRows[0]).join(','), ...rows].join('\n')}`, 'utf8');
  const sizes = [];
  for (let n = 1; n <= 5; n++) {
    await page.setInputFiles('#file', { name: `big-${n}.csv`, mimeType: 'text/csv', buffer: bytes });
    await loadedTimes(page, n);
    sizes.push(Number(await page.getAttribute('body', 'data-wasm-bytes')));
  }
  assert.ok(sizes[0] > 0, `memory reported: ${sizes}`);
  assert.ok(sizes[4] <= sizes[0] * 1.1, `memory after one and five openings: ${sizes.map((b) => `${(b / 2 ** 20).toFixed(0)} MiB`).join(', ')}`);
  await clean();
});

test('a model file that does not validate is refused, the model is kept, the problems are listed in the page language', async () => {
  const { page, clean } = await openPage('zh-CN');
  await page.setInputFiles('#file', { name: 'accounts-gbk.csv', mimeType: 'text/csv', buffer: gbkBytes });
  await loadedTimes(page, 1);
  await scrollTo(page, 0);
  const score = await cell(page, 0, 'score').textContent();
  const weights = () => page.$$eval('#model input[data-factor]', (xs) => xs.map((x) => `${x.dataset.factor}=${x.value}`));
  const before = await weights();
  const problems = () => page.$$eval('#model-problems p', (ps) => ps.map((p) => ({ code: p.dataset.code ?? '', text: p.textContent })));
  const load = async (name, text) => {
    await page.setInputFiles('#model-file', { name, mimeType: 'application/json', buffer: Buffer.from(text) });
  };

  // A file holding null: refused in Chinese, the panel and the scores stay as they were.
  await load('null.json', 'null');
  await page.waitForSelector('#model-problems p.small');
  assert.deepEqual(await problems(), [
    { code: '', text: '未载入模型文件 null.json，仍使用原来的模型。问题如下：' },
    { code: 'not_an_object', text: '模型文件必须是一个 JSON 对象，现为空值' },
  ]);
  assert.equal(await page.inputValue('#preset'), 'key_account');
  assert.deepEqual(await weights(), before);
  assert.equal(await cell(page, 0, 'score').textContent(), score);

  // Two problems at once: weights whose sum is Infinity and map keys that fold to one key.
  const doc = kam.presetModel('key_account');
  doc.factors[0].weight = 1e308;
  doc.factors[1].weight = 1e308;
  const credit = doc.factors.find((f) => f.key === 'credit');
  credit.inputs[0].transform.values = { A: 100, ａ: 90 };
  await load('huge.json', JSON.stringify(doc));
  await page.waitForFunction(() => document.querySelector('#model-problems p')?.textContent.includes('huge.json'));
  const listed = await problems();
  assert.deepEqual(listed.slice(1).map((p) => p.code), ['map_keys_collide', 'weights_not_finite']);
  assert.match(listed[1].text, /“A”与“ａ”/);
  assert.match(listed[2].text, /权重之和太大/);
  assert.equal(await page.inputValue('#preset'), 'key_account');
  assert.equal(await cell(page, 0, 'score').textContent(), score);

  // Broken JSON: the line and column, in Chinese.
  await load('broken.json', '{"name": "x",\n "factors": [}');
  await page.waitForFunction(() => document.querySelector('#model-problems p')?.textContent.includes('broken.json'));
  assert.match((await problems())[1].text, /^不是有效的 JSON（第 2 行第 \d+ 列附近）/);

  // A valid file is taken, and the problems go.
  await load('rfm.json', JSON.stringify(kam.presetModel('rfm')));
  await page.waitForFunction(() => document.getElementById('preset')?.value === 'rfm');
  assert.deepEqual(await problems(), []);
  await clean();
});

test('a refused model file is explained in English on the English page', async () => {
  const { page, clean } = await openPage('en-US');
  await page.setInputFiles('#model-file', { name: 'list.json', mimeType: 'application/json', buffer: Buffer.from('[1, 2]') });
  await page.waitForSelector('#model-problems p.small');
  const texts = await page.$$eval('#model-problems p', (ps) => ps.map((p) => p.textContent));
  assert.deepEqual(texts, [
    'The model file list.json was not loaded; the model stays as it was. Its problems:',
    'a model document must be a JSON object, found a list',
  ]);
  assert.equal(await page.inputValue('#preset'), 'key_account');
  await clean();
});

test('no English reaches the zh-CN page: every panel of a loaded list, in Chinese', async () => {
  const { page, clean } = await openPage('zh-CN');
  await page.click('#load-sample');
  await loadedTimes(page, 1);
  await page.waitForFunction(() => Number(document.getElementById('chart-matrix').dataset.rows) > 0);
  await page.click('#grid tbody tr[data-row="17"] td[data-key="score"]');
  await page.waitForSelector('#detail:not([hidden]) h2');
  // The page's own words: everything but the user's cells (the grid's data cells, quoted cell
  // texts, the file's name and headers) and a few names that are no English (formats, VIP, ABC).
  const text = await page.evaluate(() => {
    const root = document.body.cloneNode(true);
    // The grid's rows hold the user's cells and codes (A/B/C, A1 … C6); their texts are checked
    // below, cell by cell. A detached copy has no layout, so its text joins cells without spaces.
    const own = [...document.querySelectorAll('#grid tbody td[data-key="tier"], #grid tbody td[data-key="top"]')].map((td) => td.textContent);
    root.querySelectorAll('#grid tbody, #mapping td:first-child, script, style, #lang, #paste-dialog, [hidden]').forEach((e) => e.remove());
    return `${root.textContent} ${own.join(' ')}`;
  });
  const names = /VIP|ABC|RFM|CSV|XLSX|xlsx|csv|JSON|Excel|WebAssembly|gb18030|utf8_bom|utf8|GBK|accounts-gbk|BG\/NBD|Gamma-Gamma|CLV|Esc/g;
  const words = text.replace(/"[^"]*"|“[^”]*”/g, '').replace(names, '').match(/[A-Za-z]{2,}/g);
  assert.equal(words, null, `English on the zh-CN page: ${[...new Set(words ?? [])].join(', ')}`);
  await clean();
});
