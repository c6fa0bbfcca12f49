/**
 * The demo purchase flow of `npm start`, end to end in Chromium: a guest on the demo page (the
 * demo tenant's settings: three free feedbacks a month) confirms their age, runs out of free
 * feedback, buys a week pass in the demo checkout window ("Demo checkout — no real payment"),
 * is back at their half-written answer as soon as the pass is active (`is-purchase-complete`),
 * finds the receipt in the dev outbox, and carries on practising.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OUTBOX_DELIVERY_JOB } from '../../../server/src/jobs/outbox-delivery.js';
import { DEMO_TENANT_SETTINGS } from '../../../server/src/tenancy/demo-tenant.js';
import { launchChromium } from '../test-support/chromium.js';
import { openAsNewLearner, screenshot, studioEvents, waitForStudioEvent } from '../test-support/page-helpers.js';
import { startStudioServer, type StudioServer } from '../test-support/studio-server.js';

const ANSWER =
  'In my placement year I took over a stalled stock-count project at a warehouse. I mapped every aisle, trained two colleagues on the scanners, ' +
  'and we finished the count in four days instead of ten, with discrepancies down from 6% to under 1%.';
const DRAFT = 'When our society lost its venue a week before the ball, I phoned eleven venues in one afternoon and';
const EMAIL = 'demo.student@example.org';

let server: StudioServer;
let browser: Browser;

beforeAll(async () => {
  [server, browser] = await Promise.all([startStudioServer({ settings: DEMO_TENANT_SETTINGS }), launchChromium()]);
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('demo purchase flow', () => {
  it('a guest runs out of free feedback, buys a week pass in the demo checkout, gets the receipt and practises on', async () => {
    const { context, page, errors, studio } = await openAsNewLearner(browser, `${server.url}/`);
    await expect(studio.locator('[part~="entitlement"]').textContent()).resolves.toBe('Free this month: 3 practice sets and 3 feedback left.');

    // Three answers use up the month's free feedback.
    await studio.getByRole('button', { name: 'Start a new practice' }).click();
    await studio.getByLabel('Role').fill('Graduate operations analyst');
    await studio.getByRole('button', { name: 'Start session' }).click();
    for (const n of [1, 2, 3]) {
      await studio.getByRole('heading', { name: `Question ${n} of 5` }).waitFor();
      await studio.getByLabel('Your answer').fill(`${ANSWER} (Answer ${n}.)`);
      await studio.getByRole('button', { name: 'Submit answer' }).click();
      await waitForStudioEvent(page, 'is-feedback', n);
      await studio.getByRole('button', { name: 'Next question' }).click();
    }

    // The fourth: PASS_REQUIRED. The passes on offer, the draft kept.
    await studio.getByRole('heading', { name: 'Question 4 of 5' }).waitFor();
    await studio.getByLabel('Your answer').fill(DRAFT);
    await studio.getByRole('button', { name: 'Submit answer' }).click();
    await studio.getByRole('heading', { name: 'You have reached this month’s free practice' }).waitFor();
    await expect(studio.locator('[part~="pass-product"]').allInnerTexts()).resolves.toEqual([
      expect.stringMatching(/^Day pass\s+£2\.99\s+1 day/),
      expect.stringMatching(/^Week pass\s+£6\.99\s+7 days/),
      expect.stringMatching(/^Month pass\s+£14\.99\s+30 days/),
    ]);
    await screenshot(page, 'purchase-pass-required');

    // The checkout opens in a new window: the demo checkout, which takes no money.
    const [checkout] = await Promise.all([context.waitForEvent('page'), studio.getByRole('button', { name: 'Buy Week pass' }).click()]);
    await checkout.waitForURL(new RegExp(`^${server.url}/demo/checkout/`));
    await expect(checkout.title()).resolves.toBe('Demo checkout — no real payment');
    await checkout.getByRole('heading', { name: 'Demo checkout — no real payment' }).waitFor();
    await studio.getByRole('heading', { name: 'Waiting for your Week pass payment' }).waitFor();
    await screenshot(page, 'purchase-checkout-pending');
    await checkout.getByLabel('E-mail for your receipt (optional)').fill(EMAIL);
    await screenshot(checkout, 'purchase-demo-checkout');
    await checkout.getByRole('button', { name: 'Complete demo purchase' }).click();
    await checkout.getByRole('heading', { name: 'Demo purchase complete' }).waitFor();
    await screenshot(checkout, 'purchase-demo-checkout-complete');

    // The widget hears of the pass by itself and returns to the question, draft intact.
    await waitForStudioEvent(page, 'is-purchase-complete');
    await studio.getByRole('heading', { name: 'Question 4 of 5' }).waitFor();
    await expect(studio.getByLabel('Your answer').inputValue()).resolves.toBe(DRAFT);
    await screenshot(page, 'purchase-complete-back-to-answer');
    const purchase = (await studioEvents(page)).find((e) => e.type === 'is-purchase-complete')!.detail as { passType: string; startsAt: string; expiresAt: string };
    expect(purchase.passType).toBe('week');
    expect(Date.parse(purchase.expiresAt) - Date.parse(purchase.startsAt)).toBe(7 * 86_400_000);

    // Practising on: the fourth answer gets its feedback.
    await studio.getByLabel('Your answer').fill(`${DRAFT} booked the one that could take 200 guests. The ball sold out.`);
    await studio.getByRole('button', { name: 'Submit answer' }).click();
    await waitForStudioEvent(page, 'is-feedback', 4);
    await studio.locator('[part~="score"]').waitFor();
    await studio.getByRole('button', { name: 'Home', exact: true }).click();
    await expect(studio.locator('[part~="entitlement"]').textContent()).resolves.toMatch(/^Week pass active until .*\d{4}\.$/);
    await screenshot(page, 'purchase-home-pass-active');

    // The receipt is in the outbox (development only; nothing leaves the machine).
    expect(await server.deps.jobs.runNow(OUTBOX_DELIVERY_JOB)).toBe(true);
    const outbox = await context.newPage();
    await outbox.goto(`${server.url}/dev/outbox`);
    const receipt = outbox.locator('article').filter({ hasText: EMAIL });
    await expect(receipt.innerText()).resolves.toMatch(/\[Demo\][\s\S]*Kind\s+receipt[\s\S]*Status\s+sent[\s\S]*Week pass/);
    expect(await receipt.innerText()).not.toContain('stock-count');
    await screenshot(outbox, 'purchase-outbox-receipt');

    const types = (await studioEvents(page)).map((e) => e.type).filter((t) => t !== 'is-answer-submit' && t !== 'is-feedback');
    expect(types).toEqual(['is-ready', 'is-session-start', 'is-error', 'is-pass-required', 'is-purchase-complete']);
    // The refused fourth answer is a 402 in the console; nothing else may be.
    expect(errors.filter((e) => !/status of 402/.test(e))).toEqual([]);
    await context.close();
  }, 90_000);
});
