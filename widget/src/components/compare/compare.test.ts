import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openHarness, type Harness } from '../../test-support/harness.js';

let h: Harness;
beforeAll(async () => {
  h = await openHarness();
});
afterAll(async () => h?.close());

const input = { role: 'Data analyst', seniority: 'graduate', interviewType: 'behavioural', questionCount: 3, mode: 'practice' } as const;

describe('compare view', () => {
  it('puts attempts side by side with the change in each score', async () => {
    const { page } = await h.mount({ session: { input, options: { answered: 1, attempts: 2 }, view: 'compare' } });
    const table = page.locator('interview-studio').locator('[part~="compare-table"]');
    await table.waitFor();
    await expect(table.locator('thead').innerText()).resolves.toMatch(/Criterion\s+Attempt 1\s+Attempt 2/);
    const rows = await table.locator('tbody tr').allInnerTexts();
    expect(rows[0]).toMatch(/^Overall \(out of 100\)/);
    expect(rows.length).toBe(7);
    expect(rows.join('\n')).toMatch(/▲|▼/);
  });

  it('explains an empty comparison', async () => {
    const { page } = await h.mount({ session: { input, view: 'compare' } });
    await page.locator('interview-studio').getByText('No attempts yet.').waitFor();
  });
});
