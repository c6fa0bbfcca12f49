import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openHarness, type Harness } from '../../test-support/harness.js';

let h: Harness;
beforeAll(async () => {
  h = await openHarness();
});
afterAll(async () => h?.close());

describe('STAR builder view', () => {
  it('lists stories, newest first', async () => {
    const { page } = await h.mount({ view: { name: 'star' } });
    const items = page.locator('interview-studio').locator('[part~="star-item"]');
    await items.first().waitFor();
    expect((await items.allInnerTexts()).map((t) => t.split('\n')[0])).toEqual(['Booking app deadline', 'Explaining budgets to the society committee']);
  });

  it('shows unsaved, saving and saved as the learner types', async () => {
    const { page } = await h.mount({ view: { name: 'star', draftId: 'star_2' }, fixture: { latencyMs: 150 } });
    const studio = page.locator('interview-studio');
    await studio.getByLabel('Task').waitFor();
    // Record every status the indicator shows.
    await page.evaluate(() => {
      const view = document.querySelector('interview-studio')!.shadowRoot!.querySelector('is-star-view')!.shadowRoot!;
      const seen: string[] = [];
      (window as unknown as { seen: string[] }).seen = seen;
      new MutationObserver(() => {
        const status = view.querySelector('[part~="save-status"]')?.getAttribute('data-status');
        if (status && seen[seen.length - 1] !== status) seen.push(status);
      }).observe(view, { subtree: true, attributes: true, attributeFilter: ['data-status'] });
    });
    await studio.getByLabel('Task').fill('Keep the trip running on a smaller budget.');
    await studio.locator('[part~="save-status"][data-status="saved"]').waitFor();
    expect(await page.evaluate(() => (window as unknown as { seen: string[] }).seen)).toEqual(['unsaved', 'saving', 'saved']);
    expect(await page.evaluate(() => window.harness.api!.state.stories.get('star_2')!.task)).toBe('Keep the trip running on a smaller budget.');
  });

  it('never overwrites a version saved elsewhere without asking', async () => {
    const { page } = await h.mount({ view: { name: 'star', draftId: 'star_1' } });
    const studio = page.locator('interview-studio');
    await studio.getByLabel('Title').waitFor();
    await page.evaluate(() => window.harness.api!.touchStory('star_1', { title: 'Changed in another tab' }));
    await studio.getByLabel('Title').fill('Changed here');
    await studio.locator('[part~="conflict"]').waitFor();
    await studio.getByRole('button', { name: 'Use the other version' }).click();
    await expect.poll(() => studio.getByLabel('Title').inputValue()).toBe('Changed in another tab');
    await expect(studio.locator('[part~="save-status"]').getAttribute('data-status')).resolves.toBe('saved');
  });

  it('shows coach suggestions next to each part', async () => {
    const { page } = await h.mount({ view: { name: 'star', draftId: 'star_2' } });
    const studio = page.locator('interview-studio');
    await studio.getByRole('button', { name: 'Ask the coach' }).click();
    await expect.poll(() => studio.locator('[part~="suggestions"]').count()).toBe(6);
    await expect(studio.locator('[part~="suggestions"]').nth(1).innerText()).resolves.toContain('Add the task: it is empty.');
  });

  it('uses a story in an answer: straight into the current session', async () => {
    const { page } = await h.mount({ session: { input: { role: 'Analyst', seniority: 'junior', interviewType: 'behavioural', questionCount: 2, mode: 'practice' }, view: 'question' } });
    const studio = page.locator('interview-studio');
    await studio.getByRole('heading', { name: 'Question 1 of 2' }).waitFor();
    await studio.getByRole('button', { name: 'STAR stories', exact: true }).click();
    await studio.getByRole('button', { name: 'Open Booking app deadline' }).click();
    await studio.getByRole('button', { name: 'Use in an answer' }).click();
    await studio.getByRole('heading', { name: 'Question 1 of 2' }).waitFor();
    await expect.poll(() => studio.getByLabel('Your answer').inputValue()).toMatch(/^Final-year project[\s\S]*Short daily check-ins/);
  });
});
