import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openHarness, type Harness } from '../../test-support/harness.js';

let h: Harness;
beforeAll(async () => {
  h = await openHarness();
});
afterAll(async () => h?.close());

describe('<interview-studio>', () => {
  describe('events', () => {
    it('fires is-ready once, bubbling and composed, with a typed detail', async () => {
      const { page, errors } = await h.open();
      await page.evaluate(() => {
        (window as unknown as { docEvents: unknown[] }).docEvents = [];
        document.addEventListener('is-ready', (e) => (window as unknown as { docEvents: unknown[] }).docEvents.push(e.detail));
        window.harness.mount();
      });
      await page.waitForFunction(() => (window as unknown as { docEvents: unknown[] }).docEvents.length > 0);
      expect(await page.evaluate(() => (window as unknown as { docEvents: unknown[] }).docEvents)).toEqual([
        { tenantId: 'ten_demo', locale: 'en', guest: false, view: 'home' },
      ]);
      expect(errors).toEqual([]);
    });

    it('reports a failed call with is-error (code, learner message, operation) and shows the message', async () => {
      const { page } = await h.mount({ fixture: { fail: { readiness: 'RATE_LIMITED' } } });
      const studio = page.locator('interview-studio');
      await studio.getByText('That was a lot of requests at once.', { exact: false }).waitFor();
      const event = await page.evaluate(() => window.harness.events.find((e) => e.type === 'is-error'));
      expect(event?.detail).toEqual({
        code: 'RATE_LIMITED',
        message: 'That was a lot of requests at once. Please wait a moment and try again.',
        operation: 'home.load',
      });
      await expect(studio.getByText('Error code: RATE_LIMITED').isVisible()).resolves.toBe(true);
    });

    it('explains a missing publishable key instead of failing silently', async () => {
      const { page, errors } = await h.open();
      await page.evaluate(() => window.harness.mount({ noApi: true }));
      await page.locator('interview-studio').getByText('Interview Studio is not set up correctly on this page.').waitFor();
      expect(errors.join()).toMatch(/needs a publishable key/);
    });
  });

  describe('properties', () => {
    it('follows the locale attribute over the tenant and the browser', async () => {
      const { page } = await h.mount({ attributes: { locale: 'fr' } });
      await page.locator('interview-studio').getByRole('heading', { name: 'Votre préparation aux entretiens' }).waitFor();
      expect(await page.evaluate(() => window.harness.events.find((e) => e.type === 'is-ready')?.detail)).toMatchObject({ locale: 'fr' });
    });

    it('takes the tenant’s locale when there is no attribute', async () => {
      const { page } = await h.mount({ tenant: 'spanish' });
      await page.locator('interview-studio').getByRole('heading', { name: 'Tu preparación para entrevistas' }).waitFor();
    });

    it('switches to the dark theme, and follows the system in auto', async () => {
      const { page } = await h.mount({ attributes: { theme: 'dark' } });
      const isDark = () => page.evaluate(() => document.querySelector('interview-studio')!.shadowRoot!.querySelector('[part~="base"]')!.classList.contains('dark'));
      expect(await isDark()).toBe(true);
      const auto = await h.mount({ attributes: { theme: 'auto' } }, { colorScheme: 'dark' });
      expect(await auto.page.evaluate(() => document.querySelector('interview-studio')!.shadowRoot!.querySelector('[part~="base"]')!.classList.contains('dark'))).toBe(true);
    });

    it('keeps what the learner typed when the host page renews the token', async () => {
      const { page } = await h.mount({ view: { name: 'setup' } });
      const studio = page.locator('interview-studio');
      await studio.getByLabel('Role').fill('Paramedic');
      await page.evaluate(() => window.harness.element!.setToken('renewed-token'));
      await page.waitForTimeout(100);
      await expect(studio.getByLabel('Role').inputValue()).resolves.toBe('Paramedic');
    });

    it('starts on the initial view it is given', async () => {
      const { page } = await h.mount({ view: { name: 'history' } });
      await page.locator('interview-studio').getByRole('heading', { name: 'Your progress' }).waitFor();
      expect(await page.evaluate(() => document.querySelector('interview-studio')!.currentView)).toBe('history');
    });
  });

  describe('theming', () => {
    it('lets the host page restyle through --is-* properties and ::part()', async () => {
      const { page } = await h.mount({
        hostCss: 'interview-studio { --is-primary: #7c2d12; } interview-studio::part(button-primary) { text-transform: uppercase; }',
      });
      const button = page.locator('interview-studio').getByRole('button', { name: 'Start practising' });
      await button.waitFor();
      expect(await button.evaluate((b) => getComputedStyle(b).backgroundColor)).toBe('rgb(124, 45, 18)');
      expect(await button.evaluate((b) => getComputedStyle(b).textTransform)).toBe('uppercase');
    });

    it('applies the tenant brand and replaces a low-contrast text colour, warning once', async () => {
      const { page } = await h.open();
      const warnings: string[] = [];
      page.on('console', (m) => m.type() === 'warning' && warnings.push(m.text()));
      await page.evaluate(() => window.harness.mount({ tenant: 'harbour' }));
      await page.waitForFunction(() => window.harness.events.some((e) => e.type === 'is-ready'));
      const button = page.locator('interview-studio').getByRole('button', { name: 'Start practising' });
      const colours = await button.evaluate((b) => [getComputedStyle(b).backgroundColor, getComputedStyle(b).color]);
      expect(colours).toEqual(['rgb(250, 204, 21)', 'rgb(17, 24, 39)']);
      expect(warnings.filter((w) => w.includes('WCAG'))).toHaveLength(1);
    });
  });

  describe('keyboard and accessibility', () => {
    it('moves focus to the new view’s heading after navigation, and marks the current item', async () => {
      const { page } = await h.mount();
      const studio = page.locator('interview-studio');
      await studio.getByRole('button', { name: 'STAR stories', exact: true }).focus();
      await page.keyboard.press('Enter');
      await studio.getByRole('heading', { name: 'STAR stories' }).waitFor();
      await page.waitForFunction(() => {
        let el: Element | null = document.activeElement;
        while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
        return el?.textContent?.trim() === 'STAR stories' && el.tagName === 'H2';
      });
      await expect(studio.getByRole('button', { name: 'STAR stories', exact: true }).getAttribute('aria-current')).resolves.toBe('page');
    });

    it('does not take focus from the host page when it first appears', async () => {
      const { page } = await h.mount();
      expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('BODY');
    });

    it('has a polite live region for announcements', async () => {
      const { page } = await h.mount();
      const region = page.locator('interview-studio').locator('[data-live-region]');
      await expect(region.getAttribute('aria-live')).resolves.toBe('polite');
      await expect(region.getAttribute('role')).resolves.toBe('status');
    });
  });

  describe('direction and motion', () => {
    it('mirrors its layout right to left', async () => {
      const { page } = await h.open();
      await page.evaluate(() => {
        document.documentElement.dir = 'rtl';
        window.harness.mount();
      });
      await page.waitForFunction(() => window.harness.events.some((e) => e.type === 'is-ready'));
      const studio = page.locator('interview-studio');
      const title = await studio.locator('[part~="title"]').boundingBox();
      const nav = await studio.locator('[part~="nav"]').boundingBox();
      expect(title!.x).toBeGreaterThan(nav!.x);
    });

    it('keeps still when the learner asks for reduced motion', async () => {
      const { page } = await h.open({ reducedMotion: 'reduce' });
      await page.evaluate(() => window.harness.mount({ fixture: { hang: ['readiness'] } }));
      const spinner = page.locator('interview-studio').locator('is-home-view .spinner').first();
      await spinner.waitFor();
      expect(await spinner.evaluate((el) => getComputedStyle(el).animationName)).toBe('none');
      const moving = await h.open({ reducedMotion: 'no-preference' });
      await moving.page.evaluate(() => window.harness.mount({ fixture: { hang: ['readiness'] } }));
      const spinning = moving.page.locator('interview-studio').locator('is-home-view .spinner').first();
      await spinning.waitFor();
      expect(await spinning.evaluate((el) => getComputedStyle(el).animationName)).toBe('is-spin');
    });
  });

  describe('definition', () => {
    it('warns instead of throwing when a second copy defines the same tag', async () => {
      const { page } = await h.open();
      const warnings: string[] = [];
      page.on('console', (m) => m.type() === 'warning' && warnings.push(m.text()));
      const threw = await page.evaluate(() => {
        try {
          // What a second copy of the widget does: another class for the same tag, twice.
          const other = class extends HTMLElement {};
          window.harness.defineElement('interview-studio', other);
          window.harness.defineElement('interview-studio', other);
          return customElements.get('interview-studio') === other;
        } catch {
          return 'threw';
        }
      });
      expect(threw).toBe(false);
      expect(warnings.filter((w) => w.includes('<interview-studio> is already defined'))).toHaveLength(1);
    });
  });

  describe('modal', () => {
    it('opens with show(), closes on Escape, and reflects open', async () => {
      const { page } = await h.mount({ attributes: { mode: 'modal' } });
      const studio = page.locator('interview-studio');
      expect(await studio.locator('dialog').getAttribute('open')).toBeNull();
      await page.evaluate(() => document.querySelector('interview-studio')!.show());
      await studio.locator('dialog[open]').waitFor();
      await expect(studio.getAttribute('open')).resolves.toBe('');
      await page.keyboard.press('Escape');
      await page.waitForFunction(() => !document.querySelector('interview-studio')!.hasAttribute('open'));
    });
  });
});
