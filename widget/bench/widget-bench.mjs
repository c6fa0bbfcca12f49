#!/usr/bin/env node
/**
 * Widget bench (part of `npm run bench`): prints figures, asserts nothing.
 *
 * 1. Bytes: everything the script tag loads before the first view is on screen (the loader,
 *    `core.js` and its chunks, as requested by a real page), raw, gzip -9 and brotli -q11.
 *    Target: ≤ 40 KB gzip.
 * 2. Time: from the moment the browser starts fetching `/widget.js` to the home view drawn
 *    with the learner's data (`is-ready`), in headless Chromium on loopback, cold cache, for a
 *    guest who confirmed their age on an earlier visit (the demo tenant asks on first use);
 *    median of 10. Target: ≤ 300 ms. The same for a first visit, to the age confirmation drawn.
 *
 * It starts the built server (`server/dist/main.js`, demo tenant, temp data dir) and opens its
 * demo page, so run `npm run build` first. `--url http://host:port` uses a running server
 * instead (its `/` must be the demo page).
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const DIST = join(ROOT, 'widget', 'dist');
const RUNS = Number(process.env.WIDGET_BENCH_RUNS ?? 10);
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'];
const TARGET_GZIP_KB = 40;
const TARGET_MS = 300;

function freePort() {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address();
      probe.close(() => resolve(port));
    });
  });
}

async function startServer() {
  const port = await freePort();
  const dataDir = mkdtempSync(join(tmpdir(), 'is-widget-bench-'));
  const url = `http://127.0.0.1:${port}`;
  const child = spawn(process.execPath, [join(ROOT, 'server', 'dist', 'main.js')], {
    cwd: ROOT,
    env: { ...process.env, NODE_ENV: 'development', HOST: '127.0.0.1', PORT: String(port), PUBLIC_URL: url, DATA_DIR: dataDir, LOG_LEVEL: 'warn', SEED_DEMO_TENANT: 'true' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  await new Promise((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (chunk) => {
      out += chunk;
      if (out.includes('Interview Studio is running')) resolve();
    });
    child.once('exit', (code) => reject(new Error(`server exited (${code}) before it was ready:\n${out}`)));
  });
  return {
    url,
    stop: async () => {
      child.kill('SIGTERM');
      await new Promise((resolve) => child.once('exit', resolve));
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;

/** The built file a widget URL serves, or null for other URLs. */
function distFile(url) {
  const { pathname } = new URL(url);
  if (pathname === '/widget.js') return join(DIST, 'widget.js');
  const match = /^\/widget\/([\w.-]+\.js)$/.exec(pathname);
  return match ? join(DIST, 'embed', match[1]) : null;
}

/** A browser profile whose guest has confirmed their age (so the demo page opens on home). */
async function returningGuest(browser, url) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(url);
  await page.locator('interview-studio [part~="age-gate"] [part~="button-primary"]').click();
  await page.locator('interview-studio').getByRole('heading', { name: 'Readiness score' }).waitFor();
  const state = await context.storageState();
  await context.close();
  return state;
}

async function measureOnce(browser, url, storageState = undefined, expected = 'home') {
  const context = await browser.newContext(storageState ? { storageState } : {});
  const page = await context.newPage();
  await page.addInitScript(() => {
    window.__benchReady = new Promise((resolve) =>
      document.addEventListener('is-ready', (event) => resolve({ at: performance.now(), view: event.detail.view }), { once: true }),
    );
  });
  await page.goto(url);
  const { at, view } = await page.evaluate(() => window.__benchReady);
  // What the page had asked for by the time the home view was drawn (resource timing, in-page clock).
  const resources = await page.evaluate((readyAt) => performance.getEntriesByType('resource').filter((e) => e.startTime <= readyAt).map((e) => ({ name: e.name, startTime: e.startTime })), at);
  const start = resources.find((e) => new URL(e.name).pathname === '/widget.js')?.startTime ?? null;
  const requested = new Set(resources.map((e) => e.name.replace(/\?.*$/, '')).filter((name) => distFile(name)));
  await context.close();
  if (view !== expected) throw new Error(`expected the ${expected} view first, got ${view}`);
  if (start === null) throw new Error('the page did not load /widget.js');
  return { ms: at - start, files: [...requested] };
}

async function main() {
  const given = process.argv.indexOf('--url');
  const server = given > 0 ? { url: process.argv[given + 1].replace(/\/$/, ''), stop: async () => undefined } : await startServer();
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS, headless: true });
  try {
    const probe = await fetch(`${server.url}/widget.js`);
    if (!probe.ok) throw new Error(`${server.url}/widget.js answered ${probe.status}: is registerWidgetAssets wired into the server, and the widget built?`);
    // One warm-up run (server JIT, SQLite pages), then the measured runs.
    await measureOnce(browser, `${server.url}/`, undefined, 'age');
    const returning = await returningGuest(browser, `${server.url}/`);
    const runs = [];
    for (let i = 0; i < RUNS; i++) runs.push(await measureOnce(browser, `${server.url}/`, returning));
    const firstVisits = [];
    for (let i = 0; i < RUNS; i++) firstVisits.push(await measureOnce(browser, `${server.url}/`, undefined, 'age'));

    const files = [...new Set(runs.flatMap((r) => r.files))];
    let raw = 0;
    let gzip = 0;
    let brotli = 0;
    const rows = files.map((url) => {
      const body = readFileSync(distFile(url));
      const g = gzipSync(body, { level: 9 }).length;
      const b = brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
      raw += body.length;
      gzip += g;
      brotli += b;
      return `    ${new URL(url).pathname.padEnd(34)} ${kb(body.length).padStart(9)} ${kb(g).padStart(9)} ${kb(b).padStart(9)}`;
    });
    const stats = (list) => {
      const times = list.map((r) => r.ms).sort((a, b) => a - b);
      const median = times.length % 2 ? times[(times.length - 1) / 2] : (times[times.length / 2 - 1] + times[times.length / 2]) / 2;
      return `median ${median.toFixed(0)} ms over ${RUNS} cold loads (min ${times[0].toFixed(0)}, max ${times[times.length - 1].toFixed(0)}; target ≤ ${TARGET_MS} ms)`;
    };
    const firstVisitFiles = [...new Set(firstVisits.flatMap((r) => r.files))];
    const firstVisitGzip = firstVisitFiles.reduce((sum, url) => sum + gzipSync(readFileSync(distFile(url)), { level: 9 }).length, 0);

    console.log('');
    console.log('  Widget (script tag, first render)');
    console.log(`    ${'file'.padEnd(34)} ${'raw'.padStart(9)} ${'gzip'.padStart(9)} ${'brotli'.padStart(9)}`);
    for (const row of rows) console.log(row);
    console.log(`    ${'total before first render'.padEnd(34)} ${kb(raw).padStart(9)} ${kb(gzip).padStart(9)} ${kb(brotli).padStart(9)}   (target ≤ ${TARGET_GZIP_KB} KB gzip)`);
    console.log(`    script load → home view drawn (returning guest): ${stats(runs)}`);
    console.log(`    script load → age confirmation drawn (first visit, ${kb(firstVisitGzip)} gzip): ${stats(firstVisits)}`);
    console.log('');
  } finally {
    await browser.close();
    await server.stop();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
