/**
 * A partner page on another origin, served with the strict policy the README gives:
 * `default-src 'self'; script-src 'self' HOST; style-src 'self'; connect-src HOST`. The widget
 * loads, renders, takes an answer and streams feedback with no violation reported and no
 * console error (no inline style, no eval, module scripts and SSE across origins).
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { collectPageErrors, launchChromium, newContext } from '../test-support/chromium.js';
import { confirmAge, recordStudioEvents, screenshot, waitForStudioEvent } from '../test-support/page-helpers.js';
import { startPartnerSite, startStudioServer, type StudioServer } from '../test-support/studio-server.js';

let server: StudioServer;
let partner: Awaited<ReturnType<typeof startPartnerSite>>;
let browser: Browser;

beforeAll(async () => {
  [server, browser] = await Promise.all([startStudioServer(), launchChromium()]);
  partner = await startPartnerSite(() => ({
    headers: { 'content-security-policy': `default-src 'self'; script-src 'self' ${server.url}; style-src 'self'; connect-src ${server.url}` },
    html: `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Partner careers</title>
<script async src="${server.url}/widget.js" data-publishable-key="${server.publishableKey}" data-target="#practice"></script></head>
<body><main><h1>Partner careers page</h1><div id="practice"></div></main></body></html>`,
  }));
  await server.allowOrigin(partner.url);
});

afterAll(async () => {
  await browser?.close();
  await partner?.close();
  await server?.close();
});

describe('strict Content-Security-Policy', () => {
  it('reports no violation through a whole practice answer', async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    await page.addInitScript(() => {
      const reports: string[] = [];
      (window as unknown as { __cspReports: string[] }).__cspReports = reports;
      document.addEventListener('securitypolicyviolation', (e) => reports.push(`${e.violatedDirective} ${e.blockedURI} ${e.sample}`));
    });
    await recordStudioEvents(page);
    const errors = collectPageErrors(page);
    await page.goto(partner.url);
    await waitForStudioEvent(page, 'is-ready');
    const studio = page.locator('interview-studio');
    await confirmAge(studio);
    await studio.getByRole('heading', { name: 'Your interview readiness' }).waitFor();
    await studio.getByRole('button', { name: 'Start a new practice' }).click();
    await studio.getByLabel('Role').fill('Nurse associate');
    await studio.getByRole('button', { name: 'Start session' }).click();
    await studio.getByLabel('Your answer').fill(
      'On a busy night shift I noticed a patient whose observations were slipping. I escalated to the nurse in charge, we started the sepsis pathway within ten minutes, and the patient recovered.',
    );
    await studio.getByRole('button', { name: 'Submit answer' }).click();
    await waitForStudioEvent(page, 'is-feedback');
    await studio.getByRole('heading', { name: 'A stronger outline' }).waitFor();
    // Views that load later (history draws SVG) must be clean too.
    await studio.getByRole('button', { name: 'Progress', exact: true }).click();
    await studio.getByRole('heading', { name: 'Your progress' }).waitFor();
    await screenshot(page, 'csp-partner-page');

    const reports = await page.evaluate(() => (window as unknown as { __cspReports: string[] }).__cspReports);
    expect(reports).toEqual([]);
    expect(errors).toEqual([]);
    await context.close();
  }, 60_000);
});
