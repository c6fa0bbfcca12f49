import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openHarness, type Harness } from '../../test-support/harness.js';

let h: Harness;
beforeAll(async () => {
  h = await openHarness();
});
afterAll(async () => h?.close());

describe('session setup view', () => {
  it('asks for the role before starting, and focuses the field', async () => {
    const { page } = await h.mount({ view: { name: 'setup' } });
    const studio = page.locator('interview-studio');
    await studio.getByRole('button', { name: 'Start session' }).click();
    await studio.getByText('Enter the role you are practising for (at least 2 characters).').waitFor();
    const role = studio.getByLabel('Role');
    await expect(role.getAttribute('aria-invalid')).resolves.toBe('true');
    await expect(role.evaluate((el) => (el.getRootNode() as ShadowRoot).activeElement === el)).resolves.toBe(true);
  });

  it('starts a practice session and tells the host page', async () => {
    const { page } = await h.mount({ view: { name: 'setup' } });
    const studio = page.locator('interview-studio');
    await studio.getByLabel('Role').fill('Junior product designer');
    await studio.getByLabel('Kind of interview').selectOption('situational');
    await studio.getByLabel('Number of questions').selectOption('3');
    await studio.getByRole('button', { name: 'Start session' }).click();
    await studio.getByRole('heading', { name: 'Question 1 of 3' }).waitFor();
    const start = await page.evaluate(() => window.harness.events.find((e) => e.type === 'is-session-start')?.detail);
    expect(start).toMatchObject({ mode: 'practice', questionCount: 3, interviewType: 'situational' });
  });

  it('offers a time per question for mock interviews only', async () => {
    const { page } = await h.mount({ view: { name: 'setup' } });
    const studio = page.locator('interview-studio');
    expect(await studio.getByLabel('Time per question').count()).toBe(0);
    await studio.getByRole('radio', { name: /Mock interview/ }).check();
    await studio.getByLabel('Time per question').waitFor();
    await expect(studio.getByText('If you have extra time agreed with your institution').isVisible()).resolves.toBe(true);
  });

  it('opens the pass view when the free tier is used up', async () => {
    const { page } = await h.mount({ view: { name: 'setup' }, fixture: { fail: { createSession: 'PASS_REQUIRED' }, failDetails: { action: 'questionSets', period: '2026-11' } } });
    const studio = page.locator('interview-studio');
    await studio.getByLabel('Role').fill('Analyst');
    await studio.getByRole('button', { name: 'Start session' }).click();
    await studio.getByRole('heading', { name: 'You have reached this month’s free practice' }).waitFor();
  });
});
