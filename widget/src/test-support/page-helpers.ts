/** Small helpers the browser tests share. */
import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { STUDIO_EVENTS } from '../events.js';
import { collectPageErrors, newContext } from './chromium.js';

/** `test-output/screenshots/` at the repository root. */
export const SCREENSHOT_DIR = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..', 'test-output', 'screenshots');

export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const path = join(SCREENSHOT_DIR, `${name}.png`);
  await page.screenshot({ path, fullPage: true });
  return path;
}

/** Records every widget event the page sees in `window.__studioEvents` (install before loading). */
export async function recordStudioEvents(page: Page): Promise<void> {
  await page.addInitScript((names: readonly string[]) => {
    const events: { type: string; detail: unknown }[] = [];
    (window as unknown as { __studioEvents: typeof events }).__studioEvents = events;
    for (const name of names) document.addEventListener(name, (e) => events.push({ type: name, detail: (e as CustomEvent).detail }));
  }, STUDIO_EVENTS);
}

export async function studioEvents(page: Page): Promise<{ type: string; detail: Record<string, unknown> }[]> {
  return page.evaluate(() => (window as unknown as { __studioEvents: { type: string; detail: Record<string, unknown> }[] }).__studioEvents);
}

export async function waitForStudioEvent(page: Page, type: string, count = 1, timeout = 15_000): Promise<void> {
  await page.waitForFunction(
    ([t, n]) => (window as unknown as { __studioEvents: { type: string }[] }).__studioEvents.filter((e) => e.type === t).length >= (n as number),
    [type, count] as const,
    { timeout },
  );
}

/** The element that has focus, looking through shadow roots: its tag, id, text and part. */
export async function deepActive(page: Page): Promise<{ tag: string; id: string; text: string; part: string }> {
  return page.evaluate(() => {
    let el: Element | null = document.activeElement;
    while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
    return {
      tag: el?.tagName.toLowerCase() ?? '',
      id: el?.id ?? '',
      text: (el?.textContent ?? '').trim().replace(/\s+/g, ' ').slice(0, 80),
      part: el?.getAttribute('part') ?? '',
    };
  });
}

/** Presses Tab until the focused element's text or id matches, failing after `max` presses. */
export async function tabTo(page: Page, match: RegExp, max = 40): Promise<void> {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    const active = await deepActive(page);
    if (match.test(active.text) || match.test(active.id)) return;
  }
  throw new Error(`Tab never reached ${match}`);
}

/**
 * Answers the age confirmation a new learner sees first ("I am 16 or older", or the tenant's
 * age, in any language), and waits for the widget to move on. `studio` is the
 * `<interview-studio>` locator.
 */
export async function confirmAge(studio: Locator): Promise<void> {
  const button = studio.locator('[part~="age-gate"] [part~="button-primary"]');
  await button.click();
  await button.waitFor({ state: 'detached' });
}

/**
 * Opens `url` in a fresh browser context as a learner new to the tenant: records the page's
 * errors and the widget's events, waits for `is-ready` and answers the age confirmation.
 */
export async function openAsNewLearner(
  browser: Browser,
  url: string,
  contextOptions: Parameters<Browser['newContext']>[0] = {},
): Promise<{ context: BrowserContext; page: Page; errors: string[]; studio: Locator }> {
  const context = await newContext(browser, contextOptions);
  const page = await context.newPage();
  const errors = collectPageErrors(page);
  await recordStudioEvents(page);
  await page.goto(url);
  await waitForStudioEvent(page, 'is-ready');
  const studio = page.locator('interview-studio');
  await confirmAge(studio);
  return { context, page, errors, studio };
}
