/**
 * The copyable partner page works as shipped: served from its own origin with its CSP, pointed
 * at a real server, the widget renders and reports events with no policy violation.
 */
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { collectPageErrors, launchChromium, newContext } from '../../widget/src/test-support/chromium.js';
import { confirmAge, screenshot } from '../../widget/src/test-support/page-helpers.js';
import { startStudioServer, type StudioServer } from '../../widget/src/test-support/studio-server.js';
// @ts-expect-error -- plain JavaScript, run by partners with node
import { contentSecurityPolicy, createExampleServer } from './serve.mjs';

let studio: StudioServer;
let site: Server;
let siteUrl: string;
let browser: Browser;

beforeAll(async () => {
  [studio, browser] = await Promise.all([startStudioServer(), launchChromium()]);
  site = createExampleServer({ studio: studio.url, key: studio.publishableKey }) as Server;
  await new Promise<void>((resolve) => site.listen(0, '127.0.0.1', resolve));
  siteUrl = `http://127.0.0.1:${(site.address() as AddressInfo).port}`;
  await studio.allowOrigin(siteUrl);
});

afterAll(async () => {
  await browser?.close();
  await new Promise<void>((resolve) => (site ? site.close(() => resolve()) : resolve()));
  await studio?.close();
});

describe('examples/university-career-page', () => {
  it('states the documented policy', () => {
    expect(contentSecurityPolicy('https://studio.example.com/')).toBe(
      "default-src 'self'; script-src 'self' https://studio.example.com; style-src 'self'; connect-src https://studio.example.com",
    );
  });

  it('renders the widget under its CSP and logs its events', async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    const errors = collectPageErrors(page);
    const logged: string[] = [];
    page.on('console', (m) => m.type() === 'info' && logged.push(m.text()));
    await page.addInitScript(() => {
      const reports: string[] = [];
      (window as unknown as { reports: string[] }).reports = reports;
      document.addEventListener('securitypolicyviolation', (e) => reports.push(`${e.violatedDirective} ${e.blockedURI}`));
    });
    await page.goto(siteUrl);
    await confirmAge(page.locator('interview-studio'));
    await page.locator('interview-studio').getByRole('heading', { name: 'Your interview readiness' }).waitFor();
    await expect.poll(() => logged.some((l) => l.includes('is-ready'))).toBe(true);
    await screenshot(page, 'example-university-career-page');
    expect(await page.evaluate(() => (window as unknown as { reports: string[] }).reports)).toEqual([]);
    expect(errors).toEqual([]);
    await context.close();
  });
});
