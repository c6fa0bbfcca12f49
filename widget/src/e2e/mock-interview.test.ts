/**
 * A timed mock interview: the countdown honours the server's deadline, which already includes
 * the learner's extended time (×1.5 here); questions come once, in order, without feedback in
 * between; time running out is announced; the end brings the overall mock score.
 */
import type { Browser } from 'playwright-core';
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
        app.get('/test/mock', async (_req, reply) =>
          reply.type('text/html').send(`<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Mock</title><link rel="icon" href="data:,">
<script src="/widget.js"></script></head><body><main><h1>Mock interview</h1><div id="slot"></div></main></body></html>`),
        );
      },
    }),
    launchChromium(),
  ]);
  const learners = server.store.forTenant(server.tenant.id).learners;
  const learner = await learners.upsertByExternalId({ externalId: 'student-mock' });
  await learners.update(learner.id, { extendedTimeMultiplier: 1.5 });
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

function secondsOf(clock: string): number {
  const [m, s] = clock.replace('−', '').split(':').map(Number);
  return (m ?? 0) * 60 + (s ?? 0);
}

describe('mock interview', () => {
  it('counts down the extended deadline, announces time up, and ends with a mock score', async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    const errors = collectPageErrors(page);
    await recordStudioEvents(page);
    await page.clock.install();
    await page.exposeFunction('mintToken', () => server.mintToken('student-mock'));
    await page.goto(`${server.url}/test/mock`);
    await page.evaluate((pk) => {
      const w = window as unknown as { mintToken(): Promise<string>; InterviewStudio: { mount(t: string, o: object): void } };
      w.InterviewStudio.mount('#slot', { publishableKey: pk, getToken: () => w.mintToken() });
    }, server.publishableKey);
    await waitForStudioEvent(page, 'is-ready');
    const studio = page.locator('interview-studio');
    await confirmAge(studio);
    await studio.getByRole('button', { name: 'Start a new practice' }).click();
    await studio.getByLabel('Role').fill('Graduate civil engineer');
    await studio.getByLabel('Number of questions').selectOption('3');
    await studio.getByRole('radio', { name: /Mock interview/ }).check();
    await studio.getByLabel('Time per question').selectOption('60');
    await studio.getByRole('button', { name: 'Start session' }).click();

    await studio.getByRole('heading', { name: 'Question 1 of 3' }).waitFor();
    const timer = studio.getByRole('timer');
    await timer.waitFor();
    // One minute chosen, ×1.5 extended time: the server's deadline is 90 s away.
    const first = secondsOf((await timer.locator('.time').textContent()) ?? '');
    expect(first).toBeGreaterThan(80);
    expect(first).toBeLessThanOrEqual(90);
    await screenshot(page, 'mock-timer');

    await studio.getByLabel('Your answer').fill('I led the drainage redesign for a flood-prone junction, cut ponding incidents by 70% and delivered under budget.');
    await studio.getByRole('button', { name: 'Submit answer' }).click();
    await studio.getByRole('heading', { name: 'Question 2 of 3' }).waitFor();
    expect(await studio.getByRole('heading', { name: 'Feedback' }).count()).toBe(0);

    // Let the clock run past the deadline.
    await page.clock.fastForward('01:40');
    await studio.getByText('Time is up', { exact: true }).waitFor();
    await page.waitForFunction(() => {
      const region = document.querySelector('interview-studio')!.shadowRoot!.querySelector('[data-live-region]')!;
      return /Time is up for this question/.test(region.textContent ?? '');
    });
    await screenshot(page, 'mock-timer-over');

    await studio.getByLabel('Your answer').fill('On a site visit I found a temporary works design that did not match the drawings, stopped the pour, and we fixed it within a day.');
    await studio.getByRole('button', { name: 'Submit answer' }).click();
    await studio.getByRole('heading', { name: 'Question 3 of 3' }).waitFor();
    await studio.getByLabel('Your answer').fill('I want this role because the scheme rotates through design and site work, which matches my placement experience at a contractor.');
    await studio.getByRole('button', { name: 'Submit answer' }).click();

    await studio.getByRole('heading', { name: 'Session complete' }).waitFor({ timeout: 20_000 });
    await studio.getByRole('heading', { name: 'Mock interview score' }).waitFor();
    await screenshot(page, 'mock-summary');
    const complete = (await studioEvents(page)).find((e) => e.type === 'is-session-complete');
    expect(complete?.detail).toMatchObject({ mode: 'mock', answeredCount: 3 });
    expect(typeof complete?.detail.mockScore).toBe('number');
    expect(errors).toEqual([]);
    await context.close();
  }, 60_000);
});
