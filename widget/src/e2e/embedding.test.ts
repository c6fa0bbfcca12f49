/**
 * The script-tag API: modal and launcher modes (focus moves in, Escape closes, focus returns),
 * calls queued before the script loads, several instances on one page, loading the script
 * twice, and destroy().
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { collectPageErrors, launchChromium, newContext } from '../test-support/chromium.js';
import { confirmAge, deepActive, recordStudioEvents, screenshot, studioEvents, waitForStudioEvent } from '../test-support/page-helpers.js';
import { QUEUE_STUB } from '../embed/snippet.js';
import { startStudioServer, type StudioServer } from '../test-support/studio-server.js';

let server: StudioServer;
let browser: Browser;

const html = (head: string, body = '') =>
  `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Embed</title><link rel="icon" href="data:,">${head}</head><body><main><h1>Embed</h1>${body}</main></body></html>`;

beforeAll(async () => {
  [server, browser] = await Promise.all([
    startStudioServer({
      routes(app, s) {
        const pk = () => s.publishableKey();
        // The stub and the calls live in a file of the page's own (no inline script).
        app.get('/test/queue.js', async (_q, r) =>
          r.type('text/javascript').send(`${QUEUE_STUB}
InterviewStudio.mount('#q', { publishableKey: '${pk()}', id: 'queued', theme: 'dark' });
InterviewStudio.open('queued');`),
        );
        app.get('/test/queue', async (_q, r) =>
          r.type('text/html').send(html('<script src="/test/queue.js" defer></script><script async src="/widget.js"></script>', '<div id="q"></div>')),
        );
        app.get('/test/twice', async (_q, r) =>
          r.type('text/html').send(
            html(
              `<script async src="/widget.js" data-publishable-key="${pk()}" data-target="#one"></script>
               <script async src="/widget.js" data-publishable-key="${pk()}" data-target="#two"></script>
               <script src="/widget.js" data-publishable-key="${pk()}" data-target="#one" defer></script>`,
              '<div id="one"></div><div id="two"></div>',
            ),
          ),
        );
      },
    }),
    launchChromium(),
  ]);
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('embedding', () => {
  it('opens the modal from the page and the launcher, traps and returns focus, closes on Escape', async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    const errors = collectPageErrors(page);
    await recordStudioEvents(page);
    await page.goto(`${server.url}/demo/embed-modes`);
    await waitForStudioEvent(page, 'is-ready', 2);
    // Mounted by the page's script before widget.js arrived (queue stub), and by its own tag.
    const ids = await page.evaluate(() => (window as unknown as { InterviewStudio: { instances(): { id: string }[] } }).InterviewStudio.instances().map((i) => i.id));
    expect(ids.sort()).toEqual(['launcher', 'practice']);

    // Modal, opened from the page's own button by keyboard.
    await page.getByRole('button', { name: 'Practise an interview' }).focus();
    await page.keyboard.press('Enter');
    const dialog = page.locator('interview-studio[mode="modal"]').locator('dialog');
    await expect(dialog.getAttribute('open')).resolves.toBe('');
    const headingHasFocus = (name: string) =>
      page.waitForFunction((text) => {
        let el: Element | null = document.activeElement;
        while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
        return (el?.hasAttribute('data-view-heading') ?? false) && el?.textContent?.trim() === text;
      }, name);
    // A new guest confirms their age first; focus is on the question.
    await headingHasFocus('Before you start');
    await screenshot(page, 'modal-age-gate');
    // Confirming in one instance answers for the page: the launcher's instance stops asking too.
    await confirmAge(page.locator('interview-studio[mode="modal"]'));
    await headingHasFocus('Your interview readiness');
    expect((await deepActive(page)).text).toBe('Your interview readiness');
    await screenshot(page, 'modal');
    // Focus stays inside the dialog.
    for (let i = 0; i < 25; i++) await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.tagName.toLowerCase())).toBe('interview-studio');
    await page.keyboard.press('Escape');
    await expect(dialog.getAttribute('open')).resolves.toBeNull();
    expect((await deepActive(page)).text).toBe('Practise an interview');

    // Launcher: a floating button opens the second instance; its close button closes it.
    const launcher = page.locator('interview-studio[mode="launcher"]');
    await launcher.getByRole('button', { name: 'Practise interviews' }).click();
    await expect(launcher.locator('dialog').getAttribute('open')).resolves.toBe('');
    await launcher.getByRole('heading', { name: 'Your interview readiness' }).waitFor();
    await screenshot(page, 'launcher-open');
    await launcher.getByRole('button', { name: 'Close' }).click();
    await expect(launcher.locator('dialog').getAttribute('open')).resolves.toBeNull();
    expect((await deepActive(page)).text).toBe('Practise interviews');
    expect(errors).toEqual([]);
    await context.close();
  }, 60_000);

  it('loads twice without defining twice, mounts each tag once, and destroys cleanly', async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    const errors = collectPageErrors(page);
    const warnings: string[] = [];
    page.on('console', (m) => m.type() === 'warning' && warnings.push(m.text()));
    await recordStudioEvents(page);
    await page.goto(`${server.url}/test/twice`);
    await waitForStudioEvent(page, 'is-ready', 2);
    await page.waitForTimeout(300);
    expect(await page.locator('interview-studio').count()).toBe(2);
    expect(await page.locator('#one interview-studio').count()).toBe(1);
    expect(warnings.filter((w) => /already defined/.test(w))).toEqual([]);

    // A learner event reaches the page once per instance action, never twice.
    await page.evaluate(() => (window as unknown as { InterviewStudio: { destroy(id?: string): void } }).InterviewStudio.destroy());
    expect(await page.locator('interview-studio').count()).toBe(0);
    expect((await studioEvents(page)).filter((e) => e.type === 'is-ready')).toHaveLength(2);
    expect(errors).toEqual([]);
    await context.close();
  }, 60_000);

  it('replays queued calls in order when the script arrives', async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    const errors = collectPageErrors(page);
    await recordStudioEvents(page);
    // Hold widget.js back until the page has queued its calls.
    let release: () => void = () => undefined;
    const held = new Promise<void>((resolve) => (release = resolve));
    await page.route('**/widget.js', async (route) => {
      await held;
      await route.continue();
    });
    await page.goto(`${server.url}/test/queue`, { waitUntil: 'domcontentloaded' });
    expect(await page.evaluate(() => (window as unknown as { InterviewStudio: { q: unknown[] } }).InterviewStudio.q.length)).toBe(2);
    release();
    await waitForStudioEvent(page, 'is-ready');
    expect(await page.locator('#q interview-studio[theme="dark"]').count()).toBe(1);
    expect(errors).toEqual([]);
    await context.close();
  }, 60_000);
});
