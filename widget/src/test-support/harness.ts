/**
 * Component tests in Chromium: bundles `harness-entry.ts` (all elements + fixtures) once per
 * test file, serves it on a loopback port, and opens pages on it.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { build } from 'tsup';
import { collectPageErrors, launchChromium, newContext } from './chromium.js';
import type { MountOptions } from './harness-entry.js';

export type { MountOptions };

const ENTRY = fileURLToPath(new URL('./harness-entry.ts', import.meta.url));
const EVENTSOURCE = fileURLToPath(new URL('../embed/eventsource.ts', import.meta.url));

async function bundle(): Promise<string> {
  const outDir = mkdtempSync(join(tmpdir(), 'is-harness-'));
  await build({
    entry: { harness: ENTRY },
    format: ['iife'],
    platform: 'browser',
    target: 'es2021',
    outDir,
    outExtension: () => ({ js: '.js' }),
    noExternal: [/.*/],
    splitting: false,
    sourcemap: false,
    dts: false,
    silent: true,
    config: false,
    esbuildOptions(options) {
      options.alias = { eventsource: EVENTSOURCE };
    },
  });
  const code = readFileSync(join(outDir, 'harness.js'), 'utf8');
  rmSync(outDir, { recursive: true, force: true });
  return code;
}

const PAGE = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Widget harness</title>
<script src="/harness.js"></script></head><body><main><h1>Harness</h1></main></body></html>`;

export interface Harness {
  url: string;
  browser: Browser;
  /** A fresh page (own context) on the harness, with its console errors collected. */
  open(options?: { reducedMotion?: 'reduce' | 'no-preference'; colorScheme?: 'light' | 'dark'; locale?: string }): Promise<{ page: Page; errors: string[] }>;
  /** `open()` then `harness.mount(options)`, waiting for `is-ready`. */
  mount(options?: MountOptions, pageOptions?: Parameters<Harness['open']>[0]): Promise<{ page: Page; errors: string[] }>;
  close(): Promise<void>;
}

export async function openHarness(): Promise<Harness> {
  const [code, browser] = await Promise.all([bundle(), launchChromium()]);
  const server: Server = createServer((req, res) => {
    if (req.url === '/harness.js') {
      res.writeHead(200, { 'content-type': 'text/javascript; charset=utf-8' }).end(code);
    } else {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(PAGE);
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  const contexts: Awaited<ReturnType<typeof newContext>>[] = [];

  const harness: Harness = {
    url,
    browser,
    async open(options = {}) {
      const context = await newContext(browser, {
        reducedMotion: options.reducedMotion ?? 'reduce',
        colorScheme: options.colorScheme ?? 'light',
        locale: options.locale ?? 'en-GB',
      });
      contexts.push(context);
      const page = await context.newPage();
      const errors = collectPageErrors(page);
      await page.goto(url);
      return { page, errors };
    },
    async mount(options = {}, pageOptions = {}) {
      const opened = await harness.open(pageOptions);
      await opened.page.evaluate((o) => window.harness.mount(o), options);
      await opened.page.waitForFunction(() => window.harness.events.some((e) => e.type === 'is-ready'));
      return opened;
    },
    async close() {
      await Promise.all(contexts.map((c) => c.close().catch(() => undefined)));
      await browser.close();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
  return harness;
}
