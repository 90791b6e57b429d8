// Shared set-up for the end-to-end tests: the page served the way the README's serve command
// serves it (scripts/serve.py, on a free loopback port) and Debian's Chromium driven by
// playwright-core, started with the flags this machine's closed network needs.
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { chromium } from 'playwright-core';

const root = new URL('../../', import.meta.url).pathname;

function freePort() {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.on('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address();
      probe.close(() => resolve(port));
    });
  });
}

/** Serves www/ and launches Chromium: `{origin, browser, stop}`. */
export async function startPage() {
  const port = await freePort();
  const origin = `http://127.0.0.1:${port}`;
  const server = spawn('python3', ['scripts/serve.py', '--port', String(port), '--dir', 'www'], { cwd: root, stdio: 'ignore' });
  let up = false;
  for (let i = 0; i < 100 && !up; i++) {
    try { up = (await fetch(`${origin}/index.html`)).ok; } catch { /* not up yet */ }
    if (!up) await new Promise((r) => setTimeout(r, 100));
  }
  if (!up) {
    server.kill();
    throw new Error('the page server did not start');
  }
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  const stop = async () => {
    await browser.close();
    server.kill();
  };
  return { origin, browser, stop };
}
