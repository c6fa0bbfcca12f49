import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openHarness, type Harness } from '../../test-support/harness.js';

let h: Harness;
beforeAll(async () => {
  h = await openHarness();
});
afterAll(async () => h?.close());

describe('age confirmation', () => {
  it('comes before anything else, and continues to the first view once confirmed', async () => {
    const { page, errors } = await h.mount({ fixture: { ageGate: 'required' } });
    const studio = page.locator('interview-studio');
    await studio.getByRole('heading', { name: 'Before you start' }).waitFor();
    expect(await page.evaluate(() => window.harness.events.find((e) => e.type === 'is-ready')?.detail)).toMatchObject({ view: 'age' });
    expect(await studio.locator('[part~="nav"]').count()).toBe(0);
    await expect(studio.locator('[part~="age-gate"]').innerText()).resolves.toMatch(/for people aged 16 or over[\s\S]*Nothing about you is stored until you confirm/);
    // Nothing else was asked of the server before the answer.
    expect(await page.evaluate(() => window.harness.api!.calls)).toEqual(['tenantConfig', 'ageStatus']);
    await studio.getByRole('button', { name: 'I am 16 or older' }).click();
    await studio.getByRole('heading', { name: 'Your interview readiness' }).waitFor();
    expect(await page.evaluate(() => window.harness.api!.calls)).toContain('confirmAge');
    expect(errors).toEqual([]);
  });

  it('ends with the “16+ only” screen for a younger learner, storing nothing', async () => {
    const { page } = await h.mount({ fixture: { ageGate: 'required' } });
    const studio = page.locator('interview-studio');
    await studio.getByRole('button', { name: 'I am under 16' }).click();
    await studio.getByRole('heading', { name: 'Interview Studio is for people aged 16 or over' }).waitFor();
    await studio.getByText('Nothing about you has been stored, and this browser keeps nothing either.').waitFor();
    expect(await studio.locator('[part~="nav"]').count()).toBe(0);
    expect(await page.evaluate(() => window.harness.element!.currentView)).toBe('closed');
    const calls = await page.evaluate(() => window.harness.api!.calls);
    expect(calls.slice(-1)).toEqual(['confirmAge']);
  });

  it('opens when a call is refused for want of the confirmation, and returns where the learner was', async () => {
    const { page } = await h.mount({
      view: { name: 'history' },
      fixture: { ageGate: 'off', fail: { history: 'AGE_CONFIRMATION_REQUIRED' }, failDetails: { minimumAge: 18 } },
    });
    const studio = page.locator('interview-studio');
    await studio.getByRole('button', { name: 'I am 18 or older' }).waitFor();
    await page.evaluate(() => {
      const api = window.harness.api!;
      api.history = () => Promise.resolve({ points: [], sessions: [] });
    });
    await studio.getByRole('button', { name: 'I am 18 or older' }).click();
    await studio.getByRole('heading', { name: 'Your progress' }).waitFor();
  });

  it('is asked in the tenant’s language', async () => {
    const { page } = await h.mount({ tenant: 'spanish', fixture: { ageGate: 'required' } });
    await page.locator('interview-studio').getByRole('button', { name: 'Tengo 16 años o más' }).waitFor();
  });
});
