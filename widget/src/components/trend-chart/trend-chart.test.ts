import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openHarness, type Harness } from '../../test-support/harness.js';

let h: Harness;
beforeAll(async () => {
  h = await openHarness();
});
afterAll(async () => h?.close());

describe('<is-trend-chart>', () => {
  it('draws one point per score, a line, and a readable name and table', async () => {
    const { page } = await h.open();
    await page.evaluate(() => {
      const chart = document.createElement('is-trend-chart');
      chart.points = window.harness.data.historyPoints;
      chart.label = 'Readiness';
      chart.summary = 'Up from 12 to 58.';
      document.body.appendChild(chart);
    });
    const chart = page.locator('is-trend-chart');
    await expect(chart.locator('[part~="chart-point"]').count()).resolves.toBe(12);
    await expect(chart.locator('[part~="chart-line"]').count()).resolves.toBe(1);
    await expect(chart.getByRole('img').getAttribute('aria-label')).resolves.toBe('Readiness');
    await expect(chart.locator('table tr').count()).resolves.toBe(12);
    // Scores are drawn top-down: 100 at the top, 0 at the bottom.
    const ys = await chart.locator('[part~="chart-point"]').evaluateAll((nodes) => nodes.map((n) => Number(n.getAttribute('cy'))));
    expect(ys[0]).toBeGreaterThan(ys[11]!);
  });

  it('draws a single point without a line', async () => {
    const { page } = await h.open();
    await page.evaluate(() => {
      const chart = document.createElement('is-trend-chart');
      chart.points = [{ date: '2026-11-27', score: 40 }];
      chart.label = 'Readiness';
      document.body.appendChild(chart);
    });
    await expect(page.locator('is-trend-chart [part~="chart-point"]').count()).resolves.toBe(1);
    await expect(page.locator('is-trend-chart [part~="chart-line"]').count()).resolves.toBe(0);
  });
});
