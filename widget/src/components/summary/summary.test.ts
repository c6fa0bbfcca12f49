import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openHarness, type Harness } from '../../test-support/harness.js';

let h: Harness;
beforeAll(async () => {
  h = await openHarness();
});
afterAll(async () => h?.close());

const input = { role: 'Graduate engineer', seniority: 'graduate', interviewType: 'mixed', questionCount: 3, mode: 'mock', questionTimeLimitSec: 120 } as const;

describe('summary view', () => {
  it('shows a mock interview’s score, written summary and late answers, with each question’s feedback', async () => {
    const { page } = await h.mount({ session: { input, options: { answered: 3, complete: true }, view: 'summary' } });
    const studio = page.locator('interview-studio');
    await studio.getByRole('heading', { name: 'Mock interview score' }).waitFor();
    await expect(studio.locator('[part~="summary"]').innerText()).resolves.toMatch(/3 of 3 questions answered[\s\S]*1 answer was late\./);
    await expect(studio.locator('[part~="disclaimer"]').textContent()).resolves.toMatch(/automated and for self-improvement only[\s\S]*no standing with any employer/);
    await studio.getByRole('button', { name: 'See feedback' }).first().click();
    await studio.getByRole('heading', { name: 'Feedback' }).waitFor();
    await studio.getByRole('button', { name: 'Back to the summary' }).waitFor();
  });

  it('shows a practice session in progress with its average', async () => {
    const { page } = await h.mount({ session: { input: { ...input, mode: 'practice' }, options: { answered: 2 }, view: 'summary' } });
    const studio = page.locator('interview-studio');
    await studio.getByRole('heading', { name: 'Session so far' }).waitFor();
    await studio.getByRole('heading', { name: 'Average score' }).waitFor();
    await expect(studio.getByText('Not answered').count()).resolves.toBe(1);
  });
});
