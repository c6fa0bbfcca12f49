import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { openHarness, type Harness } from '../../test-support/harness.js';

let h: Harness;
beforeAll(async () => {
  h = await openHarness();
});
afterAll(async () => h?.close());

async function openFeedback(fixture: object, seed: { feedback: 'ready' | 'pending'; attempts?: number }): Promise<Page> {
  const { page } = await h.mount({
    fixture,
    session: {
      input: { role: 'Data analyst', seniority: 'graduate', interviewType: 'behavioural', questionCount: 3, mode: 'practice' },
      options: { answered: 1, ...seed },
      view: 'feedback',
    },
  });
  await page.locator('interview-studio').getByRole('heading', { name: 'Feedback' }).waitFor();
  return page;
}

describe('feedback view', () => {
  it('streams section by section, announcing each section once', async () => {
    const page = await openFeedback({ streamIntervalMs: 60 }, { feedback: 'pending' });
    const studio = page.locator('interview-studio');
    await studio.locator('[part~="streaming"]').waitFor();
    await studio.getByRole('heading', { name: 'A stronger outline' }).waitFor();
    await page.waitForFunction(() => window.harness.events.some((e) => e.type === 'is-feedback'));
    expect(await studio.locator('[part~="streaming"]').count()).toBe(0);
    expect(await page.evaluate(() => window.harness.announcements())).toEqual([
      'Feedback: 5 criteria scored.',
      expect.stringMatching(/^Overall score: \d+ out of 100\.$/),
      '2 strengths noted.',
      '2 things to improve.',
      'A suggested outline is ready. Feedback complete.',
    ]);
  });

  it('highlights each criterion’s evidence in the answer', async () => {
    const page = await openFeedback({}, { feedback: 'ready' });
    const studio = page.locator('interview-studio');
    const marks = studio.locator('mark[part~="evidence"]');
    await marks.first().waitFor();
    expect(await marks.count()).toBeGreaterThan(0);
    await studio.getByRole('button', { name: 'Show Impact evidence in my answer' }).click();
    await expect(studio.getByRole('button', { name: 'Show Impact evidence in my answer' }).getAttribute('aria-pressed')).resolves.toBe('true');
    expect(await studio.locator('mark.active').count()).toBeGreaterThan(0);
  });

  it('labels the AI feedback once, inside the feedback region, where views without scores keep the footer notice', async () => {
    const page = await openFeedback({}, { feedback: 'ready' });
    const studio = page.locator('interview-studio');
    await studio.locator('[part~="score"]').waitFor();
    // The full disclaimer closes the feedback it is about; the footer's shorter notice is left out.
    const notices = studio.locator('[part~="disclaimer"]:visible, [part~="footer"]:visible');
    await expect(notices.count()).resolves.toBe(1);
    await expect(studio.locator('[part~="feedback"] > [part~="disclaimer"]').textContent()).resolves.toMatch(
      /automated and for self-improvement only[\s\S]*no standing with any employer/,
    );

    await studio.getByRole('button', { name: 'Try this question again' }).click();
    await studio.getByRole('heading', { name: 'Question 1 of 3' }).waitFor();
    await expect(notices.count()).resolves.toBe(1);
    await expect(studio.locator('[part~="footer"]').textContent()).resolves.toBe('Feedback is generated automatically to help you practise. It is not an assessment by any employer.');
  });

  it('offers retry, and comparing once there are two attempts', async () => {
    const first = await openFeedback({}, { feedback: 'ready' });
    expect(await first.locator('interview-studio').getByRole('button', { name: 'Compare attempts' }).count()).toBe(0);
    const second = await openFeedback({}, { feedback: 'ready', attempts: 2 });
    const studio = second.locator('interview-studio');
    await studio.getByRole('button', { name: 'Compare attempts' }).waitFor();
    await studio.getByRole('button', { name: 'Try this question again' }).click();
    await studio.getByRole('heading', { name: 'Question 1 of 3' }).waitFor();
    await expect(studio.getByText('Attempt 3').isVisible()).resolves.toBe(true);
  });

  it('shows a failed stream with a retry', async () => {
    const page = await openFeedback({ fail: { streamFeedback: 'UNAVAILABLE' } }, { feedback: 'pending' });
    const studio = page.locator('interview-studio');
    await studio.getByText('Interview Studio cannot be reached right now.', { exact: false }).waitFor();
    await studio.getByRole('button', { name: 'Try again' }).waitFor();
  });
});
