// End-to-end: the history tabs of the page in headless Chromium. Two snapshots of an account
// list, generated here the way a zh-CN Excel export looks (Chinese headers, units in cells),
// with a known number of accounts moving up, down, staying, appearing and disappearing; and a
// deal list with won and lost deals for the learned win probability.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { mkdirSync } from 'node:fs';
import { startPage } from './harness.mjs';

const require = createRequire(import.meta.url);
const kam = require('../../pkg/node/kam_score.js');
const shots = new URL('./screenshots/', import.meta.url).pathname;
let origin;
let browser;
let stopPage;

before(async () => {
  mkdirSync(shots, { recursive: true });
  ({ origin, browser, stop: stopPage } = await startPage());
});
after(async () => { await stopPage?.(); });

const HEADERS = ['客户编号', '客户名称', '行业', '年采购额', '毛利率', '信用等级', '增长率', '采购次数', '投诉次数'];
/** A strong account (every factor near the top of the key-account model) and a weak one. */
const STRONG = (k) => ['制造', `¥${5000 + k}万`, '38%', 'AAA', '30%', '24次', '0次'];
const WEAK = (k) => ['零售', `${1.2 + k / 10}万元`, '2%', 'D', '-20%', '1次', '9次'];
const csv = (rows) => `\ufeff${[HEADERS, ...rows].map((r) => r.map((c) => (/[",]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c)).join(',')).join('\r\n')}\r\n`;
const account = (n, cells) => [`KH${String(n).padStart(4, '0')}`, `测试客户${n}有限公司`, ...cells];

// Built in: 3 up (weak → strong), 2 down (strong → weak), 4 same (strong both times, the
// purchase a little different), 5 new (only now), 1 gone (only before).
const WANT = { up: 3, down: 2, same: 4, new: 5, gone: 1 };
function snapshots() {
  const before = [];
  const now = [];
  let n = 1;
  for (let k = 0; k < WANT.up; k++, n++) { before.push(account(n, WEAK(k))); now.push(account(n, STRONG(k))); }
  for (let k = 0; k < WANT.down; k++, n++) { before.push(account(n, STRONG(k))); now.push(account(n, WEAK(k))); }
  for (let k = 0; k < WANT.same; k++, n++) { before.push(account(n, STRONG(k))); now.push(account(n, STRONG(k + 100))); }
  for (let k = 0; k < WANT.new; k++, n++) now.push(account(n, STRONG(k)));
  for (let k = 0; k < WANT.gone; k++, n++) before.push(account(n, WEAK(k)));
  return { before: csv(before), now: csv(now) };
}

/** A seeded generator (mulberry32), so the deal list is the same on every run. */
function rng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let x = Math.imul(a ^ (a >>> 15), a | 1);
    x ^= x + Math.imul(x ^ (x >>> 7), x | 61);
    return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
  };
}

// 400 closed deals over 2025 whose win depends on the industry and the grade reached (A21 or
// A08), and 30 open deals (no outcome yet) with a value.
const DEAL_HEADERS = ['客户编号', '客户名称', '行业', '区域', '商机金额', '有线索资料', '五项关键信息', '目标行业', '规模达标', '结单日期', '成交结果'];
function deals() {
  const r = rng(19);
  const industries = [['制造', 1.2], ['医药', 0.3], ['零售', -0.8], ['物流', -1.2]];
  const regions = ['华东', '华南', '华北', '西南'];
  const rows = [];
  for (let i = 0; i < 430; i++) {
    const [industry, effect] = industries[Math.floor(r() * 4)];
    const advanced = r() < 0.5;
    const logit = -0.3 + effect + (advanced ? 1.0 : -0.5);
    const won = r() < 1 / (1 + Math.exp(-logit));
    const day = new Date(Date.UTC(2025, 0, 1) + Math.floor((i % 400) * 0.9) * 86_400_000).toISOString().slice(0, 10);
    const open = i >= 400;
    rows.push([`SJ${String(i + 1).padStart(4, '0')}`, `商机客户${i + 1}`, industry, regions[Math.floor(r() * 4)], `${(5 + Math.floor(r() * 95))}万元`,
      '是', advanced ? '是' : '否', advanced ? '是' : '否', advanced ? '是' : '否', open ? '' : day, open ? '' : (won ? '赢单' : '丢单')]);
  }
  return `\ufeff${[DEAL_HEADERS, ...rows].map((x) => x.join(',')).join('\r\n')}\r\n`;
}

