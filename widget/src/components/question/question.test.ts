import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { openHarness, type Harness } from '../../test-support/harness.js';

let h: Harness;
beforeAll(async () => {
  h = await openHarness();
});
afterAll(async () => h?.close());

const practice = { role: 'Data analyst', seniority: 'graduate', interviewType: 'behavioural', questionCount: 3, mode: 'practice' } as const;

async function openQuestion(fixture = {}, session: object = practice): Promise<Page> {
  const { page } = await h.mount({ fixture, session: { input: session as never, view: 'question' } });
  await page.locator('interview-studio').getByRole('heading', { name: /Question 1 of/ }).waitFor();
  return page;
}

describe('question view', () => {
  it('counts words and estimates speaking time as the learner types', async () => {
    const page = await openQuestion();
    const studio = page.locator('interview-studio');
    await studio.getByLabel('Your answer').fill(Array.from({ length: 140 }, (_, i) => `word${i}`).join(' '));
    await expect(studio.locator('[part~="word-count"]').innerText()).resolves.toMatch(/140 words · about 1 min to say/);
  });

  it('warns about confidential material before submitting, then submits on request', async () => {
    const page = await openQuestion({ warnings: ['email', 'confidential-wording'] });
    const studio = page.locator('interview-studio');
    await studio.getByLabel('Your answer').fill('Contact me at jo@example.com about the confidential roadmap.');
    await studio.getByRole('button', { name: 'Submit answer' }).click();
    const warning = studio.locator('[part~="warning"]');
    await warning.waitFor();
    await expect(warning.innerText()).resolves.toMatch(/email address[\s\S]*“confidential”/);
    expect(await page.evaluate(() => window.harness.events.some((e) => e.type === 'is-answer-submit'))).toBe(false);
    await studio.getByRole('button', { name: 'Submit anyway' }).click();
    await studio.getByRole('heading', { name: 'Feedback' }).waitFor();
    const submit = await page.evaluate(() => window.harness.events.find((e) => e.type === 'is-answer-submit')?.detail);
    expect(submit).toMatchObject({ attempt: 1, warningCount: 0 });
    expect(JSON.stringify(submit)).not.toContain('jo@example.com');
  });

  it('says the service is text only, and keeps a draft while the learner looks elsewhere', async () => {
    const page = await openQuestion();
    const studio = page.locator('interview-studio');
    await studio.getByText(/^Interview Studio is text only: it never records or processes audio, video or biometric data\. Leave out confidential employer information/).waitFor();
    await studio.getByLabel('Your answer').fill('Half an answer about the society budget.');
    await studio.getByRole('button', { name: 'Privacy', exact: true }).click();
    await studio.getByRole('heading', { name: 'Your data and privacy' }).waitFor();
    await studio.getByRole('button', { name: 'Practise', exact: true }).click();
    await studio.getByRole('heading', { name: 'Set up a practice session' }).waitFor();
    await page.evaluate(() => window.harness.element!.navigate({ name: 'question', sessionId: [...window.harness.api!.state.sessions.keys()].pop()! }));
    await expect(studio.getByLabel('Your answer').inputValue()).resolves.toBe('Half an answer about the society budget.');
  });

  it('submits with Ctrl+Enter, and refuses an empty answer', async () => {
    const page = await openQuestion();
    const studio = page.locator('interview-studio');
    await studio.getByLabel('Your answer').focus();
    await page.keyboard.press('Control+Enter');
    await studio.getByText('Write your answer before submitting.').waitFor();
    await page.keyboard.type('We shipped on time by cutting scope with the client.');
    await page.keyboard.press('Control+Enter');
    await studio.getByRole('heading', { name: 'Feedback' }).waitFor();
  });

  it('inserts a STAR story into the answer', async () => {
    const page = await openQuestion();
    const studio = page.locator('interview-studio');
    await studio.getByRole('button', { name: 'Use a STAR story' }).click();
    await studio.getByRole('button', { name: 'Insert “Booking app deadline”' }).click();
    await expect.poll(() => studio.getByLabel('Your answer').inputValue()).toContain('Final-year project: a team of four');
  });

  it('shows the mock countdown to the server deadline and moves on without feedback', async () => {
    const page = await openQuestion({ mockSecondsPerQuestion: 90 }, { ...practice, mode: 'mock', questionTimeLimitSec: 60 });
    const studio = page.locator('interview-studio');
    const timer = studio.getByRole('timer');
    await expect(timer.getAttribute('aria-label')).resolves.toMatch(/^Time left: 1:(2\d|30)$/);
    await studio.getByLabel('Your answer').fill('An answer.');
    await studio.getByRole('button', { name: 'Submit answer' }).click();
    await studio.getByRole('heading', { name: 'Question 2 of 3' }).waitFor();
  });
});
