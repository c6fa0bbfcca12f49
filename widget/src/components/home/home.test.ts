import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openHarness, type Harness } from '../../test-support/harness.js';

let h: Harness;
beforeAll(async () => {
  h = await openHarness();
});
afterAll(async () => h?.close());

describe('home view', () => {
  it('shows the readiness score and its parts, the next thing to practise, and the session to continue', async () => {
    const { page } = await h.mount();
    const studio = page.locator('interview-studio');
    await expect(studio.locator('[part~="readiness-score"]').textContent()).resolves.toBe('Readiness: 58 out of 100');
    await expect(studio.locator('[part~="readiness-parts"]').innerText()).resolves.toMatch(/Answer quality\s+71[\s\S]*Topics covered\s+38[\s\S]*Practice consistency\s+46/);
    await expect(studio.locator('[part~="next-practice"]').innerText()).resolves.toContain('Communication is your lowest-scoring topic so far.');
    await expect(studio.locator('[part~="continue"]').innerText()).resolves.toContain('1 of 5 questions answered');
    await expect(studio.locator('[part~="entitlement"]').textContent()).resolves.toBe('Free this month: 2 practice sets and 8 feedback left.');
  });

  it('continues the unfinished session', async () => {
    const { page } = await h.mount();
    const studio = page.locator('interview-studio');
    await studio.getByRole('button', { name: 'Continue' }).click();
    await studio.getByRole('heading', { name: 'Question 2 of 5' }).waitFor();
  });

  it('explains the empty state to a new learner', async () => {
    const { page } = await h.mount({ fixture: { seed: 'empty' } });
    const studio = page.locator('interview-studio');
    await studio.getByText('No score yet.').waitFor();
    expect(await studio.locator('[part~="continue"]').count()).toBe(0);
    await expect(studio.locator('[part~="next-practice"]').innerText()).resolves.toContain('You have not practised Teamwork yet.');
  });

  it('shows loading, then an error with a retry that recovers', async () => {
    const { page } = await h.mount({ fixture: { fail: { readiness: 'UNAVAILABLE' } } });
    const studio = page.locator('interview-studio');
    await studio.locator('[part~="error"]').waitFor();
    await page.evaluate(() => {
      // The service comes back: the next call succeeds.
      const api = window.harness.api!;
      const original = api.readiness.bind(api);
      api.readiness = () => original().catch(() => Promise.resolve(window.harness.data.readinessSome));
    });
    await studio.getByRole('button', { name: 'Try again' }).click();
    await studio.locator('[part~="readiness-score"]').waitFor();
  });

  it('shows the active pass and when it ends instead of the free allowance', async () => {
    const { page } = await h.mount({ fixture: { pass: 'week' } });
    const line = page.locator('interview-studio').locator('[part~="entitlement"]');
    await expect(line.textContent()).resolves.toMatch(/^Week pass active until \d{1,2} \w{3} \d{4}\.$/);
    expect(await page.locator('interview-studio').getByRole('button', { name: 'See passes' }).count()).toBe(0);
  });

  it('offers passes next to the free allowance left, and says scores are automated', async () => {
    const { page } = await h.mount({ fixture: { freeLeft: { questionSets: 1, feedback: 0 } } });
    const studio = page.locator('interview-studio');
    await expect(studio.locator('[part~="entitlement"]').textContent()).resolves.toBe('Free this month: 1 practice sets and 0 feedback left.');
    await expect(studio.locator('[part~="disclaimer"]').textContent()).resolves.toContain('automated and for self-improvement only');
    await studio.getByRole('button', { name: 'See passes' }).click();
    await studio.getByRole('heading', { name: 'Passes' }).waitFor();
    await studio.locator('[part~="pass-product"]').first().waitFor();
  });

  it('shows a sponsored learner what sponsors them', async () => {
    const { page } = await h.mount({ tenant: 'northfield' });
    await expect(page.locator('interview-studio').locator('[part~="entitlement"]').textContent()).resolves.toBe('Your practice is sponsored by Northfield College.');
    await page.locator('interview-studio').getByRole('heading', { name: 'Your Northfield interview readiness' }).waitFor();
  });
});