async function openPage() {
  const context = await browser.newContext({ locale: 'zh-CN', viewport: { width: 1400, height: 900 } });
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

test('the fixture: strong and weak accounts land in different tiers (else no status could move)', () => {
  const scored = kam.Sheet.fromText(csv([account(1, STRONG(0)), account(2, WEAK(0))]), {}).scores('key_account');
  assert.notEqual(scored.tier[0], scored.tier[1]);
});

test('comparison: the counts built into the two snapshots, the filter, the reasons, the export', async () => {
  const { page, clean } = await openPage();
  const { before: earlier, now } = snapshots();
  await page.setInputFiles('#file', { name: '客户清单-本期.csv', mimeType: 'text/csv', buffer: Buffer.from(now) });
  await page.waitForFunction(() => document.body.dataset.loaded === '1');
  await page.click('#tab-compare');
  await page.setInputFiles('#cmp-file', { name: '客户清单-上期.csv', mimeType: 'text/csv', buffer: Buffer.from(earlier) });
  await page.waitForFunction(() => document.body.dataset.compared === '1');
  for (const [status, n] of Object.entries(WANT)) {
    assert.equal(await page.locator(`#cmp-summary [data-status="${status}"]`).getAttribute('data-count'), String(n), status);
    assert.equal(await page.locator(`#cmp-table tbody tr[data-status="${status}"]`).count(), n, `${status} rows`);
  }
  assert.equal(await page.locator('#cmp-summary [data-status="up"]').textContent(), '↑ 上升 3');
  await page.screenshot({ path: `${shots}/compare-zh.png` });
  // The filter by status: only the accounts that went down.
  await page.selectOption('#cmp-status', 'down');
  assert.equal(await page.locator('#cmp-table tbody tr').count(), WANT.down);
  assert.equal(await page.locator('#cmp-shown').textContent(), `显示 ${WANT.down}`);
  // The reasons of one account: the factors whose points moved, the order amount among them.
  await page.click('#cmp-table tbody tr[data-key="KH0004"]');
  const reasons = await page.locator('#cmp-reasons li').allTextContents();
  assert.ok(reasons.length >= 3, reasons.join(' | '));
  assert.ok(reasons.some((r) => r.startsWith('下单金额 ') && /→/.test(r)), reasons.join(' | '));
  await page.screenshot({ path: `${shots}/compare-reasons-zh.png` });
  // The export: this list with the comparison beside each row.
  const download = page.waitForEvent('download');
  await page.click('#cmp-export-csv');
  const file = await download;
  const { readFile } = await import('node:fs/promises');
  const text = (await readFile(await file.path())).toString('utf8');
  const lines = text.replace(/^\ufeff/, '').trim().split(/\r?\n/);
  const head = lines[0].split(',');
  const col = head.indexOf('对比状态');
  assert.ok(col > 0, lines[0]);
  const statuses = lines.slice(1).map((l) => l.split(',')[col]);
  assert.deepEqual(statuses.filter((s) => s === '上升').length, WANT.up);
  assert.deepEqual(statuses.filter((s) => s === '下降').length, WANT.down);
  assert.deepEqual(statuses.filter((s) => s === '新增').length, WANT.new);
  await clean();
});

test('pipeline: the learned probability per deal, the holdout AUC, the weighted pipeline both ways', async () => {
  const { page, clean } = await openPage();
  const text = deals();
  await page.setInputFiles('#file', { name: '商机清单.csv', mimeType: 'text/csv', buffer: Buffer.from(text) });
  await page.waitForFunction(() => document.body.dataset.loaded === '1');
  await page.click('#tab-pipeline');
  await page.click('#pl-fit');
  await page.waitForFunction(() => document.body.dataset.pipelined === '1');
  // The crate's own holdout on the same cells (pkg/node): the page shows its AUC.
  const sheet = kam.Sheet.fromText(text, {});
  const h = kam.winHoldout(sheet);
  assert.ok(h.learned.auc > 0.6, `the generated deals can be learned: ${h.learned.auc}`);
  assert.equal(await page.locator('#pl-eval tr[data-k="plHoldoutAuc"] td').textContent(), h.learned.auc.toFixed(3));
  assert.equal(await page.locator('#pl-eval tr[data-k="plGradesAuc"] td').textContent(), h.grades.auc.toFixed(3));
  assert.equal(await page.locator('#pl-table thead th').nth(4).textContent(), '学习概率');
  const learned = await page.locator('#pl-table td.learned').allTextContents();
  assert.equal(learned.length, 430);
  assert.ok(learned.every((v) => /^\d{1,3}\.\d%$/.test(v)), learned.slice(0, 5).join(' '));
  // The weighted pipeline of the 30 open deals, by the grades and by the learned model.
  const w = kam.learnedPipeline(sheet, kam.fitWinModel(sheet));
  assert.equal(w.counted, 30);
  assert.equal(w.closed, 400);
  const money = (v) => v.toLocaleString('zh-CN', { maximumFractionDigits: 0 });
  assert.equal(await page.locator('#pl-eval tr[data-k="plWeightedLearned"] td').textContent(), money(w.learnedWeighted));
  assert.equal(await page.locator('#pl-eval tr[data-k="plWeightedGrades"] td').textContent(), money(w.gradeWeighted));
  assert.equal(await page.locator('#pl-cal tbody tr').count(), h.learned.calibration.length);
  await page.screenshot({ path: `${shots}/pipeline-zh.png`, fullPage: true });
  await clean();
});
