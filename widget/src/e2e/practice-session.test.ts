/**
 * A student completes a practice session on the demo page: keyboard for the first answer,
 * mouse for the rest; feedback streams in; the progress view then lists the session.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { collectPageErrors, launchChromium, newContext } from '../test-support/chromium.js';
import { confirmAge, deepActive, recordStudioEvents, screenshot, studioEvents, tabTo, waitForStudioEvent } from '../test-support/page-helpers.js';
import { startStudioServer, type StudioServer } from '../test-support/studio-server.js';

const ANSWER =
  'In my final-year project our team of four had three weeks to build a booking app for the student union. ' +
  'I owned the backend and the plan. When we fell behind, I split the work into daily goals and ran a ten-minute stand-up each morning. ' +
  'We delivered two days early and the union took 1,200 bookings in the first month.';

let server: StudioServer;
let browser: Browser;

beforeAll(async () => {
  [server, browser] = await Promise.all([startStudioServer(), launchChromium()]);
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('practice session on the demo page', () => {
  it('is completed with keyboard and mouse, streams feedback, and shows in progress', async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    const errors = collectPageErrors(page);
    await recordStudioEvents(page);
    await page.goto(`${server.url}/`);
    await expect(page.title()).resolves.toBe('Demo University — Careers');
    await waitForStudioEvent(page, 'is-ready');
    const studio = page.locator('interview-studio');
    // A new learner confirms their age first (the tenant's default), once.
    await studio.getByRole('heading', { name: 'Before you start' }).waitFor();
    await screenshot(page, 'age-gate');
    await confirmAge(studio);
    await studio.getByRole('heading', { name: 'Your interview readiness' }).waitFor();
    await studio.getByText('No score yet.').waitFor();
    await screenshot(page, 'demo-home');

    // Keyboard: from the page to "Start a new practice", then the form.
    await page.locator('body').focus();
    await tabTo(page, /^Start a new practice$/);
    await page.keyboard.press('Enter');
    await studio.getByRole('heading', { name: 'Set up a practice session' }).waitFor();
    expect((await deepActive(page)).text).toBe('Set up a practice session');
    await page.keyboard.press('Tab');
    expect((await deepActive(page)).id).toBe('role');
    await page.keyboard.type('Graduate software engineer');
    await page.keyboard.press('Tab'); // level
    await page.keyboard.press('Tab'); // kind of interview
    await page.keyboard.press('Tab'); // number of questions
    expect((await deepActive(page)).id).toBe('count');
    await page.keyboard.press('ArrowUp'); // 5 → 3 questions
    await screenshot(page, 'setup');
    await tabTo(page, /^Start session$/);
    await page.keyboard.press('Enter');

    await studio.getByRole('heading', { name: 'Question 1 of 3' }).waitFor();
    await waitForStudioEvent(page, 'is-session-start');
    expect((await deepActive(page)).text).toBe('Question 1 of 3');
    await page.keyboard.press('Tab'); // guidance disclosure
    await page.keyboard.press('Tab'); // editor
    expect((await deepActive(page)).id).toBe('answer');
    await page.keyboard.type(ANSWER);
    await expect(studio.locator('[part~="word-count"]').textContent()).resolves.toMatch(/\d+ words · about/);
    await screenshot(page, 'question');
    await page.keyboard.press('Control+Enter');

    // Feedback streams in; the score and every section arrive.
    await studio.getByRole('heading', { name: 'Feedback' }).waitFor();
    await studio.locator('[part~="score"]').waitFor();
    await studio.getByRole('heading', { name: 'A stronger outline' }).waitFor();
    await waitForStudioEvent(page, 'is-feedback');
    await expect(studio.locator('[part~="criterion"]').count()).resolves.toBe(5);
    await expect(studio.getByText(/automated and for self-improvement only/)).toBeTruthy();
    await screenshot(page, 'feedback');

    // Mouse from here on.
    for (const n of [2, 3]) {
      await studio.getByRole('button', { name: 'Next question' }).click();
      await studio.getByRole('heading', { name: `Question ${n} of 3` }).waitFor();
      await studio.getByLabel('Your answer').fill(`${ANSWER} Attempt for question ${n}.`);
      await studio.getByRole('button', { name: 'Submit answer' }).click();
      await waitForStudioEvent(page, 'is-feedback', n);
    }
    await studio.getByRole('button', { name: 'Finish session' }).click();
    await studio.getByRole('heading', { name: 'Session complete' }).waitFor();
    await waitForStudioEvent(page, 'is-session-complete');
    await screenshot(page, 'summary');

    await studio.getByRole('button', { name: 'Progress', exact: true }).click();
    await studio.getByRole('heading', { name: 'Your progress' }).waitFor();
    const item = studio.locator('[part~="history-item"]').first();
    await expect(item.textContent()).resolves.toMatch(/Graduate software engineer[\s\S]*Completed[\s\S]*Score \d+/);
    await studio.locator('is-trend-chart').waitFor();
    await screenshot(page, 'history');

    const events = await studioEvents(page);
    expect(events.map((e) => e.type)).toEqual([
      'is-ready',
      'is-session-start',
      'is-answer-submit',
      'is-feedback',
      'is-answer-submit',
      'is-feedback',
      'is-answer-submit',
      'is-feedback',
      'is-session-complete',
    ]);
    // Events carry ids and scores, never what the student wrote.
    expect(JSON.stringify(events)).not.toContain('booking app');
    expect(errors).toEqual([]);
    await context.close();
  }, 60_000);
});
