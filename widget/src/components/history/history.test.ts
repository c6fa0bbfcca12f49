import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openHarness, type Harness } from '../../test-support/harness.js';

let h: Harness;
beforeAll(async () => {
  h = await openHarness();
});
afterAll(async () => h?.close());

describe('history view', () => {
  it('draws the readiness trend and lists past sessions, newest first', async () => {
    const { page } = await h.mount({ view: { name: 'history' } });
    const studio = page.locator('interview-studio');
    await studio.locator('is-trend-chart').waitFor();
    await expect(studio.locator('is-trend-chart').getByRole('img').getAttribute('aria-label')).resolves.toBe(
      'Readiness score, week by week, over the last 12 weeks',
    );
    await expect(studio.getByText('Your readiness rose from 12 to 58.').isVisible()).resolves.toBe(true);
    const items = await studio.locator('[part~="history-item"]').allInnerTexts();
    expect(items[0]).toMatch(/Data analyst[\s\S]*In progress[\s\S]*Continue/);
    expect(items[1]).toMatch(/Graduate software engineer[\s\S]*Completed[\s\S]*View/);
    // The scores are automated: the disclaimer sits under them.
    await expect(studio.locator('[part~="disclaimer"]').textContent()).resolves.toMatch(/automated and for self-improvement only[\s\S]*no standing with any employer/);
  });

  it('invites a new learner to start', async () => {
    const { page } = await h.mount({ view: { name: 'history' }, fixture: { seed: 'empty' } });
    await page.locator('interview-studio').getByText('No sessions yet.').waitFor();
  });

  it('shows an error with a retry', async () => {
    const { page } = await h.mount({ view: { name: 'history' }, fixture: { fail: { history: 'INTERNAL' } } });
    await page.locator('interview-studio').getByText('Something went wrong on our side. Please try again.').waitFor();
  });
});
