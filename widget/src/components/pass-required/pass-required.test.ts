import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openHarness, type Harness } from '../../test-support/harness.js';

let h: Harness;
beforeAll(async () => {
  h = await openHarness();
});
afterAll(async () => h?.close());

const practice = { role: 'Analyst', seniority: 'junior', interviewType: 'behavioural', questionCount: 2, mode: 'practice' } as const;
const DRAFT = 'My draft answer about the budget review, half written.';

describe('pass required view', () => {
  it('opens on PASS_REQUIRED, says which allowance ran out, lists the passes and tells the host page', async () => {
    const { page, errors } = await h.mount({
      session: { input: practice, view: 'question' },
      fixture: { fail: { submitAnswer: 'PASS_REQUIRED' }, failDetails: { action: 'feedback', period: '2026-11', billingMode: 'learner-pays' } },
    });
    const studio = page.locator('interview-studio');
    await studio.getByLabel('Your answer').fill('An answer.');
    await studio.getByRole('button', { name: 'Submit answer' }).click();
    await studio.getByRole('heading', { name: 'You have reached this month’s free practice' }).waitFor();
    await expect(studio.locator('[part~="pass"]').innerText()).resolves.toMatch(/all the free feedback for this month[\s\S]*starts again next month/);
    const products = studio.locator('[part~="pass-product"]');
    await expect(products.allInnerTexts()).resolves.toEqual([
      expect.stringMatching(/Day pass\s+£2\.99\s+1 day\s+Buy Day pass/),
      expect.stringMatching(/Week pass\s+£6\.99\s+7 days\s+Buy Week pass/),
      expect.stringMatching(/Month pass\s+£14\.99\s+30 days\s+Buy Month pass/),
    ]);
    await studio.getByText('Demo checkout: no real payment is taken.').waitFor();
    const event = await page.evaluate(() => window.harness.events.find((e) => e.type === 'is-pass-required')?.detail);
    expect(event).toEqual({ action: 'feedback', period: '2026-11', billingMode: 'learner-pays' });
    expect(errors).toEqual([]);
  });

  it('opens the checkout in a new window, waits for the pass, fires is-purchase-complete and returns to the draft answer', async () => {
    const { page } = await h.mount({
      session: { input: practice, view: 'question' },
      fixture: { fail: { submitAnswer: 'PASS_REQUIRED' }, failDetails: { action: 'feedback', period: '2026-11' }, checkoutCompletesAfterMs: 1_000 },
    });
    const studio = page.locator('interview-studio');
    await studio.getByLabel('Your answer').fill(DRAFT);
    await studio.getByRole('button', { name: 'Submit answer' }).click();
    const [popup] = await Promise.all([page.context().waitForEvent('page'), studio.getByRole('button', { name: 'Buy Week pass' }).click()]);
    await popup.waitForURL(/fixture-checkout/);
    expect(await popup.evaluate(() => window.opener)).toBeNull();
    await studio.getByRole('heading', { name: 'Waiting for your Week pass payment' }).waitFor();
    await expect(studio.getByRole('link', { name: 'Open the checkout again' }).getAttribute('target')).resolves.toBe('_blank');

    // The fixture's provider completes the payment: back to the question, the draft intact.
    await studio.getByRole('heading', { name: 'Question 1 of 2' }).waitFor();
    await expect(studio.getByLabel('Your answer').inputValue()).resolves.toBe(DRAFT);
    const complete = await page.evaluate(() => window.harness.events.filter((e) => e.type === 'is-purchase-complete').map((e) => e.detail));
    expect(complete).toEqual([{ passType: 'week', startsAt: expect.any(String), expiresAt: expect.any(String) }]);
    const { startsAt, expiresAt } = complete[0] as { startsAt: string; expiresAt: string };
    expect(Date.parse(expiresAt) - Date.parse(startsAt)).toBe(7 * 86_400_000);
    expect(await page.evaluate(() => window.harness.announcements().some((a) => /Your Week pass is active until/.test(a)))).toBe(true);
  });

  it('bubbles is-purchase-complete out of the element, composed, to the document', async () => {
    const { page } = await h.mount({ view: { name: 'pass', action: null, period: null }, fixture: { checkoutCompletesAfterMs: 300 } });
    await page.evaluate(() => {
      (window as unknown as { bought: unknown[] }).bought = [];
      document.addEventListener('is-purchase-complete', (e) => (window as unknown as { bought: unknown[] }).bought.push(e.detail.passType));
    });
    const studio = page.locator('interview-studio');
    await studio.getByRole('heading', { name: 'Passes' }).waitFor();
    await Promise.all([page.context().waitForEvent('page'), studio.getByRole('button', { name: 'Buy Day pass' }).click()]);
    await page.waitForFunction(() => (window as unknown as { bought: unknown[] }).bought.length === 1);
    expect(await page.evaluate(() => (window as unknown as { bought: unknown[] }).bought)).toEqual(['day']);
    // Back home, where the pass shows with its expiry.
    await expect(studio.locator('[part~="entitlement"]').textContent()).resolves.toMatch(/^Day pass active until \d{1,2} \w{3} \d{4}\.$/);
  });

  it('fires is-purchase-complete once for its own checkout when the learner browsed elsewhere meanwhile, and leaves them there', async () => {
    const { page, errors } = await h.mount({ view: { name: 'pass', action: 'feedback', period: null }, fixture: { checkoutCompletesAfterMs: null } });
    const studio = page.locator('interview-studio');
    await Promise.all([page.context().waitForEvent('page'), studio.getByRole('button', { name: 'Buy Week pass' }).click()]);
    await studio.getByRole('heading', { name: 'Waiting for your Week pass payment' }).waitFor();
    await studio.getByRole('button', { name: 'Work on your STAR stories meanwhile' }).click();
    await studio.getByRole('heading', { name: 'STAR stories' }).waitFor();

    // A day pass bought in another tab changes the learner's passes, but it is not this checkout's.
    await page.evaluate(async () => {
      const api = window.harness.api!;
      api.completeCheckout((await api.checkout({ passType: 'day' })).checkoutSessionId);
    });
    // The watch asked about its own checkout when the passes changed (after its first look).
    await page.waitForFunction(() => window.harness.api!.calls.filter((c) => c === 'checkoutStatus').length >= 2);

    // The payment for the week pass arrives while the learner is still on their STAR stories.
    await page.evaluate(() => {
      const api = window.harness.api!;
      const [week] = [...api.state.checkouts].find(([, c]) => c.passType === 'week')!;
      api.completeCheckout(week);
    });
    await page.waitForFunction(() => window.harness.events.some((e) => e.type === 'is-purchase-complete'));
    const complete = await page.evaluate(() => window.harness.events.filter((e) => e.type === 'is-purchase-complete').map((e) => e.detail));
    expect(complete).toEqual([{ passType: 'week', startsAt: expect.any(String), expiresAt: expect.any(String) }]);
    expect(await page.evaluate(() => window.harness.announcements().some((a) => /^Your Week pass is active until/.test(a)))).toBe(true);
    await expect(studio.getByRole('heading', { name: 'STAR stories' }).isVisible()).resolves.toBe(true);
    expect(errors).toEqual([]);
  });

  it('still shows the pending checkout when the learner comes back to the passes', async () => {
    const { page } = await h.mount({ view: { name: 'pass', action: null, period: null }, fixture: { checkoutCompletesAfterMs: null } });
    const studio = page.locator('interview-studio');
    await Promise.all([page.context().waitForEvent('page'), studio.getByRole('button', { name: 'Buy Month pass' }).click()]);
    await studio.getByRole('heading', { name: 'Waiting for your Month pass payment' }).waitFor();
    await studio.getByRole('navigation').getByRole('button', { name: 'Home' }).click();
    await studio.getByRole('button', { name: 'See passes' }).click();
    await studio.getByRole('heading', { name: 'Waiting for your Month pass payment' }).waitFor();
    expect(await studio.locator('[part~="pass-offer"]').count()).toBe(0);
    // Choosing another pass gives up on this checkout: the offer is back.
    await studio.getByRole('button', { name: 'Choose another pass' }).click();
    await studio.locator('[part~="pass-offer"]').waitFor();
  });

  it('falls back to polling the checkout when live updates are unavailable', async () => {
    const { page } = await h.mount({
      view: { name: 'pass', action: 'questionSets', period: '2026-11', resume: { name: 'setup' } },
      fixture: { fail: { passUpdates: 'UNAVAILABLE' }, checkoutCompletesAfterMs: 200 },
    });
    const studio = page.locator('interview-studio');
    await Promise.all([page.context().waitForEvent('page'), studio.getByRole('button', { name: 'Buy Month pass' }).click()]);
    await studio.getByRole('heading', { name: 'Set up a practice session' }).waitFor({ timeout: 10_000 });
    const calls = await page.evaluate(() => window.harness.api!.calls);
    expect(calls).toContain('checkoutStatus');
    expect(await page.evaluate(() => window.harness.events.filter((e) => e.type === 'is-purchase-complete').length)).toBe(1);
  });

  it('shows a link to the checkout when the browser blocks the new window', async () => {
    const { page } = await h.mount({ view: { name: 'pass', action: 'feedback', period: null }, fixture: { checkoutCompletesAfterMs: null } });
    await page.evaluate(() => {
      window.open = () => null;
    });
    const studio = page.locator('interview-studio');
    await studio.getByRole('button', { name: 'Buy Week pass' }).click();
    await studio.getByText('Your browser did not open the checkout window.', { exact: false }).waitFor();
    await expect(studio.getByRole('link', { name: 'Open the checkout' }).getAttribute('href')).resolves.toBe('about:blank#fixture-checkout');
    await studio.getByRole('button', { name: 'Choose another pass' }).click();
    await studio.locator('[part~="pass-offer"]').waitFor();
  });

  it('points sponsored and seat-holding learners to their institution, without prices', async () => {
    for (const tenant of ['northfield', 'seats'] as const) {
      const { page } = await h.mount({ tenant, view: { name: 'pass', action: 'questionSets', period: null } });
      const studio = page.locator('interview-studio');
      await studio.getByText('Your institution provides access — ask your careers service.').waitFor();
      expect(await studio.locator('[part~="pass-product"]').count()).toBe(0);
      await page.context().close();
    }
  });
});
