/**
 * Learner tokens from the host page: an expired token makes the widget call `getToken()` again
 * and carry on; a token about to expire is renewed before it is used; a fixed `token` that the
 * server refuses fires `is-token-expired`, and `setToken()` resumes.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { collectPageErrors, launchChromium, newContext } from '../test-support/chromium.js';
import { confirmAge, recordStudioEvents, screenshot, studioEvents, waitForStudioEvent } from '../test-support/page-helpers.js';
import { startStudioServer, type StudioServer } from '../test-support/studio-server.js';

let server: StudioServer;
let browser: Browser;

beforeAll(async () => {
  [server, browser] = await Promise.all([
    startStudioServer({
      guestAccess: false,
      routes(app) {
        app.get('/test/signed-in', async (_req, reply) =>
          reply.type('text/html').send(`<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Signed in</title><link rel="icon" href="data:,">
<script src="/widget.js"></script></head><body><main><h1>My account</h1><div id="slot"></div></main></body></html>`),
        );
      },
    }),
    launchChromium(),
  ]);
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** Opens the page with a `getToken` backed by `tokens` (called in order), recording each call's reason. */
async function openWithGetToken(tokens: (() => Promise<string>)[]): Promise<{ page: Page; errors: string[]; reasons: () => Promise<string[]> }> {
  const context = await newContext(browser);
  const page = await context.newPage();
  const errors = collectPageErrors(page);
  await recordStudioEvents(page);
  let call = 0;
  await page.exposeFunction('mintToken', async () => tokens[Math.min(call++, tokens.length - 1)]!());
  await page.goto(`${server.url}/test/signed-in`);
  await page.evaluate((pk) => {
    const w = window as unknown as { __reasons: string[]; mintToken(): Promise<string>; InterviewStudio: { mount(t: string, o: object): void } };
    w.__reasons = [];
    w.InterviewStudio.mount('#slot', {
      publishableKey: pk,
      getToken: async ({ reason }: { reason: string }) => {
        w.__reasons.push(reason);
        return w.mintToken();
      },
    });
  }, server.publishableKey);
  return { page, errors, reasons: () => page.evaluate(() => (window as unknown as { __reasons: string[] }).__reasons) };
}

describe('learner tokens', () => {
  it('calls getToken again when the token is expired, and the flow continues', async () => {
    const expired = await server.mintToken('student-expired', 1);
    await new Promise((r) => setTimeout(r, 1100));
    const { page, errors, reasons } = await openWithGetToken([async () => expired, () => server.mintToken('student-expired', 900)]);
    await waitForStudioEvent(page, 'is-ready');
    const studio = page.locator('interview-studio');
    await confirmAge(studio);
    await studio.getByRole('heading', { name: 'Your interview readiness' }).waitFor();
    await studio.getByRole('button', { name: 'Start a new practice' }).click();
    await studio.getByLabel('Role').fill('Junior accountant');
    await studio.getByRole('button', { name: 'Start session' }).click();
    await studio.getByRole('heading', { name: /Question 1 of/ }).waitFor();
    expect(await reasons()).toEqual(['initial', 'rejected']);
    const types = (await studioEvents(page)).map((e) => e.type);
    expect(types).not.toContain('is-token-expired');
    expect(types).toContain('is-session-start');
    // The refused first call shows as a 401 in the console; nothing else may.
    expect(errors.filter((e) => !/status of 401/.test(e))).toEqual([]);
    await page.context().close();
  }, 60_000);

  it('renews a token a minute before it expires, before using it', async () => {
    // 66 s: valid at first, inside the one-minute renewal window six seconds later.
    const mintedAt = Date.now();
    const { page, reasons } = await openWithGetToken([() => server.mintToken('student-renew', 66), () => server.mintToken('student-renew', 900)]);
    await waitForStudioEvent(page, 'is-ready');
    const studio = page.locator('interview-studio');
    await confirmAge(studio);
    await page.waitForTimeout(Math.max(0, mintedAt + 6_500 - Date.now()));
    await studio.getByRole('button', { name: 'Progress', exact: true }).click();
    await studio.getByRole('heading', { name: 'Your progress' }).waitFor();
    // The heading can render before the view's first call asks for a token: wait for the ask.
    await expect.poll(reasons, { timeout: 10_000 }).toContain('expiring');
    const asked = await reasons();
    expect(asked[0]).toBe('initial');
    // Renewed before use: the server never had to refuse it.
    expect(asked).not.toContain('rejected');
    expect((await studioEvents(page)).map((e) => e.type)).not.toContain('is-error');
    await page.context().close();
  }, 60_000);

  it('fires is-token-expired for a refused fixed token, and setToken() resumes', async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    await recordStudioEvents(page);
    await page.goto(`${server.url}/test/signed-in`);
    const stale = await server.mintToken('student-fixed', 1);
    await new Promise((r) => setTimeout(r, 1100));
    await page.evaluate(
      ([pk, token]) => (window as unknown as { InterviewStudio: { mount(t: string, o: object): void } }).InterviewStudio.mount('#slot', { publishableKey: pk, token, id: 'fixed' }),
      [server.publishableKey, stale] as const,
    );
    await waitForStudioEvent(page, 'is-token-expired');
    const studio = page.locator('interview-studio');
    await studio.getByText('Your sign-in has expired. Please sign in again.').first().waitFor();
    await screenshot(page, 'token-expired');
    const fresh = await server.mintToken('student-fixed', 900);
    await page.evaluate((token) => (window as unknown as { InterviewStudio: { setToken(t: string, id: string): void } }).InterviewStudio.setToken(token, 'fixed'), fresh);
    // A learner new to this tenant: the server asks for the age confirmation, and the widget shows it.
    await confirmAge(studio);
    await studio.getByRole('heading', { name: 'Readiness score' }).waitFor();
    const expired = (await studioEvents(page)).filter((e) => e.type === 'is-token-expired');
    expect(expired.map((e) => e.detail)).toEqual([{ reason: 'rejected' }]);
    await context.close();
  }, 60_000);

  it('asks the page to sign in when there is no token and no guest access', async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    await recordStudioEvents(page);
    await page.goto(`${server.url}/test/signed-in`);
    await page.evaluate((pk) => (window as unknown as { InterviewStudio: { mount(t: string, o: object): void } }).InterviewStudio.mount('#slot', { publishableKey: pk }), server.publishableKey);
    await waitForStudioEvent(page, 'is-token-expired');
    await page.locator('interview-studio').getByRole('heading', { name: 'Sign in to practise' }).waitFor();
    expect((await studioEvents(page)).find((e) => e.type === 'is-token-expired')?.detail).toEqual({ reason: 'missing' });
    await screenshot(page, 'signin');
    await context.close();
  }, 60_000);
});
