import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openHarness, type Harness } from '../../test-support/harness.js';
import { formatClock } from './mock-timer.component.js';

let h: Harness;
beforeAll(async () => {
  h = await openHarness();
});
afterAll(async () => h?.close());

describe('<is-mock-timer>', () => {
  it.each([
    [125, '2:05'],
    [60, '1:00'],
    [0, '0:00'],
    [-7, '−0:07'],
  ])('formats %s s as %s', (seconds, text) => expect(formatClock(seconds)).toBe(text));

  it('counts to the deadline corrected for clock skew, and alerts once when low and once when over', async () => {
    const { page } = await h.open();
    await page.clock.install();
    await page.evaluate(() => {
      const timer = document.createElement('is-mock-timer');
      const alerts: string[] = [];
      (window as unknown as { alerts: string[] }).alerts = alerts;
      timer.addEventListener('is-timer-alert', (e) => alerts.push((e as CustomEvent<{ kind: string }>).detail.kind));
      timer.i18n = new window.harness.I18n('en');
      // The server's clock is 10 s behind this device's.
      timer.skewMs = 10_000;
      timer.deadline = new Date(Date.now() - 10_000 + 65_000).toISOString();
      document.body.appendChild(timer);
    });
    const clock = page.locator('is-mock-timer .time');
    await expect.poll(() => clock.textContent()).toBe('1:05');
    await page.clock.fastForward('00:10');
    await expect.poll(() => clock.textContent()).toBe('0:55');
    await page.clock.fastForward('01:00');
    await expect.poll(() => clock.textContent()).toBe('−0:05');
    await page.clock.fastForward('00:30');
    expect(await page.evaluate(() => (window as unknown as { alerts: string[] }).alerts)).toEqual(['low', 'over']);
    await expect(page.locator('is-mock-timer').getByRole('timer').getAttribute('aria-label')).resolves.toMatch(/^Time is up: −0:3\d$/);
  });
});
