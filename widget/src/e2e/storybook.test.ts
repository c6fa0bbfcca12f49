/**
 * Builds Storybook and opens every story in Chromium: each must render with no console error
 * and no uncaught exception (warnings, such as the contrast notice of a low-contrast brand,
 * are allowed).
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { collectPageErrors, launchChromium, newContext } from '../test-support/chromium.js';
import { screenshot } from '../test-support/page-helpers.js';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
};

let out: string;
let server: Server;
let url: string;
let browser: Browser;
const missing: string[] = [];

function buildStorybook(outDir: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [join(ROOT, 'node_modules', 'storybook', 'dist', 'bin', 'dispatcher.js'), 'build', '-c', '.storybook', '-o', outDir, '--quiet'], {
      cwd: ROOT,
      env: { ...process.env, STORYBOOK_DISABLE_TELEMETRY: '1', CI: 'true' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let log = '';
    child.stdout.on('data', (d) => (log += d));
    child.stderr.on('data', (d) => (log += d));
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`storybook build failed (${code}):\n${log}`))));
  });
}

beforeAll(async () => {
  out = mkdtempSync(join(tmpdir(), 'is-storybook-'));
  [, browser] = await Promise.all([buildStorybook(out), launchChromium()]);
  server = createServer((req, res) => {
    const path = normalize(decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname)).replace(/^(\.\.[/\\])+/, '');
    const file = join(out, path.endsWith('/') ? `${path}index.html` : path);
    let body: Buffer;
    try {
      body = readFileSync(file);
    } catch {
      // Browsers ask for /favicon.ico on their own; Storybook ships favicon.svg instead.
      res.writeHead(path === '/favicon.ico' ? 204 : 404).end();
      if (path !== '/favicon.ico') missing.push(path);
      return;
    }
    res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' }).end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
  if (out) rmSync(out, { recursive: true, force: true });
});

describe('Storybook', () => {
  it('renders every story without a console error', async () => {
    const index = JSON.parse(readFileSync(join(out, 'index.json'), 'utf8')) as { entries: Record<string, { id: string; type: string; title: string; name: string }> };
    const stories = Object.values(index.entries).filter((e) => e.type === 'story');
    expect(stories.length).toBeGreaterThanOrEqual(40);
    const context = await newContext(browser, { reducedMotion: 'reduce' });
    const failures: string[] = [];
    const queue = [...stories];
    // Three pages at a time keep two cores busy without starving the build of other tests.
    await Promise.all(
      [0, 1, 2].map(async () => {
        const page = await context.newPage();
        const errors = collectPageErrors(page);
        for (let story = queue.shift(); story; story = queue.shift()) {
          errors.length = 0;
          await page.goto(`${url}/iframe.html?id=${story.id}&viewMode=story`);
          await page.waitForFunction(() => (document.querySelector('#storybook-root')?.childElementCount ?? 0) > 0, undefined, { timeout: 10_000 });
          // Let fixtures (150 ms latency) and streamed parts arrive.
          await page.waitForTimeout(700);
          if (errors.length) failures.push(`${story.title} / ${story.name}: ${errors.join(' | ')}`);
          if (story.id.startsWith('theming') || story.id.startsWith('views-passes-privacy-and-age') || story.id.includes('streaming') || story.id.includes('timer')) {
            await screenshot(page, `storybook-${story.id}`);
          }
        }
      }),
    );
    expect(failures).toEqual([]);
    expect(missing).toEqual([]);
    await context.close();
  }, 180_000);
});
