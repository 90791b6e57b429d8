// End-to-end: limits in the page. A 200 MB file is refused from its size with a clear message
// before any of it is read; a list over the row limit and a zip bomb are refused by the crate
// in the worker; after each the tab is alive and reads the next file.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { closeSync, mkdtempSync, openSync, readFileSync, rmSync, writeFileSync, ftruncateSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startPage } from './harness.mjs';

let origin;
let stopPage;
const small = Buffer.from('\ufeff客户名称,年采购额(万元),毛利率\r\n甲公司,120,23%\r\n乙公司,80,18%\r\n', 'utf8');
let browser;
let dir;

before(async () => {
  dir = mkdtempSync(join(tmpdir(), 'kam-limits-'));
  ({ origin, browser, stop: stopPage } = await startPage());
});

after(async () => {
  await stopPage?.();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

async function openPage() {
  const context = await browser.newContext({ locale: 'en-US', viewport: { width: 1400, height: 900 } });
  const page = await context.newPage();
  const errors = [];
  let crashed = false;
  page.on('console', (msg) => { if (msg.type() === 'error') errors.push(msg.text()); });
  page.on('pageerror', (err) => errors.push(String(err)));
  page.on('crash', () => { crashed = true; });
  await page.goto(`${origin}/index.html`);
  await page.waitForSelector('body[data-ready="true"]');
  /** The tab is alive and still reads a good file. */
  const stillWorks = async (loadsBefore) => {
    assert.equal(crashed, false, 'the tab did not crash');
    await page.setInputFiles('#file', { name: 'small.csv', mimeType: 'text/csv', buffer: small });
    await page.waitForFunction((k) => document.body.dataset.loaded === String(k), loadsBefore + 1, { timeout: 30000 });
    assert.match(await page.textContent('#shown'), /2 \/ 2/);
    assert.equal(await page.locator('#message').isHidden(), true);
    assert.deepEqual(errors, [], 'no console error');
    await context.close();
  };
  return { page, stillWorks };
}

test('a 200 MB file is refused from its size, before it is read', async () => {
  const { page, stillWorks } = await openPage();
  // A sparse file: 200 MB on paper, no disk or memory used to make it.
  const path = join(dir, 'huge-200mb.csv');
  const fd = openSync(path, 'w');
  ftruncateSync(fd, 200 * 1024 * 1024);
  closeSync(fd);
  const heapBefore = await page.evaluate(() => performance.memory?.usedJSHeapSize ?? 0);
  await page.setInputFiles('#file', path);
  await page.waitForSelector('#message:not([hidden])', { timeout: 10000 });
  const message = await page.textContent('#message');
  assert.match(message, /too large \(200\.0 MB\); the limit is 100\.0 MB/, message);
  assert.equal(await page.locator('#progress').isHidden(), true, 'no progress bar left running');
  const heapAfter = await page.evaluate(() => performance.memory?.usedJSHeapSize ?? 0);
  assert.ok(heapAfter - heapBefore < 50 * 1024 * 1024, 'the file was not read into memory');
  assert.equal(await page.locator('#export-csv').isDisabled(), true, 'nothing was loaded');
  await stillWorks(0);
});

test('a list over the row limit is refused by the crate in the worker, with the limit named', async () => {
  const { page, stillWorks } = await openPage();
  const path = join(dir, 'rows.csv');
  // 1,000,001 rows of one short cell: 2 MB, one row more than the default limit.
  writeFileSync(path, `客户名称\n${'x\n'.repeat(1_000_000)}`);
  await page.setInputFiles('#file', path);
  await page.waitForSelector('#message:not([hidden])', { timeout: 60000 });
  assert.match(await page.textContent('#message'), /more than 1000000 rows/);
  await stillWorks(0);
});

test('a zip bomb (1 MB that inflates to 1.1 GiB) is refused, not inflated', async () => {
  const { page, stillWorks } = await openPage();
  const bomb = readFileSync(new URL('../bad_inputs/zip_bomb_sheet_1gib.xlsx', import.meta.url));
  await page.setInputFiles('#file', { name: 'bomb.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: bomb });
  await page.waitForSelector('#message:not([hidden])', { timeout: 60000 });
  assert.match(await page.textContent('#message'), /unpacks to 1153435588 bytes, more than the limit/);
  await stillWorks(0);
});

test('a 99 MB CSV of one-character cells is refused by the memory budget, and the tab reads the next file', async () => {
  const { page, stillWorks } = await openPage();
  const path = join(dir, 'cells-99mb.csv');
  // 50 million one-character cells: inside the size, row and cell limits, several GiB as cells.
  const line = `${'a,'.repeat(4999)}a\n`;
  writeFileSync(path, line.repeat(Math.floor(99e6 / line.length)));
  await page.setInputFiles('#file', path);
  await page.waitForSelector('#message:not([hidden])', { timeout: 120000 });
  assert.match(await page.textContent('#message'), /memory/);
  await stillWorks(0);
});
